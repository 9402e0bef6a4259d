(** * HunkZip: a cursor into a file, for runs of hunks.

    [Apply.splice] finds a hunk's position by walking from the first line.
    A patch that changes many places of a big file therefore costs the
    file's length for every hunk.  Here the file is held as a zipper: the
    lines before the cursor (reversed) and the lines from the cursor on.
    The cursor moves forward or backward by the difference between two
    positions, so that a run of hunks in increasing (darcs records them
    so) or decreasing (their inverses, in annotate) order costs the file's
    length once, plus the size of the hunks.

    [z_hunk_correct]: on the content a zipper stands for, [z_hunk] is
    darcs' [apply_hunk] followed by [norm] (what [Apply.apply] stores). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply.
Import ListNotations.

(** ** Moving a cursor (any element type) *)

(** Move [k] elements from the front of [suf] onto [pre] (reversed);
    [None] if [suf] is shorter than [k]. *)
Fixpoint fwd {A} (k : nat) (pre suf : list A) : option (list A * list A) :=
  match k with
  | O => Some (pre, suf)
  | S k' => match suf with
            | [] => None
            | x :: suf' => fwd k' (x :: pre) suf'
            end
  end.

(** The same, stopping at the end of [suf] (darcs' truncating [splitAt]). *)
Fixpoint fwd_trunc {A} (k : nat) (pre suf : list A) (pos : nat) : list A * nat * list A :=
  match k, suf with
  | S k', x :: suf' => fwd_trunc k' (x :: pre) suf' (S pos)
  | _, _ => (pre, pos, suf)
  end.

(** Move [k] elements back from [pre] onto [suf]. *)
Fixpoint bwd {A} (k : nat) (pre suf : list A) : list A * list A :=
  match k, pre with
  | S k', x :: pre' => bwd k' pre' (x :: suf)
  | _, _ => (pre, suf)
  end.

Lemma fwd_spec : forall {A} k (pre suf : list A),
  fwd k pre suf =
  if k <=? length suf then Some (rev (firstn k suf) ++ pre, skipn k suf) else None.
Proof.
  induction k as [|k IH]; intros pre suf; simpl; auto.
  destruct suf as [|x suf]; simpl; auto.
  rewrite IH. destruct (k <=? length suf); auto. rewrite <- app_assoc. reflexivity.
Qed.

Lemma fwd_trunc_spec : forall {A} k (pre suf : list A) pos,
  fwd_trunc k pre suf pos =
  (rev (firstn k suf) ++ pre, pos + length (firstn k suf), skipn k suf).
Proof.
  induction k as [|k IH]; intros pre suf pos; simpl.
  - rewrite Nat.add_0_r. reflexivity.
  - destruct suf as [|x suf]; simpl; [rewrite Nat.add_0_r; reflexivity|].
    rewrite IH, <- app_assoc. simpl. f_equal. f_equal. lia.
Qed.

Lemma bwd_spec : forall {A} k (pre suf : list A), k <= length pre ->
  bwd k pre suf = (skipn k pre, rev (firstn k pre) ++ suf).
Proof.
  induction k as [|k IH]; intros pre suf Hk; simpl; auto.
  destruct pre as [|x pre]; simpl in *; [lia|].
  rewrite IH by lia. rewrite <- app_assoc. reflexivity.
Qed.

(** Where a cursor is after moving to [n], for the content [rev pre ++ suf]
    with the cursor at [length pre] and [n] within the content. *)
Lemma seek_spec : forall {A} n (pre suf : list A),
  n <= length pre + length suf ->
  (if n <=? length pre then bwd (length pre - n) pre suf
   else match fwd (n - length pre) pre suf with Some r => r | None => (pre, suf) end)
  = (rev (firstn n (rev pre ++ suf)), skipn n (rev pre ++ suf)).
Proof.
  intros A n pre suf Hn. destruct (Nat.leb_spec n (length pre)) as [Hle|Hlt].
  - rewrite bwd_spec by lia.
    rewrite firstn_app, skipn_app, rev_length.
    replace (n - length pre) with 0 by lia. simpl. rewrite !app_nil_r.
    rewrite firstn_rev, skipn_rev, rev_involutive. reflexivity.
  - rewrite fwd_spec. destruct (Nat.leb_spec (n - length pre) (length suf)) as [H|H]; [|lia].
    rewrite firstn_app, skipn_app, rev_length.
    rewrite (firstn_all2 (rev pre)), (skipn_all2 (rev pre)) by (rewrite rev_length; lia).
    simpl. rewrite rev_app_distr, rev_involutive. reflexivity.
Qed.

Section HunkZip.

Context {L : Type} {EqL : EqDec L} {LO : LineOps L}.

(** ** The zipper *)

(** The lines before the cursor (reversed), the cursor's position (their
    number), the lines from the cursor on. *)
Record zip := Z { z_pre : list L; z_pos : nat; z_suf : list L }.

Definition zinv (z : zip) : Prop := z_pos z = length (z_pre z).

Definition z_content (z : zip) : list L := rev_append (z_pre z) (z_suf z).

Definition z_of (c : list L) : zip := Z [] 0 c.

(** Move the cursor to (0-based) [n]; [None] past the end. *)
Definition z_seek (n : nat) (z : zip) : option zip :=
  let '(Z pre pos suf) := z in
  if n <=? pos then let '(pre', suf') := bwd (pos - n) pre suf in Some (Z pre' n suf')
  else match fwd (n - pos) pre suf with
       | Some (pre', suf') => Some (Z pre' n suf')
       | None => None
       end.

(** A hunk at 1-based [line], then [norm]; the cursor ends after the new
    lines. *)
Definition z_hunk (line : nat) (old new : list L) (z : zip) : option zip :=
  match line with
  | O => None
  | S pos =>
      match z_seek pos z with
      | None => None
      | Some (Z pre _ suf) =>
          match drop_prefix old suf with
          | None => None
          | Some rest =>
              match pre, new, rest with
              | [], [], [] => Some (Z [] 0 [empty_line])
              | _, _, _ => Some (Z (rev_append new pre) (pos + length new) rest)
              end
          end
      end
  end.

(** ** Correctness *)

Lemma z_of_inv : forall c, zinv (z_of c).
Proof. reflexivity. Qed.

Lemma z_of_content : forall c, z_content (z_of c) = c.
Proof. reflexivity. Qed.

Lemma z_seek_spec : forall n z, zinv z ->
  z_seek n z =
  let c := z_content z in
  if n <=? length c then Some (Z (rev (firstn n c)) n (skipn n c)) else None.
Proof.
  intros n [pre pos suf] Hz. unfold zinv in Hz; simpl in Hz; subst pos.
  unfold z_content; simpl. rewrite rev_append_rev.
  rewrite app_length, rev_length.
  destruct (Nat.leb_spec n (length pre + length suf)) as [Hn|Hn].
  - pose proof (seek_spec n pre suf Hn) as S.
    destruct (n <=? length pre) eqn:E.
    + rewrite S. reflexivity.
    + apply Nat.leb_gt in E.
      rewrite fwd_spec in S |- *.
      destruct (Nat.leb_spec (n - length pre) (length suf)); [|lia].
      injection S as E1 E2. rewrite E1, E2. reflexivity.
  - destruct (Nat.leb_spec n (length pre)); [lia|].
    rewrite fwd_spec. destruct (Nat.leb_spec (n - length pre) (length suf)); [lia|reflexivity].
Qed.

Lemma split_at_firstn : forall n (c acc : list L),
  split_at n c acc = if n <=? length c then Some (rev (firstn n c) ++ acc, skipn n c) else None.
Proof.
  induction n as [|n IH]; intros c acc; simpl; auto.
  destruct c as [|x c]; simpl; auto.
  rewrite IH. destruct (n <=? length c); auto. rewrite <- app_assoc. reflexivity.
Qed.

Lemma splice_firstn : forall pos old new (c : list L),
  splice pos old new c =
  if pos <=? length c then
    match drop_prefix old (skipn pos c) with
    | Some rest => Some (firstn pos c ++ new ++ rest)
    | None => None
    end
  else None.
Proof.
  intros. unfold splice. rewrite split_at_firstn.
  destruct (pos <=? length c); auto. rewrite app_nil_r.
  destruct (drop_prefix old (skipn pos c)); auto.
  rewrite rev_append_rev, rev_involutive. reflexivity.
Qed.

(** The hunk on the zipper is the hunk on the content, then [norm]. *)
Theorem z_hunk_correct : forall line old new z, zinv z ->
  option_map z_content (z_hunk line old new z) =
  option_map norm (apply_hunk line old new (z_content z)).
Proof.
  intros [|pos] old new z Hz; simpl; auto.
  rewrite z_seek_spec, splice_firstn by auto. simpl.
  destruct (pos <=? length (z_content z)) eqn:Hp; simpl; auto.
  destruct (drop_prefix old (skipn pos (z_content z))) as [rest|]; simpl; auto.
  destruct (rev (firstn pos (z_content z))) as [|a pre] eqn:Epre.
  - assert (E0 : firstn pos (z_content z) = []).
    { rewrite <- (rev_involutive (firstn _ _)), Epre. reflexivity. }
    rewrite E0. destruct new as [|b new]; [destruct rest as [|r rest]|]; simpl; auto.
    unfold z_content; simpl. rewrite !rev_append_rev, rev_app_distr, rev_involutive. reflexivity.
  - assert (Ne : firstn pos (z_content z) <> []) by (intro E0; rewrite E0 in Epre; discriminate).
    unfold z_content at 1. simpl.
    rewrite <- Epre, !rev_append_rev, rev_app_distr, !rev_involutive, <- app_assoc.
    destruct (firstn pos (z_content z)) as [|f fs]; [congruence|reflexivity].
Qed.

Lemma z_hunk_inv : forall line old new z z', zinv z ->
  z_hunk line old new z = Some z' -> zinv z'.
Proof.
  intros [|pos] old new z z' Hz H; simpl in H; [discriminate|].
  rewrite z_seek_spec in H by auto. simpl in H.
  destruct (Nat.leb_spec pos (length (z_content z))) as [Hp|Hp]; [|discriminate].
  destruct (drop_prefix old (skipn pos (z_content z))) as [rest|]; [|discriminate].
  assert (Hl : length (rev (firstn pos (z_content z))) = pos)
    by (rewrite rev_length; apply firstn_length_le; auto).
  destruct (rev (firstn pos (z_content z))) as [|a pre];
    [destruct new as [|b new]; [destruct rest as [|r rest]|]|];
    injection H as <-; unfold zinv; simpl; try reflexivity;
    rewrite ?rev_append_rev, ?app_length, ?rev_length; simpl in *; lia.
Qed.

End HunkZip.

Arguments zip : clear implicits.
