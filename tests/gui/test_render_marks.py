"""markup.render: one sweep over the marks gives what a scan of every mark at every cut point gave."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.gui.markup import Mark, _merge_css, escape_text, render


def _reference(text: str, marks: list[Mark], base_css: str = "") -> str:
    """The straightforward rendering: at each cut point, every mark is looked at."""
    n = len(text)
    inside = [m for m in marks if (m.start < n and m.end > 0) or (m.start == m.end and 0 <= m.start <= n)]
    ms = [Mark(max(0, m.start), min(n, m.end), m.css, m.href, m.priority, m.prefix, m.suffix) for m in inside]
    ms = [m for m in ms if m.start < m.end or m.prefix or m.suffix]
    points = sorted({0, n} | {m.start for m in ms} | {m.end for m in ms})
    out = [f'<div style="white-space: pre-wrap; {base_css}">']
    for i, a in enumerate(points):
        out.extend(m.suffix for m in ms if m.end == a and m.suffix)
        out.extend(m.prefix for m in ms if m.start == a and m.prefix)
        if i + 1 >= len(points):
            break
        b = points[i + 1]
        seg = escape_text(text[a:b])
        active = [m for m in ms if m.start <= a and m.end >= b]
        if not active:
            out.append(seg)
            continue
        css = _merge_css(active)
        hrefs = [m for m in active if m.href]
        inner = f'<span style="{css}">{seg}</span>' if css else seg
        if hrefs:
            top = max(hrefs, key=lambda m: m.priority)
            out.append(f'<a href="{html.escape(top.href, quote=True)}" style="text-decoration: none; {css}">{inner}</a>')
        else:
            out.append(inner)
    out.append("</div>")
    return "".join(out)


_marks = st.lists(
    st.builds(
        Mark,
        start=st.integers(-3, 40),
        end=st.integers(-3, 40),
        css=st.sampled_from(["", "color: red", "font-weight: bold", "color: blue; background: yellow"]),
        href=st.sampled_from(["", "fig:12", "who:Ann_Lee"]),
        priority=st.integers(0, 3),
        prefix=st.sampled_from(["", "<b>", "\u25b6"]),
        suffix=st.sampled_from(["", "</b>", "\u2020"]),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab <&>\n\u202e", max_size=36), marks=_marks)
def test_the_sweep_renders_exactly_what_the_full_scan_rendered(text: str, marks: list[Mark]) -> None:
    assert render(text, marks, base_css="color: black") == _reference(text, marks, "color: black")


def test_overlapping_marks_merge_their_styles_and_the_top_link_wins() -> None:
    text = "The mayor said 40 people died."
    marks = [Mark(4, 9, "color: red", "who:mayor", priority=1), Mark(0, 14, "font-weight: bold", priority=0),
             Mark(15, 17, "color: blue", "fig:40", priority=2, prefix="[", suffix="]")]
    got = render(text, marks)
    assert '<a href="who:mayor" style="text-decoration: none; font-weight: bold; color: red">' in got
    assert '[<a href="fig:40" style="text-decoration: none; color: blue"><span style="color: blue">40</span></a>]' in got
    assert got == _reference(text, marks)


def test_a_long_text_with_many_marks_renders_every_mark() -> None:
    text = "word 12 killed, said Bob. " * 5000
    marks = [Mark(i * 26 + 8, i * 26 + 14, "background: yellow") for i in range(5000)]
    got = render(text, marks)
    assert got.count('<span style="background: yellow">killed</span>') == 5000
