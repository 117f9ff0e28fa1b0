"""Notes the user keeps on comparison rows, one JSON file per article folder.

A row is known by the passages it holds (article id and passage number), so
a note comes back whenever the same passages line up again, whatever query
brought them.  The file lives beside the claimant aliases in the folder's data
directory, never in the article folder.
"""

from __future__ import annotations

from pathlib import Path

from desk.errors import DeskError
from desk.jsonfile import read_json, write_json_atomic
from desk.model import Comparison, Row

#: the longest note kept (a note is a remark, not a document)
MAX_NOTE = 4000


def row_key(row: Row) -> str:
    """A row's identity: its passages, sorted ("articleid#3|otherid#0")."""
    keys = sorted(f"{r.article_id}#{r.number}" for refs in row.cells.values() for r in refs)
    return "|".join(keys)


class NoteBook:
    """Row notes in one JSON file (written atomically)."""

    def __init__(self, path: Path, notes: dict[str, str] | None = None) -> None:
        self.path = Path(path)
        self.notes: dict[str, str] = dict(notes or {})

    @classmethod
    def load(cls, path: Path) -> NoteBook:
        """The notes in ``path``; an empty book when there is no file yet."""
        path = Path(path)
        notes = read_json(
            path, "row notes file",
            lambda data: {str(k): str(v) for k, v in data["notes"].items() if isinstance(v, str) and v.strip()},
            hint="Fix the JSON by hand, or move the file away to start with no notes.",
        )
        return cls(path, notes)

    def get(self, row: Row) -> str:
        return self.notes.get(row_key(row), "")

    def set(self, row: Row, note: str) -> None:
        """Keep ``note`` for ``row`` (an empty note removes it) and write the file."""
        note = note.strip()[:MAX_NOTE]
        key = row_key(row)
        if not key:
            return
        if note:
            self.notes[key] = note
        else:
            self.notes.pop(key, None)
        row.note = note
        self.save()

    def apply(self, comparison: Comparison) -> int:
        """Put the stored notes on a comparison's rows; how many rows have one."""
        if not self.notes:
            # no note kept: no row's key to work out (for a thousand rows, some 60 ms of the window's GUI thread)
            for row in comparison.rows:
                row.note = ""
            return 0
        n = 0
        for row in comparison.rows:
            row.note = self.get(row)
            n += bool(row.note)
        return n

    def save(self) -> None:
        data = {"version": 1, "notes": dict(sorted(self.notes.items()))}
        try:
            write_json_atomic(self.path, data, prefix=".notes-", what="its row notes")
        except OSError as exc:
            raise DeskError(f"The row notes file {self.path} cannot be written ({exc}).") from exc
