"""Records to rows: the checks and the mapping from a record dict to the ledger's table rows.

Every part of a record (statements, sentences, references, findings, infobox fields, actors,
attack types, and each item-reference pair as a citation) becomes one row; lists become JSON
text, spans become ``span_start``/``span_end``. Missing or oddly typed parts are stored as NULL
or JSON rather than refused: only the keys the ledger is keyed on are required.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventledger.errors import LedgerError

#: The record shape this ledger stores.
RECORD_SCHEMA = "eventledger/record@1"

#: Tables holding one row per part of an event, each with an ``event`` column.
CHILD_TABLES = (
    "statements",
    "sentences",
    "refs",
    "findings",
    "fields",
    "actors",
    "attack_types",
    "citations",
)

_CHUNK = 500  # ids per "IN (...)" query, well under SQLite's parameter limit


def canonical_json(record: Any) -> str:
    """Return the canonical JSON text a record is stored as (key order kept, UTF-8 text)."""
    return json.dumps(record, sort_keys=False, ensure_ascii=False)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list | tuple) else []


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # == json.dumps(v, ensure_ascii=False)
_encode_str = json.encoder.encode_basestring  # the C encoder json.dumps uses for str
_SCALARS = frozenset({str, int, float, bool, type(None)})


def scalar(value: Any) -> Any:
    """Return *value* as SQLite can store it: scalars as they are, lists and dicts as JSON."""
    return value if type(value) in _SCALARS else _dumps(value)


def _json(value: Any) -> str | None:
    """Return *value* as JSON text (NULL for None), for list-valued columns.

    Lists of strings (reference ids, the common case) take a fast path that gives the same
    text as :func:`json.dumps`.
    """
    if value is None:
        return None
    if type(value) is list and all(type(v) is str for v in value):
        return "[" + ", ".join(map(_encode_str, value)) + "]"
    return _dumps(value)


def _span(value: Any) -> tuple[int | None, int | None]:
    """Return ``(start, end)`` of a span given as ``[start, end]`` or ``{"start", "end"}``."""
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = value
    elif isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
    else:
        return (None, None)
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return (None, None)


_ISO_DATE = re.compile(r"^\s*(-?)(\d{1,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_key(value: Any, *, end: bool = False) -> int | None:
    """Return a sortable integer for an ISO date written to its precision.

    The key is ``year * 10000 + month * 100 + day``; a missing month or day is the first of the
    period (or, with *end*, the last: ``1945`` ends at 19451231). BC years are negative as in
    the record (``-0031`` is 31 BC), and the key orders them correctly, which string comparison
    of ISO dates does not. An int is taken as a year. Returns None for anything else.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        year, month, day = value, None, None
    elif isinstance(value, str):
        m = _ISO_DATE.match(value)
        if not m:
            return None
        year = int(m.group(2)) * (-1 if m.group(1) else 1)
        month = int(m.group(3)) if m.group(3) else None
        day = int(m.group(4)) if m.group(4) else None
    else:
        return None
    if month is None:
        month = 12 if end else 1
    if day is None:
        day = 31 if end else 1
    return year * 10000 + month * 100 + day


def fts_query(text: str) -> str | None:
    """Turn free user input into a safe FTS5 query: every word a quoted phrase, all required.

    FTS5 operators in the input (``AND``, ``NEAR(``, ``"``, ``:``, ``^``) are taken as plain
    words, so no input raises an FTS syntax error. A word ending in ``*`` stays a prefix search
    (``massacre*``). Words with no letter or digit are dropped; returns None when nothing is left.
    """
    terms = []
    for word in text.replace("\x00", " ").split():
        prefix = word.endswith("*")
        core = word.rstrip("*")
        if not any(ch.isalnum() for ch in core):
            continue
        terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(slots=True)
class Group:
    """The records of one document in one ingest call."""

    source: dict[str, Any]
    title: str
    records: list[tuple[dict[str, Any], str]]  # (record, canonical JSON)

    @property
    def revision_key(self) -> str | None:
        rev = self.source.get("revision") or self.source.get("sha256")
        return None if rev is None else str(rev)

    @property
    def record_hash(self) -> str:
        joined = "\n".join(text for _, text in self.records)
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def validate(records: Iterable[Any]) -> list[tuple[dict[str, Any], str]]:
    """Check every record has the keys the ledger is keyed on, before anything is written.

    :raises LedgerError: naming the first record that is not an ``eventledger/record@1`` dict.
    """
    out = []
    for n, record in enumerate(records):
        if not isinstance(record, dict):
            raise LedgerError(f"record #{n} is a {type(record).__name__}, not a record dict")
        if record.get("schema", RECORD_SCHEMA) != RECORD_SCHEMA:
            raise LedgerError(
                f"record #{n} has schema {record.get('schema')!r}, not {RECORD_SCHEMA}"
            )
        source = record.get("source")
        for key, value in (
            ("id", record.get("id")),
            ("title", record.get("title")),
            ("source.name", _dict(source).get("name")),
        ):
            if not isinstance(value, str) or not value:
                raise LedgerError(f"record #{n} has no {key}")
        try:
            text = canonical_json(record)
        except (TypeError, ValueError) as exc:
            raise LedgerError(
                f"record #{n} ({record['id']}) is not JSON-serialisable: {exc}"
            ) from exc
        out.append((record, text))
    return out


def group_by_document(prepared: list[tuple[dict[str, Any], str]]) -> list[Group]:
    """Group records by document ``(source.name, title)``; a repeated record id: the last wins."""
    groups: dict[tuple[str, str], Group] = {}
    owner: dict[str, tuple[str, str]] = {}
    for record, text in prepared:
        source = record["source"]
        key = (source["name"], record["title"])
        previous = owner.get(record["id"])
        if previous is not None:
            old = groups[previous]
            old.records = [(r, t) for r, t in old.records if r["id"] != record["id"]]
        owner[record["id"]] = key
        group = groups.setdefault(key, Group(source, record["title"], []))
        group.source = source
        group.records.append((record, text))
    return [g for g in groups.values() if g.records]


class Rows:
    """The rows one batch inserts, table by table, ready for ``executemany``."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.children: dict[str, list[tuple[Any, ...]]] = {t: [] for t in CHILD_TABLES}

    def add(self, document: int, record: dict[str, Any], text: str) -> None:
        eid = record["id"]
        ev = _dict(record.get("event"))
        date = _dict(ev.get("date"))
        loc = _dict(ev.get("location"))
        deaths = _dict(ev.get("deaths"))
        injuries = _dict(ev.get("injuries"))
        findings = _list(record.get("findings"))
        start_key = date_key(date.get("start"))
        end_key = date_key(date.get("end") or date.get("start"), end=True)
        self.events.append(
            (
                eid,
                document,
                record["title"],
                scalar(ev.get("kind")),
                _json(ev.get("part_of")),
                scalar(date.get("start")),
                scalar(date.get("end")),
                scalar(date.get("precision")),
                scalar(date.get("date_prec")),
                start_key,
                end_key,
                scalar(loc.get("text")),
                scalar(loc.get("name")),
                scalar(loc.get("country")),
                scalar(loc.get("lat")),
                scalar(loc.get("lon")),
                scalar(loc.get("where_prec")),
                scalar(deaths.get("low")),
                scalar(deaths.get("best")),
                scalar(deaths.get("high")),
                scalar(injuries.get("low")),
                scalar(injuries.get("best")),
                scalar(injuries.get("high")),
                scalar(deaths.get("policy") or injuries.get("policy")),
                len(findings),
                text,
            )
        )
        ch = self.children
        cite = ch["citations"]
        for i, st in enumerate(map(_dict, _list(record.get("statements")))):
            s, e = _span(st.get("span"))
            refs = _list(st.get("refs"))
            ch["statements"].append(
                (
                    eid,
                    scalar(st.get("id")),
                    i,
                    scalar(st.get("property")),
                    scalar(st.get("text")),
                    scalar(st.get("category")),
                    scalar(st.get("party")),
                    scalar(st.get("comparator")),
                    scalar(st.get("low")),
                    scalar(st.get("best")),
                    scalar(st.get("high")),
                    _json(st.get("value")),
                    scalar(st.get("origin")),
                    s,
                    e,
                    _json(st.get("refs")),
                    scalar(st.get("support")),
                )
            )
            cite.extend(
                (eid, "statement", scalar(st.get("id")), scalar(r)) for r in refs if r is not None
            )
        for i, se in enumerate(map(_dict, _list(record.get("sentences")))):
            s, e = _span(se.get("span"))
            ch["sentences"].append(
                (
                    eid,
                    scalar(se.get("id")),
                    i,
                    scalar(se.get("text")),
                    s,
                    e,
                    _json(se.get("refs")),
                    scalar(se.get("support")),
                    scalar(se.get("section")),
                )
            )
            cite.extend(
                (eid, "sentence", scalar(se.get("id")), scalar(r))
                for r in _list(se.get("refs"))
                if r is not None
            )
        # The footnotes, the notes, then the works of the Bibliography list (``list`` tells
        # them apart; positions run on across all three). A record written before the split
        # flags its bibliography works inside ``references``; one written before notes were
        # split has no ``notes`` and keeps them among its footnotes.
        cited = [
            (
                "bibliography"
                if key == "bibliography" or rf.get("bibliography")
                else "notes"
                if key == "notes"
                else "footnotes",
                rf,
            )
            for key in ("references", "notes", "bibliography")
            for rf in map(_dict, _list(record.get(key)))
        ]
        for i, (lst, rf) in enumerate(cited):
            s, e = _span(rf.get("span"))
            ch["refs"].append(
                (eid, scalar(rf.get("id")), i, scalar(rf.get("label")), scalar(rf.get("kind")))
                + (scalar(rf.get("text")), s, e)
                + tuple(
                    scalar(rf.get(k))
                    for k in (
                        "uses",
                        "authors",
                        "title",
                        "work",
                        "publisher",
                        "date",
                        "accessed",
                        "pages",
                        "isbn",
                        "isbn_valid",
                        "doi",
                        "url",
                        "resolves_to",
                    )
                )
                + (lst,)
            )
        for i, fd in enumerate(map(_dict, findings)):
            spans = _list(fd.get("spans"))
            s, e = _span(spans[0]) if spans else (None, None)
            ch["findings"].append(
                (
                    eid,
                    i,
                    str(fd.get("code")),
                    scalar(fd.get("severity")),
                    scalar(fd.get("message")),
                    s,
                    e,
                    _json(fd.get("spans")),
                    _json(fd.get("refs")),
                    _json(fd.get("statements")),
                )
            )
            cite.extend(
                (eid, "finding", str(i), scalar(r)) for r in _list(fd.get("refs")) if r is not None
            )
        infobox = _dict(record.get("infobox"))
        template = scalar(infobox.get("template"))
        for i, fl in enumerate(map(_dict, _list(infobox.get("fields")))):
            s, e = _span(fl.get("span"))
            ch["fields"].append(
                (
                    eid,
                    i,
                    template,
                    scalar(fl.get("label")),
                    scalar(fl.get("key")),
                    scalar(fl.get("text")),
                    s,
                    e,
                    _json(fl.get("refs")),
                )
            )
            cite.extend(
                (eid, "field", str(i), scalar(r)) for r in _list(fl.get("refs")) if r is not None
            )
        actors = ch["actors"]
        for role, side, actor in _actors(ev):
            actors.append(
                (
                    eid,
                    len(actors),
                    role,
                    side,
                    scalar(actor.get("name")),
                    scalar(actor.get("link")),
                    scalar(actor.get("kind")),
                )
            )
        for i, at in enumerate(_list(ev.get("attack_types"))):
            at = at if isinstance(at, dict) else {"label": at}
            ch["attack_types"].append(
                (eid, i)
                + tuple(
                    scalar(at.get(k))
                    for k in ("label", "acled", "gtd_attacktype", "ucdp_type_of_violence")
                )
            )


def _actors(ev: dict[str, Any]) -> Iterator[tuple[str, int | None, dict[str, Any]]]:
    """Yield ``(role, side, actor)`` for perpetrators, targets and each side's people."""

    def as_actor(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {"name": value}

    for role, key in (
        ("perpetrator", "perpetrators"),
        ("supporter", "supporters"),
        ("target", "targets"),
    ):
        for actor in _list(ev.get(key)):
            yield role, None, as_actor(actor)
    for n, side in enumerate(map(_dict, _list(ev.get("sides")))):
        for role, key in (
            ("combatant", "combatants"),
            ("commander", "commanders"),
            ("supporter", "supporters"),
        ):
            for actor in _list(side.get(key)):
                yield role, n, as_actor(actor)


INSERT = {
    "events": "INSERT INTO events (id, document, title, kind, part_of, date_start, date_end, "
    "precision, date_prec, date_start_key, date_end_key, location_text, location_name, country, "
    "lat, lon, where_prec, deaths_low, deaths_best, deaths_high, injuries_low, injuries_best, "
    "injuries_high, policy, n_findings, record) VALUES (" + ", ".join(["?"] * 26) + ")",
    "statements": "INSERT INTO statements (event, id, position, property, text, category, party, "
    "comparator, low, best, high, value, origin, span_start, span_end, refs, support) "
    "VALUES (" + ", ".join(["?"] * 17) + ")",
    "sentences": "INSERT INTO sentences (event, id, position, text, span_start, span_end, refs, "
    "support, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "refs": "INSERT INTO refs (event, id, position, label, kind, text, span_start, span_end, uses, "
    "authors, title, work, publisher, date, accessed, pages, isbn, isbn_valid, doi, url, "
    "resolves_to, list) VALUES (" + ", ".join(["?"] * 22) + ")",
    "findings": "INSERT INTO findings (event, position, code, severity, message, span_start, "
    "span_end, spans, refs, statements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fields": "INSERT INTO fields (event, position, template, label, key, text, span_start, "
    "span_end, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "actors": "INSERT INTO actors (event, position, role, side, name, link, kind) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "attack_types": "INSERT INTO attack_types (event, position, label, acled, gtd_attacktype, "
    "ucdp_type_of_violence) VALUES (?, ?, ?, ?, ?, ?)",
    "citations": "INSERT INTO citations (event, item, item_id, ref) VALUES (?, ?, ?, ?)",
}
