# An uncaught exception with a chained cause: the traceback's last line names the final exception.
class ConfigError(Exception):
    pass
def load(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e
settings = {"host": "example", "port": 8080}
print("host =", load(settings, "host"))
print("port =", load(settings, "port"))
for k in ["host", "port"]:
    print(k, type(load(settings, k)).__name__)
print("loading timeout...")
load(settings, "timeout")
print("never printed")
