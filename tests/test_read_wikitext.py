"""Tests for the wikitext reader: spans, infoboxes, value templates, references, sentences."""

from __future__ import annotations

import functools
import gzip
import html
import json
from collections import Counter
from pathlib import Path

import pytest

from eventledger.models import Document, MappedText
from eventledger.pipeline import parse_text
from eventledger.read.wikitext import read_wikitext, title_from_name
from eventledger.read.wikitext_values import render_convert, render_coord, render_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
WIKI_FILES = sorted((CORPUS / "wikitext").glob("*.wiki"))
SNIPPETS = CORPUS / "infobox_snippets"
needs_corpus = pytest.mark.skipif(not WIKI_FILES, reason="shared corpus not available")


@functools.cache
def corpus_doc(path: Path) -> Document:
    return read_wikitext(path.read_text(encoding="utf-8"), path.name)


def read(text: str, **kw) -> Document:
    return read_wikitext(text, "Test_page.wiki", **kw)


def assert_spans(doc: Document) -> None:
    """Every field, sentence, marker and reference round-trips, and plain maps into input."""
    n = len(doc.input)

    def plain_ok(mt: MappedText) -> None:
        assert len(mt.starts) == len(mt.text) == len(mt.ends)
        assert all(0 <= a <= b <= n for a, b in zip(mt.starts, mt.ends, strict=True))

    boxes = ([doc.infobox] if doc.infobox else []) + doc.other_infoboxes
    for box in boxes:
        assert 0 <= box.span[0] < box.span[1] <= n
        for f in box.fields:
            assert doc.input[f.span[0] : f.span[1]] == f.text
            plain_ok(f.plain)
            for item in f.items:
                plain_ok(item)
            for link in f.links:
                assert f.span[0] <= link.span[0] < link.span[1] <= f.span[1]
    for s in doc.sentences:
        assert doc.input[s.span[0] : s.span[1]] == s.text
        plain_ok(s.plain)
    for m in doc.markers():
        assert doc.input[m.span[0] : m.span[1]].lstrip()[:2] in ("<r", "{{", "<R")
    for r in doc.references:
        assert doc.input[r.span[0] : r.span[1]] == r.text
        plain_ok(r.plain)
    for fl in doc.flags:
        if fl.span is not None:
            assert 0 <= fl.span[0] <= fl.span[1] <= n


# --- small cases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Battle_of_Hastings.wiki", "Battle of Hastings"),
        ("/x/y/2016_Berlin_attack.wikitext", "2016 Berlin attack"),
        ("Munich_massacre", "Munich massacre"),
    ],
)
def test_title_from_name(name: str, title: str) -> None:
    assert title_from_name(name) == title
    assert read_wikitext("x", name).title == title


@pytest.mark.parametrize(
    ("markup", "family"),
    [
        ("{{Infobox_Military_Conflict\n|conflict=X}}", "military conflict"),
        ("{{infobox civilian attack|title=X}}", "civilian attack"),
        ("{{Infobox terrorist attack|perps=X}}", "civilian attack"),
        ("{{ Infobox  historical event |name=X}}", "historical event"),
        ("{{Infobox event|name=X}}", "event"),
        ("{{Infobox battle|conflict=X}}", "military conflict"),
        ("{{Infobox civil conflict|title=X}}", "civil conflict"),
        ("{{Infobox military_operation|name=X}}", "military operation"),
        ("{{Infobox war faction|name=X}}", None),
        ("{{stack|{{Infobox military conflict|conflict=X}}}}", "military conflict"),
        ('{| class="x"\n|\n{{Infobox military conflict|conflict=X}}\n|}', "military conflict"),
        ("{{Infobox person|name=X}}", None),
    ],
)
def test_infobox_family(markup: str, family: str | None) -> None:
    doc = read(markup + "\nText here.")
    assert (doc.infobox.template if doc.infobox else None) == family
    assert_spans(doc)


def test_first_event_infobox_wins_others_kept() -> None:
    doc = read(
        "{{Infobox person|name=P}}\n{{Infobox military conflict|conflict=A}}\n"
        "{{Infobox military conflict|conflict=B}}\nText."
    )
    assert doc.infobox is not None and doc.infobox.get("name").text == "A"
    assert [b.template for b in doc.other_infoboxes] == ["person", "military conflict"]


MILITARY = """{{Infobox military conflict
| conflict    = Battle of X
| partof      = the [[Y War]]
| place       = [[Town]], [[Country]]
| coordinates = {{coord|48|10|47|N|11|32|57|E|display=inline,title}}
| date        = {{start date|1945|8|14}} – {{end date|1945|8|20}}
| combatant1  = {{flag|Japan}}
| combatant1a = {{flagicon|Manchukuo}} [[Manchukuo]]
| combatant2  = {{flagcountry|Soviet Union}}
| commander1  = A<br />B<br/>C
| strength2   = {{plainlist|
* 1,000 men<ref name=s>Smith 2001, p. 4.</ref>
* 20 tanks}}
| casualties1 = Over 1,000 killed{{sfn|Smith|2001|p=5}}
| casualties3 = 200 civilians<!-- comment <ref>hidden</ref> -->
| result      = Soviet victory
| weird_param = {{ubl|one|two}}
}}
Lead sentence.<ref name=s/>"""


@pytest.mark.parametrize(
    ("label", "key", "side", "items"),
    [
        ("conflict", "name", None, ["Battle of X"]),
        ("partof", "part_of", None, ["the Y War"]),
        ("place", "location", None, ["Town, Country"]),
        ("coordinates", "coordinates", None, ["48°10′47″N 11°32′57″E"]),
        ("date", "date", None, ["14 August 1945 – 20 August 1945"]),
        ("combatant1", "combatants", 1, ["Japan"]),
        ("combatant1a", "combatants", 1, ["Manchukuo"]),
        ("combatant2", "combatants", 2, ["Soviet Union"]),
        ("commander1", "commanders", 1, ["A", "B", "C"]),
        ("strength2", "strength", 2, ["1,000 men", "20 tanks"]),
        ("casualties1", "casualties", 1, ["Over 1,000 killed"]),
        ("casualties3", "casualties_other", None, ["200 civilians"]),
        ("result", "result", None, ["Soviet victory"]),
        ("weird_param", "weird_param", None, ["one", "two"]),
    ],
)
def test_military_conflict_fields(label: str, key: str, side: int | None, items: list[str]) -> None:
    doc = read(MILITARY)
    field = next(f for f in doc.infobox.fields if f.label == label)
    assert (field.key, field.side) == (key, side)
    assert [i.text for i in field.items] == items
    assert field.plain.text == "\n".join(items)
    assert_spans(doc)


def test_field_hints_links_and_refs() -> None:
    doc = read(MILITARY)
    box = doc.infobox
    assert box.get("date").hints["date"] == {"start": "1945-08-14", "end": "1945-08-20"}
    assert box.get("coordinates").hints["coord"] == (48.179722, 11.549167)
    assert box.get("combatants").hints["flag_country"] == ["Soviet Union"]
    assert box.fields[5].hints["flag_country"] == ["Japan"]
    assert box.fields[6].hints["flag_country"] == ["Manchukuo"]
    assert [(lk.text, lk.target) for lk in box.get("location").links] == [
        ("Town", "Town"),
        ("Country", "Country"),
    ]
    strength = box.get("strength")
    assert strength.refs == ["r1"] and strength.markers[0].label == "s"
    cas = [f for f in box.fields if f.label == "casualties1"][0]
    assert len(cas.refs) == 1
    ref = next(r for r in doc.references if r.id == cas.refs[0])
    assert ref.short and ref.params["authors"] == ["Smith"] and ref.params["year"] == "2001"
    assert ref.params["pages"] == "5"
    # the comment's ref does not exist; the lead reuses the named ref
    assert len(doc.references) == 2
    assert doc.sentences[0].markers[0].ref == "r1"


def test_casualties3_with_combatant3_is_a_side() -> None:
    doc = read("{{Infobox military conflict|combatant3=Z|casualties3=5 dead}}")
    f = doc.infobox.get("casualties")
    assert (f.side, f.text) == (3, "5 dead")


@pytest.mark.parametrize(
    ("param", "family", "key"),
    [
        ("fatalities", "civilian attack", "deaths"),
        ("deaths", "civilian attack", "deaths"),
        ("non-fatal injuries", "civilian attack", "injuries"),
        ("non-fatal_injuries", "civilian attack", "injuries"),
        ("wounded", "civilian attack", "injuries"),
        ("perps", "terrorist attack", "perpetrators"),
        ("assailant", "civilian attack", "perpetrators"),
        ("type", "civilian attack", "attack_type"),
        ("attack_type", "civilian attack", "attack_type"),
        ("type", "event", "type"),
        ("weapon", "civilian attack", "weapons"),
        ("victims", "civilian attack", "victims"),
        ("place", "event", "location"),
        ("Location", "civilian attack", "location"),
        ("Image_Size", "civilian attack", "image_size"),
    ],
)
def test_param_aliases(param: str, family: str, key: str) -> None:
    doc = read(f"{{{{Infobox {family}\n| {param} = v\n}}}}")
    assert [(f.label, f.key) for f in doc.infobox.fields] == [(param, key)]


@pytest.mark.parametrize(
    ("markup", "fields"),
    [
        (
            "{{Infobox civil conflict\n| side1 = Rioters\n| side2 = Police\n| leadfigures2 = Gates"
            "\n| howmany2 = 10,000\n| casualties1 = 3 killed\n| side3 = Army\n| fatalities = 63"
            "\n| arrests = 12,111\n}}",
            [
                ("combatants", 1),
                ("combatants", 2),
                ("commanders", 2),
                ("strength", 2),
                ("casualties", 1),
                ("combatants", 3),
                ("deaths", None),
                ("arrests", None),
            ],
        ),
        (
            "{{Infobox military operation\n| executed_by = DEVGRU\n| commanded_by = McRaven"
            "\n| target = Bin Laden\n| type = Raid\n| casualties = 5 killed\n}}",
            [
                ("combatants", 1),
                ("commanders", 1),
                ("target", None),
                ("type", None),
                ("casualties", None),
            ],
        ),
        # the per-side names belong to their families only
        (
            "{{Infobox event\n| side1 = X\n| executed_by = Y\n}}",
            [("side1", None), ("executed_by", None)],
        ),
    ],
)
def test_family_side_params(markup: str, fields: list[tuple[str, int | None]]) -> None:
    doc = read(markup + "\nText.")
    assert [(f.key, f.side) for f in doc.infobox.fields] == fields


def test_wikidata_value_flag() -> None:
    doc = read("{{Infobox civilian attack\n|fatalities = {{#property:P1120}} (1 passenger)\n}}")
    f = doc.infobox.get("deaths")
    assert f.hints["wikidata"] == "P1120"
    assert f.plain.text == "(1 passenger)"
    flag = next(fl for fl in doc.flags if fl.code == "VALUE_FROM_WIKIDATA")
    assert doc.input[flag.span[0] : flag.span[1]] == "{{#property:P1120}}"


def test_empty_and_duplicate_fields() -> None:
    doc = read("{{Infobox civilian attack\n|deaths = 1\n|motive = \n|deaths = 2\n}}")
    motive = doc.infobox.get("motive")
    assert (motive.text, motive.items, motive.span[0] == motive.span[1]) == ("", [], True)
    assert doc.infobox.get("deaths").text == "2"  # the last duplicate wins
    assert len(doc.infobox.all("deaths")) == 2


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("{{circa}} 200", "c. 200"),
        ("{{c.|1500}}", "c. 1500"),
        ("{{nowrap|5 km}}", "5 km"),
        ("{{convert|5|km|mi}}", "5 km"),
        ("{{convert|5|-|10|km}}", "5–10 km"),
        ("{{lang|fr|Bataille}}", "Bataille"),
        ("{{small|(est.)}}", "(est.)"),
        ("{{KIA}} Harold", "Harold"),
        ("'''Bold''' and ''italic''", "Bold and italic"),
        ("A&nbsp;B &ndash; C", "A B – C"),
        ("[http://x.org Site] text", "Site text"),
        ("{{flagicon|France}} French", "French"),
        ("{{Dts|1945|8|14}}", "14 August 1945"),
        ("{{start date and age|df=yes|2016|12|19}}", "19 December 2016"),
        ("x\n* a\n* b", "x\na\nb"),
    ],
)
def test_value_templates_render(value: str, plain: str) -> None:
    doc = read(f"{{{{Infobox event\n|outcome = {value}\n}}}}")
    assert doc.infobox.get("outcome").plain.text == plain
    assert_spans(doc)


@pytest.mark.parametrize(
    ("args", "text", "coord"),
    [
        (["48.18", "11.55"], "48.18°N 11.55°E", (48.18, 11.55)),
        (["33", "30", "S", "70", "W"], "33°30′S 70°W", (-33.5, -70.0)),
        (["not", "coords"], "", None),
    ],
)
def test_render_coord(args: list[str], text: str, coord: tuple | None) -> None:
    assert render_coord(args) == (text, coord)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["1945", "8", "14"], ("14 August 1945", "1945-08-14")),
        (["1945"], ("1945", "1945")),
        (["-31", "9", "2"], ("2 September 31 BC", "-0031-09-02")),
        (["14 August 1945"], ("14 August 1945", "1945-08-14")),
    ],
)
def test_render_date(args: list[str], expected: tuple) -> None:
    assert render_date(args, {}) == expected


def test_render_convert_no_conversion() -> None:
    assert render_convert(["300", "m", "ft", "abbr=on"]) == "300 m"


# --- references -------------------------------------------------------------------------------

REFS = """Intro sentence.<ref name="a">{{cite book |last=Smith |first=J. |title=War |year=2001 |isbn=123}}</ref> Second one.<ref>Plain text ref.</ref><ref name=a />
Third.{{sfn|Jones|Brown|1999|p=12}} Fourth.{{sfn|Jones|Brown|1999|p=12}}{{cn|date=May 2020}}
Fifth.<ref group=note>A note.</ref> Sixth.<ref name=ld/>{{efn|An efn note.}}

== References ==
{{reflist|refs=
<ref name=ld>{{cite web|url=http://x.org|title=LD}}</ref>
}}

== Bibliography ==
* {{cite book |last=Jones |first=A. |last2=Brown |title=Book |year=1999}}
"""


def test_references_ids_labels_and_markers() -> None:
    doc = read(REFS)
    assert_spans(doc)
    by_id = {r.id: r for r in doc.references}
    r1 = by_id["r1"]
    assert (r1.label, r1.template, r1.params["last"], r1.params["isbn"]) == (
        "a",
        "cite book",
        "Smith",
        "123",
    )
    r2 = by_id["r2"]
    assert (r2.template, r2.params, r2.plain.text, r2.label) == (None, {}, "Plain text ref.", "2")
    sfn = by_id["r3"]
    assert sfn.short and sfn.params == {
        "authors": ["Jones", "Brown"],
        "year": "1999",
        "pages": "12",
        "p": "12",
    }
    texts = {s.plain.text: [m.ref for m in s.markers] for s in doc.sentences}
    assert texts["Intro sentence."] == ["r1"]
    assert texts["Second one."] == ["r2", "r1"]
    assert texts["Third."] == ["r3"] and texts["Fourth."] == ["r3"]  # identical sfns share
    note = next(r for r in doc.references if r.group == "note")
    assert texts["Fifth."] == [note.id]
    ld = next(r for r in doc.references if r.params.get("title") == "LD")
    efn = next(r for r in doc.references if r.group == "lower-alpha")
    assert texts["Sixth."] == [ld.id, efn.id]
    assert ld.params["url"] == "http://x.org"
    bib = [r for r in doc.references if r.bibliography]
    assert len(bib) == 1 and bib[0].params["title"] == "Book" and bib[0].id == "r7"
    assert [f.code for f in doc.flags] == ["CITATION_NEEDED"]
    assert doc.input[doc.flags[0].span[0] : doc.flags[0].span[1]] == "{{cn|date=May 2020}}"
    # ids in order of first use
    assert [r.id for r in doc.references] == [f"r{i}" for i in range(1, 8)]


def test_named_ref_used_before_defined_and_undefined() -> None:
    doc = read("One.<ref name=x/> Two.<ref name=x>Def.</ref> Three.<ref name=nowhere/>")
    refs = [[m.ref for m in s.markers] for s in doc.sentences]
    assert refs == [["r1"], ["r1"], [None]]
    assert doc.references[0].plain.text == "Def."


# --- prose ------------------------------------------------------------------------------------

PROSE = """{{Infobox event|name=E}}
'''E''' was an [[event|incident]] in [[Place]].<ref>R.</ref> It killed {{circa}} 200 people.

Second paragraph here.
* list item one.
* list item two.
Third paragraph after the list.

[[File:Photo.jpg|thumb|left|upright=1.2|Soldiers at the [[Front]].<ref>C.</ref>]]

== Aftermath ==
=== Trials ===
A trial began.
{| class="wikitable"
| Table cell text.
|}
==== Detail ====
More detail.

== See also ==
Not a sentence.

== Notes ==
Nor this.
[[Category:Massacres in 1945]]
[[Category:Conflicts|Sort key]]
[[de:Ereignis]]
"""


def test_sentences_sections_paragraphs_and_captions() -> None:
    doc = read(PROSE)
    assert_spans(doc)
    got = [(s.plain.text, s.section, s.paragraph, s.origin) for s in doc.sentences]
    assert got == [
        ("E was an incident in Place.", None, 0, "body"),
        ("It killed c. 200 people.", None, 0, "body"),
        ("Second paragraph here.", None, 1, "body"),
        ("Third paragraph after the list.", None, 2, "body"),
        ("Soldiers at the Front.", None, 3, "caption"),
        ("A trial began.", "Trials", 4, "body"),
        ("More detail.", "Trials", 5, "body"),
    ]
    first = doc.sentences[0]
    assert first.text.startswith("'''E''' was an [[event|incident]]")
    assert [(lk.text, lk.target) for lk in first.links] == [
        ("incident", "event"),
        ("Place", "Place"),
    ]
    assert doc.sentences[4].markers[0].ref == "r2"
    assert doc.categories == ["Massacres in 1945", "Conflicts"]
    assert [s.id for s in doc.sentences] == [f"s{i}" for i in range(1, 8)]


def test_plain_maps_back_to_input() -> None:
    doc = read("The [[Battle of X|battle]] killed {{convert|5|km}} men.")
    s = doc.sentences[0]
    i = s.plain.text.index("battle")
    a, b = s.plain.span_of(i, i + 6)
    assert doc.input[a:b] == "battle"
    j = s.plain.text.index("5 km")
    a, b = s.plain.span_of(j, j + 4)
    assert doc.input[a:b] == "{{convert|5|km}}"


def test_marker_inside_sentence_and_after_stop() -> None:
    doc = read("Alpha<ref>A.</ref> beta. Gamma. <ref>G.</ref>Delta.")
    assert [[m.ref for m in s.markers] for s in doc.sentences] == [["r1"], ["r2"], []]


# --- limits -----------------------------------------------------------------------------------


def test_nul_is_stripped() -> None:
    doc = read("Before\x00 after.<ref>R\x00.</ref>")
    assert "\x00" not in doc.input
    assert doc.sentences[0].plain.text == "Before after."
    assert_spans(doc)


def test_page_too_large_reads_a_prefix() -> None:
    text = "Start sentence.\n\n== A ==\n" + "Word here. " * 50 + "\n\n== B ==\nLate sentence."
    doc = read(text, max_bytes=200)
    assert [f.code for f in doc.flags] == ["PAGE_TOO_LARGE"]
    assert doc.sentences[0].plain.text == "Start sentence."
    assert all("Late" not in s.plain.text for s in doc.sentences)
    assert doc.input == text


def test_parse_timeout_gives_partial_document() -> None:
    doc = read("One.\n== A ==\nTwo.", max_seconds=-1)
    assert [f.code for f in doc.flags] == ["PARSE_TIMEOUT"]
    assert doc.sentences == []


@pytest.mark.parametrize(
    "markup",
    [
        "{{Infobox military conflict|casualties1=5",  # unclosed
        "<ref name=x>never closed",
        "[[File:x.jpg|thumb|[[unclosed]",
        "{{{{{{nested}}}}}} ''' '' <ref/> </ref> {{sfn}} {{efn}} {{coord|x}} {{convert}}",
        "== heading without end\n* \n{|\n|}",
        "",
    ],
)
def test_malformed_markup_never_raises(markup: str) -> None:
    assert_spans(read(markup))


# --- corpus -----------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", WIKI_FILES, ids=lambda p: p.stem)
def test_corpus_article_spans_round_trip(path: Path) -> None:
    doc = corpus_doc(path)
    assert_spans(doc)
    assert doc.sentences, "every article has prose"
    assert not [f for f in doc.flags if f.code in ("PAGE_TOO_LARGE", "PARSE_TIMEOUT")]


@needs_corpus
def test_corpus_infobox_families() -> None:
    """SOURCES.md: 45 military conflict, 3 civilian attack, 2 historical event, 1 event, 4 none."""
    counts = Counter()
    for path in WIKI_FILES:
        doc = corpus_doc(path)
        counts[doc.infobox.template if doc.infobox else None] += 1
    assert counts == {
        "military conflict": 45,
        "civilian attack": 3,
        "historical event": 2,
        "event": 1,
        None: 4,
    }


@needs_corpus
def test_corpus_markers_resolve() -> None:
    """Every marker in the corpus points to a reference, except one known broken name."""
    unresolved = []
    for path in WIKI_FILES:
        doc = corpus_doc(path)
        unresolved += [(path.stem, m.label) for m in doc.markers() if m.ref is None]
    assert unresolved == []


def _key_values(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        k, _, v = line.partition("\t")
        out[k] = v
    return out


@needs_corpus
@pytest.mark.parametrize(
    "path",
    sorted((SNIPPETS / "wikiMainPath").glob("*_INFOBOX_SYNTAX.wikisyntax")),
    ids=lambda p: p.name.split("_INFOBOX")[0],
)
def test_infobox_split_matches_wikimainpath(path: Path) -> None:
    """Our label/value split agrees with the peer project's, up to the documented differences.

    docs/wikitext.md: the peer keeps a blank value as " " (ours is empty) and drops line breaks
    or cuts multi-line values at the first one (ours is the exact input slice).
    """
    expected = _key_values(path.with_name(path.name.replace("SYNTAX.wikisyntax", "KEY_VALUES.txt")))
    doc = read_wikitext(path.read_text(encoding="utf-8"), path.name)
    got = {f.label: f.text for f in doc.infobox.fields}
    assert set(got) == set(expected)
    for label, value in expected.items():
        ours = "".join(got[label].split())
        theirs = "".join(value.split())
        assert ours == theirs or ours.startswith(theirs), label
    assert_spans(doc)


@needs_corpus
@pytest.mark.parametrize(
    ("name", "family", "key", "first_item"),
    [
        ("Munich_massacre__infobox.txt", "civilian attack", "perpetrators", "Black September"),
        ("Munich_massacre__infobox.txt", "civilian attack", "attack_type", "Hostage-taking"),
        (
            "Assassination_of_James_A._Garfield__infobox.txt",
            "civilian attack",
            "perpetrators",
            "Charles J. Guiteau",
        ),
        ("Battle_of_Marathon__infobox.txt", "military conflict", "casualties", "6,400 dead"),
        (
            "Battle_of_Gettysburg__infobox.txt",
            "military conflict",
            "coordinates",
            "39.811°N 77.225°W",
        ),
        ("American_Revolutionary_War__infobox.txt", "military conflict", "combatants", None),
        ("Korean_War__Infobox_East_Asian.txt", None, None, None),
    ],
)
def test_wikiline_snippets(name: str, family: str | None, key: str | None, first_item) -> None:
    doc = read_wikitext((SNIPPETS / "wikiline" / name).read_text(encoding="utf-8"), name)
    assert_spans(doc)
    assert (doc.infobox.template if doc.infobox else None) == family
    if key:
        field = doc.infobox.get(key)
        assert field is not None
        if first_item:
            assert field.items[0].text == first_item


@needs_corpus
def test_vanduven_infobox_dicts_parse() -> None:
    """Rebuild each stored infobox (lower-cased, XML-escaped) as wikitext; all parse, spans hold."""
    families = Counter()
    for path in sorted((SNIPPETS / "vanDuven_Wikipedia-Timeline_lowercased").glob("*.json.gz")):
        data = json.load(gzip.open(path))
        for item in data["wiki"]["data"]:
            for box in item["page"].get("infobox") or []:
                body = "{{" + html.unescape(box["template"])
                for k, v in box.items():
                    if k != "template":
                        body += "\n|" + html.unescape(k) + "=" + html.unescape(str(v))
                doc = read_wikitext(body + "\n}}", "x.wiki")
                assert_spans(doc)
                families[doc.infobox.template if doc.infobox else None] += 1
    assert families["military conflict"] == 918
    assert families["civilian attack"] == 4


@pytest.mark.parametrize(
    ("gallery", "refs", "captions"),
    [
        # a footnote in a gallery caption is a reference, used by the caption
        (
            "<gallery>\nFile:a.jpg|A stele.<ref>Jones 1990, p. 4.</ref>\nFile:b.jpg|Plain.\n"
            "</gallery>",
            ["<ref>Jones 1990, p. 4.</ref>"],
            ["A stele."],
        ),
        (
            "<gallery mode=packed>\nFile:a.jpg|alt=x|A stele.<ref name=j>Jones.</ref>\n</gallery>",
            ["<ref name=j>Jones.</ref>"],
            ["A stele."],
        ),
        # a gallery without refs adds nothing, as before
        ("<gallery>\nFile:a.jpg|A stele.\n</gallery>", [], []),
    ],
)
def test_gallery_caption_refs(gallery: str, refs: list[str], captions: list[str]) -> None:
    text = f"The battle was fought.<ref>Smith 2000.</ref>\n\n== Memorials ==\n{gallery}\n"
    doc = read(text)
    got = [r.text for r in doc.references if r.text != "<ref>Smith 2000.</ref>"]
    assert got == refs
    for r in doc.references:
        assert text[r.span[0] : r.span[1]] == r.text
    caps = [s for s in doc.sentences if s.origin == "caption"]
    assert [s.text.strip() for s in caps] == captions
    assert all(s.markers for s in caps)


@pytest.mark.parametrize(
    "ref_body",
    [
        "Breasted, ''Ancient Records of Egypt\" (1906) p. 58.",  # italic opened, never closed
        "Stewart, '''American Military History, 1775–1917",  # bold opened, never closed
        "Polybius. ''[[The Histories (Polybius)|The Histories]], [http://example.org book 3]",
    ],
)
def test_ref_with_unclosed_style_is_still_a_reference(ref_body: str) -> None:
    """MediaWiki closes italics/bold at a footnote's end; the ref must not fall back to text."""
    text = f"The battle was fought.<ref>{ref_body}</ref> Then peace came.<ref>Other, p. 2.</ref>"
    doc = read_wikitext(text, "X.wiki")
    assert len(doc.references) == 2
    ref = doc.references[0]
    assert text[ref.span[0] : ref.span[1]] == ref.text
    assert ref.text == f"<ref>{ref_body}</ref>"
    assert "''" not in ref.plain.text
    assert [s.plain.text for s in doc.sentences] == ["The battle was fought.", "Then peace came."]


def test_ref_with_balanced_style_keeps_its_markup_meaning() -> None:
    text = "X happened.<ref>Smith, ''The Book'' (1990), '''p. 3'''.</ref>"
    doc = read_wikitext(text, "X.wiki")
    assert doc.references[0].plain.text == "Smith, The Book (1990), p. 3."


def test_gallery_with_many_ref_lines_keeps_every_span() -> None:
    """Each gallery line is parsed on its own; lengths cached by id must not leak across lines."""
    lines = [
        f"File:F{i}.jpg|{'Long ' * (i % 7)}caption {i}.<ref>Source {i}, p. {i * 13}.</ref>"
        for i in range(30)
    ]
    text = "X happened.<ref>A, p. 1.</ref>\n<gallery>\n" + "\n".join(lines) + "\n</gallery>\n"
    doc = read_wikitext(text, "G.wiki")
    assert len(doc.references) == 31
    for ref in doc.references:
        assert text[ref.span[0] : ref.span[1]] == ref.text
    assert doc.references[-1].text == "<ref>Source 29, p. 377.</ref>"


@pytest.mark.parametrize(
    "dash", ["snd", "snds", "spnd", "sndash", "spaced ndash", "ndash", "mdash"]
)
def test_dash_templates_render_as_a_dash_in_field_values(dash: str) -> None:
    text = (
        "{{Infobox military conflict\n| conflict = X\n"
        f"| date = April 19, 1775{{{{{dash}}}}}September 3, 1783\n}}}}\n'''X''' was a war."
    )
    doc = read_wikitext(text, "X.wiki")
    value = next(f for f in doc.infobox.fields if f.key == "date").plain.text
    assert value.replace(" ", "") in (
        "April19,1775–September3,1783",
        "April19,1775—September3,1783",
    )


_BODY = (
    "The battle was fought between two armies of the period, and it is described in several "
    "sources that historians have used."
)


@pytest.mark.parametrize(
    ("template", "start", "end"),
    [
        ("{{start and end dates|1944|01|30|1944|02|29}}", "1944-01-30", "1944-02-29"),
        # the redirect's name, inside a list with an age template after it
        (
            "{{ubl\n |{{start and end date|1939|09|03|1945|05|08|df=y}}\n |(5 years)}}",
            "1939-09-03",
            "1945-05-08",
        ),
        ("{{start-date|display=26 May 1798|iso8601=1798-05-26}}", "1798-05-26", None),
        ("{{julgregdatum|14|6|1648}}", "1648-06-14", None),  # day|month|year
    ],
)
def test_infobox_date_templates(template: str, start: str, end: str | None) -> None:
    """Date templates of real infoboxes (all 916 military-conflict date fields of the corpus'
    infobox snippets now give a start)."""
    text = f"{{{{Infobox military conflict\n| conflict = X\n| date = {template}\n}}}}\n{_BODY}\n"
    date = parse_text(text, name="X.wiki")[0]["event"]["date"]
    assert (date["start"], date["end"]) == (start, end)


def test_page_opening_with_an_infobox_is_wikitext() -> None:
    """A page's source that opens with a template call is wikitext even with little other
    markup; a sentence with a stray "{{" stays plain text."""
    from eventledger.read import detect_format

    assert detect_format("{{Infobox military conflict\n| conflict = X\n}}\nText.") == "wikitext"
    assert detect_format("{{Short description|A battle}}\nText.") == "wikitext"
    assert detect_format("The {{ sign is odd here.") == "plaintext"


def test_sup_note_markers_are_not_text() -> None:
    """ "<sup>1</sup>'''Italy:'''" labels a contingent (the marker is a manual note, not part of
    the label), so a side's contingents add up; "<sup>2</sup>62,612" is not 262,612."""
    text = (
        "{{Infobox military conflict\n| conflict = Battle of X\n"
        "| combatant1 = {{flagcountry|Nazi Germany}}<br>{{flagcountry|Kingdom of Italy}}\n"
        "| combatant2 = {{flagcountry|Kingdom of Greece}}\n"
        "| casualties1 = <sup>1</sup>'''Italy:'''<br>13,755 dead<br><sup>3</sup>'''Germany:'''"
        "<br>1,099 dead\n"
        "| casualties2 = <sup>2</sup>13,408 dead\n}}\n" + _BODY + "\n"
    )
    sides = parse_text(text, name="X.wiki")[0]["event"]["sides"]
    assert sides[0]["casualties"]["killed"]["best"] == 13_755 + 1_099
    assert sides[1]["casualties"]["killed"]["best"] == 13_408


def test_break_and_resize_templates_in_combatants() -> None:
    """{{-}} breaks a line like <br> (two combatants, not "Nazi GermanyVichy France"), and
    {{resize|95%|text}} shows its text, not its size."""
    text = (
        "{{Infobox military conflict\n| conflict = X\n"
        "| combatant1 = {{flagcountry|Nazi Germany}}{{-}}{{flag|Vichy France}}\n"
        "| combatant2 = {{resize|95%|[[Irish Republic (1798)|Irish Republic]]<br>"
        "{{flagcountry|Kingdom of France}}}}\n}}\n" + _BODY + "\n"
    )
    sides = parse_text(text, name="X.wiki")[0]["event"]["sides"]
    assert [c["name"] for c in sides[0]["combatants"]] == ["Nazi Germany", "Vichy France"]
    assert [c["name"] for c in sides[1]["combatants"]] == ["Irish Republic", "Kingdom of France"]


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (
            "{{start date|1945|8|14}} – {{end date|1945|8|20}}",
            {"start": "1945-08-14", "end": "1945-08-20"},
        ),
        # a second start-date template after the first is the range's end
        (
            "{{start date|1941|06|22|df=y}} – {{start date|1945|05|25|df=y}}",
            {"start": "1941-06-22", "end": "1945-05-25"},
        ),
        # … never an end before the start
        ("{{start date|1945|06|22}} – {{start date|1941|05|25}}", {"start": "1945-06-22"}),
    ],
)
def test_date_hint_of_two_templates(value: str, hint: dict[str, str]) -> None:
    doc = read(f"{{{{Infobox military conflict\n| date = {value}\n}}}}\nText.")
    assert doc.infobox.get("date").hints["date"] == hint
