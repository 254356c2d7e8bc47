s = 'a  \
  b'
