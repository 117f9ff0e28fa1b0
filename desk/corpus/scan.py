"""Finding the article files of a folder."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from desk.model import Skipped

from .context import MANIFEST_NAMES

#: folders below this many levels are reported, not read
MAX_DEPTH = 64

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf"})


#: files in the folder's root that desk reads as something other than an article (the manifest)
ROOT_SIDECARS = frozenset(MANIFEST_NAMES)


def is_supported(name: str) -> bool:
    dot = name.rfind(".")
    if dot > 0 and name[0] != ".":
        # what ``os.path.splitext`` gives a name not opening with a dot, without its call (the change check
        # of every read command asks this of every file of the folder)
        return name[dot:].lower() in SUFFIXES
    return os.path.splitext(name)[1].lower() in SUFFIXES


def unsupported_reason(name: str) -> str:
    """Why a file of a kind desk does not read is not indexed, in words for the user."""
    ext = os.path.splitext(name)[1].lower()
    kind = f"{ext} files" if ext else "files without an extension"
    known = ", ".join(sorted(SUFFIXES))
    return f"unsupported format: desk does not read {kind} (it reads {known})"


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def scan(folder: Path, *, exclude: Iterable[Path] = ()) -> Iterator[Path | Skipped]:
    """Article files below ``folder`` as paths; see :func:`scan_stat`."""
    for item in scan_stat(folder, exclude=exclude):
        yield item if isinstance(item, Skipped) else Path(item[0])


def scan_stat(folder: Path, *, exclude: Iterable[Path] = ()) -> Iterator[tuple[str, os.stat_result] | Skipped]:
    """Article files below ``folder`` in sorted order, and the entries that could not be read.

    Hidden files and folders (a leading dot) are not read but yielded as
    :class:`Skipped` (a hidden folder as one entry, not entered); anything
    inside ``exclude`` (desk's data directory may sit inside the folder) is
    passed over without a word.  Symbolic links are followed only while they stay inside the
    folder: a link (to a file or a folder) whose target lies outside it is
    reported, never read.  A folder is never entered twice (a link loop yields
    a :class:`Skipped`), and folders deeper than :data:`MAX_DEPTH` are reported
    instead of read.  The walk keeps its own stack (no recursion), so no depth
    of nesting can exhaust Python's.  Regular files of other kinds are
    reported as unsupported (a ``.docx``, an image), except the manifest
    (:data:`ROOT_SIDECARS` in the root).  Never raises for one bad entry.  Each file comes as its path
    string and the ``os.stat`` result the walk already took (the indexer needs
    both; building a Path and stat-ing again was half of an unchanged scan).
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
        real_root = os.path.realpath(root)
    except (OSError, ValueError) as exc:
        yield Skipped(root, f"cannot open the folder ({_why(exc) if isinstance(exc, OSError) else exc})")
        return
    seen: set[tuple[int, int]] = {(root_stat.st_dev, root_stat.st_ino)}
    # depth-first, in sorted order: each frame is a folder's sorted entries and the next one to visit
    stack: list[tuple[list[os.DirEntry[str]], int, int]] = []
    listed = _list(root)
    if isinstance(listed, Skipped):
        yield listed
        return
    stack.append((listed, 0, 0))
    while stack:
        entries, i, depth = stack[-1]
        if i >= len(entries):
            stack.pop()
            continue
        stack[-1] = (entries, i + 1, depth)
        entry = entries[i]
        name = entry.name
        path = entry.path
        if name.startswith("."):
            # not read (a home folder's .cache, a .git, an editor's swap file), but listed, so that
            # every file desk does not index is named with its reason; one line for a hidden folder
            if not (excluded and _excluded(os.path.realpath(path), excluded)):
                yield Skipped(path, _hidden_reason(entry))
            continue
        try:
            is_link = entry.is_symlink()
            st = os.stat(path) if is_link else entry.stat(follow_symlinks=False)
        except OSError as exc:
            if is_supported(name) or (exc.errno == errno.ELOOP):
                yield Skipped(path, _why(exc))
            continue
        is_dir = stat.S_ISDIR(st.st_mode)
        if not is_dir and not is_supported(name):
            if stat.S_ISREG(st.st_mode) and not (depth == 0 and name in ROOT_SIDECARS) and not (
                excluded and is_link and _excluded(os.path.realpath(path), excluded)
            ):
                yield Skipped(path, unsupported_reason(name))
            continue
        real = os.path.realpath(path) if is_link else ""
        if is_link and not _inside(real, real_root):
            what = "folder" if is_dir else "file"
            yield Skipped(path, f"symbolic link to a {what} outside the article folder (not followed)")
            continue
        if is_dir:
            if excluded and (real or os.path.realpath(path)) in excluded:
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield Skipped(path, "symbolic link loop (folder already read)" if is_link else "folder already read")
                continue
            if depth + 1 > MAX_DEPTH:
                yield Skipped(path, f"folder nested more than {MAX_DEPTH} levels deep (not read)")
                continue
            seen.add(key)
            listed = _list(path)
            if isinstance(listed, Skipped):
                yield listed
                continue
            stack.append((listed, 0, depth + 1))
        else:
            if excluded and is_link and _excluded(real, excluded):
                continue
            if stat.S_ISREG(st.st_mode):
                yield path, st
            else:
                yield Skipped(path, "not a regular file")


def _hidden_reason(entry: os.DirEntry[str]) -> str:
    try:
        is_dir = entry.is_dir(follow_symlinks=False)
    except OSError:
        is_dir = False
    return hidden_reason(is_dir)


def hidden_reason(is_dir: bool = False) -> str:
    """Why a file or folder whose name starts with a dot is not read: the one sentence for the scan
    and for a file named on the command line (:func:`desk.corpus.reader.read_named_file`)."""
    what = "folder" if is_dir else "file"
    return f"hidden {what} (its name starts with a dot): not read"


def _excluded(real: str, excluded: set[str]) -> bool:
    return real in excluded or any(real.startswith(e + os.sep) for e in excluded)


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _list(directory: str) -> list[os.DirEntry[str]] | Skipped:
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return Skipped(directory, f"cannot list the folder ({_why(exc)})")
