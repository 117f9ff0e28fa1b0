"""Writing an export file: atomically, with the user's umask, only over a regular file.

- A new file gets the mode the user's umask gives (``0666 & ~umask``), like
  any file a program creates; an overwritten one (``force``) keeps its mode.
- Only a regular file is ever replaced: a symbolic link, a FIFO, a device, a
  socket or a folder at the target is refused, with or without ``force``
  (writing through a link would change a file the user did not name).
- The text goes to a temporary file beside the target, is flushed to disk,
  then renamed over it: a crash leaves the old file or the new one, never
  half of one.  Without ``force`` the rename cannot replace a file that
  appeared meanwhile.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from desk.errors import ExportError

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_target(target: Path, *, force: bool) -> os.stat_result | None:
    """The target's status when it is a regular file that may be replaced, None when it is absent.

    Raises :class:`ExportError` when it is anything but a regular file, or
    exists and ``force`` is not given.
    """
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    for test, what in _KINDS:
        if test(st.st_mode):
            raise ExportError(
                f"Cannot write {target}: it is {what}, and desk only replaces regular files.",
                hint="Choose another file name.",
            )
    if not stat.S_ISREG(st.st_mode):
        raise ExportError(f"Cannot write {target}: it is not a regular file.", hint="Choose another file name.")
    if not force:
        raise ExportError(f"{target} already exists.", hint="Use --force to overwrite it.")
    return st


def _open_temp(parent: Path) -> tuple[int, Path]:
    """A new temporary file beside the target, created with mode 0666 less the umask."""
    for _ in range(100):
        tmp = parent / f".desk-export-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as exc:  # a read-only folder, a full disk, a folder that takes no files (/proc)
            raise ExportError(
                f"Cannot write into {parent}: {exc.strerror or exc}.", hint="Choose another folder."
            ) from exc
        return fd, tmp
    raise ExportError(f"Cannot write into {parent}: no free temporary file name.")


def write_text_atomic(target: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``target`` as described in the module docstring."""
    return write_bytes_atomic(target, text.encode("utf-8"), force=force)


def write_bytes_atomic(target: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``target`` as described in the module docstring (pictures, and text through
    :func:`write_text_atomic`)."""
    target = Path(target)
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {parent} does not exist.")
    old = check_target(target, force=force)
    fd, tmp = _open_temp(parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if old is not None:
                os.fchmod(fh.fileno(), stat.S_IMODE(old.st_mode))
            os.fsync(fh.fileno())
        if old is not None:
            # the target may have changed kind since it was checked: look again just before the rename
            check_target(target, force=True)
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails if the target appeared meanwhile: never clobber
            except FileExistsError:
                raise ExportError(f"{target} already exists.", hint="Use --force to overwrite it.") from None
            except OSError:
                # a file system without hard links: rename, which still never leaves half a file
                if os.path.lexists(target):
                    raise ExportError(f"{target} already exists.", hint="Use --force to overwrite it.") from None
                os.replace(tmp, target)
            else:
                os.unlink(tmp)
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    finally:
        if os.path.lexists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return target
