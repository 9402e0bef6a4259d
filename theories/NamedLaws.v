(** * NamedLaws: the laws for named patches.

    A named patch commutes as its effect does, unless one explicitly
    depends on the other.  The identities (indices) and explicit
    dependencies travel with the patches. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem CommuteLaws CommuteEffect MoveMove Seq Named.
Import ListNotations.

Section NamedLaws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** The effect of an indexed named patch, and of a list of them. *)
Definition ieff (x : inamed) : list prim := fst (snd x).

Definition effects (xs : list inamed) : list prim := concat (map ieff xs).

(** The inverse of a named patch: its effect inverted (darcs marks it
    "inverted"; identity and dependencies stay). *)
Definition invert_inamed (x : inamed) : inamed :=
  let '(i, (e, d)) := x in (i, (invert_seq e, d)).

Definition nonempty_named (x : inamed) : Prop := Forall nonempty_hunk (ieff x).

Lemma commute_inamed_spec : forall (p q p' q' : inamed),
  commute_inamed p q = Some (q', p') ->
  ~ In (fst p) (snd (snd q)) /\ ~ In (fst q) (snd (snd p)) /\
  fst q' = fst q /\ fst p' = fst p /\ snd (snd q') = snd (snd q) /\ snd (snd p') = snd (snd p) /\
  commute_seq (ieff p) (ieff q) = Some (ieff q', ieff p').
Proof.
  intros [i [pe pd]] [j [qe qd]] p' q' H. unfold commute_inamed in H.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd) eqn:E; [discriminate|].
  apply orb_false_iff in E as [E1 E2].
  destruct (commute_seq pe qe) as [[qe' pe']|] eqn:C; [|discriminate].
  injection H as <- <-. simpl.
  repeat split; auto.
  - intro Hin. assert (existsb (Nat.eqb i) qd = true) by (apply existsb_exists; exists i; split; auto; apply Nat.eqb_refl). congruence.
  - intro Hin. assert (existsb (Nat.eqb j) pd = true) by (apply existsb_exists; exists j; split; auto; apply Nat.eqb_refl). congruence.
Qed.

Lemma existsb_not_in : forall i l, ~ In i l -> existsb (Nat.eqb i) l = false.
Proof.
  intros i l H. destruct (existsb (Nat.eqb i) l) eqn:E; auto. exfalso.
  apply existsb_exists in E as [x [Hx Ex]]. apply Nat.eqb_eq in Ex. subst. auto.
Qed.

(** Commuting two named patches back gives them back. *)
Theorem commute_named_self_inverse : forall (p q p' q' : inamed) s t,
  state_ok s -> nonempty_named p -> nonempty_named q ->
  sapply_list (ieff p ++ ieff q) s = Some t ->
  commute_inamed p q = Some (q', p') -> commute_inamed q' p' = Some (p, q).
Proof.
  intros [i [pe pd]] [j [qe qd]] p' q' s t Ok Np Nq H C.
  destruct (commute_inamed_spec _ _ _ _ C) as (D1 & D2 & I1 & I2 & S1 & S2 & Cs).
  simpl in *. destruct q' as [j' [qe' qd']], p' as [i' [pe' pd']]. simpl in *. subst.
  unfold ieff in Cs. simpl in Cs.
  unfold commute_inamed.
  rewrite (existsb_not_in j pd), (existsb_not_in i qd) by auto. simpl.
  rewrite (commute_seq_self_inverse pe qe s t qe' pe' Ok Np Nq H Cs). auto.
Qed.

(** The commute/invert square for named patches. *)
Theorem commute_named_invert_square : forall (p q p' q' : inamed) s t,
  state_ok s -> nonempty_named p -> nonempty_named q ->
  sapply_list (ieff p ++ ieff q) s = Some t ->
  commute_inamed p q = Some (q', p') ->
  commute_inamed (invert_inamed q') p = Some (p', invert_inamed q).
Proof.
  intros [i [pe pd]] [j [qe qd]] p' q' s t Ok Np Nq H C.
  destruct (commute_inamed_spec _ _ _ _ C) as (D1 & D2 & I1 & I2 & S1 & S2 & Cs).
  simpl in *. destruct q' as [j' [qe' qd']], p' as [i' [pe' pd']]. simpl in *. subst.
  unfold ieff in Cs. simpl in Cs.
  unfold commute_inamed, invert_inamed.
  rewrite (existsb_not_in j pd), (existsb_not_in i qd) by auto. simpl.
  rewrite (commute_seq_invert_square pe qe s t qe' pe' Ok Np Nq H Cs). auto.
Qed.

(** Commuting two named patches keeps the effect. *)
Theorem commute_named_effect : forall (p q p' q' : inamed) s t,
  state_ok s -> nonempty_named p -> nonempty_named q ->
  sapply_list (ieff p ++ ieff q) s = Some t ->
  commute_inamed p q = Some (q', p') ->
  exists t', sapply_list (ieff q' ++ ieff p') s = Some t' /\ state_eq t' t.
Proof.
  intros p q p' q' s t Ok Np Nq H C.
  destruct (commute_inamed_spec _ _ _ _ C) as (_ & _ & _ & _ & _ & _ & Cs).
  exact (commute_seq_effect _ _ s t _ _ Ok Np Nq H Cs).
Qed.

Lemma effects_app : forall xs ys : list inamed, effects (xs ++ ys) = effects xs ++ effects ys.
Proof. intros. unfold effects. rewrite map_app, concat_app. auto. Qed.

(** darcs' [commuteFL] on named patches keeps the effect, the identities
    and the explicit dependencies. *)
Theorem commute_fl_effect : forall (ys : list inamed) x s t ys' x',
  state_ok s -> nonempty_named x -> Forall nonempty_named ys ->
  sapply_list (effects (x :: ys)) s = Some t -> commute_fl x ys = Some (ys', x') ->
  applies_to (effects (ys' ++ [x'])) s t /\ nonempty_named x' /\ Forall nonempty_named ys' /\
  map fst ys' = map fst ys /\ fst x' = fst x.
Proof.
  induction ys as [|y ys IH]; intros x s t ys' x' Ok Nx Ny H C.
  - cbn [commute_fl] in C. injection C as <- <-. simpl.
    split; [exists t; split; [auto|apply state_eq_refl]|]. auto.
  - inversion Ny as [|? ? Nyh Nyt]; subst. simpl in C.
    destruct (commute_inamed x y) as [[y1 x1]|] eqn:Cxy; [|discriminate].
    destruct (commute_fl x1 ys) as [[ys2 x2]|] eqn:Cr; [|discriminate].
    injection C as <- <-.
    destruct (commute_inamed_spec _ _ _ _ Cxy) as (_ & _ & I1 & I2 & _ & _ & Cs).
    unfold effects in H. simpl in H. rewrite app_assoc, sapply_list_app in H.
    destruct (sapply_list (ieff x ++ ieff y) s) as [s2|] eqn:H12; [|discriminate].
    destruct (commute_seq_laws (ieff x) (ieff y) s s2 (ieff y1) (ieff x1) Ok Nx Nyh H12 Cs)
      as ((s2' & H2' & E2) & Ny1 & Nx1 & _).
    rewrite sapply_list_app in H2'.
    destruct (sapply_list (ieff y1) s) as [s1'|] eqn:H1'; [|discriminate].
    assert (Ok1 : state_ok s1') by (eapply sapply_list_ok; eauto).
    destruct (applies_proper (effects ys) s2 s2' t (state_eq_sym _ _ E2) H) as (t2 & Ht2 & Et2).
    assert (Hx1 : sapply_list (effects (x1 :: ys)) s1' = Some t2)
      by (unfold effects; simpl; rewrite sapply_list_app, H2'; auto).
    destruct (IH x1 s1' t2 ys2 x2 Ok1 Nx1 Nyt Hx1 Cr) as ((t3 & Ht3 & Et3) & A & B & D & E).
    split; [|split; [auto|split; [constructor; auto|split; simpl; congruence]]].
    exists t3. unfold effects in *. simpl. rewrite sapply_list_app, H1'. split; auto.
    eapply state_eq_trans; eauto.
Qed.

End NamedLaws.
