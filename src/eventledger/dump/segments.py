"""The lbzip2 path: one ``lbzip2 -d`` process per segment, pages cut from whole chunks.

A *segment* is a run of consecutive bzip2 streams (about :data:`SEGMENT_BYTES` compressed).
Its byte range is fed to ``lbzip2 -d -c -n <threads>`` through a pipe (``os.sendfile`` from a
thread: no copy through Python), and the parent reads the decompressed XML in large chunks.

The parent does not split every page: per chunk it counts ``<page>`` tags (``bytes.count``),
runs the pre-filter's chunk pattern once over the whole chunk, and cuts out only the pages
around a hit (the last ``<page>`` before it, the first ``</page>`` after that), which the
page-level pre-filter then confirms. So a page is a candidate exactly when the page-level
pre-filter keeps it (see :meth:`Prefilter.chunk_pattern`). Modes without a chunk pattern
(``title``, ``all``) cut every page and test it.

Page ownership is the one of the worker path: a segment owns the pages whose ``<page>`` tag
starts in its decompressed bytes; a page that runs on into the next segment is finished with
the next segment's bytes (or, at the end of a run of segments to do, by reading on stream by
stream with the standard library). A run starts at its first ``<page>`` (what comes before is
the header or the tail of a page the previous segment owns).

A segment is *complete* once every page it owns has been cut; the runner then sends its last
batch with the segment's checkpoint (see :mod:`eventledger.dump.runner`).

When lbzip2 fails (truncated or corrupt data), the standard-library reader decompresses the
segment again and takes over after the bytes lbzip2 produced: its error names the offset.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from eventledger.dump.multistream import Unit
from eventledger.dump.prefilter import Prefilter
from eventledger.read.xmldump import (
    MAX_PAGE_BYTES,
    PAGE_CLOSE,
    PAGE_OPEN,
    CorruptDump,
    _Bz2Reader,
    _open_prefix,
    page_title,
)

#: Compressed bytes per segment (one lbzip2 process and one checkpoint each).
SEGMENT_BYTES = 32 << 20
#: Decompressed bytes read from lbzip2 at a time: the pipe's size. Two passes run over each
#: chunk (count, pattern); a chunk that stays in the CPU cache makes the second one cheaper
#: (4 MiB chunks cost the parent about 20 % more CPU here).
READ_BYTES = 1 << 20
_F_SETPIPE_SZ = 1031  # Linux fcntl: grow a pipe's buffer


@dataclass(slots=True)
class Segment:
    """The state of one segment while its pages are cut (``unit`` None: bytes read on past
    the last segment to do, whose pages belong to a segment already done)."""

    unit: Unit | None
    gstart: int  # offset of its first decompressed byte in the run's XML stream
    gend: int | None = None  # offset after its last byte, once its output has ended
    pages: int = 0
    raws: list[bytes] = field(default_factory=list)
    failures: list[tuple[str | None, str]] = field(default_factory=list)  # (title, error)
    # what earlier tasks of this segment reported already
    sent_pages: int = 0
    sent_xml: int = 0
    sent_compressed: int = 0


class ChunkScanner:
    """Cut candidate pages out of a run's decompressed XML, chunk by chunk, by segment.

    Call :meth:`begin` before each segment's bytes, :meth:`feed` (or :meth:`fill`) with them,
    :meth:`end` after them; :meth:`complete` pops the segments whose pages are all cut, each
    with its page count and candidate pages (``raws``, in order).
    """

    def __init__(self, prefilter: Prefilter, *, max_page_bytes: int = MAX_PAGE_BYTES) -> None:
        self.prefilter = prefilter
        self.patterns = prefilter.chunk_patterns()
        self.max_page_bytes = max_page_bytes
        self.segs: list[Segment] = []  # not yet popped by complete()
        self._gstarts: list[int] = []
        self._buf = b""
        self._buf_at = 0  # stream offset of _buf[0]
        self._fed = 0
        self._lead = True  # dropping bytes before the run's first <page>
        self._oversized: tuple[int, str | None] | None = None  # (offset, title) being skipped

    @property
    def fed(self) -> int:
        """Bytes of XML fed so far (the offset where the next byte goes)."""
        return self._fed

    # --- segments ---------------------------------------------------------------------------

    def begin(self, unit: Unit | None) -> Segment:
        seg = Segment(unit, self._fed)
        self.segs.append(seg)
        self._gstarts.append(self._fed)
        return seg

    def end(self) -> None:
        self.segs[-1].gend = self._fed

    def _owner(self, offset: int) -> Segment:
        i = bisect.bisect_right(self._gstarts, offset) - 1
        k = i - (len(self._gstarts) - len(self.segs))
        return self.segs[max(k, 0)]

    def open_at(self) -> int | None:
        """Stream offset of a page started but not yet cut (or of a partial ``<page>`` tag)."""
        if self._oversized is not None:
            return self._oversized[0]
        buf = self._buf
        at = buf.find(PAGE_OPEN)
        if at >= 0:
            return self._buf_at + at
        n = _open_prefix(buf, 0)
        return self._buf_at + len(buf) - n if n else None

    def owes(self, limit: int) -> bool:
        """True while a page that starts before stream offset *limit* is not cut yet."""
        at = self.open_at()
        return at is not None and at < limit

    def complete(self, *, final: bool = False) -> list[Segment]:
        """Pop and return the segments (in order) whose every page has been cut; with
        *final* (no more bytes will come) every ended segment."""
        out: list[Segment] = []
        at = None if final else self.open_at()
        while self.segs and self.segs[0].gend is not None:
            seg = self.segs[0]
            if at is not None and at < seg.gend:  # type: ignore[operator]
                break
            out.append(self.segs.pop(0))
        return out

    # --- bytes ------------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> None:
        """Add decompressed bytes of the current segment; cut the pages they complete."""
        if not chunk:
            return
        self._fed += len(chunk)
        self._process(self._buf + chunk if self._buf else chunk, len(chunk))

    def fill(self, readinto: Callable[[memoryview], int | None], size: int) -> int:
        """Read up to *size* bytes of the current segment with *readinto* (a pipe's), straight
        after the bytes kept from the last chunk (no copy of the chunk); return the number read
        (less than *size* only at the end of the input)."""
        keep = len(self._buf)
        buf = bytearray(keep + size)
        buf[:keep] = self._buf
        view = memoryview(buf)
        n = keep
        while n < keep + size:
            k = readinto(view[n:])
            if not k:
                break
            n += k
        view.release()
        del buf[n:]
        if n > keep:
            self._fed += n - keep
            self._process(buf, n - keep)
        return n - keep

    def _process(self, buf: bytes | bytearray, new: int) -> None:
        """Cut the pages completed by the last *new* bytes of *buf* (kept bytes, then new)."""
        chunk_len = new
        if self._oversized is not None:
            close = buf.find(PAGE_CLOSE)
            if close < 0:
                keep = len(PAGE_CLOSE) - 1
                self._buf_at += len(buf) - keep
                self._buf = buf[-keep:]
                return
            off, title = self._oversized
            self._owner(off).failures.append((title, "page larger than the size limit, skipped"))
            self._oversized = None
            pos = close + len(PAGE_CLOSE)
            self._buf_at += pos
            buf = buf[pos:]
        old = len(buf) - chunk_len  # bytes already searched for a close tag
        if self._lead:
            at = buf.find(PAGE_OPEN)
            if at < 0:
                keep = _open_prefix(buf, 0)
                self._buf_at += len(buf) - keep
                self._buf = buf[len(buf) - keep :] if keep else b""
                return
            self._lead = False
            self._buf_at += at
            buf = buf[at:]
            old = 0
        last = buf.rfind(PAGE_CLOSE, max(0, old - len(PAGE_CLOSE) + 1))
        hi = last + len(PAGE_CLOSE) if last >= 0 else 0
        if hi:
            self._region(buf, hi)
        rest = buf[hi:] if hi else buf
        self._buf_at += hi
        if hi or len(rest) > self.max_page_bytes:
            at = rest.find(PAGE_OPEN)
            if at < 0:  # no page begun: keep only what may begin a <page> tag
                keep = _open_prefix(rest, 0)
                self._buf_at += len(rest) - keep
                rest = rest[len(rest) - keep :] if keep else b""
            elif len(rest) > self.max_page_bytes:
                self._oversized = (self._buf_at + at, page_title(rest[at : at + 4096]))
                keep = len(PAGE_CLOSE) - 1
                self._buf_at += len(rest) - keep
                rest = rest[-keep:]
        self._buf = bytes(rest) if isinstance(rest, bytearray) else rest

    def _region(self, buf: bytes, hi: int) -> None:
        """Count and cut the pages of ``buf[:hi]``, which ends right after a ``</page>``."""
        base = self._buf_at
        # page counts, split at the segment starts inside the region
        lo = 0
        for seg in list(self.segs):
            if seg.gend is not None and seg.gend <= base + lo:
                continue
            stop = hi if seg.gend is None else min(hi, seg.gend - base)
            if stop <= lo:
                continue
            seg.pages += buf.count(PAGE_OPEN, lo, min(stop + len(PAGE_OPEN) - 1, hi))
            lo = stop
            if lo >= hi:
                break
        if not self.patterns:
            self._every_page(buf, hi)
            return
        pages: dict[int, int] = {}  # start -> end of the pages around a hit
        for pattern in self.patterns:
            search = pattern.search
            pos = 0
            while (m := search(buf, pos, hi)) is not None:
                at = m.start()
                ps = buf.rfind(PAGE_OPEN, 0, at)
                if ps < 0:
                    pos = at + 1
                    continue
                pe = pages.get(ps) or buf.find(PAGE_CLOSE, ps) + len(PAGE_CLOSE)
                if pe <= at:  # the hit lies between pages
                    pos = at + 1
                    continue
                pages[ps] = pe
                pos = pe
        for ps in sorted(pages):
            raw = bytes(buf[ps : pages[ps]])
            if self.prefilter(raw):
                self._owner(base + ps).raws.append(raw)

    def _every_page(self, buf: bytes, hi: int) -> None:
        base = self._buf_at
        keep = self.prefilter
        ps = buf.find(PAGE_OPEN, 0, hi)
        while ps >= 0:
            pe = buf.find(PAGE_CLOSE, ps, hi) + len(PAGE_CLOSE)
            raw = bytes(buf[ps:pe])
            if keep(raw):
                self._owner(base + ps).raws.append(raw)
            ps = buf.find(PAGE_OPEN, pe, hi)


# --- lbzip2 -------------------------------------------------------------------------------------


class Lbzip2Segment:
    """``lbzip2 -d -c -n <threads>`` over the compressed bytes ``[unit.start, unit.end)``.

    A thread sends the bytes to lbzip2's stdin; the caller reads ``proc.stdout``. After
    :meth:`close`, :attr:`returncode` and :attr:`sent` tell whether it went well.
    """

    def __init__(self, lbzip2: str, path: str, unit: Unit, threads: int) -> None:
        self.unit = unit
        self.path = path
        self.sent = 0
        self.proc = subprocess.Popen(
            [lbzip2, "-d", "-c", "-n", str(max(1, threads))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
        )
        for pipe in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError, ImportError):
                import fcntl

                fcntl.fcntl(pipe.fileno(), _F_SETPIPE_SZ, 1 << 20)  # type: ignore[union-attr]
        self._feeder = threading.Thread(target=self._feed, daemon=True)
        self._feeder.start()
        self.returncode: int | None = None
        self.stderr = b""

    def _feed(self) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            with open(self.path, "rb") as f:
                out, off, left = stdin.fileno(), self.unit.start, self.unit.end - self.unit.start
                try:
                    while left > 0:
                        n = os.sendfile(out, f.fileno(), off, min(left, 8 << 20))
                        if n == 0:
                            break
                        off, left, self.sent = off + n, left - n, self.sent + n
                except OSError as e:
                    if isinstance(e, BrokenPipeError):
                        raise
                    f.seek(off)  # no sendfile to a pipe here: copy
                    while left > 0 and (data := f.read(min(left, 1 << 20))):
                        stdin.write(data)
                        left, self.sent = left - len(data), self.sent + len(data)
        except (BrokenPipeError, OSError):
            pass  # lbzip2 stopped reading: its exit status tells why
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    def close(self) -> None:
        if self.returncode is not None:
            return
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                self.proc.stdout.close()  # type: ignore[union-attr]
        self._feeder.join()
        self.stderr = self.proc.stderr.read() if self.proc.stderr else b""  # type: ignore[union-attr]
        self.returncode = self.proc.wait()
        with contextlib.suppress(OSError):
            self.proc.stdout.close()  # type: ignore[union-attr]
            self.proc.stderr.close()  # type: ignore[union-attr]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.close()


class SegmentChunks:
    """The decompressed bytes of *unit* for a :class:`ChunkScanner` (:meth:`pump`): lbzip2's,
    and on failure the standard library's after them (its error names the stream and the byte
    offset).

    :meth:`sent` is the number of compressed bytes sent to lbzip2 so far (progress).

    :raises CorruptDump: truncated or corrupt data (while pumping).
    """

    def __init__(self, lbzip2: str, path: str, unit: Unit, threads: int, name: str) -> None:
        self.lbzip2, self.path, self.unit, self.threads, self.name = (
            lbzip2,
            path,
            unit,
            threads,
            name,
        )
        self._seg: Lbzip2Segment | None = None

    def sent(self) -> int:
        return self._seg.sent if self._seg is not None else 0

    def start(self) -> Lbzip2Segment:
        """Start lbzip2 (once). The runner starts the next segment's while this one's last
        blocks are decompressed, so that the two overlap instead of waiting on each other."""
        if self._seg is None:
            self._seg = Lbzip2Segment(self.lbzip2, self.path, self.unit, self.threads)
        return self._seg

    def input_done(self) -> bool:
        """True once all the segment's compressed bytes have gone to lbzip2."""
        return self._seg is not None and not self._seg._feeder.is_alive()

    def stop(self) -> None:
        """Stop lbzip2 if it was started and is still running (an error elsewhere)."""
        if self._seg is not None and self._seg.returncode is None:
            self._seg.kill()

    def pump(self, scanner: ChunkScanner) -> Iterator[None]:
        """Feed the segment's bytes to *scanner*, yielding after each chunk."""
        unit, name = self.unit, self.name
        seg = self.start()
        produced = 0
        out = seg.proc.stdout
        assert out is not None
        try:
            while True:
                n = scanner.fill(out.readinto, READ_BYTES)
                produced += n
                if n:
                    yield
                if n < READ_BYTES:
                    break
        except BaseException:
            seg.kill()
            raise
        seg.close()
        if seg.returncode == 0 and seg.sent == unit.end - unit.start:
            return
        with open(self.path, "rb") as f:
            skip = produced
            for c in _Bz2Reader(f, unit.start, name).chunks(stop=unit.end, size=1 << 20):
                if skip >= len(c):
                    skip -= len(c)
                    continue
                scanner.feed(c[skip:])
                skip = 0
                yield
            if f.seek(0, os.SEEK_END) < unit.end:
                raise CorruptDump(
                    f"{name}: truncated bzip2 data: the file ends before byte {unit.end}"
                )


def read_on_chunks(f: IO[bytes], start: int, name: str) -> Iterator[bytes]:
    """Stream-by-stream decompressed bytes from *start* (to finish a page that runs on)."""
    return _Bz2Reader(f, start, name).chunks()
