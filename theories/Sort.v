(** * Sort: a stable merge sort (O(n log n), no quadratic appends), used
    to present outputs in a canonical order. *)

From Coq Require Import List Bool Arith Lia Permutation.
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
