"""A comparison as plain text for a terminal (``desk compare`` / ``desk collate``)."""

from __future__ import annotations

import re
import textwrap
from pathlib import PurePath

from desk.model import Comparison, PassageRef, Row
from desk.textsafe import visible

#: passages longer than this are shortened in the terminal (the export has them whole)
MAX_CHARS = 600

_KIND = {"match": "", "only": "only in one article", "moved": "moved"}


def _figure_marks(ref: PassageRef, row: Row, tty: bool) -> str:
    clashing = set(row.clashing)
    spans = []
    for c in ref.claims:
        s, e = ref.local(c.figure.start, c.figure.end)
        if e > s:
            spans.append((s, e, (ref.article_id, c.figure.start) in clashing))
    spans.sort()
    out: list[str] = []
    pos = 0
    for s, e, differs in spans:
        if s < pos:
            continue
        out.append(visible(ref.text[pos:s], newlines=True))  # the article's own control characters, escaped
        word = visible(ref.text[s:e], newlines=True)
        if tty:
            colour = "\x1b[1;31m" if differs else "\x1b[1m"
            out.append(f"{colour}{'≠' if differs else ''}{word}\x1b[0m")
        else:
            out.append(f"[≠{word}]" if differs else f"[{word}]")
        pos = e
    out.append(visible(ref.text[pos:], newlines=True))
    return " ".join("".join(out).split())


def _shorten(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS] + " …"


_WORDS = re.compile(r"\w+")
_LEADING_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}[ _-]*")


def file_tells_more(ref: PassageRef) -> bool:
    """Whether the article's file name says more than its title and date.

    A folder saved as "2031-05-02 Dam Bursts Its Banks.md" names each file by
    date and title: repeating it under every passage only doubles the
    citation line.  A name that is not the title (or a shortened start of it)
    is kept, since it is how the researcher finds the file.  A name cut
    short in the middle of a word still counts as the title's start.
    """
    name = PurePath(ref.relpath or ref.path).name
    if not name:
        return False
    stem = _LEADING_DATE.sub("", name.rsplit(".", 1)[0] if "." in name else name)
    stem_words = _WORDS.findall(stem.casefold())
    title_words = _WORDS.findall(ref.title.casefold())
    if not stem_words or len(stem_words) > len(title_words):
        return True
    *whole, last = stem_words
    head = title_words[: len(stem_words)]
    # a name cut at a length limit may end inside a word ("... before or" for "... before ordering")
    return whole != head[:-1] or not head[-1].startswith(last)


def render_row(number: int, row: Row, *, tty: bool = False, width: int = 100) -> str:
    outlets = row.outlets
    flags = [f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"]
    if _KIND.get(row.kind, row.kind):
        flags.append(_KIND.get(row.kind, row.kind))
    if row.disagreement:
        flags.append("! figures or claimants disagree")
    lines = [f"── Row {number} · " + " · ".join(flags)]
    if row.summary:
        lines.append(f"   {visible(row.summary)}")
    for outlet, refs in row.cells.items():
        for ref in refs:
            label = f"[{visible(outlet)}]"
            dup = row.duplicates.get(ref.key)
            if dup:
                label += f" (also: {visible(', '.join(dup))})"
            body = _shorten(_figure_marks(ref, row, tty))
            # never cut a word: a label wider than the line ("(also: ...)" of many outlets) took one letter of
            # the first word onto its line; a word longer than the line stays whole too
            wrapped = textwrap.fill(
                body, width=width, initial_indent="   " + label + " ", subsequent_indent="      ",
                break_long_words=False,
            )
            lines.append(wrapped)
            date = ref.date.isoformat() if ref.date else "undated"
            title = visible(" ".join(ref.title.split()))
            where = f", {visible(ref.relpath or ref.path)}" if file_tells_more(ref) else ""
            lines.append(f"      — {title}, {date}{where} ¶{ref.number + 1}")
    # one line per counted thing; it says itself whether the figures agree or differ, so its
    # bullet is neutral (only the row's head says "disagree")
    for d in row.differences:
        lines.append(textwrap.fill(visible(d), width=width, initial_indent="   • ", subsequent_indent="     "))
    if row.note:
        note = " ".join(visible(row.note, newlines=True).split())
        lines.append(textwrap.fill(note, width=width, initial_indent="   Note: ", subsequent_indent="         "))
    return "\n".join(lines)


def render_text(comparison: Comparison, *, tty: bool = False, width: int = 100) -> str:
    head = "Collation" if comparison.mode == "collate" else f"Comparison for {visible(repr(comparison.query))}"
    outlets = visible(", ".join(comparison.outlets)) or "none"
    parts = [f"{head}: {len(comparison.rows)} rows, outlets: {outlets}"]
    for n, row in enumerate(comparison.rows, start=1):
        parts.append(render_row(n, row, tty=tty, width=width))
    return "\n\n".join(parts) + "\n"
