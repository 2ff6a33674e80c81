"""The whole wikitext corpus through the whole pipeline: every article gives a record, and every
span of every record round-trips into the input.

(``document_records`` also checks spans itself and raises InvariantError; this test makes the
check explicit and covers the infobox snippets too.)
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from eventledger.pipeline import document_records
from eventledger.read import read_path
from eventledger.read.wikitext import read_wikitext

from .conftest import CORPUS, needs_shared

WIKI = sorted((CORPUS / "wikitext").glob("*.wiki")) if CORPUS.exists() else []
SNIPPETS = sorted((CORPUS / "infobox_snippets").glob("*/*")) if CORPUS.exists() else []


def _check(doc, rec) -> None:  # noqa: ANN001
    text = doc.input
    objs = rec["infobox"]["fields"] + rec["statements"] + rec["sentences"]
    objs += rec["references"] + rec["notes"] + rec["bibliography"]
    for obj in objs:
        a, b = obj["span"]
        assert text[a:b] == obj["text"], (rec["title"], obj.get("id"), obj["span"])
    for f in rec["findings"]:
        for a, b in f["spans"]:
            assert 0 <= a <= b <= len(text)


def _check_lists(doc, rec) -> None:  # noqa: ANN001
    """``references`` are the page's citations and ``notes`` its explanatory notes, both in
    reader order; ``bibliography`` the works of its Bibliography list; the counts are the
    lengths of the lists, ids are unique across them, and every sentence's refs are citations."""
    footnotes = [r.id for r in doc.references if not r.bibliography]
    works = [r.id for r in doc.references if r.bibliography]
    got = rec["references"] + rec["notes"]
    assert sorted(r["id"] for r in got) == sorted(footnotes)
    order = {rid: i for i, rid in enumerate(footnotes)}
    for lst in (rec["references"], rec["notes"]):
        assert [order[r["id"]] for r in lst] == sorted(order[r["id"]] for r in lst)
    assert [r["id"] for r in rec["bibliography"]] == works
    assert rec["counts"]["footnotes"] == len(rec["references"])
    assert rec["counts"]["notes"] == len(rec["notes"])
    assert rec["counts"]["bibliography"] == len(rec["bibliography"])
    every = rec["references"] + rec["notes"] + rec["bibliography"]
    assert not any("bibliography" in r for r in every)
    assert all(r["group"] for r in rec["notes"])
    ids = {r["id"] for r in every}
    assert len(ids) == len(every)
    assert all(r["resolves_to"] in ids for r in rec["references"] if r["resolves_to"])
    citations = {r["id"] for r in rec["references"]}
    citing_notes = {r["id"] for r in rec["notes"] if re.search(r"\{\{\s*harv", r["text"], re.I)}
    for s in rec["sentences"]:
        assert set(s["refs"]) <= citations | citing_notes, (s["id"], s["refs"])


@needs_shared()
def test_corpus_has_55_articles() -> None:
    assert len(WIKI) == 55


@needs_shared()
@pytest.mark.parametrize("path", WIKI, ids=[p.stem for p in WIKI])
def test_article_gives_a_record_whose_spans_round_trip(path: Path) -> None:
    doc = read_path(path)
    (rec,) = document_records(doc)
    _check(doc, rec)
    _check_lists(doc, rec)
    assert rec["title"] == path.stem.replace("_", " ")
    assert rec["event"]["kind"] in ("attack", "battle", "war", "other")
    if doc.infobox is not None:
        assert rec["event"]["date"]["start"] is not None, "an infobox article without a date"


def _snippet_texts(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".gz":
        data = json.loads(gzip.decompress(path.read_bytes()))
        out = []

        def walk(x, key="") -> None:  # noqa: ANN001
            if isinstance(x, dict):
                for k, v in x.items():
                    walk(v, k)
            elif isinstance(x, list):
                for v in x:
                    walk(v, key)
            elif isinstance(x, str) and "{{" in x and "infobox" in x.lower():
                out.append((f"{path.name}:{len(out)}", x))

        walk(data)
        return out[:40]
    if (
        path.suffix in (".wikisyntax", ".txt")
        and "INFOBOX" in path.name.upper()
        and "KEY_VALUES" not in path.name
    ):
        return [(path.name, path.read_text(encoding="utf-8"))]
    return []


@needs_shared()
def test_infobox_snippets_parse_and_round_trip() -> None:
    count = 0
    families = set()
    for path in SNIPPETS:
        for name, text in _snippet_texts(path):
            doc = read_wikitext(text, name)
            (rec,) = document_records(doc)
            _check(doc, rec)
            count += 1
            families.add(rec["infobox"]["template"])
    assert count >= 6
    # the snippets hold military-conflict and civilian/terrorist-attack boxes, and one
    # East Asian name box that is no event infobox at all
    assert {"military conflict", "civilian attack", None} <= families


def _military_boxes() -> list[tuple[str, dict[str, str]]]:
    """(title, fields) of every Infobox military conflict in the lower-cased timeline dumps."""
    import html

    out = []
    for path in SNIPPETS:
        if not path.name.endswith(".json.gz"):
            continue
        for item in json.loads(gzip.open(path).read())["wiki"]["data"]:
            page = item["page"]
            for box in page.get("infobox", []):
                if "military conflict" in box.get("template", "").lower():
                    fields = {
                        k.strip(): html.unescape(v) for k, v in box.items() if k != "template"
                    }
                    out.append((page["title"], fields))
    return out


@needs_shared()
def test_every_snippet_date_field_gives_a_date() -> None:
    """All 900+ ``date`` fields of real military-conflict infoboxes (lower-cased by their
    source, so names are not checked) give a start: date templates, ranges, "c.", BC years,
    Julian/Gregorian pairs."""
    body = "The battle was fought between two armies, as several sources that historians use say."
    missing = []
    boxes = _military_boxes()
    for title, fields in boxes:
        if not fields.get("date"):
            continue
        text = (
            f"{{{{Infobox military conflict\n| conflict = {title}\n| date = {fields['date']}\n}}}}"
        )
        doc = read_wikitext(f"{text}\n{body}\n", "x.wiki")
        (rec,) = document_records(doc)
        if not rec["event"]["date"]["start"]:
            missing.append((title, fields["date"][:80]))
    assert len(boxes) >= 900
    assert missing == []
