f"{x}" f"{y}" "z"
f"""a
