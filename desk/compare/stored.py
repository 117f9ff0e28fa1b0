"""Passage features and row descriptions kept across processes: a bounded cache file in the data directory.

A ``desk compare`` process, and the window's comparing child when it starts, meets passages an
earlier process already profiled (:func:`desk.compare.profile.profile`: content stems, the as-of
days, the counted things of the figures).  Those features are written here after a comparison and
read back before the next one's grouping, so a new process profiles only the passages no earlier
process met.  Likewise the descriptions of rows (figures, flags:
:func:`desk.compare.statements.describe_row`), by everything that reads of a row; the claim sentences of
each passage met (:func:`desk.compare.retrieve._prefetch_sentences`, by its article's text, boilerplate and
its span); and the word differences an export showed (:func:`desk.compare.diff.prefetch_word_diffs`, by the
two passages' texts and the other's offset).

Nothing here can serve stale features:

* an entry's key is a digest of everything :func:`~desk.compare.profile.profile` reads of the
  passage (its text and span, date, boilerplate, figures and their claimants, attributions' names,
  and its entities, which its places, statement frames and figure parts read),
  or of everything ``describe_row`` reads of a row (:func:`row_digest`):
  a re-indexed article, new reading rules or an alias edit that changes any of them gives a new key;
* the file carries a fingerprint of desk's own code (every core module's source) and of the plain
  settings of the modules that compute the features: a file written by other code or settings is
  emptied before use.

Its values are pickles, each signed (HMAC-SHA256) with this user's key that signs the index: a
value desk did not write for this user is never unpickled.

The file is SQLite (:data:`FILE_NAME`, never in the article folder): a write is one transaction, so
a process killed mid-write leaves the previous contents.  A damaged or unreadable file is set aside
(deleted, then written afresh) without a word to the user: features are only ever recomputed, and
the index never depends on this file.  It keeps at most :data:`MAX_ENTRIES` entries, dropping the
oldest written.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import pickle
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from desk.model import PassageRef

log = logging.getLogger(__name__)

#: the cache file in the library's data directory
FILE_NAME = "compare-features.sqlite"
#: the layout of the file and of its values; another version's file is emptied (2: a passage's places
#: and statement frames joined its features)
VERSION = 2
#: entries kept (some 300 bytes each: ~25 MB); a comparison on ukraine-media meets ~2,000-5,000 units,
#: and ~1,000-1,500 passages' sentences (~100 bytes each) and, exported, ~1,000 pairs' word differences
MAX_ENTRIES = 160_000
#: whether comparisons use the file (off: every process profiles its passages itself)
ENABLED = True
#: the modules whose plain settings shape a passage's features
_FEATURE_MODULES = (
    "desk.compare.profile", "desk.compare.tokens", "desk.compare.asof", "desk.compare.places", "desk.compare.statements",
    "desk.compare.disagree", "desk.compare.quantity", "desk.compare.diff", "desk.compare.retrieve",
    "desk.extract.sentences",
)
_PLAIN = (bool, int, float, str)

#: bytes of the signature before each value
_SIG = 32

_LOCK = threading.Lock()
_FINGERPRINT: dict[str, str] = {}


def _code_digest() -> str:
    """A digest of the source of every core module of desk (not the window's): a changed line anywhere
    in the code that computes features gives another fingerprint.  Computed once per process, when
    this module is imported (with the code it runs: a process that outlives an upgrade keeps the
    fingerprint of the code it loaded, not the new files')."""
    known = _FINGERPRINT.get("code")
    if known is not None:
        return known
    import desk

    root = Path(desk.__file__).parent
    h = hashlib.blake2b(digest_size=16)
    h.update(str(getattr(desk, "__version__", "")).encode())
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("gui/"):
            continue
        h.update(rel.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"?")
    known = h.hexdigest()
    _FINGERPRINT["code"] = known
    return known


_code_digest()


def _settings_digest() -> str:
    """A digest of the plain settings (upper-case names holding numbers, flags, words, sets and tables of
    them) of the feature modules:
    a session or a test that changes one never meets features computed under another."""
    import importlib

    h = hashlib.blake2b(digest_size=16)
    for name in _FEATURE_MODULES:
        module = importlib.import_module(name)
        for k, v in sorted(vars(module).items()):
            if not k.isupper() or k.startswith("_"):
                continue  # settings are public upper-case names; the rest is code or the process's own state
            if type(v) in _PLAIN:
                h.update(repr((name, k, v)).encode())
            elif isinstance(v, (frozenset, set)) and all(type(x) in _PLAIN for x in v):
                h.update(repr((name, k, sorted(v, key=repr))).encode())
            elif isinstance(v, dict) and all(type(x) in _PLAIN and type(y) in _PLAIN for x, y in v.items()):
                h.update(repr((name, k, sorted(v.items(), key=repr))).encode())
    return h.hexdigest()


def fingerprint() -> str:
    """What the file's entries were computed under: this file layout, desk's code and the settings."""
    return f"{VERSION}:{_code_digest()}:{_settings_digest()}"


def passage_key(ref: PassageRef) -> bytes:
    """A digest of everything :func:`desk.compare.profile.profile` reads of ``ref``."""
    claims = tuple(
        (
            c.figure.start - ref.start, c.figure.end - ref.start, c.figure.text, c.figure.value, c.figure.qualifier,
            c.figure.kind, c.figure.high, c.figure.qualifier_start, c.figure.counted, c.claimant,
        )
        for c in ref.claims
    )
    data = (
        ref.text, ref.start, ref.end, ref.date.isoformat() if ref.date else None,
        tuple((b.start - ref.start, b.end - ref.start) for b in ref.boilerplate),
        claims,
        tuple(a.name for a in ref.attributions),
        # the places, statement frames and figure parts kept with the features read the passage's entities
        tuple((e.start - ref.start, e.end - ref.start, e.text, e.label) for e in ref.entities),
    )
    return hashlib.blake2b(repr(data).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def row_digest(key: tuple[Any, ...]) -> bytes:
    """The file's key of a row's description, from everything :func:`desk.compare.statements.describe_row`
    reads of the row (:func:`desk.compare._row_key`: its cells, their passages' texts, dates, figures,
    claimants and entities)."""
    return hashlib.blake2b(repr(("row", key)).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class FeatureFile:
    """The features file of one data directory: :meth:`read` before grouping, :meth:`write` after.

    Values are pickles, and unpickling can run code: each value is stored with an HMAC-SHA256 of its
    key and bytes under ``key`` (this user's signing key, the one that signs the index), and a value
    whose signature does not check is never unpickled (it is recomputed).
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._checked = False
        self._broken = False
        #: entries owed to the file (:meth:`owe`), written by :meth:`write_owed`
        self._owed: list[tuple[bytes, Any]] = []
        self._owed_lock = threading.Lock()

    def owe(self, items: Iterable[tuple[bytes, Any]]) -> None:
        """Keep entries for the next :meth:`write_owed`: a comparison's answer goes out first, and the
        pickling, signing and writing (some 40 ms a cold comparison on ukraine-media) wait till then.
        The values are pickled when written: nothing may change them meanwhile (a comparison's caller
        gets rows that share no mutable object with them but the statements,
        which no caller changes)."""
        with self._owed_lock:
            self._owed.extend(items)

    def write_owed(self) -> None:
        """Write what :meth:`owe` kept (one transaction); nothing when nothing is owed."""
        with self._owed_lock:
            items, self._owed = self._owed, []
        if items:
            self.write(items)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=0.5, isolation_level=None)
        conn.execute("PRAGMA synchronous=OFF")  # a damaged file is only set aside (see the module)
        return conn

    def _open(self) -> sqlite3.Connection | None:
        """The connection, the file made and checked against :func:`fingerprint`; None when unusable."""
        if self._broken:
            return None
        for attempt in range(2):
            try:
                conn = self._connect()
                try:
                    if not self._checked:
                        self._prepare(conn)
                        self._checked = True
                    return conn
                except BaseException:
                    conn.close()
                    raise
            except (sqlite3.Error, OSError) as exc:
                if _busy(exc):  # another process writes now: not damaged, just not this time
                    log.debug("compare features file %s busy (%s)", self.path, exc)
                    return None
                log.debug("compare features file %s unusable (%s)", self.path, exc)
                if attempt == 0 and not self._set_aside():
                    break
        self._broken = True
        return None

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("CREATE TABLE IF NOT EXISTS features (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
        row = conn.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        want = fingerprint()
        if row is None or row[0] != want:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM features")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (want,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _sign(self, key: bytes, data: bytes) -> bytes:
        # the one-shot HMAC (OpenSSL's, no Python hmac object): the same digest in two thirds of the time,
        # some 20,000 entries a cold comparison
        return hmac.digest(self._key, key + data, "sha256")

    @staticmethod
    def _ours(conn: sqlite3.Connection) -> bool:
        """Whether the file's entries were computed under this process's :func:`fingerprint`."""
        row = conn.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        return row is not None and row[0] == fingerprint()

    def _set_aside(self) -> bool:
        """Delete a damaged file (and its journal); whether it is gone."""
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError:
            return False
        return True

    def read(self, keys: Sequence[bytes]) -> dict[bytes, Any]:
        """The stored features of ``keys`` that the file holds (missing keys are left out)."""
        if not keys:
            return {}
        conn = self._open()
        if conn is None:
            return {}
        out: dict[bytes, Any] = {}
        try:
            conn.execute("BEGIN")  # one snapshot: the fingerprint and the entries read under it
            if not self._ours(conn):
                conn.execute("COMMIT")
                return {}
            step = 500  # SQLite's bound on a statement's parameters
            for lo in range(0, len(keys), step):
                part = keys[lo : lo + step]
                marks = ",".join("?" * len(part))
                for key, value in conn.execute(f"SELECT key, value FROM features WHERE key IN ({marks})", part):
                    data = bytes(value)
                    payload = data[_SIG:]
                    if not hmac.compare_digest(data[:_SIG], self._sign(key, payload)):
                        continue  # not written by desk for this user: never unpickled
                    try:
                        out[key] = pickle.loads(payload)
                    except Exception:  # noqa: BLE001 - a damaged entry is recomputed
                        continue
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.debug("compare features file %s unreadable (%s)", self.path, exc)
            if not _busy(exc):
                self._broken = True
                self._set_aside()
            return {}
        finally:
            conn.close()
        return out

    def write(self, items: Iterable[tuple[bytes, Any]]) -> None:
        """Store features (one transaction), then drop the oldest beyond :data:`MAX_ENTRIES`."""
        rows = []
        for k, v in items:
            data = pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)
            rows.append((k, self._sign(k, data) + data))
        if not rows:
            return
        conn = self._open()
        if conn is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not self._ours(conn):  # another version of desk emptied the file since: its entries now
                    conn.execute("ROLLBACK")
                    return
                conn.executemany("INSERT OR REPLACE INTO features (key, value) VALUES (?, ?)", rows)
                last = conn.execute("SELECT max(rowid) FROM features").fetchone()[0] or 0
                conn.execute("DELETE FROM features WHERE rowid <= ?", (last - MAX_ENTRIES,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            if _busy(exc):  # another process writes now: these wait for the next run
                log.debug("compare features file %s busy (%s)", self.path, exc)
            else:
                log.debug("compare features file %s damaged (%s)", self.path, exc)
                self._broken = True
                self._set_aside()
        finally:
            conn.close()


def _busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another connection holds the file now (not that the file is damaged)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


_FILES: dict[str, FeatureFile] = {}


def for_library(library: Any) -> FeatureFile | None:
    """The features file of ``library``'s data directory; None when it has none, no signing key
    (:meth:`desk.library.Library.signing_key`), or the file is off."""
    folder = getattr(library, "library_dir", None)
    signing_key = getattr(library, "signing_key", None)
    if not ENABLED or not isinstance(folder, Path) or signing_key is None:
        return None
    path = folder / FILE_NAME
    with _LOCK:
        found = _FILES.get(str(path))
        if found is None:
            try:
                key = signing_key()
            except Exception as exc:  # noqa: BLE001 - no key (a foreign or damaged key file): no file
                log.debug("compare features file off: no signing key (%s)", exc)
                return None
            found = _FILES[str(path)] = FeatureFile(path, key)
        return found


def write_owed(folder: Path) -> None:
    """Write what comparisons owe the features file of the data directory ``folder`` (:meth:`FeatureFile.owe`),
    once their answers went out (:meth:`desk.library.Library.write_compare_features`); nothing when this
    process never opened that file."""
    with _LOCK:
        found = _FILES.get(str(folder / FILE_NAME))
    if found is not None:
        found.write_owed()


def forget_files() -> None:
    """Forget the opened files' state (a test that damages a file, then reads it in the same process)."""
    with _LOCK:
        _FILES.clear()
