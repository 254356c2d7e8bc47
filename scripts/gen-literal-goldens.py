#!/usr/bin/env python3
"""Differential goldens for PythonLiteral: literal tokens and CPython 3.13's values for them.

usage: $(pyenv root)/versions/3.13.0/bin/python3 scripts/gen-literal-goldens.py
writes Tests/PythonSyntaxTests/Fixtures/literals/{strings,numbers,identifiers}.jsonl

Every line is one JSON object. The expected values come from CPython itself (ast.parse of a
source containing the literal); a case whose literal CPython reads differently from what we
meant (e.g. the token is split) is dropped, never guessed. Seeded: reruns give the same files.
  strings.jsonl:     {"kind": "str"|"bytes", "raw": b, "f": b, "body": text, "want": dump-text | null (error)}
  numbers.jsonl:     {"kind": "int"|"float"|"imag", "token": text, "want": dump-text | null (invalid)}
  identifiers.jsonl: {"id": text, "want": json.dumps(NFKC(id))}
"""
import ast, json, pathlib, random, re, struct, sys, unicodedata, warnings

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"
warnings.simplefilter("ignore")
root = pathlib.Path(__file__).resolve().parent.parent
out_dir = root / "Tests/PythonSyntaxTests/Fixtures/literals"
out_dir.mkdir(parents=True, exist_ok=True)
rng = random.Random(20261129)

def dump_scalar(v):
    if isinstance(v, str): return json.dumps(v, ensure_ascii=True)
    if isinstance(v, bytes): return "b'" + v.hex() + "'"
    return repr(v)

# ---------------------------------------------------------------- strings and bytes
stdlib_names = set()
for p in pathlib.Path(sys.prefix, "lib", "python3.13").rglob("*.py"):
    try: text = p.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError): continue
    stdlib_names.update(re.findall(r"\\N\{([^}\n]*)\}", text))

common = ["a", "b", "Z", " ", "'", "\\\"", "x", "0", "7", "8", "9", "é", "€", "𝄞", "\n", "\r\n", "\r", "\t", "{{", "}}"]
escapes = ["\\\\", "\\'", "\\\"", "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\0", "\\7", "\\12", "\\123",
           "\\377", "\\400", "\\777", "\\1234", "\\8", "\\9", "\\d", "\\q", "\\ ", "\\é", "\\€", "\\\n", "\\\r\n", "\\\r",
           "\\x41", "\\xff", "\\xFf", "\\x4", "\\xg0", "\\x", "\\u0041", "\\u20ac", "\\uD800", "\\udc80", "\\u12", "\\u",
           "\\U0001F600", "\\U0010FFFF", "\\U00110000", "\\UFFFFFFFF", "\\U0001f60", "\\N{DASH}", "\\N{EM DASH}",
           "\\N{em dash}", "\\N{LATIN SMALL LETTER A}", "\\N{BOM}", "\\N{NUL}", "\\N{LF}", "\\N{nbsp}", "\\N{}", "\\N",
           "\\N{", "\\N{DASH", "\\N{HANGUL SYLLABLE GA}", "\\N{HANGUL SYLLABLE GAG}", "\\N{HANGUL SYLLABLE A}",
           "\\N{hangul syllable ga}", "\\N{Hangul Syllable GA}", "\\N{HANGUL SYLLABLE GGX}", "\\N{CJK UNIFIED IDEOGRAPH-4E00}",
           "\\N{cjk unified ideograph-4E00}", "\\N{CJK UNIFIED IDEOGRAPH-4e00}", "\\N{CJK UNIFIED IDEOGRAPH-2EE5D}",
           "\\N{CJK UNIFIED IDEOGRAPH-2EE5E}", "\\N{CJK UNIFIED IDEOGRAPH-04E00}", "\\N{TANGUT IDEOGRAPH-17000}",
           "\\N{CJK COMPATIBILITY IDEOGRAPH-F900}", "\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}",
           "\\N{BYZANTINE MUSICAL SYMBOL FHTORA SKLIRON CHROMA VASIS}", "\\N{SPACE }", "\\N{ SPACE}", "\\{", "\\}", "\\{{", "\\}}"]
escapes += ["\\N{%s}" % n for n in sorted(stdlib_names)]
for _ in range(300):  # random real names, odd casing
    cp = rng.randrange(0x20, 0x32000)
    n = unicodedata.name(chr(cp), None)
    if n:
        n = "".join(c.lower() if rng.random() < 0.3 else c for c in n)
        escapes.append("\\N{%s}" % n)

def str_case(kind, raw, f, body):
    prefix = ("r" if raw else "") + ("f" if f else "") + ("b" if kind == "bytes" else "")
    if body.endswith("\\") and (len(body) - len(body.rstrip("\\"))) % 2 == 1 and not f:
        return None
    src = (prefix + '"""' + body + '"""').encode("utf-8")
    try:
        tree = ast.parse(src, mode="eval")
    except SyntaxError:
        return {"kind": kind, "raw": raw, "f": f, "body": body, "want": None}
    node = tree.body
    if f:
        if not isinstance(node, ast.JoinedStr) or len(node.values) > 1: return None
        value = node.values[0].value if node.values else ""
        if node.values and not isinstance(node.values[0], ast.Constant): return None
    else:
        if not isinstance(node, ast.Constant): return None
        value = node.value
    return {"kind": kind, "raw": raw, "f": f, "body": body, "want": dump_scalar(value)}

str_cases = []
for e in escapes:  # every escape alone, in str and raw str
    for raw in (False, True):
        str_cases.append(str_case("str", raw, False, e))
        str_cases.append(str_case("str", raw, False, "a" + e + "z"))
for _ in range(1800):
    kind = rng.choice(["str", "str", "str", "bytes"])
    raw = rng.random() < 0.25
    f = kind == "str" and rng.random() < 0.25
    pieces = [rng.choice(escapes if rng.random() < 0.5 else common) for _ in range(rng.randrange(0, 7))]
    if not f:
        pieces = [p.replace("{{", "{").replace("}}", "}") for p in pieces]
    body = "".join(pieces)
    if f and re.search(r"(?<![{}])[{}](?![{}])", body.replace("{{", "").replace("}}", "")):
        continue
    str_cases.append(str_case(kind, raw, f, body))
for e in ["\\x41", "\\xff", "\\x4", "\\xzz", "\\x", "\\777", "\\u0041", "\\N{DASH}", "é", "\\é", "abc\\\r\ndef"]:
    for raw in (False, True):
        str_cases.append(str_case("bytes", raw, False, e))
str_cases = [c for c in str_cases if c is not None]

# ---------------------------------------------------------------- numbers
def num_case(kind, token):
    try:
        tree = ast.parse(token, mode="eval")
    except (SyntaxError, ValueError):
        return {"kind": kind, "token": token, "want": None}
    node = tree.body
    types = {"int": int, "float": float, "imag": complex}
    ok = isinstance(node, ast.Constant) and type(node.value) is types[kind] and node.end_col_offset == len(token.encode())
    return {"kind": kind, "token": token, "want": dump_scalar(node.value) if ok else None}

def sprinkle(s):  # random single underscores between digits
    out = []
    for i, c in enumerate(s):
        out.append(c)
        if c.isalnum() and i + 1 < len(s) and s[i + 1].isalnum() and rng.random() < 0.15 and c not in "xXoObBeEjJ" and s[i + 1] not in "eEjJ":
            out.append("_")
    return "".join(out)

num_cases = []
ints = ["0", "00", "0_0", "007", "0777", "1", "1_000", "1__0", "1_", "_1", "0x_ff", "0xFF", "0x", "0x_", "0x__f", "0o17",
        "0O17", "0o8", "0b1", "0B10", "0b2", "0b_1_0", "9" * 30, "1" + "0" * 4299, "1" + "0" * 4300, "0x" + "f" * 400,
        "0o" + "7" * 300, "0b" + "1" * 700, "0x" + "0" * 30 + "1", "18446744073709551615", "18446744073709551616",
        "0xffffffffffffffff", "0x10000000000000000", "0o1777777777777777777777", "0o2000000000000000000000", "12L", "1j", "1.0"]
for t in ints: num_cases.append(num_case("int", t))
for _ in range(1200):
    base = rng.choice([2, 8, 10, 16])
    v = rng.getrandbits(rng.choice([3, 8, 31, 32, 63, 64, 65, 100, 300]))
    t = {2: bin, 8: oct, 10: str, 16: hex}[base](v)
    if base != 10 and rng.random() < 0.3: t = t[:2].upper() + t[2:].upper()
    if base != 10 and rng.random() < 0.2: t = t[:2] + "_" + t[2:]
    num_cases.append(num_case("int", sprinkle(t)))
floats = ["1.", ".5", "1.5", "0.0", "00.0", "0e0", "1e16", "1e15", "1e-5", "1e-4", "0.0001", "0.00001", "1e400", "1e-400",
          "5e-324", "2e-324", "3e-324", "1.7976931348623157e+308", "1.7976931348623159e+308", "0.1", "1e22", "1e23",
          "123456789012345678.0", "9007199254740993.0", "1_0.5e3", "1_0.0_1e1_0", "1__0.0", "1_.0", "1._0", "1.0_", "1e_1",
          "1e1_0", "1E+05", "1e-0_5", ".", "e1", "1e", "1e+", "1.e5", ".e5", "010.5", "0777.0", "0777e1", "1.5j",
          "2.2250738585072014e-308", "2.225073858507201e-308", "4.9406564584124654e-324", "1" * 400 + ".0",
          "0." + "0" * 300 + "1", "123.456e-310", "100000000000000000000.0", "999999999999999999999.0", "1e308", "1e309"]
for t in floats: num_cases.append(num_case("float", t))
for _ in range(2500):
    r = rng.random()
    if r < 0.4:
        bits = rng.getrandbits(64)
        v = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if v != v or v in (float("inf"), float("-inf")): continue
        v = abs(v)
    elif r < 0.6:
        v = rng.uniform(0, 10 ** rng.randrange(-10, 25))
    elif r < 0.7:
        v = struct.unpack("<d", struct.pack("<Q", rng.randrange(1, 1 << 52)))[0]  # subnormal
    else:
        v = float(rng.randrange(0, 10 ** rng.randrange(1, 20))) / 10 ** rng.randrange(0, 25)
    fmt = rng.choice(["r", "r", ".17g", ".3f", ".12e", ".25e", ".1e", ".20f"])
    t = repr(v) if fmt == "r" else format(v, fmt)
    if "e" not in t and "." not in t: t += "."
    num_cases.append(num_case("float", sprinkle(t)))
imags = ["10j", "0j", "1.5J", "1e400j", "1e16j", "1e15j", "1e-5j", "0.0j", "00j", "0777j", "1_0j", "1__0j", "1.j", ".5j",
         "1e5j", "5e-324j", "1jj", "j", "0x1j", "1_j"]
for t in imags: num_cases.append(num_case("imag", t))
for _ in range(600):
    v = abs(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]) if rng.random() < 0.5 else float(rng.randrange(0, 10 ** rng.randrange(1, 20)))
    if v != v or v == float("inf"): continue
    t = rng.choice([repr(v), format(v, ".6g"), str(int(v)) if v < 1e25 else repr(v)])
    num_cases.append(num_case("imag", sprinkle(t) + rng.choice("jJ")))

# ---------------------------------------------------------------- identifiers
changing = [chr(c) for c in range(0x80, 0x110000)
            if unicodedata.normalize("NFKC", chr(c)) != chr(c) and ("x" + chr(c)).isidentifier()]
ident_chars = [chr(c) for c in range(0x80, 0x30000) if ("x" + chr(c)).isidentifier()]
combining = [chr(c) for c in range(0x300, 0x370)] + ["\u0323", "\u0331", "\u093c", "\u05b0", "\u0e48", "\u1161", "\u11a8", "\u3099", "\u309a"]
id_cases = []
for c in changing:
    id_cases.append("x" + c if not c.isidentifier() else c)
for _ in range(1100):
    s = "".join(rng.choice([rng.choice(ident_chars), rng.choice(changing), rng.choice(combining), rng.choice("abcAé_1")])
                for _ in range(rng.randrange(1, 6)))
    s = "x" + s
    if s.isidentifier(): id_cases.append(s)
for s in ["\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8", "A\u030a", "e\u0301\u0323", "\u1e9b\u0323", "ﬁle", "ℌ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "x\u0345\u0300"]:
    if s.isidentifier(): id_cases.append(s)
id_lines = [{"id": s, "want": json.dumps(unicodedata.normalize("NFKC", s))} for s in id_cases]

def write(name, rows):
    path = out_dir / name
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=True) + "\n")
    print(f"{path.relative_to(root)}: {len(rows)} cases, {path.stat().st_size} bytes")

write("strings.jsonl", str_cases)
write("numbers.jsonl", num_cases)
write("identifiers.jsonl", id_lines)
