"""Writing an import result as a paldocs YAML draft.

Contract: :func:`yaml_text` orders every mapping as the model declares its fields (``DataFile`` and the models
under it), writes multi-line Markdown as ``|`` block scalars, keeps Polish letters (``allow_unicode``) and puts
a short header comment listing what to check — the guesses ("zgadnięte — sprawdź"), the text kept as Markdown
and the text changed, from the import log — and returns the text. A ``municipality`` given as a path is written
relative to the output's folder. :func:`write_all` writes several files all or nothing (temporary files beside
the targets, created folders included, then renames); :func:`format_yaml` is both for one file.
"""

from __future__ import annotations

import os
import tempfile
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


_NOTES_SHOWN = 15  # the header stays short: the full list is the log paldocs import prints


def yaml_text(result: Any, output: Path) -> str:
    """The YAML draft of ``result`` as it will be written to ``output`` (see the module contract)."""
    data = dict(result.data)
    if isinstance(data.get("municipality"), str):
        data["municipality"] = Path(os.path.relpath(Path(data["municipality"]).resolve(),
                                                    output.resolve().parent)).as_posix()
    body = yaml.dump(ordered(data, DataFile), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return _header(result.log) + body


def _header(log: Any) -> str:
    notes = []
    for entry in log.entries:
        if entry.kind == "changed":
            notes.append(f"wiersz {entry.line}: poprawiono — {entry.what}")
        elif entry.kind == "kept":
            notes.append(f"wiersz {entry.line}: zachowano jako tekst — {entry.what}")
        elif "sprawdź" in entry.what:
            notes.append(f"wiersz {entry.line}: {entry.what}")
    header = [f"# Zaimportowano z {log.source} (paldocs import) — projekt do sprawdzenia.",
              f"# Pominięte celowo: {len(log.of_kind('dropped'))}; poprawione: {len(log.of_kind('changed'))} "
              "(pełny log: paldocs import na stderr).",
              "# Do sprawdzenia:" if notes else "# Nic nie zgadywano."]
    header += [f"#   - {' '.join(note.split())}" for note in notes[:_NOTES_SHOWN]]
    if len(notes) > _NOTES_SHOWN:
        header.append(f"#   … i {len(notes) - _NOTES_SHOWN} innych (log na stderr).")
    return "\n".join(header) + "\n"


def write_all(texts: dict[Path, str]) -> None:
    """Write every text to a temporary file beside its target (creating missing folders), then rename them
    all into place: a failure removes the temporary files and leaves every previous file as it was."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in texts.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(name), target))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise


def format_yaml(result: Any, output: Path) -> str:
    """:func:`yaml_text` written to ``output`` (atomically); returns the text."""
    text = yaml_text(result, output)
    write_all({output: text})
    return text
