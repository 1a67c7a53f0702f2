"""Options shared by several commands, declared once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from ..db import default_db_path
from ..extract.scope import SCOPES
from ..ingest import FORMATS
from ..ingest.readers import MAX_DOCUMENT_CHARS
from ..query import EventFilter


class DateParam(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


DATE = DateParam()


# Commands that may start a new ledger file; every other command reads one and refuses a missing file,
# so a mistyped --db never answers "0 events" from an empty ledger made on the spot.
CREATES_LEDGER = frozenset({"ingest", "demo", "add", "load"})


def existing_ledger(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    path = value or default_db_path()
    if ctx.info_name not in CREATES_LEDGER and not Path(path).is_file():
        raise click.UsageError(
            f"no ledger file {path} (make one with `conflict-ledger ingest PATH... --db {path}` "
            f"or `conflict-ledger demo --db {path}`)", ctx)
    return value


def db_option(func: Callable) -> Callable:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=None,
        callback=existing_ledger,
        help=f"Ledger file (default: $CONFLICT_LEDGER_DB or {default_db_path()}).",
    )(func)


@dataclass(frozen=True)
class ReadOptions:
    """How to read input documents (forced format, default publication date, size limit) and which kinds of
    event to keep from them (`extract.scope`; None: $CONFLICT_LEDGER_SCOPE, else all)."""

    fmt: str | None = None
    published: date | None = None
    max_chars: int = MAX_DOCUMENT_CHARS
    scope: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """What `Ledger.ingest` takes."""
        return {**self.read_kwargs(), "scope": self.scope}

    def read_kwargs(self) -> dict[str, Any]:
        """Only what the readers take (the scope is the pipeline's)."""
        return {"fmt": self.fmt, "published": self.published, "max_chars": self.max_chars}


def input_options(func: Callable | None = None, *, paths_required: bool = True) -> Callable:
    """PATH... plus --format, --published, --max-chars and --scope, handed to the command as `reading`."""
    if func is None:
        return functools.partial(input_options, paths_required=paths_required)

    @functools.wraps(func)
    def command(*args: Any, fmt: str | None, published: date | None, max_chars: int, scope: str | None,
                **kwargs: Any) -> Any:
        return func(*args, reading=ReadOptions(fmt, published, max_chars, scope), **kwargs)

    for decorator in (
        click.option("--scope", type=click.Choice(SCOPES, case_sensitive=False), default=None,
                     envvar="CONFLICT_LEDGER_SCOPE", show_envvar=True,
                     help="Which events to keep: every ACLED kind (all, the default), or violence only: no "
                          "protests, arrests, agreements or troop movements."),
        click.option("--max-chars", type=click.IntRange(min=1), default=MAX_DOCUMENT_CHARS, show_default=True,
                     help="Refuse single documents longer than this (not one article)."),
        click.option("--published", type=DATE, default=None, help="Publication date for text without a `date` header."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Force the input format (default: detect)."),
        click.argument("paths", nargs=-1, required=paths_required, type=click.Path()),
    ):
        command = decorator(command)
    return command


def filter_options(func: Callable) -> Callable:
    """The event filters of `events`, `tally` and friends."""
    for decorator in reversed(
        [
            click.option("--since", type=DATE, help="Events on or after this date."),
            click.option("--until", type=DATE, help="Events on or before this date."),
            click.option("--country", multiple=True, help="Country name (repeatable)."),
            click.option("--admin1", multiple=True, help="First-level region, e.g. 'Al Anbar' (repeatable)."),
            click.option("--type", "event_type", multiple=True,
                         help="ACLED event type or sub-event type, e.g. 'Air/drone strike' (repeatable)."),
            click.option("--actor", multiple=True, help="Actor (either side), name or alias (repeatable)."),
            click.option("--actor1", multiple=True, help="Attacking actor, name or alias (repeatable)."),
            click.option("--actor2", multiple=True, help="Targeted actor, name or alias (repeatable)."),
            click.option("--min-confidence", type=float, default=None, help="Only events at least this confident."),
            click.option("--include-rejected", is_flag=True, default=False, help="Also events a reviewer rejected."),
            click.option("--scope", "scope", type=click.Choice(SCOPES, case_sensitive=False), default=None,
                         help="violence: only the kinds of event `extract --scope violence` keeps (no protests, "
                              "arrests, agreements...)."),
        ]
    ):
        func = decorator(func)
    return func


OPTION_OF_FIELD = {"event_type": "--type", "sub_event_type": "--sub-type", "min_confidence": "--min-confidence"}


def event_filter(kwargs: dict[str, Any], validate: bool = True) -> EventFilter:
    """Build an EventFilter from the filter options, removing them from `kwargs`.

    With `validate`, a value that names nothing known (a misspelt type, an unknown actor kind) or
    a filter that can never match is a usage error naming the option.
    """
    from ..query.filters import FilterError

    flt = EventFilter(
        since=kwargs.pop("since", None),
        until=kwargs.pop("until", None),
        country=tuple(kwargs.pop("country", ())),
        admin1=tuple(kwargs.pop("admin1", ())),
        event_type=tuple(kwargs.pop("event_type", ())),
        actor=tuple(kwargs.pop("actor", ())),
        actor1=tuple(kwargs.pop("actor1", ())),
        actor2=tuple(kwargs.pop("actor2", ())),
        min_confidence=kwargs.pop("min_confidence", None),
        include_rejected=kwargs.pop("include_rejected", False),
        scope=kwargs.pop("scope", None),
    )
    if validate:
        try:
            flt.validate()
        except FilterError as err:
            option = OPTION_OF_FIELD.get(err.field, "--" + err.field.replace("_", "-"))
            raise click.BadParameter(err.message, param_hint=f"'{option}'") from err
    return flt
