"""Benchmark section ``compare``: compare and collate latency on a warm index.

Run through ``tests/bench/benchmark.py --only compare [--data-dir DIR]``.  With
``--data-dir`` an index already built there (with figures and claimants) is
reused; otherwise one is built first, which takes many minutes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Report = Callable[..., None]

#: queries a reader comparing outlets would type: events, casualty counts, claims
QUERIES = [
    "soldiers killed", "civilians killed", "prisoners of war", "prison strike", "Olenivka",
    "grain deal", "grain exports", "Zaporizhzhia nuclear plant", "Kherson counteroffensive",
    "Mariupol steel plant", "Azovstal fighters", "Bucha killings", "Kramatorsk station",
    "missile strike Kyiv", "drone attack", "refugees fled Ukraine", "sanctions Russia oil",
    "gas supplies Europe", "Nord Stream", "Crimea bridge", "Bakhmut fighting", "Severodonetsk",
    "Lysychansk", "Kharkiv shelling", "Odesa port", "Black Sea fleet", "Moskva cruiser",
    "HIMARS rockets", "tanks Ukraine Germany", "Patriot missiles", "NATO membership Finland",
    "Sweden NATO", "Putin mobilization", "partial mobilisation", "referendums annexation",
    "Dnipro apartment", "power outages", "energy infrastructure strikes", "prisoner swap",
    "peace talks Istanbul", "Wagner Prigozhin", "Belgorod", "Kursk region", "Lavrov talks",
    "Zelensky address", "Biden aid package", "billion military aid", "casualties Russian army",
    "wounded people", "children killed", "journalists killed", "ammunition depot", "evacuation corridor",
    "Chernobyl", "IAEA inspectors", "war crimes investigation", "International Criminal Court",
]


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * len(values))) - 1)]


def _long_pairs(lib: Any, n: int, seed: int = 11) -> list[tuple[Any, Any]]:
    """Pairs of ~2,000-word articles (1,700-2,400 words), from one week when possible."""
    metas = [a for a in lib.articles() if 10_000 <= a.size <= 16_000]
    rnd = random.Random(seed)
    rnd.shuffle(metas)
    longs = []
    for m in metas:
        a = lib.article(m.id)
        words = len(a.text.split())
        if 1_700 <= words <= 2_400:
            longs.append(a)
        if len(longs) >= 2 * n:
            break
    longs.sort(key=lambda a: (a.date is None, a.date))
    return [(longs[i], longs[i + 1]) for i in range(0, len(longs) - 1, 2)][:n]


#: queries timed as whole ``desk compare`` processes (start-up, change check, compare, output)
PROCESS_QUERIES = ("grain deal", "soldiers killed", "Olenivka", "prisoner swap", "Crimea bridge", "drone attack")
#: the untimed process run first (:func:`_time_processes`)
WARM_UP_QUERY = "ceasefire talks"


def _installed_env(cache: Path) -> dict[str, str]:
    """The environment of a timed child: desk's modules read as cached bytecode, as from an installed desk
    (pip and the frozen bundle compile it once; PYTHONDONTWRITEBYTECODE in a shell would make every child
    compile desk from source again, some 0.2 CPU-s a process).  The bytecode goes to a folder of the
    benchmark's own (PYTHONPYCACHEPREFIX), never into the source tree."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _whole_process(report: Report, args: argparse.Namespace, data_dir: Path) -> None:
    """``desk compare FOLDER QUERY`` as a user runs it, once per query: wall and CPU time of each process.

    One untimed run first writes the bytecode, as installing desk does (:func:`_installed_env`)."""
    cache = Path(tempfile.mkdtemp(prefix="desk-bench-pycache-"))
    env = _installed_env(cache)
    try:
        _time_processes(report, args, data_dir, env)
        report("desk compare as a whole process: desk's bytecode", _bytecode_state(cache))
        _process_parts(report, args, data_dir, env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _time_processes(report: Report, args: argparse.Namespace, data_dir: Path, env: dict[str, str]) -> None:
    import resource
    import subprocess
    import sys

    def run(q: str, fmt: tuple[str, ...]) -> None:
        subprocess.run(
            [sys.executable, "-m", "desk", "compare", str(args.corpus), q, "--data-dir", str(data_dir), *fmt],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env,
        )

    # untimed, and not one of the timed queries (the features file keeps what a comparison computed):
    # writes the bytecode and warms the OS cache
    run(WARM_UP_QUERY, ("--json",))
    walls: list[float] = []
    cpus: list[float] = []
    for fmt in ((), ("--json",)):
        for q in PROCESS_QUERIES:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            run(q, fmt)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    n = len(PROCESS_QUERIES)
    report(f"desk compare as a whole process ({n} queries, text then --json), wall median", statistics.median(walls), "s")
    report("desk compare as a whole process, wall max", max(walls), "s")
    report("desk compare as a whole process, CPU (user+sys) median", statistics.median(cpus), "s")
    report("desk compare as a whole process, CPU (user+sys) max", max(cpus), "s")


def _bytecode_state(cache: Path) -> str:
    """How many of desk's core modules the timed children read as cached bytecode (:func:`_installed_env`)."""
    import sys

    import desk

    root = Path(desk.__file__).resolve().parent
    sources = [p for p in root.rglob("*.py") if "gui" not in p.parts]
    tag = sys.implementation.cache_tag
    cached = sum(1 for p in sources if (cache / p.parent.relative_to(p.anchor) / f"{p.stem}.{tag}.pyc").exists())
    return f"{cached}/{len(sources)} core modules cached, as installed"


#: a ``desk compare --json`` run in a child, each stage's CPU time printed as JSON (imports, opening the
#: library, the change check, the compare, the output)
_PARTS_SCRIPT = """
import json, os, sys, time
c0 = time.process_time()
import desk.cli as cli
import desk.compare, desk.library
parts = {"imports": time.process_time() - c0}
def timed(owner, name, label):
    f = getattr(owner, name)
    def w(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            parts[label] = parts.get(label, 0.0) + time.process_time() - t
    setattr(owner, name, w)
timed(cli, "open_library", "open library")
timed(cli, "index_quietly", "change check")
timed(desk.library.Library, "compare", "compare (cold)")
timed(cli, "print_comparison", "output")
out, sys.stdout = sys.stdout, open(os.devnull, "w")
try:
    cli.main(["compare", sys.argv[1], sys.argv[2], "--json", "--data-dir", sys.argv[3]])
except SystemExit:
    pass
sys.stdout = out
parts["total"] = time.process_time() - c0
print(json.dumps(parts))
"""


def _process_parts(report: Report, args: argparse.Namespace, data_dir: Path, env: dict[str, str]) -> None:
    """Where a ``desk compare --json`` process spends its CPU time, median over PROCESS_QUERIES."""
    import json
    import subprocess
    import sys

    runs = []
    for q in PROCESS_QUERIES:
        done = subprocess.run([sys.executable, "-c", _PARTS_SCRIPT, str(args.corpus), q, str(data_dir)],
                              capture_output=True, text=True, check=False, env=env)
        if done.returncode == 0 and done.stdout.strip():
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if not runs:
        report("desk compare process parts: the child failed", "-")
        return
    for part in runs[0]:
        report(f"desk compare --json process, CPU in {part} (median)",
               statistics.median(r.get(part, 0.0) for r in runs), "s")


def run(report: Report, args: argparse.Namespace) -> None:
    from desk.compare import collate_articles, compare_query
    from desk.compare.profile import clear_cache
    from desk.library import Library

    own = not args.data_dir
    d = Path(tempfile.mkdtemp(prefix="desk-bench-compare-")) if own else Path(args.data_dir)
    try:
        with Library(args.corpus, data_dir=d) as lib:
            if not lib.articles() or lib.pending_extraction():
                t0 = time.perf_counter()
                lib.update(extract=True)
                report("compare: index built first (with extraction)", time.perf_counter() - t0, "s")
            queries = QUERIES[: max(50, min(len(QUERIES), getattr(args, "queries", 50)))]

            # cold: empty per-passage cache (the index and the OS cache are warm after the search section)
            clear_cache()
            cold: list[float] = []
            for q in queries:
                t0 = time.perf_counter()
                compare_query(lib, q)
                cold.append((time.perf_counter() - t0) * 1000)

            # warm: the same queries again, median of 3 runs each (the first run of each may group again
            # when an earlier query pushed its comparison out of compare_query's memory; the others recall it)
            warm: list[float] = []
            warm_cpu: list[float] = []
            grouping: list[float] = []
            search_cpu: list[float] = []
            candidates: list[int] = []
            rows: list[int] = []
            outlets: list[int] = []
            for q in queries:
                per = []
                per_cpu = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    c0 = time.process_time()
                    c = compare_query(lib, q)
                    per.append((time.perf_counter() - t0) * 1000)
                    per_cpu.append((time.process_time() - c0) * 1000)
                warm.append(statistics.median(per))
                warm_cpu.append(statistics.median(per_cpu))
                rows.append(len(c.rows))
                outlets.append(len(c.outlets))
                candidates.append(sum(len(cell) for r in c.rows for cell in r.cells.values()))
                # the search alone (Whoosh + highlighting + claims of 200 hits), then
                # the grouping alone on those hits (no search, no neighbour fetch)
                c0 = time.process_time()
                hits = lib.search(q, limit=200).hits
                search_cpu.append((time.process_time() - c0) * 1000)
                from desk.compare import build_rows

                t0 = time.perf_counter()
                build_rows(hits)
                grouping.append((time.perf_counter() - t0) * 1000)
            # warm caches, but each comparison computed again: what a query new to the session costs
            # once its passages were met (compare_query remembers whole comparisons for a query asked again)
            import desk.compare as compare_module

            kept = compare_module.RESULTS_KEPT
            compare_module.RESULTS_KEPT = 0
            regroup: list[float] = []
            regroup_cpu: list[float] = []
            try:
                for q in queries:
                    t0 = time.perf_counter()
                    c0 = time.process_time()
                    compare_query(lib, q)
                    regroup.append((time.perf_counter() - t0) * 1000)
                    regroup_cpu.append((time.process_time() - c0) * 1000)
            finally:
                compare_module.RESULTS_KEPT = kept
            report("compare queries", str(len(queries)))
            report("compare latency median (cold passage cache)", statistics.median(cold), "ms")
            report("compare latency p95 (cold passage cache)", _p95(cold), "ms")
            report("compare latency median (warm, default depth)", statistics.median(warm), "ms")
            report("compare latency p95 (warm, default depth)", _p95(warm), "ms")
            report("compare latency max (warm)", max(warm), "ms")
            report("compare latency median (warm caches, comparison not remembered)", statistics.median(regroup), "ms")
            report("compare latency p95 (warm caches, comparison not remembered)", _p95(regroup), "ms")
            report("compare CPU time median (warm caches, comparison not remembered)",
                   statistics.median(regroup_cpu), "ms")
            report("compare CPU time p95 (warm caches, comparison not remembered)", _p95(regroup_cpu), "ms")
            # the machine may be shared: CPU time of this process shows what the work itself costs
            report("compare CPU time median (warm)", statistics.median(warm_cpu), "ms")
            report("compare CPU time p95 (warm)", _p95(warm_cpu), "ms")
            report("compare: Library.search(limit=200) alone, CPU median", statistics.median(search_cpu), "ms")
            report("compare: Library.search(limit=200) alone, CPU p95", _p95(search_cpu), "ms")
            report("compare grouping only (build_rows on hits), wall median", statistics.median(grouping), "ms")
            report("compare grouping only (build_rows on hits), wall p95", _p95(grouping), "ms")
            report("compare passages in rows, median", statistics.median(candidates), "")
            report("compare rows per query, median", statistics.median(rows), "")
            report("compare outlets per query, max", str(max(outlets)), "")

            _whole_process(report, args, d)

            pairs = _long_pairs(lib, 10)
            if not pairs:
                report("collate: no pair of ~2,000-word articles found", "-")
                return
            exts = {a.id: lib.extraction(a.id) for pair in pairs for a in pair}
            words = [len(a.text.split()) for pair in pairs for a in pair]
            pure: list[float] = []
            pure_cpu: list[float] = []
            whole: list[float] = []
            for a, b in pairs:
                clear_cache()
                t0 = time.perf_counter()
                c0 = time.process_time()
                collate_articles([a, b], [exts[a.id], exts[b.id]])
                pure.append((time.perf_counter() - t0) * 1000)
                pure_cpu.append((time.process_time() - c0) * 1000)
                t0 = time.perf_counter()
                lib.collate([a.id, b.id])
                whole.append((time.perf_counter() - t0) * 1000)
            report("collate pairs (words per article, median)", f"{len(pairs)} ({statistics.median(words):.0f})")
            report("collate latency median (loaded articles, cold cache)", statistics.median(pure), "ms")
            report("collate latency max (loaded articles, cold cache)", max(pure), "ms")
            report("collate CPU time median (loaded articles, cold cache)", statistics.median(pure_cpu), "ms")
            report("collate latency median (Library.collate, from the store)", statistics.median(whole), "ms")
            report("collate latency max (Library.collate)", max(whole), "ms")
    finally:
        if own:
            shutil.rmtree(d, ignore_errors=True)
