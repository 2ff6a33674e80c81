"""Review of the session-20 change, second pass (git diff 7fb5cb0~1 HEAD): counter-examples to
its new rules (waves 62d, 63a, 63c and the review fixes of 7fb5cb0).

Each test is a realistic page shape on which the changed code gives a wrong answer; the comment
says what a careful human reader would extract and why. Every one of them passed (or gave no
answer, which is safe) on 7fb5cb0~1, unless the comment says otherwise."""

from __future__ import annotations

from eventledger.extract.prose_sides import split_by_lead
from eventledger.normalise.dates import parse_date

from .test_probe15_shapes import _codes, _perps, _q, _record
from .test_probe17_shapes import _attack as _massacre
from .test_probe20_shapes import _chrome, _firefox, _side_names

# ------------------------- split_by_lead: a reading that ties both parties outweighs the right one


def test_an_and_inside_the_first_party_is_no_border_between_the_sides():
    # Battle of Otumba (1520), one list of belligerents in a Firefox copy: Spanish Empire,
    # Tlaxcala | Aztec Empire. The lead: "between the Spanish and Tlaxcalan forces under Hernán
    # Cortés and the army of the Triple Alliance". The "between" clause has two "and"s: read at
    # the first one ("the Spanish" | "Tlaxcalan forces … and the army …") it ties Spain before
    # and Tlaxcala after -- a reading that ties both parties, so it now outweighs the reading
    # at the second "and" ("the Spanish and Tlaxcalan forces" | "the army of the Triple
    # Alliance"), which ties one party only. Result: Spanish Empire | Tlaxcala, Aztec Empire --
    # the Tlaxcalans put on the Aztec side they fought against. On 7fb5cb0~1 the two readings
    # disagreed and nothing was split. A reader splits Spanish Empire, Tlaxcala | Aztec Empire
    # (or, with the enemy unechoed, leaves it unsplit); never Tlaxcala with the Aztecs.
    lead = (
        "It was fought between the Spanish and Tlaxcalan forces under Hernán Cortés and the army "
        "of the Triple Alliance."
    )
    names = ["Spanish Empire", "Tlaxcala", "Aztec Empire"]
    assert split_by_lead(names, [lead]) in (None, 2)
    rec = _record(_firefox(" Spanish Empire\n Tlaxcala\n Aztec Empire", lead), fmt="plaintext")
    for side in _side_names(rec):
        assert not ("Tlaxcala" in side and "Aztec Empire" in side), _side_names(rec)
    # The same shape, a naval battle of the Third Anglo-Dutch War: Kingdom of England, Kingdom
    # of France | Dutch Republic, the Dutch named by their state ("the navy of the United
    # Provinces"): read at "English and French" it puts France with the Dutch (1). A reader
    # splits England, France | Dutch Republic.
    lead = (
        "The Battle of Texel took place on 21 August 1673 between the combined English and "
        "French fleets and the navy of the United Provinces under Michiel de Ruyter."
    )
    names = ["Kingdom of England", "Kingdom of France", "Dutch Republic"]
    assert split_by_lead(names, [lead]) in (None, 2)


# ------------------------------- split_by_lead: "their Choctaw allies" names the allies it has


def test_allies_the_sentence_names_do_not_take_the_unplaced_names():
    # One list of belligerents (Firefox): United States, Choctaw | United Kingdom, Spain, Red
    # Sticks (the British and the Spanish at Pensacola sheltered the Red Sticks). The lead:
    # "United States forces and their Choctaw allies under Andrew Jackson attacked the Red
    # Sticks and the British garrison at Pensacola." The rule is for allies "the sentence does
    # not name" (Horseshoe Bend's "their Native American allies"), but _UNNAMED_ALLIES matches
    # "their Choctaw allies" -- allies the sentence names and a name echoes. So the United
    # States side takes every unplaced name between Choctaw and the Red Sticks: United States,
    # Choctaw, United Kingdom, Spain | Red Sticks -- the British and the Spanish on the American
    # side. On 7fb5cb0~1: no split. A reader splits United States, Choctaw | United Kingdom,
    # Spain, Red Sticks; with the British unechoed, no split is the safe answer.
    lead = (
        "On 7 November 1814, United States forces and their Choctaw allies under Andrew Jackson "
        "attacked the Red Sticks and the British garrison at Pensacola."
    )
    names = ["United States", "Choctaw", "United Kingdom", "Spain", "Red Sticks"]
    assert split_by_lead(names, [lead]) in (None, 2)
    rec = _record(
        _firefox(" United States\n Choctaw\n United Kingdom\n Spain\n Red Sticks", lead),
        fmt="plaintext",
    )
    for side in _side_names(rec):
        assert not ("United States" in side and "United Kingdom" in side), _side_names(rec)


# ------------- split_by_lead: the second party cut at its first comma loses its own list of peoples


def test_a_list_of_peoples_in_the_second_party_is_not_cut_at_its_first_comma():
    # Battle of Minden shape, one list of belligerents (Firefox): Kingdom of Great Britain,
    # Electorate of Hanover | Kingdom of France, Electorate of Saxony. The lead: "An allied army
    # of British, Hanoverian and Prussian troops under Ferdinand of Brunswick defeated an army
    # of Saxon, French and Swiss troops under Marshal Contades." The new first-comma cut
    # (meant for "…, resulting in a victory for the Patriots") also cuts the second party's own
    # list of peoples: only "an army of Saxon" is left, France is unplaced, and the
    # spare-peoples tie-break (Prussian, echoed by no name) hands it to the allied side: Great
    # Britain, Hanover, France | Saxony. On 7fb5cb0~1: 2, the right split. A reader: Great
    # Britain, Hanover | France, Saxony.
    lead = (
        "An allied army of British, Hanoverian and Prussian troops under Ferdinand of Brunswick "
        "defeated an army of Saxon, French and Swiss troops under Marshal Contades."
    )
    names = ["Kingdom of Great Britain", "Electorate of Hanover", "Kingdom of France",
             "Electorate of Saxony"]  # fmt: skip
    assert split_by_lead(names, [lead]) in (None, 2)


# ------------------------------------ _others_of_a_part: "40 others …, most of them worshippers"


def test_others_that_the_sentence_says_are_not_of_the_part_stay_the_events():
    # "Two policemen were also killed and 40 others were injured, most of them worshippers."
    # The 40 injured are the attack's injured -- "most of them worshippers" says they are not
    # policemen. _others_of_a_part marks "40 others" a part (more policemen) because the figure
    # before it is a part ("also killed"), so the page, whose box gives no injured, loses its
    # only injury figure: injuries None. On 7fb5cb0~1: 40. A reader: 40 injured.
    lead = (
        "A suicide bomber struck the mosque during Friday prayers, killing 27 worshippers. Two "
        "policemen were also killed and 40 others were injured, most of them worshippers."
    )
    rec = _record(_massacre("29", lead))
    assert _q(rec["event"], "injuries") == (40, 40, 40)


# ------------------- _NAVBOX_TITLE: a row's own value that reads "… in the …" leaves the row


def test_a_perpetrator_named_in_the_something_is_no_navbox_title():
    # A Chrome copy: the perpetrators' row lists two groups, the second "Al-Qaeda in the
    # Islamic Maghreb"; a campaign box's title and its one-line list follow (no v/t/e links).
    # The list pops the title lines off the row -- and keeps popping: "Al-Qaeda in the Islamic
    # Maghreb" matches _NAVBOX_TITLE ("… in the …", no digit), so the group leaves the row and
    # the event names Al-Mourabitoun alone. With the v/t/e links the same row keeps both. A
    # reader: both groups are perpetrators. (On 7fb5cb0~1 the title lines were perpetrators
    # too -- the fault the change fixed; now the row loses a real value instead.)
    rows = (
        "Deaths\t25\nPerpetrators\tAl-Mourabitoun\nAl-Qaeda in the Islamic Maghreb\n"
        "Jihadist insurgency in the Sahel\nAttacks with 20+ deaths in bold:\n"
        "Ouagadougou (2016) – Bamako hotel – Grand-Bassam – Ouagadougou (2018) – Inata – Solhan"
    )
    rec = _chrome(rows, "The bombing killed 25 people.[1]")
    assert _perps(rec) == ["Al-Mourabitoun", "Al-Qaeda in the Islamic Maghreb"]


# ---------------------- _COMPARED_EVENT_TOLL: "that" is also the complement of a reporting verb


def test_confirmed_that_after_an_earlier_event_is_the_pages_own_toll():
    # "…the deadliest attack in the country since the 2013 Westgate shopping mall attack and
    # confirmed that 22 people had been killed." The "that" is the complement of "confirmed":
    # 22 is this attack's toll. The new "\s+that" branch of _COMPARED_EVENT_TOLL reads it as
    # "the Westgate attack that [claimed] 22", the other event's toll, and the page (no toll in
    # its box) is left with no deaths. On 7fb5cb0~1: 22. A reader: 22 killed.
    lead = (
        "Officials described it as the deadliest attack in the country since the 2013 Westgate "
        "shopping mall attack and confirmed that 22 people had been killed."
    )
    rec = _record(_massacre("", lead))
    assert _q(rec["event"]) == (22, 22, 22)


# --------------------------- _RIVAL_COUNT: "confirmed" does not make an episode a rival count


def test_an_episode_the_police_confirmed_is_still_an_episode():
    # The École Polytechnique shape (test_a_smaller_lead_figure_beside_the_repeated_toll_is_an_
    # episode) with "Investigators later confirmed that he shot all nine women in the room,
    # killing six." The sentence tells an episode of the 14 murders; it gives no count as a
    # count. _RIVAL_COUNT's "confirm\w*" makes the six a rival of the toll: deaths (6, None,
    # 14) and a CONTRADICTION. On 7fb5cb0~1: 14. A reader: 14 women killed (15 with the
    # gunman, as the box says).
    lead = (
        "Fourteen women were murdered. Investigators later confirmed that he shot all nine women "
        "in the room, killing six. He then moved through the corridors and killed fourteen women "
        "in less than twenty minutes."
    )
    rec = _record(_massacre("15 (including the perpetrator)", lead))
    assert _q(rec["event"]) == (14, 14, 14)
    assert "CONTRADICTION" not in _codes(rec)


# -------------------------- _ONLY_PERPETRATORS: "2 (both perpetrators)" -- its own docstring case


def test_a_toll_of_both_perpetrators_leaves_no_victim():
    # Curtis Culwell Center attack (Garland, Texas, 2015): "Deaths 2 (both perpetrators)"; the
    # two gunmen were shot dead, nobody else died. _ONLY_PERPETRATORS' comment names "2 (both
    # attackers)" as a case it covers, but the statement reader gives "2" with no party (the
    # "both" bracket is not read as perpetrators), so _victims_first never sees it: deaths 2.
    # "1 (the perpetrator)" gives 0. (7fb5cb0~1 gave 2 as well: the new rule misses the case
    # its own comment claims.) A reader: no victim died, 0.
    lead = (
        "Two gunmen opened fire on the exhibition and wounded a security guard before they were "
        "shot dead by police."
    )
    for box in ("2 (both perpetrators)", "2 (both attackers)"):
        rec = _record(_massacre(box, lead))
        assert _q(rec["event"]) == (0, 0, 0), box


# ------------------- _TWO_SPELLS: a slash between an Old Style and a New Style date is one day


def test_a_dual_old_style_new_style_date_is_one_day_not_a_span():
    # Dates of the Russian Empire (and Sweden before 1753) are often written with both
    # calendars, Old Style / New Style: "27 June / 8 July 1709" (Poltava), "25 October / 7
    # November 1917" (the October Revolution). That is one day, the two calendars 11 (1700s)
    # or 13 (1900s) days apart. The new slash branch of _TWO_SPELLS reads it as two spells and
    # spans the dates: 1709-06-27 .. 1709-07-08. On 7fb5cb0~1: 1709-07-08 (the New Style day).
    # A reader: one day, 8 July 1709 (N.S.); never a twelve-day span.
    v = parse_date("27 June / 8 July 1709")
    assert v.start == v.end or v.end is None, (v.start, v.end)
    v = parse_date("25 October / 7 November 1917")
    assert v.start == v.end or v.end is None, (v.start, v.end)
