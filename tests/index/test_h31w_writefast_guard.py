"""desk.index.whoosh.writefast installs itself only over the Whoosh code it repeats (else Whoosh's own stays)."""

from __future__ import annotations

import whoosh
from whoosh import fields
from whoosh.analysis import filters, morph
from whoosh.writing import SegmentWriter

from desk.index.whoosh import writefast


def _stock() -> bool:
    """Whether every replaced method is Whoosh's own."""
    return all(getattr(cls, name) is fn for (cls, name), fn in writefast._ORIGINALS.items())


def test_the_fast_paths_are_in_place_on_whoosh_2_7_4() -> None:
    assert tuple(whoosh.__version__) == writefast.WHOOSH_VERSION
    assert writefast.mismatches() == []
    assert writefast.install() is True
    assert writefast.installed
    assert SegmentWriter._flush_segment is writefast._flush_segment
    assert fields.TEXT.index is writefast._index


def test_another_whoosh_release_keeps_whoosh_s_own_methods(monkeypatch) -> None:
    monkeypatch.setattr(whoosh, "__version__", (2, 7, 5))
    try:
        assert writefast.mismatches() == ["Whoosh 2.7.5, not 2.7.4"]
        assert writefast.install() is False
        assert not writefast.installed
        assert _stock()
    finally:
        monkeypatch.undo()
        writefast.install()
    assert writefast.installed
    assert not _stock()


def test_a_changed_function_it_copies_keeps_whoosh_s_own_methods(monkeypatch) -> None:
    """A stop filter that numbers its tokens another way (not one this module replaces) is enough."""

    def changed_call(self, tokens, extra=None):  # the same name, another body
        return tokens

    monkeypatch.setattr(filters.StopFilter, "__call__", changed_call)
    try:
        assert writefast.mismatches()
        assert "StopFilter.__call__" in writefast.mismatches()[0]
        assert writefast.install() is False
        assert _stock()
    finally:
        monkeypatch.undo()
        writefast.install()
    assert writefast.installed


def test_a_replaced_method_changed_under_it_is_noticed(monkeypatch) -> None:
    def clear(self):  # noqa: ANN001 - a stand-in for another release's method
        self._stem = self.stemfn

    monkeypatch.setitem(writefast._ORIGINALS, (morph.StemFilter, "clear"), clear)
    assert any(m.startswith("StemFilter.clear") for m in writefast.mismatches())


def test_every_fingerprint_names_a_function_it_reads() -> None:
    assert set(writefast.EXPECTED) == set(writefast._whoosh_functions())
    for name, fn in writefast._whoosh_functions().items():
        assert writefast.fingerprint(fn) == writefast.EXPECTED[name], name
