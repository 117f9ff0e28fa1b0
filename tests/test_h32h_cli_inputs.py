"""Session h32h: what last session's hunt found and left, on the command line.

- ``desk extract``/``desk collate`` read a ``.docx`` holding plain text as text, though indexing lists
  such a file as unsupported: one rule for every command.
- ``--markdown -`` wrote a file named "-" (and said so): every FILE option refuses "-" with a sentence.
- ``desk nosuch`` (a misspelt command, taken for a folder) went on to the window and, without a
  display, Qt aborted the process: a name that is no folder gets a sentence and status 2, before Qt.
- ``title:-x`` passed the check that refuses a minus before a word (Whoosh dropped the minus).
- ``--outlet " "``, ``--since ""`` (an unset shell variable) gave no sentence: the first matched
  nothing, the second was no filter at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "quay.txt").write_text("Quay closed\n\nThe port office said 12 barges waited at the quay on Tuesday.\n",
                                encoding="utf-8")
    (f / "memo.docx").write_text("Memo\n\nThe port office said 14 barges waited at the quay.\n", encoding="utf-8")
    return f


def test_extract_refuses_a_docx_of_plain_text_as_indexing_does(folder: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(folder / "memo.docx")]) == 2
    err = capsys.readouterr().err
    assert "unsupported format: desk does not read .docx files" in err
    # the same reason indexing gives for the same file
    assert cli.main(["articles", str(folder), "--data-dir", str(tmp_path / "d")]) == 0
    listed = capsys.readouterr().out
    assert "memo.docx\tunsupported format: desk does not read .docx files" in listed
    # and collate, which reads loose files the same way
    assert cli.main(["collate", str(folder / "quay.txt"), str(folder / "memo.docx")]) == 2
    assert "unsupported format" in capsys.readouterr().err
    assert cli.main(["extract", str(folder / "quay.txt")]) == 0


@pytest.mark.parametrize("args", [
    ["compare", "{folder}", "barges", "--markdown", "-"],
    ["collate", "{folder}/quay.txt", "{folder}/quay.txt", "--markdown", "-"],
    ["timeline", "{folder}", "barges", "--svg", "-"],
    ["timeline", "{folder}", "barges", "--png", "-"],
])
def test_a_dash_for_an_output_file_is_refused(args: list[str], folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    run_in = tmp_path / "cwd"
    run_in.mkdir()
    before = os.getcwd()
    os.chdir(run_in)
    try:
        code = cli.main([a.format(folder=folder) for a in args] + ["--data-dir", str(tmp_path / "d")])
    finally:
        os.chdir(before)
    err = capsys.readouterr().err
    assert code == 2
    assert "not to standard output" in err
    assert "./-" in err
    assert list(run_in.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize(("option", "value"), [
    ("--outlet", " "), ("--outlet", ""), ("--outlet", "\t"), ("--since", ""), ("--until", "  "),
])
@pytest.mark.parametrize("command", ["search", "compare", "timeline"])
def test_a_blank_filter_value_gets_a_sentence(command: str, option: str, value: str, folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main([command, str(folder), "barges", option, value, "--data-dir", str(tmp_path / "d")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"argument {option}: it is empty" in err
    assert "leave the option out" in err
    assert not (tmp_path / "d").exists()  # refused before anything was indexed


@pytest.mark.parametrize(("query", "shown"), [
    ("title:-barges", "write NOT title:barges"),
    ("quay outlet:-rt", "write NOT outlet:rt"),
    ("claimant:--roe", "write NOT claimant:roe"),
    ("text:-quay", "write NOT text:quay"),
])
def test_a_minus_after_a_field_is_refused(query: str, shown: str, folder: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from desk.errors import QueryError
    from desk.index.whoosh.query import check_syntax

    with pytest.raises(QueryError, match="desk reads no minus before a word"):
        check_syntax(query)
    assert cli.main(["search", str(folder), query, "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert shown in err
    assert "Traceback" not in err


@pytest.mark.parametrize("query", ["figure:-5", "figure:>-5", "title:well-known", 'title:"-x"', "date:2022-01-01"])
def test_a_minus_in_a_field_value_that_is_no_word_is_fine(query: str) -> None:
    from desk.index.whoosh.query import check_syntax

    check_syntax(query)


def _window_start(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``desk ARGS`` as its own process, with no display at all: Qt, once loaded, aborts there."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    env["DESK_DATA_DIR"] = str(tmp_path / "d")
    code = ("import sys\nfrom desk.launch import main\nrc = main(sys.argv[1:])\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\nsys.exit(rc)\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.parametrize(("args", "said"), [
    (["nosuch"], "\u201cnosuch\u201d is neither a desk command nor a folder (desk --help lists the commands)."),
    (["serach"], "\u201cserach\u201d is neither a desk command nor a folder"),
    (["--no-err-windows", "missing/folder"], "The folder missing/folder does not exist."),
    (["{folder}/quay.txt"], "quay.txt is a file, not a folder of articles."),
    (["bad\x1b[2Jname"], "\u201cbad\\x1b[2Jname\u201d is neither"),
])
def test_a_name_that_is_no_folder_gets_a_sentence_before_qt(args: list[str], said: str, folder: Path,
                                                           tmp_path: Path) -> None:
    done = _window_start(*[a.format(folder=folder) for a in args], tmp_path=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert said in done.stderr
    assert "\x1b" not in done.stderr
    assert "Traceback" not in done.stderr
    assert "qt.qpa" not in done.stderr  # Qt never started


def test_an_empty_folder_argument_for_the_window_is_refused(tmp_path: Path) -> None:
    done = _window_start("", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "it is empty: name the folder of articles" in done.stderr


def test_the_library_says_the_same_sentences(folder: Path, tmp_path: Path) -> None:
    from desk.errors import FolderError
    from desk.library import Library

    with pytest.raises(FolderError, match="is a file, not a folder of articles"):
        Library(folder / "quay.txt", data_dir=tmp_path / "d")
    with pytest.raises(FolderError, match="does not exist"):
        Library(tmp_path / "gone", data_dir=tmp_path / "d")


@pytest.mark.parametrize(("new", "said"), [
    ("Ana\x1b[2JRoe", "cannot hold control characters"),
    ("Ana\nRoe", "cannot hold control characters"),
    ("Ana\x00Roe", "cannot hold control characters"),
    ("R" * 201, "201 characters is too long"),
])
def test_a_rename_to_a_name_with_control_characters_is_refused(new: str, said: str, tmp_path: Path) -> None:
    """The name was stored and then shown everywhere in an altered form ("Ana\\x1b2J Roe": its bracket
    gone, its line break a space): never the name typed.  The window's Rename goes through the same call."""
    from desk.errors import DeskError
    from desk.library import Library

    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Storm\n\nThe harbour office said 31 fishing boats stayed in port on Friday, "
                             "mayor Ana Roe said.\n", encoding="utf-8")
    with Library(f, data_dir=tmp_path / "d") as lib:
        lib.update()
        with pytest.raises(DeskError, match=said):
            lib.edit_alias("rename", "Ana Roe", new)
        assert lib.alias_entries() == []
        assert lib.edit_alias("rename", "Ana Roe", "Anna Roe-Pell")  # a plain name still goes


def test_the_cli_rename_says_so_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Storm\n\nThe harbour office said 31 fishing boats stayed in port on Friday, "
                             "mayor Ana Roe said.\n", encoding="utf-8")
    data = tmp_path / "d"
    assert cli.main(["index", str(f), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert cli.main(["aliases", str(f), "--data-dir", str(data), "--rename", "Ana Roe", "Ana\x1b[2JRoe"]) == 2
    err = capsys.readouterr().err
    assert "cannot hold control characters" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("how", ["option", "env", "smoke"])
def test_the_window_writes_nothing_into_the_article_folder_for_a_data_dir_inside_it(how: str, folder: Path,
                                                                                   tmp_path: Path) -> None:
    """``desk --data-dir FOLDER/dd FOLDER`` wrote its settings (dd/settings/desk/desk.ini) and its log
    (dd/logs/desk.log) into the article folder before the library refused the data folder."""
    before = sorted(p.name for p in folder.rglob("*"))
    inside = folder / "dd"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    env.pop("DESK_DATA_DIR", None)
    args = {"option": ["--data-dir", str(inside), str(folder)], "env": [str(folder)],
            "smoke": ["--data-dir", str(inside), "--smoke-test", str(folder)]}[how]
    if how == "env":
        env["DESK_DATA_DIR"] = str(inside)
    done = subprocess.run([sys.executable, "-m", "desk", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "lies inside the article folder" in done.stderr
    assert sorted(p.name for p in folder.rglob("*")) == before


@pytest.mark.parametrize("command", ["search", "compare", "timeline"])
def test_an_outlet_no_article_is_from_gets_a_sentence(command: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """``--outlet "Harbour Gazete"`` (misspelt) filtered every passage out, and desk said only that no
    passage matched the query."""
    f = tmp_path / "articles"
    f.mkdir()
    (f / "one.md").write_text('---\ntitle: "Ferry"\nsite: "Harbour Gazette"\ndate: 2023-04-02\n---\n\n'
                              "The ferry company said 14 crossings were cancelled on Sunday.\n", encoding="utf-8")
    data = str(tmp_path / "d")
    code = cli.main([command, str(f), "crossings", "--outlet", "Harbour Gazete", "--data-dir", data])
    err = capsys.readouterr().err
    assert code == 2
    assert "No article of this folder is from the outlet \u201cHarbour Gazete\u201d; its outlets: Harbour Gazette" in err
    assert "No passages match" not in err
    # the outlet as written, in any case, still filters
    assert cli.main([command, str(f), "crossings", "--outlet", "harbour gazette", "--data-dir", data]) == 0
