"""Prepare a record for the event page: each value tied to the text it came from.

Every value shown on the page carries *targets*: the ids of the statements it was assembled
from, the sentences and infobox fields those statements lie in, and the references that support
them. Every piece of evidence on the page (an infobox field, a sentence, a marked run inside a
sentence, a reference, a statement row) carries the *keys* it answers to. Clicking a value
highlights the elements whose keys meet its targets; that is all the page's script does.

Marked runs are cut from the sentence (or field) text at statement span boundaries, so
overlapping statements never nest markup: each run lists every statement covering it. Spans are
offsets into the original input, and a sentence's ``text`` is ``input[span]``, so a statement's
run inside its sentence is ``text[st.start - s.start : st.end - s.start]``. A statement whose span
does not lie inside its sentence is still tied to the whole sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventledger.export._common import reference_lists

#: What each assembly policy means (DESIGN.md, "Policies"), shown beside every figure.
POLICY_TEXT: dict[str, str] = {
    "ranges": (
        "ranges: if the intervals of all statements overlap, the event interval is their "
        "intersection; if not, a CONTRADICTION finding is raised and the interval is their "
        "envelope; best is a point value consistent with the interval, else empty."
    ),
    "conservative": (
        "conservative (ACLED-like): one number, the smallest supported lower bound or point."
    ),
    "strict": "strict (GTD-like): a number only when a statement gives an exact figure.",
}

#: UCDP where_prec codes (DESIGN.md, "Dates and places").
WHERE_PREC = {
    1: "exact location",
    2: "near the location",
    3: "second-order administrative division",
    4: "first-order administrative division",
    5: "larger region",
    6: "country",
    7: "water",
}

#: UCDP date_prec codes.
DATE_PREC = {1: "exact day", 2: "2-6 days", 3: "week", 4: "month", 5: "year"}


def interval_text(q: dict[str, Any] | None) -> str:
    """Render a ``{low, best, high}`` interval for people: ``1001–1800``, ``over 1000``, ``~200``.

    An interval with no end and no best is ``unknown``; null ends are unbounded, never zero.
    """
    if not q:
        return "unknown"
    low, best, high = q.get("low"), q.get("best"), q.get("high")
    if low is None and best is None and high is None:
        return "unknown"
    if low is not None and low == high:
        text = f"{low:,}"
    elif low is not None and high is not None:
        text = f"{low:,}–{high:,}"
    elif low is not None:
        text = f"at least {low:,}"
    elif high is not None:
        text = f"at most {high:,}"
    else:
        text = ""
    if best is not None and not (low is not None and low == high == best):
        text = f"{text} (best {best:,})" if text else f"~{best:,}"
    return text


def _contains(outer: list[int] | None, inner: list[int] | None) -> bool:
    return bool(outer and inner and outer[0] <= inner[0] and inner[1] <= outer[1])


def _overlaps(a: list[int] | None, b: list[int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def segments(text: str, start: int, marks: Iterable[tuple[str, list[int]]]) -> list[dict[str, Any]]:
    """Cut *text* (which starts at input offset *start*) into runs at the marks' boundaries.

    Returns ``[{"text", "keys"}]`` whose texts concatenate back to *text*; ``keys`` lists the
    ids of the marks covering the run (empty for unmarked runs). Marks outside the text are
    ignored.
    """
    inside: list[tuple[str, int, int]] = []
    for key, span in marks:
        a, b = span[0] - start, span[1] - start
        if 0 <= a < b <= len(text):
            inside.append((key, a, b))
    cuts = sorted({0, len(text), *(a for _, a, _ in inside), *(b for _, _, b in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        keys = [k for k, x, y in inside if x <= a and b <= y]
        out.append({"text": text[a:b], "keys": keys})
    return out


class Evidence:
    """Index one record's statements, sentences, fields and references for the event page."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.statements = {s["id"]: s for s in record.get("statements", [])}
        self.sentences = {s["id"]: s for s in record.get("sentences", [])}
        # Footnotes, notes and bibliography works: a short citation resolves to a work of the
        # last; an infobox field's marker may name a note.
        self.footnotes, self.notes, self.bibliography = reference_lists(record)
        self.references = {r["id"]: r for r in self.footnotes + self.notes + self.bibliography}
        self.fields = [
            dict(f, id=f"f{i}") for i, f in enumerate(record.get("infobox", {}).get("fields", []))
        ]
        # Where each statement lies: its sentence, or the infobox field containing its span.
        self.home: dict[str, str] = {}
        for st in self.statements.values():
            if st.get("sentence") in self.sentences:
                self.home[st["id"]] = st["sentence"]
            elif st.get("origin") == "infobox":
                field = next((f for f in self.fields if _contains(f["span"], st["span"])), None)
                if field is None:
                    field = next((f for f in self.fields if f["label"] == st.get("field")), None)
                if field is not None:
                    self.home[st["id"]] = field["id"]

    # ------------------------------------------------------------------ targets

    def targets(self, statement_ids: Iterable[str | None]) -> list[str]:
        """Return the keys a value built from *statement_ids* highlights.

        The statements themselves, the sentences or fields they lie in, and their references.
        """
        keys: list[str] = []
        for sid in statement_ids:
            st = self.statements.get(sid or "")
            if st is None:
                continue
            keys.append(st["id"])
            if st["id"] in self.home:
                keys.append(self.home[st["id"]])
            keys.extend(r for r in st.get("refs") or [] if r in self.references)
        return list(dict.fromkeys(keys))

    def span_targets(self, spans: Iterable[list[int]] | None) -> list[str]:
        """Return the sentences, fields and references that overlap any of *spans*."""
        keys: list[str] = []
        for span in spans or []:
            keys += [s["id"] for s in self.sentences.values() if _overlaps(s["span"], span)]
            keys += [f["id"] for f in self.fields if _overlaps(f["span"], span)]
            keys += [r["id"] for r in self.references.values() if _overlaps(r["span"], span)]
        return list(dict.fromkeys(keys))

    # ------------------------------------------------------------------ page parts

    def values(self) -> list[dict[str, Any]]:
        """Return the event's values in reading order: ``{label, text, targets, policy, note}``."""
        ev = self.record["event"]
        rows: list[dict[str, Any]] = []

        def add(label: str, text: str, ids: Iterable[str | None], **extra: Any) -> None:
            rows.append({"label": label, "text": text, "targets": self.targets(ids), **extra})

        add("kind", ev.get("kind") or "unknown", [])
        for name, sid in zip(ev.get("part_of") or [], self._ids("part_of"), strict=False):
            add("part of", name, [sid])
        d = ev.get("date") or {}
        if d.get("start"):
            text = (
                d["start"] if d.get("end") in (None, d["start"]) else f"{d['start']} – {d['end']}"
            )
            note = f"precision {d.get('precision')}"
            if d.get("date_prec"):
                note += f"; UCDP date_prec {d['date_prec']} ({DATE_PREC.get(d['date_prec'], '?')})"
            add("date", text, d.get("statements", []), note=note)
        else:
            add("date", "unknown", d.get("statements", []))
        loc = ev.get("location") or {}
        if loc.get("text") or loc.get("lat") is not None:
            bits = [loc.get("text") or ""]
            if loc.get("name"):
                bits.append(
                    f"→ {loc['name']}" + (f", {loc['country']}" if loc.get("country") else "")
                )
            if loc.get("lat") is not None and loc.get("lon") is not None:
                bits.append(f"({loc['lat']:.4f}, {loc['lon']:.4f})")
            note = None
            if loc.get("where_prec"):
                wp = loc["where_prec"]
                note = f"where_prec {wp} ({WHERE_PREC.get(wp, '?')})"
                if loc.get("matched"):
                    note += f"; gazetteer matched {loc['matched']!r}"
            add("location", " ".join(b for b in bits if b), loc.get("statements", []), note=note)
        for key in ("deaths", "injuries"):
            q = ev.get(key) or {}
            policy = q.get("policy")
            add(
                key,
                interval_text(q),
                q.get("statements", []),
                policy=policy,
                policy_text=POLICY_TEXT.get(policy or "", policy),
                note=f"low {_n(q.get('low'))}, best {_n(q.get('best'))}, high {_n(q.get('high'))}",
            )
        for key, label in (("perpetrators", "perpetrator"), ("targets", "target")):
            for actor in ev.get(key) or []:
                add(
                    label, actor["name"], [actor.get("statement")], note=f"kind {actor.get('kind')}"
                )
        for at in ev.get("attack_types") or []:
            note = (
                f"ACLED {at.get('acled')}; GTD attacktype {at.get('gtd_attacktype')}; "
                f"UCDP type {at.get('ucdp_type_of_violence')}"
            )
            add("attack type", at["label"], [at.get("statement")], note=note)
        for key in ("motive", "result", "territory", "weapons", "outcome", "cause", "status"):
            if ev.get(key):
                add(key, str(ev[key]), self._ids(key))
        for side in ev.get("sides") or []:
            n = side.get("side")
            for actor in side.get("combatants") or []:
                add(f"side {n} combatant", actor["name"], [actor.get("statement")])
            for actor in side.get("commanders") or []:
                add(f"side {n} commander", actor["name"], [actor.get("statement")])
            for actor in side.get("supporters") or []:
                add(f"side {n} supporter", actor["name"], [actor.get("statement")])
            strength = side.get("strength") or {}
            if strength.get("statements"):
                add(
                    f"side {n} strength",
                    interval_text(strength),
                    strength["statements"],
                    policy=strength.get("policy"),
                    policy_text=POLICY_TEXT.get(strength.get("policy") or "", None),
                )
            for cat, q in (side.get("casualties") or {}).items():
                if q.get("statements"):
                    add(
                        f"side {n} {cat}",
                        interval_text(q),
                        q["statements"],
                        policy=q.get("policy"),
                        policy_text=POLICY_TEXT.get(q.get("policy") or "", None),
                    )
        return rows

    def _ids(self, prop: str) -> list[str]:
        return [s["id"] for s in self.statements.values() if s.get("property") == prop]

    def field_rows(self) -> list[dict[str, Any]]:
        """Return the infobox fields with their keys and marked runs."""
        out = []
        for f in self.fields:
            mine = [
                (sid, self.statements[sid]["span"])
                for sid, home in self.home.items()
                if home == f["id"] and self.statements[sid].get("span")
            ]
            start = f["span"][0] if f.get("span") else 0
            keys = [f["id"], *(sid for sid, _ in mine)]
            out.append(dict(f, keys=keys, runs=segments(f["text"], start, mine)))
        return out

    def sections(self) -> list[dict[str, Any]]:
        """Return the sentences grouped by section then paragraph, with keys and marked runs."""
        by_sentence: dict[str, list[tuple[str, list[int]]]] = {}
        for sid, home in self.home.items():
            span = self.statements[sid].get("span")
            if home in self.sentences and span:
                by_sentence.setdefault(home, []).append((sid, span))
        sections: list[dict[str, Any]] = []
        for s in self.record.get("sentences", []):
            name = s.get("section") or ("Captions" if s.get("origin") == "caption" else "Lead")
            if not sections or sections[-1]["name"] != name:
                sections.append({"name": name, "paragraphs": []})
            paragraphs = sections[-1]["paragraphs"]
            if not paragraphs or paragraphs[-1]["n"] != s.get("paragraph"):
                paragraphs.append({"n": s.get("paragraph"), "sentences": []})
            marks = by_sentence.get(s["id"], [])
            keys = [s["id"], *(sid for sid, _ in marks)]
            paragraphs[-1]["sentences"].append(
                dict(s, keys=keys, runs=segments(s["text"], s["span"][0], marks))
            )
        return sections

    def statement_rows(self) -> list[dict[str, Any]]:
        """Return the statements, each with its interval text and the keys it highlights."""
        return [
            dict(st, interval=interval_text(st), targets=self.targets([st["id"]]))
            for st in self.statements.values()
        ]

    def finding_rows(self) -> list[dict[str, Any]]:
        """Return the findings, each with what it points at (statements, text, references)."""
        out = []
        for i, f in enumerate(self.record.get("findings", [])):
            targets = self.targets(f.get("statements") or [])
            targets += self.span_targets(f.get("spans"))
            targets += [r for r in f.get("refs") or [] if r in self.references]
            labels = [
                self.references[r]["label"] for r in f.get("refs") or [] if r in self.references
            ]
            out.append(dict(f, n=i, targets=list(dict.fromkeys(targets)), ref_labels=labels))
        return out


def _n(x: Any) -> str:
    return "—" if x is None else f"{x:,}" if isinstance(x, int) else str(x)


def safe_url(url: Any) -> str | None:
    """Return *url* when it is an http(s) URL a page may link to, else None.

    Article text is untrusted: a ``javascript:`` or ``data:`` URL must never become a link.
    """
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
