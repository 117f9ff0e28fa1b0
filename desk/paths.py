"""Every directory and file desk uses, from one place.

desk writes only below its data directory, never into the article folder.
The data directory is, first found:

1. the ``override`` passed by a command (``--data-dir DIR``),
2. the ``DESK_DATA_DIR`` environment variable,
3. the user's cache directory for desk (platformdirs).

Each article folder gets its own sub-directory, named from a hash of the
folder's resolved path, holding the Whoosh index, the claimant aliases and
anything else desk keeps about that folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "DESK_DATA_DIR"
ENV_KEY_FILE = "DESK_KEY_FILE"
APP_NAME = "desk"


def chosen_data_dir(override: str | os.PathLike[str] | None = None) -> Path | None:
    """The data directory the user chose (``--data-dir`` or ``DESK_DATA_DIR``) as written, or None.

    None means the platform's cache directory. The path is not resolved, so that
    :func:`writes_into` still sees a symbolic link inside the article folder.  A ``DESK_DATA_DIR`` of
    white space only is unset, as an empty one is: it made a data folder named "   " in the current
    directory.
    """
    env = os.environ.get(ENV_DATA_DIR)
    chosen = override or (env if env and env.strip() else None)
    return Path(chosen).expanduser() if chosen else None


def data_dir_argument(text: str) -> str:
    """A ``--data-dir`` value as the command line gives it (the argument parser's ``type``): an empty
    one is refused, where it would silently mean the default folder."""
    if not text.strip():
        import argparse

        raise argparse.ArgumentTypeError("it is empty: name a folder, or leave the option out for the default")
    return text


def folder_argument(text: str) -> str:
    """A FOLDER of articles as the command line gives it (the argument parser's ``type``): an empty
    one is refused.  ``desk index ""`` (an unset shell variable) indexed the current directory,
    whatever it held, without a word."""
    if not text.strip():
        import argparse

        raise argparse.ArgumentTypeError("it is empty: name the folder of articles (. for the current one)")
    return text


def folder_problem(folder: str | os.PathLike[str], *, maybe_command: bool = False) -> str | None:
    """The sentence for an article folder that cannot be opened (it does not exist, it is a file), or None.

    One wording for the command line, the library and the window's start.  ``maybe_command``: the
    name came first on ``desk NAME``, where a sub-command would be too; a bare word that is no folder
    (``desk nosuch``, a misspelt command) is called either, and ``desk --help`` named.  The caller
    escapes the sentence for where it shows it (the name is the user's).
    """
    given = Path(folder).expanduser()
    try:
        exists, is_dir = given.exists(), given.is_dir()
    except (OSError, ValueError):  # a name too long for the system, a NUL: no folder either
        exists = is_dir = False
    if is_dir:
        return None
    if exists:
        return f"{given} is a file, not a folder of articles."
    if maybe_command and os.sep not in os.fspath(folder) and not os.fspath(folder).startswith((".", "~")):
        return f"“{folder}” is neither a desk command nor a folder (desk --help lists the commands)."
    return f"The folder {given} does not exist."


def folder_identity(folder: str | os.PathLike[str]) -> tuple[int, int] | None:
    """Which folder lies at ``folder`` (device and inode, following links), or None when none does:
    what :func:`folder_moved` compares with later."""
    try:
        st = os.stat(folder)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None


def folder_moved(folder: str | os.PathLike[str], identity: tuple[int, int] | None) -> str | None:
    """The sentence for an open article folder that is no longer at its path (renamed, moved or removed
    while desk had it open), or None while it (or, after a restore, a folder) is there.

    The window's file watcher cannot tell: a folder renamed sends it nothing at all, and one removed
    only a change, after which the index run failed and the window went on showing the folder's
    articles as if they were still there.  The caller escapes the sentence (the path is the user's).
    """
    if folder_identity(folder) is not None or identity is None:
        return None
    return (f"The folder {folder} was moved, renamed or removed while it was open: desk closed it. "
            "Open it where it is now (File > Open Folder).")


def data_dir_problem(folder: str | os.PathLike[str], override: str | os.PathLike[str] | None = None) -> str | None:
    """The sentence for a chosen data directory (``--data-dir``, ``DESK_DATA_DIR``) inside the article
    folder ``folder``, or None.  The library refuses to open such a folder, and the window checks
    before it writes its settings and log there.  The platform's cache folder is never refused: a
    home folder of articles holds it, hidden."""
    chosen = chosen_data_dir(override)
    given = Path(folder).expanduser()
    resolved = _resolved(given)
    if chosen is None or resolved is None or not writes_into(chosen, resolved):
        return None
    return (f"The data folder {chosen} lies inside the article folder {given}: desk never writes into the "
            "article folder. Choose a data folder elsewhere (--data-dir or DESK_DATA_DIR).")


def export_file_argument(text: str) -> str:
    """An export's target file as the command line gives it (``--markdown``/``--svg``/``--png FILE``,
    the argument parser's ``type``): an empty one is refused.  ``--markdown ""`` was taken for no
    option at all: the rows went to the terminal, and no file and no word said so."""
    if not text.strip():
        import argparse

        raise argparse.ArgumentTypeError("it is empty: name the file to write")
    if text == "-":
        # the usual "standard output" of other tools: desk wrote a file named "-" (and said so), and
        # ``--timeline`` would add "--timeline.svg" beside it; the rows on stdout are the option left out
        import argparse

        raise argparse.ArgumentTypeError(
            "desk writes FILE to a file, not to standard output: leave the option out to print the rows "
            "(--json for JSON), or write ./- for a file named “-”"
        )
    return text


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The root of everything desk writes."""
    chosen = chosen_data_dir(override)
    if chosen is not None:
        return chosen.resolve()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def folder_key(folder: str | os.PathLike[str]) -> str:
    """A stable, file-system-safe name for an article folder."""
    resolved = str(Path(folder).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(resolved).name)[:40] or "root"
    return f"{stem}-{digest}"


def library_dir(folder: str | os.PathLike[str], override: str | os.PathLike[str] | None = None) -> Path:
    """Where desk keeps what it knows about one article folder."""
    return data_dir(override) / "libraries" / folder_key(folder)


def index_dir(folder: str | os.PathLike[str], override: str | os.PathLike[str] | None = None) -> Path:
    """The Whoosh index of one article folder."""
    return library_dir(folder, override) / "index"


def aliases_file(folder: str | os.PathLike[str], override: str | os.PathLike[str] | None = None) -> Path:
    """The user's claimant aliases for one article folder (JSON)."""
    return library_dir(folder, override) / "aliases.json"


def notes_file(folder: str | os.PathLike[str], override: str | os.PathLike[str] | None = None) -> Path:
    """The user's notes on comparison rows for one article folder (JSON, :mod:`desk.notes`)."""
    return library_dir(folder, override) / "notes.json"


def key_file() -> Path:
    """The user's secret key that signs desk's index tables of contents.

    Kept in the user's configuration directory, outside every data directory,
    so that a data directory someone else prepared cannot carry a key that
    vouches for its own index.  ``DESK_KEY_FILE`` overrides the place.
    """
    env = os.environ.get(ENV_KEY_FILE)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "index-key"


def log_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Log files, including crash tracebacks."""
    return data_dir(override) / "logs"


def resource_dir() -> Path:
    """The ``resources/`` folder, in a checkout and in the frozen app."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_folder() -> Path:
    """The bundled demo article folder."""
    return resource_dir() / "demo"


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies below it (after resolving)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def writes_into(target: Path, folder: Path) -> bool:
    """True when a file written at ``target`` would land in ``folder``'s tree.

    That is when ``target`` lies in ``folder`` after resolving links (:func:`is_inside`), and also
    when it lies there as written: a symbolic link inside the article folder to a folder elsewhere
    (another corpus) is no way out of the rule "desk never writes into the article folder".
    """
    if is_inside(target, folder):
        return True
    written = Path(os.path.abspath(target))
    for root in {Path(os.path.abspath(folder)), _resolved(folder)}:
        if root is not None and written.is_relative_to(root):
            return True
    return False


def _resolved(folder: Path) -> Path | None:
    try:
        return Path(folder).resolve()
    except (OSError, RuntimeError):
        return None


#: less free space than this under the data directory counts as a full disk
LOW_SPACE_BYTES = 1 << 20


def disk_full(path: Path) -> bool:
    """True when the file system holding ``path`` (or its nearest existing parent) is (nearly) full."""
    p = Path(path)
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        st = os.statvfs(p)
    except (OSError, AttributeError):  # no statvfs (Windows): say nothing rather than guess
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE_BYTES


def full_disk_error(where: Path, what: str) -> str:
    """The sentence for a write the full disk refused."""
    return f"The disk is full: desk could not save {what} in {where}."
