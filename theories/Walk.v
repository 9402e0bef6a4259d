(** * Walk: darcs' dependency walk ([depsGraph] in [ShowDependencies]) over
    any kind of repository patch, for the histories whose patches are not
    plain prims (darcs-2 and darcs-3 conflictors).  [Depend.dependencies]
    is the same walk over prims, with its soundness proved in
    [DependLaws]. *)

From Coq Require Import List Bool Arith.
From DarcsWeb Require Import Depend.
Import ListNotations.

(** A computation that succeeds, fails (for a commute: the patches do not
    commute), or meets a case darcs reports as an internal error or that
    is not modelled here; the last one stops the whole answer. *)
Inductive res (A : Type) := Yes (a : A) | No | Unsup.
Arguments Yes {A}. Arguments No {A}. Arguments Unsup {A}.

Definition rbind {A B} (m : res A) (k : A -> res B) : res B :=
  match m with Yes a => k a | No => No | Unsup => Unsup end.

Notation "'let*' p ':=' m 'in' k" := (rbind m (fun p => k))
  (at level 200, p pattern, m at level 100, k at level 200).

Definition of_opt {A} (m : option A) : res A := match m with Some a => Yes a | None => No end.

(** darcs' [commuteFL] for any patch type and commute [c]: [x] moved right
    past every patch of [ys] (the commuted [ys], then what [x] became). *)
Fixpoint past {A} (c : A -> A -> option (A * A)) (x : A) (ys : list A) : option (list A * A) :=
  match ys with
  | [] => Some ([], x)
  | y :: ys' =>
      match c x y with
      | Some (y', x') =>
          match past c x' ys' with
          | Some (ys'', x'') => Some (y' :: ys'', x'')
          | None => None
          end
      | None => None
      end
  end.

(** The same for a commute that may also answer [Unsup]. *)
Fixpoint past_res {A} (c : A -> A -> res (A * A)) (x : A) (ys : list A) : res (list A * A) :=
  match ys with
  | [] => Yes ([], x)
  | y :: ys' =>
      let* (y', x') := c x y in
      let* (ys'', x'') := past_res c x' ys' in
      Yes (y' :: ys'', x'')
  end.

Section Walk.

(** The patch type, and darcs' [commuteFL] of one indexed named patch
    past a sequence of them. *)
Context {A : Type} (cfl : nat * A -> list (nat * A) -> res (list (nat * A) * (nat * A))).

Record wstate := WS {
  w_pd : list (nat * A);     (** the patch and what it depends on, in order *)
  w_nd : list (nat * A);     (** what was commuted out of its way *)
  w_direct : list nat;       (** direct dependencies, ascending *)
  w_all : list nat;          (** all dependencies, descending *)
  w_cursor : list nat        (** [w_all] without what is above the current index *)
}.

Fixpoint walk (hist : list (nat * A * list nat)) (st : wstate) : res wstate :=
  match hist with
  | [] => Yes st
  | (j, q, allj) :: hist' =>
      let cur := drop_above j (w_cursor st) in
      let known := match cur with k :: _ => k =? j | [] => false end in
      if known then
        walk hist' (WS ((j, q) :: w_pd st) (w_nd st) (w_direct st) (w_all st) cur)
      else
        match cfl (j, q) (w_pd st) with
        | Yes (pd', q') => walk hist' (WS pd' (q' :: w_nd st) (w_direct st) (w_all st) cur)
        | No =>
            let all' := merge_desc (w_all st) (j :: allj) in
            walk hist' (WS ((j, q) :: w_pd st) (w_nd st) (j :: w_direct st) all' (drop_above j all'))
        | Unsup => Unsup
        end
  end.

Fixpoint walk_from (i : nat) (ps : list A) (hist : list (nat * A * list nat))
  (acc : list (list nat)) : res (list (list nat)) :=
  match ps with
  | [] => Yes (rev acc)
  | p :: ps' =>
      match walk hist (WS [(i, p)] [] [] [] []) with
      | Yes st => walk_from (S i) ps' ((i, p, w_all st) :: hist) (w_direct st :: acc)
      | No => No
      | Unsup => Unsup
      end
  end.

(** For each patch, its direct dependencies, ascending. *)
Definition walk_dependencies (ps : list A) : res (list (list nat)) := walk_from 0 ps [] [].

End Walk.
