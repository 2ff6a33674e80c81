"""The ledger's SQLite schema and its named, ordered migrations.

The schema is plain SQLite so the file opens cleanly in Datasette and sqlite-utils: ordinary
tables with declared column types (TEXT, INTEGER, REAL), one row per thing, spans stored as
``span_start``/``span_end`` integer columns, lists stored as JSON text, and foreign keys from
every child table to ``events.id``. Full-text search uses external-content FTS5 tables named
``<table>_fts``, the layout sqlite-utils' ``enable_fts`` creates and Datasette detects (its
search box appears on ``events`` and ``sentences``); the ledger keeps them in step itself.

Migrations are applied in order; each one's name is recorded in ``_migrations`` and
``PRAGMA user_version`` is set to the number of migrations applied, which is the schema version.
A migration is never edited once released: a change to the schema is a new migration appended
to :data:`MIGRATIONS`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from eventledger.errors import LedgerError

#: Tokenizer of every FTS table: case-folded, diacritics removed ("Đà Nẵng" matches "da nang").
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def _fts(table: str, column: str, rowid: str) -> list[str]:
    """Return the DDL of an external-content FTS5 index on *table*.*column*.

    There are no triggers: the ledger maintains the index itself with one bulk
    ``INSERT ... SELECT`` per batch, about ten times faster than a row trigger. After editing
    rows by hand, run ``INSERT INTO <table>_fts(<table>_fts) VALUES ('rebuild')``.
    """
    return [
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({column}, "
        f"content=\"{table}\", content_rowid='{rowid}', tokenize='{FTS_TOKENIZE}')",
    ]


#: The full-text indexes: (table, indexed column, rowid column).
FTS_TABLES = (("events", "title", "pk"), ("sentences", "text", "pk"))


_EVENT_FK = "event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE"

INITIAL: list[str] = [
    # One row per ingested (source name, title): the page a record came from, at the revision
    # stored. ``revision_key`` is the revision id, or the input's sha256 when it has none;
    # ``record_hash`` is the sha1 of the stored records' canonical JSON, so an identical
    # re-ingest is recognised without touching any row.
    """CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source_name TEXT NOT NULL,
  format TEXT,
  title TEXT NOT NULL,
  revision TEXT,
  sha256 TEXT,
  language TEXT,
  page_id TEXT,
  timestamp TEXT,
  revision_key TEXT,
  record_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  UNIQUE (source_name, title)
)""",
    # One row per event record. ``pk`` is an explicit integer primary key so the FTS index's
    # rowids survive VACUUM; ``id`` is the pipeline's stable record id. ``date_start_key`` and
    # ``date_end_key`` are sortable integers (year * 10000 + month * 100 + day) so BC dates
    # ("-0031") order and filter correctly, which ISO strings do not.
    """CREATE TABLE events (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  kind TEXT,
  part_of TEXT,
  date_start TEXT,
  date_end TEXT,
  precision TEXT,
  date_prec INTEGER,
  date_start_key INTEGER,
  date_end_key INTEGER,
  location_text TEXT,
  location_name TEXT,
  country TEXT,
  lat REAL,
  lon REAL,
  where_prec INTEGER,
  deaths_low INTEGER,
  deaths_best INTEGER,
  deaths_high INTEGER,
  injuries_low INTEGER,
  injuries_best INTEGER,
  injuries_high INTEGER,
  policy TEXT,
  n_findings INTEGER NOT NULL DEFAULT 0,
  record TEXT NOT NULL
)""",
    "CREATE INDEX events_document ON events (document)",
    "CREATE INDEX events_title_nocase ON events (title COLLATE NOCASE)",
    "CREATE INDEX events_kind ON events (kind, date_start_key)",
    "CREATE INDEX events_country ON events (country COLLATE NOCASE, date_start_key)",
    "CREATE INDEX events_date ON events (date_start_key, date_end_key)",
    "CREATE INDEX events_date_end ON events (date_end_key)",
    f"""CREATE TABLE statements (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  id TEXT,
  position INTEGER NOT NULL,
  property TEXT,
  text TEXT,
  category TEXT,
  party TEXT,
  comparator TEXT,
  low INTEGER,
  best INTEGER,
  high INTEGER,
  value TEXT,
  origin TEXT,
  span_start INTEGER,
  span_end INTEGER,
  refs TEXT,
  support TEXT
)""",
    "CREATE INDEX statements_event ON statements (event, position)",
    "CREATE INDEX statements_property ON statements (property)",
    f"""CREATE TABLE sentences (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  id TEXT,
  position INTEGER NOT NULL,
  text TEXT,
  span_start INTEGER,
  span_end INTEGER,
  refs TEXT,
  support TEXT,
  section TEXT
)""",
    "CREATE INDEX sentences_event ON sentences (event, position)",
    # ``references`` is an SQL keyword, hence ``refs``.
    f"""CREATE TABLE refs (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  id TEXT,
  position INTEGER NOT NULL,
  label TEXT,
  kind TEXT,
  text TEXT,
  span_start INTEGER,
  span_end INTEGER,
  uses INTEGER,
  authors TEXT,
  title TEXT,
  work TEXT,
  publisher TEXT,
  date TEXT,
  accessed TEXT,
  pages TEXT,
  isbn TEXT,
  isbn_valid INTEGER,
  doi TEXT,
  url TEXT,
  resolves_to TEXT
)""",
    "CREATE INDEX refs_event ON refs (event, position)",
    f"""CREATE TABLE findings (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  severity TEXT,
  message TEXT,
  span_start INTEGER,
  span_end INTEGER,
  spans TEXT,
  refs TEXT,
  statements TEXT
)""",
    "CREATE INDEX findings_event ON findings (event, position)",
    "CREATE INDEX findings_code ON findings (code)",
    f"""CREATE TABLE fields (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  position INTEGER NOT NULL,
  template TEXT,
  label TEXT,
  key TEXT,
  text TEXT,
  span_start INTEGER,
  span_end INTEGER,
  refs TEXT
)""",
    "CREATE INDEX fields_event ON fields (event, position)",
    # role: perpetrator | supporter | target | combatant | commander; side: index into
    # event.sides (a supporter of an attack's perpetrators has none).
    f"""CREATE TABLE actors (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  side INTEGER,
  name TEXT,
  link TEXT,
  kind TEXT
)""",
    "CREATE INDEX actors_event ON actors (event, position)",
    "CREATE INDEX actors_name ON actors (name COLLATE NOCASE)",
    f"""CREATE TABLE attack_types (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  position INTEGER NOT NULL,
  label TEXT,
  acled TEXT,
  gtd_attacktype TEXT,
  ucdp_type_of_violence TEXT
)""",
    "CREATE INDEX attack_types_event ON attack_types (event, position)",
    # One row per (item, reference) pair: which statement, sentence, infobox field or finding
    # a reference supports. ``item_id`` is the item's id, or its position for fields/findings.
    f"""CREATE TABLE citations (
  pk INTEGER PRIMARY KEY,
  {_EVENT_FK},
  item TEXT NOT NULL,
  item_id TEXT,
  ref TEXT NOT NULL
)""",
    "CREATE INDEX citations_event ON citations (event)",
    "CREATE INDEX citations_ref ON citations (event, ref)",
    # Pages that could not be turned into records during a batch or dump ingest.
    """CREATE TABLE failures (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  title TEXT,
  revision TEXT,
  error TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL
)""",
    "CREATE INDEX failures_source_title ON failures (source, title)",
    *[ddl for table, column, rowid in FTS_TABLES for ddl in _fts(table, column, rowid)],
]


@dataclass(frozen=True, slots=True)
class Migration:
    """One named step of the schema; *apply* runs inside the migration's transaction."""

    name: str
    apply: Callable[[sqlite3.Connection], None]


def _statements(sql: list[str]) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return apply


#: 0002: ``refs.list`` says which list of the record a row comes from: ``footnotes`` (the
#: page's reference list, the record's ``references``) or ``bibliography`` (the works listed
#: apart, the record's ``bibliography``). Rows of an older ledger are footnotes unless the
#: stored record flags the entry ``"bibliography": true`` (records written before the split).
#: Later records add a third value, ``notes`` (the record's ``notes``: explanatory notes); a
#: row written before notes were split stays ``footnotes``, as its stored record keeps the note
#: among its ``references``, so no migration is needed for it.
REFS_LIST: list[str] = [
    "ALTER TABLE refs ADD COLUMN list TEXT NOT NULL DEFAULT 'footnotes'",
    """UPDATE refs SET list = 'bibliography'
WHERE EXISTS (
  SELECT 1 FROM events e, json_each(e.record, '$.references') j
  WHERE e.id = refs.event
    AND json_extract(j.value, '$.id') = refs.id
    AND json_extract(j.value, '$.bibliography')
)""",
]

#: The ordered migrations; the schema version is ``len(MIGRATIONS)``.
MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _statements(INITIAL)),
    Migration("0002_refs_list", _statements(REFS_LIST)),
]


def schema_version() -> int:
    """Return the schema version this eventledger writes (the number of known migrations)."""
    return len(MIGRATIONS)


def _applied(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY id")]


def check_version(conn: sqlite3.Connection, path: str) -> int:
    """Return the file's schema version, refusing a newer or unknown schema.

    :raises LedgerError: if ``user_version`` is newer than this eventledger's schema, or
        ``_migrations`` names a migration this eventledger does not know.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema_version():
        raise LedgerError(
            f"{path}: ledger schema version {version} is newer than this eventledger "
            f"understands (version {schema_version()}); upgrade eventledger"
        )
    known = {m.name for m in MIGRATIONS}
    unknown = [name for name in _applied(conn) if name not in known]
    if unknown:
        raise LedgerError(f"{path}: ledger has unknown migrations {unknown}; upgrade eventledger")
    return int(version)


def migrate(conn: sqlite3.Connection, path: str) -> list[str]:
    """Apply the migrations the file lacks, in order, and return their names.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction, so two processes opening a
    fresh file at once do not both apply it. *conn* must be in autocommit mode
    (``isolation_level=None``).

    :raises LedgerError: on a newer/unknown schema, or if a migration fails (for example the
        file already has an unrelated table of the same name).
    """
    check_version(conn, path)
    if _applied(conn) == [m.name for m in MIGRATIONS]:
        return []
    done: list[str] = []
    for migration in MIGRATIONS:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations ("
                "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
            )
            if migration.name in _applied(conn):
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {len(_applied(conn))}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise LedgerError(f"{path}: migration {migration.name} failed: {exc}") from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(migration.name)
    return done
