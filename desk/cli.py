"""The command line face of desk: thin sub-commands over :class:`desk.library.Library`.

Layout: shared option helpers, output helpers, then one ``setup_<name>`` (adds
the sub-command's arguments) and one ``run_<name>`` (does it, returns the exit
status) per sub-command, and the table :data:`COMMANDS` that ties them
together.  Exit status: 0 ok, 1 nothing found, 2 error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desk import __version__, paths
from desk.errors import DeskError, check_query_length, dates_reversed
from desk.textsafe import CURLY, json_dumps, quoted, visible

if TYPE_CHECKING:
    from desk.api import LibraryAPI

OK, NOTHING, ERROR, INTERRUPTED = 0, 1, 2, 130


# --------------------------------------------------------------------------
# shared option helpers


def add_data_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        type=paths.data_dir_argument,
        help=f"where desk keeps indexes, aliases and logs (default: ${paths.ENV_DATA_DIR} or the user cache)",
    )


def add_common_options(p: argparse.ArgumentParser) -> None:
    """--data-dir, --json and --debug: every sub-command has them."""
    add_data_dir_option(p)
    p.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout")
    p.add_argument("--debug", action="store_true", help="show the full traceback on errors")


def filled(what: str, *, option: bool = True) -> Callable[[str], str]:
    """An argument parser's ``type`` that refuses a blank value (``--outlet " "``, ``--since ""``: an unset
    shell variable), saying ``what`` to give instead (and, for an ``option``, that it may be left out).
    A blank outlet matched no article and the command said only that no passage matched; a blank date
    was no filter at all, without a word."""
    told = f"it is empty: {what}" + (", or leave the option out" if option else "")

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(told)
        return text

    return check


def count_option(name: str, high: int, why: str) -> Callable[[str], int]:
    """An argument parser's ``type`` for a count option (``--limit N``): a whole number from 1 to ``high``,
    else a sentence saying so, and ``why`` the bound.  Checked before anything is indexed: ``--limit 0``
    was refused only after the folder was indexed, and nothing stopped ``compare --limit 1000000``
    (58 s and 4 GB for one word on a 6,800-article folder)."""

    def check(text: str) -> int:
        try:
            value = int(text.strip().replace(",", "").replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{quoted(text)} is not a whole number: give {name} as a number from 1 to {high:,}"
            ) from None
        if not 1 <= value <= high:
            raise argparse.ArgumentTypeError(f"{value:,} is out of range: give a number from 1 to {high:,} ({why})")
        return value

    return check


#: ``desk search --limit``: passages listed at most
SEARCH_LIMIT_MAX = 100_000
#: ``desk compare --limit``: candidate passages grouped at most (the default is 400; each costs memory and
#: time in the grouping: 3,000 took 41 s and 3.3 GB for "killed" on ukraine-media's 6,800 articles)
COMPARE_LIMIT_MAX = 2_000


def add_filter_options(p: argparse.ArgumentParser) -> None:
    """--outlet (repeatable), --since, --until."""
    p.add_argument("--outlet", action="append", default=[], metavar="NAME", type=filled("name an outlet"),
                   help="only this outlet (repeatable)")
    p.add_argument("--since", metavar="DATE", type=filled("give a date such as 2022-07-01"),
                   help="only articles dated on or after DATE (2022-07-01)")
    p.add_argument("--until", metavar="DATE", type=filled("give a date such as 2022-07-01"),
                   help="only articles dated on or before DATE")


def check_outlets(lib: Any, outlets: Sequence[str]) -> None:
    """Refuse an ``--outlet`` no article of the folder is from (matched as the index matches it, case
    aside): a misspelt outlet ("Reuter") filtered every passage out, and the command said that no
    passage matched the query, which was not at fault.  Nothing is said while the folder has no
    article indexed yet."""
    if not outlets:
        return
    known = lib.outlets()
    keys = {o.lower() for o in known}
    unknown = [o for o in outlets if o.lower() not in keys]
    if known and unknown:
        some = ", ".join(sorted(known, key=str.casefold)[:6]) + (", \u2026" if len(known) > 6 else "")
        raise DeskError(f"No article of this folder is from the outlet {quoted(unknown[0], 80, CURLY)}; "
                        f"its outlets: {some} (desk articles FOLDER lists them all).")


def add_folder_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="FOLDER", type=paths.folder_argument, help="the folder of articles")


def check_date_options(args: argparse.Namespace) -> None:
    from desk.library import check_date, dates_in_order

    for name in ("since", "until"):
        value = getattr(args, name, None)
        if value:
            try:
                check_date(value)
            except DeskError as exc:
                raise DeskError(f"--{name}: {exc}") from None
    since, until = getattr(args, "since", None), getattr(args, "until", None)
    if since and until and not dates_in_order(since, until):
        raise DeskError(dates_reversed(visible(since), visible(until)))


# --------------------------------------------------------------------------
# output helpers


def _plain(obj: Any) -> Any:
    from desk.export.json import to_plain

    return to_plain(obj)


def print_json(data: Any, out: TextIO | None = None) -> None:
    """``data`` as JSON that is valid UTF-8 whatever the file names, with no character a terminal
    acts on: every ``--json`` goes through :func:`desk.export.json.to_plain`, then
    :func:`desk.textsafe.json_dumps`."""
    out = out or sys.stdout
    from desk.export.json import to_plain

    # json_dumps makes undecodable strings safe itself, and to_plain leaves no NaN or infinity
    text = json_dumps(to_plain(data, safe=False), finite=True) + "\n"
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is not None:  # UTF-8 bytes whatever the locale's encoding
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)


def mark(text: str, spans: Sequence[tuple[int, int]], tty: bool) -> str:
    """``text`` with the spans (local offsets) marked: bold on a terminal, else [[...]].

    The text's own control characters are escaped (:func:`desk.textsafe.visible`)
    before desk adds its marks."""
    left, right = ("\x1b[1m", "\x1b[0m") if tty else ("[[", "]]")
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos or e <= s:
            continue
        out.append(visible(text[pos:s], newlines=True))
        out.append(f"{left}{visible(text[s:e], newlines=True)}{right}")
        pos = e
    out.append(visible(text[pos:], newlines=True))
    return "".join(out)


def one_line(text: str) -> str:
    """Untrusted text on one line for a terminal: white space collapsed, control characters escaped."""
    return visible(" ".join(text.split()))


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal.

    Without a terminal, only a wait for another desk process is told (one line),
    so that a script or a log shows why desk is not moving.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._drawn = False
        self._told = ""

    def __call__(self, done: int, total: int, message: str = "") -> None:
        message = visible(message)
        if not self.enabled:
            if total == 0 and message.startswith("waiting for") and message != self._told:
                self._told = message
                self.stream.write(f"desk: {message}\n")
                self.stream.flush()
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        width = 30
        if total > 0:
            frac = min(1.0, done / total)
            bar = "#" * int(frac * width)
            line = f"[{bar:<{width}}] {frac * 100:3.0f}% {done}/{total} {message}"
        else:
            line = f"[{'.' * width}] {message}"
        cols = 100
        self.stream.write("\r" + line[:cols].ljust(cols))
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
            self._drawn = False


def open_library(args: argparse.Namespace) -> LibraryAPI:
    from desk.lazy import collector_held_off
    from desk.library import Library

    # (a data folder inside the article folder is refused by Library, for both faces); opening imports
    # the index's modules and reads its tables: bounded, out of the collector's way
    with collector_held_off(set_aside=True):  # a command answers one question: what opening made lives till the end
        lib = Library(args.folder, data_dir=args.data_dir)
    for notice in lib.notices:  # a damaged index being rebuilt: said once, here
        print(f"desk: {visible(notice, newlines=True)}.", file=sys.stderr)
    lib.notices = []
    return lib


#: how long a read command waits for another process's indexing before reading the index as it is
READ_LOCK_WAIT = 2.0


def index_quietly(lib: Any, args: argparse.Namespace, extract: bool = False) -> Any:
    """Bring the index up to date before a read command (text pass only by default).

    When another desk process is indexing the folder, a read command does not
    wait for it (that can take minutes): it reads the last whole commit and says so.
    """
    from desk.errors import DiskFull, IndexBusy
    from desk.lazy import set_aside_start_up

    bar = ProgressBar()
    try:
        return lib.update(progress=bar, extract=extract, lock_wait=READ_LOCK_WAIT)
    except IndexBusy:
        bar.finish()
        print("desk: another desk process is indexing this folder; reading the index as it is", file=sys.stderr)
        return None
    except DiskFull as exc:
        bar.finish()
        print(f"desk: {visible(exc.message, newlines=True)} Reading the index as it is.", file=sys.stderr)
        return None
    finally:
        bar.finish()
        set_aside_start_up()  # the check's survivors (the compare modules it imported) live till the end


def pending_note(n: int) -> str:
    return f"figures/claimants pending for {n} article{'s' if n != 1 else ''} (run: desk index FOLDER)"


# --------------------------------------------------------------------------
# desk index


def setup_index(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    p.add_argument("--no-extract", action="store_true", help="index the text only; find figures and claimants later")


def run_index(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        bar = ProgressBar()
        try:
            report = lib.update(progress=bar, extract=not args.no_extract)
        finally:
            bar.finish()
        if args.json:
            print_json({"folder": str(lib.folder), **_plain(report)})
            return OK
        state = "cancelled" if report.cancelled else "indexed"
        print(
            f"{state} {visible(lib.folder)}: {report.added} added, {report.updated} updated, {report.removed} removed, "
            f"{report.unchanged} unchanged, {len(report.skipped)} skipped ({report.seconds:.1f} s)"
        )
        for s in report.skipped:
            print(f"  skipped {visible(s.path)}: {visible(s.reason)}")  # escaped, never collapsed: the exact name
        for problem in report.problems:
            print(f"  note: {visible(problem)}")
        if report.pending_extraction:
            print(pending_note(report.pending_extraction))
    return OK


# --------------------------------------------------------------------------
# desk search


def setup_search(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    p.add_argument("query", metavar="QUERY", help='words, "phrases", AND/OR/NOT, outlet:, date:[A TO B], figure:>N ...')
    add_filter_options(p)
    p.add_argument("--limit", type=count_option("--limit", SEARCH_LIMIT_MAX, "a longer list: narrow the query"),
                   default=20, metavar="N", help=f"at most N passages (default 20, at most {SEARCH_LIMIT_MAX:,})")


def run_search(args: argparse.Namespace) -> int:
    check_date_options(args)
    with open_library(args) as lib:
        lib.search(args.query, limit=1)  # a malformed query fails before any indexing
        index_quietly(lib, args)
        check_outlets(lib, args.outlet)
        result = lib.search(args.query, outlets=args.outlet, since=args.since, until=args.until, limit=args.limit)
        if args.json:
            print_json(result)
            return OK if result.hits else NOTHING
        if not result.hits:
            print(f"No passages match {_short(args.query)}.", file=sys.stderr)
            return NOTHING
        tty = sys.stdout.isatty()
        for i, hit in enumerate(result.hits, 1):
            date = hit.date.isoformat() if hit.date else "no date"
            print(f"[{i}] {one_line(hit.outlet)} · {date} · {one_line(hit.title)}")
            print(f"    {visible(hit.relpath)} (passage {hit.number + 1})")
            local = [hit.local(s, e) for s, e in hit.highlights]
            print(f"    {' '.join(mark(hit.text, local, tty).split())}")
            if hit.claims:
                said = "; ".join(
                    one_line(c.figure.text) + (f" ({one_line(c.claimant)})" if c.claimant else "") for c in hit.claims
                )
                print(f"    figures: {said}")
            print()
        facets = ", ".join(f"{one_line(o)} {n}" for o, n in sorted(result.outlets.items(), key=lambda kv: -kv[1]))
        print(f"{result.total} matching passage{'' if result.total == 1 else 's'}; articles per outlet: {facets}")
        if result.pending_extraction:
            print(pending_note(result.pending_extraction))
    return OK


# --------------------------------------------------------------------------
# desk articles


def setup_articles(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)


def run_articles(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        index_quietly(lib, args)
        articles = lib.articles()
        counts = lib.passage_counts()
        skipped = lib.skipped()
        if args.json:
            rows = []
            for a in articles:
                row = _plain(a)
                for k in ("text", "boilerplate", "passages"):
                    row.pop(k, None)
                    row.pop(f"{k}_bytes", None)
                row["passages"] = counts.get(a.id, 0)
                rows.append(row)
            print_json({"articles": rows, "skipped": skipped, "pending_extraction": lib.pending_extraction()})
            return OK if articles else NOTHING
        for a in articles:
            date = a.date.isoformat() if a.date else "no date"
            print(f"{one_line(a.outlet)}\t{date}\t{one_line(a.title)}\t{visible(a.relpath)}\t{counts.get(a.id, 0)} passages")
        for s in skipped:
            print(f"{'note' if s.indexed else 'skipped'}\t{visible(s.path)}\t{visible(s.reason)}")
        not_indexed = sum(not s.indexed for s in skipped)
        notes = len(skipped) - not_indexed
        print(f"{len(articles)} article{'' if len(articles) == 1 else 's'}, {not_indexed} skipped" + (f", {notes} with notes" if notes else ""),
              file=sys.stderr)
        if lib.pending_extraction():
            print(pending_note(lib.pending_extraction()), file=sys.stderr)
    return OK if articles else NOTHING


# --------------------------------------------------------------------------
# desk extract


def setup_extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", type=filled("name an article file", option=False), help="article files")
    p.add_argument("--text", action="store_true", help="also print the body text the offsets refer to")


def _extract_file(path: Path) -> tuple[Any, Any]:
    from desk.library import extract_file

    return extract_file(path)


def run_extract(args: argparse.Namespace) -> int:
    """Each file in turn; a file desk cannot read is named on stderr with its reason (and, with --json,
    listed with an ``error``), and the files after it are still read: one bad name among many lost
    the output of all of them.  Exit status 2 when any file could not be read."""
    found = 0
    failed: list[DeskError] = []
    out: list[dict[str, Any]] = []
    for name in args.files:
        path = Path(name)
        try:
            article, ext = _extract_file(path)
        except DeskError as exc:
            failed.append(exc)
            print(f"desk: {visible(str(exc), newlines=True)}", file=sys.stderr)
            if args.json:
                out.append({"path": str(path), "error": str(exc)})
            continue
        found += len(ext.figures) + len(ext.attributions)
        if args.json:
            item = {"path": str(path), "title": article.title, "outlet": article.outlet,
                    "date": article.date, **_plain(ext)}
            if args.text:
                item["text"] = article.text
            out.append(item)
            continue
        print(f"== {visible(path)} · {one_line(article.outlet)} · {article.date or 'no date'} · {one_line(article.title)}")
        if args.text:
            print(visible(article.text, newlines=True))
            print("--")
        print("figures:")
        for f in ext.figures:
            q = f"{f.qualifier} " if f.qualifier else ""
            hi = f"-{f.high:g}" if f.high is not None else ""
            counted = f" [{one_line(f.counted)}]" if f.counted else ""
            print(f"  {f.start}-{f.end}\t{visible(repr(f.text))}\t{one_line(q)}{f.value:g}{hi}\t{f.kind}{counted}")
        print("attributions:")
        for a in ext.attributions:
            print(
                f"  {a.source_start}-{a.source_end}\t{one_line(a.name)}\t({visible(repr(a.source_text))}, "
                f"{one_line(a.cue)} {a.cue_start}-{a.cue_end})"
                f"\tcovers {a.content_start}-{a.content_end}"
            )
        print("claims:")
        for c in ext.claims:
            print(f"  {c.figure.start}-{c.figure.end}\t{visible(repr(c.figure.text))}\t{one_line(c.claimant or '(the outlet)')}")
    if args.json and (len(args.files) > 1 or not failed):  # one file that failed: its message says all
        print_json(out if len(out) != 1 else out[0])
    if failed:
        return max(exc.exit_code for exc in failed)
    return OK if found else NOTHING


# --------------------------------------------------------------------------
# desk claims


def setup_claims(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    p.add_argument("query", nargs="?", metavar="QUERY", type=filled("type words to search for, or leave QUERY out "
                                                                    "for every claim", option=False),
                   help="only passages matching QUERY")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="CSV on stdout")
    fmt.add_argument("--markdown", action="store_true", help="a Markdown table on stdout")
    p.add_argument(
        "--every-copy", action="store_true",
        help="list a claim once per article that repeats it (by default an outlet's word-for-word copies come once,"
             " from the earliest article, with their number in 'copies')",
    )


CLAIM_COLUMNS = (
    "figure", "value", "qualifier", "counted", "claimant", "outlet", "date", "copies", "sentence", "passage", "path",
)


def claim_rows(lib: Any, statements: Sequence[Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cache: dict[str, Any] = {}
    for st in statements:
        article = cache.get(st.article_id)
        if article is None:
            article = cache[st.article_id] = lib.article(st.article_id)
        p = next((p for p in article.passages if p.number == st.passage), None)
        passage = one_line(article.text[p.start : p.end]) if p else ""
        f = st.figure
        rows.append(
            {
                "figure": f.text,
                "value": f.value if f.high is None else f"{f.value:g}-{f.high:g}",
                "qualifier": f.qualifier,
                "counted": f.counted,
                "claimant": st.claimant,
                "outlet": st.outlet,
                "date": article.date.isoformat() if article.date else "",
                "copies": st.copies,
                "sentence": one_line(st.sentence),
                "passage": passage,
                "path": article.relpath,
            }
        )
    return rows


#: the most characters of a query a sentence quotes (a 10,000-word query was echoed whole)
QUERY_SHOWN = 200


def _short(query: str) -> str:
    """The query as a sentence quotes it (:func:`desk.textsafe.quoted`): at most :data:`QUERY_SHOWN`
    characters, then "…"."""
    return quoted(query, QUERY_SHOWN)


def _nothing_found(what: str, query: str | None) -> str:
    """The sentence a text listing prints instead of nothing (exit status 1 alone says too little)."""
    where = f" in the passages matching {_short(query)}" if query and query.strip() else ""
    return f"No {what}{where}."


def run_claims(args: argparse.Namespace) -> int:
    from desk.export import markdown_table, write_csv
    from desk.model import more_copies

    with open_library(args) as lib:
        index_quietly(lib, args, extract=True)
        rows = claim_rows(lib, lib.claims(args.query, every_copy=args.every_copy))
        if args.json:
            print_json({"claims": rows, "pending_extraction": lib.pending_extraction()})
        elif args.csv:
            buf = io.StringIO(newline="")
            write_csv(buf, CLAIM_COLUMNS, rows)
            sys.stdout.write(buf.getvalue())
        elif args.markdown:
            print("\n".join(markdown_table(CLAIM_COLUMNS, rows, exact=("path",))))
        else:
            if not rows:
                print(_nothing_found("figures with claimants", args.query), file=sys.stderr)
            for r in rows:
                q = f"{r['qualifier']} " if r["qualifier"] else ""
                print(
                    f"{one_line(q + r['figure'])}\t{one_line(str(r['counted'] or ''))}"
                    f"\t{one_line(r['claimant'] or '(the outlet)')}\t{one_line(r['outlet'])}"
                    f"\t{r['date']}{more_copies(r['copies'])}\t{visible(r['path'])}"
                )
        if lib.pending_extraction() and not args.json:
            print(pending_note(lib.pending_extraction()), file=sys.stderr)
    return OK if rows else NOTHING


# --------------------------------------------------------------------------
# desk aliases


def setup_aliases(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    g = p.add_mutually_exclusive_group()
    # (a blank name is refused: ``--delete ""`` listed the aliases and said nothing of the deletion)
    name = filled("name a claimant", option=False)
    g.add_argument("--merge", nargs=2, metavar=("A", "B"), type=name, help="treat claimant A as claimant B")
    g.add_argument("--rename", nargs=2, metavar=("A", "B"), type=name, help="show claimant A under the name B")
    g.add_argument("--delete", metavar="A", type=name, help="drop claimant A (its figures become the outlet's own)")


def _check_claimants(lib: Any, args: argparse.Namespace) -> None:
    """The names of an alias edit checked against the folder's claimants (:func:`desk.library.check_alias_names`,
    the window's check too); when the claimants are not all found yet, only a note."""
    from desk.library import check_alias_names

    if args.merge:
        note = check_alias_names(lib, "merge", *args.merge)
    elif args.rename:
        note = check_alias_names(lib, "rename", args.rename[0])
    else:
        note = check_alias_names(lib, "delete", args.delete)
    if note:
        print(f"note: {visible(note)}", file=sys.stderr)


def run_aliases(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.merge or args.rename or args.delete:
            _check_claimants(lib, args)
            if args.merge:
                entries = lib.edit_alias("merge", *args.merge)
            elif args.rename:
                entries = lib.edit_alias("rename", *args.rename)
            else:
                entries = lib.edit_alias("delete", args.delete)
        else:
            entries = lib.alias_entries()
        if args.json:
            print_json({"file": str(lib.aliases_path), "entries": entries, "claimants": lib.claimants()})
            return OK
        for entry in entries:
            print("\t".join(one_line(str(x)) for x in entry) if isinstance(entry, list | tuple) else one_line(str(entry)))
        if not entries:
            print(f"no aliases yet ({visible(lib.aliases_path)})", file=sys.stderr)
    return OK


# --------------------------------------------------------------------------
# desk compare


def add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--markdown", metavar="FILE", type=paths.export_file_argument,
                   help="write the rows as a Markdown document to FILE")
    p.add_argument("--force", action="store_true", help="overwrite the --markdown FILE when it exists")


def print_comparison(comparison: Any, args: argparse.Namespace, folder: Path | None = None) -> int:
    """--json, --markdown FILE or readable rows; exit 1 when there are no rows."""
    # each writer imported only when used (a one-question process: what it loads is its start-up)
    if args.markdown:
        from desk.export.markdown import write_markdown

        target = write_markdown(comparison, Path(args.markdown), force=args.force, folder=folder)
        print(f"wrote {len(comparison.rows)} rows to {visible(target)}", file=sys.stderr)
    if args.json:
        print_json(comparison)  # to_plain once: the same data as comparison_to_json
    elif not args.markdown:
        from desk.compare.render import render_text

        sys.stdout.write(render_text(comparison, tty=sys.stdout.isatty()))
    return OK if comparison.rows else NOTHING


def setup_compare(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    p.add_argument("query", metavar="QUERY")
    add_filter_options(p)
    add_export_options(p)
    p.add_argument(
        "--limit", type=count_option("--limit", COMPARE_LIMIT_MAX, "more candidates cost memory and time, and the "
                                     "default of 400 was chosen by measured recall"), default=None, metavar="N",
        help="candidate passages to group, best first, before their neighbours join (default: chosen by measured "
             f"recall; at most {COMPARE_LIMIT_MAX:,})",
    )
    p.add_argument("--timeline", choices=("svg", "png"), help="with --markdown: draw the rows' figures over time "
                   "into FILE-timeline.svg/.png beside it, and add a table of the points")


def _apply_notes(lib: Any, comparison: Any) -> None:
    """The notes the user kept on rows in the window go with the rows: printed, in JSON and exported."""
    from desk.notes import NoteBook

    try:
        NoteBook.load(lib.notes_path).apply(comparison)
    except DeskError as exc:  # a damaged notes file: say so, compare anyway
        print(f"desk: {visible(str(exc))}", file=sys.stderr)


def run_compare(args: argparse.Namespace) -> int:
    check_date_options(args)
    if args.timeline and not args.markdown:
        raise DeskError("--timeline needs --markdown FILE: the picture is written beside it.")
    with open_library(args) as lib:
        lib.remember_comparisons = False  # one comparison per process: keeping a copy is wasted work
        index_quietly(lib, args, extract=True)
        check_outlets(lib, args.outlet)
        from desk.compare import collector_paused

        bar = ProgressBar()
        # the comparison is printed, then the process ends: the cyclic collector's passes over the
        # library, the rows and the output would free nothing that matters (not during the indexing
        # above: its worker processes, forked, would inherit a collector held off)
        with collector_paused():
            try:
                comparison = lib.compare(
                    args.query, outlets=args.outlet, since=args.since, until=args.until, progress=bar,
                    limit=args.limit,
                )
            finally:
                bar.finish()
            _apply_notes(lib, comparison)
            prefetch = getattr(lib, "prefetch_word_diffs", None)  # a Library's own: not part of LibraryAPI
            if prefetch is not None and (args.json or args.markdown):  # both show each row's word differences
                prefetch(comparison)
            status = print_comparison(comparison, args, Path(args.folder))
        if args.timeline and args.markdown:
            from desk.export.timeline import append_timeline
            from desk.timeline import timeline_from_rows

            tl = timeline_from_rows(comparison.query, comparison.rows)
            pic = append_timeline(tl, Path(args.markdown), fmt=args.timeline, force=args.force, folder=lib.folder)
            print(f"wrote the timeline of {len(tl.points)} figures to {visible(pic)}", file=sys.stderr)
        return status


# --------------------------------------------------------------------------
# desk collate


def setup_collate(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", type=filled("name an article file", option=False),
                   help="two or more article files (no index needed)")
    add_export_options(p)


def run_collate(args: argparse.Namespace) -> int:
    from desk.compare import collate_articles

    if len(args.files) < 2:
        raise DeskError("desk collate needs at least two article files.")
    pairs = [_extract_file(Path(name)) for name in args.files]
    comparison = collate_articles([a for a, _ in pairs], [e for _, e in pairs], progress=None)
    return print_comparison(comparison, args)


# --------------------------------------------------------------------------
# desk timeline: claims over time (desk.timeline)


def setup_timeline(p: argparse.ArgumentParser) -> None:
    add_folder_argument(p)
    p.add_argument("query", metavar="QUERY", help="what to search for (the search query language)")
    add_filter_options(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="one CSV row per point on stdout")
    fmt.add_argument("--svg", metavar="FILE", type=paths.export_file_argument, help="draw the timeline into an SVG file")
    fmt.add_argument("--png", metavar="FILE", type=paths.export_file_argument, help="draw the timeline into a PNG file")
    p.add_argument("--force", action="store_true", help="overwrite the --svg/--png FILE when it exists")


def run_timeline(args: argparse.Namespace) -> int:
    from desk.timeline.table import timeline_csv, timeline_json

    check_date_options(args)
    picture = args.svg or args.png
    if args.json and (args.csv or picture):
        raise DeskError("--json cannot be combined with --csv, --svg or --png.")
    with open_library(args) as lib:
        lib.remember_comparisons = False  # one comparison per process: keeping a copy is wasted work
        index_quietly(lib, args, extract=True)
        check_outlets(lib, args.outlet)
        bar = ProgressBar()
        try:
            tl = lib.timeline(args.query, outlets=args.outlet, since=args.since, until=args.until, progress=bar)
        finally:
            bar.finish()
        if picture:
            from desk.export.timeline import write_picture

            target = write_picture(tl, Path(picture), force=args.force, folder=lib.folder)
            print(f"wrote {len(tl.points)} points in {len(tl.series)} series to {visible(target)}", file=sys.stderr)
        elif args.json:
            print_json(timeline_json(tl))
        elif args.csv:
            sys.stdout.write(timeline_csv(tl))
        else:
            if not tl.points:
                print(_nothing_found("figures to put on a timeline", args.query), file=sys.stderr)
            for s in tl.series:
                print(f"{one_line(s.label)}{' (running total)' if s.cumulative else ''}")
                for pt in s.points:
                    flag = " ≠" if pt.disagreement else " ↑" if pt.growth else ""
                    who = one_line(pt.claimant) or f"({one_line(pt.outlet)})"
                    print(f"  {pt.as_of.label()}\t{one_line(pt.figure)}{flag}\t{who}\t{one_line(pt.outlet)}\t{visible(pt.path)}")
        if lib.pending_extraction() and not args.json:
            print(pending_note(lib.pending_extraction()), file=sys.stderr)
    return OK if tl.points else NOTHING


# --------------------------------------------------------------------------
# the table of sub-commands


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    setup: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("index", "index a folder of articles (incremental)", setup_index, run_index),
        Command("search", "search a folder's passages", setup_search, run_search),
        Command("articles", "list a folder's articles and skipped files", setup_articles, run_articles),
        Command("extract", "print the figures, attributions and claims of article files", setup_extract, run_extract),
        Command("claims", "the claims table: figures with who asserts them", setup_claims, run_claims),
        Command("aliases", "list or edit a folder's claimant aliases", setup_aliases, run_aliases),
        Command("compare", "put passages about the same facts side by side", setup_compare, run_compare),
        Command("collate", "align whole articles passage by passage", setup_collate, run_collate),
        Command("timeline", "figures over time: who claimed what as of when", setup_timeline, run_timeline),
    )
}


class UsageError(Exception):
    """argparse found the arguments wrong; carries its message and the parser that found it."""

    def __init__(self, message: str, parser: argparse.ArgumentParser) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors reach :func:`main`, which may word them better."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self)


def _dash_query_hint(args_list: list[str], parser: argparse.ArgumentParser) -> str | None:
    """A sentence for a query that starts with "-" (argparse takes ``-people`` for an option and
    then misses the QUERY), or for options written after the ``--`` that such a query needs; None
    when the arguments have another fault."""
    if not args_list or args_list[0] not in _QUERY_COMMANDS:
        return None
    command = args_list[0]
    known = set(parser._option_string_actions)  # noqa: SLF001 - argparse keeps the option names only there
    known.add("--")
    if "--" in args_list:
        after = args_list[args_list.index("--") + 1 :]
        late = [a for a in after if a.split("=", 1)[0] in known]
        if late:
            return (f"the options after “--” are read as the folder or the query: put {visible(late[0])} "
                    f"before it (desk {command} [OPTIONS] FOLDER -- QUERY).")
        return None
    for a in args_list[1:]:
        if a.startswith("-") and not a.startswith("--") and a != "-" and a.split("=", 1)[0] not in known:
            return (f"“{visible(a)}” is read as an option. To leave passages with a word out, write "
                    f"NOT {visible(a.lstrip('-'))}; a query that does start with “-” goes after “--”, "
                    f"with the options before it: desk {command} [OPTIONS] FOLDER -- QUERY")
    return None


#: the sub-commands that take a QUERY
_QUERY_COMMANDS = ("search", "compare", "claims", "timeline")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="desk",
        description="Compare how news outlets report the same facts, offline. "
        "Without a sub-command, `desk [FOLDER]` opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands = {}
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.setup(p)
        add_common_options(p)
        p.set_defaults(run=cmd.run)
        commands[cmd.name] = p
    parser.commands = commands  # type: ignore[attr-defined]
    return parser


def wants_cli(args: Sequence[str]) -> bool:
    """True when the arguments ask for the command line rather than the window."""
    return bool(args) and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version"))


def _log_crash(exc: BaseException, data_dir: str | None) -> Path | None:
    try:
        d = paths.log_dir(data_dir)
        d.mkdir(parents=True, exist_ok=True)
        path = d / "crash.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat()} desk {__version__}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None


def _printable_streams() -> None:
    """Output never fails on a character the terminal's encoding lacks: a file name
    that is not valid UTF-8 (surrogate escapes), or Japanese on a cp1252 console."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _printable_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help/--version exit 0
        return int(exc.code or 0) if isinstance(exc.code, int) else ERROR
    except UsageError as exc:
        # extra arguments are found by the top parser: word them for the sub-command they follow
        used = getattr(parser, "commands", {}).get(args_list[0], exc.parser) if args_list else exc.parser
        hint = _dash_query_hint(args_list, used)
        used.print_usage(sys.stderr)
        print(f"{used.prog}: {hint or f'error: {visible(str(exc))}'}", file=sys.stderr)
        return ERROR
    if not getattr(args, "command", None):
        parser.print_help()
        return OK
    debug = bool(getattr(args, "debug", False))
    try:
        if args.command in _QUERY_COMMANDS and getattr(args, "query", None):
            # a pasted book of a query is refused before the folder is opened or indexed (compare and
            # timeline index first, and read a malformed query only after)
            check_query_length(args.query)
        return int(args.run(args))
    except DeskError as exc:
        if debug:
            traceback.print_exc()
        print(f"desk: {visible(str(exc), newlines=True)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("desk: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # the reader of our output went away (desk search ... | head)
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the final flush
        except OSError:
            pass
        return OK
    except Exception as exc:  # noqa: BLE001 - the one boundary: a bug gets logged, not a wall of text
        if debug:
            traceback.print_exc()
        log = _log_crash(exc, getattr(args, "data_dir", None))
        where = f"; details in {log}" if log else ""
        print(f"desk: internal error: {type(exc).__name__}: {visible(str(exc))}{visible(where)} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return ERROR


if __name__ == "__main__":
    sys.exit(main())
