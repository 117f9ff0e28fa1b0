"""Bytes to text: byte-order marks, UTF-8, UTF-16, legacy 8-bit code pages, mojibake.

The order of attempts is chosen for speed on the common case (clean UTF-8,
which is every file of a typical scraped corpus) and for honesty on the rest:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. UTF-16 without a mark is recognised by its pattern of NUL bytes (ASCII text
   in UTF-16 has a NUL in every other byte).
3. Other NUL bytes mean a binary file, unless they are a stray handful in
   otherwise valid text (those are removed and a note says so).
4. Strict UTF-8.  UTF-8 with a few broken bytes is kept as UTF-8 (broken bytes
   become U+FFFD and a note says how many) when it also has valid multi-byte
   sequences; a file with none is a legacy 8-bit file and goes to
   charset-normalizer.
5. Decoded text with many control characters is binary after all.  A few are
   noise and go; a terminal escape sequence goes whole, with its parameters
   and payload, so "ESC ] 0 ; title BEL" leaves no "]0;title" in the text.

Then newlines are normalised to ``\\n`` and mojibake is repaired line by line
(see :func:`repair_mojibake`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field


class Unreadable(Exception):
    """A file desk cannot turn into an article; ``reason`` is for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self) -> tuple[type[Unreadable], tuple[str]]:
        # picklable across worker processes with its reason intact
        return (Unreadable, (self.reason,))


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# ECMA-48 escape sequences as a terminal reads them, so that none leaves its
# parameters behind as words when its ESC goes: a control sequence (ESC [, its
# parameters and final byte); a string (OSC "ESC ]", DCS "ESC P", SOS "ESC X",
# PM "ESC ^", APC "ESC _") with its payload, when a BEL or an ESC-backslash ends
# it on the same line (an unterminated one loses only its ESC and introducer, so
# no article text can vanish); and a two-character escape (ESC and one printable).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[ -~]?"
)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so, else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / len(odd)
    # Latin-script UTF-16: one half nearly all NUL, the other half nearly none.
    if nul_odd > 0.4 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.4 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not valid {encoding.upper()} text (bad bytes at offset {exc.start})") from None


def _utf8_with_repairs(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few broken bytes: (text, number of U+FFFD added), else None."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    # valid multi-byte sequences: characters beyond ASCII that are not replacement marks
    multibyte = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if multibyte >= 1 and broken <= multibyte:
        return text, broken
    return None


def _legacy(data: bytes) -> tuple[str, str]:
    high = sum(1 for b in data if b > 127)
    if high <= max(1, len(data) // 20):
        # Mostly ASCII with a few 8-bit bytes (curly quotes 0x93/0x94, accents):
        # charset-normalizer guesses poorly on so little evidence, and the
        # Windows Western code page is by far the usual source of such files.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise Unreadable("binary file (no text encoding fits)")
    return str(best), best.encoding


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without lone surrogates (each becomes U+FFFD).

    JSON and YAML escapes (``"\\ud800"``) can put them into a string; they
    cannot be encoded as UTF-8, so the store, the index and every writer would
    fail on them.  Costs one encode when the text is clean.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


#: characters that draw nothing and that no reader types: a soft hyphen, a zero-width space, a word
#: joiner and a byte-order mark inside the text.  Web pages carry them ("troops\u200b," in saved news
#: pages, "Zelen\u00adsky" from an &shy;), and left in place they hide a word from search ("Zelensky")
#: and from the parser, which splits words on spaces only.  The zero-width (non-)joiners stay: they
#: shape scripts and emoji.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def shows_anything(text: str) -> bool:
    """Whether ``text`` has a character that draws something: not only white space, controls and
    format characters (zero-width spaces, bidi overrides and isolates).  A title of nothing else
    ("\u202e\u200b" in front matter or a page's <title>) was kept as the title: the article's row in
    the list was blank, as were the reader's heading and its citation."""
    if text.isascii():
        return not text.isspace() and any(c.isprintable() and not c.isspace() for c in text)
    return any(unicodedata.category(c) not in _DRAWS_NOTHING for c in text)


_DRAWS_NOTHING = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def drop_invisible(text: str) -> str:
    """``text`` without the invisible characters above (one scan; ASCII text is returned as it is)."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, or raise :class:`Unreadable`."""
    notes: list[str] = []
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], name)
            encoding = name
            break
    if text is None and b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess:
            text = _decode_strict(data, guess)
            encoding = guess
        else:
            nul = data.count(b"\x00")
            if nul > max(2, len(data) // 1000):
                raise Unreadable("binary file (contains NUL bytes)")
            data = data.replace(b"\x00", b"")
            notes.append(f"removed {nul} NUL byte{'s' if nul != 1 else ''}")
    if text is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            repaired = _utf8_with_repairs(data)
            if repaired is not None:
                text, broken = repaired
                encoding = "utf-8"
                notes.append(f"{broken} invalid UTF-8 byte sequence{'s' if broken != 1 else ''} replaced by \ufffd")
            else:
                text, encoding = _legacy(data)
                notes.append(f"decoded as {encoding}")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _CONTROL.search(text):
        # a few stray controls (a form feed, an escape pasted from a terminal) are
        # noise in a text file; only a sample that is a tenth control characters is binary
        controls = len(_CONTROL.findall(text[:20000]))
        if controls > max(16, len(text[:20000]) // 10):
            raise Unreadable("binary file (mostly control characters)")
        text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    text = normalise_newlines(text)
    text, fixed = repair_mojibake(text)
    if fixed:
        notes.append(f"repaired mojibake on {fixed} line{'s' if fixed != 1 else ''}")
    return Decoded(text=text, encoding=encoding, notes=notes)


def normalise_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r`` and the Unicode line/paragraph separators become ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x85", "\n")
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return text


# --------------------------------------------------------------------------
# Mojibake
#
# UTF-8 text decoded with a single-byte code page turns every non-ASCII
# character into two to four characters: "’" becomes "â€™" (cp1252) or
# "‚Äô" (Mac Roman).  ftfy repairs a line when the whole line can be
# re-encoded, but a line that mixes mojibake with correct curly quotes defeats
# it.  So: a cheap regex finds lines that may hold mojibake, ftfy tries each
# such line, and when ftfy leaves it unchanged we repair the individual
# byte sequences ourselves, only where ftfy's badness heuristic agrees the line
# is bad (so "CAFÉ”" is never touched).


def _byte_classes(codec: str) -> tuple[str, str, str, str]:
    lead2, lead3, lead4, cont = [], [], [], []
    for b in range(0x80, 0x100):
        try:
            ch = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            continue
        if 0x80 <= b <= 0xBF:
            cont.append(ch)
        elif 0xC2 <= b <= 0xDF:
            lead2.append(ch)
        elif 0xE0 <= b <= 0xEF:
            lead3.append(ch)
        elif 0xF0 <= b <= 0xF4:
            lead4.append(ch)

    def cls(chars: list[str]) -> str:
        return "[" + "".join(re.escape(c) for c in chars) + "]"

    return cls(lead2), cls(lead3), cls(lead4), cls(cont)


def _sequence_pattern(codec: str) -> re.Pattern[str]:
    l2, l3, l4, c = _byte_classes(codec)
    return re.compile(f"{l4}{c}{c}{c}|{l3}{c}{c}|{l2}{c}")


_CODECS = ("cp1252", "mac_roman", "latin-1")
_SEQUENCES = {codec: _sequence_pattern(codec) for codec in _CODECS}

def _char_sets(codec: str) -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    l2, l3, l4, c = _byte_classes(codec)

    def chars(cls: str) -> frozenset[str]:
        return frozenset(re.sub(r"\\(.)", r"\1", cls[1:-1]))

    return chars(l2) | chars(l3) | chars(l4), chars(c), re.compile(f"[{l2[1:-1]}{l3[1:-1]}{l4[1:-1]}]{c}")


# per code page: lead characters, continuation characters, a lead+continuation pair
_PREFILTERS = {codec: _char_sets(codec) for codec in _CODECS}


# First characters of the usual mojibake: the lead bytes of UTF-8 punctuation (E2),
# Latin-1 letters (C3), symbols and no-break space (C2), Cyrillic (D0, D1) and emoji (F0)
# read as cp1252 / Latin-1 ("â€", "Ã", "Â", "Ð", "Ñ", "ð") or Mac Roman ("‚Ä", "√", "¬").
_HINTS = ("â", "Ã", "Â", "Ð", "Ñ", "ð", "‚", "√", "¬")


def _may_hold_mojibake(text: str) -> bool:
    """Cheap test: a code page's lead and continuation characters both occur, next to each other."""
    if text.isascii() or not any(h in text for h in _HINTS):
        return False
    chars = set(text)
    for leads, conts, pair in _PREFILTERS.values():
        if not chars.isdisjoint(leads) and not chars.isdisjoint(conts) and pair.search(text):
            return True
    return False


def _fix_sequences(line: str) -> str:
    for codec, pattern in _SEQUENCES.items():

        def fix(m: re.Match[str], codec: str = codec) -> str:
            try:
                fixed = m.group(0).encode(codec).decode("utf-8")
            except UnicodeError:
                return m.group(0)
            # a repaired sequence is one printable character, never a control
            if len(fixed) == 1 and unicodedata.category(fixed)[0] != "C":
                return fixed
            return m.group(0)

        new = pattern.sub(fix, line)
        if new != line:
            return new
    return line


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8-read-as-8-bit sequences; returns (text, lines repaired)."""
    if not _may_hold_mojibake(text):
        return text, 0
    import ftfy
    from ftfy.badness import is_bad

    lines = text.split("\n")
    fixed = 0
    for i, line in enumerate(lines):
        if not _may_hold_mojibake(line) or not is_bad(line):
            continue
        new = ftfy.fix_encoding(line)
        if new == line or is_bad(new):
            new = _fix_sequences(new)
        if new != line:
            lines[i] = new
            fixed += 1
    return "\n".join(lines), fixed
