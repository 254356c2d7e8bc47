def f(): x = yield
