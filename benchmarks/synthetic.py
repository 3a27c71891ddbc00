"""Synthetic programs N times the size of the Kętrzyn example, for the benchmarks and the linearity tests.

Contract: :func:`scaled_program` returns the text of a valid data file whose program has the Kętrzyn
program's sections repeated ``factor`` times (every id made unique by a suffix, every heading numbered), the
same resolution and the same municipality profile (referenced by absolute path, so the file can be written
anywhere). Factor 1 is the Kętrzyn data itself, with only the profile path made absolute.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"


def scaled_program(factor: int, source: Path = KETRZYN, *, chapters_on_new_pages: bool = False) -> str:
    """The data file (YAML text) of a program ``factor`` times the size of ``source``'s (with
    ``chapters_on_new_pages``: each chapter but the first opens a page, where the parallel PDF writer can cut)."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    if isinstance(data.get("municipality"), str):
        data["municipality"] = str((source.parent / data["municipality"]).resolve())
    sections = data["program"]["sections"]
    if chapters_on_new_pages:
        data["program"]["chapters_on_new_pages"] = True
    if factor > 1:
        data["program"]["sections"] = [_renamed(section, copy_number) for copy_number in range(1, factor + 1)
                                       for section in sections]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _renamed(section: dict[str, Any], copy_number: int) -> dict[str, Any]:
    renamed = copy.deepcopy(section)
    if renamed.get("heading"):
        renamed["heading"] = f"{renamed['heading']} (część {copy_number})"
    _suffix_ids(renamed, copy_number)
    return renamed


def _suffix_ids(node: Any, copy_number: int) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            node["id"] = f"{node['id']}-{copy_number}"
        for value in node.values():
            _suffix_ids(value, copy_number)
    elif isinstance(node, list):
        for value in node:
            _suffix_ids(value, copy_number)
