"""The pipeline: read → document → statements → event (policy) → checks → record.

This module is the one place the steps meet. Readers know nothing of statements; extractors
know nothing of formats. :func:`document_records` is the per-page function that the CLI, the
dump runner and Spark all call.
"""

from __future__ import annotations

import os
from typing import Any

from eventledger._gc import gc_paused
from eventledger.check.findings import check
from eventledger.errors import InvariantError
from eventledger.extract.assemble import POLICIES, UnknownPolicy, assemble, record_id
from eventledger.extract.notes import is_note
from eventledger.extract.prose_sides import tie_side_figures
from eventledger.extract.references import extract_references
from eventledger.extract.statements import extract_statements, sentence_support, statement_dict
from eventledger.models import Document, Finding
from eventledger.read import read_path, read_text

SCHEMA = "eventledger/record@1"

__all__ = ["SCHEMA", "POLICIES", "document_records", "parse_text", "parse_path", "UnknownPolicy"]


@gc_paused
def document_records(doc: Document, policy: str = "ranges") -> list[dict[str, Any]]:
    """Turn a document into its event record(s) in the ``eventledger/record@1`` shape.

    A document yields one record. Every span in it is checked to round-trip; a span that does
    not is a bug in eventledger and raises :class:`InvariantError`.
    """
    if policy not in POLICIES:
        raise UnknownPolicy(f"unknown policy {policy!r} (expected one of {', '.join(POLICIES)})")
    support = sentence_support(doc)
    statements = tie_side_figures(doc, extract_statements(doc, support))
    entries = extract_references(doc)
    event, contradictions = assemble(doc, statements, policy)
    findings = check(doc, statements, entries, support) + contradictions
    references, notes, bibliography = split_references(entries)
    box = doc.infobox
    record: dict[str, Any] = {
        "schema": SCHEMA,
        "id": record_id(doc),
        "title": doc.title,
        "title_span": list(doc.title_span) if doc.title_span else None,
        "source": {
            "format": doc.source.format,
            "name": doc.source.name,
            "revision": doc.source.revision,
            "language": doc.source.language,
            "sha256": doc.source.sha256,
            "page_id": doc.source.page_id,
            "timestamp": doc.source.timestamp,
        },
        "infobox": {
            "template": box.template if box else None,
            "span": list(box.span) if box else None,
            "fields": [
                {
                    "label": f.label,
                    "key": f.key,
                    "side": f.side,
                    "text": f.text,
                    "span": list(f.span),
                    "value": f.plain.text,
                    "refs": f.refs,
                }
                for f in (box.fields if box else [])
            ],
        },
        "event": event,
        "statements": [statement_dict(st) for st in statements],
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "span": list(s.span),
                "origin": s.origin,
                "section": s.section,
                "paragraph": s.paragraph,
                "refs": support.get(s.id, ("unsourced", []))[1],
                "markers": [m.ref for m in s.markers],
                "support": support.get(s.id, ("unsourced", []))[0],
            }
            for s in doc.sentences
        ],
        "references": references,
        "notes": notes,
        "bibliography": bibliography,
        "findings": [_finding_dict(f) for f in findings],
        "categories": doc.categories,
        "counts": _counts(references, notes, bibliography, statements, doc, findings),
    }
    verify_spans(doc.input, record)
    return [record]


def split_references(
    entries: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Split the extracted entries into ``(references, notes, bibliography)``, each in page
    order.

    The page's citations (its footnotes that cite: full references and short citations, each
    once) are what readers count as "the references of an article"; explanatory notes
    (:func:`~eventledger.extract.notes.is_note`: grouped footnotes that are no citation) and the
    works of a Bibliography / Sources list are listed apart. The ``bibliography`` flag is dropped
    from all three: the list an entry is in says it. Ids stay as the reader gave them, unique
    across the lists, so a short citation's ``resolves_to`` still names the work it resolves to.
    """
    references: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    bibliography: list[dict[str, Any]] = []
    for entry in entries:
        flagged = entry.pop("bibliography", False)
        if flagged:
            bibliography.append(entry)
        elif is_note(entry["text"], entry.get("group")):
            notes.append(entry)
        else:
            references.append(entry)
    return references, notes, bibliography


def _counts(
    references: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    bibliography: list[dict[str, Any]],
    statements: list[Any],
    doc: Document,
    findings: list[Finding],
) -> dict[str, int]:
    """How many of each: ``footnotes`` are the page's citations (full references and short
    citations, each once), ``notes`` its explanatory notes, ``bibliography`` the works listed
    apart."""
    return {
        "footnotes": len(references),
        "short_citations": sum(1 for r in references + bibliography if r["kind"] == "short"),
        "notes": len(notes),
        "bibliography": len(bibliography),
        "sentences": len(doc.body()),
        "statements": len(statements),
        "findings": len(findings),
    }


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "spans": [list(s) for s in f.spans],
        "refs": list(f.refs),
        "statements": list(f.statements),
    }


def verify_spans(text: str, record: dict[str, Any]) -> None:
    """Check that every span of the record round-trips into *text*.

    :raises InvariantError: naming the first object whose span does not.
    """

    def chk(kind: str, obj: dict[str, Any]) -> None:
        a, b = obj["span"]
        if text[a:b] != obj["text"]:
            raise InvariantError(
                f"{record['title']}: {kind} {obj.get('id', '')} span [{a}, {b}) does not round-trip"
            )

    for f in record["infobox"]["fields"]:
        chk("field", f)
    for kind, name in (
        ("statements", "statement"),
        ("sentences", "sentence"),
        ("references", "reference"),
        ("notes", "note"),
        ("bibliography", "bibliography work"),
    ):
        for obj in record.get(kind) or []:
            chk(name, obj)


def parse_text(
    text: str,
    *,
    name: str = "-",
    format: str | None = None,
    title: str | None = None,
    revision: str | None = None,
    page_id: str | None = None,
    timestamp: str | None = None,
    language: str | None = None,
    policy: str = "ranges",
) -> list[dict[str, Any]]:
    """Read *text* and return its records. See :func:`eventledger.read.read_text` for errors."""
    source = {
        k: v
        for k, v in {
            "title": title,
            "revision": revision,
            "page_id": page_id,
            "timestamp": timestamp,
            "language": language,
        }.items()
        if v
    }
    doc = read_text(text, name, format=format, **source)
    return document_records(doc, policy)


def parse_path(
    path: str | os.PathLike[str], *, format: str | None = None, policy: str = "ranges"
) -> list[dict[str, Any]]:
    """Read the article file at *path* and return its records."""
    return document_records(read_path(path, format=format), policy)
