(** * SpecTrust: the theorems of ops 20 to 23, on their entry points.

    These ops took over what the Rust server used to compute itself
    (issue #12): the effect of conflicted patches (ops 20, 21 and 23,
    which replace the Rust code that assembled the effects of darcs-2
    conflictors, darcs-3 conflictors and darcs-1 mergers) and the coverage
    of a history by the laws' hypotheses (op 22, which [darcsweb check]
    replays with).
    As in [Spec.v], each theorem is stated on the [api_*] function the glue
    calls ([Extract.v]). *)

From Coq Require Import List Bool Arith Sorted Permutation.
From DarcsWeb Require Import Prim Token Apply Invert CommuteEffect Seq Named Walk Conflict3 Conflict2 Conflict3Laws
  Conflict2Laws Unique Effect Strict Api Extract Spec.
Import ListNotations.

Section SpecTrust.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.
Variable nleb : N -> N -> bool.

Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).

Let eff2 := api_effect2 EqL EqN LO nleb.
Let eff3 := api_effect3 EqL EqN LO nleb.

(** Op 20 (effect2): the effect of a darcs-2 body is the model's
    [effect2] of each repository patch, in order: the effect darcs-2's
    [commuteNoConflicts] is proved to keep ([Conflict2Laws.cnc_core_effect],
    restated here on the op's answers).  A body of plain prims is its own
    effect (the server does not call the core for it), and the inverse body
    has the inverse effect. *)
Theorem op20_effect2 :
  (forall ps : list (rp2 L N), eff2 ps = concat (map effect2 ps)) /\
  (forall qs : list prim, eff2 (map Normal qs) = qs) /\
  (forall ps : list (rp2 L N), eff2 (rev (map invert2 ps)) = invert_seq (eff2 ps)) /\
  (LineLaws L -> forall o (p q q' p' : rp2 L N) s t,
     forward p = true -> forward q = true -> state_ok s -> ne (eff2 [p]) -> ne (eff2 [q]) ->
     sapply_list (eff2 [p; q]) s = Some t -> cnc_core o p q = Yes (q', p') ->
     applies_to (eff2 [q'; p']) s t).
Proof.
  unfold eff2, api_effect2. split; [intros ps; reflexivity|]. split; [exact effects2_prims|].
  split; [exact effects2_invert|].
  intros LL o p q q' p' s t Fp Fq Ok Np Nq H C.
  assert (E1 : forall x : rp2 L N, effects2 [x] = effect2 x) by (intros x; apply app_nil_r).
  assert (E2 : forall x y : rp2 L N, effects2 [x; y] = effect2 x ++ effect2 y)
    by (intros x y; unfold effects2; simpl; rewrite app_nil_r; reflexivity).
  rewrite E1 in Np, Nq. rewrite E2 in H |- *.
  exact (cnc_core_effect o p q q' p' s t Fp Fq Ok Np Nq H C).
Qed.

(** Op 21 (effect3): the effect of a darcs-3 body is each repository
    patch's [rp3_effect] (a prim without its identity, the effect a
    conflictor stores), in order: the effect ([Conflict3Laws.eff]) darcs-3's
    commutation is proved to keep, restated here on the op's answers
    ([commute_nc_effect]: [commuteNoConflicts] always; [commute3_effect]:
    the whole [commute] whenever the commuted pair applies).  A body of
    plain prims is its prims without their identities. *)
Theorem op21_effect3 :
  (forall ps : list (rp3 L N), eff3 ps = concat (map rp3_effect ps) /\ eff3 ps = concat (map eff ps)) /\
  (forall qs : list (nprim L N), eff3 (map RPrim qs) = map snd qs) /\
  (LineLaws L -> forall (p q q' p' : rp3 L N) s t,
     state_ok s -> ne (eff3 [p]) -> ne (eff3 [q]) -> sapply_list (eff3 [p; q]) s = Some t ->
     (commute_nc p q = Some (q', p') -> applies_to (eff3 [q'; p']) s t) /\
     (commute3 p q = Some (q', p') -> forall t', sapply_list (eff3 [q'; p']) s = Some t' -> state_eq t' t)).
Proof.
  unfold eff3, api_effect3. split; [intros ps; split; reflexivity|]. split; [exact effects3_prims|].
  intros LL p q q' p' s t Ok Np Nq H.
  assert (E1 : forall x : rp3 L N, effects3 [x] = eff x) by (intros x; apply app_nil_r).
  assert (E2 : forall x y : rp3 L N, effects3 [x; y] = eff x ++ eff y)
    by (intros x y; unfold effects3; simpl; rewrite app_nil_r; reflexivity).
  rewrite E1 in Np, Nq. rewrite E2 in H. rewrite !E2. split.
  - intros C. exact (commute_nc_effect p q q' p' s t Ok Np Nq H C).
  - intros C t' H'. exact (commute3_effect p q q' p' s t t' Ok Np Nq H C H').
Qed.

(** Op 22 (coverage): darcs' replay of the named patches from [s] (the
    tree as op 1 gives it: same lookups, every path once, in output order)
    and, for each patch, its class ([Strict.class_of]: strict apply
    succeeds on it from the state the replay reached, or fails first at
    prim [j]; it holds an empty hunk or not); every patch inside exactly
    when the whole sequence applies strictly without empty hunks, with the
    same tree.  On failure, where darcs' apply fails. *)
Theorem op22_coverage : forall (s : state) (ps : list named),
  match api_coverage EqL EqN LO nleb s ps with
  | NOk (cs, s') => exists t, apply_nameds ps s = Some t /\ Permutation s' t /\
      (unique s -> unique s' /\ forall q, lookup s' q = lookup t q) /\
      ((forall a b, nleb a b = true \/ nleb b a = true) -> Sorted (entry_le nleb) s') /\
      (total_order nleb -> StronglySorted (entry_le nleb) s') /\
      length cs = length ps /\
      (forall k p c, nth_error ps k = Some p -> nth_error cs k = Some c ->
         exists sk, apply_nameds (firstn k ps) s = Some sk /\ class_of p sk c) /\
      (forallb inside cs = true <->
         sapply_list (concat (map fst ps)) s = Some t /\ Forall nonempty_hunk (concat (map fst ps)))
  | NFail i j => apply_nameds ps s = None /\
      exists u pk v q, apply_nameds (firstn i ps) s = Some u /\ nth_error ps i = Some pk /\
        apply_list (firstn j (fst pk)) u = Some v /\ nth_error (fst pk) j = Some q /\ apply q v = None
  end.
Proof.
  intros s ps. unfold api_coverage. pose proof (coverage_spec ps s) as Hs.
  destruct (coverage ps s) as [[cs t]|i j] eqn:E; [|exact Hs].
  destruct Hs as (Ht & Hl & Hk). exists t. split; [exact Ht|].
  destruct (sort_state_spec (EqN := EqN) nleb t) as (P & U & S1 & S2).
  split; [exact P|]. split.
  { intros Us. apply U. exact (apply_nameds_unique ps s t Us Ht). }
  split; [exact S1|]. split; [exact S2|]. split; [exact Hl|]. split; [exact Hk|]. split.
  - intros Hall. exact (coverage_inside ps s cs t E Hall).
  - intros [H1 H2]. destruct (coverage_inside_iff ps s t H1 H2) as (cs' & E' & Hall).
    rewrite E in E'. injection E' as <-. exact Hall.
Qed.

(** Op 23 (effect1): the effect of a darcs-1 body is each repository
    patch's [effect1], in order: a prim itself; a merger of two prims the
    inverse of its first argument, which it undoes (after [p1], applied
    strictly, it gives back the state before [p1]); a regrem the inverse of
    its merger's effect.  A body of plain prims is its own effect. *)
Theorem op23_effect1 :
  (forall ps : list (@rp1 L N), api_effect1 EqL EqN LO nleb ps = concat (map effect1 ps)) /\
  (forall qs : list prim, api_effect1 EqL EqN LO nleb (map Prim1 qs) = qs) /\
  (forall p1 p2 : prim, api_effect1 EqL EqN LO nleb [Merger1 p1 p2] = [invert p1] /\
     api_effect1 EqL EqN LO nleb [Regrem1 p1 p2] = invert_seq (api_effect1 EqL EqN LO nleb [Merger1 p1 p2])) /\
  (LineLaws L -> forall (p1 p2 : prim) (s t : state), state_ok s -> sapply p1 s = Some t ->
     applies_to (api_effect1 EqL EqN LO nleb [Merger1 p1 p2]) t s).
Proof.
  unfold api_effect1. split; [intros ps; reflexivity|]. split; [exact effects1_prims|].
  assert (E1 : forall x : @rp1 L N, effects1 [x] = effect1 x) by (intros x; apply app_nil_r).
  split.
  - intros p1 p2. rewrite !E1. split; [reflexivity|]. apply effect1_regrem.
  - intros LL p1 p2 s t Ok H. rewrite E1. exact (merger1_undoes_first p1 p2 s t Ok H).
Qed.

End SpecTrust.
