"""The examples of docs/python.md run as written."""

import pathlib
import re

import pytest

import capy

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "python.md"


def examples():
    text = DOC.read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 5, "docs/python.md lost its examples"
    return blocks


@pytest.mark.parametrize("index", range(len(examples())))
def test_doc_example(index):
    code = examples()[index]
    exec(compile(code, f"{DOC.name} example {index}", "exec"), {"capy": capy, "__name__": "doc"})
