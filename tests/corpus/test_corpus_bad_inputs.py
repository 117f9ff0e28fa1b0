"""Bad input never crashes ingest: each bad file is refused with a reason, each good one is read."""

from __future__ import annotations

import builtins
import codecs
import os
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.corpus import FolderContext, Unreadable, read_article, scan
from desk.corpus import reader as reader_module
from desk.model import Skipped

BODY = (
    "Flood waters rose by 1.2K millimetres overnight, officials said. About 14,400 people left their homes.\n\n"
    "The mayor said the town needed help. “We are doing what we can,” she said.\n"
)


def read(folder: Path, name: str, **kw: int) -> object:
    return read_article(folder / name, folder, FolderContext.load(folder), **kw)


def refused(folder: Path, name: str, **kw: int) -> str:
    with pytest.raises(Unreadable) as info:
        read(folder, name, **kw)
    return info.value.reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"\n \n\t\n")
    assert refused(tmp_path, "empty.txt") == "empty file"
    assert refused(tmp_path, "blank.md") == "empty file"


def test_binary_files(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (tmp_path / "image.txt").write_bytes(png)
    assert "binary" in refused(tmp_path, "image.txt")
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 9)) * 200)
    assert "binary" in refused(tmp_path, "controls.txt")


def test_stray_nul_bytes_are_removed(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(BODY.encode() + b"\x00" + b"More text follows here.\n")
    a = read(tmp_path, "nul.txt")
    assert "\x00" not in a.text
    assert any("NUL" in n for n in a.notes)


def test_invisible_characters_leave_words_and_outlets_whole(tmp_path: Path) -> None:
    # a saved web page: soft hyphens from &shy;, zero-width spaces beside words and figures, a BOM mid-text
    (tmp_path / "web.md").write_text(
        '---\ntitle: "Port\u200b strike"\noutlet: "Reu\u200bters"\nauthor: "Ana\u00ad Roe"\n---\n'
        "The mayor, Olek\u00adsandr Brisk, said 40,000\u200b troops were massed near the \u200b\u200bport.\n\n"
        "Officials\ufeff said the\u2060 strike hit a grain silo.\n",
        encoding="utf-8",
    )
    (tmp_path / "wide.md").write_text(
        "---\noutlet: \"\uff32\uff45\uff55\uff54\uff45\uff52\uff53\u202e \"\n---\nThe port reopened on Monday.\n",
        encoding="utf-8",
    )
    a = read(tmp_path, "web.md")
    assert "Oleksandr Brisk, said 40,000 troops were massed near the port." in a.text
    assert "Officials said the strike hit a grain silo." in a.text
    assert (a.title, a.outlet, a.author) == ("Port strike", "Reuters", "Ana Roe")
    # full-width letters and a trailing bidi override name the same outlet, not a second "Reuters"
    assert read(tmp_path, "wide.md").outlet == "Reuters"
    # the joiners that shape scripts and emoji stay
    (tmp_path / "emoji.txt").write_text("Families \U0001f468\u200d\U0001f469 fled the port, officials said.\n")
    assert "\u200d" in read(tmp_path, "emoji.txt").text


def test_terminal_escape_sequences_go_whole(tmp_path: Path) -> None:
    # a window-title string (OSC ... BEL), a hyperlink (OSC 8 ... ESC backslash), a colour (CSI) and a reset
    hostile = (
        "Officials \x1b]0;spoofed title 7\x07said 12 boats sank. \x1b[1;31mRed\x1b[0m alert. "
        "\x1b]8;;file:///etc/passwd\x1b\\Click\x1b]8;;\x1b\\ here.\x1bc Done.\n"
    )
    (tmp_path / "esc.txt").write_bytes(BODY.encode() + hostile.encode())
    a = read(tmp_path, "esc.txt")
    assert "Officials said 12 boats sank. Red alert. Click here. Done." in a.text
    for left_over in ("\x1b", "]0;", "spoofed", "[1;31m", "passwd", "]8;"):
        assert left_over not in a.text


def test_unterminated_escape_string_keeps_the_text(tmp_path: Path) -> None:
    # no BEL or ESC backslash ends it: only the ESC and its introducer go, the words stay
    (tmp_path / "open.txt").write_bytes(BODY.encode() + b"Before \x1b]the rest of the line stays.\n")
    a = read(tmp_path, "open.txt")
    assert "Before the rest of the line stays." in a.text


def test_invalid_utf8_keeps_the_good_text(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes(BODY.encode() + b"A bad byte \xff here.\n")
    a = read(tmp_path, "broken.txt")
    assert "“We are doing what we can,” she said." in a.text
    assert "\ufffd" in a.text
    assert any("invalid UTF-8" in n for n in a.notes)


@pytest.mark.parametrize(
    "encoding",
    ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"],
)
def test_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "u.txt").write_bytes(BODY.encode(encoding))
    a = read(tmp_path, "u.txt")
    assert a.text == BODY.strip("\n")
    assert a.title == BODY.split("\n")[0]


def test_utf16_bom_is_detected(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_BE + BODY.encode("utf-16-be")
    (tmp_path / "be.txt").write_bytes(data)
    assert read(tmp_path, "be.txt").text == BODY.strip("\n")


def test_legacy_code_pages(tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(BODY.encode("cp1252"))
    a = read(tmp_path, "win.txt")
    assert a.text == BODY.strip("\n")
    japanese = "東京で大雨が降り、三百人が避難した。政府は被害の調査を始めたと発表した。住民は学校の体育館で夜を過ごした。\n" * 3
    (tmp_path / "sjis.txt").write_bytes(japanese.encode("shift_jis"))
    assert read(tmp_path, "sjis.txt").text == japanese.strip("\n")


def test_crlf_and_cr_newlines(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(BODY.replace("\n", "\r\n").encode())
    (tmp_path / "cr.txt").write_bytes(BODY.replace("\n", "\r").encode())
    assert read(tmp_path, "crlf.txt").text == BODY.strip("\n")
    assert read(tmp_path, "cr.txt").text == BODY.strip("\n")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(BODY.encode() * 100)
    assert "too large" in refused(tmp_path, "big.txt", max_bytes=1000)
    assert read(tmp_path, "big.txt").passages  # under the default limit it reads


def test_large_file_without_breaks_reads(tmp_path: Path) -> None:
    sentence = "The council said 1,200 homes were damaged on the U.S. border, and Mr. Varga disagreed. "
    (tmp_path / "large.txt").write_text(sentence * 20000, encoding="utf-8")  # 1.7 MB, one line
    start = time.perf_counter()
    a = read(tmp_path, "large.txt")
    assert time.perf_counter() - start < 30
    assert len(a.passages) > 1000
    assert all(a.passage_text(p).endswith("disagreed.") for p in a.passages)


def test_pdf_problems(tmp_path: Path) -> None:
    (tmp_path / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    assert "not a PDF" in refused(tmp_path, "fake.pdf")
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    assert "PDF" in refused(tmp_path, "cut.pdf")

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    with open(tmp_path / "blank.pdf", "wb") as fh:
        w.write(fh)
    assert "text layer" in refused(tmp_path, "blank.pdf")
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(tmp_path / "locked.pdf", "wb") as fh:
        w.write(fh)
    assert "encrypted" in refused(tmp_path, "locked.pdf")


def test_broken_html_reads_or_refuses_cleanly(tmp_path: Path) -> None:
    (tmp_path / "tags.html").write_text("<html><body><p>Only <b>one</b> short paragraph about 12 boats.</p>" + "<div>" * 5000)
    a = read(tmp_path, "tags.html")
    assert "12 boats" in a.text
    assert "<" not in a.text
    (tmp_path / "nothing.htm").write_text("<html><head><title></title></head><body><script>x()</script></body></html>")
    assert refused(tmp_path, "nothing.htm")


def test_doctype_internal_subset_is_no_text(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n'
        "<html><body><p>Officials said 12 boats sank off the coast on Sunday.</p>"
        "<p>The harbour master said the port was closed.</p></body></html>\n"
    )
    (tmp_path / "subset.html").write_text(page, encoding="utf-8")
    a = read(tmp_path, "subset.html")
    assert a.title == "Officials said 12 boats sank off the coast on Sunday."
    for left_over in ("]>", "ENTITY", "lol"):
        assert left_over not in a.text
    # unclosed subsets: nothing is cut, the text is kept
    (tmp_path / "unclosed.html").write_text("<!DOCTYPE x [ " * 2000 + "<p>" + BODY + "</p>", encoding="utf-8")
    b = read(tmp_path, "unclosed.html")
    assert "About 14,400 people left their homes." in b.text


def test_yaml_bomb_and_invalid_front_matter(tmp_path: Path) -> None:
    bomb = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        prev = chr(ord("a") + (i - 1) % 26) * ((i - 1) // 26 + 1)
        name = chr(ord("a") + i % 26) * (i // 26 + 1)
        bomb.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    bomb += ["title: *z", "---", "", BODY]
    (tmp_path / "bomb.md").write_text("\n".join(bomb), encoding="utf-8")
    start = time.perf_counter()
    a = read(tmp_path, "bomb.md")
    assert time.perf_counter() - start < 5
    assert any("front matter ignored" in n for n in a.notes)
    assert a.text.startswith("Flood waters rose")

    (tmp_path / "bad.md").write_text('---\ntitle: "unclosed\nsite: [x\n---\n' + BODY, encoding="utf-8")
    b = read(tmp_path, "bad.md")
    assert any("invalid YAML" in n for n in b.notes)
    assert b.text.startswith("Flood waters rose")

    (tmp_path / "open.md").write_text("---\n" + BODY, encoding="utf-8")
    c = read(tmp_path, "open.md")
    assert any("not closed" in n for n in c.notes)


def test_container_title_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("---\ntitle: {a: 1}\nsite: [1, 2]\n---\n" + BODY, encoding="utf-8")
    a = read(tmp_path, "list.md")
    assert a.title.startswith("Flood waters rose")


def test_file_deleted_before_reading(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").write_text(BODY, encoding="utf-8")
    found = [p for p in scan(tmp_path) if isinstance(p, Path)]
    (tmp_path / "gone.txt").unlink()
    with pytest.raises(Unreadable, match="cannot read"):
        read_article(found[0], tmp_path, FolderContext.load(tmp_path))


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod 000 does not stop reading: the refusal is simulated."""
    (tmp_path / "secret.txt").write_text(BODY, encoding="utf-8")

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(reader_module, "open", deny, raising=False)
    assert refused(tmp_path, "secret.txt") == "cannot read the file (Permission denied)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_real(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(BODY, encoding="utf-8")
    p.chmod(0)
    try:
        assert "Permission denied" in refused(tmp_path, "secret.txt")
    finally:
        p.chmod(0o644)


def test_odd_file_names(tmp_path: Path) -> None:
    (tmp_path / "line\nbreak.txt").write_text(BODY, encoding="utf-8")
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9-\xff.txt")
    with open(raw, "wb") as fh:
        fh.write(BODY.encode())
    found = [p for p in scan(tmp_path) if isinstance(p, Path)]
    assert len(found) == 2
    ctx = FolderContext.load(tmp_path)
    arts = [read_article(p, tmp_path, ctx) for p in found]
    rels = {a.relpath for a in arts}
    assert "line\nbreak.txt" in rels
    assert os.fsdecode(b"caf\xe9-\xff.txt") in rels
    assert len({a.id for a in arts}) == 2
    assert all(a.passages for a in arts)


def test_symlinks_loops_and_special_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to(tmp_path)  # a loop back to the root
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a" / "story.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(scan(tmp_path))
    files = [p.relative_to(tmp_path).as_posix() for p in items if isinstance(p, Path)]
    skipped = {Path(s.path).name: s.reason for s in items if isinstance(s, Skipped)}
    assert files == ["a/story.txt", "alias.txt"]
    assert "loop" in skipped["up"]
    assert "loop" in skipped["self.txt"]
    assert "broken symbolic link" in skipped["dangling.md"]
    assert skipped["pipe.txt"] == "not a regular file"


def test_unlistable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(scan(tmp_path))
    assert [p.name for p in items if isinstance(p, Path)] == ["ok.txt"]
    assert [s.reason for s in items if isinstance(s, Skipped)] == ["cannot list the folder (permission denied)"]


def test_scan_order_hidden_exclude_and_suffixes(tmp_path: Path) -> None:
    for rel in ["b.TXT", "a.md", "c/d.html", "c/e.htm", "f.pdf", "g.markdown", "h.doc", "i.csv", ".hidden.txt",
                ".git/x.txt", "data/index/seg.txt", "desk.json"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    got = [p.relative_to(tmp_path).as_posix() for p in scan(tmp_path, exclude=[tmp_path / "data"]) if isinstance(p, Path)]
    assert got == ["a.md", "b.TXT", "c/d.html", "c/e.htm", "f.pdf", "g.markdown"]
    assert [s.reason for s in scan(tmp_path / "missing") if isinstance(s, Skipped)][0].startswith("cannot open")


def test_bad_manifests_are_problems_not_errors(tmp_path: Path) -> None:
    (tmp_path / "desk.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "desk.csv").write_text("name;outlet\nx.txt;Y\n", encoding="utf-8")
    ctx = FolderContext.load(tmp_path)
    reasons = sorted(p.reason for p in ctx.problems)
    assert reasons[0].startswith("manifest ignored: invalid JSON")
    (tmp_path / "desk.json").unlink()
    (tmp_path / "desk.csv").write_text("file,outlet,date\nsub/x.txt,The Y Times,2026-01-02\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(BODY, encoding="utf-8")
    ctx = FolderContext.load(tmp_path)
    assert ctx.problems == []
    a = read_article(tmp_path / "sub" / "x.txt", tmp_path, ctx)
    assert (a.outlet, str(a.date), a.provenance["outlet"]) == ("The Y Times", "2026-01-02", "manifest")


def test_results_pickle(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    a = read(tmp_path, "x.txt")
    assert pickle.loads(pickle.dumps(a)) == a
    e = pickle.loads(pickle.dumps(Unreadable("binary file")))
    assert isinstance(e, Unreadable)
    assert e.reason == "binary file"
    ctx = FolderContext.load(tmp_path)
    assert pickle.loads(pickle.dumps(ctx)) == ctx


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="-:\n #<>/&*!|\"'[]{}abcTitle%PDF\x00\u2019\u00e2\u20ac", max_size=300).map(str.encode),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html", ".pdf"]),
)
def test_any_bytes_read_or_refuse_cleanly(tmp_path: Path, data: bytes, suffix: str) -> None:
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(data)
    try:
        a = read_article(p, tmp_path, FolderContext.load(tmp_path))
    except Unreadable as exc:
        reason = exc.reason
        a = None
    if a is None:
        assert reason
        return
    last = 0
    for q in a.passages:
        assert last <= q.start < q.end <= len(a.text)
        last = q.end
    assert a.outlet
    assert a.title
