(** * Prune: darcs' dependency walk, visiting only the patches whose paths
    meet what the walk carries.

    [Depend.deps_walk] tries to commute every earlier patch past the
    patch and what it depends on (the bundle, [d_pd]).  A patch whose
    touched paths are unrelated to every path the bundle touches, that is
    not a known indirect dependency and that no patch of the bundle
    explicitly depends on, commutes past the bundle unchanged
    ([Touch.commute_fl_apart]), so the walk's answer does not depend on
    it: the pruned walk skips it without commuting.

    The walk keeps a set of paths [p_paths] that covers every path the
    bundle touches (in its current, commuted form): it grows by the summary
    of every patch added to the bundle, and by the bundle's paths after a
    patch holding a move commutes past it (without a move the bundle keeps
    its paths, [Touch.commute_fl_nomove]).  It keeps
    the explicit dependencies of the bundle's patches in [p_xdeps].

    The earlier patches come as [hitem]s: index, a summary of the paths
    (covering the patch's touched paths) and either the patch with all its
    dependencies ([HFull]) or nothing ([HSkip]).  Meeting a [HSkip] that
    cannot be skipped, the walk stops and asks for that patch ([PNeed]).

    - [deps_prune]: the dependencies of one patch from such a list (the
      wire's op 13); [PruneLaws.deps_prune_exact]: equal to
      [Depend.deps_of] whenever the summaries are right.
    - [dependencies_pruned]: the whole graph, every patch given, each
      summary computed here (op 7); [PruneLaws.dependencies_pruned_eq]:
      equal to [Depend.dependencies], unconditionally. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Touch.
Import ListNotations.

(** An answer, or the index of a patch the computation needs in full. *)
Inductive presult (A : Type) := PDone (a : A) | PNeed (j : nat).
Arguments PDone {A}. Arguments PNeed {A}.

Section Prune.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** ** Paths sets *)

(** Add the paths of [xs] to [ps], leaving out those already covered. *)
Definition add_paths (xs ps : list path) : list path :=
  fold_left (fun acc x => if covered acc x then acc else x :: acc) xs ps.

(** ** darcs' [commuteFL] in linear time

    [Commute.commute_seq] reverses the first sequence with [rev], which
    the extraction runs in quadratic time: a patch of ten thousand prims
    would cost fifty million steps at each commutation.  The same
    functions with [rev_append] ([commute_inamed_lin_eq]: equal). *)

Definition commute_seq_lin (xs ys : list prim) : option (list prim * list prim) :=
  commute_rl (rev_append xs []) ys [].

Definition commute_inamed_lin (p q : inamed) : option (inamed * inamed) :=
  let '(i, (pe, pd)) := p in
  let '(j, (qe, qd)) := q in
  if existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd then None
  else match commute_seq_lin pe qe with
       | Some (qe', pe') => Some ((j, (qe', qd)), (i, (pe', pd)))
       | None => None
       end.

Lemma commute_inamed_lin_eq : forall p q, commute_inamed_lin p q = commute_inamed p q.
Proof.
  intros [i [pe pd]] [j [qe qd]]. unfold commute_inamed_lin, commute_inamed, commute_seq_lin,
    commute_seq. rewrite <- rev_alt. reflexivity.
Qed.

(** ** darcs' [commuteFL], skipping the patches on unrelated paths

    Moving a patch [x] past the bundle, a patch of the bundle that is
    independent of [x] and whose summary is unrelated to [x]'s commutes
    unchanged ([Touch.commute_inamed_apart]): it is passed over without
    commuting a single prim.  Each patch carries a summary covering its
    paths; a commuted patch keeps its summary unless the other one holds a
    move (then the two summaries together cover it,
    [Touch.commute_inamed_covered]). *)

Definition passes (x : inamed) (sx : list path) (y : inamed) (sy : list path) : bool :=
  negb (meets sx sy) && negb (existsb (Nat.eqb (fst x)) (snd (snd y)))
  && negb (existsb (Nat.eqb (fst y)) (snd (snd x))).

Fixpoint commute_fl_pr (x : inamed) (sx : list path) (ys : list inamed) (ss : list (list path))
  : option (list inamed * list (list path) * inamed * list path) :=
  match ys with
  | [] => Some ([], [], x, sx)
  | y :: ys' =>
      (* (a missing summary is the root, related to everything) *)
      let sy := match ss with s :: _ => s | [] => [[]] end in
      let ss' := match ss with _ :: r => r | [] => [] end in
      if passes x sx y sy then
        match commute_fl_pr x sx ys' ss' with
        | Some (ys'', ss'', x'', sx'') => Some (y :: ys'', sy :: ss'', x'', sx'')
        | None => None
        end
      else
        match commute_inamed_lin x y with
        | Some (y', x') =>
            let sy' := if ihas_move x then sy ++ sx else sy in
            let sx' := if ihas_move y then sx ++ sy else sx in
            match commute_fl_pr x' sx' ys' ss' with
            | Some (ys'', ss'', x'', sx'') => Some (y' :: ys'', sy' :: ss'', x'', sx'')
            | None => None
            end
        | None => None
        end
  end.

(** ** The pruned walk *)

(** An earlier patch: given in full with all its dependencies, or not. *)
Inductive hentry := HFull (q : named) (allj : list nat) | HSkip.

(** Index, summary of the touched paths, the patch or nothing. *)
Definition hitem := (nat * list path * hentry)%type.

Record pstate := PS {
  p_st : @dstate L N;      (** darcs' walk state (bundle, direct and all dependencies, cursor) *)
  p_paths : list path;      (** covers every path the bundle touches *)
  p_xdeps : list nat;       (** the explicit dependencies of the bundle's patches *)
  p_sums : list (list path) (** a summary of each patch of the bundle, in its order *)
}.

(** [j] is the next known indirect dependency ([deps_walk]'s test). *)
Definition known_at (j : nat) (cur : list nat) : bool :=
  match cur with k :: _ => k =? j | [] => false end.

(** A patch given in full that names a dependency at or after itself
    (never in a real history): it is looked at, as darcs would. *)
Definition forward (j : nat) (e : hentry) : bool :=
  match e with HFull q _ => existsb (fun d => j <=? d) (snd q) | HSkip => false end.

(** The patch must be looked at: a known dependency, an explicit
    dependency of the bundle, or paths that meet the bundle's. *)
Definition must_visit (j : nat) (sum : list path) (e : hentry) (st : pstate) : bool :=
  known_at j (drop_above j (d_cursor (p_st st))) || existsb (Nat.eqb j) (p_xdeps st)
  || meets sum (p_paths st) || forward j e.

(** One step of [Depend.deps_walk] on a patch looked at, carrying the
    paths and explicit dependencies along. *)
Definition full_step (j : nat) (sum : list path) (q : named) (allj : list nat) (st : pstate) : pstate :=
  let ds := p_st st in
  let cur := drop_above j (d_cursor ds) in
  let ps' := add_paths sum (p_paths st) in
  if known_at j cur then
    PS (DS ((j, q) :: d_pd ds) (d_nd ds) (d_direct ds) (d_all ds) cur) ps' (snd q ++ p_xdeps st)
       (sum :: p_sums st)
  else
    match commute_fl_pr (j, q) sum (d_pd ds) (p_sums st) with
    | Some (pd', ss', q', _) =>
        (* the bundle keeps its paths unless [q] holds a move ([commute_fl_nomove]) *)
        let ps'' := if has_move (fst q) then add_paths (concat ss') (p_paths st) else p_paths st in
        PS (DS pd' (q' :: d_nd ds) (d_direct ds) (d_all ds) cur) ps'' (p_xdeps st) ss'
    | None =>
        let all' := merge_desc (d_all ds) (j :: allj) in
        PS (DS ((j, q) :: d_pd ds) (d_nd ds) (j :: d_direct ds) all' (drop_above j all')) ps'
           (snd q ++ p_xdeps st) (sum :: p_sums st)
    end.

(** Skipping a patch only moves the cursor. *)
Definition skip_step (j : nat) (st : pstate) : pstate :=
  let ds := p_st st in
  PS (DS (d_pd ds) (d_nd ds) (d_direct ds) (d_all ds) (drop_above j (d_cursor ds)))
     (p_paths st) (p_xdeps st) (p_sums st).

Fixpoint prune_walk (hist : list hitem) (st : pstate) : presult pstate :=
  match hist with
  | [] => PDone st
  | (j, sum, e) :: hist' =>
      if must_visit j sum e st then
        match e with
        | HFull q allj => prune_walk hist' (full_step j sum q allj st)
        | HSkip => PNeed j
        end
      else prune_walk hist' (skip_step j st)
  end.

(** The walk for patch [i] (summary [sum]) starts with the patch alone. *)
Definition prune_init (i : nat) (p : named) (sum : list path) : pstate :=
  PS (DS [(i, p)] [] [] [] []) sum (snd p) [sum].

(** ** One patch (op 13) *)

(** An earlier patch as the caller sends it: the patch and all its
    dependencies, or a summary of its touched paths. *)
Inductive wentry := WFull (q : named) (allj : list nat) | WSkip (sum : list path).

(** Number the entries (the first is patch 0) and put the nearest first;
    the summary of a full patch is computed here. *)
Fixpoint hist_of (nleb : N -> N -> bool) (i : nat) (es : list wentry) (acc : list hitem)
  : list hitem :=
  match es with
  | [] => acc
  | WFull q allj :: es' => hist_of nleb (S i) es' ((i, summarize nleb q, HFull q allj) :: acc)
  | WSkip sum :: es' => hist_of nleb (S i) es' ((i, sum, HSkip) :: acc)
  end.

(** The direct dependencies (ascending) and all dependencies (descending)
    of patch [p], given the patches before it ([es], in order; [p] is
    patch [length es]); or the index of a patch needed in full. *)
Definition deps_prune (nleb : N -> N -> bool) (p : named) (es : list wentry)
  : presult (list nat * list nat) :=
  match prune_walk (hist_of nleb 0 es []) (prune_init (length es) p (summarize nleb p)) with
  | PDone st => PDone (d_direct (p_st st), d_all (p_st st))
  | PNeed j => PNeed j
  end.

(** ** The whole graph (op 7) *)

Fixpoint pdeps_from (nleb : N -> N -> bool) (i : nat) (ps : list named) (hist : list hitem)
  (acc : list (list nat)) : list (list nat) :=
  match ps with
  | [] => rev acc
  | p :: ps' =>
      let sum := summarize nleb p in
      match prune_walk hist (prune_init i p sum) with
      | PDone st =>
          pdeps_from nleb (S i) ps' ((i, sum, HFull p (d_all (p_st st))) :: hist)
            (d_direct (p_st st) :: acc)
      | PNeed _ => []   (* never: every patch is given in full *)
      end
  end.

(** ** A stretch of the graph (op 18)

    The graph in stretches, each call under its own budget: the patches
    before the stretch come in full with the dependency sets computed for
    them earlier, and each patch of the stretch gets its direct and all
    dependencies ([PruneLaws.deps_range_exact]: those of
    [Depend.dependencies] whenever the earlier sets are its own). *)

Fixpoint pstates_from (nleb : N -> N -> bool) (i : nat) (ps : list named) (hist : list hitem)
  : list (list nat * list nat) :=
  match ps with
  | [] => []
  | p :: ps' =>
      let sum := summarize nleb p in
      match prune_walk hist (prune_init i p sum) with
      | PDone st =>
          (d_direct (p_st st), d_all (p_st st))
            :: pstates_from nleb (S i) ps' ((i, sum, HFull p (d_all (p_st st))) :: hist)
      | PNeed _ => []   (* never: every patch is given in full *)
      end
  end.

Definition deps_range (nleb : N -> N -> bool) (pre : list (named * list nat)) (ps : list named)
  : list (list nat * list nat) :=
  pstates_from nleb (length pre) ps (hist_of nleb 0 (map (fun qa => WFull (fst qa) (snd qa)) pre) []).

(** For each named patch, its direct dependencies, ascending. *)
Definition dependencies_pruned (nleb : N -> N -> bool) (ps : list named) : list (list nat) :=
  pdeps_from nleb 0 ps [] [].

End Prune.

Arguments hentry : clear implicits.
Arguments hitem : clear implicits.
Arguments wentry : clear implicits.
