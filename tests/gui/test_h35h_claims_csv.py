"""Session h35h: the window's claims CSV (Save as CSV under the claims table) escapes control and bidi
characters, as every CSV desk writes does (``desk claims --csv``, :func:`desk.export.csv_cell`).  It had
its own cell helper, which kept formulas out but wrote an ESC sequence or a right-to-left override of a
claimant's name or a sentence into the file as it was."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from desk.gui.claims_view import ClaimsView, csv_cell
from desk.textsafe import BODY_UNSAFE_RE
from gui.fakes import ARTICLES, FakeLibrary

pytestmark = pytest.mark.gui

HOSTILE_NAME = "Harbour \u202eretsam \x1b]52;c;Y2xpcA==\x07"
HOSTILE_SENTENCE = "=HYPERLINK(\"http://x.example\") said 40 \x1b[2Jcranes stood idle \u2066quay\u2069."


def test_the_claims_csv_escapes_controls_and_formulas(qtbot) -> None:  # type: ignore[no-untyped-def]
    lib = FakeLibrary("x")
    view = ClaimsView()
    qtbot.addWidget(view)
    statements = [dataclasses.replace(s, claimant=HOSTILE_NAME, sentence=HOSTILE_SENTENCE) for s in lib.claims()]
    view.set_statements(statements, {a.id: a.date for a in ARTICLES})
    text = view.listed_csv()
    assert not BODY_UNSAFE_RE.search(text.replace("\n", " ")), repr(text)
    assert "\x07" not in text
    header, *rows = list(csv.reader(io.StringIO(text)))
    claimant = header.index("Claimant")
    sentence = header.index("Sentence")
    assert rows
    assert all(r[claimant] == "Harbour \\u202eretsam \\x1b]52;c;Y2xpcA==\\x07" for r in rows)
    assert all(r[sentence].startswith("'=HYPERLINK(") and "\\x1b[2J" in r[sentence] for r in rows)


def test_the_cell_keeps_its_one_line_and_signed_numbers() -> None:
    assert csv_cell("-5,710") == "-5,710"
    assert csv_cell("two\nlines") == "two lines"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("\t+1+1") == "'+1+1"
    assert csv_cell("a\u202eb") == "a\\u202eb"
