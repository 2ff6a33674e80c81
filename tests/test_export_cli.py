"""``eventledger export``: formats, filters, where the output and the summary go, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventledger.export.command import export_command
from eventledger.store import Ledger

ROOT = Path(__file__).resolve().parents[1]
WIKITEXT = ROOT.parent / "shared" / "corpus" / "wikitext"
EXAMPLE = ROOT / "examples" / "Gegenmiao_massacre.txt"
ARTICLES = ["2016_Berlin_attack.wiki", "Battle_of_Hastings.wiki", "Battle_of_Actium.wiki"]


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not all((WIKITEXT / a).is_file() for a in ARTICLES):
        pytest.skip("../shared/corpus/wikitext is not beside the checkout")
    from eventledger.pipeline import parse_path

    path = tmp_path_factory.mktemp("export") / "ledger.sqlite"
    with Ledger(path) as ledger:
        for file in [EXAMPLE, *(WIKITEXT / a for a in ARTICLES)]:
            ledger.ingest(parse_path(str(file)))
    return path


def run(ledger_path: Path, *args: str) -> Any:
    return CliRunner().invoke(export_command, ["--db", str(ledger_path), *args])


def titles(ledger_path: Path, **filters: Any) -> list[str]:
    with Ledger(ledger_path, readonly=True) as ledger:
        return [r["title"] for r in ledger.list(**filters)]


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        ([], None),
        (["--kind", "battle"], {"kind": "battle"}),
        (["--kind", "attack"], {"kind": "attack"}),
        (["--country", "de"], {"country": "DE"}),
    ],
)
def test_jsonl_filters(ledger_path: Path, args: list[str], expect: dict[str, str] | None) -> None:
    result = run(ledger_path, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    wanted = titles(ledger_path, **(expect or {}))
    assert [r["title"] for r in records] == wanted and wanted
    assert result.stderr.startswith(f"jsonl: {len(wanted)} of {len(wanted)} records written")


def test_query_filter(ledger_path: Path) -> None:
    result = run(ledger_path, "--format", "jsonl", "--query", "lamasery")
    assert result.exit_code == 0
    assert [json.loads(x)["title"] for x in result.stdout.splitlines()] == ["Gegenmiao massacre"]
    result = run(ledger_path, "--format", "jsonl", "--query", "lamasery", "--kind", "battle")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("jsonl: 0 of 0 records written")


def test_ged_csv_to_stdout(ledger_path: Path) -> None:
    from eventledger.export.ged_csv import GED_COLUMNS

    result = run(ledger_path, "--format", "ged-csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(GED_COLUMNS)
    assert len(rows) == 1 + len(titles(ledger_path))


def test_geojson_to_file(ledger_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = run(ledger_path, "--format", "geojson", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    geo = json.loads(out.read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    located = len(geo["features"])
    unlocated = len(geo.get("unlocated", []))
    assert located + unlocated == len(titles(ledger_path))
    assert f"files: {out}" in result.stderr


def test_parquet_needs_a_directory(ledger_path: Path, tmp_path: Path) -> None:
    result = run(ledger_path, "--format", "parquet")
    assert result.exit_code == 1
    assert result.stderr == "Error: format 'parquet' writes a directory: give --out DIR\n"
    pytest.importorskip("pyarrow")
    result = run(ledger_path, "--format", "parquet", "--out", str(tmp_path / "pq"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.suffix for p in (tmp_path / "pq").iterdir())[0] == ".parquet"


@pytest.mark.parametrize("fmt", ["jsonld", "quickstatements"])
def test_other_formats(ledger_path: Path, fmt: str) -> None:
    result = run(ledger_path, "--format", fmt, "--kind", "attack")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr.startswith(f"{fmt}: ")


def test_unknown_format(ledger_path: Path) -> None:
    result = run(ledger_path, "--format", "xlsx")
    assert result.exit_code == 2
    assert "unknown format 'xlsx'" in result.stderr


def test_missing_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    result = CliRunner().invoke(export_command, ["--db", str(missing), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no such ledger (run `eventledger ingest` first)\n"
    assert not missing.exists()


def test_registered_in_the_cli() -> None:
    from eventledger.cli import cli

    assert cli.commands["export"] is export_command
    assert "serve" in cli.commands
