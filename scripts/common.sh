# Shared set-up of the ruff scripts (source it): the repository root, ruff in .venv, the corpora,
# and the batchfix binary to measure.
#   top, shared      repository root and ../shared beside it
#   ruff             .venv/bin/ruff (installed from PyPI when missing)
#   batchfix         $BATCHFIX, or a release build
top=$(git rev-parse --show-toplevel)
shared="$top/../shared"
cd "$top"

if [ ! -x .venv/bin/ruff ]; then
  python3 -m venv .venv && .venv/bin/pip install -q ruff || { echo "cannot install ruff" >&2; exit 2; }
fi
ruff="$top/.venv/bin/ruff"

mkdir -p corpus
[ -d corpus/stdlib-3.11 ] || bash "$shared/corpus/make-stdlib-corpus.sh" corpus/stdlib-3.11
[ -d corpus/stdlib-3.11-10k ] || python3 "$shared/corpus/inject.py" corpus/stdlib-3.11 corpus/stdlib-3.11-10k 10000

# The binary under test (only built when a script asks for it).
release_batchfix() {
  batchfix=${BATCHFIX:-}
  if [ -z "$batchfix" ]; then
    swift build -c release --product batchfix >/dev/null || { echo "release build failed" >&2; exit 2; }
    batchfix="$(swift build -c release --show-bin-path)/batchfix"
  fi
}
