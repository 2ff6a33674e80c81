"""Normalise English date expressions to ISO intervals with a stated precision.

Domain rules:

* A date is written only to its precision (``1945-08-14``, ``1945-08``, ``1945``). BC years are
  negative with no year zero, as Wikidata writes them: 31 BC is ``-0031``, late May 1274 BC is
  ``-1274-05``. A decade is written as its first and last year (``1740s`` is ``1740``–``1749``), a
  century likewise (5th century BC is ``-0500``–``-0401``).
* A single date has ``end = None``; its precision says how long it is. A range has both ends.
* ``date_prec`` follows the UCDP GED codebook (the GED 23.1 sample in
  ``corpus/datasets/ucdp_ged_sample`` agrees with it row by row): 1 the exact day is known;
  2 the date is known within 2–6 days; 3 only the week (7 days) is known; 4 it is known within
  8–31 days or only the month is known; 5 only a longer period (a year or more) is known. It is
  computed from the number of days the value spans. An approximate single day (``around 14
  August``) is coded 2, never 1.
* Only English conventions are read: ``14 August 1945`` and ``August 14, 1945``; numeric
  ``dd/mm`` forms are never guessed. A leaked ISO date in parentheses after a written date
  (``August 14, 1945 (1945-08-14)``, as rendered by ``{{start date}}``) is part of the same date.
* Seasons are read for the northern hemisphere (Summer is June–August) and have month precision;
  two seasons of one year ("spring or early summer 260", "spring–summer 1066") are one span
  from the first's first month to the second's last.
* ``early``/``mid``/``late`` keep the precision of the unit they qualify (they do not narrow it).
* Times of day and time zones are ignored.

The public entry points are :func:`parse_date` (a field value; the first date expression in it)
and :func:`find_dates` (every date in a prose text).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import date

__all__ = [
    "DateError",
    "DateValue",
    "MONTH_NAMES",
    "find_dates",
    "human_date",
    "month_number",
    "parse_date",
]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date or date interval, written to its precision, with the text it came from."""

    #: ISO start, written only to its precision ('1945-08-14', '1945-08', '1945', '-0031').
    start: str | None
    #: ISO end of a range, or None for a single date (or an open/ongoing range).
    end: str | None
    #: 'day' | 'month' | 'year' | 'decade' | 'century' (the coarser end of a range).
    precision: str
    #: UCDP GED date_prec: 1 exact day ... 5 a year or longer.
    date_prec: int
    #: The text qualifies the date as approximate (c., circa, around, about).
    approximate: bool = False
    #: The matched text, ``given[start_offset:end_offset]``.
    text: str = ""
    start_offset: int = 0
    end_offset: int = 0
    #: The range is open at its end ('2011 – present', 'ongoing').
    ongoing: bool = False


class DateError(ValueError):
    """The text holds no date that can be read."""


# Month names and the abbreviations English Wikipedia uses (MOS:DATE).
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# Northern-hemisphere meteorological seasons (first month, last month).
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip
_APPROX = {"c", "ca", "circa", "around", "about", "approximately", "approx", "roughly", "~"}
_PART = {"early", "mid", "late", "middle", "beginning", "end"}
_BC = {"bc", "bce", "b.c.", "b.c.e.", "b.c", "b.c.e"}
_AD = {"ad", "ce", "a.d.", "c.e.", "a.d"}
_OPEN_END = {"present", "ongoing", "today", "now"}
_OLD_STYLE = re.compile(
    r"[\[(]\s*O\.\s?S\.[^\])]{0,40}[\])]"
    # "1 August O.S. 21 July 1770" (a link "[[Old Style and New Style dates|O.S. 21 July]]"
    # renders without its brackets): the old-style day and month before the shared year
    # (after a date: "O.S. 5 November 1688" alone is the date, in the old style)
    r"|(?<=[\w.]\s)O\.\s?S\.\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?=,?\s+\d{3,4}\b)"
)
#: "27 July O.S. (7 August N.S.) 1714", "27 July (O.S.) / 7 August (N.S.) 1714": the old-style
#: day and month written first, the new-style ones after, the year shared; the groups ``os``
#: and ``ns`` are the markup around the new-style date, blanked before it is read.
_DAY_MONTH = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})"
_OLD_THEN_NEW = re.compile(
    rf"(?P<os>\b(?P<osdate>{_DAY_MONTH})\s*[\[(]?\s*O\.\s?S\.\s*[\])]?\s*[\[(/]?\s*)"
    rf"(?P<nsdate>{_DAY_MONTH})(?P<ns>\s*[\[(]?\s*N\.\s?S\.\s*[\])]?(?:\s*[\])])?)"
    # a dual year after the pair ("1710/11"): the new-style date is in the later year
    r"(?:,?\s*(?P<dual>\d{4}/\d{2}(?!\d)))?"
)


def _old_then_new(text: str) -> str | None:
    """*text* with each "<old-style date> O.S. (<new-style date> N.S.)" pair's old-style date and
    markers blanked (same length, so offsets still index *text*), a dual year after it written
    as its later year; None when *text* has no such pair, or a pair crosses a year's end
    ("21 December O.S. (1 January N.S.) 1700": which year the one written is, is not said)."""
    pairs = list(_OLD_THEN_NEW.finditer(text))
    if not pairs:
        return None
    out = list(text)
    for m in pairs:
        months = [
            next(
                (month_number(w) for w in m.group(g).replace(".", " ").split() if month_number(w)),
                None,
            )
            for g in ("osdate", "nsdate")
        ]
        if None in months or months[0] > months[1]:  # type: ignore[operator]
            return None
        for g in ("os", "ns"):
            a, b = m.span(g)
            out[a:b] = " " * (b - a)
        if m.group("dual"):
            a, b = m.span("dual")
            year = m.group("dual")
            later = str(int(year[:4]) + 1)
            if later[-2:] != year[-2:]:
                return None  # "1710/12" is no dual year
            out[a:b] = later + " " * (b - a - 4)
    return "".join(out)


_OPEN_AFTER = re.compile(r"[–—-]\s*(?:present|ongoing|today|now)\b", re.I)
# Words after which a bare number in prose is a year ("in 1945", "since 1990").
_YEAR_CUES = {
    "in", "of", "since", "by", "until", "till", "from", "during", "year", "years", "early",
    "mid", "late", "before", "after", "circa", "c", "ca", "spring", "summer", "autumn", "fall",
    "winter", "around", "about", "between", "to", "and", "the", "through",
}  # fmt: skip
#: Words after a bare number that make it a measure ("160 km/h"), never a year.
_MEASURES = frozenset({
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "mi", "miles", "mile", "m",
    "metres", "meters", "metre", "meter", "ft", "feet", "foot", "mph", "kph", "kmh", "kg",
    "kilograms", "tonnes", "tons", "cm", "mm", "hectares", "ha", "acres", "percent", "per",
})  # fmt: skip
#: Count nouns after a bare number: a count ("300 and 400 people", "about 1500 soldiers"),
#: unless a year's preposition stands before it ("In 1945 soldiers returned").
_COUNTED = frozenset({
    "people", "persons", "men", "soldiers", "troops", "civilians", "dead", "killed", "wounded",
    "injured", "casualties", "deaths", "victims", "prisoners", "aircraft", "tanks", "ships",
    "vehicles", "houses", "homes", "buildings", "days", "hours", "minutes", "seconds", "weeks",
    "servicemen", "sailors", "marines", "airmen", "militants", "fighters", "rebels", "police",
    "policemen", "officers", "children", "women", "villagers", "residents", "workers",
    "students", "pilgrims", "hostages", "passengers", "refugees", "guerrillas", "insurgents",
})  # fmt: skip
#: Cue words that make the bare number after them a time ("in 1945", "by 1943").
_TIME_CUES = frozenset({
    "in", "of", "since", "by", "until", "till", "from", "during", "year", "years", "early",
    "mid", "late", "before", "after", "spring", "summer", "autumn", "fall", "winter", "through",
})  # fmt: skip
_DASHES = "-–—‒−"

# Digits are ASCII only: ``\d`` would read Arabic-Indic or Devanagari digits, and int() takes
# them, but only English dates are read (a lone "٣" must not become the year 3).
_TOKEN = re.compile(
    r"""
    (?P<ws>&nbsp;|&\#160;|&thinsp;)
    |(?P<iso>-?[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9-]))
    |(?P<decade>[0-9]{3}0s\b|[0-9]{3}0’s|[0-9]{3}0's
        |[1-9][0-9]{0,1}0s(?=\s*(?i:b\.?c\.?|a\.?d\.?|c\.?e\.?)(?![a-z])))  # 300s BC
    |(?P<ord>[0-9]{1,2}(?:st|nd|rd|th)\b)
    |(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)
    |(?P<era>(?:B\.C\.(?:E\.)?|A\.D\.|C\.E\.))
    |(?P<word>[A-Za-z]+\.?)
    |(?P<dash>[-–—‒−]|&ndash;|&mdash;|\ufffd+)  # a run of U+FFFD: a dash lost to bad encoding
    |(?P<punct>[,;:()\[\]/~])
    |(?P<other>\S)
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class _Tok:
    kind: str
    value: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.value.lower().rstrip(".") if self.kind == "word" else self.value.lower()


def _tokenize(text: str) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if m.lastgroup != "ws"
    ]


@dataclass(slots=True)
class _Point:
    """A possibly partial date: a range's left end may lack its month or year."""

    year: int | None = None  # historical numbering: negative is BC, never 0
    month: int | None = None
    day: int | None = None
    month_end: int | None = None  # a season's last month
    precision: str = "year"
    era: str | None = None  # 'bc' | 'ad' when written
    approx: bool = False
    decade: bool = False
    century: int | None = None


def _is_month(t: _Tok | None) -> int | None:
    if t is None or t.kind != "word":
        return None
    return _MONTHS.get(t.low)


_DIGIT_RUN = re.compile(r"\d+")


def _day(t: _Tok | None) -> int | None:
    if t is None or t.kind not in ("num", "ord"):
        return None
    digits = _DIGIT_RUN.match(t.value)
    if digits is None or "," in t.value or len(digits.group()) > 2:
        return None
    d = int(digits.group())
    return d if 1 <= d <= 31 else None


def _year(t: _Tok | None) -> int | None:
    if t is None or t.kind != "num" or "," in t.value or len(t.value) > 4:
        return None
    y = int(t.value)
    return y if y >= 1 else None


def _season_pair(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """After a season at *i* - 1: "or|and|to|through|–" [early|mid|late] <season> <year>.
    Returns the second season's last month and the index of the year, else None."""
    n = len(toks)
    if i >= n or not (
        toks[i].kind == "dash" or toks[i].low in ("or", "and", "to", "through", "until")
    ):
        return None
    k = i + 1
    if k < n and toks[k].low in _PART:
        k += 1
    if k + 1 < n and toks[k].low in _SEASONS and _year(toks[k + 1]) is not None:
        return _SEASONS[toks[k].low][1], k + 1
    return None


def _era(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    """Read an era marker at *i*; return ('bc'|'ad'|None, next index)."""
    if i < len(toks):
        low = toks[i].value.lower()
        if toks[i].kind == "era" or toks[i].kind == "word":
            if low in _BC or low.rstrip(".") in _BC:
                return "bc", i + 1
            if low in _AD or low.rstrip(".") in _AD:
                return "ad", i + 1
    return None, i


def _point(text: str, toks: list[_Tok], i: int) -> tuple[_Point, int] | None:
    """Parse one (possibly partial) date at token *i*; return it and the next index."""
    n = len(toks)
    p = _Point()
    start_i = i
    # qualifiers: c. / circa / around ; early / mid / late
    while i < n and toks[i].kind in ("word", "punct", "other"):
        low = toks[i].low
        if low in _APPROX or toks[i].value == "~":
            p.approx = True
        elif low in _PART:
            pass
        else:
            break
        i += 1
        if i < n and toks[i].kind == "dash":  # mid-1940s
            i += 1
    if i >= n:
        return None
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < n else None
    if t.kind == "iso":
        neg = t.value.startswith("-")
        y, m, d = (int(x) for x in t.value.lstrip("-").split("-"))
        if not (1 <= m <= 12 and 1 <= d <= _month_days(y, m)):
            return None
        p.year, p.month, p.day, p.precision = (-y if neg else y), m, d, "day"
        return p, i + 1
    if t.kind == "decade":
        p.year, p.decade, p.precision = int(re.match(r"\d+", t.value).group()), True, "decade"  # type: ignore[union-attr]
        era, j = _era(toks, i + 1)
        if era == "bc":
            p.year = -p.year
        p.era = era
        return p, j
    if t.kind == "ord" and nxt is not None and nxt.low in ("century", "centuries"):
        c = int(re.match(r"\d+", t.value).group())  # type: ignore[union-attr]
        era, j = _era(toks, i + 2)
        p.century, p.era, p.precision = (-c if era == "bc" else c), era, "century"
        return p, j
    if t.kind == "word" and t.low in _SEASONS and (y := _year(nxt)) is not None:
        first, last = _SEASONS[t.low]
        era, j = _era(toks, i + 2)
        p.year = -y if era == "bc" else y
        p.month, p.month_end, p.era, p.precision = first, last, era, "month"
        return p, j
    if t.kind == "word" and t.low in _SEASONS and t.low != "winter":
        # "spring or early summer 260", "spring and summer 1943", "spring–summer 1066": one
        # span from the first season's first month to the second's last (a year's winter is
        # its end or its start: no pair begins with it)
        pair = _season_pair(toks, i + 1)
        if pair is not None:
            last, k = pair
            y = _year(toks[k])
            assert y is not None
            era, j = _era(toks, k + 1)
            p.year = -y if era == "bc" else y
            p.month, p.month_end, p.era, p.precision = _SEASONS[t.low][0], last, era, "month"
            return p, j
    era_pre, j0 = _era(toks, i)  # "AD 955"
    if era_pre and (y := _year(toks[j0] if j0 < n else None)) is not None:
        p.year, p.era = (-y if era_pre == "bc" else y), era_pre
        return p, j0 + 1
    if (d := _day(t)) is not None and (m := _is_month(nxt)) is not None:
        # 14 August [1945 [BC]]
        p.day, p.month, p.precision = d, m, "day"
        j = i + 2
        if j < n and toks[j].value == "," and j + 1 < n and _year(toks[j + 1]):
            j += 1
        if j < n and (y := _year(toks[j])) is not None and not _is_time(toks, j):
            era, j = _era(toks, j + 1)
            p.year, p.era = (-y if era == "bc" else y), era
            if d > _month_days(p.year, m):
                raise DateError(f"no such day: {text[t.start : toks[j - 1].end]!r} in {text!r}")
        return p, j
    if (m := _is_month(t)) is not None:
        if t.value == "may" and not _may_is_month(toks, i):
            return None  # the verb
        p.month, p.precision = m, "month"
        j = i + 1
        if (d := _day(nxt)) is not None and nxt is not None and nxt.kind in ("num", "ord"):
            after = toks[i + 2] if i + 2 < n else None
            if (
                after is not None
                and after.value == ","
                and _year(toks[i + 3] if i + 3 < n else None)
            ):
                y = _year(toks[i + 3])
                era, j = _era(toks, i + 4)
                p.day, p.precision, p.year, p.era = d, "day", (-y if era == "bc" else y), era  # type: ignore[operator]
                return p, j
            if after is not None and (y := _year(after)) is not None and len(after.value) >= 3:
                era, j = _era(toks, i + 3)
                p.day, p.precision, p.year, p.era = d, "day", (-y if era == "bc" else y), era
                return p, j
            if after is not None and (
                after.kind == "dash"
                or (
                    after.kind == "word"
                    and after.low in ("to", "until", "till", "through")
                    and i + 3 < n
                    and (_is_month(toks[i + 3]) is not None or _day(toks[i + 3]) is not None)
                )
                # "October 10 and 11, 1956", "November 9/10, 1938": two days of one month
                or (
                    (after.low == "and" or after.value == "/")
                    and i + 3 < n
                    and toks[i + 3].kind == "num"
                    and _day(toks[i + 3]) is not None
                )
            ):
                # "July 2 – 26, 1941", "July 2 to July 26, 1941": the left end's day
                p.day, p.precision = d, "day"
                return p, i + 2
            if _era(toks, i + 2)[0] is None and nxt.kind == "ord":
                p.day, p.precision = d, "day"
                return p, i + 2
        if (
            nxt is not None
            and nxt.value == ","
            and (y := _year(toks[i + 2] if i + 2 < n else None)) is not None
            and not _is_time(toks, i + 2)
            and (len(toks[i + 2].value) >= 3 or _era(toks, i + 3)[0] is not None)
        ):
            era, j = _era(toks, i + 3)  # "December, 1941"
            p.year, p.era = (-y if era == "bc" else y), era
            return p, j
        if (y := _year(nxt)) is not None and (nxt.kind == "num") and not _is_time(toks, i + 1):
            era, j = _era(toks, i + 2)
            if len(nxt.value) >= 3 or era is not None:
                p.year, p.era = (-y if era == "bc" else y), era
                return p, j
            if _day(nxt) is None:
                p.year = y
                return p, i + 2
        return p, j
    if (d := _day(t)) is not None and nxt is not None and nxt.kind == "dash":
        p.day, p.precision = d, "day"  # left end of "14–15 August 1945", "12th–14th March"
        if t.kind == "ord" or (t.kind == "num" and len(t.value) <= 2):
            return p, i + 1
    if (got := _numeric_date(text, toks, i)) is not None:
        return got
    if (y := _year(t)) is not None and not _is_time(toks, i):
        if _hijri(toks, i + 1):
            return None  # "1441 AH": a year of another calendar
        era, j = _era(toks, i + 1)
        p.year, p.era = (-y if era == "bc" else y), era
        if start_i != i and toks[start_i].low in _PART | _APPROX:
            pass
        return p, j
    return None


def _numeric_date(text: str, toks: list[_Tok], i: int) -> tuple[_Point, int] | None:
    """'30/01/1972' (day/month/year) or '01/30/1972' (month/day/year): the day when only one
    order makes a valid date or both orders give the same day; only the year when both are
    valid and differ (5/6/1972 is 5 June or May 6: null beats a guess)."""
    if i + 4 >= len(toks) or toks[i + 1].value != "/" or toks[i + 3].value != "/":
        return None
    a_t, b_t, y_t = toks[i], toks[i + 2], toks[i + 4]
    if not (
        a_t.kind == "num" == b_t.kind == y_t.kind
        and len(a_t.value) <= 2 >= len(b_t.value)
        and len(y_t.value) == 4
        and (i + 5 >= len(toks) or toks[i + 5].value not in ("/", ":"))
    ):
        return None
    a, b, y = int(a_t.value), int(b_t.value), int(y_t.value)
    if y < 1:
        return None
    orders = {(m, d) for m, d in ((b, a), (a, b)) if 1 <= m <= 12 and 1 <= d <= _month_days(y, m)}
    if not orders:
        return None
    p = _Point(year=y)
    if len(orders) == 1:
        p.month, p.day = next(iter(orders))
        p.precision = "day"
    return p, i + 5


def _may_is_month(toks: list[_Tok], i: int) -> bool:
    """Lower-case ``may`` (text lower-cased by some tool) is the month, not the verb, when a
    year, a day or a range dash follows it (``may 1945``, ``may 5, 1945``, ``may – june``)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    if nxt.kind == "dash":
        return True
    if nxt.kind == "num" and (len(nxt.value) >= 3 or _era(toks, i + 2)[0] is not None):
        return "," not in nxt.value
    if nxt.value == "," and i + 2 < len(toks):  # "may, 334 bc" (a bare "may, 1000" stays a verb)
        return toks[i + 2].kind == "num" and _era(toks, i + 3)[0] is not None
    if _day(nxt) is not None and i + 2 < len(toks):
        after = toks[i + 2]
        return after.value == "," or (after.kind == "num" and len(after.value) >= 3)
    return False


def _is_time(toks: list[_Tok], i: int) -> bool:
    """A number that is part of a clock time (20:02, 6.30 am, 6 p.m., 0430 hrs) is not a year
    or day."""
    n = len(toks)
    if (i + 1 < n and toks[i + 1].value == ":") or (i >= 1 and toks[i - 1].value == ":"):
        return True
    if _clock_word(toks, i + 1):
        return (
            not (i >= 2 and toks[i - 1].value == ".") or toks[i - 2].kind == "num"
        )  # "6 am", "6.30 pm"
    # "6.30 am": the hour before its dot
    return (
        i + 3 < n
        and toks[i + 1].value == "."
        and toks[i + 2].kind == "num"
        and len(toks[i + 2].value) == 2
        and _clock_word(toks, i + 3)
    )


def _hijri(toks: list[_Tok], k: int) -> bool:
    """Whether "AH" (anno Hegirae, "A.H.") stands at token *k*."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    if toks[k].value.rstrip(".") == "AH":
        return True
    return toks[k].value == "A." and k + 1 < len(toks) and toks[k + 1].value == "H."


def _clock_word(toks: list[_Tok], k: int) -> bool:
    """Whether an "am"/"pm" ("a.m.", "p.m.") or "hrs" stands at token *k*."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    low = toks[k].low
    hour = toks[k - 1]
    if low == "hrs":
        return True
    if hour.kind == "num" and len(hour.value) > 2:
        return False  # "1945 a.m." is no hour
    if low in ("am", "pm"):
        return True
    return (
        low in ("a", "p")
        and toks[k].value.endswith(".")
        and k + 1 < len(toks)
        and toks[k + 1].low == "m"
    )


def _month_days(year: int, month: int) -> int:
    if month == 2:
        y = year + 1 if year < 0 else year  # astronomical numbering for the leap rule
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _day_number(year: int, month: int, day: int) -> int:
    """Days since a fixed epoch in the proleptic Gregorian calendar (valid for BC years)."""
    y = year + 1 if year < 0 else year  # 1 BC is astronomical year 0
    y -= month <= 2
    era = y // 400
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe


def _bounds(p: _Point) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day covered by a complete point."""
    assert p.year is not None or p.century is not None
    if p.century is not None:
        c = p.century
        if c > 0:
            return (100 * (c - 1) + 1, 1, 1), (100 * c, 12, 31)
        return (100 * c, 1, 1), (100 * (c + 1) - 1, 12, 31)
    y = p.year
    assert y is not None
    if p.decade:
        if y > 0:
            return (y, 1, 1), (y + 9, 12, 31)
        return (y - 9, 1, 1), (y, 12, 31)  # the 1740s BC run from 1749 BC to 1740 BC
    if p.month is None:
        return (y, 1, 1), (y, 12, 31)
    if p.day is None:
        if p.month_end is not None:
            y2 = y + 1 if p.month_end < p.month else y
            if y2 == 0:
                y2 = 1
            return (y, p.month, 1), (y2, p.month_end, _month_days(y2, p.month_end))
        return (y, p.month, 1), (y, p.month, _month_days(y, p.month))
    return (y, p.month, p.day), (y, p.month, p.day)


def _iso_year(y: int) -> str:
    return f"-{-y:04d}" if y < 0 else f"{y:04d}"


def _iso(p: _Point, end: bool = False) -> str:
    if p.century is not None or p.decade:
        lo, hi = _bounds(p)
        return _iso_year((hi if end else lo)[0])
    assert p.year is not None
    if p.month is None:
        return _iso_year(p.year)
    if p.day is None:
        if end and p.month_end is not None:
            (y2, m2, _d) = _bounds(p)[1]
            return f"{_iso_year(y2)}-{m2:02d}"
        return f"{_iso_year(p.year)}-{p.month:02d}"
    return f"{_iso_year(p.year)}-{p.month:02d}-{p.day:02d}"


_ORDER = ["day", "month", "year", "decade", "century"]


def _complete(p: _Point) -> bool:
    if p.century is not None:
        return True
    if p.year is None:
        return False
    if p.day is not None and p.month is not None:
        return 1 <= p.day <= _month_days(p.year, p.month)
    return True


def _prec_code(first: tuple[int, int, int], last: tuple[int, int, int]) -> int:
    days = _day_number(*last) - _day_number(*first) + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def _value(
    left: _Point, right: _Point | None, text: str, a: int, b: int, ongoing: bool = False
) -> DateValue:
    approx = left.approx or (right.approx if right else False)
    if right is None:
        first, last = _bounds(left)
        prec = left.precision
        start, end = _iso(left), None
        if left.decade or left.century is not None or left.month_end is not None:
            end = _iso(left, end=True)
    else:
        first, last = _bounds(left)[0], _bounds(right)[1]
        prec = max(left.precision, right.precision, key=_ORDER.index)
        start, end = _iso(left), _iso(right, end=True)
    code = _prec_code(first, last)
    if ongoing:
        code = 5
    if approx and code == 1:
        code = 2
    return DateValue(start, end, prec, code, approx, text[a:b], a, b, ongoing)


def _fill(left: _Point, right: _Point) -> _Point | None:
    """Complete a range's left end from its right end ('14–15 August 1945')."""
    if left.century is not None or left.decade:
        return left
    if left.era is None and right.era == "bc" and left.year is not None and left.year > 0:
        left.year = -left.year  # 218–201 BC
    if left.year is None:
        if right.year is None:
            return None
        left.year = right.year
        if left.month is None:
            if right.month is None or left.day is None:
                if right.month is None:
                    return None
            left.month = right.month
    elif left.day is not None and left.month is None:
        return None
    return left


def _expression(text: str, toks: list[_Tok], i: int, prose: bool) -> tuple[DateValue, int] | None:
    """Parse a date or date range starting at token *i*."""
    got = _point(text, toks, i)
    if got is None:
        return None
    left, j = got
    a = toks[i].start
    n = len(toks)
    # a range separator: dash, 'to', 'until', 'and' (after 'between')
    # "10 and 11 October 1956", "October 10 and 11, 1956": two days running, one span
    # "the night of 9/10 November 1938", "November 9/10, 1938": a night, two days running
    two_days = (
        j + 2 < n
        and (toks[j].low == "and" or toks[j].value == "/")
        and not (i >= 1 and toks[i - 1].low == "between")
        and toks[j + 1].kind == "num"
        and len(toks[j + 1].value) <= 2
        and (
            # "10 and 11 October 1956"
            (
                toks[i].kind == "num"
                and len(toks[i].value) <= 2
                and left.month is None
                and toks[j + 2].low in _MONTHS
            )
            # "October 10 and 11, 1956"
            or (left.month is not None and left.day is not None and left.year is None)
        )
    )
    if j < n and (
        toks[j].kind == "dash"
        or (toks[j].kind == "word" and toks[j].low in ("to", "until", "till", "through"))
        or (toks[j].low == "and" and i >= 1 and toks[i - 1].low == "between")
        or two_days
    ):
        if j + 1 < n and toks[j + 1].kind == "word" and toks[j + 1].low in _OPEN_END:
            if _complete(left):
                v = _value(left, None, text, a, toks[j + 1].end, ongoing=True)
                return v, j + 2
        got2 = (
            _right_day_year(toks, j + 1, left)
            or _short_right_year(toks, j + 1, left)
            or _point(text, toks, j + 1)
        )
        if got2 is not None:
            right, k = got2
            if _complete(right):
                left = _bare_left_day(toks[i], left, right)
                filled = _fill(_copy(left), right)
                if filled is not None and _complete(filled):
                    first = _bounds(filled)[0]
                    last = _bounds(right)[1]
                    if (
                        _day_number(*first) <= _day_number(*last)
                        and not (prose and _bare_years_unsupported(toks, i, filled, right, k))
                        # (two days a few apart, "10 and 12 October": the span they bound)
                        and (
                            not two_days
                            or 0
                            < _day_number(*last) - _day_number(*first)
                            <= (1 if toks[j].value == "/" else 6)
                        )
                    ):
                        k = _absorb_iso(toks, k)
                        return _value(filled, right, text, a, toks[k - 1].end), k
    if not _complete(left):
        return None
    if prose and left.month is None and left.century is None and not left.decade:
        # a bare number in prose is a year only with an era or a cue word before it
        circa = i >= 1 and toks[i].low in ("c", "ca", "circa")
        if left.era is None and not circa and not (i >= 1 and toks[i - 1].low in _YEAR_CUES):
            return None
        if left.year is not None and left.year > 0 and len(str(left.year)) < 3 and left.era is None:
            return None
        cue = toks[i - 1].low if i >= 1 else ""
        if left.era is None and _measure_after(toks, j, left.year, cue):
            return None  # "limited to 160 km/h", "300 and 400 people": a measure, not a year
    j = _absorb_iso(toks, j)
    return _value(left, None, text, a, toks[j - 1].end), j


def _bare_left_day(tok: _Tok, left: _Point, right: _Point) -> _Point:
    """'from 14 to 19 September 2022': a bare one- or two-digit number before a range word
    whose right end is a day of a month is that month's day, not the year 14."""
    if (
        tok.kind == "num"
        and len(tok.value) <= 2
        and left.month is None
        and left.day is None
        and left.era is None
        and not left.decade
        and left.century is None
        and left.year is not None
        and right.day is not None
        and right.month is not None
        and 1 <= left.year < right.day
    ):
        return _Point(day=left.year, precision="day", approx=left.approx)
    return left


def _right_day_year(toks: list[_Tok], j: int, left: _Point) -> tuple[_Point, int] | None:
    """Read the right end of 'November 15–18, 1812': a day and a year, month from the left."""
    if left.month is None or left.day is None or left.year is not None:
        return None
    n = len(toks)
    d = _day(toks[j]) if j < n else None
    if d is None:
        return None
    k = j + 1
    if k < n and toks[k].value == ",":
        k += 1
    y = _year(toks[k]) if k < n else None
    if y is None or len(toks[k].value) < 3 or _is_time(toks, k):
        return None
    era, k = _era(toks, k + 1)
    year = -y if era == "bc" else y
    return _Point(year=year, month=left.month, day=d, precision="day", era=era), k


def _short_right_year(toks: list[_Tok], j: int, left: _Point) -> tuple[_Point, int] | None:
    """Read the right end of '1941–42' or '2010–11': two digits that complete the left year's
    century to a later year (MOS:DATERANGE). Not after BC years, nor before a month."""
    if left.year is None or left.year < 100 or left.month is not None or left.era == "bc":
        return None
    if left.decade or left.century is not None or j >= len(toks):
        return None
    t = toks[j]
    if t.kind != "num" or len(t.value) != 2 or _is_time(toks, j):
        return None
    if j + 1 < len(toks) and (_is_month(toks[j + 1]) or _era(toks, j + 1)[0] == "bc"):
        return None
    year = left.year - left.year % 100 + int(t.value)
    if year <= left.year:
        return None
    return _Point(year=year, precision="year"), j + 1


def _measure_after(toks: list[_Tok], j: int, year: int | None, cue: str) -> bool:
    """Whether the bare number before token *j* is a measure or a count, not a year: a unit
    word at *j* ("160 km/h"), or after "and/to/or <number>" there; a count noun ("people") when
    the number has fewer than four digits or *cue*, the word before it, is no time preposition
    ("about 1500 soldiers", but "In 1945 soldiers returned" is a year)."""
    n = len(toks)
    if j + 2 < n and (toks[j].low in ("and", "to", "or") or toks[j].kind == "dash"):
        if toks[j + 1].kind == "num":
            j += 2
    if j >= n or toks[j].kind != "word":
        return False
    word = toks[j].low
    if word in _MEASURES:
        return True
    # "456 New Zealand servicemen": up to two capitalised words (a people, a place) before the
    # count noun
    k = j
    while (
        abs(year or 0) < 1000  # ("Between 1939 and 1945 British soldiers died": years)
        and k + 1 < n
        and k < j + 2
        and toks[k].kind == "word"
        and toks[k].value[:1].isupper()
    ):
        k += 1
    if k > j and toks[k].kind == "word":
        word = toks[k].low
    return word in _COUNTED and (abs(year or 0) < 1000 or cue not in _TIME_CUES)


def _bare_years_unsupported(toks: list[_Tok], i: int, left: _Point, right: _Point, k: int) -> bool:
    """In prose, '163-165' (page numbers) is no range of years; '1939–1945' is; neither is
    '300 and 400 people' (a unit after the range, token *k*)."""
    if left.month is not None or right.month is not None or right.era is not None:
        return False
    if left.century is not None or left.decade:
        return False
    if _measure_after(toks, k, left.year, toks[i - 1].low if i >= 1 else ""):
        return True
    if i >= 1 and toks[i - 1].low in ("p", "pp", "page", "pages", "no", "vol"):
        return True
    four = left.year is not None and abs(left.year) >= 1000
    return not four and not (i >= 1 and toks[i - 1].low in _YEAR_CUES)


def _absorb_iso(toks: list[_Tok], j: int) -> int:
    """Swallow a leaked '(1945-08-14)' after a written date."""
    if (
        j + 2 < len(toks)
        and toks[j].value == "("
        and toks[j + 1].kind == "iso"
        and toks[j + 2].value == ")"
    ):
        return j + 3
    return j


def _copy(p: _Point) -> _Point:
    return _Point(
        p.year, p.month, p.day, p.month_end, p.precision, p.era, p.approx, p.decade, p.century
    )


def _from_hint(text: str, hint: dict) -> DateValue:
    start = hint.get("start")
    end = hint.get("end")
    if not start:
        raise DateError(f"date hint without a start: {hint!r} (for {text!r})")

    def parts(iso: str) -> _Point:
        m = re.fullmatch(r"(-?)(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", iso.strip())
        if m is None:
            raise DateError(f"date hint is not an ISO date: {iso!r} (for {text!r})")
        y = int(m.group(2)) * (-1 if m.group(1) else 1)
        if y == 0:
            raise DateError(f"year zero in date hint: {iso!r} (for {text!r})")
        month = int(m.group(3)) if m.group(3) else None
        day = int(m.group(4)) if m.group(4) else None
        prec = "day" if day else "month" if month else "year"
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"bad month in date hint: {iso!r} (for {text!r})")
        if day is not None and not 1 <= day <= _month_days(y, month or 1):
            raise DateError(f"bad day in date hint: {iso!r} (for {text!r})")
        return _Point(year=y, month=month, day=day, precision=prec)

    left = parts(str(start))
    right = parts(str(end)) if end else None
    ongoing = right is None and bool(_OPEN_AFTER.search(text))
    if right is None and not ongoing:
        # "{{start date|1976|07|03}}{{snd}}4 July 1976": the template gives the start, the
        # text after it the end; the text as rendered reads as the range
        try:
            whole = _parse_text(text)
        except (DateError, ValueError):
            whole = None
        if whole is not None and whole.end and whole.start == _iso(left):
            return whole
    # "{{Start date and age|2024|4|4}} – present": the template gives the start, the text
    # says the event goes on (an open end, date_prec 5, as for the text alone)
    return _value(left, right, text, 0, len(text), ongoing=ongoing)


def parse_date(text: str, hint: dict | None = None) -> DateValue:
    """Read the date (or date range) that a field value states.

    The first date expression in *text* is read; trailing notes, times and durations are
    ignored. A *hint* (what a wikitext reader read from a date template, such as
    ``{"start": "1945-08-14"}``) wins over the text; its precision is taken from its length.

    :param text: a field value such as ``'August 14, 1945 (1945-08-14)'``.
    :param hint: optional ``{"start": iso, "end": iso | None}``.
    :raises DateError: quoting *text* when it holds no readable date (``'Ongoing'``, garbage).

    >>> parse_date("14–15 August 1945").start, parse_date("31 BC").start
    ('1945-08-14', '-0031')
    """
    if hint:
        return _from_hint(text, hint)
    return _parse_text(text)


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> DateValue:
    """:func:`parse_date` without a hint; cached: reference lists repeat the same dates, and a
    :class:`DateValue` is immutable (a :class:`DateError` is raised again, not cached)."""
    leaked = _LEAKED_ISO.match(text)
    if leaked is not None:
        # "(1937-09-22) (1937-09-29)September 22–29, 1937": a copy kept the hidden ISO dates
        # of {{start date}} and {{end date}} before the visible range; the visible text is
        # read (the ISO part blanked, same length)
        try:
            v = _parse_text(" " * leaked.end() + text[leaked.end() :])
        except DateError:
            pass
        else:
            return replace(v, text=text[v.start_offset : v.end_offset])
    paired = _old_then_new(text)
    if paired is not None or _OLD_STYLE.search(text):
        # "7 September [O.S. 26 August] 1812": the old-style remark is blanked (same length,
        # so offsets still index *text*) and the date read around it; "27 July O.S. (7 August
        # N.S.) 1714": the old-style date and both markers are, and the new-style one is read
        blanked = _OLD_STYLE.sub(lambda m: " " * len(m.group(0)), paired or text)
        try:
            v = _first_date(blanked)
        except DateError as e:  # name the input as given, not its blanked copy
            raise DateError(str(e).replace(repr(blanked), repr(text))) from None
        return replace(v, text=text[v.start_offset : v.end_offset])
    return _first_date(text)


#: Hidden ISO dates a browser copy kept before the visible date ("(1937-09-22) (1937-09-29)").
_LEAKED_ISO = re.compile(
    r"\s*\(\d{4}-\d\d(?:-\d\d)?\)(?:\s*\(\d{4}-\d\d(?:-\d\d)?\))?\s*(?=[A-Za-z0-9])"
)


#: "30 November and 8 December 1941": two days of different months, the year shared; read as
#: the span from the first to the second (the "and" blanked to a dash of the same length).
_DAY_MONTH_AND_DAY_MONTH = re.compile(
    r"\b\d{1,2}\s+(?P<m1>[A-Z][a-z]{2,8})\s+(?P<and>and)\s+\d{1,2}\s+(?P<m2>[A-Z][a-z]{2,8})\s+\d{3,4}\b"
)


def _first_date(text: str) -> DateValue:
    """The first date expression of *text* (:func:`_parse_text`, uncached)."""
    m = _DAY_MONTH_AND_DAY_MONTH.search(text)
    if (
        m
        and m.group("m1").lower() in _MONTHS
        and m.group("m2").lower() in _MONTHS
        and not _RANGE_AFTER.match(text, m.end())  # ("… 1941 – 15 February 1942": a range)
    ):
        v = _first_date_of(text[: m.start("and")] + "–  " + text[m.end("and") :])
        return replace(v, text=text[v.start_offset : v.end_offset])  # (the input's own words)
    two = _TWO_SPELLS.search(text)
    m1 = (two.group("m1") or two.group("m1b") or "") if two is not None else ""
    m2 = (two.group("m2") or two.group("m2b") or "") if two is not None else ""
    if (
        two is not None
        and m1.lower() in _MONTHS
        and m2.lower() in _MONTHS
        and m1 != m2
        and not _RANGE_AFTER.match(text, two.end())  # ("… 1941 – 15 February 1942": a range)
    ):
        # "May 28–29 and July 1–3, 1917": two outbreaks of one year, read as the span from the
        # first day of the first to the last day of the second
        d1 = two.group("d1") or two.group("d1b")
        d2 = two.group("d2e") or two.group("d2") or two.group("d2be") or two.group("d2b")
        new_style = _new_style_of(text, two, int(d1), m1, int(d2), m2)
        if new_style is not None:
            return new_style
        joined = f"{d1} {m1} – {d2} {m2} {two.group('y')}"
        try:
            v = _first_date_of(joined)
        except DateError:
            v = None
        if v is not None and v.end is not None:
            return replace(v, text=two.group(0), start_offset=two.start(), end_offset=two.end())
    alt = next(
        (
            a
            for a in _EITHER_OR.finditer(text)
            if (not a.group("m") or a.group("m").lower() in _MONTHS)
            # ("Sunday or Monday 9 or 10 August 1945": the weekdays are no span of months)
            and (not a.group("m0") or (a.group("m0").lower() in _MONTHS and a.group("m")))
            # (not "1998 or 1999 – 2003": a range's uncertain start; not "June or July 1941 –
            # May 1945", "… – present", "… to June 1945": a range or an ongoing event)
            and not re.match(r"[^(,;\n]*?[–—-]\s*\d", text[a.end() :])
            and not (a.group("m0") and _RANGE_OR_ONGOING.search(text, a.end()))
        ),
        None,
    )
    if alt is not None and re.search(r"\d{3,4}|\b(?:AD|BC|BCE|CE)\b", text):
        # "9 or 10 August 1945", "December 190 or January 189 BC", "1941 or 1942": the date is
        # one of the two, so the event lies in the span from the first to the second (the "or"
        # blanked to a dash of the same length)
        try:
            v = _first_date_of(text[: alt.start("or")] + "– " + text[alt.end("or") :])
        except DateError:
            v = None
        if v is not None and v.end is not None:
            return replace(v, text=text[v.start_offset : v.end_offset])
    return _first_date_of(text)


#: "May 28–29 and July 1–3, 1917", "28–29 May and 1–3 July 1917": two spells of days in two
#: months of one year joined by "and" or a slash (day-first or month-first).
_TWO_SPELLS = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})(?:\s*[–-]\s*\d{1,2})?"
    r"|(?P<d1b>\d{1,2})(?:\s*[–-]\s*\d{1,2})?\s+(?P<m1b>[A-Z][a-z]{2,8}))"
    # ("16–18 April / 6–11 July 1953": an infobox's two battles, a slash between them)
    r"(?P<sep>\s+and\s+|\s*/\s*)"
    r"(?:(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:\s*[–-]\s*(?P<d2e>\d{1,2}))?,?"
    r"|(?P<d2b>\d{1,2})(?:\s*[–-]\s*(?P<d2be>\d{1,2}))?\s+(?P<m2b>[A-Z][a-z]{2,8}))"
    r"\s+(?P<y>\d{3,4})\b"
)


def _new_style_of(
    text: str, two: re.Match[str], d1: int, m1: str, d2: int, m2: str
) -> DateValue | None:
    """ "27 June / 8 July 1709", "25 October / 7 November 1917": one day in the Julian and the
    Gregorian calendars, a slash between them (the second is the day, as for "O.S."), when
    each is one day and they lie the calendars' difference of that century apart; None
    otherwise (two battles: "16–18 April / 6–11 July 1953")."""
    spells = text[two.start() : two.start("sep")] + text[two.end("sep") : two.end()]
    if "/" not in two.group("sep") or re.search(r"\d\s*[–-]\s*\d", spells):
        return None
    year = int(two.group("y"))
    try:
        first = date(year, _MONTHS[m1.lower()], d1)
        second = date(year, _MONTHS[m2.lower()], d2)
    except ValueError:
        return None
    if (second - first).days != year // 100 - year // 400 - 2:
        return None
    at = two.end("sep")
    v = _first_date_of(text[at : two.end()])
    return replace(v, text=text[at : two.end()], start_offset=at, end_offset=two.end())


#: "9 or 10 August 1945", "August 9 or 10, 1945", "December 190 or January 189 BC": a number
#: (a day or a year) before "or", a number or a month's name after it.
_EITHER_OR = re.compile(
    # ("August or September 480 BC": a month before "or", a month and its year after it)
    r"(?:\d|\b(?P<m0>[A-Z][a-z]{2,8}))\s+(?P<or>or)\s+(?=\d{1,4}\b|(?P<m>[A-Z][a-z]{2,8})\s+\d)"
)


_RANGE_AFTER = re.compile(r"\s*[–—-]\s*\d")
#: A range's or an ongoing event's end after a date: "– May 1945", "to June", "– present".
_RANGE_OR_ONGOING = re.compile(r"[–—-]|\b(?:to|until|till|present|ongoing)\b", re.I)


def _first_date_of(text: str) -> DateValue:
    """:func:`_first_date` once its days joined by "and" are read."""
    toks = _tokenize(text)
    first: DateValue | None = None
    for i in range(len(toks)):
        got = _expression(text, toks, i, prose=False)
        if got is not None:
            v = got[0]
            if not (v.precision == "year" and v.text.isdigit() and len(v.text) <= 2):
                if first is not None and int(v.start.lstrip("-")[:4]) < 100:
                    break  # "60 or 61 AD": the first of two small years stands
                return v
            # a bare one- or two-digit year ("20 Jumada al-Awwal 1441 AH (15 January 2020)"):
            # a later date of the field wins; alone it stands
            first = first or v
    if first is not None:
        return first
    if any(t.kind == "word" and t.low in _OPEN_END for t in toks):
        raise DateError(f"no date in {text!r}: the event is ongoing, its start is not stated")
    raise DateError(f"no date in {text!r}")


_START_WORDS = frozenset(_MONTHS) | frozenset(_SEASONS) | _APPROX | _PART | _BC | _AD
_START_KINDS = frozenset({"iso", "decade", "ord", "num", "era"})


def _may_start(t: _Tok) -> bool:
    """Whether a date expression can begin at token *t* (a number, an era, a month, a season
    or a qualifier); :func:`_point` returns None for every other token, so skipping them is
    exact and keeps long sentences of markup or words linear with a small constant."""
    if t.kind in _START_KINDS:
        return True
    if t.kind == "word":
        return t.low in _START_WORDS
    return t.value == "~"


def _lost_dashes(toks: list[_Tok]) -> list[_Tok]:
    """A dash between two days lost in rendering ("between 410 June 2014", "from 1520 May").
    A three- or four-digit number right after "between"/"from" and right before a month
    that splits in exactly one way into two valid days of that month, the first before the
    second, is the range of those days (4–10 June). Never a year-like number (1900–2099:
    "from 2021 May" may be a year) and never after any other word."""
    out: list[_Tok] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        month = _is_month(nxt)
        if (
            t.kind != "num"
            or not 3 <= len(t.value) <= 4
            or month is None
            or i == 0
            or toks[i - 1].low not in ("between", "from")
            or (len(t.value) == 4 and 1900 <= int(t.value) <= 2099)
        ):
            out.append(t)
            continue
        last = _month_days(2000, month)  # a leap year: the parser checks the year's days later
        splits = [
            k
            for k in range(1, len(t.value))
            if t.value[k] != "0" and 1 <= int(t.value[:k]) < int(t.value[k:]) <= last
        ]
        if len(splits) != 1:
            out.append(t)
            continue
        k = splits[0]
        cut = t.start + k
        out += [
            _Tok("num", t.value[:k], t.start, cut),
            _Tok("dash", "", cut, cut),
            _Tok("num", t.value[k:], cut, t.end),
        ]
    return out


def find_dates(text: str) -> list[DateValue]:
    """Find every date and date range in a prose *text*, in order of appearance.

    In prose a bare number counts as a year only after a cue word ("in 1945", "since 1990")
    or with an era ("31 BC"); counts such as "1,800" never do.
    """
    toks = _lost_dashes(_tokenize(text))
    out: list[DateValue] = []
    i = 0
    while i < len(toks):
        if not _may_start(toks[i]):
            i += 1
            continue
        try:
            got = _expression(text, toks, i, prose=True)
        except DateError:
            got = None
        if got is None:
            i += 1
            continue
        out.append(got[0])
        i = max(got[1], i + 1)
    return [_week_of(text, d) for d in _join_nights(text, out)]


#: "the first week of April 1820": which week of the month the date names.
_WEEK_OF = re.compile(
    r"\b(?P<n>first|second|third|fourth|last|final)\s+week\s+of\s+\Z", re.IGNORECASE
)


_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def _week_of(text: str, d: DateValue) -> DateValue:
    """A month preceded by "the first (second, third, fourth, last) week of" is that week's
    seven days (UCDP date_prec 3: only the week is known)."""
    if d.precision != "month" or d.end is not None or d.start is None or d.start.startswith("-"):
        return d
    m = _WEEK_OF.search(text, max(0, d.start_offset - 30), d.start_offset)
    if m is None or _MONTH_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return d  # "from the first week of April to the third week of May": a range
    year, month = int(d.start[:4]), int(d.start[5:7])
    days = calendar.monthrange(year, month)[1]
    first = {"first": 1, "second": 8, "third": 15, "fourth": 22}.get(m.group("n").lower(), days - 6)
    start = f"{d.start}-{first:02d}"
    end = f"{d.start}-{first + 6:02d}"
    return replace(
        d,
        start=start,
        end=end,
        precision="day",
        date_prec=3,
        text=text[m.start() : d.end_offset],
        start_offset=m.start(),
    )


def _join_nights(text: str, dates: list[DateValue]) -> list[DateValue]:
    """'the night of 31 December 2022/1 January 2023': two exact days written with a slash
    between them, the second the day after the first, are one night: a two-day range."""
    out: list[DateValue] = []
    for d in dates:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end is None
            and d.end is None
            and prev.precision == "day" == d.precision
            and text[prev.end_offset : d.start_offset].strip() == "/"
            and _next_day(prev.start) == d.start
        ):
            out[-1] = DateValue(
                prev.start,
                d.start,
                "day",
                2,
                prev.approximate or d.approximate,
                text[prev.start_offset : d.end_offset],
                prev.start_offset,
                d.end_offset,
            )
            continue
        out.append(d)
    return out


def _next_day(iso: str | None) -> str | None:
    """The ISO day after *iso* (AD days only), or None."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if m is None:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if d < _month_days(y, mo):
        return f"{y:04d}-{mo:02d}-{d + 1:02d}"
    if mo < 12:
        return f"{y:04d}-{mo + 1:02d}-01"
    return f"{y + 1:04d}-01-01"


_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
#: The English month names, January first.
MONTH_NAMES = tuple(_MONTH_NAMES)


def month_number(name: str) -> int | None:
    """1–12 for an English month name or its abbreviation ("March", "sept"), else None."""
    return _MONTHS.get(name.lower())


#: A day without a year: "16 January", "August 31st". Before a day only a month name is
#: its month: "On 16 January" is not the month "On" (which hid the day).
_YEARLESS_DAY = re.compile(
    r"\b(?:(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<m1>[A-Z][a-z]+)"
    rf"|(?P<m2>(?:{'|'.join(sorted((k.title() for k in _MONTHS), key=len, reverse=True))}))"
    r"\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?)"
    r"\b(?!\s*,?\s*[0-9])"
)


#: A month without a year or day after "in/since/from/during" ("It began in September"):
#: the month of a year the context gives.
_YEARLESS_MONTH = re.compile(
    r"\b(?:in|since|from|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<m>[A-Z][a-z]+)\b"
    r"(?!\s*,?\s*[0-9])"
)


def dates_after(text: str, start: DateValue, months: bool = False) -> list[DateValue]:
    """The dates of *text* (a later sentence of the same paragraph), where a day written
    without a year ("On August 31, …") takes the year of *start*, the date the paragraph
    opened with, unless a full date earlier in *text* names a year ("in late December-early
    January 2023, and on 16 January …": 2023); with *months*, a bare month after
    in/since/from/during ("began in September") takes *start*'s year. Only dates that do not
    precede *start* are returned (with *months*, in text order)."""
    found = list(find_dates(text))
    year = (start.start or "")[:4]
    if year.isdigit():
        taken = [(d.start_offset, d.end_offset) for d in found]
        stated = [(d.end_offset, (d.end or d.start or "")[:4]) for d in found]
        for m in _YEARLESS_MONTH.finditer(text) if months else ():
            if m.group("m") not in _MONTH_NAMES or any(
                a < m.end() and m.start("m") < b for a, b in taken
            ):
                continue
            month = _MONTHS[m.group("m").lower()]
            found.append(
                DateValue(
                    f"{year}-{month:02d}",
                    None,
                    "month",
                    2,
                    False,
                    m.group("m"),
                    m.start("m"),
                    m.end(),
                )  # fmt: skip
            )
            taken.append((m.start("m"), m.end()))
        for m in _YEARLESS_DAY.finditer(text):
            month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
            day = int(m.group("d1") or m.group("d2"))
            if month is None or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = [y for e, y in stated if e <= m.start() and y.isdigit()]
            day_year = before[-1] if before else year
            if not 1 <= day <= _month_days(int(day_year), month):
                continue
            found.append(
                DateValue(
                    f"{day_year}-{month:02d}-{day:02d}",
                    None,
                    "day",
                    1,
                    False,
                    m.group(0),
                    m.start(),
                    m.end(),
                )  # fmt: skip
            )
    first = start.start or ""
    if months:
        found.sort(key=lambda d: d.start_offset)
    return [d for d in found if d.end is None and (d.start or "") >= first[: len(d.start or "")]]


def human_date(iso: str) -> str:
    """'2014-06' → 'June 2014', '2022-04-04' → '4 April 2022' (AD dates): an ISO date as
    :func:`parse_date` reads it."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def span_until(start: DateValue, end: DateValue, inside: bool = False) -> DateValue | None:
    """The range from *start* to *end* (its precision the coarser, its date_prec from its
    length), or None when *end* does not follow *start* or either is not an AD date. An end
    inside the start's month or year is refused, unless *inside* and the start is a month
    and the end a later day of it (the caller has read that the event ended that day)."""
    a, b = start.start or "", end.end or end.start or ""
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}", a) or not re.fullmatch(r"\d{4}(-\d\d){0,2}", b):
        return None
    in_month = inside and len(a) == 7 and len(b) == 10 and b.startswith(a)
    if (b.startswith(a) and not in_month) or a.startswith(b) or b < a:
        return None  # the end lies inside the start's month or year, or before it
    try:
        got = parse_date(f"{human_date(a)} – {human_date(b)}")
    except DateError:
        return None
    if got.end is None:
        return None
    return replace(got, text=start.text, start_offset=start.start_offset,
                   end_offset=start.end_offset, approximate=start.approximate)  # fmt: skip
