rf"{x}\{y}" 
