(** * Depend: the repository at a version, line annotation, and patch
    dependencies, computed with the verified [apply] and [commute]. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort.
Import ListNotations.

Section Depend.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).
Notation named := (named L N).
Notation inamed := (inamed L N).

(** ** The tree and a file at a version *)

(** The tree after all of [ps], from the empty tree. *)
Definition tree_at (ps : list named) : nresult state := apply_named ps [].

(** What a path holds. *)
Inductive found := Absent | FoundFile (c : list L) | FoundDir (names : list N).

(** The names of the immediate children of [p]. *)
Fixpoint children (s : state) (p : path) : list N :=
  match s with
  | [] => []
  | (q, _) :: s' =>
      match strip_prefix p q with
      | Some [x] => x :: children s' p
      | _ => children s' p
      end
  end.

Definition found_at (s : state) (p : path) : found :=
  match p with
  | [] => FoundDir (children s [])
  | _ => match lookup s p with
         | None => Absent
         | Some (EFile c) => FoundFile c
         | Some EDir => FoundDir (children s p)
         end
  end.

(** The contents of [p] (or the listing of a directory) after [ps]. *)
Definition file_at (ps : list named) (p : path) : nresult found :=
  match tree_at ps with
  | NOk s => NOk (found_at s p)
  | NFail i j => NFail i j
  end.

(** ** Annotate (darcs' [Darcs.Patch.Annotate], for files)

    Walk the patches from the newest to the oldest, applying the inverse
    of each effect to a "current" list of pieces tagged with their index in
    the final file ([None]: a piece that is not in the final file).  When
    an (inverted) prim removes a tagged piece, the current patch introduced
    that line. *)

Record astate := AS {
  a_path : option path;                 (** where the file is, at this point *)
  a_cur : list (option nat * L);        (** its pieces, tagged *)
  a_recs : list (nat * nat)             (** (final line index, patch index) *)
}.

(** darcs' [splitAt n] (truncating), the prefix reversed onto [acc]. *)
Fixpoint split_n {A} (n : nat) (l acc : list A) : list A * list A :=
  match n, l with
  | O, _ => (acc, l)
  | S _, [] => (acc, [])
  | S n', x :: l' => split_n n' l' (x :: acc)
  end.

(** Remove the first [n] pieces, recording the tagged ones for patch [i]. *)
Fixpoint take_recs (i n : nat) (l : list (option nat * L)) (recs : list (nat * nat))
  : list (nat * nat) * list (option nat * L) :=
  match n, l with
  | O, _ => (recs, l)
  | S _, [] => (recs, [])
  | S n', (t, _) :: l' =>
      take_recs i n' l' (match t with Some k => (k, i) :: recs | None => recs end)
  end.

Fixpoint push_untagged (k : nat) (l : list (option nat * L)) : list (option nat * L) :=
  match k with O => l | S k' => (None, empty_line) :: push_untagged k' l end.

(** darcs' [annotateReplace]: does the line contain the token [o]?  (A
    byte reaching an unsupported escape of the class counts as no.) *)
Fixpoint has_tok (cl : tokclass) (o : bytes) (bs tok : bytes) : bool :=
  match bs with
  | [] => match tok with [] => false | _ => bytes_eqb (rev tok) o end
  | b :: bs' =>
      match is_tok cl b with
      | Some true => has_tok cl o bs' (b :: tok)
      | _ => match tok with
             | [] => has_tok cl o bs' []
             | _ => bytes_eqb (rev tok) o || has_tok cl o bs' []
             end
      end
  end.

Definition record_all (i : nat) (l : list (option nat * L)) (recs : list (nat * nat)) :=
  fold_left (fun r te => match fst te with Some k => (k, i) :: r | None => r end) l recs.

(** One (already inverted) prim of patch [i]. *)
Definition ann_prim (i : nat) (p : prim) (st : astate) : astate :=
  match a_path st with
  | None => st
  | Some fp =>
      match p with
      | Hunk f off o n =>
          if path_eqb f fp then
            let '(rto, from) := split_n (off - 1) (a_cur st) [] in
            let '(recs, rest) := take_recs i (length o) from (a_recs st) in
            AS (Some fp) (rev_append rto (push_untagged (length n) rest)) recs
          else st
      | Replace f t o _ =>
          if path_eqb f fp then
            let cl := parse_class t in
            let hit te := has_tok cl o (line_bytes (snd te)) [] in
            AS (Some fp)
               (map (fun te => if hit te then (None, empty_line) else te) (a_cur st))
               (record_all i (filter hit (a_cur st)) (a_recs st))
          else st
      | Binary f _ n =>
          (* darcs' annotate raises an error here; we say the binary patch
             introduced every line it replaced (see README). *)
          if path_eqb f fp then
            AS (Some fp) (map (fun l => (None, l)) n) (record_all i (a_cur st) (a_recs st))
          else st
      | RmFile f =>
          if path_eqb f fp then AS None (a_cur st) (a_recs st) else st
      | Move f t => AS (Some (move_path f t fp)) (a_cur st) (a_recs st)
      | _ => st
      end
  end.

(** One named patch: its effect inverted (reversed, each prim inverted). *)
Definition ann_named (i : nat) (p : named) (st : astate) : astate :=
  fold_left (fun st q => ann_prim i q st) (invert_seq (fst p)) st.

(** All patches, the newest first. *)
Fixpoint ann_all (i : nat) (ps : list named) (st : astate) : astate :=
  match ps with
  | [] => st
  | p :: ps' => ann_named i p (ann_all (S i) ps' st)
  end.

(** darcs' [breakLines]: the pieces, without a final empty piece. *)
Definition break_lines (c : list L) : list L :=
  match rev c with
  | [] => []
  | x :: r => if eq_dec x empty_line then rev r else c
  end.

(** [break_lines] without [rev], which the extraction runs in quadratic time
    (a 100,000-line file: minutes); [break_lines_fast_eq]: equal. *)
Definition break_lines_fast (c : list L) : list L :=
  match rev_append c [] with
  | [] => []
  | x :: r => if eq_dec x empty_line then rev_append r [] else c
  end.

Lemma break_lines_fast_eq : forall c, break_lines_fast c = break_lines c.
Proof.
  intros c. unfold break_lines_fast, break_lines. rewrite rev_append_rev, app_nil_r.
  destruct (rev c) as [|x r]; auto. rewrite rev_append_rev, app_nil_r. reflexivity.
Qed.

Fixpoint tag_from (k : nat) (c : list L) : list (option nat * L) :=
  match c with [] => [] | x :: c' => (Some k, x) :: tag_from (S k) c' end.

Fixpoint drop_below (k : nat) (recs : list (nat * nat)) : list (nat * nat) :=
  match recs with
  | (k', _) :: r => if k' <? k then drop_below k r else recs
  | [] => []
  end.

(** One index per line, from the records sorted by line. *)
Fixpoint fill (k : nat) (ls : list L) (recs : list (nat * nat)) : list (option nat) :=
  match ls with
  | [] => []
  | _ :: ls' =>
      match drop_below k recs with
      | (k', i) :: r => if k' =? k then Some i :: fill (S k) ls' r
                        else None :: fill (S k) ls' ((k', i) :: r)
      | [] => None :: fill (S k) ls' []
      end
  end.

Definition rec_leb (a b : nat * nat) : bool := fst a <=? fst b.

(** For every line of the file [p] after [ps]: the index of the named
    patch that introduced it, and the lines.  [None] when [p] is not a
    file at the end. *)
Definition annotate (ps : list named) (p : path)
  : nresult (option (list (option nat) * list L)) :=
  match tree_at ps with
  | NFail i j => NFail i j
  | NOk s =>
      NOk (match lookup s p with
           | Some (EFile c) =>
               let st := ann_all 0 ps (AS (Some p) (tag_from 0 c) []) in
               let ls := break_lines c in
               Some (fill 0 ls (sort rec_leb (a_recs st)), ls)
           | _ => None
           end)
  end.

(** ** Dependencies (darcs' [depsGraph] in [ShowDependencies]) *)

(** Union of two lists sorted decreasingly. *)
Fixpoint merge_desc (l1 : list nat) : list nat -> list nat :=
  match l1 with
  | [] => fun l2 => l2
  | x :: l1' =>
      fix aux (l2 : list nat) : list nat :=
        match l2 with
        | [] => l1
        | y :: l2' => if x <? y then y :: aux l2'
                      else if y <? x then x :: merge_desc l1' l2
                      else x :: merge_desc l1' l2'
        end
  end.

Fixpoint drop_above (j : nat) (l : list nat) : list nat :=
  match l with
  | k :: l' => if j <? k then drop_above j l' else l
  | [] => []
  end.

Record dstate := DS {
  d_pd : list inamed;        (** the patch and what it depends on, in order *)
  d_nd : list inamed;        (** what was commuted out of its way *)
  d_direct : list nat;       (** direct dependencies, ascending *)
  d_all : list nat;          (** all dependencies, descending *)
  d_cursor : list nat        (** [d_all] without what is above the current index *)
}.

(** Walk the earlier patches, the nearest first: [hist] holds (index,
    named patch, all its dependencies). *)
Fixpoint deps_walk (hist : list (nat * named * list nat)) (st : dstate) : dstate :=
  match hist with
  | [] => st
  | (j, q, allj) :: hist' =>
      let cur := drop_above j (d_cursor st) in
      let known := match cur with k :: _ => k =? j | [] => false end in
      if known then
        (* already an indirect dependency: it stays with the patch *)
        deps_walk hist' (DS ((j, q) :: d_pd st) (d_nd st) (d_direct st) (d_all st) cur)
      else
        match commute_fl (j, q) (d_pd st) with
        | Some (pd', q') =>
            deps_walk hist' (DS pd' (q' :: d_nd st) (d_direct st) (d_all st) cur)
        | None =>
            let all' := merge_desc (d_all st) (j :: allj) in
            deps_walk hist' (DS ((j, q) :: d_pd st) (d_nd st) (j :: d_direct st)
                                all' (drop_above j all'))
        end
  end.

Definition deps_of (i : nat) (p : named) (hist : list (nat * named * list nat)) : dstate :=
  deps_walk hist (DS [(i, p)] [] [] [] []).

Fixpoint deps_from (i : nat) (ps : list named) (hist : list (nat * named * list nat))
  (acc : list (list nat)) : list (list nat) :=
  match ps with
  | [] => rev acc
  | p :: ps' =>
      let st := deps_of i p hist in
      deps_from (S i) ps' ((i, p, d_all st) :: hist) (d_direct st :: acc)
  end.

(** For each named patch, its direct dependencies, ascending. *)
Definition dependencies (ps : list named) : list (list nat) := deps_from 0 ps [] [].

End Depend.

Arguments found : clear implicits.
