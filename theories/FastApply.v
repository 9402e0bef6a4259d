(** * FastApply: darcs' apply on tries, with hunk runs, proved equal to
    [Apply.apply] on the list model.

    - [tapply_ref p t] is [Apply.apply] (darcs' semantics, [strict = false])
      written word for word with the trie operations of [Trie.v]: the same
      checks, so the same prims fail ([tapply_spec]).  [tapply] makes all the
      checks of a prim in one walk down the tree ([Trie.tview]) and is
      [tapply_ref] ([tapply_eq]).
    - [fseq_from] applies a sequence.  A hunk leaves its file open in a
      cursor ([HunkZip.zip]): the following hunks on the same file are
      applied to the cursor, without looking the file up again, without
      writing it back, and without walking from its first line.  The file is
      written back into the trie ([flush]) before any other prim and at the
      end.  The cursor stays open from one named patch to the next.
    - [ftree_at] is [Depend.tree_at] with these; [ffile_at] is [file_at].

    Theorems: [tapply_refines], [fapply_seq_refines], [ftree_at_refines]:
    the same success or failure (with the same failure index), and results
    that stand for extensionally equal states ([state_eq]). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Trie HunkZip.
Import ListNotations.

Section FastApply.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation entry := (entry L).
Notation named := (named L N).
Notation trie := (trie L N).
Notation zip := (zip L).

(** ** One prim *)

(** [Apply.apply] word for word on tries (the reference for [tapply]).
    [topen_ref f t]: the content of a file prim's target as the prim sees
    it: its pieces, or the empty content when it is absent but could be
    created ([None] when the prim fails whatever it is). *)
Definition topen_ref (f : path) (t : trie) : option (list L) :=
  match tlookup t f with
  | Some (EFile c) => Some c
  | Some EDir => None
  | None => if nonroot f && tis_dir t (parent f) then Some [empty_line] else None
  end.

Definition tapply_ref (p : prim) (t : trie) : option trie :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match topen_ref f t with
      | Some c =>
          match apply_fp p c with
          | Some c' => Some (tset t f (EFile (norm c')))
          | None => None
          end
      | None => None
      end
  | AddFile f =>
      if nonroot f && tfresh t f && tis_dir t (parent f)
      then Some (tset t f (EFile [empty_line])) else None
  | RmFile f =>
      if nonroot f && is_file_empty (tlookup t f) && tno_children t f && tis_dir t (parent f)
      then Some (tdel t f) else None
  | AddDir d =>
      if nonroot d && tfresh t d && tis_dir t (parent d)
      then Some (tset t d EDir) else None
  | RmDir d =>
      if nonroot d && tis_dir t d && tno_children t d && tis_dir t (parent d)
      then Some (tdel t d) else None
  | Move f d =>
      if nonroot f && nonroot d
         && is_some (tlookup t f) && tfresh t d
         && tis_dir t (parent f) && tis_dir t (parent d)
         && negb (is_prefix f d)
      then Some (tmove f d t) else None
  | ChangePref _ _ _ => Some t
  end.

(** The same with one walk down for all the checks of a prim ([tview]:
    is the parent a directory, and the node at the path), then one walk
    down to change the tree. *)
Definition topen (f : path) (t : trie) : option (list L) :=
  let '(pd, u) := tview t f in
  match here u with
  | Some (EFile c) => Some c
  | Some EDir => None
  | None => if nonroot f && pd then Some [empty_line] else None
  end.

Definition tapply (p : prim) (t : trie) : option trie :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match topen f t with
      | Some c =>
          match apply_fp p c with
          | Some c' => Some (tset t f (EFile (norm c')))
          | None => None
          end
      | None => None
      end
  | AddFile f =>
      let '(pd, u) := tview t f in
      if nonroot f && tempty u && pd then Some (tset t f (EFile [empty_line])) else None
  | RmFile f =>
      let '(pd, u) := tview t f in
      if nonroot f && is_file_empty (here u) && kids_empty (kids u) && pd
      then Some (tdel t f) else None
  | AddDir d =>
      let '(pd, u) := tview t d in
      if nonroot d && tempty u && pd then Some (tset t d EDir) else None
  | RmDir d =>
      let '(pd, u) := tview t d in
      if nonroot d && match here u with Some EDir => true | _ => false end
         && kids_empty (kids u) && pd
      then Some (tdel t d) else None
  | Move f d =>
      let '(pf, uf) := tview t f in
      let '(pd, ud) := tview t d in
      if nonroot f && nonroot d && is_some (here uf) && tempty ud && pf && pd
         && negb (is_prefix f d)
      then Some (tmove f d t) else None
  | ChangePref _ _ _ => Some t
  end.

Lemma topen_eq : forall f t, topen f t = topen_ref f t.
Proof.
  intros f t. unfold topen, topen_ref. destruct (nonroot f) eqn:Hf.
  - rewrite tview_spec by auto. reflexivity.
  - destruct f as [|x q]; [|discriminate]. simpl. unfold tlookup. simpl.
    destruct (here t) as [[|c]|]; reflexivity.
Qed.

Lemma tapply_eq : forall p t, tapply p t = tapply_ref p t.
Proof.
  intros p t.
  destruct p as [f l o n|f|f|d|d|f d|f tk o n|f o n|nm o n]; unfold tapply, tapply_ref;
    rewrite ?topen_eq; try reflexivity.
  - destruct (nonroot f) eqn:E; [rewrite (tview_spec t f E); reflexivity|].
    destruct (tview t f); reflexivity.
  - destruct (nonroot f) eqn:E; [rewrite (tview_spec t f E); reflexivity|].
    destruct (tview t f); reflexivity.
  - destruct (nonroot d) eqn:E; [rewrite (tview_spec t d E); reflexivity|].
    destruct (tview t d); reflexivity.
  - destruct (nonroot d) eqn:E; [|destruct (tview t d); reflexivity].
    rewrite (tview_spec t d E). destruct d as [|x q]; [discriminate|reflexivity].
  - destruct (nonroot f) eqn:Ef; [|destruct (tview t f), (tview t d); reflexivity].
    destruct (nonroot d) eqn:Ed; [|destruct (tview t f), (tview t d); simpl; reflexivity].
    rewrite (tview_spec t f Ef), (tview_spec t d Ed). reflexivity.
Qed.

(** [topen] is what [apply] does with the target of a content change. *)
Lemma topen_spec : forall t s f p, trel t s ->
  (forall f' , match p with Hunk g _ _ _ | Replace g _ _ _ | Binary g _ _ => g = f' | _ => False end -> f' = f) ->
  match p with Hunk _ _ _ _ | Replace _ _ _ _ | Binary _ _ _ => True | _ => False end ->
  apply p s =
  match topen_ref f t with
  | Some c => match apply_fp p c with
              | Some c' => Some (set s f (EFile (norm c')))
              | None => None
              end
  | None => None
  end.
Proof.
  intros t s f p R Hf Hp.
  assert (Ef : match p with Hunk g _ _ _ | Replace g _ _ _ | Binary g _ _ => g | _ => f end = f).
  { destruct p; try contradiction; apply Hf; reflexivity. }
  unfold topen_ref. rewrite (trel_lookup t s R), (trel_is_dir t s (parent f) R).
  destruct p; try contradiction; simpl in Ef; subst; unfold apply; simpl;
    destruct (lookup s _) as [[|c]|]; auto;
    destruct (nonroot _ && is_dir s (parent _)); auto.
Qed.

Lemma tapply_spec : forall p t s, trel t s ->
  match tapply p t, apply p s with
  | Some t', Some s' => trel t' s'
  | None, None => True
  | _, _ => False
  end.
Proof.
  intros p t s R. rewrite tapply_eq.
  destruct p as [f l o n|f|f|d|d|f d|f tk o n|f o n|nm o n];
    (* the content changes *)
    try (rewrite (topen_spec t s f _ R) by (simpl; congruence || auto); unfold tapply_ref;
         destruct (topen_ref f t) as [c|]; auto;
         match goal with |- context [apply_fp ?p c] => destruct (apply_fp p c) as [c'|]; auto end;
         apply trel_set; auto);
    unfold tapply_ref, apply; simpl;
    rewrite ?(trel_lookup t s R), ?(trel_fresh t s _ R), ?(trel_no_children t s _ R),
      ?(trel_is_dir t s _ R).
  - destruct (nonroot f && fresh s f && is_dir s (parent f)); auto. apply trel_set; auto.
  - destruct (nonroot f && is_file_empty (lookup s f) && no_children s f && is_dir s (parent f));
      auto. apply trel_del; auto.
  - destruct (nonroot d && fresh s d && is_dir s (parent d)); auto. apply trel_set; auto.
  - destruct (nonroot d && is_dir s d && no_children s d && is_dir s (parent d)); auto.
    apply trel_del; auto.
  - destruct (nonroot f && nonroot d && is_some (lookup s f) && fresh s d
              && is_dir s (parent f) && is_dir s (parent d) && negb (is_prefix f d)) eqn:E; auto.
    apply trel_move; auto.
    repeat (apply andb_true_iff in E as [E ?]); auto.
  - auto.
Qed.

(** ** Sequences, with a cursor on the last file changed by a hunk *)

Inductive cursor := Closed | Open (f : path) (z : zip).

(** Write the open file back. *)
Definition flush (t : trie) (o : cursor) : trie :=
  match o with
  | Closed => t
  | Open f z => tset t f (EFile (z_content z))
  end.

Definition cinv (o : cursor) : Prop :=
  match o with Closed => True | Open _ z => zinv z end.

(** The trie and the cursor together stand for [s]. *)
Definition crel (t : trie) (o : cursor) (s : state) : Prop :=
  wf t /\ cinv o /\ trel (flush t o) s.

(** The cursor for the target of a hunk: the open one if it is that
    file, otherwise the file opened in the flushed trie. *)
Definition cursor_for (f : path) (t : trie) (o : cursor) : trie * option zip :=
  match o with
  | Open g z => if path_eqb g f then (t, Some z)
                else let t1 := flush t o in (t1, option_map z_of (topen f t1))
  | Closed => (t, option_map z_of (topen f t))
  end.

(** Apply [ps] (the first has index [i]); [Fail k]: prim [k] does not apply. *)
Fixpoint fseq_from (i : nat) (ps : list prim) (t : trie) (o : cursor) : result (trie * cursor) :=
  match ps with
  | [] => Ok (t, o)
  | p :: ps' =>
      match p with
      | Hunk f line old new =>
          let '(t1, zo) := cursor_for f t o in
          match zo with
          | Some z =>
              match z_hunk line old new z with
              | Some z' => fseq_from (S i) ps' t1 (Open f z')
              | None => Fail i
              end
          | None => Fail i
          end
      | _ =>
          match tapply p (flush t o) with
          | Some t' => fseq_from (S i) ps' t' Closed
          | None => Fail i
          end
      end
  end.

Definition fapply_seq_from (i : nat) (ps : list prim) (t : trie) : result trie :=
  match fseq_from i ps t Closed with
  | Ok (t', o) => Ok (flush t' o)
  | Fail k => Fail k
  end.

Lemma wf_flush : forall t o, wf t -> wf (flush t o).
Proof. intros t [|f z] Hw; simpl; auto. apply wf_tset; auto. Qed.

(** A hunk on the file the cursor holds. *)
Lemma hunk_step : forall t f z s line old new, wf t -> zinv z ->
  trel (flush t (Open f z)) s ->
  match z_hunk line old new z, apply (Hunk f line old new) s with
  | Some z', Some s' => crel t (Open f z') s'
  | None, None => True
  | _, _ => False
  end.
Proof.
  intros t f z s line old new Hw Hz R.
  assert (Hf : lookup s f = Some (EFile (z_content z))).
  { rewrite <- (trel_lookup _ _ R). simpl. rewrite tlookup_tset, path_eqb_refl; auto. }
  pose proof (z_hunk_correct line old new z Hz) as C.
  unfold apply; simpl. rewrite Hf.
  destruct (z_hunk line old new z) as [z'|] eqn:Ez;
    destruct (apply_hunk line old new (z_content z)) as [c'|]; simpl in C; try discriminate; auto.
  injection C as C. split; [auto|split; [eapply z_hunk_inv; eauto|]].
  split; [apply wf_tset; auto|]. intros q. simpl.
  rewrite tlookup_tset, lookup_del by auto. rewrite C.
  destruct (path_eqb f q) eqn:E; auto.
  rewrite <- (trel_lookup _ _ R). simpl. rewrite tlookup_tset, E by auto. reflexivity.
Qed.

Lemma fseq_from_spec : forall ps i t o s, crel t o s ->
  match fseq_from i ps t o, apply_seq_from i ps s with
  | Ok (t', o'), Ok s' => crel t' o' s'
  | Fail j, Fail k => j = k
  | _, _ => False
  end.
Proof.
  induction ps as [|p ps IH]; intros i t o s (Hw & Ho & R); simpl; [exact (conj Hw (conj Ho R))|].
  destruct p as [f line old new|f|f|d|d|f d|f tk o' n|f o' n|nm o' n];
    (* every prim but a hunk: flush, then [tapply] *)
    try (match goal with |- context [tapply ?p (flush t o)] => pose proof (tapply_spec p _ _ R) as T end;
         destruct (tapply _ (flush t o)) as [t'|]; destruct (apply _ s) as [s'|];
         try contradiction; auto;
         apply IH; exact (conj (proj1 T) (conj I T))).
  (* a hunk: on the open file, or on a file opened now *)
  unfold cursor_for.
  assert (Hgen : forall t1 z, wf t1 -> zinv z -> trel (flush t1 (Open f z)) s ->
    match (match z_hunk line old new z with
           | Some z' => fseq_from (S i) ps t1 (Open f z')
           | None => Fail i end),
          (match apply (Hunk f line old new) s with
           | Some s' => apply_seq_from (S i) ps s'
           | None => Fail i end) with
    | Ok (t', o'), Ok s' => crel t' o' s'
    | Fail j, Fail k => j = k
    | _, _ => False
    end).
  { intros t1 z Hw1 Hz1 R1.
    pose proof (hunk_step t1 f z s line old new Hw1 Hz1 R1) as H.
    destruct (z_hunk line old new z) as [z'|]; destruct (apply (Hunk f line old new) s) as [s'|];
      try contradiction; auto. apply IH; exact H. }
  assert (Hopen : forall t1, wf t1 -> trel t1 s ->
    match (match option_map z_of (topen f t1) with
           | Some z => match z_hunk line old new z with
                       | Some z' => fseq_from (S i) ps t1 (Open f z')
                       | None => Fail i end
           | None => Fail i end),
          (match apply (Hunk f line old new) s with
           | Some s' => apply_seq_from (S i) ps s'
           | None => Fail i end) with
    | Ok (t', o'), Ok s' => crel t' o' s'
    | Fail j, Fail k => j = k
    | _, _ => False
    end).
  { intros t1 Hw1 R1.
    rewrite (topen_spec t1 s f (Hunk f line old new) R1) by (simpl; auto).
    rewrite topen_eq. destruct (topen_ref f t1) as [c|]; [|simpl; reflexivity].
    simpl option_map. simpl apply_fp.
    pose proof (z_hunk_correct line old new (z_of c) (z_of_inv c)) as C.
    rewrite z_of_content in C.
    destruct (z_hunk line old new (z_of c)) as [z'|] eqn:Ez;
      destruct (apply_hunk line old new c) as [c'|]; simpl in C; try discriminate;
      rewrite Ez; [|reflexivity].
    injection C as C. apply IH. split; [auto|split].
    - eapply z_hunk_inv; [apply z_of_inv|eauto].
    - simpl. rewrite C. apply trel_set; auto. }
  destruct o as [|g z].
  - apply Hopen; auto.
  - destruct (path_eqb g f) eqn:E.
    + apply path_eqb_eq in E; subst g. apply Hgen; auto.
    + apply Hopen; [apply wf_flush; auto|auto].
Qed.

(** The same, from any state the trie stands for. *)
Lemma fapply_seq_trel : forall i ps t s, trel t s ->
  match fapply_seq_from i ps t, apply_seq_from i ps s with
  | Ok t', Ok s' => trel t' s'
  | Fail j, Fail k => j = k
  | _, _ => False
  end.
Proof.
  intros i ps t s R. unfold fapply_seq_from.
  pose proof (fseq_from_spec ps i t Closed s (conj (proj1 R) (conj I R))) as H.
  destruct (fseq_from i ps t Closed) as [[t' o']|j];
    destruct (apply_seq_from i ps s) as [s'|k]; auto. apply H.
Qed.

(** Sequences: the same failure index, or states that are equal up to
    [state_eq] (the trie's [flatten] is the list the outputs are made of). *)
Theorem fapply_seq_refines : forall i ps t, wf t ->
  match fapply_seq_from i ps t, apply_seq_from i ps (flatten t) with
  | Ok t', Ok s' => wf t' /\ state_eq (flatten t') s'
  | Fail j, Fail k => j = k
  | _, _ => False
  end.
Proof.
  intros i ps t Hw. unfold fapply_seq_from.
  pose proof (fseq_from_spec ps i t Closed (flatten t)) as H.
  destruct (fseq_from i ps t Closed) as [[t' o']|j];
    destruct (apply_seq_from i ps (flatten t)) as [s'|k]; auto;
    try (apply H; repeat split; auto; apply flatten_trel; auto).
  destruct (H (conj Hw (conj I (flatten_trel t Hw)))) as (Hw' & _ & R').
  split; [apply R'|]. apply (trel_state_eq (flush t' o')); auto.
  apply flatten_trel, R'.
Qed.

(** One prim. *)
Theorem tapply_refines : forall p t, wf t ->
  match tapply p t, apply p (flatten t) with
  | Some t', Some s' => wf t' /\ state_eq (flatten t') s'
  | None, None => True
  | _, _ => False
  end.
Proof.
  intros p t Hw. pose proof (tapply_spec p t (flatten t) (flatten_trel t Hw)) as H.
  destruct (tapply p t) as [t'|]; destruct (apply p (flatten t)) as [s'|]; try contradiction; auto.
  split; [apply H|]. apply (trel_state_eq t'); [apply flatten_trel, H|exact H].
Qed.

(** ** Named patches and the tree at a version *)

Fixpoint fnamed_from (i : nat) (ps : list named) (t : trie) (o : cursor)
  : nresult (trie * cursor) :=
  match ps with
  | [] => NOk (t, o)
  | p :: ps' =>
      match fseq_from 0 (fst p) t o with
      | Ok (t', o') => fnamed_from (S i) ps' t' o'
      | Fail j => NFail i j
      end
  end.

Definition ftree_at (ps : list named) : nresult trie :=
  match fnamed_from 0 ps tnil Closed with
  | NOk (t, o) => NOk (flush t o)
  | NFail i j => NFail i j
  end.

Lemma fnamed_from_spec : forall ps i t o s, crel t o s ->
  match fnamed_from i ps t o, apply_named_from i ps s with
  | NOk (t', o'), NOk s' => crel t' o' s'
  | NFail i1 j1, NFail i2 j2 => i1 = i2 /\ j1 = j2
  | _, _ => False
  end.
Proof.
  induction ps as [|p ps IH]; intros i t o s C; simpl; auto.
  unfold apply_seq. pose proof (fseq_from_spec (fst p) 0 t o s C) as H.
  destruct (fseq_from 0 (fst p) t o) as [[t' o']|j];
    destruct (apply_seq_from 0 (fst p) s) as [s'|k]; try contradiction.
  - apply IH; exact H.
  - split; auto.
Qed.

(** The tree at a version: the same failure (named patch and prim), or
    extensionally equal trees. *)
Theorem ftree_at_refines : forall ps,
  match ftree_at ps, tree_at ps with
  | NOk t, NOk s => wf t /\ state_eq (flatten t) s
  | NFail i1 j1, NFail i2 j2 => i1 = i2 /\ j1 = j2
  | _, _ => False
  end.
Proof.
  intros ps. unfold ftree_at, tree_at, apply_named.
  assert (C : crel tnil Closed []) by exact (conj wf_tnil (conj I trel_tnil)).
  pose proof (fnamed_from_spec ps 0 tnil Closed [] C) as H.
  destruct (fnamed_from 0 ps tnil Closed) as [[t o]|i j];
    destruct (apply_named_from 0 ps []) as [s|i' j']; auto.
  destruct H as (Hw & _ & R). split; [apply R|].
  apply (trel_state_eq (flush t o)); auto. apply flatten_trel, R.
Qed.

(** The same, as the relation the other files use. *)
Lemma ftree_at_trel : forall ps,
  match ftree_at ps, tree_at ps with
  | NOk t, NOk s => trel t s
  | NFail i1 j1, NFail i2 j2 => i1 = i2 /\ j1 = j2
  | _, _ => False
  end.
Proof.
  intros ps. unfold ftree_at, tree_at, apply_named.
  assert (C : crel tnil Closed []) by exact (conj wf_tnil (conj I trel_tnil)).
  pose proof (fnamed_from_spec ps 0 tnil Closed [] C) as H.
  destruct (fnamed_from 0 ps tnil Closed) as [[t o]|i j];
    destruct (apply_named_from 0 ps []) as [s|i' j']; auto.
  destruct H as (_ & _ & R). exact R.
Qed.

(** What a path holds after the named patches (the list model's [file_at]). *)
Definition tfound_at (t : trie) (p : path) : found L N :=
  match p with
  | [] => FoundDir (tchildren t [])
  | _ => match tlookup t p with
         | None => Absent
         | Some (EFile c) => FoundFile c
         | Some EDir => FoundDir (tchildren t p)
         end
  end.

Definition ffile_at (ps : list named) (p : path) : nresult (found L N) :=
  match ftree_at ps with
  | NOk t => NOk (tfound_at t p)
  | NFail i j => NFail i j
  end.

End FastApply.

Arguments cursor : clear implicits.
