"""Claimant rule of session h36c (issue 15): a description that opens the sentence is no part of the name.

Inside a sentence a description before a name is written in lower case ("rival Vellco", "host Mara Quist") and the
name is what follows it.  Where it opens the sentence the description is capitalised like the name, so the capital
says nothing: a noun or an adjective that describes a person or a business by their work, their standing or their
nation ("Rival", "Host", "Irishman") goes there too.  A word that is also a given name or a name's first word is
left alone, and so is a capitalised word inside the sentence.  A surname's prefix typed with a space after it
("O' Hara") is one word.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.names import canonical_name

from .helpers import claimants_by_figure


def test_a_description_that_opens_the_sentence_goes() -> None:
    text = "Fuel stocks at the coast ran low in May. Rival Vellco said its margins shrank by 12%."
    assert claimants_by_figure(text)["12%"] == "Vellco"
    text = "Host Mara Quist told listeners that 40 callers had rung the studio about the bridge."
    assert claimants_by_figure(text)["40"] == "Mara Quist"
    text = "Irishman Colm Drennan said 300 runners had finished the hill course before noon."
    assert claimants_by_figure(text)["300"] == "Colm Drennan"


def test_a_given_name_or_a_word_inside_the_sentence_stays() -> None:
    # a word that is also a given name ("Grant") is no description; "Rival" is one
    text = "Grant Telby said 300 runners had finished. Rival Telby said 40 had not."
    assert claimants_by_figure(text) == {"300": "Grant Telby", "40": "Telby"}
    # inside the sentence a capital is the name's: "the Rival Line" is a ferry company's name
    text = "On Monday the Rival Line said 300 crossings were cancelled. Rival Orvane said 12 were late."
    assert claimants_by_figure(text) == {"300": "Rival Line", "12": "Orvane"}


def test_a_split_surname_prefix_is_one_word() -> None:
    assert canonical_name("Ciara O' Hara") == "Ciara O'Hara"
    assert canonical_name("Luc D’ Amboise") == "Luc D'Amboise"
    text = "Host Ciara O' Hara said 40 listeners had rung in."
    assert claimants_by_figure(text)["40"] == "Ciara O'Hara"
