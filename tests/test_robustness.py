"""Hostile and odd inputs through the whole pipeline: nothing may crash, every span round-trips,
and no figure is invented from markup that is not prose.

Each case is small (it runs in milliseconds) and names the rule it guards. Readers parse
leniently: an input that is no article raises :class:`InputError`, never anything else.
"""

from __future__ import annotations

import pytest

from eventledger.errors import InputError
from eventledger.normalise.dates import find_dates, parse_date
from eventledger.normalise.numbers import figures_in_field, figures_in_sentence
from eventledger.pipeline import parse_text

LEAD = (
    "'''Foo massacre''' was an attack on 3 May 1990 in which 12 people were killed."
    "<ref>{{cite web|title=T}}</ref>\n\n"
)

HOSTILE = {
    "empty infobox": "{{Infobox civilian attack}}\n" + LEAD,
    "empty infobox params": "{{Infobox civilian attack\n|deaths=\n|location=\n|perpetrators=\n}}\n"
    + LEAD,
    "nested templates": "{{a|" * 300 + "x" + "}}" * 300 + "\n" + LEAD,
    "nested links": "[[a|" * 300 + "x" + "]]" * 300 + "\n" + LEAD,
    "unbalanced open template": "{{Infobox civilian attack\n|title=Foo\n|deaths=99\n" + LEAD,
    "unbalanced close": "}}}}\n" + LEAD + "}}",
    "unbalanced ref": "'''Foo''' was killed in 1990.<ref>oops\n\nMore text 5 people were killed.",
    "NUL bytes": LEAD.replace("attack", "att\x00ack") + "\x00",
    "U+FFFD runs": "{{Infobox civilian attack\n|deaths=\ufffd\ufffd12\ufffd\n}}\n"
    + LEAD
    + "\ufffd" * 500,
    "RTL": "'''مجزرة''' هي هجوم قتل فيه 12 شخصا.<ref>{{cite web|title=ت}}</ref>\n\n\u202eevil\u202c 5 killed.",
    "emoji": "{{Infobox civilian attack\n|deaths=💀 12 🔥\n}}\n" + LEAD + "👨‍👩‍👧‍👦 " * 50,
    "lone surrogate": "'''X''' was killed \ud800 in 1990. 5 people died.",
    "CR line ends": LEAD.replace("\n", "\r") + "Text\r\rMore 3 killed.\r",
    "huge digit run": "{{Infobox civilian attack\n|deaths="
    + "9" * 5000
    + "\n|injuries=1e999\n}}\n"
    + LEAD,
    "odd html entities": "{{Infobox civilian attack\n|deaths=&#x31;&#50; &#99999999; &bogus;\n}}\n"
    + LEAD,
    "empty parameters": "{{Infobox civilian attack|   |  |=|==|}}\n" + LEAD,
    "side numbers out of range": "{{Infobox military conflict|combatant99=X|casualties99=5|casualties0=7}}\n"
    + LEAD,
    "junk date and coord templates": "{{Infobox civilian attack\n|date={{start date|0|13|45}}\n"
    "|coordinates={{coord|999|99|N|999|W}}\n}}\n{{coord|abc|def|display=title}}" + LEAD,
}


@pytest.mark.parametrize("fmt", [None, "wikitext", "plaintext", "prose"])
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_gives_a_record_or_input_error(case: str, fmt: str | None) -> None:
    text = HOSTILE[case]
    try:
        records = parse_text(text, name=case, format=fmt)
    except InputError:
        return
    (rec,) = records
    # parse_text verifies spans itself; deaths, when given, are a sane interval
    d = rec["event"]["deaths"]
    for v in (d["low"], d["best"], d["high"]):
        assert v is None or 0 <= v < 10**12
    if d["low"] is not None and d["high"] is not None:
        assert d["low"] <= d["high"]


@pytest.mark.parametrize(
    "text",
    [
        "{| class=wikitable\n|-\n! a !! b\n|-\n| 1 killed || 2\n|}\n",  # only a table
        "== A ==\n=== B ===\n== C ==\n",  # only headings
        # table rows whose {| is elsewhere (a template opens the table): no prose at all
        "|-\n|{{Dts|December 1, 2019}}\n|[[Aurora, Illinois]]\n|1\n|4\n"
        "|One person was killed and four were injured.<ref>R</ref>\n"
        "|-\n|{{Dts|November 29, 2019}}\n|[[Amarillo, Texas]]\n|0\n|7\n"
        "|Seven people were shot at a nightclub.<ref>S</ref>\n",
    ],
)
def test_pages_without_prose_are_no_article(text: str) -> None:
    with pytest.raises(InputError):
        parse_text(text, name="x", format="wikitext")


def test_headless_table_rows_give_no_sentences_or_figures() -> None:
    rows = (
        "|-\n|{{Dts|December 1, 2019}}\n|[[Aurora, Illinois]]\n|1\n|4\n"
        "|One person was killed and four were injured.<ref>R</ref>\n"
        "|-\n|{{Dts|November 25, 2019}}\n|[[Brownsville, Florida]]\n|2\n|2\n"
        "|Two men were killed and two others wounded.<ref>S</ref>\n"
    )
    (rec,) = parse_text("A list of 2019 shootings.\n\n" + rows, name="x", format="wikitext")
    assert [s["text"] for s in rec["sentences"]] == ["A list of 2019 shootings."]
    assert rec["event"]["deaths"]["statements"] == []
    assert rec["event"]["date"]["start"] == "2019"  # the lead's year, not a row's day


def test_unclosed_infobox_parameters_are_no_prose() -> None:
    text = "{{Infobox civilian attack\n|deaths=99\n|injuries=7\n" + LEAD
    (rec,) = parse_text(text, name="x", format="wikitext")
    assert not any("deaths=" in s["text"] for s in rec["sentences"])
    assert (rec["event"]["deaths"]["low"], rec["event"]["deaths"]["high"]) == (12, 12)


@pytest.mark.parametrize(
    "text",
    [
        "ISBN 1841764085",
        "ISBN 978-1-84176-408-5",
        "isbn 1-84176-408-5",
        "OCLC 123456789",
        "9" * 400,
        "1" + "0" * 20,
    ],
)
def test_identifiers_and_huge_digit_runs_are_no_figures(text: str) -> None:
    assert figures_in_field(text, "deaths") == []
    assert figures_in_sentence(text + " were killed.") == []


def test_identifier_rule_keeps_neighbouring_figures() -> None:
    got = figures_in_field("9,000 infantry ISBN 1841764085, 3,000 cavalry", "strength")
    assert [f.low for f in got] == [9000, 3000]


@pytest.mark.parametrize("text", ["٣ مايو ١٩٩٠", "१९४५", "٣"])
def test_non_ascii_digits_are_no_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)
    assert find_dates("in " + text) == []


@pytest.mark.parametrize("fmt", ["wikitext", "prose"])
def test_lone_surrogates_become_replacement_characters_in_place(fmt: str) -> None:
    text = "Foo attack\n\nThe Foo attack was an attack \ud800 in 1990 in which 5 people died.\n"
    (rec,) = parse_text(text, name="x", format=fmt)
    assert "\ud800" not in rec["title"] + "".join(s["text"] for s in rec["sentences"])
    assert any("\ufffd" in s["text"] for s in rec["sentences"])
    assert len(rec["source"]["sha256"]) == 64


@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        # German prose read by the English extractor: "die" is the article there
        ("1949 die Bundesrepublik Deutschland gegründet wurde.", []),
        ("Seit 1990 wuchsen die Stadtteile zusammen.", []),
        ("Im Jahr 1999 ist die Regierung umgezogen.", []),
        # English present-tense "die" right after the number (or its party word) still counts
        ("Every year 300 die of hunger.", [300]),
        ("1,949 die each year.", [1949]),
    ],
)
def test_bare_die_needs_to_follow_the_number(sentence: str, lows: list[int]) -> None:
    assert [f.low for f in figures_in_sentence(sentence)] == lows
