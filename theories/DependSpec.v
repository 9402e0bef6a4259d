(** * DependSpec: what the dependency graph returned to Rust is.

    [Depend.dependencies] (op 7), [dependencies3] (op 10) and
    [dependencies2] (op 11) all run darcs' walk ([Walk.walk]) with a
    different commute.  This file proves, once for every commute, what the
    returned value is, stated on the returned lists only:

    - each list is ascending, without duplicates, below its patch;
    - its transitive closure over the returned graph ([reach]) is the set of
      all dependencies the walk computed (for op 7: [d_all]);
    - it is a transitive reduction: no direct dependency of [k] is reachable
      from another direct dependency of [k];
    - each direct dependency [j] of [k] failed to commute (the commute
      answered "no", which includes an explicit dependency) past [k] and
      what [k] depends on after [j], arranged as the walk had them;
    - every earlier patch not reachable from [k] was commuted out of the
      way: [k] and what it reaches, then the others, is a reordering.

    For op 7 the last two carry the effect: when the first [k+1] patches
    apply (strictly), the reordered sequences apply with the same result
    ([dependencies_blocked], [dependencies_reorder]). *)

From Coq Require Import List Bool Arith Lia Sorted.
From DarcsWeb Require Import Lens Prim Token Apply Invert Commute Sem CommuteEffect Seq Named NamedLaws
  Sort Depend Walk Conflict3 Conflict2 ConflictLaws DependLaws.
Import ListNotations.

(** ** The returned graph *)

(** [reach g k j]: [j] is reachable from [k] following the lists of [g]
    ([nth k g []] are the direct dependencies of [k]). *)
Inductive reach (g : list (list nat)) : nat -> nat -> Prop :=
| reach_dir : forall k j, In j (nth k g []) -> reach g k j
| reach_step : forall k m j, In m (nth k g []) -> reach g m j -> reach g k j.

Lemma reach_inv : forall g k j,
  reach g k j <-> exists m, In m (nth k g []) /\ (j = m \/ reach g m j).
Proof.
  intros g k j; split.
  - intros R. inversion R as [k' j' Hin|k' m j' Hin Hr]; subst; eauto.
  - intros (m & Hin & [->|Hr]); [apply reach_dir; auto|eapply reach_step; eauto].
Qed.

(** Strictly descending lists. *)
Definition sdesc (l : list nat) : Prop := StronglySorted gt l.

(** Indexed patches [(i, x0); (i+1, x1); ...]. *)
Fixpoint ixd {A} (i : nat) (l : list A) : list (nat * A) :=
  match l with [] => [] | x :: r => (i, x) :: ixd (S i) r end.

(** ** Facts about the walk's lists *)

Lemma drop_above_drop : forall j' j l, j' <= j -> drop_above j' (drop_above j l) = drop_above j' l.
Proof.
  intros j' j l Hle. induction l as [|x l IH]; simpl; auto.
  destruct (Nat.ltb_spec j x) as [Hjx|Hjx].
  - rewrite IH. assert (Hj'x : j' <? x = true) by (apply Nat.ltb_lt; lia). rewrite Hj'x. auto.
  - simpl. reflexivity.
Qed.

Lemma known_iff : forall j l, sdesc l ->
  (match drop_above j l with k :: _ => k =? j | [] => false end) = true <-> In j l.
Proof.
  intros j l Hs. induction l as [|x l IH]; simpl; [split; [discriminate|intros []]|].
  apply StronglySorted_inv in Hs as [Hs Hf].
  destruct (Nat.ltb_spec j x) as [Hjx|Hjx].
  - rewrite IH by auto. split; [auto|intros [Ex|Hin]; [lia|auto]].
  - split.
    + intros Heq. apply Nat.eqb_eq in Heq. auto.
    + intros [Ex|Hin]; [subst; apply Nat.eqb_refl|].
      rewrite Forall_forall in Hf. specialize (Hf j Hin). unfold gt in Hf. lia.
Qed.

Lemma merge_desc_eq : forall a l1 b l2,
  merge_desc (a :: l1) (b :: l2) =
  if a <? b then b :: merge_desc (a :: l1) l2
  else if b <? a then a :: merge_desc l1 (b :: l2) else a :: merge_desc l1 l2.
Proof. reflexivity. Qed.

Lemma merge_desc_sorted : forall l1 l2, sdesc l1 -> sdesc l2 -> sdesc (merge_desc l1 l2).
Proof.
  induction l1 as [|a l1 IH1]; intros l2 S1 S2; [exact S2|].
  induction l2 as [|b l2 IH2]; [exact S1|].
  pose proof S1 as S1'. pose proof S2 as S2'.
  apply StronglySorted_inv in S1' as [S1t F1]. apply StronglySorted_inv in S2' as [S2t F2].
  rewrite Forall_forall in F1, F2. unfold gt in F1, F2.
  rewrite merge_desc_eq. destruct (Nat.ltb_spec a b) as [Hab|Hab].
  - constructor; [apply IH2; auto|].
    apply Forall_forall. intros x Hx. apply merge_desc_in in Hx as [[<-|Hx]|Hx]; unfold gt;
      [lia|specialize (F1 x Hx); lia|apply F2; auto].
  - destruct (Nat.ltb_spec b a) as [Hba|Hba].
    + constructor; [apply IH1; auto|].
      apply Forall_forall. intros x Hx. apply merge_desc_in in Hx as [Hx|[<-|Hx]]; unfold gt;
        [apply F1; auto|lia|specialize (F2 x Hx); lia].
    + assert (a = b) by lia. subst b. constructor; [apply IH1; auto|].
      apply Forall_forall. intros x Hx. apply merge_desc_in in Hx as [Hx|Hx]; unfold gt; auto.
Qed.

(** ** The walk, for any commute *)

Section WalkInv.

Context {A : Type} (cfl : nat * A -> list (nat * A) -> res (list (nat * A) * (nat * A))).

(** The commute keeps the identities (indices) of the patches. *)
Hypothesis cfl_ids : forall x ys ys' x',
  cfl x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.

(** The walk for patch [k] (named [pk]) over the earlier patches
    [qof j] whose own dependencies are [allof j]. *)
Variables (k : nat) (pk : A) (qof : nat -> A) (allof : nat -> list nat).
Hypothesis allof_lt : forall j x, j < k -> In x (allof j) -> x < j.
Hypothesis allof_sorted : forall j, j < k -> sdesc (allof j).

(** A property of the arrangement of the patches ([pre], then [pd] then
    [nd]) that a commute step keeps: [True] for the shape of the graph,
    "applies with the same result" for op 7. *)
Variable P : list (nat * A) -> Prop.
Hypothesis P_step : forall pre j q pd nd pd' q',
  P (pre ++ (j, q) :: pd ++ nd) -> cfl (j, q) pd = Yes (pd', q') -> P (pre ++ pd' ++ q' :: nd).

(** The history the walk gets: [b-1], ..., [0], the nearest first. *)
Fixpoint mkhist (b : nat) : list (nat * A * list nat) :=
  match b with O => [] | S b' => (b', qof b', allof b') :: mkhist b' end.

Definition pre (b : nat) : list (nat * A) := map (fun i => (i, qof i)) (seq 0 b).

Lemma pre_S : forall b, pre (S b) = pre b ++ [(b, qof b)].
Proof. intros b. unfold pre. rewrite seq_S, map_app. reflexivity. Qed.

(** [d] is blocked: it does not commute past [pd0], which holds [k] and
    the dependencies (in [deps]) above [d]; [nd0] holds the others above
    [d]; and the arrangement has the property [P]. *)
Definition blocked (deps : list nat) (d : nat) : Prop :=
  exists pd0 nd0, cfl (d, qof d) pd0 = No /\ P (pre d ++ (d, qof d) :: pd0 ++ nd0) /\
    (forall x, In x (map fst pd0) <-> x = k \/ (In x deps /\ d < x)) /\
    (forall x, In x (map fst nd0) <-> d < x < k /\ ~ In x deps).

Lemma blocked_mono : forall deps deps' d,
  (forall x, d < x -> (In x deps <-> In x deps')) -> blocked deps d -> blocked deps' d.
Proof.
  intros deps deps' d Hx (pd0 & nd0 & Hc & HP & Hpd & Hnd). exists pd0, nd0.
  split; [exact Hc|split; [exact HP|split]].
  - intros x. rewrite Hpd. split; intros [E|[Hin Hlt]]; auto; right; split; auto; apply (Hx x Hlt); auto.
  - intros x. rewrite Hnd. split; intros [Hlt Hn]; split; auto; intro Hin; apply Hn; apply (Hx x); auto; lia.
Qed.

(** The invariant of the walk, before the patch [b-1] is examined. *)
Record inv (b : nat) (st : wstate) : Prop := {
  i_sorted : sdesc (w_all st);
  i_lt : forall x, In x (w_all st) -> x < k;
  i_cursor : forall j, j < b -> drop_above j (w_cursor st) = drop_above j (w_all st);
  i_dsorted : StronglySorted lt (w_direct st);
  i_dge : forall x, In x (w_direct st) -> b <= x;
  i_all : forall x, In x (w_all st) <-> exists d, In d (w_direct st) /\ (x = d \/ In x (allof d));
  i_red : forall d1 d2, In d1 (w_direct st) -> In d2 (w_direct st) -> ~ In d1 (allof d2);
  i_pd : forall x, In x (map fst (w_pd st)) <-> x = k \/ (In x (w_all st) /\ b <= x);
  i_nd : forall x, In x (map fst (w_nd st)) <-> b <= x < k /\ ~ In x (w_all st);
  i_blocked : forall d, In d (w_direct st) -> blocked (w_all st) d;
  i_P : P (pre b ++ w_pd st ++ w_nd st)
}.

Lemma inv_init : P (pre k ++ [(k, pk)]) -> inv k (WS [(k, pk)] [] [] [] []).
Proof.
  intros HP. constructor; cbn [w_all w_direct w_cursor w_pd w_nd].
  - constructor.
  - intros x [].
  - reflexivity.
  - constructor.
  - intros x [].
  - intros x. split; [intros []|intros (d & [] & _)].
  - intros d1 d2 [].
  - intros x. simpl. split; [intros [E|[]]; auto|intros [E|[[] _]]; auto].
  - intros x. simpl. split; [intros []|lia].
  - intros d [].
  - rewrite app_nil_r. exact HP.
Qed.

Lemma direct_lt : forall b st x, inv b st -> In x (w_direct st) -> x < k.
Proof.
  intros b st x I Hx. apply (i_lt _ _ I). apply (i_all _ _ I). exists x. auto.
Qed.

Lemma walk_inv : forall b st st', b <= k -> inv b st ->
  walk cfl (mkhist b) st = Yes st' -> inv 0 st'.
Proof.
  induction b as [|j IH]; intros st st' Hb I Hw.
  - cbn [mkhist walk] in Hw. injection Hw as <-. exact I.
  - cbn [mkhist walk] in Hw.
    destruct st as [pd nd dir all cur]. cbn [w_all w_direct w_cursor w_pd w_nd] in *.
    assert (Hcur : drop_above j cur = drop_above j all) by (apply (i_cursor _ _ I); lia).
    rewrite Hcur in Hw.
    pose proof (known_iff j all (i_sorted _ _ I)) as Hkn.
    destruct (match drop_above j all with k0 :: _ => k0 =? j | [] => false end) eqn:Known.
    + (* already a dependency: it stays with the patch *)
      assert (Hj : In j all) by (apply Hkn; reflexivity).
      apply (IH _ _ ltac:(lia)) in Hw; [exact Hw|].
      constructor; cbn [w_all w_direct w_cursor w_pd w_nd].
      * exact (i_sorted _ _ I).
      * exact (i_lt _ _ I).
      * intros j' Hj'. rewrite drop_above_drop by lia. reflexivity.
      * exact (i_dsorted _ _ I).
      * intros x Hx. specialize (i_dge _ _ I x Hx). lia.
      * exact (i_all _ _ I).
      * exact (i_red _ _ I).
      * intros x. simpl. rewrite (i_pd _ _ I). split.
        -- intros [E|[E|[Hin Hle]]]; [subst; right; split; auto|auto|right; split; auto; lia].
        -- intros [E|[Hin Hle]]; auto. destruct (Nat.eq_dec x j) as [->|Hn]; auto.
           right; right; split; auto; lia.
      * intros x. rewrite (i_nd _ _ I). split.
        -- intros [Hle Hn]; split; auto; lia.
        -- intros [Hle Hn]. split; auto. destruct (Nat.eq_dec x j) as [->|]; [contradiction|lia].
      * exact (i_blocked _ _ I).
      * pose proof (i_P _ _ I) as HP. rewrite pre_S, <- app_assoc in HP. exact HP.
    + assert (Hj : ~ In j all) by (intro Hin; apply Hkn in Hin; discriminate).
      destruct (cfl (j, qof j) pd) as [[pd' q']| |] eqn:Hc; [| |discriminate].
      * (* commuted out of the way *)
        destruct (cfl_ids _ _ _ _ Hc) as [Ipd Iq]. cbn [fst] in Iq.
        apply (IH _ _ ltac:(lia)) in Hw; [exact Hw|].
        constructor; cbn [w_all w_direct w_cursor w_pd w_nd].
        -- exact (i_sorted _ _ I).
        -- exact (i_lt _ _ I).
        -- intros j' Hj'. rewrite drop_above_drop by lia. reflexivity.
        -- exact (i_dsorted _ _ I).
        -- intros x Hx. specialize (i_dge _ _ I x Hx). lia.
        -- exact (i_all _ _ I).
        -- exact (i_red _ _ I).
        -- intros x. rewrite Ipd, (i_pd _ _ I). split.
           ++ intros [E|[Hin Hle]]; [auto|right; split; auto; lia].
           ++ intros [E|[Hin Hle]]; [auto|]. right; split; auto.
              destruct (Nat.eq_dec x j) as [->|]; [contradiction|lia].
        -- intros x. simpl. rewrite Iq, (i_nd _ _ I). split.
           ++ intros [E|[Hle Hn]]; [subst; split; auto; lia|split; auto; lia].
           ++ intros [Hle Hn]. destruct (Nat.eq_dec j x) as [E|]; [auto|right; split; auto; lia].
        -- exact (i_blocked _ _ I).
        -- pose proof (i_P _ _ I) as HP. rewrite pre_S, <- app_assoc in HP. simpl in HP.
           exact (P_step _ _ _ _ _ _ _ HP Hc).
      * (* a new direct dependency *)
        set (all' := merge_desc all (j :: allof j)) in Hw |- *.
        assert (Hjk : j < k) by lia.
        assert (Hin' : forall x, In x all' <-> In x all \/ x = j \/ In x (allof j)).
        { intros x. unfold all'. rewrite merge_desc_in. simpl. split; intros [H1|[H2|H3]]; auto. }
        assert (Habove : forall x, j < x -> (In x all <-> In x all')).
        { intros x Hx. rewrite Hin'. split; [auto|]. intros [H1|[H2|H3]]; [auto|lia|].
          specialize (allof_lt j x Hjk H3). lia. }
        assert (Hsorted' : sdesc all').
        { apply merge_desc_sorted; [exact (i_sorted _ _ I)|]. constructor; [exact (allof_sorted j Hjk)|].
          apply Forall_forall. intros x Hx. unfold gt. exact (allof_lt j x Hjk Hx). }
        clearbody all'.
        apply (IH _ _ ltac:(lia)) in Hw; [exact Hw|].
        constructor; cbn [w_all w_direct w_cursor w_pd w_nd].
        -- exact Hsorted'.
        -- intros x Hx. apply Hin' in Hx as [Hx|[->|Hx]]; [exact (i_lt _ _ I x Hx)|lia|].
           specialize (allof_lt j x Hjk Hx). lia.
        -- intros j' Hj'. rewrite drop_above_drop by lia. reflexivity.
        -- constructor; [exact (i_dsorted _ _ I)|]. apply Forall_forall. intros x Hx.
           specialize (i_dge _ _ I x Hx). lia.
        -- intros x [<-|Hx]; [lia|]. specialize (i_dge _ _ I x Hx). lia.
        -- intros x. rewrite Hin', (i_all _ _ I). split.
           ++ intros [(d & Hd & Hx)|[->|Hx]]; [exists d; split; [right|]; auto|exists j; split; left; auto|].
              exists j. split; [left|right]; auto.
           ++ intros (d & [<-|Hd] & Hx); [destruct Hx as [->|Hx]; auto|left; exists d; auto].
        -- intros d1 d2 [<-|H1] [<-|H2].
           ++ intro Hin. specialize (allof_lt j j Hjk Hin). lia.
           ++ intro Hin. apply Hj. apply (i_all _ _ I). exists d2. auto.
           ++ intro Hin. specialize (allof_lt j d1 Hjk Hin). specialize (i_dge _ _ I d1 H1). lia.
           ++ exact (i_red _ _ I d1 d2 H1 H2).
        -- intros x. simpl. rewrite (i_pd _ _ I). split.
           ++ intros [E|[E|[Hin Hle]]]; [subst; right; split; [apply Hin'; auto|lia]|auto|].
              right. split; [apply Hin'; auto|lia].
           ++ intros [E|[Hin Hle]]; [auto|]. destruct (Nat.eq_dec j x) as [E|Hn]; [auto|].
              right; right. split; [apply (Habove x); auto; lia|lia].
        -- intros x. rewrite (i_nd _ _ I). split.
           ++ intros [Hle Hn]. split; [lia|]. rewrite <- (Habove x) by lia. exact Hn.
           ++ intros [Hle Hn]. destruct (Nat.eq_dec x j) as [->|Hne]; [exfalso; apply Hn, Hin'; auto|].
              split; [lia|]. rewrite (Habove x) by lia. exact Hn.
        -- intros d [<-|Hd].
           ++ exists pd, nd. split; [exact Hc|split].
              ** pose proof (i_P _ _ I) as HP. rewrite pre_S, <- app_assoc in HP. exact HP.
              ** split.
                 --- intros x. rewrite (i_pd _ _ I). split.
                     +++ intros [E|[Hin Hle]]; [auto|right; split; [apply (Habove x); auto; lia|lia]].
                     +++ intros [E|[Hin Hlt]]; [auto|right; split; [apply (Habove x); auto|lia]].
                 --- intros x. rewrite (i_nd _ _ I). split.
                     +++ intros [Hle Hn]. split; [lia|]. rewrite <- (Habove x) by lia. exact Hn.
                     +++ intros [Hlt Hn]. split; [lia|]. rewrite (Habove x) by lia. exact Hn.
           ++ apply (blocked_mono all); [|exact (i_blocked _ _ I d Hd)].
              intros x Hx. apply Habove. specialize (i_dge _ _ I d Hd). lia.
        -- pose proof (i_P _ _ I) as HP. rewrite pre_S, <- app_assoc in HP. exact HP.
Qed.

End WalkInv.

(** ** The graph returned by the walk, for any commute *)

Section Graph.

Context {A : Type} (cfl : nat * A -> list (nat * A) -> res (list (nat * A) * (nat * A))).
Hypothesis cfl_ids : forall x ys ys' x',
  cfl x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.

(** The state of the walk of each patch, as [walk_from] computes them. *)
Fixpoint wstates (i : nat) (ps : list A) (hist : list (nat * A * list nat)) : res (list wstate) :=
  match ps with
  | [] => Yes []
  | p :: ps' =>
      match walk cfl hist (WS [(i, p)] [] [] [] []) with
      | Yes st =>
          match wstates (S i) ps' ((i, p, w_all st) :: hist) with
          | Yes r => Yes (st :: r)
          | No => No
          | Unsup => Unsup
          end
      | No => No
      | Unsup => Unsup
      end
  end.

Lemma walk_from_states : forall ps i hist acc,
  walk_from cfl i ps hist acc =
  match wstates i ps hist with
  | Yes sts => Yes (rev acc ++ map w_direct sts)
  | No => No
  | Unsup => Unsup
  end.
Proof.
  induction ps as [|p ps IH]; intros i hist acc; simpl.
  - rewrite app_nil_r. reflexivity.
  - destruct (walk cfl hist (WS [(i, p)] [] [] [] [])) as [st| |]; auto.
    rewrite IH. destruct (wstates (S i) ps ((i, p, w_all st) :: hist)); auto.
    simpl. rewrite <- app_assoc. reflexivity.
Qed.

Lemma walk_dependencies_states : forall ps G,
  walk_dependencies cfl ps = Yes G -> exists sts, wstates 0 ps [] = Yes sts /\ G = map w_direct sts.
Proof.
  intros ps G H. unfold walk_dependencies in H. rewrite walk_from_states in H.
  destruct (wstates 0 ps []) as [sts| |]; try discriminate. injection H as <-. eauto.
Qed.

Definition dst : @wstate A := WS [] [] [] [] [].

Lemma wstates_length : forall ps i hist sts, wstates i ps hist = Yes sts -> length sts = length ps.
Proof.
  induction ps as [|p ps IH]; intros i hist sts H; simpl in H; [injection H as <-; reflexivity|].
  destruct (walk cfl hist (WS [(i, p)] [] [] [] [])) as [st| |]; try discriminate.
  destruct (wstates (S i) ps ((i, p, w_all st) :: hist)) as [r| |] eqn:Hr; try discriminate.
  injection H as <-. simpl. f_equal. eapply IH; eauto.
Qed.

(** The history of patch [i + n] (default [d] past the end, never used). *)
Fixpoint hb (d : A) (ps : list A) (sts : list wstate) (i n : nat) : list (nat * A * list nat) :=
  match n with
  | O => []
  | S n' => (i + n', nth n' ps d, w_all (nth n' sts dst)) :: hb d ps sts i n'
  end.

Lemma hb_cons : forall d p ps st sts i n,
  hb d (p :: ps) (st :: sts) i (S n) = hb d ps sts (S i) n ++ [(i, p, w_all st)].
Proof.
  intros d p ps st sts i n. induction n as [|n IH].
  - simpl. rewrite Nat.add_0_r. reflexivity.
  - cbn [hb]. cbn [hb] in IH. rewrite IH. simpl. rewrite Nat.add_succ_r. reflexivity.
Qed.

Lemma wstates_spec : forall d ps i hist sts, wstates i ps hist = Yes sts ->
  length sts = length ps /\
  forall n, n < length ps ->
    walk cfl (hb d ps sts i n ++ hist) (WS [(i + n, nth n ps d)] [] [] [] []) = Yes (nth n sts dst).
Proof.
  intros d. induction ps as [|p ps IH]; intros i hist sts H; simpl in H.
  - injection H as <-. split; [reflexivity|intros n Hn; simpl in Hn; lia].
  - destruct (walk cfl hist (WS [(i, p)] [] [] [] [])) as [st| |] eqn:Hw; try discriminate.
    destruct (wstates (S i) ps ((i, p, w_all st) :: hist)) as [r| |] eqn:Hr; try discriminate.
    injection H as <-. destruct (IH _ _ _ Hr) as [Hl Hn]. split; [simpl; lia|].
    intros [|n] Hlt.
    + simpl. rewrite Nat.add_0_r. exact Hw.
    + rewrite hb_cons, <- app_assoc. simpl in Hlt |- *.
      rewrite Nat.add_succ_r. apply (Hn n). lia.
Qed.

Lemma nth_error_nth_eq : forall {B} (l : list B) n x d, nth_error l n = Some x -> nth n l d = x.
Proof.
  intros B l. induction l as [|y l IH]; intros [|n] x d H; simpl in H; try discriminate.
  - injection H as <-. reflexivity.
  - simpl. apply IH. exact H.
Qed.

Lemma nth_error_lt : forall {B} (l : list B) n x, nth_error l n = Some x -> n < length l.
Proof.
  intros B l. induction l as [|y l IH]; intros [|n] x H; simpl in H; try discriminate; simpl; [lia|].
  apply IH in H. lia.
Qed.

Lemma nth_lt_error : forall {B} (l : list B) n d, n < length l -> nth_error l n = Some (nth n l d).
Proof.
  intros B l. induction l as [|y l IH]; intros [|n] d H; simpl in *; try lia; auto.
  apply IH. lia.
Qed.

Lemma pre_ixd_gen : forall (d : A) ps n i, n <= length ps ->
  map (fun m => (i + m, nth m ps d)) (seq 0 n) = ixd i (firstn n ps).
Proof.
  intros d ps n. revert ps. induction n as [|n IH]; intros ps i Hn; [reflexivity|].
  destruct ps as [|p ps]; simpl in Hn; [lia|].
  cbn [seq firstn ixd map]. rewrite Nat.add_0_r. f_equal.
  rewrite <- seq_shift, map_map. rewrite <- (IH ps (S i)) by lia.
  apply map_ext. intros m. simpl. f_equal. lia.
Qed.

Lemma pre_ixd : forall (d : A) ps n, n <= length ps ->
  map (fun i => (i, nth i ps d)) (seq 0 n) = ixd 0 (firstn n ps).
Proof. intros d ps n Hn. rewrite <- (pre_ixd_gen d ps n 0 Hn). reflexivity. Qed.

Lemma ixd_shift : forall (ps : list A) i, ixd (S i) ps = map (fun x => (S (fst x), snd x)) (ixd i ps).
Proof. induction ps as [|p ps IH]; intros i; simpl; [reflexivity|]. f_equal. apply IH. Qed.

Variable ps : list A.

(** What must hold of each arrangement: kept by every commute step, true
    at the start ([0..k] in order). *)
Variable P : nat -> list (nat * A) -> Prop.
Hypothesis P_step : forall k pre j q pd nd pd' q',
  P k (pre ++ (j, q) :: pd ++ nd) -> cfl (j, q) pd = Yes (pd', q') -> P k (pre ++ pd' ++ q' :: nd).
Hypothesis P_init : forall k pk, nth_error ps k = Some pk -> P k (ixd 0 (firstn k ps) ++ [(k, pk)]).

Variable sts : list (@wstate A).
Hypothesis Hsts : wstates 0 ps [] = Yes sts.

Notation G := (map w_direct sts).

Lemma G_nth : forall k st, nth_error sts k = Some st -> nth k G [] = w_direct st.
Proof.
  intros k st H. change [] with (w_direct dst). rewrite map_nth. f_equal.
  apply nth_error_nth_eq. exact H.
Qed.

Lemma hb_mkhist : forall d n, hb d ps sts 0 n = mkhist (fun j => nth j ps d) (fun j => w_all (nth j sts dst)) n.
Proof. intros d n. induction n as [|n IH]; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

(** Everything about patch [k], given the closure of the earlier ones. *)
Lemma walk_k : forall k pk st,
  nth_error ps k = Some pk -> nth_error sts k = Some st ->
  (forall j stj, j < k -> nth_error sts j = Some stj ->
     sdesc (w_all stj) /\ (forall x, In x (w_all stj) -> x < j) /\
     (forall x, reach G j x <-> In x (w_all stj))) ->
  sdesc (w_all st) /\ (forall x, In x (w_all st) -> x < k) /\
  (forall x, reach G k x <-> In x (w_all st)) /\
  StronglySorted lt (nth k G []) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ cfl (j, pj) pd = No /\
       P k (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, P k (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  intros k pk st Hpk Hst IHk.
  destruct (wstates_spec pk ps 0 [] sts Hsts) as [Hlen Hw].
  assert (Hk : k < length ps) by (eapply nth_error_lt; eauto).
  specialize (Hw k Hk). rewrite app_nil_r, hb_mkhist in Hw. simpl plus in Hw.
  rewrite (nth_error_nth_eq ps k pk pk Hpk), (nth_error_nth_eq sts k st dst Hst) in Hw.
  set (qof := fun j => nth j ps pk) in Hw.
  set (allof := fun j => w_all (nth j sts dst)) in Hw.
  assert (Hst_j : forall j, j < k -> nth_error sts j = Some (nth j sts dst))
    by (intros j Hj; apply nth_lt_error; lia).
  assert (Hall_lt : forall j x, j < k -> In x (allof j) -> x < j)
    by (intros j x Hj Hx; exact (proj1 (proj2 (IHk j _ Hj (Hst_j j Hj))) x Hx)).
  assert (Hall_sorted : forall j, j < k -> sdesc (allof j))
    by (intros j Hj; exact (proj1 (IHk j _ Hj (Hst_j j Hj)))).
  assert (Hreach : forall j x, j < k -> (reach G j x <-> In x (allof j)))
    by (intros j x Hj; exact (proj2 (proj2 (IHk j _ Hj (Hst_j j Hj))) x)).
  assert (Hpre : forall j, j <= k -> pre qof j = ixd 0 (firstn j ps))
    by (intros j Hj; unfold pre, qof; apply pre_ixd; lia).
  assert (I0 : inv cfl k qof allof (P k) k (WS [(k, pk)] [] [] [] [])).
  { apply inv_init. rewrite Hpre by lia. apply P_init. exact Hpk. }
  pose proof (walk_inv cfl cfl_ids k qof allof Hall_lt Hall_sorted (P k) (P_step k)
                k _ _ (le_n k) I0 Hw) as I.
  assert (Hdk : forall x, In x (nth k G []) -> x < k).
  { intros x Hx. rewrite (G_nth k st Hst) in Hx. exact (direct_lt _ _ _ _ _ _ _ _ I Hx). }
  rewrite (G_nth k st Hst) in Hdk. rewrite (G_nth k st Hst).
  assert (Hcl : forall x, reach G k x <-> In x (w_all st)).
  { intros x. rewrite reach_inv, (G_nth k st Hst), (i_all _ _ _ _ _ _ _ I). split.
    - intros (m & Hm & Hx). exists m. split; [exact Hm|].
      destruct Hx as [->|Hx]; [auto|right; apply (Hreach m x (Hdk m Hm)); exact Hx].
    - intros (m & Hm & Hx). exists m. split; [exact Hm|].
      destruct Hx as [->|Hx]; [auto|right; apply (Hreach m x (Hdk m Hm)); exact Hx]. }
  split; [exact (i_sorted _ _ _ _ _ _ _ I)|].
  split; [exact (i_lt _ _ _ _ _ _ _ I)|].
  split; [exact Hcl|].
  split; [exact (i_dsorted _ _ _ _ _ _ _ I)|].
  split; [|split].
  - intros d1 d2 H1 H2 Hr. apply (Hreach d2 d1 (Hdk d2 H2)) in Hr.
    exact (i_red _ _ _ _ _ _ _ I d1 d2 H1 H2 Hr).
  - intros j Hj. destruct (i_blocked _ _ _ _ _ _ _ I j Hj) as (pd0 & nd0 & Hc & HP & Hpd & Hnd).
    assert (Hjk : j < k) by exact (Hdk j Hj).
    exists (qof j), pd0, nd0. split; [apply nth_lt_error; lia|].
    split; [exact Hc|]. split; [rewrite <- Hpre by lia; exact HP|].
    split; intros x; [rewrite Hpd, Hcl|rewrite Hnd, Hcl]; tauto.
  - exists (w_pd st), (w_nd st). split; [exact (i_P _ _ _ _ _ _ _ I)|]. split.
    + intros x. rewrite (i_pd _ _ _ _ _ _ _ I), Hcl.
      split; intros [E|E]; [left; exact E|right; apply E|left; exact E|right; split; [exact E|lia]].
    + intros x. rewrite (i_nd _ _ _ _ _ _ _ I), Hcl.
      split; intros [Hx Hn]; split; [lia|exact Hn|lia|exact Hn].
Qed.

Lemma walk_closure : forall k st, k < length ps -> nth_error sts k = Some st ->
  sdesc (w_all st) /\ (forall x, In x (w_all st) -> x < k) /\ (forall x, reach G k x <-> In x (w_all st)).
Proof.
  assert (Hb : forall n k st, k < n -> k < length ps -> nth_error sts k = Some st ->
    sdesc (w_all st) /\ (forall x, In x (w_all st) -> x < k) /\ (forall x, reach G k x <-> In x (w_all st))).
  { induction n as [|n IHn]; intros k st Hkn Hk Hst; [lia|].
    destruct (nth_error ps k) as [pk|] eqn:Hpk; [|apply nth_error_None in Hpk; lia].
    destruct (walk_k k pk st Hpk Hst) as (A1 & A2 & A3 & _); [|auto].
    intros j stj Hj Hstj. apply (IHn j stj); [lia|lia|exact Hstj]. }
  intros k st Hk Hst. exact (Hb (S k) k st (Nat.lt_succ_diag_r k) Hk Hst).
Qed.

(** The returned graph, for any commute that keeps identities. *)
Theorem walk_graph : length G = length ps /\
  forall k pk st, nth_error ps k = Some pk -> nth_error sts k = Some st ->
  (forall x, reach G k x <-> In x (w_all st)) /\
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ cfl (j, pj) pd = No /\
       P k (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, P k (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  split; [rewrite len_map; exact (wstates_length _ _ _ _ Hsts)|].
  intros k pk st Hpk Hst.
  assert (Hk : k < length ps) by (eapply nth_error_lt; eauto).
  destruct (walk_k k pk st Hpk Hst) as (_ & _ & A3 & A4 & A5 & A6 & A7).
  - intros j stj Hj Hstj. apply walk_closure; [lia|exact Hstj].
  - split; [exact A3|]. split; [exact A4|]. split; [|split; [exact A5|split; [exact A6|exact A7]]].
    intros x Hx. apply (reach_dir G k x) in Hx. apply A3 in Hx.
    exact (proj1 (proj2 (walk_closure k st Hk Hst)) x Hx).
Qed.

End Graph.

(** ** Reorderings by a commute *)

Section Reorder.

Context {A : Type} (cfl : nat * A -> list (nat * A) -> res (list (nat * A) * (nat * A))).

(** [reorder xs ys]: [ys] is obtained from [xs] by moving patches, one at a
    time, right past a list of patches with the commute [cfl] (the steps
    of darcs' walk). *)
Inductive reorder (xs : list (nat * A)) : list (nat * A) -> Prop :=
| ro_refl : reorder xs xs
| ro_step : forall pre j q pd nd pd' q',
    reorder xs (pre ++ (j, q) :: pd ++ nd) -> cfl (j, q) pd = Yes (pd', q') ->
    reorder xs (pre ++ pd' ++ q' :: nd).

Lemma ixd_firstn_S : forall (ps : list A) k pk i, nth_error ps k = Some pk ->
  ixd i (firstn (S k) ps) = ixd i (firstn k ps) ++ [(i + k, pk)].
Proof.
  induction ps as [|p ps IH]; intros [|k] pk i H; simpl in H; try discriminate.
  - injection H as <-. simpl. rewrite Nat.add_0_r. reflexivity.
  - change (ixd i (p :: firstn (S k) ps) = ixd i (p :: firstn k ps) ++ [(i + S k, pk)]).
    cbn [ixd]. rewrite (IH k pk (S i) H). simpl. rewrite Nat.add_succ_r. reflexivity.
Qed.

Hypothesis cfl_ids : forall x ys ys' x',
  cfl x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.

(** The graph darcs' walk returns, for any commute that keeps identities:
    ascending lists of earlier patches, transitively reduced; every direct
    dependency failed to commute past the patch and what it reaches above
    it; the patch and what it reaches, then the rest, is a reordering. *)
Theorem walk_dependencies_spec : forall ps G,
  walk_dependencies cfl ps = Yes G ->
  length G = length ps /\
  forall k, k < length ps ->
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ cfl (j, pj) pd = No /\
       reorder (ixd 0 (firstn (S k) ps)) (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, reorder (ixd 0 (firstn (S k) ps)) (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  intros ps G H. destruct (walk_dependencies_states cfl ps G H) as (sts & Hsts & ->).
  set (P := fun k xs => reorder (ixd 0 (firstn (S k) ps)) xs).
  assert (P_step : forall k pre j q pd nd pd' q',
    P k (pre ++ (j, q) :: pd ++ nd) -> cfl (j, q) pd = Yes (pd', q') -> P k (pre ++ pd' ++ q' :: nd)).
  { intros k pre j q pd nd pd' q' HP Hc. eapply ro_step; eauto. }
  assert (P_init : forall k pk, nth_error ps k = Some pk -> P k (ixd 0 (firstn k ps) ++ [(k, pk)])).
  { intros k pk Hk. unfold P. rewrite (ixd_firstn_S ps k pk 0 Hk). apply ro_refl. }
  destruct (walk_graph cfl cfl_ids ps P P_step P_init sts Hsts) as [Hlen Hk].
  split; [exact Hlen|]. intros k Hlt.
  destruct (nth_error ps k) as [pk|] eqn:Hpk; [|apply nth_error_None in Hpk; lia].
  assert (Hlt' : k < length sts) by (rewrite (wstates_length cfl ps 0 [] sts Hsts); exact Hlt).
  destruct (Hk k pk (nth k sts dst) Hpk (nth_lt_error sts k _ Hlt'))
    as (_ & B1 & B2 & B3 & B4 & B5).
  split; [exact B1|split; [exact B2|split; [exact B3|split; [exact B4|exact B5]]]].
Qed.

End Reorder.

(** ** Op 7: [Depend.dependencies], over named prims *)

Section Prims.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** darcs' [commuteFL] of named patches, as a commute of the walk. *)
Definition cflD (x : inamed) (ys : list inamed) : res (list inamed * inamed) :=
  match commute_fl x ys with Some (ys', x') => Yes (ys', x') | None => No end.

Lemma commute_fl_ids : forall ys (x : inamed) ys' x', commute_fl x ys = Some (ys', x') ->
  map fst ys' = map fst ys /\ fst x' = fst x /\ snd (snd x') = snd (snd x).
Proof.
  induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. auto.
  - destruct (commute_inamed x y) as [[y1 x1]|] eqn:Hc; [|discriminate].
    destruct (commute_fl x1 ys) as [[ys2 x2]|] eqn:Hr; [|discriminate].
    injection H as <- <-.
    destruct (commute_inamed_spec _ _ _ _ Hc) as (_ & _ & I1 & I2 & _ & D2 & _).
    destruct (IH _ _ _ Hr) as (J1 & J2 & J3). simpl. rewrite J1, I1. split; [auto|].
    split; congruence.
Qed.

Lemma cflD_ids : forall x ys ys' x', cflD x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  intros x ys ys' x' H. unfold cflD in H.
  destruct (commute_fl x ys) as [[ys1 x1]|] eqn:Hc; [|discriminate]. injection H as <- <-.
  destruct (commute_fl_ids _ _ _ _ Hc) as (E1 & E2 & _). auto.
Qed.

(** Why [commuteFL] fails: at the first patch [y] it cannot pass, [x]
    (as commuted so far, same identity and explicit dependencies) either
    is explicitly depended on by [y], explicitly depends on [y], or its
    effect does not commute with [y]'s. *)
Theorem commute_fl_none : forall ys (x : inamed), commute_fl x ys = None ->
  exists ys1 y ys2 ys1' x', ys = ys1 ++ y :: ys2 /\ commute_fl x ys1 = Some (ys1', x') /\
    fst x' = fst x /\ snd (snd x') = snd (snd x) /\
    (In (fst x) (snd (snd y)) \/ In (fst y) (snd (snd x)) \/ commute_seq (ieff x') (ieff y) = None).
Proof.
  induction ys as [|y ys IH]; intros x H; simpl in H; [discriminate|].
  destruct (commute_inamed x y) as [[y1 x1]|] eqn:Hc.
  - destruct (commute_fl x1 ys) as [[ys2 x2]|] eqn:Hr; [discriminate|].
    destruct (IH x1 Hr) as (ys1 & z & zs & ys1' & x' & E & Hf & F1 & F2 & Why).
    destruct (commute_inamed_spec _ _ _ _ Hc) as (_ & _ & I1 & I2 & _ & D2 & _).
    exists (y :: ys1), z, zs, (y1 :: ys1'), x'. subst ys. split; [reflexivity|].
    split; [simpl; rewrite Hc, Hf; reflexivity|]. rewrite F1, F2, I2, D2 in *. auto.
  - exists [], y, ys, [], x. split; [reflexivity|]. split; [reflexivity|]. split; [reflexivity|].
    split; [reflexivity|].
    destruct x as [i [pe pd]], y as [j [qe qd]]. unfold commute_inamed in Hc. simpl.
    destruct (existsb (Nat.eqb i) qd) eqn:E1.
    + left. apply existsb_exists in E1 as (z & Hz & Ez). apply Nat.eqb_eq in Ez. subst. exact Hz.
    + destruct (existsb (Nat.eqb j) pd) eqn:E2.
      * right; left. apply existsb_exists in E2 as (z & Hz & Ez). apply Nat.eqb_eq in Ez. subst. exact Hz.
      * simpl in Hc. right; right. unfold ieff. simpl.
        destruct (commute_seq pe qe) as [[qe' pe']|]; [discriminate|reflexivity].
Qed.

Definition toW (st : dstate) : @wstate named :=
  WS (d_pd st) (d_nd st) (d_direct st) (d_all st) (d_cursor st).

Lemma walk_deps : forall hist st, walk cflD hist (toW st) = Yes (toW (deps_walk hist st)).
Proof.
  induction hist as [|[[j q] allj] hist IH]; intros [pd nd dir all cur]; [reflexivity|].
  cbn [walk deps_walk toW d_pd d_nd d_direct d_all d_cursor w_pd w_nd w_direct w_all w_cursor].
  destruct (match drop_above j cur with k :: _ => k =? j | [] => false end).
  - exact (IH (DS ((j, q) :: pd) nd dir all (drop_above j cur))).
  - unfold cflD. destruct (commute_fl (j, q) pd) as [[pd' q']|].
    + exact (IH (DS pd' (q' :: nd) dir all (drop_above j cur))).
    + exact (IH (DS ((j, q) :: pd) nd (j :: dir) (merge_desc all (j :: allj))
                   (drop_above j (merge_desc all (j :: allj))))).
Qed.

Lemma wstates_deps : forall ps i hist,
  wstates cflD i ps hist = Yes (map toW (deps_states_from i ps hist)).
Proof.
  induction ps as [|p ps IH]; intros i hist; [reflexivity|].
  cbn [wstates deps_states_from map]. unfold deps_of.
  change (WS [(i, p)] [] [] [] []) with (toW (DS [(i, p)] [] [] [] [])). rewrite walk_deps.
  change (w_all (toW (deps_walk hist (DS [(i, p)] [] [] [] []))))
    with (d_all (deps_walk hist (DS [(i, p)] [] [] [] []))).
  rewrite IH. reflexivity.
Qed.

Lemma dependencies_walk : forall ps, walk_dependencies cflD ps = Yes (dependencies ps).
Proof.
  intros ps. unfold walk_dependencies. rewrite walk_from_states, wstates_deps.
  rewrite dependencies_states, map_map. reflexivity.
Qed.

Lemma ixd_index : forall (ps : list named) i, ixd i ps = index_from i ps.
Proof. induction ps as [|p ps IH]; intros i; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

(** One step of the walk keeps the effect (from [commute_fl_effect]). *)
Lemma commute_step_applies : forall (pre : list inamed) j (q : named) (pd nd pd' : list inamed) q' s t,
  state_ok s ->
  Forall nonempty_named (pre ++ (j, q) :: pd ++ nd) ->
  applies_eff (pre ++ (j, q) :: pd ++ nd) s t ->
  commute_fl (j, q) pd = Some (pd', q') ->
  Forall nonempty_named (pre ++ pd' ++ q' :: nd) /\ applies_eff (pre ++ pd' ++ q' :: nd) s t.
Proof.
  intros pre j q pd nd pd' q' s t Ok Ne (t1 & Ht1 & Et1) Cf.
  rewrite !effects_app in Ht1. apply sapply_app_inv in Ht1 as (s0 & Hs0 & Ht1).
  rewrite app_comm_cons, effects_app in Ht1. apply sapply_app_inv in Ht1 as (s2 & Hs2 & Hnd).
  assert (Ok0 : state_ok s0) by (eapply sapply_list_ok; eauto).
  apply Forall_app in Ne as [Ne0 Ne]. inversion Ne as [|? ? Nq Ne']; subst.
  apply Forall_app in Ne' as [Nepd Nend].
  destruct (commute_fl_effect pd (j, q) s0 s2 pd' q' Ok0 Nq Nepd Hs2 Cf)
    as ((s2' & Hs2' & E2) & Nq' & Npd' & _ & _).
  destruct (applies_proper (effects nd) s2 s2' t1 (state_eq_sym _ _ E2) Hnd) as (t2 & Ht2 & Et2).
  split.
  - apply Forall_app; split; [exact Ne0|]. apply Forall_app; split; [exact Npd'|]. constructor; assumption.
  - exists t2. split; [|eapply state_eq_trans; eauto].
    replace (pd' ++ q' :: nd) with ((pd' ++ [q']) ++ nd) by (rewrite <- app_assoc; reflexivity).
    rewrite !effects_app, sapply_list_app, Hs0, sapply_list_app.
    rewrite effects_app in Hs2'. rewrite Hs2'. exact Ht2.
Qed.

Variable ps : list named.

Notation G := (dependencies ps).

(** "The first [k+1] patches have no empty hunk and apply (strictly) from
    the empty tree, giving [t]". *)
Definition applies_upto (k : nat) (t : state) : Prop :=
  Forall (fun p : named => Forall nonempty_hunk (fst p)) (firstn (S k) ps) /\
  sapply_list (concat (map fst (firstn (S k) ps))) [] = Some t.

(** The property of op 7's arrangements: reached by darcs' walk steps,
    and with the effect of the first [k+1] patches. *)
Definition P7 (k : nat) (xs : list inamed) : Prop :=
  reorder cflD (index_from 0 (firstn (S k) ps)) xs /\
  forall t, applies_upto k t -> Forall nonempty_named xs /\ applies_eff xs [] t.

Lemma P7_step : forall k pre j q pd nd pd' q',
  P7 k (pre ++ (j, q) :: pd ++ nd) -> cflD (j, q) pd = Yes (pd', q') -> P7 k (pre ++ pd' ++ q' :: nd).
Proof.
  intros k pre j q pd nd pd' q' [Hr Ht] Hc. split; [eapply ro_step; eauto|].
  intros t Ha. destruct (Ht t Ha) as [Ne Ap]. unfold cflD in Hc.
  destruct (commute_fl (j, q) pd) as [[pd1 q1]|] eqn:Cf; [|discriminate]. injection Hc as <- <-.
  exact (commute_step_applies pre j q pd nd pd1 q1 [] t state_ok_nil Ne Ap Cf).
Qed.

Lemma P7_init : forall k pk, nth_error ps k = Some pk -> P7 k (ixd 0 (firstn k ps) ++ [(k, pk)]).
Proof.
  intros k pk Hk.
  replace (ixd 0 (firstn k ps) ++ [(k, pk)]) with (ixd 0 (firstn (S k) ps))
    by (rewrite (ixd_firstn_S ps k pk 0 Hk); reflexivity).
  rewrite ixd_index. split; [apply ro_refl|].
  intros t [Ne Ap]. split; [apply nonempty_index; exact Ne|].
  exists t. rewrite effects_index. split; [exact Ap|apply state_eq_refl].
Qed.

Lemma deps_graph :
  length G = length ps /\
  forall k pk st, nth_error ps k = Some pk -> nth_error (deps_states_from 0 ps []) k = Some st ->
  (forall x, reach G k x <-> In x (d_all st)) /\
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ cflD (j, pj) pd = No /\
       P7 k (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, P7 k (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  pose proof (walk_graph cflD cflD_ids ps P7 P7_step P7_init _ (wstates_deps ps 0 [])) as [Hlen Hk].
  rewrite map_map in Hlen, Hk. rewrite dependencies_states.
  split; [exact Hlen|]. intros k pk st Hpk Hst.
  apply (Hk k pk (toW st) Hpk). rewrite nth_error_map, Hst. reflexivity.
Qed.

(** [dependencies] returns one list per patch. *)
Theorem dependencies_length : length G = length ps.
Proof. exact (proj1 deps_graph). Qed.

Lemma nth_G_nil : forall k, length ps <= k -> nth k G [] = [].
Proof. intros k Hk. apply nth_overflow. rewrite dependencies_length. exact Hk. Qed.

(** Each list is ascending, without duplicates, and names earlier patches. *)
Theorem dependencies_sorted : forall k,
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k).
Proof.
  intros k. destruct (nth_error ps k) as [pk|] eqn:Hpk.
  - assert (Hk : k < length ps) by (eapply nth_error_lt; eauto).
    assert (Hk' : k < length (deps_states_from 0 ps [])).
    { rewrite <- (len_map d_direct), <- dependencies_states, dependencies_length. exact Hk. }
    destruct (proj2 deps_graph k pk _ Hpk (nth_lt_error _ k (DS [] [] [] [] []) Hk'))
      as (_ & A1 & A2 & _). auto.
  - apply nth_error_None in Hpk. rewrite nth_G_nil by exact Hpk. split; [constructor|intros x []].
Qed.

(** (i) The transitive closure of the returned graph from [k] is exactly
    the set [d_all] of all dependencies the walk computed for [k]. *)
Theorem dependencies_closure : forall k st,
  nth_error (deps_states_from 0 ps []) k = Some st ->
  forall x, reach G k x <-> In x (d_all st).
Proof.
  intros k st Hst.
  assert (Hk : k < length ps).
  { apply nth_error_lt in Hst. rewrite <- (len_map d_direct), <- dependencies_states,
      dependencies_length in Hst. exact Hst. }
  destruct (nth_error ps k) as [pk|] eqn:Hpk; [|apply nth_error_None in Hpk; lia].
  exact (proj1 (proj2 deps_graph k pk st Hpk Hst)).
Qed.

Lemma deps_at : forall k, k < length ps -> exists pk st,
  nth_error ps k = Some pk /\ nth_error (deps_states_from 0 ps []) k = Some st.
Proof.
  intros k Hk. destruct (nth_error ps k) as [pk|] eqn:Hpk; [|apply nth_error_None in Hpk; lia].
  assert (Hk' : k < length (deps_states_from 0 ps [])).
  { rewrite <- (len_map d_direct), <- dependencies_states, dependencies_length. exact Hk. }
  exists pk, (nth k (deps_states_from 0 ps []) (DS [] [] [] [] [])).
  split; [reflexivity|apply nth_lt_error; exact Hk'].
Qed.

Lemma in_G_lt : forall k j, In j (nth k G []) -> k < length ps.
Proof.
  intros k j Hj. destruct (Nat.lt_ge_cases k (length ps)) as [H|H]; [exact H|].
  rewrite nth_G_nil in Hj by exact H. destruct Hj.
Qed.

(** (iii) Transitive reduction: no direct dependency of [k] is reachable
    from another one. *)
Theorem dependencies_reduction : forall k d1 d2,
  In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1.
Proof.
  intros k d1 d2 H1 H2. destruct (deps_at k (in_G_lt k d1 H1)) as (pk & st & Hpk & Hst).
  exact (proj1 (proj2 (proj2 (proj2 (proj2 deps_graph k pk st Hpk Hst)))) d1 d2 H1 H2).
Qed.

(** (ii) Each direct dependency [j] of [k] is blocked: darcs' [commuteFL]
    of [j] past [pd] fails ([commute_fl_none] says why: an explicit
    dependency or effects that do not commute), where [pd] is [k] and
    what [k] reaches above [j] (as the walk had commuted them), [nd] the
    other patches between [j] and [k]; the arrangement "[0..j-1], [j],
    [pd], [nd]" is reached from "[0..k]" by darcs' steps and, when the
    first [k+1] patches apply (strictly, no empty hunk) giving [t], it
    applies and gives [t] too. *)
Theorem dependencies_blocked : forall k j, In j (nth k G []) ->
  exists pj pd nd, nth_error ps j = Some pj /\ commute_fl (j, pj) pd = None /\
    (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
    (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x) /\
    reorder cflD (index_from 0 (firstn (S k) ps)) (index_from 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
    (forall t, applies_upto k t -> applies_eff (index_from 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) [] t).
Proof.
  intros k j Hj. destruct (deps_at k (in_G_lt k j Hj)) as (pk & st & Hpk & Hst).
  destruct (proj1 (proj2 (proj2 (proj2 (proj2 (proj2 deps_graph k pk st Hpk Hst))))) j Hj)
    as (pj & pd & nd & Hpj & Hc & [Hr Ht] & Hpd & Hnd).
  exists pj, pd, nd. split; [exact Hpj|]. split.
  - unfold cflD in Hc. destruct (commute_fl (j, pj) pd) as [[? ?]|]; [discriminate|reflexivity].
  - rewrite ixd_index in Hr, Ht. split; [exact Hpd|]. split; [exact Hnd|]. split; [exact Hr|].
    intros t Ha. exact (proj2 (Ht t Ha)).
Qed.

(** Soundness on the returned value: [k] and what it reaches first, then
    the other earlier patches (those it does not reach), is reached from
    "[0..k]" by darcs' steps, and gives the same tree when the first
    [k+1] patches apply: every patch [k] does not depend on was commuted
    out of its way by the verified commute. *)
Theorem dependencies_reorder : forall k, k < length ps ->
  exists pd nd,
    (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
    (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x) /\
    reorder cflD (index_from 0 (firstn (S k) ps)) (pd ++ nd) /\
    (forall t, applies_upto k t -> applies_eff (pd ++ nd) [] t).
Proof.
  intros k Hk. destruct (deps_at k Hk) as (pk & st & Hpk & Hst).
  destruct (proj2 (proj2 (proj2 (proj2 (proj2 (proj2 deps_graph k pk st Hpk Hst))))))
    as (pd & nd & [Hr Ht] & Hpd & Hnd).
  exists pd, nd. split; [exact Hpd|]. split; [exact Hnd|]. split; [exact Hr|].
  intros t Ha. exact (proj2 (Ht t Ha)).
Qed.

End Prims.

(** ** Ops 10 and 11: the darcs-3 and darcs-2 layers *)

Lemma past_ids : forall {B} (c : nat * B -> nat * B -> option ((nat * B) * (nat * B))),
  (forall x y y' x', c x y = Some (y', x') -> fst y' = fst y /\ fst x' = fst x) ->
  forall ys x ys' x', past c x ys = Some (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  intros B c Hc. induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. auto.
  - destruct (c x y) as [[y1 x1]|] eqn:E; [|discriminate].
    destruct (past c x1 ys) as [[ys2 x2]|] eqn:E2; [|discriminate]. injection H as <- <-.
    destruct (Hc _ _ _ _ E) as [I1 I2]. destruct (IH _ _ _ E2) as [J1 J2].
    simpl. rewrite I1, J1. split; congruence.
Qed.

Lemma past_res_ids : forall {B} (c : nat * B -> nat * B -> res ((nat * B) * (nat * B))),
  (forall x y y' x', c x y = Yes (y', x') -> fst y' = fst y /\ fst x' = fst x) ->
  forall ys x ys' x', past_res c x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  intros B c Hc. induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. auto.
  - unfold rbind in H. destruct (c x y) as [[y1 x1]| |] eqn:E; try discriminate.
    destruct (past_res c x1 ys) as [[ys2 x2]| |] eqn:E2; try discriminate. injection H as <- <-.
    destruct (Hc _ _ _ _ E) as [I1 I2]. destruct (IH _ _ _ E2) as [J1 J2].
    simpl. rewrite I1, J1. split; congruence.
Qed.

Section Layers.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Definition cfl3 (x : inamed3 L N) (ys : list (inamed3 L N)) := of_opt (commute3_fl x ys).

Lemma cfl3_ids : forall x ys ys' x', cfl3 x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  intros x ys ys' x' H. unfold cfl3, of_opt in H.
  destruct (commute3_fl x ys) as [[ys1 x1]|] eqn:E; [|discriminate]. injection H as <- <-.
  apply (past_ids commute_inamed3); [|exact E].
  intros [i [pe pd]] [j [qe qd]] y' x'' Hc. unfold commute_inamed3 in Hc.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  destruct (commute3_seq pe qe) as [[qe' pe']|]; [|discriminate]. injection Hc as <- <-. auto.
Qed.

(** Op 10: the darcs-3 graph has the shape of [walk_dependencies_spec]:
    ascending lists of earlier patches, transitively reduced, each direct
    dependency failing darcs-3's [commuteFL] past the patch and what it
    reaches above it, the rest reordered by darcs-3 commutes. *)
Theorem dependencies3_spec : forall (ps : list (named3 L N)) G,
  dependencies3 ps = Yes G ->
  length G = length ps /\
  forall k, k < length ps ->
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ commute3_fl (j, pj) pd = None /\
       reorder cfl3 (ixd 0 (firstn (S k) ps)) (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, reorder cfl3 (ixd 0 (firstn (S k) ps)) (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  intros ps G H. destruct (walk_dependencies_spec cfl3 cfl3_ids ps G H) as [Hlen Hk].
  split; [exact Hlen|]. intros k Hlt. destruct (Hk k Hlt) as (B1 & B2 & B3 & B4 & B5).
  split; [exact B1|split; [exact B2|split; [exact B3|split; [|exact B5]]]].
  intros j Hj. destruct (B4 j Hj) as (pj & pd & nd & Hpj & Hc & R). exists pj, pd, nd.
  split; [exact Hpj|split; [|exact R]]. unfold cfl3, of_opt in Hc.
  destruct (commute3_fl (j, pj) pd); [discriminate|reflexivity].
Qed.

Lemma cfl2_ids : forall (o : @ops L N) x ys ys' x',
  commute2_fl o x ys = Yes (ys', x') -> map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  intros o x ys ys' x' H. apply (past_res_ids (commute_inamed2 o)); [|exact H].
  intros [i [pe pd]] [j [qe qd]] y' x'' Hc. unfold commute_inamed2 in Hc.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  unfold rbind in Hc. destruct (commute2_seq o pe qe) as [[qe' pe']| |]; try discriminate.
  injection Hc as <- <-. auto.
Qed.

(** Op 11: the same for the darcs-2 graph, with darcs-2's [commuteFL]
    (at the depth [dependencies2] uses). *)
Theorem dependencies2_spec : forall (ps : list (named2 L N)) G,
  dependencies2 ps = Yes G ->
  length G = length ps /\
  forall k, k < length ps ->
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd,
       nth_error ps j = Some pj /\ commute2_fl (@level L N _ _ _ depth) (j, pj) pd = No /\
       reorder (commute2_fl (@level L N _ _ _ depth)) (ixd 0 (firstn (S k) ps)) (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
       (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
  (exists pd nd, reorder (commute2_fl (@level L N _ _ _ depth)) (ixd 0 (firstn (S k) ps)) (pd ++ nd) /\
       (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
       (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x)).
Proof.
  intros ps G H. exact (walk_dependencies_spec _ (cfl2_ids (@level L N _ _ _ depth)) ps G H).
Qed.

End Layers.
