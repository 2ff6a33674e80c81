"""Render value-carrying templates (dates, coordinates, conversions) to text and hints.

These functions see a template's parameters as plain strings (positional list, named dict) and
return the text MediaWiki would display plus what the markup states outright (an ISO date, a
coordinate pair). They never guess: a parameter that is not a number leaves the hint out.
"""

from __future__ import annotations

import re

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_INDEX = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_INDEX.update({m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS)})
_MONTH_INDEX["sept"] = 9

_INT = re.compile(r"^-?\d{1,4}$")


def _month(value: str) -> int | None:
    v = value.strip().lower().rstrip(".")
    if v.isdigit() and 1 <= int(v) <= 12:
        return int(v)
    return _MONTH_INDEX.get(v)


def _iso_year(year: int) -> str:
    """Write a year as Wikidata does: four digits, negative for BC (no year zero)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def render_date(positional: list[str], named: dict[str, str]) -> tuple[str, str | None]:
    """Render ``{{start date|1945|8|14}}``-style parameters; return (text, ISO date or None).

    The ISO date is written only to the precision given (``1945-08``, ``1945``). A single
    free-text parameter (``{{dts|14 August 1945}}``) is displayed as written and parsed only
    when it is an unambiguous day-month-year or month-day-year date.

    >>> render_date(["1945", "8", "14"], {})
    ('14 August 1945', '1945-08-14')
    >>> render_date(["1945", "8"], {"df": "y"})
    ('August 1945', '1945-08')
    >>> render_date(["August 14, 1945"], {})
    ('August 14, 1945', '1945-08-14')
    """
    args = [a.strip() for a in positional if a.strip()]
    if not args:
        return "", None
    if _INT.match(args[0]):
        year = int(args[0])
        month = _month(args[1]) if len(args) > 1 else None
        day = int(args[2]) if len(args) > 2 and args[2].isdigit() else None
        if month is None:
            return (f"{-year} BC" if year < 0 else str(year)), _iso_year(year)
        ytext = f"{-year} BC" if year < 0 else str(year)
        if day is None or not 1 <= day <= 31:
            return f"{MONTHS[month - 1]} {ytext}", f"{_iso_year(year)}-{month:02d}"
        return f"{day} {MONTHS[month - 1]} {ytext}", f"{_iso_year(year)}-{month:02d}-{day:02d}"
    text = args[0]
    return text, parse_text_date(text)


_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{1,4})$")
_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{1,4})$")
_MY = re.compile(r"^([A-Za-z]+)\s+(\d{3,4})$")


def parse_text_date(text: str) -> str | None:
    """Parse a plain ``14 August 1945`` / ``August 14, 1945`` / ``August 1945`` date to ISO.

    >>> parse_text_date("14 Aug 1945"), parse_text_date("not a date")
    ('1945-08-14', None)
    """
    t = text.strip()
    if m := _DMY.match(t):
        day, month, year = int(m.group(1)), _month(m.group(2)), int(m.group(3))
    elif m := _MDY.match(t):
        month, day, year = _month(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _MY.match(t):
        month, year = _month(m.group(1)), int(m.group(2))
        return f"{year:04d}-{month:02d}" if month else None
    elif re.fullmatch(r"\d{4}", t):
        return t
    else:
        return None
    if month is None or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_NUM = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_HEMI = {"n": 1, "s": -1, "e": 1, "w": -1}


def render_coord(positional: list[str]) -> tuple[str, tuple[float, float] | None]:
    """Render ``{{coord}}`` parameters; return (text, (lat, lon) or None).

    Accepts decimal (``{{coord|48.18|11.55}}``, signed) and degree/minute/second forms with
    N/S/E/W (``{{coord|48|10|47|N|11|32|57|E}}``); positional parameters after the
    coordinates (``region:DE``, ``type:event``) are ignored.

    >>> render_coord(["48", "10", "47", "N", "11", "32", "57", "E", "region:DE"])
    ('48°10′47″N 11°32′57″E', (48.179722, 11.549167))
    >>> render_coord(["-33.5", "151.2"])
    ('33.5°S 151.2°E', (-33.5, 151.2))
    """
    args = [a.strip() for a in positional]
    nums: list[str] = []
    for a in args:
        if _NUM.match(a) or a.lower() in _HEMI:
            nums.append(a)
        else:
            break
    hemis = [i for i, a in enumerate(nums) if a.lower() in _HEMI]
    try:
        if not hemis and len(nums) >= 2:
            lat, lon = float(nums[0]), float(nums[1])
            text = (
                f"{abs(lat):g}°{'N' if lat >= 0 else 'S'} {abs(lon):g}°{'E' if lon >= 0 else 'W'}"
            )
            return text, (lat, lon)
        if len(hemis) == 2 and hemis[1] > hemis[0] > 0:
            lat_parts, lat_h = nums[: hemis[0]], nums[hemis[0]].upper()
            lon_parts, lon_h = nums[hemis[0] + 1 : hemis[1]], nums[hemis[1]].upper()
            if not (1 <= len(lat_parts) <= 3 and 1 <= len(lon_parts) <= 3):
                return "", None
            lat = _dms(lat_parts) * _HEMI[lat_h.lower()]
            lon = _dms(lon_parts) * _HEMI[lon_h.lower()]
            text = f"{_dms_text(lat_parts)}{lat_h} {_dms_text(lon_parts)}{lon_h}"
            return text, (round(lat, 6), round(lon, 6))
    except ValueError:
        return "", None
    return "", None


def _dms(parts: list[str]) -> float:
    value = 0.0
    for n, p in enumerate(parts):
        value += float(p) / (60**n)
    return value


def _dms_text(parts: list[str]) -> str:
    return "".join(p + s for p, s in zip(parts, ("°", "′", "″"), strict=False))


_RANGE_WORDS = {
    "-": "–",
    "–": "–",
    "to": " to ",
    "and": " and ",
    "or": " or ",
    "x": " × ",
    "by": " by ",
    "+": " + ",
    "to(-)": " to ",
    "and(-)": " and ",
}


def render_convert(positional: list[str]) -> str:
    """Render ``{{convert}}`` as the first value(s) and the unit, without the conversion.

    >>> render_convert(["5", "km", "mi"]), render_convert(["5", "to", "10", "km"])
    ('5 km', '5 to 10 km')
    """
    args = [a.strip() for a in positional]
    if not args:
        return ""
    text = args[0]
    i = 1
    while i + 1 < len(args) and args[i].lower() in _RANGE_WORDS:
        text += _RANGE_WORDS[args[i].lower()] + args[i + 1]
        i += 2
    if i < len(args) and args[i]:
        text += " " + args[i]
    return text


_PROP = re.compile(r"\b[Pp](\d+)\b")


def wikidata_property(*texts: str) -> str | None:
    """Return the first Wikidata property id (``P1120``) named in *texts*, or None."""
    for t in texts:
        if m := _PROP.search(t):
            return "P" + m.group(1)
    return None
