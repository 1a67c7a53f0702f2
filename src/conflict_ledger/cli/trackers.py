"""`conflict-ledger tracker ...`: named, saved queries with a running count, numbered events and a series."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console

from ..db import Ledger
from ..query.tally import PERIODS
from ..query.trackers import TrackerError, load_tracker_file, make_tracker
from .options import db_option, event_filter, filter_options
from .output import OUTPUT_FORMATS, emit, range_text

EVENT_COLUMNS = ("n", "event_date", "sub_event_type", "actor1", "actor2", "place", "killed", "injured", "sources",
                 "event_id")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def figure_text(fig: dict[str, Any]) -> str:
    """'3 (low 3, high 9)' or '40 (low 34, no upper bound)'."""
    high = "no upper bound" if fig["high"] is None else f"high {fig['high']}"
    if fig["low"] == fig["best"] and fig["high"] == fig["best"]:
        return str(fig["best"])
    return f"{fig['best']} (low {fig['low']}, {high})"


class TrackerErrors(click.Group):
    """Tracker problems (unknown name, bad file) become one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=TrackerErrors)
def tracker() -> None:
    """Trackers: named, saved queries ("attacks on U.S. forces since 2023-10-17") and their running counts."""


@tracker.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice((*OUTPUT_FORMATS, "yaml")), default="table", show_default=True,
              help="yaml prints the definitions as a file `tracker load` reads back.")
def list_trackers(db_path: str | None, fmt: str) -> None:
    """The ledger's trackers (saved ones, then the bundled examples) with their current counts."""
    with Ledger(db_path) as ledger:
        rows = ledger.trackers()
        if fmt == "yaml":
            for row in rows:
                click.echo(ledger.tracker(row["name"]).to_yaml())
            return
        for row in rows:
            row["count"] = ledger.tracker_count(row["name"])["count"]
    if fmt == "table":
        for row in rows:
            row["filter"] = ledger_describe(row["definition"])
        emit(rows, fmt, ("name", "title", "count", "origin", "filter"), title="trackers")
    else:
        emit(rows, fmt, ("name", "title", "count", "origin", "definition"))


def ledger_describe(definition: dict[str, Any]) -> str:
    return "; ".join(f"{k} {' or '.join(map(str, v)) if isinstance(v, list) else v}"
                     for k, v in definition.items() if k not in ("description", "claims", "series"))


@tracker.command("show")
@click.argument("name")
@db_option
@click.option("--file", "tracker_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the tracker from this YAML file instead of the ledger's saved trackers.")
@click.option("--by", "series", type=click.Choice(PERIODS), default=None,
              help="Series step (default: the tracker's own, usually week).")
@click.option("--last", type=int, default=None, help="List only the last N events (numbering is kept).")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
              help="json: the whole report; jsonl/csv: the numbered events.")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Also draw the series as a PNG chart.")
def show_tracker(name: str, db_path: str | None, tracker_file: str | None, series: str | None, last: int | None,
                 fmt: str, plot: str | None) -> None:
    """The running count, fatalities and injuries (low/best/high), the numbered events and the series."""
    with Ledger(db_path) as ledger:
        if tracker_file:
            chosen = next((t for t in load_tracker_file(tracker_file) if t.name == name), None)
            if chosen is None:
                raise click.ClickException(f"{tracker_file} has no tracker named {name!r}")
            from ..query.trackers import tracker_report

            report = tracker_report(ledger.conn, chosen, series)
        else:
            report = ledger.tracker_report(name, series)
    if plot:
        from ..export.chart import plot_tally

        plot_tally(report["series"], plot, report["series_step"], title=f"{report['title']}: {report['count']} events")
        click.echo(f"chart written to {plot}", err=True)
    events = report["events"][-last:] if last else report["events"]
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    elif fmt in ("jsonl", "csv"):
        emit(events, fmt, ("n", "event_id", "event_date", "location", "admin1", "country", "actor1", "actor2",
                           "sub_event_type", "fatalities", "injuries", "sources", "doc_ids"))
    else:
        print_report(report, events)


def print_report(report: dict[str, Any], events: list[dict[str, Any]]) -> None:
    from ..export.chart import sparkline, squeeze

    console = Console(width=max(120, Console().width))
    console.print(f"[bold]{report['title']}[/bold]  ({report['name']})")
    console.print(f"filter: {report['describe']}", style="dim")
    span = f" from {report['first_date']} to {report['last_date']}" if report["count"] else ""
    console.print(f"[bold]{report['count']}[/bold] events{span}; "
                  f"killed {figure_text(report['fatalities'])}; injured {figure_text(report['injuries'])}")
    rows = []
    for event in events:
        place = ", ".join(dict.fromkeys(p for p in (event["location"], event["admin1"], event["country"]) if p))
        rows.append({**event, "n": ordinal(event["n"]), "place": place,
                     "killed": range_text(event["fatalities"], event["fatalities_low"], event["fatalities_high"]),
                     "injured": range_text(event["injuries"], event["injuries_low"], event["injuries_high"])})
    if rows:
        emit(rows, "table", EVENT_COLUMNS, title="events, in order")
    dated = [r for r in report["series"] if r["period"] is not None]
    if dated:
        step = report["series_step"]
        values, per = squeeze([r["events"] for r in dated], 100)
        unit = step if per == 1 else f"{per} {step}s"
        console.print(f"per {step}, {dated[0]['period']} .. {dated[-1]['period']}: "
                      f"{sparkline(values)}  (one mark per {unit}, max {max(values)})")
        emit([r for r in report["series"] if r["events"]], "table", ("period", "events", "fatalities", "injuries"),
             title=f"events per {step} (periods with events)")


@tracker.command("add")
@click.argument("name")
@click.option("--title", required=True, help="What the tracker counts, in words.")
@filter_options
@click.option("--sub-type", "sub_event_type", multiple=True, help="ACLED sub-event type (repeatable).")
@click.option("--series", type=click.Choice(PERIODS), default="week", show_default=True)
@click.option("--claim", "claims", multiple=True,
              help="A wording of the counts reports give that this tracker answers, e.g. 'attacks on U.S. forces'.")
@db_option
def add_tracker(name: str, title: str, sub_event_type: tuple[str, ...], series: str, claims: tuple[str, ...],
                db_path: str | None, **filters: Any) -> None:
    """Save a tracker made from the same filters as `events` (actor values may be kind:TAG or unknown)."""
    flt = event_filter(filters, validate=False)
    data = {"title": title, **flt.to_dict(), "series": series, "claims": list(claims)}
    if sub_event_type:
        data["sub_event_type"] = list(sub_event_type)
    made = make_tracker(name, data, origin="command")
    with Ledger(db_path) as ledger:
        ledger.save_tracker(made)
        count = ledger.tracker_count(name)["count"]
    click.echo(f"saved tracker {name!r}: {count} event(s) now")


@tracker.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
def load_trackers(path: str, db_path: str | None) -> None:
    """Save every tracker in a YAML file (a file with a problem is refused whole, with its line)."""
    with Ledger(db_path) as ledger:
        names = ledger.load_trackers(path)
    click.echo(f"saved {len(names)} tracker(s): {', '.join(names)}")


@tracker.command("check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def check_trackers(path: str) -> None:
    """Check a tracker file without saving it."""
    trackers = load_tracker_file(path)
    for t in trackers:
        click.echo(f"{t.name}: {t.filter.describe()}")
    click.echo(f"{len(trackers)} tracker(s), no problems")


@tracker.command("remove")
@click.argument("name")
@db_option
def remove_tracker(name: str, db_path: str | None) -> None:
    """Delete a saved tracker (bundled examples cannot be removed, only shadowed)."""
    with Ledger(db_path) as ledger:
        removed = ledger.remove_tracker(name)
    if not removed:
        raise click.ClickException(f"no saved tracker named {name!r}")
    click.echo(f"removed tracker {name!r}")


COMMANDS = [tracker]
