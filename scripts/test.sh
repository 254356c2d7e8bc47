#!/usr/bin/env bash
# The whole test suite, as CI runs it: prepares what the differential tests need (corpora made from
# this machine's CPython standard libraries, ruff in a local venv), then runs `swift test`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ -x scripts/make-corpora.sh ] || [ -f scripts/make-corpora.sh ]; then
  bash scripts/make-corpora.sh
fi
if [ -d corpus/stdlib-3.13 ]; then export BATCHFIX_CORPUS="$repo/corpus/stdlib-3.13"; fi
if [ -d corpus/stdlib-3.11 ]; then export BATCHFIX_CORPUS_311="$repo/corpus/stdlib-3.11"; fi
py313="$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3"
if [ -x "$py313" ]; then export BATCHFIX_PYTHON313="$py313"; fi

# ruff, for the differential and the `ruff format` delegation tests.
if [ ! -x .venv/bin/ruff ]; then python3 -m venv .venv && .venv/bin/pip install -q ruff; fi
export BATCHFIX_RUFF="$repo/.venv/bin/ruff"

swift build --build-tests 2>&1 | tail -n 5
set +e
swift test --skip-build > .build/test-output.txt 2>&1
status=$?
set -e
# Failures in full, then the closing lines (the whole log is in .build/test-output.txt).
grep -E "✘|recorded an issue|error:" .build/test-output.txt | head -n 80 || true
grep -E "^corpus differential:|^  differs:" .build/test-output.txt | head -n 25 || true

# The F401 differential against ruff on the 10k-injected stdlib corpus (installs ruff into .venv).
echo "== ruff differential (F401)"
swift build -c release --product batchfix 2>&1 | tail -n 1
set +e
BATCHFIX="$repo/.build/release/batchfix" bash scripts/ruff-differential.sh > .build/ruff-differential.txt 2>&1
differential=$?
set -e
grep -vE ": F401 (skipped|fixed|failed):|^  [^ ].*: kept by candidate only" .build/ruff-differential.txt || true

tail -n 8 .build/test-output.txt
if [ "$status" -ne 0 ]; then exit "$status"; fi
exit "$differential"
