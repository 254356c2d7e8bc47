#!/usr/bin/env bash
# Coverage-guided fuzzing of PythonSyntax with libFuzzer + AddressSanitizer (Swift 6.3 on Linux).
# Builds Sources/PythonSyntax/*.swift with checks on (-O, not -Ounchecked) into a fuzzer that parses,
# dumps and walks each input; seeds from the parser fixtures. Any trap or memory error is a crash file.
#   usage: scripts/parser-libfuzzer.sh [SECONDS] [WORKDIR]
set -euo pipefail
seconds=${1:-300}; work=${2:-/tmp/batchfix-libfuzzer}; src=$(realpath Sources/PythonSyntax)
mkdir -p "$work/corpus"; cd "$work"
cat > fuzz.swift <<'SWIFT'
import PythonSyntaxFuzz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let r = PythonParser.parse(Array(UnsafeBufferPointer(start: data, count: size)))
    _ = ASTDump.dump(r, path: "f.py")
    r.walk { id in _ = r.children(id); return true }
    return 0
}
SWIFT
swiftc -parse-as-library -sanitize=fuzzer,address -O -module-name PythonSyntaxFuzz -emit-library -static \
  -o libpsf.a "$src"/*.swift -emit-module -emit-module-path PythonSyntaxFuzz.swiftmodule
swiftc -parse-as-library -sanitize=fuzzer,address -O -I . fuzz.swift libpsf.a -o fuzzer
cp "$src"/../../Tests/PythonSyntaxTests/Fixtures/parser/*.py corpus/
./fuzzer corpus -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -max_len=4096
