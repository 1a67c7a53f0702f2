"""Stateless commands: read documents, print what the pipeline finds, store nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import click

from ..ingest import Notice, read_paths
from ..model import Document
from .options import ReadOptions, existing_ledger, input_options
from .output import OUTPUT_FORMATS, echo_jsonl, emit


def read_documents(paths: tuple[str, ...], reading: ReadOptions, seen: list[Notice]) -> Iterator[Document]:
    """Documents from `paths`; notices go to stderr as they come and are kept in `seen`."""
    for item in read_paths(paths, **reading.read_kwargs()):
        if isinstance(item, Notice):
            click.echo(str(item), err=True)
            seen.append(item)
        else:
            yield item


def finish(read: int, seen: list[Notice]) -> None:
    skipped = sum(n.skipped for n in seen)
    click.echo(f"{read} document(s) read, {skipped} skipped", err=True)
    if read == 0:
        raise SystemExit(1)


@click.command()
@input_options
def extract(paths: tuple[str, ...], reading: ReadOptions) -> None:
    """Print the events found in documents, one JSON line per event (SCHEMA.md shape)."""
    from ..extract import default_pipeline

    seen: list[Notice] = []
    read = 0
    for extraction in default_pipeline(reading.scope).run(read_documents(paths, reading, seen)):
        read += 1
        if extraction.error:
            click.echo(f"skipped: {extraction.document.id}: {extraction.error}", err=True)
            continue
        echo_jsonl(m.as_dict() for m in extraction.mentions)
    finish(read, seen)


@click.command()
@input_options(paths_required=False)
@click.option("--db", "db_path", is_flag=False, flag_value="", default=None, type=click.Path(dir_okay=False),
              help="Set claims beside the ledger's own counts: with no PATH, every claim stored in the ledger "
                   "(default ledger when no file is given); with PATHs, the claims found in them.")
@click.option("--output", "output", type=click.Choice(OUTPUT_FORMATS), default=None,
              help="How to print claims beside the ledger (default: table; jsonl without --db).")
def claims(paths: tuple[str, ...], reading: ReadOptions, db_path: str | None, output: str | None) -> None:
    """Print the running-tally claims in documents ("the 66th attack since Oct. 17"), or, with --db,
    each claim beside the ledger's count for the same window: agree, ledger higher or ledger lower."""
    from ..extract import default_pipeline

    if db_path is None:
        if not paths:
            raise click.UsageError("give PATH... to read claims from, or --db to compare stored claims with the ledger")
        seen: list[Notice] = []
        read = 0
        for extraction in default_pipeline(reading.scope).run(read_documents(paths, reading, seen)):
            read += 1
            echo_jsonl(c.as_dict() for c in extraction.claims)
        finish(read, seen)
        return
    from ..db import Ledger

    existing_ledger(click.get_current_context(), None, db_path)
    with Ledger(db_path or None) as ledger:
        if paths:
            seen = []
            found = []
            read = 0
            for extraction in default_pipeline(reading.scope).run(read_documents(paths, reading, seen)):
                read += 1
                doc = extraction.document
                for claim in extraction.claims:
                    row = claim.as_dict()
                    row["published"] = doc.published.isoformat() if doc.published else None
                    row["outlet"] = doc.source
                    row["count_text"] = (row["evidence"].get("count") or [{}])[0].get("text")
                    found.append(row)
            rows = ledger.compare_claims(found)
            finish(read, seen)
        else:
            rows = ledger.claims_vs_ledger()
    print_claims(rows, output or "table")


CLAIM_COLUMNS = ("published", "doc_id", "claim", "window", "tracker", "ledger_count", "verdict", "gap")


def print_claims(rows: list[dict], output: str) -> None:
    """Claims beside the ledger: a table for people, every field for machines."""
    if output != "table":
        emit(rows, output, ("doc_id", "published", "attributed_to", "count", "claimed_low", "claimed_high", "counted",
                            "since", "until", "tracker", "ledger_count", "verdict", "difference", "missing_event_ids",
                            "extra_event_ids", "text"))
        return
    shown = []
    for row in rows:
        low, high = row["claimed_low"], row["claimed_high"]
        figure = "?" if low is None else str(low) if low == high else f"{low}+" if high is None else f"{low}-{high}"
        gap = ""
        for key, what in (("missing_event_ids", "uncounted, a field unknown"), ("extra_event_ids", "possible duplicates")):
            ids = row[key]
            if ids:
                more = f" (+{len(ids) - 3})" if len(ids) > 3 else ""
                gap = f"{len(ids)} {what}: {', '.join(ids[:3])}{more}"
        verdict = row["verdict"] + (f" ({row['difference']:+d})" if row.get("difference") else "")
        shown.append({**row, "verdict": verdict, "claim": f"{figure} {row.get('counted') or ''}"
                                      + (f" ({row['attributed_to']})" if row.get("attributed_to") else ""),
                      "window": f"{row.get('since') or '?'} .. {row.get('until') or '?'}", "gap": gap})
    emit(shown, "table", CLAIM_COLUMNS, title="claims beside the ledger")
    verdicts = Counter(r["verdict"] for r in rows)
    click.echo(", ".join(f"{n} {v}" for v, n in verdicts.most_common()) or "no claims", err=True)


COMMANDS = [extract, claims]
