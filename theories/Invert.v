(** * Invert: inverse patches, and the laws relating them to [apply]. *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Prim Token Apply.
Import ListNotations.

Section Invert.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation entry := (entry L).

(** darcs' [invert] on prims ([Darcs.Patch.Prim.V1.Core]). *)
Definition invert (p : prim) : prim :=
  match p with
  | Hunk f l old new => Hunk f l new old
  | AddFile f => RmFile f
  | RmFile f => AddFile f
  | AddDir d => RmDir d
  | RmDir d => AddDir d
  | Move f t => Move t f
  | Replace f toks old new => Replace f toks new old
  | Binary f old new => Binary f new old
  | ChangePref n old new => ChangePref n new old
  end.

(** The inverse of a sequence: reversed, each prim inverted (linear). *)
Definition invert_seq (ps : list prim) : list prim :=
  fold_left (fun acc p => invert p :: acc) ps [].

(** [invert] is an involution. *)
Theorem invert_involutive : forall p, invert (invert p) = p.
Proof. destruct p; reflexivity. Qed.

Lemma invert_seq_spec : forall ps, invert_seq ps = rev (map invert ps).
Proof.
  intro ps. unfold invert_seq.
  assert (forall acc, fold_left (fun acc p => invert p :: acc) ps acc
                      = rev (map invert ps) ++ acc) as H.
  { induction ps as [|p ps IH]; intro acc; simpl; auto.
    rewrite IH, <- app_assoc; reflexivity. }
  rewrite H, app_nil_r; reflexivity.
Qed.

(** [invert_seq] is an involution. *)
Theorem invert_seq_involutive : forall ps, invert_seq (invert_seq ps) = ps.
Proof.
  intro ps. rewrite !invert_seq_spec, map_rev, rev_involutive, map_map.
  erewrite map_ext; [apply map_id|]. intro; apply invert_involutive.
Qed.

(** ** Laws relating [invert] and [apply] *)

(** Every file of the state has at least one piece (darcs' line model:
    the empty file is one empty line).  [apply] preserves it. *)
Definition state_ok (s : state) : Prop :=
  forall p c, lookup s p = Some (EFile c) -> c <> [].

(** A file prim [vanishes] when it leaves its file with no piece at all
    before the identification [] = [""] (see [norm]), e.g. [hunk 1 [""] []]
    on the empty file, or when its file is absent (darcs then applies it to
    the empty content and creates the file).  darcs' semantics are not
    invertible there (see README, counterexamples 1 and 4). *)
Definition vanishes (p : prim) (s : state) : bool :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match lookup s f with
      | Some (EFile c) => match apply_fp p c with Some [] => true | _ => false end
      | Some EDir => false
      | None => true
      end
  | _ => false
  end.

Lemma set_set : forall (s : state) f e1 e2, state_eq (set (set s f e1) f e2) (set s f e2).
Proof.
  intros s f e1 e2 q. rewrite !lookup_set. destruct (path_eqb f q); auto.
Qed.

Lemma set_lookup : forall (s : state) f e, lookup s f = Some e -> state_eq (set s f e) s.
Proof.
  intros s f e H q. rewrite lookup_set. destruct (path_eqb f q) eqn:E; auto.
  apply path_eqb_eq in E; subst; auto.
Qed.

Lemma norm_nonempty : forall c, c <> [] -> norm c = c.
Proof. intros [|x c] H; [congruence|reflexivity]. Qed.

(** The hunk law on file contents. *)
Lemma apply_hunk_invert : forall l (old new c c' : list L),
  apply_hunk l old new c = Some c' -> apply_hunk l new old c' = Some c.
Proof.
  intros [|pos] old new c c' H; simpl in *; [discriminate|].
  apply splice_spec in H. destruct H as [pre [post [-> [Hl ->]]]].
  apply splice_spec. exists pre, post; auto.
Qed.

(** Applying a hunk and then its inverse gives back the state (unless the
    hunk vanishes its file, see [vanishes]). *)
Theorem apply_invert_hunk : forall f l old new (s s' : state),
  state_ok s ->
  vanishes (Hunk f l old new) s = false ->
  apply (Hunk f l old new) s = Some s' ->
  ostate_eq (apply (invert (Hunk f l old new)) s') (Some s).
Proof.
  intros f l old new s s' Hok Hv Ha. simpl in *.
  destruct (lookup s f) as [[|c]|] eqn:Hf; try discriminate.
  destruct (apply_hunk l old new c) as [c'|] eqn:Hh; try discriminate.
  injection Ha as <-.
  assert (c' <> []) as Hc' by (destruct c'; [discriminate|congruence]).
  rewrite lookup_set, path_eqb_refl, norm_nonempty by auto.
  rewrite (apply_hunk_invert _ _ _ _ _ Hh).
  rewrite norm_nonempty by (eapply Hok; eauto).
  eapply state_eq_trans; [apply set_set|]. apply set_lookup; auto.
Qed.


(** ** Tactics: turning a successful application into facts *)

Ltac split_conds :=
  repeat match goal with
  | H : _ && _ = true |- _ => apply andb_true_iff in H as [? ?]
  | H : negb _ = true |- _ => apply negb_true_iff in H
  end.

Ltac inv_some H :=
  repeat match type of H with
  | (if ?c then _ else _) = Some _ => let E := fresh "C" in destruct c eqn:E; [|discriminate H]
  | Some _ = Some _ => injection H as H
  end; split_conds.

(** ** Facts about the basic operations *)

Lemma nonroot_spec : forall p : path, nonroot p = true <-> p <> [].
Proof. intros [|x p]; simpl; split; congruence. Qed.

Lemma del_set : forall (s : state) f e, lookup s f = None -> state_eq (del (set s f e) f) s.
Proof.
  intros s f e H q. rewrite lookup_del, lookup_set.
  destruct (path_eqb f q) eqn:E; auto. apply path_eqb_eq in E; subst; auto.
Qed.

Lemma set_del : forall (s : state) f e, lookup s f = Some e -> state_eq (set (del s f) f e) s.
Proof.
  intros s f e H q. rewrite lookup_set, lookup_del.
  destruct (path_eqb f q) eqn:E; auto. apply path_eqb_eq in E; subst; auto.
Qed.

Lemma lookup_set_other : forall (s : state) f e q, f <> q -> lookup (set s f e) q = lookup s q.
Proof. intros. rewrite lookup_set, path_eqb_neq; auto. Qed.

Lemma lookup_del_other : forall (s : state) f q, f <> q -> lookup (del s f) q = lookup s q.
Proof. intros. rewrite lookup_del, path_eqb_neq; auto. Qed.

Lemma is_dir_parent_set : forall (s : state) f e,
  f <> [] -> is_dir (set s f e) (parent f) = is_dir s (parent f).
Proof.
  intros s f e Hf. pose proof (parent_neq f Hf). unfold is_dir.
  destruct (parent f) as [|x p] eqn:Ep; auto. rewrite lookup_set_other; auto.
Qed.

Lemma is_dir_parent_del : forall (s : state) f,
  f <> [] -> is_dir (del s f) (parent f) = is_dir s (parent f).
Proof.
  intros s f Hf. pose proof (parent_neq f Hf). unfold is_dir.
  destruct (parent f) as [|x p] eqn:Ep; auto. rewrite lookup_del_other; auto.
Qed.

Lemma strip_prefix_none : forall (a b : path), is_prefix a b = false -> strip_prefix a b = None.
Proof. intros a b H. rewrite is_prefix_strip in H. destruct (strip_prefix a b); congruence. Qed.

(** Lookups after a move, away from both names. *)
Lemma lookup_rename_other : forall (s : state) f t q,
  fresh s t = true -> is_prefix t q = false -> is_prefix f q = false ->
  lookup (rename_state f t s) q = lookup s q.
Proof. intros s f t q Hf Ht Hfq. rewrite lookup_rename, strip_prefix_none, Hfq; auto. Qed.

Lemma fresh_lookup : forall (s : state) t q, fresh s t = true -> is_prefix t q = true -> lookup s q = None.
Proof. intros s t q H; apply fresh_spec; auto. Qed.

Lemma is_prefix_parent_self : forall p : path, p <> [] -> is_prefix p (parent p) = false.
Proof.
  intros p Hp. destruct (is_prefix p (parent p)) eqn:E; auto.
  exfalso. apply (parent_neq p Hp). apply is_prefix_antisym; auto using parent_prefix.
Qed.

Lemma strip_prefix_refl : forall a : path, strip_prefix a a = Some [].
Proof.
  induction a as [|x a IH]; simpl; auto. destruct (eq_dec x x); [auto|congruence].
Qed.

Lemma is_file_empty_empty : is_file_empty (Some (EFile [empty_line])) = true.
Proof. simpl. destruct (eq_dec empty_line empty_line); congruence. Qed.

Lemma is_dir_same : forall (s1 s2 : state) q, lookup s1 q = lookup s2 q -> is_dir s1 q = is_dir s2 q.
Proof. intros s1 s2 [|x q] H; simpl; auto. rewrite H; auto. Qed.

(** The conditions and result of a move, undone by the opposite move. *)
Lemma move_back : forall (s : state) f t,
  nonroot f && nonroot t && is_some (lookup s f) && fresh s t
  && is_dir s (parent f) && is_dir s (parent t) && negb (is_prefix f t) = true ->
  let s' := rename_state f t s in
  nonroot t && nonroot f && is_some (lookup s' t) && fresh s' f
  && is_dir s' (parent t) && is_dir s' (parent f) && negb (is_prefix t f) = true
  /\ state_eq (rename_state t f s') s.
Proof.
  intros s f t H s'. rewrite !andb_true_iff in H.
  destruct H as [[[[[[Hnf Hnt] Hs] Hfr] Hpf0] Hpt0] Hft]. apply negb_true_iff in Hft.
  apply nonroot_spec in Hnf, Hnt.
  assert (Htf : is_prefix t f = false).
  { destruct (is_prefix t f) eqn:E; auto. rewrite (fresh_lookup s t f) in Hs; auto. }
  assert (Hother : forall q, is_prefix t q = false -> is_prefix f q = false ->
                        lookup s' q = lookup s q) by (intros; apply lookup_rename_other; auto).
  assert (Hfresh' : fresh s' f = true).
  { apply fresh_spec. intros q Hq. unfold s'. rewrite lookup_rename by auto.
    destruct (strip_prefix t q) as [r|] eqn:Sq; [|rewrite Hq; auto].
    apply strip_prefix_some in Sq; subst q.
    destruct (is_prefix_comparable f t (t ++ r) Hq (is_prefix_app t r)); congruence. }
  assert (Hpf : is_dir s' (parent f) = is_dir s (parent f)).
  { pose proof (is_prefix_parent_self f Hnf).
    destruct (is_prefix t (parent f)) eqn:E.
    - exfalso. assert (is_prefix t f = true) by (eapply is_prefix_trans; eauto using parent_prefix).
      congruence.
    - apply is_dir_same, Hother; auto. }
  assert (Hpt : is_dir s' (parent t) = is_dir s (parent t)).
  { pose proof (is_prefix_parent_self t Hnt).
    destruct (is_prefix f (parent t)) eqn:E.
    - exfalso. assert (is_prefix f t = true) by (eapply is_prefix_trans; eauto using parent_prefix).
      congruence.
    - apply is_dir_same, Hother; auto. }
  split.
  - rewrite Hfresh', Hpf, Hpt, Hpf0, Hpt0, Htf. unfold s'. rewrite lookup_rename by auto.
    rewrite strip_prefix_refl, app_nil_r.
    apply nonroot_spec in Hnf, Hnt. rewrite Hnf, Hnt, Hs. reflexivity.
  - intro q. unfold s'. rewrite lookup_rename by auto.
    destruct (strip_prefix f q) as [r|] eqn:Sq.
    + apply strip_prefix_some in Sq; subst q. rewrite lookup_rename, strip_prefix_app; auto.
    + destruct (is_prefix t q) eqn:Tq.
      * symmetry; apply (fresh_lookup s t); auto.
      * apply Hother; auto. rewrite is_prefix_strip, Sq; auto.
Qed.

(** ** The inverse law, strict semantics *)

(** Applying a prim and then its inverse gives back the state. *)
Theorem sapply_invert : forall p (s s' : state),
  state_ok s -> sapply p s = Some s' -> ostate_eq (sapply (invert p) s') (Some s).
Proof.
  intros p s s' Hok Ha. destruct p as [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n];
    unfold sapply in *; cbn [apply_gen invert apply_fp] in Ha |- *.
  - (* hunk *)
    destruct (lookup s f) as [[|c]|] eqn:Hf; try discriminate.
    destruct (apply_hunk l o n c) as [c'|] eqn:Hh; try discriminate.
    destruct c' as [|x c']; [discriminate|]. injection Ha as <-.
    rewrite lookup_set, path_eqb_refl. simpl.
    rewrite (apply_hunk_invert _ _ _ _ _ Hh).
    destruct c as [|y c]; [exfalso; eapply Hok; eauto|].
    eapply state_eq_trans; [apply set_set|]. apply set_lookup; auto.
  - (* addfile *)
    destruct (nonroot f && fresh s f && is_dir s (parent f)) eqn:C; [|discriminate].
    injection Ha as <-. rewrite !andb_true_iff in C. destruct C as [[Hn Hfr] Hp].
    pose proof Hn as Hn'. apply nonroot_spec in Hn'.
    rewrite lookup_set, path_eqb_refl, is_dir_parent_set, is_file_empty_empty by auto.
    assert (Hnc : no_children (set s f (EFile [empty_line])) f = true).
    { apply no_children_spec. intros q Hq Hne. rewrite lookup_set_other by auto.
      apply (fresh_lookup s f); auto. }
    rewrite Hnc, Hp, Hn. simpl.
    apply del_set. apply (fresh_lookup s f); auto using is_prefix_refl.
  - (* rmfile *)
    destruct (nonroot f && is_file_empty (lookup s f) && no_children s f && is_dir s (parent f))
      eqn:C; [|discriminate].
    injection Ha as <-. rewrite !andb_true_iff in C. destruct C as [[[Hn He] Hnc] Hp].
    pose proof Hn as Hn'. apply nonroot_spec in Hn'.
    rewrite is_dir_parent_del by auto.
    assert (Hfr : fresh (del s f) f = true).
    { apply fresh_spec. intros q Hq. rewrite lookup_del.
      destruct (path_eqb f q) eqn:E; auto. apply no_children_spec with (d := f); auto.
      intro; subst; rewrite path_eqb_refl in E; discriminate. }
    rewrite Hfr, Hp, Hn. simpl.
    apply set_del. destruct (lookup s f) as [[|[|x [|]]]|]; simpl in He; try discriminate.
    destruct (eq_dec x empty_line); subst; congruence.
  - (* adddir *)
    destruct (nonroot d && fresh s d && is_dir s (parent d)) eqn:C; [|discriminate].
    injection Ha as <-. rewrite !andb_true_iff in C. destruct C as [[Hn Hfr] Hp].
    pose proof Hn as Hn'. apply nonroot_spec in Hn'.
    rewrite is_dir_parent_set by auto.
    assert (Hnc : no_children (set s d EDir) d = true).
    { apply no_children_spec. intros q Hq Hne. rewrite lookup_set_other by auto.
      apply (fresh_lookup s d); auto. }
    assert (Hd : is_dir (set s d EDir) d = true).
    { apply is_dir_spec. right. rewrite lookup_set, path_eqb_refl; auto. }
    rewrite Hnc, Hp, Hn, Hd. simpl.
    apply del_set. apply (fresh_lookup s d); auto using is_prefix_refl.
  - (* rmdir *)
    destruct (nonroot d && is_dir s d && no_children s d && is_dir s (parent d)) eqn:C;
      [|discriminate].
    injection Ha as <-. rewrite !andb_true_iff in C. destruct C as [[[Hn Hd] Hnc] Hp].
    pose proof Hn as Hn'. apply nonroot_spec in Hn'.
    rewrite is_dir_parent_del by auto.
    assert (Hfr : fresh (del s d) d = true).
    { apply fresh_spec. intros q Hq. rewrite lookup_del.
      destruct (path_eqb d q) eqn:E; auto. apply no_children_spec with (d := d); auto.
      intro; subst; rewrite path_eqb_refl in E; discriminate. }
    rewrite Hfr, Hp, Hn. simpl.
    apply set_del. apply is_dir_spec in Hd as [Hd|Hd]; auto. congruence.
  - (* move *)
    destruct (nonroot f && nonroot t && is_some (lookup s f) && fresh s t
              && is_dir s (parent f) && is_dir s (parent t) && negb (is_prefix f t)) eqn:C;
      [|discriminate]. injection Ha as <-.
    destruct (move_back s f t C) as [C' E]. rewrite C'. exact E.
  - (* replace *)
    destruct (lookup s f) as [[|c]|] eqn:Hf; try discriminate.
    destruct (replace_ok (parse_class tk) o n) eqn:Hr; [|discriminate].
    destruct (replace_lines (parse_class tk) o n c) as [c'|] eqn:Hl; try discriminate.
    destruct c' as [|x c']; [discriminate|]. injection Ha as <-.
    rewrite lookup_set, path_eqb_refl, replace_ok_sym, Hr, (replace_lines_inv _ _ _ _ _ Hr Hl).
    simpl.
    destruct c as [|y c]; [exfalso; eapply Hok; eauto|].
    eapply state_eq_trans; [apply set_set|]. apply set_lookup; auto.
  - (* binary *)
    destruct (lookup s f) as [[|c]|] eqn:Hf; try discriminate.
    destruct (list_eq_dec eq_dec c o) as [->|]; [|discriminate].
    destruct n as [|x n]; [discriminate|]. injection Ha as <-.
    rewrite lookup_set, path_eqb_refl.
    destruct (list_eq_dec eq_dec (x :: n) (x :: n)); [|congruence].
    destruct o as [|y o]; [exfalso; eapply Hok; eauto|]. simpl.
    eapply state_eq_trans; [apply set_set|]. apply set_lookup; auto.
  - (* changepref *)
    injection Ha as <-. apply state_eq_refl.
Qed.

(** The strict semantics keep every file non-empty. *)
Ltac ok_cases Ha Hq :=
  repeat match type of Ha with
  | match ?x with _ => _ end = Some _ => destruct x eqn:?; try discriminate Ha
  | (if ?c then _ else _) = Some _ => destruct c eqn:?; try discriminate Ha
  | Some _ = Some _ => injection Ha as <-
  end;
  repeat match type of Hq with
  | lookup (set _ ?f _) ?q = _ =>
      rewrite lookup_set in Hq; destruct (path_eqb f q); [first [discriminate Hq|injection Hq as <-]|]
  | lookup (del _ ?f) ?q = _ =>
      rewrite lookup_del in Hq; destruct (path_eqb f q); [discriminate Hq|]
  end.

Theorem sapply_state_ok : forall p (s s' : state),
  state_ok s -> sapply p s = Some s' -> state_ok s'.
Proof.
  intros p s s' Hok Ha q c Hq. destruct p; unfold sapply in Ha; cbn [apply_gen] in Ha;
    ok_cases Ha Hq; try discriminate; eauto.
  (* move *)
  split_conds. rewrite lookup_rename in Hq by auto.
  destruct (strip_prefix dst q); [eauto|]. destruct (is_prefix src q); [discriminate|eauto].
Qed.

(** darcs' apply also keeps every file non-empty. *)
Theorem apply_state_ok : forall p (s s' : state),
  state_ok s -> apply p s = Some s' -> state_ok s'.
Proof.
  intros p s s' Hok Ha q c Hq. destruct p; unfold apply in Ha; cbn [apply_gen] in Ha;
    ok_cases Ha Hq; try discriminate; eauto;
    try (match goal with |- norm ?c <> [] => destruct c; discriminate end).
  (* move *)
  split_conds. rewrite lookup_rename in Hq by auto.
  destruct (strip_prefix dst q); [eauto|]. destruct (is_prefix src q); [discriminate|eauto].
Qed.

(** The strict semantics refine darcs' apply. *)
Theorem sapply_apply : forall p (s s' : state), sapply p s = Some s' -> apply p s = Some s'.
Proof.
  intros p s s' H. destruct p as [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n];
    unfold sapply, apply in *; cbn [apply_gen] in *; auto.
  all: destruct (lookup s f) as [[|c]|]; auto; try discriminate;
    match goal with |- context [apply_fp ?p c] => destruct (apply_fp p c) as [[|x c']|] end;
    auto; discriminate.
Qed.

(** ... and agree with it whenever no file loses its last piece and no
    content change meets an absent file ([vanishes] is false). *)
Theorem apply_sapply : forall p (s s' : state),
  apply p s = Some s' -> vanishes p s = false -> sapply p s = Some s'.
Proof.
  intros p s s' H Hv. destruct p as [f l o n|f|f|d|d|f t|f tk o n|f o n|nm o n];
    unfold sapply, apply, vanishes in *; cbn [apply_gen] in *; auto.
  all: destruct (lookup s f) as [[|c]|]; auto; try discriminate;
    match goal with |- context [apply_fp ?p c] => destruct (apply_fp p c) as [[|x c']|] end;
    auto; discriminate.
Qed.

(** The inverse law for darcs' apply: it holds unless the prim leaves a
    file with no piece (README, counterexample 1). *)
Theorem apply_invert : forall p (s s' : state),
  state_ok s -> apply p s = Some s' -> vanishes p s = false ->
  ostate_eq (apply (invert p) s') (Some s).
Proof.
  intros p s s' Hok Ha Hv. apply apply_sapply in Ha; auto.
  pose proof (sapply_invert p s s' Hok Ha) as H.
  destruct (sapply (invert p) s') as [s''|] eqn:E; [|contradiction].
  rewrite (sapply_apply _ _ _ E). exact H.
Qed.

(** The converse: applying the inverse and then the prim. *)
Theorem sapply_invert_converse : forall p (s s' : state),
  state_ok s -> sapply (invert p) s = Some s' -> ostate_eq (sapply p s') (Some s).
Proof.
  intros p s s' Hok Ha. rewrite <- (invert_involutive p) at 1.
  apply sapply_invert; auto.
Qed.

End Invert.
