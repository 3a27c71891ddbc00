"""Parsing YAML with libyaml when PyYAML was built with it (the pure-Python parser is 15–50× slower).

Contract: :data:`SAFE_LOADER` is the fastest safe loader available — the same nodes and marks as
``yaml.SafeLoader``; :func:`load_table` parses a table paldocs ships or a user's templates folder provides
(kinds, unit vocabulary, clauses) and raises what ``yaml.safe_load`` raises. Data files go through
:mod:`paldocs.model.yaml_reader`, which adds positions, limits and located errors on top of the same loader.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_table(text: str) -> Any:
    """``yaml.safe_load`` through :data:`SAFE_LOADER` (a cold build parses several shipped tables)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 — a safe loader
