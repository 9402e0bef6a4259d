#!/bin/sh
# ensure-opam-switch.sh: make sure $OPAMROOT holds a healthy opam switch with
# the pinned OCaml and Rocq, and build or repair it if it doesn't.
#
# The Dockerfile keeps /root/.opam in a BuildKit cache mount. Cache mounts are
# not part of the image: BuildKit can prune them at any time, and an
# interrupted build can leave one half-built. So every RUN that uses OCaml or
# Rocq calls this script first. When the switch is healthy it only checks a few
# things and returns (about a second). When it isn't, it heals the switch:
#
#   opam root missing or unusable       -> wipe the root, `opam init`, build the switch
#   switch missing                      -> build it
#   switch has the wrong OCaml compiler -> remove the switch and build it again
#   OCaml right but rocq/stdlib/ocamlfind
#     missing, failing or wrong version -> `opam install` the pinned versions
#                                            in place (a half-built switch)
#   still unhealthy after that          -> remove the switch and build it again,
#                                            then wipe the whole root and retry
#   still unhealthy after all of that   -> fail (exit 1)
#
# "Healthy" means all of these hold inside the switch (through `opam exec`):
#   ocamlopt, ocamlfind, rocq    are found in the switch, not on the system PATH
#   ocamlopt -version            == $OCAML_VERSION
#   ocamlfind ocamlopt -version  == $OCAML_VERSION    (build.rs uses ocamlfind)
#   rocq --version               says "version $ROCQ_VERSION" and
#                                "compiled with OCaml $OCAML_VERSION"
#   opam list --installed        has rocq-core.$ROCQ_VERSION,
#                                rocq-stdlib.$ROCQ_STDLIB_VERSION and
#                                ocamlfind.$OCAMLFIND_VERSION (if set)
#
# Every setting comes from the environment, so tests/docker can run this
# script against fake opam/ocaml/rocq executables without Docker:
#   OPAMROOT             opam root               (default: $HOME/.opam)
#   OPAM_SWITCH_NAME     switch name             (default: darcsweb)
#   OCAML_VERSION        ocaml-base-compiler     (default: 4.14.2)
#   ROCQ_VERSION         rocq-core               (default: 9.0.0)
#   ROCQ_STDLIB_VERSION  rocq-stdlib             (default: 9.0.0)
#   OCAMLFIND_VERSION    ocamlfind; empty = any  (default: 1.9.8)
#   JOBS                 opam --jobs             (default: 2, enough for a 4 GB Pi)
#   OPAM                 the opam executable     (default: opam)
#   OPAM_REPOSITORY      repository for `opam init` (default: opam's own,
#                        https://opam.ocaml.org; set it for a mirror)
#
# POSIX sh: Debian runs it with dash.

set -eu

OPAMROOT=${OPAMROOT:-${HOME:-/root}/.opam}
OPAM_SWITCH_NAME=${OPAM_SWITCH_NAME:-darcsweb}
OCAML_VERSION=${OCAML_VERSION:-4.14.2}
ROCQ_VERSION=${ROCQ_VERSION:-9.0.0}
ROCQ_STDLIB_VERSION=${ROCQ_STDLIB_VERSION:-9.0.0}
OCAMLFIND_VERSION=${OCAMLFIND_VERSION-1.9.8}
JOBS=${JOBS:-2}
OPAM=${OPAM:-opam}
OPAM_REPOSITORY=${OPAM_REPOSITORY:-}

# Never prompt; never call apt-get from opam (the Dockerfile installs the
# system packages itself: libgmp-dev, pkg-config, ...); opam may run as root in
# a container; no colour codes in build logs.
OPAMYES=${OPAMYES:-1}
OPAMNODEPEXTS=${OPAMNODEPEXTS:-1}
OPAMROOTISOK=${OPAMROOTISOK:-1}
OPAMCOLOR=${OPAMCOLOR:-never}
export OPAMROOT OPAMYES OPAMNODEPEXTS OPAMROOTISOK OPAMCOLOR

case $JOBS in
  '' | *[!0-9]* | 0) echo "ensure-opam-switch: JOBS must be a positive integer, got '$JOBS'" >&2; exit 2 ;;
esac

say() { printf 'ensure-opam-switch: %s\n' "$*" >&2; }

# The packages installed on top of the compiler, each pinned to its version.
tool_packages() {
  if [ -n "$OCAMLFIND_VERSION" ]; then
    printf 'ocamlfind.%s ' "$OCAMLFIND_VERSION"
  else
    printf 'ocamlfind '
  fi
  printf 'rocq-core.%s rocq-stdlib.%s\n' "$ROCQ_VERSION" "$ROCQ_STDLIB_VERSION"
}

in_switch() { "$OPAM" exec --switch="$OPAM_SWITCH_NAME" -- "$@"; }

# --- opam root -------------------------------------------------------------

root_ok() {
  [ -f "$OPAMROOT/config" ] && [ -d "$OPAMROOT/repo" ] &&
    "$OPAM" switch list --short >/dev/null 2>&1
}

# Empties the root but keeps the directory: it is the cache mount point, which
# cannot itself be removed.
wipe_root() {
  say "wiping opam root $OPAMROOT"
  mkdir -p "$OPAMROOT" || return 1
  find "$OPAMROOT" -mindepth 1 -maxdepth 1 -exec rm -rf {} + || return 1
}

init_root() {
  say "initialising opam root $OPAMROOT"
  if [ -n "$OPAM_REPOSITORY" ]; then
    "$OPAM" init --bare --no-setup --disable-sandboxing --yes default "$OPAM_REPOSITORY" || return 1
  else
    "$OPAM" init --bare --no-setup --disable-sandboxing --yes || return 1
  fi
}

ensure_root() {
  root_ok && return 0
  if [ -d "$OPAMROOT" ] && [ -n "$(ls -A "$OPAMROOT" 2>/dev/null)" ]; then
    say "opam root $OPAMROOT is unusable"
    wipe_root || return 1
  fi
  init_root || return 1
  root_ok
}

# --- the switch ------------------------------------------------------------

switch_exists() {
  [ -d "$OPAMROOT/$OPAM_SWITCH_NAME/.opam-switch" ] &&
    "$OPAM" switch list --short 2>/dev/null | grep -Fx -- "$OPAM_SWITCH_NAME" >/dev/null
}

# Each TOOL must be found inside the switch (opam exec puts its bin/ first on
# PATH and sets OPAM_SWITCH_PREFIX), not picked up from the system: an empty or
# half-built switch would otherwise borrow /usr/bin/ocamlopt and friends.
from_switch() {
  # shellcheck disable=SC2016 # expanded by the inner shell, inside the switch
  msg=$(in_switch sh -c '
    for t in "$@"; do
      p=$(command -v "$t") || { echo "$t is not installed in the switch"; exit 1; }
      case $p in
        "$OPAM_SWITCH_PREFIX"/*) ;;
        *) echo "$t is $p, outside the switch"; exit 1 ;;
      esac
    done' sh "$@" 2>&1) || { say "${msg:-cannot run a shell in the switch}"; return 1; }
}

compiler_ok() {
  from_switch ocamlopt || return 1
  v=$(in_switch ocamlopt -version 2>/dev/null) || { say "ocamlopt does not run"; return 1; }
  [ "$v" = "$OCAML_VERSION" ] || { say "ocamlopt is $v, want $OCAML_VERSION"; return 1; }
}

tools_ok() {
  from_switch ocamlfind rocq || return 1
  v=$(in_switch ocamlfind ocamlopt -version 2>/dev/null) || { say "ocamlfind does not run"; return 1; }
  [ "$v" = "$OCAML_VERSION" ] || { say "ocamlfind ocamlopt is $v, want $OCAML_VERSION"; return 1; }

  out=$(in_switch rocq --version 2>/dev/null) || { say "rocq does not run"; return 1; }
  v=$(printf '%s\n' "$out" | sed -n 's/^.*[Vv]ersion \([0-9][^ ,]*\).*$/\1/p' | head -n 1)
  [ "$v" = "$ROCQ_VERSION" ] || { say "rocq is '$v', want $ROCQ_VERSION"; return 1; }
  v=$(printf '%s\n' "$out" | sed -n 's/^.*compiled with OCaml \([0-9][^ ,]*\).*$/\1/p' | head -n 1)
  [ "$v" = "$OCAML_VERSION" ] || { say "rocq was compiled with OCaml '$v', want $OCAML_VERSION"; return 1; }

  installed=$("$OPAM" list --switch="$OPAM_SWITCH_NAME" --installed --short --columns=package 2>/dev/null) ||
    { say "opam list failed"; return 1; }
  for p in $(tool_packages); do
    case $p in
      *.*) printf '%s\n' "$installed" | grep -Fx -- "$p" >/dev/null ;;
      *) printf '%s\n' "$installed" | grep "^$p\\." >/dev/null ;;
    esac || { say "package $p is not installed"; return 1; }
  done
}

healthy() { switch_exists && compiler_ok && tools_ok; }

remove_switch() {
  say "removing switch $OPAM_SWITCH_NAME"
  if ! "$OPAM" switch remove "$OPAM_SWITCH_NAME" --yes; then
    # opam could not remove it cleanly (corrupt state): delete its files and
    # let opam forget it.
    rm -rf "${OPAMROOT:?}/$OPAM_SWITCH_NAME" || return 1
    "$OPAM" switch remove "$OPAM_SWITCH_NAME" --yes >/dev/null 2>&1 || true
  fi
}

install_tools() {
  say "installing $(tool_packages) into $OPAM_SWITCH_NAME (--jobs=$JOBS)"
  # shellcheck disable=SC2046 # word splitting of the package list is intended
  "$OPAM" install --switch="$OPAM_SWITCH_NAME" --yes --jobs="$JOBS" $(tool_packages) || return 1
}

# Two steps on purpose: if the build is interrupted after the compiler is
# built, the next run only has to install the tools (the half-built case).
create_switch() {
  say "creating switch $OPAM_SWITCH_NAME with ocaml-base-compiler.$OCAML_VERSION (--jobs=$JOBS)"
  "$OPAM" switch create "$OPAM_SWITCH_NAME" "ocaml-base-compiler.$OCAML_VERSION" \
    --yes --jobs="$JOBS" || return 1
  install_tools || return 1
}

rebuild_switch() {
  if switch_exists || [ -e "$OPAMROOT/$OPAM_SWITCH_NAME" ]; then
    remove_switch || return 1
  fi
  create_switch || return 1
}

# First attempt: the cheapest repair that can work.
repair() {
  ensure_root || return 1
  if ! switch_exists; then
    say "switch $OPAM_SWITCH_NAME does not exist"
    rebuild_switch || return 1
  elif ! compiler_ok; then
    say "switch $OPAM_SWITCH_NAME has the wrong compiler"
    rebuild_switch || return 1
  elif ! tools_ok; then
    say "switch $OPAM_SWITCH_NAME is incomplete or has the wrong tools"
    install_tools || return 1
  else
    return 0
  fi
  healthy
}

if healthy; then
  say "switch $OPAM_SWITCH_NAME is healthy (OCaml $OCAML_VERSION, Rocq $ROCQ_VERSION)"
  exit 0
fi

if repair; then
  say "switch $OPAM_SWITCH_NAME is ready"
  exit 0
fi

say "repair failed; rebuilding switch $OPAM_SWITCH_NAME from scratch"
if ensure_root && rebuild_switch && healthy; then
  say "switch $OPAM_SWITCH_NAME is ready"
  exit 0
fi

say "rebuild failed; starting again from an empty opam root"
if wipe_root && init_root && create_switch && healthy; then
  say "switch $OPAM_SWITCH_NAME is ready"
  exit 0
fi

say "could not build a healthy switch $OPAM_SWITCH_NAME in $OPAMROOT"
exit 1
