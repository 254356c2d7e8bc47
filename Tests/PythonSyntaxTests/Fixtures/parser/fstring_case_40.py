f'{x:{"a" if y else "b"}}'
