"""Planning an index run: which files must be read, and why (a pure function).

:func:`plan_run` compares what the folder scan found with what the store
remembers; it touches no file and no index (the one question that needs a
file's bytes, "did its content change although its size did not?", is asked
through ``same_content``), so every rule is tested on plain values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from desk.index.store import FileState
from desk.model import Skipped

#: why a file is read again, in words for logs and tests
NEW = "new file"
CHANGED = "changed (size, or content at the same size)"
MANIFEST = "its manifest row changed"
RETRY = "skipped before, changed since"
RULES = "desk reads articles by newer rules"

#: the version of the rules that turn a file into stored passages, figures and claimants
#: (desk.corpus and desk.extract).  Bump it with any change to what they produce: a library
#: stored under other rules reads every file again, so an upgrade reaches the articles already
#: indexed.  tests/index/test_rules_version.py fails when their output changes without a bump.
RULES_VERSION = 98


@dataclass(frozen=True, slots=True)
class Found:
    """One file of the scan: its path relative to the folder, size and modification time."""

    relpath: str
    size: int
    mtime: float


@dataclass(slots=True)
class Plan:
    #: relpath -> why it must be read, in scan order
    read: dict[str, str] = field(default_factory=dict)
    #: relpaths whose stored article stays as it is
    unchanged: list[str] = field(default_factory=list)
    #: (relpath, size, mtime) of unchanged files whose mtime moved (same bytes): the store learns the new stat
    touch: list[tuple[str, int, float]] = field(default_factory=list)
    #: article ids stored but not (or not wholly) in the index (a run killed before its commit)
    resend: list[str] = field(default_factory=list)
    #: (relpath, why, size, mtime) of files skipped before and unchanged since: not read again
    remembered: list[tuple[str, Skipped, int, float]] = field(default_factory=list)
    #: relpaths stored but no longer in the folder
    removed: list[str] = field(default_factory=list)


def plan_run(
    found: Iterable[Found],
    states: Mapping[str, FileState],
    skipped_before: Mapping[str, tuple[int, float, Skipped]],
    manifest_changed: set[str] | frozenset[str] = frozenset(),
    same_content: Callable[[str, FileState], bool] = lambda _rel, _old: False,
    rules_changed: bool = False,
) -> Plan:
    """What an index run must do with each file.

    - with ``rules_changed`` (the store was written by other reading rules) every stored
      file is read again;
    - a stored file whose manifest row changed is read again (same bytes, new metadata);
    - a stored file with the same size and mtime is unchanged (and sent to the index
      again if a killed run stored it without indexing it);
    - a stored file with the same size but another mtime is unchanged when
      ``same_content(relpath, state)`` says its bytes hash as before, else read;
    - any other stored file is read;
    - a file skipped before with the same size and mtime keeps its reason, unread;
    - every other file is new and read;
    - a stored file the scan did not find is removed.
    """
    plan = Plan()
    seen: set[str] = set()
    for f in found:
        rel = f.relpath
        seen.add(rel)
        old = states.get(rel)
        if old is not None:
            if rules_changed:
                plan.read[rel] = RULES
                continue
            if rel in manifest_changed:
                plan.read[rel] = MANIFEST
                continue
            if old.size == f.size and (old.mtime == f.mtime or same_content(rel, old)):
                if old.mtime != f.mtime:
                    plan.touch.append((rel, f.size, f.mtime))
                plan.unchanged.append(rel)
                if not old.indexed:
                    plan.resend.append(old.aid)
                continue
            plan.read[rel] = CHANGED
            continue
        prev = skipped_before.get(rel)
        if prev is not None and prev[0] == f.size and prev[1] == f.mtime:
            plan.remembered.append((rel, prev[2], f.size, f.mtime))
            continue
        plan.read[rel] = RETRY if prev is not None else NEW
    plan.removed = [rel for rel in states if rel not in seen]
    return plan
