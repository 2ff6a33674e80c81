"""Tests of the SQLite ledger (eventledger.store) on synthetic records of the record@1 shape."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eventledger.errors import LedgerError, NotFound
from eventledger.store import (
    IngestResult,
    Ledger,
    date_key,
    default_db_path,
    fts_query,
    schema_version,
)
from eventledger.store import schema as schema_module
from eventledger.store.rows import CHILD_TABLES

# --------------------------------------------------------------------------- factory


def make_record(
    title: str = "Gegenmiao massacre",
    *,
    source: str = "Gegenmiao_massacre.txt",
    revision: str | None = "1001",
    rid: str | None = None,
    kind: str = "attack",
    start: str | None = "1945-08-14",
    end: str | None = None,
    country: str | None = "China",
    deaths: tuple[int | None, int | None, int | None] = (1001, None, None),
    sentences: list[str] | None = None,
    findings: list[str] | None = None,
) -> dict[str, Any]:
    """Return a synthetic record in the eventledger/record@1 shape."""
    rid = rid or f"id-{abs(hash((source, title))) % 10**12:012d}"
    sentences = sentences or [
        f"The {title} took place near a lamasery.",
        "Soldiers killed over 1,000 refugees.",
    ]
    findings = findings if findings is not None else ["UNSOURCED_SENTENCE"]
    low, best, high = deaths
    return {
        "schema": "eventledger/record@1",
        "id": rid,
        "title": title,
        "source": {
            "format": "plaintext",
            "name": source,
            "revision": revision,
            "language": "en",
            "sha256": "ab" * 32,
            "page_id": "42",
            "timestamp": "2024-01-01T00:00:00Z",
        },
        "infobox": {
            "template": "Infobox civilian attack",
            "fields": [
                {
                    "label": "Deaths",
                    "key": "fatalities",
                    "text": "Over 1,000",
                    "span": [10, 20],
                    "refs": ["r1"],
                },
                {
                    "label": "Location",
                    "key": "location",
                    "text": "Gegenmiao",
                    "span": [30, 39],
                    "refs": [],
                },
            ],
        },
        "event": {
            "kind": kind,
            "part_of": ["Soviet–Japanese War"],
            "date": {
                "start": start,
                "end": end,
                "precision": "day",
                "date_prec": 1,
                "statements": ["s2"],
            },
            "location": {
                "text": "Gegenmiao, Inner Mongolia",
                "name": "Gegenmiao",
                "country": country,
                "lat": 45.5,
                "lon": 120.9,
                "where_prec": 2,
                "statements": [],
            },
            "deaths": {
                "low": low,
                "best": best,
                "high": high,
                "policy": "ranges",
                "statements": ["s1"],
            },
            "injuries": {
                "low": None,
                "best": None,
                "high": None,
                "policy": "ranges",
                "statements": [],
            },
            "perpetrators": [{"name": "Red Army", "link": "Red Army", "kind": "state"}],
            "targets": [{"name": "Japanese refugees", "link": None, "kind": "civilians"}],
            "attack_types": [
                {
                    "label": "massacre",
                    "acled": "Attack",
                    "gtd_attacktype": "2",
                    "ucdp_type_of_violence": "3",
                }
            ],
            "sides": [
                {
                    "combatants": [{"name": "Soviet Union", "link": "Soviet Union"}],
                    "commanders": [{"name": "Anonymous", "link": None}],
                    "strength": {"low": None, "best": None, "high": None},
                    "casualties": {},
                }
            ],
        },
        "statements": [
            {
                "id": "s1",
                "property": "deaths",
                "text": "over 1,000",
                "category": "killed",
                "party": "civilians",
                "comparator": ">",
                "low": 1001,
                "best": None,
                "high": None,
                "value": None,
                "origin": "body",
                "span": [100, 110],
                "refs": ["r1", "r2"],
                "support": "direct",
            },
            {
                "id": "s2",
                "property": "date",
                "text": "August 14, 1945",
                "category": None,
                "party": None,
                "comparator": None,
                "low": None,
                "best": None,
                "high": None,
                "value": {"start": "1945-08-14", "precision": "day"},
                "origin": "infobox",
                "span": [40, 55],
                "refs": [],
                "support": None,
            },
        ],
        "sentences": [
            {
                "id": f"p{i}",
                "text": text,
                "span": [200 + 100 * i, 200 + 100 * i + len(text)],
                "refs": ["r1"] if i else [],
                "support": "direct" if i else "unsourced",
                "section": None,
            }
            for i, text in enumerate(sentences)
        ],
        "references": [
            {
                "id": "r1",
                "label": "1",
                "kind": "full",
                "text": "Tanaka, A. (2001). Hōkoku. ISBN 978-4-00-000000-0",
                "span": [900, 950],
                "uses": 2,
                "authors": ["Tanaka, A."],
                "title": "Hōkoku",
                "work": None,
                "publisher": "Iwanami",
                "date": "2001",
                "accessed": None,
                "pages": "12–14",
                "isbn": "9784000000000",
                "isbn_valid": False,
                "doi": None,
                "url": None,
                "resolves_to": None,
            }
        ],
        "findings": [
            {
                "code": code,
                "severity": "warning",
                "message": f"{code} in {title}",
                "spans": [[200, 240]],
                "refs": [],
                "statements": ["s1"],
            }
            for code in findings
        ],
    }


def dump(path: Path) -> dict[str, Any]:
    """Return every row (with rowid) of every ordinary table, plus the header pragmas."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, Any] = {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "schema": conn.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            ).fetchall(),
        }
        tables = [
            name
            for (name, sql) in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
            if not (sql or "").upper().startswith("CREATE VIRTUAL")
        ]
        for table in sorted(tables):
            try:
                rows = conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # a WITHOUT ROWID table (FTS5 shadow tables)
                rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall())
            out[table] = rows
        return out
    finally:
        conn.close()


def count(ledger: Ledger, table: str, where: str = "1", params: tuple[Any, ...] = ()) -> int:
    return int(
        ledger.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def ledger(db_path: Path):
    with Ledger(db_path) as led:
        yield led


def corpus() -> list[dict[str, Any]]:
    return [
        make_record("Gegenmiao massacre", rid="gegen"),
        make_record(
            "Battle of Actium",
            source="Actium.wiki",
            rid="actium",
            kind="battle",
            start="-0031-09-02",
            country="Greece",
            deaths=(None, 5000, None),
            sentences=["Octavian defeated Antony and Cleopatra off Actium."],
            findings=[],
        ),
        make_record(
            "Đà Nẵng raid",
            source="DaNang.wiki",
            rid="danang",
            start="1965-03",
            end="1965-04",
            country="Vietnam",
            deaths=(10, 12, 15),
            sentences=["O'Neil reported the raid on the airbase.", "Nobody was captured."],
            findings=["CONTRADICTION", "ISBN_INVALID"],
        ),
        make_record(
            "Undated skirmish",
            source="Skirmish.txt",
            rid="skirm",
            kind="battle",
            start=None,
            country=None,
            deaths=(None, None, None),
        ),
    ]


# --------------------------------------------------------------------------- opening


def test_new_file_is_wal_and_migrated(ledger: Ledger) -> None:
    conn = ledger.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY id")]
    assert names == [m.name for m in schema_module.MIGRATIONS]
    fts = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_fts'").fetchone()[0]
    assert 'content="events"' in fts  # the pattern Datasette's detect_fts looks for


def test_reopen_does_not_reapply_migrations(db_path: Path) -> None:
    Ledger(db_path).close()
    before = dump(db_path)
    Ledger(db_path).close()
    assert dump(db_path) == before


def test_new_migration_applied_in_order_on_open(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Ledger(db_path).close()
    extra = schema_module.Migration(
        "0099_test_column", lambda c: c.execute("ALTER TABLE events ADD COLUMN extra TEXT")
    )
    monkeypatch.setattr(schema_module, "MIGRATIONS", [*schema_module.MIGRATIONS, extra])
    with Ledger(db_path) as led:
        names = [r[0] for r in led.conn.execute("SELECT name FROM _migrations ORDER BY id")]
        assert names[-1] == "0099_test_column"
        assert led.conn.execute("PRAGMA user_version").fetchone()[0] == len(names)
        cols = [r[1] for r in led.conn.execute("PRAGMA table_info(events)")]
        assert "extra" in cols


def test_newer_schema_version_refused(db_path: Path) -> None:
    Ledger(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(LedgerError, match="newer") as err:
            Ledger(db_path, readonly=readonly)
        assert str(db_path) in str(err.value)


def test_unknown_migration_name_refused(db_path: Path) -> None:
    Ledger(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="unknown migrations"):
        Ledger(db_path)


@pytest.mark.parametrize(
    "content",
    [
        b"This is not a database, just some text.\n" * 10,
        bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
    ids=["text", "binary", "bad-header"],
)
@pytest.mark.parametrize("readonly", [False, True], ids=["rw", "ro"])
def test_non_sqlite_file_refused(tmp_path: Path, content: bytes, readonly: bool) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(LedgerError) as err:
        Ledger(path, readonly=readonly)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content  # untouched


def test_directory_refused(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=str(tmp_path)):
        Ledger(tmp_path)


def test_foreign_sqlite_with_clashing_table_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE events (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="migration 0001_initial failed"):
        Ledger(db_path)


def test_readonly_refuses_writes_but_reads(db_path: Path) -> None:
    with Ledger(db_path) as led:
        led.ingest(corpus())
    before = dump(db_path)
    with Ledger(db_path, readonly=True) as ro:
        assert ro.get("gegen")["title"] == "Gegenmiao massacre"
        assert ro.search("lamasery")
        with pytest.raises(LedgerError, match="read-only"):
            ro.ingest([make_record("Another", rid="another")])
        with pytest.raises(LedgerError, match="read-only"):
            ro.record_failure("dump.xml", "X", "1", "boom")
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM events")
    assert dump(db_path) == before


@pytest.mark.parametrize("make", ["missing", "fresh-empty"])
def test_readonly_needs_an_existing_migrated_file(tmp_path: Path, make: str) -> None:
    path = tmp_path / "x.sqlite"
    if make == "fresh-empty":
        path.write_bytes(b"")
    with pytest.raises(LedgerError, match=str(path)):
        Ledger(path, readonly=True)


def test_closed_ledger_raises(db_path: Path) -> None:
    led = Ledger(db_path)
    led.close()
    led.close()  # harmless
    with pytest.raises(LedgerError, match="closed"):
        led.get("x")


@pytest.mark.parametrize(("env", "expect"), [(None, "ledger.sqlite"), ("/tmp/x.db", "/tmp/x.db")])
def test_default_db_path(monkeypatch: pytest.MonkeyPatch, env: str | None, expect: str) -> None:
    if env is None:
        monkeypatch.delenv("EVENTLEDGER_DB", raising=False)
    else:
        monkeypatch.setenv("EVENTLEDGER_DB", env)
    assert default_db_path() == expect


# --------------------------------------------------------------------------- ingest and get


def test_round_trip_exact(ledger: Ledger) -> None:
    records = corpus()
    expected = copy.deepcopy(records)
    assert ledger.ingest(records) == IngestResult(added=4)
    for record in expected:
        assert ledger.get(record["id"]) == record
    assert list(ledger.get("gegen")) == list(expected[0])  # key order kept


@pytest.mark.parametrize(
    ("query", "rid"),
    [
        ("actium", "actium"),  # id
        ("Battle of Actium", "actium"),  # exact title
        ("battle of ACTIUM", "actium"),  # ASCII case-insensitive
        ("đà nẵng RAID", "danang"),  # Unicode case-insensitive
    ],
)
def test_get_by_id_or_title(ledger: Ledger, query: str, rid: str) -> None:
    ledger.ingest(corpus())
    assert ledger.get(query)["id"] == rid


def test_get_unknown_raises_not_found(ledger: Ledger) -> None:
    ledger.ingest(corpus())
    with pytest.raises(NotFound, match="Battle of Nowhere"):
        ledger.get("Battle of Nowhere")


def test_rows_broken_out(ledger: Ledger) -> None:
    ledger.ingest(corpus())
    assert count(ledger, "events") == 4
    assert count(ledger, "documents") == 4
    assert count(ledger, "statements", "event = 'gegen'") == 2
    assert count(ledger, "sentences", "event = 'danang'") == 2
    assert count(ledger, "refs", "event = 'gegen' AND isbn_valid = 0") == 1
    assert count(ledger, "fields", "event = 'gegen' AND span_start = 10 AND span_end = 20") == 1
    assert count(ledger, "actors", "event = 'gegen'") == 4
    assert count(ledger, "actors", "role = 'combatant' AND side = 0 AND event = 'gegen'") == 1
    assert count(ledger, "attack_types", "acled = 'Attack'") == 4
    assert (
        count(ledger, "citations", "event = 'gegen' AND item = 'statement' AND item_id = 's1'") == 2
    )
    row = ledger.conn.execute(
        "SELECT date_start, date_start_key, date_end_key, deaths_low, policy, lat FROM events WHERE id = 'gegen'"
    ).fetchone()
    assert row == ("1945-08-14", 19450814, 19450814, 1001, "ranges", 45.5)
    value = ledger.conn.execute(
        "SELECT value FROM statements WHERE id = 's2' AND event = 'gegen'"
    ).fetchone()[0]
    assert value == '{"start": "1945-08-14", "precision": "day"}'
    assert ledger.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_ingest_is_idempotent(db_path: Path) -> None:
    with Ledger(db_path) as led:
        assert led.ingest(corpus()) == IngestResult(added=4)
    before = dump(db_path)
    with Ledger(db_path) as led:
        assert led.ingest(corpus()) == IngestResult(unchanged=4)
        assert led.ingest(list(reversed(corpus()))) == IngestResult(unchanged=4)
    assert dump(db_path) == before


def test_mixed_batch_counts(ledger: Ledger) -> None:
    ledger.ingest(corpus()[:2])
    batch = corpus()
    batch[1]["source"]["revision"] = "2002"
    assert ledger.ingest(batch) == IngestResult(added=2, updated=1, unchanged=1)


def test_same_revision_new_extraction_replaces(ledger: Ledger) -> None:
    ledger.ingest([make_record(rid="gegen", deaths=(1001, None, None))])
    changed = make_record(rid="gegen", deaths=(900, None, 1800))
    assert ledger.ingest([changed]) == IngestResult(updated=1)
    assert ledger.get("gegen")["event"]["deaths"]["high"] == 1800


def _fts_hits(ledger: Ledger, table: str, word: str) -> int:
    return count(ledger, table, f"{table} MATCH ?", (word,))


def test_new_revision_replaces_without_orphans(ledger: Ledger) -> None:
    old = make_record(
        "Raid on Foo",
        rid="foo",
        revision="1",
        sentences=["Alphaword appears only in the old revision.", "Second old sentence."],
        findings=["CONTRADICTION", "ISBN_INVALID", "REFERENCE_UNUSED"],
    )
    other = make_record(
        "Raid on Bar", source="Bar.txt", rid="bar", sentences=["Alphaword in another page."]
    )
    ledger.ingest([old, other])
    assert _fts_hits(ledger, "sentences_fts", "alphaword") == 2
    doc_id = ledger.conn.execute("SELECT id FROM documents WHERE title = 'Raid on Foo'").fetchone()[
        0
    ]

    new = make_record(
        "Raid on Foo", rid="foo", revision="2", sentences=["Betaword replaces it."], findings=[]
    )
    new["statements"] = new["statements"][:1]
    assert ledger.ingest([new]) == IngestResult(updated=1)

    assert ledger.get("foo") == new
    assert count(ledger, "documents") == 2
    assert ledger.conn.execute(
        "SELECT id, revision FROM documents WHERE title = 'Raid on Foo'"
    ).fetchone() == (
        doc_id,
        "2",
    )
    assert count(ledger, "sentences", "event = 'foo'") == 1
    assert count(ledger, "statements", "event = 'foo'") == 1
    assert count(ledger, "findings", "event = 'foo'") == 0
    for table in CHILD_TABLES:
        assert count(ledger, table, "event NOT IN (SELECT id FROM events)") == 0
    assert count(ledger, "events", "document NOT IN (SELECT id FROM documents)") == 0
    # the FTS index itself (not only the join) has lost the old sentence and kept the other page's
    assert _fts_hits(ledger, "sentences_fts", "alphaword") == 1
    assert _fts_hits(ledger, "sentences_fts", "betaword") == 1
    assert _fts_hits(ledger, "events_fts", "foo") == 1
    assert [r["id"] for r in ledger.search("alphaword")] == ["bar"]
    assert [r["id"] for r in ledger.search("betaword")] == ["foo"]
    for table in ("sentences_fts", "events_fts"):
        ledger.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def test_renamed_page_moves_record_id(ledger: Ledger) -> None:
    ledger.ingest([make_record("Old name massacre", rid="same-id")])
    assert ledger.ingest([make_record("New name massacre", rid="same-id")]) == IngestResult(added=1)
    assert ledger.get("same-id")["title"] == "New name massacre"
    assert count(ledger, "documents") == 1
    assert count(ledger, "events") == 1
    assert ledger.search("old") == []


def test_several_records_of_one_document(ledger: Ledger) -> None:
    a = make_record("Shared title", rid="a")
    b = make_record("Shared title", rid="b", kind="battle")
    assert ledger.ingest([a, b]) == IngestResult(added=1)
    assert ledger.get("b") == b and ledger.get("a") == a
    assert ledger.get("Shared title")["id"] == "a"  # stored first wins
    assert ledger.ingest([a, b]) == IngestResult(unchanged=1)
    assert ledger.ingest([a]) == IngestResult(updated=1)
    with pytest.raises(NotFound):
        ledger.get("b")


def test_repeated_record_in_batch_last_wins(ledger: Ledger) -> None:
    first = make_record(rid="dup", deaths=(1, 1, 1))
    second = make_record(rid="dup", deaths=(2, 2, 2))
    assert ledger.ingest([first, second]) == IngestResult(added=1)
    assert ledger.get("dup") == second


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r.pop("id"), "no id"),
        (lambda r: r.update(title=""), "no title"),
        (lambda r: r["source"].pop("name"), "no source.name"),
        (lambda r: r.update(schema="eventledger/record@2"), "schema"),
        (lambda r: r.update(extra={1, 2}), "JSON"),
    ],
)
def test_bad_record_refused_and_nothing_written(ledger: Ledger, mutate: Any, message: str) -> None:
    good = make_record("Fine", rid="fine")
    bad = make_record("Bad", rid="bad")
    mutate(bad)
    with pytest.raises(LedgerError, match=message):
        ledger.ingest([good, bad])
    assert count(ledger, "events") == 0
    assert count(ledger, "documents") == 0


def test_failures_recorded_counted_and_cleared(ledger: Ledger) -> None:
    ledger.record_failure("dump.xml.bz2", "Gegenmiao massacre", "7", "ValueError: boom")
    ledger.record_failure("dump.xml.bz2", "Gegenmiao massacre", "7", "ValueError: boom again")
    ledger.record_failure("dump.xml.bz2", None, None, "truncated page")
    rows = ledger.failures()
    assert [(r["title"], r["attempts"], r["error"]) for r in rows] == [
        ("Gegenmiao massacre", 2, "ValueError: boom again"),
        (None, 1, "truncated page"),
    ]
    ledger.ingest([make_record("Gegenmiao massacre", source="dump.xml.bz2", rid="g")])
    assert [r["title"] for r in ledger.failures()] == [None]


# --------------------------------------------------------------------------- list, findings


@pytest.mark.parametrize(
    ("kwargs", "ids"),
    [
        ({}, ["actium", "gegen", "danang", "skirm"]),
        ({"limit": 2}, ["actium", "gegen"]),
        ({"kind": "battle"}, ["actium", "skirm"]),
        ({"country": "vietnam"}, ["danang"]),
        ({"since": 1945}, ["gegen", "danang"]),
        ({"since": "1965-04-15"}, ["danang"]),  # overlaps 1965-03 .. 1965-04
        ({"until": "1945-08-13"}, ["actium"]),
        ({"until": -31}, ["actium"]),
        ({"since": "-0032", "until": "-0031-09-01"}, []),
        ({"since": "-0031-09", "until": "1945"}, ["actium", "gegen"]),
        ({"kind": "attack", "since": "1900", "until": 1950}, ["gegen"]),
    ],
)
def test_list_filters(ledger: Ledger, kwargs: dict[str, Any], ids: list[str]) -> None:
    ledger.ingest(corpus())
    assert [r["id"] for r in ledger.list(**kwargs)] == ids


def test_list_summary_row(ledger: Ledger) -> None:
    ledger.ingest(corpus())
    row = ledger.list(country="Vietnam")[0]
    assert row == {
        "id": "danang",
        "title": "Đà Nẵng raid",
        "kind": "attack",
        "date_start": "1965-03",
        "date_end": "1965-04",
        "country": "Vietnam",
        "deaths_low": 10,
        "deaths_best": 12,
        "deaths_high": 15,
        "n_findings": 2,
        "source": "DaNang.wiki",
    }


def test_list_bad_date_raises(ledger: Ledger) -> None:
    with pytest.raises(LedgerError, match="since"):
        ledger.list(since="last week")


def test_findings(ledger: Ledger) -> None:
    ledger.ingest(corpus())
    assert [(f["event"], f["code"]) for f in ledger.findings()] == [
        ("gegen", "UNSOURCED_SENTENCE"),
        ("skirm", "UNSOURCED_SENTENCE"),
        ("danang", "CONTRADICTION"),
        ("danang", "ISBN_INVALID"),
    ]
    assert [f["event"] for f in ledger.findings(code="UNSOURCED_SENTENCE")] == ["gegen", "skirm"]
    one = ledger.findings("đà nẵng raid", code="ISBN_INVALID")
    assert one == [
        {
            "event": "danang",
            "title": "Đà Nẵng raid",
            "code": "ISBN_INVALID",
            "severity": "warning",
            "message": "ISBN_INVALID in Đà Nẵng raid",
            "spans": [[200, 240]],
            "refs": [],
            "statements": ["s1"],
        }
    ]
    assert ledger.findings("actium") == []
    with pytest.raises(NotFound):
        ledger.findings("nothing")


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "ids", "field"),
    [
        ("actium", ["actium"], "title"),  # title word (title beats its sentence)
        ("lamasery", ["gegen", "skirm"], "sentence"),  # sentence word
        ("cleopatra", ["actium"], "sentence"),
        ("CLEOPATRA octavian", ["actium"], "sentence"),  # all words, any case
        ("cleopatra nobody", [], None),  # words in different sentences do not match
        ("massac*", ["gegen"], "title"),  # prefix
        ("nang", ["danang"], "title"),  # diacritics ignored: Nẵng
        ("o'neil", ["danang"], "sentence"),
    ],
)
def test_search(ledger: Ledger, query: str, ids: list[str], field: str | None) -> None:
    ledger.ingest(corpus())
    rows = ledger.search(query)
    assert sorted(r["id"] for r in rows) == sorted(ids)
    for row in rows:
        assert row["field"] == field
        assert "**" in row["snippet"]
        assert set(row) == {"id", "title", "field", "sentence", "snippet", "rank"}


def test_search_snippet_and_rank(ledger: Ledger) -> None:
    ledger.ingest(corpus())
    [row] = ledger.search("cleopatra", highlight=("<b>", "</b>"))
    assert row["snippet"] == "Octavian defeated Antony and <b>Cleopatra</b> off Actium."
    assert row["sentence"] == "p0"
    assert ledger.search("lamasery", limit=1)[0]["rank"] <= ledger.search("lamasery")[-1]["rank"]
    assert len(ledger.search("lamasery", limit=1)) == 1


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "massacre*",
        "o'neil",
        "NEAR(",
        "NEAR(a b",
        "title:foo",
        "^start",
        "a OR",
        "-x",
        "(",
        ")",
        "*",
        "**",
        '"unbalanced',
        "{col}",
        "",
        "   ",
        "\x00",
        "NOT",
        "a AND OR NOT b",
        "é*",
    ],
)
def test_hostile_queries_do_not_raise(ledger: Ledger, query: str) -> None:
    ledger.ingest(corpus())
    assert isinstance(ledger.search(query), list)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("massacre", '"massacre"'),
        ("massacre*", '"massacre"*'),
        ('say "hi"', '"say" """hi"""'),
        ("NEAR( AND", '"NEAR(" "AND"'),
        ("( ) * --", None),
        ("", None),
    ],
)
def test_fts_query(text: str, expect: str | None) -> None:
    assert fts_query(text) == expect


@pytest.mark.parametrize(
    ("value", "end", "expect"),
    [
        ("1945-08-14", False, 19450814),
        ("1945-08", False, 19450801),
        ("1945-08", True, 19450831),
        ("1945", True, 19451231),
        ("-0031", False, -310000 + 101),
        ("-0031-09-02", False, -310000 + 902),
        (1945, False, 19450101),
        ("c. 1945", False, None),
        (None, False, None),
    ],
)
def test_date_key(value: Any, end: bool, expect: int | None) -> None:
    assert date_key(value, end=end) == expect


def test_bc_dates_order_before_ad() -> None:
    keys = [date_key(v) for v in ("-1274-05", "-0032-12-31", "-0031", "0001", "1945")]
    assert keys == sorted(keys)


def test_opens_cleanly_in_sqlite_utils(db_path: Path) -> None:
    """The file is plain SQLite: sqlite-utils (and so Datasette) sees tables, keys and FTS."""
    sqlite_utils = pytest.importorskip("sqlite_utils")
    with Ledger(db_path) as led:
        led.ingest(corpus())
    db = sqlite_utils.Database(db_path)
    try:
        assert {"documents", "events", "statements", "sentences", "refs", "findings"} <= set(
            db.table_names()
        )
        assert db["events"].detect_fts() == "events_fts"
        assert db["sentences"].detect_fts() == "sentences_fts"
        assert [r["event"] for r in db["sentences"].search("cleopatra")] == ["actium"]
        fks = {(fk.column, fk.other_table, fk.other_column) for fk in db["statements"].foreign_keys}
        assert fks == {("event", "events", "id")}
    finally:
        db.close()


def test_reader_sees_writer_commits(db_path: Path) -> None:
    with Ledger(db_path) as writer:
        writer.ingest(corpus()[:1])
        with Ledger(db_path, readonly=True) as reader:
            assert [r["id"] for r in reader.list()] == ["gegen"]
            writer.ingest(corpus()[1:2])
            assert [r["id"] for r in reader.list()] == ["actium", "gegen"]


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_founding_example_through_the_ledger(db_path: Path) -> None:
    """A real pipeline record round-trips, is searchable, and its rows match the record."""
    from eventledger.pipeline import parse_path

    records = parse_path(SHARED / "seed" / "Gegenmiao_massacre.txt")
    with Ledger(db_path) as led:
        assert led.ingest(records).added == len(records) >= 1
        assert led.ingest(records).unchanged == len(records)
        record = records[0]
        assert led.get(record["id"]) == record
        assert led.get(record["title"].upper()) == record
        assert [r["id"] for r in led.search("gegenmiao")][:1] == [record["id"]]
        assert count(led, "sentences", "event = ?", (record["id"],)) == len(record["sentences"])
        assert count(led, "refs", "event = ?", (record["id"],)) == len(record["references"])
        assert len(led.findings(record["id"])) == len(record["findings"])


def test_ingest_also_runs_in_the_same_transaction(tmp_path: Path) -> None:
    """Bookkeeping rows passed as `also` commit with the records, or not at all."""
    path = tmp_path / "l.sqlite"
    with Ledger(path) as ledger:
        ledger.conn.execute("CREATE TABLE marks (n INTEGER)")
        ledger.ingest([make_record("A")], also=[("INSERT INTO marks VALUES (?)", [(1,), (2,)])])
        assert [r[0] for r in ledger.conn.execute("SELECT n FROM marks")] == [1, 2]
        with pytest.raises(LedgerError):
            ledger.ingest(
                [make_record("B", source="b.txt")],
                also=[("INSERT INTO no_such_table VALUES (?)", [(3,)])],
            )
        assert [r["title"] for r in ledger.list()] == ["A"]  # B rolled back with the bad row
