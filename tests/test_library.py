"""The Library API over real folders: seeds, incremental rules, cancellation, locks."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import desk.corpus
from desk.errors import DeskError, FolderError, IndexBusy, IndexUnavailable, QueryError
from desk.index.lock import UpdateLock
from desk.index.store import SPELLINGS_META
from desk.index.whoosh import engine
from desk.library import Library
from desk.model import Extraction


def _write(folder: Path, name: str, title: str, body: str, outlet: str = "Test Gazette") -> Path:
    p = folder / name
    p.write_text(f"---\ntitle: \"{title}\"\nsite: \"{outlet}\"\npublished: \"2022-07-0{len(name) % 9 + 1}\"\n---\n\n{body}\n",
                 encoding="utf-8")
    return p


@pytest.fixture
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Grain deal signed", "Ukraine and Russia signed a grain deal in Istanbul. Ships may sail again.",
           "Kyiv Post")
    _write(folder, "b.md", "Prisoner swap", "The two sides agreed a prisoner swap of 144 soldiers. Families waited.",
           "Meduza")
    _write(folder, "c.md", "Shelling continues", "Shelling hit Kharkiv overnight. Officials said 3 people were hurt.",
           "Kyiv Post")
    return folder


@pytest.fixture
def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    original = desk.corpus.read_article

    def counting(path, folder, ctx):  # type: ignore[no-untyped-def]
        reads.append(Path(path).name)
        return original(path, folder, ctx)

    monkeypatch.setattr(desk.corpus, "read_article", counting)
    return reads


def _names(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {Path(h.relpath).name for h in result.hits}


def test_missing_folder_is_a_folder_error(tmp_path):
    with pytest.raises(FolderError, match="does not exist"):
        Library(tmp_path / "nope")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(FolderError, match="not a folder"):
        Library(tmp_path / "file.txt")


def test_seeds_soldiers_killed(seeds):
    with Library(seeds) as lib:
        report = lib.update(extract=False)
        assert report.added == 5
        assert not report.skipped
        res = lib.search("soldiers killed")
        prefixes = {h.relpath[:3] for h in res.hits}
        assert {"000", "001", "004"} <= prefixes
        for h in res.hits:
            assert h.text == lib.article(h.article_id).text[h.start : h.end]
            words = {h_text.lower() for h_text in (lib.article(h.article_id).text[s:e] for s, e in h.highlights)}
            assert words
            assert words <= {"soldiers", "killed", "soldier", "kill", "killing"}
            assert h.outlet
            assert h.title
        assert sum(res.outlets.values()) >= 3
        assert res.pending_extraction == 5


def test_incremental_rules(small, count_reads):
    with Library(small) as lib:
        r1 = lib.update(extract=False)
        assert (r1.added, r1.unchanged) == (3, 0)
        assert sorted(count_reads) == ["a.md", "b.md", "c.md"]

        count_reads.clear()
        r2 = lib.update(extract=False)
        assert count_reads == []  # an unchanged folder re-reads nothing
        assert (r2.added, r2.updated, r2.removed, r2.unchanged) == (0, 0, 0, 3)

        # same content, new mtime: hashed, not re-read
        os.utime(small / "a.md", (time.time() + 5, time.time() + 5))
        r3 = lib.update(extract=False)
        assert count_reads == []
        assert r3.unchanged == 3

        # changed content: re-read and re-indexed
        _write(small, "b.md", "Prisoner swap", "The two sides agreed an exchange of 200 captives. Families waited.",
               "Meduza")
        r4 = lib.update(extract=False)
        assert count_reads == ["b.md"]
        assert r4.updated == 1
        assert _names(lib.search("captives")) == {"b.md"}
        with pytest.raises(QueryError):
            lib.search('"prisoner')
        assert not lib.search("soldiers").hits

        # removed: leaves the index and the library
        (small / "c.md").unlink()
        r5 = lib.update(extract=False)
        assert r5.removed == 1
        assert not lib.search("Kharkiv").hits
        assert {a.relpath for a in lib.articles()} == {"a.md", "b.md"}


def test_skipped_files_are_remembered_not_reread(small, count_reads):
    (small / "blob.txt").write_bytes(bytes(range(256)) * 64)
    with Library(small) as lib:
        r1 = lib.update(extract=False)
        assert [Path(s.path).name for s in r1.skipped] == ["blob.txt"]
        assert r1.skipped[0].reason
        count_reads.clear()
        r2 = lib.update(extract=False)
        assert count_reads == []
        assert [Path(s.path).name for s in r2.skipped] == ["blob.txt"]
        assert [Path(s.path).name for s in lib.skipped()] == ["blob.txt"]


def test_unchanged_folder_check_commits_nothing(small):
    """A change check that finds nothing new writes nothing: another process's view of the store (its
    cached articles, names and remembered comparisons) stays valid."""
    (small / "blob.txt").write_bytes(bytes(range(256)) * 64)
    with Library(small) as lib, Library(small) as other:
        lib.update(extract=False)
        before = other._store_state()
        own = lib.store.db.total_changes
        report = lib.update(extract=False)
        assert report.unchanged == 3
        assert [Path(s.path).name for s in report.skipped] == ["blob.txt"]
        assert lib.store.db.total_changes == own
        assert other._store_state() == before
        # a change is still written: a new skipped file and a new article each move the other's state
        (small / "blob2.txt").write_bytes(bytes(range(256)) * 64)
        lib.update(extract=False)
        assert sorted(Path(s.path).name for s in other.skipped()) == ["blob.txt", "blob2.txt"]
        moved = other._store_state()
        assert moved != before
        _write(small, "d.md", "Ferry resumes", "The river ferry ran again on Monday after a week of repairs.", "Kyiv Post")
        lib.update(extract=False)
        assert other._store_state() != moved


def test_cancelled_run_keeps_a_valid_index(small):
    with Library(small) as lib:
        report = lib.update(extract=False, cancelled=lambda: True)
        assert report.cancelled
        assert lib.search("grain").hits == []
        report = lib.update(extract=False)
        assert report.added == 3
        assert _names(lib.search("grain")) == {"a.md"}


def test_failed_commit_then_recovery(small, monkeypatch):
    real_commit = engine.commit

    def full_disk(writer, **kw):  # type: ignore[no-untyped-def]
        engine.abandon(writer)
        raise IndexUnavailable("desk could not save its index: No space left on device.")

    monkeypatch.setattr(engine, "commit", full_disk)
    with Library(small) as lib, pytest.raises(IndexUnavailable):
        lib.update(extract=False)
    monkeypatch.setattr(engine, "commit", real_commit)
    with Library(small) as lib:
        # the stored rows were never marked indexed: they are re-sent, no file re-read needed
        report = lib.update(extract=False)
        assert report.unchanged == 3
        assert _names(lib.search("grain OR swap OR shelling")) == {"a.md", "b.md", "c.md"}


def test_another_process_indexing_makes_us_wait_then_give_up(small):
    with Library(small) as lib:
        other = UpdateLock(lib.library_dir / "update.lock")
        other.acquire(wait=1)
        messages: list[str] = []
        try:
            with pytest.raises(IndexBusy):
                lib.update(extract=False, lock_wait=0.5, progress=lambda d, t, m: messages.append(m))
        finally:
            other.release()
        assert any("waiting" in m for m in messages)
        assert lib.update(extract=False).added == 3


def test_data_dir_inside_the_folder_is_not_indexed(small, monkeypatch):
    # a data folder chosen inside the article folder is refused (tests/robust/test_odd_values.py), but the
    # platform's cache directory lies inside a home folder opened as the article folder: it is never read
    from desk import paths

    data = small / "cache" / "desk"
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    monkeypatch.setattr(paths.platformdirs, "user_cache_dir", lambda *a, **k: str(data))
    with Library(small) as lib:
        assert paths.is_inside(lib.library_dir, small)
        (data / "note.txt").write_text("grain grain grain", encoding="utf-8")
        lib.update(extract=False)
        assert all(not a.relpath.startswith("cache") for a in lib.articles())


def test_article_and_passage_lookups(small):
    with Library(small) as lib:
        lib.update(extract=False)
        listing = lib.articles()
        assert {a.outlet for a in listing} == {"Kyiv Post", "Meduza"}
        assert all(a.text == "" for a in listing)
        aid = next(a.id for a in listing if a.relpath == "a.md")
        full = lib.article(aid)
        assert "grain deal" in full.text
        assert full.passages
        ref = lib.passage(aid, full.passages[0].number)
        assert ref.text == full.text[ref.start : ref.end]
        assert lib.extraction(aid) is None  # pending
        assert lib.outlets() == ["Kyiv Post", "Meduza"]
        with pytest.raises(DeskError):
            lib.article("no-such-id")
        assert set(lib.search("grain", outlets=["meduza"]).hits) == set()
        assert _names(lib.search("grain OR swap", outlets=["Meduza"])) == {"b.md"}


def test_extraction_pass_fills_claimants_and_claims(seeds):
    with Library(seeds) as lib:
        text_only = lib.update(extract=False)
        assert text_only.pending_extraction == 5
        report = lib.update(extract=True)
        assert report.pending_extraction == 0
        assert lib.pending_extraction() == 0
        res = lib.search("claimant:zelensky")
        assert res.hits
        assert any(c.claimant for h in res.hits for c in h.claims)
        big = lib.search("killed figure:>1000")
        assert big.hits
        for h in big.hits:
            ext = lib.extraction(h.article_id)
            assert ext is not None
        statements = lib.claims()
        assert any(s.figure.value == 14000 for s in statements)
        # each claim carries its sentence: the figure as written in it, one sentence of its passage
        shorter = 0
        for st in statements:
            article = lib.article(st.article_id)
            passage = next(p for p in article.passages if p.number == st.passage)
            text = article.text[passage.start : passage.end]
            assert st.figure.text in st.sentence
            assert st.sentence in text
            shorter += len(st.sentence) < len(text.strip())
        assert shorter > 0
        assert lib.claimants()
        # the alias book renames a claimant everywhere the claims table shows it
        from desk.extract.aliases import AliasBook

        name = next(s.claimant for s in statements if s.claimant)
        book = AliasBook.load(lib.aliases_path)
        book.rename(name, "Somebody Else")
        book.save()
        assert "Somebody Else" in {s.claimant for s in lib.claims()}
        query_claims = lib.claims("soldiers killed")
        assert query_claims
        assert len(query_claims) <= len(lib.claims())


def test_vanished_folder_is_not_read_as_everything_removed(small):
    with Library(small) as lib:
        lib.update(extract=False)
        small.rename(small.with_name("moved"))
        with pytest.raises(FolderError, match="no longer there"):
            lib.update(extract=False)
        assert len(lib.articles()) == 3


def test_extraction_in_worker_processes_batches_and_cancel(seeds, tmp_path, monkeypatch):
    import shutil

    from desk.index import build

    folder = tmp_path / "copies"
    for sub in ("one", "two"):
        shutil.copytree(seeds, folder / sub)
    monkeypatch.setattr(build, "EXTRACT_CHUNK", 2)  # 5 chunks: the worker-pool path
    monkeypatch.setattr(build, "EXTRACT_FLUSH", 3)
    with Library(folder) as lib:
        assert lib.update(extract=False).pending_extraction == 10
        seen = {"n": 0}

        def progress(done: int, total: int, message: str) -> None:
            if message.startswith("finding figures"):
                seen["n"] = done

        # cancel once some extraction results are in: finished batches stay, the rest stays pending
        report = lib.update(progress=progress, cancelled=lambda: seen["n"] >= 4)
        assert report.cancelled
        assert 0 < lib.pending_extraction() < 10
        assert lib.search("soldiers").hits  # the index is valid after the cancel
        report = lib.update()
        assert report.pending_extraction == 0
        assert lib.search("claimant:zelensky").hits
        assert len({s.article_id for s in lib.claims(every_copy=True)}) == 10


def _many(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        _write(folder, f"n{i:02d}.md", f"Report {i}",
               f"Convoy number {i} reached the port. Officials said {i + 10} trucks carried grain.",
               ("Kyiv Post", "Meduza", "Reuters")[i % 3])
    return folder


def test_bulk_path_parallel_writers_and_cancel_leave_no_processes(tmp_path, monkeypatch):
    import multiprocessing

    from desk.index import build

    monkeypatch.setattr(build, "PARALLEL_WRITE_THRESHOLD", 8)
    monkeypatch.setattr(build, "POOL_THRESHOLD", 4)
    folder = _many(tmp_path / "many", 12)
    with Library(folder) as lib:
        state = {"writing": False}

        def progress(done: int, total: int, message: str) -> None:
            if message == "writing the index":
                state["writing"] = True

        report = lib.update(extract=False, progress=progress, cancelled=lambda: state["writing"])
        assert report.cancelled
        assert multiprocessing.active_children() == []
        assert lib.search("convoy").hits == []
        report = lib.update(extract=False)
        # the cancelled run had stored the articles: they are re-sent from the store, not re-read
        assert (report.added, report.unchanged) == (0, 12)
        assert multiprocessing.active_children() == []
        res = lib.search("convoy", limit=50)
        assert len({h.article_id for h in res.hits}) == 12
        assert res.outlets == {"Kyiv Post": 4, "Meduza": 4, "Reuters": 4}
        assert {h.relpath for h in lib.search("trucks figure:>20", limit=50).hits} == {
            f"n{i:02d}.md" for i in range(11, 12)
        }


def test_cancel_stops_a_long_extraction_at_once(seeds, tmp_path, monkeypatch):
    """Cancel does not wait for a worker stuck in one huge article (the bound is 10x the wait)."""
    import multiprocessing
    import shutil
    import time

    import desk.extract
    from desk.index import build

    folder = tmp_path / "copies"
    for sub in ("one", "two"):
        shutil.copytree(seeds, folder / sub)
    monkeypatch.setattr(build, "EXTRACT_CHUNK", 2)

    def stuck(articles, nlp=None, **options):  # the forked workers inherit this
        time.sleep(120)
        return []

    monkeypatch.setattr(desk.extract, "extract_articles", stuck)
    with Library(folder) as lib:
        lib.update(extract=False)
        started = time.monotonic()
        report = lib.update(cancelled=lambda: time.monotonic() - started > 1.0)
        assert report.cancelled
        assert time.monotonic() - started < 12
        assert lib.pending_extraction() == 10  # nothing half-stored
        assert lib.search("soldiers").hits
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_refresh_sees_another_process_extractions(small, tmp_path):
    """A second Library on the same data (as the window beside its indexing child) sees pass 2 after refresh()."""
    data = tmp_path / "data"
    with Library(small, data_dir=data) as writer, Library(small, data_dir=data) as reader:
        writer.update(extract=False)
        aid = reader.articles()[0].id
        assert reader.extraction(aid) is None  # pending, and now cached as such
        writer.update(extract=True)
        reader.refresh()
        assert reader.extraction(aid) is not None


def test_editing_the_manifest_re_reads_only_the_files_whose_row_changed(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Report {name}\n\nOfficials said 12 trucks reached the port.\n", encoding="utf-8")
    data = tmp_path / "data"

    def outlets(lib: Library) -> dict[str, str]:
        return {a.relpath: a.outlet for a in lib.articles()}

    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        assert outlets(lib)["a.txt"] != "Marren Herald"
        (folder / "desk.json").write_text('{"a.txt": {"outlet": "Marren Herald"}}', encoding="utf-8")
        report = lib.update(extract=False)
        assert (report.updated, report.unchanged, lib._last_indexer.reads) == (1, 2, 1)
        assert outlets(lib)["a.txt"] == "Marren Herald"
        assert lib.search('outlet:"Marren Herald"').hits

        report = lib.update(extract=False)  # nothing changed: nothing read
        assert lib._last_indexer.reads == 0

        (folder / "desk.json").write_text(
            '{"a.txt": {"outlet": "Marren Herald"}, "b.txt": {"outlet": "Vell Courier", "date": "2026-03-14"}}',
            encoding="utf-8",
        )
        report = lib.update(extract=False)
        assert lib._last_indexer.reads == 1
        b = next(a for a in lib.articles() if a.relpath == "b.txt")
        assert (b.outlet, str(b.date)) == ("Vell Courier", "2026-03-14")

        (folder / "desk.json").unlink()
        report = lib.update(extract=False)
        assert lib._last_indexer.reads == 2
        assert "Marren Herald" not in outlets(lib).values()


def test_an_article_too_long_for_extraction_is_reported_and_stays_searchable(small, monkeypatch):
    from desk.index import build

    (small / "long.md").write_text(
        "---\ntitle: Long\nsite: Meduza\n---\n\n" + "Officials said 40 trucks reached the port of Odesa. " * 40,
        encoding="utf-8",
    )
    monkeypatch.setattr(build, "MAX_EXTRACT_CHARS", 1000)
    with Library(small) as lib:
        report = lib.update()
        assert report.pending_extraction == 0
        problems = [p for p in report.problems if p.startswith("long.md:")]
        assert len(problems) == 1
        assert "too long for figures and claimants" in problems[0]
        hit = lib.search("odesa trucks").hits[0]
        assert hit.relpath == "long.md"
        assert lib.search("odesa figure:40").hits  # the regex figures of pass 1 stay
        long_id = hit.article_id
        ext = lib.extraction(long_id)
        assert ext is not None
        assert not ext.claims  # stored as done, with nothing in it
        swap = next(a for a in lib.articles() if a.relpath == "b.md")
        ext = lib.extraction(swap.id)
        assert ext is not None
        assert 144 in [f.value for f in ext.figures]  # the others were extracted as usual


def test_alias_edits_reach_extractions_passages_and_collations(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Ferry stopped", "Harbour master Ilse Varn said 40 ferries stopped on Monday.", "Coast Post")
    _write(folder, "b.md", "Ferry halt", "Ilse Varn said that 40 ferries stopped early on Monday.", "Bay Wire")
    with Library(folder) as lib:
        lib.update(extract=True)
        res = lib.search("ferries")
        assert res.hits
        ids = sorted({h.article_id for h in res.hits})
        raw = {a.name for aid in ids for a in (lib.extraction(aid) or Extraction()).attributions}
        names = [n for n in raw if "Varn" in n]
        assert names
        from desk.extract.aliases import AliasBook

        book = AliasBook.load(lib.aliases_path)
        for n in names:
            book.rename(n, "Isolde Varnholt")
        book.save()
        name = names[0]
        for aid in ids:
            ext = lib.extraction(aid)
            assert ext is not None
            assert name not in {a.name for a in ext.attributions}
            assert "Isolde Varnholt" in {a.name for a in ext.attributions}
        hit = lib.search("ferries").hits[0]
        assert "Isolde Varnholt" in {a.name for a in hit.attributions}
        assert hit.url == ""
        coll = lib.collate(ids)
        names = {a.name for row in coll.rows for refs in row.cells.values() for r in refs for a in r.attributions}
        assert "Isolde Varnholt" in names
        assert name not in names


def test_a_library_stored_by_older_reading_rules_reads_every_file_again_once(small, count_reads, monkeypatch):
    from desk.index import build, plan

    with Library(small) as lib:
        lib.update()
        assert lib.store.get_meta(build.RULES_META) == str(plan.RULES_VERSION)
        before = {a.relpath: a.sha1 for a in lib.articles()}
        # desk upgraded: the library was stored by the rules before these
        monkeypatch.setattr(plan, "RULES_VERSION", plan.RULES_VERSION + 1)
        monkeypatch.setattr(build, "RULES_VERSION", plan.RULES_VERSION)
        count_reads.clear()
        r = lib.update(extract=False)
        assert sorted(count_reads) == ["a.md", "b.md", "c.md"]
        assert (r.added, r.updated, r.unchanged) == (0, 3, 0)
        assert r.pending_extraction == 3  # figures and claimants are found again by the new rules
        assert {a.relpath: a.sha1 for a in lib.articles()} == before
        assert _names(lib.search("grain")) == {"a.md"}
        # a cancelled upgrade run is done again in full next time
        count_reads.clear()
        monkeypatch.setattr(build, "RULES_VERSION", plan.RULES_VERSION + 1)
        assert lib.update(extract=False, cancelled=lambda: True).cancelled
        count_reads.clear()
        lib.update()
        assert sorted(count_reads) == ["a.md", "b.md", "c.md"]
        count_reads.clear()
        r = lib.update()
        assert count_reads == []
        assert r.unchanged == 3


def test_a_claimant_written_in_two_cases_is_one_claimant_in_its_commonest_spelling(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Ferries", "The Harbour Board said 40 ferries stopped on Monday.", "Coast Post")
    _write(folder, "b.md", "Ferry halt", "The Harbour Board said that 40 ferries stopped early on Monday.", "Bay Wire")
    _write(folder, "c.md", "Ferry news", "The harbour board said 41 ferries stopped on Monday.", "Sea Daily")
    with Library(folder) as lib:
        lib.update(extract=True)
        assert sorted(lib.store.claimant_names()) == ["Harbour Board", "harbour board"]  # as the articles write it
        assert lib.claimants() == ["Harbour Board"]
        claims = lib.claims()
        assert len(claims) == 3
        assert {c.claimant for c in claims} == {"Harbour Board"}
        shown = {a.name for x in lib.articles() for a in (lib.extraction(x.id) or Extraction()).attributions}
        assert shown == {"Harbour Board"}


def test_a_claimant_in_british_and_american_spelling_is_one_claimant(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Drill", "The Ministry of Defence said 40 tanks took part on Monday.", "Coast Post")
    _write(folder, "b.md", "Drills", "The Ministry of Defence said that 40 tanks took part on Monday.", "Isle Times")
    _write(folder, "c.md", "Drill news", "The Ministry of Defense said 41 tanks took part on Monday.", "Bay Wire")
    _write(folder, "d.md", "Vote", "The Labour Party said 12 seats changed hands on Monday.", "Sea Daily")
    _write(folder, "e.md", "Votes", "The Labor Party said 12 seats changed hands on Monday.", "Sea Daily")
    with Library(folder) as lib:
        lib.update(extract=True)
        assert "Ministry of Defense" in lib.store.claimant_names()  # stored as the article writes it
        assert lib.claimants() == ["Labor Party", "Labour Party", "Ministry of Defence"]
        assert {c.claimant for c in lib.claims() if c.figure.value in (40, 41)} == {"Ministry of Defence"}


def test_claimant_spellings_are_kept_by_the_update_and_worked_out_again_when_claimants_change(tmp_path, monkeypatch):
    """The update keeps the claimant spellings in the store; another process reads them there without
    reading every claimant name, and a write of claimants drops them until the next update keeps them."""
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Sluices", "The Canal Authority said 16 sluices closed on Friday.", "Coast Post")
    _write(folder, "b.md", "Sluice halt", "The Canal Authority said that 16 sluices closed early on Friday.", "Bay Wire")
    _write(folder, "c.md", "Sluice news", "The canal authority said 17 sluices closed on Friday.", "Sea Daily")
    with Library(folder) as lib:
        lib.update(extract=True)
        kept = json.loads(lib.store.get_meta(SPELLINGS_META))
        assert kept == lib._spellings_now() == {"canal authority": "Canal Authority"}
    with Library(folder) as other, monkeypatch.context() as m:
        m.setattr(other.store, "claimant_name_counts", lambda: pytest.fail("the names were read again"))
        assert other.claimants() == ["Canal Authority"]
    _write(folder, "d.md", "Locks", "The Dock Board said 9 locks opened on Sunday.", "Coast Post")
    _write(folder, "e.md", "Lock news", "The Dock Board said that 9 locks opened late on Sunday.", "Bay Wire")
    _write(folder, "f.md", "Locks open", "The dock board said 9 locks opened on Sunday.", "Sea Daily")
    with Library(folder) as lib:
        lib.store.put_extractions([])  # any write of claimants drops the kept spellings in its transaction
        assert lib.store.get_meta(SPELLINGS_META) == ""
        lib.update(extract=True)
        kept = json.loads(lib.store.get_meta(SPELLINGS_META))
        assert kept == lib._spellings_now()
        assert kept == {"canal authority": "Canal Authority", "dock board": "Dock Board"}
        assert lib.claimants() == ["Canal Authority", "Dock Board"]


def test_a_person_named_with_a_role_before_the_name_is_the_person(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "a.md", "Ferries", "Mara Okonjo said 40 ferries stopped on Monday.", "Coast Post")
    _write(folder, "b.md", "Ferry halt", "Ferry enthusiast Mara Okonjo said 40 ferries stopped on Monday.", "Bay Wire")
    with Library(folder) as lib:
        lib.update(extract=True)
        # the lower-case description is no part of the name (desk.extract.names): one name is stored
        assert sorted(lib.store.claimant_names()) == ["Mara Okonjo"]
        assert lib.claimants() == ["Mara Okonjo"]
        assert {c.claimant for c in lib.claims()} == {"Mara Okonjo"}


def test_many_hits_in_one_long_article_read_its_text_and_metadata_once(small, monkeypatch):
    body = "\n\n".join(f"Shelling hit the depot again on day {i}. Officials counted the damage." for i in range(60))
    _write(small, "long.md", "Depot diary", body, "Kyiv Post")
    with Library(small) as lib:
        lib.update(extract=False)
        metas: list[str] = []
        spans: list[int] = []
        meta, text_spans = lib.store.meta, lib.store.text_spans
        monkeypatch.setattr(lib.store, "meta", lambda aid: metas.append(aid) or meta(aid))
        monkeypatch.setattr(lib.store, "text_spans", lambda aid, s: spans.append(len(s)) or text_spans(aid, s))
        result = lib.search("depot", limit=100, per_article=100)
        long_hits = [h for h in result.hits if h.relpath == "long.md"]
        assert len(long_hits) >= 30
        assert all("depot" in h.text.lower() for h in long_hits)
        assert len(metas) == len(set(metas)) == len({h.article_id for h in result.hits})
        assert len(spans) == len(metas)
        assert max(spans) == len(long_hits)


def test_hits_whose_stored_text_has_changed_are_left_out(small):
    _write(small, "long.md", "Depot diary", "\n\n".join(f"Shelling hit the depot on day {i}." for i in range(20)))
    with Library(small) as lib:
        lib.update(extract=False)
        assert _names(lib.search("shelling", limit=100, per_article=20)) == {"c.md", "long.md"}
        # the store holds a newer text than the index (an update under way): its hits are dropped,
        # whether the article has one hit or several
        lib.store.db.execute("UPDATE articles SET text = upper(text) WHERE relpath LIKE '%.md' AND relpath != 'a.md'")
        assert lib.search("shelling", limit=100, per_article=20).hits == []
        assert _names(lib.search("grain")) == {"a.md"}


def test_an_outlets_word_for_word_copies_of_a_claim_are_listed_once_from_the_earliest(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    said = "The port authority said 212 containers were lost overboard in the gale."
    # _write dates a file by the length of its name: a.md is the earliest
    _write(folder, "ccc.md", "Gale update", f"Crews searched the bay.\n\n{said}", "Harbour Herald")
    _write(folder, "a.md", "Gale", f"{said}\n\nThe search goes on.", "Harbour Herald")
    _write(folder, "bb.md", "Gale, day two", f"{said}  \n\nTugs stood by.", "Harbour Herald")
    _write(folder, "dddd.md", "Containers", "The port authority said 212 containers fell into the sea.", "Harbour Herald")
    _write(folder, "e.md", "Storm", said, "Bay Wire")
    with Library(folder) as lib:
        lib.update(extract=True)
        by_path = {a.id: a.relpath for a in lib.articles()}
        every = lib.claims(every_copy=True)
        assert len(every) == 5
        claims = lib.claims()
        listed = sorted((c.outlet, by_path[c.article_id], c.copies) for c in claims)
        # the other outlet's copy and the other sentence stay rows of their own
        assert listed == [("Bay Wire", "e.md", 1), ("Harbour Herald", "a.md", 3), ("Harbour Herald", "dddd.md", 1)]
        assert lib.claims("containers")
        assert {c.copies for c in lib.claims("containers")} == {1, 3}
