"""The casualty-cue prefilter of ``figures_in_sentence`` answers exactly as the re.I pattern."""

from __future__ import annotations

import random

import pytest

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
