(** * Conflict2: darcs-2 repository patches (darcs' [Darcs.Patch.V2.RepoPatch]
    and [Darcs.Patch.V2.Non]): duplicates, conflictors, their commutation,
    and the dependencies that [darcs show dependencies] computes over them.

    Every prim commutation underneath is the verified [commute] of
    [Commute.v].  The darcs-2 rules recurse through the contexts of
    [Non]s, so the functions here take the operations of the level below
    ([ops]) and [level] stacks a bounded number of levels; running out,
    like the cases darcs reports as internal errors, answers [Unsup]. *)

From Coq Require Import List Bool Arith.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Depend Walk Conflict3.
Import ListNotations.

Section Conflict2.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation prim := (prim L N).

(** ** Repository patches *)

Inductive rp2 :=
| Normal (p : prim)
| Dup (n : non)                                   (** [duplicate] *)
| Etac (n : non)                                  (** [etacilpud], its inverse *)
| Conf (ix : list non) (xx : list prim) (x : non) (** [conflictor] *)
| InvConf (ix : list non) (xx : list prim) (x : non)
with non := Non (c : list rp2) (x : prim).       (** a prim in its context *)

Definition invert2 (p : rp2) : rp2 :=
  match p with
  | Normal q => Normal (invert q)
  | Dup n => Etac n
  | Etac n => Dup n
  | Conf ix xx x => InvConf ix xx x
  | InvConf ix xx x => Conf ix xx x
  end.

Definition effect2 (p : rp2) : list prim :=
  match p with
  | Normal q => [q]
  | Dup _ | Etac _ => []
  | Conf _ xx _ => invert_seq xx
  | InvConf _ xx _ => xx
  end.

Definition effects2 (ps : list rp2) : list prim := concat (map effect2 ps).

(** ** Prim sequences (no recursion through contexts) *)

Definition prim_eqb (p q : prim) : bool := if prim_eq_dec p q then true else false.

(** [commuteRL]: move [y] left past [xs]. *)
Fixpoint p_crl (xs : list prim) (y : prim) : option (prim * list prim) :=
  match xs with
  | [] => Some (y, [])
  | x :: xs' =>
      match p_crl xs' y with
      | Some (y1, xs'') =>
          match commute x y1 with Some (y2, x') => Some (y2, x' :: xs'') | None => None end
      | None => None
      end
  end.

(** [headPermutationsFL]: each prim that can be commuted to the front,
    with the rest. *)
Fixpoint p_heads (ps : list prim) : list (prim * list prim) :=
  match ps with
  | [] => []
  | p :: ps' =>
      (p, ps') :: flat_map (fun zzs => let '(z, zs) := zzs in
                                       match commute p z with
                                       | Some (z', p') => [(z', p' :: zs)]
                                       | None => []
                                       end) (p_heads ps')
  end.

Definition p_remove_fl (x : prim) (xs : list prim) : option (list prim) :=
  match find (fun zzs => prim_eqb x (fst zzs)) (p_heads xs) with
  | Some (_, zs) => Some zs
  | None => None
  end.

(** [headPermutationsRL] on a reversed list: each prim that can be
    commuted to the end, with the rest (reversed). *)
Fixpoint p_tails (rps : list prim) : list (list prim * prim) :=
  match rps with
  | [] => []
  | p :: rps' =>
      (rps', p) :: flat_map (fun zsz => let '(zs, z) := zsz in
                                        match commute z p with
                                        | Some (p', z') => [(p' :: zs, z')]
                                        | None => []
                                        end) (p_tails rps')
  end.

Definition p_remove_rl (x : prim) (xs : list prim) : option (list prim) :=
  match find (fun zsz => prim_eqb x (snd zsz)) (p_tails (rev xs)) with
  | Some (rzs, _) => Some (rev rzs)
  | None => None
  end.

(** [=\~/=]: equal up to commutation, compared from the front. *)
Fixpoint p_eq_fl_same (xs ys : list prim) : bool :=
  match xs, ys with
  | [], [] => true
  | x :: xs', _ => match p_remove_fl x ys with Some ys' => p_eq_fl_same xs' ys' | None => false end
  | [], _ :: _ => false
  end.

Definition p_eq_fl (xs ys : list prim) : bool :=
  (length xs =? length ys) && p_eq_fl_same xs ys.

(** [=/~\=]: the same compared from the end. *)
Fixpoint p_eq_rl_same (rxs ys : list prim) : bool :=
  match rxs, ys with
  | [], [] => true
  | x :: rxs', _ => match p_remove_rl x ys with Some ys' => p_eq_rl_same rxs' ys' | None => false end
  | [], _ :: _ => false
  end.

Definition p_eq_rl (xs ys : list prim) : bool :=
  (length xs =? length ys) && p_eq_rl_same (rev xs) ys.

(** [joinInverses]: drop each prim whose inverse can be commuted next to it. *)
Fixpoint join_inverses (ps : list prim) : list prim :=
  match ps with
  | [] => []
  | p :: ps' =>
      let r := join_inverses ps' in
      match p_remove_fl (invert p) r with Some r' => r' | None => p :: r end
  end.

(** [commuteWhatWeCanFL] on prims: [p] past as much of [xs] as it can;
    [g] bounds the recursion (the length suffices). *)
Fixpoint p_cwwc (g : nat) (p : prim) (xs : list prim) : option (list prim * prim * list prim) :=
  match g with
  | O => None
  | S g' =>
      match xs with
      | [] => Some ([], p, [])
      | x :: xs' =>
          match commute p x with
          | None =>
              match p_cwwc g' x xs' with
              | Some (xs1, x', xs2) =>
                  match p_cwwc g' p xs1 with
                  | Some (xs1', p', xs2') => Some (xs1', p', xs2' ++ x' :: xs2)
                  | None => None
                  end
              | None => None
              end
          | Some (x', p') =>
              match p_cwwc g' p' xs' with
              | Some (a, p'', c) => Some (x' :: a, p'', c)
              | None => None
              end
          end
      end
  end.

(** [commuteWhatWeCanRL] on prims, [rxs] reversed: [x] left past as much
    of it as it can; the results in application order. *)
Fixpoint p_cwwc_rl (g : nat) (rxs : list prim) (x : prim) : option (list prim * prim * list prim) :=
  match g with
  | O => None
  | S g' =>
      match rxs with
      | [] => Some ([], x, [])
      | y :: rys =>
          match commute y x with
          | Some (x', y') =>
              match p_cwwc_rl g' rys x' with
              | Some (xs1, x'', xs2) => Some (xs1, x'', xs2 ++ [y'])
              | None => None
              end
          | None =>
              match p_cwwc_rl g' rys y with
              | Some (ys1, y', ys2) =>
                  match p_cwwc_rl g' (rev ys2) x with
                  | Some (ys1', x', ys2') => Some (ys1 ++ [y'] ++ ys1', x', ys2')
                  | None => None
                  end
              | None => None
              end
          end
      end
  end.

(** [pullCommonRL]: the common suffix [c] two prim sequences can be
    commuted into, and what is left before it in each ([xs = xs'; c],
    [ys = ys'; c]); [rxs], [rys] reversed. *)
Fixpoint p_pull_common_rl (g : nat) (rxs rys : list prim) : option (list prim * list prim * list prim) :=
  match g with
  | O => None
  | S g' =>
      match rxs, rys with
      | [], _ => Some ([], rev rys, [])
      | _, [] => Some (rev rxs, [], [])
      | x :: rxs', _ =>
          match p_remove_rl x (rev rys) with
          | Some ys =>
              match p_pull_common_rl g' rxs' (rev ys) with
              | Some (xs', ys', c) => Some (xs', ys', c ++ [x])
              | None => None
              end
          | None =>
              match p_cwwc_rl (S (length rxs)) rxs' x with
              | Some (xs1, x', xs2) =>
                  match p_pull_common_rl g' (rev xs2) rys with
                  | Some (xs2', ys', c) => Some (xs1 ++ [x'] ++ xs2', ys', c)
                  | None => None
                  end
              | None => None
              end
          end
      end
  end.

(** ** The operations of one level *)

Record ops := Ops {
  o_cm : rp2 -> rp2 -> res (rp2 * rp2);     (** darcs' [commute] *)
  o_eq : rp2 -> rp2 -> res bool;            (** darcs' [=\/=] *)
  o_merge : rp2 -> rp2 -> res (rp2 * rp2);  (** darcs' [merge]: [(q', p')] for [p \/ q] *)
  o_cnc : rp2 -> rp2 -> res (rp2 * rp2)     (** darcs' [commuteNoConflicts] *)
}.

Section Level.

Variable o : ops.

Fixpoint mapr {A B} (f : A -> res B) (xs : list A) : res (list B) :=
  match xs with
  | [] => Yes []
  | x :: xs' => let* y := f x in let* ys := mapr f xs' in Yes (y :: ys)
  end.

Fixpoint anyr {A} (f : A -> res bool) (xs : list A) : res bool :=
  match xs with
  | [] => Yes false
  | x :: xs' => let* b := f x in if b then Yes true else anyr f xs'
  end.

(** [commuteFL] on repository patches. *)
Definition cfl : rp2 -> list rp2 -> res (list rp2 * rp2) := past_res (o_cm o).

(** [headPermutationsFL] and [removeFL] on repository patches. *)
Fixpoint heads (ps : list rp2) : res (list (rp2 * list rp2)) :=
  match ps with
  | [] => Yes []
  | p :: ps' =>
      let* hs := heads ps' in
      let* more := mapr (fun zzs => let '(z, zs) := zzs in
                                    match o_cm o p z with
                                    | Yes (z', p') => Yes [(z', p' :: zs)]
                                    | No => Yes []
                                    | Unsup => Unsup
                                    end) hs in
      Yes ((p, ps') :: concat more)
  end.

Fixpoint first_eq (x : rp2) (cs : list (rp2 * list rp2)) : res (list rp2) :=
  match cs with
  | [] => No
  | (z, zs) :: cs' => let* b := o_eq o x z in if b then Yes zs else first_eq x cs'
  end.

Definition remove_fl (x : rp2) (xs : list rp2) : res (list rp2) :=
  let* hs := heads xs in first_eq x hs.

(** [headPermutationsRL] and [removeRL], on the reversed list. *)
Fixpoint tails (rps : list rp2) : res (list (list rp2 * rp2)) :=
  match rps with
  | [] => Yes []
  | p :: rps' =>
      let* ts := tails rps' in
      let* more := mapr (fun zsz => let '(zs, z) := zsz in
                                    match o_cm o z p with
                                    | Yes (p', z') => Yes [(p' :: zs, z')]
                                    | No => Yes []
                                    | Unsup => Unsup
                                    end) ts in
      Yes ((rps', p) :: concat more)
  end.

Fixpoint last_eq (x : rp2) (cs : list (list rp2 * rp2)) : res (list rp2) :=
  match cs with
  | [] => No
  | (zs, z) :: cs' => let* b := o_eq o x z in if b then Yes (rev zs) else last_eq x cs'
  end.

Definition remove_rl (x : rp2) (xs : list rp2) : res (list rp2) :=
  let* ts := tails (rev xs) in last_eq x ts.

(** [removeSubsequenceFL]. *)
Fixpoint remove_subseq_same (a b : list rp2) : res (list rp2) :=
  match a with
  | [] => Yes b
  | x :: a' => let* b' := remove_fl x b in remove_subseq_same a' b'
  end.

Definition remove_subseq (a b : list rp2) : res (list rp2) :=
  if length b <? length a then No else remove_subseq_same a b.

(** [=\~/=] on repository patches. *)
Fixpoint eq_fl_same (xs ys : list rp2) : res bool :=
  match xs, ys with
  | [], [] => Yes true
  | x :: xs', _ =>
      match remove_fl x ys with
      | Yes ys' => eq_fl_same xs' ys'
      | No => Yes false
      | Unsup => Unsup
      end
  | [], _ :: _ => Yes false
  end.

Definition eq_fl (xs ys : list rp2) : res bool :=
  if length xs =? length ys then eq_fl_same xs ys else Yes false.

(** Equality of [Non]s: contexts equal up to commutation, equal prims. *)
Definition eq_non (a b : non) : res bool :=
  let '(Non cx x) := a in let '(Non cy y) := b in
  let* e := eq_fl cx cy in Yes (e && prim_eqb x y).

(** [remove1], [eqSet], [minus], [delete], [elem] on lists of [Non]s. *)
Fixpoint remove1 (x : non) (ys : list non) : res (list non) :=
  match ys with
  | [] => No
  | y :: ys' =>
      let* e := eq_non x y in
      if e then Yes ys' else let* r := remove1 x ys' in Yes (y :: r)
  end.

Fixpoint eq_set (xs ys : list non) : res bool :=
  match xs, ys with
  | [], [] => Yes true
  | x :: xs', _ =>
      match remove1 x ys with Yes ys' => eq_set xs' ys' | No => Yes false | Unsup => Unsup end
  | [], _ :: _ => Yes false
  end.

Fixpoint minus (xs ys : list non) : res (list non) :=
  match ys with
  | [] => Yes xs
  | y :: ys' => let* xs' := remove1 y xs in minus xs' ys'
  end.

Definition delete (x : non) (ys : list non) : res (list non) :=
  match remove1 x ys with Yes r => Yes r | No => Yes ys | Unsup => Unsup end.

Definition elem (x : non) (ys : list non) : res bool := anyr (eq_non x) ys.

(** ** [Non] operations *)

(** [y >* n]: view [n] from before [y]. *)
Definition star_l (y : rp2) (n : non) : res non :=
  let '(Non c x) := n in
  let* (c', y') := cfl y c in
  let* (px', _) := o_cm o y' (Normal x) in
  match px' with Normal x' => Yes (Non c' x') | _ => No end.

(** [n *> p]: view [n] from after [p]. *)
Definition star_r (n : non) (p : rp2) : res non := star_l (invert2 p) n.

(** [commuteOrAddToCtx]. *)
Definition coa (p : rp2) (n : non) : res non :=
  match star_l p n with
  | Yes n' => Yes n'
  | No => let '(Non c x) := n in Yes (Non (p :: c) x)
  | Unsup => Unsup
  end.

(** [commuteOrAddToCtxRL], the sequence in application order. *)
Fixpoint coa_rl (ps : list rp2) (n : non) : res non :=
  match ps with
  | [] => Yes n
  | p :: ps' => let* m := coa_rl ps' n in coa p m
  end.

(** [commutePrimsOrAddToCtx]. *)
Definition cpoa (qs : list prim) (n : non) : res non := coa_rl (map Normal qs) n.

(** [commuteOrRemFromCtx]. *)
Definition cor (p : rp2) (n : non) : res non :=
  match star_r n p with
  | Yes n' => Yes n'
  | No => let '(Non pc x) := n in let* c := remove_fl p pc in Yes (Non c x)
  | Unsup => Unsup
  end.

Fixpoint cor_fl (ps : list rp2) (n : non) : res non :=
  match ps with
  | [] => Yes n
  | p :: ps' => let* n' := cor p n in cor_fl ps' n'
  end.

(** [ps >>* n] (prims, the last first) and [n *>> ps]. *)
Fixpoint star_ll (ps : list prim) (n : non) : res non :=
  match ps with
  | [] => Yes n
  | p :: ps' => let* n' := star_ll ps' n in star_l (Normal p) n'
  end.

Definition star_rr (n : non) (ps : list prim) : res non := star_ll (invert_seq ps) n.

(** [invertNon]. *)
Definition invert_non (n : non) : res non :=
  let '(Non c x) := n in
  match remove_rl (Normal (invert x)) c with
  | Yes c' => Yes (Non c' (invert x))
  | No => coa_rl (c ++ [Normal x]) (Non [] (invert x))
  | Unsup => Unsup
  end.

(** [non]: the [Non] a repository patch stands for. *)
Definition non_of (p : rp2) : res non :=
  match p with
  | Normal q => Yes (Non [] q)
  | Dup d => Yes d
  | Etac d => invert_non d
  | Conf _ xx x => cpoa (invert_seq xx) x
  | InvConf _ _ n => invert_non n
  end.

(** [dependsUpon]. *)
Definition depends_upon (a b : non) : res bool :=
  let '(Non xs _) := a in let '(Non ys y) := b in
  match remove_subseq (ys ++ [Normal y]) xs with
  | Yes _ => Yes true
  | No => Yes false
  | Unsup => Unsup
  end.

(** [conflictsWith]. *)
Definition conflicts_with (a b : non) : res bool :=
  let* d1 := depends_upon a b in
  let* d2 := depends_upon b a in
  if d1 || d2 then Yes false
  else
    let '(Non cy y) := b in
    match cor_fl cy a with
    | Yes (Non cx' x') =>
        match cfl (Normal (invert y)) (cx' ++ [Normal x']) with
        | Yes _ => Yes false
        | No => Yes true
        | Unsup => Unsup
        end
    | No => Yes true
    | Unsup => Unsup
    end.

Fixpoint partition_r (f : non -> res bool) (xs : list non) : res (list non * list non) :=
  match xs with
  | [] => Yes ([], [])
  | x :: xs' =>
      let* b := f x in
      let* (ts, fs) := partition_r f xs' in
      if b then Yes (x :: ts, fs) else Yes (ts, x :: fs)
  end.

(** [allConflictsWith]: those of [ys] that transitively conflict with [x],
    and the others; [g] bounds the recursion (the length suffices). *)
Fixpoint all_conflicts_with (g : nat) (x : non) (ys : list non) : res (list non * list non) :=
  match g with
  | O => Unsup
  | S g' =>
      let* (cs, nc) := partition_r (conflicts_with x) ys in
      (fix acw (cs : list non) (nc : list non) : res (list non * list non) :=
         match cs with
         | [] => Yes ([], nc)
         | c :: cs' =>
             let* (c1, nc1) := all_conflicts_with g' c nc in
             let* (xs', nc') := acw cs' nc1 in
             Yes (c :: c1 ++ xs', nc')
         end) cs nc
  end.

(** [commuteWhatWeCanFL] on repository patches. *)
Fixpoint cwwc (g : nat) (p : rp2) (xs : list rp2) : res (list rp2 * rp2 * list rp2) :=
  match g with
  | O => Unsup
  | S g' =>
      match xs with
      | [] => Yes ([], p, [])
      | x :: xs' =>
          match o_cm o p x with
          | No =>
              let* (xs1x, xs2) := cwwc g' x xs' in
              let '(xs1, x') := xs1x in
              let* (xs1p, xs2') := cwwc g' p xs1 in
              let '(xs1', p') := xs1p in
              Yes (xs1', p', xs2' ++ x' :: xs2)
          | Yes (x', p') =>
              let* (ap, c) := cwwc g' p' xs' in
              let '(a, p'') := ap in
              Yes (x' :: a, p'', c)
          | Unsup => Unsup
          end
      end
  end.

(** *** Merging, for [geteff]'s fallback (with the level below's [merge]) *)

(** [merge] of a sequence with one patch, and of two sequences: every
    pairwise merge is [merge (x \/ y)] with [x] from the left sequence.
    Results: what follows the left side, then what follows the right side. *)
Fixpoint merge_xs_y (xs : list rp2) (y : rp2) : res (rp2 * list rp2) :=
  match xs with
  | [] => Yes (y, [])
  | x :: xs' =>
      let* (y1, x') := o_merge o x y in
      let* (y2, xs'') := merge_xs_y xs' y1 in
      Yes (y2, x' :: xs'')
  end.

Fixpoint merge_fl (xs ys : list rp2) : res (list rp2 * list rp2) :=
  match ys with
  | [] => Yes ([], xs)
  | y :: ys' =>
      let* (y', xs1) := merge_xs_y xs y in
      let* (ys'', xs2) := merge_fl xs1 ys' in
      Yes (y' :: ys'', xs2)
  end.

(** [pullCommon]: the common prefix two sequences can be commuted into,
    and the rest of each. *)
Fixpoint pull_common (g : nat) (xs ys : list rp2) : res (list rp2 * list rp2 * list rp2) :=
  match g with
  | O => Unsup
  | S g' =>
      match xs, ys with
      | [], _ => Yes ([], [], ys)
      | _, [] => Yes ([], xs, [])
      | x :: xs', _ =>
          match remove_fl x ys with
          | Yes ys' =>
              let* (cx, ys'') := pull_common g' xs' ys' in
              let '(c, xs'') := cx in
              Yes (x :: c, xs'', ys'')
          | No =>
              let* (xs1x, xs2) := cwwc (S (length xs)) x xs' in
              let '(xs1, x') := xs1x in
              let* (cx, ys') := pull_common g' xs1 ys in
              let '(c, xs1') := cx in
              Yes (c, xs1' ++ x' :: xs2, ys')
          | Unsup => Unsup
          end
      end
  end.

Definition un_non (n : non) : list rp2 := let '(Non c x) := n in c ++ [Normal x].

Definition no_effect (ps : list rp2) : bool :=
  match join_inverses (effects2 ps) with [] => true | _ => false end.

(** [mergeConflictingNons]: the [Non]s merged into one effect-free sequence. *)
Fixpoint mcn_go (cur : list rp2) (zs : list (list rp2)) : res (list rp2) :=
  match zs with
  | [] => if no_effect cur then Yes cur else No
  | z :: zs' =>
      let* (cps, qs) := pull_common (S (length cur + length z)) cur z in
      let '(c, ps) := cps in
      let* (qs', _) := merge_fl ps qs in
      mcn_go (c ++ ps ++ qs') zs'
  end.

Definition merge_conflicting_nons (ns : list non) : res (list rp2) :=
  match map un_non ns with
  | [] => Yes []
  | p :: zs => mcn_go p zs
  end.

(** [genCommuteWhatWeCanRL com]: [p] left past as much of [rxs] (reversed)
    as [com] lets it; the pairs it cannot pass are commuted with [commute]. *)
Fixpoint gcw (g : nat) (com : rp2 -> rp2 -> res (rp2 * rp2)) (rxs : list rp2) (p : rp2)
  : res (list rp2 * rp2 * list rp2) :=
  match g with
  | O => Unsup
  | S g' =>
      match rxs with
      | [] => Yes ([], p, [])
      | x :: rxs' =>
          match com x p with
          | Yes (p', x') =>
              let* (xs1p, xs2) := gcw g' com rxs' p' in
              let '(xs1, p'') := xs1p in
              Yes (xs1, p'', xs2 ++ [x'])
          | No =>
              let* (xs1x, xs2) := gcw g' (o_cm o) rxs' x in
              let '(xs1, x') := xs1x in
              let* (xs1p, xs2') := gcw g' com (rev xs2) p in
              let '(xs1', p') := xs1p in
              Yes (xs1 ++ [x'] ++ xs1', p', xs2')
          | Unsup => Unsup
          end
      end
  end.

Fixpoint all_normal (ps : list rp2) : option (list prim) :=
  match ps with
  | [] => Some []
  | Normal p :: ps' => match all_normal ps' with Some qs => Some (p :: qs) | None => None end
  | _ => None
  end.

(** [mergeAfterConflicting]: the conflicting patches [ps] (the [Non]s
    merged) that the prims [xs] depend on, and [xs]; [ps] reversed. *)
Fixpoint mac (g : nat) (rps : list rp2) (xs : list prim) (goneby : list rp2)
  : res (list rp2 * list rp2) :=
  match g with
  | O => Unsup
  | S g' =>
      match rps with
      | [] => if no_effect goneby then Yes ([], map Normal xs) else No
      | p :: rps' =>
          let via_gcw :=
            let* (ap, b) := gcw (S (length rps)) (o_cnc o) rps' p in
            let '(a, p') := ap in
            let* (b', xs') := mac g' (rev b) xs goneby in
            if no_effect (a ++ [p']) then Yes ((a ++ [p']) ++ b', xs') else No in
          match cfl p (map Normal xs) with
          | No =>
              match via_gcw with
              | No =>
                  match goneby with
                  | [] => if no_effect (rev rps) then Yes (rev rps, map Normal xs) else No
                  | _ => No
                  end
              | r => r
              end
          | Yes (l, p'') =>
              match all_normal l with
              | Some xs'' => mac g' rps' xs'' (p'' :: goneby)
              | None => via_gcw
              end
          | Unsup => Unsup
          end
      end
  end.

Definition merge_after_conflicting (xxx : list rp2) (yyy : list prim) : res (list rp2 * list rp2) :=
  mac (S (length xxx)) (rev xxx) yyy [].

(** [toNons]: each patch of a sequence as a [Non], with the patches before
    it that it cannot be commuted past as context. *)
Fixpoint to_nons_go (rprefix rest : list rp2) : res (list non) :=
  match rest with
  | [] => Yes []
  | x :: rest' =>
      let* (dp, _) := gcw (S (length rprefix)) (o_cm o) rprefix x in
      let '(deps, p) := dp in
      let* np := non_of p in
      let* n := match np with Non [] pp => Yes (Non deps pp) | _ => Unsup end in
      let* ns := to_nons_go (x :: rprefix) rest' in
      Yes (n :: ns)
  end.

Definition to_nons (xs : list rp2) : res (list non) := to_nons_go [] xs.

Definition unsup_no {A} (m : res A) : res A := match m with No => Unsup | _ => m end.

(** [geteff]: the [Non]s of the prims a conflictor undoes, and those prims
    as repository patches.  When a prim does not commute out of the
    conflicting [Non]s, darcs merges them ([mergeConflictingNons]) and
    separates what the prims depend on ([mergeAfterConflicting]). *)
Fixpoint geteff (ix : list non) (xx : list prim) : res (list non * list rp2) :=
  match xx with
  | [] => Yes ([], [])
  | x :: xs =>
      match mapr (cor (Normal x)) ix with
      | Yes ix' =>
          let* (ns, xs') := geteff ix' xs in
          let* ns' := mapr (coa (Normal x)) ns in
          Yes (Non [] x :: ns', Normal x :: xs')
      | No =>
          let* rix := unsup_no (merge_conflicting_nons ix) in
          let* (a, x') := unsup_no (merge_after_conflicting rix xx) in
          let* ns := to_nons x' in
          let* ns' := mapr (coa_rl a) ns in
          Yes (ns', a ++ x')
      | Unsup => Unsup
      end
  end.

Definition xx2nons (ix : list non) (xx : list prim) : res (list non) :=
  let* (ns, _) := geteff ix xx in Yes ns.

Definition xx2patches (ix : list non) (xx : list prim) : res (list rp2) :=
  let* (_, ps) := geteff ix xx in Yes ps.

(** [remNons]: [n] without the [Non]s of [ns] in its context, when they
    can be taken out and their effects cancel.  (darcs tests for the
    cancelling with [sortCoalesceFL]; here the inverse prims are joined.) *)
Fixpoint rem_helper (g : nat) (ns : list non) (cs : list rp2) : res (list prim * list rp2) :=
  match g with
  | O => Unsup
  | S g' =>
      match ns, cs with
      | [], _ => Yes ([], cs)
      | _, [] => Yes ([], [])
      | _, c :: cs' =>
          let* nc := non_of c in
          let* isin := elem nc ns in
          if isin then
            let* ns1 := delete nc ns in
            let* ns2 := mapr (coa (invert2 c)) ns1 in
            let* (a, z) := rem_helper g' ns2 cs' in
            Yes (join_inverses (effect2 c ++ a), z)
          else
            let* (bc, d) := cwwc (S (length cs)) c cs' in
            let '(b, c') := bc in
            let* (a, b') := rem_helper g' ns b in
            Yes (a, b' ++ c' :: d)
      end
  end.

Definition rem_nons (ns : list non) (n : non) : res non :=
  let '(Non c x) := n in
  let* (a, c') := rem_helper (S (length c)) ns c in
  match a with [] => Yes (Non c' x) | _ => Yes n end.

(** [filterConflictsFL]: split prims into those that commute out of [n]
    and the rest. *)
Fixpoint filter_conflicts (g : nat) (n : non) (ps : list prim) : res (list prim * list prim) :=
  match g with
  | O => Unsup
  | S g' =>
      match ps with
      | [] => Yes ([], [])
      | p :: ps' =>
          match cor (Normal p) n with
          | Yes n' => let* (p1, p2) := filter_conflicts g' n' ps' in Yes (p :: p1, p2)
          | No =>
              match p_cwwc (S (length ps)) p ps' with
              | Some (p1, p', p2) =>
                  let* (p1a, p1b) := filter_conflicts g' n p1 in
                  Yes (p1a, p1b ++ p' :: p2)
              | None => Unsup
              end
          | Unsup => Unsup
          end
      end
  end.

(** ** Equality ([Eq2]) *)

Definition eq_body (a b : rp2) : res bool :=
  match a, b with
  | Normal x, Normal y => Yes (prim_eqb x y)
  | Dup x, Dup y => eq_non x y
  | Etac x, Etac y => eq_non x y
  | Conf cx xx x, Conf cy yy y =>
      let* mx := mapr (cpoa (invert_seq xx)) cx in
      let* my := mapr (cpoa (invert_seq yy)) cy in
      let* e1 := eq_set mx my in
      if negb e1 then Yes false else
      let* nx := cpoa (invert_seq xx) x in
      let* ny := cpoa (invert_seq yy) y in
      let* e2 := eq_non nx ny in
      if negb e2 then Yes false else Yes (p_eq_rl xx yy)
  | InvConf cx xx x, InvConf cy yy y =>
      let* e1 := eq_set cx cy in
      if negb e1 then Yes false else
      let* e2 := eq_non x y in
      if negb e2 then Yes false else Yes (p_eq_fl xx yy)
  | _, _ => Yes false
  end.

(** ** Commutation *)

Definition invert_commuter (f : rp2 -> rp2 -> res (rp2 * rp2)) (p q : rp2) : res (rp2 * rp2) :=
  let* (iq', ip') := f (invert2 q) (invert2 p) in Yes (invert2 ip', invert2 iq').

Definition no_conflicts_any (y : non) (xs : list non) : res bool :=
  let* b := anyr (conflicts_with y) xs in Yes (negb b).

(** [commuteNoConflicts], without the cases of an [etacilpud]. *)
Definition cnc_core (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | Dup _, Dup _ => Yes (q, p)
  | Etac _, Dup _ => Yes (q, p)
  | Dup _, Etac _ => Yes (q, p)
  | Etac _, Etac _ => Yes (q, p)
  | x, Dup d =>
      let* nx := non_of x in
      let* cx := coa (invert2 x) nx in
      let* same := eq_non d cx in
      if same then Yes (p, q)
      else let* d' := cor (invert2 x) d in Yes (Dup d', x)
  | Dup d, x => let* d' := coa (invert2 x) d in Yes (x, Dup d')
  | Normal x, Normal y =>
      let* (y', x') := of_opt (commute x y) in Yes (Normal y', Normal x')
  | Normal x, Conf iy yy y =>
      let* (iyy', x') := of_opt (Commute.commute_past x (invert_seq yy)) in
      let* ys' := mapr (star_l (Normal x')) (y :: iy) in
      match ys' with
      | y' :: iy' => Yes (Conf iy' (invert_seq iyy') y', Normal x')
      | [] => Unsup
      end
  | Conf iy yy y, Normal x =>
      let* ys' := mapr (fun n => star_r n (Normal x)) (y :: iy) in
      let* (x', iyy') := of_opt (p_crl (invert_seq yy) x) in
      match ys' with
      | y' :: iy' => Yes (Normal x', Conf iy' (invert_seq iyy') y')
      | [] => Unsup
      end
  | Conf ix xx x, Conf iy yy y =>
      let* (xx', yy') := of_opt (commute_seq yy xx) in
      let* xs' := mapr (star_ll yy) (x :: ix) in
      let* ys' := mapr (fun n => star_rr n xx') (y :: iy) in
      match xs', ys' with
      | x' :: ix', y' :: iy' =>
          let* ok1 := no_conflicts_any y (x' :: ix') in
          let* ok2 := no_conflicts_any x' iy in
          if ok1 && ok2 then Yes (Conf iy' yy' y', Conf ix' xx' x') else No
      | _, _ => Unsup
      end
  | InvConf ix xx x, Conf iy yy y =>
      let* (iyy', xx') := of_opt (commute_seq xx (invert_seq yy)) in
      let* ys' := mapr (star_ll xx') (y :: iy) in
      let* xs' := mapr (star_ll (invert_seq iyy')) (x :: ix) in
      match xs', ys' with
      | x' :: ix', y' :: iy' =>
          let* ok1 := no_conflicts_any y' (x' :: ix') in
          let* ok2 := no_conflicts_any x' iy' in
          if ok1 && ok2 then Yes (Conf iy' (invert_seq iyy') y', InvConf ix' xx' x') else No
      | _, _ => Unsup
      end
  | Conf iy' yy' y', InvConf ix' xx' x' =>
      let* (xx, iyy) := of_opt (commute_seq (invert_seq yy') xx') in
      let* ys := mapr (fun n => star_rr n xx') (y' :: iy') in
      let* xs := mapr (fun n => star_rr n yy') (x' :: ix') in
      match xs, ys with
      | x :: ix, y :: iy =>
          let* ok1 := no_conflicts_any y' (x' :: ix') in
          let* ok2 := no_conflicts_any x' iy' in
          if ok1 && ok2 then Yes (InvConf ix xx x, Conf iy (invert_seq iyy) y) else No
      | _, _ => Unsup
      end
  | _, _ => No
  end.

Definition is_inverse_kind (p : rp2) : bool :=
  match p with Etac _ | InvConf _ _ _ => true | _ => false end.

(** [commuteNoConflicts]: [etacilpud]s and inverse conflictors by
    inverting the pair (darcs' [invertCommuter]). *)
Definition cnc (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | Dup _, Etac _ | Etac _, Dup _ | Etac _, Etac _ => cnc_core p q
  | Etac _, _ | _, Etac _ => invert_commuter cnc_core p q
  | InvConf _ _ _, Normal _ | Normal _, InvConf _ _ _ | InvConf _ _ _, InvConf _ _ _ =>
      invert_commuter cnc_core p q
  | _, _ => cnc_core p q
  end.

(** [commuteConflicting]: one of the two is the result of a conflicted
    merge with the other. *)
Definition ccf_core (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | Normal x, Conf a1'nop2 n1'x p1' =>
      match p_remove_rl x n1'x with
      | Some rn1' =>
          let* nons := xx2nons a1'nop2 (rn1' ++ [x]) in
          match rev nons with
          | p2 :: n1nons =>
              let a2 := p1' :: a1'nop2 ++ n1nons in
              let general := Yes (Conf a1'nop2 rn1' p1', Conf a2 [] p2) in
              match a1'nop2, rn1', p1' with
              | [], [], Non c y =>
                  match join_inverses (effects2 c) with
                  | [] => Yes (Normal y, Conf a1'nop2 [y] p2)
                  | _ => general
                  end
              | _, _, _ => general
              end
          | [] => Unsup
          end
      | None => No
      end
  | Conf a1 n1 p1, Conf a2 n2 p2 =>
      let* rpn2 := xx2patches a2 n2 in
      let* p1' := coa_rl rpn2 p1 in
      match remove1 p1' a2 with
      | Unsup => Unsup
      | No => No
      | Yes a2_minus_p1 =>
          let* dep := depends_upon p2 p1' in
          if dep then No else
          let* n1nons0 := xx2nons a1 n1 in
          let* n1nons := mapr (cpoa n2) n1nons0 in
          let* n2nons := xx2nons a2 n2 in
          let* a2_minus_p1n1 := unsup_no (minus a2_minus_p1 n1nons) in
          let* a1' := mapr (cpoa n2) a1 in
          let* p2ooo := rem_nons a1' p2 in
          let* (n1', n2') := filter_conflicts (S (length (n2 ++ n1))) p2ooo (n2 ++ n1) in
          let* n1'n2'nons := xx2nons a2_minus_p1n1 (n1' ++ n2') in
          let n1'nons := firstn (length n1') n1'n2'nons in
          let n2'nons := skipn (length n1') n1'n2'nons in
          let* a1'nop2 := unsup_no (minus (a2 ++ n2nons) (p1' :: n1'nons)) in
          let* acw := all_conflicts_with (S (length (a2_minus_p1 ++ n2nons))) p2 (a2_minus_p1 ++ n2nons) in
          let* a2'o := unsup_no (minus (fst acw) n2'nons) in
          let* xp := xx2patches a1'nop2 n1' in
          let* a2' := unsup_no (mapr (cor_fl xp) a2'o) in
          let* p2' := unsup_no (cor_fl xp p2) in
          match a2', n2', p2' with
          | [], [], Non c x =>
              match join_inverses (effects2 c) with
              | [] => Yes (Normal x, Conf a1'nop2 (n1' ++ [x]) p1')
              | _ => Unsup
              end
          | _, _, _ => Yes (Conf a2' n2' p2', Conf (p2 :: a1'nop2) n1' p1')
          end
      end
  | _, _ => No
  end.

Definition ccf (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | InvConf _ _ _, Normal _ | InvConf _ _ _, InvConf _ _ _ => invert_commuter ccf_core p q
  | _, _ => ccf_core p q
  end.

(** darcs' [commute] on [RepoPatchV2]: [commuteNoConflicts `mplus` commuteConflicting]. *)
Definition commute_body (p q : rp2) : res (rp2 * rp2) :=
  match cnc p q with
  | Yes r => Yes r
  | No => ccf p q
  | Unsup => Unsup
  end.

(** [+++]: the first list, then the second without the elements of the first. *)
Fixpoint union_nons (xs ys : list non) : res (list non) :=
  match xs, ys with
  | [], _ => Yes ys
  | _, [] => Yes xs
  | x :: xs', _ =>
      match remove1 x ys with
      | Yes ys' => let* r := union_nons xs' ys' in Yes (x :: r)
      | No => let* r := union_nons xs' ys in Yes (x :: r)
      | Unsup => Unsup
      end
  end.

(** darcs' [merge] on [RepoPatchV2] when the patches conflict, for
    [p \/ q]: [(q', p')] with [q'] after [p] and [p'] after [q]. *)
Definition merge_core (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | Normal x, Normal y => Yes (Conf [] [x] (Non [] y), Conf [] [y] (Non [] x))
  | Normal x, Conf iy yy y =>
      let yyx := yy ++ [x] in
      let* nons := xx2nons iy yyx in
      match rev nons with
      | x' :: nyy => Yes (Conf iy yyx y, Conf (y :: iy ++ nyy) [] x')
      | [] => Unsup
      end
  | Conf ix xx x, Conf iy yy y =>
      match p_pull_common_rl (S (length xx + length yy)) (rev xx) (rev yy) with
      | Some (rxx1, ryy1, c) =>
          match commute_seq ryy1 (invert_seq rxx1) with
          | Some (ixx', ryy') =>
              let xx' := invert_seq ixx' in
              let yy' := ryy' in
              let* ys' := mapr (cpoa xx') (y :: iy) in
              let* xs' := mapr (cpoa ryy') (x :: ix) in
              match ys', xs' with
              | y' :: iy', x' :: ix' =>
                  let* nyy' := xx2nons iy' yy' in
                  let* nxx' := xx2nons ix' xx' in
                  let* icx0 := xx2nons ix (rxx1 ++ c) in
                  let icx := skipn (length rxx1) icx0 in
                  let* ic' := mapr (cpoa ryy') icx in
                  let* u := union_nons iy' ix' in
                  let ixy' := ic' ++ u in
                  Yes (Conf (x' :: ixy' ++ nxx') yy' y', Conf (y' :: ixy' ++ nyy') xx' x')
              | _, _ => Unsup
              end
          | None => Unsup
          end
      | None => Unsup
      end
  | _, _ => Unsup
  end.

(** darcs' [merge] on [RepoPatchV2]. *)
Definition merge_body (p q : rp2) : res (rp2 * rp2) :=
  match p, q with
  | InvConf _ _ _, _ | _, InvConf _ _ _ | Etac _, _ | _, Etac _ => Unsup
  | Dup a, Dup b => Yes (Dup b, Dup a)
  | Dup a, b => let* a' := coa (invert2 b) a in Yes (b, Dup a')
  | a, Dup b => let* b' := coa (invert2 a) b in Yes (Dup b', a)
  | _, _ =>
      (* [mergeNoConflicts] first, then equal patches are duplicates *)
      match cnc (invert2 p) q with
      | Yes (q', ip') => Yes (q', invert2 ip')
      | Unsup => Unsup
      | No =>
          let* same := eq_body p q in
          if same then
            let* np := non_of p in
            let* n := coa (invert2 p) np in
            Yes (Dup n, Dup n)
          else
            match p, q with
            | Conf _ _ _, Normal _ => let* (a, b) := merge_core q p in Yes (b, a)
            | _, _ => merge_core p q
            end
      end
  end.

End Level.

(** The levels: each one's operations call those of the level below. *)
Fixpoint level (g : nat) : ops :=
  match g with
  | O => Ops (fun _ _ => Unsup) (fun _ _ => Unsup) (fun _ _ => Unsup) (fun _ _ => Unsup)
  | S g' => let o := level g' in Ops (commute_body o) (eq_body o) (merge_body o) (cnc o)
  end.

(** Deep enough for any context nesting darcs writes; deeper answers [Unsup]. *)
Definition depth := 64.

(** ** Sequences and named patches, with the operations [o] of the top
    level (built once per answer: [level] allocates). *)

Section Top.

Variable o : ops.

Definition commute2 (p q : rp2) : res (rp2 * rp2) := o_cm o p q.

Definition commute2_past : rp2 -> list rp2 -> res (list rp2 * rp2) := past_res commute2.

Fixpoint commute2_rl (rxs ys acc : list rp2) : res (list rp2 * list rp2) :=
  match rxs with
  | [] => Yes (ys, acc)
  | x :: rxs' => let* (ys', x') := commute2_past x ys in commute2_rl rxs' ys' (x' :: acc)
  end.

(** [commute2_seq xs ys = Yes (ys', xs')]: [xs;ys] becomes [ys';xs']. *)
Definition commute2_seq (xs ys : list rp2) : res (list rp2 * list rp2) :=
  commute2_rl (rev xs) ys [].

Definition named2 := (list rp2 * list nat)%type.

Definition commute_inamed2 (p q : nat * named2) : res ((nat * named2) * (nat * named2)) :=
  let '(i, (pe, pd)) := p in
  let '(j, (qe, qd)) := q in
  if existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd then No
  else let* (qe', pe') := commute2_seq pe qe in Yes ((j, (qe', qd)), (i, (pe', pd))).

Definition commute2_fl : nat * named2 -> list (nat * named2) -> res (list (nat * named2) * (nat * named2)) :=
  past_res commute_inamed2.

End Top.

(** For each named darcs-2 patch, its direct dependencies, ascending. *)
Definition dependencies2 (ps : list (named2)) : res (list (list nat)) :=
  let o := level depth in walk_dependencies (commute2_fl o) ps.

End Conflict2.

Arguments rp2 : clear implicits.
Arguments non : clear implicits.
Arguments named2 : clear implicits.
