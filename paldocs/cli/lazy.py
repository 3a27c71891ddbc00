"""A click group whose subcommands are imported only when run (or when ``--help`` describes them).

Contract: :class:`LazyGroup` takes ``lazy_subcommands``, a mapping of command name → ``"module:attribute"``
(click's documented lazy-loading pattern). Listing the commands imports nothing; describing or running one
imports its module only. A name that does not resolve to a click command is a bug in paldocs: it raises.
Called without arguments — the process's own entry (the ``paldocs`` script, ``python -m paldocs``) — the group
sets the process up (:func:`paldocs.cli.exit.prepare_process`) and ends it through
:func:`paldocs.cli.exit.exit_process` (no interpreter teardown); called with arguments
(click's test runner, a program) it behaves as any click command.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click


class LazyGroup(click.Group):
    def __init__(self, *args: Any, lazy_subcommands: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = dict(lazy_subcommands or {})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            return super().__call__(*args, **kwargs)
        from paldocs.cli.exit import exit_process, prepare_process

        prepare_process()
        try:
            super().__call__()  # standalone mode: ends with SystemExit, whatever the outcome
        except SystemExit as stop:
            exit_process(stop.code)
        return None  # not reached: click's standalone mode always exits

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy_subcommands])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands:
            return self.load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def load(self, cmd_name: str) -> click.Command:
        module, _, attribute = self.lazy_subcommands[cmd_name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_subcommands[cmd_name]} is not a click command")
        return command
