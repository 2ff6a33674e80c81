"""The prose reader: Markdown and plain prose with no infobox, claims from sentences only."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventledger.errors import InputError
from eventledger.models import Document
from eventledger.pipeline import document_records, parse_text
from eventledger.read import detect_format, read_text
from eventledger.read.prose import read_prose

from .conftest import CORPUS, EXAMPLE

RENDERED = CORPUS / "rendered"
PROSE_FILES = sorted((RENDERED / "front-lines-org").glob("*/*.md")) + sorted(
    (RENDERED / "FreshWiki" / "txt").glob("*.txt")
)
FRONT_LINES_ARTICLE = RENDERED / "front-lines-org" / "syria" / "2017_mosul_airstrike.md"

MARKDOWN = """---
subject: Raid on Millbrook
description: The Raid on Millbrook was an attack in which 40 people were killed.
pubDate: 2023-09-23 07:09
tags:
  - Massacres in 1850
---

The **Raid on Millbrook** was an attack on the village of [Millbrook](https://example.org/Millbrook) \
on 3 May 1850 in which raiders *killed* 40 villagers.[^1] The survivors fled to the hills.

![A burned house](https://example.org/File_House_(1).jpg)
## Attack
The raiders came at _dawn_ and burned the mill.
It burned for two days.[^2]

 * **Town council** – The council said "the __raid__ was a crime."
 * Another list item with 99 people killed.

| Place | Killed |
|---|---|
| Mill | 12 |

> A quotation in which 500 people were killed.

```
code block, 7 killed
```

**May 5**
Soldiers arrived &amp; buried the dead.

## References
[^1]: Smith, John (1901). *The Raid*. London. p. 4.
[^2]: "Mill fire". The Times. 5 May 1850.
"""


def _roundtrip(doc: Document) -> None:
    t = doc.input
    for s in doc.sentences:
        assert t[s.span[0] : s.span[1]] == s.text
        for i, ch in enumerate(s.plain.text):
            raw = t[s.plain.starts[i] : s.plain.ends[i]]
            assert raw == ch or ch == " " or raw.startswith("&") or raw.startswith("<"), (
                i,
                ch,
                raw,
            )
        for m in s.markers:
            assert s.span[0] <= m.span[0] < m.span[1] <= s.span[1]
            assert t[m.span[0] : m.span[1]] in (f"[{m.label}]", f"[^{m.label}]")
        for lk in s.links:
            assert t[lk.span[0] : lk.span[1]].startswith("[")
    for r in doc.references:
        assert t[r.span[0] : r.span[1]] == r.text
    for f in doc.flags:
        if f.span:
            assert 0 <= f.span[0] < f.span[1] <= len(t)
    if doc.title_span:
        assert t[doc.title_span[0] : doc.title_span[1]].replace("_", " ") == doc.title


def test_markdown_structure() -> None:
    doc = read_prose(MARKDOWN, "raid.md")
    _roundtrip(doc)
    assert doc.source.format == "prose"
    assert doc.infobox is None
    assert doc.title == "Raid on Millbrook"
    assert MARKDOWN[doc.title_span[0] : doc.title_span[1]] == "Raid on Millbrook"
    assert [(s.section, s.paragraph, s.plain.text) for s in doc.sentences] == [
        (
            None,
            0,
            "The Raid on Millbrook was an attack on the village of Millbrook on 3 May 1850 "
            "in which raiders killed 40 villagers.",
        ),
        (None, 0, "The survivors fled to the hills."),
        ("Attack", 1, "The raiders came at dawn and burned the mill."),
        ("Attack", 1, "It burned for two days."),
        ("May 5", 2, "Soldiers arrived & buried the dead."),
    ]
    first = doc.sentences[0]
    assert first.text.startswith("The **Raid on Millbrook**") and first.text.endswith("[^1]")
    assert [(lk.text, lk.target) for lk in first.links] == [
        ("Millbrook", "https://example.org/Millbrook")
    ]
    assert [(m.label, m.ref) for s in doc.sentences for m in s.markers] == [
        ("1", "r1"),
        ("2", "r2"),
    ]
    assert [(r.label, r.plain.text) for r in doc.references] == [
        ("1", "Smith, John (1901). The Raid. London. p. 4."),
        ("2", '"Mill fire". The Times. 5 May 1850.'),
    ]


def test_front_matter_description_is_not_body() -> None:
    doc = read_prose(MARKDOWN, "raid.md")
    assert all("description" not in s.text and "pubDate" not in s.text for s in doc.sentences)
    assert all(s.span[0] > MARKDOWN.index("\n---\n") for s in doc.sentences)


def test_markdown_through_the_pipeline() -> None:
    (rec,) = parse_text(MARKDOWN, name="raid.md")
    assert rec["source"]["format"] == "prose"
    killed = [st for st in rec["statements"] if st["property"] == "deaths"]
    # lists, tables, quotes and code are not sentences: only the lead's 40 is a statement
    assert [(st["text"], st["low"], st["high"], st["support"], st["refs"]) for st in killed] == [
        ("killed* 40 villagers", 40, 40, "direct", ["r1"])
    ]
    assert (rec["event"]["deaths"]["low"], rec["event"]["deaths"]["high"]) == (40, 40)
    assert rec["infobox"]["fields"] == []


@pytest.mark.parametrize(
    ("text", "title", "sections"),
    [
        (
            "# Siege of Fort Amber\n\nThe siege lasted a week. Many died.\n\n# Aftermath\n\nIt ended.\n",
            "Siege of Fort Amber",
            [None, None, "Aftermath"],
        ),
        (
            "1999_Harbour_bombing\n\nA bomb exploded in the harbour, killing 6 people.\n\n"
            "# Victims\n\nSix people were killed.\n",
            "1999 Harbour bombing",
            [None, "Victims"],
        ),
        ("---\ntitle: 'Quoted title'\n---\n\nSome prose here.\n", "Quoted title", [None]),
        (
            "Harbour raid\n============\n\nThe raid began.\n\nLosses\n------\n\nTen died.\n",
            "Harbour raid",
            [None, "Losses"],
        ),
    ],
)
def test_titles_and_sections(text: str, title: str, sections: list[str | None]) -> None:
    doc = read_prose(text, "t.md")
    _roundtrip(doc)
    assert doc.title == title
    assert [s.section for s in doc.sentences] == sections


def test_title_override() -> None:
    assert read_prose("# A\n\nSome prose.\n", "t.md", title="B").title == "B"


@pytest.mark.parametrize(
    ("para", "plain", "markers"),
    [
        (
            "Six people were killed [43] [38]. Others fled.",
            ["Six people were killed.", "Others fled."],
            [["43", "38"], []],
        ),
        ("It burned.[1] Then it fell.[2][3]", ["It burned.", "Then it fell."], [["1"], ["2", "3"]]),
        (
            'They said "[t]he city fell" and the army prevent[ed] it [1].',
            ['They said "[t]he city fell" and the army prevent[ed] it.'],
            [["1"]],
        ),
        (
            "A bomb killed four people in 2016.PKK denied it. Six others.No group claimed it.",
            [
                "A bomb killed four people in 2016.",
                "PKK denied it.",
                "Six others.",
                "No group claimed it.",
            ],
            [[], [], [], []],
        ),
        (
            "The `code` and \\*stars\\* stay; <b>tags</b> go.<!-- hidden -->",
            ["The code and *stars* stay; tags go."],
            [[]],
        ),
        (
            "In the field_name_here and snake_case words, _emphasis_ goes.",
            ["In the field_name_here and snake_case words, emphasis goes."],
            [[]],
        ),
        ("About 40 died.[citation needed] More fled.", ["About 40 died.", "More fled."], [[], []]),
    ],
)
def test_inline_markup(para: str, plain: list[str], markers: list[list[str]]) -> None:
    refs = "\n\n## References\n[1] a\n[2] b\n[3] c\n[38] d\n[43] e\n"
    doc = read_prose("Title\n\n" + para + refs, "t.md")
    _roundtrip(doc)
    assert [s.plain.text for s in doc.sentences] == plain
    assert [[m.label for m in s.markers] for s in doc.sentences] == markers
    assert all(m.ref for s in doc.sentences for m in s.markers)


def test_markers_without_a_footnote_list_leave_sentences_unsourced() -> None:
    doc = read_prose("Title\n\nFive died in the raid [1]. Ten fled [2].\n", "t.md")
    _roundtrip(doc)
    assert [s.plain.text for s in doc.sentences] == ["Five died in the raid.", "Ten fled."]
    assert all(not s.markers for s in doc.sentences)
    assert [f.code for f in doc.flags] == ["MARKER_WITHOUT_REFERENCE"]
    (rec,) = document_records(doc)
    assert {s["support"] for s in rec["sentences"]} == {"unsourced"}
    codes = [f["code"] for f in rec["findings"]]
    assert codes.count("UNSOURCED_SENTENCE") == 2 and codes.count("MARKER_WITHOUT_REFERENCE") == 1


def test_see_also_entries_are_not_references() -> None:
    doc = read_prose(
        "Title\n\nSome prose.\n\n## See also\n * Other raid\n * Another raid\n", "t.md"
    )
    assert doc.references == []


def test_bibliography_entries() -> None:
    doc = read_prose(
        "Title\n\nSome prose.[1]\n\n## Notes\n1. Smith 1990, p. 4.\n\n"
        "## Bibliography\n * Smith, J. (1990). *A Book*. Oxford.\n",
        "t.md",
    )
    _roundtrip(doc)
    assert [(r.label, r.bibliography) for r in doc.references] == [("1", False), ("2", True)]
    assert doc.sentences[0].markers[0].ref == "r1"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("---\nsubject: X\n---\n\nSome prose.", "prose"),
        ("# Title\n\nSome prose.", "prose"),
        ("Title\n\n## One\n\nProse.\n\n## Two\n\nMore prose.", "prose"),
        (
            "Title\n\nSee [the report](https://example.org/r) and [the map](https://example.org/m).",
            "prose",
        ),
        ("Title\n\nSome prose.", "plaintext"),
        ("Title\n\nOne line with # inside and [brackets] only.", "plaintext"),
        ("Title\n\n---\n\nA rule but no front matter.", "plaintext"),
        (
            "{{Infobox event|name=x}}\n'''X''' was a [[thing]].<ref>a</ref>\n# item\n# item",
            "wikitext",
        ),
    ],
)
def test_detect_format(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


def test_detect_format_keeps_the_seed_plaintext() -> None:
    assert detect_format(EXAMPLE.read_text(encoding="utf-8")) == "plaintext"


def test_read_text_dispatches_prose() -> None:
    doc = read_text("# Raid\n\nThe raid killed 12 people.\n", "r.md")
    assert doc.source.format == "prose"
    doc = read_text("Raid\n\nThe raid killed 12 people.\n", "r.txt", format="prose")
    assert (doc.source.format, doc.title) == ("prose", "Raid")
    with pytest.raises(InputError, match="r.md: not an article"):
        read_text("# Raid\n\n * only a list\n", "r.md")


def test_cli_parse_format_prose(runner, tmp_path: Path) -> None:  # noqa: ANN001
    from eventledger.cli import cli

    path = tmp_path / "raid.txt"
    path.write_text("Raid\n\nThe raid killed 12 people.\n", encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(path), "--format", "prose", "--json"])
    assert result.exit_code == 0, result.output
    assert '"format": "prose"' in result.output


# ---- the real rendered articles (test data in ../shared) ------------------------------------


@pytest.mark.skipif(not PROSE_FILES, reason="../shared/corpus/rendered is not beside the checkout")
@pytest.mark.parametrize("path", PROSE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rendered_roundtrip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert detect_format(text) == "prose"
    doc = read_prose(text, path.name)
    _roundtrip(doc)
    assert doc.title and doc.sentences
    assert all(
        "[object Object]" not in s.plain.text
        and "**" not in s.plain.text
        and "](" not in s.plain.text
        for s in doc.sentences
    )
    (rec,) = document_records(doc)  # verifies every record span round-trips
    for st in rec["statements"]:
        assert text[st["span"][0] : st["span"][1]] == st["text"]


@pytest.mark.skipif(not FRONT_LINES_ARTICLE.exists(), reason="../shared/corpus is absent")
def test_front_lines_article() -> None:
    text = FRONT_LINES_ARTICLE.read_text(encoding="utf-8")
    doc = read_prose(text, FRONT_LINES_ARTICLE.name)
    assert doc.title == "2017 Mosul airstrike"
    assert text[doc.title_span[0] : doc.title_span[1]] == "2017 Mosul airstrike"
    sections = list(dict.fromkeys(s.section for s in doc.sentences))
    assert sections == [None, "Background", "Attack", "Investigation", "Aftermath"]
    assert doc.references == []  # the export dropped its references
    (rec,) = document_records(doc)
    lead = [st for st in rec["statements"] if st["property"] == "deaths" and st["section"] is None]
    assert [(st["text"], st["low"], st["high"], st["party"]) for st in lead] == [
        ("killed 278 civilians", 278, 278, "civilians")
    ]
    assert (rec["event"]["deaths"]["low"], rec["event"]["deaths"]["high"]) == (278, 278)
    assert {s["support"] for s in rec["sentences"]} == {"unsourced"}


@pytest.mark.skipif(not (RENDERED / "FreshWiki").exists(), reason="../shared/corpus is absent")
def test_freshwiki_markers_resolve_to_the_url_list() -> None:
    path = RENDERED / "FreshWiki" / "txt" / "2022_Istanbul_bombing.txt"
    doc = read_prose(path.read_text(encoding="utf-8"), path.name)
    assert doc.title == "2022 Istanbul bombing"
    markers = [m for s in doc.sentences for m in s.markers]
    assert markers and all(m.ref for m in markers)
    assert sum(r.text.startswith("http") for r in doc.references) >= len(doc.references) - 2
