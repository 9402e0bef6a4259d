(** * Conflict2Laws: darcs-2 commutation keeps the effect where no conflict
    is involved ([commuteNoConflicts] on duplicates, prims and conflictors,
    the kinds a repository stores): the effects of the commuted pair apply
    wherever the original pair's did, with an equal result.  A conflictor's
    effect is the inverse of the prims it undoes, so the proof goes through
    the verified sequence law and the sequence inverse law. *)

From Coq Require Import List Bool Arith.
From DarcsWeb Require Import Prim Token Apply Invert Commute CommuteEffect Seq Walk Conflict3 Conflict2 Conflict3Laws.
Import ListNotations.

Section Conflict2Laws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation prim := (prim L N).
Notation state := (state L N).
Notation rp2 := (rp2 L N).

Lemma invert_seq_app : forall (xs ys : list prim), invert_seq (xs ++ ys) = invert_seq ys ++ invert_seq xs.
Proof. intros xs ys. rewrite !invert_seq_spec, map_app, rev_app_distr. reflexivity. Qed.

Lemma nonempty_invert : forall p : prim, nonempty_hunk p -> nonempty_hunk (invert p).
Proof. intros [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n] H; simpl in *; auto. destruct o, n; auto. Qed.

Lemma ne_invert_seq : forall ps : list prim, ne ps -> ne (invert_seq ps).
Proof.
  intros ps H. unfold ne in *. rewrite invert_seq_spec. apply Forall_rev. apply Forall_map.
  exact (Forall_impl _ nonempty_invert H).
Qed.

Lemma p_crl_seq : forall (xs : list prim) y y' xs',
  p_crl xs y = Some (y', xs') -> commute_seq xs [y] = Some ([y'], xs').
Proof.
  induction xs as [|x xs IH]; intros y y' xs' H; simpl in H.
  - injection H as <- <-. reflexivity.
  - destruct (p_crl xs y) as [[y1 xs1]|] eqn:E; [|discriminate].
    destruct (commute x y1) as [[b a]|] eqn:C; [|discriminate].
    injection H as <- <-. rewrite commute_seq_cons_l, (IH _ _ _ E). cbn [bind2 Commute.commute_past].
    rewrite C. reflexivity.
Qed.

(** The effect of [xx⁻¹; yy⁻¹] is kept when [yy;xx] commutes to [xx';yy']. *)
Lemma inverse_pair_effect : forall (xx yy xx' yy' : list prim) s t,
  state_ok s -> ne xx -> ne yy ->
  sapply_list (invert_seq xx ++ invert_seq yy) s = Some t ->
  commute_seq yy xx = Some (xx', yy') ->
  applies_to (invert_seq yy' ++ invert_seq xx') s t.
Proof.
  intros xx yy xx' yy' s t Ok Nx Ny H C.
  assert (Okt : state_ok t) by exact (sapply_list_ok _ s t Ok H).
  destruct (sapply_list_invert _ s t Ok H) as [s1 [H1 E1]].
  rewrite invert_seq_app, !invert_seq_involutive in H1.
  destruct (commute_seq_laws yy xx t s1 xx' yy' Okt Ny Nx H1 C) as ([s2 [H2 E2]] & _).
  destruct (sapply_list_invert _ t s2 Okt H2) as [t2 [H3 E3]].
  rewrite invert_seq_app in H3.
  destruct (applies_proper _ s2 s t2 (state_eq_trans _ _ _ E2 E1) H3) as [t3 [H4 E4]].
  exists t3. split; [exact H4|]. eapply state_eq_trans; eauto.
Qed.

(** The kinds a repository stores: prims, duplicates, conflictors. *)
Definition forward (p : rp2) : bool :=
  match p with Etac _ | InvConf _ _ _ => false | _ => true end.

(** Take apart the binds of a computation that succeeded. *)
Ltac dres H :=
  unfold rbind, of_opt in H;
  repeat match type of H with
  | context [match ?m with Some _ => _ | None => _ end] =>
      let E := fresh "E" in destruct m eqn:E; cbn iota beta in H; try discriminate H
  | context [match ?m with Yes _ => _ | No => _ | Unsup => _ end] =>
      let E := fresh "E" in destruct m eqn:E; cbn iota beta in H; try discriminate H
  | context [match ?m with [] => _ | _ :: _ => _ end] => destruct m; cbn iota beta in H; try discriminate H
  | context [match ?a with (_, _) => _ end] => destruct a; cbn iota beta in H
  | context [if ?b then _ else _] => destruct b; cbn iota beta in H; try discriminate H
  end.

Lemma ne_of_inverse : forall xs : list prim, ne (invert_seq xs) -> ne xs.
Proof. intros xs H. rewrite <- (invert_seq_involutive xs). apply ne_invert_seq, H. Qed.

(** darcs-2 [commuteNoConflicts] keeps the effect. *)
Theorem cnc_core_effect : forall o (p q q' p' : rp2) s t,
  forward p = true -> forward q = true ->
  state_ok s -> ne (effect2 p) -> ne (effect2 q) ->
  sapply_list (effect2 p ++ effect2 q) s = Some t ->
  cnc_core o p q = Yes (q', p') ->
  applies_to (effect2 q' ++ effect2 p') s t.
Proof.
  intros o p q q' p' s t Fp Fq Ok Np Nq H C.
  assert (Same : effect2 q' ++ effect2 p' = effect2 p ++ effect2 q -> applies_to (effect2 q' ++ effect2 p') s t)
    by (intros E; rewrite E; exists t; split; [exact H|apply state_eq_refl]).
  destruct p as [x|dp|dp|ix xx x|ix xx x]; destruct q as [y|dq|dq|iy yy y|iy yy y];
    try discriminate Fp; try discriminate Fq; cbn [cnc_core] in C.
  - (* two prims *)
    dres C; try discriminate C. injection C as <- <-. cbn [effect2] in *.
    assert (Cs : commute_seq [x] [y] = Some ([p], [p0]))
      by (apply commute_seq_single_l; simpl; rewrite E; reflexivity).
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* a prim and a duplicate *)
    dres C; try discriminate C; injection C as <- <-; apply Same; cbn [effect2]; rewrite ?app_nil_r; reflexivity.
  - (* a prim past a conflictor *)
    dres C; try discriminate C. injection C as <- <-. cbn [effect2] in *. rewrite invert_seq_involutive.
    pose proof (commute_seq_single_l _ _ _ _ E) as Cs.
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* a duplicate and a prim *)
    dres C; try discriminate C. injection C as <- <-. apply Same. cbn [effect2]. rewrite app_nil_r. reflexivity.
  - (* two duplicates *)
    inversion C; subst. apply Same. reflexivity.
  - (* a duplicate and a conflictor *)
    dres C; try discriminate C. injection C as <- <-. apply Same. cbn [effect2]. rewrite app_nil_r. reflexivity.
  - (* a conflictor past a prim *)
    dres C; try discriminate C. injection C as <- <-. cbn [effect2] in *. rewrite invert_seq_involutive.
    pose proof (p_crl_seq _ _ _ _ E) as Cs.
    exact (proj1 (commute_seq_laws _ _ s t _ _ Ok Np Nq H Cs)).
  - (* a conflictor and a duplicate *)
    dres C; try discriminate C; injection C as <- <-; apply Same; cbn [effect2]; rewrite ?app_nil_r; reflexivity.
  - (* two conflictors *)
    dres C; try discriminate C. injection C as <- <-. cbn [effect2] in *.
    exact (inverse_pair_effect xx yy _ _ s t Ok (ne_of_inverse _ Np) (ne_of_inverse _ Nq) H E).
Qed.

End Conflict2Laws.
