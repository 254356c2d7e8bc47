import a as b, c.d.e as f
