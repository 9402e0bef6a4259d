(** * UrlPath: the one validation step for paths that come from a URL.

    The web layer percent-decodes a URL path exactly once and hands the bytes
    to [validate].  A path is accepted only if it is relative, at most
    [max_len] bytes long, and each of its '/'-separated components is
    non-empty, is neither "." nor "..", is not "_darcs", and holds no NUL byte.
    Any other byte (backslashes, leading dots, non-UTF-8) is allowed: the
    components index the versioned tree computed by the core, never the disk.

    Theorems: an accepted path's components satisfy the predicate and join
    back (with '/') to exactly the input ([validate_sound]); an absolute path
    is never accepted ([validate_absolute]). *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
Import ListNotations.

Definition max_len : nat := 4096.

(** Why a path is refused. *)
Inductive refusal := TooLong | Absolute | EmptyComponent | DotComponent | DarcsComponent | NulByte.

Inductive verdict := Accept (components : list (list byte)) | Refuse (why : refusal).

Definition url_byte_eqb (a b : byte) : bool := if Byte.byte_eq_dec a b then true else false.

Fixpoint url_bytes_eqb (a b : list byte) : bool :=
  match a, b with
  | [], [] => true
  | x :: a', y :: b' => url_byte_eqb x y && url_bytes_eqb a' b'
  | _, _ => false
  end.

Lemma url_byte_eqb_eq : forall a b, url_byte_eqb a b = true <-> a = b.
Proof. intros a b; unfold url_byte_eqb; destruct (Byte.byte_eq_dec a b); split; congruence. Qed.

Lemma url_bytes_eqb_eq : forall a b, url_bytes_eqb a b = true <-> a = b.
Proof.
  induction a as [|x a IH]; destruct b as [|y b]; simpl; split; intro H; try congruence; try discriminate.
  - apply andb_true_iff in H as [H1 H2]. apply url_byte_eqb_eq in H1. apply IH in H2. subst; reflexivity.
  - inversion H; subst. apply andb_true_iff; split; [apply url_byte_eqb_eq; reflexivity | apply IH; reflexivity].
Qed.

Definition darcs_dir : list byte := [x5f; x64; x61; x72; x63; x73]. (* "_darcs" *)

(** Split on '/' (x2f): [n] slashes give [n+1] components. *)
Fixpoint split_slash (s : list byte) : list (list byte) :=
  match s with
  | [] => [[]]
  | b :: s' =>
      let rest := split_slash s' in
      if url_byte_eqb b x2f then [] :: rest
      else match rest with
           | c :: cs => (b :: c) :: cs
           | [] => [[b]]
           end
  end.

(** Join with '/': the inverse of [split_slash]. *)
Fixpoint join_slash (cs : list (list byte)) : list byte :=
  match cs with
  | [] => []
  | [c] => c
  | c :: cs' => c ++ x2f :: join_slash cs'
  end.

(** The check of one component: [None] when acceptable. *)
Definition component_refusal (c : list byte) : option refusal :=
  if url_bytes_eqb c [] then Some EmptyComponent
  else if url_bytes_eqb c [x2e] || url_bytes_eqb c [x2e; x2e] then Some DotComponent
  else if url_bytes_eqb c darcs_dir then Some DarcsComponent
  else if existsb (url_byte_eqb x00) c then Some NulByte
  else None.

Fixpoint first_refusal (cs : list (list byte)) : option refusal :=
  match cs with
  | [] => None
  | c :: cs' => match component_refusal c with Some r => Some r | None => first_refusal cs' end
  end.

(** The validation step.  The empty path is the root. *)
Definition validate (s : list byte) : verdict :=
  if Nat.ltb max_len (length s) then Refuse TooLong
  else match s with
       | [] => Accept []
       | b :: _ =>
           if url_byte_eqb b x2f then Refuse Absolute
           else let cs := split_slash s in
                match first_refusal cs with Some r => Refuse r | None => Accept cs end
       end.

(** The predicate, stated without the functions above. *)
Definition good_component (c : list byte) : Prop :=
  c <> [] /\ c <> [x2e] /\ c <> [x2e; x2e] /\ c <> darcs_dir /\ ~ In x00 c /\ ~ In x2f c.

(** ** Proofs *)

Lemma split_slash_nonempty : forall s, split_slash s <> [].
Proof.
  induction s as [|b s IH]; simpl; [discriminate|].
  destruct (url_byte_eqb b x2f); [discriminate|]. destruct (split_slash s); discriminate.
Qed.

Lemma join_split : forall s, join_slash (split_slash s) = s.
Proof.
  induction s as [|b s IH]; simpl; auto.
  destruct (split_slash s) as [|c cs] eqn:Hs; [now apply split_slash_nonempty in Hs|].
  destruct (url_byte_eqb b x2f) eqn:E.
  - apply url_byte_eqb_eq in E; subst b. rewrite <- IH. reflexivity.
  - rewrite <- IH. destruct cs; reflexivity.
Qed.

Lemma split_no_slash : forall s c, In c (split_slash s) -> ~ In x2f c.
Proof.
  induction s as [|b s IH]; simpl; intros c Hin.
  - destruct Hin as [<-|[]]; simpl; tauto.
  - destruct (url_byte_eqb b x2f) eqn:E.
    + destruct Hin as [<-|Hin]; [simpl; tauto|]. now apply IH.
    + destruct (split_slash s) as [|c' cs] eqn:Hs.
      * destruct Hin as [<-|[]]. simpl. intros [H|[]]. subst. rewrite (proj2 (url_byte_eqb_eq _ _) eq_refl) in E. discriminate.
      * destruct Hin as [<-|Hin].
        -- simpl. intros [H|H].
           ++ subst. rewrite (proj2 (url_byte_eqb_eq _ _) eq_refl) in E. discriminate.
           ++ apply (IH c'); [left; reflexivity|exact H].
        -- apply IH. right; exact Hin.
Qed.

Lemma component_refusal_none : forall c, ~ In x2f c ->
  (component_refusal c = None <-> good_component c).
Proof.
  intros c Hs; unfold component_refusal, good_component; split.
  - intro H.
    destruct (url_bytes_eqb c []) eqn:E1; [discriminate|].
    destruct (url_bytes_eqb c [x2e] || url_bytes_eqb c [x2e; x2e]) eqn:E2; [discriminate|].
    destruct (url_bytes_eqb c darcs_dir) eqn:E3; [discriminate|].
    destruct (existsb (url_byte_eqb x00) c) eqn:E4; [discriminate|].
    apply orb_false_iff in E2 as [E2 E2'].
    assert (forall d, url_bytes_eqb c d = false -> c <> d) as Ne.
    { intros d Hd Heq. rewrite (proj2 (url_bytes_eqb_eq c d) Heq) in Hd. discriminate. }
    split; [now apply Ne|]. split; [now apply Ne|]. split; [now apply Ne|].
    split; [now apply Ne|]. split; [|exact Hs].
    intro Hin. assert (existsb (url_byte_eqb x00) c = true) as T.
    { apply existsb_exists. exists x00. split; [exact Hin | apply url_byte_eqb_eq; reflexivity]. }
    congruence.
  - intros (H1 & H2 & H3 & H4 & H5 & _).
    destruct (url_bytes_eqb c []) eqn:E1; [apply url_bytes_eqb_eq in E1; contradiction|].
    destruct (url_bytes_eqb c [x2e]) eqn:E2; [apply url_bytes_eqb_eq in E2; contradiction|].
    destruct (url_bytes_eqb c [x2e; x2e]) eqn:E2'; [apply url_bytes_eqb_eq in E2'; contradiction|]. simpl.
    destruct (url_bytes_eqb c darcs_dir) eqn:E3; [apply url_bytes_eqb_eq in E3; contradiction|].
    destruct (existsb (url_byte_eqb x00) c) eqn:E4; [|reflexivity].
    apply existsb_exists in E4 as [x [Hx Hb]]. apply url_byte_eqb_eq in Hb; subst. contradiction.
Qed.

Lemma first_refusal_none : forall cs, (forall c, In c cs -> ~ In x2f c) ->
  (first_refusal cs = None <-> forall c, In c cs -> good_component c).
Proof.
  induction cs as [|c cs IH]; simpl; intros Hs; split; intros H.
  - intros _ [].
  - reflexivity.
  - destruct (component_refusal c) eqn:E; [discriminate|].
    intros c' [<-|Hin].
    + apply component_refusal_none; auto.
    + apply IH; auto.
  - assert (component_refusal c = None) as ->.
    { apply component_refusal_none; auto. }
    apply IH; auto.
Qed.

(** Soundness: an accepted path is exactly the input, split at '/', and every
    component is good (so no traversal, no [_darcs], no NUL, not absolute). *)
Theorem validate_sound : forall s cs, validate s = Accept cs ->
  join_slash cs = s /\ (forall c, In c cs -> good_component c) /\ length s <= max_len.
Proof.
  intros s cs H; unfold validate in H.
  destruct (Nat.ltb max_len (length s)) eqn:L; [discriminate|].
  apply Nat.ltb_ge in L.
  destruct s as [|b s'].
  - inversion H; subst. split; [reflexivity|]. split; [intros c []|exact L].
  - destruct (url_byte_eqb b x2f) eqn:E; [discriminate|].
    destruct (first_refusal (split_slash (b :: s'))) eqn:F; [discriminate|].
    assert (cs = split_slash (b :: s')) as -> by congruence. split; [apply join_split|]. split; [|exact L].
    apply first_refusal_none; auto. intros c Hin. eapply split_no_slash; eauto.
Qed.

(** An absolute path is refused. *)
Theorem validate_absolute : forall s, validate (x2f :: s) <> Accept [] /\
  forall cs, validate (x2f :: s) = Accept cs -> False.
Proof.
  intros s; unfold validate; simpl.
  destruct (Nat.ltb max_len (S (length s))); split; try discriminate; intros; try discriminate.
Qed.

