#!/usr/bin/env python3
"""Records ruff's I001 diagnostics and fixes on sample files, as goldens for BatchFix's UnsortedImportsCheck.

Usage: scripts/ruff-i001-goldens.py RUFF_EXECUTABLE [FIXTURE_DIR]
(FIXTURE_DIR defaults to Tests/BatchFixPythonTests/Fixtures/i001)

Writes each sample as NAME.py and ruff's I001 findings as NAME.json ({start, end, fix: [{content,
start, end}]}). Samples named `decline_*` hold constructs the check does not model (comments in or
next to a block, `;`, `isort:` directives): there BatchFix may report less than ruff,
never something else.
"""
import json
import os
import subprocess
import sys
import tempfile

SAMPLES = {
    "sorted": b"import os\nimport sys\n\nx = 1\n",
    "unsorted": b"import sys\nimport os\n\nx = 1\n",
    "missing_blank_line": b"import os\nimport sys\nx = 1\n",
    "too_many_blank_lines": b"import os\nimport sys\n\n\n\nx = 1\n",
    "before_def": b"import sys\nimport os\ndef f():\n    pass\n",
    "before_def_sorted": b"import os\nimport sys\n\n\ndef f():\n    pass\n",
    "before_class_one_blank": b"import os\n\nclass A:\n    pass\n",
    "before_decorator": b"import os\n@dec\ndef f():\n    pass\n",
    "before_async_def": b"import os\nasync def f():\n    pass\n",
    "at_end_of_file": b"import sys\nimport os\n",
    "at_end_sorted_blank_lines": b"import os\nimport sys\n\n\n",
    "sections": b"import requests\nimport os\nfrom . import sibling\nfrom __future__ import annotations\nx = 1\n",
    "sections_sorted": b"from __future__ import annotations\n\nimport os\n\nimport requests\n\nfrom . import sibling\n\nx = 1\n",
    "blank_inside_section": b"import os\n\nimport sys\n\nx = 1\n",
    "merge_from": b"from os import path\nfrom os import sep\nx = 1\n",
    "split_import": b"import os, sys\nx = 1\n",
    "duplicates": b"import os\nimport os\nx = 1\n",
    "docstring_first": b'"""Doc."""\nimport sys\nimport os\n\nclass A:\n    pass\n',
    "two_blocks": b"import sys\nimport os\nx = 1\nimport b\nimport a\ny = 2\n",
    "wrapping": b"from m import aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccc, dddddddddddd\nx = 1\n",
    "parenthesised_sorted": b"from m import (\n    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n)\n\nx = 1\n",
    "parenthesised_short": b"from m import (a,\n    b)\nx = 1\n",
    "crlf": b"import sys\r\nimport os\r\n\r\nx = 1\r\n",
    "members": b"from m import c, B, A_CONST\n\nx = 1\n",
    "relative": b"from . import b\nfrom .. import a\nx = 1\n",
    "comment_inside": b"import sys\n# about os\nimport os\nx = 1\n",
    "trailing_comment": b"import sys  # why\nimport os\nx = 1\n",
    "trailing_comments_spacing": b"import b # tb\nimport a    # ta\nx = 1\n",
    "comment_inside_blank_after": b"import b\n# c\n\nimport a\nx = 1\n",
    "comment_inside_two_lines": b"import b\n# c1\n# c2\nimport a\nx = 1\n",
    "comment_inside_new_section": b"import os\n# c\nimport requests\nx = 1\n",
    "comment_inside_indented": b"import b\n    # indented c\nimport a\nx = 1\n",
    "comment_nested": b"def f():\n    import b  # tb\n    # above a\n    import a\n    return 1\n",
    "comment_inside_not_first": b"import b\nimport a\n# c\nimport c\nx = 1\n",
    "comment_before_from": b"import sys\nimport os\n# c\nfrom os import path\nx = 1\n",
    "comment_first_from": b"from c import d\n# c\nfrom a import b\nx = 1\n",
    "decline_comment_merged": b"from m import b  # c\nfrom m import a\nx = 1\n",
    "decline_comment_split": b"import a, b  # c\nx = 1\n",
    "decline_comment_duplicate": b"import os  # c\nimport os\nx = 1\n",
    "comment_after": b"import os\nimport sys\n# comment\nx = 1\n",
    "comment_after_attached_to_def": b"import os\n\n# c\ndef f():\n    pass\n",
    "comment_after_free_before_def": b"import os\n# c\n\ndef f():\n    pass\n",
    "comment_after_two_blank": b"import os\n\n\n# c\ndef f():\n    pass\n",
    "comment_after_many_blank": b"import os\n\n\n\n# c\nx = 1\n",
    "backslash": b"from m import b, \\\n    a\nx = 1\n",
    "comment_above": b"# header\nimport sys\nimport os\nx = 1\n",
    "decline_semicolon": b"import sys; import os\nx = 1\n",
    "magic_comma": b"from m import (b, a,)\nx = 1\n",
    "magic_comma_sorted": b"from m import (\n    a,\n    b,\n)\n\nx = 1\n",
    "nested": b"def f():\n    import sys\n    import os\n    return 1\n",
    "nested_blank_lines": b"def f():\n    import sys\n\n    import os\n\n    return 1\n",
    "nested_at_end_of_suite": b"if True:\n    import sys\n    import os\nx = 1\n",
    "nested_wrapping": b"def f():\n    from m import aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccc, ddddddd\n    return 1\n",
    "nested_after_if": b"import os\nif os:\n    import sys\n    import abc\n    y = 1\n",
    "decline_isort_skip": b"import sys\nimport os  # isort: skip\nx = 1\n",
    "decline_no_final_newline": b"import sys\nimport os",
}


def main() -> None:
    ruff = os.path.abspath(sys.argv[1]) if os.sep in sys.argv[1] else sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "Tests/BatchFixPythonTests/Fixtures/i001"
    os.makedirs(folder, exist_ok=True)
    for name, data in SAMPLES.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "sample.py")
            with open(path, "wb") as f:
                f.write(data)
            out = subprocess.run([ruff, "check", "--isolated", "--select", "I001", "--output-format", "json", "sample.py"],
                                 capture_output=True, text=True, cwd=tmp)
            found = json.loads(out.stdout)
        result = [{
            "start": [d["location"]["row"], d["location"]["column"]],
            "end": [d["end_location"]["row"], d["end_location"]["column"]],
            "fix": [{"content": e["content"], "start": [e["location"]["row"], e["location"]["column"]],
                     "end": [e["end_location"]["row"], e["end_location"]["column"]]} for e in d["fix"]["edits"]],
        } for d in found]
        with open(os.path.join(folder, name + ".py"), "wb") as f:
            f.write(data)
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: {len(result)}", file=sys.stderr)


if __name__ == "__main__":
    main()
