"""JSON lines: one record per line, exactly the record (``eventledger/record@1``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from eventledger.export._common import ExportSummary


class JsonlExporter:
    """Write each record as one line of compact JSON (UTF-8, keys in the record's order)."""

    name = "jsonl"
    extension = ".jsonl"
    media_type = "application/jsonl"
    directory = False

    def write(self, records: Iterable[dict], out: BinaryIO, summary: ExportSummary) -> None:
        for record in records:
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            out.write(line.encode("utf-8") + b"\n")
            summary.written += 1


EXPORTER = JsonlExporter()
