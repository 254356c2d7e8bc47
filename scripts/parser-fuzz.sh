#!/usr/bin/env bash
# Differential fuzzing: random valid programs from pysource-codegen (PyPI), dumped by CPython 3.13 and
# by `batchfix parse --dump`, compared file by file.
#   usage: scripts/parser-fuzz.sh [FIRST_SEED] [COUNT] [BATCHFIX]
set -uo pipefail
first=${1:-0}; count=${2:-100}; bin=$(realpath "${3:-.build-parser/release/batchfix}")
py=${PYTHON:-$(pyenv root)/versions/3.13.0/bin/python3}
venv=${FUZZ_VENV:-/tmp/batchfix-fuzzenv}
[ -x "$venv/bin/python" ] || { "$py" -m venv "$venv" && "$venv/bin/pip" install -q pysource-codegen; }
work=$(mktemp -d); cd "$work"
"$venv/bin/python" - "$first" "$count" <<'PY'
import sys, pysource_codegen
first, count = int(sys.argv[1]), int(sys.argv[2])
for seed in range(first, first + count):
    try: src = pysource_codegen.generate(seed, node_limit=2000, depth_limit=6)
    except Exception: continue
    open(f"s{seed:06d}.py", "w").write(src)
PY
total=0; match=0
for f in s*.py; do
  total=$((total+1))
  "$py" /work/shared/corpus/ast_dump.py "$f" > "$f.cpython" 2>/dev/null
  "$bin" parse --dump "$f" > "$f.ours" 2>/dev/null
  if grep -q '^SyntaxError' "$f.cpython"; then
    [ "$(sed -n 2p "$f.cpython" | cut -d' ' -f2 | cut -d: -f1)" = "$(sed -n 2p "$f.ours" | cut -d' ' -f2 | cut -d: -f1)" ] && match=$((match+1)) || echo "ERRLINE $work/$f"
  elif cmp -s "$f.cpython" "$f.ours"; then match=$((match+1)); else echo "DIFF $work/$f"; fi
done
echo "MATCH $match/$total (files in $work)"
