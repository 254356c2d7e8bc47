#!/usr/bin/env python3
"""Explains each F401 that ruff would still fix in BatchFix's output: which documented rule of
RELIABILITY.md made BatchFix keep the import. Exit status 1 when some have no such reason.

usage: f401_kept_reasons.py LEFT.json ROOT   (LEFT.json: `ruff check --select F401 --output-format json ROOT`)
"""
import ast
import collections
import io
import json
import re
import sys
import tokenize

DYNAMIC = {"globals", "locals", "eval", "exec"}


def reasons_for(path, row, message):
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source)
    names = set()
    strings_and_type_comments = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME:
            names.add(tok.string)
        elif tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            strings_and_type_comments.update(re.findall(r"\w+", tok.string))
        elif tok.type == tokenize.COMMENT and "type:" in tok.string:
            strings_and_type_comments.update(re.findall(r"\w+", tok.string))
    # The import statement and binding at `row`.
    node = next((n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and n.lineno <= row <= n.end_lineno), None)
    bound = None
    if node is not None:
        for alias in node.names:
            name = alias.asname or alias.name.split(".")[0]
            qualified = alias.name if isinstance(node, ast.Import) else "." * node.level + (f"{node.module}." if node.module else "") + alias.name
            if ("`" + qualified + "`") in message or (alias.asname and alias.asname in message):
                bound = name
        if bound is None and len(node.names) == 1:
            bound = node.names[0].asname or node.names[0].name.split(".")[0]
    module_level = node is not None and node in tree.body or any(node in getattr(n, "body", []) + getattr(n, "orelse", []) + getattr(n, "finalbody", []) for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    out = []
    if path.endswith("__init__.py"):
        out.append("__init__.py re-export: reported, not removed (U02)")
    bare_vars = re.search(r"\bvars\(\s*\)", source) is not None
    getattr_def = any(isinstance(n, ast.FunctionDef) and n.name == "__getattr__" for n in tree.body)
    if module_level and ((names & DYNAMIC) or bare_vars or getattr_def):
        out.append("dynamic name access in the file: globals/locals/eval/exec/vars()/__getattr__ (U21)")
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and n.id == "__all__":
            parent_values = [p for p in ast.walk(tree) if isinstance(p, (ast.Assign, ast.AugAssign)) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in (p.targets if isinstance(p, ast.Assign) else [p.target]))]
            for p in parent_values:
                if not isinstance(p.value, (ast.List, ast.Tuple)) or not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in p.value.elts):
                    out.append("computed __all__ (U04-U07)")
                    break
            break
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("extend", "append") \
                and isinstance(n.func.value, ast.Name) and n.func.value.id == "__all__":
            literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str) or
                          isinstance(a, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in a.elts) for a in n.args)
            if not literal:
                out.append("computed __all__ (U04-U07)")
                break
    if bound and bound in strings_and_type_comments:
        out.append("name used in a string or # type: comment (U08-U13, U22)")
    for n in ast.walk(tree):
        if isinstance(n, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            handlers = [h for h in n.handlers if h.type is None or any(isinstance(x, ast.Name) and x.id in ("ImportError", "ModuleNotFoundError", "Exception", "BaseException") for x in ast.walk(h.type))]
            spans = [(s.lineno, s.end_lineno) for s in n.body] if handlers else []
            spans += [(s.lineno, s.end_lineno) for h in handlers for s in h.body if h.type is not None and any(isinstance(x, ast.Name) and x.id in ("ImportError", "ModuleNotFoundError") for x in ast.walk(h.type))]
            if any(a <= row <= b for a, b in spans):
                out.append("guarded by try/except ImportError (U14-U16)")
        if isinstance(n, ast.ClassDef) and any(isinstance(s, (ast.Import, ast.ImportFrom)) and s.lineno <= row <= s.end_lineno for s in n.body):
            out.append("class attribute (class-body import)")
        if isinstance(n, ast.If) and any(w in ast.unparse(n.test) for w in ("version_info", "platform")) and n.lineno < row <= n.end_lineno:
            out.append("version- or platform-dependent import (U16)")
    line = source.splitlines()[row - 1] if row - 1 < len(source.splitlines()) else ""
    if "noqa" in line:
        out.append("noqa")
    return out


_PROJECT = None


def project_reads(root):
    """(module, name) pairs other files read: `from module import name`, and `module.name` in the text."""
    global _PROJECT
    if _PROJECT is None:
        imported_from, texts = set(), {}
        for path in __import__("pathlib").Path(root).rglob("*.py"):
            rel = str(path)[len(root):]
            try:
                source = path.read_text(encoding="utf-8")
                tree = ast.parse(source)
            except (SyntaxError, UnicodeDecodeError):
                continue
            texts[rel] = source
            package = rel[:-3].replace("/", ".").rsplit(".", 1)[0] if "/" in rel else ""
            for n in ast.walk(tree):
                if isinstance(n, ast.ImportFrom):
                    module = n.module or ""
                    if n.level:
                        base = package.split(".") if package else []
                        base = base[: len(base) - (n.level - 1)] if n.level > 1 else base
                        module = ".".join(base + ([module] if module else []))
                    for alias in n.names:
                        imported_from.add((rel, module, alias.name))
        _PROJECT = (imported_from, texts)
    return _PROJECT


def read_elsewhere(root, rel, bound):
    module = rel[:-3].replace("/", ".")
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")]
    imported_from, texts = project_reads(root)
    if any(r != rel and m == module and (n == bound or n == "*") for r, m, n in imported_from):
        return True
    last = module.rsplit(".", 1)[-1]
    pattern = re.compile(r"\b" + re.escape(last) + r"\." + re.escape(bound) + r"\b")
    return any(r != rel and pattern.search(t) for r, t in texts.items())


def main():
    left = json.load(open(sys.argv[1]))
    root = sys.argv[2].rstrip("/") + "/"
    fixable = [d for d in left if d.get("fix") and d["fix"].get("applicability") == "safe"]
    counts = collections.Counter()
    unexplained = []
    for d in fixable:
        why = reasons_for(d["filename"], d["location"]["row"], d["message"])
        if not why:
            bound = re.search(r"`([^`]+)`", d["message"]).group(1).rsplit(".", 1)[-1]
            rel = d["filename"][len(root):]
            if bound.startswith("__") and bound.endswith("__"):
                why = ["module metadata dunder (`from _mod import __doc__`)"]
            elif read_elsewhere(root, rel, bound):
                why = ["read from this module by another project file: a re-export (U22)"]
        counts[why[0] if why else "UNEXPLAINED"] += 1
        if not why:
            unexplained.append(d)
    print(f"F401 ruff would still fix in our output: {len(fixable)}; kept for these documented reasons:")
    for reason, count in counts.most_common():
        print(f"  {count:6d}  {reason}")
    for d in unexplained[:40]:
        print(f"  unexplained: {d['filename'][len(root):]}:{d['location']['row']}: {d['message']}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
