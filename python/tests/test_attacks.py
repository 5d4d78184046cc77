"""The project's attack programs (tests/attacks/, see its README), run
through capy.run with the grants their headers name. Each must be blocked:
no canary reaches the host's view, nothing outside the box changes, the run
ends in time and memory, with the outcome its header expects."""

import json
import os
import pathlib
import resource
import secrets
import subprocess
import sys
import time

import pytest

import capy

ATTACKS = pathlib.Path(__file__).parent / "attacks"
DEFAULT_MAX_TIME = 5.0
DEFAULT_MAX_MEMORY = 256 << 20

# A host function granted to attacks that ask for one (`# functions: tool`).
# Its closure and this module's globals hold a canary: the guest must never
# see it. HOST_SECRET is replaced per attack.
HOST_SECRET = "CAPY-HOST-unset"


def make_tool(token):
    hidden = token

    def tool(value=None):
        # The closure cell `hidden` and module global HOST_SECRET are what an
        # escape would read; the function itself only echoes.
        assert hidden and HOST_SECRET
        return value
    return tool


def parse_header(path):
    header = {"options": {}, "expect": "error", "check": [], "functions": []}
    for line in path.read_text().splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        value = value.strip()
        if key == "options":
            header["options"] = value
        elif key == "expect":
            header["expect"] = value
        elif key == "check":
            header["check"].append(value)
        elif key == "functions":
            header["functions"] = value.split()
        elif key in ("family", "why"):
            header[key] = value
        else:
            raise ValueError(f"{path.name}: unknown header key {key!r}")
    return header


def snapshot(root, skip):
    """Entries, contents, modes, link counts and times of everything under
    root except the directory `skip`."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if pathlib.Path(dirpath) == skip:
            dirnames[:] = []
            continue
        for name in sorted(dirnames + filenames):
            full = pathlib.Path(dirpath) / name
            if full == skip:
                continue
            st = os.lstat(full)
            content = None
            if os.path.isfile(full) and not os.path.islink(full):
                content = full.read_bytes()
            elif os.path.islink(full):
                content = os.readlink(full)
            state[str(full.relative_to(root))] = (st.st_mode, st.st_nlink, st.st_size,
                                                   st.st_mtime_ns, st.st_ctime_ns, content)
    return state


def box_snapshot(box):
    state = {}
    for dirpath, dirnames, filenames in os.walk(box):
        for name in sorted(dirnames + filenames):
            full = pathlib.Path(dirpath) / name
            content = full.read_bytes() if full.is_file() and not full.is_symlink() else None
            state[str(full.relative_to(box))] = (os.lstat(full).st_mode, content)
    return state


def make_workspace(ws, token):
    box = ws / "box"
    (box / "sub").mkdir(parents=True)
    (box / "data.txt").write_text("hello from the box\n")
    (box / "sub" / "inner.txt").write_text("inner\n")
    (ws / "secret.txt").write_text(f"CAPY-SECRET-{token}\n")
    (ws / "box-sibling.txt").write_text(f"CAPY-SECRET-{token}\n")
    (ws / "victim.txt").write_text("victim: must not change\n")
    (ws / "tmp").mkdir()
    os.symlink(ws / "secret.txt", box / "link")
    os.symlink("..", box / "updir")
    return box


def leaks(text, tokens):
    found = []
    for token in tokens:
        for form in (token, token.upper(), token[::-1]):
            if form in text:
                found.append(form)
    return found


def attack_files():
    files = sorted(p for p in ATTACKS.glob("*.py"))
    assert files, f"no attack programs in {ATTACKS}"
    return files


def test_every_family_is_covered():
    families = {parse_header(p).get("family") for p in attack_files()}
    assert {"fs", "import", "introspect", "dos", "crash", "legit"} <= families
    for p in attack_files():
        assert p.name.split("_")[0] == parse_header(p)["family"], p.name


@pytest.mark.parametrize("path", attack_files(), ids=lambda p: p.stem)
def test_attack_is_blocked(path, tmp_path, monkeypatch):
    header = parse_header(path)
    token = secrets.token_hex(8)
    env_token = f"CAPY-ENV-{secrets.token_hex(8)}"
    host_token = f"CAPY-HOST-{secrets.token_hex(8)}"
    monkeypatch.setenv("CAPY_CANARY", env_token)
    monkeypatch.setitem(globals(), "HOST_SECRET", host_token)

    ws = tmp_path / "ws"
    ws.mkdir()
    box = make_workspace(ws, token)
    places = {"{WS}": str(ws), "{BOX}": str(box), "{SECRET}": str(ws / "secret.txt"),
              "{VICTIM}": str(ws / "victim.txt"), "{BOXLINK}": str(box / "link")}

    def substitute(text):
        for key, value in places.items():
            text = text.replace(key, value)
        return text

    source = substitute(path.read_text())
    options = json.loads(substitute(header["options"])) if header["options"] else {}
    options.setdefault("max_time", DEFAULT_MAX_TIME)
    options.setdefault("max_memory", DEFAULT_MAX_MEMORY)
    functions = {}
    for name in header["functions"]:
        assert name == "tool", f"unknown host function {name!r}"
        functions[name] = make_tool(host_token)

    before = snapshot(ws, box)
    box_before = box_snapshot(box)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    output = []
    outcome, result, error = "ok", None, None
    monkeypatch.chdir(ws)
    start = time.monotonic()
    try:
        result = capy.run(source, filename=path.name, functions=functions,
                          on_output=output.append, **options)
    except capy.GuestError as e:
        outcome, error = "guest-error", e
    except capy.LimitExceeded as e:
        outcome, error = "limit", e
    elapsed = time.monotonic() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    text = "".join(output)
    seen = text + "\n" + repr(result)
    if error is not None:
        seen += "\n" + repr(error.args) + "\n" + str(error)
    report = f"{path.name}: outcome {outcome} {error!r}\noutput:\n{text[-3000:]}"

    tokens = [f"CAPY-SECRET-{token}", env_token, host_token]
    assert not leaks(seen, tokens), "canary leaked\n" + report
    assert "PWNED" not in text, "PWNED marker\n" + report
    assert snapshot(ws, box) == before, "the workspace outside box/ changed\n" + report
    for name in os.listdir(ws):
        assert name in ("box", "secret.txt", "box-sibling.txt", "victim.txt", "tmp"), name
    assert elapsed < options["max_time"] + 2, f"took {elapsed:.1f} s\n" + report
    allowed = options["max_memory"] + (64 << 20)
    if "libasan" in os.environ.get("LD_PRELOAD", ""):
        # AddressSanitizer's redzones and its 256 MiB quarantine of freed blocks
        allowed = 3 * options["max_memory"] + (320 << 20)
    assert rss_after <= rss_before + allowed, \
        f"host peak RSS grew by {(rss_after - rss_before) >> 20} MiB\n" + report

    expect = header["expect"]
    if expect == "error":
        assert outcome != "ok", "the attack ran to completion\n" + report
    elif expect == "ok":
        assert outcome == "ok", "a legitimate program failed\n" + report
    elif expect.startswith("limit "):
        wanted = expect.split(None, 1)[1].split("|")
        assert outcome == "limit" and error.limit in wanted, \
            f"expected limit {wanted}\n" + report
    else:
        assert expect == "any", f"{path.name}: bad expect {expect!r}"
    for check in header["check"]:
        kind, _, arg = check.partition(" ")
        if kind == "output-contains":
            assert arg in text, f"output lacks {arg!r}\n" + report
        elif kind == "box-unchanged":
            assert box_snapshot(box) == box_before, "box/ changed\n" + report
        else:
            raise AssertionError(f"unknown check {check!r}")


ESCAPES = [p for p in attack_files() if parse_header(p)["family"] in ("fs", "import", "introspect")]


@pytest.mark.parametrize("path", ESCAPES, ids=lambda p: p.stem)
def test_escape_attack_breaches_plain_cpython(path, tmp_path):
    """Each escape attack really escapes when nothing confines it: run by
    this interpreter in a child process (inside a scratch workspace), it
    leaks a canary, prints PWNED or changes the workspace. So a blocked
    attack under capy means capy blocked it, not that the program is
    broken."""
    header = parse_header(path)
    token = secrets.token_hex(8)
    ws = tmp_path / "ws"
    ws.mkdir()
    box = make_workspace(ws, token)
    places = {"{WS}": str(ws), "{BOX}": str(box), "{SECRET}": str(ws / "secret.txt"),
              "{VICTIM}": str(ws / "victim.txt"), "{BOXLINK}": str(box / "link")}
    source = path.read_text()
    for key, value in places.items():
        source = source.replace(key, value)
    prelude = f"HOST_SECRET = 'CAPY-HOST-{token}'\ndef tool(value=None):\n    return value\n"
    before = snapshot(ws, box)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "CAPY_CANARY": f"CAPY-ENV-{token}",
           "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-I", "-c", prelude + source], cwd=ws, env=env,
                          capture_output=True, text=True, timeout=60)
    tokens = [f"CAPY-SECRET-{token}", f"CAPY-ENV-{token}", f"CAPY-HOST-{token}"]
    breached = bool(leaks(done.stdout, tokens)) or "PWNED" in done.stdout or \
        snapshot(ws, box) != before
    assert breached, f"{path.name} does not escape plain CPython:\n{done.stdout}{done.stderr}"
    assert header["expect"] in ("error", "any")


def test_patching_builtins_in_one_sandbox_does_not_reach_another():
    attacker = capy.Sandbox()
    attacker.run(
        "import builtins\n"
        "builtins.len = lambda x: 42\n"
        "builtins.print = None\n"
        "try:\n    int.__add__ = lambda a, b: 0\nexcept TypeError:\n    pass\n"
        "try:\n    str.upper = None\nexcept TypeError:\n    pass\n")
    assert attacker.run("len([1])") == 42  # its own builtins module is its to change
    other = capy.Sandbox()
    assert other.run("len([1, 2]), 1 + 1, 'a'.upper()") == (2, 2, "A")
    assert capy.run("print is not None") is True
    # and the host's conversions are not affected either
    assert attacker.run("x", inputs={"x": [1, "a"]}) == [1, "a"]


def test_guest_cannot_reach_another_sandbox_through_shared_objects():
    first = capy.Sandbox()
    first.run("import json, math\njson.marker = 'first'\nmath.marker = 'first'")
    second = capy.Sandbox()
    assert second.run("import json, math\n(getattr(json, 'marker', None), getattr(math, 'marker', None))") \
        == (None, None)
