"""Planning an index run, on plain values: no files, no index."""

from __future__ import annotations

from desk.index import plan as planning
from desk.index.plan import Found, plan_run
from desk.index.store import FileState
from desk.model import Skipped


def state(rel: str, size: int, mtime: float, *, indexed: bool = True, sha1: str = "h") -> FileState:
    return FileState(aid="id-" + rel, relpath=rel, size=size, mtime=mtime, sha1=sha1, indexed=indexed, extracted=True)


def test_first_run_reads_everything_in_scan_order() -> None:
    p = plan_run([Found("b.txt", 10, 1.0), Found("a.md", 20, 2.0)], {}, {})
    assert list(p.read) == ["b.txt", "a.md"]
    assert set(p.read.values()) == {planning.NEW}
    assert (p.unchanged, p.removed, p.resend, p.touch, p.remembered) == ([], [], [], [], [])


def test_unchanged_changed_removed_and_resent() -> None:
    states = {
        "same.txt": state("same.txt", 10, 1.0),
        "grown.txt": state("grown.txt", 10, 1.0),
        "gone.txt": state("gone.txt", 5, 1.0),
        "killed.txt": state("killed.txt", 7, 3.0, indexed=False),
    }
    found = [Found("same.txt", 10, 1.0), Found("grown.txt", 11, 1.0), Found("killed.txt", 7, 3.0)]
    p = plan_run(found, states, {})
    assert p.read == {"grown.txt": planning.CHANGED}
    assert p.unchanged == ["same.txt", "killed.txt"]
    assert p.resend == ["id-killed.txt"]  # stored by a run killed before its commit: indexed again, not read
    assert p.removed == ["gone.txt"]


def test_same_size_new_mtime_asks_for_the_content_once() -> None:
    states = {"touched.txt": state("touched.txt", 10, 1.0), "edited.txt": state("edited.txt", 10, 1.0)}
    asked: list[str] = []

    def same(rel: str, old: FileState) -> bool:
        asked.append(rel)
        return rel == "touched.txt"

    p = plan_run([Found("touched.txt", 10, 9.0), Found("edited.txt", 10, 9.0)], states, {}, same_content=same)
    assert asked == ["touched.txt", "edited.txt"]
    assert p.unchanged == ["touched.txt"]
    assert p.touch == [("touched.txt", 10, 9.0)]  # the store learns the new mtime; nothing is read
    assert p.read == {"edited.txt": planning.CHANGED}


def test_a_new_manifest_row_rereads_an_unchanged_file() -> None:
    states = {"x.txt": state("x.txt", 10, 1.0)}
    p = plan_run([Found("x.txt", 10, 1.0)], states, {}, manifest_changed={"x.txt"})
    assert p.read == {"x.txt": planning.MANIFEST}
    assert p.unchanged == []


def test_skipped_files_are_remembered_until_they_change() -> None:
    why = Skipped("/f/empty.txt", "the file is empty")
    before = {"empty.txt": (0, 4.0, why), "binary.txt": (50, 4.0, Skipped("/f/binary.txt", "binary"))}
    p = plan_run([Found("empty.txt", 0, 4.0), Found("binary.txt", 60, 5.0)], {}, before)
    assert p.remembered == [("empty.txt", why, 0, 4.0)]
    assert p.read == {"binary.txt": planning.RETRY}


def test_a_store_written_by_other_reading_rules_reads_every_stored_file_again() -> None:
    states = {"x.txt": state("x.txt", 10, 1.0), "y.txt": state("y.txt", 5, 2.0)}
    found = [Found("x.txt", 10, 1.0), Found("y.txt", 5, 2.0), Found("z.txt", 3, 3.0)]
    p = plan_run(found, states, {}, rules_changed=True)
    assert p.read == {"x.txt": planning.RULES, "y.txt": planning.RULES, "z.txt": planning.NEW}
    assert p.unchanged == []
    assert plan_run(found, states, {}).unchanged == ["x.txt", "y.txt"]
