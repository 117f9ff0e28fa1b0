"""The core never imports Qt: checked statically (import-linter) and at run time.

The run-time check imports every core module in a fresh interpreter whose
import system refuses PySide6 and shiboken6, then indexes and searches the
seeds there: the CLI path must work on a machine without Qt.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    mods = []
    for path in sorted((ROOT / "desk").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if parts[1] == "gui" or parts[-1] in ("__main__", "launch"):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods.append(".".join(parts))
    return mods


def test_import_linter_contract() -> None:
    exe = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "The core never imports Qt KEPT" in proc.stdout


def test_core_runs_with_qt_blocked(tmp_path: Path, seeds: Path) -> None:
    modules = core_modules()
    assert "desk.library" in modules
    assert "desk.index.build" in modules
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError(f"Qt is blocked in this test: {{name}}")
                return None

        sys.meta_path.insert(0, BlockQt())
        for name in {modules!r}:
            importlib.import_module(name)
        assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)

        from desk.library import Library
        with Library({str(seeds)!r}, data_dir={str(tmp_path / "data")!r}) as lib:
            report = lib.update(extract=False)
            assert report.added == 5, report
            hits = lib.search("soldiers killed").hits
            assert hits, "no hits"
        from desk import cli
        assert cli.main(["search", {str(seeds)!r}, "prisoners OR soldiers", "--data-dir", {str(tmp_path / "data")!r}]) == 0
        assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
        print("QT-FREE-OK")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "QT-FREE-OK" in proc.stdout
