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
