u"{x}" f"{y}"
