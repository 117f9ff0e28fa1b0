"""A cold ``desk compare`` process: the stored extractions' JSON read as fast, with the same values."""

from __future__ import annotations

import json

import pytest

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
