(** * ConflictLaws: the darcs-2 and darcs-3 repository-patch layers extend
    the prim layer.  On a history without conflicts (every repository patch a
    plain prim) their commutation is the verified prim [commute] and their
    dependencies are exactly [Depend.dependencies], whose soundness is proved
    in [DependLaws]. *)

From Coq Require Import List Bool Arith.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Depend Walk Conflict3 Conflict2.
Import ListNotations.

(** ** The walk simulates [Depend.deps_walk] *)

Section Sim.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation named := (named L N).

Context {A : Type} (emb : named -> A)
  (cfl : nat * A -> list (nat * A) -> res (list (nat * A) * (nat * A))).

Definition embi (x : nat * named) : nat * A := (fst x, emb (snd x)).

Definition embh (h : nat * named * list nat) : nat * A * list nat :=
  let '(j, q, a) := h in (j, emb q, a).

Definition embst (st : dstate) : wstate :=
  WS (map embi (d_pd st)) (map embi (d_nd st)) (d_direct st) (d_all st) (d_cursor st).

(** [cfl] is [commute_fl] seen through [emb]. *)
Hypothesis cfl_sim : forall x ys,
  cfl (embi x) (map embi ys) =
  match commute_fl x ys with
  | Some (ys', x') => Yes (map embi ys', embi x')
  | None => No
  end.

Lemma walk_sim : forall hist st,
  walk cfl (map embh hist) (embst st) = Yes (embst (deps_walk hist st)).
Proof.
  induction hist as [|[[j q] allj] hist IH]; intros [pd nd dir all cur]; [reflexivity|].
  cbn [map embh walk deps_walk embst d_pd d_nd d_direct d_all d_cursor w_pd w_nd w_direct w_all w_cursor].
  destruct (match drop_above j cur with k :: _ => k =? j | [] => false end).
  - exact (IH (DS ((j, q) :: pd) nd dir all (drop_above j cur))).
  - change (j, emb q) with (embi (j, q)). rewrite cfl_sim.
    destruct (commute_fl (j, q) pd) as [[pd' q']|].
    + exact (IH (DS pd' (q' :: nd) dir all (drop_above j cur))).
    + exact (IH (DS ((j, q) :: pd) nd (j :: dir) (merge_desc all (j :: allj))
                   (drop_above j (merge_desc all (j :: allj))))).
Qed.

Lemma walk_from_sim : forall ps i hist acc,
  walk_from cfl i (map emb ps) (map embh hist) acc = Yes (deps_from i ps hist acc).
Proof.
  induction ps as [|p ps IH]; intros i hist acc; [reflexivity|].
  cbn [map walk_from deps_from].
  change (WS [(i, emb p)] [] [] [] []) with (embst (DS [(i, p)] [] [] [] [])).
  rewrite walk_sim. unfold deps_of.
  set (st := deps_walk hist (DS [(i, p)] [] [] [] [])).
  specialize (IH (S i) ((i, p, d_all st) :: hist) (d_direct st :: acc)).
  exact IH.
Qed.

(** The walk over embedded prims answers [Depend.dependencies]. *)
Theorem walk_dependencies_sim : forall ps,
  walk_dependencies cfl (map emb ps) = Yes (dependencies ps).
Proof. intros ps. exact (walk_from_sim ps 0 [] []). Qed.

End Sim.

(** ** darcs-3 *)

Section V3.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation prim := (prim L N).
Notation named := (named L N).

(** A prim as a darcs-3 repository patch (its identity plays no part in
    commuting plain prims). *)
Definition rprim (z : pid) (p : prim) : rp3 L N := RPrim (z, p).

Definition emb3 (z : pid) (p : named) : named3 L N := (map (rprim z) (fst p), snd p).

Lemma commute3_prims : forall z p q,
  commute3 (rprim z p) (rprim z q) =
  match commute p q with Some (q', p') => Some (rprim z q', rprim z p') | None => None end.
Proof.
  intros z p q. unfold commute3, rprim. cbn [commute_conflicting commute_nc]. unfold ncommute. cbn [fst snd].
  destruct (commute p q) as [[q' p']|]; reflexivity.
Qed.

Lemma commute3_past_prims : forall z (x : prim) (ys : list prim),
  commute3_past (rprim z x) (map (rprim z) ys) =
  match Commute.commute_past x ys with Some (ys', x') => Some (map (rprim z) ys', rprim z x') | None => None end.
Proof.
  intros z x ys. unfold commute3_past. revert x. induction ys as [|y ys IH]; intros x; [reflexivity|].
  cbn [map past Commute.commute_past]. rewrite commute3_prims.
  destruct (commute x y) as [[y' x']|]; [|reflexivity].
  rewrite IH. destruct (Commute.commute_past x' ys) as [[ys'' x'']|]; reflexivity.
Qed.

Lemma commute3_rl_prims : forall z (rxs ys acc : list prim),
  commute3_rl (map (rprim z) rxs) (map (rprim z) ys) (map (rprim z) acc) =
  match commute_rl rxs ys acc with
  | Some (ys', xs') => Some (map (rprim z) ys', map (rprim z) xs')
  | None => None
  end.
Proof.
  intros z rxs. induction rxs as [|x rxs IH]; intros ys acc; [reflexivity|].
  cbn [map commute3_rl commute_rl]. rewrite commute3_past_prims.
  destruct (Commute.commute_past x ys) as [[ys' x']|]; [|reflexivity].
  exact (IH ys' (x' :: acc)).
Qed.

Lemma commute3_seq_prims : forall z (xs ys : list prim),
  commute3_seq (map (rprim z) xs) (map (rprim z) ys) =
  match commute_seq xs ys with
  | Some (ys', xs') => Some (map (rprim z) ys', map (rprim z) xs')
  | None => None
  end.
Proof.
  intros z xs ys. unfold commute3_seq, commute_seq. rewrite <- map_rev.
  exact (commute3_rl_prims z (rev xs) ys []).
Qed.

Lemma commute3_fl_prims : forall z (x : nat * named) (ys : list (nat * named)),
  commute3_fl (embi (emb3 z) x) (map (embi (emb3 z)) ys) =
  match commute_fl x ys with
  | Some (ys', x') => Some (map (embi (emb3 z)) ys', embi (emb3 z) x')
  | None => None
  end.
Proof.
  intros z x ys. unfold commute3_fl. revert x. induction ys as [|[j [qe qd]] ys IH]; intros [i [pe pd]]; [reflexivity|].
  cbn [map past commute_fl]. unfold embi at 1 2, emb3 at 1 2. cbn [fst snd].
  unfold commute_inamed3 at 1, commute_inamed.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [reflexivity|].
  rewrite commute3_seq_prims. destruct (commute_seq pe qe) as [[qe' pe']|]; [|reflexivity].
  specialize (IH (i, (pe', pd))).
  change (i, (map (rprim z) pe', pd)) with (embi (emb3 z) (i, (pe', pd))).
  change (j, (map (rprim z) qe', qd)) with (embi (emb3 z) (j, (qe', qd))).
  change (fun x : nat * named => (fst x, emb3 z (snd x))) with (embi (emb3 z)).
  rewrite IH. destruct (commute_fl (i, (pe', pd)) ys) as [[ys'' x'']|]; reflexivity.
Qed.

(** On a history without conflicts, darcs-3 dependencies are the prim ones. *)
Theorem dependencies3_conservative : forall z (ps : list named),
  dependencies3 (map (emb3 z) ps) = Yes (dependencies ps).
Proof.
  intros z ps. unfold dependencies3.
  apply (walk_dependencies_sim (emb3 z)).
  intros x ys. rewrite commute3_fl_prims. destruct (commute_fl x ys) as [[ys' x']|]; reflexivity.
Qed.

End V3.

(** ** darcs-2 *)

Section V2.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation prim := (prim L N).
Notation named := (named L N).

Definition emb2 (p : named) : named2 L N := (map Normal (fst p), snd p).

Lemma cnc_prims : forall o (p q : prim),
  cnc o (Normal p) (Normal q) =
  match commute p q with Some (q', p') => Yes (Normal q', Normal p') | None => No end.
Proof.
  intros o p q. cbn [cnc cnc_core]. unfold of_opt.
  destruct (commute p q) as [[q' p']|]; reflexivity.
Qed.

Lemma ccf_prims : forall o (p q : prim), ccf o (Normal p) (Normal q) = No.
Proof. intros o p q. cbn [ccf ccf_core]. reflexivity. Qed.

Lemma commute_body_prims : forall o (p q : prim),
  commute_body o (Normal p) (Normal q) =
  match commute p q with Some (q', p') => Yes (Normal q', Normal p') | None => No end.
Proof.
  intros o p q. unfold commute_body. rewrite cnc_prims.
  destruct (commute p q) as [[q' p']|]; [reflexivity|]. apply ccf_prims.
Qed.

Lemma commute2_prims : forall g (p q : prim),
  commute2 (level (S g)) (Normal p) (Normal q) =
  match commute p q with Some (q', p') => Yes (Normal q', Normal p') | None => No end.
Proof. intros g p q. apply commute_body_prims. Qed.

Lemma commute2_past_prims : forall g (x : prim) (ys : list prim),
  commute2_past (level (S g)) (Normal x) (map Normal ys) =
  match Commute.commute_past x ys with Some (ys', x') => Yes (map Normal ys', Normal x') | None => No end.
Proof.
  intros g x ys. unfold commute2_past. revert x. induction ys as [|y ys IH]; intros x; [reflexivity|].
  cbn [map past_res Commute.commute_past]. rewrite commute2_prims.
  destruct (commute x y) as [[y' x']|]; [|reflexivity]. cbn [rbind].
  rewrite IH. destruct (Commute.commute_past x' ys) as [[ys'' x'']|]; reflexivity.
Qed.

Lemma commute2_rl_prims : forall g (rxs ys acc : list prim),
  commute2_rl (level (S g)) (map Normal rxs) (map Normal ys) (map Normal acc) =
  match commute_rl rxs ys acc with
  | Some (ys', xs') => Yes (map Normal ys', map Normal xs')
  | None => No
  end.
Proof.
  intros g rxs. induction rxs as [|x rxs IH]; intros ys acc; [reflexivity|].
  cbn [map commute2_rl commute_rl]. rewrite commute2_past_prims.
  destruct (Commute.commute_past x ys) as [[ys' x']|]; [|reflexivity]. cbn [rbind].
  exact (IH ys' (x' :: acc)).
Qed.

Lemma commute2_seq_prims : forall g (xs ys : list prim),
  commute2_seq (level (S g)) (map Normal xs) (map Normal ys) =
  match commute_seq xs ys with
  | Some (ys', xs') => Yes (map Normal ys', map Normal xs')
  | None => No
  end.
Proof.
  intros g xs ys. unfold commute2_seq, commute_seq. rewrite <- map_rev.
  exact (commute2_rl_prims g (rev xs) ys []).
Qed.

Lemma commute2_fl_prims : forall g (x : nat * named) (ys : list (nat * named)),
  commute2_fl (level (S g)) (embi emb2 x) (map (embi emb2) ys) =
  match commute_fl x ys with
  | Some (ys', x') => Yes (map (embi emb2) ys', embi emb2 x')
  | None => No
  end.
Proof.
  intros g x ys. unfold commute2_fl. revert x. induction ys as [|[j [qe qd]] ys IH]; intros [i [pe pd]]; [reflexivity|].
  cbn [map past_res commute_fl]. unfold embi, emb2 at 1 2. cbn [fst snd].
  unfold commute_inamed2 at 1, commute_inamed.
  destruct (existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd); [reflexivity|].
  rewrite commute2_seq_prims. destruct (commute_seq pe qe) as [[qe' pe']|]; [|reflexivity].
  cbn [rbind]. specialize (IH (i, (pe', pd))).
  change (i, (map Normal pe', pd)) with (embi emb2 (i, (pe', pd))).
  change (j, (map Normal qe', qd)) with (embi emb2 (j, (qe', qd))).
  change (fun x : nat * named => (fst x, emb2 (snd x))) with (embi emb2).
  rewrite IH. destruct (commute_fl (i, (pe', pd)) ys) as [[ys'' x'']|]; reflexivity.
Qed.

(** On a history without conflicts, darcs-2 dependencies are the prim ones. *)
Theorem dependencies2_conservative : forall (ps : list named),
  dependencies2 (map emb2 ps) = Yes (dependencies ps).
Proof.
  intros ps. unfold dependencies2, depth.
  apply (walk_dependencies_sim emb2).
  intros x ys. apply (commute2_fl_prims 63).
Qed.

End V2.
