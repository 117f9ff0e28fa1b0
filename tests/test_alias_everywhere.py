"""Renaming a claimant reaches every view and every JSON output (issue 17).

One small folder of two articles written for this test; the claimant is
renamed once through ``desk aliases --rename`` and once through
``Library.edit_alias``, and search, claims, compare, collate and timeline
must all show the new name and never the old one, in the core and in each
``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desk import cli
from desk.errors import DeskError
from desk.export.json import to_plain
from desk.library import Library

NEW = "Mira Solberg"


def _write(folder: Path, name: str, title: str, outlet: str, day: str, body: str) -> None:
    (folder / name).write_text(
        f'---\ntitle: "{title}"\nsite: "{outlet}"\npublished: "{day}"\n---\n\n{body}\n', encoding="utf-8"
    )


def write_barges(tmp_path: Path) -> Path:
    """Two short articles of two outlets quoting one port warden, under ``tmp_path/articles``."""
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Barges held at the lock", "River Courier", "2023-03-14",
           "Port warden Teodor Kalm said 120 barges were held at the upper lock on Tuesday.\n\n"
           "Repairs to the gate should take another week, the canal office added.")
    _write(folder, "b.md", "Lock closure strands barges", "Valley Ledger", "2023-03-15",
           "Teodor Kalm told reporters that 125 barges were held at the upper lock on Tuesday.\n\n"
           "Crews expect the gate to reopen next week.")
    return folder


@pytest.fixture
def barges(tmp_path: Path) -> Path:
    return write_barges(tmp_path)


def claimant_names(data: Any) -> set[str]:
    """Every claimant name in JSON data: ``claimant`` values and the ``name`` of each attribution."""
    out: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "claimant" and isinstance(v, str) and v:
                out.add(v)
            elif k == "attributions" and isinstance(v, list):
                out.update(a["name"] for a in v if isinstance(a, dict) and a.get("name"))
            else:
                out |= claimant_names(v)
    elif isinstance(data, list):
        for v in data:
            out |= claimant_names(v)
    return out


def passage_keys(data: Any) -> list[str]:
    """The keys of every ``word_diffs`` and ``duplicates`` map (they are passage keys)."""
    keys: list[str] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ("word_diffs", "duplicates") and isinstance(v, dict):
                keys.extend(v)
            keys.extend(passage_keys(v))
    elif isinstance(data, list):
        for v in data:
            keys.extend(passage_keys(v))
    return keys


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_a_renamed_claimant_is_renamed_in_every_cli_json(capsys, barges: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    folder = str(barges)
    claims = cli_json(capsys, "claims", folder, "--json", "--data-dir", data)["claims"]
    old = sorted({c["claimant"] for c in claims if "Kalm" in c["claimant"]})
    assert old, claims
    for name in old:
        edited = cli_json(capsys, "aliases", folder, "--rename", name, NEW, "--json", "--data-dir", data)
        assert NEW in edited["claimants"]
    outputs = {
        "search": cli_json(capsys, "search", folder, "barges", "--json", "--data-dir", data),
        "claims": cli_json(capsys, "claims", folder, "barges", "--json", "--data-dir", data),
        "all claims": cli_json(capsys, "claims", folder, "--json", "--data-dir", data),
        "compare": cli_json(capsys, "compare", folder, "barges lock", "--json", "--data-dir", data),
        "timeline": cli_json(capsys, "timeline", folder, "barges", "--json", "--data-dir", data),
    }
    for view, out in outputs.items():
        names = claimant_names(out)
        assert NEW in names, (view, names)
        assert not names & set(old), (view, names)
    for key in passage_keys(outputs["compare"]):
        aid, _, number = key.rpartition(":")
        assert aid, key
        assert number.isdigit(), key
    # the library's collation (the window's; `desk collate` reads loose files and has no alias book)
    with Library(barges, data_dir=data) as lib:
        ids = sorted({a.id for a in lib.articles()})
        coll = to_plain(lib.collate(ids))
        names = claimant_names(coll)
        assert NEW in names, names
        assert not names & set(old), names
        # and back: forgetting the alias shows the names as written again
        for name in old:
            lib.edit_alias("forget", name)
        assert set(old) <= claimant_names(to_plain(lib.collate(ids)))
        assert NEW not in claimant_names(to_plain(lib.search("barges")))


def test_edit_alias_renames_merges_deletes_and_refuses_an_unknown_action(barges: Path, tmp_path: Path) -> None:
    with Library(barges, data_dir=tmp_path / "data") as lib:
        lib.update(extract=True)
        names = sorted(lib.claimants())
        assert "Teodor Kalm" in names
        lib.edit_alias("rename", "Teodor Kalm", NEW)
        assert NEW in lib.claimants()
        assert "Teodor Kalm" not in lib.claimants()
        hit_names = {a.name for h in lib.search("barges").hits for a in h.attributions}
        assert NEW in hit_names
        lib.edit_alias("delete", NEW)
        assert NEW not in lib.claimants()
        assert NEW not in {s.claimant for s in lib.claims("barges")}
        with pytest.raises(DeskError, match="Unknown alias action"):
            lib.edit_alias("shout", "Teodor Kalm")
        with pytest.raises(DeskError, match="needs the new name"):
            lib.edit_alias("rename", "Teodor Kalm", "  ")
