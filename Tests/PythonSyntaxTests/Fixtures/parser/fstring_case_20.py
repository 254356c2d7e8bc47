rf"\N{x}"
