"""Read-only places and full disks: a clear message, the previous index still usable, articles untouched."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desk.library import Library

from .conftest import article_text, limit_file_size, run_desk, tree_state
from .consistency import check_whole, clean_snapshot, snapshot


def _folder(folder: Path, n: int, tag: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.md").write_text(f"# Report {i} {tag}\n\n" + article_text(i, n=i + len(tag)) + tag * 3)


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` made read-only for everyone, root included, with a read-only bind mount on itself.

    chmod does not stop root (the tests run as root), so a real read-only mount is used;
    where mounting is not allowed the test is skipped rather than faked.
    """
    try:
        subprocess.run(["mount", "--bind", str(path), str(path)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot make a read-only mount here ({exc})")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True, capture_output=True)


def _one_clear_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line of explanation, got: {stderr!r}"
    return lines[0]


@pytest.mark.timeout(300)
def test_read_only_index_directory(tmp_path: Path) -> None:
    folder, data_dir = tmp_path / "articles", tmp_path / "data"
    _folder(folder, 20)
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
    before = snapshot(folder, data_dir)
    _folder(folder, 30, " (changed)")  # something to do, so that desk must write
    with read_only(data_dir):
        run = run_desk(["index", folder, "--no-extract"], data_dir=data_dir)
        assert run.returncode == 2, (run.stdout, run.stderr)
        line = _one_clear_line(run.stderr)
        print("read-only index:", line)
        assert "read-only" in line.lower() or "cannot" in line.lower(), line
        # searching the index as it is still works, or says clearly why not
        search = run_desk(["search", folder, "evacuated"], data_dir=data_dir)
        assert search.returncode in (0, 2), search.stderr
        if search.returncode == 2:
            print("read-only search:", _one_clear_line(search.stderr))
    # the previous index is intact and usable
    assert snapshot(folder, data_dir) == before
    with Library(folder, data_dir=data_dir) as lib:
        assert check_whole(lib, "evacuated") > 0
        lib.update(extract=False)
    assert snapshot(folder, data_dir) == clean_snapshot(folder, tmp_path / "clean")


@pytest.mark.timeout(300)
def test_full_disk_while_indexing(tmp_path: Path) -> None:
    """``ulimit -f`` in the child (SIGXFSZ ignored, so a write past the limit fails with EFBIG)."""
    folder, data_dir = tmp_path / "articles", tmp_path / "data"
    _folder(folder, 10)
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
    biggest = max(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    _folder(folder, 400, " (a much longer library now)")
    failed = []
    for limit in (biggest + 4096, 2 * biggest, 8 * biggest):
        run = run_desk(["index", folder, "--no-extract"], data_dir=data_dir, preexec_fn=limit_file_size(limit))
        if run.returncode == 0:
            continue  # this limit happened to be enough for every file desk writes
        failed.append(run.stderr.strip())
        assert run.returncode == 2, (limit, run.stdout, run.stderr)
        line = _one_clear_line(run.stderr)
        assert "internal error" not in line, line
        told = line.split(str(tmp_path))[0].lower() + line.rsplit(":", 1)[-1].lower()
        assert any(w in told for w in ("space", "too large", "full")), line
        # the previous index still opens, and searches return whole articles
        with Library(folder, data_dir=data_dir) as lib:
            check_whole(lib, "evacuated")
    assert failed, "no limit was small enough to fill the disk"
    print("full disk:", failed)
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
        check_whole(lib, "evacuated")
    assert snapshot(folder, data_dir) == clean_snapshot(folder, tmp_path / "clean")


@pytest.mark.timeout(600)
def test_article_folder_on_a_read_only_medium(seeds: Path, tmp_path: Path) -> None:
    """desk never writes into the article folder: index, search, compare and export leave it unchanged."""
    import shutil

    folder = tmp_path / "medium"
    shutil.copytree(seeds, folder)
    before = tree_state(folder)
    data_dir = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    with read_only(folder):
        run = run_desk(["index", folder], data_dir=data_dir, timeout=500)
        assert run.returncode == 0, run.stderr
        assert run_desk(["search", folder, "killed"], data_dir=data_dir).returncode == 0
        comp = run_desk(["compare", folder, "killed", "--markdown", out / "c.md"], data_dir=data_dir, timeout=300)
        assert comp.returncode in (0, 1), comp.stderr
        inside = run_desk(["compare", folder, "killed", "--markdown", folder / "c.md"], data_dir=data_dir)
        assert inside.returncode == 2
        _one_clear_line(inside.stderr)
    assert tree_state(folder) == before
