f"{x:ab
}"
