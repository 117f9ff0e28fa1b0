"""Every-sentence sources, fourth round (issue 15): the writer or speaker who says "I" or "we".

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract, load_model

from .helpers import listed


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("I told the harbour board last spring that the pier would not last another winter.", "I", "told"),
        ("We argued for years that the tram line should reach the hospital.", "We", "argued"),
        ("Having lived by the canal for decades, I believe the new locks were a mistake.", "I", "believe"),
    ],
)
def test_a_first_person_writer_is_a_source(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


def test_first_person_in_a_paragraph_with_a_quotation_is_left_out() -> None:
    # the "I" may be the person quoted, whose words the article already attributes
    text = 'The ferryman shrugged. "I think the river will freeze early," he said. I doubt he is wrong.'
    assert [s for s, _ in listed(text) if s.lower() == "i"] == []
    assert ("he", "said") in listed(text)


def test_object_pronouns_are_no_source() -> None:
    assert listed("The mayor told us that the bridge would reopen in May.") == [("The mayor", "told")]


def test_a_first_person_source_gives_no_figure_a_claimant() -> None:
    claims = extract("I counted 40 lorries on the ring road before noon.").claims
    assert claims
    assert all(c.claimant == "" for c in claims)


def test_an_unnamed_first_person_is_listed_only_as_the_writers_own_cue() -> None:
    from desk.extract.claimants import _unresolved_source

    assert _unresolved_source("I", "stance")
    assert _unresolved_source("we", "stance")
    assert not _unresolved_source("I", "verb")


# -- verbs of discussing, characterising and attitude -------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Councillor Mira Holt discussed the tram budget with the planning board.", "Councillor Mira Holt"),
        ("The harbour union offered no evidence for the delay.", "The harbour union"),
        ("Governor Tomas Reyes linked the flooding to years of neglected drains.", "Governor Tomas Reyes"),
        ("Senator Ada Quill painted the ferry contract as a giveaway.", "Senator Ada Quill"),
        ("The dairy farmers resented the new water charges.", "The dairy farmers"),
        ("Ilse Brandt openly admires the old mayor's housing policy.", "Ilse Brandt"),
    ],
)
def test_verbs_of_discussing_characterising_and_attitude_name_a_source(text: str, source: str) -> None:
    assert source in [s for s, _ in listed(text)]


def test_verbs_of_effort_name_no_source() -> None:
    assert listed("The port authority tried to reopen the channel and raised the dredging fees.") == []


# -- "as X put it" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("As the harbour master put it, the old pier has had its day.", "the harbour master"),
        ("The fees doubled in a year, as Councillor Ada Roe pointed out on Monday.", "Councillor Ada Roe"),
        ("As several engineers have noted, the bridge was never designed for lorries.", "several engineers"),
    ],
)
def test_a_cue_in_an_as_clause_names_a_source(text: str, source: str) -> None:
    assert source in [s for s, _ in listed(text)]


def test_an_as_clause_of_time_names_no_source() -> None:
    assert listed("As the council continued its meeting, the lights went out across the harbour.") == []


def test_a_tag_inside_the_sentence_names_the_speaker_not_the_phrase_before() -> None:
    # "To know the real Tom Vale, Judge Roe said, one must read it.": the parser may hang "said" on the
    # main clause, give it "Vale" for its subject and make the judge Vale's apposition
    from spacy.tokens import Doc

    from desk.extract.claimants import _tag_speaker

    nlp = load_model()
    words = ["To", "know", "the", "real", "Tom", "Vale", ",", "Judge", "Roe", "said", ",", "one", "must", "read",
             "it", "."]
    heads = [1, 13, 5, 5, 5, 9, 5, 8, 5, 13, 9, 13, 13, 13, 13, 13]
    deps = ["aux", "advcl", "det", "amod", "compound", "nsubj", "punct", "compound", "appos", "parataxis", "punct",
            "nsubj", "aux", "ROOT", "dobj", "punct"]
    tags = ["TO", "VB", "DT", "JJ", "NNP", "NNP", ",", "NNP", "NNP", "VBD", ",", "PRP", "MD", "VB", "PRP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert _tag_speaker(doc[9], doc[5]).text == "Roe"
    # a tag that opens the sentence keeps its own subject
    words = ["Judge", "Roe", "said", ",", "one", "must", "read", "it", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 2, 6, 2, 6, 6, 6, 6, 6],
        deps=["compound", "nsubj", "parataxis", "punct", "nsubj", "aux", "ROOT", "dobj", "punct"],
        tags=["NNP", "NNP", "VBD", ",", "PRP", "MD", "VB", "PRP", "."],
    )
    assert _tag_speaker(doc[2], doc[1]).text == "Roe"


# -- verbs of appointing, apologising, weighing in, quarrelling; a measure is no stance ----------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Governor Tomas Reyes appointed two farmers to the water board.", "Governor Tomas Reyes"),
        ("The harbour company never apologized for the oil spill.", "The harbour company"),
        ("Several councillors weighed in on the parking dispute.", "Several councillors"),
        ("Mayor Ada Roe sparred with the governor over the budget.", "Mayor Ada Roe"),
    ],
)
def test_more_verbs_of_stance_name_a_source(text: str, source: str) -> None:
    assert source in [s for s, _ in listed(text)]


def test_a_measure_is_no_object_of_a_stance() -> None:
    assert listed("The prize bull weighs 900 kilograms.") == []
    assert ("The mayor", "weighed") in listed("The mayor weighed the proposal for a week.")


# -- "X appeared to suggest": the subject of a verb of seeming or going on -----------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mayor Ada Roe appeared to suggest that the pier would close.", "suggest"),
        ("Mayor Ada Roe took to the radio to accuse the port of lying.", "accuse"),
        ("Mayor Ada Roe seemed to admit that the pier was unsafe.", "admit"),
    ],
)
def test_the_infinitive_of_a_verb_of_seeming_has_its_subject(text: str, cue: str) -> None:
    assert ("Mayor Ada Roe", cue) in listed(text)


def test_an_infinitive_with_someone_else_to_do_it_names_no_source() -> None:
    assert listed("The new rules allow the harbour board to tell the ferry company that fees will rise.") == []
    # a verb of need or effort says what is wanted or tried, not what was said
    assert [c for _, c in listed("Mayor Ada Roe needs to explain why the pier closed.")] != ["explain"]
