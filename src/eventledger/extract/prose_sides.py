"""A battle's losses told in its prose, tied to the sides the page names.

Domain rule: a battle's infobox (or a page with no infobox) may name the two sides and give no
casualty figure at all; the prose then tells the losses: "According to Díaz, the Spanish lost
two men killed and more than seventy wounded, while about 800 Maya lay dead on the field",
"The Americans lost two men killed and eleven wounded, the Malays about 150 killed". A reader
codes those figures as the sides' ("side 1 killed 2", "side 2 killed about 800"), so the
event's dead are their sum.

Each figure is tied to the side whose name a people word beside it echoes ("Spanish" of the
"Spanish Empire", "Malays" of the "Malay defenders"): first a word right after the number
("800 Maya", "150 Malays"; a figure whose own people word echoes no side, "five Russian
servicemen", is nobody's), then losses "on" or "among" a people after the figure ("inflicted
5,000 casualties on the Austrians"), else the nearest such word before the figure in its clause,
unless a verb between them says that people did the killing ("the French killed 2,000 of the
enemy"). Only when:

* the page is a battle or a war whose sides are named (infobox or lead) and no statement gives
  any side a casualty figure (no infobox casualties, not even "Unknown");
* the figure is in the lead or in a section that tells the event (not "Background",
  "Aftermath", "Legacy" …: those count other fights), is no part of another figure, counts
  the killed, wounded, captured or missing, and no civilians;
* the page gives ten such figures at most (a page that tells a campaign or a long battle gives
  dozens, of days, places and phases);
* every casualty figure the lead gives is tied to a side (a lead figure of no side is the
  event's own toll, which the sides' sum must not replace).

Only the one sentence of the page that tells both sides' losses is read (a long page that tells
many fights has many such sentences, and none is the event's: then nothing is tied). A word that
echoes both sides ties nothing. Nothing else changes: the statements keep their
text and spans and only gain a ``side``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from eventledger.extract.assemble import event_kind
from eventledger.models import Document, Statement
from eventledger.normalise.places import DEMONYMS

__all__ = ["split_by_lead", "tie_side_figures"]

_CATEGORIES = frozenset({"killed", "wounded", "captured", "missing"})
_SIDE_CATEGORIES = _CATEGORIES | {"casualties"}
#: A page that tells one fight briefly gives a few casualty figures; one that tells a campaign
#: or a long battle gives dozens, of days, places and phases, and none of them is the event's.
_MAX_FIGURES = 10

#: A title that names a campaign, not one fight ("Manbij offensive", "Operation X"): a sentence
#: that gives both sides' losses tells one clash of it ("11 SDF fighters and seven ISIL
#: militants were reported killed in the clashes").
_CAMPAIGN_TITLE = re.compile(
    r"\b(?:offensives?|campaigns?|operations?|war|wars|insurgency|conflict|crisis|clashes|"
    r"expedition|invasion|occupation)\b",
    re.I,
)
#: Headings of sections that tell what came before or after the event (other fights).
_OTHER_TIME = re.compile(
    r"\b(?:background|prelude|origins?|context|causes?|aftermath|legacy|consequences?|"
    r"commemoration|memorials?|historiography|later|subsequent|popular\s+culture|sources|"
    r"analysis|assessment|significance|order\s+of\s+battle)\b",
    re.I,
)

#: Irregular demonyms and the words of the names they stand for.
_IRREGULAR = {
    "spanish": ("spain", "spaniards"),
    "spaniards": ("spain", "spanish"),
    "french": ("france", "frenchmen"),
    "frenchmen": ("france", "french"),
    "dutch": ("netherlands", "holland"),
    "british": ("britain", "england"),
    "english": ("england",),
    "englishmen": ("england",),
    "scots": ("scotland", "scottish"),
    "scottish": ("scotland", "scots"),
    "welsh": ("wales",),
    "irish": ("ireland",),
    "american": ("united", "america"),
    "americans": ("united", "america"),
    "swiss": ("switzerland",),
    "danes": ("denmark", "danish"),
    "danish": ("denmark", "danes"),
    "swedes": ("sweden", "swedish"),
    "swedish": ("sweden", "swedes"),
    "poles": ("poland", "polish"),
    "polish": ("poland", "poles"),
    "turks": ("turkey", "ottoman", "turkish"),
    "turkish": ("turkey", "ottoman", "turks"),
    "ottomans": ("ottoman",),
    "greeks": ("greece", "greek"),
    "portuguese": ("portugal",),
    "hessian": ("hesse",),
    "hessians": ("hesse",),
    # the first half of a compound ("Franco-Swedish", "Anglo-Dutch", "Russo-Turkish")
    "franco": ("france",),
    "anglo": ("england", "britain"),
    "russo": ("russia",),
    "austro": ("austria",),
    "sino": ("china",),
    "italo": ("italy",),
    "hispano": ("spain",),
}
#: Endings between a people word and a word of a side's name ("Malays" / "Malay", "Austrians"
#: / "Austria", "American" / "America").
_ENDINGS = frozenset({"", "s", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese", "ish"})
#: Words of a side's name that name nobody in particular.
_FILLER = frozenset(
    "the and of forces force troops army armies navy kingdom empire republic state states "
    "united royal imperial confederation colony colonies defenders garrison expedition "
    "raiding party allies allied rebels militia government people".split()
)
#: Ranks, titles and particles in commanders' names: they name no one side's leader.
_RANKS = frozenset(
    "general lieutenant major colonel captain commander admiral marshal field brigadier sir "
    "lord lady king queen prince princess duke count earl baron emperor empress sultan shah "
    "khan tsar czar chief saint san santa von van der den del della les las los ibn bin "
    "al el de da di du le la jr sr ii iii mr president minister governor".split()
)
#: A capitalised word (a people, a name); possessive stripped by the caller.
_WORD = re.compile(r"[A-Z][\w'’-]+")
#: A verb that makes the word before it the killers, not the dead.
_AGENT_VERB = re.compile(
    r"\b(?:killed|killing|kill|slew|slain|slaughtered|massacred|inflicted|inflicting|"
    r"captured|capturing|took|taking|shot|routed|destroyed|annihilated|put|cut\s+down|"
    r"mowed\s+down|felled|wounding)\b",
    re.I,
)
#: A number, in digits or words, and the capitalised word after it ("800 Maya", "five Russian
#: servicemen", "more than 220" Maya").
_AFTER_NUMBER = re.compile(
    r"(?:\d[\d,.]*|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"dozens?))\s*[\"”']?\s+(?:of\s+the\s+)?([A-Z][\w'’-]+)"
)
#: "by" (or "by the") right before a people word: the agent of a passive verb.
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?\Z", re.I)
#: A sentence that tells another fight or another time ("at Champotón two years earlier, where
#: 50 Spaniards had been killed", "At the Battle of Centla in 1519, …" on a war's page).
_OTHER_FIGHT = re.compile(
    r"\b(?:earlier|later|previous(?:ly)?|afterwards?|the\s+(?:year|day|month|week)\s+before|"
    r"the\s+following\s+(?:year|day|month|week))\b|\b(?:battle|siege|skirmish|sack|fall)\s+of\s+"
    r"(?-i:[A-Z])",
    re.I,
)
#: After a figure: the people its losses fell "on" or "among".
_ON_PEOPLE = re.compile(r"[^.;,\d]{0,30}?\b(?:on|among|upon)\s+(?:the\s+)?([A-Z][\w'’-]+)")
#: A clause break before a figure (its clause starts after it).
_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|though)\b|,\s+(?=the\s+[A-Z])")
#: Footnote markup inside the input (wikitext refs, templates, a copy's "[3]").
_MARKUP = re.compile(r"<ref[^>]*/>|<ref[^>]*>.*?</ref\s*>|\{\{[^{}]*\}\}|\[\d{1,3}\]", re.I | re.S)


def _norm(word: str) -> str:
    return re.sub(r"['’]s?$", "", word).lower()


def _ties(word: str, name_words: set[str]) -> bool:
    w = _norm(word)
    if len(w) < 3:
        return False
    for t in name_words:
        short, long_ = (w, t) if len(w) <= len(t) else (t, w)
        if len(short) >= 4 and long_.startswith(short) and long_[len(short) :] in _ENDINGS:
            return True
        if t in _IRREGULAR.get(w, ()):
            return True
        if t.endswith("o") and len(t) >= 5 and w.removesuffix("s").removesuffix("an") == t[:-1]:
            return True  # "Mexican" of Mexico, "Moroccans" of Morocco
    return False


def _side_of(
    word: str, sides: dict[int, set[str]], leaders: dict[int, set[str]] | None = None
) -> int | None:
    """The side whose name *word* echoes; else the side whose commander it names ("the
    Peshwa lost 180 men" beside ``commander1 = Peshwa Baji Rao I``); None when it echoes
    none or several."""
    hits = {n for n, words in sides.items() if _ties(word, words)}
    if not hits and leaders:
        w = _norm(word)
        hits = {n for n, words in leaders.items() if w in words}
    return hits.pop() if len(hits) == 1 else None


def _masked(text: str) -> str:
    """*text* with footnote markup blanked (same length, so offsets hold)."""
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


def _tie(
    st: Statement,
    doc: Document,
    span: tuple[int, int],
    others: list[Statement],
    sides: dict[int, set[str]],
    leaders: dict[int, set[str]] | None = None,
) -> int | None:
    text = doc.input
    start, end = st.span
    # 1. the people right after the number ("800 Maya lay dead", "150 Malays")
    after_num = _AFTER_NUMBER.search(text[start:end])
    if after_num is None:
        nxt = re.match(r"[\"”']?\s+([A-Z][\w'’-]+)", text[end : min(span[1], end + 40)])
        after_num = nxt
    if after_num is not None:
        # the figure names its own people: theirs, or nobody's ("five Russian servicemen")
        return _side_of(after_num.group(1), sides, leaders)
    # 2. losses "on" or "among" a people after the figure
    on = _ON_PEOPLE.match(_masked(text[end : min(span[1], end + 60)]))
    if on is not None:
        side = _side_of(on.group(1), sides, leaders)
        if side is not None:
            return side
    # 3. the nearest people word before the figure, in its clause
    before = _masked(text[max(span[0], start - 300) : start])
    breaks = [m.end() for m in _BREAK.finditer(before)]
    clause_at = breaks[-1] if breaks else 0
    base = start - len(before)
    # other figures' text between the word and this one is theirs ("lost two men killed and")
    blank = list(before)
    for o in others:
        a, b = max(o.span[0] - base, 0), min(o.span[1] - base, len(before))
        for k in range(a, b):
            blank[k] = " "
    clause = "".join(blank)
    for m in reversed(list(_WORD.finditer(clause, clause_at))):
        side = _side_of(m.group(0), sides, leaders)
        if side is None or _BY_BEFORE.search(clause, 0, m.start()):
            continue  # "killed by Maya arrows": the Maya are the killers
        if _AGENT_VERB.search(clause, m.end()):
            return None  # "the French killed 2,000 of the enemy": the killers, not the dead
        return side
    return None


def tie_side_figures(doc: Document, statements: list[Statement]) -> list[Statement]:
    """The statements, with the prose's casualty figures of a battle tied to its sides (see the
    module's rule); unchanged when the rule does not apply."""
    if any(st.side is not None and st.category in _SIDE_CATEGORIES for st in statements):
        return statements  # a side's casualty figure (even "Unknown"): the infobox counts
    names: dict[int, set[str]] = {}
    for st in statements:
        if st.property == "combatant" and st.side is not None and isinstance(st.value, dict):
            name = st.value.get("name") or ""
            words = {_norm(w) for w in _WORD.findall(name)} - _FILLER
            if re.search(r"\bUnited\s+States\b|\bU\.\s?S\.", name):
                words.add("america")  # "United States Navy": its people are "Americans"
            names.setdefault(st.side, set()).update(w for w in words if len(w) >= 3)
    if len(names) < 2 or not all(names.values()):
        return statements
    # the words of each side's commanders' names, less ranks and titles and any word that
    # also names another side or another side's commander
    leaders: dict[int, set[str]] = {}
    for st in statements:
        if st.property == "commander" and st.side in names and isinstance(st.value, dict):
            words = {_norm(w) for w in _WORD.findall(st.value.get("name") or "")}
            leaders.setdefault(st.side, set()).update(
                w for w in words - _FILLER - _RANKS if len(w) >= 3
            )
        elif st.property == "combatant" and st.side in names and isinstance(st.value, dict):
            # the initials of a side's name ("the PLA lost about 3,000 men" beside "People's
            # Liberation Army")
            caps = re.findall(
                r"\b[A-Z]", re.sub(r"\b(?:of|the|and|for)\b", "", st.value.get("name") or "")
            )
            if len(caps) >= 3:
                leaders.setdefault(st.side, set()).add("".join(caps).lower())
    # (the clashes are found on the sets as read, then removed: removing side 1's first hid a
    # word it shared with side 2's, which then tied side 2)
    clashes = {
        n: {w for w in words for m, other in names.items() if m != n and _ties(w, other)}
        | {w for m, other in leaders.items() if m != n for w in words & other}
        for n, words in leaders.items()
    }
    for n, words in leaders.items():
        words -= clashes[n]
    candidates = [
        st
        for st in statements
        if st.origin == "body"
        and st.side is None
        and st.category in _SIDE_CATEGORIES
        and st.party != "civilians"
        and not st.subset
        and st.sentence is not None
        and (st.section is None or not _OTHER_TIME.search(st.section))
    ]
    if (
        not candidates
        or len(candidates) > _MAX_FIGURES
        # an offensive's one sentence of both sides' dead tells a day of it
        or _CAMPAIGN_TITLE.search(doc.title or "")
        or event_kind(doc) != "battle"
    ):
        return statements
    spans = {sn.id: sn.span for sn in doc.sentences}
    by_sentence: dict[str, list[Statement]] = {}
    for st in candidates:
        by_sentence.setdefault(st.sentence or "", []).append(st)
    tied: dict[str, int] = {}
    for st in candidates:
        span = spans.get(st.sentence or "")
        if span is None:
            continue
        others = [o for o in by_sentence[st.sentence or ""] if o is not st]
        side = _tie(st, doc, span, others, names, leaders)
        if side is not None:
            tied[st.id] = side
    # the one sentence that tells both sides' losses: the battle's account of its casualties
    # (a long page that tells many fights has many, and none is the event's)
    plain = {sn.id: sn.plain.text for sn in doc.sentences if sn.id in by_sentence}
    summary = [
        sid
        for sid, sts in by_sentence.items()
        if len({tied[st.id] for st in sts if st.id in tied}) >= 2
        and not _OTHER_FIGHT.search(plain.get(sid, ""))
    ]
    if len(summary) != 1:
        return statements
    keep = {st.id: tied[st.id] for st in by_sentence[summary[0]] if st.id in tied}
    if any(st.section is None and st.id not in keep for st in candidates):
        return statements  # the lead's own toll of no side
    return [replace(st, side=keep[st.id]) if st.id in keep else st for st in statements]


#: Where a lead sentence opposes two parties: "A defeated B", "A against B", "between A and
#: B" (each "and" of the "between" clause is tried; see :func:`split_by_lead`).
_OPPOSING = re.compile(
    r"\b(?:defeated|routed|repulsed|repelled|besieged|attacked|against|versus|vs\.|fought\s+off|"
    r"victory\s+over|triumphed\s+over|beat)\b",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+", re.I)
#: A comma that ends the second party's words: one before a lower-case word that is no list's
#: "and" ("…, resulting in a decisive victory for the Patriots"; not "Saxon, French and Swiss").
_CLAUSE_AFTER_PARTY = re.compile(r",\s+(?!(?:and|or)\b)(?-i:[a-z])")
#: "a decisive victory for A over B".
_VICTORY_FOR = re.compile(r"\bvictory\s+(?:for|of)\s+(?P<a>[^.;]{3,300}?)\s+over\s+", re.I)
#: A party's words that say it had allies the sentence does not name ("United States forces
#: and their Native American allies").
_UNNAMED_ALLIES = re.compile(r"\b(?:their|its|his)\s+(?:[\w-]+\s+){0,2}?allies\b", re.I)
#: The "and" of a "between" clause that may part its two sides (not "… and its allies").
_BETWEEN_AND = re.compile(
    r"\s+and\s+(?!(?:its|their|his|her|other|allied|local|several|some)\b)", re.I
)
#: Where the second party's words end: a comma before the place or time of the fight
#: ("…, near Zusmarshausen in the modern district of Augsburg, Bavaria").
_PARTY_END = re.compile(
    r",\s+(?:near|in|at|on|during|outside|off|close\s+to|as\s+part\s+of|part\s+of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\b",
    re.I,
)
#: Words that qualify a state's name and name no one alone ("Great Britain", "Holy Roman Empire":
#: "Frederick the Great" is no Briton).
_NAME_QUALIFIERS = frozenset(
    "great holy new old free upper lower north south east west northern southern eastern "
    "western central greater grand first second third".split()
)
#: A list of capitalised words ("British, Hanoverian and Austrian").
_WORD_LIST = re.compile(r"[A-Z][\w'’-]+(?:(?:,\s+and\s+|,\s+|\s+and\s+)[A-Z][\w'’-]+)+")
#: A relative clause inside a party's words, up to its closing comma.
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where|when)\b[^,;.]{0,200}")
#: How far before and after an opposing word a party's words are read, and how many opposing
#: words (and "between … and" readings) of one sentence are tried.
_REACH = 400
_MAX_READINGS = 6
#: A lead's sentences read for an opposition, at most.
_SPLIT_SENTENCES = 8


def _words(text: str) -> list[str]:
    """The capitalised words of *text*, a hyphenated compound's parts apart ("Imperial-Bavarian"
    → "Imperial", "Bavarian"; "Hesse-Kassel" → "Hesse", "Kassel")."""
    return [p for w in _WORD.findall(text) for p in w.split("-") if p[:1].isupper()]


def _name_words(names: list[str]) -> list[set[str]]:
    """Each name's words that tell it from the others and name someone: "Hanover"; not
    "Empire", "Great", nor "Vietnam" of "South Vietnam" beside "North Vietnam"."""
    words = [
        {w for w in (_norm(x) for x in _words(n)) if len(w) >= 4}
        - _FILLER
        - _RANKS
        - _NAME_QUALIFIERS
        for n in names
    ]
    return [
        w - set().union(*(o for j, o in enumerate(words) if j != i)) for i, w in enumerate(words)
    ]


def _echoes(name: str, words: set[str], segment: str) -> bool:
    """Whether a text *segment* names the actor *name*: the whole name, or one of its *words*
    ("Hanover" in "Hanoverian", "France" in "French")."""
    return name in segment or (bool(words) and any(_ties(w, words) for w in _words(segment)))


def _tied(word: str, words: list[set[str]]) -> bool:
    """Whether *word* ties to one of the names' *words* (see :func:`_ties`)."""
    return any(_ties(word, ws) for ws in words if ws)


def _unnamed_allies(segment: str, words: list[set[str]]) -> bool:
    """Whether a party's words say it had allies that no name echoes ("their Native American
    allies"; not "their Choctaw allies" beside the name Choctaw)."""
    return any(
        not any(_tied(w, words) for w in _words(m.group()))
        for m in _UNNAMED_ALLIES.finditer(segment)
    )


def _spare_peoples(segment: str, echoed: list[set[str]]) -> int:
    """The peoples a segment lists beside one a name echoes and that no name echoes ("Austrian"
    in "British, Hanoverian and Austrian troops" beside "Great Britain", "Hanover")."""
    spare = 0
    for m in _WORD_LIST.finditer(segment):
        members = _words(m.group())
        hit = [_tied(w, echoed) for w in members]
        if any(hit):
            spare += sum(
                1 for w, h in zip(members, hit, strict=True) if not h and _norm(w) in DEMONYMS
            )
    return spare


#: A reading of a sentence that fits more than one split.
_AMBIGUOUS = -1


def _split_of(names: list[str], words: list[set[str]], before: str, after: str) -> int | None:
    """The split one reading of a sentence gives (its party *before* the opposing words and
    its party *after* them), :data:`_AMBIGUOUS` when several fit; None when it ties no name,
    or a name to both parties."""
    # (the second party's words end at the first comma, or before the place or time of the
    # fight: "Loyalist militias in South Carolina during …, resulting in a victory for the
    # Patriots")
    end = _PARTY_END.search(after)
    after = after[: end.start()] if end else after
    clause = _CLAUSE_AFTER_PARTY.search(after)
    after = after[: clause.start()] if clause else after
    labels: list[str | None] = []
    for name, ws in zip(names, words, strict=True):
        a, b = _echoes(name, ws, before), _echoes(name, ws, after)
        labels.append("both" if a and b else "a" if a else "b" if b else None)
    if "both" in labels or not any(labels):
        return None
    fits = [
        k
        for k in range(1, len(names))
        if len({x for x in labels[:k] if x}) <= 1
        and len({x for x in labels[k:] if x}) <= 1
        and not ({x for x in labels[:k] if x} & {x for x in labels[k:] if x})
    ]
    if len(fits) <= 1:
        return fits[0] if fits else None
    # "A Pragmatic Army of British, Hanoverian and Austrian troops … defeated a French army"
    # over "Great Britain ⏎ Hanover ⏎ Habsburg monarchy ⏎ France": the names between the two
    # sides' go to the side that lists peoples no name echoes beside ones a name does, when
    # only one side does, as many as there are such names
    spare = (_spare_peoples(before, words), _spare_peoples(after, words))
    taker = _only_one(
        spare[0] >= len(fits) - 1 and not spare[1], spare[1] >= len(fits) - 1 and not spare[0]
    )
    if taker is None and {x for x in labels if x} == {"a", "b"}:
        # ("United States forces and their Native American allies … defeated the Red Sticks":
        # the party that says it had allies it does not name takes the names between)
        allies = (_unnamed_allies(before, words), _unnamed_allies(after, words))
        taker = _only_one(allies[0] and not allies[1], allies[1] and not allies[0])
    if taker is None:
        return _AMBIGUOUS
    first = next(x for x in labels if x)
    return fits[-1] if taker == first else fits[0]


def _only_one(a: bool, b: bool) -> str | None:
    """ "a" or "b", the one party of which a tie-break holds; None when it holds of neither."""
    return "a" if a else "b" if b else None


def split_by_lead(names: list[str], lead: list[str]) -> int | None:
    """Where the second side starts in one list of belligerents copied with nothing between
    the two sides' cells (a desktop Firefox copy: "Belligerents ⏎ Prussia ⏎ France ⏎ Holy
    Roman Empire"), told by the lead's first sentence that opposes the parties ("Frederick the
    Great defeated an allied army of French troops and the Reichsarmee of the Holy Roman
    Empire"): the names it echoes before and after the opposing words. The one split that
    keeps each side's names together and puts no name the sentence ties to one side on the
    other; None when no sentence ties a name, or more than one split fits (a name it does not
    echo sits between the two sides' names), or the sentence's readings disagree."""
    if len(names) < 2:
        return None
    words = _name_words(names)
    for text in lead[:_SPLIT_SENTENCES]:
        # (a relative clause names places and others, no party: "A French army, which had
        # overrun much of Hanover, was defeated by …"; each reading is bounded, so a sentence
        # of many opposing words costs linear time)
        text = _RELATIVE.sub(lambda m: " " * len(m.group()), text)
        pairs = [
            (text[max(0, m.start() - _REACH) : m.start()], text[m.end() : m.end() + _REACH])
            for m in islice(_OPPOSING.finditer(text), _MAX_READINGS)
        ]
        for m in islice(_VICTORY_FOR.finditer(text), _MAX_READINGS):
            pairs.append((m.group("a"), text[m.end() : m.end() + _REACH]))
        for m in islice(_BETWEEN.finditer(text), _MAX_READINGS):
            clause = text[m.end() : m.end() + _REACH]
            pairs += [
                (clause[: a.start()], clause[a.end() :])
                for a in islice(_BETWEEN_AND.finditer(clause), _MAX_READINGS)
            ]
        # (every reading must agree: "between the Spanish and Tlaxcalan forces under Cortés
        # and the army of the Triple Alliance" read at its first "and" ties both parties, and
        # wrongly)
        found = {k for before, after in pairs if (k := _split_of(names, words, before, after))}
        if len(found) == 1 and _AMBIGUOUS not in found:
            return found.pop()
        if found:
            return None  # the sentence reads two ways, or leaves the split open
    return None
