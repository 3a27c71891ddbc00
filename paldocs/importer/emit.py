"""Writing an import result as a paldocs YAML draft.

Contract: :func:`format_yaml` orders every mapping as the model declares its fields (``DataFile`` and the
models under it), writes multi-line Markdown as ``|`` block scalars, keeps Polish letters (``allow_unicode``),
puts a header comment listing what to check (guesses and text kept as Markdown, from the import log), writes
the file to ``output`` and returns the text. A ``municipality`` given as a path is written relative to the
output's folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel

from paldocs.model.resolution import DataFile


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") or value.endswith("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found:
            return found
    return None


def ordered(value: Any, model: type[BaseModel] | None) -> Any:
    """Reorder dict keys as the model's fields (unknown keys last), recursively."""
    if isinstance(value, dict):
        fields = model.model_fields if model else {}
        keys = [key for key in fields if key in value] + [key for key in value if key not in fields]
        return {key: ordered(value[key], _model_of(fields[key].annotation) if key in fields else None)
                for key in keys}
    if isinstance(value, list):
        return [ordered(item, model) for item in value]
    if isinstance(value, str) and "\n" in value.strip("\n"):
        return value.rstrip("\n") + "\n"
    return value


def format_yaml(result: Any, output: Path) -> str:
    data = dict(result.data)
    if isinstance(data.get("municipality"), str):
        data["municipality"] = Path(os.path.relpath(Path(data["municipality"]).resolve(),
                                                    output.resolve().parent)).as_posix()
    body = yaml.dump(ordered(data, DataFile), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    notes = [f"wiersz {entry.line}: {entry.what}" for entry in result.log.entries
             if "sprawdź" in entry.what or entry.kind == "kept"]
    header = [f"# Zaimportowano z {result.log.source} (paldocs import) — projekt do sprawdzenia.",
              "# Pominięte celowo: " + str(len(result.log.of_kind("dropped"))) + " (lista: paldocs import na stderr).",
              "# Do sprawdzenia:" if notes else "# Nic nie zgadywano."]
    header += [f"#   - {note}" for note in notes]
    text = "\n".join(header) + "\n" + body
    output.write_text(text, encoding="utf-8")
    return text


