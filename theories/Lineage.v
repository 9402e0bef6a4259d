(** * Lineage: a file at a version, and its annotation, from the patches
    that touch the file's lineage only.

    Walking the history backwards from a path [p], a set of paths [ls]
    (the lineage: [p], and whatever the kept prims touch, old names
    through moves included) grows by the paths of every prim that meets
    it; a prim whose paths are unrelated to [ls] at its point is left out.
    The prims kept are then applied from the empty tree.  A prim's
    preconditions and effect look only at paths related to its own paths
    (parents, the paths themselves, what lies below them), so the tree
    obtained holds, at every path related to [p], what the full history's
    tree holds ([LineageLaws]).

    The history comes as [fentry]s, in order (the first is patch 0): a
    patch in full, or the summary of its touched paths.  A summarised
    patch must be unrelated to the lineage at its point, or the answer is
    "need this patch" ([PNeed]).

    - [file_at_pruned] (op 14) and [annotate_pruned] (op 15);
      [LineageLaws.file_at_pruned_exact], [annotate_pruned_exact]: equal
      to [Depend.file_at], [Depend.annotate] whenever the full history
      applies (a directory's names as a set). *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Touch Prune.
Import ListNotations.

Section Lineage.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation prim := (prim L N).
Notation state := (state L N).
Notation named := (named L N).

(** A part of a patch: a prim, or a run of [n] consecutive prims given by
    the summary of their paths. *)
Inductive fseg := FPrim (r : prim) | FRun (n : nat) (sum : list path).

(** A patch of the history: in full, as the summary of its paths, or in
    part (its prims that matter, the others in summarised runs). *)
Inductive fentry := FFull (q : named) | FSkip (sum : list path) | FPart (segs : list fseg).

(** A prim with its patch's index and its index inside the patch. *)
Definition tprim := (nat * nat * prim)%type.

(** The prims of patch [i], numbered from [j]. *)
Fixpoint tag (i j : nat) (rs : list prim) : list tprim :=
  match rs with [] => [] | r :: rs' => (i, j, r) :: tag i (S j) rs' end.

(** One prim, seen from the newer ones: the lineage so far and the prims
    kept after it. *)
Definition lin_step (x : tprim) (acc : list path * list tprim) : list path * list tprim :=
  let '(_, _, r) := x in
  let '(ls, ks) := acc in
  if meets (touched_prim r) ls then (add_paths (touched_prim r) ls, x :: ks) else (ls, ks).

(** The prims of [xs], the newest first (a right fold), from the lineage
    and kept prims [acc] of what follows them. *)
Definition lin (xs : list tprim) (acc : list path * list tprim) : list path * list tprim :=
  fold_right lin_step acc xs.

(** The parts of patch [i] (its prims numbered from [j]), the newest
    first; a summarised run must be unrelated to the lineage at its point. *)
Fixpoint lin_segs (i j : nat) (segs : list fseg) (acc : list path * list tprim)
  : presult (list path * list tprim) :=
  match segs with
  | [] => PDone acc
  | FPrim r :: segs' =>
      match lin_segs i (S j) segs' acc with
      | PDone acc' => PDone (lin_step (i, j, r) acc')
      | PNeed k => PNeed k
      end
  | FRun n sum :: segs' =>
      match lin_segs i (j + n) segs' acc with
      | PDone acc' => if meets sum (fst acc') then PNeed i else PDone acc'
      | PNeed k => PNeed k
      end
  end.

(** The whole history, the newest patch first; a summarised patch must be
    unrelated to the lineage at its point. *)
Fixpoint lin_es (i : nat) (es : list fentry) (acc : list path * list tprim)
  : presult (list path * list tprim) :=
  match es with
  | [] => PDone acc
  | e :: es' =>
      match lin_es (S i) es' acc with
      | PNeed j => PNeed j
      | PDone acc' =>
          match e with
          | FSkip sum => if meets sum (fst acc') then PNeed i else PDone acc'
          | FFull q => PDone (lin (tag i 0 (fst q)) acc')
          | FPart segs => lin_segs i 0 segs acc'
          end
      end
  end.

(** The prims kept for path [p]. *)
Definition kept_for (es : list fentry) (p : path) : presult (list tprim) :=
  match lin_es 0 es ([p], []) with
  | PDone (_, ks) => PDone ks
  | PNeed j => PNeed j
  end.

(** Apply tagged prims in order; a failure names the patch and the prim. *)
Fixpoint apply_tprims (ks : list tprim) (s : state) : nresult state :=
  match ks with
  | [] => NOk s
  | (i, j, r) :: ks' =>
      match apply r s with
      | Some s' => apply_tprims ks' s'
      | None => NFail i j
      end
  end.

(** [Depend.file_at] from the prims kept. *)
Definition file_at_pruned (es : list fentry) (p : path) : presult (nresult (found L N)) :=
  match kept_for es p with
  | PNeed j => PNeed j
  | PDone ks =>
      PDone (match apply_tprims ks [] with
             | NOk s => NOk (found_at s p)
             | NFail i j => NFail i j
             end)
  end.

(** Annotate's backward walk over tagged prims (newest first). *)
Definition ann_tprims (ks : list tprim) (st : astate) : astate :=
  fold_right (fun x st => let '(i, _, r) := x in ann_prim i (invert r) st) st ks.

(** [Depend.annotate] from the prims kept. *)
Definition annotate_pruned (es : list fentry) (p : path)
  : presult (nresult (option (list (option nat) * list L))) :=
  match kept_for es p with
  | PNeed j => PNeed j
  | PDone ks =>
      PDone (match apply_tprims ks [] with
             | NFail i j => NFail i j
             | NOk s =>
                 NOk (match lookup s p with
                      | Some (EFile c) =>
                          let st := ann_tprims ks (AS (Some p) (tag_from 0 c) []) in
                          let ls := break_lines_fast c in
                          Some (fill 0 ls (sort rec_leb (a_recs st)), ls)
                      | _ => None
                      end)
             end)
  end.

End Lineage.

Arguments fentry : clear implicits.
Arguments fseg : clear implicits.
Arguments tprim : clear implicits.
