#!/usr/bin/env bash
# Engine benchmark: 10,000 synthetic issues over 1,000 files (2-10 KB each) with a one-byte agent,
# against the raw I/O floor (read the same files + atomic rewrite, same durability), medians of
# RUNS runs (default 5), each from a fresh copy. Release build in .build-engine.
#
#   scripts/bench-engine.sh                 # full comparison, fsync and rename-only
#   scripts/bench-engine.sh --jobs 4        # extra options go to `batchfix-bench bench`
#   PROFILE=1 scripts/bench-engine.sh       # also record a perf profile of engine-only runs (rename-only)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-engine --product batchfix-bench
BENCH=.build-engine/release/batchfix-bench
"$BENCH" bench --runs "${RUNS:-5}" "$@"
if [[ "${PROFILE:-0}" == 1 ]] && command -v perf >/dev/null; then
    mkdir -p bench-out
    perf record -g -o bench-out/engine.perf.data -- "$BENCH" engine-only --runs 3 --durability rename "$@" >/dev/null
    perf report -i bench-out/engine.perf.data --no-children --sort symbol --stdio 2>/dev/null | head -80
fi
