"""Shapes found in session 19 (probe wave 57 onwards). Each test fails on the session's
starting code or guards a counter-example of a rule."""

from __future__ import annotations

from .test_probe15_shapes import _battle, _codes, _q, _record, _side_killed
from .test_probe17_shapes import _attack

# ------------------------------------------------ "up to N (other estimates)" is a rival line


def test_a_ceiling_of_other_estimates_is_a_rival_line_not_a_bound():
    rec = _record(_battle("112 killed<br />up to 600 killed (other estimates)"))
    assert _side_killed(rec, 2) == (112, 112, 600)
    rec = _record(_attack("163 (official)<br />up to 200 (other estimates)", "It happened."))
    assert _q(rec["event"]) == (163, 163, 200)


def test_a_ceiling_that_names_no_source_or_sits_in_another_place_still_bounds():
    # a plain "up to" of the same field names no other source: it bounds the count
    rec = _record(_battle("100 killed<br />up to 600 killed"))
    assert _side_killed(rec, 2)[2] == 100
    # a sentence's "up to 600, according to other estimates" is no line of the field
    rec = _record(
        _attack(
            "163",
            "Other estimates put the toll at up to 200 people killed.",
        )
    )
    assert _q(rec["event"])[2] == 163


# ------------------------------------------ a figure the sentence follows with more dead


def test_a_figure_followed_by_more_dead_it_does_not_count_is_a_stage():
    lead = (
        "The militants killed two members of the team, and took nine others hostage, who were "
        "later killed during a failed rescue attempt."
    )
    rec = _record(_attack("12", lead))
    assert _q(rec["event"]) == (12, 12, 12)
    assert "CONTRADICTION" not in _codes(rec)


def test_a_smaller_figure_without_later_dead_is_still_a_rival():
    rec = _record(_attack("12", "The militants killed two members of the team."))
    assert _q(rec["event"]) == (2, None, 12)
    # more dead told in another sentence do not make this one's figure a stage
    rec = _record(
        _attack(
            "12",
            "The militants killed two members of the team. Nine hostages were later killed.",
        )
    )
    assert _q(rec["event"])[0] == 2


# ---------------------------------------------- some of the dead, in a note of an unknown field


def _grunwald(cas1: str, cas2: str = "~8,000 killed", body: str = "") -> str:
    return (
        "{{Infobox military conflict\n| conflict = Battle of Grunwald\n| date = 15 July 1410\n"
        "| place = Grunwald, Poland\n| combatant1 = [[Kingdom of Poland]]\n"
        "| combatant2 = [[Teutonic Order]]\n"
        f"| casualties1 = {cas1}\n| casualties2 = {cas2}\n}}}}\n"
        f"The '''Battle of Grunwald''' was fought on 15 July 1410. {body}\n"
        "== Notes ==\n{{notelist}}\n"
    )


def test_a_notes_count_of_some_among_the_dead_is_no_sides_toll():
    rec = _record(
        _grunwald(
            "Unknown{{efn|No source gives the losses of the army; [[Jan Długosz]] names only "
            "twelve Polish knights among the dead.}}"
        )
    )
    assert _side_killed(rec, 1) == (None, None, None)
    # a note that gives the side's dead is still read
    rec = _record(_grunwald("Unknown{{efn|Długosz gives 4,000 killed.}}"))
    assert _side_killed(rec, 1) == (4000, 4000, 4000)


# ------------------------------------------------ a line of the infobox the text rejects


_TOURS_BODY = (
    "The chroniclers claim that 375,000 Saracens were killed, against 1,500 Franks, but these "
    "figures are copied from another account and are not considered credible. Modern "
    "historians estimate the Umayyad losses at 10,000 to 12,000."
)


def test_an_infobox_line_the_text_rejects_is_no_sides_figure():
    rec = _record(
        _grunwald(
            "1,000 killed",
            "10,000–12,000 killed (modern estimates)<br />375,000 killed (Liber Pontificalis)",
            _TOURS_BODY,
        )
    )
    assert _side_killed(rec, 2) == (10000, None, 12000)
    kept = [s for s in rec["statements"] if s["text"] == "375,000 killed"]
    assert kept and kept[0]["origin"] == "infobox"  # it stays a statement


def test_a_rejected_line_that_is_the_sides_only_figure_stays():
    rec = _record(_grunwald("1,000 killed", "375,000 killed (Liber Pontificalis)", _TOURS_BODY))
    assert _side_killed(rec, 2) == (375000, 375000, 375000)
    # a verdict that does not reject ("are not considered too high") rejects nothing
    body = _TOURS_BODY.replace("are not considered credible", "are not considered too high")
    rec = _record(
        _grunwald(
            "1,000 killed",
            "10,000–12,000 killed (modern estimates)<br />375,000 killed (Liber Pontificalis)",
            body,
        )
    )
    assert _side_killed(rec, 2)[2] == 375000


# ----------------------------------------------------- a period label with its month


def _coalition(combatant1: str, combatant2: str = "[[Ottoman Empire]]") -> str:
    return (
        "{{Infobox military conflict\n| conflict = Battle of Blenheim\n| date = 13 August 1704\n"
        "| place = Blindheim, Bavaria\n"
        f"| combatant1 = {combatant1}\n| combatant2 = {combatant2}\n"
        "| casualties1 = 4,542 killed\n}}\n"
        "The '''Battle of Blenheim''' was fought on 13 August 1704.\n"
    )


def _names(actors: list[dict]) -> list[str]:
    return [a["name"] for a in actors]


def test_a_period_label_with_a_month_names_no_one():
    rec = _record(
        _coalition(
            "[[National Revolutionary Army]]<br />'''From September 1930:'''<br />"
            "[[Fengtian clique|Northeastern Army]]"
        )
    )
    names = _names(rec["event"]["sides"][0]["combatants"])
    assert names == ["National Revolutionary Army", "Northeastern Army"]


# ------------------------------------------------------------------ actors' names (wave 57)


def test_a_branch_after_and_shares_the_states_name():
    from eventledger.normalise.actors import split_actors

    def names(t: str) -> list[str]:
        return [a.name for a in split_actors(t, [])]

    assert names("Rebel units of the Paraguayan Army and Navy") == [
        "Rebel units of the Paraguayan Army and Navy"
    ]
    assert names("British Army and Royal Navy") == ["British Army", "Royal Navy"]
    assert names("Syrian Army and Hezbollah") == ["Syrian Army", "Hezbollah"]


def test_a_groups_region_leaders_and_kin_are_read_apart():
    from eventledger.normalise.actors import split_actors

    def names(t: str) -> list[str]:
        return [a.name for a in split_actors(t, [])]

    assert names(
        "Wolfers from Fort Benton, Montana Territory, led by John Evans and Thomas Hardwick"
    ) == [
        "Wolfers from Fort Benton, Montana Territory",
        "John Evans",
        "Thomas Hardwick",
    ]
    assert names("Interahamwe, local civilians, led by bourgmestre Sylvestre Gacumbitsi") == [
        "Interahamwe",
        "local civilians",
        "Sylvestre Gacumbitsi",
    ]
    assert names("Pranas Brazinskas and his 15-year-old son Algirdas") == [
        "Pranas Brazinskas",
        "Algirdas",
    ]
    # no region after the comma: two actors, as before
    assert names("Militia from Ohio, Shawnee warriors") == ["Militia from Ohio", "Shawnee warriors"]
    assert names("his son") == ["his son"]


def test_a_toll_line_in_the_perpetrators_own_noun_counts_them():
    page = (
        "{{Infobox civilian attack\n| title = Cypress Hills Massacre\n"
        "| location = Cypress Hills, Saskatchewan, Canada\n| date = June 1, 1873\n"
        "| fatalities = c. 20–23 Nakoda<br />1 wolfer\n"
        "| perpetrators = Wolfers from Fort Benton, led by John Evans\n}}\n"
        "The '''Cypress Hills Massacre''' took place on June 1, 1873.\n"
    )
    assert _q(_record(page)["event"])[0] == 20
    # a line of the victims' noun stays a victims' line
    other = page.replace("1 wolfer", "1 trader")
    assert _q(_record(other)["event"])[0] == 1


# ------------------------------------------------------ the military conflict box's notes row


def _war(cas1: str, cas2: str, notes: str) -> str:
    return (
        "{{Infobox military conflict\n| conflict = First Liberian Civil War\n"
        "| date = 24 December 1989 – 19 July 1997\n| place = [[Liberia]]\n"
        "| combatant1 = [[ECOMOG]]\n| combatant2 = [[NPFL]]\n"
        f"| casualties1 = {cas1}\n| casualties2 = {cas2}\n| notes = {notes}\n}}}}\n"
        "The '''First Liberian Civil War''' was fought from 1989 to 1997.\n"
    )


def test_a_total_in_the_notes_row_is_the_wars_toll():
    rec = _record(
        _war(
            "c. 500 killed<br />Others: Unknown",
            "Unknown",
            "'''Total:''' over 200,000 killed<br />c. 700,000 refugees",
        )
    )
    assert _q(rec["event"])[0] in (200000, 200001)  # "over": the floor, or one more
    st = next(s for s in rec["statements"] if s["text"] == "over 200,000 killed")
    assert st["field"] == "notes" and st["side"] is None
    # a remark without figures changes nothing
    rec = _record(_war("500 killed", "700 killed", "Both sides' figures are disputed."))
    assert _q(rec["event"]) == (1200, 1200, 1200)


def test_an_approximate_total_inside_the_sides_sum_is_its_best_value():
    rec = _record(_war("50,000–80,000 dead", "35,000–50,000 dead", "Total: c. 100,000 dead"))
    assert _q(rec["event"]) == (85000, 100000, 130000)
    # one above the sum is the toll, as before
    rec = _record(_war("5,000 dead", "3,500 dead", "Total: c. 100,000 dead"))
    assert _q(rec["event"])[1] == 100000 and _q(rec["event"])[0] != 8500


# -------------------------------------------------- wave 58: died of wounds, naval support


def test_a_notes_further_dead_of_wounds_add_to_the_lines_killed():
    rec = _record(
        _grunwald(
            "2,540 killed{{efn|Killed in action only. A further 1,153 men died of their wounds "
            "in field hospitals by the end of November.}}<br />17,472 wounded"
        )
    )
    assert _side_killed(rec, 1) == (3693, 3693, 3693)
    # dead of wounds the note does not add ("of whom"): the line's figure stands
    rec = _record(
        _grunwald("2,540 killed{{efn|Of these, 1,153 men died of their wounds in hospital.}}")
    )
    assert _side_killed(rec, 1) == (2540, 2540, 2540)


def test_naval_support_heads_combatants_and_names_no_one():
    rec = _record(
        _coalition(
            "[[French First Republic]]",
            "[[Ottoman Empire]]<br />'''Naval support:'''<br />[[Kingdom of Great Britain|Great Britain]]",
        )
    )
    assert _names(rec["event"]["sides"][1]["combatants"]) == ["Ottoman Empire", "Great Britain"]


# ------------------------------------- a Firefox copy of the desktop site: gaps between cells

_FIREFOX_BOX = (
    "Coordinates: 31°35′37″N 23°28′47″E\n"
    "From Wikipedia, the free encyclopedia\n"
    "Battle of Bir Hakeim\n"
    "Part of the Battle of Gazala\n"
    "\n"
    "Free French Legionnaires rush an enemy strong point.\n"
    "Date\t26 May – 11 June 1942\n"
    "Location\tBir Hakeim, Libya\n"
    "Belligerents\n"
    "\n"
    " Free France\n"
    " British Empire\n"
    "\n"
    "\n"
    " Italy\n"
    " Germany\n"
    "\n"
    "Casualties and losses\n"
    "\n"
    "141 killed\n"
    "229 wounded\n"
    "\n"
    "\n"
    "3,300 killed or wounded\n"
    "\n"
    "The Battle of Bir Hakeim was fought between 26 May and 11 June 1942 near Bir Hakeim, "
    "an oasis in the Libyan desert.[1]\n"
)


def test_a_firefox_copys_empty_lines_between_cells_split_the_sides():
    rec = _record(_FIREFOX_BOX, fmt="plaintext")
    sides = rec["event"]["sides"]
    assert [_names(s["combatants"]) for s in sides] == [
        ["Free France", "British Empire"],
        ["Italy", "Germany"],
    ]
    assert _side_killed(rec, 1) == (141, 141, 141)
    # a short caption after the image's empty line is no lead: the box's date is read
    assert rec["event"]["date"]["start"] == "1942-05-26"


def test_a_long_paragraph_after_an_empty_line_is_no_caption():
    from eventledger.read import read_text

    lead = "The battle " + "was long and hard fought in the desert " * 10 + "near Bir Hakeim."
    page = _FIREFOX_BOX.replace("Free French Legionnaires rush an enemy strong point.", lead)
    doc = read_text(page, "x.txt", format="plaintext")
    first = next(s for s in doc.sentences if s.text.startswith("The battle was long"))
    assert first.origin == "body"
    short = read_text(_FIREFOX_BOX, "x.txt", format="plaintext")
    caption = next(s for s in short.sentences if s.text.startswith("Free French"))
    assert caption.origin == "caption"


def test_an_update_banner_above_the_box_is_page_chrome():
    page = _FIREFOX_BOX.replace(
        "Part of the Battle of Gazala\n",
        "Part of the Battle of Gazala\nParts of this article (those related to the aftermath) "
        "need to be updated. Please help update this article to reflect recent events or newly "
        "available information. (August 2022)\n",
    )
    rec = _record(page, fmt="plaintext")
    assert rec["event"]["date"]["start"] == "1942-05-26"


def test_some_of_the_bombers_among_the_dead_of_the_toll():
    rec = _record(
        _attack(
            "45 (including 12 bombers)",
            "45 people were killed in the attacks: 33 victims and 12 of the suicide bombers.",
        )
    )
    assert _q(rec["event"]) == (33, 33, 33)


# ------------------------------------ sides from the states' forces a battle's text names most


def _prose_battle(battle: str) -> str:
    return (
        "The '''Battle of Kupiansk''' was the third battle of the Kharkiv counteroffensive, "
        "fought from 8 to 16 September 2022.\n\n== Background ==\n"
        "Kupiansk was occupied in February 2022.\n\n== Battle ==\n" + battle + "\n"
    )


_KUPIANSK = (
    "On 8 September, Russian forces began to defend Kupiansk. Ukrainian soldiers entered the "
    "outskirts of the town on 9 September. Russian forces evacuated to the eastern bank. "
    "Ukrainian forces recaptured the settlement on 16 September."
)


def test_sides_from_the_states_forces_the_text_names_most():
    rec = _record(_prose_battle(_KUPIANSK), name="Battle_of_Kupiansk")
    sides = rec["event"]["sides"]
    # the attacker first: Ukrainian forces entered and recaptured
    assert [_names(s["combatants"]) for s in sides] == [["Ukrainian forces"], ["Russian forces"]]
    st = next(s for s in rec["statements"] if s["property"] == "combatant" and s["side"] == 1)
    assert st["origin"] == "body" and st["text"] == "Ukrainian forces"


def test_no_sides_from_one_mention_or_a_third_state_as_often():
    once = "Russian forces began to defend Kupiansk. Ukrainian forces recaptured it."
    assert _record(_prose_battle(once), name="Battle_of_Kupiansk")["event"]["sides"] == []
    third = _KUPIANSK + " Polish troops were seen nearby. Polish troops stayed."
    assert _record(_prose_battle(third), name="Battle_of_Kupiansk")["event"]["sides"] == []


# ---------------------------------------------------------------------------- wave 59


def test_some_of_all_counts_the_some():
    from eventledger.normalise.numbers import figures_in_sentence

    for text, n in (
        ("16 of the 19 people on board were killed.", 16),
        ("Sixteen of the 19 people on board were killed.", 16),
        ("All but three of the 19 people on board had died.", 16),
        ("Three of the 5,000 soldiers died.", 3),
        ("One of the 12 hostages was killed.", 1),
    ):
        figs = figures_in_sentence(text)
        assert [(f.low, f.high, f.category) for f in figs] == [(n, n, "killed")], text
        assert text.startswith(figs[0].text), text
    # a share that is no count is skipped as before
    assert figures_in_sentence("10% of the 300 villagers were killed.") == []


_MOBILE = (
    "Open main menu\n\nWikipedia\n\nSearch\n\nSumgait pogrom\n\n"
    "1988 pogrom against Armenians in Sumgait\n\nLanguage\nWatch\nEdit\n\n"
    "The Sumgait pogrom was a pogrom that targeted Armenians in the seaside town of Sumgait in "
    "February 1988, during the first stages of the Nagorno-Karabakh conflict.[1]\n\n"
    "Sumgait pogrom\nPart of the Nagorno-Karabakh conflict\n"
    "Images captured from a videotape show burnt automobiles and rioters on the streets\n"
    "Location\tSumgait, Azerbaijan SSR, Soviet Union\n"
    "Date\tFebruary 27 – March 1, 1988\n"
    "Target\tArmenians\n"
    "Attack type\tPogrom, murder, arson\n"
    "Deaths\t32 (official Soviet data)[2]\n"
    "Perpetrators\tAzerbaijani mobs\n"
    "Internal Troops\n\nBackground\n\nedit\n\n"
    "On February 20, 1988, the Soviet of People's Deputies of the Nagorno-Karabakh Autonomous "
    "Oblast voted to request the transfer of the region from Azerbaijan to Armenia, and rallies "
    "followed in Stepanakert and Yerevan.[3]\n"
)


def test_a_mobile_copys_box_under_the_first_paragraph_keeps_its_caption_and_ends_at_a_section():
    rec = _record(_MOBILE, fmt="plaintext")
    ev = rec["event"]
    assert ev["date"]["start"] == "1988-02-27" and ev["date"]["end"] == "1988-03-01"
    assert [p["name"] for p in ev["perpetrators"]] == ["Azerbaijani mobs", "Internal Troops"]


def test_a_prose_figure_far_below_the_boxs_floor_tells_an_incident():
    lead = "The Taliban also stormed the consulate, killing eight Iranian diplomats."
    rec = _record(
        _attack(
            "At least 2,000 (HRW)<br />5,000–6,000 (UN)<br />up to 8,000 (other estimates)", lead
        )
    )
    assert _q(rec["event"]) == (2000, None, 8000)
    assert "CONTRADICTION" not in _codes(rec)
    # a source's own estimate in prose stays a rival
    claim = "Officials said that 30 people were killed."
    rec = _record(_attack("1,000", claim))
    assert _q(rec["event"])[0] == 30


def test_covertly_supported_by_and_a_composition_line():
    rec = _record(
        _coalition(
            "[[Tudeh Party]]",
            "'''Insurgents:'''<br />[[House of Pahlavi]]<br />'''Covertly supported by:'''"
            "<br />[[United States]]<br />[[United Kingdom]]",
        )
    )
    side = rec["event"]["sides"][1]
    assert "United States" not in _names(side["combatants"])
    assert _names(side["supporters"]) == ["United States", "United Kingdom"]
    rec = _record(
        _coalition("Rioters<br />* Mostly [[Irish Americans|Irish-American]] and other men")
    )
    assert _names(rec["event"]["sides"][0]["combatants"]) == ["Rioters"]


# ------------------------------------- wave 60: an attack told in an operation's box


def test_an_attack_in_an_operations_box_takes_its_executor_as_perpetrator():
    page = (
        "{{Infobox military operation\n| name = 1996 Manchester bombing\n"
        "| type = [[Truck bomb|Lorry bomb]]\n| location = Corporation Street, [[Manchester]], "
        "England\n| date = 15 June 1996\n"
        "| executed_by = [[Provisional Irish Republican Army|Provisional IRA]]\n"
        "| casualties = 212 injured\n}}\n"
        "The '''1996 Manchester bombing''' was an attack on 15 June 1996 in Manchester.\n"
    )
    rec = _record(page, name="1996_Manchester_bombing")
    assert rec["event"]["kind"] == "attack"
    assert [p["name"] for p in rec["event"]["perpetrators"]] == ["Provisional IRA"]
    copy = (
        "From Wikipedia, the free encyclopedia\n1996 Manchester bombing\nPart of the Troubles\n"
        "Type\tLorry bomb\nLocation\tCorporation Street, Manchester, England\n"
        "Date\t15 June 1996\nExecuted byProvisional IRA\nCasualties212 injured\n\n"
        "The 1996 Manchester bombing was an attack carried out by the Provisional Irish "
        "Republican Army on Saturday, 15 June 1996, in Manchester, England.[1]\n"
    )
    rec = _record(copy, fmt="plaintext", name="1996_Manchester_bombing")
    assert rec["event"]["kind"] == "attack"
    assert [p["name"] for p in rec["event"]["perpetrators"]] == ["Provisional IRA"]
    # an operation that is no attack keeps its executor as side 1
    op = page.replace("1996 Manchester bombing", "Operation Cottage").replace(
        "an attack", "a landing"
    )
    rec = _record(op, name="Operation_Cottage")
    assert rec["event"]["perpetrators"] == []
    assert _names(rec["event"]["sides"][0]["combatants"]) == ["Provisional IRA"]


def test_the_one_other_states_forces_are_side_2_unless_named_as_allies():
    body = (
        "On 24 February, Russian forces launched an assault on Hlukhiv. Ukrainian forces held "
        "the town centre. Ukrainian forces withdrew on 27 February."
    )
    page = (
        "The '''Battle of Hlukhiv''' was a battle in which Russian forces captured the town of "
        "Hlukhiv in February 2022.\n\n== Battle ==\n" + body + "\n"
    )
    rec = _record(page, name="Battle_of_Hlukhiv")
    assert [_names(s["combatants"]) for s in rec["event"]["sides"]] == [
        ["Russian forces"],
        ["Ukrainian forces"],
    ]
    # an ally named as often ("supported by Russian airstrikes") is no opponent
    ally = (
        "The '''Palmyra offensive''' was a military operation in which the Syrian Army "
        "captured Palmyra in March 2016.\n\n== Offensive ==\n"
        "The Syrian Army advanced, supported by Russian airstrikes. Russian soldiers were "
        "seen in the city. Russian forces cleared mines.\n"
    )
    rec = _record(ally, name="Palmyra_offensive")
    assert all(
        "Russian" not in n for s in rec["event"]["sides"][1:] for n in _names(s["combatants"])
    )
