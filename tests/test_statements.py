"""Statement extraction rules that no reader decides: lead fallbacks, support, contingents."""

from __future__ import annotations

from eventledger.pipeline import parse_text

NO_BOX = ("Market riot\n\n"
          "The Market riot broke out on 3 May 1871 in the old market quarter of Marseille, where a "
          "crowd of dockers attacked the grain stores and soldiers killed 14 rioters.[1] The army "
          "restored order two days later.\n\n"
          "Aftermath\n\n"
          "In a later riot in 1880 at Toulon, soldiers killed 40 people in the harbour district.[1]\n\n"
          "  1. ^ Dupont 1990, p. 4.\n")


def test_page_without_infobox_takes_date_place_and_figure_from_the_lead() -> None:
    (rec,) = parse_text(NO_BOX, name="riot.txt")
    ev = rec["event"]
    assert ev["date"]["start"] == "1871-05-03"
    assert (ev["location"]["name"], ev["location"]["country"]) == ("Marseille", "FR")
    loc = [s for s in rec["statements"] if s["property"] == "location"]
    assert loc[0]["origin"] == "body" and loc[0]["text"] == "Marseille"
    # the Aftermath's 40 is about another riot: a statement, but not the event's figure
    deaths = [s for s in rec["statements"] if s["property"] == "deaths"]
    assert sorted(s["low"] for s in deaths) == [14, 40]
    assert (ev["deaths"]["low"], ev["deaths"]["high"]) == (14, 14)
    assert not [f for f in rec["findings"] if f["code"] == "CONTRADICTION"]


def test_support_direct_covered_unsourced() -> None:
    (rec,) = parse_text(NO_BOX, name="riot.txt")
    support = [(s["support"], s["section"]) for s in rec["sentences"] if s["origin"] == "body"]
    assert support == [("direct", None), ("unsourced", None), ("direct", "Aftermath")]
    unsourced = [f for f in rec["findings"] if f["code"] == "UNSOURCED_SENTENCE"]
    assert len(unsourced) == 1
