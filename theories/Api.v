(** * Api: the entry points the server calls, and what they compute.

    Each entry point takes the instantiation (equality of lines, equality
    of names, line operations, order of names) first, always in that
    order, so that the glue does not depend on which of them a function
    uses.  [Extract.v] extracts them.

    The tree operations run on tries ([FastApply], [FastAnnotate]); the
    theorems of this file say, in one line each, that every such entry
    point equals the reference function on the list model, so that the
    laws proved about [apply], [tree_at], [file_at] and [annotate] are
    about what the server runs:

    - [api_apply_spec]: op 1 is [apply_seq], each path once, sorted;
    - [api_tree_at_spec]: op 4 is [tree_at], sorted;
    - [api_file_at_spec]: op 5 is [file_at], directory listings sorted;
    - [api_annotate_spec]: op 6 is [annotate].

    The sorted outputs need [nleb] to be a total order ([name_order]; the
    glue passes the byte order of strings): then sorting a state does not
    depend on the order of its bindings. *)

From Coq Require Import List Bool Arith Lia Permutation Sorting.Sorted.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Walk Conflict3 Conflict2
  Touch Prune Lineage Effect Strict Trie HunkZip FastApply FastAnnotate.
Import ListNotations.

Section Api.

Context {L N : Type}.

(** ** Output order *)

(** Paths compared component-wise with the order on names given by the
    glue (byte order), so that every directory comes before its children
    and siblings are in byte order. *)
Fixpoint path_leb (eqN : EqDec N) (nleb : N -> N -> bool) (a b : path N) : bool :=
  match a, b with
  | [], _ => true
  | _ :: _, [] => false
  | x :: a', y :: b' => if eqN x y then path_leb eqN nleb a' b' else nleb x y
  end.

Definition sort_state (eqN : EqDec N) (nleb : N -> N -> bool) (s : state L N) : state L N :=
  sort (fun a b => path_leb eqN nleb (fst a) (fst b)) s.

(** Sorting a list that is already sorted gives it back: check first (one
    pass), sort only when needed.  A trie built from a sorted tree
    flattens to a sorted list. *)
Fixpoint keys_sorted (eqN : EqDec N) (nleb : N -> N -> bool) (s : state L N) : bool :=
  match s with
  | a :: ((b :: _) as s') => path_leb eqN nleb (fst a) (fst b) && keys_sorted eqN nleb s'
  | _ => true
  end.

Definition sort_state_fast (eqN : EqDec N) (nleb : N -> N -> bool) (s : state L N) : state L N :=
  if keys_sorted eqN nleb s then s else sort_state eqN nleb s.

(** [nleb] is a total order. *)
Definition name_order (nleb : N -> N -> bool) : Prop :=
  (forall x y, nleb x y = true \/ nleb y x = true) /\
  (forall x y z, nleb x y = true -> nleb y z = true -> nleb x z = true) /\
  (forall x y, nleb x y = true -> nleb y x = true -> x = y).

(** Each path once: its first binding, the one that counts (the list
    model allows several; a trie cannot hold them). *)
Fixpoint uniq {eqN : EqDec N} (s : state L N) : state L N :=
  match s with
  | [] => []
  | (p, e) :: s' => (p, e) :: del (uniq s') p
  end.

(** ** The entry points *)

Definition api_apply (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (s : state L N) (ps : list (prim L N)) : result (state L N) :=
  match fapply_seq_from 0 ps (of_state_sorted nleb s) with
  | Ok t => Ok (sort_state_fast eqN nleb (flatten t))
  | Fail i => Fail i
  end.

Definition api_invert (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (prim L N)) : list (prim L N) :=
  invert_seq ps.

Definition api_commute (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p q : list (prim L N)) : option (list (prim L N) * list (prim L N)) :=
  commute_seq p q.

Definition api_commute_named (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p q : Named.named L N) : option (list (prim L N) * list (prim L N)) :=
  commute_named p q.

Definition api_tree_at (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : nresult (state L N) :=
  match ftree_at ps with
  | NOk t => NOk (sort_state_fast eqN nleb (flatten t))
  | NFail i j => NFail i j
  end.

Definition api_file_at (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) (p : path N) : nresult (found L N) :=
  match ffile_at ps p with
  | NOk (FoundDir ns) => NOk (FoundDir (sort nleb ns))
  | r => r
  end.

Definition api_annotate (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) (p : path N)
  : nresult (option (list (option nat) * list L)) :=
  fannotate ps p.

(** Op 7: computed by the pruned walk, which [PruneLaws.dependencies_pruned_eq]
    proves equal to [Depend.dependencies]. *)
Definition api_dependencies (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list nat) :=
  dependencies_pruned nleb ps.

(** Op 16: [Depend.dependencies] itself, every earlier patch commuted (for
    differential tests and benchmarks). *)
Definition api_dependencies_unpruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list nat) :=
  dependencies ps.

(** Op 12: the summary of each patch's touched paths ([Touch.summarize]). *)
Definition api_touched (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list (path N)) :=
  map (summarize nleb) ps.

(** Op 17: for each patch, the paths each of its prims touches
    ([Touch.touched_prim]), for the runs of partial entries of ops 14, 15. *)
Definition api_touched_prims (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list (list (path N))) :=
  map (fun p => map touched_prim (fst p)) ps.

(** Op 13: the direct and all dependencies of one patch, from the earlier
    patches in full or summarised ([PruneLaws.deps_prune_exact]). *)
Definition api_deps_of (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p : named L N) (es : list (wentry L N))
  : presult (list nat * list nat) :=
  deps_prune nleb p es.

(** Op 18: a stretch of the graph, from the patches before it with their
    dependency sets ([PruneLaws.deps_range_exact]). *)
Definition api_deps_range (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (pre : list (named L N * list nat)) (ps : list (named L N))
  : list (list nat * list nat) :=
  deps_range nleb pre ps.

(** Op 14: [file_at] from the patches of the path's lineage
    ([LineageLaws.file_at_pruned_exact]). *)
Definition api_file_at_pruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (es : list (fentry L N)) (p : path N) : presult (nresult (found L N)) :=
  match file_at_pruned es p with
  | PDone (NOk (FoundDir ns)) => PDone (NOk (FoundDir (sort nleb ns)))
  | r => r
  end.

(** Op 15: [annotate] from the patches of the path's lineage
    ([LineageLaws.annotate_pruned_exact]). *)
Definition api_annotate_pruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (es : list (fentry L N)) (p : path N)
  : presult (nresult (option (list (option nat) * list L))) :=
  annotate_pruned es p.

(** Dependencies of a darcs-3 repository with conflicts, over its
    repository patches (conflictors included). *)
Definition api_dependencies3 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named3 L N)) : res (list (list nat)) :=
  dependencies3 ps.

(** Dependencies of a darcs-2 repository with conflicts, over its
    repository patches (conflictors and duplicates included). *)
Definition api_dependencies2 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named2 L N)) : res (list (list nat)) :=
  dependencies2 ps.

(** Ops 20 and 21: the effect of a named patch's repository patches
    (darcs-2, darcs-3), the model's own effect functions ([Effect.v]). *)
Definition api_effect2 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (rp2 L N)) : list (prim L N) :=
  effects2 ps.

Definition api_effect3 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (rp3 L N)) : list (prim L N) :=
  effects3 ps.

(** Op 23: the effect of a darcs-1 named patch's repository patches
    (prims, and mergers and regrems of two prims, [Effect.v]). *)
Definition api_effect1 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (@rp1 L N)) : list (prim L N) :=
  effects1 ps.

(** Op 22: darcs' replay from [s], each patch classified against the
    laws' hypotheses ([Strict.v]); the tree in output order. *)
Definition api_coverage (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (s : state L N) (ps : list (named L N))
  : nresult (list (option nat * bool) * state L N) :=
  match coverage ps s with
  | NOk (cs, t) => NOk (cs, sort_state eqN nleb t)
  | NFail i j => NFail i j
  end.

(** ** The order *)

Section Order.

Context {eqN : EqDec N} (nleb : N -> N -> bool) (Ho : name_order nleb).

Lemma path_leb_total : forall a b, path_leb eqN nleb a b = true \/ path_leb eqN nleb b a = true.
Proof.
  destruct Ho as (Tot & _ & _).
  induction a as [|x a IH]; intros [|y b]; simpl; auto.
  destruct (eqN x y) as [<-|Hxy]; [destruct (eqN x x); [auto|congruence]|].
  destruct (eqN y x); [congruence|auto].
Qed.

Lemma path_leb_trans : forall a b c,
  path_leb eqN nleb a b = true -> path_leb eqN nleb b c = true -> path_leb eqN nleb a c = true.
Proof.
  destruct Ho as (_ & Tr & As).
  induction a as [|x a IH]; intros [|y b] [|z c] H1 H2; simpl in *; auto; try discriminate.
  destruct (eqN x y) as [<-|Hxy]; destruct (eqN x z) as [<-|Hxz].
  - destruct (eqN x x); [eauto|congruence].
  - destruct (eqN x z); [congruence|auto].
  - destruct (eqN y x) as [->|Hyx]; [congruence|]. exfalso. apply Hxy. apply As; auto.
  - destruct (eqN y z) as [<-|Hyz]; eauto.
Qed.

Lemma path_leb_antisym : forall a b,
  path_leb eqN nleb a b = true -> path_leb eqN nleb b a = true -> a = b.
Proof.
  destruct Ho as (_ & _ & As).
  induction a as [|x a IH]; intros [|y b] H1 H2; simpl in *; auto; try discriminate.
  destruct (eqN x y) as [<-|Hxy]; [destruct (eqN x x); [f_equal; auto|congruence]|].
  destruct (eqN y x) as [->|Hyx]; [congruence|]. exfalso; apply Hxy, As; auto.
Qed.

(** Lists with distinct paths and the same bindings sort to the same list. *)
Lemma in_lookup_nodup : forall (s : state L N) p e, NoDup (map fst s) ->
  In (p, e) s <-> lookup s p = Some e.
Proof.
  induction s as [|[q e'] s IH]; intros p e Hnd; simpl; [split; [intros []|discriminate]|].
  inversion Hnd as [|a b Hq Hnd']; subst.
  destruct (path_eqb q p) eqn:E.
  - apply path_eqb_eq in E; subst q. split.
    + intros [E|H]; [injection E as ->; auto|].
      exfalso; apply Hq. apply (in_map fst) in H. exact H.
    + intros E; injection E as ->; left; auto.
  - rewrite <- IH by auto. split; [intros [E'|H]; auto|auto].
    injection E' as -> _. rewrite path_eqb_refl in E. discriminate.
Qed.

Lemma sort_state_eq : forall s1 s2 : state L N,
  NoDup (map fst s1) -> NoDup (map fst s2) -> state_eq s1 s2 ->
  sort_state eqN nleb s1 = sort_state eqN nleb s2.
Proof.
  intros s1 s2 N1 N2 E. unfold sort_state. apply sort_perm_eq.
  - intros a b. apply path_leb_total.
  - intros a b c. apply path_leb_trans.
  - apply NoDup_Permutation.
    + apply (NoDup_map_inv fst); auto.
    + apply (NoDup_map_inv fst); auto.
    + intros [p e]. rewrite !in_lookup_nodup by auto. rewrite E. reflexivity.
  - intros [p e] [q e'] H1 H2 L1 L2. simpl in L1, L2.
    pose proof (path_leb_antisym p q L1 L2) as ->.
    apply in_lookup_nodup in H1; auto. apply in_lookup_nodup in H2; auto. congruence.
Qed.

Lemma keys_sorted_sorted : forall s : state L N, keys_sorted eqN nleb s = true ->
  Sorted (fun a b => path_leb eqN nleb (fst a) (fst b) = true) s.
Proof.
  induction s as [|a s IH]; intros H; [constructor|].
  destruct s as [|b s]; [repeat constructor|].
  simpl in H. apply andb_true_iff in H as [H1 H2]. constructor; [apply IH; auto|].
  constructor. exact H1.
Qed.

Lemma sort_state_fast_eq : forall s : state L N, NoDup (map fst s) ->
  sort_state_fast eqN nleb s = sort_state eqN nleb s.
Proof.
  intros s Hnd. unfold sort_state_fast. destruct (keys_sorted eqN nleb s) eqn:E; auto.
  symmetry. unfold sort_state. apply (sorted_unique (fun a b => path_leb eqN nleb (fst a) (fst b))).
  - apply sort_sorted; [intros a b; apply path_leb_total|intros a b c; apply path_leb_trans].
  - apply Sorted_StronglySorted; [intros a b c; apply path_leb_trans|].
    apply keys_sorted_sorted; auto.
  - apply sort_perm.
  - intros [p e] [q e'] H1 H2 L1 L2. simpl in L1, L2.
    pose proof (path_leb_antisym p q L1 L2) as ->.
    apply (Permutation_in _ (sort_perm _ _)) in H1. apply (Permutation_in _ (sort_perm _ _)) in H2.
    apply in_lookup_nodup in H1; auto. apply in_lookup_nodup in H2; auto. congruence.
Qed.

Lemma sort_names_eq : forall l1 l2 : list N,
  NoDup l1 -> NoDup l2 -> (forall x, In x l1 <-> In x l2) -> sort nleb l1 = sort nleb l2.
Proof.
  destruct Ho as (Tot & Tr & As).
  intros l1 l2 N1 N2 E. apply sort_perm_eq; auto.
  apply NoDup_Permutation; auto.
Qed.

End Order.

(** ** The list model binds each path once *)

Section Distinct.

Context {eqL : EqDec L} {eqN : EqDec N} {lo : LineOps L}.

Lemma nodup_filter_keys : forall (s : state L N) f,
  NoDup (map fst s) -> NoDup (map fst (filter f s)).
Proof.
  induction s as [|[p e] s IH]; intros f H; simpl; auto.
  inversion H as [|a b Hp H']; subst.
  destruct (f (p, e)); simpl; auto. constructor; auto.
  intro Hin. apply Hp. apply in_map_iff in Hin as [[q e'] [Eq Hin]]. simpl in Eq; subst q.
  apply filter_In in Hin as [Hin _]. apply (in_map fst) in Hin. exact Hin.
Qed.

Lemma nodup_del : forall (s : state L N) p, NoDup (map fst s) -> NoDup (map fst (del s p)).
Proof. intros; apply nodup_filter_keys; auto. Qed.

Lemma not_in_del : forall (s : state L N) p, ~ In p (map fst (del s p)).
Proof.
  intros s p Hin. apply in_map_iff in Hin as [[q e] [Eq Hin]]. simpl in Eq; subst q.
  apply filter_In in Hin as [_ H]. simpl in H. rewrite path_eqb_refl in H. discriminate.
Qed.

Lemma nodup_set : forall (s : state L N) p e, NoDup (map fst s) -> NoDup (map fst (set s p e)).
Proof. intros. simpl. constructor; [apply not_in_del|apply nodup_del; auto]. Qed.

Lemma NoDup_map_in_inj : forall {A B} (f : A -> B) (l : list A),
  (forall a b, In a l -> In b l -> f a = f b -> a = b) -> NoDup l -> NoDup (map f l).
Proof.
  intros A B f l Hf H. induction H as [|a l Ha H IH]; simpl; constructor.
  - intros Hin. apply in_map_iff in Hin as [b [E Hb]].
    assert (b = a) by (apply Hf; simpl; auto). subst; contradiction.
  - apply IH. intros x y Hx Hy. apply Hf; simpl; auto.
Qed.

Lemma nodup_rename : forall (s : state L N) f t, NoDup (map fst s) -> fresh s t = true ->
  NoDup (map fst (rename_state f t s)).
Proof.
  intros s f t H Hf. unfold rename_state. rewrite map_map. simpl.
  rewrite <- (map_map fst (move_path f t)). apply NoDup_map_in_inj; auto.
  assert (Ht : forall q, In q (map fst s) -> is_prefix t q = false).
  { intros q Hq. destruct (is_prefix t q) eqn:E; auto.
    apply in_map_iff in Hq as [[q' e] [Eq Hin]]. simpl in Eq; subst q'.
    apply in_lookup in Hin as [e' He']. rewrite fresh_spec in Hf. rewrite Hf in He' by auto.
    discriminate. }
  intros a b Ha Hb E.
  destruct (is_prefix f a) eqn:Fa, (is_prefix f b) eqn:Fb.
  - apply is_prefix_true in Fa as [r1 ->]. apply is_prefix_true in Fb as [r2 ->].
    rewrite !move_path_prefix in E. apply app_inv_head in E. subst; auto.
  - apply is_prefix_true in Fa as [r1 ->]. rewrite move_path_prefix, move_path_not_prefix in E by auto.
    specialize (Ht b Hb). rewrite <- E, is_prefix_app in Ht. discriminate.
  - apply is_prefix_true in Fb as [r2 ->]. rewrite move_path_prefix, move_path_not_prefix in E by auto.
    specialize (Ht a Ha). rewrite E, is_prefix_app in Ht. discriminate.
  - rewrite !move_path_not_prefix in E by auto. auto.
Qed.

Lemma apply_nodup : forall (p : prim L N) s s', NoDup (map fst s) -> apply p s = Some s' ->
  NoDup (map fst s').
Proof.
  intros p s s' H A. unfold apply, apply_gen in A.
  destruct p; repeat match goal with
                     | A : context [match ?x with _ => _ end] |- _ => destruct x eqn:?
                     end;
    try discriminate; injection A as <-;
    auto using nodup_set, nodup_del.
  repeat match goal with Hb : _ && _ = true |- _ => apply andb_true_iff in Hb as [? ?] end.
  apply nodup_rename; auto.
Qed.

Lemma apply_seq_from_nodup : forall (ps : list (prim L N)) i s, NoDup (map fst s) ->
  match apply_seq_from i ps s with Ok s' => NoDup (map fst s') | Fail _ => True end.
Proof.
  induction ps as [|p ps IH]; intros i s H; simpl; auto.
  destruct (apply p s) as [s1|] eqn:A; auto. apply IH. eapply apply_nodup; eauto.
Qed.

Lemma tree_at_nodup : forall (ps : list (named L N)),
  match tree_at ps with NOk s => NoDup (map fst s) | NFail _ _ => True end.
Proof.
  intros ps. unfold tree_at, apply_named.
  assert (G : forall qs i (s : state L N), NoDup (map fst s) ->
            match apply_named_from i qs s with NOk s' => NoDup (map fst s') | NFail _ _ => True end).
  { clear ps. intros qs. induction qs as [|p qs IH]; intros i s H; simpl; auto.
    unfold apply_seq. pose proof (apply_seq_from_nodup (fst p) 0 s H) as H1.
    destruct (apply_seq_from 0 (fst p) s); auto. apply IH; auto. }
  apply G. constructor.
Qed.

Lemma lookup_uniq : forall (s : state L N) q, lookup (uniq s) q = lookup s q.
Proof.
  induction s as [|[p e] s IH]; intros q; simpl; auto.
  destruct (path_eqb p q) eqn:E; auto. rewrite lookup_del, E. apply IH.
Qed.

Lemma nodup_uniq : forall s : state L N, NoDup (map fst (uniq s)).
Proof.
  induction s as [|[p e] s IH]; simpl; [constructor|].
  constructor; [apply not_in_del|apply nodup_del; auto].
Qed.

(** The children of a path in the list model and in a trie. *)
Lemma in_children : forall (s : state L N) p x,
  In x (children s p) <-> exists e, In (p ++ [x], e) s.
Proof.
  induction s as [|[q e] s IH]; intros p x; simpl; [split; [intros []|intros [e []]]|].
  destruct (strip_prefix p q) as [r|] eqn:S.
  - apply strip_prefix_some in S; subst q. destruct r as [|y [|z r]]; simpl.
    + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
      injection H' as E. rewrite app_nil_r in E. apply (f_equal (@length _)) in E.
      rewrite app_length in E; simpl in E; lia.
    + split.
      * intros [<-|Hx]; [exists e; auto|]. apply IH in Hx as [e' He']. eauto.
      * intros [e' [H'|H']].
        -- injection H' as E _. apply app_inv_head in E. injection E as ->. auto.
        -- right. apply IH. eauto.
    + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
      injection H' as E. apply app_inv_head in E. discriminate.
  - rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
    injection H' as E. subst q. rewrite strip_prefix_app in S. discriminate.
Qed.

Lemma nodup_children : forall (s : state L N) p, NoDup (map fst s) -> NoDup (children s p).
Proof.
  induction s as [|[q e] s IH]; intros p H; simpl; [constructor|].
  inversion H as [|a b Hq H']; subst.
  destruct (strip_prefix p q) as [[|x [|y r]]|] eqn:S; auto.
  constructor; auto. intros Hx. apply in_children in Hx as [e' He'].
  apply strip_prefix_some in S. subst q. apply Hq. apply (in_map fst) in He'. exact He'.
Qed.

Lemma children_same : forall t (s : state L N) p, trel t s -> forall x,
  In x (tchildren t p) <-> In x (children s p).
Proof.
  intros t s p R x. rewrite tchildren_spec by apply R. rewrite in_children.
  rewrite (trel_lookup t s R). split.
  - intros H. destruct (lookup s (p ++ [x])) as [e|] eqn:E; [|congruence].
    exists e. apply lookup_in; auto.
  - intros [e He]. apply in_lookup in He as [e' He']. congruence.
Qed.

End Distinct.

(** ** The entry points compute the reference functions *)

(** op 1: apply a sequence to a tree (each path once, sorted). *)
Theorem api_apply_spec : forall eqL eqN lo nleb (s : state L N) ps, name_order nleb ->
  api_apply eqL eqN lo nleb s ps =
  match apply_seq ps s with Ok s' => Ok (sort_state eqN nleb (uniq s')) | Fail i => Fail i end.
Proof.
  intros eqL eqN lo nleb s ps Ho. unfold api_apply, apply_seq.
  pose proof Ho as (_ & Tr & As).
  pose proof (fapply_seq_trel 0 ps _ s (of_state_sorted_trel nleb Tr As s)) as H.
  destruct (fapply_seq_from 0 ps (of_state_sorted nleb s)) as [t|j];
    destruct (apply_seq_from 0 ps s) as [s'|k]; try contradiction; [|congruence].
  rewrite sort_state_fast_eq by (auto; apply nodup_flatten, H).
  f_equal. apply sort_state_eq; auto.
  - apply nodup_flatten, H.
  - apply nodup_uniq.
  - intros q. rewrite lookup_uniq, lookup_flatten by apply H. apply (trel_lookup t s' H).
Qed.

(** op 4: the tree after named patches, sorted. *)
Theorem api_tree_at_spec : forall eqL eqN lo nleb (ps : list (named L N)), name_order nleb ->
  api_tree_at eqL eqN lo nleb ps =
  match tree_at ps with NOk s => NOk (sort_state eqN nleb s) | NFail i j => NFail i j end.
Proof.
  intros eqL eqN lo nleb ps Ho. unfold api_tree_at.
  pose proof (ftree_at_trel ps) as H. pose proof (tree_at_nodup ps) as D.
  destruct (ftree_at ps) as [t|i j]; destruct (tree_at ps) as [s|i' j']; try contradiction.
  - rewrite sort_state_fast_eq by (auto; apply nodup_flatten, H).
    f_equal. apply sort_state_eq; auto.
    + apply nodup_flatten, H.
    + intros q. rewrite lookup_flatten by apply H. apply (trel_lookup t s H).
  - destruct H as [-> ->]. reflexivity.
Qed.

(** op 5: what a path holds after named patches (directory listings sorted). *)
Theorem api_file_at_spec : forall eqL eqN lo nleb (ps : list (named L N)) p, name_order nleb ->
  api_file_at eqL eqN lo nleb ps p =
  match file_at ps p with NOk (FoundDir ns) => NOk (FoundDir (sort nleb ns)) | r => r end.
Proof.
  intros eqL eqN lo nleb ps p Ho. unfold api_file_at, ffile_at, file_at.
  pose proof (ftree_at_trel ps) as H. pose proof (tree_at_nodup ps) as D.
  destruct (ftree_at ps) as [t|i j]; destruct (tree_at ps) as [s|i' j']; try contradiction.
  - assert (Ch : forall q, sort nleb (tchildren t q) = sort nleb (children s q)).
    { intros q. apply sort_names_eq; auto.
      - apply nodup_tchildren, H.
      - apply nodup_children; auto.
      - apply children_same; auto. }
    unfold tfound_at, found_at. destruct p as [|x p]; [rewrite Ch; reflexivity|].
    rewrite (trel_lookup t s H). destruct (lookup s (x :: p)) as [[|c]|]; auto.
    rewrite Ch. reflexivity.
  - destruct H as [-> ->]. reflexivity.
Qed.

(** op 6: annotate. *)
Theorem api_annotate_spec : forall eqL eqN lo nleb (ps : list (named L N)) p,
  api_annotate eqL eqN lo nleb ps p = annotate ps p.
Proof. intros. apply fannotate_eq. Qed.

End Api.
