ﬁle = 1
café = 2
名前 = 3
print(ﬁle, café, 名前, file)
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 4
