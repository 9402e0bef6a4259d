(** * Sort: a stable merge sort (O(n log n), no quadratic appends), used
    to present outputs in a canonical order. *)

From Coq Require Import List Bool Arith Lia Permutation Sorting.Sorted.
Import ListNotations.

Section Sort.

Context {A : Type} (leb : A -> A -> bool).

(** Merge two sorted lists (stable: on ties the left one first). *)
Fixpoint merge (l1 : list A) : list A -> list A :=
  match l1 with
  | [] => fun l2 => l2
  | x :: l1' =>
      fix merge_aux (l2 : list A) : list A :=
        match l2 with
        | [] => l1
        | y :: l2' => if leb y x && negb (leb x y) then y :: merge_aux l2'
                      else x :: merge l1' l2
        end
  end.

Fixpoint merge_pairs (ls : list (list A)) : list (list A) :=
  match ls with
  | a :: b :: r => merge a b :: merge_pairs r
  | _ => ls
  end.

(** [fuel] rounds of pairwise merging; [length] rounds always suffice. *)
Fixpoint merge_all (fuel : nat) (ls : list (list A)) : list A :=
  match ls with
  | [] => []
  | [l] => l
  | _ => match fuel with
         | O => concat ls
         | S f => merge_all f (merge_pairs ls)
         end
  end.

Definition sort (l : list A) : list A := merge_all (length l) (map (fun x => [x]) l).

(** Sorting only permutes. *)
Lemma merge_perm : forall l1 l2, Permutation (merge l1 l2) (l1 ++ l2).
Proof.
  induction l1 as [|x l1 IH1]; intro l2; simpl; [apply Permutation_refl|].
  induction l2 as [|y l2 IH2]; simpl.
  - rewrite app_nil_r; apply Permutation_refl.
  - destruct (leb y x && negb (leb x y)).
    + eapply Permutation_trans; [apply perm_skip; exact IH2|].
      apply (Permutation_middle (x :: l1) l2 y).
    + apply perm_skip. apply IH1.
Qed.

Lemma merge_pairs_perm : forall ls, Permutation (concat (merge_pairs ls)) (concat ls).
Proof.
  fix IH 1. intros [|a [|b r]]; simpl; try apply Permutation_refl.
  rewrite app_assoc. apply Permutation_app; [apply merge_perm|apply IH].
Qed.

Lemma merge_all_perm : forall fuel ls, Permutation (merge_all fuel ls) (concat ls).
Proof.
  induction fuel as [|f IH]; intros [|a [|b r]]; simpl;
    try (rewrite app_nil_r); try apply Permutation_refl.
  eapply Permutation_trans; [apply IH|].
  apply (merge_pairs_perm (a :: b :: r)).
Qed.

Theorem sort_perm : forall l, Permutation (sort l) l.
Proof.
  intro l; unfold sort. eapply Permutation_trans; [apply merge_all_perm|].
  induction l as [|x l IH]; simpl; [apply Permutation_refl|]. apply perm_skip, IH.
Qed.

End Sort.

(** ** Sorting gives the canonical order

    When [leb] is a total order on the elements sorted (total, transitive,
    and antisymmetric on them), two lists with the same elements sort to
    the same list.  The outputs of the core are sorted so that they do not
    depend on how the state was represented. *)

Section SortLaws.

Context {A : Type} (leb : A -> A -> bool).

Hypothesis leb_total : forall x y, leb x y = true \/ leb y x = true.
Hypothesis leb_trans : forall x y z, leb x y = true -> leb y z = true -> leb x z = true.

Notation le := (fun x y => leb x y = true).

Lemma merge_sorted : forall l1 l2,
  StronglySorted le l1 -> StronglySorted le l2 -> StronglySorted le (merge leb l1 l2).
Proof.
  induction l1 as [|x l1 IH1]; intros l2 S1 S2; simpl; auto.
  induction l2 as [|y l2 IH2]; auto.
  apply StronglySorted_inv in S1 as [S1 F1]. apply StronglySorted_inv in S2 as [S2 F2].
  destruct (leb y x && negb (leb x y)) eqn:E.
  - apply andb_true_iff in E as [Eyx _].
    constructor.
    + apply IH2; auto.
    + apply Forall_forall. intros z Hz.
      pose proof (Permutation_in _ (merge_perm leb (x :: l1) l2) Hz) as Hz'.
      apply in_app_iff in Hz' as [Hz'|Hz'].
      * destruct Hz' as [<-|Hz']; auto.
        rewrite Forall_forall in F1. eapply leb_trans; eauto.
      * rewrite Forall_forall in F2. auto.
  - assert (Exy : leb x y = true).
    { destruct (leb x y) eqn:E2; auto. destruct (leb_total x y) as [H|H]; [congruence|].
      rewrite H in E. discriminate. }
    constructor.
    + apply IH1; auto. constructor; auto.
    + apply Forall_forall. intros z Hz.
      pose proof (Permutation_in _ (merge_perm leb l1 (y :: l2)) Hz) as Hz'.
      apply in_app_iff in Hz' as [Hz'|Hz'].
      * rewrite Forall_forall in F1. auto.
      * destruct Hz' as [<-|Hz']; auto.
        rewrite Forall_forall in F2. eapply leb_trans; eauto.
Qed.

Lemma merge_pairs_sorted : forall ls,
  Forall (StronglySorted le) ls -> Forall (StronglySorted le) (merge_pairs leb ls).
Proof.
  fix IH 1. intros [|a [|b r]] H; simpl; auto.
  inversion H as [|a' r' Ha H']; subst. inversion H' as [|b' r'' Hb H'']; subst.
  constructor; [apply merge_sorted; auto|]. apply IH; auto.
Qed.

Lemma merge_pairs_length : forall ls, length (merge_pairs leb ls) <= length ls.
Proof. fix IH 1. intros [|a [|b r]]; simpl; auto. specialize (IH r). lia. Qed.

Lemma merge_all_sorted : forall fuel ls, length ls <= S fuel ->
  Forall (StronglySorted le) ls -> StronglySorted le (merge_all leb fuel ls).
Proof.
  induction fuel as [|f IH]; intros [|a [|b r]] Hl H; simpl in *;
    try constructor; try (inversion H; subst; assumption); try lia.
  apply IH; [|apply (merge_pairs_sorted (a :: b :: r)); auto].
  simpl. pose proof (merge_pairs_length r). lia.
Qed.

Theorem sort_sorted : forall l, StronglySorted le (sort leb l).
Proof.
  intros l. unfold sort. apply merge_all_sorted.
  - rewrite map_length. lia.
  - induction l as [|x l IH]; simpl; constructor; auto. repeat constructor.
Qed.

(** Two strongly sorted lists with the same elements are equal, when [leb]
    is antisymmetric on those elements. *)
Lemma sorted_unique : forall l1 l2,
  StronglySorted le l1 -> StronglySorted le l2 -> Permutation l1 l2 ->
  (forall x y, In x l1 -> In y l1 -> leb x y = true -> leb y x = true -> x = y) ->
  l1 = l2.
Proof.
  induction l1 as [|x l1 IH]; intros l2 S1 S2 P Ha.
  - apply Permutation_nil in P. auto.
  - destruct l2 as [|y l2]; [apply Permutation_sym, Permutation_nil_cons in P; contradiction|].
    apply StronglySorted_inv in S1 as [S1 F1]. apply StronglySorted_inv in S2 as [S2 F2].
    assert (Exy : x = y).
    { destruct (Permutation_in x P (or_introl eq_refl)) as [->|Hx]; auto.
      destruct (Permutation_in y (Permutation_sym P) (or_introl eq_refl)) as [->|Hy]; auto.
      rewrite Forall_forall in F1, F2.
      apply Ha; simpl; auto. }
    subst y. f_equal. apply IH; auto.
    + eapply Permutation_cons_inv; eauto.
    + intros a b Hx Hy. apply Ha; right; auto.
Qed.

Theorem sort_perm_eq : forall l1 l2, Permutation l1 l2 ->
  (forall x y, In x l1 -> In y l1 -> leb x y = true -> leb y x = true -> x = y) ->
  sort leb l1 = sort leb l2.
Proof.
  intros l1 l2 P Ha. apply sorted_unique; try apply sort_sorted.
  - eapply Permutation_trans; [apply sort_perm|].
    eapply Permutation_trans; [exact P|]. apply Permutation_sym, sort_perm.
  - intros x y Hx Hy. apply Ha; eapply Permutation_in; try apply sort_perm; eauto.
Qed.

End SortLaws.
