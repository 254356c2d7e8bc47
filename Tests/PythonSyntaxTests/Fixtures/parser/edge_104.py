x: "int"
