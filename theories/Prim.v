(** * Prim: darcs primitive patches and repository states.

    Lines and path-component names are abstract: they are section
    variables (typeclass [Context]s) with decidable equality.  After the
    sections close, every definition and theorem is universally quantified
    over them, so nothing is assumed globally.

    - A [path] is the list of its components (the root is [nil]).
    - A file's content is the list of its line pieces (darcs' line model:
      the content split on '\n'; the empty file is [[empty_line]]).
    - A [state] is a finite association list from paths to entries
      (directory or file); only the first binding of a path counts.  Two
      states are considered equal when every path looks up to the same entry
      ([state_eq]).  The root directory is implicit (never stored). *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
Import ListNotations.

(** Decidable equality, as a class so that instances are found
    automatically for the section variables. *)
Class EqDec (A : Type) := eq_dec : forall x y : A, {x = y} + {x <> y}.

(** The operations on lines that the theory needs: the empty line (the
    content of an empty file is one empty line) and the conversion of a line
    to and from its bytes (token replace works on bytes). *)
Class LineOps (L : Type) := {
  empty_line : L;
  line_bytes : L -> list byte;
  line_of_bytes : list byte -> L
}.

(** The laws of the conversion, used only in proofs (never extracted). *)
Class LineLaws (L : Type) `{LineOps L} : Prop := {
  line_bytes_of : forall b, line_bytes (line_of_bytes b) = b;
  line_of_bytes_of : forall l, line_of_bytes (line_bytes l) = l
}.

#[global] Instance byte_EqDec : EqDec byte := Byte.byte_eq_dec.

(** Bytes strings (token characters, tokens, preference names/values). *)
Definition bytes := list byte.

#[global] Instance list_EqDec {A} `{EqDec A} : EqDec (list A) := list_eq_dec eq_dec.

Section Prim.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N}.

Definition path := list N.

(** A directory entry. *)
Inductive entry := EDir | EFile (c : list L).

Definition entry_eq_dec (x y : entry) : {x = y} + {x <> y}.
Proof. decide equality. apply list_eq_dec. exact eq_dec. Defined.

(** The primitive patches, one constructor per darcs prim.  Line numbers
    are 1-based, counted in the file before the hunk. *)
Inductive prim :=
| Hunk (f : path) (line : nat) (old new : list L)
| AddFile (f : path)
| RmFile (f : path)
| AddDir (d : path)
| RmDir (d : path)
| Move (src dst : path)
| Replace (f : path) (toks old new : bytes)
| Binary (f : path) (old new : list L)
| ChangePref (name old new : bytes).

(** Repository state: a finite map from paths to entries. *)
Definition state := list (path * entry).

(** ** Paths *)

Definition path_eqb (p q : path) : bool := if list_eq_dec eq_dec p q then true else false.

(** [is_prefix a b]: [a] is a (not necessarily strict) prefix of [b],
    componentwise (darcs' [isPrefix] on anchored paths). *)
Fixpoint is_prefix (a b : path) : bool :=
  match a, b with
  | [], _ => true
  | x :: a', y :: b' => if eq_dec x y then is_prefix a' b' else false
  | _ :: _, [] => false
  end.

(** [strip_prefix a b = Some r] iff [b = a ++ r]. *)
Fixpoint strip_prefix (a b : path) : option path :=
  match a, b with
  | [], _ => Some b
  | x :: a', y :: b' => if eq_dec x y then strip_prefix a' b' else None
  | _ :: _, [] => None
  end.

(** darcs' [movedirfilename old new p]: the new name of [p] after [old]
    was moved to [new]. *)
Definition move_path (old new p : path) : path :=
  match strip_prefix old p with
  | Some r => new ++ r
  | None => p
  end.

(** The parent directory of a path ([removelast]). *)
Definition parent (p : path) : path := removelast p.

(** ** States *)

Fixpoint lookup (s : state) (p : path) : option entry :=
  match s with
  | [] => None
  | (q, e) :: s' => if path_eqb q p then Some e else lookup s' p
  end.

(** Extensional equality of states. *)
Definition state_eq (s t : state) : Prop := forall p, lookup s p = lookup t p.

(** Remove every binding of [p]. *)
Definition del (s : state) (p : path) : state :=
  filter (fun qe => negb (path_eqb (fst qe) p)) s.

(** Bind [p] to [e]. *)
Definition set (s : state) (p : path) (e : entry) : state := (p, e) :: del s p.

(** [p] is a directory (the root always is). *)
Definition is_dir (s : state) (p : path) : bool :=
  match p with
  | [] => true
  | _ => match lookup s p with Some EDir => true | _ => false end
  end.

(** Nothing at [p] nor below it. *)
Definition fresh (s : state) (p : path) : bool :=
  forallb (fun qe => negb (is_prefix p (fst qe))) s.

(** Nothing strictly below [p]. *)
Definition no_children (s : state) (p : path) : bool :=
  forallb (fun qe => negb (is_prefix p (fst qe)) || path_eqb (fst qe) p) s.

(** ** Basic lemmas *)

Lemma path_eqb_eq : forall p q, path_eqb p q = true <-> p = q.
Proof.
  intros p q; unfold path_eqb; destruct (list_eq_dec eq_dec p q); split; congruence.
Qed.

Lemma path_eqb_refl : forall p, path_eqb p p = true.
Proof. intros; apply path_eqb_eq; reflexivity. Qed.

Lemma path_eqb_neq : forall p q, p <> q -> path_eqb p q = false.
Proof.
  intros p q Hn; destruct (path_eqb p q) eqn:E; auto.
  apply path_eqb_eq in E; congruence.
Qed.

Lemma lookup_del : forall s p q,
  lookup (del s p) q = if path_eqb p q then None else lookup s q.
Proof.
  induction s as [|[k e] s IH]; intros p q; simpl.
  - destruct (path_eqb p q); reflexivity.
  - destruct (path_eqb k p) eqn:Ekp; simpl.
    + apply path_eqb_eq in Ekp; rewrite IH. rewrite Ekp.
      destruct (path_eqb p q); reflexivity.
    + rewrite IH. destruct (path_eqb k q) eqn:Ekq.
      * apply path_eqb_eq in Ekq; subst.
        rewrite (path_eqb_neq p q); [reflexivity|].
        intro; subst. rewrite path_eqb_refl in Ekp; discriminate.
      * reflexivity.
Qed.

Lemma lookup_set : forall s p e q,
  lookup (set s p e) q = if path_eqb p q then Some e else lookup s q.
Proof.
  intros; unfold set; simpl. rewrite lookup_del.
  destruct (path_eqb p q); reflexivity.
Qed.

Lemma state_eq_refl : forall s, state_eq s s.
Proof. intros s p; reflexivity. Qed.

Lemma state_eq_sym : forall s t, state_eq s t -> state_eq t s.
Proof. intros s t H p; symmetry; apply H. Qed.

Lemma state_eq_trans : forall s t u, state_eq s t -> state_eq t u -> state_eq s u.
Proof. intros s t u H1 H2 p; rewrite H1; apply H2. Qed.

Lemma strip_prefix_app : forall a r, strip_prefix a (a ++ r) = Some r.
Proof.
  induction a as [|x a IHa]; intros; simpl; auto.
  destruct (eq_dec x x); [auto|congruence].
Qed.

Lemma strip_prefix_some : forall a b r, strip_prefix a b = Some r -> b = a ++ r.
Proof.
  induction a as [|x a IHa]; intros b r Hs; simpl in *.
  - congruence.
  - destruct b as [|y b]; [discriminate|]. destruct (eq_dec x y); [|discriminate].
    subst. f_equal. apply IHa; auto.
Qed.

Lemma is_prefix_strip : forall a b,
  is_prefix a b = match strip_prefix a b with Some _ => true | None => false end.
Proof.
  induction a as [|x a IHa]; intros b; simpl; auto.
  destruct b as [|y b]; auto. destruct (eq_dec x y); auto.
Qed.

Lemma is_prefix_true : forall a b, is_prefix a b = true <-> exists r, b = a ++ r.
Proof.
  intros a b; rewrite is_prefix_strip; split.
  - destruct (strip_prefix a b) eqn:E; [|discriminate].
    intros _; exists p; apply strip_prefix_some; auto.
  - intros [r ->]; rewrite strip_prefix_app; auto.
Qed.

Lemma is_prefix_refl : forall a, is_prefix a a = true.
Proof. intros; apply is_prefix_true; exists []; rewrite app_nil_r; auto. Qed.

(** ** Prefixes and renaming of paths *)

Lemma is_prefix_app : forall a r, is_prefix a (a ++ r) = true.
Proof. intros; apply is_prefix_true; eauto. Qed.

Lemma is_prefix_nil : forall b, is_prefix [] b = true.
Proof. reflexivity. Qed.

Lemma is_prefix_false : forall a b, is_prefix a b = false <-> forall r, b <> a ++ r.
Proof.
  intros a b; split.
  - intros H r E. subst. rewrite is_prefix_app in H; discriminate.
  - intros H. destruct (is_prefix a b) eqn:E; auto.
    apply is_prefix_true in E as [r E]. exfalso; eapply H; eauto.
Qed.

Lemma is_prefix_trans : forall a b c,
  is_prefix a b = true -> is_prefix b c = true -> is_prefix a c = true.
Proof.
  intros a b c H1 H2. apply is_prefix_true in H1 as [r1 ->].
  apply is_prefix_true in H2 as [r2 ->]. rewrite <- app_assoc. apply is_prefix_app.
Qed.

Lemma is_prefix_length : forall a b, is_prefix a b = true -> length a <= length b.
Proof.
  intros a b H. apply is_prefix_true in H as [r ->]. rewrite app_length. lia.
Qed.

Lemma is_prefix_antisym : forall a b,
  is_prefix a b = true -> is_prefix b a = true -> a = b.
Proof.
  intros a b H1 H2. pose proof (is_prefix_length _ _ H1). pose proof (is_prefix_length _ _ H2).
  apply is_prefix_true in H1 as [r ->]. rewrite app_length in *.
  assert (r = []) as -> by (destruct r; simpl in *; auto; lia).
  symmetry; apply app_nil_r.
Qed.

(** Two prefixes of the same path are comparable. *)
Lemma is_prefix_comparable : forall a b c,
  is_prefix a c = true -> is_prefix b c = true ->
  is_prefix a b = true \/ is_prefix b a = true.
Proof.
  induction a as [|x a IH]; intros b c H1 H2; simpl; auto.
  destruct b as [|y b]; auto. destruct c as [|z c]; simpl in *; [discriminate|].
  destruct (eq_dec x z); [|discriminate]. destruct (eq_dec y z); [|discriminate]. subst.
  destruct (eq_dec z z); [|congruence]. eauto.
Qed.

Lemma is_prefix_app_inv : forall a r1 r2,
  is_prefix (a ++ r1) (a ++ r2) = is_prefix r1 r2.
Proof.
  induction a as [|x a IH]; intros; simpl; auto.
  destruct (eq_dec x x); [auto|congruence].
Qed.

Lemma move_path_prefix : forall f t r, move_path f t (f ++ r) = t ++ r.
Proof. intros; unfold move_path; rewrite strip_prefix_app; reflexivity. Qed.

Lemma move_path_not_prefix : forall f t p, is_prefix f p = false -> move_path f t p = p.
Proof.
  intros f t p H. unfold move_path. rewrite is_prefix_strip in H.
  destruct (strip_prefix f p); [discriminate|reflexivity].
Qed.

Lemma move_path_self : forall f t, move_path f t f = t.
Proof. intros. rewrite <- (app_nil_r f) at 2. rewrite move_path_prefix, app_nil_r. reflexivity. Qed.

(** Moving back. *)
Lemma move_path_inv : forall f t p,
  is_prefix f p = true \/ is_prefix t p = false ->
  move_path t f (move_path f t p) = p.
Proof.
  intros f t p [H|H].
  - apply is_prefix_true in H as [r ->]. rewrite !move_path_prefix. reflexivity.
  - destruct (is_prefix f p) eqn:E.
    + apply is_prefix_true in E as [r ->]. rewrite !move_path_prefix. reflexivity.
    + rewrite (move_path_not_prefix f t p E). apply move_path_not_prefix; auto.
Qed.

Lemma path_eqb_sym : forall p q, path_eqb p q = path_eqb q p.
Proof.
  intros p q. destruct (path_eqb p q) eqn:E1, (path_eqb q p) eqn:E2; auto.
  - apply path_eqb_eq in E1; subst; rewrite path_eqb_refl in E2; discriminate.
  - apply path_eqb_eq in E2; subst; rewrite path_eqb_refl in E1; discriminate.
Qed.

Lemma parent_app : forall p x, parent (p ++ [x]) = p.
Proof. intros; unfold parent; apply removelast_last. Qed.

Lemma parent_spec : forall p, p <> [] -> exists x, p = parent p ++ [x].
Proof.
  intros p H. destruct (exists_last H) as [q [x ->]]. exists x. rewrite parent_app; auto.
Qed.

(** The parent is a strict prefix. *)
Lemma parent_prefix : forall p, is_prefix (parent p) p = true.
Proof.
  intros p. destruct p as [|x q]; [reflexivity|].
  destruct (parent_spec (x :: q)) as [y E]; [discriminate|].
  rewrite E at 2. apply is_prefix_app.
Qed.

Lemma parent_neq : forall p, p <> [] -> parent p <> p.
Proof.
  intros p H E. destruct (parent_spec p H) as [x E2].
  rewrite E in E2. assert (length p = length (p ++ [x])) by (rewrite <- E2; auto).
  rewrite app_length in *; simpl in *; lia.
Qed.

(** A path whose proper prefix is [a] has its parent below [a]. *)
Lemma prefix_parent : forall a p,
  is_prefix a p = true -> a <> p -> is_prefix a (parent p) = true.
Proof.
  intros a p H Hn. apply is_prefix_true in H as [r ->].
  destruct r as [|y r] using rev_ind; [rewrite app_nil_r in Hn; congruence|].
  rewrite app_assoc, parent_app. apply is_prefix_app.
Qed.

(** ** Lookups *)

Lemma lookup_in : forall s p e, lookup s p = Some e -> In (p, e) s.
Proof.
  induction s as [|[q e'] s IH]; intros p e H; simpl in *; [discriminate|].
  destruct (path_eqb q p) eqn:E; [apply path_eqb_eq in E; inversion H; subst; auto|].
  right; auto.
Qed.

Lemma in_lookup : forall s p e, In (p, e) s -> exists e', lookup s p = Some e'.
Proof.
  induction s as [|[q e'] s IH]; intros p e H; simpl in *; [contradiction|].
  destruct (path_eqb q p) eqn:E; [eauto|].
  destruct H as [H|H]; [inversion H; subst; rewrite path_eqb_refl in E; discriminate|eauto].
Qed.

(** [fresh s t]: nothing at or below [t]. *)
Lemma fresh_spec : forall s t,
  fresh s t = true <-> forall q, is_prefix t q = true -> lookup s q = None.
Proof.
  intros s t; unfold fresh; rewrite forallb_forall; split.
  - intros H q Hq. destruct (lookup s q) as [e|] eqn:E; auto.
    apply lookup_in in E. apply H in E. simpl in E. rewrite Hq in E; discriminate.
  - intros H [q e] Hin. simpl. destruct (is_prefix t q) eqn:E; auto.
    apply in_lookup in Hin as [e' He']. rewrite H in He' by auto; discriminate.
Qed.

Lemma no_children_spec : forall s d,
  no_children s d = true <->
  forall q, is_prefix d q = true -> q <> d -> lookup s q = None.
Proof.
  intros s d; unfold no_children; rewrite forallb_forall; split.
  - intros H q Hq Hn. destruct (lookup s q) as [e|] eqn:E; auto.
    apply lookup_in in E. apply H in E. simpl in E. rewrite Hq in E.
    rewrite path_eqb_neq in E by auto. discriminate.
  - intros H [q e] Hin. simpl. destruct (is_prefix d q) eqn:E; auto.
    destruct (path_eqb q d) eqn:E2; auto.
    apply in_lookup in Hin as [e' He']. rewrite H in He'; [discriminate|auto|].
    intro; subst; rewrite path_eqb_refl in E2; discriminate.
Qed.

Lemma is_dir_spec : forall s p, is_dir s p = true <-> p = [] \/ lookup s p = Some EDir.
Proof.
  intros s [|x p]; simpl; split; auto.
  - destruct (lookup s (x :: p)) as [[|]|]; intros; try discriminate; auto.
  - intros [H|H]; [discriminate|rewrite H; auto].
Qed.

Lemma lookup_ext_fresh : forall s s', state_eq s s' -> forall t, fresh s t = fresh s' t.
Proof.
  intros s s' H t. destruct (fresh s t) eqn:E1, (fresh s' t) eqn:E2; auto.
  - rewrite fresh_spec in E1. assert (fresh s' t = true); [|congruence].
    apply fresh_spec; intros; rewrite <- H; auto.
  - rewrite fresh_spec in E2. assert (fresh s t = true); [|congruence].
    apply fresh_spec; intros; rewrite H; auto.
Qed.

Lemma lookup_ext_no_children : forall s s', state_eq s s' -> forall t, no_children s t = no_children s' t.
Proof.
  intros s s' H t. destruct (no_children s t) eqn:E1, (no_children s' t) eqn:E2; auto.
  - rewrite no_children_spec in E1. assert (no_children s' t = true); [|congruence].
    apply no_children_spec; intros; rewrite <- H; auto.
  - rewrite no_children_spec in E2. assert (no_children s t = true); [|congruence].
    apply no_children_spec; intros; rewrite H; auto.
Qed.

Lemma lookup_ext_is_dir : forall s s', state_eq s s' -> forall t, is_dir s t = is_dir s' t.
Proof. intros s s' H [|x t]; simpl; auto. rewrite H; auto. Qed.

End Prim.

Arguments entry : clear implicits.
Arguments prim : clear implicits.
Arguments state : clear implicits.
Arguments path : clear implicits.
