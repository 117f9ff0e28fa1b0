"""Incremental, progressive indexing of one article folder.

Pass 1 (text): scan the folder, decide per file from size+mtime (then sha1)
whether it must be read (or whether its manifest row changed), read the new and
changed files in worker processes, mark lines repeated across the folder as
boilerplate, store the articles and write one Whoosh document per passage
(with the regex figures), in one commit.

Pass 2 (figures and claimants): run the spaCy extraction in worker processes
over articles not yet extracted and store the results with each passage's
claimant names, one store transaction per flush, so a kill or a cancel loses
at most the unflushed results.  Pass 2 writes nothing to Whoosh.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.index import Index
from whoosh.writing import IndexWriter

from desk.errors import Cancelled, FolderError
from desk.index import engine
from desk.index.store import FileState, Store
from desk.model import (
    Article,
    CancelCheck,
    Extraction,
    IndexReport,
    Progress,
    Skipped,
)

#: below this many files to read, reading happens in-process (no pool start-up)
POOL_THRESHOLD = 64
#: passages per Whoosh batch in pass 1 before using parallel sub-writers
PARALLEL_WRITE_THRESHOLD = 4000
#: the store's key for the manifest rows of the last run
MANIFEST_META = "manifest-entries"
#: longer article texts get no figures/claimants pass (reported; text and regex figures are indexed)
MAX_EXTRACT_CHARS = 2_000_000
#: megabytes of postings a Whoosh (sub-)writer holds before it writes a run to disk
WRITER_LIMIT_MB = 64
#: articles per extraction task in pass 2 (their sentences are parsed in shared batches)
EXTRACT_CHUNK = 16
#: pass 2 stores its results every this many articles, or this many seconds
EXTRACT_FLUSH = 200
FLUSH_SECONDS = 2.0
WORKERS = 2
#: kinds of file that may take their whole reading budget: read after the rest, committed as they come
SLOW_SUFFIXES = frozenset({".pdf"})
#: while reading those, the index is committed at least this often
SLOW_COMMIT_SECONDS = 10.0


def workers() -> int:
    return max(1, min(WORKERS, os.cpu_count() or 1))


def _mp_context() -> Any:
    # fork is cheap and keeps the parent's imports; elsewhere spawn is the safe default
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def file_sha1(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------
# worker side

_CTX: dict[str, Any] = {}


_WATCHED: list[int] = []  # the pid whose parent this process watches


def _exit_with_parent() -> None:
    """A worker ends when desk itself is killed, instead of waiting for work for ever."""
    if _WATCHED and _WATCHED[0] == os.getpid():
        return
    _WATCHED[:] = [os.getpid()]
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="desk-parent-watch", daemon=True).start()


# every forked child (reader and extraction workers, Whoosh's sub-writers) watches
# its parent; spawned pool workers start the watch in their initializer
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_exit_with_parent)


def _init_reader(folder: str) -> None:
    from desk import corpus

    _exit_with_parent()
    _CTX["folder"] = Path(folder)
    _CTX["ctx"] = corpus.FolderContext.load(Path(folder))


@dataclass(slots=True)
class _Read:
    relpath: str
    article: Article | None
    keys: list[str]
    figures: list[tuple[int, float, float | None]]
    skipped: Skipped | None = None


def _figures_of(text: str) -> list[tuple[int, float, float | None]]:
    try:
        from desk.extract.figures import find_figures
    except ImportError:  # the figure finder is optional for pass 1
        return []
    return [(f.start, f.value, f.high) for f in find_figures(text, 0, len(text))]


def _read_one(job: tuple[str, str]) -> _Read:
    """Read one file; every failure becomes a Skipped with a reason, never an exception."""
    from desk import corpus

    path_s, relpath = job
    path = Path(path_s)
    try:
        article = corpus.read_article(path, _CTX["folder"], _CTX["ctx"])
    except corpus.Unreadable as exc:
        return _Read(relpath, None, [], [], Skipped(path_s, exc.reason))
    except FileNotFoundError:
        return _Read(relpath, None, [], [], Skipped(path_s, "the file disappeared while desk was reading it"))
    except PermissionError:
        return _Read(relpath, None, [], [], Skipped(path_s, "permission denied: desk may not read this file"))
    except OSError as exc:
        return _Read(relpath, None, [], [], Skipped(path_s, f"cannot be read: {exc.strerror or exc}"))
    except Exception as exc:  # noqa: BLE001 - article text is untrusted: one bad file must not stop a run
        return _Read(relpath, None, [], [], Skipped(path_s, f"desk failed on this file ({type(exc).__name__}: {exc})"))
    keys = sorted(corpus.line_keys(article))
    return _Read(relpath, article, keys, _figures_of(article.text))


_Extracted = tuple[str, "str | None", str, list[tuple[int, str]]]


def _extract_chunk(store_path: str, aids: list[str]) -> list[_Extracted]:
    """Extract a few articles, read from the store by this worker (the parent only sends ids).

    Each result is ``(aid, extraction JSON or None, error, [(passage number, claimant)])``;
    an article that fails keeps its text and gets no claimants, and the run goes on.
    """
    from desk.extract import extract_article, extract_articles
    from desk.extract.store import extraction_to_json

    store = _CTX.get("store")
    if store is None or store.path != Path(store_path):
        store = Store(Path(store_path), create=False)
        _CTX["store"] = store
    loaded = [a for a in (store.article(aid) for aid in aids) if a is not None]
    out: list[_Extracted] = []
    articles = []
    for a in loaded:
        if len(a.text) > MAX_EXTRACT_CHARS:
            # parts of the attribution rules grow faster than the text; a book-sized file
            # would hold a worker for hours.  Its text and regex figures stay searchable.
            out.append((a.id, None, (
                f"too long for figures and claimants ({len(a.text) / 1e6:.1f} million characters; "
                f"the limit is {MAX_EXTRACT_CHARS / 1e6:.0f} million); its text is searchable"
            ), []))
        else:
            articles.append(a)
    try:
        extractions = extract_articles(articles, every=False)
    except Exception:  # noqa: BLE001 - one bad article must not cost the others: one at a time
        extractions = []
        for a in articles:
            try:
                extractions.append(extract_article(a, every=False))
            except Exception as exc:  # noqa: BLE001
                extractions.append(exc)  # type: ignore[arg-type]
    for a, ext in zip(articles, extractions, strict=True):
        if isinstance(ext, Exception):
            out.append((a.id, None, f"figures/claimants failed ({type(ext).__name__}: {ext})", []))
            continue
        js = json.dumps(extraction_to_json(ext), ensure_ascii=False)
        out.append((a.id, js, "", passage_claimants(a, ext)))
    return out


# --------------------------------------------------------------------------
# parent side


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes at once."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)


def common_keys(key_sets: Iterable[set[str]]) -> set[str]:
    """Line keys repeated across enough of the folder to be page furniture."""
    from desk.corpus.boilerplate import repeated_keys

    return repeated_keys(key_sets)


def passage_docs(
    article: Article,
    figures: Iterable[tuple[int, float, float | None]],
) -> Iterator[dict[str, Any]]:
    """The Whoosh documents of one article's passages."""
    figs = sorted(figures)
    when = dt.datetime(article.date.year, article.date.month, article.date.day) if article.date else None
    fi = 0
    first = True
    for p in article.passages:
        while fi < len(figs) and figs[fi][0] < p.start:
            fi += 1
        values: list[float] = []
        j = fi
        while j < len(figs) and figs[j][0] < p.end:
            values.append(float(figs[j][1]))
            if figs[j][2] is not None:
                values.append(float(figs[j][2]))  # type: ignore[arg-type]
            j += 1
        doc: dict[str, Any] = {
            "aid": article.id,
            "number": p.number,
            "pnum": p.number,
            "start": p.start,
            "end": p.end,
            "body": article.text[p.start : p.end],
            "outlet": article.outlet,
            "outlet_key": article.outlet,
        }
        if first:
            # the title is indexed once per article (on its first passage): indexing it with
            # every passage cost ~15% of the build for no better ranking
            doc["title"] = article.title
            first = False
        if when is not None:
            doc["date"] = when
        if values:
            doc["figure"] = values
        yield doc


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


class Indexer:
    """Runs the two passes for one library; the Library owns it."""

    def __init__(
        self,
        folder: Path,
        library_dir: Path,
        data_dir: Path,
        ix: Index,
        store: Store,
        on_commit: Callable[[], None],
    ) -> None:
        self.folder = folder
        self.library_dir = library_dir
        self.data_dir = data_dir
        self.ix = ix
        self.store = store
        self.on_commit = on_commit
        self.reads = 0  # files read in the last run (tests count them)

    # -- pass 1

    def _scan(self, report: IndexReport) -> tuple[list[tuple[Path, str, os.stat_result]], list[Skipped]]:
        from desk import corpus

        if not self.folder.is_dir():
            # never read a vanished (unmounted, renamed) folder as "every article was removed"
            raise FolderError(f"The folder {self.folder} is no longer there; the library was left as it was.")
        exclude = []
        for p in (self.data_dir, self.library_dir):
            if p.exists() and (p.resolve() == self.folder.resolve() or self._inside(p)):
                exclude.append(p)
        found: list[tuple[Path, str, os.stat_result]] = []
        skipped: list[Skipped] = []
        root_s = os.fspath(self.folder)
        prefix = root_s.rstrip(os.sep) + os.sep
        try:
            for item in corpus.scan_stat(self.folder, exclude=exclude):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                # plain strings here: pathlib's parsing was most of an unchanged re-index;
                # the walk's own stat (it follows in-folder links) is the file's
                name, st = item
                full = name if os.path.isabs(name) else os.path.join(root_s, name)
                if full.startswith(prefix):
                    rel = full[len(prefix) :]
                else:
                    rel = os.path.relpath(full, root_s)
                if os.sep != "/":
                    rel = rel.replace(os.sep, "/")
                found.append((Path(full), rel, st))
        except PermissionError as exc:
            raise FolderError(f"desk may not list the folder {self.folder}: {exc.strerror}.") from exc
        root = str(self.folder)
        for s in skipped:
            if s.path == root:
                raise FolderError(f"desk cannot read the folder {root}: {s.reason}.")
        return found, skipped

    def _relative(self, path: str) -> str:
        rel = os.path.relpath(path, os.fspath(self.folder))
        return rel.replace(os.sep, "/") if os.sep != "/" else rel

    def _inside(self, p: Path) -> bool:
        from desk.paths import is_inside

        return is_inside(p, self.folder)

    def text_pass(
        self,
        progress: Progress,
        cancelled: CancelCheck,
        lock_message: Callable[[str], None],
        lock_wait: float,
    ) -> IndexReport:
        t0 = time.perf_counter()
        report = IndexReport()
        progress(0, 0, "looking for articles")
        found, scan_skipped = self._scan(report)
        orphans = self._reconcile(report)
        states = self.store.states()
        skipped_before = self.store.skipped_states()
        from desk import corpus

        ctx = corpus.FolderContext.load(self.folder)  # the manifest, read once per run
        manifest_now, manifest_changed = self._manifest_entries(ctx, found)

        to_read: list[tuple[Path, str]] = []
        resend: list[str] = []  # aids stored but not yet in Whoosh (a killed run)
        remembered: list[tuple[str, Skipped, int, float]] = []
        seen: set[str] = set()
        for path, rel, st in found:
            seen.add(rel)
            old: FileState | None = states.get(rel)
            if old is not None and rel in manifest_changed:
                to_read.append((path, rel))  # its manifest row changed: same file, new metadata
                continue
            if old is not None:
                if old.size == st.st_size and old.mtime == st.st_mtime:
                    report.unchanged += 1
                    if not old.indexed:
                        resend.append(old.aid)
                    continue
                if old.size == st.st_size:
                    try:
                        same = file_sha1(path) == old.sha1
                    except OSError:
                        same = False
                    if same:
                        self.store.touch(rel, st.st_size, st.st_mtime)
                        report.unchanged += 1
                        if not old.indexed:
                            resend.append(old.aid)
                        continue
                to_read.append((path, rel))
                continue
            prev = skipped_before.get(rel)
            if prev is not None and prev[0] == st.st_size and prev[1] == st.st_mtime:
                remembered.append((rel, prev[2], st.st_size, st.st_mtime))
                continue
            to_read.append((path, rel))
        removed = [rel for rel in states if rel not in seen]

        early: IndexWriter | None = None
        if len(to_read) * 4 >= PARALLEL_WRITE_THRESHOLD and workers() > 1:
            # a bulk import: fork Whoosh's sub-writers now, while this process is small,
            # rather than after every article has been read into memory (their RSS would
            # count all of it again)
            early = engine.open_writer(
                self.ix, wait=lock_wait, message=lock_message,
                limitmb=WRITER_LIMIT_MB, procs=workers(), multisegment=True, batchsize=1000,
            )
            try:
                for _ in range(workers()):
                    early._new_task()  # type: ignore[attr-defined]
            except BaseException:
                engine.abandon(early)
                raise
        try:
            return self._text_pass_rest(
                t0, report, progress, cancelled, lock_message, lock_wait, found, scan_skipped, states,
                to_read, resend, remembered, removed, early, ctx, manifest_now, orphans,
            )
        finally:
            if early is not None and not getattr(early, "is_closed", True):
                engine.abandon(early)

    def _text_pass_rest(
        self,
        t0: float,
        report: IndexReport,
        progress: Progress,
        cancelled: CancelCheck,
        lock_message: Callable[[str], None],
        lock_wait: float,
        found: list[tuple[Path, str, os.stat_result]],
        scan_skipped: list[Skipped],
        states: dict[str, FileState],
        to_read: list[tuple[Path, str]],
        resend: list[str],
        remembered: list[tuple[str, Skipped, int, float]],
        removed: list[str],
        early: IndexWriter | None,
        ctx: Any,
        manifest_now: dict[str, str] | None,
        orphans: list[str],
    ) -> IndexReport:
        """Read, store and index ``to_read`` in batches, each its own commit.

        The first batch holds every file but the PDFs, and the removals; PDFs
        (the one kind that may take its whole time budget, see
        :func:`desk.corpus.pdf.read_pdf_bounded`) are read last and committed
        every :data:`SLOW_COMMIT_SECONDS`, so a slow file never keeps the rest
        of the folder from being searchable.
        """
        ctx_problems: list[Skipped] = list(getattr(ctx, "problems", []) or []) if to_read else []
        total = len(to_read)
        self.reads = total
        stats = {rel: st for _p, rel, st in found}
        new_skipped: list[tuple[str, Skipped, int, float]] = []
        fast = [(p, rel) for p, rel in to_read if p.suffix.lower() not in SLOW_SUFFIXES]
        slow = [(p, rel) for p, rel in to_read if p.suffix.lower() in SLOW_SUFFIXES]
        first = True
        try:
            for results in self._read_batches(fast, slow, total, progress, cancelled):
                writer, early = early, None
                self._commit_batch(
                    results, report, progress, cancelled, lock_message, lock_wait, stats, states,
                    new_skipped, writer, (removed, resend, orphans) if first else ([], [], []),
                )
                first = False
        except Cancelled:
            report.cancelled = True
            report.seconds = time.perf_counter() - t0
            return report
        report.removed = len(removed)
        # what the scan and the manifest refused (links out of the folder, folders too deep, a bad
        # manifest) is kept too, so the Problems panel and `desk articles` list it with the rest
        refused = [*scan_skipped, *(getattr(ctx, "problems", []) or [])]
        listed = [(self._relative(s.path), s, -1, -1.0) for s in refused]
        self.store.set_skipped(listed + remembered + new_skipped)
        report.skipped = (
            scan_skipped + ctx_problems + [s for _r, s, _a, _b in remembered] + [s for _r, s, _a, _b in new_skipped]
        )
        if manifest_now is not None:
            self.store.set_meta(MANIFEST_META, json.dumps(manifest_now, ensure_ascii=False))
        report.pending_extraction = self.store.pending_extraction()
        report.seconds = time.perf_counter() - t0
        return report

    def _read_batches(
        self,
        fast: list[tuple[Path, str]],
        slow: list[tuple[Path, str]],
        total: int,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> Iterator[list[_Read]]:
        """The read files, batch by batch: all of ``fast`` first (always yielded,
        even empty), then ``slow`` in slices of :data:`SLOW_COMMIT_SECONDS`."""
        done = 0
        results: list[_Read] = []
        for r in self._read_all([(str(p), rel) for p, rel in fast]) if fast else ():
            results.append(r)
            done += 1
            if done % 25 == 0 or done == total:
                progress(done, total, f"reading {r.relpath}")
            if cancelled():
                raise Cancelled()
        yield results
        results = []
        since = time.monotonic()
        for r in self._read_all([(str(p), rel) for p, rel in slow]) if slow else ():
            results.append(r)
            done += 1
            progress(done, total, f"reading {r.relpath}")
            if cancelled():
                raise Cancelled()
            if time.monotonic() - since >= SLOW_COMMIT_SECONDS:
                yield results
                results = []
                since = time.monotonic()
        if results:
            yield results

    def _commit_batch(
        self,
        results: list[_Read],
        report: IndexReport,
        progress: Progress,
        cancelled: CancelCheck,
        lock_message: Callable[[str], None],
        lock_wait: float,
        stats: dict[str, os.stat_result],
        states: dict[str, FileState],
        new_skipped: list[tuple[str, Skipped, int, float]],
        early: IndexWriter | None,
        gone: tuple[list[str], list[str], list[str]],
    ) -> None:
        """Store one batch of read files and write it to the index in one commit (raises Cancelled)."""
        from desk import corpus

        removed, resend, orphans = gone
        good: list[_Read] = []
        dropped: list[str] = []  # indexed before, unreadable now (turned binary, emptied): they leave the index
        for r in results:
            if r.article is None:
                st = stats[r.relpath]
                assert r.skipped is not None
                new_skipped.append((r.relpath, r.skipped, st.st_size, st.st_mtime))
                if r.relpath in states:
                    dropped.append(r.relpath)
            else:
                good.append(r)

        # boilerplate repeated across the folder
        if good:
            changed = {r.relpath for r in good} | set(removed)
            key_sets = [set(keys) for rel, keys in self.store.linekeys() if rel not in changed]
            key_sets.extend(set(r.keys) for r in good)
            common = common_keys(key_sets)
            if common:
                for r in good:
                    assert r.article is not None
                    r.article = corpus.apply_repeated(r.article, common)

        for r in good:
            assert r.article is not None
            st = stats[r.relpath]
            r.article.size = r.article.size or st.st_size
            r.article.mtime = st.st_mtime
            if r.relpath in states:
                report.updated += 1
            else:
                report.added += 1

        if cancelled():
            if early is not None:
                engine.abandon(early)
            raise Cancelled()

        # store first (indexed=0), then Whoosh, then flip the flag
        replaced_aids = [states[r.relpath].aid for r in good if r.relpath in states]
        removed_aids = [states[rel].aid for rel in (*removed, *dropped)]
        if good:
            self.store.put_articles((r.article, r.keys) for r in good if r.article is not None)
            for r in good:
                r.keys = []  # stored; not needed in memory any more
        resend_articles = [a for a in (self.store.article(aid) for aid in resend) if a is not None]
        ndocs = sum(len(r.article.passages) for r in good if r.article) + sum(len(a.passages) for a in resend_articles)
        if not (good or removed_aids or resend_articles or orphans):
            if early is not None:
                engine.abandon(early)
            return
        progress(0, ndocs, "writing the index")
        bulk = ndocs >= PARALLEL_WRITE_THRESHOLD and workers() > 1
        kwargs: dict[str, Any] = {"limitmb": WRITER_LIMIT_MB}
        if bulk:
            kwargs.update(procs=workers(), multisegment=True, batchsize=1000)
        writer = early or engine.open_writer(self.ix, wait=lock_wait, message=lock_message, **kwargs)
        try:
            for aid in (*replaced_aids, *removed_aids, *resend, *orphans):
                writer.delete_by_term("aid", aid)
            for r in good:
                assert r.article is not None
                self._add(writer, passage_docs(r.article, r.figures))
                if cancelled():
                    raise Cancelled()
            for a in resend_articles:
                self._add(writer, passage_docs(a, _figures_of(a.text)))
            progress(ndocs, ndocs, "saving the index")
            engine.commit(writer)
        except OSError as exc:  # Whoosh writes its runs and segments as it goes: a full disk shows here
            engine.abandon(writer)
            raise engine.disk_error(exc, self.library_dir / "index") from exc
        except BaseException:
            engine.abandon(writer)
            raise
        self.store.mark_indexed([r.article.id for r in good if r.article] + [a.id for a in resend_articles])
        self.store.delete([*removed, *dropped])
        self.on_commit()

    def _reconcile(self, report: IndexReport) -> list[str]:
        """Make the store and the index agree before anything is added; the aids to delete from Whoosh.

        They can disagree after a loss desk did not cause: ``library.sqlite``
        or its WAL deleted, a store restored from a backup.  Counting is cheap
        (the index's live documents against the store's passages of indexed
        articles); only when the counts differ are the index's documents
        listed by article: an article the store does not know is deleted from
        the index (its file, if still there, is read again as new, so nothing
        is indexed twice), and a stored article whose passages are not all in
        the index is sent again.
        """
        stored = self.store.indexed_passages()
        # the latest table of contents knows each segment's live documents: no segment file is opened
        if sum(seg.doc_count() for seg in self.ix._segments()) == sum(stored.values()):
            return []
        with self.ix.reader() as reader:
            live: dict[str, int] = {}
            aids = reader.column_reader("aid")
            for docnum in reader.all_doc_ids():
                aid = aids[docnum]
                live[aid] = live.get(aid, 0) + 1
        pending = set(self.store.aids("indexed=0"))
        orphans = sorted(a for a in live if a not in stored and a not in pending)
        resend = sorted(a for a, n in stored.items() if live.get(a, 0) != n)
        if resend:
            self.store.mark_unindexed(resend)
        if orphans or resend:
            report.problems.append(
                f"the library's store and index disagreed ({len(orphans)} article(s) only in the index, "
                f"{len(resend)} incomplete); desk rebuilt them from the articles"
            )
        return orphans

    def _manifest_entries(
        self, ctx: Any, found: list[tuple[Path, str, os.stat_result]]
    ) -> tuple[dict[str, str] | None, set[str]]:
        """The manifest row of every file now, and the files whose row differs from the last run's.

        ``None`` (nothing to remember) when neither run had a manifest.
        """
        before = json.loads(self.store.get_meta(MANIFEST_META, "{}"))
        if not ctx.manifest and not before:
            return None, set()
        now = {rel: e for _p, rel, _st in found if (e := ctx.entry(rel))}
        changed = {rel for _p, rel, _st in found if now.get(rel, "") != before.get(rel, "")}
        return now, changed

    def _add(self, writer: IndexWriter, docs: Iterable[dict[str, Any]]) -> int:
        n = 0
        for doc in docs:
            writer.add_document(**doc)
            n += 1
        return n

    def _read_all(self, jobs: list[tuple[str, str]]) -> Iterator[_Read]:
        if len(jobs) < POOL_THRESHOLD or workers() == 1:
            _init_reader(str(self.folder))
            for job in jobs:
                yield _read_one(job)
            return
        with ProcessPoolExecutor(
            max_workers=workers(), mp_context=_mp_context(), initializer=_init_reader, initargs=(str(self.folder),)
        ) as pool:
            try:
                yield from pool.map(_read_one, jobs, chunksize=16)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    # -- pass 2

    def extract_pass(
        self,
        progress: Progress,
        cancelled: CancelCheck,
        lock_message: Callable[[str], None],
        lock_wait: float,
    ) -> tuple[int, list[str]]:
        """Extract figures and claimants for pending articles; returns (done, problems).

        Pass 2 writes only the store: the extraction JSON and each passage's
        claimant names, one transaction per flush (a cancel or a kill loses at
        most the unflushed results).  The Whoosh documents stay as pass 1 wrote
        them (their figures came from the same finder); ``claimant:`` queries
        read the store (:mod:`desk.index.claimfilter`).  Rewriting every
        passage document here cost more than the extraction itself.
        """
        pending = self.store.aids("extracted=0 AND indexed=1")
        total = len(pending)
        if not total:
            return 0, []
        problems: list[str] = []
        buffer: list[_Extracted] = []
        done = 0
        last_flush = time.monotonic()
        progress(0, total, "finding figures and claimants")
        chunks = [pending[i : i + EXTRACT_CHUNK] for i in range(0, total, EXTRACT_CHUNK)]
        store_path = str(self.store.path)

        def take(results: list[_Extracted]) -> None:
            nonlocal done, last_flush
            buffer.extend(results)
            done += len(results)
            progress(done, total, "finding figures and claimants")
            if len(buffer) >= EXTRACT_FLUSH or time.monotonic() - last_flush >= FLUSH_SECONDS:
                self._flush_extractions(buffer, problems)
                last_flush = time.monotonic()

        if total < 2 * EXTRACT_CHUNK or workers() == 1:
            _CTX["store"] = self.store
            try:
                for chunk in chunks:
                    if cancelled():
                        break
                    take(_extract_chunk(store_path, chunk))
            finally:
                _CTX.pop("store", None)
            self._flush_extractions(buffer, problems)
            return total - self.store.pending_extraction(), problems

        # a few chunks per worker in flight, so no worker waits while this process writes
        window = 3 * workers()
        in_flight: set[Future[list[_Extracted]]] = set()
        todo = iter(chunks)
        with ProcessPoolExecutor(max_workers=workers(), mp_context=_mp_context(), initializer=_exit_with_parent) as pool:
            try:
                exhausted = False
                while True:
                    while not exhausted and len(in_flight) < window:
                        chunk = next(todo, [])
                        if not chunk:
                            exhausted = True
                            break
                        in_flight.add(pool.submit(_extract_chunk, store_path, chunk))
                    if not in_flight:
                        break
                    finished, in_flight = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
                    for f in finished:
                        take(f.result())
                    if cancelled():
                        # a chunk in progress may hold a very long article: stop the
                        # workers now instead of waiting for it (nothing of theirs is stored)
                        _stop_workers(pool)
                        break
                self._flush_extractions(buffer, problems)
            except BaseException:
                _stop_workers(pool)
                raise
        return total - self.store.pending_extraction(), problems

    def _flush_extractions(self, buffer: list[_Extracted], problems: list[str]) -> None:
        """Store finished extractions (one transaction), then tell the library."""
        if not buffer:
            return
        rows: list[tuple[str, str, list[tuple[int, str]]]] = []
        relpaths = None
        for aid, js, err, names in buffer:
            if js is None:
                if relpaths is None:
                    relpaths = {s.aid: s.relpath for s in self.store.states().values()}
                problems.append(f"{relpaths.get(aid, aid)}: {err}")
                js = json.dumps({"figures": [], "attributions": [], "claims": [], "entities": [], "dates": []})
            rows.append((aid, js, names))
        self.store.put_extractions(rows)
        buffer.clear()
        self.on_commit()
