(** * Spec: one theorem per operation of the core, on the entry points.

    The glue ([src/core/ffi/glue.ml]) calls exactly one [api_*] function of
    [Extract.v] per op of [src/core/WIRE.md].  Each theorem below is stated
    on that function and says what its answer is, in terms of the model
    ([Apply.apply], [sapply], [commute], ...), not of how it is computed.
    The server calls ops 1, 2, 5, 6, 7, 9, 10 and 11; ops 3, 4 and 8 are
    used by tests and benches.

    Assumptions, all explicit: the instances the glue passes (equality of
    lines and of names, [LineOps] of lines; [LineLaws] where a theorem
    needs it: the byte round trip of a line, true of OCaml strings and
    their characters) and, for the order of outputs, [total_order nleb]
    (the glue's byte order on names is one).  The trusted base between
    these theorems and the server is listed in README.md. *)

From Coq Require Import List Bool Arith Lia Sorted Permutation.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Lens Prim Token Apply Invert Commute Sem CommuteEffect Seq Named NamedLaws
  Sort SortSpec Depend Walk Conflict3 Conflict2 ConflictLaws DependLaws DependSpec Unique AnnotateSpec
  Touch Prune Lineage PruneLaws LineageLaws UrlPath Api Extract.
Import ListNotations.

(** ** The order of outputs *)

(** [nleb] is a total order (the glue passes byte order on names). *)
Definition total_order {N} (nleb : N -> N -> bool) : Prop :=
  (forall a b, nleb a b = true \/ nleb b a = true) /\
  (forall a b c, nleb a b = true -> nleb b c = true -> nleb a c = true) /\
  (forall a b, nleb a b = true -> nleb b a = true -> a = b).

Section PathOrder.

Context {N : Type} {EqN : EqDec N} (nleb : N -> N -> bool).

Lemma path_leb_total : (forall a b, nleb a b = true \/ nleb b a = true) ->
  forall a b, path_leb EqN nleb a b = true \/ path_leb EqN nleb b a = true.
Proof.
  intros Ht. induction a as [|x a IH]; intros [|y b]; simpl; auto.
  destruct (EqN x y) as [->|Hne]; [destruct (EqN y y); [apply IH|congruence]|].
  destruct (EqN y x) as [E|_]; [congruence|apply Ht].
Qed.

Lemma path_leb_trans : total_order nleb ->
  forall a b c, path_leb EqN nleb a b = true -> path_leb EqN nleb b c = true -> path_leb EqN nleb a c = true.
Proof.
  intros (Ht & Htr & Has). induction a as [|x a IH]; intros [|y b] [|z c] H1 H2; simpl in *; auto; try discriminate.
  destruct (EqN x y) as [<-|Nxy], (EqN x z) as [<-|Nxz].
  - destruct (EqN x x); [apply (IH b); auto|congruence].
  - destruct (EqN x z); [congruence|exact H2].
  - destruct (EqN y x) as [->|Nyx]; [congruence|]. rewrite (Has _ _ H1 H2) in Nxy. congruence.
  - destruct (EqN y z) as [<-|Nyz]; [exact H1|]. exact (Htr _ _ _ H1 H2).
Qed.

End PathOrder.

Lemma sorted_of_total : forall {A} (leb : A -> A -> bool) l,
  (forall a b, leb a b = true \/ leb b a = true) ->
  (forall a b c, leb a b = true -> leb b c = true -> leb a c = true) ->
  Permutation (sort leb l) l /\ Sorted (R leb) (sort leb l) /\ StronglySorted (R leb) (sort leb l).
Proof.
  intros A leb l Ht Htr. split; [apply sort_perm|]. split; [apply sort_sorted; exact Ht|].
  apply sort_strongly_sorted; assumption.
Qed.

(** ** Failure indices *)

Section Failures.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Lemma apply_seq_from_fail : forall (ps : list (prim L N)) i s k, apply_seq_from i ps s = Fail k ->
  i <= k /\ exists u p, apply_list (firstn (k - i) ps) s = Some u /\ nth_error ps (k - i) = Some p /\ apply p u = None.
Proof.
  induction ps as [|p ps IH]; intros i s k H; simpl in H; [discriminate|].
  destruct (apply p s) as [s1|] eqn:E.
  - destruct (IH _ _ _ H) as [Hle (u & q & Hu & Hq & Hn)]. split; [lia|].
    exists u, q. replace (k - i) with (S (k - S i)) by lia. simpl. rewrite E. auto.
  - injection H as <-. split; [lia|]. exists s, p. rewrite Nat.sub_diag. simpl. auto.
Qed.

Lemma apply_named_from_fail : forall (ps : list (named L N)) i s k j, apply_named_from i ps s = NFail k j ->
  i <= k /\ exists u pk v q, apply_nameds (firstn (k - i) ps) s = Some u /\ nth_error ps (k - i) = Some pk /\
    apply_list (firstn j (fst pk)) u = Some v /\ nth_error (fst pk) j = Some q /\ apply q v = None.
Proof.
  induction ps as [|p ps IH]; intros i s k j H; simpl in H; [discriminate|].
  pose proof (apply_seq_from_spec (fst p) 0 s) as Hs. unfold apply_seq in H.
  destruct (apply_seq_from 0 (fst p) s) as [s1|k'] eqn:E.
  - destruct (IH _ _ _ _ H) as [Hle (u & pk & v & q & Hu & Hpk & Hv & Hq & Hn)]. split; [lia|].
    exists u, pk, v, q. replace (k - i) with (S (k - S i)) by lia. simpl. rewrite Hs. auto.
  - injection H as <- <-. destruct (apply_seq_from_fail _ _ _ _ E) as [_ (v & q & Hv & Hq & Hn)].
    rewrite Nat.sub_0_r in Hv, Hq. split; [lia|]. exists s, p, v, q. rewrite Nat.sub_diag. simpl. auto.
Qed.

(** What a failure [NFail i j] of named patches means: the first [i]
    apply, then in named patch [i] the first [j] prims apply and prim [j]
    does not (darcs' apply). *)
Definition named_fail (ps : list (named L N)) (i j : nat) : Prop :=
  exists u pk v q, apply_nameds (firstn i ps) [] = Some u /\ nth_error ps i = Some pk /\
    apply_list (firstn j (fst pk)) u = Some v /\ nth_error (fst pk) j = Some q /\ apply q v = None.

Lemma tree_at_fail : forall (ps : list (named L N)) i j, tree_at ps = NFail i j -> named_fail ps i j.
Proof.
  intros ps i j H. unfold tree_at, apply_named in H. apply apply_named_from_fail in H as [_ H].
  rewrite Nat.sub_0_r in H. exact H.
Qed.

Lemma apply_nameds_unique : forall (ps : list (named L N)) s t, unique s -> apply_nameds ps s = Some t -> unique t.
Proof.
  induction ps as [|p ps IH]; intros s t U H; simpl in H; [injection H as <-; exact U|].
  destruct (apply_list (fst p) s) as [s1|] eqn:E; [|discriminate].
  eapply IH; [|exact H]. eapply apply_list_unique; eauto.
Qed.

End Failures.

(** ** The operations *)

Section Spec.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.
Variable nleb : N -> N -> bool.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).

(** Trees are output ordered by path ([path_leb]): each entry before the next. *)
Definition entry_le (a b : path * entry L) : Prop := path_leb EqN nleb (fst a) (fst b) = true.

Lemma sort_state_spec : forall s : state,
  Permutation (sort_state EqN nleb s) s /\
  (unique s -> unique (sort_state EqN nleb s) /\ forall q, lookup (sort_state EqN nleb s) q = lookup s q) /\
  ((forall a b, nleb a b = true \/ nleb b a = true) -> Sorted entry_le (sort_state EqN nleb s)) /\
  (total_order nleb -> StronglySorted entry_le (sort_state EqN nleb s)).
Proof.
  intros s. unfold sort_state. split; [apply sort_perm|]. split.
  - intros U. apply (perm_lookup s); [exact U|apply Permutation_sym, sort_perm].
  - split.
    + intros Ht. apply (sort_sorted (fun a b => path_leb EqN nleb (fst a) (fst b))).
      intros a b. apply path_leb_total. exact Ht.
    + intros To. apply (sort_strongly_sorted (fun a b => path_leb EqN nleb (fst a) (fst b))).
      * intros a b. apply path_leb_total. apply To.
      * intros a b c. apply path_leb_trans. exact To.
Qed.

Lemma path_leb_ext : forall (p : path) x r, path_leb EqN nleb (p ++ x :: r) p = false.
Proof.
  induction p as [|y p IH]; intros x r; [reflexivity|]. simpl.
  destruct (EqN y y) as [_|Hn]; [apply IH|congruence].
Qed.

(** In an output sorted this way, a directory comes before everything below it. *)
Theorem dirs_first : forall (s : state) l1 b l2 a, StronglySorted entry_le s -> s = l1 ++ b :: l2 ->
  In a l2 -> forall x r, fst b <> fst a ++ x :: r.
Proof.
  intros s l1 b l2 a Hs -> Ha x r E. apply ss_app_r in Hs. apply StronglySorted_inv in Hs as [_ Hf].
  rewrite Forall_forall in Hf. specialize (Hf a Ha). unfold entry_le in Hf.
  rewrite E, path_leb_ext in Hf. discriminate.
Qed.

(** Op 1 (apply): darcs' apply of the prims to the tree, in output order:
    a permutation of darcs' result with the same lookups, every path once
    (when the input binds every path once, as the Rust map does), sorted
    by path when the order of names is total.  On failure [i]: the first
    [i] prims apply and prim [i] does not. *)
Lemma del_notin : forall (s : state) p, ~ In p (map fst s) -> del s p = s.
Proof.
  induction s as [|[q e] s IH]; intros p Hn; simpl; [reflexivity|].
  unfold del in *. simpl. rewrite IH by (intro H; apply Hn; right; exact H).
  destruct (path_eqb q p) eqn:E; [|reflexivity].
  exfalso. apply Hn. left. apply path_eqb_eq in E. simpl. congruence.
Qed.

Lemma uniq_id : forall s : state, unique s -> uniq (eqN := EqN) s = s.
Proof.
  induction s as [|[p e] s IH]; intros U; simpl; [reflexivity|].
  inversion U as [|? ? Hn Hs]; subst. rewrite IH by exact Hs. f_equal. apply del_notin. exact Hn.
Qed.

Theorem op1_apply : total_order nleb -> forall (s : state) ps,
  match api_apply EqL EqN LO nleb s ps with
  | Ok s' => exists t, apply_list ps s = Some t /\ Permutation s' (uniq (eqN := EqN) t) /\
      unique s' /\ (forall q, lookup s' q = lookup t q) /\ StronglySorted entry_le s' /\
      (unique s -> Permutation s' t)
  | Fail i => exists u p, apply_list (firstn i ps) s = Some u /\ nth_error ps i = Some p /\ apply p u = None
  end.
Proof.
  intros To s ps. rewrite (api_apply_spec EqL EqN LO nleb s ps To). unfold apply_seq.
  pose proof (apply_seq_from_spec ps 0 s) as H.
  destruct (apply_seq_from 0 ps s) as [t|i] eqn:E.
  - exists t. destruct (sort_state_spec (uniq (eqN := EqN) t)) as (P & U & _ & S2).
    destruct (U (nodup_uniq t)) as [U' L']. split; [exact H|]. split; [exact P|]. split; [exact U'|].
    split; [intros q; rewrite L'; apply lookup_uniq|]. split; [exact (S2 To)|].
    intros Us. rewrite (uniq_id t) in P |- *; [exact P| |]; eapply apply_list_unique; eauto.
  - destruct (apply_seq_from_fail ps 0 s i E) as [_ H']. rewrite Nat.sub_0_r in H'. exact H'.
Qed.

(** When the sequence applies strictly, op 1 answers its result (in output
    order; the Rust side always sends a tree binding each path once). *)
Theorem op1_apply_strict : total_order nleb -> forall (s t : state) ps, unique s -> sapply_list ps s = Some t ->
  exists s', api_apply EqL EqN LO nleb s ps = Ok s' /\ Permutation s' t.
Proof.
  intros To s t ps Us H. rewrite (api_apply_spec EqL EqN LO nleb s ps To). unfold apply_seq.
  pose proof (apply_seq_from_spec ps 0 s) as Hs. rewrite (strict_seq ps 0 s t H) in *.
  exists (sort_state EqN nleb (uniq (eqN := EqN) t)). split; [reflexivity|].
  rewrite (uniq_id t); [apply sort_perm|]. eapply apply_list_unique; eauto.
Qed.

(** Op 2 (invert): the inverse sequence (reversed, each prim inverted, an
    involution); applying it undoes the sequence (strict semantics). *)
Theorem op2_invert : forall ps : list prim,
  api_invert EqL EqN LO nleb ps = rev (map invert ps) /\
  api_invert EqL EqN LO nleb (api_invert EqL EqN LO nleb ps) = ps /\
  (LineLaws L -> forall s t, state_ok s -> sapply_list ps s = Some t ->
     applies_to (api_invert EqL EqN LO nleb ps) t s).
Proof.
  intros ps. unfold api_invert. split; [apply invert_seq_spec|]. split; [apply invert_seq_involutive|].
  intros LL s t Ok H. apply sapply_list_invert; assumption.
Qed.

(** Op 3 (commute, tests): darcs' commutation of two sequences; when the
    pair applies (strictly, no empty hunk) it keeps the effect and
    commutes back. *)
Theorem op3_commute : forall xs ys : list prim,
  api_commute EqL EqN LO nleb xs ys = commute_seq xs ys /\
  (LineLaws L -> forall s t ys' xs',
     state_ok s -> Forall nonempty_hunk xs -> Forall nonempty_hunk ys ->
     sapply_list (xs ++ ys) s = Some t -> api_commute EqL EqN LO nleb xs ys = Some (ys', xs') ->
     applies_to (ys' ++ xs') s t /\ commute_seq ys' xs' = Some (xs, ys)).
Proof.
  intros xs ys. split; [reflexivity|]. intros LL s t ys' xs' Ok Nx Ny H C.
  destruct (commute_seq_laws xs ys s t ys' xs' Ok Nx Ny H C) as (A & _ & _ & B & _). auto.
Qed.

Lemma tree_at_unique : forall (ps : list named) t, tree_at ps = NOk t -> unique t /\ apply_nameds ps [] = Some t.
Proof.
  intros ps t H. pose proof (tree_at_spec ps) as T. rewrite H in T. split; [|exact T].
  apply (apply_nameds_unique ps []); [apply NoDup_nil|exact T].
Qed.

(** Op 4 (tree_at, tests): the tree after the named patches, from the
    empty tree, in output order; on failure, where. *)
Theorem op4_tree_at : total_order nleb -> forall ps : list named,
  match api_tree_at EqL EqN LO nleb ps with
  | NOk s' => exists t, apply_nameds ps [] = Some t /\ Permutation s' t /\ unique s' /\
      (forall q, lookup s' q = lookup t q) /\
      ((forall a b, nleb a b = true \/ nleb b a = true) -> Sorted entry_le s') /\
      (total_order nleb -> StronglySorted entry_le s')
  | NFail i j => named_fail ps i j
  end.
Proof.
  intros To ps. rewrite (api_tree_at_spec EqL EqN LO nleb ps To). destruct (tree_at ps) as [t|i j] eqn:E.
  - destruct (tree_at_unique ps t E) as [U T]. exists t.
    destruct (sort_state_spec t) as (P & Us & S1 & S2). destruct (Us U) as [U' Hl].
    auto 7.
  - apply tree_at_fail. exact E.
Qed.

Lemma children_in : forall (t : state) p x, In x (children t p) <-> exists e, In (p ++ [x], e) t.
Proof.
  induction t as [|[q e] t IH]; intros p x; simpl; [split; [intros []|intros [e []]]|].
  destruct (strip_prefix p q) as [r|] eqn:Sp.
  - apply strip_prefix_some in Sp; subst q. destruct r as [|y [|z r]]; simpl.
    + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
      injection H' as E. rewrite app_nil_r in E. apply (f_equal (@length _)) in E.
      rewrite len_app in E; simpl in E; lia.
    + split.
      * intros [<-|Hx]; [exists e; auto|]. apply IH in Hx as [e' He']. eauto.
      * intros [e' [H'|H']].
        -- injection H' as E _. apply app_inv_head_iff in E. injection E as ->. auto.
        -- right. apply IH. eauto.
    + rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
      injection H' as E. apply app_inv_head_iff in E. discriminate.
  - rewrite IH. split; intros [e' H']; exists e'; [auto|]. destruct H' as [H'|H']; auto.
    injection H' as E. subst q. rewrite strip_prefix_app in Sp. discriminate.
Qed.

Lemma children_nodup : forall (t : state) p, unique t -> NoDup (children t p).
Proof.
  induction t as [|[q e] t IH]; intros p U; simpl; [constructor|].
  inversion U as [|? ? Hq Ut]; subst.
  destruct (strip_prefix p q) as [[|y [|z r]]|] eqn:Sp; try (apply IH; exact Ut).
  constructor; [|apply IH; exact Ut].
  intros Hy. apply children_in in Hy as [e' Hin]. apply strip_prefix_some in Sp. subst q.
  apply Hq. apply in_map_iff. exists (p ++ [y], e'). auto.
Qed.

(** Op 5 (file_at): what a path holds after the named patches: absent,
    the file's pieces, or the directory's entry names (each once, sorted
    when the order of names is total); on failure, where. *)
Theorem op5_file_at : total_order nleb -> forall (ps : list named) p,
  match api_file_at EqL EqN LO nleb ps p with
  | NOk r => exists t, apply_nameds ps [] = Some t /\ unique t /\
      match r with
      | Absent => p <> [] /\ lookup t p = None
      | FoundFile c => p <> [] /\ lookup t p = Some (EFile c)
      | FoundDir ns => (p = [] \/ lookup t p = Some EDir) /\
          (forall x, In x ns <-> exists e, lookup t (p ++ [x]) = Some e) /\ NoDup ns /\
          ((forall a b, nleb a b = true \/ nleb b a = true) -> Sorted (R nleb) ns) /\
          (total_order nleb -> StronglySorted (R nleb) ns)
      end
  | NFail i j => named_fail ps i j
  end.
Proof.
  intros To ps p. rewrite (api_file_at_spec EqL EqN LO nleb ps p To).
  destruct (file_at ps p) as [r|i j] eqn:E.
  - destruct (file_at_spec ps p r E) as (t & T & Hr).
    assert (U : unique t) by (apply (apply_nameds_unique ps []); [apply NoDup_nil|exact T]).
    assert (Hf : exists s, tree_at ps = NOk s) by (unfold file_at in E; destruct (tree_at ps); [eauto|discriminate]).
    destruct r as [|c|ns]; try (exists t; auto; fail).
    exists t. split; [exact T|]. split; [exact U|].
    destruct Hf as [s Hs]. unfold file_at in E. rewrite Hs in E. injection E as E.
    assert (Est : s = t) by (pose proof (tree_at_spec ps) as T'; rewrite Hs in T'; congruence). subst s.
    unfold found_at in E.
    assert (Hns : ns = children t p) by (destruct p; [congruence|destruct (lookup t _) as [[|]|]; congruence]).
    destruct Hr as [Hd Hin]. split; [exact Hd|]. split; [|split; [|split]].
    + intros x. split.
      * intros Hx. apply (Permutation_in _ (sort_perm nleb ns)) in Hx. apply Hin in Hx as [e He].
        exists e. apply unique_lookup; auto.
      * intros [e He]. apply (Permutation_in _ (Permutation_sym (sort_perm nleb ns))).
        apply Hin. exists e. apply lookup_in. exact He.
    + apply (Permutation_NoDup (Permutation_sym (sort_perm nleb ns))). rewrite Hns. apply children_nodup. exact U.
    + intros Ht. apply sort_sorted. exact Ht.
    + intros (Ht & Htr & _). apply sort_strongly_sorted; assumption.
  - unfold file_at in E. destruct (tree_at ps) as [t|i' j'] eqn:Et; [discriminate|]. injection E as <- <-.
    apply tree_at_fail. exact Et.
Qed.

(** Op 6 (annotate): the lines of the file at the end (darcs'
    [breakLines]) with one index each; when the history applies strictly,
    each index is exactly the tag of the forward replay of [AnnotateSpec]
    (the patch that wrote the line, or unknown) — in words,
    [AnnotateSpec.annotate_attribution]. *)
Theorem op6_annotate : forall (ps : list named) p,
  match api_annotate EqL EqN LO nleb ps p with
  | NOk (Some (idx, ls)) => exists t c, apply_nameds ps [] = Some t /\ lookup t p = Some (EFile c) /\
      ls = break_lines c /\ length idx = length ls /\
      (LineLaws L -> forall t', sapply_list (concat (map fst ps)) [] = Some t' ->
         exists ts tc, tapply_all 0 ps [] = Some ts /\ lookup ts p = Some (EFile tc) /\
           map snd tc = c /\ idx = firstn (length ls) (map fst tc))
  | NOk None => exists t, apply_nameds ps [] = Some t /\ forall c, lookup t p <> Some (EFile c)
  | NFail i j => named_fail ps i j
  end.
Proof.
  intros ps p. rewrite api_annotate_spec.
  destruct (annotate ps p) as [[[idx ls]|]|i j] eqn:E.
  - destruct (annotate_spec ps p idx ls E) as (t & c & T & Hc & Hls & Hl & _).
    exists t, c. split; [exact T|]. split; [exact Hc|]. split; [exact Hls|]. split; [exact Hl|].
    intros LL t' H'.
    assert (Et : t' = t).
    { pose proof (strict_named ps 0 [] t' H') as Hn. pose proof (tree_at_spec ps) as T'.
      unfold tree_at, apply_named in T'. rewrite Hn in T'. congruence. }
    subst t'. destruct (annotate_tags ps p t c H' Hc) as (ts & tc & Hts & Htc & Hsnd & Ha).
    rewrite E in Ha. injection Ha as -> ->. exists ts, tc. auto.
  - unfold annotate in E. pose proof (tree_at_spec ps) as T.
    destruct (tree_at ps) as [t|]; [|discriminate]. exists t. split; [exact T|].
    intros c Hc. rewrite Hc in E. discriminate.
  - unfold annotate in E. destruct (tree_at ps) as [t|i' j'] eqn:Et; [discriminate|]. injection E as <- <-.
    apply tree_at_fail. exact Et.
Qed.

(** Op 7 (dependencies): the graph of [DependSpec]: one ascending list of
    earlier patches per patch, a transitive reduction; each direct
    dependency [j] of [k] is blocked ([commute_fl] fails: an explicit
    dependency or effects that do not commute, [commute_fl_none]) past [k]
    and what [k] reaches above [j]; [k] and what it reaches, then the rest,
    is a reordering by darcs' steps; both arrangements give the tree of
    patches [0..k] whenever those apply (strictly, no empty hunk).  The
    closure of the returned graph is the walk's [d_all]
    ([DependSpec.dependencies_closure]). *)
Theorem op7_dependencies : LineLaws L -> forall ps : list named,
  let G := api_dependencies EqL EqN LO nleb ps in
  length G = length ps /\
  forall k, k < length ps ->
  StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
  (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
  (forall j, In j (nth k G []) -> exists pj pd nd, nth_error ps j = Some pj /\ commute_fl (j, pj) pd = None /\
     (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
     (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x) /\
     (forall t, applies_upto ps k t -> applies_eff (index_from 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) [] t)) /\
  (exists pd nd, (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
     (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x) /\
     (forall t, applies_upto ps k t -> applies_eff (pd ++ nd) [] t)).
Proof.
  intros LL ps G. unfold G, api_dependencies. rewrite dependencies_pruned_eq. split; [apply dependencies_length|]. intros k Hk.
  destruct (dependencies_sorted ps k) as [S1 S2]. split; [exact S1|]. split; [exact S2|].
  split; [apply dependencies_reduction|]. split.
  - intros j Hj. destruct (dependencies_blocked ps k j Hj) as (pj & pd & nd & A1 & A2 & A3 & A4 & _ & A6).
    exists pj, pd, nd. auto.
  - destruct (dependencies_reorder ps k Hk) as (pd & nd & A1 & A2 & _ & A4). exists pd, nd. auto.
Qed.

(** Op 8 (commute_named, tests): [p] (index 0) then [q] (index 1) commute
    as their effects do unless one explicitly depends on the other; then
    the effect is kept (strict, no empty hunk). *)
Theorem op8_commute_named : forall p q : named,
  api_commute_named EqL EqN LO nleb p q = commute_named p q /\
  (LineLaws L -> forall s t q' p',
     state_ok s -> Forall nonempty_hunk (fst p) -> Forall nonempty_hunk (fst q) ->
     sapply_list (fst p ++ fst q) s = Some t -> api_commute_named EqL EqN LO nleb p q = Some (q', p') ->
     ~ In 0 (snd q) /\ ~ In 1 (snd p) /\ applies_to (q' ++ p') s t).
Proof.
  intros [pe pd] [qe qd]. split; [reflexivity|]. intros LL s t q' p' Ok Np Nq H C.
  unfold api_commute_named, commute_named, commute_inamed in C. cbv beta iota zeta in C. cbn [fst snd] in *.
  destruct (existsb (Nat.eqb 0) qd || existsb (Nat.eqb 1) pd) eqn:X; [discriminate|].
  apply orb_false_iff in X as [X1 X2].
  destruct (commute_seq pe qe) as [[qe' pe']|] eqn:Cs; [|discriminate]. injection C as <- <-.
  split.
  { intro Hin. assert (existsb (Nat.eqb 0) qd = true) by (apply existsb_exists; exists 0; split; [exact Hin|apply Nat.eqb_refl]).
    congruence. }
  split.
  { intro Hin. assert (existsb (Nat.eqb 1) pd = true) by (apply existsb_exists; exists 1; split; [exact Hin|apply Nat.eqb_refl]).
    congruence. }
  exact (commute_seq_effect pe qe s t qe' pe' Ok Np Nq H Cs).
Qed.

(** Op 10 (dependencies3, darcs-3 with conflicts): the graph has the shape
    of op 7 (ascending, transitively reduced, each direct dependency
    blocked by darcs-3's commute, the rest reordered by it); on a history
    without conflictors it is op 7's answer.  The darcs-3 commute keeps
    the effect ([Conflict3Laws.commute_nc_effect], [commute3_effect]). *)
Theorem op10_dependencies3 :
  (forall ps G, api_dependencies3 EqL EqN LO nleb ps = Yes G ->
     length G = length ps /\
     forall k, k < length ps ->
     StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
     (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
     (forall j, In j (nth k G []) -> exists pj pd nd,
        nth_error ps j = Some pj /\ commute3_fl (j, pj) pd = None /\
        reorder cfl3 (ixd 0 (firstn (S k) ps)) (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
        (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
        (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
     (exists pd nd, reorder cfl3 (ixd 0 (firstn (S k) ps)) (pd ++ nd) /\
        (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
        (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x))) /\
  (forall z (ps : list named),
     api_dependencies3 EqL EqN LO nleb (map (emb3 z) ps) = Yes (api_dependencies EqL EqN LO nleb ps)).
Proof.
  split; [intros ps G H; exact (dependencies3_spec ps G H)|].
  intros z ps. unfold api_dependencies. rewrite dependencies_pruned_eq. apply dependencies3_conservative.
Qed.

(** Op 11 (dependencies2, darcs-2 with conflicts): the same with darcs-2's
    commute; on a history without conflictors or duplicates it is op 7's
    answer.  darcs-2's [commuteNoConflicts] keeps the effect
    ([Conflict2Laws.cnc_core_effect]); its [commuteConflicting] has no
    effect proof (README, "Not proved"). *)
Theorem op11_dependencies2 :
  (forall ps G, api_dependencies2 EqL EqN LO nleb ps = Yes G ->
     length G = length ps /\
     forall k, k < length ps ->
     StronglySorted lt (nth k G []) /\ (forall x, In x (nth k G []) -> x < k) /\
     (forall d1 d2, In d1 (nth k G []) -> In d2 (nth k G []) -> ~ reach G d2 d1) /\
     (forall j, In j (nth k G []) -> exists pj pd nd,
        nth_error ps j = Some pj /\ commute2_fl (@level L N _ _ _ depth) (j, pj) pd = No /\
        reorder (commute2_fl (@level L N _ _ _ depth)) (ixd 0 (firstn (S k) ps)) (ixd 0 (firstn j ps) ++ (j, pj) :: pd ++ nd) /\
        (forall x, In x (map fst pd) <-> x = k \/ (reach G k x /\ j < x)) /\
        (forall x, In x (map fst nd) <-> j < x < k /\ ~ reach G k x)) /\
     (exists pd nd, reorder (commute2_fl (@level L N _ _ _ depth)) (ixd 0 (firstn (S k) ps)) (pd ++ nd) /\
        (forall x, In x (map fst pd) <-> x = k \/ reach G k x) /\
        (forall x, In x (map fst nd) <-> x < k /\ ~ reach G k x))) /\
  (forall ps : list named,
     api_dependencies2 EqL EqN LO nleb (map emb2 ps) = Yes (api_dependencies EqL EqN LO nleb ps)).
Proof.
  split; [intros ps G H; exact (dependencies2_spec ps G H)|].
  intros ps. unfold api_dependencies. rewrite dependencies_pruned_eq. apply dependencies2_conservative.
Qed.

(** Op 12 (touched): each patch's summary lists only paths it touches and
    covers every path it touches (what the pruned ops need of a summary). *)
Theorem op12_touched : forall ps : list named,
  Forall2 (fun p sm => incl sm (touched_named p) /\ covers sm (touched_named p))
    ps (api_touched EqL EqN LO nleb ps).
Proof.
  induction ps as [|p ps IH]; simpl; constructor; [apply summarize_spec|exact IH].
Qed.

(** Op 17 (touched_prims): for each patch, each prim's touched paths. *)
Theorem op17_touched_prims : forall ps : list named,
  api_touched_prims EqL EqN LO nleb ps = map (fun p => map touched_prim (fst p)) ps.
Proof. reflexivity. Qed.

(** Op 13 (deps_of): when the full entries are the real earlier patches with
    their real dependency sets and every summary covers its patch's touched
    paths ([entries_ok]), the answer is darcs' walk for this patch
    ([Depend.deps_of]) on the real history: its direct and all dependencies. *)
Theorem op13_deps_of : forall (p : named) es rs dir all,
  entries_ok 0 es rs ->
  api_deps_of EqL EqN LO nleb p es = PDone (dir, all) ->
  dir = d_direct (deps_of (length es) p (rhist_of 0 rs [])) /\
  all = d_all (deps_of (length es) p (rhist_of 0 rs [])).
Proof. intros p es rs dir all. apply deps_prune_exact. Qed.

(** Op 18 (deps_range): given the patches before the stretch with the
    dependency sets darcs' walk computes for them, the answer is, for each
    patch of the stretch, the direct and all dependencies darcs' walk
    computes on the whole history. *)
Theorem op18_deps_range : forall (pre : list (named * list nat)) (ps : list named),
  map snd pre = map d_all (deps_states_from 0 (map fst pre) []) ->
  api_deps_range EqL EqN LO nleb pre ps =
    map (fun st => (d_direct st, d_all st))
        (skipn (length pre) (deps_states_from 0 (map fst pre ++ ps) [])).
Proof. intros pre ps. apply deps_range_exact. Qed.

(** Op 14 (file_at_pruned): from entries standing for the real history
    (full, or a summary or runs covering what they touch), when the real
    history gives a file or directory at the path, op 14 gives the same
    (a directory: the same names). *)
Theorem op14_file_at_pruned : forall es (ps : list named) p f r,
  Forall2 fentry_ok es ps -> file_at ps p = NOk f ->
  api_file_at_pruned EqL EqN LO nleb es p = PDone r ->
  exists f', r = NOk f' /\ same_found f f'.
Proof.
  intros es ps p f r Hok Hf Hr. unfold api_file_at_pruned in Hr.
  destruct (file_at_pruned es p) as [[[|c|xs]|i j]|k] eqn:E; try discriminate;
    injection Hr as <-; try exact (file_at_pruned_exact es ps p f _ Hok Hf E).
  destruct (file_at_pruned_exact es ps p f _ Hok Hf E) as (f' & Hf' & Hs).
  injection Hf' as <-. exists (FoundDir (sort nleb xs)). split; [reflexivity|].
  destruct f; simpl in Hs |- *; try discriminate.
  intro x. rewrite Hs. split; intro H.
  - eapply Permutation_in; [apply Permutation_sym, sort_perm|exact H].
  - eapply Permutation_in; [apply sort_perm|exact H].
Qed.

(** Op 15 (annotate_pruned): under the same hypotheses, when the real
    history annotates the path, op 15 answers exactly [Depend.annotate]. *)
Theorem op15_annotate_pruned : forall es (ps : list named) p v r,
  Forall2 fentry_ok es ps -> annotate ps p = NOk v ->
  api_annotate_pruned EqL EqN LO nleb es p = PDone r -> r = NOk v.
Proof. intros es ps p v r. apply annotate_pruned_exact. Qed.

End Spec.

(** ** Op 9: URL path validation *)

Lemma split_slash_app : forall c s, ~ In x2f c -> split_slash (c ++ x2f :: s) = c :: split_slash s.
Proof.
  induction c as [|b c IH]; intros s Hc; simpl; [reflexivity|].
  rewrite IH by (intro H; apply Hc; right; exact H).
  destruct (url_byte_eqb b x2f) eqn:E; [|reflexivity].
  apply url_byte_eqb_eq in E. subst. exfalso. apply Hc. left. reflexivity.
Qed.

Lemma split_slash_single : forall c, ~ In x2f c -> split_slash c = [c].
Proof.
  induction c as [|b c IH]; intros Hc; simpl; [reflexivity|].
  rewrite IH by (intro H; apply Hc; right; exact H).
  destruct (url_byte_eqb b x2f) eqn:E; [|reflexivity].
  apply url_byte_eqb_eq in E. subst. exfalso. apply Hc. left. reflexivity.
Qed.

Lemma split_join : forall cs, cs <> [] -> (forall c, In c cs -> ~ In x2f c) -> split_slash (join_slash cs) = cs.
Proof.
  induction cs as [|c [|c' cs] IH]; intros Hn Hs; [congruence| |].
  - simpl. apply split_slash_single. apply Hs. left. reflexivity.
  - change (join_slash (c :: c' :: cs)) with (c ++ x2f :: join_slash (c' :: cs)).
    rewrite split_slash_app by (apply Hs; left; reflexivity).
    rewrite IH; [reflexivity|discriminate|]. intros d Hd. apply Hs. right. exact Hd.
Qed.

(** Op 9 (validate_path): an accepted path is the input split at '/',
    every component good (no empty, [.], [..], [_darcs], NUL); an absolute
    path is refused; and every non-empty list of good components, joined
    with '/' within the length bound, is accepted as exactly that list. *)
Theorem op9_validate_path :
  (forall s cs, validate s = Accept cs ->
     join_slash cs = s /\ (forall c, In c cs -> good_component c) /\ length s <= max_len) /\
  (forall s cs, validate (x2f :: s) <> Accept cs) /\
  (forall cs, cs <> [] -> (forall c, In c cs -> good_component c) -> length (join_slash cs) <= max_len ->
     validate (join_slash cs) = Accept cs).
Proof.
  split; [exact validate_sound|]. split; [intros s cs H; exact (proj2 (validate_absolute s) cs H)|].
  intros cs Hn Hg Hl.
  assert (Hs : forall c, In c cs -> ~ In x2f c) by (intros c Hc; apply Hg; exact Hc).
  unfold validate. destruct (Nat.ltb_spec max_len (length (join_slash cs))) as [H|_]; [lia|].
  destruct cs as [|c cs]; [congruence|].
  assert (Hc : good_component c) by (apply Hg; left; reflexivity).
  destruct Hc as (Hc1 & _ & _ & _ & _ & Hc6).
  destruct c as [|b c]; [congruence|].
  assert (Hjoin : exists r, join_slash ((b :: c) :: cs) = b :: r).
  { destruct cs; simpl; eauto. }
  destruct Hjoin as [r Hr]. rewrite Hr. rewrite <- Hr.
  replace (url_byte_eqb b x2f) with false.
  2: { symmetry. destruct (url_byte_eqb b x2f) eqn:E; [|reflexivity]. apply url_byte_eqb_eq in E. subst.
       exfalso. apply Hc6. left. reflexivity. }
  rewrite split_join; [|discriminate|exact Hs].
  replace (first_refusal ((b :: c) :: cs)) with (@None refusal); [reflexivity|].
  symmetry. apply first_refusal_none; [exact Hs|exact Hg].
Qed.
