"""A quotation of several sentences with its tag after it is one comparison unit, never a fragment.

"'Our town. Ours. Vell,' the mayor wrote" used to give the unit "Vell,' the mayor wrote ...": the stops
inside the quotation ended sentences, and the short pieces before them were too short to be units.
Every sentence here was written for these tests.
"""

from __future__ import annotations

from desk.compare.retrieve import _claim_sentences
from desk.extract.sentences import sentences
from desk.model import Article, Passage


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, single_quotes=False, tagged_quotes=True)]


def test_a_quotation_tagged_after_it_is_one_sentence() -> None:
    text = "Crowds filled the square. 'Our town. Ours. Vell,' the mayor wrote online as the bells rang out."
    parts = _split(text)
    assert parts[-1].endswith("'Our town. Ours. Vell,' the mayor wrote online as the bells rang out.")
    assert not any(p.startswith(("Vell,'", "Ours.")) for p in parts)
    text = "“We will rebuild. Every street of it,” the governor said on Sunday. Then she left for Orsk."
    assert _split(text) == ["“We will rebuild. Every street of it,” the governor said on Sunday.", "Then she left for Orsk."]


def test_a_quotation_closed_by_its_stop_or_tagged_before_still_ends_sentences() -> None:
    text = "The mayor spoke at noon. “We will stay.” Then 12 families left Vell."
    assert _split(text) == ["The mayor spoke at noon.", "“We will stay.”", "Then 12 families left Vell."]
    text = "The governor said: “Nobody came. Nobody called.” Aid reached Orsk on Monday."
    assert _split(text) == ["The governor said: “Nobody came.", "Nobody called.”", "Aid reached Orsk on Monday."]
    # apostrophes open no quotation
    text = "The town's mayor said 12 died. Residents' anger grew. It rose, he said."
    assert _split(text) == ["The town's mayor said 12 died.", "Residents' anger grew.", "It rose, he said."]
    # without the option, sentences split as before (the claimant rules read these)
    plain = "“We will rebuild. Every street of it,” the governor said."
    assert [plain[s:e] for s, e in sentences(plain)] == ["“We will rebuild.", "Every street of it,” the governor said."]


def test_a_comparisons_units_keep_the_quotation_with_its_tag() -> None:
    text = (
        "Crowds filled the square at Vell on Friday to greet the first soldiers. 'Our town. Ours. Vell,' the "
        "mayor wrote online as 40 buses brought families home."
    )
    article = Article(id="a1", path="/x/a.txt", relpath="a.txt", title="Vell", outlet="Daily A", date=None,
                      text=text, passages=[Passage(0, 0, len(text))])
    units = [text[s:e] for s, e in _claim_sentences(article, 0, len(text))]
    assert "'Our town. Ours. Vell,' the mayor wrote online as 40 buses brought families home." in units[-1]
    assert not any(u.startswith(("Vell,'", "Ours.")) for u in units)
