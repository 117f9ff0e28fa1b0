"""Small JSON files that desk keeps in its data directory (aliases, row notes).

They are read through :func:`read_json`, which turns every way a file can be
unusable into one sentence, and written whole to a temporary file beside the target and renamed over
it, so a crash or a kill leaves either the old file or the new one, never half
of either.  The temporary name starts with ``prefix`` so that a later run can
find and remove what a killed run left behind.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from desk.errors import DeskError, DiskFull
from desk.paths import disk_full, full_disk_error

T = TypeVar("T")


def read_json(path: Path, what: str, parse: Callable[[Any], T], *, hint: str) -> T | None:
    """``parse`` of the JSON in ``path``, or None when there is no file yet.

    ``what`` names the file in messages ("row notes file").  A file that cannot
    be read, is not JSON, or whose content ``parse`` rejects (ValueError,
    KeyError, TypeError, AttributeError) raises one :class:`DeskError`.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise DeskError(f"The {what} {path} cannot be read ({exc}).") from exc
    try:
        return parse(json.loads(raw))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        # RecursionError: arrays or objects nested some thousands deep ("[[[[..."), which Python's
        # decoder gives up on; it was an internal error that stopped `desk compare` (a notes file) and
        # every alias command
        raise DeskError(f"The {what} {path} is damaged and cannot be read.", hint=hint) from exc


def write_json_atomic(path: Path, data: Any, *, prefix: str, what: str = "") -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` in one rename.

    A full disk raises :class:`DiskFull` with the sentence the index and the store give for it
    (``what``, "its row notes", names the file; its name when not given): the callers' own
    "cannot be written ([Errno 28] No space left on device)" quoted the raw errno.  Any other failure
    raises OSError.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".json", dir=path.parent)
    except OSError as exc:
        _raise_if_full(exc, path, what)
        raise
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            _raise_if_full(exc, path, what)
        raise


def _raise_if_full(exc: OSError, path: Path, what: str) -> None:
    """Raise :class:`DiskFull` when ``exc`` is a write the full disk (or quota) refused."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or (exc.errno == errno.EIO and disk_full(path.parent)):
        raise DiskFull(
            full_disk_error(path.parent, what or path.name),
            hint="Free some space there (reading still works), or choose another --data-dir.",
        ) from exc
