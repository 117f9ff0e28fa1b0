"""Finding the article files of a folder."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from desk.model import Skipped

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf"})


def is_supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUFFIXES


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def scan(folder: Path, *, exclude: Iterable[Path] = ()) -> Iterator[Path | Skipped]:
    """Article files below ``folder`` in sorted order, and the entries that could not be read.

    Hidden files and folders (a leading dot) are passed over, and so is
    anything inside ``exclude`` (desk's data directory may sit inside the
    folder).  Symbolic links are followed, but a folder is never entered twice
    (a link loop yields a :class:`Skipped`).  Files of other kinds are ignored
    silently.  Never raises for one bad entry.
    """
    excluded = set()
    for p in exclude:
        try:
            excluded.add(os.path.realpath(p))
        except (OSError, ValueError):
            continue
    root = os.fspath(folder)
    try:
        root_stat = os.stat(root)
    except OSError as exc:
        yield Skipped(root, f"cannot open the folder ({_why(exc)})")
        return
    seen: set[tuple[int, int]] = {(root_stat.st_dev, root_stat.st_ino)}
    yield from _walk(root, seen, excluded)


def _walk(directory: str, seen: set[tuple[int, int]], excluded: set[str]) -> Iterator[Path | Skipped]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(directory, f"cannot list the folder ({_why(exc)})")
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = entry.path
        try:
            is_link = entry.is_symlink()
            st = os.stat(path) if is_link else entry.stat(follow_symlinks=False)
        except OSError as exc:
            if is_supported(name) or (exc.errno == errno.ELOOP):
                yield Skipped(path, _why(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            if excluded and os.path.realpath(path) in excluded:
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield Skipped(path, "symbolic link loop (folder already read)" if is_link else "folder already read")
                continue
            seen.add(key)
            yield from _walk(path, seen, excluded)
        elif is_supported(name):
            if excluded and is_link:
                real = os.path.realpath(path)
                if real in excluded or any(real.startswith(e + os.sep) for e in excluded):
                    continue
            if stat.S_ISREG(st.st_mode):
                yield Path(path)
            else:
                yield Skipped(path, "not a regular file")
