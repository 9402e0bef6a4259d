(** * AnnotateSpec: which patch introduced each line (op 6).

    [Depend.annotate] follows darcs' [Annotate.hs]: it walks the patches
    backwards.  Here is an independent, forward specification: replay the
    patches from the empty tree carrying, with every piece of every file,
    the index of the named patch that wrote it ([tapply_all]):

    - a hunk's new lines are tagged with its patch; the lines it keeps keep
      their tags;
    - a token replace tags with its patch the lines that contain the new
      token afterwards (darcs' annotate rule, [annotateReplace]); the other
      lines keep their tags (they are unchanged, [replace_lines_nohit]);
    - a binary change tags all its new lines (darcs' annotate errors here;
      the model says the binary patch introduced them, see README);
    - addfile creates one empty piece with no tag ([None], "unknown");
      rmfile, directories, moves (tags travel with the file), changepref
      are applied as [sapply] does.

    The replay fails exactly when [sapply] does, and its untagged state is
    [sapply]'s ([tapply_erase]).  Theorem [annotate_tags]: when the whole
    history applies (strictly), [annotate ps p] returns, for each line of
    the final file [p], exactly the tag of that piece in the replay.
    [annotate_attribution] then says it in words: a line attributed to [j]
    was written by a prim of patch [j], is present (as that tagged piece)
    after [j] and after every later patch, and is absent before [j]. *)

From Coq Require Import List Bool Arith Lia Sorted Permutation.
From DarcsWeb Require Import Lens Prim Token Apply Invert Seq Named Sort SortSpec Depend DependLaws Unique.
Import ListNotations.

Section AnnotateSpec.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L} {LL : LineLaws L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).

(** ** The tagged replay *)

(** A piece with the index of the named patch that wrote it. *)
Notation tline := (option nat * L)%type.

(** A tagged tree: a tree whose pieces are tagged. *)
Notation tstate := (Prim.state tline N).

Definition erase_e (e : entry tline) : entry L :=
  match e with EDir => EDir | EFile c => EFile (map snd c) end.

(** Forget the tags. *)
Definition erase (ts : tstate) : state := map (fun pe => (fst pe, erase_e (snd pe))) ts.

(** New pieces, written by patch [i]. *)
Definition tnew (i : nat) (n : list L) : list tline := map (fun l => (Some i, l)) n.

(** A hunk at [line] (1-based) of patch [i]. *)
Definition thunk (i line : nat) (old new : list L) (tc : list tline) : list tline :=
  firstn (pred line) tc ++ tnew i new ++ skipn (pred line + length old) tc.

(** darcs' annotate test for a token replace: the line holds the token. *)
Definition hitl (cl : tokclass) (tok : bytes) (l : L) : bool := has_tok cl tok (line_bytes l) [].

(** A replace of patch [i]: [c'] are the new lines; a line holding the
    new token is tagged [i], any other keeps its tagged piece. *)
Definition retag (i : nat) (hit : L -> bool) (tc : list tline) (c' : list L) : list tline :=
  map (fun x => if hit (snd x) then (Some i, snd x) else fst x) (combine tc c').

(** The tags after a prim of patch [i] (when it applies). *)
Definition ttrans (i : nat) (p : prim) (ts : tstate) : tstate :=
  match p with
  | Hunk f line old new =>
      match lookup ts f with
      | Some (EFile tc) => set ts f (EFile (thunk i line old new tc))
      | _ => ts
      end
  | Replace f toks old new =>
      match lookup ts f with
      | Some (EFile tc) =>
          let cl := parse_class toks in
          match replace_lines cl old new (map snd tc) with
          | Some c' => set ts f (EFile (retag i (hitl cl new) tc c'))
          | None => ts
          end
      | _ => ts
      end
  | Binary f _ new =>
      match lookup ts f with
      | Some (EFile _) => set ts f (EFile (tnew i new))
      | _ => ts
      end
  | AddFile f => set ts f (EFile [(None, empty_line)])
  | RmFile f => del ts f
  | AddDir d => set ts d EDir
  | RmDir d => del ts d
  | Move f t => rename_state f t ts
  | ChangePref _ _ _ => ts
  end.

(** A prim of patch [i] on a tagged tree: it applies when it applies
    (strictly) to the untagged tree. *)
Definition tapply (i : nat) (p : prim) (ts : tstate) : option tstate :=
  match sapply p (erase ts) with Some _ => Some (ttrans i p ts) | None => None end.

Fixpoint tapply_list (i : nat) (ps : list prim) (ts : tstate) : option tstate :=
  match ps with
  | [] => Some ts
  | p :: ps' => match tapply i p ts with Some ts1 => tapply_list i ps' ts1 | None => None end
  end.

(** The named patches from index [i] on. *)
Fixpoint tapply_all (i : nat) (ps : list named) (ts : tstate) : option tstate :=
  match ps with
  | [] => Some ts
  | p :: ps' => match tapply_list i (fst p) ts with Some ts1 => tapply_all (S i) ps' ts1 | None => None end
  end.

(** ** Erasure: the replay is [sapply] *)

Lemma lookup_erase : forall (ts : tstate) q, lookup (erase ts) q = option_map erase_e (lookup ts q).
Proof.
  induction ts as [|[k e] ts IH]; intros q; simpl; [reflexivity|].
  destruct (path_eqb k q); [reflexivity|apply IH].
Qed.

Lemma erase_del : forall (ts : tstate) f, erase (del ts f) = del (erase ts) f.
Proof.
  induction ts as [|[k e] ts IH]; intros f; simpl; [reflexivity|].
  unfold del in *. simpl. destruct (negb (path_eqb k f)); simpl; rewrite IH; reflexivity.
Qed.

Lemma erase_set : forall (ts : tstate) f e, erase (set ts f e) = set (erase ts) f (erase_e e).
Proof. intros. unfold set. simpl. rewrite erase_del. reflexivity. Qed.

Lemma erase_rename : forall (ts : tstate) f t, erase (rename_state f t ts) = rename_state f t (erase ts).
Proof.
  intros. unfold erase, rename_state. rewrite !map_map. apply map_ext. intros [k e]. reflexivity.
Qed.

Lemma fresh_erase : forall (ts : tstate) t, fresh (erase ts) t = fresh ts t.
Proof. induction ts as [|[k e] ts IH]; intros t; simpl; [reflexivity|]. unfold fresh in *. simpl. rewrite IH. reflexivity. Qed.

Lemma firstn_len_app : forall {A} (a b : list A), firstn (length a) (a ++ b) = a.
Proof. intros A a b. rewrite firstn_app, firstn_all, Nat.sub_diag. simpl. apply app_nil_r. Qed.

Lemma skipn_len_app : forall {A} (a b : list A) n, skipn (length a + n) (a ++ b) = skipn n b.
Proof. intros A a. induction a as [|x a IH]; intros b n; simpl; [reflexivity|]. apply IH. Qed.

(** Token replace: a line without the new token afterwards is unchanged. *)
Definition chunk_is (o : bytes) (c : chunk) : bool :=
  match c with Tok w => bytes_eqb w o | Sep _ => false end.

Lemma has_tok_lex : forall cl o bs tok cs,
  lex cl bs tok = Some cs -> has_tok cl o bs tok = existsb (chunk_is o) cs.
Proof.
  intros cl o. induction bs as [|b bs IH]; intros tok cs H; simpl in H |- *.
  - injection H as <-. destruct tok as [|x tok]; simpl; [reflexivity|]. rewrite orb_false_r. reflexivity.
  - destruct (is_tok cl b) as [[|]|] eqn:E; try discriminate.
    + apply IH. exact H.
    + destruct (lex cl bs []) as [cs'|] eqn:E2; [|discriminate]. injection H as <-.
      rewrite (IH [] cs' E2). destruct tok as [|x tok]; reflexivity.
Qed.

Lemma replace_chunks_no_new : forall old new cs cs',
  replace_chunks old new cs = Some cs' -> existsb (chunk_is new) cs' = false -> cs' = cs.
Proof.
  intros old new. induction cs as [|c cs IH]; intros cs' H Hn; simpl in H.
  - injection H as <-. reflexivity.
  - destruct (replace_chunks old new cs) as [r|] eqn:E; [|destruct c; discriminate].
    destruct c as [w|b].
    + destruct (bytes_eqb w old).
      * injection H as <-. simpl in Hn. rewrite bytes_eqb_refl in Hn. discriminate.
      * destruct (bytes_eqb w new) eqn:Ewn; [discriminate|]. injection H as <-.
        simpl in Hn. rewrite Ewn in Hn. simpl in Hn. rewrite (IH r eq_refl Hn). reflexivity.
    + injection H as <-. simpl in Hn. rewrite (IH r eq_refl Hn). reflexivity.
Qed.

Lemma tok_replace_nohit : forall cl old new bs bs',
  new <> [] -> all_tok cl new = true ->
  tok_replace cl old new bs = Some bs' -> has_tok cl new bs' [] = false -> bs' = bs.
Proof.
  intros cl old new bs bs' Hn Ht H Hh. unfold tok_replace in H.
  destruct (lex cl bs []) as [cs|] eqn:El; [|discriminate].
  destruct (replace_chunks old new cs) as [cs'|] eqn:Er; [|discriminate]. injection H as <-.
  destruct (lex_spec cl bs [] cs eq_refl El) as [Hf [Hw _]]. simpl in Hf.
  assert (Hw' : wf_chunks cl cs') by (eapply replace_chunks_wf; eauto).
  rewrite (has_tok_lex cl new (flatten cs') [] cs' (lex_flatten cl cs' Hw')) in Hh.
  rewrite (replace_chunks_no_new _ _ _ _ Er Hh). exact Hf.
Qed.

Lemma replace_lines_nohit : forall cl old new (c c' : list L),
  replace_ok cl old new = true -> replace_lines cl old new c = Some c' ->
  Forall2 (fun l l' => hitl cl new l' = false -> l' = l) c c'.
Proof.
  intros cl old new c. induction c as [|l c IH]; intros c' Hok H; simpl in H.
  - injection H as <-. constructor.
  - destruct (tok_replace cl old new (line_bytes l)) as [b|] eqn:E1; [|discriminate].
    destruct (replace_lines cl old new c) as [r|] eqn:E2; [|discriminate]. injection H as <-.
    constructor; [|apply IH; auto].
    intros Hh. unfold hitl in Hh. rewrite line_bytes_of in Hh.
    destruct (replace_ok_new _ _ _ Hok) as [Hn Ht].
    rewrite (tok_replace_nohit _ _ _ _ _ Hn Ht E1 Hh). apply line_of_bytes_of.
Qed.

Lemma map_snd_retag : forall i hit (tc : list tline) (c' : list L),
  Forall2 (fun l l' => hit l' = false -> l' = l) (map snd tc) c' ->
  map snd (retag i hit tc c') = c'.
Proof.
  intros i hit. induction tc as [|[t l] tc IH]; intros c' H; inversion H as [|? l' ? c'' Hh Hr]; subst;
    [reflexivity|].
  unfold retag in *. simpl. rewrite (IH c'' Hr). f_equal.
  destruct (hit l') eqn:E; [reflexivity|]. simpl. symmetry. apply Hh. reflexivity.
Qed.

Lemma strict_result : forall (c' : list L) (s s' : state) f,
  match c' with [] => None | _ => Some (set s f (EFile c')) end = Some s' -> s' = set s f (EFile c').
Proof. intros [|x c'] s s' f H; [discriminate|injection H as <-; reflexivity]. Qed.

(** The untagged replay is the strict application. *)
Theorem tapply_erase : forall i p (ts : tstate) s',
  sapply p (erase ts) = Some s' -> erase (ttrans i p ts) = s'.
Proof.
  intros i p ts s' H. unfold sapply in H.
  destruct p as [f line old new|f|f|d|d|f t|f toks old new|f old new|nm old new];
    cbn [apply_gen ttrans] in *.
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|]; simpl in H; try discriminate.
    unfold apply_hunk in H. destruct line as [|pos]; [discriminate|].
    destruct (splice pos old new (map snd tc)) as [c'|] eqn:Hs; [|discriminate].
    apply strict_result in H. subst s'. rewrite erase_set. simpl. f_equal. f_equal.
    apply splice_spec in Hs as (pre & post & Hc & Hl & ->).
    unfold thunk. simpl pred. rewrite !map_app. rewrite <- firstn_map. rewrite <- skipn_map.
    rewrite Hc. rewrite <- Hl. rewrite firstn_len_app, skipn_len_app.
    unfold tnew. rewrite map_map. simpl. rewrite map_id. f_equal. f_equal.
    rewrite <- (Nat.add_0_r (length old)) at 1. rewrite skipn_len_app. reflexivity.
  - destruct (nonroot f && fresh (erase ts) f && is_dir (erase ts) (parent f)); [|discriminate].
    injection H as <-. rewrite erase_set. reflexivity.
  - destruct (nonroot f && is_file_empty (lookup (erase ts) f) && no_children (erase ts) f
              && is_dir (erase ts) (parent f)); [|discriminate].
    injection H as <-. apply erase_del.
  - destruct (nonroot d && fresh (erase ts) d && is_dir (erase ts) (parent d)); [|discriminate].
    injection H as <-. rewrite erase_set. reflexivity.
  - destruct (nonroot d && is_dir (erase ts) d && no_children (erase ts) d && is_dir (erase ts) (parent d));
      [|discriminate].
    injection H as <-. apply erase_del.
  - match type of H with (if ?c then _ else _) = _ => destruct c; [|discriminate] end.
    injection H as <-. apply erase_rename.
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|]; simpl in H; try discriminate.
    destruct (replace_ok (parse_class toks) old new) eqn:Hok; [|discriminate].
    destruct (replace_lines (parse_class toks) old new (map snd tc)) as [c'|] eqn:Hr; [|discriminate].
    apply strict_result in H. subst s'. rewrite erase_set. simpl. f_equal. f_equal.
    apply map_snd_retag. apply (replace_lines_nohit _ _ _ _ _ Hok Hr).
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|]; simpl in H; try discriminate.
    destruct (list_eq_dec eq_dec (map snd tc) old); [|discriminate].
    apply strict_result in H. subst s'. rewrite erase_set. simpl. f_equal. f_equal.
    unfold tnew. rewrite map_map. apply map_id.
  - injection H as <-. reflexivity.
Qed.

Lemma tapply_spec : forall i p (ts : tstate),
  match tapply i p ts with
  | Some ts' => sapply p (erase ts) = Some (erase ts')
  | None => sapply p (erase ts) = None
  end.
Proof.
  intros i p ts. unfold tapply. destruct (sapply p (erase ts)) as [s'|] eqn:E; [|reflexivity].
  rewrite (tapply_erase i p ts s' E). reflexivity.
Qed.

Lemma tapply_list_spec : forall ps i (ts : tstate),
  match tapply_list i ps ts with
  | Some ts' => sapply_list ps (erase ts) = Some (erase ts')
  | None => sapply_list ps (erase ts) = None
  end.
Proof.
  induction ps as [|p ps IH]; intros i ts; simpl; [reflexivity|].
  pose proof (tapply_spec i p ts) as H. destruct (tapply i p ts) as [ts1|]; rewrite H; [apply IH|reflexivity].
Qed.

(** The tagged replay applies exactly when the history applies strictly,
    and its untagged tree is the strict result. *)
Theorem tapply_all_spec : forall ps i (ts : tstate),
  match tapply_all i ps ts with
  | Some ts' => sapply_list (concat (map fst ps)) (erase ts) = Some (erase ts')
  | None => sapply_list (concat (map fst ps)) (erase ts) = None
  end.
Proof.
  induction ps as [|p ps IH]; intros i ts; simpl; [reflexivity|].
  rewrite sapply_list_app. pose proof (tapply_list_spec (fst p) i ts) as H.
  destruct (tapply_list i (fst p) ts) as [ts1|]; rewrite H; [apply IH|reflexivity].
Qed.

(** ** Annotate's backward walk against the replay

    A state [B] of the walk follows a file; its pieces carry the final line
    index they end up at ([Some k]).  [tracks B ts]: the file [B] follows is
    a file of the tagged tree [ts] at the same point, with as many pieces,
    and the pieces with a final index hold the same line.  [pairs] lists
    (final index, tag) for the pieces that have both. *)

Notation ast := (@astate L N).

Definition agree (cur : list (option nat * L)) (tc : list tline) : Prop :=
  Forall2 (fun x y => fst x = None \/ snd x = snd y) cur tc.

Definition pairs (cur : list (option nat * L)) (tc : list tline) : list (nat * nat) :=
  flat_map (fun xy => match fst (fst xy), fst (snd xy) with Some k, Some j => [(k, j)] | _, _ => [] end)
    (combine cur tc).

Definition labs (i : nat) (l : list (option nat * L)) : list (nat * nat) :=
  flat_map (fun te => match fst te with Some k => [(k, i)] | None => [] end) l.

Definition tracks (B : ast) (ts : tstate) : Prop :=
  match a_path B with
  | None => True
  | Some fp => exists tc, lookup ts fp = Some (EFile tc) /\ agree (a_cur B) tc
  end.

Definition PIn (B : ast) (ts : tstate) (x : nat * nat) : Prop :=
  match a_path B with
  | None => False
  | Some fp => match lookup ts fp with Some (EFile tc) => In x (pairs (a_cur B) tc) | _ => False end
  end.

(** What [B'] (after) knows equals what [B] (before) knows. *)
Definition Rel (B : ast) (ts : tstate) (B' : ast) (ts' : tstate) : Prop :=
  forall x, (PIn B' ts' x \/ In x (a_recs B')) <-> (PIn B ts x \/ In x (a_recs B)).

Lemma Rel_refl : forall B ts, Rel B ts B ts.
Proof. intros B ts x. tauto. Qed.

Lemma Rel_trans : forall B1 ts1 B2 ts2 B3 ts3, Rel B1 ts1 B2 ts2 -> Rel B2 ts2 B3 ts3 -> Rel B1 ts1 B3 ts3.
Proof. unfold Rel. intros B1 ts1 B2 ts2 B3 ts3 H1 H2 x. rewrite (H2 x). apply (H1 x). Qed.

Lemma combine_app' : forall {A B} (a1 a2 : list A) (b1 b2 : list B),
  length a1 = length b1 -> combine (a1 ++ a2) (b1 ++ b2) = combine a1 b1 ++ combine a2 b2.
Proof.
  intros A B a1. induction a1 as [|x a1 IH]; intros a2 [|y b1] b2 H; simpl in H; try discriminate; [reflexivity|].
  simpl. rewrite IH by lia. reflexivity.
Qed.

Lemma pairs_app : forall a1 a2 b1 b2, length a1 = length b1 ->
  pairs (a1 ++ a2) (b1 ++ b2) = pairs a1 b1 ++ pairs a2 b2.
Proof. intros. unfold pairs. rewrite combine_app', flat_map_app by assumption. reflexivity. Qed.

Lemma pairs_tnew : forall i cur new, length cur = length new -> pairs cur (tnew i new) = labs i cur.
Proof.
  intros i. induction cur as [|[t l] cur IH]; intros [|n new] H; simpl in H; try discriminate; [reflexivity|].
  unfold pairs, labs in *. simpl. rewrite IH by lia. destruct t; reflexivity.
Qed.

Lemma pairs_none : forall cur tc, (forall x, In x cur -> fst x = None) -> pairs cur tc = [].
Proof.
  induction cur as [|x cur IH]; intros [|y tc] H; try reflexivity.
  unfold pairs in *. simpl. rewrite (H x (or_introl eq_refl)). apply IH. intros z Hz. apply H. right. exact Hz.
Qed.

Lemma pairs_none_r : forall cur (tc : list tline), (forall y, In y tc -> fst y = None) -> pairs cur tc = [].
Proof.
  induction cur as [|x cur IH]; intros [|y tc] H; try reflexivity.
  unfold pairs in *. simpl. rewrite (H y (or_introl eq_refl)). destruct (fst x); apply IH;
    intros z Hz; apply H; right; exact Hz.
Qed.

Lemma agree_none : forall (cur : list (option nat * L)) tc,
  length cur = length tc -> (forall x, In x cur -> fst x = None) -> agree cur tc.
Proof.
  induction cur as [|x cur IH]; intros [|y tc] Hl H; simpl in Hl; try discriminate; constructor.
  - left. apply H. left. reflexivity.
  - apply IH; [lia|]. intros z Hz. apply H. right. exact Hz.
Qed.

Lemma F2_length : forall {A B} (R : A -> B -> Prop) l l', Forall2 R l l' -> length l = length l'.
Proof. intros A B R l l' H. induction H; simpl; auto. Qed.

Lemma skipn_add : forall {A} n m (l : list A), skipn (n + m) l = skipn m (skipn n l).
Proof. intros A n. induction n as [|n IH]; intros m [|x l]; simpl; auto. destruct m; reflexivity. Qed.

Lemma split_n_spec : forall {A} n (l acc : list A), split_n n l acc = (rev (firstn n l) ++ acc, skipn n l).
Proof.
  intros A n. induction n as [|n IH]; intros [|x l] acc; simpl; try reflexivity.
  rewrite IH, <- app_assoc. reflexivity.
Qed.

Lemma take_recs_spec : forall i n (l : list (option nat * L)) recs,
  take_recs i n l recs = (rev (labs i (firstn n l)) ++ recs, skipn n l).
Proof.
  intros i n. induction n as [|n IH]; intros [|[t x] l] recs; simpl; try reflexivity.
  rewrite IH. unfold labs. simpl. destruct t; simpl; [rewrite <- app_assoc|]; reflexivity.
Qed.

Lemma record_all_spec : forall i (l : list (option nat * L)) recs, record_all i l recs = rev (labs i l) ++ recs.
Proof.
  intros i l. unfold record_all. induction l as [|[t x] l IH]; intros recs; simpl; [reflexivity|].
  rewrite IH. unfold labs. simpl. destruct t; simpl; [rewrite <- app_assoc|]; reflexivity.
Qed.

Lemma push_untagged_spec : forall k (l : list (option nat * L)),
  push_untagged k l = repeat (None, empty_line) k ++ l.
Proof. induction k as [|k IH]; intros l; simpl; [reflexivity|]. rewrite IH. reflexivity. Qed.

(** The file followed moves (or stays) and is otherwise untouched. *)
Lemma moved : forall (B B' : ast) (ts ts' : tstate) fp fp2,
  a_path B' = Some fp -> a_path B = Some fp2 -> a_cur B = a_cur B' -> a_recs B = a_recs B' ->
  (forall tc, lookup ts' fp = Some (EFile tc) -> lookup ts fp2 = Some (EFile tc)) ->
  tracks B' ts' -> tracks B ts /\ Rel B ts B' ts'.
Proof.
  intros B B' ts ts' fp fp2 P' P C R Hl T'. unfold tracks, Rel, PIn in *. rewrite P', P, C, R in *.
  destruct T' as (tc & Htc & Ag). pose proof (Hl tc Htc) as Htc2. split; [exists tc; auto|].
  intros x. rewrite Htc, Htc2. tauto.
Qed.

Lemma unchanged : forall (B : ast) (ts ts' : tstate),
  (forall fp tc, a_path B = Some fp -> lookup ts' fp = Some (EFile tc) -> lookup ts fp = Some (EFile tc)) ->
  tracks B ts' -> tracks B ts /\ Rel B ts B ts'.
Proof.
  intros B ts ts' Hl T'. destruct (a_path B) as [fp|] eqn:P.
  - eapply moved; eauto.
  - unfold tracks, Rel, PIn. rewrite P. split; [exact I|]. intros x. tauto.
Qed.

(** Hunk of patch [i] on the followed file. *)
Lemma step_hunk : forall i f pos old new (ts : tstate) tc c' cur recs,
  lookup ts f = Some (EFile tc) -> splice pos old new (map snd tc) = Some c' ->
  tracks (AS (Some f) cur recs) (set ts f (EFile (thunk i (S pos) old new tc))) ->
  let B := ann_prim i (Hunk f (S pos) new old) (AS (Some f) cur recs) in
  tracks B ts /\ Rel B ts (AS (Some f) cur recs) (set ts f (EFile (thunk i (S pos) old new tc))).
Proof.
  intros i f pos old new ts tc c' cur recs Htc Hs T' B.
  apply splice_spec in Hs as (pre & post & Hc & Hl & _).
  unfold tracks in T'. cbn [a_path a_cur] in T'. rewrite lookup_set, path_eqb_refl in T'.
  destruct T' as (tc' & Etc & Ag). injection Etc as <-. unfold thunk in Ag. simpl pred in Ag.
  assert (Ltc : length tc = pos + length old + length post).
  { rewrite <- (len_map snd), Hc, !len_app. lia. }
  set (T1 := firstn pos tc) in *. set (T3 := skipn (pos + length old) tc) in *.
  set (Told := firstn (length old) (skipn pos tc)).
  assert (Etc : tc = T1 ++ Told ++ T3).
  { unfold T1, Told, T3. rewrite skipn_add, !firstn_skipn. reflexivity. }
  assert (L1 : length T1 = pos) by (unfold T1; rewrite len_firstn; lia).
  assert (Lold : length Told = length old) by (unfold Told; rewrite len_firstn, len_skipn; lia).
  apply Forall2_app_inv_r in Ag as (C1 & C23 & A1 & A23 & ->).
  apply Forall2_app_inv_r in A23 as (C2 & C3 & A2 & A3 & ->).
  assert (LC1 : length C1 = pos) by (rewrite (F2_length _ _ _ A1); exact L1).
  assert (LC2 : length C2 = length new) by (rewrite (F2_length _ _ _ A2); unfold tnew; apply len_map).
  assert (F1 : firstn pos (C1 ++ C2 ++ C3) = C1) by (rewrite <- LC1; apply firstn_len_app).
  assert (S1 : skipn pos (C1 ++ C2 ++ C3) = C2 ++ C3)
    by (rewrite <- LC1, <- (Nat.add_0_r (length C1)), skipn_len_app; reflexivity).
  assert (F2 : firstn (length new) (C2 ++ C3) = C2) by (rewrite <- LC2; apply firstn_len_app).
  assert (S2 : skipn (length new) (C2 ++ C3) = C3)
    by (rewrite <- LC2, <- (Nat.add_0_r (length C2)), skipn_len_app; reflexivity).
  subst B. cbn [ann_prim a_path a_cur a_recs]. rewrite path_eqb_refl.
  replace (S pos - 1) with pos by lia.
  rewrite split_n_spec, F1, S1, take_recs_spec, F2, S2.
  cbv beta iota. rewrite app_nil_r, rev_append_rev, rev_involutive, push_untagged_spec.
  split.
  - unfold tracks. cbn [a_path a_cur]. exists tc. split; [exact Htc|]. rewrite Etc.
    apply Forall2_app; [exact A1|]. apply Forall2_app; [|exact A3].
    apply agree_none; [rewrite len_repeat; auto|]. intros x Hx. apply repeat_spec in Hx. subst x. reflexivity.
  - intros x. unfold PIn. cbn [a_path a_cur a_recs]. rewrite lookup_set, path_eqb_refl, Htc.
    change (thunk i (S pos) old new tc) with (T1 ++ tnew i new ++ T3).
    rewrite Etc. rewrite !pairs_app by (rewrite ?len_repeat, ?LC2; unfold tnew; rewrite ?len_map; lia).
    rewrite pairs_tnew by exact LC2.
    rewrite (pairs_none (repeat _ _)) by (intros y Hy; apply repeat_spec in Hy; subst y; reflexivity).
    rewrite !in_app_iff, <- in_rev. simpl. tauto.
Qed.

(** Token replace of patch [i] on the followed file. *)
Lemma replace_pairs : forall i (hit : L -> bool) cur (tc : list tline) (c' : list L),
  Forall2 (fun l l' => hit l' = false -> l' = l) (map snd tc) c' ->
  agree cur (retag i hit tc c') ->
  agree (map (fun te => if hit (snd te) then (None, empty_line) else te) cur) tc /\
  forall x, In x (pairs cur (retag i hit tc c')) <->
            In x (pairs (map (fun te => if hit (snd te) then (None, empty_line) else te) cur) tc) \/
            In x (labs i (filter (fun te => hit (snd te)) cur)).
Proof.
  intros i hit. induction cur as [|[lab lc] cur IH]; intros tc c' Hn Ag.
  - inversion Ag as [Hr|]. destruct tc as [|y tc]; [|destruct c' as [|z c']; [inversion Hn|discriminate]].
    split; [constructor|]. intros x. simpl. tauto.
  - destruct tc as [|[t l] tc]; [inversion Ag|]. destruct c' as [|l' c'']; [inversion Hn|].
    inversion Hn as [|? ? ? ? Hh Hn']; subst. unfold retag in Ag. simpl in Ag.
    inversion Ag as [|? ? ? ? Ahd Atl]; subst. fold (retag i hit tc c'') in Atl.
    destruct (IH tc c'' Hn' Atl) as [Ag' Hx]. unfold pairs, labs in *. simpl.
    destruct (hit l') eqn:E; simpl in Ahd.
    + destruct Ahd as [Hlab|Hlc]; cbn [fst snd] in *.
      * subst lab. destruct (hit lc); simpl; (split; [constructor; [left; reflexivity|exact Ag']|]);
          intros x; rewrite Hx; tauto.
      * subst lc. rewrite E. simpl. split; [constructor; [left; reflexivity|exact Ag']|].
        intros x. destruct lab as [k|]; simpl; rewrite ?in_app_iff, ?Hx; simpl; tauto.
    + specialize (Hh eq_refl). subst l'.
      destruct Ahd as [Hlab|Hlc]; cbn [fst snd] in *.
      * subst lab. destruct (hit lc); simpl; (split; [constructor; [left; reflexivity|exact Ag']|]);
          intros x; rewrite ?in_app_iff, Hx; destruct t; simpl; tauto.
      * subst lc. rewrite E. simpl. split; [constructor; [right; reflexivity|exact Ag']|].
        intros x. rewrite !in_app_iff, Hx. tauto.
Qed.

Lemma step_replace : forall i f toks old new (ts : tstate) tc c' cur recs,
  lookup ts f = Some (EFile tc) -> replace_ok (parse_class toks) old new = true ->
  replace_lines (parse_class toks) old new (map snd tc) = Some c' ->
  tracks (AS (Some f) cur recs) (set ts f (EFile (retag i (hitl (parse_class toks) new) tc c'))) ->
  let B := ann_prim i (Replace f toks new old) (AS (Some f) cur recs) in
  tracks B ts /\
  Rel B ts (AS (Some f) cur recs) (set ts f (EFile (retag i (hitl (parse_class toks) new) tc c'))).
Proof.
  intros i f toks old new ts tc c' cur recs Htc Hok Hr T' B.
  unfold tracks in T'. cbn [a_path a_cur] in T'. rewrite lookup_set, path_eqb_refl in T'.
  destruct T' as (tc' & Etc & Ag). injection Etc as <-.
  pose proof (replace_lines_nohit _ _ _ _ _ Hok Hr) as Hn.
  destruct (replace_pairs i _ cur tc c' Hn Ag) as [Ag' Hx].
  subst B. cbn [ann_prim a_path a_cur a_recs]. rewrite path_eqb_refl. split.
  - unfold tracks. cbn [a_path a_cur]. exists tc. split; [exact Htc|exact Ag'].
  - intros x. unfold PIn. cbn [a_path a_cur a_recs]. rewrite lookup_set, path_eqb_refl, Htc.
    rewrite record_all_spec, in_app_iff, <- in_rev, Hx. unfold hitl. tauto.
Qed.

Lemma step_binary : forall i f old new (ts : tstate) tc cur recs,
  lookup ts f = Some (EFile tc) -> map snd tc = old ->
  tracks (AS (Some f) cur recs) (set ts f (EFile (tnew i new))) ->
  let B := ann_prim i (Binary f new old) (AS (Some f) cur recs) in
  tracks B ts /\ Rel B ts (AS (Some f) cur recs) (set ts f (EFile (tnew i new))).
Proof.
  intros i f old new ts tc cur recs Htc Hold T' B.
  unfold tracks in T'. cbn [a_path a_cur] in T'. rewrite lookup_set, path_eqb_refl in T'.
  destruct T' as (tc' & Etc & Ag). injection Etc as <-.
  assert (Lc : length cur = length new) by (rewrite (F2_length _ _ _ Ag); unfold tnew; apply len_map).
  assert (Hnone : forall x, In x (map (fun l => (@None nat, l)) old) -> fst x = None).
  { intros x Hx. apply in_map_iff in Hx as (l & <- & _). reflexivity. }
  subst B. cbn [ann_prim a_path a_cur a_recs]. rewrite path_eqb_refl. split.
  - unfold tracks. cbn [a_path a_cur]. exists tc. split; [exact Htc|].
    apply agree_none; [rewrite len_map, <- Hold, len_map; reflexivity|exact Hnone].
  - intros x. unfold PIn. cbn [a_path a_cur a_recs]. rewrite lookup_set, path_eqb_refl, Htc.
    rewrite pairs_tnew by exact Lc. rewrite (pairs_none _ tc Hnone).
    rewrite record_all_spec, in_app_iff, <- in_rev. simpl. tauto.
Qed.

Ltac conds := repeat match goal with
  | H : _ && _ = true |- _ => apply andb_true_iff in H as [? ?]
  end.

(** One prim of patch [i]: annotate's inverted step against the replay. *)
Theorem ann_step : forall i p (ts : tstate) s' (B' : ast),
  sapply p (erase ts) = Some s' -> tracks B' (ttrans i p ts) ->
  tracks (ann_prim i (invert p) B') ts /\ Rel (ann_prim i (invert p) B') ts B' (ttrans i p ts).
Proof.
  intros i p ts s' [[fp|] cur recs] H T'.
  2: { destruct p; cbn [ann_prim invert a_path];
       (split; [exact I|intros x; unfold PIn; simpl; tauto]). }
  unfold sapply in H.
  destruct p as [f line old new|f|f|d|d|f t|f toks old new|f old new|nm old new];
    cbn [apply_gen ttrans invert] in *.
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|] eqn:Htc; simpl in H; try discriminate.
    unfold apply_hunk in H. destruct line as [|pos]; [discriminate|].
    destruct (splice pos old new (map snd tc)) as [c'|] eqn:Hs; [|discriminate].
    destruct (path_eqb f fp) eqn:E.
    + apply path_eqb_eq in E. subst fp. exact (step_hunk i f pos old new ts tc c' cur recs Htc Hs T').
    + cbn [ann_prim a_path]. rewrite E. apply unchanged; [|exact T'].
      intros q tq Hq Hl. cbn [a_path] in Hq. injection Hq as <-. rewrite lookup_set, E in Hl. exact Hl.
  - cbn [ann_prim a_path]. destruct (path_eqb f fp) eqn:E.
    + apply path_eqb_eq in E. subst fp. unfold tracks, Rel, PIn in *. cbn [a_path a_cur a_recs] in *.
      rewrite lookup_set, path_eqb_refl in *. destruct T' as (tc & Etc & Ag). injection Etc as <-.
      split; [exact I|]. intros x.
      rewrite (pairs_none_r cur) by (intros y [<-|[]]; reflexivity). simpl. tauto.
    + apply unchanged; [|exact T']. intros q tq Hq Hl. injection Hq as <-. rewrite lookup_set, E in Hl. exact Hl.
  - cbn [ann_prim a_path]. apply unchanged; [|exact T']. intros q tq Hq Hl. injection Hq as <-.
    rewrite lookup_del in Hl. destruct (path_eqb f fp); [discriminate|exact Hl].
  - cbn [ann_prim a_path]. apply unchanged; [|exact T']. intros q tq Hq Hl. injection Hq as <-.
    rewrite lookup_set in Hl. destruct (path_eqb d fp); [discriminate|exact Hl].
  - cbn [ann_prim a_path]. apply unchanged; [|exact T']. intros q tq Hq Hl. injection Hq as <-.
    rewrite lookup_del in Hl. destruct (path_eqb d fp); [discriminate|exact Hl].
  - match type of H with (if ?c then _ else _) = _ => destruct c eqn:C; [|discriminate] end.
    conds. rewrite fresh_erase in *.
    cbn [ann_prim a_path]. eapply moved; [reflexivity|reflexivity|reflexivity|reflexivity| |exact T'].
    intros tc Hl. rewrite lookup_rename in Hl by assumption. unfold move_path.
    destruct (strip_prefix t fp); [exact Hl|]. destruct (is_prefix f fp); [discriminate|exact Hl].
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|] eqn:Htc; simpl in H; try discriminate.
    destruct (replace_ok (parse_class toks) old new) eqn:Hok; [|discriminate].
    destruct (replace_lines (parse_class toks) old new (map snd tc)) as [c'|] eqn:Hr; [|discriminate].
    destruct (path_eqb f fp) eqn:E.
    + apply path_eqb_eq in E. subst fp. exact (step_replace i f toks old new ts tc c' cur recs Htc Hok Hr T').
    + cbn [ann_prim a_path]. rewrite E. apply unchanged; [|exact T'].
      intros q tq Hq Hl. injection Hq as <-. rewrite lookup_set, E in Hl. exact Hl.
  - rewrite lookup_erase in H. destruct (lookup ts f) as [[|tc]|] eqn:Htc; simpl in H; try discriminate.
    destruct (list_eq_dec eq_dec (map snd tc) old) as [Hold|]; [|discriminate].
    destruct (path_eqb f fp) eqn:E.
    + apply path_eqb_eq in E. subst fp. exact (step_binary i f old new ts tc cur recs Htc Hold T').
    + cbn [ann_prim a_path]. rewrite E. apply unchanged; [|exact T'].
      intros q tq Hq Hl. injection Hq as <-. rewrite lookup_set, E in Hl. exact Hl.
  - cbn [ann_prim a_path]. apply unchanged; [|exact T']. intros q tq _ Hl. exact Hl.
Qed.

(** ** Sequences *)

Lemma invert_seq_cons : forall (p : prim) ps, invert_seq (p :: ps) = invert_seq ps ++ [invert p].
Proof. intros p ps. rewrite !invert_seq_spec. reflexivity. Qed.

Lemma ann_prims : forall ps i (ts ts' : tstate) (B' : ast),
  tapply_list i ps ts = Some ts' -> tracks B' ts' ->
  let B := fold_left (fun st q => ann_prim i q st) (invert_seq ps) B' in
  tracks B ts /\ Rel B ts B' ts'.
Proof.
  induction ps as [|p ps IH]; intros i ts ts' B' H T' B.
  - simpl in H. injection H as <-. subst B. simpl. split; [exact T'|apply Rel_refl].
  - simpl in H. unfold tapply in H. destruct (sapply p (erase ts)) as [s1|] eqn:Hs; [|discriminate].
    destruct (IH i _ _ B' H T') as [T1 R1]. subst B. rewrite invert_seq_cons, fold_left_app. simpl.
    destruct (ann_step i p ts s1 _ Hs T1) as [T0 R0]. split; [exact T0|]. eapply Rel_trans; eauto.
Qed.

Lemma ann_all_rel : forall ps i (ts ts' : tstate) (B' : ast),
  tapply_all i ps ts = Some ts' -> tracks B' ts' ->
  tracks (ann_all i ps B') ts /\ Rel (ann_all i ps B') ts B' ts'.
Proof.
  induction ps as [|p ps IH]; intros i ts ts' B' H T'.
  - simpl in H. injection H as <-. simpl. split; [exact T'|apply Rel_refl].
  - simpl in H. destruct (tapply_list i (fst p) ts) as [ts1|] eqn:H1; [|discriminate].
    destruct (IH (S i) ts1 ts' B' H T') as [T1 R1]. simpl. unfold ann_named.
    destruct (ann_prims (fst p) i ts ts1 _ H1 T1) as [T0 R0]. split; [exact T0|]. eapply Rel_trans; eauto.
Qed.

(** ** The one index per line *)

Definition find_rec (n : nat) (recs : list (nat * nat)) : option nat :=
  match find (fun x => fst x =? n) recs with Some x => Some (snd x) | None => None end.

Lemma find_rec_app : forall n pre rest, (forall x, In x pre -> fst x <> n) ->
  find_rec n (pre ++ rest) = find_rec n rest.
Proof.
  intros n pre rest H. unfold find_rec. induction pre as [|x pre IH]; simpl; [reflexivity|].
  destruct (Nat.eqb_spec (fst x) n) as [E|E]; [exfalso; apply (H x); simpl; auto|].
  apply IH. intros y Hy. apply H. right. exact Hy.
Qed.

Lemma find_rec_none : forall n recs, (forall x, In x recs -> fst x <> n) -> find_rec n recs = None.
Proof. intros n recs H. rewrite <- (app_nil_r recs), find_rec_app by exact H. reflexivity. Qed.

Definition rle (a b : nat * nat) : Prop := rec_leb a b = true.

Lemma drop_below_split : forall k recs, exists pre, recs = pre ++ drop_below k recs /\
  (forall x, In x pre -> fst x < k) /\ (match drop_below k recs with x :: _ => k <= fst x | [] => True end).
Proof.
  intros k. induction recs as [|[k' i] r IH]; simpl.
  - exists []. split; [reflexivity|]. split; [intros x []|exact I].
  - destruct (Nat.ltb_spec k' k) as [Hlt|Hge].
    + destruct IH as (pre & E & Hpre & Hhd). exists ((k', i) :: pre). simpl. rewrite <- E.
      split; [reflexivity|]. split; [intros x [<-|Hx]; [exact Hlt|auto]|exact Hhd].
    + exists []. simpl. split; [reflexivity|]. split; [intros x []|exact Hge].
Qed.

Lemma ss_app_r : forall {A} (R : A -> A -> Prop) pre rest, StronglySorted R (pre ++ rest) -> StronglySorted R rest.
Proof.
  intros A R pre. induction pre as [|x pre IH]; intros rest H; [exact H|].
  apply StronglySorted_inv in H as [H _]. apply IH. exact H.
Qed.

Lemma fill_spec : forall (ls : list L) k0 recs, StronglySorted rle recs ->
  fill k0 ls recs = map (fun n => find_rec n recs) (seq k0 (length ls)).
Proof.
  induction ls as [|l ls IH]; intros k0 recs Hs; [reflexivity|].
  cbn [fill length seq map].
  destruct (drop_below_split k0 recs) as (pre & E & Hpre & Hhd).
  assert (Hpre' : forall n x, k0 <= n -> In x pre -> fst x <> n) by (intros n x Hn Hx; specialize (Hpre x Hx); lia).
  assert (Hsd : StronglySorted rle (drop_below k0 recs)) by (rewrite E in Hs; eapply ss_app_r; exact Hs).
  assert (Hrest : forall n, k0 <= n -> find_rec n recs = find_rec n (drop_below k0 recs)).
  { intros n Hn. rewrite E at 1. apply find_rec_app. intros x Hx. exact (Hpre' n x Hn Hx). }
  destruct (drop_below k0 recs) as [|[k' i] r] eqn:D.
  - rewrite IH by constructor. rewrite (Hrest k0 (le_n k0)), find_rec_none by (intros x []). f_equal.
    apply map_ext_in. intros n Hn. apply in_seq in Hn. rewrite (Hrest n) by lia.
    rewrite find_rec_none by (intros x []). reflexivity.
  - apply StronglySorted_inv in Hsd as [Hr Hf]. rewrite Forall_forall in Hf. simpl in Hhd.
    destruct (Nat.eqb_spec k' k0) as [Ek|Ek].
    + subst k'. rewrite IH by exact Hr. f_equal.
      * rewrite (Hrest k0 (le_n k0)). unfold find_rec. simpl. rewrite Nat.eqb_refl. reflexivity.
      * apply map_ext_in. intros n Hn. apply in_seq in Hn. rewrite (Hrest n) by lia.
        unfold find_rec. simpl. destruct (Nat.eqb_spec k0 n) as [|]; [lia|reflexivity].
    + rewrite IH by (constructor; [exact Hr|apply Forall_forall; exact Hf]). f_equal.
      * rewrite (Hrest k0 (le_n k0)). symmetry. apply find_rec_none. intros x [<-|Hx]; simpl; [lia|].
        specialize (Hf x Hx). unfold rle, rec_leb in Hf. simpl in Hf. apply Nat.leb_le in Hf. lia.
      * apply map_ext_in. intros n Hn. apply in_seq in Hn. rewrite (Hrest n) by lia. reflexivity.
Qed.

Lemma tag_from_pairs : forall (tc : list tline) m k j,
  In (k, j) (pairs (tag_from m (map snd tc)) tc) <-> m <= k /\ nth_error (map fst tc) (k - m) = Some (Some j).
Proof.
  induction tc as [|[t l] tc IH]; intros m k j; simpl.
  - unfold pairs. simpl. split; [intros []|intros [_ H]; destruct (k - m); discriminate].
  - unfold pairs in *. simpl. rewrite in_app_iff, IH. destruct t as [j'|]; simpl.
    + split.
      * intros [[E|[]]|[Hle Hn]]; [injection E as <- <-; rewrite Nat.sub_diag; auto|].
        split; [lia|]. replace (k - m) with (S (k - S m)) by lia. exact Hn.
      * intros [Hle Hn]. destruct (Nat.eq_dec k m) as [->|Hne].
        -- rewrite Nat.sub_diag in Hn. simpl in Hn. injection Hn as ->. auto.
        -- right. split; [lia|]. replace (k - m) with (S (k - S m)) in Hn by lia. exact Hn.
    + split.
      * intros [[]|[Hle Hn]]. split; [lia|]. replace (k - m) with (S (k - S m)) by lia. exact Hn.
      * intros [Hle Hn]. destruct (Nat.eq_dec k m) as [->|Hne].
        -- rewrite Nat.sub_diag in Hn. discriminate.
        -- right. split; [lia|]. replace (k - m) with (S (k - S m)) in Hn by lia. exact Hn.
Qed.

Lemma agree_tag_from : forall (tc : list tline) m, agree (tag_from m (map snd tc)) tc.
Proof. induction tc as [|x tc IH]; intros m; simpl; constructor; [right; reflexivity|apply IH]. Qed.

Lemma break_lines_prefix : forall c : list L, exists r, c = break_lines c ++ r.
Proof.
  intros c. unfold break_lines. destruct (rev c) as [|x r] eqn:E.
  - exists []. rewrite <- (rev_involutive c), E. reflexivity.
  - destruct (eq_dec x empty_line).
    + exists [x]. rewrite <- (rev_involutive c), E. reflexivity.
    + exists []. rewrite app_nil_r. reflexivity.
Qed.

Lemma nth_firstn_lt : forall {A} (l : list A) m n d, n < m -> nth n (firstn m l) d = nth n l d.
Proof.
  intros A l. induction l as [|x l IH]; intros m n d H.
  - destruct m; reflexivity.
  - destruct m as [|m]; [lia|]. destruct n as [|n]; [reflexivity|].
    change (nth n (firstn m l) d = nth n l d). apply IH. lia.
Qed.

Lemma nth_map_seq : forall {A} (f : nat -> A) k m n d, n < m -> nth n (map f (seq k m)) d = f (k + n).
Proof.
  intros A f k m n d H. rewrite (nth_indep _ d (f 0)) by (rewrite len_map, len_seq; exact H).
  rewrite map_nth, seq_nth by exact H. reflexivity.
Qed.

Lemma strict_seq : forall (ps : list prim) i s t, sapply_list ps s = Some t -> apply_seq_from i ps s = Ok t.
Proof.
  induction ps as [|p ps IH]; intros i s t H; simpl in *; [congruence|].
  destruct (sapply p s) as [s1|] eqn:E; [|discriminate]. rewrite (sapply_apply _ _ _ E). apply IH. exact H.
Qed.

Lemma strict_named : forall (ps : list named) i s t,
  sapply_list (concat (map fst ps)) s = Some t -> apply_named_from i ps s = NOk t.
Proof.
  induction ps as [|p ps IH]; intros i s t H; simpl in *; [congruence|].
  rewrite sapply_list_app in H. destruct (sapply_list (fst p) s) as [s1|] eqn:E; [|discriminate].
  unfold apply_seq. rewrite (strict_seq _ 0 _ _ E). apply IH. exact H.
Qed.

(** ** Annotate returns the replay's tags *)

(** When the whole history applies (strictly, from the empty tree) and
    [p] is a file at the end, [annotate ps p] returns the lines of [p] and,
    for each, the tag of that piece in the tagged replay: the index of the
    named patch that wrote it, or unknown ([None]: the empty line of an
    addfile). *)
Theorem annotate_tags : forall (ps : list named) p t c,
  sapply_list (concat (map fst ps)) [] = Some t -> lookup t p = Some (EFile c) ->
  exists ts tc, tapply_all 0 ps [] = Some ts /\ lookup ts p = Some (EFile tc) /\ map snd tc = c /\
    annotate ps p = NOk (Some (firstn (length (break_lines c)) (map fst tc), break_lines c)).
Proof.
  intros ps p t c Ha Hp.
  pose proof (tapply_all_spec ps 0 []) as Hsp. simpl erase in Hsp.
  destruct (tapply_all 0 ps []) as [ts|] eqn:Hts; [|congruence].
  rewrite Ha in Hsp. injection Hsp as ->.
  rewrite lookup_erase in Hp. destruct (lookup ts p) as [[|tc]|] eqn:Htc; simpl in Hp; try discriminate.
  injection Hp as <-. exists ts, tc. split; [reflexivity|]. split; [exact Htc|]. split; [reflexivity|].
  unfold annotate, tree_at, apply_named. rewrite (strict_named ps 0 [] _ Ha).
  rewrite lookup_erase, Htc. simpl.
  set (B' := AS (Some p) (tag_from 0 (map snd tc)) [] : ast).
  assert (T' : tracks B' ts) by (exists tc; split; [exact Htc|apply agree_tag_from]).
  destruct (ann_all_rel ps 0 [] ts B' Hts T') as [_ R].
  set (B := ann_all 0 ps B') in *.
  assert (HR : forall k j, In (k, j) (a_recs B) <-> nth_error (map fst tc) k = Some (Some j)).
  { intros k j. specialize (R (k, j)). unfold PIn in R. cbn [a_path a_cur a_recs B'] in R.
    rewrite Htc, tag_from_pairs, Nat.sub_0_r in R.
    assert (0 <= k) by lia. destruct (a_path B) as [fp|]; simpl in R; tauto. }
  set (R' := sort rec_leb (a_recs B)).
  assert (HR' : forall k j, In (k, j) R' <-> nth_error (map fst tc) k = Some (Some j)).
  { intros k j. rewrite <- HR. unfold R'. split; apply Permutation_in;
      [apply sort_perm|apply Permutation_sym, sort_perm]. }
  assert (Hs : StronglySorted rle R').
  { apply (sort_strongly_sorted rec_leb).
    - intros a b. unfold rec_leb. destruct (Nat.leb_spec (fst a) (fst b)); [auto|right; apply Nat.leb_le; lia].
    - intros a b c'. unfold rec_leb. rewrite !Nat.leb_le. lia. }
  rewrite fill_spec by exact Hs. do 3 f_equal.
  assert (Hlen : length (break_lines (map snd tc)) <= length tc).
  { destruct (break_lines_prefix (map snd tc)) as [r Er].
    assert (El : length (map snd tc) = length (break_lines (map snd tc) ++ r)) by (f_equal; exact Er).
    rewrite len_app, len_map in El. lia. }
  apply (nth_ext _ _ None None).
  - rewrite len_map, len_seq, len_firstn, len_map. lia.
  - intros n Hn. rewrite len_map, len_seq in Hn.
    rewrite nth_firstn_lt by exact Hn.
    rewrite nth_map_seq by exact Hn. simpl.
    destruct (nth n (map fst tc) None) as [j|] eqn:Ej.
    + assert (Hin : In (n, j) R').
      { apply HR'. rewrite <- Ej. apply nth_error_nth'. rewrite len_map. lia. }
      unfold find_rec. destruct (find (fun x => fst x =? n) R') as [[k j']|] eqn:F.
      * apply find_some in F as [Hin' Ek]. simpl in Ek. apply Nat.eqb_eq in Ek. subst k. simpl.
        apply HR' in Hin'. apply HR' in Hin. congruence.
      * apply (find_none _ _ F) in Hin. simpl in Hin. rewrite Nat.eqb_refl in Hin. discriminate.
    + apply find_rec_none. intros [k j'] Hin Ek. simpl in Ek. subst k. apply HR' in Hin.
      rewrite (nth_error_nth (map fst tc) n None Hin) in Ej. discriminate.
Qed.

(** ** Attribution in words *)

(** [q] writes the line [l]: a hunk or binary change whose new lines hold
    [l], or a token replace whose new token occurs in [l]. *)
Definition writes (q : prim) (l : L) : Prop :=
  match q with
  | Hunk _ _ _ new => In l new
  | Binary _ _ new => In l new
  | Replace _ toks _ new => hitl (parse_class toks) new l = true
  | _ => False
  end.

(** A tagged piece of some file of the tagged tree. *)
Definition InP (ts : tstate) (x : tline) : Prop := exists f tc, In (f, EFile tc) ts /\ In x tc.

Lemma in_firstn' : forall {A} n (l : list A) x, In x (firstn n l) -> In x l.
Proof. intros A n l x H. rewrite <- (firstn_skipn n l). apply in_or_app. left. exact H. Qed.

Lemma in_skipn' : forall {A} n (l : list A) x, In x (skipn n l) -> In x l.
Proof. intros A n l x H. rewrite <- (firstn_skipn n l). apply in_or_app. right. exact H. Qed.

Lemma in_set_inv : forall (ts : tstate) f e g e', In (g, e') (set ts f e) -> (g = f /\ e' = e) \/ In (g, e') ts.
Proof.
  intros ts f e g e' [H|H]; [injection H as -> ->; left; auto|].
  right. apply in_del in H as [H _]. exact H.
Qed.

(** Where a tagged piece after a prim of patch [i] comes from: it was
    there before, it is addfile's untagged empty line, or the prim wrote it
    (tag [i]). *)
Lemma ttrans_origin : forall i p (ts : tstate) x, InP (ttrans i p ts) x ->
  InP ts x \/ fst x = None \/ (fst x = Some i /\ writes p (snd x)).
Proof.
  intros i p ts x (g & tc0 & Hin & Hx).
  assert (Old : forall f tc, lookup ts f = Some (EFile tc) -> In x tc -> InP ts x)
    by (intros f tc Hl Hxt; exists f, tc; split; [apply lookup_in; exact Hl|exact Hxt]).
  destruct p as [f line old new|f|f|d|d|f t|f toks old new|f old new|nm old new]; cbn [ttrans] in Hin.
  - destruct (lookup ts f) as [[|tc]|] eqn:Hl; try (left; exists g, tc0; split; assumption).
    apply in_set_inv in Hin as [[-> E]|Hin]; [|left; exists g, tc0; split; assumption]. injection E as ->.
    unfold thunk in Hx. apply in_app_or in Hx as [Hx|Hx]; [left; eapply Old; [exact Hl|eapply in_firstn'; eauto]|].
    apply in_app_or in Hx as [Hx|Hx]; [|left; eapply Old; [exact Hl|eapply in_skipn'; eauto]].
    unfold tnew in Hx. apply in_map_iff in Hx as (l & <- & Hl'). right; right. simpl. auto.
  - apply in_set_inv in Hin as [[-> E]|Hin]; [|left; exists g, tc0; split; assumption]. injection E as ->.
    destruct Hx as [<-|[]]. right; left. reflexivity.
  - apply in_del in Hin as [Hin _]. left. exists g, tc0. auto.
  - apply in_set_inv in Hin as [[-> E]|Hin]; [discriminate|left; exists g, tc0; split; assumption].
  - apply in_del in Hin as [Hin _]. left. exists g, tc0. auto.
  - unfold rename_state in Hin. apply in_map_iff in Hin as ([g' e'] & E & Hin). injection E as _ ->.
    left. exists g', tc0. auto.
  - destruct (lookup ts f) as [[|tc]|] eqn:Hl; try (left; exists g, tc0; split; assumption).
    destruct (replace_lines (parse_class toks) old new (map snd tc)) as [c'|]; [|left; exists g, tc0; split; assumption].
    apply in_set_inv in Hin as [[-> E]|Hin]; [|left; exists g, tc0; split; assumption]. injection E as ->.
    unfold retag in Hx. apply in_map_iff in Hx as ([y l'] & <- & Hy). simpl.
    destruct (hitl (parse_class toks) new l') eqn:Hh; [right; right; simpl; auto|].
    left. exists f, tc. split; [apply lookup_in; exact Hl|]. eapply in_combine_l. exact Hy.
  - destruct (lookup ts f) as [[|tc]|] eqn:Hl; try (left; exists g, tc0; split; assumption).
    apply in_set_inv in Hin as [[-> E]|Hin]; [|left; exists g, tc0; split; assumption]. injection E as ->.
    unfold tnew in Hx. apply in_map_iff in Hx as (l & <- & Hl'). right; right. simpl. auto.
  - left. exists g, tc0. auto.
Qed.

Lemma tapply_list_origin : forall ps i (ts ts' : tstate) x, tapply_list i ps ts = Some ts' -> InP ts' x ->
  InP ts x \/ fst x = None \/ (fst x = Some i /\ exists q, In q ps /\ writes q (snd x)).
Proof.
  induction ps as [|p ps IH]; intros i ts ts' x H Hx; simpl in H.
  - injection H as <-. left. exact Hx.
  - unfold tapply in H. destruct (sapply p (erase ts)); [|discriminate].
    destruct (IH _ _ _ _ H Hx) as [H1|[H1|[H1 (q & Hq & Hw)]]].
    + destruct (ttrans_origin i p ts x H1) as [H2|[H2|[H2 Hw]]]; auto. right; right. split; [exact H2|].
      exists p. simpl. auto.
    + auto.
    + right; right. split; [exact H1|]. exists q. simpl. auto.
Qed.

(** Where a tagged piece after named patches [i..] comes from. *)
Lemma tapply_all_origin : forall ps i (ts ts' : tstate) x, tapply_all i ps ts = Some ts' -> InP ts' x ->
  InP ts x \/ fst x = None \/
  (exists j pj q, fst x = Some j /\ i <= j /\ nth_error ps (j - i) = Some pj /\ In q (fst pj) /\ writes q (snd x)).
Proof.
  induction ps as [|p ps IH]; intros i ts ts' x H Hx; simpl in H.
  - injection H as <-. left. exact Hx.
  - destruct (tapply_list i (fst p) ts) as [ts1|] eqn:H1; [|discriminate].
    destruct (IH _ _ _ _ H Hx) as [H2|[H2|(j & pj & q & Ej & Hij & Hpj & Hq & Hw)]].
    + destruct (tapply_list_origin _ _ _ _ _ H1 H2) as [H3|[H3|[H3 (q & Hq & Hw)]]]; auto.
      right; right. exists i, p, q. rewrite Nat.sub_diag. auto.
    + auto.
    + right; right. exists j, pj, q. split; [exact Ej|]. split; [lia|].
      replace (j - i) with (S (j - S i)) by lia. simpl. auto.
Qed.

Lemma ttrans_unique : forall i p (ts : tstate) s', unique ts -> sapply p (erase ts) = Some s' -> unique (ttrans i p ts).
Proof.
  intros i p ts s' U H.
  destruct p as [f line old new|f|f|d|d|f t|f toks old new|f old new|nm old new]; cbn [ttrans];
    repeat match goal with |- context [match ?x with _ => _ end] => destruct x end;
    try (apply set_unique; exact U); try (apply del_unique; exact U); try exact U.
  unfold sapply in H. cbn [apply_gen] in H.
  match type of H with (if ?c then _ else _) = _ => destruct c eqn:C; [|discriminate] end.
  repeat match goal with Hc : _ && _ = true |- _ => apply andb_true_iff in Hc as [? ?] end.
  rewrite fresh_erase in *. apply rename_unique; assumption.
Qed.

Lemma tapply_all_unique : forall ps i (ts ts' : tstate), unique ts -> tapply_all i ps ts = Some ts' -> unique ts'.
Proof.
  assert (Hl : forall ps i (ts ts' : tstate), unique ts -> tapply_list i ps ts = Some ts' -> unique ts').
  { induction ps as [|p ps IH]; intros i ts ts' U H; simpl in H; [injection H as <-; exact U|].
    unfold tapply in H. destruct (sapply p (erase ts)) as [s1|] eqn:E; [|discriminate].
    eapply IH; [|exact H]. eapply ttrans_unique; eauto. }
  induction ps as [|p ps IH]; intros i ts ts' U H; simpl in H; [injection H as <-; exact U|].
  destruct (tapply_list i (fst p) ts) as [ts1|] eqn:E; [|discriminate]. eapply IH; [|exact H]. eapply Hl; eauto.
Qed.

Lemma tapply_all_app : forall ps1 ps2 i (ts : tstate),
  tapply_all i (ps1 ++ ps2) ts =
  match tapply_all i ps1 ts with Some ts1 => tapply_all (i + length ps1) ps2 ts1 | None => None end.
Proof.
  induction ps1 as [|p ps1 IH]; intros ps2 i ts; simpl; [rewrite Nat.add_0_r; reflexivity|].
  destruct (tapply_list i (fst p) ts); [|reflexivity]. rewrite IH, Nat.add_succ_r. reflexivity.
Qed.

Lemma tapply_all_split : forall ps m (ts ts' : tstate), m <= length ps -> tapply_all 0 ps ts = Some ts' ->
  exists tsm, tapply_all 0 (firstn m ps) ts = Some tsm /\ tapply_all m (skipn m ps) tsm = Some ts'.
Proof.
  intros ps m ts ts' Hm H. rewrite <- (firstn_skipn m ps), tapply_all_app in H.
  destruct (tapply_all 0 (firstn m ps) ts) as [tsm|]; [|discriminate].
  rewrite len_firstn, Nat.min_l in H by exact Hm. exists tsm. auto.
Qed.

Lemma nth_error_firstn_some : forall {A} (l : list A) m n x, nth_error (firstn m l) n = Some x -> n < m /\ nth_error l n = Some x.
Proof.
  intros A l. induction l as [|y l IH]; intros m n x H.
  - destruct m; destruct n; discriminate.
  - destruct m as [|m]; [destruct n; discriminate|]. destruct n as [|n].
    + simpl in H. split; [lia|exact H].
    + simpl in H. destruct (IH m n x H) as [Hlt Hn]. split; [lia|exact Hn].
Qed.

(** Attribution in words.  When the history applies (strictly) and
    annotate names patch [j] for line [n] of [p]:
    - the final file [p] holds, at line [n], the piece tagged [j];
    - a prim of patch [j] wrote that line ([writes]);
    - before [j] (after patches [0..j-1]) no piece of any file is tagged
      [j] or later: the line was not there as that piece;
    - after [j] and after every later patch, some file holds the piece
      ([j], that line): no later patch replaced it (a replaced piece
      takes the later patch's tag). *)
Theorem annotate_attribution : forall (ps : list named) p t idx ls n j,
  sapply_list (concat (map fst ps)) [] = Some t ->
  annotate ps p = NOk (Some (idx, ls)) -> nth_error idx n = Some (Some j) ->
  exists line, nth_error ls n = Some line /\
    (exists ts tc, tapply_all 0 ps [] = Some ts /\ lookup ts p = Some (EFile tc) /\
                   nth_error tc n = Some (Some j, line)) /\
    (exists pj q, nth_error ps j = Some pj /\ In q (fst pj) /\ writes q line) /\
    (exists tsj, tapply_all 0 (firstn j ps) [] = Some tsj /\
       forall f tcj x j', lookup tsj f = Some (EFile tcj) -> In x tcj -> fst x = Some j' -> j' < j) /\
    (forall m, j <= m -> m < length ps -> exists tsm f tcm,
       tapply_all 0 (firstn (S m) ps) [] = Some tsm /\ lookup tsm f = Some (EFile tcm) /\ In (Some j, line) tcm).
Proof.
  intros ps p t idx ls n j Ha Hann Hn.
  assert (Hc : exists c, lookup t p = Some (EFile c)).
  { unfold annotate, tree_at, apply_named in Hann. rewrite (strict_named ps 0 [] t Ha) in Hann.
    destruct (lookup t p) as [[|c]|]; try discriminate. eauto. }
  destruct Hc as [c Hc].
  destruct (annotate_tags ps p t c Ha Hc) as (ts & tc & Hts & Htc & Hsnd & Hann').
  subst c. rewrite Hann in Hann'. injection Hann' as -> ->.
  apply nth_error_firstn_some in Hn as [Hnl Hn].
  rewrite nth_error_map in Hn. destruct (nth_error tc n) as [[t0 line]|] eqn:Hx; [|discriminate].
  simpl in Hn. injection Hn as ->.
  assert (Hpiece : InP ts (Some j, line)).
  { exists p, tc. split; [apply lookup_in; exact Htc|eapply nth_error_In; exact Hx]. }
  assert (Hempty : forall x, ~ InP [] x) by (intros x (f & tc' & [] & _)).
  assert (Uts : forall ps' i ts', tapply_all i ps' [] = Some ts' -> unique ts')
    by (intros ps' i ts' H; apply (tapply_all_unique ps' i [] ts'); [apply NoDup_nil|exact H]).
  exists line. split.
  { destruct (break_lines_prefix (map snd tc)) as [r Er].
    assert (Hnc : nth_error (map snd tc) n = Some line) by (rewrite nth_error_map, Hx; reflexivity).
    rewrite Er, nth_error_app1 in Hnc by exact Hnl. exact Hnc. }
  split; [exists ts, tc; auto|].
  destruct (tapply_all_origin ps 0 [] ts _ Hts Hpiece) as [H0|[H0|(j0 & pj & q & Ej & _ & Hpj & Hq & Hw)]];
    [contradiction (Hempty _ H0)|discriminate|].
  injection Ej as <-. rewrite Nat.sub_0_r in Hpj.
  assert (Hj : j < length ps) by (apply nth_error_Some; congruence).
  split; [exists pj, q; auto|]. split.
  - destruct (tapply_all_split ps j [] ts (Nat.lt_le_incl _ _ Hj) Hts) as (tsj & Hj1 & _).
    exists tsj. split; [exact Hj1|]. intros f tcj x j' Hl Hin Ex.
    assert (Hx' : InP tsj x) by (exists f, tcj; split; [apply lookup_in; exact Hl|exact Hin]).
    destruct (tapply_all_origin _ 0 [] tsj x Hj1 Hx') as [H0|[H0|(j1 & pj1 & q1 & Ej1 & _ & Hpj1 & _)]];
      [contradiction (Hempty _ H0)|congruence|].
    rewrite Ex in Ej1. injection Ej1 as <-. rewrite Nat.sub_0_r in Hpj1.
    assert (Hlt : j' < length (firstn j ps)) by (apply nth_error_Some; congruence).
    rewrite len_firstn in Hlt. lia.
  - intros m Hjm Hm.
    destruct (tapply_all_split ps (S m) [] ts Hm Hts) as (tsm & Hm1 & Hm2).
    exists tsm.
    destruct (tapply_all_origin _ _ tsm ts _ Hm2 Hpiece) as [(f & tcm & Hin & Hin')|[H0|(j1 & _ & _ & Ej1 & Hle & _)]];
      [|discriminate|injection Ej1 as <-; lia].
    exists f, tcm. split; [exact Hm1|]. split; [|exact Hin']. apply unique_lookup; [eapply Uts; eauto|exact Hin].
Qed.

End AnnotateSpec.
