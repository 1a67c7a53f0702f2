"""`geoparse`: every place name of documents, resolved against the embedded gazetteer."""

from __future__ import annotations

import click

from ..ingest import Notice
from .documents import finish, read_documents
from .options import ReadOptions, input_options
from .output import echo_jsonl

GEOPARSE_FIELDS = ("doc_id", "start", "end", "name", "latitude", "longitude", "geonameid", "country", "feature")


@click.command()
@input_options
@click.option("--details", is_flag=True, help="Also print admin1, admin2, location, geo_precision and roles.")
@click.option("--all-names", is_flag=True,
              help="Also print names the gazetteer does not know (with null coordinates).")
@click.option("--rebuild-gazetteer", is_flag=True, help="Build the gazetteer file again before starting.")
def geoparse(paths: tuple[str, ...], reading: ReadOptions, details: bool, all_names: bool,
             rebuild_gazetteer: bool) -> None:
    """Print one JSON line per place name found in documents (SCHEMA.md geoparse shape).

    A name the gazetteer cannot resolve is left out (or printed with null coordinates with
    --all-names); it never stops the rest.
    """
    from ..extract.placing import geoparse as run_geoparse
    from ..resolve.gazetteer import open_gazetteer

    if rebuild_gazetteer:
        open_gazetteer(rebuild=True)
    seen: list[Notice] = []
    read = 0
    for document, places in run_geoparse(read_documents(paths, reading, seen), every_sentence=all_names):
        read += 1
        rows = []
        for place in places:
            if not (place.resolved or all_names):
                continue
            row = {"doc_id": document.id, **place.as_dict()}
            if not details:
                row = {name: row[name] for name in GEOPARSE_FIELDS}
            else:
                row.pop("country_code", None)
            rows.append(row)
        echo_jsonl(rows)
    finish(read, seen)


COMMANDS = [geoparse]
