"""Review of the session-20 change (git diff 8d354ff HEAD): counter-examples to its new rules.

Each test is a realistic page shape on which the changed code gives a wrong answer; the comment
says what a careful human reader would extract and why."""

from __future__ import annotations

from eventledger.extract.prose_sides import split_by_lead
from eventledger.normalise.actors import split_actors

from .test_probe15_shapes import _perps, _q, _record
from .test_probe17_shapes import _FIREFOX_ALLIANCES
from .test_probe17_shapes import _attack as _massacre
from .test_probe20_shapes import _firefox, _side_names


def _bombing(lead: str, fatalities: str = "12") -> str:
    """An attack whose infobox names no perpetrator: the lead's sentences are read for one."""
    return (
        "{{Infobox civilian attack\n| title = The bombing\n| location = Kabul, Afghanistan\n"
        f"| date = 20 January 2018\n| fatalities = {fatalities}\n}}}}\n"
        f"The '''bombing''' took place in Kabul on 20 January 2018. {lead}\n"
    )


def _hijacking(lead: str) -> str:
    return (
        "{{Infobox aircraft occurrence\n| name = Flight 139\n| date = 27 June 1976\n"
        "| occurrence_type = Hijacking\n| site = Entebbe, Uganda\n| total_fatalities = 4\n}}\n"
        f"'''Flight 139''' was a passenger flight from Tel Aviv to Paris. {lead}\n"
    )


# ------------------------------------ _PERPETRATED_BY: any words now allowed between verb and "by"


def test_a_visit_by_a_head_of_state_names_no_perpetrator():
    # "attacked during a state visit by President Barack Obama": Obama is the visitor, the
    # agent of "visit", not of "attacked". A reader names no perpetrator from this sentence.
    # The widened gap (up to 100 characters of anything between the verb and "by", for every
    # attack verb, not only "shot down") makes the visitor the perpetrator. (Before: [].)
    rec = _record(
        _bombing(
            "The hotel was attacked during a state visit by President Barack Obama, "
            "killing twelve people."
        )
    )
    assert _perps(rec) == []


def test_the_agent_of_the_act_the_attack_avenged_is_no_perpetrator():
    # "carried out in retaliation for the assassination of Ahmed Yassin by Israel": Israel
    # assassinated Yassin; the bombing was carried out *against* Israel. A reader names no
    # perpetrator here (and certainly not Israel). The gap now runs past "in retaliation for
    # the assassination of …" to its "by". (Before: [].)
    rec = _record(
        _bombing(
            "The bombing was carried out in retaliation for the assassination of Ahmed Yassin "
            "by Israel."
        )
    )
    assert "Israel" not in _perps(rec)
    rec = _record(
        _bombing(
            "The attack was planned as revenge for the killing of Osama bin Laden by United "
            "States Navy SEALs."
        )
    )
    assert _perps(rec) == []


def test_the_agent_of_a_later_relative_clause_is_no_hijacker():
    # "hijacked … and flown to Entebbe, where it was met by Idi Amin": Amin received the
    # aircraft; he did not hijack it. The gap crosses the relative clause ("where it was met")
    # because only "<participle> by" right before "by" is refused and "met" is not in that
    # list. A reader names no hijacker from this sentence. (Before: [].)
    rec = _record(
        _hijacking(
            "On 27 June 1976 the aircraft was hijacked shortly after take-off from Athens and "
            "flown to Entebbe, where it was met by Idi Amin."
        )
    )
    assert _perps(rec) == []


def test_people_of_a_descent_are_not_the_descent():
    # "carried out by two Americans of Pakistani descent": the new "<Demonym>s of <Capital>"
    # unit prefix ("four armed Palestinians of the Abu Nidal Organization") also eats
    # "Americans of", leaving "Pakistani descent" as the perpetrator -- an ancestry, no actor.
    # A reader names the two Americans (the old output, "two Americans of Pakistani descent").
    for lead, people in (
        ("The attack was carried out by two Americans of Pakistani descent.", "Americans"),
        ("The attack was perpetrated by three Belgians of Moroccan descent.", "Belgians"),
    ):
        names = _perps(_record(_bombing(lead)))
        assert names and all(people in n for n in names), (lead, names)


def test_an_inquiry_commissioned_into_the_killings_is_no_order_of_them():
    # "A public inquiry into the killings was commissioned by the Government of Ireland":
    # the government commissioned the inquiry, not the killings. The new "ordered /
    # commissioned / sponsored by" branch only looks at the noun right before "was", so
    # "… into the killings was commissioned by" reads as "the killings were commissioned by".
    # A reader names no perpetrator. (Before: [].)
    rec = _record(
        _bombing(
            "A public inquiry into the killings was commissioned by the Government of Ireland "
            "in 2002."
        )
    )
    assert _perps(rec) == []
    rec = _record(_bombing("A documentary about the attack was commissioned by the BBC."))
    assert _perps(rec) == []


# -------------------------------------------- normalise/actors.py: clauses, quotes, leaders


def test_a_relative_clause_after_the_perpetrator_leaves_no_pronoun_actor():
    # "Mohammed Merah, who was killed by police": one perpetrator, Merah. The new verb-clause
    # cut keeps what stands before "was" as a name, so the relative pronoun "who" (and "the
    # attack" of "the attack was claimed by …") becomes a perpetrator of its own.
    rec = _record(
        _massacre("7", "Seven people were shot.", "Mohammed Merah, who was killed by police")
    )
    assert _perps(rec) == ["Mohammed Merah"]
    names = [a.name for a in split_actors("Two gunmen, both of whom were killed")]
    assert names == ["Two gunmen"]


def test_two_leaders_in_brackets_are_two_actors():
    # "Black September (led by Ali Hassan Salameh and Abu Daoud)": two leaders, two people.
    # The new leader rule takes the whole bracket as one actor, "Ali Hassan Salameh and Abu
    # Daoud", a person who does not exist (the list outside brackets is split on "and").
    names = [
        a.name for a in split_actors("Black September (led by Ali Hassan Salameh and Abu Daoud)")
    ]
    assert names == ["Black September", "Ali Hassan Salameh", "Abu Daoud"]


def test_a_leaders_description_in_brackets_is_not_his_name():
    # "(led by Ali Hassan Salameh, the group's operations chief)": the leader is Salameh;
    # "the group's operations chief" describes him. The new rule keeps the apposition in the
    # actor's name ("Ali Hassan Salameh, the group's operations chief").
    actors = split_actors(
        "Black September (led by Ali Hassan Salameh, the group's operations chief)"
    )
    assert [a.name for a in actors] == ["Black September", "Ali Hassan Salameh"]


def test_a_quoted_name_after_a_doubt_label_loses_its_quotes_too():
    # 'Suspected: "Black Hand"': the group is Black Hand, suspected. The new quote rule
    # unquotes '"Black Hand"' and '"Black Hand" (suspected)' but not the same name after a
    # "Suspected:"/"Alleged:" label, so one group gets two spellings across pages.
    assert [a.name for a in split_actors('"Black Hand" (suspected)')] == ["Black Hand"]
    assert [a.name for a in split_actors('Suspected: "Black Hand"')] == ["Black Hand"]
    assert [a.name for a in split_actors('Alleged: "Black Hand"')] == ["Black Hand"]


# ------------------------------------------ assemble.py: _episodes_of_a_repeated_toll


def test_an_official_lower_count_is_a_rival_not_an_episode():
    # The lead repeats the box's 14 and adds "the government acknowledged only nine deaths":
    # nine is the official, lower count of the same dead (a rival estimate), not an episode
    # of the fourteen. A reader records the toll as disputed, 9-14. The new rule drops the nine
    # because its sentence names no source the code knows ("the government acknowledged" is
    # not a claiming sentence) and returns an exact 14. (Before: low 9, high 14.)
    lead = (
        "The death toll is disputed: fourteen people were killed by most counts, but the "
        "government acknowledged only nine deaths."
    )
    rec = _record(_massacre("14", lead))
    assert _q(rec["event"])[0] == 9
    lead = "Fourteen people were killed. The official death toll was nine."
    assert _q(_record(_massacre("14", lead))["event"])[0] == 9


# ----------------------------------------------------- prose_sides.split_by_lead: wrong splits


def test_a_place_the_enemy_invaded_does_not_join_the_enemys_side():
    # Belligerents (one list, Firefox): Great Britain, Hanover | France. The lead: "A French
    # army …, which had overrun much of Hanover, was defeated by a British army". Hanover is
    # the country the French had overrun -- Britain's ally. split_by_lead reads "Hanover"
    # before "defeated" as the French side and splits Great Britain | Hanover, France: a wrong
    # split, worse than none. A reader puts Hanover with Great Britain (or leaves it unsplit).
    lead = (
        "A French army under the duc de Broglie, which had overrun much of Hanover, was "
        "defeated by a British army under the Marquess of Granby."
    )
    assert split_by_lead(["Great Britain", "Hanover", "France"], [lead]) in (None, 2)
    rec = _record(_firefox(" Great Britain\n Hanover\n France", lead), fmt="plaintext")
    for names in _side_names(rec):
        assert not ("Hanover" in names and "France" in names), _side_names(rec)


def test_an_unechoed_enemy_is_not_given_to_the_side_that_lists_spare_peoples():
    # Blenheim, one list of belligerents (a copy without the alliance labels): Holy Roman
    # Empire, England, Dutch Republic | Kingdom of France, Electorate of Bavaria. The lead:
    # "An allied army of English, Dutch, Danish and Austrian troops … defeated a
    # Franco-Bavarian army". "Franco-Bavarian" echoes no name, so France and Bavaria are both
    # unplaced; the spare-peoples tie-break (Danish, Austrian) hands *every* unplaced name up
    # to the last to the allied side, putting the Kingdom of France in the Grand Alliance.
    # A reader puts France with Bavaria; with the enemy unechoed, no split is the safe answer.
    lead = (
        "An allied army of English, Dutch, Danish and Austrian troops under the Duke of "
        "Marlborough and Prince Eugene of Savoy defeated a Franco-Bavarian army under Marshal "
        "Tallard."
    )
    text = _FIREFOX_ALLIANCES.replace("Grand Alliance:\n", "").replace("Bourbon alliance:\n", "")
    i = text.index("The allied")
    j = text.index("taken prisoner.") + len("taken prisoner.")
    rec = _record(text[:i] + lead + text[j:], fmt="plaintext", name="Battle_of_Blenheim")
    for names in _side_names(rec):
        assert not ("England" in names and "Kingdom of France" in names), _side_names(rec)


def test_split_by_lead_is_not_quadratic_in_a_long_lead_sentence(monkeypatch):
    # A lead "sentence" of ~100 KB with many opposing words (a copy whose lead lost its full
    # stops, or a long list): split_by_lead sliced the sentence before and after every
    # opposing word and re-scanned both halves for every name -- quadratic (the reviewer
    # measured the whole page at ~15 s, 200 KB at ~60 s in split_by_lead alone). The
    # characters it reads must not grow with the sentence (no timed assertion: the machine's
    # speed is no part of the test).
    from eventledger.extract import prose_sides

    read: list[int] = []
    echoes = prose_sides._echoes

    def counting(name: str, words: set[str], segment: str) -> bool:
        read.append(len(segment))
        return echoes(name, words, segment)

    monkeypatch.setattr(prose_sides, "_echoes", counting)
    totals = []
    for n in (200, 2000):
        read.clear()
        lead = "Frederick the Great" + " and the Prussian army fought against the French army" * n
        split_by_lead(["Prussia", "France", "Holy Roman Empire"], [lead + "."])
        totals.append(sum(read))
    assert totals[1] <= totals[0] * 1.1, totals
