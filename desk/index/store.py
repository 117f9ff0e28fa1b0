"""The library's side store: one SQLite file next to the Whoosh index.

It keeps what the incremental rules need (size, mtime, sha1 per file, the
files skipped and why), each article's metadata, text and passages, the
stored extraction with the claimant names of each passage (``claimant:`` reads
them), and the last run's manifest rows.  Whoosh keeps only what is searched.

Write order keeps the two consistent after a crash: an article row is written
with ``indexed = 0`` before its passages go to Whoosh, and flipped to 1 after
the Whoosh commit; rows left at 0 are re-sent on the next run (Whoosh deletes
by article id first, so re-sending is harmless).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.errors import DiskFull, IndexUnavailable
from desk.model import Article, Boilerplate, Passage, Skipped
from desk.paths import disk_full, full_disk_error

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    aid TEXT PRIMARY KEY,
    relpath TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    sha1 TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT NOT NULL,
    date TEXT,
    url TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    npassages INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL,
    text TEXT NOT NULL,
    linekeys TEXT NOT NULL DEFAULT '[]',
    indexed INTEGER NOT NULL DEFAULT 0,
    extracted INTEGER NOT NULL DEFAULT 0,
    extraction TEXT
);
-- who is named as a source in which passage (raw names; aliases apply when read)
CREATE TABLE IF NOT EXISTS passage_claimants (
    aid TEXT NOT NULL,
    number INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passage_claimants_aid ON passage_claimants (aid);
-- every file's state (Store.states, Store.indexed_passages): each change check reads it whole, and a scan
-- of this index reads 1/8 of the pages a scan of the table does (the table holds the texts)
CREATE INDEX IF NOT EXISTS articles_state ON articles (relpath, aid, size, mtime, sha1, indexed, extracted, npassages);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (
    relpath TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT -1,
    mtime REAL NOT NULL DEFAULT -1
);
"""


_TABLES = {"articles", "passage_claimants", "passage_claimants_aid", "articles_state", "meta", "skipped"}

#: the meta key of the claimant spellings worked out from ``passage_claimants`` (:meth:`desk.library.Library._spellings`):
#: every transaction that writes or removes a passage's claimants removes it, in the same transaction
SPELLINGS_META = "claimant-spellings"


@dataclass(slots=True)
class FileState:
    aid: str
    relpath: str
    size: int
    mtime: float
    sha1: str
    indexed: bool
    extracted: bool


def path_out(path: str) -> str | bytes:
    """A path as SQLite can keep it: a file name that is not valid UTF-8 (it holds
    surrogate escapes on POSIX) cannot be stored as TEXT, so it goes in as its raw bytes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def path_in(value: str | bytes) -> str:
    """The inverse of :func:`path_out`."""
    return os.fsdecode(value) if isinstance(value, bytes) else value


def article_doc(article: Article) -> str:
    """The parts of an article that are not columns, as JSON."""
    return json.dumps(
        {
            "passages": [[p.number, p.start, p.end] for p in article.passages],
            "boilerplate": [[b.start, b.end, b.reason] for b in article.boilerplate],
            "provenance": article.provenance,
            "notes": article.notes,
        },
        ensure_ascii=False,
    )


def _row_article(row: sqlite3.Row, with_text: bool) -> Article:
    doc = json.loads(row["doc"])
    date = dt.date.fromisoformat(row["date"]) if row["date"] else None
    return Article(
        id=row["aid"],
        path=path_in(row["path"]),
        relpath=path_in(row["relpath"]),
        title=row["title"],
        outlet=row["outlet"],
        date=date,
        text=row["text"] if with_text else "",
        url=row["url"],
        author=row["author"],
        boilerplate=[Boilerplate(s, e, r) for s, e, r in doc["boilerplate"]] if with_text else [],
        passages=[Passage(n, s, e) for n, s, e in doc["passages"]] if with_text else [],
        provenance=dict(doc["provenance"]),
        notes=list(doc["notes"]),
        size=row["size"],
        mtime=row["mtime"],
        sha1=row["sha1"],
    )


class Store:
    """One SQLite connection to a library's store (WAL: readers never block)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        """``create=False`` (extraction workers) only reads an existing store."""
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        #: True when the store could only be opened for reading (a full disk)
        self.read_only = False
        if create:
            have = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
            if not have >= _TABLES:  # creating nothing needs no write (a full disk still reads)
                with self._writing():
                    self.db.executescript(_SCHEMA)

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (the GUI searches on one thread while another indexes)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(str(self.path), timeout=30.0, check_same_thread=False)
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.Error as exc:
                if not disk_full(self.path.parent) or not self.path.exists():
                    raise IndexUnavailable(f"desk cannot open its library store {self.path}: {exc}.") from exc
                # a full disk cannot hold the WAL's side files; reading needs no space
                conn = self._open_read_only()
                self.read_only = True
            self._local.conn = conn
            with self._guard:
                self._all.append(conn)
        return conn

    def _open_read_only(self) -> sqlite3.Connection:
        """The store for reading only, without the WAL's side files (they cannot be made on a full disk)."""
        uri = "file:" + urllib.parse.quote(str(self.path)) + "?immutable=1"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=30.0, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("SELECT 1 FROM sqlite_master").fetchall()
        except sqlite3.Error as exc:
            raise DiskFull(full_disk_error(self.path.parent, "or open its library store")) from exc
        return conn

    def close(self) -> None:
        with self._guard:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    # -- incremental state

    def states(self) -> dict[str, FileState]:
        # plain tuples, not sqlite3.Row: every change check reads all 6,799 rows of ukraine-media
        cursor = self.db.cursor()
        cursor.row_factory = None
        rows = cursor.execute("SELECT aid, relpath, size, mtime, sha1, indexed, extracted FROM articles").fetchall()
        out: dict[str, FileState] = {}
        for aid, rel, size, mtime, sha1, indexed, extracted in rows:
            rel = path_in(rel)
            out[rel] = FileState(aid, rel, size, mtime, sha1, bool(indexed), bool(extracted))
        return out

    def skipped_states(self) -> dict[str, tuple[int, float, Skipped]]:
        rows = self.db.execute("SELECT relpath, path, reason, size, mtime FROM skipped").fetchall()
        return {
            path_in(r["relpath"]): (r["size"], r["mtime"], Skipped(path_in(r["path"]), r["reason"])) for r in rows
        }

    def linekeys(self) -> Iterator[tuple[str, list[str]]]:
        for r in self.db.execute("SELECT relpath, linekeys FROM articles"):
            yield path_in(r["relpath"]), json.loads(r["linekeys"])

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; a write the disk refuses (full, read-only, too large) becomes IndexUnavailable."""
        try:
            with self.db:
                yield
        except sqlite3.OperationalError as exc:
            if self.read_only or disk_full(self.path.parent):
                raise DiskFull(
                    full_disk_error(self.path.parent, "its library store"),
                    hint="Free some space there (reading still works), or choose another --data-dir.",
                ) from exc
            raise IndexUnavailable(
                f"desk could not save its library store ({exc}); is the disk full or read-only?"
            ) from exc

    # -- writes (each call is one transaction)

    def put_articles(self, items: Iterable[tuple[Article, list[str]]]) -> None:
        items = list(items)
        with self._writing():
            # a new or changed article has no extraction yet, so no claimants either
            self.db.executemany("DELETE FROM passage_claimants WHERE aid=?", [(a.id,) for a, _k in items])
            self.db.execute("DELETE FROM meta WHERE key=?", (SPELLINGS_META,))
            self.db.executemany(
                "INSERT OR REPLACE INTO articles (aid, relpath, path, size, mtime, sha1, title, outlet, date,"
                " url, author, npassages, doc, text, linekeys, indexed, extracted, extraction)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,NULL)",
                [
                    (
                        a.id, path_out(a.relpath), path_out(a.path), a.size, a.mtime, a.sha1, a.title, a.outlet,
                        a.date.isoformat() if a.date else None, a.url, a.author, len(a.passages),
                        article_doc(a), a.text, json.dumps(keys, ensure_ascii=False),
                    )
                    for a, keys in items
                ],
            )

    def touch(self, relpath: str, size: int, mtime: float) -> None:
        """A file whose mtime changed but whose content did not."""
        with self._writing():
            self.db.execute(
                "UPDATE articles SET size=?, mtime=? WHERE relpath=?", (size, mtime, path_out(relpath))
            )

    def mark_indexed(self, aids: Iterable[str]) -> None:
        with self._writing():
            self.db.executemany("UPDATE articles SET indexed=1 WHERE aid=?", [(a,) for a in aids])

    def mark_unindexed(self, aids: Iterable[str]) -> None:
        """Articles whose passages must be sent to the index again."""
        with self._writing():
            self.db.executemany("UPDATE articles SET indexed=0 WHERE aid=?", [(a,) for a in aids])

    def delete(self, relpaths: Iterable[str]) -> None:
        rels = [(path_out(r),) for r in relpaths]
        with self._writing():
            self.db.executemany(
                "DELETE FROM passage_claimants WHERE aid IN (SELECT aid FROM articles WHERE relpath=?)", rels
            )
            self.db.execute("DELETE FROM meta WHERE key=?", (SPELLINGS_META,))
            self.db.executemany("DELETE FROM articles WHERE relpath=?", rels)

    def set_skipped(self, items: Iterable[tuple[str, Skipped, int, float]]) -> None:
        """The skipped files, replacing the list; nothing is written when the list is unchanged (an unchanged
        folder's change check commits nothing, so other processes keep what they read of the store)."""
        rows = [(path_out(rel), path_out(s.path), s.reason, size, mtime) for rel, s, size, mtime in items]
        # INSERT OR REPLACE by relpath: the last row of a relpath is the one kept
        wanted = {r[0]: r for r in rows}
        have = {tuple(r)[0]: tuple(r) for r in self.db.execute("SELECT relpath, path, reason, size, mtime FROM skipped")}
        if wanted == have:
            return
        with self._writing():
            self.db.execute("DELETE FROM skipped")
            self.db.executemany(
                "INSERT OR REPLACE INTO skipped (relpath, path, reason, size, mtime) VALUES (?,?,?,?,?)", rows
            )

    def set_meta(self, key: str, value: str) -> None:
        """``key`` set to ``value``; nothing is written when it holds that value already."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        if row is not None and row[0] == value:
            return
        with self._writing():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else default

    def put_extractions(self, items: Iterable[tuple[str, str, list[tuple[int, str]]]]) -> None:
        """``(aid, extraction JSON, [(passage number, claimant name), ...])`` per article, in one transaction."""
        items = list(items)
        with self._writing():
            self.db.executemany("DELETE FROM passage_claimants WHERE aid=?", [(aid,) for aid, _js, _n in items])
            self.db.execute("DELETE FROM meta WHERE key=?", (SPELLINGS_META,))
            self.db.executemany(
                "INSERT INTO passage_claimants (aid, number, name) VALUES (?,?,?)",
                [(aid, number, name) for aid, _js, names in items for number, name in names],
            )
            self.db.executemany(
                "UPDATE articles SET extraction=?, extracted=1 WHERE aid=?", [(js, aid) for aid, js, _n in items]
            )

    # -- reads

    def article(self, aid: str, with_text: bool = True) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE aid=?", (aid,)).fetchone()
        return _row_article(row, with_text) if row else None

    def articles(self) -> list[Article]:
        cols = "aid, relpath, path, size, mtime, sha1, title, outlet, date, url, author, doc, '' AS text"
        rows = self.db.execute(f"SELECT {cols} FROM articles ORDER BY outlet, date, title").fetchall()
        return [_row_article(r, False) for r in rows]

    def npassages(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT aid, npassages FROM articles")}

    def indexed_passages(self) -> dict[str, int]:
        """Article id -> passages, for the articles whose passages are in the index."""
        return {r[0]: r[1] for r in self.db.execute("SELECT aid, npassages FROM articles WHERE indexed=1")}

    def indexed_passage_total(self) -> int:
        """How many passages :meth:`indexed_passages` lists in all, counted by SQLite (every change check
        compares it with the index's count; building the dict of ukraine-media's 6,799 rows to sum it was
        some 8% of that check)."""
        total = self.db.execute("SELECT SUM(npassages) FROM articles WHERE indexed=1").fetchone()[0]
        return int(total or 0)

    def newest_first(self) -> list[tuple[str, int]]:
        """(article id, passages) of every article, the newest first (undated last, then by id)."""
        sql = "SELECT aid, npassages FROM articles ORDER BY date IS NULL, date DESC, aid"
        return [(r[0], r[1]) for r in self.db.execute(sql)]

    def aids(self, where: str = "1") -> list[str]:
        return [r[0] for r in self.db.execute(f"SELECT aid FROM articles WHERE {where}")]

    def extraction_json(self, aid: str) -> str | None:
        row = self.db.execute("SELECT extraction FROM articles WHERE aid=?", (aid,)).fetchone()
        return row[0] if row else None

    def text_span(self, aid: str, start: int, end: int) -> str | None:
        """``text[start:end]`` of a stored article (character offsets), without loading the whole text."""
        row = self.db.execute(
            "SELECT substr(text, ?, ?) FROM articles WHERE aid=?", (start + 1, max(0, end - start), aid)
        ).fetchone()
        return row[0] if row else None

    def text_spans(self, aid: str, spans: Sequence[tuple[int, int]]) -> list[str] | None:
        """``text[start:end]`` for each span of one stored article: one substring query for a single span,
        the text read once for several (SQLite reads a long text whole for every substring of it)."""
        if len(spans) == 1:
            one = self.text_span(aid, *spans[0])
            return None if one is None else [one]
        row = self.db.execute("SELECT text FROM articles WHERE aid=?", (aid,)).fetchone()
        if row is None:
            return None
        text = row[0] or ""
        return [text[s:e] for s, e in spans]

    def pending_extraction(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles WHERE extracted=0").fetchone()[0])

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def skipped(self) -> list[Skipped]:
        rows = self.db.execute("SELECT path, reason FROM skipped ORDER BY path").fetchall()
        return [Skipped(path_in(r["path"]), r["reason"]) for r in rows]

    def article_notes(self, markers: Iterable[str]) -> list[tuple[str, list[str]]]:
        """``(path, notes)`` of the articles whose stored notes may hold one of ``markers``
        (a substring test in SQL first: only those few rows are parsed)."""
        markers = list(markers)
        if not markers:
            return []
        where = " OR ".join("instr(doc, ?) > 0" for _ in markers)
        rows = self.db.execute(f"SELECT path, doc FROM articles WHERE {where} ORDER BY path", markers).fetchall()
        return [(path_in(r["path"]), list(json.loads(r["doc"])["notes"])) for r in rows]

    def outlets(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT outlet FROM articles ORDER BY outlet")]

    def passage_claimants(self) -> list[tuple[str, int, str]]:
        """Every ``(aid, passage number, claimant name)`` row."""
        return [(r[0], r[1], r[2]) for r in self.db.execute("SELECT aid, number, name FROM passage_claimants")]

    def claimant_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT name FROM passage_claimants")]

    def claimant_name_counts(self) -> list[tuple[str, int]]:
        """Every claimant name with the number of passages it is attributed in."""
        return [(r[0], int(r[1])) for r in self.db.execute("SELECT name, COUNT(*) FROM passage_claimants GROUP BY name")]

    def claimants_version(self) -> tuple[int, int]:
        """Changes whenever a passage's claimants are written or removed (by any process)."""
        row = self.db.execute("SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM passage_claimants").fetchone()
        return int(row[0]), int(row[1])

    def extractions(self) -> Iterator[tuple[str, str]]:
        for r in self.db.execute("SELECT aid, extraction FROM articles WHERE extraction IS NOT NULL"):
            yield r[0], r[1]

    def meta(self, aid: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT aid, relpath, path, title, outlet, date, doc FROM articles WHERE aid=?", (aid,)
        ).fetchone()
        if row is None:
            return None
        meta = dict(row)
        meta["path"], meta["relpath"] = path_in(meta["path"]), path_in(meta["relpath"])
        return meta
