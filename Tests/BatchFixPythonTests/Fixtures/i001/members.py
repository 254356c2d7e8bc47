from m import c, B, A_CONST

x = 1
