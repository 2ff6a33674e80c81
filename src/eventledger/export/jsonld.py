"""JSON-LD: each event as a schema.org ``Event``, in one ``@graph`` with an inline ``@context``.

The context is inlined (``@vocab`` schema.org plus two Wikidata terms) so that no processor has
to fetch a remote context: nothing here, or in a consumer that expands it, needs the network.

Mapping and the reasons for each property (schema.org 2024 vocabulary):

* ``name`` title; ``identifier`` record id; ``additionalType`` the Wikidata class (massacre,
  terrorist attack, battle, war, occurrence) as an IRI; ``startDate``/``endDate`` the ISO
  dates written to their precision (``1945-08``, ``-0031``).
* ``location``: a ``Place`` with ``name``, ``geo`` ``GeoCoordinates`` (latitude, longitude)
  and ``address`` ``PostalAddress`` ``addressCountry`` (ISO 3166-1 alpha-2).
* perpetrators (attacks) and combatants (battles, wars) are ``organizer``: schema.org has no
  perpetrator or belligerent property; ``organizer`` is the one property of ``Event`` whose
  meaning ("an organizer of an Event") and range (``Organization``/``Person``) fit those who
  carried it out. ``agent`` belongs to ``Action``, not ``Event``; ``performer``/``attendee``
  describe shows and audiences. Actors are ``Organization`` (``Person`` for kind ``person``).
  Targets have no fitting property and are left out.
* references are ``subjectOf`` (``CreativeWork``, or ``Book`` when an ISBN is known, with
  ``author``, ``datePublished``, ``publisher``, ``isbn``, ``url``, ``isPartOf`` the work):
  schema.org's ``citation`` has domain ``CreativeWork`` and an ``Event`` is not one, while
  ``subjectOf`` ("a CreativeWork about this Thing") is defined on every Thing.
* ``part_of`` conflicts are ``superEvent`` (an ``Event`` with a ``name``).
* deaths and injuries: schema.org has no property for them, so the context maps
  ``numberOfDeaths`` to Wikidata's ``P1120`` (number of deaths) and ``numberOfInjured`` to
  ``P1339`` (number of injured), each a ``QuantitativeValue`` with ``value`` (best),
  ``minValue``/``maxValue`` (the interval; an unbounded end is omitted).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventledger.export._common import (
    ExportSummary,
    as_int,
    event_of,
    has_coordinates,
    reference_lists,
    sub,
)

SCHEMA = "https://schema.org/"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"

#: The inline context: schema.org as the vocabulary, two Wikidata properties, IRIs for types.
CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA,
    "wd": WD,
    "wdt": WDT,
    "additionalType": {"@id": "additionalType", "@type": "@id"},
    "sameAs": {"@id": "sameAs", "@type": "@id"},
    "numberOfDeaths": {"@id": "wdt:P1120"},
    "numberOfInjured": {"@id": "wdt:P1339"},
}

#: Wikidata classes (verified QIDs): massacre, terrorist attack, battle, war, occurrence.
Q_MASSACRE, Q_TERRORIST_ATTACK, Q_BATTLE, Q_WAR, Q_EVENT = (
    "Q3199915", "Q2223653", "Q178561", "Q198", "Q1190554",
)  # fmt: skip

_MASSACRE_WORDS = ("massacre", "genocide", "mass murder", "mass killing")
_TERROR_WORDS = ("terror", "bombing", "suicide attack", "car bomb", "hijacking")


def event_class(record: dict) -> str:
    """Return the Wikidata class QID of an event, from its kind and attack types.

    attack: massacre when an attack type says massacre/genocide/mass murder, terrorist
    attack when an attack type (or the infobox template) says terror/bombing/hijacking, else
    occurrence; battle: battle; war: war; anything else: occurrence.
    """
    ev = event_of(record)
    kind = ev.get("kind")
    if kind == "battle":
        return Q_BATTLE
    if kind == "war":
        return Q_WAR
    if kind == "attack":
        labels = " ".join(str((a or {}).get("label") or "") for a in ev.get("attack_types") or [])
        labels = labels.lower()
        template = str(sub(record, "infobox").get("template") or "").lower()
        if any(w in labels for w in _MASSACRE_WORDS):
            return Q_MASSACRE
        if any(w in labels for w in _TERROR_WORDS) or "terror" in template:
            return Q_TERRORIST_ATTACK
    return Q_EVENT


def _quantity(q: dict) -> dict[str, Any] | None:
    out: dict[str, Any] = {"@type": "QuantitativeValue"}
    for src, dst in (("best", "value"), ("low", "minValue"), ("high", "maxValue")):
        v = as_int(q.get(src))
        if v is not None:
            out[dst] = v
    return out if len(out) > 1 else None


def _actor(a: dict) -> dict[str, Any]:
    return {"@type": "Person" if a.get("kind") == "person" else "Organization", "name": a["name"]}


def _work(ref: dict) -> dict[str, Any] | None:
    node: dict[str, Any] = {"@type": "Book" if ref.get("isbn") else "CreativeWork"}
    if ref.get("title"):
        node["name"] = ref["title"]
    authors = ref.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if authors:
        node["author"] = [{"@type": "Person", "name": str(a)} for a in authors if a]
    for src, dst in (("date", "datePublished"), ("isbn", "isbn"), ("url", "url")):
        if ref.get(src):
            node[dst] = ref[src]
    if ref.get("publisher"):
        node["publisher"] = {"@type": "Organization", "name": ref["publisher"]}
    if ref.get("work"):
        node["isPartOf"] = {"@type": "CreativeWork", "name": ref["work"]}
    if ref.get("doi"):
        node["sameAs"] = f"https://doi.org/{ref['doi']}"
    if len(node) == 1:
        if not ref.get("text"):
            return None
        node["text"] = ref["text"]
    return node


def event_node(record: dict) -> dict[str, Any]:
    """Return the schema.org ``Event`` node of one record (without ``@context``)."""
    ev = event_of(record)
    node: dict[str, Any] = {
        "@type": "Event",
        "identifier": record.get("id"),
        "name": record.get("title"),
        "additionalType": "wd:" + event_class(record),
    }
    date = sub(ev, "date")
    if date.get("start"):
        node["startDate"] = date["start"]
    if date.get("end"):
        node["endDate"] = date["end"]
    loc = sub(ev, "location")
    place: dict[str, Any] = {"@type": "Place"}
    if loc.get("name") or loc.get("text"):
        place["name"] = loc.get("name") or loc.get("text")
    if has_coordinates(record):
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(loc["lat"]),
            "longitude": float(loc["lon"]),
        }
    if loc.get("country"):
        place["address"] = {"@type": "PostalAddress", "addressCountry": loc["country"]}
    if len(place) > 1:
        node["location"] = place
    actors = [a for a in ev.get("perpetrators") or [] if a and a.get("name")]
    if ev.get("kind") in ("battle", "war"):
        for side in ev.get("sides") or []:
            actors += [a for a in side.get("combatants") or [] if a and a.get("name")]
    if actors:
        node["organizer"] = [_actor(a) for a in actors]
    # the actors listed under "Supported by:" aided a party: schema.org's sponsor
    backers = [a for a in ev.get("supporters") or [] if a and a.get("name")]
    for side in ev.get("sides") or []:
        backers += [a for a in side.get("supporters") or [] if a and a.get("name")]
    if backers:
        node["sponsor"] = [_actor(a) for a in backers]
    if ev.get("part_of"):
        node["superEvent"] = [{"@type": "Event", "name": p} for p in ev["part_of"] if p]
    for member, term in (("deaths", "numberOfDeaths"), ("injuries", "numberOfInjured")):
        q = _quantity(sub(ev, member))
        if q:
            node[term] = q
    # Notes explain, they are no works: only the footnotes and bibliography works are listed.
    footnotes, _notes, bibliography = reference_lists(record)
    works = [w for w in (_work(r) for r in footnotes + bibliography) if w]
    if works:
        node["subjectOf"] = works
    return node


class JsonLdExporter:
    """Write ``{"@context": …, "@graph": [Event, …]}`` with the context inlined."""

    name = "jsonld"
    extension = ".jsonld"
    media_type = "application/ld+json"
    directory = False

    def write(self, records: Iterable[dict], out: BinaryIO, summary: ExportSummary) -> None:
        out.write(b'{"@context":' + _dumps(CONTEXT) + b',\n"@graph":[')
        for n, record in enumerate(records):
            if n:
                out.write(b",\n")
            out.write(_dumps(event_node(record)))
            summary.written += 1
        out.write(b"]}\n")


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


EXPORTER = JsonLdExporter()
