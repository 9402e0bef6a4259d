(** * Lens: the lengths of list operations, under names of our own.

    Rocq 9 renames the standard ones ([app_length] becomes [length_app],
    ...) and deprecates the old names, which Coq 8.16 lacks the new ones
    of; the files written for this review use these instead. *)

From Coq Require Import List Arith.
Import ListNotations.

Lemma len_app : forall {A} (l l' : list A), length (l ++ l') = length l + length l'.
Proof. intros A l l'. induction l as [|x l IH]; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

Lemma len_map : forall {A B} (f : A -> B) l, length (map f l) = length l.
Proof. intros A B f l. induction l as [|x l IH]; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

Lemma len_firstn : forall {A} n (l : list A), length (firstn n l) = Nat.min n (length l).
Proof.
  intros A n. induction n as [|n IH]; intros [|x l]; simpl; try reflexivity. rewrite IH. reflexivity.
Qed.

Lemma len_skipn : forall {A} n (l : list A), length (skipn n l) = length l - n.
Proof. intros A n. induction n as [|n IH]; intros [|x l]; simpl; try reflexivity. apply IH. Qed.

Lemma len_seq : forall s n, length (seq s n) = n.
Proof. intros s n. revert s. induction n as [|n IH]; intros s; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

Lemma len_repeat : forall {A} (x : A) n, length (repeat x n) = n.
Proof. intros A x n. induction n as [|n IH]; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.
