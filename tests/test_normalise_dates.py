"""Tests for eventledger.normalise.dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventledger.normalise.dates import DateError, find_dates, parse_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "date_prec"),
    [
        ("August 14, 1945 (1945-08-14)", "1945-08-14", None, "day", 1),
        ("14 August 1945", "1945-08-14", None, "day", 1),
        ("14–15 August 1945", "1945-08-14", "1945-08-15", "day", 2),
        ("30 September – 2 October 1620", "1620-09-30", "1620-10-02", "day", 2),
        ("17 September – 7 October 1620", "1620-09-17", "1620-10-07", "day", 4),
        ("August 1945 – May 1946", "1945-08", "1946-05", "month", 5),
        ("1939–1945", "1939", "1945", "year", 5),
        ("c. 1500", "1500", None, "year", 5),
        ("31 BC", "-0031", None, "year", 5),
        ("late May 1274 BC", "-1274-05", None, "month", 4),
        ("2 September 31 BC", "-0031-09-02", None, "day", 1),
        ("September 2, 31 BC", "-0031-09-02", None, "day", 1),
        ("14 October 1066", "1066-10-14", None, "day", 1),
        ("14&nbsp;October 1066", "1066-10-14", None, "day", 1),
        ("June 6 – August 30, 1944", "1944-06-06", "1944-08-30", "day", 5),
        ("19 December 2016; 20:02 CET", "2016-12-19", None, "day", 1),
        ("19 December 1975, first attack 18:15, second attack 21:00", "1975-12-19", None, "day", 1),
        ("Summer 1941", "1941-06", "1941-08", "month", 5),
        ("1740s", "1740", "1749", "decade", 5),
        ("5th century BC", "-0500", "-0401", "century", 5),
        ("5th century", "0401", "0500", "century", 5),
        ("November 15–18, 1812", "1812-11-15", "1812-11-18", "day", 2),
        # "to" as the range word, US order: the left end keeps its day
        ("July 2 to July 26, 1941", "1941-07-02", "1941-07-26", "day", 4),
        ("July 2 to 26, 1941", "1941-07-02", "1941-07-26", "day", 4),
        ("July 2 until August 3, 1941", "1941-07-02", "1941-08-03", "day", 5),
        ("December 1–13, 1937", "1937-12-01", "1937-12-13", "day", 4),
        ("218–201 BC", "-0218", "-0201", "year", 5),
        ("July 552", "0552-07", None, "month", 4),
        ("10 August 955", "0955-08-10", None, "day", 1),
        ("AD 955", "0955", None, "year", 5),
        ("December 2004", "2004-12", None, "month", 4),
        ("16 April\xa0– 2 May 1945", "1945-04-16", "1945-05-02", "day", 4),
        ("22 August 1642 – 3 September 1651", "1642-08-22", "1651-09-03", "day", 5),
        ("April 19, 1775 – September 3, 1783", "1775-04-19", "1783-09-03", "day", 5),
        ("July–August 1944", "1944-07", "1944-08", "month", 5),
        ("between 1939 and 1945", "1939", "1945", "year", 5),
        ("1–7 June 1944", "1944-06-01", "1944-06-07", "day", 3),
        ("around 14 August 1945", "1945-08-14", None, "day", 2),
        # a month, a comma, a year keeps the month
        ("December, 1941", "1941-12", None, "month", 4),
        ("December, 335 BC", "-0335-12", None, "month", 4),
        # lower-cased text: 'may' before a year or a day is the month
        ("may 326 bc", "-0326-05", None, "month", 4),
        ("may 5, 1945", "1945-05-05", None, "day", 1),
        ("may – early november 1430", "1430-05", "1430-11", "month", 5),
        # a decade of fewer than four digits needs its era, and keeps it
        ("300s BC", "-0309", "-0300", "decade", 5),
        # a right year abbreviated to two digits (MOS:DATERANGE)
        ("2010–11", "2010", "2011", "year", 5),
        ("1941–42 (est.)", "1941", "1942", "year", 5),
    ],
)
def test_parse_date(text: str, start: str, end: str | None, precision: str, date_prec: int) -> None:
    v = parse_date(text)
    assert (v.start, v.end, v.precision, v.date_prec) == (start, end, precision, date_prec)
    assert text[v.start_offset : v.end_offset] == v.text


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("August 14, 1945 (1945-08-14)", "August 14, 1945 (1945-08-14)"),
        ("19 December 2016; 20:02 CET", "19 December 2016"),
        ("the 5th century BC", "5th century BC"),
    ],
)
def test_parse_date_text_and_offsets(text: str, matched: str) -> None:
    v = parse_date(text)
    assert v.text == matched
    assert text[v.start_offset : v.end_offset] == matched


@pytest.mark.parametrize("text", ["c. 1500", "circa 1500", "around 1500", "ca. 1500"])
def test_approximate(text: str) -> None:
    assert parse_date(text).approximate is True


def test_not_approximate() -> None:
    assert parse_date("late May 1274 BC").approximate is False


def test_open_range_is_ongoing() -> None:
    v = parse_date("2011–present")
    assert (v.start, v.end, v.ongoing) == ("2011", None, True)


@pytest.mark.parametrize("text", ["Ongoing", "garbage", "", "May", "1,800", "30 February 1945"])
def test_parse_date_errors_quote_input(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("hint", "start", "end", "precision", "date_prec"),
    [
        ({"start": "1945-08-14"}, "1945-08-14", None, "day", 1),
        ({"start": "2016-12-19", "end": None}, "2016-12-19", None, "day", 1),
        ({"start": "1945-08"}, "1945-08", None, "month", 4),
        ({"start": "1939-09-01", "end": "1945-09-02"}, "1939-09-01", "1945-09-02", "day", 5),
        ({"start": "-0031"}, "-0031", None, "year", 5),
    ],
)
def test_hint_wins(hint: dict, start: str, end: str | None, precision: str, date_prec: int) -> None:
    v = parse_date("some text 1066", hint=hint)
    assert (v.start, v.end, v.precision, v.date_prec) == (start, end, precision, date_prec)


@pytest.mark.parametrize("hint", [{"start": "1945-13-01"}, {"start": "soon"}, {"start": "0"}])
def test_bad_hint(hint: dict) -> None:
    with pytest.raises(DateError):
        parse_date("x", hint=hint)


def test_find_dates_in_prose() -> None:
    text = (
        "The Red Army murdered over 1,000 refugees on August 14, 1945, and a group of 1,800 "
        "fled. Okushi, 1996 pp. 163-165. The war lasted from 1939 to 1945. A boy sold for "
        "300 yen in 1946."
    )
    found = [(d.text, d.start, d.end) for d in find_dates(text)]
    assert found == [
        ("August 14, 1945", "1945-08-14", None),
        ("1939 to 1945", "1939", "1945"),
        ("1946", "1946", None),
    ]


def test_find_dates_seed_article() -> None:
    text = (SHARED / "seed" / "Gegenmiao_massacre.txt").read_text(encoding="utf-8")
    found = find_dates(text)
    assert found[0].start == "1945-08-14"
    assert all(text[d.start_offset : d.end_offset] == d.text for d in found)
    # page ranges and counts are not dates
    assert not any(d.text in ("163-165", "158-164", "1,800", "1,000") for d in found)


def _infobox_dates() -> list[str]:
    values = []
    for path in sorted((SHARED / "corpus" / "wikitext").glob("*.wiki")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^\s*\|\s*date\s*=\s*(.+)$", line)
            if m and "{{" not in m.group(1)[:3] and "[[" not in m.group(1)[:3]:
                values.append(m.group(1).strip())
    return values


def test_corpus_infobox_dates_mostly_parse() -> None:
    values = _infobox_dates()
    if not values:
        pytest.skip("corpus not available")
    ok = 0
    for value in values:
        try:
            v = parse_date(value)
        except DateError:
            continue
        ok += 1
        assert value[v.start_offset : v.end_offset] == v.text
        assert 1 <= v.date_prec <= 5
    assert ok / len(values) > 0.9


def test_replacement_characters_between_dates_are_a_lost_dash() -> None:
    d = parse_date("22 August 1642 \ufffd\ufffd\ufffd 3 September 1651")
    assert (d.start, d.end, d.date_prec) == ("1642-08-22", "1651-09-03", 5)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("troops may 12 times retreat", []),
        ("it may, 1000 men say", []),
        ("he may have died in may 1945.", ["may 1945"]),
        ("in the winter of 1941–42 the front held", ["1941–42"]),
        ("see pp. 163-65", []),
    ],
)
def test_find_dates_lowercase_may_and_short_ranges(text: str, found: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == found


@pytest.mark.parametrize(
    ("text", "start", "end", "date_prec"),
    [
        # a bare day before a range word is the right end's month's day, not the year 14
        ("from 14 to 19 September 2022", "2022-09-14", "2022-09-19", 2),
        ("from 14 until 19 September 2022", "2022-09-14", "2022-09-19", 2),
        ("between 3 and 5 May 1990", "1990-05-03", "1990-05-05", 2),
        # a year before the range word stays a year
        ("from 1990 to 1995", "1990", "1995", 5),
        # one night written over two dates with a slash: a two-day range
        ("during the night of 31 December 2022/1 January 2023", "2022-12-31", "2023-01-01", 2),
        ("on the night of 3 May 1990/4 May 1990", "1990-05-03", "1990-05-04", 2),
    ],
)
def test_prose_day_ranges(text: str, start: str, end: str, date_prec: int) -> None:
    (d,) = find_dates(text)
    assert (d.start, d.end, d.date_prec) == (start, end, date_prec)


def test_slash_between_days_that_do_not_follow_is_two_dates() -> None:
    # 28 February 2020 is followed by 29 February (a leap year): two dates, no range
    got = find_dates("on 28 February 2020/1 March 2020")
    assert [(d.start, d.end) for d in got] == [("2020-02-28", None), ("2020-03-01", None)]


@pytest.mark.parametrize(
    ("opening", "later", "expected"),
    [
        ("from June 2014", "On August 31, the siege was broken.", ["2014-08-31"]),
        ("on 24 February 2022", "On 4 April 2022, they left.", ["2022-04-04"]),
        ("on 24 February 2022", "On May 5, 2022 they left.", ["2022-05-05"]),
        # before the opening date: dropped
        ("on 24 February 2022", "In 2021 they left; on 3 January 2022 too.", []),
        # no such day
        ("in 2021", "On February 30 it ended.", []),
        # a yearless day takes the year of a full date before it in its own sentence
        (
            "on 3 August 2022",
            "Assaults resumed in early January 2023, and on 16 January they took the town.",
            ["2023-01", "2023-01-16"],
        ),
        # after it, that date's year does not reach back
        (
            "on 3 August 2022",
            "On 16 September they took the town; it was rebuilt in March 2024.",
            ["2024-03", "2022-09-16"],  # full dates first, then the yearless days
        ),
    ],
)
def test_dates_after_fill_the_year_of_the_opening_date(
    opening: str, later: str, expected: list[str]
) -> None:
    from eventledger.normalise.dates import dates_after

    (start,) = find_dates(opening)
    assert [d.start for d in dates_after(later, start)] == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("June 2014", "31 August 2014", ("2014-06", "2014-08-31", 5)),
        ("24 February 2022", "2 March 2022", ("2022-02-24", "2022-03-02", 3)),
        ("June 2014", "20 June 2014", None),  # inside the start's month
        ("24 February 2022", "1 February 2022", None),  # before the start
    ],
)
def test_span_until(a: str, b: str, expected: tuple | None) -> None:
    from eventledger.normalise.dates import span_until

    got = span_until(parse_date(a), parse_date(b))
    assert (got and (got.start, got.end, got.date_prec)) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("early March 2013", "5 March 2013", ("2013-03", "2013-03-05", 2)),
        ("March 2013", "April 2013", ("2013-03", "2013-04", 5)),
        ("2013", "5 March 2013", None),  # a year start: still refused
        ("3 March 2013", "5 March 2013", ("2013-03-03", "2013-03-05", 2)),
        ("March 2013", "1 February 2013", None),
    ],
)
def test_span_until_inside_a_month(a: str, b: str, expected: tuple | None) -> None:
    from eventledger.normalise.dates import span_until

    got = span_until(parse_date(a), parse_date(b), inside=True)
    assert (got and (got.start, got.end, got.date_prec)) == expected


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("It began in September and ended on 16 October.", ["2016-09", "2016-10-16"]),
        ("It began in early September.", ["2016-09"]),
        ("Fighting in September 2017 resumed.", ["2017-09"]),  # a full date stays
        ("The unit of Marion fought in May.", ["2016-05"]),
        ("It was led by August Smith.", []),  # not after in/since/from/during
    ],
)
def test_dates_after_with_months(later: str, expected: list[str]) -> None:
    from eventledger.normalise.dates import dates_after

    assert [d.start for d in dates_after(later, parse_date("2016"), months=True)] == expected
