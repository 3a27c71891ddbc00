"""Helpers for rule tests: run the checks on a variant of a valid data file, keep one rule's findings.

``run_rule(tmp_path, "PD029", changes)`` writes tests/data/ostroda-2024-pal.yaml with ``changes`` applied
(a dict merged into the YAML mapping: nested dicts merge, lists and values replace; a value ``DELETE`` removes
the key) and returns the findings of that rule only. ``run_rule_on(path, …)`` checks an existing file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from conftest import TESTS

from paldocs.checks import Finding, check_file

BASE = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 25)
DELETE = object()


def merged(base: Any, changes: Any) -> Any:
    if isinstance(base, dict) and isinstance(changes, dict):
        result = dict(base)
        for key, value in changes.items():
            if value is DELETE:
                result.pop(key, None)
            else:
                result[key] = merged(base.get(key), value)
        return result
    return changes


def write_variant(tmp_path: Path, changes: dict[str, Any], name: str = "dane.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(merged(BASE, changes), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_rule_on(path: Path, rule_id: str, today: dt.date = TODAY) -> list[Finding]:
    return [finding for finding in check_file(path, today=today) if finding.rule == rule_id]


def run_rule(tmp_path: Path, rule_id: str, changes: dict[str, Any] | None = None,
             today: dt.date = TODAY) -> list[Finding]:
    return run_rule_on(write_variant(tmp_path, changes or {}), rule_id, today)
