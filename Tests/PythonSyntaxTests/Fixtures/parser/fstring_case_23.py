f"{x!r:{y!r}}"
