print(f"{x!r}", f'{y!a}', f"{z!s}")
