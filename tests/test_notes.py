"""Explanatory notes are no sources: grouped footnotes that are no citation go to
``record["notes"]``, and a note supports its sentence only through the citations inside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eventledger.cli import render_record
from eventledger.export import export
from eventledger.export._common import references_by_id
from eventledger.export.jsonld import event_node
from eventledger.extract.notes import is_note
from eventledger.pipeline import parse_text
from eventledger.store import Ledger

TAIL = "\n\n== Notes ==\n{{notelist}}\n== References ==\n{{reflist}}\n"
CITE = "<ref>{{cite book|last=Smith|title=T|year=1990}}</ref>"
BIB = "\n== Bibliography ==\n* {{cite book|last=Smith|title=T|year=1990}}\n"


def _rec(body: str) -> dict[str, Any]:
    (rec,) = parse_text(body + TAIL, name="X.wiki", format="wikitext", title="Battle of X")
    return rec


@pytest.mark.parametrize(
    ("text", "group", "note"),
    [
        ("{{efn|The date is disputed.}}", "lower-alpha", True),
        ('<ref group="note">Some say 1066.</ref>', "note", True),
        ("{{efn|Disputed.{{sfn|Smith|1990|p=3}}}}", "lower-alpha", True),
        (
            "{{efn|Some say so.<ref>{{cite web|title=W|url=http://x.org}}</ref>}}",
            "lower-alpha",
            True,
        ),
        ("{{refn|group=n|Marren says so.<ref name=M/>}}", "n", True),
        ('<ref group="note">{{cite web|title=W|url=http://x.org}}</ref>', "note", False),
        ("{{efn|{{sfn|Smith|1990|p=3}}}}", "lower-alpha", False),
        ("{{efn|See {{harvnb|Smith|1990|p=3}}.}}", "lower-alpha", False),
        ('<ref group="note">Smith 1990, p. 5.</ref>', "note", False),
        ("<ref>The date is disputed.</ref>", None, False),
        ("{{sfn|Smith|1990|p=3}}", None, False),
    ],
)
def test_is_note(text: str, group: str | None, note: bool) -> None:
    assert is_note(text, group) is note


def test_a_note_alone_is_no_source() -> None:
    rec = _rec(
        "The Battle of X was fought in 1900.{{efn|The date is disputed.}} It was won by A." + CITE
    )
    s1, s2 = rec["sentences"]
    (note,) = rec["notes"]
    (ref,) = rec["references"]
    assert note["text"] == "{{efn|The date is disputed.}}"
    assert s1["markers"] == [note["id"]]
    assert (s1["support"], s1["refs"]) == ("covered", [ref["id"]])
    assert (s2["support"], s2["refs"]) == ("direct", [ref["id"]])
    counts = rec["counts"]
    assert (counts["footnotes"], counts["notes"], counts["bibliography"]) == (1, 1, 0)
    keys = list(rec)
    assert keys.index("notes") == keys.index("references") + 1


def test_a_lone_note_sentence_is_unsourced() -> None:
    rec = _rec('Some say 1066.<ref group="note">A tradition.</ref>')
    (s1,) = rec["sentences"]
    assert (s1["support"], s1["refs"]) == ("unsourced", [])
    assert [f["code"] for f in rec["findings"]].count("UNSOURCED_SENTENCE") == 1


def test_a_note_supports_through_its_inner_citation() -> None:
    rec = _rec("The Battle of X was fought in 1900.{{efn|Disputed.{{sfn|Smith|1990|p=3}}}}" + BIB)
    (s1,) = rec["sentences"]
    (note,) = rec["notes"]
    (sfn,) = rec["references"]
    assert sfn["kind"] == "short" and note["span"][0] <= sfn["span"][0] < note["span"][1]
    assert (s1["support"], s1["refs"]) == ("direct", [sfn["id"]])
    assert s1["markers"] == [note["id"]]


def test_a_note_citing_in_its_own_text_is_its_own_ref() -> None:
    """The Harvard family renders inside the note, not as a footnote: the note cites."""
    rec = _rec(
        "The house was shelled.{{efn|Wellington sent a note {{Harv|Barbero|2005|p=298}}.}}"
        " It burned."
    )
    s1, s2 = rec["sentences"]
    (note,) = rec["notes"]
    assert (s1["support"], s1["refs"]) == ("direct", [note["id"]])
    assert s2["support"] == "unsourced"


def test_a_grouped_citation_stays_a_reference() -> None:
    rec = _rec('Fought in 1900.<ref group="note">{{cite web|title=W|url=http://x.org}}</ref>')
    (s1,) = rec["sentences"]
    (ref,) = rec["references"]
    assert rec["notes"] == [] and ref["group"] == "note" and ref["kind"] == "web"
    assert (s1["support"], s1["refs"]) == ("direct", [ref["id"]])


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return _rec(
        "The Battle of X was fought in 1900.{{efn|The date is disputed.}} It was won by A." + CITE
    )


def test_consumers_see_the_notes(record: dict, tmp_path: Path) -> None:
    note_id = record["notes"][0]["id"]
    assert note_id in references_by_id(record)
    text = render_record(record)
    assert "  notes (1):" in text and "  references (1):" in text
    names = {w.get("name") for w in event_node(record).get("subjectOf", [])}
    assert names == {"T"}  # the note is no work


def test_parquet_and_ledger_list_notes(record: dict, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export([record], "parquet", tmp_path / "out")
    (ev,) = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert (ev["n_references"], ev["n_notes"], ev["n_bibliography"]) == (1, 1, 0)
    refs = pq.read_table(tmp_path / "out" / "references.parquet").to_pylist()
    assert [(r["list"], r["id"]) for r in refs] == [
        ("footnotes", record["references"][0]["id"]),
        ("notes", record["notes"][0]["id"]),
    ]
    path = tmp_path / "ledger.sqlite"
    with Ledger(path) as led:
        led.ingest([record])
        assert led.get(record["id"]) == record
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, list FROM refs ORDER BY position").fetchall()
    conn.close()
    assert rows == [
        (record["references"][0]["id"], "footnotes"),
        (record["notes"][0]["id"], "notes"),
    ]


@pytest.mark.parametrize(
    ("inside", "parts"),
    [
        ("efn|a|b", ["efn", "a", "b"]),
        ("efn|{{sfn|A|1990|p=5}}|x", ["efn", "{{sfn|A|1990|p=5}}", "x"]),
        ("efn|[[A|B]] c|d", ["efn", "[[A|B]] c", "d"]),
        ("efn|}}|a", ["efn", "}}", "a"]),  # a stray close at the top level splits nothing
        ("efn|{{{1|x}}}|y", ["efn", "{{{1|x}}}", "y"]),
        ("refn|group=n|{{cite|a|b}} [[x]]", ["refn", "group=n", "{{cite|a|b}} [[x]]"]),
    ],
)
def test_split_top_splits_only_at_the_top_level(inside: str, parts: list[str]) -> None:
    from eventledger.extract.notes import _split_top

    assert _split_top(inside) == parts


def test_templates_finds_the_balanced_top_level_spans() -> None:
    from eventledger.extract.notes import _templates

    text = "a {{x|{{y}}}} b }} {{z}} {{open"
    assert [text[s:e] for s, e in _templates(text)] == ["{{x|{{y}}}}", "{{z}}"]
