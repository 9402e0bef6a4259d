(** * Trie: repository states as trees of names, for fast application.

    The list model of [Prim.v] ([state], an association list) is the
    specification; this file gives an efficient representation of the same
    thing and proves that its operations compute what the list operations
    compute.

    A [trie] node holds what its path is bound to ([here], possibly nothing)
    and its children, a list of (name, subtree).  Any state is representable
    (even one where a file has something below it, or a path has no parent
    directory: the list model allows them and so does the trie).  Operations
    walk down the path, so they cost O(depth x sibling count) instead of
    O(size of the whole state):

    - [tsub t p]: the subtree at [p] (the empty node [tnil] if there is none);
      [tlookup t p] is what [p] is bound to;
    - [tmodify p g t]: replace the subtree at [p] by [g] of it; [tset], [tdel]
      and [tmove] are made of it.  Empty nodes are pruned on the way back up,
      so that the emptiness tests [tfresh] and [tno_children] stop at once;
    - [tview t p]: in one walk down, whether the parent of [p] is a
      directory and the subtree at [p] (all the checks of a prim);
    - [flatten t]: the state the trie stands for; [of_state s]: a trie for
      [s]; [of_state_sorted]: the same in one pass when [s] is sorted.

    The invariant [wf] says that siblings have distinct names.  Under it,
    [tlookup t] is [lookup (flatten t)], [flatten t] binds every path at most
    once, and each operation is its list counterpart ([trel_set], [trel_del],
    [trel_move], [trel_fresh], ...). *)

From Coq Require Import List Bool Arith Lia Sorting.Sorted.
From DarcsWeb Require Import Prim Apply.
Import ListNotations.

Section Trie.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N}.

Notation path := (path N).
Notation state := (state L N).
Notation entry := (entry L).

Inductive trie := TNode (here : option entry) (kids : list (N * trie)).

Definition tnil : trie := TNode None [].

Definition here (t : trie) : option entry := let 'TNode h _ := t in h.
Definition kids (t : trie) : list (N * trie) := let 'TNode _ ks := t in ks.

Definition is_tnil (t : trie) : bool :=
  match t with TNode None [] => true | _ => false end.

(** ** Looking up *)

(** The first child named [x]. *)
Fixpoint kid_find (x : N) (ks : list (N * trie)) : option trie :=
  match ks with
  | [] => None
  | (y, u) :: ks' => if eq_dec x y then Some u else kid_find x ks'
  end.

Definition kid (x : N) (ks : list (N * trie)) : trie :=
  match kid_find x ks with Some u => u | None => tnil end.

(** The subtree at [p]. *)
Fixpoint tsub (t : trie) (p : path) : trie :=
  match p with
  | [] => t
  | x :: p' => tsub (kid x (kids t)) p'
  end.

Definition tlookup (t : trie) (p : path) : option entry := here (tsub t p).

(** ** Changing the subtree at a path *)

(** Replace the first child named [x] by [g] of it; a result that is
    [tnil] is dropped. *)
Fixpoint kid_replace (x : N) (g : trie -> trie) (ks : list (N * trie)) : list (N * trie) :=
  match ks with
  | [] => []
  | (y, u) :: ks' =>
      if eq_dec x y then (let v := g u in if is_tnil v then ks' else (y, v) :: ks')
      else (y, u) :: kid_replace x g ks'
  end.

(** The child [x] replaced by [g] of it.  A missing child is [tnil]; a new
    child goes in front (the list is not copied). *)
Definition kid_update (x : N) (g : trie -> trie) (ks : list (N * trie)) : list (N * trie) :=
  match kid_find x ks with
  | Some _ => kid_replace x g ks
  | None => let v := g tnil in if is_tnil v then ks else (x, v) :: ks
  end.

(** [tmodify p g t]: the subtree at [p] replaced by [g] of it. *)
Fixpoint tmodify (p : path) (g : trie -> trie) (t : trie) : trie :=
  match p with
  | [] => g t
  | x :: p' => TNode (here t) (kid_update x (tmodify p' g) (kids t))
  end.

Definition tset (t : trie) (p : path) (e : entry) : trie :=
  tmodify p (fun u => TNode (Some e) (kids u)) t.

Definition tdel (t : trie) (p : path) : trie :=
  tmodify p (fun u => TNode None (kids u)) t.

(** Move everything at and below [f] to below [d]. *)
Definition tmove (f d : path) (t : trie) : trie :=
  let sub := tsub t f in
  tmodify d (fun _ => sub) (tmodify f (fun _ => tnil) t).

(** ** Emptiness *)

(** No binding anywhere in [t]. *)
Fixpoint tempty (t : trie) : bool :=
  match t with
  | TNode (Some _) _ => false
  | TNode None ks =>
      (fix go (ks : list (N * trie)) : bool :=
         match ks with [] => true | (_, u) :: ks' => tempty u && go ks' end) ks
  end.

Fixpoint kids_empty (ks : list (N * trie)) : bool :=
  match ks with [] => true | (_, u) :: ks' => tempty u && kids_empty ks' end.

(** Nothing at or below [p] (the list model's [fresh]). *)
Definition tfresh (t : trie) (p : path) : bool := tempty (tsub t p).

(** Nothing strictly below [p] (the list model's [no_children]). *)
Definition tno_children (t : trie) (p : path) : bool := kids_empty (kids (tsub t p)).

Definition tis_dir (t : trie) (p : path) : bool :=
  match p with
  | [] => true
  | _ => match tlookup t p with Some EDir => true | _ => false end
  end.

(** One walk down for the checks of a prim on [x :: p]: the node at its
    parent and its last name ([tparent]); then whether the parent is a
    directory and the node at the path itself ([tview]). *)
Fixpoint tparent (t : trie) (x : N) (p : path) : trie * N :=
  match p with
  | [] => (t, x)
  | y :: p' => tparent (kid x (kids t)) y p'
  end.

Definition tview (t : trie) (f : path) : bool * trie :=
  match f with
  | [] => (false, t)
  | x :: p =>
      let '(P, y) := tparent t x p in
      (match p with [] => true | _ => match here P with Some EDir => true | _ => false end end,
       kid y (kids P))
  end.

(** The names of the children of [p] that are bound (the list model's
    [Depend.children]). *)
Fixpoint kid_names (ks : list (N * trie)) : list N :=
  match ks with
  | [] => []
  | (x, u) :: ks' => match here u with Some _ => x :: kid_names ks' | None => kid_names ks' end
  end.

Definition tchildren (t : trie) (p : path) : list N := kid_names (kids (tsub t p)).

(** ** From and to association lists *)

(** The bindings of [t], each path prefixed by [rev rp], in front of [acc]
    (an accumulator: no quadratic appends).  The children come in the
    reverse order of the list: [of_state_sorted] keeps them in decreasing
    order, so a trie built from a sorted list flattens to a sorted list. *)
Fixpoint flat (rp : list N) (t : trie) (acc : state) {struct t} : state :=
  match t with
  | TNode h ks =>
      let rest :=
        (fix go (acc : state) (ks : list (N * trie)) : state :=
           match ks with
           | [] => acc
           | (x, u) :: ks' => go (flat (x :: rp) u acc) ks'
           end) acc ks in
      match h with
      | Some e => (rev_append rp [], e) :: rest
      | None => rest
      end
  end.

Definition flatten (t : trie) : state := flat [] t [].

(** A trie for [s]: the first binding of a path is the one that counts, so
    it is set last. *)
Definition of_state (s : state) : trie :=
  fold_right (fun pe t => tset t (fst pe) (snd pe)) tnil s.

(** ** Well-formedness: siblings have distinct names *)

Inductive wf : trie -> Prop :=
| wf_node : forall h ks,
    NoDup (map fst ks) -> (forall x u, In (x, u) ks -> wf u) -> wf (TNode h ks).

(** The trie stands for the state [s]. *)
Definition trel (t : trie) (s : state) : Prop := wf t /\ forall q, tlookup t q = lookup s q.

(** Induction over tries, with a hypothesis for every child. *)
Fixpoint trie_ind' (P : trie -> Prop)
  (H : forall h ks, (forall x u, In (x, u) ks -> P u) -> P (TNode h ks)) (t : trie) : P t :=
  match t with
  | TNode h ks =>
      H h ks ((fix go (ks : list (N * trie)) : forall x u, In (x, u) ks -> P u :=
                 match ks with
                 | [] => fun x u Hin => False_ind _ Hin
                 | (y, v) :: ks' => fun x u Hin =>
                     match Hin with
                     | or_introl E => match E in _ = p return P (snd p) with
                                      | eq_refl => trie_ind' P H v
                                      end
                     | or_intror Hin' => go ks' x u Hin'
                     end
                 end) ks)
  end.

(** ** Basic facts *)

Lemma tsub_app : forall p q t, tsub t (p ++ q) = tsub (tsub t p) q.
Proof. induction p as [|x p IH]; intros q t; simpl; auto. Qed.

Lemma tsub_tnil : forall p, tsub tnil p = tnil.
Proof. induction p as [|x p IH]; simpl; auto. Qed.

Lemma tlookup_tnil : forall p, tlookup tnil p = None.
Proof. intros p. unfold tlookup. rewrite tsub_tnil. reflexivity. Qed.

Lemma tlookup_cons : forall t x p, tlookup t (x :: p) = tlookup (kid x (kids t)) p.
Proof. reflexivity. Qed.

Lemma tlookup_app : forall t p q, tlookup t (p ++ q) = tlookup (tsub t p) q.
Proof. intros. unfold tlookup. rewrite tsub_app. reflexivity. Qed.

Lemma is_tnil_true : forall t, is_tnil t = true -> t = tnil.
Proof. intros [[e|] [|k ks]]; simpl; intros H; try reflexivity; discriminate. Qed.

Lemma wf_tnil : wf tnil.
Proof. constructor; simpl; [constructor|intros _ _ []]. Qed.

Lemma wf_kids : forall t x u, wf t -> In (x, u) (kids t) -> wf u.
Proof. intros t x u Hw Hin. inversion Hw as [h ks Hnd Hk E]; subst t. simpl in Hin. eauto. Qed.

Lemma wf_nodup : forall t, wf t -> NoDup (map fst (kids t)).
Proof. intros t Hw. inversion Hw; subst; simpl; auto. Qed.

Lemma kid_find_in : forall x ks u, kid_find x ks = Some u -> In (x, u) ks.
Proof.
  induction ks as [|[y v] ks IH]; intros u H; simpl in H; [discriminate|].
  destruct (eq_dec x y) as [->|Hn]; [injection H as <-; left; auto|right; auto].
Qed.

Lemma kid_find_none : forall x ks, ~ In x (map fst ks) -> kid_find x ks = None.
Proof.
  induction ks as [|[y v] ks IH]; intros Hn; simpl; auto.
  destruct (eq_dec x y) as [->|Hxy]; [exfalso; apply Hn; left; auto|].
  apply IH. intro; apply Hn; right; auto.
Qed.

(** With distinct names, the child named [x] is the one in the list. *)
Lemma kid_find_nodup : forall x u ks, NoDup (map fst ks) -> In (x, u) ks -> kid_find x ks = Some u.
Proof.
  induction ks as [|[y v] ks IH]; intros Hnd Hin; simpl in *; [contradiction|].
  inversion Hnd as [|a b Hy Hnd']; subst.
  destruct (eq_dec x y) as [->|Hxy].
  - destruct Hin as [Hin|Hin]; [congruence|].
    exfalso. apply Hy. apply (in_map fst) in Hin. exact Hin.
  - destruct Hin as [Hin|Hin]; [congruence|auto].
Qed.

Lemma wf_kid : forall t x, wf t -> wf (kid x (kids t)).
Proof.
  intros t x Hw. unfold kid. destruct (kid_find x (kids t)) as [u|] eqn:E; [|apply wf_tnil].
  apply kid_find_in in E. eapply wf_kids; eauto.
Qed.

Lemma wf_tsub : forall p t, wf t -> wf (tsub t p).
Proof. induction p as [|x p IH]; intros t Hw; simpl; auto. apply IH, wf_kid; auto. Qed.

(** ** [tmodify] *)

Lemma kid_replace_other : forall x y g ks, x <> y ->
  kid_find y (kid_replace x g ks) = kid_find y ks.
Proof.
  induction ks as [|[z u] ks IH]; intros Hxy; simpl; auto.
  destruct (eq_dec x z) as [->|Hxz].
  - destruct (is_tnil (g u)); simpl; destruct (eq_dec y z); congruence.
  - simpl. destruct (eq_dec y z); auto.
Qed.

Lemma kid_find_update_other : forall x y g ks, x <> y ->
  kid_find y (kid_update x g ks) = kid_find y ks.
Proof.
  intros x y g ks Hxy. unfold kid_update.
  destruct (kid_find x ks); [apply kid_replace_other; auto|].
  destruct (is_tnil (g tnil)); simpl; auto. destruct (eq_dec y x); congruence.
Qed.

Lemma kid_find_not_in : forall x ks, kid_find x ks = None -> ~ In x (map fst ks).
Proof.
  induction ks as [|[y u] ks IH]; intros H Hin; simpl in *; auto.
  destruct (eq_dec x y) as [->|Hxy]; [discriminate|].
  destruct Hin as [->|Hin]; [congruence|]. apply IH; auto.
Qed.

Lemma kid_replace_same : forall x g ks u, NoDup (map fst ks) -> kid_find x ks = Some u ->
  kid x (kid_replace x g ks) = g u.
Proof.
  induction ks as [|[z w] ks IH]; intros u Hnd F; simpl in F; [discriminate|].
  inversion Hnd as [|a b Hz Hnd']; subst. simpl.
  destruct (eq_dec x z) as [<-|Hxz].
  - injection F as <-. destruct (is_tnil (g w)) eqn:E.
    + unfold kid. rewrite kid_find_none by auto. symmetry; apply is_tnil_true; auto.
    + unfold kid; simpl. destruct (eq_dec x x); congruence.
  - unfold kid at 1; simpl. destruct (eq_dec x z); [congruence|]. apply IH; auto.
Qed.

Lemma kid_update_same : forall x g ks, NoDup (map fst ks) ->
  kid x (kid_update x g ks) = g (kid x ks).
Proof.
  intros x g ks Hnd. unfold kid_update. unfold kid at 2.
  destruct (kid_find x ks) as [u|] eqn:F.
  - apply kid_replace_same; auto.
  - destruct (is_tnil (g tnil)) eqn:E.
    + unfold kid. rewrite F. symmetry; apply is_tnil_true; auto.
    + unfold kid; simpl. destruct (eq_dec x x); congruence.
Qed.

Lemma kid_update_other : forall x y g ks, x <> y ->
  kid y (kid_update x g ks) = kid y ks.
Proof. intros. unfold kid. rewrite kid_find_update_other; auto. Qed.

Lemma kid_replace_names : forall x g ks y,
  In y (map fst (kid_replace x g ks)) -> In y (map fst ks).
Proof.
  induction ks as [|[z u] ks IH]; intros y Hin; simpl in *; auto.
  destruct (eq_dec x z) as [->|Hxz].
  - destruct (is_tnil (g u)); simpl in Hin; tauto.
  - simpl in Hin. destruct Hin as [->|Hin]; auto.
Qed.

Lemma kid_update_names : forall x g ks y,
  In y (map fst (kid_update x g ks)) -> In y (map fst ks) \/ y = x.
Proof.
  intros x g ks y Hin. unfold kid_update in Hin.
  destruct (kid_find x ks); [left; eapply kid_replace_names; eauto|].
  destruct (is_tnil (g tnil)); simpl in Hin; [auto|]. destruct Hin as [->|Hin]; auto.
Qed.

Lemma kid_replace_nodup : forall x g ks, NoDup (map fst ks) -> NoDup (map fst (kid_replace x g ks)).
Proof.
  induction ks as [|[z u] ks IH]; intros Hnd; simpl; [constructor|].
  inversion Hnd as [|a b Hz Hnd']; subst.
  destruct (eq_dec x z) as [->|Hxz].
  - destruct (is_tnil (g u)); simpl; [auto|constructor; auto].
  - simpl. constructor; auto. intro Hin. apply kid_replace_names in Hin; auto.
Qed.

Lemma kid_update_nodup : forall x g ks, NoDup (map fst ks) -> NoDup (map fst (kid_update x g ks)).
Proof.
  intros x g ks Hnd. unfold kid_update.
  destruct (kid_find x ks) eqn:F; [apply kid_replace_nodup; auto|].
  destruct (is_tnil (g tnil)); simpl; auto. constructor; auto. apply kid_find_not_in; auto.
Qed.

Lemma kid_replace_in : forall x g ks y v, In (y, v) (kid_replace x g ks) ->
  In (y, v) ks \/ exists u, In (x, u) ks /\ v = g u.
Proof.
  induction ks as [|[z u] ks IH]; intros y v Hin; simpl in *; [contradiction|].
  destruct (eq_dec x z) as [->|Hxz].
  - destruct (is_tnil (g u)); simpl in Hin; [auto|].
    destruct Hin as [Hin|Hin]; [injection Hin as _ <-; right; exists u; auto|auto].
  - simpl in Hin. destruct Hin as [Hin|Hin]; [auto|].
    destruct (IH y v Hin) as [H|[u' [H1 H2]]]; auto. right; exists u'; auto.
Qed.

Lemma kid_update_in : forall x g ks y v, In (y, v) (kid_update x g ks) ->
  In (y, v) ks \/ v = g tnil \/ exists u, In (x, u) ks /\ v = g u.
Proof.
  intros x g ks y v Hin. unfold kid_update in Hin.
  destruct (kid_find x ks).
  - destruct (kid_replace_in x g ks y v Hin); auto.
  - destruct (is_tnil (g tnil)); simpl in Hin; auto.
    destruct Hin as [Hin|Hin]; [injection Hin as _ <-; auto|auto].
Qed.

Lemma tmodify_cons : forall x p g t,
  tmodify (x :: p) g t = TNode (here t) (kid_update x (tmodify p g) (kids t)).
Proof. reflexivity. Qed.

Lemma wf_tmodify : forall p g t, wf t -> (forall u, wf u -> wf (g u)) -> wf (tmodify p g t).
Proof.
  induction p as [|x p IH]; intros g t Hw Hg; [simpl; auto|].
  rewrite tmodify_cons. constructor.
  - apply kid_update_nodup, wf_nodup; auto.
  - intros y v Hin. apply kid_update_in in Hin as [H|[H|[u [H1 H2]]]].
    + eapply wf_kids; eauto.
    + subst v. apply IH; auto using wf_tnil.
    + subst v. apply IH; auto. eapply wf_kids; eauto.
Qed.

(** What the paths are bound to after [tmodify p g]. *)
Lemma tlookup_tmodify : forall p g t q, wf t ->
  tlookup (tmodify p g t) q =
  match strip_prefix p q with
  | Some r => tlookup (g (tsub t p)) r
  | None => tlookup t q
  end.
Proof.
  induction p as [|x p IH]; intros g t q Hw; [simpl; auto|].
  rewrite tmodify_cons. simpl strip_prefix.
  destruct q as [|y q]; [reflexivity|].
  rewrite tlookup_cons. simpl kids.
  destruct (eq_dec x y) as [<-|Hxy].
  - rewrite kid_update_same by (apply wf_nodup; auto).
    rewrite IH by (apply wf_kid; auto). reflexivity.
  - rewrite kid_update_other by auto. reflexivity.
Qed.

(** ** [tset], [tdel], [tmove] look up as their list counterparts *)

Lemma wf_tset : forall t p e, wf t -> wf (tset t p e).
Proof.
  intros t p e Hw. apply wf_tmodify; auto.
  intros u Hu. inversion Hu; subst; simpl. constructor; auto.
Qed.

Lemma wf_tdel : forall t p, wf t -> wf (tdel t p).
Proof.
  intros t p Hw. apply wf_tmodify; auto.
  intros u Hu. inversion Hu; subst; simpl. constructor; auto.
Qed.

Lemma wf_tmove : forall f d t, wf t -> wf (tmove f d t).
Proof.
  intros f d t Hw. unfold tmove. apply wf_tmodify; [apply wf_tmodify; auto using wf_tnil|].
  intros _ _. apply wf_tsub; auto.
Qed.

(** The node's own binding replaced, its children kept. *)
Lemma tlookup_here : forall o u r,
  tlookup (TNode o (kids u)) r = match r with [] => o | _ => tlookup u r end.
Proof. intros o [h ks] [|y r]; reflexivity. Qed.

Lemma tlookup_tset : forall t p e q, wf t ->
  tlookup (tset t p e) q = if path_eqb p q then Some e else tlookup t q.
Proof.
  intros t p e q Hw. unfold tset. rewrite tlookup_tmodify by auto.
  destruct (strip_prefix p q) as [r|] eqn:S.
  - apply strip_prefix_some in S; subst q. rewrite tlookup_here.
    destruct r as [|y r].
    + rewrite app_nil_r, path_eqb_refl. reflexivity.
    + rewrite path_eqb_neq.
      * rewrite tlookup_app. reflexivity.
      * intro E. apply (f_equal (@length _)) in E. rewrite app_length in E; simpl in E; lia.
  - rewrite path_eqb_neq; auto. intros <-.
    rewrite <- (app_nil_r p) in S at 2. rewrite strip_prefix_app in S. discriminate.
Qed.

Lemma tlookup_tdel : forall t p q, wf t ->
  tlookup (tdel t p) q = if path_eqb p q then None else tlookup t q.
Proof.
  intros t p q Hw. unfold tdel. rewrite tlookup_tmodify by auto.
  destruct (strip_prefix p q) as [r|] eqn:S.
  - apply strip_prefix_some in S; subst q. rewrite tlookup_here.
    destruct r as [|y r].
    + rewrite app_nil_r, path_eqb_refl. reflexivity.
    + rewrite path_eqb_neq.
      * rewrite tlookup_app. reflexivity.
      * intro E. apply (f_equal (@length _)) in E. rewrite app_length in E; simpl in E; lia.
  - rewrite path_eqb_neq; auto. intros <-.
    rewrite <- (app_nil_r p) in S at 2. rewrite strip_prefix_app in S. discriminate.
Qed.

Lemma tlookup_tmove : forall f d t q, wf t ->
  tlookup (tmove f d t) q =
  match strip_prefix d q with
  | Some r => tlookup t (f ++ r)
  | None => if is_prefix f q then None else tlookup t q
  end.
Proof.
  intros f d t q Hw. unfold tmove.
  rewrite tlookup_tmodify by (apply wf_tmodify; auto using wf_tnil).
  destruct (strip_prefix d q) as [r|]; [rewrite tlookup_app; reflexivity|].
  rewrite tlookup_tmodify by auto. rewrite is_prefix_strip.
  destruct (strip_prefix f q); auto. apply tlookup_tnil.
Qed.

(** ** Emptiness tests *)

Lemma tempty_none : forall t, tempty t = true -> forall p, tlookup t p = None.
Proof.
  induction t as [h ks IH] using trie_ind'. intros Ht p.
  destruct h as [e|]; simpl in Ht; [discriminate|].
  destruct p as [|x p]; [reflexivity|]. rewrite tlookup_cons. simpl kids.
  unfold kid. destruct (kid_find x ks) as [u|] eqn:E; [|apply tlookup_tnil].
  apply kid_find_in in E. apply (IH x u E).
  clear IH p. induction ks as [|[y v] ks IHks]; [destruct E|].
  apply andb_true_iff in Ht as [Hv Hks]. destruct E as [E|E]; [injection E as <- <-; auto|auto].
Qed.

Lemma tempty_complete : forall t, wf t -> (forall p, tlookup t p = None) -> tempty t = true.
Proof.
  intros t Hw. induction Hw as [h ks Hnd Hk IH]; intros Hn.
  assert (Hh : h = None) by exact (Hn []). subst h. simpl.
  assert (Hall : forall x u, In (x, u) ks -> tempty u = true).
  { intros x u Hin. apply (IH x u Hin). intros p.
    specialize (Hn (x :: p)). rewrite tlookup_cons in Hn. simpl kids in Hn.
    unfold kid in Hn. rewrite (kid_find_nodup x u ks Hnd Hin) in Hn. exact Hn. }
  clear Hn IH Hk Hnd. induction ks as [|[y v] ks IHks]; auto.
  rewrite (Hall y v (or_introl eq_refl)). simpl. apply IHks.
  intros x u Hin. apply (Hall x u). right; auto.
Qed.

Lemma kids_empty_spec : forall ks, NoDup (map fst ks) -> (forall x u, In (x, u) ks -> wf u) ->
  kids_empty ks = true <-> forall x p, tlookup (kid x ks) p = None.
Proof.
  intros ks Hnd Hw. split.
  - intros H x p. unfold kid. destruct (kid_find x ks) as [u|] eqn:E; [|apply tlookup_tnil].
    apply kid_find_in in E. apply tempty_none.
    clear Hnd Hw. induction ks as [|[y v] ks IHks]; [destruct E|].
    simpl in H. apply andb_true_iff in H as [Hv Hks]. destruct E as [E|E]; [injection E as <- <-; auto|auto].
  - intros H.
    assert (Hall : forall x u, In (x, u) ks -> tempty u = true).
    { intros x u Hin. apply tempty_complete; [eapply Hw; eauto|]. intros p.
      specialize (H x p). unfold kid in H. rewrite (kid_find_nodup x u ks Hnd Hin) in H. exact H. }
    clear H Hnd Hw. induction ks as [|[y v] ks IHks]; auto.
    simpl. rewrite (Hall y v (or_introl eq_refl)). simpl. apply IHks.
    intros x u Hin. apply (Hall x u). right; auto.
Qed.

Lemma tfresh_spec : forall t p, wf t ->
  tfresh t p = true <-> forall q, is_prefix p q = true -> tlookup t q = None.
Proof.
  intros t p Hw. unfold tfresh. split.
  - intros H q Hq. apply is_prefix_true in Hq as [r ->]. rewrite tlookup_app. apply tempty_none; auto.
  - intros H. apply tempty_complete; [apply wf_tsub; auto|]. intros r.
    rewrite <- tlookup_app. apply H, is_prefix_app.
Qed.

Lemma tno_children_spec : forall t p, wf t ->
  tno_children t p = true <-> forall q, is_prefix p q = true -> q <> p -> tlookup t q = None.
Proof.
  intros t p Hw. unfold tno_children.
  pose proof (wf_tsub p t Hw) as Hs. inversion Hs as [h ks Hnd Hk E].
  rewrite kids_empty_spec by auto. split.
  - intros H q Hq Hn. apply is_prefix_true in Hq as [r ->].
    destruct r as [|x r]; [rewrite app_nil_r in Hn; congruence|].
    rewrite tlookup_app, <- E. apply H.
  - intros H x r. specialize (H (p ++ x :: r)). rewrite tlookup_app, <- E in H. apply H.
    + apply is_prefix_app.
    + intro E2. apply (f_equal (@length _)) in E2. rewrite app_length in E2; simpl in E2; lia.
Qed.

(** ** The relation with the list model *)

Lemma trel_lookup : forall t s, trel t s -> forall q, tlookup t q = lookup s q.
Proof. intros t s [_ H]; exact H. Qed.

Lemma trel_fresh : forall t s p, trel t s -> tfresh t p = fresh s p.
Proof.
  intros t s p [Hw H]. apply eq_iff_eq_true. rewrite tfresh_spec, fresh_spec by auto.
  split; intros G q Hq; [rewrite <- H|rewrite H]; auto.
Qed.

Lemma trel_no_children : forall t s p, trel t s -> tno_children t p = no_children s p.
Proof.
  intros t s p [Hw H]. apply eq_iff_eq_true. rewrite tno_children_spec, no_children_spec by auto.
  split; intros G q Hq Hn; [rewrite <- H|rewrite H]; auto.
Qed.

Lemma trel_is_dir : forall t s p, trel t s -> tis_dir t p = is_dir s p.
Proof. intros t s [|x p] [_ H]; simpl; auto. unfold tlookup in *. rewrite <- H. reflexivity. Qed.

Lemma trel_set : forall t s p e, trel t s -> trel (tset t p e) (set s p e).
Proof.
  intros t s p e [Hw H]. split; [apply wf_tset; auto|].
  intros q. rewrite tlookup_tset, lookup_set by auto. rewrite H. reflexivity.
Qed.

Lemma trel_del : forall t s p, trel t s -> trel (tdel t p) (del s p).
Proof.
  intros t s p [Hw H]. split; [apply wf_tdel; auto|].
  intros q. rewrite tlookup_tdel, lookup_del by auto. rewrite H. reflexivity.
Qed.

Lemma trel_move : forall t s f d, trel t s -> fresh s d = true ->
  trel (tmove f d t) (rename_state f d s).
Proof.
  intros t s f d [Hw H] Hf. split; [apply wf_tmove; auto|].
  intros q. rewrite tlookup_tmove, lookup_rename by auto.
  destruct (strip_prefix d q); auto. destruct (is_prefix f q); auto.
Qed.

Lemma trel_ext : forall t s s', trel t s -> state_eq s s' -> trel t s'.
Proof. intros t s s' [Hw H] E. split; auto. intro q. rewrite H. apply E. Qed.

Lemma trel_state_eq : forall t s s', trel t s -> trel t s' -> state_eq s s'.
Proof. intros t s s' [_ H1] [_ H2] q. rewrite <- H1, <- H2. reflexivity. Qed.

Lemma trel_tnil : trel tnil [].
Proof. split; [apply wf_tnil|]. intros q. apply tlookup_tnil. Qed.

(** ** [tview] *)

Lemma tparent_spec : forall p t x,
  let '(P, y) := tparent t x p in x :: p = parent (x :: p) ++ [y] /\ P = tsub t (parent (x :: p)).
Proof.
  induction p as [|y p IH]; intros t x; simpl; [auto|].
  specialize (IH (kid x (kids t)) y). destruct (tparent (kid x (kids t)) y p) as [P z].
  destruct IH as [E1 E2]. unfold parent in *. simpl removelast.
  split; [simpl; f_equal; exact E1|exact E2].
Qed.

Lemma tview_spec : forall t f, nonroot f = true -> tview t f = (tis_dir t (parent f), tsub t f).
Proof.
  intros t [|x p] Hf; [discriminate|]. unfold tview.
  pose proof (tparent_spec p t x) as H. destruct (tparent t x p) as [P y]. destruct H as [E1 E2].
  f_equal.
  - unfold tis_dir. destruct p as [|z p]; [reflexivity|].
    assert (Hp : parent (x :: z :: p) = x :: parent (z :: p)) by reflexivity.
    rewrite Hp. unfold tlookup. rewrite <- Hp, <- E2. reflexivity.
  - rewrite E1. rewrite tsub_app, <- E2. reflexivity.
Qed.

(** ** Children *)

Lemma kid_names_in : forall ks x, In x (kid_names ks) -> exists u, In (x, u) ks /\ here u <> None.
Proof.
  induction ks as [|[y u] ks IH]; intros x H; simpl in H; [contradiction|].
  destruct (here u) as [e|] eqn:E.
  - destruct H as [<-|H]; [exists u; split; [left; auto|congruence]|].
    destruct (IH x H) as [v [H1 H2]]. exists v; split; [right|]; auto.
  - destruct (IH x H) as [v [H1 H2]]. exists v; split; [right|]; auto.
Qed.

Lemma kid_names_sub : forall ks x, In x (kid_names ks) -> In x (map fst ks).
Proof.
  intros ks x H. apply kid_names_in in H as [u [H _]]. apply (in_map fst) in H. exact H.
Qed.

Lemma in_kid_names : forall ks x u, In (x, u) ks -> here u <> None -> In x (kid_names ks).
Proof.
  induction ks as [|[y v] ks IH]; intros x u Hin Hh; simpl in *; [contradiction|].
  destruct Hin as [E|Hin].
  - injection E as <- <-. destruct (here v); [left; auto|congruence].
  - destruct (here v); [right|]; eauto.
Qed.

Lemma nodup_kid_names : forall ks, NoDup (map fst ks) -> NoDup (kid_names ks).
Proof.
  induction ks as [|[y u] ks IH]; intros Hnd; simpl; [constructor|].
  inversion Hnd as [|a b Hy Hnd']; subst.
  destruct (here u); auto. constructor; auto. intro H; apply Hy, kid_names_sub; auto.
Qed.

Lemma tchildren_spec : forall t p x, wf t ->
  In x (tchildren t p) <-> tlookup t (p ++ [x]) <> None.
Proof.
  intros t p x Hw. unfold tchildren. rewrite tlookup_app, tlookup_cons.
  pose proof (wf_tsub p t Hw) as Hs. inversion Hs as [h ks Hnd Hk E]. simpl.
  unfold tlookup, kid. simpl. split.
  - intros H. apply kid_names_in in H as [u [Hin Hh]].
    rewrite (kid_find_nodup x u ks Hnd Hin). exact Hh.
  - destruct (kid_find x ks) as [u|] eqn:F; [|simpl; congruence].
    intros Hh. apply (in_kid_names ks x u); auto. apply kid_find_in; auto.
Qed.

Lemma nodup_tchildren : forall t p, wf t -> NoDup (tchildren t p).
Proof. intros t p Hw. apply nodup_kid_names, wf_nodup, wf_tsub; auto. Qed.

(** ** [of_state] *)

Lemma of_state_trel : forall s, trel (of_state s) s.
Proof.
  induction s as [|[p e] s IH]; [apply trel_tnil|].
  simpl. destruct IH as [Hw H]. split; [apply wf_tset; auto|].
  intros q. rewrite tlookup_tset by auto. rewrite H. reflexivity.
Qed.

(** ** [flatten] *)

(** The bindings of a trie, naively: the specification of [flat]. *)
Definition prefix_all (x : N) (l : state) : state := map (fun pe => (x :: fst pe, snd pe)) l.

Fixpoint entries (t : trie) : state :=
  match t with
  | TNode h ks =>
      (match h with Some e => [([], e)] | None => [] end) ++
      (fix go (ks : list (N * trie)) : state :=
         match ks with
         | [] => []
         | (x, u) :: ks' => go ks' ++ prefix_all x (entries u)
         end) ks
  end.

Fixpoint kid_entries (ks : list (N * trie)) : state :=
  match ks with
  | [] => []
  | (x, u) :: ks' => kid_entries ks' ++ prefix_all x (entries u)
  end.

Lemma entries_node : forall h ks,
  entries (TNode h ks) = (match h with Some e => [([], e)] | None => [] end) ++ kid_entries ks.
Proof. intros h ks. reflexivity. Qed.

Definition prefix_by (rp : list N) (l : state) : state :=
  map (fun pe => (rev rp ++ fst pe, snd pe)) l.

Lemma prefix_by_app : forall rp l1 l2, prefix_by rp (l1 ++ l2) = prefix_by rp l1 ++ prefix_by rp l2.
Proof. intros; apply map_app. Qed.

Lemma prefix_by_cons : forall x rp l, prefix_by (x :: rp) l = prefix_by rp (prefix_all x l).
Proof.
  intros x rp l. unfold prefix_by, prefix_all. rewrite map_map. apply map_ext.
  intros [p e]; simpl. rewrite <- app_assoc. reflexivity.
Qed.

Lemma flat_entries : forall t rp acc, flat rp t acc = prefix_by rp (entries t) ++ acc.
Proof.
  intros t. induction t as [h ks IH] using trie_ind'. intros rp acc.
  rewrite entries_node. simpl flat.
  assert (G : forall acc, (fix go (acc : state) (ks0 : list (N * trie)) : state :=
                 match ks0 with
                 | [] => acc
                 | (x, u) :: ks' => go (flat (x :: rp) u acc) ks'
                 end) acc ks = prefix_by rp (kid_entries ks) ++ acc).
  { clear h acc. induction ks as [|[x u] ks IHks]; intros acc; [reflexivity|].
    rewrite IHks by (intros y v Hin; apply (IH y v); right; auto).
    rewrite (IH x u (or_introl eq_refl)). simpl kid_entries.
    rewrite prefix_by_app, prefix_by_cons, app_assoc. reflexivity. }
  rewrite G. destruct h as [e|]; simpl; [|reflexivity].
  rewrite rev_append_rev. reflexivity.
Qed.

Lemma flatten_entries : forall t, flatten t = entries t.
Proof.
  intros t. unfold flatten. rewrite flat_entries, app_nil_r. unfold prefix_by. simpl.
  rewrite <- (map_id (entries t)) at 2. apply map_ext. intros [p e]; reflexivity.
Qed.

Lemma lookup_app : forall (l1 l2 : state) q,
  lookup (l1 ++ l2) q = match lookup l1 q with Some e => Some e | None => lookup l2 q end.
Proof.
  induction l1 as [|[p e] l1 IH]; intros l2 q; simpl; auto.
  destruct (path_eqb p q); auto.
Qed.

Lemma lookup_prefix_all : forall x l q,
  lookup (prefix_all x l) q = match q with y :: q' => if eq_dec x y then lookup l q' else None | [] => None end.
Proof.
  intros x l q. induction l as [|[p e] l IH]; simpl.
  - destruct q as [|y q]; auto. destruct (eq_dec x y); auto.
  - rewrite IH. destruct q as [|y q].
    + rewrite path_eqb_neq by discriminate. reflexivity.
    + destruct (eq_dec x y) as [<-|Hxy].
      * assert (E : path_eqb (x :: p) (x :: q) = path_eqb p q) by exact (path_eqb_app_l [x] p q).
        rewrite E. reflexivity.
      * rewrite path_eqb_neq by congruence. reflexivity.
Qed.

Lemma lookup_kid_entries : forall ks, NoDup (map fst ks) ->
  (forall x u, In (x, u) ks -> forall q, lookup (entries u) q = tlookup u q) ->
  forall q, lookup (kid_entries ks) q =
            match q with [] => None | y :: q' => tlookup (kid y ks) q' end.
Proof.
  induction ks as [|[x u] ks IH]; intros Hnd Hk q; simpl.
  - destruct q; [reflexivity|]. symmetry; apply tlookup_tnil.
  - inversion Hnd as [|a b Hx Hnd']; subst.
    rewrite lookup_app, lookup_prefix_all, IH; auto;
      [|intros y v Hin; apply (Hk y v); right; auto].
    destruct q as [|y q]; [reflexivity|]. unfold kid; simpl.
    destruct (eq_dec x y) as [<-|Hxy].
    + rewrite (Hk x u (or_introl eq_refl)). destruct (eq_dec x x); [|congruence].
      rewrite kid_find_none by auto. rewrite tlookup_tnil. reflexivity.
    + destruct (eq_dec y x); [congruence|]. destruct (tlookup _ q); reflexivity.
Qed.

Lemma lookup_entries : forall t, wf t -> forall q, lookup (entries t) q = tlookup t q.
Proof.
  intros t Hw. induction Hw as [h ks Hnd Hk IH]. intros q.
  rewrite entries_node, lookup_app, lookup_kid_entries by auto.
  destruct q as [|y q]; destruct h as [e|]; simpl; auto.
Qed.

Lemma lookup_flatten : forall t, wf t -> forall q, lookup (flatten t) q = tlookup t q.
Proof. intros t Hw q. rewrite flatten_entries. apply lookup_entries; auto. Qed.

Lemma flatten_trel : forall t, wf t -> trel t (flatten t).
Proof. intros t Hw. split; auto. intros q. symmetry. apply lookup_flatten; auto. Qed.

(** Distinct paths. *)
Lemma NoDup_app_disj : forall {A} (l1 l2 : list A),
  NoDup l1 -> NoDup l2 -> (forall a, In a l1 -> ~ In a l2) -> NoDup (l1 ++ l2).
Proof.
  intros A l1 l2 H1 H2 Hd. induction H1 as [|a l1 Ha H1 IH]; simpl; auto.
  constructor.
  - rewrite in_app_iff. intros [H|H]; [contradiction|]. apply (Hd a); simpl; auto.
  - apply IH. intros b Hb. apply Hd. simpl; auto.
Qed.

Lemma NoDup_map_inj : forall {A B} (f : A -> B) (l : list A),
  (forall a b, f a = f b -> a = b) -> NoDup l -> NoDup (map f l).
Proof.
  intros A B f l Hf H. induction H as [|a l Ha H IH]; simpl; constructor; auto.
  intros Hin. apply in_map_iff in Hin as [b [E Hb]]. apply Hf in E. subst; contradiction.
Qed.

Lemma keys_prefix_all : forall x l, map fst (prefix_all x l) = map (cons x) (map fst l).
Proof. intros. unfold prefix_all. rewrite !map_map. reflexivity. Qed.

Lemma keys_kid_entries : forall ks q, In q (map fst (kid_entries ks)) ->
  exists y r, q = y :: r /\ In y (map fst ks).
Proof.
  induction ks as [|[x u] ks IH]; intros q Hin; simpl in *; [contradiction|].
  rewrite map_app, in_app_iff, keys_prefix_all in Hin. destruct Hin as [Hin|Hin].
  - destruct (IH q Hin) as [y [r [E H]]]. exists y, r; auto.
  - apply in_map_iff in Hin as [r [<- _]]. exists x, r; auto.
Qed.

Lemma nodup_entries : forall t, wf t -> NoDup (map fst (entries t)).
Proof.
  intros t Hw. induction Hw as [h ks Hnd Hk IH]. rewrite entries_node, map_app.
  assert (Hkids : NoDup (map fst (kid_entries ks))).
  { clear h. induction ks as [|[x u] ks IHks]; simpl; [constructor|].
    inversion Hnd as [|a b Hx Hnd']; subst. rewrite map_app, keys_prefix_all.
    apply NoDup_app_disj.
    - apply IHks; auto; [intros z v Hin; eapply Hk; right; eauto|intros z v Hin; eapply IH; right; eauto].
    - apply NoDup_map_inj; [intros a b E; injection E; auto|]. apply (IH x u); left; auto.
    - intros q Hq2 Hq. apply in_map_iff in Hq as [r [<- _]].
      apply keys_kid_entries in Hq2 as [y [r' [E Hy]]]. injection E as -> _. contradiction. }
  destruct h as [e|]; simpl; auto. constructor; auto.
  intros Hin. apply keys_kid_entries in Hin as [y [r [E _]]]. discriminate.
Qed.

Lemma nodup_flatten : forall t, wf t -> NoDup (map fst (flatten t)).
Proof. intros t Hw. rewrite flatten_entries. apply nodup_entries; auto. Qed.

(** ** Building a trie from a sorted list

    [of_state] inserts every binding with [tset], which looks for the name
    among all the siblings: a directory of [k] entries costs [k^2]
    comparisons.  The glue passes trees sorted by path, so [tins] puts a
    new name in front of its siblings after comparing it with the front
    one only: the children of a node are kept in decreasing order, and a
    name greater than the front one is new.  When that check fails (the
    input is not sorted, or a path comes twice), [of_state_sorted] falls
    back to [of_state].  Under a strict order, [tins] is [tset]
    ([tins_tset]) and the result stands for the list ([of_state_sorted_trel]). *)

Section Sorted.

Variable nleb : N -> N -> bool.

(** Insert a path not yet bound, the children in decreasing order. *)
Fixpoint tins (p : path) (e : entry) (t : trie) : option trie :=
  match p with
  | [] => match here t with Some _ => None | None => Some (TNode (Some e) (kids t)) end
  | x :: p' =>
      match kids t with
      | [] => match tins p' e tnil with
              | Some v => Some (TNode (here t) [(x, v)])
              | None => None
              end
      | (y, u) :: ks' =>
          if eq_dec x y then
            match tins p' e u with
            | Some v => Some (TNode (here t) ((y, v) :: ks'))
            | None => None
            end
          else if nleb y x then
            match tins p' e tnil with
            | Some v => Some (TNode (here t) ((x, v) :: (y, u) :: ks'))
            | None => None
            end
          else None
      end
  end.

Fixpoint tins_all (s : state) (t : trie) : option trie :=
  match s with
  | [] => Some t
  | (p, e) :: s' => match tins p e t with Some t' => tins_all s' t' | None => None end
  end.

Definition of_state_sorted (s : state) : trie :=
  match tins_all s tnil with Some t => t | None => of_state s end.

Hypothesis nleb_trans : forall x y z, nleb x y = true -> nleb y z = true -> nleb x z = true.
Hypothesis nleb_antisym : forall x y, nleb x y = true -> nleb y x = true -> x = y.

(** [y] comes strictly after [x]. *)
Definition nlt (x y : N) : Prop := nleb x y = true /\ x <> y.

Lemma nlt_trans : forall x y z, nlt x y -> nlt y z -> nlt x z.
Proof.
  intros x y z [H1 N1] [H2 N2]. split; [eauto|].
  intros <-. apply N1. apply nleb_antisym; auto.
Qed.

(** The children of every node are in strictly decreasing order. *)
Inductive sdec : trie -> Prop :=
| sdec_node : forall h ks,
    StronglySorted (fun a b => nlt (fst b) (fst a)) ks ->
    (forall x u, In (x, u) ks -> sdec u) -> sdec (TNode h ks).

Lemma sdec_tnil : sdec tnil.
Proof. constructor; [constructor|intros _ _ []]. Qed.

Lemma tmodify_not_tnil : forall p g t, (forall u, is_tnil (g u) = false) ->
  is_tnil (tmodify p g t) = false.
Proof.
  induction p as [|x p IH]; intros g t Hg; simpl; auto.
  destruct (here t) as [e|]; [reflexivity|]. unfold kid_update.
  destruct (kid_find x (kids t)) as [u|] eqn:F.
  - apply kid_find_in in F. destruct (kids t) as [|[y w] ks]; [contradiction|]. simpl.
    destruct (eq_dec x y) as [<-|Hxy].
    + rewrite IH by auto. reflexivity.
    + reflexivity.
  - rewrite IH by auto. reflexivity.
Qed.

Lemma tins_tset : forall p e t t', sdec t -> tins p e t = Some t' ->
  t' = tset t p e /\ sdec t' /\ tlookup t p = None.
Proof.
  unfold tset. induction p as [|x p IH]; intros e t t' Hs H; simpl in H.
  - destruct t as [h ks]. simpl in H. destruct h; [discriminate|]. injection H as <-.
    inversion Hs; subst. split; [reflexivity|split; [constructor; auto|reflexivity]].
  - destruct t as [h ks]. simpl in H. inversion Hs as [h' ks' Hsort Hk]; subst.
    assert (Gnt : forall u, is_tnil (TNode (Some e) (kids u)) = false) by reflexivity.
    destruct ks as [|[y u] ks].
    + destruct (tins p e tnil) as [v|] eqn:Ev; [|discriminate]. injection H as <-.
      destruct (IH e tnil v sdec_tnil Ev) as (-> & Hv & _).
      rewrite tmodify_cons. simpl. unfold kid_update. simpl.
      rewrite tmodify_not_tnil by auto.
      split; [reflexivity|split; [|rewrite tlookup_cons; apply tlookup_tnil]].
      constructor; [repeat constructor|]. intros z w [E|[]]. injection E as <- <-. exact Hv.
    + destruct (eq_dec x y) as [<-|Hxy].
      * destruct (tins p e u) as [v|] eqn:Ev; [|discriminate]. injection H as <-.
        destruct (IH e u v (Hk x u (or_introl eq_refl)) Ev) as (-> & Hv & Hl).
        rewrite tmodify_cons. simpl. unfold kid_update. simpl.
        destruct (eq_dec x x) as [_|]; [|congruence].
        rewrite tmodify_not_tnil by auto.
        split; [reflexivity|split].
        -- constructor; [|intros z w [E|Hin]; [injection E as <- <-; exact Hv|apply (Hk z w); right; auto]].
           apply StronglySorted_inv in Hsort as [S1 F1]. constructor; auto.
        -- rewrite tlookup_cons. unfold kid. simpl. destruct (eq_dec x x); [exact Hl|congruence].
      * destruct (nleb y x) eqn:Hyx; [|discriminate].
        destruct (tins p e tnil) as [v|] eqn:Ev; [|discriminate]. injection H as <-.
        destruct (IH e tnil v sdec_tnil Ev) as (-> & Hv & _).
        (* [x] comes after [y], which comes after every other child: it is new *)
        assert (Hlt : forall z w, In (z, w) ((y, u) :: ks) -> nlt z x).
        { intros z w [E|Hin]; [injection E as <- <-; split; auto|].
          apply StronglySorted_inv in Hsort as [_ F1]. rewrite Forall_forall in F1.
          apply (F1 (z, w)) in Hin. simpl in Hin. apply (nlt_trans z y x); auto. split; auto. }
        assert (Hnone : kid_find x ((y, u) :: ks) = None).
        { apply kid_find_none. intros Hin. apply in_map_iff in Hin as [[z w] [Ez Hin]].
          simpl in Ez; subst z. destruct (Hlt x w Hin) as [_ Hn]. congruence. }
        rewrite tmodify_cons. simpl kids. simpl here. unfold kid_update. rewrite Hnone.
        rewrite tmodify_not_tnil by auto.
        split; [reflexivity|split].
        -- constructor.
           ++ constructor; [exact Hsort|]. apply Forall_forall. intros [z w] Hin. simpl.
              apply (Hlt z w Hin).
           ++ intros z w [E|Hin]; [injection E as <- <-; exact Hv|apply (Hk z w Hin)].
        -- rewrite tlookup_cons. unfold kid. simpl kids. rewrite Hnone. apply tlookup_tnil.
Qed.

Lemma tins_all_trel : forall s t done t', sdec t -> trel t done -> tins_all s t = Some t' ->
  trel t' (done ++ s).
Proof.
  induction s as [|[p e] s IH]; intros t done t' Hs R H; simpl in H.
  - injection H as <-. rewrite app_nil_r. exact R.
  - destruct (tins p e t) as [t1|] eqn:E; [|discriminate].
    destruct (tins_tset p e t t1 Hs E) as (-> & Hs1 & Hl).
    replace (done ++ (p, e) :: s) with ((done ++ [(p, e)]) ++ s) by (rewrite <- app_assoc; reflexivity).
    apply (IH _ _ _ Hs1); auto. split; [apply wf_tset, R|].
    intros q. rewrite tlookup_tset by apply R. rewrite lookup_app. simpl.
    destruct (path_eqb p q) eqn:Epq.
    + apply path_eqb_eq in Epq; subst q. rewrite <- (trel_lookup t done R), Hl. reflexivity.
    + rewrite (trel_lookup t done R). destruct (lookup done q); reflexivity.
Qed.

Theorem of_state_sorted_trel : forall s, trel (of_state_sorted s) s.
Proof.
  intros s. unfold of_state_sorted. destruct (tins_all s tnil) as [t|] eqn:E.
  - apply (tins_all_trel s tnil [] t sdec_tnil trel_tnil E).
  - apply of_state_trel.
Qed.

End Sorted.

End Trie.

Arguments trie : clear implicits.
