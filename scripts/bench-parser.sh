#!/usr/bin/env bash
# Parser throughput and peak memory, ours vs CPython 3.13's ast.parse, in the same run.
#   usage: scripts/bench-parser.sh [RUNS] [CORPUS_DIR]      (defaults: 9, corpus/stdlib-3.13)
# 1. Builds release (swift build -c release; then Benchmarks/parser-bench/ParserBench.swift compiled with
#    Sources/PythonSyntax/*.swift using the package's release flags: -Ounchecked, whole module).
# 2. Single-threaded MB/s parsing every file of the corpus from memory: medians of RUNS runs for
#    ours (on a secondary thread, as the CLI's async command and the batch processor call it; the
#    main-thread median is printed too) and for ast.parse on the same bytes; prints the ratio.
# 3. Peak memory (max RSS from /usr/bin/time -v) of loading and parsing the whole corpus once,
#    both parsers (each holds all files in memory, as in the timed runs); the bare interpreter's
#    RSS is printed as a baseline.
# The machine's cores are shared and single runs vary up to 3x: the load average is printed with
# the results; prefer more runs (the median of 9 by default) over fewer.
set -euo pipefail
root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
cd "$root"
runs=${1:-9}
corpus=${2:-corpus/stdlib-3.13}
(( runs >= 1 )) || { echo "error: RUNS must be >= 1" >&2; exit 2; }
py313="$(pyenv root)/versions/3.13.0/bin/python3"
[[ -d "$corpus" ]] || scripts/make-corpora.sh
[[ -d "$corpus" ]] || { echo "error: corpus $corpus missing" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }

scratch=.build-bench
mkdir -p "$scratch"
echo "== build (release)"
swift build -c release --scratch-path "$scratch/spm" --product batchfix 2>&1 | tail -1
swiftc -Ounchecked -wmo -parse-as-library -module-name ParserBench \
  Sources/PythonSyntax/*.swift Benchmarks/parser-bench/ParserBench.swift -o "$scratch/parser-bench"

echo "== throughput: $corpus, $runs runs each, single thread, files preloaded"
ours_all=$("$scratch/parser-bench" "$corpus" "$runs" | tee /dev/stderr)
ours=$(grep '^median_mbps=' <<<"$ours_all")
theirs=$("$py313" scripts/bench_ast_parse.py "$corpus" "$runs" | tee /dev/stderr | tail -1)
ours_mbps=$(sed -E 's/.*median_mbps=([0-9.]+).*/\1/' <<<"$ours")
theirs_mbps=$(sed -E 's/.*median_mbps=([0-9.]+).*/\1/' <<<"$theirs")
main_mbps=$(grep -oE 'main_thread_median_mbps=[0-9.]+' <<<"$ours_all" | cut -d= -f2)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ours:      $ours   (main thread: $main_mbps MB/s)"
echo "ast.parse: $theirs"
awk -v a="$ours_mbps" -v b="$theirs_mbps" 'BEGIN { printf "ratio (ours / CPython 3.13 ast.parse): %.1fx\n", a / b }'

echo "== peak memory (max RSS), whole corpus parsed once"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p'; }
corpus_mb=$(du -sm --apparent-size "$corpus" | cut -f1)
printf 'corpus on disk: %s MB\n' "$corpus_mb"
printf 'ours:      %6d MB\n' $(( $(rss "$scratch/parser-bench" "$corpus" 0) / 1024 ))
printf 'ast.parse: %6d MB\n' $(( $(rss "$py313" scripts/bench_ast_parse.py "$corpus" 0) / 1024 ))
printf 'baseline, python3.13 -c pass: %d MB\n' $(( $(rss "$py313" -c pass) / 1024 ))

if [[ -x "$scratch/spm/release/batchfix" ]] && "$scratch/spm/release/batchfix" parse --help 2>/dev/null | grep -q -- --stats; then
  echo "== cross-check: batchfix parse $corpus --stats (release CLI, one pass from memory on its async task)"
  "$scratch/spm/release/batchfix" parse "$corpus" --stats || true
fi
