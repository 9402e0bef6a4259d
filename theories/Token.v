(** * Token: darcs' token replace, over bytes.

    Mirrors darcs' [Darcs.Patch.RegChars] (token-character classes) and
    [Darcs.Patch.TokenReplace.tryTokReplace].  A token is a maximal run of
    token characters; every token equal to [old] becomes [new]; if some
    token equals [new] (and not [old]) the replace fails.

    darcs raises an error (so the patch does not apply) when a byte reaches
    an unsupported escape ['\c'] in the class; membership is therefore
    [option bool], [None] meaning that error. *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Prim.
Import ListNotations.

(** One item of a token-character class. *)
Inductive citem := CChar (c : byte) | CRange (lo hi : byte) | CBad.

(** darcs' [unescapeChars]: [\n], [\t], [\^] are unescaped first. *)
Fixpoint unescape (cs : list byte) : list byte :=
  match cs with
  | [] => []
  | c :: r =>
      if Byte.eqb c x5c then
        match r with
        | d :: r' =>
            if Byte.eqb d x6e then x0a :: unescape r'
            else if Byte.eqb d x74 then x09 :: unescape r'
            else if Byte.eqb d x5e then x5e :: unescape r'
            else c :: unescape r
        | [] => [c]
        end
      else c :: unescape r
  end.

(** darcs' [normalRegChars]: [\.], [\-], [\\] are literal; any other
    escape is an error; [a-b] is a range; anything else is literal. *)
Fixpoint parse_items (cs : list byte) : list citem :=
  match cs with
  | [] => []
  | c :: r =>
      if Byte.eqb c x5c then
        match r with
        | d :: r' =>
            if Byte.eqb d x2e || Byte.eqb d x2d || Byte.eqb d x5c
            then CChar d :: parse_items r'
            else [CBad]
        | [] => [CChar c]
        end
      else
        match r with
        | d :: e :: r' =>
            if Byte.eqb d x2d then CRange c e :: parse_items r'
            else CChar c :: parse_items r
        | _ => CChar c :: parse_items r
        end
  end.

(** A class: negated or not, and its items (darcs' [regChars]). *)
Definition tokclass := (bool * list citem)%type.

Definition parse_class (toks : list byte) : tokclass :=
  match toks with
  | c :: r => if Byte.eqb c x5e then (true, parse_items (unescape r))
              else (false, parse_items (unescape toks))
  | [] => (false, [])
  end.

Fixpoint mem_items (is : list citem) (b : byte) : option bool :=
  match is with
  | [] => Some false
  | CChar c :: r => if Byte.eqb c b then Some true else mem_items r b
  | CRange lo hi :: r =>
      if (Byte.to_nat lo <=? Byte.to_nat b) && (Byte.to_nat b <=? Byte.to_nat hi)
      then Some true else mem_items r b
  | CBad :: _ => None
  end.

Definition bytes_eqb (a b : bytes) : bool :=
  if list_eq_dec Byte.byte_eq_dec a b then true else false.

(** Is [b] a token character?  [None]: darcs would raise an error. *)
Definition is_tok (cl : tokclass) (b : byte) : option bool :=
  match mem_items (snd cl) b with
  | Some m => Some (xorb (fst cl) m)
  | None => None
  end.


(** A line is lexed into chunks: maximal runs of token characters, and
    single non-token bytes. *)
Inductive chunk := Tok (w : bytes) | Sep (b : byte).

Definition close (tok : bytes) (cs : list chunk) : list chunk :=
  match tok with [] => cs | _ => Tok (rev tok) :: cs end.

(** [tok] is the current token, reversed.  [None]: some byte reached an
    unsupported escape of the class (darcs raises an error). *)
Fixpoint lex (cl : tokclass) (bs tok : bytes) : option (list chunk) :=
  match bs with
  | [] => Some (close tok [])
  | b :: bs' =>
      match is_tok cl b with
      | None => None
      | Some true => lex cl bs' (b :: tok)
      | Some false =>
          match lex cl bs' [] with
          | Some cs => Some (close tok (Sep b :: cs))
          | None => None
          end
      end
  end.

Definition chunk_bytes (c : chunk) : bytes := match c with Tok w => w | Sep b => [b] end.

Fixpoint flatten (cs : list chunk) : bytes :=
  match cs with [] => [] | c :: cs' => chunk_bytes c ++ flatten cs' end.

(** darcs' replacement rule, token by token: [old] becomes [new]; a token
    equal to [new] (and not [old]) makes the replace fail. *)
Fixpoint replace_chunks (old new : bytes) (cs : list chunk) : option (list chunk) :=
  match cs with
  | [] => Some []
  | Tok w :: cs' =>
      match replace_chunks old new cs' with
      | None => None
      | Some r =>
          if bytes_eqb w old then Some (Tok new :: r)
          else if bytes_eqb w new then None
          else Some (Tok w :: r)
      end
  | Sep b :: cs' =>
      match replace_chunks old new cs' with
      | None => None
      | Some r => Some (Sep b :: r)
      end
  end.

(** [tok_replace cl old new bs]: darcs' [tryTokReplace] on one line. *)
Definition tok_replace (cl : tokclass) (old new bs : bytes) : option bytes :=
  match lex cl bs [] with
  | None => None
  | Some cs => match replace_chunks old new cs with
               | Some cs' => Some (flatten cs')
               | None => None
               end
  end.

(** All bytes of [w] are token characters. *)
Definition all_tok (cl : tokclass) (w : bytes) : bool :=
  forallb (fun b => match is_tok cl b with Some true => true | _ => false end) w.

(** darcs' preconditions of [tryTokReplace] (violations are errors, so the
    patch does not apply), plus: the tokens are non-empty (an empty word
    cannot be written in the patch syntax) and '\n' is not a token
    character (so that working line by line is the same as working on the
    whole file, see README). *)
Definition replace_ok (cl : tokclass) (old new : bytes) : bool :=
  match old, new with
  | _ :: _, _ :: _ =>
      all_tok cl old && all_tok cl new &&
      match is_tok cl x0a with Some false => true | _ => false end
  | _, _ => false
  end.

Section Lines.
Context {L : Type} `{LineOps L}.

(** Token replace on every line of a file; fails if one line fails. *)
Fixpoint replace_lines (cl : tokclass) (old new : bytes) (c : list L) : option (list L) :=
  match c with
  | [] => Some []
  | l :: c' =>
      match tok_replace cl old new (line_bytes l), replace_lines cl old new c' with
      | Some b, Some r => Some (line_of_bytes b :: r)
      | _, _ => None
      end
  end.

End Lines.

(** ** Laws of token replace *)

Lemma bytes_eqb_eq : forall a b, bytes_eqb a b = true <-> a = b.
Proof.
  intros a b; unfold bytes_eqb; destruct (list_eq_dec Byte.byte_eq_dec a b); split; congruence.
Qed.

Lemma bytes_eqb_refl : forall a, bytes_eqb a a = true.
Proof. intros; apply bytes_eqb_eq; auto. Qed.

Lemma bytes_eqb_neq : forall a b, a <> b -> bytes_eqb a b = false.
Proof.
  intros a b H; destruct (bytes_eqb a b) eqn:E; auto; apply bytes_eqb_eq in E; congruence.
Qed.

Lemma all_tok_app : forall cl a b, all_tok cl (a ++ b) = all_tok cl a && all_tok cl b.
Proof. intros; unfold all_tok; apply forallb_app. Qed.

Lemma all_tok_rev : forall cl a, all_tok cl (rev a) = all_tok cl a.
Proof.
  intros cl a; induction a as [|x a IH]; simpl; auto.
  rewrite all_tok_app, IH. simpl. rewrite andb_true_r, andb_comm; reflexivity.
Qed.

(** Well-formed chunk lists: what [lex] produces. *)
Fixpoint wf_chunks (cl : tokclass) (cs : list chunk) : Prop :=
  match cs with
  | [] => True
  | Tok w :: cs' =>
      w <> [] /\ all_tok cl w = true /\
      (match cs' with Tok _ :: _ => False | _ => True end) /\ wf_chunks cl cs'
  | Sep b :: cs' => is_tok cl b = Some false /\ wf_chunks cl cs'
  end.

Definition starts_tok (cs : list chunk) : Prop :=
  match cs with Tok _ :: _ => True | _ => False end.

Lemma lex_spec : forall cl bs tok cs,
  all_tok cl tok = true -> lex cl bs tok = Some cs ->
  flatten cs = rev tok ++ bs /\ wf_chunks cl cs /\ (tok <> [] -> starts_tok cs).
Proof.
  induction bs as [|b bs IH]; intros tok cs Ht Hl; simpl in Hl.
  - inversion Hl; subst. destruct tok as [|x tok]; simpl; [repeat split; auto|].
    rewrite !app_nil_r. repeat split; auto;
      try (intro E; apply (f_equal (@length _)) in E; rewrite app_length in E; simpl in E; lia);
      try (rewrite <- (all_tok_rev cl (x :: tok)) in Ht; exact Ht).
  - destruct (is_tok cl b) as [[|]|] eqn:Eb; try discriminate.
    + assert (all_tok cl (b :: tok) = true) as Ht' by (simpl; rewrite Eb, Ht; auto).
      destruct (IH _ _ Ht' Hl) as [Hf [Hw _]].
      repeat split; auto. simpl in Hf. rewrite <- app_assoc in Hf. exact Hf.
      intros _. destruct (IH _ _ Ht' Hl) as [_ [_ Hs]]. apply Hs; discriminate.
    + destruct (lex cl bs []) as [cs'|] eqn:El; [|discriminate]. inversion Hl; subst.
      destruct (IH [] cs' eq_refl El) as [Hf [Hw _]]. simpl in Hf.
      destruct tok as [|x tok]; simpl.
      * split; [simpl; rewrite Hf; auto|]. split; [simpl; auto|]. intro; congruence.
      * split; [simpl; rewrite Hf, <- app_assoc; auto|].
        split; [|intros _; simpl; auto].
        simpl. repeat split; auto;
          try (intro E; apply (f_equal (@length _)) in E; rewrite app_length in E; simpl in E; lia);
          try (rewrite <- (all_tok_rev cl (x :: tok)) in Ht; exact Ht).
Qed.

Lemma lex_all_tok : forall cl w rest tok,
  all_tok cl w = true -> lex cl (w ++ rest) tok = lex cl rest (rev w ++ tok).
Proof.
  induction w as [|x w IH]; intros rest tok H; simpl in *; auto.
  destruct (is_tok cl x) as [[|]|] eqn:Ex; try discriminate. simpl in H.
  rewrite IH by auto. rewrite <- app_assoc; auto.
Qed.

(** Lexing the bytes of well-formed chunks gives them back. *)
Lemma lex_flatten : forall cl cs, wf_chunks cl cs -> lex cl (flatten cs) [] = Some cs.
Proof.
  induction cs as [|c cs IH]; intros Hw; simpl; auto.
  destruct c as [w|b]; simpl in Hw.
  - destruct Hw as [Hne [Ht [Hn Hw]]]. simpl. rewrite lex_all_tok by auto.
    rewrite app_nil_r. destruct cs as [|[w'|b'] cs]; simpl; [| contradiction |].
    + destruct (rev w) eqn:E; [apply (f_equal (@rev _)) in E; rewrite rev_involutive in E; simpl in E; congruence|].
      unfold close. rewrite <- E, rev_involutive. reflexivity.
    + simpl in IH, Hw. destruct Hw as [Hb Hw]. rewrite Hb. specialize (IH (conj Hb Hw)).
      simpl in IH. rewrite Hb in IH.
      destruct (lex cl (flatten cs) []) as [cs'|]; [|discriminate]. inversion IH; subst.
      destruct (rev w) eqn:E; [apply (f_equal (@rev _)) in E; rewrite rev_involutive in E; simpl in E; congruence|].
      unfold close. rewrite <- E, rev_involutive. reflexivity.
  - destruct Hw as [Hb Hw]. simpl. rewrite Hb, IH by auto. reflexivity.
Qed.

Lemma replace_chunks_wf : forall cl old new cs cs',
  new <> [] -> all_tok cl new = true ->
  wf_chunks cl cs -> replace_chunks old new cs = Some cs' -> wf_chunks cl cs'.
Proof.
  intros cl old new cs; induction cs as [|c cs IH]; intros cs' Hn Ht Hw Hr; simpl in *.
  - inversion Hr; subst; simpl; auto.
  - destruct (replace_chunks old new cs) as [r|] eqn:E; [|destruct c; discriminate].
    destruct c as [w|b].
    + destruct Hw as [Hne [Hwt [Hnx Hw]]].
      assert (match r with Tok _ :: _ => False | _ => True end).
      { destruct cs as [|[w'|b'] cs]; simpl in E; [inversion E; subst; auto|contradiction|].
        destruct (replace_chunks old new cs); [|discriminate]. inversion E; auto. }
      destruct (bytes_eqb w old); [inversion Hr; subst; simpl; eauto 7|].
      destruct (bytes_eqb w new); [discriminate|]. inversion Hr; subst; simpl; eauto 7.
    + destruct Hw as [Hb Hw]. inversion Hr; subst; simpl; eauto.
Qed.

Lemma replace_chunks_inv : forall old new cs cs',
  replace_chunks old new cs = Some cs' -> replace_chunks new old cs' = Some cs.
Proof.
  intros old new cs; induction cs as [|c cs IH]; intros cs' Hr; simpl in *.
  - inversion Hr; subst; auto.
  - destruct (replace_chunks old new cs) as [r|] eqn:E; [|destruct c; discriminate].
    specialize (IH _ eq_refl).
    destruct c as [w|b].
    + destruct (bytes_eqb w old) eqn:E1.
      * inversion Hr; subst. simpl. rewrite IH, bytes_eqb_refl.
        apply bytes_eqb_eq in E1; subst; auto.
      * destruct (bytes_eqb w new) eqn:E2; [discriminate|]. inversion Hr; subst.
        simpl. rewrite IH, E2, E1. auto.
    + inversion Hr; subst; simpl; rewrite IH; auto.
Qed.

(** Token replace is undone by the opposite replace. *)
Theorem tok_replace_inv : forall cl old new bs bs',
  new <> [] -> all_tok cl new = true ->
  tok_replace cl old new bs = Some bs' -> tok_replace cl new old bs' = Some bs.
Proof.
  intros cl old new bs bs' Hn Ht H. unfold tok_replace in *.
  destruct (lex cl bs []) as [cs|] eqn:El; [|discriminate].
  destruct (replace_chunks old new cs) as [cs'|] eqn:Er; [|discriminate].
  inversion H; subst. destruct (lex_spec cl bs [] cs eq_refl El) as [Hf [Hw _]].
  rewrite lex_flatten by (eapply replace_chunks_wf; eauto).
  rewrite (replace_chunks_inv _ _ _ _ Er). simpl in Hf. rewrite Hf; auto.
Qed.

Lemma replace_ok_sym : forall cl old new, replace_ok cl old new = replace_ok cl new old.
Proof.
  intros cl [|a old] [|b new]; simpl; auto.
  destruct (is_tok cl a) as [[|]|], (is_tok cl b) as [[|]|]; simpl; auto;
    destruct (all_tok cl old), (all_tok cl new); simpl; auto.
Qed.

Lemma replace_ok_new : forall cl old new,
  replace_ok cl old new = true -> new <> [] /\ all_tok cl new = true.
Proof.
  intros cl [|a old] [|b new] H; simpl in H; try discriminate.
  split; [discriminate|]. apply andb_true_iff in H as [H _].
  apply andb_true_iff in H as [_ H]. exact H.
Qed.

Section LinesLaws.
Context {L : Type} `{LineLaws L}.

Theorem replace_lines_inv : forall cl old new (c c' : list L),
  replace_ok cl old new = true ->
  replace_lines cl old new c = Some c' -> replace_lines cl new old c' = Some c.
Proof.
  intros cl old new c; induction c as [|l c IH]; intros c' Hok Hr; simpl in *.
  - inversion Hr; subst; auto.
  - destruct (tok_replace cl old new (line_bytes l)) as [b|] eqn:E1; [|discriminate].
    destruct (replace_lines cl old new c) as [r|] eqn:E2; [|discriminate].
    inversion Hr; subst. simpl. rewrite line_bytes_of.
    destruct (replace_ok_new _ _ _ Hok) as [Hne Hall].
    rewrite (tok_replace_inv _ _ _ _ _ Hne Hall E1), (IH _ Hok eq_refl), line_of_bytes_of. auto.
Qed.

Lemma replace_lines_length : forall cl old new (c c' : list L),
  replace_lines cl old new c = Some c' -> length c' = length c.
Proof.
  intros cl old new c; induction c as [|l c IH]; intros c' Hr; simpl in *.
  - inversion Hr; auto.
  - destruct (tok_replace cl old new (line_bytes l)); [|discriminate].
    destruct (replace_lines cl old new c) eqn:E; [|discriminate]. inversion Hr; simpl; f_equal; auto.
Qed.

End LinesLaws.
