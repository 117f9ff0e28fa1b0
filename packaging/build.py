"""Build the desk bundle from a checkout: PyInstaller, checks, a .tar.gz.

    .venv/bin/python packaging/build.py

Runs PyInstaller on packaging/desk.spec (work files in packaging/build, the
bundle in packaging/dist/desk/), refuses a bundle whose Qt platform plugins
have unresolved libraries (they load offscreen and abort under X), packs
packaging/dist/desk-<version>-linux-x86_64.tar.gz and prints the sizes.
Exit status 0 on success, 1 when the build or a check fails.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "desk.spec"
WORK = PACKAGING / "build"
DIST = PACKAGING / "dist"
LOG = WORK / "pyinstaller.log"

# PyInstaller 6 logs an unresolved shared library as
#   WARNING: Library not found: could not resolve 'libfoo.so.1', dependency of '/.../libqxcb.so'.
_NOT_FOUND = re.compile(r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'")
# Plugins that decide whether a window can appear at all.
_PLATFORM_PLUGIN_DIRS = ("/plugins/platforms/", "/plugins/xcbglintegrations/", "/plugins/platforminputcontexts/")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    import desk

    return desk.__version__


def tarball_path(dist: Path = DIST) -> Path:
    machine = platform.machine() or "x86_64"
    return dist / f"desk-{version()}-linux-{machine}.tar.gz"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def missing_platform_libraries(log_text: str) -> list[str]:
    """'lib (needed by plugin)' for every unresolved library of a platform plugin."""
    problems = []
    for lib, dependent in _NOT_FOUND.findall(log_text):
        if any(part in dependent.replace("\\", "/") for part in _PLATFORM_PLUGIN_DIRS):
            problems.append(f"{lib} (needed by {Path(dependent).name})")
    return problems


def run_pyinstaller(work: Path, dist: Path) -> str:
    for folder in (work, dist):
        shutil.rmtree(folder, ignore_errors=True)
    work.mkdir(parents=True)
    log_path = work / LOG.name
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--workpath", str(work), "--distpath", str(dist), str(SPEC),
    ]
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(text.splitlines()[-30:])
        raise SystemExit(f"PyInstaller failed (exit {proc.returncode}); log: {log_path}\n{tail}")
    return text


def pack(bundle: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"desk-{version()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tarball", action="store_true", help="skip packing the .tar.gz")
    parser.add_argument("--dist", type=Path, default=DIST, help=f"output folder (default {DIST.relative_to(ROOT)})")
    parser.add_argument("--work", type=Path, default=WORK, help=f"work folder (default {WORK.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    bundle = dist / "desk"

    started = time.monotonic()
    print(f"building desk {version()} with PyInstaller (log: {work / LOG.name}) ...", flush=True)
    log_text = run_pyinstaller(work, dist)
    built = time.monotonic() - started

    problems = missing_platform_libraries(log_text)
    if problems:
        print("Qt platform plugins have unresolved libraries (install them and rebuild):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    for exe in ("desk", "desk-cli"):
        if not (bundle / exe).is_file():
            print(f"the bundle has no {exe} executable", file=sys.stderr)
            return 1

    print(f"bundle: {bundle}  {folder_size(bundle) / 1e6:.1f} MB  (PyInstaller {built:.0f} s)")
    if not args.no_tarball:
        target = tarball_path(dist)
        pack(bundle, target)
        print(f"archive: {target}  {target.stat().st_size / 1e6:.1f} MB")
    print(f"total {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
