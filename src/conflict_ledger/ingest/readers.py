"""Read documents from files and folders: dated text, JSONL, CSV, HTML, RSS/Atom.

Every reader yields `Document`s and `Notice`s. A bad file or line becomes a Notice with a
one-line reason and never stops the rest of the batch: users feed scraped folders, and one
broken file must not cost them the other thousand.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Document

FORMATS = ("text", "jsonl", "csv", "html", "feed")
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
# One text, HTML, CSV or feed file larger than this is refused (JSONL is streamed, any size).
HUGE_FILE_BYTES = 256 * 1024 * 1024
# A single document longer than this is not one article (a dump, a mis-split file): refused with the reason.
MAX_DOCUMENT_CHARS = 1_000_000
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\r?\n)?", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Notice:
    """Something the user must be told about one input: a skip (nothing read) or a warning."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{'skipped' if self.skipped else 'warning'}: {self.where}: {self.message}"


class InputError(ValueError):
    """A whole input cannot be read; the message is the one-line reason shown to the user."""


def parse_published(value: object) -> date | None:
    """A publication date from `YYYY-MM-DD` (or a longer ISO timestamp); None when empty."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError as err:
        raise InputError(f"bad publication date {text[:40]!r} (expected YYYY-MM-DD)") from err


def detect_format(path: Path, head: bytes) -> str | None:
    """Pick a reader by suffix, else by a look at the first bytes."""
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt:
        return fmt
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<?xml") and (b"<rss" in head[:2000] or b"<feed" in head[:2000]):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"date "):
        return "text"
    return None


def decode(raw: bytes, where: str) -> tuple[str, Notice | None]:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer is sure of.

    Raises InputError for binary or undecodable content rather than guessing garbage.
    """
    if not raw.strip():
        raise InputError("empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as err:
            raise InputError(f"broken UTF-16 text ({err.reason})") from err
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text document")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        first_error = err
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError(
            f"not UTF-8 (invalid byte at offset {first_error.start}) and no other encoding fits"
        )
    text = raw.decode(best.encoding, errors="replace")
    return text, Notice(where, f"not UTF-8; decoded as {best.encoding}", skipped=False)


def read_paths(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    published: date | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Iterator[Document | Notice]:
    """Documents from files and folders (recursively), in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            usable = [p for p in files if fmt or p.suffix.lower() in SUFFIX_FORMATS]
            if not usable:
                yield Notice(str(path), "folder holds no supported files (.txt .jsonl .csv .html .xml .rss)")
            for child in usable:
                yield from _limit(read_file(child, fmt, published), max_chars)
        else:
            yield from _limit(read_file(path, fmt, published), max_chars)


def _limit(items: Iterator[Document | Notice], max_chars: int) -> Iterator[Document | Notice]:
    """Refuse single documents too big to be one article (a dump, a mis-split file), with the reason."""
    for item in items:
        if isinstance(item, Document) and len(item.text) > max_chars:
            yield Notice(
                item.path or item.id,
                f"document too large ({len(item.text):,} characters; the limit is {max_chars:,}: "
                "split it into articles or raise --max-chars)",
            )
        else:
            yield item


def read_file(path: Path, fmt: str | None = None, published: date | None = None) -> Iterator[Document | Notice]:
    where = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
        size = path.stat().st_size
    except FileNotFoundError:
        yield Notice(where, "no such file")
        return
    except OSError as err:
        yield Notice(where, f"cannot read: {err.strerror or err}")
        return
    fmt = fmt or detect_format(path, head) or "text"
    if fmt == "jsonl":
        # JSONL files can hold millions of documents: stream them line by line
        yield from _stream_jsonl(path, published)
        return
    if size > HUGE_FILE_BYTES:
        yield Notice(where, f"file too large for one {fmt} input ({size // 2**20} MiB; the limit is "
                     f"{HUGE_FILE_BYTES // 2**20} MiB): split it, or use JSONL, which is read line by line")
        return
    try:
        raw = path.read_bytes()
        text, warning = decode(raw, where)
    except OSError as err:
        yield Notice(where, f"cannot read: {err.strerror or err}")
        return
    except InputError as err:
        yield Notice(where, str(err))
        return
    if warning:
        yield warning
    reader = {"text": _read_text, "csv": _read_csv, "html": _read_html, "feed": _read_feed}[fmt]
    yield from reader(path, text, published)


def _read_text(path: Path, text: str, published: date | None) -> Iterator[Document | Notice]:
    """The seed format: `date YYYY-MM-DD` then the article (same line or the next)."""
    where = str(path)
    header = DATE_HEADER.match(text)
    if header:
        if not ISO_DATE.match(header.group(1)):
            yield Notice(where, f"bad date header {header.group(1)[:30]!r} (expected `date YYYY-MM-DD`)")
            return
        try:
            published = parse_published(header.group(1))
        except InputError as err:
            yield Notice(where, str(err))
            return
        body_start = header.end()
    else:
        body_start = 0
        if published is None:
            yield Notice(
                where,
                "no `date YYYY-MM-DD` header: publication date unknown, relative dates stay unresolved "
                "(give --published YYYY-MM-DD)",
                skipped=False,
            )
    body = text[body_start:]
    if not body.strip():
        yield Notice(where, "empty article (only a date header)")
        return
    yield Document(id=path.name, text=body, published=published, path=where)


def _document_from_record(record: dict, fallback_id: str, where: str, published: date | None) -> Document:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("no `text` field" if text is None else "`text` is not a string")
    if not text.strip():
        raise InputError("empty article text")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else fallback_id
    given = parse_published(record.get("published"))

    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return Document(
        id=doc_id,
        text=text,
        published=given or published,
        title=opt("title"),
        url=opt("url"),
        source=opt("source"),
        path=where,
    )


def _stream_jsonl(path: Path, published: date | None) -> Iterator[Document | Notice]:
    """One document per line; a bad line is skipped with its line number, the rest still read."""
    seen_any = False
    fallback: str | None = None
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Notice(str(path), f"cannot read: {err.strerror or err}")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            seen_any = True
            where = f"{path}:{lineno}"
            if lineno == 1 and b"\x00" in raw[:4096]:
                yield Notice(str(path), "binary file (contains NUL bytes), not JSON lines")
                return
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    fallback = fallback or _guess_encoding(path)
                    line = raw.decode(fallback)
                except (UnicodeDecodeError, LookupError):
                    yield Notice(where, "line is not valid UTF-8 and no other encoding fits")
                    continue
                yield Notice(where, f"line is not UTF-8; decoded as {fallback}", skipped=False)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield Notice(where, f"malformed JSON line ({err.msg} at column {err.colno})")
                continue
            if not isinstance(record, dict):
                yield Notice(where, "JSON line is not an object")
                continue
            try:
                yield _document_from_record(record, f"{path.name}:{lineno}", where, published)
            except InputError as err:
                yield Notice(where, str(err))
    if not seen_any:
        yield Notice(str(path), "empty file")


def _guess_encoding(path: Path) -> str:
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None or best.encoding.replace("_", "-").lower() in ("utf-8", "utf-8-sig", "ascii"):
        return "cp1252"
    return best.encoding


def _read_csv(path: Path, text: str, published: date | None) -> Iterator[Document | Notice]:
    try:
        rows = csv.DictReader(io.StringIO(text))
        if not rows.fieldnames or "text" not in rows.fieldnames:
            yield Notice(str(path), "CSV has no `text` column")
            return
        for rowno, row in enumerate(rows, 2):
            where = f"{path}:{rowno}"
            try:
                yield _document_from_record(row, f"{path.name}:{rowno}", where, published)
            except InputError as err:
                yield Notice(where, str(err))
    except csv.Error as err:
        yield Notice(str(path), f"malformed CSV ({err})")


def _paragraphs(body: str) -> str:
    """Extracted page text with a blank line between paragraphs, as in the text format: trafilatura puts each
    paragraph (and the headline) on a line of its own, and a headline or a dateline is read by the blank line
    after it."""
    return re.sub(r"[ \t]*\n\s*", "\n\n", body.strip())


def _read_html(path: Path, text: str, published: date | None) -> Iterator[Document | Notice]:
    """Main text of a saved web page; trafilatura drops menus, ads and comments."""
    import trafilatura

    where = str(path)
    body = trafilatura.extract(text, include_comments=False, include_tables=False)
    if not body or not body.strip():
        yield Notice(where, "no article text found in the HTML page")
        return
    meta = trafilatura.extract_metadata(text)
    page_date = None
    if meta is not None and meta.date:
        try:
            page_date = parse_published(meta.date)
        except InputError:
            page_date = None
    if page_date is None and published is None:
        yield Notice(where, "page has no publication date: relative dates stay unresolved", skipped=False)
    yield Document(
        id=path.name,
        text=_paragraphs(body),
        published=page_date or published,
        title=getattr(meta, "title", None),
        url=getattr(meta, "url", None),
        source=getattr(meta, "sitename", None),
        path=where,
    )


def _read_feed(path: Path, text: str, published: date | None) -> Iterator[Document | Notice]:
    """Each RSS/Atom entry becomes a document; its summary or content, stripped of markup."""
    import feedparser
    import trafilatura

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield Notice(str(path), f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
        return
    source = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{path}#{n}"
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        body = trafilatura.extract(f"<html><body><p>{html}</p></body></html>") if "<" in html else html
        body = _paragraphs(body or "")
        if not body:
            yield Notice(where, "feed entry without text")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        entry_date = date(when.tm_year, when.tm_mon, when.tm_mday) if when else published
        yield Document(
            id=str(entry.get("id") or entry.get("link") or f"{path.name}#{n}"),
            text=(entry.get("title", "") + "\n\n" + body) if entry.get("title") else body,
            published=entry_date,
            title=entry.get("title"),
            url=entry.get("link"),
            source=source,
            path=where,
        )
