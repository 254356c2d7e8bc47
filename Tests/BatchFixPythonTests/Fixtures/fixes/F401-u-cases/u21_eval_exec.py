# select: F401,F811
# U21: eval/exec can name anything; module-level imports are kept.
import os

exec("print(os.sep)")
