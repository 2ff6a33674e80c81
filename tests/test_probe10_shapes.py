"""Shapes found in session 10 (probe wave 20, its reviews, and dates written as nights)."""

from __future__ import annotations

import pytest

from eventledger.normalise.dates import find_dates, parse_date
from eventledger.pipeline import parse_text
from eventledger.read.plaintext import read_plaintext


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Night of 9/10 November 1938", "1938-11-09", "1938-11-10"),
        ("13/14 February 1945", "1945-02-13", "1945-02-14"),
        ("November 9/10, 1938", "1938-11-09", "1938-11-10"),
        ("October 10 and 11, 1956", "1956-10-10", "1956-10-11"),
        ("July 3 and 4 1863", "1863-07-03", "1863-07-04"),
        ("31 December 2022", "2022-12-31", None),
    ],
)
def test_two_days_of_one_month_in_a_field(text: str, start: str, end: str | None) -> None:
    d = parse_date(text)
    assert (d.start, d.end) == (start, end)
    if end:
        assert d.date_prec == 2 and d.precision == "day"


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("On the night of 14/15 April 1912 the ship sank.", [("1912-04-14", "1912-04-15")]),
        ("Fighting on October 10 and 11, 1956 left 40 dead.", [("1956-10-10", "1956-10-11")]),
        # not a night: days three apart with a slash are not a span
        ("The report of 9/12 November 1938 said so.", [("1938-11-12", None)]),
        # "and" before a count is no second day
        ("In October 10 and 11 people died in 1956.", [("1956", None)]),
    ],
)
def test_two_days_of_one_month_in_prose(text: str, dates: list[tuple[str, str | None]]) -> None:
    assert [(d.start, d.end) for d in find_dates(text)] == dates


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # a clock time before the date is no year
        ("6.30 am, 6 June 1944", "1944-06-06", None, "day"),
        ("6 a.m., 6 June 1944", "1944-06-06", None, "day"),
        ("0430 hrs, 6 June 1944", "1944-06-06", None, "day"),
        ("3 January 1945 a.m.", "1945-01-03", None, "day"),
        # a year of the Hijri calendar is not a Gregorian year; the field's own date wins
        ("20 Jumada al-Awwal 1441 AH (15 January 2020)", "2020-01-15", None, "day"),
        ("Muharram 61 AH (October 680)", "0680-10", None, "month"),
        # numeric dates: the day when one order only is valid, else the year alone
        ("30/01/1972", "1972-01-30", None, "day"),
        ("01/30/1972", "1972-01-30", None, "day"),
        ("06/06/1972", "1972-06-06", None, "day"),
        ("05/06/1972", "1972", None, "year"),
        # ordinal days in a range
        ("12th–14th March 2019", "2019-03-12", "2019-03-14", "day"),
        # a bare small number alone is still read as written
        ("AD 9", "0009", None, "year"),
        # two small years, one or the other: both are read as AD years, and since session 16
        # the date is the span of the two (it was the first alone)
        ("60 or 61 AD", "0060", "0061", "year"),
        ("1441 AH. (15 January 2020)", "2020-01-15", None, "day"),
    ],
)
def test_field_dates_that_read_a_small_number_as_the_year(
    text: str, start: str, end: str | None, precision: str
) -> None:
    d = parse_date(text)
    assert (d.start, d.end, d.precision) == (start, end, precision)
    assert text[d.start_offset : d.end_offset] == d.text


def test_a_year_before_am_or_a_bare_year_stays_a_year_in_prose() -> None:
    assert [d.start for d in find_dates("In 1945 a bomb exploded.")] == ["1945"]


# ---- browser copies: section titles with no blank line around them --------------------------

_MOBILE = """Open main menu
Wikipedia
Search
Siege of Exampleton
12 languages
Download PDF
Watch
Edit
Siege of Exampleton
Date
3 May 1702
Location
Exampleton, Flanders
Casualties and losses
400 killed
The Siege of Exampleton was fought on 3 May 1702 between the garrison and a relief army. It is described at length in the regimental histories of both armies and in later accounts.[1]

The garrison lost 400 killed before it surrendered. It is described at length in the regimental histories of both armies and in later accounts.[2]
Background
Campaign
The relief army marched north in April and camped outside the walls for a week. It is described at length in the regimental histories of both armies and in later accounts.[3]
Aftermath
The town was handed back at the peace two years later. It is described at length in the regimental histories of both armies and in later accounts.[2]
Legacy
Notes
^ The date is given in the New Style.
References
^ Smith 1999, p. 4.
^ a b Jones 2001, p. 12.
^ Smith 1999, p. 7.
Last edited 3 months ago by a bot
"""


def test_mobile_section_titles_between_paragraphs_are_headings() -> None:
    from eventledger.read.plaintext import read_plaintext

    doc = read_plaintext(_MOBILE, "x.txt")
    notes = [r for r in doc.references if r.group == "notes"]
    cites = [r for r in doc.references if r.group is None]
    assert len(cites) == 3 and len(notes) == 1
    sections = {s.text[:20]: s.section for s in doc.sentences}
    assert sections["The relief army marc"] == "Campaign"
    assert sections["The town was handed "] == "Aftermath"
    assert not any(s.text.startswith("^") for s in doc.sentences)


def test_a_short_line_inside_a_paragraph_run_stays_prose() -> None:
    from eventledger.read.plaintext import read_plaintext

    text = (
        "Battle of Nowhere\n\nThe Battle of Nowhere was fought in 1700 between two armies that "
        "had marched for a month across the plain to meet each other there.\n\n"
        "The left wing broke first and fled across the river, leaving its guns and its baggage "
        "behind in the mud of the ford.\nThe ford seen from the north\n"
        "The survivors regrouped at the ford and marched back to the town over the next three "
        "days, where they were disbanded.\n"
    )
    doc = read_plaintext(text, "x.txt")
    # a line after a paragraph's last line that is not a section title stays in the body
    assert all(s.section is None for s in doc.sentences)


# ---- an attack's assailants beside its perpetrator --------------------------------------------


def _attack(fields: str) -> str:
    return (
        "{{Infobox civilian attack\n| title = Example bombing\n| location = Quetta, Pakistan\n"
        f"| date = 13 July 2018\n| fatalities = 20\n{fields}}}}}\n"
        "The '''Example bombing''' killed 20 people at an election rally in Quetta on 13 July "
        "2018.<ref>{{cite news |title=A |work=B |date=13 July 2018}}</ref>\n\n"
        "==References==\n{{reflist}}\n"
    )


@pytest.mark.parametrize(
    ("fields", "names"),
    [
        # the person who carried it out, beside the group named as perpetrator: the group
        (
            "| perpetrator = [[Islamic State – Khorasan Province]]\n| assailant = Hafeez Nawaz\n",
            ["Islamic State – Khorasan Province"],
        ),
        (
            "| assailants = Hafeez Nawaz\n| perpetrators = [[Lashkar-e-Jhangvi]]\n",
            ["Lashkar-e-Jhangvi"],
        ),
        # a description names no group: the named assailant stays (a review's cases)
        (
            "| perpetrator = Unknown gunmen\n| assailant = Hafeez Nawaz\n",
            ["Unknown gunmen", "Hafeez Nawaz"],
        ),
        (
            "| perpetrator = Lone gunman\n| assailant = Stephen Paddock\n",
            ["Lone gunman", "Stephen Paddock"],
        ),
        # with no perpetrator named, the assailant is the perpetrator
        ("| perpetrator = Unknown\n| assailant = Hafeez Nawaz\n", ["Hafeez Nawaz"]),
        ("| assailant = Hafeez Nawaz\n", ["Hafeez Nawaz"]),
    ],
)
def test_assailants_beside_a_named_perpetrator(fields: str, names: list[str]) -> None:
    from eventledger.pipeline import parse_text

    rec = parse_text(_attack(fields), name="x.wiki")[0]
    assert [p["name"] for p in rec["event"]["perpetrators"]] == names


# ---- a figure of a wave of attacks the event is one of ---------------------------------------

_WAVE_LEAD = (
    "The '''Example massacre''' took place on 1 July 2015, when gunmen attacked the town of "
    "Kukawa in Borno State, Nigeria, killing at least 97 people.<ref>{{cite news |title=A "
    "|work=B |date=2 July 2015}}</ref> {sentence}<ref>{{{{cite news |title=C |work=D "
    "|date=3 July 2015}}}}</ref>\n\n==References==\n{{{{reflist}}}}\n"
)


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        (
            "It was one of the deadliest of a wave of attacks that killed around 200 people "
            "across Borno in the first days of July.",
            (97, None, None),
        ),
        (
            "It was part of a series of raids in which militants killed 300 villagers.",
            (97, None, None),
        ),
        (
            "It was one of several attacks that killed more than 150 people that week.",
            (97, None, None),
        ),
        # the event's own figure after a closed relative clause stays (a review's cases)
        (
            "The bombing, one of the attacks that the Taliban carried out that year, killed 97 "
            "people.",
            (97, 97, 97),
        ),
        (
            "It was one of a series of bombings that struck the town and killed 97 people.",
            (97, 97, 97),
        ),
        # the event's own figure in a relative clause of no wider group stays
        ("The attack, which killed 97 worshippers, was condemned.", (97, 97, 97)),
    ],
)
def test_a_figure_of_a_wave_the_event_is_one_of(
    sentence: str, deaths: tuple[int | None, ...]
) -> None:
    from eventledger.pipeline import parse_text

    text = _WAVE_LEAD.replace("{sentence}", sentence).replace("{{{{", "{{").replace("}}}}", "}}")
    ev = parse_text(text, name="x.wiki")[0]["event"]
    assert (ev["deaths"]["low"], ev["deaths"]["best"], ev["deaths"]["high"]) == deaths


def test_a_wave_the_page_is_about_keeps_its_figure() -> None:
    from eventledger.pipeline import parse_text

    text = (
        "The '''2015 Borno attacks''' were a series of attacks that killed around 200 people "
        "across Borno State, Nigeria, in July 2015.<ref>{{cite news |title=A |work=B "
        "|date=2 July 2015}}</ref>\n\n==References==\n{{reflist}}\n"
    )
    ev = parse_text(text, name="x.wiki")[0]["event"]
    assert ev["deaths"]["best"] == 200


# ---- an initial figure before words that revise or finalise the toll -------------------------


def _bombing(lead: str, section: str = "") -> str:
    return (
        (
            "{{Infobox civilian attack\n| title = Example bombing\n| location = Baghdad, Iraq\n"
            "| date = 3 July 2016\n| fatalities = 323\n}}\n"
            f"The '''Example bombing''' was a truck bombing in Baghdad on 3 July 2016. {lead}"
            "<ref>{{cite news |title=A |work=B |date=3 July 2016}}</ref>\n\n"
            f"==Casualties==\n{section}<ref>{{{{cite news |title=C |work=D |date=7 July 2016}}}}</ref>"
            "\n\n==References==\n{{reflist}}\n"
        )
        .replace("{{{{", "{{")
        .replace("}}}}", "}}")
    )


@pytest.mark.parametrize(
    ("lead", "section", "deaths"),
    [
        (
            "The death toll rose repeatedly: officials first spoke of 125 dead, then 292, and "
            "the Ministry of Health finally put the figure at 323.",
            "",
            (323, 323, 323),
        ),
        (
            "",
            "The first figures given by police were 125 dead and around 150 injured. The final "
            "official toll of 323 was announced at the end of the month.",
            (323, 323, 323),
        ),
        # no words that revise the toll: the initial figure stays a rival
        ("Officials first spoke of 125 dead.", "", (125, None, 323)),
    ],
)
def test_an_initial_figure_before_words_that_finalise_the_toll(
    lead: str, section: str, deaths: tuple[int | None, ...]
) -> None:
    ev = parse_text(_bombing(lead, section), name="x.wiki")[0]["event"]
    assert (ev["deaths"]["low"], ev["deaths"]["best"], ev["deaths"]["high"]) == deaths


def test_an_injury_toll_finalised_leaves_an_initial_death_figure() -> None:
    from eventledger.extract.assemble import _clause_before, _initial_before_revision_words
    from eventledger.extract.statements import extract_statements
    from eventledger.read.wikitext import read_wikitext

    doc = read_wikitext(
        _bombing(
            "Officials first spoke of 125 dead. Officials later raised the injury toll to 400.", ""
        ),
        "x.wiki",
    )
    sts = [st for st in extract_statements(doc) if st.origin == "body" and st.section is None]
    spans = {s.id: s.span for s in doc.sentences}
    clause = {st.id: _clause_before(doc, st, spans) for st in sts}
    assert not _initial_before_revision_words(sts, clause, doc, spans)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the Russian Empire spanned many modern countries: the town's own country wins
        ("Gomel, Mogilev Governorate, Russian Empire", "BY"),
        ("Warsaw, Russian Empire", "PL"),
        ("Borodino, Russian Empire", "RU"),
    ],
)
def test_a_town_of_the_russian_empire_is_in_its_modern_country(text: str, country: str) -> None:
    from eventledger.normalise.places import resolve_place

    assert resolve_place(text).country == country


def test_the_russian_empire_alone_names_no_modern_country() -> None:
    from eventledger.normalise.places import resolve_place

    assert resolve_place("Russian Empire").country is None


@pytest.mark.parametrize(
    "caption",
    ["Aftermath of the bombing", "Site of the massacre", "Location within Borno State"],
)
def test_a_caption_between_lead_paragraphs_is_no_heading(caption: str) -> None:
    pad = " It is described at length in the histories of the region and in later accounts."
    text = (
        "Example massacre\n\nThe Example massacre took place on 1 July 2015 in Borno State, "
        f"Nigeria.{pad}\n{caption}\nGunmen killed 97 people in the town's mosques and homes."
        f"{pad}\n\nBackground\n\nThe town had been attacked before, in 2014.{pad}\n"
    )
    doc = read_plaintext(text, "x.txt")
    lead = [s for s in doc.sentences if s.section is None]
    assert any(s.text.startswith("Gunmen killed 97") for s in lead)


def test_a_reference_title_inside_a_copied_table_is_no_heading() -> None:
    pad = " It is described at length in the histories of the region and in later accounts."
    text = (
        f"Example massacre\n\nThe Example massacre took place on 1 July 2015.{pad}\n\n"
        f"Casualties\n\nThe casualties were reported by several agencies.{pad}\nVictims\n"
        f"Sources\nBoko Haram\n97\nThe attack was condemned by the United Nations.{pad}\n\n"
        f"Aftermath\n\nThe army retook the town two weeks later.{pad}\n"
    )
    doc = read_plaintext(text, "x.txt")
    assert not doc.references
    assert any(s.section == "Aftermath" for s in doc.sentences)
