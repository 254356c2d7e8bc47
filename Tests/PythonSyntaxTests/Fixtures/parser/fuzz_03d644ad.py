match = 1
case = 4
match_ = 4
match(xy
prin*(match, case, tysssssprint(match, castesy, sh_ = 4
match(xy
prin*(match, case, tysssssssssssssss(xy
print(match, castesytch, case, tysssssssssssssss(xy
print(match, castesy, sh_ = 4
match(xy
prin*(match, case, tyssssssssss, sssssssssssssss2 5

matcssssssssssssss2 5

match.attr =sssssssssssssssssssss
