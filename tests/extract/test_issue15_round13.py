"""Claimant rules, thirteenth round (issue 15): words that look like cues but report nothing.

- an attack that kills or wounds, or is made with weapons, is armed ("attacked the Harbour Star, killing nine");
- "with X expected to ..." is a passive: X is expected, X expects nothing;
- "spoke against the backdrop of ..." is where, not what, someone spoke;
- "His new firm, called the Harbour Light Company, ..." gives a name, nobody calls anything;
- a title's phrase with a preposition inside ("Storm Over Harbour: ...") is no speaker's label;
- "claimed a tax deduction", "claimed the seat": taken or filed for, not asserted.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_an_attack_that_kills_or_uses_weapons_is_armed() -> None:
    assert listed("In 2011, they attacked the Harbour Star, killing nine crew members.") == []
    assert listed("In 2011, Norland attacked the Harbour Star, sinking it within an hour.") == []
    assert listed("Norland attacked the Blue Gull with missiles on Monday.") == []
    assert listed("The militia attacked the Ostrava with drones at dawn.") == []
    # words against a plan or a person stay a stance, also with a participle of speech after them
    assert listed("Councillor Ana Roe attacked the plan, calling it reckless.") == [
        ("Councillor Ana Roe", "attacked"), ("Councillor Ana Roe", "calling"),
    ]
    assert listed("The senator attacked the premier over the ferry fares.") == [("The senator", "attacked")]


def test_with_x_expected_to_is_a_passive() -> None:
    assert listed("With both the bishop and his sister expected to attend the feast, the hall was full.") == []
    assert listed("The parade will go on, with the Governor and her deputy Lena expected to open the fair.") == []
    # the active verb keeps its subject as the one who expects
    assert listed("The mayor expected to win the vote.") == [("The mayor", "expected")]
    assert listed("The mayor, with the board, expected the vote to pass.") == [("The mayor", "expected")]


def test_a_backdrop_is_no_topic() -> None:
    assert listed("The bishop spoke against the pale stone backdrop of the abbey.") == []
    assert listed("The mayor spoke against the new ferry tax.") == [("The mayor", "spoke")]


def test_called_with_a_name_between_commas_names_a_thing() -> None:
    assert listed("His new firm, called the Harbour Light Company, will still run the pier.") == []
    assert listed("Their group, called the Northern River Fund, will keep the land.") == []
    assert listed("Roe called the plan a disgrace.") == [("Roe", "called")]
    assert listed("The mayor called for a new ferry link.") == [("The mayor", "called")]


def test_a_title_phrase_with_a_preposition_is_no_label() -> None:
    text = "Panic Over Ferries: Captain Jan Voss Was Sent Home But Returned Within Hours.\n\nVoss was seen on Monday."
    assert listed(text) == []
    text = "Trouble In Dunmore: Council Cuts 40 Jobs at the Port.\n\nThe vote was held on Monday."
    assert listed(text) == []
    assert claimants_by_figure(text)["40"] == ""
    text = "Mayor Ilse Brandt: We Will Build 40 New Homes This Year.\n\nThe plan was unveiled on Monday."
    assert listed(text)[0] == ("Mayor Ilse Brandt", ":")
    assert claimants_by_figure(text)["40"] == "Ilse Brandt"


def test_claiming_a_thing_is_no_claim() -> None:
    assert listed("The firm claimed a tax deduction of $900 million in 1995.") == []
    assert listed("The party claimed the seat in the spring vote.") == []
    assert listed("He claimed asylum in Lisbon.") == []
    text = "The firm claimed a loss of 300 million euros on the sale, the Daily Harbour reported."
    assert listed(text) == [("the Daily Harbour", "reported")]
    assert claimants_by_figure(text)["300 million"] == "Daily Harbour"
    # what a flood or a blast "claimed" are lives it took: no one asserts the count
    assert claimants_by_figure("The floodwaters cut off two towns and claimed the lives of 40 people.")["40"] == ""
    # claims of something said stay
    assert listed("The rebels claimed responsibility for the blast.") == [("The rebels", "claimed")]
    assert listed("The former councillor claimed credit for the new pier.") == [("The former councillor", "claimed")]
    assert listed("He claimed that the loss was small.") == [("He", "claimed")]


def test_a_relative_clause_without_that_speaks_for_the_plural_before_it() -> None:
    # the parser reads "say" as a second verb of the sentence, with no subject of its own
    assert listed("The clinic has a fraction of the $3 million nurses say it needs to stay open.") == [("nurses", "say")]
    assert listed("The town paid the $5 million auditors say it owed.") == [("auditors", "say")]
    # a sum before the plural is what they speak of, not who speaks
    text = "The council raised far less than the $12 million engineers say the bridge will cost."
    assert listed(text) == [("engineers", "say")]
    assert claimants_by_figure(text)["$12 million"] == "engineers"
    # a second verb after "and" or a comma keeps the first verb's subject
    assert listed("The mayor met the unions, said little and left.") == [("The mayor", "said")]
    assert listed("The mayor confirmed the cuts and said 40 jobs would go.") == [
        ("The mayor", "confirmed"), ("The mayor", "said"),
    ]


def test_the_name_after_a_closing_quotation_mark_speaks() -> None:
    # The parser sometimes hangs the speaker of '"...," Roe, a union adviser, said on Harbour TV's "Bread and
    # Roses."' on the quotation and gives "said" the show's name after it for subject; the tag's name speaks.
    from desk.extract.claimants import _subject_of, load_model

    doc = load_model()("“The gap is huge,” Roe, a union adviser, said on Harbour TV’s “Bread and Roses.”")
    said = next(t for t in doc if t.text == "said")
    roe = next(t for t in doc if t.text == "Roe")
    bread = next(t for t in doc if t.text == "Bread")
    gap = next(t for t in doc if t.text == "huge")
    roe.head, roe.dep_ = gap, "appos"
    bread.head, bread.dep_ = said, "nsubj"
    assert _subject_of(said).i == roe.i
    # an inverted tag and a quotation without a name before the verb keep the subject after the verb
    doc = load_model()("“The gap is huge,” said Ann Roe.")
    said = next(t for t in doc if t.text == "said")
    assert _subject_of(said).text == "Roe"
    assert listed("“The gap is huge,” said Ann Roe, a union adviser.") == [("Ann Roe", "said")]


def test_a_title_case_headline_ending_in_a_full_stop_keeps_its_speech_tag() -> None:
    text = "Mayor Could Back Harbour Tax, Senator Ann Roe Says.\n\nThe senator spoke on Monday."
    assert listed(text) == [("Senator Ann Roe", "says")]
    # what the tag reports names no source of its own
    text = "Ferry Boss ‘Captain Cheap’ May Cut 40 Routes, Union Chief Ann Roe Warns.\n\nRoe spoke on Monday."
    assert listed(text) == [("Union Chief Ann Roe", "warns")]
    assert claimants_by_figure(text)["40"] == "Ann Roe"
    # only the verb tags are read on such a line: a colon does not make the rest of it a source
    text = "Harbour Weekly Review: Mayor Could Back New Roads Plan With 40 Stops.\n\nThe senator spoke on Monday."
    assert claimants_by_figure(text)["40"] == ""


def test_the_name_before_a_participle_phrase_speaks_not_the_place_that_ends_it() -> None:
    text = "The banner bore the words ''Not one more cut,'' as Ann Roe, standing on the quay in Dunmore, said at the rally."
    assert listed(text) == [("Ann Roe", "said")]
    # the opening phrase's own object still does not speak for the name hung on it
    assert listed("In a letter to the board, the chief, Gen. Ada Quill, praised the plan.") == [("Gen. Ada Quill", "praised")]


def test_a_long_unnamed_source_is_judged_by_its_own_phrase() -> None:
    # a writing named by its kind with a long "to ..." phrase after it speaks like a short one
    text = "The petition to the Harbour Port Authority’s Board of Appeal on Fishing Rights says the quota broke the law."
    assert listed(text) == [("The petition to the Harbour Port Authority’s Board of Appeal on Fishing Rights", "says")]
    assert listed("The petition says the quota broke the law.") == [("The petition", "says")]
    # a phrase that names no one stays out however short its core
    assert listed("The long grey list of all the old and new rules of the port says little.") == []


def test_a_passive_second_verb_does_not_make_the_first_subject_its_speaker() -> None:
    assert listed("Ms. Voss chairs the rowing club and has been mentioned as a likely candidate for mayor.") == []
    # quoted or reported as saying: the subject is who spoke
    assert listed("The mayor confirmed the cuts and was quoted as saying 40 jobs would go.") == [
        ("The mayor", "confirmed"), ("The mayor", "quoted"),
    ]


def test_regard_for_oneself_is_no_position() -> None:
    assert listed("She was very sure of herself.") == []
    assert listed("He is confident of a win in the spring vote.") == [("He", "confident")]


def test_a_name_after_a_verb_of_choosing_is_its_object_and_the_share_joined_to_it_speaks() -> None:
    # The parser sometimes reads "Voss and 38 percent" as the subject of "back" (and may tag "back" an adverb);
    # the name is the object of "pick", the share the subject of "back".
    from desk.extract.claimants import _subject_of, load_model

    doc = load_model()("Of those asked, 52 percent would pick Voss and 38 percent would back Lind.")
    pick, voss, back = (next(t for t in doc if t.text == w) for w in ("pick", "Voss", "back"))
    share = next(t for t in doc if t.text == "percent" and t.i > voss.i)
    voss.head, voss.dep_ = back, "nsubj"
    share.head, share.dep_ = voss, "conj"
    assert _subject_of(back).i == share.i
    assert not any(c.dep_ == "dobj" for c in pick.children)
    # a name that opens the sentence is a subject, the share beside it too
    assert listed("The mayor and 40 percent of the council backed the plan.") == [("The mayor", "backed")]


def test_a_bare_verb_before_its_noun_is_an_imperative() -> None:
    assert listed("Cafés could cut prices (think Lisbon, for instance) to win tourists back.") == []
    assert listed("Towns could cut fares (think Dunmore, for one) to fill the buses.") == []
    # a quotation's tag with the speakers after the verb keeps them
    assert listed("“The pier will close,” say the experts.") == [("the experts", "say")]
    assert listed("The towns are not strategic, say Ukrainian advisers, and the goal is to hold the river.") == [
        ("Ukrainian advisers", "say"),
    ]


def test_a_source_starts_after_a_bracket_it_never_opened() -> None:
    # a wire credit in brackets before the sentence's subject: the parse took "Norland Post) Norland"
    assert listed("(Norland Post) Norland announced on Wednesday that the ferry had stopped.") == [
        ("Norland", "announced"),
    ]
    assert listed("Ferry Stops\n\n(HARBOURWIRE- Norland Post) Norland announced on Wednesday that the ferry had "
                  "stopped.") == [("Norland", "announced")]
    # a bracket after the name is left as the parse has it: the source is not cut to what follows
    assert listed("The Harbour Board (HB) announced on Monday that the ferry will stop.") == [
        ("The Harbour Board", "announced"),
    ]
