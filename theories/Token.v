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

(** Is [b] a token character?  [None]: darcs would raise an error. *)
Definition is_tok (cl : tokclass) (b : byte) : option bool :=
  match mem_items (snd cl) b with
  | Some m => Some (xorb (fst cl) m)
  | None => None
  end.

Definition bytes_eqb (a b : bytes) : bool :=
  if list_eq_dec Byte.byte_eq_dec a b then true else false.

(** Emit the pending token (kept reversed in [tok]) onto the reversed
    output [out]. *)
Definition flush (old new : bytes) (tok out : bytes) : option bytes :=
  match tok with
  | [] => Some out
  | _ =>
      let t := rev tok in
      if bytes_eqb t old then Some (rev_append new out)
      else if bytes_eqb t new then None
      else Some (tok ++ out)
  end.

(** The scanner: [tok] is the current token reversed, [out] the output so
    far reversed. *)
Fixpoint scan (cl : tokclass) (old new : bytes) (bs tok out : bytes) : option bytes :=
  match bs with
  | [] => flush old new tok out
  | b :: bs' =>
      match is_tok cl b with
      | None => None
      | Some true => scan cl old new bs' (b :: tok) out
      | Some false =>
          match flush old new tok out with
          | None => None
          | Some out' => scan cl old new bs' [] (b :: out')
          end
      end
  end.

(** [tok_replace cl old new bs]: darcs' [tryTokReplace] on one line. *)
Definition tok_replace (cl : tokclass) (old new bs : bytes) : option bytes :=
  match scan cl old new bs [] [] with
  | Some r => Some (rev r)
  | None => None
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
