"""The read-only web app, in-process: JSON twins, the error shape, filters, escaping, read-only.

A ledger is built once per test process from the founding example and the corpus wikitext
articles (../shared), plus a hostile plaintext article whose title and sentences carry
``<script>`` and ``onerror=`` payloads.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra (starlette, jinja2) is not installed")
pytest.importorskip("jinja2", reason="the web extra (starlette, jinja2) is not installed")

from eventledger.store import Ledger  # noqa: E402
from eventledger.web.app import call, create_app, parse_filters, timeline, wants_json  # noqa: E402
from eventledger.web.basemap import topology_to_geojson  # noqa: E402
from eventledger.web.command import serve_command  # noqa: E402
from eventledger.web.evidence import interval_text, safe_url, segments  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "Gegenmiao_massacre.txt"

#: A plaintext article carrying script payloads in its title, infobox and sentences.
HOSTILE = """Harbour <script>window.__pwned = 1</script> massacre <img src=x onerror="window.__pwned=2">
From Wikipedia, the free encyclopedia
Location\tGda\u0144sk <img src=x onerror="window.__pwned=3">
Date\tMarch 3, 1920
Deaths\tOver 100
The Harbour massacre <script>window.__pwned=5</script> was an attack in Gda\u0144sk on March 3, 1920, in which over 100 people were killed.[1] Witnesses <img src=x onerror="window.__pwned=6"> described it later.[1]
References
^ Smith, John. "A <script>window.__pwned=7</script> history". Retrieved 2 March 2014.
"""

#: A plaintext article whose infobox and sentence disagree: the ledger holds a CONTRADICTION.
DISPUTED = """Quarry raid
From Wikipedia, the free encyclopedia
Location\tGda\u0144sk
Date\tMay 3, 1921
Deaths\t12
The Quarry raid was an attack in Gda\u0144sk on May 3, 1921.[1] Local papers reported that 40 people were killed in the raid.[1]
References
^ Smith, John. "Quarry history". Retrieved 2 March 2014.
"""

_BUILT: dict[str, Path] = {}


def build_corpus_ledger(directory: Path) -> Path:
    """Ingest the founding example, the corpus wikitext articles, the hostile article and one
    whose figures disagree (a CONTRADICTION finding).

    Built once per process (the browser tests share it); skipped when ../shared is missing.
    """
    if "path" in _BUILT:
        return _BUILT["path"]
    corpus = SHARED / "corpus" / "wikitext"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/wikitext is not beside the checkout")
    from eventledger.pipeline import parse_path

    hostile = directory / "Harbour_massacre.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    disputed = directory / "Quarry_raid.txt"
    disputed.write_text(DISPUTED, encoding="utf-8")
    path = directory / "web.sqlite"
    with Ledger(path) as ledger:
        for file in [EXAMPLE, hostile, disputed, *sorted(corpus.glob("*.wiki"))]:
            ledger.ingest(parse_path(str(file)))
    _BUILT["path"] = path
    return path


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_ledger(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def app(ledger_path: Path) -> Any:
    return create_app(str(ledger_path))


def get(app: Any, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return call(app, path, headers=headers)


def get_json(app: Any, path: str) -> tuple[int, Any]:
    status, headers, body = get(app, path)
    assert headers["content-type"].startswith("application/json"), path
    return status, json.loads(body)


def event_id(app: Any, title: str) -> str:
    _, data = get_json(app, "/events.json?limit=10000")
    return next(e["id"] for e in data["events"] if e["title"] == title)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- pages and twins


@pytest.mark.parametrize(
    ("html_path", "json_path", "key"),
    [
        ("/events", "/events.json", "events"),
        ("/events?kind=battle", "/events.json?kind=battle", "events"),
        ("/findings", "/findings.json", "findings"),
        ("/findings?code=CONTRADICTION", "/findings.json?code=CONTRADICTION", "findings"),
    ],
)
def test_every_page_has_a_json_twin(app: Any, html_path: str, json_path: str, key: str) -> None:
    status, headers, body = get(app, html_path)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert f'href="{json_path.replace("&", "&amp;")}"' in body.decode()
    status, data = get_json(app, json_path)
    assert status == 200 and data["ok"] is True and data[key]


def test_event_page_and_twin(app: Any) -> None:
    eid = event_id(app, "Gegenmiao massacre")
    status, record = get_json(app, f"/events/{eid}.json")
    assert status == 200 and record["id"] == eid and record["schema"] == "eventledger/record@1"
    status, _, body = get(app, f"/events/{eid}")
    html = body.decode()
    assert status == 200 and "Gegenmiao massacre" in html
    assert "1,001–1,800" in html  # deaths over half of 1,800 / over 1,000
    assert "policy <strong>ranges</strong>" in html
    assert "9780230622814" in html and "valid" in html  # a reference's ISBN
    # By title, too.
    status, by_title = get_json(app, "/events/Gegenmiao%20massacre.json")
    assert status == 200 and by_title["id"] == eid


def test_event_page_lists_footnotes_and_bibliography_apart(app: Any) -> None:
    """The References section lists the footnotes, the Bibliography section the works; every
    short citation's "full entry" link lands on an entry of the page."""
    eid = event_id(app, "Battle of Bosworth Field")
    _, record = get_json(app, f"/events/{eid}.json")
    _, _, body = get(app, f"/events/{eid}")
    html = body.decode()
    refs, bib = record["references"], record["bibliography"]
    assert bib and f"<h2>References ({len(refs)})</h2>" in html
    assert f"<h2>Bibliography ({len(bib)})</h2>" in html
    section = html[html.index('<section id="bibliography">') :]
    section = section[: section.index("</section>")]
    assert all(f'id="ref-{r["id"]}"' in section for r in bib)
    assert not any(f'id="ref-{r["id"]}"' in section for r in refs)
    for r in refs:
        if r["resolves_to"]:
            assert f'id="ref-{r["resolves_to"]}"' in html


def test_values_point_at_their_evidence(app: Any) -> None:
    """The deaths button targets statements, their sentences or fields, and references."""
    eid = event_id(app, "Gegenmiao massacre")
    _, record = get_json(app, f"/events/{eid}.json")
    _, _, body = get(app, f"/events/{eid}")
    html = body.decode()
    button = re.search(r'data-targets="([^"]*)">1,001–1,800</button>', html)
    assert button, "deaths value button"
    targets = set(button.group(1).split())
    assert set(record["event"]["deaths"]["statements"]) <= targets
    homes = {s["sentence"] for s in record["statements"] if s["id"] in targets and s["sentence"]}
    assert homes and homes <= targets
    for key in targets:
        assert re.search(rf'data-keys="[^"]*\b{re.escape(key)}\b', html), key


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("kind=attack", lambda e: e["kind"] == "attack"),
        ("country=cn", lambda e: e["country"] == "CN"),
        (
            "since=1900&until=1950",
            lambda e: (
                "1900" <= (e["date_end"] or e["date_start"])[:4] and e["date_start"][:4] <= "1950"
            ),
        ),
        ("deaths_min=5000", lambda e: (e["deaths_high"] or e["deaths_best"] or 10**12) >= 5000),
        ("deaths_max=100", lambda e: (e["deaths_low"] or e["deaths_best"] or 0) <= 100),
        ("has_findings=no", lambda e: e["n_findings"] == 0),
        ("has_findings=yes", lambda e: e["n_findings"] > 0),
        ("q=lamasery", lambda e: e["title"] == "Gegenmiao massacre"),
    ],
)
def test_event_filters(app: Any, query: str, check: Any) -> None:
    status, data = get_json(app, f"/events.json?{query}")
    assert status == 200
    _, everything = get_json(app, "/events.json")
    assert data["count"] < everything["count"]
    assert all(check(e) for e in data["events"]), query


def test_unlocated_events_are_listed(app: Any) -> None:
    _, data = get_json(app, "/events.json")
    unlocated = {e["id"] for e in data["events"] if e["lat"] is None}
    assert set(data["unlocated"]) == unlocated
    _, _, body = get(app, "/events")
    html = body.decode()
    for eid in unlocated:
        assert f'id="row-{eid}"' in html


def test_findings_filter_by_code(app: Any) -> None:
    _, data = get_json(app, "/findings.json?code=CONTRADICTION")
    assert data["total"] > 0
    assert {f["code"] for f in data["findings"]} == {"CONTRADICTION"}
    assert all(f["url"].startswith("/events/") for f in data["findings"])


def test_openapi(app: Any) -> None:
    status, spec = get_json(app, "/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert {"/events.json", "/events/{id}.json", "/findings.json"} <= set(spec["paths"])


def test_static_assets_are_local(app: Any) -> None:
    for path, kind in [
        ("/static/leaflet/leaflet.js", "javascript"),
        ("/static/leaflet/leaflet.css", "css"),
        ("/static/map.js", "javascript"),
        ("/static/event.js", "javascript"),
    ]:
        status, headers, body = get(app, path)
        assert status == 200 and kind in headers["content-type"] and body, path
    status, _, body = get(app, "/static/countries-110m.geojson")
    geo = json.loads(body)
    assert status == 200 and geo["type"] == "FeatureCollection" and len(geo["features"]) > 150
    _, _, home = get(app, "/")
    srcs = re.findall(r'(?:src|href)="([^"]+)"', home.decode())
    assert srcs and not [s for s in srcs if s.startswith(("http:", "https:", "//"))]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("path", "status", "needle"),
    [
        ("/nope", 404, "not found"),
        ("/nope.json", 404, "not found"),
        ("/events/no-such-event.json", 404, "no-such-event"),
        ("/events/no-such-event", 404, "no-such-event"),
        ("/events.json?deaths_min=abc", 400, "deaths_min"),
        ("/events.json?kind=riot", 400, "kind"),
        ("/events.json?since=yesterday", 400, "since"),
        ("/events.json?country=China", 400, "country"),
        ("/events.json?has_findings=maybe", 400, "has_findings"),
        ("/events.json?limit=0", 400, "limit"),
        ("/findings.json?code=%3Cscript%3E", 400, "code"),
    ],
)
def test_errors_have_one_json_shape(app: Any, path: str, status: int, needle: str) -> None:
    got, headers, body = get(app, path)
    assert got == status
    assert headers["content-type"].startswith("application/json")
    data = json.loads(body)
    assert set(data) == {"ok", "error", "errors", "status"}
    assert data["ok"] is False and data["status"] == status
    assert isinstance(data["errors"], list) and data["errors"]
    assert needle in data["error"] + " ".join(data["errors"])


def test_errors_are_html_for_browsers(app: Any) -> None:
    status, headers, body = get(app, "/events/nope", accept="text/html,*/*")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert "no event with id or title" in body.decode()
    # A .json path is JSON whatever the Accept header says.
    status, headers, _ = get(app, "/events/nope.json", accept="text/html")
    assert status == 404 and headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", "/events.json", "/events/x", "/static/map.js", "/nope"])
def test_only_get_and_head(app: Any, method: str, path: str, ledger_path: Path) -> None:
    before = file_digest(ledger_path)
    status, headers, body = call(app, path, method=method)
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    data = json.loads(body)
    assert data["ok"] is False and data["status"] == 405 and method in data["error"]
    assert file_digest(ledger_path) == before


def test_head_is_allowed(app: Any) -> None:
    status, headers, body = call(app, "/events.json", method="HEAD")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert body == b""


def test_security_headers(app: Any) -> None:
    for path in ("/", "/events.json", "/nope", "/static/map.js"):
        _, headers, _ = get(app, path)
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- untrusted text


class _Scripts(HTMLParser):
    """Collect script elements and event-handler attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, _ in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name == "style":
                self.styles.append(tag)


@pytest.mark.parametrize("page", ["event", "home", "search", "findings"])
def test_hostile_article_renders_as_text(app: Any, page: str) -> None:
    eid = next(
        e["id"]
        for e in get_json(app, "/events.json?q=Harbour")[1]["events"]
        if e["title"].startswith("Harbour")
    )
    path = {
        "event": f"/events/{eid}",
        "home": "/",
        "search": "/events?q=Harbour",
        "findings": "/findings",
    }[page]
    status, _, body = get(app, path)
    html = body.decode()
    assert status == 200
    parser = _Scripts()
    parser.feed(html)
    # Only our own external scripts and the inert JSON data block; no handler attributes.
    for script in parser.scripts:
        assert (
            script.get("src", "").startswith("/static/") or script.get("type") == "application/json"
        )
    assert parser.handlers == [] and parser.styles == []
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    if page in ("event", "search", "home"):
        assert "&lt;script&gt;window.__pwned" in html or "\\u003cscript\\u003e" in html


def test_embedded_json_cannot_close_its_script(app: Any) -> None:
    _, _, body = get(app, "/events?q=Harbour")
    block = re.search(
        r'<script type="application/json" id="events-data">(.*?)</script>', body.decode(), re.S
    )
    assert block, "map data block"
    assert "<" not in block.group(1)
    assert any("<script>" in e["title"] for e in json.loads(block.group(1)))


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("https://example.org/a", "https://example.org/a"),
        (" http://example.org ", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.org", None),
        (None, None),
    ],
)
def test_safe_url(url: Any, expect: str | None) -> None:
    assert safe_url(url) == expect


# --------------------------------------------------------------------------- read-only


def test_crawl_never_writes(app: Any, ledger_path: Path) -> None:
    """Every page, twin and asset is fetched; the ledger file does not change."""
    before = (file_digest(ledger_path), ledger_path.stat().st_mtime_ns)
    _, data = get_json(app, "/events.json")
    paths = ["/", "/events", "/findings", "/findings.json", "/openapi.json"]
    for e in data["events"]:
        paths += [f"/events/{e['id']}", f"/events/{e['id']}.json"]
    for code in data["facets"]["code"]:
        paths += [f"/findings?code={code['value']}"]
    for path in paths:
        status, _, _ = get(app, path)
        assert status == 200, path
    assert (file_digest(ledger_path), ledger_path.stat().st_mtime_ns) == before


def test_ledger_opened_read_only(app: Any, ledger_path: Path) -> None:
    ledger = Ledger(ledger_path, readonly=True)
    try:
        with pytest.raises(Exception, match="read-only|readonly"):
            ledger.conn.execute("DELETE FROM events")
    finally:
        ledger.close()


# --------------------------------------------------------------------------- serve --get


@pytest.mark.parametrize(
    ("path", "code", "needle"),
    [
        ("/events.json?kind=attack", 0, '"ok":true'),
        ("events.json", 0, '"events"'),
        ("/openapi.json", 0, '"openapi"'),
        ("/events/nope.json", 1, '"status":404'),
        ("/events.json?deaths_min=x", 1, '"status":400'),
    ],
)
def test_serve_get(runner: Any, ledger_path: Path, path: str, code: int, needle: str) -> None:
    result = runner.invoke(serve_command, ["--db", str(ledger_path), "--get", path])
    assert result.exit_code == code, result.output
    assert needle in result.output


def test_serve_without_ledger(runner: Any, tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    result = runner.invoke(serve_command, ["--db", str(missing), "--get", "/"])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such ledger (run `eventledger ingest` first)\n"
    assert not missing.exists()


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("q", "expect"),
    [
        ({"low": 1001, "best": None, "high": 1800}, "1,001–1,800"),
        ({"low": 1001, "best": None, "high": None}, "at least 1,001"),
        ({"low": None, "best": None, "high": 300}, "at most 300"),
        ({"low": None, "best": 200, "high": None}, "~200"),
        ({"low": 12, "best": 12, "high": 12}, "12"),
        ({"low": 1000, "best": 1000, "high": 5000}, "1,000–5,000 (best 1,000)"),
        ({"low": None, "best": None, "high": None}, "unknown"),
        ({"low": 0, "best": 0, "high": 0}, "0"),
        (None, "unknown"),
    ],
)
def test_interval_text(q: Any, expect: str) -> None:
    assert interval_text(q) == expect


@pytest.mark.parametrize(
    ("text", "start", "marks", "expect"),
    [
        ("abcdef", 10, [], [("abcdef", [])]),
        ("abcdef", 10, [("a", [12, 14])], [("ab", []), ("cd", ["a"]), ("ef", [])]),
        (
            "abcdef",
            10,
            [("a", [10, 14]), ("b", [12, 16])],
            [("ab", ["a"]), ("cd", ["a", "b"]), ("ef", ["b"])],
        ),
        ("abcdef", 10, [("out", [0, 5]), ("past", [15, 30])], [("abcdef", [])]),
    ],
)
def test_segments(text: str, start: int, marks: Any, expect: Any) -> None:
    runs = segments(text, start, marks)
    assert [(r["text"], r["keys"]) for r in runs] == expect
    assert "".join(r["text"] for r in runs) == text


@pytest.mark.parametrize(
    ("params", "expect", "errors"),
    [
        ({}, {"limit": 1000, "offset": 0}, []),
        ({"q": " x ", "kind": "", "country": "de"}, {"q": "x", "country": "DE"}, []),
        ({"deaths_min": "1,000"}, {"deaths_min": 1000}, []),
        ({"has_findings": "yes"}, {"has_findings": True}, []),
        ({"since": "-0031"}, {"since": "-0031"}, []),
        ({"deaths_max": "-1"}, {}, ["deaths_max: '-1' is below 0"]),
        ({"limit": "999999"}, {}, ["limit: at most 10000"]),
    ],
)
def test_parse_filters(params: dict[str, str], expect: dict[str, Any], errors: list[str]) -> None:
    got, errs = parse_filters(params)
    assert errs == errors
    for key, value in expect.items():
        assert got[key] == value


@pytest.mark.parametrize(
    ("path", "accept", "expect"),
    [
        ("/events.json", "text/html", True),
        ("/events", "text/html,application/xhtml+xml", False),
        ("/events", "", True),
        ("/events", "application/json", True),
    ],
)
def test_wants_json(path: str, accept: str, expect: bool) -> None:
    assert wants_json(path, accept) is expect


def test_timeline_layout() -> None:
    rows = [
        {"id": "a", "title": "A", "date_start": "-1274-05", "date_end": None, "kind": "battle"},
        {
            "id": "b",
            "title": "B",
            "date_start": "1939-09-01",
            "date_end": "1945-09-02",
            "kind": "war",
        },
        {"id": "c", "title": "C", "date_start": "1940", "date_end": None, "kind": "battle"},
        {"id": "d", "title": "D", "date_start": None, "date_end": None, "kind": "other"},
    ]
    t = timeline(rows)
    items = {i["id"]: i for i in t["items"]}
    assert set(items) == {"a", "b", "c"}  # undated events have no place on the axis
    assert items["a"]["x"] < items["b"]["x"] < items["b"]["x2"]
    assert items["c"]["y"] != items["b"]["y"]  # overlapping items go to separate lanes
    assert any(tick["label"].endswith("BC") for tick in t["ticks"])
    assert timeline([])["items"] == []


def test_topojson_to_geojson() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [-10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "X"}},
                    {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "id": "2"},
                    {"type": None, "id": "3"},
                ],
            }
        },
    }
    geo = topology_to_geojson(topology)
    assert [f["id"] for f in geo["features"]] == ["1", "2"]
    ring = geo["features"][0]["geometry"]["coordinates"][0]
    assert ring == [[-10, 20], [-9, 20], [-9, 21], [-10, 21], [-10, 20]]
    assert geo["features"][0]["properties"] == {"name": "X"}
    mp = geo["features"][1]["geometry"]["coordinates"][0][0]
    assert mp[0] == mp[-1] and len(mp) == 5
