"""`conflict-ledger serve`: the API and the page over one ledger file."""

from __future__ import annotations

import os

import click

from .options import db_option

TOKEN_ENV = "CONFLICT_LEDGER_TOKEN"


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Beyond localhost, reads need the token too.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar=TOKEN_ENV, default=None,
              help=f"Token that writes (review decisions) must send; default ${TOKEN_ENV}, else a fresh one.")
def serve(db_path: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the map, timeline, table, event view, review queue and trackers at http://HOST:PORT/."""
    import uvicorn

    from ..db import Ledger, default_db_path
    from ..serve.app import LOOPBACK_HOSTS, create_app, is_loopback, new_token

    path = db_path or default_db_path()  # --db has already refused a missing file
    with Ledger(path) as ledger:  # opens (and migrates) it once, so a bad file fails here, not per request
        events = ledger.count_events()
    printed = token is None
    token = token or new_token()
    local = is_loopback(host)
    app = create_app(path, token, reads_need_token=not local,
                     allowed_hosts=[*LOOPBACK_HOSTS, host] if local else None)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    click.echo(f"conflict-ledger: serving {path} ({events} events) at {url}", err=True)
    if printed:
        click.echo(f"write token: {token}", err=True)
        click.echo(f"open with the token filled in: {url}#token={token}", err=True)
    else:
        click.echo(f"write token: as given (--token or ${TOKEN_ENV})", err=True)
    if not local:
        click.echo("listening beyond localhost: reads need the token too", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("CONFLICT_LEDGER_LOG", "warning"),
                access_log=False)


COMMANDS = [serve]
