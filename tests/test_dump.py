"""Dump ingestion: reader, pre-filter, multistream units, parallel runner, checkpoints, errors.

The per-page function here is :func:`eventledger.dump.probe.probe_page` (one record per page
with an event infobox), so these tests check the dump machinery apart from the pipeline.
"""

from __future__ import annotations

import bz2
import json
import random
import sqlite3
from pathlib import Path

import pytest

from eventledger.dump import Prefilter, ingest_dump, plan_dump
from eventledger.dump.multistream import (
    _ends_stream_at,
    read_index,
    scan_stream_starts,
    write_multistream,
)
from eventledger.dump.probe import probe_page
from eventledger.read.wikitext import read_wikitext
from eventledger.read.wikitext_tables import FAMILY_ALIASES
from eventledger.read.xmldump import (
    CorruptDump,
    DumpError,
    PageSplitter,
    UnsafeXML,
    iter_pages,
    open_dump,
    parse_page,
    read_siteinfo,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
DUMPS = CORPUS / "dumps"
WIKITEXT = CORPUS / "wikitext"

needs_corpus = pytest.mark.skipif(not DUMPS.is_dir(), reason="../shared/corpus is not present")

HEADER = (
    b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
    b"  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>enwiki</dbname>\n"
    b"    <base>https://en.wikipedia.org/wiki/Main_Page</base>\n    <namespaces>\n"
    b'      <namespace key="0" case="first-letter" />\n'
    b'      <namespace key="14" case="first-letter">Category</namespace>\n'
    b"    </namespaces>\n  </siteinfo>\n"
)


def esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def page_xml(
    title: str, text: str, page_id: int, *, ns: int = 0, redirect: str | None = None
) -> bytes:
    red = f'    <redirect title="{esc(redirect)}" />\n' if redirect else ""
    return (
        f"  <page>\n    <title>{esc(title)}</title>\n    <ns>{ns}</ns>\n    <id>{page_id}</id>\n"
        f"{red}    <revision>\n      <id>{page_id * 10}</id>\n"
        f"      <timestamp>2016-10-0{page_id % 9 + 1}T00:00:00Z</timestamp>\n"
        f'      <text bytes="{len(text)}" xml:space="preserve">{esc(text)}</text>\n'
        f"    </revision>\n  </page>\n"
    ).encode()


EVENT = "{{Infobox civilian attack\n| title = X\n| deaths = 12<ref>a</ref>\n}}\n'''X''' happened."
PLAIN = "'''Y''' is a village. {{Infobox settlement|name=Y}} It has a church & a <b>bridge</b>."


def synthetic_pages(
    n: int, *, every: int = 7, fail: int | None = None
) -> list[tuple[str, str, bytes]]:
    """*n* pages; every *every*-th holds an event infobox; some redirects and talk pages."""
    pages = []
    for i in range(1, n + 1):
        title = f'Page {i} <&> "q"'
        if i % every == 0:
            text = EVENT.replace("X", f"Event {i}")
        else:
            text = PLAIN.replace("Y", f"Village {i}") + " word" * (i % 50)
        if fail is not None and i == fail:
            text += " EVENTLEDGER_PROBE_FAIL"
        if i % 11 == 0:
            raw = page_xml(title, EVENT, i, redirect="Elsewhere")  # redirect with an infobox
        elif i % 13 == 0:
            raw = page_xml(f"Talk:{title}", EVENT, i, ns=1)
        else:
            raw = page_xml(title, text, i)
        pages.append((str(i), title, raw))
    return pages


def expected_events(pages: list[tuple[str, str, bytes]]) -> set[str]:
    out = set()
    for _pid, _title, raw in pages:
        p = parse_page(raw)
        if p.is_article and "PROBE_FAIL" not in p.text and probe_page(p.text, title=p.title):
            out.add(p.title)
    return out


@pytest.fixture()
def pages() -> list[tuple[str, str, bytes]]:
    return synthetic_pages(400, fail=14)


@pytest.fixture()
def multistream(tmp_path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    out = tmp_path / "testwiki-multistream.xml.bz2"
    write_multistream(out, HEADER, pages, pages_per_stream=20, level=1)
    return out


def ledger_events(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT title FROM events")}


def table_dump(
    db: Path, *, volatile: tuple[str, ...] = ("ingested_at", "recorded_at", "applied_at")
) -> dict:
    """Every table's rows (sorted), without columns that hold wall-clock times."""
    out = {}
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        # FTS5 index internals depend on how writes were batched, not on what was written
        tables = [t for t in tables if not t.endswith(("_fts_data", "_fts_idx", "_fts_docsize"))]
        for t in tables:
            cur = conn.execute(f'SELECT * FROM "{t}"')
            cols = [d[0] for d in cur.description]
            keep = [i for i, c in enumerate(cols) if c not in volatile]
            out[t] = sorted(repr(tuple(row[i] for i in keep)) for row in cur)
    return out


# --- reader -----------------------------------------------------------------------------------


def test_parse_page_fields_and_unescaping() -> None:
    raw = page_xml('A & B "C"', "{{Infobox event}} <ref>x</ref> &amp;", 42)
    p = parse_page(raw)
    assert (p.title, p.ns, p.page_id, p.revision) == ('A & B "C"', 0, "42", "420")
    assert p.timestamp == "2016-10-07T00:00:00Z"
    assert p.text == "{{Infobox event}} <ref>x</ref> &amp;"
    assert p.is_article


@pytest.mark.parametrize(
    ("kwargs", "is_article"),
    [({}, True), ({"ns": 14}, False), ({"redirect": "Target"}, False), ({"ns": -1}, False)],
)
def test_article_means_main_namespace_and_not_redirect(kwargs: dict, is_article: bool) -> None:
    assert parse_page(page_xml("T", "x", 1, **kwargs)).is_article is is_article


def test_history_dump_page_takes_the_last_revision() -> None:
    raw = (
        b"<page><title>T</title><ns>0</ns><id>5</id>"
        b"<revision><id>1</id><timestamp>2001</timestamp><text>old</text></revision>"
        b"<revision><id>2</id><timestamp>2002</timestamp><text>new</text></revision></page>"
    )
    p = parse_page(raw)
    assert (p.page_id, p.revision, p.timestamp, p.text) == ("5", "2", "2002", "new")


@pytest.mark.parametrize("size", [1, 2, 3, 5, 6, 7, 13, 64, 1000, 1 << 20])
def test_splitter_cuts_the_same_pages_whatever_the_chunk_size(size: int) -> None:
    data = HEADER + b"".join(p[2] for p in synthetic_pages(30)) + b"</mediawiki>\n"
    s = PageSplitter()
    got = []
    for i in range(0, len(data), size):
        got.extend(s.feed(data[i : i + size]))
    assert s.header == HEADER + b"  "
    assert [raw for _o, raw in got] == [p[2].strip() for p in synthetic_pages(30)]
    assert all(data[o : o + len(raw)] == raw for o, raw in got)
    assert not s.pending


def test_splitter_skips_an_oversized_page_and_names_it() -> None:
    big = page_xml("Huge", "x" * 5000, 1)
    small = page_xml("Small", "y", 2)
    s = PageSplitter(max_page_bytes=1000)
    got = []
    data = HEADER + big + small
    for i in range(0, len(data), 300):
        got.extend(s.feed(data[i : i + 300]))
    assert [parse_page(r).title for _o, r in got] == ["Small"]
    assert [t for _o, t in s.oversized] == ["Huge"]


@pytest.mark.parametrize(
    ("xml", "language", "schema"),
    [
        (HEADER, "en", "0.11"),
        (
            b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.8/" xml:lang="de">'
            b"<siteinfo><dbname>dewiki</dbname></siteinfo>",
            "de",
            "0.8",
        ),
        (
            b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">'
            b"<siteinfo><base>https://ltg.wikipedia.org/wiki/Suoku_puslopa</base></siteinfo>",
            "ltg",
            "0.10",
        ),
        (
            b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.9/" xml:lang="fr">',
            "fr",
            "0.9",
        ),
    ],
)
def test_siteinfo_language_and_schema(
    tmp_path: Path, xml: bytes, language: str, schema: str
) -> None:
    f = tmp_path / "d.xml"
    f.write_bytes(xml + page_xml("T", "x", 1) + b"</mediawiki>")
    info = read_siteinfo(f)
    assert (info.language, info.schema) == (language, schema)


def test_siteinfo_namespaces(tmp_path: Path) -> None:
    f = tmp_path / "d.xml"
    f.write_bytes(HEADER + page_xml("T", "x", 1) + b"</mediawiki>")
    assert read_siteinfo(f).namespaces == {0: "", 14: "Category"}


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<mediawiki><page><title>&lol9;</title><ns>0</ns><id>1</id>
<revision><id>1</id><text>{{Infobox event}} &lol9;</text></revision></page></mediawiki>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<mediawiki><page><title>x</title><ns>0</ns><id>1</id>
<revision><id>1</id><text>{{Infobox event}} &xxe;</text></revision></page></mediawiki>
"""
PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE m SYSTEM "http://127.0.0.1:9/evil.dtd">
<mediawiki><page><title>x</title><ns>0</ns><id>1</id>
<revision><id>1</id><text>{{Infobox event}}</text></revision></page></mediawiki>
"""


@pytest.mark.parametrize(
    "payload", [BILLION_LAUGHS, EXTERNAL, PARAMETER], ids=["laughs", "xxe", "dtd"]
)
@pytest.mark.parametrize("compress", [False, True], ids=["xml", "bz2"])
def test_malicious_xml_is_refused_with_a_clear_error(
    tmp_path: Path, payload: bytes, compress: bool
) -> None:
    f = tmp_path / ("evil.xml.bz2" if compress else "evil.xml")
    f.write_bytes(bz2.compress(payload) if compress else payload)
    with pytest.raises(UnsafeXML, match=r"refused: <!DOCTYPE at byte \d+"):
        list(iter_pages(f))
    with pytest.raises(UnsafeXML):
        ingest_dump(f, tmp_path / "l.sqlite", workers=1, progress=False, page_func=probe_page)


def test_an_undeclared_entity_in_a_page_is_a_page_failure_not_an_expansion(tmp_path: Path) -> None:
    f = tmp_path / "d.xml"
    bad = b"<page><title>Bad</title><ns>0</ns><id>1</id><revision><id>7</id><text>{{Infobox event}} &lol9;</text></revision></page>"
    f.write_bytes(HEADER + bad + page_xml("Good", EVENT, 2) + b"</mediawiki>")
    s = ingest_dump(f, tmp_path / "l.sqlite", workers=1, progress=False, page_func=probe_page)
    assert s.events == 1
    assert [(x.title, x.revision) for x in s.failures] == [("Bad", "7")]
    assert "undefined entity" in s.failures[0].error


def test_not_a_dump_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "x.xml"
    f.write_bytes(b"<html><body>" + b"<page>" + b"</page></body></html>")
    with pytest.raises(DumpError, match="not <mediawiki>"):
        open_dump(f)


# --- multistream --------------------------------------------------------------------------------


def test_write_multistream_index_and_scan_agree(multistream: Path) -> None:
    index = multistream.with_name("testwiki-multistream-index.txt.bz2")
    offsets = read_index(index)
    starts = scan_stream_starts(multistream)
    assert starts[0] == 0
    assert starts[1:-1] == offsets  # the last stream is the footer
    assert len(offsets) == 20


def test_stream_magic_inside_data_is_not_a_boundary() -> None:
    fake = b"\x00" * 20 + b"BZh91AY&SY" + b"\x00" * 10
    assert not _ends_stream_at(fake, 20)
    real = bz2.compress(b"hello") + bz2.compress(b"world")
    assert _ends_stream_at(real, len(bz2.compress(b"hello")))


def test_scan_ignores_magic_bytes_in_uncompressed_looking_positions(tmp_path: Path) -> None:
    # a stream whose *content* holds the magic bytes: compressed, they never appear raw, so
    # plant them in a stored (level-1) stream's neighbourhood by appending junk-free streams
    payload = b"BZh91AY&SY" * 1000
    f = tmp_path / "x.bz2"
    f.write_bytes(bz2.compress(payload) + bz2.compress(payload))
    assert scan_stream_starts(f) == [0, len(bz2.compress(payload))]


@pytest.mark.parametrize("with_index", [True, False], ids=["index", "scan"])
@pytest.mark.parametrize("workers", [1, 2])
def test_multistream_ingest_finds_every_event(
    tmp_path: Path, multistream: Path, pages: list, with_index: bool, workers: int
) -> None:
    if not with_index:
        multistream.with_name("testwiki-multistream-index.txt.bz2").unlink()
    plan = plan_dump(multistream, unit_bytes=1)
    assert plan.kind == "multistream"
    assert plan.siteinfo.language == "en"
    db = tmp_path / "l.sqlite"
    s = ingest_dump(
        multistream, db, workers=workers, progress=False, page_func=probe_page, unit_bytes=1
    )
    assert s.plan == "multistream"
    assert s.pages == 400
    assert s.units == len(plan.units) >= 20
    assert ledger_events(db) == expected_events(pages)
    assert s.events == len(expected_events(pages))
    assert [(f.title, f.revision) for f in s.failures] == [(pages[13][1], "140")]
    assert "ProbeFailure" in s.failures[0].error
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title, revision FROM failures").fetchall() == [
            (pages[13][1], "140")
        ]


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "stdlib"])
def test_streams_that_cut_pages_in_two_lose_no_page(
    tmp_path: Path, pages: list, fast: bool
) -> None:
    """pbzip2/lbzip2 write fixed-size streams that split pages (even inside ``<page>``); the
    reader that reads on past a unit's end shares the file with the unit's own reader."""
    xml = HEADER + b"".join(p[2] for p in pages) + b"</mediawiki>\n"
    f = tmp_path / "cut.xml.bz2"
    step = 997  # a prime: cuts fall everywhere, also inside tags
    f.write_bytes(b"".join(bz2.compress(xml[i : i + step], 1) for i in range(0, len(xml), step)))
    db = tmp_path / "l.sqlite"
    s = ingest_dump(
        f, db, workers=2, progress=False, page_func=probe_page, unit_bytes=3000, fast=fast
    )
    assert s.plan == "multistream"
    assert s.pages == 400
    assert ledger_events(db) == expected_events(pages)


@pytest.mark.parametrize("form", ["xml", "bz2"])
def test_single_reader_matches_multistream(
    tmp_path: Path, pages: list, multistream: Path, form: str
) -> None:
    xml = HEADER + b"".join(p[2] for p in pages) + b"</mediawiki>\n"
    f = tmp_path / f"single.{form}"
    f.write_bytes(xml if form == "xml" else bz2.compress(xml))
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    sa = ingest_dump(f, a, workers=2, progress=False, page_func=probe_page, batch_pages=37)
    sb = ingest_dump(multistream, b, workers=2, progress=False, page_func=probe_page)
    assert sa.plan == "single" and sb.plan == "multistream"
    assert (sa.pages, sa.candidates, sa.events) == (sb.pages, sb.candidates, sb.events)
    assert ledger_events(a) == ledger_events(b) == expected_events(pages)


def test_reingest_without_resume_changes_nothing(tmp_path: Path, multistream: Path) -> None:
    db = tmp_path / "l.sqlite"
    ingest_dump(multistream, db, workers=2, progress=False, page_func=probe_page, unit_bytes=1)
    before = table_dump(db)
    ingest_dump(multistream, db, workers=2, progress=False, page_func=probe_page, unit_bytes=1)
    assert table_dump(db) == before


def test_resume_skips_checkpointed_units(tmp_path: Path, multistream: Path) -> None:
    db = tmp_path / "l.sqlite"
    first = ingest_dump(
        multistream, db, workers=1, progress=False, page_func=probe_page, unit_bytes=1
    )
    again = ingest_dump(
        multistream, db, workers=1, progress=False, page_func=probe_page, unit_bytes=1, resume=True
    )
    assert first.units == 20 and again.units == 0 and again.units_skipped == 20


# --- corrupt and truncated data -------------------------------------------------------------


def test_truncated_multistream_names_the_offset_and_keeps_what_was_read(
    tmp_path: Path, multistream: Path, pages: list
) -> None:
    data = multistream.read_bytes()
    offsets = read_index(multistream.with_name("testwiki-multistream-index.txt.bz2"))
    cut = offsets[12] + 40  # inside the 13th page stream
    broken = tmp_path / "broken-multistream.xml.bz2"
    broken.write_bytes(data[:cut])
    (tmp_path / "broken-multistream-index.txt.bz2").write_bytes(
        multistream.with_name("testwiki-multistream-index.txt.bz2").read_bytes()
    )
    db = tmp_path / "l.sqlite"
    with pytest.raises(CorruptDump, match=rf"starts at byte {offsets[12]}"):
        ingest_dump(broken, db, workers=2, progress=False, page_func=probe_page, unit_bytes=1)
    stored = ledger_events(db)
    before = expected_events(pages[: 12 * 20])
    assert before <= stored
    assert stored <= expected_events(pages)


@pytest.mark.parametrize("how", ["truncate", "flip"])
def test_corrupt_single_stream_names_the_offset_and_keeps_what_was_read(
    tmp_path: Path, pages: list, how: str
) -> None:
    rnd = random.Random(4)
    noisy = [
        page_xml(f"P{i}", (EVENT if i % 5 == 0 else PLAIN) + rnd.randbytes(3000).hex(), i)
        for i in range(1, 201)
    ]
    xml = HEADER + b"".join(noisy) + b"</mediawiki>\n"
    data = bz2.compress(xml, 1)  # 100k blocks: several blocks in one stream
    assert len(data) > 600_000
    if how == "truncate":
        bad = data[: len(data) * 3 // 4]
    else:
        pos = len(data) * 3 // 4
        bad = data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1 :]
    f = tmp_path / "bad.xml.bz2"
    f.write_bytes(bad)
    db = tmp_path / "l.sqlite"
    with pytest.raises(CorruptDump, match=r"byte \d+"):
        ingest_dump(f, db, workers=1, progress=False, page_func=probe_page, batch_pages=10)
    assert len(ledger_events(db)) > 0


# --- the corpus dumps ---------------------------------------------------------------------------

CORPUS_EXPECT = {
    # file: (pages, main-namespace articles, pages with an event infobox)
    "dbpedia_mappings_wiki_Mapping_en_export-0.8.xml.bz2": (764, 0, set()),
    "dbpedia_minidump_dewiki.xml.bz2": (2, 2, set()),
    "dbpedia_minidump_enwiki_27pages.xml.bz2": (27, 24, set()),
    "dumpster-dive_ltgwiki-latest-pages-articles_2004pages.xml.bz2": (2004, 903, set()),
    "gensim_bgwiki-latest-pages-articles-shortened.xml.bz2": (3, 1, set()),
    "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2": (
        206,
        106,
        {"American Revolutionary War"},
    ),
    "wikiMainPath_export_1789_events_french_revolution.xml.bz2": (
        16,
        16,
        {"Storming of the Bastille"},
    ),
    "wikiMainPath_export_category_history_of_the_united_states.xml.bz2": (
        71,
        49,
        {"September 11 attacks"},
    ),
    "wikiMainPath_export_friendly_fire_incidents_of_world_war_2.xml.bz2": (
        33,
        33,
        {
            "Operation Cottage",
            "Exercise Tiger",
            "Imber friendly fire incident",
            "Battle of Los Angeles",
            "Operation Scylla",
        },
    ),
    "wiki_xml_dump_xerces_export_category_French_Revolution.xml.bz2": (
        91,
        79,
        {
            "Timeline of the French Revolution",
            "French Revolution",
            "Insurrection of 31 May – 2 June 1793",
            "Demonstration of 20 June 1792",
            "First Massacre of Machecoul",
            "Haitian Revolution",
        },
    ),
    "wiki_xml_dump_xerces_export_category_World_War_II.xml.bz2": (92, 53, {"World War II"}),
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_EXPECT))
def test_corpus_dumps_read_and_filter(tmp_path: Path, name: str) -> None:
    pages, articles, events = CORPUS_EXPECT[name]
    got = list(iter_pages(DUMPS / name, articles_only=False))
    assert len(got) == pages
    assert sum(p.is_article for p in got) == articles
    db = tmp_path / "l.sqlite"
    s = ingest_dump(DUMPS / name, db, workers=1, progress=False, page_func=probe_page)
    assert (s.pages, s.candidates) == (pages, len(events))
    assert ledger_events(db) == events


@needs_corpus
def test_prefilter_keeps_every_corpus_event_article() -> None:
    """Every corpus wikitext with an event infobox passes the default filter, as a dump page."""
    kept = missed = 0
    for f in sorted(WIKITEXT.glob("*.wiki")):
        text = f.read_text(encoding="utf-8")
        raw = page_xml(f.stem.replace("_", " "), text, 1)
        has_infobox = bool(probe_page(text, title=f.stem))
        if has_infobox:
            assert Prefilter("infobox")(raw), f.name
            kept += 1
        elif not Prefilter("title")(raw) and not Prefilter("category")(raw):
            missed += 1
    assert kept == 51
    assert missed == 0  # the four articles without an infobox pass the title/category modes


@needs_corpus
@pytest.mark.parametrize(
    ("name", "kind", "must_keep"),
    [
        (
            "wikiMainPath_export_1789_events_french_revolution.xml.bz2",
            "title",
            {"Réveillon riots", "Women's March on Versailles", "Storming of the Bastille"},
        ),
        (
            "wikiMainPath_export_friendly_fire_incidents_of_world_war_2.xml.bz2",
            "category",
            {"Operation Wikinger", "Battle of Barking Creek", "Exercise Tiger"},
        ),
        (
            "wikiMainPath_export_friendly_fire_incidents_of_world_war_2.xml.bz2",
            "title",
            {"Operation Wikinger", "Battle of Barking Creek", "Operation Cottage"},
        ),
    ],
)
def test_wider_filters_keep_event_pages_without_infobox(
    name: str, kind: str, must_keep: set
) -> None:
    _info, raws = open_dump(DUMPS / name)
    kept = {parse_page(r).title for _o, r in raws if Prefilter(kind)(r)}
    assert must_keep <= kept


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("{{Infobox military conflict\n|conflict=X}}", True),
        ("{{ infobox_Military_Conflict |x}}", True),
        ("{{Template:Infobox civilian attack}}", True),
        ("{{Infobox terrorist attack}}", True),
        ("{{Infobox historical event}}", True),
        ("{{Infobox Event\n}}", True),
        ("{{Infobox battle\n| conflict = X}}", True),
        ("{{Infobox war|x}}", True),
        ("{{Infobox civil conflict\n}}", True),
        ("{{Infobox military operation <!-- a comment -->\n}}", True),
        ("{{Infobox war faction\n| name = X}}", False),
        ("{{Infobox events}}", False),
        ("{{Infobox settlement}}", False),
        ("{{Infobox military person}}", False),
        ("Infobox military conflict without braces", False),
    ],
)
def test_infobox_filter_table(text: str, keep: bool) -> None:
    assert Prefilter("infobox")(page_xml("T", text, 1)) is keep


@pytest.mark.parametrize("name", sorted(FAMILY_ALIASES))
def test_infobox_filter_keeps_every_name_the_reader_takes(name: str) -> None:
    """The filter must never drop a page the wikitext reader gives an event infobox."""
    text = f"{{{{Infobox {name}\n| date = 1 May 1900\n}}}}\nText."
    assert Prefilter("infobox")(page_xml("T", text, 1))
    assert read_wikitext(text, "T").infobox is not None


def test_unknown_filter_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown filter 'nope'"):
        Prefilter("nope")


def test_summary_as_dict_is_json(tmp_path: Path, multistream: Path) -> None:
    s = ingest_dump(
        multistream, tmp_path / "l.sqlite", workers=1, progress=False, page_func=probe_page
    )
    d = json.loads(json.dumps(s.as_dict()))
    assert d["pages"] == 400 and d["language"] == "en" and len(d["failures"]) == 1
