"""Read the MediaWiki source of one page into a :class:`~eventledger.models.Document`.

The page is tokenised once with mwparserfromhell (C tokenizer). mwparserfromhell has no
offsets, but it is lossless (``str(parse(t)) == t``), so one recursive walk computes every
node's ``[start, end)`` by summing ``len(str(child))`` in source order (see :class:`_Walker`),
each length recorded by the tree builder (:func:`_nlen`), not by re-stringifying subtrees.
The same walk renders plain text (each character mapped to the input span it came from), finds
references and markers, infobox fields, captions and categories.

Rules, as MediaWiki applies them:

* HTML comments do not exist: nothing inside ``<!-- -->`` is read.
* A named ``<ref name=x>`` is defined once and reused by ``<ref name=x/>``; identical
  ``{{sfn}}`` calls share one footnote; references get ids ``r1, r2, …`` in order of first use.
* The last duplicate infobox parameter wins (``Infobox.get``); all are kept as fields.
* Single newlines in prose are spaces; a blank line ends a paragraph; list lines, tables,
  headings and galleries are not prose.

NUL characters are stripped before parsing (the tokenizer stops at them): ``Document.input``
is the NUL-stripped text and every span points into it. Lone surrogates become U+FFFD (same
length, see :func:`~eventledger.read.plaintext.scrub_surrogates`).
"""

from __future__ import annotations

import hashlib
import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from eventledger._gc import gc_paused
from eventledger.read.wikitext_build import Lengths
from eventledger.read.wikitext_build import parse as build_tree

from ..models import (
    Document,
    Field,
    Flag,
    Infobox,
    Link,
    MappedText,
    Marker,
    RawReference,
    Sentence,
    Source,
    Span,
)
from .plaintext import scrub_surrogates
from .sentences import split_sentences
from .wikitext_tables import (
    ANCHOR_TEMPLATES,
    BREAK_TEMPLATES,
    CITE_TEMPLATES,
    CN_TEMPLATES,
    DATE_TEMPLATES,
    FAMILY_ALIASES,
    FAMILY_PARAMS,
    FAMILY_SIDE_PARAMS,
    FIXED_TEMPLATES,
    FLAG_TEMPLATES,
    FORMAT_TEMPLATES,
    HARV_TEMPLATES,
    IMAGE_OPTION,
    ITEM_LIST_TEMPLATES,
    NON_PROSE_SECTIONS,
    NOTE_TEMPLATES,
    REFLIST_TEMPLATES,
    SFN_TEMPLATES,
    SIDE_KEYS,
    SIDE_PARAM,
    SIDED_FAMILIES,
    TOLL_PART_PARAMS,
    WIKITEXT_PARAMS,
    norm_name,
)
from .wikitext_values import render_convert, render_coord, render_date, wikidata_property

__all__ = ["read_wikitext", "title_from_name"]

# Walk modes: how newlines and list markup behave.
#: First characters of a table-markup line (``|-``, ``|cell``, ``!header``, ``{|``).
_ROW_START = ("|", "!", "{")
PROSE = "prose"  # blank line = paragraph, list lines muted, "\n" = space
FIELD = "field"  # "\n", <br>, "*" = item break
INLINE = "inline"  # everything on one line (captions, reference text)

_LIST_MARKUP = frozenset({"*", "#", ";", ":"})
_SKIP_TAGS = frozenset(
    {
        "gallery",
        "math",
        "chem",
        "score",
        "timeline",
        "syntaxhighlight",
        "source",
        "pre",
        "imagemap",
        "graph",
        "mapframe",
        "maplink",
        "templatedata",
        "includeonly",
        "hiero",
        "ce",
        "categorytree",
        "inputbox",
        "table",
        "style",
        "templatestyles",
    }
)
_BLOCK_TAGS = frozenset({"blockquote", "poem", "div", "p", "center"})
# magic words (__NOTOC__) and stray HTML tags the tokenizer left as text render nothing
#: The contents of a ``<sup>`` that is a note marker: a number, one letter or note signs.
_SUP_MARKER = re.compile(r"\s*(?:\d{1,2}|[a-zA-Z]|[*†‡§¶#]{1,3})\s*")
_MAGIC_WORD = re.compile(
    r"__[A-Z]{3,}__|</?(?:div|span|small|big|center|font|p|b|i|u|s|sup|sub)\b[^<>]*>",
    re.IGNORECASE,
)
_LANG_LINK = re.compile(r"^:?[a-z]{2,3}(?:-[a-z]+)*:")
# Heading lines are searched in "\n" + text, each with the newline before it, so that a match
# starts at its line's offset in the text: a pattern that starts with a literal is searched for
# that literal, one that starts with a MULTILINE "^" is tried at every position (ten times as
# slow over a page).
_HEADING_LINE = re.compile(r"\n==[^=\n].*?==[ \t]*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
#: Whitespace that does not stay as it is: a run of two or more, or one that is no space.
_SPACES_TO_COLLAPSE = re.compile(r"\s{2,}|[^\S ]")
_TAG_WS = re.compile(r"(?<=<ref)[\r\n\t]+", re.IGNORECASE)
#: A ``<ref>`` with its contents and its closing tag. (The contents are a run of characters
#: other than "<", then of "<" not opening the closing tag and more characters other than "<":
#: the same text as a lazy ".*?" before the closing tag, which the engine tries to end at every
#: character, and three times as fast.)
_REF_BODY = re.compile(
    r"(<ref\b[^>]*[^/>]>|<ref>)([^<]*(?:<(?!/ref\s*>)[^<]*)*)(</ref\s*>)",
    re.IGNORECASE | re.DOTALL,
)
_QUOTE_RUN = re.compile(r"'{2,}")


def _balance_ref_quotes(chunk: str) -> str:
    """Blank out (same length) a ``''``/``'''`` that a ``<ref>`` opens and never closes.

    MediaWiki closes italics and bold at the end of a footnote's text; mwparserfromhell instead
    gives up the whole ``<ref>`` tag and leaves it as plain text, so the reference is lost. The
    unclosed run is replaced by as many spaces, so every offset stays the same.
    """
    blanks: set[tuple[int, int]] = set()  # the unclosed runs (a run of 5 can be both)
    for m in _REF_BODY.finditer(chunk):
        a, b = m.span(2)
        if chunk.find("''", a, b) < 0:  # most footnotes
            continue
        italic: re.Match[str] | None = None
        bold: re.Match[str] | None = None
        for q in _QUOTE_RUN.finditer(chunk, a, b):
            n = q.end() - q.start()
            if n in (2, 5):
                italic = None if italic else q
            if n in (3, 4, 5):
                bold = None if bold else q
        blanks.update(q.span() for q in (italic, bold) if q is not None)
    if not blanks:
        return chunk
    parts = []
    last = 0
    for s, e in sorted(blanks):
        parts += (chunk[last:s], " " * (e - s))
        last = e
    parts.append(chunk[last:])
    return "".join(parts)


_YEAR = re.compile(r"^(?:c\.\s*)?\d{3,4}[a-z]?$|^n\.d\.[a-z]?$|^nd$", re.IGNORECASE)


#: Identifier templates and the prefix they render (Template:ISBN, Template:Doi, Template:OCLC,
#: Template:ISSN on English Wikipedia).
_IDENTIFIER_TEMPLATES = {
    "isbn": "ISBN",
    "isbnt": "ISBN",
    "doi": "doi:",
    "oclc": "OCLC",
    "issn": "ISSN",
}


def title_from_name(name: str) -> str:
    """Derive a page title from a file name: ``Battle_of_Hastings.wiki`` -> ``Battle of Hastings``."""
    stem = PurePath(name).name
    for suffix in (".wikitext", ".wiki", ".mediawiki", ".txt", ".wikisyntax"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return stem.replace("_", " ").strip() or name


# ---------------------------------------------------------------------------------------------
# Output buffers


#: Kinds of a run of a segment's input map (see :class:`_Seg`): every character maps to the
#: run's span; character *i* maps to ``(start + i, start + i + 1)`` within the run's outer span;
#: character *i* maps to itself, outer span and all.
_CONST, _LITERAL, _IDENTITY = 0, 1, 2


@dataclass(slots=True)
class _Seg:
    """A run of plain text (a paragraph or a list item) with the input map of its characters.

    The map is kept in runs of characters, not one entry per character (most of the text maps
    to itself, a run per text node; most segments' maps are read for a few spans only, some
    never): run *k* starts at output position ``at[k]`` (increasing; it ends where the next
    starts, the last at the end) and ``runs[k]`` is ``(start, end, outer start, outer end,
    kind)`` of its first character; the kind (``_CONST``, ``_LITERAL``, ``_IDENTITY``) says
    how the rest follow. :func:`_offsets` reads it.
    """

    section: str | None = None
    skip: bool = False
    origin: str = "body"
    chars: list[str] = field(default_factory=list)
    at: list[int] = field(default_factory=list)
    runs: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    markers: list[tuple[int, Marker]] = field(default_factory=list)
    links: list[tuple[int, int, Link]] = field(default_factory=list)


class _Out:
    """Where the walk writes plain text: a list of segments with breaks between them.

    Runs of whitespace collapse to one space, and whitespace at the start of a segment is
    dropped, so the plain text is what a reader sees.
    """

    def __init__(self, walker: _Walker, origin: str = "body") -> None:
        self.w = walker
        self.origin = origin
        self.segs: list[_Seg] = []
        self.cur: _Seg | None = None
        self.muted = False
        self.hints: dict[str, Any] = {}

    def _seg(self) -> _Seg:
        if self.cur is None:
            self.cur = _Seg(self.w.section, self.w.skip_section, self.origin)
            self.segs.append(self.cur)
        return self.cur

    def brk(self) -> None:
        """End the current paragraph or item."""
        self.cur = None

    def add(self, text: str, s: int, e: int, outer: Span, literal: bool) -> None:
        """Append *text*; a literal maps each character to itself from *s*, else to (s, e)."""
        if self.muted:
            return
        seg = self._seg()
        chars = seg.chars
        os_, oe = outer
        if text.isprintable() and "  " not in text:
            # fast path: the only whitespace is single spaces (every other whitespace character
            # is unprintable), so only a leading space can collapse
            if text[:1] == " " and (not chars or chars[-1] == " "):
                text = text[1:]
                if literal:
                    s += 1
            if not text:
                return
            seg.at.append(len(chars))
            seg.runs.append((s, s + 1, os_, oe, _LITERAL) if literal else (s, e, os_, oe, _CONST))
            chars.extend(text)
            return
        gap = True  # whether the next character kept starts a run
        for i, ch in enumerate(text):
            if ch.isspace():
                if not chars or chars[-1] == " ":
                    gap = gap or literal  # a literal run breaks where a character is dropped
                    continue
                ch = " "
            if gap:
                seg.at.append(len(chars))
                seg.runs.append(
                    (s + i, s + i + 1, os_, oe, _LITERAL) if literal else (s, e, os_, oe, _CONST)
                )
                gap = False
            chars.append(ch)

    def marker(self, m: Marker) -> None:
        if not self.muted:
            seg = self._seg()
            seg.markers.append((len(seg.chars), m))

    def pos(self) -> int:
        return len(self.cur.chars) if self.cur is not None else 0

    def link(self, start: int, link: Link) -> None:
        if not self.muted and self.cur is not None and len(self.cur.chars) > start:
            self.cur.links.append((start, len(self.cur.chars), link))

    def mark(self) -> tuple[int, _Seg | None]:
        """Where the next text goes: (position in the current segment, the segment)."""
        return self.pos(), self.cur

    def link_since(self, mark: tuple[int, _Seg | None], target: str | None, span: Span) -> None:
        """Record the text added since *mark* (a new segment: all of it) as a link."""
        start, had = mark
        if self.cur is not had:
            start = 0
        if self.cur is not None:
            self.link(start, Link("".join(self.cur.chars[start:]).strip(), target, span))


def _identity_offsets(s: int, n: int) -> tuple[list[int], list[int]]:
    """The start and end offsets of *n* characters mapped to themselves from *s*, each offset
    made once (the end list is the start list shifted by one, sharing its int objects)."""
    pos = list(range(s, s + n + 1))
    after = pos[1:]
    del pos[-1]
    return pos, after


def _extend_identity(seg: _Seg, text: str, s: int) -> None:
    """Append *text*, each character mapped to itself from input offset *s* (and its own outer
    span): one run, or the last run goes on when it maps the characters just before *s*
    (the lines of a text node and the spaces between them)."""
    chars, runs = seg.chars, seg.runs
    n = len(chars)
    if not runs or runs[-1][4] != _IDENTITY or runs[-1][0] + n - seg.at[-1] != s:
        seg.at.append(n)
        runs.append((s, s + 1, s, s + 1, _IDENTITY))
    chars.extend(text)


def _extend_words(seg: _Seg, text: str, s: int) -> None:
    """:func:`_extend_identity` for text whose only whitespace is single spaces: only a
    leading space can collapse (at the start of the segment or after a space)."""
    if text[0] == " " and (not seg.chars or seg.chars[-1] == " "):
        text = text[1:]
        s += 1
    if text:
        _extend_identity(seg, text, s)


def _trimmed(seg: _Seg) -> tuple[int, int]:
    """The segment's characters without leading and trailing spaces: ``[a, b)``."""
    chars = seg.chars
    a, b = 0, len(chars)
    while a < b and chars[a] == " ":
        a += 1
    while b > a and chars[b - 1] == " ":
        b -= 1
    return a, b


def _offsets(seg: _Seg, a: int, b: int) -> tuple[tuple[int, ...], tuple[int, ...], Span]:
    """The input start and end offsets of the segment's characters ``[a, b)``, and the input
    span they come from, their atomic nodes whole (the least outer start and the greatest
    outer end; ``(-1, -1)`` for no characters)."""
    at, runs = seg.at, seg.runs
    starts: list[int] = []
    ends: list[int] = []
    ss = se = -1  # (offsets are never negative)
    k = bisect_right(at, a) - 1
    last = len(at) - 1
    while a < b:
        s, e, os_, oe, kind = runs[k]
        stop = at[k + 1] if k < last and at[k + 1] < b else b
        n = stop - a
        skip = a - at[k]
        if kind:
            pos, after = _identity_offsets(s + skip, n)
            starts += pos
            ends += after
            if kind == _IDENTITY:  # increasing: the first character's start, the last one's end
                os_ += skip
                oe += skip + n - 1
        else:
            starts += [s] * n
            ends += [e] * n
        if os_ < ss or ss < 0:
            ss = os_
        if oe > se:
            se = oe
        a = stop
        k += 1
    return tuple(starts), tuple(ends), (ss, se)


def _mapped(seg: _Seg) -> tuple[MappedText, int, int]:
    """Return the segment's text trimmed of whitespace, with the trimmed offsets."""
    a, b = _trimmed(seg)
    starts, ends, _outer = _offsets(seg, a, b)
    return MappedText("".join(seg.chars[a:b]), starts, ends), a, b


# ---------------------------------------------------------------------------------------------
# References


@dataclass(slots=True)
class _RefDef:
    span: Span
    plain: MappedText
    group: str | None
    name: str | None
    template: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    short: bool = False
    bibliography: bool = False


class _Refs:
    """Reference definitions and uses, keyed like MediaWiki keys footnotes.

    Keys: ``("n", group, name)`` for a named ref, ``("u", start)`` for an unnamed one,
    ``("sfn", authors, year, pages)`` for short cites. Ids are given at the end, in order of
    first use; definitions never used (bibliography, unused list-defined refs) follow in
    document order.
    """

    def __init__(self) -> None:
        self.defs: dict[tuple, _RefDef] = {}
        self.def_order: list[tuple] = []
        self.uses: dict[tuple, list[Marker]] = {}
        self.use_order: list[tuple] = []

    def define(self, key: tuple, d: _RefDef) -> None:
        if key not in self.defs:  # the first definition wins
            self.defs[key] = d
            self.def_order.append(key)

    def use(self, key: tuple, m: Marker) -> None:
        if key not in self.uses:
            self.uses[key] = []
            self.use_order.append(key)
        self.uses[key].append(m)

    def finish(self, text: str) -> list[RawReference]:
        order = [k for k in self.use_order if k in self.defs]
        seen = set(order)
        order += [k for k in self.def_order if k not in seen]
        out: list[RawReference] = []
        ordinal: dict[str | None, int] = {}
        for n, key in enumerate(order, 1):
            d = self.defs[key]
            rid = f"r{n}"
            label = d.name
            if key in self.uses or not d.bibliography:
                ordinal[d.group] = ordinal.get(d.group, 0) + 1
                label = label or str(ordinal[d.group])
            for m in self.uses.get(key, ()):
                m.ref = rid
                if not m.label:
                    m.label = label or ""
            out.append(
                RawReference(
                    id=rid,
                    label=label or "",
                    text=text[d.span[0] : d.span[1]],
                    span=d.span,
                    plain=d.plain,
                    template=d.template,
                    params=d.params,
                    group=d.group,
                    short=d.short,
                    bibliography=d.bibliography,
                )
            )
        return out


# ---------------------------------------------------------------------------------------------
# The walk


def _text_of(code: Wikicode) -> str:
    """``str(code)``; a code of one text node (most names, titles and values) is its value,
    without mwparserfromhell's join over a list of its nodes' strings.

    It runs for most nodes of a page, so it reads the attributes behind the ``nodes`` and
    ``value`` properties (each property read is a Python call).
    """
    nodes = code._nodes
    if len(nodes) == 1:
        (node,) = nodes  # (not nodes[0]: a SmartList's item access is Python code)
        if type(node) is Text:
            return node._value
    return str(code)


def _blank(code: Wikicode) -> bool:
    """``not str(code).strip()``, without stringifying: only text nodes can be blank (every
    other node's source holds its markup)."""
    return all(type(node) is Text and not node.value.strip() for node in code.nodes)


def _attr(tag: Tag, name: str) -> str | None:
    for a in tag.attributes:
        if _text_of(a.name).strip().lower() == name:
            v = _text_of(a.value).strip() if a.value is not None else ""
            return v.strip("\"'").strip() or None
    return None


# Source lengths. ``len(str(node))`` re-stringifies the whole subtree, and the walk needs the
# length of every node at every depth, so the page would be stringified once per nesting
# level. The tree builder records every length as it builds the tree (``build_tree(...,
# lengths=...)``), keyed by ``id`` in a per-tree mapping (dropped with the tree).


def _clen(code: Wikicode, lens: Lengths) -> int:
    """``len(str(code))`` for a :class:`Wikicode` of the tree *lens* belongs to."""
    return lens[id(code)]


def _nlen(node: Any, lens: Lengths) -> int:
    """``len(str(node))`` for a node or template parameter of the tree *lens* belongs to."""
    return len(node.value) if type(node) is Text else lens[id(node)]


def _tag_contents_start(tag: Tag, s: int, e: int, lens: Lengths) -> int:
    """Offset of the tag's contents: the tag's end minus its closing markup and contents."""
    if tag.wiki_markup:
        close = len(tag.closing_wiki_markup or "")
    else:
        close = 3 + _clen(tag.closing_tag, lens)  # "</" closing tag ">"
    return e - close - _clen(tag.contents, lens)


def _params(tpl: Template, s: int, lens: Lengths) -> list[tuple[str, Wikicode, int, bool]]:
    """Return (name, value, value start offset, named?) for each template parameter.

    (It reads the attributes behind the template's and parameters' properties, as _text_of
    does: most templates are read here, some more than once.)
    """
    out = []
    pos = s + 2 + lens[id(tpl._name)]
    for p in tpl._params:
        name, showkey = p._name, p._showkey
        pos += 1  # the "|"
        vstart = pos + lens[id(name)] + 1 if showkey else pos
        out.append((_text_of(name).strip(), p._value, vstart, bool(showkey)))
        pos += lens[id(p)]
    return out


def _trim_span(value: Wikicode, vstart: int) -> Span:
    raw = _text_of(value)
    stripped = raw.strip()
    if not stripped:
        return (vstart, vstart)
    a = vstart + (len(raw) - len(raw.lstrip()))
    return (a, a + len(stripped))


class _Walker:
    """One walk over the parsed page; holds the page-wide state (section, refs, infoboxes)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.section: str | None = None
        self.skip_section = False
        self.refs = _Refs()
        self.flags: list[Flag] = []
        self.categories: list[str] = []
        self.infoboxes: list[tuple[Infobox, bool]] = []
        self.captions: list[_Out] = []
        self.in_ref = 0  # depth inside <ref> contents
        self.define_only = 0  # inside {{reflist|refs=}} / <references>
        self.field_label: str | None = None
        self.coords: list[tuple[tuple[float, float], Span]] = []  # {{coord|display=title}}
        self.lens: Lengths = {}  # node lengths of the trees being walked (see _nlen)
        self.temp_trees: list[Wikicode] = []  # trees parsed during the walk (see gallery)
        self.cite_cache: dict[int, tuple[Template, int, dict[str, Any]]] = {}  # cite_params

    # -- generic ------------------------------------------------------------------------------

    def walk(
        self,
        code: Wikicode,
        off: int,
        out: _Out | None,
        mode: str,
        outer: Span | None = None,
        top: bool = False,
    ) -> int:
        """Walk *code* starting at input offset *off*; return the offset after it."""
        lens = self.lens
        for node in code._nodes:  # (the attributes behind the properties, as in _text_of)
            if type(node) is Text:  # most nodes: handled here, without the dispatch in node()
                t = node._value
                if out is not None:
                    self.text_node(t, off, out, mode, outer, top)
                off += len(t)
                continue
            n = lens[id(node)]
            self.node(node, off, off + n, out, mode, outer, top)
            off += n
        return off

    def node(
        self,
        node: Node,
        s: int,
        e: int,
        out: _Out | None,
        mode: str,
        outer: Span | None,
        top: bool = False,
    ) -> None:
        if isinstance(node, Text):
            self.text_node(str(node), s, out, mode, outer, top)
        elif isinstance(node, Template):
            self.template(node, s, e, out, mode, outer or (s, e))
        elif isinstance(node, Wikilink):
            self.wikilink(node, s, e, out, mode, outer or (s, e))
        elif isinstance(node, Tag):
            self.tag(node, s, e, out, mode, outer, top)
        elif isinstance(node, HTMLEntity):
            if out is not None:
                try:
                    ch = node.normalize()
                except (ValueError, OverflowError):
                    ch = ""
                out.add(ch, s, e, outer or (s, e), literal=False)
        elif isinstance(node, ExternalLink):
            if out is None:
                return
            if node.brackets and node.title is not None:
                tstart = s + 1 + _clen(node.url, self.lens) + (0 if node.suppress_space else 1)
                self.walk(node.title, tstart, out, INLINE, outer or (s, e))
            elif not node.brackets:  # a bare URL shows as itself
                self.walk(node.url, s, out, INLINE, outer or (s, e))
        elif isinstance(node, Heading):
            self.heading(node, s, out, mode)
        elif isinstance(node, (Comment, Argument)):
            return
        # other nodes (none in mwparserfromhell 0.7) render nothing

    def text_node(
        self, t: str, s: int, out: _Out | None, mode: str, outer: Span | None, top: bool
    ) -> None:
        if out is None:
            return
        if "__" in t or "<" in t:
            parts = []
            last = 0
            for m in _MAGIC_WORD.finditer(t):
                parts.append((last, t[last : m.start()]))
                last = m.end()
            parts.append((last, t[last:]))
            for i, piece in parts:
                self.text_node_plain(piece, s + i, out, mode, outer, top)
        else:
            self.text_node_plain(t, s, out, mode, outer, top)

    def text_node_plain(
        self, t: str, s: int, out: _Out, mode: str, outer: Span | None, top: bool
    ) -> None:
        """Add literal text; newlines end items (field), paragraphs and list lines (prose).

        In prose, a line that starts with ``|`` or ``!`` (or ``{|``) is table-row markup
        outside a parsed table (rows whose ``{|`` a template opens, a table cut from its
        page) or a parameter line of an unclosed template: it is no prose, and is muted
        to its end like a list line.
        """
        if "\n" not in t or mode == INLINE or (mode == PROSE and not top):
            if mode == PROSE and top and self._row_line(t, s):
                out.brk()
                out.muted = True
            self._add(out, t, s, outer)
            return
        lines = t.split("\n")
        pos = s
        for i, line in enumerate(lines):
            if i:
                if mode == FIELD:
                    out.brk()
                elif out.muted:  # a list line ends
                    out.muted = False
                    out.brk()
                elif not line.strip() and i < len(lines) - 1:
                    out.brk()  # a blank line ends the paragraph
                else:
                    self._add(out, " ", pos - 1, outer)
            if mode == PROSE and self._row_line(line, pos):
                out.brk()
                out.muted = True
            if line:
                self._add(out, line, pos, outer)
            pos += len(line) + 1

    def _row_line(self, line: str, pos: int) -> bool:
        """Whether *line*, at input offset *pos*, starts a line with table-row markup."""
        return (
            line[:1] in _ROW_START
            and (line[:1] != "{" or line[1:2] == "|")
            and (pos == 0 or self.text[pos - 1] == "\n")
        )

    def _add(self, out: _Out, t: str, s: int, outer: Span | None) -> None:
        if outer:
            out.add(t, s, s + len(t), outer, literal=True)
        else:
            self._add_literal(out, t, s)

    @staticmethod
    def _add_literal(out: _Out, t: str, s: int) -> None:
        """Add text mapped to itself, each character its own outer span (whitespace collapsed)."""
        if out.muted or not t:
            return
        seg = out._seg()
        if t.isprintable() and "  " not in t:
            # fast path: single spaces only (all other whitespace is unprintable)
            _extend_words(seg, t, s)
            return
        # between the whitespace runs to collapse the text is as on the fast path: a run at a
        # time, not a word at a time
        chars = seg.chars
        pos = 0
        for m in _SPACES_TO_COLLAPSE.finditer(t):
            i = m.start()
            if pos < i:
                _extend_words(seg, t[pos:i], s + pos)
            if chars and chars[-1] != " ":
                _extend_identity(seg, " ", s + i)
            pos = m.end()
        if pos < len(t):
            _extend_words(seg, t[pos:], s + pos)

    def heading(self, node: Heading, s: int, out: _Out | None, mode: str) -> None:
        if out is not None:
            out.brk()
        probe = _Out(self)
        self.walk(node.title, s + node.level, probe, INLINE)
        title = "".join(probe.segs[0].chars).strip() if probe.segs else ""
        if node.level <= 3:
            self.section = title or None
            if node.level == 2:
                self.skip_section = title.lower() in NON_PROSE_SECTIONS
        if node.level == 3 and title.lower() in NON_PROSE_SECTIONS:
            self.skip_section = True
        if out is not None:
            out.brk()

    # -- links --------------------------------------------------------------------------------

    def wikilink(
        self, node: Wikilink, s: int, e: int, out: _Out | None, mode: str, outer: Span
    ) -> None:
        title = _text_of(node.title).strip()
        low = title.lower().lstrip(":")
        ns = low.split(":", 1)[0].strip() if ":" in low else ""
        if ns == "category" and not title.startswith(":"):
            self.categories.append(title.split(":", 1)[1].strip())
            return
        tstart = s + 2
        if ns in ("file", "image"):
            if node.text is not None:
                self.image(node, tstart + _clen(node.title, self.lens) + 1, s, e, out, mode)
            return
        if node.text is None and _LANG_LINK.match(title) and not title.startswith(":"):
            return  # interlanguage link
        if out is None:
            if node.text is not None:
                self.walk(node.text, tstart + _clen(node.title, self.lens) + 1, None, mode, outer)
            return
        mark = out.mark()
        if node.text is not None:
            self.walk(node.text, tstart + _clen(node.title, self.lens) + 1, out, INLINE, outer)
        else:
            raw = _text_of(node.title)
            lead = len(raw) - len(raw.lstrip())
            shown = raw.strip().lstrip(":")
            skip = lead + (len(raw.strip()) - len(shown))
            out.add(shown, tstart + skip, tstart + skip + len(shown), outer, literal=True)
        out.link_since(mark, title.lstrip(":").strip() or None, (s, e))

    def image(
        self, node: Wikilink, tstart: int, s: int, e: int, out: _Out | None, mode: str
    ) -> None:
        """Read an image link: its last non-option part is the caption (a caption sentence)."""
        groups: list[list[tuple[Any, int, int]]] = [[]]
        off = tstart
        for child in node.text.nodes:
            ln = _nlen(child, self.lens)
            if isinstance(child, Text) and "|" in str(child):
                t = str(child)
                pos = 0
                for i, piece in enumerate(t.split("|")):
                    if i:
                        groups.append([])
                    if piece:
                        groups[-1].append((piece, off + pos, off + pos + len(piece)))
                    pos += len(piece) + 1
            else:
                groups[-1].append((child, off, off + ln))
            off += ln
        caption = None
        for g in reversed(groups):
            raw = "".join(x if isinstance(x, str) else str(x) for x, _, _ in g)
            if raw.strip() and not IMAGE_OPTION.match(raw):
                caption = g
                break
        want = out is not None and mode == PROSE and not out.muted
        cap = _Out(self, origin="caption") if want else None
        for g in groups:  # refs and categories in every part; text only from the caption
            sink = cap if g is caption else None
            for x, a, b in g:
                if isinstance(x, str):
                    if sink is not None:
                        self._add_literal(sink, x, a)
                else:
                    self.node(x, a, b, sink, INLINE, None)
        if cap is not None and cap.segs:
            self.captions.append(cap)

    def gallery(self, contents: str, cstart: int, out: _Out | None, mode: str) -> None:
        """Read ``<gallery>`` lines (``File:x.jpg|caption``) that carry a ``<ref>`` as image links.

        MediaWiki renders gallery captions as wikitext, so their ``<ref>``s are footnotes;
        mwparserfromhell keeps the tag's contents as text, so each line is parsed here.
        """
        pos = 0
        for line in contents.split("\n"):
            bar = line.find("|")
            if bar > 0 and "<ref" in line.lower():  # other lines add nothing, as before
                code = build_tree(f"[[{line}]]", lengths=self.lens)
                # kept alive for the walk: the lengths are keyed by id, and a freed tree's
                # ids would be reused by the next line's tree
                self.temp_trees.append(code)
                link = code.nodes[0]
                if isinstance(link, Wikilink) and link.text is not None:
                    a = cstart + pos
                    self.image(link, a + bar + 1, a, a + len(line), out, mode)
            pos += len(line) + 1

    # -- tags ---------------------------------------------------------------------------------

    def tag(
        self,
        node: Tag,
        s: int,
        e: int,
        out: _Out | None,
        mode: str,
        outer: Span | None,
        top: bool,
    ) -> None:
        name = _text_of(node.tag).strip().lower()
        if name == "ref":
            self.ref_tag(node, s, e, out)
            return
        if name == "references":
            if node.contents is not None and not node.self_closing:
                self.define_only += 1
                self.walk(node.contents, _tag_contents_start(node, s, e, self.lens), None, INLINE)
                self.define_only -= 1
            return
        markup = node.wiki_markup
        if markup in _LIST_MARKUP or name in ("li", "dt", "dd") and markup:
            if out is not None:
                out.brk()
                if mode == PROSE and top:
                    out.muted = True
            return
        if name == "br" or name == "hr":
            if out is not None:
                if mode == FIELD:
                    out.brk()
                else:
                    out.add(" ", s, e, outer or (s, e), literal=False)
            return
        if node.self_closing or node.contents is None:
            return
        cstart = _tag_contents_start(node, s, e, self.lens)
        if name in _SKIP_TAGS or markup == "{|":
            if out is not None and mode == PROSE:
                out.brk()
            if name == "gallery" and "<ref" in str(node.contents).lower():
                self.gallery(str(node.contents), cstart, out, mode)
            else:
                self.walk(node.contents, cstart, None, INLINE)
            if out is not None and mode == PROSE:
                out.brk()
            return
        if name == "nowiki":
            if out is not None:
                c = str(node.contents)
                out.add(c, cstart, cstart + len(c), outer or (cstart, cstart + len(c)), True)
            return
        if name == "sup" and _SUP_MARKER.fullmatch(str(node.contents)):
            # "<sup>1</sup>Greece:", "<sup>2</sup>62,612": a manual note marker, no text (glued
            # to the next word it made "1Greece:" a label nobody wrote, and 262,612 a figure)
            if out is not None:
                out.add(" ", s, e, outer or (s, e), literal=False)
            return
        block = name in _BLOCK_TAGS and mode == PROSE
        if block and out is not None:
            out.brk()
        self.walk(node.contents, cstart, out, mode, outer, top and not block)
        if block and out is not None:
            out.brk()

    def ref_tag(self, node: Tag, s: int, e: int, out: _Out | None) -> None:
        """Register a ``<ref>``: a definition when it has contents, a use unless list-defined."""
        name = _attr(node, "name")
        group = _attr(node, "group")
        body = None if node.self_closing or node.contents is None else node.contents
        has_body = body is not None and not _blank(body)
        if not has_body and not name:
            return
        key: tuple = ("n", group, name) if name else ("u", s)
        if not self.define_only:  # the use comes first: refs nested in its body number after it
            m = Marker(label=name or "", span=(s, e))
            self.refs.use(key, m)
            if out is not None:
                out.marker(m)
        if has_body:
            assert body is not None
            self.define_ref(
                key, body, _tag_contents_start(node, s, e, self.lens), (s, e), group, name
            )

    def define_ref(
        self,
        key: tuple,
        body: Wikicode,
        cstart: int,
        span: Span,
        group: str | None,
        name: str | None,
    ) -> None:
        rend = _Out(self)
        self.in_ref += 1
        self.walk(body, cstart, rend, INLINE)
        self.in_ref -= 1
        plain = _join_segments(rend)
        d = _RefDef(span, plain, group, name)
        # the first cite or short-cite template at the top level of the body names the kind
        off = cstart
        for child in body.nodes:
            ln = _nlen(child, self.lens)
            if isinstance(child, Template):
                nm = norm_name(_text_of(child.name))
                if _is_cite(nm):
                    d.template, d.params = nm, self.cite_params(child, off)
                    break
                if nm in SFN_TEMPLATES or nm in HARV_TEMPLATES:
                    d.template, d.params, d.short = nm, self.short_params(child, off), True
                    break
            off += ln
        self.refs.define(key, d)

    # -- templates ----------------------------------------------------------------------------

    def template(
        self, node: Template, s: int, e: int, out: _Out | None, mode: str, outer: Span
    ) -> None:
        nm = norm_name(_text_of(node.name))
        if nm.startswith("infobox"):
            self.infobox(node, nm, s, e)
            return
        if _is_cite(nm):
            if not self.in_ref and (self.skip_section or (out is not None and out.muted)):
                plain = self.render_cite(node, s, e)
                self.refs.define(
                    ("b", s),
                    _RefDef(
                        (s, e),
                        plain,
                        None,
                        None,
                        nm,
                        self.cite_params(node, s),
                        bibliography=True,
                    ),
                )
            elif out is not None and self.in_ref:
                rend = self.render_cite(node, s, e)
                if not out.muted and rend.text:
                    seg = out._seg()
                    seg.at.append(len(seg.chars))
                    seg.runs.append((s, e, outer[0], outer[1], _CONST))
                    seg.chars.extend(rend.text)
            return
        if nm in SFN_TEMPLATES or (nm in HARV_TEMPLATES and not self.in_ref):
            self.short_cite(node, nm, s, e, out, outer)
            return
        if nm in ANCHOR_TEMPLATES:  # the anchor a full citation's ref= gives short cites
            if out is not None:
                p = self.short_params(node, s)
                anchor = "CITEREF" + "".join(p.get("authors", [])) + str(p.get("year", ""))
                out.add(anchor, s, e, outer, literal=False)
            return
        if nm in HARV_TEMPLATES:  # inside a ref: render author and year
            if out is not None:
                p = self.short_params(node, s)
                txt = " ".join(p.get("authors", [])) + (" " + p["year"] if p.get("year") else "")
                if p.get("pages"):
                    txt += ", p. " + p["pages"]
                out.add(txt, s, e, outer, literal=False)
            return
        if nm in NOTE_TEMPLATES:
            self.note_template(node, nm, s, e, out)
            return
        if nm in CN_TEMPLATES:
            self.flags.append(Flag("CITATION_NEEDED", "citation needed", (s, e)))
            if nm.endswith("span"):
                self.first_positional(node, s, out, mode, outer)
            return
        if nm in REFLIST_TEMPLATES:
            for pname, value, vstart, _ in _params(node, s, self.lens):
                if pname.lower() in ("refs", "notes"):
                    self.define_only += 1
                    self.walk(value, vstart, None, INLINE)
                    self.define_only -= 1
            return
        if nm.startswith("#property") or nm.startswith("#invoke:wikidata") or nm == "wikidata":
            prop = wikidata_property(str(node.name), *(str(p.value) for p in node.params))
            self.flags.append(
                Flag(
                    "VALUE_FROM_WIKIDATA",
                    f"value of {self.field_label or 'a field'} comes from Wikidata"
                    + (f" ({prop})" if prop else ""),
                    (s, e),
                )
            )
            if out is not None and prop:
                out.hints["wikidata"] = prop
            return
        if nm == "coord" or nm == "coor" or nm.startswith("coord "):
            display = "".join(str(p.value) for p in node.params if str(p.name).strip() == "display")
            if "t" in display.lower() and self.field_label is None:  # display=title / it / t
                ll = render_coord([str(p.value) for p in node.params if not p.showkey])[1]
                if ll is not None:
                    self.coords.append((ll, (s, e)))
        if out is None:
            self.walk_params(node, s)
            return
        if nm in DATE_TEMPLATES:
            pos_args = [str(p.value) for p in node.params if not p.showkey]
            named = {str(p.name).strip().lower(): str(p.value) for p in node.params if p.showkey}
            if nm == "julgregdatum":
                # {{julgregdatum|d|m|y}} (a Julian date with its Gregorian one): day month year
                pos_args = pos_args[2::-1] if len(pos_args) >= 3 else []
            if not pos_args and named.get("display"):
                # {{start-date|display=26 May 1798|iso8601=1798-05-26}}
                pos_args = [named["display"]]
            if nm in ("start and end dates", "start and end date"):
                # {{start and end dates|y1|m1|d1|y2|m2|d2}}
                t1, iso1 = render_date(pos_args[:3], named)
                t2, iso2 = render_date(pos_args[3:6], named)
                out.add(f"{t1} – {t2}" if t2 else t1, s, e, outer, literal=False)
                self._date_hint(out, "start", iso1)
                self._date_hint(out, "end", iso2)
                return
            txt, iso = render_date(pos_args, named)
            out.add(txt, s, e, outer, literal=False)
            self._date_hint(out, "end" if nm.startswith("end date") else "start", iso)
            return
        if nm == "coord" or nm == "coor" or nm.startswith("coord "):
            txt, ll = render_coord([str(p.value) for p in node.params if not p.showkey])
            display = "".join(str(p.value) for p in node.params if str(p.name).strip() == "display")
            if mode != PROSE or not display or "inline" in display:  # display=title: not in text
                out.add(txt, s, e, outer, literal=False)
            if ll is not None:
                out.hints.setdefault("coord", ll)
            return
        if nm in ("convert", "cvt"):
            out.add(
                render_convert([str(p.value) for p in node.params if not p.showkey]),
                s,
                e,
                outer,
                literal=False,
            )
            return
        if nm in FLAG_TEMPLATES or nm.startswith("flagicon"):
            args = [str(p.value).strip() for p in node.params if not p.showkey]
            if args and args[0]:
                out.hints.setdefault("flag_country", []).append(args[0])
                # where it stands: a flag that opens a casualty line labels its contingent
                out.hints.setdefault("flag_at", []).append((args[0], s))
                if FLAG_TEMPLATES.get(nm, False):
                    named = {str(p.name).strip(): str(p.value).strip() for p in node.params}
                    mark = out.mark()
                    out.add(named.get("name") or args[0], s, e, outer, literal=False)
                    # {{flag|Muscat and Oman}} links the country it names, as a wikilink does:
                    # one name ("Muscat and Oman" is no pair of actors)
                    out.link_since(mark, args[0], (s, e))
            return
        if nm in _IDENTIFIER_TEMPLATES:
            # {{ISBN|978-…}} renders "ISBN 978-…" (Template:ISBN): the identifier is text
            args = [str(p.value).strip() for p in node.params if not p.showkey]
            if args and args[0]:
                out.add(f"{_IDENTIFIER_TEMPLATES[nm]} {args[0]}", s, e, outer, literal=False)
            return
        if nm in BREAK_TEMPLATES:
            # {{-}}, {{br}}, {{clear}}: a line break, like <br> ("{{flag|France}}{{-}}{{flag|
            # United Kingdom}}" are two combatants, not "FranceUnited Kingdom")
            if mode == FIELD:
                out.brk()
            else:
                out.add(" ", s, e, outer, literal=False)
            return
        if nm in ("oldstyledate", "oldstyledatedy", "oldstyledateny"):
            # {{OldStyleDate|19 March|1631|9 March}} renders "19 March [O.S. 9 March] 1631":
            # the new-style date and the year are the date; the old style is a remark
            pos = [str(v).strip() for _p, v, _vs, named in _params(node, s, self.lens) if not named]
            if len(pos) >= 2 and pos[0] and pos[1]:
                out.add(f"{pos[0]} {pos[1]}", s, e, outer, literal=False)
            return
        if nm in FIXED_TEMPLATES:
            out.add(FIXED_TEMPLATES[nm], s, e, outer, literal=False)
            if nm in ("circa", "c.", "ca.", "c"):
                self.first_positional(node, s, out, mode, outer)
            return
        if nm in ITEM_LIST_TEMPLATES:
            for _pname, value, vstart, named in _params(node, s, self.lens):
                if named:
                    continue
                if mode == FIELD:
                    out.brk()
                self.walk(value, vstart, out, mode if mode == FIELD else INLINE, outer)
                if mode == FIELD:
                    out.brk()
                else:
                    out.add(", ", s, e, outer, literal=False)
            return
        if nm == "sortname":
            args = [(v, vs) for _, v, vs, named in _params(node, s, self.lens) if not named][:2]
            for i, (v, vs) in enumerate(args):
                if i:
                    out.add(" ", s, e, outer, literal=False)
                self.walk(v, vs, out, INLINE, outer)
            return
        index = FORMAT_TEMPLATES.get(nm)
        if index is None and nm.startswith("lang-"):
            index = 1
        if nm == "resize" and sum(1 for p in node.params if not p.showkey) >= 2:
            index = 2  # {{resize|95%|text}}: the size first, then the text
        if index is not None:
            self.first_positional(node, s, out, mode, outer, index)
            return
        self.walk_params(node, s)  # unknown template: renders nothing, refs inside still count

    def _date_hint(self, out: _Out, which: str, iso: str | None) -> None:
        if iso:
            hint = out.hints.setdefault("date", {})
            if which == "start" and "start" in hint and "end" not in hint and iso > hint["start"]:
                # "{{start date|1941|06|22}} – {{start date|1945|05|25}}": a second start date
                # template after the first is the range's end
                which = "end"
            hint.setdefault(which, iso)

    def first_positional(
        self,
        node: Template,
        s: int,
        out: _Out | None,
        mode: str,
        outer: Span,
        index: int = 1,
    ) -> None:
        n = 0
        for _pname, value, vstart, named in _params(node, s, self.lens):
            if named:
                if _pname == str(index):
                    self.walk(value, vstart, out, mode if mode != PROSE else INLINE, outer)
                continue
            n += 1
            if n == index:
                self.walk(value, vstart, out, mode if mode != PROSE else INLINE, outer)
            else:
                self.walk(value, vstart, None, INLINE)

    def walk_params(self, node: Template, s: int) -> None:
        for _pname, value, vstart, _ in _params(node, s, self.lens):
            self.walk(value, vstart, None, INLINE)

    def note_template(self, node: Template, nm: str, s: int, e: int, out: _Out | None) -> None:
        """``{{efn|text}}``/``{{refn|group=g|text}}``: a footnote, like ``<ref group=...>``."""
        params = _params(node, s, self.lens)
        named = {p.lower(): str(v).strip() for p, v, _, k in params if k}
        group = named.get("group") or NOTE_TEMPLATES[nm]
        name = named.get("name") or None
        body = None
        for pname, value, vstart, is_named in params:
            if (not is_named or pname == "1") and not _blank(value):
                body = (value, vstart)
                break
        key: tuple = ("n", group, name) if name else ("u", s)
        if body is None and not name:
            return
        if not self.define_only:
            m = Marker(label=name or "", span=(s, e))
            self.refs.use(key, m)
            if out is not None:
                out.marker(m)
        if body is not None:
            self.define_ref(key, body[0], body[1], (s, e), group, name)

    def short_params(self, node: Template, s: int) -> dict[str, Any]:
        """Split ``{{sfn|Author1|Author2|Year|p=N}}`` into authors, year and pages."""
        positional = [_text_of(p.value).strip() for p in node.params if not p.showkey]
        named = {k: v for k, v in self.cite_params(node, s).items() if not k.isdigit()}
        params: dict[str, Any] = {}
        year_at = None
        for i in range(len(positional) - 1, -1, -1):
            if _YEAR.match(positional[i]):
                year_at = i
                break
        if year_at is None and len(positional) > 1:
            year_at = len(positional) - 1
        authors = positional[:year_at] if year_at is not None else positional
        params["authors"] = [a for a in authors if a]
        if year_at is not None:
            params["year"] = positional[year_at]
        pages = named.get("p") or named.get("pp") or named.get("page") or named.get("pages")
        if pages:
            params["pages"] = pages
        if named.get("loc"):
            params["loc"] = named["loc"]
        for k, v in named.items():
            params.setdefault(k, v)
        return params

    def short_cite(
        self, node: Template, nm: str, s: int, e: int, out: _Out | None, outer: Span
    ) -> None:
        """``{{sfn}}`` and in-text ``{{harv}}``: a short reference; identical calls share it."""
        p = self.short_params(node, s)
        key = (
            "sfn",
            tuple(a.lower() for a in p.get("authors", [])),
            str(p.get("year", "")).lower(),
            str(p.get("pages", "")),
            str(p.get("loc", "")),
        )
        txt = " ".join(p.get("authors", [])) + (" " + p["year"] if p.get("year") else "")
        if p.get("pages"):
            txt += ", p. " + p["pages"]
        plain = MappedText(txt, (s,) * len(txt), (e,) * len(txt))
        self.refs.define(key, _RefDef((s, e), plain, None, None, nm, p, short=True))
        if out is not None and nm == "harvtxt":
            authors = " & ".join(p.get("authors", []))
            out.add(f"{authors} ({p.get('year', '')})", s, e, outer, literal=False)
        if not self.define_only:
            m = Marker(label="", span=(s, e))
            self.refs.use(key, m)
            if out is not None:
                out.marker(m)

    def cite_params(self, node: Template, s: int) -> dict[str, Any]:
        """The cite template's parameters as plain text, by (lower-cased) name.

        A cite template in a ``<ref>`` is read twice (rendered in the footnote's text, then kept
        as the reference's parameters): the second call returns the first call's dict.
        """
        hit = self.cite_cache.get(id(node))
        if hit is not None and hit[0] is node and hit[1] == s:
            return hit[2]
        params: dict[str, Any] = {}
        self.cite_cache[id(node)] = (node, s, params)
        for pname, value, vstart, named in _params(node, s, self.lens):
            key = pname.lower() if named else pname
            raw = _text_of(value)
            if not raw.strip():
                continue
            if "__" not in raw and "<" not in raw and all(type(n) is Text for n in value.nodes):
                # plain text (most values): the walk would only collapse whitespace runs to
                # one space and trim, which is what split/join does (same isspace rule)
                params[key] = " ".join(raw.split())
                continue
            rend = _Out(self)
            self.walk(value, vstart, rend, INLINE)
            params[key] = _joined_text(rend).strip()
        return params

    def render_cite(self, node: Template, s: int, e: int) -> MappedText:
        """Render a cite template as a short readable line, mapped to the template's span."""
        p = self.cite_params(node, s)
        who = p.get("author") or p.get("last") or p.get("last1") or p.get("author1") or ""
        if who and (p.get("first") or p.get("first1")):
            who += ", " + (p.get("first") or p.get("first1"))
        parts = [
            who,
            f"({p['date'] or p.get('year', '')})" if p.get("date") else p.get("year", ""),
            p.get("title", ""),
            p.get("work") or p.get("journal") or p.get("newspaper") or p.get("website") or "",
            p.get("publisher", ""),
            ("p. " + p["page"])
            if p.get("page")
            else ("pp. " + p["pages"] if p.get("pages") else ""),
        ]
        txt = ". ".join(x for x in parts if x)
        return MappedText(txt, (s,) * len(txt), (e,) * len(txt))

    # -- infoboxes ----------------------------------------------------------------------------

    def infobox(self, node: Template, nm: str, s: int, e: int) -> None:
        raw_family = nm[len("infobox") :].strip()
        family = FAMILY_ALIASES.get(raw_family, raw_family) or None
        box = Infobox(family, (s, e))
        self.infoboxes.append((box, raw_family in FAMILY_ALIASES))
        params = _params(node, s, self.lens)
        overrides = FAMILY_PARAMS.get(family or "", {})
        side_params = FAMILY_SIDE_PARAMS.get(family or "", {})
        toll_parts = TOLL_PART_PARAMS.get(family or "", frozenset())
        has_side3 = any(
            re.match(r"^(?:combatant|side)\s*3\s*[a-z]?$", norm_name(p)) and str(v).strip()
            for p, v, _, k in params
        )
        saved = self.section, self.skip_section
        for label, value, vstart, _named in params:
            pname = norm_name(label)
            side = None
            key = overrides.get(pname) or WIKITEXT_PARAMS.get(pname)
            if key is None and pname in side_params:
                key, side = side_params[pname]
            elif key is None:
                m = SIDE_PARAM.match(pname) if family in SIDED_FAMILIES else None
                if m:
                    key, side = SIDE_KEYS[m.group(1)], int(m.group(2))
                    if key == "casualties" and side == 3 and not has_side3:
                        key, side = "casualties_other", None
                else:
                    key = label.strip().lower()
            span = _trim_span(value, vstart)
            out = _Out(self, origin="infobox")
            self.field_label = label
            self.walk(value, vstart, out, FIELD, top=True)
            self.field_label = None
            items = []
            markers: list[Marker] = []
            links: list[Link] = []
            for seg in out.segs:
                mt, _a, _b = _mapped(seg)
                markers.extend(m for _, m in seg.markers)
                links.extend(link for _, _, link in seg.links)
                if mt.text:
                    items.append(mt)
            box.fields.append(
                Field(
                    label=label,
                    key=key,
                    text=self.text[span[0] : span[1]],
                    span=span,
                    plain=MappedText.join(items, "\n") if items else MappedText.empty(),
                    items=items,
                    markers=markers,
                    links=links,
                    side=side,
                    hints={**out.hints, "toll_part": True} if pname in toll_parts else out.hints,
                )
            )
        self.section, self.skip_section = saved


def _is_cite(nm: str) -> bool:
    return nm.startswith("cite ") or nm in CITE_TEMPLATES


def _join_segments(out: _Out) -> MappedText:
    parts = [m for m in (_mapped(seg)[0] for seg in out.segs) if m.text]
    return MappedText.join(parts, " ") if parts else MappedText.empty()


def _joined_text(out: _Out) -> str:
    """``_join_segments(out).text``, without the input map."""
    return " ".join(t for t in ("".join(seg.chars).strip(" ") for seg in out.segs) if t)


# ---------------------------------------------------------------------------------------------
# Sections and sentences


def _section_starts(text: str) -> list[int]:
    """Offsets where a level-2 heading line starts (outside comments): independent chunks."""
    comments = [(m.start(), m.end()) for m in _COMMENT.finditer(text)] if "<!--" in text else []
    starts = [0]
    ci = 0
    for m in _HEADING_LINE.finditer("\n" + text):
        p = m.start()  # (of its newline in "\n" + text: of the line in text)
        while ci < len(comments) and comments[ci][1] <= p:
            ci += 1
        if ci < len(comments) and comments[ci][0] <= p:
            continue
        if p > 0:
            starts.append(p)
    return starts


def _sentences(
    text: str, segs: list[tuple[_Seg, str]], wrappers: dict[int, int], closers: dict[int, int]
) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = -1
    for seg, origin in segs:
        if seg.skip:
            continue
        a, b = _trimmed(seg)
        if a == b:
            continue
        plain = "".join(seg.chars[a:b])
        pieces = split_sentences(plain)
        if not pieces:
            continue
        paragraph += 1
        # markers: inside a sentence or right after its final stop belong to it
        assigned: list[list[Marker]] = [[] for _ in pieces]
        piece_starts = [ps for ps, _pe in pieces]  # increasing
        for pos, m in seg.markers:
            # inside sentence k, or between its stop and the next sentence's first character:
            # the last sentence starting before the marker (the first if none does)
            k = bisect_left(piece_starts, pos - a) - 1
            assigned[k if k > 0 else 0].append(m)
        for i, (ps, pe) in enumerate(pieces):
            starts, ends, (ss, se) = _offsets(seg, a + ps, a + pe)
            for _ in range(3):
                ss = wrappers.get(ss, ss)
                se = closers.get(se, se)
            links = [link for ls, le, link in seg.links if ls - a < pe and le - a > ps]
            out.append(
                Sentence(
                    id=f"s{len(out) + 1}",
                    text=text[ss:se],
                    span=(ss, se),
                    plain=MappedText(plain[ps:pe], starts, ends),
                    paragraph=paragraph,
                    markers=assigned[i],
                    links=links,
                    section=seg.section,
                    origin=origin,
                )
            )
    return out


def _wrappers(
    code: Wikicode, off: int, opens: dict[int, int], closes: dict[int, int], cache: Lengths
) -> None:
    """Record bold/italic/inline tags at the top level: content start -> tag start, etc."""
    for node in code._nodes:  # (the attributes behind the properties, as in _text_of)
        if type(node) is Text:  # most top-level nodes
            off += len(node._value)
            continue
        n = cache[id(node)]
        if isinstance(node, Tag) and node.contents is not None and not node.self_closing:
            name = _text_of(node.tag).lower()
            if node.wiki_markup in ("''", "'''") or name in ("b", "i", "span", "small", "u", "em"):
                cs = _tag_contents_start(node, off, off + n, cache)
                ce = cs + _clen(node.contents, cache)
                opens[cs] = off
                closes[ce] = off + n
                _wrappers(node.contents, cs, opens, closes, cache)
        off += n


# ---------------------------------------------------------------------------------------------
# Entry point


#: "[[[target|label]] words]": a square bracket around a wikilink and a few words.
_BRACKETED_LINK = re.compile(
    # (after a word, and with words after the link: not a whole value "[[[Hamas]] militants]"
    # nor the typo "[[[Taliban]]]")
    r"(?<=\w )\[(\[\[[^\[\]\n]{1,200}\]\]\s+[^\[\]\s][^\[\]\n]{0,80})\]"
)


@gc_paused
def read_wikitext(
    text: str,
    name: str,
    *,
    title: str | None = None,
    revision: str | None = None,
    page_id: str | None = None,
    timestamp: str | None = None,
    language: str | None = "en",
    max_bytes: int = 2 << 20,
    max_seconds: float = 20.0,
) -> Document:
    """Read the wikitext of one page into a :class:`Document` with spans into the input.

    NUL characters are removed first, so ``Document.input`` is the NUL-stripped text and all
    spans point into it. A page over *max_bytes* (UTF-8) is read only up to the last section
    start before the limit and gets a ``PAGE_TOO_LARGE`` flag; the page is parsed section by
    section (level-2 headings), and when *max_seconds* run out the remaining sections are
    skipped with a ``PARSE_TIMEOUT`` flag. Neither raises: the document holds what was read.

    :param text: the page's wikitext.
    :param name: the file or dump name (``Battle_of_Hastings.wiki``); the title defaults to it.

    >>> doc = read_wikitext("'''X''' happened.<ref>{{cite web|title=T}}</ref>", "X.wiki")
    >>> doc.title, doc.sentences[0].plain.text, doc.references[0].template
    ('X', 'X happened.', 'cite web')
    """
    t0 = time.monotonic()
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate cannot be encoded
        # (scrubbing every page searched it for surrogates, a regex step per character)
        text = scrub_surrogates(text)
        encoded = text.encode("utf-8")
    doc = Document(
        source=Source(
            format="wikitext",
            name=name,
            sha256=hashlib.sha256(encoded).hexdigest(),
            revision=revision,
            language=language,
            page_id=page_id,
            timestamp=timestamp,
        ),
        input=text,
        title=title or title_from_name(name),
    )
    starts = _section_starts(text)
    limit = len(text)
    size = len(encoded)
    if size > max_bytes:
        cut = min(max_bytes, len(text))
        before = [p for p in starts if 0 < p <= cut]
        limit = before[-1] if before else cut
        doc.flags.append(
            Flag("PAGE_TOO_LARGE", f"page is {size} bytes; read the first {limit} characters")
        )
    bounds = [p for p in starts if p < limit] + [limit]
    walker = _Walker(text)
    out = _Out(walker)
    opens: dict[int, int] = {}
    closes: dict[int, int] = {}
    for a, b in zip(bounds, bounds[1:], strict=False):
        if time.monotonic() - t0 > max_seconds:
            doc.flags.append(
                Flag(
                    "PARSE_TIMEOUT",
                    f"parsing stopped after {max_seconds:g} s; text from offset {a} not read",
                    (a, len(text)),
                )
            )
            break
        chunk = text[a:b]
        if "<ref\n" in chunk or "<ref\t" in chunk or "<ref\r" in chunk:
            # MediaWiki allows "<ref\nname=x>", the tokenizer does not: same-length fix
            chunk = _TAG_WS.sub(lambda m: " " * len(m.group()), chunk)
        if "''" in chunk and "<ref" in chunk:
            chunk = _balance_ref_quotes(chunk)
        if "[[[" in chunk:
            # "28 September [[[Old Style and New Style dates|O.S.]] 17 September] 1773": a
            # bracket around a link, which the tokenizer reads as no link (its "|" then splits
            # the template's parameter); read as a parenthesis, same length
            chunk = _BRACKETED_LINK.sub(lambda m: "(" + m.group(1) + ")", chunk)
        walker.lens = {}  # ids of the previous tree's nodes may be reused
        code = build_tree(chunk, lengths=walker.lens)
        out.brk()
        out.muted = False
        walker.walk(code, a, out, PROSE, top=True)
        _wrappers(code, a, opens, closes, walker.lens)
    blocks: list[tuple[_Seg, str]] = [(seg, "body") for seg in out.segs]
    for cap in walker.captions:
        blocks.extend((seg, "caption") for seg in cap.segs)
    blocks.sort(key=lambda sb: sb[0].runs[0][0] if sb[0].runs else 0)  # the first start
    doc.sentences = _sentences(text, blocks, opens, closes)
    doc.references = walker.refs.finish(text)
    for box, is_event in walker.infoboxes:
        if is_event and doc.infobox is None:
            doc.infobox = box
        else:
            doc.other_infoboxes.append(box)
    for f in (f for box, _ in walker.infoboxes for f in box.fields):
        f.refs = [m.ref for m in f.markers if m.ref]
    doc.flags.extend(walker.flags)
    doc.categories = walker.categories
    doc.coords = walker.coords
    _plain_bibliography(doc, limit)
    return doc


#: Sections whose list items are works cited in full (their cite templates already are).
_BIB_SECTIONS = frozenset(
    {
        "references",
        "bibliography",
        "sources",
        "works cited",
        "literature",
        "further reading",
        "general references",
        "primary sources",
        "secondary sources",
        "sources and references",
        "citations",
    }
)
_ANY_HEADING = re.compile(r"\n(=+)\s*(.*?)\s*\1[ \t]*$", re.MULTILINE)  # in "\n" + text
_BIB_ITEM = re.compile(r"^[*#:]+[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_HAS_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
_TITLE_MARKUP = re.compile(r"<!--.*?-->|'{2,}")


def _plain_bibliography(doc: Document, limit: int) -> None:
    """Plain-text list items of a bibliography section become bibliography entries.

    ``* [[David J. Eicher|Eicher, David J.]] ''The Longest Night''. New York: Simon & Schuster,
    2001.`` is a work cited in full, written without a cite template, so that short citations
    (``Eicher, p. 687``) can resolve to it. Items with a cite template or a ``<ref`` are left
    alone (the walk read them), and so is anything without a year (links, notes).
    """
    text = doc.input
    heads = [  # (start and end in text)
        (m.start(), m.end() - 1, m.group(2))
        for m in _ANY_HEADING.finditer("\n" + text)
        if m.start() < limit
    ]
    for k, (_, hend, title) in enumerate(heads):
        if _TITLE_MARKUP.sub("", title).strip().lower() not in _BIB_SECTIONS:
            continue
        end = heads[k + 1][0] if k + 1 < len(heads) else limit
        for m in _BIB_ITEM.finditer(text, hend, end):
            item = m.group(1)
            low = item.lower()
            if "<ref" in low or "{{cite" in low or "{{citation" in low or "<!--" in low:
                continue
            if not _HAS_YEAR.search(item) or len(item) < 20:
                continue
            w = _Walker(text)
            out = _Out(w)
            w.walk(build_tree(item, lengths=w.lens), m.start(1), out, INLINE)
            plain = _join_segments(out)
            if not plain.text.strip():
                continue
            n = len(doc.references) + 1
            doc.references.append(
                RawReference(
                    f"r{n}", str(n), item, (m.start(1), m.end(1)), plain, bibliography=True
                )
            )
