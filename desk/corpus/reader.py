"""One file -> one :class:`~desk.model.Article`: decode, metadata, boilerplate, passages.

Metadata comes from several places; for each field the first source in this
order that has it wins, and its name is recorded in ``Article.provenance``:

- title:  front matter, header block, HTML meta (and schema.org JSON-LD), manifest, PDF info, the first
  line that is not boilerplate, the first sentence;
- outlet: front matter, header block, HTML meta (``og:site_name``), manifest,
  the URL's domain (:data:`desk.corpus.outlets.OUTLETS`), a signature in the
  text (:func:`desk.corpus.outlets.signature_outlet`), the parent folder
  (not the article folder itself), "Unknown outlet";
- date:   front matter, header block, HTML meta, manifest, a date in the URL,
  a MENAFN wire id, a date-only line at the top of the text (the dateline),
  the PDF creation date;
- url, author: front matter, header block, HTML meta, manifest, PDF info.

A weaker source that disagrees with the winner never wins, and never silently:
the disagreement goes into ``Article.notes``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import re
import stat
from pathlib import Path

from desk.model import Article, Boilerplate

from . import UNKNOWN_OUTLET  # defined with the package (see desk.corpus), named here too
from . import boilerplate as bp
from .context import FolderContext
from .datelines import find_dateline
from .dates import date_line, impossible_time, parse_date, url_date, wire_id_date
from .decode import (
    Decoded,
    Unreadable,
    clean_text,
    decode_bytes,
    drop_invisible,
    normalise_newlines,
    repair_mojibake,
    shows_anything,
)
from .meta import Fields, front_matter, header_block
from .outlets import outlet_from_url, outlet_label, signature_outlet
from .passages import cut_passages, sentence_spans
from .scan import hidden_reason, is_supported, unsupported_reason

HTML_SUFFIXES = (".html", ".htm")
TITLE_MAX_WORDS = 30
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html[\s>])", re.IGNORECASE)
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def article_id(relpath: str) -> str:
    """A stable id for a file: a hash of its path relative to the article folder."""
    return hashlib.sha1(os.fsencode(relpath)).hexdigest()[:16]


def relative_path(path: Path, folder: Path) -> str:
    try:
        rel = os.path.relpath(os.fspath(path), os.fspath(folder))
    except ValueError:  # another drive on Windows
        rel = os.fspath(path)
    return rel.replace(os.sep, "/")


def shown_name(name: str) -> str:
    """A file or folder name fit to show and index: bytes that are not UTF-8
    (surrogate escapes on POSIX) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


#: how a file is opened: never waiting (a named pipe swapped in after the scan opens at once, and is then
#: refused, where a plain ``open`` waited for a writer for good), never becoming the controlling terminal
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _read_bytes(path: Path, max_bytes: int, real_folder: str = "") -> tuple[bytes, os.stat_result]:
    """The file's bytes and its ``stat``, taken from the file opened (not from its name, which can be
    swapped between a check and the read: a named pipe put in a file's place after the scan made the
    text pass wait for a writer for good).  With ``real_folder``, the file opened must still be the one
    the name leads to inside that folder (a symbolic link out, swapped in after the reader's check,
    is refused as the scan refuses it)."""
    try:
        fh = open(path, "rb", opener=_opener)  # noqa: SIM115 - closed by the with below
    except IsADirectoryError:
        raise Unreadable("not a regular file") from None
    except OSError as exc:
        raise Unreadable(f"cannot read the file ({exc.strerror or exc})") from None
    with fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable("not a regular file")
        if real_folder:
            real = os.path.realpath(path)
            try:
                same = os.path.samestat(os.stat(real), st)
            except OSError:
                same = False
            if not same or not _inside(real, real_folder):
                raise Unreadable("symbolic link to a file outside the article folder (not followed)")
        if st.st_size > max_bytes:
            raise Unreadable(f"file too large ({st.st_size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise Unreadable(f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise Unreadable(f"file too large (over {max_bytes / 1e6:.0f} MB)")
    return data, st


def _opener(path: str, flags: int) -> int:
    return os.open(path, flags | _OPEN_FLAGS)


def _inside(real: str, real_folder: str) -> bool:
    return real == real_folder or real.startswith(real_folder.rstrip(os.sep) + os.sep)


def _decode_html(data: bytes) -> Decoded:
    """Pages declare their encoding; honour the declaration when UTF-8 does not fit."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        m = _HTML_CHARSET.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii", "replace")
            try:
                text = data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                text, _ = repair_mojibake(normalise_newlines(text.replace("\x00", "")))
                return Decoded(text, name)
    return decode_bytes(data)


@dataclasses.dataclass(slots=True)
class _Sources:
    """Metadata found so far, strongest source first."""

    found: list[tuple[str, Fields]] = dataclasses.field(default_factory=list)

    def add(self, name: str, fields: Fields) -> None:
        if fields.values:
            self.found.append((name, fields))

    def first(self, key: str) -> tuple[str, object] | None:
        for name, fields in self.found:
            v = fields.values.get(key)
            if _given(v):
                return name, v
        return None

    def all(self, key: str) -> list[tuple[str, object]]:
        return [(n, f.values[key]) for n, f in self.found if _given(f.values.get(key))]


def _given(value: object) -> bool:
    """A field a source gives: not empty, and not text that draws nothing (only zero-width or bidi
    characters: :func:`~desk.corpus.decode.shows_anything`), which is left to the next source, as
    white space is."""
    return value not in (None, "") and (not isinstance(value, str) or shows_anything(value))


def _norm(s: str) -> str:
    return bp.line_key(s.lstrip("#").strip())


def _title_and_copies(
    text: str, boilerplate: list[Boilerplate], meta_title: str
) -> tuple[str, list[Boilerplate]]:
    """The title from the first content line (when metadata has none) and later copies of it."""
    content = [ln for ln in bp.lines_of(text)[:40] if not bp.covered(boilerplate, ln.start, ln.end)]
    title = meta_title
    first_idx = None
    if not title and content:
        # the first line that is not furniture, when it is short enough to be a headline; a line of no
        # letter or digit before it ("---", "***": a Markdown rule opening the file, or front matter never
        # closed) is passed over: such articles were titled "---"
        at = next((i for i, ln in enumerate(content[:5]) if any(ch.isalnum() for ch in ln.text)), 0)
        first = content[at].text
        if len(first) <= 300 and len(first.split()) <= TITLE_MAX_WORDS and shows_anything(first):
            title = first.lstrip("#").strip()
            first_idx = at
    copies: list[Boilerplate] = []
    if title:
        key = _norm(title)

        def same(line: str) -> bool:
            # cheap length test first: a body without breaks is one long line
            return abs(len(line) - len(title)) <= 10 + len(title) // 5 and _norm(line) == key

        if first_idx is None:
            first_idx = next((i for i, ln in enumerate(content[:8]) if same(ln.text)), None)
        if first_idx is not None:
            for ln in content[first_idx + 1 : first_idx + 8]:
                if same(ln.text):
                    copies.append(Boilerplate(ln.start, ln.end, "repeated title"))
    return title, copies


def _first_sentence(text: str, boilerplate: list[Boilerplate]) -> str:
    for ln in bp.lines_of(text)[:40]:
        if bp.covered(boilerplate, ln.start, ln.end):
            continue
        spans = sentence_spans(ln.text)
        if spans and shows_anything(ln.text[spans[0][0] : spans[0][1]]):
            s = ln.text[spans[0][0] : spans[0][1]]
            return s if len(s) <= 100 else s[:99].rsplit(" ", 1)[0] + "…"
    return ""


def _dateline(text: str, boilerplate: list[Boilerplate]) -> dt.date | None:
    for b in boilerplate:
        if b.start > 2000:
            break
        if b.reason == "date line":
            d = date_line(text[b.start : b.end])
            if d:
                return d
    return None


def _opening_dateline(text: str, boilerplate: list[Boilerplate]) -> dt.date | None:
    """The day of a dateline that opens one of the first lines, when it gives its year ("LONDON, 3 May 2023
    (Quay Times) -"); a day without a year ("July 9") names no year the file does not give elsewhere."""
    for ln in bp.lines_of(text)[:8]:
        if bp.covered(boilerplate, ln.start, ln.end):
            continue
        d = find_dateline(ln.text)
        if d is not None and d.year is not None:
            return d.date()
    return None


@functools.lru_cache(maxsize=8)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def read_named_file(path: str | os.PathLike[str], *, max_bytes: int = 50_000_000) -> Article:
    """One file named on its own (``desk extract FILE``, ``desk collate FILE...``), read by the rule the
    folder scan holds every file to, its own folder taken for the article folder.

    The file is judged by its own name, as indexing judges it: a symbolic link ``note.txt`` to
    ``memo.docx`` is read as the ``.txt`` it is called, a link ``memo.docx`` to a ``.txt`` is refused
    as a ``.docx``, a hidden one (``.draft.txt``) is not read; and a link is followed only when its
    target lies in that folder (or below).  The name was resolved first, so ``desk extract`` judged a
    link by its target's name and followed one out of the folder, which indexing never reads.  The
    folder's manifest applies, as when indexing.
    Raises :class:`Unreadable` with the reason the Problems panel gives.
    """
    given = Path(os.path.abspath(path))  # the link's own name and folder: no link resolved
    if given.name.startswith("."):
        # the scan lists a hidden file and never reads it; ``desk extract .draft.txt`` read it
        raise Unreadable(hidden_reason())
    folder = given.parent
    return read_article(given, folder, FolderContext.load(folder), max_bytes=max_bytes)


def read_article(path: Path, folder: Path, ctx: FolderContext, *, max_bytes: int = 50_000_000) -> Article:
    """Read one article file; raises :class:`Unreadable` with a reason for the user."""
    path = Path(path)
    if not is_supported(path.name):
        # the scan lists such files and never reads them; a file named on the command line (``desk
        # extract``, ``desk collate``) is held to the same rule: a ".docx" of plain text was read as text
        raise Unreadable(unsupported_reason(path.name))
    relpath = relative_path(path, folder)
    real_folder = _real_folder(os.fspath(folder))
    real = os.path.realpath(path)
    if not _inside(real, real_folder):
        # the scan already leaves such links out; this holds when a file was swapped for one since
        raise Unreadable("symbolic link to a file outside the article folder (not followed)")
    data, st = _read_bytes(path, max_bytes, real_folder)
    if not data.strip():
        raise Unreadable("empty file")
    suffix = path.suffix.lower()
    notes: list[str] = []
    sources = _Sources()
    pdf_fields = Fields()

    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        # a PDF saved under a text name (".md", ".txt") is read as the PDF it is, not as its raw syntax
        from .pdf import read_pdf_bounded

        pdf_fields, text = read_pdf_bounded(data)
        text, _ = repair_mojibake(normalise_newlines(text.replace("\x00", "")))
        if suffix != ".pdf":
            notes.append(f"a PDF file named {suffix}: read as a PDF")
        notes.extend(pdf_fields.notes)
    elif suffix in HTML_SUFFIXES or _HTML_SNIFF.match(data[:512]):
        from .htmlpage import read_html

        decoded = _decode_html(data)
        notes.extend(decoded.notes)
        html_fields, text = read_html(decoded.text)
        notes.extend(html_fields.notes)
        sources.add("HTML meta", html_fields)
    else:
        decoded = decode_bytes(data)
        notes.extend(decoded.notes)
        text = decoded.text
        fm, body = front_matter(text)
        notes.extend(fm.notes)
        sources.add("front matter", fm)
        hb, body = header_block(text, body)
        notes.extend(hb.notes)
        sources.add("header block", hb)
        text = text[body:]
    text = drop_invisible(text).strip("\n")
    if not text.strip():
        raise Unreadable("no text (only metadata or whitespace)")

    sources.add("manifest", ctx.fields_for(relpath))
    if pdf_fields.values:
        sources.add("PDF info", pdf_fields)

    boilerplate = bp.detect(text)

    meta_title = sources.first("title")
    title, copies = _title_and_copies(text, boilerplate, str(meta_title[1]) if meta_title else "")
    provenance: dict[str, str] = {}
    if meta_title:
        provenance["title"] = meta_title[0]
    elif title:
        provenance["title"] = "first line"
    else:
        stem = shown_name(path.stem)
        title = _first_sentence(text, boilerplate) or stem
        provenance["title"] = "first sentence" if title != stem else "file name"
    if copies:
        boilerplate = bp.merge([*boilerplate, *copies])

    url_hit = sources.first("url")
    url = str(url_hit[1]) if url_hit else ""
    if url_hit:
        provenance["url"] = url_hit[0]
    author_hit = sources.first("author")
    author = str(author_hit[1]) if author_hit else ""
    if author_hit:
        provenance["author"] = author_hit[0]

    outlet, provenance["outlet"] = _outlet(sources, url, text, relpath, notes)
    date, date_source = _date(sources, url, text, boilerplate, notes)
    if date_source:
        provenance["date"] = date_source

    title, author = drop_invisible(title), drop_invisible(author)
    outlet = outlet_label(outlet) or UNKNOWN_OUTLET
    title, outlet, url, author = (clean_text(v) for v in (title, outlet, url, author))
    notes = [clean_text(n) for n in notes]
    text = clean_text(text)
    passages = cut_passages(text, boilerplate)
    if not passages:
        notes.append("no passages: the whole text is page furniture")

    return Article(
        id=article_id(relpath),
        path=os.fspath(path),
        relpath=relpath,
        title=title,
        outlet=outlet,
        date=date,
        text=text,
        url=url,
        author=author,
        boilerplate=boilerplate,
        passages=passages,
        provenance=provenance,
        notes=notes,
        size=st.st_size,
        mtime=st.st_mtime,
        sha1=hashlib.sha1(data).hexdigest(),
    )


def _outlet(sources: _Sources, url: str, text: str, relpath: str, notes: list[str]) -> tuple[str, str]:
    explicit = sources.all("outlet")
    if explicit:
        name, value = explicit[0]
        winner = str(value)
        for other_name, other in explicit[1:]:
            if str(other).casefold() != winner.casefold():
                notes.append(f'outlet "{other}" from the {other_name} contradicts "{winner}" from the {name}')
        return winner, name
    if url:
        by_domain = outlet_from_url(url)
        if by_domain:
            return by_domain, "URL domain"
    sig = signature_outlet(text)
    if sig:
        return sig
    if "/" in relpath:
        parent = relpath.rsplit("/", 1)[0].rsplit("/", 1)[-1]
        if parent and parent not in (".", ".."):
            return shown_name(parent), "folder name"
    return UNKNOWN_OUTLET, "default"


#: notes that say a metadata field of an indexed file could not be used (listed under Problems)
_FIELD_PROBLEM = re.compile(r'^(?:front matter (?:ignored|not closed)\b|date ".*" from the .+ could not be read$)', re.DOTALL)
#: notes that say a field was used otherwise than as written (a duplicate key, a mapping as the
#: title, an impossible time) or a file read only in part (a PDF of more than its page limit: a
#: 5,000-page report was indexed by its first 300 pages, and nothing said so): they say themselves
#: what desk did, and are listed under Problems too
_FIELD_CHANGED = re.compile(
    r'^(?:front matter: |header block: |date ".*" from the .+ has a time (?:zone )?that does not exist: '
    r'|only the first \d+ (?:of its [\d,]+ )?pages were read\b)', re.DOTALL
)
#: a cheap test a store can make before parsing an article's notes (every field problem holds one)
FIELD_PROBLEM_MARKERS = ("front matter", "header block", "could not be read", "does not exist", "pages were read")


def field_problems(notes: list[str]) -> list[str]:
    """The article notes that report a field desk could not use (malformed front matter, an
    impossible date) or used otherwise than as written, each as a reason for the Problems list;
    the article itself is indexed."""
    out = []
    for n in notes:
        if _FIELD_PROBLEM.match(n):
            out.append(f"{n} (the file is indexed without it)")
        elif _FIELD_CHANGED.match(n):
            out.append(n)
    return out


def _date(
    sources: _Sources, url: str, text: str, boilerplate: list[Boilerplate], notes: list[str]
) -> tuple[dt.date | None, str]:
    candidates: list[tuple[str, dt.date]] = []
    for name, value in sources.all("date"):
        if name == "PDF info":
            continue
        d = parse_date(value)
        if d is None:
            notes.append(f'date "{value}" from the {name} could not be read')
        else:
            wrong = impossible_time(value)
            if wrong:
                notes.append(f'date "{value}" from the {name} has {wrong}: only its day, {d.isoformat()}, is used')
            candidates.append((name, d))
    if url:
        d = url_date(url)
        if d:
            candidates.append(("URL", d))
    d = wire_id_date(text) if "MENAFN" in text else None
    if d:
        candidates.append(("wire id", d))
    d = _dateline(text, boilerplate) or _opening_dateline(text, boilerplate)
    if d:
        candidates.append(("dateline", d))
    for name, value in sources.all("date"):
        if name == "PDF info":
            d = parse_date(value)
            if d:
                candidates.append(("PDF creation date", d))
    if not candidates:
        return None, ""
    win_name, win = candidates[0]
    reported: set[tuple[str, dt.date]] = set()
    for name, d in candidates[1:]:
        if d != win and (name, d) not in reported:
            reported.add((name, d))
            notes.append(f"date {d.isoformat()} from the {name} contradicts {win.isoformat()} from the {win_name}")
    return win, win_name


# --------------------------------------------------------------------------
# Repetition across the folder


_PROSE_END = tuple(".!?\"”’'")


def line_keys(article: Article) -> set[str]:
    """Normalised keys of the article's short lines that are not boilerplate yet,
    except its title and lines of prose (more than five words ending a sentence).

    The caller counts them over all articles of a folder (see
    :func:`desk.corpus.boilerplate.repeated_keys`) and hands the common ones
    to :func:`apply_repeated`.
    """
    keys = set()
    title = bp.line_key(article.title)
    for ln in bp.short_lines(article.text):
        if bp.covered(article.boilerplate, ln.start, ln.end):
            continue
        # a sentence of prose repeats when outlets syndicate the same wire copy: not furniture
        if ln.text.endswith(_PROSE_END) and len(ln.text.split()) > 5:
            continue
        key = bp.line_key(ln.text)
        if key and key != title:
            keys.add(key)
    return keys


def apply_repeated(article: Article, common: set[str]) -> Article:
    """A copy of ``article`` whose lines with a key in ``common`` are boilerplate
    ("repeated across folder"), with the passages cut again."""
    if not common:
        return article
    extra = []
    for ln in bp.short_lines(article.text):
        if bp.covered(article.boilerplate, ln.start, ln.end):
            continue
        if ln.text.endswith(_PROSE_END) and len(ln.text.split()) > 5:
            continue
        if bp.line_key(ln.text) in common:
            extra.append(Boilerplate(ln.start, ln.end, "repeated across folder"))
    if not extra:
        return article
    boilerplate = bp.merge([*article.boilerplate, *extra])
    return dataclasses.replace(article, boilerplate=boilerplate, passages=cut_passages(article.text, boilerplate))
