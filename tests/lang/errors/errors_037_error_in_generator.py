# An exception raised inside a generator propagates to the consuming loop.
def parse_lines(lines):
    for no, line in enumerate(lines, 1):
        key, value = line.split("=")
        yield no, key.strip(), value.strip()
config = ["name = capy", "version = 0.1", "mode: strict", "never = reached"]
for no, key, value in parse_lines(config):
    print(no, key, value)
