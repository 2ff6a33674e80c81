"""Normalise casualty figures: phrases such as ``over 1,000 killed`` become intervals.

A :class:`Figure` keeps the phrase exactly as written (``text == given[start:end]``), its
category, its comparator and the interval ``[low, high]`` (``None`` = unbounded), plus ``best``
when the text gives a point or approximate value. The rules, as in DESIGN.md "Numbers":

Numbers
  * Digits with thousands separators ``1,800`` / ``1 800`` (no-break or thin space); ``5.000``
    with exactly three digits after the dot is five thousand; ``8.7 million``; word numbers
    ``one thousand``, ``twenty-five``, ``a dozen``, ``two hundred and fifty``.
  * Vague quantities: ``a few`` 2–9, ``several`` 3–9, ``several hundred`` 300–999,
    ``dozens`` 24–99, ``hundreds`` 200–999, ``thousands`` 2000–9999, ``tens of thousands``
    20000–99999, ``hundreds of thousands`` 200000–999999; ``none``/``0``/``no`` + category is
    [0, 0].
  * ``unknown``, ``heavy``, ``light``, ``many``, ``estimates vary`` … are statements with a null
    interval (``unknown=True``, comparator None).

Comparators (the qualifier binds to the number it precedes only)
  * ``=`` a bare number: low = high = best.
  * ``>`` over, more than, well over, in excess of, ``>N``: low N+1.
  * ``>=`` at least, no fewer than, ``N+``, ``N or more``, ``A–B+``: low N (or A).
  * ``<`` fewer than, less than, under, nearly, almost: high N−1.
  * ``<=`` up to, as many as, at most, no more than: high N.
  * ``~`` c., ca., circa, about, around, roughly, approx., some, an estimated, ``~``, ``≈``,
    ``(est.)``: best N only, ``approximate=True``.
  * ``range`` both ends finite: ``300–500``, ``between 300 and 500``, ``300 to 500``,
    ``c. 300–400`` (approximate range), vague quantities, ``over half of a group of 1,800``
    (low 901, high 1800). A shared magnitude applies to both ends (``10-12,000`` is
    10000–12000, ``8.7–10 million``); a range of ranges is its envelope.

Categories
  * killed: killed, dead, deaths, died (of disease/wounds), fatalities, fell, KIA, executed,
    drowned, murdered, massacred, slaughtered, perished, lost their lives …
  * wounded: wounded, injured, injuries, WIA; captured: captured, prisoners, POW, surrendered,
    apprehended, taken prisoner, detained; missing: missing, MIA, disappeared.
  * casualties: casualties, losses, and any phrase naming two categories (``killed and
    wounded``, ``captured or missing``, ``dead, wounded, or captured``). The sick count as a
    second group: ``sick or wounded`` is casualties; ``sick`` alone names no category.
  * With no category word the field decides (*default_category*). A line that is only a
    label (``Military dead:``) gives its category and party to the following lines.

Statements about the same text
  * ``including N X`` (and figures in parentheses right after a figure, when they name no other
    category) are ``subset=True``: the total is unchanged; they inherit the category. When the
    main figure is undifferentiated casualties and X names one category (``killed, wounded
    including 6,000 captured``), the figure is that category's own count, not a subset.
  * ``(French claim)``, ``(Herodotus)``, ``(modern estimates)``, ``according to Soviet
    sources`` are kept verbatim as the figure's ``attribution``; they do not change the interval.

Not casualties
  * Years and dates (``14 August 1945``, ``(1937–45)``, ``1945-08-14``), ordinals and unit
    names (``39th Army``), ship names, prices (``300 yen``, ``$5``), percentages, times,
    distances, page numbers (``p. 47``), equipment (``200 tanks``, ``1 ship sunk``, ``36
    aircraft``) and animals (horses) never become figures.
  * In prose (:func:`figures_in_sentence`) a number counts only when it is tied to a casualty
    word: the object of a casualty verb (``murdered over 1,000 refugees``, ``death toll of
    300``, ``the massacre of 300``), or followed by one (``300 people were killed``, ``300
    dead``). A massacre or war crime *against* a number of people is a killed figure. Any other
    number (``a group of 1,800`` on its own, ``300 yen``) is not.

All functions are pure and use regular expressions compiled at import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

__all__ = [
    "Figure",
    "FigureError",
    "convert",
    "figures_in_field",
    "figures_in_sentence",
    "word_value",
    "FIELD_CATEGORIES",
]


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure: the phrase, its category and its interval.

    ``text == given[start:end]`` for the string the figure was found in.
    """

    text: str
    start: int
    end: int
    category: str | None
    comparator: str | None
    low: int | None
    high: int | None
    best: int | None
    approximate: bool = False
    unknown: bool = False
    party: str | None = None
    attribution: str | None = None
    subset: bool = False
    #: a part the text says comes on top of a figure before it ("a further 40", "57 more")
    additional: bool = False


class FigureError(ValueError):
    """A phrase holds no casualty figure (the message quotes the phrase)."""


#: Default category of an infobox field's figures when the value names none, by canonical key
#: (see :mod:`eventledger.definitions`).
FIELD_CATEGORIES: dict[str, str | None] = {
    "casualties": "casualties",
    "casualties_other": "casualties",
    "deaths": "killed",
    "fatalities": "killed",
    "injuries": "wounded",
    "missing": "missing",
    "strength": None,
    "victims": None,
}

# ---------------------------------------------------------------------------------------------
# Number atoms
# ---------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_UNIT_RE = "|".join(sorted((u for u in _UNITS if u != "zero"), key=len, reverse=True))
_WORD = rf"(?:{_UNIT_RE}|hundred|thousand|million|billion|dozen)"
_WORDNUM = (
    rf"(?:(?:{_UNIT_RE})|a(?=\s+(?:hundred|thousand|million|billion|dozen)\b))"
    rf"(?:(?:\s+|-|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+){_WORD})*"
)
_DIGITS = (
    r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009|\u2007|'|\.(?=\d{3}(?!\d)))\d{3})+(?![\d])"
    r"|\d{1,3}(?:\s\d{3})+(?![\d,.])(?=\s*(?:killed|dead|deaths|wounded|casualties|people|"
    r"civilians|soldiers|troops|men\b)|\Z)"
    r"|\d+(?:\.\d+)?"
)
_VAGUE_VALUES: list[tuple[str, int, int]] = [
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+millions", 20_000_000, 99_999_999),
    (r"hundreds\s+of\s+millions", 200_000_000, 999_999_999),
    (r"several\s+hundred\s+thousand", 300_000, 999_999),
    (r"a\s+few\s+hundred\s+thousand", 200_000, 999_999),
    (r"several\s+hundred", 300, 999),
    (r"a\s+few\s+hundred", 200, 999),
    (r"several\s+thousand", 3000, 9999),
    (r"a\s+few\s+thousand", 2000, 9999),
    (r"several\s+million", 3_000_000, 9_999_999),
    (r"a\s+few\s+million", 2_000_000, 9_999_999),
    (r"several\s+dozen", 36, 119),
    (r"a\s+few\s+dozen", 24, 119),
    (r"dozens", 24, 99),
    (r"hundreds", 200, 999),
    (r"thousands", 2000, 9999),
    (r"millions", 2_000_000, 9_999_999),
    (r"several", 3, 9),
    (r"a\s+few", 2, 9),
]
_VAGUE_COMPILED = [(re.compile(p + r"\Z", re.I), lo, hi) for p, lo, hi in _VAGUE_VALUES]
_VAGUE = "|".join(p for p, _, _ in _VAGUE_VALUES)
_VAGUE_WORD = re.compile(rf"\b(?:{_VAGUE})\b", re.I)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b", re.I)


def is_vague(text: str) -> bool:
    """Whether a figure's phrase counts only with a vague word ("injured several",
    "hundreds were killed", "a few dozen"): no digit and no number word in it."""
    return (
        not any(ch.isdigit() for ch in text)
        and _VAGUE_WORD.search(text) is not None
        and _NUMBER_WORD.search(text) is None
    )


_ZERO = r"none|nil|nobody|no\s+one|zero"
_MAG = r"(?:\s*|-)(?:million|billion|thousand|hundred)\b"

_ATOM = (
    rf"(?:(?<![\w$£€¥#/:])(?:(?<!\.)|(?<=\b[cC]\.)|(?<=\b[cC][aA]\.))"
    rf"(?:(?:{_VAGUE}|{_ZERO}|{_WORDNUM})(?![\w-])"
    rf"|(?:{_DIGITS})(?!\w|\.\d)(?:{_MAG})?))"
)

_GT = (
    r"well\s+over|well\s+above|well\s+in\s+excess\s+of|far\s+more\s+than|many\s+more\s+than|"
    r"more\s+than|over|above|in\s+excess\s+of|upwards\s+of|upward\s+of|exceeding|beyond|"
    r"greater\s+than|>(?!=)"
)
_GE = (
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|not\s+fewer\s+than|"
    r"a\s+minimum\s+of|minimum\s+of|min\.|≥|>="
)
_LT = (
    r"fewer\s+than|less\s+than|just\s+under|just\s+below|not\s+quite|under|below|nearly|"
    r"almost|short\s+of|<(?!=)"
)
_LE = (
    r"(?:possibly\s+|perhaps\s+)?(?:up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|"
    r"no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|max\.)|≤|<="
)
_APPROX = (
    r"\{\{\s*circa\s*\}\}|c\.|ca\.|circa|approx\.|approximately|approximate|about|around|"
    r"roughly|some|an\s+estimated|estimated|est\.|close\s+to|perhaps|possibly|reportedly\s+some|"
    r"~|≈|∼|c(?=\s?\d)|ca(?=\s\d)"
)
_QUAL = (
    rf"(?P<{{n}}gt>{_GT})|(?P<{{n}}ge>{_GE})|(?P<{{n}}le>{_LE})|(?P<{{n}}lt>{_LT})"
    rf"|(?P<{{n}}ap>{_APPROX})"
)


def _qual(n: str) -> str:
    return _QUAL.replace("{n}", n)


# a run of U+FFFD is a dash lost to bad encoding ("92,000\ufffd\ufffd\ufffd100,000")
_SEP = r"\s*(?:–|—|―|-|‐|‑|−|\ufffd+|~(?=\s*\d)|\bto\b|\bor\b)\s*"
_PLUS = r"(?P<plus>\s*\+(?!\s*\d)|\s+or\s+more\b|\s+and\s+more\b|\s+plus\b(?!\s*\d))"
_EST = (
    r"(?P<est>\s*\((?:est\.?|estimated|estimate|approx\.?|approximately|approximate)\)|\s+est\.|"
    r"~(?!\s*\d))"
)
_FRACTIONS = {
    "half": (1, 2),
    "a third": (1, 3),
    "one third": (1, 3),
    "two thirds": (2, 3),
    "a quarter": (1, 4),
    "one quarter": (1, 4),
    "three quarters": (3, 4),
    "a fifth": (1, 5),
}
_FRAC = (
    r"(?P<frac>half|a\s+third|one[-\s]third|two[-\s]thirds|a\s+quarter|one[-\s]quarter|"
    r"three[-\s]quarters|a\s+fifth)\s+of\s+(?:(?:a|an|the|its|their|his)\s+)?"
    r"(?:(?:group|total|population|crowd|garrison|force|number|band|party|column|contingent|"
    r"community|crew|body)\s+of\s+(?:(?:some|about|around|roughly|approximately|c\.)\s+)?)?"
)

#: A quantity starts a word: a qualifier or fraction inside a word is none ("Hanover 3,000" is
#: not "over 3,000", "on behalf of 300" not half of 300, "a fearsome 300" not "some 300"), unless
#: it is a capitalised word glued to a lower-case one ("DeathsOver 1,000" in a browser copy;
#: not inside a word in capitals, "HANOVER 3,000") or a sign ("Deaths~300").
#: Atoms already refuse a word character before them, so the pattern can refuse such positions
#: first, which also spares the engine the whole alternation at every position inside a word.
_WORD_START = r"(?:(?<!\w)|(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))|(?=[~≈∼<>≤≥]))"
_QTY = re.compile(
    rf"{_WORD_START}(?:(?:{_qual('p')})\s*)?"
    rf"(?:{_FRAC})?"
    rf"(?:between\s+(?P<btw>{_ATOM})\s+and\s+(?:(?:{_qual('q')})\s*)?(?P<btw2>{_ATOM})"
    rf"|(?P<first>{_ATOM})(?P<rest>(?:{_SEP}(?:(?:{_qual('r')})\s*)?{_ATOM}){{0,3}}))"
    rf"{_PLUS}?{_EST}?",
    re.I,
)
_ATOM_RE = re.compile(_ATOM, re.I)
_NUM_DIGITS_RE = re.compile(rf"(?P<d>{_DIGITS})(?:{_MAG})?", re.I)
_MAG_WORD_RE = re.compile(r"(million|billion|thousand|hundred)\s*\Z", re.I)
_ZERO_RE = re.compile(rf"(?:{_ZERO})\Z", re.I)


_WORD_VALUE_SPLIT = re.compile(r"[\s-]+")


def word_value(text: str) -> int | None:
    """The value of an English number phrase ("two", "a dozen", "two hundred and fifty"), or
    None when *text* is not one."""
    total = 0
    current = 0
    seen = False
    for tok in _WORD_VALUE_SPLIT.split(text.lower()):
        if tok in ("", "and"):
            continue
        if tok == "a":
            current = 1
            seen = True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


@dataclass(frozen=True, slots=True)
class _Atom:
    low: int | None
    high: int | None
    exact: bool  # a single number (not a vague quantity)
    plain_digits: bool  # digits with no separator and no magnitude
    year_like: bool
    text: str


#: Larger than any count of people (about 10^11 humans have ever lived); a bigger digit run is
#: an identifier, and would overflow a 64-bit integer column downstream.
_MAX_COUNT = 10**12


_SPACES = re.compile(r"\s+")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGIT_SEPARATORS = re.compile(r"[,\s\u202f\u00a0\u2009\u2007']")


def _atom_value(raw: str) -> _Atom | None:
    """Parse one number atom: digits, a word number, a vague quantity or zero."""
    t = raw.strip()
    low_t = _SPACES.sub(" ", t.lower())
    for rx, lo, hi in _VAGUE_COMPILED:
        if rx.match(low_t):
            return _Atom(lo, hi, False, False, False, t)
    if _ZERO_RE.match(low_t):
        return _Atom(0, 0, True, False, False, t)
    m = _NUM_DIGITS_RE.fullmatch(t)
    if m:
        d = m.group("d")
        mag = _MAG_WORD_RE.search(t[m.end("d") :])
        scale = _SCALES[mag.group(1).lower()] if mag else 1
        if _DOT_THOUSANDS.fullmatch(d):
            value = float(d.replace(".", ""))
        else:
            value = float(_DIGIT_SEPARATORS.sub("", d))
        value *= scale
        if not math.isfinite(value) or value > _MAX_COUNT:
            return None  # a digit run no count of people reaches (an ISBN, an id, garbage)
        if abs(value - round(value)) > 1e-6:
            # "8.7" is only a number with a magnitude shared from the other end of a range
            return _Atom(None, None, True, False, False, t)
        plain = d.isdecimal() and scale == 1  # (re's \d is a decimal digit)
        year = plain and len(d) == 4 and 1000 <= int(d) <= 2099
        return _Atom(round(value), round(value), True, plain, year, t)
    v = word_value(low_t)
    if v is None:
        return None
    return _Atom(v, v, True, False, False, t)


# ---------------------------------------------------------------------------------------------
# Words around numbers
# ---------------------------------------------------------------------------------------------

_CATWORDS: list[tuple[str, str]] = [
    (
        r"killed\s+in\s+action|k\.?i\.?a\.?|killed|dead|deaths?|died(?:\s+of\s+(?:disease|wounds|"
        r"illness|injuries|starvation|hunger|exposure))?|die|fatalities|fatality|fatally\s+"
        r"(?:wounded|injured)|fell(?!\s+(?:sick|ill)\b)|fallen|executed|drowned|murdered|massacred|slaughtered|slain|"
        r"perished|lost\s+their\s+lives|lives\s+lost|lives|shot\s+dead|burned\s+alive|"
        r"beheaded|hanged|bodies|victims\s+killed|deceased|"
        r"(?:clubbed|beaten|stabbed|hacked|burned|burnt|stoned|tortured|starved|bludgeoned|"
        r"crushed|trampled)\s+to\s+death",
        "killed",
    ),
    (r"wounded|injured|injuries|injury|w\.?i\.?a\.?|hurt", "wounded"),
    (
        r"captured|prisoners?(?:\s+of\s+war)?|p\.?o\.?w\.?s?|surrendered|taken\s+prisoner|"
        r"taken\s+captive|captives?|detained|apprehended",
        "captured",
    ),
    (r"missing(?:\s+in\s+action)?|m\.?i\.?a\.?|disappeared|unaccounted\s+for", "missing"),
    # the Soviet archives' two kinds of loss: "irrecoverable" (killed, missing and captured)
    # and "sanitary" (wounded and sick), each a mix of categories
    (
        r"(?:irrecoverable|irretrievable|sanitary)(?:\s+(?:losses|casualties))?|casualties|"
        r"casualty|losses",
        "casualties",
    ),
    # the sick are no category of their own: "sick or wounded" names two groups (a mixed
    # figure, like "killed or wounded"); "sick" alone gives no category
    (r"sick|sickness|illness|(?:fell|taken)\s+ill", "sick"),
]
_CAT_ONE = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CATWORDS))
_CAT_ONE_RE = re.compile(rf"\b(?:{_CAT_ONE})(?![\w])", re.I)
_CAT_CHAIN = re.compile(
    rf"\b(?:{'|'.join(p for p, _ in _CATWORDS)})(?![\w])"
    rf"(?:\s*(?:,\s*(?:and|or)\s+|,\s*|/|&|\band\b|\bor\b|\band/or\b)\s*"
    rf"(?:{'|'.join(p for p, _ in _CATWORDS)})(?![\w]))*",
    re.I,
)

#: Nouns of an attack's perpetrators (a bare "bombers" may be aircraft: see the users).
_PERPETRATORS = (
    r"perpetrators?|attackers?|assailants?|assassins?|gunm[ae]n|hijackers?|hostage-?\s?takers?|kidnappers?|"
    r"terrorists?|shooters?|members\s+of\s+the\s+(?:terrorist\s+|jihadist\s+)?cell"
)

_PARTIES: list[tuple[str, str]] = [
    (
        r"civilians?|non-?combatants?|villagers|refugees|residents|inhabitants|townspeople|"
        r"passengers|pedestrians|bystanders|women|children|students|worshippers|pilgrims|"
        r"protest[eo]rs|unarmed|(?:photo)?journalists?|reporters|correspondents|"
        r"aid\s+workers?|humanitarian\s+workers?",
        "civilians",
    ),
    (_PERPETRATORS + r"|suicide\s+bombers?", "perpetrators"),
    (
        r"soldiers?|troops|servicem[ae]n|military|combatants|sailors|airmen|marines|infantrymen|"
        r"militiam[ae]n|regulars",
        "military",
    ),
    (r"police(?:m[ae]n|\s+officers)?|policem[ae]n|officers", "police"),
]
_PARTY_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PARTIES)) + r")\b", re.I
)

#: Words that show a number is not about people (equipment, money, units, time, dates).
_NONCAS = re.compile(
    r"(?:tanks?|guns?|cannons?|artillery|pieces|ships?|vessels?|boats?|aircraft|aeroplanes?|"
    r"airplanes?|planes?|helicopters?|bombers|destroyers?|cruisers?|battleships?|"
    r"carriers?|frigates?|corvettes?|submarines?|u-boats?|transports?|lsts?|trucks?|lorries|"
    r"warships?|galleys|galley|galleons?|brigantines?|brigs?|sloops?|gunboats?|schooners?|"
    r"ketch(?:es)?|xebecs?|caravels?|carracks?|dhows?|junks?|steamers?|minesweepers?|"
    r"minelayers?|tankers?|tugs?|barges?|monitors?|fireships?|craft|tankettes?|half-?tracks?|"
    r"locomotives?|armou?red\s+trains?(?!\s+(?:crew\w*|personnel|soldiers|troops|men)\b)|"
    r"airships?|zeppelins?|gliders?|seaplanes?|mig-?\d*s?|mirages?|phantoms?|"
    r"[a-z]{1,3}-\d{1,4}[a-z]?s?(?=\s)(?!\s+(?:pilots?|crew\w*|airmen|aircrew|passengers?|"
    r"players?|handlers?|personnel|soldiers?|troops|men|people|members?|officers?|sailors?|"
    r"marines?)\b)|"
    r"sabres?|spitfires?|stukas?|messerschmitts?|mustangs?|harriers?|skyhawks?|"
    r"vehicles?|afvs?|apcs?|ifvs?|tractors?|prime\s+movers?|mortars?|howitzers?|cars?|horses?|mules?|camels?|elephants?|cattle|sheep|dogs?|rifles?|muskets?|"
    r"colou?rs|flags?|standards|wagons?|carts?|sunk|damaged|destroyed|scuttled|shot\s+down|"
    r"yen|dollars?|pounds?|euros?|francs?|marks|rubles?|roubles?|rupees?|usd|gbp|"
    r"%|percent|per\s*cent|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|yards?|acres?|"
    r"hectares?|tons?|tonnes?|kg|kilograms?|square|displaced|homeless|evacuated|evacuees|"
    r"expelled|expellees|deported|deportees|"
    r"hours?|hrs?|minutes?|mins?|seconds?|days?|nights?|weeks?|months?|years?|decades?|"
    r"centuries|century|a\.?m\.?|p\.?m\.?|o'clock|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|bce?|ad|ce|"
    r"armies|army|divisions?|regiments?|brigades?|corps|battalions?|companies|company|"
    r"squadrons?|fleets?|wings?|platoons?|legions?|cohorts?|units|"
    r"deserted|deserters?|desertions?|"
    r"houses?|homes|buildings?|villages|churches|farms|dwellings|mosques|synagogues|temples|"
    r"shops|countries|"
    r"times|th|st|nd|rd|votes?|seats?|copies|pages?|editions?|episodes?|floors?|storeys?|"
    r"storys?|calibre|caliber|mm|cm|inch(?:es)?)(?![\w])",
    re.I,
)
#: A unit word used as an adjective of people ("4,000 army troops killed in battle"): the
#: number counts the people, so the unit word does not make it a count of units.
_UNIT_AS_ADJECTIVE = re.compile(
    r"(?:army|navy|militia|marine|corps|division|regiment|brigade|battalion|company)\s+"
    r"(?:troops|soldiers|men|personnel|officers|regulars|sailors|recruits|conscripts|fighters)\b",
    re.I,
)
_BEFORE_NONCAS = re.compile(
    r"(?:\bpp?\.|\bpages?|\bno\.|\bnos\.|#|\$|£|€|¥|\bus\$|\bflight|\broute|\bhighway|\bhms|"
    r"\buss|\bss|\bu-|\bvolume|\bvol\.|\bchapter|\bch\.|\bsection|\bart\.|\barticle|\bp\.\s*|"
    r"\bage[sd]?|\baged|\bon|\bat|\bfrom|\bsince|\buntil|\btill|\bin|\bduring|\bby|\bof|\byear)"
    r"\s*\Z",
    re.I,
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)  # fmt: skip


def _before_date(before: str) -> bool:
    """Whether *before* ends with a month's name, a dot and spaces optional ("14 August", "13
    Nov. 1945"): the pattern ``(?:january|…|dec)\\.?\\s*\\Z`` with re.I, tested from the end
    (the search tries the pattern at every position)."""
    tail = _lower_exact(before.rstrip())
    return tail.endswith(_MONTH_NAMES) or (tail.endswith(".") and tail[:-1].endswith(_MONTH_NAMES))


_BEFORE_YEAR_PREP = re.compile(
    r"\b(?:in|on|since|from|until|till|by|during|of|year|after|before|to|early|late|mid)\s*\Z",
    re.I,
)
_STOP_WORDS = frozenset(
    "in on at by for from with into onto to during after before near under over within "
    "across against through between since until while when where whose because although "
    "but than per as".split()
)
_AUX = frozenset(
    "were was had have has been being are is be reportedly later also eventually allegedly "
    "subsequently all reported believed thought said confirmed officially either "
    "not never".split()
)
_WORD_RE = re.compile(r"[\w'’.-]+|[^\w\s]", re.U)
#: "on board" after a count of people: where they were, read over like a plain word.
_ON_BOARD = re.compile(
    r"on\s+board\b(?:\s+(?:the|a|an|both|each|the\s+two)\s+(?:(?-i:[A-Z][\w-]*)|aircraft|"
    r"airliners?|planes?|jets?|ships?|vessels?|trains?|bus|buses|ferry)"
    # the model: "ATR 72", "Boeing 737 MAX 8", "Airbus A320-200"
    r"(?:[ \u00a0](?:[\w-]*\d[\w-]*|(?-i:[A-Z]{2,5}))){0,3})?",
    re.I,
)
_ED_OK = frozenset("armed unarmed unidentified suspected alleged innocent".split())
#: After an active killing verb: its object, the one killed ("killed the gunman", "killed
#: him"): the number before the verb counts the killers.
_KILLERS_OBJECT = re.compile(
    r"\s+(?:him|her|them|the\s+(?:gunman|gunmen|attacker|attackers|"
    r"perpetrator|perpetrators|shooter|suspect|suspects|bomber|assailant|assailants|hijackers?|"
    r"terrorists?))\b",
    re.I,
)
_KILLING_VERBS = frozenset({"killed", "murdered", "executed", "slew", "shot dead"})
_PASSIVE_AUX = frozenset("was were is are be been being".split())
#: Before "dead": "shot him dead", "shot them dead".
_SHOT_OBJECT_BEFORE = re.compile(r"\bshot\s+(?:him|her|them)\s+\Z", re.I)

_ATTR_PAREN = re.compile(
    r"\((?P<a>[^()\d]{0,80}?\b(?:claims?|claimed|sources?|estimates?|figures?|according|"
    r"official|officially|reports?|reported|census|government|records?|count|counts|data|"
    r"statistics)\b[^()\d]{0,80})\)"
    r"|\((?:\[\[)?(?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\]\])?\)",
)
_ACCORDING = re.compile(r"\baccording\s+to\s+[^,;\n()]+", re.I)
_EST_PAREN = re.compile(
    r"\s*\((?:est\.?|estimated|estimate|approx\.?|approximately|approximate)\)", re.I
)
#: categories a figure can count apart (an undifferentiated total has their parts inside)
_OWN_CATEGORIES = frozenset({"killed", "wounded", "captured", "missing"})

_SUBSET_BEFORE = re.compile(
    r"(?:\bincluding|\bincl\.|\bamong\s+them|\bamong\s+whom|\bof\s+whom|\bof\s+which|"
    r"\bamongst\s+them)\s*\Z",
    re.I,
)
#: A bracket of a field's line that opens with an inclusion: "(incl. Cherokee and Lower Creek:
#: 23 killed, 47 wounded)".
_INCLUDING_LINE = re.compile(
    r"\(\s*(?:incl\.|(?:including|among\s+them|among\s+whom|of\s+whom)\b)", re.I
)
_ANOTHER_BEFORE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+(?:\w+\s+)?\Z", re.I
)
_PRISONER_NOUN = re.compile(r"\b(?:prisoners?(?:\s+of\s+war)?|captives?|pows?)\s*$", re.I)
_SHARED_NOUN = re.compile(r"\s+[A-Z][\w-]+\s+and\s+")
#: "found guilty of murdering 22 villagers": the counts of a conviction, some of the toll.
_LEGAL_COUNT_BEFORE = re.compile(
    r"\b(?:guilty\s+of|convicted\s+of|charged\s+with|accused\s+of|indicted\s+(?:for|on))"
    r"\s+(?:\w+\s+){0,2}\Z",
    re.I,
)
_PART_AFTER = re.compile(
    r"\s+(?:more|additional|further)\b|\s+(?:(?!(?:and|but|before|after|then|who|he|she|they|"
    r"it|the)\b)[\w'’-]+\s+){0,3}also\s+(?:died|perished|were\s+killed|(?:reported|been)\s+"
    r"killed)\b|\s+(?:[\w'’-]+\s+){0,2}?(?:were|was)\s+also\s+(?:reported\s+)?killed\b",
    re.I,
)
#: "Sixteen of the", "all but three of the": a count of some of the whole the figure after it
#: counts (see the figure loop of :func:`_scan`).
_SOME_OF_ALL = re.compile(
    r"(?:\b(?P<but>all\s+but)\s+)?\b(?P<n>\d[\d,]*|[A-Za-z]+(?:-[A-Za-z]+)?)\s+of\s+"
    r"(?:the|these|those|its|their|all(?:\s+the)?)\s+\Z",
    re.I,
)


#: After the whole's number: its casualty word right after its noun ("the 29 people killed",
#: "the 20 wounded", "the 29 dead"): the whole is the count, the some a part of it.
_WHOLE_COUNTED = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:killed|dead|wounded|injured|victims|casualties|fatalities)\b", re.I
)
#: Before a some: its qualifier ("more than", "at least", "between 20 and").
_SOME_QUALIFIER = re.compile(
    r"\b(?:(?P<floor>more\s+than|over|at\s+least|upwards\s+of)"
    r"|(?P<ceil>up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than)"
    r"|between\s+(?P<a>\d[\d,]*|[A-Za-z]+)\s+and"
    r"|about|around|some|nearly|almost|approximately|roughly|c\.)\s+\Z",
    re.I,
)


def _some_of_all(text: str, a: int, b: int) -> tuple[re.Match[str], int] | None:
    """The "N of the" that ends at *b* (searched from *a*) and its count N, when N is a number
    ("16", "Sixteen"); None otherwise ("half of the", "most of the")."""
    part = _SOME_OF_ALL.search(text, a, b)
    if part is None:
        return None
    value = _count_value(part.group("n"))
    return (part, value) if value is not None else None


def _count_value(text: str) -> int | None:
    """A count written in digits ("1,153") or in words ("Sixteen"); None when it is neither."""
    return int(text.replace(",", "")) if text[0].isdigit() else word_value(text)


#: "Of the black dead, 17 were killed by police": a part of a toll named before it.
_OF_THE_DEAD = re.compile(
    r"\bof\s+the\s+(?:\w+\s+){0,2}(?:dead|killed|victims|wounded|injured|casualties)\s*,\s*\Z",
    re.I,
)
#: A verb that closes a figure's clause ("60 were wounded").
_CLAUSE_VERB = re.compile(
    r"\b(?:were|was|are|is|had|have|has|died|killed|injured|wounded|perished|dead)\b", re.I
)
#: Between one listed group's count and the next: "20 Palestinians and 5 Israelis",
#: "12 soldiers, 3 police officers and 2 civilians".
_LIST_GOES_ON = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
#: "… and three others were injured": others beside a figure of the same category before it.
_OTHERS_AFTER = re.compile(r"\s+(?:other|others)\b", re.I)
#: Between a verb's object and its second one: "killed 12 students and 1 teacher".
_AND_OBJECT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
#: Nouns of a group of people a count may name ("twelve students", "one teacher"); also the
#: group nouns of a sentence's listed parts (statements._listed_parts).
PEOPLE_NOUNS = (
    r"teachers?|students?|children|women|men|civilians?|soldiers?|officers?|policem[ae]n|"
    r"guards?|workers?|passengers?|pupils?|staff|members?|worshippers?|villagers?|residents?|"
    r"tourists?|employees?|firefighters?|hostages?|sailors?|seamen|marines?|airmen|"
    r"servicem[ae]n|paratroopers?|commandos?|guerrillas?|bystanders?|troops|militants?|"
    r"rebels?|insurgents?|gendarmes?|"
    r"pilgrims?|protesters?|demonstrators?|miners?|strikers?|prisoners?|inmates?|refugees?|"
    r"journalists?|doctors?|nurses?|patients?|priests?|monks?|nuns?|peacekeepers?|crewmen|"
    r"settlers?|farmers?|peasants?|girls|boys|infants|babies|knights?|nobles?|noblemen|"
    r"archers?|warriors?|captains?|lieutenants?|generals?|colonels?|majors?|sergeants?|"
    r"adults?|elders?|persons|crew(?:\s+members)?"
)
#: After a count's noun: another count joined to it, then the clause's verb ("… and 73 Arabs
#: were wounded"): the two counts are the subjects of that verb.
_SUBJECTS_THEN_VERB = re.compile(
    r"\s+and\s+(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:[A-Za-z-]+\s+){0,2}?(?:were|was)\s+"
    r"(?:also\s+)?(?:\w+ed|hurt|wounded|injured|killed)\b"
)
#: A verb right after a noun of people: the noun is a new clause's subject ("… and 200
#: students fled", "… and 3 militants were arrested"), no object of the verb before.
_CLAUSE_VERB_AFTER = re.compile(
    r"\s+(?:also\s+|later\s+)?(?:were|was|are|is|had|have|has|took|fled|ran|got|went|came|left|hid|"
    r"did|could|would|remained|survived|escaped|managed|stayed|returned|surrendered|responded|"
    r"suffered|arrived|claimed|reported|attempted|tried|opened|reached|entered|retreated|withdrew|"
    r"joined|helped|continued|began|started|gathered|watched|fought|resisted|refused|rushed)\b"
    # a participle with a finite verb after it is the subject's: "3 soldiers stationed nearby
    # were wounded" (a participle alone, "3 soldiers stationed nearby", is no new clause)
    r"|\s+[a-z]+ed\b(?:(?!\b(?:that|which|who|whom|where|what|how|to\s+(?!the\b|an?\b)[a-z]+)\b)"
    r"[^.;,]){0,40}?"
    r"\b(?:were|was|are|is|had|have|has)\b"
)
#: After ";" on a line of figures an "unknown" tail is a part nobody counted ("; civilian
#: injured unknown", "; Arabs unknown"), except what else is unknown ("; motive unknown").
_NOT_A_TAIL = re.compile(
    r"\b(?:identity|identities|motives?|causes?|perpetrators?|attackers?|suspects?|culprits?|"
    r"assailants?|gunm[ae]n|killers?|bombers?|responsibility|dates?|reasons?|nationality|"
    r"nationalities|weapons?|whereabouts|location|affiliation|origin)\b",
    re.I,
)
#: A people named by its plural, capitalised ("Kenyans", "Israelis", "Serbs", "Japanese",
#: "English", "Dutch", "Englishmen"; not "Hamas" or "Panzers"):
#: the noun of a count ("killing ten Kenyans and three Israelis"). Case-sensitive inside
#: case-insensitive patterns.
PLURAL_PEOPLE = (
    r"(?-i:[A-Z][a-z]+(?:ans|ians|is|ese|ish|ch|ites|men)\b|(?:Jews|Arabs|Serbs|Croats|Turks|"
    r"Kurds|Poles|Czechs|Scots|Swedes|Danes|Finns|Greeks|Copts|Sikhs|Hindus|Muslims|Tamils|"
    r"Uyghurs|Hutus|Tutsis|Zulus|Boers|Moors|Franks|Saxons|Normans|Britons|Celts|Gauls|Goths|"
    r"Huns|Tatars|Mongols|Cossacks|Kazakhs|Uzbeks|Tajiks|Pashtuns|Hazaras|Yazidis|Sunnis|"
    r"Aztecs|Incas|Maya|Druze)\b)"
)
#: The same after the first object's own noun: "shot dead sixteen pupils and one teacher".
_AND_OBJECT_AFTER_NOUN = re.compile(
    rf"(?:\s+(?:[A-Za-z-]+\s+)?(?:{PEOPLE_NOUNS}|people|persons|{PLURAL_PEOPLE})\b)?"
    rf"{_AND_OBJECT.pattern}",
    re.I,
)
#: After a count of people: they are some of those counted before ("12 Americans among them").
_AMONG_THEM = re.compile(
    r"\s*,?\s*(?:among|of)\s+(?:them|whom|those|the\s+(?:dead|victims|killed|wounded))\b", re.I
)
#: A noun of people right after a number ("one teacher", "two police officers", "three
#: Israelis").
_PEOPLE_NOUN = re.compile(
    rf"\s+(?:(?:[A-Za-z-]+\s+)?(?:{PEOPLE_NOUNS}|people|persons|police\s+officers?|others?|"
    rf"victims?)\b|{PLURAL_PEOPLE})",
    re.I,
)
_LABEL = re.compile(r"[\s'\"*•·#\-]*(?P<label>[A-Za-z][^:\d\n]{0,50}?)[\s'\"]*:", re.U)
_UNKNOWN_FIELD = re.compile(
    r"\b(?:unknown|not\s+known|unclear|uncertain|undetermined|unreported|estimates\s+vary|"
    r"heavy|light|many|numerous|countless|untold|very\s+high|high|low|minimal|few|"
    r"significant|considerable|substantial|severe|moderate|scores|n/?a)\b",
    re.I,
)

#: An estimate that names its category before the figure: "put the dead at 126", "estimated
#: the wounded at 135" (not "placed the dead at 3 mass graves": see _PLACES_AFTER).
#: The verbs of an estimate that may also place things ("placed the dead at 3 mass graves").
_PLACE_VERBS = r"placed|places|placing|set|sets|gave|gives"
_PUT_AT = rf"(?:put|puts|putting|estimated|estimates|estimate|{_PLACE_VERBS})\s+(?:the\s+)?"
#: "placed the dead at 3 mass graves": after such a verb, the figure counts places, no people.
_PLACED_AT_BEFORE = re.compile(rf"\b(?:{_PLACE_VERBS})\s+(?:the\s+)?[\w\s]{{0,30}}?\bat\s*\Z", re.I)
_PLACES_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:graves?|sites?|hospitals?|locations?|cemeter(?:y|ies)|places?|camps?|"
    r"points?|villages?|morgues?|clinics?|shelters?|positions?)\b"
)
#: "… put the dead at 126 and the wounded at 135": the second category shares the verb (only
#: after a first category's own figure: "the dead and wounded at 1,200" names two categories).
_PUT_AT_AND = (
    r"(?:(?:dead|deaths|death\s+toll|number\s+of\s+(?:the\s+)?dead)\s+at\s+[^;]{1,40}?,?\s+"
    r"and\s+(?:the\s+)?)?"
)
# Prose: casualty verbs or nouns whose object is the number that follows.
_TRIGGER_BEFORE = re.compile(
    r"(?:(?P<k>\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|massacr(?:ed|ing|es?)|"
    r"slaughter(?:ed|ing|s)?|execut(?:ed|ing|es?)|shot\s+dead|shot\s+and\s+killed|"
    r"gunned\s+down|slew|slain|slaying|exterminat(?:ed|ing)|drown(?:ed|ing)|"
    r"(?:claim(?:ed|ing|s)?|took|taking|take|cost(?:ing)?)\s+the\s+lives\s+of|"
    r"(?:death|casualty|fatality)\s+tolls?(?:\s+(?:(?:later|eventually|then|subsequently|"
    r"finally|further)\s+)?(?:of|was|is|stood\s+at|rose\s+to|reached|at|"
    r"to|climbed\s+to|had\s+risen\s+to|has\s+risen\s+to|increased\s+to|numbered|of\s+some|"
    # "The death toll is estimated at between 200 and 250", "… was officially put at 59"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:(?:officially|variously|later|generally|usually|"
    r"now|initially|commonly|often|eventually|finally|also)\s+)?"
    r"(?:estimated|put|given|reported|placed|calculated|recorded|set)\s+(?:at|as)))?|"
    # "The number of dead is estimated at 300", "The dead were estimated at 200"
    r"(?:number\s+of\s+(?:the\s+)?(?:dead|deaths|killed|fatalities)|(?<=the\s)dead)\s+"
    r"(?:is|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:officially|variously|later|generally|usually|now|initially|commonly|often|"
    r"eventually|finally|also)\s+)?"
    r"(?:estimated|put|given|reported|placed|calculated|recorded|set)\s+(?:at|as)|"
    r"(?:the\s+)?deaths?\s+of|killings?\s+of|murders?\s+of|massacres?\s+of|slaughter\s+of|"
    r"executions?\s+of|extermination\s+of|deaths\s+(?:numbered|totall?ed|reached)|"
    r"dead\s+numbered|fatalities\s+(?:numbered|totall?ed|of|reached|were)|"
    r"mass\s+murder\s+of|"
    # "the report put the dead at 126 (and the wounded at 135)"
    rf"{_PUT_AT}(?:dead|deaths|number\s+of\s+(?:the\s+)?dead)\s+at|"
    # "Estimates of the number killed range from 25 to 120"
    r"(?:(?:total\s+)?number\s+(?:of\s+(?:people\s+|those\s+)?)?(?:killed|dead|deaths)|"
    r"death\s+tolls?|(?<=the\s)(?:total\s+)?dead)\s+"
    r"(?:\w+\s+){0,2}?(?:range[sd]?|var(?:y|ies|ied))(?:\s+from)?))"
    r"|(?P<w>\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)|injuries\s+to|"
    rf"{_PUT_AT}{_PUT_AT_AND}(?:wounded|injured|number\s+of\s+(?:the\s+)?(?:wounded|injured))"
    r"\s+at|"
    r"injuries\s+(?:numbered|totall?ed|of)))"
    r"|(?P<c>\b(?:captur(?:ed|ing|es?)|took\s+prisoner|taking\s+prisoner))"
    # "put the dead and wounded at 1,200", "put casualties at 1,200": both categories
    rf"|(?P<x>{_PUT_AT}(?:(?:number\s+of\s+(?:the\s+)?)?(?:dead|killed)\s+and\s+(?:the\s+)?"
    r"(?:wounded|injured)|(?:total\s+)?casualties)\s+at"
    r"|\b(?:casualties\s+(?:of|were|numbered|totall?ed|totaling|totalling|reached|"
    r"stood\s+at|amounted\s+to)|losses\s+(?:of|were|amounted\s+to|totall?ed|numbered)))"
    r"|(?P<a>\bagainst|\btargeting)"
    r")\s+(?:(?:all|some)\s+(?:of\s+)?)?(?:the\s+|an?\s+(?=estimated))?(?:remaining\s+)?\Z",
    re.I,
)
_TRIGGER_CUES = (
    ("kill", "murder", "massacr", "slaughter", "execut", "shot", "gunned", "slew", "slain",
     "slaying", "extermin", "drown", "lives", "death", "casualt", "fatalit", "toll", "number",
     "dead", "wound", "injur", "captur", "prisoner", "losses", "against", "targeting"),
)  # fmt: skip
#: A category phrase right before a number in a field: "killed and wounded: 487".
_CAT_BEFORE = re.compile(rf"{_CAT_CHAIN.pattern}[\s'\"]*:?[\s'\"]*\Z", re.I)
#: People nouns: the object of "captured" must be people, not villages or hills.
_PEOPLE = re.compile(
    r"\A(?:\W*[\w'’.-]+){0,2}?\W*\b(?:people|persons|men|women|children|soldiers|troops|"
    r"prisoners|fighters|militants|rebels|insurgents|members|personnel|officers|sailors|crew|"
    r"crewmen|pilots|guerrill?as|combatants|civilians|others|of\s+them|mercenaries|conscripts|"
    r"pows?|servicem[ae]n|militiam[ae]n|marines|airmen|policem[ae]n|hostages|refugees|"
    r"villagers|residents|defenders|attackers|gunmen|fishermen|workers|volunteers)\b",
    re.I,
)
#: A comparison inserted between a number and its verb, closed by a comma:
#: ", compared to 1,000 of Richard's,", ", against 40 French,".
_COMPARED = re.compile(
    r",\s*(?:compared\s+(?:to|with)|as\s+against|against|versus|vs\.?)\s+(?:[^,;:.()\n]|(?<=\d)[,.](?=\d)){1,60},",
    re.I,
)
#: Places taken, counted right after the number ("Two villages, including Kubar, were captured",
#: "three rural settlements"), not further on ("300 defenders of the forts were killed").
_PLACES_TAKEN = re.compile(
    r"(?:villages|towns|settlements|cities|hamlets|positions|checkpoints|outposts|strongholds|"
    r"forts|fortresses)(?![\w])",
    re.I,
)
#: "Between 400 and 500 people, including women and children, were killed": an inserted
#: phrase that says who the counted were; the verb after it is the number's.
_APPOSED_WHO = re.compile(
    r",\s*(?:including|among\s+(?:them|whom)|(?:most|many|all|some|half|several|both)\s+of\s+"
    r"(?:them|whom)|mostly|mainly|chiefly|largely|predominantly)\s+"
    # (a list inside it has commas of its own: "most of them women, children and old men,")
    r"(?:[^,;:.()\n]|(?<=\d)[,.](?=\d)|,(?!\s+[a-z]+ed\b)(?=\s+(?:[a-z]+\s+){0,2}[a-z]+(?:,|\s+and\b)))"
    r"{1,80}?"
    r",(?=\s*(?:were|was|had|have|died|perished|lost)\b)",
    re.I,
)
#: "of 4,000 men", "out of 600 men": a force the figures after it are taken from.
_OUT_OF_BEFORE = re.compile(r"\b(?:of|out\s+of|from)\s+\Z", re.I)
#: Between two counts of a list joined by a comma ("52 women, 44 children"): the first's noun.
_LIST_COMMA_AFTER = re.compile(r"\s*,\s+")
#: A force the listed counts are taken from: "Of the 4,000 men, 300 women and 200 children
#: died", "Among the 1,200 refugees, …".
_OUT_OF_CHAIN = re.compile(
    r"\b(?:of|out\s+of|from|among(?:st)?|by)\s+(?:(?:the|its|his|her|their|some|about|around|"
    r"roughly|nearly|approximately|an\s+estimated)\s+)*\Z",
    re.I,
)
#: Between two coordinated numbers: "10 fighters and 19 soldiers".
_COORD = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,3}\s*,?\s+and\s+", re.I)
_GROUP_OF = re.compile(
    r"\b(?:group|force|crowd|army|garrison|population|total|band|column|contingent|strength)"
    r"\s+of\s+(?:(?:some|about|around|over|roughly|nearly)\s+)?\Z",
    re.I,
)
_MASSACRE_NOUN = re.compile(
    r"\b(?:massacres?|war\s+crimes?|genocide|pogroms?|killings|slaughter|mass\s+murders?|"
    r"mass\s+executions?|exterminations?|atrocit(?:y|ies)|carnage|butchery)\b",
    re.I,
)
#: Words every match of the pattern before holds, lower-cased (see _cued).
_MASSACRE_NOUN_CUES = (
    ("massacre", "war", "genocide", "pogrom", "killings", "slaughter", "mass", "extermination",
     "atrocit", "carnage", "butchery"),
)  # fmt: skip
_CASUALTY_HINT = re.compile(
    r"kill|dead|death|died|die\b|murder|massacr|slaughter|perish|execut|drown|lives|fatal|"
    r"casualt|wound|injur|captur|prisoner|missing|\bfell\b|slain|slew|losses|war\s+crime|"
    r"genocide|pogrom|atrocit|surrender|\bpows?\b|\bkia\b",
    re.I,
)
# The same test, fast: the cue stems as plain substrings of the text lower-cased by
# _lower_exact, and the few cues with word boundaries as case-sensitive patterns, each searched
# only in a text that holds its letters (one pattern of all five is tried at every position).
_HINT_STEMS = (
    "kill", "dead", "death", "died", "murder", "massacr", "slaughter", "perish", "execut",
    "drown", "lives", "fatal", "casualt", "wound", "injur", "captur", "prisoner", "missing",
    "slain", "slew", "losses", "genocide", "pogrom", "atrocit", "surrender",
)  # fmt: skip
_HINT_BOUNDED = (
    ("die", re.compile(r"die\b")),
    ("fell", re.compile(r"\bfell\b")),
    ("war", re.compile(r"war\s+crime")),
    ("pow", re.compile(r"\bpows?\b")),
    ("kia", re.compile(r"\bkia\b")),
)
#: The four characters whose case folds to or from an ASCII letter under re.I, and that letter.
_ASCII_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLDS_TO_ASCII = str.maketrans(_ASCII_FOLDS)


def _lower_exact(text: str) -> str:
    """*text* lower-cased so that a pattern whose letters are all lower-case matches in it,
    case-sensitively, what it matches in *text* with re.I, at the same offsets.

    Lower-casing alone does so for every text without the four characters of _ASCII_FOLDS
    (İ ı ſ K): they become their ASCII letter first (İ would lower to two characters)."""
    for ch in _ASCII_FOLDS:
        if ch in text:
            return text.translate(_FOLDS_TO_ASCII).lower()
    return text.lower()


def _has_casualty_hint(text: str) -> bool:
    """Whether *text* holds a casualty cue (``_CASUALTY_HINT``), without a re.I scan."""
    low = _lower_exact(text)
    for stem in _HINT_STEMS:
        if stem in low:
            return True
    for cue, pattern in _HINT_BOUNDED:
        if cue in low and pattern.search(low):
            return True
    return False


def _cued(low: str, *cues: tuple[str, ...]) -> bool:
    """Whether the lower-cased text *low* holds one word of each group of *cues*: a pattern
    whose every match holds them (lower-cased) need not be searched where this is False."""
    return all(any(c in low for c in group) for group in cues)


_VAGUE_SENT = re.compile(
    r"\b(?:(?P<many>many|numerous|countless|untold|scores|an\s+unknown\s+number(?:\s+of)?)|"
    r"(?P<heavy>heavy|light|severe|significant|considerable|substantial|high|minimal)"
    r"(?=\s+(?:casualties|losses|deaths|fatalities|death\s+tolls?)\b))",
    re.I,
)
_VAGUE_SENT_CUES = (
    ("many", "numerous", "countless", "untold", "scores", "unknown", "heavy", "light", "severe",
     "significant", "considerable", "substantial", "high", "minimal"),
)  # fmt: skip


_NO_CAS = re.compile(
    r"\bno\s+(?:(?:reported|known|further|other|civilian|military|serious|fatal|[A-Z]\w+)\s+)?"
    r"(?:casualties|deaths|fatalities|injuries|losses|dead|wounded|one\s+was\s+(?:killed|"
    r"injured|hurt|wounded))\b",
    re.I,
)
_NO_CAS_CUES = (
    ("no",),
    ("casualties", "deaths", "fatalities", "injuries", "losses", "dead", "wounded", "one"),
)
#: A percentage or fraction "of" a group: the number after it is the group, not the victims.
_SHARE_OF = re.compile(
    r"(?:%|\bper\s*cent|\bpercent|\bhalf|\bthirds?|\bquarters?|\bfifths?|\bmost|\bmany|"
    r"\bsome|\bseveral|\bfew|\bnone|\bdozens|\bhundreds|\bthousands|\d)\s+of\b[^.,;:\d]{0,30}\Z",
    re.I,
)


def _trigger_before(text: str, low: str, a: int, b: int) -> re.Match[str] | None:
    """``_TRIGGER_BEFORE.search(text[a:b])``, skipped where it cannot match: every match ends
    in a space and holds a cue word (*low* is ``_lower_exact(text)``), and most of the text
    before a number holds none (the search tries the whole pattern at every position)."""
    window = text[a:b]
    if not window[-1:].isspace() or not _cued(low[a:b], *_TRIGGER_CUES):
        return None
    return _TRIGGER_BEFORE.search(window)


def _share_of_before(text: str, low: str, a: int, b: int) -> bool:
    """Whether ``_SHARE_OF`` matches at the end of ``text[a:b]``; its "of" is at most 32
    characters before the end, and most numbers have none there (*low* is
    ``_lower_exact(text)``)."""
    return "of" in low[max(a, b - 32) : b] and _SHARE_OF.search(text, a, b) is not None


def _zero_figure(text: str, m: re.Match[str], default_category: str | None) -> Figure:
    cat = _category_of(m.group(0))[0] or default_category
    return Figure(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        category=cat,
        comparator="=",
        low=0,
        high=0,
        best=0,
        party=party_of(m.group(0)),
    )


#: "captured and executed", "captured and shot": men taken prisoner and then put to death.
_CAPTURED_THEN_KILLED = re.compile(
    r"\b(?:captured|taken\s+prisoner)\s+and\s+(?:(?:later|subsequently|then)\s+)?"
    r"(?:executed|shot|hanged|beheaded|murdered|killed|massacred|put\s+to\s+death)\b",
    re.I,
)


#: After "2,700 prisoners": the prisoners were put to death ("… executed", "… were massacred"),
#: not the prisoners acting ("600 prisoners killed their guards", "were shot at but escaped").
_THEN_PUT_TO_DEATH = re.compile(
    r"\s+(?:(?:were|was|had\s+been|being)\s+)?(?:(?:later|subsequently|then|all)\s+)?"
    r"(?:executed|shot|hanged|beheaded|murdered|killed|massacred|slaughtered|put\s+to\s+death|"
    r"put\s+to\s+the\s+sword)\b"
    r"(?!\s+(?:at|and\s+(?:wounded|injured)|or\s+(?:wounded|injured|captured|missing)|their|the|"
    r"his|her|its|two|three|four|five|six|seven|eight|nine|ten|a|an|some|several|many|\d))",
    re.I,
)


def _prisoners_put_to_death(text: str, figs: list[Figure]) -> list[Figure]:
    """ "2,700 prisoners executed", "some 300 prisoners were massacred": the prisoners' figure
    counts dead, not captured (the killing verb follows the noun; "captured and executed" is
    read by :func:`_category_of`). So do prisoners listed after the dead of a killing verb's
    object ("killed 43 civilians and 15 prisoners of war")."""
    out: list[Figure] = []
    for f in figs:
        if f.category == "captured" and _PRISONER_NOUN.search(f.text):
            prev = out[-1] if out else None
            listed = (
                prev is not None
                and prev.category == "killed"
                and _LISTED_AFTER.fullmatch(text, prev.end, f.start) is not None
                and (
                    _KILL_VERB_BEFORE.search(text, max(0, prev.start - 40), prev.start) is not None
                    or _KILL_VERB_BEFORE.match(prev.text + " ") is not None
                )
                and _OBJECT_ENDS.match(text, f.end) is not None
            )
            if listed or _THEN_PUT_TO_DEATH.match(text, f.end):
                f = replace(f, category="killed")
        out.append(f)
    return out


#: Between two listed objects of one verb: "…, ", " and ", ", and ".
_LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
#: A killing verb right before its object's count: "killed 43 civilians".
_KILL_VERB_BEFORE = re.compile(
    r"(?:^|\b)(?:killed|killing|massacred|massacring|murdered|murdering|executed|executing|"
    r"shot)\s+(?:(?:at\s+least|some|about|around|over|more\s+than|nearly|up\s+to)\s+)?"
    r"(?:\Z|(?=\d))",
    re.I,
)
#: After the last object of a verb: the clause goes on with no verb of its own ("… and 15
#: prisoners of war in the village", "… of war.", not "… and 15 prisoners escaped").
_OBJECT_ENDS = re.compile(
    r"\s*(?:[.,;:)\[]|$|(?:in|at|on|near|from|during|inside|outside|who|whom|whose|before|"
    r"after|as|by)\b)",
    re.I,
)


def _category_of(text: str) -> tuple[str | None, int, int]:
    """Category named by a category phrase (several categories -> ``casualties``)."""
    cats: list[str] = []
    for m in _CAT_ONE_RE.finditer(text):
        for i, (_, cat) in enumerate(_CATWORDS):
            if m.group(f"c{i}"):
                if cat not in cats:
                    cats.append(cat)
                break
    if not cats or cats == ["sick"]:
        return None, 0, 0
    if cats == ["captured", "killed"] and _CAPTURED_THEN_KILLED.search(text):
        return "killed", 0, 0  # "6 captured and executed": taken, then put to death
    if len(cats) > 1:
        return "casualties", 0, 0
    return cats[0], 0, 0


#: What a label counts besides its head: "Total (including civilians)" is the side's total
#: (no party), "Civilians (including children)" the civilians.
_INCLUDING_LABEL = re.compile(r"\b(?:including|incl\.|inclusive\s+of)\s+(?:the\s+)?\w", re.I)


def party_of(text: str) -> str | None:
    """The party the first party word of *text* names ("hostages, soldiers and police" →
    ``military``; "militants" → None): civilians, perpetrators, military or police."""
    m = _PARTY_RE.search(text)
    if not m:
        return None
    for i, (_, party) in enumerate(_PARTIES):
        if m.group(f"p{i}"):
            return party
    return None  # pragma: no cover


@dataclass(slots=True)
class _After:
    category: str | None = None
    party: str | None = None
    end: int = 0  # end offset of the last meaningful word
    noncas: bool = False
    transitive: bool = False  # the category verb takes a number object ("killed 50")
    bare_die: bool = False  # the category is the present-tense "die" ("300 die of hunger")


#: Nouns of an attack's perpetrators, in a bracket after a toll ("(perpetrator)", "(including
#: both gunmen)").
PERPETRATOR_NOUNS = _PERPETRATORS + r"|(?:suicide\s+)?bombers?"
#: The bracket after a toll that says its dead are all perpetrators: "(the perpetrator)", "(both
#: attackers)", "(all perpetrators)" (a pattern's text, read after a figure and at the end of
#: a statement's text).
ONLY_PERPETRATORS = rf"\(\s*(?:the|both|all|all\s+the)?\s*(?:{PERPETRATOR_NOUNS})\s*\)"
#: "Of the three North Korean agents who carried out the attack, one was killed", "Of the nine
#: gunmen, seven were shot dead": the count after it is of the perpetrators.
_OF_THE_PERPETRATORS = re.compile(
    # (the words before the noun count or describe them, "three North Korean", "nine armed":
    # no verb or preposition, "the people wounded by the gunmen" are the victims)
    rf"\b(?:of|among(?:st)?)\s+(?:the|its|their)\s+"
    r"(?:(?:\d+|(?-i:[A-Z])[\w’-]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|armed|masked|suicide|surviving|remaining|other|known|identified|alleged|Islamist|"
    r"Islamic|jihadist)\s+){0,4}"
    rf"(?:(?:{PERPETRATOR_NOUNS})(?:\s+who\s+[^,;()]{{1,60}})?|"
    r"(?:agents|men|militants|members|operatives|commandos|fighters|conspirators)\s+who\s+"
    r"(?:had\s+)?(?:carried\s+out|perpetrated|committed|staged|launched|"
    r"mounted)\b[^,;()]{0,40})\s*,\s*\Z",
    re.I,
)
#: "(perpetrator)" right after a number: the number counts the perpetrators.
_PERPETRATOR_BRACKET = re.compile(rf"\(\s*(?:the\s+)?(?:{PERPETRATOR_NOUNS})\s*\)", re.I)


#: "(are) usually said to have been", "were reported to have": a report's words before a
#: passive casualty verb.
_SAID_TO_HAVE = re.compile(
    r"(?:(?:are|were|is|was)\s+)?(?:(?:usually|widely|generally|commonly|often)\s+)?"
    r"(?:said|reported|believed|thought|estimated|known|alleged)\s+to\s+have\s+(?:been\s+)?(?=\w)",
    re.I,
)
_DIED_AFTER = re.compile(r"(?:died|perished|drowned|starved)\b", re.I)
#: "… robbed and murdered": "and" before a casualty verb, after another passive participle.
_AND_THEN_CASUALTY = re.compile(
    r"\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?=(?:killed|murdered|massacred|executed|"
    r"slaughtered|shot\s+dead|wounded|injured|beaten\s+to\s+death|burned\s+alive)"
    # (the verb ends the clause: not "freed and wounded soldiers evacuated")
    r"(?:\s*[,.;)]|\s+(?:by|in|at|on|during|when|after|before|and|or|as|near|outside|inside)\b|$))",
    re.I,
)


def _look_after(text: str, pos: int, limit: int, prose: bool) -> _After:
    """Read up to *limit* words after a number: unit words, party words, a category phrase."""
    out = _After(end=pos)
    i = pos
    n = len(text)
    words = 0
    plain_words = 0  # words read that are neither party nor category words
    prev = ""  # the last plain word read
    people_seen = False  # a plain word naming people was read ("7 people and 3 dogs")
    aux_seen = False  # a passive auxiliary was read ("were killed the same day")
    joined = False  # "and", "then" or a comma was read ("took 12 hostages and killed them")
    while words < limit and i < n:
        # skip spaces and bold/italic quote leftovers
        while i < n and (text[i].isspace() or text[i] in "'’\"*"):
            if text[i] == "\n":
                return out
            i += 1
        if i >= n:
            break
        if _DESIGNATION.match(text, i):
            out.noncas = True  # "2 Bf 109s destroyed", "1 Ju 87 lost": a count of aircraft
            return out
        if (
            words == 0
            and _NONCAS.match(text, i)
            and not _CAT_CHAIN.match(text, i)
            and not _UNIT_AS_ADJECTIVE.match(text, i)
        ):
            out.noncas = True
            return out
        said = _SAID_TO_HAVE.match(text, i) if prose else None
        if said is not None and not (
            "been" in said.group().lower() or _DIED_AFTER.match(text, said.end())
        ):
            break  # "were reported to have killed the guards": the killers, an active verb
        if said is not None:
            # "Between 20 and 30 Yaburara are usually said to have been killed": the report's
            # words before the passive are one
            i = said.end()
            words += 1
            aux_seen = True
            continue
        cm = _CAT_CHAIN.match(text, i)
        if cm and cm.group(0).strip().lower() == "die" and plain_words:
            # present-tense "die" counts only right after the number or its party words
            # ("300 civilians die"); further on it is the German article ("1990 wuchsen die")
            break
        if cm:
            out.category = _category_of(cm.group(0))[0]
            if out.category is None:
                # "1,000 sick" alone: the sick are no casualty category (DESIGN's are killed,
                # wounded, captured, missing), so the number is no casualty figure at all; a
                # casualties field would otherwise take it for the side's undifferentiated total
                out.noncas = True
                return out
            out.bare_die = cm.group(0).strip().lower() == "die"
            out.end = cm.end()
            verb = " ".join(cm.group(0).lower().split())
            if (
                prose
                and not aux_seen
                and not joined
                and "," not in text[pos : cm.start()]
                and (
                    (verb in _KILLING_VERBS and _KILLERS_OBJECT.match(text, cm.end()))
                    or (verb == "dead" and _SHOT_OBJECT_BEFORE.search(text, pos, cm.start()))
                )
            ):
                # "two RCMP officers shot him dead", "three guards killed the gunman": the
                # number counts the killers, not the dead
                out.noncas = True
                return out
            rest = text[cm.end() : cm.end() + 40]
            if prose and _QTY.match(rest.lstrip()) and rest[:1].isspace():
                out.transitive = bool(_ATOM_RE.match(rest.lstrip()) or _QTY.match(rest.lstrip()))
            return out
        wm = _WORD_RE.match(text, i)
        if not wm:
            break
        w = wm.group(0)
        lw = w.lower().rstrip(".")
        if not w[0].isalnum():
            if w in "-–":
                i = wm.end()
                continue
            pm = _PERPETRATOR_BRACKET.match(text, i) if words == 0 else None
            if pm is not None:
                # "16 +1 (perpetrator)": the bracket says whose the number is
                out.party = "perpetrators"
                out.end = pm.end()
                return out
            cmp_m = (
                (_COMPARED.match(text, i) or _APPOSED_WHO.match(text, i))
                if prose and w == ","
                else None
            )
            if cmp_m:
                # "100 of Henry's men, compared to 1,000 of Richard's, died": the inserted
                # comparison has its own number; the verb after it is this number's too
                i = cmp_m.end()
                words += 1
                continue
            break
        if w[0].isdigit() or lw in _UNITS:
            # another number starts its own phrase: "raised the toll to 89 two days later"
            # (the days are not the 89's unit) ...
            if w[0].isdigit() and prev in ("and", "or") and plain_words >= 2 and not people_seen:
                # ... unless two counts share one unit: "64 German and 20 Italian aircraft"
                # counts aircraft twice. (A shared casualty noun, "500 German and 300 Italian
                # soldiers killed", is left bare: two contingents that the assembly would
                # otherwise take for rival estimates.)
                out.noncas = _look_after(text, wm.end(), limit, prose).noncas
            break
        if (
            _NONCAS.fullmatch(lw)
            and lw not in ("may", "march", "ad", "marks")
            and not _UNIT_AS_ADJECTIVE.match(text, i)
        ) or (plain_words <= 1 and _PLACES_TAKEN.fullmatch(lw)):
            out.noncas = True
            return out
        if lw == "on" and (board := _ON_BOARD.match(text, i)):
            # "107 people on board were killed": where the people were, not when
            i = board.end()
            words += 1
            continue
        if lw in _STOP_WORDS:
            break
        if lw == "of":
            nxt = _WORD_RE.match(text, wm.end() + 1) if wm.end() < n else None
            if nxt is None or nxt.group(0)[0].isdigit():
                break
        pm = _PARTY_RE.match(text, i)
        if pm:
            out.party = out.party or party_of(pm.group(0))
            out.end = pm.end()
            i = pm.end()
            words += 1
            continue
        if prose and lw not in _AUX:
            if lw.endswith("ed") and lw not in _ED_OK:
                chained = _AND_THEN_CASUALTY.match(text, wm.end()) if aux_seen else None
                if chained is None:
                    break
                # "31 miners were robbed and murdered": a passive verb chained to the
                # casualty verb
                i = chained.end()
                words += 2
                continue
            if lw.endswith("ing"):
                break
        i = wm.end()
        words += 1
        plain_words += 1
        aux_seen = aux_seen or lw in _PASSIVE_AUX
        joined = joined or lw in ("and", "then")
        people_seen = people_seen or lw in ("people", "persons", "men", "women", "children")
        prev = lw
    return out


# ---------------------------------------------------------------------------------------------
# Building figures
# ---------------------------------------------------------------------------------------------


def _comparator_of(m: re.Match[str], prefix: str) -> str | None:
    for key in ("gt", "ge", "le", "lt", "ap"):
        if m.group(prefix + key):
            return key
    return None


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    comparator: str | None
    low: int | None
    high: int | None
    best: int | None
    approximate: bool
    year_like: bool
    plain: bool
    qualified: bool


#: Between a range's two ends, an end that is a floor: "500 – more than 1,000", "from about
#: 500 to over 1,000", "between 500 and at least 1,000".
_OPEN_END = re.compile(
    r"\s*(?:[–—-]|to|and)\s*(?:(?:more|greater)\s+than|over|at\s+least|upwards\s+of)\s*", re.I
)


def _interval(m: re.Match[str]) -> _Raw | None:
    """Turn one quantity match into comparator and interval (None when it is no number)."""
    qual = _comparator_of(m, "p")
    if m.group("btw"):
        atoms = [_atom_value(m.group("btw")), _atom_value(m.group("btw2"))]
        spans = [m.span("btw"), m.span("btw2")]
    else:
        atoms = []
        spans = []
        base = m.start("first")
        seg = m.group("first") + (m.group("rest") or "")
        for am in _ATOM_RE.finditer(seg):
            atoms.append(_atom_value(am.group(0)))
            spans.append((base + am.start(), base + am.end()))
    if not atoms or any(a is None for a in atoms):
        return None
    good = [a for a in atoms if a is not None]
    # a shared magnitude applies to both ends: "10-12,000", "8.7–10 million"
    if len(good) >= 2:
        last = good[-1]
        mag = _MAG_WORD_RE.search(last.text) or re.search(
            r"(million|billion|thousand|hundred)\b", last.text, re.I
        )
        fixed = []
        for a in good[:-1]:
            if mag and not re.search(r"million|billion|thousand|hundred", a.text, re.I):
                scale = _SCALES[mag.group(1).lower()]
                raw = re.sub(r"[^\d.]", "", a.text)
                try:
                    v = float(raw) * scale
                except ValueError:
                    v = float((a.low or 0) * scale)
                fixed.append(_Atom(round(v), round(v), True, False, False, a.text))
            elif (
                a.plain_digits
                and a.low is not None
                and last.low is not None
                and a.low < 1000
                and re.search(r"\d[,.\u202f\u00a0 ]\d{3}\Z", last.text)
                and a.low * 1000 < last.low
                and a.low * 1000 > last.low // 10
            ):
                fixed.append(_Atom(a.low * 1000, a.low * 1000, True, False, False, a.text))
            else:
                fixed.append(a)
        good = fixed + [last]
    if any(a.low is None for a in good):
        return None
    year_like = all(a.year_like or (a.plain_digits and len(a.text) <= 2) for a in good) and (
        good[0].year_like
    )
    plain = all(a.plain_digits for a in good)
    lows = [a.low for a in good if a.low is not None]
    highs = [a.high for a in good if a.high is not None]
    if not lows or not highs:
        return None
    if len(good) >= 2 and good[0].low is not None and good[-1].low is not None:
        if good[-1].low < good[0].low:
            # "1937–45", "300-50": not an interval
            return _Raw(m.start(), m.end(), None, None, None, None, False, True, plain, False)
    lo, hi = min(lows), max(highs)
    single = len(good) == 1 and good[0].exact
    approx = qual == "ap" or bool(m.group("est"))
    plus = bool(m.group("plus"))
    start, end = m.start(), m.end()

    frac = m.group("frac")
    if frac:
        num, den = _FRACTIONS[re.sub(r"[\s-]+", " ", frac.lower()).strip()]
        total = hi
        part = total * num / den
        if qual == "gt":
            return _Raw(
                start, end, "range", math.floor(part) + 1, total, None, False, False, False, True
            )
        if qual == "ge":
            return _Raw(
                start, end, "range", math.ceil(part), total, None, False, False, False, True
            )
        if qual in ("lt",):
            return _Raw(start, end, "<", None, math.ceil(part) - 1, None, False, False, False, True)
        if qual == "le":
            return _Raw(start, end, "<=", None, math.floor(part), None, False, False, False, True)
        return _Raw(start, end, "~", None, None, round(part), True, False, False, True)

    if plus or (
        len(spans) >= 2 and _OPEN_END.fullmatch(m.string, spans[-2][1], spans[-1][0]) is not None
    ):
        # "500–1,000+", "500 – more than 1,000": the range has no upper bound
        return _Raw(start, end, ">=", lo, None, None, approx, year_like, plain, True)
    if qual == "gt":
        v = lo + 1 if single else lo
        return _Raw(start, end, ">", v, None, None, False, year_like, plain, True)
    if qual == "ge":
        return _Raw(start, end, ">=", lo, None, None, False, year_like, plain, True)
    if qual == "lt":
        v = hi - 1 if single else hi
        return _Raw(start, end, "<", None, v, None, False, year_like, plain, True)
    if qual == "le":
        return _Raw(start, end, "<=", None, hi, None, False, year_like, plain, True)
    if single:
        if approx:
            return _Raw(start, end, "~", None, None, lo, True, year_like, plain, True)
        return _Raw(start, end, "=", lo, lo, lo, False, year_like, plain, False)
    return _Raw(start, end, "range", lo, hi, None, approx, year_like, plain, approx)


def _iter_quantities(text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    hi = len(text) if hi is None else hi
    pos = lo
    while pos < hi:
        # every quantity holds an atom, and an atom always starts one: where no atom is left,
        # the costlier quantity pattern (a qualifier tried at every word) has nothing to find
        if _ATOM_RE.search(text, pos, hi) is None:
            return
        m = _QTY.search(text, pos, hi)
        if not m:
            return
        if m.end() == m.start():
            pos = m.end() + 1
            continue
        yield m
        pos = m.end()


#: A catalogue or document identifier and its number, up to the end of the searched text.
#: An aircraft type named by its maker's prefix and a model number ("Bf 109", "Ju 87", "He 111",
#: "Fw 190", "MiG 15"): the number names the type, and a count before it counts aircraft.
_AIRCRAFT_MAKERS = (
    r"(?:Bf|Me|Ju|He|Fw|Do|Hs|Ar|Bv|Fi|Ki|Yak|MiG|Il|LaGG|La|Pe|Tu|Su|SB|DB|CR|BR|SM)"
)
_DESIGNATION = re.compile(_AIRCRAFT_MAKERS + r"[ \u00a0]?\d{1,3}[A-Za-z]?s?\b")
_DESIGNATION_BEFORE = re.compile(
    r"\b(?:"
    + _AIRCRAFT_MAKERS
    # an airliner's maker: "the Boeing 727", "a Fokker 100"
    + r"|Boeing|Airbus|Fokker|Embraer|Bombardier|Cessna|Learjet|Lockheed|Douglas|Vickers|Ilyushin"
    + r"|Tupolev|Antonov|Yakovlev|Sukhoi|Dassault|ATR|BAe|Saab|Dornier|Beechcraft|Avro|Convair"
    + r"|Xian|Harbin|Comac|Dash|MAX|Pilatus|Piper|Shorts|Gulfstream|Hawker|Canadair)[ \u00a0]?\Z"
)
_IDENTIFIER = re.compile(
    r"\b(?:ISBN|ISSN|OCLC|LCCN|PMID|PMC|JSTOR|doi|arXiv|Bibcode|ASIN|ISNI)(?:-1[03])?"
    r"\s*:?\s*[0-9Xx][0-9Xx \u00a0./-]*\Z",
    re.I,
)


_DATE_TIME_AFTER = re.compile(r"[-/:]\d")
_DATE_TIME_BEFORE = re.compile(r"\d[/:]\Z")
_DIGIT_DASH_BEFORE = re.compile(r"\d-\Z")
_PAGE_OR_SIGN_BEFORE = re.compile(
    r"(?:\bpp?\.|\bpages?|\bno\.|#|\$|£|€|¥|\bhms|\buss|\bflight)\s*\Z", re.I
)
_DESIGNATION_DASH_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z]{1,3}|[A-Z][a-z])-\Z")


def _rejected_by_context(text: str, raw: _Raw, m: re.Match[str], prose: bool) -> bool:
    """Numbers that are not casualties because of what stands right before or after them."""
    s, e = m.start(), m.end()
    before = text[max(0, s - 25) : s]
    # ISO dates, times and fractions: 1945-08-14, 10:30, 14/15
    if _DATE_TIME_AFTER.match(text[e : e + 2]) or _DATE_TIME_BEFORE.search(before):
        return True
    if _DIGIT_DASH_BEFORE.search(before):
        return True
    if _PAGE_OR_SIGN_BEFORE.search(before):
        return True
    if _DESIGNATION_BEFORE.search(before):
        return True  # "Bf 109", "Ju 87": an aircraft type, no count
    if prose and _PLACED_AT_BEFORE.search(text, max(0, s - 60), s) and _PLACES_AFTER.match(text, e):
        return True  # "placed the dead at 3 mass graves": places, no people
    if _DESIGNATION_DASH_BEFORE.search(before):
        return True  # "U-864", "B-52", "Su-27", "UB-29": a boat's or an aircraft's designation
    if _IDENTIFIER.search(text, max(0, s - 30), e):
        return True  # "ISBN 1-84176-408-5", "OCLC 123456789": a catalogue number, no count
    if raw.year_like and raw.comparator in ("=", None, "range"):
        if _before_date(before) or _BEFORE_YEAR_PREP.search(before):
            return True
        after = text[e : e + 12]
        if re.match(
            r"\s*(?:bc|bce|ad|ce|january|february|march|april|may|june|july|august|september|"
            r"october|november|december)\b",
            after,
            re.I,
        ):
            return True
        if raw.comparator is None:  # 1937–45
            return True
        if re.search(r"\(\s*\Z", before) and re.match(r"\s*\)", after):
            return True
        if re.match(r"\s*\)", after) and re.search(
            r"\([^()\d]*[A-Za-z][^()\d]*,\s*\Z", text[max(0, s - 80) : s]
        ):
            return True  # "35 (official French report, 1945)": the date of a source
    if raw.comparator is None:
        return True
    # a day of a month: "14 August", "13 Nov"
    if _before_date(before) and raw.plain and raw.low is not None and raw.low <= 31:
        return True
    return False


def _attribution(text: str, lo: int, hi: int) -> tuple[str | None, bool]:
    """Find an attribution or an '(est.)' marker in ``text[lo:hi]``."""
    seg = text[lo:hi]
    approx = bool(_EST_PAREN.match(seg))
    am = _ATTR_PAREN.search(seg)
    acc = _ACCORDING.search(seg)
    cands = [x for x in (am, acc) if x is not None]
    if not cands:
        return None, approx
    first = min(cands, key=lambda x: x.start())
    return first.group(0).strip().rstrip(".,;:"), approx


def _drop_equipment_breakdowns(
    found: list[tuple[_Raw, _After, int, bool]], equipment: list[tuple[int, int]]
) -> list[tuple[_Raw, _After, int, bool]]:
    """Drop the bare numbers that break an equipment count down.

    "1,977 aircraft destroyed, 1,634 in combat and 343 non-combat": the numbers after a count
    of equipment that name no category nor party and sum to exactly that count are its parts
    (aircraft), not casualties."""
    drop: set[int] = set()
    for end, count in equipment:
        run: list[int] = []
        total = 0
        for i, (raw, after, _start, _subset) in enumerate(found):
            if raw.start < end:
                continue
            if after.category or after.party or raw.best is None or raw.comparator != "=":
                break
            run.append(i)
            total += raw.best
            if total >= count:
                break
        if len(run) >= 2 and total == count:
            drop.update(run)
    return [x for i, x in enumerate(found) if i not in drop]


_LIST_SEP = re.compile(r"\s*(?:,|;|,?\s+and)\s*")


def _scan(
    text: str,
    lo: int,
    hi: int,
    default_category: str | None,
    prose: bool,
    label_cat: str | None = None,
    label_party: str | None = None,
    low: str | None = None,
) -> tuple[list[Figure], bool]:
    """Find the figures in ``text[lo:hi]`` (one field item or one sentence).

    Returns the figures and whether any number-like token was seen at all. *low* is
    ``_lower_exact(text)``, when the caller has it.
    """
    found: list[tuple[_Raw, _After, int, bool]] = []
    any_number = False
    massacre_at = None
    if low is None:
        low = _lower_exact(text)
    if prose:
        mm = _MASSACRE_NOUN.search(text, lo, hi) if _cued(low, *_MASSACRE_NOUN_CUES) else None
        massacre_at = mm.start() if mm else None
    pending: tuple[_Raw, _After, int, bool] | None = None
    # the counts of people listed by commas that end with *pending* ("52 women, 44 children
    # and 39 men died"): empty exactly when *pending* is None
    chain: list[tuple[_Raw, _After, int, bool]] = []
    equipment: list[tuple[int, int]] = []  # (end, count) of numbers that count equipment
    for m in _iter_quantities(text, lo, hi):
        raw = _interval(m)
        if raw is None:
            continue
        any_number = True
        if _rejected_by_context(text, raw, m, prose):
            continue
        if (
            not m.group("frac")
            and _share_of_before(text, low, max(lo, raw.start - 45), raw.start)
            # ("16 of the 19 people …": the figure loop takes the 16, see _SOME_OF_ALL)
            and not (prose and _some_of_all(text, max(lo, raw.start - 40), raw.start))
        ):
            continue
        after = _look_after(text, m.end(), 7 if prose else 5, prose)
        if after.noncas:
            if not prose and raw.best is not None:
                equipment.append((raw.end, raw.best))
            continue
        if after.bare_die and raw.year_like:
            continue  # "1949 die Bundesrepublik": a year and the German article
        start = raw.start
        tied = False
        if not prose and after.category is None:
            prev_end = found[-1][0].end if found else lo
            bm = _CAT_BEFORE.search(text, prev_end, raw.start)
            if bm:
                after.category = _category_of(bm.group(0))[0]
                start = bm.start()
        category = after.category
        if prose:
            if after.category and not after.transitive:
                tied = True
            tm = _trigger_before(text, low, max(lo, raw.start - 80), raw.start)
            if tm:
                tstart = max(lo, raw.start - 80) + tm.start()
                if tm.group("a"):
                    if massacre_at is not None and massacre_at < tstart:
                        tied = True
                        category = category or "killed"
                elif tm.group("c") and not (
                    after.category or after.party or _PEOPLE.match(text, raw.end, hi)
                ):
                    pass  # "captured three villages"
                else:
                    tied = True
                    if category is None or after.transitive or not tm.group("x"):
                        category = (
                            "killed"
                            if tm.group("k")
                            else "wounded"
                            if tm.group("w")
                            else "captured"
                            if tm.group("c")
                            else "casualties"
                        )
                    start = tstart + (len(tm.group(0)) - len(tm.group(0).lstrip()))
            if raw.year_like and not (after.category or after.party) and not tm:
                continue
            if raw.year_like and after.end == m.end():
                continue
        subset = bool(_SUBSET_BEFORE.search(text[max(lo, raw.start - 20) : raw.start]))
        if category != after.category:
            after.category = category
        if (
            prose
            and not tied
            and found
            and found[-1][1].category
            and _AND_OBJECT_AFTER_NOUN.fullmatch(
                text, max(found[-1][0].end, found[-1][1].end), raw.start
            )
            and (noun := _PEOPLE_NOUN.match(text, raw.end, hi))
            # not the subject of the next clause: "killed 5 people and 200 students fled"
            and not _CLAUSE_VERB_AFTER.match(text, noun.end(), hi)
            # nor, after a subject and its verb ("48 Arabs were killed"), the first of the
            # next clause's subjects: "… and 146 Jews and 73 Arabs were wounded" (after an
            # active verb's object, "killed 12 soldiers and 4 policemen and 30 people were
            # injured", the second count is the verb's object still)
            and not (
                _SUBJECTS_THEN_VERB.match(text, noun.end(), hi)
                and re.search(r"\b(?:were|was)\b", text[found[-1][0].end : found[-1][1].end])
            )
            # nor some of the first: "killed 213 people, 12 Americans among them"
            and not _AMONG_THEM.match(text, noun.end(), hi)
        ):
            # "murdered twelve students and one teacher": the verb's second object
            tied = True
            category = after.category = found[-1][1].category
            after.end = max(after.end, noun.end())
            after.party = after.party or party_of(text[raw.end : after.end])
        if prose and not tied and not (subset and found):
            new = (raw, after, start, subset)
            if (
                pending is not None
                and (pn := _PEOPLE_NOUN.match(text, pending[0].end, raw.start))
                # the people noun reaches the comma: "52 women, 44 children", not "When 300
                # soldiers arrived, 52 women"
                and _LIST_COMMA_AFTER.fullmatch(text, pn.end(), raw.start)
                and _PEOPLE_NOUN.match(text, raw.end, hi)
            ):
                chain.append(new)
            else:
                chain = [new]
            pending = new
            continue
        if (
            prose
            and pending is not None
            and _COORD.fullmatch(text, pending[0].end, raw.start)
            and not _GROUP_OF.search(text, max(lo, pending[2] - 40), pending[2])
        ):
            # "10 fighters and 19 soldiers were killed": the first number shares the verb, and
            # so do the counts listed before it ("52 women, 44 children and 39 men died")
            first = chain[0]
            listed = (
                chain
                if len(chain) > 1
                and not _OUT_OF_CHAIN.search(text, max(lo, first[2] - 40), first[2])
                and not _GROUP_OF.search(text, max(lo, first[2] - 40), first[2])
                else [pending]
            )
            for p in listed:
                p[1].category = after.category
                found.append(p)
        pending = None
        chain = []
        if not prose and after.category and len(text[raw.end : after.end].split()) >= 2:
            # "23 officers and 407 other ranks killed", "12 soldiers, 3 police officers and 2
            # civilians killed": the groups listed before share the last one's category, when
            # it names its own group too ("5,000 men, 300 killed": a force and its loss)
            nxt_start = raw.start
            shared = []
            for prev in reversed(found):
                if not (
                    prev[1].category is None
                    and _LIST_GOES_ON.fullmatch(text, prev[0].end, nxt_start)
                    and _PEOPLE_NOUN.match(text, prev[0].end, nxt_start)
                ):
                    break
                shared.append(prev)
                nxt_start = prev[2]
            if shared and not _OUT_OF_BEFORE.search(text, max(lo, nxt_start - 12), nxt_start):
                for prev in shared:  # (not "Of 4,000 men engaged, …": the whole force)
                    prev[1].category = after.category
        found.append((raw, after, start, subset))

    if equipment and found:
        found = _drop_equipment_breakdowns(found, equipment)
    figures: list[Figure] = []
    main_cat: str | None = None
    main_end: int | None = None
    paren_depth_at = _paren_depths(text, lo, hi)
    for idx, (raw, after, start, subset) in enumerate(found):
        end = max(raw.end, after.end)
        nxt = found[idx + 1][2] if idx + 1 < len(found) else hi
        attribution, est = _attribution(text, end, nxt)
        approx = raw.approximate
        comparator, low, high, best = raw.comparator, raw.low, raw.high, raw.best
        if est and comparator == "=":
            comparator, low, high, approx = "~", None, None, True
        elif est:
            approx = True
        part = (
            _some_of_all(text, max(lo, start - 40), start)
            if prose
            and comparator == "="
            and best is not None
            # (not "Nine of the 29 people killed … were children": the whole is the count)
            and not _WHOLE_COUNTED.match(text, raw.end)
            else None
        )
        if part is not None:
            # "Sixteen of the 19 people on board were killed", "all but three of the 19 …
            # had died": the count before "of the" is the figure, the one after its whole
            part, n_value = part
            if part.group("but"):
                n_value = best - n_value  # type: ignore[operator]
            if n_value is not None and 0 <= n_value <= best:  # type: ignore[operator]
                low = high = best = n_value
                start = part.start()
                q = _SOME_QUALIFIER.search(text, max(lo, start - 30), start)
                if q is not None:
                    # "More than 100 of the 300 …", "Between 20 and 30 of the 50 …": the
                    # some's own qualifier
                    start = q.start()
                    if q.group("a"):
                        a = _count_value(q.group("a"))
                        low, best = (a, None) if a is not None and a <= n_value else (None, None)
                        comparator = "~" if low is None else "range"
                    elif q.group("floor"):
                        # ("more than 100": above it, as "More than 100 people died" reads)
                        above = not re.match(r"at\s+least", q.group("floor"), re.I)
                        comparator, high, best = (">", None, None) if above else (">=", None, None)
                        low = n_value + 1 if above else n_value
                    elif q.group("ceil"):
                        comparator, low, best = "<=", None, None
                    else:
                        comparator, low, high, approx = "~", None, None, True
        floor = low if low is not None else best
        if (
            prose
            and comparator in ("=", "~")
            and floor is not None
            and _UNDERCOUNT_AFTER.search(text, end, nxt)
        ):
            # a count the sentence itself calls an undercount is a floor
            comparator, low, high, best = ">=", floor, None, None
        depth = paren_depth_at[raw.start - lo]
        in_paren_after_main = depth > 0 and main_end is not None and main_end <= raw.start
        if in_paren_after_main and after.category in (None, main_cat):
            subset = True
        if subset and not figures and not _NUMBER_BEFORE.search(text, lo, raw.start):
            # "including 3" with nothing counted before it is the count itself; "… 5,000 to
            # 30,000 across France, of whom perhaps 2,000 …" is a part of a number the scan
            # did not take for a figure
            subset = False
        additional = prose and bool(
            _ANOTHER_BEFORE.search(text, max(lo, raw.start - 20), raw.start)
            or _PART_AFTER.match(text, raw.end)
            or (
                _OTHERS_AFTER.match(text, raw.end)
                and any(f.category == after.category for f in figures)
            )
            or (
                # "a further 20 to 26 Palestinians and 5 Israelis were killed": the list
                # goes on with more of the further victims (not "Another 60 were wounded,
                # and 25 bodies were recovered": a clause of its own)
                bool(figures)
                and figures[-1].additional
                and figures[-1].category == after.category
                and not _CLAUSE_VERB.search(figures[-1].text)
                and _LIST_GOES_ON.fullmatch(text, figures[-1].end, raw.start) is not None
            )
        )
        if prose and (
            additional
            or _LEGAL_COUNT_BEFORE.search(text, max(lo, start - 40), start)
            or _OF_THE_DEAD.search(text, max(lo, raw.start - 40), raw.start)
        ):
            # "Another ten people were injured", "killed 57 more people": more victims of
            # the same toll, a part of it
            subset = True
        rival = False
        if subset and in_paren_after_main and figures and _exceeds(raw, figures[-1]):
            # "1,000 killed (Soviet estimate: 5,000)": a bracket figure larger than the one it
            # follows, in a bracket that names a source, is no part of it but a rival figure
            opening = text.rfind("(", lo, raw.start)
            closing = text.find(")", raw.start, hi)
            if opening >= 0 and closing > opening and _SOURCE_WORDS.search(text, opening, closing):
                subset, rival = False, True
                attribution = attribution or text[opening : closing + 1]
        if subset and main_cat == "casualties" and after.category in _OWN_CATEGORIES:
            # "24,000 killed, wounded including 6,000 captured": the breakdown of an
            # undifferentiated total is the whole figure of its own category, not a subset
            subset = False
        category = after.category
        if category is None:
            if (subset or rival) and main_cat is not None:
                category = main_cat
            else:
                category = label_cat or default_category
        party = after.party or label_party
        if (
            party is None
            and prose
            and not figures
            and _OF_THE_PERPETRATORS.search(text, max(lo, raw.start - 160), start)
        ):
            # "Of the three agents who carried out the attack, one was killed"
            party = "perpetrators"
        if (
            party is None
            and not prose
            and figures
            and figures[-1].party
            and _LIST_SEP.fullmatch(text, figures[-1].end, start)
        ):
            # "14,281 civilians killed, 20,325 injured": the list goes on about the civilians
            party = figures[-1].party
        if not subset:
            main_cat = category
            main_end = end
        figures.append(
            Figure(
                text=text[start:end],
                start=start,
                end=end,
                category=category,
                comparator=comparator,
                low=low,
                high=high,
                best=best,
                approximate=approx,
                unknown=False,
                party=party,
                attribution=attribution,
                subset=subset,
                additional=additional and subset,
            )
        )
    if not prose:
        _share_line_source(text, figures)
    return figures, any_number


def _share_line_source(text: str, figures: list[Figure]) -> None:
    """ "50,000 killed, 1,400 captured (Livy)": a source that closes a field's line of figures
    of different categories, joined by commas or "and", is the source of each of them (in
    place). Not of a figure of the same category ("50,000 killed, 10,000 killed (modern)": two
    claims), nor across a line break."""
    for k in range(len(figures) - 2, -1, -1):
        f, nxt = figures[k], figures[k + 1]
        if f.attribution is not None or not nxt.attribution or f.subset or nxt.subset:
            continue
        if f.category == nxt.category or not _LIST_SEP.fullmatch(text, f.end, nxt.start):
            continue
        line_end = text.find("\n", nxt.end)
        rest = text[nxt.end : line_end if line_end >= 0 else len(text)]
        at = rest.find(nxt.attribution)
        if at < 0 or re.search(r"\d", rest[at + len(nxt.attribution) :]):
            continue  # the source is not the line's last word
        figures[k] = replace(f, attribution=nxt.attribution)


_SOURCE_WORDS = re.compile(
    r"\b(?:estimates?|estimated|claims?|claimed|per|according|sources?|figures?|reports?)\b", re.I
)


def _exceeds(raw: _Raw, main: Figure) -> bool:
    """Whether the bracket figure *raw* is larger than the figure *main* it follows: then it
    cannot be a part of it."""
    part = raw.low if raw.low is not None else raw.best
    whole = main.high if main.high is not None else main.best
    return part is not None and whole is not None and part > whole


#: After a count, the same sentence says the true toll is higher than it ("confirmed the deaths
#: of 1,348 civilians, but warned that the true death toll was likely thousands higher"): the
#: count is an undercount, a floor.
_UNDERCOUNT_AFTER = re.compile(
    r"\b(?:tolls?|numbers?|figures?|counts?|totals?)\b[^.;()]{0,40}?\b"
    r"(?:likely|probably|possibly|almost\s+certainly|certainly|may\s+be|might\s+be|could\s+be|"
    r"is|was|were|are|believed\s+to\s+be|feared\s+to\s+be)\s+[\"“'‘]?"
    r"(?:(?:much|far|many|significantly|considerably|substantially|several\s+times|"
    r"thousands|hundreds|tens\s+of\s+thousands|likely|probably)\s+){0,2}higher\b(?!\s+than\b)"
    r"|\bunder-?(?:counts?|estimates?|estimated|reported)\b",
    re.I,
)


_PAREN = re.compile(r"[()]")


def _paren_depths(text: str, lo: int, hi: int) -> list[int]:
    """The bracket depth after each character of ``text[lo:hi]``, and once more at its end."""
    hi = max(lo, min(hi, len(text)))
    depths: list[int] = []
    d = 0
    pos = lo
    for m in _PAREN.finditer(text, lo, hi):  # the runs between brackets keep their depth
        i = m.start()
        depths.extend([d] * (i - pos))
        d = d + 1 if text[i] == "(" else max(0, d - 1)
        depths.append(d)
        pos = i + 1
    depths.extend([d] * (hi - pos + 1))
    return depths


def _unknown_item(
    text: str, lo: int, hi: int, default_category: str | None, label_party: str | None
) -> Figure | None:
    """An item with no number: 'Unknown', 'heavy', 'Killed and wounded unknown' -> null figure."""
    um = _UNKNOWN_FIELD.search(text, lo, hi)
    if not um:
        return None
    seg = text[lo:hi]
    s = lo + (len(seg) - len(seg.lstrip(" \t'\"*•·-")))
    e = hi - (len(seg) - len(seg.rstrip(" \t'\".,;:")))
    cat, _, _ = _category_of(text[s:e])
    return Figure(
        text=text[s:e],
        start=s,
        end=e,
        category=cat or default_category,
        comparator=None,
        low=None,
        high=None,
        best=None,
        unknown=True,
        party=party_of(text[s:e]) or label_party,
    )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The lines of a field, a bracket broken over lines kept in one with the line it remarks
    on ("5,296<br>(1,317 killed on land,<br>2,375 lost at sea,<br>1,604 wounded)" is one item:
    the bracket breaks the figure before it down), when it closes within six lines."""
    raw = []
    pos = 0
    for line in text.split("\n"):
        raw.append((pos, pos + len(line)))
        pos += len(line) + 1
    i = 0
    while i < len(raw):
        j = i
        if i + 1 < len(raw) and text[raw[i + 1][0] : raw[i + 1][1]].lstrip().startswith("("):
            j = i + 1  # the bracket line below remarks on this one
        depth = 0
        for k in range(i, j + 1):
            seg = text[raw[k][0] : raw[k][1]]
            depth += seg.count("(") - seg.count(")")
        end = j
        while depth > 0 and end + 1 < len(raw) and end - i < 6:
            end += 1
            seg = text[raw[end][0] : raw[end][1]]
            depth += seg.count("(") - seg.count(")")
        if depth == 0 and end > i and (end > j or j > i and _closes(text, raw, i, j)):
            yield raw[i][0], raw[end][1]
            i = end + 1
            continue
        yield raw[i]
        i += 1


def _closes(text: str, raw: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether line *j* is a bracket that opens and closes on a line of its own below a line
    with a number: it remarks on that figure ("300 killed<br>(French claim)")."""
    seg = text[raw[j][0] : raw[j][1]]
    above = text[raw[i][0] : raw[i][1]]
    return seg.count("(") == seg.count(")") and ")" in seg and bool(re.search(r"\d", above))


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


#: "2,200 merchant ships (" / "3 tanks (": a count of units (ships, tanks, horses) right
#: before an opening bracket.
_UNITS_BEFORE_BRACKET = re.compile(
    r"\d[\d,.]*\s+(?:[A-Za-z0-9-]+\s+){0,2}(?P<unit>[A-Za-z-]+)(?:\s+of\s+the\s+line)?\s*\($"
)


_PEOPLE_AFTER = re.compile(
    r"[\d,.]+\s+(?:men|soldiers|troops|personnel|crew|crewmen|sailors|marines|people|officers|"
    r"infantry|airmen|dead|killed|casualties)\b",
    re.I,
)


def _counts_units(text: str, start: int) -> bool:
    """Whether the figure at *start* sits inside a bracket that remarks on a count of units
    right before it ("2,200 merchant ships (600 to American privateers) lost", "3 tanks (2
    captured)", "1,000 horses (300 killed)"): it counts those units, not people."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return False
    m = _UNITS_BEFORE_BRACKET.search(text, max(0, opening - 60), opening + 1)
    if m is None or _NONCAS.fullmatch(m.group("unit").lower()) is None:
        return False
    # "2 divisions (5,000 men) destroyed": the bracket counts the units' people
    return _PEOPLE_AFTER.match(text, start) is None


#: A line that says the figures below it are incomplete: "(incomplete)", "Partial figures:".
_INCOMPLETE = re.compile(
    r"\s*[('*]*\s*(?:incomplete|partial)(?:\s+(?:figures?|data|counts?|list))?\s*[)'*:]*\s*", re.I
)


def figures_in_field(text: str, default_category: str | None = None) -> list[Figure]:
    """Return every casualty figure of an infobox value.

    Items arrive one per line (``<br>`` lists); items with a category word take it
    (``300 killed, 500 wounded``), others take *default_category* (the field decides:
    casualties -> ``casualties``, deaths -> ``killed``, injuries -> ``wounded``, strength ->
    None). A label line such as ``Civilian dead:`` gives its category and party to the lines
    under it. Items with no number but a word such as ``Unknown`` or ``heavy`` give a figure
    with a null interval. Equipment, years, dates, prices and unit names are never figures.

    :param text: plain text of the value (markup already stripped).
    :param default_category: category for figures that name none.

    >>> [(f.category, f.low) for f in figures_in_field("300 killed, 500 wounded")]
    [('killed', 300), ('wounded', 500)]
    """
    out: list[Figure] = []
    label_cat: str | None = None
    label_party: str | None = None
    incomplete = False
    for lo, hi in _lines(text):
        if not text[lo:hi].strip():
            continue
        if _INCOMPLETE.fullmatch(text, lo, hi):
            # "(incomplete)" above the figures: each is a floor of what it counts
            incomplete = True
            continue
        scan_lo = lo
        lm = _LABEL.match(text, lo, hi)
        line_cat, line_party = label_cat, label_party
        if lm:
            label = lm.group("label")
            lcat = _category_of(label)[0]
            # "Total (including civilians):" counts the side with its civilians: no party
            inc = _INCLUDING_LABEL.search(label)
            lparty = party_of(label[: inc.start()] if inc else label)
            rest = text[lm.end() : hi]
            if not rest.strip(" \t'\"*"):
                # a label line: applies to the lines below
                label_cat, label_party = lcat, lparty
                continue
            line_cat = lcat or label_cat
            line_party = lparty or label_party
            scan_lo = lm.end()
        figs, any_number = _scan(
            text,
            scan_lo,
            hi,
            default_category,
            prose=False,
            label_cat=line_cat,
            label_party=line_party,
        )
        figs = [f for f in figs if not _counts_units(text, f.start)]
        if default_category in ("killed", "wounded"):
            # "fatalities = 111 prisoners": in a field of the dead (injured) the prisoners are
            # who died, not a count of the captured
            figs = [
                replace(f, category=default_category)
                if f.category == "captured" and _PRISONER_NOUN.search(f.text)
                else f
                for f in figs
            ]
        figs = _prisoners_put_to_death(text, figs)
        inc = _INCLUDING_LINE.search(text, lo, hi)
        if inc is not None:
            # "47 killed / 159 wounded / (incl. Cherokee …: 23 killed, 47 wounded)": the
            # bracket's figures count some of the figures above of the same category
            above = {
                f.category
                for f in out + [f for f in figs if f.end <= inc.start()]
                if not f.subset and f.category
            }
            close, depth = hi, 1  # the bracket's own ")" (a bracket inside it nests)
            for k in range(inc.start() + 1, hi):
                depth += {"(": 1, ")": -1}.get(text[k], 0)
                if depth == 0:
                    close = k
                    break
            figs = [
                replace(f, subset=True)
                if inc.start() < f.start < close and f.category in above
                else f
                for f in figs
            ]
        for k in range(len(figs) - 1):
            a, b = figs[k], figs[k + 1]
            if (
                b.category
                and a.text.replace(",", "").isdigit()
                and _SHARED_NOUN.fullmatch(text, a.end, b.start)
            ):
                # "17 Japanese and 129 Koreans captured", "500 German and 300 Italian soldiers
                # killed": the first count shares the second's category (its groups are
                # summed by the statements, see statements._listed_parts)
                figs[k] = replace(a, category=b.category, party=a.party or b.party)
        if incomplete:
            figs = [
                replace(f, comparator=">=", high=None, best=None, approximate=False)
                if f.comparator == "=" and f.low is not None
                else f
                for f in figs
            ]
        # "15 survivors (several wounded)" in an injuries field: the survivors are no count of
        # the field's category (a figure that names its own category stays)
        figs = [
            f
            for f in figs
            if not (_SURVIVORS_AFTER.match(text, f.end) and _category_of(f.text)[0] is None)
        ]
        if figs:
            out.extend(figs)
            # "124 soldiers and police; civilian injured unknown": a part nobody counted after
            # the counted ones, on the same line
            semi = text.rfind(";", figs[-1].end, hi)
            if (
                semi >= 0
                and not re.search(r"\d", text[semi:hi])
                and not _NOT_A_TAIL.search(text, semi, hi)
            ):
                unk = _unknown_item(text, semi + 1, hi, line_cat or default_category, line_party)
                if unk is not None:
                    out.append(unk)
        elif not any_number:
            zm = _NO_CAS.search(text, scan_lo, hi)
            if zm:
                out.append(_zero_figure(text, zm, line_cat or default_category))
                continue
            unk = _unknown_item(text, scan_lo, hi, line_cat or default_category, line_party)
            if unk is not None:
                out.append(unk)
    return out


#: After a field's figure: it counts the survivors ("15 survivors", "3 survived").
_SURVIVORS_AFTER = re.compile(
    # (not survivors the line calls hurt: "3 survived with injuries", "200+ survivors
    # hospitalised")
    r"\s*(?:survivors?|survived)\b(?![^\n;(]*\b(?:injur|wound|hospitali[sz]))",
    re.I,
)


def figures_in_sentence(text: str) -> list[Figure]:
    """Return the casualty figures of one sentence of prose.

    A number counts only when it is tied to a casualty word: the object of a casualty verb or
    noun (``murdered over 1,000 refugees``, ``death toll of 300``, ``massacre of 300``), or
    followed by a casualty word (``300 people were killed``, ``300 dead``). ``including N X``
    after a figure is a subset figure. ``many drowned`` and ``heavy casualties`` are figures
    with a null interval. Prices, group sizes on their own, years, unit names, page numbers,
    percentages and times never are.

    >>> [(f.category, f.low) for f in figures_in_sentence("Soldiers killed over 1,000 people.")]
    [('killed', 1001)]
    """
    if not _has_casualty_hint(text):
        return []
    # the patterns below are searched only where their cue words are (_cued)
    low = _lower_exact(text)
    figs, _ = _scan(text, 0, len(text), None, prose=True, low=low)
    taken = [(f.start, f.end) for f in figs]
    for zm in _NO_CAS.finditer(text) if _cued(low, *_NO_CAS_CUES) else ():
        if not any(s <= zm.start() < e for s, e in taken):
            figs.append(_zero_figure(text, zm, None))
    for vm in _VAGUE_SENT.finditer(text) if _cued(low, *_VAGUE_SENT_CUES) else ():
        if any(s <= vm.start() < e for s, e in taken):
            continue
        if vm.group("heavy"):
            cat_m = _CAT_CHAIN.match(text, vm.end() + 1)
            cat = "casualties" if cat_m is None else _category_of(cat_m.group(0))[0]
            end = cat_m.end() if cat_m else vm.end()
        else:
            after = _look_after(text, vm.end(), 6, True)
            before = _trigger_before(text, low, max(0, vm.start() - 60), vm.start())
            if after.category and not after.transitive:
                cat, end = after.category, after.end
            elif (
                before
                and not before.group("a")
                and not (before.group("c") and not _PEOPLE.match(text, vm.end()))
            ):
                cat, end = (
                    (
                        "killed"
                        if before.group("k")
                        else "wounded"
                        if before.group("w")
                        else "captured"
                        if before.group("c")
                        else "casualties"
                    ),
                    vm.end(),
                )
            else:
                continue
        figs.append(
            Figure(
                text=text[vm.start() : end],
                start=vm.start(),
                end=end,
                category=cat,
                comparator=None,
                low=None,
                high=None,
                best=None,
                unknown=True,
            )
        )
    for dm in _ONE_DEATH.finditer(text) if _cued(low, *_ONE_DEATH_CUES) else ():
        if any(s < dm.end("d") and dm.start("d") < e for s, e in taken) or _NEGATED.search(
            text, max(0, dm.start() - 30), dm.start()
        ):
            continue
        figs.append(
            Figure(
                text=dm.group("d"),
                start=dm.start("d"),
                end=dm.end("d"),
                category="killed",
                comparator="=",
                low=1,
                high=1,
                best=1,
            )
        )
    for am in _KILLED_ANOTHER.finditer(text) if _cued(low, *_KILLED_ANOTHER_CUES) else ():
        # "then killed another person in order to steal his car": one more victim, a part of
        # the toll told before it
        if any(s < am.end() and am.start() < e for s, e in taken):
            continue
        figs.append(
            Figure(
                text=am.group(0),
                start=am.start(),
                end=am.end(),
                category="killed",
                comparator="=",
                low=1,
                high=1,
                best=1,
                subset=True,
                additional=True,
            )
        )
    figs.sort(key=lambda f: f.start)
    figs = [f for f in figs if not _killers_punished(text, f)]
    figs = _running_total_parts(text, figs)
    figs = _apposed_breakdown(text, _prisoners_put_to_death(text, figs))
    resp = _RESPECTIVELY.search(text) if _cued(low, *_RESPECTIVELY_CUES) else None
    if resp:
        # "with 343 and 72 killed respectively": each number counts one of the groups named
        # before it, so each is about a part of the whole, never the total
        figs = [
            replace(f, subset=True) if f.start < resp.start() and not f.unknown else f for f in figs
        ]
    # "Six children were among the dead": some of the dead
    figs = [
        replace(f, subset=True) if f.category == "killed" and AMONG_THE_DEAD.search(f.text) else f
        for f in figs
    ]
    who = _DEAD_WERE.search(text) if _cued(low, *_DEAD_WERE_CUES) else None
    if who:
        # "Most of the dead were Pakistanis …; five foreigners were killed": the sentence tells
        # who the dead were, and its figures count some of them
        # (not after a colon, which opens the whole toll: "Most of the victims were women and
        # children: in total, 35 people were killed"; nor a figure the text calls the total)
        figs = [
            replace(f, subset=True)
            if f.start > who.start()
            and f.category == "killed"
            and ":" not in text[who.end() : f.start]
            and not _TOTAL_WORDS.search(text, who.end(), f.end + 12)
            else f
            for f in figs
        ]
    # "killed or wounded 300 soldiers", "killing or injuring several bystanders": the verb's
    # object counts the dead and the hurt together, no figure of the hurt alone
    return [
        replace(f, category="casualties")
        if f.category == "wounded" and _KILLED_OR_BEFORE.search(text, max(0, f.start - 20), f.start)
        else f
        for f in figs
    ]


_KILLED_OR_BEFORE = re.compile(r"\b(?:killed|killing|kill)\s+(?:or|and/or)\s+\Z", re.I)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_RESPECTIVELY_CUES = (("respectively",),)
#: ("names only twelve Polish knights among the dead": the verb may be another's)
AMONG_THE_DEAD = re.compile(
    r"(?:\b(?:were|was)\s+|[a-z]\s+)among\s+the\s+(?:dead|victims|killed|fatalities|fallen)\b",
    re.I,
)
_TOTAL_WORDS = re.compile(r"\b(?:in\s+total|in\s+all|a\s+total\s+of|altogether|all\s+told)\b", re.I)
#: "Most of the dead were Pakistanis", "Among the victims were …", "The dead included …": the
#: sentence is about who the dead were.
_DEAD_WERE = re.compile(
    r"\b(?:(?:most|many|some|all|half|the\s+majority)\s+of\s+the\s+|among\s+the\s+|^the\s+)"
    r"(?:dead|victims|killed|fatalities|those\s+killed)\s+(?:(?:were|was)\b(?!\s+(?:\w+ed|buried|"
    r"taken|found|laid|brought|given|shot|slain|identified|named|held)\b)|included\b)",
    re.I,
)
_DEAD_WERE_CUES = (("dead", "victims", "killed", "fatalities"), ("were", "was", "included"))
#: "…, bringing the death toll to eight": the figure after it is the running total.
_RUNNING_TOTAL = re.compile(
    r"\b(?:bringing|raising|taking|pushing|increasing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:toll|total|tally|count|number\s+of\s+(?:dead|deaths|victims|casualties))\s+"
    r"(?:to|at)\b",
    re.I,
)
#: Between a toll and the groups that break it down: "Nineteen people were killed, sixteen
#: civilians and three soldiers".
_APPOSED = re.compile(r"\s*(?:,|:|—|–|\()\s*(?:(?:including|among\s+them|of\s+whom)\s+)?\Z")


#: "two more", "a further", "another": the sentence adds to a count before it.
_MORE_WORD = re.compile(r"\b(?:more|further|another|additional|also)\b", re.I)
#: Words of a toll that name no group of its own ("Nineteen people were killed").
_GENERIC_WORDS = frozenset(
    "people persons victims individuals were was have has had been killed died dead deaths "
    "fatalities in all total at least some about around over nearly almost more than the a an "
    "of toll death killing".split()
)


def _generic_toll(f: Figure) -> bool:
    """Whether a figure's words name no group of its own: "Nineteen people were killed",
    "19 dead", not "killed 3 soldiers"."""
    for w in re.findall(r"[A-Za-z]+", f.text):
        if w.lower() not in _GENERIC_WORDS and word_value(w) is None:
            return False
    return True


def exact_value(f: Figure) -> int | None:
    """The figure's value when it is exact (low = high), else None."""
    return f.low if f.low is not None and f.low == f.high else None


def _running_total_parts(text: str, figs: list[Figure]) -> list[Figure]:
    """ "Six bodies were found …, and two more were found later, bringing the death toll to
    eight": the figures before the running total are its parts."""
    for k, f in enumerate(figs):
        # the phrase ends where the figure starts, or inside it ("death toll to eight")
        lo = max(0, f.start - 60)
        m = _RUNNING_TOTAL.search(text[lo : f.end])
        if f.subset or m is None or lo + m.end() < f.start:
            continue
        before = [g for g in figs[:k] if g.category == f.category and not g.unknown]
        total = exact_value(f)
        if not (
            _MORE_WORD.search(text, 0, f.start)
            or (total is not None and sum(exact_value(g) or 0 for g in before) == total)
        ):
            continue  # "killed 27, bringing the cumulative toll to 1,200": another count
        return [
            replace(g, subset=True) if j < k and g.category == f.category and not g.unknown else g
            for j, g in enumerate(figs)
        ]
    return figs


def _apposed_breakdown(text: str, figs: list[Figure]) -> list[Figure]:
    """ "Nineteen people were killed, sixteen civilians and three soldiers": groups listed right
    after a toll whose exact sum is that toll are its parts, no rival figures."""
    out = list(figs)
    for k, whole in enumerate(figs):
        total = exact_value(whole)
        if total is None or whole.subset or k + 1 >= len(figs) or not _generic_toll(whole):
            continue
        if not _APPOSED.search(text, whole.end, figs[k + 1].start):
            continue
        run = 0
        for j in range(k + 1, len(figs)):
            part = figs[j]
            value = exact_value(part)
            if value is None or part.category != whole.category:
                break
            if j > k + 1 and not _LIST_GOES_ON.fullmatch(text, figs[j - 1].end, part.start):
                break
            run += value
            if run == total and j > k + 1:
                for i in range(k + 1, j + 1):
                    out[i] = replace(out[i], subset=True)
                break
            if run > total:
                break
    return out


#: A count (not a year) earlier in the sentence: "5,000", "300" (not "1990", "2004").
_NUMBER_BEFORE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b(?!1\d{3}\b|20\d{2}\b)\d{2,}\b")
#: "… found seven of them guilty of murder, and the seven were hanged": the killers' punishment
#: after a conviction for the killings is another event than the killings, no toll of them.
_CONVICTED_KILLERS = re.compile(
    r"\b(?:guilty|convicted|sentenced|condemned)\b[^.;]{0,80}?\b(?:murders?|massacres?|killings?|"
    r"killing)\b",
    re.I,
)


def _killers_punished(text: str, f: Figure) -> bool:
    """The figure counts convicted killers put to death ("… found seven of them guilty of
    murder, and the seven were hanged"): a punishment verb in the figure, a conviction for the
    killings earlier in its clause (not "never convicted"), and the figure taking up the
    convicted ("the seven", "all of them")."""
    if not _PUNISHMENT.search(f.text):
        return False
    clause = max(text.rfind(";", 0, f.start), text.rfind(".", 0, f.start)) + 1
    conv = _CONVICTED_KILLERS.search(text, clause, f.start)
    if conv is None or _NEVER.search(text, max(clause, conv.start() - 30), conv.start()):
        return False
    return bool(_TAKEN_UP.search(text, max(0, f.start - 12), f.start) or f.text.startswith("all"))


_NEVER = re.compile(r"\b(?:no|never|not|none|nobody|no\s+one)\b[^,;]*\Z", re.I)
#: "the seven", "these", "all of them": the figure takes up people named before it.
_TAKEN_UP = re.compile(r"\b(?:the|these|those|all)\s+\Z", re.I)
_PUNISHMENT = re.compile(
    r"\b(?:hanged|executed|put\s+to\s+death|shot\s+by\s+firing\s+squad)\b", re.I
)
#: One death stated in words as the event's outcome: "resulting in the first death of a
#: British fighter pilot", "caused the death of one passenger". Without a verb of result
#: ("sparked by the death of a teenager") the death is a cause or another event: no figure.
_ONE_DEATH = re.compile(
    r"\b(?:result(?:ing|ed|s)?\s+in|caus(?:ed|ing|es|e)|le(?:d|ads?|ading)\s+to)\s+"
    r"(?:the\s+)?(?:first\s+|only\s+|sole\s+)?(?P<d>death\s+of\s+(?:a|an|one)\s+"
    r"(?!(?:number|few|dozen|hundred|thousand|million|total|group|large|further|score|couple|"
    r"handful|majority|family|crowd|series|lot|minimum|maximum|quarter|third|half)\b)[\w'’-]+)",
    re.I,
)
_ONE_DEATH_CUES = (("death",), ("result", "caus", "led", "lead"))
#: "killed another person", "shot dead another man": one more victim, no number written.
_KILLED_ANOTHER = re.compile(
    r"\b(?:killed|killing|murdered|murdering|shot\s+dead|stabbed\s+to\s+death)\s+another\s+"
    r"(?:person|man|woman|civilian|victim|passer-by|bystander|police\s+officer|policeman|"
    r"officer|soldier|child|boy|girl)\b",
    re.I,
)
_KILLED_ANOTHER_CUES = (("another",),)
_NEGATED = re.compile(
    r"\b(?:without|not|never|no|nor|avoid(?:ed|ing)?|prevent(?:ed|ing)?)\b[^,;]*\Z", re.I
)


def convert(text: str | Figure, category: str | None = None) -> Figure:
    """Convert one phrase to its main casualty figure.

    The main figure is the first one that is not a subset. A :class:`Figure` passed in is
    returned unchanged (so converting twice is harmless). ``unknown``/``heavy`` give a figure
    with a null interval and ``unknown=True``.

    :param text: the phrase, e.g. ``"over 1,000 killed"``.
    :param category: category to use when the phrase names none.
    :raises FigureError: when the phrase holds no number or number word.

    >>> f = convert("Over 1,000", "killed")
    >>> (f.category, f.comparator, f.low, f.high)
    ('killed', '>', 1001, None)
    """
    if isinstance(text, Figure):
        return text
    figs = figures_in_field(text, category)
    for f in figs:
        if not f.subset:
            return f
    if figs:
        return figs[0]
    raise FigureError(f"{text!r} holds no casualty figure")
