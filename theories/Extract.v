(** * Extract: the one extraction file.  Compile from inside [theories/];
    it writes [../extracted/darcscore.ml] and [.mli]. *)

From Coq Require Extraction.
From Coq Require Import ExtrOcamlBasic ExtrOcamlNatInt ExtrOcamlChar.
From Coq Require Import List Arith Strings.Byte.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Walk Conflict3 Conflict2 UrlPath.
From DarcsWeb Require Import Effect Strict.
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

Definition api_dependencies (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (named L N)) : list (list nat) :=
  dependencies ps.

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

(** Ops 20 and 21: the effect of a named patch's repository patches
    (darcs-2, darcs-3), the model's own effect functions ([Effect.v]). *)
Definition api_effect2 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (rp2 L N)) : list (prim L N) :=
  effects2 ps.

Definition api_effect3 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (rp3 L N)) : list (prim L N) :=
  effects3 ps.

(** Op 23: the effect of a darcs-1 named patch's repository patches
    (prims, and mergers and regrems of two prims, [Effect.v]). *)
Definition api_effect1 (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (ps : list (@rp1 L N)) : list (prim L N) :=
  effects1 ps.

(** Op 22: darcs' replay from [s], each patch classified against the
    laws' hypotheses ([Strict.v]); the tree in output order. *)
Definition api_coverage (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (nleb : N -> N -> bool) (s : state L N) (ps : list (named L N))
  : nresult (list (option nat * bool) * state L N) :=
  match coverage ps s with
  | NOk (cs, t) => NOk (cs, sort_state eqN nleb t)
  | NFail i j => NFail i j
  end.

End Api.

Extraction "../extracted/darcscore.ml"
  api_apply api_invert api_commute api_commute_named
  api_tree_at api_file_at api_annotate api_dependencies api_dependencies3 api_dependencies2 validate
  api_effect2 api_effect3 api_coverage api_effect1.
