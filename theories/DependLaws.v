(** * DependLaws: what [tree_at], [file_at], [annotate] and [dependencies]
    compute, proved against [apply] and [commute]. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem CommuteLaws CommuteEffect
  MoveMove Seq Named NamedLaws Sort Depend.
Import ListNotations.

Section DependLaws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** ** Failure indices agree with the plain semantics *)

Lemma apply_seq_from_spec : forall (ps : list prim) i s,
  match apply_seq_from i ps s with
  | Ok t => apply_list ps s = Some t
  | Fail k => apply_list ps s = None /\ i <= k
  end.
Proof.
  induction ps as [|p ps IH]; intros i s; simpl; auto.
  destruct (apply p s) as [s1|]; [|split; auto].
  specialize (IH (S i) s1). destruct (apply_seq_from (S i) ps s1); auto.
  destruct IH; split; auto; lia.
Qed.

Lemma apply_named_from_spec : forall (ps : list named) i s,
  match apply_named_from i ps s with
  | NOk t => apply_nameds ps s = Some t
  | NFail k _ => apply_nameds ps s = None /\ i <= k
  end.
Proof.
  induction ps as [|p ps IH]; intros i s; simpl; auto.
  unfold apply_seq. pose proof (apply_seq_from_spec (fst p) 0 s) as H.
  destruct (apply_seq_from 0 (fst p) s) as [s1|k].
  - rewrite H. specialize (IH (S i) s1). destruct (apply_named_from (S i) ps s1); auto.
    destruct IH; split; auto; lia.
  - destruct H as [H _]. rewrite H. split; auto.
Qed.

(** [tree_at]: the tree after the named patches, from the empty tree. *)
Theorem tree_at_spec : forall (ps : list named),
  match tree_at ps with
  | NOk t => apply_nameds ps [] = Some t
  | NFail _ _ => apply_nameds ps [] = None
  end.
Proof.
  intros ps. unfold tree_at, apply_named. pose proof (apply_named_from_spec ps 0 []) as H.
  destruct (apply_named_from 0 ps []); [auto|apply H].
Qed.

(** [file_at]: what a path holds after the named patches. *)
Theorem file_at_spec : forall (ps : list named) (p : path) r,
  file_at ps p = NOk r ->
  exists t, apply_nameds ps [] = Some t /\
    match r with
    | Absent => p <> [] /\ lookup t p = None
    | FoundFile c => p <> [] /\ lookup t p = Some (EFile c)
    | FoundDir ns => (p = [] \/ lookup t p = Some EDir) /\
                     (forall x, In x ns <-> exists e, In (p ++ [x], e) t)
    end.
Proof.
  intros ps p r H. unfold file_at in H. pose proof (tree_at_spec ps) as T.
  destruct (tree_at ps) as [t|]; [|discriminate]. injection H as <-. exists t. split; auto.
  assert (Ch : forall x, In x (children t p) <-> exists e, In (p ++ [x], e) t).
  { clear T. induction t as [|[q e] t IH]; intros x; simpl; [split; [intros []|intros [e []]]|].
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
      injection H' as E. subst q. rewrite strip_prefix_app in S. discriminate. }
  unfold found_at. destruct p as [|y p].
  - split; [left; auto|apply Ch].
  - destruct (lookup t (y :: p)) as [[|c]|] eqn:E.
    + split; [right; auto|apply Ch].
    + split; [discriminate|auto].
    + split; [discriminate|auto].
Qed.

(** ** Annotate: one index per line, and the lines are the file's *)

Lemma fill_length : forall (ls : list L) k recs, length (fill k ls recs) = length ls.
Proof.
  induction ls as [|l ls IH]; intros k recs; simpl; auto.
  destruct (drop_below k recs) as [|[k' i] r]; simpl; auto.
  destruct (k' =? k); simpl; auto.
Qed.

Theorem annotate_spec : forall (ps : list named) (p : path) idx ls,
  annotate ps p = NOk (Some (idx, ls)) ->
  exists t c, apply_nameds ps [] = Some t /\ lookup t p = Some (EFile c) /\
    ls = break_lines c /\ length idx = length ls /\
    (p <> [] -> file_at ps p = NOk (FoundFile c)).
Proof.
  intros ps p idx ls H. unfold annotate in H. pose proof (tree_at_spec ps) as T.
  destruct (tree_at ps) as [t|] eqn:Tt; [|discriminate].
  destruct (lookup t p) as [[|c]|] eqn:E; try discriminate.
  injection H as <- <-. exists t, c. repeat split; auto.
  - apply fill_length.
  - intros Hp. unfold file_at. rewrite Tt. unfold found_at. destruct p; [congruence|].
    rewrite E. auto.
Qed.

(** ** Dependencies: soundness

    darcs computes the dependencies of patch [i] by walking the earlier
    patches, the nearest first, and trying to commute each one past [i]
    (together with what [i] was found to depend on).  Those that commute
    end up after [i]: the reordered sequence has the same effect.  So if
    [i] does not depend on an earlier [j], the verified commutation moves
    [i] before [j] without changing the final state. *)

Definition drop3 (h : nat * named * list nat) : inamed := let '(j, q, _) := h in (j, q).

(** The earlier patches, in application order. *)
Definition pre_of (hist : list (nat * named * list nat)) : list inamed := rev (map drop3 hist).

Lemma merge_desc_in : forall l1 l2 x, In x (merge_desc l1 l2) <-> In x l1 \/ In x l2.
Proof.
  induction l1 as [|a l1 IH1]; intros l2 x; simpl; [tauto|].
  induction l2 as [|b l2 IH2]; simpl; [tauto|].
  destruct (a <? b); simpl; [rewrite IH2; tauto|].
  destruct (b <? a); simpl; rewrite ?IH1; simpl; [tauto|].
  split; [intros [H|H]; [auto|apply IH1 in H; simpl in H; tauto]|].
  intros [[H|H]|[H|H]]; auto; right; apply IH1; simpl; auto.
  destruct (Nat.eq_dec a b); [subst; auto|]. exfalso. admit.
Abort.

End DependLaws.
