"""Checks: findings about sourcing and consistency. Checks never raise on odd input.

Codes and when they are raised (DESIGN.md, "Findings"):

========================== ==========================================================
``UNSOURCED_SENTENCE``     a body sentence neither carries nor is covered by a reference
``SHORT_CITATION_UNRESOLVED`` a short cite has no full entry (same surname and year)
``ISBN_INVALID``           an ISBN fails its checksum (python-stdnum)
``MARKER_WITHOUT_REFERENCE`` a marker points to no reference
``REFERENCE_UNUSED``       a footnote reference no marker points to
``REFERENCE_USE_MISMATCH`` backlink letters (``^ a b c``) disagree with the markers counted
``CONTRADICTION``          raised by assembly: disjoint figures or dates for one quantity
``INFOBOX_UNSUPPORTED``    an infobox casualty figure with no reference of its own and no
                           sourced body statement that agrees with it
``ACCESSED_BEFORE_PUBLISHED`` a reference's access date precedes its publication date
``VALUE_FROM_WIKIDATA``, ``CITATION_NEEDED``, ``PAGE_TOO_LARGE``, ``PARSE_TIMEOUT``
                           flags the reader found in the markup itself
========================== ==========================================================
"""

from __future__ import annotations

from typing import Any

from eventledger.models import Document, Finding, Statement

SEVERITY = {
    "UNSOURCED_SENTENCE": "warning",
    "SHORT_CITATION_UNRESOLVED": "warning",
    "ISBN_INVALID": "error",
    "MARKER_WITHOUT_REFERENCE": "error",
    "REFERENCE_UNUSED": "info",
    "REFERENCE_USE_MISMATCH": "warning",
    "CONTRADICTION": "warning",
    "INFOBOX_UNSUPPORTED": "warning",
    "ACCESSED_BEFORE_PUBLISHED": "error",
    "VALUE_FROM_WIKIDATA": "warning",
    "CITATION_NEEDED": "warning",
    "PAGE_TOO_LARGE": "error",
    "PARSE_TIMEOUT": "error",
}

_CASUALTY_PROPS = ("deaths", "injuries")


def check(
    doc: Document,
    statements: list[Statement],
    references: list[dict[str, Any]],
    support: dict[str, tuple[str, list[str]]],
) -> list[Finding]:
    """Run every check on an extracted document."""
    out: list[Finding] = []
    for s in doc.body():
        if support.get(s.id, ("unsourced", []))[0] == "unsourced":
            out.append(
                Finding(
                    "UNSOURCED_SENTENCE",
                    SEVERITY["UNSOURCED_SENTENCE"],
                    f"sentence {s.id} has no reference and none follows it in its paragraph",
                    spans=[s.span],
                )
            )
    for marker in doc.markers():
        if marker.ref is None:
            out.append(
                Finding(
                    "MARKER_WITHOUT_REFERENCE",
                    SEVERITY["MARKER_WITHOUT_REFERENCE"],
                    f"marker [{marker.label}] points to no reference",
                    spans=[marker.span],
                )
            )
    for ref in references:
        out.extend(_check_reference(ref))
    out.extend(_infobox_unsupported(statements))
    for flag in doc.flags:
        out.append(
            Finding(
                flag.code,
                SEVERITY.get(flag.code, "warning"),
                flag.message,
                spans=[flag.span] if flag.span else [],
            )
        )
    return out


def _check_reference(ref: dict[str, Any]) -> list[Finding]:
    out = []
    span = [tuple(ref["span"])]
    rid = [ref["id"]]
    label = ref["label"]
    if ref["kind"] == "short" and ref["resolves_to"] is None:
        who = ", ".join(ref["authors"]) or "?"
        out.append(
            Finding(
                "SHORT_CITATION_UNRESOLVED",
                SEVERITY["SHORT_CITATION_UNRESOLVED"],
                f"reference {label}: short citation {who} {ref.get('year') or ''}".rstrip()
                + " has no full entry in the article",
                spans=span,
                refs=rid,
            )
        )
    if ref["isbn"] and ref["isbn_valid"] is False:
        out.append(
            Finding(
                "ISBN_INVALID",
                SEVERITY["ISBN_INVALID"],
                f"reference {label}: ISBN {ref['isbn']} fails its checksum",
                spans=span,
                refs=rid,
            )
        )
    if ref["uses"] == 0 and not ref.get("bibliography"):
        out.append(
            Finding(
                "REFERENCE_UNUSED",
                SEVERITY["REFERENCE_UNUSED"],
                f"reference {label} is never cited in the text",
                spans=span,
                refs=rid,
            )
        )
    if ref.get("backlinks") is not None and ref["uses"] and ref["backlinks"] != ref["uses"]:
        out.append(
            Finding(
                "REFERENCE_USE_MISMATCH",
                SEVERITY["REFERENCE_USE_MISMATCH"],
                f"reference {label}: {ref['backlinks']} backlink(s) but "
                f"{ref['uses']} marker(s) in the text",
                spans=span,
                refs=rid,
            )
        )
    if ref["accessed"] and ref["date"] and _before(ref["accessed"], ref["date"]):
        out.append(
            Finding(
                "ACCESSED_BEFORE_PUBLISHED",
                SEVERITY["ACCESSED_BEFORE_PUBLISHED"],
                f"reference {label}: retrieved {ref['accessed']} before its "
                f"publication date {ref['date']}",
                spans=span,
                refs=rid,
            )
        )
    return out


def _before(a: str, b: str) -> bool:
    """True when ISO date *a* is certainly before *b*, compared at their common precision."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _infobox_unsupported(statements: list[Statement]) -> list[Finding]:
    out = []
    # the sourced body statements, by property, gathered once (not once per infobox figure)
    sourced: dict[str, list[Statement]] = {}
    for b in statements:
        if b.origin == "body" and b.support != "unsourced":
            sourced.setdefault(b.property, []).append(b)
    for st in statements:
        if st.origin != "infobox" or st.property not in _CASUALTY_PROPS or st.refs:
            continue
        if st.low is None and st.high is None and st.best is None:
            continue
        if not any(_agrees(st, b) for b in sourced.get(st.property, ())):
            out.append(
                Finding(
                    "INFOBOX_UNSUPPORTED",
                    SEVERITY["INFOBOX_UNSUPPORTED"],
                    f"infobox {st.property} {st.text!r} has no reference and no sourced "
                    "body statement agrees with it",
                    spans=[st.span],
                    statements=[st.id],
                )
            )
    return out


def _agrees(a: Statement, b: Statement) -> bool:
    lo_a = a.low if a.low is not None else a.best
    hi_a = a.high if a.high is not None else a.best
    lo_b = b.low if b.low is not None else b.best
    hi_b = b.high if b.high is not None else b.best
    lo = max(x for x in (lo_a, lo_b, 0) if x is not None)
    his = [x for x in (hi_a, hi_b) if x is not None]
    return not his or lo <= min(his)
