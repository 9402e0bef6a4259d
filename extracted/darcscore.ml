
(** val xorb : bool -> bool -> bool **)

let xorb b1 b2 =
  if b1 then if b2 then false else true else b2

(** val negb : bool -> bool **)

let negb = function
| true -> false
| false -> true

(** val option_map : ('a1 -> 'a2) -> 'a1 option -> 'a2 option **)

let option_map f = function
| Some a -> Some (f a)
| None -> None

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

(** val eqb : bool -> bool -> bool **)

let eqb b1 b2 =
  if b1 then b2 else if b2 then false else true

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

(** val concat : 'a1 list list -> 'a1 list **)

let rec concat = function
| [] -> []
| x :: l0 -> app x (concat l0)

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

(** val flat_map : ('a1 -> 'a2 list) -> 'a1 list -> 'a2 list **)

let rec flat_map f = function
| [] -> []
| x :: t -> app (f x) (flat_map f t)

(** val fold_left : ('a1 -> 'a2 -> 'a1) -> 'a2 list -> 'a1 -> 'a1 **)

let rec fold_left f l a0 =
  match l with
  | [] -> a0
  | b :: t -> fold_left f t (f a0 b)

(** val fold_right : ('a2 -> 'a1 -> 'a1) -> 'a1 -> 'a2 list -> 'a1 **)

let rec fold_right f a0 = function
| [] -> a0
| b :: t -> f b (fold_right f a0 t)

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

(** val find : ('a1 -> bool) -> 'a1 list -> 'a1 option **)

let rec find f = function
| [] -> None
| x :: tl -> if f x then Some x else find f tl

(** val firstn : int -> 'a1 list -> 'a1 list **)

let rec firstn n l =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> [])
    (fun n0 -> match l with
               | [] -> []
               | a :: l0 -> a :: (firstn n0 l0))
    n

(** val skipn : int -> 'a1 list -> 'a1 list **)

let rec skipn n l =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> l)
    (fun n0 -> match l with
               | [] -> []
               | _ :: l0 -> skipn n0 l0)
    n

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

(** val bytes_eqb : bytes -> bytes -> bool **)

let bytes_eqb a b =
  if list_eq_dec (=) a b then true else false

(** val is_tok : tokclass -> char -> bool option **)

let is_tok cl b =
  match mem_items (snd cl) b with
  | Some m -> Some (xorb (fst cl) m)
  | None -> None

type chunk =
| Tok of bytes
| Sep of char

(** val close : bytes -> chunk list -> chunk list **)

let close tok cs =
  match tok with
  | [] -> cs
  | _ :: _ -> (Tok (rev tok)) :: cs

(** val lex : tokclass -> bytes -> bytes -> chunk list option **)

let rec lex cl bs tok =
  match bs with
  | [] -> Some (close tok [])
  | b :: bs' ->
    (match is_tok cl b with
     | Some b0 ->
       if b0
       then lex cl bs' (b :: tok)
       else (match lex cl bs' [] with
             | Some cs -> Some (close tok ((Sep b) :: cs))
             | None -> None)
     | None -> None)

(** val chunk_bytes : chunk -> bytes **)

let chunk_bytes = function
| Tok w -> w
| Sep b -> b :: []

(** val flatten : chunk list -> bytes **)

let rec flatten = function
| [] -> []
| c :: cs' -> app (chunk_bytes c) (flatten cs')

(** val replace_chunks : bytes -> bytes -> chunk list -> chunk list option **)

let rec replace_chunks old new0 = function
| [] -> Some []
| c :: cs' ->
  (match c with
   | Tok w ->
     (match replace_chunks old new0 cs' with
      | Some r ->
        if bytes_eqb w old
        then Some ((Tok new0) :: r)
        else if bytes_eqb w new0 then None else Some ((Tok w) :: r)
      | None -> None)
   | Sep b ->
     (match replace_chunks old new0 cs' with
      | Some r -> Some ((Sep b) :: r)
      | None -> None))

(** val tok_replace : tokclass -> bytes -> bytes -> bytes -> bytes option **)

let tok_replace cl old new0 bs =
  match lex cl bs [] with
  | Some cs ->
    (match replace_chunks old new0 cs with
     | Some cs' -> Some (flatten cs')
     | None -> None)
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

(** val apply_gen :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> bool -> ('a1, 'a2) prim -> ('a1,
    'a2) state -> ('a1, 'a2) state option **)

let apply_gen eqL eqN lO strict p s =
  match p with
  | Hunk (f, _, _, _) ->
    (match lookup eqN s f with
     | Some e ->
       (match e with
        | EDir -> None
        | EFile c ->
          (match apply_fp eqL lO p c with
           | Some c' ->
             if strict
             then (match c' with
                   | [] -> None
                   | _ :: _ -> Some (set eqN s f (EFile c')))
             else Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None ->
       if strict
       then None
       else if (&&) (nonroot f) (is_dir eqN s (parent f))
            then (match apply_fp eqL lO p (lO.empty_line :: []) with
                  | Some c' -> Some (set eqN s f (EFile (norm lO c')))
                  | None -> None)
            else None)
  | AddFile f ->
    if (&&) ((&&) (nonroot f) (fresh eqN s f)) (is_dir eqN s (parent f))
    then Some (set eqN s f (EFile (lO.empty_line :: [])))
    else None
  | RmFile f ->
    if (&&)
         ((&&) ((&&) (nonroot f) (is_file_empty eqL lO (lookup eqN s f)))
           (no_children eqN s f)) (is_dir eqN s (parent f))
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
           | Some c' ->
             if strict
             then (match c' with
                   | [] -> None
                   | _ :: _ -> Some (set eqN s f (EFile c')))
             else Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None ->
       if strict
       then None
       else if (&&) (nonroot f) (is_dir eqN s (parent f))
            then (match apply_fp eqL lO p (lO.empty_line :: []) with
                  | Some c' -> Some (set eqN s f (EFile (norm lO c')))
                  | None -> None)
            else None)
  | Binary (f, _, _) ->
    (match lookup eqN s f with
     | Some e ->
       (match e with
        | EDir -> None
        | EFile c ->
          (match apply_fp eqL lO p c with
           | Some c' ->
             if strict
             then (match c' with
                   | [] -> None
                   | _ :: _ -> Some (set eqN s f (EFile c')))
             else Some (set eqN s f (EFile (norm lO c')))
           | None -> None))
     | None ->
       if strict
       then None
       else if (&&) (nonroot f) (is_dir eqN s (parent f))
            then (match apply_fp eqL lO p (lO.empty_line :: []) with
                  | Some c' -> Some (set eqN s f (EFile (norm lO c')))
                  | None -> None)
            else None)
  | ChangePref (_, _, _) -> Some s

(** val apply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    state -> ('a1, 'a2) state option **)

let apply eqL eqN lO p s =
  apply_gen eqL eqN lO false p s

(** val sapply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    state -> ('a1, 'a2) state option **)

let sapply eqL eqN lO p s =
  apply_gen eqL eqN lO true p s

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

type 'a nresult =
| NOk of 'a
| NFail of int * int

type ('l, 'n) named = ('l, 'n) prim list * int list

type ('l, 'n) inamed = int * ('l, 'n) named

(** val commute_inamed :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed ->
    (('a1, 'a2) inamed * ('a1, 'a2) inamed) option **)

let commute_inamed eqN lO p q =
  let (i, n) = p in
  let (pe, pd) = n in
  let (j, n0) = q in
  let (qe, qd) = n0 in
  if (||) (existsb ((=) i) qd) (existsb ((=) j) pd)
  then None
  else (match commute_seq eqN lO pe qe with
        | Some p0 ->
          let (qe', pe') = p0 in Some ((j, (qe', qd)), (i, (pe', pd)))
        | None -> None)

(** val commute_named :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named -> ('a1, 'a2) named ->
    (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let commute_named eqN lO p q =
  match commute_inamed eqN lO (0, p) ((Stdlib.Int.succ 0), q) with
  | Some p0 ->
    let (i, i0) = p0 in
    let (_, n0) = i in
    let (qe', _) = n0 in
    let (_, n2) = i0 in let (pe', _) = n2 in Some (qe', pe')
  | None -> None

(** val commute_fl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed list
    -> (('a1, 'a2) inamed list * ('a1, 'a2) inamed) option **)

let rec commute_fl eqN lO x = function
| [] -> Some ([], x)
| y :: ys' ->
  (match commute_inamed eqN lO x y with
   | Some p ->
     let (y', x') = p in
     (match commute_fl eqN lO x' ys' with
      | Some p0 -> let (ys'', x'') = p0 in Some ((y' :: ys''), x'')
      | None -> None)
   | None -> None)

(** val merge : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list -> 'a1 list **)

let rec merge leb l1 = match l1 with
| [] -> (fun l2 -> l2)
| x :: l1' ->
  let rec merge_aux l2 = match l2 with
  | [] -> l1
  | y :: l2' ->
    if (&&) (leb y x) (negb (leb x y))
    then y :: (merge_aux l2')
    else x :: (merge leb l1' l2)
  in merge_aux

(** val merge_pairs :
    ('a1 -> 'a1 -> bool) -> 'a1 list list -> 'a1 list list **)

let rec merge_pairs leb ls = match ls with
| [] -> ls
| a :: l ->
  (match l with
   | [] -> ls
   | b :: r -> (merge leb a b) :: (merge_pairs leb r))

(** val merge_all :
    ('a1 -> 'a1 -> bool) -> int -> 'a1 list list -> 'a1 list **)

let rec merge_all leb fuel ls = match ls with
| [] -> []
| l :: l0 ->
  (match l0 with
   | [] -> l
   | _ :: _ ->
     ((fun fO fS n -> if n=0 then fO () else fS (n-1))
        (fun _ -> concat ls)
        (fun f -> merge_all leb f (merge_pairs leb ls))
        fuel))

(** val sort : ('a1 -> 'a1 -> bool) -> 'a1 list -> 'a1 list **)

let sort leb l =
  merge_all leb (length l) (map (fun x -> x :: []) l)

type ('l, 'n) found =
| Absent
| FoundFile of 'l list
| FoundDir of 'n list

(** val children : 'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> 'a2 list **)

let rec children eqN s p =
  match s with
  | [] -> []
  | p0 :: s' ->
    let (q, _) = p0 in
    (match strip_prefix eqN p q with
     | Some p1 ->
       (match p1 with
        | [] -> children eqN s' p
        | x :: l ->
          (match l with
           | [] -> x :: (children eqN s' p)
           | _ :: _ -> children eqN s' p))
     | None -> children eqN s' p)

(** val found_at :
    'a2 eqDec -> ('a1, 'a2) state -> 'a2 path -> ('a1, 'a2) found **)

let found_at eqN s p = match p with
| [] -> FoundDir (children eqN s [])
| _ :: _ ->
  (match lookup eqN s p with
   | Some e ->
     (match e with
      | EDir -> FoundDir (children eqN s p)
      | EFile c -> FoundFile c)
   | None -> Absent)

type ('l, 'n) astate = { a_path : 'n path option;
                         a_cur : (int option * 'l) list;
                         a_recs : (int * int) list }

(** val split_n : int -> 'a1 list -> 'a1 list -> 'a1 list * 'a1 list **)

let rec split_n n l acc =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> (acc, l))
    (fun n' ->
    match l with
    | [] -> (acc, [])
    | x :: l' -> split_n n' l' (x :: acc))
    n

(** val take_recs :
    int -> int -> (int option * 'a1) list -> (int * int) list -> (int * int)
    list * (int option * 'a1) list **)

let rec take_recs i n l recs =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> (recs, l))
    (fun n' ->
    match l with
    | [] -> (recs, [])
    | p :: l' ->
      let (t, _) = p in
      take_recs i n' l' (match t with
                         | Some k -> (k, i) :: recs
                         | None -> recs))
    n

(** val push_untagged :
    'a1 lineOps -> int -> (int option * 'a1) list -> (int option * 'a1) list **)

let rec push_untagged lO k l =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> l)
    (fun k' -> (None, lO.empty_line) :: (push_untagged lO k' l))
    k

(** val has_tok : tokclass -> bytes -> bytes -> bytes -> bool **)

let rec has_tok cl o bs tok =
  match bs with
  | [] -> (match tok with
           | [] -> false
           | _ :: _ -> bytes_eqb (rev tok) o)
  | b :: bs' ->
    (match is_tok cl b with
     | Some b0 ->
       if b0
       then has_tok cl o bs' (b :: tok)
       else (match tok with
             | [] -> has_tok cl o bs' []
             | _ :: _ -> (||) (bytes_eqb (rev tok) o) (has_tok cl o bs' []))
     | None ->
       (match tok with
        | [] -> has_tok cl o bs' []
        | _ :: _ -> (||) (bytes_eqb (rev tok) o) (has_tok cl o bs' [])))

(** val record_all :
    int -> (int option * 'a1) list -> (int * int) list -> (int * int) list **)

let record_all i l recs =
  fold_left (fun r te -> match fst te with
                         | Some k -> (k, i) :: r
                         | None -> r) l recs

(** val ann_prim :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) astate
    -> ('a1, 'a2) astate **)

let ann_prim eqN lO i p st =
  match st.a_path with
  | Some fp ->
    (match p with
     | Hunk (f, off, o, n) ->
       if path_eqb eqN f fp
       then let (rto, from) =
              split_n (sub off (Stdlib.Int.succ 0)) st.a_cur []
            in
            let (recs, rest) = take_recs i (length o) from st.a_recs in
            { a_path = (Some fp); a_cur =
            (rev_append rto (push_untagged lO (length n) rest)); a_recs =
            recs }
       else st
     | RmFile f ->
       if path_eqb eqN f fp
       then { a_path = None; a_cur = st.a_cur; a_recs = st.a_recs }
       else st
     | Move (f, t) ->
       { a_path = (Some (move_path eqN f t fp)); a_cur = st.a_cur; a_recs =
         st.a_recs }
     | Replace (f, t, o, _) ->
       if path_eqb eqN f fp
       then let cl = parse_class t in
            let hit = fun te -> has_tok cl o (lO.line_bytes (snd te)) [] in
            { a_path = (Some fp); a_cur =
            (map (fun te -> if hit te then (None, lO.empty_line) else te)
              st.a_cur); a_recs =
            (record_all i (filter hit st.a_cur) st.a_recs) }
       else st
     | Binary (f, _, n) ->
       if path_eqb eqN f fp
       then { a_path = (Some fp); a_cur = (map (fun l -> (None, l)) n);
              a_recs = (record_all i st.a_cur st.a_recs) }
       else st
     | _ -> st)
  | None -> st

(** val break_lines_fast :
    'a1 eqDec -> 'a1 lineOps -> 'a1 list -> 'a1 list **)

let break_lines_fast eqL lO c =
  match rev_append c [] with
  | [] -> []
  | x :: r -> if eq_dec eqL x lO.empty_line then rev_append r [] else c

(** val tag_from : int -> 'a1 list -> (int option * 'a1) list **)

let rec tag_from k = function
| [] -> []
| x :: c' -> ((Some k), x) :: (tag_from (Stdlib.Int.succ k) c')

(** val drop_below : int -> (int * int) list -> (int * int) list **)

let rec drop_below k recs = match recs with
| [] -> []
| p :: r -> let (k', _) = p in if (<) k' k then drop_below k r else recs

(** val fill : int -> 'a1 list -> (int * int) list -> int option list **)

let rec fill k ls recs =
  match ls with
  | [] -> []
  | _ :: ls' ->
    (match drop_below k recs with
     | [] -> None :: (fill (Stdlib.Int.succ k) ls' [])
     | p :: r ->
       let (k', i) = p in
       if (=) k' k
       then (Some i) :: (fill (Stdlib.Int.succ k) ls' r)
       else None :: (fill (Stdlib.Int.succ k) ls' ((k', i) :: r)))

(** val rec_leb : (int * int) -> (int * int) -> bool **)

let rec_leb a b =
  (<=) (fst a) (fst b)

(** val merge_desc : int list -> int list -> int list **)

let rec merge_desc l1 = match l1 with
| [] -> (fun l2 -> l2)
| x :: l1' ->
  let rec aux l2 = match l2 with
  | [] -> l1
  | y :: l2' ->
    if (<) x y
    then y :: (aux l2')
    else if (<) y x
         then x :: (merge_desc l1' l2)
         else x :: (merge_desc l1' l2')
  in aux

(** val drop_above : int -> int list -> int list **)

let rec drop_above j l = match l with
| [] -> []
| k :: l' -> if (<) j k then drop_above j l' else l

type ('l, 'n) dstate = { d_pd : ('l, 'n) inamed list;
                         d_nd : ('l, 'n) inamed list; d_direct : int list;
                         d_all : int list; d_cursor : int list }

(** val deps_walk :
    'a2 eqDec -> 'a1 lineOps -> ((int * ('a1, 'a2) named) * int list) list ->
    ('a1, 'a2) dstate -> ('a1, 'a2) dstate **)

let rec deps_walk eqN lO hist st =
  match hist with
  | [] -> st
  | p :: hist' ->
    let (p0, allj) = p in
    let (j, q) = p0 in
    let cur = drop_above j st.d_cursor in
    let known = match cur with
                | [] -> false
                | k :: _ -> (=) k j in
    if known
    then deps_walk eqN lO hist' { d_pd = ((j, q) :: st.d_pd); d_nd = st.d_nd;
           d_direct = st.d_direct; d_all = st.d_all; d_cursor = cur }
    else (match commute_fl eqN lO (j, q) st.d_pd with
          | Some p1 ->
            let (pd', q') = p1 in
            deps_walk eqN lO hist' { d_pd = pd'; d_nd = (q' :: st.d_nd);
              d_direct = st.d_direct; d_all = st.d_all; d_cursor = cur }
          | None ->
            let all' = merge_desc st.d_all (j :: allj) in
            deps_walk eqN lO hist' { d_pd = ((j, q) :: st.d_pd); d_nd =
              st.d_nd; d_direct = (j :: st.d_direct); d_all = all';
              d_cursor = (drop_above j all') })

(** val deps_of :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named -> ((int * ('a1, 'a2)
    named) * int list) list -> ('a1, 'a2) dstate **)

let deps_of eqN lO i p hist =
  deps_walk eqN lO hist { d_pd = ((i, p) :: []); d_nd = []; d_direct = [];
    d_all = []; d_cursor = [] }

(** val deps_from :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list -> ((int * ('a1,
    'a2) named) * int list) list -> int list list -> int list list **)

let rec deps_from eqN lO i ps hist acc =
  match ps with
  | [] -> rev acc
  | p :: ps' ->
    let st = deps_of eqN lO i p hist in
    deps_from eqN lO (Stdlib.Int.succ i) ps' (((i, p), st.d_all) :: hist)
      (st.d_direct :: acc)

(** val dependencies :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> int list list **)

let dependencies eqN lO ps =
  deps_from eqN lO 0 ps [] []

type 'a res =
| Yes of 'a
| No
| Unsup

(** val rbind : 'a1 res -> ('a1 -> 'a2 res) -> 'a2 res **)

let rbind m k =
  match m with
  | Yes a -> k a
  | No -> No
  | Unsup -> Unsup

(** val of_opt : 'a1 option -> 'a1 res **)

let of_opt = function
| Some a -> Yes a
| None -> No

(** val past :
    ('a1 -> 'a1 -> ('a1 * 'a1) option) -> 'a1 -> 'a1 list -> ('a1 list * 'a1)
    option **)

let rec past c x = function
| [] -> Some ([], x)
| y :: ys' ->
  (match c x y with
   | Some p ->
     let (y', x') = p in
     (match past c x' ys' with
      | Some p0 -> let (ys'', x'') = p0 in Some ((y' :: ys''), x'')
      | None -> None)
   | None -> None)

(** val past_res :
    ('a1 -> 'a1 -> ('a1 * 'a1) res) -> 'a1 -> 'a1 list -> ('a1 list * 'a1) res **)

let rec past_res c x = function
| [] -> Yes ([], x)
| y :: ys' ->
  rbind (c x y) (fun pat ->
    let (y', x') = pat in
    rbind (past_res c x' ys') (fun pat0 ->
      let (ys'', x'') = pat0 in Yes ((y' :: ys''), x'')))

type 'a wstate = { w_pd : (int * 'a) list; w_nd : (int * 'a) list;
                   w_direct : int list; w_all : int list; w_cursor : 
                   int list }

(** val walk :
    ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
    -> ((int * 'a1) * int list) list -> 'a1 wstate -> 'a1 wstate res **)

let rec walk cfl0 hist st =
  match hist with
  | [] -> Yes st
  | p :: hist' ->
    let (p0, allj) = p in
    let (j, q) = p0 in
    let cur = drop_above j st.w_cursor in
    let known = match cur with
                | [] -> false
                | k :: _ -> (=) k j in
    if known
    then walk cfl0 hist' { w_pd = ((j, q) :: st.w_pd); w_nd = st.w_nd;
           w_direct = st.w_direct; w_all = st.w_all; w_cursor = cur }
    else (match cfl0 (j, q) st.w_pd with
          | Yes a ->
            let (pd', q') = a in
            walk cfl0 hist' { w_pd = pd'; w_nd = (q' :: st.w_nd); w_direct =
              st.w_direct; w_all = st.w_all; w_cursor = cur }
          | No ->
            let all' = merge_desc st.w_all (j :: allj) in
            walk cfl0 hist' { w_pd = ((j, q) :: st.w_pd); w_nd = st.w_nd;
              w_direct = (j :: st.w_direct); w_all = all'; w_cursor =
              (drop_above j all') }
          | Unsup -> Unsup)

(** val walk_from :
    ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
    -> int -> 'a1 list -> ((int * 'a1) * int list) list -> int list list ->
    int list list res **)

let rec walk_from cfl0 i ps hist acc =
  match ps with
  | [] -> Yes (rev acc)
  | p :: ps' ->
    (match walk cfl0 hist { w_pd = ((i, p) :: []); w_nd = []; w_direct = [];
             w_all = []; w_cursor = [] } with
     | Yes st ->
       walk_from cfl0 (Stdlib.Int.succ i) ps' (((i, p), st.w_all) :: hist)
         (st.w_direct :: acc)
     | No -> No
     | Unsup -> Unsup)

(** val walk_dependencies :
    ((int * 'a1) -> (int * 'a1) list -> ((int * 'a1) list * (int * 'a1)) res)
    -> 'a1 list -> int list list res **)

let walk_dependencies cfl0 ps =
  walk_from cfl0 0 ps [] []

type pid = (bool * int) * int

(** val pid_eqb : pid -> pid -> bool **)

let pid_eqb a b =
  let (p, k) = a in
  let (s, n) = p in
  let (p0, k') = b in
  let (s', n') = p0 in (&&) ((&&) (eqb s s') ((=) n n')) ((=) k k')

(** val pid_inv : pid -> pid **)

let pid_inv = function
| (p, k) -> let (s, n) = p in (((negb s), n), k)

(** val prim_eq_dec : 'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) prim eqDec **)

let prim_eq_dec eqL eqN x y =
  let eP = list_eq_dec (eq_dec eqN) in
  let eL = list_eq_dec (eq_dec eqL) in
  let eB = list_eq_dec (=) in
  (match x with
   | Hunk (f, line, old, new0) ->
     (match y with
      | Hunk (f0, line0, old0, new1) ->
        if eP f f0
        then if (=) line line0
             then if eL old old0 then eL new0 new1 else false
             else false
        else false
      | _ -> false)
   | AddFile f -> (match y with
                   | AddFile f0 -> eP f f0
                   | _ -> false)
   | RmFile f -> (match y with
                  | RmFile f0 -> eP f f0
                  | _ -> false)
   | AddDir d -> (match y with
                  | AddDir d0 -> eP d d0
                  | _ -> false)
   | RmDir d -> (match y with
                 | RmDir d0 -> eP d d0
                 | _ -> false)
   | Move (src, dst) ->
     (match y with
      | Move (src0, dst0) -> if eP src src0 then eP dst dst0 else false
      | _ -> false)
   | Replace (f, toks, old, new0) ->
     (match y with
      | Replace (f0, toks0, old0, new1) ->
        if eP f f0
        then if eB toks toks0
             then if eB old old0 then eB new0 new1 else false
             else false
        else false
      | _ -> false)
   | Binary (f, old, new0) ->
     (match y with
      | Binary (f0, old0, new1) ->
        if eP f f0 then if eL old old0 then eL new0 new1 else false else false
      | _ -> false)
   | ChangePref (name, old, new0) ->
     (match y with
      | ChangePref (name0, old0, new1) ->
        if eB name name0
        then if eB old old0 then eB new0 new1 else false
        else false
      | _ -> false))

type ('l, 'n) nprim = pid * ('l, 'n) prim

(** val ninv : ('a1, 'a2) nprim -> ('a1, 'a2) nprim **)

let ninv p =
  ((pid_inv (fst p)), (invert (snd p)))

(** val nprim_eqb :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim -> bool **)

let nprim_eqb eqL eqN p q =
  (&&) (pid_eqb (fst p) (fst q))
    (if prim_eq_dec eqL eqN (snd p) (snd q) then true else false)

(** val ncommute :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim ->
    (('a1, 'a2) nprim * ('a1, 'a2) nprim) option **)

let ncommute eqN lO p q =
  match commute eqN lO (snd p) (snd q) with
  | Some p0 -> let (q', p') = p0 in Some (((fst q), q'), ((fst p), p'))
  | None -> None

(** val nc_fl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
    (('a1, 'a2) nprim list * ('a1, 'a2) nprim) option **)

let nc_fl eqN lO =
  past (ncommute eqN lO)

(** val nc_rl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim ->
    (('a1, 'a2) nprim * ('a1, 'a2) nprim list) option **)

let rec nc_rl eqN lO xs y =
  match xs with
  | [] -> Some (y, [])
  | x :: xs' ->
    (match nc_rl eqN lO xs' y with
     | Some p ->
       let (y1, xs'') = p in
       (match ncommute eqN lO x y1 with
        | Some p0 -> let (y2, x') = p0 in Some (y2, (x' :: xs''))
        | None -> None)
     | None -> None)

(** val nc_rlfl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim
    list -> (('a1, 'a2) nprim list * ('a1, 'a2) nprim list) option **)

let rec nc_rlfl eqN lO xs = function
| [] -> Some ([], xs)
| y :: ys' ->
  (match nc_rl eqN lO xs y with
   | Some p ->
     let (y', xs1) = p in
     (match nc_rlfl eqN lO xs1 ys' with
      | Some p0 -> let (ys'', xs2) = p0 in Some ((y' :: ys''), xs2)
      | None -> None)
   | None -> None)

(** val ninv_seq : ('a1, 'a2) nprim list -> ('a1, 'a2) nprim list **)

let ninv_seq ps =
  rev (map ninv ps)

(** val mem_pid : pid -> pid list -> bool **)

let mem_pid a l =
  existsb (pid_eqb a) l

(** val pull_front_acc :
    'a2 eqDec -> 'a1 lineOps -> pid -> ('a1, 'a2) nprim list -> ('a1, 'a2)
    nprim list -> (('a1, 'a2) nprim * ('a1, 'a2) nprim list) option **)

let rec pull_front_acc eqN lO a pre = function
| [] -> None
| b :: bs' ->
  if pid_eqb (fst b) a
  then (match nc_rl eqN lO (rev pre) b with
        | Some p -> let (b', pre') = p in Some (b', (app pre' bs'))
        | None -> None)
  else pull_front_acc eqN lO a (b :: pre) bs'

(** val fast_remove :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
    ('a1, 'a2) nprim list option **)

let fast_remove eqN lO a bs =
  match pull_front_acc eqN lO (fst a) [] bs with
  | Some p -> let (_, r) = p in Some r
  | None -> None

(** val commute_to_prefix :
    'a2 eqDec -> 'a1 lineOps -> pid list -> ('a1, 'a2) nprim list -> (('a1,
    'a2) nprim list * ('a1, 'a2) nprim list) option **)

let rec commute_to_prefix eqN lO ids = function
| [] -> Some ([], [])
| p :: ps' ->
  (match commute_to_prefix eqN lO ids ps' with
   | Some p0 ->
     let (qs, rs) = p0 in
     if mem_pid (fst p) ids
     then Some ((p :: qs), rs)
     else (match nc_fl eqN lO p qs with
           | Some p1 -> let (qs', p') = p1 in Some (qs', (p' :: rs))
           | None -> None)
   | None -> None)

type ('l, 'n) ctxd = ('l, 'n) nprim list * ('l, 'n) nprim

(** val cid : ('a1, 'a2) ctxd -> pid **)

let cid c =
  fst (snd c)

(** val commute_past0 :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) ctxd -> ('a1,
    'a2) ctxd option **)

let commute_past0 eqN lO q c =
  match nc_fl eqN lO q (fst c) with
  | Some p ->
    let (ps', q') = p in
    (match ncommute eqN lO q' (snd c) with
     | Some p0 -> let (p', _) = p0 in Some (ps', p')
     | None -> None)
  | None -> None

(** val commute_past_seq :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
    ('a1, 'a2) ctxd option **)

let rec commute_past_seq eqN lO qs c =
  match qs with
  | [] -> Some c
  | q :: qs' ->
    (match commute_past_seq eqN lO qs' c with
     | Some c' -> commute_past0 eqN lO q c'
     | None -> None)

(** val ctx_add :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2) ctxd -> ('a1,
    'a2) ctxd **)

let ctx_add eqN lO p c =
  match fast_remove eqN lO (ninv p) (fst c) with
  | Some ps' -> (ps', (snd c))
  | None ->
    (match commute_past0 eqN lO p c with
     | Some c' -> c'
     | None -> ((p :: (fst c)), (snd c)))

(** val ctx_add_seq :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
    ('a1, 'a2) ctxd **)

let rec ctx_add_seq eqN lO ps c =
  match ps with
  | [] -> c
  | p :: ps' -> ctx_add eqN lO p (ctx_add_seq eqN lO ps' c)

(** val ctx_add_inv :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd ->
    ('a1, 'a2) ctxd **)

let ctx_add_inv eqN lO ps c =
  ctx_add_seq eqN lO (ninv_seq ps) c

(** val clean_merges :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim
    list -> bool **)

let clean_merges eqN lO ps qs =
  match nc_rlfl eqN lO (ninv_seq ps) qs with
  | Some _ -> true
  | None -> false

(** val find_common :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) nprim
    list -> (('a1, 'a2) nprim list * ('a1, 'a2) nprim list) option **)

let find_common eqN lO ps qs =
  let common = filter (fun i -> mem_pid i (map fst qs)) (map fst ps) in
  (match commute_to_prefix eqN lO common ps with
   | Some p ->
     let (_, ps') = p in
     (match commute_to_prefix eqN lO common qs with
      | Some p0 -> let (_, qs') = p0 in Some (ps', qs')
      | None -> None)
   | None -> None)

(** val no_conflict :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd -> bool **)

let no_conflict eqN lO cp cq =
  if pid_eqb (cid cp) (cid cq)
  then true
  else if (||) (mem_pid (cid cp) (map fst (fst cq)))
            (mem_pid (cid cq) (map fst (fst cp)))
       then false
       else (match find_common eqN lO (fst cp) (fst cq) with
             | Some p ->
               let (ps', qs') = p in
               clean_merges eqN lO (app ps' ((snd cp) :: []))
                 (app qs' ((snd cq) :: []))
             | None -> false)

(** val cmem : ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> bool **)

let cmem c xs =
  mem_pid (cid c) (map cid xs)

(** val cdel :
    ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list **)

let cdel c xs =
  filter (fun x -> negb (pid_eqb (cid x) (cid c))) xs

(** val cins :
    ('a1, 'a2) ctxd -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list **)

let cins c xs =
  c :: (cdel c xs)

(** val cnub : ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list **)

let rec cnub = function
| [] -> []
| x :: xs' -> x :: (cdel x (cnub xs'))

(** val cmap :
    (('a1, 'a2) ctxd -> ('a1, 'a2) ctxd) -> ('a1, 'a2) ctxd list -> ('a1,
    'a2) ctxd list **)

let cmap f xs =
  cnub (map f xs)

(** val cdiff :
    ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list **)

let cdiff xs ys =
  filter (fun x -> negb (cmem x ys)) xs

(** val cset_eqb : ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd list -> bool **)

let cset_eqb xs ys =
  (&&) (forallb (fun x -> cmem x ys) xs) (forallb (fun y -> cmem y xs) ys)

(** val map_opt :
    (('a1, 'a2) ctxd -> ('a1, 'a2) ctxd option) -> ('a1, 'a2) ctxd list ->
    ('a1, 'a2) ctxd list option **)

let rec map_opt f = function
| [] -> Some []
| x :: xs' ->
  (match f x with
   | Some y ->
     (match map_opt f xs' with
      | Some ys -> Some (y :: ys)
      | None -> None)
   | None -> None)

type ('l, 'n) rp3 =
| RPrim of ('l, 'n) nprim
| RConf of ('l, 'n) nprim list * ('l, 'n) ctxd list * ('l, 'n) ctxd

(** val rp3_effect : ('a1, 'a2) rp3 -> ('a1, 'a2) prim list **)

let rp3_effect = function
| RPrim q -> (snd q) :: []
| RConf (r, _, _) -> map snd r

(** val guardb : bool -> 'a1 option -> 'a1 option **)

let guardb b k =
  if b then k else None

(** val commute_nc :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3 -> (('a1,
    'a2) rp3 * ('a1, 'a2) rp3) option **)

let commute_nc eqN lO p q =
  match p with
  | RPrim p0 ->
    (match q with
     | RPrim q0 ->
       (match ncommute eqN lO p0 q0 with
        | Some p1 -> let (q', p') = p1 in Some ((RPrim q'), (RPrim p'))
        | None -> None)
     | RConf (s, y, cq) ->
       (match nc_fl eqN lO p0 s with
        | Some p1 ->
          let (s', p') = p1 in
          (match commute_past0 eqN lO p' cq with
           | Some cq' ->
             (match map_opt (commute_past0 eqN lO p') y with
              | Some y' -> Some ((RConf (s', (cnub y'), cq')), (RPrim p'))
              | None -> None)
           | None -> None)
        | None -> None))
  | RConf (com_r, x, cp) ->
    (match q with
     | RPrim q0 ->
       (match nc_rl eqN lO com_r q0 with
        | Some p0 ->
          let (q', r') = p0 in
          let iq = ninv q0 in
          (match commute_past0 eqN lO iq cp with
           | Some cp' ->
             (match map_opt (commute_past0 eqN lO iq) x with
              | Some x' -> Some ((RPrim q'), (RConf (r', (cnub x'), cp')))
              | None -> None)
           | None -> None)
        | None -> None)
     | RConf (s, y, cq) ->
       (match commute_to_prefix eqN lO (map (fun c -> pid_inv (cid c)) y)
                com_r with
        | Some p0 ->
          let (com, rr) = p0 in
          (match nc_rlfl eqN lO rr s with
           | Some p1 ->
             let (s', rr') = p1 in
             (match commute_past_seq eqN lO (ninv_seq s) cp with
              | Some cp' ->
                (match commute_past_seq eqN lO rr' cq with
                 | Some cq' ->
                   let sq = ctx_add_seq eqN lO s cq in
                   let sy = cmap (ctx_add_seq eqN lO s) y in
                   guardb
                     ((&&)
                       ((&&) (no_conflict eqN lO sq cp)
                         (forallb (no_conflict eqN lO sq) (cdiff x sy)))
                       (forallb (no_conflict eqN lO cp) (cdiff sy x))) (Some
                     ((RConf ((app com s'),
                     (cmap (ctx_add_seq eqN lO rr') y), cq')), (RConf (rr',
                     (cmap (ctx_add_inv eqN lO s) x), cp'))))
                 | None -> None)
              | None -> None)
           | None -> None)
        | None -> None))

(** val cc_prim_only :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) nprim -> ('a1, 'a2) nprim list ->
    ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2)
    rp3) perhaps **)

let cc_prim_only eqL eqN p s y cq =
  match s with
  | [] -> Unknown
  | ip :: l ->
    (match l with
     | [] ->
       (match y with
        | [] -> Unknown
        | c :: l0 ->
          let (l1, p') = c in
          (match l1 with
           | [] ->
             (match l0 with
              | [] ->
                let (l2, q0) = cq in
                (match l2 with
                 | [] ->
                   if (&&) (nprim_eqb eqL eqN (ninv p) ip)
                        (nprim_eqb eqL eqN p p')
                   then Succeeded ((RPrim q0), (RConf (((ninv q0) :: []),
                          (cq :: []), ([], p))))
                   else Unknown
                 | _ :: _ -> Unknown)
              | _ :: _ -> Unknown)
           | _ :: _ -> Unknown))
     | _ :: _ -> Unknown)

(** val cc_prim :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim -> ('a1, 'a2)
    nprim list -> ('a1, 'a2) ctxd list -> ('a1, 'a2) ctxd -> (('a1, 'a2)
    rp3 * ('a1, 'a2) rp3) perhaps **)

let cc_prim eqL eqN lO p s y cq =
  if mem_pid (fst p) (map cid y)
  then (match pull_front_acc eqN lO (fst (ninv p)) [] s with
        | Some p0 ->
          let (b, r0) = p0 in
          if nprim_eqb eqL eqN b (ninv p)
          then let cp = ctx_add_inv eqN lO r0 ([], p) in
               Succeeded ((RConf (r0, (cdel cp y), cq)), (RConf ([],
               (cq :: []), cp)))
          else Failed
        | None -> Failed)
  else Unknown

(** val cc_conf_only :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list
    -> ('a1, 'a2) ctxd -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list ->
    ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps **)

let cc_conf_only eqN lO r x cp s y cq =
  match s with
  | [] ->
    if cset_eqb y (cp :: [])
    then let (l, cq') = ctx_add_seq eqN lO r cq in
         (match l with
          | [] ->
            Succeeded ((RPrim cq'), (RConf (((ninv cq') :: r), (cins cq x),
              cp)))
          | _ :: _ -> Failed)
    else Unknown
  | _ :: _ -> Unknown

(** val cc_conf :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list
    -> ('a1, 'a2) ctxd -> ('a1, 'a2) nprim list -> ('a1, 'a2) ctxd list ->
    ('a1, 'a2) ctxd -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps **)

let cc_conf eqN lO r x cp s y cq =
  let is_cp = ctx_add_inv eqN lO s cp in
  if cmem is_cp y
  then let y' = cdel is_cp y in
       (match commute_to_prefix eqN lO (map (fun c -> pid_inv (cid c)) y') r with
        | Some p ->
          let (com, rr) = p in
          (match nc_rlfl eqN lO rr s with
           | Some p0 ->
             let (s', rr') = p0 in
             Succeeded ((RConf ((app com s'),
             (cmap (ctx_add_seq eqN lO rr') y'),
             (ctx_add_seq eqN lO rr' cq))), (RConf (rr',
             (cins cq (cmap (ctx_add_inv eqN lO s) x)), is_cp)))
           | None -> Failed)
        | None -> Failed)
  else Unknown

(** val or_else : 'a1 perhaps -> (unit -> 'a1 perhaps) -> 'a1 perhaps **)

let or_else a b =
  match a with
  | Unknown -> b ()
  | _ -> a

(** val commute_conflicting :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
    -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) perhaps **)

let commute_conflicting eqL eqN lO p q =
  match p with
  | RPrim p0 ->
    (match q with
     | RPrim _ -> Unknown
     | RConf (s, y, cq) ->
       or_else (cc_prim_only eqL eqN p0 s y cq) (fun _ ->
         cc_prim eqL eqN lO p0 s y cq))
  | RConf (r, x, cp) ->
    (match q with
     | RPrim _ -> Unknown
     | RConf (s, y, cq) ->
       or_else (cc_conf_only eqN lO r x cp s y cq) (fun _ ->
         cc_conf eqN lO r x cp s y cq))

(** val commute3 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
    -> (('a1, 'a2) rp3 * ('a1, 'a2) rp3) option **)

let commute3 eqL eqN lO p q =
  match commute_conflicting eqL eqN lO p q with
  | Unknown -> commute_nc eqN lO p q
  | Failed -> None
  | Succeeded r -> Some r

(** val commute3_past :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 -> ('a1, 'a2) rp3
    list -> (('a1, 'a2) rp3 list * ('a1, 'a2) rp3) option **)

let commute3_past eqL eqN lO =
  past (commute3 eqL eqN lO)

(** val commute3_rl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 list -> ('a1,
    'a2) rp3 list -> ('a1, 'a2) rp3 list -> (('a1, 'a2) rp3 list * ('a1, 'a2)
    rp3 list) option **)

let rec commute3_rl eqL eqN lO rxs ys acc =
  match rxs with
  | [] -> Some (ys, acc)
  | x :: rxs' ->
    (match commute3_past eqL eqN lO x ys with
     | Some p ->
       let (ys', x') = p in commute3_rl eqL eqN lO rxs' ys' (x' :: acc)
     | None -> None)

(** val commute3_seq :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp3 list -> ('a1,
    'a2) rp3 list -> (('a1, 'a2) rp3 list * ('a1, 'a2) rp3 list) option **)

let commute3_seq eqL eqN lO xs ys =
  commute3_rl eqL eqN lO (rev xs) ys []

type ('l, 'n) named3 = ('l, 'n) rp3 list * int list

type ('l, 'n) inamed3 = int * ('l, 'n) named3

(** val commute_inamed3 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed3 -> ('a1, 'a2)
    inamed3 -> (('a1, 'a2) inamed3 * ('a1, 'a2) inamed3) option **)

let commute_inamed3 eqL eqN lO p q =
  let (i, n) = p in
  let (pe, pd) = n in
  let (j, n0) = q in
  let (qe, qd) = n0 in
  if (||) (existsb ((=) i) qd) (existsb ((=) j) pd)
  then None
  else (match commute3_seq eqL eqN lO pe qe with
        | Some p0 ->
          let (qe', pe') = p0 in Some ((j, (qe', qd)), (i, (pe', pd)))
        | None -> None)

(** val commute3_fl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed3 -> ('a1, 'a2)
    inamed3 list -> (('a1, 'a2) inamed3 list * ('a1, 'a2) inamed3) option **)

let commute3_fl eqL eqN lO =
  past (commute_inamed3 eqL eqN lO)

(** val dependencies3 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named3 list -> int
    list list res **)

let dependencies3 eqL eqN lO ps =
  walk_dependencies (fun x ys -> of_opt (commute3_fl eqL eqN lO x ys)) ps

type ('l, 'n) rp2 =
| Normal of ('l, 'n) prim
| Dup of ('l, 'n) non
| Etac of ('l, 'n) non
| Conf of ('l, 'n) non list * ('l, 'n) prim list * ('l, 'n) non
| InvConf of ('l, 'n) non list * ('l, 'n) prim list * ('l, 'n) non
and ('l, 'n) non =
| Non of ('l, 'n) rp2 list * ('l, 'n) prim

(** val invert2 : ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 **)

let invert2 = function
| Normal q -> Normal (invert q)
| Dup n -> Etac n
| Etac n -> Dup n
| Conf (ix, xx, x) -> InvConf (ix, xx, x)
| InvConf (ix, xx, x) -> Conf (ix, xx, x)

(** val effect2 : ('a1, 'a2) rp2 -> ('a1, 'a2) prim list **)

let effect2 = function
| Normal q -> q :: []
| Conf (_, xx, _) -> invert_seq xx
| InvConf (_, xx, _) -> xx
| _ -> []

(** val effects2 : ('a1, 'a2) rp2 list -> ('a1, 'a2) prim list **)

let effects2 ps =
  concat (map effect2 ps)

(** val prim_eqb :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) prim -> ('a1, 'a2) prim -> bool **)

let prim_eqb eqL eqN p q =
  if prim_eq_dec eqL eqN p q then true else false

(** val p_crl :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim ->
    (('a1, 'a2) prim * ('a1, 'a2) prim list) option **)

let rec p_crl eqN lO xs y =
  match xs with
  | [] -> Some (y, [])
  | x :: xs' ->
    (match p_crl eqN lO xs' y with
     | Some p ->
       let (y1, xs'') = p in
       (match commute eqN lO x y1 with
        | Some p0 -> let (y2, x') = p0 in Some (y2, (x' :: xs''))
        | None -> None)
     | None -> None)

(** val p_heads :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> (('a1, 'a2)
    prim * ('a1, 'a2) prim list) list **)

let rec p_heads eqN lO = function
| [] -> []
| p :: ps' ->
  (p,
    ps') :: (flat_map (fun zzs ->
              let (z, zs) = zzs in
              (match commute eqN lO p z with
               | Some p0 -> let (z', p') = p0 in (z', (p' :: zs)) :: []
               | None -> [])) (p_heads eqN lO ps'))

(** val p_remove_fl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    prim list -> ('a1, 'a2) prim list option **)

let p_remove_fl eqL eqN lO x xs =
  match find (fun zzs -> prim_eqb eqL eqN x (fst zzs)) (p_heads eqN lO xs) with
  | Some p -> let (_, zs) = p in Some zs
  | None -> None

(** val p_tails :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> (('a1, 'a2) prim
    list * ('a1, 'a2) prim) list **)

let rec p_tails eqN lO = function
| [] -> []
| p :: rps' ->
  (rps',
    p) :: (flat_map (fun zsz ->
            let (zs, z) = zsz in
            (match commute eqN lO z p with
             | Some p0 -> let (p', z') = p0 in ((p' :: zs), z') :: []
             | None -> [])) (p_tails eqN lO rps'))

(** val p_remove_rl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    prim list -> ('a1, 'a2) prim list option **)

let p_remove_rl eqL eqN lO x xs =
  match find (fun zsz -> prim_eqb eqL eqN x (snd zsz))
          (p_tails eqN lO (rev xs)) with
  | Some p -> let (rzs, _) = p in Some (rev rzs)
  | None -> None

(** val p_eq_fl_same :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list -> bool **)

let rec p_eq_fl_same eqL eqN lO xs ys =
  match xs with
  | [] -> (match ys with
           | [] -> true
           | _ :: _ -> false)
  | x :: xs' ->
    (match p_remove_fl eqL eqN lO x ys with
     | Some ys' -> p_eq_fl_same eqL eqN lO xs' ys'
     | None -> false)

(** val p_eq_fl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list -> bool **)

let p_eq_fl eqL eqN lO xs ys =
  (&&) ((=) (length xs) (length ys)) (p_eq_fl_same eqL eqN lO xs ys)

(** val p_eq_rl_same :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list -> bool **)

let rec p_eq_rl_same eqL eqN lO rxs ys =
  match rxs with
  | [] -> (match ys with
           | [] -> true
           | _ :: _ -> false)
  | x :: rxs' ->
    (match p_remove_rl eqL eqN lO x ys with
     | Some ys' -> p_eq_rl_same eqL eqN lO rxs' ys'
     | None -> false)

(** val p_eq_rl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list -> bool **)

let p_eq_rl eqL eqN lO xs ys =
  (&&) ((=) (length xs) (length ys)) (p_eq_rl_same eqL eqN lO (rev xs) ys)

(** val join_inverses :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1,
    'a2) prim list **)

let rec join_inverses eqL eqN lO = function
| [] -> []
| p :: ps' ->
  let r = join_inverses eqL eqN lO ps' in
  (match p_remove_fl eqL eqN lO (invert p) r with
   | Some r' -> r'
   | None -> p :: r)

(** val p_cwwc :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) prim
    list -> ((('a1, 'a2) prim list * ('a1, 'a2) prim) * ('a1, 'a2) prim list)
    option **)

let rec p_cwwc eqN lO g p xs =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> None)
    (fun g' ->
    match xs with
    | [] -> Some (([], p), [])
    | x :: xs' ->
      (match commute eqN lO p x with
       | Some p0 ->
         let (x', p') = p0 in
         (match p_cwwc eqN lO g' p' xs' with
          | Some p1 ->
            let (p2, c) = p1 in
            let (a, p'') = p2 in Some (((x' :: a), p''), c)
          | None -> None)
       | None ->
         (match p_cwwc eqN lO g' x xs' with
          | Some p0 ->
            let (p1, xs2) = p0 in
            let (xs1, x') = p1 in
            (match p_cwwc eqN lO g' p xs1 with
             | Some p2 ->
               let (p3, xs2') = p2 in Some (p3, (app xs2' (x' :: xs2)))
             | None -> None)
          | None -> None)))
    g

(** val p_cwwc_rl :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list -> ('a1, 'a2)
    prim -> ((('a1, 'a2) prim list * ('a1, 'a2) prim) * ('a1, 'a2) prim list)
    option **)

let rec p_cwwc_rl eqN lO g rxs x =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> None)
    (fun g' ->
    match rxs with
    | [] -> Some (([], x), [])
    | y :: rys ->
      (match commute eqN lO y x with
       | Some p ->
         let (x', y') = p in
         (match p_cwwc_rl eqN lO g' rys x' with
          | Some p0 -> let (p1, xs2) = p0 in Some (p1, (app xs2 (y' :: [])))
          | None -> None)
       | None ->
         (match p_cwwc_rl eqN lO g' rys y with
          | Some p ->
            let (p0, ys2) = p in
            let (ys1, y') = p0 in
            (match p_cwwc_rl eqN lO g' (rev ys2) x with
             | Some p1 ->
               let (p2, ys2') = p1 in
               let (ys1', x') = p2 in
               Some (((app ys1 (app (y' :: []) ys1')), x'), ys2')
             | None -> None)
          | None -> None)))
    g

(** val p_pull_common_rl :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
    ('a1, 'a2) prim list -> ((('a1, 'a2) prim list * ('a1, 'a2) prim
    list) * ('a1, 'a2) prim list) option **)

let rec p_pull_common_rl eqL eqN lO g rxs rys =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> None)
    (fun g' ->
    match rxs with
    | [] -> Some (([], (rev rys)), [])
    | x :: rxs' ->
      (match rys with
       | [] -> Some (((rev rxs), []), [])
       | _ :: _ ->
         (match p_remove_rl eqL eqN lO x (rev rys) with
          | Some ys ->
            (match p_pull_common_rl eqL eqN lO g' rxs' (rev ys) with
             | Some p -> let (p0, c) = p in Some (p0, (app c (x :: [])))
             | None -> None)
          | None ->
            (match p_cwwc_rl eqN lO (Stdlib.Int.succ (length rxs)) rxs' x with
             | Some p ->
               let (p0, xs2) = p in
               let (xs1, x') = p0 in
               (match p_pull_common_rl eqL eqN lO g' (rev xs2) rys with
                | Some p1 ->
                  let (p2, c) = p1 in
                  let (xs2', ys') = p2 in
                  Some (((app xs1 (app (x' :: []) xs2')), ys'), c)
                | None -> None)
             | None -> None))))
    g

type ('l, 'n) ops = { o_cm : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                             rp2 * ('l, 'n) rp2) res);
                      o_eq : (('l, 'n) rp2 -> ('l, 'n) rp2 -> bool res);
                      o_merge : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                                rp2 * ('l, 'n) rp2) res);
                      o_cnc : (('l, 'n) rp2 -> ('l, 'n) rp2 -> (('l, 'n)
                              rp2 * ('l, 'n) rp2) res) }

(** val mapr : ('a1 -> 'a2 res) -> 'a1 list -> 'a2 list res **)

let rec mapr f = function
| [] -> Yes []
| x :: xs' ->
  rbind (f x) (fun y -> rbind (mapr f xs') (fun ys -> Yes (y :: ys)))

(** val anyr : ('a1 -> bool res) -> 'a1 list -> bool res **)

let rec anyr f = function
| [] -> Yes false
| x :: xs' -> rbind (f x) (fun b -> if b then Yes true else anyr f xs')

(** val cfl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> (('a1, 'a2)
    rp2 list * ('a1, 'a2) rp2) res **)

let cfl o =
  past_res o.o_cm

(** val heads :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2
    list) list res **)

let rec heads o = function
| [] -> Yes []
| p :: ps' ->
  rbind (heads o ps') (fun hs ->
    rbind
      (mapr (fun zzs ->
        let (z, zs) = zzs in
        (match o.o_cm p z with
         | Yes a -> let (z', p') = a in Yes ((z', (p' :: zs)) :: [])
         | No -> Yes []
         | Unsup -> Unsup)) hs) (fun more -> Yes ((p, ps') :: (concat more))))

(** val first_eq :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2
    list) list -> ('a1, 'a2) rp2 list res **)

let rec first_eq o x = function
| [] -> No
| p :: cs' ->
  let (z, zs) = p in
  rbind (o.o_eq x z) (fun b -> if b then Yes zs else first_eq o x cs')

(** val remove_fl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2
    list res **)

let remove_fl o x xs =
  rbind (heads o xs) (fun hs -> first_eq o x hs)

(** val tails :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> (('a1, 'a2) rp2 list * ('a1,
    'a2) rp2) list res **)

let rec tails o = function
| [] -> Yes []
| p :: rps' ->
  rbind (tails o rps') (fun ts ->
    rbind
      (mapr (fun zsz ->
        let (zs, z) = zsz in
        (match o.o_cm z p with
         | Yes a -> let (p', z') = a in Yes (((p' :: zs), z') :: [])
         | No -> Yes []
         | Unsup -> Unsup)) ts) (fun more -> Yes ((rps', p) :: (concat more))))

(** val last_eq :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 list * ('a1, 'a2)
    rp2) list -> ('a1, 'a2) rp2 list res **)

let rec last_eq o x = function
| [] -> No
| p :: cs' ->
  let (zs, z) = p in
  rbind (o.o_eq x z) (fun b -> if b then Yes (rev zs) else last_eq o x cs')

(** val remove_rl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2
    list res **)

let remove_rl o x xs =
  rbind (tails o (rev xs)) (fun ts -> last_eq o x ts)

(** val remove_subseq_same :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1,
    'a2) rp2 list res **)

let rec remove_subseq_same o a b =
  match a with
  | [] -> Yes b
  | x :: a' -> rbind (remove_fl o x b) (fun b' -> remove_subseq_same o a' b')

(** val remove_subseq :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1,
    'a2) rp2 list res **)

let remove_subseq o a b =
  if (<) (length b) (length a) then No else remove_subseq_same o a b

(** val eq_fl_same :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> bool res **)

let rec eq_fl_same o xs ys =
  match xs with
  | [] -> (match ys with
           | [] -> Yes true
           | _ :: _ -> Yes false)
  | x :: xs' ->
    (match remove_fl o x ys with
     | Yes ys' -> eq_fl_same o xs' ys'
     | No -> Yes false
     | Unsup -> Unsup)

(** val eq_fl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> bool res **)

let eq_fl o xs ys =
  if (=) (length xs) (length ys) then eq_fl_same o xs ys else Yes false

(** val eq_non :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
    non -> bool res **)

let eq_non eqL eqN o a b =
  let Non (cx, x) = a in
  let Non (cy, y) = b in
  rbind (eq_fl o cx cy) (fun e -> Yes ((&&) e (prim_eqb eqL eqN x y)))

(** val remove1 :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
    non list -> ('a1, 'a2) non list res **)

let rec remove1 eqL eqN o x = function
| [] -> No
| y :: ys' ->
  rbind (eq_non eqL eqN o x y) (fun e ->
    if e
    then Yes ys'
    else rbind (remove1 eqL eqN o x ys') (fun r -> Yes (y :: r)))

(** val eq_set :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
    'a2) non list -> bool res **)

let rec eq_set eqL eqN o xs ys =
  match xs with
  | [] -> (match ys with
           | [] -> Yes true
           | _ :: _ -> Yes false)
  | x :: xs' ->
    (match remove1 eqL eqN o x ys with
     | Yes ys' -> eq_set eqL eqN o xs' ys'
     | No -> Yes false
     | Unsup -> Unsup)

(** val minus :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
    'a2) non list -> ('a1, 'a2) non list res **)

let rec minus eqL eqN o xs = function
| [] -> Yes xs
| y :: ys' ->
  rbind (remove1 eqL eqN o y xs) (fun xs' -> minus eqL eqN o xs' ys')

(** val delete :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
    non list -> ('a1, 'a2) non list res **)

let delete eqL eqN o x ys =
  match remove1 eqL eqN o x ys with
  | No -> Yes ys
  | x0 -> x0

(** val elem :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2)
    non list -> bool res **)

let elem eqL eqN o x ys =
  anyr (eq_non eqL eqN o x) ys

(** val star_l :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res **)

let star_l o y = function
| Non (c, x) ->
  rbind (cfl o y c) (fun pat ->
    let (c', y') = pat in
    rbind (o.o_cm y' (Normal x)) (fun pat0 ->
      let (px', _) = pat0 in
      (match px' with
       | Normal x' -> Yes (Non (c', x'))
       | _ -> No)))

(** val star_r :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) rp2 -> ('a1, 'a2) non res **)

let star_r o n p =
  star_l o (invert2 p) n

(** val coa :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res **)

let coa o p n =
  match star_l o p n with
  | No -> let Non (c, x) = n in Yes (Non ((p :: c), x))
  | x -> x

(** val coa_rl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non -> ('a1, 'a2) non
    res **)

let rec coa_rl o ps n =
  match ps with
  | [] -> Yes n
  | p :: ps' -> rbind (coa_rl o ps' n) (fun m -> coa o p m)

(** val cpoa :
    ('a1, 'a2) ops -> ('a1, 'a2) prim list -> ('a1, 'a2) non -> ('a1, 'a2)
    non res **)

let cpoa o qs n =
  coa_rl o (map (fun x -> Normal x) qs) n

(** val cor :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non -> ('a1, 'a2) non res **)

let cor o p n =
  match star_r o n p with
  | No ->
    let Non (pc, x) = n in
    rbind (remove_fl o p pc) (fun c -> Yes (Non (c, x)))
  | x -> x

(** val cor_fl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non -> ('a1, 'a2) non
    res **)

let rec cor_fl o ps n =
  match ps with
  | [] -> Yes n
  | p :: ps' -> rbind (cor o p n) (fun n' -> cor_fl o ps' n')

(** val star_ll :
    ('a1, 'a2) ops -> ('a1, 'a2) prim list -> ('a1, 'a2) non -> ('a1, 'a2)
    non res **)

let rec star_ll o ps n =
  match ps with
  | [] -> Yes n
  | p :: ps' -> rbind (star_ll o ps' n) (fun n' -> star_l o (Normal p) n')

(** val star_rr :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) prim list -> ('a1, 'a2)
    non res **)

let star_rr o n ps =
  star_ll o (invert_seq ps) n

(** val invert_non :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non res **)

let invert_non o = function
| Non (c, x) ->
  (match remove_rl o (Normal (invert x)) c with
   | Yes c' -> Yes (Non (c', (invert x)))
   | No -> coa_rl o (app c ((Normal x) :: [])) (Non ([], (invert x)))
   | Unsup -> Unsup)

(** val non_of : ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) non res **)

let non_of o = function
| Normal q -> Yes (Non ([], q))
| Dup d -> Yes d
| Etac d -> invert_non o d
| Conf (_, xx, x) -> cpoa o (invert_seq xx) x
| InvConf (_, _, n) -> invert_non o n

(** val depends_upon :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non -> bool res **)

let depends_upon o a b =
  let Non (xs, _) = a in
  let Non (ys, y) = b in
  (match remove_subseq o (app ys ((Normal y) :: [])) xs with
   | Yes _ -> Yes true
   | No -> Yes false
   | Unsup -> Unsup)

(** val conflicts_with :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non -> bool res **)

let conflicts_with o a b =
  rbind (depends_upon o a b) (fun d1 ->
    rbind (depends_upon o b a) (fun d2 ->
      if (||) d1 d2
      then Yes false
      else let Non (cy, y) = b in
           (match cor_fl o cy a with
            | Yes a0 ->
              let Non (cx', x') = a0 in
              (match cfl o (Normal (invert y)) (app cx' ((Normal x') :: [])) with
               | Yes _ -> Yes false
               | No -> Yes true
               | Unsup -> Unsup)
            | No -> Yes true
            | Unsup -> Unsup)))

(** val partition_r :
    (('a1, 'a2) non -> bool res) -> ('a1, 'a2) non list -> (('a1, 'a2) non
    list * ('a1, 'a2) non list) res **)

let rec partition_r f = function
| [] -> Yes ([], [])
| x :: xs' ->
  rbind (f x) (fun b ->
    rbind (partition_r f xs') (fun pat ->
      let (ts, fs) = pat in
      if b then Yes ((x :: ts), fs) else Yes (ts, (x :: fs))))

(** val all_conflicts_with :
    ('a1, 'a2) ops -> int -> ('a1, 'a2) non -> ('a1, 'a2) non list -> (('a1,
    'a2) non list * ('a1, 'a2) non list) res **)

let rec all_conflicts_with o g x ys =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    rbind (partition_r (conflicts_with o x) ys) (fun pat ->
      let (cs, nc) = pat in
      let rec acw cs0 nc0 =
        match cs0 with
        | [] -> Yes ([], nc0)
        | c :: cs' ->
          rbind (all_conflicts_with o g' c nc0) (fun pat0 ->
            let (c1, nc1) = pat0 in
            rbind (acw cs' nc1) (fun pat1 ->
              let (xs', nc') = pat1 in Yes ((c :: (app c1 xs')), nc')))
      in acw cs nc))
    g

(** val cwwc :
    ('a1, 'a2) ops -> int -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> ((('a1,
    'a2) rp2 list * ('a1, 'a2) rp2) * ('a1, 'a2) rp2 list) res **)

let rec cwwc o g p xs =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match xs with
    | [] -> Yes (([], p), [])
    | x :: xs' ->
      (match o.o_cm p x with
       | Yes a ->
         let (x', p') = a in
         rbind (cwwc o g' p' xs') (fun pat ->
           let (ap, c) = pat in
           let (a0, p'') = ap in Yes (((x' :: a0), p''), c))
       | No ->
         rbind (cwwc o g' x xs') (fun pat ->
           let (xs1x, xs2) = pat in
           let (xs1, x') = xs1x in
           rbind (cwwc o g' p xs1) (fun pat0 ->
             let (xs1p, xs2') = pat0 in
             let (xs1', p') = xs1p in Yes ((xs1', p'), (app xs2' (x' :: xs2)))))
       | Unsup -> Unsup))
    g

(** val merge_xs_y :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 -> (('a1, 'a2)
    rp2 * ('a1, 'a2) rp2 list) res **)

let rec merge_xs_y o xs y =
  match xs with
  | [] -> Yes (y, [])
  | x :: xs' ->
    rbind (o.o_merge x y) (fun pat ->
      let (y1, x') = pat in
      rbind (merge_xs_y o xs' y1) (fun pat0 ->
        let (y2, xs'') = pat0 in Yes (y2, (x' :: xs''))))

(** val merge_fl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> (('a1,
    'a2) rp2 list * ('a1, 'a2) rp2 list) res **)

let rec merge_fl o xs = function
| [] -> Yes ([], xs)
| y :: ys' ->
  rbind (merge_xs_y o xs y) (fun pat ->
    let (y', xs1) = pat in
    rbind (merge_fl o xs1 ys') (fun pat0 ->
      let (ys'', xs2) = pat0 in Yes ((y' :: ys''), xs2)))

(** val pull_common :
    ('a1, 'a2) ops -> int -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list ->
    ((('a1, 'a2) rp2 list * ('a1, 'a2) rp2 list) * ('a1, 'a2) rp2 list) res **)

let rec pull_common o g xs ys =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match xs with
    | [] -> Yes (([], []), ys)
    | x :: xs' ->
      (match ys with
       | [] -> Yes (([], xs), [])
       | _ :: _ ->
         (match remove_fl o x ys with
          | Yes ys' ->
            rbind (pull_common o g' xs' ys') (fun pat ->
              let (cx, ys'') = pat in
              let (c, xs'') = cx in Yes (((x :: c), xs''), ys''))
          | No ->
            rbind (cwwc o (Stdlib.Int.succ (length xs)) x xs') (fun pat ->
              let (xs1x, xs2) = pat in
              let (xs1, x') = xs1x in
              rbind (pull_common o g' xs1 ys) (fun pat0 ->
                let (cx, ys') = pat0 in
                let (c, xs1') = cx in Yes ((c, (app xs1' (x' :: xs2))), ys')))
          | Unsup -> Unsup)))
    g

(** val un_non : ('a1, 'a2) non -> ('a1, 'a2) rp2 list **)

let un_non = function
| Non (c, x) -> app c ((Normal x) :: [])

(** val no_effect :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) rp2 list -> bool **)

let no_effect eqL eqN lO ps =
  match join_inverses eqL eqN lO (effects2 ps) with
  | [] -> true
  | _ :: _ -> false

(** val mcn_go :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    list -> ('a1, 'a2) rp2 list list -> ('a1, 'a2) rp2 list res **)

let rec mcn_go eqL eqN lO o cur = function
| [] -> if no_effect eqL eqN lO cur then Yes cur else No
| z :: zs' ->
  rbind (pull_common o (Stdlib.Int.succ (add (length cur) (length z))) cur z)
    (fun pat ->
    let (cps, qs) = pat in
    let (c, ps) = cps in
    rbind (merge_fl o ps qs) (fun pat0 ->
      let (qs', _) = pat0 in mcn_go eqL eqN lO o (app c (app ps qs')) zs'))

(** val merge_conflicting_nons :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
    list -> ('a1, 'a2) rp2 list res **)

let merge_conflicting_nons eqL eqN lO o ns =
  match map un_non ns with
  | [] -> Yes []
  | p :: zs -> mcn_go eqL eqN lO o p zs

(** val gcw :
    ('a1, 'a2) ops -> int -> (('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2)
    rp2 * ('a1, 'a2) rp2) res) -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 ->
    ((('a1, 'a2) rp2 list * ('a1, 'a2) rp2) * ('a1, 'a2) rp2 list) res **)

let rec gcw o g com rxs p =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match rxs with
    | [] -> Yes (([], p), [])
    | x :: rxs' ->
      (match com x p with
       | Yes a ->
         let (p', x') = a in
         rbind (gcw o g' com rxs' p') (fun pat ->
           let (xs1p, xs2) = pat in
           let (xs1, p'') = xs1p in Yes ((xs1, p''), (app xs2 (x' :: []))))
       | No ->
         rbind (gcw o g' o.o_cm rxs' x) (fun pat ->
           let (xs1x, xs2) = pat in
           let (xs1, x') = xs1x in
           rbind (gcw o g' com (rev xs2) p) (fun pat0 ->
             let (xs1p, xs2') = pat0 in
             let (xs1', p') = xs1p in
             Yes (((app xs1 (app (x' :: []) xs1')), p'), xs2')))
       | Unsup -> Unsup))
    g

(** val all_normal : ('a1, 'a2) rp2 list -> ('a1, 'a2) prim list option **)

let rec all_normal = function
| [] -> Some []
| r :: ps' ->
  (match r with
   | Normal p ->
     (match all_normal ps' with
      | Some qs -> Some (p :: qs)
      | None -> None)
   | _ -> None)

(** val mac :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1,
    'a2) rp2 list -> ('a1, 'a2) prim list -> ('a1, 'a2) rp2 list -> (('a1,
    'a2) rp2 list * ('a1, 'a2) rp2 list) res **)

let rec mac eqL eqN lO o g rps xs goneby =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match rps with
    | [] ->
      if no_effect eqL eqN lO goneby
      then Yes ([], (map (fun x -> Normal x) xs))
      else No
    | p :: rps' ->
      let via_gcw =
        rbind (gcw o (Stdlib.Int.succ (length rps)) o.o_cnc rps' p)
          (fun pat ->
          let (ap, b) = pat in
          let (a, p') = ap in
          rbind (mac eqL eqN lO o g' (rev b) xs goneby) (fun pat0 ->
            let (b', xs') = pat0 in
            if no_effect eqL eqN lO (app a (p' :: []))
            then Yes ((app (app a (p' :: [])) b'), xs')
            else No))
      in
      (match cfl o p (map (fun x -> Normal x) xs) with
       | Yes a ->
         let (l, p'') = a in
         (match all_normal l with
          | Some xs'' -> mac eqL eqN lO o g' rps' xs'' (p'' :: goneby)
          | None -> via_gcw)
       | No ->
         (match via_gcw with
          | No ->
            (match goneby with
             | [] ->
               if no_effect eqL eqN lO (rev rps)
               then Yes ((rev rps), (map (fun x -> Normal x) xs))
               else No
             | _ :: _ -> No)
          | _ -> via_gcw)
       | Unsup -> Unsup))
    g

(** val merge_after_conflicting :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    list -> ('a1, 'a2) prim list -> (('a1, 'a2) rp2 list * ('a1, 'a2) rp2
    list) res **)

let merge_after_conflicting eqL eqN lO o xxx yyy =
  mac eqL eqN lO o (Stdlib.Int.succ (length xxx)) (rev xxx) yyy []

(** val to_nons_go :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1,
    'a2) non list res **)

let rec to_nons_go o rprefix = function
| [] -> Yes []
| x :: rest' ->
  rbind (gcw o (Stdlib.Int.succ (length rprefix)) o.o_cm rprefix x)
    (fun pat ->
    let (dp, _) = pat in
    let (deps, p) = dp in
    rbind (non_of o p) (fun np ->
      rbind
        (let Non (c, pp) = np in
         (match c with
          | [] -> Yes (Non (deps, pp))
          | _ :: _ -> Unsup)) (fun n ->
        rbind (to_nons_go o (x :: rprefix) rest') (fun ns -> Yes (n :: ns)))))

(** val to_nons :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) non list res **)

let to_nons o xs =
  to_nons_go o [] xs

(** val unsup_no : 'a1 res -> 'a1 res **)

let unsup_no m = match m with
| No -> Unsup
| _ -> m

(** val geteff :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
    list -> ('a1, 'a2) prim list -> (('a1, 'a2) non list * ('a1, 'a2) rp2
    list) res **)

let rec geteff eqL eqN lO o ix xx = match xx with
| [] -> Yes ([], [])
| x :: xs ->
  (match mapr (cor o (Normal x)) ix with
   | Yes ix' ->
     rbind (geteff eqL eqN lO o ix' xs) (fun pat ->
       let (ns, xs') = pat in
       rbind (mapr (coa o (Normal x)) ns) (fun ns' -> Yes (((Non ([],
         x)) :: ns'), ((Normal x) :: xs'))))
   | No ->
     rbind (unsup_no (merge_conflicting_nons eqL eqN lO o ix)) (fun rix ->
       rbind (unsup_no (merge_after_conflicting eqL eqN lO o rix xx))
         (fun pat ->
         let (a, x') = pat in
         rbind (to_nons o x') (fun ns ->
           rbind (mapr (coa_rl o a) ns) (fun ns' -> Yes (ns', (app a x'))))))
   | Unsup -> Unsup)

(** val xx2nons :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
    list -> ('a1, 'a2) prim list -> ('a1, 'a2) non list res **)

let xx2nons eqL eqN lO o ix xx =
  rbind (geteff eqL eqN lO o ix xx) (fun pat -> let (ns, _) = pat in Yes ns)

(** val xx2patches :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
    list -> ('a1, 'a2) prim list -> ('a1, 'a2) rp2 list res **)

let xx2patches eqL eqN lO o ix xx =
  rbind (geteff eqL eqN lO o ix xx) (fun pat -> let (_, ps) = pat in Yes ps)

(** val rem_helper :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1,
    'a2) non list -> ('a1, 'a2) rp2 list -> (('a1, 'a2) prim list * ('a1,
    'a2) rp2 list) res **)

let rec rem_helper eqL eqN lO o g ns cs =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match ns with
    | [] -> Yes ([], cs)
    | _ :: _ ->
      (match cs with
       | [] -> Yes ([], [])
       | c :: cs' ->
         rbind (non_of o c) (fun nc ->
           rbind (elem eqL eqN o nc ns) (fun isin ->
             if isin
             then rbind (delete eqL eqN o nc ns) (fun ns1 ->
                    rbind (mapr (coa o (invert2 c)) ns1) (fun ns2 ->
                      rbind (rem_helper eqL eqN lO o g' ns2 cs') (fun pat ->
                        let (a, z) = pat in
                        Yes ((join_inverses eqL eqN lO (app (effect2 c) a)),
                        z))))
             else rbind (cwwc o (Stdlib.Int.succ (length cs)) c cs')
                    (fun pat ->
                    let (bc, d) = pat in
                    let (b, c') = bc in
                    rbind (rem_helper eqL eqN lO o g' ns b) (fun pat0 ->
                      let (a, b') = pat0 in Yes (a, (app b' (c' :: d)))))))))
    g

(** val rem_nons :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) non
    list -> ('a1, 'a2) non -> ('a1, 'a2) non res **)

let rem_nons eqL eqN lO o ns n = match n with
| Non (c, x) ->
  rbind (rem_helper eqL eqN lO o (Stdlib.Int.succ (length c)) ns c)
    (fun pat ->
    let (a, c') = pat in
    (match a with
     | [] -> Yes (Non (c', x))
     | _ :: _ -> Yes n))

(** val filter_conflicts :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> int -> ('a1, 'a2) non ->
    ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) res **)

let rec filter_conflicts eqN lO o g n ps =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Unsup)
    (fun g' ->
    match ps with
    | [] -> Yes ([], [])
    | p :: ps' ->
      (match cor o (Normal p) n with
       | Yes n' ->
         rbind (filter_conflicts eqN lO o g' n' ps') (fun pat ->
           let (p1, p2) = pat in Yes ((p :: p1), p2))
       | No ->
         (match p_cwwc eqN lO (Stdlib.Int.succ (length ps)) p ps' with
          | Some p0 ->
            let (p3, p2) = p0 in
            let (p1, p') = p3 in
            rbind (filter_conflicts eqN lO o g' n p1) (fun pat ->
              let (p1a, p1b) = pat in Yes (p1a, (app p1b (p' :: p2))))
          | None -> Unsup)
       | Unsup -> Unsup))
    g

(** val eq_body :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> bool res **)

let eq_body eqL eqN lO o a b =
  match a with
  | Normal x ->
    (match b with
     | Normal y -> Yes (prim_eqb eqL eqN x y)
     | _ -> Yes false)
  | Dup x -> (match b with
              | Dup y -> eq_non eqL eqN o x y
              | _ -> Yes false)
  | Etac x -> (match b with
               | Etac y -> eq_non eqL eqN o x y
               | _ -> Yes false)
  | Conf (cx, xx, x) ->
    (match b with
     | Conf (cy, yy, y) ->
       rbind (mapr (cpoa o (invert_seq xx)) cx) (fun mx ->
         rbind (mapr (cpoa o (invert_seq yy)) cy) (fun my ->
           rbind (eq_set eqL eqN o mx my) (fun e1 ->
             if negb e1
             then Yes false
             else rbind (cpoa o (invert_seq xx) x) (fun nx ->
                    rbind (cpoa o (invert_seq yy) y) (fun ny ->
                      rbind (eq_non eqL eqN o nx ny) (fun e2 ->
                        if negb e2
                        then Yes false
                        else Yes (p_eq_rl eqL eqN lO xx yy)))))))
     | _ -> Yes false)
  | InvConf (cx, xx, x) ->
    (match b with
     | InvConf (cy, yy, y) ->
       rbind (eq_set eqL eqN o cx cy) (fun e1 ->
         if negb e1
         then Yes false
         else rbind (eq_non eqL eqN o x y) (fun e2 ->
                if negb e2 then Yes false else Yes (p_eq_fl eqL eqN lO xx yy)))
     | _ -> Yes false)

(** val invert_commuter :
    (('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2)
    res) -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2)
    rp2) res **)

let invert_commuter f p q =
  rbind (f (invert2 q) (invert2 p)) (fun pat ->
    let (iq', ip') = pat in Yes ((invert2 ip'), (invert2 iq')))

(** val no_conflicts_any :
    ('a1, 'a2) ops -> ('a1, 'a2) non -> ('a1, 'a2) non list -> bool res **)

let no_conflicts_any o y xs =
  rbind (anyr (conflicts_with o y) xs) (fun b -> Yes (negb b))

(** val cnc_core :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let cnc_core eqL eqN lO o p q =
  match p with
  | Normal x ->
    (match q with
     | Normal y ->
       rbind (of_opt (commute eqN lO x y)) (fun pat ->
         let (y', x') = pat in Yes ((Normal y'), (Normal x')))
     | Dup d ->
       rbind (non_of o p) (fun nx ->
         rbind (coa o (invert2 p) nx) (fun cx ->
           rbind (eq_non eqL eqN o d cx) (fun same ->
             if same
             then Yes (p, q)
             else rbind (cor o (invert2 p) d) (fun d' -> Yes ((Dup d'), p)))))
     | Conf (iy, yy, y) ->
       rbind (of_opt (commute_past eqN lO x (invert_seq yy))) (fun pat ->
         let (iyy', x') = pat in
         rbind (mapr (star_l o (Normal x')) (y :: iy)) (fun ys' ->
           match ys' with
           | [] -> Unsup
           | y' :: iy' ->
             Yes ((Conf (iy', (invert_seq iyy'), y')), (Normal x'))))
     | _ -> No)
  | Dup d ->
    (match q with
     | Dup _ -> Yes (q, p)
     | Etac _ -> Yes (q, p)
     | _ -> rbind (coa o (invert2 q) d) (fun d' -> Yes (q, (Dup d'))))
  | Etac _ ->
    (match q with
     | Dup _ -> Yes (q, p)
     | Etac _ -> Yes (q, p)
     | _ -> No)
  | Conf (iy', yy', y') ->
    (match q with
     | Normal x ->
       rbind (mapr (fun n -> star_r o n (Normal x)) (y' :: iy')) (fun ys' ->
         rbind (of_opt (p_crl eqN lO (invert_seq yy') x)) (fun pat ->
           let (x', iyy') = pat in
           (match ys' with
            | [] -> Unsup
            | y'0 :: iy'0 ->
              Yes ((Normal x'), (Conf (iy'0, (invert_seq iyy'), y'0))))))
     | Dup d ->
       rbind (non_of o p) (fun nx ->
         rbind (coa o (invert2 p) nx) (fun cx ->
           rbind (eq_non eqL eqN o d cx) (fun same ->
             if same
             then Yes (p, q)
             else rbind (cor o (invert2 p) d) (fun d' -> Yes ((Dup d'), p)))))
     | Etac _ -> No
     | Conf (iy, yy, y) ->
       rbind (of_opt (commute_seq eqN lO yy yy')) (fun pat ->
         let (xx', yy'0) = pat in
         rbind (mapr (star_ll o yy) (y' :: iy')) (fun xs' ->
           rbind (mapr (fun n -> star_rr o n xx') (y :: iy)) (fun ys' ->
             match xs' with
             | [] -> Unsup
             | x' :: ix' ->
               (match ys' with
                | [] -> Unsup
                | y'0 :: iy'0 ->
                  rbind (no_conflicts_any o y (x' :: ix')) (fun ok1 ->
                    rbind (no_conflicts_any o x' iy) (fun ok2 ->
                      if (&&) ok1 ok2
                      then Yes ((Conf (iy'0, yy'0, y'0)), (Conf (ix', xx',
                             x')))
                      else No))))))
     | InvConf (ix', xx', x') ->
       rbind (of_opt (commute_seq eqN lO (invert_seq yy') xx')) (fun pat ->
         let (xx, iyy) = pat in
         rbind (mapr (fun n -> star_rr o n xx') (y' :: iy')) (fun ys ->
           rbind (mapr (fun n -> star_rr o n yy') (x' :: ix')) (fun xs ->
             match xs with
             | [] -> Unsup
             | x :: ix ->
               (match ys with
                | [] -> Unsup
                | y :: iy ->
                  rbind (no_conflicts_any o y' (x' :: ix')) (fun ok1 ->
                    rbind (no_conflicts_any o x' iy') (fun ok2 ->
                      if (&&) ok1 ok2
                      then Yes ((InvConf (ix, xx, x)), (Conf (iy,
                             (invert_seq iyy), y)))
                      else No)))))))
  | InvConf (ix, xx, x) ->
    (match q with
     | Dup d ->
       rbind (non_of o p) (fun nx ->
         rbind (coa o (invert2 p) nx) (fun cx ->
           rbind (eq_non eqL eqN o d cx) (fun same ->
             if same
             then Yes (p, q)
             else rbind (cor o (invert2 p) d) (fun d' -> Yes ((Dup d'), p)))))
     | Conf (iy, yy, y) ->
       rbind (of_opt (commute_seq eqN lO xx (invert_seq yy))) (fun pat ->
         let (iyy', xx') = pat in
         rbind (mapr (star_ll o xx') (y :: iy)) (fun ys' ->
           rbind (mapr (star_ll o (invert_seq iyy')) (x :: ix)) (fun xs' ->
             match xs' with
             | [] -> Unsup
             | x' :: ix' ->
               (match ys' with
                | [] -> Unsup
                | y' :: iy' ->
                  rbind (no_conflicts_any o y' (x' :: ix')) (fun ok1 ->
                    rbind (no_conflicts_any o x' iy') (fun ok2 ->
                      if (&&) ok1 ok2
                      then Yes ((Conf (iy', (invert_seq iyy'), y')), (InvConf
                             (ix', xx', x')))
                      else No))))))
     | _ -> No)

(** val cnc :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let cnc eqL eqN lO o p q =
  match p with
  | Normal _ ->
    (match q with
     | Etac _ -> invert_commuter (cnc_core eqL eqN lO o) p q
     | InvConf (_, _, _) -> invert_commuter (cnc_core eqL eqN lO o) p q
     | _ -> cnc_core eqL eqN lO o p q)
  | Dup _ -> cnc_core eqL eqN lO o p q
  | Etac _ ->
    (match q with
     | Dup _ -> cnc_core eqL eqN lO o p q
     | Etac _ -> cnc_core eqL eqN lO o p q
     | _ -> invert_commuter (cnc_core eqL eqN lO o) p q)
  | Conf (_, _, _) ->
    (match q with
     | Etac _ -> invert_commuter (cnc_core eqL eqN lO o) p q
     | _ -> cnc_core eqL eqN lO o p q)
  | InvConf (_, _, _) ->
    (match q with
     | Dup _ -> cnc_core eqL eqN lO o p q
     | Conf (_, _, _) -> cnc_core eqL eqN lO o p q
     | _ -> invert_commuter (cnc_core eqL eqN lO o) p q)

(** val ccf_core :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let ccf_core eqL eqN lO o p q =
  match p with
  | Normal x ->
    (match q with
     | Conf (a1'nop2, n1'x, p1') ->
       (match p_remove_rl eqL eqN lO x n1'x with
        | Some rn1' ->
          rbind (xx2nons eqL eqN lO o a1'nop2 (app rn1' (x :: [])))
            (fun nons ->
            match rev nons with
            | [] -> Unsup
            | p2 :: n1nons ->
              let a2 = p1' :: (app a1'nop2 n1nons) in
              let general = Yes ((Conf (a1'nop2, rn1', p1')), (Conf (a2, [],
                p2)))
              in
              (match a1'nop2 with
               | [] ->
                 (match rn1' with
                  | [] ->
                    let Non (c, y) = p1' in
                    (match join_inverses eqL eqN lO (effects2 c) with
                     | [] -> Yes ((Normal y), (Conf (a1'nop2, (y :: []), p2)))
                     | _ :: _ -> general)
                  | _ :: _ -> general)
               | _ :: _ -> general))
        | None -> No)
     | _ -> No)
  | Conf (a1, n1, p1) ->
    (match q with
     | Conf (a2, n2, p2) ->
       rbind (xx2patches eqL eqN lO o a2 n2) (fun rpn2 ->
         rbind (coa_rl o rpn2 p1) (fun p1' ->
           match remove1 eqL eqN o p1' a2 with
           | Yes a2_minus_p1 ->
             rbind (depends_upon o p2 p1') (fun dep ->
               if dep
               then No
               else rbind (xx2nons eqL eqN lO o a1 n1) (fun n1nons0 ->
                      rbind (mapr (cpoa o n2) n1nons0) (fun n1nons ->
                        rbind (xx2nons eqL eqN lO o a2 n2) (fun n2nons ->
                          rbind
                            (unsup_no (minus eqL eqN o a2_minus_p1 n1nons))
                            (fun a2_minus_p1n1 ->
                            rbind (mapr (cpoa o n2) a1) (fun a1' ->
                              rbind (rem_nons eqL eqN lO o a1' p2)
                                (fun p2ooo ->
                                rbind
                                  (filter_conflicts eqN lO o (Stdlib.Int.succ
                                    (length (app n2 n1))) p2ooo (app n2 n1))
                                  (fun pat ->
                                  let (n1', n2') = pat in
                                  rbind
                                    (xx2nons eqL eqN lO o a2_minus_p1n1
                                      (app n1' n2')) (fun n1'n2'nons ->
                                    let n1'nons =
                                      firstn (length n1') n1'n2'nons
                                    in
                                    let n2'nons =
                                      skipn (length n1') n1'n2'nons
                                    in
                                    rbind
                                      (unsup_no
                                        (minus eqL eqN o (app a2 n2nons)
                                          (p1' :: n1'nons))) (fun a1'nop2 ->
                                      rbind
                                        (all_conflicts_with o
                                          (Stdlib.Int.succ
                                          (length (app a2_minus_p1 n2nons)))
                                          p2 (app a2_minus_p1 n2nons))
                                        (fun acw ->
                                        rbind
                                          (unsup_no
                                            (minus eqL eqN o (fst acw)
                                              n2'nons)) (fun a2'o ->
                                          rbind
                                            (xx2patches eqL eqN lO o a1'nop2
                                              n1') (fun xp ->
                                            rbind
                                              (unsup_no
                                                (mapr (cor_fl o xp) a2'o))
                                              (fun a2' ->
                                              rbind
                                                (unsup_no (cor_fl o xp p2))
                                                (fun p2' ->
                                                match a2' with
                                                | [] ->
                                                  (match n2' with
                                                   | [] ->
                                                     let Non (c, x) = p2' in
                                                     (match join_inverses eqL
                                                              eqN lO
                                                              (effects2 c) with
                                                      | [] ->
                                                        Yes ((Normal x),
                                                          (Conf (a1'nop2,
                                                          (app n1' (x :: [])),
                                                          p1')))
                                                      | _ :: _ -> Unsup)
                                                   | _ :: _ ->
                                                     Yes ((Conf (a2', n2',
                                                       p2')), (Conf
                                                       ((p2 :: a1'nop2), n1',
                                                       p1'))))
                                                | _ :: _ ->
                                                  Yes ((Conf (a2', n2',
                                                    p2')), (Conf
                                                    ((p2 :: a1'nop2), n1',
                                                    p1'))))))))))))))))))
           | No -> No
           | Unsup -> Unsup))
     | _ -> No)
  | _ -> No

(** val ccf :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let ccf eqL eqN lO o p q =
  match p with
  | InvConf (_, _, _) ->
    (match q with
     | Normal _ -> invert_commuter (ccf_core eqL eqN lO o) p q
     | InvConf (_, _, _) -> invert_commuter (ccf_core eqL eqN lO o) p q
     | _ -> ccf_core eqL eqN lO o p q)
  | _ -> ccf_core eqL eqN lO o p q

(** val commute_body :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let commute_body eqL eqN lO o p q =
  match cnc eqL eqN lO o p q with
  | No -> ccf eqL eqN lO o p q
  | x -> x

(** val union_nons :
    'a1 eqDec -> 'a2 eqDec -> ('a1, 'a2) ops -> ('a1, 'a2) non list -> ('a1,
    'a2) non list -> ('a1, 'a2) non list res **)

let rec union_nons eqL eqN o xs ys =
  match xs with
  | [] -> Yes ys
  | x :: xs' ->
    (match ys with
     | [] -> Yes xs
     | _ :: _ ->
       (match remove1 eqL eqN o x ys with
        | Yes ys' ->
          rbind (union_nons eqL eqN o xs' ys') (fun r -> Yes (x :: r))
        | No -> rbind (union_nons eqL eqN o xs' ys) (fun r -> Yes (x :: r))
        | Unsup -> Unsup))

(** val merge_core :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let merge_core eqL eqN lO o p q =
  match p with
  | Normal x ->
    (match q with
     | Normal y ->
       Yes ((Conf ([], (x :: []), (Non ([], y)))), (Conf ([], (y :: []), (Non
         ([], x)))))
     | Conf (iy, yy, y) ->
       let yyx = app yy (x :: []) in
       rbind (xx2nons eqL eqN lO o iy yyx) (fun nons ->
         match rev nons with
         | [] -> Unsup
         | x' :: nyy ->
           Yes ((Conf (iy, yyx, y)), (Conf ((y :: (app iy nyy)), [], x'))))
     | _ -> Unsup)
  | Conf (ix, xx, x) ->
    (match q with
     | Conf (iy, yy, y) ->
       (match p_pull_common_rl eqL eqN lO (Stdlib.Int.succ
                (add (length xx) (length yy))) (rev xx) (rev yy) with
        | Some p0 ->
          let (p1, c) = p0 in
          let (rxx1, ryy1) = p1 in
          (match commute_seq eqN lO ryy1 (invert_seq rxx1) with
           | Some p2 ->
             let (ixx', ryy') = p2 in
             let xx' = invert_seq ixx' in
             rbind (mapr (cpoa o xx') (y :: iy)) (fun ys' ->
               rbind (mapr (cpoa o ryy') (x :: ix)) (fun xs' ->
                 match ys' with
                 | [] -> Unsup
                 | y' :: iy' ->
                   (match xs' with
                    | [] -> Unsup
                    | x' :: ix' ->
                      rbind (xx2nons eqL eqN lO o iy' ryy') (fun nyy' ->
                        rbind (xx2nons eqL eqN lO o ix' xx') (fun nxx' ->
                          rbind (xx2nons eqL eqN lO o ix (app rxx1 c))
                            (fun icx0 ->
                            let icx = skipn (length rxx1) icx0 in
                            rbind (mapr (cpoa o ryy') icx) (fun ic' ->
                              rbind (union_nons eqL eqN o iy' ix') (fun u ->
                                let ixy' = app ic' u in
                                Yes ((Conf ((x' :: (app ixy' nxx')), ryy',
                                y')), (Conf ((y' :: (app ixy' nyy')), xx',
                                x')))))))))))
           | None -> Unsup)
        | None -> Unsup)
     | _ -> Unsup)
  | _ -> Unsup

(** val merge_body :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) ops -> ('a1, 'a2) rp2
    -> ('a1, 'a2) rp2 -> (('a1, 'a2) rp2 * ('a1, 'a2) rp2) res **)

let merge_body eqL eqN lO o p q =
  match p with
  | Normal _ ->
    (match q with
     | Normal _ ->
       (match cnc eqL eqN lO o (invert2 p) q with
        | Yes a -> let (q', ip') = a in Yes (q', (invert2 ip'))
        | No ->
          rbind (eq_body eqL eqN lO o p q) (fun same ->
            if same
            then rbind (non_of o p) (fun np ->
                   rbind (coa o (invert2 p) np) (fun n -> Yes ((Dup n), (Dup
                     n))))
            else (match p with
                  | Conf (_, _, _) ->
                    (match q with
                     | Normal _ ->
                       rbind (merge_core eqL eqN lO o q p) (fun pat ->
                         let (a, b) = pat in Yes (b, a))
                     | _ -> merge_core eqL eqN lO o p q)
                  | _ -> merge_core eqL eqN lO o p q))
        | Unsup -> Unsup)
     | Dup b -> rbind (coa o (invert2 p) b) (fun b' -> Yes ((Dup b'), p))
     | Conf (_, _, _) ->
       (match cnc eqL eqN lO o (invert2 p) q with
        | Yes a -> let (q', ip') = a in Yes (q', (invert2 ip'))
        | No ->
          rbind (eq_body eqL eqN lO o p q) (fun same ->
            if same
            then rbind (non_of o p) (fun np ->
                   rbind (coa o (invert2 p) np) (fun n -> Yes ((Dup n), (Dup
                     n))))
            else (match p with
                  | Conf (_, _, _) ->
                    (match q with
                     | Normal _ ->
                       rbind (merge_core eqL eqN lO o q p) (fun pat ->
                         let (a, b) = pat in Yes (b, a))
                     | _ -> merge_core eqL eqN lO o p q)
                  | _ -> merge_core eqL eqN lO o p q))
        | Unsup -> Unsup)
     | _ -> Unsup)
  | Dup a ->
    (match q with
     | Normal _ -> rbind (coa o (invert2 q) a) (fun a' -> Yes (q, (Dup a')))
     | Dup b -> Yes ((Dup b), (Dup a))
     | Conf (_, _, _) ->
       rbind (coa o (invert2 q) a) (fun a' -> Yes (q, (Dup a')))
     | _ -> Unsup)
  | Conf (_, _, _) ->
    (match q with
     | Normal _ ->
       (match cnc eqL eqN lO o (invert2 p) q with
        | Yes a -> let (q', ip') = a in Yes (q', (invert2 ip'))
        | No ->
          rbind (eq_body eqL eqN lO o p q) (fun same ->
            if same
            then rbind (non_of o p) (fun np ->
                   rbind (coa o (invert2 p) np) (fun n -> Yes ((Dup n), (Dup
                     n))))
            else (match p with
                  | Conf (_, _, _) ->
                    (match q with
                     | Normal _ ->
                       rbind (merge_core eqL eqN lO o q p) (fun pat ->
                         let (a, b) = pat in Yes (b, a))
                     | _ -> merge_core eqL eqN lO o p q)
                  | _ -> merge_core eqL eqN lO o p q))
        | Unsup -> Unsup)
     | Dup b -> rbind (coa o (invert2 p) b) (fun b' -> Yes ((Dup b'), p))
     | Conf (_, _, _) ->
       (match cnc eqL eqN lO o (invert2 p) q with
        | Yes a -> let (q', ip') = a in Yes (q', (invert2 ip'))
        | No ->
          rbind (eq_body eqL eqN lO o p q) (fun same ->
            if same
            then rbind (non_of o p) (fun np ->
                   rbind (coa o (invert2 p) np) (fun n -> Yes ((Dup n), (Dup
                     n))))
            else (match p with
                  | Conf (_, _, _) ->
                    (match q with
                     | Normal _ ->
                       rbind (merge_core eqL eqN lO o q p) (fun pat ->
                         let (a, b) = pat in Yes (b, a))
                     | _ -> merge_core eqL eqN lO o p q)
                  | _ -> merge_core eqL eqN lO o p q))
        | Unsup -> Unsup)
     | _ -> Unsup)
  | _ -> Unsup

(** val level :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) ops **)

let rec level eqL eqN lO g =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> { o_cm = (fun _ _ -> Unsup); o_eq = (fun _ _ -> Unsup);
    o_merge = (fun _ _ -> Unsup); o_cnc = (fun _ _ -> Unsup) })
    (fun g' ->
    let o = level eqL eqN lO g' in
    { o_cm = (commute_body eqL eqN lO o); o_eq = (eq_body eqL eqN lO o);
    o_merge = (merge_body eqL eqN lO o); o_cnc = (cnc eqL eqN lO o) })
    g

(** val depth : int **)

let depth =
  Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    0)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))

(** val commute2 :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 -> (('a1, 'a2)
    rp2 * ('a1, 'a2) rp2) res **)

let commute2 o p q =
  o.o_cm p q

(** val commute2_past :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 -> ('a1, 'a2) rp2 list -> (('a1, 'a2)
    rp2 list * ('a1, 'a2) rp2) res **)

let commute2_past o =
  past_res (commute2 o)

(** val commute2_rl :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> ('a1,
    'a2) rp2 list -> (('a1, 'a2) rp2 list * ('a1, 'a2) rp2 list) res **)

let rec commute2_rl o rxs ys acc =
  match rxs with
  | [] -> Yes (ys, acc)
  | x :: rxs' ->
    rbind (commute2_past o x ys) (fun pat ->
      let (ys', x') = pat in commute2_rl o rxs' ys' (x' :: acc))

(** val commute2_seq :
    ('a1, 'a2) ops -> ('a1, 'a2) rp2 list -> ('a1, 'a2) rp2 list -> (('a1,
    'a2) rp2 list * ('a1, 'a2) rp2 list) res **)

let commute2_seq o xs ys =
  commute2_rl o (rev xs) ys []

type ('l, 'n) named2 = ('l, 'n) rp2 list * int list

(** val commute_inamed2 :
    ('a1, 'a2) ops -> (int * ('a1, 'a2) named2) -> (int * ('a1, 'a2) named2)
    -> ((int * ('a1, 'a2) named2) * (int * ('a1, 'a2) named2)) res **)

let commute_inamed2 o p q =
  let (i, n) = p in
  let (pe, pd) = n in
  let (j, n0) = q in
  let (qe, qd) = n0 in
  if (||) (existsb ((=) i) qd) (existsb ((=) j) pd)
  then No
  else rbind (commute2_seq o pe qe) (fun pat ->
         let (qe', pe') = pat in Yes ((j, (qe', qd)), (i, (pe', pd))))

(** val commute2_fl :
    ('a1, 'a2) ops -> (int * ('a1, 'a2) named2) -> (int * ('a1, 'a2) named2)
    list -> ((int * ('a1, 'a2) named2) list * (int * ('a1, 'a2) named2)) res **)

let commute2_fl o =
  past_res (commute_inamed2 o)

(** val dependencies2 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named2 list -> int
    list list res **)

let dependencies2 eqL eqN lO ps =
  let o = level eqL eqN lO depth in walk_dependencies (commute2_fl o) ps

(** val max_len : int **)

let max_len =
  Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ (Stdlib.Int.succ
    0)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))

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

(** val url_byte_eqb : char -> char -> bool **)

let url_byte_eqb a b =
  if (=) a b then true else false

(** val url_bytes_eqb : char list -> char list -> bool **)

let rec url_bytes_eqb a b =
  match a with
  | [] -> (match b with
           | [] -> true
           | _ :: _ -> false)
  | x :: a' ->
    (match b with
     | [] -> false
     | y :: b' -> (&&) (url_byte_eqb x y) (url_bytes_eqb a' b'))

(** val darcs_dir : char list **)

let darcs_dir =
  '_' :: ('d' :: ('a' :: ('r' :: ('c' :: ('s' :: [])))))

(** val split_slash : char list -> char list list **)

let rec split_slash = function
| [] -> [] :: []
| b :: s' ->
  let rest = split_slash s' in
  if url_byte_eqb b '/'
  then [] :: rest
  else (match rest with
        | [] -> (b :: []) :: []
        | c :: cs -> (b :: c) :: cs)

(** val component_refusal : char list -> refusal option **)

let component_refusal c =
  if url_bytes_eqb c []
  then Some EmptyComponent
  else if (||) (url_bytes_eqb c ('.' :: []))
            (url_bytes_eqb c ('.' :: ('.' :: [])))
       then Some DotComponent
       else if url_bytes_eqb c darcs_dir
            then Some DarcsComponent
            else if existsb (url_byte_eqb '\x00') c
                 then Some NulByte
                 else None

(** val first_refusal : char list list -> refusal option **)

let rec first_refusal = function
| [] -> None
| c :: cs' ->
  (match component_refusal c with
   | Some r -> Some r
   | None -> first_refusal cs')

(** val validate : char list -> verdict **)

let validate s =
  if (<) max_len (length s)
  then Refuse TooLong
  else (match s with
        | [] -> Accept []
        | b :: _ ->
          if url_byte_eqb b '/'
          then Refuse Absolute
          else let cs = split_slash s in
               (match first_refusal cs with
                | Some r -> Refuse r
                | None -> Accept cs))

(** val touched_prim : ('a1, 'a2) prim -> 'a2 path list **)

let touched_prim = function
| Hunk (f, _, _, _) -> f :: []
| AddFile f -> f :: []
| RmFile f -> f :: []
| AddDir d -> d :: []
| RmDir d -> d :: []
| Move (f, t) -> f :: (t :: [])
| Replace (f, _, _, _) -> f :: []
| Binary (f, _, _) -> f :: []
| ChangePref (_, _, _) -> []

(** val touched : ('a1, 'a2) prim list -> 'a2 path list **)

let touched ps =
  flat_map touched_prim ps

(** val touched_named : ('a1, 'a2) named -> 'a2 path list **)

let touched_named p =
  touched (fst p)

(** val covered : 'a1 eqDec -> 'a1 path list -> 'a1 path -> bool **)

let covered eqN ps x =
  existsb (fun p -> is_prefix eqN p x) ps

(** val related_b : 'a1 eqDec -> 'a1 path -> 'a1 path -> bool **)

let rec related_b eqN a b =
  match a with
  | [] -> true
  | x :: a' ->
    (match b with
     | [] -> true
     | y :: b' -> if eq_dec eqN x y then related_b eqN a' b' else false)

(** val meets : 'a1 eqDec -> 'a1 path list -> 'a1 path list -> bool **)

let meets eqN xs ys =
  existsb (fun x -> existsb (related_b eqN x) ys) xs

(** val path_lex :
    'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path -> 'a1 path -> bool **)

let rec path_lex eqN nleb a b =
  match a with
  | [] -> true
  | x :: a' ->
    (match b with
     | [] -> false
     | y :: b' -> if eq_dec eqN x y then path_lex eqN nleb a' b' else nleb x y)

(** val keep_tops :
    'a1 eqDec -> 'a1 path -> 'a1 path list -> 'a1 path list **)

let rec keep_tops eqN last = function
| [] -> []
| x :: xs' ->
  if is_prefix eqN last x
  then keep_tops eqN last xs'
  else x :: (keep_tops eqN x xs')

(** val tops : 'a1 eqDec -> 'a1 path list -> 'a1 path list **)

let tops eqN = function
| [] -> []
| x :: xs' -> x :: (keep_tops eqN x xs')

(** val summarize_paths :
    'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path list -> 'a1 path list **)

let summarize_paths eqN nleb xs =
  tops eqN (sort (path_lex eqN nleb) xs)

(** val summarize :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named -> 'a2 path list **)

let summarize eqN nleb p =
  summarize_paths eqN nleb (touched_named p)

(** val is_move : ('a1, 'a2) prim -> bool **)

let is_move = function
| Move (_, _) -> true
| _ -> false

(** val has_move : ('a1, 'a2) prim list -> bool **)

let has_move ps =
  existsb is_move ps

(** val ihas_move : ('a1, 'a2) inamed -> bool **)

let ihas_move x =
  has_move (fst (snd x))

type 'a presult =
| PDone of 'a
| PNeed of int

(** val add_paths :
    'a1 eqDec -> 'a1 path list -> 'a1 path list -> 'a1 path list **)

let add_paths eqN xs ps =
  fold_left (fun acc x -> if covered eqN acc x then acc else x :: acc) xs ps

(** val commute_seq_lin :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim list -> ('a1, 'a2) prim list
    -> (('a1, 'a2) prim list * ('a1, 'a2) prim list) option **)

let commute_seq_lin eqN lO xs ys =
  commute_rl eqN lO (rev_append xs []) ys []

(** val commute_inamed_lin :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> ('a1, 'a2) inamed ->
    (('a1, 'a2) inamed * ('a1, 'a2) inamed) option **)

let commute_inamed_lin eqN lO p q =
  let (i, n) = p in
  let (pe, pd) = n in
  let (j, n0) = q in
  let (qe, qd) = n0 in
  if (||) (existsb ((=) i) qd) (existsb ((=) j) pd)
  then None
  else (match commute_seq_lin eqN lO pe qe with
        | Some p0 ->
          let (qe', pe') = p0 in Some ((j, (qe', qd)), (i, (pe', pd)))
        | None -> None)

(** val passes :
    'a2 eqDec -> ('a1, 'a2) inamed -> 'a2 path list -> ('a1, 'a2) inamed ->
    'a2 path list -> bool **)

let passes eqN x sx y sy =
  (&&)
    ((&&) (negb (meets eqN sx sy))
      (negb (existsb ((=) (fst x)) (snd (snd y)))))
    (negb (existsb ((=) (fst y)) (snd (snd x))))

(** val commute_fl_pr :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) inamed -> 'a2 path list -> ('a1,
    'a2) inamed list -> 'a2 path list list -> (((('a1, 'a2) inamed list * 'a2
    path list list) * ('a1, 'a2) inamed) * 'a2 path list) option **)

let rec commute_fl_pr eqN lO x sx ys ss =
  match ys with
  | [] -> Some ((([], []), x), sx)
  | y :: ys' ->
    let sy = match ss with
             | [] -> [] :: []
             | s :: _ -> s in
    let ss' = match ss with
              | [] -> []
              | _ :: r -> r in
    if passes eqN x sx y sy
    then (match commute_fl_pr eqN lO x sx ys' ss' with
          | Some p ->
            let (p0, sx'') = p in
            let (p1, x'') = p0 in
            let (ys'', ss'') = p1 in
            Some ((((y :: ys''), (sy :: ss'')), x''), sx'')
          | None -> None)
    else (match commute_inamed_lin eqN lO x y with
          | Some p ->
            let (y', x') = p in
            let sy' = if ihas_move x then app sy sx else sy in
            let sx' = if ihas_move y then app sx sy else sx in
            (match commute_fl_pr eqN lO x' sx' ys' ss' with
             | Some p0 ->
               let (p1, sx'') = p0 in
               let (p2, x'') = p1 in
               let (ys'', ss'') = p2 in
               Some ((((y' :: ys''), (sy' :: ss'')), x''), sx'')
             | None -> None)
          | None -> None)

type ('l, 'n) hentry =
| HFull of ('l, 'n) named * int list
| HSkip

type ('l, 'n) hitem = (int * 'n path list) * ('l, 'n) hentry

type ('l, 'n) pstate = { p_st : ('l, 'n) dstate; p_paths : 'n path list;
                         p_xdeps : int list; p_sums : 'n path list list }

(** val known_at : int -> int list -> bool **)

let known_at j = function
| [] -> false
| k :: _ -> (=) k j

(** val forward : int -> ('a1, 'a2) hentry -> bool **)

let forward j = function
| HFull (q, _) -> existsb (fun d -> (<=) j d) (snd q)
| HSkip -> false

(** val must_visit :
    'a2 eqDec -> int -> 'a2 path list -> ('a1, 'a2) hentry -> ('a1, 'a2)
    pstate -> bool **)

let must_visit eqN j sum e st =
  (||)
    ((||)
      ((||) (known_at j (drop_above j st.p_st.d_cursor))
        (existsb ((=) j) st.p_xdeps)) (meets eqN sum st.p_paths))
    (forward j e)

(** val full_step :
    'a2 eqDec -> 'a1 lineOps -> int -> 'a2 path list -> ('a1, 'a2) named ->
    int list -> ('a1, 'a2) pstate -> ('a1, 'a2) pstate **)

let full_step eqN lO j sum q allj st =
  let ds = st.p_st in
  let cur = drop_above j ds.d_cursor in
  let ps' = add_paths eqN sum st.p_paths in
  if known_at j cur
  then { p_st = { d_pd = ((j, q) :: ds.d_pd); d_nd = ds.d_nd; d_direct =
         ds.d_direct; d_all = ds.d_all; d_cursor = cur }; p_paths = ps';
         p_xdeps = (app (snd q) st.p_xdeps); p_sums = (sum :: st.p_sums) }
  else (match commute_fl_pr eqN lO (j, q) sum ds.d_pd st.p_sums with
        | Some p ->
          let (p0, _) = p in
          let (p1, q') = p0 in
          let (pd', ss') = p1 in
          let ps'' =
            if has_move (fst q)
            then add_paths eqN (concat ss') st.p_paths
            else st.p_paths
          in
          { p_st = { d_pd = pd'; d_nd = (q' :: ds.d_nd); d_direct =
          ds.d_direct; d_all = ds.d_all; d_cursor = cur }; p_paths = ps'';
          p_xdeps = st.p_xdeps; p_sums = ss' }
        | None ->
          let all' = merge_desc ds.d_all (j :: allj) in
          { p_st = { d_pd = ((j, q) :: ds.d_pd); d_nd = ds.d_nd; d_direct =
          (j :: ds.d_direct); d_all = all'; d_cursor = (drop_above j all') };
          p_paths = ps'; p_xdeps = (app (snd q) st.p_xdeps); p_sums =
          (sum :: st.p_sums) })

(** val skip_step : int -> ('a1, 'a2) pstate -> ('a1, 'a2) pstate **)

let skip_step j st =
  let ds = st.p_st in
  { p_st = { d_pd = ds.d_pd; d_nd = ds.d_nd; d_direct = ds.d_direct; d_all =
  ds.d_all; d_cursor = (drop_above j ds.d_cursor) }; p_paths = st.p_paths;
  p_xdeps = st.p_xdeps; p_sums = st.p_sums }

(** val prune_walk :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) hitem list -> ('a1, 'a2) pstate ->
    ('a1, 'a2) pstate presult **)

let rec prune_walk eqN lO hist st =
  match hist with
  | [] -> PDone st
  | h :: hist' ->
    let (p, e) = h in
    let (j, sum) = p in
    if must_visit eqN j sum e st
    then (match e with
          | HFull (q, allj) ->
            prune_walk eqN lO hist' (full_step eqN lO j sum q allj st)
          | HSkip -> PNeed j)
    else prune_walk eqN lO hist' (skip_step j st)

(** val prune_init :
    int -> ('a1, 'a2) named -> 'a2 path list -> ('a1, 'a2) pstate **)

let prune_init i p sum =
  { p_st = { d_pd = ((i, p) :: []); d_nd = []; d_direct = []; d_all = [];
    d_cursor = [] }; p_paths = sum; p_xdeps = (snd p); p_sums = (sum :: []) }

type ('l, 'n) wentry =
| WFull of ('l, 'n) named * int list
| WSkip of 'n path list

(** val hist_of :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2) wentry list ->
    ('a1, 'a2) hitem list -> ('a1, 'a2) hitem list **)

let rec hist_of eqN nleb i es acc =
  match es with
  | [] -> acc
  | w :: es' ->
    (match w with
     | WFull (q, allj) ->
       hist_of eqN nleb (Stdlib.Int.succ i) es' (((i,
         (summarize eqN nleb q)), (HFull (q, allj))) :: acc)
     | WSkip sum ->
       hist_of eqN nleb (Stdlib.Int.succ i) es' (((i, sum), HSkip) :: acc))

(** val deps_prune :
    'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named ->
    ('a1, 'a2) wentry list -> (int list * int list) presult **)

let deps_prune eqN lO nleb p es =
  match prune_walk eqN lO (hist_of eqN nleb 0 es [])
          (prune_init (length es) p (summarize eqN nleb p)) with
  | PDone st -> PDone (st.p_st.d_direct, st.p_st.d_all)
  | PNeed j -> PNeed j

(** val pdeps_from :
    'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2)
    named list -> ('a1, 'a2) hitem list -> int list list -> int list list **)

let rec pdeps_from eqN lO nleb i ps hist acc =
  match ps with
  | [] -> rev acc
  | p :: ps' ->
    let sum = summarize eqN nleb p in
    (match prune_walk eqN lO hist (prune_init i p sum) with
     | PDone st ->
       pdeps_from eqN lO nleb (Stdlib.Int.succ i) ps' (((i, sum), (HFull (p,
         st.p_st.d_all))) :: hist) (st.p_st.d_direct :: acc)
     | PNeed _ -> [])

(** val pstates_from :
    'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> int -> ('a1, 'a2)
    named list -> ('a1, 'a2) hitem list -> (int list * int list) list **)

let rec pstates_from eqN lO nleb i ps hist =
  match ps with
  | [] -> []
  | p :: ps' ->
    let sum = summarize eqN nleb p in
    (match prune_walk eqN lO hist (prune_init i p sum) with
     | PDone st ->
       (st.p_st.d_direct,
         st.p_st.d_all) :: (pstates_from eqN lO nleb (Stdlib.Int.succ i) ps'
                             (((i, sum), (HFull (p, st.p_st.d_all))) :: hist))
     | PNeed _ -> [])

(** val deps_range :
    'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> (('a1, 'a2)
    named * int list) list -> ('a1, 'a2) named list -> (int list * int list)
    list **)

let deps_range eqN lO nleb pre ps =
  pstates_from eqN lO nleb (length pre) ps
    (hist_of eqN nleb 0 (map (fun qa -> WFull ((fst qa), (snd qa))) pre) [])

(** val dependencies_pruned :
    'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) named list
    -> int list list **)

let dependencies_pruned eqN lO nleb ps =
  pdeps_from eqN lO nleb 0 ps [] []

type ('l, 'n) fseg =
| FPrim of ('l, 'n) prim
| FRun of int * 'n path list

type ('l, 'n) fentry =
| FFull of ('l, 'n) named
| FSkip of 'n path list
| FPart of ('l, 'n) fseg list

type ('l, 'n) tprim = (int * int) * ('l, 'n) prim

(** val tag : int -> int -> ('a1, 'a2) prim list -> ('a1, 'a2) tprim list **)

let rec tag i j = function
| [] -> []
| r :: rs' -> ((i, j), r) :: (tag i (Stdlib.Int.succ j) rs')

(** val lin_step :
    'a2 eqDec -> ('a1, 'a2) tprim -> ('a2 path list * ('a1, 'a2) tprim list)
    -> 'a2 path list * ('a1, 'a2) tprim list **)

let lin_step eqN x acc =
  let (_, r) = x in
  let (ls, ks) = acc in
  if meets eqN (touched_prim r) ls
  then ((add_paths eqN (touched_prim r) ls), (x :: ks))
  else (ls, ks)

(** val lin :
    'a2 eqDec -> ('a1, 'a2) tprim list -> ('a2 path list * ('a1, 'a2) tprim
    list) -> 'a2 path list * ('a1, 'a2) tprim list **)

let lin eqN xs acc =
  fold_right (lin_step eqN) acc xs

(** val lin_segs :
    'a2 eqDec -> int -> int -> ('a1, 'a2) fseg list -> ('a2 path list * ('a1,
    'a2) tprim list) -> ('a2 path list * ('a1, 'a2) tprim list) presult **)

let rec lin_segs eqN i j segs acc =
  match segs with
  | [] -> PDone acc
  | f :: segs' ->
    (match f with
     | FPrim r ->
       (match lin_segs eqN i (Stdlib.Int.succ j) segs' acc with
        | PDone acc' -> PDone (lin_step eqN ((i, j), r) acc')
        | PNeed k -> PNeed k)
     | FRun (n, sum) ->
       (match lin_segs eqN i (add j n) segs' acc with
        | PDone acc' ->
          if meets eqN sum (fst acc') then PNeed i else PDone acc'
        | PNeed k -> PNeed k))

(** val lin_es :
    'a2 eqDec -> int -> ('a1, 'a2) fentry list -> ('a2 path list * ('a1, 'a2)
    tprim list) -> ('a2 path list * ('a1, 'a2) tprim list) presult **)

let rec lin_es eqN i es acc =
  match es with
  | [] -> PDone acc
  | e :: es' ->
    (match lin_es eqN (Stdlib.Int.succ i) es' acc with
     | PDone acc' ->
       (match e with
        | FFull q -> PDone (lin eqN (tag i 0 (fst q)) acc')
        | FSkip sum ->
          if meets eqN sum (fst acc') then PNeed i else PDone acc'
        | FPart segs -> lin_segs eqN i 0 segs acc')
     | PNeed j -> PNeed j)

(** val kept_for :
    'a2 eqDec -> ('a1, 'a2) fentry list -> 'a2 path -> ('a1, 'a2) tprim list
    presult **)

let kept_for eqN es p =
  match lin_es eqN 0 es ((p :: []), []) with
  | PDone a -> let (_, ks) = a in PDone ks
  | PNeed j -> PNeed j

(** val apply_tprims :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) tprim list -> ('a1,
    'a2) state -> ('a1, 'a2) state nresult **)

let rec apply_tprims eqL eqN lO ks s =
  match ks with
  | [] -> NOk s
  | t :: ks' ->
    let (p, r) = t in
    let (i, j) = p in
    (match apply eqL eqN lO r s with
     | Some s' -> apply_tprims eqL eqN lO ks' s'
     | None -> NFail (i, j))

(** val file_at_pruned :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) fentry list -> 'a2
    path -> ('a1, 'a2) found nresult presult **)

let file_at_pruned eqL eqN lO es p =
  match kept_for eqN es p with
  | PDone ks ->
    PDone
      (match apply_tprims eqL eqN lO ks [] with
       | NOk s -> NOk (found_at eqN s p)
       | NFail (i, j) -> NFail (i, j))
  | PNeed j -> PNeed j

(** val ann_tprims :
    'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) tprim list -> ('a1, 'a2) astate ->
    ('a1, 'a2) astate **)

let ann_tprims eqN lO ks st =
  fold_right (fun x st0 ->
    let (y, r) = x in let (i, _) = y in ann_prim eqN lO i (invert r) st0) st
    ks

(** val annotate_pruned :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) fentry list -> 'a2
    path -> (int option list * 'a1 list) option nresult presult **)

let annotate_pruned eqL eqN lO es p =
  match kept_for eqN es p with
  | PDone ks ->
    PDone
      (match apply_tprims eqL eqN lO ks [] with
       | NOk s ->
         NOk
           (match lookup eqN s p with
            | Some e ->
              (match e with
               | EDir -> None
               | EFile c ->
                 let st =
                   ann_tprims eqN lO ks { a_path = (Some p); a_cur =
                     (tag_from 0 c); a_recs = [] }
                 in
                 let ls = break_lines_fast eqL lO c in
                 Some ((fill 0 ls (sort rec_leb st.a_recs)), ls))
            | None -> None)
       | NFail (i, j) -> NFail (i, j))
  | PNeed j -> PNeed j

(** val effects3 : ('a1, 'a2) rp3 list -> ('a1, 'a2) prim list **)

let effects3 ps =
  concat (map rp3_effect ps)

type ('l, 'n) rp1 =
| Prim1 of ('l, 'n) prim
| Merger1 of ('l, 'n) prim * ('l, 'n) prim
| Regrem1 of ('l, 'n) prim * ('l, 'n) prim

(** val effect1 : ('a1, 'a2) rp1 -> ('a1, 'a2) prim list **)

let effect1 = function
| Prim1 p -> p :: []
| Merger1 (p1, _) -> (invert p1) :: []
| Regrem1 (p1, _) -> p1 :: []

(** val effects1 : ('a1, 'a2) rp1 list -> ('a1, 'a2) prim list **)

let effects1 ps =
  concat (map effect1 ps)

(** val empty_hunk : ('a1, 'a2) prim -> bool **)

let empty_hunk = function
| Hunk (_, _, old, new0) ->
  (match old with
   | [] -> (match new0 with
            | [] -> true
            | _ :: _ -> false)
   | _ :: _ -> false)
| _ -> false

(** val sapply_seq_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
    ('a1, 'a2) state -> ('a1, 'a2) state result **)

let rec sapply_seq_from eqL eqN lO i ps s =
  match ps with
  | [] -> Ok s
  | p :: ps' ->
    (match sapply eqL eqN lO p s with
     | Some s' -> sapply_seq_from eqL eqN lO (Stdlib.Int.succ i) ps' s'
     | None -> Fail i)

type cover_class = int option * bool

(** val cover_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list ->
    ('a1, 'a2) state -> cover_class list -> (cover_class list * ('a1, 'a2)
    state) nresult **)

let rec cover_from eqL eqN lO i ps s acc =
  match ps with
  | [] -> NOk ((rev acc), s)
  | p :: ps' ->
    let e = existsb empty_hunk (fst p) in
    (match sapply_seq_from eqL eqN lO 0 (fst p) s with
     | Ok s' ->
       cover_from eqL eqN lO (Stdlib.Int.succ i) ps' s' ((None, e) :: acc)
     | Fail j ->
       (match apply_seq eqL eqN lO (fst p) s with
        | Ok s' ->
          cover_from eqL eqN lO (Stdlib.Int.succ i) ps' s' (((Some j),
            e) :: acc)
        | Fail k -> NFail (i, k)))

(** val coverage :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> ('a1,
    'a2) state -> (cover_class list * ('a1, 'a2) state) nresult **)

let coverage eqL eqN lO ps s =
  cover_from eqL eqN lO 0 ps s []

type ('l, 'n) trie =
| TNode of 'l entry option * ('n * ('l, 'n) trie) list

(** val tnil : ('a1, 'a2) trie **)

let tnil =
  TNode (None, [])

(** val here : ('a1, 'a2) trie -> 'a1 entry option **)

let here = function
| TNode (h, _) -> h

(** val kids : ('a1, 'a2) trie -> ('a2 * ('a1, 'a2) trie) list **)

let kids = function
| TNode (_, ks) -> ks

(** val is_tnil : ('a1, 'a2) trie -> bool **)

let is_tnil = function
| TNode (here0, kids0) ->
  (match here0 with
   | Some _ -> false
   | None -> (match kids0 with
              | [] -> true
              | _ :: _ -> false))

(** val kid_find :
    'a2 eqDec -> 'a2 -> ('a2 * ('a1, 'a2) trie) list -> ('a1, 'a2) trie option **)

let rec kid_find eqN x = function
| [] -> None
| p :: ks' ->
  let (y, u) = p in if eq_dec eqN x y then Some u else kid_find eqN x ks'

(** val kid :
    'a2 eqDec -> 'a2 -> ('a2 * ('a1, 'a2) trie) list -> ('a1, 'a2) trie **)

let kid eqN x ks =
  match kid_find eqN x ks with
  | Some u -> u
  | None -> tnil

(** val tsub : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) trie **)

let rec tsub eqN t = function
| [] -> t
| x :: p' -> tsub eqN (kid eqN x (kids t)) p'

(** val tlookup :
    'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a1 entry option **)

let tlookup eqN t p =
  here (tsub eqN t p)

(** val kid_replace :
    'a2 eqDec -> 'a2 -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a2 * ('a1,
    'a2) trie) list -> ('a2 * ('a1, 'a2) trie) list **)

let rec kid_replace eqN x g = function
| [] -> []
| p :: ks' ->
  let (y, u) = p in
  if eq_dec eqN x y
  then let v = g u in if is_tnil v then ks' else (y, v) :: ks'
  else (y, u) :: (kid_replace eqN x g ks')

(** val kid_update :
    'a2 eqDec -> 'a2 -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a2 * ('a1,
    'a2) trie) list -> ('a2 * ('a1, 'a2) trie) list **)

let kid_update eqN x g ks =
  match kid_find eqN x ks with
  | Some _ -> kid_replace eqN x g ks
  | None -> let v = g tnil in if is_tnil v then ks else (x, v) :: ks

(** val tmodify :
    'a2 eqDec -> 'a2 path -> (('a1, 'a2) trie -> ('a1, 'a2) trie) -> ('a1,
    'a2) trie -> ('a1, 'a2) trie **)

let rec tmodify eqN p g t =
  match p with
  | [] -> g t
  | x :: p' ->
    TNode ((here t), (kid_update eqN x (tmodify eqN p' g) (kids t)))

(** val tset :
    'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a1 entry -> ('a1, 'a2) trie **)

let tset eqN t p e =
  tmodify eqN p (fun u -> TNode ((Some e), (kids u))) t

(** val tdel : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) trie **)

let tdel eqN t p =
  tmodify eqN p (fun u -> TNode (None, (kids u))) t

(** val tmove :
    'a2 eqDec -> 'a2 path -> 'a2 path -> ('a1, 'a2) trie -> ('a1, 'a2) trie **)

let tmove eqN f d t =
  let sub0 = tsub eqN t f in
  tmodify eqN d (fun _ -> sub0) (tmodify eqN f (fun _ -> tnil) t)

(** val tempty : ('a1, 'a2) trie -> bool **)

let rec tempty = function
| TNode (here0, ks) ->
  (match here0 with
   | Some _ -> false
   | None ->
     let rec go = function
     | [] -> true
     | p :: ks' -> let (_, u) = p in (&&) (tempty u) (go ks')
     in go ks)

(** val kids_empty : ('a2 * ('a1, 'a2) trie) list -> bool **)

let rec kids_empty = function
| [] -> true
| p :: ks' -> let (_, u) = p in (&&) (tempty u) (kids_empty ks')

(** val tparent :
    'a2 eqDec -> ('a1, 'a2) trie -> 'a2 -> 'a2 path -> ('a1, 'a2) trie * 'a2 **)

let rec tparent eqN t x = function
| [] -> (t, x)
| y :: p' -> tparent eqN (kid eqN x (kids t)) y p'

(** val tview :
    'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> bool * ('a1, 'a2) trie **)

let tview eqN t = function
| [] -> (false, t)
| x :: p ->
  let (p0, y) = tparent eqN t x p in
  ((match p with
    | [] -> true
    | _ :: _ ->
      (match here p0 with
       | Some e -> (match e with
                    | EDir -> true
                    | EFile _ -> false)
       | None -> false)), (kid eqN y (kids p0)))

(** val kid_names : ('a2 * ('a1, 'a2) trie) list -> 'a2 list **)

let rec kid_names = function
| [] -> []
| p :: ks' ->
  let (x, u) = p in
  (match here u with
   | Some _ -> x :: (kid_names ks')
   | None -> kid_names ks')

(** val tchildren : 'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> 'a2 list **)

let tchildren eqN t p =
  kid_names (kids (tsub eqN t p))

(** val flat :
    'a2 list -> ('a1, 'a2) trie -> ('a1, 'a2) state -> ('a1, 'a2) state **)

let rec flat rp t acc =
  let TNode (h, ks) = t in
  let rest =
    let rec go acc0 = function
    | [] -> acc0
    | p :: ks' -> let (x, u) = p in go (flat (x :: rp) u acc0) ks'
    in go acc ks
  in
  (match h with
   | Some e -> ((rev_append rp []), e) :: rest
   | None -> rest)

(** val flatten0 : ('a1, 'a2) trie -> ('a1, 'a2) state **)

let flatten0 t =
  flat [] t []

(** val of_state : 'a2 eqDec -> ('a1, 'a2) state -> ('a1, 'a2) trie **)

let of_state eqN s =
  fold_right (fun pe t -> tset eqN t (fst pe) (snd pe)) tnil s

(** val tins :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> 'a2 path -> 'a1 entry -> ('a1, 'a2)
    trie -> ('a1, 'a2) trie option **)

let rec tins eqN nleb p e t =
  match p with
  | [] ->
    (match here t with
     | Some _ -> None
     | None -> Some (TNode ((Some e), (kids t))))
  | x :: p' ->
    (match kids t with
     | [] ->
       (match tins eqN nleb p' e tnil with
        | Some v -> Some (TNode ((here t), ((x, v) :: [])))
        | None -> None)
     | p0 :: ks' ->
       let (y, u) = p0 in
       if eq_dec eqN x y
       then (match tins eqN nleb p' e u with
             | Some v -> Some (TNode ((here t), ((y, v) :: ks')))
             | None -> None)
       else if nleb y x
            then (match tins eqN nleb p' e tnil with
                  | Some v ->
                    Some (TNode ((here t), ((x, v) :: ((y, u) :: ks'))))
                  | None -> None)
            else None)

(** val tins_all :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) trie
    -> ('a1, 'a2) trie option **)

let rec tins_all eqN nleb s t =
  match s with
  | [] -> Some t
  | p0 :: s' ->
    let (p, e) = p0 in
    (match tins eqN nleb p e t with
     | Some t' -> tins_all eqN nleb s' t'
     | None -> None)

(** val of_state_sorted :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) trie **)

let of_state_sorted eqN nleb s =
  match tins_all eqN nleb s tnil with
  | Some t -> t
  | None -> of_state eqN s

(** val fwd : int -> 'a1 list -> 'a1 list -> ('a1 list * 'a1 list) option **)

let rec fwd k pre suf =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> Some (pre, suf))
    (fun k' ->
    match suf with
    | [] -> None
    | x :: suf' -> fwd k' (x :: pre) suf')
    k

(** val fwd_trunc :
    int -> 'a1 list -> 'a1 list -> int -> ('a1 list * int) * 'a1 list **)

let rec fwd_trunc k pre suf pos =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> ((pre, pos), suf))
    (fun k' ->
    match suf with
    | [] -> ((pre, pos), suf)
    | x :: suf' -> fwd_trunc k' (x :: pre) suf' (Stdlib.Int.succ pos))
    k

(** val bwd : int -> 'a1 list -> 'a1 list -> 'a1 list * 'a1 list **)

let rec bwd k pre suf =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> (pre, suf))
    (fun k' ->
    match pre with
    | [] -> (pre, suf)
    | x :: pre' -> bwd k' pre' (x :: suf))
    k

type 'l zip = { z_pre : 'l list; z_pos : int; z_suf : 'l list }

(** val z_content : 'a1 zip -> 'a1 list **)

let z_content z =
  rev_append z.z_pre z.z_suf

(** val z_of : 'a1 list -> 'a1 zip **)

let z_of c =
  { z_pre = []; z_pos = 0; z_suf = c }

(** val z_seek : int -> 'a1 zip -> 'a1 zip option **)

let z_seek n z =
  let { z_pre = pre; z_pos = pos; z_suf = suf } = z in
  if (<=) n pos
  then let (pre', suf') = bwd (sub pos n) pre suf in
       Some { z_pre = pre'; z_pos = n; z_suf = suf' }
  else (match fwd (sub n pos) pre suf with
        | Some p ->
          let (pre', suf') = p in
          Some { z_pre = pre'; z_pos = n; z_suf = suf' }
        | None -> None)

(** val z_hunk :
    'a1 eqDec -> 'a1 lineOps -> int -> 'a1 list -> 'a1 list -> 'a1 zip -> 'a1
    zip option **)

let z_hunk eqL lO line old new0 z =
  (fun fO fS n -> if n=0 then fO () else fS (n-1))
    (fun _ -> None)
    (fun pos ->
    match z_seek pos z with
    | Some z0 ->
      let { z_pre = pre; z_pos = _; z_suf = suf } = z0 in
      (match drop_prefix eqL old suf with
       | Some rest ->
         (match pre with
          | [] ->
            (match new0 with
             | [] ->
               (match rest with
                | [] ->
                  Some { z_pre = []; z_pos = 0; z_suf =
                    (lO.empty_line :: []) }
                | _ :: _ ->
                  Some { z_pre = (rev_append new0 pre); z_pos =
                    (add pos (length new0)); z_suf = rest })
             | _ :: _ ->
               Some { z_pre = (rev_append new0 pre); z_pos =
                 (add pos (length new0)); z_suf = rest })
          | _ :: _ ->
            Some { z_pre = (rev_append new0 pre); z_pos =
              (add pos (length new0)); z_suf = rest })
       | None -> None)
    | None -> None)
    line

(** val topen :
    'a2 eqDec -> 'a1 lineOps -> 'a2 path -> ('a1, 'a2) trie -> 'a1 list option **)

let topen eqN lO f t =
  let (pd, u) = tview eqN t f in
  (match here u with
   | Some e -> (match e with
                | EDir -> None
                | EFile c -> Some c)
   | None -> if (&&) (nonroot f) pd then Some (lO.empty_line :: []) else None)

(** val tapply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) prim -> ('a1, 'a2)
    trie -> ('a1, 'a2) trie option **)

let tapply eqL eqN lO p t =
  match p with
  | Hunk (f, _, _, _) ->
    (match topen eqN lO f t with
     | Some c ->
       (match apply_fp eqL lO p c with
        | Some c' -> Some (tset eqN t f (EFile (norm lO c')))
        | None -> None)
     | None -> None)
  | AddFile f ->
    let (pd, u) = tview eqN t f in
    if (&&) ((&&) (nonroot f) (tempty u)) pd
    then Some (tset eqN t f (EFile (lO.empty_line :: [])))
    else None
  | RmFile f ->
    let (pd, u) = tview eqN t f in
    if (&&)
         ((&&) ((&&) (nonroot f) (is_file_empty eqL lO (here u)))
           (kids_empty (kids u))) pd
    then Some (tdel eqN t f)
    else None
  | AddDir d ->
    let (pd, u) = tview eqN t d in
    if (&&) ((&&) (nonroot d) (tempty u)) pd
    then Some (tset eqN t d EDir)
    else None
  | RmDir d ->
    let (pd, u) = tview eqN t d in
    if (&&)
         ((&&)
           ((&&) (nonroot d)
             (match here u with
              | Some e -> (match e with
                           | EDir -> true
                           | EFile _ -> false)
              | None -> false)) (kids_empty (kids u))) pd
    then Some (tdel eqN t d)
    else None
  | Move (f, d) ->
    let (pf, uf) = tview eqN t f in
    let (pd, ud) = tview eqN t d in
    if (&&)
         ((&&)
           ((&&)
             ((&&) ((&&) ((&&) (nonroot f) (nonroot d)) (is_some (here uf)))
               (tempty ud)) pf) pd) (negb (is_prefix eqN f d))
    then Some (tmove eqN f d t)
    else None
  | Replace (f, _, _, _) ->
    (match topen eqN lO f t with
     | Some c ->
       (match apply_fp eqL lO p c with
        | Some c' -> Some (tset eqN t f (EFile (norm lO c')))
        | None -> None)
     | None -> None)
  | Binary (f, _, _) ->
    (match topen eqN lO f t with
     | Some c ->
       (match apply_fp eqL lO p c with
        | Some c' -> Some (tset eqN t f (EFile (norm lO c')))
        | None -> None)
     | None -> None)
  | ChangePref (_, _, _) -> Some t

type ('l, 'n) cursor =
| Closed
| Open of 'n path * 'l zip

(** val flush :
    'a2 eqDec -> ('a1, 'a2) trie -> ('a1, 'a2) cursor -> ('a1, 'a2) trie **)

let flush eqN t = function
| Closed -> t
| Open (f, z) -> tset eqN t f (EFile (z_content z))

(** val cursor_for :
    'a2 eqDec -> 'a1 lineOps -> 'a2 path -> ('a1, 'a2) trie -> ('a1, 'a2)
    cursor -> ('a1, 'a2) trie * 'a1 zip option **)

let cursor_for eqN lO f t o = match o with
| Closed -> (t, (option_map z_of (topen eqN lO f t)))
| Open (g, z) ->
  if path_eqb eqN g f
  then (t, (Some z))
  else let t1 = flush eqN t o in (t1, (option_map z_of (topen eqN lO f t1)))

(** val fseq_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
    ('a1, 'a2) trie -> ('a1, 'a2) cursor -> (('a1, 'a2) trie * ('a1, 'a2)
    cursor) result **)

let rec fseq_from eqL eqN lO i ps t o =
  match ps with
  | [] -> Ok (t, o)
  | p :: ps' ->
    (match p with
     | Hunk (f, line, old, new0) ->
       let (t1, zo) = cursor_for eqN lO f t o in
       (match zo with
        | Some z ->
          (match z_hunk eqL lO line old new0 z with
           | Some z' ->
             fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t1 (Open (f, z'))
           | None -> Fail i)
        | None -> Fail i)
     | AddFile _ ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | RmFile _ ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | AddDir _ ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | RmDir _ ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | Move (_, _) ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | Replace (_, _, _, _) ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | Binary (_, _, _) ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i)
     | ChangePref (_, _, _) ->
       (match tapply eqL eqN lO p (flush eqN t o) with
        | Some t' -> fseq_from eqL eqN lO (Stdlib.Int.succ i) ps' t' Closed
        | None -> Fail i))

(** val fapply_seq_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim list ->
    ('a1, 'a2) trie -> ('a1, 'a2) trie result **)

let fapply_seq_from eqL eqN lO i ps t =
  match fseq_from eqL eqN lO i ps t Closed with
  | Ok a -> let (t', o) = a in Ok (flush eqN t' o)
  | Fail k -> Fail k

(** val fnamed_from :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list ->
    ('a1, 'a2) trie -> ('a1, 'a2) cursor -> (('a1, 'a2) trie * ('a1, 'a2)
    cursor) nresult **)

let rec fnamed_from eqL eqN lO i ps t o =
  match ps with
  | [] -> NOk (t, o)
  | p :: ps' ->
    (match fseq_from eqL eqN lO 0 (fst p) t o with
     | Ok a ->
       let (t', o') = a in
       fnamed_from eqL eqN lO (Stdlib.Int.succ i) ps' t' o'
     | Fail j -> NFail (i, j))

(** val ftree_at :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> ('a1,
    'a2) trie nresult **)

let ftree_at eqL eqN lO ps =
  match fnamed_from eqL eqN lO 0 ps tnil Closed with
  | NOk a -> let (t, o) = a in NOk (flush eqN t o)
  | NFail (i, j) -> NFail (i, j)

(** val tfound_at :
    'a2 eqDec -> ('a1, 'a2) trie -> 'a2 path -> ('a1, 'a2) found **)

let tfound_at eqN t p = match p with
| [] -> FoundDir (tchildren eqN t [])
| _ :: _ ->
  (match tlookup eqN t p with
   | Some e ->
     (match e with
      | EDir -> FoundDir (tchildren eqN t p)
      | EFile c -> FoundFile c)
   | None -> Absent)

(** val ffile_at :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> 'a2
    path -> ('a1, 'a2) found nresult **)

let ffile_at eqL eqN lO ps p =
  match ftree_at eqL eqN lO ps with
  | NOk t -> NOk (tfound_at eqN t p)
  | NFail (i, j) -> NFail (i, j)

type ('l, 'n) zastate = { za_path : 'n path option;
                          za_pre : (int option * 'l) list; za_pos : int;
                          za_suf : (int option * 'l) list;
                          za_recs : (int * int) list }

(** val za_abs : ('a1, 'a2) zastate -> ('a1, 'a2) astate **)

let za_abs z =
  { a_path = z.za_path; a_cur = (rev_append z.za_pre z.za_suf); a_recs =
    z.za_recs }

(** val za_seek :
    int -> (int option * 'a1) list -> int -> (int option * 'a1) list -> ((int
    option * 'a1) list * int) * (int option * 'a1) list **)

let za_seek n pre pos suf =
  if (<=) n pos
  then let (pre', suf') = bwd (sub pos n) pre suf in ((pre', n), suf')
  else fwd_trunc (sub n pos) pre suf pos

(** val ann_path :
    'a2 eqDec -> ('a1, 'a2) prim -> 'a2 path -> 'a2 path option **)

let ann_path eqN p fp =
  match p with
  | RmFile f -> if path_eqb eqN f fp then None else Some fp
  | Move (f, t) -> Some (move_path eqN f t fp)
  | _ -> Some fp

(** val zann_prim :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) prim -> ('a1, 'a2) zastate
    -> ('a1, 'a2) zastate **)

let zann_prim eqN lO i p z =
  match z.za_path with
  | Some fp ->
    (match p with
     | Hunk (f, off, o, n) ->
       if path_eqb eqN f fp
       then let (p0, from) =
              za_seek (sub off (Stdlib.Int.succ 0)) z.za_pre z.za_pos z.za_suf
            in
            let (pre, pos) = p0 in
            let (recs, rest) = take_recs i (length o) from z.za_recs in
            { za_path = (Some fp); za_pre = pre; za_pos = pos; za_suf =
            (push_untagged lO (length n) rest); za_recs = recs }
       else z
     | Replace (f, _, _, _) ->
       if path_eqb eqN f fp
       then let st = ann_prim eqN lO i p (za_abs z) in
            { za_path = st.a_path; za_pre = []; za_pos = 0; za_suf =
            st.a_cur; za_recs = st.a_recs }
       else z
     | Binary (f, _, _) ->
       if path_eqb eqN f fp
       then let st = ann_prim eqN lO i p (za_abs z) in
            { za_path = st.a_path; za_pre = []; za_pos = 0; za_suf =
            st.a_cur; za_recs = st.a_recs }
       else z
     | _ ->
       { za_path = (ann_path eqN p fp); za_pre = z.za_pre; za_pos = z.za_pos;
         za_suf = z.za_suf; za_recs = z.za_recs })
  | None -> z

(** val zann_named :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named -> ('a1, 'a2) zastate
    -> ('a1, 'a2) zastate **)

let zann_named eqN lO i p z =
  fold_left (fun z0 q -> zann_prim eqN lO i q z0) (invert_seq (fst p)) z

(** val zann_all :
    'a2 eqDec -> 'a1 lineOps -> int -> ('a1, 'a2) named list -> ('a1, 'a2)
    zastate -> ('a1, 'a2) zastate **)

let rec zann_all eqN lO i ps z =
  match ps with
  | [] -> z
  | p :: ps' ->
    zann_named eqN lO i p (zann_all eqN lO (Stdlib.Int.succ i) ps' z)

(** val fannotate :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a1, 'a2) named list -> 'a2
    path -> (int option list * 'a1 list) option nresult **)

let fannotate eqL eqN lO ps p =
  match ftree_at eqL eqN lO ps with
  | NOk t ->
    NOk
      (match tlookup eqN t p with
       | Some e ->
         (match e with
          | EDir -> None
          | EFile c ->
            let z =
              zann_all eqN lO 0 ps { za_path = (Some p); za_pre = [];
                za_pos = 0; za_suf = (tag_from 0 c); za_recs = [] }
            in
            let ls = break_lines_fast eqL lO c in
            Some ((fill 0 ls (sort rec_leb z.za_recs)), ls))
       | None -> None)
  | NFail (i, j) -> NFail (i, j)

(** val path_leb :
    'a1 eqDec -> ('a1 -> 'a1 -> bool) -> 'a1 path -> 'a1 path -> bool **)

let rec path_leb eqN nleb a b =
  match a with
  | [] -> true
  | x :: a' ->
    (match b with
     | [] -> false
     | y :: b' -> if eqN x y then path_leb eqN nleb a' b' else nleb x y)

(** val sort_state :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) state **)

let sort_state eqN nleb s =
  sort (fun a b -> path_leb eqN nleb (fst a) (fst b)) s

(** val keys_sorted :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> bool **)

let rec keys_sorted eqN nleb = function
| [] -> true
| a :: s' ->
  (match s' with
   | [] -> true
   | b :: _ ->
     (&&) (path_leb eqN nleb (fst a) (fst b)) (keys_sorted eqN nleb s'))

(** val sort_state_fast :
    'a2 eqDec -> ('a2 -> 'a2 -> bool) -> ('a1, 'a2) state -> ('a1, 'a2) state **)

let sort_state_fast eqN nleb s =
  if keys_sorted eqN nleb s then s else sort_state eqN nleb s

(** val api_apply :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) state -> ('a1, 'a2) prim list -> ('a1, 'a2) state result **)

let api_apply eqL eqN lo nleb s ps =
  match fapply_seq_from eqL eqN lo 0 ps (of_state_sorted eqN nleb s) with
  | Ok t -> Ok (sort_state_fast eqN nleb (flatten0 t))
  | Fail i -> Fail i

(** val api_invert :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) prim list -> ('a1, 'a2) prim list **)

let api_invert _ _ _ _ =
  invert_seq

(** val api_commute :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) prim list -> ('a1, 'a2) prim list -> (('a1, 'a2) prim list * ('a1,
    'a2) prim list) option **)

let api_commute _ eqN lo _ p q =
  commute_seq eqN lo p q

(** val api_commute_named :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named -> ('a1, 'a2) named -> (('a1, 'a2) prim list * ('a1, 'a2) prim
    list) option **)

let api_commute_named _ eqN lo _ p q =
  commute_named eqN lo p q

(** val api_tree_at :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> ('a1, 'a2) state nresult **)

let api_tree_at eqL eqN lo nleb ps =
  match ftree_at eqL eqN lo ps with
  | NOk t -> NOk (sort_state_fast eqN nleb (flatten0 t))
  | NFail (i, j) -> NFail (i, j)

(** val api_file_at :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> 'a2 path -> ('a1, 'a2) found nresult **)

let api_file_at eqL eqN lo nleb ps p =
  match ffile_at eqL eqN lo ps p with
  | NOk a ->
    (match a with
     | FoundDir ns -> NOk (FoundDir (sort nleb ns))
     | x -> NOk x)
  | NFail (i, j) -> NFail (i, j)

(** val api_annotate :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> 'a2 path -> (int option list * 'a1 list) option nresult **)

let api_annotate eqL eqN lo _ ps p =
  fannotate eqL eqN lo ps p

(** val api_dependencies :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> int list list **)

let api_dependencies _ =
  dependencies_pruned

(** val api_dependencies_unpruned :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> int list list **)

let api_dependencies_unpruned _ eqN lo _ ps =
  dependencies eqN lo ps

(** val api_touched :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> 'a2 path list list **)

let api_touched _ eqN _ nleb ps =
  map (summarize eqN nleb) ps

(** val api_touched_prims :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named list -> 'a2 path list list list **)

let api_touched_prims _ _ _ _ ps =
  map (fun p -> map touched_prim (fst p)) ps

(** val api_deps_of :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named -> ('a1, 'a2) wentry list -> (int list * int list) presult **)

let api_deps_of _ =
  deps_prune

(** val api_deps_range :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> (('a1,
    'a2) named * int list) list -> ('a1, 'a2) named list -> (int list * int
    list) list **)

let api_deps_range _ =
  deps_range

(** val api_file_at_pruned :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) fentry list -> 'a2 path -> ('a1, 'a2) found nresult presult **)

let api_file_at_pruned eqL eqN lo nleb es p =
  match file_at_pruned eqL eqN lo es p with
  | PDone a ->
    (match a with
     | NOk a0 ->
       (match a0 with
        | FoundDir ns -> PDone (NOk (FoundDir (sort nleb ns)))
        | x -> PDone (NOk x))
     | NFail (i, j) -> PDone (NFail (i, j)))
  | PNeed j -> PNeed j

(** val api_annotate_pruned :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) fentry list -> 'a2 path -> (int option list * 'a1 list) option
    nresult presult **)

let api_annotate_pruned eqL eqN lo _ es p =
  annotate_pruned eqL eqN lo es p

(** val api_dependencies3 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named3 list -> int list list res **)

let api_dependencies3 eqL eqN lo _ ps =
  dependencies3 eqL eqN lo ps

(** val api_dependencies2 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) named2 list -> int list list res **)

let api_dependencies2 eqL eqN lo _ ps =
  dependencies2 eqL eqN lo ps

(** val api_effect2 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) rp2 list -> ('a1, 'a2) prim list **)

let api_effect2 _ _ _ _ =
  effects2

(** val api_effect3 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) rp3 list -> ('a1, 'a2) prim list **)

let api_effect3 _ _ _ _ =
  effects3

(** val api_effect1 :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) rp1 list -> ('a1, 'a2) prim list **)

let api_effect1 _ _ _ _ =
  effects1

(** val api_coverage :
    'a1 eqDec -> 'a2 eqDec -> 'a1 lineOps -> ('a2 -> 'a2 -> bool) -> ('a1,
    'a2) state -> ('a1, 'a2) named list -> ((int option * bool) list * ('a1,
    'a2) state) nresult **)

let api_coverage eqL eqN lo nleb s ps =
  match coverage eqL eqN lo ps s with
  | NOk a -> let (cs, t) = a in NOk (cs, (sort_state eqN nleb t))
  | NFail (i, j) -> NFail (i, j)
