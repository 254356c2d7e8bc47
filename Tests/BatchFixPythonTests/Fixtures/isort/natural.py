import mod10
import mod9
import mod010
import mod09
import mod1a
import mod1
import Mod2
import mod2
import mod_2
import mod.two
import mod2.sub
import mod02
import a.b.c
import a.b
import a
import a as aa
import a as AA
import abc
import A
