"""Opening, locking and writing the Whoosh index, with 2.7.4's traps guarded.

* Only indexes desk wrote are opened (opening unpickles the schema): a marker
  file with desk's format version sits in the library directory.  A marker of
  another version means "rebuild"; an index directory without a marker is
  refused.
* A failed ``commit()`` leaves ``WRITELOCK`` held for the rest of the process in
  2.7.4; :func:`abandon` cancels the writer and releases the lock by hand.
* Waiting for the lock is a loop of short ``ix.writer(timeout=...)`` attempts that
  tells the caller what it is waiting for.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import Index, LockError
from whoosh.writing import IndexWriter

from desk.errors import IndexBusy, IndexUnavailable
from desk.index.schema import FORMAT_VERSION, make_schema

MARKER = "desk-index.json"
MARKER_KIND = "desk-index"


def marker_path(library_dir: Path) -> Path:
    return library_dir / MARKER


def read_marker(library_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(marker_path(library_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("kind") == MARKER_KIND else None


def write_marker(library_dir: Path, folder: Path) -> None:
    tmp = marker_path(library_dir).with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"kind": MARKER_KIND, "version": FORMAT_VERSION, "folder": str(folder)}),
        encoding="utf-8",
    )
    os.replace(tmp, marker_path(library_dir))


def prepare(library_dir: Path, index_dir: Path, folder: Path) -> bool:
    """Make sure ``index_dir`` holds a desk index of the current format.

    Returns True when the index was (re)created empty, so the caller knows any
    side data must be dropped as well.  Raises IndexUnavailable for a directory
    desk did not write, or one it cannot write to.
    """
    marker = read_marker(library_dir)
    try:
        if marker is not None and marker.get("version") == FORMAT_VERSION and whoosh_index.exists_in(
            str(index_dir)
        ):
            return False
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
            return ix.writer(timeout=0.5, delay=0.1, **kwargs)
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


def commit(writer: IndexWriter, **kwargs: Any) -> None:
    """``writer.commit(**kwargs)``; on failure the lock is released and a DeskError raised."""
    try:
        writer.commit(**kwargs)
    except OSError as exc:
        abandon(writer)
        raise IndexUnavailable(f"desk could not save its index: {exc.strerror or exc}.") from exc
    except BaseException:
        abandon(writer)
        raise
