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

End Prim.

Arguments entry : clear implicits.
Arguments prim : clear implicits.
Arguments state : clear implicits.
Arguments path : clear implicits.
