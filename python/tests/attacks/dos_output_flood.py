# family: dos
# options: {"max_output": 100000}
# expect: limit output
# why: Unbounded output would fill the host's logs or memory.
while True:
    print('flood ' * 100)
