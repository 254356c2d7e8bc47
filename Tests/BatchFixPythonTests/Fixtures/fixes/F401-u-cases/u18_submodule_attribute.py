# select: F401,F811
# U18: `import os.path` binds `os`; an attribute chain through `os` uses it.
import os.path
import xml.dom
import email.mime

print(os.path.join("a", "b"))
xml.dom.minidom
