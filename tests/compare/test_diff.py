from desk.compare import word_diff

from .helpers import make_ref


def test_number_is_replaced_whole_never_split() -> None:
    ref = make_ref("Zelensky said 14,000 Russian soldiers were killed.", "A")
    other = make_ref("Zelensky said more than 14,400 Russian soldiers were killed.", "B", offset=100)
    diffs = word_diff(ref, other)
    assert len(diffs) == 1
    d = diffs[0]
    assert d.op == "replace"
    shown = other.text[d.start - other.start : d.end - other.start]
    assert shown == "more than 14,400"
    assert d.other == "14,000"


def test_case_and_punctuation_are_muted() -> None:
    ref = make_ref("The war, said Zelensky, will end.", "A")
    other = make_ref("the war said ZELENSKY will end", "B")
    # the name token differs in case only
    assert word_diff(ref, other) == []


def test_insert_and_delete() -> None:
    ref = make_ref("Russia returned the bodies of 1,212 soldiers on Wednesday.", "A")
    other = make_ref("Russia returned the bodies of 1,212 Ukrainian soldiers.", "B", offset=10)
    diffs = word_diff(ref, other)
    ops = {d.op for d in diffs}
    assert ops == {"insert", "delete"}
    ins = next(d for d in diffs if d.op == "insert")
    assert other.text[ins.start - 10 : ins.end - 10] == "Ukrainian"
    dele = next(d for d in diffs if d.op == "delete")
    assert dele.start == dele.end
    assert dele.other == "on Wednesday"


def test_multi_word_name_replaced_as_a_whole() -> None:
    ref = make_ref("Volodymyr Zelensky spoke.", "A")
    other = make_ref("Vladimir Putin spoke.", "B")
    diffs = word_diff(ref, other)
    assert [(d.op, d.other) for d in diffs] == [("replace", "Volodymyr Zelensky")]
