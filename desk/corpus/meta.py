"""Metadata blocks inside a file: YAML front matter and an e-mail-style header block.

Both return a :class:`Fields` (plain strings, keys normalised to title,
outlet, date, url, author) and the offset where the body starts.  Neither
ever raises for bad input: a broken block is ignored and explained in a note.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field

from .decode import clean_text

#: our field -> the keys that may carry it, first found wins
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("site", "outlet", "publisher", "site_name", "sitename", "source_name", "publication", "newspaper"),
    "date": ("published", "date", "published_at", "publish_date", "pubdate", "created", "datetime"),
    "url": ("url", "source", "link", "canonical", "source_url", "permalink"),
    "author": ("author", "authors", "byline", "by", "creator"),
}

FRONT_MATTER_MAX = 64 * 1024
MAX_ALIASES = 20


@dataclass(slots=True)
class Fields:
    values: dict[str, object] = field(default_factory=dict)  # title/outlet/url/author: str; date: str|date
    notes: list[str] = field(default_factory=list)


def looks_like_url(value: str) -> bool:
    return bool(re.match(r"^(?:https?://|www\.)\S+$", value.strip(), re.IGNORECASE))


#: the longest title, outlet, address or author kept (a longer one is cut, and the cut reported)
VALUE_MAX = 500


def _scalar(value: object) -> object | None:
    """A usable scalar value (never a container: a YAML bomb is never expanded)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        value = clean_text(" ".join(value.split()))
        return value[:VALUE_MAX] if value else None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value[:10]):
        # authors: [a, b]
        return clean_text(", ".join(" ".join(v.split()) for v in value[:10])[:500])
    if hasattr(value, "year"):
        return value  # date / datetime from YAML
    if isinstance(value, int | float):
        return value
    return None


def _kind(value: object) -> str:
    """What a container value is, named by its kind only (printing it could expand a YAML bomb)."""
    return "a mapping" if isinstance(value, dict) else "a list"


def pick(mapping: dict[str, object], source: str = "") -> Fields:
    """Our fields from a mapping of arbitrary keys (front matter, manifest row).

    With ``source`` ("front matter"), a value desk cannot use as it stands (a mapping or a list as
    the title, a title cut to :data:`VALUE_MAX` characters) is reported in a note starting with it,
    so the Problems list names it: a field is never dropped or changed without a word.
    """
    lowered = {str(k).strip().lower(): v for k, v in mapping.items()}
    out = Fields()
    for name, keys in KEYS.items():
        unusable = None
        for key in keys:
            if key in lowered:
                raw = lowered[key]
                if source and name != "date":
                    if isinstance(raw, dict) or (isinstance(raw, list) and (
                            name != "author" or not all(isinstance(v, str) for v in raw))):
                        # authors: [a, b] is a list of names; a list as the title is not text
                        out.notes.append(f'{source}: "{key}" is {_kind(raw)}, not text: not used')
                        continue
                    if isinstance(raw, str) and len(" ".join(raw.split())) > VALUE_MAX:
                        out.notes.append(f'{source}: "{key}" is longer than {VALUE_MAX} characters: cut to {VALUE_MAX}')
                v = _scalar(raw)
                if v is None and source and name != "date" and not isinstance(raw, str | None):
                    out.notes.append(f'{source}: "{key}" is not text: not used')  # !!binary, !!set ...
                    continue
                if v is None:
                    if name == "date" and isinstance(lowered[key], list | dict):
                        # named by its kind only: printing it could expand a YAML bomb
                        unusable = unusable or ("(a list)" if isinstance(lowered[key], list) else "(a mapping)")
                    continue
                if name == "url" and key == "source" and isinstance(v, str) and not looks_like_url(v):
                    # "source: Reuters" names the outlet, not the address
                    out.values.setdefault("outlet_from_source", v)
                    continue
                out.values[name] = v
                break
        else:
            if unusable is not None:
                out.values[name] = unusable  # no date: the reader reports this one as unreadable
    if "outlet" not in out.values and "outlet_from_source" in out.values:
        out.values["outlet"] = out.values["outlet_from_source"]
    out.values.pop("outlet_from_source", None)
    return out


_FM_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][\w-]")

@functools.cache
def _loaders() -> tuple[type, type]:
    """The safe YAML loader and one that leaves dates as strings (``date: 2022-02-29`` must not cost the
    other fields); made on first use: importing PyYAML costs ~40 ms that a read command without front
    matter to parse (``desk compare``) need not pay."""
    import yaml

    try:
        loader: type = yaml.CSafeLoader
    except AttributeError:  # PyYAML built without libyaml
        loader = yaml.SafeLoader

    class _PlainDates(loader):  # type: ignore[misc,valid-type]
        """The safe loader, with dates left as strings."""

    _PlainDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return loader, _PlainDates


_SIMPLE_LINE = re.compile(r'^([A-Za-z_][\w-]*):[ \t]*("(?:[^"\\]|\\.)*")[ \t]*$')


def _simple_block(block: str) -> tuple[dict[str, object], list[str]] | None:
    """The common case, every line ``key: "string"``, without the YAML machinery
    (JSON string syntax is the same for these), with the keys given more than once;
    None when the block is anything else."""
    out: dict[str, object] = {}
    twice: list[str] = []
    for line in block.split("\n"):
        if not line.strip():
            continue
        m = _SIMPLE_LINE.match(line)
        if not m:
            return None
        try:
            if m.group(1) in out:
                twice.append(m.group(1))
            out[m.group(1)] = json.loads(m.group(2))
        except ValueError:
            return None
    return out, twice


#: every key a field may come from
_READ_KEYS = frozenset(k for keys in KEYS.values() for k in keys)
#: the fields that are text; a YAML number or boolean there is kept as written ("title: 1e3", "outlet: yes")
_TEXT_KEYS = frozenset(k for name, keys in KEYS.items() if name != "date" for k in keys)
_NOT_TEXT_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float"))


def _twice_notes(keys: list[str]) -> list[str]:
    """A note for each key desk reads that the block gives more than once (YAML keeps the last)."""
    seen: list[str] = []
    for key in keys:
        key = key.strip().lower()
        if key in _READ_KEYS and key not in seen:
            seen.append(key)
    return [f'front matter: "{key}" is given more than once: the last one is used' for key in seen]


def _load_block(block: str, loader_type: type) -> tuple[object, list[str]]:
    """The block's data and the keys desk reads that it gives more than once.

    Composed first, then constructed: the top level's key nodes show duplicates (which YAML's
    constructor would silently resolve to the last), and a text field written as a YAML number or
    boolean keeps the text it was written as (``title: 1e3`` is "1e3", not "1000.0"; ``outlet: no``
    is "no", not dropped as false).  Composing expands no alias (the nodes are shared).
    """
    import yaml

    loader = loader_type(block)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        keys: list[str] = []
        as_written: dict[str, str] = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    keys.append(key_node.value)
                    if (isinstance(value_node, yaml.ScalarNode) and value_node.tag in _NOT_TEXT_TAGS
                            and key_node.value.strip().lower() in _TEXT_KEYS):
                        as_written[key_node.value] = value_node.value
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    twice = [k for i, k in enumerate(keys) if k in keys[:i]]
    if isinstance(data, dict):
        for key, text in as_written.items():
            if key in data:
                data[key] = text
    return data, twice


def front_matter(text: str) -> tuple[Fields, int]:
    """Fields of a leading ``---`` YAML block and the offset of the body after it."""
    m = _FM_OPEN.match(text)
    if not m:
        return Fields(), 0
    close = _FM_CLOSE.search(text, m.end(), m.end() + FRONT_MATTER_MAX)
    if not close:
        if _FM_CLOSE.search(text, m.end() + FRONT_MATTER_MAX):  # closed, but past the limit: say so
            return Fields(notes=[f"front matter not closed within {FRONT_MATTER_MAX // 1024} KB (too long): read as text"]), 0
        return Fields(notes=["front matter not closed: read as text"]), 0
    block = text[m.end() : close.start()]
    body_start = close.end()
    quick = _simple_block(block)
    if quick is not None:
        fields = pick(quick[0], "front matter")
        fields.notes[:0] = _twice_notes(quick[1])
        return fields, body_start
    if len(_ALIAS.findall(block)) > MAX_ALIASES:
        return Fields(notes=["front matter ignored: too many YAML aliases"]), body_start
    notes: list[str] = []
    import yaml

    safe_loader, plain_dates = _loaders()
    try:
        try:
            data, twice = _load_block(block, safe_loader)
        except (ValueError, OverflowError):
            # an invalid date (2022-02-29) fails the timestamp constructor: read the block
            # again with dates as text, so the other fields stay and the date is reported
            data, twice = _load_block(block, plain_dates)
            notes.append("a date field of the front matter is not a valid date")
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        return Fields(notes=[f"front matter ignored: invalid YAML{line}"]), body_start
    except (RecursionError, MemoryError, ValueError, OverflowError):
        return Fields(notes=["front matter ignored: unreadable YAML"]), body_start
    if data is None:
        return Fields(), body_start
    if not isinstance(data, dict):
        return Fields(notes=["front matter ignored: not a list of fields"]), body_start
    fields = pick(data, "front matter")
    fields.notes[:0] = _twice_notes(twice)
    fields.notes.extend(notes)
    return fields, body_start


_HEADER_LINE = re.compile(
    r"^(title|headline|outlet|publisher|publication|site|source|date|published|url|link|author|by)\s*:\s*(\S.*?)\s*$",
    re.IGNORECASE,
)
_HEADER_MAP = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "source": "source",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "author": "author",
    "by": "author",
}


def header_block(text: str, start: int = 0) -> tuple[Fields, int]:
    """An e-mail-style block of ``Key: value`` lines at ``start``, ended by a blank line.

    Needs at least two recognised lines, so a body that happens to begin with
    "Date: ..." is not eaten.  Lines with keys desk does not read
    (``Source-Repo: ...``, ``Extra: ...``) belong to the block too, and a
    separator line (``----``) that ends it, or follows it, is not body text.
    Unknown-key lines that the block does not end cleanly after (by a blank
    or separator line) are given back to the body.
    """
    pos = start
    found: dict[str, str] = {}
    given: dict[str, str] = {}  # each key's first value, by the key as written ("Source" and "Outlet" differ)
    twice: dict[str, str] = {}  # a key given again with another value: the first is used, and said so
    count = 0
    last_known = start  # just after the last recognised line
    clean_end = False
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        nxt = end + 1 if nl >= 0 else end
        if not line.strip() or (count and _SEPARATOR.match(line)):
            if count:
                pos = nxt
                clean_end = True
            break
        m = _HEADER_LINE.match(line.strip())
        if not m or len(line) > 500:
            if count and _OTHER_HEADER.match(line) and len(line) <= 200:
                pos = nxt  # a key desk does not read: part of the block, value ignored
                continue
            if count < 2:
                return Fields(), start
            break
        key = _HEADER_MAP[m.group(1).lower()]
        value = m.group(2)
        if key == "source":
            key = "url" if looks_like_url(value) else "outlet"
        said = m.group(1).lower()
        if said in given and given[said] != value:
            twice.setdefault(said, m.group(1))
        given.setdefault(said, value)
        found.setdefault(key, value)
        count += 1
        pos = nxt
        last_known = pos
    if count < 2:
        return Fields(), start
    if not clean_end and pos >= len(text):
        clean_end = True
    if not clean_end:
        pos = last_known
    else:
        pos = _skip_separator(text, pos)
    notes = [f'header block: "{name}" is given more than once: the first one is used' for name in twice.values()]
    return Fields(values=dict(found), notes=notes), pos


_SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,})\s*$")
_OTHER_HEADER = re.compile(r"^[A-Z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*\s*:\s*\S")


def _skip_separator(text: str, pos: int) -> int:
    """Past blank lines and one separator line (``----``) after a header block."""
    p = pos
    while p < len(text):
        nl = text.find("\n", p)
        end = len(text) if nl < 0 else nl
        line = text[p:end]
        nxt = end + 1 if nl >= 0 else end
        if not line.strip():
            p = nxt
            continue
        if _SEPARATOR.match(line):
            return nxt
        break
    return pos
