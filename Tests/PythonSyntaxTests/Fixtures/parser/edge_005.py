u"a" f"b"
