"""A posting pool's run files, a block of postings per pickle (desk.index.whoosh.writefast), give
back the very postings, in the very order, of Whoosh's own one-pickle-per-posting runs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

from desk.index.whoosh import writefast


def _postings(seed: int, n: int) -> list[tuple[str, bytes, int, float, bytes]]:
    rnd = random.Random(seed)
    fields = ("body", "figure", "outlet_key", "title")
    words = [bytes(rnd.choice(b"abcdefgh") for _ in range(rnd.randrange(1, 7))) for _ in range(300)]
    out = []
    for _ in range(n):
        # repeats on purpose: a figure's shifted terms can repeat within one document
        out.append((rnd.choice(fields), rnd.choice(words), rnd.randrange(400), float(rnd.randrange(1, 4)),
                    bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 9)))))
    return out


def _pooled(tmp: Path, items: list[tuple[str, bytes, int, float, bytes]], fast: bool, limitmb: float, maxfiles: int) -> list:
    if fast:
        writefast.install()
    else:
        writefast.uninstall()
    try:
        tmp.mkdir()
        pool = PostingPool(FileStorage(str(tmp)), None, limitmb=1)  # a writer's temporary storage is on disk
        pool.limit = int(limitmb * 1024 * 1024)
        for item in items:
            pool.add(item)
        runs = len(pool.runs)
        out = list(pool.items(maxfiles=maxfiles))
        assert list(tmp.iterdir()) == []  # every run read and removed
        return [runs, out]
    finally:
        writefast.install()


@pytest.mark.parametrize(("seed", "n", "limitmb", "maxfiles"), [
    (1, 0, 0.01, 128),         # nothing added
    (2, 50, 1.0, 128),         # no run: sorted in memory
    (3, 3000, 0.05, 128),      # several runs
    (4, 20000, 0.2, 128),      # runs of more than one block each
    (5, 9000, 0.01, 3),        # more runs than files allowed open: reduce_to merges runs into runs
])
def test_the_fast_runs_give_whoosh_s_postings_in_whoosh_s_order(tmp_path, seed, n, limitmb, maxfiles) -> None:
    items = _postings(seed, n)
    plain = _pooled(tmp_path / "plain", items, False, limitmb, maxfiles)
    fast = _pooled(tmp_path / "fast", items, True, limitmb, maxfiles)
    assert fast == plain
    assert fast[1] == sorted(items)
    if n >= 3000:
        assert fast[0] > 1  # the case spilled to disk


def test_a_block_is_what_a_run_holds_per_pickle(tmp_path) -> None:
    storage = FileStorage(str(tmp_path))
    pool = PostingPool(storage, None)
    items = sorted(_postings(9, writefast.RUN_BLOCK * 2 + 5))
    path, f = pool._new_run()
    writefast._write_run(pool, f, iter(items))
    blocks = list(writefast._run_blocks(pool, path))
    assert [len(b) for b in blocks] == [writefast.RUN_BLOCK, writefast.RUN_BLOCK, 5]
    assert [x for b in blocks for x in b] == items
    assert not storage.file_exists(path)  # read runs are removed, as Whoosh removes them
