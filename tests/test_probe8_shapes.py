"""Page shapes from the session-8 probe and mutation fuzzing: realistic pages written and coded
blind by other engineers (mobile-site copies, attacks with later riots), and mutated corpus
pages that once raised. Each test is one general rule a page of that shape showed to be
missing; the pages stay outside the repository."""

from __future__ import annotations

from eventledger.normalise.numbers import figures_in_sentence
from eventledger.pipeline import parse_text
from eventledger.read.plaintext import read_plaintext

from .test_probe_shapes import _q

_MOBILE = """Open main menu
Wikipedia
Search
Battle of Example Bay
Article
Talk
Language
Watch
Edit
1942 battle of the Pacific War
Coordinates: 10°22′S 150°30′E
The Battle of Example Bay (25 August – 7 September 1942) was a battle of the Pacific campaign of World War II, in which Japanese naval infantry attacked the Allied airfields at Example Bay on the eastern tip of New Guinea.[1]
Battle of Example Bay
Part of the Pacific Theater of World War II
Australian troops at Example Bay, September 1942
Date	25 August – 7 September 1942
Location	Milne Bay, Territory of Papua
Result	Allied victory
Belligerents
 Australia	 Japan
Strength
8,824	1,943
Casualties and losses
167 killed
206 wounded	625 killed
311 wounded[1]
The Allies, forewarned by intelligence, had heavily reinforced the garrison before the landing, and the Japanese landing force was halted and thrown back.[1]

Background
In July 1942 Japanese forces landed at Buna and Gona on the north coast of Papua and began to advance along the Kokoda Track towards Port Moresby.[1]

References
^ a b Keogh, Eustace (1965). The South West Pacific 1941–45. Melbourne: Grayflower. p. 200.
Last edited on 3 March 2025, at 11:42
Content is available under CC BY-SA 4.0 unless otherwise noted.
Privacy policy
Terms of Use
Desktop
"""


def test_a_mobile_copy_has_its_title_and_its_infobox_below_the_first_paragraph() -> None:
    doc = read_plaintext(_MOBILE, "mobile.txt")
    assert doc.title == "Battle of Example Bay"
    assert doc.infobox is not None and doc.infobox.template == "military conflict"
    body = [s for s in doc.sentences if s.origin == "body"]
    assert body[0].text.startswith("The Battle of Example Bay (25 August")
    assert body[0].paragraph == 0 and body[1].paragraph == 1
    for s in doc.sentences:
        assert _MOBILE[s.span[0] : s.span[1]] == s.text
    rec = parse_text(_MOBILE, format="plaintext", name="mobile.txt")[0]
    ev = rec["event"]
    assert ev["kind"] == "battle"
    assert [[c["name"] for c in s["combatants"]] for s in ev["sides"]] == [["Australia"], ["Japan"]]
    assert _q(rec, "deaths") == (792, 792, 792)
    assert ev["location"]["lat"] is not None


def test_a_desktop_copy_keeps_its_box_above_the_first_paragraph() -> None:
    # without the mobile header and with the desktop site's page actions ("Read", "View
    # history") the box after the first paragraph is not taken: a desktop copy never puts it
    # there, and its lines are prose or navigation
    text = _MOBILE.replace("Open main menu\nWikipedia\nSearch\n", "").replace(
        "Article\nTalk\nLanguage\nWatch\nEdit\n", "Article\nTalk\nRead\nEdit\nView history\nTools\n"
    )
    assert text.count("View history") == 1
    doc = read_plaintext(text, "desktop.txt")
    assert doc.infobox is None or doc.infobox.template != "military conflict"


def test_a_further_list_goes_on_with_more_further_victims() -> None:
    figs = figures_in_sentence(
        "In the riots that followed, a further 20 to 26 Palestinians and 5 Israelis were killed."
    )
    assert [(f.low, f.high, f.additional) for f in figs] == [(20, 26, True), (5, 5, True)]
    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = 25 February 1994\n"
        "| fatalities = 29 (+1 perpetrator)\n| injuries = 125\n}}\n"
        "'''Example massacre''' was a mass shooting in which 29 worshippers were killed. In the "
        "riots that followed, a further 20 to 26 Palestinians and 5 Israelis were killed.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") == (29, 29, 29)


def test_a_dated_sentence_under_a_heading_before_any_lead_does_not_raise() -> None:
    # a copy whose lead was lost: a reference line, then a heading, then the dated sentence
    text = (
        "Battle of Example\n"
        "  11. ^ Smith, John (2011). A Book. Helion. ISBN 978-1-906033-89-7.\n"
        "Background[edit]\n"
        "After the Third Battle of Kharkov in March 1943, a large salient formed around the "
        "town. Hitler postponed the offensive several times to wait for new tanks.[10]\n"
    )
    rec = parse_text(text, format="plaintext", name="x.txt")[0]
    assert rec["event"]["date"]["start"] == "1943-03"


def _battle(casualties1: str, casualties2: str = "5 killed") -> dict:
    wikitext = (
        "{{Infobox military conflict\n| conflict = Battle of Example\n| date = 27 July 1880\n"
        "| place = [[Kandahar]], Afghanistan\n| combatant1 = [[United Kingdom]]\n"
        f"| combatant2 = [[Emirate of Afghanistan]]\n| casualties1 = {casualties1}\n"
        f"| casualties2 = {casualties2}\n}}}}\n"
        "'''Battle of Example''' was a battle fought near Kandahar between two armies.\n"
    )
    return parse_text(wikitext, title="Battle of Example", format="wikitext")[0]


def _side(rec: dict, n: int, cat: str) -> tuple:
    q = rec["event"]["sides"][n - 1]["casualties"][cat]
    return (q["low"], q["best"], q["high"]) if q else None


def test_groups_listed_before_a_category_share_it() -> None:
    rec = _battle(
        "21 officers and 948 other ranks killed<br />8 officers and 169 other ranks wounded"
    )
    assert _side(rec, 1, "killed") == (969, 969, 969)
    assert _side(rec, 1, "wounded") == (177, 177, 177)
    assert _q(rec, "deaths") == (974, 974, 974)
    # three groups, commas and "and"
    rec = _battle("12 soldiers, 3 guards and 2 officers killed")
    assert _side(rec, 1, "killed") == (17, 17, 17)
    # equipment listed first shares nothing
    rec = _battle("3 tanks and 40 men killed")
    assert _side(rec, 1, "killed") == (40, 40, 40)


def test_a_contingents_figure_broken_down_under_of_whom() -> None:
    rec = _battle(
        "'''Total: 300 dead'''\n{{flagicon|France}} '''France:'''\n* 200 dead, of whom:\n"
        "** 50 killed in action\n** 150 died of disease\n* 50 wounded\n"
        "{{flagicon|United Kingdom}} '''United Kingdom:'''\n* 100 dead\n* 20 wounded"
    )
    assert _side(rec, 1, "killed") == (300, 300, 300)
    assert _side(rec, 1, "wounded") == (70, 70, 70)
    # without the Total line the contingents are summed, their breakdowns not added again
    rec = _battle(
        "{{flagicon|France}} '''France:'''\n* 200 dead, of whom:\n"
        "** 50 killed in action\n** 150 died of disease\n* 50 wounded\n"
        "{{flagicon|United Kingdom}} '''United Kingdom:'''\n* 100 dead\n* 20 wounded"
    )
    assert _side(rec, 1, "killed") == (300, 300, 300)
    statements = {s["text"]: s for s in rec["statements"]}
    assert statements["50 killed in action"]["subset"] is True
    assert statements["50 wounded"]["subset"] is False


def test_a_name_list_ending_in_and_does_not_raise() -> None:
    # mutation fuzzing: "Manchester and " with nothing after the conjunction
    from eventledger.normalise.actors import split_actors

    assert [a.name for a in split_actors("Manchester and ", [])] == ["Manchester"]
    assert [a.name for a in split_actors("Manchester and Salford Yeomanry", [])] == [
        "Manchester and Salford Yeomanry"
    ]


def test_named_groups_of_a_side_are_summed() -> None:
    rec = _battle(
        "21 officers and 948 other ranks killed", "1,250 regulars killed<br />800 ghazis killed"
    )
    assert _side(rec, 2, "killed") == (2050, 2050, 2050)


def test_a_place_spelled_without_its_diacritics_is_that_place() -> None:
    rec = parse_text(
        "'''Example massacre''' took place in the Arab village of [[Kafr Qasim]], then on the "
        "[[Green Line (Israel)|Green Line]] border with the [[West Bank|Jordanian-held West "
        "Bank]], on 29 October 1956, when police shot dead 48 civilians.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    loc = rec["event"]["location"]
    assert (loc["country"], loc["where_prec"]) == ("IL", 1)


def test_a_capital_is_not_a_namesake_division_abroad() -> None:
    from eventledger.normalise.places import resolve_place

    assert resolve_place("Colombo").country == "LK"
    assert resolve_place("Colombo, Paraná").country == "BR"


def test_an_infobox_list_of_towns_spreads_the_event() -> None:
    from eventledger.normalise.places import resolve_place

    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example bombings\n| date = 21 April 2019\n"
        "| location = {{ubl|[[Colombo]]|[[Negombo]]|[[Batticaloa]]}}\n| fatalities = 269\n}}\n"
        "'''Example bombings''' were a series of bombings.\n",
        title="Example bombings",
        format="wikitext",
    )[0]
    loc = rec["event"]["location"]
    assert loc["text"] == "Colombo; Negombo; Batticaloa"
    assert (loc["country"], loc["where_prec"], loc["lat"]) == ("LK", 5, None)
    # a town and what holds it stay one place; towns of several countries are not spread
    assert resolve_place("Srebrenica; Bosnia and Herzegovina").where_prec == 1
    assert resolve_place("Paris; London").where_prec == 1


def test_a_group_nobody_counted_leaves_a_listed_toll_open() -> None:
    rec = parse_text(
        "{{Infobox historical event\n| title = Example riots\n| date = 2–4 December 1947\n"
        "| deaths = 82 Jews<br />33 Arabs\n| injuries = 76 Jews<br />Unknown number of Arabs\n"
        "}}\n'''Example riots''' were riots in the city.\n",
        title="Example riots",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") == (115, 115, 115)
    assert _q(rec, "injuries") == (76, None, None)


def test_an_abbreviation_takes_its_kind_from_the_article_it_links() -> None:
    from eventledger.normalise.actors import split_actors

    (actor,) = split_actors(
        "FARC-EP", [("FARC-EP", "Revolutionary Armed Forces of Colombia", 0, 7)]
    )
    assert actor.kind == "non-state"
    (actor,) = split_actors("Islamic Revolutionary Guard Corps", [])
    assert actor.kind == "state"


def test_a_force_before_its_loss_is_no_group_of_the_dead() -> None:
    # review: the shared-category rule needs the last figure to name its own group
    assert _side(_battle("5,000 men, 300 killed"), 1, "killed") == (300, 300, 300)
    assert _side(_battle("Of 4,000 men engaged, 1,200 killed"), 1, "killed") == (1200, 1200, 1200)
    # women and children in a side's column are civilians, counted apart, summed as a list
    rec = _battle("5 men, 3 women and 2 children killed")
    assert _q(rec, "deaths") == (15, 15, 15)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


def test_a_further_figure_does_not_spread_to_the_next_clause() -> None:
    figs = figures_in_sentence("Another 60 were wounded, and 25 bodies were recovered.")
    assert [(f.low, f.subset) for f in figs] == [(60, True), (25, False)]


def test_a_town_and_what_holds_it_are_no_list_of_towns() -> None:
    from eventledger.normalise.places import resolve_place

    for text in (
        "Bucha; Kyiv, Ukraine",
        "Beslan; Vladikavkaz",
        "Shindand; Herat",
        "Halabja; Sulaymaniyah",
    ):
        assert resolve_place(text).where_prec == 1, text
    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = March 2022\n"
        "| location = [[Bucha]]<br />[[Kyiv Oblast|Kyiv]], Ukraine\n| fatalities = 458\n}}\n"
        "'''Example massacre''' was a massacre.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    loc = rec["event"]["location"]
    assert (loc["name"], loc["where_prec"]) == ("Bucha", 1)


def test_a_mobile_copys_head_rows_do_not_run_across_the_first_paragraph() -> None:
    doc = read_plaintext(_MOBILE, "mobile.txt")
    coords = [f for f in doc.infobox.fields if f.key == "coordinates"]
    first = next(s for s in doc.sentences if s.origin == "body")
    assert coords and coords[0].span[1] <= first.span[0]


def test_infobox_lines_that_sum_to_the_stated_toll_are_its_parts() -> None:
    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example Sunday\n| date = 21 November 1920\n"
        "| fatalities = 14 in the morning shootings<br />14 civilians at the ground<br />"
        "3 prisoners in the castle\n}}\n"
        "'''Example Sunday''' was a day of violence in the city. In all, 31 people were "
        "killed in the city that day. In the morning gunmen shot dead fourteen people.\n",
        title="Example Sunday",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") == (31, 31, 31)


def test_a_running_total_and_an_apposed_breakdown_are_one_toll() -> None:
    figs = figures_in_sentence(
        "Six bodies were found in the building, and two more were found later, bringing the "
        "death toll to eight."
    )
    assert [(f.low, f.subset) for f in figs] == [(6, True), (8, False)]
    figs = figures_in_sentence(
        "Nineteen people were killed, sixteen civilians and three soldiers, and 33 were injured."
    )
    assert [(f.low, f.subset) for f in figs] == [(19, False), (16, True), (3, True), (33, False)]
    # a breakdown that does not add up is no breakdown
    figs = figures_in_sentence("Twenty people were killed, 12 soldiers and 3 police officers.")
    assert [f.subset for f in figs] == [False, False, False]


def test_groups_named_by_adjective_and_people_are_listed_parts() -> None:
    from eventledger.extract.statements import _listed_parts

    text = "At least six Black people and two white people were killed."
    assert _listed_parts(text, figures_in_sentence(text)) == {0: 0, 1: 0}


def test_a_plural_massacres_title_and_cadres_of_a_group() -> None:
    rec = parse_text(
        "'''Example Farm massacres''' were the killings of 62 civilians at two farms on the "
        "night of 29–30 November 1984. The attacks were carried out by cadres of the "
        "[[Liberation Tigers of Tamil Eelam]].\n",
        title="Example Farm massacres",
        format="wikitext",
    )[0]
    ev = rec["event"]
    assert ev["kind"] == "attack"
    assert [p["name"] for p in ev["perpetrators"]] == ["Liberation Tigers of Tamil Eelam"]


def _rising_kind(title: str, date: str) -> str:
    """The kind of a rising's page with a military conflict box dated *date*."""
    rec = parse_text(
        "{{Infobox military conflict\n| conflict = " + title + "\n| date = " + date + "\n"
        "| combatant1 = [[Russian Empire]]\n| combatant2 = Workers\n}}\n'''" + title + "''' "
        "was an armed rising of workers against the government.\n",
        title=title,
        format="wikitext",
    )[0]
    return rec["event"]["kind"]


def test_a_rising_of_days_in_a_conflict_box_is_a_battle() -> None:
    assert _rising_kind("Moscow uprising of 1905", "20–31 December 1905") == "battle"
    assert _rising_kind("Example Rebellion", "3 December 1854") == "battle"
    assert _rising_kind("Example Rebellion", "1952–1960") == "war"
    assert _rising_kind("Example War of Independence", "3–5 May 1821") == "war"


def test_a_names_year_yields_to_the_lead_sentence_that_dates_the_event() -> None:
    rec = parse_text(
        "'''Example War''', also known as the '''Scottish Insurrection of 1820''', was a week "
        "of strikes and unrest in [[Scotland]]. It took place in the first week of April 1820, "
        "mostly in and around [[Glasgow]].\n",
        title="Example War",
        format="wikitext",
    )[0]
    d = rec["event"]["date"]
    assert (d["start"], d["end"], d["date_prec"]) == ("1820-04-01", "1820-04-07", 3)


def test_the_week_of_a_month_is_its_seven_days() -> None:
    from eventledger.normalise.dates import find_dates

    (d,) = find_dates("in the last week of February 2021")
    assert (d.start, d.end, d.precision, d.date_prec) == ("2021-02-22", "2021-02-28", "day", 3)
    assert d.text == "last week of February 2021"
    (d,) = find_dates("in February 2021")
    assert (d.start, d.date_prec) == ("2021-02", 4)


def test_a_total_including_civilians_is_the_sides_figure() -> None:
    rec = _battle(
        "36 killed", "'''Total (including civilians):'''<br />1,059 killed<br />Hundreds wounded"
    )
    assert _side(rec, 2, "killed") == (1059, 1059, 1059)
    assert _side(rec, 2, "wounded") == (200, None, 999)


def test_a_part_of_a_side_nobody_counted_leaves_its_sum_open() -> None:
    rec = _battle(
        "100–300 killed",
        "1,542 men-at-arms killed<br />Unknown number of infantry and crossbowmen killed",
    )
    assert _side(rec, 2, "killed") == (1542, None, None)
    assert _q(rec, "deaths") == (1642, None, None)


def test_men_captured_and_executed_are_dead() -> None:
    from eventledger.normalise.numbers import figures_in_field

    figs = figures_in_field("2 drowned\n6 captured and executed", "casualties")
    assert [(f.low, f.category) for f in figs] == [(2, "killed"), (6, "killed")]
    (fig,) = figures_in_field("500 killed and captured", "casualties")
    assert fig.category == "casualties"


def test_an_operations_ways_of_dying_are_one_toll() -> None:
    rec = parse_text(
        "{{Infobox military operation\n| name = Operation Example\n| date = 7–12 December 1942\n"
        "| executed_by = [[Royal Marines]]\n| casualties = 2 drowned<br />6 captured and executed\n"
        "}}\n'''Operation Example''' was a commando raid.\n",
        title="Operation Example",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") == (8, 8, 8)


def test_second_review_cases() -> None:
    # rival infobox lines are not summed because an unrelated lead figure equals their sum
    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = 1 May 2001\n"
        "| fatalities = 7 (police)<br />9 (according to witnesses)\n}}\n"
        "'''Example massacre''' was a massacre. Sixteen people died across the province "
        "that week.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") != (16, 16, 16)
    # a cumulative toll is no running total of the sentence's own figures
    figs = figures_in_sentence(
        "The attack killed 27 people, bringing the cumulative death toll to 1,200."
    )
    assert [f.subset for f in figs] == [False, False]
    # a list of groups is no breakdown of its first group
    figs = figures_in_sentence("The militants killed 3 soldiers, 2 police officers and 1 civilian.")
    assert not any(f.subset for f in figs)
    # a civilians label that includes children still counts civilians
    from eventledger.normalise.numbers import figures_in_field

    figs = figures_in_field("'''Civilians (including children):''' 300 killed", "casualties")
    assert [f.party for f in figs] == ["civilians"]
    # a sentence about something that began earlier does not date the event
    rec = parse_text(
        "'''Example massacre''', also known as the '''Massacre of 1819''', was an attack on a "
        "crowd. Unrest over food prices began in January 1819. The massacre took place on "
        "16 August 1819.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    assert rec["event"]["date"]["start"] == "1819-08-16"
    # a range of weeks is not the week of its second month
    from eventledger.normalise.dates import find_dates

    dates = find_dates("from the first week of April to the third week of May 1820")
    assert all(d.date_prec != 3 for d in dates)
    # a topic title is no attack
    rec = parse_text(
        "'''Massacres during the Example War''' were many.\n",
        title="Massacres during the Example War",
        format="wikitext",
    )[0]
    assert rec["event"]["kind"] == "other"


def test_a_rising_with_an_open_or_long_date_stays_a_war() -> None:
    assert _rising_kind("Example Uprising", "10 May 1857 –") == "war"
    assert _rising_kind("Example Uprising (1953–1960)", "17 June 1953") == "war"


def test_the_groups_an_attack_struck_are_parts_of_its_toll() -> None:
    rec = parse_text(
        "{{Infobox civilian attack\n| title = Example massacre\n| date = 13 November 1990\n"
        "| fatalities = {{plainlist|\n* 12 residents and visitors\n* 1 police officer\n"
        "* 1 perpetrator\n}}\n}}\n'''Example massacre''' was a spree shooting in a township.\n",
        title="Example massacre",
        format="wikitext",
    )[0]
    assert _q(rec, "deaths") == (13, 13, 13)


def test_space_grouped_thousands_and_armoured_trains() -> None:
    from eventledger.normalise.numbers import figures_in_field

    assert [(f.low, f.category) for f in figures_in_field("2 000 dead", "casualties")] == [
        (2000, "killed")
    ]
    figs = figures_in_field("12 500 killed, 3 000 wounded", "casualties")
    assert [(f.low, f.high) for f in figs] == [(12500, 12500), (3000, 3000)]
    assert figures_in_field("1 armored train", "casualties") == []
    assert [f.low for f in figures_in_sentence("The bomb killed 30 train passengers.")] == [30]
