(** * Apply: the meaning of primitive patches (partial functions on states).

    Mirrors darcs' [Darcs.Patch.Prim.V1.Apply] and [FilePatch.applyFilePatch]
    in the line model of darcs-format.md section 6.2.  Every precondition
    darcs checks makes [apply] return [None]; in addition each prim checks
    the local well-formedness conditions that hold in every real tree (the
    parent of a created, removed or moved path is a directory, nothing lives
    below a created path), so that the laws hold on all states. *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Prim Token.
Import ListNotations.

Section Apply.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation entry := (entry L).

(** ** Hunks, efficiently: one pass, accumulators, no quadratic append. *)

(** [split_at n c acc]: move the first [n] pieces of [c] (reversed) onto
    [acc]; [None] if [c] is shorter than [n]. *)
Fixpoint split_at (n : nat) (c acc : list L) : option (list L * list L) :=
  match n with
  | O => Some (acc, c)
  | S n' => match c with
            | [] => None
            | x :: c' => split_at n' c' (x :: acc)
            end
  end.

(** [drop_prefix o c]: [Some r] iff [c = o ++ r]. *)
Fixpoint drop_prefix (o c : list L) : option (list L) :=
  match o with
  | [] => Some c
  | x :: o' => match c with
               | [] => None
               | y :: c' => if eq_dec x y then drop_prefix o' c' else None
               end
  end.

(** Replace the slice of [c] starting at 0-based position [pos] that must
    equal [old] by [new]. *)
Definition splice (pos : nat) (old new c : list L) : option (list L) :=
  match split_at pos c [] with
  | None => None
  | Some (racc, rest) =>
      match drop_prefix old rest with
      | None => None
      | Some rest' => Some (rev_append racc (new ++ rest'))
      end
  end.

(** A hunk at 1-based [line]; line 0 never applies (darcs: "Hunk has zero
    or negative line number"). *)
Definition apply_hunk (line : nat) (old new c : list L) : option (list L) :=
  match line with
  | O => None
  | S pos => splice pos old new c
  end.

(** darcs' contents are bytes: the empty list of pieces and the one empty
    piece are the same content (""), which darcs reads back as one empty
    line.  [norm] makes that identification. *)
Definition norm (c : list L) : list L :=
  match c with [] => [empty_line] | _ => c end.

(** The file-level effect of a file prim on the pieces of a file, before
    normalisation ([None] for prims that are not content changes). *)
Definition apply_fp (p : prim) (c : list L) : option (list L) :=
  match p with
  | Hunk _ line old new => apply_hunk line old new c
  | Replace _ toks old new =>
      let cl := parse_class toks in
      if replace_ok cl old new then replace_lines cl old new c else None
  | Binary _ old new =>
      if list_eq_dec eq_dec c old then Some new else None
  | _ => None
  end.

(** Rename every path below [f] (inclusive) to below [t]. *)
Definition rename_state (f t : path) (s : state) : state :=
  map (fun qe => (move_path f t (fst qe), snd qe)) s.

Definition is_file_empty (e : option entry) : bool :=
  match e with
  | Some (EFile [x]) => if eq_dec x empty_line then true else false
  | _ => false
  end.

Definition nonroot (p : path) : bool := match p with [] => false | _ => true end.

Definition is_some {A} (o : option A) : bool := match o with Some _ => true | None => false end.

(** ** The meaning of one prim.

    [apply_gen strict]: with [strict = false] this is darcs' apply (a file
    left with no piece is the empty file, one empty piece; a content change
    to an absent file applies to the empty content and creates it); with
    [strict = true] a prim that would leave a file with no piece at all
    fails instead ("strict" semantics, in which the algebraic laws hold
    without exception, see README). *)
Definition apply_gen (strict : bool) (p : prim) (s : state) : option state :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match lookup s f with
      | Some (EFile c) =>
          match apply_fp p c with
          | Some c' =>
              if strict then
                match c' with
                | [] => None
                | _ => Some (set s f (EFile c'))
                end
              else Some (set s f (EFile (norm c')))
          | None => None
          end
      | Some EDir => None
      | None =>
          (* darcs reads an absent file as the empty content and writes the
             result: a content change to an absent file creates it (observed
             in conflicted darcs-2 histories, where a conflictor undoes a
             file's last hunk but not its removal); strictly, it fails *)
          if strict then None
          else if nonroot f && is_dir s (parent f) then
            match apply_fp p [empty_line] with
            | Some c' => Some (set s f (EFile (norm c')))
            | None => None
            end
          else None
      end
  | AddFile f =>
      if nonroot f && fresh s f && is_dir s (parent f)
      then Some (set s f (EFile [empty_line])) else None
  | RmFile f =>
      if nonroot f && is_file_empty (lookup s f) && no_children s f && is_dir s (parent f)
      then Some (del s f) else None
  | AddDir d =>
      if nonroot d && fresh s d && is_dir s (parent d)
      then Some (set s d EDir) else None
  | RmDir d =>
      if nonroot d && is_dir s d && no_children s d && is_dir s (parent d)
      then Some (del s d) else None
  | Move f t =>
      if nonroot f && nonroot t
         && is_some (lookup s f) && fresh s t
         && is_dir s (parent f) && is_dir s (parent t)
         && negb (is_prefix f t)
      then Some (rename_state f t s) else None
  | ChangePref _ _ _ => Some s
  end.

(** darcs' apply. *)
Definition apply (p : prim) (s : state) : option state := apply_gen false p s.

(** The strict semantics. *)
Definition sapply (p : prim) (s : state) : option state := apply_gen true p s.

(** ** Sequences: [Ok s] or [Fail i] with the index of the failing prim. *)
Inductive result (A : Type) := Ok (a : A) | Fail (i : nat).
Arguments Ok {A}. Arguments Fail {A}.

Fixpoint apply_seq_from (i : nat) (ps : list prim) (s : state) : result state :=
  match ps with
  | [] => Ok s
  | p :: ps' => match apply p s with
                | Some s' => apply_seq_from (S i) ps' s'
                | None => Fail i
                end
  end.

Definition apply_seq (ps : list prim) (s : state) : result state := apply_seq_from 0 ps s.

(** The plain option versions used in the laws. *)
Fixpoint apply_list (ps : list prim) (s : state) : option state :=
  match ps with
  | [] => Some s
  | p :: ps' => match apply p s with
                | Some s' => apply_list ps' s'
                | None => None
                end
  end.

Fixpoint sapply_list (ps : list prim) (s : state) : option state :=
  match ps with
  | [] => Some s
  | p :: ps' => match sapply p s with
                | Some s' => sapply_list ps' s'
                | None => None
                end
  end.


(** ** States up to extensional equality *)

Definition ostate_eq (o1 o2 : option state) : Prop :=
  match o1, o2 with
  | Some s1, Some s2 => state_eq s1 s2
  | None, None => True
  | _, _ => False
  end.

Lemma ostate_eq_refl : forall o, ostate_eq o o.
Proof. intros [s|]; simpl; auto. apply state_eq_refl. Qed.

Lemma ostate_eq_sym : forall o1 o2, ostate_eq o1 o2 -> ostate_eq o2 o1.
Proof. intros [s1|] [s2|]; simpl; auto. apply state_eq_sym. Qed.

Lemma ostate_eq_trans : forall o1 o2 o3, ostate_eq o1 o2 -> ostate_eq o2 o3 -> ostate_eq o1 o3.
Proof. intros [s1|] [s2|] [s3|]; simpl; try tauto. apply state_eq_trans. Qed.

(** ** Lookups after set, del, rename *)

Lemma path_eqb_app_l : forall (a x y : path), path_eqb (a ++ x) (a ++ y) = path_eqb x y.
Proof.
  intros a x y. destruct (path_eqb x y) eqn:E.
  - apply path_eqb_eq in E; subst; apply path_eqb_refl.
  - apply path_eqb_neq. intro H. apply app_inv_head in H. subst. rewrite path_eqb_refl in E; discriminate.
Qed.

Lemma path_eqb_prefix_false : forall (a k q : path),
  is_prefix a k = false -> is_prefix a q = true -> path_eqb k q = false.
Proof.
  intros a k q H1 H2. apply path_eqb_neq. intro; subst; congruence.
Qed.

Lemma lookup_rename : forall f t s q, fresh s t = true ->
  lookup (rename_state f t s) q =
  match strip_prefix t q with
  | Some r => lookup s (f ++ r)
  | None => if is_prefix f q then None else lookup s q
  end.
Proof.
  intros f t s q. induction s as [|[k e] s IH]; intros Hf.
  - simpl. destruct (strip_prefix t q); auto. destruct (is_prefix f q); auto.
  - unfold fresh in Hf. simpl in Hf. apply andb_true_iff in Hf as [Hk Hf].
    apply negb_true_iff in Hk. specialize (IH Hf). simpl. rewrite IH. clear IH.
    destruct (strip_prefix t q) as [r|] eqn:Sq.
    + apply strip_prefix_some in Sq; subst q.
      destruct (is_prefix f k) eqn:Fk.
      * apply is_prefix_true in Fk as [r' ->]. rewrite move_path_prefix, !path_eqb_app_l. auto.
      * rewrite move_path_not_prefix by auto.
        rewrite (path_eqb_prefix_false t k (t ++ r)), (path_eqb_prefix_false f k (f ++ r));
          auto using is_prefix_app.
    + assert (Hq : is_prefix t q = false) by (rewrite is_prefix_strip, Sq; auto).
      destruct (is_prefix f k) eqn:Fk.
      * apply is_prefix_true in Fk as [r' ->]. rewrite move_path_prefix.
        rewrite (path_eqb_neq (t ++ r') q) by (intro E; subst; rewrite is_prefix_app in Hq; discriminate).
        destruct (is_prefix f q) eqn:Fq; auto.
        rewrite (path_eqb_neq (f ++ r') q) by (intro E; subst; rewrite is_prefix_app in Fq; discriminate).
        auto.
      * rewrite move_path_not_prefix by auto.
        destruct (is_prefix f q) eqn:Fq; auto.
        rewrite (path_eqb_prefix_false f k q); auto.
Qed.

Lemma fresh_set : forall (s : state) p e t,
  fresh (set s p e) t = negb (is_prefix t p) && fresh (del s p) t.
Proof. reflexivity. Qed.

(** ** [apply] respects extensional equality *)
Lemma apply_gen_proper : forall b p s1 s2,
  state_eq s1 s2 -> ostate_eq (apply_gen b p s1) (apply_gen b p s2).
Proof.
  intros b p s1 s2 H.
  assert (Hset : forall f e, state_eq (set s1 f e) (set s2 f e))
    by (intros f e q; rewrite !lookup_set, H; auto).
  assert (Hdel : forall f, state_eq (del s1 f) (del s2 f))
    by (intros f q; rewrite !lookup_del, H; auto).
  destruct p; simpl;
    repeat match goal with
           | |- context [lookup s1 ?f] => rewrite (H f)
           | |- context [fresh s1 ?f] => rewrite (lookup_ext_fresh s1 s2 H f)
           | |- context [no_children s1 ?f] => rewrite (lookup_ext_no_children s1 s2 H f)
           | |- context [is_dir s1 ?f] => rewrite (lookup_ext_is_dir s1 s2 H f)
           end;
    repeat match goal with
           | |- context [if ?c then _ else _] => destruct c eqn:?
           | |- context [match ?x with _ => _ end] => destruct x
           end; simpl; auto.
  repeat match goal with H : _ && _ = true |- _ => apply andb_true_iff in H as [? ?] end.
  assert (fresh s1 dst = true) by (rewrite (lookup_ext_fresh s1 s2 H); auto).
  intro q. rewrite !lookup_rename by auto.
  destruct (strip_prefix dst q); [apply H|]. destruct (is_prefix src q); auto.
Qed.

(** ** Specification of hunks *)

Lemma split_at_spec : forall n c acc racc rest,
  split_at n c acc = Some (racc, rest) ->
  exists pre, c = pre ++ rest /\ length pre = n /\ racc = rev pre ++ acc.
Proof.
  induction n as [|n IH]; intros c acc racc rest Hs; simpl in Hs.
  - inversion Hs; subst. exists []; simpl; auto.
  - destruct c as [|x c]; [discriminate|].
    destruct (IH _ _ _ _ Hs) as [pre [-> [Hl ->]]].
    exists (x :: pre); simpl; repeat split; auto.
    rewrite <- app_assoc; reflexivity.
Qed.

Lemma split_at_complete : forall pre rest acc,
  split_at (length pre) (pre ++ rest) acc = Some (rev pre ++ acc, rest).
Proof.
  induction pre as [|x pre IH]; intros rest acc; simpl; auto.
  rewrite IH. rewrite <- app_assoc; reflexivity.
Qed.

Lemma drop_prefix_spec : forall o c r, drop_prefix o c = Some r <-> c = o ++ r.
Proof.
  induction o as [|x o IH]; intros c r; simpl.
  - split; congruence.
  - destruct c as [|y c]; [split; [discriminate|intro; discriminate]|].
    destruct (eq_dec x y) as [->|Hn].
    + rewrite IH; split; [intros ->; auto|intro Hc; injection Hc; auto].
    + split; [discriminate|intro Hc; injection Hc; congruence].
Qed.

(** The hunk at 0-based position [pos]: [c = pre ++ old ++ post] with
    [|pre| = pos] becomes [pre ++ new ++ post]. *)
Lemma splice_spec : forall pos old new c c',
  splice pos old new c = Some c' <->
  exists pre post, c = pre ++ old ++ post /\ length pre = pos /\ c' = pre ++ new ++ post.
Proof.
  intros pos old new c c'; unfold splice; split.
  - destruct (split_at pos c []) as [[racc rest]|] eqn:E1; [|discriminate].
    destruct (drop_prefix old rest) as [rest'|] eqn:E2; [|discriminate].
    intro Hc; inversion Hc; subst c'; clear Hc.
    apply split_at_spec in E1. destruct E1 as [pre [-> [Hl ->]]].
    apply drop_prefix_spec in E2; subst rest.
    exists pre, rest'; repeat split; auto.
    rewrite app_nil_r, rev_append_rev, rev_involutive; reflexivity.
  - intros [pre [post [-> [Hl ->]]]]; subst pos.
    rewrite split_at_complete.
    assert (drop_prefix old (old ++ post) = Some post) as -> by (apply drop_prefix_spec; auto).
    rewrite app_nil_r, rev_append_rev, rev_involutive; reflexivity.
Qed.

End Apply.

Arguments Ok {A}. Arguments Fail {A}.
