
val xorb : bool -> bool -> bool

val negb : bool -> bool

val fst : ('a1 * 'a2) -> 'a1

val snd : ('a1 * 'a2) -> 'a2

val length : 'a1 list -> int

val app : 'a1 list -> 'a1 list -> 'a1 list

val add : int -> int -> int

val sub : int -> int -> int

module Nat :
 sig
 end

val removelast : 'a1 list -> 'a1 list

val rev : 'a1 list -> 'a1 list

val rev_append : 'a1 list -> 'a1 list -> 'a1 list

val list_eq_dec : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list -> bool

val map : ('a1 -> 'a2) -> 'a1 list -> 'a2 list

val fold_left : ('a1 -> 'a2 -> 'a1) -> 'a2 list -> 'a1 -> 'a1

val existsb : ('a1 -> bool) -> 'a1 list -> bool

val forallb : ('a1 -> bool) -> 'a1 list -> bool

val filter : ('a1 -> bool) -> 'a1 list -> 'a1 list

type 'a eqDec = 'a -> 'a -> bool

val eq_dec : 'a1 eqDec -> 'a1 -> 'a1 -> bool

type 'l lineOps = { empty_line : 'l; line_bytes : ('l -> char list);
                    line_of_bytes : (char list -> 'l) }

type bytes = char list

type 'n path = 'n list

type 'l entry =
| EDir
| EFile of 'l list

type ('l, 'n) prim =
| Hunk of 'n path * int * 'l list * 'l list
| AddFile of 'n path
| RmFile of 'n path
| AddDir of 'n path
| RmDir of 'n path
| Move of 'n path * 'n path
| Replace of 'n path * bytes * bytes * bytes
| Binary of 'n path * 'l list * 'l list
| ChangePref of bytes * bytes * bytes

type ('l, 'n) state = ('n path * 'l entry) list

val path_eqb : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool

val is_prefix : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool

val strip_prefix : 'a1 eqDec -> 'a1 path -> 'a1 path -> 'a1 path option

val move_path : 'a1 eqDec -> 'a1 path -> 'a1 path -> 'a1 path -> 'a1 path

val parent : 'a1 path -> 'a1 path

val lookup : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a1 entry option

val del : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> ('a1, 'a2) state

val set :
  'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a1 entry -> ('a1, 'a2) state

val is_dir : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool

val fresh : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool

val no_children : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool

type citem =
| CChar of char
| CRange of char * char
| CBad

val unescape : char list -> char list

val parse_items : char list -> citem list

type tokclass = bool * citem list

val parse_class : char list -> tokclass

val mem_items : citem list -> char -> bool option

val is_tok : tokclass -> char -> bool option

val bytes_eqb : bytes -> bytes -> bool

val flush : bytes -> bytes -> bytes -> bytes -> bytes option

val scan :
  tokclass -> bytes -> bytes -> bytes -> bytes -> bytes -> bytes option

val tok_replace : tokclass -> bytes -> bytes -> bytes -> bytes option

val all_tok : tokclass -> bytes -> bool

val replace_ok : tokclass -> bytes -> bytes -> bool

val replace_lines :
  'a1 lineOps -> tokclass -> bytes -> bytes -> 'a1 list -> 'a1 list option

val split_at : int -> 'a1 list -> 'a1 list -> ('a1 list * 'a1 list) option

val drop_prefix : 'a1 eqDec -> 'a1 list -> 'a1 list -> 'a1 list option

val splice :
  'a1 eqDec -> int -> 'a1 list -> 'a1 list -> 'a1 list -> 'a1 list option

val apply_hunk :
  'a1 eqDec -> int -> 'a1 list -> 'a1 list -> 'a1 list -> 'a1 list option

val norm : 'a1 lineOps -> 'a1 list -> 'a1 list

val apply_fp :
  'a1 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> 'a1 list -> 'a1 list option

val rename_state :
  'a2 eqDec -> 'a2 path -> 'a2 path -> ('a1, 'a2) state -> ('a1, 'a2) state

val is_file_empty : 'a1 eqDec -> 'a1 lineOps -> 'a1 entry option -> bool

val nonroot : 'a1 path -> bool

val is_some : 'a1 option -> bool

val apply :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
  state -> ('a1, 'a2) state option

type 'a result =
| Ok of 'a
| Fail of int

val apply_seq_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
  ('a1, 'a2) state -> ('a1, 'a2) state result

val apply_seq :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  state -> ('a1, 'a2) state result

val invert : ('a1, 'a2) prim -> ('a1, 'a2) prim

val invert_seq : ('a1, 'a2) prim list -> ('a1, 'a2) prim list

type 'a perhaps =
| Unknown
| Failed
| Succeeded of 'a

val commute_hunk_lines :
  int -> int -> int -> int -> int -> int -> (int * int) option

val tok_args_ok : tokclass -> bytes -> bytes -> bool

val tok_lines :
  'a1 lineOps -> bytes -> bytes -> bytes -> 'a1 list -> 'a1 list option

type 'n kind =
| KFile of 'n path
| KDir of 'n path
| KMove of 'n path * 'n path
| KPref

val kind_of : ('a1, 'a2) prim -> 'a2 kind

val relocate : ('a1, 'a2) prim -> 'a2 path -> ('a1, 'a2) prim

val is_addrm_file : ('a1, 'a2) prim -> bool

val is_superdir : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool

val speedy :
  'a2 eqDec -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1, 'a2) prim * ('a1,
  'a2) prim) perhaps

val commute_fp :
  'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1, 'a2)
  prim * ('a1, 'a2) prim) perhaps

val commute_filedir :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
  'a2) prim * ('a1, 'a2) prim) perhaps

val clever :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
  'a2) prim * ('a1, 'a2) prim) perhaps

val is_pref : ('a1, 'a2) prim -> bool

val everything_else :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
  'a2) prim * ('a1, 'a2) prim) perhaps

val commute :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
  'a2) prim * ('a1, 'a2) prim) option

val commute_past :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim list ->
  (('a1, 'a2) prim list * ('a1, 'a2) prim) option

val commute_rl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list ->
  ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option

val commute_seq :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list ->
  (('a1, 'a2) prim list * ('a1, 'a2) prim list) option

type ('l, 'n) named = ('l, 'n) prim list * int list

val commute_named :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2) named -> (('a1,
  'a2) prim list * ('a1, 'a2) prim list) option

val api_apply :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) state -> ('a1, 'a2)
  prim list -> ('a1, 'a2) state result

val api_invert :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list

val api_commute :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option

val api_commute_named :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2)
  named -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option
