"""PEP 517 build backend of the capy module for CPython.

It builds the extension with CMake (the project's own build, target
`capy_python`, for the interpreter that runs this backend) and writes the
wheel itself, so it needs nothing from a package index: `requires = []` in
pyproject.toml means pip's isolated build environment stays empty and the
install works offline.

Hooks: build_wheel, build_sdist, build_editable (PEP 660) and the optional
get_requires_* / prepare_metadata_* ones.

Build directory, in order of precedence:
  - config setting "build-dir"   pip install --config-settings build-dir=DIR ./python
  - environment CAPY_BUILD_DIR
  - [tool.capy-build] build-dir in pyproject.toml, relative to this file,
    with one subdirectory per interpreter (its cache tag and prefix).
Extra CMake arguments: config setting "cmake-args" or CAPY_CMAKE_ARGS
(split like a shell command line). CAPY_BUILD_JOBS sets the parallelism.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import tomllib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
PACKAGE = "capy"
# Files of the package besides the extension, from python/capy/.
PACKAGE_FILES = ("__init__.py", "__init__.pyi", "_capy.pyi", "py.typed")

__all__ = [
    "get_requires_for_build_wheel", "get_requires_for_build_sdist",
    "get_requires_for_build_editable", "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable", "build_wheel", "build_sdist",
    "build_editable",
]


# --- locating things ---------------------------------------------------------

def _source_root() -> pathlib.Path:
    """The repository: python/.. in a checkout, ./source in an sdist."""
    parent = HERE.parent
    if (parent / "CMakeLists.txt").is_file() and (parent / "src").is_dir() and \
            (parent / "python" / "_capy_build_backend.py").is_file():
        return parent
    unpacked = HERE / "source"
    if (unpacked / "CMakeLists.txt").is_file():
        return unpacked
    raise RuntimeError(f"capy build: cannot find the capy sources next to {HERE}")


def _project() -> dict:
    with open(HERE / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _setting(config_settings, key):
    if config_settings and key in config_settings:
        value = config_settings[key]
        if isinstance(value, list):  # pip passes a repeated setting as a list
            value = " ".join(value)
        return value
    return None


def _build_dir(config_settings) -> pathlib.Path:
    chosen = _setting(config_settings, "build-dir") or os.environ.get("CAPY_BUILD_DIR")
    if chosen:
        return pathlib.Path(chosen).resolve()
    base = _project().get("tool", {}).get("capy-build", {}).get("build-dir", "build")
    # One directory per interpreter: a CMake cache remembers the interpreter.
    prefix = hashlib.sha256(sys.prefix.encode()).hexdigest()[:8]
    return (HERE / base / f"{sys.implementation.cache_tag}-{prefix}").resolve()


# --- metadata ----------------------------------------------------------------

def _name_version():
    project = _project()["project"]
    return project["name"], project["version"]


def _dist_info_name() -> str:
    name, version = _name_version()
    return f"{name.replace('-', '_')}-{version}.dist-info"


def _metadata_text() -> str:
    project = _project()["project"]
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
    ]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    for classifier in project.get("classifiers", []):
        lines.append(f"Classifier: {classifier}")
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str) and (HERE / readme).is_file():
        lines.append("Description-Content-Type: text/markdown")
        body = (HERE / readme).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + body


def _wheel_tag() -> str:
    if sys.implementation.name != "cpython":
        raise RuntimeError("capy build: the module is a CPython extension")
    version = f"{sys.version_info.major}{sys.version_info.minor}"
    abi = f"cp{version}"
    if hasattr(sys, "gettotalrefcount"):  # a debug build of CPython
        abi += "d"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"cp{version}-{abi}-{platform}"


def _wheel_text() -> str:
    return ("Wheel-Version: 1.0\n"
            "Generator: capy _capy_build_backend\n"
            "Root-Is-Purelib: false\n"
            f"Tag: {_wheel_tag()}\n")


def _write_metadata_dir(metadata_directory) -> str:
    name = _dist_info_name()
    target = pathlib.Path(metadata_directory) / name
    target.mkdir(parents=True, exist_ok=True)
    (target / "METADATA").write_text(_metadata_text(), encoding="utf-8")
    (target / "WHEEL").write_text(_wheel_text(), encoding="utf-8")
    (target / "top_level.txt").write_text(PACKAGE + "\n", encoding="utf-8")
    return name


# --- building the extension --------------------------------------------------

def _run(cmd, **kwargs):
    print("capy build: " + " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def _build_extension(config_settings) -> pathlib.Path:
    """Configures and builds target capy_python; returns the built extension file."""
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError("capy build: CMake (3.25 or newer) is required to build the module")
    root = _source_root()
    build_dir = _build_dir(config_settings)
    build_dir.mkdir(parents=True, exist_ok=True)
    configure = [cmake, "-S", root, "-B", build_dir, "-DCAPY_PYTHON=ON", "-DCAPY_PYTHON_REQUIRED=ON",
                 f"-DPython3_EXECUTABLE={sys.executable}"]
    if not (build_dir / "CMakeCache.txt").exists():
        # A fresh directory: an optimised build without the unit tests, and
        # warnings that do not stop a user's compiler. An existing directory
        # keeps its own settings (changing them would rebuild everything).
        configure += ["-DCMAKE_BUILD_TYPE=Release", "-DCAPY_TESTS=OFF", "-DCAPY_WERROR=OFF"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
    extra = _setting(config_settings, "cmake-args") or os.environ.get("CAPY_CMAKE_ARGS", "")
    configure += shlex.split(extra)
    _run(configure)
    jobs = os.environ.get("CAPY_BUILD_JOBS") or str(os.cpu_count() or 2)
    _run([cmake, "--build", build_dir, "--target", "capy_python", "--parallel", jobs])
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = build_dir / "python" / PACKAGE / f"_capy{suffix}"
    if not built.is_file():
        raise RuntimeError(f"capy build: CMake did not produce {built}")
    return built


# --- writing archives --------------------------------------------------------

def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


class _Wheel:
    def __init__(self, path: pathlib.Path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.records = []
        # Reproducible archives honour SOURCE_DATE_EPOCH.
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
        self.date = time.gmtime(max(epoch, 315532800))[:6]

    def add(self, arcname: str, data: bytes, executable: bool = False):
        info = zipfile.ZipInfo(arcname, date_time=self.date)
        info.external_attr = (0o755 if executable else 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        self.records.append(f"{arcname},{_record_hash(data)},{len(data)}")

    def close(self, dist_info: str):
        record = f"{dist_info}/RECORD"
        text = "\n".join(self.records + [f"{record},,"]) + "\n"
        info = zipfile.ZipInfo(record, date_time=self.date)
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, text)
        self.zip.close()


def _wheel_path(wheel_directory) -> pathlib.Path:
    name, version = _name_version()
    return pathlib.Path(wheel_directory) / f"{name.replace('-', '_')}-{version}-{_wheel_tag()}.whl"


def _add_dist_info(wheel: _Wheel) -> str:
    dist_info = _dist_info_name()
    wheel.add(f"{dist_info}/METADATA", _metadata_text().encode())
    wheel.add(f"{dist_info}/WHEEL", _wheel_text().encode())
    wheel.add(f"{dist_info}/top_level.txt", (PACKAGE + "\n").encode())
    return dist_info


# --- the hooks -----------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _write_metadata_dir(metadata_directory)


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return _write_metadata_dir(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    extension = _build_extension(config_settings)
    source_package = _source_root() / "python" / PACKAGE
    path = _wheel_path(wheel_directory)
    wheel = _Wheel(path)
    for name in PACKAGE_FILES:
        wheel.add(f"{PACKAGE}/{name}", (source_package / name).read_bytes())
    wheel.add(f"{PACKAGE}/{extension.name}", extension.read_bytes(), executable=True)
    wheel.close(_add_dist_info(wheel))
    return path.name


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: the wheel holds a .pth file naming the build's package folder,
    whose .py files are links to python/capy/ (edits show at once; rebuild the
    extension with `cmake --build DIR --target capy_python` or reinstall)."""
    extension = _build_extension(config_settings)
    path = _wheel_path(wheel_directory)
    wheel = _Wheel(path)
    wheel.add(f"__editable__.{PACKAGE}.pth", (str(extension.parent.parent) + "\n").encode())
    wheel.close(_add_dist_info(wheel))
    return path.name


# Parts of the repository an sdist carries (under source/), and what to leave out.
_SDIST_TREES = ("CMakeLists.txt", "cmake", "include", "src", "python")
_SDIST_SKIP_DIRS = {"__pycache__", ".pytest_cache", "build"}


def _sdist_files(root: pathlib.Path):
    for top in _SDIST_TREES:
        path = root / top
        if path.is_file():
            yield path
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames
                                 if d not in _SDIST_SKIP_DIRS and not d.startswith("build"))
            for filename in sorted(filenames):
                if filename.endswith((".so", ".pyc", ".o", ".a")):
                    continue
                yield pathlib.Path(dirpath) / filename


def build_sdist(sdist_directory, config_settings=None):
    """A source archive: this folder's build files at the top, the repository's
    sources (CMake files, include/, src/, python/) under source/."""
    name, version = _name_version()
    base = f"{name}-{version}"
    path = pathlib.Path(sdist_directory) / f"{base}.tar.gz"
    root = _source_root()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))

    def add_bytes(tar, arcname, data, mode=0o644):
        info = tarfile.TarInfo(arcname)
        info.size = len(data)
        info.mtime = epoch
        info.mode = mode
        tar.addfile(info, io.BytesIO(data))

    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        add_bytes(tar, f"{base}/PKG-INFO", _metadata_text().encode())
        for top in ("pyproject.toml", "_capy_build_backend.py", "README.md"):
            add_bytes(tar, f"{base}/{top}", (HERE / top).read_bytes())
        for file in _sdist_files(root):
            rel = file.relative_to(root).as_posix()
            mode = 0o755 if os.access(file, os.X_OK) else 0o644
            add_bytes(tar, f"{base}/source/{rel}", file.read_bytes(), mode)
    return path.name
