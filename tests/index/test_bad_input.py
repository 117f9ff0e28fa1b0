"""The issue's bad-input folder: every good file indexed, every bad one listed with a reason, exit 0.

Tests run as root, where ``chmod 000`` does not stop a read, so the file that
is "unreadable by permissions" is simulated honestly at the system-call
boundary: ``open()`` in the reader raises ``PermissionError(EACCES)`` for that
one path, as the OS would.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path

import pytest

import desk.corpus
import desk.corpus.reader
from desk import cli

BODY = "Officials said {n} soldiers were killed near the river on Monday. The report could not be verified."


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    f = tmp_path / "bad"
    f.mkdir()
    (f / "good.txt").write_text("Good news\n\n" + BODY.format(n=120), encoding="utf-8")
    (f / "front.md").write_text('---\ntitle: "Front matter"\nsite: "Kyiv Post"\n---\n\n' + BODY.format(n=130),
                                encoding="utf-8")
    (f / "empty.txt").write_bytes(b"")
    (f / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with open(f / "huge.txt", "w", encoding="utf-8") as fh:
        line = "Filler sentence about nothing in particular, repeated to make the file large. " * 10 + "\n"
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(line)
    (f / "invalid-utf8.txt").write_bytes(("Broken bytes\n\n" + BODY.format(n=140)).encode() + b" \xff\xfe caf\xe9 done.")
    (f / "utf16.txt").write_bytes(("UTF-16 news\n\n" + BODY.format(n=150)).encode("utf-16"))
    (f / "cp1252.txt").write_bytes(("Caf\u00e9 news\n\n" + BODY.format(n=160) + " \u201cquoted\u201d").encode("cp1252"))
    (f / "locked.txt").write_text("Locked\n\n" + BODY.format(n=170), encoding="utf-8")
    loop = f / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")
    (f / "new\nline.txt").write_text("Newline name\n\n" + BODY.format(n=180), encoding="utf-8")
    (f / "vanishing.txt").write_text("Gone\n\n" + BODY.format(n=190), encoding="utf-8")
    return f


def test_bad_input_folder(bad_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    real_open = builtins.open
    locked = str(bad_folder / "locked.txt")

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", locked)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(desk.corpus.reader, "open", guarded_open, raising=False)

    real_read = desk.corpus.read_article

    def read_and_vanish(path, folder, ctx):  # type: ignore[no-untyped-def]
        if Path(path).name == "vanishing.txt":
            Path(path).unlink()  # deleted between the scan and the read
        return real_read(path, folder, ctx)

    monkeypatch.setattr(desk.corpus, "read_article", read_and_vanish)

    code = cli.main(["index", str(bad_folder), "--no-extract", "--json", "--data-dir", str(tmp_path / "d")])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}

    code = cli.main(["articles", str(bad_folder), "--json", "--data-dir", str(tmp_path / "d")])
    listing = json.loads(capsys.readouterr()[0])
    indexed = {a["relpath"] for a in listing["articles"]}

    for good in ("good.txt", "front.md", "invalid-utf8.txt", "utf16.txt", "cp1252.txt", "new\nline.txt"):
        assert good in indexed, (good, skipped.get(good))
    assert "empty" in skipped["empty.txt"]
    assert skipped["binary.txt"]
    assert "ermission" in skipped["locked.txt"]
    assert "loop" in skipped.get("again", "") or any("loop" in r for r in skipped.values())
    assert skipped["vanishing.txt"]
    # the 20 MB file is either indexed or skipped with a reason: never lost, never fatal
    assert ("huge.txt" in indexed) != ("huge.txt" in skipped)
    # every file is accounted for exactly once
    every = {p.name for p in bad_folder.iterdir() if p.is_file()} | {"vanishing.txt"}
    assert every <= indexed | set(skipped)

    # the decoded texts are right
    code = cli.main(["search", str(bad_folder), "café", "--json", "--data-dir", str(tmp_path / "d")])
    hits = json.loads(capsys.readouterr()[0])["hits"]
    assert {h["relpath"] for h in hits} >= {"cp1252.txt"}
    code = cli.main(["search", str(bad_folder), "figure:150", "--json", "--data-dir", str(tmp_path / "d")])
    assert [h["relpath"] for h in json.loads(capsys.readouterr()[0])["hits"]] == ["utf16.txt"]
