(** * Sem: the meaning of prims on states seen as functions.

    A state [s] denotes the function [lookup s : path -> option entry].
    [spre p g] is the condition under which [p] applies (strict semantics)
    to a state denoting [g], and [spost p g] what the result denotes.  The
    bridge [sapply_sem] lets the commutation laws be proved on functions,
    pointwise, without looking at lists. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert.
Import ListNotations.

Section Sem.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation entry := (entry L).

Definition fn := path -> option entry.

Definition feq (g h : fn) : Prop := forall x, g x = h x.

(** Nothing at or below [t]. *)
Definition fresh_f (g : fn) (t : path) : Prop := forall x, is_prefix t x = true -> g x = None.

(** Nothing strictly below [d]. *)
Definition nochild_f (g : fn) (d : path) : Prop :=
  forall x, is_prefix d x = true -> x <> d -> g x = None.

Definition isdir_f (g : fn) (p : path) : Prop := p = [] \/ g p = Some EDir.

Definition upd (g : fn) (p : path) (e : option entry) : fn :=
  fun x => if path_eqb p x then e else g x.

(** The state after moving [f] to [t] (when nothing is at or below [t]). *)
Definition ren (g : fn) (f t : path) : fn :=
  fun x => match strip_prefix t x with
           | Some r => g (f ++ r)
           | None => if is_prefix f x then None else g x
           end.

(** The path a file prim works on. *)
Definition fp_path (p : prim) : option path :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ => Some f
  | _ => None
  end.

(** The new content of the file of a content prim. *)
Definition fp_result (p : prim) (g : fn) : option (list L) :=
  match fp_path p with
  | Some f => match g f with Some (EFile c) => apply_fp p c | _ => None end
  | None => None
  end.

Definition spre (p : prim) (g : fn) : Prop :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      exists c', fp_result p g = Some c' /\ c' <> []
  | AddFile f => f <> [] /\ fresh_f g f /\ isdir_f g (parent f)
  | RmFile f => f <> [] /\ g f = Some (EFile [empty_line]) /\ nochild_f g f /\ isdir_f g (parent f)
  | AddDir d => d <> [] /\ fresh_f g d /\ isdir_f g (parent d)
  | RmDir d => d <> [] /\ g d = Some EDir /\ nochild_f g d /\ isdir_f g (parent d)
  | Move f t =>
      f <> [] /\ t <> [] /\ g f <> None /\ fresh_f g t /\ isdir_f g (parent f)
      /\ isdir_f g (parent t) /\ is_prefix f t = false
  | ChangePref _ _ _ => True
  end.

Definition spost (p : prim) (g : fn) : fn :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match fp_result p g with
      | Some c' => upd g f (Some (EFile c'))
      | None => g
      end
  | AddFile f => upd g f (Some (EFile [empty_line]))
  | RmFile f => upd g f None
  | AddDir d => upd g d (Some EDir)
  | RmDir d => upd g d None
  | Move f t => ren g f t
  | ChangePref _ _ _ => g
  end.

(** ** The bridge to [sapply] *)

Lemma fresh_f_spec : forall (s : state) t, fresh s t = true <-> fresh_f (lookup s) t.
Proof. intros; unfold fresh_f; apply fresh_spec. Qed.

Lemma nochild_f_spec : forall (s : state) d, no_children s d = true <-> nochild_f (lookup s) d.
Proof. intros; unfold nochild_f; apply no_children_spec. Qed.

Lemma isdir_f_spec : forall (s : state) p, is_dir s p = true <-> isdir_f (lookup s) p.
Proof. intros; unfold isdir_f; apply is_dir_spec. Qed.

Lemma is_file_empty_spec : forall e,
  is_file_empty e = true <-> e = Some (EFile [empty_line]).
Proof.
  intros [[|[|x [|y c]]]|]; simpl; split; intro H; try discriminate; try congruence.
  - destruct (eq_dec x empty_line); subst; congruence.
  - injection H as ->. destruct (eq_dec empty_line empty_line); congruence.
Qed.

Lemma is_some_spec : forall {A} (o : option A), is_some o = true <-> o <> None.
Proof. intros A [a|]; simpl; split; congruence. Qed.

Ltac bool_to_prop :=
  repeat match goal with
  | H : _ && _ = true |- _ => apply andb_true_iff in H as [? ?]
  | H : negb _ = true |- _ => apply negb_true_iff in H
  | H : nonroot _ = true |- _ => apply nonroot_spec in H
  | H : fresh _ _ = true |- _ => apply fresh_f_spec in H
  | H : no_children _ _ = true |- _ => apply nochild_f_spec in H
  | H : is_dir _ _ = true |- _ => apply isdir_f_spec in H
  | H : is_file_empty _ = true |- _ => apply is_file_empty_spec in H
  | H : is_some _ = true |- _ => apply is_some_spec in H
  end.

(** A successful strict application: its condition and its result. *)
Theorem sapply_sem : forall p (s s' : state),
  sapply p s = Some s' -> spre p (lookup s) /\ feq (lookup s') (spost p (lookup s)).
Proof.
  intros p s s' H. unfold sapply in H.
  destruct p as [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n]; cbn [apply_gen] in H;
    cbn [spre spost fp_result fp_path].
  1,7,8:
    destruct (lookup s f) as [[|c]|]; try discriminate;
    match type of H with context [apply_fp ?p c] => destruct (apply_fp p c) as [[|x c']|] end;
    try discriminate; injection H as <-;
    split; [eexists; split; [reflexivity|discriminate]|intro y; apply lookup_set].
  all: try (destruct (_ && _) eqn:C; [|discriminate]; injection H as <-; bool_to_prop).
  all: try (injection H as <-; split; [exact I|intro; reflexivity]).
  all: repeat split; auto;
    try (intro y; first [apply lookup_set | apply lookup_del
                         | apply lookup_rename; apply fresh_f_spec; auto]);
    try (match goal with H : isdir_f _ ?d |- lookup _ ?d = Some EDir =>
           destruct H; [congruence|auto] end).
Qed.

Lemma prop_to_bool_fresh : forall (s : state) t, fresh_f (lookup s) t -> fresh s t = true.
Proof. intros; apply fresh_f_spec; auto. Qed.

(** A satisfied condition: the strict application succeeds. *)
Theorem sem_sapply : forall p (s : state),
  spre p (lookup s) -> exists s', sapply p s = Some s'.
Proof.
  intros p s H. unfold sapply.
  destruct p as [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n]; cbn [apply_gen];
    cbn [spre fp_result fp_path] in H.
  1,7,8:
    destruct H as [c' [Hc Hne]];
    destruct (lookup s f) as [[|c]|]; try discriminate; rewrite Hc;
    destruct c' as [|x c']; [congruence|]; eauto.
  all: try (match type of H with _ /\ _ => destruct H as [H1 H] end).
  - destruct H as [H2 H3].
    rewrite (proj2 (nonroot_spec f) H1), (proj2 (fresh_f_spec s f) H2),
      (proj2 (isdir_f_spec s _) H3). simpl; eauto.
  - destruct H as [H2 [H3 H4]].
    rewrite (proj2 (nonroot_spec f) H1), (proj2 (is_file_empty_spec _) H2),
      (proj2 (nochild_f_spec s f) H3), (proj2 (isdir_f_spec s _) H4). simpl; eauto.
  - destruct H as [H2 H3].
    rewrite (proj2 (nonroot_spec d) H1), (proj2 (fresh_f_spec s d) H2),
      (proj2 (isdir_f_spec s _) H3). simpl; eauto.
  - destruct H as [H2 [H3 H4]].
    assert (is_dir s d = true) by (apply isdir_f_spec; right; auto).
    rewrite (proj2 (nonroot_spec d) H1), H, (proj2 (nochild_f_spec s d) H3),
      (proj2 (isdir_f_spec s _) H4). simpl; eauto.
  - destruct H as [H2 [H3 [H4 [H5 [H6 H7]]]]].
    rewrite (proj2 (nonroot_spec f) H1), (proj2 (nonroot_spec t) H2),
      (proj2 (is_some_spec _) H3), (proj2 (fresh_f_spec s t) H4),
      (proj2 (isdir_f_spec s _) H5), (proj2 (isdir_f_spec s _) H6), H7. simpl; eauto.
  - eauto.
Qed.

(** ** Conditions and results only depend on the function, pointwise *)

Lemma feq_refl : forall g, feq g g.
Proof. intros g x; reflexivity. Qed.

Lemma feq_sym : forall g h, feq g h -> feq h g.
Proof. intros g h H x; symmetry; apply H. Qed.

Lemma feq_trans : forall g h k, feq g h -> feq h k -> feq g k.
Proof. intros g h k H1 H2 x; rewrite H1; apply H2. Qed.

Lemma fresh_f_feq : forall g h t, feq g h -> fresh_f g t -> fresh_f h t.
Proof. intros g h t E H x Hx. rewrite <- E; auto. Qed.

Lemma nochild_f_feq : forall g h t, feq g h -> nochild_f g t -> nochild_f h t.
Proof. intros g h t E H x Hx Hn. rewrite <- E; auto. Qed.

Lemma isdir_f_feq : forall g h t, feq g h -> isdir_f g t -> isdir_f h t.
Proof. intros g h t E [H|H]; [left|right; rewrite <- E]; auto. Qed.

Lemma spre_feq : forall p g h, feq g h -> spre p g -> spre p h.
Proof.
  intros p g h E H.
  destruct p; cbn [spre fp_result fp_path] in *; rewrite <- ?E;
    repeat match goal with
    | H : _ /\ _ |- _ => destruct H
    end; repeat split; eauto using fresh_f_feq, nochild_f_feq, isdir_f_feq.
Qed.

Lemma spost_feq : forall p g h, feq g h -> feq (spost p g) (spost p h).
Proof.
  intros p g h E x. destruct p; cbn [spost fp_result fp_path]; rewrite <- ?E;
    unfold upd, ren; rewrite ?E; auto.
  all: try (destruct (strip_prefix _ x); [apply E|destruct (is_prefix _ x); auto]).
  all: match goal with |- context [match ?c with _ => _ end] => destruct c end; rewrite ?E; auto.
Qed.

(** Two strict steps, semantically. *)
Lemma sapply2_sem : forall p q (s s1 s2 : state),
  sapply p s = Some s1 -> sapply q s1 = Some s2 ->
  spre p (lookup s) /\ spre q (spost p (lookup s)) /\
  feq (lookup s2) (spost q (spost p (lookup s))).
Proof.
  intros p q s s1 s2 H1 H2.
  destruct (sapply_sem _ _ _ H1) as [P1 E1]. destruct (sapply_sem _ _ _ H2) as [P2 E2].
  split; [auto|split].
  - eapply spre_feq; eauto.
  - eapply feq_trans; [exact E2|]. apply spost_feq; auto.
Qed.

(** Conversely, semantic success of two steps gives strict success. *)
Lemma sem_sapply2 : forall p q (s : state),
  spre p (lookup s) -> spre q (spost p (lookup s)) ->
  exists s1 s2, sapply p s = Some s1 /\ sapply q s1 = Some s2 /\
                feq (lookup s2) (spost q (spost p (lookup s))).
Proof.
  intros p q s H1 H2. destruct (sem_sapply _ _ H1) as [s1 E1].
  destruct (sapply_sem _ _ _ E1) as [_ F1].
  assert (Hq : spre q (lookup s1)) by (eapply spre_feq; [apply feq_sym; exact F1|]; auto).
  destruct (sem_sapply _ _ Hq) as [s2 E2]. exists s1, s2. split; [auto|split; auto].
  destruct (sapply_sem _ _ _ E2) as [_ F2]. eapply feq_trans; [exact F2|]. apply spost_feq; auto.
Qed.

End Sem.
