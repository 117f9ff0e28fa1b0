"""PDF files with a text layer (pypdf, imported only when a PDF is met)."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import select
import signal
import sys
import time
import warnings
from typing import Any

from .decode import Unreadable
from .meta import Fields

MAX_PAGES = 300
#: one PDF may take this many seconds (wall clock and CPU) and this much more memory to read
PDF_SECONDS = 30.0
PDF_MEGABYTES = 768


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
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    fields = Fields()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pages, info = _pages_and_info(data, fields)
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise Unreadable("PDF without a text layer (a scan?)")
    if info:
        _info_fields(info, fields)
    title = str(fields.values.get("title", ""))
    first, _, rest = text.partition("\n")
    if title and rest and " ".join(first.split()).casefold() == title.casefold():
        text = f"{first}\n\n{rest}"  # the headline is a paragraph of its own
    return fields, text


def _pages_and_info(data: bytes, fields: Fields) -> tuple[list[str], object]:
    """The text of each page (at most :data:`MAX_PAGES`) and the document info; pypdf's failures
    become an :class:`Unreadable` with a reason a user can act on."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader)
        pages = []
        for i, page in enumerate(reader.pages):
            if i >= MAX_PAGES:
                fields.notes.append(f"only the first {MAX_PAGES} of its {len(reader.pages):,} pages were read: "
                                    "the rest is not searchable")
                break
            pages.append(page.extract_text() or "")
        return pages, reader.metadata
    except Unreadable:
        raise
    except DependencyError:  # the only optional dependency pypdf asks for while reading: AES
        raise Unreadable(_AES) from None
    except LimitReachedError as exc:
        if "decompress" in str(exc).lower():
            raise Unreadable(
                "PDF not read: a compressed part of it unpacks to far more data than desk reads "
                "(a decompression bomb?)"
            ) from None
        raise Unreadable(
            "PDF not read: it is built in a way the PDF reader refuses for safety "
            "(a loop, or a part far larger than a document needs)"
        ) from None
    except MemoryError:
        raise Unreadable(_too_big(PDF_MEGABYTES)) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise Unreadable(f"damaged PDF ({type(exc).__name__})") from None


#: pypdf decrypts AES only with a cryptography package desk does not ship: the file is fine, this desk cannot open it
_AES = "encrypted PDF (AES encryption, which desk cannot decrypt; save it again without encryption)"


def _decrypt(reader: Any) -> None:
    """Open a PDF encrypted with the empty password, or raise Unreadable."""
    from pypdf.errors import DependencyError, PdfReadError

    try:
        ok = reader.decrypt("")
    except DependencyError:
        raise Unreadable(_AES) from None
    except (NotImplementedError, PdfReadError, ValueError) as exc:
        raise Unreadable(f"encrypted PDF ({exc})") from None
    if not ok:
        raise Unreadable("encrypted PDF (needs a password)")


def _info_fields(info: Any, fields: Fields) -> None:
    """Title, author and date from the document info, where they are usable strings."""
    try:
        title = info.get("/Title")
        author = info.get("/Author")
        created = info.get("/CreationDate")
    except (ValueError, KeyError, TypeError):
        return
    if isinstance(title, str) and title.strip():
        fields.values["title"] = " ".join(title.split())
    if isinstance(author, str) and author.strip():
        fields.values["author"] = " ".join(author.split())
    if isinstance(created, str) and _pdf_date(created):
        fields.values["date"] = _pdf_date(created)


def _too_big(megabytes: int) -> str:
    return f"PDF not read: it needs more than {megabytes} MB of memory to read"


def _too_slow(seconds: float) -> str:
    return f"PDF not read: reading it took longer than {seconds:.0f} seconds (stopped)"


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def read_pdf_bounded(
    data: bytes, seconds: float | None = None, megabytes: int | None = None
) -> tuple[Fields, str]:
    """:func:`read_pdf` in a forked child with a time and memory budget, or raise Unreadable.

    A small PDF can hold pypdf for minutes and hundreds of megabytes (pages
    that share one heavy content stream, say).  The child gets an address-space
    and a CPU limit and is killed at the deadline, so one file costs at most
    ``seconds``; the parent gets the text as JSON (nothing is unpickled).
    Where there is no fork, the PDF is read in this process.
    """
    seconds = PDF_SECONDS if seconds is None else seconds
    megabytes = PDF_MEGABYTES if megabytes is None else megabytes
    if not hasattr(os, "fork") or sys.platform == "win32":
        return read_pdf(data)
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, answer, leave without running the parent's clean-up
        code = 0
        try:
            os.close(rfd)
            _child_limits(seconds, megabytes)
            _write_all(wfd, _child_answer(data, megabytes))
        except BaseException:  # noqa: BLE001 - the child must never return into the parent's code
            code = 1
        finally:
            os._exit(code)
    os.close(wfd)
    payload, timed_out, status = _wait_for_child(pid, rfd, seconds)
    if timed_out:
        raise Unreadable(_too_slow(seconds))
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig in (signal.SIGXCPU, signal.SIGKILL):
            raise Unreadable(_too_slow(seconds))
        raise Unreadable(f"PDF not read: the reader stopped on it (signal {sig})")
    try:
        answer = json.loads(payload.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        raise Unreadable(
            _too_big(megabytes) if os.WEXITSTATUS(status) else "PDF not read: the reader gave no answer"
        ) from None
    if "error" in answer:
        raise Unreadable(str(answer["error"]))
    return Fields(values=dict(answer["values"]), notes=list(answer["notes"])), str(answer["text"])


def _child_limits(seconds: float, megabytes: int) -> None:
    """The reading child's budget: its address space and CPU time."""
    import resource

    limit = _vm_bytes() + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _child_answer(data: bytes, megabytes: int) -> bytes:
    """What the child sends back: the fields and text, or the reason it could not read, as JSON."""
    answer: dict[str, Any]
    try:
        fields, text = read_pdf(data)
        answer = {"values": fields.values, "notes": fields.notes, "text": text}
    except Unreadable as exc:
        answer = {"error": exc.reason}
        if exc.reason == _too_big(PDF_MEGABYTES):
            answer = {"error": _too_big(megabytes)}
    except MemoryError:
        answer = {"error": _too_big(megabytes)}
    except Exception as exc:  # noqa: BLE001 - reported to the parent as the reason
        answer = {"error": f"PDF not read: desk failed on it ({type(exc).__name__})"}
    return json.dumps(answer, ensure_ascii=True, default=str).encode("ascii")


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def _wait_for_child(pid: int, rfd: int, seconds: float) -> tuple[bytes, bool, int]:
    """(what the child wrote, whether it ran out of time and was killed, its wait status)."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([rfd], [], [], min(left, 1.0))
            if ready:
                block = os.read(rfd, 1 << 20)
                if not block:
                    break
                chunks.append(block)
    finally:
        os.close(rfd)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    return b"".join(chunks), timed_out, status
