#!/usr/bin/env bash
# Install what darcsweb needs on Debian/Ubuntu, only where something is missing.
#   scripts/deps.sh [build]      compilers: Coq/Rocq, OCaml + ocamlfind, libclang (bindgen), gcc, darcs
#   scripts/deps.sh test         build + what the tests drive: chromium + chromedriver, python3 with
#                                venv, opam, wrk, OpenSSH (client and server), git
#   scripts/deps.sh ... --dry-run   print the apt packages that would be installed (one line,
#                                nothing when none), install nothing
# `test` also adds rustfmt and clippy with rustup when cargo lacks them.
# DEPS_ROOT=DIR makes every check look under DIR instead of / (and ignore PATH): the test of
# this script lays out fake filesystems there. Each check looks for the exact file its user
# needs, e.g. bindgen loads libclang.so / libclang-N.so* / libclang.so.N* (never
# libclang-cpp, which LLVM's own packages pull in) and needs clang's stddef.h.
# Elsewhere install by hand: Coq >= 8.16 or Rocq 9, OCaml >= 4.13 with ocamlfind, libclang,
# darcs 2.16, and for the tests chromium + chromedriver, Python 3 with venv, opam, wrk, OpenSSH.
set -euo pipefail
what=build
dry=0
for a in "$@"; do
  case "$a" in
    build | test) what=$a ;;
    --dry-run) dry=1 ;;
    *) echo "usage: scripts/deps.sh [build|test] [--dry-run]" >&2; exit 2 ;;
  esac
done
root=${DEPS_ROOT:-}

# A command on PATH (or, under DEPS_ROOT, in the usual system directories of the fake root).
have() {
  if [ -z "$root" ]; then
    command -v "$1" >/dev/null 2>&1
  else
    local d
    for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
      [ -x "$root$d/$1" ] && [ -f "$root$d/$1" ] && return 0
    done
    return 1
  fi
}

# Does any glob (taken under the root) name an existing file?
exists() {
  local g f
  for g in "$@"; do
    for f in $root$g; do
      [ -e "$f" ] && return 0
    done
  done
  return 1
}

# The libclang that bindgen (clang-sys) loads: libclang.so, libclang.so.N, libclang-N.so,
# libclang-N.so.M, in LLVM's or the multiarch library directories. libclang-cpp is the C++
# library and does not count.
have_libclang() {
  local f base
  for f in $root/usr/lib/llvm-*/lib/libclang* $root/usr/lib/*/libclang* $root/usr/lib/libclang* \
           $root/usr/lib64/libclang* $root/usr/local/lib/libclang*; do
    [ -e "$f" ] || continue
    base=${f##*/}
    case "$base" in
      libclang.so | libclang.so.[0-9]* | libclang-[0-9]*.so | libclang-[0-9]*.so.[0-9]*) return 0 ;;
    esac
  done
  return 1
}

# clang's own headers (stddef.h, stdint.h), which bindgen needs to parse core.h.
have_clang_headers() {
  exists '/usr/lib/llvm-*/lib/clang/*/include/stddef.h' '/usr/lib/clang/*/include/stddef.h' \
         '/usr/local/lib/clang/*/include/stddef.h'
}

need=()
have coqc || have rocq || need+=(coq)
# ocamlopt and the runtime headers build_rs includes (caml/mlvalues.h)
{ have ocamlopt && exists '/usr/lib/ocaml/caml/mlvalues.h' '/usr/lib/*/ocaml/caml/mlvalues.h' \
    '/usr/local/lib/ocaml/caml/mlvalues.h'; } || need+=(ocaml-nox)
have ocamlfind || need+=(ocaml-findlib)
{ have_libclang && have_clang_headers; } || need+=(libclang-dev)
have cc || need+=(gcc)
have darcs || need+=(darcs)
if [ "$what" = test ]; then
  have chromium || need+=(chromium)
  have chromedriver || need+=(chromium-driver)
  have python3 || need+=(python3)
  # the Docker switch script's tests make a virtual environment: Debian ships ensurepip
  # apart (python3-venv); under DEPS_ROOT look for its file, else ask the python3 on PATH
  if [ -n "$root" ]; then
    exists '/usr/lib/python3*/ensurepip/__init__.py' '/usr/local/lib/python3*/ensurepip/__init__.py'
  else
    python3 -c 'import venv, ensurepip' >/dev/null 2>&1
  fi || need+=(python3-venv)
  have opam || need+=(opam)          # the Docker switch script is also tested against the real opam
  have wrk || need+=(wrk)
  have git || need+=(git)
  have ssh || need+=(openssh-client)
  { have sshd || exists /usr/sbin/sshd; } || need+=(openssh-server)   # not on a user's PATH
fi

# `make test` runs cargo fmt and clippy: rustup's minimal profile lacks them
components=()
if [ "$what" = test ] && [ -z "$root" ]; then
  cargo fmt --version >/dev/null 2>&1 || components+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || components+=(clippy)
fi

if [ "$dry" = 1 ]; then
  [ ${#need[@]} -eq 0 ] || echo "${need[*]}"
  exit 0
fi
if [ ${#components[@]} -gt 0 ]; then
  echo "deps: adding the Rust components ${components[*]} with rustup" >&2
  rustup component add "${components[@]}" >&2
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
