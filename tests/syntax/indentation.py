if a:
    b
    if c:
        d
    e
f
if a:
	b
	if c:
		d

if a:

    # comment between

    b
        # misaligned comment
    c
def f():
    x = 1 + \
        2
    y = (1 +
  2)
    return [
1,
    2,
        ]
if a:  pass
x = 1 ;y = 2;
class A:

    pass
