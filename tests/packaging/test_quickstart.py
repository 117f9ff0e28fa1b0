"""The README's quick start: what its two commands do, and that the first one really opens the reader.

Both commands start from a venv made by the stock ``python3.11 -m venv`` (whose pip
is whatever that Python bundles), install the pinned installer from pip.txt
first, then each lock with ``--require-hashes --no-deps`` (pip resolves nothing,
so a new release upstream cannot change the result; test_locks.py proves the
locks closed) and desk itself without build isolation (the build backend comes
from the lock, not from the registry).  ``.ci/run`` runs the second verbatim.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
DEMO = ROOT / "resources" / "demo"


def quick_start() -> list[str]:
    """The indented command lines of the README's Quick start section, in order."""
    text = README.read_text(encoding="utf-8")
    section = re.split(r"\n##+ ", text.split("\n## Quick start\n", 1)[1], maxsplit=1)[0]
    return [line[4:] for line in section.splitlines() if line.startswith("    ") and line.strip()]


def steps(command: str) -> list[list[str]]:
    return [shlex.split(part) for part in command.split(" && ")]


def test_quick_start_has_two_single_line_commands() -> None:
    commands = quick_start()
    assert len(commands) == 2, commands
    assert commands[0].endswith(".venv/bin/desk resources/demo")
    assert commands[1].endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = [line.strip() for line in CI.read_text(encoding="utf-8").splitlines()]
    assert quick_start()[1] in ci_lines
    # and nothing in CI prepares pip before it: the venv's stock pip bootstraps the pinned one
    before = [line for line in ci_lines[: ci_lines.index(quick_start()[1])] if not line.startswith("#")]
    assert not [line for line in before if re.search(r"\b(pip|pip3|uv|ensurepip)\b", line)]


@pytest.mark.parametrize(("which", "lock"), [(0, "runtime.txt"), (1, "dev.txt")])
def test_quick_start_installs_only_pinned_files(which: int, lock: str) -> None:
    run = steps(quick_start()[which])
    assert run[0] == ["python3.11", "-m", "venv", ".venv"]
    installs = [s for s in run if s[:2] == [".venv/bin/pip", "install"]]
    assert len(installs) == 3, installs
    bootstrap, locked, project = installs
    assert run.index(bootstrap) == 1, "the pinned pip is installed before anything else"
    for step, req in ((bootstrap, "pip.txt"), (locked, lock)):
        assert "--require-hashes" in step
        assert "--no-deps" in step
        assert step[step.index("-r") + 1] == f"packaging/requirements/{req}"
    assert "--no-deps" in project
    assert "--no-build-isolation" in project
    assert project[-2:] == ["-e", "."]
    for step in run:
        assert "--upgrade" not in step
        assert "-U" not in step


def _desk_json(desk: Path, *args: str, env: dict[str, str]) -> dict:
    proc = subprocess.run([str(desk), *args, "--json"], capture_output=True, text=True, env=env, timeout=120,
                          check=False, cwd=ROOT)
    return json.loads(proc.stdout) if proc.returncode in (0, 1) and proc.stdout.strip() else {}


@pytest.mark.gui
def test_first_command_opens_the_reader_on_the_demo(tmp_path: Path) -> None:
    """`.venv/bin/desk resources/demo`, as the first command leaves it: the window paints and indexes the demo."""
    desk = Path(sys.executable).parent / "desk"
    assert desk.is_file(), f"{desk} is missing: the quick start installs desk into the venv (pip install -e .)"
    demo_files = sorted(p.name for p in DEMO.iterdir())
    articles_expected = len([n for n in demo_files if n != "desk.json"])  # desk.json is the folder's manifest
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DESK_DATA_DIR": str(tmp_path / "data"),
        "DESK_REPORT_FIRST_PAINT": "1",
    }
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("w", encoding="utf-8") as stderr:
        proc = subprocess.Popen([str(desk), "resources/demo"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=stderr, text=True)
    listing: dict = {}
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(1.0)
            if "desk-first-paint" not in stderr_path.read_text(encoding="utf-8"):
                continue
            listing = _desk_json(desk, "articles", "resources/demo", env=env)
            if len(listing.get("articles", [])) == articles_expected and listing.get("pending_extraction") == 0:
                break
        still_open = proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
    err = stderr_path.read_text(encoding="utf-8")
    assert still_open, f"the reader exited on its own (status {proc.returncode}):\n{err[-3000:]}"
    assert re.search(r"^desk-first-paint \d+\.\d+$", err, re.M), f"the window never painted:\n{err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]
    assert len(listing.get("articles", [])) == articles_expected, f"the demo was not indexed: {listing}"
    assert listing["skipped"] == []
    assert listing["pending_extraction"] == 0, "figures and claimants were not extracted"
    claims = _desk_json(desk, "claims", "resources/demo", env=env)
    assert claims.get("claims"), "no figures or claimants in the demo after indexing"
    assert sorted(p.name for p in DEMO.iterdir()) == demo_files, "desk wrote into the article folder"
