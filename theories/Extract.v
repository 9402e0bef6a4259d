(** * Extract: the one extraction file.  Compile from inside [theories/];
    it writes [../extracted/darcscore.ml] and [.mli]. *)

From Coq Require Extraction.
From Coq Require Import ExtrOcamlBasic ExtrOcamlNatInt ExtrOcamlChar.
From Coq Require Import List Arith Strings.Byte.
From DarcsWeb Require Import Prim Token Apply Invert Commute.

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
    of lines, equality of names, line operations) first, always in that
    order, so the glue does not depend on which of them a function uses. *)
Section Api.
Context {L N : Type}.

Definition api_apply (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (s : state L N) (ps : list (prim L N)) : result (state L N) :=
  apply_seq ps s.

Definition api_invert (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (ps : list (prim L N)) : list (prim L N) :=
  invert_seq ps.

Definition api_commute (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (p q : list (prim L N)) : option (list (prim L N) * list (prim L N)) :=
  commute_seq p q.

Definition api_commute_named (eqL : EqDec L) (eqN : EqDec N) (lo : LineOps L)
  (p q : named L N) : option (list (prim L N) * list (prim L N)) :=
  commute_named p q.

End Api.

Extraction "../extracted/darcscore.ml"
  api_apply api_invert api_commute api_commute_named.
