"""A comparison as a CommonMark document (tables in the GFM pipe syntax).

Everything that comes from an article (passage text, titles, outlets, paths,
claimant names) goes through :func:`escape_markdown`, so that no article can
open a heading, a list, a code span, a link, a table cell or raw HTML in the
document.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from desk.errors import DeskError, ExportError
from desk.model import Comparison, FigureStatement, PassageRef, Row
from desk.paths import writes_into
from desk.textsafe import visible

from .files import check_target, write_text_atomic

#: characters that can start or end an inline construct anywhere in a line
_INLINE = frozenset("\\`*_[]<>&|!~{}()#")
#: characters that only matter at the start of a line (lists, headings, quotes, setext, thematic breaks)
_LEADING = frozenset("-+*=#>")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
#: what a GFM renderer (GitHub, GitLab, markdown-it's linkify) turns into a live link without any markup:
#: "http://", "https://", "ftp://", "www." and "name@host.tld"; escaping the ":", the "." or the "@"
#: (a backslash escape, shown as the bare character) leaves the address as plain text
_BARE_LINK = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<scheme>https?|ftp|mailto|xmpp)(?P<colon>:)|(?P<www>www)(?P<dot>\.))"
    r"|(?<=[A-Za-z0-9._+-])(?P<at>@)(?=[A-Za-z0-9-]+\.)",
    re.IGNORECASE,
)


def _defuse_link(m: re.Match[str]) -> str:
    if m.group("at"):
        return "\\@"
    if m.group("scheme"):
        return m.group("scheme") + "\\:"
    return m.group("www") + "\\."


def _clean(text: str, *, collapse: bool = True) -> str:
    """Drop control characters; collapse line breaks and runs of white space.

    Without ``collapse`` (file paths and addresses, which must stay exact) every control character,
    line break, tab and bidi control is shown as its escape instead, as on the terminal
    (:func:`desk.textsafe.visible`: ``\x1b``, ``\x0a``, ``\u202e``), and the text is otherwise kept
    as it is.  A path's ESC or bidi override was dropped and its line break made a space, so the
    cell named a file that does not exist ("report[31m.txt") and two names could read alike.
    """
    if not collapse:
        return visible(text).strip(" ")
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cc" and not ch.isspace():
            continue
        if cat in ("Cf", "Co", "Cs") and ch not in "\u200d":
            continue
        kept.append(ch)
    return " ".join("".join(kept).split())


def escape_markdown(text: str, *, line_start: bool = True, collapse: bool = True) -> str:
    """Article text made inert: one line, every Markdown/HTML control character escaped.

    With ``line_start`` the text may begin a line, so list, heading and
    quote markers at its start are escaped too.  ``collapse=False`` keeps runs
    of spaces (for file paths).
    """
    text = _clean(text, collapse=collapse)
    return _escape_clean(text, line_start=line_start)


def _escape_clean(text: str, *, line_start: bool) -> str:
    out = []
    for ch in text:
        out.append("\\" + ch if ch in _INLINE else ch)
    escaped = _BARE_LINK.sub(_defuse_link, "".join(out))
    if line_start and escaped:
        m = _ORDERED.match(escaped)
        if m:
            escaped = m.group(1) + "\\" + m.group(2) + escaped[m.end() :]
        elif escaped[0] in _LEADING:
            escaped = "\\" + escaped
    return escaped


def _segment(text: str) -> str:
    """White space of a piece of a passage collapsed, keeping one space at either edge."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and len(text.strip()) else ""
    core = _clean(text)
    if not core:
        return " "
    return lead + _escape_clean(core, line_start=False) + trail


def marked_passage(ref: PassageRef) -> str:
    """The passage as one escaped line, figures in **bold** and claimants in *italics*."""
    spans: list[tuple[int, int, str]] = []
    for c in ref.claims:
        s, e = ref.local(c.figure.start, c.figure.end)
        if e > s:
            spans.append((s, e, "**"))
    for a in ref.attributions:
        s, e = ref.local(a.source_start, a.source_end)
        if e > s and ref.text[s:e].strip() and a.source_text[:1].isupper():
            spans.append((s, e, "*"))
    spans.sort()
    pieces: list[str] = []
    pos = 0
    for s, e, mark in spans:
        if s < pos:
            continue  # overlapping marks: keep the first
        raw = ref.text[s:e]
        inner = raw.strip()
        if not inner:
            continue
        s += len(raw) - len(raw.lstrip())  # white space at the edges stays outside the mark
        e -= len(raw) - len(raw.rstrip())
        pieces.append(_segment(ref.text[pos:s]))
        pieces.append(f"{mark}{_escape_clean(_clean(inner), line_start=False)}{mark}")
        pos = e
    pieces.append(_segment(ref.text[pos:]))
    line = "".join(pieces).strip()
    if not line:
        return "(empty passage)"
    # the line starts the quote's paragraph: make a leading marker inert
    m = _ORDERED.match(line)
    if m:
        line = m.group(1) + "\\" + m.group(2) + line[m.end() :]
    elif line[0] in "-+=#>" or (line.startswith("*") and not line.startswith("**") and not _opens_mark(line)):
        line = "\\" + line
    return line


def _opens_mark(line: str) -> bool:
    return line.startswith("*") and len(line) > 1 and not line[1].isspace()


def web_address(url: str) -> str:
    """The article's address when it is an http(s) URL (anything else is not cited as one)."""
    url = url.strip()
    return url if re.match(r"https?://[^\s]+$", url, re.IGNORECASE) else ""


def _link(url: str) -> str:
    """An http(s) address as a Markdown autolink, so that a renderer links all of it: escaped as text,
    "…/story\\_n\\_63" is linked only up to the first escape (or not at all).  An address a link cannot
    hold (angle brackets, control characters) is escaped as text instead."""
    if re.search(r"[<>\x00-\x20\x7f]", url):
        return escape_markdown(url, line_start=False, collapse=False)
    return f"<{url}>"


def citation(ref: PassageRef) -> str:
    """Outlet, title, date, address (the URL, else the file), passage: enough to find the words again."""
    parts = [escape_markdown(ref.outlet or "unknown outlet", line_start=False)]
    if ref.title:
        parts.append("“" + escape_markdown(ref.title, line_start=False) + "”")
    parts.append(ref.date.isoformat() if ref.date else "undated")
    url = web_address(getattr(ref, "url", "") or "")
    if url:
        parts.append(_link(url))
        parts.append("file " + escape_markdown(ref.relpath or ref.path, line_start=False, collapse=False))
    else:
        parts.append(escape_markdown(ref.relpath or ref.path, line_start=False, collapse=False))
    parts.append(f"passage {ref.number + 1}, characters {ref.start}–{ref.end}")
    return "— " + ", ".join(parts)


def figures_by_outlet(statements: Sequence[FigureStatement]) -> list[tuple[str, list[str]]]:
    """Every figure of a row, none left out, outlet by outlet in the order met: each as its label, after
    its claimant when someone other than the outlet gives it (a figure given twice alike once)."""
    from desk.compare.statements import figure_label

    by: dict[str, list[str]] = {}
    for s in statements:
        item = (f"{s.claimant}: " if s.claimant else "") + figure_label(s.figure)
        items = by.setdefault(s.outlet, [])
        if item not in items:
            items.append(item)
    return list(by.items())


def figures_block(statements: Sequence[FigureStatement]) -> list[str]:
    """The row's **Figures**: one line when one outlet gives at most three, else one bullet per outlet
    (a row of eight outlets listed every figure in one paragraph of a dozen lines)."""
    outlets = figures_by_outlet(statements)
    if len(outlets) == 1 and len(outlets[0][1]) <= 3:
        outlet, items = outlets[0]
        return ["**Figures:** " + escape_markdown(f"{outlet} \u2014 " + "; ".join(items), line_start=False), ""]
    lines = ["**Figures:**", ""]
    lines += ["- " + escape_markdown(f"{outlet} \u2014 " + "; ".join(items), line_start=False) for outlet, items in outlets]
    return lines + [""]


def _cell(text: str) -> str:
    return escape_markdown(text, line_start=False) or " "


def _as_of(s: FigureStatement) -> str:
    """When the figure holds: one day, an interval with open ends as "…", or "undated"."""
    start, end = getattr(s, "as_of_start", None), getattr(s, "as_of_end", None)
    if start is None and end is None:
        return "undated"
    if start == end and start is not None:
        return start.isoformat()
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


def figures_table(statements: Sequence[FigureStatement]) -> list[str]:
    lines = [
        "| Claimant | Outlet | Figure | Counts | As of | Passage |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    from desk.compare.statements import figure_label

    for s in statements:
        lines.append(
            "| "
            + " | ".join(
                [
                    _cell(s.claimant or "(the outlet)"),
                    _cell(s.outlet),
                    _cell(figure_label(s.figure)),
                    _cell(s.figure.counted or "?"),
                    _as_of(s),
                    f"{s.passage + 1}",
                ]
            )
            + " |"
        )
    return lines


#: below this share of words in common two passages do not report the same thing in other words
SAME_FACT_SIMILARITY = 0.3


def _word_changes(row: Row, ref: PassageRef, first: PassageRef, limit: int = 6) -> str:
    from desk.compare.diff import similarity, word_diff

    known = bool(row.word_diffs)
    diffs = row.word_diffs.get(ref.key, [])
    if known and not diffs:
        return ""
    if similarity(first, ref) < SAME_FACT_SIMILARITY:
        return ""  # worded apart throughout: a word list would compare unrelated sentences
    if not known:
        # a comparison leaves them for whoever shows them: this pair only (``first`` is the row's first
        # passage, the one desk.compare.diff.row_word_diffs compares with), and only when shown
        diffs = word_diff(first, ref)
        if not diffs:
            return ""
    art_text_at = ref.start
    items = []
    for d in diffs[:limit]:
        here = ref.text[d.start - art_text_at : d.end - art_text_at]
        if d.op == "insert":
            items.append(f"adds “{here}”")
        elif d.op == "delete":
            items.append(f"lacks “{d.other}”")
        else:
            items.append(f"“{here}” for “{d.other}”")
    more = f" and {len(diffs) - limit} more" if len(diffs) > limit else ""
    return "; ".join(items) + more


def _row_block(number: int, row: Row) -> list[str]:
    outlets = row.outlets
    head = f"## {number}. " + escape_markdown(", ".join(outlets) or "no outlet", line_start=False)
    tags = [f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"]
    if row.kind != "match":
        tags.append({"only": "only one article", "moved": "moved"}.get(row.kind, row.kind))
    if row.disagreement:
        tags.append("figures or claimants disagree")
    lines = [head + " (" + ", ".join(tags) + ")", ""]
    note = getattr(row, "note", "")
    if note:
        lines += ["**Note:** " + escape_markdown(note, line_start=False), ""]
    if row.statements:
        lines += figures_block(row.statements)
    elif row.summary:
        lines += ["**Figures:** " + escape_markdown(row.summary, line_start=False), ""]
    dup_of: dict[tuple[str, int], list[str]] = row.duplicates
    refs = [r for cell in row.cells.values() for r in cell]
    first = refs[0] if refs else None
    for ref in refs:
        lines.append("> " + marked_passage(ref))
        lines.append(">")
        lines.append("> " + citation(ref))
        if ref.key in dup_of:
            also = escape_markdown(", ".join(dup_of[ref.key]), line_start=False)
            lines += [">", f"> Near-identical text also carried by: {also}"]
        if first is not None and ref is not first and ref.outlet != first.outlet:
            changes = _word_changes(row, ref, first)
            if changes:
                against = escape_markdown(first.outlet or "the first passage", line_start=False)
                lines += [">", f"> Wording against {against}: " + escape_markdown(changes, line_start=False)]
        lines.append("")
    if row.statements:
        lines += figures_table(row.statements)
        lines.append("")
    if row.differences:
        lines += ["**Differences:**", ""]
        lines += ["- " + escape_markdown(d, line_start=False) for d in row.differences]
        lines.append("")
    return lines


def render_markdown(comparison: Comparison, rows: Sequence[int] | None = None) -> str:
    """The comparison (or the chosen rows, by index) as a CommonMark document."""
    chosen = list(range(len(comparison.rows))) if rows is None else list(rows)
    for i in chosen:
        if not 0 <= i < len(comparison.rows):
            raise DeskError(f"There is no row {i + 1}; the comparison has {len(comparison.rows)} rows.")
    created = comparison.created
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    what = "Collation" if comparison.mode == "collate" else "Comparison"
    query = comparison.query
    if comparison.mode == "collate" and query.startswith("collate: "):
        query = query[len("collate: ") :]
    stamp = created.astimezone(dt.UTC)
    title = escape_markdown(query, line_start=False) or "(empty query)"
    lines = [f"# {what}: {title} — exported {stamp:%Y-%m-%d}", ""]
    meta = [f"Exported {stamp:%Y-%m-%d %H:%M} UTC by desk"]
    meta.append(f"{len(chosen)} of {len(comparison.rows)} rows")
    if comparison.outlets:
        meta.append("outlets: " + escape_markdown(", ".join(comparison.outlets), line_start=False))
    for k, v in comparison.filters.items():
        meta.append(escape_markdown(f"{k}: {v}", line_start=False))
    lines += [" · ".join(meta) + ".", ""]
    for n, i in enumerate(chosen, start=1):
        lines += _row_block(n, comparison.rows[i])
    return "\n".join(lines).rstrip("\n") + "\n"


def _article_roots(comparison: Comparison) -> set[Path]:
    roots: set[Path] = set()
    for row in comparison.rows:
        for cell in row.cells.values():
            for r in cell:
                if r.relpath and r.path:
                    p = Path(r.path)
                    rel = Path(r.relpath).parts
                    # the folder is the path without its relative part, when it has one
                    if rel and len(p.parts) > len(rel) and p.parts[-len(rel) :] == rel:
                        roots.add(Path(*p.parts[: -len(rel)]))
    return roots


def write_markdown(
    comparison: Comparison,
    path: Path,
    *,
    rows: Sequence[int] | None = None,
    force: bool = False,
    folder: Path | None = None,
) -> Path:
    """Write the document atomically (:func:`desk.export.files.write_text_atomic`: only over a regular
    file, with the user's umask or the old file's mode); refuse to overwrite without ``force`` or to
    write into the articles."""
    target = Path(path).expanduser()
    if not target.is_absolute():
        target = Path.cwd() / target
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {parent} does not exist.")
    roots = _article_roots(comparison)
    if folder is not None:
        roots.add(Path(folder))
    for root in roots:
        if writes_into(target, root):
            raise ExportError(
                f"Cannot write {target}: it lies inside the article folder {root}.",
                hint="desk never writes into the article folder; choose another place.",
            )
    check_target(target, force=force)  # before rendering: a refused target costs no work
    return write_text_atomic(target, render_markdown(comparison, rows), force=force)
