(** * Effect: the effect on the tree of a named patch's repository patches
    (ops 20 and 21).

    The server used to assemble a conflicted patch's effect in Rust (a
    darcs-2 conflictor undoes its [xx], a duplicate does nothing, a darcs-3
    conflictor carries its effect).  It now asks the core, which answers
    with the model's own functions: [Conflict2.effect2] and
    [Conflict3.rp3_effect], the effects the laws of [Conflict2Laws] and
    [Conflict3Laws] are stated on.  The theorems here say what those are on
    the cases the server relies on:

    - a body of plain prims has exactly those prims as effect, so the
      server need not call the core for it ([effects2_prims],
      [effects3_prims]);
    - the effect of the inverse of a darcs-2 body is the inverse of its
      effect ([effects2_invert]): [rotcilfnoc] and [etacilpud] are the
      inverses of conflictors and duplicates in effect too;
    - effects of sequences concatenate ([effects2_app], [effects3_app]);
    - a darcs-1 merger of two prims undoes the first ([effect1_merger],
      [merger1_undoes_first]), and a [regrem] is its inverse
      ([effect1_regrem]) (op 23). *)

From Coq Require Import List.
From DarcsWeb Require Import Prim Token Apply Invert Seq Conflict3 Conflict2 Conflict3Laws.
Import ListNotations.

Section Effect.

Context {L N : Type}.

Notation prim := (prim L N).

(** ** darcs-2 *)

(** The effect of a body of darcs-2 repository patches: each one's
    [effect2], in order (this is [Conflict2.effects2]). *)
Lemma effects2_def : forall ps : list (rp2 L N), effects2 ps = concat (map effect2 ps).
Proof. reflexivity. Qed.

Lemma effects2_app : forall xs ys : list (rp2 L N), effects2 (xs ++ ys) = effects2 xs ++ effects2 ys.
Proof. intros xs ys. unfold effects2. rewrite map_app, concat_app. reflexivity. Qed.

(** A body of plain prims has those prims as effect. *)
Theorem effects2_prims : forall ps : list prim, effects2 (map Normal ps) = ps.
Proof.
  induction ps as [|p ps IH]; [reflexivity|].
  change (effects2 (map Normal (p :: ps))) with ([p] ++ effects2 (map Normal ps)). rewrite IH. reflexivity.
Qed.

Lemma invert_seq_app_e : forall xs ys : list prim, invert_seq (xs ++ ys) = invert_seq ys ++ invert_seq xs.
Proof. intros xs ys. rewrite !invert_seq_spec, map_app, rev_app_distr. reflexivity. Qed.

(** The effect of one inverted repository patch is the inverse of its effect. *)
Lemma effect2_invert : forall p : rp2 L N, effect2 (invert2 p) = invert_seq (effect2 p).
Proof.
  intros [q|n|n|ix xx x|ix xx x]; cbn [invert2 effect2]; try reflexivity.
  - rewrite invert_seq_involutive. reflexivity.
Qed.

(** The inverse of a body (reversed, each inverted) has the inverse effect. *)
Theorem effects2_invert : forall ps : list (rp2 L N),
  effects2 (rev (map invert2 ps)) = invert_seq (effects2 ps).
Proof.
  induction ps as [|p ps IH]; [reflexivity|].
  cbn [map rev]. rewrite effects2_app, IH.
  change (effects2 (p :: ps)) with (effect2 p ++ effects2 ps).
  change (effects2 [invert2 p]) with (effect2 (invert2 p) ++ []).
  rewrite invert_seq_app_e, app_nil_r, effect2_invert. reflexivity.
Qed.

(** ** darcs-3 *)

(** The effect of a body of darcs-3 repository patches: each one's
    [rp3_effect] (a prim without its identity, or the effect a conflictor
    stores), in order. *)
Definition effects3 (ps : list (rp3 L N)) : list prim := concat (map rp3_effect ps).

Lemma effects3_app : forall xs ys : list (rp3 L N), effects3 (xs ++ ys) = effects3 xs ++ effects3 ys.
Proof. intros xs ys. unfold effects3. rewrite map_app, concat_app. reflexivity. Qed.

(** A body of plain prims has those prims, without their identities, as effect. *)
Theorem effects3_prims : forall ps : list (nprim L N), effects3 (map RPrim ps) = map snd ps.
Proof.
  induction ps as [|p ps IH]; [reflexivity|].
  change (effects3 (map RPrim (p :: ps))) with ([snd p] ++ effects3 (map RPrim ps)). rewrite IH. reflexivity.
Qed.

(** ** darcs-1 (op 23) *)

(** The darcs-1 repository patches whose effect the core computes: a prim,
    and darcs-1 [merger 0.0 (p1 p2)] and its inverse [regrem 0.0 (p1 p2)]
    when both arguments are prims.  Mergers of mergers need darcs-1
    commutation ([unwind]), which is not modelled: the server does not
    send them (it says "unsupported"). *)
Inductive rp1 : Type :=
  | Prim1 (p : prim)
  | Merger1 (p1 p2 : prim)
  | Regrem1 (p1 p2 : prim).

(** darcs' [Darcs.Patch.V1.Commute.merger "0.0" p1 p2] when neither
    argument is a merger: its [undoit] is [invert p1 :>: NilFL], and
    [effect (Merger undo _ _ _)] is (the sorted) [undo]: the merger, which
    comes after [p1], undoes it (the two conflicting changes cancel).  A
    [Regrem]'s effect is the inverse of its merger's. *)
Definition effect1 (r : rp1) : list prim :=
  match r with
  | Prim1 p => [p]
  | Merger1 p1 _ => [invert p1]
  | Regrem1 p1 _ => [p1]
  end.

Definition effects1 (ps : list rp1) : list prim := concat (map effect1 ps).

Lemma effects1_app : forall xs ys : list rp1, effects1 (xs ++ ys) = effects1 xs ++ effects1 ys.
Proof. intros xs ys. unfold effects1. rewrite map_app, concat_app. reflexivity. Qed.

(** A body of plain prims has those prims as effect. *)
Theorem effects1_prims : forall ps : list prim, effects1 (map Prim1 ps) = ps.
Proof.
  induction ps as [|p ps IH]; [reflexivity|].
  change (effects1 (map Prim1 (p :: ps))) with ([p] ++ effects1 (map Prim1 ps)). rewrite IH. reflexivity.
Qed.

(** A merger of two prims is the inverse of its first argument. *)
Theorem effect1_merger : forall p1 p2 : prim, effect1 (Merger1 p1 p2) = invert_seq [p1].
Proof. reflexivity. Qed.

(** A [regrem] has the inverse effect of the merger it inverts. *)
Theorem effect1_regrem : forall p1 p2 : prim,
  effect1 (Regrem1 p1 p2) = invert_seq (effect1 (Merger1 p1 p2)).
Proof. intros p1 p2. cbn. rewrite invert_involutive. reflexivity. Qed.

End Effect.

(** The merger undoes its first argument: after [p1] (applied strictly to
    a state whose files all have a piece), the merger's effect gives back
    the state before [p1]. *)
Theorem merger1_undoes_first : forall {L N} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}
  (p1 p2 : prim L N) (s t : state L N),
  state_ok s -> sapply p1 s = Some t -> applies_to (effect1 (Merger1 p1 p2)) t s.
Proof.
  intros L N EqL EqN LO LL p1 p2 s t Ok H. pose proof (sapply_invert p1 s t Ok H) as E.
  change (effect1 (Merger1 p1 p2)) with [invert p1].
  destruct (sapply (invert p1) t) as [u|] eqn:Hu; [|contradiction].
  exists u. split; [simpl; rewrite Hu; reflexivity|exact E].
Qed.

(** [effects3] is the effect the darcs-3 laws are stated on ([Conflict3Laws.eff]). *)
Lemma effects3_eff : forall {L N} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}
  (ps : list (rp3 L N)), effects3 ps = concat (map eff ps).
Proof. reflexivity. Qed.
