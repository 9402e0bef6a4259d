(** * CommuteEffect: commuting keeps the effect.

    If [p;q] applies (strict semantics) and [commute p q = Some (q', p')],
    then [q';p'] applies to the same state with the same result, as long as
    neither [p] nor [q] is an empty hunk (darcs commutes empty hunks with
    everything, which breaks this law; see README) and every file of the
    state has at least one piece. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem CommuteLaws.
Import ListNotations.

Section Effect.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation fn := (@fn L N).
Notation entry := (entry L).

(** Every file has at least one piece. *)
Definition fn_ok (g : fn) : Prop := forall x c, g x = Some (EFile c) -> c <> [].

Lemma upd_same : forall (g : fn) x e, upd g x e x = e.
Proof. intros; unfold upd; rewrite path_eqb_refl; auto. Qed.

Lemma upd_other : forall (g : fn) x e z, x <> z -> upd g x e z = g z.
Proof. intros; unfold upd; rewrite path_eqb_neq; auto. Qed.

Lemma upd_upd_same : forall (g : fn) x e1 e2, feq (upd (upd g x e1) x e2) (upd g x e2).
Proof. intros g x e1 e2 z; unfold upd; destruct (path_eqb x z); auto. Qed.

Lemma upd_swap : forall (g : fn) x y e1 e2, x <> y ->
  feq (upd (upd g x e1) y e2) (upd (upd g y e2) x e1).
Proof.
  intros g x y e1 e2 H z; unfold upd.
  destruct (path_eqb x z) eqn:E1, (path_eqb y z) eqn:E2; auto.
  apply path_eqb_eq in E1, E2; subst; congruence.
Qed.

Lemma upd_feq : forall (g h : fn) x e, feq g h -> feq (upd g x e) (upd h x e).
Proof. intros g h x e H z; unfold upd; destruct (path_eqb x z); auto. Qed.

(** ** File and directory prims, seen locally *)

(** Add and remove prims check the parent and what is below. *)
Definition structural (p : prim) : bool :=
  match p with AddFile _ | RmFile _ | AddDir _ | RmDir _ => true | _ => false end.

(** The new entry at the prim's path, given the old one. *)
Definition loc (p : prim) (e : option entry) : option (option entry) :=
  match p with
  | Hunk _ _ _ _ | Replace _ _ _ _ | Binary _ _ _ =>
      match e with
      | Some (EFile c) =>
          match apply_fp p c with
          | Some (y :: r) => Some (Some (EFile (y :: r)))
          | _ => None
          end
      | _ => None
      end
  | AddFile _ => match e with None => Some (Some (EFile [empty_line])) | _ => None end
  | RmFile _ =>
      match e with
      | Some (EFile [x]) => if eq_dec x empty_line then Some None else None
      | _ => None
      end
  | AddDir _ => match e with None => Some (Some EDir) | _ => None end
  | RmDir _ => match e with Some EDir => Some None | _ => None end
  | _ => None
  end.

Lemma fresh_f_split : forall (g : fn) x, fresh_f g x <-> g x = None /\ nochild_f g x.
Proof.
  intros g x; unfold fresh_f, nochild_f; split.
  - intros H; split; [apply H, is_prefix_refl|intros; apply H; auto].
  - intros [H1 H2] z Hz. destruct (path_eqb z x) eqn:E.
    + apply path_eqb_eq in E; subst; auto.
    + apply H2; auto. intro; subst; rewrite path_eqb_refl in E; discriminate.
Qed.

Lemma fd_spre : forall (p : prim) x (g : fn), fd_path p = Some x ->
  (spre p g <-> loc p (g x) <> None /\
               (structural p = true -> x <> [] /\ nochild_f g x /\ isdir_f g (parent x))).
Proof.
  intros p x g Hx. destruct p; simpl in Hx; try discriminate; injection Hx as <-;
    cbn [spre loc structural fp_result fp_path].
  1,6,7: split;
    [ intros [c' [Hc Hn]]; split; [|discriminate];
      destruct (g f) as [[|c]|]; try discriminate; rewrite Hc;
      destruct c'; [congruence|discriminate]
    | intros [H _]; destruct (g f) as [[|c]|]; try congruence;
      destruct (apply_fp _ c) as [[|y r]|]; try congruence;
      eexists; split; [reflexivity|discriminate] ].
  - rewrite fresh_f_split. destruct (g f); split; intros; intuition discriminate.
  - destruct (g f) as [[|[|y [|z c]]]|]; split; intros; intuition try discriminate;
      try (destruct (eq_dec y empty_line); subst; intuition discriminate).
    destruct (eq_dec y empty_line); subst; auto; congruence.
  - rewrite fresh_f_split. destruct (g d); split; intros; intuition discriminate.
  - destruct (g d) as [[|c]|]; split; intros; intuition try discriminate; congruence.
Qed.

Lemma fd_spost : forall (p : prim) x (g : fn) e, fd_path p = Some x ->
  loc p (g x) = Some e -> feq (spost p g) (upd g x e).
Proof.
  intros p x g e Hx He. destruct p; simpl in Hx; try discriminate; injection Hx as <-;
    cbn [spost loc fp_result fp_path] in *.
  1,6,7: destruct (g f) as [[|c]|]; try discriminate;
         destruct (apply_fp _ c) as [[|y r]|]; try discriminate;
         injection He as <-; apply feq_refl.
  all: destruct (g _) as [[|[|y [|z c]]]|]; try discriminate; try (injection He as <-);
       try (destruct (eq_dec y empty_line); [injection He as <-|discriminate]); apply feq_refl.
Qed.

Definition is_dir_prim (p : prim) : bool := match kind_of p with KDir _ => true | _ => false end.

Ltac crush_loc H :=
  repeat match type of H with
  | match ?x with _ => _ end = _ => destruct x; try discriminate H
  | (if ?x then _ else _) = _ => destruct x; try discriminate H
  end.

Lemma loc_to_none : forall (p : prim) e, loc p e = Some None -> structural p = true /\ e <> None.
Proof.
  intros p e H. destruct p; simpl in H; try discriminate; crush_loc H;
    split; auto; discriminate.
Qed.

Lemma loc_to_dir : forall (p : prim) e, loc p e = Some (Some EDir) -> is_dir_prim p = true.
Proof.
  intros p e H. destruct p; simpl in H; try discriminate; crush_loc H; auto.
Qed.

Lemma loc_of_dir : forall (q : prim) e, loc q (Some EDir) = Some e -> is_dir_prim q = true.
Proof. intros q e H. destruct q; simpl in H; try discriminate; auto. Qed.

Lemma loc_of_none : forall (q : prim) e, loc q None = Some e -> structural q = true /\ e <> None.
Proof. intros q e H. destruct q; simpl in H; try discriminate; injection H as <-; split; auto; discriminate. Qed.

Lemma is_dir_prim_structural : forall p : prim, is_dir_prim p = true -> structural p = true.
Proof. destruct p; simpl; auto. Qed.

Lemma isdir_f_parent_nonroot : forall (g : fn) x, isdir_f g (parent x) -> parent x <> [] -> g (parent x) = Some EDir.
Proof. intros g x [H|H] Hn; [congruence|auto]. Qed.

Lemma below_parent : forall (y x : path), is_prefix y x = true -> y <> x -> is_prefix y (parent x) = true.
Proof. intros; apply prefix_parent; auto. Qed.

(** Two file or directory prims at different paths, where no directory prim
    is above the other path, are independent. *)
Lemma fd_swap : forall (p q : prim) x y (g : fn),
  fd_path p = Some x -> fd_path q = Some y -> x <> y ->
  (is_dir_prim p = true -> is_prefix x y = false) ->
  (is_dir_prim q = true -> is_prefix y x = false) ->
  spre p g -> spre q (spost p g) ->
  spre q g /\ spre p (spost q g) /\ feq (spost p (spost q g)) (spost q (spost p g)).
Proof.
  intros p q x y g Hx Hy Nxy SCp SCq Pp Pq.
  apply (fd_spre p x g Hx) in Pp as [Lp Sp].
  destruct (loc p (g x)) as [e1|] eqn:E1; [clear Lp|congruence].
  pose proof (fd_spost p x g e1 Hx E1) as F1.
  apply (spre_feq q _ _ F1) in Pq.
  apply (fd_spre q y _ Hy) in Pq as [Lq Sq].
  rewrite upd_other in Lq by auto.
  destruct (loc q (g y)) as [e2|] eqn:E2; [clear Lq|congruence].
  assert (Pq' : spre q g).
  { apply (fd_spre q y g Hy). rewrite E2. split; [discriminate|].
    intros Hs. destruct (Sq Hs) as (Hyn & Nc & Pd). split; [auto|split].
    - (* nothing below y *)
      intros z Hz Hzy. destruct (path_eqb x z) eqn:Exz.
      + apply path_eqb_eq in Exz; subst z. exfalso.
        assert (Hn1 : upd g x e1 x = None) by (apply Nc; auto).
        rewrite upd_same in Hn1. subst e1.
        destruct (loc_to_none p (g x) E1) as [Spx _].
        destruct (Sp Spx) as (Hxn & _ & Px).
        pose proof (below_parent y x Hz (not_eq_sym Hzy)) as Hyp.
        destruct (path_eqb (parent x) y) eqn:Epy.
        * apply path_eqb_eq in Epy. rewrite Epy in Px.
          destruct Px as [Px|Px]; [congruence|]. rewrite Px in E2.
          pose proof (loc_of_dir q e2 E2) as Hld. rewrite SCq in Hz; auto. discriminate.
        * destruct (parent x) as [|a b] eqn:Ep.
          -- apply Hyn, is_prefix_nil_r; auto.
          -- rewrite <- Ep in *. apply isdir_f_parent_nonroot in Px; [|rewrite Ep; discriminate].
             assert (Hupd : upd g x None (parent x) = None).
             { apply Nc; auto. intro E. rewrite E, path_eqb_refl in Epy. discriminate. }
             rewrite upd_other in Hupd by (intro E; apply (parent_neq x Hxn); auto). congruence.
      + rewrite <- (upd_other g x e1 z) by (apply path_eqb_false_neq; auto). apply Nc; auto.
    - (* the parent of y is a directory *)
      destruct (path_eqb x (parent y)) eqn:Exp.
      + apply path_eqb_eq in Exp. rewrite <- Exp in Pd |- *.
        destruct Pd as [Pd|Pd]; [left; auto|]. rewrite upd_same in Pd. subst e1.
        exfalso. pose proof (loc_to_dir p _ E1) as Hld.
        assert (Hxy : is_prefix x y = true) by (rewrite Exp; apply parent_prefix).
        rewrite SCp in Hxy; auto. discriminate.
      + destruct Pd as [Pd|Pd]; [left; auto|right].
        rewrite upd_other in Pd; auto. apply path_eqb_false_neq; auto. }
  pose proof (fd_spost q y g e2 Hy E2) as F2.
  split; [exact Pq'|].
  assert (Pp' : spre p (spost q g)).
  { apply (spre_feq p _ _ (feq_sym _ _ F2)). apply (fd_spre p x _ Hx).
    rewrite upd_other by auto. rewrite E1. split; [discriminate|].
    intros Hs. destruct (Sp Hs) as (Hxn & Nc & Pd). split; [auto|split].
    - intros z Hz Hzx. destruct (path_eqb y z) eqn:Eyz.
      + apply path_eqb_eq in Eyz; subst z. exfalso.
        assert (Hgy : g y = None) by (apply Nc; auto).
        rewrite Hgy in E2. destruct (loc_of_none q e2 E2) as [Sqs Hne].
        destruct (Sq Sqs) as (Hyn & _ & Py).
        destruct (path_eqb x (parent y)) eqn:Exp.
        * apply path_eqb_eq in Exp. rewrite <- Exp in Py.
          destruct Py as [Py|Py]; [congruence|]. rewrite upd_same in Py. subst e1.
          pose proof (loc_to_dir p _ E1) as Hld. rewrite SCp in Hz; auto. discriminate.
        * pose proof (below_parent x y Hz (not_eq_sym Hzx)) as Hxp.
          destruct (parent y) as [|a b] eqn:Ep.
          -- apply Hxn, is_prefix_nil_r; auto.
          -- rewrite <- Ep in *. apply isdir_f_parent_nonroot in Py; [|rewrite Ep; discriminate].
             rewrite upd_other in Py by (apply path_eqb_false_neq; auto).
             rewrite Nc in Py; [discriminate|auto|].
             intro E. rewrite E, path_eqb_refl in Exp. discriminate.
      + rewrite upd_other by (apply path_eqb_false_neq; auto). apply Nc; auto.
    - destruct (path_eqb y (parent x)) eqn:Eyp.
      + apply path_eqb_eq in Eyp. rewrite <- Eyp in *.
        destruct Pd as [Pd|Pd]; [left; auto|]. exfalso.
        rewrite Pd in E2. pose proof (loc_of_dir q e2 E2) as Hld.
        assert (Hyx : is_prefix y x = true) by (rewrite Eyp; apply parent_prefix).
        rewrite SCq in Hyx; auto. discriminate.
      + destruct Pd as [Pd|Pd]; [left; auto|right].
        rewrite upd_other; auto. apply path_eqb_false_neq; auto. }
  split; [exact Pp'|].
  (* the results *)
  assert (E1' : loc p (spost q g x) = Some e1) by (rewrite F2, upd_other; auto).
  eapply feq_trans; [apply (fd_spost p x _ e1 Hx E1')|].
  assert (E2' : loc q (spost p g y) = Some e2) by (rewrite F1, upd_other; auto).
  eapply feq_trans; [|apply feq_sym, (fd_spost q y _ e2 Hy E2')].
  eapply feq_trans; [apply upd_feq, F2|].
  eapply feq_trans; [|apply upd_feq, feq_sym, F1].
  apply feq_sym, upd_swap; auto.
Qed.

(** ** Two hunks on the same file *)

Ltac arith :=
  repeat (match goal with |- context [match length ?x with _ => _ end] =>
            let E := fresh "Elen" in destruct (length x) eqn:E end);
  simpl in *; lia.

Lemma app_split : forall (A B C D : list L),
  A ++ B = C ++ D -> length A <= length C -> exists M, C = A ++ M /\ B = M ++ D.
Proof.
  induction A as [|a A IH]; intros B C D H Hl; simpl in *.
  - exists C; auto.
  - destruct C as [|c C]; simpl in *; [lia|]. injection H as -> H.
    destruct (IH _ _ _ H ltac:(lia)) as [M [-> ->]]. exists M; auto.
Qed.

Lemma apply_hunk_spec : forall l (o n c c' : list L),
  apply_hunk l o n c = Some c' <->
  exists pre post, l = S (length pre) /\ c = pre ++ o ++ post /\ c' = pre ++ n ++ post.
Proof.
  intros [|k] o n c c'; simpl; split.
  - discriminate.
  - intros (pre & post & H & _); discriminate.
  - intro H. apply splice_spec in H as (pre & post & -> & Hl & ->). exists pre, post; subst; auto.
  - intros (pre & post & Hk & -> & ->). injection Hk as ->. apply splice_spec. eauto.
Qed.

Lemma hh_effect : forall l1 (o1 n1 : list L) l2 (o2 n2 : list L) l2' l1' (c c1 c2 : list L),
  apply_hunk l1 o1 n1 c = Some c1 -> apply_hunk l2 o2 n2 c1 = Some c2 ->
  commute_hunk_lines l1 (length o1) (length n1) l2 (length o2) (length n2) = Some (l2', l1') ->
  exists c1', apply_hunk l2' o2 n2 c = Some c1' /\ apply_hunk l1' o1 n1 c1' = Some c2 /\
              c1' <> [].
Proof.
  intros l1 o1 n1 l2 o2 n2 l2' l1' c c1 c2 H1 H2 H.
  apply apply_hunk_spec in H1 as (P & Q & -> & -> & ->).
  apply apply_hunk_spec in H2 as (P2 & Q2 & -> & E & ->).
  unfold commute_hunk_lines in H.
  destruct (Nat.ltb_spec (S (length P) + length n1) (S (length P2))) as [C1|C1].
  - (* p before q, with a gap *)
    injection H as <- <-. rewrite app_assoc in E.
    destruct (app_split _ _ _ _ E) as [M [-> ->]]; [rewrite app_length; lia|].
    rewrite !app_length in C1.
    exists (P ++ o1 ++ M ++ n2 ++ Q2). split; [|split].
    + apply apply_hunk_spec. exists (P ++ o1 ++ M), Q2. rewrite !app_length.
      split; [rewrite ?app_length; arith|]. rewrite <- !app_assoc. auto.
    + apply apply_hunk_spec. exists P, (M ++ n2 ++ Q2). rewrite <- !app_assoc. auto.
    + intro Hn. destruct M; [simpl in C1; lia|]. destruct P; [|discriminate].
      destruct o1; discriminate.
  - destruct (Nat.ltb_spec (S (length P2) + length o2) (S (length P))) as [C2|C2].
    + (* q before p, with a gap *)
      injection H as <- <-. symmetry in E. rewrite app_assoc in E.
      destruct (app_split _ _ _ _ E) as [M [-> ->]]; [rewrite app_length; lia|].
      rewrite !app_length in C2.
      exists (P2 ++ n2 ++ M ++ o1 ++ Q). split; [|split].
      * apply apply_hunk_spec. exists P2, (M ++ o1 ++ Q). rewrite <- !app_assoc. auto.
      * apply apply_hunk_spec. exists (P2 ++ n2 ++ M), Q. rewrite !app_length.
        split; [rewrite ?app_length; arith|]. rewrite <- !app_assoc. auto.
      * intro Hn. destruct M; [simpl in C2; lia|]. destruct P2; [|discriminate].
        destruct n2; discriminate.
    + destruct (length o2 =? 0) eqn:Z1; [simpl in H; discriminate|].
      destruct (length o1 =? 0) eqn:Z2; [simpl in H; discriminate|].
      destruct (length n2 =? 0) eqn:Z3; [simpl in H; discriminate|].
      destruct (length n1 =? 0) eqn:Z4; [simpl in H; discriminate|].
      apply Nat.eqb_neq in Z1, Z2, Z3, Z4. simpl in H.
      destruct (Nat.eqb_spec (length P + length n1) (length P2)) as [C3|C3].
      * (* adjacent, p before q *)
        simpl in H. injection H as <- <-. rewrite app_assoc in E.
        destruct (app_split _ _ _ _ E) as [M [-> ->]]; [rewrite app_length; lia|].
        rewrite !app_length in C3.
        exists (P ++ o1 ++ M ++ n2 ++ Q2). split; [|split].
        -- apply apply_hunk_spec. exists (P ++ o1 ++ M), Q2. rewrite !app_length.
           split; [rewrite ?app_length; arith|]. rewrite <- !app_assoc. auto.
        -- apply apply_hunk_spec. exists P, (M ++ n2 ++ Q2). rewrite <- !app_assoc. auto.
        -- intro Hn. destruct P; [|discriminate]. destruct o1; [simpl in Z2; lia|discriminate].
      * destruct (Nat.eqb_spec (length P2 + length o2) (length P)) as [C4|C4];
          [|discriminate].
        (* adjacent, q before p *)
        simpl in H. injection H as <- <-. symmetry in E. rewrite app_assoc in E.
        destruct (app_split _ _ _ _ E) as [M [-> ->]]; [rewrite app_length; lia|].
        rewrite !app_length in C4.
        exists (P2 ++ n2 ++ M ++ o1 ++ Q). split; [|split].
        -- apply apply_hunk_spec. exists P2, (M ++ o1 ++ Q). rewrite <- !app_assoc. auto.
        -- apply apply_hunk_spec. exists (P2 ++ n2 ++ M), Q. rewrite !app_length.
           split; [rewrite ?app_length; arith|]. rewrite <- !app_assoc. auto.
        -- intro Hn. destruct P2; [|discriminate]. destruct n2; [simpl in Z3; lia|discriminate].
Qed.

(** ** Token replace and hunks on the same file *)

Lemma replace_lines_app : forall cl a b (x y : list L),
  replace_lines cl a b (x ++ y) =
  match replace_lines cl a b x, replace_lines cl a b y with
  | Some x', Some y' => Some (x' ++ y')
  | _, _ => None
  end.
Proof.
  intros cl a b x y. induction x as [|l x IH]; simpl.
  - destruct (replace_lines cl a b y); auto.
  - rewrite IH. destruct (tok_replace cl a b (line_bytes l)); auto.
    destruct (replace_lines cl a b x), (replace_lines cl a b y); auto.
Qed.

Lemma replace_lines_app_inv : forall cl a b (x y z : list L),
  replace_lines cl a b (x ++ y) = Some z ->
  exists x' y', replace_lines cl a b x = Some x' /\ replace_lines cl a b y = Some y' /\ z = x' ++ y'.
Proof.
  intros cl a b x y z H. rewrite replace_lines_app in H.
  destruct (replace_lines cl a b x) as [x'|], (replace_lines cl a b y) as [y'|]; try discriminate.
  injection H as <-. eauto.
Qed.

Lemma tok_lines_replace : forall t a b (x x' : list L),
  replace_ok (parse_class t) a b = true -> tok_lines t a b x = Some x' ->
  replace_lines (parse_class t) a b x = Some x'.
Proof.
  intros t a b x x' Hok H. unfold tok_lines in H.
  destruct (tok_args_ok (parse_class t) a b); [auto|discriminate].
Qed.

Lemma hr_effect : forall l (o n c c1 c2 o' n' : list L) t a b,
  replace_ok (parse_class t) a b = true ->
  apply_hunk l o n c = Some c1 -> replace_lines (parse_class t) a b c1 = Some c2 ->
  tok_lines t a b o = Some o' -> tok_lines t a b n = Some n' -> c <> [] ->
  exists c1', replace_lines (parse_class t) a b c = Some c1' /\
              apply_hunk l o' n' c1' = Some c2 /\ c1' <> [].
Proof.
  intros l o n c c1 c2 o' n' t a b Hok H1 H2 Ho Hn Hc.
  apply (tok_lines_replace t a b) in Ho, Hn; auto.
  apply apply_hunk_spec in H1 as (P & Q & -> & -> & ->).
  apply replace_lines_app_inv in H2 as (P' & nQ & HP & HnQ & ->).
  apply replace_lines_app_inv in HnQ as (n2 & Q' & Hn2 & HQ & ->).
  rewrite Hn in Hn2. injection Hn2 as <-.
  exists (P' ++ o' ++ Q'). split; [|split].
  - rewrite !replace_lines_app, HP, Ho, HQ. auto.
  - apply apply_hunk_spec. exists P', Q'. split; auto.
    rewrite (replace_lines_length _ _ _ _ _ HP). auto.
  - intro E. apply (f_equal (@length _)) in E. rewrite !app_length in E.
    rewrite (replace_lines_length _ _ _ _ _ HP), (replace_lines_length _ _ _ _ _ Ho),
      (replace_lines_length _ _ _ _ _ HQ) in E.
    apply Hc. destruct P, o, Q; simpl in *; auto; lia.
Qed.

Lemma rh_effect : forall l (o n c c1 c2 o' n' : list L) t a b,
  replace_ok (parse_class t) a b = true ->
  replace_lines (parse_class t) a b c = Some c1 -> apply_hunk l o n c1 = Some c2 ->
  tok_lines t b a o = Some o' -> tok_lines t b a n = Some n' -> c2 <> [] ->
  exists c1', apply_hunk l o' n' c = Some c1' /\
              replace_lines (parse_class t) a b c1' = Some c2 /\ c1' <> [].
Proof.
  intros l o n c c1 c2 o' n' t a b Hok H1 H2 Ho Hn Hc.
  assert (Hok' : replace_ok (parse_class t) b a = true) by (rewrite replace_ok_sym; auto).
  apply (tok_lines_replace t b a) in Ho, Hn; auto.
  apply replace_lines_inv in H1; auto.
  apply apply_hunk_spec in H2 as (P & Q & -> & -> & ->).
  apply replace_lines_app_inv in H1 as (P0 & oQ & HP & HoQ & ->).
  apply replace_lines_app_inv in HoQ as (o2 & Q0 & Ho2 & HQ & ->).
  rewrite Ho in Ho2. injection Ho2 as <-.
  exists (P0 ++ n' ++ Q0). split; [|split].
  - apply apply_hunk_spec. exists P0, Q0. split; auto.
    rewrite (replace_lines_length _ _ _ _ _ HP). auto.
  - rewrite !replace_lines_app.
    rewrite (replace_lines_inv _ _ _ _ _ Hok' HP), (replace_lines_inv _ _ _ _ _ Hok' Hn),
      (replace_lines_inv _ _ _ _ _ Hok' HQ). auto.
  - intro E. apply (f_equal (@length _)) in E. rewrite !app_length in E.
    rewrite (replace_lines_length _ _ _ _ _ HP), (replace_lines_length _ _ _ _ _ Hn),
      (replace_lines_length _ _ _ _ _ HQ) in E.
    apply Hc. destruct P, n, Q; simpl in *; auto; lia.
Qed.

(** Two replaces with the same token class and four different tokens. *)
Lemma rc_swap : forall (a1 b1 a2 b2 : bytes) cs cs1 cs2,
  a1 <> a2 -> b1 <> a2 -> a1 <> b2 -> b1 <> b2 ->
  replace_chunks a1 b1 cs = Some cs1 -> replace_chunks a2 b2 cs1 = Some cs2 ->
  exists cs1', replace_chunks a2 b2 cs = Some cs1' /\ replace_chunks a1 b1 cs1' = Some cs2.
Proof.
  intros a1 b1 a2 b2 cs. induction cs as [|c cs IH]; intros cs1 cs2 N1 N2 N3 N4 H1 H2.
  - simpl in H1. injection H1 as <-. simpl in H2. injection H2 as <-. exists []; auto.
  - simpl in H1. destruct (replace_chunks a1 b1 cs) as [r1|] eqn:R1; [|destruct c; discriminate].
    destruct c as [w|bt].
    + unfold bytes_eqb in *.
      destruct (list_eq_dec Byte.byte_eq_dec w a1) as [->|Wa1].
      * injection H1 as <-. simpl in H2.
        destruct (replace_chunks a2 b2 r1) as [r2|] eqn:R2; [|discriminate].
        destruct (IH _ _ N1 N2 N3 N4 eq_refl R2) as [r1' [E1 E2]].
        unfold bytes_eqb in H2.
        destruct (list_eq_dec Byte.byte_eq_dec b1 a2); [congruence|].
        destruct (list_eq_dec Byte.byte_eq_dec b1 b2); [congruence|]. injection H2 as <-.
        exists (Tok a1 :: r1'). simpl. rewrite E1. unfold bytes_eqb.
        destruct (list_eq_dec Byte.byte_eq_dec a1 a2); [congruence|].
        destruct (list_eq_dec Byte.byte_eq_dec a1 b2); [congruence|]. split; auto.
        simpl. rewrite E2. unfold bytes_eqb. destruct (list_eq_dec Byte.byte_eq_dec a1 a1); congruence.
      * destruct (list_eq_dec Byte.byte_eq_dec w b1); [discriminate|]. injection H1 as <-.
        simpl in H2. destruct (replace_chunks a2 b2 r1) as [r2|] eqn:R2; [|discriminate].
        destruct (IH _ _ N1 N2 N3 N4 eq_refl R2) as [r1' [E1 E2]].
        unfold bytes_eqb in H2.
        destruct (list_eq_dec Byte.byte_eq_dec w a2) as [->|Wa2].
        -- injection H2 as <-. exists (Tok b2 :: r1'). simpl. rewrite E1. unfold bytes_eqb.
           destruct (list_eq_dec Byte.byte_eq_dec a2 a2); [|congruence]. split; auto.
           simpl. rewrite E2. unfold bytes_eqb.
           destruct (list_eq_dec Byte.byte_eq_dec b2 a1); [congruence|].
           destruct (list_eq_dec Byte.byte_eq_dec b2 b1); [congruence|]. auto.
        -- destruct (list_eq_dec Byte.byte_eq_dec w b2); [discriminate|]. injection H2 as <-.
           exists (Tok w :: r1'). simpl. rewrite E1. unfold bytes_eqb.
           destruct (list_eq_dec Byte.byte_eq_dec w a2); [congruence|].
           destruct (list_eq_dec Byte.byte_eq_dec w b2); [congruence|]. split; auto.
           simpl. rewrite E2. unfold bytes_eqb.
           destruct (list_eq_dec Byte.byte_eq_dec w a1); [congruence|].
           destruct (list_eq_dec Byte.byte_eq_dec w b1); [congruence|]. auto.
    + injection H1 as <-. simpl in H2.
      destruct (replace_chunks a2 b2 r1) as [r2|] eqn:R2; [|discriminate]. injection H2 as <-.
      destruct (IH _ _ N1 N2 N3 N4 eq_refl R2) as [r1' [E1 E2]].
      exists (Sep bt :: r1'). simpl. rewrite E1, E2. auto.
Qed.

Lemma tok_replace_swap : forall cl (a1 b1 a2 b2 bs bs1 bs2 : bytes),
  a1 <> a2 -> b1 <> a2 -> a1 <> b2 -> b1 <> b2 ->
  replace_ok cl a1 b1 = true -> replace_ok cl a2 b2 = true ->
  tok_replace cl a1 b1 bs = Some bs1 -> tok_replace cl a2 b2 bs1 = Some bs2 ->
  exists bs1', tok_replace cl a2 b2 bs = Some bs1' /\ tok_replace cl a1 b1 bs1' = Some bs2.
Proof.
  intros cl a1 b1 a2 b2 bs bs1 bs2 N1 N2 N3 N4 Ok1 Ok2 H1 H2. unfold tok_replace in *.
  destruct (lex cl bs []) as [cs|] eqn:L0; [|discriminate].
  destruct (replace_chunks a1 b1 cs) as [cs1|] eqn:R1; [|discriminate]. injection H1 as <-.
  destruct (lex_spec cl bs [] cs eq_refl L0) as [Hf [Hw _]].
  destruct (replace_ok_new _ _ _ Ok1) as [Hn1 Ht1]. destruct (replace_ok_new _ _ _ Ok2) as [Hn2 Ht2].
  rewrite lex_flatten in H2 by (apply (replace_chunks_wf cl a1 b1 cs cs1); auto).
  destruct (replace_chunks a2 b2 cs1) as [cs2|] eqn:R2; [|discriminate]. injection H2 as <-.
  destruct (rc_swap _ _ _ _ _ _ _ N1 N2 N3 N4 R1 R2) as [cs1' [E1 E2]].
  exists (flatten cs1'). rewrite E1. split; auto.
  rewrite lex_flatten by (apply (replace_chunks_wf cl a2 b2 cs cs1'); auto). rewrite E2. auto.
Qed.

Lemma rr_effect : forall cl (a1 b1 a2 b2 : bytes) (c c1 c2 : list L),
  a1 <> a2 -> b1 <> a2 -> a1 <> b2 -> b1 <> b2 ->
  replace_ok cl a1 b1 = true -> replace_ok cl a2 b2 = true ->
  replace_lines cl a1 b1 c = Some c1 -> replace_lines cl a2 b2 c1 = Some c2 ->
  exists c1', replace_lines cl a2 b2 c = Some c1' /\ replace_lines cl a1 b1 c1' = Some c2.
Proof.
  intros cl a1 b1 a2 b2 c. induction c as [|l c IH]; intros c1 c2 N1 N2 N3 N4 Ok1 Ok2 H1 H2.
  - simpl in H1. injection H1 as <-. simpl in H2. injection H2 as <-. exists []; auto.
  - simpl in H1.
    destruct (tok_replace cl a1 b1 (line_bytes l)) as [bs1|] eqn:T1; [|discriminate].
    destruct (replace_lines cl a1 b1 c) as [r1|] eqn:R1; [|discriminate]. injection H1 as <-.
    simpl in H2. rewrite line_bytes_of in H2.
    destruct (tok_replace cl a2 b2 bs1) as [bs2|] eqn:T2; [|discriminate].
    destruct (replace_lines cl a2 b2 r1) as [r2|] eqn:R2; [|discriminate]. injection H2 as <-.
    destruct (tok_replace_swap _ _ _ _ _ _ _ _ N1 N2 N3 N4 Ok1 Ok2 T1 T2) as [bs1' [E1 E2]].
    destruct (IH _ _ N1 N2 N3 N4 Ok1 Ok2 eq_refl R2) as [r1' [F1 F2]].
    exists (line_of_bytes bs1' :: r1'). simpl. rewrite E1, F1. split; auto.
    simpl. rewrite line_bytes_of, E2, F2. auto.
Qed.

(** ** A file or directory prim and a move *)

Lemma ren_feq : forall (g h : fn) a b, feq g h -> feq (ren g a b) (ren h a b).
Proof. intros g h a b H z; unfold ren; destruct (strip_prefix b z); [apply H|]. destruct (is_prefix a z); auto. Qed.

Lemma ren_upd : forall (g : fn) x e d d', is_prefix d' x = false ->
  feq (ren (upd g x e) d d') (upd (ren g d d') (move_path d d' x) e).
Proof.
  intros g x e d d' Hx z. unfold ren, upd.
  destruct (path_eqb (move_path d d' x) z) eqn:Ez.
  - apply path_eqb_eq in Ez; subst z. destruct (is_prefix d x) eqn:Dx.
    + apply is_prefix_true in Dx as [r ->]. rewrite move_path_prefix, strip_prefix_app, path_eqb_refl. auto.
    + rewrite move_path_not_prefix, strip_prefix_none, Dx, path_eqb_refl; auto.
  - destruct (strip_prefix d' z) as [r|] eqn:Sz.
    + apply strip_prefix_some in Sz; subst z. rewrite path_eqb_neq; auto.
      intro E; subst x. rewrite move_path_prefix, path_eqb_refl in Ez. discriminate.
    + destruct (is_prefix d z) eqn:Dz; auto. rewrite path_eqb_neq; auto.
      intro E; subst z. rewrite move_path_not_prefix, path_eqb_refl in Ez; auto. discriminate.
Qed.

Lemma ren_at : forall (g : fn) d d' x, is_prefix d' x = false ->
  ren g d d' (move_path d d' x) = g x.
Proof.
  intros g d d' x Hx. unfold ren. destruct (is_prefix d x) eqn:Dx.
  - apply is_prefix_true in Dx as [r ->]. rewrite move_path_prefix, strip_prefix_app. auto.
  - rewrite move_path_not_prefix, strip_prefix_none, Dx; auto.
Qed.

Lemma ren_at_back : forall (g : fn) d d' y, is_prefix d y = false ->
  ren g d d' y = g (move_path d' d y).
Proof.
  intros g d d' y Hy. unfold ren. destruct (strip_prefix d' y) as [r|] eqn:Sy.
  - apply strip_prefix_some in Sy; subst y. rewrite move_path_prefix. auto.
  - rewrite Hy, move_path_not_prefix; auto. rewrite is_prefix_strip, Sy. auto.
Qed.

Lemma loc_relocate : forall (p : prim) x e, loc (relocate p x) e = loc p e.
Proof. destruct p; reflexivity. Qed.

Lemma structural_relocate : forall (p : prim) x, structural (relocate p x) = structural p.
Proof. destruct p; reflexivity. Qed.

Lemma is_dir_prim_relocate : forall (p : prim) x, is_dir_prim (relocate p x) = is_dir_prim p.
Proof. destruct p; reflexivity. Qed.

Lemma fd_path_relocate : forall (p : prim) x y, fd_path p = Some x -> fd_path (relocate p y) = Some y.
Proof. destruct p; simpl; intros; try discriminate; auto. Qed.

Lemma parent_app_nonnil : forall (a r : path), r <> [] -> parent (a ++ r) = a ++ parent r.
Proof.
  intros a r H. destruct (exists_last H) as [r' [z ->]].
  rewrite app_assoc, !parent_app. auto.
Qed.

Lemma prefix_of_parent : forall (a x : path), is_prefix a (parent x) = true -> is_prefix a x = true.
Proof. intros. eapply is_prefix_trans; eauto using parent_prefix. Qed.

Lemma strict_below_parent_dir : forall (g : fn) y d,
  nochild_f g y -> g (parent d) = Some EDir -> is_prefix y (parent d) = true ->
  parent d = y.
Proof.
  intros g y d Nc Hd Hy. destruct (path_eqb (parent d) y) eqn:E.
  - apply path_eqb_eq; auto.
  - rewrite Nc in Hd; [discriminate|auto|]. apply path_eqb_false_neq; auto.
Qed.

(** The conditions the rules guarantee for a file or directory prim at [x]
    before a move of [d] to [d']. *)
Definition fm_cond (p : prim) (x d d' : path) : Prop :=
  x <> d' /\ (structural p = true -> x <> d) /\
  (is_dir_prim p = true -> is_superdir x d = false /\ is_superdir x d' = false) /\
  is_prefix d' x = false.

Lemma superdir_parent : forall x : path, x <> [] -> is_superdir (parent x) x = true.
Proof.
  intros x Hx. unfold is_superdir. rewrite parent_prefix. simpl.
  rewrite path_eqb_neq; auto. apply parent_neq; auto.
Qed.

Lemma fm_effect : forall (p : prim) x d d' (g : fn),
  fd_path p = Some x -> fm_cond p x d d' ->
  spre p g -> spre (Move d d') (spost p g) ->
  let p' := relocate p (move_path d d' x) in
  spre (Move d d') g /\ spre p' (spost (Move d d') g) /\
  feq (spost p' (spost (Move d d') g)) (spost (Move d d') (spost p g)).
Proof.
  intros p x d d' g Hx (Hxd' & Hsd & Hdir & Hd'x) Pp Pq p'.
  apply (fd_spre p x g Hx) in Pp as [Lp Sp].
  destruct (loc p (g x)) as [e1|] eqn:E1; [clear Lp|congruence].
  pose proof (fd_spost p x g e1 Hx E1) as F1.
  pose proof (spre_feq _ _ _ F1 Pq) as Pq'.
  pose proof (spre_move _ _ _ Pq') as (Hd & Hd' & Hdd' & Hd'd).
  destruct Pq' as (_ & _ & Gd & Fd' & Pd & Pd' & _).
  (* the move applies before p *)
  assert (Pm : spre (Move d d') g).
  { split; [auto|split; [auto|split; [|split; [|split; [|split]]]]]; auto.
    - destruct (path_eqb x d) eqn:Exd.
      + apply path_eqb_eq in Exd; subst x.
        destruct (structural p) eqn:St; [exfalso; apply (Hsd eq_refl); auto|].
        destruct p; simpl in St, Hx; try discriminate; injection Hx as <-; simpl in E1;
          destruct (g f); try discriminate; congruence.
      + rewrite upd_other in Gd; auto. apply path_eqb_false_neq; auto.
    - intros z Hz. destruct (path_eqb x z) eqn:Exz.
      + apply path_eqb_eq in Exz; subst z. congruence.
      + rewrite <- (upd_other g x e1 z) by (apply path_eqb_false_neq; auto). apply Fd'; auto.
    - destruct (path_eqb x (parent d)) eqn:Exp.
      + apply path_eqb_eq in Exp. rewrite <- Exp in *.
        destruct Pd as [Pd|Pd]; [left; auto|]. rewrite upd_same in Pd. subst e1. exfalso.
        destruct (Hdir (loc_to_dir p _ E1)) as [S1 _]. rewrite Exp, superdir_parent in S1; auto.
        discriminate.
      + destruct Pd as [Pd|Pd]; [left; auto|right]. rewrite upd_other in Pd; auto.
        apply path_eqb_false_neq; auto.
    - destruct (path_eqb x (parent d')) eqn:Exp.
      + apply path_eqb_eq in Exp. rewrite <- Exp in *.
        destruct Pd' as [Pd'|Pd']; [left; auto|]. rewrite upd_same in Pd'. subst e1. exfalso.
        destruct (Hdir (loc_to_dir p _ E1)) as [_ S2]. rewrite Exp, superdir_parent in S2; auto.
        discriminate.
      + destruct Pd' as [Pd'|Pd']; [left; auto|right]. rewrite upd_other in Pd'; auto.
        apply path_eqb_false_neq; auto. }
  split; [exact Pm|].
  assert (Hx' : fd_path p' = Some (move_path d d' x)) by (eapply fd_path_relocate; eauto).
  assert (E1' : loc p' (spost (Move d d') g (move_path d d' x)) = Some e1).
  { unfold p'. rewrite loc_relocate. simpl. rewrite ren_at; auto. }
  split.
  - apply (fd_spre p' _ _ Hx'). rewrite E1'. split; [discriminate|].
    unfold p'. rewrite structural_relocate. intros St.
    destruct (Sp St) as (Hxn & Nc & Px). pose proof (Hsd St) as Hxd.
    destruct (is_prefix d x) eqn:Dx.
    + apply is_prefix_true in Dx as [r ->].
      assert (r <> []) by (intro; subst; apply Hxd; apply app_nil_r).
      rewrite move_path_prefix. split; [|split].
      * destruct d'; [congruence|discriminate].
      * intros z Hz Hzn. apply is_prefix_true in Hz as [u ->]. simpl. unfold ren.
        rewrite <- app_assoc, strip_prefix_app, app_assoc. apply Nc.
        -- apply is_prefix_app.
        -- intro E. apply Hzn. rewrite <- app_assoc in E |- *. apply app_inv_head in E.
           apply app_eq_self in E. subst. rewrite !app_nil_r. auto.
      * rewrite parent_app_nonnil by auto. simpl. right. unfold ren.
        rewrite strip_prefix_app. rewrite <- parent_app_nonnil by auto.
        destruct Px as [Px|Px]; auto. exfalso. rewrite parent_app_nonnil in Px by auto.
        destruct d; [congruence|discriminate].
    + rewrite move_path_not_prefix by auto. split; [auto|split].
      * intros z Hz Hzn. simpl. unfold ren.
        destruct (strip_prefix d' z) as [r|] eqn:Sz.
        -- apply strip_prefix_some in Sz; subst z. exfalso.
           destruct (is_prefix_comparable x d' (d' ++ r) Hz (is_prefix_app _ _)) as [C|C];
             [|congruence].
           (* d' strictly below x: the move's target parent lies below x *)
           assert (Hpd : is_prefix x (parent d') = true) by (apply prefix_parent; auto).
           destruct (is_dir_prim p) eqn:Dp.
           ++ destruct (Hdir eq_refl) as [_ S2]. unfold is_superdir in S2.
              rewrite C, path_eqb_neq in S2 by auto. discriminate.
           ++ destruct Pd' as [Pd'|Pd'].
              ** rewrite Pd' in Hpd. apply is_prefix_nil_r in Hpd. congruence.
              ** destruct (path_eqb x (parent d')) eqn:Exp.
                 --- apply path_eqb_eq in Exp. rewrite <- Exp, upd_same in Pd'. subst e1.
                     rewrite (loc_to_dir p _ E1) in Dp. discriminate.
                 --- rewrite upd_other in Pd' by (apply path_eqb_false_neq; auto).
                     rewrite Nc in Pd'; [discriminate|auto|].
                     intro E. rewrite E, path_eqb_refl in Exp. discriminate.
        -- destruct (is_prefix d z); auto.
      * destruct Px as [Px|Px]; [left; auto|right]. simpl. rewrite ren_other; auto.
        -- destruct (is_prefix d' (parent x)) eqn:E; auto. rewrite <- Hd'x.
           symmetry; apply prefix_of_parent; auto.
        -- destruct (is_prefix d (parent x)) eqn:E; auto. rewrite <- Dx.
           symmetry; apply prefix_of_parent; auto.
  - eapply feq_trans; [apply (fd_spost p' _ _ e1 Hx' E1')|].
    eapply feq_trans; [|apply ren_feq, feq_sym, F1]. simpl.
    apply feq_sym, ren_upd; auto.
Qed.

Lemma loc_content : forall (q : prim) e e2, structural q = false -> loc q e = Some e2 -> e2 <> None.
Proof.
  intros q e e2 Hs H. destruct q; simpl in Hs; try discriminate; simpl in H; try discriminate;
    crush_loc H; injection H as <-; discriminate.
Qed.

Lemma incomparable_app : forall (a b r : path),
  is_prefix a b = false -> is_prefix b a = false -> is_prefix b (a ++ r) = false.
Proof.
  intros a b r H1 H2. destruct (is_prefix b (a ++ r)) eqn:E; auto.
  destruct (is_prefix_comparable b a (a ++ r) E (is_prefix_app _ _)); congruence.
Qed.

(** The conditions the rules guarantee for a file or directory prim at [y]
    after a move of [d] to [d']. *)
Definition mf_cond (q : prim) (y d d' : path) : Prop :=
  y <> d /\ (structural q = true -> y <> d') /\
  (is_dir_prim q = true -> is_superdir y d = false /\ is_superdir y d' = false) /\
  is_prefix d y = false.

Lemma mf_effect : forall (q : prim) y d d' (g : fn),
  fd_path q = Some y -> mf_cond q y d d' ->
  spre (Move d d') g -> spre q (spost (Move d d') g) ->
  let q' := relocate q (move_path d' d y) in
  spre q' g /\ spre (Move d d') (spost q' g) /\
  feq (spost (Move d d') (spost q' g)) (spost q (spost (Move d d') g)).
Proof.
  intros q y d d' g Hy (Hyd & Hsd' & Hdir & Hdy) Pm Pq q'.
  pose proof (spre_move _ _ _ Pm) as (Hd & Hd' & Hdd' & Hd'd).
  destruct (ren_facts g d d' Pm) as [Fd1 Gd'1].
  pose proof Pm as (_ & _ & Gd & Fd' & Pd & Pd' & _).
  simpl in Pq. apply (fd_spre q y _ Hy) in Pq as [Lq Sq].
  rewrite ren_at_back in Lq by auto.
  destruct (loc q (g (move_path d' d y))) as [e2|] eqn:E2; [clear Lq|congruence].
  set (y0 := move_path d' d y) in *.
  assert (Hy0 : fd_path q' = Some y0) by (eapply fd_path_relocate; eauto).
  assert (Hd'y0 : is_prefix d' y0 = false).
  { unfold y0. destruct (is_prefix d' y) eqn:D'y.
    - apply is_prefix_true in D'y as [r ->]. rewrite move_path_prefix.
      apply incomparable_app; auto.
    - rewrite move_path_not_prefix; auto. }
  assert (Py0 : spre q' g).
  { apply (fd_spre q' y0 g Hy0). unfold q'. rewrite loc_relocate, E2. split; [discriminate|].
    rewrite structural_relocate. intros St. destruct (Sq St) as (Hyn & Nc & Py).
    pose proof (Hsd' St) as Hyd'.
    destruct (is_prefix d' y) eqn:D'y.
    - apply is_prefix_true in D'y as [r ->].
      assert (r <> []) by (intro; subst; apply Hyd'; apply app_nil_r).
      unfold y0. rewrite move_path_prefix. split; [|split].
      + destruct d; [congruence|discriminate].
      + intros z Hz Hzn. apply is_prefix_true in Hz as [u ->].
        assert (Hren : ren g d d' ((d' ++ r) ++ u) = None).
        { apply Nc; [apply is_prefix_app|]. intro E. apply Hzn.
          rewrite <- !app_assoc in E |- *. apply app_inv_head in E. apply app_eq_self in E.
          subst. rewrite !app_nil_r. auto. }
        unfold ren in Hren. rewrite <- app_assoc, strip_prefix_app, app_assoc in Hren. exact Hren.
      + rewrite parent_app_nonnil by auto. right.
        destruct Py as [Py|Py].
        * exfalso. rewrite parent_app_nonnil in Py by auto. destruct d'; [congruence|discriminate].
        * rewrite parent_app_nonnil in Py by auto. unfold ren in Py.
          rewrite strip_prefix_app in Py. exact Py.
    - unfold y0. rewrite move_path_not_prefix by auto. split; [auto|split].
      + intros z Hz Hzn.
        destruct (is_prefix d' z) eqn:D'z.
        * exfalso. destruct (is_prefix_comparable y d' z Hz D'z) as [C|C]; [|congruence].
          assert (Hne : y <> d') by auto.
          assert (ren g d d' d' = None) by (apply Nc; auto).
          congruence.
        * destruct (is_prefix d z) eqn:Dz.
          -- exfalso. destruct (is_prefix_comparable y d z Hz Dz) as [C|C]; [|congruence].
             assert (Hpd : is_prefix y (parent d) = true) by (apply prefix_parent; auto).
             destruct Pd as [Pd|Pd].
             ++ rewrite Pd in Hpd. apply is_prefix_nil_r in Hpd. congruence.
             ++ assert (Hr : ren g d d' (parent d) = Some EDir).
                { rewrite ren_other; auto.
                  - destruct (is_prefix d' (parent d)) eqn:E; auto. rewrite <- Hd'd.
                    symmetry; apply prefix_of_parent; auto.
                  - apply is_prefix_parent_self; auto. }
                destruct (path_eqb (parent d) y) eqn:Epy.
                ** apply path_eqb_eq in Epy. rewrite Epy in Hr.
                   rewrite ren_at_back in Hr by auto. fold y0 in Hr.
                   unfold y0 in Hr. rewrite move_path_not_prefix in Hr by auto.
                   unfold y0 in E2. rewrite move_path_not_prefix in E2 by auto.
                   rewrite Hr in E2. pose proof (loc_of_dir q e2 E2) as Dq.
                   destruct (Hdir Dq) as [S1 _]. rewrite <- Epy, superdir_parent in S1 by auto.
                   discriminate.
                ** rewrite Nc in Hr; [discriminate|auto|]. apply path_eqb_false_neq; auto.
          -- rewrite <- (ren_other g d d' z) by auto. apply Nc; auto.
      + destruct Py as [Py|Py]; [left; auto|right].
        rewrite ren_other in Py; auto.
        * destruct (is_prefix d' (parent y)) eqn:E; auto. rewrite <- D'y.
          symmetry; apply prefix_of_parent; auto.
        * destruct (is_prefix d (parent y)) eqn:E; auto. rewrite <- Hdy.
          symmetry; apply prefix_of_parent; auto. }
  split; [exact Py0|].
  assert (E2' : loc q' (g y0) = Some e2) by (unfold q'; rewrite loc_relocate; auto).
  pose proof (fd_spost q' y0 g e2 Hy0 E2') as F2.
  assert (Hy0d : y0 = d -> structural q = false).
  { intros E. destruct (structural q) eqn:St; auto. exfalso.
    unfold y0 in E. destruct (is_prefix d' y) eqn:D'y.
    - apply is_prefix_true in D'y as [r ->]. rewrite move_path_prefix in E.
      apply app_eq_self in E. subst. exact (Hsd' eq_refl (app_nil_r d')).
    - rewrite move_path_not_prefix in E by auto. congruence. }
  (* the parent of the move's source or target stays a directory *)
  assert (Hpar : forall w, w <> [] -> (is_dir_prim q = true -> is_superdir y w = false) ->
                   (y0 = parent w -> is_prefix d' y = true -> False) ->
                   isdir_f g (parent w) -> isdir_f (upd g y0 e2) (parent w)).
  { intros w Hw Hsup Hyw Pw. destruct Pw as [Pw|Pw]; [left; auto|].
    destruct (path_eqb y0 (parent w)) eqn:Ey.
    - exfalso. apply path_eqb_eq in Ey.
      destruct (is_prefix d' y) eqn:D'y; [apply Hyw; auto|].
      assert (Ey' : y = parent w) by (unfold y0 in Ey; rewrite move_path_not_prefix in Ey; auto).
      rewrite Ey, Pw in E2. pose proof (loc_of_dir q e2 E2) as Dq.
      specialize (Hsup Dq). rewrite Ey', superdir_parent in Hsup by auto. discriminate.
    - right. rewrite upd_other; auto. apply path_eqb_false_neq; auto. }
  assert (Pm2 : spre (Move d d') (spost q' g)).
  { apply (spre_feq _ _ _ (feq_sym _ _ F2)).
    split; [auto|split; [auto|split; [|split; [|split; [|split]]]]].
    - destruct (path_eqb y0 d) eqn:Ey.
      + apply path_eqb_eq in Ey. rewrite Ey, upd_same.
        apply (loc_content q (g y0) e2); auto.
      + rewrite upd_other; auto. apply path_eqb_false_neq; auto.
    - intros z Hz. destruct (path_eqb y0 z) eqn:Ey.
      + apply path_eqb_eq in Ey; subst z. congruence.
      + rewrite upd_other; [apply Fd'; auto|]. apply path_eqb_false_neq; auto.
    - apply Hpar; auto.
      + intros Dq. apply (Hdir Dq).
      + intros Ey D'y. apply is_prefix_true in D'y as [r Er].
        unfold y0 in Ey. rewrite Er, move_path_prefix in Ey.
        assert (Hdp : is_prefix d (parent d) = true) by (rewrite <- Ey; apply is_prefix_app).
        rewrite is_prefix_parent_self in Hdp; auto. discriminate.
    - apply Hpar; auto.
      + intros Dq. apply (Hdir Dq).
      + intros Ey D'y. apply is_prefix_true in D'y as [r Er].
        unfold y0 in Ey. rewrite Er, move_path_prefix in Ey.
        assert (is_prefix d d' = true).
        { apply prefix_of_parent. rewrite <- Ey. apply is_prefix_app. }
        congruence.
    - auto. }
  split; [exact Pm2|].
  (* the results *)
  eapply feq_trans; [apply ren_feq, F2|]. simpl.
  eapply feq_trans; [apply ren_upd; auto|].
  assert (My : move_path d d' y0 = y) by (unfold y0; apply move_path_inv;
    destruct (is_prefix d' y); auto).
  rewrite My.
  assert (E2'' : loc q (ren g d d' y) = Some e2) by (rewrite ren_at_back; auto).
  apply feq_sym, (fd_spost q y _ e2 Hy E2'').
Qed.


(** ** Commuting keeps the effect, semantically *)

Definition nonempty_hunk (p : prim) : Prop :=
  match p with Hunk _ _ [] [] => False | _ => True end.

Definition is_move (p : prim) : bool := match p with Move _ _ => true | _ => false end.

Lemma spost_pref : forall (p : prim) g, is_pref p = true -> spost p g = g.
Proof. destruct p; simpl; congruence. Qed.

Lemma spre_pref : forall (p : prim) g, is_pref p = true -> spre p g.
Proof. destruct p; simpl; try congruence; auto. Qed.

Lemma fd_path_file : forall (p : prim) x, kind_of p = KFile x -> fd_path p = Some x.
Proof. intros p x H; unfold fd_path; rewrite H; auto. Qed.

Lemma fd_path_dir : forall (p : prim) x, kind_of p = KDir x -> fd_path p = Some x.
Proof. intros p x H; unfold fd_path; rewrite H; auto. Qed.

Lemma is_dir_prim_file : forall (p : prim) x, kind_of p = KFile x -> is_dir_prim p = false.
Proof. intros p x H; unfold is_dir_prim; rewrite H; auto. Qed.

Lemma is_dir_prim_dir : forall (p : prim) x, kind_of p = KDir x -> is_dir_prim p = true.
Proof. intros p x H; unfold is_dir_prim; rewrite H; auto. Qed.

Lemma structural_addrm : forall (p : prim) x, kind_of p = KFile x ->
  structural p = is_addrm_file p.
Proof. destruct p; simpl; intros; try discriminate; auto. Qed.

Lemma structural_dir : forall (p : prim) x, kind_of p = KDir x -> structural p = true.
Proof. destruct p; simpl; intros; try discriminate; auto. Qed.

Lemma content_intro : forall (p : prim) f (g : fn) c c',
  fp_path p = Some f -> g f = Some (EFile c) -> apply_fp p c = Some c' -> c' <> [] ->
  spre p g /\ feq (spost p g) (upd g f (Some (EFile c'))).
Proof.
  intros p f g c c' Hf Gf A Hn. destruct p; simpl in Hf; try discriminate; injection Hf as <-;
    cbn [spre spost fp_result fp_path]; rewrite Gf, A; split; eauto; apply feq_refl.
Qed.

Lemma content_elim : forall (p : prim) f (g : fn),
  fp_path p = Some f -> spre p g ->
  exists c c', g f = Some (EFile c) /\ apply_fp p c = Some c' /\ c' <> [] /\
               feq (spost p g) (upd g f (Some (EFile c'))).
Proof.
  intros p f g Hf P. destruct p as [f0 l o n| | | | | |f0 t o n|f0 o n|]; simpl in Hf;
    try discriminate; injection Hf as ->;
    cbn [spre spost fp_result fp_path] in *; destruct P as [c' [Hc Hn]];
    destruct (g f) as [[|c]|] eqn:Gf; try discriminate; rewrite Hc;
    exists c, c'; repeat split; auto; apply feq_refl.
Qed.

(** Same file: only the contents matter. *)
Lemma content_swap : forall (p q q' p' : prim) f (g : fn),
  fn_ok g ->
  fp_path p = Some f -> fp_path q = Some f -> fp_path q' = Some f -> fp_path p' = Some f ->
  (forall c c1 c2, apply_fp p c = Some c1 -> apply_fp q c1 = Some c2 ->
     c <> [] -> c1 <> [] -> c2 <> [] ->
     exists c1', apply_fp q' c = Some c1' /\ apply_fp p' c1' = Some c2 /\ c1' <> []) ->
  spre p g -> spre q (spost p g) ->
  spre q' g /\ spre p' (spost q' g) /\ feq (spost p' (spost q' g)) (spost q (spost p g)).
Proof.
  intros p q q' p' f g Ok Hp Hq Hq' Hp' Hc Pp Pq.
  destruct (content_elim p f g Hp Pp) as (c & c1 & Gf & A1 & N1 & F1).
  apply (spre_feq _ _ _ F1) in Pq.
  destruct (content_elim q f _ Hq Pq) as (c1b & c2 & Gf1 & A2 & N2 & F2).
  rewrite upd_same in Gf1. injection Gf1 as <-.
  destruct (Hc c c1 c2 A1 A2 (Ok _ _ Gf) N1 N2) as (c1' & B1 & B2 & B3).
  destruct (content_intro q' f g c c1' Hq' Gf B1 B3) as [Pq' G1].
  assert (Gf' : spost q' g f = Some (EFile c1')) by (rewrite G1, upd_same; auto).
  destruct (content_intro p' f _ c1' c2 Hp' Gf' B2 N2) as [Pp' G2].
  split; [auto|split; [auto|]].
  eapply feq_trans; [exact G2|]. eapply feq_trans; [apply upd_feq, G1|].
  eapply feq_trans; [apply upd_upd_same|].
  eapply feq_trans; [|apply spost_feq, feq_sym, F1].
  eapply feq_trans; [|apply feq_sym, F2]. apply feq_sym, upd_upd_same.
Qed.



(** [guard_as H E]: the first guard of [H], named [E], is false (else [H] is absurd). *)
Ltac guard_as H E :=
  match type of H with
  | (if ?c then _ else _) = Some _ => destruct c eqn:E; [discriminate H|]
  end.

Lemma path_eqb_false : forall p q : path, path_eqb p q = false -> p <> q.
Proof. intros p q H E; subst; rewrite path_eqb_refl in H; discriminate. Qed.

(** Same file: the four rules that change something. *)
Lemma ff_same_effect : forall (p q q' p' : prim) f (g : fn),
  fn_ok g -> kind_of p = KFile f -> kind_of q = KFile f ->
  nonempty_hunk p -> nonempty_hunk q ->
  spre p g -> spre q (spost p g) -> commute p q = Some (q', p') ->
  spre q' g /\ spre p' (spost q' g) /\ feq (spost p' (spost q' g)) (spost q (spost p g)).
Proof.
  intros p q q' p' f g Ok Kp Kq Ep Eq Pp Pq H.
  pose proof (spre_seq_facts p q g Pp Pq) as (Fp & Fq & _).
  rewrite (commute_ff_same p q f Kp Kq) in H.
  destruct p as [f1 l1 o1 n1|f1|f1| | | |f1 t1 a1 b1|f1 x1 y1| ]; try discriminate Kp;
  destruct q as [f2 l2 o2 n2|f2|f2| | | |f2 t2 a2 b2|f2 x2 y2| ]; try discriminate Kq;
  simpl in Kp, Kq; injection Kp as ->; injection Kq as ->;
  try (destruct o1 as [|xo1 o1]); try (destruct n1 as [|xn1 n1]);
  try (destruct o2 as [|xo2 o2]); try (destruct n2 as [|xn2 n2]);
  simpl in Ep, Eq; try contradiction;
  simpl in H; try discriminate H.
  (* two hunks *)
  all: try (destruct (commute_hunk_lines _ _ _ _ _ _) as [[l2' l1']|] eqn:E; [|discriminate H];
            injection H as <- <-;
            apply (content_swap _ _ _ _ f g Ok); auto;
            intros c c1 c2 A1 A2 _ _ _; simpl in A1, A2 |- *;
            destruct (hh_effect _ _ _ _ _ _ _ _ c c1 c2 A1 A2 E) as (c1' & B1 & B2 & B3);
            exists c1'; auto).
  all: cbn [prim_facts] in Fp, Fq.
  (* a hunk and a replace, in either order *)
  all: try (repeat match type of H with context [tok_lines ?t ?a ?b ?x] =>
              let T := fresh "T" in destruct (tok_lines t a b x) eqn:T; try discriminate H end;
            simpl in H; injection H as <- <-;
            apply (content_swap _ _ _ _ f g Ok); auto;
            intros c c1 c2 A1 A2 Nc Nc1 Nc2; simpl in A1, A2 |- *;
            first
              [ rewrite Fq in A2 |- *;
                destruct (hr_effect _ _ _ c c1 c2 _ _ _ _ _ Fq A1 A2 ltac:(eassumption)
                            ltac:(eassumption) Nc) as (c1' & B1 & B2 & B3);
                exists c1'; auto
              | rewrite Fp in A1 |- *;
                destruct (rh_effect _ _ _ c c1 c2 _ _ _ _ _ Fp A1 A2 ltac:(eassumption)
                            ltac:(eassumption) Nc2) as (c1' & B1 & B2 & B3);
                exists c1'; auto ]).
  (* two replaces *)
  unfold bytes_eqb in H.
  destruct (list_eq_dec Byte.byte_eq_dec t1 t2); [subst t2|discriminate H].
  destruct (list_eq_dec Byte.byte_eq_dec a1 a2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec b1 a2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec a1 b2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec b1 b2); [discriminate H|].
  simpl in H. injection H as <- <-.
  apply (content_swap _ _ _ _ f g Ok); auto.
  intros c c1 c2 A1 A2 Nc _ _; simpl in A1, A2 |- *. rewrite Fp in A1 |- *. rewrite Fq in A2 |- *.
  destruct (rr_effect _ _ _ _ _ c c1 c2 n n0 n1 n2 Fp Fq A1 A2) as (c1' & B1 & B2).
  exists c1'. split; [auto|split; auto].
  intro E. subst c1'. destruct c; [congruence|].
  apply replace_lines_length in B1. discriminate.
Qed.

(** ** The effect law, semantically, for every pair but two moves *)
Theorem commute_effect_sem_nomm : forall (p q q' p' : prim) (g : fn),
  fn_ok g -> nonempty_hunk p -> nonempty_hunk q -> is_move p && is_move q = false ->
  spre p g -> spre q (spost p g) -> commute p q = Some (q', p') ->
  spre q' g /\ spre p' (spost q' g) /\ feq (spost p' (spost q' g)) (spost q (spost p g)).
Proof.
  intros p q q' p' g Ok Ep Eq Mm Pp Pq H.
  pose proof (spre_seq_facts p q g Pp Pq) as (Fp & Fq & Fpq).
  destruct (is_pref p || is_pref q) eqn:Pr.
  { rewrite commute_pref in H by (apply orb_true_iff in Pr; auto). injection H as <- <-.
    apply orb_true_iff in Pr as [Pr|Pr].
    - rewrite (spost_pref p g Pr) in Pq. split; [auto|split; [apply spre_pref; auto|]].
      rewrite (spost_pref p _ Pr), (spost_pref p _ Pr). apply feq_refl.
    - split; [apply spre_pref; auto|]. rewrite (spost_pref q g Pr).
      split; [auto|]. rewrite (spost_pref q _ Pr). apply feq_refl. }
  apply orb_false_iff in Pr as [Pp' Pq'].
  unfold pair_facts in Fpq.
  destruct (kind_of p) as [x|x|a b|] eqn:Kp;
    [| | |apply kind_pref in Kp; congruence];
  (destruct (kind_of q) as [y|y|c d|] eqn:Kq;
    [| | |apply kind_pref in Kq; congruence]).
  - (* file, file *)
    destruct (path_eqb x y) eqn:Exy.
    + apply path_eqb_eq in Exy; subst y. eapply ff_same_effect; eauto.
    + apply path_eqb_false in Exy.
      rewrite (commute_ff_diff p q x y) in H by auto. injection H as <- <-.
      apply (fd_swap p q x y g); auto using fd_path_file.
      * intro D. rewrite (is_dir_prim_file p x Kp) in D. discriminate.
      * intro D. rewrite (is_dir_prim_file q y Kq) in D. discriminate.
  - (* file, dir *)
    rewrite (commute_fd p q x y Kp Kq) in H. destruct (is_prefix y x) eqn:E; [discriminate|].
    injection H as <- <-.
    apply (fd_swap p q x y g); auto using fd_path_file, fd_path_dir.
    + intro; subst; rewrite is_prefix_refl in E; discriminate.
    + intro D. rewrite (is_dir_prim_file p x Kp) in D. discriminate.
  - (* file, move *)
    destruct q; try discriminate Kq. injection Kq as -> ->. simpl in Fq.
    rewrite (commute_fm p x) in H by auto. guard_as H Gxc. guard_as H Gxd. injection H as <- <-.
    apply path_eqb_false in Gxc.
    apply (fm_effect p x c d g (fd_path_file p x Kp)); auto.
    split; [auto|split; [|split; [|auto]]].
    + intros St E. rewrite (structural_addrm p x Kp) in St. rewrite St, E, path_eqb_refl in Gxd.
      discriminate.
    + intro D. rewrite (is_dir_prim_file p x Kp) in D. discriminate.
  - (* dir, file *)
    rewrite (commute_df p q y x Kp Kq) in H. destruct (is_prefix x y) eqn:E; [discriminate|].
    injection H as <- <-.
    apply (fd_swap p q x y g); auto using fd_path_file, fd_path_dir.
    + intro; subst; rewrite is_prefix_refl in E; discriminate.
    + intro D. rewrite (is_dir_prim_file q y Kq) in D. discriminate.
  - (* dir, dir *)
    rewrite (commute_dd p q x y Kp Kq) in H.
    destruct (negb (is_prefix x y || is_prefix y x) && negb (path_eqb x y)) eqn:E;
      [|discriminate]. injection H as <- <-.
    apply andb_true_iff in E as [E1 E2]. apply negb_true_iff in E1, E2.
    apply orb_false_iff in E1 as [E1 E1'].
    apply (fd_swap p q x y g); auto using fd_path_dir. apply path_eqb_false; auto.
  - (* dir, move *)
    destruct q; try discriminate Kq. injection Kq as -> ->. simpl in Fq.
    rewrite (commute_dm p x) in H by auto. guard_as H Gpre. guard_as H Gxc. guard_as H Gxd. injection H as <- <-.
    apply orb_false_iff in Gpre as [S1 S2].
    apply path_eqb_false in Gxc. apply path_eqb_false in Gxd.
    apply (fm_effect p x c d g (fd_path_dir p x Kp)); auto.
    split; [auto|split; [|split; [|auto]]].
    + intros _ E. subst. auto.
    + intros _. auto.
  - (* move, file *)
    destruct p; try discriminate Kp. injection Kp as -> ->. simpl in Fp.
    rewrite (commute_mf q y) in H by auto. guard_as H Gya. guard_as H Gyb. injection H as <- <-.
    apply path_eqb_false in Gya.
    apply (mf_effect q y a b g (fd_path_file q y Kq)); auto.
    split; [auto|split; [|split; [|auto]]].
    + intros St E. rewrite (structural_addrm q y Kq) in St. rewrite St, E, path_eqb_refl in Gyb.
      discriminate.
    + intro D. rewrite (is_dir_prim_file q y Kq) in D. discriminate.
  - (* move, dir *)
    destruct p; try discriminate Kp. injection Kp as -> ->. simpl in Fp.
    rewrite (commute_md q y) in H by auto. guard_as H Gpre. guard_as H Gya. guard_as H Gyb. injection H as <- <-.
    apply orb_false_iff in Gpre as [S1 S2].
    apply path_eqb_false in Gya. apply path_eqb_false in Gyb.
    apply (mf_effect q y a b g (fd_path_dir q y Kq)); auto.
    split; [auto|split; [|split; [|auto]]].
    + intros _ E. subst. auto.
    + intros _. auto.
  - (* move, move: not covered here *)
    destruct p, q; try discriminate Kp; try discriminate Kq. simpl in Mm. discriminate.
Qed.

End Effect.
