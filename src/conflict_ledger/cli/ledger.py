"""Commands on a ledger file: ingest, events, show, tally, demo, check."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..db import IngestReport, Ledger
from ..model import EVENT_FIELDS
from .options import ReadOptions, db_option, event_filter, filter_options, input_options
from .output import OUTPUT_FORMATS, emit, notices, range_text

TABLE_COLUMNS = ("event_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "country",
                 "killed", "injured", "reports")
CSV_COLUMNS = ("event_id", *EVENT_FIELDS, "sources", "confidence", "doc_ids")


def run_ingest(ledger: Ledger, paths: Any, reading: ReadOptions | None = None) -> IngestReport:
    """Ingest with a progress display on stderr."""
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=console, transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=None, last="")

        def on_document(doc_id: str, status: str) -> None:
            progress.update(task, advance=1, last=f"{status}: {doc_id[:50]}")

        report = ledger.ingest(paths, on_document=on_document, **(reading or ReadOptions()).kwargs())
    notices(report.skipped)
    notices(report.warnings)
    click.echo(report.summary(), err=True)
    return report


@click.command()
@input_options
@db_option
def ingest(paths: tuple[str, ...], reading: ReadOptions, db_path: str | None) -> None:
    """Store documents, their events (with evidence) and claims in the ledger."""
    with Ledger(db_path) as ledger:
        report = run_ingest(ledger, paths, reading)
    if report.nothing_read:
        raise SystemExit(1)


def display_rows(rows: Any) -> Any:
    for row in rows:
        row["killed"] = range_text(row["fatalities"], row["fatalities_low"], row["fatalities_high"])
        row["injured"] = range_text(row["injuries"], row["injuries_low"], row["injuries_high"])
        row["reports"] = len(row.get("doc_ids") or [])
        yield row


@click.command()
@filter_options
@db_option
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many events.")
def events(db_path: str | None, fmt: str, limit: int | None, **filters: Any) -> None:
    """List ledger events (filters combine with AND)."""
    flt = event_filter(filters)
    with Ledger(db_path) as ledger:
        rows = ledger.events(flt, limit=limit)
        if fmt == "table":
            emit(display_rows(rows), fmt, TABLE_COLUMNS)
        else:
            emit(rows, fmt, CSV_COLUMNS)


@click.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db_path: str | None) -> None:
    """Print one event in full: every field, its evidence, and the reports it came from."""
    with Ledger(db_path) as ledger:
        event = ledger.event(event_id)
    if event is None:
        raise click.ClickException(f"no event {event_id!r} in the ledger")
    click.echo(json.dumps(event, ensure_ascii=False, indent=1, default=str))


@click.command()
@filter_options
@db_option
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
def tally(db_path: str | None, fmt: str, **filters: Any) -> None:
    """Count events, fatalities and injuries (best figure and low-high range) over a filter."""
    flt = event_filter(filters)
    with Ledger(db_path) as ledger:
        totals = ledger.tally(flt)
    if fmt == "table":
        rows = [{
            "events": totals["events"],
            "from": totals["first_date"],
            "to": totals["last_date"],
            "killed": totals["fatalities"],
            "killed (range)": range_text(None, totals["fatalities_low"], totals["fatalities_high"]),
            "injured": totals["injuries"],
            "injured (range)": range_text(None, totals["injuries_low"], totals["injuries_high"]),
        }]
        emit(rows, fmt, list(rows[0]), title="tally")
    else:
        emit([totals], fmt, list(totals))


@click.command()
@db_option
def demo(db_path: str | None) -> None:
    """Ingest the bundled demo corpus and print its events and a tally."""
    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(corpus) as folder, Ledger(db_path) as ledger:
        click.echo(f"ledger: {ledger.path}", err=True)
        run_ingest(ledger, [folder])
        emit(display_rows(ledger.events()), "table", TABLE_COLUMNS, title="events")
        totals = ledger.tally()
        click.echo(
            f"{totals['events']} events from {totals['first_date']} to {totals['last_date']}: "
            f"{totals['fatalities']} killed (range {range_text(None, totals['fatalities_low'], totals['fatalities_high'])}), "
            f"{totals['injuries']} injured (range {range_text(None, totals['injuries_low'], totals['injuries_high'])})"
        )


@click.command()
@db_option
def check(db_path: str | None) -> None:
    """Check the ledger's consistency (exit code 1 when something is wrong)."""
    with Ledger(db_path) as ledger:
        problems = ledger.check()
        counts = ledger.counts()
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        raise SystemExit(1)
    click.echo("ok")


COMMANDS = [ingest, events, show, tally, demo, check]
