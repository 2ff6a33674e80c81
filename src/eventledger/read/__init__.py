"""Readers: turn an input (a file, standard input, a string) into a :class:`Document`.

:func:`detect_format` decides by content, not by file name: MediaWiki wikitext carries
``{{``/``[[``/``<ref`` markup; an XML export starts with ``<mediawiki``; Markdown carries front
matter, ``#`` headings or ``[text](url)`` links; anything else that reads as an article is taken
as plain text copied from a browser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from eventledger.errors import InputError, UnsupportedFormat
from eventledger.models import Document

FORMATS = ("plaintext", "wikitext", "prose")

#: A page whose source opens with a template call and its first parameter, as most articles
#: do ("{{Short description|…}}", "{{Infobox military conflict\n| conflict = …"); a browser copy
#: never starts with one.
_STARTS_WITH_TEMPLATE = re.compile(r"\{\{\s*[^{}|\n]{2,80}?\s*(?:\||\n\s*\|)")
_WIKI_MARKUP = re.compile(r"\{\{|\[\[|<ref[\s>/]|^==[^=].*==\s*$|'''", re.MULTILINE)


def detect_format(text: str) -> str:
    """Return ``"wikitext"``, ``"xml"``, ``"prose"`` or ``"plaintext"`` for *text*, by content.

    Wikitext needs several markup signals (templates, links, ref tags, ``==`` headings, bold
    quotes), so a browser copy quoting one ``[[`` stays plain text. Markdown (``"prose"``) is
    asked after wikitext, whose ``#`` list lines look like headings: front matter, a ``# ``
    title line, or several headings or ``[text](url)`` links
    (:func:`eventledger.read.prose.looks_like_markdown`).
    """
    from eventledger.read.prose import looks_like_markdown

    head = text.lstrip()[:2000]
    if head.startswith("<mediawiki") or (head.startswith("<?xml") and "<mediawiki" in head):
        return "xml"
    if text.startswith("---") and looks_like_markdown(text):
        return "prose"  # front matter: no wikitext page starts with it
    if _STARTS_WITH_TEMPLATE.match(head):
        return "wikitext"  # "{{Infobox …" / "{{Short description|…}}": a page's source
    hits = len(_WIKI_MARKUP.findall(text[:200_000]))
    if hits >= 3:
        return "wikitext"
    return "prose" if looks_like_markdown(text) else "plaintext"


def read_text(text: str, name: str, *, format: str | None = None, **source: str | None) -> Document:
    """Read *text* (named *name* in messages) into a :class:`Document`.

    :param format: ``"plaintext"``, ``"wikitext"`` or ``"prose"``; detected from the content
        when None.
    :param source: ``title``, ``revision``, ``page_id``, ``timestamp``, ``language`` for wikitext.
    :raises InputError: the text is empty or is not an article.
    :raises UnsupportedFormat: the format is unknown, or an XML dump was given where one page
        was expected.
    """
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    fmt = format or detect_format(text)
    if fmt == "plaintext":
        from eventledger.read.plaintext import NotAnArticle, read_plaintext

        try:
            return read_plaintext(text, name, title=source.get("title"))
        except NotAnArticle as e:
            raise InputError(f"{name}: not an article ({e})") from None
    if fmt == "wikitext":
        from eventledger.read.wikitext import read_wikitext

        doc = read_wikitext(text, name, **source)
        if not doc.sentences and doc.infobox is None:
            raise InputError(f"{name}: not an article (no infobox and no prose)")
        return doc
    if fmt == "prose":
        from eventledger.read.prose import read_prose

        doc = read_prose(text, name, title=source.get("title"))
        if not doc.sentences:
            raise InputError(f"{name}: not an article (no prose)")
        return doc
    if fmt == "xml":
        raise UnsupportedFormat(f"{name}: a MediaWiki XML dump holds many pages; ingest it instead")
    raise UnsupportedFormat(
        f"{name}: unknown format {fmt!r} (expected one of {', '.join(FORMATS)})"
    )


def load_text(path: str | os.PathLike[str]) -> str:
    """Read a text file for a reader, with one clear error per way it can fail.

    :raises InputError: missing, a directory, unreadable, binary, not UTF-8, or empty.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not an article file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror})") from None
    return decode(data, str(p))


def decode(data: bytes, name: str) -> str:
    """Decode article bytes as UTF-8 (BOM allowed); refuse binary data and empty input."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data[:3] == b"BZh" or data[:2] == b"\x1f\x8b" or data[:4] == b"PK\x03\x04":
        raise InputError(f"{name}: is a compressed or binary file, not an article")
    sample = data[:8192]
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if control > len(sample) // 20:  # text has next to no control bytes (a stray NUL is allowed)
        raise InputError(f"{name}: is a binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: is not UTF-8 text (byte {e.start})") from None


def read_path(path: str | os.PathLike[str], *, format: str | None = None) -> Document:
    """Read one article file. See :func:`read_text` and :func:`load_text` for the errors."""
    text = load_text(path)
    title = None
    fmt = format or detect_format(text)
    if fmt == "wikitext":
        title = Path(path).stem.replace("_", " ")
    doc = read_text(text, str(path), format=fmt, **({"title": title} if title else {}))
    # the record names its source by file name, not by where this checkout happens to keep it,
    # so that ids and the ledger's (source, title) key are the same on every machine
    doc.source.name = Path(path).name
    return doc
