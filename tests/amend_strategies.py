"""Test helpers for amending resolutions: data files built in code, and hypothesis strategies for program pairs.

:func:`make_data` builds a validated resolution of kind "pal" (Gmina Ostróda's profile) around a program and
optional provisions. :func:`program_pairs` draws an OLD program and a NEW one made from it by the changes a
council makes (a new activity, a changed item, a rewritten chapter, a removed item, a new chapter, changed
words): the pairs the round trip amend → consolidate = NEW is tested on.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from paldocs.model.resolution import DataFile

PROFILE = Path(__file__).resolve().parent.parent / "resolutions" / "profiles" / "gmina-ostroda.yaml"


def profile() -> dict[str, Any]:
    return yaml.safe_load(PROFILE.read_text(encoding="utf-8"))


def program_dict(sections: list[dict[str, Any]] | None = None, numbering: str = "roman") -> dict[str, Any]:
    return {
        "title": "Program Aktywności Lokalnej Gminy Ostróda na lata 2021–2027",
        "period": {"from": 2021, "to": 2027},
        "section_numbering": numbering,
        "sections": sections if sections is not None else [
            {"heading": "Wstęp", "content": "Program określa kierunki działań."},
            {"heading": "Cele", "content": "Cele programu:", "items": [
                {"id": "cel-1", "text": "Aktywizacja mieszkańców."},
                {"id": "cel-2", "text": "Integracja społeczna:", "items": [
                    {"text": "seniorów,"}, {"text": "młodzieży."}]},
            ]},
            {"heading": "Działania", "level": 2, "items": [{"text": "Warsztaty."}, {"text": "Spotkania."}]},
            {"heading": "Finansowanie", "content": "| Rok | Kwota |\n|---|---|\n| 2021 | 1000 zł |\n| 2022 | 2000 zł |"},
        ],
    }


def data_dict(program: dict[str, Any] | None = None, provisions: list[Any] | None = None, *,
              number: str | None = "XX/150/2021", date: dt.date | None = dt.date(2021, 3, 30)) -> dict[str, Any]:
    resolution: dict[str, Any] = {"kind": "pal", "provisions": provisions or []}
    if number is not None:
        resolution["number"] = number
    if date is not None:
        resolution["date"] = date
    return {"municipality": profile(), "resolution": resolution,
            "program": program if program is not None else program_dict()}


def make_data(program: dict[str, Any] | None = None, provisions: list[Any] | None = None, **kwargs: Any) -> DataFile:
    return DataFile.model_validate(data_dict(program, provisions, **kwargs))


# --- strategies --------------------------------------------------------------------------------------------

_WORDS = ["program", "gmina", "mieszkańcy", "działania", "seniorzy", "młodzież", "warsztaty", "spotkania",
          "integracja", "rodzina", "wsparcie", "ośrodek", "świetlica", "budżet", "rok", "zadanie", "cel"]
words = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def items(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    item: dict[str, Any] = {"text": draw(words)}
    if depth == 0 and draw(st.booleans()):
        item["items"] = draw(st.lists(items(depth=1), min_size=1, max_size=3))
    return item


@st.composite
def sections(draw: st.DrawFn, first: bool = False) -> dict[str, Any]:
    section: dict[str, Any] = {"heading": draw(words).rstrip(".")}
    if not first and draw(st.integers(0, 3)) == 0:
        section["level"] = 2
    if draw(st.booleans()):
        section["content"] = draw(words)
    if draw(st.booleans()):
        section["items"] = draw(st.lists(items(), min_size=1, max_size=4))
        if draw(st.integers(0, 3)) == 0:
            section["closing"] = draw(words)
    return section


@st.composite
def programs(draw: st.DrawFn) -> dict[str, Any]:
    first = draw(sections(first=True))
    rest = draw(st.lists(sections(), min_size=1, max_size=5))
    return program_dict([first, *rest], numbering=draw(st.sampled_from(["roman", "none", "chapter"])))


def _all_items(program: dict[str, Any]) -> list[list[dict[str, Any]]]:
    lists = []
    for section in program["sections"]:
        if section.get("items"):
            lists.append(section["items"])
            lists.extend(item["items"] for item in section["items"] if item.get("items"))
    return lists


@st.composite
def edits(draw: st.DrawFn, old: dict[str, Any]) -> dict[str, Any]:
    """NEW: OLD with one to four of the changes councils make (each keeps the program valid)."""
    new = copy.deepcopy(old)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["add-item", "change-item", "remove-item", "rewrite-section", "add-section",
                                     "change-words", "remove-section"]))
        lists = _all_items(new)
        sections_ = new["sections"]
        if kind == "add-item" and lists:
            target = draw(st.sampled_from(lists))
            target.insert(draw(st.integers(0, len(target))), {"text": draw(words)})
        elif kind == "change-item" and lists:
            target = draw(st.sampled_from(lists))
            target[draw(st.integers(0, len(target) - 1))]["text"] = draw(words)
        elif kind == "remove-item" and lists:
            target = draw(st.sampled_from(lists))
            if len(target) > 1:
                del target[draw(st.integers(0, len(target) - 1))]
        elif kind == "rewrite-section":
            index = draw(st.integers(0, len(sections_) - 1))
            level = sections_[index].get("level", 1)
            replacement = draw(sections(first=index == 0))
            replacement["level"] = level
            sections_[index] = replacement
        elif kind == "add-section":
            sections_.insert(draw(st.integers(1, len(sections_))), draw(sections()))
        elif kind == "remove-section" and len(sections_) > 2:
            del sections_[draw(st.integers(1, len(sections_) - 1))]
        elif kind == "change-words":
            section = draw(st.sampled_from(sections_))
            if section.get("content"):
                section["content"] = section["content"].replace(section["content"].split()[0], "Nowy", 1)
    for section in new["sections"]:
        if not (section.get("heading") or section.get("content") or section.get("items") or section.get("closing")):
            section["content"] = "Treść."
    return new


@st.composite
def program_pairs(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    old = draw(programs())
    return old, draw(edits(old))
