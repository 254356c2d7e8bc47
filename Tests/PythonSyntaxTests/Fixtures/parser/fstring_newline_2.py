f"{x:ab
cd}"
