f"\N{DASH}"
