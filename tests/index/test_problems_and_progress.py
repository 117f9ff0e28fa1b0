"""Issue 13's minor list: every file desk does not index is listed with its reason (unsupported
formats included), fields desk could not use are listed as problems, and a first index reports
counts from its first seconds on, stage by stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk import cli
from desk.corpus import field_problems, scan
from desk.index import build
from desk.library import Library
from desk.model import Skipped

STORY = "The harbour office said {n} fishing boats stayed in port on Friday. Crews waited for the storm to pass."


def _folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    (f / "sub").mkdir(parents=True)
    (f / "ok.txt").write_text("Boats in port\n\n" + STORY.format(n=31), encoding="utf-8")
    (f / "letter.docx").write_bytes(b"PK\x03\x04 not really a document")
    (f / "sub" / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0")
    (f / "notes").write_text("no extension at all", encoding="utf-8")
    (f / "desk.json").write_text(json.dumps({"ok.txt": {"outlet": "The Quay Gazette"}}), encoding="utf-8")
    (f / "sub" / "desk.json").write_text("{}", encoding="utf-8")  # not the manifest: only the root's is
    (f / ".hidden.docx").write_bytes(b"x")
    (f / "bad-yaml.md").write_text("---\ntitle: [never closed\noutlet: a: b\n---\n\n" + STORY.format(n=32),
                                   encoding="utf-8")
    (f / "bad-date.md").write_text("---\ntitle: Storm week\ndate: 2021-14-40\n---\n\n" + STORY.format(n=33),
                                   encoding="utf-8")
    return f


def test_scan_lists_unsupported_and_hidden_files_but_not_the_manifest(tmp_path: Path) -> None:
    f = _folder(tmp_path)
    items = list(scan(f))
    files = sorted(p.relative_to(f).as_posix() for p in items if isinstance(p, Path))
    refused = {Path(s.path).relative_to(f).as_posix(): s.reason for s in items if isinstance(s, Skipped)}
    assert files == ["bad-date.md", "bad-yaml.md", "ok.txt"]
    # a hidden file is not read, but listed (h31h: it was passed over without a word)
    assert set(refused) == {"letter.docx", "sub/photo.JPG", "notes", "sub/desk.json", ".hidden.docx"}
    assert refused[".hidden.docx"] == "hidden file (its name starts with a dot): not read"
    assert refused["letter.docx"].startswith("unsupported format: desk does not read .docx files")
    assert ".jpg files" in refused["sub/photo.JPG"]
    assert "without an extension" in refused["notes"]
    assert ".md" in refused["letter.docx"]
    assert ".pdf" in refused["letter.docx"]


def test_field_problems_pick_only_unusable_fields() -> None:
    notes = [
        "decoded as cp1252",
        "front matter ignored: invalid YAML (line 2)",
        'date "2021-14-40" from the front matter could not be read',
        'outlet "A" from the URL contradicts "B" from the front matter',
        "front matter not closed: read as text",
    ]
    got = field_problems(notes)
    assert len(got) == 3
    assert got[0].startswith("front matter ignored: invalid YAML (line 2)")
    assert all(g.endswith("(the file is indexed without it)") for g in got)


def test_index_and_problems_list_every_file_desk_does_not_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _folder(tmp_path)
    data = tmp_path / "data"
    assert cli.main(["index", str(f), "--no-extract", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "3 added" in out
    for name in ("letter.docx", "photo.JPG", "notes"):
        assert f"skipped {f / name if name != 'photo.JPG' else f / 'sub' / name}: unsupported format" in out
    assert "note: bad-yaml.md: front matter ignored: invalid YAML" in out
    assert 'note: bad-date.md: date "2021-14-40" from the front matter could not be read' in out

    with Library(f, data_dir=data) as lib:
        listed = {Path(s.path).name: s.reason for s in lib.skipped()}
        assert {a.relpath for a in lib.articles()} == {"ok.txt", "bad-yaml.md", "bad-date.md"}
    assert set(listed) == {"letter.docx", "photo.JPG", "notes", "desk.json", "bad-yaml.md", "bad-date.md",
                           ".hidden.docx"}
    assert "invalid YAML" in listed["bad-yaml.md"]
    assert "2021-14-40" in listed["bad-date.md"]

    # a second run reads nothing again, and the list stays whole; fixing the header clears its problem
    (f / "bad-yaml.md").write_text("---\ntitle: Fixed\n---\n\n" + STORY.format(n=32), encoding="utf-8")
    assert cli.main(["index", str(f), "--no-extract", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    with Library(f, data_dir=data) as lib:
        listed = {Path(s.path).name: s.reason for s in lib.skipped()}
    assert "bad-yaml.md" not in listed
    assert "bad-date.md" in listed
    assert "letter.docx" in listed


def test_first_index_reports_counts_in_every_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "many"
    f.mkdir()
    for i in range(12):
        # several passages per article, so the writing stage has many documents
        body = "\n\n".join(STORY.format(n=100 + i * 10 + k) for k in range(6))
        (f / f"story-{i:02d}.txt").write_text(f"Harbour story {i}\n\n{body}", encoding="utf-8")
    monkeypatch.setattr(build, "SCAN_PROGRESS_EVERY", 5)
    monkeypatch.setattr(build, "WRITE_PROGRESS_EVERY", 10)
    calls: list[tuple[int, int, str]] = []
    with Library(f, data_dir=tmp_path / "d") as lib:
        report = lib.update(lambda d, t, m: calls.append((d, t, m)), extract=False)
    assert report.added == 12
    stages = [m.split(":")[0].split(" ")[0] for _d, _t, m in calls]
    # every stage says something, in order
    order = ["looking", "reading", "finding", "storing", "writing", "saving"]
    firsts = [stages.index(s) for s in order]
    assert firsts == sorted(firsts)
    assert ("looking for articles: 10 files found" in [m for _d, _t, m in calls])
    assert calls[stages.index("reading")] == (0, 12, "reading 12 files")
    writing = [(d, t) for d, t, m in calls if m == "writing the index"]
    ndocs = writing[0][1]
    assert ndocs >= 12 * 3
    # the writing stage moves between 0 and the end, never backwards
    done = [d for d, _t in writing]
    assert done[0] == 0
    assert len(done) >= 3
    assert done == sorted(done)
    assert 0 < done[1] < ndocs
