"""Pydantic validation errors → messages a municipal clerk understands (Polish).

Contract: :func:`describe_validation_error` takes one pydantic error dict, the root model and the error's
location, and returns ``(message, hint, location)``. For an unknown key the hint names the closest allowed
field ("czy chodziło o …?") and lists the allowed ones; the location may be shortened to the parent when
the error concerns a whole mapping.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

_TYPE_NAMES = {
    "string_type": "tekst",
    "int_type": "liczba całkowita",
    "int_parsing": "liczba całkowita",
    "int_from_float": "liczba całkowita",
    "bool_type": "tak/nie (true/false)",
    "bool_parsing": "tak/nie (true/false)",
    "date_type": "data w postaci RRRR-MM-DD",
    "date_parsing": "data w postaci RRRR-MM-DD",
    "date_from_datetime_parsing": "data w postaci RRRR-MM-DD",
    "list_type": "lista (wiersze zaczynające się od „- ”)",
    "dict_type": "mapa pól (klucz: wartość)",
    "model_type": "mapa pól (klucz: wartość)",
    "model_attributes_type": "mapa pól (klucz: wartość)",
}


def describe_validation_error(error: dict[str, Any], root: type[BaseModel],
                              loc: tuple[str | int, ...]) -> tuple[str, str | None, tuple[str | int, ...]]:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        parent_model = _model_at(root, loc[:-1])
        name = str(loc[-1])
        allowed = sorted(_field_names(parent_model)) if parent_model else []
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
        hint = f"czy chodziło o „{close[0]}”?" if close else None
        if allowed:
            hint = (hint + " " if hint else "") + "Dozwolone pola: " + ", ".join(allowed) + "."
        return f"nieznane pole „{name}”", hint, loc
    if kind == "missing":
        field_model = _model_at(root, loc[:-1])
        description = _field_description(field_model, str(loc[-1])) if field_model else None
        return f"brak wymaganego pola „{loc[-1]}”", description, loc
    if kind == "unknown_kind":
        message, hint = unknown_kind(str(value), error["ctx"]["known"])
        return message, hint, loc
    if kind.startswith("date_") and isinstance(value, str):
        return _describe_written_date(value, loc)
    if kind in _TYPE_NAMES:
        return f"oczekiwano: {_TYPE_NAMES[kind]}; jest: {_show(value)}", None, loc
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"niedozwolona wartość {_show(value)}; dozwolone: {expected.replace(' or ', ', ')}", None, loc
    if kind == "string_too_short":
        return "pole nie może być puste", None, loc
    if kind == "too_short":
        return "lista nie może być pusta", None, loc
    if kind == "string_pattern_mismatch":
        return (f"nieprawidłowy identyfikator {_show(value)}: dozwolone małe litery łacińskie, cyfry i „-”, "
                "np. „cel-1”", None, loc)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(error.get("ctx", {}).values()), "")
        relation = "co najmniej" if kind.startswith("greater") else "co najwyżej"
        return f"wartość {_show(value)} poza zakresem: musi wynosić {relation} {limit}", None, loc
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return message, None, loc
    return f"nieprawidłowa wartość {_show(value)} ({error['msg']})", None, loc


def unknown_kind(key: str, known: Iterable[str]) -> tuple[str, str]:
    """The message and hint for a resolution kind the registry does not have (loader and composer alike)."""
    known = sorted(known)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    hint = (f"czy chodziło o „{close[0]}”? " if close else "") + "Znane rodzaje: " + ", ".join(known) + \
        " (paldocs kinds; własny rodzaj: kinds.yaml i szablon w katalogu --templates)."
    return f"nieznany rodzaj uchwały „{key}”", hint


def _describe_written_date(value: str, loc: tuple[str | int, ...]) -> tuple[str, str | None, tuple[str | int, ...]]:
    """A date written the Polish way ("31 lutego 2024", "25.03.2014 r."): say whether it exists, and the ISO form."""
    from paldocs.errors import DataError
    from paldocs.polish.dates import parse_date

    expected = f"oczekiwano: data w postaci RRRR-MM-DD; jest: {_show(value)}"
    try:
        day = parse_date(value)
    except DataError as error:
        if error.message.startswith("Niepoprawna data"):  # recognised, but no such day: say why
            return f"n{error.message[1:]} (datę zapisuj jako RRRR-MM-DD)", None, loc
        return expected, error.hint, loc
    return expected, f"zapisz: {day.isoformat()}", loc


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "mapa pól"
    if isinstance(value, list):
        return "lista"
    if value is None:
        return "brak wartości"
    text = str(value)
    return f"„{text[:60]}{'…' if len(text) > 60 else ''}”"


def _field_names(model: type[BaseModel]) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


def _field_description(model: type[BaseModel], name: str) -> str | None:
    for field_name, field in model.model_fields.items():
        if name in (field_name, field.alias):
            return field.description
    return None


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (list indexes skipped)."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        model = _as_model(current)
        if model is None:
            return None
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        if field is None:
            return None
        current = field.annotation
    return _as_model(current)


def _as_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            model = _as_model(arg)
            if model is not None:
                return model
    return None
