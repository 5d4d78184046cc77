# raise SystemExit with a message: printed to stderr, exit status 1, no traceback.
def check_config(cfg):
    missing = [k for k in ("host", "port", "user") if k not in cfg]
    if missing:
        raise SystemExit(f"fatal: missing config keys: {', '.join(missing)}")
    return True
print(check_config({"host": "h", "port": 1, "user": "u"}))
print("checking second config")
check_config({"host": "h"})
print("unreachable")
