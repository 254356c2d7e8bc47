s = """
line with space  
   
end"""  
t = 1
