"""Shapes found in session 19 (probe wave 57 onwards). Each test fails on the session's
starting code or guards a counter-example of a rule."""

from __future__ import annotations

from .test_probe15_shapes import _battle, _codes, _q, _record, _side_killed
from .test_probe17_shapes import _attack

# ------------------------------------------------ "up to N (other estimates)" is a rival line


def test_a_ceiling_of_other_estimates_is_a_rival_line_not_a_bound():
    rec = _record(_battle("112 killed<br />up to 600 killed (other estimates)"))
    assert _side_killed(rec, 2) == (112, 112, 600)
    rec = _record(_attack("163 (official)<br />up to 200 (other estimates)", "It happened."))
    assert _q(rec["event"]) == (163, 163, 200)


def test_a_ceiling_that_names_no_source_or_sits_in_another_place_still_bounds():
    # a plain "up to" of the same field names no other source: it bounds the count
    rec = _record(_battle("100 killed<br />up to 600 killed"))
    assert _side_killed(rec, 2)[2] == 100
    # a sentence's "up to 600, according to other estimates" is no line of the field
    rec = _record(
        _attack(
            "163",
            "Other estimates put the toll at up to 200 people killed.",
        )
    )
    assert _q(rec["event"])[2] == 163


# ------------------------------------------ a figure the sentence follows with more dead


def test_a_figure_followed_by_more_dead_it_does_not_count_is_a_stage():
    lead = (
        "The militants killed two members of the team, and took nine others hostage, who were "
        "later killed during a failed rescue attempt."
    )
    rec = _record(_attack("12", lead))
    assert _q(rec["event"]) == (12, 12, 12)
    assert "CONTRADICTION" not in _codes(rec)


def test_a_smaller_figure_without_later_dead_is_still_a_rival():
    rec = _record(_attack("12", "The militants killed two members of the team."))
    assert _q(rec["event"]) == (2, None, 12)
    # more dead told in another sentence do not make this one's figure a stage
    rec = _record(
        _attack(
            "12",
            "The militants killed two members of the team. Nine hostages were later killed.",
        )
    )
    assert _q(rec["event"])[0] == 2
