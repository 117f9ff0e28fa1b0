"""Issue 16, items 6-15 and 17: no bad file, link, index or data directory costs the rest.

Every hostile input is built here in ``tmp_path``; the sentences are our own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk.errors import QueryError
from desk.library import Library

BODY = (
    "The harbour authority said 412 ships waited outside the port on Monday.\n\n"
    "Pilots at the northern gate counted 37 tugs idle because of the fog."
)


def _article(title: str, outlet: str, body: str = BODY) -> str:
    return f'---\ntitle: "{title}"\noutlet: "{outlet}"\ndate: 2024-03-05\n---\n{body}\n'


def _index(folder: Path, data: Path) -> tuple[Library, list[tuple[str, str]]]:
    lib = Library(folder, data_dir=data)
    report = lib.update(extract=False)
    return lib, [(s.path, s.reason) for s in report.skipped]


def _titles(lib: Library) -> set[str]:
    return {a.title for a in lib.articles()}


# -- 6. symbolic links out of the folder -------------------------------------


def test_links_out_of_the_folder_are_reported_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.txt").write_text("private key material zebracorn", encoding="utf-8")
    (outside / "sub" / "more.txt").write_text("another private note zebracorn", encoding="utf-8")
    art = tmp_path / "art"
    (art / "real").mkdir(parents=True)
    (art / "real" / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    os.symlink(outside / "secret.txt", art / "innocent.txt")
    os.symlink(outside / "sub", art / "linked-folder")
    os.symlink(art / "real" / "a.md", art / "inside-link.md")  # inside: fine
    os.symlink(art / "real", art / "inside-folder")  # inside: fine (same folder, read once)

    lib, skipped = _index(art, tmp_path / "data")
    with lib:
        reasons = dict(skipped)
        assert "outside the article folder" in reasons[str(art / "innocent.txt")]
        assert "outside the article folder" in reasons[str(art / "linked-folder")]
        # the Problems panel and `desk articles` read the stored list
        stored = {s.path: s.reason for s in lib.skipped()}
        assert "outside the article folder" in stored[str(art / "innocent.txt")]
        assert "outside the article folder" in stored[str(art / "linked-folder")]
        assert lib.search("zebracorn").total == 0
        rels = {a.relpath for a in lib.articles()}
        # the folder and the link to it are one folder, read once under either name
        assert "inside-link.md" in rels
        assert len(rels & {"real/a.md", "inside-folder/a.md"}) == 1
        assert not any("secret" in r or "more" in r for r in rels)


def test_reader_refuses_a_file_swapped_for_an_outside_link(tmp_path: Path) -> None:
    from desk import corpus

    outside = tmp_path / "secret.txt"
    outside.write_text("private words", encoding="utf-8")
    art = tmp_path / "art"
    art.mkdir()
    os.symlink(outside, art / "late.txt")
    with pytest.raises(corpus.Unreadable, match="outside the article folder"):
        corpus.read_article(art / "late.txt", art, corpus.FolderContext.load(art))


# -- 8. lone surrogates --------------------------------------------------------


def test_lone_surrogate_in_front_matter_and_manifest(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    # YAML and JSON both turn the escape \ud800 into a lone surrogate
    (art / "bad.md").write_text(
        '---\ntitle: "Broken \\ud800 headline"\noutlet: "Tide Post"\n---\n' + BODY + "\n", encoding="utf-8"
    )
    (art / "good.md").write_text(_article("Fog at the gate", "Quay News"), encoding="utf-8")
    (art / "other.md").write_text("Ferry crews reported 12 delays on the river route today.\n", encoding="utf-8")
    (art / "desk.json").write_text('{"other.md": {"outlet": "River \\udc80 Daily", "title": "x\\ud83d"}}',
                                   encoding="utf-8")
    lib, skipped = _index(art, tmp_path / "data")
    with lib:
        titles = _titles(lib)
        assert "Broken \ufffd headline" in titles
        assert "Fog at the gate" in titles
        assert "x\ufffd" in titles
        assert "River \ufffd Daily" in lib.outlets()
        assert lib.search("ferry").total == 1
        # a second run (the manifest rows are remembered) works as well
        assert lib.update(extract=False).unchanged == 3


# -- 10. deep nesting ------------------------------------------------------------


def test_a_thousand_nested_folders(tmp_path: Path) -> None:
    from desk.corpus.scan import MAX_DEPTH

    art = tmp_path / "art"
    art.mkdir()
    (art / "top.md").write_text(_article("Top level", "Tide Post"), encoding="utf-8")
    d = str(art)
    for _ in range(1000):  # one level at a time: os.makedirs and pathlib recurse per level
        d = os.path.join(d, "d")
        os.mkdir(d)
    Path(d, "deep.md").write_text(_article("Very deep", "Tide Post"), encoding="utf-8")
    shallow = art / "/".join(["d"] * 5)
    (shallow / "five.md").write_text(_article("Five down", "Tide Post"), encoding="utf-8")
    try:
        lib, skipped = _index(art, tmp_path / "data")
        with lib:
            assert _titles(lib) == {"Top level", "Five down"}
            deep = [r for _p, r in skipped if "levels deep" in r]
            assert deep == [f"folder nested more than {MAX_DEPTH} levels deep (not read)"]
            assert [s.reason for s in lib.skipped() if "levels deep" in s.reason] == deep
    finally:
        # pytest's clean-up of old temporary folders recurses per level too: remove the tree here
        os.unlink(os.path.join(d, "deep.md"))
        os.unlink(shallow / "five.md")
        while d != str(art):
            os.rmdir(d)
            d = os.path.dirname(d)


# -- also seen: control characters, invalid dates --------------------------------


def test_a_few_control_characters_do_not_make_a_file_binary(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    text = "Line one of the note\x0b about tugs.\x1b[0m\nThe count was 37\x07 tugs\x01 in fog.\x02\n"
    (art / "ctl.txt").write_bytes(text.encode("utf-8"))
    (art / "junk.txt").write_bytes(bytes(range(1, 32)) * 40)
    lib, skipped = _index(art, tmp_path / "data")
    with lib:
        found = lib.search("tugs")
        # the note is indexed (the ESC sequence gone whole, so its two lines end in full stops and
        # are two passages), the junk file is not
        assert {h.relpath for h in found.hits} == {"ctl.txt"}
        assert found.total == 2
        assert not any("[0m" in h.text for h in found.hits)
        assert [os.path.basename(p) for p, _r in skipped] == ["junk.txt"]


def test_an_invalid_date_keeps_the_rest_of_the_front_matter(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text("---\ntitle: Leap day queue\noutlet: Tide Post\ndate: 2023-02-29\n---\n" + BODY,
                              encoding="utf-8")
    lib, _ = _index(art, tmp_path / "data")
    with lib:
        (a,) = lib.articles()
        assert (a.title, a.outlet, a.date) == ("Leap day queue", "Tide Post", None)
        assert any("date" in n and "2023-02-29" in n for n in lib.article(a.id).notes)


# -- 14. deep queries, and "*" ------------------------------------------------------


def test_deeply_nested_query_is_one_short_sentence(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    lib, _ = _index(art, tmp_path / "data")
    with lib:
        for q in ["(" * 5000 + "ships" + ")" * 5000, "(" * 40 + "ships" + ")" * 40]:
            with pytest.raises(QueryError) as err:
                lib.search(q)
            assert len(str(err.value)) < 120
            assert "\n" not in str(err.value)
        assert lib.search("(" * 10 + "ships" + ")" * 10).total == 1


def test_star_alone_lists_every_passage(tmp_path: Path) -> None:
    from whoosh import query as wq

    from desk.index.whoosh.query import QueryBuilder
    from desk.index.whoosh.schema import make_schema

    assert isinstance(QueryBuilder(make_schema()).parse("*"), wq.Every)
    assert QueryBuilder(make_schema()).parse("*").fieldname is None  # not the per-word walk of a field
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    (art / "b.md").write_text(_article("Fog", "Quay News", "Only one short paragraph of 3 words here."),
                              encoding="utf-8")
    lib, _ = _index(art, tmp_path / "data")
    with lib:
        n = sum(lib.passage_counts().values())
        assert lib.search("*").total == n


# -- 11. a file that turns binary or empty --------------------------------------------


@pytest.mark.parametrize("new_content", [b"", b"\x00\x01\x02\x03" * 500], ids=["empty", "binary"])
def test_a_file_that_turns_unreadable_leaves_the_index(tmp_path: Path, new_content: bytes) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    (art / "b.md").write_text(_article("Gate", "Quay News", "Dredgers moved 9 barges of silt at dawn."),
                              encoding="utf-8")
    lib, _ = _index(art, tmp_path / "data")
    with lib:
        assert lib.search("tugs").total == 1
        (art / "a.md").write_bytes(new_content)
        report = lib.update(extract=False)
        assert [os.path.basename(s.path) for s in report.skipped] == ["a.md"]
        assert lib.search("tugs").total == 0
        assert _titles(lib) == {"Gate"}
        assert lib.search("dredgers").total == 1


# -- 12. the store lost ------------------------------------------------------------------


def _live_docs(lib: Library) -> int:
    with lib.backend.ix.reader() as r:
        return int(r.doc_count())


@pytest.mark.parametrize("lose", ["store", "wal"])
def test_index_and_store_agree_after_the_store_is_lost(tmp_path: Path, lose: str) -> None:
    art = tmp_path / "art"
    art.mkdir()
    for i in range(3):
        (art / f"a{i}.md").write_text(_article(f"Harbour {i}", "Tide Post"), encoding="utf-8")
    data = tmp_path / "data"
    lib, _ = _index(art, data)
    passages = sum(lib.passage_counts().values())
    store = lib.library_dir / "library.sqlite"
    if lose == "wal":
        # a change whose store rows live only in the WAL when the WAL is lost
        (art / "a3.md").write_text(_article("Harbour 3", "Tide Post"), encoding="utf-8")
        lib.update(extract=False)
        assert Path(str(store) + "-wal").exists()
        # copy the files as they are, without a checkpoint, and drop the WAL
        saved = store.read_bytes()
        lib.close()
        store.write_bytes(saved)
        for suffix in ("-wal", "-shm"):
            Path(str(store) + suffix).unlink(missing_ok=True)
        passages = passages * 4 // 3
    else:
        lib.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(store) + suffix).unlink(missing_ok=True)
    with Library(art, data_dir=data) as again:
        again.update(extract=False)
        assert sum(again.passage_counts().values()) == passages
        assert _live_docs(again) == passages
        assert again.search("tugs").total == (4 if lose == "wal" else 3)
        again.update(extract=False)
        assert _live_docs(again) == passages


# -- 15. concurrent alias edits ------------------------------------------------------------


def _merge_many(path: str, who: int, start: object) -> None:
    from desk.extract.aliases import AliasBook

    start.wait()  # type: ignore[attr-defined]
    for i in range(10):
        with AliasBook.editing(Path(path)) as book:
            book.merge(f"Speaker {who} {i}", f"Spokesperson {who}")


def test_four_processes_merging_at_once_keep_every_entry(tmp_path: Path) -> None:
    import multiprocessing

    from desk.extract.aliases import AliasBook

    path = tmp_path / "lib" / "aliases.json"
    path.parent.mkdir()
    stale = path.parent / ".aliases-killedrun.json"
    stale.write_text('{"half": ', encoding="utf-8")  # what a killed save leaves
    ctx = multiprocessing.get_context("fork")
    start = ctx.Event()
    procs = [ctx.Process(target=_merge_many, args=(str(path), who, start)) for who in range(4)]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    book = AliasBook.load(path)
    assert len(book) == 40
    assert book.canonical("Speaker 3 9") == "Spokesperson 3"
    assert not list(path.parent.glob(".aliases-*.json"))


def test_cli_alias_edits_from_four_processes(tmp_path: Path) -> None:
    import subprocess

    from .conftest import child_env, desk_cmd

    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    data = tmp_path / "data"
    Library(art, data_dir=data).close()
    env = child_env(data)
    procs = [
        subprocess.Popen(desk_cmd("aliases", art, "--merge", f"Official {i}", "Harbour Office"), env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for i in range(4)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Library(art, data_dir=data) as lib:
        from desk.extract.aliases import AliasBook

        assert len(AliasBook.load(lib.aliases_path)) == 4


# -- 7. a hostile data directory runs no code -------------------------------------------


class _Trap:
    """Unpickling this runs a shell command (what a forged index would carry)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def clean(self) -> None:  # Whoosh cleans every field before pickling the schema
        pass

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch '{self.marker}'",))


def _forge_index(index_dir: Path, marker: Path) -> None:
    """A Whoosh table of contents whose schema pickle runs a command, written without desk's signature."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    from desk.index.whoosh import engine
    from desk.index.whoosh.schema import make_schema

    index_dir.mkdir(parents=True, exist_ok=True)
    schema = make_schema()
    schema._fields["trap"] = _Trap(marker)  # type: ignore[assignment]
    engine._original_write(TOC(schema, [], 1), FileStorage(str(index_dir)), "MAIN")


@pytest.mark.parametrize("how", ["new library", "over a real index"])
def test_a_forged_index_never_runs_code(tmp_path: Path, how: str) -> None:
    from desk import paths
    from desk.index.whoosh import engine

    from .conftest import run_desk

    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    data = tmp_path / "data"
    marker = tmp_path / "code-ran"
    lib_dir = paths.library_dir(art.resolve(), data)
    if how == "new library":
        lib_dir.mkdir(parents=True)
        engine.write_marker(lib_dir, art.resolve())
    else:
        _index(art, data)[0].close()
        for toc in (lib_dir / "index").glob("_MAIN_*.toc"):
            toc.unlink()  # the forged table of contents replaces the real one
    _forge_index(lib_dir / "index", marker)
    # the forgery works when nothing checks it
    from whoosh.index import TOC

    from desk.index.whoosh.schema import make_schema

    probe = tmp_path / "probe"
    _forge_index(probe, tmp_path / "probe-ran")
    from whoosh.filedb.filestore import FileStorage

    with pytest.raises(engine.UntrustedIndex):
        TOC.read(FileStorage(str(probe)), "MAIN")
    engine._original_read(TOC, FileStorage(str(probe)), "MAIN", 1, None)
    assert (tmp_path / "probe-ran").exists()
    assert make_schema()

    run = run_desk(["search", art, "tugs"], data_dir=data, env={"DESK_KEY_FILE": str(tmp_path / "key")})
    assert not marker.exists()
    assert run.returncode == 0, run.stderr
    assert "Pilots" in run.stdout
    said = "carries no signature" if how == "new library" else "damaged, or was not written by desk for this user"
    assert said in run.stderr


def test_signed_index_opens_and_the_key_stays_outside_the_data_dir(tmp_path: Path) -> None:
    from desk import paths

    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    data = tmp_path / "data"
    lib, _ = _index(art, data)
    lib.close()
    key = paths.key_file()
    assert key.exists()
    assert not paths.is_inside(key, data)
    assert key.stat().st_mode & 0o077 == 0
    with Library(art, data_dir=data) as again:
        assert again.notices == []
        assert again.search("tugs").total == 1


# -- 13. a damaged index -----------------------------------------------------------------------


@pytest.mark.parametrize("harm", ["truncated toc", "missing segment"])
def test_a_damaged_index_is_named_and_rebuilt_with_the_aliases_kept(tmp_path: Path, harm: str) -> None:
    from desk.extract.aliases import AliasBook

    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    (art / "b.md").write_text(_article("Gate", "Quay News", "Dredgers moved 9 barges of silt at dawn."),
                              encoding="utf-8")
    data = tmp_path / "data"
    lib, _ = _index(art, data)
    with AliasBook.editing(lib.aliases_path) as book:
        book.merge("Harbour spokesman", "Harbour Authority")
    index_dir = lib.index_dir
    lib.close()
    if harm == "truncated toc":
        toc = max(index_dir.glob("_MAIN_*.toc"))
        toc.write_bytes(toc.read_bytes()[:20])
        expected = "damaged"
    else:
        seg = next(p for p in index_dir.iterdir() if p.name.startswith("MAIN_") and p.suffix == ".seg")
        seg.unlink()
        expected = "a file of it is missing"
    with Library(art, data_dir=data) as again:
        assert any(expected in n for n in again.notices)
        report = again.update(extract=False)
        assert any(expected in p for p in report.problems)
        assert again.search("tugs").total == 1
        assert again.search("dredgers").total == 1
        assert AliasBook.load(again.aliases_path).canonical("Harbour spokesman") == "Harbour Authority"
    with Library(art, data_dir=data) as third:
        assert third.notices == []


# -- 9. a PDF that costs minutes -----------------------------------------------------------


def _cpu_bomb_pdf(pages: int = 300, ops: int = 3000, word: bytes = b"gravel") -> bytes:
    """Many pages sharing one long content stream: small on disk, tens of CPU-seconds to read."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    w = PdfWriter()
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    font_ref = w._add_object(font)
    content = DecodedStreamObject()
    shows = b" ".join(b"1 0 0 1 %d %d Tm (%s ) Tj" % (i % 500, i % 700, word) for i in range(ops))
    content.set_data(b"BT /F1 9 Tf " + shows + b" ET")
    shared = w._add_object(content.flate_encode())
    for _ in range(pages):
        page = w.add_blank_page(width=600, height=800)
        page[NameObject("/Contents")] = shared
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_a_pdf_cpu_bomb_costs_only_its_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from desk.corpus import pdf

    monkeypatch.setattr(pdf, "PDF_SECONDS", 2.0)
    art = tmp_path / "art"
    art.mkdir()
    data = _cpu_bomb_pdf()
    assert len(data) < 100_000
    (art / "bomb.pdf").write_bytes(data)
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    (art / "z.md").write_text(_article("Gate", "Quay News", "Dredgers moved 9 barges of silt at dawn."),
                              encoding="utf-8")
    t0 = time.monotonic()
    lib, skipped = _index(art, tmp_path / "data")
    took = time.monotonic() - t0
    with lib:
        assert _titles(lib) == {"Harbour queue", "Gate"}
        assert skipped == [(str(art / "bomb.pdf"), "PDF not read: reading it took longer than 2 seconds (stopped)")]
    assert took < 15, took


def test_pdf_memory_budget_and_a_good_pdf_through_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk import corpus
    from desk.corpus import pdf

    good = _cpu_bomb_pdf(pages=2, ops=20)
    _fields, text = pdf.read_pdf_bounded(good)
    assert "gravel" in text

    def greedy(_data: bytes) -> tuple[object, str]:
        grab = bytearray(300_000_000)  # what a PDF that unpacks to 300 MB would ask for
        return grab, ""

    monkeypatch.setattr(pdf, "read_pdf", greedy)  # the forked reader inherits it
    with pytest.raises(corpus.Unreadable, match="more than 64 MB of memory"):
        pdf.read_pdf_bounded(good, seconds=30, megabytes=64)


def test_pdf_limit_errors_are_written_for_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf
    from pypdf.errors import LimitReachedError

    from desk import corpus
    from desk.corpus.pdf import read_pdf

    def refuse(*_a: object, **_k: object) -> None:
        raise LimitReachedError("Limit reached while decompressing. 123 bytes remaining.")

    monkeypatch.setattr(pypdf, "PdfReader", refuse)
    with pytest.raises(corpus.Unreadable) as err:
        read_pdf(b"%PDF-1.4 whatever")
    assert err.value.reason.startswith("PDF not read: a compressed part of it unpacks")
    assert "LimitReached" not in err.value.reason


# -- 17. a full disk under the data directory ------------------------------------------------


def _mount_tmpfs(where: Path, size: str) -> bool:
    import subprocess

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, check=False)
    return done.returncode == 0


def test_full_disk_reads_still_work_and_writes_say_disk_full(tmp_path: Path) -> None:
    import subprocess

    from .conftest import run_desk

    data = tmp_path / "data"
    if not _mount_tmpfs(data, "8m"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        art = tmp_path / "art"
        art.mkdir()
        for i in range(3):
            (art / f"n{i}.md").write_text(_article(f"Note {i}", "Tide Post"), encoding="utf-8")
        assert run_desk(["index", art, "--no-extract"], data_dir=data).returncode == 0
        with open(data / "filler", "wb") as fh:  # fill the disk to the last block
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        (art / "n9.md").write_text(_article("Ferries", "Quay News", "Ferries waited 5 hours."), encoding="utf-8")
        search = run_desk(["search", art, "tugs"], data_dir=data)
        assert search.returncode == 0, search.stderr
        assert "Pilots" in search.stdout
        assert "disk is full" in search.stderr
        listing = run_desk(["articles", art], data_dir=data)
        assert listing.returncode == 0, listing.stderr
        index = run_desk(["index", art, "--no-extract"], data_dir=data)
        assert index.returncode == 2
        assert "The disk is full" in index.stderr
        assert str(data) in index.stderr
        assert "disk I/O error" not in index.stderr + search.stderr
        (data / "filler").unlink()
        again = run_desk(["index", art, "--no-extract"], data_dir=data)
        assert again.returncode == 0, again.stderr
        assert "Ferries" in run_desk(["search", art, "ferries"], data_dir=data).stdout
    finally:
        subprocess.run(["umount", "-l", str(data)], check=False)


def test_a_full_disk_at_the_index_is_named() -> None:
    import errno

    from desk.errors import DiskFull
    from desk.index.whoosh import engine

    err = engine.disk_error(OSError(errno.ENOSPC, "No space left on device"), Path("/some/where/index"))
    assert isinstance(err, DiskFull)
    assert "disk is full" in str(err)
    assert "/some/where/index" in str(err)


def test_text_pass_commits_the_other_files_before_reading_pdfs(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    for i in range(3):
        (art / f"p{i}.pdf").write_bytes(_cpu_bomb_pdf(pages=1, ops=30, word=f"gravel{i}".encode()))
    data = tmp_path / "data"
    seen: list[int] = []

    def progress(_done: int, _total: int, message: str) -> None:
        if message.startswith("reading") and message.endswith(".pdf"):
            with Library(art, data_dir=data) as reader:
                seen.append(reader.search("tugs").total)

    with Library(art, data_dir=data) as lib:
        lib.update(progress=progress, extract=False)
        assert seen
        assert all(n == 1 for n in seen)  # the Markdown file was searchable while the PDFs were read
        assert lib.search("gravel0 OR gravel1 OR gravel2").total == 3


@pytest.mark.parametrize("how", ["world-writable", "another owner"])
def test_a_library_others_can_change_is_refused(tmp_path: Path, how: str) -> None:
    from desk.errors import IndexUnavailable

    art = tmp_path / "art"
    art.mkdir()
    (art / "a.md").write_text(_article("Harbour queue", "Tide Post"), encoding="utf-8")
    data = tmp_path / "data"
    lib, _ = _index(art, data)
    index_dir = lib.index_dir
    lib.close()
    if how == "world-writable":
        index_dir.chmod(0o777)
    else:
        if os.geteuid() != 0:
            pytest.skip("needs root to give the folder to another user")
        os.chown(index_dir, 65534, 65534)
    with pytest.raises(IndexUnavailable, match="every user|another user"):
        Library(art, data_dir=data)
    index_dir.chmod(0o755)
    if how == "another owner":
        os.chown(index_dir, os.getuid(), os.getgid())
    with Library(art, data_dir=data) as again:
        assert again.search("tugs").total == 1
