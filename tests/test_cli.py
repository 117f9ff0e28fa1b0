"""The command line: sub-commands, exit status, JSON, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk import __version__, cli
from desk.library import Library


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["index", "x"], True),
        (["search", "x", "q"], True),
        (["compare", "x", "q"], True),
        (["--version"], True),
        (["-h"], True),
        ([], False),
        (["/some/folder"], False),
        (["--smoke-test"], False),
    ],
)
def test_wants_cli(args, expected):
    assert cli.wants_cli(args) is expected


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"desk {__version__}"


def test_every_subcommand_has_help(capsys):
    for name in cli.COMMANDS:
        code, out, _ = run(capsys, name, "--help")
        assert code == 0
        assert "--data-dir" in out
        assert "--json" in out


def test_index_and_search_seeds(capsys, seeds, tmp_path):
    data = str(tmp_path / "d")
    code, out, _ = run(capsys, "index", str(seeds), "--no-extract", "--json", "--data-dir", data)
    assert code == 0
    report = json.loads(out)
    assert report["added"] == 5
    assert report["pending_extraction"] == 5

    code, out, _ = run(capsys, "search", str(seeds), "soldiers killed", "--data-dir", data)
    assert code == 0
    assert "[[soldiers]]" in out.lower() or "[[killed]]" in out.lower()
    assert "figures/claimants pending for 5 articles" in out

    code, out, _ = run(capsys, "search", str(seeds), "soldiers killed", "--json", "--limit", "3", "--data-dir", data)
    assert code == 0
    result = json.loads(out)
    assert 0 < len(result["hits"]) <= 3
    hit = result["hits"][0]
    assert {"outlet", "date", "title", "path", "text", "highlights"} <= set(hit)
    for s, e in hit["highlights"]:
        assert hit["text"][s - hit["start"] : e - hit["start"]].lower().startswith(("soldier", "kill"))

    code, out, _ = run(capsys, "search", str(seeds), "soldiers", "--outlet", "The Moscow Times", "--json",
                       "--data-dir", data)
    assert code == 0
    assert {h["outlet"] for h in json.loads(out)["hits"]} == {"The Moscow Times"}


def test_search_indexes_first_and_nothing_found_is_1(capsys, seeds, tmp_path):
    data = str(tmp_path / "d")
    code, _, err = run(capsys, "search", str(seeds), "xylophone", "--data-dir", data)
    assert code == 1
    assert "No passages match" in err
    with Library(seeds, data_dir=data) as lib:
        assert len(lib.articles()) == 5  # search indexed the folder first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "{folder}", '"prisoner swap'], "unbalanced quote"),
        (["search", "{folder}", "foo:bar"], "unknown field"),
        (["search", "{folder}", "war", "--since", "yesterday-ish"], "--since"),
        (["search", "{missing}", "war"], "does not exist"),
        (["index", "{missing}"], "does not exist"),
        (["articles", "{file}"], "not a folder"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, tmp_path, args, message):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("Some war news.\n", encoding="utf-8")
    names = {"folder": str(folder), "missing": str(tmp_path / "missing"), "file": str(folder / "a.txt")}
    code, out, err = run(capsys, *[a.format(**names) for a in args])
    assert code == 2
    assert message in err
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("desk: ")
    assert "Traceback" not in err


def test_debug_shows_the_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "index", str(tmp_path / "missing"), "--debug")
    assert code == 2
    assert "Traceback" in err


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "search")
    assert code == 2
    assert "usage" in err


def test_keyboard_interrupt_exits_130(capsys, tmp_path, monkeypatch):
    def interrupted(self, *a, **k):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(Library, "update", interrupted)
    code, _, err = run(capsys, "index", str(tmp_path))
    assert code == 130
    assert err.strip() == "desk: interrupted"


def test_internal_error_is_logged_not_dumped(capsys, tmp_path, monkeypatch):
    def broken(self, *a, **k):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(Library, "update", broken)
    (tmp_path / "articles").mkdir()  # the data folder beside the articles, never inside them
    code, _, err = run(capsys, "index", str(tmp_path / "articles"), "--data-dir", str(tmp_path / "d"))
    assert code == 2
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err
    assert "Traceback" in (tmp_path / "d" / "logs" / "crash.log").read_text(encoding="utf-8")


def test_articles_lists_outlets_and_skips(capsys, tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.md").write_text('---\ntitle: "Grain"\nsite: "Kyiv Post"\n---\n\nGrain ships sailed.\n', encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    code, out, _ = run(capsys, "articles", str(folder), "--json")
    assert code == 0
    data = json.loads(out)
    assert [(a["outlet"], a["title"], a["relpath"]) for a in data["articles"]] == [("Kyiv Post", "Grain", "a.md")]
    assert data["articles"][0]["passages"] >= 1
    assert [Path(s["path"]).name for s in data["skipped"]] == ["b.txt"]
    code, out, _ = run(capsys, "articles", str(folder))
    assert code == 0
    assert "Kyiv Post\t" in out
    assert "skipped\t" in out


def test_extract_claims_and_aliases(capsys, seeds, tmp_path):
    data = str(tmp_path / "d")
    seed = next(p for p in sorted(seeds.iterdir()) if p.name.startswith("001"))
    code, out, _ = run(capsys, "extract", str(seed), "--json", "--text")
    assert code == 0
    ext = json.loads(out)
    values = {f["value"] for f in ext["figures"]}
    assert 14400 in values
    for f in ext["figures"]:
        assert ext["text"][f["start"] : f["end"]] == f["text"]

    code, out, _ = run(capsys, "claims", str(seeds), "--csv", "--data-dir", data)
    assert code == 0
    header, *rows = out.splitlines()
    assert header == ",".join(cli.CLAIM_COLUMNS)
    assert rows

    code, out, _ = run(capsys, "claims", str(seeds), "soldiers killed", "--json", "--data-dir", data)
    assert code == 0
    claims = json.loads(out)["claims"]
    assert claims
    assert all(c["copies"] == 1 for c in claims)  # the seeds repeat no claim word for word
    assert all(c["path"] for c in claims)
    # each claim's sentence holds its figure and lies in its passage
    for c in claims:
        assert c["figure"] in c["sentence"]
        assert c["sentence"] in c["passage"]

    name = next(c["claimant"] for c in claims if c["claimant"])
    code, out, _ = run(capsys, "aliases", str(seeds), "--rename", name, "Renamed Source", "--data-dir", data)
    assert code == 0
    assert "Renamed Source" in out
    code, out, _ = run(capsys, "claims", str(seeds), "--json", "--data-dir", data)
    assert "Renamed Source" in {c["claimant"] for c in json.loads(out)["claims"]}


def test_articles_tells_a_note_on_an_indexed_file_from_a_skipped_file(capsys, tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: [never closed\n---\n\nGrain ships sailed.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    code, out, err = run(capsys, "articles", str(folder), "--data-dir", str(tmp_path / "d"))
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert ["note", str(folder / "a.md")] in [line[:2] for line in lines]
    assert ["skipped", str(folder / "b.txt")] in [line[:2] for line in lines]
    assert "1 article, 1 skipped, 1 with notes" in err
    code, out, _ = run(capsys, "articles", str(folder), "--data-dir", str(tmp_path / "d"), "--json")
    by_name = {Path(s["path"]).name: s["indexed"] for s in json.loads(out)["skipped"]}
    assert by_name == {"a.md": True, "b.txt": False}


def test_claims_lists_an_outlets_copies_once_with_their_number(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, day in (("a.md", 3), ("b.md", 4), ("c.md", 5)):
        (folder / name).write_text(
            f'---\ntitle: "Gale"\nsite: "Harbour Herald"\npublished: "2022-07-0{day}"\n---\n\n'
            "The port authority said 212 containers were lost overboard in the gale.\n",
            encoding="utf-8",
        )
    data = str(tmp_path / "d")
    code, out, _ = run(capsys, "claims", str(folder), "--data-dir", data)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    assert "2022-07-03 (+2 copies)" in lines[0]
    code, out, _ = run(capsys, "claims", str(folder), "--every-copy", "--json", "--data-dir", data)
    assert [c["copies"] for c in json.loads(out)["claims"]] == [1, 1, 1]
