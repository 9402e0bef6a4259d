(** * Conflict3Laws: darcs-3 commutation keeps the effect where no conflict
    is involved ([commuteNoConflicts]): the effects of the commuted pair
    apply wherever the original pair's did, with an equal result.  The
    proof reduces every case to the verified sequence law
    [Seq.commute_seq_laws]. *)

From Coq Require Import List Bool Arith.
From DarcsWeb Require Import Prim Token Apply Invert Commute CommuteEffect Seq Walk Conflict3.
Import ListNotations.

Section Conflict3Laws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation prim := (prim L N).
Notation state := (state L N).
Notation nprim := (nprim L N).

Definition P (ps : list nprim) : list prim := map snd ps.

(** ** The identity-carrying sequence commutes are the prim ones *)

Lemma nc_fl_prims : forall (ys : list nprim) x ys' x',
  nc_fl x ys = Some (ys', x') -> Commute.commute_past (snd x) (P ys) = Some (P ys', snd x').
Proof.
  unfold nc_fl. induction ys as [|y ys IH]; intros x ys' x' H; cbn [past] in H.
  - injection H as <- <-. reflexivity.
  - unfold ncommute at 1 in H. simpl.
    destruct (commute (snd x) (snd y)) as [[b a]|]; cbn iota beta in H; [|discriminate].
    destruct (past ncommute (fst x, a) ys) as [[ys1 x1]|] eqn:E; [|discriminate].
    injection H as <- <-. specialize (IH _ _ _ E). cbn [snd] in IH. unfold P in *. rewrite IH.
    reflexivity.
Qed.

Lemma commute_seq_single_l : forall (y : prim) zs zs' y',
  Commute.commute_past y zs = Some (zs', y') -> commute_seq [y] zs = Some (zs', [y']).
Proof.
  intros y zs zs' y' H. rewrite commute_seq_cons_l, commute_seq_nil_l. cbn [bind2].
  rewrite H. reflexivity.
Qed.

Lemma nc_rl_prims : forall (xs : list nprim) y y' xs',
  nc_rl xs y = Some (y', xs') -> commute_seq (P xs) [snd y] = Some ([snd y'], P xs').
Proof.
  induction xs as [|x xs IH]; intros y y' xs' H; simpl in H.
  - injection H as <- <-. reflexivity.
  - destruct (nc_rl xs y) as [[y1 xs1]|] eqn:E; [|discriminate].
    unfold ncommute in H. destruct (commute (snd x) (snd y1)) as [[b a]|] eqn:C; [|discriminate].
    injection H as <- <-. cbn [P map]. rewrite commute_seq_cons_l.
    change (map snd xs) with (P xs). rewrite (IH _ _ _ E). cbn [bind2 Commute.commute_past snd].
    rewrite C. reflexivity.
Qed.

(** The grid of a sequence commute can be filled from the first prim of the
    second sequence as well as from its last. *)
Lemma commute_seq_cons_r : forall (ys xs : list prim) y,
  commute_seq xs (y :: ys) =
  bind2 (commute_seq xs [y]) (fun ys1 xs1 =>
  bind2 (commute_seq xs1 ys) (fun ys2 xs2 => Some (ys1 ++ ys2, xs2))).
Proof.
  induction ys as [|z ys IH] using rev_ind; intros xs y.
  - destruct (commute_seq xs [y]) as [[a b]|]; cbn [bind2]; [|reflexivity].
    rewrite commute_seq_nil_r. cbn [bind2]. rewrite app_nil_r. reflexivity.
  - change (y :: ys ++ [z]) with ((y :: ys) ++ [z]). rewrite commute_seq_snoc_r, IH.
    destruct (commute_seq xs [y]) as [[a b]|]; cbn [bind2]; [|reflexivity].
    rewrite commute_seq_snoc_r.
    destruct (commute_seq b ys) as [[c d]|]; cbn [bind2]; [|reflexivity].
    destruct (commute_seq d [z]) as [[e f]|]; cbn [bind2]; [|reflexivity].
    rewrite app_assoc. reflexivity.
Qed.

Lemma nc_rlfl_prims : forall (ys xs : list nprim) ys' xs',
  nc_rlfl xs ys = Some (ys', xs') -> commute_seq (P xs) (P ys) = Some (P ys', P xs').
Proof.
  induction ys as [|y ys IH]; intros xs ys' xs' H; simpl in H.
  - injection H as <- <-. apply commute_seq_nil_r.
  - destruct (nc_rl xs y) as [[y' xs1]|] eqn:E1; [|discriminate].
    destruct (nc_rlfl xs1 ys) as [[ys'' xs2]|] eqn:E2; [|discriminate].
    injection H as <- <-. cbn [P map]. rewrite commute_seq_cons_r.
    rewrite (nc_rl_prims _ _ _ _ E1). cbn [bind2]. change (map snd ys) with (P ys).
    rewrite (IH _ _ _ E2). reflexivity.
Qed.

(** ** Effects *)

Definition ne (ps : list prim) : Prop := Forall nonempty_hunk ps.

Lemma applies_app : forall (xs ys : list prim) s u t,
  applies_to xs s u -> state_ok s -> applies_to ys u t -> applies_to (xs ++ ys) s t.
Proof.
  intros xs ys s u t [u' [Hu Eu]] Ok [t' [Ht Et]].
  destruct (applies_proper ys u u' t' (state_eq_sym _ _ Eu) Ht) as [t'' [Ht'' Et'']].
  exists t''. split; [rewrite sapply_list_app, Hu; exact Ht''|].
  eapply state_eq_trans; eauto.
Qed.

Lemma sapply_split : forall (xs ys : list prim) s t,
  sapply_list (xs ++ ys) s = Some t -> exists u, sapply_list xs s = Some u /\ sapply_list ys u = Some t.
Proof.
  intros xs ys s t H. rewrite sapply_list_app in H.
  destruct (sapply_list xs s) as [u|]; [exists u; auto|discriminate].
Qed.

(** [commute_to_prefix] only reorders by verified commutes. *)
Lemma commute_to_prefix_effect : forall ids (ps : list nprim) qs rs s t,
  state_ok s -> ne (P ps) -> sapply_list (P ps) s = Some t ->
  commute_to_prefix ids ps = Some (qs, rs) ->
  applies_to (P qs ++ P rs) s t /\ ne (P qs) /\ ne (P rs).
Proof.
  induction ps as [|p ps IH]; intros qs rs s t Ok Ne H C; simpl in C.
  - injection C as <- <-. simpl in H. injection H as <-.
    split; [exists s; split; [reflexivity|apply state_eq_refl]|split; constructor].
  - destruct (commute_to_prefix ids ps) as [[qs1 rs1]|] eqn:E; [|discriminate].
    cbn [P map] in Ne, H. inversion Ne as [|? ? Np Nps]; subst.
    simpl in H. destruct (sapply (snd p) s) as [s1|] eqn:S1; [|discriminate].
    assert (Ok1 : state_ok s1) by (apply (sapply_list_ok [snd p] s s1); simpl; [auto|rewrite S1; auto]).
    destruct (IH qs1 rs1 s1 t Ok1 Nps H eq_refl) as (A & Nq & Nr).
    destruct (mem_pid (fst p) ids).
    + injection C as <- <-. cbn [P map]. split; [|split; [constructor; auto|auto]].
      destruct A as [t' [Ht Et]]. exists t'. simpl. rewrite S1. auto.
    + destruct (nc_fl p qs1) as [[qs' p']|] eqn:F; [|discriminate].
      injection C as <- <-.
      pose proof (commute_seq_single_l _ _ _ _ (nc_fl_prims _ _ _ _ F)) as Cs.
      destruct A as [t1 [Ht1 Et1]].
      apply sapply_split in Ht1 as (u & Hu & Hr).
      assert (Hpq : sapply_list ([snd p] ++ P qs1) s = Some u) by (simpl; rewrite S1; exact Hu).
      destruct (commute_seq_laws [snd p] (P qs1) s u (P qs') [snd p'] Ok
                  (Forall_cons _ Np (Forall_nil _)) Nq Hpq Cs) as (A2 & Nq' & Np' & _).
      split; [|split; [auto|]].
      * assert (Eq : P qs' ++ P (p' :: rs1) = (P qs' ++ [snd p']) ++ P rs1)
          by (unfold P; simpl; rewrite <- app_assoc; reflexivity).
        rewrite Eq. apply (applies_app _ _ s u); auto.
        exists t1. split; [exact Hr|exact Et1].
      * cbn [P map]. inversion Np'; subst. constructor; auto.
Qed.

Definition eff (p : rp3 L N) : list prim := rp3_effect p.

Lemma rp3_effect_conf : forall r x cp, rp3_effect (RConf r x cp : rp3 L N) = P r.
Proof. reflexivity. Qed.

(** darcs-3 [commuteNoConflicts] keeps the effect. *)
Theorem commute_nc_effect : forall (p q q' p' : rp3 L N) s t,
  state_ok s -> ne (eff p) -> ne (eff q) ->
  sapply_list (eff p ++ eff q) s = Some t ->
  commute_nc p q = Some (q', p') ->
  applies_to (eff q' ++ eff p') s t.
Proof.
  intros p q q' p' s t Ok Np Nq H C. unfold eff in *.
  destruct p as [a|r x cp]; destruct q as [b|s0 y cq]; simpl in C.
  - (* two prims *)
    unfold ncommute in C. destruct (commute (snd a) (snd b)) as [[b1 a1]|] eqn:E; [|discriminate].
    injection C as <- <-. cbn [rp3_effect fst snd] in *.
    assert (Cs : commute_seq [snd a] [snd b] = Some ([b1], [a1])).
    { apply commute_seq_single_l. simpl. rewrite E. reflexivity. }
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* a prim past a conflictor *)
    destruct (nc_fl a s0) as [[s' a']|] eqn:F; [|discriminate].
    destruct (commute_past a' cq); [|discriminate].
    destruct (map_opt (commute_past a') y); [|discriminate].
    injection C as <- <-. rewrite !rp3_effect_conf in *. cbn [rp3_effect] in *.
    pose proof (commute_seq_single_l _ _ _ _ (nc_fl_prims _ _ _ _ F)) as Cs.
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* a conflictor past a prim *)
    destruct (nc_rl r b) as [[b' r']|] eqn:F; [|discriminate].
    destruct (commute_past (ninv b) cp); [|discriminate].
    destruct (map_opt (commute_past (ninv b)) x); [|discriminate].
    injection C as <- <-. rewrite !rp3_effect_conf in *. cbn [rp3_effect] in *.
    pose proof (nc_rl_prims _ _ _ _ F) as Cs.
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* two conflictors *)
    destruct (commute_to_prefix (map (fun c => pid_inv (cid c)) y) r) as [[com rr]|] eqn:T; [|discriminate].
    destruct (nc_rlfl rr s0) as [[s' rr']|] eqn:F; [|discriminate].
    destruct (commute_past_seq (ninv_seq s0) cp); [|discriminate].
    destruct (commute_past_seq rr' cq); [|discriminate].
    match type of C with context [guardb ?b _] => destruct b end; [|discriminate].
    cbn [guardb] in C. injection C as <- <-. rewrite !rp3_effect_conf in *.
    apply sapply_split in H as (u & Hu & Hs).
    assert (Oku : state_ok u) by (eapply sapply_list_ok; eauto).
    destruct (commute_to_prefix_effect _ _ _ _ _ _ Ok Np Hu T) as ([u1 [Hu1 Eu1]] & Ncom & Nrr).
    apply sapply_split in Hu1 as (v & Hv & Hrr).
    assert (Okv : state_ok v) by exact (sapply_list_ok _ s v Ok Hv).
    destruct (applies_proper _ _ _ _ (state_eq_sym _ _ Eu1) Hs) as [t1 [Ht1 Et1]].
    assert (Hrs : sapply_list (P rr ++ P s0) v = Some t1) by (rewrite sapply_list_app, Hrr; exact Ht1).
    destruct (commute_seq_laws _ _ v t1 _ _ Okv Nrr Nq Hrs (nc_rlfl_prims _ _ _ _ F)) as (A & _).
    unfold P in *. rewrite map_app, <- app_assoc.
    apply (applies_app _ _ s v); [exists v; split; [auto|apply state_eq_refl]|auto|].
    destruct A as [t2 [Ht2 Et2]]. exists t2. split; [auto|]. eapply state_eq_trans; eauto.
Qed.

(** ** The conflicting cases ([commuteConflicting]) *)

(** A prim then its inverse gives the state back (up to equality). *)
Lemma there_and_back : forall (p : prim) s u,
  state_ok s -> sapply_list [p; invert p] s = Some u -> state_eq u s.
Proof.
  intros p s u Ok H. simpl in H. destruct (sapply p s) as [s1|] eqn:E1; [|discriminate].
  pose proof (sapply_invert p s s1 Ok E1) as I.
  destruct (sapply (invert p) s1) as [s2|]; [|discriminate]. injection H as <-. exact I.
Qed.

Lemma nprim_eqb_prim : forall a b : nprim, nprim_eqb a b = true -> snd a = snd b.
Proof.
  intros a b H. unfold nprim_eqb in H. apply andb_true_iff in H as [_ H].
  destruct (prim_eq_dec (snd a) (snd b)); [auto|discriminate].
Qed.

(** Applying equal states' worth of the same prims gives equal states. *)
Lemma sapply_eq : forall (ps : list prim) s1 s2 t1 t2,
  state_eq s1 s2 -> sapply_list ps s1 = Some t1 -> sapply_list ps s2 = Some t2 -> state_eq t2 t1.
Proof.
  intros ps s1 s2 t1 t2 E H1 H2. pose proof (sapply_list_proper ps s1 s2 E) as F.
  rewrite H1, H2 in F. apply state_eq_sym. exact F.
Qed.

(** [pull_front] takes a prim out of a sequence by verified commutes. *)
Lemma pull_front_acc_effect : forall a (bs pre : list nprim) b' r s t,
  state_ok s -> ne (P (rev pre ++ bs)) -> sapply_list (P (rev pre ++ bs)) s = Some t ->
  pull_front_acc a pre bs = Some (b', r) ->
  applies_to ([snd b'] ++ P r) s t.
Proof.
  induction bs as [|b bs IH]; intros pre b' r s t Ok Ne H E; simpl in E; [discriminate|].
  destruct (pid_eqb (fst b) a).
  - destruct (nc_rl (rev pre) b) as [[b1 pre']|] eqn:R; [|discriminate]. injection E as <- <-.
    pose proof (nc_rl_prims _ _ _ _ R) as Cs.
    unfold P in Ne, H. rewrite map_app in Ne, H. cbn [map] in Ne, H.
    change (snd b :: map snd bs) with ([snd b] ++ map snd bs) in Ne, H.
    rewrite app_assoc in Ne, H. apply Forall_app in Ne as [Ne1 Ne2].
    apply sapply_split in H as (u & Hu & Hr).
    apply Forall_app in Ne1 as [Nl Nb].
    destruct (commute_seq_laws _ _ s u _ _ Ok Nl Nb Hu Cs) as (A & _).
    unfold P. rewrite map_app, app_assoc.
    apply (applies_app _ _ s u); auto. exists t. split; [exact Hr|apply state_eq_refl].
  - assert (R : rev (b :: pre) ++ bs = rev pre ++ b :: bs) by (simpl; rewrite <- app_assoc; reflexivity).
    apply (IH (b :: pre) b' r s t Ok); [rewrite R; exact Ne|rewrite R; exact H|exact E].
Qed.

Lemma or_else_succeeded : forall {A} (a : perhaps A) b r,
  or_else a b = Succeeded r -> a = Succeeded r \/ (a = Unknown /\ b tt = Succeeded r).
Proof. intros A a b r H. destruct a; simpl in H; auto; discriminate. Qed.

(** Where a conflicted pair trades places, the effect is kept: whenever the
    traded pair applies, it gives the same state.  (For a prim and a
    conflictor that conflicts with others, and for two conflictors that
    conflict with others, it applies whenever the original pair does, as in
    [commute_nc_effect]; for a prim and the conflictor that only undoes it,
    and two conflictors likewise, both pairs undo themselves and the traded
    one applies on a well-formed repository, where a conflictor's identity
    applies after its effect.) *)
Theorem commute_conflicting_effect : forall (p q q' p' : rp3 L N) s t t',
  state_ok s -> ne (eff p) -> ne (eff q) ->
  sapply_list (eff p ++ eff q) s = Some t ->
  commute_conflicting p q = Succeeded (q', p') ->
  sapply_list (eff q' ++ eff p') s = Some t' ->
  state_eq t' t.
Proof.
  intros p q q' p' s t t' Ok Np Nq H C H'. unfold eff in *.
  destruct p as [a|r x cp]; destruct q as [b|s0 y cq]; cbn [commute_conflicting] in C; try discriminate C.
  - (* a prim and a conflictor *)
    apply or_else_succeeded in C as [C|[_ C]].
    + (* the conflictor only undoes the prim: both pairs undo themselves *)
      unfold cc_prim_only in C.
      destruct s0 as [|ip [|? ?]]; try discriminate C.
      destruct y as [|[[|? ?] p0] [|? ?]]; try discriminate C.
      destruct cq as [[|? ?] q0]; try discriminate C.
      destruct (nprim_eqb (ninv a) ip) eqn:E1; [|discriminate C].
      destruct (nprim_eqb a p0); [|discriminate C]. cbn [andb] in C. injection C as <- <-.
      cbn [rp3_effect map] in H, H'. apply nprim_eqb_prim in E1. cbn [ninv snd fst] in E1, H'.
      rewrite <- E1 in H.
      apply (state_eq_trans _ s _); [exact (there_and_back _ s t' Ok H')|].
      apply state_eq_sym. exact (there_and_back _ s t Ok H).
    + (* the conflictor also conflicts with others: the prim cancels its inverse *)
      unfold cc_prim in C. destruct (mem_pid (fst a) (map cid y)); [|discriminate C].
      destruct (pull_front_acc (fst (ninv a)) [] s0) as [[b' r0]|] eqn:F; [|discriminate C].
      destruct (nprim_eqb b' (ninv a)) eqn:E1; [|discriminate C]. injection C as <- <-.
      apply nprim_eqb_prim in E1. cbn [ninv snd] in E1.
      rewrite !rp3_effect_conf in *. cbn [rp3_effect] in H. rewrite app_nil_r in H'.
      simpl in H. destruct (sapply (snd a) s) as [s1|] eqn:S1; [|discriminate].
      assert (Ok1 : state_ok s1) by exact (sapply_state_ok _ s s1 Ok S1).
      inversion Np as [|? ? Na _]; subst.
      destruct (pull_front_acc_effect _ s0 [] b' r0 s1 t Ok1 Nq H F) as [t1 [H1 E1']].
      rewrite E1 in H1. simpl in H1.
      destruct (sapply (invert (snd a)) s1) as [s2|] eqn:S2; [|discriminate].
      pose proof (sapply_invert (snd a) s s1 Ok S1) as I. rewrite S2 in I.
      apply (state_eq_trans _ t1); [|exact E1'].
      exact (sapply_eq (P r0) s2 s t1 t' I H1 H').
  - (* two conflictors *)
    apply or_else_succeeded in C as [C|[_ C]].
    + (* the second only conflicts with the first: both pairs undo themselves *)
      unfold cc_conf_only in C. destruct s0; [|discriminate C].
      destruct (cset_eqb y [cp]); [|discriminate C].
      destruct (ctx_add_seq r cq) as [[|? ?] cq'] eqn:E; try discriminate C.
      injection C as <- <-. rewrite !rp3_effect_conf in *. cbn [rp3_effect P map] in H, H'.
      rewrite app_nil_r in H. cbn [ninv snd] in H'.
      assert (H2 : sapply_list ([snd cq'; invert (snd cq')] ++ map snd r) s = Some t')
        by (rewrite <- H'; reflexivity).
      apply sapply_split in H2 as (u & Hu & Hr).
      pose proof (there_and_back _ s u Ok Hu) as I.
      exact (sapply_eq (map snd r) s u t t' (state_eq_sym _ _ I) H Hr).
    + (* the second also conflicts with others: as in the no-conflict case *)
      unfold cc_conf in C. destruct (cmem (ctx_add_inv s0 cp) y); [|discriminate C].
      destruct (commute_to_prefix _ r) as [[com rr]|] eqn:T; [|discriminate C].
      destruct (nc_rlfl rr s0) as [[s' rr']|] eqn:F; [|discriminate C].
      injection C as <- <-. rewrite !rp3_effect_conf in *.
      apply sapply_split in H as (u & Hu & Hs).
      destruct (commute_to_prefix_effect _ _ _ _ _ _ Ok Np Hu T) as ([u1 [Hu1 Eu1]] & Ncom & Nrr).
      apply sapply_split in Hu1 as (v & Hv & Hrr).
      assert (Okv : state_ok v) by exact (sapply_list_ok _ s v Ok Hv).
      destruct (applies_proper _ _ _ _ (state_eq_sym _ _ Eu1) Hs) as [t1 [Ht1 Et1]].
      assert (Hrs : sapply_list (P rr ++ P s0) v = Some t1) by (rewrite sapply_list_app, Hrr; exact Ht1).
      destruct (commute_seq_laws _ _ v t1 _ _ Okv Nrr Nq Hrs (nc_rlfl_prims _ _ _ _ F)) as ([t2 [Ht2 Et2]] & _).
      assert (H3 : sapply_list (P com ++ (P s' ++ P rr')) s = Some t2)
        by (rewrite sapply_list_app, Hv; exact Ht2).
      assert (Et : Some t' = Some t2).
      { rewrite <- H', <- H3. unfold P. rewrite !map_app, <- app_assoc. reflexivity. }
      injection Et as ->. eapply state_eq_trans; eauto.
Qed.

(** darcs-3 [commute] keeps the effect: whenever the commuted pair applies
    where the original one did, the states are equal (and for
    [commuteNoConflicts] it always applies, [commute_nc_effect]). *)
Theorem commute3_effect : forall (p q q' p' : rp3 L N) s t t',
  state_ok s -> ne (eff p) -> ne (eff q) ->
  sapply_list (eff p ++ eff q) s = Some t ->
  commute3 p q = Some (q', p') ->
  sapply_list (eff q' ++ eff p') s = Some t' ->
  state_eq t' t.
Proof.
  intros p q q' p' s t t' Ok Np Nq H C H'. unfold commute3 in C.
  destruct (commute_conflicting p q) as [| |[a b]] eqn:E.
  - destruct (commute_nc_effect p q q' p' s t Ok Np Nq H C) as [t2 [H2 E2]].
    rewrite H' in H2. injection H2 as <-. exact E2.
  - discriminate C.
  - injection C as <- <-. exact (commute_conflicting_effect p q a b s t t' Ok Np Nq H E H').
Qed.

End Conflict3Laws.
