"""Sources the parse hides behind another word (issue 15, session 27, h27a).

The cue word is in desk's lists, but the parse puts its doer somewhere the subject rules did not look:

- a participle after "by", "of", "in" or "at": "began by praising", "steered clear of criticising" (not after
  a noun, "a part in promoting", nor after "for", "fined for refusing");
- a verb of wanting or believing with a thing for its object: "the growers want cheaper diesel" (not "know");
- an infinitive after a verb of making: "forced the director to admit that ..." (the object does it; not
  "urged ... to", "allowed ... to": wanted, not done), or after "be able / willing / determined to";
- a participle on a paper that someone puts out: "filed papers opposing ...", "ran an advertisement attacking ..."
  (not a participle on any other noun: "a post attacking ...").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def _sources(text: str) -> set[str]:
    return {s for s, _ in listed(text)}


def test_a_participle_after_by_speaks_for_the_subject() -> None:
    got = listed("Governor Alma Petrosyan opened the session by praising the new ferry timetable.")
    assert ("Governor Alma Petrosyan", "praising") in got


def test_a_participle_after_of_through_an_adjective_speaks_for_the_subject() -> None:
    got = listed("The Dockers' Union is steering clear of criticising the harbour board.")
    assert ("The Dockers' Union", "criticising") in got


def test_a_participle_on_a_noun_or_after_for_names_no_source() -> None:
    # what someone is known or blamed for is no act of speech
    assert not any(c == "promoting" for _, c in listed("Jon Varga sat before the inquiry over his part in promoting the scheme."))
    assert not any(c == "refusing" for _, c in listed("The panel fined Jon Varga for refusing to testify."))


def test_a_verb_of_wanting_with_a_thing_for_object_takes_a_stand() -> None:
    got = listed("The orchard growers want cheaper diesel and a longer season.")
    assert ("The orchard growers", "want") in got


def test_a_verb_of_knowing_with_a_thing_for_object_takes_no_stand() -> None:
    assert not listed("The orchard growers know the valley roads well.")


def test_a_verb_of_making_hands_the_infinitive_to_its_object() -> None:
    text = (
        "The committee chair forced Ida Lorne, who runs the port authority, to admit that no manager had been "
        "disciplined."
    )
    assert "Ida Lorne" in _sources(text)


def test_a_verb_of_asking_does_not_hand_it_on() -> None:
    # "urged her to admit" says what was wanted of her, not that she admitted it
    text = "The committee chair urged Ida Lorne to admit that no manager had been disciplined."
    assert "Ida Lorne" not in _sources(text)


def test_be_able_to_hands_the_infinitive_to_the_subject() -> None:
    got = listed("Mayor Tollan was able to boast that the new tram line opened on time.")
    assert ("Mayor Tollan", "boast") in got


def test_a_participle_on_a_filed_paper_speaks_for_who_filed_it() -> None:
    got = listed("Lawyers for the fishing cooperative filed papers opposing the new quota.")
    assert ("Lawyers for the fishing cooperative", "opposing") in got


def test_a_participle_on_any_other_noun_names_no_source() -> None:
    # the post is no speaker, and the one who wrote it is not said here
    got = listed("Senator Okafor is describing as false a viral post attacking the harbour board.")
    assert not any(c == "attacking" for _, c in got)


def test_a_participle_after_a_verb_with_an_object_is_the_objects_act() -> None:
    # the one accused of attacking is the one who attacks, not the accuser
    got = listed("The Varnian navy accused the Ostrel coast guard of attacking civilian ferries.")
    assert ("The Varnian navy", "accused") in got
    assert ("The Varnian navy", "attacking") not in got
    got = listed("Locals doubted the mayor's reasons in not warning the valley.")
    assert ("Locals", "warning") not in got


def test_a_participle_after_a_modal_or_a_passive_names_no_doer() -> None:
    # what the ministry could do is no act of the ministry's; a passive's subject does not act
    text = "Nobody knows whether the Treasury of Varnia could save more by announcing cuts to the ferry budget."
    assert not any(c == "announcing" for _, c in listed(text))
    text = "The island could only be protected by recognizing the old harbour treaty."
    assert not any(c == "recognizing" for _, c in listed(text))


def test_being_able_to_as_something_wanted_names_no_doer() -> None:
    got = listed("The Pellers want their lodgers to be able to teach the town about their culture.")
    assert ("The Pellers", "want") in got
    assert ("their lodgers", "teach") not in got
