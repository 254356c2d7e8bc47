#!/usr/bin/env bash
# Coverage-guided fuzzing of PythonSyntax with libFuzzer + AddressSanitizer.
#   usage: scripts/fuzz-parser.sh [SECONDS] [extra libFuzzer flags...]     (default 60 seconds)
# Builds .build-fuzz/parser-fuzz from Fuzz/ParserFuzz.swift + Sources/PythonSyntax/*.swift:
#   swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ParserFuzz \
#          Sources/PythonSyntax/*.swift Fuzz/ParserFuzz.swift -o .build-fuzz/parser-fuzz
# seeds .build-fuzz/corpus from the test fixtures (*.py) and a sample of corpus/stdlib-3.13 (if
# present), then runs  parser-fuzz -max_total_time=SECONDS -timeout=10 -rss_limit_mb=4096
#   -max_len=65536 -dict=Fuzz/python.dict .build-fuzz/corpus
# Findings are written to .build-fuzz/artifacts/ (crash-*, timeout-*, oom-*); replay one with
#   .build-fuzz/parser-fuzz .build-fuzz/artifacts/crash-<hash>
# and minimise it with  .build-fuzz/parser-fuzz -minimize_crash=1 -runs=10000 <file>.
# To keep fuzzing past a known crash: scripts/fuzz-parser.sh SECONDS -fork=1 -ignore_crashes=1
# (every crash is still saved to the artifacts folder).
# Exit status: 0 when the run ended clean, libFuzzer's status otherwise.
set -euo pipefail
root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
cd "$root"
seconds=${1:-60}
shift || true
out=.build-fuzz
mkdir -p "$out/corpus" "$out/artifacts"
echo "== build"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ParserFuzz \
  Sources/PythonSyntax/*.swift Fuzz/ParserFuzz.swift -o "$out/parser-fuzz"
echo "== seed corpus"
# (Fixtures/crashes holds known crash reproducers: as seeds they would stop the run at once)
find Tests -name '*.py' -size -64k -not -path '*/Fixtures/crashes/*' -exec cp -n {} "$out/corpus/" \; 2>/dev/null || true
if [[ -d corpus/stdlib-3.13 ]]; then
  # a deterministic sample of small stdlib files, named by content hash so reseeding is idempotent
  find corpus/stdlib-3.13 -name '*.py' -size -16k | sort | awk 'NR % 8 == 0' | while read -r f; do
    cp "$f" "$out/corpus/$(sha1sum "$f" | cut -c1-16).py"
  done
fi
echo "seeds: $(find "$out/corpus" -type f | wc -l) files"
echo "== fuzz for $seconds s"
set +e
"$out/parser-fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -dict=Fuzz/python.dict -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$@" "$out/corpus"
status=$?
set -e
if (( status == 0 )); then echo "== clean: $seconds s without a finding"; else echo "== finding: see $out/artifacts/" >&2; fi
exit $status
