"""Untrusted text in widgets: always shown as text, never read as rich text.

Qt guesses whether a string is HTML (``Qt::mightBeRichText``) for tool tips,
QLabel's default ``AutoText``, message boxes and input dialogs.  A file named
``<img src="/dev/zero">.txt`` in such a place is rendered as HTML, and Qt
opens the named local file, without a click.  So every string that comes
from an article or a path (titles, outlets, claimants, file names, reasons,
error messages that quote them) reaches a widget through one of these:

- :func:`tip`: for tool tips, message box and input dialog text, and any
  other place that guesses: the text as rich text that shows it literally
  (escaped, control characters visible, line breaks kept).
- :func:`set_plain`: for a label: plain-text format, then the text.
- :func:`cell`: for the text an item view shows (its display role).
- :func:`title`: for window, dock and dialog titles (plain in Qt, but ``[*]``
  would be taken as the modified-marker placeholder).
- :func:`menu_text`: for menu entries (``&`` would make a shortcut).

``tests/gui/test_plain_text_rule.py`` fails on any text a widget receives in
``desk/gui`` that is neither a literal nor one of these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desk.textsafe import visible


def tip(text: object) -> str:
    """Untrusted text for a tool tip or any place that guesses rich text: it is shown literally."""
    body = html.escape(visible(str(text), newlines=True), quote=False).replace("\n", "<br>")
    # always rich text (it starts with a tag), so Qt never guesses; pre-wrap keeps runs of spaces
    return f'<p style="white-space:pre-wrap">{body}</p>'


def set_plain(label: QLabel, text: object) -> None:
    """Show untrusted ``text`` on ``label`` as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(visible(str(text), newlines=True))  # text-safe: the format is set on the line above


def cell(text: object, *, exact: bool = False) -> str:
    """Untrusted text for an item view's cell (a title, an outlet): one line, each control, bidi or
    line-separator character shown as its escape, as on the terminal; a right-to-left override in a
    title reversed the rest of its cell.  White space runs become one space, unless ``exact`` (a file
    name: a line break in it is shown as ``\x0a``, as ``desk index`` prints it)."""
    return visible(str(text) if exact else " ".join(str(text).split()))


def title(text: object) -> str:
    """Untrusted text for a window, dock or dialog title: one line, no control character, no ``[*]``."""
    return visible(" ".join(str(text).split())).replace("[*]", "[\u2060*]")


def menu_text(text: object) -> str:
    """Untrusted text for a menu entry: one line, ``&`` shown as itself rather than marking a shortcut."""
    return visible(" ".join(str(text).split())).replace("&", "&&")
