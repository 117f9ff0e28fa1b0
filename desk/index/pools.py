"""Worker processes of the indexer: reading files (pass 1) and finding figures and claimants (pass 2).

Each worker process keeps what it needs between tasks in one typed
:class:`WorkerContext` (the folder and its manifest for readers, an open store
for extractors), set by the pool's initializer or, when the work runs in this
process, by the caller.  Workers end when desk itself is killed.  The
parent-side loops here (:func:`read_all`, :func:`run_extraction`) own the
pools: start, keep a few tasks in flight, stop at once on cancel.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.index.backend import FigureSpan
from desk.index.store import Store
from desk.model import Article, CancelCheck, Extraction, Figure, Skipped

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

log = logging.getLogger(__name__)

#: what a text's figures are kept under for pass 2: its length and SHA-1 (:func:`text_key`)
TextKey = tuple[int, bytes]

#: at most this many worker processes (never more than the machine's CPUs)
WORKERS = 2


def workers() -> int:
    return max(1, min(WORKERS, os.cpu_count() or 1))


def mp_context() -> Any:
    # imported here, not with the module: a compare or a search never starts a pool (30 ms of imports)
    import multiprocessing

    # fork is cheap and keeps the parent's imports; elsewhere spawn is the safe default
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@dataclass(slots=True)
class WorkerContext:
    """What one worker process keeps between its tasks."""

    #: readers: the article folder and its manifest (read once per worker)
    folder: Path | None = None
    folder_ctx: Any = None  # desk.corpus.FolderContext (imported lazily: pools load fast)
    #: extractors: the library store, opened read-only by path (the parent sends only ids)
    store: Store | None = None
    #: the pid whose parent this process watches
    watched_pid: int = 0
    #: extractors: the figures pass 1 found, by article id, with the key of the text they were found in
    #: (set in the parent before the workers fork, so they share it; :func:`known_figures`)
    figures: dict[str, tuple[TextKey, list[Figure]]] | None = None


#: this process's context (each worker process has its own copy)
WORKER = WorkerContext()


def exit_with_parent() -> None:
    """A worker ends when desk itself is killed, instead of waiting for work for ever."""
    if WORKER.watched_pid == os.getpid():
        return
    WORKER.watched_pid = os.getpid()
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="desk-parent-watch", daemon=True).start()


# every forked child (reader and extraction workers, the backend's sub-writers) watches
# its parent; spawned pool workers start the watch in their initializer
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=exit_with_parent)


def release_memory() -> None:
    """Give the heap this process no longer uses back to the system before forking workers.

    After a first index's text pass the parent holds freed article texts and
    postings in its heap; forked workers would share those pages and count them
    in their own resident size.  ``malloc_trim`` (glibc) returns free pages.
    """
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


@contextmanager
def model_shared_with_workers() -> Iterator[None]:
    """Load the spaCy pipeline here, before the extraction workers fork, so they share its pages.

    Each worker that loaded it itself held about 90 MB of its own (spaCy's modules and the
    model's weights); forked after the load, they mostly read those pages, which the kernel
    keeps shared.  ``gc.freeze()`` keeps the workers' collections from writing into every
    object they inherit (which would copy its page).  On the way out the objects are
    unfrozen and a pipeline loaded only for this is dropped again.  Spawned workers (not
    Linux) start empty and load their own, as does every worker when the load fails here.
    """
    import gc

    claimants: Any = None
    loaded_before = True
    if mp_context().get_start_method() == "fork":
        try:
            from desk.extract import claimants

            loaded_before = claimants.model_loaded()
            claimants.load_model()
        except Exception:  # noqa: BLE001 - no model here: each worker reports it per article, as before
            claimants = None
    if claimants is None:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if not loaded_before:
            claimants.drop_model()


def worker_processes(pool: ProcessPoolExecutor) -> list[Any]:
    """The pool's worker processes (``multiprocessing.Process``) as they are now."""
    return list((getattr(pool, "_processes", None) or {}).values())


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes at once (killed if SIGTERM does not end them)."""
    procs = worker_processes(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)


def exit_codes(procs: list[Any], wait: float = 2.0) -> list[int | None]:
    """The exit codes of ended worker processes (``multiprocessing.Process``), waited for up to ``wait`` seconds.

    A broken pool's own thread reaps its dead workers at the same time: a look that comes between its
    ``waitpid`` and its noting the code finds none (None), so this looks again until every code is known."""
    deadline = time.monotonic() + wait
    while True:
        codes = [p.exitcode for p in procs]
        if all(c is not None for c in codes) or time.monotonic() >= deadline:
            return codes
        time.sleep(0.01)


def cpu_seconds(pids: list[int]) -> float | None:
    """The CPU time (user and system) the processes ``pids`` have used so far, in seconds.

    None when it cannot be read: no ``/proc`` (not Linux), or a process already gone.
    """
    if not pids or not sys.platform.startswith("linux"):
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            return None
        # after "pid (name) " come state, ppid, ...: utime and stime are the 14th and 15th fields
        fields = stat[stat.rfind(b")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])
    return total / tick


#: pass 2's workers are taken for stuck when none of their chunks came back for this many seconds
#: while together they used less than :data:`STALL_CPU` seconds of CPU (:class:`StallWatch`)
STALL_SECONDS = 60.0
STALL_CPU = 0.25
#: a longer pause between two looks (this process stopped, or busy storing results) restarts the watch
STALL_GAP = 5.0


class StallWatch:
    """Tells stuck worker processes from slow ones: no result for :data:`STALL_SECONDS` *and* no work.

    A long article keeps a worker computing for minutes, and a loaded machine
    gives it little of a core: neither is stuck, and both use CPU.  A worker
    waiting for ever (a lock its fork copied in the held state, a task that
    never reached it) uses none.  So the verdict needs both: no chunk came
    back for :data:`STALL_SECONDS`, and the workers' CPU time grew by less than
    :data:`STALL_CPU` seconds over that time.  Where CPU time cannot be read
    (no ``/proc``), there is no verdict; the workers there are spawned, so they
    inherit no lock.  Time this process did not see pass (it and its workers
    stopped by Ctrl+Z, then resumed) counts for nothing: a gap of more than
    :data:`STALL_GAP` seconds between two looks starts the watch again.
    """

    def __init__(self, pids: Callable[[], list[int]]) -> None:
        self._pids = pids
        self._since = self._looked = time.monotonic()
        self._cpu = cpu_seconds(pids())

    def progressed(self) -> None:
        """A result came back: look again :data:`STALL_SECONDS` from now."""
        self._since = self._looked = time.monotonic()
        self._cpu = cpu_seconds(self._pids())

    def stalled(self) -> bool:
        """Called every half second or so while chunks are out (a longer gap restarts the watch)."""
        now = time.monotonic()
        gap, self._looked = now - self._looked, now
        if gap > STALL_GAP:
            self.progressed()
            return False
        if now - self._since < STALL_SECONDS:
            return False
        cpu = cpu_seconds(self._pids())
        if cpu is not None and self._cpu is not None and cpu - self._cpu < STALL_CPU:
            return True
        self._since, self._cpu = now, cpu  # working, only slowly: look again a while later
        return False


# --------------------------------------------------------------------------
# pass 1: reading


@dataclass(slots=True)
class ReadResult:
    relpath: str
    article: Article | None
    keys: list[str]
    figures: list[FigureSpan]
    skipped: Skipped | None = None
    #: the figures ``figures`` came from (None: the finder is not installed), for pass 2
    found: list[Figure] | None = None


def found_figures(text: str) -> list[Figure] | None:
    """Every figure pass 1 indexes, as pass 2 finds them too (None when the figure finder is not installed)."""
    try:
        from desk.extract.figures import FIGURE_BUDGET, find_figures
    except ImportError:  # the figure finder is optional for pass 1
        return None
    return find_figures(text, 0, len(text), limit=FIGURE_BUDGET)


def spans_of(found: list[Figure] | None) -> list[FigureSpan]:
    return [(f.start, f.value, f.high) for f in found or ()]


def figures_of(text: str) -> list[FigureSpan]:
    """The regex figures pass 1 indexes (empty when the figure finder is not installed)."""
    return spans_of(found_figures(text))


def text_key(text: str) -> TextKey:
    """What tells a text from any other: its length and the SHA-1 of its characters."""
    return len(text), hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


def known_figures(article: Article) -> list[Figure] | None:
    """The figures pass 1 found in ``article``'s very text (None: not kept, or another text).

    Pass 2 would find exactly these again (``extract_many`` calls the same finder on the same
    text with the same budget): a tenth of its time.  Each is handed out once.
    """
    kept = WORKER.figures
    got = kept.pop(article.id, None) if kept is not None else None
    if got is None or got[0] != text_key(article.text):
        return None
    return got[1]


def init_reader(folder: str) -> None:
    """The reader pool's initializer: watch desk, then :func:`set_reader`."""
    exit_with_parent()
    set_reader(folder)


def set_reader(folder: str) -> None:
    """Read ``folder``'s files in this process from now on (its manifest read once).

    Reading in desk's own process (a few files) sets only this: the watch of
    :func:`exit_with_parent` is for workers, and in desk itself it would end desk
    (exit status 0, mid-run) when whatever started it went away first.
    """
    from desk import corpus

    WORKER.folder = Path(folder)
    WORKER.folder_ctx = corpus.FolderContext.load(Path(folder))


def read_one(job: tuple[str, str]) -> ReadResult:
    """Read one file; every failure becomes a Skipped with a reason, never an exception."""
    from desk import corpus

    path_s, relpath = job
    path = Path(path_s)
    assert WORKER.folder is not None, "init_reader() first"
    try:
        article = corpus.read_article(path, WORKER.folder, WORKER.folder_ctx)
    except corpus.Unreadable as exc:
        return ReadResult(relpath, None, [], [], Skipped(path_s, exc.reason))
    except FileNotFoundError:
        return ReadResult(relpath, None, [], [], Skipped(path_s, "the file disappeared while desk was reading it"))
    except PermissionError:
        return ReadResult(relpath, None, [], [], Skipped(path_s, "permission denied: desk may not read this file"))
    except OSError as exc:
        return ReadResult(relpath, None, [], [], Skipped(path_s, f"cannot be read: {exc.strerror or exc}"))
    except Exception as exc:  # noqa: BLE001 - article text is untrusted: one bad file must not stop a run
        return ReadResult(
            relpath, None, [], [], Skipped(path_s, f"desk failed on this file ({type(exc).__name__}: {exc})")
        )
    keys = sorted(corpus.line_keys(article))
    try:
        found = found_figures(article.text)
    except Exception as exc:  # noqa: BLE001 - the figure pass reads the same untrusted text
        return ReadResult(
            relpath, None, [], [], Skipped(path_s, f"desk failed on this file ({type(exc).__name__}: {exc})")
        )
    return ReadResult(relpath, article, keys, spans_of(found), found=found)


#: files a reading worker takes at a time (``pool.map``'s chunksize)
READ_CHUNK = 16


def read_all(folder: Path, jobs: list[tuple[str, str]], pool_threshold: int) -> Iterator[ReadResult]:
    """``(path, relpath)`` jobs read in order: in this process below ``pool_threshold`` files
    (no pool start-up), else in :func:`workers` processes.

    A reading worker that dies (a file that makes the reader use all memory, or crash)
    breaks its pool.  The file that killed it is most likely among the next files after
    the last one read: those are read again one at a time, each by a spawned worker of its own, so a
    file that kills its worker again is the one, skipped with how its worker died; then
    the rest are read as before.  No suspect is read in desk's own process.
    """
    if len(jobs) < pool_threshold or workers() == 1:
        set_reader(str(folder))
        for job in jobs:
            yield read_one(job)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    ctx = mp_context()
    while done < len(jobs):
        procs: list[Any] = []
        with ProcessPoolExecutor(
            max_workers=workers(), mp_context=ctx, initializer=init_reader, initargs=(str(folder),)
        ) as pool:
            try:
                for result in pool.map(read_one, jobs[done:], chunksize=READ_CHUNK):
                    procs = worker_processes(pool) or procs
                    done += 1
                    yield result
                return
            except BrokenProcessPool:
                procs = worker_processes(pool) or procs
                stop_workers(pool)  # joins them: a worker that just died may not have been reaped yet
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        # the pool holds each worker's chunk and one more queued (concurrent.futures' EXTRA_QUEUED_CALLS);
        # results come in order, so chunks after the one awaited may have been taken as well.  A worker
        # that raced ahead of a slow chunk may have died further on: then the next pool breaks there, and
        # the files after the last one read are the suspects again (each round reads at least these)
        suspects = jobs[done : done + (2 * workers() + 1) * READ_CHUNK]
        log.warning("reading: a worker process %s; desk reads the next %d files again, one at a time",
                    how_workers_died(exit_codes(procs)), len(suspects))
        ctx = _spawned()
        for result in _read_alone(folder, suspects, ctx):
            done += 1
            yield result


def _read_alone(folder: Path, jobs: list[tuple[str, str]], ctx: Any) -> Iterator[ReadResult]:
    """Each job read by a worker of its own; one whose worker dies is a skipped file that says how."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=init_reader, initargs=(str(folder),))
    try:
        for job in jobs:
            future = pool.submit(read_one, job)
            procs = worker_processes(pool)
            try:
                yield future.result()
            except BrokenProcessPool:
                procs = procs or worker_processes(pool)
                stop_workers(pool)
                codes = exit_codes(procs)
                reason = f"desk's reading process {how_workers_died(codes)} on this file; it is not indexed"
                yield ReadResult(job[1], None, [], [], Skipped(job[0], reason))
                pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=init_reader,
                                           initargs=(str(folder),))
    finally:
        stop_workers(pool)


# --------------------------------------------------------------------------
# pass 2: figures and claimants

#: ``(aid, extraction JSON or None, error or note (a note beside a partial extraction), [(passage number, claimant)])``
Extracted = tuple[str, "str | None", str, list[tuple[int, str]]]
#: how the note of an article whose extraction failed begins (a failure, not a note on how it was read)
EXTRACTION_FAILED = "figures/claimants failed"


def passage_claimants(article: Article, extraction: Extraction) -> list[tuple[int, str]]:
    """``(passage number, name)`` for every source whose attribution or claim falls in a passage.

    Names are stored as found; the alias book applies when they are read, so an
    alias edit needs no re-index.
    """
    spans: list[tuple[int, int, str]] = []
    for a in extraction.attributions:
        spans.append((a.source_start, a.source_end, a.name))
        spans.append((a.content_start, a.content_end, a.name))
    for c in extraction.claims:
        if c.claimant:
            spans.append((c.figure.start, c.figure.end, c.claimant))
    # each span touches one or two passages: find them by bisection (a scan of every
    # span per passage was quadratic: hours for a 46 MB file of 110,000 passages)
    passages = sorted(article.passages, key=lambda p: p.start)
    starts = [p.start for p in passages]
    names: dict[int, list[str]] = {}
    for s, e, name in spans:
        if not name:
            continue
        i = max(0, bisect.bisect_right(starts, s) - 1)
        while i < len(passages) and passages[i].start < e:
            p = passages[i]
            if s < p.end and e > p.start:
                got = names.setdefault(p.number, [])
                if name not in got:
                    got.append(name)
            i += 1
    return [(p.number, n) for p in passages for n in names.get(p.number, ())]


def extract_chunk(store_path: str, aids: list[str], max_chars: int) -> list[Extracted]:
    """Extract a few articles, read from the store by this worker (the parent only sends ids).

    An article that fails keeps its text and gets no claimants, and the run goes on; one
    over ``max_chars`` characters gets none either (parts of the attribution rules grow
    faster than the text: a book-sized file would hold a worker for hours).
    """
    from desk.extract import extract_article, extract_articles
    from desk.extract.figures import FIGURE_BUDGET
    from desk.extract.store import extraction_to_json

    store = WORKER.store
    if store is None or store.path != Path(store_path):
        store = Store(Path(store_path), create=False)
        WORKER.store = store
    loaded = [a for a in (store.article(aid) for aid in aids) if a is not None]
    out: list[Extracted] = []
    articles = []
    for a in loaded:
        if len(a.text) > max_chars:
            out.append((a.id, None, (
                f"too long for figures and claimants ({len(a.text) / 1e6:.1f} million characters; "
                f"the limit is {max_chars / 1e6:.0f} million); its text is searchable"
            ), []))
        else:
            articles.append(a)
    try:
        # with the figures pass 1 found in the same texts, where this process has them
        extractions = extract_articles(articles, every=False, figures=[known_figures(a) for a in articles])
    except Exception:  # noqa: BLE001 - one bad article must not cost the others: one at a time
        extractions = []
        for a in articles:
            try:
                extractions.append(extract_article(a, every=False))
            except Exception as exc:  # noqa: BLE001
                extractions.append(exc)  # type: ignore[arg-type]
    for a, ext in zip(articles, extractions, strict=True):
        if isinstance(ext, Exception):
            out.append((a.id, None, f"{EXTRACTION_FAILED} ({type(ext).__name__}: {ext})", []))
            continue
        js = json.dumps(extraction_to_json(ext), ensure_ascii=False)
        note = ""
        if len(ext.claims) >= FIGURE_BUDGET:
            note = (
                f"more than {FIGURE_BUDGET:,} figures (a table or a list of numbers?): only the first "
                f"{FIGURE_BUDGET:,} are read for figures and claimants; its text is searchable"
            )
        out.append((a.id, js, note, passage_claimants(a, ext)))
    return out


def run_extraction(
    store: Store,
    chunks: list[list[str]],
    max_chars: int,
    take: Callable[[list[Extracted]], None],
    cancelled: CancelCheck,
    in_process: bool,
    figures: dict[str, tuple[TextKey, list[Figure]]] | None = None,
    beside: Callable[[], None] | None = None,
    trouble: Callable[[str], None] | None = None,
) -> None:
    """Extract every chunk and hand each result list to ``take`` as it comes.

    ``in_process``: here, with ``store`` itself; else in :func:`workers` processes, a few
    chunks per worker in flight so that no worker waits while this process writes.  A
    cancel stops the workers at once (a chunk in progress may hold a very long article).
    ``figures``: what pass 1 found, by article id (:func:`known_figures`); forked workers
    inherit it, spawned ones find their figures again.

    ``beside``: called once the workers run (here: before the first chunk), for work
    on a thread of its own beside them.  A thread already running when the workers
    fork would be copied into them as the locks it held at that instant (SQLite's,
    an import's, desk's own), held for ever there: a worker that then needs one
    waits for ever, and so did the whole index run.

    Workers that stop answering (:class:`StallWatch`) are ended, and the chunks they
    had not returned are extracted here, in this process: the run ends, slower,
    instead of waiting for ever.  A worker that dies (killed for memory, a crash in
    the parser) is survived as :func:`_run_extraction` says: the article that killed it
    is reported as failed, and the others are read.  ``trouble`` (and the log) is told
    of either in one line.
    """
    store_path = str(store.path)
    WORKER.figures = figures
    try:
        if in_process:
            if beside is not None:
                beside()
            _extract_here(store, store_path, chunks, max_chars, take, cancelled)
            return
        left = _run_extraction(store_path, chunks, max_chars, take, cancelled, beside, trouble)
        if left:
            message = (
                f"figures and claimants: desk's worker processes stopped answering (no result and no work for "
                f"{STALL_SECONDS:.0f} seconds); desk ended them and reads the other "
                f"{sum(len(c) for c in left)} articles in its own process, more slowly"
            )
            log.warning("%s", message)
            if trouble is not None:
                trouble(message)
            _extract_here(store, store_path, left, max_chars, take, cancelled)
    finally:
        WORKER.figures = None


def _extract_here(
    store: Store,
    store_path: str,
    chunks: list[list[str]],
    max_chars: int,
    take: Callable[[list[Extracted]], None],
    cancelled: CancelCheck,
) -> None:
    WORKER.store = store
    try:
        for chunk in chunks:
            if cancelled():
                break
            take(extract_chunk(store_path, chunk, max_chars))
    finally:
        WORKER.store = None


#: how :func:`_pool_round` ended
ROUND_DONE, ROUND_CANCELLED, ROUND_STALLED, ROUND_BROKEN = "done", "cancelled", "stalled", "broken"


@dataclass(slots=True)
class _Round:
    """What one pool of workers left: how it ended, and the chunks it had out (stalled, broken)."""

    ended: str
    out: list[list[str]]
    #: the exit codes of the workers that died (broken)
    codes: list[int | None]


def how_workers_died(codes: list[int | None]) -> str:
    """How a pool's worker died, from the exit codes of its dead workers (the pool ends the others with SIGTERM)."""
    import signal

    known = sorted({c for c in codes if c is not None})
    if len(known) > 1:
        known = [c for c in known if c != -signal.SIGTERM]
    if not known:
        return "ended unexpectedly"
    if all(c < 0 for c in known):
        names = []
        for c in known:
            try:
                names.append(signal.Signals(-c).name)
            except ValueError:
                names.append(f"signal {-c}")
        return f"was killed ({', '.join(names)}{'; out of memory?' if -signal.SIGKILL in known else ''})"
    return f"ended unexpectedly (exit code {', '.join(str(c) for c in known)})"


def worker_died(codes: list[int | None]) -> str:
    """Why an article has no figures: the worker reading it died (``codes``: as :func:`how_workers_died`)."""
    return f"{EXTRACTION_FAILED} (the worker process reading it {how_workers_died(codes)}); its text is searchable"


def _run_extraction(
    store_path: str,
    chunks: list[list[str]],
    max_chars: int,
    take: Callable[[list[Extracted]], None],
    cancelled: CancelCheck,
    beside: Callable[[], None] | None,
    trouble: Callable[[str], None] | None,
) -> list[list[str]]:
    """The workers' part of :func:`run_extraction`: the chunks left undone when they stopped answering.

    When a worker dies, its pool is broken and no chunk it had out comes back.  Those
    chunks' articles are suspects: a fresh pool reads them one article at a time, one
    in flight, so an article that kills its worker again is the one that did, and is
    reported as failed (never read in desk's own process, which it would kill too).
    Then the rest go on as before.  Pools after the first are spawned, not forked:
    ``beside``'s thread runs by then, and a fork would copy the locks it holds.
    """
    release_memory()
    todo = deque(chunks)
    suspects: deque[list[str]] = deque()
    ctx = mp_context()
    first = True
    while todo or suspects:
        alone = bool(suspects)
        job = _pool_round(store_path, suspects if alone else todo, 1 if alone else 3 * workers(), max_chars, take,
                          cancelled, beside if first else None, ctx)
        first = False
        if job.ended == ROUND_CANCELLED:
            return []
        if job.ended == ROUND_STALLED:
            return [*job.out, *suspects, *todo]
        if job.ended == ROUND_BROKEN:
            ctx = _spawned()
            if alone:  # one article in flight: the one that kills its worker
                take([(aid, None, worker_died(job.codes), []) for chunk in job.out for aid in chunk])
            else:
                suspects.extend([aid] for chunk in job.out for aid in chunk)
                message = f"figures and claimants: a worker process {how_workers_died(job.codes)}; " + (
                    f"desk reads the {len(suspects)} articles it had in hand again, one at a time" if suspects
                    else "it had no article in hand, and desk goes on with new workers"
                )
                log.warning("%s", message)
                if trouble is not None:
                    trouble(message)
    return []


def _spawned() -> Any:
    import multiprocessing

    return multiprocessing.get_context("spawn")


def _pool_round(
    store_path: str,
    todo: deque[list[str]],
    window: int,
    max_chars: int,
    take: Callable[[list[Extracted]], None],
    cancelled: CancelCheck,
    beside: Callable[[], None] | None,
    ctx: Any,
) -> _Round:
    """Extract chunks from ``todo`` (taken from its left) in one pool, ``window`` chunks in flight, until it is empty,
    a cancel, a stall or the pool's break (:class:`_Round`)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    in_flight: dict[Future[list[Extracted]], list[str]] = {}
    shared = model_shared_with_workers() if ctx.get_start_method() == "fork" else nullcontext()
    with (
        shared,
        ProcessPoolExecutor(max_workers=workers(), mp_context=ctx, initializer=exit_with_parent) as pool,
    ):
        try:
            watch: StallWatch | None = None
            procs: list[Any] = []
            while True:
                while todo and len(in_flight) < window:
                    chunk = todo.popleft()
                    try:
                        in_flight[pool.submit(extract_chunk, store_path, chunk, max_chars)] = chunk
                    except BrokenProcessPool:  # a worker died since the last look: the round ends below
                        todo.appendleft(chunk)
                        break
                if watch is None:
                    # the first submit forked every worker (fork: all at once, before the pool's own
                    # threads): only now may a thread of desk's own start
                    if beside is not None:
                        beside()
                    watch = StallWatch(lambda: [p.pid for p in worker_processes(pool)])
                if not in_flight:
                    if not todo:
                        return _Round(ROUND_DONE, [], [])
                    stop_workers(pool)  # broken with nothing out (a worker died between two chunks)
                    return _Round(ROUND_BROKEN, [], exit_codes(procs))
                procs = worker_processes(pool) or procs
                finished, _ = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
                try:
                    for f in finished:
                        result = f.result()
                        del in_flight[f]
                        take(result)
                    if getattr(pool, "_broken", False):  # broken, and nothing it had out came back yet
                        raise BrokenProcessPool(pool._broken)  # type: ignore[attr-defined]
                except BrokenProcessPool:
                    out = list(in_flight.values())
                    stop_workers(pool)  # joins them: a worker that just died may not have been reaped yet
                    return _Round(ROUND_BROKEN, out, exit_codes(procs))
                if finished:
                    watch.progressed()
                if cancelled():
                    stop_workers(pool)
                    return _Round(ROUND_CANCELLED, [], [])
                if watch.stalled():
                    stop_workers(pool)
                    return _Round(ROUND_STALLED, list(in_flight.values()), [])
        except BaseException:
            stop_workers(pool)
            raise
