(** * Extract: the one extraction file.  Compile from inside [theories/];
    it writes [../extracted/darcscore.ml] and [.mli]. *)

From Coq Require Extraction.
From Coq Require Import ExtrOcamlBasic ExtrOcamlNatInt ExtrOcamlChar.
From Coq Require Import List Arith Strings.Byte.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Walk Conflict3 Conflict2 UrlPath
  Touch Prune Lineage.
Import ListNotations.

(** [nat] is OCaml [int] (ExtrOcamlNatInt).  Bound: every number is a line
    number, a length of a list held in memory, or an index into a list held
    in memory, and sums of at most three of them; all are far below 2^62
    (see README).  The following realise the [Nat] operations we use. *)
Extract Inlined Constant Nat.add => "(+)".
Extract Inlined Constant Nat.sub => "(fun n m -> Stdlib.max 0 (n-m))".
Extract Inlined Constant Nat.ltb => "(<)".
Extract Inlined Constant Nat.leb => "(<=)".
Extract Inlined Constant Nat.eqb => "(=)".
(** [Byte.byte] is OCaml [char] (ExtrOcamlChar); [to_nat] is its code. *)
Extract Inlined Constant Byte.to_nat => "Char.code".

(** ** Entry points for the glue.  Each takes the instantiation (equality
    of lines, equality of names, line operations, order of names) first,
    always in that order, so the glue does not depend on which of them a
    function uses. *)
Section Api.
Context {L N : Type}.

(** Output order: paths compared component-wise with the order on names
    given by the glue (byte order), so that every directory comes before
    its children and siblings are in byte order. *)
Fixpoint path_leb (eqN : EqDec N) (nleb : N -> N -> bool) (a b : path N) : bool :=
  match a, b with
  | [], _ => true
  | _ :: _, [] => false
  | x :: a', y :: b' => if eqN x y then path_leb eqN nleb a' b' else nleb x y
  end.

Definition sort_state (eqN : EqDec N) (nleb : N -> N -> bool) (s : state L N) : state L N :=
  sort (fun a b => path_leb eqN nleb (fst a) (fst b)) s.

Definition api_apply (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (s : state L N) (ps : list (prim L N)) : result (state L N) :=
  match apply_seq ps s with
  | Ok s' => Ok (sort_state eqN nleb s')
  | Fail i => Fail i
  end.

Definition api_invert (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (prim L N)) : list (prim L N) :=
  invert_seq ps.

Definition api_commute (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p q : list (prim L N)) : option (list (prim L N) * list (prim L N)) :=
  commute_seq p q.

Definition api_commute_named (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p q : Named.named L N) : option (list (prim L N) * list (prim L N)) :=
  commute_named p q.

Definition api_tree_at (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool)
  (ps : list (named L N)) : nresult (state L N) :=
  match tree_at ps with
  | NOk s => NOk (sort_state eqN nleb s)
  | NFail i j => NFail i j
  end.

Definition api_file_at (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool)
  (ps : list (named L N)) (p : path N) : nresult (found L N) :=
  match file_at ps p with
  | NOk (FoundDir ns) => NOk (FoundDir (sort nleb ns))
  | r => r
  end.

Definition api_annotate (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) (p : path N)
  : nresult (option (list (option nat) * list L)) :=
  annotate ps p.

(** Op 7: computed by the pruned walk, which [PruneLaws.dependencies_pruned_eq]
    proves equal to [Depend.dependencies]. *)
Definition api_dependencies (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list nat) :=
  dependencies_pruned nleb ps.

(** Op 16: [Depend.dependencies] itself, every earlier patch commuted (for
    differential tests and benchmarks). *)
Definition api_dependencies_unpruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list nat) :=
  dependencies ps.

(** Op 12: the summary of each patch's touched paths ([Touch.summarize]). *)
Definition api_touched (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list (path N)) :=
  map (summarize nleb) ps.

(** Op 17: for each patch, the paths each of its prims touches
    ([Touch.touched_prim]), for the runs of partial entries of ops 14, 15. *)
Definition api_touched_prims (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list (list (path N))) :=
  map (fun p => map touched_prim (fst p)) ps.

(** Op 13: the direct and all dependencies of one patch, from the earlier
    patches in full or summarised ([PruneLaws.deps_prune_exact]). *)
Definition api_deps_of (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (p : named L N) (es : list (wentry L N))
  : presult (list nat * list nat) :=
  deps_prune nleb p es.

(** Op 14: [file_at] from the patches of the path's lineage
    ([LineageLaws.file_at_pruned_exact]). *)
Definition api_file_at_pruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (es : list (fentry L N)) (p : path N) : presult (nresult (found L N)) :=
  match file_at_pruned es p with
  | PDone (NOk (FoundDir ns)) => PDone (NOk (FoundDir (sort nleb ns)))
  | r => r
  end.

(** Op 15: [annotate] from the patches of the path's lineage
    ([LineageLaws.annotate_pruned_exact]). *)
Definition api_annotate_pruned (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (es : list (fentry L N)) (p : path N)
  : presult (nresult (option (list (option nat) * list L))) :=
  annotate_pruned es p.

(** Dependencies of a darcs-3 repository with conflicts, over its
    repository patches (conflictors included). *)
Definition api_dependencies3 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named3 L N)) : res (list (list nat)) :=
  dependencies3 ps.

(** Dependencies of a darcs-2 repository with conflicts, over its
    repository patches (conflictors and duplicates included). *)
Definition api_dependencies2 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named2 L N)) : res (list (list nat)) :=
  dependencies2 ps.

End Api.

Extraction "../extracted/darcscore.ml"
  api_apply api_invert api_commute api_commute_named
  api_tree_at api_file_at api_annotate api_dependencies api_dependencies3 api_dependencies2 validate
  api_dependencies_unpruned api_touched api_deps_of api_file_at_pruned api_annotate_pruned
  api_touched_prims.
