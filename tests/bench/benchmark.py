"""desk's benchmark: index build, re-index, search latency, size, memory.

Run:  .venv/bin/python tests/bench/benchmark.py [--corpus DIR] [--only SECTION]

Sections: ``index`` (full text index, no-change re-index, index size, peak
memory), ``extract`` (full index with figures and claimants), ``search``
(latency over >= 100 varied queries), plus every ``tests/bench/bench_<area>.py``
module in this folder, which exposes ``run(report, args) -> None`` and reports
through ``report(name, value, unit="")``.

Each build is measured in its own child process (so peak RSS is that build's,
self + its largest finished worker process), ``--repeat`` times, and the median is printed.
The whole process tree's peak (the sum of every process's RSS, and its PSS, where
pages shared after a fork count once) is sampled from /proc every 0.25 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-media"
Report = Callable[..., None]
RESULTS: list[tuple[str, float | str, str]] = []


def report(name: str, value: float | str, unit: str = "") -> None:
    """Print one measured figure (and keep it for --json)."""
    RESULTS.append((name, value, unit))
    shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
    print(f"{name:<48} {shown:>14} {unit}", flush=True)


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its largest child (MB, Linux kB units)."""
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    return (self_kb + child_kb) * scale


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the load-independent cost)."""
    a = resource.getrusage(resource.RUSAGE_SELF)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --------------------------------------------------------------------------
# child-process measurements


def child_build(corpus: str, data_dir: str, extract: bool) -> dict[str, Any]:
    from desk.library import Library

    t0 = time.perf_counter()
    first_searchable = None
    with Library(corpus, data_dir=data_dir) as lib:
        report_ = lib.update(extract=False)
        first_searchable = time.perf_counter() - t0
        if extract:
            report_ = lib.update(extract=True)
        total = time.perf_counter() - t0
        articles = len(lib.articles())
        pending = lib.pending_extraction()
        words = sum(len(str(r[0]).split()) for r in lib.store.db.execute("SELECT text FROM articles"))
    return {
        "seconds": total,
        "text_seconds": first_searchable,
        "articles": articles,
        "added": report_.added,
        "skipped": len(report_.skipped),
        "pending": pending,
        "words": words,
        "peak_rss_mb": peak_rss_mb(),
        "cpu_seconds": cpu_seconds(),
    }


def child_reindex(corpus: str, data_dir: str) -> dict[str, Any]:
    from desk.library import Library

    t0 = time.perf_counter()
    with Library(corpus, data_dir=data_dir) as lib:
        r = lib.update(extract=False)
    return {"seconds": time.perf_counter() - t0, "unchanged": r.unchanged, "added": r.added,
            "updated": r.updated, "peak_rss_mb": peak_rss_mb()}


def _tree_pids(root: int) -> list[int]:
    """``root`` and every process below it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss_pss_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return rss, pss


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled every ``every`` seconds (Linux).

    ``rss``: the sum of the processes' resident sizes (pages a forked worker shares
    with its parent count in both); ``pss``: the proportional set size, each shared
    page divided among its sharers (what the tree really occupies).
    """

    def __init__(self, pid: int, every: float = 0.25) -> None:
        import threading

        self.pid, self.every = pid, every
        self.rss_mb = self.pss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if os.path.isdir("/proc/self"):
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for pid in _tree_pids(self.pid):
                r, p = _rss_pss_kb(pid)
                rss += r
                pss += p
            self.rss_mb = max(self.rss_mb, rss / 1024)
            self.pss_mb = max(self.pss_mb, pss / 1024)
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def run_child(kind: str, corpus: Path, data_dir: Path, extract: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--data-dir", str(data_dir)]
    if extract:
        cmd.append("--extract")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    tree = TreeMemory(proc.pid)
    out, err = proc.communicate()
    tree.stop()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out, err)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["tree_rss_mb"], result["tree_pss_mb"] = tree.rss_mb, tree.pss_mb
    return result


# --------------------------------------------------------------------------
# sections


def section_index(args: argparse.Namespace, rep: Report) -> None:
    builds, reindex, rss, sizes, tree_rss, tree_pss = [], [], [], [], [], []
    last: dict[str, Any] = {}
    for i in range(args.repeat):
        keep = bool(args.data_dir) and i == args.repeat - 1  # the search section reuses it
        d = Path(args.data_dir) if keep else Path(tempfile.mkdtemp(prefix="desk-bench-"))
        if keep:
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
        try:
            last = run_child("build", args.corpus, d)
            builds.append(last["seconds"])
            rss.append(last["peak_rss_mb"])
            tree_rss.append(last["tree_rss_mb"])
            tree_pss.append(last["tree_pss_mb"])
            sizes.append(dir_size_mb(d))
            again = [run_child("reindex", args.corpus, d)["seconds"] for _ in range(3)]
            reindex.append(statistics.median(again))
        finally:
            if not keep:
                shutil.rmtree(d, ignore_errors=True)
    rep("articles indexed", str(last.get("articles")))
    rep("files skipped", str(last.get("skipped")))
    rep("full text index, wall time (median)", statistics.median(builds), "s")
    rep("full text index, CPU self+children", last.get("cpu_seconds", 0.0), "s")
    rep("full text index, peak RSS self+children", max(rss), "MB")
    rep("full text index, peak RSS, whole process tree (sum)", max(tree_rss), "MB")
    rep("full text index, peak PSS, whole process tree", max(tree_pss), "MB")
    rep("re-index unchanged folder, wall time (median)", statistics.median(reindex), "s")
    rep("index size on disk (Whoosh + store)", statistics.median(sizes), "MB")


def section_extract(args: argparse.Namespace, rep: Report) -> None:
    d = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        r = run_child("build", args.corpus, d, extract=True)
        rep("index with extraction: searchable after (text pass)", r["text_seconds"], "s")
        rep("index with extraction: wall time", r["seconds"], "s")
        rep("index with extraction: CPU self+children", r["cpu_seconds"], "s")
        rep("index with extraction: peak RSS self+children", r["peak_rss_mb"], "MB")
        rep("index with extraction: peak RSS, whole process tree (sum)", r["tree_rss_mb"], "MB")
        rep("index with extraction: peak PSS, whole process tree", r["tree_pss_mb"], "MB")
        rep("index with extraction: articles still pending", str(r["pending"]))
        pass2 = max(r["seconds"] - r["text_seconds"], 1e-9)
        rep("pass 2 (figures and claimants) wall time", pass2, "s")
        rep("pass 2 throughput, whole folder (2 workers)", r["words"] / pass2, "words/s")
        from desk.extract.bench import measure, sample_texts

        one = measure(sample_texts(args.corpus, 300))
        rep("extraction, one process, 300 articles", one["batched_words_per_cpu_second"], "words/CPU-s")
        rep("index with extraction: size on disk", dir_size_mb(d), "MB")
    finally:
        shutil.rmtree(d, ignore_errors=True)


TERMS = ["ukraine", "russia", "sanctions", "grain", "missile", "drone", "ceasefire", "refugees", "nuclear", "zelensky", "putin", "biden", "nato", "kherson", "mariupol", "bakhmut", "donbas", "crimea", "kyiv", "moscow", "gas", "oil", "wheat", "prisoners", "casualties", "shelling", "offensive", "counteroffensive", "tanks", "artillery", "elections", "corruption"]
PHRASES = [
    '"prisoner swap"', '"grain deal"', '"nuclear power plant"', '"human rights"', '"peace talks"',
    '"civilian casualties"', '"black sea"', '"martial law"', '"security council"', '"war crimes"',
    '"air defense"', '"energy infrastructure"', '"european union"', '"foreign minister"', '"white house"',
]
CLAIMANTS = ["zelensky", "putin", "biden", "peskov", "kuleba", "lavrov", "stoltenberg", "shoigu", "blinken"]


def make_queries(outlets: list[str], n: int, seed: int = 7) -> list[tuple[str, dict[str, Any]]]:
    rnd = random.Random(seed)
    qs: list[tuple[str, dict[str, Any]]] = []
    qs += [(t, {}) for t in TERMS]
    qs += [(p, {}) for p in PHRASES]
    qs += [(f"{rnd.choice(TERMS)} {rnd.choice(TERMS)}", {}) for _ in range(10)]
    qs += [(f"{rnd.choice(TERMS)} OR {rnd.choice(TERMS)}", {}) for _ in range(5)]
    qs += [(f"{rnd.choice(TERMS)} NOT {rnd.choice(TERMS)}", {}) for _ in range(5)]
    qs += [(f"{t[:4]}*", {}) for t in rnd.sample(TERMS, 5)]
    qs += [(f"{t}~", {}) for t in rnd.sample(TERMS, 5)]
    for o in outlets[:8]:
        qs.append((f'{rnd.choice(TERMS)} outlet:"{o}"', {}))
        qs.append((rnd.choice(TERMS), {"outlets": [o]}))
    qs += [(f"{rnd.choice(TERMS)} date:[2022-0{m}-01 TO 2022-0{m + 1}-01]", {}) for m in range(2, 9)]
    qs += [(rnd.choice(TERMS), {"since": "2022-03-01", "until": "2022-09-30"}) for _ in range(5)]
    qs += [("killed figure:>1000", {}), ("figure:[10000 TO 20000]", {}), ("soldiers figure:<100", {}),
           ("figure:>=1000000 sanctions", {}), ("refugees figure:[1000000 TO 10000000]", {})]
    qs += [(f"claimant:{c}", {}) for c in CLAIMANTS]
    qs += [(f"{rnd.choice(TERMS)} claimant:{rnd.choice(CLAIMANTS)}", {}) for _ in range(5)]
    while len(qs) < n:
        qs.append((f"{rnd.choice(TERMS)} {rnd.choice(PHRASES)}", {}))
    return qs


def query_class(q: str, kw: dict[str, Any]) -> str:
    """The kind of a benchmark query, for per-kind latency figures."""
    if kw.get("outlets") or "outlet:" in q:
        return "outlet filter"
    if kw.get("since") or "date:" in q:
        return "date filter"
    for word, kind in (("figure:", "figure filter"), ("claimant:", "claimant filter")):
        if word in q:
            return kind
    if q.count('"') == 2 and q.startswith('"') and q.endswith('"'):
        return "phrase"
    if '"' in q:
        return "term + phrase"
    if q.endswith("*"):
        return "prefix"
    if q.endswith("~"):
        return "fuzzy"
    if " OR " in q or " NOT " in q:
        return "OR / NOT"
    return "two terms" if " " in q else "single term"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def section_search(args: argparse.Namespace, rep: Report) -> None:
    from desk.library import Library

    d = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        with Library(args.corpus, data_dir=d) as lib:
            if not lib.articles():
                run_child("build", args.corpus, d)
                lib._committed()
            queries = make_queries(lib.outlets(), args.queries)
            for q, kw in queries:  # warm up: caches, filter sets, OS page cache
                lib.search(q, **kw)
            times: list[float] = []
            timed: list[tuple[float, str, dict[str, Any]]] = []
            hits = 0
            for q, kw in queries:
                per = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    res = lib.search(q, **kw)
                    per.append(time.perf_counter() - t0)
                times.append(statistics.median(per) * 1000)
                timed.append((times[-1], q, kw))
                hits += bool(res.hits)
            times.sort()
            rep("search queries (distinct)", str(len(queries)))
            rep("search queries with hits", str(hits))
            rep("search latency median (warm, limit=20)", statistics.median(times), "ms")
            rep("search latency p95 (warm, limit=20)", _p95(times), "ms")
            rep("search latency max", times[-1], "ms")
            by_class: dict[str, list[float]] = {}
            for t, q, kw in timed:
                by_class.setdefault(query_class(q, kw), []).append(t)
            for kind, ts in sorted(by_class.items()):
                rep(f"  {kind} ({len(ts)}): median / p95", f"{statistics.median(ts):.1f} / {_p95(ts):.1f}", "ms")
            slowest = sorted(timed, key=lambda r: r[0])[-5:][::-1]
            rep("search slowest 5", "; ".join(f"{q}{' ' + str(kw) if kw else ''} {t:.0f} ms" for t, q, kw in slowest))
    finally:
        if not args.data_dir:
            shutil.rmtree(d, ignore_errors=True)


SECTIONS: dict[str, Callable[[argparse.Namespace, Report], None]] = {
    "index": section_index,
    "search": section_search,
    "extract": section_extract,
}


def discover() -> dict[str, Callable[[argparse.Namespace, Report], None]]:
    found: dict[str, Callable[[argparse.Namespace, Report], None]] = {}
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        spec = importlib.util.spec_from_file_location(f"desk_bench_{name}", path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        run = getattr(module, "run", None)
        if callable(run):
            found[name] = lambda a, r, run=run: run(r, a)
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--only", action="append", metavar="SECTION", help="run only this section (repeatable)")
    p.add_argument("--repeat", type=int, default=1, help="builds per measurement (median printed)")
    p.add_argument("--queries", type=int, default=120, help="distinct search queries (>= 100)")
    p.add_argument("--data-dir", help="reuse an index here for the search section")
    p.add_argument("--json", action="store_true", help="also print all results as JSON at the end")
    p.add_argument("--child", choices=("build", "reindex"), help=argparse.SUPPRESS)
    p.add_argument("--extract", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.child:
        if args.child == "build":
            out = child_build(str(args.corpus), args.data_dir, args.extract)
        else:
            out = child_reindex(str(args.corpus), args.data_dir)
        print(json.dumps(out))
        return 0

    if not args.corpus.is_dir():
        print(f"benchmark: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sections = {**SECTIONS, **discover()}
    wanted = args.only or list(sections)
    unknown = [s for s in wanted if s not in sections]
    if unknown:
        print(f"benchmark: unknown section(s) {', '.join(unknown)}; known: {', '.join(sections)}", file=sys.stderr)
        return 2
    print(f"desk benchmark on {args.corpus} ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})")
    for name in wanted:
        print(f"-- {name}", flush=True)
        t0 = time.perf_counter()
        sections[name](args, report)
        print(f"   ({name}: {time.perf_counter() - t0:.1f} s)", flush=True)
    if args.json:
        print(json.dumps([{"name": n, "value": v, "unit": u} for n, v, u in RESULTS], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
