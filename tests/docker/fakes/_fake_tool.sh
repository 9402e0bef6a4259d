# shellcheck shell=bash
# Sourced by the fake OCaml/Rocq executables in this directory. The fake opam
# links them into a switch's bin/ when it "installs" their package, and its
# `opam exec` puts that bin/ first on PATH and sets OPAM_SWITCH_PREFIX, as the
# real one does. They answer from the package versions that the fake opam
# recorded in that switch.
: "${FAKE_LOG:?FAKE_LOG must be set}"
printf '%s %s\n' "$FAKE_TOOL" "$*" >>"$FAKE_LOG"

not_found() { echo "$FAKE_TOOL: command not found" >&2; exit 127; }

fake_installed_version() {  # PACKAGE -> its installed version, or fail
  [ -n "${OPAM_SWITCH_PREFIX:-}" ] || return 1
  local f=$OPAM_SWITCH_PREFIX/.opam-switch/fake-installed
  [ -f "$f" ] || return 1
  local v
  v=$(sed -n "s/^$1\\.//p" "$f" | head -n 1)
  [ -n "$v" ] || return 1
  echo "$v"
}
