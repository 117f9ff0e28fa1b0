"""Two desk processes on one folder at once: no corruption, writers wait, readers see whole commits."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from desk.library import Library

from .conftest import ROOT, article_text, child_env, desk_cmd
from .consistency import check_whole, clean_snapshot, snapshot, whoosh_docs


def _folder(folder: Path, n: int, tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.md").write_text(f"# Report {i} ({tag})\n\n" + article_text(i, n=i * 7 if tag == "v2" else None))


def _lock_held(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _start(*args: str | os.PathLike[str], data_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        desk_cmd(*args), env=child_env(data_dir), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _docs(folder: Path, data_dir: Path) -> dict[str, frozenset[tuple[int, int, int, str]]]:
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
        return {aid: frozenset(p) for aid, p in whoosh_docs(lib).items()}


def _change(folder: Path) -> None:
    """A big change, so that the first writer holds the lock for a while."""
    _folder(folder, 150, "v2")
    for i in range(150, 220):
        (folder / f"a{i:03d}.md").write_text(f"# Report {i} (new)\n\n" + article_text(i))
    for i in range(0, 20):
        (folder / f"a{i:03d}.md").unlink()


@pytest.mark.timeout(400)
def test_two_indexers_and_readers_on_one_folder(tmp_path: Path) -> None:
    folder, data_dir = tmp_path / "articles", tmp_path / "data"
    # what the index holds before and after the change, from clean builds
    _folder(folder, 150, "v1")
    old = _docs(folder, tmp_path / "ref-old")
    _change(folder)
    new = _docs(folder, tmp_path / "ref-new")
    shutil.rmtree(folder)
    _folder(folder, 150, "v1")
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
        lock = lib.library_dir / "update.lock"
    _change(folder)

    first = _start("index", folder, "--no-extract", data_dir=data_dir)
    deadline = time.monotonic() + 60
    while not _lock_held(lock):
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first indexer never took the lock"
        time.sleep(0.02)
    second = _start("index", folder, "--no-extract", data_dir=data_dir)
    searcher = _start("search", folder, "evacuated", "--json", "--limit", "500", data_dir=data_dir)

    # meanwhile, this process reads: every read sees one whole commit, the old or the new, never a mix
    seen = set()
    with Library(folder, data_dir=data_dir) as reader:
        while first.poll() is None or second.poll() is None:
            docs = {aid: frozenset(p) for aid, p in whoosh_docs(reader).items()}
            assert docs in (old, new), "a reader saw a half-written index"
            seen.add("old" if docs == old else "new")
            for hit in reader.search("evacuated", limit=500, per_article=0).hits:
                body = (hit.number, hit.start, hit.end, hit.text)
                assert body in old.get(hit.article_id, ()) or body in new.get(hit.article_id, ())
        check_whole(reader, "evacuated")

    out1, err1 = first.communicate()
    out2, err2 = second.communicate()
    out3, err3 = searcher.communicate(timeout=120)
    assert first.returncode == 0, err1.decode(errors="replace")
    assert second.returncode == 0, err2.decode(errors="replace")
    # the second writer waited, and said so, instead of failing
    assert b"waiting for another desk process" in err2, err2.decode(errors="replace")
    assert searcher.returncode == 0, err3.decode(errors="replace")
    result = json.loads(out3)
    assert result["hits"], "the concurrent search found nothing"
    for hit in result["hits"]:  # from the old commit or the new one, whole
        body = (hit["number"], hit["start"], hit["end"], hit["text"])
        assert body in old.get(hit["article_id"], ()) or body in new.get(hit["article_id"], ())
    print(f"reader saw: {sorted(seen)}")
    # and the library is what a clean build of the folder gives
    assert snapshot(folder, data_dir) == clean_snapshot(folder, tmp_path / "clean")


@pytest.mark.timeout(120)
def test_search_reads_the_last_commit_while_another_process_indexes(tmp_path: Path) -> None:
    """A long indexing run holds the folder's lock; a search meanwhile answers from the last commit."""
    folder, data_dir = tmp_path / "articles", tmp_path / "data"
    _folder(folder, 10, "v1")
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
        lock = lib.library_dir / "update.lock"
    (folder / "late.md").write_text("# Late\n\n" + article_text(99))
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # the same OS lock a running `desk index` holds
    try:
        t0 = time.monotonic()
        proc = _start("search", folder, "evacuated", "--json", "--limit", "100", data_dir=data_dir)
        out, err = proc.communicate(timeout=60)
        waited = time.monotonic() - t0
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert proc.returncode == 0, err.decode(errors="replace")
    assert b"reading the index as it is" in err
    assert b"Traceback" not in err
    hits = json.loads(out)["hits"]
    assert {h["relpath"] for h in hits} == {f"a{i:03d}.md" for i in range(10)}  # the last commit, not late.md
    assert waited < 30
