"""A stand-in per-page function with the signature of :func:`eventledger.pipeline.parse_text`.

:func:`probe_page` returns one minimal ``eventledger/record@1`` record for a page whose wikitext
has an event infobox, and none otherwise. It exists to test and benchmark the dump machinery
(reading, filtering, parallel work, checkpoints, Spark) apart from the extraction pipeline; it
is deterministic and pure, like the real per-page function must be. Pages whose text contains
``EVENTLEDGER_PROBE_FAIL`` raise, to exercise failure recording.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from eventledger.dump.prefilter import INFOBOX_NAMES
from eventledger.read.wikitext_tables import FAMILY_ALIASES

#: The pre-filter's event infobox names (one list with the reader's), the name captured.
_INFOBOX = re.compile(
    r"\{\{\s*(?:template\s*:\s*)?infobox[ _]+(" + INFOBOX_NAMES + r")\s*(?:\||\}|<)",
    re.IGNORECASE,
)


class ProbeFailure(RuntimeError):
    """Raised by :func:`probe_page` on purpose, for tests of failure recording."""


def probe_page(
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
    """Return one minimal record when *text* has an event infobox, else ``[]``."""
    if "EVENTLEDGER_PROBE_FAIL" in text:
        raise ProbeFailure(f"probe failure requested by page {title!r}")
    m = _INFOBOX.search(text)
    if not m:
        return []
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    family = re.sub(r"[ _]+", " ", m.group(1).lower())
    return [
        {
            "schema": "eventledger/record@1",
            "id": f"{title}#{revision}#0",
            "title": title or "",
            "source": {
                "format": format or "wikitext",
                "name": name,
                "revision": revision,
                "language": language,
                "sha256": sha,
                "page_id": page_id,
                "timestamp": timestamp,
            },
            "infobox": {"template": family, "fields": []},
            "event": {
                "kind": "battle" if FAMILY_ALIASES[family] == "military conflict" else "attack"
            },
            "statements": [],
            "sentences": [],
            "references": [],
            "notes": [],
            "bibliography": [],
            "findings": [],
        }
    ]
