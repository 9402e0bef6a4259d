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
  induction l1 as [|a l1 IH1]; intros l2 x; [simpl; tauto|].
  induction l2 as [|b l2 IH2]; [simpl; tauto|].
  cbn [merge_desc]. destruct (Nat.ltb_spec a b).
  - simpl. fold (merge_desc (a :: l1) l2). rewrite IH2. simpl. tauto.
  - destruct (Nat.ltb_spec b a).
    + simpl. rewrite IH1. simpl. tauto.
    + assert (a = b) by lia. subst b. simpl. rewrite IH1. tauto.
Qed.

Lemma drop_above_in : forall j l x, In x (drop_above j l) -> In x l.
Proof.
  induction l as [|k l IH]; intros x H; simpl in H; auto.
  destruct (j <? k); simpl; auto.
Qed.

Lemma sapply_app_inv : forall (xs ys : list prim) s t,
  sapply_list (xs ++ ys) s = Some t ->
  exists u, sapply_list xs s = Some u /\ sapply_list ys u = Some t.
Proof.
  intros xs ys s t H. rewrite sapply_list_app in H.
  destruct (sapply_list xs s) as [u|]; [exists u; auto|discriminate].
Qed.

Lemma pre_of_cons : forall h hist, pre_of (h :: hist) = pre_of hist ++ [drop3 h].
Proof. reflexivity. Qed.

Lemma state_ok_nil : state_ok ([] : state).
Proof. intros p c H. discriminate. Qed.

Definition applies_eff (xs : list inamed) (s t : state) : Prop := applies_to (effects xs) s t.

Lemma deps_walk_sound : forall hist st s t,
  state_ok s ->
  Forall nonempty_named (pre_of hist ++ d_pd st ++ d_nd st) ->
  applies_eff (pre_of hist ++ d_pd st ++ d_nd st) s t ->
  (forall x, In x (d_cursor st) -> In x (d_all st)) ->
  (forall x, In x (d_direct st) -> In x (d_all st)) ->
  let st' := deps_walk hist st in
  applies_eff (d_pd st' ++ d_nd st') s t /\
  (forall x, In x (d_direct st') -> In x (d_all st')) /\
  (forall x, In x (d_all st) -> In x (d_all st')) /\
  (forall x, In x (map fst (d_pd st)) -> In x (map fst (d_pd st'))) /\
  (forall x, In x (map fst (d_nd st)) -> In x (map fst (d_nd st'))) /\
  (forall j, In j (map fst (map drop3 hist)) -> In j (map fst (d_nd st')) \/ In j (d_all st')).
Proof.
  induction hist as [|[[j q] allj] hist IH]; intros [pd nd dir all cur] s t Ok Ne Ap Hc Hd st'.
  - simpl in *. subst st'. simpl. repeat split; auto. intros j [].
  - subst st'. cbn [deps_walk d_cursor d_pd d_nd d_direct d_all] in *.
    rewrite pre_of_cons in Ne, Ap. simpl drop3 in Ne, Ap.
    set (cur' := drop_above j cur).
    destruct (match cur' with k :: _ => k =? j | [] => false end) eqn:Kn.
    + (* already known *)
      assert (Hj : In j all).
      { destruct cur' as [|k r] eqn:Ec; [discriminate|]. apply Nat.eqb_eq in Kn. subst k.
        apply Hc, (drop_above_in j). fold cur'. rewrite Ec. left; auto. }
      rewrite <- app_assoc in Ne, Ap. simpl in Ne, Ap.
      destruct (IH (DS ((j, q) :: pd) nd dir all cur') s t Ok Ne Ap) as (A & B & C & D & E & F);
        cbn [d_cursor d_all d_direct]; auto.
      { intros x Hx. apply Hc, (drop_above_in j); auto. }
      split; [auto|split; [auto|split; [auto|split; [|split]]]].
      * intros x Hx. apply D. simpl. auto.
      * auto.
      * intros j' [Ej|Hj']; [subst j'; right; apply C; simpl in *; auto|apply F; auto].
    + destruct (commute_fl (j, q) pd) as [[pd' q']|] eqn:Cf.
      * (* commutes out of the way *)
        destruct Ap as (t1 & Ht1 & Et1).
        rewrite !effects_app, <- !app_assoc in Ht1.
        apply sapply_app_inv in Ht1 as (s0 & H0 & Ht1).
        apply sapply_app_inv in Ht1 as (s1 & H1 & Ht1).
        apply sapply_app_inv in Ht1 as (s2 & H2 & Ht1).
        assert (Ok0 : state_ok s0) by (eapply sapply_list_ok; eauto).
        assert (Hjpd : sapply_list (effects ((j, q) :: pd)) s0 = Some s2).
        { unfold effects. simpl. unfold effects in H1, H2. simpl in H1. rewrite app_nil_r in H1.
          rewrite sapply_list_app, H1. auto. }
        rewrite <- !app_assoc in Ne.
        apply Forall_app in Ne as [Ne0 Ne]. apply Forall_app in Ne as [Nej Ne].
        apply Forall_app in Ne as [Nepd Nend]. inversion Nej as [|? ? Nq _]; subst.
        destruct (commute_fl_effect pd (j, q) s0 s2 pd' q' Ok0 Nq Nepd Hjpd Cf)
          as ((s2' & H2' & E2) & Nq' & Npd' & Ipd & Iq).
        destruct (applies_proper (effects nd) s2 s2' t1 (state_eq_sym _ _ E2) Ht1) as (t2 & Ht2 & Et2).
        assert (Ap' : applies_eff (pre_of hist ++ pd' ++ q' :: nd) s t).
        { exists t2. split; [|eapply state_eq_trans; eauto].
          replace (pd' ++ q' :: nd) with ((pd' ++ [q']) ++ nd) by (rewrite <- app_assoc; auto).
          rewrite effects_app, sapply_list_app, H0.
          rewrite effects_app, sapply_list_app, H2'. auto. }
        assert (Ne' : Forall nonempty_named (pre_of hist ++ pd' ++ q' :: nd)).
        { apply Forall_app; split; auto. apply Forall_app; split; auto. }
        destruct (IH (DS pd' (q' :: nd) dir all cur') s t Ok Ne' Ap') as (A & B & C & D & E & F);
          cbn [d_cursor d_all d_direct d_pd d_nd]; auto.
        { intros x Hx. apply Hc, (drop_above_in j); auto. }
        split; [auto|split; [auto|split; [auto|split; [|split]]]].
        -- intros x Hx. apply D. cbn [d_pd]. rewrite Ipd. auto.
        -- intros x Hx. apply E. cbn [d_nd]. simpl. auto.
        -- intros j' [Ej|Hj']; [|apply F; auto]. subst j'. left. apply E. cbn [d_nd]. simpl.
           left. rewrite Iq. auto.
      * (* a new direct dependency *)
        set (all' := merge_desc all (j :: allj)).
        rewrite <- app_assoc in Ne, Ap. simpl in Ne, Ap.
        destruct (IH (DS ((j, q) :: pd) nd (j :: dir) all' (drop_above j all')) s t Ok Ne Ap)
          as (A & B & C & D & E & F); cbn [d_cursor d_all d_direct]; auto.
        { intros x Hx. apply (drop_above_in j); auto. }
        { intros x [Hx|Hx]; unfold all'; apply merge_desc_in; [right; left; auto|left; auto]. }
        split; [auto|split; [auto|split; [|split; [|split]]]].
        -- intros x Hx. apply C. unfold all'. apply merge_desc_in. auto.
        -- intros x Hx. apply D. simpl. auto.
        -- auto.
        -- intros j' [Ej|Hj']; [|apply F; auto]. subst j'. right. apply C.
           unfold all'. apply merge_desc_in. right. left. auto.
Qed.


(** The named patches of a repository, with their indices. *)
Fixpoint index_from (i : nat) (ps : list named) : list inamed :=
  match ps with [] => [] | p :: r => (i, p) :: index_from (S i) r end.

(** The state of the computation for each patch, as [dependencies] builds it. *)
Fixpoint deps_states_from (i : nat) (ps : list named) (hist : list (nat * named * list nat))
  : list dstate :=
  match ps with
  | [] => []
  | p :: ps' => let st := deps_of i p hist in st :: deps_states_from (S i) ps' ((i, p, d_all st) :: hist)
  end.

Lemma deps_from_states : forall ps i hist acc,
  deps_from i ps hist acc = rev acc ++ map d_direct (deps_states_from i ps hist).
Proof.
  induction ps as [|p ps IH]; intros i hist acc; simpl.
  - rewrite app_nil_r; auto.
  - rewrite IH. simpl. rewrite <- app_assoc. auto.
Qed.

(** [dependencies] lists, for each patch, the direct dependencies of its state. *)
Theorem dependencies_states : forall ps, dependencies ps = map d_direct (deps_states_from 0 ps []).
Proof. intros. unfold dependencies. rewrite deps_from_states. auto. Qed.

Lemma deps_states_shape : forall ps i hist k st,
  nth_error (deps_states_from i ps hist) k = Some st ->
  exists p h, nth_error ps k = Some p /\ st = deps_of (i + k) p h /\
              pre_of h = pre_of hist ++ index_from i (firstn k ps).
Proof.
  induction ps as [|p ps IH]; intros i hist k st H; [destruct k; discriminate|].
  destruct k as [|k]; simpl in H.
  - injection H as <-. exists p, hist. rewrite Nat.add_0_r. simpl. rewrite app_nil_r. auto.
  - destruct (IH _ _ _ _ H) as (p' & h & E1 & E2 & E3). exists p', h.
    split; [auto|split; [rewrite E2; f_equal; lia|]].
    rewrite E3, pre_of_cons, <- app_assoc. auto.
Qed.

Lemma index_from_app : forall ps i (p : named),
  index_from i (ps ++ [p]) = index_from i ps ++ [(i + length ps, p)].
Proof.
  induction ps as [|q ps IH]; intros i p; simpl; [rewrite Nat.add_0_r; auto|].
  rewrite IH. replace (S i + length ps) with (i + S (length ps)) by lia. auto.
Qed.

Lemma effects_index : forall ps i, effects (index_from i ps) = concat (map fst ps).
Proof. induction ps as [|p ps IH]; intros i; simpl; auto. unfold effects in *. simpl. rewrite IH. auto. Qed.

Lemma nonempty_index : forall ps i,
  Forall (fun p : named => Forall nonempty_hunk (fst p)) ps -> Forall nonempty_named (index_from i ps).
Proof. induction ps as [|p ps IH]; intros i H; simpl; auto. inversion H; subst. constructor; auto. Qed.

Lemma fst_index : forall ps i, map fst (index_from i ps) = seq i (length ps).
Proof. induction ps as [|p ps IH]; intros i; simpl; auto. rewrite IH. auto. Qed.

Lemma firstn_S_nth : forall (ps : list named) k p,
  nth_error ps k = Some p -> firstn (S k) ps = firstn k ps ++ [p].
Proof.
  induction ps as [|q ps IH]; intros k p H; [destruct k; discriminate|].
  destruct k as [|k]; simpl in *; [injection H as ->; auto|]. rewrite (IH k p H). auto.
Qed.

Lemma nth_error_length : forall (ps : list named) k p, nth_error ps k = Some p -> k < length ps.
Proof.
  induction ps as [|q ps IH]; intros k p H; [destruct k; discriminate|].
  destruct k; simpl in *; [lia|]. apply IH in H. lia.
Qed.

(** Soundness of [dependencies]: for the state [st] computed for patch [k]
    (its direct dependencies are [d_direct st], contained in all its
    dependencies [d_all st]), if the first [k+1] patches apply, then
    putting [k] and what it depends on first and the other earlier patches
    (as commuted by the verified [commute]) after them gives the same tree;
    every earlier patch [k] does not depend on is among those moved after
    [k]. *)
Theorem dependencies_sound : forall ps k st t,
  nth_error (deps_states_from 0 ps []) k = Some st ->
  Forall (fun p : named => Forall nonempty_hunk (fst p)) (firstn (S k) ps) ->
  sapply_list (concat (map fst (firstn (S k) ps))) [] = Some t ->
  applies_to (effects (d_pd st ++ d_nd st)) [] t /\
  In k (map fst (d_pd st)) /\
  (forall j, j < k -> ~ In j (d_all st) -> In j (map fst (d_nd st))) /\
  (forall x, In x (d_direct st) -> In x (d_all st)).
Proof.
  intros ps k st t H Ne Ap.
  destruct (deps_states_shape ps 0 [] k st H) as (p & h & Hp & -> & Hh).
  simpl in Hh. simpl plus.
  rewrite (firstn_S_nth ps k p Hp) in Ne, Ap.
  assert (Lk : length (firstn k ps) = k).
  { rewrite firstn_length. apply nth_error_length in Hp. lia. }
  assert (Eidx : index_from 0 (firstn k ps) ++ [(k, p)] = index_from 0 (firstn k ps ++ [p])).
  { rewrite index_from_app, Lk. auto. }
  assert (Ne' : Forall nonempty_named (pre_of h ++ d_pd (DS [(k, p)] [] [] [] []) ++
                                       d_nd (DS [(k, p)] [] [] [] []))).
  { cbn [d_pd d_nd]. rewrite Hh, app_nil_r, Eidx. apply nonempty_index; auto. }
  assert (Ap' : applies_eff (pre_of h ++ d_pd (DS [(k, p)] [] [] [] []) ++
                                       d_nd (DS [(k, p)] [] [] [] [])) [] t).
  { exists t. cbn [d_pd d_nd]. rewrite Hh, app_nil_r, Eidx, effects_index.
    split; [auto|apply state_eq_refl]. }
  destruct (deps_walk_sound h (DS [(k, p)] [] [] [] []) [] t state_ok_nil Ne' Ap')
    as (A & B & C & D & E & F); cbn [d_cursor d_direct d_all]; auto.
  split; [exact A|split; [|split; [|exact B]]].
  - apply D. simpl. auto.
  - intros j Hj Hn. destruct (F j) as [G|G]; [|auto|contradiction].
    replace (map fst (map drop3 h)) with (rev (map fst (pre_of h))).
    + rewrite Hh, fst_index, Lk. rewrite <- in_rev. apply in_seq. lia.
    + unfold pre_of. rewrite map_rev, rev_involutive. auto.
Qed.


End DependLaws.
