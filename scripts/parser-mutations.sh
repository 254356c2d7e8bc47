#!/usr/bin/env bash
# Error-line differential: mutate small corpus files at random (seeded: delete/insert a character or
# token, drop/duplicate a line, truncate), then compare the SyntaxError line of CPython 3.13's
# ast.parse with `batchfix parse` (or both accepting the file).
#   usage: scripts/parser-mutations.sh [COUNT] [SEED] [CORPUS] [BATCHFIX]
set -uo pipefail
count=${1:-600}; seed=${2:-1234}; corpus=$(realpath "${3:-corpus/stdlib-3.13}"); bin=$(realpath "${4:-.build-parser/release/batchfix}")
py=${PYTHON:-$(pyenv root)/versions/3.13.0/bin/python3}
work=$(mktemp -d); cd "$work"
"$py" - "$count" "$seed" "$corpus" <<'PY' > cpython.txt
import random, pathlib, ast, sys, warnings
warnings.simplefilter("ignore")
count, seed, corpus = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(seed)
files = [f for f in sorted(pathlib.Path(corpus).rglob("*.py")) if f.stat().st_size < 20000]
toks = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "'", '"', "\n", "    ", "\t", "\\", "if ", "else", "lambda",
        "*", "**", "f'", "#", "@", ".", "1", "_", "match ", "case ", "yield", "async ", "await ", "not ", "is ", "in "]
for i in range(count):
    src = random.choice(files).read_text(encoding="utf-8")
    lines = src.split("\n"); op = random.randrange(5); pos = random.randrange(len(src) + 1)
    if op == 0: src = src[:pos] + src[pos + 1:]
    elif op == 1: src = src[:pos] + random.choice(toks) + src[pos:]
    elif op == 2: del lines[random.randrange(len(lines))]; src = "\n".join(lines)
    elif op == 3: lines.insert(random.randrange(len(lines)), random.choice(lines)); src = "\n".join(lines)
    else: src = src[:pos]
    name = f"m{i:05d}.py"
    open(name, "w", encoding="utf-8").write(src)
    try: ast.parse(src.encode()); print(name, "OK")
    except SyntaxError as e: print(name, e.lineno)
PY
total=0; match=0
while read -r f expected; do
  total=$((total+1))
  ours=$("$bin" parse "$f" 2>&1 | head -1)
  if [ -z "$ours" ]; then got=OK; else got=$(echo "$ours" | cut -d: -f2); fi
  if [ "$got" = "$expected" ]; then match=$((match+1)); else echo "MISMATCH $work/$f cpython=$expected ours: $ours"; fi
done < cpython.txt
echo "MATCH $match/$total (files in $work)"
