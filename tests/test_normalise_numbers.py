"""Tests for the casualty-figure normaliser (DESIGN.md, "Numbers: casualty statements")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventledger.normalise.numbers import (
    Figure,
    FigureError,
    convert,
    figures_in_field,
    figures_in_sentence,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# The DESIGN.md table, every row: text -> low, high, best, comparator.
DESIGN_TABLE = [
    ("1,000", 1000, 1000, 1000, "="),
    ("one thousand", 1000, 1000, 1000, "="),
    ("over 1,000", 1001, None, None, ">"),
    ("more than 1,000", 1001, None, None, ">"),
    ("well over one thousand", 1001, None, None, ">"),
    ("at least 77", 77, None, None, ">="),
    ("77+", 77, None, None, ">="),
    ("up to 300", None, 300, None, "<="),
    ("as many as 300", None, 300, None, "<="),
    ("fewer than 50", None, 49, None, "<"),
    ("c. 200", None, None, 200, "~"),
    ("about 200", None, None, 200, "~"),
    ("~200", None, None, 200, "~"),
    ("an estimated 200", None, None, 200, "~"),
    ("300–500", 300, 500, None, "range"),
    ("between 300 and 500", 300, 500, None, "range"),
    ("300 to 500", 300, 500, None, "range"),
    ("over half of a group of 1,800", 901, 1800, None, "range"),
    ("dozens", 24, 99, None, "range"),
    ("hundreds", 200, 999, None, "range"),
    ("thousands", 2000, 9999, None, "range"),
    ("unknown", None, None, None, None),
]

# The rules listed under the table.
RULES = [
    ("several", 3, 9, None, "range"),
    ("several hundred", 300, 999, None, "range"),
    ("a few", 2, 9, None, "range"),
    ("tens of thousands", 20000, 99999, None, "range"),
    ("hundreds of thousands", 200000, 999999, None, "range"),
    ("none", 0, 0, 0, "="),
    ("0", 0, 0, 0, "="),
    ("Nil", 0, 0, 0, "="),
    ("heavy", None, None, None, None),
    ("light", None, None, None, None),
    ("many", None, None, None, None),
    ("estimates vary", None, None, None, None),
    ("Unknown, Minimal", None, None, None, None),
    ("10-12,000", 10000, 12000, None, "range"),
    ("8.7–10 million", 8_700_000, 10_000_000, None, "range"),
    ("between 2 and 3 million", 2_000_000, 3_000_000, None, "range"),
    ("2.5 million", 2_500_000, 2_500_000, 2_500_000, "="),
    ("100–1,000", 100, 1000, None, "range"),
    ("300–400 to 500–600", 300, 600, None, "range"),
    ("5.000", 5000, 5000, 5000, "="),
    ("1.500.000", 1_500_000, 1_500_000, 1_500_000, "="),
    ("nearly 300", None, 299, None, "<"),
    ("almost 300", None, 299, None, "<"),
    ("no more than 40", None, 40, None, "<="),
    ("no fewer than 40", 40, None, None, ">="),
    ("40 or more", 40, None, None, ">="),
    (">120", 121, None, None, ">"),
    ("300–500+", 300, None, None, ">="),
    ("300,000+", 300000, None, None, ">="),
    ("c. 300–400", 300, 400, None, "range"),
    ("23,000 (est.)", None, None, 23000, "~"),
    ("{{circa}} 4,000 killed", None, None, 4000, "~"),
    ("twenty-five", 25, 25, 25, "="),
    ("two hundred and fifty", 250, 250, 250, "="),
    ("a dozen", 12, 12, 12, "="),
    ("more than a dozen", 13, None, None, ">"),
    ("one or two", 1, 2, None, "range"),
    ("well over one thousand", 1001, None, None, ">"),
    ("Over 1,000", 1001, None, None, ">"),
    ("half of the 600", None, None, 300, "~"),
    ("at least half of 1,000", 500, 1000, None, "range"),
]


@pytest.mark.parametrize(("text", "low", "high", "best", "comparator"), DESIGN_TABLE + RULES)
def test_interval(text: str, low: int | None, high: int | None, best: int | None, comparator):
    f = convert(text)
    assert (f.low, f.high, f.best, f.comparator) == (low, high, best, comparator)
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("text", "approximate", "unknown"),
    [
        ("c. 200", True, False),
        ("c. 300–400", True, False),
        ("300–400", False, False),
        ("1,000", False, False),
        ("unknown", False, True),
        ("heavy", False, True),
        ("23,000 (estimated)", True, False),
    ],
)
def test_flags(text: str, approximate: bool, unknown: bool):
    f = convert(text)
    assert (f.approximate, f.unknown) == (approximate, unknown)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("300 killed", "killed"),
        ("300 dead", "killed"),
        ("300 deaths", "killed"),
        ("300 fatalities", "killed"),
        ("2,000 KIA", "killed"),
        ("30 executed", "killed"),
        ("12 drowned", "killed"),
        ("400 died of disease", "killed"),
        ("1,000 fell in the battle", "killed"),
        ("300 wounded", "wounded"),
        ("26 injured", "wounded"),
        ("500 POW", "captured"),
        ("3,500 prisoners", "captured"),
        ("70 captured", "captured"),
        ("40 surrendered", "captured"),
        ("21 missing", "missing"),
        ("300 casualties", "casualties"),
        ("300 killed and wounded", "casualties"),
        ("7,000–8,000 dead or wounded", "casualties"),
        ("1,413 missing or captured", "casualties"),
        ("10,000 dead, wounded, or captured", "casualties"),
        ("Killed and wounded: 487", "casualties"),
        # the sick are a group of their own: with another category the figure is mixed
        ("280,251 sick or wounded", "casualties"),
        ("500 wounded or sick", "casualties"),
        ("1,200 sick and wounded", "casualties"),
        ("90 killed, wounded or sick", "casualties"),
    ],
)
def test_category_words(text: str, category: str):
    assert convert(text, "strength-default").category == category


@pytest.mark.parametrize("text", ["500 sick", "2,000 fell sick", "2,000 fell ill", "1,000 sick"])
def test_sick_alone_is_no_casualty_figure(text: str) -> None:
    # the sick are no casualty category (killed, wounded, captured, missing): a casualties
    # field must not take "1,000 sick" for the side's undifferentiated total
    assert figures_in_field(text, "casualties") == []
    assert figures_in_field("30 killed, 58 wounded\n" + text, "casualties")[-1].category in (
        "killed",
        "wounded",
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [("650,878 wounded or sick", "casualties"), ("2,000 died of sickness", "killed")],
)
def test_sick_beside_a_category_keeps_the_figure(text: str, category: str) -> None:
    (fig,) = figures_in_field(text, "casualties")
    assert fig.category == category


@pytest.mark.parametrize(
    ("default", "expected"),
    [("casualties", "casualties"), ("killed", "killed"), ("wounded", "wounded"), (None, None)],
)
def test_default_category_applies_without_category_word(default, expected):
    assert convert("2,000", default).category == expected
    assert convert("2,000 killed", default).category == "killed"


def test_qualifier_binds_to_following_number_only():
    a, b = figures_in_field("at least 60 wounded, 100 killed", "casualties")
    assert (a.category, a.comparator, a.low, a.high) == ("wounded", ">=", 60, None)
    assert (b.category, b.comparator, b.low, b.high, b.best) == ("killed", "=", 100, 100, 100)


def test_including_is_a_subset():
    main, sub = figures_in_field("300 killed, including 12 children", "casualties")
    assert (main.low, main.subset) == (300, False)
    assert (sub.low, sub.subset, sub.category, sub.party) == (12, True, "killed", "civilians")
    assert convert("300 killed, including 12 children").low == 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an undifferentiated total broken down by "including": each category's own count
        (
            "24,000 to 26,000 killed, wounded including 6,000 to 7,000 captured",
            [("casualties", 24000, 26000, False), ("captured", 6000, 7000, False)],
        ),
        (
            "300 casualties, including 100 killed",
            [("casualties", 300, 300, False), ("killed", 100, 100, False)],
        ),
        (
            "1,000 losses among them 200 prisoners",
            [("casualties", 1000, 1000, False), ("captured", 200, 200, False)],
        ),
        # a part of the same category, or a party, stays a subset
        (
            "300 killed, including 12 children",
            [("killed", 300, 300, False), ("killed", 12, 12, True)],
        ),
        (
            "300 casualties including 12 children",
            [("casualties", 300, 300, False), ("casualties", 12, 12, True)],
        ),
        (
            "300 killed, including 20 wounded",
            [("killed", 300, 300, False), ("wounded", 20, 20, True)],
        ),
    ],
)
def test_including_breaks_down_undifferentiated_totals(text: str, expected: list) -> None:
    figs = figures_in_field(text, "casualties")
    assert [(f.category, f.low, f.high, f.subset) for f in figs] == expected


def test_breakdown_in_parentheses():
    figs = figures_in_field("2,996 (2,977 victims + 19 hijackers)", "killed")
    assert [(f.low, f.subset) for f in figs] == [(2996, False), (2977, True), (19, True)]
    assert figs[2].party == "perpetrators"
    figs = figures_in_field("23,049 total (3,155 killed; 14,529 wounded)", "casualties")
    assert [(f.low, f.category, f.subset) for f in figs] == [
        (23049, "casualties", False),
        (3155, "killed", False),
        (14529, "wounded", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2,000 (French claim)\n3,000 (British claim)",
            [(2000, "(French claim)"), (3000, "(British claim)")],
        ),
        ("1,000–3,000 dead (modern estimates)", [(1000, "(modern estimates)")]),
        ("11 Plataeans (Herodotus)", [(11, "(Herodotus)")]),
        ("5,000 killed according to Soviet sources", [(5000, "according to Soviet sources")]),
        ("20,000 captured (almost all stragglers)", [(20000, None)]),
    ],
)
def test_attribution_kept_interval_unchanged(text: str, expected):
    figs = figures_in_field(text, "casualties")
    assert [(f.low, f.attribution) for f in figs] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300 killed, 500 wounded", [("killed", 300), ("wounded", 500)]),
        ("~10,000 killed or wounded\n2,000 captured", [("casualties", None), ("captured", 2000)]),
        ("Over 1,000 killed \n 50 captured", [("killed", 1001), ("captured", 50)]),
        ("29 aircraft destroyed\n~ 21 damaged\n 14–16 killed", [("killed", 14)]),
        ("1 ship sunk", []),
        ("200 tanks", []),
        # ship types are units, not people ("3 warships captured" is no count of prisoners)
        ("3 Warships captured", []),
        ("3 galleys captured\n7 brigantines captured", []),
        ("1 galleon and 1 fireship", []),
        # two counts sharing one unit: both are equipment
        ("64 German and 20 Italian aircraft", []),
        ("500 man captured", [("captured", 500)]),
        ("1,200 horses", []),
        ("39th Army", []),
        ("300 yen", []),
        ("$300", []),
        ("15%", []),
        ("10:30", []),
        ("14 August 1945", []),
        ("1945-08-14", []),
        ("p. 47", []),
        ("HMS Victory", []),
        ("2 light cruisers\n4 destroyers\nfor a total of 1,732 killed", [("killed", 1732)]),
        ("Over 61,000,000 (1937–45)", [("casualties", 61_000_001)]),
        ("First phase (13 Nov):\n36 aircraft", []),
        ("5 civilians", [("casualties", 5)]),
        ("Killed and wounded unknown\n70 captured", [("casualties", None), ("captured", 70)]),
        ("No casualties", [("casualties", 0)]),
    ],
)
def test_figures_in_field(text: str, expected):
    figs = figures_in_field(text, "casualties")
    assert [(f.category, f.low) for f in figs] == expected


def test_label_lines_give_category_and_party():
    text = (
        "Military dead:\nOver 16,000,000\nCivilian dead:\nOver 45,000,000\nTotal dead:\n61,000,000"
    )
    figs = figures_in_field(text, "casualties")
    assert [(f.category, f.party, f.low) for f in figs] == [
        ("killed", "military", 16_000_001),
        ("killed", "civilians", 45_000_001),
        ("killed", None, 61_000_000),
    ]


def test_party():
    assert convert("Approximately 3,000 civilians killed").party == "civilians"
    assert convert("19 hijackers").party == "perpetrators"
    assert convert("300 soldiers dead").party == "military"
    assert convert("300 dead").party is None


# Founding example: /work/shared/seed/Gegenmiao_massacre.txt
def test_seed_infobox_field():
    f = convert("Over 1,000", "killed")
    assert (f.category, f.comparator, f.low, f.high) == ("killed", ">", 1001, None)


GEGENMIAO_LEAD = (
    "The Gegenmiao massacre or the Gegenmiao incident was a war crime by the Red Army and a "
    "part of the local Chinese population against over half of a group of 1,800 Japanese women "
    "and children who had taken refuge in the lamasery Gegenmiao/Koken-miao (葛根廟) on August "
    "14, 1945, during the Khingan–Mukden Operation in Soviet invasion of Manchuria."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "After two hours, Red Army soldiers had murdered well over one thousand Japanese "
            "refugees, mostly women and children.",
            [("killed", ">", 1001, None)],
        ),
        (
            "The Red Army murdered over 1,000 Japanese refugees by the end of the massacre.",
            [("killed", ">", 1001, None)],
        ),
        ("In the market, a Japanese boy could sell for 300 yen, and a girl for 500 yen.", []),
        ("Reports from the Soviet 39th Army after the massacre, 14 August 1945.", []),
        (GEGENMIAO_LEAD, [("killed", "range", 901, 1800)]),
        (
            "Angry Chinese civilians chased a group of Japanese refugees into a river, where "
            "many drowned.",
            [("killed", None, None, None)],
        ),
        ("Soldiers raped several women and children, sometimes after murdering them.", []),
        # general prose
        (
            "At least 300 people were killed and 500 wounded.",
            [("killed", ">=", 300, None), ("wounded", "=", 500, 500)],
        ),
        (
            "The attack killed 12 people, including 3 children, and injured 40.",
            [("killed", "=", 12, 12), ("killed", "=", 3, 3), ("wounded", "=", 40, 40)],
        ),
        ("The death toll rose to 1,234.", [("killed", "=", 1234, 1234)]),
        ("The death toll later rose to 25.", [("killed", "=", 25, 25)]),
        ("The death toll eventually reached 40.", [("killed", "=", 40, 40)]),
        ("A group of 1,800 refugees arrived in 1945.", []),
        ("The group numbered 1,800.", []),
        ("In 1945, 300 soldiers were killed.", [("killed", "=", 300, 300)]),
        ("2,000 troops attacked and killed 50 villagers.", [("killed", "=", 50, 50)]),
        ("Some 40 people died in the fire.", [("killed", "~", None, None)]),
        ("There were no casualties.", [("casualties", "=", 0, 0)]),
        ("No one was killed.", [("killed", "=", 0, 0)]),
        ("The bomb exploded at 10:30, killing 5 people.", [("killed", "=", 5, 5)]),
        ("About 30% of the town's 2,000 inhabitants were killed.", []),
        ("The 1937 massacre killed 300 people.", [("killed", "=", 300, 300)]),
        ("Tens of thousands died of famine in 1943.", [("killed", "range", 20000, 99999)]),
        ("Dozens of civilians were killed.", [("killed", "range", 24, 99)]),
        ("The French suffered heavy losses.", [("casualties", None, None, None)]),
        ("The army marched 300 miles and lost 3 tanks.", []),
        ("The regiment had 1,200 men when it arrived on 3 May.", []),
        ("See pp. 45–47 on the killings.", []),
        ("Some 5,000 prisoners were taken.", [("captured", "~", None, None)]),
        ("The British lost 1,200 killed and wounded.", [("casualties", "=", 1200, 1200)]),
        ("The SDF captured three villages and 40 hills.", []),
        ("ISIL executed fifteen members who were captured in Tikrit.", [("killed", "=", 15, 15)]),
        (
            "Losses were 300 killed and 500 wounded.",
            [("killed", "=", 300, 300), ("wounded", "=", 500, 500)],
        ),
        ("The Army captured 300 soldiers.", [("captured", "=", 300, 300)]),
        (
            "More than 10 fighters and 19 soldiers were killed.",
            [("killed", ">", 11, None), ("killed", "=", 19, 19)],
        ),
        ("A group of 1,800 and 300 soldiers were killed.", [("killed", "=", 300, 300)]),
        (
            "Three Iraqi soldiers were killed and 17 wounded.",
            [("killed", "=", 3, 3), ("wounded", "=", 17, 17)],
        ),
        # an inserted comparison between a number and its verb
        (
            "In one chronicle, 100 of Henry's men, compared to 1,000 of Richard's, died.",
            [("killed", "=", 100, 100)],
        ),
        ("In all 300 soldiers, against 40 in 1650, were wounded.", [("wounded", "=", 300, 300)]),
        ("300 soldiers, the chronicle says, died.", []),
        # one death stated in words as the outcome
        (
            "It was an incident on 6 September 1939, resulting in the first death of a pilot.",
            [("killed", "=", 1, 1)],
        ),
        ("The collapse caused the death of one worker.", [("killed", "=", 1, 1)]),
        ("The riots were sparked by the death of a teenager.", []),
        ("The raid did not result in the death of a single soldier.", []),
        ("The fire resulted in the death of a number of residents.", []),
        ("The fire led to the death of a family of five.", []),
        # a number word after a figure starts its own phrase, not the figure's unit
        (
            "They initially confirmed 63, but raised the death toll to 89 two days later.",
            [("killed", "=", 89, 89)],
        ),
        ("The death toll rose to 45 three weeks later.", [("killed", "=", 45, 45)]),
    ],
)
def test_figures_in_sentence(sentence: str, expected):
    figs = figures_in_sentence(sentence)
    assert [(f.category, f.comparator, f.low, f.high) for f in figs] == expected


def test_sentence_subset_and_party():
    figs = figures_in_sentence("The attack killed 12 people, including 3 children.")
    assert [(f.low, f.subset) for f in figs] == [(12, False), (3, True)]
    assert figs[1].party == "civilians"


def test_convert_is_idempotent_and_fails_loudly():
    f = convert("over 1,000 killed")
    assert convert(f) is f
    with pytest.raises(FigureError, match="'blah' holds no casualty figure"):
        convert("blah")
    with pytest.raises(FigureError, match="300 yen"):
        convert("300 yen")
    assert isinstance(f, Figure)


def _strip_markup(value: str) -> str:
    """A crude stand-in for a reader: drop refs and templates, <br> -> newline."""
    value = re.sub(r"<ref[^>]*/>", "", value)
    value = re.sub(r"<ref[^>]*>.*?</ref>", "", value, flags=re.S)
    value = re.sub(r"<br\s*/?>", "\n", value)
    value = re.sub(r"\{\{\s*circa\s*\}\}", "c.", value)
    value = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", value)
    value = re.sub(r"</?\w+[^>]*>", "", value)
    return value.replace("'''", "").replace("&nbsp;", " ")


def _corpus_values() -> list[tuple[str, str]]:
    folder = SHARED / "corpus" / "wikitext"
    if not folder.is_dir():
        return []
    out = []
    rx = re.compile(
        r"^\s*\|\s*(casualties\d|deaths|injuries|fatalities)\s*=(.*?)(?=^\s*\||^\}\})", re.M | re.S
    )
    for path in sorted(folder.glob("*.wiki")):
        for m in rx.finditer(path.read_text(encoding="utf-8", errors="replace")):
            value = _strip_markup(m.group(2)).strip()
            if value:
                out.append((m.group(1), value))
    return out


CORPUS_VALUES = _corpus_values()


@pytest.mark.skipif(not CORPUS_VALUES, reason="shared corpus not available")
def test_spans_round_trip_over_corpus_values_and_sentences():
    checked = 0
    for key, value in CORPUS_VALUES:
        default = {"deaths": "killed", "fatalities": "killed", "injuries": "wounded"}.get(
            key, "casualties"
        )
        for f in figures_in_field(value, default):
            assert value[f.start : f.end] == f.text
            assert f.low is None or f.high is None or f.low <= f.high
            checked += 1
        for line in value.splitlines():
            for f in figures_in_sentence(line):
                assert line[f.start : f.end] == f.text
    seed = (SHARED / "seed" / "Gegenmiao_massacre.txt").read_text(encoding="utf-8")
    for sentence in re.split(r"(?<=[.!?])\s+", seed):
        for f in figures_in_sentence(sentence):
            assert sentence[f.start : f.end] == f.text
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        ("{{circa}} 4,000 killed", "casualties", [("killed", "~", None, None, 4000)]),
        (
            "7,000–8,000 dead or wounded",
            "casualties",
            [("casualties", "range", 7000, 8000, None)],
        ),
        ("Unknown", "casualties", [("casualties", None, None, None, None)]),
        (
            "~10,000 killed or wounded<br />2,000 captured",
            "casualties",
            [("casualties", "~", None, None, 10000), ("captured", "=", 2000, 2000, 2000)],
        ),
        (
            "6,000–13,000 killed,<br>20,000–26,000 captured ~ (almost all stragglers)",
            "casualties",
            [
                ("killed", "range", 6000, 13000, None),
                ("captured", "range", 20000, 26000, None),
            ],
        ),
        (
            "Nearly 4,000; estimates are unreliable.",
            "casualties",
            [("casualties", "<", None, 3999, None)],
        ),
        (
            "127,000 noncombat deaths (including some 40,000 civilians)",
            "casualties",
            [("killed", "=", 127000, 127000, 127000), ("killed", "~", None, None, 40000)],
        ),
        ("2,996 (2,977 victims + 19 hijackers)", "killed", None),
        ("6,000+", "wounded", [("wounded", ">=", 6000, None, None)]),
        ("None", "wounded", [("wounded", "=", 0, 0, 0)]),
    ],
)
def test_real_infobox_values(value: str, default: str, expected):
    figs = figures_in_field(_strip_markup(value), default)
    got = [(f.category, f.comparator, f.low, f.high, f.best) for f in figs]
    if expected is None:
        assert got[0] == ("killed", "=", 2996, 2996, 2996)
    else:
        assert got == expected


def test_respectively_figures_are_subsets() -> None:
    figs = figures_in_sentence(
        "It was the deadliest incident for firefighters and police officers, with 343 and 72 killed respectively."
    )
    assert [(f.low, f.subset) for f in figs] == [(343, True), (72, True)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a count the same sentence calls an undercount is a floor, best and high open
        (
            "The UN confirmed the deaths of 1,348 civilians, but warned that the true death"
            " toll was likely thousands higher.",
            (">=", 1348, None, None),
        ),
        (
            "The UN confirmed the deaths of 1,348 civilians, but said the true death toll was"
            ' "likely thousands higher".',
            (">=", 1348, None, None),
        ),
        (
            "About 300 people were killed, and the real number is probably much higher.",
            (">=", 300, None, None),
        ),
        # a comparison with another figure or year is no undercount
        (
            "300 people were killed; the number of wounded was higher than in 2010.",
            ("=", 300, 300, 300),
        ),
        ("300 people were killed in the attack.", ("=", 300, 300, 300)),
    ],
)
def test_undercount_is_a_floor(sentence: str, expected: tuple) -> None:
    (f,) = figures_in_sentence(sentence)
    assert (f.comparator, f.low, f.high, f.best) == expected
