(** * Invert: inverse patches, and the laws relating them to [apply]. *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Prim Token Apply.
Import ListNotations.

Section Invert.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

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

(** ** States up to extensional equality *)

Definition ostate_eq (o1 o2 : option state) : Prop :=
  match o1, o2 with
  | Some s1, Some s2 => state_eq s1 s2
  | None, None => True
  | _, _ => False
  end.

(** Every file of the state has at least one piece (darcs' line model:
    the empty file is one empty line).  [apply] preserves it. *)
Definition state_ok (s : state) : Prop :=
  forall p c, lookup s p = Some (EFile c) -> c <> [].

(** A file prim [vanishes] when it leaves its file with no piece at all
    before the identification [] = [""] (see [norm]); e.g. [hunk 1 [""] []]
    on the empty file.  darcs' semantics are not invertible there (see
    README, counterexample 1). *)
Definition vanishes (p : prim) (s : state) : bool :=
  match p with
  | Hunk f _ _ _ | Replace f _ _ _ | Binary f _ _ =>
      match lookup s f with
      | Some (EFile c) => match apply_fp p c with Some [] => true | _ => false end
      | _ => false
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

End Invert.
