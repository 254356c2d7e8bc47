with a as b.c, d[0] as e: pass
