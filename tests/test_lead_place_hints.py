"""Lead places tied to the countries the lead names: namesakes abroad are not the place."""

from __future__ import annotations

import pytest

from eventledger.normalise.places import demonym_countries, resolve_place_in
from eventledger.pipeline import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Ukrainian Kharkiv counteroffensive", {"UA"}),
        ("Russian and Syrian forces", {"RU", "SY"}),
        ("an Iraqi brigade", {"IQ"}),
        # "American" is no single-word country's demonym (American Samoa is not meant)
        ("an American bombing", set()),
        ("a Kurdish militia", set()),
    ],
)
def test_demonym_countries(text: str, expected: set[str]) -> None:
    assert demonym_countries(text) == expected


def test_namesake_inside_the_country_most_populous() -> None:
    place = resolve_place_in("Balakliia", {"UA"})
    assert place is not None and place.country == "UA" and place.admin1 == "Kharkiv"
    lyman = resolve_place_in("Lyman", {"UA"})
    assert lyman is not None and lyman.country == "UA"
    assert resolve_place_in("Lyman", {"FR"}) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The First Battle of Lyman was a military engagement during the Russian invasion of "
            "Ukraine.\n\nIt began in May 2022 in Lyman.\n",
            "UA",
        ),
        (
            "The Battle of Balakliia was the first battle of the Ukrainian Kharkiv "
            "counteroffensive that began on September 6, 2022.\n",
            "UA",
        ),
    ],
)
def test_lead_place_in_the_lead_countries(text: str, country: str) -> None:
    title = text.split(" was ")[0].removeprefix("The ")
    rec = parse_text(text, title=title, format="prose")[0]
    loc = rec["event"]["location"]
    assert loc["country"] == country and loc["where_prec"] == 1
    st = next(s for s in rec["statements"] if s["property"] == "location")
    assert text[st["span"][0] : st["span"][1]] == st["text"]


def test_title_place_needs_a_country_in_the_lead() -> None:
    rec = parse_text(
        "The Battle of Balakliia was the first battle of the counteroffensive.\n",
        title="Battle of Balakliia",
        format="prose",
    )[0]
    assert rec["event"]["location"]["name"] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It began on 23 May and ended on 27 May 2022.", ("2022-05-23", "2022-05-27")),
        (
            "The siege started on December 30 and ended on January 4, 2015.",
            ("2014-12-30", "2015-01-04"),
        ),
        # no opening verb before the yearless day, or no end word: the full day alone
        (
            "On 23 May shelling resumed, and on 27 May 2022 the town was quiet.",
            ("2022-05-27", None),
        ),
    ],
)
def test_yearless_start_before_a_dated_end(sentence: str, expected: tuple) -> None:
    text = f"The Battle of Xville was a military engagement in Ukraine. {sentence}\n"
    ev = parse_text(text, title="Battle of Xville", format="prose")[0]["event"]
    assert (ev["date"]["start"], ev["date"]["end"]) == expected


def test_yearless_span_in_the_leads_second_paragraph() -> None:
    text = (
        "The Battle of Xville was a military engagement in Ukraine.\n\n"
        "The battle began on 3 March and ended on 7 May 2022 with a Russian victory.\n\n"
        "## Background\n\nThe town had been shelled before.\n"
    )
    ev = parse_text(text, title="Battle of Xville", format="prose")[0]["event"]
    assert (ev["date"]["start"], ev["date"]["end"]) == ("2022-03-03", "2022-05-07")
