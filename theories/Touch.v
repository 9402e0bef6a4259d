(** * Touch: the paths a patch touches, and why patches on unrelated paths
    commute unchanged.

    [touched_prim p] lists the paths a prim works on: the file of a file
    prim (hunk, addfile, rmfile, replace, binary), the directory of
    adddir/rmdir, both names of a move, nothing for a preference change.
    Two paths are [related] when one is a (componentwise, not necessarily
    strict) prefix of the other; a prim acts on its paths and on what lies
    below them, and its preconditions look at their parents, so two prims
    whose paths are pairwise unrelated do not see each other.

    Proved here, against darcs' rules in [Commute.v]:
    - [commute_apart]: prims whose paths are pairwise unrelated commute,
      and both come out unchanged; likewise sequences
      ([commute_seq_apart]), named patches when neither explicitly depends
      on the other ([commute_inamed_apart], [commute_named_apart]) and
      darcs' [commuteFL] ([commute_fl_apart]).
    - [commute_covered]: whatever commutes, the paths of the commuted pair
      are equal to or below paths of the original pair (a move renames
      paths into its target, which it touches); likewise for sequences
      and [commuteFL] ([commute_fl_covered]).
    - [summarize_spec]: the summary the core sends for a patch (its
      touched paths sorted, leaving out every path below another) lists
      only touched paths and covers them all. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort.
Import ListNotations.

Section Touch.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** ** Touched paths *)

Definition touched_prim (p : prim) : list path :=
  match p with
  | Hunk f _ _ _ | AddFile f | RmFile f | Replace f _ _ _ | Binary f _ _ => [f]
  | AddDir d | RmDir d => [d]
  | Move f t => [f; t]
  | ChangePref _ _ _ => []
  end.

Definition touched (ps : list prim) : list path := flat_map touched_prim ps.

Definition touched_named (p : named) : list path := touched (fst p).

(** The paths of indexed named patches (the bundle of the dependency walk). *)
Definition touched_inamed (x : inamed) : list path := touched_named (snd x).

Definition touched_inameds (xs : list inamed) : list path := flat_map touched_inamed xs.

(** ** Related paths, covering, apart sets *)

(** One path is equal to or below the other. *)
Definition related (a b : path) : bool := is_prefix a b || is_prefix b a.

(** [x] is equal to or below some path of [ps]. *)
Definition covered (ps : list path) (x : path) : bool := existsb (fun p => is_prefix p x) ps.

(** Every path of [xs] is equal to or below some path of [ps]. *)
Definition covers (ps xs : list path) : Prop := forall x, In x xs -> covered ps x = true.

(** No path of [xs] is related to a path of [ys]. *)
Definition apart (xs ys : list path) : Prop :=
  forall x y, In x xs -> In y ys -> related x y = false.

(** [related] in one walk down the two paths (the executable test). *)
Fixpoint related_b (a b : path) : bool :=
  match a, b with
  | [], _ | _, [] => true
  | x :: a', y :: b' => if eq_dec x y then related_b a' b' else false
  end.

(** Some path of [xs] is related to a path of [ys]. *)
Definition meets (xs ys : list path) : bool := existsb (fun x => existsb (related_b x) ys) xs.

Lemma related_sym : forall a b, related a b = related b a.
Proof. intros a b; unfold related; apply orb_comm. Qed.

Lemma related_refl : forall a, related a a = true.
Proof. intros a; unfold related; rewrite is_prefix_refl; reflexivity. Qed.

Lemma related_false : forall a b, related a b = false ->
  is_prefix a b = false /\ is_prefix b a = false /\ path_eqb a b = false /\ path_eqb b a = false.
Proof.
  intros a b H. unfold related in H. apply orb_false_iff in H as [H1 H2].
  repeat split; auto.
  - apply path_eqb_neq. intros ->. rewrite is_prefix_refl in H1. discriminate.
  - apply path_eqb_neq. intros ->. rewrite is_prefix_refl in H1. discriminate.
Qed.

(** The key fact: if [a] and [b] are unrelated, so are [a] and anything
    below [b] (two prefixes of one path are comparable). *)
Lemma related_below : forall a b x,
  related a b = false -> is_prefix b x = true -> related a x = false.
Proof.
  intros a b x Hab Hbx. unfold related in *. apply orb_false_iff in Hab as [H1 H2].
  destruct (is_prefix a x) eqn:Ax.
  - destruct (is_prefix_comparable a b x Ax Hbx) as [E|E]; congruence.
  - destruct (is_prefix x a) eqn:Xa; auto.
    rewrite (is_prefix_trans b x a Hbx Xa) in H2. discriminate.
Qed.

Lemma related_below2 : forall a b x y,
  related a b = false -> is_prefix a x = true -> is_prefix b y = true -> related x y = false.
Proof.
  intros a b x y Hab Hx Hy.
  assert (Hay : related a y = false) by (apply (related_below a b y Hab Hy)).
  rewrite related_sym in Hay. rewrite related_sym.
  apply (related_below y a x Hay Hx).
Qed.

Lemma related_b_eq : forall a b, related_b a b = related a b.
Proof.
  unfold related. induction a as [|x a IH]; intros [|y b]; simpl; auto.
  destruct (eq_dec x y) as [->|Hn].
  - destruct (eq_dec y y) as [_|Hn]; [|congruence]. apply IH.
  - destruct (eq_dec y x) as [->|_]; [congruence|auto].
Qed.

Lemma meets_false : forall xs ys, meets xs ys = false <-> apart xs ys.
Proof.
  intros xs ys. unfold meets, apart. split.
  - intros H x y Hx Hy. rewrite <- related_b_eq. destruct (related_b x y) eqn:E; auto.
    assert (existsb (fun x => existsb (related_b x) ys) xs = true); [|congruence].
    apply existsb_exists. exists x. split; auto. apply existsb_exists. eauto.
  - intros H. destruct (existsb _ xs) eqn:E; auto.
    apply existsb_exists in E as [x [Hx E]]. apply existsb_exists in E as [y [Hy E]].
    rewrite related_b_eq, (H x y Hx Hy) in E. discriminate.
Qed.

Lemma apart_sym : forall xs ys, apart xs ys -> apart ys xs.
Proof. intros xs ys H x y Hx Hy. rewrite related_sym. auto. Qed.

Lemma apart_app_l : forall xs1 xs2 ys, apart (xs1 ++ xs2) ys <-> apart xs1 ys /\ apart xs2 ys.
Proof.
  intros xs1 xs2 ys; unfold apart; split.
  - intros H; split; intros x y Hx Hy; apply H; auto; apply in_or_app; auto.
  - intros [H1 H2] x y Hx Hy. apply in_app_or in Hx as [Hx|Hx]; auto.
Qed.

Lemma apart_app_r : forall xs ys1 ys2, apart xs (ys1 ++ ys2) <-> apart xs ys1 /\ apart xs ys2.
Proof.
  intros xs ys1 ys2; split.
  - intros H. apply apart_sym in H. apply apart_app_l in H as [H1 H2].
    split; apply apart_sym; auto.
  - intros [H1 H2]. apply apart_sym. apply apart_app_l. split; apply apart_sym; auto.
Qed.

Lemma covered_spec : forall ps x, covered ps x = true <-> exists p, In p ps /\ is_prefix p x = true.
Proof. intros ps x. unfold covered. apply existsb_exists. Qed.

Lemma covered_in : forall ps x, In x ps -> covered ps x = true.
Proof. intros ps x H. apply covered_spec. exists x. split; auto. apply is_prefix_refl. Qed.

Lemma covered_below : forall ps x y, covered ps x = true -> is_prefix x y = true -> covered ps y = true.
Proof.
  intros ps x y H Hxy. apply covered_spec in H as [p [Hp Hpx]].
  apply covered_spec. exists p. split; auto. eapply is_prefix_trans; eauto.
Qed.

Lemma covered_trans : forall ps qs x, covers ps qs -> covered qs x = true -> covered ps x = true.
Proof.
  intros ps qs x H Hx. apply covered_spec in Hx as [q [Hq Hqx]].
  eapply covered_below; [apply H; exact Hq|exact Hqx].
Qed.

Lemma covers_refl : forall xs, covers xs xs.
Proof. intros xs x Hx. apply covered_in; auto. Qed.

Lemma covers_incl : forall ps xs ys, incl ys xs -> covers ps xs -> covers ps ys.
Proof. intros ps xs ys Hi H x Hx. apply H, Hi, Hx. Qed.

Lemma covers_trans : forall ps qs xs, covers ps qs -> covers qs xs -> covers ps xs.
Proof.
  intros ps qs xs H1 H2 x Hx. apply H2 in Hx. apply covered_spec in Hx as [q [Hq Hqx]].
  eapply covered_below; eauto.
Qed.

Lemma covered_app_l : forall ps qs x, covered ps x = true -> covered (ps ++ qs) x = true.
Proof.
  intros ps qs x H. apply covered_spec in H as [p [Hp Hpx]]. apply covered_spec.
  exists p. split; auto. apply in_or_app; auto.
Qed.

Lemma covered_app_r : forall ps qs x, covered qs x = true -> covered (ps ++ qs) x = true.
Proof.
  intros ps qs x H. apply covered_spec in H as [p [Hp Hpx]]. apply covered_spec.
  exists p. split; auto. apply in_or_app; auto.
Qed.

Lemma covers_app : forall ps xs ys, covers ps xs -> covers ps ys -> covers ps (xs ++ ys).
Proof. intros ps xs ys H1 H2 x Hx. apply in_app_or in Hx as [Hx|Hx]; auto. Qed.

Lemma covers_app_l : forall ps qs xs, covers ps xs -> covers (ps ++ qs) xs.
Proof. intros ps qs xs H x Hx. apply covered_app_l; auto. Qed.

Lemma covers_app_r : forall ps qs xs, covers qs xs -> covers (ps ++ qs) xs.
Proof. intros ps qs xs H x Hx. apply covered_app_r; auto. Qed.

Lemma covers_nil : forall ps, covers ps [].
Proof. intros ps x []. Qed.

Lemma covers_cons : forall ps x xs, covers ps (x :: xs) <-> covered ps x = true /\ covers ps xs.
Proof.
  intros ps x xs; split.
  - intros H; split; [apply H; left; auto|intros y Hy; apply H; right; auto].
  - intros [H1 H2] y [<-|Hy]; auto.
Qed.

(** Unrelated sets stay unrelated when each is replaced by paths below it. *)
Lemma apart_covers : forall A B xs ys, apart A B -> covers A xs -> covers B ys -> apart xs ys.
Proof.
  intros A B xs ys H Hx Hy x y Hxi Hyi.
  apply Hx in Hxi. apply Hy in Hyi.
  apply covered_spec in Hxi as [a [Ha Hax]]. apply covered_spec in Hyi as [b [Hb Hby]].
  apply (related_below2 a b); auto.
Qed.

(** A renamed path is the path itself or below the target. *)
Lemma move_path_covered : forall f t x ps,
  In x ps -> In t ps -> covered ps (move_path f t x) = true.
Proof.
  intros f t x ps Hx Ht. unfold move_path.
  destruct (strip_prefix f x) as [r|] eqn:S.
  - apply covered_spec. exists t. split; auto. apply is_prefix_app.
  - apply covered_in; auto.
Qed.

(** ** Prims on unrelated paths commute unchanged *)

Lemma touched_invert : forall p : prim, incl (touched_prim (invert p)) (touched_prim p) /\
                                       incl (touched_prim p) (touched_prim (invert p)).
Proof.
  intros p; destruct p; simpl; split; intros x Hx; simpl in *; tauto.
Qed.

Lemma apart_invert : forall p q : prim,
  apart (touched_prim p) (touched_prim q) -> apart (touched_prim (invert q)) (touched_prim (invert p)).
Proof.
  intros p q H x y Hx Hy. rewrite related_sym.
  apply H; apply (touched_invert _); auto.
Qed.

(** The facts a case of the commutation rules needs, from [apart]. *)
Ltac apart_facts H :=
  repeat match type of H with
  | apart (?a :: ?r) ?ys =>
      let H1 := fresh "Ap" in
      assert (H1 : forall y, In y ys -> related a y = false) by (intros y Hy; apply H; simpl; auto);
      let H2 := fresh "Ap" in
      assert (H2 : apart r ys) by (intros x y Hx Hy; apply H; simpl; auto);
      clear H; rename H2 into H
  end;
  repeat match goal with
  | H1 : forall y, In y (?b :: ?r) -> related ?a y = false |- _ =>
      let E := fresh "R" in
      assert (E : related a b = false) by (apply H1; simpl; auto);
      apply related_false in E as (? & ? & ? & ?);
      let H2 := fresh "Ap" in
      assert (H2 : forall y, In y r -> related a y = false) by (intros y Hy; apply H1; simpl; auto);
      clear H1
  | H1 : forall y, In y [] -> related _ y = false |- _ => clear H1
  end.

(** darcs' rules, for a pair of prims whose paths are pairwise unrelated:
    every rule answers "commutes", and renaming through a move leaves a
    path that is not below the move's source unchanged. *)
Theorem commute_apart : forall p q : prim,
  apart (touched_prim p) (touched_prim q) -> commute p q = Some (q, p).
Proof.
  intros p q H.
  destruct p, q; simpl touched_prim in H; apart_facts H;
    unfold commute, speedy, everything_else, clever, commute_filedir, kind_of, is_pref,
      is_superdir, is_addrm_file;
    cbn [invert relocate];
    repeat match goal with
    | E : ?x = false |- context [?x] => rewrite E
    end;
    repeat rewrite move_path_not_prefix by assumption;
    cbn; reflexivity.
Qed.

(** ** Sequences, named patches, [commuteFL] *)

Lemma touched_app : forall xs ys : list prim, touched (xs ++ ys) = touched xs ++ touched ys.
Proof. intros xs ys. unfold touched. apply flat_map_app. Qed.

Lemma touched_cons : forall (x : prim) xs, touched (x :: xs) = touched_prim x ++ touched xs.
Proof. reflexivity. Qed.

Lemma in_touched_rev : forall (xs : list prim) y, In y (touched (rev xs)) <-> In y (touched xs).
Proof.
  intros xs y. unfold touched. rewrite !in_flat_map.
  split; intros [x [Hx Hy]]; exists x; split; auto.
  - rewrite <- in_rev in Hx. exact Hx.
  - rewrite <- in_rev. exact Hx.
Qed.

Lemma commute_past_apart : forall (ys : list prim) x,
  apart (touched_prim x) (touched ys) -> commute_past x ys = Some (ys, x).
Proof.
  induction ys as [|y ys IH]; intros x H; simpl; auto.
  rewrite touched_cons in H. apply apart_app_r in H as [H1 H2].
  rewrite commute_apart by auto. rewrite IH by auto. reflexivity.
Qed.

Lemma commute_rl_apart : forall (rxs ys acc : list prim),
  apart (touched rxs) (touched ys) -> commute_rl rxs ys acc = Some (ys, rev rxs ++ acc).
Proof.
  induction rxs as [|x rxs IH]; intros ys acc H; simpl; auto.
  rewrite touched_cons in H. apply apart_app_l in H as [H1 H2].
  rewrite commute_past_apart by auto. rewrite IH by auto. rewrite <- app_assoc. reflexivity.
Qed.

(** Sequences whose paths are pairwise unrelated commute unchanged. *)
Theorem commute_seq_apart : forall xs ys : list prim,
  apart (touched xs) (touched ys) -> commute_seq xs ys = Some (ys, xs).
Proof.
  intros xs ys H. unfold commute_seq. rewrite commute_rl_apart.
  - rewrite rev_involutive, app_nil_r. reflexivity.
  - intros x y Hx Hy. apply H; auto. apply in_touched_rev; auto.
Qed.

(** Named patches: unchanged, when neither explicitly depends on the other. *)
Theorem commute_inamed_apart : forall i (pe : list prim) pd j qe qd,
  ~ In i qd -> ~ In j pd -> apart (touched pe) (touched qe) ->
  commute_inamed (i, (pe, pd)) (j, (qe, qd)) = Some ((j, (qe, qd)), (i, (pe, pd))).
Proof.
  intros i pe pd j qe qd Hi Hj H. unfold commute_inamed.
  assert (E1 : existsb (Nat.eqb i) qd = false).
  { destruct (existsb (Nat.eqb i) qd) eqn:E; auto. apply existsb_exists in E as [k [Hk Ek]].
    apply Nat.eqb_eq in Ek. subst k. contradiction. }
  assert (E2 : existsb (Nat.eqb j) pd = false).
  { destruct (existsb (Nat.eqb j) pd) eqn:E; auto. apply existsb_exists in E as [k [Hk Ek]].
    apply Nat.eqb_eq in Ek. subst k. contradiction. }
  rewrite E1, E2. simpl. rewrite commute_seq_apart by auto. reflexivity.
Qed.

(** The wire's op 8 ([p] is patch 0, [q] patch 1). *)
Theorem commute_named_apart : forall p q : named,
  ~ In 0 (snd q) -> ~ In 1 (snd p) -> apart (touched_named p) (touched_named q) ->
  commute_named p q = Some (fst q, fst p).
Proof.
  intros [pe pd] [qe qd] H0 H1 H. unfold commute_named.
  rewrite commute_inamed_apart by auto. reflexivity.
Qed.

(** Neither of two indexed named patches explicitly depends on the other. *)
Definition independent (x y : inamed) : Prop :=
  ~ In (fst x) (snd (snd y)) /\ ~ In (fst y) (snd (snd x)).

(** darcs' [commuteFL]: a patch whose paths are unrelated to those of a
    list, and independent of each of its patches, moves past it unchanged. *)
Theorem commute_fl_apart : forall (ys : list inamed) x,
  Forall (independent x) ys -> apart (touched_inamed x) (touched_inameds ys) ->
  commute_fl x ys = Some (ys, x).
Proof.
  induction ys as [|y ys IH]; intros x Hi H; simpl; auto.
  inversion Hi as [|? ? [Hxy Hyx] Hi']; subst.
  unfold touched_inameds in H. simpl in H. apply apart_app_r in H as [H1 H2].
  destruct x as [i [pe pd]], y as [j [qe qd]].
  rewrite commute_inamed_apart by auto. rewrite IH by auto. reflexivity.
Qed.

(** ** Commuting keeps the paths below the original ones *)

Ltac destr_in H :=
  repeat match type of H with
  | context [match ?x with _ => _ end] => destruct x eqn:?
  | context [if ?x then _ else _] => destruct x eqn:?
  end.

Ltac in_list := simpl; repeat (first [left; reflexivity | right]).

Ltac solve_covers :=
  repeat match goal with
  | |- covers _ [] => exact (covers_nil _)
  | |- covers _ (_ :: _) => apply covers_cons; split
  | |- covered _ (move_path _ _ _) = true => apply move_path_covered; in_list
  | |- covered _ _ = true => apply covered_in; in_list
  end.

Lemma commute_fp_covered : forall p1 p2 a b : prim,
  commute_fp p1 p2 = Succeeded (a, b) ->
  covers (touched_prim p1 ++ touched_prim p2) (touched_prim a ++ touched_prim b).
Proof.
  intros p1 p2 a b H.
  destruct p1, p2; simpl in H; destr_in H; try discriminate;
    try (injection H as <- <-; simpl; solve_covers).
Qed.

Lemma kind_file_touched : forall (p : prim) f, kind_of p = KFile f -> touched_prim p = [f].
Proof. intros p f H; destruct p; simpl in *; congruence. Qed.

Lemma kind_dir_touched : forall (p : prim) d, kind_of p = KDir d -> touched_prim p = [d].
Proof. intros p d H; destruct p; simpl in *; congruence. Qed.

Lemma kind_move_touched : forall (p : prim) f t, kind_of p = KMove f t -> p = Move f t.
Proof. intros p f t H; destruct p; simpl in *; congruence. Qed.

Lemma relocate_touched : forall (p : prim) x,
  (exists f, kind_of p = KFile f) \/ (exists d, kind_of p = KDir d) ->
  touched_prim (relocate p x) = [x].
Proof. intros p x [[f H]|[d H]]; destruct p; simpl in *; congruence. Qed.

Lemma commute_filedir_covered : forall p1 p2 a b : prim,
  commute_filedir p1 p2 = Succeeded (a, b) ->
  covers (touched_prim p1 ++ touched_prim p2) (touched_prim a ++ touched_prim b).
Proof.
  intros p1 p2 a b H. unfold commute_filedir in H.
  destruct (kind_of p1) as [f1|d1|f f'|] eqn:K1; destruct (kind_of p2) as [f2|d2|d d'|] eqn:K2;
    try discriminate; destr_in H; try discriminate; try (apply commute_fp_covered; exact H);
    injection H as <- <-;
    repeat match goal with
    | E : kind_of ?p = KFile _ |- context [touched_prim (relocate ?p ?x)] =>
        rewrite (relocate_touched p x (or_introl (ex_intro _ _ E)))
    | E : kind_of ?p = KDir _ |- context [touched_prim (relocate ?p ?x)] =>
        rewrite (relocate_touched p x (or_intror (ex_intro _ _ E)))
    | E : kind_of _ = KFile _ |- _ => rewrite (kind_file_touched _ _ E) in *; clear E
    | E : kind_of _ = KDir _ |- _ => rewrite (kind_dir_touched _ _ E) in *; clear E
    | E : kind_of _ = KMove _ _ |- _ => rewrite (kind_move_touched _ _ _ E) in *; clear E
    end; cbn [touched_prim app]; solve_covers.
Qed.

Lemma incl_covers : forall ps xs, incl xs ps -> covers ps xs.
Proof. intros ps xs H x Hx. apply covered_in, H, Hx. Qed.

Lemma swap_covers : forall xs ys : list path, covers (xs ++ ys) (ys ++ xs).
Proof.
  intros xs ys. apply incl_covers. intros x Hx.
  apply in_app_or in Hx. apply in_or_app. tauto.
Qed.

Lemma invert_pair_incl : forall p q : prim,
  incl (touched_prim (invert p) ++ touched_prim (invert q)) (touched_prim q ++ touched_prim p).
Proof.
  intros p q x Hx. apply in_app_or in Hx as [Hx|Hx]; apply in_or_app; [right|left];
    apply (proj1 (touched_invert _)); auto.
Qed.

(** darcs' rules move paths only into the paths of the pair: the commuted
    prims touch nothing that is not equal to or below a path the original
    pair touches. *)
Theorem commute_covered : forall p q q' p' : prim,
  commute p q = Some (q', p') ->
  covers (touched_prim p ++ touched_prim q) (touched_prim q' ++ touched_prim p').
Proof.
  intros p q q' p' H. unfold commute in H.
  destruct (speedy p q) as [| |[a b]] eqn:Sp; try discriminate.
  - unfold everything_else in H.
    destruct (is_pref q); [injection H as <- <-; apply swap_covers|].
    destruct (is_pref p); [injection H as <- <-; apply swap_covers|].
    unfold clever in H. destruct (commute_filedir p q) as [| |[a b]] eqn:Cf; try discriminate.
    + (* the inverted pair: [commute_filedir (invert q) (invert p)] *)
      destruct (commute_filedir (invert q) (invert p)) as [| |[a b]] eqn:Ci; try discriminate.
      injection H as <- <-. apply commute_filedir_covered in Ci.
      apply (covers_incl _ (touched_prim a ++ touched_prim b)).
      * apply invert_pair_incl.
      * eapply covers_trans; [|exact Ci]. apply incl_covers, invert_pair_incl.
    + injection H as <- <-. apply commute_filedir_covered; auto.
  - (* [speedyCommute] only swaps *)
    unfold speedy in Sp.
    destruct (kind_of p), (kind_of q); try discriminate.
    destruct (path_eqb f f0); try discriminate.
    injection Sp as <- <-. injection H as <- <-. apply swap_covers.
Qed.

Lemma covers_mono : forall A B xs, incl A B -> covers A xs -> covers B xs.
Proof.
  intros A B xs Hi H x Hx. apply H in Hx. apply covered_spec in Hx as [p [Hp Hpx]].
  apply covered_spec. exists p. split; auto.
Qed.

Ltac incl_app := let x := fresh "x" in let Hx := fresh "Hx" in
  intros x Hx; repeat rewrite in_app_iff in *; tauto.

Lemma commute_past_covered : forall (ys : list prim) x ys' x',
  commute_past x ys = Some (ys', x') ->
  covers (touched_prim x ++ touched ys) (touched ys' ++ touched_prim x').
Proof.
  induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. apply swap_covers.
  - destruct (commute x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_past x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. apply commute_covered in C. apply IH in Cp.
    rewrite !touched_cons, <- app_assoc.
    (* everything is covered by [x ++ y ++ ys] *)
    assert (Hx1 : covers (touched_prim x ++ touched_prim y ++ touched ys)
                         (touched_prim y1 ++ touched_prim x1 ++ touched ys)).
    { apply covers_app.
      - eapply covers_mono; [|eapply covers_incl; [|exact C]]; incl_app.
      - apply covers_app.
        + eapply covers_mono; [|eapply covers_incl; [|exact C]]; incl_app.
        + apply incl_covers; incl_app. }
    eapply covers_trans; [exact Hx1|].
    apply covers_app; [apply incl_covers; incl_app|].
    eapply covers_mono; [|exact Cp]; incl_app.
Qed.

Lemma commute_rl_covered : forall (rxs ys acc ys' xs' : list prim),
  commute_rl rxs ys acc = Some (ys', xs') ->
  covers (touched rxs ++ touched ys ++ touched acc) (touched ys' ++ touched xs').
Proof.
  induction rxs as [|x rxs IH]; intros ys acc ys' xs' H; simpl in H.
  - injection H as <- <-. apply incl_covers. incl_app.
  - destruct (commute_past x ys) as [[ys1 x1]|] eqn:Cp; [|discriminate].
    apply IH in H. apply commute_past_covered in Cp. rewrite touched_cons in *.
    eapply covers_trans; [|exact H].
    apply covers_app; [apply incl_covers; incl_app|].
    apply covers_app; [eapply covers_mono; [|eapply covers_incl; [|exact Cp]]; incl_app|].
    apply covers_app; [eapply covers_mono; [|eapply covers_incl; [|exact Cp]]; incl_app|].
    apply incl_covers; incl_app.
Qed.

(** Sequences: the commuted sequences touch only paths equal to or below
    paths of the original ones. *)
Theorem commute_seq_covered : forall xs ys ys' xs' : list prim,
  commute_seq xs ys = Some (ys', xs') ->
  covers (touched xs ++ touched ys) (touched ys' ++ touched xs').
Proof.
  intros xs ys ys' xs' H. apply commute_rl_covered in H.
  eapply covers_mono; [|exact H]. intros x Hx. rewrite !in_app_iff in *.
  simpl in Hx. rewrite in_touched_rev in Hx. tauto.
Qed.

Lemma touched_inameds_cons : forall (x : inamed) xs,
  touched_inameds (x :: xs) = touched_inamed x ++ touched_inameds xs.
Proof. reflexivity. Qed.

Lemma touched_inameds_app : forall xs ys : list inamed,
  touched_inameds (xs ++ ys) = touched_inameds xs ++ touched_inameds ys.
Proof. intros. unfold touched_inameds. apply flat_map_app. Qed.

Lemma commute_inamed_covered : forall p q q' p' : inamed,
  commute_inamed p q = Some (q', p') ->
  covers (touched_inamed p ++ touched_inamed q) (touched_inamed q' ++ touched_inamed p').
Proof.
  intros [i [pe pd]] [j [qe qd]] q' p' H. unfold commute_inamed in H.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  destruct (commute_seq pe qe) as [[qe' pe']|] eqn:C; [|discriminate].
  injection H as <- <-. apply commute_seq_covered in C. exact C.
Qed.

(** darcs' [commuteFL]: the moved patch and the list it went past touch
    only paths equal to or below paths they touched before. *)
Theorem commute_fl_covered : forall (ys : list inamed) x ys' x',
  commute_fl x ys = Some (ys', x') ->
  covers (touched_inamed x ++ touched_inameds ys) (touched_inameds ys' ++ touched_inamed x').
Proof.
  induction ys as [|y ys IH]; intros x ys' x' H; simpl in H.
  - injection H as <- <-. apply swap_covers.
  - destruct (commute_inamed x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_fl x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. apply commute_inamed_covered in C. apply IH in Cp.
    rewrite !touched_inameds_cons, <- app_assoc.
    assert (Hx1 : covers (touched_inamed x ++ touched_inamed y ++ touched_inameds ys)
                         (touched_inamed y1 ++ touched_inamed x1 ++ touched_inameds ys)).
    { apply covers_app.
      - eapply covers_mono; [|eapply covers_incl; [|exact C]]; incl_app.
      - apply covers_app.
        + eapply covers_mono; [|eapply covers_incl; [|exact C]]; incl_app.
        + apply incl_covers; incl_app. }
    eapply covers_trans; [exact Hx1|].
    apply covers_app; [apply incl_covers; incl_app|].
    eapply covers_mono; [|exact Cp]; incl_app.
Qed.

(** ** The summary of a patch (the wire's op [touched])

    The touched paths sorted (componentwise, with an order on names given
    by the caller), then every path equal to or below the last path kept
    left out: such a path adds nothing, since whatever is related to it is
    related to the path above it.  After sorting, a path's descendants
    follow it, so this leaves no duplicate and no path below another; the
    proofs below need neither the sorting nor the order's properties. *)

Fixpoint path_lex (nleb : N -> N -> bool) (a b : path) : bool :=
  match a, b with
  | [], _ => true
  | _ :: _, [] => false
  | x :: a', y :: b' => if eq_dec x y then path_lex nleb a' b' else nleb x y
  end.

Fixpoint keep_tops (last : path) (xs : list path) : list path :=
  match xs with
  | [] => []
  | x :: xs' => if is_prefix last x then keep_tops last xs' else x :: keep_tops x xs'
  end.

Definition tops (xs : list path) : list path :=
  match xs with [] => [] | x :: xs' => x :: keep_tops x xs' end.

Definition summarize_paths (nleb : N -> N -> bool) (xs : list path) : list path :=
  tops (sort (path_lex nleb) xs).

Definition summarize (nleb : N -> N -> bool) (p : named) : list path :=
  summarize_paths nleb (touched_named p).

Lemma keep_tops_incl : forall xs last, incl (keep_tops last xs) xs.
Proof.
  induction xs as [|x xs IH]; intros last y Hy; simpl in *; [contradiction|].
  destruct (is_prefix last x); [right; eapply IH; eauto|].
  destruct Hy as [<-|Hy]; [left; auto|right; eapply IH; eauto].
Qed.

Lemma keep_tops_covers : forall xs last, covers (last :: keep_tops last xs) xs.
Proof.
  induction xs as [|x xs IH]; intros last; simpl; [apply covers_nil|].
  apply covers_cons. destruct (is_prefix last x) eqn:E; split.
  - apply covered_spec. exists last. split; [left|]; auto.
  - exact (IH last).
  - apply covered_in. right; left; auto.
  - intros y Hy. apply (IH x) in Hy. apply covered_spec in Hy as [p [[<-|Hp] Hpy]].
    + apply covered_spec. exists x. split; [right; left|]; auto.
    + apply covered_spec. exists p. split; [right; right|]; auto.
Qed.

Lemma tops_spec : forall xs, incl (tops xs) xs /\ covers (tops xs) xs.
Proof.
  intros [|x xs]; simpl; split.
  - intros y [].
  - apply covers_nil.
  - intros y [<-|Hy]; [left; auto|right; exact (keep_tops_incl xs x y Hy)].
  - apply covers_cons. split; [apply covered_in; left; auto|exact (keep_tops_covers xs x)].
Qed.

(** The summary lists touched paths only, and covers every touched path. *)
Theorem summarize_spec : forall nleb (p : named),
  incl (summarize nleb p) (touched_named p) /\ covers (summarize nleb p) (touched_named p).
Proof.
  intros nleb p. unfold summarize, summarize_paths.
  destruct (tops_spec (sort (path_lex nleb) (touched_named p))) as [H1 H2].
  pose proof (sort_perm (path_lex nleb) (touched_named p)) as Hp. split.
  - intros x Hx. apply H1 in Hx. eapply Permutation.Permutation_in; eauto.
  - intros x Hx. apply H2. eapply Permutation.Permutation_in; [apply Permutation.Permutation_sym|]; eauto.
Qed.

(** ** Without a move, the other side keeps its paths

    Only a move renames paths: when the prims moved to the right contain
    no move, the prims they go past keep exactly their touched paths (a
    hunk may change its line, never its file).  The pruned walk uses it
    to keep its path set small. *)

Definition is_move (p : prim) : bool := match p with Move _ _ => true | _ => false end.

Definition has_move (ps : list prim) : bool := existsb is_move ps.

Lemma kind_not_move : forall p : prim, is_move p = false -> forall f t, kind_of p <> KMove f t.
Proof. intros p H f t E. destruct p; simpl in *; congruence. Qed.

Lemma relocate_not_move : forall (p : prim) x, is_move p = false -> is_move (relocate p x) = false.
Proof. intros p x H. destruct p; simpl in *; auto. Qed.

Lemma commute_fp_shape : forall p1 p2 a b : prim,
  commute_fp p1 p2 = Succeeded (a, b) -> touched_prim p1 = touched_prim p2 ->
  touched_prim a = touched_prim p2 /\ is_move b = false.
Proof.
  intros p1 p2 a b H Ht.
  destruct p1, p2; simpl in H; destr_in H; try discriminate;
    injection H as <- <-; simpl in *; auto.
Qed.

(** The touched paths of a file prim are given by its kind. *)
Lemma kind_file_eq : forall (p q : prim) f,
  kind_of p = KFile f -> kind_of q = KFile f -> touched_prim p = touched_prim q.
Proof. intros p q f H1 H2. rewrite (kind_file_touched _ _ H1), (kind_file_touched _ _ H2). auto. Qed.

Lemma commute_nomove : forall x y y' x' : prim,
  is_move x = false -> commute x y = Some (y', x') ->
  touched_prim y' = touched_prim y /\ is_move x' = false.
Proof.
  intros x y y' x' Hm H. unfold commute in H.
  destruct (speedy x y) as [| |[a b]] eqn:Sp; try discriminate.
  - unfold everything_else in H.
    destruct (is_pref y); [injection H as <- <-; auto|].
    destruct (is_pref x); [injection H as <- <-; auto|].
    unfold clever in H. destruct (commute_filedir x y) as [| |[a b]] eqn:Cf; try discriminate.
    + (* the inverted pair: [x] is a file or directory prim, [y] a move or a file prim *)
      destruct (commute_filedir (invert y) (invert x)) as [| |[a b]] eqn:Ci; try discriminate.
      injection H as <- <-. unfold commute_filedir in Cf, Ci.
      destruct (kind_of x) as [f1|d1|f f'|] eqn:K1; destruct (kind_of y) as [f2|d2|d d'|] eqn:K2;
        try discriminate; try (exfalso; eapply kind_not_move; eauto; fail);
        destr_in Cf; try discriminate;
        destruct x, y; simpl in K1, K2, Ci; try discriminate; destr_in Ci; try discriminate;
        injection Ci as <- <-; simpl; auto.
    + injection H as <- <-. unfold commute_filedir in Cf.
      destruct (kind_of x) as [f1|d1|f f'|] eqn:K1; destruct (kind_of y) as [f2|d2|d d'|] eqn:K2;
        try discriminate; try (exfalso; eapply kind_not_move; eauto; fail);
        destr_in Cf; try discriminate;
        try (injection Cf as <- <-; split; auto using relocate_not_move; fail).
      (* the same file: [commute_fp] *)
      match goal with E : path_eqb f1 f2 = true |- _ => apply path_eqb_eq in E; subst f2 end.
      apply commute_fp_shape in Cf; [exact Cf|]. apply (kind_file_eq _ _ f1); auto.
  - unfold speedy in Sp.
    destruct (kind_of x), (kind_of y); try discriminate.
    destruct (path_eqb f f0); try discriminate.
    injection Sp as <- <-. injection H as <- <-. auto.
Qed.

Lemma commute_past_nomove : forall (ys : list prim) x ys' x',
  is_move x = false -> commute_past x ys = Some (ys', x') ->
  touched ys' = touched ys /\ is_move x' = false.
Proof.
  induction ys as [|y ys IH]; intros x ys' x' Hm H; simpl in H.
  - injection H as <- <-. auto.
  - destruct (commute x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_past x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. destruct (commute_nomove x y y1 x1 Hm C) as [E1 M1].
    destruct (IH x1 ys1 x2 M1 Cp) as [E2 M2].
    rewrite !touched_cons, E1, E2. auto.
Qed.

Lemma commute_rl_nomove : forall (rxs ys acc ys' xs' : list prim),
  has_move rxs = false -> has_move acc = false -> commute_rl rxs ys acc = Some (ys', xs') ->
  touched ys' = touched ys /\ has_move xs' = false.
Proof.
  induction rxs as [|x rxs IH]; intros ys acc ys' xs' Hm Ha H; simpl in H.
  - injection H as <- <-. auto.
  - simpl in Hm. apply orb_false_iff in Hm as [Mx Mr].
    destruct (commute_past x ys) as [[ys1 x1]|] eqn:Cp; [|discriminate].
    destruct (commute_past_nomove ys x ys1 x1 Mx Cp) as [E1 M1].
    destruct (IH ys1 (x1 :: acc) ys' xs' Mr) as [E2 M2]; auto.
    + simpl. rewrite M1, Ha. auto.
    + rewrite E2, E1. auto.
Qed.

Lemma has_move_rev : forall xs : list prim, has_move (rev xs) = has_move xs.
Proof.
  intros xs. unfold has_move. induction xs as [|x xs IH]; simpl; auto.
  rewrite existsb_app, IH. simpl. rewrite orb_false_r, orb_comm. auto.
Qed.

(** Sequences: without a move in the first sequence, the second keeps its
    touched paths, and the first still has no move. *)
Theorem commute_seq_nomove : forall xs ys ys' xs' : list prim,
  has_move xs = false -> commute_seq xs ys = Some (ys', xs') ->
  touched ys' = touched ys /\ has_move xs' = false.
Proof.
  intros xs ys ys' xs' Hm H. apply (commute_rl_nomove (rev xs) ys []); auto.
  rewrite has_move_rev. exact Hm.
Qed.

Definition ihas_move (x : inamed) : bool := has_move (fst (snd x)).

Lemma commute_inamed_nomove : forall p q q' p' : inamed,
  ihas_move p = false -> commute_inamed p q = Some (q', p') ->
  touched_inamed q' = touched_inamed q /\ ihas_move p' = false.
Proof.
  intros [i [pe pd]] [j [qe qd]] q' p' Hm H. unfold commute_inamed in H.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  destruct (commute_seq pe qe) as [[qe' pe']|] eqn:C; [|discriminate].
  injection H as <- <-. apply commute_seq_nomove in C; auto.
Qed.

(** darcs' [commuteFL]: a patch without a move leaves the paths of the
    list it goes past as they were. *)
Theorem commute_fl_nomove : forall (ys : list inamed) x ys' x',
  ihas_move x = false -> commute_fl x ys = Some (ys', x') ->
  touched_inameds ys' = touched_inameds ys.
Proof.
  induction ys as [|y ys IH]; intros x ys' x' Hm H; simpl in H.
  - injection H as <- <-. auto.
  - destruct (commute_inamed x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_fl x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. destruct (commute_inamed_nomove x y y1 x1 Hm C) as [E1 M1].
    rewrite !touched_inameds_cons, E1, (IH x1 ys1 x2 M1 Cp). auto.
Qed.

(** The same on the other side: past prims without a move, a prim keeps
    its touched paths. *)
Lemma commute_fp_shape_l : forall p1 p2 a b : prim,
  commute_fp p1 p2 = Succeeded (a, b) -> touched_prim p1 = touched_prim p2 ->
  touched_prim b = touched_prim p1 /\ is_move a = false.
Proof.
  intros p1 p2 a b H Ht.
  destruct p1, p2; simpl in H; destr_in H; try discriminate;
    injection H as <- <-; simpl in *; auto.
Qed.

Lemma commute_nomove_l : forall x y y' x' : prim,
  is_move y = false -> commute x y = Some (y', x') ->
  touched_prim x' = touched_prim x /\ is_move y' = false.
Proof.
  intros x y y' x' Hm H. unfold commute in H.
  destruct (speedy x y) as [| |[a b]] eqn:Sp; try discriminate.
  - unfold everything_else in H.
    destruct (is_pref y); [injection H as <- <-; auto|].
    destruct (is_pref x); [injection H as <- <-; auto|].
    unfold clever in H. destruct (commute_filedir x y) as [| |[a b]] eqn:Cf; try discriminate.
    + destruct (commute_filedir (invert y) (invert x)) as [| |[a b]] eqn:Ci; try discriminate.
      injection H as <- <-. unfold commute_filedir in Cf, Ci.
      destruct (kind_of x) as [f1|d1|f f'|] eqn:K1; destruct (kind_of y) as [f2|d2|d d'|] eqn:K2;
        try discriminate; try (exfalso; eapply kind_not_move; eauto; fail);
        destr_in Cf; try discriminate;
        destruct x, y; simpl in K1, K2, Ci; try discriminate; destr_in Ci; try discriminate;
        injection Ci as <- <-;
        repeat match goal with E : path_eqb _ _ = true |- _ => apply path_eqb_eq in E; subst end;
        simpl; auto.
    + injection H as <- <-. unfold commute_filedir in Cf.
      destruct (kind_of x) as [f1|d1|f f'|] eqn:K1; destruct (kind_of y) as [f2|d2|d d'|] eqn:K2;
        try discriminate; try (exfalso; eapply kind_not_move; eauto; fail);
        destr_in Cf; try discriminate;
        try (injection Cf as <- <-; split; auto using relocate_not_move; fail).
      match goal with E : path_eqb f1 f2 = true |- _ => apply path_eqb_eq in E; subst f2 end.
      apply commute_fp_shape_l in Cf; [exact Cf|]. apply (kind_file_eq _ _ f1); auto.
  - unfold speedy in Sp.
    destruct (kind_of x), (kind_of y); try discriminate.
    destruct (path_eqb f f0); try discriminate.
    injection Sp as <- <-. injection H as <- <-. auto.
Qed.

Lemma commute_past_nomove_l : forall (ys : list prim) x ys' x',
  has_move ys = false -> commute_past x ys = Some (ys', x') ->
  touched_prim x' = touched_prim x /\ has_move ys' = false.
Proof.
  induction ys as [|y ys IH]; intros x ys' x' Hm H; simpl in H.
  - injection H as <- <-. auto.
  - simpl in Hm. apply orb_false_iff in Hm as [My Mys].
    destruct (commute x y) as [[y1 x1]|] eqn:C; [|discriminate].
    destruct (commute_past x1 ys) as [[ys1 x2]|] eqn:Cp; [|discriminate].
    injection H as <- <-. destruct (commute_nomove_l x y y1 x1 My C) as [E1 M1].
    destruct (IH x1 ys1 x2 Mys Cp) as [E2 M2]. rewrite E2, E1. simpl. rewrite M1, M2. auto.
Qed.

Lemma commute_rl_nomove_l : forall (rxs ys acc ys' xs' : list prim),
  has_move ys = false -> commute_rl rxs ys acc = Some (ys', xs') ->
  incl (touched xs') (touched rxs ++ touched acc) /\ has_move ys' = false.
Proof.
  induction rxs as [|x rxs IH]; intros ys acc ys' xs' Hm H; simpl in H.
  - injection H as <- <-. split; auto. intros y Hy; exact Hy.
  - destruct (commute_past x ys) as [[ys1 x1]|] eqn:Cp; [|discriminate].
    destruct (commute_past_nomove_l ys x ys1 x1 Hm Cp) as [E1 M1].
    destruct (IH ys1 (x1 :: acc) ys' xs' M1 H) as [I2 M2]. split; auto.
    intros y Hy. apply I2 in Hy. rewrite touched_cons in *. rewrite E1 in Hy.
    repeat rewrite in_app_iff in *. tauto.
Qed.

(** Sequences: past a sequence without a move, the first sequence touches
    no new path. *)
Theorem commute_seq_nomove_l : forall xs ys ys' xs' : list prim,
  has_move ys = false -> commute_seq xs ys = Some (ys', xs') ->
  incl (touched xs') (touched xs).
Proof.
  intros xs ys ys' xs' Hm H. apply commute_rl_nomove_l in H as [I _]; auto.
  intros y Hy. apply I in Hy. simpl in Hy. rewrite app_nil_r, in_touched_rev in Hy. exact Hy.
Qed.

Lemma commute_inamed_nomove_l : forall p q q' p' : inamed,
  ihas_move q = false -> commute_inamed p q = Some (q', p') ->
  incl (touched_inamed p') (touched_inamed p).
Proof.
  intros [i [pe pd]] [j [qe qd]] q' p' Hm H. unfold commute_inamed in H.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [discriminate|].
  destruct (commute_seq pe qe) as [[qe' pe']|] eqn:C; [|discriminate].
  injection H as <- <-. apply commute_seq_nomove_l in C; auto.
Qed.

End Touch.
