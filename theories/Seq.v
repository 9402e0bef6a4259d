(** * Seq: the laws lifted to sequences of prims (darcs' [Commute (FL p)]).

    [commute_seq xs ys] moves the prims of [xs], the last one first, to the
    right past all of [ys].  Every single step is a prim commutation, so
    the whole is a grid of prim commutations; the laws of the grid follow
    from the laws of its cells. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem CommuteLaws CommuteEffect MoveMove.
Import ListNotations.

Section Seq.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).

(** ** The structure of [commute_seq] *)

Definition bind2 {A B C} (o : option (A * B)) (k : A -> B -> option C) : option C :=
  match o with Some (a, b) => k a b | None => None end.

Lemma commute_past_app : forall (x : prim) ys zs,
  commute_past x (ys ++ zs) =
  bind2 (commute_past x ys) (fun ys' x1 =>
  bind2 (commute_past x1 zs) (fun zs' x2 => Some (ys' ++ zs', x2))).
Proof.
  intros x ys; revert x; induction ys as [|y ys IH]; intros x zs; simpl.
  - destruct (commute_past x zs) as [[zs' x2]|]; auto.
  - destruct (commute x y) as [[y' x']|]; simpl; auto. rewrite IH.
    destruct (commute_past x' ys) as [[ys' x1]|]; simpl; auto.
    destruct (commute_past x1 zs) as [[zs' x2]|]; simpl; auto.
Qed.

Lemma commute_rl_acc : forall (rxs ys acc : list prim),
  commute_rl rxs ys acc = bind2 (commute_rl rxs ys []) (fun ys' xs' => Some (ys', xs' ++ acc)).
Proof.
  induction rxs as [|x rxs IH]; intros ys acc; simpl; auto.
  destruct (commute_past x ys) as [[ys1 x']|]; simpl; auto.
  rewrite IH, (IH ys1 [x']). destruct (commute_rl rxs ys1 []) as [[ys2 xs2]|]; simpl; auto.
  rewrite <- app_assoc. auto.
Qed.

Lemma commute_rl_app : forall (r1 r2 ys acc : list prim),
  commute_rl (r1 ++ r2) ys acc = bind2 (commute_rl r1 ys acc) (fun ys1 acc1 => commute_rl r2 ys1 acc1).
Proof.
  induction r1 as [|x r1 IH]; intros r2 ys acc; simpl; auto.
  destruct (commute_past x ys) as [[ys1 x']|]; simpl; auto.
Qed.

(** The first prim of the first sequence goes last. *)
Lemma commute_seq_cons_l : forall (y : prim) ys zs,
  commute_seq (y :: ys) zs =
  bind2 (commute_seq ys zs) (fun zs1 ys1 =>
  bind2 (commute_past y zs1) (fun zs2 y' => Some (zs2, y' :: ys1))).
Proof.
  intros y ys zs. unfold commute_seq. simpl. rewrite commute_rl_app.
  destruct (commute_rl (rev ys) zs []) as [[zs1 ys1]|]; simpl; auto.
Qed.

(** The last prim of the first sequence goes first. *)
Lemma commute_seq_snoc_l : forall (xs : list prim) x ys,
  commute_seq (xs ++ [x]) ys =
  bind2 (commute_past x ys) (fun ys1 x' =>
  bind2 (commute_seq xs ys1) (fun ys' xs' => Some (ys', xs' ++ [x']))).
Proof.
  intros xs x ys. unfold commute_seq. rewrite rev_app_distr. simpl.
  destruct (commute_past x ys) as [[ys1 x']|]; simpl; auto.
  apply commute_rl_acc.
Qed.

Lemma commute_seq_nil_l : forall ys : list prim, commute_seq [] ys = Some (ys, []).
Proof. reflexivity. Qed.

Lemma commute_seq_nil_r : forall xs : list prim, commute_seq xs [] = Some ([], xs).
Proof.
  induction xs as [|x xs IH] using rev_ind; auto.
  rewrite commute_seq_snoc_l. simpl. rewrite IH. auto.
Qed.

(** A single prim moved left past a sequence. *)
Lemma commute_seq_single_r : forall (xs : list prim) y,
  commute_seq (xs) [y] = bind2 (commute_seq xs [y]) (fun a b => Some (a, b)).
Proof. intros. destruct (commute_seq xs [y]) as [[a b]|]; auto. Qed.

(** The last prim of the second sequence can be taken last (the grid can
    be filled column by column as well as row by row). *)
Lemma commute_seq_snoc_r : forall (xs : list prim) ys y,
  commute_seq xs (ys ++ [y]) =
  bind2 (commute_seq xs ys) (fun ys1 xs1 =>
  bind2 (commute_seq xs1 [y]) (fun ys2 xs2 => Some (ys1 ++ ys2, xs2))).
Proof.
  induction xs as [|x xs IH] using rev_ind; intros ys y.
  - reflexivity.
  - rewrite !commute_seq_snoc_l, commute_past_app.
    assert (Hp : forall (a : prim) b, commute_past a [b] =
              match commute a b with Some (b', a') => Some ([b'], a') | None => None end)
      by (intros a b; simpl; destruct (commute a b) as [[? ?]|]; auto).
    destruct (commute_past x ys) as [[ysA xA]|]; cbn [bind2]; [|auto].
    rewrite Hp. destruct (commute xA y) as [[yB x']|] eqn:E1; cbn [bind2].
    + rewrite (IH ysA yB). destruct (commute_seq xs ysA) as [[ysC xsC]|]; cbn [bind2]; [|auto].
      rewrite commute_seq_snoc_l, Hp, E1. cbn [bind2].
      destruct (commute_seq xsC [yB]) as [[yD xsD]|]; cbn [bind2]; auto.
    + destruct (commute_seq xs ysA) as [[ysC xsC]|]; cbn [bind2]; auto.
      rewrite commute_seq_snoc_l, Hp, E1. auto.
Qed.

(** ** Commuting keeps the sizes of hunks *)

Definition hunk_lens (p : prim) : option (nat * nat) :=
  match p with Hunk _ _ o n => Some (length o, length n) | _ => None end.

Lemma nonempty_lens : forall p : prim, nonempty_hunk p <-> hunk_lens p <> Some (0, 0).
Proof.
  destruct p; simpl; split; auto; try discriminate.
  all: destruct old, new; simpl; auto; try discriminate; try tauto.
Qed.

Lemma hunk_lens_relocate : forall (p : prim) x, hunk_lens (relocate p x) = hunk_lens p.
Proof. destruct p; reflexivity. Qed.

Lemma hunk_lens_kind : forall (p : prim), is_fp p = false -> hunk_lens p = None.
Proof. destruct p; simpl; auto; discriminate. Qed.

Lemma commute_lens : forall p q q' p' : prim,
  commute p q = Some (q', p') -> hunk_lens q' = hunk_lens q /\ hunk_lens p' = hunk_lens p.
Proof.
  intros p q q' p' H.
  destruct (is_pref p || is_pref q) eqn:Pr.
  { rewrite commute_pref in H by (apply orb_true_iff in Pr; auto). injection H as <- <-; auto. }
  apply orb_false_iff in Pr as [Pp Pq].
  destruct (kind_of p) as [x|x|a b|] eqn:Kp;
    [| | |apply kind_pref in Kp; congruence];
  (destruct (kind_of q) as [y|y|c d|] eqn:Kq;
    [| | |apply kind_pref in Kq; congruence]).
  - destruct (path_eqb x y) eqn:Exy.
    + apply path_eqb_eq in Exy; subst y.
      rewrite (commute_ff_same p q x Kp Kq) in H.
      destruct p as [f1 l1 o1 n1|f1|f1| | | |f1 t1 a1 b1|f1 x1 y1| ]; try discriminate Kp;
      destruct q as [f2 l2 o2 n2|f2|f2| | | |f2 t2 a2 b2|f2 x2 y2| ]; try discriminate Kq;
      try (destruct o1 as [|xo1 o1]); try (destruct n1 as [|xn1 n1]);
      try (destruct o2 as [|xo2 o2]); try (destruct n2 as [|xn2 n2]);
      simpl in H; try discriminate H;
      repeat (match type of H with
      | context [commute_hunk_lines ?a ?b ?c ?d ?e ?f] =>
          destruct (commute_hunk_lines a b c d e f) as [[? ?]|]; try discriminate H
      | context [tok_lines ?t ?a ?b ?x] =>
          let E := fresh "E" in destruct (tok_lines t a b x) eqn:E; try discriminate H
      | context [bytes_eqb ?a ?b] => destruct (bytes_eqb a b); try discriminate H
      end; simpl in H);
      inversion H; subst; simpl; split; auto;
      repeat match goal with E : tok_lines _ _ _ _ = Some _ |- _ =>
        apply tok_lines_length in E end;
      simpl in *; congruence.
    + apply path_eqb_false_neq in Exy.
      rewrite (commute_ff_diff p q x y) in H by auto. injection H as <- <-; auto.
  - rewrite (commute_fd p q x y Kp Kq) in H. destruct (is_prefix y x); [discriminate|].
    injection H as <- <-; auto.
  - destruct q; try discriminate Kq. injection Kq as -> ->.
    rewrite (commute_fm p x) in H by auto.
    destruct (path_eqb x d); [discriminate|]. destruct (is_addrm_file p && path_eqb c x); [discriminate|].
    injection H as <- <-. rewrite hunk_lens_relocate. auto.
  - rewrite (commute_df p q y x Kp Kq) in H. destruct (is_prefix x y); [discriminate|].
    injection H as <- <-; auto.
  - rewrite (commute_dd p q x y Kp Kq) in H.
    destruct (negb (is_prefix x y || is_prefix y x) && negb (path_eqb x y)); [|discriminate].
    injection H as <- <-; auto.
  - destruct q; try discriminate Kq. injection Kq as -> ->.
    rewrite (commute_dm p x) in H by auto.
    repeat match type of H with (if ?c then _ else _) = _ => destruct c; [discriminate|] end.
    injection H as <- <-. rewrite hunk_lens_relocate. auto.
  - destruct p; try discriminate Kp. injection Kp as -> ->.
    rewrite (commute_mf q y) in H by auto.
    destruct (path_eqb y a); [discriminate|]. destruct (is_addrm_file q && path_eqb b y); [discriminate|].
    injection H as <- <-. rewrite hunk_lens_relocate. auto.
  - destruct p; try discriminate Kp. injection Kp as -> ->.
    rewrite (commute_md q y) in H by auto.
    repeat match type of H with (if ?c then _ else _) = _ => destruct c; [discriminate|] end.
    injection H as <- <-. rewrite hunk_lens_relocate. auto.
  - destruct p; try discriminate Kp. destruct q; try discriminate Kq.
    rewrite commute_mm in H.
    repeat match type of H with (if ?c then _ else _) = _ => destruct c; [discriminate|] end.
    injection H as <- <-. auto.
Qed.

Lemma commute_nonempty : forall p q q' p' : prim,
  commute p q = Some (q', p') -> nonempty_hunk p -> nonempty_hunk q ->
  nonempty_hunk q' /\ nonempty_hunk p'.
Proof.
  intros p q q' p' H Hp Hq. destruct (commute_lens _ _ _ _ H) as [E1 E2].
  rewrite !nonempty_lens in *. rewrite E1, E2. auto.
Qed.

(** ** Applying sequences *)

Lemma sapply_list_app : forall (xs ys : list prim) s,
  sapply_list (xs ++ ys) s = match sapply_list xs s with Some t => sapply_list ys t | None => None end.
Proof.
  induction xs as [|x xs IH]; intros ys s; simpl; auto.
  destruct (sapply x s); auto.
Qed.

Lemma sapply_list_proper : forall (ps : list prim) s t,
  state_eq s t -> ostate_eq (sapply_list ps s) (sapply_list ps t).
Proof.
  induction ps as [|p ps IH]; intros s t H; simpl; auto.
  pose proof (apply_gen_proper true p s t H) as E. unfold sapply.
  destruct (apply_gen true p s) as [s'|], (apply_gen true p t) as [t'|]; simpl in E; try contradiction; auto.
Qed.

Lemma sapply_list_ok : forall (ps : list prim) s t,
  state_ok s -> sapply_list ps s = Some t -> state_ok t.
Proof.
  induction ps as [|p ps IH]; intros s t Ok H; simpl in H.
  - injection H as <-; auto.
  - destruct (sapply p s) as [s1|] eqn:E; [|discriminate]. eapply IH; [|eauto].
    eapply sapply_state_ok; eauto.
Qed.

(** [ps] applies to [s], giving a state equal to [t]. *)
Definition applies_to (ps : list prim) (s t : state) : Prop :=
  exists t', sapply_list ps s = Some t' /\ state_eq t' t.

Lemma applies_proper : forall (ps : list prim) s s' t,
  state_eq s s' -> sapply_list ps s = Some t -> applies_to ps s' t.
Proof.
  intros ps s s' t E H. pose proof (sapply_list_proper ps s s' E) as F. rewrite H in F.
  destruct (sapply_list ps s') as [t'|] eqn:E2; [|contradiction]. exists t'. split; [exact E2|].
  apply state_eq_sym; auto.
Qed.

(** ** One prim moved past a sequence *)

Lemma commute_past_laws : forall (ys : list prim) x s t ys' x',
  state_ok s -> nonempty_hunk x -> Forall nonempty_hunk ys ->
  sapply_list (x :: ys) s = Some t -> commute_past x ys = Some (ys', x') ->
  applies_to (ys' ++ [x']) s t /\ nonempty_hunk x' /\ Forall nonempty_hunk ys' /\
  commute_seq ys' [x'] = Some ([x], ys) /\
  commute_seq (invert_seq ys') [x] = Some ([x'], invert_seq ys).
Proof.
  induction ys as [|y ys IH]; intros x s t ys' x' Ok Nx Ny H C.
  - simpl in C. injection C as <- <-. simpl in H.
    split; [|split; [auto|split; [auto|split; reflexivity]]].
    exists t. simpl. split; [|apply state_eq_refl].
    destruct (sapply x s) as [s1|]; [|discriminate]. auto.
  - inversion Ny as [|? ? Nyh Nyt]; subst.
    simpl in C. destruct (commute x y) as [[y1 x1]|] eqn:Cxy; [|discriminate].
    destruct (commute_past x1 ys) as [[ys2 x2]|] eqn:Cr; [|discriminate].
    injection C as <- <-.
    simpl in H. destruct (sapply x s) as [s1|] eqn:H1; [|discriminate].
    destruct (sapply y s1) as [s2|] eqn:H2; [|discriminate].
    destruct (commute_effect x y y1 x1 s s1 s2 Ok Nx Nyh H1 H2 Cxy) as (s1' & s2' & E1 & E2 & E3).
    destruct (commute_nonempty x y y1 x1 Cxy Nx Nyh) as [Ny1 Nx1].
    destruct (applies_proper ys s2 s2' t (state_eq_sym _ _ E3) H) as (t2 & Ht2 & Et2).
    assert (Ok1 : state_ok s1') by (eapply sapply_state_ok; eauto).
    assert (Hx1 : sapply_list (x1 :: ys) s1' = Some t2) by (simpl; rewrite E2; auto).
    destruct (IH x1 s1' t2 ys2 x2 Ok1 Nx1 Nyt Hx1 Cr) as (A & B & C & D & E).
    split; [|split; [auto|split; [constructor; auto|split]]].
    + destruct A as (t3 & Ht3 & Et3). exists t3. simpl. rewrite E1. split; auto.
      eapply state_eq_trans; eauto.
    + (* back: the grid column, read upwards *)
      rewrite commute_seq_cons_l, D. cbn [bind2 commute_past].
      rewrite (commute_self_inverse x y y1 x1 s s1 s2 H1 H2 Cxy). auto.
    + (* around the square *)
      rewrite !invert_seq_spec. simpl.
      rewrite commute_seq_snoc_l. cbn [commute_past].
      rewrite (commute_invert_square x y y1 x1 s s1 s2 H1 H2 Cxy). cbn [bind2].
      rewrite <- invert_seq_spec, E. cbn [bind2]. rewrite invert_seq_spec. auto.
Qed.


(** ** The laws for sequences *)

Theorem commute_seq_laws : forall (xs ys : list prim) s t ys' xs',
  state_ok s -> Forall nonempty_hunk xs -> Forall nonempty_hunk ys ->
  sapply_list (xs ++ ys) s = Some t -> commute_seq xs ys = Some (ys', xs') ->
  applies_to (ys' ++ xs') s t /\ Forall nonempty_hunk ys' /\ Forall nonempty_hunk xs' /\
  commute_seq ys' xs' = Some (xs, ys) /\
  commute_seq (invert_seq ys') xs = Some (xs', invert_seq ys).
Proof.
  induction xs as [|x xs0 IH] using rev_ind; intros ys s t ys' xs' Ok Nx Ny H C.
  - rewrite commute_seq_nil_l in C. injection C as <- <-. simpl in H.
    split; [exists t; rewrite app_nil_r; split; [auto|apply state_eq_refl]|].
    split; [auto|split; [auto|split]].
    + apply commute_seq_nil_r.
    + apply commute_seq_nil_r.
  - apply Forall_app in Nx as [Nx0 Nxx]. inversion Nxx as [|? ? Nx1 _]; subst.
    rewrite commute_seq_snoc_l in C.
    destruct (commute_past x ys) as [[ys1 x']|] eqn:Cp; [|discriminate]. cbn [bind2] in C.
    destruct (commute_seq xs0 ys1) as [[ys'' xs0']|] eqn:Cs; [|discriminate].
    cbn [bind2] in C. injection C as <- <-.
    rewrite <- app_assoc, sapply_list_app in H.
    destruct (sapply_list xs0 s) as [s0|] eqn:H0; [|discriminate].
    assert (Ok0 : state_ok s0) by (eapply sapply_list_ok; eauto).
    destruct (commute_past_laws ys x s0 t ys1 x' Ok0 Nx1 Ny H Cp) as (A & B & D & E & F).
    destruct A as (t1 & Ht1 & Et1).
    rewrite sapply_list_app in Ht1.
    destruct (sapply_list ys1 s0) as [u|] eqn:Hu; [|discriminate].
    assert (Hxs : sapply_list (xs0 ++ ys1) s = Some u) by (rewrite sapply_list_app, H0; auto).
    destruct (IH ys1 s u ys'' xs0' Ok Nx0 D Hxs Cs) as (A' & B' & D' & E' & F').
    split; [|split; [auto|split; [apply Forall_app; split; auto|split]]].
    + destruct A' as (u' & Hu' & Eu').
      destruct (applies_proper [x'] u u' t1 (state_eq_sym _ _ Eu') Ht1) as (t2 & Ht2 & Et2).
      exists t2. rewrite app_assoc, sapply_list_app, Hu'. split; auto. eapply state_eq_trans; eauto.
    + rewrite commute_seq_snoc_r, E'. cbn [bind2]. rewrite E. auto.
    + rewrite commute_seq_snoc_r, F'. cbn [bind2]. rewrite F. auto.
Qed.

(** Commuting two sequences keeps the effect. *)
Theorem commute_seq_effect : forall (xs ys : list prim) s t ys' xs',
  state_ok s -> Forall nonempty_hunk xs -> Forall nonempty_hunk ys ->
  sapply_list (xs ++ ys) s = Some t -> commute_seq xs ys = Some (ys', xs') ->
  exists t', sapply_list (ys' ++ xs') s = Some t' /\ state_eq t' t.
Proof.
  intros xs ys s t ys' xs' H H0 H1 H2 H3.
  destruct (commute_seq_laws xs ys s t ys' xs' H H0 H1 H2 H3) as (A & _). exact A.
Qed.

(** Commuting two sequences back gives the original pair. *)
Theorem commute_seq_self_inverse : forall (xs ys : list prim) s t ys' xs',
  state_ok s -> Forall nonempty_hunk xs -> Forall nonempty_hunk ys ->
  sapply_list (xs ++ ys) s = Some t -> commute_seq xs ys = Some (ys', xs') ->
  commute_seq ys' xs' = Some (xs, ys).
Proof.
  intros xs ys s t ys' xs' H H0 H1 H2 H3.
  destruct (commute_seq_laws xs ys s t ys' xs' H H0 H1 H2 H3) as (_ & _ & _ & A & _). exact A.
Qed.

(** The commute/invert square for sequences. *)
Theorem commute_seq_invert_square : forall (xs ys : list prim) s t ys' xs',
  state_ok s -> Forall nonempty_hunk xs -> Forall nonempty_hunk ys ->
  sapply_list (xs ++ ys) s = Some t -> commute_seq xs ys = Some (ys', xs') ->
  commute_seq (invert_seq ys') xs = Some (xs', invert_seq ys).
Proof.
  intros xs ys s t ys' xs' H H0 H1 H2 H3.
  destruct (commute_seq_laws xs ys s t ys' xs' H H0 H1 H2 H3) as (_ & _ & _ & _ & A). exact A.
Qed.

(** Applying a sequence and then its inverse gives back the state. *)
Theorem sapply_list_invert : forall (ps : list prim) s t,
  state_ok s -> sapply_list ps s = Some t -> applies_to (invert_seq ps) t s.
Proof.
  induction ps as [|p ps IH]; intros s t Ok H; simpl in H.
  - injection H as <-. exists s. split; [auto|apply state_eq_refl].
  - destruct (sapply p s) as [s1|] eqn:H1; [|discriminate].
    assert (Ok1 : state_ok s1) by (eapply sapply_state_ok; eauto).
    destruct (IH s1 t Ok1 H) as (s1' & Hs1' & E1).
    assert (Hinv : invert_seq (p :: ps) = invert_seq ps ++ [invert p])
      by (rewrite !invert_seq_spec; simpl; auto).
    rewrite Hinv.
    pose proof (sapply_invert p s s1 Ok H1) as Inv.
    pose proof (apply_gen_proper true (invert p) s1' s1 E1) as P.
    unfold sapply in Inv.
    destruct (apply_gen true (invert p) s1) as [s0|] eqn:E0; [|contradiction].
    destruct (apply_gen true (invert p) s1') as [s0'|] eqn:E0'; simpl in P; [|contradiction].
    exists s0'. rewrite sapply_list_app, Hs1'. simpl. unfold sapply. rewrite E0'.
    split; [auto|]. eapply state_eq_trans; eauto.
Qed.

End Seq.
