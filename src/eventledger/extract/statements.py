"""Statements: the atoms of evidence, from infobox fields and body sentences.

Every statement has a property, its raw text and span (``input[start:end] == text``), its
normalised value, its origin (infobox, body, caption), the references that support it and
the kind of support:

* ``direct`` — the field or sentence carries its own marker;
* ``covered`` — a body sentence without a marker is covered by the next marker in the same
  paragraph (the encyclopedic convention); the covering references are recorded;
* ``unsourced`` — neither.

Which sentences yield which statements:

* casualty figures come from infobox fields (deaths, injuries, casualties per side, strength)
  and from body sentences that say people died, were killed, wounded, captured or went
  missing (:func:`eventledger.normalise.numbers.figures_in_sentence` decides); captions never
  give casualty figures or dates (a caption dates a photograph, not the event);
* the event date comes from the infobox; only a page without an infobox date takes the first
  date of its lead paragraph;
* actors (perpetrators, targets, combatants, commanders), attack types, motive, result and
  part-of come from the infobox.
"""

from __future__ import annotations

import bisect
import re
from copy import deepcopy
from dataclasses import fields, replace
from datetime import date, timedelta
from typing import Any

from eventledger.extract.notes import is_note, note_citations
from eventledger.models import Document, Field, Infobox, MappedText, Sentence, Statement
from eventledger.normalise.actors import (
    SUPPORT_OPENING,
    doubting_label,
    is_support_label,
    names_nobody,
    split_actors,
)
from eventledger.normalise.dates import (
    MONTH_NAMES,
    DateError,
    DateValue,
    dates_after,
    find_dates,
    human_date,
    month_number,
    parse_date,
    span_until,
)
from eventledger.normalise.numbers import (
    AMONG_THE_DEAD,
    ONLY_PERPETRATORS,
    PEOPLE_NOUNS,
    PERPETRATOR_NOUNS,
    PLURAL_PEOPLE,
    Figure,
    exact_value,
    figures_in_field,
    figures_in_sentence,
    party_of,
    word_value,
)
from eventledger.normalise.places import (
    DEMONYMS,
    TOWN_QUALIFIER,
    coord_from_parameters,
    coord_parameter_role,
    countries_named,
    country_code,
    demonym_countries,
    large_town_country,
    near_country,
    resolve_place,
    stated_coord,
)

#: Property of a casualty statement by the figure's category.
CATEGORY_PROPERTY = {
    "killed": "deaths",
    "wounded": "injuries",
    "captured": "captured",
    "missing": "missing",
    "casualties": "casualties",
    None: "casualties",
}

#: Default category of a figure by the infobox key it stands in.
FIELD_CATEGORY = {
    "deaths": "killed",
    "injuries": "wounded",
    "missing": "missing",
    "casualties": "casualties",
    "casualties_other": "casualties",
    "victims": None,
    "strength": None,
}

_ACTOR_KEYS = {
    "executed_by": "combatant",  # a browser copy's operation box: side 1 (see plaintext)
    "perpetrators": "perpetrator",
    "target": "target",
    "combatants": "combatant",
    "commanders": "commander",
    "accused": "accused",
    "convicted": "convicted",
    "units": "unit",
}
_TEXT_KEYS = {
    "motive": "motive",
    "result": "result",
    "territory": "territory",
    "weapons": "weapons",
    "outcome": "outcome",
    "cause": "cause",
    "status": "status",
}


def sentence_support(doc: Document) -> dict[str, tuple[str, list[str]]]:
    """Return ``{sentence id: (support, refs)}`` for every sentence of the document.

    A sentence's markers support it (``direct``); a sentence without one is ``covered`` by the
    next marked sentence of its paragraph, else ``unsourced``. An explanatory note
    (:func:`~eventledger.extract.notes.is_note`) is no source: its marker supports the sentence
    only through the citations inside the note (their ids become the sentence's refs; a note
    that cites in its own text, ``{{harvnb|…}}``, is itself the ref), and a sentence whose
    markers are notes without citations counts as having no marker.
    """
    notes = document_notes(doc)
    out: dict[str, tuple[str, list[str]]] = {}
    by_par: dict[tuple[str, int], list[Sentence]] = {}
    for s in doc.sentences:
        by_par.setdefault((s.origin, s.paragraph), []).append(s)
    for sentences in by_par.values():
        pending: list[Sentence] = []
        for s in sentences:
            refs = _dedupe(
                [
                    rid
                    for m in s.markers
                    if m.ref
                    for rid in (notes[m.ref] if m.ref in notes else [m.ref])
                ]
            )
            if refs or any(m.ref is None or m.ref not in notes for m in s.markers):
                out[s.id] = ("direct", refs)
                for p in pending:
                    out[p.id] = ("covered", refs)
                pending = []
            else:
                pending.append(s)
        for p in pending:
            out[p.id] = ("unsourced", [])
    return out


def document_notes(doc: Document) -> dict[str, list[str]]:
    """The document's explanatory notes: ``{note id: ids of the citations inside it}``."""
    notes = [r for r in doc.references if is_note(r.text, r.group, r.bibliography)]
    if not notes:
        return {}
    ids = {r.id for r in notes}
    return note_citations(
        ((r.id, r.span, r.text) for r in notes),
        ((r.id, r.span, r.text) for r in doc.references if r.id not in ids and not r.bibliography),
    )


def _dedupe(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.items: list[Statement] = []

    def add(self, prop: str, span: tuple[int, int], origin: str, **kw: Any) -> Statement:
        st = Statement(
            id=f"st{len(self.items) + 1}",
            property=prop,
            text=self.doc.input[span[0] : span[1]],
            span=span,
            origin=origin,
            **kw,
        )
        self.items.append(st)
        return st

    def add_from_sentence(
        self,
        prop: str,
        s: Sentence,
        start: int,
        end: int,
        support: dict[str, tuple[str, list[str]]],
        **kw: Any,
    ) -> Statement:
        """A body statement over ``s.plain.text[start:end]``, with the sentence's support."""
        sup, refs = support.get(s.id, ("unsourced", []))
        return self.add(
            prop,
            s.plain.span_of(start, end),
            "body",
            refs=refs,
            support=sup,
            sentence=s.id,
            section=s.section,
            **kw,
        )


def _field_support(f: Field) -> tuple[list[str], str]:
    refs = _dedupe(f.refs or [m.ref for m in f.markers if m.ref])
    return refs, ("direct" if refs else "unsourced")


def _value_span(f: Field) -> tuple[int, int]:
    """The span of a field's value (without its label), or the field's span when empty."""
    text = f.plain.text
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip())
    return f.plain.span_of(a, b) if b > a else f.span


def _figure_span(plain: MappedText, fig: Figure) -> tuple[int, int]:
    return plain.span_of(fig.start, fig.end)


#: What joins the items of a list of figures in a sentence ("19 students and 2 teachers"; "300
#: Russian and 150 Ukrainian soldiers", where the first item's group is an adjective).
_LIST_JOIN = re.compile(
    r"(?:\s+(?P<adj>[A-Z][\w-]+)(?:\s+(?:people|persons|men|women))?"
    # "shot dead sixteen pupils and one teacher": the first item's noun outside its figure
    # ("two NSG commandos and one police officer": an acronym before the noun too)
    rf"|\s+(?:[a-z-]+\s+|[A-Z]{{2,6}}\s+)?(?P<noun>(?i:{PEOPLE_NOUNS}|people|persons)))?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
#: In an infobox field, also the words naming a bare number's group: "58 foreign tourists, 3
#: police officers" (a sentence's figures carry their nouns; a field's bare ones do not).
_FIELD_LIST_JOIN = re.compile(
    r"(?:\s+(?P<adj>[A-Z][\w-]+)|(?:\s+[A-Za-z][\w'’-]*){1,3})?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
#: A figure's own noun, a group of people it counts ("19 students", "2 teachers").
_COUNTED_NOUN = re.compile(
    # ("38 elementary school children": two words before the noun)
    r"[\d,.]+\s+(?:[A-Za-z-]+\s+){0,2}?(?P<noun>[a-z][a-z-]+s|men|women|children|people)\b"
)


_PEOPLE_AFTER_NUMBER = re.compile(
    r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    rf"fifty|hundred)[\w-]*)\s+(?:[A-Za-z-]+\s+)?(?P<noun>{PEOPLE_NOUNS})\b",
    re.I,
)


#: The group a bare number of a list counts, named by the words after it up to the list's
#: next separator ("58 foreign tourists, …").
_GROUP_AFTER_RAW = re.compile(
    r"\s+(?P<g>(?!and\b)[A-Za-z][A-Za-z'’-]*(?:\s+(?!and\b)[A-Za-z][A-Za-z'’-]*){0,2})\s*"
    r"(?=,|\band\b|$|\n)"
)


def _group_after(text: str, start: int, end: int) -> str | None:
    """The people a bare number of a field's list counts, named by the words after it ("58
    foreign tourists", "1 tour guide", "4 Egyptians"); None for a qualifier ("58 confirmed",
    "50 per police", "13 initially") or anything else."""
    m = _GROUP_AFTER_RAW.match(text, start, end)
    if m is None:
        return None
    words = m.group("g").split()
    if any(w.lower() in _NOT_PART or w.lower() in _QUALIFIER_WORDS for w in words):
        return None
    last = words[-1]
    if not (
        _names_part(last)
        or _PEOPLE_LAST.fullmatch(last)
        or last.lower() in ("guide", "guides", "driver", "drivers", "employee")
    ):
        return None
    return m.group("g")


#: Words after a number that qualify it rather than name whom it counts.
_QUALIFIER_WORDS = frozenset(
    "per according initially eventually later possible possibly official unofficial least most "
    "estimated estimate estimates claimed claim confirmed unconfirmed reported total dead killed "
    "wounded injured missing".split()
)


#: "two white people", "40 Jewish men": a count, an adjective and a noun of people.
_ADJ_PEOPLE = re.compile(r"\S+\s+(?P<adj>[A-Za-z-]{3,})\s+(?:people|persons|men|women)\b")
_COUNT_QUALIFIERS = frozenset(
    "at least about around some over nearly almost approximately c. ca. circa approx. roughly "
    "~".split()
)


def _bare_count(text: str) -> bool:
    """Whether a figure's text is a number alone ("300", "six", "At least six"): its group is
    named by the words after it, outside the figure."""
    toks = text.split()
    if not toks or len(toks) > 3:
        return False
    last = toks[-1].replace(",", "")
    return (last.isdigit() or word_value(last) is not None) and all(
        t.lower() in _COUNT_QUALIFIERS for t in toks[:-1]
    )


#: After a figure of the wounded: some of them died later ("wounded eight others, two of whom
#: later died of their wounds").
_LATER_DIED = re.compile(r"(?:\s+(?:others|other\s+people|people|more))?\s*,?\s*(?:and\s+)?$", re.I)
_OF_WHOM_DIED = re.compile(
    r"\s+of\s+whom\s+(?:later\s+|subsequently\s+|eventually\s+|afterwards\s+)?"
    r"(?:died|succumbed)\b",
    re.I,
)


def _died_later(text: str, figs: list[Figure]) -> dict[int, int]:
    """Figures of the wounded some of whom died later, by index, with the index of the figure
    of those who died: "killed three people and wounded eight others, two of whom later died"
    (the eight's index → the two's). The two are more dead beside the three, and no more
    wounded: the wounded who lived are six."""
    out: dict[int, int] = {}
    for k in range(1, len(figs)):
        prev, fig = figs[k - 1], figs[k]
        if (
            prev.category == "wounded"
            and fig.category == "killed"
            and not prev.subset
            # the dead told before the wounded, in the same sentence ("killed three people and
            # wounded eight others, two of whom …"; not "wounded two of the gunmen, one of whom
            # later died", nor another event's wounded)
            and any(x.category == "killed" and not x.subset for x in figs[: k - 1])
            and _LATER_DIED.match(text[prev.end : fig.start])
            and _OF_WHOM_DIED.match(text, fig.start + len(fig.text.split()[0]))
            and exact_value(fig) is not None
        ):
            out[k - 1] = k
    return out


def _capitalised_after_count(text: str) -> str | None:
    """The capitalised word right after a figure's number ("129 Koreans captured", "killed 3
    Israelis", "c. 5,000 Native Americans dead"), lower-cased: the people it counts."""
    words = text.split()
    for k, w in enumerate(words[:-1]):
        if w[:1].isdigit() or word_value(w) is not None:
            nxt = words[k + 1]
            return nxt.lower() if nxt[:1].isupper() else None
    return None


def _listed_parts(text: str, figs: list[Figure], *, field: bool = False) -> dict[int, int]:
    """Figures of one sentence listed as the parts of one toll, by index: ``{index: list}``.

    Domain rule: "19 students and 2 teachers were killed", "killing 12 civilians, 3 police
    officers and 2 soldiers": figures of one category joined by "and" or commas, each counting
    a different group of people, count different people: the toll is their sum, not a choice
    between them. A figure that is a subset ("including 10 children"), a bare number or a
    repeated group stays as it was."""
    out: dict[int, int] = {}
    k = 0
    i = 0
    while i < len(figs):
        j = i
        labels: list[str | None] = []
        while j + 1 < len(figs) and figs[j + 1].category == figs[i].category:
            join = (_FIELD_LIST_JOIN if field else _LIST_JOIN).fullmatch(
                text, figs[j].end, figs[j + 1].start
            )
            if join is None or figs[j + 1].subset:
                break
            labels.append(join.groupdict().get("adj") or join.groupdict().get("noun"))
            j += 1
        run = figs[i : j + 1]
        groups = []
        for n, f in enumerate(run):
            m = _COUNTED_NOUN.search(f.text)  # ("Nearly 80 police officers")
            adj = labels[n] if n < len(labels) else None
            bare = _bare_count(f.text)
            nxt = figs[i + n + 1].start if i + n + 1 < len(figs) else len(text)
            after = _group_after(text, f.end, nxt) if bare and field else None
            if adj is not None and (
                bare
                or not adj[:1].isupper()
                # "killing ten Kenyans and three Israelis": the verb's count, its people after
                or (len(f.text.split()) == 2 and _bare_count(f.text.split()[1]))
            ):
                # "300 Russian and …": the adjective names it; "sixteen pupils and …": the noun
                groups.append(adj.lower())
            elif after is not None:
                # "58 foreign tourists, 3 police officers, 1 tour guide": the words after a
                # bare number of a list name its group
                groups.append(after.lower())
            elif m is not None:
                # "150 Ukrainian soldiers": the adjective before the noun names the group
                words = m.group(0).split()
                groups.append((words[1] if len(words) > 2 else m.group("noun")).lower())
            elif (people := _capitalised_after_count(f.text)) is not None:
                groups.append(people)  # "129 Koreans captured", "3 Israelis", "c. 5,000 Native …"
            elif am := _ADJ_PEOPLE.match(f.text):
                groups.append(am.group("adj").lower())  # "two white people were killed"
            else:
                # "murdered twelve students", "one teacher": the people noun after the number
                pm = _PEOPLE_AFTER_NUMBER.search(f.text)
                if pm is None and field:
                    # "1 police sergeant, 5 firefighters": the noun after the figure's words
                    pm = _PEOPLE_AFTER_NUMBER.match(text, f.start, nxt)
                groups.append(pm.group("noun").lower().rstrip("s") if pm else "")
        if (
            len(run) >= 2
            and not any(f.subset for f in run)
            and all(groups)
            and len(set(groups)) == len(run)
        ):
            out.update({n: k for n in range(i, j + 1)})
            k += 1
        i = j + 1
    return out


#: A clause that says part of a group died, then a colon that opens the ways it died ("Most
#: of the villagers were killed after resistance had ended: eight died when …, and twelve
#: prisoners were shot"): the figures after the colon count some of that group.
_SOME_OF_GROUP_COLON = re.compile(
    r"\b(?:most|many|some|several|half|the\s+majority|a\s+number)\s+of\s+(?:the|them|these|"
    r"those)\b[^:;.]{0,60}?\b(?:(?:were|was)\s+(?:\w+\s+)?(?:killed|shot|executed|murdered|"
    r"massacred|slain|burned|burnt)|died|perished|lost\s+their\s+lives)\b[^:;.]{0,100}:(?!\d)",
    re.I,
)
#: Quotation marks: a quoted order or slogan ("ordered "no wounded, no prisoners"") is
#: someone's words, no count (a spokesman who said "no one was injured" reports one).
_QUOTE_CHARS = '"“”'
_ORDER_BEFORE_QUOTE = re.compile(
    r"\b(?:order(?:ed|s)?|command(?:ed|s)?|instruct(?:ed|ions?)|slogans?|shout(?:ed|ing)|"
    r"chant(?:ed|ing)|motto|policy|watchword)\b[^.;]{0,30}$",
    re.I,
)


def _some_of_group(text: str, figs: list[Figure]) -> list[Figure]:
    """The figures of a sentence with the parts after :data:`_SOME_OF_GROUP_COLON` marked as
    subsets, and without the zero counts ("no wounded") inside a quoted order or slogan."""
    m = _SOME_OF_GROUP_COLON.search(text) if ":" in text else None
    out = []
    for fig in figs:
        if m is not None and fig.start >= m.end() and not fig.subset:
            fig = replace(fig, subset=True)
        if fig.best == 0 and fig.high == 0:
            before = sum(text.count(q, 0, fig.start) for q in _QUOTE_CHARS)
            after = any(q in text[fig.end :] for q in _QUOTE_CHARS)
            opened = max(text.rfind(q, 0, fig.start) for q in _QUOTE_CHARS)
            if before % 2 == 1 and after and _ORDER_BEFORE_QUOTE.search(text, 0, max(opened, 0)):
                continue
        out.append(fig)
    return out


#: The singular of each people noun ("soldier", "policeman"), and words for one person.
_ONE_PERSON = "|".join(
    ["child", "baby", "infant", "man", "woman", "boy", "girl", "person", "policeman"]
    + [
        alt[:-2]
        for alt in PEOPLE_NOUNS.split("|")
        if alt.endswith("s?") and alt not in ("prisoners?", "inmates?", "hostages?")
    ]
)
#: One more person joined to a count ("killed 33 civilians and a full-term unborn child",
#: "Twenty-six people and an unborn child died"): the count and the one, a toll of n + 1.
_AND_ONE_MORE = re.compile(
    r"\s+and\s+(?:a|an|one)\s+"
    r"(?:(?!(?:few|dozen|hundred|thousand|number|couple|handful|score|lot|group|pair|third|"
    r"quarter|half|further|more|other|was|were|is|are|had|has|have|been|being|later|also)\b)"
    r"[a-z][\w-]*\s+){0,3}?"
    rf"(?:{_ONE_PERSON})\b(?!\s+of\b)"
    # the one opens a clause of its own ("and a police officer was wounded"): not counted in
    r"(?!\s+(?:was|were|is|are|had|has|have|got|later|also|then)\b)",
    re.I,
)


def _and_one_more(text: str, fig: Figure, figs: list[Figure]) -> Figure:
    """*fig* with the one person the text joins to it counted in (see :data:`_AND_ONE_MORE`),
    unless that one is a figure of its own ("twelve students and one teacher": a list)."""
    if fig.subset or fig.unknown or fig.category is None:
        return fig
    if fig.low is None and fig.best is None and fig.high is None:
        return fig
    # (the figure may end inside the one's words: "killed two garbage collectors and a
    # police", its party, before "officer"; the search reads a bounded stretch past it)
    m = _AND_ONE_MORE.match(text, fig.end) or _AND_ONE_MORE.search(
        text, fig.start, min(len(text), fig.end + 200)
    )
    if m is not None and m.start() > fig.end:
        m = None
    if m is None or any(o is not fig and m.start() <= o.start < m.end() for o in figs):
        return fig
    end = max(fig.end, m.end())
    return replace(
        fig,
        text=text[fig.start : end],
        end=end,
        low=None if fig.low is None else fig.low + 1,
        best=None if fig.best is None else fig.best + 1,
        high=None if fig.high is None else fig.high + 1,
    )


def _figure_kw(fig: Figure) -> dict[str, Any]:
    return {
        "category": fig.category,
        "party": fig.party,
        "comparator": fig.comparator,
        "low": fig.low,
        "best": fig.best,
        "high": fig.high,
        "attribution": fig.attribution,
        "subset": fig.subset,
        "value": {"approximate": fig.approximate, "unknown": fig.unknown}
        | ({"additional": True} if fig.additional else {}),
    }


#: The label of an infobox's assailants field ("assailant", "Assailant(s)").
_ASSAILANT_LABEL = re.compile(r"\s*assailants?\s*(?:\(s\))?\s*", re.I)


def _link_tuples(f: Field) -> list[tuple[str, str | None, int, int]]:
    """The field's links as :func:`_plain_links` takes them."""
    return [(lk.text, lk.target, *lk.span) for lk in f.links]


def _assailants_apart(box_fields: list[Field]) -> list[Field]:
    """The assailants fields of an infobox whose perpetrator field names an actor: the persons
    who carried the attack out ("assailant = Hafeez Nawaz" beside "perpetrator = Islamic
    State – Khorasan Province") are no perpetrators of their own; without a named perpetrator
    the assailants are the perpetrators."""
    assailants = [
        f for f in box_fields if f.key == "perpetrators" and _ASSAILANT_LABEL.fullmatch(f.label)
    ]
    if not assailants:
        return []
    # an assailant no one has named ("Unidentified male suicide bomber") is nobody's name
    unnamed = [f for f in assailants if _UNNAMED.match(f.plain.text)]
    # a named group: a linked actor ("[[Islamic State – Khorasan Province]]"), or, unlinked
    # (a browser copy has no links), an armed group or a state's force by its name ("al-Qaeda
    # in Iraq"), not a description ("Lone gunman", "Unknown gunmen", "Two gunmen")
    named = any(
        f.key == "perpetrators"
        and f not in assailants
        and any(
            (a.link is not None or (a.kind in ("state", "non-state") and _A_NAME.search(a.name)))
            and not names_nobody(a.name)
            and not _HEAD_COUNT.match(a.name)
            and not re.match(r"(?i)un(?:known|identified)\b", a.name)
            for item in (f.items or [f.plain])
            for a in split_actors(item.text, _plain_links(item, _link_tuples(f)))
        )
        for f in box_fields
    )
    return assailants if named else unnamed


#: An unlinked actor's name, not a description ("al-Qaeda in Iraq", "Hamas", "ETA"; not "Lone
#: gunman", "Two gunmen"): a capitalised word after the first, or an acronym, or one
#: capitalised word that is no common noun.
_A_NAME = re.compile(
    r"\s(?:al-|el-)?[A-Z]|\b[A-Z]{2,}\b|^(?!(?i:gunm[ae]n|attackers?|militants?|terrorists?|"
    r"bombers?|shooters?|perpetrators?|assailants?|insurgents?|rebels?)$)[A-Z][\w'’-]+$"
)
#: An assailants value that names nobody: "Unidentified male suicide bomber", "Unknown".
_UNNAMED = re.compile(r"\s*(?:an?\s+)?(?:un(?:known|identified|named)|not\s+identified)\b", re.I)


#: A line that holds only a period: "1793–1798", "From 1827:".
_PERIOD_ITEM = re.compile(
    r"(?:(?:from|until|since|after|before)\s+)?\d{3,4}(?:\s*[–—-]\s*(?:\d{2,4}|present))?:?",
    re.I,
)
#: Between two lines of a field, what starts a new group: a rule, an empty line, a bold line.
_GROUP_BREAK = re.compile(r"<hr\b|^-{4,}|\n\s*\n|<br\s*/?>\s*<br", re.I | re.M)
_BOLD = "'" * 3


def _new_group(raw: str, prev_end: int | None, span: tuple[int, int]) -> bool:
    """Whether the field's markup between the previous line and this one (at *span*) starts a
    new group: "<hr>", "----", an empty line, or a bold heading line with no colon."""
    if prev_end is None or prev_end > span[0]:
        return False
    if _GROUP_BREAK.search(raw, prev_end, span[0]):
        return True
    # (the bold opens the line itself, right before its text; not the label's closing bold)
    return raw.startswith(_BOLD, span[0] - 3) and ":" not in raw[span[0] : span[1] + 4]


def _linked_country(f: Field) -> str | None:
    """The one country a location field's links name in their disambiguated targets but not
    in their text ("[[Tripoli, Lebanon|Tripoli]]": LB), or None."""
    found: set[str] = set()
    named: set[str] | None = None
    for lk in f.links:
        target = (lk.target or "").replace("_", " ").strip()
        shown = (lk.text or "").strip()
        if not target or target == shown or target.split("#")[0].strip() == shown:
            continue
        if "," not in target:
            # "[[Novi Sad|Újvidék]], … Hungary", "[[Pinsk|Pińsk]], … Poland": a town shown by
            # its name of the time links the town by its name now, and the town is where it
            # lies now, when it lies in or near a country the text names (read alone, the
            # target may be a namesake far away: "[[Valencia|València]], Spain" is no town
            # in Venezuela, "[[Smyrna|Smyrna (İzmir)]]" none in the United States)
            town = resolve_place(target)
            if not (town.feature == "city" and town.where_prec == 1 and town.country):
                continue
            if named is None:
                named = countries_named(f.plain.text)
            shown_countries = countries_named(shown)
            if town.country in shown_countries:
                continue
            if not named:
                # no country in the text: the target when it names a large town of one
                # country ("[[Chennai|Madras]]", "[[Izmir|Smyrna]]"; not "Troy")
                big = large_town_country(target)
                if big is not None and big not in shown_countries:
                    found.add(big)
                continue
            if town.country in named or (
                town.lat is not None
                and town.lon is not None
                and any(near_country(town.lat, town.lon, cc) for cc in named)
            ):
                found.add(town.country)
            continue
        qualifier = target.rsplit(",", 1)[1].strip()
        named = countries_named(qualifier)
        if len(named) == 1 and countries_named(shown) != named:
            found |= named
    return found.pop() if len(found) == 1 else None


def extract_statements(
    doc: Document, support: dict[str, tuple[str, list[str]]] | None = None
) -> list[Statement]:
    """All statements of the document, infobox first, then body sentences in order.

    *support* is :func:`sentence_support` of *doc* when the caller has it already."""
    b = _Builder(doc)
    box = doc.infobox
    has_box_date = False
    if box is not None:
        apart = _assailants_apart(box.fields)
        for f in _operation_sides(box) if box.template == "military operation" else box.fields:
            if f in apart:
                continue
            _from_field(b, f)
            has_box_date |= f.key == "date" and bool(f.plain.text.strip() or f.hints)
    if support is None:
        support = sentence_support(doc)
    # the prose rules read English; a page in another language gives infobox statements only
    english = (doc.source.language or "en").lower().startswith("en")
    for s in doc.sentences if english else ():
        if s.origin != "body":
            continue
        figs = _some_of_group(s.plain.text, figures_in_sentence(s.plain.text))
        figs = [_and_one_more(s.plain.text, x, figs) for x in figs]
        later = _died_later(s.plain.text, figs)
        died = set(later.values())
        figs = [
            replace(x, subset=True, additional=True) if k in died else x for k, x in enumerate(figs)
        ]
        lists = _listed_parts(s.plain.text, figs)
        for n_fig, fig in enumerate(figs):
            kw = _figure_kw(fig)
            if n_fig in lists:
                kw["value"] = {**kw["value"], "list": f"{s.id}:{lists[n_fig]}"}
            if n_fig in later:
                # "wounded eight others, two of whom later died": the wounded as written, two
                # of them dead (the event's injuries are the others: assemble)
                kw["value"] = {**kw["value"], "died_later": exact_value(figs[later[n_fig]])}
            inc = _PROSE_INCLUDING_PERPETRATORS.match(s.plain.text, fig.end)
            n_perp = _perpetrators_counted(inc) if inc is not None and not fig.subset else None
            if n_perp:
                # "29 people died, including the five perpetrators": as the infobox's
                # "(including …)", the toll as written counts them (assemble._victims_counted)
                kw["value"] = {**kw["value"], "perpetrators_included": n_perp}
            b.add_from_sentence(
                CATEGORY_PROPERTY.get(fig.category, "casualties"),
                s,
                fig.start,
                fig.end,
                support,
                **kw,
            )
    box_place = box is not None and any(
        f.key in ("location", "coordinates") and (f.plain.text.strip() or "coord" in f.hints)
        for f in box.fields
    )
    if box is not None and not any(
        st.property in ("location", "coordinates") and st.value and st.value.get("coord")
        for st in b.items
    ):
        box_place |= _parameter_coordinates(b, box.fields)
    if english:
        _one_named_victim(b, doc, support)
    if english and not has_box_date:
        _lead_date(b, doc, support)
    if english and not box_place:
        _lead_location(b, doc, support)
    elif english:
        _lead_town_in_box_place(b, doc, support)
    if english:
        _lead_actors(b, doc, support)
    _bare_figures_dead(b.items)
    _bare_figures_broken_down(b.items, doc)
    if doc.coords and not any(
        st.property in ("location", "coordinates") and st.value and st.value.get("coord")
        for st in b.items
    ):
        # the page's own {{coord|…|display=title}}, outside the infobox
        (lat, lon), span = doc.coords[0]
        b.add(
            "coordinates",
            span,
            "body",
            value={"text": doc.input[span[0] : span[1]], "coord": [lat, lon]},
        )
    return b.items


def _lead_actors(b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]) -> None:
    """Sides or perpetrators from the lead's sentences, when the infobox names no actor; the
    sides of a battle or war whose lead names none from its first narrative section.

    The rules are :func:`eventledger.extract.prose_actors.lead_actors`'s; a named attacker
    whose kind is unknown acts for no state (``non-state``), as in the infobox.
    """
    from eventledger.extract.assemble import event_kind
    from eventledger.extract.prose_actors import (
        frequent_opponent,
        frequent_sides,
        lead_actors,
        narrative_opponent,
        narrative_sides,
    )

    if any(st.property == "perpetrator" for st in b.items):
        return  # the infobox's perpetrators
    kind = event_kind(doc)
    body = doc.body()
    lead = [s for s in body if s.section == body[0].section] if body else []
    if kind in ("battle", "war"):
        _split_belligerents(b, lead)
    if kind != "attack" and any(
        st.property == "combatant" or st.side is not None for st in b.items
    ):
        # the infobox's sides, or its side columns that prose sides could not match (an
        # attack's page with a civil conflict box, "side1 = Mourners / side2 = Police", still
        # takes its perpetrators from the lead: "members of the South African Police opened
        # fire on a crowd")
        return
    # the lead section, all its paragraphs: the later ones often name the parties ("On 24
    # February the Russian army attempted to capture Sumy. Ukrainian paratroopers … began
    # engaging Russian forces")
    found = lead_actors(lead, kind)
    narrative = _narrative(doc) if kind in ("battle", "war") else []
    if not found:
        # a lead that names no party: the opening of the first narrative section (not
        # Background, Prelude …) often does ("Russian forces launched an assault on …")
        section = [s for s in narrative if s.section == narrative[0].section] if narrative else []
        found = narrative_sides(section, kind)
    if found and all(m.side == 1 for m in found) and narrative:
        # side 1 alone: its opponent is often named only in the narrative's opening ("On the
        # evening of 26 February, Ukrainian forces held the Russian Forces"), read from the
        # sentence after side 1's on
        one = found[0].sentence
        after = narrative[narrative.index(one) + 1 :] if one in narrative else narrative
        found = found + narrative_opponent(after, found)
    if kind in ("battle", "war") and (not found or all(m.side == 1 for m in found)):
        # no sentence opposes the parties: the states whose forces the lead and narrative name
        # most ("Russian forces began to defend Kupiansk" … "Ukrainian forces recaptured it"),
        # both sides, or side 1's opponent when side 1 is known
        in_lead = {id(s) for s in lead}
        text = lead + [s for s in narrative if id(s) not in in_lead]
        found = found + frequent_opponent(text, found) if found else frequent_sides(text, kind)
    sides = [
        (st.value.get("name") or "").casefold()
        for st in b.items
        if st.property == "combatant" and isinstance(st.value, dict)
    ]
    if kind == "attack" and sides:
        side_of = _side_named_generically(b, found)
        if side_of is not None:
            # "the killing of striking tin miners … by Bolivian government forces" beside a
            # box whose side 2 is "Bolivian Army / Carabineros": the side the lead's forces
            # are, its combatants the perpetrators (their statements' text and span)
            for st in [x for x in b.items if x.property == "combatant" and x.side == side_of]:
                b.add(
                    "perpetrator",
                    st.span,
                    st.origin,
                    value=dict(st.value),
                    refs=list(st.refs),
                    support=st.support,
                    field=st.field,
                )
            return
        # an attack's page with a civil conflict box: a lead perpetrator only when the box
        # names it as one of its sides (the lead may tell of the other side's killings)
        found = [
            m
            for m in found
            if m.role != "perpetrator"
            or any(
                x and (x in m.actor.name.casefold() or m.actor.name.casefold() in x) for x in sides
            )
        ]
    for m in found:
        actor_kind = m.actor.kind
        if m.role == "perpetrator" and actor_kind == "unknown" and _named_person(m.actor.name):
            actor_kind = "non-state"
        b.add_from_sentence(
            m.role,
            m.sentence,
            m.start,
            m.end,
            support,
            value={
                # "Red Army Faction (RAF)": the name, without its initials
                "name": _INITIALS_AFTER.sub("", m.actor.name) or m.actor.name,
                "link": None,
                "kind": actor_kind,
                "country": m.actor.country,
            },
            side=m.side,
        )


#: A state's forces named only by its people's adjective: "Bolivian government forces",
#: "Iranian troops", "the Chilean police".
_GENERIC_FORCES = re.compile(
    r"(?:the\s+)?(?P<d>[A-Z][a-z]{3,})\s+(?:(?:government|security|state|armed|army|military)\s+)?"
    r"(?:forces|troops|soldiers|police|policemen|army|military|gendarmes|gendarmerie)"
)


def _side_named_generically(b: _Builder, found: list[Any]) -> int | None:
    """The side of an attack page's conflict box whose state the lead's only perpetrator
    names by its people's adjective ("Bolivian government forces": side 2, "Bolivian Army
    (Ingavi Regiment) / Carabineros"): the one side with a combatant whose name holds the
    adjective or is its country; None when the lead names another perpetrator, a name of
    a side (read as such by the caller), or both sides or neither match."""
    perps = [m for m in found if m.role == "perpetrator"]
    if len(perps) != 1:
        return None
    m = _GENERIC_FORCES.fullmatch(perps[0].actor.name)
    if m is None or m.group("d").lower() not in DEMONYMS:
        return None
    adj = m.group("d")
    countries = demonym_countries(adj)
    matched: set[int] = set()
    for st in b.items:
        if st.property != "combatant" or st.side is None or not isinstance(st.value, dict):
            continue
        name = str(st.value.get("name") or "")
        if re.search(rf"\b{re.escape(adj[:5])}", name) or (
            len(countries) == 1 and country_code(name) in countries
        ):
            matched.add(st.side)
    if len(matched) != 1:
        return None
    side = matched.pop()
    kinds = {
        x.value.get("kind")
        for x in b.items
        if x.property == "combatant" and x.side == side and isinstance(x.value, dict)
    }
    # the state's forces: a side of state actors ("Bolivian tin miners (FSTMB)", the
    # victims' side, holds the adjective too)
    return side if kinds == {"state"} else None


def _split_belligerents(b: _Builder, lead: list[Sentence]) -> None:
    """An infobox's belligerents in one list of no side (a copy that kept nothing between the
    two sides' cells) take their sides from the lead's sentence that opposes them (see
    :func:`eventledger.extract.prose_sides.split_by_lead`); the statements keep their text,
    span and origin and only gain a ``side``."""
    from eventledger.extract.prose_sides import split_by_lead

    combatants = [st for st in b.items if st.property == "combatant"]
    if len(combatants) < 2 or any(st.side is not None for st in combatants):
        return
    if any(st.origin != "infobox" or st.field != combatants[0].field for st in combatants):
        return
    names = [str((st.value or {}).get("name") or st.text) for st in combatants]
    k = split_by_lead(names, [s.plain.text for s in lead])
    if k is None:
        return
    sides = {id(st): 1 if n < k else 2 for n, st in enumerate(combatants)}
    b.items = [replace(st, side=sides[id(st)]) if id(st) in sides else st for st in b.items]


#: A prose actor's initials in brackets after its name: " (RAF)", " (ISIL)", " (FARC-EP)";
#: not a faction's name ("Communist Party of India (Maoist)").
_INITIALS_AFTER = re.compile(r"\s*\([A-Z][A-Z-]{1,9}\)$")
#: "Killing of Amir Locke", "Murder of X", "Assassination of X": a page about one named
#: person's killing (or death).
_KILLING_TITLE = re.compile(
    r"^(?:Killing|Murder|Assassination|Lynching|Death)\s+of\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|ibn|al-[\w'’-]+)){0,4})$"
)
#: A title that may be a person's name: two to five capitalised words, no digit.
_NAME_TITLE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|ibn)){1,4}$")
#: The words that say the subject was killed ("was fatally shot", "was shot dead", "was killed
#: in August 2022"); "died" only on a page whose title is the death.
_WAS_KILLED = re.compile(
    r"\s+(?:was|had\s+been)\s+(?:(?:reportedly|allegedly|later|subsequently)\s+)?"
    r"(?P<v>fatally\s+(?:shot|stabbed|wounded|injured|beaten|struck)|shot\s+dead"
    r"|shot\s+and\s+killed|(?:shot|stabbed|beaten|burned|hacked)\s+to\s+death|killed|murdered"
    r"|assassinated|lynched)\b"
)
_DIED = re.compile(r"\s+(?P<v>died)\b")


def _one_named_victim(
    b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]
) -> None:
    """A page about one named person's killing states its death without a number: the
    event's dead are exactly that one person.

    Domain rule: the subject is named by a title "Killing/Murder/Assassination/Lynching/Death
    of X", or by a title that is a person's name which the first sentence opens with. A lead
    sentence whose subject is that person (the name, its last word, or, after the first
    sentence of a biography whose first sentence gives a life span, He/She) "was killed /
    fatally shot / shot dead / assassinated / murdered" (on a death title also "died") says
    it; the statement (deaths, exactly 1) spans those words. Only when neither the infobox
    nor the lead gives a death figure: a counted toll always wins, and "X and two others were
    killed" is not one victim.
    """
    if any(
        st.category == "killed" and (st.origin == "infobox" or st.section is None) for st in b.items
    ):
        return
    lead = _lead(doc)
    title = (doc.title or "").strip()
    if not lead or not title:
        return
    titled = _KILLING_TITLE.match(title)
    name = titled.group("name") if titled else title
    words = name.split()
    first = lead[0].plain.text
    if not titled and not (
        _NAME_TITLE.match(title)
        and first.startswith(words[0])
        and re.match(rf"{re.escape(words[0])}\b[^.;:]{{0,60}}?\b{re.escape(words[-1])}\b", first)
    ):
        return
    biography = not titled and any(life_span(first, d) for d in find_dates(first))
    subject = (
        rf"(?:{re.escape(words[0])}\b[^.;:,()]{{0,40}}?\b)?{re.escape(words[-1])}"
        r"(?![\w'’])(?:\s*\([^()]*\))?(?:,[^,;.]{1,80},)?"
    )
    verbs = [_WAS_KILLED, _DIED] if titled and title.startswith("Death") else [_WAS_KILLED]
    for i, sn in enumerate(lead):
        text = sn.plain.text
        pronoun = r"|(?:He|She)(?![\w'’])" if i > 0 and biography else ""
        m = re.match(rf"\s*(?:{subject}{pronoun})", text)
        if m is None:
            continue
        for verb in verbs:
            v = verb.match(text, m.end())
            if v is None:
                continue
            b.add_from_sentence(
                "deaths",
                sn,
                v.start("v"),
                v.end("v"),
                support,
                category="killed",
                comparator="=",
                low=1,
                best=1,
                high=1,
                value={"approximate": False, "unknown": False, "victim": name},
            )
            return


def _parameter_coordinates(b: _Builder, fields: list[Field]) -> bool:
    """Coordinates the infobox states in separate parameters (``lat_deg`` … ``lon_dir``,
    ``latitude``/``longitude``): one ``coordinates`` statement over those parameters.

    Domain rule: they are stated coordinates like ``coordinates = {{coord}}``
    (:func:`~eventledger.normalise.places.coord_from_parameters` says when they are
    well-formed). Returns whether such a statement was added.
    """
    parts = [f for f in fields if coord_parameter_role(f.label) and f.plain.text.strip()]
    coord = coord_from_parameters({f.label: f.plain.text for f in parts})
    if coord is None:
        return False
    start = min(f.span[0] for f in parts)
    end = max(f.span[1] for f in parts)
    refs = _dedupe([r for f in parts for r in _field_support(f)[0]])
    b.add(
        "coordinates",
        (start, end),
        "infobox",
        value={"text": b.doc.input[start:end], "coord": list(coord)},
        refs=refs,
        support="direct" if refs else "unsourced",
        field=parts[0].label,
    )
    return True


#: After a casualty figure, on its line: "dead from all causes", "deaths (all causes)", "in total".
_ALL_CAUSES = re.compile(
    r"[^\n\d]{0,25}?\b(?:from\s+all\s+causes|all\s+causes|in\s+total|in\s+all|altogether|"
    r"total)\b",
    re.I,
)
#: After a strength figure: "men total", "total", "in total" — the figure is the side's total.
_STRENGTH_TOTAL = re.compile(
    r"[ \t]*(?:(?:men|soldiers|troops|warriors|personnel)[ \t]+)?(?:in[ \t]+)?total\b", re.I
)


#: Words that name a part of a side's men in a casualty line ("3,000 infantry killed",
#: "50 officers killed", "600 sailors captured"); a capitalised word ("Swedes", "Soviet") names
#: a contingent too.
_PART_WORDS = frozenset(
    "infantry cavalry cavalrymen horsemen artillery artillerymen sailors seamen marines soldiers "
    "officers men crew crewmen airmen aircrew pilots troops militia militiamen guards "
    "civilians knights archers regulars volunteers auxiliaries mercenaries irregulars levies "
    "warriors ghazis tribesmen partisans conscripts recruits gunners troopers dragoons hussars "
    "lancers grenadiers musketeers riflemen samurai janissaries sepoys cossacks nobles "
    "men-at-arms crossbowmen longbowmen askaris askari ascari zouaves spahis tirailleurs "
    "gurkhas sowars legionnaires paratroopers commandos "
    # groups of the people an attack struck ("12 residents and visitors / 1 police officer")
    "residents visitors inhabitants locals pilgrims worshippers tourists villagers "
    "townspeople settlers refugees prisoners "
    # how badly: "92 seriously / c. 500 lightly" in an injuries field are two parts
    "seriously severely critically gravely lightly slightly "
    # the parties of an operation, a riot or an attack, singular and plural ("1 hostage
    # killed / 2 commandos killed / 14 militants killed")
    "civilian soldier officer sailor marine pilot guard hostage hostages commando commandos "
    "militant militants policeman policemen police gendarme gendarmes rebel rebels insurgent "
    "insurgents guerrilla guerrillas fighter fighters passenger passengers bystander bystanders "
    "protester protesters protestor protestors student students worker workers miner miners "
    "firefighter firefighters member members staff employees".split()
)
#: A noun of people closing a group's name ("white men", "Black people").
_PEOPLE_LAST = re.compile(rf"(?:{PEOPLE_NOUNS}|people|persons)", re.I)
#: Words between a number and its category that qualify the figure, not name a part of the side.
_NOT_PART = frozenset(
    "confirmed estimated reported official additional other more further total about around "
    "approximately nearly over up least some at".split()
)
#: The men a colonial or regular force fought beside and counted apart from its own: its
#: levies, auxiliaries, native allies, bearers (a label of :func:`_part_label`).
_AUXILIARIES = re.compile(
    r"(?:(?:native|local|allied)\s+)?(?:levies|levy|auxiliaries|auxiliary|irregulars|"
    r"askaris?|sepoys|porters|bearers|camp\s+followers|friendlies|allies)"
    r"|native\s+(?:troops|police|soldiers)",
    re.I,
)
#: Ways of dying that count different men ("2,000 killed in action" / "4,000 drowned").
_DEATH_MODE = re.compile(
    r"\b(?:killed\s+in\s+action|killed\s+in\s+(?:the\s+)?(?:battle|combat|fighting)|kia|drowned|"
    r"(?:captured\s+and\s+)?executed|hanged|massacred|"
    r"murdered|"
    r"died\s+(?:of|from)\s+(?:[\w-]+\s+){0,2}[\w-]+|died\s+in\s+captivity|"
    r"died\s+as\s+prisoners|non-combat\s+deaths?|(?:killed\s+)?by\s+friendly\s+fire|"
    r"killed\s+by\s+(?:mines|landmines|bombs|bombing|shelling|artillery|air\s*strikes|disease))\b",
    re.I,
)
#: Adverbs before a way of dying that name no part of the side ("59 summarily executed").
_MODE_ADVERBS = frozenset("summarily later subsequently then afterwards".split())
_PART_CATEGORY = re.compile(
    r"\b(?:killed|kia|dead|deaths?|died|wounded|wia|injured|captured(?!\s+and\s+executed)|"
    r"prisoners?|pows?|missing|mia|casualties|drowned|(?:captured\s+and\s+)?executed|hanged|"
    r"massacred|murdered)\b",
    re.I,
)


#: A number of people standing for the actors ("7 gunmen", "3 (… and two others)"); "1st
#: Division", "3 Commando Brigade" are names.
_HEAD_COUNT = re.compile(
    r"(?:about\s+|some\s+|c\.\s*)?\d+(?:\s*[–-]\s*\d+)?(?:\s*\(|\s*$|\s+[a-z])"
    # "a cell of eleven others", "a group of 12 men": a count of unnamed accomplices
    r"|(?:an?\s+)?(?:cell|group|team|band|gang|squad)\s+of\s+(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|several|some)\s+(?:others|other\s+\w+|men|members|accomplices)"
    r"\s*$"
)
#: A perpetrators' line that names the commander of the force above it ("Commanded by: X").
_COMMANDER_LABEL = re.compile(r"\s*(?:commanded\s+by|commanders?)\s*:", re.I)
#: "(including the perpetrator)", "(incl. 2 attackers)", "(including both gunmen)" after a toll.
_INCLUDING_PERPETRATORS = re.compile(
    r"\s*\(\s*(?:including|incl\.?)\s+(?:(?P<both>both)|(?:the\s+)?(?P<n>\d+|two|three|four|five|"
    rf"six|seven|eight|nine|ten)|the)?\s*(?:\w+\s+)?(?P<noun>{PERPETRATOR_NOUNS})"
    # "(including the perpetrator and an unborn child)": the others counted stay counted
    # (not when the others are perpetrators too: "and his accomplice", "and a second gunman")
    r"(?:\s+and\s+(?![^()]*\b(?:accomplices?|co-conspirators?|attackers?|gunm[ae]n|shooters?|"
    r"bombers?|perpetrators?|assailants?|terrorists?|hijackers?)\b)[^()]{1,40})?\s*\)"
    # "(including Gandhi and the assassin)": the victim named first, the perpetrator after
    # (not when the one before is a perpetrator too: "two gunmen and the bomber")
    r"|\s*\(\s*(?:including|incl\.?)\s+(?:(?!\b(?:accomplices?|co-conspirators?|attackers?|"
    r"gunm[ae]n|shooters?|bombers?|perpetrators?|assailants?|terrorists?|hijackers?|assassins?)\b)"
    rf"[^()]){{1,40}}?\s+and\s+the\s+(?P<noun2>{PERPETRATOR_NOUNS})"
    r"\s*\)",
    re.I,
)


#: "17 total (12 victims, 5 perpetrators)": a toll and its split into victims and perpetrators.
_SPLIT_BRACKET = re.compile(r"\s*(?:total|in\s+total|dead|killed)?\s*\((?P<inner>[^()]{1,300})\)")
_SPLIT_ITEM = re.compile(
    r"\s*(?P<n>\d+)\s+(?P<who>[^,;/+\d]+?)\s*(?:,\s*(?:and\s+)?|;|/|\+|\band\b|$)"
)
#: An item that names the attackers themselves ("5 attackers", "2 suicide bombers"), not a
#: group named by its cause ("28 killed by gunmen", "11 shot by gunmen").
_PERPETRATOR_ITEM = re.compile(
    rf"(?:(?!by\b)(?![a-z]+ed\b)[A-Za-z-]+\s+){{0,2}}(?:{PERPETRATOR_NOUNS})", re.I
)


def _perpetrators_split(text: str, pos: int, total: int | None) -> tuple[int, int] | None:
    """ "17 total (12 victims, 5 perpetrators)", "29 (22 civilians, 5 attackers, 2 police
    officers)": a toll and the bracket that splits it, one of its items the perpetrators. Their
    number and the bracket's end, when the items add up to the toll; else None. Only figures
    written without a thousands separator ("2,996 (2,977 victims + 19 hijackers)" keeps its
    toll: see docs/limitations.md)."""
    m = _SPLIT_BRACKET.match(text, pos)
    if m is None or total is None:
        return None
    inner = m["inner"].split(";")[0]
    items: list[tuple[int, str]] = []
    at = 0
    while at < len(inner):
        it = _SPLIT_ITEM.match(inner, at)
        if it is None or it.end() == at:
            return None
        items.append((int(it["n"]), it["who"].strip()))
        at = it.end()
    if len(items) < 2 or sum(n for n, _ in items) != total:
        return None
    perps = [n for n, who in items if _PERPETRATOR_ITEM.fullmatch(who)]
    return (perps[0], m.end()) if len(perps) == 1 else None


#: After a sentence's toll: ", including the gunman", ", including himself", ", including the
#: five perpetrators".
_PROSE_INCLUDING_PERPETRATORS = re.compile(
    r"(?:\s+[A-Za-z-]+){0,2}?,?\s*(?:including|among\s+them)\s+(?:the\s+)?(?:(?P<n>\d+|two|three|four|"
    r"five|six|seven|"
    # ("including nine of the attackers")
    r"eight|nine|ten|both)\s+(?:of\s+(?:the|them|whom)\s+)?)?(?:(?P<self>himself|herself)|(?P<noun>"
    + PERPETRATOR_NOUNS
    + r"))\b",
    re.I,
)


#: A bracket that says a toll's dead are all perpetrators: "1 (the perpetrator)", "2 (both
#: attackers)", "3 (all perpetrators)".
_ONLY_PERPETRATORS = re.compile(r"\s*" + ONLY_PERPETRATORS, re.I)


def _perpetrators_counted(m: re.Match[str]) -> int | None:
    """How many perpetrators an "(including …)" bracket (:data:`_INCLUDING_PERPETRATORS`) or a
    sentence's ", including …" (:data:`_PROSE_INCLUDING_PERPETRATORS`) counts: its number, 2
    for "both", 1 for "the perpetrator" or "himself"; None for a sentence's plural with no
    number ("including the attackers")."""
    g = m.groupdict()
    n = g.get("n")
    if n:
        return int(n) if n.isdigit() else 2 if n.lower() == "both" else word_value(n)
    if g.get("both") or "noun" not in g:
        return 2 if g.get("both") else 1
    noun = (g.get("noun") or g.get("noun2") or "").lower()
    return None if noun.endswith("s") or noun.endswith("men") else 1


def _perpetrators_apart(figs: list[Figure]) -> list[Figure]:
    """The perpetrators' dead beside the victims' in one field are no rival figure.

    Domain rule: "49 victims + 1 perpetrator", "12 victims, 1 perpetrator" and "49 (+1
    perpetrator)" state the victims' toll and, apart, the attackers who died; the field's
    figure is the victims' (as for "(+1 perpetrator)" before), and the perpetrators' is kept as
    a statement about a part (``subset``), never weighed against it."""
    cats = {f.category for f in figs if f.party != "perpetrators" and not f.subset}
    return [
        replace(f, subset=True)
        if f.party == "perpetrators" and not f.subset and f.category in cats
        else f
        for f in figs
    ]


#: A plural noun of people not in :data:`_PART_WORDS` ("loyalists", "villagers", "Saxons").
_PEOPLE_PLURAL = re.compile(r"[a-z]+(?:ists|ers|ians|ans|men|ees)", re.I)


def _names_part(word: str) -> bool:
    """Whether *word*, between a figure and its category, can belong to the name of a part of
    the side: a capitalised word, a part noun, a plural of people, or the "and" joining two
    ("200 British soldiers and police killed")."""
    low = word.lower()
    return (
        word[0].isupper()
        or low in _PART_WORDS
        or low + "s" in _PART_WORDS  # "1 U.S. soldier"
        or low in ("children", "women", "men", "people")
        # "14,154–20,000+ black Africans died": a people's adjective before its noun
        or low in ("black", "white", "native", "indigenous", "local", "foreign")
        or low == "and"
        or bool(_PEOPLE_PLURAL.fullmatch(word))
    )


_CATEGORY_WORDS = frozenset("killed dead wounded injured captured missing".split())
#: "Unknown number of Arabs", "an unknown number of soldiers (wounded)".
_UNKNOWN_PART = re.compile(
    r"\s*(?:an\s+)?unknown\s+(?:number|numbers)\s+of\s+(?P<part>[\w'’ -]+?)\s*(?:\(|$)", re.I
)


#: A casualty line's number, range or floor ("3,550", "1,200–1,500", "Between 173 and 217").
_LINE_FIGURE = re.compile(
    r"between\s+\d[\d,.]*\s+and\s+\d[\d,.]*|\d[\d,.]*(?:\s*(?:[–—-]|to)\s*\d[\d,.]*)?\+?", re.I
)


def _part_label(fig: Figure, text: str) -> str | None:
    """The part of a side a casualty line counts, when its words name one; *text* is the
    figure's segment of its line (:func:`_figure_segment`).

    "3,550 Swedes dead" → ``Swedes``; "3,000 infantry killed" → ``infantry``; "4,000 drowned"
    → ``drowned`` (a way of dying). A line that only qualifies its figure ("35,478 confirmed
    dead") or says whose claim it is names no part: None."""
    m = _LINE_FIGURE.search(text)
    if not m and not fig.unknown and fig.text and text.startswith(fig.text):
        # "67 Jews / Several Arab rioters (shot by police)": a count in words names its part
        # after it as a number does
        m = re.match(re.escape(fig.text), text)
    if not m:
        unknown = _UNKNOWN_PART.match(text) if fig.unknown else None
        if unknown is not None:
            # "76 Jews / Unknown number of Arabs": a part of the toll nobody counted
            words = re.findall(r"[\w'’-]+", unknown.group("part"))
            while words and words[-1].lower() in _CATEGORY_WORDS:
                words.pop()  # "… of infantry killed": the category, not the part
            if words and all(_names_part(w) for w in words):
                return " ".join(words)
        return None
    cat = _PART_CATEGORY.search(text, m.end())
    if cat is None:
        # "3,139 civilians / 253 soldiers / 144 policemen" in an injuries field: the field
        # gives the category, the words after the number the part
        words = re.findall(r"[\w'’-]+", re.sub(r"\([^()]*\)", " ", text[m.end() :]))
        if words and all(_names_part(w) for w in words) and words[0].lower() != "and":
            return " ".join(words)
        if 2 <= len(words) <= 3 and _PEOPLE_LAST.fullmatch(words[-1]):
            return " ".join(words)  # "100–237 Black people (est.)" / "5 white men"
        return None
    words = re.findall(r"[\w'’-]+", text[m.end() : cat.start()])
    if words and fig.category == "killed" and all(w.lower() in _MODE_ADVERBS for w in words):
        # "59 summarily executed": the way of dying, the adverb no part of the side
        words = []
    if words:
        if any(w.lower() in _NOT_PART for w in words):
            return None
        if all(_names_part(w) for w in words) and words[0].lower() != "and":
            mode = _DEATH_MODE.search(text, cat.start())
            if fig.category == "killed" and mode is not None and mode.start() == cat.start():
                # "4,289 civilians executed" / "931 civilians killed by mines": one group, two
                # ways of dying
                return " ".join([*words, *mode.group(0).lower().split()])
            return " ".join(words)
        return None
    if fig.category == "killed":
        mode = _DEATH_MODE.search(text, m.end())
        if mode is not None and mode.start() == cat.start():
            return re.sub(r"\s+", " ", mode.group(0).lower())
        if re.match(r"prisoners?|pows?", cat.group(), re.I):
            after = re.sub(
                r"^\s*(?:(?:were|was)\s+)?(?:(?:later|then|subsequently)\s+)?",
                "",
                text[cat.end() :],
            )
            put = _DEATH_MODE.match(after)
            if put is not None:
                # "14,000+ killed in battle / 2,000 prisoners executed": the prisoners put to
                # death after the battle, a part apart from the fallen
                return f"prisoners {put.group(0).lower()}"
    return None


def _headed_parts(
    text: str, figs: list[Figure], groups: list[tuple[str | None, int | None, bool]]
) -> set[int]:
    """Figures of a field with no side that count the parties its headings name, by index.

    Domain rule: an operation's ``casualties`` lists each party under its own heading
    ("Israel: 1 commando killed, 5 wounded / Hostages: 3 killed, 10 wounded"): the parties'
    figures of one category count different people, one toll. Only when every figure of the
    category sits under a heading, one per heading, and two headings or more give one."""
    by_cat: dict[str, list[int]] = {}
    for i, fig in enumerate(figs):
        if fig.category and not fig.subset:
            by_cat.setdefault(fig.category, []).append(i)
    out: set[int] = set()
    for idx in by_cat.values():
        seqs = [groups[text.count("\n", 0, figs[i].start)][1] for i in idx]
        # one figure per heading, whether or not it says whose claim it is ("Civilians: 493
        # killed (official) / 5,000 killed (unofficial)" are two claims, no parts)
        if len(idx) >= 2 and None not in seqs and len(set(seqs)) == len(idx):
            out.update(i for i in idx if not figs[i].attribution)
    return out


#: The end of a line whose figure the lines under it break down: "95,615 dead, of whom:",
#: "1,200 killed, including:".
_PARTS_FOLLOW = re.compile(
    r"(?:,\s*)?\b(?:of\s+whom|of\s+which|including|incl\.|among\s+them|among\s+whom)\s*:?\s*$",
    re.I,
)


def _exact_sum(figs: list[Figure], idx: list[int]) -> int | None:
    """The sum of the exact figures *idx*; None when one is not exact."""
    values = [v for k in idx if (v := exact_value(figs[k])) is not None]
    return sum(values) if len(values) == len(idx) else None


#: A line that gives a toll and names no group of its own ("307", "307 dead", "Total: 307"):
#: the whole that the lines under it may break down ("2 soldiers" over "1 policeman / 1
#: civilian" is a peer of them, no whole).
_TOLL_WORDS = frozenset(
    "killed dead deaths fatalities people persons victims wounded injured casualties total in "
    "all died".split()
)
#: Whole nouns that hold only some kinds of people: "2 soldiers" is no whole of "1 policeman /
#: 1 civilian", "25 civilians" is one of "10 children / 15 women".
_WHOLE_EXCLUDES = {
    "military": (
        "civilian",
        "police",
        "policem",
        "child",
        "women",
        "woman",
        "villager",
        " resident",
        "militant",
        "rebel",
        "attacker",
        "insurgent",
        "gunm",
    ),
    "civilian": ("soldier", "troop", "police", "policem", "officer", "militar", "servicem"),
    "men": ("women", "woman", "child", "girl"),
}
_WHOLE_KIND = {
    "soldiers": "military", "troops": "military", "men": "men", "personnel": "military",
    "servicemen": "military", "civilians": "civilian",
}  # fmt: skip


def _whole_line(line: str) -> str | None:
    """The kind of whole a line's one toll is ("" for a bare toll: "307", "20 people killed",
    "Total: 25"; "military" for "1,500 soldiers killed", "civilian" for "25 civilians"), or None
    when the line names a group of its own ("2 policemen", "16 Germans")."""
    words = [w.lower().strip(":.,;") for w in _line_without_number(line).split()]
    words = [w for w in words if w]
    rest = [w for w in words if w not in _TOLL_WORDS]
    if not rest:
        return ""
    if len(rest) == 1 and rest[0] in _WHOLE_KIND:
        return _WHOLE_KIND[rest[0]] or ""
    return None


def _fits_whole(kind: str, part_lines: list[str]) -> bool:
    """Whether lines can break down a whole of *kind* (:func:`_whole_line`)."""
    banned = _WHOLE_EXCLUDES.get(kind, ())
    return not any(b in line.lower() for line in part_lines for b in banned)


def _line_without_number(line: str) -> str:
    """*line* without its bracketed parts, references and its first number (with its
    qualifier): what the line says beside the figure ("soldiers", "dead", "")."""
    line = re.sub(r"\([^()]*\)|\[[^\]]*\]|<[^<>]*>", " ", line)
    return re.sub(
        r"(?:c\.|ca\.|about|around|approx\.|at\s+least|over|more\s+than|~)?\s*\d[\d,.]*\+?",
        " ",
        line,
        count=1,
        flags=re.I,
    )


def _parts_below(
    text: str, figs: list[Figure], groups: list[tuple[str | None, int | None, bool]] | None
) -> set[int]:
    """Indices of the figures on the lines under a line that ends "…, of whom:" (the line's
    last figure the whole): its parts, up to a line of another category or another contingent
    ("95,615 dead, of whom: / 10,240 killed in action / 20,000 died of wounds / 65,375 died of
    disease / 39,818 wounded": the three are parts of the 95,615, the wounded not)."""
    if not figs:
        return set()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    line_of = [bisect.bisect_right(starts, x.start) - 1 for x in figs]
    on_line: dict[int, list[int]] = {}
    for k, ln in enumerate(line_of):
        on_line.setdefault(ln, []).append(k)
    follows: dict[int, bool] = {}  # per line: does it end "…, of whom:"
    out: set[int] = set()
    for i, whole in enumerate(figs):
        ln = line_of[i]
        if whole.subset:
            continue
        whole_sum = _exact_sum(figs, [i])
        # "17 total (12 victims, 5 perpetrators)": the line's split, its perpetrators a part
        split = _perpetrators_split(text, whole.end, whole_sum)
        if (
            whole_sum
            and on_line[ln][0] == i
            and (
                all(figs[k].subset for k in on_line[ln][1:])
                or (split is not None and all(figs[k].end <= split[1] for k in on_line[ln][1:]))
            )
            and (whole_kind := _whole_line(lines[ln])) is not None
        ):
            # "307 (including 2 attackers)" / "241 U.S. servicemen" / "58 French" / "6
            # Lebanese civilians": lines of one figure each under a line's one toll, adding up
            # to it (or to it less the part the line itself names)
            run: list[int] = []
            nxt_ln = ln + 1
            running = 0
            while len(on_line.get(nxt_ln, [])) == 1:
                j = on_line[nxt_ln][0]
                if figs[j].subset or figs[j].category != whole.category or figs[j].attribution:
                    break
                if groups is not None and groups[nxt_ln][:2] != groups[ln][:2]:
                    break
                value = exact_value(figs[j])
                running += value or 0
                if not value or running > whole_sum:
                    break  # (parts add up to their whole: a longer run is none)
                run.append(j)
                nxt_ln += 1
            named = _exact_sum(figs, on_line[ln][1:]) if len(on_line[ln]) > 1 else 0
            if split is not None:
                named = split[0]
            total = _exact_sum(figs, run) if len(run) >= 2 else None
            if (
                total is not None
                and named is not None
                and whole_sum in (total, total + named)
                and _fits_whole(whole_kind, [lines[line_of[j]] for j in run])
            ):
                out.update(run)
                continue
        if on_line[ln][-1] != i:
            continue  # a breakdown names the line's last figure only
        nxt = on_line.get(ln + 1, [])
        if (
            len(nxt) >= 2
            and len(on_line[ln]) == 1
            and whole_sum is not None
            and _exact_sum(figs, nxt) == whole_sum
            and (groups is None or groups[ln][:2] == groups[ln + 1][:2])
            and all(figs[j].category == whole.category for j in nxt)
        ):
            # "8 (official) / 6 Black, 2 white": the next line's figures add up to this one
            out.update(nxt)
            continue
        if ln not in follows:
            follows[ln] = bool(_PARTS_FOLLOW.search(lines[ln][-40:]))
        if not follows[ln]:
            continue
        for j in range(i + 1, len(figs)):
            if groups is not None and groups[line_of[j]][:2] != groups[ln][:2]:
                break
            if groups is not None and groups[line_of[j]][2]:
                break
            if figs[j].category != whole.category:
                break
            out.add(j)
    return out


def _parts_of_bare(
    text: str, figs: list[Figure], groups: list[tuple[str | None, int | None, bool]]
) -> tuple[set[int], dict[int, str]]:
    """Lines of one side's field that name a part beside one bare line of their category.

    Domain rule: a bare line followed, in the same contingent, by lines of its category that
    each name something ("300 dead / 2 executed", "12,000 killed / 3,000 cavalry killed") is no
    set of rival estimates (they are no readings of one number). A line naming a way of dying
    ("executed", "hanged", "died of wounds", "drowned") counts other men than the killed in
    the fighting: it is summed with the bare line like a contingent (second value: index →
    label, the bare line's label being its category). A line naming a part of the side
    ("cavalry", "officers") smaller than the bare figure is a part of it (first value: indices
    to mark ``subset``). Only when the bare line comes first."""
    by_cat: dict[str, list[int]] = {}
    for i, fig in enumerate(figs):
        if fig.category and not fig.subset:
            by_cat.setdefault(fig.category, []).append(i)
    subsets: set[int] = set()
    summed: dict[int, str] = {}
    for cat, idx in by_cat.items():
        if len(idx) < 2 or any(figs[i].attribution for i in idx):
            continue
        lines = [text.count("\n", 0, figs[i].start) for i in idx]
        if len(set(lines)) != len(idx) or len({groups[k][:2] for k in lines}) != 1:
            continue
        if any(groups[k][2] for k in lines):
            continue
        labels = [_part_label(figs[i], _figure_segment(text, figs, i)) for i in idx]
        bare = [i for i, lbl in zip(idx, labels, strict=True) if not lbl]
        named = [(i, lbl) for i, lbl in zip(idx, labels, strict=True) if lbl]
        if (
            not bare
            and cat == "killed"
            and len(named) >= 2
            and all(_DEATH_MODE.fullmatch(lbl) for _, lbl in named)
            and len({_death_mode_class(lbl) for _, lbl in named}) == len(named)
        ):
            # "1 killed in fighting / 59 summarily executed": each line a way of dying of
            # its own, other men, summed
            summed.update(named)
            continue
        if len(bare) != 1 or len({lbl.lower() for _, lbl in named}) != len(named):
            continue
        if any(figs[i].party for i, _ in named):
            continue  # "87 civilians killed" under a side's "168 killed": no part of the side
        if any(figs[i].start < figs[bare[0]].start for i, _ in named):
            continue  # the whole comes first, its parts under it
        if (cat == "killed" and all(_DEATH_MODE.fullmatch(lbl) for _, lbl in named)) or all(
            _AUXILIARIES.fullmatch(lbl) for _, lbl in named
        ):
            # ("24 killed" / "6 levies killed": the force's levies or auxiliaries are other
            # men than its own, counted apart)
            summed[bare[0]] = cat
            summed.update(named)
            continue
        whole = figs[bare[0]]
        floor = whole.low if whole.low is not None else whole.best
        tops = [figs[i].high if figs[i].high is not None else figs[i].best for i, _ in named]
        if floor is None or any(t is None for t in tops) or sum(tops) >= floor:  # type: ignore[arg-type]
            continue
        subsets.update(i for i, _ in named)
    return subsets, summed


def _death_mode_class(label: str) -> str:
    """One name for the wordings of one way of dying: "killed in action", "killed in battle",
    "KIA" and "killed in the fighting" are the fallen (``battle``); "executed", "hanged",
    "captured and executed" the executed; "died of X" by X; the others as written."""
    low = re.sub(r"\s+", " ", label.lower()).strip()
    if re.fullmatch(r"kia|killed in (?:the )?(?:action|battle|combat|fighting)", low):
        return "battle"
    if re.fullmatch(r"(?:captured and )?executed|hanged|massacred|murdered", low):
        return "executed"
    return low


def _authored_parts(text: str, figs: list[Figure]) -> dict[int, str]:
    """Figures of one side's field that are the parts of one ancient author's count, by index
    (value: a list name, its parts summed as one claim).

    Domain rule: a side's column that gives each writer's figures under his name ("Arrian: /
    80 infantry killed / 230 cavalry killed / Diodorus: / 700 infantry killed / 280 cavalry
    killed") holds two claims, 310 and 980: under each heading, lines that each name another
    part of the side (:func:`_part_groups`) are summed; the headings' sums are rival
    estimates. Only with two author headings or more, and only a heading's lines whose every
    figure of the category names a part."""
    lines = text.split("\n")
    labelled = {
        k: _strip_bold(m["label"])
        for k, line in enumerate(lines)
        if (m := _GROUP_LABEL.match(line))
    }
    heads = [k for k, label in labelled.items() if _AUTHOR_HEADING.fullmatch(label)]
    if len(heads) < 2:
        return {}
    under: dict[int, list[int]] = {}
    for i, fig in enumerate(figs):
        ln = text.count("\n", 0, fig.start)
        # the last heading above the figure: an author's, or another ("Modern estimate:")
        # that ends the author's lines
        head = max((h for h in labelled if h <= ln), default=None)
        if head in heads and not fig.subset:
            under.setdefault(head, []).append(i)
    out: dict[int, str] = {}
    for head, idx in under.items():
        found = _part_groups(text, [figs[i] for i in idx])
        for cat in {figs[i].category for i in idx}:
            of_cat = [n for n, i in enumerate(idx) if figs[i].category == cat]
            if len(of_cat) >= 2 and all(n in found for n in of_cat):
                out.update((idx[n], f"author{head}:{cat}") for n in of_cat)
    return out


def _figure_segment(text: str, figs: list[Figure], i: int) -> str:
    """The text from figure *i* to the end of its line or the next figure, whichever comes
    first ("235,339 died from non-combat causes": the figure's own text stops at "died")."""
    end = text.find("\n", figs[i].start)
    end = len(text) if end < 0 else end
    if i + 1 < len(figs) and figs[i + 1].start < end:
        end = figs[i + 1].start
    return text[figs[i].start : end]


def _qualifier_after(text: str, figs: list[Figure], i: int) -> str | None:
    """The words after figure *i* on its line ("in the field", "in pursuit"), when they say
    where, when or how the figure's men fell; None when they name nothing or whose claim."""
    rest = _figure_segment(text, figs, i)[len(figs[i].text) :]
    rest = re.sub(r"\([^()]*\)|<[^<>]*>|\[\d+\]", " ", rest)
    m = re.match(r"\s*((?:in|at|during|on|after|before|by)\s+[^\n]{2,60}?)\s*$", rest)
    if m is None or _NO_STAGE.search(m.group(1)) or _BARE_SCOPE.fullmatch(m.group(1).strip()):
        return None
    # ("in the assault" and "during the whole assault" are one stage; "before" and "after" two)
    words = m.group(1).lower().split()
    if words[0] in ("in", "during", "at", "on", "throughout"):
        words = ["in", *words[1:]]
    return " ".join(w for w in words if w not in ("the", "entire", "whole"))


#: Words after a figure that make it a claim or a scope, no stage of the fighting: "in Soviet
#: records", "by modern estimates", "in total", "during the campaign".
_NO_STAGE = re.compile(
    r"\b(?:claims?|according|estimates?|per|sources?|accounts?|records?|counts?|reports?|"
    r"historians?|chronicles?|annals|chronicle|figures?|data|in\s+total|in\s+all|overall|"
    r"altogether)\b|\bon\s+the\s+whole\b|\bby\s+(?:the\s+end\s+of\s+)?\d{3,4}\b",
    re.I,
)
#: A scope that holds the others, no stage of them: "in the battle", "during the campaign".
_BARE_SCOPE = re.compile(
    r"(?:in|during|over|throughout)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:battles?|campaigns?|"
    r"wars?|conflict|operation|offensive|fighting|siege|period)",
    re.I,
)


def _part_groups(
    text: str, figs: list[Figure], one_claim: bool = False, given: dict[int, str] | None = None
) -> dict[int, str]:
    """Figures of one side's field that count different parts of the side, by index.

    Domain rule: lines of one category that each name a different part of the side ("3,550
    Swedes dead / 2,000 Saxons dead", "3,000 infantry killed / 1,000 cavalry killed", "2,000
    killed in action / 4,000 drowned") count different men: they are summed like contingents,
    not weighed as rival estimates. Only when every line of the category names a part, the
    parts differ, each is on its own line and none says whose claim it is; a bare line among
    them ("12,000 killed / 3,000 cavalry killed") may hold the others, and stays as it was.

    With *one_claim* (a field with no side: an attack's fatalities), one line may say whose
    claim it is when its group is plainly another ("At least 78 hostages, soldiers and police /
    153 militants (Russian claim)"): no word of the labels in common, and another party.
    *given* holds labels the caller knows (a list's first figure standing for the list)."""
    by_cat: dict[str, list[int]] = {}
    for i, fig in enumerate(figs):
        if fig.category:
            by_cat.setdefault(fig.category, []).append(i)
    out: dict[int, str] = {}
    for idx in by_cat.values():
        if len(idx) < 2:
            continue
        lines = [text.count("\n", 0, figs[i].start) for i in idx]
        labels = [
            (given or {}).get(i) or _part_label(figs[i], _figure_segment(text, figs, i))
            for i in idx
        ]
        values = {exact_value(figs[i]) for i in idx}
        if not all(labels) and len(values) == 1 and None not in values:
            # "7,000 killed in the field / 7,000 killed in the 'Garden of Death' / 7,000
            # killed in pursuit": one exact figure on lines that each say where or how is no
            # choice between estimates (they would agree), but the parts of the toll
            labels = [_qualifier_after(text, figs, i) for i in idx]
        if (
            len(set(lines)) == len(idx)
            and all(labels)
            and len({lbl.lower() for lbl in labels if lbl}) == len(idx)
            # ("c. 300 killed in action / c. 500 killed in battle": one way of dying in two
            # wordings, rival estimates)
            and len({_death_mode_class(lbl) for lbl in labels if lbl}) == len(idx)
            and (
                not any(figs[i].attribution for i in idx)
                # a claim about one group of people beside another group's count is no rival
                # estimate; two claims are rivals ("3,000 Germans killed (Soviet claim) /
                # 1,200 soldiers killed (German claim)"), and so are a column's own figure and
                # the enemy's claim, whatever words they use
                or (
                    one_claim
                    and sum(1 for i in idx if figs[i].attribution) == 1
                    and len({party_of(lbl or "") for lbl in labels}) == len(idx)
                    and not _same_group_claimed(labels)
                )
            )
        ):
            out.update({i: lbl for i, lbl in zip(idx, labels, strict=True) if lbl})
    return out


def _same_group_claimed(labels: list[str | None]) -> bool:
    """Whether two of a field's part labels may name one group of people: a word in common
    ("Chinese soldiers" / "soldiers"), or a label that names no people but a way of dying or
    a stage ("killed in battle")."""
    words = [
        {w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z]{3,}", lbl or "")}
        for lbl in labels
    ]
    if any(not w or _DEATH_MODE.search(lbl or "") for w, lbl in zip(words, labels, strict=True)):
        return True
    return any(a & b for i, a in enumerate(words) for b in words[i + 1 :])


#: Smallest bare figure a body sentence may confirm as a death count: small numbers ("One",
#: "3") coincide too easily with unrelated figures in the text.
MIN_CONFIRMED = 10
_CLAUSE_END = re.compile(r",(?!\d)|;")
_BARE = re.compile(r"[\d,.\s]+")
_BARE_RANGE = re.compile(r"[\d,.\s]+(?:[–—-]|\bto\b)[\d,.\s]+")
_NAME_WORD = re.compile(r"[A-Z][\w-]{3,}")
#: Capitalised words of combatant and commander names that name no one in particular.
_GENERIC_NAME_WORDS = frozenset(
    "House Kingdom Republic Empire Army Forces Force State States United Royal Government "
    "People Democratic Federal Union Guard Guards Militia National Imperial Allied Allies "
    "Sultanate Caliphate Principality Duchy County Crown".split()
)


def _name_words(text: str) -> set[str]:
    """Capitalised words (possessives stripped) that can name a side: ``Henry's`` → Henry."""
    return {
        w
        for w in (re.sub(r"['’]s?\Z", "", m.group(0)) for m in _NAME_WORD.finditer(text))
        if w not in _GENERIC_NAME_WORDS
    }


def _bare_figures_dead(items: list[Statement]) -> None:
    """Read a side's bare infobox number as its dead when the body states that number dead.

    Domain rule: a number with no category word in a side's casualties field ("98") is
    undifferentiated casualties. It is that side's killed figure when a body sentence states
    **the same exact number** dead or killed ("Ninety-eight attackers ... had died"; "100 of
    Henry's men, compared to 1,000 of Richard's, died"), the sentence's words for the dead
    name none of another side's combatants or commanders, no other side gives the same bare
    number, and the side states no killed figure of its own. A bare **range** ("700–2,500")
    is the side's killed range when body statements give **both its ends** as exact dead
    figures under the same conditions ("2,500 Yorkists … were killed", "from 2,200 to only
    700 Yorkist dead"). Numbers below :data:`MIN_CONFIRMED`, approximate figures, ranges in
    the body, and phrases that name another category (wounded, captured, "killed or
    wounded") never confirm, and a body statement confirms one side only. The statement
    becomes a ``deaths`` statement (category ``killed``) and its value names the confirming
    statement(s) (``confirmed_by``: one id, or a list ``[low end, high end]``).
    """
    bare: dict[tuple[int, int], list[Statement]] = {}
    for st in items:
        if not (
            st.origin == "infobox"
            and st.side is not None
            and st.property == "casualties"
            and st.category == "casualties"
            and not st.subset
            and st.low is not None
            and st.high is not None
            and st.low >= MIN_CONFIRMED
        ):
            continue
        exact = (
            st.comparator == "="
            and st.best is not None
            and st.low == st.best == st.high
            and _BARE.fullmatch(st.text)
        )
        ranged = st.comparator == "range" and st.low < st.high and _BARE_RANGE.fullmatch(st.text)
        if exact or ranged:
            bare.setdefault((st.low, st.high), []).append(st)
    if not bare:
        return
    names: dict[int, set[str]] = {}
    killed_sides: set[int] = set()
    for st in items:
        if st.side is None or st.origin != "infobox":
            continue
        if st.property in ("combatant", "commander") and isinstance(st.value, dict):
            names.setdefault(st.side, set()).update(_name_words(st.value.get("name") or ""))
        elif st.category == "killed" and not st.subset:
            killed_sides.add(st.side)
    used: set[str] = set()
    for (low, high), candidates in bare.items():
        if len({st.side for st in candidates}) != 1 or candidates[0].side in killed_sides:
            continue
        side = candidates[0].side
        others = set().union(*(v for k, v in names.items() if k != side))

        def confirming(n: int, side: int = side, others: set[str] = others) -> Statement | None:
            for body in items:
                if not (
                    body.origin == "body"
                    and body.id not in used
                    and body.category == "killed"
                    and not body.subset
                    and body.comparator == "="
                    and body.low == body.best == body.high == n
                ):
                    continue
                window = _name_words(_CLAUSE_END.split(body.text)[0])
                if window & others and not window & names.get(side, set()):
                    continue  # the sentence counts another side's dead
                return body
            return None

        ends = [confirming(low)] if low == high else [confirming(low), confirming(high)]
        if any(e is None for e in ends):
            continue
        ids = [e.id for e in ends if e is not None]
        used.update(ids)
        for st in candidates:
            st.property, st.category = "deaths", "killed"
            st.value = {**(st.value or {}), "confirmed_by": ids[0] if len(ids) == 1 else ids}


#: The categories a breakdown of a bare side figure may name (one figure each).
_BREAKDOWN_CATEGORIES = ("killed", "wounded", "captured", "missing")


def _bare_figures_broken_down(items: list[Statement], doc: Document) -> None:
    """Give a side the body clause that breaks its bare infobox figure down exactly.

    Domain rule: a bare side figure ("979") is undifferentiated casualties. When one clause
    of a body sentence gives exact figures of two or more distinct categories (killed,
    wounded, captured, missing; one figure each, none approximate or a subset) that sum to
    **exactly** that figure ("Independentist casualties according to Sucre were 370 killed
    and 609 wounded": 370 + 609 = 979), the clause is that side's breakdown: its statements
    take the side (their value names the bare statement, ``breakdown_of``) and count as the
    side's killed, wounded … figures; the bare figure stays the side's total. Only for bare
    figures of at least :data:`MIN_CONFIRMED` that no other side shares, for a side that
    states none of those categories itself, and when the clause's words name none of another
    side's combatants or commanders without naming this side's. A clause is cut at a
    comma or semicolon, so "…, the royalists lost about 1800 dead and 700 wounded" is another
    clause.
    """
    bare: dict[int, list[Statement]] = {}
    for st in items:
        if (
            st.origin == "infobox"
            and st.side is not None
            and st.property == "casualties"
            and st.category == "casualties"
            and not st.subset
            and st.comparator == "="
            and st.best is not None
            and st.low == st.best == st.high
            and st.best >= MIN_CONFIRMED
            and _BARE.fullmatch(st.text)
        ):
            bare.setdefault(st.best, []).append(st)
    if not bare:
        return
    names: dict[int, set[str]] = {}
    stated: dict[int, set[str]] = {}
    for st in items:
        if st.side is None or st.origin != "infobox":
            continue
        if st.property in ("combatant", "commander") and isinstance(st.value, dict):
            names.setdefault(st.side, set()).update(_name_words(st.value.get("name") or ""))
        elif st.category in _BREAKDOWN_CATEGORIES and not st.subset:
            stated.setdefault(st.side, set()).add(st.category)
    # the body figures of each sentence, grouped by clause (cut at a comma or semicolon)
    sentences = {sn.id: sn for sn in doc.sentences}
    clauses: dict[tuple[str, int], list[Statement]] = {}
    clause_text: dict[tuple[str, int], str] = {}
    cuts_of: dict[str, list[int]] = {}  # each sentence's clause cuts, found once
    for st in items:
        sn = sentences.get(st.sentence or "")
        if st.origin != "body" or st.side is not None or sn is None:
            continue
        text = doc.input[sn.span[0] : sn.span[1]]
        cuts = cuts_of.get(sn.id)
        if cuts is None:
            cuts = cuts_of[sn.id] = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]
        # (the clauses that end at or before the statement: bisect over the inner cuts)
        k = bisect.bisect_right(cuts, st.span[0] - sn.span[0], 1, len(cuts) - 1) - 1
        clauses.setdefault((sn.id, k), []).append(st)
        clause_text[(sn.id, k)] = text[cuts[k] : cuts[k + 1]]
    for n, candidates in bare.items():
        if len({st.side for st in candidates}) != 1:
            continue
        side = candidates[0].side
        if stated.get(side):
            continue
        others = set().union(*(v for k, v in names.items() if k != side))
        for key, group in clauses.items():
            figures = [st for st in group if st.category != "casualties" or st.best is not None]
            cats = [st.category for st in figures]
            if (
                len(figures) < 2
                or len(set(cats)) != len(cats)
                or not set(cats) <= set(_BREAKDOWN_CATEGORIES)
                or any(st.subset or st.comparator != "=" or st.best is None for st in figures)
                or sum(st.best or 0 for st in figures) != n
            ):
                continue
            window = _name_words(clause_text[key])
            if window & others and not window & names.get(side, set()):
                continue
            for st in figures:
                st.side = side
                st.value = {**(st.value or {}), "breakdown_of": candidates[0].id}
            break


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: "in January", "in early March": a date after a place, not a container of it.
_IN_PLACE = rf"\s+in\s+(?!(?:early\s+|mid-?|late\s+)?(?:{_MONTHS})\b)(?:the\s+)?"

_PLACE_AFTER = re.compile(
    r"\b(?:in|at|near|off|outside|on|of|into|over|across)\s+(?:the\s+)?"
    r"(?P<p>(?:St\.\s+)?[A-Z][\w'’\-]+(?:\s+(?:(?:de|del|la|le|of|on|upon|am|an)\s+)?(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*"
    r"(?:" + _IN_PLACE + r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*)?)"
)

#: "in eastern Syria", "across northern Aleppo": a lower-case compass adjective before a name,
#: kept in the place text (the resolver reads a part of a country as an area, where_prec 5).
#: Tried only after every other lead candidate: such a phrase often sets the scene.
_COMPASS_PLACE = re.compile(
    r"\b(?:in|across|throughout|of)\s+(?:the\s+)?"
    r"(?P<p>(?:(?:north|south)?-?(?:east|west)ern|(?:north|south)ern|central)\s+"
    r"[A-Z][\w'’\-]+(?:\s+(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’\-]+)*)"
)


#: "fought in / took place at / occurred near (present-day) X": the event's own place.
_FOUGHT_IN = re.compile(
    r"\b(?:fought|took\s+place|occurred|happened|crashed|exploded)\s+(?:in|at|near|outside|off)\s+"
    r"(?:the\s+)?(?:(?:town|village|city|settlement)\s+of\s+)?"
    r"(?:(?:present[\s-]day|modern(?:[\s-]day)?|what\s+is\s+(?:now|today))\s+)?"
    r"(?P<p>(?:St\.\s+)?[A-Z][\w'’\-]+(?:\s+(?:(?:de|del|la|le|of|on|upon|am|an)\s+)?(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*"
    r"(?:" + _IN_PLACE + r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*)?)"
)

#: "was killed (in August 2022 in a car bombing) on the outskirts of X": the place of a
#: person's killing, which goes before places the lead names as background ("the invasion
#: of Ukraine she supported"). A month after "in" is a date, not the place.
_KILLED_AT = re.compile(
    r"\b(?:was|were)\s+(?:killed|assassinated|murdered|shot\s+dead)\b[^.;:]{0,80}?"
    r"\b(?:in|at|near|outside|outskirts\s+of)\s+(?:the\s+)?"
    rf"(?!(?:{_MONTHS})\b)"
    r"(?P<p>(?:St\.\s+)?[A-Z][\w'’\-]+(?:\s+(?:(?:de|del|la|le|of|on|upon|am|an)\s+)?(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*"
    r"(?:" + _IN_PLACE + r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*"
    r"(?:,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)*)?)"
)


def _lead(doc: Document) -> list[Sentence]:
    """The sentences of the first body paragraph."""
    body = doc.body()
    return [s for s in body if s.paragraph == body[0].paragraph] if body else []


#: Capitalised words that may stand before "of <Place>" in a place's or event's own name
#: ("Kingdom of France", "Province of Jaén", "Battle of Hastings", "Isle of Wight").
_OF_PLACE_HEADS = frozenset(
    """
    kingdom empire republic duchy principality tsardom sultanate emirate caliphate khanate
    electorate dominion colony commonwealth realm county district province region city town
    regency governorate oblast prefecture department municipality parish canton voivodeship
    krai raion borough shire territory
    village port isle island islands gulf bay strait straits sea lake cape mount state battle
    battles siege sack fall capture storming massacre bombing bombings raid relief burning
    occupation liberation invasion evacuation shelling attack attacks
    """.split()
)


def _names_a_body(text: str, m: re.Match[str], org_words: frozenset[str]) -> bool:
    """Whether ``of <Place>`` at *m* ends a capitalised name that is not a place's: an
    organisation, an office or a person ("the Investigative Committee of Russia", "Isaac
    Smith of Geelong", "Islamic State of Iraq"). A state's, a division's or an event's own
    name ("Kingdom of France", "Battle of Hastings") is kept, and so is a single other
    capitalised word, which may be a codename ("Dawn of Idlib").
    """
    if not m.group().startswith("of"):
        return False
    before = text[: m.start()].rstrip()
    words = re.findall(r"[\w'’\-]+", before)
    if not words or not words[-1][:1].isupper():
        return False
    prev = words[-1].casefold()
    if prev in org_words:
        return True
    if len(words) >= 2 and words[-2].casefold() == "islamic" and prev == "state":
        return True
    # a person's name: two capitalised words, neither a state's nor an event's head word
    # ("Isaac Smith of Geelong"); a single word may be a codename ("Dawn of Idlib")
    # (not the sentence's first two words: "Battle Creek of …" may be the page's subject)
    return (
        len(words) > 2
        and words[-2][:1].isupper()
        and not {w.casefold() for w in words[-2:]} & _OF_PLACE_HEADS
    )


#: Words before a lead place that say how it stands to the event, kept in the location text so
#: the resolver reads them: a reference point ("130 km north of Kyiv", "the area north and east
#: of Mosul": near it, never its point) or a settlement ("the city of Kherson": the city, not
#: the oblast named after it).
_PLACE_QUALIFIER = re.compile(
    r"(?:\b(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|mi|miles)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:\s+and\s+(?:north|south|east|west))?\s+of\s+"
    rf"|\b{TOWN_QUALIFIER}"
    r"|\b(?:suburbs?|outskirts|vicinity|environs|surroundings)\s+of\s+)$"
)
#: "near (the town of) X", "outside X": the words before a lead's place that make it a place
#: near the named one.
_NEAR_BEFORE = re.compile(
    r"(?<!\bfrom\s)\b(?:near|outside(?:\s+of)?|close\s+to|not\s+far\s+from)\s+(?:the\s+)?\Z"
)
#: A place named as part of a facility's name, followed by the settlement it stands in ("the
#: Saky airbase in the town of Novofedorivka"): the settlement is the event's place.
_FACILITY_IN_TOWN = re.compile(
    r"\s+(?:military\s+|air\s+|naval\s+)?(?:air\s*base|airfield|airport|base|plant|station)"
    r"\s+in\s+the\s+(?:town|village|city|settlement)\s+of\s+[A-Z]"
)


def _lead_location(b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]) -> None:
    """A page without an infobox location: the first place the lead paragraph puts it in
    (:func:`_lead_candidate`), else the place the title names (:func:`_title_place`)."""
    found = _lead_candidate(doc)
    if found is None:
        lead = _lead(doc)
        _title_place(b, doc, lead, _lead_countries(lead), support)
        return
    s, a, name, value, _place, _qual = found
    b.add_from_sentence("location", s, a, a + len(name), support, value=value)


def _lead_town_in_box_place(
    b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]
) -> None:
    """An infobox place the gazetteer knows only as a division, a region or a country
    ("Al-Thawrah District, Raqqa Governorate, Syria", "Northern Iraq • … • Nineveh
    Governorate") gives way to the town the lead puts the event in when that town lies inside
    it (the same first-order division; for a country or a region, the same country) and the
    title names it as the place fought over ("Battle of Mosul" … "to retake the city of
    Mosul"; an offensive's or a campaign's lead town is one of many, so it stays). Never a
    town from a distance phrase ("the area north and east of Mosul", "the town of Dabiq,
    north of Aleppo": a reference point, not the event's place), never a place near a town,
    never the title's own words in the lead ("The Battle of Sirte started …"), and never
    when the infobox states coordinates."""
    from eventledger.normalise.places import resolve_place

    if any(st.property == "coordinates" for st in b.items):
        return
    box = [st for st in b.items if st.property == "location" and isinstance(st.value, dict)]
    if not box or any(st.value.get("coord") for st in box):
        return
    text = box[-1].value.get("text")
    titled = _TITLE_PLACE.match(doc.title.strip())
    if not text or titled is None:
        return
    area = resolve_place(text)
    if area.where_prec is None or area.where_prec < 3 or area.country is None:
        return
    # "The Battle of Sirte started …": the page's own name says nothing of where
    found = _lead_candidate(doc, own_name=titled.group().split("(")[0].strip())
    if found is None:
        return
    s, a, name, value, town, qual = found
    if qual and not qual.startswith(("city", "town", "village")):
        return  # "north of Mosul", "outskirts of X": a reference point, not the place
    if town.feature != "city" or town.where_prec != 1 or town.country != area.country:
        return
    if titled.group("p").casefold() not in name.casefold():
        return  # the battle's own town, as the title names it ("Battle of Tabqa")
    if area.feature in ("admin1", "admin2", "seat") and town.admin1 != area.admin1:
        return  # a town outside the division the infobox names is another place
    b.add_from_sentence("location", s, a, a + len(name), support, value=value)


#: "the Lyman–Sievierodonetsk front", "the Palmyra–Homs road": a place joined by an en dash to
#: another capitalised name is one end of a front, a road or a border the event lies along,
#: not the event's place (a lead's later place, if any, says where it was).
_LINE_END = re.compile(r"\s*[–—]\s*[A-Z]")


def _inside_name(text: str, at: int, name: str) -> bool:
    """Whether offset *at* of *text* lies inside a mention of *name* (case-insensitive)."""
    folded, key = text.casefold(), name.casefold()
    return any(m.start() <= at < m.end() for m in re.finditer(re.escape(key), folded))


#: "along a frontline running from the village of Tavilzhanka …, the city of Svatove …, and
#: to the city of Kreminna": the place is one point of a line, up to the sentence's end.
_ALONG_LINE = re.compile(
    r"\b(?:front\s*lines?|lines?)\s+(?:(?:running|stretching|extending|that\s+runs)\s+)?"
    r"(?:from|between)\b",
    re.I,
)


def _line_spread(text: str, at: int, place: Any) -> int | None:
    """A lead town named as one point of a front line ("along a frontline running from … the
    city of Svatove … to the city of Kreminna") does not place the event at the town: the
    event spans the line. Its where_prec is 4 when the line's towns the gazetteer knows lie in
    one first-order division, 5 when in several; None when the place is no such point (no
    line phrase before it in its clause, or fewer than two known towns on the line)."""
    from eventledger.normalise.places import resolve_place_in

    if place.country is None:
        return None
    line = None
    for m in _ALONG_LINE.finditer(text, 0, at):
        line = m
    if line is None or re.search(r"[.;]", text[line.end() : at]):
        return None
    tail = re.split(r"[.;]", text[line.end() :])[0]
    divisions: set[str] = set()
    towns = 0
    for m in re.finditer(r"\b[A-Z][\w'’\-]+", tail):
        town = resolve_place_in(m.group(), {place.country})
        if town is not None and town.feature == "city":
            towns += 1
            divisions.add(town.admin1 or "")
    if towns < 2:
        return None
    return 4 if len(divisions) == 1 else 5


def _lead_countries(lead: list[Sentence]) -> set[str]:
    """The countries the lead names, or whose demonym it uses ("the Ukrainian
    counteroffensive")."""
    from eventledger.normalise.places import countries_named, demonym_countries

    lead_text = " ".join(s.plain.text for s in lead)
    return countries_named(lead_text) | demonym_countries(lead_text) if lead else set()


def _lead_candidate(
    doc: Document, own_name: str | None = None
) -> tuple[Sentence, int, str, dict[str, Any], Any, str] | None:
    """The first place the lead paragraph puts the event in: its sentence, the start and text
    of the place (with a qualifier kept: "city of X", "north of X"), the statement's value, the
    resolved place and the qualifier ("" when none); None when the lead names none. With
    *own_name* ("Battle of Sirte"), a place inside a mention of it is no candidate.

    Candidates are capitalised names after ``in``/``at``/``near``/``off``/``of``/``into``…
    (``in the St. Antoine district of Paris``, ``a sortie into the North Sea``), in order; the
    first the gazetteer resolves is taken, and the statement says it came from the body. A
    place the lead says the event was *fought in* / *took place at* / *occurred near*
    (``fought in present-day Cleveland County, Arkansas``) goes before the others, which may
    be background ("… commencing at Alexandria, Louisiana").
    """
    from eventledger.normalise.places import (
        ORG_WORDS,
        countries_named,
        resolve_place,
        resolve_place_in,
        same_name,
    )

    lead = _lead(doc)
    lead_countries = _lead_countries(lead)
    # the sentence that says where the event happened ("was fought in present-day Cleveland
    # County, Arkansas") goes before places named in the background ("… at Alexandria")
    fought = [(s, m) for s in lead for m in _FOUGHT_IN.finditer(s.plain.text)]
    fought += [(s, m) for s in lead for m in _KILLED_AT.finditer(s.plain.text)]
    candidates = fought + [(s, m) for s in lead for m in _PLACE_AFTER.finditer(s.plain.text)]
    titled = _TITLE_PLACE.match(doc.title.strip())
    if titled:
        # "Battle of Balakliia" … "including the towns of Kupiansk, Shevchenkove, and
        # Balakliia": the place the title names goes before the lead's other places
        named = titled.group("p")
        candidates.sort(key=lambda sm: sm[1].group("p") != named)
    candidates += [(s, m) for s in lead for m in _COMPASS_PLACE.finditer(s.plain.text)]
    for i, (s, m) in enumerate(candidates):
        name = m.group("p")
        if _names_a_body(s.plain.text, m, ORG_WORDS):
            continue
        if _PEOPLE_AFTER.match(s.plain.text, m.end("p")):
            continue  # "the killing of Toba (Qom) and Mocoví people": a people, not a place
        if own_name and _inside_name(s.plain.text, m.start("p"), own_name):
            continue
        if _FACILITY_IN_TOWN.match(s.plain.text, m.end("p")):
            continue  # "the Saky airbase in the town of Novofedorivka": the town follows
        if _LINE_END.match(s.plain.text, m.end("p")) and f"{name}–" not in doc.title:
            # "on the Lyman–Sievierodonetsk front": one end of a line, not the place (unless
            # the line is the page's own subject: "Battle of the Svatove–Kreminna line")
            continue
        a = m.start("p")
        qual = _PLACE_QUALIFIER.search(s.plain.text[max(0, a - 40) : a])
        if qual is None:
            # "The battle of Kherson … the capture of the city of Kherson": the lead's own
            # "city of X" says which X the bare name is
            for s2, m2 in candidates[i + 1 :]:
                a2 = m2.start("p")
                q2 = _PLACE_QUALIFIER.search(s2.plain.text[max(0, a2 - 40) : a2])
                if (
                    m2.group("p").split(",")[0] == name
                    and q2
                    and q2.group().startswith(("city", "town", "village"))
                ):
                    # (also "the town of Lunenburg, Nova Scotia": the lead says which one)
                    s, m, a, qual = s2, m2, a2, q2
                    break
        if qual is not None:
            a -= len(qual.group())
            name = s.plain.text[a : m.end("p")]
        near = _NEAR_BEFORE.search(s.plain.text, max(0, a - 24), a)
        first_name = re.split(r",|\s+in\s+", m.group("p"))[0]
        if near is not None and (
            qual is not None
            or (
                # near the place itself, not near a building or district in it ("outside
                # the Marriott Hotel in Islamabad") nor its name as a noun's modifier
                # ("outside the Kabul headquarters of …")
                not re.match(
                    r"\s+(?!(?:and|or|city|town|village|district|province|region|area)\b)[a-z]",
                    s.plain.text[m.start("p") + len(first_name) :],
                )
                and (resolve_place(first_name).matched or "").casefold() == first_name.casefold()
            )
        ):
            # "shot … near the town of Bodaybo": the place is near the town (where_prec 2),
            # which the resolver reads from the phrase
            a = near.start()
            name = s.plain.text[a : m.end("p")]
        place = resolve_place(name)
        if place.name is None:
            continue
        hint: str | None = None
        if place.country not in lead_countries and place.feature in _TOWN_FEATURES:
            # "Lyman" in a lead about the invasion of Ukraine is Lyman in Ukraine, not the
            # town in South Carolina: the countries the lead names decide between namesakes
            # (the bare name: "the town of Greytown" is Greytown in the lead's Nicaragua)
            there = resolve_place_in(m.group("p"), lead_countries)
            if there is not None:
                place, hint = there, there.country
        if not same_name(place.matched, place.name):
            # matched by another place's alternate spelling ("Banjska" is one of Bansko's):
            # refused when the sentence names a country and it is not that one
            named = countries_named(s.plain.text)
            if named and place.country not in named:
                continue
        first = re.split(r",|\s+in\s+", m.group("p"))[0]
        if i < len(fought) and (place.matched or "").casefold() != first.casefold():
            # only a part of the name is known ("St. Peter's" of "St. Peter's Square"): the
            # gazetteer may have found another place; the lead's first place decides
            continue
        value = {"text": name, "country_hint": hint} if hint else {"text": name}
        spread = _line_spread(s.plain.text, a, place)
        if spread is not None:
            value["spread"] = spread
        return s, a, name, value, place, qual.group() if qual is not None else ""
    return None


#: After a name: it names a people ("Toba (Qom) and Mocoví people", "Herero tribesmen"); not
#: "Qibya villagers", whose name is the village's.
_PEOPLE_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:and|or)\s+[A-Z][\w'’-]*(?:\s+\([^()]{1,40}\))?\s+)?"
    r"(?:people|peoples|tribes?|tribesmen|Indians|natives)\b"
)


#: Gazetteer features of a town or village (namesakes in other countries are common).
_TOWN_FEATURES = frozenset({"city", "town", "village", None})
#: A title that names the place fought over: "(First) Battle(s) of X", "Siege of X (2014)".
_TITLE_PLACE = re.compile(
    r"^(?:(?:first|second|third|fourth|fifth)\s+)?(?:battles?|siege|capture|fall|liberation|"
    r"defen[cs]e|storming|sack|encirclement|shelling|bombing|massacre)\s+of\s+"
    r"(?P<p>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})\s*(?:\(.*\))?$",
    re.I,
)


def _title_place(
    b: _Builder,
    doc: Document,
    lead: list[Sentence],
    lead_countries: set[str],
    support: dict[str, tuple[str, list[str]]],
) -> None:
    """No place in the lead's sentences: the place the title names ("Battle of Balakliia"),
    where the lead's first sentence writes it (the span), when the gazetteer knows it inside
    a country the lead names (a title place without such a country is too often a namesake)."""
    from eventledger.normalise.places import resolve_place_in

    m = _TITLE_PLACE.match(doc.title.strip())
    if m is None or not lead or not lead_countries:
        return
    name = m.group("p")
    s = lead[0]
    at = s.plain.text.find(name)
    if at < 0:
        return
    place = resolve_place_in(name, lead_countries)
    if place is None:
        return
    value = {"text": name, "country_hint": place.country}
    b.add_from_sentence("location", s, at, at + len(name), support, value=value)


def _whole_lead(doc: Document) -> list[Sentence]:
    """The sentences before the first heading (all of the lead's paragraphs); only the first
    paragraph on a page with no heading, whose unheaded text is not all lead."""
    body = doc.body()
    if not any(s.section for s in body):
        return _lead(doc)
    return [s for s in body if s.section is None]


def _event_dates(doc: Document, s: Sentence) -> list[Any]:
    """The dates of a lead sentence that may date the event: not a range of years in a name,
    not a person's life span."""
    return [
        d
        for d in find_dates(s.plain.text)
        if not in_a_name(s.plain.text, d, doc.title) and not life_span(s.plain.text, d)
    ]


_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}


#: "began an offensive on", ", starting on": the clause before a later paragraph's day that
#: opens the event there.
_OPENS_AT = re.compile(r"\b(?:began|begun|started|starting|launched|commenced)\b", re.I)


#: "The battle lasted from 27 February 2022 to 28 March 2022", "took place from … to …": the
#: clause right before a range of days that states the event's own span.
_SPANS_FROM = re.compile(
    r"\b(?:lasted|took\s+place|(?:was|were)\s+fought|raged|ran)\s+from\s+$", re.I
)


def _states_span(text: str, d: Any) -> bool:
    """Whether *text* says the event lasted over the range *d* ("The battle lasted from …",
    "the initial invasion phase, which lasted from …"): a span verb right before it whose
    subject is the event (an event noun, "it", "fighting", "phase" shortly before), not
    something else ("Shelling of the town lasted from …")."""
    m = _SPANS_FROM.search(text[: d.start_offset])
    if m is None:
        return False
    before = text[max(0, m.start() - 60) : m.start()]
    return bool(
        re.search(r"\b(?:it|fighting|phase|engagements?)\b", before, re.I)
        or _EVENT_WORD.search(before)
    )


def _later_lead_day(doc: Document, first: Any) -> tuple[Sentence, Any] | None:
    """A lead whose first date is no exact day ("The Battle of Soledar was … in the 2022
    Russian invasion": a year in a name): a lead sentence that states the event's span
    ("The battle lasted from 27 February 2022 to 28 March 2022", "took place from 5 March to
    21 March 2022") dates it, in any paragraph of the lead. When the first paragraph gives
    no exact day, the first exact day of the lead's later paragraphs that a clause opens the
    event at ("Russian forces began an offensive on 3 August 2022", "…, starting on 2 March
    2015") dates it. Either must lie inside the first paragraph's date (if any) and in the
    title's year (if the title has one). Other days of the later paragraphs (an order, a
    capture, an end: "began on 3 March and ended on 7 May 2022") do not. None otherwise."""
    years = _YEAR_IN_TITLE.findall(doc.title or "")
    if len(years) > 1 or (first is not None and (first.end is not None or first.ongoing)):
        return None
    lead = _lead(doc)
    if not lead:
        return None
    first_day = any(d.precision == "day" for s in lead for d in _event_dates(doc, s))
    for s in _whole_lead(doc):
        text = s.plain.text
        for d in _event_dates(doc, s):
            if d.precision != "day" or d.ongoing:
                continue
            spans = d.end is not None and _states_span(text, d)
            if not spans:
                if first_day or s.paragraph == lead[0].paragraph:
                    continue
                before = text[max(0, d.start_offset - 60) : d.start_offset]
                opening = re.split(r"[,;(]", before)[-1]
                opens = list(_OPENS_AT.finditer(opening))
                if first is None and _opens_sentence_there(text, d):
                    pass  # "On 24 February 2022, …, troops made an air assault on the airport"
                elif not opens or _ENDED_AT.search(opening, opens[-1].end()):
                    continue  # no opening verb, or "began on … and ended on 7 May"
            inside = first is None or (d.start or "").startswith(first.start or "-")
            if inside and (not years or (d.start or "")[:4] == years[0]):
                return s, d
            return None  # the event opens at another time than the first paragraph's
    return None


def _opens_sentence_there(text: str, d: Any) -> bool:
    """Whether the day *d* opens the sentence ("On 24 February 2022, …") and its main clause
    opens the event (:data:`_OPENING`: attacked, launched, made an air assault …) with no end
    word (captured, withdrew …) in the sentence."""
    if text[: d.start_offset].strip().lower() not in ("on", "") or not text[
        d.end_offset :
    ].startswith(","):
        return False
    rest = text[d.end_offset :]
    return bool(_OPENING.search(rest)) and not _ENDED_AT.search(rest)


def _ends_there(doc: Document, s: Sentence, d: Any) -> bool:
    """Whether the lead's only day *d* is the end of a battle or siege: the sentence says the
    title's place or goal was fully captured/recaptured/liberated (:data:`_TAKES`) before it,
    opens nothing (no began/launched …) and gives no other date ("Russian and separatist
    forces fully captured Pisky on 24 August 2022")."""
    title = doc.title or ""
    if d.precision != "day" or d.end is not None or d.ongoing:
        return False
    if not _FOUGHT_OVER.search(title) or _SERIES.search(title) or _YEAR_RANGE.search(title):
        return False
    text = s.plain.text
    before = text[: d.start_offset]
    if _OPENS_AT.search(text) or _BEGAN.search(text) or len(find_dates(text)) != 1:
        return False
    return any(m.end() <= d.start_offset for m in _TAKES.finditer(before)) and _takes_goal(
        doc, s, before
    )


def _narrative_opening_before(doc: Document, d: Any) -> tuple[Sentence, Any] | None:
    """The first dated sentence of the first narrative section, when it opens the event
    (:data:`_OPENING`) on a day of *d*'s year before *d*, not after "by/until/since/before"
    ("Russian and DPR separatist forces launched an assault on Pisky on 28 July"). None
    otherwise."""
    narrative = _narrative(doc)
    walk = _year_walk(narrative, int((d.start or "0")[:4])) if narrative else []
    if not walk:
        return None
    t, e = walk[0]
    if (
        t.section != narrative[0].section
        or e.end is not None
        or not (e.start or "") < (d.start or "")
        or (e.start or "")[:4] != (d.start or "")[:4]
        or not _opens_on(t, e)
    ):
        return None
    return t, e


#: Plural nouns of acts that a title may name an event by ("2022 Chornobaivka attacks").
_ACTS = re.compile(
    r"(?:attacks|strikes|airstrikes|bombings|shellings|clashes|raids|skirmishes|riots|protests"
    r"|killings|massacres|explosions)"
)
#: "… continued up to 5 November": the clause right before a day that the subject went on to.
_CONTINUED_UNTIL = re.compile(r"\bcontinued\s+(?:up\s+to|until|till|through)\s+$", re.I)


def _continued_until(
    b: _Builder,
    doc: Document,
    support: dict[str, tuple[str, list[str]]],
    first: Sentence,
    start: Any,
    st: Statement,
) -> None:
    """An event of many acts (its title a plural noun: "2022 Chornobaivka attacks") whose lead
    says it began on a day and, in a later lead sentence, that those acts "continued up to /
    until <day>" ("Ukrainian attacks against the Russian army at Chornobaivka continued up to
    5 November"): the event spans from the start to that day (a yearless day takes the
    start's year). The subject must be the title's own noun, in the same clause (not
    "Shelling of the town continued until 31 March" on a battle page)."""
    words = re.findall(r"[A-Za-z]+", doc.title or "")
    if start.precision != "day" or start.end is not None or not words:
        return
    head = words[-1].lower()
    if not _ACTS.fullmatch(head):
        return  # not a plural noun of acts: "Battle of Athens"
    lead = _whole_lead(doc)
    for s in lead[lead.index(first) + 1 if first in lead else 0 :]:
        text = s.plain.text
        for e in dates_after(text, start):
            before = text[: e.start_offset]
            m = _CONTINUED_UNTIL.search(before)
            if m is None or e.precision != "day" or e.end is not None:
                continue
            clause = re.split(r"[,;:]", before[: m.start()])[-1]
            if not re.search(rf"\b{re.escape(head)}\b", clause, re.I):
                continue
            joined = span_until(start, e)
            if joined is None:
                return
            st.value = _date_value(replace(joined, approximate=st.value.get("approximate", False)))
            b.add_from_sentence(
                "date", s, e.start_offset, e.end_offset, support, value=_date_value(e)
            )
            return


def _title_last_year(doc: Document) -> str | None:
    """The last year of a title's range of years ("Battle of Marinka (2022–2023)": 2023,
    "(2015–16)": 2016), None when the title has no such range."""
    m = re.search(r"\b(\d{4})\s*[–—-]\s*(\d{4}|\d{2})\b", doc.title or "")
    if m is None:
        return None
    first, last = m.group(1), m.group(2)
    last = first[:2] + last if len(last) == 2 else last
    return last if last > first else None


def _opens_there(text: str, d: Any) -> bool:
    """Whether *text* says the event opened at its date *d*: an opening verb before it
    ("launched … on 14 January 2017") or, when the date opens the sentence, in its main clause
    ("In early June 2023, …, Ukraine launched a counteroffensive"), with no end word there."""
    if _OPENS_AT.search(text[: d.start_offset]):
        return True
    if text[: d.start_offset].strip().lower() not in ("in", "on", ""):
        return False
    rest = text[d.end_offset :]
    return bool(_OPENS_AT.search(rest)) and not _ENDED_AT.search(rest)


def _lead_date(b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]) -> None:
    """A page without an infobox date: the first date of the lead paragraph, if any; when
    that is no exact day, a lead sentence that states the event's span ("The battle lasted
    from 5 March to 21 March 2022") or, when the first paragraph gives no exact day, the
    first exact day of the lead's later paragraphs inside it (:func:`_later_lead_day`). A
    battle/offensive/siege the lead says began/was launched on a day, with no end found, is
    not dated to one exact day: its date_prec is 5 (UCDP: only a longer period is known)."""
    found: tuple[Sentence, Any] | None = None
    for s in _lead(doc):
        dates = _event_dates(doc, s)
        if dates:
            # "The 2017 Mosul airstrike … on 17 March 2017": the most precise date of the
            # first sentence that has one (the first of equals), not a year in a name
            d = _day_of_year(s.plain.text, min(dates, key=lambda x: _RANK.get(x.precision, 5)))
            if _siege_since(b, doc, support, s, d):
                return
            stated = _later_lead_day(doc, d) if d.precision != "day" else None
            if stated is not None and stated[1].end is not None:
                found = stated  # "The battle lasted from 5 March to 21 March 2022"
                break
            s, d = _title_year_refined(doc, s, d)
            s, d = _named_year_refined(doc, s, d)
            d = _began_and_ended(s.plain.text, d, dates_after(s.plain.text, d)) or d
            d = _yearless_start(s.plain.text, d) or d
            found = s, d
            break
    if found is None or (found[1].precision != "day" and found[1].end is None):
        later = _later_lead_day(doc, found[1] if found else None)
        if later is not None:
            s, d = later
            d = _began_and_ended(s.plain.text, d, dates_after(s.plain.text, d)) or d
            found = s, d
        else:
            spanned = _lead_yearless_span(doc, found[1] if found else None)
            if spanned is not None:
                found = spanned
    if found is None:
        _narrative_start(b, doc, support)
        return
    s, d = found
    if _ends_there(doc, s, d):
        opened = _narrative_opening_before(doc, d)
        joined = span_until(opened[1], d) if opened is not None else None
        if opened is not None and joined is not None:
            # "Russian and separatist forces fully captured Pisky on 24 August 2022" is the
            # battle's end; the narrative's "launched an assault on Pisky on 28 July" its start
            t, e = opened
            opening = b.add_from_sentence("date", t, e.start_offset, e.end_offset, support,
                                          value=_date_value(e))  # fmt: skip
            b.add_from_sentence("date", s, d.start_offset, d.end_offset, support,
                                value=_date_value(d))  # fmt: skip
            opening.value = _date_value(joined)
            return
    last = _title_last_year(doc)
    if d.end is not None and last is not None and d.end[:4] < last:
        # "Battle of Marinka (2022–2023)": "Shelling … intensified between 17 February and 22
        # February 2022" is a phase, not the span of an event that went on into 2023
        d = replace(d, end=None, date_prec=5)
    st = b.add_from_sentence(
        "date",
        s,
        d.start_offset,
        d.end_offset,
        support,
        value=_date_value(d),
    )
    _lead_end_date(b, doc, support, s, d, _whole_lead(doc))
    if st.value["end"] is None:
        _continued_until(b, doc, support, s, d, st)
    if (
        st.value["end"] is None
        and st.value["date_prec"] in (1, 4)
        and _DURATIVE_TITLE.search(doc.title or "")
        and (_opens_there(s.plain.text, d) or _opens_sentence_there(s.plain.text, d))
    ):
        # "a military operation launched … on 14 January 2017" ("Ukraine launched a
        # counteroffensive in early June 2023"), and no end: a battle or offensive that lasted
        # an unknown time from that day or month is not known to that day or month (UCDP
        # date_prec 1, 4); only a longer period is known (5)
        st.value["date_prec"] = 5
    _narrative_span(b, doc, support, s, d, st)


#: Sections that are not the event's own narrative: what came before or after it.
_NOT_NARRATIVE = re.compile(
    r"^\s*(?:background|prelude|context|history|origins?|prior\s+events|aftermath|legacy"
    r"|reactions?|analysis|see\s+also|notes|references|further\s+reading|external\s+links"
    r"|casualties|assessment|impact|consequences|international\s+reactions?|war\s+crimes"
    r"|order\s+of\s+battle|forces|belligerents|strategical\s+importance)\b",
    re.I,
)
#: A lead clause that ends a lasting event at the date right after it: "contested until
#: Russian forces withdrew on 2 April 2022", "resulted in the capture of <title place> … on".
_LEAD_END_AT = re.compile(r"\b(?:withdrew|retreated|had\s+left|left)\s+(?:on|by)\s+$", re.I)
#: "it was re-captured by Ukrainian forces in late March": the title's place (the lead's "it",
#: "the city/town/village") taken back at the date right after it ends a battle.
_RETAKEN_AT = re.compile(
    r"\b(?:it|the\s+(?:city|town|village))\s+was\s+(?:re-?captured|retaken|liberated)"
    r"(?:\s+by\s+[^,;]{1,60}?)?\s+(?:in|on)\s+(?:(?:early|late)\s+|mid-?)?$",
    re.I,
)
_CAPTURE_OF = re.compile(r"\b(?:capture|fall|recapture)\s+of\s+(?P<p>[A-Z][\w'’-]+)")
#: The narrative's sentence that opens the event: an advance, an attack, a launch.
_OPENING = re.compile(
    r"\b(?:advanc(?:ed|ing)|attack(?:ed|ing)?|launch(?:ed|ing)|began|begun|start(?:ed|ing)"
    r"|restart(?:ed|ing)|cross(?:ed|ing)|enter(?:ed|ing)|assault(?:ed)?|storm(?:ed|ing)"
    r"|invad(?:ed|ing)|besieg(?:ed|ing)|encircl(?:ed|ing)|made\s+a\s+(?:\w+\s+)?advance"
    r"|approach(?:ed|ing)|engag(?:ed|ing))\b",
    re.I,
)
#: A narrative sentence that ends the event: the siege broken/lifted, the fighting or the
#: withdrawal ended ("Fighting ended on September 8", "The withdrawal ended on April 4"), the
#: attacker withdrew from or left the title's place or was driven from it ("a counteroffensive
#: drove Russia from Dovhenke"), the title's place fully captured/recaptured/liberated
#: ("liberating all of Balakliia"); a siege's place captured.
_NARRATIVE_END = re.compile(
    r"\b(?:siege|blockade|encirclement)\s+(?:of\s+(?:\S+\s+){1,4}?)?(?:was|had\s+been|has\s+been)"
    r"\s+(?:broken|lifted)|(?:broke|lifted)\s+the\s+siege"
    r"|(?<![\w-])(?:[Ff]ighting|[Tt]he\s+(?:battle|withdrawal))\s+(?:had\s+)?ended\s+(?:on|by)\b"
    r"|\bdr(?:ove|iven)\s+(?:\S+\s+){1,3}?(?:out\s+of|from)\s+(?:the\s+)?(?P<d>[A-Z][\w'’-]+)(?!\s+[A-Z])"
    r"|(?:(?:withdrew|withdrawn|retreated|pulled\s+out)\s+(?:from|of)"
    r"|(?:forces|troops|army|units)\s+(?:had\s+)?left)"
    r"\s+(?:the\s+)?(?P<w>[A-Z][\w'’-]+)(?!\s+[A-Z])"
    r"|\b(?:regained|retook|took|seized|gained|were\s+in|was\s+in)\s+(?:full\s+)?control\s+of"
    r"\s+(?P<k>[A-Z][\w'’-]+)(?=\s*[.,;:]|\s*$|\s+(?:on|in|by|after|and|with|as|from)\b)"
    r"|\bfull\s+control\s+of\s+the\s+(?:city|town|village)\b(?!\s+(?:hall|centre|center|of)\b)"
    r"|(?:fully\s+captured|recaptured|re-captured|captured|liberat(?:ed|ing)(?:\s+all\s+of)?)"
    r"\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?(?P<c>[A-Z][\w'’-]+)(?!\s+[A-Z])",
)


#: A battle or siege is fought over its place: taking or leaving it ends the event (an
#: offensive's place may be lost and retaken on the way).
_FOUGHT_OVER = re.compile(r"\b(?:battle|siege|blockade|encirclement)\b", re.I)
#: "2023 Ukrainian counteroffensive": a campaign on several fronts, whose narrative sections
#: each open and end one front's fighting.
_COUNTER = re.compile(r"\bcounter-?offensives?\b", re.I)
#: A title of several events ("Battles of Voznesensk"): no one narrative span.
_SERIES = re.compile(r"\b(?:battles|sieges|offensives|clashes)\b", re.I)
#: A title's range of years ("Battle of Ramadi (2015–2016)"): its narrative may open before.
_YEAR_RANGE = re.compile(r"\b\d{4}\s*[–—-]\s*\d{2,4}\b")


def _elsewhere(doc: Document, text: str) -> bool:
    """Whether a lead sentence is about another place, so its date is not the event's end:
    it names no place of the title, says nothing ended (:data:`_ENDING`) and names another
    place ("On March 26, 2022, it was reported that the strategic stronghold of Trostianets
    was taken back" on a page about Okhtyrka)."""
    places = _title_places(doc)
    if _ENDING.search(text) or any(re.search(rf"\b{re.escape(p)}\b", text) for p in places):
        return False
    return any(
        m.group(1) not in places
        for m in re.finditer(r"\b(?:of|in|at|near)\s+([A-Z][\w'’-]+)", text)
    )


def _title_places(doc: Document) -> set[str]:
    """Capitalised words of the title that name its place ("Battle of Brovary": Brovary)."""
    words = set(re.findall(r"[A-Z][\w'’-]+", doc.title or ""))
    return words - _TITLE_HEADS


#: Title words that are no place ("Second Battle of …", "Southern … offensive").
_TITLE_HEADS = frozenset(
    "Battle Siege Second Third First Offensive Fall Capture The Operation Campaign Southern "
    "Northern Eastern Western".split()
)


def _narrative_ends(doc: Document, text: str) -> bool:
    """Whether a narrative sentence says the event ended (see :data:`_NARRATIVE_END`): a
    named place must be the title's, plain "captured" ends only a siege."""
    places = _title_places(doc)
    siege = bool(re.search(r"\b(?:siege|blockade|encirclement)\b", doc.title or "", re.I))
    for m in _NARRATIVE_END.finditer(text):
        named = m.group("w") or m.group("d") or m.group("k")
        if named is not None:
            if named in places:
                return True
        elif m.group("c") is not None:
            verb = m.group(0).split()[0].lower()
            if m.group("c") in places and (verb != "captured" or siege):
                return True
        else:
            return True
    return False


#: A sentence that goes on at the date of the sentence before it: "That evening, …".
_SAME_DAY = re.compile(
    r"^\s*(?:(?:later\s+)?that\s+(?:day|evening|night|afternoon|morning)|the\s+same\s+day)\b", re.I
)


def _same_day_end(doc: Document, narrative: list[Sentence], s: Sentence) -> bool:
    """Whether the narrative sentence right after *s* has no date of its own, opens with
    "That evening"/"Later that day"/"The same day" (so it happens at *s*'s last date) and
    says the event ended ("Russian forces later captured the city hall on the 19 April. That
    evening, … the remaining Ukrainian troops withdrew, giving Russian troops full control of
    the city")."""
    k = narrative.index(s) if s in narrative else -1
    if k < 0 or k + 1 >= len(narrative):
        return False
    nxt = narrative[k + 1].plain.text
    if not _SAME_DAY.search(nxt) or find_dates(nxt):
        return False
    return _narrative_ends(doc, nxt)


def _narrative(doc: Document) -> list[Sentence]:
    """The sentences of the event's own narrative: the sections after the lead that are not
    background or aftermath (:data:`_NOT_NARRATIVE`), from the first such section on."""
    out: list[Sentence] = []
    for s in doc.body():
        if s.section is None:
            continue
        if _NOT_NARRATIVE.search(s.section):
            if out:
                break  # an Aftermath after the narrative ends it
            continue
        out.append(s)
    return out


def _year_walk(sentences: list[Sentence], year: int) -> list[tuple[Sentence, Any]]:
    """The dates of narrative *sentences* in order, a day without a year taking the year of
    the date before it, and the next year when its month comes before that date's month (a
    chronological narrative crossing New Year: October … December, February)."""
    out: list[tuple[Sentence, Any]] = []
    cur_year, cur_month = year, 0
    for s in sentences:
        anchor = DateValue(str(cur_year), None, "year", 5)
        dates = sorted(dates_after(s.plain.text, anchor), key=lambda x: x.start_offset)
        for k, e in enumerate(dates):
            if e.start is None or not e.start[:4].isdigit():
                continue
            full = e.text and re.search(r"\b\d{3,4}\b", e.text)
            back = not full and e.precision == "day" and int(e.start[5:7]) < cur_month
            if back and k > 0:
                out.append((s, e))  # "… since 9 October": a look back, not the next year
                continue
            if back:
                e = replace(e, start=f"{cur_year + 1}{e.start[4:]}",
                            end=f"{cur_year + 1}{e.end[4:]}" if e.end else None)  # fmt: skip
            if len(e.start) >= 7:
                cur_year, cur_month = int(e.start[:4]), int(e.start[5:7])
            out.append((s, e))
    return out


def _narrative_span(
    b: _Builder,
    doc: Document,
    support: dict[str, tuple[str, list[str]]],
    first: Sentence | None,
    d: Any,
    st: Statement | None,
) -> None:
    """A battle/siege/offensive whose lead gives no exact start or no end. (1) An end the
    lead states for a start that is only a year or month ("Control of the suburb was
    contested until Russian forces withdrew on 2 April 2022"; "resulted in the capture of
    <title place> … on 20 October") ends it. (2) With no exact start in the lead, the first
    dated sentence of the first narrative section (not Background, Prelude, Aftermath …)
    starts it when it opens the event (advanced, attacked, launched, began …) on a day inside
    the lead's date and the title's year ("On the evening of 9 March 2022, a column …
    advanced into Brovary"). (3) With no end in the lead, the first narrative sentence after
    the start that ends the event (the siege was broken/lifted, the attacker withdrew from or
    left the title's place, the title's place fully captured/recaptured) ends it."""
    title = doc.title or ""
    if st is None or not _DURATIVE_TITLE.search(title) or _SERIES.search(title):
        return
    if _COUNTER.search(title):
        return  # a counteroffensive's narrative runs front by front: no one opening or end
    value = st.value
    start = value["start"] or ""
    years = _YEAR_IN_TITLE.findall(doc.title or "")
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}", start):
        return
    if len(years) > 1:
        return
    year = int(start[:4])
    last_year = max(re.findall(r"\b(?:1[0-9]|20)[0-9]{2}\b", doc.title or "") or [start[:4]])
    if years and years[0] != start[:4]:
        return
    end = value["end"]
    if end is None and len(start) < 10 and first is not None:
        # (1) the lead's end for a year/month start
        lead = _lead(doc)
        places = _title_places(doc)
        for s in lead[lead.index(first) if first in lead else 0 :]:
            text = s.plain.text
            for e in dates_after(text, d, months=True):
                before = text[: e.start_offset]
                if (
                    e.precision == "month"
                    and len(start) == 7
                    and e.end is None
                    and (e.start or "")[:4] == start[:4]
                    and (e.start or "") > start
                    and _RETAKEN_AT.search(before)
                ):
                    pass  # "it was re-captured by Ukrainian forces in late March"
                elif (
                    e.precision != "day"
                    or e.end is not None
                    or not (e.start or "").startswith(start)
                ):
                    continue
                cap = [m for m in _CAPTURE_OF.finditer(before) if m.group("p") in places]
                if (
                    _LEAD_END_AT.search(before)
                    or _RETAKEN_AT.search(before)
                    or (cap and e.start_offset - cap[-1].end() < 80)
                ):
                    end = e.start
                    b.add_from_sentence(
                        "date", s, e.start_offset, e.end_offset, support, value=_date_value(e)
                    )
                    break
            if end is not None:
                break
    narrative = _narrative(doc)
    walk = _year_walk(narrative, year) if narrative else []
    if len(start) < 10 and walk and value["end"] is None and not _YEAR_RANGE.search(title):
        # (2) the narrative's opening day; when its first dated sentence opens nothing ("On
        # 30 May 2022, as a result of shelling …"), a later one that opens the event on the
        # same day ("On the evening of 30 May, … launched a much more massive ground attack")
        s, e = walk[0]
        if not _OPENING.search(s.plain.text):
            s, e = next(
                (
                    (t, f)
                    for t, f in walk[1:]
                    if f.precision == "day" and f.start == e.start and _OPENING.search(t.plain.text)
                ),
                (s, e),
            )
        if (
            (e.start or "").startswith(start)
            and (end is None or (e.start or "") <= end)
            and _opens_on(s, e)
        ):
            start = e.start
            b.add_from_sentence(
                "date", s, e.start_offset, e.end_offset, support, value=_date_value(e)
            )
    from_narrative = start != value["start"] or first not in _whole_lead(doc)
    if end is None and value["end"] is None and len(start) == 10 and from_narrative:
        # (2b) the lead's ending sentence, now that the narrative gave a day start ("On 24
        # June 2022, … and the next day … fully captured Sievierodonetsk")
        ending = _lead_ending_day(doc, first, start)
        if ending is not None:
            t, f = ending
            end = f.start
            b.add_from_sentence(
                "date", t, f.start_offset, f.end_offset, support, value=_date_value(f)
            )
    lead_later = any(
        (e.start or "") > start
        for t in _whole_lead(doc)
        if not _elsewhere(doc, t.plain.text)
        for e in dates_after(t.plain.text, DateValue(start[:4], None, "year", 5))
    )
    if end is None and len(start) == 10 and not lead_later and _FOUGHT_OVER.search(title):
        # (3) the narrative's ending day, when the lead names no later date
        for s, e in walk:
            if e.precision != "day" or (e.start or "") <= start:
                continue
            if e.start[:4] > last_year:
                break  # past the title's last year: the narrative lost its year
            if _narrative_ends(doc, s.plain.text) or _same_day_end(doc, narrative, s):
                end = e.end or e.start
                b.add_from_sentence(
                    "date", s, e.start_offset, e.end_offset, support, value=_date_value(e)
                )
                break
    if start == value["start"] and end == value["end"]:
        return
    try:
        joined = (
            parse_date(f"{human_date(start)} – {human_date(end)}")
            if end
            else parse_date(human_date(start))
        )
    except DateError:
        return
    st.value = _date_value(replace(joined, approximate=value.get("approximate", False)))
    if end is None:
        # a battle started on a day, its end unknown: a longer period (5), or the lead's
        # month it was fought in ("fought in August 2016"), 4
        st.value["date_prec"] = 4 if value["precision"] == "month" else 5


#: A day right after "by/until/since/before" is a limit, not the day something opened.
_AFTER_LIMIT = re.compile(r"\b(?:by|until|till|since|before)\s+$", re.I)


def _opens_on(s: Sentence, e: Any) -> bool:
    """Whether sentence *s* opens the event on the exact day *e* it names: an opening verb
    (advanced, attacked, launched …) and the day not after "by/until/since/before"."""
    return (
        e.precision == "day"
        and bool(_OPENING.search(s.plain.text))
        and not _AFTER_LIMIT.search(s.plain.text[: e.start_offset])
    )


#: "the next day", "the following day", "two days later": a day counted from the date
#: before it in the sentence.
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:on\s+)?the\s+(?:next|following)\s+day|(?P<n>a|one|two|three|four|five|six|seven"
    r"|[1-7])\s+days?\s+later)\b",
    re.I,
)


def relative_days(text: str, year: str) -> list[Any]:
    """The days *text* counts from an exact day before them in it ("On 24 June 2022, units
    were ordered to retreat and the next day … fully captured the city": 25 June 2022; "two
    days later"), as dates whose text is the counting phrase; a yearless day before them
    takes *year*. A phrase with no exact single day before it counts nothing."""
    out: list[Any] = []
    anchor = DateValue(year, None, "year", 5)
    for m in _RELATIVE_DAY.finditer(text):
        days = [
            d
            for d in dates_after(text, anchor)
            if d.end_offset <= m.start() and d.precision == "day" and d.end is None
        ]
        if not days:
            continue
        n = m.group("n")
        step = 1 if n is None else int(n) if n.isdigit() else word_value(n) or 1
        try:
            day = date.fromisoformat(days[-1].start or "") + timedelta(days=step)
            value = parse_date(human_date(day.isoformat()))
        except (DateError, ValueError):
            continue
        out.append(replace(value, text=m.group(), start_offset=m.start(), end_offset=m.end()))
    return out


def _lead_ending_day(doc: Document, first: Sentence | None, start: str) -> Any:
    """The lead's sentence after *first* that says the event ended (:data:`_ENDING`, the
    title's place or goal taken) and the exact day it ended, after the day *start*: the last
    day of the sentence written before the ending words (a counted day, "the next day",
    included), else the first after them. (sentence, date) or None."""
    lead = _whole_lead(doc)
    k = lead.index(first) + 1 if first in lead else 0
    for s in lead[k:]:
        text = s.plain.text
        m = _ENDING.search(text) or (_TAKES.search(text) if _takes_goal(doc, s, text) else None)
        if m is None:
            continue
        days = [
            d
            for d in dates_after(text, DateValue(start[:4], None, "year", 5))
            + relative_days(text, start[:4])
            if d.precision == "day" and d.end is None and (d.start or "") > start
        ]
        before = sorted(
            (d for d in days if d.start_offset < m.start()), key=lambda d: d.start_offset
        )
        after = sorted(
            (d for d in days if d.start_offset >= m.start()), key=lambda d: d.start_offset
        )
        if before or after:
            return s, (before[-1] if before else after[0])
    return None


def _narrative_start(b: _Builder, doc: Document, support: dict[str, tuple[str, list[str]]]) -> None:
    """A battle/siege/offensive whose lead gives no date at all: the first sentence of the
    first narrative section (not Background, Prelude …) that opens the event (advanced,
    attacked, launched, entered …) at a day starts it ("Huliaipole lost power and water from
    2 March 2022. … On 5 March, Russian forces briefly entered Huliaipole": 5 March 2022), a
    day without a year taking the year of the latest full date before it (in the Background
    or the narrative) and the title's year; no year written anywhere before it, no start. The
    end is sought as for a lead start (:func:`_narrative_span`); with none, date_prec 5."""
    title = doc.title or ""
    if not _DURATIVE_TITLE.search(title) or _COUNTER.search(title) or _YEAR_RANGE.search(title):
        return
    narrative = _narrative(doc)
    if not narrative:
        return
    years = _YEAR_IN_TITLE.findall(title)
    before = [s for s in doc.body() if s.section is not None]
    before = before[: before.index(narrative[0])] + narrative
    lead_years = [
        d.start[:4]
        for t in _whole_lead(doc)
        for d in _event_dates(doc, t)
        if re.search(r"\b\d{4}\b", d.text or "") and (d.start or "")[:4].isdigit()
    ]
    year = years[0] if len(years) == 1 else (lead_years[0] if lead_years else None)
    walked = narrative
    if year is None:
        # no year in the title or the lead: the Background's first full date, walked on
        for k, t in enumerate(before):
            full = [d for d in find_dates(t.plain.text) if re.search(r"\b\d{4}\b", d.text or "")]
            if full:
                year = min(full, key=lambda x: x.start_offset).start[:4]
                walked = before[k:]
                break
        else:
            return
    for s, e in _year_walk(walked, int(year)):
        if s.section != narrative[0].section or s not in narrative:
            continue
        if e.end is not None or not _opens_on(s, e):
            continue
        if years and (e.start or "")[:4] != years[0]:
            return
        value = _date_value(e)
        value["date_prec"] = 5
        st = b.add_from_sentence("date", s, e.start_offset, e.end_offset, support, value=value)
        _narrative_span(b, doc, support, s, e, st)
        return


def _day_of_year(text: str, d: Any) -> Any:
    """A sentence dated only by a year whose later day has no year ("During the 2022 Russian
    invasion of Ukraine, the zone was captured on 24 February"): the day takes the year stated
    earlier in the same sentence and dates the event. Otherwise *d* unchanged."""
    if d.precision != "year" or d.end is not None or d.ongoing:
        return d
    for e in dates_after(text, d):
        if (
            e.precision == "day"
            and e.end is None
            and e.start_offset >= d.end_offset
            and (e.start or "").startswith(d.start or "-")
        ):
            return e
    return d


#: "It began in September": the verb that opens an event before its first date.
_BEGAN = re.compile(r"\b(?:began|begun|started|launched|commenced|opened|attacked)\b", re.I)
#: Words between a start and a later date of the same sentence that end the event there
#: ("… and resulted in the capture of Dabiq … on 16 October").
_ENDED_AT = re.compile(
    r"\b(?:captured?|fell|fall\s+of|ended|concluded|seized|withdrew|(?:were|was)\s+pushed\s+back"
    r"|(?:in|took|taken|gained|seized|secured)\s+(?:\S+\s+)?control)\b",
    re.I,
)
_YEAR_IN_TITLE = re.compile(r"(?<![\d–-])(1[0-9]{3}|20[0-9]{2})(?![\d–-])")


#: "took place", "broke out": a sentence that says when the event itself happened.
_HAPPENED = re.compile(r"\b(?:took\s+place|occurred|happened|was\s+fought)\b", re.I)


def _named_year_refined(doc: Document, first: Sentence, d: Any) -> tuple[Sentence, Any]:
    """A lead whose first date is the year of a name ("also known as the Scottish
    Insurrection of 1820") and whose later sentence of the first paragraph says when the
    event took place, in that year, more precisely ("It took place in the first week of April
    1820"): the later date. Returns the sentence and date to use."""
    if d.precision != "year" or d.end is not None:
        return first, d
    if not re.search(r"\b[A-Z][\w'’-]+\s+of\s+$", first.plain.text[: d.start_offset]):
        return first, d
    for s in _lead(doc):
        if s.span[0] <= first.span[0] or not _HAPPENED.search(s.plain.text):
            continue
        for e in _event_dates(doc, s):
            if e.precision in ("month", "day") and (e.start or "")[:4] == d.start[:4]:
                return s, e
    return first, d


def _title_year_refined(doc: Document, first: Sentence, d: Any) -> tuple[Sentence, Any]:
    """A lead that dates the event only by the title's year ("The 2016 Dabiq offensive was
    …") and then by months and days without a year ("It began in September and resulted in
    the capture of Dabiq … on 16 October"): the first later lead sentence with such a date
    dates the event in the title's year. When that sentence opens the event ("began") and a
    later date of it follows a capture/end word, the event spans the two (2016-09 to
    2016-10-16); a lasting event's lone date after a capture/end word is its end, and the
    year stands, and so does a date the sentence reaches "by"/"until". A battle or offensive
    title with no year takes the lead's year-only date instead ("The Battle of Melitopol …
    of the 2022 Russian invasion … Russian forces attacked the city on 25 February"). Returns
    the sentence and date to use."""
    years = _YEAR_IN_TITLE.findall(doc.title or "")
    if d.precision != "year" or d.end is not None or d.ongoing:
        return first, d
    if years != [d.start] and (years or not _DURATIVE_TITLE.search(doc.title or "")):
        return first, d  # a battle title with no year takes the lead's year
    lead = _lead(doc)
    for s in lead[lead.index(first) + 1 :]:
        text = s.plain.text
        later = [e for e in dates_after(text, d, months=True) if (e.start or "")[:4] == d.start]
        if not later:
            continue
        if [e for e in find_dates(text) if e.start_offset < later[0].start_offset]:
            return first, d  # a full date comes first: not a yearless continuation
        start = later[0]
        joined = _began_and_ended(text, start, later[1:])
        if joined is not None:
            return s, joined
        if _DURATIVE_TITLE.search(doc.title or "") and _ENDED_AT.search(text[: start.start_offset]):
            return first, d  # "resulted in the capture of X on 20 October": the end, not the date
        if re.search(r"\b(?:by|until|till)\s+$", text[: start.start_offset], re.I):
            return first, d  # "By 14 June 2022, the army held most of the city": not a start
        return s, start
    return first, d


#: A day and month without a year, "23 May" (also "3March": an exporter's lost space), "May 23".
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s*(?P<m1>{'|'.join(MONTH_NAMES)})|(?P<m2>{'|'.join(MONTH_NAMES)})"
    r"\s+(?P<d2>\d{1,2}))\b(?!,?\s*\d{3,4})"
)


def _yearless_start(text: str, end: Any) -> Any:
    """ "It began on 23 May and ended on 27 May 2022": a day without a year that the sentence
    opens the event at, before a full day it says the event ended at, starts the event in the
    end's year (the year before when its month comes later in the year). The span, or None."""
    if end.precision != "day" or end.end is not None or end.ongoing:
        return None
    for m in _DAY_MONTH.finditer(text, 0, end.start_offset):
        if not _BEGAN.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if not _ENDED_AT.search(text[m.end() : end.start_offset]):
            continue
        day, month = (
            (m.group("d1"), m.group("m1")) if m.group("d1") else (m.group("d2"), m.group("m2"))
        )
        year = int((end.start or "0")[:4])
        if (month_number(month) or 0) > int((end.start or "0000-00")[5:7]):
            year -= 1
        try:
            start = parse_date(f"{day} {month} {year}")
        except (DateError, ValueError):
            return None
        start = replace(start, text=m.group(), start_offset=m.start(), end_offset=m.end())
        return span_until(start, end)
    return None


def _lead_yearless_span(doc: Document, first: Any) -> tuple[Sentence, Any] | None:
    """A lead sentence, in any paragraph, that says the event "began on 3 March and ended on
    7 May 2022" (:func:`_yearless_start`), when the first paragraph gives no exact day: that
    span, inside the first paragraph's year-only date when there is one."""
    for s in _whole_lead(doc):
        for d in find_dates(s.plain.text):
            span = _yearless_start(s.plain.text, d)
            if span is None:
                continue
            if first is not None and not (span.start or "").startswith(first.start or ""):
                return None
            return s, span
    return None


def _began_and_ended(text: str, start: Any, later: list[Any]) -> Any:
    """A sentence that opens the event at *start* ("Rebel forces launched the offensive in
    early March 2013", "It began in September") and says at a later date of it that the
    event ended, was won or took its object ("… declared themselves in near-total control
    on 5 March", "… resulted in the capture of Dabiq … on 16 October"): the span from the
    start to the first such date, which may lie inside a start that is only a month. None
    when the sentence does not say both."""
    opening = text[max(0, start.start_offset - 40) : start.start_offset]
    if start.end is not None or start.ongoing or not _BEGAN.search(re.split(r"[,;(]", opening)[-1]):
        return None
    for e in later:
        if e.start_offset < start.end_offset:
            continue
        if _ENDED_AT.search(text[start.end_offset : e.start_offset]):
            return span_until(start, e, inside=True)
    return None


#: "The base had been besieged since September 2012": the start of a siege.
_BESIEGED_SINCE = re.compile(r"\b(?:besieged|under\s+siege|encircled|blockaded)\s+since\s+$", re.I)


def _siege_since(
    b: _Builder,
    doc: Document,
    support: dict[str, tuple[str, list[str]]],
    where: Sentence,
    first: Any,
) -> bool:
    """A siege page whose lead dates one day ("It was captured … on 9 September 2015") and
    says since when the place had been besieged ("The base had been besieged since September
    2012"): the siege ran from that date to the day. Adds the start (holding the span) and
    the end statements and returns True; False when the lead has no such earlier start."""
    if first.end is not None or first.ongoing or not _DURATIVE_TITLE.search(doc.title or ""):
        return False
    for s in _lead(doc):
        text = s.plain.text
        for since in find_dates(text):
            if not _BESIEGED_SINCE.search(text[: since.start_offset]) or since.end is not None:
                continue
            joined = span_until(since, first)
            if joined is None:
                return False
            b.add_from_sentence(
                "date",
                s,
                since.start_offset,
                since.end_offset,
                support,
                value=_date_value(joined),
            )
            b.add_from_sentence(
                "date",
                where,
                first.start_offset,
                first.end_offset,
                support,
                value=_date_value(first),
            )
            return True
    return False


#: Titles of events that last (a siege, a battle): a later lead sentence may date their end.
_DURATIVE_TITLE = re.compile(
    r"\b(sieges?|battles?|(?:counter)?offensives?|occupation|blockade|campaign|standoff"
    r"|encirclement)\b",
    re.I,
)
#: A lead sentence that says the event ended: the siege was lifted/broken, the attacker left
#: or withdrew from a named place, the fighting ended.
_ENDING = re.compile(
    r"\b(?:(?:lifted|broke|broken|ended|raised)\s+the\s+(?:siege|blockade|encirclement)"
    r"|^It\s+ended\s+(?:in|with)\b"
    r"|(?:siege|blockade|encirclement|battle|fighting|offensive)\s+(?:was\s+)?"
    r"(?:lifted|broken|ended|came\s+to\s+an\s+end|concluded)"
    r"|(?:had\s+|have\s+|has\s+)?(?:left|withdrawn|withdrew|retreated)\s+(?:from\s+)?(?:the\s+)?[A-Z]"
    r"|\bceased\s+(?:launching\s+|their\s+|all\s+)?(?:assaults|attacks|offensive\s+operations)\b"
    r"|(?:secured|took|gained|seized)\s+(?:full\s+|complete\s+|total\s+)?control\s+of\s+the\s+"
    r"(?:town|city|village|settlement))"
)


#: "succeeded in recapturing the beleaguered city of Palmyra", "Iraqi forces recaptured the
#: city of Fallujah", "fully captured Sievierodonetsk": taking the whole of a place, which ends
#: a battle or offensive when the place is its goal (:func:`_takes_goal`).
_TAKES = re.compile(
    r"\b(?:recaptur(?:ed|ing)|fully\s+captur(?:ed|ing)|took\s+full\s+control\s+of"
    r"|liberat(?:ed|ing))\s+"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:(?:city|town|village)\s+of\s+)?"
    r"(?P<p>[A-Z][\w'’-]+)"
)
#: The first sentence's goal of an operation: "with the goal of recapturing Palmyra",
#: "launched to capture the city of Fallujah", "for control of the city of Irpin".
_GOAL = re.compile(
    r"\b(?:(?:goal|aim|objective)\s+of\s+(?:re)?captur\w+|to\s+(?:re)?(?:capture|take)"
    r"|for\s+control\s+of)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
    r"(?P<p>[A-Z][\w'’-]+)"
)


def _takes_goal(doc: Document, first: Sentence, text: str) -> bool:
    """Whether *text* says a side (re)captured the whole of the event's goal: a place
    the title names ("Third Battle of Fallujah") or the lead's first sentence names as the
    operation's goal ("launched to capture the city of Fallujah")."""
    lead = _lead(doc)
    opening = lead[0].plain.text if lead else first.plain.text
    goals = {m.group("p") for m in _GOAL.finditer(opening)}
    title = set(re.findall(r"[\w'’-]+", doc.title or ""))
    return any(m.group("p") in goals | title for m in _TAKES.finditer(text))


def _lead_end_date(
    b: _Builder,
    doc: Document,
    support: dict[str, tuple[str, list[str]]],
    first: Sentence,
    start: Any,
    lead: list[Sentence],
) -> None:
    """A siege or battle page whose lead dates only its start ("It began on 24 February
    2022") and a later lead sentence says it ended, with a date ("On 4 April 2022 … the
    Russian military had left Chernihiv Oblast", "On August 31, the Iraqi military broke the
    siege": the year is the start's): the event spans from the one to the other. The first
    such sentence wins, its most precise date ("in late December-early January 2023, and on
    16 January … secured control of the town": 16 January); an end before the start or
    inside the start's month is ignored. *lead* is the sentences read: the whole lead, every
    paragraph ("Ukrainian forces liberated the city of Kherson two days later, on 11
    November" in the third)."""
    if start.end is not None or start.ongoing or not _DURATIVE_TITLE.search(doc.title or ""):
        return
    # the dated sentence is a lead sentence, or one the lead search reached past a heading
    # (a copy whose first paragraph sits under a heading): then only the sentences after it
    later = [s for s in lead if s.span[0] > first.span[0]]
    for s in later:
        if not _ENDING.search(s.plain.text) and not _takes_goal(doc, first, s.plain.text):
            continue
        found = dates_after(s.plain.text, start, months=True)
        for d in sorted(found, key=lambda x: _RANK.get(x.precision, 5)):
            joined = span_until(start, d)
            if joined is None:
                continue
            b.items[-1].value = _date_value(joined)
            b.add_from_sentence(
                "date",
                s,
                d.start_offset,
                d.end_offset,
                support,
                value=_date_value(d),
            )
            return
        return


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec bc bce ad ce".split()
)
#: Nouns of a page whose subject is an event: its first sentence's parenthesised range is the
#: event's span, not a life span.
_EVENT_WORD = re.compile(
    r"\b(wars?|battles?|sieges?|conflicts?|campaigns?|offensives?|revolutions?|uprisings?|"
    r"rebellions?|insurgenc(?:y|ies)|massacres?|attacks?|bombings?|crisis|occupation|"
    r"operations?|invasions?|riots?|genocides?|famines?|disasters?|protests?|strikes?)\b",
    re.I,
)


def in_a_name(text: str, d: Any, title: str = "") -> bool:
    """A range of years right after "the" and before a capitalised word is part of a name
    ("the 2021–22 UEFA Champions League", a season), not the event's date; unless the title
    holds the same range ("2020–2021 Ayn Issa clashes"). A single year so placed ("the 2014
    Idlib offensive") stays: it is usually the event's own year."""
    if d.precision != "year" or d.end is None or d.text in title:
        return False
    before = text[: d.start_offset].rstrip().lower()
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[d.end_offset :])
    return (
        before.endswith(("the", "the 2"))
        and after is not None
        and after.group(1).lower().rstrip(".") not in _MONTH_WORDS
    )


def life_span(text: str, d: Any) -> bool:
    """A range of exact days in parentheses, longer than a year, in a sentence that names no
    event ("Darya Dugina (…; 15 December 1992 – 20 August 2022) was a Russian journalist") is a
    person's birth and death, not the event's date."""
    if d.end is None or d.precision != "day" or d.start[:4] == d.end[:4]:
        return False
    opened = text.rfind("(", 0, d.start_offset)
    closed = text.find(")", d.end_offset)
    if opened < 0 or closed < 0 or ")" in text[opened : d.start_offset]:
        return False
    if "(" in text[d.end_offset : closed]:
        return False
    return not _EVENT_WORD.search(text)


def _date_value(d: Any) -> dict[str, Any]:
    return {
        "start": d.start,
        "end": d.end,
        "precision": d.precision,
        "date_prec": d.date_prec,
        "approximate": d.approximate,
    }


#: A date field's lines in both calendars: the one marked New Style is the date.
_OLD_STYLE_MARK = re.compile(r"\((?:O\.\s*S\.|Old\s+Style|Julian)\)", re.I)
_NEW_STYLE_LINE = re.compile(r"^[^\n]*\((?:N\.\s*S\.|New\s+Style|Gregorian)\)[^\n]*$", re.I | re.M)

#: Between two phases' dates on one line of a date field: "June 1685; July 1686 – May 1687"
#: (phases on lines of their own are often labelled, "Main combat phase:" / "Insurgency
#: phase:", and the first is the event's).
_PHASE_SEP = re.compile(r"[ \t]*;[ \t]*(?=[A-Z0-9])")


#: A line that opens with its "Total:" label.
_TOTAL_LINE = re.compile(r"[ \t*•#']*total'*\s*:", re.I)
#: A year before a colon that ends its line or a label's phrase ("15 November 2003:").
_YEAR_COLON = re.compile(r"(\b\d{4}):(?=[ \t]*(?:\n|$))")
#: A later line of a date field that opens with a later phase's heading ("Second attacks –
#: 20 November 2003:"), up to its date.
_LATER_PHASE_LINE = re.compile(
    r"^[\W_]*(?:second|third|fourth|final|last)\s+(?:attacks?|bombings?|wave|phase|assault|"
    r"attack\s+wave|siege|stage)[\W_]*?(?:[–:-]\s*)?(?=\d|[A-Z][a-z]+\s+\d)",
    re.M | re.I,
)


def _from_field(b: _Builder, f: Field) -> None:
    refs, sup = _field_support(f)
    common = {"refs": refs, "support": sup, "field": f.label, "side": f.side}
    key = f.key
    text = f.plain.text
    if not text.strip() and not f.hints:
        return
    if key == "date":
        new_style = _NEW_STYLE_LINE.search(text) if _OLD_STYLE_MARK.search(text) else None
        try:
            if new_style is not None:
                # "30 April – 2 May 1876 (O.S.) ⏎ 12–14 May 1876 (N.S.)": the New Style line
                off = new_style.start()
                d = parse_date(new_style.group())
                d = replace(d, start_offset=d.start_offset + off, end_offset=d.end_offset + off)
            else:
                # ("First attacks – 15 November 2003: …": a year before a label's colon reads
                # as a clock's hour; blanked, same length)
                d = parse_date(_YEAR_COLON.sub(r"\1 ", text), hint=f.hints.get("date"))
        except (DateError, ValueError):
            b.add("date", _value_span(f), "infobox", value=None, **common)
            return
        later = _PHASE_SEP.match(text, d.end_offset) if not f.hints.get("date") else None
        if later is not None:
            # "June 1685; July 1686 – May 1687": phases of one event; it spans them all
            try:
                last = parse_date(text[later.end() :])
            except (DateError, ValueError):
                last = None
            whole = span_until(d, last) if last is not None else None
            if whole is not None:
                d = replace(whole, end_offset=later.end() + last.end_offset)
        # (the last such line: "Second phase – 13 September 1942 / Final phase – 2 February
        # 1943" ends on the final phase's day)
        phases = list(_LATER_PHASE_LINE.finditer(text))
        phase = phases[-1] if phases else None
        if phase is not None:
            # "First attacks – 15 November 2003: … Second attacks – 20 November
            # 2003:": the attacks' lines, one event; it spans them
            line_end = text.find("\n", phase.end())
            try:
                # (its line, without the label's colon: "2003:" reads as a clock's hour)
                line = text[phase.end() : line_end if line_end >= 0 else len(text)]
                last = parse_date(line.rstrip(" :"))
            except (DateError, ValueError):
                last = None
            reach = (last.end or last.start or "") if last is not None else ""
            whole = (
                span_until(d, last)
                if last is not None and reach > (d.end or d.start or "") and last.start > d.start
                else None
            )
            if whole is not None:
                d = replace(whole, end_offset=phase.end() + last.end_offset)
        span = (
            f.plain.span_of(d.start_offset, d.end_offset)
            if d.end_offset > d.start_offset and text
            else _value_span(f)
        )
        b.add("date", span, "infobox", value=_date_value(d), **common)
    elif key in ("location", "coordinates"):
        # list items ({{ubl}}, <br />) stay apart: "Colombo; Negombo; Batticaloa", not one
        # run of capitalised words the gazetteer knows nothing of
        joined = ""
        for line in (_clean(x) for x in text.split("\n") if x.strip()):
            sep = (
                " "
                if joined.endswith((",", ";", "(")) or line.startswith((",", ";", "("))
                else "; "
            )
            joined = f"{joined}{sep}{line}" if joined else line
        value: dict[str, Any] = {"text": joined}
        hint = _linked_country(f) if key == "location" else None
        if hint:
            value["country_hint"] = hint  # "[[Tripoli, Lebanon|Tripoli]]": Lebanon's
        coord = f.hints.get("coord") or (stated_coord(text) if key == "coordinates" else None)
        if coord:
            value["coord"] = list(coord)
        b.add(
            "coordinates" if key == "coordinates" else "location",
            _value_span(f),
            "infobox",
            value=value,
            **common,
        )
    elif key in FIELD_CATEGORY:
        prop_default = "strength" if key == "strength" else None
        from_wikidata = "wikidata" in f.hints
        # a side's column, or a casualty column of no side ("Civilian deaths:" … "Total: …"):
        # both list their figures by line, with contingents and a Total line
        groups = (
            _line_groups(text, _flag_lines(f))
            if f.side is not None or key == "casualties_other"
            else None
        )
        sub = _SUB_FIELD.search(f.label) if groups is not None and f.side is not None else None
        if sub is not None and groups is not None:
            # "casualties1a" (the row of "combatant1a", an ally listed apart): its lines count
            # a contingent of the side of their own, numbered apart from "casualties1"'s
            base = 100 * (ord(sub.group(1).lower()) - ord("a") + 1)
            groups = [
                (g or f.label, (q or 0) + base, t) if not t else (g, q, t) for g, q, t in groups
            ]
        elif groups is not None and f.side is not None and _has_sub_row(b.doc, f):
            # beside a sub-row, the main row's bare lines are its own contingent ("23,327
            # killed" / casualties1a "1,165 killed": two contingents, summed)
            groups = [(f.label, 90, t) if g is None and not t else (g, q, t) for g, q, t in groups]
        figs = _perpetrators_apart(figures_in_field(text, FIELD_CATEGORY[key]))
        below = _parts_below(text, figs, groups)
        figs = [replace(x, subset=True) if k in below else x for k, x in enumerate(figs)]
        if f.side is not None and key == "casualties":
            figs = _placed_parts(text, figs, groups)
        parts = _part_groups(text, figs) if f.side is not None and key == "casualties" else {}
        if groups is not None and f.side is not None and key == "casualties":
            within, summed = _parts_of_bare(text, figs, groups)
            figs = [replace(x, subset=True) if k in within else x for k, x in enumerate(figs)]
            parts = {**parts, **summed}
            authored = _authored_parts(text, figs)
            parts = {k: v for k, v in parts.items() if k not in authored}
        else:
            authored = {}
        # indices (into figs) of the figures of a field with no side that name different parties
        whole = [k for k, x in enumerate(figs) if not x.subset]
        # "17 Japanese and 129 Koreans captured": groups listed on one line, one toll
        listed = _listed_parts(text, figs, field=True) if key != "strength" else {}
        event_parts: set[int] = set()
        if f.side is None:
            # a list on one line ("1 NSG commando and 1 police officer killed") is one part
            # beside the other lines' ("41 militants killed"): its first figure stands for it
            members: dict[int, list[int]] = {}
            for k in whole:
                if k in listed:
                    members.setdefault(listed[k], []).append(k)
            firsts = {ks[0]: ks for ks in members.values()}
            alone = [k for k in whole if k not in listed or k in firsts]
            given = {
                n: " ".join(
                    _part_label(figs[m], _figure_segment(text, figs, m)) or "" for m in firsts[k]
                ).strip()
                for n, k in enumerate(alone)
                if k in firsts
            }
            for i in _part_groups(text, [figs[k] for k in alone], one_claim=True, given=given):
                event_parts.update(firsts.get(alone[i], [alone[i]]))
        if f.side is None:
            # "124 soldiers and police; civilian injured unknown": a counted part and one
            # nobody counted, one toll (a floor)
            for k in range(1, len(figs)):
                x, prev = figs[k], figs[k - 1]
                if (
                    x.unknown
                    and not prev.unknown
                    and not prev.subset
                    and x.category == prev.category
                    and ";" in text[prev.end : x.start]
                    and "\n" not in text[prev.end : x.start]
                ):
                    event_parts |= {k - 1, k}
        if f.side is None and key == "casualties":
            # "Israel: 5 wounded / Hostages: 10 wounded" (bold headings): one field of no
            # side whose headings name the parties; each party's figure a part of one toll
            event_parts |= _headed_parts(
                text, figs, _line_groups(text, _flag_lines(f), parties=True)
            )
        toll_part = _toll_part(f)
        beside_whole = toll_part and _whole_field(b.doc, f)
        notes_row = key == "casualties_other" and f.label.strip().lower() == "notes"
        for n_fig, fig in enumerate(figs):
            if notes_row and not fig.subset:
                # a military conflict box's notes row: only a line that says it sums up
                # ("Total: over 200,000 killed") gives the war's toll; "German sources give
                # 7,000 Soviet dead" is one side's rival figure, kept as a statement
                line_at = text.rfind("\n", 0, fig.start) + 1
                line_end = text.find("\n", fig.end)
                line = text[line_at : line_end if line_end >= 0 else len(text)]
                if not _NOTES_TOTAL.search(line):
                    fig = replace(fig, subset=True)
            if groups is not None:
                common_g = dict(
                    zip(
                        ("group", "group_seq", "total"),
                        groups[text.count("\n", 0, fig.start)],
                        strict=True,
                    )
                )
                if n_fig in parts and not common_g["total"]:
                    # a line naming its own part of the side (of its contingent): summed as a
                    # contingent of one line (every figure of its category names a part)
                    label = parts[n_fig]
                    if common_g["group"] is not None:
                        label = f"{common_g['group']}: {label}"
                    common_g = {"group": label, "group_seq": 1000 + n_fig, "total": False}
                elif n_fig in listed and not common_g["total"]:
                    label = f"list {listed[n_fig]}: {fig.text}"
                    if common_g["group"] is not None:
                        label = f"{common_g['group']}: {label}"
                    common_g = {"group": label, "group_seq": 2000 + n_fig, "total": False}
            elif (
                key == "casualties"
                and _TOTAL_LINE.match(text, text.rfind("\n", 0, fig.start) + 1)
                # (the field's last line: "Total: 234 killed ⏎ PAVN figures: ⏎ unknown" totals
                # one column)
                and not text[fig.end :].partition("\n")[2].strip()
            ):
                # a casualty field of no side (a copy that kept the two columns in one
                # list): its last line "Total: 100,000–200,000 killed (all sides …)" is the
                # field's figure, the lines above its parts (a "Total:" with lines after it
                # closes one side's column only)
                common_g = {"total": True}
            else:
                common_g = {}
            prop = prop_default or CATEGORY_PROPERTY.get(fig.category, "casualties")
            if from_wikidata and _in_parentheses(text, fig.start, fig.end):
                # "{{#property:P1120}} (1 passenger and 11 pedestrians)": the total is computed
                # elsewhere; what the page writes beside it is a breakdown of that total
                fig = replace(fig, subset=True)
            if key == "victims" and fig.category is None:
                prop = "victims"
            if key == "strength" and f.side is not None and _STRENGTH_TOTAL.match(text, fig.end):
                # "20,000 infantry, …, 24,500 men total": the side's total, the others its parts
                common_g = {**common_g, "group": None, "group_seq": None, "total": True}
            kw = _figure_kw(fig)
            if n_fig in authored:
                kw["value"] = {**kw["value"], "list": f"{f.key}@{f.span[0]}:{authored[n_fig]}"}
            if f.side is None and n_fig in listed and n_fig not in event_parts:
                kw["value"] = {**kw["value"], "list": f"{f.key}@{f.span[0]}:l{listed[n_fig]}"}
            elif n_fig in event_parts:
                # "10 Iraqi soldiers killed / 1 French civilian killed": the lines of a field
                # with no side that each name a different party count different people, one
                # toll summed (as a sentence's listed groups, value ``list``)
                kw["value"] = {**kw["value"], "list": f"{f.key}@{f.span[0]}:{fig.category}"}
            if toll_part and not fig.subset and "list" not in kw["value"]:
                # an airliner's dead aboard and on the ground ("fatalities = 107",
                # "ground_fatalities = 3"): parts of one toll, summed; beside a field of the
                # whole ("total_fatalities = 110") they are its parts
                if beside_whole:
                    kw["subset"] = True
                else:
                    kw["value"] = {**kw["value"], "list": f"{f.key}@parts:{fig.category}"}
            inc = _INCLUDING_PERPETRATORS.match(text, fig.end) if f.side is None else None
            only = (
                _ONLY_PERPETRATORS.match(text, fig.end)
                if inc is None and f.side is None and fig.comparator == "=" and fig.best
                else None
            )
            split = (
                _perpetrators_split(text, fig.end, fig.best)
                if inc is None and f.side is None and fig.comparator == "=" and key == "deaths"
                else None
            )
            if (inc is not None or split is not None) and not fig.subset:
                # "10 (including the perpetrator)", "17 total (12 victims, 5 perpetrators)": the
                # lead's "killing nine people" counts the victims of the same toll, no rival
                # figure (see assemble._victims_counted)
                n_perp = _perpetrators_counted(inc) if inc is not None else split[0]  # type: ignore[index]
                kw["value"] = {**kw["value"], "perpetrators_included": n_perp}
            elif only is not None and not fig.subset:
                # "Deaths: 2 (both perpetrators)": the toll's dead are all perpetrators
                kw["value"] = {**kw["value"], "perpetrators_included": fig.best}
            if key != "strength" and f.side is not None and _ALL_CAUSES.match(text, fig.end):
                # "6,824 killed in battle / 25,000–70,000 dead from all causes": the line that
                # counts every cause is its contingent's (or side's) figure, the others parts
                kw["value"] = {**kw["value"], "all_causes": True}
            b.add(prop, _figure_span(f.plain, fig), "infobox", **kw, **common, **common_g)
        if key != "strength":
            _note_figures(b, f, groups, common)
        if "wikidata" in f.hints:
            b.add(key, _value_span(f), "infobox", value={"wikidata": f.hints["wikidata"]}, **common)
    elif key in _ACTOR_KEYS:
        found = []
        links = _link_tuples(f)
        heading_doubt = None
        supporting = False  # under a "Supported by:" line: the items name supporters
        prev_end: int | None = None
        for item in f.items or [f.plain]:
            span = item.span_of(0, len(item.text)) if item.text else None
            label = item.text.strip().rstrip(":").strip().lower()
            if is_support_label(label):
                supporting = True
                prev_end = span[1] if span else prev_end
                continue
            if (
                supporting
                and span is not None
                and (
                    _new_group(b.doc.input, prev_end, span)
                    or _PERIOD_ITEM.fullmatch(item.text.strip())
                )
            ):
                # "<hr>", an empty line, a bold heading or a period ("1793–1798") after the
                # supporters starts the side's next group: its actors fight again
                supporting = False
            if span is not None:
                prev_end = span[1]
            if key == "perpetrators" and len(f.items) > 1 and _COMMANDER_LABEL.match(item.text):
                # "[[British Indian Army]]<br />Commanded by: [[Reginald Dyer]]": the commander
                # of the force the field names, no perpetrator group of his own
                continue
            if (
                key in ("combatants", "perpetrators")
                and found
                and _COMPOSITION.match(item.text.strip().lstrip("*#•- "))
            ):
                # "Rioters ⏎ * Mostly Irish-American and other working-class men": who the
                # actor above was made of, no actor of its own
                continue
            lone = doubting_label(item.text)
            if lone is not None:
                # "{{small|Alleged:}}<br />[[Hezbollah]]": a label line doubts the items under it
                heading_doubt = lone
                continue
            if re.fullmatch(r"[^:\n]{1,40}:", item.text.strip()):
                heading_doubt = None  # "Claimed by:", "Convicted:": another label ends it
                supporting = False
                if key == "perpetrators":
                    continue  # (and names no perpetrator; a combatants' "Holy League:" is one)
            for actor in split_actors(item.text, _plain_links(item, links)):
                if heading_doubt and actor.qualifier is None:
                    actor = replace(actor, qualifier=heading_doubt)
                if actor.end <= actor.start or actor.name.startswith("("):
                    continue  # "(AA11 and UA 175)" on its own line remarks on the item above
                if _HEAD_COUNT.match(actor.name):
                    continue  # "7 gunmen", "3 (Omar Rezaq and two others)": a count, no actor
                if supporting and not actor.support:
                    actor = replace(actor, support=True)
                found.append((item, actor))
            if SUPPORT_OPENING.match(item.text.strip()):
                supporting = True  # "Supported by: South Yemen ⏎ Soviet Union": lines after it
        others = [x for x in found if not _ORDERS_REMARK.match(x[1].name)]
        for item, actor in found:
            order = _ORDERS_REMARK.match(actor.name)
            if order is not None:
                if others:
                    continue  # "{{small|on the orders of [[Rafael Trujillo]]}}" beside the army
                # "Ordered by [[Rafael Trujillo]]" alone: the one who ordered it
                actor = replace(
                    actor, name=actor.name[order.end() :], start=actor.start + order.end()
                )
            kind = actor.kind
            if key == "perpetrators" and kind == "unknown" and _named_person(actor.name):
                kind = "non-state"  # a named attacker acts for no state
            b.add(
                # "Supported by: [[Iran]]": a supporter of the side (or of the perpetrators),
                # no combatant (perpetrator, target) of its own
                "supporter" if actor.support and key != "commanders" else _ACTOR_KEYS[key],
                item.span_of(actor.start, actor.end),
                "infobox",
                value={
                    "name": actor.name,
                    "link": actor.link,
                    "kind": kind,
                    "country": actor.country,
                    # "Alleged: [[Hezbollah]]": the attribution as uncertain as the text says
                    **({"qualifier": actor.qualifier} if actor.qualifier else {}),
                },
                **common,
            )
        if key == "combatants" and f.hints.get("flag_country") and not f.plain.text.strip():
            for country in f.hints["flag_country"]:
                b.add(
                    "combatant",
                    _value_span(f),
                    "infobox",
                    value={"name": country, "link": country, "kind": "state", "country": country},
                    **common,
                )
    elif key == "attack_type":
        for item in f.items or [f.plain]:
            for m in re.finditer(r"[^,;/\n]+", item.text):
                label = m.group(0).strip(" .")
                if not label:
                    continue
                a = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" .")))
                b.add(
                    "attack_type",
                    item.span_of(a, a + len(label)),
                    "infobox",
                    value={"label": label},
                    **common,
                )
    elif key == "part_of":
        for item in f.items or [f.plain]:
            for m in re.finditer(r"[^,;\n]+", item.text):
                seg = m.group(0)
                name = re.sub(r"^\s*(?:the|part of)\s+", "", seg, flags=re.IGNORECASE).strip(" .")
                if not name:
                    continue
                a = m.start() + seg.index(name)
                b.add("part_of", item.span_of(a, a + len(name)), "infobox", value=name, **common)
    elif key in _TEXT_KEYS:
        b.add(_TEXT_KEYS[key], _value_span(f), "infobox", value=_clean(text), **common)


def _note_figures(b: _Builder, f: Field, groups: list[Any] | None, common: dict[str, Any]) -> None:
    """Figures inside the explanatory notes (``{{efn}}``, ``<ref group=...>``) of a casualty field.

    Domain rule: a note in a casualty field explains the figure it is attached to, and is
    often the only place that breaks an undifferentiated total down (``67,459{{efn|10,749
    dead; 34,225 wounded; 22,487 captured}} casualties``). A note figure that names its own
    category which the field itself does not count is a statement of the field's side (in the
    contingent of the line that carries the note). Figures of a category the field already
    counts, and figures with no category word, only elaborate the field's figure: they are
    kept as subsets. Citations (references without a group) are sources, not notes.
    """
    notes = {r.id: r for r in b.doc.references if r.group and r.plain.text}
    ids = [m.ref for m in f.markers if m.ref in notes]
    if not ids:
        return
    stated = {
        st.category
        for st in b.items
        if st.field == f.label
        and st.span[0] >= f.span[0]
        and st.span[1] <= f.span[1]
        and st.origin == "infobox"
        and not st.subset
    }
    seen: set[str] = set()
    for m in f.markers:
        if m.ref not in notes or m.ref in seen:
            continue
        seen.add(m.ref)
        note = notes[m.ref]
        common_g: dict[str, Any] = {}
        if groups is not None:
            at = sum(
                1
                for i, start in enumerate(f.plain.starts)
                if start < m.span[0] and f.plain.text[i] == "\n"
            )
            common_g = dict(
                zip(("group", "group_seq", "total"), groups[min(at, len(groups) - 1)], strict=True)
            )
        text = note.plain.text
        for fig in figures_in_field(text, FIELD_CATEGORY[f.key] or "casualties"):
            own = fig.category in ("killed", "wounded", "captured", "missing")
            after = text[fig.end : fig.end + 200].split(".")[0]
            line_killed = (
                _line_killed(b, f, m.span[0])
                if fig.category == "killed"
                and _FURTHER.search(text, max(0, fig.start - 24), fig.start)
                and _OF_WOUNDS.match(text, fig.end)
                # (not a note that breaks the line's own total down: "Of these, 2,540 were
                # killed in action; another 1,153 died of their wounds")
                and not _BREAKDOWN_NOTE.search(text, 0, fig.start)
                else None
            )
            if line_killed is not None:
                # "2,540 killed{{efn|Killed in action only. A further 1,153 men died of their
                # wounds …}}": the dead of wounds add to the line's killed (killed in action
                # and died of wounds are the side's dead): the two are summed as one list
                lid = f"died_of_wounds:{line_killed.id}"
                line_killed.value = {**(line_killed.value or {}), "list": lid}
                b.add(
                    "deaths",
                    note.plain.span_of(fig.start, fig.end),
                    "infobox",
                    **{**_figure_kw(fig), "value": {**_figure_kw(fig)["value"], "list": lid}},
                    **common,
                    # (in the line's own group: "killed" beside "400 died of disease")
                    group=line_killed.group,
                    group_seq=line_killed.group_seq,
                    total=line_killed.total,
                )
                continue
            if (
                not own
                or fig.category in stated
                or _category_word_missing(text, fig)
                # "Brazilian estimates of 1,500 dead are generally considered too high", "tens
                # of thousands died of thirst … in the following weeks": a figure the note sets
                # aside, or one of after the event, is no figure of the side's
                or _NOTE_SETS_ASIDE.search(after)
                # "names only twelve Polish knights among the dead": some of the dead (not
                # "counts 8,000 Teutonic soldiers among the dead": the side's own dead)
                or (
                    fig.category == "killed"
                    and AMONG_THE_DEAD.search(fig.text) is not None
                    and (
                        _ONLY_BEFORE.search(text, max(0, fig.start - 12), fig.start) is not None
                        or _NOTABLES.search(fig.text) is not None
                    )
                )
            ):
                fig = replace(fig, subset=True)
            prop = CATEGORY_PROPERTY.get(fig.category, "casualties")
            b.add(
                prop,
                note.plain.span_of(fig.start, fig.end),
                "infobox",
                **_figure_kw(fig),
                **common,
                **common_g,
            )


#: A notes row's line that sums up the war's dead.
_NOTES_TOTAL = re.compile(
    r"\b(?:total|overall|in\s+all|altogether|combined|all\s+sides|both\s+sides)\b", re.I
)
#: A line that tells what the actor above it was made of ("Mostly Irish-American …").
_COMPOSITION = re.compile(
    r"(?:mostly|mainly|largely|primarily|predominantly|chiefly|overwhelmingly)\s", re.I
)
#: Before a note's figure: it counts only some ("names only twelve … among the dead").
_ONLY_BEFORE = re.compile(r"\b(?:only|just|merely)\s+\Z", re.I)
#: The notables of an army, some of its dead by rank ("twelve Polish knights").
_NOTABLES = re.compile(
    r"\b(?:knights|officers|generals|nobles|noblemen|lords|commanders|princes|chiefs|"
    r"barons|earls|dukes|counts|captains|colonels)\b",
    re.I,
)
#: Before a note's figure: it comes on top of the line's ("A further 1,153 men died …").
_FURTHER = re.compile(r"\b(?:a\s+further|another|an\s+additional|additionally)\s+\Z", re.I)
#: A note that breaks its line's figure down ("Of these, …", "including …").
_BREAKDOWN_NOTE = re.compile(r"\b(?:of\s+these|of\s+whom|of\s+which|includ(?:ing|es|ed))\b", re.I)
#: After it: they died of their wounds ("… died of their wounds in field hospitals").
_OF_WOUNDS = re.compile(
    r"\s*(?:later\s+|subsequently\s+)?(?:of|from)\s+(?:their\s+|his\s+)?(?:wounds|injuries)\b",
    re.I,
)


def _line_killed(b: _Builder, f: Field, at: int) -> Statement | None:
    """The field's own killed statement on the line that carries a note's marker at *at*."""
    line_start = b.doc.input.rfind("\n", f.span[0], at) + 1
    cands = [
        st
        for st in b.items
        if st.field == f.label
        and st.origin == "infobox"
        and st.category == "killed"
        and not st.subset
        and max(line_start, f.span[0]) <= st.span[0] < at
        and st.low is not None
        and st.low == st.high
    ]
    return cands[-1] if len(cands) == 1 else None


#: After a note's figure, in its sentence: the note rejects it, or counts a time after the event.
_NOTE_SETS_ASIDE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:now\s+|generally\s+|widely\s+)?(?:considered|regarded|"
    r"thought|deemed|seen)\s+(?:as\s+)?(?:too\s+high|exaggerated|inflated|unreliable)"
    r"|(?:in|during|over)\s+the\s+(?:following|next|subsequent)\s+(?:days|weeks|months|years)"
    r"|afterwards|in\s+the\s+aftermath)\b",
    re.I,
)


def _category_word_missing(text: str, fig: Figure) -> bool:
    """True when the figure's own text names no category (it took the field's default)."""
    return not re.search(r"[^\d\s,.~–—-]", text[fig.start : fig.end])


def _plain_links(
    item: MappedText, links: list[tuple[str, str | None, int, int]]
) -> list[tuple[str, str | None, int, int]]:
    """Links of a field as offsets into one plain item: the plain characters produced from
    inside the link's markup (links outside the item are dropped)."""
    out = []
    for text, target, start, end in links:
        inside = [i for i, s in enumerate(item.starts) if start <= s < end]
        if inside:
            out.append((text, target, inside[0], inside[-1] + 1))
    return out


#: A person's name: two to four capitalised words (particles allowed), nothing else.
_PERSON = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:(?:al|el|bin|ibn|van|von|de|da|di|du|le|la)[-\s])?"
    r"[A-Z][\w'’.-]+){1,3}$"
)
#: A per-side parameter's sub-row: "casualties1a", "strength2b".
_SUB_FIELD = re.compile(r"\d\s*([a-d])\s*$", re.I)


def _party_headings(f: Field) -> list[tuple[str, int, int]] | None:
    """The party headings of a field of no side ("Coalition: … / Al-Qaeda and Taliban: …",
    each on a line of its own or before its figures): (name, plain offset of the name, of the
    rest of its line), in order; None when a line before the first heading holds anything."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for line in f.plain.text.split("\n"):
        m = _GROUP_LABEL.match(line)
        label = m.group("label") if m else ""
        if (
            m
            and (not _CATEGORY_LABEL.search(label) or _party_label(label, mixed=True))
            and not _NOT_CONTINGENT.search(label)
            and not _PHASE_HEADING.search(label)
            and not _DAY_LABEL.match(line)
        ):
            lead = len(label) - len(label.lstrip())
            out.append((label.strip(), pos + m.start("label") + lead, pos + m.start("rest")))
        elif not out and line.strip():
            return None
        pos += len(line) + 1
    return out


#: Words of a party's name that name nobody in particular: they tie no heading to a side
#: ("Free Syrian Army" is not the "Syrian Arab Army", nor the "British Army" the "Provisional
#: Irish Republican Army"); demonyms (places.DEMONYMS) neither.
_HEADING_FILLER = frozenset(
    "and the of forces force troops side allied army armed armies navy air national "
    "liberation people peoples republic democratic government united front movement free "
    "royal guard guards arab islamic state states south north east west special unit units "
    "division regiment brigade corps military militia police command group".split()
)
#: Endings that make a word the adjective of another ("India" / "Indian", "Israel" /
#: "Israeli", "Japan" / "Japanese"): the only differences allowed between a heading's word
#: and a word of the executing side.
_ADJECTIVE_ENDINGS = ("", "n", "an", "ian", "i", "ese", "ish", "s", "'s")


def _words_tie(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short) :] in _ADJECTIVE_ENDINGS


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _names_side(name: str, side1: Field) -> bool:
    """Whether a heading's name names the executing side (*side1*, its combatants field): its
    own words ("Coalition:" over "Coalition: …", "India" the "Indian Navy", not a demonym or a
    word such as "Army"), its initials ("SPLA", "IRA" of the "Provisional Irish Republican
    Army", "US"), or, for the name of a country, a country of the side's flags or names."""
    text = side1.plain.text
    low = name.lower()
    lines = [x.strip(" *•:") for x in text.split("\n")]
    if any(low == x.lower() for x in lines if x):
        return True
    if re.fullmatch(r"[A-Z]{2,6}", name) and any(
        _initials(x).endswith(name) for x in lines if len(_initials(x)) >= len(name)
    ):
        return True
    # an acronym the side writes itself ("SOE and Greek resistance:" over "Special Operations
    # Executive (SOE)")
    if any(re.search(rf"\b{w}\b", text) for w in re.findall(r"\b[A-Z]{2,6}\b", name) if w != name):
        return True
    countries = countries_named(name)
    actors = split_actors(name) if countries else []
    if actors and all(a.kind == "state" for a in actors):
        own = {c for c, _at in side1.hints.get("flag_at") or []}
        own_iso = {iso for n in own for iso in countries_named(n)}
        own_iso |= demonym_countries(text) | countries_named(text)
        if countries & own_iso:
            return True
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    mine = [
        w
        for w in re.findall(r"[^\W\d_]+", low)
        if w not in _HEADING_FILLER and w not in DEMONYMS and len(w) >= 4
    ]
    return any(_words_tie(w, x) for w in mine for x in words)


def _armed_party(name: str) -> bool:
    """Whether a heading names armed parties (a state's or a group's forces): not a source
    ("SOHR"), the victims ("Hostages") or a kind of loss ("Aircraft")."""
    actors = split_actors(name)
    return bool(actors) and all(a.kind in ("state", "non-state") for a in actors)


def _operation_sides(box: Infobox) -> list[Field]:
    """The fields of an operation's infobox, its ``casualties`` split by party.

    Domain rule: Template:Infobox military operation names only the side that carried the
    operation out (``executed_by``, side 1); its ``casualties`` lists each party under a
    heading of its own ("Coalition: … 15 killed / Al-Qaeda and Taliban: 500–800 killed").
    When one heading names side 1 (:func:`_names_side`) and the only other heading names an
    armed party, that party is side 2 (its heading names its combatants) and each heading's
    lines are its side's column. Anything else keeps the field of no side, as written: no
    heading that names side 1 ("Allies:" beside "Japan:"), two that do, two other parties, a
    heading that is a source or a loss ("SOHR:", "Aircraft:"), or a label of a loss under the
    last heading ("Total: 53 killed" may count both parties)."""
    fields_ = list(box.fields)
    side1 = [f for f in fields_ if f.side == 1 and f.key == "combatants"]
    cas = [f for f in fields_ if f.key == "casualties" and f.side is None]
    if len(side1) != 1 or not side1[0].plain.text.strip() or len(cas) != 1:
        return fields_
    f = cas[0]
    heads = _party_headings(f)
    if not heads or len(heads) != 2:
        return fields_
    own = [_names_side(name, side1[0]) for name, _at, _rest in heads]
    if own.count(True) != 1 or not _armed_party(heads[own.index(False)][0]):
        return fields_
    last = f.plain.text[heads[-1][2] :].split("\n")[1:]
    if any((m := _GROUP_LABEL.match(x)) and _CATEGORY_LABEL.search(m.group("label")) for x in last):
        return fields_
    plain = f.plain
    out: list[Field] = []
    for k, (name, at, rest) in enumerate(heads):
        stop = heads[k + 1][1] if k + 1 < len(heads) else len(plain.text)
        while stop > rest and plain.text[stop - 1] in " \n":
            stop -= 1
        side = 1 if own[k] else 2
        if side == 2:
            label = plain.slice(at, at + len(name))
            span = label.span_of(0, len(name))
            out.append(Field(f.label, "combatants", f.text, span, label, [label], side=2))
        while rest < stop and plain.text[rest] in " \n":
            rest += 1
        if stop <= rest:
            continue
        part = plain.slice(rest, stop)
        lo, hi = part.starts[0], part.ends[-1]
        out.append(
            replace(
                f,
                plain=part,
                items=[x for x in f.items if x.starts and lo <= x.starts[0] < hi],
                markers=[x for x in f.markers if lo <= x.span[0] <= hi],
                refs=[],
                side=side,
                hints={
                    **f.hints,
                    "flag_at": [x for x in f.hints.get("flag_at") or [] if lo <= x[1] < hi],
                },
            )
        )
    i = fields_.index(f)
    return fields_[:i] + out + fields_[i + 1 :]


def _toll_part(f: Field) -> bool:
    """Whether *f* counts one part of the toll (an airliner's dead aboard, or on the ground):
    not when a bracket of it breaks it down with the ground's dead ("fatalities = 270 (259 on
    board, 11 on the ground)" is the whole, beside ``ground_fatalities = 11``)."""
    return bool(f.hints.get("toll_part")) and not _GROUND.search(f.plain.text)


#: A bracket that breaks the figure down with the ground's dead in it ("(259 on board, 11 on
#: the ground)", "(including 11 on the ground)"; not "(+11 on the ground)", which adds them).
_GROUND = re.compile(r"\((?!\s*\+)[^()]*\bground\b", re.I)


def _whole_field(doc: Document, f: Field) -> bool:
    """Whether the infobox has a field of the same key as *f* (a part of the toll) that is
    no part of it and holds a figure: the toll's whole ("total_fatalities")."""
    box = doc.infobox
    return box is not None and any(
        o is not f and o.key == f.key and not _toll_part(o) and re.search(r"\d", o.plain.text)
        for o in box.fields
    )


def _has_sub_row(doc: Document, f: Field) -> bool:
    """Whether the infobox has a sub-row ("casualties1a") of the same key and side as *f*."""
    box = doc.infobox
    return box is not None and any(
        o is not f and o.key == f.key and o.side == f.side and _SUB_FIELD.search(o.label)
        for o in box.fields
    )


#: The last word of a unit's or a body's name, never of a person's ("Defense Companies").
_BODY_TAIL = re.compile(
    r"\b(?:Compan(?:y|ies)|Forces?|Units?|Squads?|Guards?|Commandos?|Services?|Brigades?|"
    r"Battalions?|Regiments?|Corps|Militias?|Committees?|Councils?|Police|Army|Navy|Command|"
    r"Detachments?|Groups?|Cells?|Troops|Legions?|Divisions?)$"
)
#: A line that says who ordered or led the act: "on the orders of X", "under the command of X".
_ORDERS_REMARK = re.compile(
    r"(?:(?:on|under|upon)\s+(?:the\s+)?(?:orders?|instructions?)\s+(?:of|from)|ordered\s+by)\s+",
    re.I,
)


def _named_person(name: str) -> bool:
    """Whether an actor's name reads as a person's ("Omar Mateen"), not a unit's."""
    # (a capital outside ASCII starts a name too: "Şeyh Abdurrahman Alagöz")
    ascii_name = "".join(
        c if c.isascii() or not c.isalpha() else ("X" if c.isupper() else "x") for c in name
    )
    return _PERSON.match(ascii_name) is not None and _BODY_TAIL.search(name) is None


#: A line's label: linear in leading and trailing whitespace (the label neither starts nor
#: ends with a space, so the prefix and the space before the colon never trade characters).
_GROUP_LABEL = re.compile(
    r"^[\s*•#]*(?P<label>[^\s\d:()\[\]][^\d:()\[\]\n]{0,58}?[^\s\d:()\[\]])"
    # ("Mohawk allies (incl. Hendrick): 50 killed": a remark on the contingent, no figure)
    r"(?:(?<!total)[ \t]*\((?![A-Z][\w'’.-]*\))(?![^()]*\b(?:official|unofficial|est|estimated?|"
    r"estimates|claims?|claimed|per|according|sources?|figures?|reports?|reported|census|"
    r"approx|approximately)\b)[^()\d:\n]{1,40}\))?[ \t]*:"
    r"\s*(?P<rest>.*)$",
    re.I,
)
_CATEGORY_LABEL = re.compile(
    r"\b(killed|kia|dead|deaths?|died|wounded|wia|injured|injuries|casualt(?:y|ies)|losses|lost|"
    r"captured|prisoners?|pows?|missing|mia|civilians?|military|fatalities|total)\b",
    re.I,
)
#: A heading that names a people ("Palestinians:"), whose civilians a later heading may count.
_PEOPLE_HEADING = re.compile(PLURAL_PEOPLE)
#: Category words of a label that name a party, not a loss: "Civilians:", "Militants and
#: civilians:" head a party's lines in an operation's field of no side.
_PARTY_CATEGORY_WORDS = frozenset({"civilian", "civilians"})


def _party_label(label: str, mixed: bool = False) -> bool:
    """Whether a label's category words (:data:`_CATEGORY_LABEL`) all name civilians, and
    there is one at least; with *mixed*, the label also names someone else ("Militants and
    civilians", not "Civilians")."""
    words = {w.lower() for w in _CATEGORY_LABEL.findall(label)}
    if not words or not words <= _PARTY_CATEGORY_WORDS:
        return False
    return not mixed or bool(re.sub(r"\band\b|[\s,&]", "", _CATEGORY_LABEL.sub("", label)))


#: Headings that qualify figures (a phase, an estimate, a source, a scope) rather than name a
#: contingent of the side: their lines are not summed as parts of the side.
_NOT_CONTINGENT = re.compile(
    r"\b(estimated?|estimates|archival|archives?|records?|research|sources?|according|per|"
    r"based|official|claims?|claimed|"
    # ("PAVN figure:" beside "US estimate:": a source's figure)
    r"figures?|phase|initial|reinforcements?|strength|inside|outside|area|operational|sick|"
    r"other|plus|overall|first|second|third|final|later|early|ca\.?|approx\.?|personnel|"
    r"materi[ae]l|equipment)\b",
    re.I,
)
#: The ancient and medieval authors whose figures a side's lines give ("Polybius: 70,000
#: killed / Livy: 48,200 killed"): beside one of them every heading of the field names a
#: source, and its lines are rival figures, no contingents.
_AUTHOR_HEADING = re.compile(
    r"(?:according\s+to\s+)?(?:Polybius|Livy|Appian|Plutarch|Herodotus|Thucydides|Xenophon|"
    r"Diodorus(?:\s+Siculus)?|Arrian|(?:Quintus\s+)?Curtius(?:\s+Rufus)?|Tacitus|Cassius\s+Dio|"
    r"Josephus|Procopius|Ammianus(?:\s+Marcellinus)?|Orosius|Eutropius|Frontinus|Caesar|Justin|"
    r"Jordanes|Hydatius|Zosimus|Froissart|Monstrelet|Ibn\s+al-Athir|al-Tabari|al-Baladhuri|"
    r"Sima\s+Qian)",
)
#: Headings that name the engagement itself, or a wider scope than it, beside each other.
_OWN_SCOPE = re.compile(r"(?:the\s+|in\s+(?:the\s+)?)?(?:battle|siege|action|engagement)", re.I)
_WIDER_SCOPE = re.compile(r"\b(?:campaign|war|overall|whole|entire)\b", re.I)
#: A heading that names one phase of the event: an ordinal and an engagement or time word.
_PHASE_HEADING = re.compile(
    r"\b(?:first|second|third|fourth|fifth|final|last|1st|2nd|3rd|4th)\s+(?:\w+\s+)?"
    r"(?:invasion|battle|siege|assault|attack|landing|expedition|engagement|campaign|phase|"
    r"offensive|day|wave|stage)s?\b",
    re.I,
)
#: A line labelled by a day ("14 April: 1,500 casualties", "April 15: 938"): a phase of the
#: event, its losses other men than another day's.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_LABEL = re.compile(
    rf"^[\s*•#]*(?P<label>(?:\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}"
    rf"(?:\s*[–-]\s*\d{{1,2}})?))\s*:\s*(?P<rest>.*)$",
    re.I,
)
#: Words that make a heading an estimate, not a phase ("First estimate:", "Initial report").
_ESTIMATE_WORDS = re.compile(r"\b(?:estimates?|reports?|figures?|counts?|claims?|sources?)\b", re.I)
_NOT_HEADING = re.compile(r"^\s*\(|\b(unknown|none|heavy|light|many|several|few|unclear)\b", re.I)


def _flag_lines(f: Field) -> list[str | None]:
    """For each line of a field's plain text, the country of a flag that opens it, if any.

    ``{{flagicon|Germany}} 5,000 killed`` renders no text, and ``{{flag|Germany}} 5,000
    killed`` renders "Germany 5,000 killed" with no colon: either way a flag that stands after
    the previous line's break (``<br>``, a newline, ``<hr>``) and before the line's first
    character labels the line (the reader records each flag's input offset). A flag at the end
    of a line ("5,000 killed {{flagicon|Germany}}") labels nothing."""
    text = f.plain.text
    flags = sorted(f.hints.get("flag_at") or [], key=lambda x: x[1])
    out: list[str | None] = []
    if not flags or not f.span:
        return [None] * (text.count("\n") + 1)
    base = f.span[0]
    pos = 0
    prev_end: int | None = None  # input end of the last non-empty line
    for line in text.split("\n"):
        label = None
        if line.strip():
            first = f.plain.starts[pos + len(line) - len(line.lstrip())]
            for country, at in flags:
                if at > first or (prev_end is not None and at < prev_end):
                    continue
                gap = f.text[max(0, (prev_end or base) - base) : max(0, at - base)]
                if prev_end is None or _LINE_BREAK.search(gap):
                    label = country
            prev_end = f.plain.ends[pos + len(line.rstrip()) - 1]
        pos += len(line) + 1
        out.append(label)
    return out


_LINE_BREAK = re.compile(r"<\s*br|<\s*hr|\n|\{\{\s*(?:-|br|clear)\s*\}\}", re.I)


#: After a figure of a side's column: the named place or engagement it was counted at ("c.
#: 2,000 killed at Tel el-Kebir", "500 in the Battle of X"; not "in Egyptian sources").
_AT_PLACE = re.compile(
    r"[ \t]+(?:at\s+(?:the\s+)?(?:(?:battle|siege)\s+of\s+)?|in\s+the\s+(?:battle|siege)\s+of\s+"
    # "in Alexandria", not "in Egyptian sources" (a capitalised word and a lower-case one)
    r"|in\s+(?=[A-Z][\w'’-]*(?!\s+[a-z]+\b(?!-))))"
    r"[A-Z][\w'’-]"
)


def _placed_parts(
    text: str, figs: list[Figure], groups: list[tuple[str | None, int | None, bool]] | None
) -> list[Figure]:
    """A side's column that gives a category's figure for the whole ("Thousands killed") and
    another counted at a named place ("c. 2,000 killed at Tel el-Kebir"): the placed one is a
    part of the whole, no rival estimate of it. Only a part that fits in the whole (not "500
    killed / 2,000 killed at X"), of the same party and the same contingent."""

    def group(x: Figure) -> str | None:
        return groups[text.count("\n", 0, x.start)][0] if groups else None

    def fits(part: Figure, whole: Figure) -> bool:
        lo = part.low if part.low is not None else part.best
        hi = whole.high if whole.high is not None else whole.best
        if whole.comparator in (">", ">="):
            hi = None  # an open whole holds any part
        return (
            part.category == whole.category
            and part.party == whole.party
            and group(part) == group(whole)
            and not whole.unknown
            and lo is not None
            and (hi is None or lo <= hi)
            and (hi is not None or whole.low is not None)
        )

    placed = {k for k, x in enumerate(figs) if not x.subset and _AT_PLACE.match(text, x.end)}
    wholes = [x for k, x in enumerate(figs) if k not in placed and not x.subset]
    return [
        replace(x, subset=True) if k in placed and any(fits(x, w) for w in wholes) else x
        for k, x in enumerate(figs)
    ]


def _strip_bold(label: str) -> str:
    return label.strip().strip("'").strip()


def _line_groups(
    text: str, flags: list[str | None] | None = None, parties: bool = False
) -> list[tuple[str | None, int | None, bool]]:
    """For each line of a per-side field, the contingent it counts and whether it is a total.

    Battle infoboxes list a side's figures by contingent::

        Total: 24,000            <- total=True
        Anglo-allies: 17,000     <- opens group "Anglo-allies"
        3,500 killed             <- in "Anglo-allies"
        Prussians: 7,000         <- opens group "Prussians"

    A heading is ``Label:`` (with or without a figure after it) or a short line with no digit
    (``American``); a label naming a category or a party (``Killed:``, ``Civilians:``) is not a
    group (the figure normaliser reads it). ``Total…`` lines, and lines with a figure that end
    in a colon (``4,000–5,000 killed:`` above its parts), are totals and close any group. A line
    opened by a flag (*flags*, per line: :func:`_flag_lines`) opens the group of that country;
    the same country's flag again reopens its group (two claims about one contingent are
    rival figures, not two contingents). With *parties* (a field of no side, whose headings
    name the parties), a heading that names civilians (``Civilians:``) opens a group too.
    """
    out: list[tuple[str | None, int | None, bool]] = []
    group: str | None = None
    seq: int | None = None
    n = -1
    total_below = False  # a bare "Total dead:" label: the figure is on the next line
    flag_seq: dict[str, int] = {}
    lines = text.split("\n")
    labels = [lm.group("label").strip() for lm in map(_GROUP_LABEL.match, lines) if lm]
    authored = any(_AUTHOR_HEADING.fullmatch(_strip_bold(x)) for x in labels)
    # "Campaign: 2,000 / Battle: 1,000": two scopes, not two contingents; the engagement's own
    # lines are the side's figure (the campaign's count more than this event)
    scoped = any(_OWN_SCOPE.fullmatch(x) for x in labels) and any(
        _WIDER_SCOPE.search(x) for x in labels
    )
    own_scope = False
    for k, line in enumerate(lines):
        flag = flags[k] if flags and k < len(flags) else None
        m = _GROUP_LABEL.match(line)
        if scoped and m:
            own_scope = bool(_OWN_SCOPE.fullmatch(m.group("label").strip()))
        if scoped and (own_scope or (m and _WIDER_SCOPE.search(m.group("label")))):
            group, seq = None, None
            out.append((None, None, own_scope))
            continue
        if flag and not m and not line.strip().lower().startswith("total"):
            key = flag.lower()
            if key not in flag_seq:
                n += 1
                flag_seq[key] = n
            group, seq = flag, flag_seq[key]
            total_below = False
            out.append((group, seq, False))
            continue
        stripped = line.strip().strip(":").strip()
        if group is not None and not m and _PARTS_FOLLOW.search(line):
            # "France: / 95,615 dead, of whom: / 10,240 killed in action …": the contingent's
            # figure above its breakdown (its parts: _parts_below), not the side's total
            out.append((group, seq, False))
            continue
        if (m and m.group("label").strip().lower().startswith("total")) or (
            re.search(r"\d", stripped) and line.rstrip().endswith(":")
        ):
            # "Total: 24,000", or "4,000–5,000 killed:" heading the lines that break it down
            group, seq = None, None
            total_below = bool(m) and not m.group("rest").strip()
            out.append((None, None, True))
            continue
        if total_below and re.search(r"\d", stripped) and not m:
            out.append((None, None, True))
            continue
        if out and out[-1][2] and line.lstrip().startswith("("):
            # "Total: 53,060 ⏎ (12,208 killed, 17,985 missing, 22,867 wounded)": the total's
            # breakdown in brackets on the line under it, the side's figures too
            out.append((None, None, True))
            continue
        total_below = False
        day = _DAY_LABEL.match(line) if m is None else None
        if day is not None:
            # "14 April: 1,500 casualties / 15 April: 938 casualties": each day a phase
            n += 1
            group, seq = day.group("label").strip(), n
        elif (
            m
            and _PHASE_HEADING.search(m.group("label"))
            and not _ESTIMATE_WORDS.search(m.group("label"))
        ):
            # "First invasion:", "Second phase (14/15 Nov):", "Third day:": each phase loses
            # other men, so for casualties a phase counts like a contingent
            n += 1
            group, seq = m.group("label").strip(), n
        elif m and (_NOT_CONTINGENT.search(m.group("label")) or authored):
            # "Estimated:", "Initial figures:", "Livy:" and the headings beside it: no contingent
            group, seq = None, None
        elif (
            m
            and (
                not _CATEGORY_LABEL.search(m.group("label"))
                or (
                    parties
                    and _party_label(m.group("label"))
                    # "Palestinians: 167 killed / Civilians: 87–105 killed": the civilians may
                    # be some of a people headed before; only beside parties they are apart
                    and not any(
                        _PEOPLE_HEADING.search(x)
                        for x in labels[: labels.index(m.group("label").strip())]
                        if x
                    )
                )
            )
        ):
            n += 1
            group, seq = m.group("label").strip(), n
        elif (
            stripped
            and not re.search(r"\d", stripped)
            and len(stripped.split()) <= 5
            and not _NOT_HEADING.search(stripped)
            and not _CATEGORY_LABEL.search(stripped)
        ):
            if _NOT_CONTINGENT.search(stripped) and not (
                _PHASE_HEADING.search(stripped) and not _ESTIMATE_WORDS.search(stripped)
            ):
                group, seq = None, None
            else:
                n += 1
                group, seq = stripped, n
        out.append((group, seq, False))
    return out


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` sits inside an open parenthesis."""
    before = text[:start]
    return before.count("(") > before.count(")") and ")" in text[end:]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


def statement_dict(st: Statement) -> dict[str, Any]:
    """The statement as a record dict (field order as declared; values are JSON-ready)."""
    d = {name: getattr(st, name) for name in _STATEMENT_FIELDS}
    d["span"] = list(st.span)
    d["refs"] = list(st.refs)
    if isinstance(st.value, dict):
        d["value"] = deepcopy(st.value)
    return d
