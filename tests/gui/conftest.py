"""GUI fixtures: settings in a temporary directory, a window over a fake or real library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from desk.gui import settings as settings_mod  # noqa: E402
from desk.gui.main_window import MainWindow  # noqa: E402
from gui.fakes import FakeLibrary  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path, qapp) -> settings_mod.Settings:  # type: ignore[no-untyped-def]
    settings_mod.use_path(str(tmp_path / "settings"))
    return settings_mod.Settings()


@pytest.fixture
def fake_window(qtbot, settings, data_dir: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    libs: list[FakeLibrary] = []

    def factory(folder: str, data: str | None) -> FakeLibrary:
        lib = FakeLibrary(folder, data)
        libs.append(lib)
        return lib

    w = MainWindow(settings, data_dir=str(data_dir), library_factory=factory, err_windows=False)
    w.libs = libs  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_library()
