"""Event assembly: statements combined into one event under a named, recorded policy.

Policies for a quantity (deaths, injuries, a side's killed …), as in DESIGN.md:

* ``ranges`` (default): when the intervals of all statements overlap, the event interval is
  their intersection; when they do not, a ``CONTRADICTION`` is raised and the interval is
  their envelope. ``best`` is a point value consistent with the interval (the first statement's
  point in statement order — infobox first — that lies inside it), else null.
* ``conservative`` (ACLED-like): one number, the smallest lower bound or point among the
  supported statements (all statements when none is supported): ``low = best = n``,
  ``high`` null (the number is a floor, not a ceiling).
* ``strict`` (GTD-like): a number only when statements give an exact figure and all exact
  figures agree: ``low = best = high = n``; else all null.

Statements that are about a subset (``including 12 children``) or explicitly unknown take no
part. Battles: the event's deaths are the sum over the sides that give killed figures, with
interval arithmetic (an unbounded end stays unbounded; a missing lower bound counts as 0 in
the sum; ``best`` only when every summed side has one).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace
from typing import Any

from eventledger.definitions import ATTACK_TYPES, INFOBOX_FAMILIES
from eventledger.models import Document, Finding, Statement
from eventledger.normalise.actors import names_nobody
from eventledger.normalise.dates import MONTH_NAMES, DateError, DateValue, parse_date
from eventledger.normalise.numbers import ONLY_PERPETRATORS, PEOPLE_NOUNS, is_vague
from eventledger.normalise.places import (
    DEMONYMS,
    TOWN_QUALIFIER,
    countries_named,
    country_code,
    country_name,
    country_of_categories,
    nearest_city,
    resolve_place,
    resolve_place_in,
)

POLICIES = ("ranges", "conservative", "strict")

Quantity = dict[str, Any]


class UnknownPolicy(ValueError):
    """The policy name is not one of :data:`POLICIES`."""


def record_id(doc: Document) -> str:
    """A stable id for the document's event: the same source and title give the same id."""
    key = f"{doc.source.name}\x00{doc.title}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:12]


def _in_disjoint_pairs(sts: list[Statement]) -> list[Statement]:
    """The statements that are disjoint from at least one other, in linear time.

    Intervals on a line: *s* is disjoint from another statement exactly when its low exceeds
    the smallest high among the others, or its high is below the largest low among the others
    (an unknown low is 0, an unknown high unbounded). Keeping the two smallest highs and the two
    largest lows gives "among the others" for every *s*.
    """
    lows = [(st.low or 0, i) for i, st in enumerate(sts)]
    highs = [(st.high, i) for i, st in enumerate(sts) if st.high is not None]
    top_lows = sorted(lows, reverse=True)[:2]
    low_highs = sorted(highs)[:2]
    out = []
    for i, st in enumerate(sts):
        other_high = next((h for h, j in low_highs if j != i), None)
        other_low = next((lo for lo, j in top_lows if j != i), None)
        if (other_high is not None and (st.low or 0) > other_high) or (
            st.high is not None and other_low is not None and st.high < other_low
        ):
            out.append(st)
    return out


def _bounded(st: Statement) -> bool:
    return st.low is not None or st.high is not None


def combine(
    statements: list[Statement],
    policy: str = "ranges",
    label: str = "quantity",
    claiming: frozenset[str] = frozenset(),
) -> tuple[Quantity, Finding | None]:
    """Combine casualty statements about one quantity under *policy*. *claiming* holds the
    sentences that give a source's estimate (see :func:`_range_of_claims`).

    :returns: the quantity ``{low, best, high, policy, statements}`` and a ``CONTRADICTION``
        finding when the ranges policy found disjoint intervals (else None).
    :raises UnknownPolicy: for a policy name not in :data:`POLICIES`.
    """
    if policy not in POLICIES:
        raise UnknownPolicy(f"unknown policy {policy!r} (expected one of {', '.join(POLICIES)})")
    usable = [s for s in statements if not s.subset and (_bounded(s) or s.best is not None)]
    if policy == "ranges":
        # "the hijackers … injured several others" beside "Injuries: 17": a sentence's vague
        # word ("several", "hundreds") bounds nothing when a figure is given
        # (only to the infobox's: a precise sentence may count a part, "In the village of Kor
        # alone, 300 were killed" beside "thousands")
        precise = [s for s in usable if not (s.origin == "body" and is_vague(s.text))]
        if any(s.origin == "infobox" for s in precise):
            usable = precise
    q: Quantity = {
        "low": None,
        "best": None,
        "high": None,
        "policy": policy,
        "statements": [s.id for s in usable],
    }
    if not usable:
        return q, None
    finding = None
    if policy == "ranges":
        bounded = [s for s in usable if _bounded(s)]
        if bounded:
            in_conflict = _in_disjoint_pairs(bounded)
            lows = [s.low for s in bounded]
            highs = [s.high for s in bounded]
            if in_conflict:
                q["low"] = min((x if x is not None else 0) for x in lows)
                q["high"] = None if any(h is None for h in highs) else max(highs)  # type: ignore[type-var]
                ids = sorted({s.id for s in in_conflict}, key=lambda x: int(x[2:]))
                finding = Finding(
                    "CONTRADICTION",
                    "warning",
                    f"{label}: statements give disjoint figures ("
                    + "; ".join(f"{s.text!r}" for s in bounded if s.id in ids)
                    + ")",
                    spans=[s.span for s in bounded if s.id in ids],
                    statements=ids,
                )
            else:
                known_lows = [x for x in lows if x is not None]
                known_highs = [x for x in highs if x is not None]
                q["low"] = max(known_lows) if known_lows else None
                q["high"] = min(known_highs) if known_highs else None
                ceiling = _rival_bound(bounded, upper=True)
                if ceiling is not None and q["high"] is not None and ceiling > q["high"]:
                    q["high"] = ceiling
                rival_floor = _rival_bound(bounded, upper=False)
                if rival_floor is not None and q["low"] is not None and rival_floor < q["low"]:
                    q["low"] = rival_floor
        spread = (
            _range_of_claims(usable, bounded, q, claiming)
            if bounded and finding is None and claiming
            else None
        )
        if spread is not None:
            q["low"], q["high"] = spread
        if bounded and finding is None:
            finding = _claim_outside(usable, bounded, q, label)
        for s in usable if finding is None and spread is None else []:
            if s.best is not None and _inside(s.best, q["low"], q["high"]):
                q["best"] = s.best
                break
        if q["best"] is not None and _rival_claims(usable, q):
            q["best"] = _own_point(usable, q)
    elif policy == "conservative":
        supported = [s for s in usable if s.support != "unsourced"] or usable
        floors = [s.low if s.low is not None else s.best for s in supported]
        floors = [x for x in floors if x is not None]
        if floors:
            q["low"] = q["best"] = min(floors)
    else:  # strict
        exact = {s.best for s in usable if s.comparator == "=" and s.best is not None}
        if len(exact) == 1:
            q["low"] = q["best"] = q["high"] = exact.pop()
    return q, finding


def _rival_bound(bounded: list[Statement], upper: bool) -> int | None:
    """A line of one infobox field that names its source and gives only one bound beyond
    another line's count is a rival estimate, no bound on that count: the figure runs to it.
    With *upper*, the largest such ceiling ("112 killed" / "up to 600 killed (other
    estimates)", a source word needed); else the smallest such floor ("At least 2,000 (HRW)" /
    "5,000–6,000 (UN / ICRC)", an author's bracket enough). None when there is none."""
    best = None
    for s in bounded:
        bound, open_end = (s.high, s.low) if upper else (s.low, s.high)
        if (
            s.origin != "infobox"
            or open_end is not None
            or bound is None
            # (a bound of some of the dead, "at least 300 children (UNICEF)", is a part)
            or s.party is not None
            or s.subset
            or not (_claim(s) or (not upper and _author(s.attribution)))
        ):
            continue
        beyond = any(
            t is not s
            and t.field == s.field
            and t.origin == "infobox"
            and t.attribution != s.attribution
            and t.low is not None
            and (t.high is not None and t.high < bound if upper else t.low > bound)
            for t in bounded
        )
        if beyond and (best is None or (bound > best if upper else bound < best)):
            best = bound
    return best


def _range_of_claims(
    usable: list[Statement], bounded: list[Statement], q: Quantity, claiming: frozenset[str]
) -> tuple[int, int | None] | None:
    """ "379–1,500+" in the infobox, "Official British sources gave a death toll of 379" and
    "The Congress estimated … about 1,000 killed" in the text: the infobox's range spans the
    claims, and the one claim at its end is no narrower toll. The range, when the figures
    narrowed it to an exact one of its ends in a sentence that gives a source's figure
    (*claiming*) and another such sentence gives a figure inside it; else None."""
    point = q["low"]
    if point is None or q["high"] != point:
        return None
    ranges = [
        r
        for r in bounded
        if r.origin == "infobox"
        and r.low is not None
        and r.high != r.low
        and (r.low == point or r.high == point)
    ]
    if len(ranges) != 1:
        return None
    (rng,) = ranges
    if not any(
        s.origin != "infobox" and s.low == s.high == point and s.sentence in claiming
        for s in bounded
    ):
        return None
    others = [
        s.best if s.best is not None else s.low
        for s in usable
        if s is not rng
        and s.origin != "infobox"
        and s.sentence in claiming
        and not (s.low == s.high == point)
    ]
    if not any(x is not None and x != point and _inside(x, rng.low, rng.high) for x in others):
        return None
    return rng.low, rng.high


#: A sentence that gives a source's figure: "Official British sources gave a death toll of
#: 379", "The Indian National Congress estimated that …", "according to the police".
_SOURCE_CLAIM = re.compile(
    r"\b(?:sources?|estimated?|estimates|according\s+to|claimed|claims|counted|figures?|"
    r"gave\s+(?:a|the)|put\s+the|report(?:ed|s)?|said|stated|announced)\b",
    re.I,
)
#: A sentence that gives a count as one count among others: an official or acknowledged
#: figure, a toll, a disputed one.
_RIVAL_COUNT = re.compile(
    r"\b(?:official(?:ly)?|acknowledg\w*|admitt?\w*|recogni[sz]\w*|disputed|"
    r"toll|tally|counts?|counted|estimat\w*)\b",
    re.I,
)
#: …but not a first report, another time or another event's figure.
_NO_CLAIM = re.compile(
    r"\b(?:initial(?:ly)?|first|early|earlier|preliminary|later|previous(?:ly)?|had\s+been|"
    r"the\s+(?:year|month|week|day)\s+before|ago)\b",
    re.I,
)


def _claim_outside(
    usable: list[Statement], bounded: list[Statement], q: Quantity, label: str
) -> Finding | None:
    """ "50,000 killed (Livy)" / "c. 10,000 killed (modern estimate)": an approximate claim
    of a named source whose point lies outside the interval of the other figures, all of them
    attributed to other sources, is a rival claim, as disjoint figures are: the interval
    widens to hold its point, no figure is the best, and a ``CONTRADICTION`` says so (*q* is
    changed in place). None when there is no such claim."""
    # (or one infobox field holds them all: "1,400 killed / c. 2,000 killed (other
    # estimates)", "c. 7,000 (Theodoret) / 15,000 (Theophanes)": the field's line that names
    # other sources, or an author, is a rival of its other lines)
    fields = {x.field for x in usable}
    one_field = (
        len(fields) == 1 and None not in fields and all(x.origin == "infobox" for x in usable)
    )
    # (an author's name alone, "(Theodoret)", is a source only beside lines that each name
    # an author too, "15,000 (Theophanes)": "2,335 killed / c. 2,000 killed (US Navy)" is a
    # total and its part)
    # ("250,000 dead (including civilians)" beside "about 90,000 dead (Meyer)": each line
    # qualified, the author's is a rival figure; a bare total beside "(US Navy)" is not)
    authors = bool(bounded) and all(b.attribution for b in bounded)
    outside = [
        s
        for s in usable
        if s.best is not None
        and not _bounded(s)
        # (a "Total:" line is no part of another: "Total: about 90,000 dead (Meyer)")
        and (_claim(s) or (one_field and (authors or s.total) and _author(s.attribution)))
        and not _inside(s.best, q["low"], q["high"])
    ]
    if not outside:
        return None
    if not all(b.attribution != o.attribution for b in bounded for o in outside) or not (
        one_field or authors
    ):
        return None
    points = [o.best for o in outside if o.best is not None]
    if q["low"] is not None:
        q["low"] = min([q["low"], *points])
    if q["high"] is not None:
        q["high"] = max([q["high"], *points])
    rivals = sorted(bounded + outside, key=lambda x: x.span)
    return Finding(
        "CONTRADICTION",
        "warning",
        f"{label}: sources give figures that disagree ("
        + "; ".join(f"{s.text!r} {s.attribution}" for s in rivals)
        + ")",
        spans=[s.span for s in rivals],
        statements=sorted({s.id for s in rivals}, key=lambda x: int(x[2:])),
    )


#: A bracket that names an author or a work only: "(Theodoret)", "(Ammianus Marcellinus)".
_AUTHOR_BRACKET = re.compile(r"\(\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s*\)")
#: Words of a bracket that name a force or a people, not an author ("(US Navy)", "(Hessians)").
_NOT_AUTHOR = re.compile(
    r"\b(?:navy|army|air|force|forces|corps|marines?|guard|police|militia|regiments?|"
    r"divisions?|brigades?|battalions?|fleet|squadron|infantry|cavalry|artillery|royal|"
    r"imperial|allied|allies|civilians?|total|killed|dead|wounded)\b",
    re.I,
)


def _author(attribution: str | None) -> bool:
    """Whether a bracket names an author (or a work) and nothing else: "(Theodoret)"."""
    if not attribution or not _AUTHOR_BRACKET.fullmatch(attribution):
        return False
    words = attribution.strip("() ").split()
    if _NOT_AUTHOR.search(attribution) or country_code(attribution.strip("() ")):
        return False
    return not any(w.lower().rstrip("s") in DEMONYMS or w.lower() in DEMONYMS for w in words)


def _rival_claims(usable: list[Statement], q: Quantity) -> bool:
    """Whether the statements hold two claims that name different sources and give different
    points inside the interval ("c. 10,000 killed (Korean and Chinese sources)" / "c. 500
    killed (Japanese sources)"): then no one of them is the best value."""
    inside = [s for s in usable if s.best is not None and _inside(s.best, q["low"], q["high"])]
    points = {(s.attribution, s.best) for s in inside if _claim(s)}
    return len({a for a, _ in points}) >= 2 and len({b for _, b in points}) >= 2


def _claim(st: Statement) -> bool:
    return bool(st.attribution and _SOURCE_WORD.search(st.attribution))


def _own_point(usable: list[Statement], q: Quantity) -> int | None:
    """Beside rival claims, the page's own figure that names no source ("c. 300"), if any."""
    return next(
        (
            s.best
            for s in usable
            if s.best is not None and not _claim(s) and _inside(s.best, q["low"], q["high"])
        ),
        None,
    )


#: An attribution that names a source ("(Japanese sources)", "according to the police"), not a
#: group ("(Americans)").
_SOURCE_WORD = re.compile(
    r"\b(?:claims?|claimed|sources?|estimates?|estimated|figures?|reports?|reported|according|"
    r"official|officials|count|counts|census|records?|data|statistics|government|ministry|MoD|"
    r"archives?|per)\b",
    re.I,
)


def _inside(x: int, low: int | None, high: int | None) -> bool:
    return (low is None or x >= low) and (high is None or x <= high)


def sum_quantities(quantities: list[Quantity], policy: str) -> Quantity:
    """Interval sum of per-side quantities: unbounded stays unbounded."""
    # (a side whose figures are rival claims with no point between them, "c. 10,000 (Korean
    # sources)" / "c. 500 (Japanese sources)", counts: its figure is there, only not one value)
    present = [
        q
        for q in quantities
        if q["low"] is not None or q["high"] is not None or q["best"] is not None or q["statements"]
    ]
    out: Quantity = {
        "low": None,
        "best": None,
        "high": None,
        "policy": policy,
        "statements": [i for q in present for i in q["statements"]],
        "sum_of_sides": True,
    }
    if not present:
        return out
    lows = [q["low"] for q in present]
    if any(x is not None for x in lows):
        out["low"] = sum(x or 0 for x in lows)  # a missing lower bound is 0, not the best guess
    highs = [q["high"] if q["high"] is not None else None for q in present]
    out["high"] = None if any(h is None for h in highs) else sum(highs)  # type: ignore[arg-type]
    bests = [q["best"] for q in present]
    out["best"] = sum(bests) if all(b is not None for b in bests) else None  # type: ignore[arg-type]
    if out["best"] is not None and not _inside(out["best"], out["low"], out["high"]):
        out["best"] = None
    return out


#: Titles of pages about representations or lists of events, not about one event.
#: "Massacres during the Greek War of Independence": a topic that gathers several events.
_TOPIC_TITLE = re.compile(
    r"^(?:massacres|attacks|bombings|killings|pogroms|assassinations|atrocities)\s+"
    r"(?:during|in|of|by|against|committed)\b"
)
_NOT_EVENT_TITLE = re.compile(
    r"^(?:lists?|timeline|chronology|outline|order of battle|orders of battle|bibliography)\b"
    r"|\bin (?:popular culture|fiction|film|films|literature|art|music|video games)$",
    re.I,
)
#: Title words that make a page an attack.
_ATTACK_TITLE = re.compile(
    r"\b(massacres?|attack|attacks|bombing|bombings|shooting|shootings|assassinations?|"
    r"killings|pogroms?|hijacking|stabbings?|ambush|airstrikes?|air strikes?|"
    r"(?:missile|rocket|drone) strikes?|shelling)\b",
    re.I,
)
#: Head nouns of "X was a/an [adjectives] <noun>" that make the page an attack.
_ATTACK_NOUN = re.compile(
    r"(?:airstrikes?|air strikes?|(?:missile|rocket|drone) strikes?|bombings?|massacres?|"
    r"attacks?|shootings?|assassinations?|shellings?|ambush(?:es)?|hijackings?|stabbings?)\b",
    re.I,
)
#: Words that end the adjectives before a head noun ("was an attack *on* …").
_NOUN_STOP = frozenset(
    "of in on at by for from with against during after before near into and or that which "
    "who where when as to".split()
)
#: A title's explosion is an attack when the first sentence names a weapon that caused it.
_EXPLOSION_TITLE = re.compile(r"\b(explosions?|blasts?)\b", re.I)
_WEAPON = re.compile(
    r"\b(bomb|bombs|explosive device|IED|suicide bomber|car bomb|truck bomb|missile|rocket)\b",
    re.I,
)


#: Titles naming the taking of a place ("Capture of Chernobyl", "Seizure of Kherson", "Fall
#: of Saigon"; not "Fall of the Berlin Wall"): a military capture, a battle.
_CAPTURE_TITLE = re.compile(r"^(?:the\s+)?(?:(?:capture|seizure)\s+of|fall\s+of\s+(?!the\b))", re.I)
#: Words that deny or doubt an attack in the same sentence ("denied it was an attack").
_DENIAL = re.compile(
    r"\b(?:not|no|never|denied|denies|deny|ruled out|rules out|rejected|unlikely|"
    r"instead of|rather than|initially|first thought|mistaken)\b",
    re.I,
)


def _names_attack(text: str, copula: str = r"(?:was|is)") -> bool:
    """*text* says something "was a/an <attack noun>", up to four adjectives between ("was
    an American bombing", "was an Israeli airstrike on …")."""
    for m in re.finditer(rf"\b{copula} (?:an?|the)\s+", text):
        rest = text[m.end() :]
        for _ in range(5):
            if _ATTACK_NOUN.match(rest):
                return True
            w = re.match(r"[\w'’.-]+\s+", rest)
            if w is None or w.group().strip().lower() in _NOUN_STOP:
                break
            rest = rest[w.end() :]
    return False


def _lead_calls_it_attack(doc: Document) -> bool:
    """A sentence of the lead paragraph says the event "was / had been a <attack noun>"
    ("Zaluzhnyi … said that it had been a Ukrainian missile strike"), without denying or
    doubting it in the same sentence."""
    body = doc.body()
    if not body:
        return False
    for s in body:
        if s.paragraph != body[0].paragraph:
            break
        text = s.plain.text
        if _names_attack(text, r"(?:was|is|had been|has been)") and not _DENIAL.search(text):
            return True
    return False


#: "was a massacre", "was a terrorist attack": violence against people, not forces.
_CALLED_MASSACRE = re.compile(
    r"\b(?:was|is)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?:massacre|mass\s+killing|mass\s+murder|"
    r"pogrom|terrorist\s+attack|terror\s+attack)\b",
    re.I,
)


def _first_sentence_attack(doc: Document) -> bool:
    """The first body sentence says the subject "was a/an <attack noun>", up to four
    adjectives between ("was an American bombing", "was an Israeli airstrike on …")."""
    body = doc.body()
    if not body:
        return False
    return _names_attack(body[0].plain.text)


#: Title words of a rising, which may last days or years (a war's own words are not here).
_RISING_TITLE = re.compile(r"\b(?:uprising|rising|rebellion|revolt|mutiny|insurrection|conquest)\b")


#: Titles of a war's campaign of years that is no war of its own ("Bombing of Tokyo", "Blockade
#: of Germany", "Occupation of the Ruhr").
_CAMPAIGN_OF_A_WAR = re.compile(
    r"\b(?:bombings?|blockades?|occupation|air\s+raids?|shelling)\b", re.I
)


def _box_date(doc: Document) -> tuple[str, DateValue] | None:
    """The infobox's first ``date`` field, as written and as read; None when there is none or
    it reads as no date."""
    for f in doc.infobox.fields if doc.infobox else []:
        if f.key != "date":
            continue
        try:
            return f.plain.text, parse_date(f.plain.text, hint=f.hints.get("date"))
        except DateError:
            return None
    return None


def _attack_type(doc: Document) -> bool:
    """Whether an event box's ``type`` names an attack ("type = [[Massacre]]", "Mass shooting"):
    Bloody Sunday's box is an event's, its type a massacre."""
    return any(
        f.key == "type" and _ATTACK_TITLE.search(f.plain.text) is not None
        for f in (doc.infobox.fields if doc.infobox else [])
    )


def _years_long(doc: Document) -> bool:
    """Whether the infobox's date spans two calendar years or more apart ("16 June 1948 – 12
    July 1960"; not "31 December 1862 – 2 January 1863")."""
    box = _box_date(doc)
    if box is None:
        return False
    d = box[1]
    if not d.start or not d.end or d.approximate or d.precision not in ("day", "month", "year"):
        return False  # ("1930s", "c. 1650 – c. 1700": the year is uncertain, not long)
    return _signed_year(d.end) - _signed_year(d.start) >= 2


def _signed_year(iso: str) -> int:
    """The year of an ISO date, negative before the common era ("-0264-03" → -264)."""
    m = re.match(r"-?\d+", iso)
    return int(m.group()) if m else 0


def _brief_rising(doc: Document, title: str) -> bool:
    """Whether a rising's title ("uprising", "rebellion", "mutiny" …, not "war" or
    "revolution") goes with an infobox date of a month or less (UCDP date_prec 1–4): then its
    military conflict box records a battle, not a war."""
    if not _RISING_TITLE.search(title) or re.search(r"\b(?:wars?|revolution)\b", title):
        return False
    box = _box_date(doc)
    if box is None:
        return False
    written, d = box
    if d.ongoing or re.search(r"[–—-]\s*$", written.strip()):
        return False  # "10 May 1857 –": an open end says nothing of its length
    years = set(re.findall(r"\b1\d{3}\b|\b20\d{2}\b", written + " " + doc.title))
    if len(years) > 1:
        return False  # "17 June 1953 (initial) / 1953–1960", "(1953–1960)" in the title
    return d.date_prec <= 4


def event_kind(doc: Document) -> str:
    """attack, battle, war or other: from the infobox family, else from the title's words.

    A title that names a list, a timeline, an order of battle or an event "in popular
    culture" is no event (``other``). Without an infobox family, a generic title word
    ("Operation …") yields to the first sentence's "was a/an <attack noun>", and so does a
    title without a kind word; a title's "explosion" is an attack when the first sentence
    names the bomb or missile that caused it, or a lead sentence says it "was / had been a
    missile strike (bombing, attack …)". A title that names the taking of a place ("Capture
    of …", "Seizure of …", "Fall of <Place>") is a battle.
    """
    title = doc.title.lower()
    if _NOT_EVENT_TITLE.search(title.strip()) or _TOPIC_TITLE.match(title.strip()):
        return "other"
    family = doc.infobox.template if doc.infobox else None
    warlike = re.search(
        r"\b(war|wars|revolution|uprising|rebellion|insurgency|conflict|crusade|conquest)\b", title
    )
    capture = _CAPTURE_TITLE.match(title.strip())
    battlelike = (
        capture
        or re.search(
            r"\b(battles?|sieges?|raids?|offensives?|landings?|skirmish(?:es)?|engagements?|clashes)\b",
            title,
        )
        or _military_operation(doc.title)
    )
    if (
        not battlelike
        and _CAMPAIGN_TITLE.search(title)
        and (family == "military conflict" or _military_lead(doc))
    ):
        battlelike = True  # "Raqqa campaign", "2022 Kharkiv counteroffensive", "… invasion of …"
    if family is None and warlike and not battlelike and _war_topic(title):
        return "other"  # "Foreign fighters in the Syrian civil war": a topic of a war
    if family == "military conflict":
        if (
            not (warlike or battlelike)
            and _ATTACK_TITLE.search(title)
            and doc.body()
            and _CALLED_MASSACRE.search(doc.body()[0].plain.text)
        ):
            # "Bombing of Plaza de Mayo … was a massacre": the title names an attack and the
            # first sentence calls it a massacre, whatever box the editors chose for it (not
            # "was a British naval attack on French Navy ships": forces against forces)
            return "attack"
        if warlike and not battlelike and _brief_rising(doc, title):
            return "battle"  # "Moscow uprising of 1905" (20–31 December): a rising of days
        if (
            not warlike
            and not battlelike
            and not _CAMPAIGN_OF_A_WAR.search(title)
            and _years_long(doc)
        ):
            return "war"  # "Malayan Emergency" (1948–1960): a conflict of years is a war
        return "war" if warlike and not battlelike else "battle"
    if family in ("civil conflict", "military operation", "event", "historical event"):
        # the editors chose no conflict box: a riot, protest, revolution or false alarm is no
        # battle or war ("2011 Egyptian revolution", "French Revolution", "Battle of Los
        # Angeles", an air-raid alarm); an operation is a battle; any is an attack when its
        # title says so ("… protests and massacre").
        if _ATTACK_TITLE.search(title) or (family != "military operation" and _attack_type(doc)):
            return "attack"
        return "battle" if family == "military operation" else "other"
    if family in INFOBOX_FAMILIES and INFOBOX_FAMILIES[family] == "attack":
        return "attack"
    if family == "aircraft occurrence":
        # an airliner bombed, shot down or hijacked is an attack; a crash is no violent event
        return "attack" if _aircraft_attacked(doc) else "other"
    if _ATTACK_TITLE.search(title):
        return "attack"
    generic = bool(battlelike) and not (
        capture
        or re.search(
            r"\b(battles?|sieges?|raids?|offensives?|landings?|skirmish(?:es)?|engagements?|clashes)\b",
            title,
        )
    )
    if family is None and (generic or not (battlelike or warlike)):
        if _first_sentence_attack(doc):
            return "attack"
        if _EXPLOSION_TITLE.search(title) and doc.body():
            if _WEAPON.search(doc.body()[0].plain.text) or _lead_calls_it_attack(doc):
                return "attack"
    if battlelike:
        return "battle"
    if warlike:
        return "war"
    return "other"


#: An aircraft occurrence's type or summary that tells of an attack on the aircraft.
#: (Not an explosion or an "attack" alone: "explosive decompression", "fuel tank explosion",
#: "heart attack", "attack helicopter"; not a bomb that was a threat or a hoax.)
_AIRCRAFT_ATTACK = re.compile(
    r"\b(?:bomb(?:ing|ed|s)?\b(?!\s+(?:threats?|hoax|scare|warning)\b)|explosive\s+device|"
    r"shot\s+down|shoot-?down|missiles?|hijack(?:ing|ed|ers?)?|sabotage[d]?|suicide\s+attack|"
    r"(?:terrorist|armed|missile|rocket|militant|insurgent)\s+attacks?|attacked\s+by|"
    r"terroris[mt](?!\s+(?:was\s+)?ruled\s+out)|gunfire|anti-aircraft|surface-to-air)",
    re.I,
)
#: An occurrence type that says no one attacked the aircraft.
_AIRCRAFT_MISHAP = re.compile(r"^\W*(?:accident|incident|crash|mishap)\W*$", re.I)


def _aircraft_attacked(doc: Document) -> bool:
    """Whether an aircraft occurrence's box calls it an attack: its ``occurrence_type`` or
    ``summary`` names a bombing, a shootdown, a hijacking ("Bombing by the Medellín Cartel",
    "Shot down by a Buk missile"); an ``occurrence_type`` of "Accident" or "Incident" alone
    decides that it is none."""
    box = doc.infobox
    if box is None:
        return False
    if any(f.key == "occurrence_type" and _AIRCRAFT_MISHAP.match(f.plain.text) for f in box.fields):
        return False
    return any(
        f.key in ("occurrence_type", "summary") and _AIRCRAFT_ATTACK.search(f.plain.text)
        for f in box.fields
    )


def attack_type(label: str) -> dict[str, Any]:
    """Map an attack-type label to ACLED, GTD and UCDP vocabularies (None when unknown)."""
    low = label.lower()
    for words, acled, gtd, ucdp in ATTACK_TYPES:
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words):
            return {
                "label": label,
                "acled": acled,
                "gtd_attacktype": gtd,
                "ucdp_type_of_violence": ucdp,
            }
    return {"label": label, "acled": None, "gtd_attacktype": None, "ucdp_type_of_violence": None}


def _names_nobody(st: Statement) -> bool:
    """An actor value that only says the actor is unknown ("Unknown", "Unidentified")."""
    return names_nobody((st.value or {}).get("name") or "")


def _actor(st: Statement) -> dict[str, Any]:
    v = st.value or {}
    return {
        "name": v.get("name"),
        "link": v.get("link"),
        "kind": v.get("kind"),
        "country": v.get("country"),
        "statement": st.id,
    }


def assemble(
    doc: Document, statements: list[Statement], policy: str = "ranges"
) -> tuple[dict[str, Any], list[Finding]]:
    """Assemble the event of *doc* from its *statements* under *policy*."""
    findings: list[Finding] = []
    kind = event_kind(doc)
    by_prop: dict[str, list[Statement]] = {}
    for st in statements:
        by_prop.setdefault(st.property, []).append(st)

    event: dict[str, Any] = {"kind": kind}
    event["part_of"] = list(dict.fromkeys(st.value for st in by_prop.get("part_of", [])))
    event["date"] = _date(by_prop.get("date", []), findings)
    event["location"] = _location(doc, by_prop)

    spans = {sn.id: sn.span for sn in doc.sentences}  # each sentence's input span, by id
    # the body figures the text rejects after giving them (read once for the sides and the
    # event's figures)
    rejected = _rejected_ids(
        [st for st in statements if st.property in ("deaths", "injuries", "casualties")],
        doc,
        spans,
    )
    sides = (
        _sides(drop_rejected_lines(statements, rejected), policy, findings)
        if kind in ("battle", "war") or any(st.side for st in statements)
        else []
    )
    event["sides"] = sides
    # sides that only the lead's prose names (no infobox, no figure of their own) say who
    # fought; the event's figures are then those of the text, as on a page without sides
    named_only = {
        side
        for side in {st.side for st in statements if st.side is not None}
        if all(
            st.property == "combatant" and st.origin == "body"
            for st in statements
            if st.side == side
        )
    }
    counted = [s for s in sides if s["side"] not in named_only]
    # the body sentences that say they sum up; only those a statement comes from are asked
    stated_in = {st.sentence for st in statements if st.sentence}
    stated_body = [sn for sn in doc.body() if sn.id in stated_in]
    totalling = {sn.id for sn in stated_body if _TOTAL_CUE.search(sn.plain.text)}
    # the body sentences that give a source's estimate (see _range_of_claims)
    claiming = frozenset(
        sn.id
        for sn in stated_body
        if _SOURCE_CLAIM.search(sn.plain.text) and not _NO_CLAIM.search(sn.plain.text)
    )
    # the sentences that give a count as a count ("the government acknowledged only nine
    # deaths", "The official death toll was nine"): a smaller figure there is a rival of the
    # toll, never one of its episodes
    rivalling = claiming | frozenset(
        sn.id for sn in stated_body if _RIVAL_COUNT.search(sn.plain.text)
    )
    # the figures a sentence follows with more dead it does not count ("killed two members of
    # the team, and took nine others hostage, who were later killed"): one stage of the toll
    # (each sentence is searched once, for the last such clause: a figure before it is staged)
    later_at: dict[str, int] = {}
    for st in by_prop.get("deaths", []):
        if st.origin == "body" and st.sentence in spans and st.sentence not in later_at:
            a, b = spans[st.sentence]
            last = -1
            for m in _LATER_KILLED.finditer(doc.input, a, b):
                last = m.start()
            later_at[st.sentence] = last
    staged = frozenset(
        st.id
        for st in by_prop.get("deaths", [])
        if st.origin == "body" and st.span[1] <= later_at.get(st.sentence or "", -1)
    )
    # the sentences that count the perpetrators among their dead (see _victims_counted)
    dead_perpetrators = frozenset(
        sn.id for sn in stated_body if _PERPETRATORS_AMONG_DEAD.search(sn.plain.text)
    )
    # a state's forces carried it out: soldiers the lead counts apart from the infobox's bare
    # toll are likely theirs (see _forces_part)
    state_forces = any(
        isinstance(st.value, dict) and st.value.get("kind") == "state"
        for st in by_prop.get("perpetrator", [])
    )
    bare_tolls = (
        frozenset(
            st.id
            for prop in ("deaths", "injuries")
            for st in by_prop.get(prop, [])
            if st.origin == "infobox" and _names_no_group(doc, st)
        )
        if state_forces
        else frozenset()
    )
    for key, prop, cat in (("deaths", "deaths", "killed"), ("injuries", "injuries", "wounded")):
        sts = by_prop.get(prop, [])
        if not _is_event_page(doc, kind) and not _names_one_victim(sts):
            # "History of the United States" names 9/11's dead in its lead: a page that is no
            # event keeps its statements, but they make no event figure
            sts = [st for st in sts if st.origin == "infobox"]
        if kind == "attack":
            sts = _perpetrators_lines(sts, by_prop.get("perpetrator", []), doc)
        sts = drop_other_years(sts, doc, event["date"])
        sts = drop_superseded(sts, doc, spans)
        sts = drop_rejected(sts, rejected)
        sts = drop_incident_figures(sts, doc, kind, spans)
        sts = _drop_other_rises(sts, doc, spans, event["date"])
        event[key] = _event_quantity(
            sts,
            counted,
            cat,
            kind,
            policy,
            findings,
            totalling,
            dead_perpetrators,
            bare_tolls,
            claiming,
            staged,
            rivalling,
        )
        if not event[key]["statements"] and not counted:
            event[key] = _no_casualties(by_prop.get("casualties", []), event[key])
        elif not event[key]["statements"] and not any(
            q["statements"] for side in counted for q in side["casualties"].values()
        ):
            # sides that give no casualty figure at all: only the box's own "casualties = None"
            # (an operation's box names who executed it) says nobody died, not a sentence
            # about one party ("The British suffered no casualties")
            boxed = [
                st
                for st in by_prop.get("casualties", [])
                if st.origin == "infobox" and st.field == "casualties" and st.party is None
            ]
            event[key] = _no_casualties(boxed, event[key])
        if event[key].get("sum_of_sides"):
            floor_if_columns_undifferentiated(event[key], by_prop.get("casualties", []), doc)
    # "perpetrator = Unknown" names nobody: the statement stays as evidence, the list is empty
    named = [st for st in by_prop.get("perpetrator", []) if not _names_nobody(st)]
    unknown = len(named) < len(by_prop.get("perpetrator", []))
    if unknown or any(not (st.value or {}).get("qualifier") for st in named):
        # (so beside "Unknown": "Unknown; Indian officials blamed Lashkar-e-Taiba" names no
        # event perpetrator)
        # "[[Taliban]]<br />{{small|Alleged:}} [[Haqqani network]]": beside a perpetrator the
        # text asserts, the ones it only alleges or suspects are no event perpetrators (their
        # statements stay, with their qualifier); alone, they are the event's
        named = [st for st in named if not (st.value or {}).get("qualifier")]
    if (
        not by_prop.get("perpetrator")
        and kind == "attack"
        and doc.infobox is not None
        and doc.infobox.template == "military operation"
    ):
        # an attack told in an operation's box ("1996 Manchester bombing": `executed_by =
        # Provisional IRA`): who executed it carried it out
        named = [
            st
            for st in by_prop.get("combatant", [])
            if st.side == 1 and st.origin == "infobox" and not _names_nobody(st)
        ]
    event["perpetrators"] = [_actor(st) for st in named]
    # "Supported by: [[Iran]]" in a perpetrators field: who aided them (a side's supporters
    # are in its entry of sides)
    event["supporters"] = [_actor(st) for st in by_prop.get("supporter", []) if st.side is None]
    event["targets"] = [_actor(st) for st in by_prop.get("target", []) if not _names_nobody(st)]
    event["attack_types"] = [
        dict(attack_type(st.value["label"]), statement=st.id)
        for st in by_prop.get("attack_type", [])
    ]
    for prop in ("motive", "result", "territory", "weapons", "outcome", "cause", "status"):
        vals = by_prop.get(prop, [])
        event[prop] = vals[-1].value if vals else None
    return event, findings


#: Titles of military campaigns: battles when the infobox or the lead is military.
_CAMPAIGN_TITLE = re.compile(r"\b(campaigns?|counter-?offensives?|invasions?)\b")
_MILITARY_WORDS = re.compile(
    r"\b(military|forces|army|armies|troops|soldiers|offensive|counter-?offensive|battles?|"
    r"war|fighting|fought|invasion|invaded|insurgen\w*|militants?|rebels?|armed|siege|"
    r"navy|captured|recaptured|retook|occupation)\b",
    re.I,
)
#: "<head> of/in/during the <… war>": the head is the page's subject.
_WAR_TOPIC = re.compile(r"^(?P<head>.+?)\s+(?:of|in|during)\s+(?:the\s+)?(?P<war>.+)$")


def _military_lead(doc: Document) -> bool:
    """The first two lead sentences speak of armed forces or fighting."""
    body = doc.body()[:2]
    return any(_MILITARY_WORDS.search(s.plain.text) for s in body)


def _war_topic(title: str) -> bool:
    """ "Foreign fighters in the Syrian civil war", "Combatants of the war in Donbas": the
    war word is only in the phrase after the head, and the head names no event."""
    m = _WAR_TOPIC.match(title.strip())
    if not m or re.search(
        r"\b(wars?|revolution|uprising|rebellion|insurgency|conflict|crusade)\b", m.group("head")
    ):
        return False
    return not _EVENT_NOUNS.search(m.group("head"))


_OPERATION_NAME = re.compile(r"\bOperation\s+[\"'“‘]?(\w)")
_OPERATION_KIND = re.compile(
    r"\b(?:military|counter-?\w+|special|security|rescue|air|naval|amphibious|combat|joint|"
    r"ground|airborne)\s+operations?\b",
    re.I,
)


def _military_operation(title: str) -> bool:
    """ "Operation Wikinger", "2014 military operation in …": a named or military operation;
    "Illegal operation (euphemism)" (surgery) is not."""
    m = _OPERATION_NAME.search(title)
    return bool(m and (m.group(1).isupper() or m.group(1).isdigit())) or bool(
        _OPERATION_KIND.search(title)
    )


_EVENT_NOUNS = re.compile(
    r"\b(massacres?|attacks?|bombings?|shootings?|battles?|sieges?|riots?|sinking|sank|incidents?|"
    r"disasters?|explosions?|raids?|ambush(?:es)?|uprisings?|rebellions?|revolts?|wars?|killings?|"
    r"genocides?|pogroms?|shipwrecks?|crash(?:es)?|fires?|operations?|skirmish(?:es)?|"
    r"insurrections?|mutiny|mutinies|assassinations?|hijackings?|stabbings?|campaigns?)\b",
    re.I,
)


def _is_event_page(doc: Document, kind: str) -> bool:
    """An event infobox, an event-like title, or a first sentence that names an event."""
    if doc.infobox is not None or kind != "other":
        return True
    body = doc.body()
    return bool(body) and bool(_EVENT_NOUNS.search(body[0].plain.text))


def _names_one_victim(sts: list[Statement]) -> bool:
    """The lead says the page's named subject was killed (a biography whose subject "was
    killed in a car bombing"): the page is about that killing, an event."""
    return any(isinstance(st.value, dict) and st.value.get("victim") for st in sts)


_MONTH_NAMES = "(?:" + "|".join(MONTH_NAMES) + ")"
#: A year the sentence dates something to: "in 2016", "the AMIA bombing of 1994", "the 1994
#: AMIA bombing", "in October 1905", "on 3 May 1921".
_IN_YEAR = re.compile(
    r"\b(?:(?:in|since|during|of) (?:(?:\d{1,2} )?" + _MONTH_NAMES + r"(?: \d{1,2},)? )?"
    r"|on (?:\d{1,2} )?" + _MONTH_NAMES + r"(?: \d{1,2},)? |the (?=\d{4} [A-Z]))"
    r"(\d{4})\b(?!\s+(?:people|persons|men|women|children|[a-z]+(?:ers|ors|ants|ents|ians|ists)\b))"
)


#: Words that open a new clause: a cue before them speaks of another figure.
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|while|whereas|although|though)\b", re.I)
#: A figure the text gives as a first, unconfirmed report.
_INITIAL_CUE = re.compile(
    r"\b(?:initial(?:ly)?|preliminary|first reports?|first reported|early reports?|"
    r"first\s+(?:figures?|counts?|estimates?|tolls?|spoke\s+of|gave|put|announced|stated)|"
    r"at first(?!\s+(?:light|glance|sight|hand|dawn)))\b",
    re.I,
)
#: The toll words of a revision ("… the official death toll"), and a final toll: the pieces the
#: lead's and a section's revision cues share.
_REVISED_TOLL = (
    r"(?:the\s+|its\s+|their\s+)?(?:official\s+)?(?:death\s+|casualty\s+|injury\s+)?"
    r"(?:toll|figure|count|number)"
)
_FINAL_TOLL = (
    r"\b(?:final|eventual)\s+(?:official\s+)?(?:death\s+|casualty\s+)?(?:toll|figure|count)\b"
    r"|\b(?:finally|eventually)\s+(?:put|set|fixed|placed)\s+(?:the|its)\s+(?:official\s+)?"
    r"(?:death\s+|casualty\s+)?(?:toll|figure|count|number)\s+at\b"
)
#: A revision of the toll itself (not "later said", which may be another party's claim).
_TOLL_REVISION_CUE = re.compile(
    rf"\b(?:raised|raising|updated|revised|increased|increasing)\s+{_REVISED_TOLL}"
    r"|\btoll\s+(?:later\s+|had\s+|has\s+)?(?:rose|risen|climbed|increased|grew)\s+to\b"
    # "The toll rose over the following day …; by 30 June officials said at least 32 …": the
    # rise told before its figure, in one sentence
    r"|\btoll\s+(?:later\s+)?(?:rose|climbed|increased|grew)\b"
    r"(?=[^.]{0,300}?\b(?:(?:at\s+least|more\s+than|over|some|about|nearly|to|reaching)\s+\d|"
    r"\d[\d,]*\s+"
    r"(?:people|persons|dead|deaths|victims|civilians|were|had)\b))"
    r"|\bbringing\s+the\s+(?:death\s+|casualty\s+)?(?:toll|total)\s+to\b"
    r"|\b(?:toll|figure|count|number|total)\s+(?:\w+\s+){0,3}?(?:was\s+|were\s+|had\s+been\s+)?"
    r"(?:later\s+|subsequently\s+)?revised\s+(?:up(?:ward)?s?\s+|down(?:ward)?s?\s+)?to\b"
    rf"|{_FINAL_TOLL}",
    re.I,
)
#: "It later rose to 88": a sentence whose subject is a pronoun for the toll before.
_PRONOUN_ROSE = re.compile(
    r"\s*(?:It|This|The\s+figure)\s+(?:later\s+|subsequently\s+|eventually\s+)?"
    r"(?:rose|climbed|increased|grew)\s+to\s+(?:about\s+|over\s+|more\s+than\s+|at\s+least\s+)?\d"
)
#: A sentence that speaks of a death toll.
_TOLL_WORDS = re.compile(r"\b(?:death\s+toll|toll|dead|deaths|killed)\b", re.I)
#: A wikitext ref element, self-closed or with a body that never crosses its "</ref>" (an
#: unrolled loop: no backtracking over a long page).
_REF_ELEMENT = r"<ref[^>]*/>|<ref[^>/]*>[^<]*(?:<(?!/ref\s*>)[^<]*)*</ref\s*>"
#: An infobox figure tagged as a first count: "20 (initial count)", "73 (preliminary)".
_INITIAL_TAG = re.compile(
    rf"(?:\s*(?:{_REF_ELEMENT})|\s*\{{\{{efn[^{{}}]*\}}\}})*"
    r"\s*(?:\{\{small\|)?\(\s*(?:\w+\s+){0,3}(?:initial(?:ly)?|preliminary|"
    r"first\s+(?:count|report|estimate)s?|early\s+reports?)\b",
    re.I,
)
#: Footnote markup inside a sentence's input (a wikitext ref, a browser copy's "[3]").
_REF_MARKUP = re.compile(rf"{_REF_ELEMENT}|\{{\{{[^{{}}]*\}}\}}|\[\d{{1,3}}\]", re.I)
#: After a figure, in its sentence: the text says the figure was later replaced.
_REPLACED_AFTER = re.compile(
    r"[^.;]{0,120}?\b(?:(?:(?:later|subsequently|since|was|were|been)\s+)+|(?:a\s+)?(?:figure|"
    r"toll|number|count)\s+(?:(?:later|since|subsequently)\s+)?)(?:corrected|revised|"
    r"lowered|raised|updated|increased|reduced)\s+(?:(?:up|down)(?:ward)?\s+)?to\b"
    # "Initial reports put the death toll at 61, but authorities later revised it to 52"
    r"|[^.;]{0,120}?\b(?:later|subsequently)\s+(?:corrected|revised|lowered|raised|updated|"
    r"reduced)\s+(?:it|this|the\s+(?:figure|toll|count|number))\s+(?:(?:up|down)(?:ward)?\s+)?"
    r"to\s+(?:about\s+|over\s+|more\s+than\s+|at\s+least\s+)?\d",
    re.I,
)
#: After a death figure, in its sentence: the next clause says the toll (as "it") was raised
#: ("… was 44 dead and more than 130 injured; it was raised to 53 by the United Nations").
_RAISED_AFTER_CLAUSE = re.compile(
    r"[^.;]{0,120}?;\s*(?:it|this|the\s+(?:death\s+)?(?:figure|toll))\s+(?:was|were|has\s+been)\s+"
    r"(?:later\s+|subsequently\s+|since\s+)?(?:raised|revised|increased|lowered|corrected|updated)\s+"
    r"(?:(?:up|down)(?:ward)?s?\s+)?to\s+(?:about\s+|over\s+|more\s+than\s+|at\s+least\s+)?\d",
    re.I,
)
#: After a figure, in its sentence: the text says it was corrected or withdrawn, with no new
#: figure ("…, a figure corrected the next day", "…, later retracted").
_CORRECTED_AFTER = re.compile(
    r"[^.;]{0,60}?,\s*(?:a\s+(?:figure|toll|number|count|claim)\s+(?:that\s+was\s+|which\s+was\s+)?"
    r"(?:later\s+|subsequently\s+|quickly\s+|soon\s+)?(?:corrected|retracted|withdrawn|revised|"
    r"disproved)|(?:which\s+was\s+)?(?:later|subsequently|soon|quickly)?\s*(?:corrected|retracted|"
    r"disproved))\b"
    # (not the revision itself: "revised upward from an initial count of 30")
    r"(?!\s+(?:up(?:ward)?s?|down(?:ward)?s?|from|to)\b)",
    re.I,
)
#: A figure the text gives as a later confirmation or revision of the toll.
_REVISION_CUE = re.compile(
    r"\blater\b[^.;]*\b(?:confirmed|reported|stated|said|put|raised|revised|updated)\b"
    r"|\b(?:subsequently|eventually)\s+(?:confirmed|raised|revised|updated)\b"
    rf"|\b(?:raised|raising|updated|revised|increased|increasing|lowered)\s+{_REVISED_TOLL}"
    # "The toll rose over the following days …, and by 11 May officials said that at least
    # 85 people had been killed": the toll's rise, the figure later in its clause
    r"|\btoll\s+(?:later\s+)?(?:rose|climbed|increased|grew)\b"
    rf"|{_FINAL_TOLL}",
    re.I,
)


#: How far around a figure the per-statement rules read its sentence (the patterns they apply
#: reach a few hundred characters at most): a pathological sentence holding thousands of
#: figures then costs linear time, not quadratic.
_WINDOW = 600


def _clause_before(doc: Document, st: Statement, sentence_spans: dict[str, Any]) -> str:
    """The text of the statement's sentence from the last clause break before its figure up
    to the figure's end ("…, while Russian officials initially confirmed that 63 troops were
    killed")."""
    span = sentence_spans.get(st.sentence or "")
    if span is None:
        return ""
    start = max(span[0], st.span[0] - _WINDOW)  # a clause longer than the window: its tail
    text = doc.input[start : st.span[1]]
    upto = st.span[0] - start
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, max(upto, 0))]
    return text[breaks[-1] if breaks else 0 :]


def drop_superseded(
    sts: list[Statement], doc: Document, spans: dict[str, tuple[int, int]]
) -> list[Statement]:
    """Lead figures the text itself replaces: when a lead figure is a later confirmation or
    revision ("Later, the police confirmed 61 people were killed", "but raised the death toll
    to 89"), the earlier lead figures of the same category that the text calls initial
    ("initial reports stating … 35 … were killed and 134 others were injured", "initially
    confirmed that 63") are superseded: they stay statements, but not the event's figure.
    Figures not called initial (another party's claim) stay."""
    # "23 (including 5 soldiers)<br />20 (initial count)": an infobox line the box itself
    # calls initial is superseded by the field's other figure
    initial = {
        st.id
        for st in sts
        if st.origin == "infobox"
        and not st.subset
        and _INITIAL_TAG.match(doc.input[st.span[1] : st.span[1] + 2000])
    }
    if initial:
        kept = {
            (st.field, st.category)
            for st in sts
            if st.origin == "infobox" and not st.subset and st.id not in initial
        }
        initial = {st.id for st in sts if st.id in initial and (st.field, st.category) in kept}
        sts = [st for st in sts if st.id not in initial]
    lead = [st for st in sts if st.origin == "body" and st.section is None and st.sentence]
    # "put the death toll at 337 on 22 July, later revised to 354", "initially reported 14
    # dead, a figure … later corrected to 13": the sentence itself replaces the figure
    replaced = set()
    corrected = set()
    for st in lead:
        span = spans.get(st.sentence or "")
        if span is None:
            continue
        after = _REF_MARKUP.sub("", doc.input[st.span[1] : min(span[1], st.span[1] + 4 * _WINDOW)])
        if _REPLACED_AFTER.match(after) or (
            st.category == "killed" and _RAISED_AFTER_CLAUSE.match(after)
        ):
            replaced.add(st.id)
        elif _CORRECTED_AFTER.match(after):
            corrected.add(st.id)
    # "Early reports … spoke of nine hostages dead, a figure corrected the next day": a figure
    # the text withdraws without giving the new one, when another of its category stands
    replaced |= {
        st.id
        for st in lead
        if st.id in corrected
        and any(
            o.id not in corrected and o.category == st.category and not o.subset
            for o in sts
            if o is not st
        )
    }
    if replaced:
        sts = [st for st in sts if st.id not in replaced]
        lead = [st for st in lead if st.id not in replaced]
    later = _later_victim(lead, sts, doc, spans)
    if later:
        sts = [st for st in sts if st.id not in later]
        lead = [st for st in lead if st.id not in later]
    clause = {st.id: _clause_before(doc, st, spans) for st in lead}
    dropped = _initial_before_revised(lead, clause, _REVISION_CUE, same_category=False)
    dropped |= _initial_before_revision_words(lead, clause, doc, spans)
    dropped |= _initial_beside_settled(lead, clause, sts)
    # the same within a body section, for a revision of the toll itself
    # ("Initial reports gave 18 people dead. … later died in hospital, raising the death toll
    # to 25"; not "the opposition later said that 40 …": another party's claim)
    passages: dict[str, list[Statement]] = {}
    for st in sts:
        if st.origin == "body" and st.section is not None and st.sentence:
            passages.setdefault(st.section, []).append(st)
    for group in passages.values():
        clause = {st.id: _clause_before(doc, st, spans) for st in group}
        dropped |= _initial_before_revised(group, clause, _TOLL_REVISION_CUE, same_category=True)
        dropped |= _initial_before_revision_words(group, clause, doc, spans)
    return [st for st in sts if st.id not in dropped]


#: "A thirteenth victim, a first responder …, died of his injuries in October 2021": a later
#: death that sets the toll at its ordinal.
_ORDINAL_VICTIM = re.compile(
    r"\b(?:A|An|The)\s+(?P<n>\d{1,4}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:victim|person|casualty|death|fatality)\b[^.;]{0,160}?\b(?:died|succumbed|"
    r"was\s+(?:later\s+)?(?:confirmed|found)\s+dead)\b"
    # "Three people were killed at the scene and a fourth died of her wounds": the ordinal
    # alone, right before its verb
    r"|\b(?:[Aa]|[Aa]n)\s+(?P<n2>\d{1,4}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:(?:passenger|man|woman|child|soldier|officer|student|worshipper|civilian|hostage|"
    r"policeman|pupil|boy|girl|member)\s+)?(?:later\s+)?(?:died|succumbed)\b"
)
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip


def _ordinal(word: str) -> int | None:
    """ "13th" → 13, "thirteenth" → 13, "thirty-sixth" → 36; None for any other word."""
    if word[:1].isdigit():
        return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]
    word = word.lower()
    if word in _ORDINAL_UNITS:
        return _ORDINAL_UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _ORDINAL_UNITS and _ORDINAL_UNITS[unit] < 10:
        return _TENS[tens] + _ORDINAL_UNITS[unit]
    return None


def _later_victim(
    lead: list[Statement],
    sts: list[Statement],
    doc: Document,
    spans: dict[str, tuple[int, int]],
) -> set[str]:
    """The lead's exact death figures one below the ordinal of a later death it tells ("killing
    12 people … A thirteenth victim … died of his injuries in October 2021"): the toll before
    that death, superseded, when another statement gives the toll after it (the infobox's 13);
    else the lead's figure stays the only count."""
    out: set[str] = set()
    stated = {st.best for st in sts if st.category == "killed" and not st.subset}
    # (a toll written with its perpetrators, "16 (including the perpetrator)", states 15 too)
    stated |= {
        st.best - n
        for st in sts
        if st.category == "killed"
        and st.best is not None
        and (n := _perpetrators_included(st)) is not None
    }
    for sn in doc.body():
        if sn.section is not None:
            continue
        a, b = spans.get(sn.id, sn.span)
        for m in _ORDINAL_VICTIM.finditer(doc.input, a, b):
            n = _ordinal(m.group("n") or m.group("n2"))
            if n is None or n < 2 or n not in stated:
                continue
            out |= {
                st.id
                for st in lead
                if st.category == "killed"
                and not st.subset
                and st.comparator == "="
                and st.best == n - 1
                and st.span[1] <= m.start()
            }
    return out


def _initial_beside_settled(
    lead: list[Statement], clause: dict[str, str], sts: list[Statement]
) -> set[str]:
    """The lead's figures it calls initial, before or after the toll it settles on ("…,
    killing 25 people. Initial reports had put the death toll at 10."): superseded when
    another lead figure of the category, not called initial, is a figure the infobox states
    too (the page's toll, said twice), and the initial one is not. *clause* holds each
    statement's :func:`_clause_before`."""
    initial = {st.id for st in lead if _INITIAL_CUE.search(clause[st.id])}
    if not initial:
        return set()
    box = {
        (st.category, st.best)
        for st in sts
        if st.origin == "infobox" and not st.subset and st.best is not None
    }
    settled = {
        st.category
        for st in lead
        if st.id not in initial
        and not st.subset
        # ("At least 215 people were killed" beside the box's 215)
        and (st.category, st.best if st.best is not None else st.low) in box
    }
    return {
        st.id
        for st in lead
        if st.id in initial and st.category in settled and (st.category, st.best) not in box
    }


def _initial_before_revision_words(
    group: list[Statement],
    clause: dict[str, str],
    doc: Document,
    spans: dict[str, tuple[int, int]],
) -> set[str]:
    """The death figures of *group* (one passage: the lead or one body section) the text calls
    initial, before words of the same passage that revise or finalise the toll, whether or not
    a figure was read there ("The first figures … were 125 dead. … The final official toll of
    323 was announced"; "officials first spoke of 125 dead, then 292, and the Ministry finally
    put the figure at 323"). Injury figures only when those words name an injury toll.
    *clause* holds each statement's :func:`_clause_before`."""
    initial = [st for st in group if _INITIAL_CUE.search(clause[st.id])]
    if not initial:
        return set()
    section = initial[0].section
    cues: list[tuple[int, bool]] = []
    prev = None
    for sn in doc.body():
        if sn.section != section:
            prev = None
            continue
        a, b = spans.get(sn.id, sn.span)
        for m in _TOLL_REVISION_CUE.finditer(doc.input, a, b):
            cues.append((m.start(), "injur" in m.group().lower()))
        if prev is not None and _PRONOUN_ROSE.match(doc.input, a, b):
            # "Initial reports put the death toll at 64. It later rose to 88": "it" is the toll
            # of the sentence before
            pa, pb = spans.get(prev.id, prev.span)
            if _TOLL_WORDS.search(doc.input, pa, pb):
                cues.append((a, False))
        prev = sn
    return {
        st.id
        for st in initial
        if any(
            at > st.span[1]
            and (injury if st.category == "wounded" else st.category == "killed" and not injury)
            for at, injury in cues
        )
    }


#: The words of a verdict that rejects a figure ("… too high", "… exaggerated").
_VERDICT = (
    r"(?:too\s+high|exaggerated|inflated|unreliable|implausible|discredited|"
    r"greatly\s+exaggerated)\b"
)
_NOT_CREDIBLE_TEXT = (
    r"(?:is|are|was|were)\s+(?:generally\s+|now\s+)?not\s+(?:considered|regarded\s+as|"
    r"thought|deemed|seen\s+as)?\s*(?:credible|reliable|plausible|trustworthy|believable)\b"
)
#: "… are not considered credible": a verdict that negates belief.
_NOT_CREDIBLE = re.compile(r"\b" + _NOT_CREDIBLE_TEXT, re.I)
#: "but these figures are … not considered credible": a verdict on all the figures before.
_THESE_REJECTED = re.compile(
    r"\b(?:these|those|both|such|the\s+two)\s+(?:figures|numbers|estimates|claims|totals)\b"
    r"[^.;]{0,120}?(?:(?:is|are|was|were)\s+(?:generally\s+|now\s+|widely\s+)?(?:considered|"
    r"regarded|thought|deemed|dismissed|rejected|seen)\s+(?:as\s+)?"
    + _VERDICT
    + r"|"
    + _NOT_CREDIBLE_TEXT
    + r")",
    re.I,
)
#: After a figure, the text rejects it: "Figures of 1,830 dead … are now considered too high",
#: "a figure historians regard as exaggerated".
_REJECTED_AFTER = re.compile(
    r"\b(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|since\s+|widely\s+|generally\s+)?"
    r"(?:considered|regarded|thought|deemed|dismissed|rejected|seen)|regard(?:ed)?|consider(?:ed)?)"
    r"\s+(?:as\s+)?" + _VERDICT,
    re.I,
)


def _rejected_ids(
    sts: list[Statement], doc: Document, spans: dict[str, tuple[int, int]]
) -> set[str]:
    """The body figures the text rejects after giving them (see :func:`drop_rejected`)."""
    rejected = set()
    for st in sts:
        span = spans.get(st.sentence or "") if st.origin == "body" else None
        if span is None:
            continue
        # (a bounded window: the sentence's markup removed, its next 300 characters read)
        rest = _REF_MARKUP.sub("", doc.input[st.span[1] : min(span[1], st.span[1] + 4000)])[:300]
        after = rest[:200]
        # (the verdict is this figure's only up to the next figure: "Officials reported 120
        # dead, although rebel claims of 1,000 dead are regarded as exaggerated")
        nxt = re.search(r"\d", after)
        after = after[: nxt.start()] if nxt else after
        m = _REJECTED_AFTER.search(after) or _NOT_CREDIBLE.search(after)
        if (
            m is not None
            and (
                m.re is _NOT_CREDIBLE
                # ("a figure that was not considered credible": the verdict close to the
                # figure, not on another claim of the sentence, "their claim that the police
                # had fired in self-defence was not considered credible")
                and m.start() <= 60
                and not re.search(r"\bthat\s+(?:the|he|she|they|it)\b", after[: m.start()])
                or m.re is _REJECTED_AFTER
                and not re.search(r"\b(?:not|no\s+longer|never)\b|n't\b", after[: m.end()])
            )
            and not re.search(r"\b(?:confirmed|until|unless)\b", after[m.end() :])
        ):
            rejected.add(st.id)
            continue
        these = _THESE_REJECTED.search(rest)
        if these is not None and not re.search(
            r"\b(?:confirmed|until|unless)\b", rest[these.end() : these.end() + 80]
        ):
            # "… claim that 375,000 Saracens were killed, against 1,500 Franks, but these
            # figures are … not considered credible": the verdict covers the figures of the
            # claim it closes, those after the sentence's last claim word before the verdict
            # (not "Officials reported 120 dead, while opposition groups claimed 1,000 …, but
            # these claims are considered exaggerated": the officials' 120 is no claim of theirs)
            verdict_at = st.span[1] + these.start()
            claims = [c.start() for c in _CLAIM_WORD.finditer(doc.input, span[0], verdict_at)]
            if claims and st.span[0] > claims[-1]:
                rejected.add(st.id)
    return rejected


#: A word that opens a claim in a sentence ("… claim that", "claimed", "gave", "put").
_CLAIM_WORD = re.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed)|assert(?:s|ed)?|gave|give[sn]?|put(?:s)?|"
    r"report(?:s|ed)?|estimat(?:e|es|ed)|speak\s+of|spoke\s+of|record(?:s|ed)?)\b",
    re.I,
)


def drop_rejected(sts: list[Statement], rejected: set[str]) -> list[Statement]:
    """Body figures the text itself rejects after giving them ("Figures of 1,830 dead, given
    in the years after the war, … are now considered too high"; their ids *rejected*, see
    :func:`_rejected_ids`): they stay statements, not the event's figure, when another figure
    of the category stands beside them."""
    rejected = rejected & {st.id for st in sts}
    if not rejected or not any(
        st.id not in rejected and not st.subset and (st.low is not None or st.best is not None)
        for st in sts
    ):
        return sts  # (the only figure of the category, however doubtful, stays the event's)
    return [st for st in sts if st.id not in rejected]


def drop_rejected_lines(statements: list[Statement], rejected: set[str]) -> list[Statement]:
    """A side's infobox line whose exact figure the text rejects ("375,000 killed (Liber
    Pontificalis)" beside "… claim that 375,000 Saracens were killed, … but these figures are
    … not considered credible"; the rejected body figures' ids *rejected*) is no figure of the
    side, when another line of the side gives one of the same category; it stays a
    statement."""
    if not rejected:
        return statements
    values = {(st.category, _exact(st)) for st in statements if st.id in rejected and _exact(st)}
    drop = set()
    for st in statements:
        if (
            st.origin == "infobox"
            and st.side is not None
            # (a line that names its source, a rival claim: "375,000 killed (Liber
            # Pontificalis)"; not a part of the side's count, "192 Athenians killed")
            and st.attribution
            and (st.category, _exact(st)) in values
            and any(
                o is not st
                and o.origin == "infobox"
                and o.side == st.side
                and o.category == st.category
                and not o.subset
                and (o.category, _exact(o)) not in values
                and (o.low is not None or o.best is not None)
                for o in statements
            )
        ):
            drop.add(st.id)
    return [st for st in statements if st.id not in drop] if drop else statements


def _revises(cue: re.Pattern[str], clause: str, st: Statement) -> bool:
    """Whether *clause* (up to the end of *st*'s figure) calls *st* a revision: a cue that
    ends at most a few words before the statement's own figure ("this was later revised to
    over 25 dead"; not "the crowd estimate was revised to 3,000, and police killed 25")."""
    figure_at = len(clause) - (st.span[1] - st.span[0])
    return any(
        _QUALIFIER_ONLY.fullmatch(clause[m.end() : max(m.end(), figure_at)])
        for m in cue.finditer(clause)
    )


#: "… this was later revised to 25": a revision whose subject names no toll, only when the
#: revised figure follows right after the words (:func:`_revises`).
_BARE_REVISED_TO = re.compile(r"\brevised\s+(?:up(?:ward)?s?\s+|down(?:ward)?s?\s+)?to\s+(?=\S)")
#: Between a revision's words and its figure: at most a qualifier ("revised to over 25").
_QUALIFIER_ONLY = re.compile(
    r"\s*(?:(?:about|some|over|more\s+than|nearly|almost|around|at\s+least|approximately|up\s+to|"
    r"roughly|c\.)\s*)?",
    re.I,
)


def _initial_before_revised(
    group: list[Statement],
    clause: dict[str, str],
    cue: re.Pattern[str],
    *,
    same_category: bool,
) -> set[str]:
    """The figures of *group* (one passage's statements) the text calls initial, before a
    figure it calls (by *cue*) a revision or confirmation (of the same category, with
    *same_category*). *clause* holds each statement's :func:`_clause_before`, computed once
    for this and :func:`_initial_before_revision_words`."""
    revised = [
        st
        for st in group
        if cue.search(clause[st.id])
        or (same_category and _revises(_BARE_REVISED_TO, clause[st.id], st))
    ]
    if not revised:
        return set()
    return {
        st.id
        for st in group
        if st not in revised
        and any(
            r.span[0] > st.span[0] and (r.category == st.category or not same_category)
            for r in revised
        )
        and _INITIAL_CUE.search(clause[st.id])
    }


#: "the chemical weapons attack that reportedly killed 70 people, and injured 500": a figure
#: in a relative clause of an incident noun counts that incident.
#: One incident, singular, after "the/a/an/one" and at most four words ("the chemical weapons
#: attack that"); "airstrikes which killed over 5,000 civilians" may be the event's own toll.
_INCIDENT_CLAUSE = re.compile(
    r"\b(?:the|a|an|one)\s+(?:[\w'’-]+\s+){0,4}?(?:attack|bombing|air\s*strike|airstrike|"
    r"strike|shelling|massacre|explosion|blast|ambush)\s+(?:that|which)\s+[^.;]{0,80}$",
    re.I,
)


#: "a reprisal for an ambush earlier that day in which partisans killed": the earlier incident
#: the event answered, named in the figure's clause.
_AVENGED_INCIDENT = re.compile(
    r"\b(?:reprisal|retaliation|revenge|response|retribution)\s+(?:for|to)\s+(?:an?|the)\s+"
    r"[^.;]{0,60}?\b(?:ambush(?:es)?|attacks?|killings?|murders?|bombings?|raids?|"
    r"assassinations?)\b"
    # (the tail crosses a comma only into words that go on about the incident: "…, in
    # particular the killing of six …"; not "…, German troops killed 2,778 men")
    r"(?=[^.;]{0,140}$)(?:[^.;,]|,\s*(?:in\s+particular|particularly|especially|notably|"
    r"including|namely|in\s+which|during\s+which|which|that|when|where)\b"
    # a place or a time between commas ("in Via Rasella, Rome, on the previous day, which …")
    r"|,\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|(?:on|in|at|during)\s+[^,.;]{1,40}?)\s*(?=,))*$",
    re.I,
)


#: "It was one of the deadliest of a wave of attacks that killed around 200 people across
#: Borno": a figure in a relative clause of a wave (series, campaign) or of plural attacks the
#: event is one of counts them all, not the event.
_WIDER_GROUP_CLAUSE = re.compile(
    r"\b(?:(?:one|part)\s+of|among)\s+(?:the\s+)?[^.;]{0,60}?"
    r"(?:\b(?:wave|series|spate|string|campaign|chain)\s+of\s+[^.;,]{0,40}?"
    r"|\b(?:attacks|bombings|massacres|raids|killings|incidents|shootings|strikes|assaults)\s+)"
    # the figure is the relative clause's own object: no comma or "and" before it ("the
    # attacks that the Taliban carried out that year, killed 43": the event's own figure)
    # (the statement's span holds its verb: "that killed around 200"; "in which militants
    # killed 300", not "the deadliest incident in which 43 people were killed")
    r"(?:(?:that|which)\s+|in\s+which\s+(?=\w+\s))(?:(?!\band\b)[^.;,\d]){0,60}$",
    re.I,
)


#: "Historians view Kristallnacht as a prelude to the Final Solution and the murder of six
#: million Jews": what the event led to is another event, its toll that event's.
_PRELUDE_TO = re.compile(
    r"\b(?:(?:prelude|precursor|prologue|harbinger|forerunner|first\s+step)\s+(?:to|of|towards?|for)"
    r"|paved\s+the\s+way\s+(?:for|to)|foreshadow(?:ed|ing|s)?|set(?:ting)?\s+the\s+stage\s+for"
    r"|la(?:id|ying)\s+the\s+(?:groundwork|foundations?)\s+for)\b"
    # (within its clause: "The pogrom, a prelude to the Holocaust, killed at least 91 Jews"
    # is the pogrom's own toll)
    r"[^.;,]{0,100}$",
    re.I,
)


#: "The event was part of the wider [[1929 Palestine riots]], in which 133 Jews and 116 Arabs
#: were killed": the toll of the wider event the page's event belongs to (the figure is the
#: relative clause's own, or its first group's and the next: no other comma or "and" before it).
_WIDER_EVENT_CLAUSE = re.compile(
    r"\bpart\s+of\s+(?:the\s+|a\s+)?(?:wider|larger|broader)\s+[^.;,]{0,80}?"
    r"(?:,\s*)?(?<!\band\s)(?<!\bsaid\s)\b(?:in\s+which|during\s+which|which|that)\s+"
    r"(?:\d[\d,]*\s+[A-Za-z]+\s+and\s+)?(?:(?!\band\b)[^.;,\d]){0,60}$",
    re.I,
)


#: The toll of the violence before the event: "The shooting followed a week of violence
#: during a wildcat strike in which ten people … had been killed", "In the week before the
#: massacre, ten people … were killed".
_EARLIER_VIOLENCE = re.compile(
    r"(?:\bfollowed\s+(?:a|an|the|several|two|three|four)\s+(?:\w+\s+)?(?:days?|weeks?|months?|"
    r"period|wave|spate|series)\s+of\b[^.;]{0,80}?\b(?:in|during)\s+which\s+"
    r"|\b(?:in|during|over)\s+the\s+(?:\w+\s+)?(?:days?|weeks?|months?|hours?)\s+(?:before|"
    r"preceding|leading\s+up\s+to|prior\s+to)\s+the\s+(?:\w+\s+)?(?:massacre|attacks?|bombings?|"
    r"shootings?|battle|siege|killings?|assault|raid|riots?|pogrom|uprising|fighting)\s*,\s*)"
    r"(?:\d[\d,]*\s+[A-Za-z]+\s+and\s+)?(?:(?!\band\b)[^.;,\d]){0,40}$",
    re.I,
)


#: "The most notorious incident was the Lietukis garage massacre on 27 June, in which between
#: 50 and 60 men were beaten to death": the sentence's subject is one incident inside the event,
#: named by a superlative or an ordinal, and the predicate names it (a capitalised name), so the
#: figure is that incident's. Not an incident with a scope of its own ("The worst massacre of
#: the Bosnian War took place in Srebrenica, where …", "The deadliest attack in Kenya since
#: 1998 …": the page's own event) nor one told by a verb of happening ("The most serious
#: incident occurred on 14 May, when …"), nor the event as the subject ("The bombing was the
#: deadliest incident of the Troubles, in which 29 people were killed").
_SUB_INCIDENT = re.compile(
    r"^[\s'\"\[]*(?:(?:one|some)\s+of\s+)?the\s+(?:single\s+)?"
    r"(?:most\s+[\w-]+|[\w-]+est|worst|best[- ]known|first|last|second|third)\s+"
    r"(?:single\s+)?(?:incidents?|episodes?|atrocit(?:y|ies)|massacres?|killings?|attacks?)\s+"
    r"(?:was|were)\s+(?:the\s+|an?\s+)?['\"\[]*(?-i:[A-Z])"
    r"[^.;]{0,150}?\b(?:in\s+which|during\s+which|where|when)\s+[^.;\d]{0,60}$",
    re.I,
)


#: "the deadliest fire in New York City since the Triangle Shirtwaist Factory fire of 1911, in
#: which 146 garment workers died": the toll of the earlier event the page's is compared with.
_COMPARED_EVENT_TOLL = re.compile(
    r"(?:\b(?:deadliest|worst|bloodiest|largest|biggest|most\s+\w+)\b[^.;]{0,100}?\bsince"
    # "the deadliest in Finland's modern history, surpassing the Jokela school shooting of the
    # previous November, in which eight people had been killed"
    r"|\b(?:surpassing|surpassed|exceeding|exceeded|overtaking|overtook|eclipsing|eclipsed)"
    # "with more fatalities than the Bardo National Museum attack …, in which 22 people …"
    r"|\b(?:more|higher|greater)\s+(?:fatalities|deaths|casualties|victims|dead|death\s+toll)"
    r"\s+than"
    r")\s+the\s+"
    r"(?:\[\[)?(?:(?-i:[A-Z])|\d)(?:(?!\b(?:returned|took|began|came|left|seized|fell|ended)\b)"
    # ("…, when 53 students were killed" may tell the page's own event: only "which")
    r"[^.;,]){0,120}?,\s*(?:in\s+which|during\s+which|which)\s+"
    r"[^.;\d]{0,40}$"
    # (or "… since the Beledweyne bombing on 18 June 2009 that claimed more than 30 lives": the
    # event's name and date, no clause of its own, "and confirmed that 22 …", between)
    r"|\b(?:deadliest|worst|bloodiest|largest|biggest)\b[^.;]{0,100}?\bsince\s+the\s+"
    r"(?:(?-i:[A-Z])|\d)(?:(?!\b(?:and|but|while|returned|took|began|came|left|seized|fell|"
    r"ended)\b)[^.;,]){0,120}?\s+(?:that|in\s+which)\s+[^.;\d]{0,40}$",
    re.I,
)


#: The justice done after the event: its perpetrators executed ("the Chinese authorities
#: executed 26 men", "26 of those found guilty were beheaded").
_EXECUTION_WORDS = re.compile(r"\b(?:executed|executing|hanged|beheaded|put\s+to\s+death)\b", re.I)
_JUSTICE_WORDS = re.compile(
    r"\b(?:trials?|tried|found\s+guilty|convicted|sentenced|court|courts|tribunal|"
    r"condemned|for\s+their\s+(?:part|role))\b",
    re.I,
)


#: A page about the justice itself ("Bloody Assizes", "… trials", "… executions", "Great Purge").
_JUSTICE_TITLE = re.compile(
    r"\b(?:trials?|assizes|executions?|purges?|tribunals?|hangings?|courts?-martial)\b", re.I
)


def _punishment(sentence: str, st: Statement) -> bool:
    """A death figure of executions in a sentence that tells of trials or sentences: the
    punishment of the perpetrators, not the event's dead."""
    return (
        st.category == "killed"
        and bool(_EXECUTION_WORDS.search(st.text))
        and bool(_JUSTICE_WORDS.search(sentence))
    )


#: "The bombing was followed by the killing of two police officers in Ceylanpınar": a later
#: event the page's led to.
_FOLLOWED_BY = re.compile(
    r"\b(?:(?:[Tt]he|[Tt]his)\s+(?:[\w-]+\s+){0,2}?(?:bombing|bombings|attack|attacks|massacre|"
    r"shooting|explosion|blast|raid|ambush|assault|hijacking|siege|riots?|incident)|It|it|This)\s+"
    r"(?:was|were)\s+(?:soon\s+|quickly\s+|later\s+)?followed\s+(?:\w+\s+){0,3}?by\s+"
    r"(?:the\s+|a\s+)?(?:(?:[\w-]+\s+)?(?:killing|killings|murder|murders|deaths?|"
    r"assassinations?|massacre)\s+of\s+[^.;]{0,20})?$",
    re.I,
)
#: "The massacre set off protests and riots across the occupied territories in which further
#: Palestinians and several Israelis were killed": the toll of what the event set off.
_SET_OFF = re.compile(
    # the subject is the page's event ("The massacre", "The shooting", "It"), not a trigger
    # of it ("The introduction of Afrikaans … sparked protests in which police killed 176")
    r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?(?:massacres?|attacks?|bombings?|"
    r"shootings?|killings?|murders?|raids?|explosions?|blasts?|ambush|incident|executions?)"
    r"|\bIt)\s+(?:[^.;,]{0,80}?\s)?"
    r"(?:set\s+off|sparked(?:\s+off)?|triggered|provoked|touched\s+off|led\s+to|"
    r"prompted)\s+(?:\w+\s+){0,6}?(?P<noun>protests?|riots?|clashes|unrest|violence|"
    r"demonstrations?|reprisals?|retaliation|fighting|disturbances)\b[^.;]{0,100}?"
    r"\b(?:in|during)\s+which\s+[^.;]{0,80}$",
)


#: "It was linked to the Narita International Airport bombing in Japan less than an hour
#: earlier, in which a bomb … exploded …, killing two baggage handlers": another attack the
#: event is linked to, and its toll.
_LINKED_EVENT = re.compile(
    r"\b(?:linked|related|connected|tied)\s+to\s+(?:the\s+|an?\s+)?[^.;]{0,80}?\b(?:bombings?|"
    r"attacks?|shootings?|massacres?|hijackings?|explosions?|blasts?)\b[^.;]{0,80}?,?\s*"
    r"\b(?:in\s+which|which|that|when)\b[^.;]{0,200}$",
    re.I,
)


def _set_off(before: str, title: str) -> bool:
    """Whether the text before a figure tells what the event set off, in which the figure's
    dead died ("The massacre set off riots … in which …"); not on a page whose title names
    that aftermath ("1984 anti-Sikh riots")."""
    m = _SET_OFF.search(before)
    return m is not None and m["noun"].lower().rstrip("s")[:5] not in title.lower()


#: "Earlier that morning a mortar attack near the shrine … had killed seven people": another
#: event of the same day, told in the pluperfect before the page's own.
_EARLIER_SAME_DAY = re.compile(
    r"\bearlier\s+(?:that|the\s+same|on\s+the\s+same)\s+(?:morning|day|night|evening|"
    r"afternoon|week)\b[^.;]{0,200}\bhad\s+[^.;,]{0,80}$",
    re.I,
)


#: A statement that opens with the noun of its killing ("killing of two settlers").
_LEADING_NOUN = re.compile(r"(?:killings?|murders?|deaths?|massacres?)\s+of\s+", re.I)
#: "The attack came eight days after a car bomb in … Beirut's southern suburbs had killed 27
#: people": an earlier attack, told in the pluperfect after "after".
_CAME_AFTER = re.compile(
    r"\b(?:came|occurred|happened|followed|took\s+place)\s+(?:[\w-]+\s+){0,4}?after\s+(?:a|an|the)\s+"
    r"[^.;]{0,160}?(?:\bhad\s+(?:been\s+)?|\bin\s+which\s+|,\s*which\s+(?:had\s+)?(?:killed\s+)?)$"
    # "Until then, the deadliest single attack of the war had been the 23 November 2006 Sadr
    # City bombings, which killed 215 people": the earlier record, another event
    r"|\b(?:deadliest|worst|bloodiest|largest)\b[^.;]{0,80}?\bhad\s+been\s+(?:the\s+)?[^.;]{0,120}?"
    r"(?:,\s*|\s+)(?:which|that|in\s+which)\s+(?:had\s+)?(?:killed\s+)?$",
    re.I,
)
#: "The same afternoon three more bombs exploded in Rome, injuring 16 people": other attacks of
#: the same day, and their figures.
_OTHER_SAME_DAY = re.compile(
    r"\b(?:the\s+same|that|later\s+that)\s+(?:morning|day|afternoon|evening|night)\b[^.;]{0,80}?"
    r"\b(?:more|other|further|separate|another|second|third)\s+(?:[\w-]+\s+)?(?:bombs?|attacks?|"
    r"explosions?|blasts?|shootings?|bombings?)\b[^.;]{0,160}$",
    re.I,
)
#: A toll that holds the event's own among others: "Several related attacks followed …, in
#: which a total of 17 people were killed, including the victims at Charlie Hebdo" (a series'
#: toll, on any page): the attacks named before the figure, the event's victims after it.
_OTHER_ATTACKS_BEFORE = re.compile(
    r"\b(?:(?:related|other|further|subsequent|several|similar|separate|later|follow-up)\s+"
    r"(?:\w+\s+)?(?:attacks|bombings|shootings|incidents|raids|killings|massacres)"
    r"|(?:series|wave|spate|string)\s+of)\b[^.;]{0,120}$",
    re.I,
)
#: "The pogrom … was triggered by a deadly ambush … by the LTTE on an army patrol, which
#: killed 13 soldiers": the toll of the incident that set the event off, told in a relative
#: clause of the trigger (not "sparked by the killing of a teenager and left 58 people dead",
#: nor "…, which led to three days of violence in which 58 were killed": the event's own)
_TRIGGER_STOP = (
    r"(?!\b(?:led\s+to|resulted\s+in|set\s+off|sparked|triggered|followed\s+by|but|"
    r"and\s+(?:then\s+)?(?:left|killed|caused|resulted|led|claimed|saw))\b)"
)
_TRIGGERED_BY = re.compile(
    r"\b(?:triggered|sparked|provoked|prompted|precipitated)\s+by\s+(?:an?|the)\s+"
    # "sparked by the killing of 13 soldiers in an LTTE ambush": the trigger's own count
    r"(?:(?:\w+\s+){0,2}?(?:killings?|murders?|massacre|deaths?|shooting|execution)\s+of\s+$"
    rf"|(?:{_TRIGGER_STOP}[^.;]){{0,160}}?\b(?:ambush(?:es)?|attacks?|killings?|murders?|"
    r"bombings?|raids?|assassinations?|shootings?)\b"
    rf"(?:{_TRIGGER_STOP}[^.;]){{0,160}}?(?:,\s*|\s+)(?:which|that|in\s+which)\s+"
    r"(?:had\s+)?(?:(?:left|claimed)\s+)?$)",
    re.I,
)
#: "In total, his four bombings killed two people and injured more than 150 others": the
#: toll of a perpetrator's series of attacks, of which the page's event is one.
_PERSONS_SERIES = re.compile(
    # (the series is the clause's subject: no comma between it and the figure, "Unlike his
    # three earlier bombings, which injured nobody, this bomb killed two" is the event's)
    r"\b(?:his|her|their)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?:[\w-]+\s+)?(?:bombings|attacks|shootings|killings|murders|raids|arson\s+attacks)\b"
    r"[^.;,]{0,80}$",
    re.I,
)
#: A title that names a series of attacks ("2017 Barcelona attacks"): its toll is the series'.
_SERIES_TITLE = re.compile(r"\b(?:bombings|attacks|shootings|killings|murders|massacres)\b", re.I)
#: "American military losses in the whole battle were 1,010 killed": on an attack's page,
#: the toll of the battle or war it took place in.
_WHOLE_SCOPE = (
    r"(?:in|during|of|throughout|over)\s+the\s+(?:whole|entire|wider|larger|overall)\s+"
    r"(?:battle|war|campaign|siege|offensive|operation|conflict|uprising|insurgency)\b"
)
_WHOLE_WAR = re.compile(
    # losses counted over it ("American military losses in the whole battle were …",
    # "During the whole battle, American losses were …", a sentence that opens with the
    # scope: "In the entire campaign, 5,565 soldiers were killed"); not a comparison (see
    # _COMPARISON: "the deadliest single attack of the entire war, killing 379")
    r"(?:\b(?:losses|casualties|dead|deaths|toll|killed|wounded|fatalities)\b[^.;]{0,40}?"
    rf"\b{_WHOLE_SCOPE}|(?:^|(?<=[.!?]\s)){_WHOLE_SCOPE})[^.;]{{0,80}}$",
    re.I | re.M,
)
_COMPARISON = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|highest|most|biggest|greatest)\b", re.I
)
_INCLUDES_THE_EVENTS = re.compile(
    r"[^.;]{0,30}?,?\s*(?:including|among\s+them|of\s+whom)\s+(?:the\s+|all\s+)?"
    r"(?:\w+\s+)?(?:victims|dead|deaths|those\s+killed|people\s+killed)\s+(?:at|of|in)\b",
    re.I,
)


def drop_incident_figures(
    sts: list[Statement], doc: Document, kind: str, spans: dict[str, tuple[int, int]]
) -> list[Statement]:
    """On a battle's or a war's page, a lead figure told of one incident inside it ("an
    agreement … following the chemical weapons attack that reportedly killed 70 people, and
    injured 500") counts that incident, not the event: it stays a statement, but makes no
    event figure. A page about an attack itself is left alone (its lead's "attack that
    killed" is its own toll), except for an incident the event avenged ("a reprisal for an
    ambush … in which partisans killed four policemen") and a wave the event is one of ("one
    of the deadliest of a wave of attacks that killed around 200 people"), and a toll that
    includes the event's victims among others' ("a total of 17 people were killed, including
    the victims at …"), on any page."""
    dropped = set()
    # the infobox states the event's toll: one of its blasts told apart in the lead is a part
    boxed_toll = any(
        st.origin == "infobox"
        and st.side is None
        and st.party is None
        and not st.subset
        and st.best is not None
        for st in sts
    )
    for st in sts:
        span = spans.get(st.sentence or "")
        if st.origin != "body" or st.section is not None or span is None:
            continue
        before = doc.input[max(span[0], st.span[0] - _WINDOW) : st.span[0]]
        # ("in reprisal for the killing of two settlers": the statement opens with the noun)
        noun = _LEADING_NOUN.match(st.text)
        if (
            _AVENGED_INCIDENT.search(before + (noun.group(0) if noun else ""))
            or _WIDER_GROUP_CLAUSE.search(before)
            or _WIDER_EVENT_CLAUSE.search(before)
            or _EARLIER_VIOLENCE.search(before)
            or (st.span[0] - span[0] <= _WINDOW and _SUB_INCIDENT.search(before))
            or _EARLIER_SAME_DAY.search(before)
            or _OTHER_SAME_DAY.search(before)
            or _CAME_AFTER.search(before)
            or _COMPARED_EVENT_TOLL.search(before)
            or _FOLLOWED_BY.search(before)
            or _set_off(before, doc.title)
            or _LINKED_EVENT.search(before)
            or _TRIGGERED_BY.search(before + (noun.group(0) if noun else ""))
            or _PRELUDE_TO.search(before)
            or (
                _PERSONS_SERIES.search(before)
                and kind == "attack"
                and not _SERIES_TITLE.search(doc.title)
            )
            or (kind == "attack" and _WHOLE_WAR.search(before) and not _COMPARISON.search(before))
            or (boxed_toll and _ONE_OF_THE_BLASTS.match(doc.input, span[0], st.span[1]))
            or (
                not _JUSTICE_TITLE.search(doc.title)
                and _punishment(doc.input[span[0] : span[1]], st)
            )
            or (
                _INCLUDES_THE_EVENTS.match(doc.input, st.span[1], span[1])
                and _OTHER_ATTACKS_BEFORE.search(before)
            )
        ):
            # "a reprisal for an ambush … in which Soviet partisans killed four German
            # policemen": the incident the event avenged, on any page
            dropped.add(st.id)
        elif kind in ("battle", "war") and _INCIDENT_CLAUSE.search(before):
            dropped.add(st.id)
    return [st for st in sts if st.id not in dropped]


#: "The second blast happened close by, killing two people": one of the event's blasts, whose
#: dead are a part of the toll the infobox gives.
_ONE_OF_THE_BLASTS = re.compile(
    # the sentence opens with it (not "It was the second attack on the Hazara community");
    # not a rank in a series ("the first bombing of its kind") nor a running total ("raised
    # the death toll to 45")
    r"\s*(?:[^.;,]{0,40},\s*)?[Tt]he\s+(?:first|second|third|fourth|other|smaller|later|last)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:blast|bomb|bombing|explosion|device|attack|suicide\s+bomber|bomber|shooting|gunman)\b"
    r"(?![^.;]*\b(?:of\s+its\s+kind|history|since|toll|total)\b)[^.;]{0,120}$"
)


#: "making it the deadliest attack in Russia since the Beslan school siege in 2004": a
#: comparison with an earlier event, whose year dates no figure of the sentence.
_COMPARED_SINCE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|first|most\s+\w+)\b[^.;]{0,80}?\bsince\b"
    r"[^.;]{0,80}",
    re.I,
)


#: The year a finding was made, not the figure's: "the Commission concluded in 2009 that …",
#: "a 2009 report", "In 2008, an inquiry found that …".
_REPORT_YEAR = re.compile(
    r"\b(?:concluded|found|reported|estimated|stated|said|announced|published|determined|"
    r"confirmed|revealed|acknowledged|ruled|calculated|counted|established|documented)\s+"
    r"(?:in|by)\s+(?:(?:early|mid|late)-?\s*)?\d{4}\b"
    r"|\b(?:in\s+|a\s+|an\s+|the\s+|its\s+)?\d{4}\s+(?:report|study|inquiry|investigation|"
    r"census|survey|estimate|count|review|commission|verdict|ruling|judgment|judgement)\b"
    r"|\bin\s+\d{4},?\s+(?=(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,5}?(?:concluded|found|"
    r"reported|estimated|stated|determined|confirmed|revealed|ruled|counted)\b)",
    re.I,
)


def drop_other_years(sts: list[Statement], doc: Document, date: dict[str, Any]) -> list[Statement]:
    """Drop the lead's figures whose sentence dates them to a year outside the event's.

    "An Islamic State suicide bombing in the same district killed four people in 2016", on
    the page of a 2022 bombing, counts another event. Only body statements of the lead, and
    only when the event has a date and the sentence names no year inside it.
    """
    if not date.get("start"):
        return sts
    first = date["start"][:4]
    last = (date.get("end") or date["start"])[:4]
    if not (first.isdigit() and last.isdigit()):
        return sts
    wanted = {st.sentence for st in sts if st.origin == "body" and st.section is None}
    text = {
        sn.id: _REPORT_YEAR.sub("", _COMPARED_SINCE.sub("", sn.plain.text))
        for sn in doc.body()
        if sn.id in wanted
    }
    years_of = {sid: _IN_YEAR.findall(t) for sid, t in text.items()}
    out = []
    for st in sts:
        years = years_of.get(st.sentence or "", []) if st.origin == "body" else []
        if st.section is None and years and not any(first <= y <= last for y in years):
            continue
        out.append(st)
    return out


_TOTAL_CUE = re.compile(r"\b(?:in all|in total|all told|altogether|a total of|in sum)\b", re.I)


def _cite_merged(q: Quantity, merged: dict[str, list[str]]) -> None:
    """Make *q* cite every statement a sum of :func:`_sum_lists` stands for (*merged*: the
    sum's id → the ids summed), in place."""
    if merged:
        q["statements"] = [x for sid in q["statements"] for x in merged.get(sid, [sid])]


def _joined_statements(base: Quantity, extra: Quantity) -> list[str]:
    """*base*'s statements, then *extra*'s that *base* does not cite."""
    return list(base["statements"]) + [
        x for x in extra["statements"] if x not in base["statements"]
    ]


def _sum_lists(sts: list[Statement]) -> tuple[list[Statement], dict[str, list[str]]]:
    """Replace the statements a sentence lists as the parts of one toll ("19 students and 2
    teachers were killed": value ``list``) by one statement of their sum, for combining with
    the other statements; returns the statements and, for each sum, the ids it stands for."""
    groups: dict[str, list[Statement]] = {}
    for st in sts:
        lid = st.value.get("list") if isinstance(st.value, dict) else None
        if lid is not None:
            groups.setdefault(lid, []).append(st)
    merged: dict[str, list[str]] = {}
    out: list[Statement] = []
    done: set[str] = set()
    for st in sts:
        lid = st.value.get("list") if isinstance(st.value, dict) else None
        group = groups.get(lid or "", [])
        if lid is None or len(group) < 2:
            out.append(st)
            continue
        if lid in done:
            continue
        done.add(lid)
        # the parts' interval sum, as the sides' (unbounded stays unbounded)
        total = sum_quantities([combine([g])[0] for g in group], "ranges")
        low, best, high = total["low"], total["best"], total["high"]
        uncounted = any(_uncounted(g) for g in group)
        if uncounted:
            # "76 Jews / Unknown number of Arabs": a part nobody counted leaves the sum open
            best, high = None, None
        exact = low is not None and low == high
        out.append(
            replace(
                group[0],
                low=low,
                high=high,
                best=best,
                comparator=">="
                if uncounted and low is not None
                else "="
                if exact
                else "~"
                if low is None and high is None
                else "range",
                text=" + ".join(g.text for g in group),
            )
        )
        merged[group[0].id] = [g.id for g in group]
    return out, merged


#: Where a perpetrator's name goes on past its head noun ("Wolfers from Fort Benton").
_NAME_TAIL = re.compile(r"\s+(?:from|of|in|at|led|under|with)\b.*|,.*", re.S)


def _perpetrators_lines(
    sts: list[Statement], perpetrators: list[Statement], doc: Document
) -> list[Statement]:
    """An infobox line of the toll that counts the perpetrators by their own noun ("c. 20–23
    Nakoda / 1 wolfer" beside "Perpetrators: Wolfers from Fort Benton") counts the attackers'
    dead (party ``perpetrators``), no victims: the noun is the head of a perpetrator's name
    (its last word before "from", "of" …), in the singular."""
    heads = set()
    for st in perpetrators:
        name = _NAME_TAIL.sub("", str((st.value or {}).get("name") or "")).strip()
        words = name.split()
        if len(words) >= 1 and words[-1][:1].isalpha():
            head = words[-1].lower()
            if (
                len(head) >= 4
                and head.endswith("s")
                # (a noun of people in general may name the victims too: "Inmates from the
                # Los Lobos gang" beside "119 inmates", "armed persons" beside "14 persons")
                and not _GENERIC_PEOPLE.fullmatch(head)
            ):
                heads.add(head.removesuffix("s"))  # a plural noun: "Wolfers"
    if not heads:
        return sts

    # (the attackers' dead are the smaller count beside the victims', never the largest line)
    def size(st: Statement) -> int | None:
        return next((x for x in (st.high, st.best, st.low) if x is not None), None)

    largest = max(
        (x for st in sts if st.origin == "infobox" and (x := size(st)) is not None),
        default=None,
    )

    def noun(st: Statement) -> str | None:
        # the figure's own noun, or the first word after it on its line ("1 wolfer")
        after = _LINE_NOUN.match(doc.input, st.span[1])
        word = after.group(1).lower() if after else None
        return word.removesuffix("s") if word else _last_noun(st.text)

    return [
        replace(st, party="perpetrators")
        if st.origin == "infobox"
        and st.party is None
        and st.side is None
        and noun(st) in heads
        and (size(st) is None or largest is None or (size(st) or 0) < largest)
        else st
        for st in sts
    ]


#: Nouns of people in general, which name victims as often as attackers.
_GENERIC_PEOPLE = re.compile(
    rf"(?:{PEOPLE_NOUNS}|people|persons|individuals|humans|males|females|adults)", re.I
)
#: The noun right after an infobox figure, on its line ("1 wolfer").
_LINE_NOUN = re.compile(r"[ \t]+([A-Za-z]{4,})\b[ \t]*(?:$|\[|<|\()", re.M)


def _victims_first(sts: list[Statement]) -> list[Statement]:
    """The attackers' dead are no rival of the victims' toll: "3 police officers were killed.
    Two attackers were also killed." gives the event's 3, not 2–3 (as an infobox's "49 (+1
    perpetrator)" gives 49). Only the perpetrators' figures, when nothing else is said, stand."""
    others = [st for st in sts if st.party != "perpetrators"]
    if others:
        return others
    # "Deaths: 1 (the perpetrator)": the infobox says its toll's dead are all perpetrators,
    # so the victims' are none (the statement keeps its figure as written)
    boxed = [
        st
        for st in sts
        if st.origin == "infobox" and st.comparator == "=" and _ONLY_PERPETRATORS.search(st.text)
    ]
    if boxed:
        return [replace(st, low=0, best=0, high=0, party=None) for st in boxed]
    return sts


#: The bracket of an infobox figure whose dead are all perpetrators: "1 (the perpetrator)",
#: "2 (both attackers)", at the end of its text.
_ONLY_PERPETRATORS = re.compile(ONLY_PERPETRATORS + r"\s*$", re.I)


def _event_quantity(
    sts: list[Statement],
    sides: list[dict[str, Any]],
    cat: str,
    kind: str,
    policy: str,
    findings: list[Finding],
    totalling: set[str],
    dead_perpetrators: frozenset[str] = frozenset(),
    bare_tolls: frozenset[str] = frozenset(),
    claiming: frozenset[str] = frozenset(),
    staged: frozenset[str] = frozenset(),
    rivalling: frozenset[str] = frozenset(),
) -> Quantity:
    """The event's deaths (``cat`` killed) or injuries (wounded).

    With sides that give figures of that category: their sum, plus the civilians' figure
    when the infobox gives one apart from the sides. Else the event-level statements
    (:func:`_event_level`), or, on a page with neither, body statements in sentences that sum
    up (``in all``, ``in total``). When some side gives only undifferentiated casualties, its dead are
    somewhere inside them: what the other statements give is then only a lower bound.
    """
    per_side = [s["casualties"][cat] for s in sides if s["casualties"][cat]["statements"]]
    civilians_in_columns = any(
        st.origin == "infobox" and st.party == "civilians" and st.side is not None for st in sts
    )
    if per_side or (sides and civilians_in_columns):
        # (no side gives the category, but a side's column counts civilians apart, "1,624
        # civilians killed (North Vietnamese claim)": the civilians are a floor of the dead)
        # civilians apart from the sides, and those in a side's column unless that side's
        # figure is a "Total" line (which counts them already); each column adds its own
        totalled = {st.side for st in sts if st.total and st.side is not None}
        civilians: dict[int | None, list[Statement]] = {}
        for st in sts:
            if st.origin == "infobox" and st.party == "civilians" and st.side not in totalled:
                civilians.setdefault(st.side, []).append(st)
        for side, group in civilians.items():
            # a column's "Total:" line wins over its other lines, which are its parts
            # ("11,000–19,000 killed in pre-invasion bombing" … "Total: 25,000–39,000 killed")
            group = [_as_list(st) for st in group]  # "3 women and 2 children killed"
            group, _merged = _sum_lists(totals_win(group))  # "4,289 executed / 931 by mines"
            q, f = combine(group, policy, f"civilian {cat}" + (f" (side {side})" if side else ""))
            if f:
                findings.append(f)
            per_side.append(q)
        summed = floor_if_sides_unknown(sum_quantities(per_side, policy), sides, cat)
        stated = _stated_total(sts, cat, summed, policy)
        return stated if stated is not None else summed
    sts = _additional_joined(sts, cat)
    if cat == "wounded":
        sts = _survivors_wounded(sts)
    chosen = _victims_first(totals_win(_event_level(sts, kind, bool(sides))))
    chosen = _episodes_of_a_repeated_toll(chosen, rivalling)
    chosen = _victims_counted(_infobox_parts_named(chosen), dead_perpetrators)
    chosen = _some_of_a_group(_lead_total_wins(chosen, totalling))
    if staged:
        chosen = _staged_part(chosen, staged)
    chosen = _far_below_box(chosen, claiming)
    if bare_tolls:
        chosen = _forces_part(chosen, bare_tolls)
    if not chosen and not sides:
        # no infobox figure and none in the lead: a body sentence that says it sums up
        # ("in all, 578 sailors died") still speaks of the whole event
        chosen = [
            st for st in sts if st.origin == "body" and st.sentence in totalling and st.side is None
        ]
    if not chosen and not sides and kind not in ("battle", "war"):
        chosen = _casualty_section(sts, policy, cat)
    chosen, merged = _sum_lists(_lines_of_a_stated_total(chosen, totalling))
    q, f = combine(chosen, policy, "deaths" if cat == "killed" else "injuries", claiming)
    _cite_merged(q, merged)
    if f:
        findings.append(f)
    hidden = [
        s
        for s in sides
        if s["casualties"]["total"]["statements"] and not s["casualties"][cat]["statements"]
    ]
    if hidden and (q["low"] is not None or q["best"] is not None):
        q["low"] = q["low"] if q["low"] is not None else q["best"]
        q["high"] = q["best"] = None
        q["lower_bound_only"] = True
    return q


def _uncounted(st: Statement) -> bool:
    """Whether a statement says its figure is unknown ("Unknown number of Arabs")."""
    return isinstance(st.value, dict) and bool(st.value.get("unknown"))


def _exact(st: Statement) -> int | None:
    return st.low if st.low is not None and st.low == st.high == st.best else None


def _as_list(st: Statement) -> Statement:
    """A side line's listed part (group "list 0: …") as a list statement (value ``list``),
    for summing with the other parts of its list."""
    m = _LISTED_GROUP.match(st.group or "")
    if m is None:
        return st
    return replace(st, value={**(st.value or {}), "list": m[0]})


def _lines_of_a_stated_total(sts: list[Statement], totalling: set[str]) -> list[Statement]:
    """An infobox field's exact figures, one per line, whose sum is the toll the page states
    elsewhere ("14 in the morning shootings / 14 civilians at Croke Park / 3 prisoners in
    Dublin Castle" beside the lead's "In all, 31 people were killed") are the parts of that
    toll: they are summed as a list (value ``list``), not weighed as rival figures, and a
    sentence that gives one of them ("shot dead fourteen people") tells a part. Only lines
    that say no source ("40 (government) / 60 (rights groups)" are rivals), and only a total
    from a sentence that says it sums up ("in all", "in total", *totalling*)."""
    by_field: dict[str, list[Statement]] = {}
    for st in sts:
        listed = isinstance(st.value, dict) and st.value.get("list")
        if st.origin == "infobox" and st.field and not st.subset and not listed:
            by_field.setdefault(st.field, []).append(st)
    new: dict[str, Statement] = {}
    for field, lines in by_field.items():
        values = [_exact(st) for st in lines]
        if len(lines) < 2 or any(v is None for v in values) or any(st.attribution for st in lines):
            continue
        total = sum(v for v in values if v is not None)
        if not any(
            _exact(st) == total
            and st.origin == "body"
            and st.sentence in totalling
            and not st.subset
            for st in sts
        ):
            continue
        for st in lines:
            new[st.id] = replace(st, value={**(st.value or {}), "list": f"{field}:lines"})
        for st in sts:
            if st.origin == "body" and not st.subset and _exact(st) in values and st.id not in new:
                # the lead's "shot dead fourteen people" tells one of the stages: a part
                new[st.id] = replace(st, subset=True)
    return [new.get(st.id, st) for st in sts]


def _stated_total(sts: list[Statement], cat: str, summed: Quantity, policy: str) -> Quantity | None:
    """The event's own total an infobox states beside its sides' figures, when it counts more.

    Domain rule: a civil conflict's ``injuries = 4,578+`` beside one side's "1,300+ injured"
    is the event's count; the sides' sum is a part of it. Only an infobox figure of no side,
    no party (civilians apart from the sides are added to the sum, not this) and no part,
    whose floor is above the sum's; one whose range holds an open sum's floor bounds it
    ("At least 49 killed" + "8 killed" beside "57–78": 57–78)."""
    own = [
        st
        for st in sts
        if st.origin == "infobox"
        and st.side is None
        and st.party is None
        and not st.subset
        and st.category == cat
        and (st.low is not None or st.best is not None)
    ]
    if not own:
        return None
    # "Total: c. 2,500 English and c. 5,000 Native Americans dead": a line's listed groups
    # are one toll, summed
    own, merged = _sum_lists(own)
    q, _f = combine(own, policy)
    _cite_merged(q, merged)
    floor = q["low"] if q["low"] is not None else q["best"]
    base = summed["low"] if summed["low"] is not None else summed["best"]
    if floor is None:
        return None
    if (
        q["low"] is None
        and q["high"] is None
        and base is not None
        and summed["high"] is not None
        and base <= floor <= summed["high"]
    ):
        # "Total: c. 100,000 dead" beside sides that give 50,000–80,000 and 35,000–50,000:
        # an approximate total inside the sides' sum is its best value, no narrower toll
        out = dict(summed)
        out["best"] = floor
        out["statements"] = _joined_statements(summed, q)
        return out
    if base is None or floor > base:
        return q
    if summed["high"] is None and q["high"] is not None and q["high"] >= base:
        # "At least 49 killed" + "8 killed" (a floor of 57) beside "fatalities = 57–78": the
        # stated total bounds the sides' open sum
        out = dict(summed)
        out["high"] = q["high"]
        out["best"] = q["best"] if q["best"] is not None and q["best"] >= base else None
        out["statements"] = _joined_statements(summed, q)
        out.pop("lower_bound_only", None)
        return out
    return None


def _same_or_next(a: str | None, b: str | None) -> bool:
    """Whether sentence *b* is sentence *a* or the one after it (ids "s12", "s13")."""
    if a is None or b is None:
        return False
    try:
        return 0 <= int(b[1:]) - int(a[1:]) <= 1
    except ValueError:
        return a == b


def _survivors_wounded(sts: list[Statement]) -> list[Statement]:
    """The wounded who lived: "wounded eight others, two of whom later died" (value
    ``died_later``) counts six non-fatal injuries, the event's injuries (DESIGN: injuries are
    non-fatal); the statement keeps the figure as written."""
    boxed = {
        st.best for st in sts if st.origin == "infobox" and st.comparator == "=" and not st.subset
    }
    out = []
    for st in sts:
        k = st.value.get("died_later") if isinstance(st.value, dict) else None
        if st.best in boxed:
            pass  # the infobox writes the same figure: one count, left as written by both
        elif isinstance(k, int) and st.comparator == "=" and st.best is not None and st.best > k:
            v = st.best - k
            st = replace(st, low=v, best=v, high=v)
        out.append(st)
    return out


def _additional_joined(sts: list[Statement], cat: str) -> list[Statement]:
    """On a page whose infobox gives no such figure, the lead's "a further 40 townspeople were
    killed" after "Twelve officers and 284 soldiers … died" adds to the toll told before it.

    Domain rule: a figure the text says comes on top of one before it ("another", "a further",
    "N more", "also died"; value ``additional``) is a part of the toll; where an infobox gives
    the toll, that toll holds it already, and where none does, the toll is the sum of the
    parts the lead tells, so the figure joins the list of the figure before it (value
    ``list``), within the same or the next sentence. Where the infobox's exact figure is the
    sum of the two, the figure before is a part of it as well (the lead counts in stages)."""
    box = {
        st.best
        for st in sts
        if st.origin == "infobox" and st.category == cat and st.comparator == "="
    }
    if any(st.origin == "infobox" and st.category == cat for st in sts) and not box:
        return sts
    order = sorted(
        (st for st in sts if st.origin == "body" and st.section is None and st.category == cat),
        key=lambda st: st.span[0],
    )
    new: dict[str, Statement] = {}
    for k, st in enumerate(order):
        if not (st.subset and isinstance(st.value, dict) and st.value.get("additional")):
            continue
        j = next((i for i in range(k - 1, -1, -1) if not order[i].subset), None)
        if j is None and not box:
            # "… also died" with no figure before it in the lead: the text's only count
            new[st.id] = replace(st, subset=False)
            continue
        if j is None or not _same_or_next(order[j].sentence, st.sentence):
            continue
        if any(not (x.value or {}).get("additional") for x in order[j + 1 : k]):
            continue  # "Almost 1,200 … including more than 600 civilians": a total and its parts
        prev = order[j]
        if box:
            # "killed 50 people. A further two died in hospital." beside an infobox's 52: the
            # lead tells the toll in stages, the first a part of it too; so beside a larger
            # toll ("killing 13 people …, then killed another person" beside 16: more stages
            # the lead tells without a figure)
            if prev.best is not None and st.best is not None and prev.best + st.best <= max(box):
                new[prev.id] = replace(new.get(prev.id, prev), subset=True)
            continue
        prev = new.get(prev.id, prev)
        lid = (prev.value.get("list") if isinstance(prev.value, dict) else None) or (
            f"additional:{prev.id}"
        )
        new[prev.id] = replace(prev, value={**(prev.value or {}), "list": lid})
        new[st.id] = replace(st, subset=False, value={**st.value, "list": lid})
    return [new.get(st.id, st) for st in sts] if new else sts


#: "Ten of the students were killed", "two of whom died": a count of some of a group.
_SOME_OF = re.compile(r"^[\w,.-]+\s+of\s+(?:the|them|whom|these|those)\b", re.I)


def _some_of_a_group(sts: list[Statement]) -> list[Statement]:
    """Drop the lead figures that count some of a group ("Ten of the students were killed")
    when a larger figure of the toll stands beside them: they are a part of it, no rival."""
    # (a floor stands for its figure: "Over 1,400" beside "several of the badly injured")
    top = max(
        (
            v
            for st in sts
            if (v := st.best if st.best is not None else st.low) is not None
            and not _SOME_OF.match(st.text)
        ),
        default=None,
    )
    if top is None:
        return sts
    return [
        st
        for st in sts
        if not (
            st.origin == "body"
            and _SOME_OF.match(st.text)
            # ("wounded eight others, two of whom later died": two more dead, joined to the
            # toll as a list by _additional_joined, no part of it)
            and not (isinstance(st.value, dict) and st.value.get("additional"))
            and (v := st.best if st.best is not None else st.high) is not None
            and v < top
        )
    ]


#: Words after a toll that name no group: "561", "23 killed", "300 dead in total".
_BARE_TOLL_WORDS = frozenset("killed dead deaths died people persons total in all".split())


def _names_no_group(doc: Document, st: Statement) -> bool:
    """Whether the infobox line of the statement names no group after its figure ("561", its
    breakdown "(313 men, …)" on the next line, "22 (+2 perpetrators)", "300 dead"; not "40
    Kurds", "45 militants"): the words after the figure in the field's item (a line of the
    reader's plain text) are toll words only, brackets aside."""
    start, end = st.span
    for f in doc.infobox.fields if doc.infobox else []:
        for item in f.items:
            if item.starts and item.starts[0] <= start < item.ends[-1]:
                rest = item.text[bisect.bisect_left(item.starts, end) :]
                while (cut := _BRACKETED.sub(" ", rest)) != rest:  # innermost first
                    rest = cut
                return all(w.lower() in _BARE_TOLL_WORDS for w in re.findall(r"[A-Za-z]+", rest))
    return False


_BRACKETED = re.compile(r"\([^()]*\)")


def _forces_part(sts: list[Statement], bare: frozenset[str]) -> list[Statement]:
    """Drop the lead figures of soldiers or police that are smaller than the infobox's bare
    toll, on a page whose perpetrators are a state's forces: "killed 561 people …; two Dutch
    soldiers died" beside the infobox's 561 counts the attackers' losses (or a part of the
    toll), no rival estimate of it. (Where armed groups attack, soldiers are the victims, and
    an infobox figure that names a group, "45 militants", is no victims' toll.)"""
    floor = min(
        (
            v
            for st in sts
            if st.id in bare
            and st.party is None
            and not st.subset
            and (v := st.low if st.low is not None else st.best) is not None
        ),
        default=None,
    )
    if floor is None:
        return sts
    return [
        st
        for st in sts
        if not (
            st.origin == "body"
            and st.party in ("military", "police")
            and not (isinstance(st.value, dict) and st.value.get("additional"))  # a listed group
            and (v := st.high if st.high is not None else st.best) is not None
            and v < floor
        )
    ]


def _far_below_box(sts: list[Statement], claiming: frozenset[str]) -> list[Statement]:
    """Drop the prose figures below a twentieth of the infobox's floor ("killing eight Iranian
    diplomats" beside "At least 2,000 / 5,000–6,000 / up to 8,000"): a figure so far below
    every count of the toll tells one incident of it, no rival estimate; only where the
    infobox's floor is 100 or more, and not in a sentence that gives a source's estimate
    (*claiming*: "officials said 30 died; rights groups counted 1,000")."""
    floors = [
        v
        for st in sts
        if st.origin == "infobox" and not st.subset
        for v in (st.low if st.low is not None else st.best,)
        if v is not None
    ]
    if not floors or min(floors) < 100:
        return sts
    floor = min(floors)
    return [
        st
        for st in sts
        if not (
            st.origin == "body"
            and st.sentence not in claiming
            and (v := st.high if st.high is not None else st.best) is not None
            and v * 20 < floor
        )
    ]


#: More dead a sentence tells after a figure without counting them: "…, and took nine others
#: hostage, who were later killed", "the rest were subsequently executed".
#: (the later dead are others of the victims, told as a group: "who", "the rest", "the other
#: hostages"; not "he was later shot dead by police", "its organiser was later executed")
_LATER_KILLED = re.compile(
    r"\b(?:who|whom|all\s+of\s+whom|the\s+rest|the\s+others|others|the\s+remaining\s+\w+|"
    r"the\s+other\s+(?:hostages|victims|passengers|prisoners|captives))\s+"
    r"(?:were\s+|had\s+been\s+)?(?:later|subsequently|eventually|also)\s+"
    r"(?:killed|murdered|executed|massacred|died|shot(?:\s+dead)?)\b",
    re.I,
)


def _staged_part(sts: list[Statement], staged: frozenset[str]) -> list[Statement]:
    """Drop the exact prose figures smaller than the infobox's exact toll whose sentence goes
    on to tell of more dead it does not count (*staged*): the figure is one stage of the toll
    ("The militants … killed two members of the team, and took nine others hostage, who were
    later killed" beside the infobox's 12), no rival estimate of it."""
    box = [
        st.best
        for st in sts
        if st.origin == "infobox" and st.comparator == "=" and not st.subset and st.best
    ]
    if not box:
        return sts
    toll = max(box)
    return [
        st
        for st in sts
        if not (st.id in staged and st.comparator == "=" and st.best is not None and st.best < toll)
    ]


def _episodes_of_a_repeated_toll(
    sts: list[Statement], rivalling: frozenset[str]
) -> list[Statement]:
    """An infobox's exact toll that the lead repeats ("Fourteen women were murdered" beside
    "15 (including the perpetrator)") makes the lead's smaller exact figures that name no
    source of their own and give no count as a count (not in a sentence of *rivalling*) its
    episodes ("He shot all nine women in the room, killing six"), no rival estimates of it."""
    box = {
        (st.best or 0) - (_perpetrators_included(st) or 0)
        for st in sts
        if st.origin == "infobox" and st.comparator == "=" and not st.subset and st.best
    }
    if len(box) != 1:
        return sts
    toll = box.pop()
    lead = [
        st
        for st in sts
        if st.origin == "body"
        and st.section is None
        and st.comparator == "="
        and st.best is not None
        and not _perpetrators_included(st)
    ]
    if not any(st.best == toll for st in lead):
        return sts
    episodes = {
        id(st)
        for st in lead
        if st.best is not None
        and st.best < toll
        and st.attribution is None
        and st.sentence not in rivalling
    }
    return [st for st in sts if id(st) not in episodes]


def _perpetrators_included(st: Statement) -> int | None:
    """How many perpetrators a figure says it counts ("15 (including the perpetrator)": 1);
    None when it says nothing of them."""
    n = st.value.get("perpetrators_included") if isinstance(st.value, dict) else None
    return n if isinstance(n, int) else None


def _lead_total_wins(sts: list[Statement], totalling: set[str]) -> list[Statement]:
    """A lead figure the text calls the total ("with 60 deaths in total") makes the smaller
    exact figures of the lead its parts ("shot five passengers, two of whom died"), when it
    agrees with the infobox (or there is none): they count the toll in stages, no rival."""
    totals = [
        st
        for st in sts
        if st.origin == "body" and st.sentence in totalling and st.comparator == "="
    ]
    box = {
        st.best for st in sts if st.origin == "infobox" and st.comparator == "=" and not st.subset
    }
    total = max((st.best for st in totals if st.best is not None), default=None)
    if total is None or (box and box != {total}):
        return sts
    return [
        st
        for st in sts
        if not (
            st.origin == "body"
            and st.sentence not in totalling
            and st.comparator == "="
            and st.best is not None
            and st.best < total
        )
        and not (st.origin == "body" and st.sentence in totalling and st.best != total)
    ]


_NOT_NOUNS = frozenset(
    "killed dead wounded injured died were was had been captured missing and by in at".split()
)


def _last_noun(text: str) -> str | None:
    """The group a figure's text names, singular and lower-case: its last word that is no
    category word ("8 soldiers" → soldier, "9 Israeli civilians were killed" → civilian)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _NOT_NOUNS]
    return words[-1].lower().removesuffix("s") if words else None


def _infobox_parts_named(sts: list[Statement]) -> list[Statement]:
    """Drop the prose figures that repeat a part the infobox names: "27 (17 from gunfire)"
    and the lead's "wounding 17 others", or a part of a toll the infobox lists by party. The
    lead names the part, no rival of the whole."""
    parts = {
        st.best
        for st in sts
        if st.origin == "infobox"
        and (st.subset or (isinstance(st.value, dict) and st.value.get("list")))
        and st.comparator == "="
        and st.best is not None
    }
    # a part the infobox gives as a range, and the noun of its group ("104–150 civilians"
    # beside the lead's "104 civilians": the lead gives that part's official end)
    ranged = [
        (st.low, st.high, _last_noun(st.text))
        for st in sts
        if st.origin == "infobox"
        and isinstance(st.value, dict)
        and st.value.get("list")
        and st.comparator == "range"
        and st.low is not None
        and st.high is not None
    ]

    def in_ranged_part(st: Statement) -> bool:
        noun = _last_noun(st.text)
        return any(
            lo <= (st.best or -1) <= hi and noun is not None and noun == n for lo, hi, n in ranged
        )

    if ranged and any(
        st.origin == "body" and st.comparator == "=" and in_ranged_part(st) for st in sts
    ):
        sts = [
            st
            for st in sts
            if not (st.origin == "body" and st.comparator == "=" and in_ranged_part(st))
        ]
    whole = any(
        st.origin == "infobox" and not st.subset and st.best not in parts for st in sts
    ) or any(isinstance(st.value, dict) and st.value.get("list") for st in sts)
    if not (parts and whole):
        return sts
    # a sentence's list that adds up to a part ("killing 220 Marines, 18 sailors and 3
    # soldiers" beside the infobox's "241 U.S. servicemen") names that part too
    lists: dict[str, list[Statement]] = {}
    for st in sts:
        lid = st.value.get("list") if isinstance(st.value, dict) else None
        if st.origin == "body" and lid is not None:
            lists.setdefault(lid, []).append(st)
    # (not a list that names a group another part counts: "5 soldiers and 3 civilians" beside
    # "8 soldiers / 4 civilians" is a rival count, though it adds up to 8)
    part_nouns = [
        (st.best, _last_noun(st.text))
        for st in sts
        if st.origin == "infobox" and st.subset and st.comparator == "="
    ]

    def crosses(group: list[Statement], total: int) -> bool:
        """Whether a list names the group of another part than the one its sum equals."""
        others = {n for v, n in part_nouns if v != total and n is not None}
        return any(_last_noun(g.text) in others for g in group)

    named_lists = {
        lid
        for lid, group in lists.items()
        if len(group) >= 2
        and all(g.comparator == "=" and g.best is not None for g in group)
        and (total := sum(g.best or 0 for g in group)) in parts
        and not crosses(group, total)
    }
    return [
        st
        for st in sts
        if not (st.origin == "body" and st.comparator == "=" and st.best in parts)
        and not (isinstance(st.value, dict) and st.value.get("list") in named_lists)
    ]


#: A sentence that counts the perpetrators among its dead: "… six civilians and the two
#: attackers", "including the gunmen".
_PERPETRATORS_AMONG_DEAD = re.compile(
    # ("… and all four gunmen")
    # ("… : 33 victims and 12 of the suicide bombers")
    r"\b(?:and|including|plus|among\s+them)\s+(?:the\s+)?"
    r"(?:all\s+\w+\s+|\w+\s+(?:of\s+(?:the|them)\s+)?)?(?:suicide\s+|armed\s+)?"
    r"(?:attackers?|assassins?|perpetrators?|"
    r"gunm[ae]n|bombers?|hijackers?|assailants?|terrorists?|shooters?|himself|herself)\b"
    r"(?!\s+(?:escaped|fled|were|was|had|got|managed|survived|remain))"
    # "…, including 20 hostages, two police officers, five gunmen and two bakery staff": an
    # item of the list (after a comma, before a comma, "and" or the end)
    r"|\bincluding\b[^.;]{0,120}?,\s*(?:and\s+)?(?:all\s+)?(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten)\s+(?:\w+\s+)?(?:attackers|perpetrators|gunm[ae]n|bombers|hijackers|"
    r"assailants|terrorists|shooters|militants)\b(?=\s*(?:,|\band\b|\.|;|$))",
    re.I,
)


def _victims_counted(
    sts: list[Statement], dead_perpetrators: frozenset[str] = frozenset()
) -> list[Statement]:
    """Drop the prose figures that count an infobox toll's victims without its perpetrators.

    Domain rule: "10 (including the perpetrator)" in the infobox and "killing nine people" in
    the lead are one toll: nine victims and the gunman. The event counts the victims (9), as
    for "49 (+1 perpetrator)"; the lead's figure is that count, no rival (which would raise a
    ``CONTRADICTION`` and leave the event without a best)."""
    boxed = {  # (by object: what the caller's list holds)
        id(st): n
        for st in sts
        if st.origin == "infobox"
        and (n := _perpetrators_included(st)) is not None
        and st.comparator == "="
        and st.best is not None
    }
    victims = {(st.best or 0) - boxed[id(st)] for st in sts if id(st) in boxed}
    if not victims:
        return sts
    # the prose's figure of the toll as the infobox writes it, perpetrators in ("In all, 307
    # people died: … and the two attackers" beside "307 (including 2 attackers)"), when its
    # sentence counts them among the dead (*dead_perpetrators*: those sentences' ids)
    written = {st.best for st in sts if boxed.get(id(st), 0) > 0}
    out = []
    for st in sts:
        n = _perpetrators_included(st)
        if (
            st.origin == "body"
            and st.comparator == "="
            and (
                st.best in victims
                or (st.best in written and (st.sentence or "") in dead_perpetrators)
                # (the lead's "eight deaths" beside "8 (including the attacker)": the toll as
                # the infobox writes it, which says whom it counts; not the attackers' own
                # count of their victims, "The gunmen killed 71 people")
                or (st.best in written and st.section is None and not _AGENT_KILLED.match(st.text))
            )
            and n is None
        ):
            continue
        if n is not None and st.comparator == "=":
            # the event's toll is the victims' (as for "49 (+1 perpetrator)"), the infobox's
            # and a lead's ("29 people died, including the five perpetrators") alike: the
            # statement keeps the figure as written, the event counts it without them
            v = (st.best or 0) - n
            st = replace(st, low=v, best=v, high=v)
        out.append(st)
    return out


#: A figure's text that opens with the killers' verb ("killed 71 people", "killing 8"): it
#: counts their victims.
_AGENT_KILLED = re.compile(
    r"(?:shot\s+and\s+)?(?:killed|killing|kills|murdered|murdering|massacred|shot|slew)\b", re.I
)
#: Headings of a section that counts the event's own victims.
_CASUALTY_HEADING = re.compile(
    r"^\s*(?:casualties|victims|death\s+toll|deaths|fatalities|injuries|"
    r"casualties\s+and\s+(?:damage|losses|victims)|victims\s+and\s+casualties|dead\s+and\s+injured)"
    r"\s*$",
    re.I,
)


def _casualty_section(sts: list[Statement], policy: str, cat: str) -> list[Statement]:
    """When neither the infobox nor the lead gives a figure of this category, on a page that
    is no battle or war (whose casualty sections count sides, days and parts), the figures of
    a section headed "Casualties" / "Victims" / "Death toll" ("Between 400 and 500 deaths and
    300 injuries were reported"): that section counts the event's own victims. Only when its
    figures agree (no ``CONTRADICTION``): a section that lists rival or partial counts gives
    none ("null beats a guess")."""
    found = [
        st
        for st in sts
        if st.origin == "body"
        and st.side is None
        and not st.subset
        and st.section
        and _CASUALTY_HEADING.match(st.section)
    ]
    if not found:
        return []
    _, f = combine(found, policy, cat)
    return [] if f is not None else found


def totals_win(sts: list[Statement]) -> list[Statement]:
    """Within each infobox field, a ``Total:`` line's statements replace the field's other lines.

    Domain rule: a casualty column lists parts (phases, places, contingents) and then their
    ``Total:`` (``11,000–19,000 killed in pre-invasion bombing`` / ``13,632–19,890 killed during
    invasion`` / ``Total: 25,000–39,000 killed``). The parts are not rival estimates of the
    whole, so the total is the column's figure, as for a side. Fields without a total line,
    and statements of the body, are kept as they are.
    """
    with_total = {(st.field, st.side) for st in sts if st.origin == "infobox" and st.total}
    return [
        st
        for st in sts
        if st.total or st.origin != "infobox" or (st.field, st.side) not in with_total
    ]


_UNKNOWN_PART = re.compile(r"\A\W*(?:unknown|unclear|uncounted|not\s+known)\s+[a-z]", re.I)


def floor_if_part_unknown(q: Quantity, sts: list[Statement]) -> Quantity:
    """A side's strength is a floor when a line gives one of its parts as unknown.

    Domain rule: ``17,000 light cavalry`` / ``unknown infantry`` counts the cavalry only; the
    infantry were there in a number nobody gives, so the side had at least 17,000: ``low``
    stays (the best when there is no low), ``best`` and ``high`` become null
    (``lower_bound_only``). A bare ``Unknown`` names no part and changes nothing; nor does a
    ``Total`` figure, which counts the whole.
    """
    unknown_part = any(
        st.origin == "infobox"
        and st.best is None
        and st.low is None
        and _uncounted(st)
        and _UNKNOWN_PART.match(st.text)
        for st in sts
    )
    if not unknown_part or any(st.total for st in sts if st.id in q["statements"]):
        return q
    if q["low"] is None and q["best"] is None:
        return q
    q["low"] = q["low"] if q["low"] is not None else q["best"]
    q["best"] = q["high"] = None
    q["lower_bound_only"] = True
    return q


def floor_if_sides_unknown(q: Quantity, sides: list[dict[str, Any]], cat: str) -> Quantity:
    """A sum over the sides is exact only when every side counts its own ``cat`` figure.

    Domain rule: a side that gives no figure of the category (``Unknown``, ``estimates
    vary``, or only undifferentiated casualties such as ``24,000 killed, wounded``) has dead
    (wounded) that nobody counted, so the sum of the others is only a lower bound: its ``low``
    stays (the best when there is no low), ``best`` and ``high`` become null and
    ``lower_bound_only`` is set. A side whose casualties are stated as none (0) counts 0
    in every category (see :func:`_zero_casualties`), so it does not open the bound.
    """
    unknown = [
        s
        for s in sides
        if not s["casualties"][cat]["statements"]
        # a side is one with a name, or with figures when the copy lost which names are whose
        and (s["combatants"] or any(q_["statements"] for q_ in s["casualties"].values()))
    ]
    if not unknown or (q["low"] is None and q["best"] is None):
        return q
    q["low"] = q["low"] if q["low"] is not None else q["best"]
    q["best"] = q["high"] = None
    q["lower_bound_only"] = True
    return q


def floor_if_columns_undifferentiated(
    q: Quantity, casualties: list[Statement], doc: Document | None = None
) -> Quantity:
    """A sum over the sides is a floor when a casualty column of no side hides the category.

    Domain rule: a ``casualtiesN`` column without its combatant (``casualties3 = White
    colonists: 25,000``) counts people who are on neither side; a figure there that names no
    category is undifferentiated, so the dead (wounded) among them are uncounted and the
    event's deaths (injuries) are at least the sides' sum, with no upper end: ``low`` stays
    (the best when there is no low), ``best`` and ``high`` become null, ``lower_bound_only``
    is set. A ``Total:`` line in such a column counts the sides' casualties again and a subset
    is part of another figure: neither opens the bound.
    """
    hidden = [
        st
        for st in casualties
        if st.origin == "infobox"
        and st.side is None
        and st.category == "casualties"
        and not st.subset
        and not st.total
        and (st.low is not None or st.best is not None)
        and (st.field or "").casefold().startswith("casualties")
        and not (doc is not None and _TOTAL_LABEL.search(_line_before(doc, st)))
    ]
    if not hidden or (q["low"] is None and q["best"] is None):
        return q
    q["low"] = q["low"] if q["low"] is not None else q["best"]
    q["best"] = q["high"] = None
    q["lower_bound_only"] = True
    return q


_LINE_BREAK = re.compile(r"<br\s*/?>|\||\*", re.I)
_TOTAL_LABEL = re.compile(r"\b(?:total|overall|combined|all\s+sides)\b", re.I)


def _line_before(doc: Document, st: Statement) -> str:
    """The text of the statement's line before its figure ("Total: " in "Total: 2,000")."""
    start = st.span[0]
    line = doc.input[doc.input.rfind("\n", 0, start) + 1 : start]
    return _LINE_BREAK.split(line)[-1]


#: A line group named after a scope of the fighting, not a contingent.
_SCOPE_GROUP = re.compile(
    r"\W*(?:the\s+)?(?:campaign|total|overall|battle|war|siege|operation|offensive|whole|all)\b",
    re.I,
)


def _floor_hidden_contingents(cas: dict[str, Any], sts: list[Statement]) -> None:
    """A sum over contingents is a floor when a contingent hides the category in its casualties.

    Domain rule: ``American: 19,000 killed, 23,000 captured or missing`` and ``British: 239
    missing`` sum to 239 missing only for the British; the Americans' missing are somewhere
    in their undifferentiated 23,000. When a contingent states casualties but no figure of the
    category, the contingents' sum keeps its ``low`` (the best when there is no low) and loses
    ``best`` and ``high`` (``lower_bound_only``). A contingent whose casualties are none (0)
    hides nothing. The same holds for the side's total: a sum of contingents' totals is a
    floor when another contingent states figures of a category but no total
    (``American: 2 wounded``, ``British: none``: the side lost at least the 2, not 0).
    """
    mixed = [
        (st.group_seq, _mix_categories(st))
        for st in sts
        if st.category == "casualties"
        and st.group_seq is not None
        and not st.subset
        # ("British, Polish and Indian: unknown": a contingent nobody counted hides them all;
        # not a scope's heading, "Campaign: unknown")
        and (
            st.low is not None
            or st.best is not None
            or (_uncounted(st) and not _SCOPE_GROUP.match(st.group or ""))
        )
        and not st.low == st.high == 0
    ]
    categorised = {
        st.group_seq
        for st in sts
        if st.category in ("killed", "wounded", "captured", "missing")
        and st.group_seq is not None
        and not st.subset
    }
    for cat in ("killed", "wounded", "captured", "missing", "total"):
        q = cas[cat]
        if not q.get("sum_of_groups"):
            continue
        if cat == "total":
            counted = {st.group_seq for st in sts if st.category == "casualties"}
            hidden = categorised - counted
        else:
            # "3,000 killed or wounded" hides killed and wounded, not the captured
            letter = cat[0]
            undifferentiated = {seq for seq, mix in mixed if not mix or letter in mix}
            counted = {st.group_seq for st in sts if st.category == cat}
            hidden = undifferentiated - counted
        if not hidden or (q["low"] is None and q["best"] is None):
            continue
        q["low"] = q["low"] if q["low"] is not None else q["best"]
        q["best"] = q["high"] = None
        q["lower_bound_only"] = True


#: "the town of Greytown": the lead's qualifier before the name it ties to a country.
_QUALIFIED = re.compile(rf"^(?:the\s+)?{TOWN_QUALIFIER}", re.I)


def _no_casualties(sts: list[Statement], q: Quantity) -> Quantity:
    """ "There were no casualties" in the lead (or the infobox) of a page whose text gives no
    figure of the category: none died and none were hurt, 0 (the statement's id kept)."""
    zero = [
        st
        for st in sts
        if st.side is None
        and (st.origin == "infobox" or (st.origin == "body" and st.section is None))
        and (st.low, st.best, st.high) == (0, 0, 0)
        and not st.subset
    ]
    if not zero:
        return q
    return {**q, "low": 0, "best": 0, "high": 0, "statements": [zero[0].id]}


def _zero_casualties(cas: dict[str, Any]) -> None:
    """``casualties = none`` (or 0) says the side lost nobody: 0 in each unstated category."""
    total = cas["total"]
    if not total["statements"] or (total["low"], total["best"], total["high"]) != (0, 0, 0):
        return
    for cat in ("killed", "wounded", "captured", "missing"):
        if not cas[cat]["statements"]:
            cas[cat] = {**total, "statements": list(total["statements"])}


def _event_level(sts: list[Statement], kind: str, has_sides: bool = False) -> list[Statement]:
    """The statements about the event's own total: the infobox's, and the lead's.

    Sentences in later sections often count other events (an earlier attack, a later
    massacre in the same war) or parts of this one; they stay statements and evidence, but do
    not take part in the event's figure. Battles and wars with infobox sides take no prose
    figures at all: their prose counts engagements, units and days.
    """
    prose = kind not in ("battle", "war") or not has_sides
    out = [
        st
        for st in sts
        if st.side is None
        and (st.origin == "infobox" or (st.origin == "body" and st.section is None and prose))
    ]
    if prose and kind == "attack":
        # "The death toll rose to 74 by 12 August as several of the injured died" in a section
        # on the casualties: the event's own toll, risen, when it is no lower than what the
        # infobox and the lead say (not in a section on what came before)
        floors = [
            st.low if st.low is not None else st.best
            for st in out
            if st.category == "killed" and not st.subset
        ]
        floor = max((f for f in floors if f is not None), default=None)
        out += [
            st
            for st in sts
            if st.side is None
            and st.origin == "body"
            and st.section is not None
            and st.category == "killed"
            and not st.subset
            and _TOLL_ROSE.match(st.text)
            and _TOLL_SECTION.search(st.section)
            and not _EARLIER_SECTION.search(st.section)
            and floor is not None
            and st.low is not None
            and st.low >= floor
        ]
    return out


#: A statement that gives the toll after it rose ("death toll rose to 74", "bringing the death
#: toll to 74"; not a "casualty toll", which counts the wounded too).
_TOLL_ROSE = re.compile(
    r"(?:the\s+)?(?:(?:official\s+)?death\s+toll\s+(?:later\s+|eventually\s+|"
    r"subsequently\s+|had\s+|has\s+|then\s+)?(?:rose|risen|climbed|increased|grew)\s+to|"
    r"(?:bringing|raising|taking)\s+the\s+(?:official\s+)?death\s+toll\s+to)\b",
    re.I,
)
#: The sections that count the event's own dead ("Casualties", "Victims", "Aftermath").
_TOLL_SECTION = re.compile(r"\b(?:casualt|victim|death|dead|toll|fatalit|injur|aftermath)", re.I)
#: Before a toll's rise in its sentence: the toll is another event's ("the 2013 Quetta attacks,
#: in which the death toll rose to 110").
_OTHER_EVENT_CLAUSE = re.compile(r"\bin\s+which\b|\b(?P<y>(?:1[5-9]|20)\d\d)\b", re.I)


def _drop_other_rises(
    sts: list[Statement],
    doc: Document,
    spans: dict[str, tuple[int, int]],
    date: dict[str, Any],
) -> list[Statement]:
    """A body section's "the death toll rose to N" told of another event in its sentence ("in
    which", or a year other than the event's and the next, before it) is no rise of the
    event's toll (see :func:`_event_level`)."""
    start = (date.get("start") or "")[:4]
    end = (date.get("end") or date.get("start") or "")[:4]
    years = (
        {str(y) for y in range(int(start), int(end) + 2)}
        if start.isdigit() and end.isdigit() and int(end) - int(start) < 50
        else set()
    )
    out = []
    for st in sts:
        if st.origin == "body" and st.section is not None and _TOLL_ROSE.match(st.text):
            span = spans.get(st.sentence or "")
            if span is not None and any(
                m.group("y") is None or m.group("y") not in years
                for m in _OTHER_EVENT_CLAUSE.finditer(doc.input, span[0], st.span[0])
            ):
                continue
        out.append(st)
    return out


#: A section on what came before the event or around it ("Background", "Previous attacks").
_EARLIER_SECTION = re.compile(
    r"\b(?:background|prelude|history|previous|earlier|prior|context|related|other|similar|"
    r"legacy|anniversar)",
    re.I,
)


def _date(sts: list[Statement], findings: list[Finding]) -> dict[str, Any]:
    valued = [s for s in sts if s.value]
    out: dict[str, Any] = {
        "start": None,
        "end": None,
        "precision": None,
        "date_prec": None,
        "approximate": None,
        "statements": [s.id for s in sts],
    }
    if not valued:
        return out
    first = valued[0]
    out.update(
        {k: first.value.get(k) for k in ("start", "end", "precision", "date_prec", "approximate")}
    )
    for other in valued[1:]:
        a, b = first.value, other.value
        if a.get("start") and b.get("start") and not _dates_overlap(a, b):
            findings.append(
                Finding(
                    "CONTRADICTION",
                    "warning",
                    f"date: {first.text!r} and {other.text!r} do not overlap",
                    spans=[first.span, other.span],
                    statements=[first.id, other.id],
                )
            )
    return out


def _dates_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def bounds(d: dict[str, Any]) -> tuple[str, str]:
        return d["start"], d.get("end") or d["start"]

    a0, a1 = bounds(a)
    b0, b1 = bounds(b)
    # compare at the coarser precision: truncate to the shorter string
    n = min(len(a0), len(b0), len(a1), len(b1))
    return a0[:n] <= b1[:n] and b0[:n] <= a1[:n]


def _location(doc: Document, by_prop: dict[str, list[Statement]]) -> dict[str, Any]:
    locs = by_prop.get("location", [])
    coords = by_prop.get("coordinates", [])
    out: dict[str, Any] = {
        "text": None,
        "name": None,
        "matched": None,
        "country": None,
        "admin1": None,
        "lat": None,
        "lon": None,
        "where_prec": None,
        "statements": [s.id for s in locs + coords],
    }
    text = locs[-1].value["text"] if locs else None
    coord = None
    for st in locs + coords:
        if st.value.get("coord"):
            coord = tuple(st.value["coord"])
    if text is None and coord is None:
        return out
    context = _context_for(doc, text) if text else []
    hint = locs[-1].value.get("country_hint") if locs else None
    # the lead tied the name to a country it names: a namesake elsewhere is not it
    hinted = (
        resolve_place_in(_QUALIFIED.sub("", text), {hint})
        if hint and text and coord is None
        else None
    )
    place = hinted or resolve_place(text or "", context=context, coord=coord, title=doc.title)
    if hint and text and coord is None and place.country != hint:
        # "[[Tripoli, Lebanon|Tripoli]]" in the infobox: the link's country, when the text read
        # in it names a place there
        there = country_name(hint)
        alt = resolve_place(f"{text}, {there}", context=context, title=doc.title) if there else None
        if alt is not None and alt.country == hint and (alt.where_prec or 9) < 6:
            place = replace(alt, text=text)
    if hint and coord is not None and place.country != hint:
        # "[[Novi Sad|Újvidék]], … [[Kingdom of Hungary (1920–1946)|Hungary]]" at a point in
        # Serbia: the country the linked town lies in now, where the point lies, not the
        # state the text names for the time
        near = nearest_city(coord[0], coord[1])
        if near is not None and near[1] == hint:
            # (the name too: the town the text names across the border is not the point's)
            place = replace(place, name=near[0], country=hint, admin1=near[2])
    out.update(
        {
            "text": text,
            "name": place.name,
            "matched": place.matched,
            "country": place.country,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
            "where_prec": place.where_prec,
            "feature": place.feature,
        }
    )
    spread = locs[-1].value.get("spread") if locs and coord is None else None
    if spread and place.where_prec is not None and place.where_prec < spread:
        # a town named as one point of a front line: the event spans the line (see
        # extract.statements._line_spread), so only the division or region is known
        out["where_prec"], out["feature"] = spread, "line"
    if place.name is not None and place.country is None and coord is None and place.matched:
        # "Mouth of the Baek River …, Korean Peninsula": a river no country holds; the lead
        # sentence that names it says where it lies now ("… the Baek River, … the lower
        # reaches of the Geum River in present-day South Korea")
        found_lead = _present_day_country(doc, place.matched)
        if found_lead is not None:
            out["country"], out["country_lead"] = found_lead
    if place.name is None and place.country is None and coord is None:
        # the place names nothing the gazetteer knows ("Purandar"): the country the page's
        # categories state ("1665 in India"); no point, so no where_prec
        found = country_of_categories(doc.categories)
        if found is not None:
            out["country"], out["country_category"] = found
    return out


#: "in present-day South Korea", "in modern Turkey", "in today's Iraq": where a place lies now.
_PRESENT_DAY = re.compile(
    r"\b(?:present[- ]day|modern[- ]day|modern|today's|today’s)\s+"
    r"(?P<c>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
)


def _present_day_country(doc: Document, name: str) -> tuple[str, str] | None:
    """The one country a lead sentence that names *name* says the place lies in now ("…
    the Baek River, … in present-day South Korea"), with the words that say it; None when
    no such sentence names exactly one country."""
    found: set[str] = set()
    said = ""
    for s in doc.body()[:6]:
        at = s.plain.text.find(name)
        if s.section or at < 0:
            continue
        for m in _PRESENT_DAY.finditer(s.plain.text, at + len(name)):
            between = s.plain.text[at + len(name) : m.start()]
            if (
                len(between) > 150
                or not re.search(r"\bin\s+(?:what\s+is\s+)?\Z", between)
                or re.search(r"\b(?:whose|who|from)\b", between)
            ):
                continue  # "… Yamato, whose fleet had sailed from present-day Japan"
            named = countries_named(m.group("c"))
            if len(named) == 1:
                found |= named
                said = said or m.group().rstrip(".")
    return (found.pop(), said) if len(found) == 1 else None


def _context_for(doc: Document, text: str) -> list[str]:
    """Body sentences that mention the location's first capitalised word: they say where it is."""
    words = [w for w in re.findall(r"[A-Z][\w'’\-]{2,}", text)]
    if not words:
        return []
    out = []
    for s in doc.body():
        if any(w in s.plain.text for w in words[:2]):
            out.append(s.plain.text)
        if len(out) >= 5:
            break
    return out


_CASUALTY_CATS = ("killed", "wounded", "captured", "missing", "casualties")


def _sides(
    statements: list[Statement], policy: str, findings: list[Finding]
) -> list[dict[str, Any]]:
    side_ids = sorted({st.side for st in statements if st.side is not None})
    out = []
    for side in side_ids:
        # civilians a side's column counts died at its hands or beside it, not in its ranks:
        # they join the event's civilian figure instead (see _event_quantity)
        mine = [st for st in statements if st.side == side and st.party != "civilians"]
        actors = [st for st in statements if st.side == side]
        cas: dict[str, Any] = {}
        for cat in _CASUALTY_CATS:
            sts = [st for st in mine if st.property != "strength" and st.category == cat]
            cas["total" if cat == "casualties" else cat] = _side_quantity(
                sts, policy, f"side {side} {cat}", findings, sum_groups=True
            )
        _floor_hidden_contingents(cas, [st for st in mine if st.property != "strength"])
        _zero_casualties(cas)
        strength_sts = [st for st in mine if st.property == "strength"]
        strength = _side_quantity(
            strength_sts, policy, f"side {side} strength", findings, sum_groups=False
        )
        floor_if_part_unknown(strength, strength_sts)
        out.append(
            {
                "side": side,
                "combatants": [_actor(st) for st in actors if st.property == "combatant"],
                "commanders": [_actor(st) for st in actors if st.property == "commander"],
                # "Supported by:" states and groups: they aided the side, and fought no part
                "supporters": [_actor(st) for st in actors if st.property == "supporter"],
                "strength": strength,
                "casualties": cas,
            }
        )
    return out


def _side_quantity(
    sts: list[Statement], policy: str, label: str, findings: list[Finding], *, sum_groups: bool
) -> Quantity:
    """One side's figure for one category.

    A ``Total:`` line is the side's figure. Else, when the side lists contingents
    (``Anglo-allies: …``, ``Prussians: …``), each contingent's statements are combined under the
    policy and the contingents are summed (they count different men); figures listed before
    the first contingent are the side's own. Strength lists are often phases (initial,
    reinforcements) rather than contingents, so for strength contingents are not summed and
    the quantity stays null unless the statements agree.
    """
    sts = _drop_partial_mixes(sts)
    totals = [st for st in sts if st.total]
    grouped = [st for st in sts if st.group is not None]
    if totals:
        chosen = totals
    elif grouped and sum_groups:
        # an ungrouped "unknown" or "heavy" (no figure) does not set the contingents' sum aside
        ungrouped = [
            st
            for st in sts
            if st.group is None and not st.subset and (_bounded(st) or st.best is not None)
        ]
        listed = [st for st in grouped if _LISTED_GROUP.match(st.group or "")]
        if ungrouped and len(listed) == len(grouped):
            # "100 infantry and 1,000 cavalry (according to Arrian); 300 (according to
            # Curtius)": a line's listed parts are one figure, a rival of the other lines
            as_lists = [replace(_as_list(st), group=None, group_seq=None) for st in listed]
            chosen = ungrouped + _sum_lists(as_lists)[0]
        elif ungrouped:
            chosen = ungrouped
        else:
            parts = []
            for seq in sorted({st.group_seq for st in grouped if st.group_seq is not None}):
                q, f = _combine_parts(
                    _all_causes_win([st for st in grouped if st.group_seq == seq]),
                    policy,
                    f"{label} ({grouped[0].group})",
                )
                if f:
                    findings.append(f)
                parts.append(q)
            out = sum_quantities(parts, policy)
            if any(
                _uncounted(st) and not st.subset and not st.attribution for st in grouped
            ) and not all(_uncounted(st) for st in grouped):
                # "1,542 men-at-arms killed / Unknown number of infantry killed": a part
                # nobody counted leaves the side's sum open above
                out["best"] = out["high"] = None
            out["sum_of_groups"] = True
            out.pop("sum_of_sides", None)
            return out
    elif grouped:
        empty, _ = combine([], policy)
        empty["statements"] = [st.id for st in sts]
        return empty
    else:
        chosen = _all_causes_win(sts)
    q, f = _combine_parts(chosen, policy, label) if sum_groups else combine(chosen, policy, label)
    if f and not sum_groups and not all(st.attribution for st in chosen if _bounded(st)):
        # "42,000 regulars / 39,000 stragglers": a strength list names parts of one force;
        # only figures that say whose claim they are (attributions) are rival claims
        empty, _ = combine([], policy)
        empty["statements"] = [st.id for st in chosen]
        return empty
    if f:
        findings.append(f)
    return q


#: The group label statements.py gives the parts a line lists ("list 0: 100").
_LISTED_GROUP = re.compile(r"list \d+(?=: )")


def _all_causes_win(sts: list[Statement]) -> list[Statement]:
    """A line that counts the dead "from all causes" (or "in total") is its contingent's figure:
    the others ("6,824 killed in battle", "17,000 died of disease") are its parts, not rival
    estimates of it."""
    every = [st for st in sts if isinstance(st.value, dict) and st.value.get("all_causes")]
    return every or sts


#: A phrase naming two categories (or a category and the sick): "captured or missing",
#: "wounded or sick", "KIA and MIA", "wia & sick", "dead/missing".
_TWO_CATEGORIES = re.compile(
    r"\b(killed|dead|kia|wounded|wia|injured|captured|prisoners|pows?|missing|mia)\b"
    r"[^\d\n]{0,20}?(?:\b(?:and|or)\s+|\s*[&/]\s*)"
    r"(killed|dead|kia|wounded|wia|injured|sick|captured|prisoners|pows?|missing|mia)\b",
    re.I,
)

#: The Soviet archives' kinds of loss (Krivosheev): "irrecoverable" are the killed, missing and
#: captured, "sanitary" the wounded and sick; each is a part of a side's casualties.
_SOVIET_LOSS = re.compile(r"\b(irrecoverable|irretrievable|sanitary)\b", re.I)
_SOVIET_MIX = {
    "irrecoverable": frozenset("kmc"),
    "irretrievable": frozenset("kmc"),
    "sanitary": frozenset("ws"),
}

_MIX_WORDS = {
    "killed": "k", "dead": "k", "kia": "k", "died": "k",
    "wounded": "w", "wia": "w", "injured": "w", "sick": "s",
    "captured": "c", "prisoners": "c", "pow": "c", "pows": "c",
    "missing": "m", "mia": "m",
}  # fmt: skip


def _mixed(text: str) -> bool:
    """True when *text* names two categories or a Soviet kind of loss."""
    return bool(_TWO_CATEGORIES.search(text) or _SOVIET_LOSS.search(text))


def _mix_categories(st: Statement) -> frozenset[str]:
    """The categories a two-category phrase names ("43,476 killed or missing": k, m)."""
    if st.category != "casualties":
        return frozenset()
    soviet = _SOVIET_LOSS.search(st.text)
    if soviet is not None:
        return _SOVIET_MIX[soviet.group(1).lower()]
    m = _TWO_CATEGORIES.search(st.text)
    if m is None:
        return frozenset()
    tail = st.text[m.start() :]
    return frozenset(
        _MIX_WORDS[w.lower()] for w in re.findall(r"[A-Za-z]+", tail) if w.lower() in _MIX_WORDS
    )


def _combine_parts(
    sts: list[Statement], policy: str, label: str
) -> tuple[Quantity, Finding | None]:
    """Combine one side's (or contingent's) statements of a category, or sum them when they
    are its complementary parts: two-category phrases that share no category ("43,476 killed
    or missing" and "150,715 wounded and sick", the Soviet archives' way of giving a loss)
    count different men, so the side's casualties are their sum, not a rival pair."""
    # ("2,540 killed" and its note's "a further 1,153 died of their wounds": one list, summed;
    # the sum cites both statements)
    sts, merged = _sum_lists(sts)
    q, f = _combine_parts_summed(sts, policy, label)
    _cite_merged(q, merged)
    return q, f


def _combine_parts_summed(
    sts: list[Statement], policy: str, label: str
) -> tuple[Quantity, Finding | None]:
    mixes = [_mix_categories(st) for st in sts]
    if (
        len(sts) >= 2
        and all(mixes)
        and all(not (a & b) for i, a in enumerate(mixes) for b in mixes[i + 1 :])
    ) or _peoples_lines(sts):
        parts = [combine([st], policy, label)[0] for st in sts]
        return sum_quantities(parts, policy), None
    return combine(sts, policy, label)


#: A capitalised word that may name a people ("British", "Malayan", "Iraqi").
_PEOPLE_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _peoples_lines(sts: list[Statement]) -> bool:
    """Whether a side's lines each count the men of another people ("1,346 Malayan troops and
    police killed" / "519 British military personnel killed"): exact infobox figures, none
    naming a source, whose peoples (demonyms) no two lines share. They count different men,
    so the side's figure is their sum, as for contingents under their own headings."""
    if len(sts) < 2 or any(
        st.origin != "infobox" or st.subset or st.attribution or st.comparator != "=" for st in sts
    ):
        return False
    peoples = [
        {
            w.lower()
            for w in _PEOPLE_WORD.findall(st.text)
            if w.lower() in DEMONYMS or w.endswith(("an", "ish", "ese", "i"))
        }
        for st in sts
    ]
    return all(peoples) and all(
        not (a & b) for i, a in enumerate(peoples) for b in peoples[i + 1 :]
    )


def _drop_partial_mixes(sts: list[Statement]) -> list[Statement]:
    """Drop "23,000 captured or missing" beside a plain casualty total of the same contingent.

    A phrase naming two categories reads as ``casualties`` (DESIGN.md), but listed under a
    contingent's own casualty total it is one of that total's parts, not a rival figure. An
    "unknown" total has no figure, so the phrase beside it stands.
    """
    plain = {
        (st.group_seq, st.total)
        for st in sts
        if st.category == "casualties"
        and not _mixed(st.text)
        and (st.low is not None or st.high is not None or st.best is not None)
    }
    return [
        st
        for st in sts
        if not (
            st.category == "casualties" and _mixed(st.text) and (st.group_seq, st.total) in plain
        )
    ]
