"""Saved web pages: metadata from the head, main text from trafilatura.

trafilatura only ever gets the page as a string (it fetches nothing), and the
result is plain text: scripts, styles, images and links (``javascript:`` ones
included) never reach the article text.  When trafilatura finds no main text
(a very short page), a plain-text rendering of the body is used instead.

Metadata, first found per field: ``<meta>`` tags (``og:site_name``,
``article:published_time``, ``og:title``, ``author`` ...), the canonical
link, schema.org JSON-LD (headline, datePublished, publisher, author), a
``<time datetime>``, and the ``<title>`` without its " | Outlet" suffix.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from html.parser import HTMLParser

from .meta import Fields

_META_FIELDS: dict[str, str] = {
    # property / name -> our field (first found wins within a field, in this order)
    "og:site_name": "outlet",
    "application-name": "outlet_weak",
    "publisher": "outlet",
    "article:published_time": "date",
    "og:published_time": "date",
    "datepublished": "date",
    "pubdate": "date",
    "publish-date": "date",
    "date": "date",
    "dc.date": "date",
    "dc.date.issued": "date",
    "sailthru.date": "date",
    "parsely-pub-date": "date",
    "og:title": "title",
    "twitter:title": "title",
    "dc.title": "title",
    "og:url": "url",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
}

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "iframe", "button"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "article", "section", "tr", "pre", "header"}
)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.title_parts: list[str] = []
        self.in_title = False
        self.skip_depth = 0
        self.text_parts: list[str] = []
        self.time_datetime = ""
        self.in_ld = False
        self.ld_parts: list[str] = []
        self.ld_blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            content = a.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip()
        elif tag == "title":
            self.in_title = True
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self.in_ld = True
        elif tag == "time" and a.get("datetime") and not self.time_datetime:
            self.time_datetime = a["datetime"].strip()
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.text_parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script" and self.in_ld:
            self.in_ld = False
            self.ld_blocks.append("".join(self.ld_parts))
            self.ld_parts = []
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK_TAGS:
            self.text_parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_ld:
            if sum(len(p) for p in self.ld_parts) + sum(len(b) for b in self.ld_blocks) < _LD_MAX:
                self.ld_parts.append(data)
        elif self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth:
            self.text_parts.append(data)


_LD_MAX = 200_000
_LD_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage", "analysisnewsarticle")


def _ld_name(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else ""
    if isinstance(value, list):
        names = [_ld_name(v) for v in value[:5]]
        return ", ".join(n for n in names if n)
    return ""


def _json_ld(raw: str) -> dict[str, str]:
    """headline, date, publisher and author from a page's schema.org JSON-LD, if any."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    items: list[object] = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    for item in items[:50]:
        if not isinstance(item, dict):
            continue
        kind = item.get("@type")
        kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        if not any(k in _LD_TYPES for k in kinds):
            continue
        out = {
            "title": item.get("headline"),
            "date": item.get("datePublished"),
            "outlet": _ld_name(item.get("publisher")),
            "author": _ld_name(item.get("author")),
        }
        return {k: " ".join(v.split())[:300] for k, v in out.items() if isinstance(v, str) and v.strip()}
    return {}


def _clean_title(title: str, outlet: str) -> str:
    title = " ".join(title.split())
    if outlet:
        # "Headline | Outlet", "Headline - Outlet"
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            suffix = sep + outlet
            if title.lower().endswith(suffix.lower()):
                return title[: -len(suffix)].strip()
    return title


def _plain_text(parts: list[str]) -> str:
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


#: a document type with an internal subset (``<!DOCTYPE html [ <!ENTITY x "..."> ]>``): html.parser ends
#: the declaration at its first ">", and the rest ("]>") became the page's first line and title.  The
#: subset only declares entities (which neither parser should expand), so it goes whole, before both.
#: It is looked for in the page's head only (a hostile page of many unclosed subsets costs one bounded scan).
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE\b[^\[>]*\[[^\]]*\]\s*>", re.IGNORECASE)


def read_html(page: str) -> tuple[Fields, str]:
    """(metadata, main text) of a saved page; text paragraphs separated by blank lines."""
    subset = _DOCTYPE_SUBSET.search(page, 0, 65536)
    if subset:
        page = page[: subset.start()] + page[subset.end() :]
    parser = _PageParser()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    fields = Fields()
    values = fields.values
    for key, name in _META_FIELDS.items():
        v = parser.meta.get(key)
        if v and name not in values:
            values[name] = html.unescape(v)
    for block in parser.ld_blocks[:10]:
        for key, value in _json_ld(block).items():
            values.setdefault(key, value)
    weak = values.pop("outlet_weak", None)
    if "outlet" not in values and weak:
        values["outlet"] = weak
    if parser.canonical:
        values["url"] = parser.canonical
    if "date" not in values and parser.time_datetime:
        values["date"] = parser.time_datetime
    page_title = " ".join("".join(parser.title_parts).split())
    if page_title and "title" not in values:
        values["title"] = page_title
    if "title" in values:
        values["title"] = _clean_title(str(values["title"]), str(values.get("outlet", "")))

    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            extracted = trafilatura.extract(
                page,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                with_metadata=False,
                deduplicate=False,
            )
        except Exception:  # noqa: BLE001 - a third-party parser on untrusted input
            extracted = None
            fields.notes.append("main-text extraction failed: the whole page text is shown")
    if extracted and extracted.strip():
        # trafilatura puts one paragraph per line
        text = "\n\n".join(ln.strip() for ln in extracted.split("\n") if ln.strip())
    else:
        text = _plain_text(parser.text_parts)
    title = str(values.get("title", ""))
    if title and text and _key(text.split("\n", 1)[0]) != _key(title):
        # the reader shows the headline on top, as in a text file
        text = f"{title}\n\n{text}"
    return fields, text


def _key(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())
