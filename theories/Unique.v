(** * Unique: applying keeps paths unique.

    A state is an association list; only the first binding of a path
    counts.  The glue's input trees come from a Rust map (one binding per
    path) and the empty tree has none; here: both applies keep "no path
    bound twice" ([apply_gen_nodup]), so every tree the core returns binds
    each path once, and a permutation of it keeps every lookup
    ([perm_lookup]).  The lemmas are generic in the entries (they serve
    the tagged trees of [AnnotateSpec] too). *)

From Coq Require Import List Bool Arith Lia Permutation.
From DarcsWeb Require Import Lens Prim Token Apply.
Import ListNotations.

Lemma NoDup_map_inj : forall {A B} (f : A -> B) l,
  NoDup l -> (forall x y, In x l -> In y l -> f x = f y -> x = y) -> NoDup (map f l).
Proof.
  intros A B f l. induction l as [|x l IH]; intros Hn Hi; simpl; [constructor|].
  inversion Hn as [|? ? Hx Hl]; subst. constructor.
  - intros Hin. apply in_map_iff in Hin as (y & Ey & Hy).
    assert (x = y) as <- by (apply Hi; simpl; auto). contradiction.
  - apply IH; [exact Hl|]. intros a b Ha Hb. apply Hi; simpl; auto.
Qed.

Section Unique.

Context {L N : Type} {EqN : EqDec N}.

Notation path := (path N).
Notation st := (state L N).

(** No path is bound twice. *)
Definition unique (s : st) : Prop := NoDup (map fst s).

Lemma in_del : forall (s : st) p x, In x (del s p) <-> In x s /\ fst x <> p.
Proof.
  intros s p x. unfold del. rewrite filter_In. split.
  - intros [H1 H2]. split; [exact H1|]. intro E'. subst. rewrite path_eqb_refl in H2. discriminate.
  - intros [H1 H2]. split; [exact H1|]. rewrite path_eqb_neq; auto.
Qed.

Lemma del_unique : forall (s : st) p, unique s -> unique (del s p).
Proof.
  intros s p. unfold unique, del. induction s as [|[q e] s IH]; intros H; simpl; [constructor|].
  inversion H as [|? ? Hq Hs]; subst. destruct (negb (path_eqb q p)); simpl; [|apply IH; exact Hs].
  constructor; [|apply IH; exact Hs]. intro Hin. apply Hq. apply in_map_iff in Hin as ([q' e'] & Eq & Hin).
  simpl in Eq. subst q'. apply filter_In in Hin as [Hin _]. apply in_map_iff. exists (q, e'). auto.
Qed.

Lemma set_unique : forall (s : st) p e, unique s -> unique (set s p e).
Proof.
  intros s p e H. unfold unique, set. simpl. constructor; [|apply del_unique; exact H].
  intro Hin. apply in_map_iff in Hin as (x & Ex & Hx). apply in_del in Hx as [_ Hn]. contradiction.
Qed.

Lemma rename_unique : forall (s : st) f t, fresh s t = true -> unique s -> unique (rename_state f t s).
Proof.
  intros s f t Hf H. unfold unique, rename_state. rewrite map_map. simpl.
  rewrite <- (map_map fst (move_path f t)). apply NoDup_map_inj; [exact H|].
  intros a b Ha Hb Eab. rewrite fresh_spec in Hf.
  assert (Na : is_prefix t a = false).
  { destruct (is_prefix t a) eqn:E1; [|reflexivity]. apply in_map_iff in Ha as ([a' ea] & <- & Ha).
    destruct (in_lookup _ _ _ Ha) as [e' He']. rewrite Hf in He' by exact E1. discriminate. }
  assert (Nb : is_prefix t b = false).
  { destruct (is_prefix t b) eqn:E1; [|reflexivity]. apply in_map_iff in Hb as ([b' eb] & <- & Hb).
    destruct (in_lookup _ _ _ Hb) as [e' He']. rewrite Hf in He' by exact E1. discriminate. }
  destruct (is_prefix f a) eqn:Fa, (is_prefix f b) eqn:Fb.
  - apply is_prefix_true in Fa as [ra ->]. apply is_prefix_true in Fb as [rb ->].
    rewrite !move_path_prefix in Eab. apply app_inv_head_iff in Eab. subst. reflexivity.
  - apply is_prefix_true in Fa as [ra ->]. rewrite move_path_prefix, (move_path_not_prefix f t b Fb) in Eab.
    subst b. rewrite is_prefix_app in Nb. discriminate.
  - apply is_prefix_true in Fb as [rb ->]. rewrite move_path_prefix, (move_path_not_prefix f t a Fa) in Eab.
    subst a. rewrite is_prefix_app in Na. discriminate.
  - rewrite (move_path_not_prefix f t a Fa), (move_path_not_prefix f t b Fb) in Eab. exact Eab.
Qed.

(** With unique paths, membership is lookup. *)
Lemma unique_lookup : forall (s : st) p e, unique s -> In (p, e) s -> lookup s p = Some e.
Proof.
  induction s as [|[q e'] s IH]; intros p e H Hin; [destruct Hin|].
  inversion H as [|? ? Hq Hs]; subst. simpl. destruct Hin as [Eq|Hin].
  - injection Eq as -> ->. rewrite path_eqb_refl. reflexivity.
  - destruct (path_eqb q p) eqn:Eqp.
    + apply path_eqb_eq in Eqp. subst q. exfalso. apply Hq. apply in_map_iff. exists (p, e). auto.
    + apply IH; assumption.
Qed.

(** A permutation of a state with unique paths keeps every lookup. *)
Theorem perm_lookup : forall (s s' : st), unique s -> Permutation s s' ->
  unique s' /\ forall p, lookup s' p = lookup s p.
Proof.
  intros s s' H P. assert (H' : unique s') by (eapply Permutation_NoDup; [apply Permutation_map; exact P|exact H]).
  split; [exact H'|]. intros p. destruct (lookup s p) as [e|] eqn:E1.
  - apply unique_lookup; [exact H'|]. eapply Permutation_in; [exact P|]. apply lookup_in. exact E1.
  - destruct (lookup s' p) as [e|] eqn:E2; [|reflexivity]. apply lookup_in in E2.
    apply (Permutation_in _ (Permutation_sym P)) in E2. apply unique_lookup in E2; [|exact H]. congruence.
Qed.

End Unique.

Section ApplyUnique.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

(** Both applies keep paths unique. *)
Theorem apply_gen_unique : forall b (p : prim L N) (s s' : state L N),
  unique s -> apply_gen b p s = Some s' -> unique s'.
Proof.
  intros b p s s' H Ha.
  destruct p as [f line old new|f|f|d|d|f t|f toks old new|f old new|nm old new]; cbn [apply_gen] in Ha;
    repeat match type of Ha with
           | None = Some _ => discriminate Ha
           | (if ?c then _ else _) = Some _ => destruct c eqn:?
           | match ?x with _ => _ end = Some _ => destruct x eqn:?
           | Some _ = Some _ => injection Ha as <-
           end;
    try (apply set_unique; exact H); try (apply del_unique; exact H); try exact H.
  repeat match goal with Hc : _ && _ = true |- _ => apply andb_true_iff in Hc as [? ?] end.
  apply rename_unique; assumption.
Qed.

Lemma apply_unique : forall (p : prim L N) s s', unique s -> apply p s = Some s' -> unique s'.
Proof. intros p s s'. apply apply_gen_unique. Qed.

Lemma apply_list_unique : forall (ps : list (prim L N)) s s', unique s -> apply_list ps s = Some s' -> unique s'.
Proof.
  induction ps as [|p ps IH]; intros s s' H Ha; simpl in Ha; [injection Ha as <-; exact H|].
  destruct (apply p s) as [s1|] eqn:E; [|discriminate]. eapply IH; [|exact Ha]. eapply apply_unique; eauto.
Qed.

End ApplyUnique.
