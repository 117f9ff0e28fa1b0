"""Whoosh's segment files read in place from their memory map, not copied at opening.

Whoosh opens each file of a compound segment (``.seg``) as a ``BufferFile`` over a slice of the
segment's memory map, and ``BufferFile`` copies that slice into a ``BytesIO`` at once.  For the
postings (``.pst``, 28-29 MB per segment on ukraine-media) and the terms (``.trm``, 5 MB) that is
50 CPU-ms and 60 MB of private memory in every process that opens the library (a one-question
``desk compare`` among them), though a search reads a few thousand small pieces of them.

:class:`InPlaceBufferFile` is ``BufferFile`` with a :class:`BufferReader` in place of the copy: the
same reads, seeks and positions, served from the map itself (each read copies only what it
returns).  :func:`install` makes Whoosh's compound storage open its files with it.
"""

from __future__ import annotations

from typing import Any

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class BufferReader:
    """A read-only binary file over a buffer, as ``io.BytesIO(buffer)`` reads it, without the copy.

    ``read``, ``readline``, ``seek`` and ``tell`` behave as ``BytesIO``'s (a read at or past the end
    gives ``b""``; a seek may go past the end, never before the start).  Nothing may be written.
    """

    __slots__ = ("_buf", "_pos", "_size", "closed")

    def __init__(self, buf: Any) -> None:
        self._buf = memoryview(buf).cast("B") if not isinstance(buf, memoryview) or buf.format != "B" else buf
        self._pos = 0
        self._size = len(self._buf)
        self.closed = False

    def read(self, size: int | None = -1) -> bytes:
        pos = self._pos
        end = self._size if size is None or size < 0 else min(self._size, pos + size)
        if end <= pos:
            return b""
        self._pos = end
        return self._buf[pos:end].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        pos = self._pos
        end = self._size if size is None or size < 0 else min(self._size, pos + size)
        if end <= pos:
            return b""
        step = 256
        at = pos
        while at < end:
            chunk = self._buf[at : min(end, at + step)].tobytes()
            nl = chunk.find(b"\n")
            if nl >= 0:
                end = at + nl + 1
                break
            at += len(chunk)
            step *= 2
        self._pos = end
        return self._buf[pos:end].tobytes()

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence == 0:
            pos = offset
        elif whence == 1:
            pos = self._pos + offset
        elif whence == 2:
            pos = self._size + offset
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0:
            raise ValueError(f"negative seek value {pos}")
        self._pos = pos
        return pos

    def tell(self) -> int:
        return self._pos

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True


class InPlaceBufferFile(BufferFile):  # type: ignore[misc]
    """Whoosh's ``BufferFile`` reading its buffer in place (:class:`BufferReader`), not from a copy."""

    def __init__(self, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        # BufferFile.__init__ without its BytesIO(buf): the same attributes
        self._buf = buf
        self._name = name
        self.file = BufferReader(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def install() -> None:
    """Whoosh's compound storage (every segment desk reads) opens its files as :class:`InPlaceBufferFile`."""
    compound.BufferFile = InPlaceBufferFile
