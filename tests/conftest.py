"""Shared fixtures: where the shared corpora are, and a private data dir."""

from __future__ import annotations

import os
from pathlib import Path

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
