s = 'héllo'  
