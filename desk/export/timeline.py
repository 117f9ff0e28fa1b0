"""The timeline beside a Markdown export: a picture file (SVG or PNG) next to the ``.md``, and a table of its points.

Kept apart from :mod:`desk.export.markdown` (the comparison's own document):
:func:`append_timeline` adds a section to a document that was already written.
Every piece of article text in the table goes through
:func:`desk.export.markdown.escape_markdown`; the picture's name is ours.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from desk.errors import ExportError
from desk.paths import writes_into
from desk.timeline.model import Timeline

from .files import write_bytes_atomic, write_text_atomic
from .markdown import escape_markdown

#: rows of the points table at most (the CLI's --csv lists them all)
TABLE_ROWS = 200


def _cell(text: str) -> str:
    return escape_markdown(text, line_start=False) or " "


def picture_path(md_path: Path, fmt: str) -> Path:
    """``report.md`` -> ``report-timeline.svg`` in the same folder."""
    return md_path.with_name(f"{md_path.stem}-timeline.{fmt}")


def timeline_markdown(tl: Timeline, picture: str | None) -> str:
    """The section: a heading, the picture (linked by its relative name) and the table of points by date."""
    lines = ["", "## Figures over time", ""]
    if picture:
        lines += [f"![Figures over time]({quote(picture)})", ""]
    points = [(s, p) for s in tl.series for p in s.points]
    if not points:
        lines += ["No figures with a counted thing in these rows.", ""]
        return "\n".join(lines)
    lines += [
        "| As of | Figure | Counts | Claimant | Outlet | Article date | Mark | Article |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s, p in points[:TABLE_ROWS]:
        mark = "≠ disagrees" if p.disagreement else "↑ growth" if p.growth else ""
        lines.append(
            "| "
            + " | ".join(
                [
                    p.as_of.label(),
                    _cell(p.figure),
                    _cell(p.counted or s.label),
                    _cell(p.claimant or "(the outlet)"),
                    _cell(p.outlet),
                    p.article_date.isoformat() if p.article_date else "undated",
                    mark or " ",
                    _cell(f"{p.path}, passage {p.passage + 1}"),
                ]
            )
            + " |"
        )
    if len(points) > TABLE_ROWS:
        lines += ["", f"({len(points) - TABLE_ROWS} more points: `desk timeline FOLDER QUERY --csv` lists every one.)"]
    lines.append("")
    return "\n".join(lines)


def append_timeline(tl: Timeline, md_path: Path, *, fmt: str = "svg", force: bool = False,
                    folder: Path | None = None) -> Path:
    """Write the picture beside the written document ``md_path`` and append the section to it.

    Returns the picture's path.  The picture obeys the export's rules (never
    inside the article folder, never over a file without ``force``).
    """
    md = Path(md_path)
    if not md.is_file():
        raise ExportError(f"Cannot add the timeline to {md}: the document is not there.")
    picture = write_picture(tl, picture_path(md, fmt), force=force, folder=folder, fmt=fmt)
    text = md.read_text(encoding="utf-8")
    section = timeline_markdown(tl, picture.name)
    # the document desk has just written: replaced whole, keeping its mode
    write_text_atomic(md, text.rstrip("\n") + "\n" + section, force=True)
    return picture


def picture_target(path: Path, *, force: bool, folder: Path | None) -> Path:
    """Refuse a target inside the article folder, in a missing folder, or an existing file without ``force``."""
    target = Path(path).expanduser()
    if not target.is_absolute():
        target = Path.cwd() / target
    if not target.parent.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    if folder is not None and writes_into(target, Path(folder)):
        raise ExportError(
            f"Cannot write {target}: it lies inside the article folder {folder}.",
            hint="desk never writes into the article folder; choose another place.",
        )
    if target.is_dir():
        raise ExportError(f"Cannot write {target}: it is a folder.")
    if target.exists() and not force:
        raise ExportError(f"{target} already exists.", hint="Use --force to overwrite it.")
    return target


def write_picture(
    tl: Timeline, path: Path, *, force: bool = False, folder: Path | None = None, fmt: str | None = None
) -> Path:
    """Write the timeline to ``path`` (SVG or PNG by its suffix, or ``fmt``), atomically.

    (Here, not in :mod:`desk.timeline.plot`, which only draws: writing files is the export layer's.)"""
    target = picture_target(path, force=force, folder=folder)
    kind = (fmt or target.suffix.lstrip(".")).lower()
    if kind not in ("svg", "png"):
        raise ExportError(f"Cannot write {target}: desk draws timelines as .svg or .png files.")
    from desk.timeline.plot import render  # matplotlib: only when a picture is drawn

    # as every export: atomic, the user's umask for a new file, only over a regular file
    return write_bytes_atomic(target, render(tl, kind), force=force)
