import a . b
