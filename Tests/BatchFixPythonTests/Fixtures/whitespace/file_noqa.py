# ruff: noqa: W291
x = 1  
  
