"""Session h35h: an outlet's name loses its control characters, as it loses its format characters.

``outlet_label`` folded an outlet to one identity (full-width letters, zero-width spaces and bidi
controls out), but kept ESC, NUL, DEL and C1 controls of an ASCII name: a front matter's
``site: "Bay\\e[31mTimes"`` made an outlet whose name the window's outlet filter, its Wording box and
its pane names showed raw, and that nobody can type in ``--outlet``.  Control characters now leave the
name (white space among them becomes one space); names without any are as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.corpus.outlets import outlet_label
from desk.library import Library


@pytest.mark.parametrize(("written", "label"), [
    ("Bay\x1b[31mTimes", "Bay[31mTimes"),
    ("Harbour\x00 Post\x7f", "Harbour Post"),
    ("Coast\x9b2J Gazette", "Coast2J Gazette"),
    ("Bay\tTimes\n", "Bay Times"),
    ("Quay \u2028Courier\x85", "Quay Courier"),
    ("Reu\u200bters", "Reuters"),
    ("The Harbour Post", "The Harbour Post"),
])
def test_outlet_label_drops_control_characters(written: str, label: str) -> None:
    assert outlet_label(written) == label


def test_a_site_with_an_escape_sequence_is_an_outlet_without_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        '---\ntitle: "Cranes idle"\nsite: "Bay\\e[31mTimes\\e]0;x\\a"\ndate: 2023-03-05\n---\n\n'
        "The port office said 40 cranes stood idle on Friday.\n"
    )
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert [a.outlet for a in lib.articles()] == ["Bay[31mTimes]0;x"]
        assert lib.outlets() == ["Bay[31mTimes]0;x"]
