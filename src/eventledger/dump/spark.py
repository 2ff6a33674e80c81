"""Run the per-page function on Apache Spark, past one machine (optional extra ``spark``).

The same per-page function as :func:`eventledger.dump.ingest_dump` (by default
:func:`eventledger.pipeline.parse_text`) runs on Spark executors over either

* the **units of a multistream dump** (whole bzip2 streams, as planned by
  :func:`eventledger.dump.plan_dump`; each task decompresses its own bytes, so the dump file
  must be readable at the same path on every executor: a shared file system), or
* a **Parquet table** with columns ``title``, ``revision`` and ``wikitext`` (optional:
  ``page_id``, ``timestamp``, ``language``, ``name``).

Records are written as Parquet under ``out_dir/records`` (columns ``source``, ``title``,
``revision``, ``id``, ``unit``, ``pos`` and ``record``, the record's JSON) and failed pages
under ``out_dir/failures``. :func:`load_parquet` ingests that output into a ledger, in unit
order, so the ledger is the one a local ingest gives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventledger.dump.multistream import Unit
from eventledger.dump.prefilter import Prefilter
from eventledger.dump.runner import (
    UNIT_BYTES,
    Context,
    PageFunc,
    UnitResult,
    default_page_func,
    plan_dump,
    run_unit,
)
from eventledger.errors import EventLedgerError
from eventledger.store.rows import canonical_json

RECORD_COLUMNS = ("source", "title", "revision", "id", "unit", "pos", "record")
FAILURE_COLUMNS = ("source", "title", "revision", "unit", "error")


class SparkUnavailable(EventLedgerError):
    """pyspark is not installed: ``pip install 'eventledger[spark]'``."""


def _session(master: str, app: str = "eventledger") -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable(
            "pyspark is not installed; install the extra: pip install 'eventledger[spark]'"
        ) from None
    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


def _rows(ctx: Context, result: UnitResult) -> tuple[list[tuple], list[tuple]]:
    records = [
        (
            ctx.name,
            r.get("title"),
            str((r.get("source") or {}).get("revision") or ""),
            r.get("id"),
            result.key,
            pos,
            canonical_json(r),  # key order kept: the ledger stores the same text either way
        )
        for pos, r in enumerate(result.records)
    ]
    failures = [(ctx.name, f.title, f.revision, result.key, f.error) for f in result.failures]
    if result.error:
        failures.append((ctx.name, None, None, result.key, result.error))
    return records, failures


def _unit_task(ctx: Context, unit: tuple[int, int]) -> list[tuple[str, tuple]]:
    recs, fails = _rows(ctx, run_unit(ctx, Unit(*unit)))
    return [("r", r) for r in recs] + [("f", f) for f in fails]


def _table_task(ctx: Context, rows: Iterator[Any]) -> Iterator[tuple[str, tuple]]:
    """Run the per-page function over rows of a wikitext table (one partition)."""
    for row in rows:
        d = row.asDict()
        name = d.get("name") or ctx.name
        result = UnitResult(key=int(d.get("_n", 0)), end=0)
        try:
            records = ctx.page_func(
                d["wikitext"] or "",
                name=name,
                format="wikitext",
                title=d.get("title"),
                revision=None if d.get("revision") is None else str(d["revision"]),
                page_id=None if d.get("page_id") is None else str(d["page_id"]),
                timestamp=d.get("timestamp"),
                language=d.get("language") or ctx.language,
                policy=ctx.policy,
            )
        except Exception as e:  # noqa: BLE001 - a page that breaks the extractor is data
            yield (
                "f",
                (name, d.get("title"), d.get("revision"), result.key, f"{type(e).__name__}: {e}"),
            )
            continue
        result.records = records
        for r in _rows(Context(**{**_ctx_dict(ctx), "name": name}), result)[0]:
            yield ("r", r)


def _ctx_dict(ctx: Context) -> dict[str, Any]:
    return {f: getattr(ctx, f) for f in Context.__dataclass_fields__}


def spark_ingest(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    page_func: PageFunc | None = None,
    filter: str = "infobox",
    policy: str = "ranges",
    master: str = "local[*]",
    unit_bytes: int = UNIT_BYTES,
    language: str | None = None,
) -> dict[str, int]:
    """Extract the records of a multistream dump or a wikitext Parquet table with Spark.

    :param source: a multistream ``.xml.bz2`` (with its index, or scanned) or a Parquet
        file/folder of ``title``/``revision``/``wikitext`` rows.
    :param out_dir: folder for ``records/`` and ``failures/`` Parquet output (overwritten).
    :param master: the Spark master (``local[*]`` runs on this machine).
    :returns: counts ``{"units", "records", "failures"}``.
    :raises SparkUnavailable: pyspark is not installed.
    :raises DumpError: a dump that is not multistream (Spark needs independent streams).
    """
    from eventledger.read.xmldump import DumpError

    src = Path(source)
    out = Path(out_dir)
    spark = _session(master)
    sc = spark.sparkContext
    func = page_func or default_page_func()
    is_parquet = src.is_dir() or src.suffix == ".parquet"
    if is_parquet:
        ctx = Context(str(src), src.name, language, policy, Prefilter(filter), func)
        df = spark.read.parquet(str(src))
        from pyspark.sql import functions as F

        df = df.withColumn("_n", F.monotonically_increasing_id())
        rows = df.rdd.mapPartitions(lambda it: _table_task(ctx, it))
        units = df.rdd.getNumPartitions()
    else:
        plan = plan_dump(src, unit_bytes=unit_bytes)
        if plan.kind != "multistream":
            raise DumpError(
                f"{src}: one bzip2 stream or plain XML cannot be split for Spark; use a "
                "multistream dump or `eventledger ingest`"
            )
        ctx = Context(
            str(src.resolve()),
            src.name,
            language or plan.siteinfo.language,
            policy,
            Prefilter(filter),
            func,
        )
        todo = [(u.start, u.end) for u in plan.units]
        units = len(todo)
        rows = sc.parallelize(todo, max(1, min(len(todo), 10_000))).flatMap(
            lambda u: _unit_task(ctx, u)
        )
    rows = rows.cache()
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    rec_schema = StructType(
        [StructField(c, StringType()) for c in ("source", "title", "revision", "id")]
        + [StructField("unit", LongType()), StructField("pos", LongType())]
        + [StructField("record", StringType())]
    )
    fail_schema = StructType(
        [StructField(c, StringType()) for c in ("source", "title", "revision")]
        + [StructField("unit", LongType()), StructField("error", StringType())]
    )
    recs = spark.createDataFrame(rows.filter(lambda t: t[0] == "r").map(lambda t: t[1]), rec_schema)
    fails = spark.createDataFrame(
        rows.filter(lambda t: t[0] == "f").map(lambda t: t[1]), fail_schema
    )
    recs.write.mode("overwrite").parquet(str(out / "records"))
    fails.write.mode("overwrite").parquet(str(out / "failures"))
    counts = {"units": units, "records": recs.count(), "failures": fails.count()}
    rows.unpersist()
    return counts


def read_records(out_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Return the records written by :func:`spark_ingest`, in unit and page order (pyarrow)."""
    import pyarrow.parquet as pq

    table = pq.read_table(Path(out_dir) / "records").to_pylist()
    table.sort(key=lambda r: (r["unit"], r["pos"]))
    return [json.loads(r["record"]) for r in table]


def load_parquet(
    out_dir: str | os.PathLike[str], db_path: str | os.PathLike[str], *, batch: int = 500
) -> dict[str, int]:
    """Ingest the Parquet output of :func:`spark_ingest` into the ledger at *db_path*.

    Records go in unit order (each page's records together); failures are recorded.
    :returns: ``{"records", "failures", "added", "updated", "unchanged"}``.
    """
    import pyarrow.parquet as pq

    from eventledger.store import Ledger

    out = Path(out_dir)
    rows = pq.read_table(out / "records").to_pylist()
    rows.sort(key=lambda r: (r["unit"], r["pos"]))
    fails = pq.read_table(out / "failures").to_pylist() if (out / "failures").exists() else []
    counts = {
        "records": len(rows),
        "failures": len(fails),
        "added": 0,
        "updated": 0,
        "unchanged": 0,
    }
    with Ledger(db_path) as ledger:
        i = 0
        while i < len(rows):
            j = min(i + batch, len(rows))
            # never split one page's records over two calls
            while j < len(rows) and (rows[j]["source"], rows[j]["title"]) == (
                rows[j - 1]["source"],
                rows[j - 1]["title"],
            ):
                j += 1
            res = ledger.ingest([json.loads(r["record"]) for r in rows[i:j]])
            for k, v in res.as_dict().items():
                if k in counts:
                    counts[k] += v
            i = j
        for f in sorted(fails, key=lambda r: (r["unit"], r["title"] or "")):
            ledger.record_failure(f["source"], f["title"], f["revision"], f["error"])
    return counts
