class C(): pass
