"""PDF files with a text layer (pypdf, imported only when a PDF is met)."""

from __future__ import annotations

import io
import logging
import re
import warnings

from .decode import Unreadable
from .meta import Fields

MAX_PAGES = 300


def _pdf_date(value: str) -> str:
    """``D:20250611093000+02'00'`` -> ``2025-06-11``."""
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not m:
        return ""
    return "-".join(g for g in (m.group(1), m.group(2) or "01", m.group(3) or "01"))


def read_pdf(data: bytes) -> tuple[Fields, str]:
    """(metadata from the document info, text of all pages), or raise Unreadable."""
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise Unreadable("not a PDF file (no %PDF header)")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    fields = Fields()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except (NotImplementedError, PdfReadError, ValueError) as exc:
                    raise Unreadable(f"encrypted PDF ({exc})") from None
                if not ok:
                    raise Unreadable("encrypted PDF (needs a password)")
            pages = []
            for i, page in enumerate(reader.pages):
                if i >= MAX_PAGES:
                    fields.notes.append(f"only the first {MAX_PAGES} pages were read")
                    break
                pages.append(page.extract_text() or "")
            info = reader.metadata
        except Unreadable:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
                RecursionError, AssertionError, ZeroDivisionError) as exc:
            raise Unreadable(f"damaged PDF ({type(exc).__name__})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise Unreadable("PDF without a text layer (a scan?)")
    if info:
        try:
            title = info.get("/Title")
            author = info.get("/Author")
            created = info.get("/CreationDate")
        except (ValueError, KeyError, TypeError):
            title = author = created = None
        if isinstance(title, str) and title.strip():
            fields.values["title"] = " ".join(title.split())
        if isinstance(author, str) and author.strip():
            fields.values["author"] = " ".join(author.split())
        if isinstance(created, str) and _pdf_date(created):
            fields.values["date"] = _pdf_date(created)
    title = str(fields.values.get("title", ""))
    first, _, rest = text.partition("\n")
    if title and rest and " ".join(first.split()).casefold() == title.casefold():
        text = f"{first}\n\n{rest}"  # the headline is a paragraph of its own
    return fields, text
