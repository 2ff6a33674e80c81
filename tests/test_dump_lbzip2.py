"""The lbzip2 path of dump ingest: segments, chunk-level candidate search, checkpoints, errors.

Both paths must give the same pages, candidates, events and failures; the lbzip2-specific
tests are skipped where ``lbzip2`` is not on PATH (the workers path then runs alone).
"""

from __future__ import annotations

import bz2
import io
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventledger.dump import Prefilter, ingest_dump
from eventledger.dump import runner as runner_mod
from eventledger.dump.multistream import Unit, lbzip2_path, read_index, write_multistream
from eventledger.dump.probe import probe_page
from eventledger.dump.runner import covered
from eventledger.dump.segments import ChunkScanner
from eventledger.read.xmldump import CorruptDump, PageSplitter
from tests.test_dump import (
    EVENT,
    HEADER,
    PLAIN,
    expected_events,
    ledger_events,
    page_xml,
    synthetic_pages,
    table_dump,
)

needs_lbzip2 = pytest.mark.skipif(lbzip2_path() is None, reason="lbzip2 is not on PATH")
PATHS = [pytest.param("lbzip2", marks=needs_lbzip2), "workers"]

CATEGORY_PAGE = "A village.\n[[Category:Massacres in Nowhere]]\n"
TITLE_PAGE = "A plain text without any event word."


def mixed_pages(n: int = 300) -> list[tuple[str, str, bytes]]:
    """Pages for every filter mode: infobox events, category-only, title-only, plain."""
    out = []
    for i in range(1, n + 1):
        if i % 7 == 0:
            raw = page_xml(f"Event {i}", EVENT, i)
        elif i % 9 == 0:
            raw = page_xml(f"Village {i}", CATEGORY_PAGE, i)
        elif i % 10 == 0:
            raw = page_xml(f"Siege of Town {i}", TITLE_PAGE, i)
        else:
            raw = page_xml(f"Place {i}", PLAIN + " word" * (i % 40), i)
        out.append((str(i), f"t{i}", raw))
    return out


def summary_key(s) -> tuple:  # type: ignore[no-untyped-def]
    return (s.pages, s.candidates, s.events, sorted((f.title, f.error) for f in s.failures))


# --- the chunk scanner against the page splitter --------------------------------------------


@pytest.mark.parametrize("kind", ["infobox", "category", "title", "all"])
@pytest.mark.parametrize("size", [1, 7, 100, 4096, 1 << 20])
@pytest.mark.parametrize("how", ["feed", "fill"])
def test_scanner_keeps_exactly_the_pages_the_page_filter_keeps(
    kind: str, size: int, how: str
) -> None:
    pages = mixed_pages(120)
    xml = HEADER + b"".join(p[2] for p in pages) + b"</mediawiki>\n"
    pf = Prefilter(kind)
    want = [raw for _o, raw in PageSplitter().feed(xml) if pf(raw)]
    # two segments, cut at an arbitrary byte (inside a page)
    cut = len(xml) // 2 + 13
    sc = ChunkScanner(pf)
    for part, unit in ((xml[:cut], Unit(0, 1)), (xml[cut:], Unit(1, 2))):
        sc.begin(unit)
        if how == "feed":
            for i in range(0, len(part), size):
                sc.feed(part[i : i + size])
        else:
            pipe = io.BytesIO(part)
            while sc.fill(pipe.readinto, size) == size:
                pass
        sc.end()
    segs = sc.complete(final=True)
    assert [s.unit for s in segs] == [Unit(0, 1), Unit(1, 2)]
    assert sum(s.pages for s in segs) == 120
    got = [r for s in segs for r in s.raws]
    assert got == want
    # the page cut in two belongs to the segment where its <page> tag starts
    first_half = xml[:cut].count(b"<page>")
    assert segs[0].pages == first_half


def test_scanner_hit_between_pages_and_oversized_page() -> None:
    big = page_xml("Huge", EVENT + "x" * 5000, 1)
    small = page_xml("Small", EVENT, 2)
    plain = page_xml("Plain", PLAIN, 3)
    stray = b"{{Infobox event}}\n"  # a hit outside any page: in the header, between pages
    xml = HEADER.replace(b"<sitename>", b"<sitename>" + stray) + big + plain + stray + small
    sc = ChunkScanner(Prefilter("infobox"), max_page_bytes=1000)
    sc.begin(Unit(0, 1))
    for i in range(0, len(xml), 300):
        sc.feed(xml[i : i + 300])
    sc.end()
    (seg,) = sc.complete(final=True)
    assert seg.raws == [small.strip()]
    assert seg.failures == [("Huge", "page larger than the size limit, skipped")]


@pytest.mark.parametrize(
    ("ranges", "unit", "done"),
    [
        ([], Unit(0, 10), False),
        ([(0, 10)], Unit(0, 10), True),
        ([(0, 4), (4, 10)], Unit(2, 9), True),
        ([(0, 4), (5, 10)], Unit(2, 9), False),
        ([(3, 12)], Unit(2, 9), False),
    ],
)
def test_covered_by_checkpoints_of_any_plan(ranges: list, unit: Unit, done: bool) -> None:
    assert covered(unit, ranges) is done


# --- both paths give the same -------------------------------------------------------------


@pytest.mark.parametrize("unit_bytes", [None, 1, 5000])
@pytest.mark.parametrize("kind", ["infobox", "category", "title", "all"])
@needs_lbzip2
def test_lbzip2_and_workers_paths_agree(tmp_path: Path, kind: str, unit_bytes: int | None) -> None:
    pages = mixed_pages()
    dump = tmp_path / "mixwiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=15, level=1)
    out = {}
    for path in ("lbzip2", "workers"):
        db = tmp_path / f"{path}.sqlite"
        s = ingest_dump(
            dump,
            db,
            workers=2,
            progress=False,
            page_func=probe_page,
            filter=kind,
            unit_bytes=unit_bytes,
            decompressor=path,
        )
        out[path] = (summary_key(s), ledger_events(db))
        assert s.pages == 300
        if path == "lbzip2":
            assert s.decompressor.startswith("lbzip2")
    assert out["lbzip2"] == out["workers"]


def test_custom_category_pattern_on_both_paths(tmp_path: Path) -> None:
    pages = mixed_pages()
    dump = tmp_path / "mixwiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=15, level=1)
    pf = Prefilter("category", pattern="nowhere")
    want = {p[2] for p in pages if pf(p[2])}
    assert len(want) > len({p[2] for p in pages if Prefilter("infobox")(p[2])})
    for path in ["workers"] + (["lbzip2"] if lbzip2_path() else []):
        s = ingest_dump(
            dump,
            tmp_path / f"{path}.sqlite",
            workers=2,
            progress=False,
            page_func=probe_page,
            filter=pf,
            decompressor=path,
        )
        assert s.candidates == len(want)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("unit_bytes", [1, 2000, None])
def test_streams_that_cut_pages_lose_no_page(
    tmp_path: Path, path: str, unit_bytes: int | None
) -> None:
    """lbzip2/pbzip2-written streams cut pages anywhere: a segment's last page runs on into
    the next segment, or past the last segment to do (read on with the standard library)."""
    pages = synthetic_pages(300, fail=14)
    xml = HEADER + b"".join(p[2] for p in pages) + b"</mediawiki>\n"
    f = tmp_path / "cut.xml.bz2"
    step = 1499
    f.write_bytes(b"".join(bz2.compress(xml[i : i + step], 1) for i in range(0, len(xml), step)))
    s = ingest_dump(
        f,
        tmp_path / "l.sqlite",
        workers=2,
        progress=False,
        page_func=probe_page,
        unit_bytes=unit_bytes,
        decompressor=path,
    )
    assert s.plan == "multistream" and s.pages == 300
    assert ledger_events(tmp_path / "l.sqlite") == expected_events(pages)
    assert len(s.failures) == 1


@needs_lbzip2
def test_resume_after_the_other_path_gives_the_same_ledger(tmp_path: Path) -> None:
    """Checkpoints of the workers path (4 KiB units here) are honoured by the lbzip2 path
    (whole segments only): a segment partly done is done again, with no change."""
    pages = synthetic_pages(400, fail=14)
    dump = tmp_path / "w-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=10, level=1)
    db, ref = tmp_path / "a.sqlite", tmp_path / "ref.sqlite"
    calls = {"n": 0}

    def flaky(text: str, **kw: object) -> list:
        calls["n"] += 1
        if calls["n"] == 40:
            raise KeyboardInterrupt
        return probe_page(text, **kw)  # type: ignore[arg-type]

    with pytest.raises(KeyboardInterrupt):
        ingest_dump(
            dump,
            db,
            workers=1,
            progress=False,
            page_func=flaky,
            unit_bytes=1,
            decompressor="workers",
        )
    s = ingest_dump(
        dump,
        db,
        workers=2,
        progress=False,
        page_func=probe_page,
        resume=True,
        unit_bytes=6000,
        decompressor="lbzip2",
    )
    assert s.units_skipped > 0
    ingest_dump(dump, ref, workers=2, progress=False, page_func=probe_page, decompressor="lbzip2")
    a, b = table_dump(db), table_dump(ref)
    a.pop("dump_checkpoints"), b.pop("dump_checkpoints")
    assert a == b


@needs_lbzip2
def test_checkpoint_rows_count_whole_segments(tmp_path: Path) -> None:
    pages = synthetic_pages(400, fail=14)
    dump = tmp_path / "w-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=20, level=1)
    db = tmp_path / "l.sqlite"
    s = ingest_dump(
        dump,
        db,
        workers=2,
        progress=False,
        page_func=probe_page,
        unit_bytes=3000,
        decompressor="lbzip2",
    )
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT unit, unit_end, pages, candidates, events, failures FROM dump_checkpoints "
            "ORDER BY unit"
        ).fetchall()
    assert len(rows) == s.units > 1
    assert all(a[1] == b[0] for a, b in zip(rows, rows[1:], strict=False))
    assert sum(r[2] for r in rows) == 400
    assert sum(r[3] for r in rows) == s.candidates
    assert sum(r[4] for r in rows) == s.events
    assert sum(r[5] for r in rows) == 1


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["truncate", "flip"])
@pytest.mark.parametrize("path", PATHS)
def test_bad_stream_in_one_big_segment_names_the_offset_and_keeps_what_was_read(
    tmp_path: Path, path: str, how: str
) -> None:
    rnd = random.Random(7)
    pages = [
        (
            str(i),
            f"P{i}",
            page_xml(f"P{i}", (EVENT if i % 5 == 0 else PLAIN) + rnd.randbytes(2000).hex(), i),
        )
        for i in range(1, 401)
    ]
    good = tmp_path / "good-multistream.xml.bz2"
    index = write_multistream(good, HEADER, pages, pages_per_stream=20, level=1)
    offsets = read_index(index)
    data = good.read_bytes()
    bad_at = offsets[12] + 2000  # inside the 13th page stream
    if how == "truncate":
        bad = data[:bad_at]
    else:
        bad = data[:bad_at] + bytes([data[bad_at] ^ 0xFF]) + data[bad_at + 1 :]
    broken = tmp_path / "broken-multistream.xml.bz2"
    broken.write_bytes(bad)
    (tmp_path / "broken-multistream-index.txt.bz2").write_bytes(index.read_bytes())
    db = tmp_path / "l.sqlite"
    with pytest.raises(CorruptDump, match=rf"starts at byte {offsets[12]}"):
        ingest_dump(broken, db, workers=2, progress=False, page_func=probe_page, decompressor=path)
    stored = ledger_events(db)
    assert expected_events(pages[: 12 * 20]) <= stored <= expected_events(pages)


def test_unknown_or_missing_decompressor_is_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dump = tmp_path / "w-multistream.xml.bz2"
    write_multistream(dump, HEADER, synthetic_pages(30), pages_per_stream=10, level=1)
    with pytest.raises(ValueError, match="unknown decompressor"):
        ingest_dump(dump, tmp_path / "l.sqlite", decompressor="7z", progress=False)
    monkeypatch.setattr(runner_mod, "lbzip2_path", lambda: None)
    with pytest.raises(ValueError, match="not on PATH"):
        ingest_dump(dump, tmp_path / "l.sqlite", decompressor="lbzip2", progress=False)
    s = ingest_dump(
        dump, tmp_path / "l.sqlite", workers=1, progress=False, page_func=probe_page
    )  # auto without lbzip2: the workers path
    assert not s.decompressor.startswith("lbzip2")
    assert s.pages == 30


def test_the_parent_never_imports_the_pipeline(tmp_path: Path) -> None:
    """The parent only reads and writes: the extraction (and the place index) load in the
    workers, and only when a candidate page reaches them."""
    dump = tmp_path / "w-multistream.xml.bz2"
    plain = [(str(i), f"t{i}", page_xml(f"Place {i}", PLAIN, i)) for i in range(1, 60)]
    write_multistream(dump, HEADER, plain, pages_per_stream=10, level=1)
    code = textwrap.dedent(
        f"""
        import sys
        from eventledger.dump import ingest_dump
        s = ingest_dump({str(dump)!r}, {str(tmp_path / "l.sqlite")!r}, workers=2,
                        progress=False)
        assert s.pages == 59, s.pages
        heavy = [m for m in ("eventledger.pipeline", "mwparserfromhell", "rich")
                 if m in sys.modules]
        print(heavy)
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize("compressed", [True, False])
def test_read_index_one_offset_per_stream(tmp_path: Path, compressed: bool) -> None:
    lines = b"10:1:A\n10:2:B: a title: with colons\n250:3:C\n250:40:D\n1000:5:E"  # no last \n
    f = tmp_path / ("x-index.txt.bz2" if compressed else "x-index.txt")
    f.write_bytes(bz2.compress(lines) if compressed else lines)
    assert read_index(f) == [10, 250, 1000]


@pytest.mark.parametrize("path", PATHS)
def test_cli_ingest_chooses_the_decompressor(tmp_path: Path, path: str) -> None:
    from click.testing import CliRunner

    from eventledger.cli import cli

    pages = mixed_pages(60)
    dump = tmp_path / "mixwiki-multistream.xml.bz2"
    write_multistream(dump, HEADER, pages, pages_per_stream=15, level=1)
    db = tmp_path / "cli.sqlite"
    args = ["ingest", str(dump), "--db", str(db), "--no-progress", "--workers", "2"]
    res = CliRunner().invoke(cli, [*args, "--decompressor", path])
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert ("lbzip2" in first) == (path == "lbzip2"), first
    assert "pages read: 60" in res.output
    assert "events stored: 8" in res.output  # every 7th page has the event infobox
    bad = CliRunner().invoke(cli, [*args, "--decompressor", "pigz"])
    assert bad.exit_code == 2 and "pigz" in bad.output
