(** * LineageLaws: a file's history restricted to its lineage gives the
    same file and the same annotation as the whole history.

    - [apply_local]: a prim's success and its effect on every path related
      to a set [A] depend only on the state at paths related to [A] or to
      the prim's own paths.
    - [apply_frame]: a prim whose paths are unrelated to [A] leaves every
      path related to [A] as it was.
    - [lin_apply]: so applying only the prims [lin] keeps gives a tree that
      agrees with the full history's on every path related to the final
      lineage, whenever the full history applies; [lin_ann]: annotate's
      backward walk over the kept prims is the walk over all prims.
    - [file_at_pruned_exact], [annotate_pruned_exact]: op 14 and op 15
      answer what [Depend.file_at] and [Depend.annotate] answer on the real
      history (a directory's names: the same set), when every summary
      covers its patch's touched paths and the real history applies.
    - [file_at_pruned_fails], [annotate_pruned_fails]: when the pruned
      computation does not apply, neither does the real history.  (The
      converse is false: a failing prim unrelated to the lineage is left
      out, and the pruned answer is then a result.)
    - [lineage_need]: "need patch [j]" names a summarised patch. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Touch Prune Lineage.
Import ListNotations.

Section LineageLaws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).
Notation tprim := (tprim L N).
Notation fentry := (fentry L N).

(** ** States that agree near a set of paths *)

(** [x] is related to some path of [X]. *)
Definition near (X : list path) (x : path) : Prop := exists l, In l X /\ related l x = true.

Definition agree_on (X : list path) (s t : state) : Prop :=
  forall x, near X x -> lookup s x = lookup t x.

Lemma agree_on_sym : forall X s t, agree_on X s t -> agree_on X t s.
Proof. intros X s t H x Hx. symmetry. auto. Qed.

Lemma agree_on_trans : forall X s t u, agree_on X s t -> agree_on X t u -> agree_on X s u.
Proof. intros X s t u H1 H2 x Hx. rewrite H1; auto. Qed.

Lemma agree_on_refl : forall X s, agree_on X s s.
Proof. intros X s x _. reflexivity. Qed.

Lemma near_in : forall X x, In x X -> near X x.
Proof. intros X x H. exists x. split; auto. apply related_refl. Qed.

Lemma near_below : forall X f x, In f X -> is_prefix f x = true -> near X x.
Proof. intros X f x H Hp. exists f. split; auto. unfold related. rewrite Hp. auto. Qed.

Lemma near_parent : forall X f, In f X -> near X (parent f).
Proof.
  intros X f H. exists f. split; auto. unfold related. rewrite (parent_prefix f). apply orb_true_r.
Qed.

Lemma near_app_l : forall A B x, near A x -> near (A ++ B) x.
Proof. intros A B x [l [Hl Hr]]. exists l. split; auto. apply in_or_app; auto. Qed.

Lemma near_app_r : forall A B x, near B x -> near (A ++ B) x.
Proof. intros A B x [l [Hl Hr]]. exists l. split; auto. apply in_or_app; auto. Qed.

(** A path related to a path below [l'] is related to [l']. *)
Lemma related_above : forall l' l x, is_prefix l' l = true -> related l x = true -> related l' x = true.
Proof.
  intros l' l x H1 H2. unfold related in *. apply orb_true_iff in H2 as [H2|H2].
  - rewrite (is_prefix_trans l' l x H1 H2). auto.
  - destruct (is_prefix_comparable l' x l H1 H2) as [E|E]; rewrite E; auto using orb_true_r.
Qed.

(** Agreeing near a set, the states agree near any set it covers. *)
Lemma agree_on_cover : forall X X' s t, covers X' X -> agree_on X' s t -> agree_on X s t.
Proof.
  intros X X' s t Hc H x [l [Hl Hr]]. apply H.
  apply Hc in Hl. apply covered_spec in Hl as [l' [Hl' Hp]].
  exists l'. split; auto. eapply related_above; eauto.
Qed.

(** ** Locality of [apply] *)

Lemma is_dir_eq : forall (s t : state) p, lookup s p = lookup t p -> is_dir s p = is_dir t p.
Proof. intros s t [|x p] H; simpl; auto. rewrite H. auto. Qed.

Lemma fresh_eq : forall (s t : state) f,
  (forall q, is_prefix f q = true -> lookup s q = lookup t q) -> fresh s f = fresh t f.
Proof.
  intros s t f H. destruct (fresh s f) eqn:E1, (fresh t f) eqn:E2; auto.
  - rewrite fresh_spec in E1. assert (fresh t f = true); [|congruence].
    apply fresh_spec. intros q Hq. rewrite <- H; auto.
  - rewrite fresh_spec in E2. assert (fresh s f = true); [|congruence].
    apply fresh_spec. intros q Hq. rewrite H; auto.
Qed.

Lemma no_children_eq : forall (s t : state) f,
  (forall q, is_prefix f q = true -> lookup s q = lookup t q) -> no_children s f = no_children t f.
Proof.
  intros s t f H. destruct (no_children s f) eqn:E1, (no_children t f) eqn:E2; auto.
  - rewrite no_children_spec in E1. assert (no_children t f = true); [|congruence].
    apply no_children_spec. intros q Hq Hn. rewrite <- H; auto.
  - rewrite no_children_spec in E2. assert (no_children s f = true); [|congruence].
    apply no_children_spec. intros q Hq Hn. rewrite H; auto.
Qed.

Lemma agree_set : forall A (s t : state) f e, agree_on A s t -> agree_on A (set s f e) (set t f e).
Proof. intros A s t f e H x Hx. rewrite !lookup_set. destruct (path_eqb f x); auto. Qed.

Lemma agree_del : forall A (s t : state) f, agree_on A s t -> agree_on A (del s f) (del t f).
Proof. intros A s t f H x Hx. rewrite !lookup_del. destruct (path_eqb f x); auto. Qed.

Lemma agree_rename : forall A (s t : state) f g,
  fresh s g = true -> fresh t g = true ->
  (forall r, lookup s (f ++ r) = lookup t (f ++ r)) -> agree_on A s t ->
  agree_on A (rename_state f g s) (rename_state f g t).
Proof.
  intros A s t f g Fs Ft Hf H x Hx. rewrite !lookup_rename by auto.
  destruct (strip_prefix g x); auto. destruct (is_prefix f x); auto.
Qed.

(** Agreeing near [A] and the prim's paths, the prim applies to both
    states or to neither, and the results agree near [A]. *)
Theorem apply_local : forall b (r : prim) A s t,
  agree_on (A ++ touched_prim r) s t ->
  match apply_gen b r s, apply_gen b r t with
  | Some s', Some t' => agree_on A s' t'
  | None, None => True
  | _, _ => False
  end.
Proof.
  intros b r A s t H.
  assert (HA : agree_on A s t) by (eapply agree_on_cover; [|exact H]; apply covers_app_l, covers_refl).
  (* the facts about the prim's own paths *)
  assert (Hp : forall f, In f (touched_prim r) -> lookup s f = lookup t f)
    by (intros f Hf; apply H, near_app_r, near_in; auto).
  assert (Hb : forall f q, In f (touched_prim r) -> is_prefix f q = true -> lookup s q = lookup t q)
    by (intros f q Hf Hq; apply H, near_app_r; eapply near_below; eauto).
  assert (Hd : forall f, In f (touched_prim r) -> is_dir s (parent f) = is_dir t (parent f))
    by (intros f Hf; apply is_dir_eq, H, near_app_r, near_parent; auto).
  destruct r as [f l o n|f|f|f|f|f g|f tk o n|f o n|nm o n]; cbn [touched_prim] in *;
    cbn [apply_gen].
  (* content changes: hunk, replace, binary *)
  1, 7, 8:
    rewrite (Hp f) by (left; auto); rewrite (Hd f) by (left; auto);
    destruct (lookup t f) as [[|c]|]; auto;
    [ destruct (apply_fp _ c) as [c'|]; auto; destruct b; [destruct c'|]; auto; apply agree_set; auto
    | destruct b; auto; destruct (nonroot f && is_dir t (parent f)); auto;
      destruct (apply_fp _ [empty_line]); auto; apply agree_set; auto ].
  - (* addfile *)
    rewrite (fresh_eq s t f) by (intros q Hq; apply (Hb f q); [left|]; auto).
    rewrite (Hd f) by (left; auto).
    destruct (nonroot f && fresh t f && is_dir t (parent f)); auto. apply agree_set; auto.
  - (* rmfile *)
    rewrite (Hp f) by (left; auto). rewrite (Hd f) by (left; auto).
    rewrite (no_children_eq s t f) by (intros q Hq; apply (Hb f q); [left|]; auto).
    destruct (nonroot f && is_file_empty (lookup t f) && no_children t f && is_dir t (parent f)); auto.
    apply agree_del; auto.
  - (* adddir *)
    rewrite (fresh_eq s t f) by (intros q Hq; apply (Hb f q); [left|]; auto).
    rewrite (Hd f) by (left; auto).
    destruct (nonroot f && fresh t f && is_dir t (parent f)); auto. apply agree_set; auto.
  - (* rmdir *)
    rewrite (Hd f) by (left; auto).
    rewrite (is_dir_eq s t f) by (apply (Hp f); left; auto).
    rewrite (no_children_eq s t f) by (intros q Hq; apply (Hb f q); [left|]; auto).
    destruct (nonroot f && is_dir t f && no_children t f && is_dir t (parent f)); auto.
    apply agree_del; auto.
  - (* move *)
    rewrite (Hp f) by (left; auto).
    rewrite (fresh_eq s t g) by (intros q Hq; apply (Hb g q); [right; left|]; auto).
    rewrite (Hd f) by (left; auto). rewrite (Hd g) by (right; left; auto).
    destruct (nonroot f && nonroot g && is_some (lookup t f) && fresh t g && is_dir t (parent f)
              && is_dir t (parent g) && negb (is_prefix f g)) eqn:C; auto.
    repeat match goal with Hc : _ && _ = true |- _ => apply andb_true_iff in Hc as [? ?] end.
    apply agree_rename; auto.
    + rewrite (fresh_eq s t g) by (intros q Hq; apply (Hb g q); [right; left|]; auto). auto.
    + intros r'. apply (Hb f); [left; auto|apply is_prefix_app].
  - (* changepref *) exact HA.
Qed.

(** A path related to a set that a prim's paths are apart from is not at
    or below any of the prim's paths. *)
Lemma near_not_below : forall A T f x,
  apart T A -> In f T -> near A x -> is_prefix f x = false.
Proof.
  intros A T f x Hap Hf [l [Hl Hr]]. destruct (is_prefix f x) eqn:E; auto.
  assert (Hfl : related f l = false) by (apply Hap; auto).
  (* [l] and [f] would be related: [x] is below [f] and related to [l] *)
  exfalso. unfold related in Hr, Hfl. apply orb_false_iff in Hfl as [F1 F2].
  apply orb_true_iff in Hr as [Hr|Hr].
  - destruct (is_prefix_comparable l f x Hr E) as [G|G]; congruence.
  - rewrite (is_prefix_trans f x l E Hr) in F1. discriminate.
Qed.

Lemma not_below_neq : forall f x : path, is_prefix f x = false -> path_eqb f x = false.
Proof.
  intros f x H. apply path_eqb_neq. intros ->. rewrite is_prefix_refl in H. discriminate.
Qed.

(** A prim whose paths are unrelated to [A] changes nothing near [A]. *)
Theorem apply_frame : forall b (r : prim) A s s',
  apart (touched_prim r) A -> apply_gen b r s = Some s' -> agree_on A s s'.
Proof.
  intros b r A s s' Hap Ha x Hx.
  assert (Nb : forall f, In f (touched_prim r) -> is_prefix f x = false)
    by (intros f Hf; eapply near_not_below; eauto).
  destruct r as [f l o n|f|f|f|f|f g|f tk o n|f o n|nm o n]; cbn [touched_prim apply_gen] in *;
    try (pose proof (Nb f (or_introl eq_refl)) as Nf);
    repeat match type of Ha with
    | context [match ?c with _ => _ end] => destruct c eqn:?
    end; try discriminate; injection Ha as <-;
    rewrite ?lookup_set, ?lookup_del, ?not_below_neq by auto; auto.
  (* move: the renamed state *)
  pose proof (Nb g (or_intror (or_introl eq_refl))) as Ng.
  repeat match goal with Hc : _ && _ = true |- _ => apply andb_true_iff in Hc as [? ?] end.
  rewrite lookup_rename by auto. rewrite is_prefix_strip in Ng.
  destruct (strip_prefix g x); [discriminate|]. rewrite Nf. auto.
Qed.

(** ** The kept prims give the same tree near the path *)

Lemma add_paths_covers_app : forall xs ps, covers (add_paths xs ps) (ps ++ xs).
Proof.
  intros xs ps. unfold add_paths. revert ps. induction xs as [|x xs IH]; intros ps; simpl.
  - rewrite app_nil_r. apply covers_refl.
  - destruct (covered ps x) eqn:C.
    + eapply covers_trans; [apply IH|]. intros y Hy. apply in_app_or in Hy as [Hy|[<-|Hy]].
      * apply covered_app_l, covered_in; auto.
      * apply covered_app_l; auto.
      * apply covered_app_r, covered_in; auto.
    + eapply covers_trans; [apply IH|]. intros y Hy. apply in_app_or in Hy as [Hy|[<-|Hy]].
      * apply covered_app_l, covered_in. right; auto.
      * apply covered_app_l, covered_in. left; auto.
      * apply covered_app_r, covered_in; auto.
Qed.

(** Applying the prims [xs] to [s] and the kept ones to [t], where [s] and
    [t] agree near the lineage before [xs]: whenever the first applies, so
    does the second, and the results agree near the final lineage [ls]. *)
Lemma lin_cons : forall (x : tprim) xs acc, lin (x :: xs) acc = lin_step x (lin xs acc).
Proof. reflexivity. Qed.

Theorem lin_apply : forall (xs : list tprim) ls s t s',
  agree_on (fst (lin xs (ls, []))) s t -> apply_tprims xs s = NOk s' ->
  exists t', apply_tprims (snd (lin xs (ls, []))) t = NOk t' /\ agree_on ls s' t'.
Proof.
  induction xs as [|[[i j] r] xs IH]; intros ls s t s' Hag Ha.
  - simpl in *. injection Ha as <-. exists t. split; auto.
  - simpl in Ha. destruct (apply r s) as [s1|] eqn:Ar; [|discriminate].
    rewrite lin_cons in *. destruct (lin xs (ls, [])) as [ls1 ks1] eqn:Ex.
    specialize (IH ls). rewrite Ex in IH. cbn [fst snd] in IH.
    unfold lin_step in *. destruct (meets (touched_prim r) ls1) eqn:M; cbn [fst snd] in *.
    + (* kept: both sides apply it *)
      assert (Hag' : agree_on (ls1 ++ touched_prim r) s t)
        by (eapply agree_on_cover; [apply add_paths_covers_app|exact Hag]).
      pose proof (apply_local false r ls1 s t Hag') as Hl. unfold apply in Ar. rewrite Ar in Hl.
      destruct (apply_gen false r t) as [t1|] eqn:At; [|contradiction].
      destruct (IH s1 t1 s' Hl Ha) as (t' & Ht' & Hst).
      exists t'. simpl. unfold apply. rewrite At. auto.
    + (* left out: it changes nothing near the lineage *)
      assert (Hfr : agree_on ls1 s s1)
        by (apply (apply_frame false r); [apply meets_false; auto|exact Ar]).
      apply (IH s1 t s'); auto. eapply agree_on_trans; [apply agree_on_sym, Hfr|exact Hag].
Qed.

(** ** Annotate's walk over the kept prims *)

(** Annotate's current name of the file is near the lineage. *)
Definition path_ok (X : list path) (st : @astate L N) : Prop :=
  match a_path st with None => True | Some fp => covered X fp = true end.

Lemma ann_prim_apart : forall i (r : prim) X st,
  apart (touched_prim r) X -> path_ok X st -> ann_prim i (invert r) st = st.
Proof.
  intros i r X [[fp|] cur recs] Hap Hok; [|destruct r; reflexivity].
  unfold path_ok in Hok. cbn [a_path] in Hok. apply covered_spec in Hok as [l [Hl Hlf]].
  assert (Hu : forall f, In f (touched_prim r) -> is_prefix f fp = false /\ path_eqb f fp = false).
  { intros f Hf. assert (Hfl : related f l = false) by (apply Hap; auto).
    destruct (related_false f fp (related_below f l fp Hfl Hlf)) as (H1 & _ & H3 & _). auto. }
  destruct r as [f l0 o n|f|f|f|f|f g|f tk o n|f o n|nm o n]; cbn [touched_prim invert] in *;
    cbn [ann_prim a_path];
    try (destruct (Hu f (or_introl eq_refl)) as [Pf Ef]; rewrite ?Ef); auto.
  (* a move: the inverse renames [g] back to [f]; the name is not below [g] *)
  destruct (Hu g (or_intror (or_introl eq_refl))) as [Pg _].
  rewrite move_path_not_prefix by exact Pg. reflexivity.
Qed.

Lemma ann_prim_path : forall i (r : prim) X st,
  path_ok X st -> path_ok (add_paths (touched_prim r) X) (ann_prim i (invert r) st).
Proof.
  intros i r X [[fp|] cur recs] Hok; [|destruct r; exact I].
  unfold path_ok in *. cbn [a_path] in Hok.
  assert (Hc : covers (add_paths (touched_prim r) X) (X ++ touched_prim r))
    by apply add_paths_covers_app.
  assert (Hfp : covered (add_paths (touched_prim r) X) fp = true)
    by (eapply covered_trans; [exact Hc|apply covered_app_l; exact Hok]).
  destruct r as [f l0 o n|f|f|f|f|f g|f tk o n|f o n|nm o n]; cbn [touched_prim invert ann_prim a_path] in *;
    repeat match goal with |- context [if ?c then _ else _] => destruct c end;
    repeat match goal with |- context [let '(_, _) := ?x in _] => destruct x end; cbn [a_path]; auto.
  (* a move: renamed below [f], or unchanged *)
  eapply covered_trans; [exact Hc|]. unfold move_path.
  destruct (strip_prefix g fp) as [rest|] eqn:S.
  - apply covered_spec. exists f. split; [apply in_or_app; right; left; auto|apply is_prefix_app].
  - apply covered_app_l. exact Hok.
Qed.

Lemma ann_tprims_cons : forall (x : tprim) xs st,
  ann_tprims (x :: xs) st = (let '(i, _, r) := x in ann_prim i (invert r)) (ann_tprims xs st).
Proof. intros [[i j] r] xs st. reflexivity. Qed.

(** Annotate's walk over the kept prims is its walk over all of them. *)
Theorem lin_ann : forall (xs : list tprim) ls st,
  path_ok ls st ->
  ann_tprims xs st = ann_tprims (snd (lin xs (ls, []))) st /\
  path_ok (fst (lin xs (ls, []))) (ann_tprims xs st).
Proof.
  induction xs as [|[[i j] r] xs IH]; intros ls st Hok; [simpl; auto|].
  rewrite lin_cons. destruct (lin xs (ls, [])) as [ls1 ks1] eqn:Ex.
  specialize (IH ls st Hok). rewrite Ex in IH. cbn [fst snd] in IH. destruct IH as [E1 P1].
  unfold lin_step. rewrite ann_tprims_cons. cbn iota beta.
  destruct (meets (touched_prim r) ls1) eqn:M; cbn [fst snd].
  - rewrite ann_tprims_cons. cbn iota beta. rewrite E1. split; auto.
    rewrite <- E1. apply ann_prim_path; auto.
  - apply meets_false in M. rewrite (ann_prim_apart i r ls1); auto.
Qed.

(** ** The history as one list of tagged prims *)

Fixpoint flat (i : nat) (ps : list named) : list tprim :=
  match ps with [] => [] | p :: ps' => tag i 0 (fst p) ++ flat (S i) ps' end.

Lemma apply_tprims_app : forall (xs ys : list tprim) s,
  apply_tprims (xs ++ ys) s =
  match apply_tprims xs s with NOk s' => apply_tprims ys s' | NFail i j => NFail i j end.
Proof.
  induction xs as [|[[i j] r] xs IH]; intros ys s; simpl; auto.
  destruct (apply r s); auto.
Qed.

Lemma apply_tag : forall i j (rs : list prim) s,
  apply_tprims (tag i j rs) s = match apply_seq_from j rs s with Ok s' => NOk s' | Fail k => NFail i k end.
Proof.
  intros i j rs. revert j. induction rs as [|r rs IH]; intros j s; simpl; auto.
  destruct (apply r s); auto.
Qed.

Lemma apply_flat : forall ps i s, apply_tprims (flat i ps) s = apply_named_from i ps s.
Proof.
  induction ps as [|p ps IH]; intros i s; simpl; auto.
  rewrite apply_tprims_app, apply_tag. unfold apply_seq.
  destruct (apply_seq_from 0 (fst p) s); auto.
Qed.

Lemma fold_left_rev : forall {A B} (g : B -> A -> B) l a,
  fold_left g (rev l) a = fold_right (fun x a => g a x) a l.
Proof.
  intros A B g l a. induction l as [|x l IH]; simpl; auto.
  rewrite fold_left_app, IH. reflexivity.
Qed.

Lemma ann_tag : forall i j (rs : list prim) st,
  ann_tprims (tag i j rs) st = fold_left (fun st q => ann_prim i q st) (invert_seq rs) st.
Proof.
  intros i j rs st. rewrite invert_seq_spec, fold_left_rev.
  revert j. induction rs as [|r rs IH]; intros j; simpl; auto. rewrite IH. reflexivity.
Qed.

Lemma ann_tprims_app : forall (xs ys : list tprim) st,
  ann_tprims (xs ++ ys) st = ann_tprims xs (ann_tprims ys st).
Proof. intros xs ys st. unfold ann_tprims. apply fold_right_app. Qed.

Lemma ann_flat : forall ps i st, ann_all i ps st = ann_tprims (flat i ps) st.
Proof.
  induction ps as [|p ps IH]; intros i st; simpl; auto.
  rewrite ann_tprims_app, <- IH, ann_tag. reflexivity.
Qed.

(** ** The entries stand for the real history *)

(** The parts stand for the real prims: each prim is the real one, each
    run of [n] prims has a summary covering their touched paths. *)
Fixpoint segs_ok (segs : list (fseg L N)) (rs : list prim) : Prop :=
  match segs with
  | [] => rs = []
  | FPrim r :: segs' => exists rs', rs = r :: rs' /\ segs_ok segs' rs'
  | FRun n sum :: segs' =>
      exists run rs', rs = run ++ rs' /\ length run = n /\ covers sum (touched run) /\ segs_ok segs' rs'
  end.

(** A full entry is the real patch; a summary covers its touched paths;
    the parts of a partial entry stand for its prims. *)
Definition fentry_ok (e : fentry) (p : named) : Prop :=
  match e with
  | FFull q => q = p
  | FSkip sum => covers sum (touched_named p)
  | FPart segs => segs_ok segs (fst p)
  end.

Lemma lin_tag_apart : forall sum i j (rs : list prim) ls ks,
  covers sum (touched rs) -> meets sum ls = false -> lin (tag i j rs) (ls, ks) = (ls, ks).
Proof.
  intros sum i j rs ls ks Hc Hm. apply meets_false in Hm. revert j.
  induction rs as [|r rs IH]; intros j; simpl; auto.
  rewrite touched_cons in Hc. fold (lin (tag i (S j) rs) (ls, ks)).
  rewrite IH by (intros x Hx; apply Hc, in_or_app; auto).
  unfold lin_step. replace (meets (touched_prim r) ls) with false; auto.
  symmetry. apply meets_false. eapply apart_covers; [exact Hm| |apply covers_refl].
  intros x Hx. apply Hc, in_or_app; auto.
Qed.

Lemma tag_app : forall i j (xs ys : list prim),
  tag i j (xs ++ ys) = tag i j xs ++ tag i (j + length xs) ys.
Proof.
  intros i j xs. revert j. induction xs as [|x xs IH]; intros j ys; simpl.
  - rewrite Nat.add_0_r. reflexivity.
  - rewrite IH. replace (S j + length xs) with (j + S (length xs)) by lia. reflexivity.
Qed.

Lemma lin_segs_spec : forall (segs : list (fseg L N)) rs i j acc acc',
  segs_ok segs rs -> lin_segs i j segs acc = PDone acc' -> acc' = lin (tag i j rs) acc.
Proof.
  induction segs as [|[r|n sum] segs IH]; intros rs i j acc acc' Hok H; simpl in H, Hok.
  - subst rs. injection H as <-. reflexivity.
  - destruct Hok as (rs' & -> & Hok).
    destruct (lin_segs i (S j) segs acc) as [acc1|k] eqn:E; [|discriminate].
    injection H as <-. rewrite (IH rs' i (S j) acc acc1 Hok E). reflexivity.
  - destruct Hok as (run & rs' & -> & Hl & Hc & Hok).
    destruct (lin_segs i (j + n) segs acc) as [acc1|k] eqn:E; [|discriminate].
    rewrite (IH rs' i (j + n) acc acc1 Hok E) in H. rewrite tag_app. unfold lin at 1.
    rewrite fold_right_app. fold (lin (tag i (j + length run) rs') acc). rewrite Hl.
    destruct (lin (tag i (j + n) rs') acc) as [ls ks] eqn:El. cbn [fst] in H.
    destruct (meets sum ls) eqn:M; [discriminate|]. injection H as <-.
    fold (lin (tag i j run) (ls, ks)). rewrite (lin_tag_apart sum); auto.
Qed.

Lemma lin_segs_need : forall (segs : list (fseg L N)) i j acc k,
  lin_segs i j segs acc = PNeed k -> k = i.
Proof.
  induction segs as [|[r|n sum] segs IH]; intros i j acc k H; simpl in H; [discriminate| |].
  - destruct (lin_segs i (S j) segs acc) eqn:E; [discriminate|]. injection H as <-. eapply IH; eauto.
  - destruct (lin_segs i (j + n) segs acc) as [acc1|k'] eqn:E.
    + destruct (meets sum (fst acc1)); [injection H as <-; auto|discriminate].
    + injection H as <-. eapply IH; eauto.
Qed.

Lemma lin_es_spec : forall es ps i acc acc',
  Forall2 fentry_ok es ps -> lin_es i es acc = PDone acc' -> acc' = lin (flat i ps) acc.
Proof.
  induction es as [|e es IH]; intros ps i acc acc' Hok H; inversion Hok as [|e' p es' ps' He Hok' E1 E2];
    subst; simpl in H.
  - injection H as <-. reflexivity.
  - destruct (lin_es (S i) es acc) as [acc1|j] eqn:E; [|discriminate].
    rewrite (IH ps' (S i) acc acc1 Hok' E) in H. simpl. unfold lin. rewrite fold_right_app.
    fold (lin (flat (S i) ps') acc). destruct e as [q|sum|segs].
    + injection H as <-. simpl in He. subst q. reflexivity.
    + destruct (lin (flat (S i) ps') acc) as [ls ks] eqn:El. cbn [fst] in H.
      destruct (meets sum ls) eqn:M; [discriminate|]. injection H as <-.
      fold (lin (tag i 0 (fst p)) (ls, ks)). rewrite (lin_tag_apart sum); auto.
    + exact (lin_segs_spec segs (fst p) i 0 _ acc' He H).
Qed.

(** "Need patch [j]": [j] is an entry not given in full. *)
Definition not_full (e : fentry) : Prop := match e with FFull _ => False | _ => True end.

Theorem lineage_need : forall (es : list fentry) p j,
  kept_for es p = PNeed j -> exists e, nth_error es j = Some e /\ not_full e.
Proof.
  intros es p j H. unfold kept_for in H.
  assert (G : forall (es : list fentry) i acc, lin_es i es acc = PNeed j ->
                i <= j /\ exists e, nth_error es (j - i) = Some e /\ not_full e).
  { clear H es. intros es. induction es as [|e es IH]; intros i acc H; simpl in H; [discriminate|].
    destruct (lin_es (S i) es acc) as [acc1|k] eqn:E.
    - destruct e as [q|sum|segs]; [discriminate| |].
      + destruct (meets sum (fst acc1)); [|discriminate].
        injection H as <-. rewrite Nat.sub_diag. simpl.
        split; [lia|]. exists (FSkip sum). split; [reflexivity|exact I].
      + apply lin_segs_need in H. subst i. rewrite Nat.sub_diag. simpl.
        split; [lia|]. exists (FPart segs). split; [reflexivity|exact I].
    - injection H as ->. destruct (IH _ _ E) as [Hle [e' Hs]]. split; [lia|].
      exists e'. replace (j - i) with (S (j - S i)) by lia. simpl. auto. }
  destruct (lin_es 0 es ([p], [])) as [[ls ks]|k] eqn:E; [discriminate|].
  injection H as ->. destruct (G _ _ _ E) as [_ Hs]. rewrite Nat.sub_0_r in Hs. exact Hs.
Qed.

(** ** The answers *)

Lemma len_app : forall {A} (l1 l2 : list A), length (l1 ++ l2) = length l1 + length l2.
Proof. intros A l1 l2. induction l1 as [|a l1 IH]; simpl; auto. Qed.

Lemma children_spec : forall (s : state) p x,
  In x (children s p) <-> exists e, lookup s (p ++ [x]) = Some e.
Proof.
  intros s p x.
  assert (Ch : In x (children s p) <-> exists e, In (p ++ [x], e) s).
  { induction s as [|[q e] s IH]; simpl; [split; [intros []|intros [e []]]|].
    destruct (strip_prefix p q) as [r|] eqn:S.
    - apply strip_prefix_some in S; subst q. destruct r as [|y [|z r]]; simpl.
      + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
        injection H' as E. rewrite app_nil_r in E. apply (f_equal (@length _)) in E.
        rewrite len_app in E; simpl in E; lia.
      + split.
        * intros [<-|Hx]; [exists e; auto|]. apply IH in Hx as [e' He']. eauto.
        * intros [e' [H'|H']].
          -- injection H' as E _. apply app_inv_head in E. injection E as ->. auto.
          -- right. apply IH. eauto.
      + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
        injection H' as E. apply app_inv_head in E. discriminate.
    - rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
      injection H' as E. subst q. rewrite strip_prefix_app in S. discriminate. }
  rewrite Ch. split; intros [e He].
  - apply in_lookup in He. exact He.
  - apply lookup_in in He. eauto.
Qed.

(** Equal answers; for a directory, the same names. *)
Definition same_found (a b : found L N) : Prop :=
  match a, b with
  | FoundDir xs, FoundDir ys => forall x, In x xs <-> In x ys
  | _, _ => a = b
  end.

Lemma found_at_agree : forall p s t, agree_on [p] s t -> same_found (found_at s p) (found_at t p).
Proof.
  intros p s t H.
  assert (Hc : forall x, In x (children s p) <-> In x (children t p)).
  { intros x. rewrite !children_spec.
    rewrite (H (p ++ [x])) by (apply (near_below [p] p); [left; auto|apply is_prefix_app]).
    tauto. }
  unfold found_at. destruct p as [|y p]; [exact Hc|].
  rewrite (H (y :: p)) by (apply near_in; left; auto).
  destruct (lookup t (y :: p)) as [[|c]|]; simpl; auto.
Qed.

Lemma tree_at_flat : forall ps, tree_at ps = apply_tprims (flat 0 ps) [].
Proof. intros ps. unfold tree_at, apply_named. rewrite apply_flat. reflexivity. Qed.

Theorem file_at_pruned_exact : forall es ps p f r,
  Forall2 fentry_ok es ps -> file_at ps p = NOk f -> file_at_pruned es p = PDone r ->
  exists f', r = NOk f' /\ same_found f f'.
Proof.
  intros es ps p f r Hok Hf Hr. unfold file_at in Hf. unfold file_at_pruned, kept_for in Hr.
  destruct (tree_at ps) as [s|] eqn:T; [|discriminate]. injection Hf as <-.
  destruct (lin_es 0 es ([p], [])) as [[ls ks]|j] eqn:E; [|discriminate].
  apply (lin_es_spec es ps) in E; auto. rewrite tree_at_flat in T.
  destruct (lin_apply (flat 0 ps) [p] [] [] s) as (t & Ht & Hag).
  - rewrite <- E. apply agree_on_refl.
  - exact T.
  - rewrite <- E in Ht. cbn [snd] in Ht. rewrite Ht in Hr. injection Hr as <-.
    exists (found_at t p). split; auto. apply found_at_agree; auto.
Qed.

Theorem annotate_pruned_exact : forall es ps p v r,
  Forall2 fentry_ok es ps -> annotate ps p = NOk v -> annotate_pruned es p = PDone r ->
  r = NOk v.
Proof.
  intros es ps p v r Hok Hv Hr. unfold annotate in Hv. unfold annotate_pruned, kept_for in Hr.
  destruct (tree_at ps) as [s|] eqn:T; [|discriminate]. injection Hv as <-.
  destruct (lin_es 0 es ([p], [])) as [[ls ks]|j] eqn:E; [|discriminate].
  apply (lin_es_spec es ps) in E; auto. rewrite tree_at_flat in T.
  destruct (lin_apply (flat 0 ps) [p] [] [] s) as (t & Ht & Hag).
  - rewrite <- E. apply agree_on_refl.
  - exact T.
  - rewrite <- E in Ht. cbn [snd] in Ht. rewrite Ht in Hr. injection Hr as <-.
    rewrite (Hag p) by (apply near_in; left; auto).
    destruct (lookup t p) as [[|c]|]; auto.
    rewrite break_lines_fast_eq, ann_flat.
    destruct (lin_ann (flat 0 ps) [p] (AS (Some p) (tag_from 0 c) [])) as [Ea _].
    + unfold path_ok. cbn [a_path]. apply covered_in. left; auto.
    + rewrite Ea, <- E. reflexivity.
Qed.

(** When the pruned computation does not apply, neither does the real
    history. *)
Theorem file_at_pruned_fails : forall es ps p i j,
  Forall2 fentry_ok es ps -> file_at_pruned es p = PDone (NFail i j) ->
  exists i' j', file_at ps p = NFail i' j'.
Proof.
  intros es ps p i j Hok Hr. unfold file_at. destruct (tree_at ps) as [s|i' j'] eqn:T; [|eauto].
  exfalso. unfold file_at_pruned, kept_for in Hr.
  destruct (lin_es 0 es ([p], [])) as [[ls ks]|k] eqn:E; [|discriminate].
  apply (lin_es_spec es ps) in E; auto. rewrite tree_at_flat in T.
  destruct (lin_apply (flat 0 ps) [p] [] [] s) as (t & Ht & _).
  - rewrite <- E. apply agree_on_refl.
  - exact T.
  - rewrite <- E in Ht. cbn [snd] in Ht. rewrite Ht in Hr. discriminate.
Qed.

Theorem annotate_pruned_fails : forall es ps p i j,
  Forall2 fentry_ok es ps -> annotate_pruned es p = PDone (NFail i j) ->
  exists i' j', annotate ps p = NFail i' j'.
Proof.
  intros es ps p i j Hok Hr. unfold annotate. destruct (tree_at ps) as [s|i' j'] eqn:T; [|eauto].
  exfalso. unfold annotate_pruned, kept_for in Hr.
  destruct (lin_es 0 es ([p], [])) as [[ls ks]|k] eqn:E; [|discriminate].
  apply (lin_es_spec es ps) in E; auto. rewrite tree_at_flat in T.
  destruct (lin_apply (flat 0 ps) [p] [] [] s) as (t & Ht & _).
  - rewrite <- E. apply agree_on_refl.
  - exact T.
  - rewrite <- E in Ht. cbn [snd] in Ht. rewrite Ht in Hr. discriminate.
Qed.

End LineageLaws.
