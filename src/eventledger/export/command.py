"""``eventledger export``: the click command (heavy imports happen inside it)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

#: The built-in formats (the registry may hold more; unknown names are checked at run time).
FORMATS = ("ged-csv", "geojson", "jsonld", "quickstatements", "parquet", "jsonl")


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    required=True,
    metavar="FORMAT",
    help=f"output format: {', '.join(FORMATS)}",
)
@click.option(
    "--out",
    "out",
    type=click.Path(),
    default=None,
    help="file to write (a directory for parquet); default: standard output",
)
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="ledger file (default: $EVENTLEDGER_DB or ledger.sqlite)",
)
@click.option("--query", default=None, help="only events that match this full-text search")
@click.option(
    "--kind",
    type=click.Choice(["attack", "battle", "war", "other"]),
    default=None,
    help="only events of this kind",
)
@click.option("--country", default=None, help="only events in this country (ISO 3166-1 alpha-2)")
def export_command(
    fmt: str,
    out: str | None,
    db: str | None,
    query: str | None,
    kind: str | None,
    country: str | None,
) -> None:
    """Export the ledger, or the events a query selects, in a format researchers use.

    Filters combine: --query with --kind and --country keeps events matching all of them.
    Events are written oldest first. The summary (records written, left out, flagged) goes to
    standard error; the export to --out, or to standard output (parquet needs --out DIR).

    Example:

        eventledger export --format ged-csv --out events.csv
        eventledger export --format geojson --kind battle > battles.geojson
    """
    from pathlib import Path

    from eventledger.errors import EventLedgerError
    from eventledger.export import EXPORTERS, export
    from eventledger.store import Ledger, default_db_path

    if fmt not in EXPORTERS:
        raise click.UsageError(
            f"unknown format {fmt!r} (known: {', '.join(sorted(EXPORTERS))})",
            click.get_current_context(),
        )
    if EXPORTERS[fmt].directory and out is None:
        raise click.ClickException(f"format {fmt!r} writes a directory: give --out DIR")
    path = db or default_db_path()
    if not Path(path).is_file():
        raise click.ClickException(f"{path}: no such ledger (run `eventledger ingest` first)")
    try:
        ledger = Ledger(path, readonly=True)
    except EventLedgerError as exc:
        raise click.ClickException(str(exc)) from None
    with ledger:
        ids = _selected(ledger, query=query, kind=kind, country=country)

        def records() -> Iterator[dict[str, Any]]:
            for eid in ids:
                yield ledger.get(eid)

        try:
            if out is None:
                summary = export(records(), fmt, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                summary = export(records(), fmt, out)
        except EventLedgerError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(_summary_line(summary.as_dict()), err=True)


def _selected(
    ledger: Any, *, query: str | None, kind: str | None, country: str | None
) -> list[str]:
    """Return the ids of the events to export, oldest first."""
    rows = ledger.list(kind=kind, country=country)
    if query is None:
        return [r["id"] for r in rows]
    hits = {h["id"] for h in ledger.search(query, limit=1_000_000_000)}
    return [r["id"] for r in rows if r["id"] in hits]


def _summary_line(d: dict[str, Any]) -> str:
    """One line for standard error: counts, and the ids of what was left out."""
    parts = [f"{d.get('format')}: {d.get('written', 0)} of {d.get('records', 0)} records written"]
    if d.get("unlocated"):
        parts.append(f"{len(d['unlocated'])} without coordinates")
    for key in ("skipped", "flagged"):
        for reason, n in (d.get(key) or {}).items():
            parts.append(f"{key} {n}: {reason}")
    if d.get("files"):
        parts.append("files: " + ", ".join(map(str, d["files"])))
    return "; ".join(parts)
