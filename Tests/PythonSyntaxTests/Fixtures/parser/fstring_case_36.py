f"{await x}"
