"""Time Ledger.ingest on synthetic records against a same-run baseline (run by hand).

The baseline is the least a ledger could do: one ``executemany`` of each record's JSON into a
one-column table of a fresh WAL file, in one transaction. The ledger also breaks every record
out into statements, sentences, references, findings, fields, actors and citations and keeps
two FTS5 indexes, so the printed ratio says what that costs. Also timed: re-ingesting the same
records (all unchanged), re-ingesting them as a new revision (all replaced), and a search.

Usage::

    python bench/ledger_ingest.py [N] [--batch SIZE]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from eventledger.store import Ledger

WORDS = (
    "army soldiers village refugees killed wounded captured city river bridge night attack "
    "battalion civilians massacre reported according historian estimated bombardment troops "
    "garrison fortress siege column retreat survivors witnesses lamasery province militia"
).split()


def synthetic(i: int, revision: str, rng: random.Random) -> dict[str, Any]:
    """Return a record of realistic size: 12 statements, 25 sentences, 15 refs, 4 findings."""

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(['massacre', 'battle', 'raid'])} {i}"
    year = rng.randint(-500, 2020)
    return {
        "schema": "eventledger/record@1",
        "id": f"{i:012x}",
        "title": title,
        "source": {
            "format": "wikitext",
            "name": "enwiki-pages-articles.xml.bz2",
            "revision": revision,
            "language": "en",
            "sha256": f"{i:064x}",
            "page_id": str(i),
            "timestamp": "2024-01-01T00:00:00Z",
        },
        "infobox": {
            "template": "Infobox military conflict",
            "fields": [
                {
                    "label": f"Label {k}",
                    "key": f"key{k}",
                    "text": sentence(4),
                    "span": [k, k + 9],
                    "refs": ["r1"],
                }
                for k in range(8)
            ],
        },
        "event": {
            "kind": rng.choice(["attack", "battle", "war", "other"]),
            "part_of": ["Some war"],
            "date": {
                "start": f"{year:05d}" if year < 0 else f"{year:04d}-06-01",
                "end": None,
                "precision": "day",
                "date_prec": 1,
                "statements": ["s1"],
            },
            "location": {
                "text": "Somewhere",
                "name": "Somewhere",
                "country": rng.choice(["China", "France", "Peru", "Vietnam"]),
                "lat": rng.uniform(-80, 80),
                "lon": rng.uniform(-170, 170),
                "where_prec": 4,
                "statements": [],
            },
            "deaths": {
                "low": 100,
                "best": None,
                "high": 200,
                "policy": "ranges",
                "statements": ["s0"],
            },
            "injuries": {
                "low": None,
                "best": None,
                "high": None,
                "policy": "ranges",
                "statements": [],
            },
            "perpetrators": [{"name": "Army A", "link": "Army A", "kind": "state"}],
            "targets": [{"name": "Civilians", "link": None, "kind": "civilians"}],
            "attack_types": [
                {
                    "label": "massacre",
                    "acled": None,
                    "gtd_attacktype": None,
                    "ucdp_type_of_violence": "3",
                }
            ],
            "sides": [
                {
                    "combatants": [{"name": f"Side {s}", "link": None}],
                    "commanders": [{"name": f"Cmdr {s}", "link": None}],
                }
                for s in range(2)
            ],
        },
        "statements": [
            {
                "id": f"s{k}",
                "property": "deaths",
                "text": "over 100",
                "category": "killed",
                "party": None,
                "comparator": ">",
                "low": 101,
                "best": None,
                "high": None,
                "value": None,
                "origin": "body",
                "span": [k * 10, k * 10 + 8],
                "refs": ["r1", "r2"],
                "support": "direct",
            }
            for k in range(12)
        ],
        "sentences": [
            {
                "id": f"p{k}",
                "text": sentence(18),
                "span": [k * 100, k * 100 + 90],
                "refs": [f"r{k % 15}"],
                "support": "direct",
                "section": "History",
            }
            for k in range(25)
        ],
        "references": [
            {
                "id": f"r{k}",
                "label": str(k),
                "kind": "full",
                "text": sentence(10),
                "span": [5000 + k * 50, 5040 + k * 50],
                "uses": 2,
                "authors": ["Author, A."],
                "title": sentence(5),
                "work": None,
                "publisher": "Press",
                "date": "2001",
                "accessed": None,
                "pages": "1-2",
                "isbn": None,
                "isbn_valid": None,
                "doi": None,
                "url": "https://example.org/x",
                "resolves_to": None,
            }
            for k in range(15)
        ],
        "findings": [
            {
                "code": "UNSOURCED_SENTENCE",
                "severity": "warning",
                "message": "m",
                "spans": [[1, 2]],
                "refs": [],
                "statements": [],
            }
            for _ in range(4)
        ],
    }


def timed(label: str, fn: Any) -> float:
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    print(f"{label:<40} {dt:8.3f} s   {out if out is not None else ''}")
    return dt


def baseline(path: Path, records: list[dict[str, Any]], batch: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE raw (record TEXT)")
    for i in range(0, len(records), batch):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO raw VALUES (?)",
            [(json.dumps(r, ensure_ascii=False),) for r in records[i : i + batch]],
        )
        conn.execute("COMMIT")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000, help="records per ingest call")
    args = parser.parse_args()
    rng = random.Random(1)
    records = [synthetic(i, "1", rng) for i in range(args.n)]
    revised = [dict(r, source=dict(r["source"], revision="2")) for r in records]
    batches = range(0, args.n, args.batch)
    with tempfile.TemporaryDirectory() as tmp:
        base = timed(
            f"baseline executemany JSON x{args.n}",
            lambda: baseline(Path(tmp) / "b.sqlite", records, args.batch),
        )
        ledger = Ledger(Path(tmp) / "ledger.sqlite")

        def ingest(recs: list[dict[str, Any]]) -> dict[str, int]:
            total = {"added": 0, "updated": 0, "unchanged": 0}
            for i in batches:
                for k, v in ledger.ingest(recs[i : i + args.batch]).as_dict().items():
                    total[k] += v
            return total

        first = timed("Ledger.ingest (new)", lambda: ingest(records))
        timed("Ledger.ingest again (unchanged)", lambda: ingest(records))
        timed("Ledger.ingest new revision (replace)", lambda: ingest(revised))
        timed("Ledger.search('massacre refugees')", lambda: len(ledger.search("massacre refugees")))
        timed(
            "Ledger.list(country='Peru', since=1900)",
            lambda: len(ledger.list(country="Peru", since=1900)),
        )
        rows = {
            t: ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "statements", "sentences", "refs", "citations")
        }
        ledger.close()
        size = (Path(tmp) / "ledger.sqlite").stat().st_size
        print(f"rows: {rows}; file {size / 1e6:.1f} MB")
        print(f"ratio ledger/baseline (first ingest): {first / base:.1f}x")


if __name__ == "__main__":
    main()
