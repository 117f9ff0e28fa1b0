"""Untrusted text made safe for a terminal and for JSON.

Titles, outlets, claimant names, passages and file names come from the
articles: any of them can hold terminal control sequences (ESC, OSC 52
clipboard writes, OSC 8 links, CSI screen clears), bidi overrides that
reorder what the reader sees, or bytes that are not UTF-8 (a file name read
with ``surrogateescape``).

- :func:`visible` is the one function every human-readable line of the
  command line passes untrusted text through: each control character is
  shown as a visible escape (``\\x1b``, ``\\x9b``, ``\\u202e``) and a byte
  that was not UTF-8 as ``\\xff``; nothing reaches the terminal that it
  would act on.
- :func:`json_safe` makes data valid UTF-8 JSON whatever the file names: a
  string holding undecodable bytes shows each of them as ``\\xNN`` (the same
  visible escape), and, inside a JSON object, the exact bytes are kept
  beside it under ``<key>_bytes`` as hexadecimal, so nothing is lost.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

#: bidi embedding, override and isolate controls, the Arabic letter mark, LRM/RLM
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: the bidi controls that reorder the text after them (embeddings, overrides, isolates and their
#: ends): in an article's body a widget shows each as one replacement character
#: (:data:`REORDERING_RE`); the marks (LRM, RLM, ALM) only add a strong direction and are kept there
REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: other characters a terminal or editor treats as a line break
LINE_SEPARATORS = frozenset("\u2028\u2029\x85")


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _needs_escape(ch: str, keep: str) -> bool:
    if ch in keep:
        return False
    code = ord(ch)
    return (
        code < 0x20  # C0, ESC included
        or 0x7F <= code <= 0x9F  # DEL and C1 (CSI 0x9b, OSC 0x9d ...)
        or ch in BIDI
        or ch in LINE_SEPARATORS
        or 0xD800 <= code <= 0xDFFF  # lone surrogates: undecodable bytes or broken text
    )


#: the characters :func:`_needs_escape` names, as regular-expression classes (one scan in C instead
#: of a Python call per character); ``tests/robust/test_output_safety.py`` checks that they agree
#: with :func:`_needs_escape` on every code point of the BMP
_REST = r"\x7f-\x9f" + "".join(f"\\u{ord(c):04x}" for c in sorted(BIDI | LINE_SEPARATORS)) + r"\ud800-\udfff"
_UNSAFE = re.compile(rf"[\x00-\x1f{_REST}]")  # every such character
_UNSAFE_TEXT = re.compile(rf"[\x00-\x08\x0b-\x1f{_REST}]")  # all but tab and line break
_UNSAFE_JSON = re.compile(rf"[\x00-\x09\x0b-\x1f{_REST}]")  # all but the line break (JSON's indentation)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: one of :data:`REORDERING`
REORDERING_RE = re.compile("[" + "".join(f"\\u{ord(c):04x}" for c in sorted(REORDERING)) + "]")


#: what a widget showing article text as a body (paragraphs kept) must not show as it is: C0 controls but
#: tab and line break, DEL and C1, line and paragraph separators, and the bidi controls that reorder what
#: follows (:data:`REORDERING`)
BODY_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + REORDERING_RE.pattern[1:-1] + "]")


def body_text(text: str) -> str:
    """Article text (a passage, many lines) as a widget shows it: each character of
    :data:`BODY_UNSAFE_RE` becomes one replacement character (U+FFFD), so an offset into the text is an
    offset into what is shown.  The rich text of a reader or a compare cell is escaped from this
    (``desk.gui.markup.escape_text``), and whatever else of the widget reaches the same text (an item's
    display role, which a screen reader reads and Ctrl+C copies) gives it, so no face of a passage
    reorders what follows it."""
    return BODY_UNSAFE_RE.sub("\ufffd", text)


def _escape_match(m: re.Match[str]) -> str:
    return _escape_char(m.group())


def visible(text: object, *, newlines: bool = False) -> str:
    """``text`` for a terminal: every control character visibly escaped.

    C0 and C1 controls (ESC, CSI, OSC, BEL ...), DEL, bidi controls, line
    separators and lone surrogates become ``\\xNN`` / ``\\uNNNN``; a byte of a
    file name that was not UTF-8 becomes ``\\xNN`` (its value).  With
    ``newlines`` a line break and a tab stay as they are (whole article
    text); otherwise they are escaped too, so one value stays on one line.
    """
    s = text if isinstance(text, str) else str(text)
    if s.isascii() and s.isprintable():  # the common case: nothing to escape, no scan in Python
        return s
    return (_UNSAFE_TEXT if newlines else _UNSAFE).sub(_escape_match, s)


def is_inert(text: str) -> bool:
    """True when :func:`visible` leaves ``text`` as it is: no control, bidi or line-separator
    character in it (a name that can be offered as typed text, in a completion list)."""
    return visible(text) == text


#: the quotation marks a sentence puts around a name the user typed
CURLY = "\u201c\u201d"


def quoted(text: object, limit: int = 60, marks: str = "''") -> str:
    """What the user typed (a query, a piece of one, a name), quoted back in a sentence: between
    ``marks`` (single quotes), on one line, cut to ``limit`` characters, every control character shown
    as its escape.

    The one way a sentence echoes typed text, so that it reads the same on the terminal and in the
    window.  Queries were quoted with their white space collapsed, so a NUL, a line break, a tab or
    ``\x1f`` (which Python counts as white space) came back as a plain space, and a value that was
    all control characters (``figure:>\x00``) looked like no value at all.  Only runs of plain
    spaces are collapsed; the faces' own escaping of the sentence leaves the escapes as they are (a
    backslash is shown as itself).
    """
    s = text if isinstance(text, str) else str(text)
    if "  " in s:
        s = " ".join(part for part in s.split(" ") if part)
    if len(s) > limit:  # cut before escaping: an escape is never cut in two
        s = s[: limit - 1] + "\u2026"
    return f"{marks[0]}{visible(s)}{marks[-1]}"


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds lone surrogates (bytes that were not UTF-8, or broken text)."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def json_text(text: str) -> str:
    """``text`` as valid Unicode: each lone surrogate shown as its visible escape."""
    if text.isascii():
        return text
    return _SURROGATE.sub(_escape_match, text)


def exact_bytes(text: str) -> str:
    """The exact bytes behind ``text`` (a file name read with surrogateescape), as hexadecimal."""
    try:
        return os.fsencode(text).hex()
    except UnicodeError:  # a surrogate that is no escaped byte: UTF-8 with surrogatepass
        return text.encode("utf-8", "surrogatepass").hex()


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _fast_dumps(obj: Any, indent: int | None, finite: bool = False) -> str | None:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)`` through orjson, or None when orjson
    cannot write it the same way (no orjson, an indent other than 2, a surrogate, a NaN or infinite float,
    a key that is not a string, an integer beyond 64 bits): the json module writes it then.

    The json module indents in pure Python (~0.4 s for a 3 MB comparison); orjson in C. Both
    write the same values; only the spelling of some floats may differ (``1e-05`` / ``0.00001``).
    ``finite``: the caller knows no float is NaN or infinite (no scan for one).
    """
    if indent != 2:
        return None  # unindented, the json module's C encoder is fast already
    try:
        import orjson
    except ImportError:  # an install without it: the json module's output is the same data
        return None
    try:
        raw = orjson.dumps(obj, option=orjson.OPT_INDENT_2)
    except (orjson.JSONEncodeError, TypeError):
        return None
    if not finite and b"null" in raw and _has_nonfinite(obj):
        return None  # orjson writes NaN as null; the json module refuses it (allow_nan=False)
    return raw.decode("utf-8")


def _has_nonfinite(obj: Any) -> bool:
    """Whether plain JSON data holds a NaN or infinite float."""
    stack = [obj]
    while stack:
        v = stack.pop()
        if type(v) is float:
            if v != v or v in (float("inf"), float("-inf")):
                return True
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return False


def json_dumps(obj: Any, *, indent: int | None = 2, finite: bool = False) -> str:
    """JSON text for a terminal or a pipe: the same values, every character a terminal acts on escaped.

    ``json.dumps`` already escapes C0 controls; this escapes DEL, C1 controls,
    bidi controls and line separators too (``\\u009b``), which any JSON
    reader turns back into the exact text.  The data is written as
    :func:`json_safe` makes it (that pass runs only when a string holds bytes
    that were not UTF-8: otherwise it changes nothing).
    """
    text = _fast_dumps(obj, indent, finite)
    # orjson refuses a surrogate (a byte that was not UTF-8) and writes UTF-8 only: its text holds none,
    # and the search for one (some 18 ms of a 4 MB comparison) is only needed after the json module
    if text is None:
        text = json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)
        if not text.isascii() and _SURROGATE.search(text):
            # a string holds bytes that were not UTF-8: the values change (and gain ``<key>_bytes``);
            # without one :func:`json_safe` would return the same data, so it is only needed here
            text = json.dumps(json_safe(obj), ensure_ascii=False, indent=indent, allow_nan=False)
    return _UNSAFE_JSON.sub(_json_escape, text)


def json_safe(obj: Any) -> Any:
    """Plain JSON data (dicts, lists, strings, numbers) with every string valid Unicode.

    A string value with undecodable bytes is shown with visible escapes, and
    its exact bytes are added beside it as ``<key>_bytes`` (hexadecimal).
    """
    if isinstance(obj, str):
        return json_text(obj)
    if isinstance(obj, dict):
        out: dict[str, Any] = {}
        for k, v in obj.items():
            key = json_text(k) if isinstance(k, str) else k
            if isinstance(v, str) and has_undecodable(v):
                out[key] = json_text(v)
                if isinstance(key, str):
                    out[f"{key}_bytes"] = exact_bytes(v)
            else:
                out[key] = json_safe(v)
        return out
    if isinstance(obj, list | tuple):
        return [json_safe(v) for v in obj]
    return obj
