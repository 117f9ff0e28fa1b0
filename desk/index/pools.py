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
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.index.backend import FigureSpan
from desk.index.store import Store
from desk.model import Article, CancelCheck, Extraction, Figure, Skipped

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

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


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes at once."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)


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
    from desk import corpus

    exit_with_parent()
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


def read_all(folder: Path, jobs: list[tuple[str, str]], pool_threshold: int) -> Iterator[ReadResult]:
    """``(path, relpath)`` jobs read in order: in this process below ``pool_threshold`` files
    (no pool start-up), else in :func:`workers` processes."""
    if len(jobs) < pool_threshold or workers() == 1:
        init_reader(str(folder))
        for job in jobs:
            yield read_one(job)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=workers(), mp_context=mp_context(), initializer=init_reader, initargs=(str(folder),)
    ) as pool:
        try:
            yield from pool.map(read_one, jobs, chunksize=16)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


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
) -> None:
    """Extract every chunk and hand each result list to ``take`` as it comes.

    ``in_process``: here, with ``store`` itself; else in :func:`workers` processes, a few
    chunks per worker in flight so that no worker waits while this process writes.  A
    cancel stops the workers at once (a chunk in progress may hold a very long article).
    ``figures``: what pass 1 found, by article id (:func:`known_figures`); forked workers
    inherit it, spawned ones find their figures again.
    """
    store_path = str(store.path)
    WORKER.figures = figures
    try:
        _run_extraction(store, store_path, chunks, max_chars, take, cancelled, in_process)
    finally:
        WORKER.figures = None


def _run_extraction(
    store: Store,
    store_path: str,
    chunks: list[list[str]],
    max_chars: int,
    take: Callable[[list[Extracted]], None],
    cancelled: CancelCheck,
    in_process: bool,
) -> None:
    if in_process:
        WORKER.store = store
        try:
            for chunk in chunks:
                if cancelled():
                    break
                take(extract_chunk(store_path, chunk, max_chars))
        finally:
            WORKER.store = None
        return
    release_memory()
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    window = 3 * workers()
    in_flight: set[Future[list[Extracted]]] = set()
    todo = iter(chunks)
    with (
        model_shared_with_workers(),
        ProcessPoolExecutor(max_workers=workers(), mp_context=mp_context(), initializer=exit_with_parent) as pool,
    ):
        try:
            exhausted = False
            while True:
                while not exhausted and len(in_flight) < window:
                    chunk = next(todo, [])
                    if not chunk:
                        exhausted = True
                        break
                    in_flight.add(pool.submit(extract_chunk, store_path, chunk, max_chars))
                if not in_flight:
                    break
                finished, in_flight = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
                for f in finished:
                    take(f.result())
                if cancelled():
                    stop_workers(pool)
                    break
        except BaseException:
            stop_workers(pool)
            raise
