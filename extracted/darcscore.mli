
val xorb : bool -> bool -> bool

val negb : bool -> bool

val option_map : ('a1 -> 'a2) -> 'a1 option -> 'a2 option

val fst : ('a1 * 'a2) -> 'a1

val snd : ('a1 * 'a2) -> 'a2

val length : 'a1 list -> int

val app : 'a1 list -> 'a1 list -> 'a1 list

val add : int -> int -> int

val sub : int -> int -> int

val eqb : bool -> bool -> bool

module Nat :
 sig
 end

val removelast : 'a1 list -> 'a1 list

val rev : 'a1 list -> 'a1 list

val rev_append : 'a1 list -> 'a1 list -> 'a1 list

val concat : 'a1 list list -> 'a1 list

val list_eq_dec : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list -> bool

val map : ('a1 -> 'a2) -> 'a1 list -> 'a2 list

val flat_map : ('a1 -> 'a2 list) -> 'a1 list -> 'a2 list

val fold_left : ('a1 -> 'a2 -> 'a1) -> 'a2 list -> 'a1 -> 'a1

val fold_right : ('a2 -> 'a1 -> 'a1) -> 'a1 -> 'a2 list -> 'a1

val existsb : ('a1 -> bool) -> 'a1 list -> bool

val forallb : ('a1 -> bool) -> 'a1 list -> bool

val filter : ('a1 -> bool) -> 'a1 list -> 'a1 list

val find : ('a1 -> bool) -> 'a1 list -> 'a1 option

val firstn : int -> 'a1 list -> 'a1 list

val skipn : int -> 'a1 list -> 'a1 list

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

val bytes_eqb : bytes -> bytes -> bool

val is_tok : tokclass -> char -> bool option

type chunk =
| Tok of bytes
| Sep of char

val close : bytes -> chunk list -> chunk list

val lex : tokclass -> bytes -> bytes -> chunk list option

val chunk_bytes : chunk -> bytes

val flatten : chunk list -> bytes

val replace_chunks : bytes -> bytes -> chunk list -> chunk list option

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

val apply_gen :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> bool -> ('a1, 'a2) prim -> ('a1,
  'a2) state -> ('a1, 'a2) state option

val apply :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
  state -> ('a1, 'a2) state option

val sapply :
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

type 'a nresult =
| NOk of 'a
| NFail of int * int

type ('l, 'n) named = ('l, 'n) prim list * int list

type ('l, 'n) inamed = int * ('l, 'n) named

val commute_inamed :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed ->
  (('a1, 'a2) inamed * ('a1, 'a2) inamed) option

val commute_named :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2) named -> (('a1,
  'a2) prim list * ('a1, 'a2) prim list) option

val commute_fl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed list ->
  (('a1, 'a2) inamed list * ('a1, 'a2) inamed) option

val merge : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list -> 'a1 list

val merge_pairs : ('a1 -> 'a1 -> bool) -> 'a1 list list -> 'a1 list list

val merge_all : ('a1 -> 'a1 -> bool) -> int -> 'a1 list list -> 'a1 list

val sort : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list

type ('l, 'n) found =
| Absent
| FoundFile of 'l list
| FoundDir of 'n list

val children : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a2 list

val found_at : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> ('a1, 'a2) found

type ('l, 'n) astate = { a_path : 'n path option;
                         a_cur : (int option * 'l) list;
                         a_recs : (int * int) list }

val split_n : int -> 'a1 list -> 'a1 list -> 'a1 list * 'a1 list

val take_recs :
  int -> int -> (int option * 'a1) list -> (int * int) list -> (int * int)
  list * (int option * 'a1) list

val push_untagged :
  'a1 lineOps -> int -> (int option * 'a1) list -> (int option * 'a1) list

val has_tok : tokclass -> bytes -> bytes -> bytes -> bool

val record_all :
  int -> (int option * 'a1) list -> (int * int) list -> (int * int) list

val ann_prim :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) astate ->
  ('a1, 'a2) astate

val break_lines_fast : 'a1 eqDec -> 'a1 lineOps -> 'a1 list -> 'a1 list

val tag_from : int -> 'a1 list -> (int option * 'a1) list

val drop_below : int -> (int * int) list -> (int * int) list

val fill : int -> 'a1 list -> (int * int) list -> int option list

val rec_leb : (int * int) -> (int * int) -> bool

val merge_desc : int list -> int list -> int list

val drop_above : int -> int list -> int list

type ('l, 'n) dstate = { d_pd : ('l, 'n) inamed list;
                         d_nd : ('l, 'n) inamed list; d_direct : int list;
                         d_all : int list; d_cursor : int list }

val deps_walk :
  'a2 eqDec -> 'a1 lineOps -> ((int * ('a1, 'a2) named) * int list) list ->
  ('a1, 'a2) dstate -> ('a1, 'a2) dstate

val deps_of :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named -> ((int * ('a1, 'a2)
  named) * int list) list -> ('a1, 'a2) dstate

val deps_from :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list -> ((int * ('a1,
  'a2) named) * int list) list -> int list list -> int list list

val dependencies :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> int list list

type 'a res =
| Yes of 'a
| No
| Unsup

val rbind : 'a1 res -> ('a1 -> 'a2 res) -> 'a2 res

val of_opt : 'a1 option -> 'a1 res

val past :
  ('a1 -> 'a1 -> ('a1 * 'a1) option) -> 'a1 -> 'a1 list -> ('a1 list * 'a1)
  option

val past_res :
  ('a1 -> 'a1 -> ('a1 * 'a1) res) -> 'a1 -> 'a1 list -> ('a1 list * 'a1) res

type 'a wstate = { w_pd : (int * 'a) list; w_nd : (int * 'a) list;
                   w_direct : int list; w_all : int list; w_cursor : 
                   int list }

val walk :
  ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
  -> ((int * 'a1) * int list) list -> 'a1 wstate -> 'a1 wstate res

val walk_from :
  ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
  -> int -> 'a1 list -> ((int * 'a1) * int list) list -> int list list -> int
  list list res

val walk_dependencies :
  ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
  -> 'a1 list -> int list list res

type pid = (bool * int) * int

val pid_eqb : pid -> pid -> bool

val pid_inv : pid -> pid

val prim_eq_dec : 'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) prim eqDec

type ('l, 'n) nprim = pid * ('l, 'n) prim

val ninv : ('a1, 'a2) nprim -> ('a1, 'a2) nprim

val nprim_eqb :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim -> bool

val ncommute :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim -> (('a1,
  'a2) nprim * ('a1, 'a2) nprim) option

val nc_fl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
  (('a1, 'a2) nprim list * ('a1, 'a2) nprim) option

val nc_rl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim ->
  (('a1, 'a2) nprim * ('a1, 'a2) nprim list) option

val nc_rlfl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim list
  -> (('a1, 'a2) nprim list * ('a1, 'a2) nprim list) option

val ninv_seq : ('a1, 'a2) nprim list -> ('a1, 'a2) nprim list

val mem_pid : pid -> pid list -> bool

val pull_front_acc :
  'a2 eqDec -> 'a1 lineOps -> pid -> ('a1, 'a2) nprim list -> ('a1, 'a2)
  nprim list -> (('a1, 'a2) nprim * ('a1, 'a2) nprim list) option

val fast_remove :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
  ('a1, 'a2) nprim list option

val commute_to_prefix :
  'a2 eqDec -> 'a1 lineOps -> pid list -> ('a1, 'a2) nprim list -> (('a1,
  'a2) nprim list * ('a1, 'a2) nprim list) option

type ('l, 'n) ctxd = ('l, 'n) nprim list * ('l, 'n) nprim

val cid : ('a1, 'a2) ctxd -> pid

val commute_past0 :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) ctxd -> ('a1,
  'a2) ctxd option

val commute_past_seq :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
  ('a1, 'a2) ctxd option

val ctx_add :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) ctxd -> ('a1,
  'a2) ctxd

val ctx_add_seq :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
  ('a1, 'a2) ctxd

val ctx_add_inv :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
  ('a1, 'a2) ctxd

val clean_merges :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim list
  -> bool

val find_common :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim list
  -> (('a1, 'a2) nprim list * ('a1, 'a2) nprim list) option

val no_conflict :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd -> bool

val cmem : ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> bool

val cdel : ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list

val cins : ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list

val cnub : ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list

val cmap :
  (('a1, 'a2) ctxd -> ('a1, 'a2) ctxd) -> ('a1, 'a2) ctxd list -> ('a1, 'a2)
  ctxd list

val cdiff :
  ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list

val cset_eqb : ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list -> bool

val map_opt :
  (('a1, 'a2) ctxd -> ('a1, 'a2) ctxd option) -> ('a1, 'a2) ctxd list ->
  ('a1, 'a2) ctxd list option

type ('l, 'n) rp3 =
| RPrim of ('l, 'n) nprim
| RConf of ('l, 'n) nprim list * ('l, 'n) ctxd list * ('l, 'n) ctxd

val rp3_effect : ('a1, 'a2) rp3 -> ('a1, 'a2) prim list

val guardb : bool -> 'a1 option -> 'a1 option

val commute_nc :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3 -> (('a1, 'a2)
  rp3 * ('a1, 'a2) rp3) option

val cc_prim_only :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
  ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2)
  rp3) perhaps

val cc_prim :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2)
  nprim list -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd -> (('a1, 'a2)
  rp3 * ('a1, 'a2) rp3) perhaps

val cc_conf_only :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list
  -> ('a1, 'a2) ctxd -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list ->
  ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps

val cc_conf :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list
  -> ('a1, 'a2) ctxd -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list ->
  ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps

val or_else : 'a1 perhaps -> (unit -> 'a1 perhaps) -> 'a1 perhaps

val commute_conflicting :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
  -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps

val commute3 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
  -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) option

val commute3_past :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
  list -> (('a1, 'a2) rp3 list * ('a1, 'a2) rp3) option

val commute3_rl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 list -> ('a1, 'a2)
  rp3 list -> ('a1, 'a2) rp3 list -> (('a1, 'a2) rp3 list * ('a1, 'a2) rp3
  list) option

val commute3_seq :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 list -> ('a1, 'a2)
  rp3 list -> (('a1, 'a2) rp3 list * ('a1, 'a2) rp3 list) option

type ('l, 'n) named3 = ('l, 'n) rp3 list * int list

type ('l, 'n) inamed3 = int * ('l, 'n) named3

val commute_inamed3 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed3 -> ('a1, 'a2)
  inamed3 -> (('a1, 'a2) inamed3 * ('a1, 'a2) inamed3) option

val commute3_fl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed3 -> ('a1, 'a2)
  inamed3 list -> (('a1, 'a2) inamed3 list * ('a1, 'a2) inamed3) option

val dependencies3 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named3 list -> int list
  list res

type ('l, 'n) rp2 =
| Normal of ('l, 'n) prim
| Dup of ('l, 'n) non
| Etac of ('l, 'n) non
| Conf of ('l, 'n) non list * ('l, 'n) prim list * ('l, 'n) non
| InvConf of ('l, 'n) non list * ('l, 'n) prim list * ('l, 'n) non
and ('l, 'n) non =
| Non of ('l, 'n) rp2 list * ('l, 'n) prim

val invert2 : ('a1, 'a2) rp2 -> ('a1, 'a2) rp2

val effect2 : ('a1, 'a2) rp2 -> ('a1, 'a2) prim list

val effects2 : ('a1, 'a2) rp2 list -> ('a1, 'a2) prim list

val prim_eqb :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> bool

val p_crl :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim ->
  (('a1, 'a2) prim * ('a1, 'a2) prim list) option

val p_heads :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> (('a1, 'a2)
  prim * ('a1, 'a2) prim list) list

val p_remove_fl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim
  list -> ('a1, 'a2) prim list option

val p_tails :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> (('a1, 'a2) prim
  list * ('a1, 'a2) prim) list

val p_remove_rl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim
  list -> ('a1, 'a2) prim list option

val p_eq_fl_same :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list -> bool

val p_eq_fl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list -> bool

val p_eq_rl_same :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list -> bool

val p_eq_rl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list -> bool

val join_inverses :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2)
  prim list

val p_cwwc :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) prim list
  -> ((('a1, 'a2) prim list * ('a1, 'a2) prim) * ('a1, 'a2) prim list) option

val p_cwwc_rl :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list -> ('a1, 'a2) prim
  -> ((('a1, 'a2) prim list * ('a1, 'a2) prim) * ('a1, 'a2) prim list) option

val p_pull_common_rl :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
  ('a1, 'a2) prim list -> ((('a1, 'a2) prim list * ('a1, 'a2) prim
  list) * ('a1, 'a2) prim list) option

type ('l, 'n) ops = { o_cm : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                             rp2 * ('l, 'n) rp2) res);
                      o_eq : (('l, 'n) rp2 -> ('l, 'n) rp2 -> bool res);
                      o_merge : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                                rp2 * ('l, 'n) rp2) res);
                      o_cnc : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                              rp2 * ('l, 'n) rp2) res) }

val mapr : ('a1 -> 'a2 res) -> 'a1 list -> 'a2 list res

val anyr : ('a1 -> bool res) -> 'a1 list -> bool res

val cfl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2
  list * ('a1, 'a2) rp2) res

val heads :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2
  list) list res

val first_eq :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2 list)
  list -> ('a1, 'a2) rp2 list res

val remove_fl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2
  list res

val tails :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2 list * ('a1, 'a2)
  rp2) list res

val last_eq :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 list * ('a1, 'a2) rp2)
  list -> ('a1, 'a2) rp2 list res

val remove_rl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2
  list res

val remove_subseq_same :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1, 'a2)
  rp2 list res

val remove_subseq :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1, 'a2)
  rp2 list res

val eq_fl_same :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> bool res

val eq_fl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> bool res

val eq_non :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
  non -> bool res

val remove1 :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
  non list -> ('a1, 'a2) non list res

val eq_set :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
  'a2) non list -> bool res

val minus :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
  'a2) non list -> ('a1, 'a2) non list res

val delete :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
  non list -> ('a1, 'a2) non list res

val elem :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
  non list -> bool res

val star_l :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res

val star_r :
  ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) rp2 -> ('a1, 'a2) non res

val coa :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res

val coa_rl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non -> ('a1, 'a2) non
  res

val cpoa :
  ('a1, 'a2) ops -> ('a1, 'a2) prim list -> ('a1, 'a2) non -> ('a1, 'a2) non
  res

val cor :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res

val cor_fl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non -> ('a1, 'a2) non
  res

val star_ll :
  ('a1, 'a2) ops -> ('a1, 'a2) prim list -> ('a1, 'a2) non -> ('a1, 'a2) non
  res

val star_rr :
  ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) prim list -> ('a1, 'a2) non
  res

val invert_non : ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non res

val non_of : ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non res

val depends_upon :
  ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non -> bool res

val conflicts_with :
  ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non -> bool res

val partition_r :
  (('a1, 'a2) non -> bool res) -> ('a1, 'a2) non list -> (('a1, 'a2) non
  list * ('a1, 'a2) non list) res

val all_conflicts_with :
  ('a1, 'a2) ops -> int -> ('a1, 'a2) non -> ('a1, 'a2) non list -> (('a1,
  'a2) non list * ('a1, 'a2) non list) res

val cwwc :
  ('a1, 'a2) ops -> int -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ((('a1,
  'a2) rp2 list * ('a1, 'a2) rp2) * ('a1, 'a2) rp2 list) res

val merge_xs_y :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 -> (('a1, 'a2)
  rp2 * ('a1, 'a2) rp2 list) res

val merge_fl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> (('a1, 'a2)
  rp2 list * ('a1, 'a2) rp2 list) res

val pull_common :
  ('a1, 'a2) ops -> int -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list ->
  ((('a1, 'a2) rp2 list * ('a1, 'a2) rp2 list) * ('a1, 'a2) rp2 list) res

val un_non : ('a1, 'a2) non -> ('a1, 'a2) rp2 list

val no_effect :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp2 list -> bool

val mcn_go :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  list -> ('a1, 'a2) rp2 list list -> ('a1, 'a2) rp2 list res

val merge_conflicting_nons :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
  list -> ('a1, 'a2) rp2 list res

val gcw :
  ('a1, 'a2) ops -> int -> (('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2)
  rp2 * ('a1, 'a2) rp2) res) -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 ->
  ((('a1, 'a2) rp2 list * ('a1, 'a2) rp2) * ('a1, 'a2) rp2 list) res

val all_normal : ('a1, 'a2) rp2 list -> ('a1, 'a2) prim list option

val mac :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1,
  'a2) rp2 list -> ('a1, 'a2) prim list -> ('a1, 'a2) rp2 list -> (('a1, 'a2)
  rp2 list * ('a1, 'a2) rp2 list) res

val merge_after_conflicting :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  list -> ('a1, 'a2) prim list -> (('a1, 'a2) rp2 list * ('a1, 'a2) rp2 list)
  res

val to_nons_go :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1, 'a2)
  non list res

val to_nons : ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non list res

val unsup_no : 'a1 res -> 'a1 res

val geteff :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
  list -> ('a1, 'a2) prim list -> (('a1, 'a2) non list * ('a1, 'a2) rp2 list)
  res

val xx2nons :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
  list -> ('a1, 'a2) prim list -> ('a1, 'a2) non list res

val xx2patches :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
  list -> ('a1, 'a2) prim list -> ('a1, 'a2) rp2 list res

val rem_helper :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1,
  'a2) non list -> ('a1, 'a2) rp2 list -> (('a1, 'a2) prim list * ('a1, 'a2)
  rp2 list) res

val rem_nons :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
  list -> ('a1, 'a2) non -> ('a1, 'a2) non res

val filter_conflicts :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1, 'a2) non ->
  ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) res

val eq_body :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> bool res

val invert_commuter :
  (('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res)
  -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val no_conflicts_any :
  ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non list -> bool res

val cnc_core :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val cnc :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val ccf_core :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val ccf :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val commute_body :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val union_nons :
  'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
  'a2) non list -> ('a1, 'a2) non list res

val merge_core :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val merge_body :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
  -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res

val level : 'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) ops

val depth : int

val commute2 :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2)
  rp2 * ('a1, 'a2) rp2) res

val commute2_past :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2
  list * ('a1, 'a2) rp2) res

val commute2_rl :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1, 'a2)
  rp2 list -> (('a1, 'a2) rp2 list * ('a1, 'a2) rp2 list) res

val commute2_seq :
  ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> (('a1, 'a2)
  rp2 list * ('a1, 'a2) rp2 list) res

type ('l, 'n) named2 = ('l, 'n) rp2 list * int list

val commute_inamed2 :
  ('a1, 'a2) ops -> (int * ('a1, 'a2) named2) -> (int * ('a1, 'a2) named2) ->
  ((int * ('a1, 'a2) named2) * (int * ('a1, 'a2) named2)) res

val commute2_fl :
  ('a1, 'a2) ops -> (int * ('a1, 'a2) named2) -> (int * ('a1, 'a2) named2)
  list -> ((int * ('a1, 'a2) named2) list * (int * ('a1, 'a2) named2)) res

val dependencies2 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named2 list -> int list
  list res

val max_len : int

type refusal =
| TooLong
| Absolute
| EmptyComponent
| DotComponent
| DarcsComponent
| NulByte

type verdict =
| Accept of char list list
| Refuse of refusal

val url_byte_eqb : char -> char -> bool

val url_bytes_eqb : char list -> char list -> bool

val darcs_dir : char list

val split_slash : char list -> char list list

val component_refusal : char list -> refusal option

val first_refusal : char list list -> refusal option

val validate : char list -> verdict

val touched_prim : ('a1, 'a2) prim -> 'a2 path list

val touched : ('a1, 'a2) prim list -> 'a2 path list

val touched_named : ('a1, 'a2) named -> 'a2 path list

val covered : 'a1 eqDec -> 'a1 path list -> 'a1 path -> bool

val related_b : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool

val meets : 'a1 eqDec -> 'a1 path list -> 'a1 path list -> bool

val path_lex :
  'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path -> 'a1 path -> bool

val keep_tops : 'a1 eqDec -> 'a1 path -> 'a1 path list -> 'a1 path list

val tops : 'a1 eqDec -> 'a1 path list -> 'a1 path list

val summarize_paths :
  'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path list -> 'a1 path list

val summarize :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named -> 'a2 path list

val is_move : ('a1, 'a2) prim -> bool

val has_move : ('a1, 'a2) prim list -> bool

val ihas_move : ('a1, 'a2) inamed -> bool

type 'a presult =
| PDone of 'a
| PNeed of int

val add_paths : 'a1 eqDec -> 'a1 path list -> 'a1 path list -> 'a1 path list

val commute_seq_lin :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list ->
  (('a1, 'a2) prim list * ('a1, 'a2) prim list) option

val commute_inamed_lin :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed ->
  (('a1, 'a2) inamed * ('a1, 'a2) inamed) option

val passes :
  'a2 eqDec -> ('a1, 'a2) inamed -> 'a2 path list -> ('a1, 'a2) inamed -> 'a2
  path list -> bool

val commute_fl_pr :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> 'a2 path list -> ('a1,
  'a2) inamed list -> 'a2 path list list -> (((('a1, 'a2) inamed list * 'a2
  path list list) * ('a1, 'a2) inamed) * 'a2 path list) option

type ('l, 'n) hentry =
| HFull of ('l, 'n) named * int list
| HSkip

type ('l, 'n) hitem = (int * 'n path list) * ('l, 'n) hentry

type ('l, 'n) pstate = { p_st : ('l, 'n) dstate; p_paths : 'n path list;
                         p_xdeps : int list; p_sums : 'n path list list }

val known_at : int -> int list -> bool

val forward : int -> ('a1, 'a2) hentry -> bool

val must_visit :
  'a2 eqDec -> int -> 'a2 path list -> ('a1, 'a2) hentry -> ('a1, 'a2) pstate
  -> bool

val full_step :
  'a2 eqDec -> 'a1 lineOps -> int -> 'a2 path list -> ('a1, 'a2) named -> int
  list -> ('a1, 'a2) pstate -> ('a1, 'a2) pstate

val skip_step : int -> ('a1, 'a2) pstate -> ('a1, 'a2) pstate

val prune_walk :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) hitem list -> ('a1, 'a2) pstate ->
  ('a1, 'a2) pstate presult

val prune_init : int -> ('a1, 'a2) named -> 'a2 path list -> ('a1, 'a2) pstate

type ('l, 'n) wentry =
| WFull of ('l, 'n) named * int list
| WSkip of 'n path list

val hist_of :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2) wentry list -> ('a1,
  'a2) hitem list -> ('a1, 'a2) hitem list

val deps_prune :
  'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named ->
  ('a1, 'a2) wentry list -> (int list * int list) presult

val pdeps_from :
  'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2) named
  list -> ('a1, 'a2) hitem list -> int list list -> int list list

val pstates_from :
  'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2) named
  list -> ('a1, 'a2) hitem list -> (int list * int list) list

val deps_range :
  'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> (('a1, 'a2) named * int
  list) list -> ('a1, 'a2) named list -> (int list * int list) list

val dependencies_pruned :
  'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named list
  -> int list list

type ('l, 'n) fseg =
| FPrim of ('l, 'n) prim
| FRun of int * 'n path list

type ('l, 'n) fentry =
| FFull of ('l, 'n) named
| FSkip of 'n path list
| FPart of ('l, 'n) fseg list

type ('l, 'n) tprim = (int * int) * ('l, 'n) prim

val tag : int -> int -> ('a1, 'a2) prim list -> ('a1, 'a2) tprim list

val lin_step :
  'a2 eqDec -> ('a1, 'a2) tprim -> ('a2 path list * ('a1, 'a2) tprim list) ->
  'a2 path list * ('a1, 'a2) tprim list

val lin :
  'a2 eqDec -> ('a1, 'a2) tprim list -> ('a2 path list * ('a1, 'a2) tprim
  list) -> 'a2 path list * ('a1, 'a2) tprim list

val lin_segs :
  'a2 eqDec -> int -> int -> ('a1, 'a2) fseg list -> ('a2 path list * ('a1,
  'a2) tprim list) -> ('a2 path list * ('a1, 'a2) tprim list) presult

val lin_es :
  'a2 eqDec -> int -> ('a1, 'a2) fentry list -> ('a2 path list * ('a1, 'a2)
  tprim list) -> ('a2 path list * ('a1, 'a2) tprim list) presult

val kept_for :
  'a2 eqDec -> ('a1, 'a2) fentry list -> 'a2 path -> ('a1, 'a2) tprim list
  presult

val apply_tprims :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) tprim list -> ('a1,
  'a2) state -> ('a1, 'a2) state nresult

val file_at_pruned :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) fentry list -> 'a2 path
  -> ('a1, 'a2) found nresult presult

val ann_tprims :
  'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) tprim list -> ('a1, 'a2) astate ->
  ('a1, 'a2) astate

val annotate_pruned :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) fentry list -> 'a2 path
  -> (int option list * 'a1 list) option nresult presult

val effects3 : ('a1, 'a2) rp3 list -> ('a1, 'a2) prim list

type ('l, 'n) rp1 =
| Prim1 of ('l, 'n) prim
| Merger1 of ('l, 'n) prim * ('l, 'n) prim
| Regrem1 of ('l, 'n) prim * ('l, 'n) prim

val effect1 : ('a1, 'a2) rp1 -> ('a1, 'a2) prim list

val effects1 : ('a1, 'a2) rp1 list -> ('a1, 'a2) prim list

val empty_hunk : ('a1, 'a2) prim -> bool

val sapply_seq_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
  ('a1, 'a2) state -> ('a1, 'a2) state result

type cover_class = int option * bool

val cover_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list ->
  ('a1, 'a2) state -> cover_class list -> (cover_class list * ('a1, 'a2)
  state) nresult

val coverage :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> ('a1,
  'a2) state -> (cover_class list * ('a1, 'a2) state) nresult

type ('l, 'n) trie =
| TNode of 'l entry option * ('n * ('l, 'n) trie) list

val tnil : ('a1, 'a2) trie

val here : ('a1, 'a2) trie -> 'a1 entry option

val kids : ('a1, 'a2) trie -> ('a2 * ('a1, 'a2) trie) list

val is_tnil : ('a1, 'a2) trie -> bool

val kid_find :
  'a2 eqDec -> 'a2 -> ('a2 * ('a1, 'a2) trie) list -> ('a1, 'a2) trie option

val kid : 'a2 eqDec -> 'a2 -> ('a2 * ('a1, 'a2) trie) list -> ('a1, 'a2) trie

val tsub : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) trie

val tlookup : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a1 entry option

val kid_replace :
  'a2 eqDec -> 'a2 -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a2 * ('a1,
  'a2) trie) list -> ('a2 * ('a1, 'a2) trie) list

val kid_update :
  'a2 eqDec -> 'a2 -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a2 * ('a1,
  'a2) trie) list -> ('a2 * ('a1, 'a2) trie) list

val tmodify :
  'a2 eqDec -> 'a2 path -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a1, 'a2)
  trie -> ('a1, 'a2) trie

val tset :
  'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a1 entry -> ('a1, 'a2) trie

val tdel : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) trie

val tmove :
  'a2 eqDec -> 'a2 path -> 'a2 path -> ('a1, 'a2) trie -> ('a1, 'a2) trie

val tempty : ('a1, 'a2) trie -> bool

val kids_empty : ('a2 * ('a1, 'a2) trie) list -> bool

val tparent :
  'a2 eqDec -> ('a1, 'a2) trie -> 'a2 -> 'a2 path -> ('a1, 'a2) trie * 'a2

val tview : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> bool * ('a1, 'a2) trie

val kid_names : ('a2 * ('a1, 'a2) trie) list -> 'a2 list

val tchildren : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a2 list

val flat : 'a2 list -> ('a1, 'a2) trie -> ('a1, 'a2) state -> ('a1, 'a2) state

val flatten0 : ('a1, 'a2) trie -> ('a1, 'a2) state

val of_state : 'a2 eqDec -> ('a1, 'a2) state -> ('a1, 'a2) trie

val tins :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> 'a2 path -> 'a1 entry -> ('a1, 'a2)
  trie -> ('a1, 'a2) trie option

val tins_all :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) trie ->
  ('a1, 'a2) trie option

val of_state_sorted :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) trie

val fwd : int -> 'a1 list -> 'a1 list -> ('a1 list * 'a1 list) option

val fwd_trunc :
  int -> 'a1 list -> 'a1 list -> int -> ('a1 list * int) * 'a1 list

val bwd : int -> 'a1 list -> 'a1 list -> 'a1 list * 'a1 list

type 'l zip = { z_pre : 'l list; z_pos : int; z_suf : 'l list }

val z_content : 'a1 zip -> 'a1 list

val z_of : 'a1 list -> 'a1 zip

val z_seek : int -> 'a1 zip -> 'a1 zip option

val z_hunk :
  'a1 eqDec -> 'a1 lineOps -> int -> 'a1 list -> 'a1 list -> 'a1 zip -> 'a1
  zip option

val topen :
  'a2 eqDec -> 'a1 lineOps -> 'a2 path -> ('a1, 'a2) trie -> 'a1 list option

val tapply :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) trie
  -> ('a1, 'a2) trie option

type ('l, 'n) cursor =
| Closed
| Open of 'n path * 'l zip

val flush :
  'a2 eqDec -> ('a1, 'a2) trie -> ('a1, 'a2) cursor -> ('a1, 'a2) trie

val cursor_for :
  'a2 eqDec -> 'a1 lineOps -> 'a2 path -> ('a1, 'a2) trie -> ('a1, 'a2)
  cursor -> ('a1, 'a2) trie * 'a1 zip option

val fseq_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
  ('a1, 'a2) trie -> ('a1, 'a2) cursor -> (('a1, 'a2) trie * ('a1, 'a2)
  cursor) result

val fapply_seq_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
  ('a1, 'a2) trie -> ('a1, 'a2) trie result

val fnamed_from :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list ->
  ('a1, 'a2) trie -> ('a1, 'a2) cursor -> (('a1, 'a2) trie * ('a1, 'a2)
  cursor) nresult

val ftree_at :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> ('a1,
  'a2) trie nresult

val tfound_at : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) found

val ffile_at :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> 'a2 path
  -> ('a1, 'a2) found nresult

type ('l, 'n) zastate = { za_path : 'n path option;
                          za_pre : (int option * 'l) list; za_pos : int;
                          za_suf : (int option * 'l) list;
                          za_recs : (int * int) list }

val za_abs : ('a1, 'a2) zastate -> ('a1, 'a2) astate

val za_seek :
  int -> (int option * 'a1) list -> int -> (int option * 'a1) list -> ((int
  option * 'a1) list * int) * (int option * 'a1) list

val ann_path : 'a2 eqDec -> ('a1, 'a2) prim -> 'a2 path -> 'a2 path option

val zann_prim :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) zastate ->
  ('a1, 'a2) zastate

val zann_named :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named -> ('a1, 'a2) zastate
  -> ('a1, 'a2) zastate

val zann_all :
  'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list -> ('a1, 'a2)
  zastate -> ('a1, 'a2) zastate

val fannotate :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> 'a2 path
  -> (int option list * 'a1 list) option nresult

val path_leb :
  'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path -> 'a1 path -> bool

val sort_state :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) state

val keys_sorted :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> bool

val sort_state_fast :
  'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) state

val api_apply :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  state -> ('a1, 'a2) prim list -> ('a1, 'a2) state result

val api_invert :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  prim list -> ('a1, 'a2) prim list

val api_commute :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  prim list -> ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2)
  prim list) option

val api_commute_named :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named -> ('a1, 'a2) named -> (('a1, 'a2) prim list * ('a1, 'a2) prim list)
  option

val api_tree_at :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> ('a1, 'a2) state nresult

val api_file_at :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> 'a2 path -> ('a1, 'a2) found nresult

val api_annotate :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> 'a2 path -> (int option list * 'a1 list) option nresult

val api_dependencies :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> int list list

val api_dependencies_unpruned :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> int list list

val api_touched :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> 'a2 path list list

val api_touched_prims :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named list -> 'a2 path list list list

val api_deps_of :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named -> ('a1, 'a2) wentry list -> (int list * int list) presult

val api_deps_range :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> (('a1,
  'a2) named * int list) list -> ('a1, 'a2) named list -> (int list * int
  list) list

val api_file_at_pruned :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  fentry list -> 'a2 path -> ('a1, 'a2) found nresult presult

val api_annotate_pruned :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  fentry list -> 'a2 path -> (int option list * 'a1 list) option nresult
  presult

val api_dependencies3 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named3 list -> int list list res

val api_dependencies2 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  named2 list -> int list list res

val api_effect2 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  rp2 list -> ('a1, 'a2) prim list

val api_effect3 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  rp3 list -> ('a1, 'a2) prim list

val api_effect1 :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  rp1 list -> ('a1, 'a2) prim list

val api_coverage :
  'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2)
  state -> ('a1, 'a2) named list -> ((int option * bool) list * ('a1, 'a2)
  state) nresult
