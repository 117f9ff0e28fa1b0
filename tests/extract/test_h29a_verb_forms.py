"""Cue verbs whose last consonant doubles before -ed and -ing (issue 15, h29a).

"slam", "rebut", "ban" and the like were spelled by the regular rule ("slaming", "rebuted", "baned"), so
"Sailors are slamming the mayor" named no source; their forms are now listed as written.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.cues import STANCE_FORMS, forms

from .helpers import listed


def test_doubled_forms_are_spelled_as_written() -> None:
    assert {"slammed", "slamming"} <= forms("slam")
    assert {"rebutted", "rebutting"} <= forms("rebut")
    assert {"banned", "banning", "vetoes"} <= forms("ban") | forms("veto")
    assert "slaming" not in STANCE_FORMS


def test_a_doubled_stance_form_names_its_subject() -> None:
    assert ("Sailors", "slamming") in listed("Sailors are slamming the mayor for the fare rise.")
    assert ("The harbour board", "slammed") in listed("The harbour board slammed the ferry plan on Monday.")
