"""Session h34h: a run of 300,000 characters without a space (a pasted blob, an encoded image in a text
file) was one sentence and one passage of 300,083 characters: the compare cell, the claims table's
sentence and the Results list laid it out whole on the GUI thread.  A sentence piece is now at most
MAX_SPAN_CHARS characters (cut at a space where there is one), and such pieces count by their length when
passages are grouped, so a passage holds one or two of them."""

from __future__ import annotations

from desk.corpus.passages import MAX_SPAN_CHARS, cut_passages


def test_a_long_run_without_spaces_makes_short_passages() -> None:
    text = "The dock office said 31 barges stayed moored. " + "q" * 300_000 + " Pilots said 12 tugs waited.\n"
    passages = cut_passages(text, [])
    assert max(p.end - p.start for p in passages) <= 2 * MAX_SPAN_CHARS + 100
    assert text.index("q" * 10) >= passages[0].start
    assert any("Pilots said 12 tugs waited." in text[p.start : p.end] for p in passages)
    assert any("31 barges" in text[p.start : p.end] for p in passages)
    covered = sum(text[p.start : p.end].count("q") for p in passages)
    assert covered == 300_000  # nothing of the text is lost


def test_a_long_sentence_of_long_words_is_cut_at_spaces() -> None:
    word = "w" * 70
    text = " ".join([word] * 100) + ".\n"  # 7,100 characters, 100 words: under the word limit
    passages = cut_passages(text, [])
    assert max(p.end - p.start for p in passages) <= 2 * MAX_SPAN_CHARS + 1
    for p in passages:
        assert text[p.start] != " "
        assert text[p.end - 1] != " "


def test_ordinary_prose_keeps_its_passages() -> None:
    sentence = "The ferry office said that {n} crossings ran late on the northern route this week."
    text = " ".join(sentence.format(n=i) for i in range(40)) + "\n"
    passages = cut_passages(text, [])
    assert len(passages) > 1
    assert all(p.end - p.start < MAX_SPAN_CHARS for p in passages)
