"""Event dates the lead does not give: a lead end for a year-only start, the narrative's
opening and ending days, and a day range whose dash was lost in rendering."""

from __future__ import annotations

from typing import Any

import pytest

from eventledger.extract.statements import relative_days
from eventledger.normalise.dates import find_dates
from eventledger.pipeline import parse_text


def _date(md: str) -> dict[str, Any]:
    (rec,) = parse_text(md, name="page.md", format="prose")
    d = rec["event"]["date"] or {}
    return {k: d.get(k) for k in ("start", "end", "precision", "date_prec")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The fall occurred between 410 June 2014, when", [("2014-06-04", "2014-06-10")]),
        ("fighting from 1015 February 2023 on", [("2023-02-10", "2023-02-15")]),
        ("between 1231 March 2015", [("2015-03-12", "2015-03-31")]),
        # not after between/from; a year-like number; two splits in order; a count
        ("In 410 June 2014 the town", [("0410", None), ("2014-06", None)]),
        ("from 2021 May to June 2022", [("2021", None), ("2022-05", "2022-06")]),
        ("between 410 and 500 men", []),  # a count of men, no years
        ("limited to 160 km/h on", []),  # a measure
        ("about 1500 soldiers were", []),  # a count
        ("In 1945 soldiers returned", [("1945", None)]),  # a year: "In" is a time cue
        ("By 1943 troops had left", [("1943", None)]),
        ("between 1000 and 2000 km", []),
        ("between 410 and 500, the Goths", [("0410", "0500")]),
        ("from 3110 June 2014", [("3110", None), ("2014-06", None)]),
    ],
)
def test_lost_dash_between_days(text: str, found: list[tuple[str, str | None]]) -> None:
    assert [(d.start, d.end) for d in find_dates(text)] == found


BROVARY = """---
subject: Battle of Brovary
---

The **Battle of Brovary** was a military engagement during the Kyiv offensive of the 2022
Russian invasion of Ukraine for control of the suburb of Brovary. Russian forces advanced
west and were engaged by Ukrainian forces. Control of the suburb was contested until Russian
forces withdrew on 2 April 2022.

## Background

On 24 February 2022, Russia invaded Ukraine.

## March

On the evening of 9 March 2022, a column of Russian armored vehicles advanced into Brovary.

## Aftermath

On 2 April 2022 the whole oblast was declared free.
"""

RAS = """---
subject: Battle of Ras al-Ayn (2019)
---

The Second Battle of Ras al-Ayn occurred during the 2019 Turkish offensive into Syria. The
battle resulted in the capture of Ras al-Ayn by Turkish forces on 20 October, and the
incorporation of the town.

## Background

The offensive was announced on 6 October 2019.

## Initial advances

Turkish forces crossed into Syria, moving close to Ras al-Ayn on 9 October.

## Siege

On 17 October, Turkish forces besieged the town.
"""

SIEGE = """---
subject: Siege of Wadi Deif (2012–2013)
---

The siege of Wadi Deif refers to the siege of two army bases by rebel forces, starting on 11
October 2012.

## First attacks

On 14 October, rebels attacked the base.

## Winter

On 25 December, rebels launched another attack. On 7 February, fighting went on since 9
October.

## Siege broken

On 14 April, the rebel siege of the bases had been broken with government troops securing
two hilltops.
"""

# the narrative opens with no opening verb: no start is taken from it
NO_OPENING = BROVARY.replace("a column of Russian armored vehicles advanced into", "six died in")
# a precursor in a Background section is not the start, and an opening after the lead's
# end is refused
OUTSIDE = RAS.replace("on 9 October.", "on 21 October.")
# an offensive's narrative "recaptured <title place>" does not end it
OFFENSIVE = """---
subject: 2016 Khanasir offensive
---

The 2016 Khanasir offensive was a military operation conducted by ISIL.

## The offensive

At 10 p.m. on 21 February, the offensive was launched by ISIL.
On 25 February, the Tiger Forces recaptured Khanasir.
"""
# a title of several battles has no one narrative span
SERIES = BROVARY.replace("subject: Battle of Brovary", "subject: Battles of Brovary")


@pytest.mark.parametrize(
    ("md", "start", "end", "precision", "date_prec"),
    [
        (BROVARY, "2022-03-09", "2022-04-02", "day", 4),
        (RAS, "2019-10-09", "2019-10-20", "day", 4),
        (SIEGE, "2012-10-11", "2013-04-14", "day", 5),
        (NO_OPENING, "2022", "2022-04-02", "year", 5),
        (OUTSIDE, "2019", "2019-10-20", "year", 5),
        (OFFENSIVE, "2016-02-21", None, "day", 5),
        (SERIES, "2022", None, "year", 5),
    ],
)
def test_narrative_and_lead_end_dates(
    md: str, start: str, end: str | None, precision: str, date_prec: int
) -> None:
    assert _date(md) == {
        "start": start,
        "end": end,
        "precision": precision,
        "date_prec": date_prec,
    }


# the lead gives no date at all: the first narrative day that opens the event starts it (a
# day without a year takes the lead's year); "lost power from 2 March 2022" opens nothing
NO_LEAD_DATE = """---
subject: Battle of Huliaipole
---

The **Battle of Huliaipole** is an ongoing military conflict over the city of Huliaipole.

In May 2022, the Russian forces began an intensive shelling of Huliaipole.

## March 2022

Huliaipole lost power and water from 2 March 2022.
On 5 March, Russian forces briefly entered Huliaipole.
"""
# no year in the title or the lead: the Background's full date lends its year, walked on
BACKGROUND_YEAR = """---
subject: Battle of Dovhenke
---

The **Battle of Dovhenke** was a military engagement in the village of Dovhenke.

## Background

On 24 February 2022, Russia invaded Ukraine. On 1 April, Izium was under Russian control.

## First battle

On 11 April, Russian forces launched an attack against Dovhenke.
"""
# no year written anywhere before the narrative day: no date
NO_YEAR = BACKGROUND_YEAR.replace("On 24 February 2022, Russia", "Russia")
# no opening verb in the first narrative section: no date
NO_OPENING_DAY = NO_LEAD_DATE.replace("briefly entered", "shelled")
# a title's range of years: a lead range inside the first year is a phase, not the span
TITLE_RANGE = """---
subject: Battle of Marinka (2022–2023)
---

The **Battle of Marinka** is an ongoing battle in the city of Marinka. Shelling of the town
intensified between 17 February and 22 February 2022, and fighting began on 17 March.
"""
# a counteroffensive is a lasting event: an end in a later lead paragraph ("liberated the city
# of <title place>"), a start month it was launched in with no end: date_prec 5
COUNTER = """---
subject: 2022 Kherson counteroffensive
---

A military counteroffensive was launched by Ukraine on 29 August 2022 to expel Russian forces.

Military analysts consider the counteroffensive to be the third phase of the war.

On 9 November, Russian troops were ordered to withdraw from Kherson. Ukrainian forces
liberated the city of Kherson two days later, on 11 November.

## August

On 29 August, Ukraine announced the counteroffensive.
"""
COUNTER_MONTH = """---
subject: 2023 Ukrainian counteroffensive
---

In early June 2023, during the Russian invasion of Ukraine, Ukraine launched a
counteroffensive against Russian forces.

## Southern front

Starting on June 3, a brigade engaged in a slow offensive action.
"""
# "fought in <month>": no opening verb, the month stands (4)
FOUGHT_MONTH = COUNTER_MONTH.replace(
    "In early June 2023, during the Russian invasion of Ukraine, Ukraine launched a\n"
    "counteroffensive against Russian forces.",
    "In early June 2023, the counteroffensive was fought near Orikhiv.",
)


@pytest.mark.parametrize(
    ("md", "start", "end", "precision", "date_prec"),
    [
        (NO_LEAD_DATE, "2022-03-05", None, "day", 5),
        (BACKGROUND_YEAR, "2022-04-11", None, "day", 5),
        (NO_YEAR, None, None, None, None),
        (NO_OPENING_DAY, None, None, None, None),
        (TITLE_RANGE, "2022-02-17", None, "day", 5),
        (COUNTER, "2022-08-29", "2022-11-11", "day", 5),
        (COUNTER_MONTH, "2023-06", None, "month", 5),
        (FOUGHT_MONTH, "2023-06", None, "month", 4),
    ],
)
def test_dates_without_a_lead_day(
    md: str, start: str | None, end: str | None, precision: str | None, date_prec: int | None
) -> None:
    assert _date(md) == {
        "start": start,
        "end": end,
        "precision": precision,
        "date_prec": date_prec,
    }


# the narrative's end words: the fighting or the withdrawal ended, the title's place
# liberated, the attacker driven from it, "full control of the city" in a dateless sentence
# that opens "That evening" (the day of the sentence before)
FIGHTING_ENDED = """---
subject: Battle of Balakliia
---

The **Battle of Balakliia** was the first battle of a counteroffensive that began on
September 6, 2022.

## Battle

On September 6, Ukrainian forces launched an offensive towards Balakliia.
Fighting ended on September 8, with Ukrainian forces liberating all of Balakliia.
"""
WITHDRAWAL_ENDED = """---
subject: Battle of Romny
---

The **Battle of Romny** was a series of engagements in Romny which began on 24 February 2022.

## Battle

On 26 February, a convoy was bombed near the town.

## Russian withdrawal

Russian forces began to withdraw from the raion on April 1. The withdrawal ended on April 4.
"""
DROVE_FROM = """---
subject: Battle of Dovhenke
---

The **Battle of Dovhenke** was a military engagement in the village of Dovhenke.

## Background

On 24 February 2022, Russia invaded Ukraine.

## Battle

On 11 April, Russian forces launched an attack against Dovhenke.
Fighting stagnated until September 6th, when a counteroffensive drove Russia from Dovhenke.
"""
THAT_EVENING = """---
subject: First Battle of Kreminna
---

The **First Battle of Kreminna** was a military engagement over the city of Kreminna.

## Battle

On 18 April 2022, Russian forces entered Kreminna, where street fights began.
Russian forces later captured the city hall on the 19 April. That evening, the governor
reported that the remaining Ukrainian troops withdrew, giving Russian troops full control of
the city.
"""
# not ends: the fighting ended somewhere else (no "on/by" date right after), another place
# liberated or driven from, full control of the city hall; a sentence with its own date ends
# the event at that date, not the day before
ENDED_ELSEWHERE = FIGHTING_ENDED.replace(
    "Fighting ended on September 8, with Ukrainian forces liberating all of Balakliia.",
    "Fighting ended in Shevchenkove on September 8, with Ukrainian forces liberating Savyntsi.",
)
DROVE_ELSEWHERE = DROVE_FROM.replace("drove Russia from Dovhenke", "drove Russia from Izium")
CITY_HALL = THAT_EVENING.replace("full control of\nthe city.", "full control of\nthe city hall.")
NEXT_SENTENCE_DATED = THAT_EVENING.replace("That evening, the", "On 2 May, the")


@pytest.mark.parametrize(
    ("md", "start", "end", "date_prec"),
    [
        (FIGHTING_ENDED, "2022-09-06", "2022-09-08", 2),
        (WITHDRAWAL_ENDED, "2022-02-24", "2022-04-04", 5),
        (DROVE_FROM, "2022-04-11", "2022-09-06", 5),
        (THAT_EVENING, "2022-04-18", "2022-04-19", 2),
        (ENDED_ELSEWHERE, "2022-09-06", None, 5),
        (DROVE_ELSEWHERE, "2022-04-11", None, 5),
        (CITY_HALL, "2022-04-18", None, 5),
        (NEXT_SENTENCE_DATED, "2022-04-18", "2022-05-02", 4),
    ],
)
def test_narrative_end_words(md: str, start: str, end: str | None, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["date_prec"]) == (start, end, date_prec)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On 24 June 2022, units retreated and the next day the city fell.", ["2022-06-25"]),
        ("On 9 November, troops withdrew; two days later, the city was free.", ["2022-11-11"]),
        ("On 31 December 2022, it began; the following day it ended.", ["2023-01-01"]),
        ("On 28 February, a column arrived; a day later it left.", ["2022-03-01"]),
        # no exact single day before the phrase: nothing counted
        ("In June 2022, units retreated and the next day the city fell.", []),
        ("The next day, on 5 May, it ended.", []),
        ("Between 3 and 5 May, it raged; the next day it ended.", ["2022-05-06"]),
    ],
)
def test_relative_days(text: str, found: list[str]) -> None:
    assert [d.start for d in relative_days(text, "2022")] == found


# the narrative gives the start day; the lead's ending sentence counts its end from a day
# ("the next day … fully captured <title place>"); a lead whose first paragraph has no date
# at all takes a later paragraph's day that opens its sentence and the event ("On 24 February
# 2022, … made an air assault on …"), a start only: date_prec 5
NEXT_DAY_END = """---
subject: Battle of Sievierodonetsk
---

The **Battle of Sievierodonetsk** was a military engagement during the Russian invasion.

By 14 June 2022, Russian forces had gained control of most of the city. On 24 June 2022,
Ukrainian units were ordered to retreat from the city and the next day Russian forces fully
captured Sievierodonetsk.

## Battle

On 6 May, Russian forces attacked the outskirts of the city.
"""
# the order to retreat is no end: without the capture, no end
ORDER_ONLY = NEXT_DAY_END.replace(
    " and the next day Russian forces fully\ncaptured Sievierodonetsk.", "."
)
LATER_PARAGRAPH_DAY = """---
subject: Battle of Antonov Airport
---

The **Battle of Antonov Airport** was a military engagement at the Antonov Airport.

On 24 February 2022, a few hours after the announcement, Russian troops made an air assault
on Antonov Airport. The attack resumed on the next day.

## Background

The airport is near Kyiv.
"""
# a later paragraph's day that opens no event (a report), or a first paragraph with a date
LATER_REPORT = LATER_PARAGRAPH_DAY.replace("made an air assault\non", "reported damage at")
FIRST_DATED = LATER_PARAGRAPH_DAY.replace(
    "at the Antonov Airport.", "at the Antonov Airport in 2022."
)


@pytest.mark.parametrize(
    ("md", "start", "end", "date_prec"),
    [
        (NEXT_DAY_END, "2022-05-06", "2022-06-25", 5),
        (ORDER_ONLY, "2022-05-06", None, 5),
        (LATER_PARAGRAPH_DAY, "2022-02-24", None, 5),
        (LATER_REPORT, None, None, None),
        (FIRST_DATED, "2022", None, 5),
    ],
)
def test_counted_end_and_later_paragraph_start(
    md: str, start: str | None, end: str | None, date_prec: int | None
) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["date_prec"]) == (start, end, date_prec)


# a battle lead whose only day is the capture of the title's place: the end; the first
# narrative section's opening day before it, the start
CAPTURE_ONLY = """---
subject: Battle of Pisky
---

The **Battle of Pisky** was a series of engagements for control of the town of Pisky. Russian
and separatist forces fully captured Pisky on 24 August 2022.

## Background

Pisky was a frontline settlement.

## Battle

Russian and DPR separatist forces launched an assault on Pisky on 28 July.
"""
# no opening verb in the narrative's first dated sentence, another place captured, an
# offensive title (its place may change hands on the way): the capture day stays the date
NO_OPENING = CAPTURE_ONLY.replace("launched an assault on", "shelled")
OTHER_PLACE = CAPTURE_ONLY.replace("fully captured Pisky on", "fully captured Avdiivka on")
OFFENSIVE = CAPTURE_ONLY.replace("subject: Battle of Pisky", "subject: Pisky offensive")


@pytest.mark.parametrize(
    ("md", "start", "end", "date_prec"),
    [
        (CAPTURE_ONLY, "2022-07-28", "2022-08-24", 4),
        (NO_OPENING, "2022-08-24", None, 1),
        (OTHER_PLACE, "2022-08-24", None, 1),
        (OFFENSIVE, "2022-08-24", None, 1),
    ],
)
def test_capture_day_ends_a_battle(md: str, start: str, end: str | None, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["date_prec"]) == (start, end, date_prec)


# a title of many acts: "<its noun> continued up to <day>" in a later lead sentence ends it
CONTINUED = """---
subject: 2022 Chornobaivka attacks
---

The **2022 Chornobaivka attacks** were a series of Ukrainian attacks against the airport at
Chornobaivka, which began on 27 February 2022.

Ukrainian attacks against the Russian army at Chornobaivka continued up to 5 November, four
days before the announced Russian withdrawal.

## Background

Chornobaivka is a town.
"""
# another subject goes on (shelling), or a title that names no acts: no end
OTHER_SUBJECT = CONTINUED.replace("Ukrainian attacks against the Russian army", "Shelling")
NOT_ACTS = CONTINUED.replace("subject: 2022 Chornobaivka attacks", "subject: Chornobaivka")


@pytest.mark.parametrize(
    ("md", "end", "date_prec"),
    [(CONTINUED, "2022-11-05", 5), (OTHER_SUBJECT, None, 1), (NOT_ACTS, None, 1)],
)
def test_acts_continued_until(md: str, end: str | None, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["date_prec"]) == ("2022-02-27", end, date_prec)


# a month start whose lead says the place "was re-captured … in late March": a month end
RETAKEN = """---
subject: Battle of Trostianets
---

The **Battle of Trostianets** was a military engagement during the 2022 Russian invasion of
Ukraine. The city was attacked by Russian forces in late February. Occupied for just over a
month, it was re-captured by Ukrainian forces in late March, with heavy losses.

## Battle

Trostianets was attacked on the first day of the invasion, 24 February.
"""
# captured (not retaken), or retaken in another year's month: no end
CAPTURED = RETAKEN.replace("it was re-captured by", "it was captured by")
NEXT_YEAR = RETAKEN.replace("in late March, with", "in late March 2023, with")


@pytest.mark.parametrize(
    ("md", "end", "precision", "date_prec"),
    [
        (RETAKEN, "2022-03", "month", 5),
        (CAPTURED, None, "day", 4),
        (NEXT_YEAR, None, "day", 4),
    ],
)
def test_place_retaken_in_a_month(md: str, end: str | None, precision: str, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["precision"], got["date_prec"]) == (
        "2022-02-24",
        end,
        precision,
        date_prec,
    )


# "It ended in/with …" opening a later lead sentence ends the event, at a day or a month
IT_ENDED = """---
subject: Battle of Mykolaiv
---

The **Battle of Mykolaiv** started on the night of 26 February 2022, during the invasion. It
ended in Russian forces being repulsed from the city in March, and by April all but a few of
its villages were under Ukrainian control.

## Prelude

Mykolaiv is a port city.
"""
IT_ENDED_DAY = IT_ENDED.replace("from the city in March", "from the city on 18 March")
# "it" not opening the sentence (another subject), or no ending verb: no end
NOT_THE_EVENT = IT_ENDED.replace(" It\nended in", " The shelling, it was said,\nended in")
NO_END_WORD = IT_ENDED.replace(" It\nended in", " It\nresulted in")


@pytest.mark.parametrize(
    ("md", "end", "precision", "date_prec"),
    [
        (IT_ENDED, "2022-03", "month", 5),
        (IT_ENDED_DAY, "2022-03-18", "day", 4),
        (NOT_THE_EVENT, None, "day", 5),
        (NO_END_WORD, None, "day", 5),
    ],
)
def test_it_ended(md: str, end: str | None, precision: str, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["precision"], got["date_prec"]) == (
        "2022-02-26",
        end,
        precision,
        date_prec,
    )


# "approached … before engaging" opens a battle in the narrative like "attacked"
APPROACHED = """---
subject: Battle of Konotop
---

The **Battle of Konotop** was a military engagement around the city of Konotop during the
2022 Russian invasion of Ukraine.

## Battle

On 24 February, a Russian column approached Konotop, before engaging Ukrainian units.
"""
# a report of the day is no opening: the lead's year stands
REPORTED = APPROACHED.replace("approached Konotop, before engaging", "was reported near")


@pytest.mark.parametrize(
    ("md", "start", "precision"),
    [(APPROACHED, "2022-02-24", "day"), (REPORTED, "2022", "year")],
)
def test_approached_opens(md: str, start: str, precision: str) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["precision"], got["date_prec"]) == (
        start,
        None,
        precision,
        5,
    )


def _page(title: str, lead: str, narrative: str) -> str:
    return f"---\nsubject: {title}\n---\n\n{lead}\n\n## Battle\n\n{narrative}\n"


_BEGAN_LEAD = "The **Battle of Kalynivka** was a military engagement. It began on 24 February 2022."


@pytest.mark.parametrize(
    ("md", "end", "date_prec"),
    [
        # the place regained / held: a narrative end
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD,
                "On 2 March, shelling went on. "
                "Ukrainian forces regained control of Kalynivka on April 11.",
            ),
            "2022-04-11",
            5,
        ),
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD,
                "On 2 March, shelling went on. "
                "On 21 March, both ministries stated that Russian forces were in control "
                "of Kalynivka, with Ukraine agreeing.",
            ),
            "2022-03-21",
            4,
        ),
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD,
                "On 2 March, shelling went on. "
                "On 26 March, Russian forces pulled out of Kalynivka.",
            ),
            "2022-03-26",
            4,
        ),
        # a part of the place taken ("Kalynivka cement plant"), another side still in it: no end
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD,
                "On 2 March, shelling went on. "
                "On 27 March, Russian forces took control of Kalynivka cement plant.",
            ),
            None,
            5,
        ),
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD,
                "On 2 March, shelling went on. "
                "On 27 March, Ukrainian forces were still in control of Kalynivka.",
            ),
            None,
            5,
        ),
        # a later lead date about another place does not stop the narrative end
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD + " On March 26, 2022, it was reported "
                "that the stronghold of Trostianets was taken back.",
                "On 2 March, shelling went on. By 26 March, Russian forces withdrew from "
                "Kalynivka.",
            ),
            "2022-03-26",
            4,
        ),
        # … but one that names the title's place does
        (
            _page(
                "Battle of Kalynivka",
                _BEGAN_LEAD + " On March 26, 2022, Kalynivka was shelled again.",
                "On 2 March, shelling went on. By 20 March, Russian forces withdrew from "
                "Kalynivka.",
            ),
            None,
            5,
        ),
    ],
)
def test_control_and_elsewhere_ends(md: str, end: str | None, date_prec: int) -> None:
    got = _date(md)
    assert (got["start"], got["end"], got["date_prec"]) == ("2022-02-24", end, date_prec)


@pytest.mark.parametrize(
    ("lead", "end", "date_prec"),
    [
        # "ceased launching assaults … on <day>" ends a battle the lead says began
        (
            "The **Battle of Kalynivka** was a military engagement that began on 3 July 2022. "
            "Russian forces ceased launching assaults on and around Kalynivka on 28 July, with "
            "a lull in fighting throughout August.",
            "2022-07-28",
            4,
        ),
        # "… began on <day> … they were pushed back over the river by <day>": the same sentence
        (
            "The **Battle of Kalynivka** was a counter-offensive operation. The counter-offensive "
            "began on 27 May 2022 near the village, however they were pushed back over the "
            "river by 16 June 2022.",
            "2022-06-16",
            4,
        ),
        (
            "The **Battle of Kalynivka** was a military engagement that began on 3 July 2022. "
            "Russian forces pushed on towards the river on 28 July.",
            None,
            5,
        ),
    ],
)
def test_ceased_and_pushed_back_end(lead: str, end: str | None, date_prec: int) -> None:
    got = _date(_page("Battle of Kalynivka", lead, "Fighting went on."))
    assert (got["end"], got["date_prec"]) == (end, date_prec)


@pytest.mark.parametrize(
    ("narrative", "start"),
    [
        # the first dated sentence opens nothing; a later one opens the event that day
        (
            "On 30 May 2022, as a result of shelling of the town, a monastery was damaged. "
            "On the evening of 30 May, Russian forces launched a ground attack on the city.",
            "2022-05-30",
        ),
        # a later opening on another day is no start
        (
            "On 30 May 2022, as a result of shelling of the town, a monastery was damaged. "
            "On 2 June, Russian forces launched a ground attack on the city.",
            "2022",
        ),
    ],
)
def test_same_day_narrative_opening(narrative: str, start: str) -> None:
    lead = ("The **Battle of Kalynivka** was a military engagement near the city during the "
            "battle for Donbas in 2022.")  # fmt: skip
    assert _date(_page("Battle of Kalynivka", lead, narrative))["start"] == start
