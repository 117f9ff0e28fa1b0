"""desk killed with SIGKILL while it indexes or exports: nothing is lost, nothing is half there.

Two kinds of test:

* crash points: a child process runs ``desk index`` with one function wrapped
  so that the process SIGKILLs itself right before or right after it (the
  store write, the Whoosh commit, the marker ...).  Deterministic and quick.
* random kills: ``desk index ../shared/corpus/ukraine-media`` killed at random
  moments, at least 20 times (slow).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desk.library import Library

from .conftest import ROOT, article_text, child_env, desk_cmd, run_desk
from .consistency import check_whole, snapshot

KILLER = textwrap.dedent(
    """
    import importlib, os, signal, sys
    spec, when, *argv = sys.argv[1:]
    module_name, _, attr = spec.partition(":")
    owner = importlib.import_module(module_name)
    parts = attr.split(".")
    for p in parts[:-1]:
        owner = getattr(owner, p)
    original = getattr(owner, parts[-1])

    def die():
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    def wrapped(*args, **kwargs):
        if when == "before":
            die()
        result = original(*args, **kwargs)
        die()
        return result

    setattr(owner, parts[-1], wrapped)
    from desk.cli import main
    sys.exit(main(argv))
    """
)

#: where a crash hurts most: the order of writes between the marker, the store and the index
CRASH_POINTS = [
    "desk.index.whoosh.engine:write_marker",
    "whoosh.index:create_in",
    "desk.index.store:Store.put_articles",
    "desk.index.whoosh.engine:commit",
    "whoosh.filedb.filestore:FileStorage.rename_file",
    "whoosh.index:TOC.write",
    "desk.index.store:Store.mark_indexed",
    "desk.index.store:Store.delete",
    "desk.index.store:Store.set_skipped",
]


def _make_folder(folder: Path, n: int = 12) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:02d}.md").write_text(f"# Flood report {i}\n\n" + article_text(i) + "\nUkraine was not affected.\n")
    (folder / "empty.md").write_bytes(b"")


def _change_folder(folder: Path) -> None:
    """An edit, an addition, a removal and a new bad file: every kind of incremental work."""
    (folder / "a00.md").write_text("# Flood report 0, updated\n\n" + article_text(0, n=999) + "\nUkraine again.\n")
    (folder / "new.md").write_text("# A new report\n\n" + article_text(50) + "\nUkraine sent help.\n")
    (folder / "a05.md").unlink()
    (folder / "bad.pdf").write_bytes(b"not a pdf")


def _kill_at(spec: str, when: str, folder: Path, data_dir: Path) -> int:
    script = data_dir.parent / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.run(
        [sys.executable, str(script), spec, when, "index", str(folder), "--no-extract"],
        env=child_env(data_dir), cwd=ROOT, capture_output=True, timeout=120, check=False,
    )
    return proc.returncode


def _index(folder: Path, data_dir: Path) -> None:
    with Library(folder, data_dir=data_dir) as lib:
        report = lib.update(extract=False)
        assert not report.cancelled


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Clean builds of the small folder before and after the change (the same for every crash point)."""
    folder = tmp_path_factory.mktemp("reference") / "articles"
    _make_folder(folder)
    out: dict[str, object] = {}
    _index(folder, folder.parent / "first")
    out["first"] = snapshot(folder, folder.parent / "first")
    _change_folder(folder)
    _index(folder, folder.parent / "incremental")
    out["incremental"] = snapshot(folder, folder.parent / "incremental")
    return out


@pytest.mark.timeout(300)
@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("spec", CRASH_POINTS)
def test_kill_at_crash_point_leaves_a_usable_index(
    tmp_path: Path, spec: str, when: str, references: dict[str, object]
) -> None:
    folder = tmp_path / "articles"
    _make_folder(folder)
    data_dir = tmp_path / "data"
    # a first run killed (from an empty library), then an incremental run killed
    for stage in ("first", "incremental"):
        if stage == "incremental":
            _index(folder, data_dir)
            _change_folder(folder)
        code = _kill_at(spec, when, folder, data_dir)
        assert code in (-signal.SIGKILL, 0), f"the child failed ({code}) instead of being killed"
        with Library(folder, data_dir=data_dir) as lib:  # opens, and searches return whole articles
            check_whole(lib, "evacuated")
            report = lib.update(extract=False)  # the next run completes ...
            assert not report.cancelled
        # ... and gives what a clean build gives
        assert snapshot(folder, data_dir) == references[stage], f"{stage}: not the same as a clean build"


# --------------------------------------------------------------------------
# random kills on the real corpus


def _library_dir(data_dir: Path) -> Path | None:
    libs = list((data_dir / "libraries").glob("*")) if (data_dir / "libraries").exists() else []
    return libs[0] if libs else None


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_random_sigkills_while_indexing_ukraine_media(ukraine: Path, tmp_path: Path) -> None:
    kills = int(os.environ.get("DESK_ROBUST_KILLS", "20"))
    rng = random.Random(int(os.environ.get("DESK_ROBUST_SEED", "7")))
    clean_dir, data_dir = tmp_path / "clean", tmp_path / "killed"
    if os.environ.get("DESK_ROBUST_REFERENCE"):  # a clean build made before (saves one build on a busy machine)
        clean_dir = Path(os.environ["DESK_ROBUST_REFERENCE"])
        build_seconds = 0.0
    else:
        clean = run_desk(["index", ukraine, "--no-extract", "--json"], data_dir=clean_dir, timeout=1800)
        assert clean.returncode == 0, clean.stderr[-3000:]
        build_seconds = clean.seconds
    # kill moments are spread over this many seconds of each run (default: the whole clean build)
    # (capped, so that 20 kills fit in a few minutes; crash-point tests cover the commit itself)
    span = float(os.environ.get("DESK_ROBUST_KILL_SPAN", "0")) or min(build_seconds * 1.1, 90.0)
    reference = snapshot(ukraine, clean_dir)
    assert len(reference) > 6000

    log: list[tuple[float, str, int]] = []
    completed = 0
    for _ in range(kills):
        # early moments are cheap and cover start-up, scanning and reading; the
        # rest of the run (store, Whoosh writing, commit) is covered uniformly
        at = 0.2 + (rng.random() ** 2) * span
        proc = subprocess.Popen(
            desk_cmd("index", ukraine, "--no-extract"), env=child_env(data_dir), cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )
        t0 = time.monotonic()
        try:
            proc.wait(timeout=at)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the process and its reader/writer workers
            proc.wait()
            _, err = proc.communicate()
            outcome = "killed"
        else:
            _, err = proc.communicate()
            assert proc.returncode == 0, err.decode(errors="replace")[-3000:]
            outcome = "completed"
            completed += 1
        lib_dir = _library_dir(data_dir)
        state = sorted(p.name for p in lib_dir.iterdir()) if lib_dir else []
        log.append((round(time.monotonic() - t0, 1), outcome, len(state)))
        # after each kill: the index opens and searches return only whole articles
        with Library(ukraine, data_dir=data_dir) as lib:
            check_whole(lib, "Ukraine", full=len(log) % 4 == 0)
        if outcome == "completed":
            assert snapshot(ukraine, data_dir) == reference
    final = run_desk(["index", ukraine, "--no-extract", "--json"], data_dir=data_dir, timeout=1800)
    assert final.returncode == 0, final.stderr[-3000:]
    assert snapshot(ukraine, data_dir) == reference, "after the kills, the next run does not match a clean build"
    print(
        f"clean build {build_seconds:.0f} s; final run {final.seconds:.0f} s; {kills} runs (seconds, outcome, files in "
        f"the library dir): {log}; completed without a kill: {completed}"
    )
    assert sum(1 for _t, o, _n in log if o == "killed") >= min(kills, 20) - completed


# --------------------------------------------------------------------------
# a kill during export

EXPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from exportdoc import comparison
    from desk.export import write_markdown
    target = Path(sys.argv[1])
    versions = [comparison("old"), comparison("new")]
    k = 0
    while True:
        write_markdown(versions[k % 2], target, force=True)
        print(k, flush=True)
        k += 1
    """
)


@pytest.mark.timeout(300)
def test_kill_during_markdown_export_keeps_old_or_whole_new(tmp_path: Path) -> None:
    from desk.export import render_markdown

    from .exportdoc import comparison

    script = tmp_path / "exporter.py"
    script.write_text(EXPORTER)
    target = tmp_path / "out" / "comparison.md"
    target.parent.mkdir()
    rng = random.Random(3)
    whole = {render_markdown(comparison("old")), render_markdown(comparison("new"))}
    size = max(len(w) for w in whole)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(target), str(Path(__file__).parent)], env=child_env(tmp_path / "d"),
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        # wait for the first write, then kill at a random moment of the following ones
        first = proc.stdout.readline() if proc.stdout else b""
        assert first.strip() == b"0", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.6))
        proc.kill()
        proc.communicate()
        text = target.read_text(encoding="utf-8")
        assert text in whole, f"a kill left a partial export ({len(text)} of {size} characters)"
    leftovers = [p.name for p in target.parent.iterdir() if p.name != target.name]
    # a SIGKILL cannot clean up after itself; what it leaves is hidden and is never the target
    assert all(name.startswith(".desk-export-") for name in leftovers), leftovers


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.timeout(240)
def test_killing_desk_alone_frees_the_folder(tmp_path: Path) -> None:
    """SIGKILL to the desk process only (not its workers), as a task manager or the OOM killer does.

    Its reader workers were forked while it held the folder's lock; they must
    neither keep that lock (the folder could never be indexed again) nor live on.
    """
    from .test_concurrent import _lock_held

    folder, data_dir = tmp_path / "articles", tmp_path / "data"
    folder.mkdir()
    for i in range(3000):
        (folder / f"a{i:05d}.txt").write_text(f"Report {i}: officials counted {i} boats near Example{i}. More came.\n")
    proc = subprocess.Popen(
        desk_cmd("index", folder, "--no-extract"), env=child_env(data_dir), cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    kids: list[int] = []
    while len(kids) < 2:
        assert proc.poll() is None, "desk finished before its workers could be seen"
        assert time.monotonic() < deadline, "no worker processes appeared"
        time.sleep(0.05)
        kids = _children(proc.pid)
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    lock = _library_dir(data_dir) / "update.lock"  # type: ignore[operator]
    try:
        deadline = time.monotonic() + 10
        while any(_alive(k) for k in kids):
            assert time.monotonic() < deadline, "the workers of a killed desk live on"
            time.sleep(0.1)
        assert not _lock_held(lock), "the folder is still locked after desk was killed"
        run = run_desk(["index", folder, "--no-extract"], data_dir=data_dir, timeout=200)
        assert run.returncode == 0, run.stderr
        assert "waiting" not in run.stderr
    finally:
        for k in kids:
            try:
                os.kill(k, signal.SIGKILL)
            except ProcessLookupError:
                pass
