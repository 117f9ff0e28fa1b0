"""Session h33h: a file name in a Markdown table cell or a citation comes out inert and still readable.

Path cells and citations (``exact`` text) dropped a name's control and bidi characters and made its
line breaks spaces: ``report\\x1b[31m.txt`` was cited as "report[31m.txt", a file that does not exist,
and ``two\\nlines.txt`` read as ``two lines.txt``.  They are shown escaped as on the terminal; every
Markdown character is still escaped, so a renderer shows the name and nothing else.
"""

from __future__ import annotations

import pytest
from compare.helpers import make_ref  # tests/ is on sys.path
from markdown_it import MarkdownIt

from desk.compare import build_rows
from desk.export import markdown_table
from desk.export.markdown import render_markdown
from desk.model import Comparison
from desk.textsafe import visible

NAMES = [
    "pipe|cell *star* [x](y) `tick`.txt",
    "two\nlines  and   spaces.md",
    "tab\there.txt",
    "report\x1b[31m.txt",
    "bidi\u202eevil.txt",
    "line\u2028sep\x85next.txt",
    "_under_ <b>tag</b> &amp; \\back\\.txt",
    "https://evil.example/x.txt",
    "#1. [link](javascript:alert(1)) ![i](http://x/y.png).md",
]


def _cells(md: str) -> list[tuple[str, set[str]]]:
    """Each table cell's text as a renderer shows it, and the kinds of inline markup it holds."""
    out = []
    for t in MarkdownIt("commonmark").enable("table").parse(md):
        if t.type == "inline" and t.children is not None:
            kinds = {c.type for c in t.children} - {"text"}
            out.append(("".join(c.content for c in t.children if c.type == "text"), kinds))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_a_path_cell_reads_as_the_name(name: str) -> None:
    lines = markdown_table(["path", "figure"], [{"path": name, "figure": "12"}], exact=("path",))
    assert len(lines) == 3  # no line break of the name ends the table
    cells = _cells("\n".join(lines) + "\n")
    assert cells[2] == (visible(name), set())  # header cells, then the name: plain text, escapes shown
    assert cells[3] == ("12", set())  # the name opened no extra cell


@pytest.mark.parametrize("name", NAMES)
def test_a_citation_reads_as_the_name(name: str) -> None:
    ref = make_ref("The harbour office said 40 cranes stood idle on Friday.", "Dock News")
    ref.relpath = name
    md = render_markdown(Comparison("cranes", ["Dock News"], build_rows([ref])))
    shown = [text for text, kinds in _cells(md) if text.startswith("\u2014 ")]
    assert shown
    assert f", {visible(name)}, passage 1" in shown[0]
    kinds = set().union(*(k for _t, k in _cells(md)))
    assert not kinds & {"link_open", "image", "html_inline", "code_inline"}
