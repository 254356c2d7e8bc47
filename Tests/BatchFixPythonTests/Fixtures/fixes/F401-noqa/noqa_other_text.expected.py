# select: F401,F811
import json  # type: ignore  # noqa
