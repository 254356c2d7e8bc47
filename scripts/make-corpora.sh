#!/usr/bin/env bash
# Create the parser corpora under <repo>/corpus (git-ignored), idempotently:
#   corpus/stdlib-3.13      CPython 3.13's standard library (files 3.13 parses), for differential tests and benchmarks
#   corpus/stdlib-3.11      the default python3's standard library (3.11 here)
#   corpus/stdlib-3.11-10k  stdlib-3.11 with 10,000 unused imports injected (seeded)
# A corpus that already exists (with its .complete marker) is kept; FORCE=1 rebuilds all.
# usage: scripts/make-corpora.sh            (works from any directory)
set -euo pipefail
root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
shared="$root/../shared/corpus"
[[ -d "$shared" ]] || { echo "error: $shared not found (expected beside the repository)" >&2; exit 2; }
py313="$(pyenv root)/versions/3.13.0/bin/python3"
[[ -x "$py313" ]] || { echo "error: CPython 3.13 not found at $py313" >&2; exit 2; }
mkdir -p "$root/corpus"

# make NAME COMMAND...: run COMMAND to build corpus/NAME unless it is already complete.
make_corpus() {
  local name=$1; shift
  local dest="$root/corpus/$name"
  if [[ -f "$dest/.complete" && "${FORCE:-0}" != 1 ]]; then
    echo "corpus/$name: exists ($(find "$dest" -name '*.py' | wc -l) files), kept"
    return
  fi
  rm -rf "$dest"
  "$@"
  touch "$dest/.complete"
}

make_corpus stdlib-3.13 env PYTHON="$py313" bash "$shared/make-stdlib-corpus.sh" "$root/corpus/stdlib-3.13"
make_corpus stdlib-3.11 env PYTHON=python3 bash "$shared/make-stdlib-corpus.sh" "$root/corpus/stdlib-3.11"
make_corpus stdlib-3.11-10k python3 "$shared/inject.py" "$root/corpus/stdlib-3.11" "$root/corpus/stdlib-3.11-10k" 10000
