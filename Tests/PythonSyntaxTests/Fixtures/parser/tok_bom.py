x = "é"
print(x)
