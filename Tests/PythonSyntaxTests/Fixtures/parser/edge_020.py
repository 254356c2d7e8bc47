not not x; - - x; +x ** -y
