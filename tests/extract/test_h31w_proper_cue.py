"""The entity recogniser reads the same parses when need_entities reuses find_back's answers."""

from __future__ import annotations

from desk.extract import claimants
from desk.extract.figures import find_figures

_TEXTS = [
    "Mayor Ilse Varnhagen said on Tuesday that 1,200 tonnes of herring were landed. She added that the quay "
    "would reopen. According to the Dorrow Harbour Board, about 300 boats were idle, it said.",
    "The ferry company reported 40 cancelled crossings. It blamed the storm, a spokeswoman told reporters. "
    "They said more than 9,000 passengers were affected, and officials agreed.",
    "Nobody would confirm the figure. A clerk at the grain exchange, who would not give a name, said 12 percent "
    "of the levy was never collected. He said the council knew.",
]


def _jobs() -> list[claimants._Job]:
    model = claimants.load_model()
    jobs = [claimants._Job(t, find_figures(t), [], True) for t in _TEXTS]
    claimants._parse(jobs, [j.want for j in jobs], model)
    for j in jobs:
        j.find_back()
    claimants._parse(jobs, [j.back for j in jobs], model)
    return jobs


def test_need_entities_picks_the_same_parses_with_and_without_the_kept_answers() -> None:
    jobs = _jobs()
    assert any(j.proper_cue for j in jobs)
    for j in jobs:
        assert set(j.proper_cue) <= set(j.docs)
        kept = j.need_entities()
        j.proper_cue.clear()
        again = j.need_entities()
        assert [id(d) for d in kept] == [id(d) for d in again]
    assert any(j.need_entities() for j in jobs)


def test_each_kept_answer_is_the_one_a_fresh_reading_gives_at_offset_zero() -> None:
    for j in _jobs():
        for i, proper in j.proper_cue.items():
            assert proper == any(c.proper for c in claimants._doc_cues(j.docs[i], 0, j.every))
