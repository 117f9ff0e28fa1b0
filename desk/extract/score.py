"""Score desk's figure and claimant extraction against a gold file.

    python -m desk.extract.score [GOLD_JSON] [--corpus DIR] [--verbose]

Scoring follows ../shared/gold/GUIDE.md:

- figures: precision and recall over (article, value) pairs, each pair
  counted as often as it occurs in the gold; a range ("500-600") gives one
  figure per number, as the guide says;
- claimants: of the gold figures that have a claimant and were found, the
  share whose predicted claimant names the same source (one name contains the
  other's last word, case and diacritics ignored, or the gold's "accept" list);
- false attribution: of the found figures whose gold claimant is empty, the
  share given a claimant.

Each article is read exactly as desk ingests it, then :func:`extract_title` and
:func:`extract_article` (the gold counts headline figures, title first).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from desk.errors import DeskError
from desk.extract import extract_article, extract_title
from desk.extract.names import _translit_key, fold
from desk.model import Article, Extraction

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.json"


def read_for_scoring(path: Path, folder: Path, context: Any = None) -> Article:
    """The article exactly as desk ingests it."""
    from desk.corpus import FolderContext, read_article

    return read_article(path, folder, context if context is not None else FolderContext.load(folder))


def with_title(article: Article, title_x: Extraction, body_x: Extraction) -> tuple[Extraction, str]:
    """The title's claims then the body's, with the text the gold contexts are written on.

    The gold lists figures "title first" and its contexts are substrings of the
    title, a blank line, then the body; body offsets shift by that prefix.
    """
    prefix = article.title + "\n\n" if article.title else ""
    shift = len(prefix)
    claims = list(title_x.claims)
    for c in body_x.claims:
        f = c.figure
        moved = replace(f, start=f.start + shift, end=f.end + shift)
        claims.append(replace(c, figure=moved))
    return Extraction(figures=[c.figure for c in claims], claims=claims), prefix + article.text


def names_match(pred: str, gold: str, accept: list[str] | tuple[str, ...] = ()) -> bool:
    """The guide's rule: one name contains the other's last word (folded), or an accepted name."""
    if not pred:
        return False
    pw = [_translit_key(w) for w in fold(pred).replace("'s", "").split()]
    for g in (gold, *accept):
        gw = [_translit_key(w) for w in fold(g).replace("'s", "").split()]
        if not gw or not pw:
            continue
        if gw[-1] in pw or pw[-1] in gw:
            return True
    return False


def _locate(text: str, g: dict[str, Any]) -> int | None:
    """Where the gold figure's context puts it in the text, if it can be found."""
    ctx = str(g.get("context", ""))
    for chunk in sorted((c.strip() for c in ctx.split("...")), key=len, reverse=True):
        if len(chunk) < 8:
            continue
        at = text.find(chunk)
        if at >= 0:
            k = chunk.find(str(g.get("text", "")))
            return at + max(k, 0)
    return None


def _pairs(
    gold: list[dict[str, Any]], x: Extraction, text: str = ""
) -> tuple[list[tuple[dict[str, Any], str]], list[dict[str, Any]], list[tuple[float, str, str]]]:
    """Pair gold figures with predicted claims of the same value.

    Counting is over (article, value) pairs as a multiset; which predicted
    figure goes with which gold figure (for its claimant) follows the order of
    appearance: a longest common subsequence of the two value sequences first,
    then any remaining figures of equal value.
    """
    gv = [float(g["value"]) for g in gold]
    # a range gives one figure per number (the guide): "500,000 - 600,000" is 500,000 and 600,000
    claims = [c for c in x.claims for _ in range(1 if c.figure.high is None else 2)]
    pv = []
    for c in x.claims:
        pv.append(float(c.figure.value))
        if c.figure.high is not None:
            pv.append(float(c.figure.high))
    n, m = len(gv), len(pv)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            lcs[i][j] = lcs[i + 1][j + 1] + 1 if gv[i] == pv[j] else max(lcs[i + 1][j], lcs[i][j + 1])
    pair: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if gv[i] == pv[j]:
            pair[i] = j
            i += 1
            j += 1
        elif lcs[i + 1][j] >= lcs[i][j + 1]:
            i += 1
        else:
            j += 1
    # the gold "context" places a figure in the text: prefer the predicted figure there
    for gi in range(n):
        where = _locate(text, gold[gi])
        if where is None:
            continue
        best = min(
            (j for j in range(m) if pv[j] == gv[gi]),
            key=lambda j: abs(claims[j].figure.start - where),
            default=None,
        )
        if best is not None and best not in pair.values() and gi in pair:
            pair[gi] = best
    taken = set(pair.values())
    for gi in range(n):
        if gi in pair:
            continue
        for pj in range(m):
            if pj not in taken and pv[pj] == gv[gi]:
                pair[gi] = pj
                taken.add(pj)
                break
    matched = [(gold[gi], claims[pair[gi]].claimant) for gi in range(n) if gi in pair]
    missed = [gold[gi] for gi in range(n) if gi not in pair]
    extra = [(pv[j], claims[j].figure.text, claims[j].claimant) for j in range(m) if j not in taken]
    return matched, missed, extra


def score(
    gold_path: Path, corpus_dir: Path | None = None, *, verbose: bool = False, out: Any = None, every: bool = True
) -> dict[str, Any]:
    """Scores as a dict; with ``verbose`` also the misses, per article."""
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        articles: dict[str, list[dict[str, Any]]] = gold["articles"]
    except (OSError, ValueError, KeyError) as exc:
        raise DeskError(f"The gold file {gold_path} cannot be read ({exc}).") from exc
    folder = Path(corpus_dir) if corpus_dir else (Path(gold_path).parent / gold.get("corpus", ".")).resolve()
    n_gold = n_pred = n_found = 0
    cl_total = cl_right = fa_total = fa_wrong = 0
    details: dict[str, dict[str, Any]] = {}
    from desk.corpus import FolderContext

    if not folder.is_dir():
        raise DeskError(f"The gold file's article folder {folder} does not exist.", hint="Pass --corpus DIR.")
    context = FolderContext.load(folder)
    for name, figs in articles.items():
        path = folder / name
        if not path.is_file():
            raise DeskError(f"The gold names {name}, which is not in {folder}.")
        article = read_for_scoring(path, folder, context)
        x, text = with_title(article, extract_title(article), extract_article(article, every=every))
        matched, missed, extra = _pairs(figs, x, text)
        n_gold += len(figs)
        n_pred += sum(1 if c.figure.high is None else 2 for c in x.claims)
        n_found += len(matched)
        wrong = []
        for g, pred in matched:
            if g.get("claimant"):
                cl_total += 1
                if names_match(pred, g["claimant"], g.get("accept", [])):
                    cl_right += 1
                else:
                    wrong.append((g["text"], g["claimant"], pred, g.get("context", "")))
            else:
                fa_total += 1
                if pred:
                    fa_wrong += 1
                    wrong.append((g["text"], "", pred, g.get("context", "")))
        details[name] = {"missed": missed, "extra": extra, "wrong": wrong}
    result: dict[str, Any] = {
        "articles": len(articles),
        "gold_figures": n_gold,
        "predicted_figures": n_pred,
        "found": n_found,
        "figure_precision": n_found / n_pred if n_pred else 0.0,
        "figure_recall": n_found / n_gold if n_gold else 0.0,
        "claimant_total": cl_total,
        "claimant_accuracy": cl_right / cl_total if cl_total else 1.0,
        "unattributed_total": fa_total,
        "false_attribution": fa_wrong / fa_total if fa_total else 0.0,
        "details": details,
    }
    if out is not None:
        _report(result, verbose, out)
    return result


def _report(r: dict[str, Any], verbose: bool, out: Any) -> None:
    def w(line: str = "") -> None:
        out.write(line + "\n")

    w(f"articles            {r['articles']}")
    w(f"figures             gold {r['gold_figures']}, predicted {r['predicted_figures']}, found {r['found']}")
    w(f"figure precision    {r['figure_precision']:.3f}")
    w(f"figure recall       {r['figure_recall']:.3f}")
    w(f"claimant accuracy   {r['claimant_accuracy']:.3f}  (of {r['claimant_total']} found figures with a gold claimant)")
    w(f"false attribution   {r['false_attribution']:.3f}  (of {r['unattributed_total']} found figures without one)")
    if not verbose:
        return
    for name, d in r["details"].items():
        if not (d["missed"] or d["extra"] or d["wrong"]):
            continue
        w()
        w(name)
        for g in d["missed"]:
            w(f"  missed  {g['text']!r:12} {g.get('context', '')}")
        for v, t, cl in d["extra"]:
            w(f"  extra   {t!r:12} value {v:g} claimant {cl!r}")
        for t, gc, pc, ctx in d["wrong"]:
            w(f"  claimant {t!r:12} gold {gc!r} got {pc!r}  ({ctx})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m desk.extract.score", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="gold JSON (default: ../shared/gold/seeds.json)")
    ap.add_argument("--corpus", type=Path, default=None, help="article folder (default: the gold file's 'corpus')")
    ap.add_argument("--verbose", "-v", action="store_true", help="list the misses per article")
    ap.add_argument("--figures-only", action="store_true", help="parse only what the figures need (as the index does)")
    args = ap.parse_args(argv)
    try:
        score(args.gold, args.corpus, verbose=args.verbose, out=sys.stdout, every=not args.figures_only)
    except DeskError as exc:
        sys.stderr.write(f"desk: {exc}\n")
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
