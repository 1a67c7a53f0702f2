"""The `conflict-ledger` command: a thin layer over the library, split by command group."""

from __future__ import annotations

import click

from .. import __version__


class LedgerGroup(click.Group):
    """Turns the library's user-facing errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        from ..extract.scope import ScopeError
        from ..store import LedgerFileError

        try:
            return super().invoke(ctx)
        except (LedgerFileError, ScopeError) as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=LedgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflict-ledger")
def main() -> None:
    """Turn dated news reports about political violence into a sourced ledger of events."""


def _register() -> None:
    from . import documents, export, geo, ledger, review, serve, trackers

    for module in (documents, geo, ledger, review, trackers, export, serve):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
