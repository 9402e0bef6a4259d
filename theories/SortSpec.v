(** * SortSpec: the output sort ([Sort.sort]) sorts.

    [Sort.sort_perm] says it only permutes.  Here: for a total test
    [leb] (for all [a b], [leb a b] or [leb b a]) the output is sorted
    locally (each element [leb] the next); if [leb] is also transitive,
    every element is [leb] every later one.  With unique keys, a
    permutation keeps lookups. *)

From Coq Require Import List Bool Arith Lia Sorted Permutation.
From DarcsWeb Require Import Lens Sort.
Import ListNotations.

Section SortSpec.

Context {A : Type} (leb : A -> A -> bool).

Definition R (a b : A) : Prop := leb a b = true.

Hypothesis leb_total : forall a b, leb a b = true \/ leb b a = true.

Lemma merge_eq : forall x l1 y l2,
  merge leb (x :: l1) (y :: l2) =
  if leb y x && negb (leb x y) then y :: merge leb (x :: l1) l2 else x :: merge leb l1 (y :: l2).
Proof. reflexivity. Qed.

Lemma merge_nil_r : forall l, merge leb l [] = l.
Proof. intros [|x l]; reflexivity. Qed.

Lemma merge_hd : forall a l1 l2, HdRel R a l1 -> HdRel R a l2 -> HdRel R a (merge leb l1 l2).
Proof.
  intros a [|x l1] [|y l2] H1 H2; [exact H2|exact H2|rewrite merge_nil_r; exact H1|].
  rewrite merge_eq. inversion H1 as [|? ? Hx]; subst. inversion H2 as [|? ? Hy]; subst.
  destruct (leb y x && negb (leb x y)); constructor; auto.
Qed.

Lemma merge_sorted : forall l1 l2, Sorted R l1 -> Sorted R l2 -> Sorted R (merge leb l1 l2).
Proof.
  induction l1 as [|x l1 IH1]; intros l2 S1 S2; [exact S2|].
  induction l2 as [|y l2 IH2]; [rewrite merge_nil_r; exact S1|].
  rewrite merge_eq. apply Sorted_inv in S1 as [S1 H1]. apply Sorted_inv in S2 as [S2' H2].
  destruct (leb y x) eqn:Eyx, (leb x y) eqn:Exy; cbn [andb negb].
  - constructor; [apply IH1; auto; constructor; auto|].
    apply merge_hd; [exact H1|constructor; exact Exy].
  - constructor; [apply IH2; auto; constructor; auto|].
    apply merge_hd; [constructor; exact Eyx|exact H2].
  - constructor; [apply IH1; auto; constructor; auto|].
    apply merge_hd; [exact H1|constructor; exact Exy].
  - destruct (leb_total x y) as [E|E]; congruence.
Qed.

Lemma merge_pairs_sorted : forall ls, Forall (Sorted R) ls -> Forall (Sorted R) (merge_pairs leb ls).
Proof.
  fix IH 1. intros [|a [|b r]] H; simpl; auto.
  inversion H as [|? ? Ha Hr]; subst. inversion Hr as [|? ? Hb Hr']; subst.
  constructor; [apply merge_sorted; auto|]. apply IH. exact Hr'.
Qed.

Lemma merge_pairs_length : forall ls, length (merge_pairs leb ls) <= length ls.
Proof. fix IH 1. intros [|a [|b r]]; simpl; auto. specialize (IH r). lia. Qed.

Lemma merge_all_sorted : forall fuel ls, Forall (Sorted R) ls -> length ls <= S fuel ->
  Sorted R (merge_all leb fuel ls).
Proof.
  induction fuel as [|f IH]; intros [|a [|b r]] H Hl; simpl in *; try constructor;
    try (inversion H; assumption); try lia.
  apply IH; [apply (merge_pairs_sorted (a :: b :: r)); exact H|].
  simpl. pose proof (merge_pairs_length r). lia.
Qed.

(** The output of [sort] is sorted (each element [leb] the next). *)
Theorem sort_sorted : forall l, Sorted R (sort leb l).
Proof.
  intros l. unfold sort. apply merge_all_sorted; [|rewrite len_map; lia].
  induction l as [|x l IHl]; simpl; constructor; auto.
Qed.

(** With a transitive test, every element is [leb] every later one. *)
Theorem sort_strongly_sorted : (forall a b c, leb a b = true -> leb b c = true -> leb a c = true) ->
  forall l, StronglySorted R (sort leb l).
Proof.
  intros Htr l. apply Sorted_StronglySorted; [|apply sort_sorted].
  intros a b c. unfold R. apply Htr.
Qed.

End SortSpec.
