(** * MoveMove: two moves commuted past each other keep the effect.

    The composition of two renames is computed pointwise; the seven
    possible nestings of the four paths are examined one by one (the others
    cannot occur when the two moves apply in sequence and darcs' guards
    let them commute). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem CommuteLaws CommuteEffect.
Import ListNotations.

Section MoveMove.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation fn := (@fn L N).
Notation prim := (prim L N).
Notation state := (state L N).

Lemma strip_app_app : forall (x a r : path), strip_prefix (x ++ a) (x ++ r) = strip_prefix a r.
Proof.
  induction x as [|y x IH]; intros; simpl; auto. destruct (eq_dec y y); [auto|congruence].
Qed.

Lemma strip_incomp : forall (x y r : path),
  is_prefix x y = false -> is_prefix y x = false -> strip_prefix x (y ++ r) = None.
Proof. intros. apply strip_prefix_none. apply incomp_app; auto. Qed.

Lemma strip_none_prefix : forall (x z : path), strip_prefix x z = None -> is_prefix x z = false.
Proof. intros x z H. rewrite is_prefix_strip, H. auto. Qed.

Lemma not_prefix_parent : forall x y : path, is_prefix x y = false -> is_prefix x (parent y) = false.
Proof.
  intros x y H. destruct (is_prefix x (parent y)) eqn:E; auto. rewrite <- H.
  symmetry. eapply is_prefix_trans; eauto using parent_prefix.
Qed.

Ltac pf :=
  first [ assumption
        | reflexivity
        | apply not_prefix_parent; pf
        | apply prefix_longer; assumption
        | rewrite is_prefix_app_inv; pf
        | apply incomp_app; pf
        | apply prefix_app_l_false; pf ].

Ltac zsimp :=
  repeat (first
    [ progress (rewrite <- ?app_assoc in * )
    | rewrite strip_prefix_app
    | rewrite strip_app_app
    | rewrite is_prefix_app
    | rewrite is_prefix_app_inv
    | match goal with |- context [strip_prefix ?x (?y ++ ?r)] =>
        rewrite (strip_incomp x y r) by pf end
    | match goal with |- context [is_prefix ?x (?y ++ ?r)] =>
        rewrite (incomp_app x y r) by pf end
    | match goal with H : is_prefix ?x ?z = false |- context [strip_prefix ?x ?z] =>
        rewrite (strip_prefix_none x z H) end
    | match goal with |- context [strip_prefix ?x ?z] =>
        rewrite (strip_prefix_none x z) by pf end
    | match goal with |- context [is_prefix ?x ?z] =>
        replace (is_prefix x z) with false by (symmetry; pf) end
    | match goal with |- context [strip_prefix ?x (parent ?z)] =>
        rewrite (strip_prefix_none x (parent z)) by pf end
    | match goal with |- context [is_prefix ?x (parent ?z)] =>
        rewrite (not_prefix_parent x z) by pf end
    | match goal with H : is_prefix ?x ?z = false |- context [is_prefix ?x ?z] =>
        rewrite H end
    | match goal with H : context [is_prefix (?x ++ _) (?x ++ _)] |- _ =>
        rewrite is_prefix_app_inv in H end
    | match goal with H : context [is_prefix ?x (?x ++ _)] |- _ =>
        rewrite is_prefix_app in H end
    | rewrite move_path_prefix
    | match goal with |- context [move_path ?x ?y ?z] =>
        rewrite (move_path_not_prefix x y z) by pf end ]).

Ltac zsplit :=
  match goal with
  | |- context [strip_prefix ?x ?z] =>
      is_var z; let S := fresh "S" in let r := fresh "r" in
      destruct (strip_prefix x z) as [r|] eqn:S;
      [apply strip_prefix_some in S; subst z | apply strip_none_prefix in S]
  | |- context [is_prefix ?x ?z] =>
      is_var z; let S := fresh "S" in let r := fresh "r" in
      destruct (is_prefix x z) eqn:S;
      [apply is_prefix_true in S as [r S]; subst z | idtac]
  end.

Ltac zcontra :=
  match goal with
  | H : is_prefix ?x (?x ++ _) = false |- _ => rewrite is_prefix_app in H; discriminate H
  | H : is_prefix ?x ?x = false |- _ => rewrite is_prefix_refl in H; discriminate H
  | H : ?a <> ?a |- _ => exfalso; apply H; reflexivity
  | H : true = false |- _ => discriminate H
  | H : false = true |- _ => discriminate H
  end.

Ltac zsolve := repeat (zsimp; try zcontra; try reflexivity; zsplit); zsimp; try zcontra; try reflexivity.

Lemma mm_ren : forall (g : fn) f f' d d',
  wf_move f f' -> wf_move d d' ->
  is_prefix f d = false -> (d' <> f -> is_prefix f d' = false) ->
  is_prefix d' f' = false -> (d' <> f -> is_prefix d' f = false) ->
  (path_eqb f d' || path_eqb f' d) = false ->
  (path_eqb f d || path_eqb f' d') = false ->
  (is_superdir d f && is_superdir f' d') = false ->
  feq (ren (ren g f f') d d')
      (ren (ren g (move_path f' f d) (move_path f' f d'))
           (move_path d d' f) (move_path d d' f')).
Proof.
  intros g f f' d d' (Hf & Hf' & Hff' & Hf'f) (Hd & Hd' & Hdd' & Hd'd) P1 P2 P3 P4 G1 G2 G3.
  apply orb_false_iff in G1 as [G1 G1']. apply orb_false_iff in G2 as [G2 G2'].
  assert (N1 : f <> d') by (intro; subst; rewrite path_eqb_refl in G1; discriminate).
  assert (N2 : f' <> d) by (intro; subst; rewrite path_eqb_refl in G1'; discriminate).
  assert (N3 : f <> d) by (intro; subst; rewrite path_eqb_refl in G2; discriminate).
  assert (N4 : f' <> d') by (intro; subst; rewrite path_eqb_refl in G2'; discriminate).
  specialize (P2 (not_eq_sym N1)). specialize (P4 (not_eq_sym N1)).
  destruct (is_prefix f' d) eqn:A; destruct (is_prefix f' d') eqn:B;
    destruct (is_prefix d f) eqn:C; destruct (is_prefix d f') eqn:E;
    try solve [exfalso; rewrite (is_prefix_trans f' d f A C) in Hf'f; discriminate];
    try solve [exfalso; rewrite (is_prefix_trans d f' d' E B) in Hdd'; discriminate];
    try solve [exfalso; apply N2; apply is_prefix_antisym; auto];
    try solve [exfalso; unfold is_superdir in G3; rewrite C, B, path_eqb_neq, path_eqb_neq in G3;
         auto; discriminate].
  all: repeat match goal with
       | H : is_prefix ?x ?y = true |- _ =>
           let r := fresh "a" in
           apply is_prefix_true in H as [r H]; subst y;
           assert (r <> []) by (apply (app_not_nil_of_neq x); auto)
       end.
  all: rewrite ?is_prefix_app_inv in *.
  all: intro z; unfold ren; zsolve.
Qed.

Ltac nonroot_tac :=
  first [ assumption
        | let E := fresh "E" in intro E; apply app_eq_nil in E as [E ?]; congruence ].

Ltac pt := apply is_prefix_true; eexists; rewrite <- ?app_assoc; reflexivity.

Lemma mm_pre : forall (g : fn) f f' d d',
  wf_move f f' -> wf_move d d' ->
  is_prefix f d = false -> (d' <> f -> is_prefix f d' = false) ->
  is_prefix d' f' = false -> (d' <> f -> is_prefix d' f = false) ->
  (path_eqb f d' || path_eqb f' d) = false ->
  (path_eqb f d || path_eqb f' d') = false ->
  (is_superdir d f && is_superdir f' d') = false ->
  spre (Move f f') g -> spre (Move d d') (ren g f f') ->
  spre (Move (move_path f' f d) (move_path f' f d')) g /\
  spre (Move (move_path d d' f) (move_path d d' f'))
       (ren g (move_path f' f d) (move_path f' f d')).
Proof.
  intros g f f' d d' (Hf & Hf' & Hff' & Hf'f) (Hd & Hd' & Hdd' & Hd'd) P1 P2 P3 P4 G1 G2 G3 Pp Pq.
  destruct Pp as (_ & _ & Gf & Ff' & Pf & Pf' & _).
  destruct Pq as (_ & _ & Gd & Fd' & Pd & Pd' & _).
  apply orb_false_iff in G1 as [G1 G1']. apply orb_false_iff in G2 as [G2 G2'].
  assert (N1 : f <> d') by (intro; subst; rewrite path_eqb_refl in G1; discriminate).
  assert (N2 : f' <> d) by (intro; subst; rewrite path_eqb_refl in G1'; discriminate).
  assert (N3 : f <> d) by (intro; subst; rewrite path_eqb_refl in G2; discriminate).
  assert (N4 : f' <> d') by (intro; subst; rewrite path_eqb_refl in G2'; discriminate).
  specialize (P2 (not_eq_sym N1)). specialize (P4 (not_eq_sym N1)).
  destruct (is_prefix f' d) eqn:A; destruct (is_prefix f' d') eqn:B;
    destruct (is_prefix d f) eqn:C; destruct (is_prefix d f') eqn:E;
    try solve [exfalso; rewrite (is_prefix_trans f' d f A C) in Hf'f; discriminate];
    try solve [exfalso; rewrite (is_prefix_trans d f' d' E B) in Hdd'; discriminate];
    try solve [exfalso; apply N2; apply is_prefix_antisym; auto];
    try solve [exfalso; unfold is_superdir in G3; rewrite C, B, path_eqb_neq, path_eqb_neq in G3;
         auto; discriminate].
  all: repeat match goal with
       | H : is_prefix ?x ?y = true |- _ =>
           let r := fresh "a" in
           apply is_prefix_true in H as [r H]; subst y;
           assert (r <> []) by (apply (app_not_nil_of_neq x); auto)
       end.
  all: rewrite ?is_prefix_app_inv in *.
  all: rewrite ?parent_app_nonnil in * by assumption.
  all: revert Gd Pd Pd'; unfold ren, isdir_f; zsimp; intros Gd Pd Pd'.
  all: unfold isdir_f in Pf, Pf'.
  all: rewrite ?parent_app_nonnil in Pf, Pf' by assumption.
  all: cbn [spre]; unfold isdir_f.
  all: repeat split.
  all: try solve [zsimp; nonroot_tac].
  all: try solve [zsimp; pf].
  all: rewrite ?parent_app_nonnil by assumption.
  (* fresh targets *)
  all: try (let z := fresh "z" in let Hz := fresh "Hz" in let u := fresh "u" in
            intros z Hz; apply is_prefix_true in Hz as [u ->]; cbv beta; zsimp;
            first [ reflexivity
                  | apply Ff'; pt
                  | match type of Fd' with fresh_f _ ?D0 =>
                      generalize (Fd' (D0 ++ u) ltac:(pt)) end;
                    unfold ren; zsimp; let X := fresh in intro X; exact X ]).
  (* present sources *)
  all: try solve [cbv beta; zsimp; first [exact Gd | exact Gf]].
  (* directories above *)
  all: cbv beta; zsimp.
  all: first [ exact Pd | exact Pd' | exact Pf | exact Pf'
             | match goal with P : _ \/ _ |- _ =>
                 let X := fresh in destruct P as [X|X];
                 [ exfalso; apply app_eq_nil in X as [? ?]; congruence | right; exact X ] end ].
Qed.

(** ** Commuting keeps the effect: every pair *)

Theorem commute_effect_sem : forall (p q q' p' : prim) (g : fn),
  fn_ok g -> nonempty_hunk p -> nonempty_hunk q ->
  spre p g -> spre q (spost p g) -> commute p q = Some (q', p') ->
  spre q' g /\ spre p' (spost q' g) /\ feq (spost p' (spost q' g)) (spost q (spost p g)).
Proof.
  intros p q q' p' g Ok Ep Eq Pp Pq H.
  destruct (is_move p && is_move q) eqn:Mm.
  - destruct p as [| | | | |f f'| | | ]; try discriminate Mm.
    destruct q as [| | | | |d d'| | | ]; try discriminate Mm.
    pose proof (spre_seq_facts _ _ g Pp Pq) as (Fp & Fq & (P1 & P2 & P3 & P4)).
    simpl in Fp, Fq. rewrite commute_mm in H.
    destruct (path_eqb f d' || path_eqb f' d) eqn:G1; [discriminate|].
    destruct (path_eqb f d || path_eqb f' d') eqn:G2; [discriminate|].
    destruct (is_superdir d f && is_superdir f' d') eqn:G3; [discriminate|].
    injection H as <- <-. simpl in Pq |- *.
    destruct (mm_pre g f f' d d' Fp Fq P1 P2 P3 P4 G1 G2 G3 Pp Pq) as [A B].
    split; [exact A|split; [exact B|]].
    apply feq_sym, mm_ren; auto.
  - eapply commute_effect_sem_nomm; eauto.
Qed.

(** Commuting keeps the effect, on states: if [p;q] applies to [s] (strict
    semantics), every file of [s] has a piece, and neither prim is an empty
    hunk, then [q';p'] applies to [s] with the same result. *)
Theorem commute_effect : forall (p q q' p' : prim) (s s1 s2 : state),
  state_ok s -> nonempty_hunk p -> nonempty_hunk q ->
  sapply p s = Some s1 -> sapply q s1 = Some s2 -> commute p q = Some (q', p') ->
  exists s1' s2', sapply q' s = Some s1' /\ sapply p' s1' = Some s2' /\ state_eq s2' s2.
Proof.
  intros p q q' p' s s1 s2 Ok Ep Eq H1 H2 H.
  destruct (sapply2_sem p q s s1 s2 H1 H2) as (P1 & P2 & F).
  destruct (commute_effect_sem p q q' p' (lookup s) Ok Ep Eq P1 P2 H) as (Q1 & Q2 & G).
  destruct (sem_sapply2 q' p' s Q1 Q2) as (s1' & s2' & E1 & E2 & F').
  exists s1', s2'. split; [auto|split; [auto|]].
  intro x. rewrite F', G, F. reflexivity.
Qed.

End MoveMove.
