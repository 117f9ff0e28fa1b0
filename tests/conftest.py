"""Shared fixtures: where the shared corpora are, and a private data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
UKRAINE = SHARED / "corpus" / "ukraine-media"
GOLD = SHARED / "gold" / "seeds.json"
DEMO = ROOT / "resources" / "demo"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ.pop("QT_QPA_PLATFORM", None)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes into its own data dir, never the user's cache."""
    d = tmp_path_factory.mktemp("desk-data")
    monkeypatch.setenv("DESK_DATA_DIR", str(d))
    return d


@pytest.fixture
def data_dir(_private_data_dir: Path) -> Path:
    return _private_data_dir


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared beside the checkout)")
    return path


@pytest.fixture
def seeds() -> Path:
    return _need(SEEDS)


@pytest.fixture
def ukraine() -> Path:
    return _need(UKRAINE)


@pytest.fixture
def gold_file() -> Path:
    return _need(GOLD)


@pytest.fixture
def demo() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def ukraine_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The whole ukraine-media folder indexed once per session, figures and claimants included.

    Every slow test that needs the big library shares this one build (it is the
    longest step of the suite).  ``DESK_TEST_UKRAINE_DATA=DIR`` reuses a data
    dir from an earlier run; the build is incremental, so a current one costs
    about a second.
    """
    from desk.library import Library

    _need(UKRAINE)
    data = os.environ.get("DESK_TEST_UKRAINE_DATA") or str(tmp_path_factory.mktemp("ukraine-data"))
    with Library(UKRAINE, data_dir=data) as lib:
        lib.update(extract=True)
        yield lib


@pytest.fixture(scope="session")
def ukraine_data(ukraine_library: Any) -> Path:
    """The data dir that holds the session's ukraine-media index, for tests that open their own
    window on it: copy it before use (the window writes its settings and commits there)."""
    return Path(ukraine_library.data_dir)


# -- interpreter exit after the GUI tests -------------------------------------
# Since PySide6 6.11.3 and this session's GUI tests, the pytest process that has
# run tests/gui dies with SIGSEGV *after* the last report line, while the
# interpreter tears down (every test passed; faulthandler prints nothing; the
# timeline's pyqtgraph is not involved: tests/gui without it still crashes; the
# desk window itself exits cleanly in test_quickstart and the bundle's smoke
# tests).  Until that teardown is found, the process leaves with pytest's own
# exit status once every report is written, after closing Qt's windows in order,
# instead of letting Python finalise Qt objects in arbitrary order.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    import sys

    if "PySide6.QtWidgets" not in sys.modules or not _EXIT_STATUS:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        for w in QApplication.topLevelWidgets():
            w.close()
            w.deleteLater()
        app.processEvents()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS[-1])
