"""Reader for Markdown, or plain prose with no infobox: claims come from sentences only.

How a prose document is read:

* **front matter** (a YAML block between ``---`` lines at the very start) is metadata, not
  body. Its ``subject:`` or ``title:`` is the title; ``description:`` repeats the lead and is
  skipped, as are tags and the publication date (``pubDate:``): they are not sentences. Its
  ``date:`` and ``place:`` (``location:``) keys carry the page's infobox values (front-lines
  exports copy them from the article's infobox: ``date: [31 May – 27 August 2016]``, ``place:
  [Aleppo Governorate, Syria]``): they become the fields of an infobox with no template
  family, each item mapped to its span, so the event is dated and placed by them as by an
  infobox;
* the **title** is, in order: the front matter's ``subject:``/``title:``; the first line when it
  is a ``# `` heading or a short line that does not read as prose (a title line, written
  ``2022_Istanbul_bombing`` by some exporters, whose underscores are read as spaces); the first
  ``# `` heading; the first line;
* **headings** (``#``…``######``, setext ``===``/``---`` underlines, and a paragraph that is
  only bold text, ``**May 24**``) open a section; sentences before the first heading are the
  lead (section None), as in the other readers;
* **paragraphs** are runs of lines between blank lines and block markup; they are split into
  sentences with :func:`eventledger.read.sentences.split_sentences` on their plain text. Two
  sentences glued without a space (``others.No group``, an exporter's join) are split;
* **inline markup** is removed but mapped: ``**x**``/``__x__``/``*x*``/``_x_`` give ``x``,
  ``[text](url)`` gives ``text`` and a :class:`Link`, images, HTML tags and comments vanish,
  entities are decoded, backslash escapes keep the escaped character;
* **footnote markers** ``[^1]`` and ``[1]`` (also ``[a]``, ``[note 1]``) become :class:`Marker` s
  when the document has a footnote list (``[^1]: …`` definitions, or a numbered list under a
  References/Notes heading) and are removed from the plain text with the space before them.
  Without any footnote list there is nothing for a marker to point to: the markers are removed,
  the sentences stay unsourced, and one ``MARKER_WITHOUT_REFERENCE`` flag says so;
* **not sentences**: list items (as in the wikitext reader), tables, block quotes, code blocks,
  images, horizontal rules, and everything under a References/Notes/Sources/See also/External
  links heading (numbered or bulleted entries there are the reference list).

Everything keeps its span into the input; every plain character maps to the input.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field

from eventledger.models import (
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
from eventledger.read.plaintext import _BIB_HEADINGS as _PLAIN_BIB_HEADINGS
from eventledger.read.plaintext import _REF_HEADINGS as _PLAIN_REF_HEADINGS
from eventledger.read.plaintext import scrub_surrogates
from eventledger.read.sentences import split_sentences

__all__ = ["read_prose", "looks_like_markdown"]

_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>.*?)[ \t]*$")
_ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[*+•-]|\d{1,4}[.)])(?:[ \t]+|$)")
_TABLE = re.compile(r"^[ \t]*\|")
_QUOTE = re.compile(r"^ {0,3}>")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*")
_BRACKET_REF = re.compile(r"^ {0,3}\[(?P<label>\d{1,4})\][ \t]+")

_JUNK_LINE = re.compile(r"^[ \t]*(?:\[object Object\][ \t]*)+$")  # a JavaScript export artefact
_BOLD_LINE = re.compile(r"^[ \t]*(\*\*|__)(?P<text>[^*_\n]{1,80}?)\1:?[ \t]*$")

# inline markup
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"(`+)(?P<code>.+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_REF_TAG = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: a link target: parentheses may nest two deep (``File_X_(15th_MEU_(SOC)).jpg``)
_URL = r"(?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*"
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(" + _URL + r"(?:[ \t]+\"[^\"]*\")?\)")
_LINK = re.compile(
    r"\[(?P<text>[^\[\]\n]+)\]\((?P<url><[^>\n]*>|" + _URL + r")"
    r"(?:[ \t]+\"[^\"]*\")?\)"
)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^\s<>]+)>")
_MARKER = re.compile(
    r"\[(?:\^(?P<fn>[^\]\s]{1,40})|(?P<num>\d{1,4}|[A-Z‡†*]{1,2} \d{1,3})|"
    r"(?P<alpha>[a-z]{1,2}|note \d{1,3}|nb \d{1,3}|[ivx]{1,5}))\](?![(:])"
)
#: rendered template chrome that is neither text nor a citation
_CHROME = re.compile(r"[ \t]*\[(?:update|Wikidata|edit)\]")
_CITATION_NEEDED = re.compile(
    r"\[(?:citation needed|better source needed|clarification needed|according to whom\?|"
    r"by whom\?|when\?|which\?|who\?|page needed|verification needed|dubious(?: – discuss)?|"
    r"unreliable source\?|failed verification)\]",
    re.IGNORECASE,
)
_OBJECT = re.compile(r"\[object Object\]")
_IMAGE_LINE = re.compile(r"^[ \t]*(?:!\[[^\]\n]*\]\(" + _URL + r"(?:[ \t]+\"[^\"]*\")?\)[ \t]*)+$")
_STRONG = re.compile(r"(\*\*|__)(?=[^\s*_])(?P<body>.+?)(?<=[^\s*_])\1")
_EM_STAR = re.compile(r"(?<![*\\])\*(?=[^\s*])(?P<body>[^*]+?)(?<=[^\s*])\*(?!\*)")
_EM_UNDER = re.compile(r"(?<![\w\\])_(?=[^\s_])(?P<body>[^_]+?)(?<=[^\s_])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(?P<body>.+?)(?<=\S)~~")
#: two sentences an exporter glued together without a space ("others.No group claimed")
_GLUED = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"”’)]*(?=[A-Z][A-Za-z])")

#: The plain-text reader's reference and bibliography headings, and the ones Markdown
#: exports add.
_REF_HEADINGS = _PLAIN_REF_HEADINGS | {"explanatory notes", "general references", "cited sources"}
_BIB_HEADINGS = _PLAIN_BIB_HEADINGS | {"general references", "cited sources"}
_LINKS_HEADINGS = {"external links", "see also"}


@dataclass(slots=True)
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class _Inline:
    """The result of reading inline markup: plain text, markers, flags and links."""

    plain: MappedText
    markers: list[Marker] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: input positions removed as markup (delimiters, markers, URLs), for span widening
    removed: frozenset[int] = frozenset()


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append(_Line(raw.rstrip("\r\n"), pos))
        pos += len(raw)
    return out


def _is_prose(s: str) -> bool:
    s = s.strip()
    return len(s) >= 80 and len(s.split()) >= 12 and bool(re.search(r"[.!?]", s))


def looks_like_markdown(text: str) -> bool:
    """Return True when *text* carries Markdown structure.

    Front matter (``---`` at the start, ``key:`` lines, a closing ``---``), a first line that is
    a ``# `` heading, two or more ATX heading lines, two or more ``[text](url)`` links or
    images, or one of each. A browser copy has none of these; wikitext is told apart by the
    caller before this is asked.
    """
    sample = text[:200_000]
    if _front_matter_end(_lines(sample[:20_000])) is not None:
        return True
    first = sample.lstrip().split("\n", 1)[0]
    if re.match(r"#{1,2} \S", first):
        return True
    headings = len(re.findall(r"^#{1,6}[ \t]+\S[^\n]{0,150}$", sample, re.MULTILINE))
    links = len(re.findall(r"!?\[[^\[\]\n]+\]\((?:https?://|/|\.{0,2}/|#)[^)\s]*\)", sample))
    return headings >= 2 or links >= 2 or (headings >= 1 and links >= 1)


def _front_matter_end(lines: list[_Line]) -> int | None:
    """Index of the closing ``---`` line of a front matter block that opens the text."""
    if not lines or lines[0].text.strip() != "---":
        return None
    keys = 0
    for n, line in enumerate(lines[1:], 1):
        s = line.text.rstrip()
        if s in ("---", "...") and keys:
            return n
        if _FRONT_KEY.match(s):
            keys += 1
        elif n == 1 or (s and not s[0].isspace() and not s.startswith(("-", "#"))):
            return None
    return None


def _front_title(lines: list[_Line], end: int) -> tuple[str, Span] | None:
    """The ``subject:`` (else ``title:``) value of the front matter and its span."""
    found: dict[str, tuple[str, Span]] = {}
    for line in lines[1:end]:
        m = _FRONT_KEY.match(line.text)
        if not m or m.group("key").lower() not in ("subject", "title"):
            continue
        value, a = _unquote(m.group("value"), line.start + m.start("value"))
        if value and value not in ("|", ">", "|-", ">-"):
            found.setdefault(m.group("key").lower(), (value, (a, a + len(value))))
    return found.get("subject") or found.get("title")


def _unquote(value: str, at: int) -> tuple[str, int]:
    """A front matter value without its surrounding quotes, and where it then starts."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1], at + 1
    return value, at


#: YAML block scalar indicators: the value is on the indented lines below.
_BLOCK_SCALAR = frozenset({"|", ">", "|-", ">-", "|+", ">+"})
#: Front matter keys that carry infobox values, and their canonical field keys.
_FRONT_FIELDS = {"date": "date", "place": "location", "location": "location"}


def _front_fields(text: str, lines: list[_Line], end: int) -> list[Field]:
    """The infobox values of the front matter (``date:``, ``place:``): one field per key, one
    item per value (an inline value, or each ``- item`` of a block list under the key)."""
    out: list[Field] = []
    n = 1
    while n < end:
        m = _FRONT_KEY.match(lines[n].text)
        key = _FRONT_FIELDS.get(m.group("key").lower()) if m else None
        if m is None or key is None:
            n += 1
            continue
        label = m.group("key")
        items: list[MappedText] = []
        value = m.group("value")
        if value.startswith("[") and value.endswith("]"):
            value = ""  # a flow list ("[a, b]") is left alone: its items are not mapped one by one
        if value and value not in _BLOCK_SCALAR:
            items.append(MappedText.identity(*_unquote(value, lines[n].start + m.start("value"))))
        block = value in _BLOCK_SCALAR
        n += 1
        while n < end and (not lines[n].text.strip() or lines[n].text[:1].isspace()
                           or lines[n].text.startswith("-")):  # fmt: skip
            item = re.match(r"^[ \t]*(?P<dash>-[ \t]+)?(.*?)[ \t]*$", lines[n].text)
            value = item.group(2) if item else ""
            if item is None or not value:
                n += 1
                continue
            a = lines[n].start + item.start(2)
            if value in _BLOCK_SCALAR:
                block = True  # "- |-": the item's lines follow, one value per line
            elif item.group("dash") or block or not items:
                # a list item ("- 31 May – 27 August 2016") or a line of a block scalar
                # ("Main combat phase:" / "20 January – 24 March 2018")
                block = block and not item.group("dash")
                items.append(MappedText.identity(*_unquote(value, a)))
            else:
                # a plain value folded onto the next line ("… Deir ez-Zor" / "Governorate,
                # Syria"): the same item, joined by a space
                items[-1] = MappedText.join([items[-1], MappedText.identity(value, a)], " ")
            n += 1
        if not items:
            continue
        span = (items[0].starts[0], items[-1].ends[-1])
        plain = MappedText.join(items, "\n")
        out.append(Field(label, key, text[span[0] : span[1]], span, plain, items=items))
    return out


def _inline(text: str, offset: int, labels: frozenset[str] = frozenset()) -> _Inline:
    """Remove the inline markup of *text* (found at *offset* in the input), mapping the rest.

    Each input character either stays, is removed, or (entities, line breaks) is replaced by
    text that maps to the replaced span. ``[1]`` and ``[^x]`` are always footnote markers; a
    letter label (``[a]``, ``[note 1]``) is one only when a footnote of that label exists
    (*labels*), since quotations write ``"[t]he"``, ``prevent[ed]`` and ``[or]`` as text.
    """
    n = len(text)
    piece: list[str] = list(text)
    pend = list(range(1, n + 1))  # end (relative) of the input span of each piece
    masked = list(text)  # the text the later patterns see: removed markup becomes NUL
    protected = [False] * n
    markers: list[Marker] = []
    flags: list[Flag] = []
    links: list[tuple[int, int, int, str | None]] = []  # raw a, b, text end, url

    def remove(a: int, b: int) -> None:
        for i in range(a, b):
            piece[i] = ""
            masked[i] = "\0"

    def free(a: int, b: int) -> bool:
        return not any(protected[a:b]) and all(c != "\0" for c in masked[a:b])

    def scan(pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return [m for m in pattern.finditer("".join(masked)) if free(m.start(), m.end())]

    for m in _ESCAPE.finditer(text):
        remove(m.start(), m.start() + 1)
        protected[m.start(1)] = True
        masked[m.start(1)] = "\1"
    for m in scan(_CODE):
        remove(m.start(), m.start("code"))
        remove(m.end("code"), m.end())
        for i in range(m.start("code"), m.end("code")):
            protected[i] = True
            masked[i] = "\1"
    for pattern in (_COMMENT, _REF_TAG, _IMAGE, _OBJECT, _CHROME):
        for m in scan(pattern):
            remove(m.start(), m.end())
    for m in scan(_LINK):
        url = m.group("url").strip("<>") or None
        remove(m.start(), m.start("text"))
        remove(m.end("text"), m.end())
        links.append((m.start(), m.end(), m.end("text"), url))
    for m in scan(_AUTOLINK):
        remove(m.start(), m.start("url"))
        remove(m.end("url"), m.end())
    for m in scan(_TAG):
        remove(m.start(), m.end())
        if re.match(r"<br\b", m.group(0), re.IGNORECASE):
            piece[m.start()] = " "
    for pattern in (_MARKER, _CITATION_NEEDED):
        for m in scan(pattern):
            if pattern is _MARKER and m.group("alpha") and m.group("alpha") not in labels:
                continue
            a = m.start()
            while a > 0 and text[a - 1] in " \t" and masked[a - 1] != "\0":
                a -= 1
            span = (offset + m.start(), offset + m.end())
            if pattern is _MARKER:
                markers.append(Marker(m.group("fn") or m.group("num") or m.group("alpha"), span))
            else:
                flags.append(Flag("CITATION_NEEDED", f"the text carries a {m.group(0)} tag", span))
            remove(a, m.end())
    for pattern in (_STRONG, _STRIKE, _EM_STAR, _EM_UNDER):
        for m in scan(pattern):
            remove(m.start(), m.start("body"))
            remove(m.end("body"), m.end())
    for m in _ENTITY.finditer("".join(masked)):
        if free(m.start(), m.end()):
            decoded = html.unescape(m.group(0))
            if decoded != m.group(0):
                remove(m.start(), m.end())
                piece[m.start()] = decoded.replace("\xa0", " ")
                pend[m.start()] = m.end()
    for i, ch in enumerate(text):
        if ch in "\r\n" and piece[i]:
            piece[i] = " "
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i in range(n):
        for ch in piece[i]:
            chars.append(ch)
            starts.append(offset + i)
            ends.append(offset + pend[i])
    plain = MappedText("".join(chars), tuple(starts), tuple(ends))
    out_links = []
    for a, b, text_end, url in links:
        shown = "".join(
            ch for ch, s in zip(chars, starts, strict=True) if offset + a < s < offset + text_end
        ).strip()
        out_links.append(Link(shown, url, (offset + a, offset + b)))
    removed = frozenset(offset + i for i in range(n) if masked[i] == "\0")
    markers.sort(key=lambda mk: mk.span)
    return _Inline(plain, markers, flags, out_links, removed)


@dataclass(slots=True)
class _Block:
    kind: str  # "para" | "heading" | "ref"
    lines: list[_Line]
    text: str = ""  # heading text or reference label
    level: int = 0
    start: int = 0  # start of the content in the first line (after a list/footnote marker)


def _blocks(lines: list[_Line], first: int) -> list[_Block]:
    """Split the body lines into paragraphs, headings and footnote/reference entries.

    Lists, tables, block quotes, code, images and rules end a paragraph and are dropped,
    except that list and ``[n]`` entries under a reference heading are reference entries.
    """
    out: list[_Block] = []
    para: list[_Line] = []
    in_refs = False
    links_only = False  # See also / External links: their entries are neither body nor refs
    fence: str | None = None
    item: _Block | None = None  # the list item or footnote whose continuation lines follow

    def flush() -> None:
        nonlocal para
        if para:
            out.append(_Block("para", para))
        para = []

    for line in lines[first:]:
        t = line.text
        s = t.strip()
        if fence is not None:
            if t.lstrip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(t):
            flush()
            fence, item = m.group(1), None
            continue
        if not s:
            flush()
            item = None
            continue
        if _JUNK_LINE.match(t) or _IMAGE_LINE.match(t):
            flush()
            continue
        if m := _ATX.match(t):
            flush()
            item = None
            heading = _OBJECT.sub("", m.group("text") or "").strip()
            out.append(_Block("heading", [line], heading, len(m.group("hashes"))))
            in_refs = _heading_name(heading) in _REF_HEADINGS
            links_only = _heading_name(heading) in _LINKS_HEADINGS
            continue
        if _SETEXT.match(t) and len(para) == 1 and not _is_prose(para[0].text):
            heading = para[0].text.strip()
            out.append(_Block("heading", [para[0]], heading, 1 if s[0] == "=" else 2))
            para = []
            in_refs = _heading_name(heading) in _REF_HEADINGS
            links_only = _heading_name(heading) in _LINKS_HEADINGS
            continue
        if _RULE.match(t):
            flush()
            item = None
            continue
        if m := _FOOTNOTE_DEF.match(t):
            flush()
            item = _Block("ref", [line], m.group("label"), start=m.end())
            out.append(item)
            continue
        m = _LIST.match(t) or (_BRACKET_REF.match(t) if in_refs else None)
        if m:
            flush()
            if in_refs and not links_only:
                bullet = m.groupdict().get("bullet") or m.group("label")
                label = bullet.rstrip(".)") if bullet[0].isdigit() else ""
                item = _Block("ref", [line], label, start=m.end())
                out.append(item)
            else:
                item = _Block("list", [line])
            continue
        if _TABLE.match(t) or _QUOTE.match(t):
            flush()
            item = None
            continue
        if item is not None and (t[:1] in " \t" or not para):
            item.lines.append(line)
            continue
        if in_refs:
            continue
        if not para and t.startswith("    "):
            continue  # an indented code block
        para.append(line)
    flush()
    return out


def _heading_name(text: str) -> str:
    return re.sub(r"[^\w ]+", "", text).strip().lower()


def read_prose(text: str, name: str, *, title: str | None = None) -> Document:
    """Read a Markdown or plain-prose article into a :class:`Document` with no infobox.

    :param text: the whole article text (the document's ``input``).
    :param name: the input's name (file name), recorded in the source.
    :param title: overrides the title found in the text.

    >>> doc = read_prose("# Raid\\n\\nThe raid **killed** 12 people.[^1]\\n\\n[^1]: A report.", "r.md")
    >>> doc.title, doc.sentences[0].plain.text, doc.sentences[0].markers[0].ref
    ('Raid', 'The raid killed 12 people.', 'r1')
    """
    text = scrub_surrogates(text)
    lines = _lines(text)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    source = Source("prose", name, digest)
    doc = Document(source=source, input=text, title=title or "")
    first = 0
    fm_end = _front_matter_end(lines)
    found: tuple[str, Span] | None = None
    if fm_end is not None:
        first = fm_end + 1
        found = _front_title(lines, fm_end)
        fields = _front_fields(text, lines, fm_end)
        if fields:
            doc.infobox = Infobox(None, (lines[0].start, lines[fm_end].start), fields)
    if found is None:
        found, first = _title_line(lines, first)
    if found is not None:
        doc.title = title or found[0]
        doc.title_span = found[1]
    blocks = _blocks(lines, first)
    if not doc.title:
        doc.title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
    if not doc.title:
        doc.title = next((ln.text.strip() for ln in lines[first:] if ln.text.strip()), "")[:200]
    _read_blocks(blocks, doc)
    return doc


def _title_line(lines: list[_Line], first: int) -> tuple[tuple[str, Span] | None, int]:
    """A title line opening the body: a ``# `` heading or a short line that is not prose."""
    idx = first
    while idx < len(lines) and not lines[idx].text.strip():
        idx += 1
    if idx == len(lines):
        return None, first
    line = lines[idx]
    m = _ATX.match(line.text)
    if m and len(m.group("hashes")) == 1 and m.group("text"):
        a = line.start + m.start("text")
        raw = m.group("text")
        return (_inline(raw, a).plain.text.strip() or raw, (a, a + len(raw))), idx + 1
    s = line.text.strip()
    nxt = lines[idx + 1].text.strip() if idx + 1 < len(lines) else ""
    skip = idx + 1
    if nxt.startswith("=") and _SETEXT.match(nxt):
        skip = idx + 2  # a setext title, underlined with ===
    elif (
        m
        or _LIST.match(line.text)
        or _TABLE.match(line.text)
        or _SETEXT.match(nxt)
        or _is_prose(s)
        or len(s) > 150
        or re.search(r"[.!?:;,]$", s)
    ):
        return None, first
    a = line.start + line.text.index(s)
    shown = s.replace("_", " ") if " " not in s else s
    return (shown, (a, a + len(s))), skip


def _read_blocks(blocks: list[_Block], doc: Document) -> None:
    section: str | None = None
    paragraph = 0
    markers: list[Marker] = []
    refs_by_label: dict[str, str] = {}
    in_bib = False
    labels = frozenset(b.text for b in blocks if b.kind == "ref" and b.text)
    for block in blocks:
        if block.kind == "heading":
            section = _inline(block.text, 0).plain.text.strip() or block.text
            in_bib = _heading_name(section) in _BIB_HEADINGS
            continue
        if block.kind == "ref":
            ref = _reference(block, doc, bibliography=in_bib)
            if ref is not None and block.text and not ref.bibliography:
                refs_by_label.setdefault(block.text, ref.id)
            continue
        if block.kind != "para":
            continue
        head = block.lines[0].text
        bold = _BOLD_LINE.match(head)
        if bold and not re.search(r"[.!?]\s*(\*\*|__)?:?\s*$", head):
            section = bold.group("text").strip()  # a bold line standing as a sub-heading
            block.lines = block.lines[1:]
            if not block.lines:
                continue
        start = block.lines[0].start
        end = block.lines[-1].end
        raw = doc.input[start:end]
        inline = _inline(raw, start, labels)
        doc.flags.extend(inline.flags)
        made = _sentences(doc, inline, paragraph, section)
        if made:
            markers.extend(m for s in made for m in s.markers)
            paragraph += 1
    if refs_by_label:
        for marker in markers:
            marker.ref = refs_by_label.get(marker.label)
    elif markers:
        # footnote markers with no footnote list anywhere: the list was not exported
        doc.flags.append(
            Flag(
                "MARKER_WITHOUT_REFERENCE",
                f"{len(markers)} footnote markers ([{markers[0].label}] …) but the text has no "
                "footnote list; the sentences are read as unsourced",
                markers[0].span,
            )
        )
        for s in doc.sentences:
            s.markers = []


def _sentences(
    doc: Document, inline: _Inline, paragraph: int, section: str | None
) -> list[Sentence]:
    """Split one paragraph's plain text into sentences with raw spans, markers and links."""
    plain = inline.plain
    cuts = [0] + [m.end() for m in _GLUED.finditer(plain.text)] + [len(plain.text)]
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        pieces.extend((a + x, a + y) for x, y in split_sentences(plain.text[a:b]))
    spans: list[Span] = []
    for a, b in pieces:
        s, e = plain.span_of(a, b)
        while s - 1 in inline.removed and not doc.input[s - 1].isspace():
            s -= 1  # opening markup of the sentence's first word (``**The``)
        spans.append((s, e))
    made: list[Sentence] = []
    for k, ((a, b), (s, e)) in enumerate(zip(pieces, spans, strict=True)):
        limit = spans[k + 1][0] if k + 1 < len(spans) else max(inline.removed | {e}) + 1
        while e < limit and e in inline.removed:
            e += 1  # closing markup and footnote markers after the sentence
        while e > s and doc.input[e - 1].isspace():
            e -= 1
        lo = spans[k][0] if k else -1
        hi = spans[k + 1][0] if k + 1 < len(spans) else 1 << 62
        mk = [m for m in inline.markers if lo <= m.span[0] < hi]
        if mk:
            e = max(e, max(m.span[1] for m in mk))
            s = min(s, min(m.span[0] for m in mk))
        sid = f"s{len(doc.sentences) + 1}"
        sentence = Sentence(
            sid,
            doc.input[s:e],
            (s, e),
            plain.slice(a, b),
            paragraph,
            mk,
            [lk for lk in inline.links if lo <= lk.span[0] < hi],
            section=section,
        )
        doc.sentences.append(sentence)
        made.append(sentence)
    return made


def _reference(block: _Block, doc: Document, *, bibliography: bool) -> RawReference | None:
    first = block.lines[0]
    a = first.start + block.start
    b = block.lines[-1].end
    while a < b and doc.input[a].isspace():
        a += 1
    while b > a and doc.input[b - 1].isspace():
        b -= 1
    if b <= a:
        return None
    raw = doc.input[a:b]
    inline = _inline(raw, a)
    doc.flags.extend(inline.flags)
    n = len(doc.references) + 1
    is_bib = bibliography and not block.text.isdigit() and not _FOOTNOTE_DEF.match(first.text)
    ref = RawReference(
        f"r{n}", block.text or str(n), raw, (a, b), inline.plain, bibliography=is_bib
    )
    doc.references.append(ref)
    return ref
