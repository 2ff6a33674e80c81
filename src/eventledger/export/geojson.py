"""GeoJSON (RFC 7946): a FeatureCollection of located events, plus the unlocated ones.

Each event with coordinates is a Feature with a Point geometry in ``[longitude, latitude]``
order (RFC 7946 §3.1.1) and flat properties: id, title, kind, date start/end/precision,
``date_prec``, ``where_prec``, place name and country, deaths low/best/high and the policy that
assembled them, and ``n_findings``. Events without coordinates cannot be Features with a
geometry that says where they were, and dropping them silently would bias any map: they are
listed in a top-level ``"unlocated": [{"id", "title"}]`` member (a foreign member, RFC 7946
§6.1) and counted in the summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventledger.export._common import ExportSummary, event_of, has_coordinates, sub


def feature(record: dict) -> dict[str, Any]:
    """Return the GeoJSON Feature of a located record."""
    ev = event_of(record)
    loc, date, deaths = sub(ev, "location"), sub(ev, "date"), sub(ev, "deaths")
    props = {
        "id": record.get("id"),
        "title": record.get("title"),
        "kind": ev.get("kind"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "date_prec": date.get("date_prec"),
        "where_prec": loc.get("where_prec"),
        "place": loc.get("name"),
        "country": loc.get("country"),
        "deaths_low": deaths.get("low"),
        "deaths_best": deaths.get("best"),
        "deaths_high": deaths.get("high"),
        "deaths_policy": deaths.get("policy"),
        "n_findings": len(record.get("findings") or []),
    }
    return {
        "type": "Feature",
        "id": record.get("id"),
        "geometry": {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]},
        "properties": props,
    }


class GeoJsonExporter:
    """Write a FeatureCollection; events without coordinates go to ``"unlocated"``."""

    name = "geojson"
    extension = ".geojson"
    media_type = "application/geo+json"
    directory = False

    def write(self, records: Iterable[dict], out: BinaryIO, summary: ExportSummary) -> None:
        out.write(b'{"type":"FeatureCollection","features":[')
        unlocated: list[dict[str, Any]] = []
        first = True
        for record in records:
            if not has_coordinates(record):
                unlocated.append({"id": record.get("id"), "title": record.get("title")})
                summary.unlocated.append(record.get("id"))
                continue
            if not first:
                out.write(b",\n")
            first = False
            out.write(_dumps(feature(record)))
            summary.written += 1
        out.write(b'],\n"unlocated":' + _dumps(unlocated) + b"}\n")


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


EXPORTER = GeoJsonExporter()
