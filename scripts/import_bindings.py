#!/usr/bin/env python3
"""Compares the import bindings left in two fixed copies of one corpus (e.g. ruff's and BatchFix's F401 fix).

usage: scripts/import_bindings.py REFERENCE_DIR CANDIDATE_DIR [--list N] [--json OUT]

For every .py file present in both trees it collects each binding an import statement creates,
keyed by scope (e.g. `module`, `module.Class.method`), module, imported name and bound name —
line numbers are left out, since the two fixes move lines differently — and compares the multisets.
Prints: files compared, files differing, bindings only in REFERENCE (the candidate removed more) and
only in CANDIDATE (the candidate kept more), files that fail to parse in either tree, and the first N
differences with their file (default 40). Exit status 0 when the trees bind the same imports, 1 if not.
"""
import ast
import collections
import json
import pathlib
import sys


class Bindings(ast.NodeVisitor):
    def __init__(self) -> None:
        self.scope = ["module"]
        self.found: collections.Counter = collections.Counter()

    def _scoped(self, node, name: str) -> None:
        self.scope.append(name)
        self.generic_visit(node)
        self.scope.pop()

    def visit_FunctionDef(self, node):
        self._scoped(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._scoped(node, node.name)

    def visit_Lambda(self, node):
        self._scoped(node, "<lambda>")

    def visit_Import(self, node):
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            self.found[(".".join(self.scope), "import", alias.name, "", bound)] += 1

    def visit_ImportFrom(self, node):
        module = "." * node.level + (node.module or "")
        for alias in node.names:
            self.found[(".".join(self.scope), "from", module, alias.name, alias.asname or alias.name)] += 1


def bindings(path: pathlib.Path):
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (SyntaxError, ValueError) as error:
        return None, f"{error.__class__.__name__}: {error}"
    visitor = Bindings()
    visitor.visit(tree)
    return visitor.found, None


def describe(key) -> str:
    scope, kind, module, name, bound = key
    text = f"import {module}" if kind == "import" else f"from {module} import {name}"
    if (kind == "import" and bound != module.split(".")[0]) or (kind == "from" and bound != name):
        text += f" as {bound}"
    return f"[{scope}] {text}"


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    reference, candidate = pathlib.Path(args[0]), pathlib.Path(args[1])
    limit = int(args[args.index("--list") + 1]) if "--list" in args else 40
    ref_files = {p.relative_to(reference) for p in reference.rglob("*.py")}
    cand_files = {p.relative_to(candidate) for p in candidate.rglob("*.py")}
    common = sorted(ref_files & cand_files)
    only_ref = only_cand = 0
    differing = []
    broken = []
    rows = []
    for rel in common:
        ref, ref_error = bindings(reference / rel)
        cand, cand_error = bindings(candidate / rel)
        if ref_error or cand_error:
            broken.append((str(rel), ref_error, cand_error))
            continue
        if ref == cand:
            continue
        differing.append(str(rel))
        for key, count in (ref - cand).items():
            only_ref += count
            rows.append((str(rel), "removed by candidate only", describe(key), count))
        for key, count in (cand - ref).items():
            only_cand += count
            rows.append((str(rel), "kept by candidate only", describe(key), count))
    print(f"files compared: {len(common)} (only in reference: {len(ref_files - cand_files)}, only in candidate: {len(cand_files - ref_files)})")
    print(f"files that do not parse: {len(broken)}")
    for rel, ref_error, cand_error in broken[:limit]:
        print(f"  {rel}: reference: {ref_error or 'ok'}; candidate: {cand_error or 'ok'}")
    print(f"files with different import bindings: {len(differing)}")
    print(f"bindings the candidate removed and the reference kept: {only_ref}")
    print(f"bindings the candidate kept and the reference removed: {only_cand}")
    for rel, what, text, count in rows[:limit]:
        print(f"  {rel}: {what}: {text}" + (f" (x{count})" if count > 1 else ""))
    if len(rows) > limit:
        print(f"  ... {len(rows) - limit} more (use --list N)")
    if "--json" in args:
        out = pathlib.Path(args[args.index("--json") + 1])
        out.write_text(json.dumps({"differing_files": differing, "broken": broken, "rows": rows}, indent=1))
    return 0 if not differing and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
