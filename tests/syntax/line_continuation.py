x = 1 + \
    2
if a and \
   b:
    pass
assert x, \
    "msg"
s = "abc" \
    "def"
y = [1,
     2]  # implicit joining
z = {
    'a': 1,  # comment inside
}
