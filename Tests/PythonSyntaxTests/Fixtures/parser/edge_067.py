f"a" f"{b}" f"c"
