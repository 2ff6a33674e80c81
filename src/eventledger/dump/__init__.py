"""Whole-dump ingestion: byte pre-filter, multistream units, parallel workers, checkpoints, Spark.

:func:`ingest_dump` is the entry point for one machine; :func:`eventledger.dump.spark.spark_ingest`
runs the same per-page function on Apache Spark (optional extra ``spark``).
"""

from eventledger.dump.prefilter import FILTERS, Prefilter, may_hold_event
from eventledger.dump.runner import DumpSummary, PageFailure, ingest_dump, plan_dump

__all__ = [
    "FILTERS",
    "DumpSummary",
    "PageFailure",
    "Prefilter",
    "ingest_dump",
    "may_hold_event",
    "plan_dump",
]


def spark_ingest(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Run the per-page function on Spark; see :func:`eventledger.dump.spark.spark_ingest`."""
    from eventledger.dump.spark import spark_ingest as _spark_ingest

    return _spark_ingest(*args, **kwargs)
