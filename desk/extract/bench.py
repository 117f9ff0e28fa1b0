"""Throughput of figure and claimant extraction, in words per second.

    python -m desk.extract.bench FOLDER [--n 300] [--seed 1]

Reads a random sample of ``.md``/``.txt`` files (YAML front matter dropped),
loads the model once (not timed), then times :func:`desk.extract.extract`
then :func:`desk.extract.extract_many` 32 texts at a time, and, separately,
:func:`find_figures` alone, in this one process, both in
wall-clock and in CPU time (the machine may be shared).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from desk.extract import extract, extract_many, find_figures, load_model

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def sample_texts(folder: Path, n: int, seed: int = 1) -> list[str]:
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".md", ".txt") and p.is_file())
    random.Random(seed).shuffle(files)
    out = []
    for p in files[:n]:
        text = p.read_text(encoding="utf-8", errors="replace")
        out.append(_FRONT.sub("", text, count=1))
    return out


def measure(texts: list[str], every: bool = True) -> dict[str, float]:
    load_model()
    words = sum(len(t.split()) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    nfig = sum(len(find_figures(t)) for t in texts)
    t1, c1 = time.perf_counter(), time.process_time()
    nclaims = 0
    for t in texts:
        x = extract(t, every=every)
        nclaims += sum(1 for c in x.claims if c.claimant)
    t2, c2 = time.perf_counter(), time.process_time()
    for k in range(0, len(texts), 32):
        extract_many([(t, (), None, None) for t in texts[k : k + 32]], every=every)
    t3, c3 = time.perf_counter(), time.process_time()
    return {
        "articles": len(texts),
        "words": words,
        "figures": nfig,
        "attributed": nclaims,
        "figures_seconds": t1 - t0,
        "extract_seconds": t2 - t1,
        "figures_words_per_second": words / max(t1 - t0, 1e-9),
        "extract_words_per_second": words / max(t2 - t1, 1e-9),
        # CPU time of this process: what a worker gets on an idle core
        "extract_cpu_seconds": c2 - c1,
        "extract_words_per_cpu_second": words / max(c2 - c1, 1e-9),
        "figures_words_per_cpu_second": words / max(c1 - c0, 1e-9),
        # the same texts through extract_many, 32 at a time
        "batched_cpu_seconds": c3 - c2,
        "batched_words_per_cpu_second": words / max(c3 - c2, 1e-9),
        "batched_words_per_second": words / max(t3 - t2, 1e-9),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m desk.extract.bench")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--figures-only", action="store_true", help="parse only what the figures need")
    args = ap.parse_args(argv)
    r = measure(sample_texts(args.folder, args.n, args.seed), every=not args.figures_only)
    for k, v in r.items():
        sys.stdout.write(f"{k:26} {v:,.1f}\n" if isinstance(v, float) else f"{k:26} {v:,}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
