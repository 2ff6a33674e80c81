"""The plaintext reader on small browser copies written for each rule, and on the seed."""

from __future__ import annotations

import pytest

from eventledger.errors import InputError
from eventledger.read import detect_format, read_text
from eventledger.read.plaintext import NotAnArticle, read_plaintext

from .conftest import EXAMPLE

PROSE = (
    "The attack began at dawn when the militia opened fire on the village market, and by noon "
    "the soldiers had killed 23 villagers and wounded many more in the square.[1] The survivors "
    "fled to the hills.[2]"
)

REFS = """
  1. ^ a b Smith, John (2001). The Village War. Oxford University Press. p. 12. ISBN 978-0-19-000000-2.
  2. ^ "Village attacked". The Times. 3 May 1999. Retrieved 4 May 1999.
"""


def _roundtrip(doc) -> None:  # noqa: ANN001
    t = doc.input
    for f in doc.infobox.fields if doc.infobox else []:
        assert t[f.span[0] : f.span[1]] == f.text
        for item in f.items:
            for i, ch in enumerate(item.text):
                assert t[item.starts[i] : item.ends[i]] == ch
    for s in doc.sentences:
        assert t[s.span[0] : s.span[1]] == s.text
        for m in s.markers:
            assert t[m.span[0] : m.span[1]] == f"[{m.label}]"
    for r in doc.references:
        assert t[r.span[0] : r.span[1]] == r.text


def test_glued_and_own_line_labels() -> None:
    text = (
        "Market attack\n\nMarket attack\nPart of the Village Wars,\nCold War\n"
        "LocationTown square\nDate3 May 1999\nAttack type\nShooting, arson\nDeaths23\n"
        "Injured\tc. 40\nPerpetratorsVillage militia\n\n" + PROSE + "\n" + REFS
    )
    doc = read_plaintext(text, "t.txt")
    _roundtrip(doc)
    fields = {f.key: f for f in doc.infobox.fields}
    assert doc.infobox.template == "civilian attack"
    assert fields["location"].plain.text == "Town square"
    assert fields["date"].plain.text == "3 May 1999"
    assert fields["attack_type"].plain.text == "Shooting, arson"
    assert fields["deaths"].plain.text == "23"
    assert fields["injuries"].plain.text == "c. 40"
    assert [i.text for i in fields["part_of"].items] == ["the Village Wars", "Cold War"]


def test_glued_label_does_not_split_words() -> None:
    text = "Some event\n\nDatesFrom 1 to 3 May\nTargetsVillagers\n\n" + PROSE
    doc = read_plaintext(text, "t.txt")
    keys = [(f.label, f.plain.text) for f in doc.infobox.fields]
    assert keys == [("Dates", "From 1 to 3 May"), ("Targets", "Villagers")]


def test_markers_mid_sentence_and_backlinks() -> None:
    text = "Some attack\n\nDeaths23\n\n" + PROSE + "\n" + REFS
    doc = read_plaintext(text, "t.txt")
    _roundtrip(doc)
    s1, s2 = doc.body()
    assert [m.label for m in s1.markers] == ["1"] and s1.markers[0].ref == "r1"
    assert "[1]" not in s1.plain.text and s1.plain.text.endswith("square.")
    assert [(r.label, r.backlinks) for r in doc.references] == [("1", 2), ("2", 1)]


def test_citation_needed_is_a_flag_not_a_marker() -> None:
    text = (
        "Some attack\n\nDeaths23\n\nThe militia attacked the village at dawn and burned the market, "
        "and later that day soldiers killed 23 villagers in the square.[citation needed] It rained.\n"
    )
    doc = read_plaintext(text, "t.txt")
    assert doc.body()[0].markers == []
    assert [f.code for f in doc.flags] == ["CITATION_NEEDED"]
    a, b = doc.flags[0].span
    assert doc.input[a:b] == "[citation needed]"


def test_military_conflict_columns_split_on_tabs() -> None:
    text = (
        "Battle of the Ford\n\nBattle of the Ford\nPart of the River War\nDate1 June 1650\n"
        "LocationThe ford\nResultDecisive victory\nBelligerents\nKingdom of A\tDuchy of B\n"
        "Commanders and leaders\nKing X\tDuke Y\nStrength\n5,000\t3,000\n"
        "Casualties and losses\n300 killed\t1,200 killed\n\n"
        "The battle was fought at the ford across the river, where the army of the kingdom met the "
        "ducal host and defeated it after a long day of fighting that left many dead.[1]\n\n"
        "  1. ^ Jones 1990, p. 4.\n"
    )
    doc = read_plaintext(text, "b.txt")
    _roundtrip(doc)
    assert doc.infobox.template == "military conflict"
    sides = {(f.key, f.side): f.plain.text for f in doc.infobox.fields if f.side}
    assert sides[("combatants", 1)] == "Kingdom of A" and sides[("combatants", 2)] == "Duchy of B"
    assert sides[("casualties", 2)] == "1,200 killed"


def test_headings_and_reference_sections() -> None:
    text = (
        "An attack\n\nDeaths3\n\n" + PROSE + "\n\nAftermath[edit]\n\n"
        "The village was rebuilt over the following decade with help from the provincial government "
        "and several charities, and a memorial now stands in the square.[2]\n\n"
        "References\n"
        + REFS
        + "\nBibliography\n\nSmith, John (2001). The Village War. Oxford University Press.\n"
    )
    doc = read_plaintext(text, "t.txt")
    _roundtrip(doc)
    assert [s.section for s in doc.body()] == [None, None, "Aftermath"]
    bib = [r for r in doc.references if r.bibliography]
    assert len(bib) == 1 and bib[0].text.startswith("Smith, John (2001)")


def test_caption_is_not_body() -> None:
    doc = read_plaintext(EXAMPLE.read_text(encoding="utf-8"), "seed")
    (cap,) = doc.captions()
    assert cap.text == "Reports from the Soviet 39th Army after the massacre, 14 August 1945."
    assert all(s.origin == "body" for s in doc.body())


def test_seed_structure() -> None:
    doc = read_plaintext(EXAMPLE.read_text(encoding="utf-8"), "seed")
    _roundtrip(doc)
    assert doc.title == "Gegenmiao massacre"
    assert [f.label for f in doc.infobox.fields] == [
        "Part of",
        "Location",
        "Date",
        "Target",
        "Attack type",
        "Deaths",
        "Perpetrators",
        "Motive",
    ]
    assert len(doc.references) == 8
    assert [r.backlinks for r in doc.references] == [2, 1, 1, 3, 1, 1, 1, 1]
    assert (
        sum(len(s.markers) for s in doc.sentences) == 11
    )  # [1] [1][2] [3] [4] [5] [6] [4] [4] [7] [8]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Title\n\nSome prose.", "plaintext"),
        ("{{Infobox event|name=x}}\n'''X''' was a [[thing]].<ref>a</ref>", "wikitext"),
        ("<mediawiki xmlns='http://www.mediawiki.org/xml/export-0.10/'>", "xml"),
        ("A page quoting [[one link]] only, copied from a browser.", "plaintext"),
    ],
)
def test_detect_format(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


def test_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        read_plaintext("Just a title\n\nshort line\n", "x")
    with pytest.raises(InputError, match="x.txt: not an article"):
        read_text("Just a title\n\nshort line\n", "x.txt")


def test_coordinates_line_is_a_field_and_locates_the_event() -> None:
    from eventledger.pipeline import parse_text

    text = (
        "Battle of the Ford\n\nBattle of the Ford\nCoordinates: 45°30′N 7°15′E\n"
        "Date1 June 1650\nLocationThe ford\nResultDecisive victory\n\n"
        "The battle was fought at the ford across the river, where the army of the kingdom met the "
        "ducal host and defeated it after a long day of fighting that left many dead.[1]\n\n"
        "  1. ^ Jones 1990, p. 4.\n"
    )
    doc = read_plaintext(text, "b.txt")
    _roundtrip(doc)
    assert [f.key for f in doc.infobox.fields][:1] == ["coordinates"]
    (rec,) = parse_text(text, name="b.txt")
    loc = rec["event"]["location"]
    assert (loc["lat"], loc["lon"], loc["where_prec"]) == (45.5, 7.25, 1)


def test_battle_browser_copy_with_tab_cells() -> None:
    from pathlib import Path

    from eventledger.pipeline import parse_path

    (rec,) = parse_path(Path(__file__).parent / "data" / "battle_browser_copy.txt")
    ev = rec["event"]
    assert (rec["infobox"]["template"], ev["kind"]) == ("military conflict", "battle")
    assert ev["date"]["start"] == "1066-10-14" and ev["part_of"] == ["Norman Conquest of England"]
    assert (ev["location"]["country"], ev["location"]["where_prec"]) == ("GB", 1)
    assert abs(ev["location"]["lat"] - 50.912) < 0.01
    s1, s2 = ev["sides"]
    assert [a["name"] for a in s1["combatants"]] == ["Normans"]
    # a cell's lines stay in its column: the tab after "Odo of Bayeux" moves on to side 2
    assert [a["name"] for a in s1["commanders"]] == ["William the Conqueror", "Odo of Bayeux"]
    assert [a["name"] for a in s2["commanders"]] == ["Harold Godwinson", "Gyrth Godwinson"]
    assert (s1["strength"]["low"], s1["strength"]["high"]) == (7000, 12000)
    assert ev["deaths"]["low"] is None  # "Unknown" on both sides


def test_browser_copy_shapes_from_the_session6_probe() -> None:
    """A Chrome copy with a hatnote, multi-line cells split by one tab, the location map's text,
    a notes list beside the references, "See also" items and "Jump up to:" backlinks."""
    from eventledger.pipeline import parse_text

    text = (
        "Battle of X\n\nFrom Wikipedia, the free encyclopedia\nBattle of X\n"
        '"Battle of the Three Kings" redirects here. For other uses, see Battle of X '
        "(disambiguation).\nBattle of X\nPart of the War of the Coalition\n"
        "Date\t2 December 1805\nLocation\tAusterlitz, Moravia\n"
        "Belligerents\nFrench Empire\tRussian Empire\nAustrian Empire\n"
        "Casualties and losses\n1,305 killed[1]\n6,991 wounded\n573 captured\t16,000 killed and "
        "wounded\n20,000 captured\nBattle of X is located in Europe\nAusterlitz\n"
        "The Battle of X was one of the most important engagements of the wars, fought on 2 "
        "December 1805 near the town of Austerlitz in Moravia.[1][a]\n\n"
        "See also[edit]\nBattle of Y\nBattle of Z\n"
        "Notes[edit]\n^ The date is given in the Gregorian calendar.\n"
        "References[edit]\n^ Jump up to: a b Chandler 1966, p. 432.\n"
    )
    doc = read_plaintext(text, "x.txt")
    _roundtrip(doc)
    by = {(f.key, f.side): f.plain.text for f in doc.infobox.fields}
    assert by[("combatants", 1)] == "French Empire"
    assert by[("combatants", 2)] == "Russian Empire\nAustrian Empire"
    assert by[("casualties", 1)] == "1,305 killed\n6,991 wounded\n573 captured"
    assert by[("casualties", 2)] == "16,000 killed and wounded\n20,000 captured"  # no map label
    assert [r.label for r in doc.references] == ["a", "1"]
    assert doc.references[1].backlinks == 2
    (rec,) = parse_text(text, name="x.txt")
    assert len(rec["references"]) == 1 and len(rec["notes"]) == 1
    s1, s2 = rec["event"]["sides"]
    assert s1["casualties"]["killed"]["best"] == 1305
    assert s2["casualties"]["captured"]["best"] == 20000
    assert [s["section"] for s in rec["sentences"] if s["origin"] == "body"][:1] == [None]


_FIREFOX_STACKED = """Battle of Exampleford
From Wikipedia, the free encyclopedia
Battle of Exampleford
Part of the Example War
Date3 March 1850
LocationExampleford, Wales
ResultNorthland victory
Belligerents
 Northland
 Southland
Commanders and leaders
John Smith
Peter Brown
Strength
12,000 soldiers[1]
32 guns
9,000 soldiers[1]
20 guns
Casualties and losses
400 killed[1]
1,100 wounded
Total: 1,500
900 killed
2,000 wounded
Total: 2,900
The Battle of Exampleford was fought on 3 March 1850 between the armies of Northland and Southland near the town of Exampleford, and it ended the first campaign of the Example War.[1]

References
1. ^ Jones, A. (1990). The Example War. London: Example Press. p. 12.
"""

_FIREFOX_GLUED = """Battle of Glueford
From Wikipedia, the free encyclopedia
Date5 May 1840
LocationGlueford, Wales
Belligerents
NorthmenSouthern Kingdom
Strength
464 men[1]
2 cannon10,000–15,000[1]
Casualties and losses
3 wounded[1]3,000+ killed[1]
The Battle of Glueford was fought on 5 May 1840 between the Northmen and the Southern Kingdom near the town of Glueford, and it decided the war in the north of the country.[1]

References
1. ^ Jones, A. (1990). The Glue War. London: Example Press. p. 9.
"""


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # Firefox copies a row's two cells with nothing between them: a cell that ends in a
        # line break stacks the next cell under it; the second cell starts where a line
        # repeats the shape of one above it ("soldiers", "killed")
        (
            _FIREFOX_STACKED,
            [
                (["Northland"], (400,) * 3, (12000,) * 3),
                (["Southland"], (900,) * 3, (9000,) * 3),
            ],
        ),
        # one that does not end in a line break glues the next cell to its last line
        (
            _FIREFOX_GLUED,
            [
                (["Northmen"], (None, None, None), (464,) * 3),
                (["Southern Kingdom"], (3000, None, None), (10000, None, 15000)),
            ],
        ),
    ],
)
def test_firefox_row_cells_stacked_or_glued(text: str, sides: list) -> None:  # noqa: ANN001
    from eventledger.pipeline import parse_text

    (rec,) = parse_text(text, format="plaintext", name="copy.txt")
    got = [
        (
            [a["name"] for a in s["combatants"]],
            tuple(s["casualties"]["killed"][k] for k in ("low", "best", "high")),
            tuple(s["strength"][k] for k in ("low", "best", "high")),
        )
        for s in rec["event"]["sides"]
    ]
    assert got == sides
    doc = read_plaintext(text, "copy.txt")
    _roundtrip(doc)


def test_stacked_side_without_names_still_opens_the_deaths_floor() -> None:
    """Three belligerents stacked give no sign of whose they are; the casualty cells still
    split, and the second side's killed-and-captured figure hides its dead: a floor."""
    from eventledger.pipeline import parse_text

    text = _FIREFOX_STACKED.replace(
        " Northland\n Southland\n", " Northland\n Westland\n Southland\n"
    ).replace(
        "400 killed[1]\n1,100 wounded\nTotal: 1,500\n900 killed\n2,000 wounded\nTotal: 2,900\n",
        "566 killed[1]\n2,713 wounded\n35,000 killed and captured\n",
    )
    (rec,) = parse_text(text, format="plaintext", name="copy.txt")
    ev = rec["event"]
    assert [q["casualties"]["killed"]["low"] for q in ev["sides"]] == [566, None]
    assert (ev["deaths"]["low"], ev["deaths"]["best"], ev["deaths"]["high"]) == (566, None, None)
