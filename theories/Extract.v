(** * Extract: the one extraction file.  Compile from inside [theories/];
    it writes [../extracted/darcscore.ml] and [.mli]. *)

From Coq Require Extraction.
From Coq Require Import ExtrOcamlBasic ExtrOcamlNatInt ExtrOcamlChar.
From Coq Require Import List Arith Strings.Byte.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Sort Depend Walk Conflict3 Conflict2 UrlPath Api.
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

(** ** Entry points for the glue: [Api.v] (each with its theorem saying
    which reference function of the list model it computes). *)

Extraction "../extracted/darcscore.ml"
  api_apply api_invert api_commute api_commute_named
  api_tree_at api_file_at api_annotate api_dependencies api_dependencies3 api_dependencies2 validate
  api_dependencies_unpruned api_touched api_deps_of api_deps_range api_file_at_pruned api_annotate_pruned
  api_touched_prims api_effect2 api_effect3 api_coverage api_effect1.
