"""Stream pages out of MediaWiki XML export and dump files, in flat memory.

A MediaWiki dump (``pages-articles.xml``, Special:Export output, schema versions 0.8 to 0.11)
is one ``<mediawiki>`` element: an optional ``<siteinfo>`` header, then ``<page>`` elements,
each with ``<title>``, ``<ns>``, ``<id>``, an optional ``<redirect>`` and one or more
``<revision>`` elements (``<id>``, ``<timestamp>``, ``<text>``). Files may be plain XML or
bzip2-compressed, single-stream or *multistream* (many bzip2 streams back to back, with an
``-index.txt.bz2`` giving the byte offset of each stream).

How the reading works, and why it is safe:

* **Pages are cut out as bytes.** MediaWiki escapes ``<`` in page text as ``&lt;``, so the
  literal bytes ``<page>`` and ``</page>`` occur only as tags. :class:`PageSplitter` finds them
  with byte searches, never holding more than one page (bounded by ``max_page_bytes``) plus one
  input chunk in memory. This is what lets a byte-level pre-filter run *before* any XML parse.
* **Only candidate pages are parsed**, each on its own, with the standard library's expat and
  no entity handling at all: no DTD, no entity declarations, no external entities, no network.
  A dump never legitimately has a ``<!DOCTYPE``; :func:`parse_header` refuses one (this is what
  stops "billion laughs" and external-entity attacks) with :class:`UnsafeXML`.
* Only main-namespace pages (``ns`` 0) that are not redirects are articles; :func:`is_article`
  says so. With several revisions in a page (a history dump) the last one is the page's text.

Public entry points: :func:`open_dump`, :func:`iter_pages`, :func:`read_siteinfo`,
:func:`parse_page`, :class:`PageSplitter`.
"""

from __future__ import annotations

import bz2
import codecs
import os
import re
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from eventledger.errors import InputError

#: Bytes read from the input at a time.
CHUNK = 1 << 20
#: A page larger than this (bytes of XML) is skipped and reported: MediaWiki's own limit on
#: one revision is 2 MiB of wikitext ($wgMaxArticleSize), so 64 MiB is far above any real page.
MAX_PAGE_BYTES = 64 << 20
#: The header (everything before the first ``<page>``) may not exceed this.
MAX_HEADER_BYTES = 16 << 20

PAGE_OPEN = b"<page>"
PAGE_CLOSE = b"</page>"
_TITLE = re.compile(rb"<title>([^<]*)</title>")
_REVISION_ID = re.compile(rb"<revision>\s*<id>(\d+)</id>")
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UNSAFE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class DumpError(InputError):
    """A dump file cannot be read."""


class UnsafeXML(DumpError):
    """The XML declares a DTD or entities, which a MediaWiki dump never does (refused)."""


class CorruptDump(DumpError):
    """The compressed data is truncated or corrupt; the message names the byte offset."""


@dataclass(slots=True)
class SiteInfo:
    """The ``<siteinfo>`` header: wiki name, language and namespaces.

    ``language`` comes from ``<dbname>`` (``enwiki`` -> ``en``), else the host of ``<base>``
    (``https://ltg.wikipedia.org/...`` -> ``ltg``), else the root's ``xml:lang``.
    """

    sitename: str | None = None
    dbname: str | None = None
    base: str | None = None
    language: str | None = None
    schema: str | None = None
    namespaces: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DumpPage:
    """One ``<page>`` of a dump: identity, namespace, redirect target and latest revision text."""

    title: str
    ns: int
    page_id: str | None
    revision: str | None
    timestamp: str | None
    text: str
    redirect: str | None = None

    @property
    def is_article(self) -> bool:
        """A main-namespace page that is not a redirect."""
        return self.ns == 0 and self.redirect is None


def _refuse(*_args: Any) -> None:
    raise UnsafeXML(
        "the XML declares a DTD or entities (<!DOCTYPE>/<!ENTITY>); a MediaWiki dump never "
        "does, so the file is refused (entity expansion and external entities are not allowed)"
    )


def _parser() -> xml.parsers.expat.XMLParserType:
    """Return an expat parser with every DTD and entity path closed."""
    p = xml.parsers.expat.ParserCreate(encoding="utf-8")
    p.StartDoctypeDeclHandler = _refuse
    p.EntityDeclHandler = _refuse
    p.UnparsedEntityDeclHandler = _refuse
    p.ExternalEntityRefHandler = _refuse  # type: ignore[assignment]
    p.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.buffer_text = True
    return p


def check_safe(data: bytes, name: str = "dump") -> None:
    """Refuse *data* (a header or page) that holds a DTD or an entity declaration.

    :raises UnsafeXML: naming *name* and the byte offset of the declaration.
    """
    m = _UNSAFE.search(data)
    if m:
        raise UnsafeXML(
            f"{name}: refused: {m.group().decode()} at byte {m.start()} of the XML; a MediaWiki "
            "dump never declares a DTD or entities (entity expansion and external entities are "
            "not allowed)"
        )


def parse_header(header: bytes, name: str = "dump") -> SiteInfo:
    """Parse the bytes before the first ``<page>`` (XML declaration, root, ``<siteinfo>``).

    :raises UnsafeXML: the header declares a DTD or entities.
    :raises DumpError: the header is not the start of a MediaWiki XML document.
    """
    check_safe(header, name)
    info = SiteInfo()
    path: list[str] = []
    text: list[str] = []
    ns_key: list[int | None] = [None]
    root_seen = [False]

    def start(tag: str, attrs: dict[str, str]) -> None:
        path.append(tag)
        text.clear()
        if len(path) == 1:
            root_seen[0] = True
            if tag != "mediawiki":
                raise DumpError(f"{name}: root element is <{tag}>, not <mediawiki>")
            info.schema = attrs.get("version") or _schema_from_ns(attrs.get("xmlns", ""))
            lang = attrs.get("xml:lang")
            if lang:
                info.language = lang
        elif tag == "namespace":
            key = attrs.get("key")
            ns_key[0] = int(key) if key and key.lstrip("-").isdigit() else None

    def end(tag: str) -> None:
        value = "".join(text)
        if path[-2:-1] == ["siteinfo"]:
            if tag in ("sitename", "dbname", "base"):
                setattr(info, tag, value.strip())
        elif tag == "namespace" and ns_key[0] is not None:
            info.namespaces[ns_key[0]] = value
        path.pop()
        text.clear()

    p = _parser()
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text.append
    try:
        p.Parse(header, False)
    except xml.parsers.expat.ExpatError as e:
        raise DumpError(f"{name}: not a MediaWiki XML dump ({e})") from None
    if not root_seen[0]:
        raise DumpError(f"{name}: not a MediaWiki XML dump (no <mediawiki> element)")
    lang = _language(info)
    if lang:
        info.language = lang
    return info


def _schema_from_ns(xmlns: str) -> str | None:
    m = re.search(r"export-(\d+\.\d+)", xmlns)
    return m.group(1) if m else None


def _language(info: SiteInfo) -> str | None:
    if info.dbname and info.dbname.endswith("wiki") and len(info.dbname) > 4:
        return info.dbname[:-4].replace("_", "-")
    if info.base:
        host = urlparse(info.base).hostname or ""
        parts = host.split(".")
        if len(parts) >= 3 and parts[1] in ("wikipedia", "wikinews", "wikisource", "wikivoyage"):
            return parts[0]
    return None


def parse_page(raw: bytes) -> DumpPage:
    """Parse one ``<page>…</page>`` element (bytes, UTF-8) into a :class:`DumpPage`.

    The page id is the ``<id>`` directly under ``<page>``; with several ``<revision>`` elements
    the last one wins (the latest revision in a history dump).

    :raises DumpError: the bytes are not a well-formed page (undefined entities included).
    """
    page: dict[str, Any] = {"ns": 0, "redirect": None}
    rev: dict[str, str] = {}
    path: list[str] = []
    text: list[str] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        path.append(tag)
        text.clear()
        if tag == "redirect" and len(path) == 2:
            page["redirect"] = attrs.get("title", "")
        elif tag == "revision" and len(path) == 2:
            rev.clear()

    def end(tag: str) -> None:
        depth = len(path)
        if depth == 2:
            if tag == "title":
                page["title"] = "".join(text)
            elif tag == "ns":
                value = "".join(text).strip()
                page["ns"] = int(value) if value.lstrip("-").isdigit() else 0
            elif tag == "id":
                page["page_id"] = "".join(text).strip()
            elif tag == "revision":
                page["rev"] = dict(rev)
        elif depth == 3 and path[1] == "revision":
            if tag in ("id", "timestamp"):
                rev[tag] = "".join(text).strip()
            elif tag == "text":
                rev["text"] = "".join(text)
        path.pop()
        text.clear()

    p = _parser()
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text.append
    try:
        p.Parse(raw, True)
    except xml.parsers.expat.ExpatError as e:
        raise DumpError(f"malformed page XML ({e})") from None
    rv = page.get("rev") or {}
    return DumpPage(
        title=page.get("title", ""),
        ns=page["ns"],
        page_id=page.get("page_id"),
        revision=rv.get("id"),
        timestamp=rv.get("timestamp"),
        text=rv.get("text", ""),
        redirect=page["redirect"],
    )


def page_title(raw: bytes) -> str | None:
    """Return the title of a raw page cheaply (no parse), for messages about a broken page."""
    m = _TITLE.search(raw, 0, 4096)
    if not m:
        return None
    return (
        m.group(1)
        .decode("utf-8", "replace")
        .replace("&quot;", '"')
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


def page_revision(raw: bytes) -> str | None:
    """Return the revision id of a raw page cheaply (no parse)."""
    m = _REVISION_ID.search(raw)
    return m.group(1).decode() if m else None


def _open_prefix(buf: bytes, pos: int) -> int:
    """Length of the longest tail of ``buf[pos:]`` that is a proper prefix of ``<page>``."""
    for n in range(len(PAGE_OPEN) - 1, 0, -1):
        if len(buf) - pos >= n and buf.endswith(PAGE_OPEN[:n]):
            return n
    return 0


class PageSplitter:
    """Cut a stream of XML bytes into raw ``<page>…</page>`` byte strings.

    Feed chunks with :meth:`feed`; it returns ``(offset, page_bytes)`` pairs, *offset* being the
    position of ``<page>`` in the fed stream (counted from the first byte fed, plus *base*).
    Bytes before the first page are kept in :attr:`header` (up to ``MAX_HEADER_BYTES``).
    A page longer than *max_page_bytes* is dropped and listed in :attr:`oversized` as
    ``(offset, title)``; memory stays bounded by one page plus one chunk.
    """

    def __init__(self, *, base: int = 0, max_page_bytes: int = MAX_PAGE_BYTES) -> None:
        self.base = base
        self.max_page_bytes = max_page_bytes
        self.header = b""
        self.header_done = False
        self.oversized: list[tuple[int, str | None]] = []
        self._buf = b""
        self._buf_at = base  # stream offset of _buf[0]
        self._skipping: tuple[int, str | None] | None = None
        self.fed = 0

    def feed(self, chunk: bytes) -> list[tuple[int, bytes]]:
        """Add *chunk*; return the pages it completes."""
        self.fed += len(chunk)
        buf = self._buf + chunk if self._buf else chunk
        out: list[tuple[int, bytes]] = []
        pos = 0
        if self._skipping is not None:
            close = buf.find(PAGE_CLOSE)
            if close < 0:
                keep = len(PAGE_CLOSE) - 1
                self._buf_at += len(buf) - keep
                self._buf = buf[-keep:]
                return out
            self.oversized.append(self._skipping)
            self._skipping = None
            pos = close + len(PAGE_CLOSE)
        while True:
            start = buf.find(PAGE_OPEN, pos)
            if not self.header_done:
                if start < 0:
                    if len(buf) > MAX_HEADER_BYTES:
                        raise DumpError(
                            f"no <page> in the first {MAX_HEADER_BYTES} bytes: not a dump"
                        )
                    self._buf = buf
                    return out
                self.header = buf[:start]
                self.header_done = True
            if start < 0:
                # keep only a tail that may be the beginning of a split "<page>" tag
                keep = _open_prefix(buf, pos)
                self._buf_at += len(buf) - keep
                self._buf = buf[len(buf) - keep :] if keep else b""
                return out
            close = buf.find(PAGE_CLOSE, start)
            if close < 0:
                if len(buf) - start > self.max_page_bytes:
                    raw = buf[start : start + 4096]
                    self._skipping = (self._buf_at + start, page_title(raw))
                    keep = len(PAGE_CLOSE) - 1
                    self._buf_at += len(buf) - keep
                    self._buf = buf[-keep:]
                    return out
                self._buf_at += start
                self._buf = buf[start:]
                return out
            end = close + len(PAGE_CLOSE)
            out.append((self._buf_at + start, buf[start:end]))
            pos = end

    def owes(self, limit: int) -> bool:
        """True while bytes buffered from before stream offset *limit* may still form a page
        (a started page, or a tail that may begin a ``<page>`` tag)."""
        return self._skipping is not None or (bool(self._buf) and self._buf_at < limit)

    @property
    def pending(self) -> bool:
        """True while a page has started but not ended (used to read past a unit's end)."""
        return self._skipping is not None or self._buf.startswith(PAGE_OPEN)

    @property
    def pending_offset(self) -> int | None:
        """Stream offset of the page that has started but not ended, if any."""
        if self._skipping is not None:
            return self._skipping[0]
        return self._buf_at if self._buf.startswith(PAGE_OPEN) else None


# --- opening files ---------------------------------------------------------------------------


def sniff(path: str | os.PathLike[str]) -> str:
    """Return ``"bz2"`` or ``"xml"`` for the file at *path*, judged by its first bytes.

    :raises InputError: missing file, directory, or a compression eventledger cannot read.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a dump file")
    with open(p, "rb") as f:
        head = f.read(8)
    if head[:3] == b"BZh":
        return "bz2"
    if head[:2] == b"\x1f\x8b":
        raise DumpError(f"{p}: gzip dumps are not supported; use the .bz2 or plain .xml file")
    if head[:3] == b"7z\xbc" or head[:4] == b"\xfd7zX":
        raise DumpError(f"{p}: 7z/xz dumps are not supported; use the .bz2 or plain .xml file")
    return "xml"


class _Bz2Reader:
    """Decompress a (multi-stream) bzip2 file with the standard library, tracking offsets.

    Errors name the compressed byte offset: the start of the stream that failed and the
    position reached in it.
    """

    def __init__(self, f: IO[bytes], start: int = 0, name: str = "dump") -> None:
        self.f = f
        self.name = name
        self.pos = start  # compressed bytes consumed so far (absolute)
        self.stream_start = start
        self._d = bz2.BZ2Decompressor()
        self._pending = b""
        self._fpos = start  # where this reader reads next: the file may be shared

    def chunks(self, stop: int | None = None, size: int = 1 << 16) -> Iterator[bytes]:
        """Yield decompressed chunks, stream by stream, until the stream that ends at or
        after *stop* ends (or the file ends)."""
        while True:
            if self._pending:
                data, self._pending = self._pending, b""
            else:
                # seek every time: another reader (the one that reads on past a unit's end)
                # may share the file object and have moved it
                self.f.seek(self._fpos)
                data = self.f.read(size)
                self._fpos += len(data)
                if not data:
                    if self.pos == self.stream_start:
                        return  # clean end: between streams
                    raise CorruptDump(
                        f"{self.name}: truncated bzip2 data: the file ends at byte {self.pos} "
                        f"inside the stream that starts at byte {self.stream_start}"
                    )
            try:
                out = self._d.decompress(data)
            except (OSError, EOFError) as e:
                raise CorruptDump(
                    f"{self.name}: corrupt bzip2 data in the stream that starts at byte "
                    f"{self.stream_start} (error between bytes {self.pos} and "
                    f"{self.pos + len(data)}: {e})"
                ) from None
            if self._d.eof:
                used = len(data) - len(self._d.unused_data)
                self._pending = self._d.unused_data
                self.pos += used
                self.stream_start = self.pos
                self._d = bz2.BZ2Decompressor()
                if out:
                    yield out
                if stop is not None and self.pos >= stop:
                    return
            else:
                self.pos += len(data)
                if out:
                    yield out


def _transcode(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    """Re-encode a non-UTF-8 XML byte stream as UTF-8, declaring the new encoding."""
    dec = codecs.getincrementaldecoder(encoding)()
    first = True
    for c in chunks:
        s = dec.decode(c)
        if first and s:
            s = s.lstrip("\ufeff")
            s = re.sub(r"""^<\?xml[^>]*\?>""", '<?xml version="1.0" encoding="UTF-8"?>', s)
            first = False
        yield s.encode("utf-8")
    tail = dec.decode(b"", final=True)
    if tail:
        yield tail.encode("utf-8")


def utf8_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Pass UTF-8 XML bytes through; transcode UTF-16 (BOM) or a declared non-UTF-8 encoding."""
    it = iter(chunks)
    first = b""
    for c in it:
        first += c
        if len(first) >= 200:
            break
    if first[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding: str | None = "utf-16"
    else:
        m = _ENCODING.match(first.lstrip(b"\xef\xbb\xbf"))
        encoding = m.group(1).decode().lower() if m else None
        if encoding in ("utf-8", "utf8", None):
            encoding = None

    def rest() -> Iterator[bytes]:
        yield first
        yield from it

    if encoding is None:
        if first.startswith(b"\xef\xbb\xbf"):
            first = first[3:]
        yield from rest()
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DumpError(f"unknown XML encoding {encoding!r}") from None
        yield from _transcode(rest(), encoding)


def open_chunks(path: str | os.PathLike[str], *, name: str | None = None) -> Iterator[bytes]:
    """Yield the XML bytes of the dump at *path* (decompressed, UTF-8), one chunk at a time.

    Uses the standard library's bzip2 so that errors name exact offsets; the parallel runner
    in :mod:`eventledger.dump` picks faster decompressors itself.

    :raises CorruptDump: truncated or corrupt bzip2 data (the message names the byte offset).
    """
    label = name or str(path)
    kind = sniff(path)
    with open(path, "rb") as f:
        if kind == "bz2":
            yield from utf8_chunks(_Bz2Reader(f, 0, label).chunks())
        else:
            yield from utf8_chunks(iter(lambda: f.read(CHUNK), b""))


def open_dump(path: str | os.PathLike[str]) -> tuple[SiteInfo, Iterator[tuple[int, bytes]]]:
    """Open the dump at *path*: return its :class:`SiteInfo` and an iterator of raw pages.

    The raw pages are ``(offset, bytes)`` pairs as :class:`PageSplitter` yields them; pass each
    to :func:`parse_page` (after a pre-filter, if you want one).

    :raises UnsafeXML: the file declares a DTD or entities.
    :raises DumpError: the file is not a MediaWiki XML dump.
    """
    name = str(path)
    splitter = PageSplitter()
    chunks = open_chunks(path, name=name)
    buffered: list[tuple[int, bytes]] = []
    for c in chunks:
        buffered = splitter.feed(c)
        if splitter.header_done:
            break
    header = splitter.header if splitter.header_done else splitter._buf
    info = parse_header(header, name)

    def pages() -> Iterator[tuple[int, bytes]]:
        yield from buffered
        for c in chunks:
            yield from splitter.feed(c)
        if splitter.pending:
            raise DumpError(
                f"{name}: the XML ends inside a page that starts at byte "
                f"{splitter.pending_offset} (truncated file)"
            )

    return info, pages()


def read_siteinfo(path: str | os.PathLike[str]) -> SiteInfo:
    """Return the :class:`SiteInfo` of the dump at *path* (reads only its beginning)."""
    info, pages = open_dump(path)
    pages.close()  # type: ignore[attr-defined]
    return info


def iter_pages(path: str | os.PathLike[str], *, articles_only: bool = True) -> Iterator[DumpPage]:
    """Yield the pages of the dump at *path*, in order, in flat memory.

    :param articles_only: yield only main-namespace pages that are not redirects.
    :raises UnsafeXML, DumpError, CorruptDump: see :func:`open_dump` and :func:`open_chunks`.
    """
    _info, pages = open_dump(path)
    for _offset, raw in pages:
        page = parse_page(raw)
        if not articles_only or page.is_article:
            yield page
