"""Parquet: one file per entity (events, statements, sentences, references, findings).

``references.parquet`` holds the footnotes, the notes and the bibliography works of each
record, told apart by its ``list`` column (``footnotes`` | ``notes`` | ``bibliography``);
``events.parquet`` counts them in ``n_references`` (footnotes), ``n_notes`` and
``n_bibliography``.

Needs the ``parquet`` extra (pyarrow). Files go into a directory; every row of the child
tables carries ``event_id``, the record id, so the tables join back. Spans become
``span_start``/``span_end``; values whose type varies by property (a statement's ``value``)
and the nested per-side table of battles are stored as JSON text. Records are written in
batches, so memory stays flat on large exports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventledger.export._common import ExportSummary, as_int, event_of, reference_lists, sub

BATCH = 1000


def _span(v: Any) -> tuple[int | None, int | None]:
    if isinstance(v, list | tuple) and len(v) == 2:
        return as_int(v[0]), as_int(v[1])
    return None, None


def _strs(v: Any) -> list[str] | None:
    if v is None:
        return None
    if isinstance(v, str):
        return [v]
    return [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in v]


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def _text(v: Any) -> str | None:
    return None if v is None else v if isinstance(v, str) else _json(v)


def _float(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _actors(v: Any) -> list[dict] | None:
    if not v:
        return None
    return [{"name": a.get("name"), "link": a.get("link"), "kind": a.get("kind")} for a in v if a]


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    actor = pa.list_(pa.struct([("name", s), ("link", s), ("kind", s)]))
    attack = pa.list_(
        pa.struct([("label", s), ("acled", s), ("gtd_attacktype", i), ("ucdp_type_of_violence", i)])
    )
    span = [("span_start", i), ("span_end", i)]
    return {
        "events": pa.schema([
            ("id", s), ("schema", s), ("title", s), ("source_format", s), ("source_name", s),
            ("source_revision", s), ("source_language", s), ("source_sha256", s),
            ("infobox_template", s), ("kind", s), ("part_of", pa.list_(s)),
            ("date_start", s), ("date_end", s), ("date_precision", s), ("date_prec", i),
            ("location_text", s), ("location_name", s), ("country", s), ("lat", f), ("lon", f),
            ("where_prec", i), ("deaths_low", i), ("deaths_best", i), ("deaths_high", i),
            ("deaths_policy", s), ("injuries_low", i), ("injuries_best", i),
            ("injuries_high", i), ("injuries_policy", s), ("perpetrators", actor),
            ("targets", actor), ("attack_types", attack), ("sides_json", s),
            ("n_statements", i), ("n_references", i), ("n_notes", i), ("n_bibliography", i),
            ("n_findings", i),
        ]),
        "statements": pa.schema([
            ("event_id", s), ("id", s), ("property", s), ("text", s), ("category", s),
            ("party", s), ("comparator", s), ("low", i), ("best", i), ("high", i),
            ("value_json", s), ("origin", s), *span, ("refs", pa.list_(s)), ("support", s),
        ]),
        "sentences": pa.schema([
            ("event_id", s), ("id", s), ("text", s), *span, ("refs", pa.list_(s)),
            ("support", s), ("section", s),
        ]),
        "references": pa.schema([
            ("event_id", s), ("list", s), ("id", s), ("label", s), ("kind", s), ("text", s), *span,
            ("uses", i), ("authors", pa.list_(s)), ("title", s), ("work", s), ("publisher", s),
            ("date", s), ("accessed", s), ("pages", s), ("isbn", s), ("isbn_valid", b),
            ("doi", s), ("url", s), ("resolves_to", s),
        ]),
        "findings": pa.schema([
            ("event_id", s), ("code", s), ("severity", s), ("message", s),
            ("spans", pa.list_(pa.list_(i))), ("refs", pa.list_(s)), ("statements", pa.list_(s)),
        ]),
    }  # fmt: skip


def rows(record: dict) -> dict[str, list[dict[str, Any]]]:
    """Split one record into its rows per entity table."""
    ev = event_of(record)
    src, date, loc = sub(record, "source"), sub(ev, "date"), sub(ev, "location")
    deaths, injuries = sub(ev, "deaths"), sub(ev, "injuries")
    rid = record.get("id")
    footnotes, notes, bibliography = reference_lists(record)
    event = {
        "id": rid, "schema": record.get("schema"), "title": record.get("title"),
        "source_format": src.get("format"), "source_name": src.get("name"),
        "source_revision": _text(src.get("revision")), "source_language": src.get("language"),
        "source_sha256": src.get("sha256"),
        "infobox_template": sub(record, "infobox").get("template"),
        "kind": ev.get("kind"), "part_of": _strs(ev.get("part_of")),
        "date_start": date.get("start"), "date_end": date.get("end"),
        "date_precision": date.get("precision"), "date_prec": as_int(date.get("date_prec")),
        "location_text": loc.get("text"), "location_name": loc.get("name"),
        "country": loc.get("country"), "lat": _float(loc.get("lat")), "lon": _float(loc.get("lon")),
        "where_prec": as_int(loc.get("where_prec")),
        "deaths_low": as_int(deaths.get("low")), "deaths_best": as_int(deaths.get("best")),
        "deaths_high": as_int(deaths.get("high")), "deaths_policy": deaths.get("policy"),
        "injuries_low": as_int(injuries.get("low")), "injuries_best": as_int(injuries.get("best")),
        "injuries_high": as_int(injuries.get("high")), "injuries_policy": injuries.get("policy"),
        "perpetrators": _actors(ev.get("perpetrators")), "targets": _actors(ev.get("targets")),
        "attack_types": [
            {"label": a.get("label"), "acled": a.get("acled"),
             "gtd_attacktype": as_int(a.get("gtd_attacktype")),
             "ucdp_type_of_violence": as_int(a.get("ucdp_type_of_violence"))}
            for a in ev.get("attack_types") or [] if a
        ] or None,
        "sides_json": _json(ev.get("sides")) if ev.get("sides") else None,
        "n_statements": len(record.get("statements") or []),
        "n_references": len(footnotes),
        "n_notes": len(notes),
        "n_bibliography": len(bibliography),
        "n_findings": len(record.get("findings") or []),
    }  # fmt: skip
    statements = []
    for st in record.get("statements") or []:
        a, b = _span(st.get("span"))
        statements.append({
            "event_id": rid, "id": st.get("id"), "property": st.get("property"),
            "text": st.get("text"), "category": st.get("category"), "party": st.get("party"),
            "comparator": st.get("comparator"), "low": as_int(st.get("low")),
            "best": as_int(st.get("best")), "high": as_int(st.get("high")),
            "value_json": _json(st.get("value")), "origin": st.get("origin"),
            "span_start": a, "span_end": b, "refs": _strs(st.get("refs")),
            "support": st.get("support"),
        })  # fmt: skip
    sentences = []
    for se in record.get("sentences") or []:
        a, b = _span(se.get("span"))
        sentences.append({
            "event_id": rid, "id": se.get("id"), "text": se.get("text"), "span_start": a,
            "span_end": b, "refs": _strs(se.get("refs")), "support": se.get("support"),
            "section": se.get("section"),
        })  # fmt: skip
    references = []
    # Each footnote (list "footnotes"), each note ("notes"), each work of the Bibliography list.
    cited = (
        [("footnotes", r) for r in footnotes]
        + [("notes", r) for r in notes]
        + [("bibliography", r) for r in bibliography]
    )
    for lst, r in cited:
        a, b = _span(r.get("span"))
        uses = r.get("uses")
        references.append({
            "event_id": rid, "list": lst, "id": r.get("id"), "label": _text(r.get("label")),
            "kind": r.get("kind"), "text": r.get("text"), "span_start": a, "span_end": b,
            "uses": len(uses) if isinstance(uses, list) else as_int(uses),
            "authors": _strs(r.get("authors")), "title": _text(r.get("title")),
            "work": _text(r.get("work")), "publisher": _text(r.get("publisher")),
            "date": _text(r.get("date")), "accessed": _text(r.get("accessed")),
            "pages": _text(r.get("pages")), "isbn": _text(r.get("isbn")),
            "isbn_valid": r.get("isbn_valid") if isinstance(r.get("isbn_valid"), bool) else None,
            "doi": _text(r.get("doi")), "url": _text(r.get("url")),
            "resolves_to": _text(r.get("resolves_to")),
        })  # fmt: skip
    findings = []
    for fi in record.get("findings") or []:
        spans = [list(_span(sp)) for sp in fi.get("spans") or []]
        findings.append({
            "event_id": rid, "code": fi.get("code"), "severity": fi.get("severity"),
            "message": fi.get("message"), "spans": spans or None,
            "refs": _strs(fi.get("refs")), "statements": _strs(fi.get("statements")),
        })  # fmt: skip
    return {
        "events": [event],
        "statements": statements,
        "sentences": sentences,
        "references": references,
        "findings": findings,
    }


class ParquetExporter:
    """Write ``events.parquet``, ``statements.parquet``, ``sentences.parquet``,
    ``references.parquet`` and ``findings.parquet`` into a directory."""

    name = "parquet"
    extension = ""
    media_type = "application/vnd.apache.parquet"
    directory = True

    def write(self, records: Iterable[dict], out: Path, summary: ExportSummary) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:  # pragma: no cover - depends on the environment
            from eventledger.export import ExportError

            raise ExportError(
                "the parquet export needs pyarrow: pip install 'eventledger[parquet]'"
            ) from e
        schemas = _schemas()
        writers = {
            name: pq.ParquetWriter(out / f"{name}.parquet", schema)
            for name, schema in schemas.items()
        }
        buffers: dict[str, list[dict]] = {name: [] for name in schemas}

        def flush() -> None:
            for name, buf in buffers.items():
                if buf:
                    writers[name].write_table(pa.Table.from_pylist(buf, schema=schemas[name]))
                    buf.clear()

        try:
            for n, record in enumerate(records, 1):
                for name, table_rows in rows(record).items():
                    buffers[name].extend(table_rows)
                summary.written += 1
                if n % BATCH == 0:
                    flush()
            flush()
        finally:
            for w in writers.values():
                w.close()
        summary.files.extend(str(out / f"{name}.parquet") for name in schemas)


EXPORTER = ParquetExporter()
