"""The order a batch's reports are merged in: by publication, so the ledger does not depend on it.

Merging is incremental: a report joins the events already in the ledger. So which reports came
first can decide which events form (an early vague report founds an event that a later precise
one then joins, or not). Reading a batch in publication order, as the news arrived, makes the
outcome the same for a folder read in name order, a file listed backwards or a shuffled feed.
A huge stream is ordered chunk by chunk, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TypeVar

from ..model import Document

CHUNK = 5000  # documents held and ordered at once; a batch up to this size merges the same in any order
Item = TypeVar("Item")


def publication_key(doc: Document) -> tuple:
    """Dated reports by publication day, undated ones after; ties by id, which no reading order changes."""
    return (doc.published is None, doc.published or date.min, doc.id, doc.content_hash)


def publication_order(items: Iterable[Item], chunk: int = CHUNK) -> Iterator[Item]:
    """`items` with its documents in publication order, `chunk` at a time; anything else passes at once."""
    held: list[Document] = []
    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        held.append(item)
        if len(held) >= chunk:
            yield from sorted(held, key=publication_key)  # type: ignore[misc]
            held = []
    yield from sorted(held, key=publication_key)  # type: ignore[misc]
