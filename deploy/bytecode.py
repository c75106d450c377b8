"""Bytecode shipped with the code, so a Lambda cold start loads instead of compiling.

Lambda's code directory is read-only: whatever the zip lacks in bytecode is
compiled again on every cold start. Two ways in, one per deploy path:

- `chalice deploy` copies chalicelib/ as it is, `__pycache__` included, and
  the contents of vendor/ to the zip's top level. `compile_project` writes
  *checked-hash* bytecode into chalicelib/, and into vendor/ for the two
  files Chalice adds itself, app.py and its runtime module chalice/app.py
  (the biggest compile of any cold start, a hello world's included).
  Python trusts checked-hash bytecode by the source's hash, not its
  timestamp (zips keep mtimes only to two seconds), and compiles afresh
  when the source differs, so stale files cost time, never correctness,
  and are safe to leave in a working tree.
- `deploy.package` rebuilds its zip with *unchecked-hash* bytecode for every
  module: that zip is never edited, so not even the source is read.

Chalice builds the Lambda runtime from the Python it runs under, so the
interpreter compiling here is the one the functions will run.
"""

from __future__ import annotations

import compileall
import importlib.util
import py_compile
import tempfile
import zipfile
from pathlib import Path

CHECKED = py_compile.PycInvalidationMode.CHECKED_HASH


def compile_project(project: Path) -> None:
    compileall.compile_dir(project / "chalicelib", quiet=2, force=True, invalidation_mode=CHECKED)
    import chalice
    import chalice.app

    vendor = project / "vendor"
    # Chalice zips these very files as app.py, chalice/__init__.py and chalice/app.py.
    for source, shipped_as in (
        (project / "app.py", "app.py"),
        (Path(chalice.__file__), "chalice/__init__.py"),
        (Path(chalice.app.__file__), "chalice/app.py"),
    ):
        target = vendor / shipped_as
        py_compile.compile(
            str(source),
            cfile=importlib.util.cache_from_source(str(target)),
            dfile=shipped_as,
            doraise=True,
            invalidation_mode=CHECKED,
        )


def precompile_zip(archive: Path) -> int:
    """Add unchecked-hash .pyc files for every module; returns how many."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        with zipfile.ZipFile(archive) as source:
            # Bytecode a developer's machine left behind is dropped, not trusted.
            infos = [i for i in source.infolist() if "__pycache__/" not in i.filename]
            source.extractall(root, members=infos)
        compileall.compile_dir(
            root,
            quiet=2,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        compiled = sorted(root.rglob("*.pyc"))
        rebuilt = archive.with_suffix(".tmp")
        with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                target.writestr(
                    info, (root / info.filename).read_bytes() if not info.is_dir() else b""
                )
            for path in compiled:
                entry = zipfile.ZipInfo(
                    path.relative_to(root).as_posix(), date_time=(2020, 1, 1, 0, 0, 0)
                )
                entry.external_attr = 0o644 << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, path.read_bytes())
        rebuilt.replace(archive)
    return len(compiled)


if __name__ == "__main__":
    compile_project(Path(__file__).resolve().parent.parent)
