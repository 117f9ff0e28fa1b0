"""Opening, locking and writing the Whoosh index, with 2.7.4's traps guarded.

* Only indexes desk wrote are opened (opening unpickles the schema): a marker
  file with desk's format version sits in the library directory.  A marker of
  another version means "rebuild"; an index directory without a marker is
  refused.
* A failed ``commit()`` leaves ``WRITELOCK`` held for the rest of the process in
  2.7.4; :func:`abandon` cancels the writer and releases the lock by hand.
* Waiting for the lock is a loop of short ``ix.writer(timeout=...)`` attempts that
  tells the caller what it is waiting for.
* The parallel writer's sub-writer processes ignore Ctrl+C (:class:`_SubWriter`): this
  process stops them.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index, LockError
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import MERGE_SMALL, IndexWriter

from desk.errors import DiskFull, IndexBusy, IndexUnavailable
from desk.paths import disk_full, full_disk_error

from . import writefast
from .schema import FORMAT_VERSION, make_schema

# the same bytes, written faster: installed before any writer (or its forked sub-writers) exists
writefast.install()

MARKER = "desk-index.json"
MARKER_KIND = "desk-index"


def marker_path(library_dir: Path) -> Path:
    return library_dir / MARKER


def read_marker(library_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(marker_path(library_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[..." thousands deep, not a marker
        return None
    return data if isinstance(data, dict) and data.get("kind") == MARKER_KIND else None


def write_marker(library_dir: Path, folder: Path) -> None:
    tmp = marker_path(library_dir).with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"kind": MARKER_KIND, "version": FORMAT_VERSION, "folder": str(folder)}),
        encoding="utf-8",
    )
    os.replace(tmp, marker_path(library_dir))


def damage(index_dir: Path) -> str | None:
    """What is wrong with the index in ``index_dir``: None when there is none, "" when it is sound.

    It is opened (its table of contents checked against this user's
    signature first) and the files of every segment it lists are looked for,
    so a truncated table of contents, a forged one and a missing or emptied
    segment file are all found here, before any search.
    """
    try:
        if whoosh_index.TOC._latest_generation(FileStorage(str(index_dir)), whoosh_index._DEF_INDEX_NAME) < 0:
            return None
    except OSError:
        return None
    try:
        ix = whoosh_index.open_dir(str(index_dir))
        try:
            # every segment the table of contents lists must have its files (opening a reader
            # over them all would find the same, but costs 150 ms on ukraine-media)
            names = os.listdir(index_dir)
            for seg in ix._segments():
                prefix = f"{ix.indexname}_{seg.segid}"
                if seg.is_compound():
                    wanted = prefix + ".seg"
                    if wanted not in names or os.path.getsize(index_dir / wanted) == 0:
                        raise FileNotFoundError(errno.ENOENT, "missing segment", wanted)
                elif not any(n.startswith(prefix + ".") for n in names):
                    raise FileNotFoundError(errno.ENOENT, "missing segment", prefix)
        finally:
            ix.close()
    except UntrustedIndex:
        if not any(p.name.endswith(".toc" + SIG_SUFFIX) for p in index_dir.iterdir()):
            return f"desk's index at {index_dir} carries no signature (an older desk wrote it, or not desk at all)"
        return (
            f"desk's index at {index_dir} is damaged, or was not written by desk for this user "
            "(its table of contents does not carry this user's signature)"
        )
    except FileNotFoundError as exc:
        missing = os.path.basename(exc.filename or "") or str(exc)
        return f"desk's index at {index_dir} is damaged: a file of it is missing ({missing})"
    except Exception as exc:  # noqa: BLE001 - a damaged index raises anything from struct to pickle
        return f"desk's index at {index_dir} is damaged ({type(exc).__name__})"
    return ""


def check_owner(*dirs: Path) -> None:
    """Refuse a library that someone else owns or that every user may change.

    The signature vouches for the table of contents; the segment files it
    lists hold pickled stored fields too, so another user must not be able to
    swap them: such a place is refused with a sentence (group-writable is
    allowed, as many systems give each user a group of their own).
    """
    if not hasattr(os, "getuid"):
        return
    for d in dirs:
        try:
            st = os.stat(d)
        except OSError:
            continue
        if st.st_uid != os.getuid():
            raise IndexUnavailable(
                f"{d} belongs to another user; desk will not open an index there.",
                hint="Choose a --data-dir of your own.",
            )
        if st.st_mode & 0o002:
            raise IndexUnavailable(
                f"{d} can be changed by every user; desk will not open an index there.",
                hint="Run chmod o-w on it, or choose a --data-dir only you can write to.",
            )


def prepare(library_dir: Path, index_dir: Path, folder: Path, notes: list[str] | None = None) -> bool:
    """Make sure ``index_dir`` holds a sound desk index of the current format.

    Returns True when the index was (re)created empty, so the caller knows any
    side data must be dropped as well.  A damaged or unsigned index is rebuilt,
    and ``notes`` gets a sentence saying what was wrong.  Raises
    IndexUnavailable for a directory desk did not write, or one it cannot
    write to.
    """
    check_owner(library_dir, index_dir)
    marker = read_marker(library_dir)
    try:
        if marker is not None and marker.get("version") == FORMAT_VERSION:
            problem = damage(index_dir)
            if problem == "":
                return False
            if problem and notes is not None:
                notes.append(f"{problem}; desk rebuilds it from the articles (claimant aliases are kept)")
        if marker is None and index_dir.exists() and any(index_dir.iterdir()):
            raise IndexUnavailable(
                f"{index_dir} holds files desk did not write; desk will not open it.",
                hint="Remove that directory or choose another --data-dir.",
            )
        # crash-safe order: the old index goes first, then the marker claims the
        # directory, then the new index is made.  A kill at any point leaves either
        # an old marker without an index or a current marker without an index,
        # and both mean "create it" next time; never an index without a marker.
        if index_dir.exists():
            shutil.rmtree(index_dir)
        write_marker(library_dir, folder)
        index_dir.mkdir(parents=True, exist_ok=True)
        whoosh_index.create_in(str(index_dir), make_schema())
    except PermissionError as exc:
        raise IndexUnavailable(f"desk cannot write its index at {index_dir}: {exc.strerror}.") from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise disk_error(exc, index_dir) from exc
        raise IndexUnavailable(f"desk cannot create its index at {index_dir}: {exc}.") from exc
    return True


def open_index(index_dir: Path) -> Index:
    try:
        return whoosh_index.open_dir(str(index_dir))
    except (OSError, whoosh_index.IndexError) as exc:
        raise IndexUnavailable(f"desk cannot open its index at {index_dir}: {exc}.") from exc


def open_writer(
    ix: Index,
    *,
    wait: float = 60.0,
    message: Callable[[str], None] | None = None,
    **kwargs: Any,
) -> IndexWriter:
    """A writer, waiting up to ``wait`` seconds for another process's lock."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return _deaf_sub_writers(ix.writer(timeout=0.5, delay=0.1, **kwargs))
        except LockError:
            if time.monotonic() >= deadline:
                raise IndexBusy(
                    "Another desk process is writing this library's index.",
                    hint="Wait for it to finish and try again.",
                ) from None
            if message is not None and not told:
                message("waiting for another desk process to finish writing the index")
                told = True
        except PermissionError as exc:
            raise IndexUnavailable(f"desk cannot write its index: {exc.strerror}.") from exc


class _SubWriter(SubWriterTask):
    """Whoosh's sub-writer process, deaf to Ctrl+C.

    Ctrl+C reaches every process of the terminal's group: each sub-writer printed its own
    KeyboardInterrupt traceback ("Process SubWriterTask-3: Traceback ...") above desk's one line,
    "desk: interrupted".  desk's process stops them itself (:func:`abandon`, and they end with it).
    """

    def run(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        super().run()


def _deaf_sub_writers(writer: IndexWriter) -> IndexWriter:
    """``writer``, whose sub-writer processes (a parallel writer's) are :class:`_SubWriter` processes."""
    if not isinstance(writer, MpWriter):
        return writer
    mp: Any = writer

    def new_task() -> SubWriterTask:
        task = _SubWriter(mp.storage, mp.indexname, mp.jobqueue, mp.resultqueue, mp.subargs, mp.multisegment)
        mp.tasks.append(task)
        task.start()
        return task

    mp._new_task = new_task
    return writer


def disk_error(exc: OSError, where: Path) -> IndexUnavailable:
    """The user's error for a failed index write: "disk full" (and where) when that is what it was."""
    if exc.errno == errno.ENOSPC or disk_full(where):
        return DiskFull(
            full_disk_error(where, "its index"),
            hint="Free some space there (reading still works), or choose another --data-dir.",
        )
    return IndexUnavailable(f"desk could not save its index in {where}: {exc.strerror or exc}.")


def abandon(writer: IndexWriter) -> None:
    """Throw a writer's work away and make sure its lock is released.

    Whoosh 2.7.4 leaves the lock held when ``commit()`` raised half-way, and
    ``cancel()`` may itself fail on a half-closed writer: release by hand.
    """
    # MpWriter.cancel() only flips a flag on the parent's copy of each sub-writer
    # process: the real children would wait on their job queue for ever (and keep
    # the interpreter from exiting).  Stop them.
    for task in list(getattr(writer, "tasks", []) or []):
        try:
            if task.is_alive():
                task.terminate()
            task.join(5)
        except Exception:  # noqa: BLE001 - best effort on a broken writer
            pass
    if getattr(writer, "tasks", None):
        writer.tasks = []  # type: ignore[attr-defined]
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the writer is already broken; the lock matters
        pass
    lock = getattr(writer, "writelock", None)
    if lock is not None:
        try:
            lock.release()
        except Exception:  # noqa: BLE001 - releasing an unheld lock
            pass
        writer.writelock = None  # type: ignore[attr-defined]
    tmp = getattr(writer, "_tempstorage", None)
    if tmp is not None:
        try:
            tmp.destroy()
        except Exception:  # noqa: BLE001
            pass


def merge_small_live(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Whoosh's default merge (``MERGE_SMALL``) over the segments that still hold a live document.

    An update that reads every file again (new reading rules, a changed folder) deletes every
    document of the old segments and writes new ones.  ``MERGE_SMALL`` weighs a segment by all the
    documents it ever held, so the emptied segments were kept, and the bulk writer merges nothing:
    on ukraine-media after a rules update the index held 4 segments and 181 MB instead of 2 and
    91 MB, and a cold comparison was slower by ~15% with ~150 MB more in the comparing process.
    A segment with no live document is left out of the new table of contents (its files go with
    the next clean-up); that costs nothing, where an optimising merge rewrites the index (79 s here).
    """
    return MERGE_SMALL(writer, [s for s in segments if s.doc_count() > 0])


def commit(writer: IndexWriter, **kwargs: Any) -> None:
    """``writer.commit(**kwargs)``, merging by :func:`merge_small_live` unless told otherwise; on
    failure the lock is released and a DeskError raised."""
    if "mergetype" not in kwargs and not kwargs.get("optimize"):
        kwargs["mergetype"] = merge_small_live
    try:
        writer.commit(**kwargs)
    except OSError as exc:
        abandon(writer)
        raise disk_error(exc, Path(getattr(getattr(writer, "storage", None), "folder", "") or ".")) from exc
    except BaseException:
        abandon(writer)
        raise


# --------------------------------------------------------------------------
# Signed tables of contents
#
# Opening a Whoosh index unpickles its table of contents (the schema and the
# segment list): a forged TOC in a data directory would run code.  Every TOC
# desk writes is signed with an HMAC under a per-user key kept outside the data
# directory (desk.paths.key_file), and no TOC is unpickled before its signature
# is checked.  The signature is written before the TOC is renamed into place,
# so a reader never sees a new TOC without its signature.

SIG_SUFFIX = ".sig"
_TOC_NAME = re.compile(r"^_(?P<name>\w+)_(?P<gen>\d+)\.toc$")


class UntrustedIndex(whoosh_index.IndexError):
    """The index's table of contents is not signed with this user's key."""


_KEYS: dict[Path, bytes] = {}


def _key() -> bytes:
    """This user's signing key, made on first use (32 random bytes, readable by the user only)."""
    from desk.paths import key_file

    path = key_file()
    key = _KEYS.get(path)
    if key is None:
        key = _KEYS[path] = _load_key(path)
    return key


def _load_key(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32).encode("ascii")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            data = path.read_bytes()  # another process made it first
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
            return key
    st = path.stat()
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        raise IndexUnavailable(
            f"desk's signing key {path} belongs to another user or others may change it; desk will not trust it.",
            hint="Remove the file; desk makes a new one and rebuilds its indexes.",
        )
    key = data.strip()
    if len(key) < 32:
        raise IndexUnavailable(f"desk's signing key {path} is damaged.", hint="Remove the file; desk makes a new one.")
    return key


def _sign(data: bytes) -> str:
    return hmac.new(_key(), data, hashlib.sha256).hexdigest()


def _sig_path(folder: str, tocname: str) -> str:
    return os.path.join(folder, tocname + SIG_SUFFIX)


class _SigningStorage:
    """A FileStorage whose TOC renames first sign the new TOC (Whoosh writes a temp file, then renames)."""

    def __init__(self, storage: Any) -> None:
        self._storage = storage

    def __getattr__(self, name: str) -> Any:
        return getattr(self._storage, name)

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        folder = self._storage.folder
        if _TOC_NAME.match(newname):
            with open(os.path.join(folder, oldname), "rb") as fh:
                sig = _sign(fh.read())
            tmp = _sig_path(folder, newname) + ".tmp"
            with open(tmp, "w", encoding="ascii") as out:
                out.write(sig)
            os.replace(tmp, _sig_path(folder, newname))
            # the signatures of tables of contents Whoosh has removed
            for name in os.listdir(folder):
                toc = name[: -len(SIG_SUFFIX)]
                if name.endswith(".toc" + SIG_SUFFIX) and toc != newname and not os.path.exists(os.path.join(folder, toc)):
                    try:
                        os.unlink(os.path.join(folder, name))
                    except OSError:
                        pass
        self._storage.rename_file(oldname, newname, safe=safe)


def _verify(storage: Any, indexname: str, gen: int) -> None:
    folder = getattr(storage, "folder", None)
    if folder is None:  # an index in memory: nothing on disk to forge
        return
    tocname = f"_{indexname}_{gen}.toc"
    try:
        with open(os.path.join(folder, tocname), "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return  # Whoosh says what is missing
    try:
        with open(_sig_path(folder, tocname), encoding="ascii") as fh:
            sig = fh.read().strip()
    except (OSError, UnicodeDecodeError):
        sig = ""
    if not sig or not hmac.compare_digest(sig, _sign(data)):
        raise UntrustedIndex(f"the index table of contents {tocname} is not signed with this user's key")


_original_read = whoosh_index.TOC.read.__func__  # type: ignore[attr-defined]
_original_write = whoosh_index.TOC.write


def _checked_read(cls: Any, storage: Any, indexname: str, gen: int | None = None, schema: Any = None) -> Any:
    if gen is None:
        gen = cls._latest_generation(storage, indexname)
    if gen is not None and gen >= 0:
        _verify(storage, indexname, gen)
    return _original_read(cls, storage, indexname, gen, schema)


def _signed_write(self: Any, storage: Any, indexname: str) -> None:
    if getattr(storage, "folder", None) is not None:
        storage = _SigningStorage(storage)
    _original_write(self, storage, indexname)


whoosh_index.TOC.read = classmethod(_checked_read)  # type: ignore[method-assign,assignment]
whoosh_index.TOC.write = _signed_write  # type: ignore[method-assign]
