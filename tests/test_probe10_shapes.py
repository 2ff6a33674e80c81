"""Shapes found in session 10 (probe wave 20, its reviews, and dates written as nights)."""

from __future__ import annotations

import pytest

from eventledger.normalise.dates import find_dates, parse_date


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
