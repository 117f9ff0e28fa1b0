"""The user's claimant aliases: merge, rename or delete claimants, per folder.

The file is JSON in desk's data directory (``desk.paths.aliases_file``)::

    {"version": 1,
     "entries": [{"kind": "merge", "name": "Zelenskyy", "target": "Volodymyr Zelensky"},
                 {"kind": "rename", "name": "UN", "target": "United Nations"},
                 {"kind": "delete", "name": "Read", "target": ""}]}

Names are matched case- and diacritics-insensitively after the rule-based
canonical form (titles dropped), so an alias for "Zelensky" also catches
"President Zelensky".
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desk.errors import DeskError, IndexBusy
from desk.extract.names import canonical_name, fold
from desk.jsonfile import read_json, write_json_atomic

KINDS = ("merge", "rename", "delete")
#: temporary files of a save; one older than this was left by a killed run
TEMP_PATTERN = ".aliases-*.json"
LOCK_NAME = "aliases.lock"


def _key(name: str) -> str:
    return fold(canonical_name(name))


class AliasBook:
    """Claimant aliases kept in one JSON file."""

    def __init__(self, path: Path, entries: list[tuple[str, str, str]] | None = None) -> None:
        self.path = Path(path)
        self._entries: dict[str, tuple[str, str, str]] = {}
        for kind, name, target in entries or []:
            self._set(kind, name, target)

    # -- file --------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> AliasBook:
        """The aliases in ``path``; an empty book when it does not exist yet."""
        path = Path(path)
        entries = read_json(path, "claimant alias file", _entries,
                            hint="Fix the JSON by hand, or delete the file to start with no aliases.")
        return cls(path, entries)

    @classmethod
    @contextmanager
    def editing(cls, path: Path, wait: float = 30.0) -> Iterator[AliasBook]:
        """The book, locked against every other desk process until the block ends, then saved.

        Read, change and save are one step across processes (a file lock beside
        the alias file), so edits made at the same time are all kept.  Temporary
        files a killed save left behind are removed while the lock is held (no
        other save can be under way then).  The book is not saved when the
        block raises.
        """
        from desk.index.lock import UpdateLock

        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = UpdateLock(path.parent / LOCK_NAME)
            lock.acquire(wait=wait)
        except IndexBusy:
            raise DeskError(
                f"Another desk process has been editing the claimant aliases ({path}) for {wait:.0f} s.",
                hint="Try again when it is done.",
            ) from None
        except OSError as exc:
            raise DeskError(f"The claimant alias file {path} cannot be locked ({exc.strerror or exc}).") from exc
        try:
            cls.remove_stale_temps(path.parent)
            book = cls.load(path)
            yield book
            book.save()
        finally:
            lock.release()

    @staticmethod
    def remove_stale_temps(folder: Path, older_than: float = 0.0) -> int:
        """Delete the ``.aliases-*.json`` files of saves that never finished; how many went."""
        now = time.time()
        gone = 0
        for tmp in Path(folder).glob(TEMP_PATTERN):
            try:
                if now - tmp.stat().st_mtime >= older_than:
                    tmp.unlink()
                    gone += 1
            except OSError:
                continue
        return gone

    def save(self) -> None:
        """Write the file atomically (a temporary file, then a rename)."""
        data = {
            "version": 1,
            "entries": [{"kind": k, "name": n, "target": t} for k, n, t in self.entries()],
        }
        try:
            write_json_atomic(self.path, data, prefix=".aliases-")
        except OSError as exc:
            raise DeskError(f"The claimant alias file {self.path} cannot be written ({exc}).") from exc

    # -- editing -----------------------------------------------------------

    def _set(self, kind: str, name: str, target: str) -> None:
        name = name.strip()
        target = target.strip()
        if not name:
            raise DeskError("A claimant name is needed.")
        if kind != "delete" and not target:
            raise DeskError(f"Say what to {kind} {name!r} into.")
        if kind != "delete" and _key(name) == _key(target):
            self._entries.pop(_key(name), None)
            return
        self._entries[_key(name)] = (kind, name, target)

    def merge(self, name: str, into: str) -> None:
        """Show ``name`` as the existing claimant ``into`` (a claimant is never merged into itself)."""
        if name.strip() and into.strip() and _key(name) == _key(into):
            raise DeskError(f"\u201c{name.strip()[:80]}\u201d and \u201c{into.strip()[:80]}\u201d are one claimant "
                            "already: merge it into another claimant.")
        self._set("merge", name, into)

    def rename(self, name: str, new: str) -> None:
        """Show ``name`` (and whatever was merged into it) as ``new``."""
        old = _key(name)
        for k, (kind, n, t) in list(self._entries.items()):
            if kind != "delete" and _key(t) == old:
                self._entries[k] = (kind, n, new.strip())
        self._set("rename", name, new)

    def delete(self, name: str) -> None:
        """Hide ``name`` as a claimant: its figures show no claimant."""
        self._set("delete", name, "")

    def remove(self, name: str) -> bool:
        """Forget whatever alias ``name`` has; True when there was one."""
        return self._entries.pop(_key(name), None) is not None

    # -- reading -----------------------------------------------------------

    def canonical(self, name: str) -> str | None:
        """The name to show for a claimant; None when the user deleted it."""
        current = canonical_name(name)
        seen: set[str] = set()
        while True:
            k = fold(current)
            if k in seen:
                return current  # a cycle: stop where we are
            seen.add(k)
            entry = self._entries.get(k)
            if entry is None:
                return current
            kind, _, target = entry
            if kind == "delete":
                return None
            current = canonical_name(target)

    def entries(self) -> list[tuple[str, str, str]]:
        """(kind, name, target) for every alias, sorted by name."""
        return sorted(self._entries.values(), key=lambda e: (fold(e[1]), e[0]))

    def __len__(self) -> int:
        return len(self._entries)


def _entries(data: Any) -> list[tuple[str, str, str]]:
    """The (kind, name, target) entries of an alias file's JSON; ValueError/KeyError/TypeError when malformed."""
    entries = []
    for item in data["entries"]:
        kind, name, target = item["kind"], item["name"], item.get("target", "")
        if kind not in KINDS or not isinstance(name, str) or not isinstance(target, str) or not name.strip():
            raise ValueError(item)
        entries.append((kind, name, target))
    return entries
