"""Resolving the house style: the packaged table, then a profile's ``house_style:``, then a user's
``--templates/house-style.yaml``, merged key by key into one complete :class:`HouseStyle`.

Contract:
- :func:`packaged_style` reads ``paldocs_templates/house-style.yaml`` once per process; it must give every
  value of :class:`~paldocs.style.table.HouseStyle` (a :class:`~paldocs.errors.TemplateError` otherwise).
- :func:`resolve_style` merges overrides over it in order: later wins, a mapping merges into a mapping, any
  other value replaces. The order is the packaged table, the municipality profile, the ``--templates`` folder:
  the nearer the override to the build command, the later it applies. A bad value in a file is a
  :class:`~paldocs.errors.DataError` with file:line:column and the field path (the profile's own section is
  checked when the profile is validated, with the profile's positions).
- :func:`digest` is a short SHA-256 of the canonical JSON of a resolved style: the cache key of the generated
  CSS and reference document, and the mark that ties the shipped ``print.css`` and ``reference.docx`` to the
  table they were generated from.
- :func:`look_for` gives a role's effective look for one output ("docx" or "css"): the role's own values,
  then its ``docx:``/``css:`` section over them. Inheritance (the base size, the body's line spacing) is the
  generators' business (:mod:`paldocs.style.css`, :mod:`paldocs.writers.docx.reference`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
from collections.abc import Mapping
from typing import Any, Literal

from paldocs.errors import Location, TemplateError
from paldocs.style.table import EXCLUSIVE, HouseStyle, Look, Role

STYLE_FILE = "house-style.yaml"
Output = Literal["docx", "css"]


@functools.cache
def _packaged_values() -> dict[str, Any]:
    from paldocs.model.load import parse_yaml, validate

    text = (importlib.resources.files("paldocs_templates") / STYLE_FILE).read_text(encoding="utf-8")
    name = f"paldocs_templates/{STYLE_FILE}"
    values, positions = parse_yaml(text, name)
    validate(HouseStyle, values, name, positions)
    return dict(values)


@functools.cache
def packaged_style() -> HouseStyle:
    """The packaged house style (complete)."""
    return _complete(HouseStyle.model_validate(_packaged_values()), f"paldocs_templates/{STYLE_FILE}")


def resolve_style(*overrides: Mapping[str, Any] | HouseStyle | None) -> HouseStyle:
    """The packaged style with ``overrides`` (plain values or validated models, None skipped) merged over it."""
    given = [o.model_dump(exclude_none=True) if isinstance(o, HouseStyle) else dict(o)
             for o in overrides if o is not None]
    if not any(given):
        return packaged_style()
    merged: dict[str, Any] = _packaged_values()
    for values in given:
        merged = _merge(merged, values)
    return HouseStyle.model_validate(merged)


def load_style_file(text: str, name: str) -> dict[str, Any]:
    """A user's house-style.yaml: parsed and checked (located errors), returned as plain values to merge."""
    from paldocs.model.load import parse_yaml, validate

    values, positions = parse_yaml(text, name)
    validate(HouseStyle, values, name, positions)
    return dict(values)


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if key in EXCLUSIVE and value is not None:  # a first-line indent replaces a hanging one, and back
            merged.pop(EXCLUSIVE[key], None)
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _complete(style: HouseStyle, name: str) -> HouseStyle:
    """The packaged table must hold every page, font and table value and every role."""
    sections = {"page": style.page, "font": style.font, "table": style.table, "roles": style.roles,
                "page.margins": style.page.margins if style.page else None}
    missing = [section for section, model in sections.items() if model is None]
    missing += [f"{section}.{key}" for section, model in sections.items() if model is not None
                for key, value in model if value is None]
    if missing:
        raise TemplateError(f"tabela stylu domowego nie podaje wartości: {', '.join(missing)}", Location(name))
    return style


@functools.lru_cache(maxsize=64)
def digest(style: HouseStyle) -> str:
    """A short fingerprint of a resolved style (same values → same digest, whatever their order in a file)."""
    canonical = json.dumps(style.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def role(style: HouseStyle, name: str) -> Role:
    assert style.roles is not None
    found = getattr(style.roles, name)
    assert found is not None, name
    return found  # type: ignore[no-any-return]


def look_for(style: HouseStyle, name: str, output: Output) -> Look:
    """Role ``name``'s look for one output: its own values with its ``docx:``/``css:`` section over them."""
    own = role(style, name)
    values = own.model_dump(exclude={"docx", "css"})
    special = own.docx if output == "docx" else own.css
    if special is not None:
        for key, value in special.model_dump().items():
            if value is not None:
                values[key] = value
                if key in EXCLUSIVE:
                    values[EXCLUSIVE[key]] = None
    return Look.model_validate(values)


def base_size(style: HouseStyle) -> float:
    """The base font size in points (``font.size``)."""
    assert style.font is not None and style.font.size is not None
    return float(style.font.size.removesuffix("pt"))


def size_of(style: HouseStyle, look: Look) -> float:
    """A look's font size in points: its own, else the base size."""
    return float(look.size.removesuffix("pt")) if look.size else base_size(style)


def user_style_values(environment: Any) -> dict[str, Any] | None:
    """The ``house-style.yaml`` of a user's ``--templates`` folder (or name → text mapping), read through the
    Jinja environment's user loaders (:func:`paldocs.compose.make_environment`), or None without one."""
    import jinja2

    loaders = getattr(environment.loader, "loaders", [])[:-1]  # the last one is the packaged templates
    for loader in loaders:
        try:
            text, filename, _ = loader.get_source(environment, STYLE_FILE)
        except jinja2.TemplateNotFound:
            continue
        return load_style_file(text, filename or f"{STYLE_FILE} (--templates)")
    return None


def style_for(environment: Any, profile: HouseStyle | None) -> HouseStyle:
    """The house style of one document: packaged table, then the profile's section, then --templates."""
    return resolve_style(profile, user_style_values(environment))
