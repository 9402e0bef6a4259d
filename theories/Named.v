(** * Named: named patches (an effect plus explicit dependencies), their
    application and their commutation (darcs' [Darcs.Patch.Named]). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute.
Import ListNotations.

(** Failure of a sequence of named patches: index of the named patch and
    of the prim inside it. *)
Inductive nresult (A : Type) := NOk (a : A) | NFail (i j : nat).
Arguments NOk {A}. Arguments NFail {A}.

Section Named.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).

(** A named patch: its effect, and the indices of the earlier named
    patches (of the same sequence) it explicitly depends on. *)
Definition named := (list prim * list nat)%type.

Fixpoint apply_named_from (i : nat) (ps : list named) (s : state) : nresult state :=
  match ps with
  | [] => NOk s
  | p :: ps' =>
      match apply_seq (fst p) s with
      | Ok s' => apply_named_from (S i) ps' s'
      | Fail j => NFail i j
      end
  end.

(** Apply named patches in order; on failure, say which one and where. *)
Definition apply_named (ps : list named) (s : state) : nresult state :=
  apply_named_from 0 ps s.

(** The plain option version used in the laws: the concatenated effects. *)
Fixpoint apply_nameds (ps : list named) (s : state) : option state :=
  match ps with
  | [] => Some s
  | p :: ps' => match apply_list (fst p) s with
                | Some s' => apply_nameds ps' s'
                | None => None
                end
  end.

(** A named patch together with its index in the repository's sequence
    (darcs' patch identity). *)
Definition inamed := (nat * named)%type.

(** darcs' [commute] on [Named]: blocked when one explicitly depends on
    the other, otherwise the effects commute. *)
Definition commute_inamed (p q : inamed) : option (inamed * inamed) :=
  let '(i, (pe, pd)) := p in
  let '(j, (qe, qd)) := q in
  if existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd then None
  else match commute_seq pe qe with
       | Some (qe', pe') => Some ((j, (qe', qd)), (i, (pe', pd)))
       | None => None
       end.

(** Two adjacent named patches [p] (index 0) then [q] (index 1). *)
Definition commute_named (p q : named) : option (list prim * list prim) :=
  match commute_inamed (0, p) (1, q) with
  | Some ((_, (qe', _)), (_, (pe', _))) => Some (qe', pe')
  | None => None
  end.

(** darcs' [commuteFL] on named patches: move [x] right past all of [ys]. *)
Fixpoint commute_fl (x : inamed) (ys : list inamed) : option (list inamed * inamed) :=
  match ys with
  | [] => Some ([], x)
  | y :: ys' =>
      match commute_inamed x y with
      | Some (y', x') =>
          match commute_fl x' ys' with
          | Some (ys'', x'') => Some (y' :: ys'', x'')
          | None => None
          end
      | None => None
      end
  end.

End Named.

Arguments named : clear implicits.
Arguments inamed : clear implicits.
