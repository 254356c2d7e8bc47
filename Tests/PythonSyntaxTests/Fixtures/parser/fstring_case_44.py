f"{x}" u"y"
