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
from typing import Any

#: bidi embedding, override and isolate controls, the Arabic letter mark, LRM/RLM
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
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


def visible(text: object, *, newlines: bool = False) -> str:
    """``text`` for a terminal: every control character visibly escaped.

    C0 and C1 controls (ESC, CSI, OSC, BEL ...), DEL, bidi controls, line
    separators and lone surrogates become ``\\xNN`` / ``\\uNNNN``; a byte of a
    file name that was not UTF-8 becomes ``\\xNN`` (its value).  With
    ``newlines`` a line break and a tab stay as they are (whole article
    text); otherwise they are escaped too, so one value stays on one line.
    """
    s = text if isinstance(text, str) else str(text)
    keep = "\n\t" if newlines else ""
    if not any(_needs_escape(ch, keep) for ch in s):
        return s
    return "".join(_escape_char(ch) if _needs_escape(ch, keep) else ch for ch in s)


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds lone surrogates (bytes that were not UTF-8, or broken text)."""
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def json_text(text: str) -> str:
    """``text`` as valid Unicode: each lone surrogate shown as its visible escape."""
    if not has_undecodable(text):
        return text
    return "".join(_escape_char(ch) if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def exact_bytes(text: str) -> str:
    """The exact bytes behind ``text`` (a file name read with surrogateescape), as hexadecimal."""
    try:
        return os.fsencode(text).hex()
    except UnicodeError:  # a surrogate that is no escaped byte: UTF-8 with surrogatepass
        return text.encode("utf-8", "surrogatepass").hex()


def json_dumps(obj: Any, *, indent: int | None = 2) -> str:
    """JSON text for a terminal or a pipe: the same values, every character a terminal acts on escaped.

    ``json.dumps`` already escapes C0 controls; this escapes DEL, C1 controls,
    bidi controls and line separators too (``\\u009b``), which any JSON
    reader turns back into the exact text.  The data goes through
    :func:`json_safe` first.
    """
    text = json.dumps(json_safe(obj), ensure_ascii=False, indent=indent, allow_nan=False)
    if not any(_needs_escape(ch, "") for ch in text):
        return text
    return "".join(f"\\u{ord(ch):04x}" if _needs_escape(ch, "\n") else ch for ch in text)


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
            out[key] = json_safe(v)
            if isinstance(v, str) and has_undecodable(v) and isinstance(key, str):
                out[f"{key}_bytes"] = exact_bytes(v)
        return out
    if isinstance(obj, list | tuple):
        return [json_safe(v) for v in obj]
    return obj
