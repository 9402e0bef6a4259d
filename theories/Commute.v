(** * Commute: darcs' commutation of primitive patches, sequences and
    named patches.

    This mirrors [Darcs.Patch.Prim.V1.Commute] rule by rule:
    [speedyCommute], [everythingElseCommute], [cleverCommute],
    [commuteFiledir], [commuteFP], [commuteHunkLines]; and the [FL]
    instance of [Commute] for sequences.  [commute p q = Some (q', p')]
    means: [p] then [q] can be reordered as [q'] then [p']. *)

From Coq Require Import List Bool Arith Lia.
From Coq Require Import Strings.Byte.
From DarcsWeb Require Import Prim Token Apply Invert.
Import ListNotations.

(** darcs' three-valued result ([Perhaps]). *)
Inductive perhaps (A : Type) := Unknown | Failed | Succeeded (a : A).
Arguments Unknown {A}. Arguments Failed {A}. Arguments Succeeded {A}.

(** darcs' [commuteHunkLines], on naturals.  The subtractions never
    truncate where they are used: in the first case [l2 > l1 + n1], in the
    second [l1 > l2 + o2], in the adjacent cases the equalities hold. *)
Definition commute_hunk_lines (l1 o1 n1 l2 o2 n2 : nat) : option (nat * nat) :=
  if l1 + n1 <? l2 then Some (l2 - n1 + o1, l1)
  else if l2 + o2 <? l1 then Some (l2, l1 + n2 - o2)
  else if negb (o2 =? 0) && negb (o1 =? 0) && negb (n2 =? 0) && negb (n1 =? 0)
          && (l1 + n1 =? l2) then Some (l2 - n1 + o1, l1)
  else if negb (o2 =? 0) && negb (o1 =? 0) && negb (n2 =? 0) && negb (n1 =? 0)
          && (l2 + o2 =? l1) then Some (l2, l1 + n2 - o2)
  else None.

(** darcs' error conditions of [tryTokReplace] (an error in darcs, a
    failure here): [old] non-empty and both words made of token chars. *)
Definition tok_args_ok (cl : tokclass) (old new : bytes) : bool :=
  match old with [] => false | _ => all_tok cl old && all_tok cl new end.

(** [tryTokReplaces]: token replace on each line of a hunk. *)
Definition tok_lines {L} `{LineOps L} (toks old new : bytes) (ls : list L) : option (list L) :=
  let cl := parse_class toks in
  if tok_args_ok cl old new then replace_lines cl old new ls else None.

Section Commute.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).

(** The shape of a prim, as darcs' constructors [FP], [DP], [Move],
    [ChangePref]. *)
Inductive kind := KFile (f : path) | KDir (d : path) | KMove (f t : path) | KPref.

Definition kind_of (p : prim) : kind :=
  match p with
  | Hunk f _ _ _ | AddFile f | RmFile f | Replace f _ _ _ | Binary f _ _ => KFile f
  | AddDir d | RmDir d => KDir d
  | Move f t => KMove f t
  | ChangePref _ _ _ => KPref
  end.

(** The same file/directory prim at another path. *)
Definition relocate (p : prim) (f : path) : prim :=
  match p with
  | Hunk _ l o n => Hunk f l o n
  | AddFile _ => AddFile f
  | RmFile _ => RmFile f
  | Replace _ t o n => Replace f t o n
  | Binary _ o n => Binary f o n
  | AddDir _ => AddDir f
  | RmDir _ => RmDir f
  | _ => p
  end.

Definition is_addrm_file (p : prim) : bool :=
  match p with AddFile _ | RmFile _ => true | _ => false end.

(** darcs' [isSuperdir]: strict prefix. *)
Definition is_superdir (a b : path) : bool := is_prefix a b && negb (path_eqb a b).

(** [speedyCommute]: file prims on different files commute trivially. *)
Definition speedy (p1 p2 : prim) : perhaps (prim * prim) :=
  match kind_of p1, kind_of p2 with
  | KFile f1, KFile f2 => if path_eqb f1 f2 then Unknown else Succeeded (p2, p1)
  | _, _ => Unknown
  end.

(** [commuteFP]: two prims on the same file. *)
Definition commute_fp (p1 p2 : prim) : perhaps (prim * prim) :=
  match p1, p2 with
  | _, Hunk _ _ [] [] => Succeeded (p2, p1)
  | Hunk _ _ [] [], _ => Succeeded (p2, p1)
  | Hunk f l1 o1 n1, Hunk _ l2 o2 n2 =>
      match commute_hunk_lines l1 (length o1) (length n1) l2 (length o2) (length n2) with
      | Some (l2', l1') => Succeeded (Hunk f l2' o2 n2, Hunk f l1' o1 n1)
      | None => Failed
      end
  | Hunk f l1 o1 n1, Replace _ t o n =>
      match tok_lines t o n o1, tok_lines t o n n1 with
      | Some o1', Some n1' => Succeeded (p2, Hunk f l1 o1' n1')
      | _, _ => Failed
      end
  | Replace _ t1 o1 n1, Replace _ t2 o2 n2 =>
      if bytes_eqb t1 t2 && negb (bytes_eqb o1 o2) && negb (bytes_eqb n1 o2)
         && negb (bytes_eqb o1 n2) && negb (bytes_eqb n1 n2)
      then Succeeded (p2, p1) else Failed
  | _, _ => Unknown
  end.

(** [commuteFiledir]. *)
Definition commute_filedir (p1 p2 : prim) : perhaps (prim * prim) :=
  match kind_of p1, kind_of p2 with
  | KFile f1, KFile f2 =>
      if path_eqb f1 f2 then commute_fp p1 p2 else Succeeded (p2, p1)
  | KDir d1, KDir d2 =>
      if negb (is_prefix d1 d2 || is_prefix d2 d1) && negb (path_eqb d1 d2)
      then Succeeded (p2, p1) else Failed
  | KFile f, KDir d =>
      if negb (is_prefix d f) then Succeeded (p2, p1) else Failed
  | KFile f1, KMove d d' =>
      if path_eqb f1 d' then Failed
      else if is_addrm_file p1 && path_eqb d f1 then Failed
      else Succeeded (p2, relocate p1 (move_path d d' f1))
  | KDir d1, KMove d d' =>
      if is_superdir d1 d' || is_superdir d1 d then Failed
      else if path_eqb d d1 then Failed
      else if path_eqb d1 d' then Failed
      else Succeeded (p2, relocate p1 (move_path d d' d1))
  | KMove f f', KMove d d' =>
      if path_eqb f d' || path_eqb f' d then Failed
      else if path_eqb f d || path_eqb f' d' then Failed
      else if is_superdir d f && is_superdir f' d' then Failed
      else Succeeded (Move (move_path f' f d) (move_path f' f d'),
                      Move (move_path d d' f) (move_path d d' f'))
  | _, _ => Unknown
  end.

(** [cleverCommute]: if a rule does not know the pair, try the inverted
    pair and invert the answer. *)
Definition clever (p1 p2 : prim) : perhaps (prim * prim) :=
  match commute_filedir p1 p2 with
  | Unknown =>
      match commute_filedir (invert p2) (invert p1) with
      | Succeeded (a, b) => Succeeded (invert b, invert a)
      | Failed => Failed
      | Unknown => Unknown
      end
  | r => r
  end.

Definition is_pref (p : prim) : bool := match p with ChangePref _ _ _ => true | _ => false end.

(** [everythingElseCommute]: preference changes commute with anything. *)
Definition everything_else (p1 p2 : prim) : perhaps (prim * prim) :=
  if is_pref p2 then Succeeded (p2, p1)
  else if is_pref p1 then Succeeded (p2, p1)
  else clever p1 p2.

(** darcs' [commute] on prims: [msum [speedyCommute, everythingElseCommute]]. *)
Definition commute (p1 p2 : prim) : option (prim * prim) :=
  match speedy p1 p2 with
  | Succeeded x => Some x
  | Failed => None
  | Unknown =>
      match everything_else p1 p2 with
      | Succeeded x => Some x
      | _ => None
      end
  end.

(** ** Sequences (darcs' [Commute (FL p)] via [commuteRLFL]/[commuteFL]) *)

(** [commute_past x ys]: move [x] to the right past every [y] of [ys]. *)
Fixpoint commute_past (x : prim) (ys : list prim) : option (list prim * prim) :=
  match ys with
  | [] => Some ([], x)
  | y :: ys' =>
      match commute x y with
      | Some (y', x') =>
          match commute_past x' ys' with
          | Some (ys'', x'') => Some (y' :: ys'', x'')
          | None => None
          end
      | None => None
      end
  end.

(** [rxs] is the first sequence reversed; its last prim is moved first. *)
Fixpoint commute_rl (rxs ys acc : list prim) : option (list prim * list prim) :=
  match rxs with
  | [] => Some (ys, acc)
  | x :: rxs' =>
      match commute_past x ys with
      | Some (ys', x') => commute_rl rxs' ys' (x' :: acc)
      | None => None
      end
  end.

(** [commute_seq xs ys = Some (ys', xs')]: [xs;ys] = [ys';xs']. *)
Definition commute_seq (xs ys : list prim) : option (list prim * list prim) :=
  commute_rl (rev xs) ys [].

End Commute.

Arguments kind : clear implicits.
