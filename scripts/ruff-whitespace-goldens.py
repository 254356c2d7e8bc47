#!/usr/bin/env python3
"""Records what ruff reports and fixes for W291, W293, W292 and W391 on edge-case files, as goldens for
BatchFix's whitespace checks.

Usage: scripts/ruff-whitespace-goldens.py RUFF_EXECUTABLE [FIXTURE_DIR]
(FIXTURE_DIR defaults to Tests/BatchFixPythonTests/Fixtures/whitespace)

Writes every sample below as FIXTURE_DIR/NAME.py (exact bytes) and ruff's diagnostics on it as
FIXTURE_DIR/NAME.json: a list of {code, start: [row, col], end: [row, col], fix: {applicability,
edits: [{content, start, end}]} | null}, sorted by position then code. W391 is a preview rule, so ruff
runs with `--preview`.
"""
import json
import os
import subprocess
import sys
import tempfile

SAMPLES = {
    "trailing_basic": b"x = 1  \ny = 2\t\nz = 3\n",
    "blank_with_spaces": b"x = 1\n   \n\t\ny = 2\n",
    "crlf": b"x = 1  \r\n  \r\ny = 2\r\n\r\n\r\n",
    "lone_cr": b"x = 1 \ry = 2\r",
    "no_final_newline": b"x = 1",
    "no_final_newline_trailing_space": b"x = 1  ",
    "no_final_newline_crlf_file": b"x = 1\r\ny = 2",
    "blank_lines_at_end": b"x = 1\n\n\n",
    "one_blank_line_at_end": b"x = 1\n\n",
    "whitespace_lines_at_end": b"x = 1\n  \n\t\n",
    "whitespace_no_newline_at_end": b"x = 1\n\n   ",
    "empty": b"",
    "only_newlines": b"\n\n\n",
    "only_spaces": b"   ",
    "bom": b"\xef\xbb\xbfx = 1  \n\n",
    "bom_only": b"\xef\xbb\xbf",
    "multiline_string": b's = """\nline with space  \n   \nend"""  \nt = 1\n',
    "multiline_fstring": b'v = 1\ns = f"""\n{v}  \n  \n"""\n',
    "continuation": b"x = 1 + \\\n    2  \n",
    "comment_trailing": b"# comment  \nx = 1  # c \t\n",
    "form_feed": b"x = 1\x0c\n\x0c\ny = 2 \x0c\nz = 3\x0c \n",
    "vertical_tab": b"x = 1\x0b\ny = 2\n",
    "unicode_whitespace": "x = 'é'\u00a0\ny = 2\u3000\nz = 3  \u00a0\n".encode(),
    "multibyte_before": "s = 'héllo'  \n".encode(),
    "tabs_indent": b"if True:\n\tx = 1\t\n\t\n",
    "noqa": b"x = 1  # noqa  \ny = 2  # noqa: W291 \nz = 3  # noqa: E501 \n \t # noqa\n",
    "file_noqa": b"# ruff: noqa: W291\nx = 1  \n  \n",
    "string_then_blank_end": b's = """a  \n"""\n\n\n',
    "blank_end_crlf": b"x = 1\r\n\r\n  \r\n",
    "single_quoted_continuation": b"s = 'a  \\\n  b'\n",
    "docstring": b'def f():\n    """Doc.  \n\n    More.  \n    """\n    return 1  \n',
}


def main() -> None:
    ruff = os.path.abspath(sys.argv[1]) if os.sep in sys.argv[1] else sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "Tests/BatchFixPythonTests/Fixtures/whitespace"
    os.makedirs(folder, exist_ok=True)
    for name, data in SAMPLES.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "sample.py")
            with open(path, "wb") as f:
                f.write(data)
            out = subprocess.run([ruff, "check", "--isolated", "--preview", "--select", "W291,W293,W292,W391",
                                  "--output-format", "json", path], capture_output=True, text=True)
            found = json.loads(out.stdout)
        result = []
        for d in found:
            if d["code"] not in ("W291", "W293", "W292", "W391"):
                print(f"{name}: ruff also reports {d['code']}: {d['message']}", file=sys.stderr)
                continue
            fix = d.get("fix")
            result.append({
                "code": d["code"],
                "start": [d["location"]["row"], d["location"]["column"]],
                "end": [d["end_location"]["row"], d["end_location"]["column"]],
                "fix": None if fix is None else {
                    "applicability": fix["applicability"],
                    "edits": [{"content": e["content"], "start": [e["location"]["row"], e["location"]["column"]],
                               "end": [e["end_location"]["row"], e["end_location"]["column"]]} for e in fix["edits"]],
                },
            })
        result.sort(key=lambda r: (r["start"], r["code"]))
        with open(os.path.join(folder, name + ".py"), "wb") as f:
            f.write(data)
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: " + ", ".join(f"{r['code']}@{r['start'][0]}:{r['start'][1]}" for r in result), file=sys.stderr)


if __name__ == "__main__":
    main()
