"""eventledger: structured, source-linked records of violent events.

The public API: :func:`eventledger.pipeline.parse_text` and :func:`eventledger.pipeline.parse_path`
turn an article into records (dicts in the ``eventledger/record@1`` shape);
:class:`eventledger.store.Ledger` stores them in SQLite.
"""

__version__ = "0.1.0"
