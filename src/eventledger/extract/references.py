"""References: from the reader's raw entries to structured reference records.

A reference is read from its cite-template parameters when the reader found a template
(wikitext), else from its plain text, in the forms browsers render and editors write:

* books — ``Author, Title, Publisher, Month Year, ISBN …, p. N`` or the cite-book rendering
  ``Last, First (Year). Title. Publisher. p. N. ISBN …``;
* news and web pieces — ``Last, First. "Title". Work. Date. Retrieved Date.``;
* short citations — ``Okushi, 1996 pp. 163-165``, ``Smith 2001, p. 5``, ``Smith (2001), 5``,
  and ``{{sfn}}``-style entries the wikitext reader marks ``short``. A short citation
  *resolves* to the full entry of the article whose author's surname and year match
  (``resolves_to``); none means ``SHORT_CITATION_UNRESOLVED``.

ISBNs are checked with python-stdnum (``isbn_valid``); the ISBN is stored compact, as written
(ISBN-10 stays ISBN-10). ``uses`` counts the markers that point at the reference;
``backlinks`` is what the page itself claims (``^ a b c``), when it says.
"""

from __future__ import annotations

import re
from typing import Any

from stdnum import isbn as stdnum_isbn

from eventledger.models import Document, RawReference
from eventledger.normalise.dates import DateError, parse_date

_ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*((?:97[89][\s\-‐–]?)?(?:\d[\s\-‐–]?){9}[\dXx])")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;])")
_URL = re.compile(r"https?://[^\s<>\"\]|]+")
_PAGES = re.compile(
    r"(?<![A-Za-z])(pp?|pages?)\.?\s*([0-9ivxlcdmIVXLCDM]+(?:\s*[-–—,]\s*[0-9ivxlcdmIVXLCDM]+)*)"
)
_QUOTED = re.compile(r"[\"“]([^\"”]{3,})[\"”]")
_RETRIEVED = re.compile(
    r"(?:Retrieved|Accessed|Archived from the original on)\s*(?:on\s+)?([^.]+?\d{4}(?:-\d\d-\d\d)?)\.?(?=\s|$)"
)
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})[a-z]?(?!\d)")
_SHORT = re.compile(
    r"^(?P<authors>[A-Z][\w'’\-]+(?:(?:\s*(?:,|&|and)\s*|\s+)(?:et al\.?|[A-Z][\w'’\-]+))*?)"
    r"\s*,?\s*\(?(?P<year>1[0-9]{3}|20[0-9]{2}|n\.d\.)[a-z]?\)?"
    r"\s*[,:]?\s*(?P<pages>(?:pp?\.?\s*)?[0-9ivxlcdm]+(?:\s*[-–—,]\s*[0-9ivxlcdm]+)*)?\.?\s*$"
)
#: A short citation without a year: ``Eicher, p. 687``, ``Robertson and Pegram, pp. 242–43``,
#: ``Catton, Stillness at Appomattox, p. 243`` (surname, optional short title, pages).
_SHORT_NO_YEAR = re.compile(
    r"^(?P<authors>[A-Z][\w'’\-]+(?:\s+(?:and|&)\s+[A-Z][\w'’\-]+|\s+et al\.?)*)"
    r"(?:,\s*(?P<title>[A-Z][^,\d\"“]{2,80}?))?"
    r",\s*(?P<pages>pp?\.\s*[0-9ivxlcdm]+(?:\s*[-–—,]\s*[0-9ivxlcdm]+)*)\.?\s*$"
)
#: The Chicago/MLA bibliography form: ``Eicher, David J. The Longest Night. New York: Simon &
#: Schuster, 2001.``
_CHICAGO = re.compile(
    r"^(?P<authors>[A-Z][^.()\"“]{1,80}?(?:\s[A-Z])?)\.\s+(?P<title>[^.]{3,200}?)\.\s+"
    r"(?:(?P<place>[^.:]{2,60}):\s*)?(?P<publisher>[^.,:]{2,100}),\s*(?P<year>1[0-9]{3}|20[0-9]{2})\b"
)
#: Patterns of the functions below, compiled once (each re.sub(str, …) call looks its
#: pattern up in re's cache).
_SPACE_UNDERSCORE = re.compile(r"[\s_]+")
_SPACES = re.compile(r"\s+")
_NOT_ISBN_CHAR = re.compile(r"[^0-9Xx]")
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")
_NAME_WORD = re.compile(r"[\w'’\-]+")
_PUBLISHER_HINT = re.compile(
    r"\b(Press|Publishing|Publishers|Books|Verlag|Macmillan|Penguin|Routledge|Springer|Wiley|"
    r"Oxford|Cambridge|Harper|Random House|Norton|Palgrave|Bloomsbury|Éditions|Editions|"
    r"University|Hutchinson|Cassell|Osprey|Praeger|Greenwood|Brill|Knopf|Doubleday|Simon)\b"
)

#: cite-template names (lower-case, normalised) mapped to reference kinds.
_TEMPLATE_KIND = {
    "cite book": "book",
    "cite encyclopedia": "book",
    "cite thesis": "book",
    "cite news": "news",
    "cite newspaper": "news",
    "cite magazine": "news",
    "cite press release": "news",
    "cite web": "web",
    "cite tweet": "web",
    "cite av media": "web",
    "cite video": "web",
    "cite journal": "journal",
    "cite conference": "journal",
    "cite report": "report",
    "citation": "other",
    "sfn": "short",
    "sfnp": "short",
    "harvnb": "short",
    "harv": "short",
    "harvtxt": "short",
    "harvp": "short",
    "sfnm": "short",
}


def extract_references(doc: Document) -> list[dict[str, Any]]:
    """Build the record's reference list (DESIGN.md shape) from the document."""
    uses: dict[str, int] = {}
    for marker in doc.markers():
        if marker.ref:
            uses[marker.ref] = uses.get(marker.ref, 0) + 1
    out = [_reference(raw, uses.get(raw.id, 0)) for raw in doc.references]
    anchors = {
        raw.id: _anchor_key(raw.params.get("ref"))
        for raw in doc.references
        if raw.template and not raw.short and isinstance(raw.params.get("ref"), str)
    }
    _resolve_short(out, {k: v for k, v in anchors.items() if v})
    return out


def _anchor_key(anchor: str | None) -> str | None:
    """A full citation's anchor as short cites make it: ``ref={{harvid|CEH|1999}}`` (rendered
    ``CITEREFCEH1999``) or a literal ``ref=CITEREFCEH1999``, without spaces or underscores and
    case-folded; None for ``ref=harv``/``ref=none`` and anything else."""
    if not anchor:
        return None
    key = _SPACE_UNDERSCORE.sub("", anchor).casefold()
    return key if key.startswith("citeref") and len(key) > len("citeref") else None


def _reference(raw: RawReference, uses: int) -> dict[str, Any]:
    ref: dict[str, Any] = {
        "id": raw.id,
        "label": raw.label,
        "kind": "other",
        "text": raw.text,
        "span": list(raw.span),
        "uses": uses,
        "backlinks": raw.backlinks,
        "group": raw.group,
        "bibliography": raw.bibliography,
        "authors": [],
        "title": None,
        "work": None,
        "publisher": None,
        "date": None,
        "accessed": None,
        "pages": None,
        "isbn": None,
        "isbn_valid": None,
        "doi": None,
        "url": None,
        "resolves_to": None,
        "year": None,
    }
    if raw.template:
        _from_params(ref, raw)
    else:
        _from_text(ref, raw.plain.text)
    if ref["isbn"]:
        ref["isbn_valid"] = bool(stdnum_isbn.is_valid(ref["isbn"]))
    if ref["year"] is None:
        for key in ("date", "title"):
            if key == "date" and ref["date"]:
                ref["year"] = ref["date"].lstrip("-")[:4]
    return ref


def _iso(text: str | None) -> str | None:
    """ISO form of a date written in a reference, or None when it is not a date."""
    if not text or not text.strip():
        return None
    try:
        return parse_date(text.strip()).start
    except (DateError, ValueError):
        return None


def _from_params(ref: dict[str, Any], raw: RawReference) -> None:
    p = {
        k.lower().replace("_", "-").strip(): v.strip()
        for k, v in raw.params.items()
        if isinstance(v, str)
    }
    name = _SPACE_UNDERSCORE.sub(" ", (raw.template or "").strip().lower())
    ref["kind"] = _TEMPLATE_KIND.get(name, "other")
    if raw.short:
        ref["kind"] = "short"
        authors = raw.params.get("authors")
        ref["authors"] = (
            list(authors) if isinstance(authors, list) else [a for a in [p.get("authors")] if a]
        )
        ref["year"] = p.get("year")
        ref["pages"] = p.get("pages") or p.get("p") or p.get("pp") or p.get("loc")
        return
    authors = []
    for n in ["", "1", "2", "3", "4", "5"]:
        last = p.get(f"last{n}") or p.get(f"surname{n}")
        if last:
            first = p.get(f"first{n}") or p.get(f"given{n}")
            authors.append(f"{last}, {first}" if first else last)
        elif p.get(f"author{n}"):
            authors.append(p[f"author{n}"])
    if not authors and p.get("authors"):
        authors = [a.strip() for a in re.split(r";", p["authors"]) if a.strip()]
    if not authors and p.get("editor-last"):
        authors = [p["editor-last"]]
    ref["authors"] = authors
    ref["title"] = p.get("title") or p.get("chapter") or None
    ref["work"] = (
        p.get("work")
        or p.get("newspaper")
        or p.get("website")
        or p.get("journal")
        or p.get("magazine")
        or p.get("periodical")
        or p.get("encyclopedia")
        or None
    )
    ref["publisher"] = p.get("publisher") or p.get("agency") or None
    ref["date"] = _iso(p.get("date")) or _iso(p.get("year"))
    ref["accessed"] = _iso(p.get("access-date") or p.get("accessdate"))
    ref["pages"] = p.get("pages") or p.get("page") or p.get("p") or p.get("pp") or None
    ref["isbn"] = _compact_isbn(p.get("isbn") or p.get("isbn13") or "")
    ref["doi"] = p.get("doi") or None
    ref["url"] = p.get("url") or p.get("archive-url") or None
    m = _YEAR.search(p.get("date", "") or p.get("year", "") or "")
    ref["year"] = m.group(1) if m else None
    if ref["kind"] == "other":
        if ref["isbn"] or ref["publisher"] and not ref["work"]:
            ref["kind"] = "book"
        elif ref["work"]:
            ref["kind"] = "news" if ref["date"] else "web"


def _compact_isbn(text: str) -> str | None:
    digits = _NOT_ISBN_CHAR.sub("", text or "").upper()
    return digits or None


def _from_text(ref: dict[str, Any], text: str) -> None:
    t = text.strip()
    m = _ISBN.search(t)
    if m:
        ref["isbn"] = _compact_isbn(m.group(1))
    m = _DOI.search(t)
    if m:
        ref["doi"] = m.group(1)
    m = _URL.search(t)
    if m:
        ref["url"] = m.group(0)
    m = _PAGES.search(t)
    if m:
        ref["pages"] = _SPACES.sub("", m.group(2))
    m = _RETRIEVED.search(t)
    if m:
        ref["accessed"] = _iso(m.group(1))
    short = _SHORT.match(t)
    if short and not _QUOTED.search(t) and not ref["isbn"]:
        ref["kind"] = "short"
        ref["authors"] = [
            a.strip()
            for a in re.split(r"\s*(?:,|&|\band\b)\s*", short.group("authors"))
            if a.strip()
        ]
        year = short.group("year")
        ref["year"] = None if year == "n.d." else year
        pages = short.group("pages")
        if pages:
            ref["pages"] = re.sub(r"^pp?\.?\s*", "", pages).replace(" ", "")
        return
    short = _SHORT_NO_YEAR.match(t)
    if short and not ref["isbn"]:
        ref["kind"] = "short"
        ref["authors"] = [a.strip() for a in re.split(r"\s+(?:and|&)\s+", short.group("authors"))]
        ref["title"] = short.group("title")
        ref["pages"] = re.sub(r"^pp?\.\s*", "", short.group("pages")).replace(" ", "")
        return
    quoted = _QUOTED.search(t)
    if quoted:
        _news_like(ref, t, quoted)
    else:
        _book_like(ref, t)


def _news_like(ref: dict[str, Any], t: str, quoted: re.Match[str]) -> None:
    """``Last, First. "Title". Work. Date. Retrieved Date.``"""
    ref["title"] = quoted.group(1).strip().rstrip(".")
    before = t[: quoted.start()].strip().rstrip(".").strip()
    if before:
        before = re.sub(r"\(\s*(\d{4}[^)]*)\)\s*$", "", before).strip().rstrip(".")
        ref["authors"] = [a.strip() for a in re.split(r";|\s&\s|\band\b", before) if a.strip()]
    after = t[quoted.end() :]
    after = _RETRIEVED.sub("", after)
    parts = [p.strip(" .,") for p in re.split(r"\.\s+|\.$", after) if p.strip(" .,")]
    date = None
    work_parts = []
    for part in parts:
        if re.match(r"^(pp?\.|ISBN|doi)", part):
            continue
        iso = _iso(part) if re.search(r"\d{4}", part) else None
        if iso and date is None:
            date = iso
        elif not iso:
            work_parts.append(part)
    if work_parts:
        ref["work"] = work_parts[0]
        if len(work_parts) > 1 and not ref["publisher"]:
            ref["publisher"] = work_parts[1]
    if date is None and before:
        m = re.search(r"\((\d{4}[^)]*)\)", t[: quoted.start()])
        if m:
            date = _iso(m.group(1))
    ref["date"] = date
    m = _YEAR.search(date or "")
    ref["year"] = m.group(1) if m else None
    if ref["isbn"]:
        ref["kind"] = "book"
    elif ref["doi"] or re.search(r"\bvol\.|\bno\.\s*\d|journal", t, re.IGNORECASE):
        ref["kind"] = "journal"
    elif ref["date"] and ref["work"]:
        ref["kind"] = "news"
    else:
        ref["kind"] = "web"


def _book_like(ref: dict[str, Any], t: str) -> None:
    """A book in one of three written forms (tried in this order):

    * ``Last, First. Title. Place: Publisher, Year.`` (Chicago/MLA bibliographies);
    * ``Last, First (Year). Title. Publisher.`` (the cite-book rendering);
    * ``Author, Title, Publisher, Date, ISBN …, p. N`` (comma-separated).
    """
    body = _URL.sub("", _PAGES.sub("", _ISBN.sub("", t)))
    chicago = _CHICAGO.match(body)
    rendered = None if chicago else _CITE_BOOK.match(body)
    if chicago:
        ref["authors"] = [
            a.strip()
            for a in re.split(r";|\s&\s|,\s+and\s+", chicago.group("authors"))
            if a.strip()
        ]
        ref["title"] = chicago.group("title").strip()
        ref["publisher"] = chicago.group("publisher").strip()
        ref["date"] = _iso(chicago.group("year"))
    elif rendered:
        ref["authors"] = [
            a.strip() for a in re.split(r";|\s&\s", rendered.group("authors")) if a.strip()
        ]
        ref["date"] = _iso(rendered.group("year"))
        parts = [
            p.strip(" .,") for p in re.split(r"\.\s+", rendered.group("rest")) if p.strip(" .,")
        ]
        if parts:
            ref["title"] = parts[0]
        for part in parts[1:]:
            if not ref["publisher"] and not re.search(r"\d{4}", part):
                ref["publisher"] = part.split(":")[-1].strip()
    else:
        _comma_book(ref, body)
    m = _YEAR.search(ref["date"] or "")
    ref["year"] = m.group(1) if m else None
    if ref["isbn"] or ref["publisher"]:
        ref["kind"] = "book"
    elif ref["doi"]:
        ref["kind"] = "journal"
    elif ref["url"]:
        ref["kind"] = "web"


_CITE_BOOK = re.compile(
    r"^(?P<authors>[^()]{2,120}?)\s*\((?P<year>[^)]*\d{4}[^)]*)\)\.?\s*(?P<rest>.*)$"
)


def _comma_book(ref: dict[str, Any], body: str) -> None:
    """``Author, Title, Publisher, Date, …``: the part with a date splits authors and title
    from the rest; a part that names a publisher (Press, Macmillan …) is the publisher."""
    parts = [p.strip(" .") for p in body.split(",") if p.strip(" .")]
    date_idx = None
    for i, part in enumerate(parts):
        if _FOUR_DIGITS.search(part) and _iso(part):
            date_idx = i
            ref["date"] = _iso(part)
            break
    head = parts[:date_idx] if date_idx is not None else parts
    if head:
        ref["authors"] = [head[0]] if len(head) > 1 else []
        rest = head[1:] if len(head) > 1 else head
        pub = [i for i, p in enumerate(rest) if _PUBLISHER_HINT.search(p)]
        if pub and len(rest) > 1:
            ref["publisher"] = rest[pub[-1]]
            ref["title"] = ", ".join(rest[: pub[-1]]) or None
        else:
            ref["title"] = ", ".join(rest) or None


def _surname_key(author: str) -> str:
    """The last word of an author's surname, lower-cased: 'Itoh, Mayumi' and 'Mayumi Itoh' -> 'itoh'."""
    a = author.strip()
    surname = a.split(",")[0] if "," in a else a
    words = _NAME_WORD.findall(surname)
    if not words:
        return ""
    return (words[-1] if "," in a or len(words) == 1 else words[-1]).lower()


def _resolve_short(refs: list[dict[str, Any]], anchors: dict[str, str] | None = None) -> None:
    """Point each short citation at the full entry whose anchor it names (a ``ref=`` of
    ``{{harvid|…}}`` / ``CITEREF…``: ``{{sfn|CEH|1999}}`` finds the report its ``ref=`` calls
    CEH 1999), else at the entry with the same first surname and year."""
    full = [
        (r, {_surname_key(a) for a in r["authors"]})
        for r in refs
        if r["kind"] != "short" and r["authors"]
    ]
    by_anchor: dict[str, str] = {}
    for rid, key in (anchors or {}).items():
        by_anchor.setdefault(key, rid)
    for ref in refs:
        if ref["kind"] != "short" or not ref["authors"]:
            continue
        if by_anchor:
            own = _anchor_key("CITEREF" + "".join(ref["authors"]) + (ref["year"] or ""))
            if own in by_anchor:
                ref["resolves_to"] = by_anchor[own]
                continue
        key = _surname_key(ref["authors"][0])
        for cand, keys in full:
            if key in keys and (ref["year"] is None or cand["year"] == ref["year"]):
                ref["resolves_to"] = cand["id"]
                break
