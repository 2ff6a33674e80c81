"""A record's ``references`` are the page's footnotes; the works of its Bibliography list are
``bibliography``. Every consumer that looks references up by id looks in both lists: the
ledger (``refs.list``, and its migration), the Parquet export, JSON-LD, the human view."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eventledger.cli import render_record
from eventledger.errors import InvariantError
from eventledger.export import export
from eventledger.export._common import all_references, reference_lists, references_by_id
from eventledger.pipeline import parse_text, verify_spans
from eventledger.store import Ledger, schema_version
from eventledger.web.evidence import Evidence

#: Two footnotes by ``{{sfn}}`` (one of them used twice), a full web reference in a footnote,
#: and a Bibliography list of three books, one cited by no short citation.
PAGE = """'''Battle of Foo''' was a battle fought on 3 May 1500.<ref>{{cite web |title=Foo news \
|url=http://example.org/foo |date=1 May 2020 |access-date=2 May 2020}}</ref> \
About 300 men were killed in the battle.{{sfn|Smith|1999|p=12}} \
The king fled to the hills.{{sfn|Jones|2001|p=5}} \
The war ended soon after.{{sfn|Smith|1999|p=12}}

== References ==
{{reflist}}

== Bibliography ==
* {{cite book |last=Smith |first=John |title=The Foo War |publisher=Foo Press |year=1999}}
* {{cite book |last=Jones |first=Ann |title=Foo Again |publisher=Bar Books |year=2001}}
* {{cite book |last=Brown |first=Bea |title=Further Foo |publisher=Baz |year=1980}}
"""


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    (rec,) = parse_text(PAGE, name="Battle_of_Foo.wiki", format="wikitext", title="Battle of Foo")
    return rec


def _old_shape(rec: dict[str, Any]) -> dict[str, Any]:
    """The record as eventledger wrote it before the split: the works inside ``references``,
    every entry flagged."""
    old = copy.deepcopy(rec)
    bib = old.pop("bibliography")
    old["references"] = [dict(r, bibliography=False) for r in old["references"]] + [
        dict(r, bibliography=True) for r in bib
    ]
    return old


def test_references_are_the_footnotes_and_bibliography_the_works(record: dict) -> None:
    refs, bib = record["references"], record["bibliography"]
    assert [r["kind"] for r in refs] == ["web", "short", "short"]
    assert [r["title"] for r in bib] == ["The Foo War", "Foo Again", "Further Foo"]
    assert [r["uses"] for r in refs] == [1, 2, 1]
    assert all("bibliography" not in r for r in refs + bib)
    ids = [r["id"] for r in refs + bib]
    assert len(ids) == len(set(ids))
    # Each short citation resolves to the work of the bibliography with its author and year.
    by_id = {r["id"]: r for r in bib}
    resolved = [(r["authors"], by_id[r["resolves_to"]]["title"]) for r in refs[1:]]
    assert resolved == [(["Smith"], "The Foo War"), (["Jones"], "Foo Again")]
    counts = record["counts"]
    assert (counts["footnotes"], counts["bibliography"], counts["short_citations"]) == (3, 3, 2)
    keys = list(record)
    assert keys.index("bibliography") == keys.index("notes") + 1 == keys.index("references") + 2


def test_an_uncited_work_is_no_unused_reference(record: dict) -> None:
    """REFERENCE_UNUSED is about footnotes; a bibliography work nobody cites is normal."""
    codes = {(f["code"], r) for f in record["findings"] for r in f["refs"]}
    bib_ids = {r["id"] for r in record["bibliography"]}
    assert not any(code == "REFERENCE_UNUSED" and r in bib_ids for code, r in codes)
    assert not any(f["code"] == "SHORT_CITATION_UNRESOLVED" for f in record["findings"])


def test_bibliography_spans_are_verified(record: dict) -> None:
    for r in record["bibliography"]:
        a, b = r["span"]
        assert PAGE[a:b] == r["text"]
    broken = copy.deepcopy(record)
    broken["bibliography"][1]["span"][0] += 1
    with pytest.raises(InvariantError, match="bibliography work"):
        verify_spans(PAGE, broken)


@pytest.mark.parametrize("shape", ["new", "old"])
def test_lookups_see_both_lists(record: dict, shape: str) -> None:
    rec = record if shape == "new" else _old_shape(record)
    footnotes, notes, bib = reference_lists(rec)
    assert notes == []
    assert [r["id"] for r in footnotes] == [r["id"] for r in record["references"]]
    assert [r["id"] for r in bib] == [r["id"] for r in record["bibliography"]]
    assert len(all_references(rec)) == 6
    target = record["references"][1]["resolves_to"]
    assert references_by_id(rec)[target]["title"] == "The Foo War"
    assert target in Evidence(rec).references


def test_human_view_lists_the_bibliography(record: dict) -> None:
    text = render_record(record)
    assert "  references (3):" in text and "  bibliography (3):" in text
    assert text.index("'Further Foo'") > text.index("  bibliography (3):")


def test_jsonld_works_include_the_bibliography(record: dict) -> None:
    from eventledger.export.jsonld import event_node

    names = {w.get("name") for w in event_node(record)["subjectOf"]}
    assert {"Foo news", "The Foo War", "Foo Again", "Further Foo"} <= names


def test_parquet_references_carry_their_list(record: dict, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export([record], "parquet", tmp_path / "out")
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert [(e["n_references"], e["n_bibliography"]) for e in events] == [(3, 3)]
    refs = pq.read_table(tmp_path / "out" / "references.parquet").to_pylist()
    assert [(r["list"], r["kind"]) for r in refs] == [
        ("footnotes", "web"),
        ("footnotes", "short"),
        ("footnotes", "short"),
        ("bibliography", "book"),
        ("bibliography", "book"),
        ("bibliography", "book"),
    ]


def _refs_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, position, list FROM refs ORDER BY position").fetchall()
    finally:
        conn.close()


def test_ledger_stores_both_lists(record: dict, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    with Ledger(path) as led:
        led.ingest([record])
        assert led.get(record["id"]) == record
    ids = [r["id"] for r in record["references"] + record["bibliography"]]
    lists = ["footnotes"] * 3 + ["bibliography"] * 3
    assert _refs_rows(path) == list(zip(ids, range(6), lists, strict=True))


def test_old_ledger_migrates_and_keeps_its_rows(record: dict, tmp_path: Path) -> None:
    """A ledger of schema 1 (no ``refs.list``) holding an old-shape record gets the column on
    open; its rows stay, and the works its stored record flags become ``bibliography``."""
    path = tmp_path / "old.sqlite"
    old = _old_shape(record)
    with Ledger(path) as led:
        led.ingest([old])
    conn = sqlite3.connect(path)  # turn the file back into a schema-1 ledger
    conn.execute("ALTER TABLE refs DROP COLUMN list")
    conn.execute("DELETE FROM _migrations WHERE name = '0002_refs_list'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    cols = [r[1] for r in conn.execute("PRAGMA table_info(refs)")]
    conn.close()
    assert "list" not in cols and schema_version() >= 2
    with Ledger(path) as led:
        assert led.get(old["id"]) == old
        version = led.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == schema_version()
    rows = _refs_rows(path)
    assert [r[0] for r in rows] == [r["id"] for r in old["references"]]
    assert [r[2] for r in rows] == ["footnotes"] * 3 + ["bibliography"] * 3


def test_record_is_json(record: dict) -> None:
    assert json.loads(json.dumps(record)) == record
