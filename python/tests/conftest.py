"""Shared fixtures of the capy module's tests.

The tests import the `capy` package found on sys.path: an installed one
(`pip install ./python`) or a build directory's staged package
(`PYTHONPATH=build-python/python`, as scripts/python.sh sets it). They never
import python/capy/ from the source tree, which has no compiled extension.
"""

import os
import pathlib

import pytest


@pytest.fixture
def workspace(tmp_path: pathlib.Path):
    """A workspace like the attack runner's: box/ is the only directory a
    test grants; secret.txt and victim.txt lie outside it."""
    box = tmp_path / "box"
    (box / "sub").mkdir(parents=True)
    (box / "data.txt").write_text("hello from the box\nsecond line\n")
    (box / "sub" / "inner.txt").write_text("inner\n")
    (tmp_path / "secret.txt").write_text("CAPY-SECRET-file-canary\n")
    (tmp_path / "victim.txt").write_text("victim\n")
    os.symlink(tmp_path / "secret.txt", box / "link")
    os.symlink("..", box / "updir")
    return tmp_path
