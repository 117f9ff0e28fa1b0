"""Whoosh's segment files are read in place from their memory map (desk.index.whoosh.inplace)."""

from __future__ import annotations

import io
import pickle
import random
from pathlib import Path

from whoosh.filedb import compound

from desk.index.whoosh.inplace import BufferReader, InPlaceBufferFile
from desk.library import Library


def test_the_reader_reads_seeks_and_tells_as_a_bytes_io_does() -> None:
    data = b"".join(
        bytes(random.Random(n).randrange(256) for _ in range(n % 37)) + (b"\n" if n % 3 else b"")
        for n in range(400)
    )
    rnd = random.Random(5)
    ours, theirs = BufferReader(memoryview(data)), io.BytesIO(data)
    for _ in range(3000):
        op = rnd.randrange(5)
        if op == 0:
            size = rnd.choice((-1, None, 0, 1, 7, 300, 10**6))
            assert ours.read(size) == theirs.read(size)
        elif op == 1:
            size = rnd.choice((-1, 0, 3, 50))
            assert ours.readline(size) == theirs.readline(size)
        elif op == 2:
            offset, whence = rnd.choice(((rnd.randrange(len(data) + 50), 0), (rnd.randrange(-20, 20), 1),
                                         (rnd.randrange(-60, 10), 2)))
            try:
                expected = theirs.seek(offset, whence)
            except ValueError:
                continue  # before the start (BytesIO refuses it: so must we)
            assert ours.seek(offset, whence) == expected
        else:
            assert ours.tell() == theirs.tell()


def test_a_segment_file_is_not_copied_and_still_unpickles() -> None:
    blob = b"head" + pickle.dumps({"terms": [1, 2, 3], "name": "Quay"}) + b"tail"
    view = memoryview(bytearray(blob))
    f = InPlaceBufferFile(view, name="x.trm")
    assert not isinstance(f.file, io.BytesIO)
    f.seek(4)
    assert f.read_pickle() == {"terms": [1, 2, 3], "name": "Quay"}
    assert f.read(4) == b"tail"
    assert f.get(0, 4) == b"head"
    view[0:4] = b"HEAD"  # the file reads the buffer itself, not a copy made at opening
    f.seek(0)
    assert f.read(4) == b"HEAD"


def test_a_library_opens_its_segments_in_place_and_finds_the_same(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.md").write_text(
            f"---\ntitle: Quay {i}\nsite: Harbour Courier\npublished: 2031-03-{i + 1:02d}\n---\n\n"
            f"The quay crane lifted {i + 4} containers of pears before the storm. Dockers waited.\n",
            encoding="utf-8",
        )
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
    opened: list[str] = []
    made = InPlaceBufferFile.__init__

    def counted(self, buf, name=None, onclose=None):  # type: ignore[no-untyped-def]
        opened.append(name)
        made(self, buf, name, onclose)

    monkeypatch.setattr(InPlaceBufferFile, "__init__", counted)
    assert compound.BufferFile is InPlaceBufferFile
    with Library(folder, data_dir=tmp_path / "data") as lib:
        hits = lib.search("crane pears", limit=50).hits
    assert len(hits) == 12
    assert any(name.endswith(".pst") for name in opened)  # the postings, read in place
