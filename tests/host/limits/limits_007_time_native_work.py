# flags: --max-time=1
# exit: 3
# stderr: capy: time limit exceeded
# absent: finished
# Long native work (sorting, hash probing with Python __eq__, big-number
# arithmetic, regular expressions) is polled: the limit ends it too.
import re

data = [(i * 7919) % 100003 / 7 for i in range(300000)]


class Key:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        return False


d = {}
n = 0
while True:
    sorted(data)
    d[Key()] = n
    n += 1
    x = 3 ** 200000
    x = x * x
    re.findall("a", "a" * 100000)
print("finished")
