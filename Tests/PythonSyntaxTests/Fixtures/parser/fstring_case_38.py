f"""{x # comment
