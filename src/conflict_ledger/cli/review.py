"""Merging and review: `merge` (stateless same-event grouping), `review ...` decisions, `history`."""

from __future__ import annotations

import json
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

from ..db import Ledger
from ..ingest import Notice
from .documents import finish, read_documents
from .ledger import TABLE_COLUMNS, display_rows
from .options import ReadOptions, db_option, input_options
from .output import OUTPUT_FORMATS, echo_jsonl, emit


def _extractions(paths: tuple[str, ...], reading: ReadOptions, seen: list[Notice]) -> list[Any]:
    from ..extract import default_pipeline

    console = Console(stderr=True)
    out = []
    with Progress(SpinnerColumn(), TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("extract", total=None)
        for extraction in default_pipeline(reading.scope).run(read_documents(paths, reading, seen)):
            if extraction.error:
                click.echo(f"skipped: {extraction.document.id}: {extraction.error}", err=True)
            out.append(extraction)
            progress.update(task, advance=1)
    return out


@click.command()
@input_options
@click.option("--documents", "by_document", is_flag=True,
              help="One line per document: {doc_id, cluster}, the cluster of its main event.")
@click.option("--reasons", is_flag=True, help="Add each line's merge reasons (score and features).")
def merge(paths: tuple[str, ...], reading: ReadOptions, by_document: bool, reasons: bool) -> None:
    """Group reports of the same happening without storing anything.

    By default one line per event mention with its cluster; with --documents one line per
    document. `ingest` runs the same merging into the ledger, incrementally.
    """
    from ..merge import group_documents
    from ..merge.documents import group_mentions

    seen: list[Notice] = []
    extractions = _extractions(paths, reading, seen)
    if by_document:
        rows = []
        for group in group_documents(extractions):
            row: dict[str, Any] = {"doc_id": group.doc_id, "cluster": group.cluster}
            if reasons:
                row["merge_reasons"] = group.reasons
            rows.append(row)
        echo_jsonl(rows)
    else:
        for mention, placement in group_mentions(extractions):
            row = {"doc_id": mention.doc_id, "cluster": placement.event_id, **mention.as_dict()}
            if not reasons:
                row.pop("evidence", None)
            else:
                row["merge_reasons"] = placement.reasons()
            echo_jsonl([row])
    finish(len(extractions), seen)


@click.group()
def review() -> None:
    """Review decisions on ledger events (each stored with who and when, and versioned)."""


def _who(func: Any) -> Any:
    func = click.option("--note", default=None, help="Why (kept with the decision).")(func)
    return click.option("--who", required=True, help="Reviewer's name (kept with the decision).")(func)


def _apply(action: Any) -> Any:
    from ..merge.review import ReviewError

    try:
        return action()
    except ReviewError as err:
        raise click.ClickException(str(err)) from err


@review.command("accept")
@click.argument("event_id")
@_who
@db_option
def review_accept(event_id: str, who: str, note: str | None, db_path: str | None) -> None:
    """Mark an event as checked."""
    with Ledger(db_path) as ledger:
        version = _apply(lambda: ledger.accept(event_id, who, note))
    click.echo(f"{event_id}: accepted (version {version})")


@review.command("reject")
@click.argument("event_id")
@_who
@db_option
def review_reject(event_id: str, who: str, note: str | None, db_path: str | None) -> None:
    """Leave an event out of lists and counts (kept, with its history)."""
    with Ledger(db_path) as ledger:
        version = _apply(lambda: ledger.reject(event_id, who, note))
    click.echo(f"{event_id}: rejected (version {version})")


@review.command("edit")
@click.argument("event_id")
@click.argument("field")
@click.argument("value")
@_who
@db_option
def review_edit(event_id: str, field: str, value: str, who: str, note: str | None, db_path: str | None) -> None:
    """Set FIELD of an event to VALUE ('null' clears it); later reports do not undo it."""
    with Ledger(db_path) as ledger:
        version = _apply(lambda: ledger.edit(event_id, field, value, who, note))
    click.echo(f"{event_id}: {field} set (version {version})")


@review.command("split")
@click.argument("event_id")
@click.argument("mention_ids", nargs=-1, required=True, type=int)
@_who
@db_option
def review_split(event_id: str, mention_ids: tuple[int, ...], who: str, note: str | None, db_path: str | None) -> None:
    """Move MENTION_IDS (see `show EVENT_ID`) out of an event into a new one."""
    with Ledger(db_path) as ledger:
        new_id = _apply(lambda: ledger.split(event_id, mention_ids, who, note))
    click.echo(f"{event_id}: split; new event {new_id}")
    click.echo(new_id)


@review.command("merge")
@click.argument("event_ids", nargs=-1, required=True)
@_who
@db_option
def review_merge(event_ids: tuple[str, ...], who: str, note: str | None, db_path: str | None) -> None:
    """Merge events into the first one given (its id survives)."""
    with Ledger(db_path) as ledger:
        survivor = _apply(lambda: ledger.merge(event_ids, who, note))
    click.echo(f"merged into {survivor}")


@review.command("queue")
@db_option
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
def review_queue(db_path: str | None, limit: int, fmt: str) -> None:
    """Unreviewed events, the least confident first."""
    with Ledger(db_path) as ledger:
        rows = ledger.review_queue(limit)
    if fmt == "table":
        emit(display_rows(rows), fmt, ("confidence", *TABLE_COLUMNS), title="review queue")
    else:
        emit(rows, fmt, list(rows[0]) if rows else ["event_id"])


@click.command()
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def history(event_id: str, db_path: str | None, fmt: str) -> None:
    """Every version of an event: what changed, who, when, and the event as it then stood."""
    with Ledger(db_path) as ledger:
        versions = ledger.history(event_id)
    if not versions:
        raise click.ClickException(f"no event {event_id!r} in the ledger")
    if fmt == "json":
        click.echo(json.dumps(versions, ensure_ascii=False, indent=1, default=str))
        return
    rows = []
    for v in versions:
        e = v["event"]
        rows.append({"version": v["version"], "changed_at": v["changed_at"], "change": v["change"],
                     "who": v["who"], "note": v["note"], "status": e["status"], "event_date": e["event_date"],
                     "location": e["location"], "killed": e["fatalities"], "injured": e["injuries"],
                     "reports": len(e["doc_ids"])})
    emit(rows, "table", list(rows[0]), title=f"history of {event_id}")


COMMANDS = [merge, review, history]
