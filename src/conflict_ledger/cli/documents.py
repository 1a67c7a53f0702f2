"""Stateless commands: read documents, print what the pipeline finds, store nothing."""

from __future__ import annotations

from collections.abc import Iterator

import click

from ..ingest import Notice, read_paths
from ..model import Document
from .options import ReadOptions, input_options
from .output import echo_jsonl


def read_documents(paths: tuple[str, ...], reading: ReadOptions, seen: list[Notice]) -> Iterator[Document]:
    """Documents from `paths`; notices go to stderr as they come and are kept in `seen`."""
    for item in read_paths(paths, **reading.kwargs()):
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
    for extraction in default_pipeline().run(read_documents(paths, reading, seen)):
        read += 1
        if extraction.error:
            click.echo(f"skipped: {extraction.document.id}: {extraction.error}", err=True)
            continue
        echo_jsonl(m.as_dict() for m in extraction.mentions)
    finish(read, seen)


@click.command()
@input_options
def claims(paths: tuple[str, ...], reading: ReadOptions) -> None:
    """Print the running-tally claims in documents ("the 66th attack since Oct. 17")."""
    from ..extract import default_pipeline

    seen: list[Notice] = []
    read = 0
    for extraction in default_pipeline().run(read_documents(paths, reading, seen)):
        read += 1
        echo_jsonl(c.as_dict() for c in extraction.claims)
    finish(read, seen)


COMMANDS = [extract, claims]
