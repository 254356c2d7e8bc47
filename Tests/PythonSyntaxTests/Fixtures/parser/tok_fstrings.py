a = f"{x!r} {y!s:>10} {z!a}"
b = f"{"nested" + f'{"deep"}'}"
c = f"{{literal}} {x} }}{{"
d = f"{x:{width}.{precision}}"
e = f"{x=}" f"{ y = }" f"{z=!s}" f"{w=:>5}"
g = f"{x:}" f"{x!r:}"
h = f'''{
    x  # comment inside
    + 1
}'''
i = f"{'\n'.join(items)}"
j = f"{x:%Y-%m-%d}" f"{3.14:.2f}"
k = f"{a['key']}" f'{b["k"]}'
l = rf"\d{x}\n" fr'{y}\t'
m = f"{(lambda: 1)()}"
n = f"{x}" f"{y}"
o = f"{yield_}" f"{*a,}" f"{a, b}"
p = f"\N{BULLET} {x} \u2022"
