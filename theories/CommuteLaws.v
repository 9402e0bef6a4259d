(** * CommuteLaws: the laws of darcs' prim commutation.

    For every pair of prims that can be applied in sequence (strict
    semantics, see [Apply.sapply]):
    - self-inverse: commuting back gives the original pair;
    - the commute/invert square;
    - commuting keeps the effect (except for empty hunks, see README). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem.
Import ListNotations.

Arguments tok_lines : simpl never.
Arguments commute_hunk_lines : simpl never.

Section Laws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation fn := (@fn L N).

(** ** How [commute] unfolds, by kinds of prims *)

Definition is_fp (p : prim) : bool := match kind_of p with KFile _ => true | _ => false end.

Lemma kind_invert : forall p : prim,
  kind_of (invert p) = match kind_of p with KMove f t => KMove t f | k => k end.
Proof. destruct p; reflexivity. Qed.

Lemma invert_relocate : forall (p : prim) x, invert (relocate p x) = relocate (invert p) x.
Proof. destruct p; reflexivity. Qed.

Lemma is_addrm_invert : forall p : prim, is_addrm_file (invert p) = is_addrm_file p.
Proof. destruct p; reflexivity. Qed.

Lemma is_pref_invert : forall p : prim, is_pref (invert p) = is_pref p.
Proof. destruct p; reflexivity. Qed.

Lemma kind_pref : forall p : prim, kind_of p = KPref <-> is_pref p = true.
Proof. destruct p; simpl; split; congruence. Qed.

Lemma relocate_file : forall (p : prim) f x, kind_of p = KFile f -> kind_of (relocate p x) = KFile x.
Proof. destruct p; simpl; congruence. Qed.

Lemma relocate_dir : forall (p : prim) f x, kind_of p = KDir f -> kind_of (relocate p x) = KDir x.
Proof. destruct p; simpl; congruence. Qed.

Lemma relocate_same_file : forall (p : prim) f, kind_of p = KFile f -> relocate p f = p.
Proof. destruct p; simpl; congruence. Qed.

Lemma relocate_same_dir : forall (p : prim) f, kind_of p = KDir f -> relocate p f = p.
Proof. destruct p; simpl; congruence. Qed.

Lemma relocate_relocate : forall (p : prim) x y, relocate (relocate p x) y = relocate p y.
Proof. destruct p; reflexivity. Qed.

Lemma is_addrm_relocate : forall (p : prim) x, is_addrm_file (relocate p x) = is_addrm_file p.
Proof. destruct p; reflexivity. Qed.

Lemma commute_pref : forall p q : prim,
  is_pref p = true \/ is_pref q = true -> commute p q = Some (q, p).
Proof.
  intros p q [H|H]; destruct p; try discriminate; destruct q; try discriminate; reflexivity.
Qed.

Ltac kinds :=
  repeat match goal with
  | H : kind_of ?p = _ |- _ => destruct p; simpl in H; try discriminate H; injection H as ?; subst
  end.

Lemma commute_ff_diff : forall (p q : prim) f1 f2,
  kind_of p = KFile f1 -> kind_of q = KFile f2 -> f1 <> f2 -> commute p q = Some (q, p).
Proof.
  intros p q f1 f2 Hp Hq Hn. unfold commute, speedy. rewrite Hp, Hq, path_eqb_neq by auto.
  reflexivity.
Qed.

Lemma commute_ff_same : forall (p q : prim) f,
  kind_of p = KFile f -> kind_of q = KFile f ->
  commute p q =
    match commute_fp p q with
    | Succeeded x => Some x
    | Failed => None
    | Unknown =>
        match commute_fp (invert q) (invert p) with
        | Succeeded (a, b) => Some (invert b, invert a)
        | _ => None
        end
    end.
Proof.
  intros p q f Hp Hq. unfold commute, speedy. rewrite Hp, Hq, path_eqb_refl.
  unfold everything_else.
  assert (Pp : is_pref p = false) by (destruct p; simpl in *; congruence).
  assert (Pq : is_pref q = false) by (destruct q; simpl in *; congruence).
  rewrite Pp, Pq. unfold clever, commute_filedir. rewrite Hp, Hq, path_eqb_refl.
  rewrite !kind_invert, Hp, Hq, path_eqb_refl.
  destruct (commute_fp p q) as [| |x]; auto.
  destruct (commute_fp (invert q) (invert p)) as [| |[a b]]; auto.
Qed.

Lemma commute_fd : forall (p q : prim) f d,
  kind_of p = KFile f -> kind_of q = KDir d ->
  commute p q = if is_prefix d f then None else Some (q, p).
Proof.
  intros p q f d Hp Hq. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    destruct (is_prefix d f); reflexivity.
Qed.

Lemma commute_df : forall (p q : prim) f d,
  kind_of p = KDir d -> kind_of q = KFile f ->
  commute p q = if is_prefix d f then None else Some (q, p).
Proof.
  intros p q f d Hp Hq. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    destruct (is_prefix d f); reflexivity.
Qed.

Lemma commute_dd : forall (p q : prim) d1 d2,
  kind_of p = KDir d1 -> kind_of q = KDir d2 ->
  commute p q = if negb (is_prefix d1 d2 || is_prefix d2 d1) && negb (path_eqb d1 d2)
                then Some (q, p) else None.
Proof.
  intros p q d1 d2 Hp Hq. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    destruct (negb (is_prefix d1 d2 || is_prefix d2 d1) && negb (path_eqb d1 d2)); reflexivity.
Qed.

Lemma commute_fm : forall (p : prim) f d d',
  kind_of p = KFile f ->
  commute p (Move d d') =
    if path_eqb f d' then None
    else if is_addrm_file p && path_eqb d f then None
    else Some (Move d d', relocate p (move_path d d' f)).
Proof.
  intros p f d d' Hp. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    repeat (match goal with |- context [if ?c then _ else _] => destruct c end); reflexivity.
Qed.

Lemma commute_mf : forall (q : prim) f d d',
  kind_of q = KFile f ->
  commute (Move d d') q =
    if path_eqb f d then None
    else if is_addrm_file q && path_eqb d' f then None
    else Some (relocate q (move_path d' d f), Move d d').
Proof.
  intros q f d d' Hq. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    repeat (match goal with |- context [if ?c then _ else _] => destruct c end); reflexivity.
Qed.

Lemma commute_dm : forall (p : prim) d1 d d',
  kind_of p = KDir d1 ->
  commute p (Move d d') =
    if is_superdir d1 d' || is_superdir d1 d then None
    else if path_eqb d d1 then None
    else if path_eqb d1 d' then None
    else Some (Move d d', relocate p (move_path d d' d1)).
Proof.
  intros p d1 d d' Hp. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    repeat (match goal with |- context [if ?c then _ else _] => destruct c end); reflexivity.
Qed.

Lemma commute_md : forall (q : prim) d1 d d',
  kind_of q = KDir d1 ->
  commute (Move d d') q =
    if is_superdir d1 d || is_superdir d1 d' then None
    else if path_eqb d' d1 then None
    else if path_eqb d1 d then None
    else Some (relocate q (move_path d' d d1), Move d d').
Proof.
  intros q d1 d d' Hq. kinds; unfold commute, speedy, everything_else, clever, commute_filedir; simpl;
    repeat (match goal with |- context [if ?c then _ else _] => destruct c end); reflexivity.
Qed.

Lemma commute_mm : forall f f' d d' : path,
  commute (Move f f') (Move d d') =
    if path_eqb f d' || path_eqb f' d then None
    else if path_eqb f d || path_eqb f' d' then None
    else if is_superdir d f && is_superdir f' d' then None
    else Some (Move (move_path f' f d) (move_path f' f d'),
               Move (move_path d d' f) (move_path d d' f')).
Proof.
  intros. unfold commute, speedy, everything_else, clever, commute_filedir; simpl.
  repeat (match goal with |- context [if ?c then _ else _] => destruct c end); reflexivity.
Qed.

(** ** Facts about paths that sequential application guarantees *)

(** A move between two unrelated, non-root paths. *)
Definition wf_move (a b : path) : Prop :=
  a <> [] /\ b <> [] /\ is_prefix a b = false /\ is_prefix b a = false.

(** Something is at [x], or [x]'s parent is a directory. *)
Definition touches (g : fn) (x : path) : Prop := g x <> None \/ isdir_f g (parent x).

Lemma is_prefix_nil_r : forall a : path, is_prefix a [] = true -> a = [].
Proof. intros [|x a] H; simpl in H; congruence. Qed.

(** Nothing below a fresh path can be touched, except the path itself. *)
Lemma not_below : forall (g : fn) t x,
  fresh_f g t -> t <> [] -> touches g x -> x <> t -> is_prefix t x = false.
Proof.
  intros g t x Hf Ht [H|[H|H]] Hn; destruct (is_prefix t x) eqn:E; auto; exfalso.
  - apply H, Hf; auto.
  - apply Ht, is_prefix_nil_r. rewrite <- H. apply prefix_parent; auto.
  - rewrite Hf in H; [discriminate|]. apply prefix_parent; auto.
Qed.

Lemma isdir_f_upd_parent : forall (g : fn) x e, x <> [] -> isdir_f g (parent x) ->
  isdir_f (upd g x e) (parent x).
Proof.
  intros g x e Hx [H|H]; [left; auto|right]. unfold upd.
  rewrite path_eqb_neq; auto. intro E. apply (parent_neq x Hx). auto.
Qed.

(** The path of a file or directory prim. *)
Definition fd_path (p : prim) : option path :=
  match kind_of p with KFile x | KDir x => Some x | _ => None end.

Lemma spre_touches : forall (p : prim) x g,
  fd_path p = Some x -> spre p g -> touches g x /\ touches (spost p g) x.
Proof.
  intros p x g Hx H. unfold touches.
  destruct p; simpl in Hx; try discriminate; injection Hx as <-;
    cbn [spre spost fp_result fp_path] in *.
  1,6,7: destruct H as [c' [Hc _]]; rewrite Hc;
    destruct (g f) as [[|c]|]; try discriminate; split; left; try discriminate;
    unfold upd; rewrite path_eqb_refl; discriminate.
  all: destruct H as [Hn H]; repeat match goal with H : _ /\ _ |- _ => destruct H end;
    split; first [ left; unfold upd; rewrite path_eqb_refl; discriminate
                 | left; congruence
                 | right; assumption
                 | right; apply isdir_f_upd_parent; auto ].
Qed.

Lemma spre_move : forall (g : fn) a b, spre (Move a b) g -> wf_move a b.
Proof.
  intros g a b (Ha & Hb & Hs & Hf & _ & _ & Hab). repeat split; auto.
  destruct (is_prefix b a) eqn:E; auto. exfalso. apply Hs, Hf; auto.
Qed.

Lemma strip_prefix_refl' : forall a : path, strip_prefix a a = Some [].
Proof.
  induction a as [|x a IH]; simpl; auto. destruct (eq_dec x x); [auto|congruence].
Qed.

(** After a move, the source is free and the target is occupied. *)
Lemma ren_facts : forall (g : fn) a b, spre (Move a b) g ->
  fresh_f (ren g a b) a /\ ren g a b b <> None.
Proof.
  intros g a b H. pose proof (spre_move g a b H) as (Ha & Hb & Hab & Hba).
  destruct H as (_ & _ & Hs & Hf & _). split.
  - intros x Hx. unfold ren. destruct (strip_prefix b x) as [r|] eqn:Sx.
    + apply strip_prefix_some in Sx; subst x.
      destruct (is_prefix_comparable a b (b ++ r) Hx (is_prefix_app b r)); congruence.
    + rewrite Hx; auto.
  - unfold ren. rewrite strip_prefix_refl', app_nil_r. auto.
Qed.

Lemma ren_other : forall (g : fn) a b x,
  is_prefix b x = false -> is_prefix a x = false -> ren g a b x = g x.
Proof. intros g a b x Hb Ha. unfold ren. rewrite strip_prefix_none, Ha; auto. Qed.

(** The facts about a pair [p;q] used by the syntactic laws. *)
Definition prim_facts (p : prim) : Prop :=
  match p with
  | Move a b => wf_move a b
  | Replace _ t o n => replace_ok (parse_class t) o n = true
  | _ => True
  end.

Definition pair_facts (p q : prim) : Prop :=
  match kind_of p, kind_of q with
  | KFile x, KMove d d' | KDir x, KMove d d' => x <> d' -> is_prefix d' x = false
  | KMove d d', KFile x | KMove d d', KDir x => x <> d -> is_prefix d x = false
  | KMove f f', KMove d d' =>
      is_prefix f d = false /\ (d' <> f -> is_prefix f d' = false) /\
      is_prefix d' f' = false /\ (d' <> f -> is_prefix d' f = false)
  | _, _ => True
  end.

Definition seq_facts (p q : prim) : Prop := prim_facts p /\ prim_facts q /\ pair_facts p q.

Lemma spre_prim_facts : forall (p : prim) g, spre p g -> prim_facts p.
Proof.
  intros p g H. destruct p; simpl; auto.
  - eapply spre_move; eauto.
  - cbn [spre fp_result fp_path] in H. destruct H as [c' [Hc _]].
    destruct (g f) as [[|c]|]; try discriminate. simpl in Hc.
    destruct (replace_ok (parse_class toks) old new); auto; discriminate.
Qed.

Lemma isdir_f_ren_parent : forall (g : fn) a b x,
  spre (Move a b) g -> isdir_f g (parent x) ->
  is_prefix a x = false -> is_prefix b x = false -> x <> [] ->
  isdir_f (ren g a b) (parent x).
Proof.
  intros g a b x H [Hp|Hp] Hax Hbx Hx; [left; auto|right].
  rewrite ren_other; auto.
  - destruct (is_prefix b (parent x)) eqn:E; auto. rewrite <- Hbx.
    symmetry; eapply is_prefix_trans; eauto using parent_prefix.
  - destruct (is_prefix a (parent x)) eqn:E; auto. rewrite <- Hax.
    symmetry; eapply is_prefix_trans; eauto using parent_prefix.
Qed.

Lemma isdir_f_ren_parent_src : forall (g : fn) a b,
  spre (Move a b) g -> isdir_f (ren g a b) (parent a).
Proof.
  intros g a b H. pose proof (spre_move g a b H) as (Ha & Hb & Hab & Hba).
  destruct H as (_ & _ & _ & _ & [Hp|Hp] & _); [left; auto|right].
  rewrite ren_other; auto.
  - destruct (is_prefix b (parent a)) eqn:E; auto. rewrite <- Hba.
    symmetry; eapply is_prefix_trans; eauto using parent_prefix.
  - apply is_prefix_parent_self; auto.
Qed.

(** Sequential application gives the facts. *)
Theorem spre_seq_facts : forall (p q : prim) g,
  spre p g -> spre q (spost p g) -> seq_facts p q.
Proof.
  intros p q g Hp Hq. split; [eapply spre_prim_facts; eauto|].
  split; [eapply spre_prim_facts; eauto|]. unfold pair_facts.
  destruct (kind_of p) as [x|x|a b|] eqn:Kp, (kind_of q) as [y|y|c d|] eqn:Kq; auto.
  - (* file, move *)
    destruct q; try discriminate. injection Kq as <- <-. intro Hn.
    destruct Hq as (_ & Hd & _ & Hf & _).
    eapply not_below; eauto. apply (spre_touches p x g); auto. unfold fd_path; rewrite Kp; auto.
  - destruct q; try discriminate. injection Kq as <- <-. intro Hn.
    destruct Hq as (_ & Hd & _ & Hf & _).
    eapply not_below; eauto. apply (spre_touches p x g); auto. unfold fd_path; rewrite Kp; auto.
  - (* move, file *)
    destruct p; try discriminate. injection Kp as <- <-. intro Hn. simpl in Hq.
    destruct (ren_facts g src dst Hp) as [Hf _].
    eapply not_below; eauto. apply (proj1 (spre_move g src dst Hp)).
    apply (spre_touches q y _); auto. unfold fd_path; rewrite Kq; auto.
  - destruct p; try discriminate. injection Kp as <- <-. intro Hn. simpl in Hq.
    destruct (ren_facts g src dst Hp) as [Hf _].
    eapply not_below; eauto. apply (proj1 (spre_move g src dst Hp)).
    apply (spre_touches q y _); auto. unfold fd_path; rewrite Kq; auto.
  - (* move, move *)
    destruct p; try discriminate. injection Kp as <- <-.
    destruct q; try discriminate. injection Kq as <- <-. simpl in Hq.
    destruct (ren_facts g src dst Hp) as [Hf Hb].
    pose proof (spre_move g src dst Hp) as (Ha & Hb' & Hab & Hba).
    destruct Hq as (Hc & Hd & Hs & Hf2 & Hpc & Hpd & Hcd).
    split; [|split; [|split]].
    + destruct (is_prefix src src0) eqn:E; auto. exfalso. apply Hs, Hf; auto.
    + intro Hn. eapply not_below; eauto. right; auto.
    + destruct (is_prefix dst0 dst) eqn:E; auto. exfalso. apply Hb, Hf2; auto.
    + intro Hn. eapply not_below; eauto. right. apply isdir_f_ren_parent_src; auto.
Qed.

(** ** Path algebra for the move rules *)

Lemma is_superdir_false : forall a b : path,
  is_superdir a b = false <-> (is_prefix a b = true -> a = b).
Proof.
  intros a b. unfold is_superdir. destruct (is_prefix a b) eqn:E; simpl.
  - destruct (path_eqb a b) eqn:E2; simpl.
    + apply path_eqb_eq in E2. split; auto.
    + split; [discriminate|]. intro H. rewrite (H eq_refl), path_eqb_refl in E2; discriminate.
  - split; auto; discriminate.
Qed.

Lemma app_eq_self : forall (a r : path), a ++ r = a -> r = [].
Proof.
  intros a r H. apply (f_equal (@length _)) in H. rewrite app_length in H.
  destruct r; simpl in *; auto; lia.
Qed.

(** A file (or directory) prim past a move, and back. *)
Lemma fm_back : forall d d' f : path,
  wf_move d d' -> is_prefix d' f = false ->
  move_path d d' f <> d /\ (move_path d d' f = d' -> f = d) /\
  move_path d' d (move_path d d' f) = f.
Proof.
  intros d d' f (Hd & Hd' & Hdd' & Hd'd) Hf.
  destruct (is_prefix d f) eqn:E.
  - apply is_prefix_true in E as [r ->]. rewrite !move_path_prefix.
    split; [|split].
    + intro H. rewrite <- H, is_prefix_app in Hd'd. discriminate.
    + intro H. apply app_eq_self in H. subst. apply app_nil_r.
    + reflexivity.
  - rewrite (move_path_not_prefix d d' f E). split; [|split].
    + intro; subst. rewrite is_prefix_refl in E; discriminate.
    + intro; subst. rewrite is_prefix_refl in Hf; discriminate.
    + apply move_path_not_prefix; auto.
Qed.

Lemma dm_back : forall d d' d1 : path,
  wf_move d d' -> is_superdir d1 d' = false -> is_superdir d1 d = false ->
  d <> d1 -> d1 <> d' -> is_prefix d' d1 = false ->
  let e := move_path d d' d1 in
  is_superdir e d = false /\ is_superdir e d' = false /\ d' <> e /\ e <> d /\
  move_path d' d e = d1.
Proof.
  intros d d' d1 (Hd & Hd' & Hdd' & Hd'd) S1 S2 N1 N2 P e. unfold e.
  destruct (is_prefix d d1) eqn:E.
  - apply is_prefix_true in E as [r ->]. rewrite !move_path_prefix.
    assert (Hr : r <> []) by (intro; subst; apply N1; rewrite app_nil_r; auto).
    split; [|split; [|split; [|split]]].
    + apply is_superdir_false. intro H'. exfalso.
      rewrite (is_prefix_trans d' (d' ++ r) d (is_prefix_app _ _) H') in Hd'd. discriminate.
    + apply is_superdir_false. intro H'. exfalso.
      pose proof (is_prefix_length _ _ H') as Hlen. rewrite app_length in Hlen.
      destruct r; [congruence|simpl in Hlen; lia].
    + intro H'. apply Hr. apply (app_eq_self d'). auto.
    + intro H'. rewrite <- H', is_prefix_app in Hd'd. discriminate.
    + reflexivity.
  - rewrite (move_path_not_prefix d d' d1 E). repeat split; auto.
    apply move_path_not_prefix; auto.
Qed.

(** *** A small prover for prefix facts between concatenated paths *)

Lemma prefix_longer : forall (x a : path), a <> [] -> is_prefix (x ++ a) x = false.
Proof.
  intros x a H. destruct (is_prefix (x ++ a) x) eqn:E; auto.
  apply is_prefix_length in E. rewrite app_length in E. destruct a; [congruence|simpl in E; lia].
Qed.

Lemma prefix_app_l_false : forall (x y a : path), is_prefix x y = false -> is_prefix (x ++ a) y = false.
Proof.
  intros x y a H. destruct (is_prefix (x ++ a) y) eqn:E; auto. rewrite <- H.
  symmetry. eapply is_prefix_trans; [apply is_prefix_app|exact E].
Qed.

Lemma incomp_app : forall (a y r : path),
  is_prefix a y = false -> is_prefix y a = false -> is_prefix a (y ++ r) = false.
Proof.
  intros a y r H1 H2. destruct (is_prefix a (y ++ r)) eqn:E; auto.
  destruct (is_prefix_comparable a y (y ++ r) E (is_prefix_app y r)); congruence.
Qed.

Lemma neq_of_prefix : forall (x y : path), is_prefix x y = false -> x <> y.
Proof. intros x y H E; subst; rewrite is_prefix_refl in H; discriminate. Qed.

Lemma neq_of_prefix' : forall (x y : path), is_prefix y x = false -> x <> y.
Proof. intros x y H E; subst; rewrite is_prefix_refl in H; discriminate. Qed.

Lemma superdir_of_prefix : forall (x y : path), is_prefix x y = false -> is_superdir x y = false.
Proof. intros x y H. unfold is_superdir. rewrite H. reflexivity. Qed.

Ltac pfx :=
  first [ assumption
        | apply prefix_longer; assumption
        | rewrite is_prefix_app_inv; pfx
        | apply incomp_app; pfx
        | apply prefix_app_l_false; pfx ].

Ltac neqp := first [ apply neq_of_prefix; pfx | apply neq_of_prefix'; pfx ].

Ltac mps :=
  repeat first
    [ rewrite move_path_prefix
    | rewrite move_path_self
    | match goal with |- context [move_path ?x ?y ?z] =>
        rewrite (move_path_not_prefix x y z) by pfx end ].

Ltac bool_goal :=
  repeat match goal with
  | |- _ /\ _ => split
  | |- (_ || _) = false => apply orb_false_iff; split
  | |- (_ && _) = false =>
      mps; apply andb_false_iff; first [ left; apply superdir_of_prefix; pfx
                                       | right; apply superdir_of_prefix; pfx ]
  | |- path_eqb _ _ = false => mps; apply path_eqb_neq; neqp
  | |- move_path _ _ _ = _ => mps; reflexivity
  end.

Lemma app_not_nil_of_neq : forall (x a : path), x <> x ++ a -> a <> [].
Proof. intros x a H E; subst; apply H; rewrite app_nil_r; auto. Qed.

(** The move/move rule, back and around the square. *)
Lemma mm_laws : forall f f' d d' : path,
  wf_move f f' -> wf_move d d' ->
  is_prefix f d = false -> (d' <> f -> is_prefix f d' = false) ->
  is_prefix d' f' = false -> (d' <> f -> is_prefix d' f = false) ->
  (path_eqb f d' || path_eqb f' d) = false ->
  (path_eqb f d || path_eqb f' d') = false ->
  (is_superdir d f && is_superdir f' d') = false ->
  let D := move_path f' f d in let D' := move_path f' f d' in
  let F := move_path d d' f in let F' := move_path d d' f' in
  ((path_eqb D F' || path_eqb D' F) = false /\ (path_eqb D F || path_eqb D' F') = false /\
   (is_superdir F D && is_superdir D' F') = false /\
   move_path D' D F = f /\ move_path D' D F' = f' /\
   move_path F F' D = d /\ move_path F F' D' = d') /\
  ((path_eqb D' f' || path_eqb D f) = false /\ (path_eqb D' f || path_eqb D f') = false /\
   (is_superdir f D' && is_superdir D f') = false /\
   move_path D D' f = F /\ move_path D D' f' = F' /\
   move_path f f' D' = d' /\ move_path f f' D = d).
Proof.
  intros f f' d d' (Hf & Hf' & Hff' & Hf'f) (Hd & Hd' & Hdd' & Hd'd) P1 P2 P3 P4 G1 G2 G3.
  apply orb_false_iff in G1 as [G1 G1']. apply orb_false_iff in G2 as [G2 G2'].
  assert (N1 : f <> d') by (intro; subst; rewrite path_eqb_refl in G1; discriminate).
  assert (N2 : f' <> d) by (intro; subst; rewrite path_eqb_refl in G1'; discriminate).
  assert (N3 : f <> d) by (intro; subst; rewrite path_eqb_refl in G2; discriminate).
  assert (N4 : f' <> d') by (intro; subst; rewrite path_eqb_refl in G2'; discriminate).
  specialize (P2 (not_eq_sym N1)). specialize (P4 (not_eq_sym N1)).
  intros D D' F F'. unfold D, D', F, F'. clear D D' F F'.
  destruct (is_prefix f' d) eqn:A; destruct (is_prefix f' d') eqn:B;
    destruct (is_prefix d f) eqn:C; destruct (is_prefix d f') eqn:E;
    (* the impossible combinations *)
    try solve [exfalso; rewrite (is_prefix_trans f' d f A C) in Hf'f; discriminate];
    try solve [exfalso; rewrite (is_prefix_trans d f' d' E B) in Hdd'; discriminate];
    try solve [exfalso; apply N2; apply is_prefix_antisym; auto];
    try solve [exfalso; unfold is_superdir in G3; rewrite C, B, path_eqb_neq, path_eqb_neq in G3;
         auto; discriminate].
  all: repeat match goal with
       | H : is_prefix ?x ?y = true |- _ =>
           let r := fresh "r" in
           apply is_prefix_true in H as [r H]; subst y;
           assert (r <> []) by (apply (app_not_nil_of_neq x); auto)
       end.
  all: rewrite ?is_prefix_app_inv in *.
  all: bool_goal.
Qed.

(** ** Hunk line arithmetic (darcs' [commuteHunkLines]) *)

Ltac nat_cases :=
  repeat match goal with
  | H : context [?a <? ?b] |- _ => destruct (Nat.ltb_spec a b)
  | H : context [?a =? ?b] |- _ => destruct (Nat.eqb_spec a b)
  | |- context [?a <? ?b] => destruct (Nat.ltb_spec a b)
  | |- context [?a =? ?b] => destruct (Nat.eqb_spec a b)
  end; simpl in *; try discriminate; try lia.

(** Commuting hunk positions back gives the original positions. *)
Lemma chl_back : forall l1 o1 n1 l2 o2 n2 l2' l1',
  commute_hunk_lines l1 o1 n1 l2 o2 n2 = Some (l2', l1') ->
  commute_hunk_lines l2' o2 n2 l1' o1 n1 = Some (l1, l2).
Proof.
  intros l1 o1 n1 l2 o2 n2 l2' l1' H. unfold commute_hunk_lines in *. nat_cases;
    inversion H; subst; f_equal; f_equal; lia.
Qed.

(** The positions around the commute/invert square. *)
Lemma chl_square : forall l1 o1 n1 l2 o2 n2 l2' l1',
  commute_hunk_lines l1 o1 n1 l2 o2 n2 = Some (l2', l1') ->
  commute_hunk_lines l2' n2 o2 l1 o1 n1 = Some (l1', l2).
Proof.
  intros l1 o1 n1 l2 o2 n2 l2' l1' H. unfold commute_hunk_lines in *. nat_cases;
    inversion H; subst; f_equal; f_equal; lia.
Qed.

(** ** Token replace inside hunks *)

Lemma tok_lines_inv : forall t a b (ls ls' : list L),
  replace_ok (parse_class t) a b = true ->
  tok_lines t a b ls = Some ls' -> tok_lines t b a ls' = Some ls.
Proof.
  intros t a b ls ls' Hok H. unfold tok_lines in *.
  destruct (tok_args_ok (parse_class t) a b); [|discriminate].
  assert (Hba : tok_args_ok (parse_class t) b a = true).
  { unfold replace_ok, tok_args_ok in *.
    destruct a as [|x a], b as [|y b]; try discriminate.
    rewrite !andb_true_iff in Hok. destruct Hok as [[H1 H2] _].
    rewrite H1, H2; auto. }
  rewrite Hba. apply replace_lines_inv; auto.
Qed.

Lemma tok_lines_length : forall t a b (ls ls' : list L),
  tok_lines t a b ls = Some ls' -> length ls' = length ls.
Proof.
  intros t a b ls ls' H. unfold tok_lines in H.
  destruct (tok_args_ok (parse_class t) a b); [|discriminate].
  eapply replace_lines_length; eauto.
Qed.

Lemma tok_lines_nil : forall t a b (ls' : list L), tok_lines t a b [] = Some ls' -> ls' = [].
Proof. intros t a b ls' H. apply tok_lines_length in H. destruct ls'; simpl in H; congruence. Qed.

Lemma tok_lines_cons : forall t a b x (ls ls' : list L),
  tok_lines t a b (x :: ls) = Some ls' -> exists y ls'', ls' = y :: ls''.
Proof. intros t a b x ls ls' H. apply tok_lines_length in H. destruct ls'; simpl in H; [discriminate|eauto]. Qed.

(** ** Two prims on the same file: back, and around the square *)
Lemma ff_same_laws : forall (p q q' p' : prim) f,
  kind_of p = KFile f -> kind_of q = KFile f -> prim_facts p -> prim_facts q ->
  commute p q = Some (q', p') ->
  commute q' p' = Some (p, q) /\ commute (invert q') p = Some (p', invert q).
Proof.
  intros p q q' p' f Kp Kq Fp Fq H.
  rewrite (commute_ff_same p q f Kp Kq) in H.
  destruct p as [f1 l1 o1 n1|f1|f1| | | |f1 t1 a1 b1|f1 x1 y1| ]; try discriminate Kp;
  destruct q as [f2 l2 o2 n2|f2|f2| | | |f2 t2 a2 b2|f2 x2 y2| ]; try discriminate Kq;
  simpl in Kp, Kq; injection Kp as ->; injection Kq as ->;
  try (destruct o1 as [|xo1 o1]); try (destruct n1 as [|xn1 n1]);
  try (destruct o2 as [|xo2 o2]); try (destruct n2 as [|xn2 n2]);
  simpl in H; try discriminate H.
  (* the two orders of an empty hunk and anything: swapped *)
  all: try (injection H as <- <-; split; erewrite commute_ff_same by reflexivity;
            simpl; reflexivity).
  (* two hunks *)
  all: try (destruct (commute_hunk_lines _ _ _ _ _ _) as [[l2' l1']|] eqn:E; [|discriminate H];
            injection H as <- <-; split; erewrite commute_ff_same by reflexivity; simpl;
            [rewrite (chl_back _ _ _ _ _ _ _ _ E) | rewrite (chl_square _ _ _ _ _ _ _ _ E)];
            reflexivity).
  (* hunk and replace, both orders *)
  all: cbn [prim_facts] in Fp, Fq.
  all: try (pose proof Fp as Fp'; rewrite replace_ok_sym in Fp').
  all: try (pose proof Fq as Fq'; rewrite replace_ok_sym in Fq').
  all: try (repeat match type of H with context [tok_lines ?t ?a ?b ?x] =>
              let E := fresh "E" in destruct (tok_lines t a b x) eqn:E; try discriminate H end;
            injection H as <- <-;
            repeat match goal with
            | E : tok_lines _ _ _ [] = Some ?y |- _ =>
                apply tok_lines_nil in E as ?; subst y
            | E : tok_lines _ _ _ (_ :: _) = Some ?y |- _ =>
                is_var y; let y1 := fresh "y" in let y2 := fresh "ys" in
                destruct (tok_lines_cons _ _ _ _ _ _ E) as [y1 [y2 ->]]
            end;
            split; erewrite commute_ff_same by reflexivity; simpl;
            repeat match goal with
            | E : tok_lines ?t ?a ?b ?x = Some ?y |- context [tok_lines ?t ?b ?a ?y] =>
                first [ rewrite (tok_lines_inv t a b x y Fp E)
                      | rewrite (tok_lines_inv t a b x y Fp' E)
                      | rewrite (tok_lines_inv t a b x y Fq E)
                      | rewrite (tok_lines_inv t a b x y Fq' E) ]
            | E : tok_lines ?t ?a ?b ?x = Some ?y |- context [tok_lines ?t ?a ?b ?x] =>
                rewrite E
            | E : tok_lines ?t ?a ?b [] = Some [] |- _ => clear E
            end; reflexivity).
  (* two replaces *)
  unfold bytes_eqb in H.
  destruct (list_eq_dec Byte.byte_eq_dec t1 t2); [subst t2|discriminate H].
  destruct (list_eq_dec Byte.byte_eq_dec a1 a2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec b1 a2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec a1 b2); [discriminate H|].
  destruct (list_eq_dec Byte.byte_eq_dec b1 b2); [discriminate H|].
  simpl in H. injection H as <- <-.
  split; erewrite commute_ff_same by reflexivity; simpl; unfold bytes_eqb;
    repeat match goal with |- context [list_eq_dec Byte.byte_eq_dec ?x ?y] =>
      destruct (list_eq_dec Byte.byte_eq_dec x y); [try congruence|try congruence] end;
    reflexivity.
Qed.

(** ** Self-inverse and the square, for every pair of prims *)

Lemma kind_relocate_file : forall (p : prim) f x, kind_of p = KFile f -> kind_of (relocate p x) = KFile x.
Proof. intros; eapply relocate_file; eauto. Qed.

Lemma kind_relocate_dir : forall (p : prim) f x, kind_of p = KDir f -> kind_of (relocate p x) = KDir x.
Proof. intros; eapply relocate_dir; eauto. Qed.

Lemma kind_invert_file : forall (p : prim) f, kind_of p = KFile f -> kind_of (invert p) = KFile f.
Proof. intros p f H. rewrite kind_invert, H. auto. Qed.

Lemma kind_invert_dir : forall (p : prim) f, kind_of p = KDir f -> kind_of (invert p) = KDir f.
Proof. intros p f H. rewrite kind_invert, H. auto. Qed.

Lemma path_eqb_false_neq : forall p q : path, path_eqb p q = false -> p <> q.
Proof. intros p q H E; subst; rewrite path_eqb_refl in H; discriminate. Qed.

(** [guard_as H E]: the first guard of [H], named [E], is false (else [H] is absurd). *)
Ltac guard_as H E :=
  match type of H with
  | (if ?c then _ else _) = Some _ => destruct c eqn:E; [discriminate H|]
  end.

Theorem commute_laws : forall p q q' p' : prim,
  seq_facts p q -> commute p q = Some (q', p') ->
  commute q' p' = Some (p, q) /\ commute (invert q') p = Some (p', invert q).
Proof.
  intros p q q' p' (Fp & Fq & Fpq) H.
  destruct (is_pref p || is_pref q) eqn:Pr.
  { rewrite commute_pref in H by (apply orb_true_iff in Pr; auto). injection H as <- <-.
    split; apply commute_pref; rewrite ?is_pref_invert; apply orb_true_iff in Pr; tauto. }
  apply orb_false_iff in Pr as [Pp Pq].
  unfold pair_facts in Fpq.
  destruct (kind_of p) as [x|x|a b|] eqn:Kp;
    [| | |apply kind_pref in Kp; congruence];
  (destruct (kind_of q) as [y|y|c d|] eqn:Kq;
    [| | |apply kind_pref in Kq; congruence]).
  - (* file, file *)
    destruct (path_eqb x y) eqn:Exy.
    + apply path_eqb_eq in Exy; subst y. eapply ff_same_laws; eauto.
    + apply path_eqb_false_neq in Exy.
      rewrite (commute_ff_diff p q x y) in H by auto. injection H as <- <-. split.
      * apply (commute_ff_diff q p y x); auto.
      * apply (commute_ff_diff (invert q) p y x); auto. apply kind_invert_file; auto.
  - (* file, dir *)
    rewrite (commute_fd p q x y Kp Kq) in H. destruct (is_prefix y x) eqn:E; [discriminate|].
    injection H as <- <-. split.
    + rewrite (commute_df q p x y Kq Kp), E. auto.
    + rewrite (commute_df (invert q) p x y (kind_invert_dir q y Kq) Kp), E. auto.
  - (* file, move *)
    destruct q; try discriminate Kq. injection Kq as -> ->. simpl in Fq.
    rewrite (commute_fm p x) in H by auto. guard_as H Gxc. guard_as H Gxd. injection H as <- <-.
    apply path_eqb_false_neq in Gxc.
    destruct (fm_back c d x Fq (Fpq Gxc)) as (B1 & B2 & B3).
    assert (N1 : path_eqb (move_path c d x) c = false) by (apply path_eqb_neq; auto).
    assert (N2 : is_addrm_file p && path_eqb d (move_path c d x) = false).
    { destruct (is_addrm_file p) eqn:Ea; auto. simpl. apply path_eqb_neq. intro E.
      symmetry in E. apply B2 in E. subst. rewrite path_eqb_refl in Gxd. discriminate. }
    split.
    + rewrite (commute_mf _ (move_path c d x)) by (eapply kind_relocate_file; eauto).
      rewrite N1, is_addrm_relocate, N2, relocate_relocate, B3, (relocate_same_file p x Kp). auto.
    + simpl. rewrite (commute_mf p x) by auto.
      rewrite (path_eqb_neq x d) by auto. rewrite Gxd. auto.
  - (* dir, file *)
    rewrite (commute_df p q y x Kp Kq) in H. destruct (is_prefix x y) eqn:E; [discriminate|].
    injection H as <- <-. split.
    + rewrite (commute_fd q p y x Kq Kp), E. auto.
    + rewrite (commute_fd (invert q) p y x (kind_invert_file q y Kq) Kp), E. auto.
  - (* dir, dir *)
    rewrite (commute_dd p q x y Kp Kq) in H.
    destruct (negb (is_prefix x y || is_prefix y x) && negb (path_eqb x y)) eqn:E;
      [|discriminate]. injection H as <- <-. split.
    + rewrite (commute_dd q p y x Kq Kp), orb_comm, path_eqb_sym, E. auto.
    + rewrite (commute_dd (invert q) p y x (kind_invert_dir q y Kq) Kp), orb_comm,
        path_eqb_sym, E. auto.
  - (* dir, move *)
    destruct q; try discriminate Kq. injection Kq as -> ->. simpl in Fq.
    rewrite (commute_dm p x) in H by auto. guard_as H Gpre. guard_as H Gxc. guard_as H Gxd.
    injection H as <- <-.
    apply orb_false_iff in Gpre as [S1 S2].
    apply path_eqb_false_neq in Gxc. apply path_eqb_false_neq in Gxd.
    destruct (dm_back c d x Fq S1 S2 Gxc Gxd (Fpq Gxd)) as (B1 & B2 & B3 & B4 & B5).
    split.
    + rewrite (commute_md _ (move_path c d x)) by (eapply kind_relocate_dir; eauto).
      rewrite B1, B2, (path_eqb_neq d), (path_eqb_neq (move_path c d x)) by auto. simpl.
      rewrite relocate_relocate, B5, (relocate_same_dir p x Kp). auto.
    + simpl. rewrite (commute_md p x) by auto.
      rewrite orb_comm, S1, S2, (path_eqb_neq c x), (path_eqb_neq x d) by auto. auto.
  - (* move, file *)
    destruct p; try discriminate Kp. injection Kp as -> ->. simpl in Fp.
    assert (Fp' : wf_move b a) by (destruct Fp as (? & ? & ? & ?); repeat split; auto).
    rewrite (commute_mf q y) in H by auto. guard_as H Gyb. guard_as H Gya. injection H as <- <-.
    apply path_eqb_false_neq in Gyb.
    destruct (fm_back b a y Fp' (Fpq Gyb)) as (B1 & B2 & B3).
    assert (N1 : path_eqb (move_path b a y) b = false) by (apply path_eqb_neq; auto).
    assert (N2 : forall r : prim, is_addrm_file r = is_addrm_file q ->
                  is_addrm_file r && path_eqb a (move_path b a y) = false).
    { intros r Er. rewrite Er. destruct (is_addrm_file q) eqn:Ea; auto. simpl.
      apply path_eqb_neq. intro E. symmetry in E. apply B2 in E. subst.
      rewrite path_eqb_refl in Gya. discriminate. }
    split.
    + rewrite (commute_fm _ (move_path b a y)) by (eapply kind_relocate_file; eauto).
      rewrite N1, N2 by apply is_addrm_relocate.
      rewrite relocate_relocate, B3, (relocate_same_file q y Kq). auto.
    + rewrite (commute_fm _ (move_path b a y))
        by (rewrite invert_relocate; eapply kind_relocate_file; apply kind_invert_file; eauto).
      rewrite N1, N2 by (rewrite invert_relocate, is_addrm_relocate; apply is_addrm_invert).
      rewrite invert_relocate, relocate_relocate, B3,
        (relocate_same_file (invert q) y (kind_invert_file q y Kq)). auto.
  - (* move, dir *)
    destruct p; try discriminate Kp. injection Kp as -> ->. simpl in Fp.
    assert (Fp' : wf_move b a) by (destruct Fp as (? & ? & ? & ?); repeat split; auto).
    rewrite (commute_md q y) in H by auto. guard_as H Gpre. guard_as H Gyb. guard_as H Gya.
    injection H as <- <-.
    apply orb_false_iff in Gpre as [S1 S2].
    apply path_eqb_false_neq in Gyb. apply path_eqb_false_neq in Gya.
    destruct (dm_back b a y Fp' S1 S2 Gyb Gya (Fpq Gya)) as (B1 & B2 & B3 & B4 & B5).
    assert (Gs : is_superdir (move_path b a y) b || is_superdir (move_path b a y) a = false)
      by (rewrite B1, B2; auto).
    split.
    + rewrite (commute_dm _ (move_path b a y)) by (eapply kind_relocate_dir; eauto).
      rewrite Gs, (path_eqb_neq a), (path_eqb_neq (move_path b a y)) by auto.
      rewrite relocate_relocate, B5, (relocate_same_dir q y Kq). auto.
    + rewrite (commute_dm _ (move_path b a y))
        by (rewrite invert_relocate; eapply kind_relocate_dir; apply kind_invert_dir; eauto).
      rewrite Gs, (path_eqb_neq a), (path_eqb_neq (move_path b a y)) by auto.
      rewrite invert_relocate, relocate_relocate, B5,
        (relocate_same_dir (invert q) y (kind_invert_dir q y Kq)). auto.
  - (* move, move *)
    destruct p; try discriminate Kp. injection Kp as -> ->.
    destruct q; try discriminate Kq. injection Kq as -> ->. simpl in Fp, Fq.
    destruct Fpq as (P1 & P2 & P3 & P4).
    rewrite commute_mm in H. guard_as H Gmm1. guard_as H Gmm2. guard_as H Gmm3. injection H as <- <-.
    destruct (mm_laws a b c d Fp Fq P1 P2 P3 P4 Gmm1 Gmm2 Gmm3) as
      [(L1 & L2 & L3 & L4 & L5 & L6 & L7) (M1 & M2 & M3 & M4 & M5 & M6 & M7)].
    split.
    + rewrite commute_mm, L1, L2, L3, L4, L5, L6, L7. auto.
    + simpl. rewrite commute_mm, M1, M2, M3, M4, M5, M6, M7. auto.
Qed.

(** ** The exported laws, for pairs that apply in sequence *)

Lemma sapply2_facts : forall (p q : prim) (s s1 s2 : state),
  sapply p s = Some s1 -> sapply q s1 = Some s2 -> seq_facts p q.
Proof.
  intros p q s s1 s2 H1 H2. destruct (sapply2_sem p q s s1 s2 H1 H2) as (P1 & P2 & _).
  eapply spre_seq_facts; eauto.
Qed.

(** Commuting back gives the original pair. *)
Theorem commute_self_inverse : forall (p q q' p' : prim) (s s1 s2 : state),
  sapply p s = Some s1 -> sapply q s1 = Some s2 ->
  commute p q = Some (q', p') -> commute q' p' = Some (p, q).
Proof.
  intros. eapply commute_laws; eauto. eapply sapply2_facts; eauto.
Qed.

(** The commute/invert square: if [p;q] commutes to [q';p'], then
    [invert q'; p] commutes to [p'; invert q]. *)
Theorem commute_invert_square : forall (p q q' p' : prim) (s s1 s2 : state),
  sapply p s = Some s1 -> sapply q s1 = Some s2 ->
  commute p q = Some (q', p') -> commute (invert q') p = Some (p', invert q).
Proof.
  intros. eapply commute_laws; eauto. eapply sapply2_facts; eauto.
Qed.


End Laws.
