a = 1; b = 2; c = 3;
if x: a; b
while y: pass; break
for i in j: continue
class C: x = 1; y = 2
def f(): return 1;
