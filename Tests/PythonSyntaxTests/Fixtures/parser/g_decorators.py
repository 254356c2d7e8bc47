@buttons[0].clicked.connect
def a(): pass
@property
@(lambda f: f)
@x if y else z
class B:
    @staticmethod
    async def m(self): pass
@a.b(c)
@d := e
def c(): pass
