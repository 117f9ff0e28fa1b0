"""Light and dark palettes; "system" follows the desktop's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_light_palette: QPalette | None = None


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    R = QPalette.ColorRole
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, color in (
        (R.Window, window),
        (R.WindowText, text),
        (R.Base, base),
        (R.AlternateBase, QColor("#26282c")),
        (R.ToolTipBase, QColor("#3a3d42")),
        (R.ToolTipText, text),
        (R.PlaceholderText, QColor("#9a9a9a")),
        (R.Text, text),
        (R.Button, window),
        (R.ButtonText, text),
        (R.BrightText, QColor("#ff6e6e")),
        (R.Link, QColor("#8ab4f8")),
        (R.Highlight, QColor("#3d6fb6")),
        (R.HighlightedText, QColor("#ffffff")),
        (R.Light, QColor("#45484e")),
        (R.Midlight, QColor("#3a3d42")),
        (R.Mid, QColor("#33363b")),
        (R.Dark, QColor("#18191b")),
        (R.Shadow, QColor("#000000")),
    ):
        p.setColor(role, color)
    disabled = QColor("#7a7a7a")
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply(key: str) -> bool:
    """Apply the "system", "light" or "dark" palette; True when the result is dark."""
    global _light_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    if _light_palette is None:
        _light_palette = app.style().standardPalette()
    dark = system_is_dark() if key == "system" else key == "dark"
    app.setPalette(dark_palette() if dark else _light_palette)
    return dark
