# select: F401,F811
# U19: `import a` and `import a.b` both bind `a`; never remove both. ruff keeps both when `a` is used.
import xml
import xml.dom

print(xml.dom)
