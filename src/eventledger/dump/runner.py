"""Ingest a whole dump: plan the work, run it on worker processes, write, checkpoint, resume.

Two plans, chosen from the file:

* **multistream** (an ``-index.txt.bz2`` beside the file, or several bzip2 streams found by
  scanning): units of whole streams go to worker processes, which read and decompress their
  own bytes, cut pages, pre-filter, parse the candidates and run the per-page function. Only
  records come back.
  When ``lbzip2`` is on PATH, the parent instead decompresses *segments* (runs of streams of
  about 32 MiB) with one ``lbzip2 -d -n <workers>`` process each, finds the candidate pages in
  whole chunks of XML (:mod:`eventledger.dump.segments`) and sends only those to the workers.
* **single** (plain XML, or one bzip2 stream): the parent reads and decompresses (indexed_bzip2
  with all cores when installed, else the standard library), cuts pages, pre-filters them, and
  sends batches of candidate pages to the workers.

The parent is the one writer. It writes results in unit order, in batches: failed pages with
:meth:`Ledger.record_failure`, then the records with :meth:`Ledger.ingest` and, in that same
transaction, the units' checkpoint rows (table ``dump_checkpoints``). Ingest is also idempotent
(an unchanged document is left untouched, rowids included), so a unit done twice means only
that it is done again on ``resume`` with no change to the ledger: a resumed run ends with the
same ledger as an uninterrupted one. Units are cut from the file's content only (stream offsets,
page counts), never from timing, so a resumed run sees the same units.

The per-page function has the signature of :func:`eventledger.pipeline.parse_text`; it must be
a module-level function (it is pickled by reference to the workers, and to Spark executors).
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventledger.dump.multistream import (
    Unit,
    decompressor_name,
    fast_or_exact,
    have_indexed_bzip2,
    index_path_for,
    lbzip2_path,
    plan_units,
    read_index,
    scan_stream_starts,
    unit_chunks,
)
from eventledger.dump.prefilter import Prefilter
from eventledger.dump.segments import (
    SEGMENT_BYTES,
    ChunkScanner,
    Segment,
    SegmentChunks,
    read_on_chunks,
)
from eventledger.read.xmldump import (
    CHUNK,
    CorruptDump,
    DumpError,
    PageSplitter,
    SiteInfo,
    _Bz2Reader,
    page_revision,
    page_title,
    parse_header,
    parse_page,
    sniff,
    utf8_chunks,
)

PageFunc = Callable[..., list[dict[str, Any]]]

#: Compressed bytes per multistream unit (a checkpoint is written per unit).
UNIT_BYTES = 4 << 20
#: Candidate pages per task on the lbzip2 path (a segment's last task carries its checkpoint).
TASK_PAGES = 16
#: … or after this many bytes of XML (so that progress moves).
TASK_XML_BYTES = 16 << 20
#: Pages per batch in the single-reader plan (a checkpoint is written per batch).
BATCH_PAGES = 2000
#: Write to the ledger after this many records, or this many units, whichever comes first.
WRITE_RECORDS = 500
WRITE_UNITS = 64
#: … or when this many seconds have passed since the last write (bounds the work a kill loses).
WRITE_SECONDS = 2.0


@dataclass(slots=True)
class PageFailure:
    """A page the per-page function (or the page parser) could not handle."""

    title: str | None
    revision: str | None
    error: str


@dataclass(slots=True)
class UnitResult:
    """What a worker returns for one unit or batch."""

    key: int
    end: int
    pages: int = 0
    candidates: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[PageFailure] = field(default_factory=list)
    xml_bytes: int = 0
    compressed_bytes: int = 0
    error: str | None = None  # a CorruptDump message: the unit stopped early
    part: bool = False  # a part of a segment: no checkpoint (the segment's last task has it)


@dataclass(slots=True)
class DumpSummary:
    """The outcome of one dump ingest."""

    path: str
    plan: str
    decompressor: str
    workers: int
    siteinfo: SiteInfo
    units: int = 0
    units_skipped: int = 0
    pages: int = 0
    candidates: int = 0
    events: int = 0
    failures: list[PageFailure] = field(default_factory=list)
    compressed_bytes: int = 0
    xml_bytes: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The summary as lines of text, for the command line."""
        mb = self.xml_bytes / 1e6
        rate = mb / self.seconds if self.seconds else 0.0
        out = [
            f"{self.path}: {self.plan} plan, {self.workers} worker(s), {self.decompressor}",
            f"pages read: {self.pages}",
            f"candidates (pre-filtered articles): {self.candidates}",
            f"events stored: {self.events}",
            f"failed pages: {len(self.failures)}",
            f"units: {self.units} ({self.units_skipped} already done, skipped)",
            f"XML: {mb:.1f} MB in {self.seconds:.1f} s ({rate:.1f} MB/s)",
        ]
        for f in self.failures[:20]:
            out.append(f"  failed: {f.title!r} rev {f.revision}: {f.error}")
        if len(self.failures) > 20:
            out.append(f"  … and {len(self.failures) - 20} more (see the ledger's failures table)")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "plan": self.plan,
            "decompressor": self.decompressor,
            "workers": self.workers,
            "language": self.siteinfo.language,
            "units": self.units,
            "units_skipped": self.units_skipped,
            "pages": self.pages,
            "candidates": self.candidates,
            "events": self.events,
            "failures": [
                {"title": f.title, "revision": f.revision, "error": f.error} for f in self.failures
            ],
            "compressed_bytes": self.compressed_bytes,
            "xml_bytes": self.xml_bytes,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a worker needs besides its unit; pickled once per task (small)."""

    path: str
    name: str
    language: str | None
    policy: str
    prefilter: Prefilter
    page_func: PageFunc
    fast: bool = True


def default_page_func() -> PageFunc:
    """The pipeline's per-page function, :func:`eventledger.pipeline.parse_text`, behind a
    module-level stand-in that imports the pipeline on its first call: the parent, which only
    reads and writes, never imports it (nor loads the place index)."""
    return pipeline_page


def pipeline_page(text: str, **kwargs: Any) -> list[dict[str, Any]]:
    """:func:`eventledger.pipeline.parse_text`, imported when first called (in a worker)."""
    from eventledger.pipeline import parse_text

    return parse_text(text, **kwargs)


# --- the work on one page, one unit, one batch ----------------------------------------------


def process_pages(
    raws: Iterable[bytes], ctx: Context, result: UnitResult, *, filtered: bool = False
) -> UnitResult:
    """Pre-filter, parse and extract each raw page into *result* (pages that fail are listed).

    Only main-namespace pages that are not redirects reach the per-page function. With
    *filtered* the pages have passed the pre-filter already (and are counted by the caller).
    """
    for raw in raws:
        if not filtered:
            result.pages += 1
            if not ctx.prefilter(raw):
                continue
        try:
            page = parse_page(raw)
        except DumpError as e:
            result.failures.append(PageFailure(page_title(raw), page_revision(raw), str(e)))
            continue
        if not page.is_article:
            continue
        result.candidates += 1
        try:
            records = ctx.page_func(
                page.text,
                name=ctx.name,
                format="wikitext",
                title=page.title,
                revision=page.revision,
                page_id=page.page_id,
                timestamp=page.timestamp,
                language=ctx.language,
                policy=ctx.policy,
            )
        except Exception as e:  # noqa: BLE001 - a page that breaks the extractor is data
            result.failures.append(
                PageFailure(page.title, page.revision, f"{type(e).__name__}: {e}")
            )
            continue
        result.records.extend(records)
    return result


def run_unit(ctx: Context, unit: Unit) -> UnitResult:
    """Decompress *unit* of a multistream dump and process the pages that start in it.

    A page that starts in the unit but ends in a later stream is finished by reading on; the
    tail of a page that started in an earlier unit is skipped.
    """
    result = UnitResult(key=unit.start, end=unit.end, compressed_bytes=unit.end - unit.start)
    splitter = PageSplitter()
    raws: list[bytes] = []
    try:
        with open(ctx.path, "rb") as f:
            chunks, after = unit_chunks(f, unit, name=ctx.name, fast=ctx.fast)
            own = 0
            for c in chunks:
                own += len(c)
                raws.extend(raw for _off, raw in splitter.feed(c))
            result.xml_bytes = own
            if splitter.owes(own):
                for c in after.chunks():
                    for off, raw in splitter.feed(c):
                        if off < own:
                            raws.append(raw)
                    if not splitter.owes(own):
                        break
        for off, title in splitter.oversized:
            if off < own:
                result.failures.append(
                    PageFailure(title, None, "page larger than the size limit, skipped")
                )
    except CorruptDump as e:
        result.error = str(e)
    return process_pages(raws, ctx, result)


def run_batch(
    ctx: Context, key: int, raws: list[bytes], pages: int, xml_bytes: int = 0
) -> UnitResult:
    """Process a batch of candidate pages cut by the single reader (*pages* read in all)."""
    result = UnitResult(key=key, end=key, xml_bytes=xml_bytes)
    process_pages(raws, ctx, result)
    result.pages = pages
    return result


def run_candidates(ctx: Context, raws: list[bytes], meta: UnitResult) -> UnitResult:
    """Parse and extract candidate pages (already pre-filtered) into *meta*, a result that
    carries the counts the parent made (pages, bytes, checkpoint)."""
    return process_pages(raws, ctx, meta, filtered=True)


def _run_candidates_task(args: tuple[Context, list[bytes], UnitResult]) -> UnitResult:
    return run_candidates(*args)


def _run_unit_task(args: tuple[Context, Unit]) -> UnitResult:
    return run_unit(*args)


def _run_batch_task(args: tuple[Context, int, list[bytes], int, int]) -> UnitResult:
    return run_batch(*args)


# --- planning ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Plan:
    """How a dump will be read."""

    kind: str  # "multistream" | "single"
    size: int
    siteinfo: SiteInfo
    units: list[Unit] = field(default_factory=list)
    index: Path | None = None


def _head_xml(path: Path, kind: str) -> bytes:
    """Decompressed bytes up to and including the first ``<page>`` (or 16 MiB)."""
    out = b""
    with open(path, "rb") as f:
        src: Iterator[bytes]
        src = (
            _Bz2Reader(f, 0, str(path)).chunks()
            if kind == "bz2"
            else iter(lambda: f.read(CHUNK), b"")
        )
        for c in src:
            out += c
            if b"<page>" in out or len(out) > 16 << 20:
                break
    return out


def plan_dump(
    path: str | os.PathLike[str],
    *,
    index: str | os.PathLike[str] | None = None,
    unit_bytes: int = UNIT_BYTES,
) -> Plan:
    """Read the header of the dump at *path* and decide how to split the work.

    :raises UnsafeXML: the header declares a DTD or entities.
    :raises DumpError: not a MediaWiki dump.
    """
    p = Path(path)
    kind = sniff(p)
    size = p.stat().st_size
    head = _head_xml(p, kind)
    utf8 = not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    header = b"".join(utf8_chunks([head]))
    cut = header.find(b"<page>")
    info = parse_header(header[:cut] if cut >= 0 else header, str(p))
    if kind != "bz2" or not utf8:
        return Plan("single", size, info)
    idx = Path(index) if index else index_path_for(p)
    if idx is not None:
        offsets = read_index(idx)
        if offsets:
            starts = sorted({0, *offsets})
            units = plan_units(starts, size, unit_bytes=unit_bytes, first=offsets[0])
            return Plan("multistream", size, info, units, idx)
    starts = scan_stream_starts(p)
    if len(starts) < 2:
        return Plan("single", size, info)
    # the first stream is a header-only stream when it holds no page
    with open(p, "rb") as f:
        first_stream = b"".join(_Bz2Reader(f, 0, str(p)).chunks(stop=1))
    first = starts[1] if b"<page>" not in first_stream else 0
    return Plan(
        "multistream", size, info, plan_units(starts, size, unit_bytes=unit_bytes, first=first)
    )


def dump_key(path: str | os.PathLike[str]) -> str:
    """Identify a dump file by name, size and the SHA-256 of its first and last MiB."""
    p = Path(path)
    size = p.stat().st_size
    h = hashlib.sha256()
    with open(p, "rb") as f:
        h.update(f.read(1 << 20))
        if size > 2 << 20:
            f.seek(size - (1 << 20))
            h.update(f.read(1 << 20))
    return f"{p.name}:{size}:{h.hexdigest()[:32]}"


# --- the single reader ------------------------------------------------------------------------


class _CountingFile(io.RawIOBase):
    """A read-only file wrapper that counts the bytes read (compressed progress)."""

    def __init__(self, f: Any) -> None:
        self.f = f
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self.f.readinto(b)
        self.count += n or 0
        return n or 0

    def read(self, size: int = -1) -> bytes:
        data = self.f.read(size)
        self.count += len(data)
        return data

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.f.seek(offset, whence)

    def tell(self) -> int:
        return self.f.tell()


def _single_chunks(path: Path, counter: _CountingFile, workers: int) -> Iterator[bytes]:
    """Decompressed UTF-8 XML of a single-stream file, fastest decompressor first."""
    return utf8_chunks(_raw_single_chunks(path, counter, workers))


def _raw_single_chunks(path: Path, counter: _CountingFile, workers: int) -> Iterator[bytes]:
    kind = sniff(path)
    if kind != "bz2":
        yield from iter(lambda: counter.read(CHUNK), b"")
        return
    if have_indexed_bzip2():
        yield from fast_or_exact(
            counter,
            max(1, workers),  # type: ignore[arg-type]
            lambda: _Bz2Reader(counter, 0, str(path)).chunks(),
        )  # type: ignore[arg-type]
        return
    yield from _Bz2Reader(counter, 0, str(path)).chunks()  # type: ignore[arg-type]


def _single_batches(
    path: Path,
    counter: _CountingFile,
    prefilter: Prefilter,
    workers: int,
    batch_pages: int,
    errors: list[str],
) -> Iterator[tuple[int, list[bytes], int, int]]:
    """Yield ``(key, candidate_raws, pages_read, xml_bytes)`` batches of *batch_pages* pages.

    The key is the XML offset of the batch's first page: it depends on content only. On
    corrupt data the pages read before the error come as a last batch with key -1, and the
    error message is appended to *errors*.
    """
    splitter = PageSplitter()
    raws: list[bytes] = []
    count = 0
    key = -1
    fed = 0
    try:
        for c in _single_chunks(path, counter, workers):
            fed += len(c)
            for off, raw in splitter.feed(c):
                if count == 0:
                    key = off
                count += 1
                if prefilter(raw):
                    raws.append(raw)
                if count >= batch_pages:
                    yield key, raws, count, fed
                    raws, count, fed = [], 0, 0
        if splitter.pending:
            errors.append(
                f"{path}: the XML ends inside a page that starts at XML byte "
                f"{splitter.pending_offset} (truncated file)"
            )
    except CorruptDump as e:
        errors.append(str(e))
        if count:
            yield -1, raws, count, fed
        return
    if count:
        yield key, raws, count, fed


# --- the writer -------------------------------------------------------------------------------

_CHECKPOINT_DDL = (
    """CREATE TABLE IF NOT EXISTS dump_checkpoints (
        dump TEXT NOT NULL,
        unit INTEGER NOT NULL,
        unit_end INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        candidates INTEGER NOT NULL,
        events INTEGER NOT NULL,
        failures INTEGER NOT NULL,
        PRIMARY KEY (dump, unit)
    )""",
)


class LedgerSink:
    """Writes unit results into a :class:`~eventledger.store.Ledger`, with checkpoints."""

    def __init__(self, db_path: str | os.PathLike[str], source: str) -> None:
        from eventledger.store import Ledger

        self.ledger = Ledger(db_path)
        self.source = source
        conn = self.ledger.conn
        conn.execute("BEGIN IMMEDIATE")
        for ddl in _CHECKPOINT_DDL:
            conn.execute(ddl)
        conn.execute("COMMIT")

    def done_units(self, key: str) -> set[int]:
        rows = self.ledger.conn.execute("SELECT unit FROM dump_checkpoints WHERE dump = ?", (key,))
        return {r[0] for r in rows}

    def done_ranges(self, key: str) -> list[tuple[int, int]]:
        """The compressed byte ranges ``[unit, unit_end)`` checkpointed for dump *key*."""
        rows = self.ledger.conn.execute(
            "SELECT unit, unit_end FROM dump_checkpoints WHERE dump = ?", (key,)
        )
        return [(r[0], r[1]) for r in rows]

    def forget(self, key: str) -> None:
        conn = self.ledger.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM dump_checkpoints WHERE dump = ?", (key,))
        conn.execute("COMMIT")

    def write(self, results: list[UnitResult], rows: list[tuple[Any, ...]]) -> int:
        """Store the failures, then the records of *results* and the checkpoint *rows* (``dump,
        unit, unit_end, pages, candidates, events, failures``) in one transaction (a crash
        leaves both or neither); return the number of events."""
        for res in results:
            for f in res.failures:
                if not self._failure_known(f):
                    self.ledger.record_failure(self.source, f.title, f.revision, f.error)
        records = [r for res in results for r in res.records]
        also = [("INSERT OR REPLACE INTO dump_checkpoints VALUES (?, ?, ?, ?, ?, ?, ?)", rows)]
        if records or rows:
            self.ledger.ingest(records, also=also if rows else ())
        return len(records)

    def _failure_known(self, f: PageFailure) -> bool:
        """True when this exact failure is already recorded (a unit done again on resume)."""
        row = self.ledger.conn.execute(
            "SELECT 1 FROM failures WHERE source = ? AND title IS ? AND revision IS ? "
            "AND error = ?",
            (self.source, f.title, f.revision, f.error),
        ).fetchone()
        return row is not None

    def close(self) -> None:
        self.ledger.close()


# --- progress ---------------------------------------------------------------------------------


class _Progress:
    """A rich progress bar with MB/s of XML, pages/s and events found (or nothing)."""

    def __init__(self, enabled: bool, total: int, label: str) -> None:
        self.enabled = enabled
        self.t0 = time.perf_counter()
        self.xml = 0
        self.pages = 0
        self.events = 0
        if not enabled:
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>5.1f}%"),
            TextColumn("{task.fields[rates]}"),
            TimeRemainingColumn(),
            transient=False,
        )
        self.task = self.bar.add_task(label, total=total, rates="")
        self.bar.start()

    def advance(self, compressed: int, xml: int, pages: int, events: int) -> None:
        self.xml += xml
        self.pages += pages
        self.events += events
        if not self.enabled:
            return
        dt = max(time.perf_counter() - self.t0, 1e-6)
        rates = (
            f"{self.xml / 1e6 / dt:6.1f} MB/s  {self.pages / dt:7.0f} pages/s  {self.events} events"
        )
        self.bar.update(self.task, advance=compressed, rates=rates)

    def set_completed(self, compressed: int) -> None:
        if self.enabled:
            self.bar.update(self.task, completed=compressed)

    def close(self) -> None:
        if self.enabled:
            self.bar.stop()


# --- the entry point ----------------------------------------------------------------------------


def ingest_dump(
    path: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    *,
    workers: int | None = None,
    resume: bool = False,
    filter: str | Prefilter = "infobox",
    progress: bool = True,
    page_func: PageFunc | None = None,
    policy: str = "ranges",
    index: str | os.PathLike[str] | None = None,
    unit_bytes: int | None = None,
    batch_pages: int = BATCH_PAGES,
    fast: bool = True,
    write_units: int = WRITE_UNITS,
    prefilter: str | Prefilter | None = None,
    decompressor: str = "auto",
) -> DumpSummary:
    """Ingest every event of the MediaWiki dump at *path* into the ledger at *db_path*.

    Pages are pre-filtered from their bytes (*filter*: ``infobox``, ``category``, ``title`` or
    ``all``), candidates run through *page_func* (default
    :func:`eventledger.pipeline.parse_text`) on *workers* processes (default: all cores), and
    the records are written by this process with a checkpoint per unit. With *resume*, units
    already checkpointed for this dump are skipped; without it the dump is read in full
    (re-ingest is idempotent). A page whose extraction raises is recorded as a failure and the
    run goes on.

    Multistream dumps are decompressed by *decompressor*: ``lbzip2`` (one ``lbzip2 -d -n
    <workers>`` process per segment of about 32 MiB compressed; the parent finds the candidate
    pages and the workers only parse and extract them), ``workers`` (each worker decompresses
    its own units of about 4 MiB with indexed_bzip2, or the standard library when it is not
    installed or *fast* is false), or ``auto`` (``lbzip2`` when it is on PATH and *fast*, else
    ``workers``). *unit_bytes* sets the compressed size of a unit or segment, the checkpoint
    granularity (default: by decompressor).

    Example::

        summary = ingest_dump("enwiki-pages-articles-multistream.xml.bz2", "ledger.sqlite")
        print("\\n".join(summary.lines()))

    :raises UnsafeXML: the dump declares a DTD or entities.
    :raises CorruptDump: truncated or corrupt compressed data (message names the byte offset);
        everything read before it is stored.
    :raises DumpError: the file is not a MediaWiki dump.
    """
    t0 = time.perf_counter()
    p = Path(path)
    chosen = prefilter if prefilter is not None else filter  # ``prefilter``: an alias
    prefilter = chosen if isinstance(chosen, Prefilter) else Prefilter(chosen)
    if decompressor not in ("auto", "lbzip2", "workers"):
        raise ValueError(f"unknown decompressor {decompressor!r} (auto, lbzip2 or workers)")
    wanted = decompressor == "lbzip2" or (decompressor == "auto" and fast)
    lbzip2 = lbzip2_path() if wanted else None
    if decompressor == "lbzip2" and lbzip2 is None:
        raise ValueError("decompressor 'lbzip2' asked for, but lbzip2 is not on PATH")
    if unit_bytes is None:
        unit_bytes = SEGMENT_BYTES if lbzip2 else UNIT_BYTES
    plan = plan_dump(p, index=index, unit_bytes=unit_bytes)
    nworkers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    use_lbzip2 = lbzip2 is not None and plan.kind == "multistream"
    ctx = Context(
        path=str(p),
        name=p.name,
        language=plan.siteinfo.language,
        policy=policy,
        prefilter=prefilter,
        page_func=page_func or default_page_func(),
        fast=fast,
    )
    key = dump_key(p)
    sink = LedgerSink(db_path, p.name)
    summary = DumpSummary(
        path=str(p),
        plan=plan.kind,
        decompressor=f"lbzip2 -d -n {nworkers} (one process per segment)"
        if use_lbzip2
        else decompressor_name(fast)
        if plan.kind == "multistream" or sniff(p) == "bz2"
        else "none (plain XML)",
        workers=nworkers,
        siteinfo=plan.siteinfo,
    )
    try:
        if resume:
            done = sink.done_units(key)
            ranges = sink.done_ranges(key)
        else:
            sink.forget(key)
            done, ranges = set(), []
        bar = _Progress(progress, plan.size, p.name[:40])
        try:
            if use_lbzip2:
                writer = _Writer(sink, key, summary, bar, write_units)
                _run_lbzip2(plan, ctx, nworkers, ranges, writer, lbzip2)  # type: ignore[arg-type]
            elif plan.kind == "multistream":
                writer = _Writer(sink, key, summary, bar, write_units)
                _run_multistream(plan, ctx, nworkers, ranges, writer)
            else:
                writer = _Writer(sink, key, summary, bar, write_units)
                _run_single(p, ctx, nworkers, done, writer, batch_pages)
            bar.set_completed(plan.size)  # the header and footer streams are in no unit
        finally:
            bar.close()
    finally:
        sink.close()
        summary.seconds = time.perf_counter() - t0
    return summary


class _Writer:
    """Collect results in order and write them in batches.

    A result that is not a *part* closes a unit (or segment, or batch): its checkpoint row
    counts everything since the previous one, and is written in the same transaction as the
    records of those results.
    """

    def __init__(
        self, sink: LedgerSink, key: str, summary: DumpSummary, bar: _Progress, every: int
    ) -> None:
        self.sink, self.key, self.summary, self.bar = sink, key, summary, bar
        self.every = every
        self.batch: list[UnitResult] = []
        self.rows: list[tuple[Any, ...]] = []
        self.acc = [0, 0, 0, 0]  # pages, candidates, events, failures since the last row
        self.nrecords = 0
        self.last = time.monotonic()

    def add(self, res: UnitResult) -> None:
        s = self.summary
        acc = self.acc
        acc[0] += res.pages
        acc[1] += res.candidates
        acc[2] += len(res.records)
        acc[3] += len(res.failures)
        if not res.part:
            s.units += 1
            if res.error is None and res.key >= 0:
                self.rows.append((self.key, res.key, res.end, *acc))
            self.acc = [0, 0, 0, 0]
        s.pages += res.pages
        s.candidates += res.candidates
        s.failures.extend(res.failures)
        s.xml_bytes += res.xml_bytes
        s.compressed_bytes += res.compressed_bytes
        self.batch.append(res)
        self.nrecords += len(res.records)
        self.bar.advance(res.compressed_bytes, res.xml_bytes, res.pages, len(res.records))
        if res.error is not None:
            self.flush()
            raise CorruptDump(res.error)
        if (
            self.nrecords >= WRITE_RECORDS
            or len(self.batch) >= self.every
            or time.monotonic() - self.last > WRITE_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.summary.events += self.sink.write(self.batch, self.rows)
        self.batch = []
        self.rows = []
        self.nrecords = 0
        self.last = time.monotonic()


def _ordered(
    fn: Callable[[Any], UnitResult], tasks: Iterable[Any], workers: int
) -> Iterator[UnitResult]:
    """Run *tasks* on *workers* processes, yielding results in task order, a bounded number
    in flight (so a fast reader never fills memory)."""
    if workers <= 1:
        for t in tasks:
            yield fn(t)
        return
    window = 2 * workers + 1
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ctx.Pool(workers)
    try:
        pending: deque[Any] = deque()
        for t in tasks:
            pending.append(pool.apply_async(fn, (t,)))
            while len(pending) >= window or (pending and pending[0].ready()):
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def covered(unit: Unit, ranges: list[tuple[int, int]]) -> bool:
    """True when checkpointed *ranges* cover all of *unit* (a unit of an earlier run's plan,
    which may have cut the streams differently, counts as far as it goes)."""
    at = unit.start
    for a, b in sorted(ranges):
        if a > at:
            break
        at = max(at, b)
        if at >= unit.end:
            return True
    return at >= unit.end


def _todo(plan: Plan, ranges: list[tuple[int, int]], writer: _Writer) -> list[Unit]:
    todo = [u for u in plan.units if not covered(u, ranges)]
    writer.summary.units_skipped = len(plan.units) - len(todo)
    writer.bar.set_completed(
        sum(u.end - u.start for u in plan.units) - sum(u.end - u.start for u in todo)
    )
    return todo


def _run_multistream(
    plan: Plan, ctx: Context, workers: int, ranges: list[tuple[int, int]], writer: _Writer
) -> None:
    todo = _todo(plan, ranges, writer)
    try:
        for res in _ordered(_run_unit_task, ((ctx, u) for u in todo), workers):
            writer.add(res)
    finally:
        writer.flush()


def _run_single(
    path: Path, ctx: Context, workers: int, done: set[int], writer: _Writer, batch_pages: int
) -> None:
    summary = writer.summary
    errors: list[str] = []
    with open(path, "rb") as raw_file:
        counter = _CountingFile(raw_file)
        last = [0]

        def tasks() -> Iterator[tuple[Context, int, list[bytes], int, int]]:
            for bkey, raws, count, fed in _single_batches(
                path, counter, ctx.prefilter, workers, batch_pages, errors
            ):
                if bkey in done:
                    summary.units_skipped += 1
                    summary.xml_bytes += fed
                    continue
                yield ctx, bkey, raws, count, fed

        try:
            for res in _ordered(_run_batch_task, tasks(), workers):
                res.compressed_bytes = counter.count - last[0]
                last[0] = counter.count
                writer.add(res)
        finally:
            writer.flush()
    if errors:
        raise CorruptDump(errors[0])


def _run_lbzip2(
    plan: Plan,
    ctx: Context,
    workers: int,
    ranges: list[tuple[int, int]],
    writer: _Writer,
    lbzip2: str,
) -> None:
    """Decompress the segments to do with lbzip2 in this process, cut the candidate pages,
    and have *workers* processes parse and extract them; each segment's last task carries its
    checkpoint (written with the records of all the segment's tasks)."""
    todo = _todo(plan, ranges, writer)
    runs: list[list[Unit]] = []
    for u in todo:
        if runs and runs[-1][-1].end == u.start:
            runs[-1].append(u)
        else:
            runs.append([u])

    def task(seg: Segment, part: bool) -> tuple[Context, list[bytes], UnitResult]:
        unit = seg.unit
        assert unit is not None
        xml = (seg.gend if seg.gend is not None else scanner.fed) - seg.gstart
        comp = unit.end - unit.start if not part else min(current.sent(), unit.end - unit.start)
        meta = UnitResult(
            key=unit.start if not part else -1,
            end=unit.end,
            pages=seg.pages - seg.sent_pages,
            xml_bytes=xml - seg.sent_xml,
            compressed_bytes=max(0, comp - seg.sent_compressed),
            failures=[PageFailure(t, None, e) for t, e in seg.failures],
            part=part,
        )
        seg.sent_pages, seg.sent_xml = seg.pages, xml
        seg.sent_compressed = max(seg.sent_compressed, comp)
        raws, seg.raws, seg.failures = seg.raws, [], []
        return ctx, raws, meta

    def ready(final: bool = False) -> Iterator[tuple[Context, list[bytes], UnitResult]]:
        for seg in scanner.complete(final=final):
            if seg.unit is not None:
                yield task(seg, False)
        if len(scanner.segs) == 1 and scanner.segs[0].unit is not None:
            seg = scanner.segs[0]
            if (
                len(seg.raws) >= TASK_PAGES
                or scanner.fed - seg.gstart - seg.sent_xml >= TASK_XML_BYTES
            ):
                yield task(seg, True)

    def tasks() -> Iterator[tuple[Context, list[bytes], UnitResult]]:
        nonlocal scanner, current
        for run in runs:
            scanner = ChunkScanner(ctx.prefilter)
            decoders = [SegmentChunks(lbzip2, ctx.path, u, workers, ctx.name) for u in run]
            try:
                for i, unit in enumerate(run):
                    scanner.begin(unit)
                    current = decoders[i]
                    following = decoders[i + 1] if i + 1 < len(run) else None
                    for _ in current.pump(scanner):
                        if following is not None and current.input_done():
                            following.start()
                        yield from ready()
                    scanner.end()
                    yield from ready()
                limit = scanner.segs[-1].gend if scanner.segs else None
                if limit is not None and scanner.owes(limit):
                    scanner.begin(None)  # read on: the pages there belong to a later segment
                    with open(ctx.path, "rb") as f:
                        for c in read_on_chunks(f, run[-1].end, ctx.name):
                            scanner.feed(c)
                            if not scanner.owes(limit):
                                break
                    scanner.end()
                yield from ready(final=True)
            except CorruptDump as e:
                # what was read before the error is stored, without a checkpoint
                for seg in scanner.segs:
                    if seg.unit is not None and (seg.raws or seg.failures):
                        yield task(seg, True)
                yield ctx, [], UnitResult(key=-1, end=-1, error=str(e), part=True)
                return
            finally:
                for d in decoders:
                    d.stop()

    scanner = ChunkScanner(ctx.prefilter)
    current = SegmentChunks(lbzip2, ctx.path, Unit(0, 0), workers, ctx.name)
    try:
        for res in _ordered(_run_candidates_task, tasks(), workers):
            writer.add(res)
    finally:
        writer.flush()
