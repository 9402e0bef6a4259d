(* glue.ml: marshalling between the wire format (src/core/WIRE.md) and the
   functions extracted from theories/ (extracted/darcscore.ml).

   This file only decodes requests, calls ONE extracted function per op, and
   encodes its answer.  It instantiates the theory's abstract types: lines and
   path-component names are OCaml strings (decidable equality = String.equal),
   a line's bytes are its characters.  Hand-written, never generated.

   Conventions (see theories/README.md):
   - a file's content is split on '\n' into its pieces (n newlines give n+1
     pieces) and joined back with '\n'; binary old/new contents likewise;
   - the root directory is implicit in the theory: a tree entry with the
     empty path is dropped on input;
   - output order (trees, directory listings) is computed by the extracted
     code from the byte order of names given here ([name_leb]);
   - an index "unknown" (annotate) is encoded as 0xFFFFFFFF. *)

open Darcscore

exception Malformed of string

(* ------------------------------------------------------------------ *)
(* Instantiation of the theory's section variables                      *)

let str_eq : string eqDec = String.equal

let explode (s : string) : char list =
  let rec go i acc = if i < 0 then acc else go (i - 1) (s.[i] :: acc) in
  go (String.length s - 1) []

let implode (l : char list) : string =
  let b = Buffer.create 64 in
  List.iter (Buffer.add_char b) l;
  Buffer.contents b

let line_ops : string lineOps =
  { empty_line = ""; line_bytes = explode; line_of_bytes = implode }

(* The order of names for outputs: byte order. *)
let name_leb (a : string) (b : string) : bool = String.compare a b <= 0

(* Every extracted entry point takes the instantiation first. *)
let eqL = str_eq
let eqN = str_eq

(* ------------------------------------------------------------------ *)
(* Decoding                                                             *)

type dec = { buf : string; mutable pos : int }

let need d n =
  if n < 0 || d.pos + n > String.length d.buf then raise (Malformed "truncated request")

let get_u8 d =
  need d 1;
  let v = Char.code d.buf.[d.pos] in
  d.pos <- d.pos + 1;
  v

let get_u32 d =
  need d 4;
  let b i = Char.code d.buf.[d.pos + i] in
  let v = b 0 lor (b 1 lsl 8) lor (b 2 lsl 16) lor (b 3 lsl 24) in
  d.pos <- d.pos + 4;
  v

let get_str d =
  let n = get_u32 d in
  need d n;
  let s = String.sub d.buf d.pos n in
  d.pos <- d.pos + n;
  s

(* list<T>: built with an accumulator (no deep recursion). *)
let get_list d f =
  let n = get_u32 d in
  let rec go i acc = if i = 0 then List.rev acc else go (i - 1) (f d :: acc) in
  go n []

let get_path d : string list = get_list d get_str

let split_content (s : string) : string list = String.split_on_char '\n' s

let get_content d = split_content (get_str d)

let get_bytes d = explode (get_str d)

let get_prim_with (name : dec -> 'n) d : (string, 'n) prim =
  let get_path d = get_list d name in
  match get_u8 d with
  | 0 ->
      let p = get_path d in
      let l = get_u32 d in
      let o = get_list d get_str in
      let n = get_list d get_str in
      Hunk (p, l, o, n)
  | 1 -> AddFile (get_path d)
  | 2 -> RmFile (get_path d)
  | 3 -> AddDir (get_path d)
  | 4 -> RmDir (get_path d)
  | 5 ->
      let f = get_path d in
      let t = get_path d in
      Move (f, t)
  | 6 ->
      let p = get_path d in
      let t = get_bytes d in
      let o = get_bytes d in
      let n = get_bytes d in
      Replace (p, t, o, n)
  | 7 ->
      let p = get_path d in
      let o = get_content d in
      let n = get_content d in
      Binary (p, o, n)
  | 8 ->
      let nm = get_bytes d in
      let o = get_bytes d in
      let n = get_bytes d in
      ChangePref (nm, o, n)
  | t -> raise (Malformed (Printf.sprintf "unknown prim tag %d" t))

let get_prim d : (string, string) prim = get_prim_with get_str d

let get_prims d = get_list d get_prim

let get_tree d : (string, string) state =
  let entries =
    get_list d (fun d ->
        let p = get_path d in
        match get_u8 d with
        | 0 -> (p, EDir)
        | 1 -> (p, EFile (get_content d))
        | k -> raise (Malformed (Printf.sprintf "unknown entry kind %d" k)))
  in
  List.filter (fun (p, _) -> p <> []) entries


(* Op 18 answers only patch indices, and its theorem (PruneLaws.deps_range_exact)
   holds for any type of names with a decidable equality and any order: its names
   are numbered as they are read (equal names, equal numbers), so that comparing
   two names compares two integers. *)
let interner () =
  let tbl : (string, int) Hashtbl.t = Hashtbl.create 4096 in
  fun d ->
    let s = get_str d in
    match Hashtbl.find_opt tbl s with
    | Some i -> i
    | None ->
        let i = Hashtbl.length tbl in
        Hashtbl.add tbl s i;
        i

let int_eq : int eqDec = Int.equal
let int_leb (a : int) (b : int) : bool = a <= b

let get_named_with name d : (string, 'n) named =
  let ps = get_list d (get_prim_with name) in
  let deps = get_list d get_u32 in
  (ps, deps)

let get_named d : (string, string) named = get_named_with get_str d

let get_nameds d = get_list d get_named

(* ops 13-15: an earlier patch, in full (op 13: with all its dependencies) or
   summarised by its touched paths *)
let get_wentry d : (string, string) wentry =
  match get_u8 d with
  | 0 ->
      let q = get_named d in
      let allj = get_list d get_u32 in
      WFull (q, allj)
  | 1 -> WSkip (get_list d get_path)
  | t -> raise (Malformed (Printf.sprintf "unknown entry tag %d" t))

let get_fseg d : (string, string) fseg =
  match get_u8 d with
  | 0 -> FPrim (get_prim d)
  | 1 ->
      let n = get_u32 d in
      FRun (n, get_list d get_path)
  | t -> raise (Malformed (Printf.sprintf "unknown part tag %d" t))

let get_fentry d : (string, string) fentry =
  match get_u8 d with
  | 0 -> FFull (get_named d)
  | 1 -> FSkip (get_list d get_path)
  | 2 -> FPart (get_list d get_fseg)
  | t -> raise (Malformed (Printf.sprintf "unknown entry tag %d" t))

(* darcs-3 (op 10): a prim id is a sign byte (1 = the prim, 0 = its inverse), its
   1-based position and the number the reader gave its named patch. *)
let get_nprim d : (string, string) nprim =
  let sign = get_u8 d in
  let pos = get_u32 d in
  let patch = get_u32 d in
  let p = get_prim d in
  (((sign = 1, pos), patch), p)

let get_ctxd d : (string, string) ctxd =
  let c = get_list d get_nprim in
  let p = get_nprim d in
  (c, p)

let get_rp3 d : (string, string) rp3 =
  match get_u8 d with
  | 0 -> RPrim (get_nprim d)
  | 1 ->
      let r = get_list d get_nprim in
      let x = get_list d get_ctxd in
      let cp = get_ctxd d in
      RConf (r, x, cp)
  | t -> raise (Malformed (Printf.sprintf "unknown darcs-3 patch tag %d" t))

(* darcs-2 (op 11): repository patches nest through the contexts of their NONs. *)
let rec get_rp2 d : (string, string) rp2 =
  match get_u8 d with
  | 0 -> Normal (get_prim d)
  | 1 -> Dup (get_non d)
  | 2 -> Etac (get_non d)
  | 3 ->
      let ix = get_list d get_non in
      let xx = get_prims d in
      let x = get_non d in
      Conf (ix, xx, x)
  | 4 ->
      let ix = get_list d get_non in
      let xx = get_prims d in
      let x = get_non d in
      InvConf (ix, xx, x)
  | t -> raise (Malformed (Printf.sprintf "unknown darcs-2 patch tag %d" t))

and get_non d : (string, string) non =
  let c = get_list d get_rp2 in
  let x = get_prim d in
  Non (c, x)

(* darcs-1 (op 23): a prim, or a merger / regrem of two prims. *)
let get_rp1 d : (string, string) rp1 =
  match get_u8 d with
  | 0 -> Prim1 (get_prim d)
  | 1 ->
      let p1 = get_prim d in
      let p2 = get_prim d in
      Merger1 (p1, p2)
  | 2 ->
      let p1 = get_prim d in
      let p2 = get_prim d in
      Regrem1 (p1, p2)
  | t -> raise (Malformed (Printf.sprintf "unknown darcs-1 patch tag %d" t))

let get_named2 d : (string, string) named2 =
  let ps = get_list d get_rp2 in
  let deps = get_list d get_u32 in
  (ps, deps)

let get_named3 d : (string, string) named3 =
  let ps = get_list d get_rp3 in
  let deps = get_list d get_u32 in
  (ps, deps)

(* ------------------------------------------------------------------ *)
(* Encoding                                                             *)

let put_u8 b v = Buffer.add_char b (Char.chr (v land 0xff))

let put_u32 b v =
  if v < 0 || v > 0xFFFFFFFF then raise (Malformed "number out of u32 range");
  put_u8 b v;
  put_u8 b (v lsr 8);
  put_u8 b (v lsr 16);
  put_u8 b (v lsr 24)

let put_str b s =
  put_u32 b (String.length s);
  Buffer.add_string b s

let put_list b f l =
  put_u32 b (List.length l);
  List.iter (f b) l

let put_path b p = put_list b put_str p

let put_content b c = put_str b (String.concat "\n" c)

let put_bytes b l = put_str b (implode l)

let put_prim b (p : (string, string) prim) =
  match p with
  | Hunk (f, l, o, n) ->
      put_u8 b 0; put_path b f; put_u32 b l; put_list b put_str o; put_list b put_str n
  | AddFile f -> put_u8 b 1; put_path b f
  | RmFile f -> put_u8 b 2; put_path b f
  | AddDir f -> put_u8 b 3; put_path b f
  | RmDir f -> put_u8 b 4; put_path b f
  | Move (f, t) -> put_u8 b 5; put_path b f; put_path b t
  | Replace (f, t, o, n) ->
      put_u8 b 6; put_path b f; put_bytes b t; put_bytes b o; put_bytes b n
  | Binary (f, o, n) -> put_u8 b 7; put_path b f; put_content b o; put_content b n
  | ChangePref (nm, o, n) -> put_u8 b 8; put_bytes b nm; put_bytes b o; put_bytes b n

let put_prims b ps = put_list b put_prim ps

(* Trees come out of api_apply (op 1) and api_tree_at (op 4) sorted by path already
   (theories/Spec.v, op1_apply and op4_tree_at); this only writes them in that order. *)
let put_tree b (s : (string, string) state) =
  put_list b
    (fun b (p, e) ->
      put_path b p;
      match e with
      | EDir -> put_u8 b 0
      | EFile c -> put_u8 b 1; put_content b c)
    s

let ok f =
  let b = Buffer.create 256 in
  put_u8 b 0;
  f b;
  Buffer.contents b

let not_apply i j msg =
  let b = Buffer.create 64 in
  put_u8 b 1;
  put_u32 b i;
  put_u32 b j;
  put_str b msg;
  Buffer.contents b

(* status 3: the history holds a case the model does not cover (see WIRE.md) *)
let unsupported msg =
  let b = Buffer.create 64 in
  put_u8 b 3;
  put_str b msg;
  Buffer.contents b

(* status 4: the pruned computation needs patch j in full (ops 13-15) *)
let need j =
  let b = Buffer.create 8 in
  put_u8 b 4;
  put_u32 b j;
  Buffer.contents b

let internal msg =
  let b = Buffer.create 64 in
  put_u8 b 2;
  put_str b msg;
  Buffer.contents b

let put_u32_opt b = function
  | Some i -> put_u32 b i
  | None -> put_u32 b 0xFFFFFFFF

let put_commuted b = function
  | None -> put_u8 b 0
  | Some (q', p') -> put_u8 b 1; put_prims b q'; put_prims b p'

(* ------------------------------------------------------------------ *)
(* Dispatch                                                             *)

let refusal_text = function
  | TooLong -> "the path is too long"
  | Absolute -> "the path is absolute"
  | EmptyComponent -> "the path has an empty component"
  | DotComponent -> "the path has a . or .. component"
  | DarcsComponent -> "the path names _darcs"
  | NulByte -> "the path holds a NUL byte"

let finish d = if d.pos <> String.length d.buf then raise (Malformed "trailing bytes in request")

let dispatch (req : string) : string =
  try
    let d = { buf = req; pos = 0 } in
    let nfail i j = not_apply i j (Printf.sprintf "named patch %d (primitive %d) does not apply" i j) in
    match get_u32 d with
    | 1 ->
        let t = get_tree d in
        let ps = get_prims d in
        finish d;
        (match api_apply eqL eqN line_ops name_leb t ps with
         | Ok s -> ok (fun b -> put_tree b s)
         | Fail i -> not_apply i 0 (Printf.sprintf "primitive patch %d does not apply" i))
    | 2 ->
        let ps = get_prims d in
        finish d;
        let r = api_invert eqL eqN line_ops name_leb ps in
        ok (fun b -> put_prims b r)
    | 3 ->
        let p = get_prims d in
        let q = get_prims d in
        finish d;
        let r = api_commute eqL eqN line_ops name_leb p q in
        ok (fun b -> put_commuted b r)
    | 4 ->
        let ps = get_nameds d in
        finish d;
        (match api_tree_at eqL eqN line_ops name_leb ps with
         | NOk s -> ok (fun b -> put_tree b s)
         | NFail (i, j) -> nfail i j)
    | 5 ->
        let ps = get_nameds d in
        let p = get_path d in
        finish d;
        (match api_file_at eqL eqN line_ops name_leb ps p with
         | NOk Absent -> ok (fun b -> put_u8 b 0)
         | NOk (FoundFile c) -> ok (fun b -> put_u8 b 1; put_content b c)
         | NOk (FoundDir ns) -> ok (fun b -> put_u8 b 2; put_list b put_str ns)
         | NFail (i, j) -> nfail i j)
    | 6 ->
        let ps = get_nameds d in
        let p = get_path d in
        finish d;
        (match api_annotate eqL eqN line_ops name_leb ps p with
         | NOk (Some (idx, ls)) ->
             ok (fun b -> put_list b put_u32_opt idx; put_list b put_str ls)
         | NOk None -> internal "annotate: the path is not a file at the end"
         | NFail (i, j) -> nfail i j)
    | 7 ->
        let ps = get_nameds d in
        finish d;
        let r = api_dependencies eqL eqN line_ops name_leb ps in
        ok (fun b -> put_list b (fun b l -> put_list b put_u32 l) r)
    | 8 ->
        let p = get_named d in
        let q = get_named d in
        finish d;
        let r = api_commute_named eqL eqN line_ops name_leb p q in
        ok (fun b -> put_commuted b r)
    | 9 ->
        let s = get_str d in
        finish d;
        (match validate (explode s) with
         | Accept cs -> ok (fun b -> put_u8 b 1; put_list b put_str (List.map implode cs))
         | Refuse r -> ok (fun b -> put_u8 b 0; put_str b (refusal_text r)))
    | 10 ->
        let ps = get_list d get_named3 in
        finish d;
        (match api_dependencies3 eqL eqN line_ops name_leb ps with
         | Yes r -> ok (fun b -> put_list b (fun b l -> put_list b put_u32 l) r)
         | No -> internal "dependencies3: no answer"
         | Unsup -> unsupported "a darcs-3 conflictor case darcs reports as an internal error")
    | 11 ->
        let ps = get_list d get_named2 in
        finish d;
        (match api_dependencies2 eqL eqN line_ops name_leb ps with
         | Yes r -> ok (fun b -> put_list b (fun b l -> put_list b put_u32 l) r)
         | No -> internal "dependencies2: no answer"
         | Unsup ->
             unsupported
               "a darcs-2 conflictor case darcs reports as an internal error, or patches nested deeper than the model's 64 levels")
    | 12 ->
        let ps = get_nameds d in
        finish d;
        let r = api_touched eqL eqN line_ops name_leb ps in
        ok (fun b -> put_list b (fun b l -> put_list b put_path l) r)
    | 13 ->
        let p = get_named d in
        let es = get_list d get_wentry in
        finish d;
        (match api_deps_of eqL eqN line_ops name_leb p es with
         | PDone (direct, all) -> ok (fun b -> put_list b put_u32 direct; put_list b put_u32 all)
         | PNeed j -> need j)
    | 18 ->
        let name = interner () in
        let pre = get_list d (fun d -> let q = get_named_with name d in let allj = get_list d get_u32 in (q, allj)) in
        let ps = get_list d (get_named_with name) in
        finish d;
        let r = api_deps_range eqL int_eq line_ops int_leb pre ps in
        ok (fun b -> put_list b (fun b (direct, all) -> put_list b put_u32 direct; put_list b put_u32 all) r)
    | 14 ->
        let es = get_list d get_fentry in
        let p = get_path d in
        finish d;
        (match api_file_at_pruned eqL eqN line_ops name_leb es p with
         | PDone (NOk Absent) -> ok (fun b -> put_u8 b 0)
         | PDone (NOk (FoundFile c)) -> ok (fun b -> put_u8 b 1; put_content b c)
         | PDone (NOk (FoundDir ns)) -> ok (fun b -> put_u8 b 2; put_list b put_str ns)
         | PDone (NFail (i, j)) -> nfail i j
         | PNeed j -> need j)
    | 15 ->
        let es = get_list d get_fentry in
        let p = get_path d in
        finish d;
        (match api_annotate_pruned eqL eqN line_ops name_leb es p with
         | PDone (NOk (Some (idx, ls))) ->
             ok (fun b -> put_list b put_u32_opt idx; put_list b put_str ls)
         | PDone (NOk None) -> internal "annotate: the path is not a file at the end"
         | PDone (NFail (i, j)) -> nfail i j
         | PNeed j -> need j)
    | 16 ->
        let ps = get_nameds d in
        finish d;
        let r = api_dependencies_unpruned eqL eqN line_ops name_leb ps in
        ok (fun b -> put_list b (fun b l -> put_list b put_u32 l) r)
    | 17 ->
        let ps = get_nameds d in
        finish d;
        let r = api_touched_prims eqL eqN line_ops name_leb ps in
        ok (fun b -> put_list b (fun b l -> put_list b (fun b ps -> put_list b put_path ps) l) r)
    | 20 ->
        let ps = get_list d get_rp2 in
        finish d;
        ok (fun b -> put_prims b (api_effect2 eqL eqN line_ops name_leb ps))
    | 21 ->
        let ps = get_list d get_rp3 in
        finish d;
        ok (fun b -> put_prims b (api_effect3 eqL eqN line_ops name_leb ps))
    | 22 ->
        let t = get_tree d in
        let ps = get_nameds d in
        finish d;
        (match api_coverage eqL eqN line_ops name_leb t ps with
         | NOk (cs, s) ->
             ok (fun b ->
                 put_list b (fun b (j, e) -> put_u32_opt b j; put_u8 b (if e then 1 else 0)) cs;
                 put_tree b s)
         | NFail (i, j) -> nfail i j)
    | 23 ->
        let ps = get_list d get_rp1 in
        finish d;
        ok (fun b -> put_prims b (api_effect1 eqL eqN line_ops name_leb ps))
    | op -> internal (Printf.sprintf "unknown op %d" op)
  with
  | Malformed m -> internal ("malformed request: " ^ m)
  | Stack_overflow -> internal "stack overflow in the core"
  | Out_of_memory -> internal "out of memory in the core"
  | e -> internal ("exception in the core: " ^ Printexc.to_string e)

let () = Callback.register "darcsweb_dispatch" dispatch
