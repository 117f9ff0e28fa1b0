"""The process entry point: a read command run as the process's own command ends as soon as its
output is out (desk.launch._end_now), with its whole output and its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import launch

ROOT = Path(__file__).resolve().parents[1]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.md").write_text(
        '---\ntitle: "Ferry"\nsite: "Harbour Gazette"\ndate: 2023-04-02\n---\n\n'
        "The ferry company said 14 crossings were cancelled on Sunday because of the storm.\n",
        encoding="utf-8")
    (folder / "two.md").write_text(
        '---\ntitle: "Storm"\nsite: "Coast Herald"\ndate: 2023-04-02\n---\n\n'
        "Fourteen ferry crossings were cancelled on Sunday as the storm hit, the company said.\n",
        encoding="utf-8")
    return folder


def _desk(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desk", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_compare_as_its_own_process_prints_everything_and_its_code(tmp_path: Path) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    done = _desk("compare", str(folder), "ferry crossings cancelled", "--data-dir", str(data), "--json")
    assert done.returncode == 0, done.stderr
    comparison = json.loads(done.stdout)  # the whole document, not cut short by the quick end
    assert comparison["query"] == "ferry crossings cancelled"
    assert sorted(comparison["outlets"]) == ["Coast Herald", "Harbour Gazette"]
    # the library was closed before the end: a second process reads the same index and finds the rows
    again = _desk("compare", str(folder), "ferry crossings cancelled", "--data-dir", str(data))
    assert again.returncode == 0, again.stderr
    assert "Harbour Gazette" in again.stdout
    nothing = _desk("search", str(folder), "volcano", "--data-dir", str(data))
    assert nothing.returncode == 1  # "nothing found" keeps its exit code


def test_main_called_with_arguments_returns_and_never_ends_the_caller(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    code = launch.main(["search", str(folder), "ferry", "--data-dir", str(tmp_path / "d")])
    assert code == 0  # still here: only the process's own command (argv None) ends at once
    assert "ferry" in capsys.readouterr().out.lower()
    assert "search" in launch.ENDS_AT_ONCE
    assert "index" not in launch.ENDS_AT_ONCE  # its worker processes end through the interpreter's ending


def test_export_names_load_their_module_when_first_asked() -> None:
    code = (
        "import sys\n"
        "from desk.export import to_plain\n"
        "assert 'desk.export.markdown' not in sys.modules, 'json alone loaded the Markdown writer'\n"
        "from desk.export import write_markdown, markdown_table, write_text_atomic\n"
        "import desk.export.markdown as md\n"
        "assert write_markdown is md.write_markdown\n"
        "import desk.export as e\n"
        "assert set(e.__all__) <= set(dir(e))\n"
        "try:\n"
        "    e.no_such_writer\n"
        "except AttributeError:\n"
        "    print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
