"""What desk prints and writes cannot act: terminal escapes, spreadsheet formulas,
live Markdown, invalid JSON, and exports that replace what they should not (issue 16, items 2-5 and 16).

The hostile folder is written here, in tmp_path; every sentence is our own.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from desk import cli
from desk.errors import ExportError
from desk.export import csv_cell, markdown_table, write_text_atomic
from desk.library import Library
from desk.textsafe import json_safe, visible

from .conftest import ROOT, child_env

#: what a terminal would act on: ESC (CSI, OSC), BEL, C1 CSI/OSC, DEL, a bidi override
ACTIVE = ("\x1b", "\x07", "\x9b", "\x9d", "\x7f", "\u202e", "\x08", "\r")

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
OSC8 = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
CLEAR = "\x1b[2J\x1b[H"


def _front(title: str, site: str) -> str:
    # YAML double-quoted strings: \e is ESC, \a is BEL, \x9b is the C1 CSI, \u202e a bidi override
    return f'---\ntitle: "{title}"\nsite: "{site}"\n---\n\n'


def _hostile_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    body = (
        "Harbour master Peter Olsen said 420 boats were stranded in the bay on Monday.\n\n"
        "The coastguard, Maria Lind, told reporters that 35 crew were rescued overnight.\n"
    )
    (folder / "a.md").write_text(
        _front(r"Storm \e]52;c;aGVsbG8=\a warning \e[2J\e[H", r"Coast \x9b31m Post \u202eevil") + body
    )
    (folder / "=cmd|' 'calc'!A1.md").write_text(
        _front("Storm at sea", "=HYPERLINK(\\\"http://evil.example\\\") <iframe src=http://evil.example></iframe>")
        + body.replace("420", "430")
    )
    # a file name that carries escapes itself
    (folder / "esc\x1b]0;pwned\x07name.md").write_text(_front("Storm again", "Harbour Daily") + body)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile-out")
    folder, data = base / "articles", base / "data"
    _hostile_folder(folder)
    assert cli.main(["index", str(folder), "--data-dir", str(data), "--json"]) == 0
    return folder, data


@contextlib.contextmanager
def _aliases_restored(folder: Path, data: Path) -> Iterator[None]:
    """The folder's alias file as it was before the block."""
    with Library(folder, data_dir=data) as lib:
        path = lib.aliases_path
    before = path.read_bytes() if path.exists() else None
    try:
        yield
    finally:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)


def _run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_inert(text: str) -> None:
    for ch in ACTIVE:
        assert ch not in text, f"{ch!r} reached the terminal: {text[:400]!r}"


# ---------------------------------------------------------------- item 2: terminal escapes


def test_visible_escapes_every_control_character() -> None:
    hostile = OSC52 + OSC8 + CLEAR + "\x9b2J\x9d0;t\x9c\x7f\x00\u202eabc\u2066x\u2069\u200f\u2028\udcff"
    shown = visible(hostile)
    _assert_inert(shown)
    assert all(ch.isprintable() for ch in shown)
    assert "\\x1b]52;c;aGVsbG8=\\x07" in shown  # visible, not dropped: the reader sees what was there
    assert "\\u202e" in shown
    assert "\\x9b" in shown
    assert "\\x7f" in shown
    assert "\\xff" in shown  # a byte that was not UTF-8 shows as its value
    assert visible("Plain text, «quoted», 42 000 — ok") == "Plain text, «quoted», 42 000 — ok"
    assert visible("two\nlines\tand tab") == "two\\x0alines\\x09and tab"
    assert visible("two\nlines\tand tab\x1b", newlines=True) == "two\nlines\tand tab\\x1b"


@pytest.mark.parametrize("command", [
    ["articles"],
    ["search", "{folder}", "boats"],
    ["claims", "{folder}"],
    ["compare", "{folder}", "boats"],
    ["index"],
])
def test_human_output_shows_no_control_character(
    hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    folder, data = hostile
    args = [a.format(folder=folder) for a in command]
    if len(args) == 1:
        args.append(str(folder))
    code, out, err = _run(capsys, *args, "--data-dir", data)
    assert code == 0, err
    _assert_inert(out + err)
    if command[0] != "index":
        assert "\\x1b" in out  # the escapes are shown, visibly


def test_extract_and_errors_show_no_control_character(
    hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder, _ = hostile
    code, out, err = _run(capsys, "extract", "--text", folder / "a.md")
    assert code == 0, err
    _assert_inert(out + err)
    assert "\\x1b]52" in out
    missing = tmp_path / f"gone{OSC52}{CLEAR}.md"
    code, out, err = _run(capsys, "extract", missing)
    assert code == 2
    _assert_inert(out + err)
    assert err.startswith("desk: ")
    assert "\\x1b]52" in err


def test_terminal_marks_are_desks_own() -> None:
    text = f"before {CLEAR}420 boats{OSC52} after"
    s = text.index("420")
    out = cli.mark(text, [(s, s + 9)], tty=True)
    assert out.count("\x1b") == 2  # desk's bold on and off, nothing from the text
    assert "\x1b[1m420 boats\x1b[0m" in out


def test_json_keeps_the_exact_text(hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = hostile
    code, out, _ = _run(capsys, "articles", folder, "--data-dir", data, "--json")
    assert code == 0
    titles = {a["title"] for a in json.loads(out)["articles"]}
    assert "Storm \x1b]52;c;aGVsbG8=\x07 warning \x1b[2J\x1b[H" in titles


# ---------------------------------------------------------------- item 3: CSV formulas


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_neutralises_formula_starts(start: str) -> None:
    assert csv_cell(start + "HYPERLINK(1)") == "'" + start + "HYPERLINK(1)"
    assert csv_cell("a" + start) == "a" + start
    assert csv_cell(-5.0) == -5.0  # a number stays a number
    assert csv_cell(None) == ""


def test_claims_csv_has_no_formula(hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = hostile
    with _aliases_restored(folder, data):
        for alias in (["Harbour master Peter Olsen", "=cmd|' /C calc'!A0"], ["Maria Lind", "@SUM(1+1)*cmd"]):
            assert cli.main(["aliases", str(folder), "--data-dir", str(data), "--rename", *alias]) == 0
        code, out, err = _run(capsys, "claims", folder, "--data-dir", data, "--csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    cells = [c for r in rows for c in r]
    assert len(rows) > 2
    _assert_inert(out.replace("\r\n", "\n"))
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells
    assert "'@SUM(1+1)*cmd" in cells
    assert any(c.startswith("'=HYPERLINK(") for c in cells)  # the outlet
    assert any(c.startswith("'=cmd|") and c.endswith(".md") for c in cells)  # the file name


# ---------------------------------------------------------------- item 4: claims Markdown


def _tokens(tokens: list[Any]) -> list[Any]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(_tokens(t.children or []))
    return out


MARKUP_CELLS = [
    '<img src="x" onerror="alert(1)">', "<script>alert(2)</script>", '<iframe src="http://evil.example/f"></iframe>',
    "[click](javascript:alert(3))", "![remote](http://evil.example/r.png)", "<http://evil.example/auto>",
    "a | b | c", "`code`", "line\nbreak", "# heading", "&lt;b&gt;",
]


def test_markdown_table_of_hostile_cells_is_inert() -> None:
    cols = ("claimant", "outlet", "path")
    rows = [{"claimant": m, "outlet": m, "path": f"dir/{m}.md"} for m in MARKUP_CELLS]
    doc = "\n".join(markdown_table(cols, rows, exact=("path",))) + "\n"
    tokens = _tokens(MarkdownIt("commonmark").enable("table").parse(doc))
    kinds = [t.type for t in tokens]
    for bad in ("html_inline", "html_block", "link_open", "image", "code_inline", "heading_open"):
        assert bad not in kinds, bad
    assert kinds.count("tr_open") == len(rows) + 1
    assert kinds.count("td_open") == len(rows) * len(cols)  # no cell split by a pipe
    html = MarkdownIt("commonmark").enable("table").render(doc)
    assert "<img" not in html
    assert "<script" not in html
    assert "<iframe" not in html
    assert 'href="' not in html


def test_claims_markdown_is_inert(hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = hostile
    bad = '<img src="http://evil.example/p.png" onerror="alert(1)"> [x](javascript:alert(1))'
    with _aliases_restored(folder, data):
        assert cli.main(["aliases", str(folder), "--data-dir", str(data), "--rename", "Harbour master Peter Olsen", bad]) == 0
        code, out, err = _run(capsys, "claims", folder, "--data-dir", data, "--markdown")
    assert code == 0, err
    md = MarkdownIt("commonmark").enable("table")
    kinds = [t.type for t in _tokens(md.parse(out))]
    for kind in ("html_inline", "html_block", "link_open", "image"):
        assert kind not in kinds, kind
    assert kinds.count("table_open") == 1
    html = md.render(out)
    assert "<iframe" not in html
    assert "<img" not in html
    assert "javascript:" not in html.replace("javascript:alert", "")
    assert "&lt;iframe" in html  # the outlet is shown as text


# ---------------------------------------------------------------- item 5: JSON whatever the file names


def test_json_safe_is_lossless_and_valid() -> None:
    name = os.fsdecode(b"/x/bad-\xff-\xfe.txt")
    data = json_safe({"path": name, "nested": [{"relpath": name}], "ok": "caf\u00e9"})
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")  # no lone surrogate left: encodes strictly
    assert data["path"] == "/x/bad-\\xff-\\xfe.txt"
    assert bytes.fromhex(data["path_bytes"]) == b"/x/bad-\xff-\xfe.txt"
    assert bytes.fromhex(data["nested"][0]["relpath_bytes"]) == b"/x/bad-\xff-\xfe.txt"
    assert "ok_bytes" not in data


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_json_output_is_utf8_with_a_non_utf8_file_name(tmp_path: Path, locale: str) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/bad-\xff-bytes.txt"
    try:
        with open(raw, "w") as fh:
            fh.write("Harbour master Peter Olsen said 420 boats were stranded in the bay on Monday.\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    env = child_env(tmp_path / "data", LC_ALL=locale, LANG=locale, PYTHONIOENCODING="", PYTHONUTF8="0")
    for args in (["search", str(folder), "boats", "--json"], ["articles", str(folder), "--json"]):
        r = subprocess.run([sys.executable, "-m", "desk", *args], env=env, cwd=ROOT, capture_output=True,
                           timeout=300, check=False)
        assert r.returncode == 0, r.stderr
        data = json.loads(r.stdout.decode("utf-8"))  # strict: a raw 0xff byte fails here
        text = json.dumps(data)
        assert "bad-\\\\xff-bytes.txt" in text  # shown as a visible escape
        exact = [bytes.fromhex(v) for v in _values(data, "_bytes")]
        assert raw in exact or b"bad-\xff-bytes.txt" in exact


def _values(obj: Any, suffix: str) -> list[str]:
    found: list[str] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k.endswith(suffix) and isinstance(v, str):
                found.append(v)
            found += _values(v, suffix)
    elif isinstance(obj, list):
        for v in obj:
            found += _values(v, suffix)
    return found


# ---------------------------------------------------------------- item 16: exports keep the target safe


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")
    target.chmod(0o664)
    write_text_atomic(target, "new\n", force=True)
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    target.chmod(0o640)
    write_text_atomic(target, "newer\n", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_export_follows_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        write_text_atomic(tmp_path / "new.md", "text\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o666 & ~mask


def test_force_refuses_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("kept\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(ExportError, match="symbolic link"):
        write_text_atomic(link, "new\n", force=True)
    assert link.is_symlink()
    assert real.read_text() == "kept\n"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(ExportError, match="symbolic link"):
        write_text_atomic(dangling, "new\n", force=True)
    assert not (tmp_path / "nowhere.md").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".desk-export-")] == []


def test_force_never_replaces_a_fifo_or_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="FIFO"):
        write_text_atomic(fifo, "new\n", force=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(ExportError, match="device"):
        write_text_atomic(Path("/dev/null"), "new\n", force=True)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_cli_force_refuses_a_link(tmp_path: Path, hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = hostile
    real = tmp_path / "real.md"
    real.write_text("kept\n")
    (tmp_path / "link.md").symlink_to(real)
    code, _, err = _run(capsys, "compare", folder, "boats", "--data-dir", data, "--markdown",
                        tmp_path / "link.md", "--force")
    assert code == 2
    assert "symbolic link" in err
    assert real.read_text() == "kept\n"
    assert (tmp_path / "link.md").is_symlink()
    out = tmp_path / "out.md"
    out.write_text("old\n")
    out.chmod(0o664)
    code, _, err = _run(capsys, "compare", folder, "boats", "--data-dir", data, "--markdown", out, "--force")
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert out.read_text().startswith("# Comparison")


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="No space left"):
        write_text_atomic(target, "new " * 100_000, force=True)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]
