"""Multistream bzip2 dumps: stream offsets, work units, decompression, and writing one.

A multistream dump (``enwiki-…-pages-articles-multistream.xml.bz2``) is many complete bzip2
streams back to back; the first holds the XML header and ``<siteinfo>``, each next one about
100 pages, the last ``</mediawiki>``. Its ``-index.txt.bz2`` has one ``offset:page_id:title``
line per page, *offset* being the byte position of the stream that holds the page. Streams can
be decompressed independently, so they are the unit of parallel work.

Without an index the stream starts are found by scanning the compressed bytes for the stream
magic ``BZh1``–``BZh9`` followed by the block magic ``0x314159265359``. Such bytes can also
occur by chance inside compressed data, so a candidate counts only when the 48-bit
end-of-stream magic ``0x177245385090`` (+ 32-bit CRC + 0–7 zero padding bits) ends exactly
where it starts: together a 128-bit coincidence.

Streams written by other tools (pbzip2, lbzip2) may cut a page in two. A unit therefore owns
the pages whose ``<page>`` tag starts inside it, skips the tail of the previous unit's page,
and reads on into the next stream to finish its own last page.
"""

from __future__ import annotations

import bz2
import importlib.util
import io
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from eventledger.read.xmldump import CHUNK, CorruptDump, _Bz2Reader

_STREAM_START = re.compile(rb"BZh[1-9]\x31\x41\x59\x26\x53\x59")
_EOS_MAGIC = 0x177245385090
SCAN_CHUNK = 16 << 20


@dataclass(frozen=True, slots=True)
class Unit:
    """A run of whole bzip2 streams ``[start, end)`` (compressed byte offsets)."""

    start: int
    end: int


def index_path_for(path: str | os.PathLike[str]) -> Path | None:
    """Return the ``-index.txt.bz2`` file that belongs to the multistream dump *path*, if any.

    ``x-multistream.xml.bz2`` has ``x-multistream-index.txt.bz2`` (the Wikimedia naming).
    """
    p = Path(path)
    name = p.name
    for suffix in (".xml.bz2", ".bz2"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            for candidate in (f"{stem}-index.txt.bz2", f"{stem}-index.txt"):
                q = p.with_name(candidate)
                if q.exists():
                    return q
    return None


#: One run of index lines with the same stream offset (one match per stream, not per page).
_INDEX_RUN = re.compile(rb"(?m)^(\d+):[^\n]*\n(?:\1:[^\n]*\n)*")


def read_index(index: str | os.PathLike[str]) -> list[int]:
    """Return the sorted distinct stream offsets listed in a multistream index file.

    Each line is ``offset:page_id:title`` (titles may contain colons); a stream's pages are on
    consecutive lines. The file is decompressed by lbzip2 when it is on PATH (the English
    Wikipedia's index is about 1 GB of text), else by the standard library.
    """
    offsets: set[bytes] = set()
    carry = b""
    for chunk in _index_chunks(index):
        buf = carry + chunk
        cut = buf.rfind(b"\n") + 1
        offsets.update(_INDEX_RUN.findall(buf, 0, cut))
        carry = buf[cut:]
    if carry:
        offsets.update(_INDEX_RUN.findall(carry + b"\n"))
    return sorted({int(x) for x in offsets})


def _index_chunks(index: str | os.PathLike[str]) -> Iterator[bytes]:
    if not str(index).endswith(".bz2"):
        with open(index, "rb") as f:
            yield from iter(lambda: f.read(CHUNK), b"")
        return
    lb = lbzip2_path()
    if lb is not None:
        import subprocess

        proc = subprocess.Popen(
            [lb, "-d", "-c", str(index)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert proc.stdout is not None
        with proc.stdout:
            read = 0
            while data := proc.stdout.read(4 * CHUNK):
                read += len(data)
                yield data
        if proc.wait() == 0:
            return
        if read:
            raise CorruptDump(f"{index}: lbzip2 could not read the index file")
    with bz2.open(index, "rb") as f:
        yield from iter(lambda: f.read(CHUNK), b"")


def _ends_stream_at(buf: bytes, at: int) -> bool:
    """True when a bzip2 end-of-stream marker (+CRC, zero padding) ends exactly at *buf[at]*."""
    if at < 10:
        return False
    x = int.from_bytes(buf[max(0, at - 11) : at], "big")
    for pad in range(8):
        if x & ((1 << pad) - 1):
            continue
        if ((x >> (pad + 32)) & 0xFFFFFFFFFFFF) == _EOS_MAGIC:
            return True
    return False


def scan_stream_starts(path: str | os.PathLike[str]) -> list[int]:
    """Find the start offset of every bzip2 stream in *path* without an index.

    Reads the file once in chunks (flat memory). Offset 0 is always the first stream.
    """
    starts = [0]
    overlap = 16
    with open(path, "rb") as f:
        base = 0
        prev = b""
        while True:
            chunk = f.read(SCAN_CHUNK)
            if not chunk:
                break
            buf = prev + chunk
            buf_at = base - len(prev)
            for m in _STREAM_START.finditer(buf):
                at = buf_at + m.start()
                if at > starts[-1] and _ends_stream_at(buf, m.start()):
                    starts.append(at)
            prev = buf[-overlap:]
            base += len(chunk)
    return starts


def plan_units(
    starts: list[int], size: int, *, unit_bytes: int, first: int | None = None
) -> list[Unit]:
    """Group consecutive streams into units of about *unit_bytes* compressed bytes.

    :param starts: sorted stream start offsets (0 first).
    :param size: the file size (end of the last stream).
    :param first: offset where page streams begin (the header stream before it is not a
        unit); by default the second stream when there are several.
    """
    if not starts:
        return []
    points = sorted(set(starts) | {size})
    if first is None:
        first = points[1] if len(points) > 2 else 0
    points = [p for p in points if p >= first]
    units: list[Unit] = []
    unit_start = points[0]
    for p in points[1:]:
        if p - unit_start >= unit_bytes or p == size:
            units.append(Unit(unit_start, p))
            unit_start = p
    return units


# --- decompressors --------------------------------------------------------------------------


def have_indexed_bzip2() -> bool:
    return importlib.util.find_spec("indexed_bzip2") is not None


def lbzip2_path() -> str | None:
    return shutil.which("lbzip2")


def decompressor_name(fast: bool = True) -> str:
    """Name of the decompressor the workers use (``indexed_bzip2`` when installed and *fast*)."""
    return "indexed_bzip2" if fast and have_indexed_bzip2() else "bz2 (stdlib)"


def unit_chunks(
    f: IO[bytes], unit: Unit, *, name: str, fast: bool = True
) -> tuple[Iterator[bytes], _Bz2Reader]:
    """Return an iterator of the decompressed bytes of *unit*, and a reader to read on.

    The reader (stdlib) continues after ``unit.end`` stream by stream, for a page that
    straddles the end. With *fast* and indexed_bzip2 installed, the unit itself is decompressed
    by indexed_bzip2; on any error it is decompressed again with the stdlib to name the offset.

    :raises CorruptDump: truncated or corrupt data (the message names the byte offset).
    """
    after = _Bz2Reader(f, unit.end, name)
    if fast and have_indexed_bzip2():
        return _fast_chunks(f, unit, name), after
    reader = _Bz2Reader(f, unit.start, name)
    return reader.chunks(stop=unit.end), after


def _fast_chunks(f: IO[bytes], unit: Unit, name: str) -> Iterator[bytes]:
    f.seek(unit.start)
    data = f.read(unit.end - unit.start)
    yield from fast_or_exact(
        io.BytesIO(data),
        1,
        lambda: _Bz2Reader(f, unit.start, name).chunks(stop=unit.end),
        complete=len(data) == unit.end - unit.start,
    )
    if f.seek(0, os.SEEK_END) < unit.end:
        raise CorruptDump(f"{name}: truncated bzip2 data: the file ends before byte {unit.end}")


def fast_or_exact(
    fileobj: IO[bytes],
    parallelization: int,
    exact: Callable[[], Iterable[bytes]],
    *,
    complete: bool = True,
) -> Iterator[bytes]:
    """Decompress *fileobj* with indexed_bzip2; on any failure (or when the input is known to be
    *complete* = False) the standard-library reader *exact*, which names the byte offset of an
    error, takes over after the bytes already produced."""
    import indexed_bzip2

    produced = 0
    try:
        g = indexed_bzip2.IndexedBzip2File(fileobj, parallelization=parallelization)
        try:
            while c := g.read(CHUNK):
                produced += len(c)
                yield c
        finally:
            g.close()
        if complete:
            return
    except Exception:  # noqa: BLE001 - any failure: redo with the stdlib for a precise message
        pass
    skip = produced
    for c in exact():
        if skip >= len(c):
            skip -= len(c)
            continue
        yield c[skip:]
        skip = 0


# --- writing a multistream dump (tests, benchmark) -----------------------------------------


def write_multistream(
    out: str | os.PathLike[str],
    header: bytes,
    pages: Iterable[tuple[str, str, bytes]],
    footer: bytes = b"</mediawiki>\n",
    *,
    pages_per_stream: int = 100,
    level: int = 9,
) -> Path:
    """Write a multistream ``.xml.bz2`` and its ``-index.txt.bz2``, as Wikimedia does.

    :param header: XML before the first page (declaration, ``<mediawiki>``, ``<siteinfo>``).
    :param pages: ``(page_id, title, page_xml_bytes)`` triples.
    :returns: the index path.
    """
    out = Path(out)
    stem = out.name[: -len(".xml.bz2")] if out.name.endswith(".xml.bz2") else out.stem
    index = out.with_name(f"{stem}-index.txt.bz2")
    with open(out, "wb") as f, bz2.open(index, "wb") as idx:
        f.write(bz2.compress(header, level))
        batch: list[tuple[str, str, bytes]] = []

        def flush() -> None:
            if not batch:
                return
            offset = f.tell()
            f.write(bz2.compress(b"".join(p[2] for p in batch), level))
            for page_id, title, _raw in batch:
                idx.write(f"{offset}:{page_id}:{title}\n".encode())
            batch.clear()

        for page in pages:
            batch.append(page)
            if len(batch) >= pages_per_stream:
                flush()
        flush()
        f.write(bz2.compress(footer, level))
    return index
