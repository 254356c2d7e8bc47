#!/usr/bin/env bash
# Benchmark: BatchFix's F401 fix against ruff's, end to end, as a user runs them.
#
#   usage: scripts/bench-ruff.sh [RUNS]       (RUNS >= 5, default 7; builds batchfix in release mode)
#          BATCHFIX=/path/to/batchfix scripts/bench-ruff.sh
#          PROFILE=1 scripts/bench-ruff.sh     (also prints one `batchfix fix --profile` run)
#
# 1. The standard-library corpus with 10,000 injected unused imports (../shared/corpus, kept in
#    corpus/): each run gets a pristine copy (copying is not timed), then
#    `batchfix fix COPY --select F401` and `ruff check --fix --select F401 --no-cache COPY` are timed.
# 2. A small project: 10 files, 10 unused imports in all, fixed end to end the same way.
# Prints each tool's median wall time and the ratio batchfix/ruff (below 1: BatchFix is faster).
set -uo pipefail
runs=${1:-7}
if [ "$runs" -lt 5 ]; then echo "RUNS must be at least 5" >&2; exit 2; fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
release_batchfix

work="$top/corpus/bench"
rm -rf "$work"; mkdir -p "$work"

# Small project: 10 files with one unused import each.
small="$work/small-pristine"
mkdir -p "$small/pkg"
for i in 0 1 2 3 4 5 6 7 8 9; do
  printf 'import os\nimport sys\n\n\ndef f%d():\n    return sys.argv\n' "$i" >"$small/pkg/mod$i.py"
done
touch "$small/pkg/__init__.py"

# time_cmd LABEL DIR -- COMMAND...: copies DIR to a fresh folder, then times COMMAND on it; prints seconds.
time_run() {
  local pristine=$1; shift
  local copy="$work/run"
  rm -rf "$copy"; cp -a "$pristine" "$copy"
  sync
  local start end
  start=$(date +%s.%N)
  "$@" "$copy" >/dev/null 2>&1
  local code=$?
  end=$(date +%s.%N)
  if [ "$code" -ge 2 ]; then echo "command failed ($code): $*" >&2; fi
  python3 -c "print(f'{$end - $start:.4f}')"
}

median() { python3 -c 'import statistics, sys; print(f"{statistics.median(map(float, sys.argv[1:])):.4f}")' "$@"; }

bench() {
  local label=$1 pristine=$2
  local ours=() theirs=()
  for ((i = 0; i < runs; i++)); do
    ours+=("$(time_run "$pristine" "$batchfix" fix --select F401)")
    theirs+=("$(time_run "$pristine" "$ruff" check --fix --select F401 --no-cache --exit-zero)")
  done
  local m_ours m_theirs
  m_ours=$(median "${ours[@]}"); m_theirs=$(median "${theirs[@]}")
  echo "$label"
  echo "  batchfix fix --select F401:            median ${m_ours}s  (runs: ${ours[*]})"
  echo "  ruff check --fix --select F401 --no-cache: median ${m_theirs}s  (runs: ${theirs[*]})"
  python3 -c "print(f'  ratio batchfix/ruff: {$m_ours / $m_theirs:.2f}')"
}

echo "batchfix: $batchfix"
echo "ruff: $("$ruff" --version)"
echo "cores: $(nproc)"
bench "stdlib 3.11 + 10,000 unused imports ($(find corpus/stdlib-3.11-10k -name '*.py' | wc -l) files)" corpus/stdlib-3.11-10k
bench "small project: 10 files, 10 unused imports" "$small"

if [ "${PROFILE:-0}" = 1 ]; then
  rm -rf "$work/run"; cp -a corpus/stdlib-3.11-10k "$work/run"
  echo "== one profiled run"
  "$batchfix" fix "$work/run" --select F401 --profile 2>&1 | tail -n 30
fi
