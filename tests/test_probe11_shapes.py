"""Shapes found in session 11 (probe wave 21: wars, massacres of 1900–1989, battles before
1600, browser copies). Each test fails on the session's starting code or guards a
counter-example of a new rule."""

from __future__ import annotations

import pytest

from eventledger.extract.statements import _part_groups
from eventledger.normalise.actors import _kind
from eventledger.normalise.dates import find_dates, parse_date
from eventledger.normalise.numbers import figures_in_field, figures_in_sentence
from eventledger.normalise.places import resolve_place
from eventledger.pipeline import parse_text


def _event(wikitext: str) -> dict:
    return parse_text(wikitext, format="wikitext", name="x.wiki")[0]["event"]


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Spring or early summer 260 AD", "0260-03", "0260-08"),
        ("late spring or early summer 1453", "1453-03", "1453-08"),
        ("spring and summer 1943", "1943-03", "1943-08"),
        ("Spring–summer 260", "0260-03", "0260-08"),
        ("summer to autumn 480 BC", "-0480-06", "-0480-11"),
        ("autumn or winter 1941", "1941-09", "1942-02"),
        # one season, and a pair whose first season has its own year, are as before
        ("spring 260", "0260-03", "0260-05"),
        ("autumn 1920 or spring 1921", "1920-09", "1920-11"),
        # a year's winter is its end or its start: no pair begins with it
        ("winter or spring 1942", "1942-03", "1942-05"),
    ],
)
def test_two_seasons_are_one_span(text: str, start: str, end: str) -> None:
    d = parse_date(text)
    assert (d.start, d.end, d.precision) == (start, end, "month")


def test_two_seasons_in_prose() -> None:
    assert [(d.start, d.end) for d in find_dates("It was fought in spring or summer 1066.")] == [
        ("1066-03", "1066-08")
    ]


# ---------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("2,700 prisoners executed", "killed"),
        ("2,700 prisoners were executed", "killed"),
        ("c. 500 prisoners massacred", "killed"),
        ("300 POWs shot", "killed"),
        ("5,000 prisoners", "captured"),
        ("5,000 prisoners taken", "captured"),
        # the killing verb must follow the prisoners: a comma starts another clause
        ("3,000 captured, 2,700 of them executed", "captured"),
    ],
)
def test_prisoners_put_to_death_are_dead(text: str, category: str) -> None:
    assert figures_in_field(text)[0].category == category


def test_prisoners_put_to_death_in_prose() -> None:
    figs = figures_in_sentence("Richard had about 2,700 Muslim prisoners executed outside Acre.")
    assert [(f.category, f.best) for f in figs] == [("killed", 2700)]
    figs = figures_in_sentence("Some 300 prisoners were later shot.")
    assert [(f.category, f.best) for f in figs] == [("killed", 300)]


def test_fallen_and_executed_prisoners_are_parts_of_a_side() -> None:
    text = "14,000+ killed in battle\n2,000 prisoners executed"
    assert _part_groups(text, figures_in_field(text)) == {
        0: "killed in battle",
        1: "prisoners executed",
    }
    # a bare killed line may hold the executed: no parts
    text = "10,000 killed\n3,000 prisoners executed"
    assert _part_groups(text, figures_in_field(text)) == {}


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        (
            "Between 400 and 500 people, including women and children, were killed in the "
            "shooting.",
            None,
            400,
            500,
        ),
        ("About 300 people, most of them women and children, were killed.", 300, None, None),
        ("Some 200 people, among them the mayor, died.", 200, None, None),
        ("The 12 men, including two officers, had been wounded.", 12, 12, 12),
    ],
)
def test_a_phrase_between_a_count_and_its_verb(
    text: str, best: int | None, low: int | None, high: int | None
) -> None:
    whole = [f for f in figures_in_sentence(text) if not f.subset]
    assert [(f.low, f.best, f.high) for f in whole] == [(low, best, high)]


def test_a_phrase_between_needs_a_casualty_verb_after_it() -> None:
    assert figures_in_sentence("He met 300 people, including the mayor, at the station.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Two villages were captured.",
        "Two villages, including Kubar, were captured.",
        "three rural settlements were captured",
        "four settlements reported captured",
    ],
)
def test_places_taken_are_no_prisoners(text: str) -> None:
    assert figures_in_sentence(text) == []


@pytest.mark.parametrize(
    ("text", "best"),
    [("30 village elders were killed", 30), ("12 town councillors were killed", 12)],
)
def test_a_place_word_before_people_still_counts_them(text: str, best: int) -> None:
    assert [f.best for f in figures_in_sentence(text)] == [best]


def test_parts_named_after_a_count_in_words() -> None:
    text = "67 Jews\nSeveral Arab rioters (shot by police)"
    assert _part_groups(text, figures_in_field(text, "killed")) == {0: "Jews", 1: "Arab rioters"}


def test_parts_named_by_a_peoples_adjective() -> None:
    text = (
        "Civilians:\n26,000–27,927 Boer civilians died in concentration camps\n"
        "14,154–20,000+ black Africans died in concentration camps"
    )
    assert _part_groups(text, figures_in_field(text, "killed")) == {
        0: "Boer civilians",
        1: "black Africans",
    }


# ---------------------------------------------------------------------------- events

_SRI_LANKA = """{{Infobox military conflict
| conflict = Sri Lankan Civil War
| date = 23 July 1983 – 18 May 2009
| place = [[Sri Lanka]]
| combatant1 = {{flagcountry|Sri Lanka}}
| combatant1a = {{flagcountry|India}} (1987–1990)
| combatant2 = [[Liberation Tigers of Tamil Eelam]]
| casualties1 = '''Sri Lankan Armed Forces:'''<br />23,327 killed<br />60,000+ wounded<br />'''Sri Lanka Police:'''<br />1,155 killed
| casualties1a = '''IPKF:'''<br />1,165–1,200 killed<br />3,500 wounded
| casualties2 = 22,390 killed
}}
The '''Sri Lankan Civil War''' was a civil war fought in Sri Lanka from 1983 to 2009.
"""


def test_a_sub_row_of_a_side_is_a_contingent_of_its_own() -> None:
    side = _event(_SRI_LANKA)["sides"][0]["casualties"]
    assert (side["killed"]["low"], side["killed"]["high"]) == (25647, 25682)
    assert side["wounded"]["low"] == 63500


_HEBRON = """{{Infobox civilian attack
| title = 1929 Hebron massacre
| location = [[Hebron]], [[Mandatory Palestine]]
| date = {{Start date|1929|8|24|df=y}}
| fatalities = 67 Jews
| perpetrators = Arab rioters
}}
The '''1929 Hebron massacre''' was the killing of sixty-seven Jews on 24 August 1929 in [[Hebron]]. The event was part of the wider [[1929 Palestine riots]], in which 133 Jews and 116 Arabs were killed across the country.
"""


def test_the_toll_of_the_wider_event_is_not_the_events() -> None:
    deaths = _event(_HEBRON)["deaths"]
    assert (deaths["low"], deaths["best"], deaths["high"]) == (67, 67, 67)


@pytest.mark.parametrize(
    "lead",
    [
        "The shooting followed a week of violence during a strike in which ten people, among "
        "them two police officers, had been killed.",
        "In the week before the massacre, ten people, including two police officers, were "
        "killed in clashes.",
    ],
)
def test_the_toll_of_the_violence_before_the_event(lead: str) -> None:
    page = (
        "{{Infobox civilian attack\n| title = Marikana massacre\n| date = 16 August 2012\n"
        "| fatalities = 34\n}}\nThe '''Marikana massacre''' was the killing of 34 miners by "
        f"police on 16 August 2012. {lead}\n"
    )
    deaths = _event(page)["deaths"]
    assert (deaths["low"], deaths["best"], deaths["high"]) == (34, 34, 34)


def test_a_people_named_after_of_is_no_place() -> None:
    page = (
        "The '''Napalpí massacre''' was the killing of [[Qom people|Toba (Qom)]] and Mocoví "
        "people by the police of the [[Chaco Province|National Territory of Chaco]] at the "
        "Napalpí reduction, near present-day Machagai and Quitilipi, Argentina, on 19 July "
        "1924.\n"
    )
    # (Toba is a town in Japan)
    assert _event(page)["location"]["country"] == "AR"


@pytest.mark.parametrize(
    ("text", "name", "where_prec", "feature"),
    [
        # a state whose name a village elsewhere shares (the table writes it in ASCII)
        ("Michoacán, Mexico", "Michoacan", 4, "admin1"),
        (
            "Jalisco, Michoacán, Guanajuato, Zacatecas, Colima and other states of Mexico",
            "Mexico",
            5,
            "region",
        ),
        ("Jalisco, Michoacán and other states of Mexico", "Jalisco", 4, "admin1"),
        # a large town still wins over the division of its name; diacritics still tell towns
        ("Iași, Romania", "Iaşi", 1, "city"),
        ("Câmpina", "Câmpina", 1, "city"),
        ("Morelia, Michoacán", "Morelia", 1, "city"),
    ],
)
def test_states_of_one_country(text: str, name: str, where_prec: int, feature: str) -> None:
    p = resolve_place(text)
    assert (p.name, p.where_prec, p.feature) == (name, where_prec, feature)


# ---------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Provisional IRA Belfast Brigade", "non-state"),
        ("UVF Mid-Ulster Brigade", "non-state"),
        ("Hamas Qassam Brigade", "non-state"),
        ("Ulster Defence Regiment", "state"),
        ("Republican Guard of the Ba'ath Party", "state"),
        ("Syrian Arab Army", "state"),
    ],
)
def test_a_unit_of_an_armed_group(name: str, kind: str) -> None:
    assert _kind(name, False) == kind


def _perpetrators(field: str) -> list[tuple[str, str]]:
    page = (
        "{{Infobox civilian attack\n| title = X massacre\n| date = 2 October 1937\n"
        f"| perpetrators = {field}\n}}}}\nThe '''X massacre''' was a killing in 1937.\n"
    )
    return [(p["name"], p["kind"]) for p in _event(page)["perpetrators"]]


def test_who_gave_the_order_is_a_remark() -> None:
    field = "[[Dominican Army]]<br />{{small|on the orders of [[Rafael Trujillo]]}}"
    assert _perpetrators(field) == [("Dominican Army", "state")]


def test_a_units_name_is_no_persons() -> None:
    assert _perpetrators("Defense Companies") == [("Defense Companies", "unknown")]
    assert _perpetrators("Omar Mateen") == [("Omar Mateen", "non-state")]


# ---------------------------------------------------------------------------- the review's faults


@pytest.mark.parametrize(
    "text",
    [
        "About 600 prisoners killed their guards and fled into the forest.",
        "The 40 prisoners shot two guards during the escape.",
        "3,000 prisoners were shot at but escaped.",
        "500 prisoners were shot and wounded while escaping.",
        "10,000 prisoners were killed or wounded",
    ],
)
def test_prisoners_who_act_or_are_not_killed(text: str) -> None:
    assert all(f.category != "killed" for f in figures_in_sentence(text))


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Some 300 defenders of the forts were killed.", 300),
        ("Some 600 inhabitants of the settlements were killed.", 600),
    ],
)
def test_a_place_word_further_on_is_no_place_count(text: str, best: int) -> None:
    assert [(f.category, f.best) for f in figures_in_sentence(text)] == [("killed", best)]


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("In the days before the liberation of the town, SS troops murdered 300 prisoners.", 300),
        ("In the weeks before the election, 400 people were killed in clashes.", 400),
        (
            "The attack, part of a broader offensive, targeted the town's main mosque, in which "
            "40 worshippers were killed.",
            40,
        ),
        (
            "Officials said the bombing was part of a wider campaign and that 40 people were "
            "killed in the blast.",
            40,
        ),
        (
            "Part of a wider campaign against the Yazidis, it struck the village school, in "
            "which 40 children were killed.",
            40,
        ),
    ],
)
def test_the_events_own_toll_in_a_clause_like_the_wider_ones(sentence: str, best: int) -> None:
    deaths = _event(f"The '''X massacre''' was a massacre in 1944. {sentence}\n")["deaths"]
    assert deaths["best"] == best


@pytest.mark.parametrize(
    "text", ["Zlín, Czechia", "Estelí, Nicaragua", "Liepāja, Latvia", "Tillabéri, Niger"]
)
def test_a_town_with_its_accents_beside_its_ascii_division(text: str) -> None:
    assert resolve_place(text).feature == "city"


@pytest.mark.parametrize(
    "text",
    [
        "Baghdad, Mosul and several provinces",
        "Srinagar, Anantnag and neighbouring districts",
        "Mumbai, Pune and other districts of Maharashtra",
    ],
)
def test_only_other_first_order_divisions_make_a_list_of_them(text: str) -> None:
    assert resolve_place(text).feature == "city"


@pytest.mark.parametrize(
    "name",
    ["Lancashire Militia Regiment", "1st Leningrad People's Militia Division"],
)
def test_a_states_militia_unit(name: str) -> None:
    assert _kind(name, False) == "state"


def test_who_gave_the_order_alone_is_the_perpetrator() -> None:
    assert _perpetrators("Ordered by [[Rafael Trujillo]]") == [("Rafael Trujillo", "non-state")]


def test_a_bare_sub_row_beside_a_bare_row() -> None:
    page = (
        "{{Infobox military conflict\n| conflict = X War\n| date = 1983 – 2009\n"
        "| combatant1 = A\n| combatant1a = B\n| combatant2 = C\n"
        "| casualties1 = 23,327 killed\n| casualties1a = 1,165 killed\n"
        "| casualties2 = 22,390 killed\n}}\nThe '''X War''' was a war.\n"
    )
    killed = _event(page)["sides"][0]["casualties"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (24492, 24492, 24492)
