"""Per-folder facts gathered once per run: the sidecar manifest.

A manifest is ``desk.json`` or ``desk.csv`` in the article folder's root,
mapping a file (its path relative to the folder, or just its name) to fields:

``desk.json``::

    {"flood-report.txt": {"outlet": "The Marren Herald", "date": "2026-03-14"}}

or a list of objects with a ``file`` key.  ``desk.csv``: a header row with a
``file`` (or ``path``/``filename``) column and any of title, outlet, date,
url, author.  A manifest that cannot be read is reported in
:attr:`FolderContext.problems`; it never stops a run.  Editing the manifest
re-reads, on the next index run, just the files whose row changed.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk.model import Skipped

from .decode import Unreadable, clean_text, decode_bytes
from .meta import Fields, pick

MANIFEST_NAMES = ("desk.json", "desk.csv")
MANIFEST_MAX_BYTES = 5_000_000
_FILE_KEYS = ("file", "path", "filename", "name")


@dataclass(slots=True)
class FolderContext:
    folder: str = ""
    #: file key (relative path with "/" or bare file name) -> fields
    manifest: dict[str, dict[str, object]] = field(default_factory=dict)
    problems: list[Skipped] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> FolderContext:
        ctx = cls(folder=str(folder))
        for name in MANIFEST_NAMES:
            path = folder / name
            try:
                if not path.is_file():
                    continue
                if path.stat().st_size > MANIFEST_MAX_BYTES:
                    ctx.problems.append(Skipped(str(path), "manifest ignored: larger than 5 MB"))
                    continue
                text = decode_bytes(path.read_bytes()).text
            except OSError as exc:
                ctx.problems.append(Skipped(str(path), f"manifest ignored: cannot read it ({exc.strerror or exc})"))
                continue
            except Unreadable as exc:
                ctx.problems.append(Skipped(str(path), f"manifest ignored: {exc.reason}"))
                continue
            try:
                rows = _json_rows(text) if name.endswith(".json") else _csv_rows(text)
            except ValueError as exc:
                ctx.problems.append(Skipped(str(path), f"manifest ignored: {exc}"))
                continue
            for key, row in rows:
                ctx.manifest.setdefault(_norm_key(clean_text(key)), _clean(row))
        return ctx

    def entry(self, relpath: str) -> str:
        """The manifest row that applies to a file, as stable text ("" for none).

        The index keeps these, so that editing the manifest re-reads exactly
        the files whose row changed, appeared or went away.
        """
        row = self.manifest.get(relpath)
        if row is None:
            row = self.manifest.get(relpath.rsplit("/", 1)[-1])
        return "" if row is None else json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)

    def fields_for(self, relpath: str) -> Fields:
        """Manifest fields for a file, by relative path first, then by bare name."""
        row = self.manifest.get(relpath)
        if row is None:
            row = self.manifest.get(relpath.rsplit("/", 1)[-1])
        if row is None:
            return Fields()
        return pick(row)


def _clean(value: Any) -> Any:
    """A manifest value with every string cleaned of lone surrogates (JSON can escape them in)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _norm_key(key: str) -> str:
    key = key.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _json_rows(text: str) -> list[tuple[str, dict[str, object]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON (line {exc.lineno})") from None
    except RecursionError:
        raise ValueError("invalid JSON (nested too deeply)") from None
    rows: list[tuple[str, dict[str, object]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict):
                rows.append((str(key), value))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict):
                key = next((str(item[k]) for k in _FILE_KEYS if isinstance(item.get(k), str)), "")
                if key:
                    rows.append((key, item))
    else:
        raise ValueError("expected an object mapping file names to fields")
    if not rows and data:
        raise ValueError("no entries of the form file name -> fields")
    return rows


def _csv_rows(text: str) -> list[tuple[str, dict[str, object]]]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        file_col = next((k for k in _FILE_KEYS if k in header), None)
        if file_col is None:
            raise ValueError("no 'file' column in the header")
        rows: list[tuple[str, dict[str, object]]] = []
        for raw in reader:
            row: dict[str, object] = {str(k).strip().lower(): v for k, v in raw.items() if k is not None and v}
            key = str(row.get(file_col, "")).strip()
            if key:
                rows.append((key, row))
    except csv.Error as exc:
        raise ValueError(f"invalid CSV ({exc})") from None
    return rows
