"""The SQLite ledger: stores event records, finds them again, searches them.

A ledger is one SQLite file in WAL mode (see :mod:`eventledger.store.schema` for its tables).
Each record (a dict in the ``eventledger/record@1`` shape) is stored twice over: verbatim, as its
canonical JSON in ``events.record`` (so :meth:`Ledger.get` returns exactly what was ingested),
and broken out into one row per statement, sentence, reference, finding, infobox field, actor
and attack type, so the file can be queried with SQL, Datasette or sqlite-utils.

Ingest is idempotent and keyed by the page: ``(source.name, title)`` names a document, and
``source.revision`` (or ``source.sha256`` when the input has no revision) names its version.
Re-ingesting the same records changes no row at all; a new revision (or a re-extraction that
gives different records) replaces every row of the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventledger.errors import LedgerError, NotFound
from eventledger.store import schema

#: The record shape this ledger stores.
RECORD_SCHEMA = "eventledger/record@1"

#: Environment variable naming the default ledger file.
ENV_DB = "EVENTLEDGER_DB"

#: Tables holding one row per part of an event, each with an ``event`` column.
CHILD_TABLES = (
    "statements",
    "sentences",
    "refs",
    "findings",
    "fields",
    "actors",
    "attack_types",
    "citations",
)

_CHUNK = 500  # ids per "IN (...)" query, well under SQLite's parameter limit


def default_db_path() -> str:
    """Return the ledger path to use when none is given: ``$EVENTLEDGER_DB`` or ``ledger.sqlite``."""
    return os.environ.get(ENV_DB) or "ledger.sqlite"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """How many documents one :meth:`Ledger.ingest` call added, replaced and left as they were.

    Counts are per document ``(source.name, title)``, not per record.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged}


# --------------------------------------------------------------------------- helpers


def canonical_json(record: Any) -> str:
    """Return the canonical JSON text a record is stored as (key order kept, UTF-8 text)."""
    return json.dumps(record, sort_keys=False, ensure_ascii=False)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list | tuple) else []


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # == json.dumps(v, ensure_ascii=False)
_encode_str = json.encoder.encode_basestring  # the C encoder json.dumps uses for str
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _scalar(value: Any) -> Any:
    """Return *value* as SQLite can store it: scalars as they are, lists and dicts as JSON."""
    return value if type(value) in _SCALARS else _dumps(value)


def _json(value: Any) -> str | None:
    """Return *value* as JSON text (NULL for None), for list-valued columns.

    Lists of strings (reference ids, the common case) take a fast path that gives the same
    text as :func:`json.dumps`.
    """
    if value is None:
        return None
    if type(value) is list and all(type(v) is str for v in value):
        return "[" + ", ".join(map(_encode_str, value)) + "]"
    return _dumps(value)


def _span(value: Any) -> tuple[int | None, int | None]:
    """Return ``(start, end)`` of a span given as ``[start, end]`` or ``{"start", "end"}``."""
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = value
    elif isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
    else:
        return (None, None)
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return (None, None)


_ISO_DATE = re.compile(r"^\s*(-?)(\d{1,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_key(value: Any, *, end: bool = False) -> int | None:
    """Return a sortable integer for an ISO date written to its precision.

    The key is ``year * 10000 + month * 100 + day``; a missing month or day is the first of the
    period (or, with *end*, the last: ``1945`` ends at 19451231). BC years are negative as in
    the record (``-0031`` is 31 BC), and the key orders them correctly, which string comparison
    of ISO dates does not. An int is taken as a year. Returns None for anything else.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        year, month, day = value, None, None
    elif isinstance(value, str):
        m = _ISO_DATE.match(value)
        if not m:
            return None
        year = int(m.group(2)) * (-1 if m.group(1) else 1)
        month = int(m.group(3)) if m.group(3) else None
        day = int(m.group(4)) if m.group(4) else None
    else:
        return None
    if month is None:
        month = 12 if end else 1
    if day is None:
        day = 31 if end else 1
    return year * 10000 + month * 100 + day


def fts_query(text: str) -> str | None:
    """Turn free user input into a safe FTS5 query: every word a quoted phrase, all required.

    FTS5 operators in the input (``AND``, ``NEAR(``, ``"``, ``:``, ``^``) are taken as plain
    words, so no input raises an FTS syntax error. A word ending in ``*`` stays a prefix search
    (``massacre*``). Words with no letter or digit are dropped; returns None when nothing is left.
    """
    terms = []
    for word in text.replace("\x00", " ").split():
        prefix = word.endswith("*")
        core = word.rstrip("*")
        if not any(ch.isalnum() for ch in core):
            continue
        terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class _Group:
    """The records of one document in one ingest call."""

    source: dict[str, Any]
    title: str
    records: list[tuple[dict[str, Any], str]]  # (record, canonical JSON)

    @property
    def revision_key(self) -> str | None:
        rev = self.source.get("revision") or self.source.get("sha256")
        return None if rev is None else str(rev)

    @property
    def record_hash(self) -> str:
        joined = "\n".join(text for _, text in self.records)
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def _validate(records: Iterable[Any]) -> list[tuple[dict[str, Any], str]]:
    """Check every record has the keys the ledger is keyed on, before anything is written.

    :raises LedgerError: naming the first record that is not an ``eventledger/record@1`` dict.
    """
    out = []
    for n, record in enumerate(records):
        if not isinstance(record, dict):
            raise LedgerError(f"record #{n} is a {type(record).__name__}, not a record dict")
        if record.get("schema", RECORD_SCHEMA) != RECORD_SCHEMA:
            raise LedgerError(
                f"record #{n} has schema {record.get('schema')!r}, not {RECORD_SCHEMA}"
            )
        source = record.get("source")
        for key, value in (
            ("id", record.get("id")),
            ("title", record.get("title")),
            ("source.name", _dict(source).get("name")),
        ):
            if not isinstance(value, str) or not value:
                raise LedgerError(f"record #{n} has no {key}")
        try:
            text = canonical_json(record)
        except (TypeError, ValueError) as exc:
            raise LedgerError(
                f"record #{n} ({record['id']}) is not JSON-serialisable: {exc}"
            ) from exc
        out.append((record, text))
    return out


def _group(prepared: list[tuple[dict[str, Any], str]]) -> list[_Group]:
    """Group records by document ``(source.name, title)``; a repeated record id: the last wins."""
    groups: dict[tuple[str, str], _Group] = {}
    owner: dict[str, tuple[str, str]] = {}
    for record, text in prepared:
        source = record["source"]
        key = (source["name"], record["title"])
        previous = owner.get(record["id"])
        if previous is not None:
            old = groups[previous]
            old.records = [(r, t) for r, t in old.records if r["id"] != record["id"]]
        owner[record["id"]] = key
        group = groups.setdefault(key, _Group(source, record["title"], []))
        group.source = source
        group.records.append((record, text))
    return [g for g in groups.values() if g.records]


class _Rows:
    """The rows one batch inserts, table by table, ready for ``executemany``."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.children: dict[str, list[tuple[Any, ...]]] = {t: [] for t in CHILD_TABLES}

    def add(self, document: int, record: dict[str, Any], text: str) -> None:
        eid = record["id"]
        ev = _dict(record.get("event"))
        date = _dict(ev.get("date"))
        loc = _dict(ev.get("location"))
        deaths = _dict(ev.get("deaths"))
        injuries = _dict(ev.get("injuries"))
        findings = _list(record.get("findings"))
        start_key = date_key(date.get("start"))
        end_key = date_key(date.get("end") or date.get("start"), end=True)
        self.events.append(
            (
                eid,
                document,
                record["title"],
                _scalar(ev.get("kind")),
                _json(ev.get("part_of")),
                _scalar(date.get("start")),
                _scalar(date.get("end")),
                _scalar(date.get("precision")),
                _scalar(date.get("date_prec")),
                start_key,
                end_key,
                _scalar(loc.get("text")),
                _scalar(loc.get("name")),
                _scalar(loc.get("country")),
                _scalar(loc.get("lat")),
                _scalar(loc.get("lon")),
                _scalar(loc.get("where_prec")),
                _scalar(deaths.get("low")),
                _scalar(deaths.get("best")),
                _scalar(deaths.get("high")),
                _scalar(injuries.get("low")),
                _scalar(injuries.get("best")),
                _scalar(injuries.get("high")),
                _scalar(deaths.get("policy") or injuries.get("policy")),
                len(findings),
                text,
            )
        )
        ch = self.children
        cite = ch["citations"]
        for i, st in enumerate(map(_dict, _list(record.get("statements")))):
            s, e = _span(st.get("span"))
            refs = _list(st.get("refs"))
            ch["statements"].append(
                (
                    eid,
                    _scalar(st.get("id")),
                    i,
                    _scalar(st.get("property")),
                    _scalar(st.get("text")),
                    _scalar(st.get("category")),
                    _scalar(st.get("party")),
                    _scalar(st.get("comparator")),
                    _scalar(st.get("low")),
                    _scalar(st.get("best")),
                    _scalar(st.get("high")),
                    _json(st.get("value")),
                    _scalar(st.get("origin")),
                    s,
                    e,
                    _json(st.get("refs")),
                    _scalar(st.get("support")),
                )
            )
            cite.extend(
                (eid, "statement", _scalar(st.get("id")), _scalar(r)) for r in refs if r is not None
            )
        for i, se in enumerate(map(_dict, _list(record.get("sentences")))):
            s, e = _span(se.get("span"))
            ch["sentences"].append(
                (
                    eid,
                    _scalar(se.get("id")),
                    i,
                    _scalar(se.get("text")),
                    s,
                    e,
                    _json(se.get("refs")),
                    _scalar(se.get("support")),
                    _scalar(se.get("section")),
                )
            )
            cite.extend(
                (eid, "sentence", _scalar(se.get("id")), _scalar(r))
                for r in _list(se.get("refs"))
                if r is not None
            )
        for i, rf in enumerate(map(_dict, _list(record.get("references")))):
            s, e = _span(rf.get("span"))
            ch["refs"].append(
                (eid, _scalar(rf.get("id")), i, _scalar(rf.get("label")), _scalar(rf.get("kind")))
                + (_scalar(rf.get("text")), s, e)
                + tuple(
                    _scalar(rf.get(k))
                    for k in (
                        "uses",
                        "authors",
                        "title",
                        "work",
                        "publisher",
                        "date",
                        "accessed",
                        "pages",
                        "isbn",
                        "isbn_valid",
                        "doi",
                        "url",
                        "resolves_to",
                    )
                )
            )
        for i, fd in enumerate(map(_dict, findings)):
            spans = _list(fd.get("spans"))
            s, e = _span(spans[0]) if spans else (None, None)
            ch["findings"].append(
                (
                    eid,
                    i,
                    str(fd.get("code")),
                    _scalar(fd.get("severity")),
                    _scalar(fd.get("message")),
                    s,
                    e,
                    _json(fd.get("spans")),
                    _json(fd.get("refs")),
                    _json(fd.get("statements")),
                )
            )
            cite.extend(
                (eid, "finding", str(i), _scalar(r)) for r in _list(fd.get("refs")) if r is not None
            )
        infobox = _dict(record.get("infobox"))
        template = _scalar(infobox.get("template"))
        for i, fl in enumerate(map(_dict, _list(infobox.get("fields")))):
            s, e = _span(fl.get("span"))
            ch["fields"].append(
                (
                    eid,
                    i,
                    template,
                    _scalar(fl.get("label")),
                    _scalar(fl.get("key")),
                    _scalar(fl.get("text")),
                    s,
                    e,
                    _json(fl.get("refs")),
                )
            )
            cite.extend(
                (eid, "field", str(i), _scalar(r)) for r in _list(fl.get("refs")) if r is not None
            )
        actors = ch["actors"]
        for role, side, actor in _actors(ev):
            actors.append(
                (
                    eid,
                    len(actors),
                    role,
                    side,
                    _scalar(actor.get("name")),
                    _scalar(actor.get("link")),
                    _scalar(actor.get("kind")),
                )
            )
        for i, at in enumerate(_list(ev.get("attack_types"))):
            at = at if isinstance(at, dict) else {"label": at}
            ch["attack_types"].append(
                (eid, i)
                + tuple(
                    _scalar(at.get(k))
                    for k in ("label", "acled", "gtd_attacktype", "ucdp_type_of_violence")
                )
            )


def _actors(ev: dict[str, Any]) -> Iterator[tuple[str, int | None, dict[str, Any]]]:
    """Yield ``(role, side, actor)`` for perpetrators, targets and each side's people."""

    def as_actor(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {"name": value}

    for role, key in (("perpetrator", "perpetrators"), ("target", "targets")):
        for actor in _list(ev.get(key)):
            yield role, None, as_actor(actor)
    for n, side in enumerate(map(_dict, _list(ev.get("sides")))):
        for role, key in (("combatant", "combatants"), ("commander", "commanders")):
            for actor in _list(side.get(key)):
                yield role, n, as_actor(actor)


_INSERT = {
    "events": "INSERT INTO events (id, document, title, kind, part_of, date_start, date_end, "
    "precision, date_prec, date_start_key, date_end_key, location_text, location_name, country, "
    "lat, lon, where_prec, deaths_low, deaths_best, deaths_high, injuries_low, injuries_best, "
    "injuries_high, policy, n_findings, record) VALUES (" + ", ".join(["?"] * 26) + ")",
    "statements": "INSERT INTO statements (event, id, position, property, text, category, party, "
    "comparator, low, best, high, value, origin, span_start, span_end, refs, support) "
    "VALUES (" + ", ".join(["?"] * 17) + ")",
    "sentences": "INSERT INTO sentences (event, id, position, text, span_start, span_end, refs, "
    "support, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "refs": "INSERT INTO refs (event, id, position, label, kind, text, span_start, span_end, uses, "
    "authors, title, work, publisher, date, accessed, pages, isbn, isbn_valid, doi, url, "
    "resolves_to) VALUES (" + ", ".join(["?"] * 21) + ")",
    "findings": "INSERT INTO findings (event, position, code, severity, message, span_start, "
    "span_end, spans, refs, statements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fields": "INSERT INTO fields (event, position, template, label, key, text, span_start, "
    "span_end, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "actors": "INSERT INTO actors (event, position, role, side, name, link, kind) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "attack_types": "INSERT INTO attack_types (event, position, label, acled, gtd_attacktype, "
    "ucdp_type_of_violence) VALUES (?, ?, ?, ?, ?, ?)",
    "citations": "INSERT INTO citations (event, item, item_id, ref) VALUES (?, ?, ?, ?)",
}

_DOC_COLUMNS = (
    "format",
    "revision",
    "sha256",
    "language",
    "page_id",
    "timestamp",
)

_SUMMARY = (
    "SELECT e.id, e.title, e.kind, e.date_start, e.date_end, e.country, e.deaths_low, "
    "e.deaths_best, e.deaths_high, e.n_findings, d.source_name AS source "
    "FROM events e JOIN documents d ON d.id = e.document"
)


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


# --------------------------------------------------------------------------- the ledger


class Ledger:
    """An event ledger in one SQLite file.

    Opening a file creates it if needed, switches it to WAL mode and applies the schema's
    migrations; ``readonly=True`` opens it with a ``mode=ro`` URI instead and never writes.
    A readonly connection may be shared between threads (the web server does); a writable one
    belongs to the thread that opened it, and one process should write at a time.

    Example::

        with Ledger("ledger.sqlite") as ledger:
            ledger.ingest(records)
            ledger.get("Gegenmiao massacre")["event"]["deaths"]

    :param path: the ledger file (``":memory:"`` for a throwaway in-memory ledger).
    :param readonly: open for reading only.
    :raises LedgerError: if the file is not SQLite, has a newer or unknown schema, cannot be
        migrated, or (read-only) does not exist or has not been migrated yet.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = None
        conn: sqlite3.Connection | None = None
        try:
            if readonly:
                if self.path == ":memory:" or not Path(self.path).is_file():
                    raise LedgerError(f"{self.path}: no such ledger file")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(
                    uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30
                )
                conn.execute("PRAGMA query_only = ON")
                version = schema.check_version(conn, self.path)
                if version < schema.schema_version():
                    raise LedgerError(
                        f"{self.path}: ledger schema version {version} is older than "
                        f"{schema.schema_version()}; open it once read-write to migrate it"
                    )
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
                conn.execute("PRAGMA synchronous = NORMAL")
                schema.migrate(conn, self.path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("casefold", 1, _casefold, deterministic=True)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise LedgerError(f"{self.path}: not a usable eventledger SQLite file ({exc})") from exc
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        self._conn = conn

    # ----------------------------------------------------------------- plumbing

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection (autocommit mode).

        :raises LedgerError: if the ledger is closed.
        """
        if self._conn is None:
            raise LedgerError(f"{self.path}: ledger is closed")
        return self._conn

    def close(self) -> None:
        """Close the file; closing twice is harmless."""
        if self._conn is not None:
            try:
                if not self.readonly:
                    self._conn.execute("PRAGMA optimize")
            finally:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "read-write"
        return f"<Ledger {self.path!r} {mode}>"

    def _writable(self) -> sqlite3.Connection:
        if self.readonly:
            raise LedgerError(f"{self.path}: ledger is opened read-only")
        return self.conn

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    # ----------------------------------------------------------------- writing

    def ingest(self, records: Iterable[dict[str, Any]]) -> IngestResult:
        """Store *records* in one transaction and say how many documents were added or replaced.

        A document is ``(source.name, title)``; its version is ``source.revision``, or
        ``source.sha256`` when there is no revision. A document already stored at the same
        version with the same records is left untouched (no row, rowid or timestamp changes);
        otherwise every row of the stored version is deleted and the new records inserted, so no
        statement, sentence or search entry of the old version survives. All records of one
        document must come in the same call. A record id already stored under another document
        (a page renamed) moves to the new one. Ingesting a document clears its recorded failures.

        :raises LedgerError: if the ledger is read-only or a record lacks ``id``, ``title`` or
            ``source.name`` (nothing is written then).
        """
        conn = self._writable()
        groups = _group(_validate(records))
        added = updated = unchanged = 0
        try:
            conn.execute("BEGIN IMMEDIATE")
            stale_docs: list[int] = []
            to_write: list[tuple[_Group, int | None]] = []
            for group in groups:
                row = conn.execute(
                    "SELECT id, revision_key, record_hash FROM documents "
                    "WHERE source_name = ? AND title = ?",
                    (group.source["name"], group.title),
                ).fetchone()
                if row is None:
                    added += 1
                    to_write.append((group, None))
                elif row[1] == group.revision_key and row[2] == group.record_hash:
                    unchanged += 1
                else:
                    updated += 1
                    stale_docs.append(row[0])
                    to_write.append((group, row[0]))
            if to_write:
                self._write(conn, to_write, stale_docs)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise LedgerError(f"{self.path}: ingest failed: {exc}") from exc
            raise
        return IngestResult(added, updated, unchanged)

    def _write(
        self,
        conn: sqlite3.Connection,
        to_write: list[tuple[_Group, int | None]],
        stale_docs: list[int],
    ) -> None:
        """Delete the rows the batch replaces, then insert the batch (inside the transaction)."""
        new_ids = [r["id"] for g, _ in to_write for r, _ in g.records]
        doomed: set[str] = set()
        moved_from: set[int] = set()
        for chunk in _chunks(stale_docs):
            marks = ", ".join("?" * len(chunk))
            doomed.update(
                r[0]
                for r in conn.execute(f"SELECT id FROM events WHERE document IN ({marks})", chunk)
            )
        for chunk in _chunks(new_ids):
            marks = ", ".join("?" * len(chunk))
            for eid, doc in conn.execute(
                f"SELECT id, document FROM events WHERE id IN ({marks})", chunk
            ):
                doomed.add(eid)
                moved_from.add(doc)
        if doomed:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS _doomed (id TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM temp._doomed")
            conn.executemany("INSERT INTO temp._doomed VALUES (?)", [(e,) for e in doomed])
            gone = "IN (SELECT id FROM temp._doomed)"
            for table, column, rowid in schema.FTS_TABLES:
                key = "id" if table == "events" else "event"
                conn.execute(
                    f"INSERT INTO {table}_fts ({table}_fts, rowid, {column}) "
                    f"SELECT 'delete', {rowid}, {column} FROM {table} WHERE {key} {gone}"
                )
            for table in CHILD_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE event {gone}")
            conn.execute(f"DELETE FROM events WHERE id {gone}")
            conn.execute("DELETE FROM temp._doomed")
        fts_from = {
            table: conn.execute(f"SELECT coalesce(max({rowid}), 0) FROM {table}").fetchone()[0]
            for table, _, rowid in schema.FTS_TABLES
        }
        now = _now()
        rows = _Rows()
        for group, doc_id in to_write:
            src = group.source
            values = [_scalar(src.get(k)) for k in _DOC_COLUMNS]
            values += [group.revision_key, group.record_hash, now]
            if doc_id is None:
                cur = conn.execute(
                    "INSERT INTO documents (source_name, title, format, revision, sha256, "
                    "language, page_id, timestamp, revision_key, record_hash, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [src["name"], group.title, *values],
                )
                doc_id = cur.lastrowid
                assert doc_id is not None
            else:
                conn.execute(
                    "UPDATE documents SET format = ?, revision = ?, sha256 = ?, language = ?, "
                    "page_id = ?, timestamp = ?, revision_key = ?, record_hash = ?, "
                    "ingested_at = ? WHERE id = ?",
                    [*values, doc_id],
                )
            for record, text in group.records:
                rows.add(doc_id, record, text)
        conn.executemany(_INSERT["events"], rows.events)
        for table in CHILD_TABLES:
            if rows.children[table]:
                conn.executemany(_INSERT[table], rows.children[table])
        for table, column, rowid in schema.FTS_TABLES:
            conn.execute(
                f"INSERT INTO {table}_fts (rowid, {column}) "
                f"SELECT {rowid}, {column} FROM {table} WHERE {rowid} > ?",
                (fts_from[table],),
            )
        # A document whose every event moved to another document (page renamed) goes too.
        conn.executemany(
            "DELETE FROM documents WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM events WHERE document = documents.id)",
            [(d,) for d in moved_from],
        )
        conn.executemany(
            "DELETE FROM failures WHERE source = ? AND title = ?",
            [(g.source["name"], g.title) for g, _ in to_write],
        )

    def record_failure(
        self, source: str, title: str | None, revision: str | None, error: str
    ) -> None:
        """Record that a page could not be turned into records during a batch or dump ingest.

        The same (source, title, revision) failing again updates its error and counts the
        attempt instead of adding a row.

        :raises LedgerError: if the ledger is read-only.
        """
        conn = self._writable()
        now = _now()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(
                "UPDATE failures SET error = ?, attempts = attempts + 1, recorded_at = ? "
                "WHERE source = ? AND title IS ? AND revision IS ?",
                (error, now, source, title, revision),
            )
            if cur.rowcount == 0:
                conn.execute(
                    "INSERT INTO failures (source, title, revision, error, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (source, title, revision, error, now),
                )

    # ----------------------------------------------------------------- reading

    def _event_id(self, id_or_title: str) -> str:
        """Resolve an id or title to an event id: id, exact title, then case-insensitive title.

        When several events share a title the one stored first wins.

        :raises NotFound: if nothing matches.
        """
        for sql in (
            "SELECT id FROM events WHERE id = ?",
            "SELECT id FROM events WHERE title = ? ORDER BY pk LIMIT 1",
            "SELECT id FROM events WHERE title = ? COLLATE NOCASE ORDER BY pk LIMIT 1",
            "SELECT id FROM events WHERE casefold(title) = casefold(?) ORDER BY pk LIMIT 1",
        ):
            row = self.conn.execute(sql, (id_or_title,)).fetchone()
            if row is not None:
                return str(row[0])
        raise NotFound(f"no event with id or title {id_or_title!r} in {self.path}")

    def get(self, id_or_title: str) -> dict[str, Any]:
        """Return the full stored record, exactly as ingested.

        :raises NotFound: if no event has that id or title.
        """
        eid = self._event_id(id_or_title)
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (eid,)).fetchone()
        return dict(json.loads(row[0]))

    def list(
        self,
        *,
        limit: int | None = None,
        kind: str | None = None,
        country: str | None = None,
        since: str | int | None = None,
        until: str | int | None = None,
    ) -> list[dict[str, Any]]:
        """Return summary rows of events, oldest first (undated events last).

        Each row has ``id, title, kind, date_start, date_end, country, deaths_low, deaths_best,
        deaths_high, n_findings, source``. *country* matches case-insensitively. *since* and
        *until* are ISO dates to any precision (``1945``, ``1945-08``, ``-0031``) or years; an
        event matches when its period overlaps ``[since, until]`` (so ``since=1945`` keeps an
        event of 1944-1946), and undated events are left out when either is given.

        :raises LedgerError: if *since* or *until* is not a date.
        """
        where: list[str] = []
        params: list[Any] = []
        if kind is not None:
            where.append("e.kind = ?")
            params.append(kind)
        if country is not None:
            where.append("e.country = ? COLLATE NOCASE")
            params.append(country)
        for name, value, column, op, end in (
            ("since", since, "e.date_end_key", ">=", False),
            ("until", until, "e.date_start_key", "<=", True),
        ):
            if value is None:
                continue
            key = date_key(value, end=end)
            if key is None:
                raise LedgerError(f"{name}: {value!r} is not an ISO date or a year")
            where.append(f"{column} {op} ?")
            params.append(key)
        sql = _SUMMARY
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start_key IS NULL, e.date_start_key, e.title, e.id LIMIT ?"
        params.append(-1 if limit is None else limit)
        return self._query(sql, params)

    def search(
        self, query: str, limit: int = 50, *, highlight: tuple[str, str] = ("**", "**")
    ) -> list[dict[str, Any]]:
        """Full-text search over event titles and sentences; one row per event, best first.

        Every word of *query* must occur in the title or in one sentence (a trailing ``*``
        searches a prefix); case and diacritics are ignored. The input is never parsed as FTS5
        syntax, so no query raises. Rows: ``id, title, field ("title" | "sentence"), sentence
        (its id or None), snippet (matches wrapped in *highlight*), rank`` (bm25, lower is
        better; title matches count double).
        """
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        hits = self._query(
            """
            WITH hits AS (
              SELECT e.id AS id, e.title AS title, 'title' AS field, NULL AS sentence,
                     events_fts.rowid AS fts_rowid, 2.0 * events_fts.rank AS rank
              FROM events_fts JOIN events e ON e.pk = events_fts.rowid
              WHERE events_fts MATCH :q
              UNION ALL
              SELECT e.id, e.title, 'sentence', s.id, sentences_fts.rowid, sentences_fts.rank
              FROM sentences_fts JOIN sentences s ON s.pk = sentences_fts.rowid
                   JOIN events e ON e.id = s.event
              WHERE sentences_fts MATCH :q
            ), best AS (
              SELECT *, row_number() OVER (PARTITION BY id ORDER BY rank, fts_rowid) AS n
              FROM hits
            )
            SELECT id, title, field, sentence, fts_rowid, rank FROM best WHERE n = 1
            ORDER BY rank, title, id LIMIT :limit
            """,
            {"q": match, "limit": limit},
        )
        open_, close = highlight
        for hit in hits:
            table = "events_fts" if hit["field"] == "title" else "sentences_fts"
            row = self.conn.execute(
                f"SELECT snippet({table}, 0, ?, ?, '…', 24) FROM {table} "
                f"WHERE {table} MATCH ? AND rowid = ?",
                (open_, close, match, hit.pop("fts_rowid")),
            ).fetchone()
            hit["snippet"] = row[0] if row else None
        return [
            {k: h[k] for k in ("id", "title", "field", "sentence", "snippet", "rank")} for h in hits
        ]

    def findings(
        self, id_or_title: str | None = None, code: str | None = None
    ) -> list[dict[str, Any]]:
        """Return findings, of one event and/or one code, in record order.

        Rows: ``event, title, code, severity, message, spans, refs, statements`` (the last three
        decoded from JSON).

        :raises NotFound: if *id_or_title* names no event.
        """
        where: list[str] = []
        params: list[Any] = []
        if id_or_title is not None:
            where.append("f.event = ?")
            params.append(self._event_id(id_or_title))
        if code is not None:
            where.append("f.code = ?")
            params.append(code)
        sql = (
            "SELECT f.event, e.title, f.code, f.severity, f.message, f.spans, f.refs, "
            "f.statements FROM findings f JOIN events e ON e.id = f.event"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.title, f.event, f.position"
        rows = self._query(sql, params)
        for row in rows:
            for key in ("spans", "refs", "statements"):
                row[key] = json.loads(row[key]) if row[key] is not None else None
        return rows

    def failures(self) -> list[dict[str, Any]]:
        """Return the pages that failed during batch or dump ingest, oldest first."""
        return self._query(
            "SELECT id, source, title, revision, error, attempts, recorded_at "
            "FROM failures ORDER BY id"
        )
