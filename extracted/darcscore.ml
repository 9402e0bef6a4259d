
(** val xorb : bool -> bool -> bool **)

let xorb b1 b2 =
  if b1 then if b2 then false else true else b2

(** val negb : bool -> bool **)

let negb = function
| true -> false
| false -> true

(** val fst : ('a1 * 'a2) -> 'a1 **)

let fst = function
| (x, _) -> x

(** val snd : ('a1 * 'a2) -> 'a2 **)

let snd = function
| (_, y) -> y

(** val length : 'a1 list -> int **)

let rec length = function
| [] -> 0
| _ :: l' -> Stdlib.Int.succ (length l')

(** val app : 'a1 list -> 'a1 list -> 'a1 list **)

let rec app l m =
  match l with
  | [] -> m
  | a :: l1 -> a :: (app l1 m)

(** val add : int -> int -> int **)

let rec add = (+)

(** val sub : int -> int -> int **)

let rec sub = fun n m -> Stdlib.max 0 (n-m)

module Nat =
 struct
 end

(** val removelast : 'a1 list -> 'a1 list **)

let rec removelast = function
| [] -> []
| a :: l0 -> (match l0 with
              | [] -> []
              | _ :: _ -> a :: (removelast l0))

(** val rev : 'a1 list -> 'a1 list **)

let rec rev = function
| [] -> []
| x :: l' -> app (rev l') (x :: [])

(** val rev_append : 'a1 list -> 'a1 list -> 'a1 list **)

let rec rev_append l l' =
  match l with
  | [] -> l'
  | a :: l0 -> rev_append l0 (a :: l')

(** val list_eq_dec : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list -> bool **)

let rec list_eq_dec eq_dec0 l l' =
  match l with
  | [] -> (match l' with
           | [] -> true
           | _ :: _ -> false)
  | y :: l0 ->
    (match l' with
     | [] -> false
     | a :: l1 -> if eq_dec0 y a then list_eq_dec eq_dec0 l0 l1 else false)

(** val map : ('a1 -> 'a2) -> 'a1 list -> 'a2 list **)

let rec map f = function
| [] -> []
| a :: t -> (f a) :: (map f t)

(** val fold_left : ('a1 -> 'a2 -> 'a1) -> 'a2 list -> 'a1 -> 'a1 **)

let rec fold_left f l a0 =
  match l with
  | [] -> a0
  | b :: t -> fold_left f t (f a0 b)

(** val existsb : ('a1 -> bool) -> 'a1 list -> bool **)

let rec existsb f = function
| [] -> false
| a :: l0 -> (||) (f a) (existsb f l0)

(** val forallb : ('a1 -> bool) -> 'a1 list -> bool **)

let rec forallb f = function
| [] -> true
| a :: l0 -> (&&) (f a) (forallb f l0)

(** val filter : ('a1 -> bool) -> 'a1 list -> 'a1 list **)

let rec filter f = function
| [] -> []
| x :: l0 -> if f x then x :: (filter f l0) else filter f l0

type 'a eqDec = 'a -> 'a -> bool

(** val eq_dec : 'a1 eqDec -> 'a1 -> 'a1 -> bool **)

let eq_dec eqDec0 =
  eqDec0

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

(** val path_eqb : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool **)

let path_eqb eqN p q =
  if list_eq_dec (eq_dec eqN) p q then true else false

(** val is_prefix : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool **)

let rec is_prefix eqN a b =
  match a with
  | [] -> true
  | x :: a' ->
    (match b with
     | [] -> false
     | y :: b' -> if eq_dec eqN x y then is_prefix eqN a' b' else false)

(** val strip_prefix :
    'a1 eqDec -> 'a1 path -> 'a1 path -> 'a1 path option **)

let rec strip_prefix eqN a b =
  match a with
  | [] -> Some b
  | x :: a' ->
    (match b with
     | [] -> None
     | y :: b' -> if eq_dec eqN x y then strip_prefix eqN a' b' else None)

(** val move_path :
    'a1 eqDec -> 'a1 path -> 'a1 path -> 'a1 path -> 'a1 path **)

let move_path eqN old new0 p =
  match strip_prefix eqN old p with
  | Some r -> app new0 r
  | None -> p

(** val parent : 'a1 path -> 'a1 path **)

let parent =
  removelast

(** val lookup :
    'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a1 entry option **)

let rec lookup eqN s p =
  match s with
  | [] -> None
  | p0 :: s' ->
    let (q, e) = p0 in if path_eqb eqN q p then Some e else lookup eqN s' p

(** val del :
    'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> ('a1, 'a2) state **)

let del eqN s p =
  filter (fun qe -> negb (path_eqb eqN (fst qe) p)) s

(** val set :
    'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a1 entry -> ('a1, 'a2) state **)

let set eqN s p e =
  (p, e) :: (del eqN s p)

(** val is_dir : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool **)

let is_dir eqN s p = match p with
| [] -> true
| _ :: _ ->
  (match lookup eqN s p with
   | Some e -> (match e with
                | EDir -> true
                | EFile _ -> false)
   | None -> false)

(** val fresh : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool **)

let fresh eqN s p =
  forallb (fun qe -> negb (is_prefix eqN p (fst qe))) s

(** val no_children : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> bool **)

let no_children eqN s p =
  forallb (fun qe ->
    (||) (negb (is_prefix eqN p (fst qe))) (path_eqb eqN (fst qe) p)) s

type citem =
| CChar of char
| CRange of char * char
| CBad

(** val unescape : char list -> char list **)

let rec unescape = function
| [] -> []
| c :: r ->
  if (=) c '\\'
  then (match r with
        | [] -> c :: []
        | d :: r' ->
          if (=) d 'n'
          then '\n' :: (unescape r')
          else if (=) d 't'
               then '\t' :: (unescape r')
               else if (=) d '^'
                    then '^' :: (unescape r')
                    else c :: (unescape r))
  else c :: (unescape r)

(** val parse_items : char list -> citem list **)

let rec parse_items = function
| [] -> []
| c :: r ->
  if (=) c '\\'
  then (match r with
        | [] -> (CChar c) :: []
        | d :: r' ->
          if (||) ((||) ((=) d '.') ((=) d '-')) ((=) d '\\')
          then (CChar d) :: (parse_items r')
          else CBad :: [])
  else (match r with
        | [] -> (CChar c) :: (parse_items r)
        | d :: l ->
          (match l with
           | [] -> (CChar c) :: (parse_items r)
           | e :: r' ->
             if (=) d '-'
             then (CRange (c, e)) :: (parse_items r')
             else (CChar c) :: (parse_items r)))

type tokclass = bool * citem list

(** val parse_class : char list -> tokclass **)

let parse_class toks = match toks with
| [] -> (false, [])
| c :: r ->
  if (=) c '^'
  then (true, (parse_items (unescape r)))
  else (false, (parse_items (unescape toks)))

(** val mem_items : citem list -> char -> bool option **)

let rec mem_items is b =
  match is with
  | [] -> Some false
  | c0 :: r ->
    (match c0 with
     | CChar c -> if (=) c b then Some true else mem_items r b
     | CRange (lo, hi) ->
       if (&&) ((<=) (Char.code lo) (Char.code b))
            ((<=) (Char.code b) (Char.code hi))
       then Some true
       else mem_items r b
     | CBad -> None)

(** val is_tok : tokclass -> char -> bool option **)

let is_tok cl b =
  match mem_items (snd cl) b with
  | Some m -> Some (xorb (fst cl) m)
  | None -> None

(** val bytes_eqb : bytes -> bytes -> bool **)

let bytes_eqb a b =
  if list_eq_dec (=) a b then true else false

(** val flush : bytes -> bytes -> bytes -> bytes -> bytes option **)

let flush old new0 tok out =
  match tok with
  | [] -> Some out
  | _ :: _ ->
    let t = rev tok in
    if bytes_eqb t old
    then Some (rev_append new0 out)
    else if bytes_eqb t new0 then None else Some (app tok out)

(** val scan :
    tokclass -> bytes -> bytes -> bytes -> bytes -> bytes -> bytes option **)

let rec scan cl old new0 bs tok out =
  match bs with
  | [] -> flush old new0 tok out
  | b :: bs' ->
    (match is_tok cl b with
     | Some b0 ->
       if b0
       then scan cl old new0 bs' (b :: tok) out
       else (match flush old new0 tok out with
             | Some out' -> scan cl old new0 bs' [] (b :: out')
             | None -> None)
     | None -> None)

(** val tok_replace : tokclass -> bytes -> bytes -> bytes -> bytes option **)

let tok_replace cl old new0 bs =
  match scan cl old new0 bs [] [] with
  | Some r -> Some (rev r)
  | None -> None

(** val all_tok : tokclass -> bytes -> bool **)

let all_tok cl w =
  forallb (fun b -> match is_tok cl b with
                    | Some b0 -> b0
                    | None -> false) w

(** val replace_ok : tokclass -> bytes -> bytes -> bool **)

let replace_ok cl old new0 =
  match old with
  | [] -> false
  | _ :: _ ->
    (match new0 with
     | [] -> false
     | _ :: _ ->
       (&&) ((&&) (all_tok cl old) (all_tok cl new0))
         (match is_tok cl '\n' with
          | Some b -> if b then false else true
          | None -> false))

(** val replace_lines :
    'a1 lineOps -> tokclass -> bytes -> bytes -> 'a1 list -> 'a1 list option **)

let rec replace_lines h cl old new0 = function
| [] -> Some []
| l :: c' ->
  (match tok_replace cl old new0 (h.line_bytes l) with
   | Some b ->
     (match replace_lines h cl old new0 c' with
      | Some r -> Some ((h.line_of_bytes b) :: r)
      | None -> None)
   | None -> None)

(** val split_at :
    int -> 'a1 list -> 'a1 list -> ('a1 list * 'a1 list) option **)

let rec split_at n c acc =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Some (acc, c))
    (fun n' ->
    match c with
    | [] -> None
    | x :: c' -> split_at n' c' (x :: acc))
    n

(** val drop_prefix : 'a1 eqDec -> 'a1 list -> 'a1 list -> 'a1 list option **)

let rec drop_prefix eqL o c =
  match o with
  | [] -> Some c
  | x :: o' ->
    (match c with
     | [] -> None
     | y :: c' -> if eq_dec eqL x y then drop_prefix eqL o' c' else None)

(** val splice :
    'a1 eqDec -> int -> 'a1 list -> 'a1 list -> 'a1 list -> 'a1 list option **)

let splice eqL pos old new0 c =
  match split_at pos c [] with
  | Some p ->
    let (racc, rest) = p in
    (match drop_prefix eqL old rest with
     | Some rest' -> Some (rev_append racc (app new0 rest'))
     | None -> None)
  | None -> None

(** val apply_hunk :
    'a1 eqDec -> int -> 'a1 list -> 'a1 list -> 'a1 list -> 'a1 list option **)

let apply_hunk eqL line old new0 c =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> None)
    (fun pos -> splice eqL pos old new0 c)
    line

(** val norm : 'a1 lineOps -> 'a1 list -> 'a1 list **)

let norm lO c = match c with
| [] -> lO.empty_line :: []
| _ :: _ -> c

(** val apply_fp :
    'a1 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> 'a1 list -> 'a1 list option **)

let apply_fp eqL lO p c =
  match p with
  | Hunk (_, line, old, new0) -> apply_hunk eqL line old new0 c
  | Replace (_, toks, old, new0) ->
    let cl = parse_class toks in
    if replace_ok cl old new0 then replace_lines lO cl old new0 c else None
  | Binary (_, old, new0) ->
    if list_eq_dec (eq_dec eqL) c old then Some new0 else None
  | _ -> None

(** val rename_state :
    'a2 eqDec -> 'a2 path -> 'a2 path -> ('a1, 'a2) state -> ('a1, 'a2) state **)

let rename_state eqN f t s =
  map (fun qe -> ((move_path eqN f t (fst qe)), (snd qe))) s

(** val is_file_empty :
    'a1 eqDec -> 'a1 lineOps -> 'a1 entry option -> bool **)

let is_file_empty eqL lO = function
| Some e0 ->
  (match e0 with
   | EDir -> false
   | EFile c ->
     (match c with
      | [] -> false
      | x :: l ->
        (match l with
         | [] -> if eq_dec eqL x lO.empty_line then true else false
         | _ :: _ -> false)))
| None -> false

(** val nonroot : 'a1 path -> bool **)

let nonroot = function
| [] -> false
| _ :: _ -> true

(** val is_some : 'a1 option -> bool **)

let is_some = function
| Some _ -> true
| None -> false

(** val apply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    state -> ('a1, 'a2) state option **)

let apply eqL eqN lO p s =
  match p with
  | Hunk (f, _, _, _) ->
    (match lookup eqN s f with
     | Some e ->
       (match e with
        | EDir -> None
        | EFile c ->
          (match apply_fp eqL lO p c with
           | Some c' -> Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None -> None)
  | AddFile f ->
    if (&&) ((&&) (nonroot f) (fresh eqN s f)) (is_dir eqN s (parent f))
    then Some (set eqN s f (EFile (lO.empty_line :: [])))
    else None
  | RmFile f ->
    if (&&) ((&&) (nonroot f) (is_file_empty eqL lO (lookup eqN s f)))
         (is_dir eqN s (parent f))
    then Some (del eqN s f)
    else None
  | AddDir d ->
    if (&&) ((&&) (nonroot d) (fresh eqN s d)) (is_dir eqN s (parent d))
    then Some (set eqN s d EDir)
    else None
  | RmDir d ->
    if (&&) ((&&) ((&&) (nonroot d) (is_dir eqN s d)) (no_children eqN s d))
         (is_dir eqN s (parent d))
    then Some (del eqN s d)
    else None
  | Move (f, t) ->
    if (&&)
         ((&&)
           ((&&)
             ((&&)
               ((&&) ((&&) (nonroot f) (nonroot t))
                 (is_some (lookup eqN s f))) (fresh eqN s t))
             (is_dir eqN s (parent f))) (is_dir eqN s (parent t)))
         (negb (is_prefix eqN f t))
    then Some (rename_state eqN f t s)
    else None
  | Replace (f, _, _, _) ->
    (match lookup eqN s f with
     | Some e ->
       (match e with
        | EDir -> None
        | EFile c ->
          (match apply_fp eqL lO p c with
           | Some c' -> Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None -> None)
  | Binary (f, _, _) ->
    (match lookup eqN s f with
     | Some e ->
       (match e with
        | EDir -> None
        | EFile c ->
          (match apply_fp eqL lO p c with
           | Some c' -> Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None -> None)
  | ChangePref (_, _, _) -> Some s

type 'a result =
| Ok of 'a
| Fail of int

(** val apply_seq_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
    ('a1, 'a2) state -> ('a1, 'a2) state result **)

let rec apply_seq_from eqL eqN lO i ps s =
  match ps with
  | [] -> Ok s
  | p :: ps' ->
    (match apply eqL eqN lO p s with
     | Some s' -> apply_seq_from eqL eqN lO (Stdlib.Int.succ i) ps' s'
     | None -> Fail i)

(** val apply_seq :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) state -> ('a1, 'a2) state result **)

let apply_seq eqL eqN lO ps s =
  apply_seq_from eqL eqN lO 0 ps s

(** val invert : ('a1, 'a2) prim -> ('a1, 'a2) prim **)

let invert = function
| Hunk (f, l, old, new0) -> Hunk (f, l, new0, old)
| AddFile f -> RmFile f
| RmFile f -> AddFile f
| AddDir d -> RmDir d
| RmDir d -> AddDir d
| Move (f, t) -> Move (t, f)
| Replace (f, toks, old, new0) -> Replace (f, toks, new0, old)
| Binary (f, old, new0) -> Binary (f, new0, old)
| ChangePref (n, old, new0) -> ChangePref (n, new0, old)

(** val invert_seq : ('a1, 'a2) prim list -> ('a1, 'a2) prim list **)

let invert_seq ps =
  fold_left (fun acc p -> (invert p) :: acc) ps []

type 'a perhaps =
| Unknown
| Failed
| Succeeded of 'a

(** val commute_hunk_lines :
    int -> int -> int -> int -> int -> int -> (int * int) option **)

let commute_hunk_lines l1 o1 n1 l2 o2 n2 =
  if (<) (add l1 n1) l2
  then Some ((add (sub l2 n1) o1), l1)
  else if (<) (add l2 o2) l1
       then Some (l2, (sub (add l1 n2) o2))
       else if (&&)
                 ((&&)
                   ((&&) ((&&) (negb ((=) o2 0)) (negb ((=) o1 0)))
                     (negb ((=) n2 0))) (negb ((=) n1 0)))
                 ((=) (add l1 n1) l2)
            then Some ((add (sub l2 n1) o1), l1)
            else if (&&)
                      ((&&)
                        ((&&) ((&&) (negb ((=) o2 0)) (negb ((=) o1 0)))
                          (negb ((=) n2 0))) (negb ((=) n1 0)))
                      ((=) (add l2 o2) l1)
                 then Some (l2, (sub (add l1 n2) o2))
                 else None

(** val tok_args_ok : tokclass -> bytes -> bytes -> bool **)

let tok_args_ok cl old new0 =
  match old with
  | [] -> false
  | _ :: _ -> (&&) (all_tok cl old) (all_tok cl new0)

(** val tok_lines :
    'a1 lineOps -> bytes -> bytes -> bytes -> 'a1 list -> 'a1 list option **)

let tok_lines h toks old new0 ls =
  let cl = parse_class toks in
  if tok_args_ok cl old new0 then replace_lines h cl old new0 ls else None

type 'n kind =
| KFile of 'n path
| KDir of 'n path
| KMove of 'n path * 'n path
| KPref

(** val kind_of : ('a1, 'a2) prim -> 'a2 kind **)

let kind_of = function
| Hunk (f, _, _, _) -> KFile f
| AddFile f -> KFile f
| RmFile f -> KFile f
| AddDir d -> KDir d
| RmDir d -> KDir d
| Move (f, t) -> KMove (f, t)
| Replace (f, _, _, _) -> KFile f
| Binary (f, _, _) -> KFile f
| ChangePref (_, _, _) -> KPref

(** val relocate : ('a1, 'a2) prim -> 'a2 path -> ('a1, 'a2) prim **)

let relocate p f =
  match p with
  | Hunk (_, l, o, n) -> Hunk (f, l, o, n)
  | AddFile _ -> AddFile f
  | RmFile _ -> RmFile f
  | AddDir _ -> AddDir f
  | RmDir _ -> RmDir f
  | Replace (_, t, o, n) -> Replace (f, t, o, n)
  | Binary (_, o, n) -> Binary (f, o, n)
  | _ -> p

(** val is_addrm_file : ('a1, 'a2) prim -> bool **)

let is_addrm_file = function
| AddFile _ -> true
| RmFile _ -> true
| _ -> false

(** val is_superdir : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool **)

let is_superdir eqN a b =
  (&&) (is_prefix eqN a b) (negb (path_eqb eqN a b))

(** val speedy :
    'a2 eqDec -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1, 'a2)
    prim * ('a1, 'a2) prim) perhaps **)

let speedy eqN p1 p2 =
  match kind_of p1 with
  | KFile f1 ->
    (match kind_of p2 with
     | KFile f2 -> if path_eqb eqN f1 f2 then Unknown else Succeeded (p2, p1)
     | _ -> Unknown)
  | _ -> Unknown

(** val commute_fp :
    'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1, 'a2)
    prim * ('a1, 'a2) prim) perhaps **)

let commute_fp lO p1 p2 =
  match p1 with
  | Hunk (f, l1, o1, n1) ->
    (match o1 with
     | [] ->
       (match n1 with
        | [] -> Succeeded (p2, p1)
        | _ :: _ ->
          (match p2 with
           | Hunk (_, l2, o2, n2) ->
             (match o2 with
              | [] ->
                (match n2 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ ->
                   (match commute_hunk_lines l1 (length o1) (length n1) l2
                            (length o2) (length n2) with
                    | Some p ->
                      let (l2', l1') = p in
                      Succeeded ((Hunk (f, l2', o2, n2)), (Hunk (f, l1', o1,
                      n1)))
                    | None -> Failed))
              | _ :: _ ->
                (match commute_hunk_lines l1 (length o1) (length n1) l2
                         (length o2) (length n2) with
                 | Some p ->
                   let (l2', l1') = p in
                   Succeeded ((Hunk (f, l2', o2, n2)), (Hunk (f, l1', o1,
                   n1)))
                 | None -> Failed))
           | Replace (_, t, o, n) ->
             (match tok_lines lO t o n o1 with
              | Some o1' ->
                (match tok_lines lO t o n n1 with
                 | Some n1' -> Succeeded (p2, (Hunk (f, l1, o1', n1')))
                 | None -> Failed)
              | None -> Failed)
           | _ -> Unknown))
     | _ :: _ ->
       (match p2 with
        | Hunk (_, l2, o2, n2) ->
          (match o2 with
           | [] ->
             (match n2 with
              | [] -> Succeeded (p2, p1)
              | _ :: _ ->
                (match commute_hunk_lines l1 (length o1) (length n1) l2
                         (length o2) (length n2) with
                 | Some p ->
                   let (l2', l1') = p in
                   Succeeded ((Hunk (f, l2', o2, n2)), (Hunk (f, l1', o1,
                   n1)))
                 | None -> Failed))
           | _ :: _ ->
             (match commute_hunk_lines l1 (length o1) (length n1) l2
                      (length o2) (length n2) with
              | Some p ->
                let (l2', l1') = p in
                Succeeded ((Hunk (f, l2', o2, n2)), (Hunk (f, l1', o1, n1)))
              | None -> Failed))
        | Replace (_, t, o, n) ->
          (match tok_lines lO t o n o1 with
           | Some o1' ->
             (match tok_lines lO t o n n1 with
              | Some n1' -> Succeeded (p2, (Hunk (f, l1, o1', n1')))
              | None -> Failed)
           | None -> Failed)
        | _ -> Unknown))
  | AddFile _ ->
    (match p2 with
     | Hunk (_, _, old, new0) ->
       (match old with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | _ -> Unknown)
  | RmFile _ ->
    (match p2 with
     | Hunk (_, _, old, new0) ->
       (match old with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | _ -> Unknown)
  | Replace (_, t1, o1, n1) ->
    (match p2 with
     | Hunk (_, _, old, new0) ->
       (match old with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | Replace (_, t2, o2, n2) ->
       if (&&)
            ((&&)
              ((&&) ((&&) (bytes_eqb t1 t2) (negb (bytes_eqb o1 o2)))
                (negb (bytes_eqb n1 o2))) (negb (bytes_eqb o1 n2)))
            (negb (bytes_eqb n1 n2))
       then Succeeded (p2, p1)
       else Failed
     | _ -> Unknown)
  | Binary (_, _, _) ->
    (match p2 with
     | Hunk (_, _, old0, new0) ->
       (match old0 with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | _ -> Unknown)
  | ChangePref (_, _, _) ->
    (match p2 with
     | Hunk (_, _, old0, new0) ->
       (match old0 with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | _ -> Unknown)
  | _ ->
    (match p2 with
     | Hunk (_, _, old, new0) ->
       (match old with
        | [] -> (match new0 with
                 | [] -> Succeeded (p2, p1)
                 | _ :: _ -> Unknown)
        | _ :: _ -> Unknown)
     | _ -> Unknown)

(** val commute_filedir :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
    'a2) prim * ('a1, 'a2) prim) perhaps **)

let commute_filedir eqN lO p1 p2 =
  match kind_of p1 with
  | KFile f1 ->
    (match kind_of p2 with
     | KFile f2 ->
       if path_eqb eqN f1 f2 then commute_fp lO p1 p2 else Succeeded (p2, p1)
     | KDir d ->
       if negb (is_prefix eqN d f1) then Succeeded (p2, p1) else Failed
     | KMove (d, d') ->
       if path_eqb eqN f1 d'
       then Failed
       else if (&&) (is_addrm_file p1) (path_eqb eqN d f1)
            then Failed
            else Succeeded (p2, (relocate p1 (move_path eqN d d' f1)))
     | KPref -> Unknown)
  | KDir d1 ->
    (match kind_of p2 with
     | KDir d2 ->
       if (&&) (negb ((||) (is_prefix eqN d1 d2) (is_prefix eqN d2 d1)))
            (negb (path_eqb eqN d1 d2))
       then Succeeded (p2, p1)
       else Failed
     | KMove (d, d') ->
       if (||) (is_superdir eqN d1 d') (is_superdir eqN d1 d)
       then Failed
       else if path_eqb eqN d d1
            then Failed
            else if path_eqb eqN d1 d'
                 then Failed
                 else Succeeded (p2, (relocate p1 (move_path eqN d d' d1)))
     | _ -> Unknown)
  | KMove (f, f') ->
    (match kind_of p2 with
     | KMove (d, d') ->
       if (||) (path_eqb eqN f d') (path_eqb eqN f' d)
       then Failed
       else if (||) (path_eqb eqN f d) (path_eqb eqN f' d')
            then Failed
            else if (&&) (is_superdir eqN d f) (is_superdir eqN f' d')
                 then Failed
                 else Succeeded ((Move ((move_path eqN f' f d),
                        (move_path eqN f' f d'))), (Move
                        ((move_path eqN d d' f), (move_path eqN d d' f'))))
     | _ -> Unknown)
  | KPref -> Unknown

(** val clever :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
    'a2) prim * ('a1, 'a2) prim) perhaps **)

let clever eqN lO p1 p2 =
  match commute_filedir eqN lO p1 p2 with
  | Unknown ->
    (match commute_filedir eqN lO (invert p2) (invert p1) with
     | Succeeded a0 -> let (a, b) = a0 in Succeeded ((invert b), (invert a))
     | x -> x)
  | x -> x

(** val is_pref : ('a1, 'a2) prim -> bool **)

let is_pref = function
| ChangePref (_, _, _) -> true
| _ -> false

(** val everything_else :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
    'a2) prim * ('a1, 'a2) prim) perhaps **)

let everything_else eqN lO p1 p2 =
  if is_pref p2
  then Succeeded (p2, p1)
  else if is_pref p1 then Succeeded (p2, p1) else clever eqN lO p1 p2

(** val commute :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> (('a1,
    'a2) prim * ('a1, 'a2) prim) option **)

let commute eqN lO p1 p2 =
  match speedy eqN p1 p2 with
  | Unknown ->
    (match everything_else eqN lO p1 p2 with
     | Succeeded x -> Some x
     | _ -> None)
  | Failed -> None
  | Succeeded x -> Some x

(** val commute_past :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2) prim list ->
    (('a1, 'a2) prim list * ('a1, 'a2) prim) option **)

let rec commute_past eqN lO x = function
| [] -> Some ([], x)
| y :: ys' ->
  (match commute eqN lO x y with
   | Some p ->
     let (y', x') = p in
     (match commute_past eqN lO x' ys' with
      | Some p0 -> let (ys'', x'') = p0 in Some ((y' :: ys''), x'')
      | None -> None)
   | None -> None)

(** val commute_rl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list
    -> ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list)
    option **)

let rec commute_rl eqN lO rxs ys acc =
  match rxs with
  | [] -> Some (ys, acc)
  | x :: rxs' ->
    (match commute_past eqN lO x ys with
     | Some p -> let (ys', x') = p in commute_rl eqN lO rxs' ys' (x' :: acc)
     | None -> None)

(** val commute_seq :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list
    -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let commute_seq eqN lO xs ys =
  commute_rl eqN lO (rev xs) ys []

type ('l, 'n) named = ('l, 'n) prim list * int list

(** val commute_named :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2) named ->
    (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let commute_named eqN lO p q =
  if existsb ((=) 0) (snd q) then None else commute_seq eqN lO (fst p) (fst q)

(** val api_apply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) state -> ('a1, 'a2)
    prim list -> ('a1, 'a2) state result **)

let api_apply eqL eqN lo s ps =
  apply_seq eqL eqN lo ps s

(** val api_invert :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list **)

let api_invert _ _ _ =
  invert_seq

(** val api_commute :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let api_commute _ =
  commute_seq

(** val api_commute_named :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2)
    named -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let api_commute_named _ =
  commute_named
