"""The casualty-cue prefilter of ``figures_in_sentence`` answers exactly as the re.I pattern,
and the cue words of its other patterns are in every match of them."""

from __future__ import annotations

import random
import re

import pytest

from eventledger.normalise import numbers as N
from eventledger.normalise.numbers import _CASUALTY_HINT, _has_casualty_hint

CASES = [
    ("", False),
    ("The army marched north.", False),
    ("Over 300 were KILLED.", True),
    ("He died in 1945.", True),
    ("Many die.", True),
    ("The dies were cast.", False),
    ("The city fell.", True),
    ("Rainfell heavy.", False),
    ("Accused of WAR\tCRIMES.", True),
    ("4,000 POWs", True),
    ("powsx", False),
    ("3 KIA", True),
    ("Caſualties were heavy.", True),  # long s folds to s under re.I
    ("\u212aILLED", True),  # Kelvin sign folds to k
    ("dİe", True),  # dotted capital I matches i under re.I
    ("Über 100 Tote, 20 verwundet", False),
    ("Tōkyō: 100 wounded", True),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hint_table(text: str, expected: bool) -> None:
    assert _has_casualty_hint(text) is expected
    assert (_CASUALTY_HINT.search(text) is not None) is expected


def test_hint_agrees_with_pattern_on_random_texts() -> None:
    toks = ["kill", "KiLL", "dead", "die", "DIE", "dies", "fell", "FeLL", "fells", "war crime",
            "WAR\tCRIMES", "pow", "POWs", "powsx", "kia", "KIAs", "\u0130", "\u0131", "\u017f",
            "\u212a", "x", " ", "_", "é", "1", "-", "\n", "casualt", "Lives", "slew", "execut"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(20000):
        t = "".join(rng.choice(toks) for _ in range(rng.randint(0, 6)))
        assert _has_casualty_hint(t) is (_CASUALTY_HINT.search(t) is not None), t


# each pattern, its cue words, and phrases it matches
CUED = [
    (
        N._MASSACRE_NOUN,
        N._MASSACRE_NOUN_CUES,
        ["the massacre", "War  Crimes", "pogroms", "killings", "mass murders", "mass executions",
         "exterminations", "atrocity", "carnage", "butchery", "genocide", "slaughter"],
    ),
    (
        N._VAGUE_SENT,
        N._VAGUE_SENT_CUES,
        ["many", "numerous", "countless", "untold", "scores", "an unknown number of",
         "heavy casualties", "light losses", "severe deaths", "significant fatalities",
         "considerable death tolls", "substantial casualties", "high losses", "minimal losses"],
    ),
    (
        N._NO_CAS,
        N._NO_CAS_CUES,
        ["no casualties", "no reported deaths", "no Known fatalities", "no injuries", "no losses",
         "no dead", "no military wounded", "no one was killed", "no one was hurt"],
    ),
    (N._RESPECTIVELY, N._RESPECTIVELY_CUES, ["respectively"]),
    (
        N._TRIGGER_BEFORE,
        N._TRIGGER_CUES,
        ["killed ", "the death toll rose to ", "shot dead ", "took the lives of ", "slew ",
         "the number of dead was estimated at ", "put the dead at ", "the dead were put at ",
         "wounded ", "captured ", "took prisoner ", "put casualties at ", "losses amounted to ",
         "against the ", "targeting some of the ", "gunned down ", "injuries to ", "slaying ",
         "deaths numbered ", "exterminated ", "drowned all ", "killings of ", "slain ",
         "fatalities were ", "executions of ", "massacred the remaining ", "slaughtered "],
    ),
    (
        N._DEAD_WERE,
        N._DEAD_WERE_CUES,
        ["Most of the dead were", "many of the victims was", "among the killed included",
         "The fatalities were", "all of the those killed were", "half of the dead included"],
    ),
    (
        N._ONE_DEATH,
        N._ONE_DEATH_CUES,
        ["resulting in the death of a man", "caused the first death of one pilot",
         "led to the death of an officer", "leads to the sole death of a child",
         "results in death of one soldier"],
    ),
    (
        N._KILLED_ANOTHER,
        N._KILLED_ANOTHER_CUES,
        ["killed another person", "shot dead another man", "stabbed to death another soldier",
         "murdering another passer-by", "killing another police officer"],
    ),
]  # fmt: skip


def _variants(phrase: str) -> list[str]:
    out = [phrase, phrase.upper(), phrase.title(), phrase.swapcase()]
    for a, b in (("s", "\u017f"), ("i", "\u0131"), ("k", "\u212a"), ("I", "\u0130")):
        out += [v.replace(a, b) for v in list(out)]
    return out


@pytest.mark.parametrize(("pattern", "cues", "phrases"), CUED)
def test_cues_are_in_every_match(pattern, cues, phrases) -> None:
    rng = random.Random(11)
    words = [w for p in phrases for w in p.split()] + [" ", "\t", ",", "1", "The", "x"]
    for phrase in phrases:
        assert pattern.search(phrase), phrase
        for t in _variants(phrase):
            if pattern.search(t):
                assert N._cued(N._lower_exact(t), *cues), t
    for _ in range(2000):
        t = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        for v in _variants(t):
            if pattern.search(v):
                assert N._cued(N._lower_exact(v), *cues), v
        # and where the cue test fails, the pattern finds nothing
        if not N._cued(N._lower_exact(t), *cues):
            assert pattern.search(t) is None, t


def test_lower_exact_keeps_offsets() -> None:
    for t in ["\u0130stanbul", "Ca\u017fualties", "\u212aILLED", "SIRI\u0131"]:
        low = N._lower_exact(t)
        assert len(low) == len(t)
        assert low == low.lower() and low.isascii()


def test_before_date_agrees_with_pattern() -> None:
    pattern = re.compile(
        r"(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\Z",
        re.I,
    )
    toks = ["14 ", "August", "aug", "AUG.", "Sept", "sep", "ſept", "dismay", "May", ".", " ", "\t",
            "\u00a0", "Nov", "x", "1945", "DEC.", "ember", "\u0130", "march", "Mar. "]  # fmt: skip
    rng = random.Random(5)
    for _ in range(20000):
        t = "".join(rng.choice(toks) for _ in range(rng.randint(0, 5)))
        assert N._before_date(t) is (pattern.search(t) is not None), t
