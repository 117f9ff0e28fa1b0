"""The Markdown export: structure, escaping of hostile article text, safe writing."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from compare.helpers import make_ref, soldiers_comparison  # tests/ is on sys.path (rootdir-relative packages)
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from desk.compare import build_rows
from desk.errors import DeskError, ExportError
from desk.export.markdown import escape_markdown, render_markdown, write_markdown
from desk.model import Attribution, Comparison, PassageRef

HOSTILE = (
    "| a | b |\n|---|---|\n# Heading\n> quoted\n\n1. first\n- item\n* star\n+ plus\n"
    "```python\nprint(1)\n```\n    indented code\n<script>alert('x')</script> <b>bold</b> <!-- c -->"
    " &amp; &#x3C; &copy; [link](javascript:alert(1)) ![img](http://x/y.png) <http://auto.link>"
    " *em* **strong** _u_ __uu__ `code` ~~del~~ \\ trailing backslash\\\n"
    "Setext\n===\n---\n***\u2028line sep\u0085next\x00nul\x1b[31m 14,000 soldiers killed, said Zelensky."
)


def parse(md: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(md)


def counts(md: str) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in parse(md):
        c[t.type] += 1
        for ch in t.children or []:
            c[ch.type] += 1
    return c


def hostile_ref(outlet: str, number: int) -> PassageRef:
    text = HOSTILE + f" Number {number}."
    ref = make_ref(
        text,
        outlet,
        number=number,
        figures=[("14,000", 14000, "", "soldiers killed", "Zelensky | <b>x</b>")],
    )
    at = text.index("Zelensky.")
    ref.attributions = [
        Attribution("Zelensky", at, at + 8, "Zelensky", "said", at - 5, at - 1, 0, at)
    ]
    ref.title = "# Title | with `pipes` <i>and</i> [html](x)"
    ref.relpath = "dir|x/`file`<script>.md"
    return ref


def hostile_comparison() -> Comparison:
    refs = [hostile_ref("Outlet | One", 0), hostile_ref("<b>Two</b>", 1), hostile_ref("# Three", 2)]
    rows = build_rows(refs)
    return Comparison(query="soldiers | <script>alert(1)</script> # `q`", outlets=[], rows=rows)


def n_passages(c: Comparison) -> int:
    return sum(len(cell) for r in c.rows for cell in r.cells.values())


def test_hostile_text_cannot_change_the_structure() -> None:
    c = hostile_comparison()
    md = render_markdown(c)
    k = counts(md)
    assert k["heading_open"] == 1 + len(c.rows)
    assert k["blockquote_open"] == n_passages(c)
    assert k["table_open"] == sum(1 for r in c.rows if r.statements)
    for bad in ("html_block", "html_inline", "link_open", "image", "code_inline", "code_block", "fence", "hr",
                "ordered_list_open", "s_open"):
        assert k[bad] == 0, bad
    # bullet lists only where the export writes differences, and figures of more than one outlet
    from desk.export.markdown import figures_by_outlet

    lists = sum(1 for r in c.rows if r.differences)
    lists += sum(1 for r in c.rows if r.statements and len(figures_by_outlet(r.statements)) > 1)
    assert lists > sum(1 for r in c.rows if r.differences)  # (the hostile outlet names are in a list)
    assert k["bullet_list_open"] == lists
    # every table row has exactly the six columns written
    tokens = parse(md)
    cells_per_row = []
    n = 0
    for t in tokens:
        if t.type == "tr_open":
            n = 0
        elif t.type in ("td_open", "th_open"):
            n += 1
        elif t.type == "tr_close":
            cells_per_row.append(n)
    assert set(cells_per_row) == {6}
    # the article's words survive as text
    text = "".join(ch.content for t in tokens if t.type == "inline" for ch in t.children or [] if ch.type == "text")
    assert "<script>alert('x')</script>" in text
    assert "&amp;" in text
    assert "[link](javascript:alert(1))" in text


def test_figures_bold_and_claimants_italic() -> None:
    ref = make_ref(
        "Zelensky said 14,000 Russian soldiers were killed.",
        "Outlet",
        figures=[("14,000", 14000, "", "Russian soldiers killed", "Volodymyr Zelensky")],
    )
    ref.attributions = [Attribution("Volodymyr Zelensky", 0, 8, "Zelensky", "said", 9, 13, 14, 49)]
    c = Comparison("q", ["Outlet"], build_rows([ref]))
    md = render_markdown(c)
    assert "> *Zelensky* said **14,000** Russian soldiers were killed." in md
    k = counts(md)
    assert k["strong_open"] >= 1
    assert k["em_open"] >= 1


def test_heading_citations_table_and_differences() -> None:
    c = soldiers_comparison()
    refs = [p for row in c.rows for cell in row.cells.values() for p in cell]
    assert len(refs) == 2
    md = render_markdown(c)
    assert md.startswith(f"# Comparison: soldiers killed — exported {c.created:%Y-%m-%d}\n")
    assert f"{c.created:%Y-%m-%d}" in md
    for r in refs:
        assert f"{r.relpath}, passage {r.number + 1}" in md.replace("\\", "")
    assert "| Volodymyr Zelensky | Daily Times | 14,000 | Russian soldiers killed | undated | 1 |" in md
    assert "do not agree" in md
    assert counts(md)["table_open"] == 1


def test_row_selection() -> None:
    refs = [
        make_ref("Grain ships left Odesa port under the Turkey deal.", "A", number=0),
        make_ref("A missile strike hit a school building in Kharkiv overnight.", "B", number=1),
    ]
    c = Comparison("q", [], build_rows(refs))
    assert len(c.rows) == 2
    md = render_markdown(c, rows=[1])
    assert counts(md)["blockquote_open"] == 1
    assert "1 of 2 rows" in md
    with pytest.raises(DeskError):
        render_markdown(c, rows=[5])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|`#>*_[]()<>&!-+=.:;~\\ \n\t1aZ;/\"'\u2028\x00é")), max_size=40))
def test_escaped_text_is_always_one_plain_paragraph(text: str) -> None:
    escaped = escape_markdown(text)
    cleaned = " ".join("".join(ch for ch in text if ch != "\x00").split())
    assume(cleaned)
    tokens = parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {ch.type for ch in children} <= {"text"}
    assert "".join(ch.content for ch in children) == cleaned


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|`#>*_[]<&-\\ 1a\n")), max_size=30))
def test_escaped_text_in_a_table_cell_stays_one_cell(text: str) -> None:
    md = "| a | b |\n| --- | --- |\n| " + (escape_markdown(text, line_start=False) or " ") + " | x |\n"
    tokens = parse(md)
    assert sum(t.type == "td_open" for t in tokens) == 2


def test_write_is_atomic_and_never_clobbers(tmp_path: Path) -> None:
    c = hostile_comparison()
    target = tmp_path / "out.md"
    assert write_markdown(c, target) == target
    first = target.read_text(encoding="utf-8")
    assert first == render_markdown(c)
    with pytest.raises(ExportError, match="already exists"):
        write_markdown(c, target)
    assert target.read_text(encoding="utf-8") == first
    target.write_text("old", encoding="utf-8")
    write_markdown(c, target, force=True)
    assert target.read_text(encoding="utf-8") == first
    assert sorted(os.listdir(tmp_path)) == ["out.md"]  # no temporary files left


def test_refuses_the_article_folder_and_missing_dirs(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    ref = make_ref("Russian soldiers were killed near Bakhmut, officials said.", "A")
    ref.path = str(folder / "sub" / "a.md")
    ref.relpath = "sub/a.md"
    c = Comparison("q", ["A"], build_rows([ref]))
    with pytest.raises(ExportError, match="article folder"):
        write_markdown(c, folder / "export.md")
    with pytest.raises(ExportError, match="article folder"):
        write_markdown(c, folder / "sub" / "export.md")
    with pytest.raises(ExportError, match="does not exist"):
        write_markdown(c, tmp_path / "nowhere" / "x.md")
    other = tmp_path / "exports"
    other.mkdir()
    assert write_markdown(c, other / "x.md").is_file()
    assert sorted(p.name for p in folder.rglob("*")) == ["sub"]


def test_citation_keeps_file_paths_exact() -> None:
    ref = make_ref("Russian soldiers were killed near Bakhmut, officials said.", "A")
    ref.relpath = "2022-07-29 Trump's  'Claim'  (two spaces).md"
    md = render_markdown(Comparison("q", ["A"], build_rows([ref])))
    assert "2022-07-29 Trump's  'Claim'  \\(two spaces\\).md, passage 1" in md


def test_citation_carries_the_url_and_the_figures_line_every_figure(tmp_path: Path) -> None:
    from desk.model import FigureStatement, Row

    names = [f"Pilot {c}" for c in "ABCDEFGHIJKL"]  # more than the on-screen summary shows
    text = " ".join(f"{n} counted {10 + i} gulls." for i, n in enumerate(names))
    ref = make_ref(text, "Coast Post", figures=[(f"{10 + i}", 10 + i, "", "gulls", n) for i, n in enumerate(names)])
    ref.url = "https://coast.example/gulls?id=7"
    other = make_ref("A different note on 9 gulls.", "Bay Wire", figures=[("9", 9, "", "gulls", "")])
    other.url = "javascript:alert(1)"
    stmts = [FigureStatement("Coast Post", c.claimant, c.figure, ref.article_id, 0) for c in ref.claims]
    row = Row(cells={"Coast Post": [ref], "Bay Wire": [other]}, statements=stmts, summary="cut · (+4 more)")
    md = render_markdown(Comparison("gulls", ["Coast Post", "Bay Wire"], [row]))
    assert "<https://coast.example/gulls?id=7>" in md  # an autolink: every renderer links the whole address
    assert "javascript" not in md
    assert "(+4 more)" not in md
    lines = md.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("**Figures:**"))
    # one bullet per outlet: every figure of Coast Post on its line, each with its claimant
    assert lines[at : at + 4] == [
        "**Figures:**",
        "",
        "- Coast Post \u2014 " + "; ".join(f"{n}: {10 + i}" for i, n in enumerate(names)),
        "",
    ]
    out = write_markdown(Comparison("gulls", ["Coast Post", "Bay Wire"], [row]), tmp_path / "gulls.md")
    mask = os.umask(0o022)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_address_with_markdown_characters_is_linked_whole_and_one_that_cannot_be_linked_is_escaped() -> None:
    from desk.export.markdown import citation

    ref = make_ref("Nine gulls nested.", "Coast Post")
    ref.url = "https://coast.example/entry/gulls_n_63*x?[a]=1"
    assert "<https://coast.example/entry/gulls_n_63*x?[a]=1>" in citation(ref)
    ref.url = "https://coast.example/a>b<script>"
    cited = citation(ref)
    assert "<script>" not in cited
    assert "<https" not in cited
    assert "coast.example/a\\>b\\<script\\>" in cited


def test_wording_differences_only_between_passages_of_the_same_fact() -> None:
    from desk.compare.diff import word_diff
    from desk.model import Row

    a = make_ref("The ferry left the harbour at nine with forty cars aboard.", "Coast Post")
    b = make_ref("The ferry left the harbour at ten with forty cars aboard.", "Bay Wire")
    c = make_ref("Gulls nested on the lighthouse roof this spring, wardens noted.", "Hill Times")
    row = Row(cells={"Coast Post": [a], "Bay Wire": [b], "Hill Times": [c]},
              word_diffs={b.key: word_diff(a, b), c.key: word_diff(a, c)})
    md = render_markdown(Comparison("ferry", ["Coast Post", "Bay Wire", "Hill Times"], [row]))
    wording = [ln for ln in md.splitlines() if "Wording against" in ln]
    assert len(wording) == 1
    assert "Coast Post" in wording[0]
    assert "ten" in wording[0]


def test_wording_differences_are_worked_out_for_a_comparison_that_left_them() -> None:
    """desk.compare leaves word differences for whoever shows them: the export works them out itself."""
    from desk.model import Row

    a = make_ref("The ferry left the harbour at nine with forty cars aboard.", "Coast Post")
    b = make_ref("The ferry left the harbour at ten with forty cars aboard.", "Bay Wire")
    row = Row(cells={"Coast Post": [a], "Bay Wire": [b]})
    md = render_markdown(Comparison("ferry", ["Coast Post", "Bay Wire"], [row]))
    wording = [ln for ln in md.splitlines() if "Wording against" in ln]
    assert len(wording) == 1
    assert "“ten” for “nine”" in wording[0]


def test_the_export_works_out_wording_only_where_it_shows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exporting every row of a large comparison: no word differences for passages worded apart throughout."""
    import desk.compare.diff as diff
    from desk.model import Row

    a = make_ref("The ferry left the harbour at nine with forty cars aboard.", "Coast Post")
    b = make_ref("The ferry left the harbour at ten with forty cars aboard.", "Bay Wire")
    c = make_ref("Gulls nested on the lighthouse roof this spring, wardens noted.", "Hill Times")
    asked: list[str] = []
    real = diff.word_diff
    monkeypatch.setattr(diff, "word_diff", lambda x, y: (asked.append(y.outlet), real(x, y))[1])
    md = render_markdown(Comparison("ferry", ["Coast Post", "Bay Wire", "Hill Times"],
                                    [Row(cells={"Coast Post": [a], "Bay Wire": [b], "Hill Times": [c]})]))
    assert asked == ["Bay Wire"]
    assert "“ten” for “nine”" in md


def test_few_figures_of_one_outlet_stay_on_one_line() -> None:
    from desk.export.markdown import figures_block
    from desk.model import FigureStatement

    ref = make_ref("Wardens counted 40 herons and 12 egrets.", "Marsh Times",
                   figures=[("40", 40, "", "herons", "Wardens"), ("12", 12, "", "egrets", "")])
    stmts = [FigureStatement("Marsh Times", c.claimant, c.figure, ref.article_id, 0) for c in ref.claims]
    assert figures_block(stmts) == ["**Figures:** Marsh Times \u2014 Wardens: 40; 12", ""]
