"""Helpers shared by the exporters: the summary, date bounds, reference lookup.

Exporters read records in the ``eventledger/record@1`` shape (see DESIGN.md) and never fail on
a missing key: a value the record lacks is written empty, never invented.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO


@dataclass
class ExportSummary:
    """What an export wrote and what it had to leave out.

    ``records`` counts the records read, ``written`` the rows/features/items written.
    ``unlocated`` lists the ids of events without coordinates (GeoJSON puts them in a separate
    member). ``skipped`` counts statements or values a format cannot express, by reason;
    ``flagged`` counts values filled by a documented rule (GED ``best`` from a lower bound).
    ``files`` lists the files written (Parquet writes one per entity).
    """

    format: str
    records: int = 0
    written: int = 0
    unlocated: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def skip(self, reason: str, n: int = 1) -> None:
        """Count *n* values left out for *reason*."""
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def flag(self, reason: str, n: int = 1) -> None:
        """Count *n* values filled by the documented rule *reason*."""
        self.flagged[reason] = self.flagged.get(reason, 0) + n

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "records": self.records,
            "written": self.written,
            "unlocated": list(self.unlocated),
            "skipped": dict(self.skipped),
            "flagged": dict(self.flagged),
            "files": list(self.files),
        }


def event_of(record: dict) -> dict:
    """Return the record's ``event`` member, or an empty dict."""
    return record.get("event") or {}


def sub(d: dict | None, key: str) -> dict:
    """Return ``d[key]`` when it is a dict, else an empty dict (tolerates nulls)."""
    if not d:
        return {}
    v = d.get(key)
    return v if isinstance(v, dict) else {}


def has_coordinates(record: dict) -> bool:
    loc = sub(event_of(record), "location")
    return _is_num(loc.get("lat")) and _is_num(loc.get("lon"))


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def as_int(v: Any) -> int | None:
    """Return *v* as an int when it is an integral number (or numeric string), else None."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and v.strip().lstrip("+-").isdigit():
        return int(v)
    return None


def split_iso(value: str) -> tuple[int, int | None, int | None]:
    """Split an ISO date written to its precision (``1945-08-14``, ``1945-08``, ``-0031``).

    BC years are negative with no year zero, as Wikidata writes them (31 BC is ``-0031``).

    :raises ValueError: if *value* is not such a date.
    """
    s = value.strip()
    sign = -1 if s.startswith("-") else 1
    parts = s.lstrip("+-").split("-")
    if not parts[0].isdigit() or len(parts) > 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not an ISO date written to its precision: {value!r}")
    year = sign * int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    return year, month, day


def fmt_year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def day_bounds(start: str | None, end: str | None) -> tuple[str, str] | None:
    """Return the first and last day (``YYYY-MM-DD``) that a date range can cover.

    A date written to month or year precision covers the whole month or year
    (``1945-08`` -> ``1945-08-01``..``1945-08-31``); the end defaults to the start. Used
    where a format needs full dates (GED) and the precision is stated next to it.
    """
    if not start:
        return None
    try:
        y0, m0, d0 = split_iso(start)
        y1, m1, d1 = split_iso(end) if end else (y0, m0, d0)
    except ValueError:
        return None
    first = f"{fmt_year(y0)}-{m0 or 1:02d}-{d0 or 1:02d}"
    m1 = m1 or 12
    if d1 is None:
        # calendar.monthrange wants a proleptic year >= 1; the leap rule repeats every 400.
        d1 = calendar.monthrange(y1 % 400 or 400, m1)[1]
    last = f"{fmt_year(y1)}-{m1:02d}-{d1:02d}"
    return first, last


def year_of(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return split_iso(iso)[0]
    except ValueError:
        return None


def reference_lists(record: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """Return ``(footnotes, notes, bibliography)`` of *record*: the page's citations
    (``references``), its explanatory notes (``notes``) and the works of its
    Bibliography/Sources list (``bibliography``).

    Records written before the lists were split kept the works inside ``references`` with
    ``"bibliography": true``; such an entry counts as a bibliography work here. Records written
    before notes were split have no ``notes`` key: their notes stay among the footnotes.
    """
    refs = [r for r in record.get("references") or [] if isinstance(r, dict)]
    notes = [r for r in record.get("notes") or [] if isinstance(r, dict)]
    bib = [r for r in record.get("bibliography") or [] if isinstance(r, dict)]
    return (
        [r for r in refs if not r.get("bibliography")],
        notes,
        [r for r in refs if r.get("bibliography")] + bib,
    )


def all_references(record: dict) -> list[dict]:
    """Every entry a reference id may name: the record's footnotes, then its notes, then its
    bibliography works (ids are unique across the three lists)."""
    footnotes, notes, bibliography = reference_lists(record)
    return footnotes + notes + bibliography


def references_by_id(record: dict) -> dict[str, dict]:
    """The footnotes, notes and bibliography works of *record* by id (a short citation's
    ``resolves_to`` usually names a bibliography work; an infobox field's marker may name a
    note)."""
    return {r["id"]: r for r in all_references(record) if r.get("id") is not None}


def statements_by_id(record: dict) -> dict[str, dict]:
    return {s["id"]: s for s in record.get("statements") or [] if s.get("id") is not None}


def refs_of_statements(record: dict, statement_ids: Iterable[str]) -> list[dict]:
    """Return the references that support the given statements, in first-use order, no repeats."""
    stmts = statements_by_id(record)
    refs = references_by_id(record)
    out: list[dict] = []
    seen: set[str] = set()
    for sid in statement_ids:
        for rid in (stmts.get(sid) or {}).get("refs") or []:
            if rid in refs and rid not in seen:
                seen.add(rid)
                out.append(refs[rid])
    return out


def value_statement_ids(record: dict, *members: str) -> list[str]:
    """Ids of the statements behind the event's assembled values (``date``, ``deaths``, …)."""
    ev = event_of(record)
    out: list[str] = []
    for m in members or ("date", "location", "deaths", "injuries"):
        for sid in sub(ev, m).get("statements") or []:
            if sid not in out:
                out.append(sid)
    return out


def names(actors: Iterable[dict] | None) -> list[str]:
    return [a["name"] for a in actors or [] if isinstance(a, dict) and a.get("name")]


def iter_counted(records: Iterable[dict], summary: ExportSummary) -> Iterator[dict]:
    """Yield records, counting them in ``summary.records``."""
    for r in records:
        summary.records += 1
        yield r


@contextmanager
def text_stream(out: BinaryIO) -> Iterator[io.TextIOWrapper]:
    """Wrap a binary stream for UTF-8 text; the stream is flushed and left open afterwards."""
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()
