"""Commands on a ledger file: ingest, events, show, tally, demo, check."""

from __future__ import annotations

import json
from datetime import date
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
from ..query.tally import BY as TALLY_BY
from .options import DATE, ReadOptions, db_option, event_filter, filter_options, input_options
from .output import OUTPUT_FORMATS, RANGE_LEGEND, emit, notices, range_text

TABLE_COLUMNS = ("event_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "country",
                 "killed", "injured", "reports")
CSV_COLUMNS = ("event_id", *EVENT_FIELDS, "sources", "confidence", "doc_ids", "status", "review_status", "version")


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
@click.option("--as-of", "as_of", type=DATE, default=None, help="The ledger as it stood at the end of this day.")
def events(db_path: str | None, fmt: str, limit: int | None, as_of: date | None, **filters: Any) -> None:
    """List ledger events (filters combine with AND)."""
    flt = event_filter(filters)
    with Ledger(db_path) as ledger:
        rows = ledger.events(flt, limit=limit, as_of=as_of)
        if fmt == "table":
            emit(display_rows(rows), fmt, TABLE_COLUMNS)
            click.echo(f"killed / injured: {RANGE_LEGEND}", err=True)
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
@click.option("--by", type=click.Choice(TALLY_BY), default=None,
              help="Count per day, week (from Monday), month, country, admin1, actor1 or type instead of in total.")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Also draw the tally as a PNG chart.")
def tally(db_path: str | None, by: str | None, fmt: str, plot: str | None, **filters: Any) -> None:
    """Count events, fatalities and injuries (best figure and low-high range) over a filter, in total or
    per period or group. A series in a table ends with a sparkline."""
    flt = event_filter(filters)
    with Ledger(db_path) as ledger:
        if by is None:
            totals = ledger.tally(flt)
        else:
            rows = ledger.tally_by(by, flt)
    if by is None:
        if plot:
            raise click.UsageError("--plot draws a tally --by something")
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
        return
    if plot:
        from ..export.chart import plot_tally

        plot_tally(rows, plot, by, title=f"events by {by}: {flt.describe()}")
        click.echo(f"chart written to {plot}", err=True)
    from ..query.tally import group_keys

    keys = group_keys(by)
    columns = (*keys, "events", "fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low",
               "injuries_high")
    if fmt != "table":
        emit(rows, fmt, columns)
        return
    # a group with no value (an event at sea has no country) is named, not left a blank row
    shown = [{**r, **{k: "(none)" for k in keys if r.get(k) in (None, "")},
              "killed (range)": range_text(None, r["fatalities_low"], r["fatalities_high"]),
              "injured (range)": range_text(None, r["injuries_low"], r["injuries_high"])} for r in rows]
    emit(shown, fmt, (*keys, "events", "fatalities", "killed (range)", "injuries", "injured (range)"),
         title=f"tally by {by}")
    if by in ("day", "week", "month"):
        from ..export.chart import sparkline, squeeze

        dated = [r for r in rows if r["period"] is not None]
        if dated:
            values, per = squeeze([r["events"] for r in dated], 100)
            unit = by if per == 1 else f"{per} {by}s"
            click.echo(f"{dated[0]['period']} .. {dated[-1]['period']}  {sparkline(values)}  "
                       f"(one mark per {unit}, max {max(values)})")


@click.command()
@db_option
def demo(db_path: str | None) -> None:
    """Ingest the bundled demo corpus and print its events and a tally."""
    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(corpus) as folder, Ledger(db_path) as ledger:
        click.echo(f"ledger: {ledger.path}", err=True)
        run_ingest(ledger, [folder])
        emit(display_rows(ledger.events()), "table", TABLE_COLUMNS, title="events")
        click.echo(f"killed / injured: {RANGE_LEGEND}")
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
