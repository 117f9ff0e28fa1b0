"""The timeline picture (SVG/PNG) and its place beside a Markdown export."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from desk.errors import ExportError
from desk.export.timeline import append_timeline, picture_path, timeline_markdown, write_picture
from desk.timeline import build_series
from desk.timeline.model import Timeline
from desk.timeline.plot import plain, render
from timeline.test_build import growing_toll, ref

HOSTILE_NAME = "$\\alpha$ <script>alert(1)</script> | # [x](javascript:y)"


def hostile_timeline() -> Timeline:
    refs = [*growing_toll(),
            ref(f"{HOSTILE_NAME} said 55 villagers were killed.", "Daily <b>D</b>", dt.date(2031, 5, 20),
                [("55", 55, "more than", "villagers killed", HOSTILE_NAME)]),
            ref("Someone said 12 villagers were killed.", "Daily E", None,
                [("12", 12, "up to", "villagers killed", "someone")])]
    return Timeline("villagers killed", build_series(refs))


def test_svg_is_well_formed_and_text_is_inert() -> None:
    svg = render(hostile_timeline(), "svg").decode("utf-8")
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag.endswith("svg")
    assert "<script" not in svg
    assert "javascript:" not in svg or "&lt;" in svg  # any article text is XML text, never markup
    assert not any(el.tag.rsplit("}", 1)[-1] in ("script", "a", "foreignObject") for el in root.iter())


def test_png_is_a_png() -> None:
    assert render(hostile_timeline(), "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_plain_labels_never_start_mathtext() -> None:
    assert plain("costs $5 and $6") == r"costs \$5 and \$6"
    assert plain("a\x1b[31mb\nc") == "a [31mb c"


def test_svg_written_beside_the_markdown_export(tmp_path: Path) -> None:
    md = tmp_path / "report.md"
    md.write_text("# Comparison\n\nrows here\n", encoding="utf-8")
    tl = hostile_timeline()
    pic = append_timeline(tl, md, fmt="svg", folder=tmp_path / "articles")
    assert pic == picture_path(md, "svg") == tmp_path / "report-timeline.svg"
    assert pic.read_bytes().lstrip().startswith(b"<?xml")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Comparison\n\nrows here\n")
    assert "![Figures over time](report-timeline.svg)" in text
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    images = [c for t in tokens if t.children for c in t.children if c.type == "image"]
    assert [i.attrGet("src") for i in images] == ["report-timeline.svg"]
    assert not any(t.type in ("html_block", "html_inline") for t in tokens)
    assert not any(c.type in ("html_inline", "link_open") for t in tokens if t.children for c in t.children)
    # the table of points with their dates, every point a row
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == len(tl.points) + 1
    assert "| 2031-04-02 | 700 |" in text
    assert "| undated |" in text


def test_picture_never_overwrites_or_lands_in_the_articles(tmp_path: Path) -> None:
    tl = hostile_timeline()
    out = tmp_path / "t.svg"
    write_picture(tl, out)
    with pytest.raises(ExportError, match="already exists"):
        write_picture(tl, out)
    write_picture(tl, out, force=True)
    arts = tmp_path / "articles"
    arts.mkdir()
    with pytest.raises(ExportError, match="inside the article folder"):
        write_picture(tl, arts / "t.png", folder=arts)
    with pytest.raises(ExportError, match=r"\.svg or \.png"):
        write_picture(tl, tmp_path / "t.gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "t.svg"]


def test_empty_timeline_section_and_picture(tmp_path: Path) -> None:
    tl = Timeline("nothing")
    assert "No figures" in timeline_markdown(tl, None)
    assert render(tl, "svg").lstrip().startswith(b"<?xml")


def test_picture_colours_are_the_palettes_most_frequent_first() -> None:
    from desk import palette
    from desk.timeline.colours import NO_CLAIMANT, timeline_colours

    tl = hostile_timeline()
    colours = timeline_colours(tl)
    # "the monitors" has three figures: the first look; the others after it
    assert list(colours)[0] == "the monitors"
    assert colours["the monitors"] == palette.look_for_slot(0).colour
    assert colours[HOSTILE_NAME] == palette.look_for_slot(1).colour
    assert NO_CLAIMANT not in [c for n, c in colours.items() if n]


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_a_new_picture_follows_the_umask_and_the_document_keeps_its_mode(tmp_path: Path, mask: int) -> None:
    """As every export: a picture is no private temporary file (mode 0600 whatever the umask), and adding
    the timeline section to the document written before keeps that document's mode."""
    md = tmp_path / "brief.md"
    md.write_text("# Comparison\n", encoding="utf-8")
    md.chmod(0o644)
    old = os.umask(mask)
    try:
        pic = append_timeline(hostile_timeline(), md, fmt="svg")
        png = write_picture(hostile_timeline(), tmp_path / "alone.png")
    finally:
        os.umask(old)
    assert stat.S_IMODE(pic.stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE(png.stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE(md.stat().st_mode) == 0o644
    assert "Figures over time" in md.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alone.png", "brief-timeline.svg", "brief.md"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_that_takes_no_file_is_a_sentence() -> None:
    """/proc/self is a folder where no file can be created: an ExportError naming it, not a FileNotFoundError."""
    with pytest.raises(ExportError, match=r"Cannot write into /proc/self"):
        write_picture(hostile_timeline(), Path("/proc/self/curve.svg"))


def test_a_read_only_folder_is_a_sentence_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, which writes into a mode-0555 folder: the refusal is raised where the OS raises it."""
    from desk.export import files

    real_open = os.open

    def read_only(path, flags, mode=0o777, **kw):  # type: ignore[no-untyped-def]
        if Path(path).parent == tmp_path and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(files.os, "open", read_only)
    with pytest.raises(ExportError, match="Read-only file system"):
        write_picture(hostile_timeline(), tmp_path / "curve.png")
    assert list(tmp_path.iterdir()) == []
