"""A cold ``desk compare`` process: the stored extractions' JSON read faster, with the same values; the
collector out of the way of start-up's bounded steps."""

from __future__ import annotations

import argparse
import gc
import json
from pathlib import Path
from typing import Any

import pytest

from desk.lazy import collector_held_off
from desk.library import _json_loads, _long_digits


@pytest.mark.parametrize(("text", "long"), [
    ('{"value": 1234567890123456789}', True),  # 19 digits: may be beyond 64 bits
    ('{"value": 123456789012345678}', False),  # 18 digits: never
    ('{"value": 12345678901234567890123}', True),
    ('{"value": 3.1234567890123456789}', True),  # a long fraction is a run as well (read by json: same value)
    ('{"text": "call 4412345678901234567 now"}', True),  # inside a string too: the slower reader, same value
    ('{"a": 123456789, "b": 1234567890}', False),  # two short runs never add up
    ('{"text": "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666'
     '\u0667\u0668\u0669"}', False),  # Arabic-Indic digits: never a JSON number
    ('{"text": "caf\u00e9 \u00a31,000,000,000,000"}', False),  # commas break the run
    ("", False),
])
def test_a_run_of_nineteen_ascii_digits_is_what_sends_the_text_to_the_json_module(text: str, long: bool) -> None:
    assert _long_digits(text) is long


@pytest.mark.parametrize("text", [
    '{"count": 18446744073709551616}',  # 2**64: orjson gives a float
    '{"count": -9223372036854775809}',  # below -2**63
    '{"name": "\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663'
     '\u0663\u0663\u0663", "n": 7}',
    '{"claims": [{"value": 2500.0, "text": "2,500 tonnes"}], "note": "\u201cquoted\u201d"}',
])
def test_stored_extractions_read_the_same_values_as_the_json_module(text: str) -> None:
    got, want = _json_loads(text), json.loads(text)
    assert repr(got) == repr(want)
    assert [type(v) for v in got.values()] == [type(v) for v in want.values()]


# -- the collector during start-up (desk.lazy.collector_held_off)


@pytest.fixture
def collector_on() -> Any:
    """The collector on and nothing frozen, before and after the test."""
    was = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if not was:
        gc.disable()


def test_the_collector_is_off_in_the_body_and_on_again_after(collector_on: Any) -> None:
    with collector_held_off():
        assert not gc.isenabled()
        with collector_held_off():  # nested: the inner end leaves it off
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_that_was_off_stays_off(collector_on: Any) -> None:
    gc.disable()
    with collector_held_off():
        pass
    assert not gc.isenabled()


def test_set_aside_moves_what_the_body_kept_out_of_the_collector_s_generations(collector_on: Any) -> None:
    with collector_held_off(set_aside=True):
        kept = [{"lock": n} for n in range(500)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    assert not any(o is kept for o in gc.get_objects())  # frozen: in no generation


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, outlet, body in (
        ("a.md", "Quay Herald", "Harbour master Ines Loy said 14 ferries stayed in port on Monday."),
        ("b.md", "Pier Gazette", "Fourteen ferries stayed in port, harbour master Ines Loy said."),
    ):
        (folder / name).write_text(f'---\ntitle: "Ferries held"\nsite: "{outlet}"\npublished: "2024-05-06"\n---\n\n'
                                   f"{body}\n", encoding="utf-8")
    return folder


def test_the_change_check_plans_with_the_collector_off_and_reads_with_it_on(
    tmp_path: Path, collector_on: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desk.index.build as build
    from desk.library import Library

    seen: dict[str, list[bool]] = {"plan": [], "read": []}
    plan_run, rest = build.plan_run, build.Indexer._text_pass_rest

    def planning(*a: Any, **k: Any) -> Any:
        seen["plan"].append(gc.isenabled())
        return plan_run(*a, **k)

    def reading(self: Any, *a: Any, **k: Any) -> Any:
        seen["read"].append(gc.isenabled())
        return rest(self, *a, **k)

    monkeypatch.setattr(build, "plan_run", planning)
    monkeypatch.setattr(build.Indexer, "_text_pass_rest", reading)
    with Library(_articles(tmp_path), data_dir=tmp_path / "data") as lib:
        report = lib.update(extract=False)
        assert report.added == 2
        lib.update(extract=False)  # unchanged: the check alone
    assert seen == {"plan": [False, False], "read": [True, True]}
    assert gc.isenabled()


def test_a_command_opens_its_library_out_of_the_collector_s_way(tmp_path: Path, collector_on: Any) -> None:
    from desk import cli

    args = argparse.Namespace(folder=str(_articles(tmp_path)), data_dir=str(tmp_path / "data"))
    before = gc.get_freeze_count()
    with cli.open_library(args) as lib:
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
        assert not any(o is lib for o in gc.get_objects())  # frozen: in no generation
