"""Claimant names the folder writes in several ways (desk.extract.names)."""

from __future__ import annotations

from desk.extract.names import fold, normalise_text, one_name_each, role_prefixed, same_claimant, spelling_key


def test_british_and_american_spellings_share_a_key_and_other_words_do_not() -> None:
    assert spelling_key("Ministry of Defence") == spelling_key("ministry of defense")
    assert spelling_key("Harbour Organisation") == spelling_key("Harbour Organization")
    assert spelling_key("Centre for Tides") == spelling_key("Center for Tides")
    assert spelling_key("Labour Party") != spelling_key("Labor Party")
    assert spelling_key("Terence Dale") == "terence dale"  # "-ence" inside a name stays


def test_a_person_named_after_a_role_is_the_person_named_alone() -> None:
    names = [
        "Mara Okonjo", "harbour board chair Mara Okonjo", "former UN envoy Mara Okonjo",
        "Lee Park", "Valley Post columnist Lee Park",
        "Defense Ministry", "Ruritanian Defense Ministry",  # a body with its country: another body
        "Air Patrol", "spokesman for the Ruritanian Air Patrol",  # the word before the name is no role
        "Ivo Tan", "Sea Ivo Tan", "envoy on the Sea Ivo Tan",  # the person is the last two words
        "Rue Bell", "Dr Ana Rue Bell",  # no lower-case role: a longer name, maybe another person
        "spokesman for Mara Okonjo", "statement from the Lee Park",  # other sources, linked to the person
    ]
    assert role_prefixed(names) == {
        "harbour board chair Mara Okonjo": "Mara Okonjo",
        "former UN envoy Mara Okonjo": "Mara Okonjo",
        "Valley Post columnist Lee Park": "Lee Park",
    }


def test_given_names_spelt_two_ways_are_one_person_short_ones_are_not_told_apart() -> None:
    assert same_claimant("Dmitry Olvarsky", "Dmitri Olvarskiy")
    assert same_claimant("Vasilii Brenk", "Vasyl Brenk")
    assert not same_claimant("Jon Harle", "Jan Harle")  # too short to tell
    assert not same_claimant("Maria Tovell", "Mario Tovell")
    assert not same_claimant("Petra Lund", "Karl Lund")


def test_one_name_each_shows_a_persons_spellings_and_surname_under_the_most_frequent_full_name() -> None:
    shown = one_name_each({"Olvarsky": 9, "Dmitry Olvarsky": 5, "Dmitri Olvarskiy": 2,
                           "Governor Olvarsky": 1, "Harbour Authority": 4, "Ilse Varn": 3})
    assert shown == {"Olvarsky": "Dmitry Olvarsky", "Dmitri Olvarskiy": "Dmitry Olvarsky",
                     "Governor Olvarsky": "Dmitry Olvarsky"}
    # two people with one surname: each keeps their name, and the surname alone stays itself
    assert one_name_each({"Lund": 4, "Petra Lund": 2, "Karl Lund": 2}) == {}
    # a surname alone, with no full name beside it, is left as it is
    assert one_name_each({"Lund": 4, "Harbour Authority": 1}) == {}


def test_fold_plain_and_accented_names():
    # plain ASCII names take the short way; the result is what the full Unicode path gives
    assert fold("  Yuliia  SVYRYDENKO, ") == "yuliia svyrydenko"
    assert fold("Zoë Ríos-Müller") == "zoe rios-muller"
    assert fold("Ａｌｅｘ") == "alex"  # full-width letters fold under NFKD
    assert normalise_text("\u2018Harbour\u2019s  Board\u201d") == "Harbour's  Board".replace("  ", " ")
    assert normalise_text("e\u0301cole") == "\u00e9cole"  # composed under NFC
    assert spelling_key("Ministère de la Défense") == spelling_key("ministere de la defense")


def test_spelling_key_skips_no_british_spelling_it_would_rewrite() -> None:
    # the substring checks before each pattern (names.py _BRITISH_NEEDLES) leave the key as every pattern gives it
    from desk.extract.names import _BRITISH

    names = ["Ministry of Defence", "the Offences Office", "Harbour Organisations", "Kennedy Centre",
             "Theatres Trust", "Metre and Litre Board", "Food Programme", "Prince Charles", "Labour", "Defence",
             "licence", "Civilisation", "Centrepoint", "programmes", "Séance Centre"]
    for name in names:
        want = fold(name)
        for pattern, american in _BRITISH:
            want = pattern.sub(american, want)
        assert spelling_key(name) == want, name


def test_a_link_handle_or_part_of_a_month_in_front_of_a_name_is_no_part_of_it() -> None:
    from desk.extract.names import canonical_name

    assert canonical_name("pic.example.com/Ab12Cd The Harbour Board") == "Harbour Board"
    assert canonical_name("https://example.org/x Mayor Ana Kovac") == "Ana Kovac"
    assert canonical_name("@anakovac Kovac") == "Kovac"
    assert canonical_name("mid-June Kovac") == "Kovac"
    # names that only look alike stay whole
    assert canonical_name("Reuters/Ipsos") == "Reuters/Ipsos"
    assert canonical_name("June Sarpong") == "June Sarpong"
    assert canonical_name("Mid-East Policy Forum") == "Mid-East Policy Forum"


def test_a_phrase_cut_short_ends_at_its_last_content_word() -> None:
    from desk.extract.names import canonical_name

    assert canonical_name("the Centre for Harbour Policy at the") == "Centre for Harbour Policy"
    assert canonical_name("spokesperson for the group of") == "spokesperson for the group"
    assert canonical_name("Threat Assessment by the Harbour Board") == "Threat Assessment by the Harbour Board"


def test_a_relative_pronoun_is_no_claimant() -> None:
    from desk.extract.cues import acceptable_source

    assert not acceptable_source("whose administration")
    assert not acceptable_source("whom")
    assert acceptable_source("Harbour Board administration")


def test_editors_brackets_glued_quotes_and_addresses_leave_the_name() -> None:
    from desk.extract.names import canonical_name

    # an editor's "[Ana] Kovac" is Ana Kovac
    assert canonical_name("[Ana] Kovac") == "Ana Kovac"
    assert canonical_name('them"Harbour Board') == "Harbour Board"
    assert canonical_name("ana.kovac@example.co.uk Harbour Board") == "Harbour Board"
    assert canonical_name("Sean O'Brien") == "Sean O'Brien"
