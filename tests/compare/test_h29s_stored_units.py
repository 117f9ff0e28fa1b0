"""What a cold comparison recomputed each process, kept in the data directory's features file
(desk.compare.stored): each passage's claim sentences (desk.compare.retrieve) and the word differences an
export shows (desk.compare.diff).  Read back, they equal what is recomputed; a changed article is never
served another text's sentences; and the comparison and its JSON stay the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import desk.compare as comp
from desk.compare import compare_query, diff, profile, retrieve, stored
from desk.export.json import to_plain
from desk.library import Library
from desk.textsafe import json_dumps

from .helpers import write_article

# three outlets on one harbour story, several sentences each (written for these tests)
STORY = {
    "a.md": ("North Post", "Harbour master Ilse Varga said the ferry carried 412 passengers across the lake "
             "before the storm closed the harbour on Tuesday. The crew waited at the pier until the wind "
             "dropped after midnight.\n\nThe council will meet on Friday to talk about a second ferry."),
    "b.md": ("Lake Daily", "Ilse Varga told reporters the ferry carried 412 passengers across the lake before the "
             "storm closed the harbour. Fishermen kept their boats tied up at the pier for two days.\n\n"
             "A second ferry would cost the town about 3 million crowns, the council said."),
    "c.md": ("Hill Times", "The storm closed the harbour, and the ferry with 412 passengers waited on the far side "
             "of the lake until dawn, the harbour master said."),
}


def _write(folder: Path) -> None:
    for name, (outlet, body) in STORY.items():
        write_article(folder, name, outlet, body)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    _write(f)
    return f


@pytest.fixture
def splits(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The passages this process splits into sentences itself (not read from memory or the file)."""
    _new_process()
    calls: list[tuple[int, int]] = []
    original = retrieve.sentences

    def counting(text: str, start: int = 0, end: int | None = None, **kw: Any) -> Any:
        calls.append((start, -1 if end is None else end))
        return original(text, start, end, **kw)

    monkeypatch.setattr(retrieve, "sentences", counting)
    monkeypatch.setattr(comp, "RESULTS_KEPT", 0)  # every comparison groups again
    return calls


def _new_process() -> None:
    """What a new process starts with: nothing in memory; the file keeps what the last one wrote."""
    for f in list(stored._FILES.values()):
        f.write_owed()
    retrieve.clear_cache()
    profile.clear_cache()
    comp.clear_described()
    diff._STORED.clear()
    diff._text_diff.cache_clear()
    stored.forget_files()


def _json(c: Any) -> str:
    data = to_plain(c, safe=False)
    data.pop("created")
    return json_dumps(data, finite=True)


def _fresh_json(lib: Library, query: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The comparison's JSON computed with no features file at all and nothing in memory."""
    _new_process()
    with monkeypatch.context() as m:
        m.setattr(stored, "ENABLED", False)
        return _json(compare_query(lib, query))


def test_a_new_process_reads_the_sentences_an_earlier_one_split(
    folder: Path, splits: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        first = _json(compare_query(lib, "ferry passengers"))
        assert splits  # split once
        kept = dict(retrieve._SENTENCES)
        _new_process()
        splits.clear()
        again = _json(compare_query(lib, "ferry passengers"))
        assert splits == []  # every passage's sentences read from the file
        assert dict(retrieve._SENTENCES) == kept  # the very spans the splitter gave
        assert again == first == _fresh_json(lib, "ferry passengers", monkeypatch)


def test_a_changed_article_is_split_again_never_served_its_old_sentences(
    folder: Path, splits: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        # the same passage spans, other sentences: a full stop moved
        outlet, body = STORY["a.md"]
        changed = body.replace("Tuesday. The crew", "Tuesday, the crew").replace("midnight.", "midnight!")
        assert len(changed) == len(body)
        write_article(folder, "a.md", outlet, changed)
        lib.update(extract=True)
        _new_process()
        splits.clear()
        after = _json(compare_query(lib, "ferry passengers"))
        assert splits  # the changed article's passages split again
        assert after == _fresh_json(lib, "ferry passengers", monkeypatch)
        a = next(x for x in lib.articles() if Path(x.relpath).name == "a.md")
        article = lib.article(a.id)
        for p in article.passages:
            want = retrieve._claim_sentences(article, p.start, p.end)
            assert all(article.text[s:e] in changed for s, e in want)
            assert not any(article.text[s:e].endswith("Tuesday.") for s, e in want)


def test_a_damaged_sentences_entry_is_split_again(
    folder: Path, splits: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        first = _json(compare_query(lib, "ferry passengers"))
        _new_process()
        owed = [
            retrieve._sentences_file_key(retrieve._article_digest(article), p.start, p.end)
            for article in (lib.article(a.id) for a in lib.articles()) for p in article.passages
        ]
        features = stored.for_library(lib)
        assert features is not None
        assert len(features.read(owed)) == len(owed)  # each passage's sentences kept
        features.write([(k, "not sentences") for k in owed])  # signed, but not the layout the code writes
        retrieve.clear_cache()
        splits.clear()
        assert _json(compare_query(lib, "ferry passengers")) == first
        assert splits  # split again, not trusted


def test_stored_word_differences_equal_recomputed_ones(folder: Path, splits: list[tuple[int, int]]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        c = compare_query(lib, "ferry passengers")
        assert any(sum(len(v) for v in r.cells.values()) > 1 for r in c.rows)  # a row to diff
        lib.prefetch_word_diffs(c)
        first = _json(c)
        assert diff._OWED == {}
        assert diff._DONE  # worked out for the export, owed to the file
        lib.write_compare_features()
        assert not diff._DONE
        _new_process()
        c2 = compare_query(lib, "ferry passengers")
        lib.prefetch_word_diffs(c2)
        assert diff._OWED == {}  # every pair found in the file
        computed = diff._text_diff.cache_info().misses
        assert _json(c2) == first
        assert diff._text_diff.cache_info().misses == computed  # none worked out again
        # ... and what the file gave is what the code works out
        for row in c2.rows:
            refs = [r for cell in row.cells.values() for r in cell]
            for r in refs[1:]:
                assert diff.word_diff(refs[0], r) == list(diff._text_diff(refs[0].text, r.text, r.start))


def test_the_cli_json_is_the_same_from_a_filled_and_an_empty_file(folder: Path, capsys: pytest.CaptureFixture[str],
                                                                    splits: list[tuple[int, int]]) -> None:
    from desk.cli import main

    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
    outs = []
    for _ in range(3):  # an empty file, then the one the first process filled, then again
        _new_process()
        main(["compare", str(folder), "ferry passengers", "--json", "--data-dir", str(data)])
        out = json.loads(capsys.readouterr().out)
        out.pop("created")
        outs.append(out)
    assert outs[0] == outs[1] == outs[2]
    assert any(r["word_diffs"] for r in outs[0]["rows"])


@pytest.mark.parametrize("text", [
    '{"figures": [{"start": 3, "end": 9, "text": "412", "value": 412.0}], "claims": []}',
    '{"value": 0.1, "neg": -0.0, "big": 1.7976931348623157e308, "name": "Varga \\u2019s"}',
    '{"value": NaN}',  # orjson refuses: the json module reads it
    '{"name": "\\udc80"}',  # a lone surrogate escape (a byte that was not UTF-8)
    '{"count": 123456789012345678901234567890}',  # beyond 64 bits: orjson would give a float
])
def test_stored_extractions_read_the_same_through_either_json_reader(text: str) -> None:
    from desk.library import _json_loads

    got, want = _json_loads(text), json.loads(text)
    assert repr(got) == repr(want)
    assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
