(** * Strict: how much of a history the laws cover (op 22).

    The laws (invert, commute, the effect of reordering, annotate's
    attribution) are proved for the strict semantics ([sapply]) and for
    prims that are not empty hunks.  darcs' own apply is more lenient (a
    file may lose its last piece, a content change may meet an absent
    file), and darcs may store an empty hunk.  [coverage] replays a
    history with darcs' apply, as op 1 and op 4 do, and classifies every
    named patch from the state the replay reached before it:

    - [(None, false)]: it applies strictly and holds no empty hunk; it is
      inside the hypotheses of the laws;
    - [(Some j, _)]: strict apply fails on it, first at its prim [j] (darcs'
      apply succeeds: the replay goes on with darcs' result);
    - [(_, true)]: it holds an empty hunk.

    [coverage_spec] says that this classification is exact, and
    [coverage_inside] / [coverage_inside_iff] that a history all of whose
    patches are inside is exactly one that applies strictly, without empty
    hunks, from the start: the hypothesis of the laws about whole
    histories (e.g. [AnnotateSpec.annotate_tags]), with the same final
    tree as darcs' apply. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Lens Prim Token Apply Invert CommuteEffect Seq Named DependLaws.
Import ListNotations.

Section Strict.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation state := (state L N).
Notation prim := (prim L N).
Notation named := (named L N).

(** ** The replay *)

Definition empty_hunk (p : prim) : bool := match p with Hunk _ _ [] [] => true | _ => false end.

(** Strict apply of a sequence, naming the first prim that fails. *)
Fixpoint sapply_seq_from (i : nat) (ps : list prim) (s : state) : result state :=
  match ps with
  | [] => Ok s
  | p :: ps' => match sapply p s with
                | Some s' => sapply_seq_from (S i) ps' s'
                | None => Fail i
                end
  end.

(** A patch's class: the first prim strict apply fails on (none: it
    applies strictly), and whether it holds an empty hunk. *)
Definition cover_class := (option nat * bool)%type.

(** The replay: strict apply first (its result is darcs', [sapply_apply]),
    darcs' apply only where strict apply fails; the classes are gathered
    in reverse in [acc] (tail recursive). *)
Fixpoint cover_from (i : nat) (ps : list named) (s : state) (acc : list cover_class)
  : nresult (list cover_class * state) :=
  match ps with
  | [] => NOk (rev acc, s)
  | p :: ps' =>
      let e := existsb empty_hunk (fst p) in
      match sapply_seq_from 0 (fst p) s with
      | Ok s' => cover_from (S i) ps' s' ((None, e) :: acc)
      | Fail j =>
          match apply_seq (fst p) s with
          | Ok s' => cover_from (S i) ps' s' ((Some j, e) :: acc)
          | Fail k => NFail i k
          end
      end
  end.

Definition coverage (ps : list named) (s : state) : nresult (list cover_class * state) := cover_from 0 ps s [].

(** Inside the laws' hypotheses. *)
Definition inside (c : cover_class) : bool := match c with (None, false) => true | _ => false end.

(** What a class says of patch [p] from state [s]. *)
Definition class_of (p : named) (s : state) (c : cover_class) : Prop :=
  (fst c = None <-> exists u, sapply_list (fst p) s = Some u) /\
  (forall j, fst c = Some j -> exists u q, sapply_list (firstn j (fst p)) s = Some u /\
     nth_error (fst p) j = Some q /\ sapply q u = None) /\
  (snd c = false <-> Forall nonempty_hunk (fst p)).

(** ** Facts about the pieces *)

Lemma empty_hunk_false : forall ps : list prim, existsb empty_hunk ps = false <-> Forall nonempty_hunk ps.
Proof.
  induction ps as [|p ps IH]; simpl; [split; auto|].
  rewrite orb_false_iff, IH. split.
  - intros [H1 H2]. constructor; [|exact H2].
    destruct p as [f l [|o os] [|n ns]| | | | | | | |]; simpl in *; auto; discriminate.
  - intros H. inversion H as [|? ? H1 H2]; subst. split; [|exact H2].
    destruct p as [f l [|o os] [|n ns]| | | | | | | |]; simpl in *; auto. contradiction.
Qed.

Lemma sapply_seq_from_spec : forall (ps : list prim) i s,
  match sapply_seq_from i ps s with
  | Ok t => sapply_list ps s = Some t
  | Fail k => sapply_list ps s = None /\ i <= k /\ exists u q, sapply_list (firstn (k - i) ps) s = Some u /\
      nth_error ps (k - i) = Some q /\ sapply q u = None
  end.
Proof.
  induction ps as [|p ps IH]; intros i s; simpl; [reflexivity|].
  destruct (sapply p s) as [s1|] eqn:E.
  - specialize (IH (S i) s1). destruct (sapply_seq_from (S i) ps s1) as [t|k]; [exact IH|].
    destruct IH as (H & Hle & u & q & Hu & Hq & Hn). split; [exact H|]. split; [lia|].
    exists u, q. replace (k - i) with (S (k - S i)) by lia. simpl. rewrite E. auto.
  - split; [reflexivity|]. split; [lia|]. exists s, p. rewrite Nat.sub_diag. simpl. auto.
Qed.

Lemma apply_seq_from_fail_at : forall (ps : list prim) i s k, apply_seq_from i ps s = Fail k ->
  i <= k /\ exists u q, apply_list (firstn (k - i) ps) s = Some u /\ nth_error ps (k - i) = Some q /\ apply q u = None.
Proof.
  induction ps as [|p ps IH]; intros i s k H; simpl in H; [discriminate|].
  destruct (apply p s) as [s1|] eqn:E.
  - destruct (IH _ _ _ H) as [Hle (u & q & Hu & Hq & Hn)]. split; [lia|].
    exists u, q. replace (k - i) with (S (k - S i)) by lia. simpl. rewrite E. auto.
  - injection H as <-. split; [lia|]. exists s, p. rewrite Nat.sub_diag. simpl. auto.
Qed.

Lemma sapply_list_apply_list : forall (ps : list prim) s t, sapply_list ps s = Some t -> apply_list ps s = Some t.
Proof.
  induction ps as [|p ps IH]; intros s t H; simpl in *; [exact H|].
  destruct (sapply p s) as [s1|] eqn:E; [|discriminate]. rewrite (sapply_apply _ _ _ E). apply IH. exact H.
Qed.

(** ** The classification is exact *)

Lemma cover_from_ok : forall ps i s acc cs t, cover_from i ps s acc = NOk (cs, t) ->
  apply_nameds ps s = Some t /\ exists cs', cs = rev acc ++ cs' /\ length cs' = length ps /\
  forall k p c, nth_error ps k = Some p -> nth_error cs' k = Some c ->
    exists sk, apply_nameds (firstn k ps) s = Some sk /\ class_of p sk c.
Proof.
  induction ps as [|p ps IH]; intros i s acc cs t H; simpl in H.
  - injection H as <- <-. split; [reflexivity|]. exists []. rewrite app_nil_r.
    split; [reflexivity|]. split; [reflexivity|]. intros k p c Hp. destruct k; discriminate Hp.
  - pose proof (sapply_seq_from_spec (fst p) 0 s) as Hs.
    pose proof (empty_hunk_false (fst p)) as He.
    destruct (sapply_seq_from 0 (fst p) s) as [s1|j] eqn:Es.
    + destruct (IH _ _ _ _ _ H) as [Ht (cs'' & Ecs & Hl & Hk)]. simpl. rewrite (sapply_list_apply_list _ _ _ Hs).
      split; [exact Ht|]. exists ((None, existsb empty_hunk (fst p)) :: cs''). split.
      { rewrite Ecs. simpl. rewrite <- app_assoc. reflexivity. }
      split; [simpl; rewrite Hl; reflexivity|].
      intros [|k] p0 c Hp Hc; simpl in Hp, Hc.
      * injection Hp as <-. injection Hc as <-. exists s. split; [reflexivity|].
        split; [split; [intros _; exists s1; exact Hs|reflexivity]|]. split; [intros j' E'; discriminate E'|].
        exact He.
      * destruct (Hk k p0 c Hp Hc) as (sk & Hsk & Hc'). exists sk. split; [|exact Hc'].
        simpl. rewrite (sapply_list_apply_list _ _ _ Hs). exact Hsk.
    + destruct Hs as (Hn & _ & u & q & Hu & Hq & Hf). rewrite Nat.sub_0_r in Hu, Hq.
      unfold apply_seq in H. pose proof (apply_seq_from_spec (fst p) 0 s) as Ha.
      destruct (apply_seq_from 0 (fst p) s) as [s1|k]; [|discriminate H].
      destruct (IH _ _ _ _ _ H) as [Ht (cs'' & Ecs & Hl & Hk)]. simpl. rewrite Ha.
      split; [exact Ht|]. exists ((Some j, existsb empty_hunk (fst p)) :: cs''). split.
      { rewrite Ecs. simpl. rewrite <- app_assoc. reflexivity. }
      split; [simpl; rewrite Hl; reflexivity|].
      intros [|k] p0 c Hp Hc; simpl in Hp, Hc.
      * injection Hp as <-. injection Hc as <-. exists s. split; [reflexivity|].
        split; [split; [intros E'; discriminate E'|intros [u' Hu']; congruence]|].
        split; [|exact He]. intros j' E'. injection E' as <-. exists u, q. auto.
      * destruct (Hk k p0 c Hp Hc) as (sk & Hsk & Hc'). exists sk. split; [|exact Hc'].
        simpl. rewrite Ha. exact Hsk.
Qed.

Lemma cover_from_fail : forall ps i s acc i' j, cover_from i ps s acc = NFail i' j ->
  i <= i' /\ apply_nameds ps s = None /\
  exists u pk v q, apply_nameds (firstn (i' - i) ps) s = Some u /\ nth_error ps (i' - i) = Some pk /\
    apply_list (firstn j (fst pk)) u = Some v /\ nth_error (fst pk) j = Some q /\ apply q v = None.
Proof.
  induction ps as [|p ps IH]; intros i s acc i' j H; simpl in H; [discriminate|].
  pose proof (sapply_seq_from_spec (fst p) 0 s) as Hs.
  destruct (sapply_seq_from 0 (fst p) s) as [s1|j0] eqn:Es.
  - destruct (IH _ _ _ _ _ H) as (Hle & Hn & u & pk & v & q & H1 & H2 & H3 & H4 & H5).
    simpl. rewrite (sapply_list_apply_list _ _ _ Hs). split; [lia|]. split; [exact Hn|].
    exists u, pk, v, q. replace (i' - i) with (S (i' - S i)) by lia. simpl.
    rewrite (sapply_list_apply_list _ _ _ Hs). auto.
  - unfold apply_seq in H. pose proof (apply_seq_from_spec (fst p) 0 s) as Ha.
    destruct (apply_seq_from 0 (fst p) s) as [s1|k] eqn:Ea.
    + destruct (IH _ _ _ _ _ H) as (Hle & Hn & u & pk & v & q & H1 & H2 & H3 & H4 & H5).
      simpl. rewrite Ha. split; [lia|]. split; [exact Hn|].
      exists u, pk, v, q. replace (i' - i) with (S (i' - S i)) by lia. simpl. rewrite Ha. auto.
    + injection H as <- <-. destruct Ha as [Ha _]. simpl. rewrite Ha. split; [lia|]. split; [reflexivity|].
      destruct (apply_seq_from_fail_at _ _ _ _ Ea) as [_ (v & q & Hv & Hq & Hf)].
      rewrite Nat.sub_0_r in Hv, Hq. exists s, p, v, q. rewrite Nat.sub_diag. simpl. auto.
Qed.

(** What [coverage] answers: on success, darcs' replay gives [t], there is
    one class per patch, and each class is exactly what strict apply and
    the hunks of that patch say from the state the replay reached before
    it; on failure [NFail i j], patches [0..i-1] apply (darcs' apply), and
    in patch [i] prims [0..j-1] apply and prim [j] does not. *)
Theorem coverage_spec : forall (ps : list named) s,
  match coverage ps s with
  | NOk (cs, t) => apply_nameds ps s = Some t /\ length cs = length ps /\
      forall k p c, nth_error ps k = Some p -> nth_error cs k = Some c ->
        exists sk, apply_nameds (firstn k ps) s = Some sk /\ class_of p sk c
  | NFail i j => apply_nameds ps s = None /\
      exists u pk v q, apply_nameds (firstn i ps) s = Some u /\ nth_error ps i = Some pk /\
        apply_list (firstn j (fst pk)) u = Some v /\ nth_error (fst pk) j = Some q /\ apply q v = None
  end.
Proof.
  intros ps s. unfold coverage. destruct (cover_from 0 ps s []) as [[cs t]|i j] eqn:E.
  - destruct (cover_from_ok _ _ _ _ _ _ E) as [Ht (cs' & -> & Hl & Hk)]. simpl. auto.
  - destruct (cover_from_fail _ _ _ _ _ _ E) as (_ & Hn & H). rewrite Nat.sub_0_r in H. auto.
Qed.

(** ** Inside everywhere = the hypotheses of the laws for the whole history *)

Lemma forallb_nth : forall (cs : list cover_class) k c, forallb inside cs = true -> nth_error cs k = Some c -> inside c = true.
Proof.
  induction cs as [|c0 cs IH]; intros k c H Hk; [destruct k; discriminate|].
  simpl in H. apply andb_true_iff in H as [H1 H2]. destruct k as [|k]; simpl in Hk; [congruence|eauto].
Qed.

Lemma apply_nameds_snoc : forall (pre : list named) p s s0 u,
  apply_nameds pre s = Some s0 -> apply_list (fst p) s0 = Some u -> apply_nameds (pre ++ [p]) s = Some u.
Proof.
  induction pre as [|x pre IH]; intros p s s0 u Hpre Hu; simpl in *.
  - injection Hpre as <-. rewrite Hu. reflexivity.
  - destruct (apply_list (fst x) s); [eapply IH; eauto|discriminate].
Qed.

Lemma inside_class : forall p s c, class_of p s c -> inside c = true ->
  (exists u, sapply_list (fst p) s = Some u) /\ Forall nonempty_hunk (fst p).
Proof.
  intros p s [[o|] e] (H1 & _ & H3) Hi; simpl in Hi; [discriminate|].
  destruct e; [discriminate|]. split; [apply H1; reflexivity|apply H3; reflexivity].
Qed.

(** If every patch is inside, the whole history applies strictly (with
    darcs' result [t]) and holds no empty hunk. *)
Theorem coverage_inside : forall (ps : list named) s cs t, coverage ps s = NOk (cs, t) ->
  forallb inside cs = true ->
  sapply_list (concat (map fst ps)) s = Some t /\ Forall nonempty_hunk (concat (map fst ps)).
Proof.
  intros ps s cs t E Hall. pose proof (coverage_spec ps s) as Hs. rewrite E in Hs.
  destruct Hs as (Ht & Hl & Hk).
  assert (Gen : forall ps0 pre s0 t1, ps = pre ++ ps0 -> apply_nameds pre s = Some s0 ->
    apply_nameds ps0 s0 = Some t1 ->
    sapply_list (concat (map fst ps0)) s0 = Some t1 /\ Forall nonempty_hunk (concat (map fst ps0))).
  { induction ps0 as [|p ps0 IH]; intros pre s0 t1 Eps Hpre Ht1; simpl in *.
    - injection Ht1 as <-. split; [reflexivity|constructor].
    - assert (Hn : nth_error ps (length pre) = Some p) by (rewrite Eps, nth_error_app2, Nat.sub_diag by lia; reflexivity).
      assert (Hc : exists c, nth_error cs (length pre) = Some c).
      { destruct (nth_error cs (length pre)) as [c|] eqn:Ec; [eauto|].
        apply nth_error_None in Ec. assert (length ps = length pre + S (length ps0)) by (rewrite Eps, len_app; reflexivity).
        lia. }
      destruct Hc as [c Hc]. destruct (Hk _ _ _ Hn Hc) as (sk & Hsk & Hcl).
      rewrite Eps, firstn_app, Nat.sub_diag, firstn_all in Hsk. simpl in Hsk. rewrite app_nil_r in Hsk.
      rewrite Hpre in Hsk. injection Hsk as <-.
      destruct (inside_class _ _ _ Hcl (forallb_nth _ _ _ Hall Hc)) as [[u Hu] Hne].
      rewrite (sapply_list_apply_list _ _ _ Hu) in Ht1.
      assert (Hpre' : apply_nameds (pre ++ [p]) s = Some u)
        by (apply apply_nameds_snoc with s0; [exact Hpre|exact (sapply_list_apply_list _ _ _ Hu)]).
      destruct (IH (pre ++ [p]) u t1) as [H1 H2]; [rewrite Eps, <- app_assoc; reflexivity|exact Hpre'|exact Ht1|].
      rewrite sapply_list_app, Hu. split; [exact H1|]. apply Forall_app. split; assumption. }
  exact (Gen ps [] s t eq_refl eq_refl Ht).
Qed.

(** Conversely, a history that applies strictly without empty hunks has
    every patch inside, and the replay's tree is the strict one. *)
Theorem coverage_inside_iff : forall (ps : list named) s t,
  sapply_list (concat (map fst ps)) s = Some t -> Forall nonempty_hunk (concat (map fst ps)) ->
  exists cs, coverage ps s = NOk (cs, t) /\ forallb inside cs = true.
Proof.
  intros ps s t H Hne. unfold coverage.
  assert (Gen : forall ps i s acc t, sapply_list (concat (map fst ps)) s = Some t ->
    Forall nonempty_hunk (concat (map fst ps)) -> forallb inside acc = true ->
    exists cs, cover_from i ps s acc = NOk (cs, t) /\ forallb inside cs = true).
  { clear. induction ps as [|p ps IH]; intros i s acc t H Hne Ha; simpl in *.
    - injection H as <-. exists (rev acc). split; [reflexivity|].
      rewrite forallb_forall in *. intros x Hx. apply Ha. apply in_rev. exact Hx.
    - rewrite sapply_list_app in H. apply Forall_app in Hne as [Hp Hps].
      pose proof (sapply_seq_from_spec (fst p) 0 s) as Hs.
      destruct (sapply_list (fst p) s) as [s1|] eqn:E1; [|discriminate].
      destruct (sapply_seq_from 0 (fst p) s) as [s2|j]; [|destruct Hs; discriminate].
      injection Hs as <-. apply (IH (S i) s1); [exact H|exact Hps|].
      simpl. apply (proj2 (empty_hunk_false _)) in Hp. rewrite Hp. exact Ha. }
  exact (Gen ps 0 s [] t H Hne eq_refl).
Qed.

End Strict.
