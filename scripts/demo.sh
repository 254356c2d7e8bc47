#!/usr/bin/env bash
# Runs `batchfix fix` on a temporary copy of the bundled demo project and shows what changed.
# The repository itself is never modified.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --package-path "$repo" --product batchfix 2>&1 | tail -n 1
bin="$repo/.build/release/batchfix"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/Examples/demo-project" "$work/demo-project"
echo "== batchfix check (what the built-in checks find)"
"$bin" check "$work/demo-project" || true
echo
echo "== batchfix fix --diff (fixes, verified and written to the temp copy)"
status=0
"$bin" fix "$work/demo-project" --diff --profile || status=$?
echo
echo "== batchfix check again"
"$bin" check "$work/demo-project" || true
echo "(exit code of fix: $status; the demo ran in $work, now removed)"
