[(yield)]
