"""The command-line interface: a thin layer over the library.

Each command parses its options, calls :mod:`eventledger.pipeline` or
:class:`eventledger.store.Ledger`, and formats the result. Errors the library raises on purpose
(:class:`eventledger.errors.EventLedgerError`) become one ``Error: …`` line and exit code 1.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from eventledger import __version__
from eventledger.errors import EventLedgerError
from eventledger.export._common import reference_lists
from eventledger.extract.assemble import POLICIES

DB_HELP = "ledger file (default: $EVENTLEDGER_DB or ledger.sqlite)"


def _db_option(f: Any) -> Any:
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)(
        f
    )


def _db_path(db: str | None) -> str:
    from eventledger.store import default_db_path

    return db or default_db_path()


def _open(db: str | None, *, readonly: bool = False) -> Any:
    from eventledger.store import Ledger

    path = _db_path(db)
    if readonly and not Path(path).exists():
        raise click.ClickException(f"{path}: no such ledger (run `eventledger ingest` first)")
    try:
        return Ledger(path, readonly=readonly)
    except EventLedgerError as e:
        raise click.ClickException(str(e)) from None


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


@click.group()
@click.version_option(__version__, prog_name="eventledger")
def cli() -> None:
    """Turn accounts of violent events into structured, source-linked event records."""


def _read_records(file: str, fmt: str | None, policy: str) -> list[dict[str, Any]]:
    from eventledger.pipeline import parse_path, parse_text
    from eventledger.read import decode

    if file == "-":
        data = sys.stdin.buffer.read()
        return parse_text(decode(data, "<stdin>"), name="-", format=fmt, policy=policy)
    return parse_path(file, format=fmt, policy=policy)


#: The dump pre-filters (``eventledger.dump.prefilter.FILTERS``, written out here so that the
#: CLI starts without importing the dump runner; a test keeps the two equal).
PREFILTERS = ("infobox", "category", "title", "all")


def _prefilter_option(help: str) -> Any:
    """The ``--filter`` option of ``ingest`` and ``spark-ingest``."""
    return click.option(
        "--filter",
        "prefilter",
        type=click.Choice(PREFILTERS),
        default="infobox",
        show_default=True,
        help=help,
    )


@cli.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="print the JSON record(s)")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plaintext", "wikitext", "prose"]),
    default=None,
    help="input format (default: detected from the content)",
)
@click.option(
    "--policy",
    type=click.Choice(POLICIES),
    default="ranges",
    show_default=True,
    help="how statements combine into the event's figures",
)
def parse(file: str, as_json: bool, fmt: str | None, policy: str) -> None:
    """Read one article FILE (or - for standard input) and print its record; no ledger.

    Example:

        eventledger parse article.txt --json
    """
    try:
        records = _read_records(file, fmt, policy)
    except EventLedgerError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        click.echo(_dumps(records[0] if len(records) == 1 else records))
    else:
        for rec in records:
            click.echo(render_record(rec))


def _is_dump(file: str) -> bool:
    if file == "-":
        return False
    name = file.lower()
    if name.endswith((".xml", ".xml.bz2", ".bz2")):
        return True
    try:
        with open(file, "rb") as fh:
            head = fh.read(512).lstrip()
    except OSError:
        return False
    return head.startswith(b"<mediawiki") or (head.startswith(b"<?xml") and b"<mediawiki" in head)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plaintext", "wikitext", "prose"]),
    default=None,
    help="input format of article files (default: detected from the content)",
)
@click.option("--policy", type=click.Choice(POLICIES), default="ranges", show_default=True)
@click.option("--workers", type=int, default=None, help="dumps: worker processes (default: cores)")
@click.option(
    "--resume", is_flag=True, help="dumps: resume an interrupted ingest from its checkpoint"
)
@_prefilter_option("dumps: which pages are candidates")
@click.option("--no-progress", is_flag=True, help="dumps: no progress bar")
@click.option(
    "--decompressor",
    type=click.Choice(["auto", "lbzip2", "workers"]),
    default="auto",
    show_default=True,
    help="dumps: lbzip2 (one lbzip2 process per segment; auto when on PATH) or workers "
    "(each worker decompresses its streams: indexed_bzip2 or the standard library)",
)
def ingest(
    files: tuple[str, ...],
    db: str | None,
    fmt: str | None,
    policy: str,
    workers: int | None,
    resume: bool,
    prefilter: str,
    no_progress: bool,
    decompressor: str,
) -> None:
    """Read article FILES (or MediaWiki XML dumps) and store their records in the ledger.

    Ingesting the same file twice changes nothing. A file that cannot be read is reported
    (one `Error:` line) and recorded in the ledger; the other files still go in; the exit
    code is then 1.

    Example:

        eventledger ingest article.txt --db ledger.sqlite
    """
    failed = 0
    with _open(db) as ledger:
        for file in files:
            if _is_dump(file):
                failed += _ingest_dump(
                    file,
                    _db_path(db),
                    workers=workers,
                    resume=resume,
                    prefilter=prefilter,
                    progress=not no_progress,
                    policy=policy,
                    decompressor=decompressor,
                )
                continue
            try:
                records = _read_records(file, fmt, policy)
            except EventLedgerError as e:
                click.echo(f"Error: {e}", err=True)
                ledger.record_failure(file, None, None, str(e))
                failed += 1
                continue
            except Exception as e:  # noqa: BLE001 - a bug on one file must not stop the batch
                message = f"{file}: internal error ({type(e).__name__}: {e}); this is a bug"
                click.echo(f"Error: {message}", err=True)
                ledger.record_failure(file, None, None, message)
                failed += 1
                continue
            result = ledger.ingest(records)
            for rec in records:
                d = result.as_dict()
                state = (
                    "added" if d.get("added") else "updated" if d.get("updated") else "unchanged"
                )
                click.echo(f"{state}: {rec['id']} {rec['title']} ({file})")
    if failed:
        sys.exit(1)


def _ingest_dump(file: str, db_path: str, **options: Any) -> int:
    """Ingest a dump; return 1 when it failed (the error is printed), else 0."""
    try:
        from eventledger.dump import ingest_dump
    except ImportError as e:  # pragma: no cover - the dump package ships with eventledger
        click.echo(f"Error: {file}: dump ingest is unavailable ({e})", err=True)
        return 1
    try:
        summary = ingest_dump(file, db_path, **options)
    except EventLedgerError as e:
        click.echo(f"Error: {e}", err=True)
        return 1
    click.echo(str(summary))
    return 0


@cli.command(name="spark-ingest")
@click.argument("source", type=click.Path(exists=True))
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL")
@_prefilter_option("which pages are candidates")
@click.option("--policy", type=click.Choice(POLICIES), default="ranges", show_default=True)
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="also load the records into this ledger",
)
def spark_ingest(
    source: str, out_dir: str, master: str, prefilter: str, policy: str, db: str | None
) -> None:
    """Extract records with Apache Spark (extra `spark`) from a multistream dump SOURCE, or a
    Parquet table of title/revision/wikitext, into Parquet files under OUT_DIR.

    The per-page function is the very one `eventledger ingest` runs. With --db, the Parquet
    records are then loaded into the ledger.

    Example:

        SPARK_LOCAL_IP=127.0.0.1 eventledger spark-ingest enwiki-multistream.xml.bz2 out/ --db ledger.sqlite
    """
    from eventledger.dump import spark_ingest as run

    try:
        counts = run(source, out_dir, master=master, filter=prefilter, policy=policy)
    except EventLedgerError as e:
        raise click.ClickException(str(e)) from None
    click.echo(
        f"spark: {counts['units']} units, {counts['records']} records, "
        f"{counts['failures']} failed pages -> {out_dir}"
    )
    if db:
        from eventledger.dump.spark import load_parquet

        loaded = load_parquet(out_dir, _db_path(db))
        click.echo(
            f"ledger {_db_path(db)}: {loaded['added']} added, {loaded['updated']} updated, "
            f"{loaded['unchanged']} unchanged, {loaded['failures']} failures recorded"
        )


@cli.command()
@click.argument("ident", metavar="ID|TITLE")
@click.option("--json", "as_json", is_flag=True, help="print the JSON record")
@_db_option
def show(ident: str, as_json: bool, db: str | None) -> None:
    """Show one event with the evidence for each value, and its findings.

    Example:

        eventledger show "Title of the event"
    """
    with _open(db, readonly=True) as ledger:
        try:
            record = ledger.get(ident)
        except EventLedgerError as e:
            raise click.ClickException(str(e)) from None
    click.echo(_dumps(record) if as_json else render_record(record))


@cli.command(name="list")
@_db_option
@click.option("--kind", type=click.Choice(["attack", "battle", "war", "other"]), default=None)
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code")
@click.option("--json", "as_json", is_flag=True, help="print JSON lines")
def list_(db: str | None, kind: str | None, country: str | None, as_json: bool) -> None:
    """List the events in the ledger: id, date, kind, deaths, title."""
    with _open(db, readonly=True) as ledger:
        rows = ledger.list(kind=kind, country=country)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{row['id']}  {row.get('date_start') or '?':<10}  {row.get('kind') or '?':<6}  "
                f"deaths {_interval(row.get('deaths_low'), row.get('deaths_best'), row.get('deaths_high')):<14}  "
                f"{row['title']}"
            )


@cli.command()
@click.argument("query")
@_db_option
@click.option("--limit", type=int, default=50, show_default=True)
def search(query: str, db: str | None, limit: int) -> None:
    """Full-text search over event titles and sentences.

    Example:

        eventledger search massacre
    """
    with _open(db, readonly=True) as ledger:
        rows = ledger.search(query, limit=limit)
    if not rows:
        click.echo(f"no event matches {query!r}")
        return
    for row in rows:
        click.echo(f"{row['id']}  {row['title']}: {row.get('snippet') or ''}")


@cli.command()
@click.argument("ident", metavar="[ID|TITLE]", required=False)
@_db_option
@click.option("--code", default=None, help="only findings with this code, e.g. CONTRADICTION")
@click.option("--json", "as_json", is_flag=True, help="print JSON lines")
def findings(ident: str | None, db: str | None, code: str | None, as_json: bool) -> None:
    """List findings, of one event or of the whole ledger."""
    with _open(db, readonly=True) as ledger:
        try:
            rows = ledger.findings(ident, code=code)
        except EventLedgerError as e:
            raise click.ClickException(str(e)) from None
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{row.get('title', '')}: {row['code']} ({row['severity']}) {row['message']}"
            )


def _figure_dict(fig: Any) -> dict[str, Any]:
    return {
        "text": fig.text,
        "category": fig.category,
        "comparator": fig.comparator,
        "low": fig.low,
        "best": fig.best,
        "high": fig.high,
        "approximate": fig.approximate,
        "unknown": fig.unknown,
        "party": fig.party,
        "attribution": fig.attribution,
        "subset": fig.subset,
    }


@cli.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@click.option(
    "--category",
    type=click.Choice(["killed", "wounded", "captured", "missing", "casualties"]),
    default=None,
    help="category when the phrase names none (as an infobox field would)",
)
def figure(text: str, as_json: bool, category: str | None) -> None:
    """Show the casualty figures the normaliser reads in one phrase TEXT.

    With - as TEXT, read one phrase per line from standard input and print one JSON line per
    phrase: {"phrase": …, "figures": […]}.

    Example:

        eventledger figure "well over one thousand killed"
    """
    from eventledger.normalise.numbers import figures_in_field

    if text == "-":
        for line in sys.stdin:
            phrase = line.rstrip("\n")
            figs = figures_in_field(phrase, category) if phrase.strip() else []
            click.echo(
                json.dumps(
                    {"phrase": phrase, "figures": [_figure_dict(f) for f in figs]},
                    ensure_ascii=False,
                )
            )
        return
    figs = figures_in_field(text, category)
    if not figs:
        raise click.ClickException(f"{text!r} holds no casualty figure")
    if as_json:
        click.echo(_dumps([_figure_dict(f) for f in figs]))
        return
    for f in figs:
        click.echo(
            f"{f.category or '-'}\t{f.comparator or '-'}\tlow={_n(f.low)}\tbest={_n(f.best)}"
            f"\thigh={_n(f.high)}\t{f.text!r}"
        )


# ---- the human view of a record -----------------------------------------------------------


def _n(x: Any) -> str:
    return "null" if x is None else str(x)


def _interval(low: Any, best: Any, high: Any) -> str:
    if low is None and best is None and high is None:
        return "unknown"
    if low is not None and low == high:
        return str(low)
    s = f"{_n(low)}–{'' if high is None else high}" if low is not None or high is not None else ""
    if best is not None:
        s = f"{s} (best {best})" if s else f"~{best}"
    return s


def render_record(rec: dict[str, Any]) -> str:
    """A human view of a record: each value with its evidence, then references and findings."""
    st_by_id = {s["id"]: s for s in rec["statements"]}
    footnotes, notes, bibliography = reference_lists(rec)
    ref_by_id = {r["id"]: r for r in footnotes + notes + bibliography}
    ev = rec["event"]
    out: list[str] = []
    box = rec["infobox"]["template"]
    out.append(f"{rec['title']}  [{rec['id']}]")
    out.append(f"  kind: {ev['kind']}" + (f" (infobox {box})" if box else " (no infobox)"))
    src = rec["source"]
    out.append(
        f"  source: {src['format']} {src['name']}"
        + (f" rev {src['revision']}" if src.get("revision") else "")
    )

    def evidence(ids: list[str], indent: str = "      ") -> None:
        for sid in ids:
            st = st_by_id.get(sid)
            if not st:
                continue
            if st["origin"] == "infobox":
                where = f'infobox "{st["field"]}"'
            elif st.get("sentence"):
                where = f"sentence {st['sentence']}" + (
                    f" ({st['section']})" if st.get("section") else ""
                )
            else:
                where = "page markup"  # e.g. {{coord|…|display=title}} outside the infobox
            refs = " ".join(f"[{ref_by_id[r]['label']}]" for r in st["refs"] if r in ref_by_id)
            extra = f" {st['attribution']}" if st.get("attribution") else ""
            out.append(
                f"{indent}← {where}: {st['text']!r}{extra} · {st['support']}"
                + (f" {refs}" if refs else "")
            )

    def stmt_ids(prop: str) -> list[str]:
        return [s["id"] for s in rec["statements"] if s["property"] == prop]

    if ev.get("part_of"):
        out.append(f"  part of: {'; '.join(ev['part_of'])}")
        evidence(stmt_ids("part_of")[:1])
    d = ev["date"]
    if d["start"]:
        span = d["start"] if d["end"] in (None, d["start"]) else f"{d['start']} – {d['end']}"
        out.append(f"  date: {span} (precision {d['precision']}, date_prec {d['date_prec']})")
    else:
        out.append("  date: unknown")
    evidence(d["statements"])
    loc = ev["location"]
    if loc["text"] or loc["lat"] is not None:
        coords = f" ({loc['lat']:.4f}, {loc['lon']:.4f})" if loc["lat"] is not None else ""
        out.append(
            f"  location: {loc['text']} → {loc['name'] or '?'}"
            f"{', ' + loc['country'] if loc['country'] else ''}{coords}, where_prec {_n(loc['where_prec'])}"
            + (f" (matched {loc['matched']!r})" if loc.get("matched") else "")
        )
        evidence(loc["statements"])
    for key in ("deaths", "injuries"):
        q = ev[key]
        out.append(
            f"  {key}: {_interval(q['low'], q['best'], q['high'])} "
            f"[low {_n(q['low'])}, best {_n(q['best'])}, high {_n(q['high'])}; policy {q['policy']}]"
        )
        evidence(q["statements"])
    for key, label in (
        ("perpetrators", "perpetrators"),
        ("supporters", "supported by"),
        ("targets", "targets"),
    ):
        if ev.get(key):
            out.append(f"  {label}: " + "; ".join(f"{a['name']} ({a['kind']})" for a in ev[key]))
            evidence([a["statement"] for a in ev[key] if a.get("statement")][:1])
    if ev.get("attack_types"):
        out.append("  attack types: " + ", ".join(a["label"] for a in ev["attack_types"]))
    for key in ("motive", "result"):
        if ev.get(key):
            out.append(f"  {key}: {ev[key]}")
    for side in ev.get("sides", []):
        names = ", ".join(a["name"] for a in side["combatants"]) or "?"
        out.append(f"  side {side['side']}: {names}")
        if side["commanders"]:
            out.append("      commanders: " + ", ".join(a["name"] for a in side["commanders"]))
        if side.get("supporters"):
            out.append("      supported by: " + ", ".join(a["name"] for a in side["supporters"]))
        st_q = side["strength"]
        if st_q["statements"]:
            out.append(f"      strength: {_interval(st_q['low'], st_q['best'], st_q['high'])}")
        for cat, q in side["casualties"].items():
            if q["statements"]:
                out.append(f"      {cat}: {_interval(q['low'], q['best'], q['high'])}")
                evidence(q["statements"], "          ")
    out.append(f"  references ({len(footnotes)}):")
    out += [_reference_line(r) for r in footnotes]
    if notes:
        out.append(f"  notes ({len(notes)}):")
        out += [_reference_line(r) for r in notes]
    if bibliography:
        out.append(f"  bibliography ({len(bibliography)}):")
        out += [_reference_line(r) for r in bibliography]
    out.append(f"  findings ({len(rec['findings'])}):")
    for f in rec["findings"]:
        out.append(f"    {f['code']} ({f['severity']}): {f['message']}")
    return "\n".join(out)


def _reference_line(r: dict[str, Any]) -> str:
    """One footnote or bibliography work as a line of the human view."""
    bits = [r["kind"]]
    if r["authors"]:
        bits.append("; ".join(r["authors"]))
    if r["title"]:
        bits.append(repr(r["title"]))
    if r["work"]:
        bits.append(r["work"])
    if r["publisher"]:
        bits.append(r["publisher"])
    if r["date"]:
        bits.append(r["date"])
    if r["isbn"]:
        bits.append(f"ISBN {r['isbn']} ({'valid' if r['isbn_valid'] else 'INVALID'})")
    if r["pages"]:
        bits.append(f"p. {r['pages']}")
    if r["accessed"]:
        bits.append(f"retrieved {r['accessed']}")
    if r.get("resolves_to"):
        bits.append(f"→ {r['resolves_to']}")
    return f"    [{r['label']}] " + ", ".join(bits) + f" · used {r['uses']}×"


# serve and export live beside their packages; their modules import only click at top level.
from eventledger.export.command import export_command  # noqa: E402
from eventledger.web.command import serve_command  # noqa: E402

cli.add_command(serve_command)
cli.add_command(export_command)


def main() -> None:  # pragma: no cover
    cli(prog_name="eventledger")


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
