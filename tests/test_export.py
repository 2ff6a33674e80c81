"""Tests for the exporters, on four synthetic records in the ``eventledger/record@1`` shape."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from eventledger.export import EXPORTERS, ExportError, UnknownExportFormat, export
from eventledger.export._common import day_bounds
from eventledger.export.ged_csv import GED_COLUMNS, ged_row, priogrid_gid
from eventledger.export.gwcodes import gw_state
from eventledger.export.quickstatements import qs_quantity, qs_time

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GED_SAMPLE = SHARED / "corpus/datasets/ucdp_ged_sample/ucdpged_sample_1000_rows_GED23.csv"


def _record(rid: str, title: str, event: dict, refs: list[dict], statements: list[dict]) -> dict:
    base_event = {
        "kind": "other", "part_of": [],
        "date": {"start": None, "end": None, "precision": None, "date_prec": None, "statements": []},
        "location": {"text": None, "name": None, "country": None, "lat": None, "lon": None,
                     "where_prec": None, "statements": []},
        "deaths": {"low": None, "best": None, "high": None, "policy": "ranges", "statements": []},
        "injuries": {"low": None, "best": None, "high": None, "policy": "ranges", "statements": []},
        "perpetrators": [], "targets": [], "attack_types": [], "sides": [],
    }  # fmt: skip
    base_event.update(event)
    return {
        "schema": "eventledger/record@1", "id": rid, "title": title,
        "source": {"format": "wikitext", "name": f"{rid}.wiki", "revision": "1",
                   "language": "en", "sha256": "0" * 64},
        "infobox": {"template": None, "fields": []},
        "event": base_event,
        "statements": statements,
        "sentences": [{"id": "s1", "text": "A sentence.", "span": [0, 11], "refs": ["r1"],
                       "support": "direct"}],
        "references": refs,
        "findings": [{"code": "UNSOURCED_SENTENCE", "severity": "warning", "message": "m",
                      "spans": [[0, 11]], "refs": [], "statements": []}],
    }  # fmt: skip


def _ref(rid: str, **kw: object) -> dict:
    ref = dict.fromkeys(
        ["label", "kind", "text", "span", "uses", "authors", "title", "work", "publisher",
         "date", "accessed", "pages", "isbn", "isbn_valid", "doi", "url", "resolves_to"]
    )  # fmt: skip
    ref.update({"id": rid, "label": rid, "kind": "full", "text": f"ref {rid}", "span": [0, 5]})
    ref.update(kw)
    return ref


def _stmt(sid: str, prop: str, refs: list[str], **kw: object) -> dict:
    st = {"id": sid, "property": prop, "text": "t", "category": None, "party": None,
          "comparator": None, "low": None, "best": None, "high": None, "value": None,
          "origin": "infobox", "span": [0, 1], "refs": refs, "support": "direct"}  # fmt: skip
    st.update(kw)
    return st


@pytest.fixture
def records() -> list[dict]:
    attack = _record(
        "att1", "Valley massacre",
        {
            "kind": "attack", "part_of": ["Some invasion"],
            "date": {"start": "1945-08-14", "end": "1945-08-14", "precision": "day",
                     "date_prec": 1, "statements": ["st1"]},
            "location": {"text": "near the lamasery", "name": "Ulanhot", "country": "CN",
                         "lat": 46.08, "lon": 122.08, "where_prec": 2, "statements": ["st2"]},
            "deaths": {"low": 1001, "best": None, "high": 1800, "policy": "ranges",
                       "statements": ["st3"]},
            "perpetrators": [{"name": "Red Army", "link": "Red Army", "kind": "state"}],
            "targets": [{"name": "Japanese women and children", "link": None,
                         "kind": "civilians"}],
            "attack_types": [{"label": "Massacre", "acled": "Attack", "gtd_attacktype": 2,
                              "ucdp_type_of_violence": 3}],
        },
        [
            _ref("r1", title="The Book", work="Press", date="2001", isbn="9780306406157",
                 authors=["A. Author"], publisher="Pub"),
            _ref("r2", title="News story", work="Daily News", date="2015-08-14",
                 url="https://example.org/story", accessed="2020-01-02"),
        ],
        [_stmt("st1", "date", ["r2"]), _stmt("st2", "location", ["r1"]),
         _stmt("st3", "deaths", ["r1", "r2"], low=1001, high=1800, category="killed")],
    )  # fmt: skip
    battle = _record(
        "bat1", "Battle of Somewhere",
        {
            "kind": "battle",
            "date": {"start": "1066-10-14", "end": "1066-10-14", "precision": "day",
                     "date_prec": 1, "statements": []},
            "location": {"text": "Hastings, Sussex, England", "name": "Hastings",
                         "country": "GB", "lat": 50.91, "lon": 0.49, "where_prec": 1,
                         "statements": []},
            "deaths": {"low": 8000, "best": 10000, "high": 12000, "policy": "ranges",
                       "statements": []},
            "sides": [
                {"combatants": [{"name": "Normans", "link": None}], "commanders": [],
                 "strength": {}, "casualties": {"killed": {"low": 2000, "best": 2000,
                                                            "high": 2000}}},
                {"combatants": [{"name": "Anglo-Saxons", "link": None}], "commanders": [],
                 "strength": {}, "casualties": {"killed": {"low": 4000, "best": None,
                                                            "high": None}}},
            ],
        },
        [], [],
    )  # fmt: skip
    unlocated = _record(
        "unl1", "Incident without place",
        {
            "kind": "attack",
            "date": {"start": "1990-05", "end": "1990-05", "precision": "month",
                     "date_prec": 3, "statements": []},
            "deaths": {"low": 12, "best": 12, "high": 12, "policy": "ranges", "statements": []},
        },
        [], [],
    )  # fmt: skip
    ancient = _record(
        "bc1", "Battle of Actium",
        {
            "kind": "battle",
            "date": {"start": "-0031", "end": "-0031", "precision": "year", "date_prec": 5,
                     "statements": []},
            "location": {"text": "Ionian Sea", "name": "Actium", "country": "GR",
                         "lat": 38.93, "lon": 20.75, "where_prec": 7, "statements": []},
        },
        [], [],
    )  # fmt: skip
    return [attack, battle, unlocated, ancient]


def _run(records: list[dict], fmt: str) -> tuple[bytes, object]:
    buf = io.BytesIO()
    summary = export(records, fmt, buf)
    return buf.getvalue(), summary


# --- registry -------------------------------------------------------------------------------


def test_registry_has_every_format() -> None:
    assert set(EXPORTERS) == {"ged-csv", "geojson", "jsonld", "quickstatements", "parquet", "jsonl"}


def test_unknown_format_raises() -> None:
    with pytest.raises(UnknownExportFormat, match="'xml'"):
        export([], "xml", io.BytesIO())


def test_directory_format_refuses_stream() -> None:
    with pytest.raises(ExportError, match="directory"):
        export([], "parquet", io.BytesIO())


def test_stream_is_left_open(records: list[dict]) -> None:
    buf = io.BytesIO()
    export(records, "ged-csv", buf)
    assert not buf.closed


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expect"),
    [
        ("1945-08-14", None, ("1945-08-14", "1945-08-14")),
        ("1945-08", "1945-08", ("1945-08-01", "1945-08-31")),
        ("1944-02", None, ("1944-02-01", "1944-02-29")),
        ("1939", "1945", ("1939-01-01", "1945-12-31")),
        ("-0031", None, ("-0031-01-01", "-0031-12-31")),
        (None, None, None),
        ("garbage", None, None),
    ],
)
def test_day_bounds(start: str | None, end: str | None, expect: tuple | None) -> None:
    assert day_bounds(start, end) == expect


@pytest.mark.parametrize(
    ("iso2", "first", "last", "expect"),
    [
        ("SY", "2013-01-03", "2013-01-03", (652, "Syria")),
        ("CN", "1945-08-14", "1945-08-14", (710, "China")),
        ("DE", "1860-01-01", "1860-12-31", None),  # Bavaria etc.: not one G–W state yet
        ("DE", "1970-01-01", "1970-01-01", None),  # two Germanies
        ("PL", "1900-01-01", "1900-01-01", None),  # no Polish state in 1900
        ("GR", "-0031-01-01", "-0031-12-31", None),  # before the list
        ("LK", "2000-01-01", "2000-01-01", (780, "Sri Lanka")),  # UCDP spelling
        ("XX", "2000-01-01", "2000-01-01", None),
    ],
)
def test_gw_state(iso2: str, first: str, last: str, expect: tuple | None) -> None:
    assert gw_state(iso2, first, last) == expect


def test_priogrid_matches_ged_sample() -> None:
    pd = pytest.importorskip("pandas")
    sample = pd.read_csv(GED_SAMPLE).dropna(subset=["priogrid_gid", "latitude", "longitude"])
    got = [priogrid_gid(a, b) for a, b in zip(sample.latitude, sample.longitude, strict=True)]
    assert got == [int(g) for g in sample.priogrid_gid]


# --- GED CSV --------------------------------------------------------------------------------


def test_ged_header_is_the_sample_header(records: list[dict]) -> None:
    with open(GED_SAMPLE, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    data, _ = _run(records, "ged-csv")
    assert next(csv.reader(io.StringIO(data.decode("utf-8")))) == header
    assert len(GED_COLUMNS) == 49


def test_ged_dtypes_match_sample(records: list[dict]) -> None:
    pd = pytest.importorskip("pandas")
    sample = pd.read_csv(GED_SAMPLE).dtypes
    data, _ = _run(records, "ged-csv")
    ours = pd.read_csv(io.BytesIO(data))
    checked = 0
    for col in ours.columns:
        if ours[col].isna().all():
            continue
        checked += 1
        if pd.api.types.is_numeric_dtype(sample[col]):
            assert pd.api.types.is_numeric_dtype(ours[col]), col
        else:
            assert pd.api.types.is_string_dtype(ours[col]) or ours[col].dtype == object, col
    assert checked >= 25


def test_ged_integers_are_written_as_integers(records: list[dict]) -> None:
    data, _ = _run(records, "ged-csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert rows[0]["year"] == "1945" and rows[0]["country_id"] == "710"
    assert rows[0]["low"] == "1001" and rows[0]["high"] == "1800"


def test_ged_attack_row(records: list[dict]) -> None:
    summary_rows = ged_row(records[0])
    r = summary_rows
    assert r["relid"] == "att1" and r["id"] is None
    assert r["type_of_violence"] == 3
    assert (r["side_a"], r["side_b"]) == ("Red Army", "Japanese women and children")
    assert r["dyad_name"] == "Red Army - Japanese women and children"
    assert (r["date_start"], r["date_end"], r["date_prec"]) == ("1945-08-14", "1945-08-14", 1)
    assert (r["country"], r["country_id"], r["region"]) == ("China", 710, "Asia")
    assert r["geom_wkt"] == "POINT (122.08 46.08)"
    # best from the lower bound, flagged
    assert (r["low"], r["best"], r["high"]) == (1001, 1001, 1800)
    assert r["code_status"] == "Check deaths: best is the lower bound"
    assert r["deaths_civilians"] == 1001 and r["deaths_unknown"] is None
    # sources: refs of the date/location/deaths statements, in first-use order
    assert r["number_of_sources"] == 2
    assert r["source_office"] == "Daily News;Press"
    assert r["source_date"] == "2015-08-14;2001"
    assert r["source_headline"] == "News story;The Book"
    assert r["source_article"] == '"Daily News,2015-08-14,News story";"Press,2001,The Book"'
    assert r["conflict_name"] == "Some invasion"


def test_ged_battle_and_bc_rows(records: list[dict]) -> None:
    battle, bc = ged_row(records[1]), ged_row(records[3])
    assert battle["type_of_violence"] == 1 and battle["event_clarity"] == 1
    assert (battle["side_a"], battle["side_b"]) == ("Normans", "Anglo-Saxons")
    assert (battle["deaths_a"], battle["deaths_b"]) == (2000, None)  # only a lower bound
    assert battle["best"] == 10000 and battle["code_status"] is None
    assert battle["country"] == "United Kingdom" and battle["country_id"] is None  # 1066
    assert bc["year"] == -31 and bc["date_start"] == "-0031-01-01"
    assert bc["best"] is None and bc["low"] is None  # nothing known: empty, not 0


def test_ged_summary_counts_flagged(records: list[dict]) -> None:
    _, summary = _run(records, "ged-csv")
    assert summary.records == summary.written == 4
    assert summary.flagged == {"best is the lower bound": 1}


# --- GeoJSON --------------------------------------------------------------------------------


def test_geojson_valid_and_unlocated(records: list[dict]) -> None:
    geojson = pytest.importorskip("geojson")
    data, summary = _run(records, "geojson")
    obj = geojson.loads(data.decode("utf-8"))
    assert obj.is_valid, obj.errors()
    assert [f["id"] for f in obj["features"]] == ["att1", "bat1", "bc1"]
    assert obj["features"][0]["geometry"]["coordinates"] == [122.08, 46.08]  # lon, lat
    props = obj["features"][0]["properties"]
    assert props["deaths_low"] == 1001 and props["deaths_policy"] == "ranges"
    assert props["n_findings"] == 1 and props["date_prec"] == 1
    assert json.loads(data)["unlocated"] == [{"id": "unl1", "title": "Incident without place"}]
    assert summary.unlocated == ["unl1"] and summary.written == 3


def test_geojson_empty_is_valid() -> None:
    data, _ = _run([], "geojson")
    assert json.loads(data) == {"type": "FeatureCollection", "features": [], "unlocated": []}


# --- JSON-LD --------------------------------------------------------------------------------


def _no_network(url: str, options: dict | None = None) -> dict:
    raise AssertionError(f"JSON-LD processing tried to load {url}")


def test_jsonld_expands_offline_to_schema_org(records: list[dict]) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    data, _ = _run(records, "jsonld")
    doc = json.loads(data)
    quads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": _no_network})
    S = "https://schema.org/"
    for iri in [
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event>",
        f"<{S}additionalType> <http://www.wikidata.org/entity/Q3199915>",
        f"<{S}additionalType> <http://www.wikidata.org/entity/Q178561>",
        f'<{S}startDate> "1945-08-14"',
        f'<{S}startDate> "-0031"',
        f"<{S}organizer>",
        f"<{S}subjectOf>",
        f'<{S}isbn> "9780306406157"',
        f"<{S}geo>",
        f'<{S}addressCountry> "CN"',
        "<http://www.wikidata.org/prop/direct/P1120>",
        f'<{S}minValue> "1001"^^<http://www.w3.org/2001/XMLSchema#integer>',
        f"<{S}superEvent>",
    ]:
        assert iri in quads, iri
    expanded = jsonld.expand(doc, {"documentLoader": _no_network})
    assert len(expanded) == 4


# --- QuickStatements ------------------------------------------------------------------------

# QuickStatements v1 grammar, from the tool's parser (value forms: item, "string", lang:"text",
# time, @lat/lon, quantity, quantity~tolerance, somevalue/novalue).
_ITEM = r"(?:Q\d+|LAST)"
_VALUE = (
    r"(?:Q\d+|LAST|somevalue|novalue|\"[^\"\t]*\"|[a-z_-]+:\"[^\"\t]*\""
    r"|[+-]?\d+-\d\d-\d\dT\d\d:\d\d:\d\dZ(?:/\d{1,2})?(?:/J)?"
    r"|@[+-]?[0-9.]+/[+-]?[0-9.]+"
    r"|[+-]?\d+(?:\.\d+)?(?:~[+-]?\d+(?:\.\d+)?)?(?:U\d+)?)"
)
QS_LINE = re.compile(
    rf"^(?:CREATE"
    rf"|{_ITEM}\t[LAD][a-z_-]+\t\"[^\"\t]*\""
    rf"|{_ITEM}\tP\d+\t{_VALUE}(?:\t[PS]\d+\t{_VALUE})*)$"
)


def test_qs_lines_parse(records: list[dict]) -> None:
    data, summary = _run(records, "quickstatements")
    lines = data.decode("utf-8").splitlines()
    bad = [line for line in lines if not QS_LINE.match(line)]
    assert not bad
    assert lines.count("CREATE") == 4


def test_qs_attack_statements(records: list[dict]) -> None:
    data, summary = _run(records[:1], "quickstatements")
    lines = data.decode("utf-8").splitlines()
    assert lines[:3] == ["CREATE", 'LAST\tLen\t"Valley massacre"', "LAST\tP31\tQ3199915"]
    assert (
        'LAST\tP585\t+1945-08-14T00:00:00Z/11\tS854\t"https://example.org/story"'
        "\tS813\t+2020-01-02T00:00:00Z/11"
    ) in lines
    assert "LAST\tP625\t@46.08/122.08" in lines  # only ref r1 (no URL): unsourced
    assert not any("\tP1120\t" in line for line in lines)  # [1001, 1800] has no point value
    assert summary.skipped["P1120 no point value (interval only)"] == 1
    assert summary.skipped["P8031 perpetrator without QID"] == 1
    assert summary.skipped["P361 part of without QID"] == 1


def test_qs_battle_and_bc(records: list[dict]) -> None:
    data, _ = _run(records[1:], "quickstatements")
    lines = data.decode("utf-8").splitlines()
    assert "LAST\tP585\t+1066-10-14T00:00:00Z/11/J" in lines
    assert "LAST\tP1120\t10000~2000" in lines
    assert "LAST\tP585\t+1990-05-00T00:00:00Z/10" in lines
    assert "LAST\tP1120\t12" in lines
    assert "LAST\tP585\t-0031-00-00T00:00:00Z/9/J" in lines


@pytest.mark.parametrize(
    ("iso", "precision", "expect"),
    [
        ("1945-08-14", "day", "+1945-08-14T00:00:00Z/11"),
        ("1945-08", None, "+1945-08-00T00:00:00Z/10"),
        ("1945", "year", "+1945-00-00T00:00:00Z/9"),
        ("1740", "decade", "+1740-00-00T00:00:00Z/8"),
        ("-1274-05", "month", "-1274-05-00T00:00:00Z/10/J"),
        ("nonsense", None, None),
    ],
)
def test_qs_time(iso: str, precision: str | None, expect: str | None) -> None:
    assert qs_time(iso, precision) == expect


@pytest.mark.parametrize(
    ("q", "expect"),
    [
        ({"low": 5, "best": 5, "high": 5}, ("5", None)),
        ({"low": 80, "best": 100, "high": 120}, ("100~20", None)),
        ({"low": 90, "best": 100, "high": 150}, ("100", "asymmetric or open bounds dropped")),
        ({"low": None, "best": 200, "high": None}, ("200", None)),
        ({"low": 1001, "best": None, "high": None}, (None, "no point value (interval only)")),
        ({"low": None, "best": None, "high": None}, (None, None)),
    ],
)
def test_qs_quantity(q: dict, expect: tuple) -> None:
    assert qs_quantity(q) == expect


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_loads_in_duckdb(records: list[dict], tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    summary = export(records, "parquet", tmp_path / "out")
    assert len(summary.files) == 5
    con = duckdb.connect()
    ev = tmp_path / "out" / "events.parquet"
    st = tmp_path / "out" / "statements.parquet"
    rows = con.execute(f"SELECT id, kind, deaths_low, lat FROM '{ev}' ORDER BY id").fetchall()
    assert rows == [
        ("att1", "attack", 1001, 46.08),
        ("bat1", "battle", 8000, 50.91),
        ("bc1", "battle", None, 38.93),
        ("unl1", "attack", 12, None),
    ]
    joined = con.execute(
        f"SELECT e.title, s.property, s.low FROM '{st}' s JOIN '{ev}' e ON e.id = s.event_id "
        "WHERE s.property = 'deaths'"
    ).fetchall()
    assert joined == [("Valley massacre", "deaths", 1001)]
    for name, n in [("sentences", 4), ("references", 2), ("findings", 4)]:
        path = tmp_path / "out" / f"{name}.parquet"
        assert con.execute(f"SELECT count(*) FROM '{path}'").fetchone() == (n,)


# --- JSON lines -----------------------------------------------------------------------------


def test_jsonl_round_trips(records: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    summary = export(iter(records), "jsonl", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    assert summary.files == [str(path)] and summary.written == 4
