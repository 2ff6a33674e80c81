"""Sentence splitting on plain text, shared by every reader.

Rule-based, English-encyclopedic conventions: a sentence ends at ``.``, ``!`` or ``?`` (optionally
followed by closing quotes/brackets and citation markers) before whitespace and an upper-case
letter, digit or opening quote. It does not end after common abbreviations (``c.``, ``St.``,
``Gen.``, ``U.S.``), single initials (``J. R. R. Tolkien``), or inside decimals (``8.7``).

:func:`split_sentences` returns ``(start, end)`` offsets into the given text, whitespace trimmed,
so the caller can map them back to its input.
"""

from __future__ import annotations

import re

#: Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """
    c ca circa approx est no nos vol vols p pp ed eds fig figs st mt ft gen col lt capt cmdr
    adm maj sgt cpl pvt brig lieut gov sen rep pres rev dr mr mrs ms prof jr sr inc ltd co corp
    vs etc cf al e g i ie eg viz jan feb mar apr jun jul aug sep sept oct nov dec u s uk
    """.split()
)

# (The stop is written "[.!?][.!?]*", not "[.!?]+": a pattern that starts with a set of
# characters is searched for them, one that starts with a repeat is tried at every position,
# twice as slow over a paragraph.)
_END = re.compile(
    r"""[.!?][.!?]*       # terminal punctuation
        ["'”’)\]]*        # closing quotes or brackets
        (?:\[[^\]\s]{1,12}\])*   # footnote markers like [1][a] glued after the stop
        (?=\s+["'“‘(\[]?[A-Z0-9À-ÖØ-Þ]|\s*$)""",
    re.VERBOSE,
)


#: The letters right before a full stop (searched in the 12 characters before it).
_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split *text* into sentences; return their ``(start, end)`` offsets, whitespace trimmed.

    >>> t = "It began c. 1500. St. Mary burned. Then 8.7 million fled."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['It began c. 1500.', 'St. Mary burned.', 'Then 8.7 million fled.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith", "U.S."
    return word.lower() in ABBREVIATIONS and (
        len(word) <= 2
        or word[0].islower()
        or word
        in (
            "St",
            "Mt",
            "Gen",
            "Col",
            "Lt",
            "Capt",
            "Dr",
            "Mr",
            "Mrs",
            "Ms",
            "Prof",
            "Jr",
            "Sr",
            "Adm",
            "Maj",
            "Sgt",
            "Brig",
            "Gov",
            "Sen",
            "Rev",
            "No",
            "Fig",
            "Vol",
        )
    )


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
