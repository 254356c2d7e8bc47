#!/usr/bin/env python3
"""CPython's ast.parse throughput on a corpus, measured like Benchmarks/parser-bench/ParserBench.swift does ours.

usage: bench_ast_parse.py DIR [RUNS]
Reads every *.py under DIR into memory (bytes), then times ast.parse(data) over all of them RUNS
times (default 5) on one thread; prints one line per run and `median_mbps=... files=... bytes=...`.
With RUNS = 0 it parses everything once (for peak-memory measurement)."""
import ast, pathlib, statistics, sys, time

root = pathlib.Path(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
files = [p.read_bytes() for p in sorted(root.rglob("*.py"))]
total = sum(map(len, files))
errors = 0
if runs == 0:
    for data in files:
        try: ast.parse(data)
        except SyntaxError: errors += 1
    print(f"files={len(files)} bytes={total} error_files={errors}")
    sys.exit(0)
rates = []
for run in range(1, runs + 1):
    elapsed = 0.0
    errors = 0
    for data in files:
        start = time.perf_counter()
        try: ast.parse(data)
        except SyntaxError: errors += 1
        elapsed += time.perf_counter() - start
    rates.append(total / elapsed / 1e6)
    print(f"run {run}: {elapsed:.3f} s, {rates[-1]:.1f} MB/s", flush=True)
print(f"median_mbps={statistics.median(rates):.2f} files={len(files)} bytes={total} error_files={errors}")
