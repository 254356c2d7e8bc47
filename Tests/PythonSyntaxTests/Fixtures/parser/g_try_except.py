try:
    pass
except ValueError:
    raise
except (TypeError, KeyError) as e:
    raise RuntimeError("x") from e
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
try:
    x = 1
finally:
    y = 2
raise
raise X from None
