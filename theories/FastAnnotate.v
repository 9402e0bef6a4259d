(** * FastAnnotate: [Depend.annotate] with a cursor, proved equal to it.

    darcs' annotate walks the patches newest first, applying the inverse
    of every hunk to the tagged pieces of the file; [Depend.ann_prim] finds
    each hunk's position with [split_n] from the first piece, so a patch
    with many hunks on a big file costs the file's length per hunk.  Here
    the pieces are held as a zipper ([zastate]): the pieces before the
    cursor (reversed) and those from it on; a hunk moves the cursor by the
    difference between two positions (the inverses of a patch's hunks come
    in decreasing order).  Replace and binary prims, which look at every
    piece, rebuild the list as before.

    [fannotate] also reads the final tree with [FastApply.ftree_at] and
    uses a linear [break_lines] ([Depend.break_lines] uses [rev], which is
    quadratic once extracted).

    [fannotate_eq]: [fannotate ps p = annotate ps p], exactly. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Trie HunkZip FastApply.
Import ListNotations.

Section FastAnnotate.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation named := (named L N).
Notation tagged := (option nat * L)%type.

Record zastate := ZA {
  za_path : option path;
  za_pre : list tagged;         (** the pieces before the cursor, reversed *)
  za_pos : nat;                 (** their number *)
  za_suf : list tagged;         (** the pieces from the cursor on *)
  za_recs : list (nat * nat)
}.

Definition za_inv (z : zastate) : Prop := za_pos z = length (za_pre z).

(** The annotate state a zipper stands for. *)
Definition za_abs (z : zastate) : astate :=
  AS (za_path z) (rev_append (za_pre z) (za_suf z)) (za_recs z).

(** Move the cursor to [n], stopping at the end (darcs' [splitAt]). *)
Definition za_seek (n : nat) (pre : list tagged) (pos : nat) (suf : list tagged)
  : list tagged * nat * list tagged :=
  if n <=? pos then let '(pre', suf') := bwd (pos - n) pre suf in (pre', n, suf')
  else fwd_trunc (n - pos) pre suf pos.

(** Where the file is after a prim that does not change its content. *)
Definition ann_path (p : prim) (fp : path) : option path :=
  match p with
  | RmFile f => if path_eqb f fp then None else Some fp
  | Move f t => Some (move_path f t fp)
  | _ => Some fp
  end.

(** One (already inverted) prim of patch [i]. *)
Definition zann_prim (i : nat) (p : prim) (z : zastate) : zastate :=
  match za_path z with
  | None => z
  | Some fp =>
      match p with
      | Hunk f off o n =>
          if path_eqb f fp then
            let '(pre, pos, from) := za_seek (off - 1) (za_pre z) (za_pos z) (za_suf z) in
            let '(recs, rest) := take_recs i (length o) from (za_recs z) in
            ZA (Some fp) pre pos (push_untagged (length n) rest) recs
          else z
      | Replace f _ _ _ | Binary f _ _ =>
          if path_eqb f fp then
            let st := ann_prim i p (za_abs z) in ZA (a_path st) [] 0 (a_cur st) (a_recs st)
          else z
      | _ => ZA (ann_path p fp) (za_pre z) (za_pos z) (za_suf z) (za_recs z)
      end
  end.

Definition zann_named (i : nat) (p : named) (z : zastate) : zastate :=
  fold_left (fun z q => zann_prim i q z) (invert_seq (fst p)) z.

Fixpoint zann_all (i : nat) (ps : list named) (z : zastate) : zastate :=
  match ps with
  | [] => z
  | p :: ps' => zann_named i p (zann_all (S i) ps' z)
  end.

Definition fannotate (ps : list named) (p : path)
  : nresult (option (list (option nat) * list L)) :=
  match ftree_at ps with
  | NFail i j => NFail i j
  | NOk t =>
      NOk (match tlookup t p with
           | Some (EFile c) =>
               let z := zann_all 0 ps (ZA (Some p) [] 0 (tag_from 0 c) []) in
               let ls := break_lines_fast c in
               Some (fill 0 ls (sort rec_leb (za_recs z)), ls)
           | _ => None
           end)
  end.

(** ** Correctness *)

Lemma split_n_spec : forall {A} n (l acc : list A),
  split_n n l acc = (rev (firstn n l) ++ acc, skipn n l).
Proof.
  induction n as [|n IH]; intros l acc; simpl; auto.
  destruct l as [|x l]; simpl; auto. rewrite IH, <- app_assoc. reflexivity.
Qed.

Lemma za_seek_spec : forall n pre pos suf, pos = length pre ->
  let c := rev pre ++ suf in
  za_seek n pre pos suf = (rev (firstn n c), length (firstn n c), skipn n c).
Proof.
  intros n pre pos suf -> c. unfold za_seek, c.
  destruct (Nat.leb_spec n (length pre)) as [Hle|Hlt].
  - assert (Hn : n <= length pre + length suf) by lia.
    pose proof (seek_spec n pre suf Hn) as S.
    destruct (Nat.leb_spec n (length pre)) as [_|]; [|lia].
    destruct (bwd (length pre - n) pre suf) as [pre' suf']. injection S as -> ->.
    rewrite firstn_length_le; auto. rewrite app_length, rev_length. lia.
  - rewrite fwd_trunc_spec, firstn_app, skipn_app, rev_length.
    rewrite (firstn_all2 (rev pre)), (skipn_all2 (rev pre)) by (rewrite rev_length; lia).
    simpl. rewrite rev_app_distr, rev_involutive, app_length, rev_length.
    reflexivity.
Qed.

Lemma zann_prim_correct : forall i p z, za_inv z ->
  za_abs (zann_prim i p z) = ann_prim i p (za_abs z) /\ za_inv (zann_prim i p z).
Proof.
  intros i p [fo pre pos suf recs] Hz. unfold za_inv in Hz; simpl in Hz.
  unfold zann_prim, ann_prim, za_abs; simpl.
  destruct fo as [fp|]; [|split; auto].
  destruct p as [f off o n|f|f|d|d|f t|f tk o n|f o n|nm o n]; simpl; try (split; auto; fail).
  - destruct (path_eqb f fp); [|split; auto].
    rewrite za_seek_spec by auto. rewrite split_n_spec, app_nil_r, !rev_append_rev.
    destruct (take_recs i (length o) (skipn (off - 1) (rev pre ++ suf)) recs) as [recs' rest].
    simpl. rewrite !rev_append_rev.
    split; [reflexivity|]. unfold za_inv; simpl. rewrite rev_length. reflexivity.
  - destruct (path_eqb f fp); simpl; split; auto.
  - destruct (path_eqb f fp); simpl; split; try reflexivity; auto.
  - destruct (path_eqb f fp); simpl; split; try reflexivity; auto.
Qed.

Lemma zann_named_correct : forall i p z, za_inv z ->
  za_abs (zann_named i p z) = ann_named i p (za_abs z) /\ za_inv (zann_named i p z).
Proof.
  intros i p z Hz. unfold zann_named, ann_named.
  generalize (invert_seq (fst p)) as qs. intros qs. revert z Hz.
  induction qs as [|q qs IH]; intros z Hz; simpl; [split; auto|].
  destruct (zann_prim_correct i q z Hz) as [E H]. rewrite <- E. apply IH; auto.
Qed.

Lemma zann_all_correct : forall ps i z, za_inv z ->
  za_abs (zann_all i ps z) = ann_all i ps (za_abs z) /\ za_inv (zann_all i ps z).
Proof.
  induction ps as [|p ps IH]; intros i z Hz; simpl; [split; auto|].
  destruct (IH (S i) z Hz) as [E H]. rewrite <- E. apply zann_named_correct; auto.
Qed.

(** The fast annotate is annotate. *)
Theorem fannotate_eq : forall ps p, fannotate ps p = annotate ps p.
Proof.
  intros ps p. unfold fannotate, annotate. pose proof (ftree_at_trel ps) as H.
  destruct (ftree_at ps) as [t|i j]; destruct (tree_at ps) as [s|i' j']; try contradiction.
  - rewrite (trel_lookup t s H). destruct (lookup s p) as [[|c]|]; auto.
    rewrite break_lines_fast_eq.
    destruct (zann_all_correct ps 0 (ZA (Some p) [] 0 (tag_from 0 c) []) eq_refl) as [E _].
    replace (za_recs (zann_all 0 ps (ZA (Some p) [] 0 (tag_from 0 c) [])))
      with (a_recs (za_abs (zann_all 0 ps (ZA (Some p) [] 0 (tag_from 0 c) [])))) by reflexivity.
    rewrite E. reflexivity.
  - destruct H as [-> ->]. reflexivity.
Qed.

End FastAnnotate.
