# raise ... from ...: the last exception is printed last.
class ConfigError(Exception):
    pass

def read(key, table):
    try:
        return table[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

table = {"a": 1}
print(read("a", table))
read("b", table)
