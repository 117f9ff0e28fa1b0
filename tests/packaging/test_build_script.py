"""packaging/build.py refuses a bundle whose Qt platform plugins miss libraries."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("desk_packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


QT = "/venv/site-packages/PySide6/Qt/plugins"


def test_platform_plugin_with_missing_library_is_refused() -> None:
    log = (
        "12 INFO: Looking for dynamic libraries\n"
        f"109247 WARNING: Library not found: could not resolve 'libxcb-cursor.so.0', dependency of '{QT}/platforms/libqxcb.so'.\n"
        f"109248 WARNING: Library not found: could not resolve 'libxcb-glx.so.0', dependency of '{QT}/xcbglintegrations/libqxcb-glx-integration.so'.\n"
    )
    assert load_build().missing_platform_libraries(log) == [
        "libxcb-cursor.so.0 (needed by libqxcb.so)",
        "libxcb-glx.so.0 (needed by libqxcb-glx-integration.so)",
    ]


def test_other_missing_libraries_do_not_block_the_build() -> None:
    log = (
        f"1 WARNING: Library not found: could not resolve 'libgtk-3.so.0', dependency of '{QT}/platformthemes/libqgtk3.so'.\n"
        "2 WARNING: Library user32 required via ctypes not found\n"
    )
    assert load_build().missing_platform_libraries(log) == []
