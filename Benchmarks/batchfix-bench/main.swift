// Engine benchmark: written in the engine-tests work (see scripts/bench-engine.sh).
print("batchfix-bench: not built yet")
