"""The SQLite ledger: one file, WAL, FTS5 search, idempotent re-ingest keyed by page and revision.

:class:`Ledger` is the whole public surface; :func:`default_db_path` says which file to use
when none is given.
"""

from eventledger.store.ledger import (
    ENV_DB,
    RECORD_SCHEMA,
    IngestResult,
    Ledger,
    canonical_json,
    date_key,
    default_db_path,
    fts_query,
)
from eventledger.store.schema import MIGRATIONS, schema_version

__all__ = [
    "ENV_DB",
    "MIGRATIONS",
    "RECORD_SCHEMA",
    "IngestResult",
    "Ledger",
    "canonical_json",
    "date_key",
    "default_db_path",
    "fts_query",
    "schema_version",
]
