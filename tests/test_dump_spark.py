"""Spark local mode gives the same records as the local dump ingest (extra ``spark``)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from eventledger.dump import ingest_dump
from eventledger.dump.multistream import write_multistream
from eventledger.dump.probe import probe_page
from eventledger.store import canonical_json
from tests.test_dump import HEADER, expected_events, synthetic_pages

pyspark = pytest.importorskip(
    "pyspark", reason="pyspark is not installed (pip install 'eventledger[spark]')"
)


@pytest.fixture(scope="module")
def spark_env() -> None:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    yield
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()


def rows(db: Path, sql: str) -> list:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(sql).fetchall())


def test_spark_and_local_give_identical_records(tmp_path: Path, spark_env: None) -> None:
    from eventledger.dump.spark import load_parquet, read_records, spark_ingest

    pages = synthetic_pages(300, every=6, fail=12)
    dump = tmp_path / "sparkwiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=25, level=1)

    local = tmp_path / "local.sqlite"
    ingest_dump(dump, local, workers=2, progress=False, page_func=probe_page, unit_bytes=1)

    out = tmp_path / "spark-out"
    counts = spark_ingest(dump, out, page_func=probe_page, master="local[2]", unit_bytes=1)
    assert counts["records"] == len(expected_events(pages))
    assert counts["failures"] == 1

    with sqlite3.connect(local) as conn:
        local_records = sorted(r[0] for r in conn.execute("SELECT record FROM events"))
    spark_records = sorted(canonical_json(r) for r in read_records(out))
    assert [json.loads(r) for r in spark_records] == [json.loads(r) for r in local_records]

    loaded = tmp_path / "spark.sqlite"
    load_parquet(out, loaded)
    assert rows(loaded, "SELECT id, title FROM events") == rows(
        local, "SELECT id, title FROM events"
    )
    assert rows(loaded, "SELECT source, title, revision, error FROM failures") == rows(
        local, "SELECT source, title, revision, error FROM failures"
    )


def test_cli_spark_ingest_with_the_real_pipeline(tmp_path: Path, spark_env: None) -> None:
    """`eventledger spark-ingest` and `eventledger ingest` of one dump of real corpus articles
    (the real per-page function) store identical records."""
    from click.testing import CliRunner

    from eventledger.cli import cli
    from tests.conftest import CORPUS
    from tests.test_dump import page_xml

    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    names = [
        "Battle_of_Actium",
        "Battle_of_the_Crater",
        "2016_Berlin_attack",
        "Operation_Scylla",
        "Exercise_Tiger",
        "Battle_of_Barking_Creek",
    ]
    pages = []
    for n, name in enumerate(names, 1):
        text = (CORPUS / "wikitext" / f"{name}.wiki").read_text(encoding="utf-8")
        pages.append((str(n), name.replace("_", " "), page_xml(name.replace("_", " "), text, n)))
    dump = tmp_path / "corpuswiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=2, level=1)

    runner = CliRunner()
    local = tmp_path / "local.sqlite"
    res = runner.invoke(
        cli, ["ingest", str(dump), "--db", str(local), "--no-progress", "--workers", "2"]
    )
    assert res.exit_code == 0, res.output
    spark_db = tmp_path / "spark.sqlite"
    res = runner.invoke(
        cli,
        [
            "spark-ingest",
            str(dump),
            str(tmp_path / "out"),
            "--master",
            "local[2]",
            "--db",
            str(spark_db),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "5 records" in res.output  # Barking Creek has no event infobox: not a candidate
    q = "SELECT id, title, record FROM events"
    assert rows(spark_db, q) == rows(local, q)
    assert len(rows(local, q)) == 5
