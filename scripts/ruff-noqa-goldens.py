#!/usr/bin/env python3
"""Records how ruff honours `# noqa` spellings, as a golden file for BatchFix's NoqaDirective tests.

Usage: scripts/ruff-noqa-goldens.py RUFF_EXECUTABLE > Tests/BatchFixPythonTests/Fixtures/noqa-spellings.json

For every line-level spelling it writes `import mN  <comment>` and asks ruff (F401 only) whether the
line is still reported; for every file-level spelling it writes a file `import os` + the comment on
line 2 (or, for spellings marked `after-code`, after code) and asks the same.
"""
import json
import os
import subprocess
import sys
import tempfile

LINE = [
    "# noqa", "#noqa", "# NOQA", "# NoQa", "# noqa: F401", "#noqa:F401", "# noqa:F401,E501", "# noqa: E501, F401",
    "# noqa: E501 F401", "# noqa: E501,,F401", "# noqa:", "# noqa: ", "# noqa F401", "# noqa E501", "# noqa:E501",
    "# noqa : F401", "# noqa:  F401", "# type: ignore # noqa: F401", "# type: ignore  # noqa", "# foo noqa",
    "# foo noqa: F401", "# noqa: F4", "# noqa: F", "# noqa: f401", "# noqa:F401 some description", "# noqa: F401 # other",
    "# noqanot", "# noqa-F401", "#  noqa: F401", "#\tnoqa: F401", "# noqa:\tF401", "# noqa: F401: whatever",
    "# noqa: F401,", "# noqa:, F401", "## noqa: F401", "# noqa: E501; F401", "# NOQA:F401", "# noqa : E501",
    "# x # noqa", "# noqa: F401abc", "# noqa: UP035, F401", "# noqa:F401E501", "# noqa: UNKNOWN1, F401",
    "# noqa:RUF100,F401", "# noqa: F401 Some description", "# noqa: F401 - desc", "# noqa: F401.", "# noqa: F401 E50",
    "# noqa: F401 (reason)", "# noqa:F401#x", "# noqa,", "# noqa.", "#noqa!", "# noqa:F401 and F811",
    "# use \"# noqa\" here", "# noqa:E501 # noqa:F401", "# noqa:E501 # noqa", "#noqa:E501,F401", "# noqa:E501 , F401",
    "# NOQA: F401", "# noqa: F401\tE501", "#: noqa", "# noqa:F401x", "# noqa: F401 e501", "# noqa: F401, e501",
    "# noqa:F401,E", "# pragma: noqa", "# noqa#", "# noqa:F401\u00a0", "# noqa\u00a0F401", "# no qa",
    "#noqa:F401 #noqa:E501", "# NoQA: F401", "# noqa: PLC0415, F401", "# noqa: F401E", "# noqa: E501F401",
]
FILE = [
    "# ruff: noqa", "# flake8: noqa", "# ruff: noqa: F401", "# ruff: noqa: E501", "# flake8: noqa: F401",
    "# flake8: noqa: E501", "# Ruff: NoQA", "#ruff:noqa", "# ruff : noqa", "#  ruff:  noqa", "# FLAKE8: NOQA",
    "# ruff: noqa F401", "# ruff: noqa:F401,E501", "after-code:# ruff: noqa", "    # ruff: noqa",
    "# comment # ruff: noqa", "# ruff: noqa # reason", "# ruff: noqa: F401 # reason", "# flake8: noqa # reason",
    "# ruff: noqa:", "# ruff:noqa:F401", "# ruff: noqa: F4", "# ruff: noqa: F", "# ruff: NOQA", "# flake8: NoQA",
    "# ruff: NOQA: F401", "#ruff: noqa:F401 E501", "# ruff: noqa: F401,", "# ruff: noqa: F401x",
    "# ruff: noqa: Some text", "# ruff: noqa. reason", "# ruff:  noqa  :  F401",
]


def main() -> None:
    ruff = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "lines.py"), "w") as f:
            f.writelines(f"import m{i}  {c}\n" for i, c in enumerate(LINE))
        for i, c in enumerate(FILE):
            if c.startswith("after-code:"):
                src = "import os\nx = 1  " + c[len("after-code:"):] + "\n"
            elif c.startswith("    "):
                src = "import os\nif True:\n" + c + "\n    pass\n"
            else:
                src = "import os\n" + c + "\n"
            with open(os.path.join(tmp, f"file{i:03d}.py"), "w") as f:
                f.write(src)
        out = subprocess.run([ruff, "check", "--isolated", "--output-format", "json", "--select", "F401", tmp],
                             capture_output=True, text=True)
        reported = json.loads(out.stdout)
    line_rows = {d["location"]["row"] for d in reported if d["filename"].endswith("lines.py")}
    files = {os.path.basename(d["filename"]) for d in reported}
    version = subprocess.run([ruff, "--version"], capture_output=True, text=True).stdout.strip()
    result = {
        "ruff": version,
        "line": [{"comment": c, "suppressesF401": (i + 1) not in line_rows} for i, c in enumerate(LINE)],
        "file": [{"comment": c, "suppressesF401": f"file{i:03d}.py" not in files} for i, c in enumerate(FILE)],
    }
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
