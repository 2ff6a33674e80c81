"""The intermediate document that every reader produces.

A reader (plaintext, wikitext, dump) turns its input into one :class:`Document`. Everything
after the reader (statement extraction, normalisation, event assembly, checks, storage) reads
only this document, so the same article read in two formats gives the same record, up to what
the input itself lacks.

Two rules hold for every object here:

* ``span`` is a ``(start, end)`` pair of character offsets into ``Document.input`` and
  ``document.input[start:end] == obj.text`` (the *raw* text, markup included).
* ``plain`` is the reader's markup-free rendering of that raw text, as a :class:`MappedText`:
  every character of the plain text knows the input span it came from, so an extractor that
  finds a phrase in the plain text can give its exact raw span back.

No statement logic lives in a reader: readers split, strip markup and locate; they never decide
what a number or a date means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class MappedText:
    """Plain text whose characters each map back to a span of the original input.

    ``starts[i]``/``ends[i]`` give the input span that produced character *i* of ``text``.
    Characters produced by a template (``{{convert|5|km}}`` rendered as ``5 km``) map to the
    template's whole span; literal characters map to themselves.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, text: str, offset: int) -> MappedText:
        """Map *text* that appears verbatim in the input at *offset*."""
        starts = tuple(range(offset, offset + len(text)))
        return cls(text, starts, tuple(s + 1 for s in starts))

    @classmethod
    def empty(cls, at: int = 0) -> MappedText:
        return cls("", (), ())

    def span_of(self, i: int, j: int) -> Span:
        """Return the input span covering plain characters ``[i, j)``.

        :raises ValueError: if the range is empty or out of bounds.
        """
        if not 0 <= i < j <= len(self.text):
            raise ValueError(f"plain range [{i}, {j}) outside text of length {len(self.text)}")
        return (min(self.starts[i:j]), max(self.ends[i:j]))

    def slice(self, i: int, j: int) -> MappedText:
        return MappedText(self.text[i:j], self.starts[i:j], self.ends[i:j])

    @classmethod
    def join(cls, parts: list[MappedText], sep: str = "") -> MappedText:
        """Join mapped texts; separator characters map to the end of the preceding part."""
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for n, part in enumerate(parts):
            if n and sep:
                at = ends[-1] if ends else (part.starts[0] if part.starts else 0)
                text.append(sep)
                starts.extend([at] * len(sep))
                ends.extend([at] * len(sep))
            text.append(part.text)
            starts.extend(part.starts)
            ends.extend(part.ends)
        return cls("".join(text), tuple(starts), tuple(ends))


@dataclass(slots=True)
class Source:
    """Where a document came from."""

    format: str  # "plaintext" | "wikitext" | "dump" | "prose"
    name: str  # file name, "-" for standard input, or dump file name
    sha256: str
    revision: str | None = None
    language: str | None = None
    page_id: str | None = None
    timestamp: str | None = None


@dataclass(slots=True)
class Link:
    """A link inside a field or sentence: displayed text, target page (or None) and span."""

    text: str
    target: str | None
    span: Span


@dataclass(slots=True)
class Marker:
    """A citation marker in the text: ``[3]`` in plaintext, ``<ref>``/``{{sfn}}`` in wikitext.

    ``label`` is the printed footnote label (``"3"``) or the ref name; ``ref`` is the id of the
    :class:`RawReference` it points to, or None when it points nowhere.
    """

    label: str
    span: Span
    ref: str | None = None


@dataclass(slots=True)
class Flag:
    """Something a reader noticed in the markup itself, turned into a finding by the checks.

    ``code`` is a finding code (``CITATION_NEEDED``, ``VALUE_FROM_WIKIDATA``, ``PAGE_TOO_LARGE``,
    ``PARSE_TIMEOUT`` …).
    """

    code: str
    message: str
    span: Span | None = None


@dataclass(slots=True)
class Field:
    """One infobox field.

    ``label`` is the label as written (``"Attack type"`` rendered, ``"type"`` in wikitext);
    ``key`` is the canonical key from :mod:`eventledger.definitions` (``"attack_type"``,
    ``"casualties"``) or the label lower-cased when unknown; ``side`` is 1, 2, 3 for per-side
    fields of a military-conflict infobox (``casualties2``), else None.
    ``items`` are the list items of the value (one per line, ``<br>`` or list template), each a
    :class:`MappedText`; a value that is not a list has one item. ``hints`` carries values
    that markup states outright: ``{"date": {"start": "1945-08-14"}}``,
    ``{"coord": (lat, lon)}``, ``{"wikidata": "P1120"}``, ``{"flag_country": "Japan"}``.
    """

    label: str
    key: str
    text: str
    span: Span
    plain: MappedText
    items: list[MappedText] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    side: int | None = None
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Infobox:
    """The event's infobox: template family name (``"civilian attack"``) and its fields."""

    template: str | None
    span: Span
    fields: list[Field] = field(default_factory=list)

    def get(self, key: str) -> Field | None:
        """Return the last field with canonical *key* (the last duplicate wins, as in MediaWiki)."""
        found = None
        for f in self.fields:
            if f.key == key:
                found = f
        return found

    def all(self, key: str) -> list[Field]:
        return [f for f in self.fields if f.key == key]


@dataclass(slots=True)
class Sentence:
    """One sentence of the body (or of a caption).

    ``markers`` are the citation markers inside or right after the sentence, in order.
    ``paragraph`` numbers the paragraphs of the document from 0; ``origin`` is ``"body"`` or
    ``"caption"``; ``section`` is the heading of the section it sits in (None for the lead).
    """

    id: str
    text: str
    span: Span
    plain: MappedText
    paragraph: int
    markers: list[Marker] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    section: str | None = None
    origin: str = "body"


@dataclass(slots=True)
class RawReference:
    """One entry of the reference list, as the reader found it.

    ``label`` is the printed footnote label (``"4"``) or the ref name; ``text`` is the raw
    entry; ``plain`` its markup-free text; ``template`` and ``params`` the cite template and
    its parameters when the markup had one (wikitext), for the reference extractor to read.
    ``backlinks`` is the number of backlink letters (``^ a b c`` is 3; a bare ``^`` is 1), or
    None when the format has none. ``group`` is the ``group=`` of a wikitext ref.
    """

    id: str
    label: str
    text: str
    span: Span
    plain: MappedText
    template: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    backlinks: int | None = None
    group: str | None = None
    short: bool = False  # a short citation (sfn/harv) rather than a full entry
    bibliography: bool = False  # an entry of a Bibliography/Sources list, not a footnote


@dataclass(slots=True)
class Document:
    """What every reader produces: the one intermediate document."""

    source: Source
    input: str
    title: str
    title_span: Span | None = None
    infobox: Infobox | None = None
    other_infoboxes: list[Infobox] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    references: list[RawReference] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    #: coordinates the page states outside its infobox (``{{coord|…|display=title}}``), with
    #: the span of the markup that states them
    coords: list[tuple[tuple[float, float], Span]] = field(default_factory=list)

    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.origin == "body"]

    def captions(self) -> list[Sentence]:
        return [s for s in self.sentences if s.origin == "caption"]

    def markers(self) -> list[Marker]:
        """All citation markers of the document (sentences and infobox fields)."""
        out: list[Marker] = []
        if self.infobox is not None:
            for f in self.infobox.fields:
                out.extend(f.markers)
        for s in self.sentences:
            out.extend(s.markers)
        return out


@dataclass(slots=True)
class Statement:
    """One atom of evidence: a property, its raw text and normalised value, origin and span.

    Casualty statements (``property`` deaths, injuries, casualties, strength …) fill
    ``category``, ``party``, ``comparator``, ``low``, ``best`` and ``high``; other properties
    put their normalised value in ``value``. ``origin`` is ``"infobox"``, ``"body"`` or
    ``"caption"``; ``support`` is ``"direct"``, ``"covered"`` or ``"unsourced"``.
    """

    id: str
    property: str
    text: str
    span: Span
    origin: str
    value: Any = None
    category: str | None = None
    party: str | None = None
    comparator: str | None = None
    low: int | None = None
    best: int | None = None
    high: int | None = None
    refs: list[str] = field(default_factory=list)
    support: str = "unsourced"
    field: str | None = None  # infobox field label the statement came from
    sentence: str | None = None  # sentence id the statement came from
    section: str | None = None
    side: int | None = None
    attribution: str | None = None  # "(French claim)", "according to X"
    subset: bool = False  # "including 12 children": about a subset, not the total
    group: str | None = None  # a side's contingent the figure counts ("Prussians: 7,000")
    group_seq: int | None = None  # which heading of the field opened that group (0, 1, …)
    total: bool = False  # a "Total:" line: the side's own figure, its parts listed around it


@dataclass(slots=True)
class Finding:
    """One result of the checks, pointing at spans, references and statements."""

    code: str
    severity: str  # "error" | "warning" | "info"
    message: str
    spans: list[Span] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
