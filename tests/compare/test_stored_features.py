"""Passage features kept across processes (desk.compare.stored): read back by a new process, never stale,
bounded, and a damaged or half-written file is set aside without a traceback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import desk.compare as comp
from desk.compare import compare_query, profile, stored
from desk.compare.profile import clear_cache
from desk.export.json import to_plain
from desk.library import Library
from desk.model import Attribution, Boilerplate, Entity

from .helpers import make_ref, write_article, write_ferry_articles

KEY = b"k" * 32  # a signing key of the tests' own


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    write_ferry_articles(f)
    write_article(f, "c.md", "Hill Times", "The storm closed the harbour, and the ferry with 412 passengers waited on "
                  "the far side of the lake until dawn.")
    return f


@pytest.fixture
def profiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each passage this process profiles itself (not read from memory or the features file), by text."""
    clear_cache()
    stored.forget_files()
    calls: list[str] = []
    original = profile._about

    def counting(text: str, ref: Any) -> Any:
        calls.append(ref.text)
        return original(text, ref)

    monkeypatch.setattr(profile, "_about", counting)
    monkeypatch.setattr(comp, "RESULTS_KEPT", 0)  # every comparison groups again
    return calls


def _plain(c: Any) -> Any:
    data = to_plain(c)
    data.pop("created")
    return data


def _features_file(data: Path) -> Path:
    found = list(data.rglob(stored.FILE_NAME))
    assert len(found) == 1
    return found[0]


def _new_process() -> None:
    """What a new process starts with: nothing in memory (the file stays, with what the process before
    wrote once its answers were out: :meth:`desk.library.Library.write_compare_features`, or its ``close``)."""
    for f in list(stored._FILES.values()):
        f.write_owed()
    clear_cache()
    stored.forget_files()


def test_a_new_process_reads_the_features_an_earlier_one_wrote(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        assert len(profiled) >= 3  # every sentence profiled once
        _new_process()
        profiled.clear()
        again = compare_query(lib, "ferry passengers")
    assert profiled == []  # all read from the file
    assert _plain(again) == _plain(first)
    assert _features_file(data).is_relative_to(data)
    assert not list(folder.rglob("*.sqlite*"))  # never in the article folder


def test_the_features_are_written_once_the_answer_is_out(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        n = len(profiled)
        assert n >= 3
        with sqlite3.connect(_features_file(data)) as conn:
            assert conn.execute("SELECT count(*) FROM features").fetchone()[0] == 0  # owed, not written yet
        lib.write_compare_features()
        with sqlite3.connect(_features_file(data)) as conn:
            written = conn.execute("SELECT count(*) FROM features").fetchone()[0]
        assert written >= n  # each profiled passage, and the rows described
        lib.write_compare_features()  # nothing owed any more: nothing written twice
        with sqlite3.connect(_features_file(data)) as conn:
            assert conn.execute("SELECT count(*) FROM features").fetchone()[0] == written
        clear_cache()
        stored.forget_files()
        profiled.clear()
        again = compare_query(lib, "ferry passengers")
    assert profiled == []  # all read from the file
    assert _plain(again) == _plain(first)


def test_the_next_comparison_writes_what_the_one_before_owes(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        n = len(profiled)
        features = stored.for_library(lib)
        assert features is not None
        owed = len(features._owed)
        assert owed >= n
        compare_query(lib, "storm harbour")  # nobody wrote after the first: this one does, first
        with sqlite3.connect(_features_file(data)) as conn:
            assert conn.execute("SELECT count(*) FROM features").fetchone()[0] >= owed
        assert len(features._owed) < owed + n  # what is owed never outgrows one comparison's worth


def test_the_features_are_written_with_the_collector_held_off(
    folder: Path, profiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    seen: list[bool] = []
    original = stored.FeatureFile.write

    def write(self: Any, items: Any) -> None:
        seen.append(gc.isenabled())
        original(self, items)

    monkeypatch.setattr(stored.FeatureFile, "write", write)
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        assert gc.isenabled()
        lib.write_compare_features()
        assert seen == [False]  # held off while writing ...
        assert gc.isenabled()  # ... and on again after


def test_closing_the_library_writes_what_is_owed(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
    n = len(profiled)
    with sqlite3.connect(_features_file(data)) as conn:
        assert conn.execute("SELECT count(*) FROM features").fetchone()[0] >= n


def test_a_changed_article_is_profiled_again(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        write_article(folder, "b.md", "Lake Daily", "Ilse Varga told reporters the ferry carried 455 passengers across "
                      "the lake before the storm closed the harbour.")
        lib.update(extract=True)
        _new_process()
        profiled.clear()
        after = compare_query(lib, "ferry passengers")
    assert [t for t in profiled if "455" in t]  # the new text, profiled
    assert not [t for t in profiled if "412" in t]  # the unchanged articles, read from the file
    values = {s.figure.value for r in after.rows for s in r.statements}
    assert 455.0 in values


def test_the_key_covers_everything_a_profile_reads() -> None:
    ref = make_ref("The ferry carried 412 passengers, Ilse Varga said on Tuesday.", "North Post",
                   figures=[("412", 412.0, "", "passengers", "Ilse Varga")])
    ref.date = dt.date(2021, 5, 4)
    key = stored.passage_key(ref)
    assert stored.passage_key(dataclasses.replace(ref)) == key  # the same passage again

    claim = ref.claims[0]
    renamed = dataclasses.replace(claim, claimant="Harbour Master Varga")  # an alias edit
    other_value = dataclasses.replace(claim, figure=dataclasses.replace(claim.figure, value=413.0))
    other_count = dataclasses.replace(claim, figure=dataclasses.replace(claim.figure, counted="ferries"))
    changed = [
        dataclasses.replace(ref, text=ref.text.replace("Tuesday", "Monday")),
        dataclasses.replace(ref, date=dt.date(2021, 5, 5)),
        dataclasses.replace(ref, date=None),
        dataclasses.replace(ref, claims=[renamed]),
        dataclasses.replace(ref, claims=[other_value]),
        dataclasses.replace(ref, claims=[other_count]),
        dataclasses.replace(ref, claims=[]),
        dataclasses.replace(ref, attributions=[Attribution("Ilse Varga", 0, 5, "Ilse Varga", "said", 6, 10, 11, 40)]),
        dataclasses.replace(ref, boilerplate=[Boilerplate(0, 4, "caption")]),
        dataclasses.replace(ref, start=ref.start + 10, end=ref.end + 10),
        # the places and statement frames kept with the features read the entities
        dataclasses.replace(ref, entities=[Entity(ref.start + 18, ref.start + 21, "412", "CARDINAL")]),
        dataclasses.replace(ref, entities=[Entity(ref.start + 18, ref.start + 21, "412", "QUANTITY")]),
        dataclasses.replace(ref, entities=[Entity(ref.start + 18, ref.start + 21, "four hundred", "CARDINAL")]),
    ]
    keys = [stored.passage_key(r) for r in changed]
    assert key not in keys
    assert len(set(keys)) == len(keys)


def test_other_code_or_settings_empty_the_file(
    folder: Path, profiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        n = len(profiled)
        # a setting of the feature modules changed (a session, a test, a new release's default)
        monkeypatch.setattr(profile, "CONTEXT_WORDS", profile.CONTEXT_WORDS + 1)
        _new_process()
        profiled.clear()
        compare_query(lib, "ferry passengers")
        assert len(profiled) == n
        # desk's code changed (another release, an edited module)
        monkeypatch.setitem(stored._FINGERPRINT, "code", "another version of desk")
        _new_process()
        profiled.clear()
        compare_query(lib, "ferry passengers")
        assert len(profiled) == n
        _new_process()
        profiled.clear()
        compare_query(lib, "ferry passengers")
        assert profiled == []  # what that code wrote, it reads


def test_a_damaged_file_is_set_aside_without_a_traceback(
    folder: Path, profiled: list[str], caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        path = _features_file(data)
        path.write_bytes(b"not a database at all\x00" * 300)
        _new_process()
        caplog.set_level(logging.INFO)
        again = compare_query(lib, "ferry passengers")
        assert _plain(again) == _plain(first)
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
        assert "Traceback" not in capsys.readouterr().err
        # the damaged file was replaced by a working one: the next process reads it
        _new_process()
        profiled.clear()
        compare_query(lib, "ferry passengers")
    assert profiled == []


def test_a_damaged_entry_is_profiled_again(folder: Path, profiled: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        n = len(profiled)
        lib.write_compare_features()
        with sqlite3.connect(_features_file(data)) as conn:
            conn.execute("UPDATE features SET value = x'00ff'")
        _new_process()
        profiled.clear()
        again = compare_query(lib, "ferry passengers")
    assert len(profiled) == n
    assert _plain(again) == _plain(first)


_KILLED_MID_WRITE = """
import os, sys
from pathlib import Path
from desk.compare import stored
f = stored.FeatureFile(Path(sys.argv[1]), b"k" * 32)
conn = f._open()
conn.execute("BEGIN IMMEDIATE")
conn.execute("DELETE FROM features")
conn.executemany("INSERT INTO features (key, value) VALUES (?, ?)", [(bytes([i]) * 16, b"junk") for i in range(50)])
os._exit(9)  # killed before the commit
"""


def test_a_process_killed_mid_write_leaves_the_earlier_entries(tmp_path: Path) -> None:
    path = tmp_path / stored.FILE_NAME
    f = stored.FeatureFile(path, KEY)
    f.write([(b"k" * 16, ("stems", 1)), (b"j" * 16, ("more", 2))])
    done = subprocess.run([sys.executable, "-c", _KILLED_MID_WRITE, str(path)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 9, done.stderr
    again = stored.FeatureFile(path, KEY)
    assert again.read([b"k" * 16, b"j" * 16, bytes([1]) * 16]) == {b"k" * 16: ("stems", 1), b"j" * 16: ("more", 2)}


def test_the_file_keeps_only_the_newest_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "MAX_ENTRIES", 3)
    f = stored.FeatureFile(tmp_path / stored.FILE_NAME, KEY)
    keys = [bytes([i]) * 16 for i in range(5)]
    f.write([(k, i) for i, k in enumerate(keys[:2])])
    f.write([(k, i + 2) for i, k in enumerate(keys[2:])])
    assert f.read(keys) == {keys[2]: 2, keys[3]: 3, keys[4]: 4}


def test_switched_off_no_file_is_written(folder: Path, profiled: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "ENABLED", False)
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        assert compare_query(lib, "ferry passengers").rows
    assert not list(data.rglob(stored.FILE_NAME))


@pytest.fixture
def described(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each row this process describes itself (not read from memory or the features file)."""
    from desk.compare import statements

    calls: list[int] = []
    original = statements.describe_row

    def counting(row: Any, **k: Any) -> None:
        calls.append(len(row.cells))
        original(row, **k)

    monkeypatch.setattr(statements, "describe_row", counting)
    return calls


def test_a_new_process_reads_row_descriptions_and_an_alias_edit_describes_again(
    folder: Path, profiled: list[str], described: list[int]
) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        assert described
        assert {s.claimant for r in first.rows for s in r.statements} == {"Ilse Varga", ""}
        _new_process()
        described.clear()
        again = compare_query(lib, "ferry passengers")
        assert described == []  # every row's figures, flags and word differences read from the file
        assert _plain(again) == _plain(first)
        lib.edit_alias("rename", "Ilse Varga", "Harbour Master Varga")
        _new_process()
        renamed = compare_query(lib, "ferry passengers")
    assert described  # the rows with her figures, described again
    names = {s.claimant for r in renamed.rows for s in r.statements}
    assert "Harbour Master Varga" in names
    assert "Ilse Varga" not in names


def test_a_file_another_process_is_writing_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    path = tmp_path / stored.FILE_NAME
    stored.FeatureFile(path, KEY).write([(b"k" * 16, ("stems", 1))])
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # another process in the middle of its write
    try:
        reader = stored.FeatureFile(path, KEY)
        monkeypatch.setattr(reader, "_connect", lambda: sqlite3.connect(path, timeout=0.05, isolation_level=None))
        assert reader.read([b"k" * 16]) == {}  # not now
        reader.write([(b"j" * 16, ("more", 2))])  # waits for a later run
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert path.exists()
    assert reader.read([b"k" * 16, b"j" * 16]) == {b"k" * 16: ("stems", 1)}  # kept, and readable again


def test_entries_of_another_version_sharing_the_file_are_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / stored.FILE_NAME
    ours = stored.FeatureFile(path, KEY)
    ours.write([(b"a" * 16, "ours")])  # opened and checked by this version
    mine = stored.fingerprint()
    with monkeypatch.context() as m:
        m.setattr(stored, "fingerprint", lambda: "another version of desk")
        theirs = stored.FeatureFile(path, KEY)
        theirs.write([(b"b" * 16, "theirs")])  # it empties the file, then writes its own
    assert stored.fingerprint() == mine
    assert ours.read([b"a" * 16, b"b" * 16]) == {}  # neither its entries nor ours (gone)
    ours.write([(b"c" * 16, "ours again")])  # not mixed into the other version's file
    with monkeypatch.context() as m:
        m.setattr(stored, "fingerprint", lambda: "another version of desk")
        assert theirs.read([b"a" * 16, b"b" * 16, b"c" * 16]) == {b"b" * 16: "theirs"}


def test_a_value_desk_did_not_sign_for_this_user_is_never_unpickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle
    import sqlite3

    path = tmp_path / stored.FILE_NAME
    mine = stored.FeatureFile(path, KEY)
    mine.write([(b"a" * 16, "signed by me")])
    stored.FeatureFile(path, b"another user's key, 32 bytes lng").write([(b"b" * 16, "signed by another key")])
    with sqlite3.connect(path) as conn:  # planted: a pickle behind a made-up signature
        conn.execute("INSERT INTO features (key, value) VALUES (?, ?)",
                     (b"c" * 16, b"\0" * 32 + pickle.dumps(("os.system", "planted"))))
        # ... and a signed value swapped under another key
        value = conn.execute("SELECT value FROM features WHERE key = ?", (b"a" * 16,)).fetchone()[0]
        conn.execute("INSERT INTO features (key, value) VALUES (?, ?)", (b"d" * 16, value))
    unpickled: list[bytes] = []
    original = pickle.loads
    monkeypatch.setattr(pickle, "loads", lambda data, **k: unpickled.append(data) or original(data, **k))
    assert mine.read([b"a" * 16, b"b" * 16, b"c" * 16, b"d" * 16]) == {b"a" * 16: "signed by me"}
    assert len(unpickled) == 1


def test_only_rows_with_figures_are_described_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row without figures has nothing to describe but its word differences, which a comparison leaves
    for whoever shows them: it gets no key, no cache entry and no entry in the features file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    write_article(folder, "a.md", "North Post", "The ferry left the harbour at dawn and crossed the lake in calm "
                  "weather.\n\nThe ferry carried 412 passengers across the lake on Monday.")
    write_article(folder, "b.md", "Lake Daily", "Calm weather let the ferry leave the harbour at dawn and cross "
                  "the lake.\n\nThe ferry carried 412 passengers across the lake on Monday, its owner said.")
    keyed: list[int] = []
    original = comp._row_key
    monkeypatch.setattr(comp, "_row_key", lambda row: (keyed.append(len(row.outlets)), original(row))[1])
    comp.clear_described()
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update()
        rows = lib.compare("ferry harbour lake").rows
    assert any(not comp._has_claims(r) and len(r.outlets) == 2 for r in rows)  # a row of two without figures
    assert len(keyed) == sum(1 for r in rows if comp._has_claims(r))
    assert all(not r.word_diffs for r in rows)  # left for whoever shows them


def test_a_new_process_reads_the_places_and_frames_an_earlier_one_found(
    tmp_path: Path, profiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write_article(folder, "a.md", "North Post", "The Varnian navy denied shelling the grain depot at Tollby harbour "
                  "on Tuesday night.\n\nFirefighters in Tollby worked until dawn to save the depot.")
    write_article(folder, "b.md", "Lake Daily", "Varnia's navy denied that its ships shelled the Tollby grain depot "
                  "overnight.\n\nCrews in Tollby fought the depot fire until morning.")
    data = tmp_path / "data"
    placed: list[str] = []
    framed: list[str] = []
    real_places, real_frames = profile.places_in, profile.statement_frames

    def count_places(text: str, entities: Any = ()) -> Any:
        placed.append(text)
        return real_places(text, entities)

    def count_frames(text: str, names: Any = (), people: Any = ()) -> Any:
        framed.append(text)
        return real_frames(text, names, people)

    monkeypatch.setattr(profile, "places_in", count_places)
    monkeypatch.setattr(profile, "statement_frames", count_frames)
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "navy depot")
        assert any("Tollby" in t for t in placed)  # the places worked out by this process ...
        assert any("denied" in t for t in framed)  # ... and the frames of the sentences with a stance verb
        computed = {t: real_places(t) for t in placed}
        assert any(computed.values())
        _new_process()
        placed.clear()
        framed.clear()
        again = compare_query(lib, "navy depot")
        # read back from the file with the other features, not worked out again; the same rows
        assert placed == []
        assert framed == []
        assert _plain(again) == _plain(first)
        # ... and what the file gave is what the place reader finds
        refs = [ref for row in again.rows for cell in row.cells.values() for ref in cell]
        for ref in refs:
            unit = profile.profile(ref)
            assert profile.passage_places(unit) == real_places(ref.text, profile.local_entities(ref))


def test_a_new_process_reads_the_parts_of_the_figures_an_earlier_one_found(
    folder: Path, profiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk.compare import statements

    data = folder.parent / "data"
    read: list[str] = []
    real = statements.quantity_of

    def counting(figure: Any, context: Any = None, claimant: str = "") -> Any:
        read.append(figure.text)
        return real(figure, context, claimant)

    monkeypatch.setattr(statements, "quantity_of", counting)
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        assert "412" in read  # the passengers' figure read by this process
        _new_process()
        statements.clear_parts()
        read.clear()
        again = compare_query(lib, "ferry passengers")
        assert read == []  # read back from the file with the passages' features
        assert _plain(again) == _plain(first)
        # a passage whose figure changed is read again (its key is another)
        (folder / "b.md").write_text((folder / "b.md").read_text(encoding="utf-8").replace("412", "455"),
                                     encoding="utf-8")
        lib.update(extract=True)
        _new_process()
        statements.clear_parts()
        compare_query(lib, "ferry passengers")
    assert "455" in read
    assert "412" not in read


def test_a_passage_compared_before_its_extraction_ended_is_read_again_after_it() -> None:
    # the same passage, first without the entities its article's extraction adds (no claims either way):
    # its places must come from the entities once they are in, not from the first reading kept in memory
    from desk.compare.places import places_in

    text = "Dunmorrow mourned its fishermen after the storm passed."
    bare = make_ref(text, "Harbour Daily", article="entities-later")
    first = profile.passage_places(profile.profile(bare))
    at = text.index("Dunmorrow")
    later = make_ref(text, "Harbour Daily", article="entities-later")
    later.entities = [Entity(at, at + len("Dunmorrow"), "Dunmorrow", "GPE")]
    expected = places_in(text, profile.local_entities(later))
    assert expected != first
    assert profile.passage_places(profile.profile(later)) == expected
