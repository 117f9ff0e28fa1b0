"""Hand-made core objects for GUI tests that must not depend on the core's progress.

The text here is written for the tests; the real flows on the demo folder and
the seeds use the real Library (tests/gui/test_flow.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from desk.api import LibraryAPI
from desk.errors import ArticleGone, Cancelled, QueryError
from desk.library import comparison_claims
from desk.model import (
    Article,
    Attribution,
    Boilerplate,
    CancelCheck,
    Claim,
    Comparison,
    Extraction,
    Figure,
    FigureStatement,
    IndexReport,
    Passage,
    PassageRef,
    Progress,
    Row,
    SearchResult,
    Skipped,
    WordDiff,
    never_cancelled,
    no_progress,
)
from desk.passages import claim_sentence


def _article(aid: str, outlet: str, day: int, title: str, body: str, furniture: str = "") -> Article:
    text = f"{title}\n\n{body}"
    boiler = []
    if furniture:
        boiler.append(Boilerplate(len(text) + 2, len(text) + 2 + len(furniture), "also-read link"))
        text = f"{text}\n\n{furniture}"
    passages = []
    pos = 0
    for i, para in enumerate(text.split("\n\n")):
        start = text.index(para, pos)
        passages.append(Passage(i, start, start + len(para)))
        pos = start + len(para)
    return Article(
        id=aid,
        path=f"/articles/{aid}.txt",
        relpath=f"{aid}.txt",
        title=title,
        outlet=outlet,
        date=dt.date(2023, 3, day),
        text=text,
        boilerplate=boiler,
        passages=passages,
    )


ARTICLES = [
    _article(
        "a1",
        "Kyiv Daily",
        10,
        "Losses mount near the river",
        "President Olena Marchuk said 14,000 soldiers were killed in the battle.\n\n"
        "The fighting continued on Sunday.",
        "Also read: weather for the weekend",
    ),
    _article(
        "a2",
        "Wire Service",
        11,
        "Staff report on losses",
        "The General Staff said about 14,400 soldiers were killed since the offensive began.\n\n"
        "Officials gave no further details.",
    ),
    _article(
        "a3",
        "Capital Herald",
        12,
        "Ministry disputes toll",
        "According to the ministry, 5,710 soldiers were killed in the region.\n\nA ceasefire was discussed.",
    ),
]


def _figure(article: Article, written: str, value: float, qualifier: str = "", counted: str = "soldiers killed") -> Figure:
    start = article.text.index(written)
    qstart = None
    if qualifier:
        qstart = article.text.rindex(qualifier, 0, start)
    return Figure(start, start + len(written), written, value, qualifier, "count", None, qstart, counted)


def _attribution(article: Article, source: str, name: str, cue: str) -> Attribution:
    s = article.text.index(source)
    c = article.text.index(cue, s) if cue in article.text[s:] else article.text.index(cue)
    return Attribution(name, s, s + len(source), source, cue, c, c + len(cue), s, len(article.text))


def extraction_of(article: Article) -> Extraction:
    if article.id == "a1":
        fig = _figure(article, "14,000", 14000)
        att = _attribution(article, "President Olena Marchuk", "Olena Marchuk", "said")
    elif article.id == "a2":
        fig = _figure(article, "14,400", 14400, "about")
        att = _attribution(article, "The General Staff", "General Staff", "said")
    else:
        fig = _figure(article, "5,710", 5710)
        att = _attribution(article, "the ministry", "Ministry of Defence", "According to")
    return Extraction(figures=[fig], attributions=[att], claims=[Claim(fig, att.name, 0)])


def passage_ref(article: Article, number: int, highlights: bool = True) -> PassageRef:
    p = article.passages[number]
    ext = extraction_of(article)
    claims = [c for c in ext.claims if p.start <= c.figure.start < p.end]
    atts = [a for a in ext.attributions if a.source_start < p.end and a.source_end > p.start]
    text = article.text[p.start : p.end]
    hl = []
    if highlights:
        for word in ("soldiers", "killed"):
            i = text.find(word)
            if i >= 0:
                hl.append((p.start + i, p.start + i + len(word)))
    return PassageRef(
        article.id, number, p.start, p.end, text, article.outlet, article.title, article.date, article.path,
        article.relpath, 1.0, hl, claims, atts, [], [],
    )


def statement(article: Article, number: int) -> FigureStatement:
    ref = passage_ref(article, number)
    c = ref.claims[0]
    return FigureStatement(article.outlet, c.claimant, c.figure, article.id, number)


def make_comparison() -> Comparison:
    a1, a2, a3 = ARTICLES
    r1 = passage_ref(a1, 1)
    r2 = passage_ref(a2, 1)
    r3 = passage_ref(a3, 1)
    diff_start = r2.start + r2.text.index("since the offensive began")
    row = Row(
        cells={a1.outlet: [r1], a2.outlet: [r2], a3.outlet: [r3]},
        statements=[statement(a1, 1), statement(a2, 1), statement(a3, 1)],
        disagreement=True,
        summary="Olena Marchuk: 14,000 \u00b7 General Staff: about 14,400 \u00b7 Ministry of Defence: 5,710",
        differences=["Olena Marchuk says 14,000; the General Staff about 14,400; the ministry 5,710"],
        word_diffs={r2.key: [WordDiff(diff_start, diff_start + len("since the offensive began"), "replace", "in the battle")]},
    )
    quiet = Row(
        cells={a1.outlet: [passage_ref(a1, 2, False)], a2.outlet: [passage_ref(a2, 2, False)], a3.outlet: []},
        kind="match",
    )
    return Comparison("soldiers killed", [a1.outlet, a2.outlet, a3.outlet], [row, quiet])


class FakeLibrary:
    """The LibraryAPI contract over ARTICLES; ``gate`` holds update() until set (to test progress/cancel).

    mypy checks it against :class:`desk.api.LibraryAPI` (``_as_api`` below), as it checks the core Library.
    """

    #: an alias edit is written to ``aliases_path`` (the AliasBook), as the core does; off: only recorded
    keeps_aliases = False

    def __init__(self, folder: str, data_dir: str | None = None) -> None:
        self.folder = Path(folder)
        self.aliases_path = Path(data_dir or folder) / "aliases.json"
        self.notes_path = Path(data_dir or folder) / "notes.json"
        self.notices: list[str] = []
        self.remember_comparisons = True
        self.gate = threading.Event()
        self.gate.set()
        self.closed = False
        self.updates = 0
        self.refreshes = 0
        self.alias_calls: list[tuple[str, str, str]] = []
        self.articles_list = list(ARTICLES)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def update(self, progress: Progress = no_progress, cancelled: CancelCheck = never_cancelled,
               extract: bool = True, lock_wait: float = 60.0) -> IndexReport:
        self.updates += 1
        total = len(self.articles_list)
        for i in range(total):
            while not self.gate.wait(0.01):
                if cancelled():
                    raise Cancelled()
            progress(i + 1, total, f"indexed {i + 1} of {total}")
        return IndexReport(added=total, skipped=[Skipped("/articles/broken.pdf", "not a PDF this program can read")])

    def pending_extraction(self) -> int:
        return 0

    def refresh(self) -> None:
        self.refreshes += 1

    def search(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
               until: dt.date | str | None = None, limit: int = 20, per_article: int = 2) -> SearchResult:
        if query.count('"') % 2:
            raise QueryError("The query has an opening quote without a closing one.")
        hits = [passage_ref(a, 1) for a in self.articles_list if not outlets or a.outlet in outlets]
        return SearchResult(query, hits, len(hits))

    def articles(self) -> list[Article]:
        return list(self.articles_list)

    def article(self, article_id: str) -> Article:
        found = next((a for a in self.articles_list if a.id == article_id), None)
        if found is None:
            raise ArticleGone(f"There is no article {article_id!r} in this library.")
        return found

    def extraction(self, article_id: str) -> Extraction | None:
        return extraction_of(self.article(article_id))

    def passage(self, article_id: str, number: int) -> PassageRef:
        return passage_ref(self.article(article_id), number)

    def passage_counts(self) -> dict[str, int]:
        return {a.id: len(a.passages) for a in self.articles_list}

    def skipped(self) -> list[Skipped]:
        return []

    def ranked_passages(self, query: str, groups: Sequence[str] | None = None, outlets: Sequence[str] = (),
                        since: dt.date | str | None = None, until: dt.date | str | None = None,
                        *, depth: int) -> list[tuple[str, int, float]] | None:
        if query.count('"') % 2:
            raise QueryError("The query has an opening quote without a closing one.")
        return [(a.id, 1, 1.0) for a in self.articles_list if not outlets or a.outlet in outlets][:depth]

    def compare(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                until: dt.date | str | None = None, progress: Progress | None = None,
                cancelled: CancelCheck | None = None, *, limit: int | None = None) -> Comparison:
        if query.count('"') % 2:
            raise QueryError("The query has an opening quote without a closing one.")
        return make_comparison()

    def collate(self, article_ids: Sequence[str], progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> Comparison:
        comp = make_comparison()
        comp.mode = "collate"
        comp.query = "collate: " + ", ".join(article_ids)
        return comp

    def timeline(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                 until: dt.date | str | None = None, progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> Any:
        from desk.timeline import timeline_for_query

        return timeline_for_query(self, query, outlets=outlets, since=since, until=until, progress=progress,
                                  cancelled=cancelled)

    def claims(self, query: str | None = None, limit: int = 5000, every_copy: bool = False) -> list[FigureStatement]:
        out = []  # the fake's articles repeat no claim: every_copy changes nothing
        for a in self.articles_list[:limit]:
            st = statement(a, 1)
            passage = next(p for p in a.passages if p.number == 1)
            out.append(dataclasses.replace(st, sentence=claim_sentence(a, passage, st.figure.start)))
        return out

    def compared_claims(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                        until: dt.date | str | None = None, progress: Progress | None = None,
                        cancelled: CancelCheck | None = None, every_copy: bool = False) -> list[FigureStatement]:
        return comparison_claims(self.compare(query, outlets, since, until), every_copy)

    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles_list})

    def claimants(self) -> list[str]:
        return ["Olena Marchuk", "General Staff", "Ministry of Defence"]

    def edit_alias(self, action: str, name: str, new: str = "") -> list[tuple[str, str, str]]:
        """Records the edit; with ``keeps_aliases`` also writes it to ``aliases_path``, as the core does."""
        self.alias_calls.append((action, name, new))
        if not self.keeps_aliases:
            return []
        from desk.extract.aliases import AliasBook

        with AliasBook.editing(self.aliases_path) as book:
            if action == "merge":
                book.merge(name, new)
            elif action == "rename":
                book.rename(name, new)
            elif action == "delete":
                book.delete(name)
            else:
                book.remove(name)
            return list(book.entries())

    def alias_entries(self) -> list[tuple[str, str, str]]:
        from desk.extract.aliases import AliasBook

        return list(AliasBook.load(self.aliases_path).entries()) if self.keeps_aliases else []

    def close(self) -> None:
        self.closed = True


def _as_api(lib: FakeLibrary) -> LibraryAPI:
    """mypy's check that the fake keeps the contract the window is typed against."""
    return lib
