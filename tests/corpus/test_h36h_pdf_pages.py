"""Session h36h: a PDF longer than desk reads is listed with a note, not cut short in silence.

desk reads the first :data:`desk.corpus.pdf.MAX_PAGES` pages of a PDF (a 5,000-page report would hold the
reading child past its time budget).  It noted "only the first 300 pages were read" on the article, but
no face showed that note: ``desk index`` and ``desk articles`` said nothing, the Problems panel listed
nothing, and the other 4,700 pages were simply not searchable.  The note now says how many pages there
are and is listed as the other notes on how a file was read are.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from desk import cli, corpus
from desk.corpus import pdf
from desk.corpus.reader import field_problems, read_article
from desk.library import Library

DEMO_PDF = Path(__file__).resolve().parents[2] / "resources" / "demo" / "lowland-gazette-inquiry.pdf"


def _pages(n: int) -> bytes:
    page = PdfReader(DEMO_PDF).pages[0]
    w = PdfWriter()
    for _ in range(n):
        w.add_page(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)  # read in a forked child, which keeps the value
    f = tmp_path / "articles"
    f.mkdir()
    (f / "report.pdf").write_bytes(_pages(3))
    (f / "short.pdf").write_bytes(_pages(2))
    return f


def test_the_note_names_the_pages_and_is_a_problem(folder: Path) -> None:
    ctx = corpus.FolderContext.load(folder)
    notes = read_article(folder / "report.pdf", folder, ctx).notes
    said = [n for n in notes if "pages were read" in n]
    assert said == ["only the first 2 of its 3 pages were read: the rest is not searchable"]
    assert field_problems(notes) == said
    assert not [n for n in read_article(folder / "short.pdf", folder, ctx).notes if "pages" in n]


def test_the_note_an_older_desk_stored_is_listed_too() -> None:
    assert field_problems(["only the first 300 pages were read"]) == ["only the first 300 pages were read"]


def test_every_face_lists_it(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli.main(["index", str(folder), "--data-dir", str(data), "--no-extract"]) == 0
    out = capsys.readouterr().out
    assert "note: report.pdf: only the first 2 of its 3 pages were read" in out
    assert cli.main(["articles", str(folder), "--data-dir", str(data)]) == 0
    said = capsys.readouterr()
    assert "only the first 2 of its 3 pages were read" in said.out
    assert "1 with notes" in said.err
    with Library(folder, data_dir=data) as lib:  # what the Problems panel lists
        listed = [(Path(s.path).name, s.reason, s.indexed) for s in lib.skipped()]
    assert listed == [("report.pdf", "only the first 2 of its 3 pages were read: the rest is not searchable", True)]
