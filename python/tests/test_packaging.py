"""The package's build backend (python/_capy_build_backend.py): what it tells
pip, its metadata, and its source archive. (scripts/python.sh test also runs
a real `pip install ./python` into a fresh venv with no package index.)"""

import email.parser
import importlib.util
import pathlib
import sys
import sysconfig
import tarfile
import tomllib

import pytest

import capy

PYTHON_DIR = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def backend():
    spec = importlib.util.spec_from_file_location("_capy_build_backend",
                                                  PYTHON_DIR / "_capy_build_backend.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pyproject_needs_nothing_from_an_index():
    project = tomllib.loads((PYTHON_DIR / "pyproject.toml").read_text())
    assert project["build-system"]["requires"] == []
    assert project["build-system"]["build-backend"] == "_capy_build_backend"
    assert project["build-system"]["backend-path"] == ["."]


def test_backend_requires_nothing(backend):
    assert backend.get_requires_for_build_wheel() == []
    assert backend.get_requires_for_build_sdist() == []
    assert backend.get_requires_for_build_editable() == []


def test_metadata(backend, tmp_path):
    name = backend.prepare_metadata_for_build_wheel(str(tmp_path))
    assert name == f"capy-{capy.__version__}.dist-info"
    meta = email.parser.Parser().parsestr((tmp_path / name / "METADATA").read_text())
    assert meta["Name"] == "capy"
    assert meta["Version"] == capy.__version__  # pyproject and the library agree
    assert meta["Requires-Python"] == ">=3.11"
    assert "pip install ./python" in meta.get_payload()
    wheel = email.parser.Parser().parsestr((tmp_path / name / "WHEEL").read_text())
    assert wheel["Root-Is-Purelib"] == "false"
    version = f"{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    assert wheel["Tag"] == f"cp{version}-cp{version}-{platform}"


def test_package_files_exist(backend):
    for name in backend.PACKAGE_FILES:
        assert (PYTHON_DIR / "capy" / name).is_file(), name


def test_sdist(backend, tmp_path):
    name = backend.build_sdist(str(tmp_path))
    assert name == f"capy-{capy.__version__}.tar.gz"
    with tarfile.open(tmp_path / name) as tar:
        names = set(tar.getnames())
    base = f"capy-{capy.__version__}"
    for required in ("PKG-INFO", "pyproject.toml", "_capy_build_backend.py", "README.md",
                     "source/CMakeLists.txt", "source/cmake/python.cmake",
                     "source/include/capy/capy.hpp", "source/python/src/capy_module.cc",
                     "source/python/capy/__init__.py", "source/python/capy/__init__.pyi"):
        assert f"{base}/{required}" in names, required
    assert not any(part.startswith("build") for n in names
                   for part in pathlib.PurePosixPath(n).parts[1:-1])
    assert not any(n.endswith((".so", ".pyc", ".o", ".a")) for n in names)
    assert not any("__pycache__" in n for n in names)
    # the sources the CMake build needs are all there
    assert any(n.startswith(f"{base}/source/src/api/") for n in names)
    assert any(n.startswith(f"{base}/source/src/modules/lib/") for n in names)
