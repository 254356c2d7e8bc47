x = "\N{EM DASH}" f"\N{EM DASH}{x}"
