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

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventledger.errors import LedgerError, NotFound
from eventledger.store import schema
from eventledger.store.rows import (
    CHILD_TABLES,
    INSERT,
    RECORD_SCHEMA,
    Group,
    Rows,
    canonical_json,
    chunks,
    date_key,
    fts_query,
    group_by_document,
    scalar,
    validate,
)

__all__ = [
    "ENV_DB",
    "RECORD_SCHEMA",
    "IngestResult",
    "Ledger",
    "canonical_json",
    "date_key",
    "default_db_path",
    "fts_query",
]

#: Environment variable naming the default ledger file.
ENV_DB = "EVENTLEDGER_DB"

#: Result rows of the query methods (an alias: ``Ledger.list`` shadows ``list`` in the class).
ResultRows = list[dict[str, Any]]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


def _event_filters(
    kind: str | None, country: str | None, since: str | None, until: str | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``events e``) shared by :meth:`Ledger.list` and :meth:`Ledger.browse`.

    An event matches a date range when its period overlaps it; an event without an end date
    lasts its start date.

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
        where.append(f"coalesce({column}, e.date_start_key) {op} ?")
        params.append(key)
    return where, params


class Ledger:
    """An event ledger in one SQLite file.

    Opening a file creates it if needed, switches it to WAL mode and applies the schema's
    migrations; ``readonly=True`` opens it with a ``mode=ro`` URI instead and never writes.
    A readonly connection may be shared between threads (the web server does); a writable one
    belongs to the thread that opened it, and one process should write at a time.

    Example::

        with Ledger("ledger.sqlite") as ledger:
            ledger.ingest(records)
            ledger.get("Title of the event")["event"]["deaths"]

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
                conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: index upkeep in big batches
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

    def _query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> ResultRows:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    # ----------------------------------------------------------------- writing

    def ingest(
        self,
        records: Iterable[dict[str, Any]],
        *,
        also: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
    ) -> IngestResult:
        """Store *records* in one transaction and say how many documents were added or replaced.

        A document is ``(source.name, title)``; its version is ``source.revision``, or
        ``source.sha256`` when there is no revision. A document already stored at the same
        version with the same records is left untouched (no row, rowid or timestamp changes);
        otherwise every row of the stored version is deleted and the new records inserted, so no
        statement, sentence or search entry of the old version survives. All records of one
        document must come in the same call. A record id already stored under another document
        (a page renamed) moves to the new one. Ingesting a document clears its recorded failures.

        :param also: ``(sql, rows)`` pairs executed (``executemany``) in the same transaction,
            after the records: a caller's bookkeeping, such as a dump's checkpoint, commits
            together with the records it describes, or not at all.
        :raises LedgerError: if the ledger is read-only or a record lacks ``id``, ``title`` or
            ``source.name`` (nothing is written then).
        """
        conn = self._writable()
        groups = group_by_document(validate(records))
        added = updated = unchanged = 0
        try:
            conn.execute("BEGIN IMMEDIATE")
            stale_docs: list[int] = []
            to_write: list[tuple[Group, int | None]] = []
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
            for sql, rows in also:
                conn.executemany(sql, rows)
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
        to_write: list[tuple[Group, int | None]],
        stale_docs: list[int],
    ) -> None:
        """Delete the rows the batch replaces, then insert the batch (inside the transaction)."""
        new_ids = [r["id"] for g, _ in to_write for r, _ in g.records]
        doomed: set[str] = set()
        moved_from: set[int] = set()
        for chunk in chunks(stale_docs):
            marks = ", ".join("?" * len(chunk))
            doomed.update(
                r[0]
                for r in conn.execute(f"SELECT id FROM events WHERE document IN ({marks})", chunk)
            )
        for chunk in chunks(new_ids):
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
        rows = Rows()
        for group, doc_id in to_write:
            src = group.source
            values = [scalar(src.get(k)) for k in _DOC_COLUMNS]
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
        conn.executemany(INSERT["events"], rows.events)
        for table in CHILD_TABLES:
            if rows.children[table]:
                conn.executemany(INSERT[table], rows.children[table])
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
    ) -> ResultRows:
        """Return summary rows of events, oldest first (undated events last).

        Each row has ``id, title, kind, date_start, date_end, country, deaths_low, deaths_best,
        deaths_high, n_findings, source``. *country* matches case-insensitively. *since* and
        *until* are ISO dates to any precision (``1945``, ``1945-08``, ``-0031``) or years; an
        event matches when its period overlaps ``[since, until]`` (so ``since=1945`` keeps an
        event of 1944-1946), and undated events are left out when either is given.

        :raises LedgerError: if *since* or *until* is not a date.
        """
        where, params = _event_filters(kind, country, since, until)
        sql = _SUMMARY
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start_key IS NULL, e.date_start_key, e.title, e.id LIMIT ?"
        params.append(-1 if limit is None else limit)
        return self._query(sql, params)

    def search(
        self, query: str, limit: int = 50, *, highlight: tuple[str, str] = ("**", "**")
    ) -> ResultRows:
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

    def findings(self, id_or_title: str | None = None, code: str | None = None) -> ResultRows:
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

    def failures(self) -> ResultRows:
        """Return the pages that failed during batch or dump ingest, oldest first."""
        return self._query(
            "SELECT id, source, title, revision, error, attempts, recorded_at "
            "FROM failures ORDER BY id"
        )

    # ----------------------------------------------------------------- browsing (web UI)

    def browse(
        self,
        *,
        ids: Sequence[str] | None = None,
        kind: str | None = None,
        country: str | None = None,
        since: str | int | None = None,
        until: str | int | None = None,
        deaths_min: int | None = None,
        deaths_max: int | None = None,
        has_findings: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> ResultRows:
        """Return map-ready summary rows of events matching every filter given, oldest first.

        Rows carry the :meth:`list` columns plus ``date_precision, location_text, location_name,
        lat, lon, where_prec, injuries_low, injuries_best, injuries_high, policy``. *ids*
        restricts to those event ids (e.g. full-text hits). *kind*, *country*, *since* and
        *until* filter as in :meth:`list`. The deaths filter keeps an event when its deaths
        interval overlaps ``[deaths_min, deaths_max]``: the interval runs from ``low`` (else
        ``best``, else 0) to ``high`` (else ``best``, else unbounded), so "over 1,000" matches a
        minimum of 5,000 (the text does not rule it out) and events with no figure at all are
        left out whenever either end is given. *has_findings* keeps events with (True) or without
        (False) findings.

        :raises LedgerError: if *since* or *until* is not a date.
        """
        if ids is not None and not ids:
            return []
        where, params = _event_filters(kind, country, since, until)
        if ids is not None:
            where.append("e.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(ids)))
        if deaths_min is not None or deaths_max is not None:
            where.append(
                "(e.deaths_low IS NOT NULL OR e.deaths_best IS NOT NULL "
                "OR e.deaths_high IS NOT NULL)"
            )
        if deaths_min is not None:
            where.append("coalesce(e.deaths_high, e.deaths_best, 9223372036854775807) >= ?")
            params.append(deaths_min)
        if deaths_max is not None:
            where.append("coalesce(e.deaths_low, e.deaths_best, 0) <= ?")
            params.append(deaths_max)
        if has_findings is not None:
            where.append("e.n_findings > 0" if has_findings else "e.n_findings = 0")
        sql = (
            "SELECT e.id, e.title, e.kind, e.date_start, e.date_end, e.precision AS "
            "date_precision, e.country, e.location_text, e.location_name, e.lat, e.lon, "
            "e.where_prec, e.deaths_low, e.deaths_best, e.deaths_high, e.injuries_low, "
            "e.injuries_best, e.injuries_high, e.policy, e.n_findings, d.source_name AS source "
            "FROM events e JOIN documents d ON d.id = e.document"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (
            " ORDER BY e.date_start_key IS NULL, e.date_start_key, e.title, e.id LIMIT ? OFFSET ?"
        )
        params += [-1 if limit is None else limit, offset]
        return self._query(sql, params)

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """Return the values the ledger's filters can take, with how many events have each.

        ``{"kind": [{"value", "count"}], "country": [...], "code": [...]}`` (finding codes);
        most frequent first.
        """
        out: dict[str, list[dict[str, Any]]] = {}
        for name, sql in (
            (
                "kind",
                "SELECT kind AS value, count(*) AS count FROM events "
                "WHERE kind IS NOT NULL GROUP BY kind",
            ),
            (
                "country",
                "SELECT country AS value, count(*) AS count FROM events "
                "WHERE country IS NOT NULL GROUP BY country",
            ),
            ("code", "SELECT code AS value, count(*) AS count FROM findings GROUP BY code"),
        ):
            out[name] = self._query(sql + " ORDER BY count DESC, value")
        return out
