"""The read-only web app: a map, a timeline, filters and search over the ledger; event pages.

Every HTML page has a JSON twin (``/events`` and ``/events.json``, ``/events/ID`` and
``/events/ID.json``, ``/findings`` and ``/findings.json``), described at ``/openapi.json``.
Errors come back in one JSON shape, ``{"ok": false, "error", "errors", "status"}``, unless the
client asks for HTML (a browser does: ``text/html`` in ``Accept`` on a path not ending in
``.json``), which gets an HTML error page.

The app never writes: the ledger is opened read-only (a SQLite ``mode=ro`` URI, ``query_only``)
for each request, and every method but GET and HEAD is refused with 405 before routing.
Article text is untrusted: templates autoescape, no data is marked safe, JSON embedded in a
page goes through ``tojson``, links are made only from http(s) URLs, and the Content-Security-
Policy forbids inline scripts and any origin but the app's own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from eventledger.errors import EventLedgerError, LedgerError, NotFound
from eventledger.store import Ledger
from eventledger.web import evidence

HERE = Path(__file__).resolve().parent
KINDS = ("attack", "battle", "war", "other")
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000

#: Sent with every response. No inline script or style, nothing from another origin.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

Scope = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]


class WebError(Exception):
    """A request the app answers with an error status (bad filter, unknown event, ...)."""

    def __init__(self, status: int, error: str, errors: list[str] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.errors = errors or [error]


def error_body(status: int, error: str, errors: list[str] | None = None) -> dict[str, Any]:
    """Return the one JSON error shape: ``{"ok": false, "error", "errors", "status"}``."""
    return {"ok": False, "error": error, "errors": errors or [error], "status": status}


def wants_json(path: str, accept: str) -> bool:
    """Decide the error format: JSON for ``.json`` paths and for clients not asking for HTML."""
    return path.endswith(".json") or "text/html" not in accept


def _leaflet_dir() -> Path | None:
    try:
        import xstatic.pkg.leaflet as leaflet  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - the web extra installs it
        return None
    return Path(leaflet.BASE_DIR)


# --------------------------------------------------------------------------- app factory


def create_app(db_path: str) -> Starlette:
    """Build the web app over the ledger at *db_path* (opened read-only per request).

    :raises LedgerError: if *db_path* is not a readable ledger.
    """
    Ledger(db_path, readonly=True).close()  # fail now, not on the first request
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_url"] = evidence.safe_url
    env.globals["interval_text"] = evidence.interval_text
    env.globals["db_name"] = Path(db_path).name

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        json_url = request.url.path.rstrip("/") or "/events"
        if json_url == "/":
            json_url = "/events"
        query = request.url.query
        context.setdefault("json_url", json_url + ".json" + (f"?{query}" if query else ""))
        html = env.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    def open_ledger() -> Ledger:
        try:
            return Ledger(db_path, readonly=True)
        except LedgerError as exc:
            raise WebError(500, f"the ledger cannot be opened: {exc}") from None

    # ----------------------------------------------------------------- views

    def events_data(request: Request) -> dict[str, Any]:
        filters, errors = parse_filters(dict(request.query_params))
        if errors:
            raise WebError(400, "invalid filter", errors)
        with open_ledger() as ledger:
            ids = None
            if filters.get("q"):
                ids = [h["id"] for h in ledger.search(filters["q"], limit=MAX_LIMIT * 10)]
            try:
                rows = ledger.browse(
                    ids=ids,
                    kind=filters.get("kind"),
                    country=filters.get("country"),
                    since=filters.get("since"),
                    until=filters.get("until"),
                    deaths_min=filters.get("deaths_min"),
                    deaths_max=filters.get("deaths_max"),
                    has_findings=filters.get("has_findings"),
                    limit=filters["limit"] + 1,
                    offset=filters["offset"],
                )
            except LedgerError as exc:
                raise WebError(400, "invalid filter", [str(exc)]) from None
            facets = ledger.facets()
        more = len(rows) > filters["limit"]
        rows = rows[: filters["limit"]]
        for row in rows:
            row["url"] = f"/events/{row['id']}"
        return {
            "ok": True,
            "filters": filters,
            "count": len(rows),
            "more": more,
            "events": rows,
            "unlocated": [r["id"] for r in rows if r["lat"] is None or r["lon"] is None],
            "facets": facets,
        }

    async def events_page(request: Request) -> Response:
        data = events_data(request)
        query = {k: v for k, v in request.query_params.items() if k not in ("offset",)}
        next_url = None
        if data["more"]:
            offset = data["filters"]["offset"] + data["filters"]["limit"]
            next_url = "/events?" + urlencode({**query, "offset": offset})
        located = [
            {
                "id": r["id"],
                "title": r["title"],
                "lat": r["lat"],
                "lon": r["lon"],
                "date": r["date_start"],
                "kind": r["kind"],
                "deaths": evidence.interval_text(
                    {"low": r["deaths_low"], "best": r["deaths_best"], "high": r["deaths_high"]}
                ),
            }
            for r in data["events"]
            if r["lat"] is not None and r["lon"] is not None
        ]
        return render(
            request,
            "events.html",
            data=data,
            located=located,
            timeline=timeline(data["events"]),
            next_url=next_url,
            kinds=KINDS,
        )

    async def events_json(request: Request) -> Response:
        return JSONResponse(events_data(request))

    def event_record(ident: str) -> dict[str, Any]:
        with open_ledger() as ledger:
            try:
                return ledger.get(ident)
            except NotFound:
                raise WebError(404, f"no event with id or title {ident!r}") from None

    async def event_page(request: Request) -> Response:
        ident = request.path_params["ident"]
        if ident.endswith(".json"):
            return JSONResponse(event_record(ident[: -len(".json")]))
        record = event_record(ident)
        ev = evidence.Evidence(record)
        return render(
            request,
            "event.html",
            record=record,
            footnotes=ev.footnotes,
            notes=ev.notes,
            bibliography=ev.bibliography,
            values=ev.values(),
            fields=ev.field_rows(),
            sections=ev.sections(),
            statements=ev.statement_rows(),
            findings=ev.finding_rows(),
            json_url=f"/events/{record['id']}.json",
        )

    def findings_data(request: Request) -> dict[str, Any]:
        code = request.query_params.get("code") or None
        severity = request.query_params.get("severity") or None
        limit, offset, errors = _paging(dict(request.query_params))
        if code is not None and not code.replace("_", "").isalnum():
            errors.append(f"code: {code!r} is not a finding code")
        if errors:
            raise WebError(400, "invalid filter", errors)
        with open_ledger() as ledger:
            rows = ledger.findings(None, code=code)
            codes = ledger.facets()["code"]
        if severity:
            rows = [r for r in rows if r["severity"] == severity]
        total = len(rows)
        rows = rows[offset : offset + limit]
        for row in rows:
            row["url"] = f"/events/{row['event']}"
        return {
            "ok": True,
            "filters": {"code": code, "severity": severity, "limit": limit, "offset": offset},
            "total": total,
            "count": len(rows),
            "findings": rows,
            "codes": codes,
        }

    async def findings_page(request: Request) -> Response:
        data = findings_data(request)
        return render(request, "findings.html", data=data)

    async def findings_json(request: Request) -> Response:
        return JSONResponse(findings_data(request))

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    # ----------------------------------------------------------------- errors

    def error_response(request: Request, status: int, error: str, errors: list[str]) -> Response:
        headers = {"allow": "GET, HEAD"} if status == 405 else None
        if wants_json(request.url.path, request.headers.get("accept", "")):
            return JSONResponse(
                error_body(status, error, errors), status_code=status, headers=headers
            )
        page = render(request, "error.html", status=status, error=error, errors=errors)
        if headers:
            page.headers.update(headers)
        return page

    async def on_web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request, exc.status, exc.error, exc.errors)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code, exc.detail)
        return error_response(
            request, exc.status_code, str(message), [f"{message}: {request.url.path}"]
        )

    async def on_error(request: Request, exc: Exception) -> Response:
        detail = str(exc) if isinstance(exc, EventLedgerError) else type(exc).__name__
        return error_response(request, 500, "internal error", [detail])

    routes: list[Route | Mount] = [
        Route("/", events_page),
        Route("/events", events_page),
        Route("/events.json", events_json),
        Route("/events/{ident:path}", event_page),
        Route("/findings", findings_page),
        Route("/findings.json", findings_json),
        Route("/openapi.json", openapi),
    ]
    leaflet = _leaflet_dir()
    if leaflet is not None:
        routes.append(Mount("/static/leaflet", StaticFiles(directory=leaflet), name="leaflet"))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(
        routes=routes,
        exception_handlers={
            WebError: on_web_error,
            HTTPException: on_http_error,
            Exception: on_error,
        },
    )
    app.add_middleware(ReadOnlyMiddleware)
    return app


class ReadOnlyMiddleware:
    """Refuse every method but GET and HEAD (405, error shape) and add the security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = dict(message, headers=headers)
            await send(message)

        method = scope.get("method", "GET")
        if method not in ("GET", "HEAD"):
            path = scope.get("path", "")
            accept = dict(scope.get("headers", [])).get(b"accept", b"").decode("latin-1")
            error = f"method {method} not allowed: this server is read-only"
            errors = [f"{error} ({path}); use GET or HEAD"]
            response: Response
            if wants_json(path, accept):
                response = JSONResponse(error_body(405, error, errors), status_code=405)
            else:
                response = HTMLResponse(
                    "<!doctype html><title>405 method not allowed</title>"
                    "<h1>405 method not allowed</h1><p>This server is read-only.</p>",
                    status_code=405,
                )
            response.headers["allow"] = "GET, HEAD"
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- filters


def _int(name: str, raw: str, errors: list[str], minimum: int = 0) -> int | None:
    try:
        value = int(raw.replace(",", "").strip())
    except ValueError:
        errors.append(f"{name}: {raw!r} is not a whole number")
        return None
    if value < minimum:
        errors.append(f"{name}: {raw!r} is below {minimum}")
        return None
    return value


def _paging(params: dict[str, str]) -> tuple[int, int, list[str]]:
    errors: list[str] = []
    limit = DEFAULT_LIMIT
    offset = 0
    if params.get("limit"):
        limit = _int("limit", params["limit"], errors, minimum=1) or DEFAULT_LIMIT
        if limit > MAX_LIMIT:
            errors.append(f"limit: at most {MAX_LIMIT}")
    if params.get("offset"):
        offset = _int("offset", params["offset"], errors) or 0
    return limit, offset, errors


def parse_filters(params: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Read the event filters from query parameters; return ``(filters, errors)``.

    Parameters: ``q`` (full-text search), ``kind``, ``country`` (ISO 3166-1 alpha-2),
    ``since``/``until`` (ISO dates to any precision, or years; negative for BC),
    ``deaths_min``/``deaths_max``, ``has_findings`` (``yes``/``no``), ``limit``, ``offset``.
    Empty parameters are ignored, as a submitted HTML form sends them.
    """
    limit, offset, errors = _paging(params)
    out: dict[str, Any] = {"limit": limit, "offset": offset}
    q = (params.get("q") or "").strip()
    if q:
        out["q"] = q
    kind = params.get("kind") or None
    if kind is not None:
        if kind not in KINDS:
            errors.append(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
        out["kind"] = kind
    country = (params.get("country") or "").strip()
    if country:
        if len(country) != 2 or not country.isalpha():
            errors.append(f"country: {country!r} is not an ISO 3166-1 alpha-2 code")
        out["country"] = country.upper()
    from eventledger.store import date_key

    for name in ("since", "until"):
        raw = (params.get(name) or "").strip()
        if raw:
            if date_key(raw, end=name == "until") is None:
                errors.append(f"{name}: {raw!r} is not an ISO date or a year")
            out[name] = raw
    for name in ("deaths_min", "deaths_max"):
        raw = (params.get(name) or "").strip()
        if raw:
            out[name] = _int(name, raw, errors)
    hf = (params.get("has_findings") or "").strip().lower()
    if hf:
        if hf in ("yes", "true", "1"):
            out["has_findings"] = True
        elif hf in ("no", "false", "0"):
            out["has_findings"] = False
        else:
            errors.append(f"has_findings: {hf!r} is not yes or no")
    return out, errors


# --------------------------------------------------------------------------- timeline


def _year(date: str | None) -> float | None:
    """Return a fractional year for an ISO date of any precision (``-0031-09-02``, ``1945``)."""
    if not date:
        return None
    sign = -1 if date.startswith("-") else 1
    parts = date.lstrip("-").split("-")
    try:
        year = int(parts[0]) * sign
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
    except ValueError:
        return None
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline(
    rows: list[dict[str, Any]], width: int = 1000, lane: int = 10, max_lanes: int = 12
) -> dict[str, Any]:
    """Lay events out on a year axis for an SVG timeline.

    An event is a dot at its start (a bar to its end when it lasts longer than a dot). Items
    that would overlap go to the next lane down, so every event stays visible and clickable.
    Returns ``{"width", "height", "ticks": [{"x", "label"}], "items": [{"id", "title", "x",
    "x2", "y", "date", "kind"}]}``; no items when no event is dated.
    """
    dated = [(r, _year(r.get("date_start")), _year(r.get("date_end"))) for r in rows]
    dated = [(r, a, b if b is not None and b >= a else a) for r, a, b in dated if a is not None]
    if not dated:
        return {"width": width, "height": 0, "ticks": [], "items": []}
    lo = math.floor(min(a for _, a, _ in dated))
    hi = math.ceil(max(b for _, _, b in dated))
    if hi - lo < 10:
        lo, hi = lo - 5, hi + 5
    pad = 20

    def x(year: float) -> float:
        return round(pad + (year - lo) / (hi - lo) * (width - 2 * pad), 1)

    raw_step = (hi - lo) / 8
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while t <= hi:
        label = f"{-t} BC" if t < 0 else f"{t}"
        ticks.append({"x": x(t), "label": label})
        t += step
    lanes: list[float] = []
    items = []
    for r, a, b in sorted(dated, key=lambda d: (d[1], d[2])):
        x1, x2 = x(a), max(x(b), x(a))
        for i, free_from in enumerate(lanes):
            if x1 >= free_from:
                lanes[i] = x2 + 8
                n = i
                break
        else:
            if len(lanes) < max_lanes:
                lanes.append(x2 + 8)
                n = len(lanes) - 1
            else:  # crowded: the lane that frees up first takes it (dots may touch)
                n = min(range(len(lanes)), key=lanes.__getitem__)
                lanes[n] = max(lanes[n], x2 + 8)
        items.append(
            {
                "id": r["id"],
                "title": r["title"],
                "x": x1,
                "x2": x2,
                "y": 14 + n * lane,
                "date": r.get("date_start"),
                "kind": r.get("kind") or "other",
            }
        )
    height = 14 + len(lanes) * lane + 24
    return {"width": width, "height": height, "axis_y": height - 20, "ticks": ticks, "items": items}


# --------------------------------------------------------------------------- OpenAPI


def _error_schema() -> dict[str, Any]:
    return {"$ref": "#/components/schemas/Error"}


def _responses(ok: dict[str, Any], *codes: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}}
    }
    for code in codes:
        out[str(code)] = {
            "description": {400: "invalid filter", 404: "no such event"}.get(code, "error"),
            "content": {"application/json": {"schema": _error_schema()}},
        }
    out["405"] = {
        "description": "any method but GET and HEAD",
        "content": {"application/json": {"schema": _error_schema()}},
    }
    return out


def _param(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "eventledger",
        "version": "1",
        "description": "Read-only JSON API over an eventledger ledger. Every HTML page has a "
        "JSON twin ending in .json. Errors: {ok: false, error, errors, status}.",
    },
    "paths": {
        "/events.json": {
            "get": {
                "summary": "List events matching the filters, oldest first",
                "parameters": [
                    _param("q", "full-text search over titles and sentences", {"type": "string"}),
                    _param("kind", "event kind", {"type": "string", "enum": list(KINDS)}),
                    _param("country", "ISO 3166-1 alpha-2 code", {"type": "string"}),
                    _param(
                        "since", "ISO date (any precision) or year; overlap", {"type": "string"}
                    ),
                    _param(
                        "until", "ISO date (any precision) or year; overlap", {"type": "string"}
                    ),
                    _param(
                        "deaths_min", "deaths interval overlaps [min, max]", {"type": "integer"}
                    ),
                    _param(
                        "deaths_max", "deaths interval overlaps [min, max]", {"type": "integer"}
                    ),
                    _param("has_findings", "yes or no", {"type": "string", "enum": ["yes", "no"]}),
                    _param(
                        "limit",
                        f"at most {MAX_LIMIT}",
                        {"type": "integer", "default": DEFAULT_LIMIT},
                    ),
                    _param("offset", "rows to skip", {"type": "integer", "default": 0}),
                ],
                "responses": _responses({"$ref": "#/components/schemas/EventList"}, 400),
            }
        },
        "/events/{id}.json": {
            "get": {
                "summary": "One event record (eventledger/record@1), by id or title",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": _responses({"$ref": "#/components/schemas/Record"}, 404),
            }
        },
        "/findings.json": {
            "get": {
                "summary": "Findings across the ledger",
                "parameters": [
                    _param("code", "finding code, e.g. CONTRADICTION", {"type": "string"}),
                    _param("severity", "finding severity", {"type": "string"}),
                    _param(
                        "limit",
                        f"at most {MAX_LIMIT}",
                        {"type": "integer", "default": DEFAULT_LIMIT},
                    ),
                    _param("offset", "rows to skip", {"type": "integer", "default": 0}),
                ],
                "responses": _responses({"$ref": "#/components/schemas/FindingList"}, 400),
            }
        },
        "/openapi.json": {
            "get": {"summary": "This description", "responses": {"200": {"description": "OK"}}}
        },
    },
    "components": {
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["ok", "error", "errors", "status"],
                "properties": {
                    "ok": {"const": False},
                    "error": {"type": "string"},
                    "errors": {"type": "array", "items": {"type": "string"}},
                    "status": {"type": "integer"},
                },
            },
            "EventList": {
                "type": "object",
                "required": ["ok", "count", "events"],
                "properties": {
                    "ok": {"const": True},
                    "count": {"type": "integer"},
                    "more": {"type": "boolean"},
                    "filters": {"type": "object"},
                    "events": {"type": "array", "items": {"type": "object"}},
                    "unlocated": {"type": "array", "items": {"type": "string"}},
                    "facets": {"type": "object"},
                },
            },
            "Record": {
                "type": "object",
                "description": "eventledger/record@1 (docs/record.md)",
                "required": ["schema", "id", "title", "event"],
            },
            "FindingList": {
                "type": "object",
                "required": ["ok", "total", "findings"],
                "properties": {
                    "ok": {"const": True},
                    "total": {"type": "integer"},
                    "count": {"type": "integer"},
                    "findings": {"type": "array", "items": {"type": "object"}},
                    "codes": {"type": "array", "items": {"type": "object"}},
                },
            },
        }
    },
}


# --------------------------------------------------------------------------- in-process


async def _call(
    app: ASGIApp, path: str, method: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
    }
    status = 500
    out_headers: dict[str, str] = {}
    body = bytearray()
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            for k, v in message.get("headers", []):
                out_headers[k.decode("latin-1")] = v.decode("latin-1")
        elif message["type"] == "http.response.body" and method != "HEAD":
            body.extend(message.get("body", b""))  # a server sends no body for HEAD

    await app(scope, receive, send)
    return status, out_headers, bytes(body)


def call(
    app: Any, path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Answer one request in-process (no socket): return ``(status, headers, body)``.

    *path* may carry a query string (``/events.json?kind=battle``). Used by ``serve --get``.
    """
    import anyio

    async def run() -> tuple[int, dict[str, str], bytes]:
        return await _call(app, path, method, headers or {})

    return anyio.run(run)


def dumps(obj: Any) -> str:
    """JSON for people: UTF-8 text, indented."""
    return json.dumps(obj, ensure_ascii=False, indent=2)
