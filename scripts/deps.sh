#!/usr/bin/env bash
# Install what darcsweb needs on Debian/Ubuntu, only where something is missing.
#   scripts/deps.sh build   compilers: Coq/Rocq, OCaml + ocamlfind, libclang (bindgen), darcs (examples)
#   scripts/deps.sh test    build + what the tests drive: chromium + chromedriver, python3-venv, opam, wrk
# Elsewhere install by hand: Coq >= 8.16 or Rocq 9, OCaml >= 4.13 with ocamlfind,
# libclang, darcs 2.16, and for the tests chromium + chromedriver and Python 3 with venv.
set -euo pipefail
what=${1:-build}

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have coqc || have rocq || need+=(coq)
have ocamlopt || need+=(ocaml-nox)
have ocamlfind || need+=(ocaml-findlib)
ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/*/libclang*.so* >/dev/null 2>&1 || need+=(libclang-dev)
have darcs || need+=(darcs)
have cc || need+=(gcc)
if [ "$what" = test ]; then
  have chromium || need+=(chromium)
  have chromedriver || need+=(chromium-driver)
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
  have opam || need+=(opam)          # the Docker switch script is also tested against the real opam
  have wrk || need+=(wrk)
fi

[ ${#need[@]} -eq 0 ] && exit 0
if ! have apt-get; then
  echo "deps: missing ${need[*]}; this is not a Debian/Ubuntu system: install them by hand (see README)." >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "deps: installing ${need[*]} with apt-get" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
