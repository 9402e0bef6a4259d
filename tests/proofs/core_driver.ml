(* Test driver for the extracted core (used by tests/proofs/differential.py):
   reads frames (u32 little-endian length, then a wire request) from stdin,
   answers each with Glue.dispatch (the closure glue.ml registers as
   "darcsweb_dispatch"), writing frames (u32 length, response) to stdout. *)

let read_u32 ic =
  let b = Bytes.create 4 in
  really_input ic b 0 4;
  let g i = Char.code (Bytes.get b i) in
  g 0 lor (g 1 lsl 8) lor (g 2 lsl 16) lor (g 3 lsl 24)

let write_u32 oc n =
  for i = 0 to 3 do output_char oc (Char.chr ((n lsr (8 * i)) land 255)) done

let () =
  set_binary_mode_in stdin true;
  set_binary_mode_out stdout true;
  let f : string -> string = Glue.dispatch in
  try
    while true do
      let n = read_u32 stdin in
      let req = really_input_string stdin n in
      let resp = f req in
      write_u32 stdout (String.length resp);
      output_string stdout resp;
      flush stdout
    done
  with End_of_file -> ()
