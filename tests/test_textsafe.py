"""The fast paths of desk.textsafe (regular expressions, isascii) agree with the per-character rule."""

from __future__ import annotations

import json

from desk import textsafe


def test_the_regex_classes_name_exactly_the_characters_the_rule_escapes() -> None:
    for code in range(0x10000):
        ch = chr(code)
        assert bool(textsafe._UNSAFE.match(ch)) == textsafe._needs_escape(ch, ""), hex(code)
        assert bool(textsafe._UNSAFE_TEXT.match(ch)) == textsafe._needs_escape(ch, "\n\t"), hex(code)
        assert bool(textsafe._UNSAFE_JSON.match(ch)) == textsafe._needs_escape(ch, "\n"), hex(code)
        assert bool(textsafe._SURROGATE.match(ch)) == (0xD800 <= code <= 0xDFFF), hex(code)
    assert textsafe.visible("\U0001f600 ok") == "\U0001f600 ok"  # outside the BMP: shown as it is


def _slow_visible(s: str, newlines: bool) -> str:
    keep = "\n\t" if newlines else ""
    return "".join(textsafe._escape_char(c) if textsafe._needs_escape(c, keep) else c for c in s)


def test_visible_matches_the_per_character_rule_on_mixed_text() -> None:
    samples = [
        "plain words, nothing to do",
        "tab\there\nline two",
        "screen \x1b[2J cleared \x9b31m red",
        "Kyiv \u202eeulav\u202c and \u2066isolated\u2069 text\u2028next",
        "file-\udcff\udc80.md and caf\u00e9",
        "\x7f\x85 del and next-line",
    ]
    for s in samples:
        for newlines in (False, True):
            assert textsafe.visible(s, newlines=newlines) == _slow_visible(s, newlines)


def test_json_dumps_escapes_terminal_controls_and_keeps_undecodable_bytes() -> None:
    data = {"title": "a\x9bb\u202ec", "path": "bad-\udcff.md", "rows": [{"text": "ok\u2029"}]}
    text = textsafe.json_dumps(data)
    for raw, escaped in (("\x9b", "\\u009b"), ("\u202e", "\\u202e"), ("\u2029", "\\u2029")):
        assert raw not in text
        assert escaped in text
    back = json.loads(text)
    assert back["title"] == "a\x9bb\u202ec"
    assert back["path"] == "bad-\\xff.md"
    assert back["path_bytes"] == "6261642dff2e6d64"
    assert back["rows"][0]["text"] == "ok\u2029"
    text.encode("utf-8")  # valid UTF-8 whatever the names


def test_json_dumps_of_clean_data_is_plain_json() -> None:
    data = {"title": "Grain ships leave Odesa", "n": [1, 2.5, None], "caf\u00e9": "s\u00fcd"}
    assert textsafe.json_dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_json_dumps_through_orjson_writes_what_the_json_module_writes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = {
        "query": "ship \u00e9t\u00e9 \u2014 \u201cquoted\u201d",
        "rows": [{"cells": {"A": [{"text": "line\nbreak\tand \x1b[31m red \u202e", "score": 2.5}]}, "empty": []}],
        "nothing": {},
        "none": None,
        "flags": [True, False],
        "numbers": [0, -3, 1.25, 14000, 2**40],
    }
    fast = textsafe.json_dumps(data)
    assert textsafe._fast_dumps(data, 2) is not None  # orjson wrote it
    monkeypatch.setattr(textsafe, "_fast_dumps", lambda obj, indent, finite=False: None)
    assert fast == textsafe.json_dumps(data)


def test_json_dumps_falls_back_where_orjson_would_write_differently() -> None:
    assert textsafe._fast_dumps({"x": float("nan")}, 2) is None  # orjson writes null; json refuses
    assert textsafe._fast_dumps({1: "a"}, 2) is None  # a key that is not a string
    assert textsafe._fast_dumps([2**70], 2) is None  # beyond 64 bits
    assert textsafe._fast_dumps({"a": 1}, None) is None  # unindented: the json module
    try:
        textsafe.json_dumps({"x": float("inf")})
    except ValueError:
        pass
    else:
        raise AssertionError("an infinite float must still be refused")


def test_print_json_writes_what_to_plain_then_json_dumps_write() -> None:
    import datetime as dt
    import io

    from desk.cli import print_json
    from desk.export.json import to_plain

    data = {
        "path": "notes/r\udcffport.md",  # a file name with a byte that was not UTF-8
        "rows": [{"text": "caf\u00e9 \x1b[2J", "high": float("inf"), "low": float("nan"), "day": dt.date(2021, 5, 4)}],
        ("a1", 3): ["\udce9t\u00e9"],
    }
    out = io.StringIO()
    print_json(data, out)
    assert out.getvalue() == textsafe.json_dumps(to_plain(data)) + "\n"
    written = json.loads(out.getvalue())
    assert written["path_bytes"] == "notes/r\udcffport.md".encode("utf-8", "surrogateescape").hex()
    assert written["rows"][0]["high"] is None
