"""One article, two readers: the plaintext copy and a wikitext rendering of the same content give
the same event record, up to what the input itself lacks (links, ref names, markup spans).

Both readers hand a Document to the same extractors; no statement logic lives in a reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventledger.pipeline import parse_path

from .conftest import EXAMPLE

WIKI = Path(__file__).resolve().parent / "data" / "Gegenmiao_massacre.wiki"


@pytest.fixture(scope="module")
def pair() -> tuple[dict[str, Any], dict[str, Any]]:
    (plain,) = parse_path(EXAMPLE)
    (wiki,) = parse_path(WIKI)
    assert plain["source"]["format"] == "plaintext" and wiki["source"]["format"] == "wikitext"
    return plain, wiki


def _event_view(rec: dict[str, Any]) -> dict[str, Any]:
    ev = rec["event"]
    return {
        "title": rec["title"],
        "template": rec["infobox"]["template"],
        "kind": ev["kind"],
        "part_of": ev["part_of"],
        "date": {k: ev["date"][k] for k in ("start", "end", "precision", "date_prec")},
        "location": {
            k: ev["location"][k] for k in ("text", "name", "country", "lat", "lon", "where_prec")
        },
        "deaths": {k: ev["deaths"][k] for k in ("low", "best", "high", "policy")},
        "perpetrators": [(a["name"], a["kind"]) for a in ev["perpetrators"]],
        "targets": [(a["name"], a["kind"]) for a in ev["targets"]],
        "attack_types": [a["label"] for a in ev["attack_types"]],
        "motive": ev["motive"],
    }


def _statements_view(rec: dict[str, Any]) -> list[tuple]:
    return [
        (
            s["property"],
            s["origin"],
            s["category"],
            s["comparator"],
            s["low"],
            s["best"],
            s["high"],
            s["support"],
            len(s["refs"]),
        )
        for s in rec["statements"]
    ]


def _references_view(rec: dict[str, Any]) -> list[tuple]:
    keys = (
        "kind",
        "authors",
        "title",
        "work",
        "publisher",
        "date",
        "accessed",
        "pages",
        "isbn",
        "isbn_valid",
        "uses",
    )
    return [tuple(str(r[k]) for k in keys) for r in rec["references"]]


def test_same_event(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    plain, wiki = pair
    assert _event_view(plain) == _event_view(wiki)


def test_same_statements(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    plain, wiki = pair
    assert _statements_view(plain) == _statements_view(wiki)


def test_same_references(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    plain, wiki = pair
    assert _references_view(plain) == _references_view(wiki)


def test_same_sentences_and_support(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    plain, wiki = pair
    body = [s for s in plain["sentences"] if s["origin"] == "body"]
    wbody = [s for s in wiki["sentences"] if s["origin"] == "body"]
    assert [(s["support"], len(s["markers"])) for s in body] == [
        (s["support"], len(s["markers"])) for s in wbody
    ]


def test_same_findings(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    plain, wiki = pair
    assert sorted(f["code"] for f in plain["findings"]) == sorted(
        f["code"] for f in wiki["findings"]
    )
