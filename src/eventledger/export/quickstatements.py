"""Wikidata QuickStatements v1: one new item per event, with sources.

Syntax (QuickStatements v1, as parsed by both the original tool and QuickStatements 3):
tab-separated commands; ``CREATE`` makes an item that ``LAST`` then refers to;
``LAST<TAB>Len<TAB>"label"``; ``LAST<TAB>P…<TAB>value`` followed by ``S…<TAB>value`` pairs
that form one reference. Values: ``Q42``; ``"string"``; time ``+1945-08-14T00:00:00Z/11``
(precision 11 day, 10 month, 9 year, 8 decade, 7 century; ``/J`` suffix for the Julian
calendar); ``@lat/lon``; quantities ``42`` or ``42~2`` (value ± a symmetric tolerance).
QuickStatements v1 has no comments and no syntax for asymmetric bounds.

What is written per event:

* ``CREATE``; ``Len`` the title (language from ``source.language``, default ``en``);
  ``P31`` massacre/terrorist attack/battle/war/occurrence (:func:`~eventledger.export.jsonld.event_class`).
* ``P585`` point in time when start equals end, else ``P580`` start and ``P582`` end; dates
  before 1582-10-15 carry ``/J`` (Wikidata takes dates before the Gregorian reform as Julian).
* ``P625`` the coordinates; ``P1120`` number of deaths, ``P1339`` number of injured.
* a quantity needs a value: ``best`` with its interval when the interval is symmetric about it
  (``1000~200``), ``best`` alone when it is not (the bounds are counted as dropped); with no
  best, an exact interval (low = high) gives that value; any other interval (``over 1,000``,
  ``300–500``) has no value QuickStatements could write without inventing one: skipped, counted.
* ``P8031`` perpetrator and ``P361`` part of need an item: written only when the actor's link or
  the part-of name is a QID; otherwise skipped and counted (QS v1 has no comment lines).
* each sourced statement is repeated once per reference: ``S854`` reference URL, ``S248`` stated
  in (only a QID), ``S813`` retrieved (only with a URL or QID beside it). A reference with
  neither URL nor QID cannot be cited and is counted; a statement with no citable reference
  is written without a source and counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from eventledger.export._common import (
    ExportSummary,
    as_int,
    event_of,
    has_coordinates,
    refs_of_statements,
    split_iso,
    sub,
)
from eventledger.export.jsonld import event_class

PRECISION = {"day": 11, "month": 10, "year": 9, "decade": 8, "century": 7}
_QID = re.compile(r"^Q[1-9]\d*$")


def qs_time(iso: str, precision: str | None = None) -> str | None:
    """Return a QuickStatements time value for an ISO date written to its precision.

    ``1945-08-14`` -> ``+1945-08-14T00:00:00Z/11``; ``1945-08`` -> ``+1945-08-00T00:00:00Z/10``;
    ``-0031`` -> ``-0031-00-00T00:00:00Z/9/J``. *precision* (``day`` … ``century``) overrides
    what the length of the date implies. Dates before 1582-10-15 get the Julian flag.
    """
    try:
        year, month, day = split_iso(iso)
    except ValueError:
        return None
    implied = "day" if day else "month" if month else "year"
    prec = PRECISION.get(precision or implied, PRECISION[implied])
    sign = "-" if year < 0 else "+"
    text = f"{sign}{abs(year):04d}-{month or 0:02d}-{day or 0:02d}T00:00:00Z/{prec}"
    if (year, month or 1, day or 1) < (1582, 10, 15):
        text += "/J"
    return text


def qs_quantity(q: dict) -> tuple[str | None, str | None]:
    """Return (QuickStatements quantity, reason it was degraded or skipped) for an interval."""
    best, low, high = as_int(q.get("best")), as_int(q.get("low")), as_int(q.get("high"))
    if best is None:
        if low is not None and low == high:
            return str(low), None
        if low is None and high is None:
            return None, None
        return None, "no point value (interval only)"
    if low is None and high is None:
        return str(best), None
    if low is not None and high is not None and best - low == high - best:
        return (f"{best}~{best - low}" if high != low else str(best)), None
    return str(best), "asymmetric or open bounds dropped"


def _string(text: str) -> str:
    return '"' + re.sub(r"\s+", " ", text).replace('"', "'").strip() + '"'


def _retrieved(accessed: str | None) -> str | None:
    if not accessed:
        return None
    try:
        y, m, d = split_iso(accessed)
    except ValueError:
        return None
    return qs_time(accessed) if m and d and y > 0 else None


def _sources(refs: list[dict], summary: ExportSummary) -> list[str]:
    """One source block (``S854 … S248 … S813 …``) per citable reference."""
    blocks: list[str] = []
    for ref in refs:
        parts: list[str] = []
        if ref.get("url"):
            parts += ["S854", _string(str(ref["url"]))]
        qid = ref.get("qid") or ref.get("resolves_to")
        if isinstance(qid, str) and _QID.match(qid):
            parts += ["S248", qid]
        if not parts:
            summary.skip("reference without URL or QID")
            continue
        retrieved = _retrieved(ref.get("accessed"))
        if retrieved:
            parts += ["S813", retrieved]
        blocks.append("\t".join(parts))
    return blocks


def record_lines(record: dict, summary: ExportSummary) -> list[str]:
    """Return the QuickStatements v1 lines that create one event's item."""
    ev = event_of(record)
    lang = str(sub(record, "source").get("language") or "en").lower()
    lines = ["CREATE"]
    if record.get("title"):
        lines.append(f"LAST\tL{lang}\t{_string(record['title'])}")
    lines.append(f"LAST\tP31\t{event_class(record)}")

    def statement(prop: str, value: str, member: str) -> None:
        ids = sub(ev, member).get("statements") or []
        blocks = _sources(refs_of_statements(record, ids), summary)
        if not blocks:
            summary.skip("statement without a citable source (written unsourced)")
            lines.append(f"LAST\t{prop}\t{value}")
        for block in blocks:
            lines.append(f"LAST\t{prop}\t{value}\t{block}")

    date = sub(ev, "date")
    start, end, prec = date.get("start"), date.get("end"), date.get("precision")
    t_start = qs_time(start, prec) if start else None
    t_end = qs_time(end, prec) if end else None
    if t_start and (t_end is None or t_end == t_start):
        statement("P585", t_start, "date")
    elif t_start and t_end:
        statement("P580", t_start, "date")
        statement("P582", t_end, "date")
    if has_coordinates(record):
        loc = sub(ev, "location")
        statement("P625", f"@{float(loc['lat'])}/{float(loc['lon'])}", "location")
    for member, prop in (("deaths", "P1120"), ("injuries", "P1339")):
        value, problem = qs_quantity(sub(ev, member))
        if problem:
            summary.skip(f"{prop} {problem}")
        if value is not None:
            statement(prop, value, member)
    for actor in ev.get("perpetrators") or []:
        qid = (actor or {}).get("qid") or (actor or {}).get("link")
        if isinstance(qid, str) and _QID.match(qid):
            lines.append(f"LAST\tP8031\t{qid}")
        else:
            summary.skip("P8031 perpetrator without QID")
    for part in ev.get("part_of") or []:
        if isinstance(part, str) and _QID.match(part):
            lines.append(f"LAST\tP361\t{part}")
        else:
            summary.skip("P361 part of without QID")
    return lines


class QuickStatementsExporter:
    """Write QuickStatements v1 commands (one ``CREATE`` block per event)."""

    name = "quickstatements"
    extension = ".qs.txt"
    media_type = "text/tab-separated-values"
    directory = False

    def write(self, records: Iterable[dict], out: BinaryIO, summary: ExportSummary) -> None:
        for record in records:
            for line in record_lines(record, summary):
                out.write(line.encode("utf-8") + b"\n")
            summary.written += 1


EXPORTER = QuickStatementsExporter()
