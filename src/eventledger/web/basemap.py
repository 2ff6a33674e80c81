"""Build the offline base map: Natural Earth country outlines as GeoJSON, from TopoJSON.

The web UI draws its map from ``static/countries-110m.geojson``, committed to the repository,
so nothing is fetched at run time. That file is made once, at build time, from npm's
``world-atlas`` package (Natural Earth 1:110m Admin 0 countries, public domain; packaging ISC)::

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python -m eventledger.web.basemap package/countries-110m.json \
        src/eventledger/web/static/countries-110m.geojson

TopoJSON stores shared borders once as *arcs*; with a ``transform`` they are quantised and
delta-encoded (each position after the first is an offset from the previous one). A negative
arc index ``~i`` means arc ``i`` reversed. Decoding follows the TopoJSON specification 2.1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Position = list[float]


def _decode_arcs(topology: dict[str, Any], digits: int) -> list[list[Position]]:
    """Return every arc as absolute [lon, lat] positions, rounded to *digits* decimals."""
    transform = topology.get("transform")
    arcs: list[list[Position]] = []
    for arc in topology["arcs"]:
        out: list[Position] = []
        x = y = 0.0
        for point in arc:
            if transform:
                x += point[0]
                y += point[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                lon, lat = x * sx + tx, y * sy + ty
            else:
                lon, lat = point[0], point[1]
            out.append([round(lon, digits), round(lat, digits)])
        arcs.append(out)
    return arcs


def _ring(indexes: list[int], arcs: list[list[Position]]) -> list[Position]:
    """Join arcs into one ring; consecutive arcs share their end/start position (kept once)."""
    ring: list[Position] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(arc if not ring else arc[1:])
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _geometry(obj: dict[str, Any], arcs: list[list[Position]]) -> dict[str, Any] | None:
    kind = obj.get("type")
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r, arcs) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {
            "type": kind,
            "coordinates": [[_ring(r, arcs) for r in poly] for poly in obj["arcs"]],
        }
    return None  # null geometries (and lines/points, which country outlines do not use)


def topology_to_geojson(
    topology: dict[str, Any], object_name: str = "countries", digits: int = 3
) -> dict[str, Any]:
    """Convert one geometry collection of a TopoJSON *topology* to a GeoJSON FeatureCollection.

    Features keep the TopoJSON ``id`` and ``properties`` (world-atlas: ISO 3166 numeric id and
    ``name``); features without geometry are dropped.
    """
    arcs = _decode_arcs(topology, digits)
    features = []
    for obj in topology["objects"][object_name]["geometries"]:
        geometry = _geometry(obj, arcs)
        if geometry is None:
            continue
        feature: dict[str, Any] = {"type": "Feature", "properties": obj.get("properties", {})}
        if "id" in obj:
            feature["id"] = obj["id"]
        feature["geometry"] = geometry
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    """``python -m eventledger.web.basemap TOPOJSON OUT.geojson``."""
    if len(argv) != 2:
        print(main.__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    geo = topology_to_geojson(topology)
    Path(argv[1]).write_text(
        json.dumps(geo, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    print(f"{argv[1]}: {len(geo['features'])} features", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
