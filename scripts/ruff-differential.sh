#!/usr/bin/env bash
# Differential test of BatchFix's F401 fix against ruff's on the standard-library corpus with 10,000
# injected unused imports.
#
#   usage: scripts/ruff-differential.sh            (builds batchfix in release mode first)
#          BATCHFIX=/path/to/batchfix scripts/ruff-differential.sh
#
# Steps: make a venv with ruff if missing; make corpus/stdlib-3.11 and corpus/stdlib-3.11-10k with
# ../shared/corpus (kept between runs; /corpus/ is git-ignored); copy the 10k corpus twice; run
# `batchfix fix --select F401` on one copy and `ruff check --fix --select F401` on the other; then
#   1. `python3 -m compileall -q` on our copy (every file must still compile),
#   2. `ruff check --select F401` on our copy: whatever ruff would still fix must be explained by a
#      documented keep-rule of ../shared/RELIABILITY.md (scripts/f401_kept_reasons.py),
#   3. scripts/import_bindings.py: the import bindings left per file, ours vs ruff's: we must never
#      remove an import that ruff keeps.
# Prints counts and lists the differences; exit status 1 when any check fails.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
release_batchfix

work="$top/corpus/differential"
rm -rf "$work"; mkdir -p "$work"
cp -a corpus/stdlib-3.11-10k "$work/ours"
cp -a corpus/stdlib-3.11-10k "$work/ruff"
status=0

echo "== batchfix fix --select F401"
"$batchfix" fix "$work/ours" --select F401 >"$work/batchfix.log" 2>&1
code=$?
tail -n 5 "$work/batchfix.log"
if [ "$code" -ge 2 ]; then echo "batchfix failed with exit code $code (log: $work/batchfix.log)"; status=1; fi

echo "== ruff check --fix --select F401"
"$ruff" check --no-cache --fix --select F401 --exit-zero "$work/ruff" >"$work/ruff.log" 2>&1
tail -n 3 "$work/ruff.log"

echo "== 1. python3 -m compileall -q (ours)"
if python3 -m compileall -q "$work/ours" >"$work/compileall.log" 2>&1; then
  echo "all files compile"
else
  echo "compile failures: $(grep -c '^\*\*\*' "$work/compileall.log")"; head -n 20 "$work/compileall.log"; status=1
fi

echo "== 2. F401 ruff would still fix in ours, each explained by a rule of RELIABILITY.md"
"$ruff" check --no-cache --select F401 --exit-zero --output-format json "$work/ours" >"$work/left.json" 2>/dev/null
python3 scripts/f401_kept_reasons.py "$work/left.json" "$work/ours" || status=1

echo "== 3. import bindings left: ruff (reference) vs batchfix (candidate)"
# The failing direction is an import ruff keeps that we removed; the other direction is step 2's.
python3 scripts/import_bindings.py "$work/ruff" "$work/ours" --list "${LIST:-0}" --json "$work/bindings.json" > "$work/bindings.txt"
cat "$work/bindings.txt"
grep -q "bindings the candidate removed and the reference kept: 0$" "$work/bindings.txt" || status=1
echo "(work folder: $work)"
exit $status
