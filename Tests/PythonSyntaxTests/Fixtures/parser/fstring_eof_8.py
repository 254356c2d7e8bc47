f"x]{
c""