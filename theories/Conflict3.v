(** * Conflict3: darcs-3 repository patches (prims with identities and
    conflictors "à la Camp", darcs' [Darcs.Patch.V3.Core] and
    [Darcs.Patch.V3.Contexted]), their commutation, and the dependencies
    that [darcs show dependencies] computes over them.

    In a repository with conflicts darcs does not commute the effects of
    the patches: it commutes the conflictors, whose identity is the
    conflicting prim in its context, so that a patch never depends on the
    patches it conflicts with.  This file models those rules; every prim
    commutation underneath is the verified [commute] of [Commute.v]. *)

From Coq Require Import List Bool Arith Lia.
From DarcsWeb Require Import Prim Token Apply Invert Commute Named Depend Walk.
Import ListNotations.

Section Conflict3.

Context {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}.

Notation path := (path N).
Notation state := (state L N).
Notation prim := (prim L N).

(** ** Prims with identities *)

(** A prim's identity ([hash N ID] on disk): its sign (false for the
    inverse), its position in the named patch that introduced it, and that
    named patch (a number given by the reader, one per patch id). *)
Definition pid := (bool * nat * nat)%type.

Definition pid_eqb (a b : pid) : bool :=
  let '(s, n, k) := a in let '(s', n', k') := b in
  Bool.eqb s s' && Nat.eqb n n' && Nat.eqb k k'.

Definition pid_inv (a : pid) : pid := let '(s, n, k) := a in (negb s, n, k).

Definition prim_eq_dec : EqDec prim.
Proof.
  intros x y.
  assert (EP : forall a b : path, {a = b} + {a <> b}) by (apply list_eq_dec; exact eq_dec).
  assert (EL : forall a b : list L, {a = b} + {a <> b}) by (apply list_eq_dec; exact eq_dec).
  assert (EB : forall a b : bytes, {a = b} + {a <> b}) by (apply list_eq_dec; exact Byte.byte_eq_dec).
  decide equality; try apply Nat.eq_dec.
Defined.

(** darcs' [PrimWithName]. *)
Definition nprim := (pid * prim)%type.

Definition ninv (p : nprim) : nprim := (pid_inv (fst p), invert (snd p)).

(** Equal identities and equal prims (darcs' [=\/=] on [PrimWithName]). *)
Definition nprim_eqb (p q : nprim) : bool :=
  pid_eqb (fst p) (fst q) && (if prim_eq_dec (snd p) (snd q) then true else false).

(** Commuting prims keeps their identities. *)
Definition ncommute (p q : nprim) : option (nprim * nprim) :=
  match commute (snd p) (snd q) with
  | Some (q', p') => Some ((fst q, q'), (fst p, p'))
  | None => None
  end.

(** [nc_fl x ys]: move [x] right past every prim of [ys] ([commuteFL]). *)
Definition nc_fl : nprim -> list nprim -> option (list nprim * nprim) := past ncommute.

(** [nc_rl xs y]: move [y] left past every prim of [xs] ([commuteRL]). *)
Fixpoint nc_rl (xs : list nprim) (y : nprim) : option (nprim * list nprim) :=
  match xs with
  | [] => Some (y, [])
  | x :: xs' =>
      match nc_rl xs' y with
      | Some (y1, xs'') =>
          match ncommute x y1 with
          | Some (y2, x') => Some (y2, x' :: xs'')
          | None => None
          end
      | None => None
      end
  end.

(** [nc_rlfl xs ys]: move all of [ys] left past [xs] ([commuteRLFL]). *)
Fixpoint nc_rlfl (xs ys : list nprim) : option (list nprim * list nprim) :=
  match ys with
  | [] => Some ([], xs)
  | y :: ys' =>
      match nc_rl xs y with
      | Some (y', xs1) =>
          match nc_rlfl xs1 ys' with
          | Some (ys'', xs2) => Some (y' :: ys'', xs2)
          | None => None
          end
      | None => None
      end
  end.

Definition ninv_seq (ps : list nprim) : list nprim := rev (map ninv ps).

Definition mem_pid (a : pid) (l : list pid) : bool := existsb (pid_eqb a) l.

(** [pull_front a bs]: the prim of [bs] with identity [a], commuted to the
    front, and the rest. *)
Fixpoint pull_front_acc (a : pid) (pre bs : list nprim) : option (nprim * list nprim) :=
  match bs with
  | [] => None
  | b :: bs' =>
      if pid_eqb (fst b) a then
        match nc_rl (rev pre) b with
        | Some (b', pre') => Some (b', pre' ++ bs')
        | None => None
        end
      else pull_front_acc a (b :: pre) bs'
  end.

(** [fast_remove a bs]: the prim of [bs] with [a]'s identity, commuted to
    the front and dropped ([fastRemoveFL]). *)
Definition fast_remove (a : nprim) (bs : list nprim) : option (list nprim) :=
  match pull_front_acc (fst a) [] bs with Some (_, r) => Some r | None => None end.

(** [commute_to_prefix ids ps]: the prims of [ps] whose identity is in
    [ids], commuted to the front, and the rest ([commuteToPrefix]). *)
Fixpoint commute_to_prefix (ids : list pid) (ps : list nprim) : option (list nprim * list nprim) :=
  match ps with
  | [] => Some ([], [])
  | p :: ps' =>
      match commute_to_prefix ids ps' with
      | Some (qs, rs) =>
          if mem_pid (fst p) ids then Some (p :: qs, rs)
          else match nc_fl p qs with
               | Some (qs', p') => Some (qs', p' :: rs)
               | None => None
               end
      | None => None
      end
  end.

(** ** Contexted prims *)

(** A prim with the (minimal) sequence of prims it depends on before it. *)
Definition ctxd := (list nprim * nprim)%type.

Definition cid (c : ctxd) : pid := fst (snd c).

(** [commute_past q c]: [c] lives after [q]; view it from before [q]
    (fails when [c] depends on [q]). *)
Definition commute_past (q : nprim) (c : ctxd) : option ctxd :=
  match nc_fl q (fst c) with
  | Some (ps', q') =>
      match ncommute q' (snd c) with
      | Some (p', _) => Some (ps', p')
      | None => None
      end
  | None => None
  end.

(** The same past a sequence, its last prim first. *)
Fixpoint commute_past_seq (qs : list nprim) (c : ctxd) : option ctxd :=
  match qs with
  | [] => Some c
  | q :: qs' =>
      match commute_past_seq qs' c with
      | Some c' => commute_past q c'
      | None => None
      end
  end.

(** [ctx_add p c]: view [c] from before [p], adding [p] to its context
    unless it commutes past or cancels an inverse there ([ctxAdd]). *)
Definition ctx_add (p : nprim) (c : ctxd) : ctxd :=
  match fast_remove (ninv p) (fst c) with
  | Some ps' => (ps', snd c)
  | None =>
      match commute_past p c with
      | Some c' => c'
      | None => (p :: fst c, snd c)
      end
  end.

(** Add a whole sequence (applied in list order) to the context. *)
Fixpoint ctx_add_seq (ps : list nprim) (c : ctxd) : ctxd :=
  match ps with
  | [] => c
  | p :: ps' => ctx_add p (ctx_add_seq ps' c)
  end.

Definition ctx_add_inv (ps : list nprim) (c : ctxd) : ctxd := ctx_add_seq (ninv_seq ps) c.

(** Sequences that can be merged without conflict: the second commutes
    left past the inverse of the first. *)
Definition clean_merges (ps qs : list nprim) : bool :=
  match nc_rlfl (ninv_seq ps) qs with Some _ => true | None => false end.

(** [findCommonFL]: the prims two contexts share, and what remains of each. *)
Definition find_common (ps qs : list nprim) : option (list nprim * list nprim) :=
  let common := filter (fun i => mem_pid i (map fst qs)) (map fst ps) in
  match commute_to_prefix common ps, commute_to_prefix common qs with
  | Some (_, ps'), Some (_, qs') => Some (ps', qs')
  | _, _ => None
  end.

(** [ctxNoConflict]. *)
Definition no_conflict (cp cq : ctxd) : bool :=
  if pid_eqb (cid cp) (cid cq) then true
  else if mem_pid (cid cp) (map fst (fst cq)) || mem_pid (cid cq) (map fst (fst cp)) then false
  else match find_common (fst cp) (fst cq) with
       | Some (ps', qs') => clean_merges (ps' ++ [snd cp]) (qs' ++ [snd cq])
       | None => false
       end.

(** Sets of contexted prims, compared by identity (darcs' [Ord Contexted]). *)
Definition cmem (c : ctxd) (xs : list ctxd) : bool := mem_pid (cid c) (map cid xs).

Definition cdel (c : ctxd) (xs : list ctxd) : list ctxd :=
  filter (fun x => negb (pid_eqb (cid x) (cid c))) xs.

Definition cins (c : ctxd) (xs : list ctxd) : list ctxd := c :: cdel c xs.

Fixpoint cnub (xs : list ctxd) : list ctxd :=
  match xs with [] => [] | x :: xs' => x :: cdel x (cnub xs') end.

Definition cmap (f : ctxd -> ctxd) (xs : list ctxd) : list ctxd := cnub (map f xs).

Definition cdiff (xs ys : list ctxd) : list ctxd := filter (fun x => negb (cmem x ys)) xs.

Definition cset_eqb (xs ys : list ctxd) : bool :=
  forallb (fun x => cmem x ys) xs && forallb (fun y => cmem y xs) ys.

Fixpoint map_opt (f : ctxd -> option ctxd) (xs : list ctxd) : option (list ctxd) :=
  match xs with
  | [] => Some []
  | x :: xs' =>
      match f x, map_opt f xs' with
      | Some y, Some ys => Some (y :: ys)
      | _, _ => None
      end
  end.

(** ** Repository patches *)

(** darcs' [RepoPatchV3]: a prim, or a conflictor with its effect, the
    set of patches it conflicts with and its own identity, both viewed
    from after the effect. *)
Inductive rp3 :=
| RPrim (p : nprim)
| RConf (r : list nprim) (x : list ctxd) (cp : ctxd).

Definition rp3_effect (p : rp3) : list prim :=
  match p with RPrim q => [snd q] | RConf r _ _ => map snd r end.

Definition guardb {A} (b : bool) (k : option A) : option A := if b then k else None.

(** [commuteNoConflicts]. *)
Definition commute_nc (p q : rp3) : option (rp3 * rp3) :=
  match p, q with
  | RPrim p, RPrim q =>
      match ncommute p q with Some (q', p') => Some (RPrim q', RPrim p') | None => None end
  | RConf r x cp, RPrim q =>
      match nc_rl r q with
      | Some (q', r') =>
          let iq := ninv q in
          match commute_past iq cp, map_opt (commute_past iq) x with
          | Some cp', Some x' => Some (RPrim q', RConf r' (cnub x') cp')
          | _, _ => None
          end
      | None => None
      end
  | RPrim p, RConf s y cq =>
      match nc_fl p s with
      | Some (s', p') =>
          match commute_past p' cq, map_opt (commute_past p') y with
          | Some cq', Some y' => Some (RConf s' (cnub y') cq', RPrim p')
          | _, _ => None
          end
      | None => None
      end
  | RConf com_r x cp, RConf s y cq =>
      match commute_to_prefix (map (fun c => pid_inv (cid c)) y) com_r with
      | Some (com, rr) =>
          match nc_rlfl rr s with
          | Some (s', rr') =>
              match commute_past_seq (ninv_seq s) cp, commute_past_seq rr' cq with
              | Some cp', Some cq' =>
                  let sq := ctx_add_seq s cq in
                  let sy := cmap (ctx_add_seq s) y in
                  guardb (no_conflict sq cp
                          && forallb (no_conflict sq) (cdiff x sy)
                          && forallb (no_conflict cp) (cdiff sy x))
                    (Some (RConf (com ++ s') (cmap (ctx_add_seq rr') y) cq',
                           RConf rr' (cmap (ctx_add_inv s) x) cp'))
              | _, _ => None
              end
          | None => None
          end
      | None => None
      end
  end.

(** [commuteConflicting]: one of the two is the result of a conflicted
    merge with the other.  [Failed] where darcs reports an internal error. *)

(** A prim and a conflictor that conflicts only with it trade places. *)
Definition cc_prim_only (p : nprim) (s : list nprim) (y : list ctxd) (cq : ctxd) : perhaps (rp3 * rp3) :=
  match s, y, cq with
  | [ip], [([], p')], ([], q0) =>
      if nprim_eqb (ninv p) ip && nprim_eqb p p' then
        Succeeded (RPrim q0, RConf [ninv q0] [cq] ([], p))
      else Unknown
  | _, _, _ => Unknown
  end.

(** A prim and a conflictor that conflicts with it and with others. *)
Definition cc_prim (p : nprim) (s : list nprim) (y : list ctxd) (cq : ctxd) : perhaps (rp3 * rp3) :=
  if mem_pid (fst p) (map cid y) then
    match pull_front_acc (fst (ninv p)) [] s with
    | Some (b, r0) =>
        (* darcs finds the prim by its identity alone; on a well-formed
           repository it is the inverse of [p], which is checked here *)
        if nprim_eqb b (ninv p) then
          let cp := ctx_add_inv r0 ([], p) in
          Succeeded (RConf r0 (cdel cp y) cq, RConf [] [cq] cp)
        else Failed
    | None => Failed
    end
  else Unknown.

(** Two conflictors, the second conflicting only with the first. *)
Definition cc_conf_only (r : list nprim) (x : list ctxd) (cp : ctxd)
  (s : list nprim) (y : list ctxd) (cq : ctxd) : perhaps (rp3 * rp3) :=
  match s with
  | [] =>
      if cset_eqb y [cp] then
        match ctx_add_seq r cq with
        | ([], cq') => Succeeded (RPrim cq', RConf (ninv cq' :: r) (cins cq x) cp)
        | _ => Failed
        end
      else Unknown
  | _ => Unknown
  end.

(** Two conflictors, the second conflicting with the first and others. *)
Definition cc_conf (r : list nprim) (x : list ctxd) (cp : ctxd)
  (s : list nprim) (y : list ctxd) (cq : ctxd) : perhaps (rp3 * rp3) :=
  let is_cp := ctx_add_inv s cp in
  if cmem is_cp y then
    let y' := cdel is_cp y in
    match commute_to_prefix (map (fun c => pid_inv (cid c)) y') r with
    | Some (com, rr) =>
        match nc_rlfl rr s with
        | Some (s', rr') =>
            Succeeded (RConf (com ++ s') (cmap (ctx_add_seq rr') y') (ctx_add_seq rr' cq),
                       RConf rr' (cins cq (cmap (ctx_add_inv s) x)) is_cp)
        | None => Failed
        end
    | None => Failed
    end
  else Unknown.

Definition or_else {A} (a : perhaps A) (b : unit -> perhaps A) : perhaps A :=
  match a with Unknown => b tt | _ => a end.

Definition commute_conflicting (p q : rp3) : perhaps (rp3 * rp3) :=
  match p, q with
  | RPrim p, RConf s y cq => or_else (cc_prim_only p s y cq) (fun _ => cc_prim p s y cq)
  | RConf r x cp, RConf s y cq => or_else (cc_conf_only r x cp s y cq) (fun _ => cc_conf r x cp s y cq)
  | _, _ => Unknown
  end.

(** darcs' [commute] on [RepoPatchV3]: [commuteConflicting <|> commuteNoConflicts]. *)
Definition commute3 (p q : rp3) : option (rp3 * rp3) :=
  match commute_conflicting p q with
  | Succeeded r => Some r
  | Failed => None
  | Unknown => commute_nc p q
  end.

(** ** Sequences and named patches *)

Definition commute3_past : rp3 -> list rp3 -> option (list rp3 * rp3) := past commute3.

Fixpoint commute3_rl (rxs ys acc : list rp3) : option (list rp3 * list rp3) :=
  match rxs with
  | [] => Some (ys, acc)
  | x :: rxs' =>
      match commute3_past x ys with
      | Some (ys', x') => commute3_rl rxs' ys' (x' :: acc)
      | None => None
      end
  end.

(** [commute3_seq xs ys = Some (ys', xs')]: [xs;ys] becomes [ys';xs']. *)
Definition commute3_seq (xs ys : list rp3) : option (list rp3 * list rp3) :=
  commute3_rl (rev xs) ys [].

(** A named darcs-3 patch: its repository patches and the indices of the
    earlier named patches it explicitly depends on. *)
Definition named3 := (list rp3 * list nat)%type.
Definition inamed3 := (nat * named3)%type.

Definition commute_inamed3 (p q : inamed3) : option (inamed3 * inamed3) :=
  let '(i, (pe, pd)) := p in
  let '(j, (qe, qd)) := q in
  if existsb (Nat.eqb i) qd || existsb (Nat.eqb j) pd then None
  else match commute3_seq pe qe with
       | Some (qe', pe') => Some ((j, (qe', qd)), (i, (pe', pd)))
       | None => None
       end.

Definition commute3_fl : inamed3 -> list inamed3 -> option (list inamed3 * inamed3) :=
  past commute_inamed3.

End Conflict3.

Arguments pid : clear implicits.
Arguments nprim : clear implicits.
Arguments ctxd : clear implicits.
Arguments rp3 : clear implicits.
Arguments named3 : clear implicits.
Arguments inamed3 : clear implicits.

(** ** Dependencies over darcs-3 patches: darcs' walk ([Walk.v]) with
    the commutation of darcs-3 named patches. *)


Definition dependencies3 {L N : Type} {EqL : EqDec L} {EqN : EqDec N} {LO : LineOps L}
  (ps : list (named3 L N)) : res (list (list nat)) :=
  walk_dependencies (fun x ys => of_opt (commute3_fl x ys)) ps.
