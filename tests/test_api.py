"""desk.api.LibraryAPI: the calls the faces may make, and Library provides every one of them."""

from __future__ import annotations

from pathlib import Path

from desk.api import LibraryAPI
from desk.library import Library


def _members() -> set[str]:
    names = {n for n in vars(LibraryAPI) if not n.startswith("_") and callable(getattr(LibraryAPI, n))}
    return names | set(LibraryAPI.__annotations__)


def test_library_is_a_library_api(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: \"Gate\"\n---\n\nThe lock gate was shut for nine days.\n", encoding="utf-8")
    with Library(folder, data_dir=tmp_path / "data") as lib:
        assert isinstance(lib, LibraryAPI)
        for name in _members():
            assert hasattr(lib, name), name


def test_the_protocol_lists_what_the_faces_call() -> None:
    members = _members()
    # the calls the CLI and the window make (alias edits included: no face edits the alias file itself)
    for name in ("update", "search", "compare", "collate", "timeline", "claims", "claimants", "passage",
                 "edit_alias", "alias_entries", "aliases_path", "folder", "notices", "pending_extraction"):
        assert name in members, name
    # an object missing a call is not one
    assert not isinstance(object(), LibraryAPI)
