"""Session h33h: every count option of every command is checked for its range, before anything is indexed.

``desk compare --limit`` had no upper bound (``--limit 1000000`` grouped every passage of the query:
58 s and 4 GB for one word on a 6,800-article folder), and ``--limit 0`` of search and compare was
refused only after the folder had been indexed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Dock\n\nThe harbour office said 40 cranes stood idle on Friday.\n", encoding="utf-8")
    return f


def _options_taking_numbers() -> list[tuple[str, str]]:
    """Every (command, option) whose value the parser turns into a number."""
    found = []
    parser = cli.build_parser()
    for name, sub in parser.commands.items():  # type: ignore[attr-defined]
        for action in sub._actions:  # noqa: SLF001 - argparse keeps them only there
            if action.option_strings and action.type not in (None, str) and getattr(action.type, "__name__", "") in (
                "check", "int", "float"
            ):
                try:
                    value = action.type("5")
                except Exception:  # noqa: BLE001 - a text option
                    continue
                if isinstance(value, int | float):
                    found.append((name, action.option_strings[-1]))
    return found


def test_every_number_option_is_a_bounded_count() -> None:
    found = _options_taking_numbers()
    assert ("search", "--limit") in found
    assert ("compare", "--limit") in found
    parser = cli.build_parser()
    for name, option in found:
        action = next(a for a in parser.commands[name]._actions if option in a.option_strings)  # type: ignore[attr-defined]  # noqa: SLF001
        assert action.type is not int, f"desk {name} {option} takes any int"


@pytest.mark.parametrize(("command", "value", "said"), [
    ("compare", "1000000", "1,000,000 is out of range: give a number from 1 to 2,000"),
    ("compare", "0", "0 is out of range"),
    ("compare", "-5", "-5 is out of range"),
    ("compare", "2.5", "'2.5' is not a whole number"),
    ("search", "0", "0 is out of range: give a number from 1 to 100,000"),
    ("search", "100001", "100,001 is out of range"),
    ("search", "9" * 5000, "'" + "9" * 59 + "\u2026' is not a whole number"),
    ("search", "ten\x1b[2J", "'ten\\x1b[2J' is not a whole number"),
])
def test_an_out_of_range_count_gets_a_sentence_before_indexing(command: str, value: str, said: str, folder: Path,
                                                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    code = cli.main([command, str(folder), "cranes", f"--limit={value}", "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"argument --limit: {said}" in err
    assert "\x1b" not in err
    assert len(err) < 600
    assert not data.exists()  # refused before the folder was indexed


@pytest.mark.parametrize(("command", "value"), [("search", "1,000"), ("compare", " 3"), ("compare", "2000")])
def test_a_count_in_range_still_goes(command: str, value: str, folder: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, str(folder), "cranes", f"--limit={value}", "--data-dir", str(tmp_path / "d")]) == 0
