#!/usr/bin/env python3
"""Records ruff's I001 fix of every sample import block, as goldens for BatchFix's import order tests.

Usage: scripts/ruff-isort-goldens.py RUFF_EXECUTABLE [FIXTURE_DIR]
(FIXTURE_DIR defaults to Tests/BatchFixPythonTests/Fixtures/isort)

For each `NAME.py` in FIXTURE_DIR it copies the project layout FIXTURE_DIR/../isort-project (first-party
candidates: packages, modules, a stub, an extension module, a namespace folder, `src/`) to a temp folder,
adds the sample as `sample.py`, runs
`ruff check --isolated --select I001 --fix` with `known-first-party = ["knownfp"]` and the target
version named by a `# target: pyXY` line (default: ruff's own default), and writes `NAME.json`:
  input:     the sample's import statements ({"kind": "import", "module", "asname"} per alias, or
             {"kind": "from", "module", "level", "names": [[name, asname], ...]}), from `ast`;
  expected:  ruff's fixed block as sections (split at blank lines) of one-line statements;
  fixed_text: ruff's fixed file without the leading comment lines (the block as ruff writes it);
"""
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile



def statements(tree: ast.Module) -> list[dict]:
    out = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                out.append({"kind": "import", "module": alias.name, "asname": alias.asname})
        elif isinstance(node, ast.ImportFrom):
            out.append({"kind": "from", "module": node.module, "level": node.level,
                        "names": [[a.name, a.asname] for a in node.names]})
    return out


def one_line(node: ast.stmt) -> str:
    if isinstance(node, ast.Import):
        assert len(node.names) == 1, "ruff writes one module per import statement"
        a = node.names[0]
        return f"import {a.name}" + (f" as {a.asname}" if a.asname else "")
    assert isinstance(node, ast.ImportFrom)
    names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in node.names)
    return f"from {'.' * node.level}{node.module or ''} import {names}"


def main() -> None:
    ruff = os.path.abspath(sys.argv[1]) if os.sep in sys.argv[1] else sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "Tests/BatchFixPythonTests/Fixtures/isort"
    version = subprocess.run([ruff, "--version"], capture_output=True, text=True).stdout.strip()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        source = open(os.path.join(folder, name), encoding="utf-8").read()
        target = re.search(r"^# target: (py\d+)", source, re.M)
        with tempfile.TemporaryDirectory() as tmp:
            project = os.path.join(tmp, "project")
            shutil.copytree(os.path.join(folder, "..", "isort-project"), project)
            tmp = project
            path = os.path.join(tmp, "sample.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(source)
            args = [ruff, "check", "--isolated", "--select", "I001", "--fix", "--config",
                    'lint.isort.known-first-party = ["knownfp"]']
            if target:
                args += ["--target-version", target.group(1)]
            subprocess.run(args + ["sample.py"], cwd=tmp, capture_output=True, text=True)
            fixed = open(path, encoding="utf-8").read()
        sections, current = [], []
        body = [line for line in fixed.splitlines() if not line.startswith("#")]
        tree = ast.parse(fixed)
        nodes = {n.lineno: n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))}
        for lineno, line in enumerate(fixed.splitlines(), start=1):
            if not line.strip():
                if current:
                    sections.append(current)
                    current = []
            elif lineno in nodes:
                current.append(one_line(nodes[lineno]))
        if current:
            sections.append(current)
        golden = {
            "ruff": version,
            "target": target.group(1) if target else None,
            "known_first_party": ["knownfp"],
            "input": statements(ast.parse(source)),
            "expected": sections,
            "fixed_text": "".join(line for line in fixed.splitlines(keepends=True) if not line.startswith("#")),
        }
        with open(os.path.join(folder, name[:-3] + ".json"), "w", encoding="utf-8") as f:
            json.dump(golden, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: {sum(map(len, sections))} statements in {len(sections)} sections", file=sys.stderr)


if __name__ == "__main__":
    main()
