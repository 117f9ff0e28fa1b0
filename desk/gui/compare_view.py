"""The compare view: one column per outlet, rows aligned by fact.

A :class:`CompareModel` presents a core :class:`~desk.model.Comparison`
(nothing is computed here beyond colours): column 0 carries the row's check box
and disagreement badge, columns 1.. one outlet each.  A QTableView gives the
alignment for free: the passages of a row share its height and wrap inside
their cells.  With the lock off, each outlet gets its own pane (a list over the
same model column) that scrolls on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.compare.diff import similarity, word_diff
from desk.gui.markup import ColorBook, Highlight, Theme, escape_text, excerpt_bounds, passage_html, value_key
from desk.gui.plain import cell, menu_text, set_plain, tip
from desk.gui.richtext import HtmlRole, ObjectRole, RichTextDelegate, soften_selection
from desk.model import Comparison, FigureStatement, PassageRef, Row, WordDiff
from desk.palette import looks_like_claimant, rank_claimants, shown_names
from desk.textsafe import body_text

Index = QModelIndex | QPersistentModelIndex

BADGE = "\u26a0"  # warning sign
#: the longest a comparison's follow-ups wait for the table's first paint
AFTER_PAINT_LIMIT_MS = 400
#: row orders the Sort box offers: label -> key
SORTS = ("Outlets on the query", "Most outlets", "Relevance", "Date (oldest first)", "Date (newest first)")
#: what each order means (the Sort box's tool tip)
SORT_TIPS = {
    "Outlets on the query": "Rows where several outlets write about the query itself first (desk's own order)",
    "Most outlets": "Rows holding the most outlets first",
    "Relevance": "Rows with the best search score first",
    "Date (oldest first)": "Rows by their earliest article, oldest first",
    "Date (newest first)": "Rows by their latest article, newest first",
}
#: below this share of common words two passages are worded apart throughout: no word marks
DIFF_MIN_SIMILARITY = 0.3
#: passages a collapsed cell shows (the rest behind "more")
COLLAPSED_PASSAGES = 2
#: rows whose heights are estimated at once (at least a screenful); the rest follow in chunks of
ESTIMATE_FIRST_ROWS = 60
ESTIMATE_CHUNK_ROWS = 150
#: the width of the status column (tick box, badge, outlets, dates)
STATUS_WIDTH = 150
#: an unlocked outlet pane is never narrower than this (the panes scroll sideways instead)
PANE_MIN_WIDTH = 260
EMPTY_TEXT = (
    "Type a query in the search field and press Enter to compare outlets side by side.\n\n"
    "Or choose two or more articles in the Library and use Go > Collate Chosen Articles."
)


def row_marked_figures(row: Row) -> set[tuple[str, int]]:
    """The figures to mark as disagreeing: every stated figure of a row whose values differ."""
    if not row.disagreement:
        return set()
    clashing = getattr(row, "clashing", None)
    if clashing:
        return {(aid, start) for aid, start in clashing}
    values = {value_key(s.figure.value) + "|" + s.figure.qualifier for s in row.statements}
    if len(values) < 2:
        return set()
    return {(s.article_id, s.figure.start) for s in row.statements}


@dataclasses.dataclass
class CompareFacts:
    """What a comparison's model needs from every row before its first paint (no Qt in it).

    Counted on the comparing child's reader thread when the comparison comes
    from there (:func:`prepare_comparison`), so the GUI thread only looks them up.
    """

    #: the claimants of each row (comparison order), counted
    row_claimants: list[Counter[str]]
    #: one figure value per distinct value key, in reading order (their colours follow it)
    figure_values: list[float]
    #: every claimant, most frequent first (the most distinct looks go first)
    ranked_claimants: list[str]
    #: names shown as another name: one person's spellings ("Zelensky", "Vladimir Zelensky") under one
    shown_as: dict[str, str] = dataclasses.field(default_factory=dict)


def comparison_facts(comparison: Comparison) -> CompareFacts:
    rows: list[Counter[str]] = []
    values: dict[str, float] = {}
    total: Counter[str] = Counter()
    for row in comparison.rows:
        counts = Counter(row_claimants(row))
        rows.append(counts)
        total.update(counts)
        for s in row.statements:  # figure colours in reading order: stable for one comparison
            values.setdefault(value_key(s.figure.value), s.figure.value)
    shown_as = shown_names(total)
    if shown_as:
        rows = [_shown_counts(c, shown_as) for c in rows]
        total = _shown_counts(total, shown_as)
    return CompareFacts(rows, list(values.values()), rank_claimants(total.elements()), shown_as)


def _shown_counts(counts: Counter[str], shown_as: dict[str, str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for name, n in counts.items():
        out[shown_as.get(name, name)] += n
    return out


#: facts counted off the GUI thread, by comparison (a few: the newest answers of the comparing child)
_FACTS: OrderedDict[int, tuple[Comparison, CompareFacts]] = OrderedDict()
_FACTS_LOCK = threading.Lock()
FACTS_KEPT = 4


def prepare_comparison(value: Any) -> None:
    """Count a comparison's :class:`CompareFacts` now (any thread) for the model to find later."""
    if not isinstance(value, Comparison):
        return
    facts = comparison_facts(value)
    with _FACTS_LOCK:
        _FACTS[id(value)] = (value, facts)
        while len(_FACTS) > FACTS_KEPT:
            _FACTS.popitem(last=False)


def prepared_facts(comparison: Comparison) -> CompareFacts | None:
    """The facts :func:`prepare_comparison` counted for this very comparison, once; else None."""
    with _FACTS_LOCK:
        hit = _FACTS.pop(id(comparison), None)
    return hit[1] if hit is not None and hit[0] is comparison else None


class CompareModel(QAbstractTableModel):
    """A Comparison as a table: column 0 = check + status, then one column per outlet.

    The model shows the comparison's rows through a view order (sorted and
    filtered by the toggles); ticks are kept by the comparison's own row index,
    so sorting or filtering never loses one.
    """

    checkedChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.colors = ColorBook()
        self.hover = ""
        self.show_diffs = False
        self.diff_reference = ""  # outlet whose passage the others are compared with ("" = the row's first)
        self.only_disagreements = False
        self.hide_single = False
        self.sort_by = SORTS[0]  # not 'sort': that is the model's sort(column, order)
        self._order: list[int] = []
        self._checked: set[int] = set()  # comparison row indices
        self.expanded: set[int] = set()  # comparison row indices shown whole
        self._html: dict[tuple[int, int], str] = {}
        self._row_claimants: list[Counter[str]] = []

    # -- loading
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._checked = set()
        self.expanded = set()
        self._html.clear()
        self.colors.reset()
        self._row_claimants = []
        if comparison is not None:
            facts = prepared_facts(comparison) or comparison_facts(comparison)
            self._row_claimants = facts.row_claimants
            for value in facts.figure_values:
                self.colors.figure(value)
            # one person's spellings share a look; the most frequent claimants get the most distinct looks
            self.colors.claimants.link(facts.shown_as)
            self.colors.claimants.assign(facts.ranked_claimants)
        self._order = self._make_order()
        self.endResetModel()
        self.checkedChanged.emit()

    def _make_order(self) -> list[int]:
        comp = self.comparison
        if comp is None:
            return []
        keep = [
            i
            for i, row in enumerate(comp.rows)
            if not (self.only_disagreements and not row.disagreement)
            and not (self.hide_single and len(row.outlets) < 2)
        ]
        if self.sort_by == "Relevance":
            keep.sort(key=lambda i: -comp.rows[i].score)
        elif self.sort_by == "Most outlets":
            keep.sort(key=lambda i: -len(comp.rows[i].outlets))  # stable: ties keep desk's own order
        elif self.sort_by.startswith("Date"):
            newest = "newest" in self.sort_by
            def when(i: int) -> tuple[bool, int]:
                d = row_date(comp.rows[i], newest)
                return (d is None, (-d.toordinal() if newest else d.toordinal()) if d else 0)
            keep.sort(key=when)
        return keep  # "Outlets on the query" is the core's own order

    def set_view(self, *, sort: str | None = None, only_disagreements: bool | None = None,
                 hide_single: bool | None = None) -> None:
        """Re-sort or re-filter the rows (ticks are kept)."""
        if sort is not None:
            self.sort_by = sort
        if only_disagreements is not None:
            self.only_disagreements = only_disagreements
        if hide_single is not None:
            self.hide_single = hide_single
        self.beginResetModel()
        self._html.clear()
        self._order = self._make_order()
        self.endResetModel()
        self.checkedChanged.emit()

    def set_theme(self, theme: Theme) -> None:
        self.colors.theme = theme
        self._refresh_html()

    def set_hover(self, key: str) -> None:
        if key != self.hover:
            self.hover = key
            self._refresh_html()

    def set_show_diffs(self, on: bool, reference: str | None = None) -> None:
        self.show_diffs = on
        if reference is not None:
            self.diff_reference = reference
        self._refresh_html()

    def set_claimant_hidden(self, name: str, hidden: bool) -> None:
        if hidden:
            self.colors.hidden.add(name)
        else:
            self.colors.hidden.discard(name)
        self._refresh_html()

    def _refresh_html(self) -> None:
        self._html.clear()
        if self.rowCount() and self.columnCount() > 1:
            self.dataChanged.emit(
                self.index(0, 1), self.index(self.rowCount() - 1, self.columnCount() - 1), [HtmlRole]
            )

    # -- shape
    @property
    def outlets(self) -> list[str]:
        return list(self.comparison.outlets) if self.comparison else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.comparison is None:
            return 0
        return len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.comparison is None:
            return 0
        return 1 + len(self.comparison.outlets)

    def source_row(self, r: int) -> int:
        """The comparison's index of view row ``r``."""
        return self._order[r]

    def view_row(self, source_row: int) -> int:
        """The view row showing the comparison's row ``source_row``; -1 when it is filtered out (or no row)."""
        try:
            return self._order.index(source_row)
        except ValueError:
            return -1

    def row(self, r: int) -> Row:
        assert self.comparison is not None
        return self.comparison.rows[self._order[r]]

    def refs(self, r: int, c: int) -> list[PassageRef]:
        if c < 1 or self.comparison is None:
            return []
        return self.row(r).cells.get(self.comparison.outlets[c - 1], [])

    def claimant_counts(self, rows: Iterable[int]) -> Counter[str]:
        """How often each claimant appears in the given view rows."""
        out: Counter[str] = Counter()
        for r in rows:
            if 0 <= r < len(self._order):
                out.update(self._row_claimants[self._order[r]])
        return out

    # -- data
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                if role == Qt.ItemDataRole.DisplayRole:
                    return "Row"
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "Tick rows to export them. \u26a0 marks rows whose figures or claimants disagree."
            elif 0 < section <= len(self.outlets):
                if role == Qt.ItemDataRole.DisplayRole:
                    return cell(self.outlets[section - 1])
                if role == Qt.ItemDataRole.ToolTipRole:
                    return tip(f"Passages from {self.outlets[section - 1]}. Right-click to hide or show outlets.")
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def status_text(self, r: int) -> str:
        """A row's status, one short line: disagreement, outlets spanned, dates."""
        row = self.row(r)
        parts = []
        if row.disagreement:
            parts.append(BADGE + " differs")
        if row.kind != "match":
            parts.append(row.kind)
        n = len(row.outlets)
        parts.append(f"{n} outlet" + ("" if n == 1 else "s"))
        if row.note:
            parts.append("\u270e note")
        held = as_of_span(row)
        first, last = row_date(row, False), row_date(row, True)
        shown_as_of = held is not None and held != (first, last or first)
        if held is not None and shown_as_of:
            # the days its figures hold on, when they are not just the days it was published
            parts.append("as of " + (short_date(held[0]) if held[0] == held[1] else date_range(*held)))
        if first:
            # under an "as of" line, the publication dates say what they are (two bare date lines read alike)
            parts.append(("pub. " if shown_as_of else "")
                         + (first.isoformat() if first == last or last is None else date_range(first, last)))
        return "\n".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.comparison is None:
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < self.rowCount() and 0 <= c < self.columnCount()):
            return None
        row = self.row(r)
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.status_text(r)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self._order[r] in self._checked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(self.row_tooltip(row))
            if role == Qt.ItemDataRole.ForegroundRole and row.disagreement:
                return QBrush(QColor(self.colors.theme.mark))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                # a screen reader's line: the summary quotes what the figures count, article text
                return ("disagreement: " if row.disagreement else "") + (cell(row.summary) if row.summary else "row")
            return None
        refs = self.refs(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            # painted from HtmlRole, but read by a screen reader and copied by Ctrl+C: the text as painted
            return "\n\n".join(body_text(p.text) for p in refs)
        if role == HtmlRole:
            key = (r, c)
            cached = self._html.get(key)
            if cached is None:
                cached = self.cell_html(row, refs, self._order[r])
                self._html[key] = cached
            return cached
        if role == ObjectRole:
            return refs[0] if refs else None
        if role == Qt.ItemDataRole.ToolTipRole and refs:
            return tip("\n".join(_citation(p) for p in refs) + "\nDouble-click to read the article.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self._checked.add(self._order[index.row()])
        else:
            self._checked.discard(self._order[index.row()])
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    # -- helpers
    def row_tooltip(self, row: Row) -> str:
        """Short lines: at most 8 figures by claimant, each line cut to 90 characters."""
        lines = []
        if row.disagreement:
            lines.append("Figures or claimants disagree:")
        statements = row.statements[:8]
        for s in statements:
            q = (s.figure.qualifier + " ") if s.figure.qualifier else ""
            who = s.claimant or "the outlet"
            held = statement_as_of(s)
            lines.append(f"{s.outlet} \u2014 {who}: {q}{s.figure.text}" + (f" (as of {held})" if held else ""))
        if len(row.statements) > len(statements):
            lines.append(f"\u2026 and {len(row.statements) - len(statements)} more figures")
        if not statements and row.summary:
            lines.append(row.summary)
        if row.note:
            lines.append("Note: " + " ".join(row.note.split()))
        first, last = row_date(row, False), row_date(row, True)
        if first:
            lines.append("Published " + (short_date(first) if first == last or last is None else date_range(first, last))
                         + ("; the figures hold as of " + statement_span(as_of_span(row)) if as_of_span(row) else ""))
        lines = [ln if len(ln) <= 90 else ln[:89] + "\u2026" for ln in lines]
        lines.append("Right-click for a note on this row.")
        return "\n".join(lines)

    def _diffs(self, row: Row, ref: PassageRef, whole: PassageRef | None = None) -> list[WordDiff]:
        """Word differences of ``ref`` (a shown part of ``whole``) against the chosen reference outlet's
        passage in this row."""
        refs = row.cells.get(self.diff_reference) if self.diff_reference else None
        if not refs:
            # against the row's first passage (desk.compare.diff.row_word_diffs): a comparison leaves them to
            # be worked out here, on demand, for the passages painted while the toggle is on
            if row.word_diffs:
                return row.word_diffs.get(ref.key, [])
            first = next((r for refs in row.cells.values() for r in refs), None)
            whole = whole or ref
            return [] if first is None or first.key == whole.key else word_diff(first, whole)
        base = refs[0]
        if base.key == ref.key or base.outlet == ref.outlet:
            return []
        if similarity(base, ref) < DIFF_MIN_SIMILARITY:
            return []
        return word_diff(base, ref)

    def note_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, 0))

    def toggle_expanded(self, source_row: int) -> int:
        """Show a row whole, or collapsed again; returns its view row (-1 when it is filtered out)."""
        if source_row in self.expanded:
            self.expanded.discard(source_row)
        else:
            self.expanded.add(source_row)
        if source_row not in self._order:
            return -1
        r = self._order.index(source_row)
        for c in range(1, self.columnCount()):
            self._html.pop((r, c), None)
        if self.columnCount() > 1:
            self.dataChanged.emit(self.index(r, 1), self.index(r, self.columnCount() - 1), [HtmlRole])
        return r

    def cell_html(self, row: Row, refs: list[PassageRef], source_row: int = -1) -> str:
        """A cell's passages; collapsed (the default) long ones show only their matching sentences."""
        hl = Highlight(self.colors, hover=self.hover, marked_figures=row_marked_figures(row), markers=True,
                       show_diffs=self.show_diffs)
        whole = source_row in self.expanded
        shown_refs = refs if whole else refs[:COLLAPSED_PASSAGES]
        cut = len(refs) - len(shown_refs)
        parts = []
        for ref in shown_refs:
            cite = escape_text(_citation(ref))
            dup = row.duplicates.get(ref.key)
            if dup:
                cite += escape_text(" \u00b7 also in " + ", ".join(dup))
            a, b = (0, len(ref.text)) if whole else excerpt_bounds(ref)
            part = ref
            if (a, b) != (0, len(ref.text)):
                part = dataclasses.replace(ref, start=ref.start + a, end=ref.start + b, text=ref.text[a:b])
                cut += 1
            shown = row
            if self.show_diffs:
                shown = dataclasses.replace(row, word_diffs={ref.key: self._diffs(row, part, ref)})
            parts.append(
                passage_html(part, hl, shown, cut_before=a > 0, cut_after=b < len(ref.text))
                + f'<p style="color: {self.colors.theme.dim}; font-size: small">{cite}</p>'
            )
        html = "<hr>".join(parts)
        link = f"color: {self.colors.theme.dim}; text-decoration: none"
        if cut and source_row >= 0:
            more = f"{len(refs) - len(shown_refs)} more passages, " if len(refs) > len(shown_refs) else ""
            html += f'<p><a href="more:{source_row}" style="{link}">\u25b8 more ({more}whole text)</a></p>'
        elif whole and source_row >= 0 and (
            len(refs) > COLLAPSED_PASSAGES or any(excerpt_bounds(ref) != (0, len(ref.text)) for ref in refs)
        ):
            html += f'<p><a href="more:{source_row}" style="{link}">\u25b4 less</a></p>'
        return html

    def checked_rows(self) -> list[int]:
        """The ticked rows, as comparison row indices."""
        return sorted(self._checked)

    def set_all_checked(self, checked: bool) -> None:
        self._checked = set(self._order) if checked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, 0), [Qt.ItemDataRole.CheckStateRole]
            )
        self.checkedChanged.emit()

    def selected_comparison(self) -> Comparison | None:
        """The comparison restricted to the ticked rows (the rows shown, in their order, when none is ticked)."""
        if self.comparison is None:
            return None
        rows = [i for i in self._order if i in self._checked] or list(self._order)
        if rows == list(range(len(self.comparison.rows))):
            return self.comparison
        return dataclasses.replace(self.comparison, rows=[self.comparison.rows[i] for i in rows])

    def disagreement_rows(self) -> list[int]:
        """View rows whose figures or claimants disagree."""
        if self.comparison is None:
            return []
        return [r for r, i in enumerate(self._order) if self.comparison.rows[i].disagreement]


def row_claimants(row: Row) -> list[str]:
    """The claimants a row names (statements and attributions), once per passage, legend-worthy only."""
    names: list[str] = []
    for s in row.statements:
        if s.claimant:
            names.append(s.claimant)
    for refs in row.cells.values():
        for ref in refs:
            names.extend({a.name for a in ref.attributions if a.name})
    return [n for n in names if looks_like_claimant(n)]


def date_range(first: dt.date, last: dt.date) -> str:
    """A short span of dates: "Aug 4\u201315", "Jul 29\u2013Aug 19", "Dec 30 2022\u2013Jan 2 2023"."""
    if first.year != last.year:
        return f"{first:%b} {first.day} {first.year}\u2013{last:%b} {last.day} {last.year}"
    if first.month == last.month:
        return f"{first:%b} {first.day}\u2013{last.day}"
    return f"{first:%b} {first.day}\u2013{last:%b} {last.day}"


def _shown_length(ref: PassageRef, whole: bool) -> int:
    if whole:
        return len(ref.text)
    a, b = excerpt_bounds(ref)
    return b - a + 2


def short_date(day: dt.date) -> str:
    """ "Jul 20": a day in the row status (a span across years is :func:`date_range`'s)."""
    return f"{day:%b} {day.day}"


def as_of_span(row: Row) -> tuple[dt.date, dt.date] | None:
    """The days the row's figures hold on (:class:`desk.model.FigureStatement`'s as-of times): from the
    earliest known day to the latest; None when the texts date none of them."""
    days = [d for s in row.statements for d in (s.as_of_start, s.as_of_end) if d is not None]
    return (min(days), max(days)) if days else None


def statement_span(span: tuple[dt.date, dt.date] | None) -> str:
    if span is None:
        return ""
    return span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()} \u2013 {span[1].isoformat()}"


def statement_as_of(s: FigureStatement) -> str:
    """When one figure holds: a day, an interval ("2022-07-01 \u2013 \u2026" where an end is open), or ""."""
    start, end = s.as_of_start, s.as_of_end
    if start is None and end is None:
        return ""
    if start == end:
        return start.isoformat() if start else ""
    return f"{start.isoformat() if start else chr(0x2026)} \u2013 {end.isoformat() if end else chr(0x2026)}"


def row_date(row: Row, latest: bool) -> dt.date | None:
    dates = [p.date for refs in row.cells.values() for p in refs if p.date]
    if not dates:
        return None
    return max(dates) if latest else min(dates)


def _citation(ref: PassageRef) -> str:
    date = ref.date.isoformat() if ref.date else "no date"
    return f"{ref.outlet} \u00b7 {ref.title} \u00b7 {date} \u00b7 \u00b6{ref.number + 1}"


class _HoverTable(QTableView):
    """The aligned table; reports our anchor under the mouse, and its paints."""

    hovered = Signal(str)
    painted = Signal()
    anchorClicked = Signal(str)

    def __init__(self, delegate: RichTextDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self.setMouseTracking(True)
        self.watch_paint = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.watch_paint:
            self.watch_paint = False
            self.painted.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.hovered.emit(self._delegate.anchor_at(self, event.position().toPoint()))

    def leaveEvent(self, event: Any) -> None:
        super().leaveEvent(event)
        self.hovered.emit("")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            anchor = self._delegate.anchor_at(self, event.position().toPoint())
            if anchor.startswith("more:"):
                self.anchorClicked.emit(anchor)


class _PaneList(QListView):
    """One outlet's passages when rows are unlocked; "more"/"less" work here as in the table."""

    def __init__(self, delegate: RichTextDelegate, on_anchor: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self._on_anchor = on_anchor

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            anchor = self._delegate.anchor_at(self, event.position().toPoint())
            if anchor.startswith("more:"):
                self._on_anchor(anchor)
                self.scheduleDelayedItemsLayout()


class _StatusDelegate(QStyledItemDelegate):
    """Column 0: the tick box and the row's status, kept at the top of the row's visible part.

    A tall row scrolls up under the header; its status would scroll away with
    it (or sit mid-row, off screen).  This delegate paints the status in a band
    at the top of what is still visible of the cell, so it stays in view
    while any of the row does.  The view repaints column 0 on every scroll.
    """

    def band(self, option: QStyleOptionViewItem, index: Index) -> Any:
        rect = option.rect  # type: ignore[attr-defined]
        view = option.widget  # type: ignore[attr-defined]
        fm = option.fontMetrics  # type: ignore[attr-defined]
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # the text as the style wraps it beside the tick box (about 28 px)
        box = fm.boundingRect(0, 0, max(20, rect.width() - 28), 10_000, int(Qt.TextFlag.TextWordWrap), text)
        height = min(rect.height(), box.height() + 10)
        top = rect.top()
        if isinstance(view, QAbstractItemView) and top < 0:
            top = min(0, rect.bottom() - height + 1)
        band = type(rect)(rect)
        band.setTop(top)
        band.setHeight(height)
        return band

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        opt.rect = self.band(option, index)  # type: ignore[attr-defined]
        super().paint(painter, opt, index)
        # some styles draw the tick box's edge in a shade of the window colour, all but
        # invisible on a dark palette: outline it in the text colour, half strength
        self.initStyleOption(opt, index)
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            return
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, widget)
        edge = QColor(opt.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
        edge.setAlpha(150)
        painter.save()
        painter.setPen(edge)
        painter.drawRect(box.adjusted(1, 1, -2, -2))
        painter.restore()

    def editorEvent(self, event: Any, model: Any, option: QStyleOptionViewItem, index: Index) -> bool:
        opt = QStyleOptionViewItem(option)
        opt.rect = self.band(option, index)  # type: ignore[attr-defined]
        return super().editorEvent(event, model, opt, index)


class ClaimantLegend(QWidget):
    """One line: the claimants in the rows on screen, most frequent first; a menu hides or shows any.

    The line never wraps: what does not fit is counted ("+12 more") and
    listed in the menu.  The arrow collapses the line altogether.
    """

    hiddenChanged = Signal(str, bool)  # name, hidden

    def __init__(self, colors: ColorBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors
        self.counts: Counter[str] = Counter()
        self.fold = QToolButton(self)
        self.fold.setCheckable(True)
        self.fold.setChecked(True)
        self.fold.setArrowType(Qt.ArrowType.DownArrow)
        self.fold.setAutoRaise(True)
        self.fold.setToolTip("Show or collapse the claimant legend")
        self.fold.setAccessibleName("Show claimant legend")
        self.fold.toggled.connect(self._folded)
        self.menu_btn = QToolButton(self)
        self.menu_btn.setText("Claimants")
        self.menu_btn.setToolTip("Claimants in the rows on screen. Untick one to stop highlighting it.")
        self.menu_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_btn.setAccessibleName("Claimants: hide or show")
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_btn.setMenu(self.menu)
        self.line = QLabel(self)
        self.line.setTextFormat(Qt.TextFormat.RichText)
        self.line.setWordWrap(False)
        self.line.setAccessibleName("Claimant colours")
        self.line.setMinimumWidth(10)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.fold)
        lay.addWidget(self.menu_btn)
        lay.addWidget(self.line, 1)

    def _folded(self, shown: bool) -> None:
        self.fold.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.line.setVisible(shown)

    def set_counts(self, counts: Counter[str]) -> None:
        self.counts = counts
        self.menu_btn.setText(f"Claimants ({len(counts)})" if counts else "Claimants")  # text-safe: a count
        self._render()

    def names(self) -> list[str]:
        """The claimants in view, most frequent first."""
        return [n for n, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], self.colors.claimants.slot(kv[0])))]

    def entry_html(self, name: str) -> str:
        look = self.colors.look(name)
        hidden = name in self.colors.hidden
        style = f"color: {self.colors.theme.dim}; text-decoration: line-through" if hidden else \
            f"color: {look.colour}; font-weight: bold"
        return f'<span style="{style}">{look.glyph}\u00a0{escape_text(name)}</span>'

    def _render(self) -> None:
        names = self.names()
        bold = QFont(self.line.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)  # the entries are bold
        room = max(80, self.line.width() - fm.horizontalAdvance(" +999 more "))
        used = 0
        shown: list[str] = []
        for n in names:
            w = fm.horizontalAdvance(f"\u25cf\u00a0{n}") + fm.horizontalAdvance("\u00a0 \u00a0") + 6
            if shown and used + w > room:
                break
            shown.append(n)
            used += w
        html = " &nbsp; ".join(self.entry_html(n) for n in shown)
        if len(names) > len(shown):
            html += f" &nbsp; <span style=\"color: {self.colors.theme.dim}\">+{len(names) - len(shown)} more</span>"
        self.line.setText(html)  # text-safe: names through escape_text() in entry_html
        self.line.setToolTip("Open Claimants to see all and hide or show any" if names else "")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._render()

    def _fill_menu(self) -> None:
        self.menu.clear()
        names = self.names()
        if not names:
            self.menu.addAction("No claimants in the rows on screen").setEnabled(False)
            return
        for n in names:
            look = self.colors.look(n)
            act = QAction(menu_text(f"{look.glyph} {n}  ({self.counts[n]})"), self.menu)
            act.setCheckable(True)
            act.setChecked(n not in self.colors.hidden)
            act.toggled.connect(lambda on, name=n: self._toggle(name, not on))
            self.menu.addAction(act)

    def _toggle(self, name: str, hidden: bool) -> None:
        self.hiddenChanged.emit(name, hidden)
        self._render()


class CompareView(QWidget):
    """Aligned panes, legend, disagreement navigation, row check boxes, sorting and filters."""

    passageActivated = Signal(object)  # PassageRef
    exportRequested = Signal()
    noteRequested = Signal(int)  # view row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CompareModel(self)
        self.delegate = RichTextDelegate(self)
        self.status_delegate = _StatusDelegate(self)

        self.table = _HoverTable(self.delegate, self)
        self.table.setObjectName("compareTable")
        self.table.setAccessibleName("Compare table: one column per outlet")
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setItemDelegateForColumn(0, self.status_delegate)
        soften_selection(self.table)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows get an estimated height at once and their exact height when they
        # scroll into view: laying out every cell of a 200-row comparison at
        # once stalled the window for seconds.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fitted: set[int] = set()
        self._estimate_gen = 0  # bumped by each new estimate: older chunks stop
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(15)
        self._fit_timer.timeout.connect(self._fit_visible_rows)
        self._legend_timer = QTimer(self)
        self._legend_timer.setSingleShot(True)
        self._legend_timer.setInterval(80)
        self._legend_timer.timeout.connect(self.update_legend)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setTextElideMode(Qt.TextElideMode.ElideRight)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        hh.sectionResized.connect(self._column_resized)
        self.table.hovered.connect(self.model.set_hover)
        self.table.anchorClicked.connect(self._anchor_clicked)
        self.table.doubleClicked.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.model.dataChanged.connect(lambda *a: self.delegate.clear_cache())
        self.model.modelReset.connect(self._after_reset)

        self.legend = ClaimantLegend(self.model.colors, self)
        self.legend.hiddenChanged.connect(self.model.set_claimant_hidden)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Comparison summary")

        self.lock = QToolButton(self)
        self.lock.setText("Lock rows")
        self.lock.setCheckable(True)
        self.lock.setChecked(True)
        self.lock.setToolTip("Locked: rows stay aligned and scroll together.\nUnlocked: each outlet scrolls on its own.")
        self.lock.setAccessibleName("Lock aligned scrolling")
        self.lock.toggled.connect(self.set_locked)
        self.prev_btn = QToolButton(self)
        self.prev_btn.setText("\u25b2 Disagreement")
        self.prev_btn.setToolTip("Previous row whose figures or claimants disagree (Shift+F8)")
        self.prev_btn.setAccessibleName("Previous disagreement")
        self.prev_btn.clicked.connect(self.previous_disagreement)
        self.next_btn = QToolButton(self)
        self.next_btn.setText("\u25bc Disagreement")
        self.next_btn.setToolTip("Next row whose figures or claimants disagree (F8)")
        self.next_btn.setAccessibleName("Next disagreement")
        self.next_btn.clicked.connect(self.next_disagreement)
        self.export_btn = QToolButton(self)
        self.export_btn.setText("Export\u2026")
        self.export_btn.setToolTip("Preview and save the ticked rows as Markdown (Ctrl+E)")
        self.export_btn.setAccessibleName("Export ticked rows")
        self.export_btn.clicked.connect(self.exportRequested)

        self.only_dis = QToolButton(self)
        self.only_dis.setText("Only disagreements")
        self.only_dis.setCheckable(True)
        self.only_dis.setToolTip("Show only the rows whose figures or claimants disagree")
        self.only_dis.toggled.connect(lambda on: self.model.set_view(only_disagreements=on))
        self.hide_single = QToolButton(self)
        self.hide_single.setText("Hide single-outlet rows")
        self.hide_single.setCheckable(True)
        self.hide_single.setToolTip("Hide the rows that only one outlet reports")
        self.hide_single.toggled.connect(lambda on: self.model.set_view(hide_single=on))
        self.sort_box = QComboBox(self)
        self.sort_box.addItems(list(SORTS))
        self.sort_box.setToolTip("Order of the rows")
        for i, label in enumerate(SORTS):
            self.sort_box.setItemData(i, SORT_TIPS[label], Qt.ItemDataRole.ToolTipRole)
        self.sort_box.setAccessibleName("Sort rows by")
        self.sort_box.currentTextChanged.connect(lambda t: self.model.set_view(sort=t))
        self.diff_btn = QToolButton(self)
        self.diff_btn.setText("Wording")
        self.diff_btn.setCheckable(True)
        self.diff_btn.setToolTip("Mark wording differences against one outlet's passage (off: each outlet's own text)")
        self.diff_btn.setAccessibleName("Show wording differences")
        self.diff_ref = QComboBox(self)
        self.diff_ref.setToolTip("The outlet the other passages are compared with")
        self.diff_ref.setAccessibleName("Wording against outlet")
        self.diff_ref.setVisible(False)
        self.diff_btn.toggled.connect(self._diffs_toggled)
        self.diff_ref.currentTextChanged.connect(self._diffs_toggled)
        self.diff_legend = QLabel(self)
        self.diff_legend.setTextFormat(Qt.TextFormat.RichText)
        self.diff_legend.setVisible(False)

        bar = QHBoxLayout()
        bar.addStretch(1)
        for w in (self.diff_btn, self.diff_ref, self.only_dis, self.hide_single, self.sort_box,
                  self.prev_btn, self.next_btn, self.lock, self.export_btn):
            bar.addWidget(w)
        # the counts sit on the legend's line, which gives way (it folds into "+N more"): beside the
        # buttons, a window 1,280 pixels wide cut "537 rows" to "537 rov"
        bar2 = QHBoxLayout()
        bar2.addWidget(self.summary)
        bar2.addWidget(self.legend, 1)

        self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes.setChildrenCollapsible(False)
        self.pane_scroll = QScrollArea(self)
        self.pane_scroll.setWidgetResizable(True)
        self.pane_scroll.setWidget(self.panes)
        self.pane_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the user's query
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("Compare view is empty")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.pane_scroll)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addLayout(bar2)
        lay.addWidget(self.diff_legend)
        lay.addWidget(self.stack, 1)
        self.hidden_outlets: set[str] = set()
        self._after_paint: list[Callable[[], None]] = []
        self.table.painted.connect(self._painted)
        self._auto_widths = True
        self._laying_out = False
        self._after_reset()

    # -- content
    def after_paint(self, fn: Callable[[], None], limit_ms: int = AFTER_PAINT_LIMIT_MS) -> None:
        """Call ``fn`` once the table has painted (or after ``limit_ms``, if it is not shown).

        The window starts the slower follow-ups of a comparison (results list,
        claims) here: run beside the first paint, their Python on the worker
        threads took the GIL from every cell the GUI thread painted.
        """
        self._after_paint.append(fn)
        self.table.watch_paint = True
        QTimer.singleShot(limit_ms, self._run_after_paint)

    def _painted(self) -> None:
        # not inside the paint event: the next turn of the event loop
        QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        fns, self._after_paint = self._after_paint, []
        for fn in fns:
            fn()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.delegate.clear_cache()
        self._auto_widths = True
        outlets = list(comparison.outlets) if comparison is not None else []
        self.diff_ref.blockSignals(True)
        self.diff_ref.clear()
        self.diff_ref.addItems(outlets)
        self.diff_ref.blockSignals(False)
        self.model.diff_reference = outlets[0] if outlets else ""
        self.model.set_comparison(comparison)
        self.table.scrollToTop()  # a new comparison (or collation) opens at its first row

    def refresh_claimants(self, comparison: Comparison) -> None:
        """Show ``comparison`` (the same query after an alias edit) keeping sort, filters, scroll and ticks."""
        old = self.model.comparison
        ticked = self.model.checked_rows() if old is not None and len(old.rows) == len(comparison.rows) else []
        pos = self.table.verticalScrollBar().value()
        self.delegate.clear_cache()
        self.model.set_comparison(comparison)
        for i in ticked:
            self.model._checked.add(i)
        if ticked:
            self.model.checkedChanged.emit()
        self.table.verticalScrollBar().setValue(pos)

    def _anchor_clicked(self, anchor: str) -> None:
        kind, _, arg = anchor.partition(":")
        if kind == "more" and arg.isdigit():
            self.toggle_row(int(arg))

    def toggle_row(self, source_row: int) -> None:
        """Expand a collapsed row to its whole passages, or collapse it again."""
        r = self.model.toggle_expanded(source_row)
        if r >= 0:
            self.delegate.clear_cache()
            self._fitted.add(r)
            self.table.resizeRowToContents(r)

    def _diffs_toggled(self, *_: Any) -> None:
        on = self.diff_btn.isChecked()
        ref = self.diff_ref.currentText()
        self.diff_ref.setVisible(on)
        self.delegate.clear_cache()
        self.model.set_show_diffs(on, ref)
        th = self.model.colors.theme
        self.diff_legend.setText(  # text-safe: the outlet through escape_text()
            f'Wording against {escape_text(ref)}: <span style="background-color: {th.diff_bg}">tinted</span> '
            f'words differ; <span style="color: {th.deleted}; text-decoration: line-through">struck</span> '
            f"words are {escape_text(ref)}'s and missing here. Passages worded apart throughout are left unmarked."
        )
        self.diff_legend.setVisible(on)

    def _scrolled(self, *_: Any) -> None:
        self._fit_timer.start()
        self._legend_timer.start()
        # the status band of a row cut by the top edge follows it
        self.table.viewport().update()

    def visible_rows(self) -> list[int]:
        n = self.model.rowCount()
        if not n:
            return []
        top = max(0, self.table.rowAt(0))
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        bottom = n - 1 if bottom < 0 else bottom
        return [r for r in range(top, bottom + 1) if not self.table.isRowHidden(r)]

    def update_legend(self) -> None:
        self.legend.set_counts(self.model.claimant_counts(self.visible_rows()))
        self.legend.setVisible(bool(self.model.comparison and self.model.comparison.rows))

    def set_theme(self, theme: Theme) -> None:
        self.delegate.clear_cache()
        soften_selection(self.table)
        self.model.set_theme(theme)
        self.legend.set_counts(self.legend.counts)

    def _after_reset(self) -> None:
        comp = self.model.comparison
        has = comp is not None and bool(comp.rows)
        if comp is None:
            set_plain(self.summary, "")
        elif not comp.rows:
            self.summary.setText("No rows")
        else:
            n = len(self.model.disagreement_rows())
            what = "Collated" if comp.mode == "collate" else "Compared"
            shown = self.model.rowCount()
            hidden = f" ({shown} shown)" if shown != len(comp.rows) else ""
            self.summary.setText(f"{len(comp.rows)} rows{hidden} \u00b7 {len(comp.outlets)} outlets \u00b7 {n} differ")  # text-safe: counts
            self.summary.setToolTip(  # text-safe: counts and a literal
                f"{what}: {len(comp.rows)} rows{hidden} across {len(comp.outlets)} outlets; {n} with disagreements"
            )
        self._legend_timer.start()
        self.legend.setVisible(has)
        for w in (self.prev_btn, self.next_btn, self.export_btn, self.lock):
            w.setEnabled(has)
        for box in (self.only_dis, self.hide_single, self.sort_box, self.diff_btn):
            box.setEnabled(comp is not None and (has or self.only_dis.isChecked() or self.hide_single.isChecked()))
        self._layout_columns()
        self._estimate_row_heights()
        self.set_locked(self.lock.isChecked())

    def _layout_columns(self) -> None:
        """Share the width among the visible outlets (until the user resizes a column)."""
        n = self.model.columnCount()
        if n <= 1:
            return
        self._laying_out = True
        try:
            first = STATUS_WIDTH
            self.table.setColumnWidth(0, first)
            # the table may be hidden behind the empty page: measure the page instead
            frame = self.stack.width() - self.table.verticalHeader().sizeHint().width()
            frame -= self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
            avail = max(300, frame - first)
            visible = [c for c in range(1, n) if self.model.outlets[c - 1] not in self.hidden_outlets]
            width = max(220, avail // max(1, len(visible)))
            for c in range(1, n):
                self.table.setColumnHidden(c, self.model.outlets[c - 1] in self.hidden_outlets)
                self.table.setColumnWidth(c, width)
        finally:
            self._laying_out = False

    def _column_resized(self, *args: Any) -> None:
        self.delegate.clear_cache()
        if not self._laying_out:
            self._auto_widths = False
            self._estimate_row_heights()

    def _estimate_row_heights(self) -> None:
        """A cheap height for every row from its text length; exact heights come when visible.

        The rows on screen (and a margin) get theirs at once; the rest follow in
        chunks on later turns of the event loop, so a comparison of a thousand
        rows never holds the GUI thread for the whole table (setRowHeight costs
        tens of microseconds a row).
        """
        self._fitted.clear()
        self._estimate_gen += 1
        n = self.model.rowCount()
        if not n:
            return
        fm = self.table.fontMetrics()
        line = fm.lineSpacing()
        char_w = max(1.0, fm.averageCharWidth() * 1.05)
        cols = [c for c in range(1, self.model.columnCount()) if not self.table.isColumnHidden(c)]
        widths = {c: max(40, self.table.columnWidth(c) - 2 * RichTextDelegate.PADDING) for c in cols}
        first = min(n, max(ESTIMATE_FIRST_ROWS, self.table.viewport().height() // max(1, 2 * line) + 10))
        self._estimate_rows(0, first, line, char_w, cols, widths)
        self._fit_timer.start()
        if first < n:
            gen = self._estimate_gen
            QTimer.singleShot(0, lambda: self._estimate_more(gen, first, line, char_w, cols, widths))

    def _estimate_more(self, gen: int, start: int, line: int, char_w: float, cols: list[int],
                       widths: dict[int, int]) -> None:
        """The next chunk of estimated heights, unless a newer estimate (a new comparison, a resize) began."""
        n = self.model.rowCount()
        if gen != self._estimate_gen or start >= n:
            return
        end = min(n, start + ESTIMATE_CHUNK_ROWS)
        self._estimate_rows(start, end, line, char_w, cols, widths)
        if end < n:
            QTimer.singleShot(0, lambda: self._estimate_more(gen, end, line, char_w, cols, widths))

    def _estimate_rows(self, start: int, end: int, line: int, char_w: float, cols: list[int],
                       widths: dict[int, int]) -> None:
        for r in range(start, end):
            if r in self._fitted:
                continue  # fitted to its contents already: keep the exact height
            best = 2 * line
            whole = self.model.source_row(r) in self.model.expanded
            for c in cols:
                refs = self.model.refs(r, c)
                if not refs:
                    continue
                if not whole:
                    refs = refs[:COLLAPSED_PASSAGES]
                per_line = max(1, int(widths[c] / char_w))
                lines = sum(_shown_length(p, whole) // per_line + 1 + 2 + (len(p.title) + 40) // per_line
                            for p in refs)
                best = max(best, lines * line + 2 * RichTextDelegate.PADDING + 12 * len(refs))
            self.table.setRowHeight(r, int(best))

    def _fit_visible_rows(self) -> None:
        n = self.model.rowCount()
        if not n:
            return
        top = max(0, self.table.rowAt(0))
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        bottom = n - 1 if bottom < 0 else bottom
        changed = False
        # the rows on screen first; the row above and two below (met by the next scroll) on a later
        # turn, once those on screen all have their heights: laying out a cell costs ~1 ms
        for rows in (range(top, bottom + 1), range(max(0, top - 1), min(n, bottom + 3))):
            for r in rows:
                if r not in self._fitted:
                    self._fitted.add(r)
                    self.table.resizeRowToContents(r)
                    changed = True
            if changed:  # heights moved rows up or down: fit what is visible now
                self._fit_timer.start()
                return

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._auto_widths:
            self._layout_columns()
            self._estimate_row_heights()

    def set_locked(self, locked: bool) -> None:
        comp = self.model.comparison
        if comp is None or not self.model.rowCount():
            if comp is None:
                self.empty.setText(EMPTY_TEXT)
            elif not comp.rows:
                set_plain(self.empty, f"No passages to compare for \u201c{comp.query}\u201d.\n\n"
                          "Try other words, fewer of them, or a wider date range.")
            else:
                self.empty.setText("No rows left by the filters: untick \u201cOnly disagreements\u201d "
                                   "or \u201cHide single-outlet rows\u201d.")
            self.stack.setCurrentWidget(self.empty)
            return
        if locked:
            self.stack.setCurrentWidget(self.table)
            return
        # one independent pane per visible outlet, over the same model column
        while self.panes.count():
            pane = self.panes.widget(0)
            if pane is None:
                break
            pane.setParent(None)
            pane.deleteLater()
        header = self.table.horizontalHeader()
        for visual in range(1, self.model.columnCount()):
            c = header.logicalIndex(visual)
            if c < 1 or self.table.isColumnHidden(c):
                continue
            outlet = self.model.outlets[c - 1]
            box = QWidget(self.panes)
            box.setMinimumWidth(PANE_MIN_WIDTH)
            head = QLabel(box)  # text-safe: no text yet, set_plain() below
            head.setTextFormat(Qt.TextFormat.PlainText)
            set_plain(head, outlet)
            head.setToolTip(tip(outlet))
            head.setObjectName("paneHeader")
            head.setStyleSheet("font-weight: bold; padding: 2px")
            pane = _PaneList(self.delegate, self._anchor_clicked, box)
            pane.setModel(self.model)
            pane.setModelColumn(c)
            pane.setItemDelegate(self.delegate)
            pane.setWordWrap(True)
            pane.setResizeMode(QListView.ResizeMode.Adjust)
            pane.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            pane.setAccessibleName(f"Passages from {outlet}")
            pane.doubleClicked.connect(self._activated)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(0)
            col.addWidget(head)
            col.addWidget(pane, 1)
            self.panes.addWidget(box)
        self.stack.setCurrentWidget(self.pane_scroll)

    def _row_menu(self, pos: Any) -> None:
        r = self.table.rowAt(pos.y())
        if r < 0:
            return
        menu = QMenu(self)
        row = self.model.row(r)
        menu.addAction("Edit the Note on This Row\u2026" if row.note else "Add a Note to This Row\u2026",
                       lambda: self.noteRequested.emit(r))
        src = self.model.source_row(r)
        menu.addAction("Show Less" if src in self.model.expanded else "Show Whole Passages",
                       lambda: self.toggle_row(src))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- columns
    def _header_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for name in self.model.outlets:
            act = QAction(menu_text(name), menu)
            act.setCheckable(True)
            act.setChecked(name not in self.hidden_outlets)
            act.toggled.connect(lambda on, n=name: self.set_outlet_visible(n, on))
            menu.addAction(act)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def set_outlet_visible(self, outlet: str, visible: bool) -> None:
        if visible:
            self.hidden_outlets.discard(outlet)
        else:
            self.hidden_outlets.add(outlet)
        if outlet in self.model.outlets:
            self.table.setColumnHidden(self.model.outlets.index(outlet) + 1, not visible)
        if not self.lock.isChecked():
            self.set_locked(False)

    # -- navigation
    def _go_disagreement(self, step: int) -> int:
        rows = self.model.disagreement_rows()
        if not rows:
            return -1
        cur = self.table.currentIndex().row()
        if step > 0:
            after = [r for r in rows if r > cur]
            target = after[0] if after else rows[0]
        else:
            before = [r for r in rows if r < cur] if cur >= 0 else []
            target = before[-1] if before else rows[-1]
        idx = self.model.index(target, 0)
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        return target

    def next_disagreement(self) -> int:
        return self._go_disagreement(1)

    def previous_disagreement(self) -> int:
        return self._go_disagreement(-1)

    def _activated(self, index: QModelIndex) -> None:
        ref = index.data(ObjectRole)
        if isinstance(ref, PassageRef):
            self.passageActivated.emit(ref)
