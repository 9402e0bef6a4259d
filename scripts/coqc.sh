#!/usr/bin/env bash
# Compile one .v file with whichever Rocq/Coq is installed: `rocq compile` (Rocq >= 9)
# or `coqc` (Coq 8.x). COQC overrides the choice.
set -euo pipefail
if [ -n "${COQC:-}" ]; then exec $COQC "$@"; fi
if command -v rocq >/dev/null 2>&1; then exec rocq compile "$@"; fi
exec coqc "$@"
