"""Incremental, progressive indexing of one article folder, in stages.

Pass 1 (text), each stage reporting counts through ``progress``:

1. *scan*: the folder's files and the ones refused (links out, unsupported formats);
2. *plan*: which files must be read and why (:func:`desk.index.plan.plan_run`,
   a pure function of the scan and the store's memory);
3. *read*: new and changed files, in worker processes (:mod:`desk.index.pools`);
4. *page furniture*: lines repeated across the folder are marked (:meth:`Indexer._mark_furniture`);
5. *store*: the articles go to the library store (not yet marked indexed);
6. *write*: one backend document per passage, with the regex figures, in one
   commit (:meth:`Indexer._write`; the backend is :mod:`desk.index.backend`);
   then the store marks them indexed.

Pass 2 (figures and claimants): run the spaCy extraction in worker processes
over articles not yet extracted and store the results with each passage's
claimant names, one store transaction per flush, so a kill or a cancel loses
at most the unflushed results.  Pass 2 writes nothing to the index backend.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.errors import Cancelled, FolderError
from desk.index.backend import FigureSpan, IndexBackend, IndexWriting
from desk.index.plan import RULES_VERSION, Found, Plan, plan_run
from desk.index.pools import (
    EXTRACTION_FAILED,
    Extracted,
    ReadResult,
    TextKey,
    figures_of,
    read_all,
    run_extraction,
    text_key,
    workers,
)
from desk.index.store import FileState, Store
from desk.lazy import collector_held_off
from desk.model import (
    Article,
    CancelCheck,
    Figure,
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
#: the store meta key of the reading rules its articles were stored by (:data:`desk.index.plan.RULES_VERSION`)
RULES_META = "reading-rules"
#: longer article texts get no figures/claimants pass (reported; text and regex figures are indexed)
MAX_EXTRACT_CHARS = 2_000_000
#: articles per extraction task in pass 2 (their sentences are parsed in shared batches)
EXTRACT_CHUNK = 16
#: pass 2 stores its results every this many articles, or this many seconds
EXTRACT_FLUSH = 200
FLUSH_SECONDS = 2.0
#: kinds of file that may take their whole reading budget: read after the rest, committed as they come
SLOW_SUFFIXES = frozenset({".pdf"})
#: while reading those, the index is committed at least this often
SLOW_COMMIT_SECONDS = 10.0
#: pass 1 keeps at most this many figures for pass 2 (about 250 bytes each; the rest are found again)
KEEP_FIGURES = 400_000
#: the scan and the writing stage report progress every this many files / passage documents
SCAN_PROGRESS_EVERY = 500
WRITE_PROGRESS_EVERY = 1000


def file_sha1(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def common_keys(key_sets: Iterable[set[str]]) -> set[str]:
    """Line keys repeated across enough of the folder to be page furniture."""
    from desk.corpus.boilerplate import repeated_keys

    return repeated_keys(key_sets)


@dataclass(slots=True)
class _Run:
    """What every stage of one text pass shares: its report, callbacks and start time."""

    report: IndexReport
    progress: Progress
    cancelled: CancelCheck
    lock_message: Callable[[str], None]
    lock_wait: float
    t0: float


class Indexer:
    """Runs the two passes for one library; the Library owns it."""

    def __init__(
        self,
        folder: Path,
        library_dir: Path,
        data_dir: Path,
        backend: IndexBackend,
        store: Store,
        on_commit: Callable[[], None],
    ) -> None:
        self.folder = folder
        self.library_dir = library_dir
        self.data_dir = data_dir
        self.backend = backend
        self.store = store
        self.on_commit = on_commit
        self.reads = 0  # files read in the last run (tests count them)
        self.extraction_failed = 0  # articles whose extraction failed outright, in the last run
        #: the figures pass 1 found in the articles it stored, by id, for pass 2 (:meth:`_keep_figures`)
        self.found_figures: dict[str, tuple[TextKey, list[Figure]]] = {}
        self._kept_figures = 0

    # -- pass 1

    def _scan(
        self, report: IndexReport, progress: Progress | None = None
    ) -> tuple[list[tuple[str, str, os.stat_result]], list[Skipped]]:
        from desk import corpus

        if not self.folder.is_dir():
            # never read a vanished (unmounted, renamed) folder as "every article was removed"
            raise FolderError(f"The folder {self.folder} is no longer there; the library was left as it was.")
        exclude = []
        for p in (self.data_dir, self.library_dir):
            if p.exists() and (p.resolve() == self.folder.resolve() or self._inside(p)):
                exclude.append(p)
        found: list[tuple[str, str, os.stat_result]] = []
        skipped: list[Skipped] = []
        root_s = os.fspath(self.folder)
        prefix = root_s.rstrip(os.sep) + os.sep
        cut = len(prefix)
        # the walk names each file by the folder's path and its own: one below an absolute folder starts
        # with the prefix, so it is absolute and its relative path is what follows (no isabs and join per file)
        quick = os.path.isabs(prefix) and os.sep == "/"
        try:
            for item in corpus.scan_stat(self.folder, exclude=exclude):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                # plain strings here: pathlib's parsing was most of an unchanged re-index;
                # the walk's own stat (it follows in-folder links) is the file's
                name, st = item
                if quick and name.startswith(prefix):
                    full, rel = name, name[cut:]
                else:
                    full = name if os.path.isabs(name) else os.path.join(root_s, name)
                    if full.startswith(prefix):
                        rel = full[cut:]
                    else:
                        rel = os.path.relpath(full, root_s)
                    if os.sep != "/":
                        rel = rel.replace(os.sep, "/")
                # the full path as a string: a Path per file (6,799 on ukraine-media) was a third of
                # an unchanged folder's change check; only the files read become Paths
                found.append((full, rel, st))
                if progress is not None and len(found) % SCAN_PROGRESS_EVERY == 0:
                    progress(0, 0, f"looking for articles: {len(found)} files found")
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
        self.forget_figures()
        progress(0, 0, "looking for articles")
        # the scan and the plan keep an entry or two per file: the collector held off meanwhile (not over
        # the reading and writing of what the plan names, which grows with the changes)
        with collector_held_off():
            found, scan_skipped = self._scan(report, progress)
            orphans = self._reconcile(report)
            states = self.store.states()
            skipped_before = self.store.skipped_states()
            from desk import corpus

            ctx = corpus.FolderContext.load(self.folder)  # the manifest, read once per run
            manifest_now, manifest_changed = self._manifest_entries(ctx, found)

            by_rel = {rel: path for path, rel, _st in found}

            def same_content(rel: str, old: FileState) -> bool:
                try:
                    return file_sha1(Path(by_rel[rel])) == old.sha1
                except OSError:
                    return False

            if not states:  # an empty store is written by these rules from its first article on
                self.store.set_meta(RULES_META, str(RULES_VERSION))
            rules_changed = bool(states) and self.store.get_meta(RULES_META) != str(RULES_VERSION)
            plan = plan_run(
                (Found(rel, st.st_size, st.st_mtime) for _p, rel, st in found),
                states, skipped_before, manifest_changed, same_content, rules_changed,
            )
        for rel, size, mtime in plan.touch:
            self.store.touch(rel, size, mtime)
        report.unchanged += len(plan.unchanged)
        to_read = [(Path(by_rel[rel]), rel) for rel in plan.read]

        early: IndexWriting | None = None
        if len(to_read) * 4 >= PARALLEL_WRITE_THRESHOLD and workers() > 1:
            # a bulk import: the backend may start its writer processes now, while this process
            # is small, rather than after every article has been read into memory (their RSS
            # would count all of it again)
            early = self.backend.writer(bulk=True, wait=lock_wait, message=lock_message, workers=workers(), early=True)
        run = _Run(report, progress, cancelled, lock_message, lock_wait, t0)
        try:
            return self._text_pass_rest(run, found, scan_skipped, states, plan, to_read, early, ctx, manifest_now, orphans)
        finally:
            if early is not None and not early.closed:
                early.abandon()

    def _text_pass_rest(
        self,
        run: _Run,
        found: list[tuple[str, str, os.stat_result]],
        scan_skipped: list[Skipped],
        states: dict[str, FileState],
        plan: Plan,
        to_read: list[tuple[Path, str]],
        early: IndexWriting | None,
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
        report = run.report
        resend, remembered, removed = plan.resend, plan.remembered, plan.removed
        # a bad manifest is told on every run, as the scan's refusals are (told only when some file was
        # read, a broken desk.csv added to an indexed folder went unsaid: "0 skipped")
        ctx_problems: list[Skipped] = list(getattr(ctx, "problems", []) or [])
        total = len(to_read)
        self.reads = total
        stats = {rel: st for _p, rel, st in found}
        new_skipped: list[tuple[str, Skipped, int, float]] = []
        fast = [(p, rel) for p, rel in to_read if p.suffix.lower() not in SLOW_SUFFIXES]
        slow = [(p, rel) for p, rel in to_read if p.suffix.lower() in SLOW_SUFFIXES]
        first = True
        try:
            for results in self._read_batches(fast, slow, total, run.progress, run.cancelled):
                writer, early = early, None
                self._commit_batch(
                    run, results, stats, states,
                    new_skipped, writer, (removed, resend, orphans) if first else ([], [], []),
                )
                first = False
        except Cancelled:
            report.cancelled = True
            report.seconds = time.perf_counter() - run.t0
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
        # every file is stored by these rules now (a cancelled run returned above and reads them all again)
        self.store.set_meta(RULES_META, str(RULES_VERSION))
        report.pending_extraction = self.store.pending_extraction()
        report.seconds = time.perf_counter() - run.t0
        return report

    def _read_batches(
        self,
        fast: list[tuple[Path, str]],
        slow: list[tuple[Path, str]],
        total: int,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> Iterator[list[ReadResult]]:
        """The read files, batch by batch: all of ``fast`` first (always yielded,
        even empty), then ``slow`` in slices of :data:`SLOW_COMMIT_SECONDS`."""
        done = 0
        results: list[ReadResult] = []
        if total:
            progress(0, total, f"reading {total} file{'s' if total != 1 else ''}")
        for r in read_all(self.folder, [(str(p), rel) for p, rel in fast], POOL_THRESHOLD) if fast else ():
            results.append(r)
            done += 1
            if done % 25 == 0 or done == total:
                progress(done, total, f"reading {r.relpath}")
            if cancelled():
                raise Cancelled()
        yield results
        results = []
        since = time.monotonic()
        for r in read_all(self.folder, [(str(p), rel) for p, rel in slow], POOL_THRESHOLD) if slow else ():
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
        run: _Run,
        results: list[ReadResult],
        stats: dict[str, os.stat_result],
        states: dict[str, FileState],
        new_skipped: list[tuple[str, Skipped, int, float]],
        early: IndexWriting | None,
        gone: tuple[list[str], list[str], list[str]],
    ) -> None:
        """Store one batch of read files and write it to the index in one commit (raises Cancelled)."""
        from desk import corpus

        report, progress, cancelled = run.report, run.progress, run.cancelled
        removed, resend, orphans = gone
        good: list[ReadResult] = []
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

        if good:
            progress(len(good), len(good), "finding page furniture repeated across the folder")
            self._mark_furniture(good, removed)

        for r in good:
            assert r.article is not None
            report.problems.extend(f"{r.relpath}: {why}" for why in corpus.field_problems(r.article.notes))
            st = stats[r.relpath]
            r.article.size = r.article.size or st.st_size
            r.article.mtime = st.st_mtime
            if r.relpath in states:
                report.updated += 1
            else:
                report.added += 1

        if cancelled():
            if early is not None:
                early.abandon()
            raise Cancelled()

        # store first (indexed=0), then Whoosh, then flip the flag
        replaced_aids = [states[r.relpath].aid for r in good if r.relpath in states]
        removed_aids = [states[rel].aid for rel in (*removed, *dropped)]
        if good:
            progress(len(good), len(good), f"storing {len(good)} article{'s' if len(good) != 1 else ''}")
            self.store.put_articles((r.article, r.keys) for r in good if r.article is not None)
            for r in good:
                r.keys = []  # stored; not needed in memory any more
            self._keep_figures(good)
        resend_articles = [a for a in (self.store.article(aid) for aid in resend) if a is not None]
        ndocs = sum(len(r.article.passages) for r in good if r.article) + sum(len(a.passages) for a in resend_articles)
        if not (good or removed_aids or resend_articles or orphans):
            if early is not None:
                early.abandon()
            return
        progress(0, ndocs, "writing the index")
        bulk = ndocs >= PARALLEL_WRITE_THRESHOLD and workers() > 1
        writer = early or self.backend.writer(bulk=bulk, wait=run.lock_wait, message=run.lock_message, workers=workers())
        self._write(
            writer, [*replaced_aids, *removed_aids, *resend, *orphans],
            [(r.article, r.figures) for r in good if r.article is not None]
            + [(a, figures_of(a.text)) for a in resend_articles],
            ndocs, progress, cancelled,
        )
        self.store.mark_indexed([r.article.id for r in good if r.article] + [a.id for a in resend_articles])
        self.store.delete([*removed, *dropped])
        self.on_commit()

    def _keep_figures(self, good: list[ReadResult]) -> None:
        """Keep the figures the readers found in the stored articles for pass 2, which needs them too.

        Finding them again there was a tenth of pass 2.  Each is kept with the key of its text
        (:func:`desk.index.pools.text_key`): pass 2 uses them only for that same text.  Up to
        :data:`KEEP_FIGURES`; an article past that has its figures found again.
        """
        for r in good:
            if r.article is None or r.found is None:
                continue
            if self._kept_figures + len(r.found) <= KEEP_FIGURES:
                self.found_figures[r.article.id] = (text_key(r.article.text), r.found)
                self._kept_figures += len(r.found)
            else:
                self.found_figures.pop(r.article.id, None)
            r.found = None

    def forget_figures(self) -> None:
        """Drop what :meth:`_keep_figures` kept (pass 2 has used it, or will not run)."""
        self.found_figures = {}
        self._kept_figures = 0

    def _mark_furniture(self, good: list[ReadResult], removed: list[str]) -> None:
        """The folder-wide stage: lines repeated across enough of the folder (the stored articles'
        and this batch's) become page furniture in this batch's articles."""
        from desk import corpus

        changed = {r.relpath for r in good} | set(removed)
        key_sets = [set(keys) for rel, keys in self.store.linekeys() if rel not in changed]
        key_sets.extend(set(r.keys) for r in good)
        common = common_keys(key_sets)
        if common:
            for r in good:
                assert r.article is not None
                r.article = corpus.apply_repeated(r.article, common)

    def _write(
        self,
        writer: IndexWriting,
        delete: list[str],
        add: list[tuple[Article, list[FigureSpan]]],
        ndocs: int,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> None:
        """The writing stage: one backend transaction, committed whole or abandoned (raises Cancelled)."""
        try:
            writer.delete_articles(delete)
            written = shown = 0
            for article, figures in add:
                written += writer.add_article(article, figures)
                if written - shown >= WRITE_PROGRESS_EVERY:
                    # adding documents is a third of a first index: say how far it is
                    progress(written, ndocs, "writing the index")
                    shown = written
                if cancelled():
                    raise Cancelled()
            progress(ndocs, ndocs, "saving the index")
            writer.commit()
        except BaseException:
            if not writer.closed:
                writer.abandon()
            raise

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
        if self.backend.passage_count() == self.store.indexed_passage_total():
            return []
        stored = self.store.indexed_passages()
        live = self.backend.passages_per_article()
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
        self, ctx: Any, found: list[tuple[str, str, os.stat_result]]
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

    # -- pass 2

    def extract_pass(
        self,
        progress: Progress,
        cancelled: CancelCheck,
        lock_message: Callable[[str], None],
        lock_wait: float,
        beside: Callable[[], None] | None = None,
    ) -> tuple[int, list[str]]:
        """Extract figures and claimants for pending articles; returns (done, problems).

        ``beside``: called once pass 2's workers run, to start a thread beside them
        (:func:`desk.index.pools.run_extraction` says why not before); not called when
        nothing is pending.

        Pass 2 writes only the store: the extraction JSON and each passage's
        claimant names, one transaction per flush (a cancel or a kill loses at
        most the unflushed results).  The Whoosh documents stay as pass 1 wrote
        them (their figures came from the same finder); ``claimant:`` queries
        read the store (:mod:`desk.index.claimants`).  Rewriting every
        passage document here cost more than the extraction itself.
        """
        pending = self.store.aids("extracted=0 AND indexed=1")
        total = len(pending)
        if not total:
            return 0, []
        problems: list[str] = []
        buffer: list[Extracted] = []
        done = 0
        last_flush = time.monotonic()
        progress(0, total, "finding figures and claimants")
        chunks = [pending[i : i + EXTRACT_CHUNK] for i in range(0, total, EXTRACT_CHUNK)]

        def take(results: list[Extracted]) -> None:
            nonlocal done, last_flush
            buffer.extend(results)
            done += len(results)
            progress(done, total, "finding figures and claimants")
            if len(buffer) >= EXTRACT_FLUSH or time.monotonic() - last_flush >= FLUSH_SECONDS:
                self._flush_extractions(buffer, problems)
                last_flush = time.monotonic()

        def trouble(message: str) -> None:
            problems.append(message)
            progress(done, total, message)

        in_process = total < 2 * EXTRACT_CHUNK or workers() == 1
        try:
            run_extraction(
                self.store, chunks, MAX_EXTRACT_CHARS, take, cancelled, in_process, self.found_figures,
                beside=beside, trouble=trouble,
            )
        finally:
            self.forget_figures()
        self._flush_extractions(buffer, problems)
        return total - self.store.pending_extraction(), problems

    def _flush_extractions(self, buffer: list[Extracted], problems: list[str]) -> None:
        """Store finished extractions (one transaction), then tell the library."""
        if not buffer:
            return
        rows: list[tuple[str, str, list[tuple[int, str]]]] = []
        relpaths = None
        for aid, js, err, names in buffer:
            if err:  # a failure (no extraction), or a note on a partial one
                if relpaths is None:
                    relpaths = {s.aid: s.relpath for s in self.store.states().values()}
                problems.append(f"{relpaths.get(aid, aid)}: {err}")
            if js is None:
                if err.startswith(EXTRACTION_FAILED):
                    self.extraction_failed += 1
                js = json.dumps({"figures": [], "attributions": [], "claims": [], "entities": [], "dates": []})
            rows.append((aid, js, names))
        self.store.put_extractions(rows)
        buffer.clear()
        self.on_commit()
