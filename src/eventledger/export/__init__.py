"""Exporters: write records (``eventledger/record@1`` dicts) in other people's formats.

Every format is one module with one exporter object, registered in :data:`EXPORTERS` through
:func:`register`, the same way a plugin would register its own::

    from eventledger.export import export
    summary = export(records, "geojson", "events.geojson")
    summary.unlocated      # ids of events without coordinates, listed, not dropped

Exporters stream: records are read once, in order, and never all held in memory (GeoJSON and
JSON-LD write their closing members after the last record). What a format cannot express is
left out and counted in the returned :class:`ExportSummary`; nothing is invented.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

from eventledger.errors import EventLedgerError
from eventledger.export._common import ExportSummary, iter_counted

__all__ = [
    "EXPORTERS",
    "ExportError",
    "ExportSummary",
    "Exporter",
    "UnknownExportFormat",
    "export",
    "register",
]


class ExportError(EventLedgerError):
    """An export cannot be written where it was asked to go (for example a stream for Parquet)."""


class UnknownExportFormat(ExportError):
    """No exporter is registered under that format name."""


class Exporter(Protocol):
    """One output format.

    ``name`` is the format name users type; ``extension`` the usual file suffix;
    ``directory`` is True for formats that write several files into a directory (Parquet),
    which then need a path, not a stream. ``write`` reads the records once and fills *summary*.
    """

    name: str
    extension: str
    media_type: str
    directory: bool

    def write(self, records: Iterable[dict], out: BinaryIO | Path, summary: ExportSummary) -> None:
        """Write *records* to *out* (a binary stream, or a directory path when ``directory``)."""


#: Registered exporters by format name.
EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Register *exporter* under its ``name`` (a later registration of a name replaces it)."""
    EXPORTERS[exporter.name] = exporter
    return exporter


def export(
    records: Iterable[dict], fmt: str, out: BinaryIO | str | os.PathLike[str]
) -> ExportSummary:
    """Write *records* in format *fmt* to *out* and return what was written and left out.

    *out* is a binary stream or a path; a path is created (for Parquet, a directory of one file
    per entity). Text formats are written as UTF-8.

    :raises UnknownExportFormat: if no exporter is registered as *fmt*.
    :raises ExportError: if a directory format is given a stream.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UnknownExportFormat(f"unknown export format {fmt!r} (known: {known})") from None
    summary = ExportSummary(format=fmt)
    counted = iter_counted(records, summary)
    if exporter.directory:
        if not isinstance(out, str | os.PathLike):
            raise ExportError(f"format {fmt!r} writes a directory: give a path, not a stream")
        path = Path(out)
        path.mkdir(parents=True, exist_ok=True)
        exporter.write(counted, path, summary)
    elif isinstance(out, str | os.PathLike):
        with open(out, "wb") as fh:
            exporter.write(counted, fh, summary)
        summary.files.append(str(out))
    else:
        exporter.write(counted, out, summary)
    return summary


def _register_builtins() -> None:
    from eventledger.export import ged_csv, geojson, jsonl, jsonld, parquet, quickstatements

    for module in (ged_csv, geojson, jsonld, quickstatements, parquet, jsonl):
        register(module.EXPORTER)


_register_builtins()
