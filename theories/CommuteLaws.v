(** * CommuteLaws: the laws of darcs' prim commutation.

    For every pair of prims that can be applied in sequence (strict
    semantics, see [Apply.sapply]):
    - self-inverse: commuting back gives the original pair;
    - the commute/invert square;
    - commuting keeps the effect (except for empty hunks, see README). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Sem.
Import ListNotations.

Section Laws.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).

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
  assert (is_pref p = false) by (destruct p; simpl in *; congruence).
  assert (is_pref q = false) by (destruct q; simpl in *; congruence).
  rewrite H, H0. unfold clever, commute_filedir. rewrite Hp, Hq, path_eqb_refl.
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

End Laws.
