"""The terminal rows' fill: lines within the width where the words allow, and no word ever cut."""

from __future__ import annotations

from desk.compare.render import fill


def test_fill_keeps_lines_within_the_width_and_every_word_whole() -> None:
    text = "Harbour officials in Veldmark counted 1,204 crates of tinned pears on the east-bound barges last week"
    out = fill(text, 40, "   [Veldmark Post] ", "      ")
    lines = out.splitlines()
    assert lines[0].startswith("   [Veldmark Post] Harbour")
    assert all(line.startswith("      ") for line in lines[1:])
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(" ".join(lines).split()[2:]) == text  # the words, in order, none cut or lost
    assert "east-bound" in out.split()  # a hyphen is no place to break a word


def test_fill_never_cuts_a_word_longer_than_the_line_or_after_a_wide_label() -> None:
    label = "   [Wire (also: Veldmark Post, Orrin Daily, Coast Ledger)] "
    out = fill("Tolls rose again", 30, label, "      ")
    assert out.splitlines()[0] == label + "Tolls"  # the label is wider than the line: the word still whole
    long_word = "x" * 50
    assert fill(f"a {long_word} b", 20, "", "  ").splitlines() == ["a", "  " + long_word, "  b"]


def test_fill_of_no_words_is_empty() -> None:
    assert fill("   ", 40, "   • ", "     ") == ""
