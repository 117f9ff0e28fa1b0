from typing import Any

from desk.compare.tokens import content_stems, stem, word_tokens


def test_numbers_stay_whole() -> None:
    toks = [t.text for t in word_tokens("more than 14,400 soldiers, 1.2K bodies and 5.7 million people; $2 or 40%")]
    assert "14,400" in toks
    assert "1.2K" in toks
    assert "5.7 million" in toks
    assert "$2" in toks
    assert "40%" in toks
    assert "14," not in toks
    assert "14" not in toks


def test_number_keys_ignore_thousands_separators() -> None:
    a = word_tokens("14,400")[0]
    b = word_tokens("14400")[0]
    assert a.key == b.key
    assert a.number


def test_multi_word_names_are_one_token() -> None:
    toks = word_tokens("Ukrainian President Volodymyr Zelensky said on Sunday that the war goes on.")
    texts = [t.text for t in toks]
    assert "Ukrainian President Volodymyr Zelensky" in texts
    assert "Sunday" in texts
    # spans point back into the text
    for t in toks:
        assert "Ukrainian President Volodymyr Zelensky said on Sunday that the war goes on."[t.start : t.end] == t.text


def test_stems_equate_inflections_and_synonyms() -> None:
    assert stem("killed") == stem("kills") == stem("killing") == stem("kill")
    assert stem("soldiers") == stem("troops") == stem("soldier")
    assert stem("wounded") == stem("injured")
    assert "the" not in content_stems("the soldiers were killed")
    assert content_stems("The soldiers were killed") == [stem("soldiers"), stem("killed")]


def test_hyphenated_compounds_count_by_their_parts() -> None:
    from desk.compare.tokens import content_stems

    # "NZ-built" and "built" share a stem; the stop-word part of "all-female" adds nothing
    assert "built" in content_stems("the NZ-built ferry")
    assert set(content_stems("an all-female crew")) == set(content_stems("a female crew"))
    assert content_stems("a Navy-backed claim")[:2] == content_stems("Navy backed")


def test_content_stems_are_the_same_when_words_are_remembered() -> None:
    from desk.compare import tokens

    text = "The Harbour-side ferries were stopped; the ferry's 412 passengers waited in 3 million drops of rain."
    tokens.clear_word_stems()
    first = tokens.content_stems(text)
    assert first == ["harbour", "side", "ferri", "stop", "ferry", "passenger", "wait", "drop", "rain"]
    assert tokens._WORD_STEMS["the"] == ()  # a stop word is remembered as no stem
    assert tokens._WORD_STEMS["harbour-side"] == ("harbour", "side")
    again = tokens.content_stems(text)
    assert again == first
    assert again is not first
    again.append("changed")  # a caller's list is its own: the remembered words are untouched
    assert tokens.content_stems(text) == first
    tokens.clear_word_stems()
    assert not tokens._WORD_STEMS
    assert tokens.content_stems(text) == first


def test_remembered_word_stems_stay_within_their_bound(monkeypatch: Any) -> None:
    from desk.compare import tokens

    tokens.clear_word_stems()
    monkeypatch.setattr(tokens, "_WORD_STEMS_SIZE", 3)
    stems = tokens.content_stems("Lanterns glowed over quiet canals while boatmen counted barrels")
    assert len(tokens._WORD_STEMS) == 3
    assert stems == ["lantern", "glow", "quiet", "canal", "boatmen", "count", "barrel"]
    tokens.clear_word_stems()


def test_word_tokens_keep_inner_apostrophes_and_hyphens_and_stop_at_doubled_or_trailing_ones() -> None:
    # the word pattern written as runs (tokens._WORD) splits as the one-character-at-a-time pattern did
    from desk.compare.tokens import word_tokens

    got = [t.text for t in word_tokens("don't stop--now rock-'n'-roll Kyiv’s e-mail- ’tis x_y 9-year-old", names=False)]
    assert got == ["don't", "stop", "now", "rock", "n", "roll", "Kyiv’s", "e-mail", "tis", "x_y", "9", "year-old"]
