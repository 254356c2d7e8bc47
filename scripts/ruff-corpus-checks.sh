#!/usr/bin/env bash
# Corpus-scale checks of the Python pack against ruff (opt-in Swift tests fed with real data):
#   1. I001: on corpus/stdlib-3.11 and corpus/stdlib-3.11-10k, every finding of UnsortedImportsCheck
#      must equal one of ruff's (`ruff check --select I001`), fix included; prints how many of ruff's
#      findings we reproduce.
#   2. noqa: the token-based and byte-scan NoqaIndex agree on every corpus file.
#   3. ruff JSON import: `ruff check --select ALL --output-format json` over the corpus imports whole.
#
#   usage: scripts/ruff-corpus-checks.sh
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$top/corpus/checks"
mkdir -p "$out"
status=0
run_test() { # FILTER, then env assignments
  local filter=$1; shift
  env "$@" swift test --scratch-path .build-python --filter "$filter" >"$out/test.log" 2>&1 || status=1
  grep -E "^I001 corpus|^noqa agreement|^imported|✘|✔ Test run" "$out/test.log" | cut -c1-400
}
for corpus in stdlib-3.11 stdlib-3.11-10k; do
  (cd "corpus/$corpus" && "$top/.venv/bin/ruff" check --isolated --no-cache --select I001 --exit-zero --output-format json . >"$out/i001-$corpus.json")
  echo "== I001 on $corpus"
  run_test UnsortedImportsCorpusTests BATCHFIX_I001_CORPUS="$top/corpus/$corpus" BATCHFIX_I001_REPORT="$out/i001-$corpus.json"
done
echo "== noqa index agreement on stdlib-3.11"
run_test NoqaIndexAgreementTests BATCHFIX_CORPUS="$top/corpus/stdlib-3.11"
echo "== ruff JSON import of a --select ALL report"
"$top/.venv/bin/ruff" check --isolated --no-cache --select ALL --exit-zero --output-format json "$top/corpus/stdlib-3.11" >"$out/all.json" 2>/dev/null
run_test RuffLargeReportTests BATCHFIX_RUFF_REPORT="$out/all.json" BATCHFIX_RUFF_ROOT="$top/corpus/stdlib-3.11"
exit $status
