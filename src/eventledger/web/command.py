"""``eventledger serve``: the click command (heavy imports happen inside it)."""

from __future__ import annotations

import sys

import click


@click.command(name="serve")
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="ledger file (default: $EVENTLEDGER_DB or ledger.sqlite)",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind")
@click.option("--port", type=int, default=8001, show_default=True, help="port to listen on")
@click.option(
    "--get",
    "get_path",
    default=None,
    metavar="PATH",
    help="answer one GET request for PATH in-process, print the body and exit "
    "(exit code 1 on a 4xx/5xx status)",
)
def serve_command(db: str | None, host: str, port: int, get_path: str | None) -> None:
    """Serve the ledger read-only: a map, a timeline, filters, event pages and a JSON API.

    The ledger is opened read-only; the server refuses anything but GET and HEAD. Every page
    has a JSON twin (add .json), described at /openapi.json.

    Example:

        eventledger serve --db ledger.sqlite
        eventledger serve --db ledger.sqlite --get "/events.json?kind=battle"
    """
    from pathlib import Path

    from eventledger.errors import EventLedgerError
    from eventledger.store import default_db_path

    path = db or default_db_path()
    if not Path(path).is_file():
        raise click.ClickException(f"{path}: no such ledger (run `eventledger ingest` first)")
    try:
        from eventledger.web.app import call, create_app
    except ImportError as exc:
        raise click.ClickException(
            f"the web extra is not installed ({exc.name}): pip install 'eventledger[web]'"
        ) from None
    try:
        app = create_app(path)
    except EventLedgerError as exc:
        raise click.ClickException(str(exc)) from None
    if get_path is not None:
        if not get_path.startswith("/"):
            get_path = "/" + get_path
        status, _headers, body = call(app, get_path)
        sys.stdout.buffer.write(body)
        if body and not body.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        if status >= 400:
            sys.exit(1)
        return
    import uvicorn

    click.echo(f"eventledger: serving {path} read-only on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
