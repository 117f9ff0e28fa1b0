"""The project's own static checks run with the tests, so CI holds them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_is_clean() -> None:
    r = _run(str(BIN / "ruff"), "check", "--no-cache", "desk", "tests", "packaging")
    assert r.returncode == 0, r.stdout + r.stderr


def test_core_is_fully_typed() -> None:
    """mypy with disallow_untyped_defs over the core (pyproject.toml [tool.mypy])."""
    r = _run(sys.executable, "-m", "mypy", "--no-incremental")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Success" in r.stdout
