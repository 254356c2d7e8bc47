#!/usr/bin/env bash
# Differential test of PythonSyntax against CPython 3.13 over a corpus folder, file by file.
#   usage: scripts/parser-differential.sh [CORPUS] [BATCHFIX]
# Prints mismatching files and "MATCH n/total". CPython's dumps are cached in CORPUS.dumps/.
set -uo pipefail
corpus=${1:-corpus/stdlib-3.13}
bin=${2:-.build-parser/debug/batchfix}
py=${PYTHON:-$(pyenv root)/versions/3.13.0/bin/python3}
cache="$corpus.dumps"
mkdir -p "$cache" /tmp/pd-ours
total=0; match=0
while IFS= read -r -d '' f; do
  rel=${f#"$corpus"/}; key=$(echo "$rel" | tr '/' '_')
  [ -f "$cache/$key" ] || "$py" /work/shared/corpus/ast_dump.py "$f" > "$cache/$key"
  total=$((total+1))
  if timeout 20 "$bin" parse --dump "$f" > "/tmp/pd-ours/$key" 2>/dev/null && cmp -s "$cache/$key" "/tmp/pd-ours/$key"; then
    match=$((match+1))
  else
    echo "DIFF $f"
  fi
done < <(find "$corpus" -name '*.py' -print0 | sort -z)
echo "MATCH $match/$total"
