"""Front matter of rendered pages: ``date:`` and ``place:`` carry the article's infobox values."""

from __future__ import annotations

from eventledger.pipeline import parse_text
from eventledger.read.prose import read_prose

PAGE = """---
subject: Battle of Xville
description: The Battle of Xville was a battle.
pubDate: 2023-08-19 05:08
date:
  - 31 May – 27 August 2016
place:
  - Aleppo Governorate, Syria
---

The **Battle of Xville** was a battle between the Syrian Army and rebel forces in 2016.
"""


def test_front_matter_fields_are_an_infobox_without_family() -> None:
    doc = read_prose(PAGE, "x.md")
    assert doc.infobox is not None and doc.infobox.template is None
    fields = {f.key: f for f in doc.infobox.fields}
    assert set(fields) == {"date", "location"}
    for f in fields.values():
        assert PAGE[f.span[0] : f.span[1]] == f.text == f.plain.text
    assert fields["date"].text == "31 May – 27 August 2016"
    # the description and the publication date stay out
    assert all("pubDate" not in f.label for f in doc.infobox.fields)


def test_front_matter_dates_and_places_the_event() -> None:
    rec = parse_text(PAGE, name="x.md", format="prose")[0]
    ev = rec["event"]
    assert (ev["date"]["start"], ev["date"]["end"]) == ("2016-05-31", "2016-08-27")
    assert ev["location"]["country"] == "SY" and ev["location"]["where_prec"] == 4
    assert rec["infobox"]["template"] is None
    assert ev["kind"] == "battle"
    by_id = {st["id"]: st for st in rec["statements"]}
    st = by_id[ev["date"]["statements"][0]]
    assert st["origin"] == "infobox" and PAGE[st["span"][0] : st["span"][1]] == st["text"]


def test_inline_front_matter_value_and_no_fields() -> None:
    inline = PAGE.replace("date:\n  - 31 May – 27 August 2016\n", "date: 3 March 2014\n")
    doc = read_prose(inline, "x.md")
    date = next(f for f in doc.infobox.fields if f.key == "date")
    assert date.text == "3 March 2014"
    bare = "---\nsubject: X\npubDate: 2023-07-10\n---\n\nText.\n"
    assert read_prose(bare, "x.md").infobox is None


def test_block_scalar_and_folded_front_matter_values() -> None:
    page = (
        "---\nsubject: Operation X\ndate:\n  - |-\n    Main combat phase:\n"
        "    20 January – 24 March 2018\n\n    Main insurgency phase:\n"
        "    25 March 2018 – 9 August 2019\nplace:\n  - Al-Baghuz Fawqani and surroundings, "
        "Deir ez-Zor\n    Governorate, Syria\n---\n\nThe operation was an offensive.\n"
    )
    doc = read_prose(page, "x.md")
    fields = {f.key: f for f in doc.infobox.fields}
    assert [i.text for i in fields["date"].items] == [
        "Main combat phase:",
        "20 January – 24 March 2018",
        "Main insurgency phase:",
        "25 March 2018 – 9 August 2019",
    ]
    (place,) = fields["location"].items
    assert place.text == "Al-Baghuz Fawqani and surroundings, Deir ez-Zor Governorate, Syria"
    rec = parse_text(page, name="x.md", format="prose")[0]
    assert (rec["event"]["date"]["start"], rec["event"]["date"]["end"]) == (
        "2018-01-20",
        "2018-03-24",
    )
