(** * PruneLaws: the pruned dependency walk answers exactly what darcs'
    walk answers.

    - [prune_walk_sim]: step by step, the pruned walk keeps the same
      bundle, direct and all dependencies and cursor as [Depend.deps_walk]
      on the real patches, provided each summary covers its patch's
      touched paths, the patches given in full are the real ones with their
      real dependency sets, and a skipped patch names only earlier patches
      as explicit dependencies.
    - [deps_prune_exact]: so the answer of op 13 ([deps_prune]) is that of
      [Depend.deps_of] on the history where every skipped patch is replaced
      by the real one; [deps_prune_dependencies]: when the dependency sets
      sent are those [Depend.dependencies] computes, it is the patch's
      entry of [Depend.dependencies].
    - [dependencies_pruned_eq]: the pruned whole graph (op 7) is
      [Depend.dependencies], with no hypothesis. *)

From Coq Require Import List Bool Arith Lia Sorting.Sorted.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend DependLaws Touch Prune.
Import ListNotations.

Section PruneLaws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation named := (named L N).
Notation inamed := (inamed L N).
Notation hitem := (hitem L N).
Notation wentry := (wentry L N).

(** ** Path sets *)

Lemma add_paths_covers : forall xs ps,
  covers (add_paths xs ps) ps /\ covers (add_paths xs ps) xs.
Proof.
  unfold add_paths. induction xs as [|x xs IH]; intros ps; simpl.
  - split; [apply covers_refl|apply covers_nil].
  - destruct (covered ps x) eqn:C.
    + destruct (IH ps) as [H1 H2]. split; auto.
      apply covers_cons. split; auto. exact (covered_trans _ _ x H1 C).
    + destruct (IH (x :: ps)) as [H1 H2]. split.
      * intros y Hy. apply H1. right; auto.
      * apply covers_cons. split; auto. apply H1. left; auto.
Qed.

(** ** What commuting keeps: indices and explicit dependencies *)

Definition ideps (y : inamed) : list nat := snd (snd y).

Lemma commute_inamed_ids : forall p q q' p' : inamed,
  commute_inamed p q = Some (q', p') ->
  fst q' = fst q /\ ideps q' = ideps q /\ fst p' = fst p /\ ideps p' = ideps p.
Proof.
  intros [i [pe pd]] [j [qe qd]] q' p' H. unfold commute_inamed in H.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  destruct (commute_seq pe qe) as [[qe' pe']|]; [|discriminate].
  injection H as <- <-. unfold ideps. simpl. auto.
Qed.

Lemma commute_fl_ids : forall (ys : list inamed) x ys' x',
  commute_fl x ys = Some (ys', x') ->
  Forall2 (fun y y' => fst y' = fst y /\ ideps y' = ideps y) ys ys'.
Proof.
  induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. constructor.
  - destruct (commute_inamed x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_fl x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. apply commute_inamed_ids in C as (E1 & E2 & _).
    constructor; eauto.
Qed.

Lemma forall2_in_r : forall {A B} (R : A -> B -> Prop) xs ys y,
  Forall2 R xs ys -> In y ys -> exists x, In x xs /\ R x y.
Proof.
  intros A B R xs ys y H. induction H as [|x y' xs ys Hr H IH]; intros Hy; [contradiction|].
  destruct Hy as [<-|Hy]; [exists x; split; [left|]; auto|].
  destruct (IH Hy) as [x' [Hx' Rx']]. exists x'. split; [right|]; auto.
Qed.

(** ** The simulation *)

(** The pruned state and darcs' state agree on everything the answer and
    the rest of the walk depend on ([d_nd], what was moved out of the
    way, is not part of the answer). *)
Definition agree (a b : @dstate L N) : Prop :=
  d_pd a = d_pd b /\ d_direct a = d_direct b /\ d_all a = d_all b /\ d_cursor a = d_cursor b.

Definition idx (h : hitem) : nat := let '(j, _, _) := h in j.

(** An item stands for the real patch [(j, q, allj)]: same index, a
    summary covering its touched paths, and either the patch itself with
    its dependencies, or (skipped) a patch whose explicit dependencies are
    earlier patches. *)
Definition item_ok (h : hitem) (r : nat * named * list nat) : Prop :=
  let '(j, sum, e) := h in
  let '(j', q, allj) := r in
  j = j' /\ covers sum (touched_named q) /\
  match e with
  | HFull q' allj' => q' = q /\ allj' = allj
  | HSkip => forall d, In d (snd q) -> d < j
  end.

(** Indices strictly decrease (the nearest patch first). *)
Fixpoint desc (hist : list hitem) : Prop :=
  match hist with
  | [] => True
  | h :: t => (forall h', In h' t -> idx h' < idx h) /\ desc t
  end.

(** The invariant of the pruned state, for the items still to come. *)
Definition sum_ok (y : inamed) (s : list path) : Prop := covers s (touched_inamed y).

Definition inv (st : pstate) (hist : list hitem) : Prop :=
  covers (p_paths st) (touched_inameds (d_pd (p_st st))) /\
  (forall y, In y (d_pd (p_st st)) -> incl (ideps y) (p_xdeps st)) /\
  (forall y h, In y (d_pd (p_st st)) -> In h hist -> idx h < fst y) /\
  Forall2 sum_ok (d_pd (p_st st)) (p_sums st).

Lemma existsb_eqb_false : forall j l, existsb (Nat.eqb j) l = false -> ~ In j l.
Proof.
  intros j l H Hin. assert (existsb (Nat.eqb j) l = true); [|congruence].
  apply existsb_exists. exists j. split; auto. apply Nat.eqb_refl.
Qed.

(** [commute_fl_pr] is [commute_fl], and keeps the summaries right. *)
Lemma commute_fl_pr_spec : forall ys ss x sx,
  Forall2 sum_ok ys ss -> sum_ok x sx ->
  match commute_fl_pr x sx ys ss, commute_fl x ys with
  | Some (ys', ss', x', sx'), Some (ys'', x'') =>
      ys' = ys'' /\ x' = x'' /\ Forall2 sum_ok ys' ss' /\ sum_ok x' sx'
  | None, None => True
  | _, _ => False
  end.
Proof.
  induction ys as [|y ys IH]; intros ss x sx Hs Hx.
  - inversion Hs; subst. simpl. auto.
  - inversion Hs as [|y' sy ys' ss' Hy Hs' E1 E2]; subst. cbn [commute_fl_pr commute_fl].
    destruct (passes x sx y sy) eqn:P.
    + (* unrelated and independent: [x] and [y] commute unchanged *)
      unfold passes in P. apply andb_true_iff in P as [P P3]. apply andb_true_iff in P as [P1 P2].
      apply negb_true_iff in P1, P2, P3. apply meets_false in P1.
      apply existsb_eqb_false in P2. apply existsb_eqb_false in P3.
      assert (C : commute_inamed x y = Some (y, x)).
      { destruct x as [i [pe pd]], y as [j [qe qd]]. apply commute_inamed_apart; auto.
        exact (apart_covers sx sy _ _ P1 Hx Hy). }
      rewrite C. specialize (IH ss' x sx Hs' Hx).
      destruct (commute_fl_pr x sx ys ss') as [[[[ys1 ss1] x1] sx1]|];
        destruct (commute_fl x ys) as [[ys2 x2]|]; try contradiction; auto.
      destruct IH as (-> & -> & F & Ok). auto.
    + rewrite commute_inamed_lin_eq.
      destruct (commute_inamed x y) as [[y1 x1]|] eqn:C; auto.
      pose proof (commute_inamed_covered x y y1 x1 C) as Cv.
      assert (Hx1 : sum_ok x1 (if ihas_move y then sx ++ sy else sx)).
      { destruct (ihas_move y) eqn:M.
        - eapply covers_trans; [|eapply covers_incl; [|exact Cv]].
          + apply covers_app; [apply covers_app_l; exact Hx|apply covers_app_r; exact Hy].
          + intros z Hz. apply in_or_app. right. exact Hz.
        - intros z Hz. apply Hx. exact (commute_inamed_nomove_l x y y1 x1 M C z Hz). }
      assert (Hy1 : sum_ok y1 (if ihas_move x then sy ++ sx else sy)).
      { destruct (ihas_move x) eqn:M.
        - eapply covers_trans; [|eapply covers_incl; [|exact Cv]].
          + apply covers_app; [apply covers_app_r; exact Hx|apply covers_app_l; exact Hy].
          + intros z Hz. apply in_or_app. left. exact Hz.
        - destruct (commute_inamed_nomove x y y1 x1 M C) as [E _]. unfold sum_ok. rewrite E. exact Hy. }
      specialize (IH ss' x1 _ Hs' Hx1).
      destruct (commute_fl_pr x1 _ ys ss') as [[[[ys1 ss1] x2] sx2]|];
        destruct (commute_fl x1 ys) as [[ys2 x3]|]; try contradiction; auto.
      destruct IH as (-> & -> & F & Ok). auto.
Qed.

(** One step looked at: darcs' step and [full_step] agree, and the
    invariant holds for the rest. *)
Lemma full_step_sim : forall j sum q allj hist st R,
  covers sum (touched_named q) ->
  (forall h, In h hist -> idx h < j) ->
  inv st ((j, sum, HFull q allj) :: hist) -> agree R (p_st st) ->
  exists R', deps_walk ((j, q, allj) :: []) R = R' /\
    agree R' (p_st (full_step j sum q allj st)) /\ inv (full_step j sum q allj st) hist.
Proof.
  intros j sum q allj hist [[pd nd dir all cur] ps xd ss] [pd0 nd0 dir0 all0 cur0] Hs Hlt
    (Ip & Ix & Ii & Iss) (E1 & E2 & E3 & E4).
  cbn [d_pd d_direct d_all d_cursor d_nd p_st p_paths p_xdeps p_sums] in *. subst pd0 dir0 all0 cur0.
  destruct (add_paths_covers sum ps) as [Aps Asum].
  eexists. split; [reflexivity|].
  unfold full_step. cbn [deps_walk d_pd d_direct d_all d_cursor d_nd p_st p_paths p_xdeps p_sums].
  fold (known_at j (drop_above j cur)).
  assert (Hnew : forall y h, In y ((j, q) :: pd) -> In h hist -> idx h < fst y).
  { intros y h [<-|Hy] Hh; simpl; [auto|]. apply Ii; auto. right; auto. }
  assert (Hcov : covers (add_paths sum ps) (touched_inameds ((j, q) :: pd))).
  { change (touched_inameds ((j, q) :: pd)) with (touched_inamed (j, q) ++ touched_inameds pd).
    apply covers_app.
    - eapply covers_trans; [exact Asum|exact Hs].
    - eapply covers_trans; [exact Aps|exact Ip]. }
  assert (Hxd : forall y, In y ((j, q) :: pd) -> incl (ideps y) (snd q ++ xd)).
  { intros y [<-|Hy] x Hx; apply in_or_app; [left; exact Hx|right; apply (Ix y Hy); exact Hx]. }
  assert (Hss : Forall2 sum_ok ((j, q) :: pd) (sum :: ss)) by (constructor; auto).
  destruct (known_at j (drop_above j cur)).
  - repeat split; cbn; auto.
  - pose proof (commute_fl_pr_spec pd ss (j, q) sum Iss Hs) as Sp.
    destruct (commute_fl_pr (j, q) sum pd ss) as [[[[pd' ss'] q'] sq']|];
      destruct (commute_fl (j, q) pd) as [[pd'' q'']|] eqn:C; try contradiction.
    + destruct Sp as (<- & <- & Fss & _).
      pose proof (commute_fl_ids _ _ _ _ C) as Ids.
      repeat split; cbn; auto.
      * (* the bundle's paths: recomputed after a move, unchanged otherwise *)
        destruct (has_move (fst q)) eqn:M.
        -- eapply covers_trans; [apply add_paths_covers|].
           clear -Fss. induction Fss as [|y s ys ss Hy Hys IH]; [apply covers_nil|].
           change (touched_inameds (y :: ys)) with (touched_inamed y ++ touched_inameds ys).
           simpl. apply covers_app; [apply covers_app_l; exact Hy|apply covers_app_r; exact IH].
        -- pose proof (commute_fl_nomove pd (j, q) pd' q' M C) as E.
           intros x Hx. apply Ip. rewrite <- E. exact Hx.
      * intros y' Hy'. destruct (forall2_in_r _ _ _ _ Ids Hy') as [y [Hy [_ Ey]]].
        rewrite Ey. apply Ix; auto.
      * intros y' h Hy' Hh. destruct (forall2_in_r _ _ _ _ Ids Hy') as [y [Hy [Fy _]]].
        rewrite Fy. apply Ii; auto. right; auto.
    + repeat split; cbn; auto.
Qed.

(** One step skipped: darcs' walk commutes the patch past the bundle and
    nothing changes but the cursor and [d_nd]. *)
Lemma skip_step_sim : forall j sum e q allj hist st R,
  item_ok (j, sum, e) (j, q, allj) ->
  must_visit j sum e st = false ->
  inv st ((j, sum, e) :: hist) -> agree R (p_st st) ->
  agree (deps_walk ((j, q, allj) :: []) R) (p_st (skip_step j st)).
Proof.
  intros j sum e q allj hist [[pd nd dir all cur] ps xd ss] [pd0 nd0 dir0 all0 cur0]
    (_ & Hs & He) Hm (Ip & Ix & Ii & Iss) (E1 & E2 & E3 & E4).
  cbn [d_pd d_direct d_all d_cursor d_nd p_st p_paths p_xdeps] in *. subst pd0 dir0 all0 cur0.
  unfold must_visit in Hm. cbn [p_st d_cursor p_xdeps p_paths] in Hm.
  apply orb_false_iff in Hm as [Hm Hf]. apply orb_false_iff in Hm as [Hm Hmeet].
  apply orb_false_iff in Hm as [Hk Hx].
  apply existsb_eqb_false in Hx. apply meets_false in Hmeet.
  (* every explicit dependency of [q] is before [j] *)
  assert (Hqd : forall d, In d (snd q) -> d < j).
  { destruct e as [q' allj'|].
    - destruct He as [<- <-]. intros d Hd. unfold forward in Hf.
      destruct (Nat.leb_spec j d); [|auto].
      assert (existsb (fun d => j <=? d) (snd q') = true); [|congruence].
      apply existsb_exists. exists d. split; auto. apply Nat.leb_le. lia.
    - exact He. }
  assert (Hc : commute_fl (j, q) pd = Some (pd, (j, q))).
  { apply commute_fl_apart.
    - apply Forall_forall. intros y Hy. split.
      + intros Hin. apply Hx, (Ix y Hy), Hin.
      + intros Hin. apply Hqd in Hin. specialize (Ii y (j, sum, e) Hy (or_introl eq_refl)).
        simpl in Ii. lia.
    - apply (apart_covers sum ps); auto. }
  cbn [deps_walk d_pd d_direct d_all d_cursor d_nd]. fold (known_at j (drop_above j cur)).
  rewrite Hk, Hc. unfold skip_step. cbn. repeat split; auto.
Qed.

Lemma deps_walk_cons : forall h hist (R : @dstate L N),
  deps_walk (h :: hist) R = deps_walk hist (deps_walk [h] R).
Proof.
  intros [[j q] allj] hist R. simpl.
  destruct (match drop_above j (d_cursor R) with k :: _ => k =? j | [] => false end); auto.
  destruct (commute_fl (j, q) (d_pd R)) as [[pd' q']|]; auto.
Qed.

Lemma agree_walk : forall hist R R', agree R R' ->
  agree (deps_walk hist R) (deps_walk hist R').
Proof.
  induction hist as [|[[j q] allj] hist IH]; intros [pd nd dir all cur] [pd' nd' dir' all' cur']
    (E1 & E2 & E3 & E4); cbn in *; subst; [repeat split; auto|].
  destruct (match drop_above j cur' with k :: _ => k =? j | [] => false end);
    [apply IH; repeat split; auto|].
  destruct (commute_fl (j, q) pd') as [[pd'' q']|]; apply IH; repeat split; auto.
Qed.

Theorem prune_walk_sim : forall hist rhist st R st',
  Forall2 item_ok hist rhist -> desc hist -> inv st hist -> agree R (p_st st) ->
  prune_walk hist st = PDone st' -> agree (deps_walk rhist R) (p_st st').
Proof.
  induction hist as [|[[j sum] e] hist IH]; intros rhist st R st' Hok Hd Hi Ha Hw.
  - inversion Hok; subst. simpl in Hw. injection Hw as <-. exact Ha.
  - inversion Hok as [|h r hist0 rhist' Hr Hok' E1 E2]; subst.
    destruct r as [[j' q] allj]. pose proof Hr as Hr'. destruct Hr' as (<- & Hs & He).
    destruct Hd as [Hlt Hd]. simpl in Hw. rewrite deps_walk_cons.
    destruct (must_visit j sum e st) eqn:Hm.
    + destruct e as [q' allj'|]; [|discriminate]. destruct He as [<- <-].
      assert (Hlt' : forall h, In h hist -> idx h < j) by (intros h Hh; apply (Hlt h Hh)).
      destruct (full_step_sim j sum q' allj' hist st R Hs Hlt' Hi Ha) as (R' & ER & Ha' & Hi').
      rewrite ER. eapply IH; eauto.
    + eapply IH; eauto.
      * destruct Hi as (Ip & Ix & Ii & Iss). unfold skip_step. repeat split; cbn; auto.
        intros y h Hy Hh. apply Ii; auto. right; auto.
      * eapply skip_step_sim; eauto.
Qed.

(** ** One patch (op 13) *)

(** The real earlier patches, in order, each with all its dependencies,
    numbered from [i] and put the nearest first onto [acc]. *)
Fixpoint rhist_of (i : nat) (rs : list (named * list nat)) (acc : list (nat * named * list nat))
  : list (nat * named * list nat) :=
  match rs with
  | [] => acc
  | (q, allj) :: rs' => rhist_of (S i) rs' ((i, q, allj) :: acc)
  end.

(** The entries sent stand for the real patches: a full entry is the real
    patch with its dependency set; a skipped one has a summary covering its
    touched paths and names only earlier patches as explicit dependencies
    (always so in a repository). *)
Fixpoint entries_ok (i : nat) (es : list wentry) (rs : list (named * list nat)) : Prop :=
  match es, rs with
  | [], [] => True
  | WFull q allj :: es', (q', allj') :: rs' => q = q' /\ allj = allj' /\ entries_ok (S i) es' rs'
  | WSkip sum :: es', (q', _) :: rs' =>
      covers sum (touched_named q') /\ (forall d, In d (snd q') -> d < i) /\ entries_ok (S i) es' rs'
  | _, _ => False
  end.

Lemma summarize_covers : forall nleb (q : named), covers (summarize nleb q) (touched_named q).
Proof. intros. apply summarize_spec. Qed.

Lemma hist_of_spec : forall nleb es rs i acc racc,
  entries_ok i es rs -> Forall2 item_ok acc racc ->
  Forall2 item_ok (hist_of nleb i es acc) (rhist_of i rs racc).
Proof.
  induction es as [|e es IH]; intros rs i acc racc Hok Hacc;
    [|destruct e as [q' allj'|sum]]; destruct rs as [|[q allj] rs];
    simpl in *; try contradiction; auto.
  - destruct Hok as (<- & <- & Hok). apply IH; auto. constructor; auto.
    simpl. repeat split; auto. apply summarize_covers.
  - destruct Hok as (Hs & Hd & Hok). apply IH; auto. constructor; auto. simpl. auto.
Qed.

Lemma hist_of_idx : forall nleb es i acc h,
  In h (hist_of nleb i es acc) -> In h acc \/ (i <= idx h < i + length es).
Proof.
  induction es as [|e es IH]; intros i acc h Hh; simpl in *; [auto|].
  destruct e as [q allj|sum]; apply IH in Hh as [[<-|Hh]|Hh]; simpl; auto; right; lia.
Qed.

Lemma hist_of_desc : forall nleb es i acc,
  desc acc -> (forall h, In h acc -> idx h < i) -> desc (hist_of nleb i es acc).
Proof.
  induction es as [|e es IH]; intros i acc Hd Hlt; simpl; auto.
  destruct e as [q allj|sum]; apply IH; simpl; auto;
    intros h [<-|Hh]; simpl; auto; specialize (Hlt h Hh); lia.
Qed.

Lemma hist_of_lt : forall nleb es acc h,
  In h (hist_of nleb 0 es acc) -> In h acc \/ idx h < length es.
Proof. intros nleb es acc h Hh. apply hist_of_idx in Hh as [Hh|Hh]; auto. right; lia. Qed.

Lemma init_inv : forall k (p : named) sum hist,
  covers sum (touched_named p) -> (forall h, In h hist -> idx h < k) ->
  inv (prune_init k p sum) hist.
Proof.
  intros k p sum hist Hs Hlt. unfold prune_init. repeat split; cbn.
  - unfold touched_inameds. simpl. rewrite app_nil_r. exact Hs.
  - intros y [<-|[]]. unfold ideps. simpl. intros x Hx; exact Hx.
  - intros y h [<-|[]] Hh. simpl. auto.
  - constructor; [exact Hs|constructor].
Qed.

Lemma agree_refl : forall R : @dstate L N, agree R R.
Proof. intros R. repeat split. Qed.

(** The answer of op 13 is darcs' answer on the real history. *)
Theorem deps_prune_exact : forall nleb (p : named) es rs dir all,
  entries_ok 0 es rs ->
  deps_prune nleb p es = PDone (dir, all) ->
  dir = d_direct (deps_of (length es) p (rhist_of 0 rs [])) /\
  all = d_all (deps_of (length es) p (rhist_of 0 rs [])).
Proof.
  intros nleb p es rs dir all Hok H. unfold deps_prune in H.
  destruct (prune_walk (hist_of nleb 0 es []) (prune_init (length es) p (summarize nleb p)))
    as [st|j] eqn:W; [|discriminate].
  injection H as <- <-.
  assert (Hlt : forall h, In h (hist_of nleb 0 es []) -> idx h < length es).
  { intros h Hh. apply hist_of_lt in Hh as [[]|Hh]; auto. }
  pose proof (prune_walk_sim _ (rhist_of 0 rs []) _ (DS [(length es, p)] [] [] [] []) _
                (hist_of_spec nleb es rs 0 [] [] Hok (Forall2_nil _))
                (hist_of_desc nleb es 0 [] I (fun h (Hh : In h []) => match Hh with end))
                (init_inv _ p _ _ (summarize_covers nleb p) Hlt)
                (agree_refl _) W) as (A1 & A2 & A3 & A4).
  unfold deps_of. auto.
Qed.

(** ** The whole graph (op 7) *)

(** With every patch given in full, the walk never asks for one. *)
Lemma prune_walk_full : forall hist st,
  (forall h, In h hist -> exists j sum q allj, h = (j, sum, HFull q allj)) ->
  exists st', prune_walk hist st = PDone st'.
Proof.
  induction hist as [|[[j sum] e] hist IH]; intros st H; simpl; [eauto|].
  destruct (H (j, sum, e) (or_introl eq_refl)) as (j' & sum' & q & allj & E).
  injection E as -> -> ->.
  destruct (must_visit j' sum' (HFull q allj) st); apply IH; intros h Hh; apply H; right; auto.
Qed.

Lemma pdeps_from_eq : forall nleb ps i hist rhist acc,
  Forall2 item_ok hist rhist -> desc hist ->
  (forall h, In h hist -> idx h < i) ->
  (forall h, In h hist -> exists j sum q allj, h = (j, sum, HFull q allj)) ->
  pdeps_from nleb i ps hist acc = deps_from i ps rhist acc.
Proof.
  induction ps as [|p ps IH]; intros i hist rhist acc Hok Hd Hlt Hf; simpl; auto.
  destruct (prune_walk_full hist (prune_init i p (summarize nleb p)) Hf) as [st W].
  rewrite W.
  destruct (prune_walk_sim hist rhist _ (DS [(i, p)] [] [] [] []) st Hok Hd
              (init_inv _ p _ _ (summarize_covers nleb p) Hlt) (agree_refl _) W)
    as (A1 & A2 & A3 & A4).
  unfold deps_of. rewrite A2, A3. apply IH.
  - constructor; auto. simpl. repeat split; auto. apply summarize_covers.
  - simpl. split; auto.
  - intros h [<-|Hh]; simpl; auto. specialize (Hlt h Hh). lia.
  - intros h [<-|Hh]; [eauto 6|auto].
Qed.

(** The pruned graph is darcs' graph ([Depend.dependencies]). *)
Theorem dependencies_pruned_eq : forall nleb (ps : list named),
  dependencies_pruned nleb ps = dependencies ps.
Proof.
  intros nleb ps. unfold dependencies_pruned, dependencies.
  apply pdeps_from_eq; simpl; auto; intros h [].
Qed.

(** ** A stretch of the graph (op 18) *)

Lemma pstates_from_eq : forall nleb ps i hist rhist,
  Forall2 item_ok hist rhist -> desc hist ->
  (forall h, In h hist -> idx h < i) ->
  (forall h, In h hist -> exists j sum q allj, h = (j, sum, HFull q allj)) ->
  pstates_from nleb i ps hist = map (fun st => (d_direct st, d_all st)) (deps_states_from i ps rhist).
Proof.
  induction ps as [|p ps IH]; intros i hist rhist Hok Hd Hlt Hf; simpl; auto.
  destruct (prune_walk_full hist (prune_init i p (summarize nleb p)) Hf) as [st W].
  rewrite W.
  destruct (prune_walk_sim hist rhist _ (DS [(i, p)] [] [] [] []) st Hok Hd
              (init_inv _ p _ _ (summarize_covers nleb p) Hlt) (agree_refl _) W)
    as (A1 & A2 & A3 & A4).
  unfold deps_of. rewrite A2, A3. f_equal. apply IH.
  - constructor; auto. simpl. repeat split; auto. apply summarize_covers.
  - simpl. split; auto.
  - intros h [<-|Hh]; simpl; auto. specialize (Hlt h Hh). lia.
  - intros h [<-|Hh]; [eauto 6|auto].
Qed.

Lemma deps_states_from_length : forall (xs : list named) i h,
  length (deps_states_from i xs h) = length xs.
Proof. induction xs as [|x xs IH]; intros i h; simpl; auto. Qed.

(** The states of [xs ++ ys]: those of [xs], then those of [ys] after the
    patches of [xs] with their dependency sets. *)
Lemma deps_states_from_app : forall (xs ys : list named) i h,
  deps_states_from i (xs ++ ys) h =
  deps_states_from i xs h ++
  deps_states_from (i + length xs) ys (rhist_of i (combine xs (map d_all (deps_states_from i xs h))) h).
Proof.
  induction xs as [|x xs IH]; intros ys i h; simpl.
  - rewrite Nat.add_0_r. reflexivity.
  - rewrite IH. rewrite Nat.add_succ_r. reflexivity.
Qed.

Lemma skipn_length_app : forall {A} (l1 l2 : list A) n, length l1 = n -> skipn n (l1 ++ l2) = l2.
Proof. induction l1 as [|a l1 IH]; intros l2 n H; simpl in H; subst n; simpl; auto. Qed.

Lemma combine_fst_snd : forall {A B} (l : list (A * B)), combine (map fst l) (map snd l) = l.
Proof. induction l as [|[a b] l IH]; simpl; f_equal; auto. Qed.

Lemma map_fst_length : forall {A B} (l : list (A * B)), length (map fst l) = length l.
Proof. induction l as [|x l IH]; simpl; auto. Qed.

Lemma entries_ok_full : forall (pre : list (named * list nat)) i,
  entries_ok i (map (fun qa => WFull (fst qa) (snd qa)) pre) pre.
Proof. induction pre as [|[q a] pre IH]; intros i; simpl; auto. Qed.

Lemma hist_of_full : forall nleb (pre : list (named * list nat)) i acc h,
  In h (hist_of nleb i (map (fun qa => WFull (fst qa) (snd qa)) pre) acc) ->
  In h acc \/ exists j sum q allj, h = (j, sum, HFull q allj).
Proof.
  induction pre as [|[q a] pre IH]; intros i acc h Hh; simpl in *; auto.
  apply IH in Hh as [[<-|Hh]|Hh]; eauto 6.
Qed.

(** Op 18 is exact: given the patches before the stretch with the
    dependency sets [Depend.dependencies] computes for them, it answers
    the direct and all dependencies [Depend.dependencies] computes for each
    patch of the stretch. *)
Theorem deps_range_exact : forall nleb (pre : list (named * list nat)) (ps : list named),
  map snd pre = map d_all (deps_states_from 0 (map fst pre) []) ->
  deps_range nleb pre ps =
    map (fun st => (d_direct st, d_all st))
        (skipn (length pre) (deps_states_from 0 (map fst pre ++ ps) [])).
Proof.
  intros nleb pre ps H. unfold deps_range.
  rewrite deps_states_from_app, skipn_length_app
    by (rewrite deps_states_from_length; apply map_fst_length).
  rewrite <- H, combine_fst_snd, map_fst_length. simpl.
  set (es := map (fun qa => WFull (fst qa) (snd qa)) pre).
  assert (Hlen : length es = length pre) by (unfold es; clear; induction pre; simpl; congruence).
  apply pstates_from_eq.
  - apply hist_of_spec; [apply entries_ok_full|constructor].
  - apply hist_of_desc; [exact I|intros h []].
  - intros h Hh. apply hist_of_lt in Hh as [[]|Hh]. rewrite <- Hlen. exact Hh.
  - intros h Hh. apply hist_of_full in Hh as [[]|Hh]. exact Hh.
Qed.

(** With the whole history as the stretch, op 18 is [Depend.dependencies]
    with each patch's set of all dependencies. *)
Corollary deps_range_all : forall nleb (ps : list named),
  map fst (deps_range nleb [] ps) = dependencies ps.
Proof.
  intros nleb ps. rewrite (deps_range_exact nleb [] ps eq_refl), dependencies_states. simpl.
  rewrite map_map. reflexivity.
Qed.

(** The state [Depend.dependencies] computes for patch [k] is [deps_of] on
    the earlier patches with the dependency sets computed before. *)
Lemma deps_states_nth : forall (ps : list named) i hist k p,
  nth_error ps k = Some p ->
  nth_error (deps_states_from i ps hist) k =
    Some (deps_of (i + k) p
            (rhist_of i (combine (firstn k ps) (firstn k (map d_all (deps_states_from i ps hist)))) hist)).
Proof.
  induction ps as [|p0 ps IH]; intros i hist k p Hk; [destruct k; discriminate|].
  destruct k as [|k]; simpl in Hk.
  - injection Hk as <-. simpl. rewrite Nat.add_0_r. reflexivity.
  - simpl. rewrite (IH (S i) _ k p Hk). do 2 f_equal. lia.
Qed.

(** End to end: when the full entries carry the dependency sets
    [Depend.dependencies] computes (its walk's [d_all]) and the summaries
    of the skipped ones are right, op 13 answers patch [k]'s entry of
    [Depend.dependencies], and its [d_all]. *)
Theorem deps_prune_dependencies : forall nleb (ps : list named) k p es dir all,
  nth_error ps k = Some p -> length es = k ->
  entries_ok 0 es (combine (firstn k ps) (firstn k (map d_all (deps_states_from 0 ps [])))) ->
  deps_prune nleb p es = PDone (dir, all) ->
  nth_error (dependencies ps) k = Some dir /\
  option_map d_all (nth_error (deps_states_from 0 ps []) k) = Some all.
Proof.
  intros nleb ps k p es dir all Hp Hl Hok H.
  destruct (deps_prune_exact nleb p es _ dir all Hok H) as [-> ->].
  rewrite dependencies_states, nth_error_map, (deps_states_nth ps 0 [] k p Hp), Hl.
  simpl. auto.
Qed.

(** ** What the dependency sets are

    The set of all dependencies of a patch ([d_all]) is its direct
    dependencies with their own sets, and the list is strictly descending.
    So the caller of op 13 may send, for a patch in full, the transitive
    closure of op 7's direct dependencies sorted descending: that is the
    very list [Depend.dependencies] computes ([all_deps_closure],
    [desc_unique]). *)

Definition desc_list (l : list nat) : Prop := StronglySorted (fun a b => b < a) l.

Lemma merge_desc_sorted : forall l1 l2,
  desc_list l1 -> desc_list l2 -> desc_list (merge_desc l1 l2).
Proof.
  unfold desc_list.
  induction l1 as [|a l1 IH1]; intros l2 H1 H2; [exact H2|].
  induction l2 as [|b l2 IH2]; [exact H1|].
  apply StronglySorted_inv in H1 as [S1 F1]. apply StronglySorted_inv in H2 as [S2 F2].
  rewrite Forall_forall in F1, F2.
  cbn [merge_desc]. destruct (Nat.ltb_spec a b).
  - fold (merge_desc (a :: l1) l2). constructor.
    + apply IH2. exact S2.
    + apply Forall_forall. intros x Hx. change (In x (merge_desc (a :: l1) l2)) in Hx.
      apply merge_desc_in in Hx as [[<-|Hx]|Hx]; auto.
      specialize (F1 x Hx). lia.
  - destruct (Nat.ltb_spec b a).
    + constructor.
      * apply IH1; auto. constructor; auto. apply Forall_forall; auto.
      * apply Forall_forall. intros x Hx. apply merge_desc_in in Hx as [Hx|[<-|Hx]]; auto.
        specialize (F2 x Hx). lia.
    + assert (a = b) by lia. subst b. constructor; [apply IH1; auto|].
      apply Forall_forall. intros x Hx. apply merge_desc_in in Hx as [Hx|Hx]; auto.
Qed.

(** The walk's invariant, [allof j] being the set the history gives for
    patch [j], for a patch numbered [k]. *)
Definition all_inv (allof : nat -> list nat) (k : nat) (st : @dstate L N) : Prop :=
  desc_list (d_all st) /\ (forall x, In x (d_all st) -> x < k) /\
  (forall x, In x (d_direct st) -> x < k) /\
  (forall x, In x (d_all st) <-> exists d, In d (d_direct st) /\ (x = d \/ In x (allof d))).

Lemma deps_walk_all : forall hist allof k st,
  (forall j q allj, In (j, q, allj) hist ->
     j < k /\ allj = allof j /\ desc_list allj /\ (forall x, In x allj -> x < j)) ->
  all_inv allof k st -> all_inv allof k (deps_walk hist st).
Proof.
  induction hist as [|[[j q] allj] hist IH]; intros allof k [pd nd dir all cur] Hh Hi; [exact Hi|].
  assert (Hh' : forall j' q' allj', In (j', q', allj') hist ->
                  j' < k /\ allj' = allof j' /\ desc_list allj' /\ (forall x, In x allj' -> x < j'))
    by (intros j' q' allj' Hin; apply (Hh j' q' allj'); right; exact Hin).
  destruct (Hh j q allj (or_introl eq_refl)) as (Hk & Ea & Ds & Lt).
  destruct Hi as (S & B & Bd & C). cbn [d_all d_direct] in *.
  cbn [deps_walk d_cursor d_pd d_all d_direct d_nd].
  destruct (match drop_above j cur with k0 :: _ => k0 =? j | [] => false end);
    [apply IH; auto; repeat split; auto; apply C|].
  destruct (commute_fl (j, q) pd) as [[pd' q']|];
    [apply IH; auto; repeat split; auto; apply C|].
  apply IH; auto. cbn [d_all d_direct]. repeat split.
  - apply merge_desc_sorted; auto. constructor; auto. apply Forall_forall. exact Lt.
  - intros x Hx. apply merge_desc_in in Hx as [Hx|[<-|Hx]]; auto. specialize (Lt x Hx). lia.
  - intros x [<-|Hx]; auto.
  - intros Hx. apply merge_desc_in in Hx as [Hx|[Ej|Hx]].
    + apply C in Hx as [d [Hd Hx]]. exists d. split; [right|]; auto.
    + exists j. split; [left|left]; auto.
    + exists j. split; [left; auto|right]. rewrite <- Ea. exact Hx.
  - intros [d [[Ed|Hd] [Ex|Hx]]]; apply merge_desc_in; subst.
    + right. left. auto.
    + right. right. exact Hx.
    + left. apply C. exists d. split; auto.
    + left. apply C. exists d. split; auto.
Qed.

(** For every patch [k] of a history, the state [Depend.dependencies]
    computes: all its dependencies are its direct dependencies with their
    own sets, in a strictly descending list of earlier patches. *)
Lemma states_all : forall (ps : list named) i hist allof,
  (forall j q allj, In (j, q, allj) hist ->
     j < i /\ allj = allof j /\ desc_list allj /\ (forall x, In x allj -> x < j)) ->
  (forall m st, nth_error (deps_states_from i ps hist) m = Some st -> allof (i + m) = d_all st) ->
  forall m st, nth_error (deps_states_from i ps hist) m = Some st -> all_inv allof (i + m) st.
Proof.
  induction ps as [|p ps IH]; intros i hist allof Hh Hc m st Hm; [destruct m; discriminate|].
  assert (H0 : all_inv allof i (deps_of i p hist)).
  { unfold deps_of. apply deps_walk_all.
    - intros j q allj Hin. destruct (Hh j q allj Hin) as (? & ? & ? & ?). auto.
    - unfold all_inv. cbn. split; [constructor|]. split; [intros x []|]. split; [intros x []|].
      intros x. split; [intros []|intros [d [[] _]]]. }
  destruct m as [|m]; simpl in Hm.
  - injection Hm as <-. rewrite Nat.add_0_r. exact H0.
  - replace (i + S m) with (S i + m) by lia.
    apply (IH (S i) ((i, p, d_all (deps_of i p hist)) :: hist) allof); auto.
    + intros j q allj [Ej|Hin].
      * injection Ej as <- <- <-. destruct H0 as (S0 & B0 & _).
        repeat split; auto.
        specialize (Hc 0 (deps_of i p hist) eq_refl). rewrite Nat.add_0_r in Hc. auto.
      * destruct (Hh j q allj Hin) as (? & ? & ? & ?). repeat split; auto.
    + intros m' st' Hm'. replace (S i + m') with (i + S m') by lia. apply Hc. simpl. exact Hm'.
Qed.

Lemma nth_error_lt : forall {A} (l : list A) n x, nth_error l n = Some x -> n < length l.
Proof.
  intros A l. induction l as [|a l IH]; intros n x H; [destruct n; discriminate|].
  destruct n; simpl in *; [lia|]. apply IH in H. lia.
Qed.

Lemma nth_error_exists : forall {A} (l : list A) n, n < length l -> exists x, nth_error l n = Some x.
Proof.
  intros A l. induction l as [|a l IH]; intros n H; simpl in H; [lia|].
  destruct n; simpl; [eauto|]. apply IH. lia.
Qed.

(** For every patch [k] of a history, the state [Depend.dependencies]
    computes: all its dependencies are its direct dependencies with their
    own sets, in a strictly descending list of earlier patches. *)
Theorem all_deps_closure : forall (ps : list named) k st,
  nth_error (deps_states_from 0 ps []) k = Some st ->
  desc_list (d_all st) /\ (forall x, In x (d_all st) -> x < k) /\
  (forall x, In x (d_all st) <->
     exists d st_d, In d (d_direct st) /\ nth_error (deps_states_from 0 ps []) d = Some st_d /\
                    (x = d \/ In x (d_all st_d))).
Proof.
  intros ps k st H.
  set (allof := fun j => match nth_error (deps_states_from 0 ps []) j with
                         | Some s => d_all s | None => [] end).
  destruct (states_all ps 0 [] allof (fun j q allj (Hin : In (j, q, allj) []) => match Hin with end)
              (fun m st' Hm => ltac:(unfold allof; simpl; rewrite Hm; reflexivity)) k st H)
    as (S & B & Bd & C).
  split; [exact S|split; [exact B|]].
  intros x. rewrite C. split.
  - intros [d [Hd Hx]]. destruct (nth_error_exists (deps_states_from 0 ps []) d) as [sd Hsd].
    + apply nth_error_lt in H. specialize (Bd d Hd). lia.
    + exists d, sd. unfold allof in Hx. rewrite Hsd in Hx. auto.
  - intros [d [sd [Hd [Hsd Hx]]]]. exists d. split; auto. unfold allof. rewrite Hsd. exact Hx.
Qed.

(** A strictly descending list is determined by its elements. *)
Theorem desc_unique : forall l1 l2,
  desc_list l1 -> desc_list l2 -> (forall x, In x l1 <-> In x l2) -> l1 = l2.
Proof.
  induction l1 as [|a l1 IH]; intros l2 H1 H2 E.
  - destruct l2 as [|b l2]; auto. exfalso. apply (proj2 (E b)). left; auto.
  - destruct l2 as [|b l2]; [exfalso; apply (proj1 (E a)); left; auto|].
    apply StronglySorted_inv in H1 as [S1 F1]. apply StronglySorted_inv in H2 as [S2 F2].
    rewrite Forall_forall in F1, F2.
    assert (a = b).
    { destruct (proj1 (E a) (or_introl eq_refl)) as [<-|Ha]; auto.
      destruct (proj2 (E b) (or_introl eq_refl)) as [->|Hb]; auto.
      specialize (F2 a Ha). specialize (F1 b Hb). lia. }
    subst b. f_equal. apply IH; auto. intros x. split; intros Hx.
    + specialize (F1 x Hx). destruct (proj1 (E x) (or_intror Hx)) as [Ea|Hx']; auto. lia.
    + specialize (F2 x Hx). destruct (proj2 (E x) (or_intror Hx)) as [Ea|Hx']; auto. lia.
Qed.

End PruneLaws.
