"""`conflict-ledger export FILE`: events to ACLED-style CSV, GeoJSON, Parquet or JSON lines."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..db import Ledger
from ..export import FORMATS, ExportError, count_events, format_for
from ..query.trackers import TrackerError
from .options import db_option, event_filter, filter_options


@click.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="acled (ACLED-style CSV), geojson, parquet or jsonl (default: from the file's suffix: "
                   ".csv, .geojson, .parquet, .jsonl).")
@click.option("--tracker", "tracker_name", default=None, help="Export the events a tracker counts.")
@filter_options
@db_option
def export(path: str, fmt: str | None, tracker_name: str | None, db_path: str | None, **filters: Any) -> None:
    """Write ledger events to a file other tools read, with their sources (and evidence where the format
    can hold it). The file appears under its name only when complete."""
    flt = event_filter(filters)
    try:
        fmt = format_for(path, fmt)
        with Ledger(db_path) as ledger:
            if tracker_name:
                if not flt.is_empty():
                    raise click.UsageError("give either --tracker or filters, not both")
                flt = ledger.tracker(tracker_name).filter
            total = count_events(ledger.conn, flt)
            console = Console(stderr=True)
            with Progress(TextColumn(f"[bold]exporting {fmt}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=console, transient=True,
                          disable=not console.is_terminal) as progress:
                task = progress.add_task("export", total=total)
                written = ledger.export(path, fmt, flt, on_event=lambda n: progress.advance(task, n))
    except (ExportError, TrackerError, OSError) as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"{written} event(s) written to {path} ({fmt})", err=True)


COMMANDS = [export]
