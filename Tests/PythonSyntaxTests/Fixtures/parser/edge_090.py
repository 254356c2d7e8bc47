x @= y
