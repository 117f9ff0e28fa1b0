"""The timeline as a picture file (SVG or PNG), drawn with matplotlib's Agg and SVG backends.

The same picture the window's Timeline tab shows: one panel per counted
quantity, figures by as-of date, one colour per claimant, hedges as arrows
("more than" up, "up to" down) or bars (ranges, "about"), as-of intervals as
horizontal bars, undated claims in a column of their own, disagreements ringed.

matplotlib is imported here only (never by the CLI's start-up or the window),
and never with a Qt backend: the core stays Qt-free.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from desk.errors import ExportError

from .colours import MPL_MARKERS, NO_CLAIMANT, timeline_colours, timeline_palette
from .model import Series, Timeline, TimelinePoint, anchor

#: panels drawn at most (the series with the most points); the table lists every point
MAX_PANELS = 6
#: characters of a label drawn at most
LABEL_CHARS = 60
#: how far (as a factor, on the log axis) a hedge arrow reaches from its figure
ARROW = 1.8


def plain(text: str, limit: int = LABEL_CHARS) -> str:
    """Article text as a matplotlib label: one line, no mathtext (``$``), no control characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace("$", r"\$")


def _hedge(p: TimelinePoint) -> str:
    """"up", "down", "range" or "" for how the figure's hedge is drawn."""
    if math.isinf(p.high) and not math.isinf(p.low):
        return "up"
    if (math.isinf(p.low) or p.low <= 0) and not math.isinf(p.high) and p.high > p.value * 0.999 and p.qualifier:
        return "down"
    if p.low != p.high:
        return "range"
    return ""


def layout(tl: Timeline) -> dict[str, Any]:
    """Where the points go: the date span, and the x of the "undated" column."""
    span = tl.view_span()
    if span is None:
        lo = hi = dt.date.today()
    else:
        lo, hi = span
    days = max((hi - lo).days, 1)
    pad = max(days * 0.04, 1.0)
    undated_x = hi.toordinal() + pad * 3
    return {"lo": lo.toordinal() - pad, "hi": hi.toordinal() + pad, "undated": undated_x, "pad": pad,
            "dated": span is not None}


def point_x(p: TimelinePoint, geo: dict[str, Any], jitter: int = 0) -> float:
    day = anchor(p.as_of)
    if day is None:
        return float(geo["undated"]) + (jitter % 5 - 2) * geo["pad"] * 0.3
    return float(day.toordinal())


def draw(tl: Timeline, fig: Any, dark: bool = False, max_panels: int = MAX_PANELS) -> None:
    """Draw the timeline into a matplotlib Figure."""
    from matplotlib.lines import Line2D

    colours = timeline_colours(tl, dark)
    book = timeline_palette(tl, dark)
    fg, bg, grid = ("#e8e8e8", "#1e1f22", "#3a3b3f") if dark else ("#1b1b1b", "#ffffff", "#dddddd")
    mark = "#ff5252" if dark else "#d50000"  # the window's disagreement colour
    fig.set_facecolor(bg)
    series: list[Series] = tl.series[:max_panels]
    if not series:
        ax = fig.add_subplot(1, 1, 1)
        ax.set_facecolor(bg)
        ax.axis("off")
        ax.text(0.5, 0.5, "No figures with a counted thing for this query.", ha="center", va="center", color=fg)
        return
    geo = layout(tl)
    axes = fig.subplots(len(series), 1, sharex=True, squeeze=False)[:, 0]
    any_undated = any(anchor(p.as_of) is None for s in series for p in s.points)
    for ax, s in zip(axes, series, strict=True):
        ax.set_facecolor(bg)
        for spine in ax.spines.values():
            spine.set_color(grid)
        ax.tick_params(colors=fg, labelsize=7)
        ax.grid(True, color=grid, linewidth=0.5)
        title = plain(s.label) + ("  (running total)" if s.cumulative else "")
        ax.set_title(title, loc="left", fontsize=8, color=fg)
        top = 1.0
        # one call per kind of mark for the whole panel: an artist per point took seconds
        dots: dict[str, tuple[list[float], list[float], list[str]]] = {}
        bars: tuple[list[float], list[float], list[float], list[str]] = ([], [], [], [])
        spans: tuple[list[float], list[float], list[float], list[str]] = ([], [], [], [])
        tips: dict[str, tuple[list[float], list[float], list[str]]] = {"^": ([], [], []), "v": ([], [], [])}
        rings: tuple[list[float], list[float]] = ([], [])
        for i, p in enumerate(s.points):
            if p.value <= 0:  # a log axis has no place for it; the table lists it
                continue
            top = max(top, p.value)
            x = point_x(p, geo, i)
            c = colours.get(p.claimant, NO_CLAIMANT)
            y = p.value
            if p.as_of.start is not None and p.as_of.end is not None and p.as_of.start != p.as_of.end:
                for lst, v in zip(spans, (y, p.as_of.start.toordinal(), p.as_of.end.toordinal(), c), strict=True):
                    lst.append(v)  # type: ignore[attr-defined]
            hedge = _hedge(p)
            if hedge:  # "more than" reaches up to an arrow tip, "up to" down, a range or "about" spans its values
                lo, hi = {"up": (y, y * ARROW), "down": (y / ARROW, y)}.get(hedge, (max(p.low, y / ARROW), p.high))
                for lst, v in zip(bars, (x, lo, hi, c), strict=True):
                    lst.append(v)  # type: ignore[attr-defined]
                if hedge in ("up", "down"):
                    tx, ty, tc = tips["^" if hedge == "up" else "v"]
                    tx.append(x)
                    ty.append(hi if hedge == "up" else lo)
                    tc.append(c)
            marker = MPL_MARKERS[book.look(p.claimant).marker] if p.claimant else "o"
            xs, ys, cs = dots.setdefault(marker, ([], [], []))
            xs.append(x)
            ys.append(y)
            cs.append(c)
            if p.disagreement:
                rings[0].append(x)
                rings[1].append(y)
        if spans[0]:
            ax.hlines(spans[0], spans[1], spans[2], colors=spans[3], linewidth=2, alpha=0.5)
        if bars[0]:
            ax.vlines(bars[0], bars[1], bars[2], colors=bars[3], linewidth=1.2)
        for marker, (xs, ys, cs) in tips.items():
            if xs:
                ax.scatter(xs, ys, c=cs, marker=marker, s=10, linewidths=0, zorder=3)
        for marker, (xs, ys, cs) in dots.items():
            ax.scatter(xs, ys, c=cs, marker=marker, s=24, edgecolors=bg, linewidths=0.4, zorder=3)
        if rings[0]:
            ax.scatter(rings[0], rings[1], marker="o", s=80, facecolors="none", edgecolors=mark, linewidths=1.1,
                       zorder=4)
        # figures of one quantity span orders of magnitude (9 dead in a town, 4,000 in a country):
        # on a linear axis the largest flattened the rest into the floor
        ax.set_yscale("log")
        ax.set_ylim(0.8, top * ARROW * 1.4)
        ax.yaxis.set_major_formatter(_thousands())
        ax.yaxis.set_minor_locator(_no_ticks())  # a log axis's minor ticks cost seconds in tight_layout
    early = sum(1 for s in series for p in s.points if (d := anchor(p.as_of)) is not None and d.toordinal() < geo["lo"])
    if early:
        fig.text(0.99, 1 - 0.12 / fig.get_figheight(), f"{early} figures dated before the range shown are in the table.",
                 fontsize=7, color=fg, ha="right", va="top")
    ax = axes[-1]
    ax.set_xlim(geo["lo"], (geo["undated"] + geo["pad"] * 2) if any_undated else geo["hi"])
    ticks, labels = _date_ticks(geo)
    if any_undated:
        ticks.append(geo["undated"])
        labels.append("undated")
        for a in axes:
            a.axvline(geo["undated"] - geo["pad"] * 1.5, color=grid, linewidth=1, linestyle=":")
    ax.set_xticks(ticks)
    ax.set_xticklabels(labels, fontsize=7, color=fg)
    names = [n for n in colours if n]
    handles = [Line2D([], [], marker=MPL_MARKERS[book.look(n).marker], linestyle="", color=colours[n],
                      label=plain(n, 30)) for n in names[:12]]
    if "" in colours:
        handles.append(Line2D([], [], marker="o", linestyle="", color=colours[""], label="(the outlet itself)"))
    handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=mark,
                          label="disagrees"))
    leg = fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 5), fontsize=7, frameon=False)
    for text in leg.get_texts():
        text.set_color(fg)
    fig.suptitle(plain(f"Figures over time: {tl.query}", 90), fontsize=9, color=fg, x=0.01, ha="left")
    rows = (len(handles) + 4) // 5
    height, width = fig.get_figheight(), fig.get_figwidth()
    # fixed margins in inches: tight_layout measured every tick label of every panel (a second or more)
    fig.subplots_adjust(left=0.75 / width, right=1 - 0.15 / width, top=1 - 0.55 / height,
                        bottom=(0.2 * rows + 0.45) / height, hspace=0.5)


def _thousands() -> Any:
    from matplotlib.ticker import FuncFormatter

    def fmt(v: float, _pos: int) -> str:
        if abs(v) >= 1_000_000:
            return f"{v / 1_000_000:g}M"
        return f"{v:,.0f}"

    return FuncFormatter(fmt)


def _no_ticks() -> Any:
    from matplotlib.ticker import NullLocator

    return NullLocator()


def _date_ticks(geo: dict[str, Any]) -> tuple[list[float], list[str]]:
    if not geo["dated"]:
        return [], []
    lo = dt.date.fromordinal(max(1, math.ceil(geo["lo"])))
    hi = dt.date.fromordinal(max(1, math.floor(geo["hi"])))
    days = (hi - lo).days
    step_months = 1 if days < 200 else 2 if days < 400 else 3 if days < 800 else 6 if days < 1600 else 12
    ticks: list[float] = []
    labels: list[str] = []
    y, m = lo.year, lo.month
    while True:
        d = dt.date(y, m, 1)
        if d > hi:
            break
        if d >= lo:
            ticks.append(d.toordinal())
            labels.append(d.strftime("%b %Y") if m == 1 or not labels else d.strftime("%b"))
        m += step_months
        while m > 12:
            m -= 12
            y += 1
    if not ticks:
        ticks, labels = [lo.toordinal()], [lo.isoformat()]
    return ticks, labels


def render(tl: Timeline, fmt: str = "svg", dark: bool = False, width: float = 9.0) -> bytes:
    """The picture as bytes: ``fmt`` is "svg" or "png"."""
    if fmt not in ("svg", "png"):
        raise ExportError(f"desk draws timelines as SVG or PNG, not {fmt!r}.")
    from matplotlib.figure import Figure  # the object API: no pyplot, no GUI backend, no global state

    panels = max(1, min(len(tl.series), MAX_PANELS))
    fig = Figure(figsize=(width, 1.2 + 1.6 * panels), dpi=120)
    draw(tl, fig, dark)
    import io

    buf = io.BytesIO()
    if fmt == "svg":
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        FigureCanvasSVG(fig)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    else:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        fig.savefig(buf, format="png")
    return buf.getvalue()
