"""Decide from a page's raw XML bytes, before any parse, whether it can hold an event.

A whole English Wikipedia dump has millions of articles of which a few tens of thousands are
events, and an event article carries an event infobox. So the default test is one byte regex
for ``{{Infobox <name>`` with a name the wikitext reader takes for an event infobox
(:data:`eventledger.read.wikitext_tables.FAMILY_ALIASES`: civilian attack, terrorist attack,
attack, military conflict, battle, war, conflict, event, historical event, news event, civil conflict,
military operation, aircraft occurrence and its redirects): case-insensitive,
spaces or underscores between words, an optional ``Template:`` prefix. Page text in a dump is
XML-escaped, but ``{``, letters, spaces and ``_`` are never escaped, so the test reads the raw
bytes directly.

The filter may keep pages that hold no event (the pipeline then finds none); it must never
drop a page with an event infobox. Two wider modes also keep pages without an infobox:

* ``category``: a ``[[Category:…]]`` naming massacres, battles, attacks, riots, wars … ;
* ``title``: a title naming such an event (``Réveillon riots``, ``Operation Wikinger``).

``all`` keeps every page (no pre-filter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventledger.read.wikitext_tables import FAMILY_ALIASES

FILTERS = ("infobox", "category", "title", "all")


def _family_pattern(name: str) -> str:
    return r"[ _]+".join(re.escape(w) for w in name.split())


#: The event infobox names the reader takes (:data:`FAMILY_ALIASES`) as one regex alternation,
#: longest first, spaces or underscores between words.
INFOBOX_NAMES = "|".join(
    sorted((_family_pattern(f) for f in FAMILY_ALIASES), key=len, reverse=True)
)

#: ``{{Infobox <event family>`` in raw (XML-escaped) wikitext bytes.
INFOBOX_RE = re.compile(
    (
        r"\{\{\s*(?:template\s*:\s*)?infobox[ _]+(?:"
        + INFOBOX_NAMES
        # the name ends there: "{{Infobox war|", not "{{Infobox war faction" (a group's box)
        + r")\s*(?:\||\}|&lt;|<)"
    ).encode(),
    re.IGNORECASE,
)

#: Words that mark an event in an English category name or a title. Plural and singular.
EVENT_WORDS = (
    r"massacres?|battles?|sieges?|attacks?|bombings?|shootings?|stabbings?|riots?|wars?"
    r"|conflicts?|genocides?|pogroms?|killings?|mass murders?|murders?|assassinations?"
    r"|terrorism|terrorist incidents?|insurrections?|rebellions?|revolts?|uprisings?"
    r"|invasions?|coups?(?: d'état)?|skirmish(?:es)?|raids?|ambush(?:es)?|offensives?"
    r"|operations?|friendly fire|hijackings?|hostage crises|hostage crisis|war crimes?"
    r"|atrocities|atrocity|storming|civil disorder|military history|campaigns?"
)
CATEGORY_RE = re.compile(
    rb"\[\[\s*category\s*:[^\]|\n]*?\b(?:" + EVENT_WORDS.encode() + rb")\b",
    re.IGNORECASE,
)
TITLE_WORDS_RE = re.compile(r"\b(?:" + EVENT_WORDS + r"|march on|incident)\b", re.IGNORECASE)
_TITLE = re.compile(rb"<title>([^<]*)</title>")


@dataclass(frozen=True, slots=True)
class Prefilter:
    """A byte-level page test: ``Prefilter("infobox")(raw_page_bytes) -> bool``.

    :param kind: one of :data:`FILTERS`. ``category`` and ``title`` keep every page that
        ``infobox`` keeps, plus those with an event category or title.
    :param pattern: a regex (str) replacing the built-in category or title words.
    """

    kind: str = "infobox"
    pattern: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in FILTERS:
            raise ValueError(f"unknown filter {self.kind!r} (expected one of {', '.join(FILTERS)})")

    def __call__(self, raw: bytes) -> bool:
        """Return True when the page at *raw* (XML bytes of one ``<page>``) may hold an event."""
        if self.kind == "all":
            return True
        if INFOBOX_RE.search(raw):
            return True
        if self.kind == "category":
            if self.pattern:
                return _custom_category(self.pattern).search(raw) is not None
            return CATEGORY_RE.search(raw) is not None
        if self.kind == "title":
            m = _TITLE.search(raw, 0, 4096)
            if not m:
                return False
            title = m.group(1).decode("utf-8", "replace")
            rx = re.compile(self.pattern, re.IGNORECASE) if self.pattern else TITLE_WORDS_RE
            return rx.search(title) is not None
        return False

    def chunk_patterns(self) -> tuple[re.Pattern[bytes], ...]:
        """Patterns to run over many pages' bytes at once: every page this filter keeps holds a
        match of one of them inside its own bytes (then the page-level test decides). Empty
        when the test is not on the page text alone (``title``, ``all``): test every page.
        """
        if self.kind == "infobox":
            return (INFOBOX_RE,)
        if self.kind == "category":
            category = _custom_category(self.pattern) if self.pattern else CATEGORY_RE
            return (INFOBOX_RE, category)
        return ()


def _custom_category(pattern: str) -> re.Pattern[bytes]:
    return re.compile(
        rb"\[\[\s*category\s*:[^\]|\n]*?(?:" + pattern.encode() + rb")", re.IGNORECASE
    )


def may_hold_event(raw: bytes, kind: str = "infobox") -> bool:
    """Shorthand for ``Prefilter(kind)(raw)``."""
    return Prefilter(kind)(raw)
