F"{x}" Rb"y"
