"""YAML → model, with every error pointing at ``file:line:column`` and the field path.

Contract: :func:`load_data_file` reads one data file (UTF-8, optional BOM rejected with a clear message),
builds plain Python values from PyYAML's node tree itself — so that it knows where every value came from,
rejects duplicate keys (PyYAML would keep the last one silently) and refuses alias expansion beyond a
limit — resolves ``municipality: <path>`` against the file's folder, and validates with pydantic. Every
failure is a :class:`~paldocs.errors.DataError` in Polish with a location; unknown keys get a "did you
mean" hint. Nothing here formats documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from paldocs.errors import DataError, Location
from paldocs.model.messages import describe_validation_error
from paldocs.model.resolution import DataFile

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NODES = 1_000_000  # guards against alias bombs ("billion laughs")

Positions = dict[tuple[str | int, ...], tuple[int, int]]


class _Builder:
    """Turns a composed YAML node tree into Python values, recording positions by path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: Positions = {}
        self.nodes = 0
        self._constructor = yaml.SafeLoader("")  # only for scalar resolution (ints, dates, bools)

    def build(self, node: yaml.Node, path: tuple[str | int, ...] = ()) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise DataError("plik jest zbyt duży lub zawiera zbyt wiele odwołań (aliasów YAML)",
                            self._location(node))
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise DataError("scalanie map („<<:”) nie jest obsługiwane — wpisz pola wprost",
                                    self._location(key_node))
                key = self._constructor.construct_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    raise DataError("klucz musi być tekstem", self._location(key_node))
                if key in result:
                    first_line = self.positions[(*path, key)][0]
                    raise DataError(f"pole „{key}” występuje dwa razy (pierwszy raz w wierszu {first_line})",
                                    self._location(key_node, _dotted((*path, key))))
                self.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, index)) for index, child in enumerate(node.value)]
        return self._constructor.construct_object(node, deep=True)

    def _location(self, node: yaml.Node, path: str | None = None) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1, path)


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text; clear errors for the usual ways this fails."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError("nie ma takiego pliku", Location(str(path))) from None
    except OSError as error:
        raise DataError(f"nie można odczytać pliku ({error.strerror})", Location(str(path))) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"plik ma {len(raw) // (1024 * 1024)} MB — limit to {MAX_FILE_BYTES // (1024 * 1024)} MB",
                        Location(str(path)))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM is what Windows Notepad adds; harmless, so accepted
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError("plik nie jest zapisany w kodowaniu UTF-8 (zapisz go jako UTF-8)",
                        Location(str(path), line)) from None
    if not text.strip():
        raise DataError("plik jest pusty", Location(str(path)))
    return text


def parse_yaml(text: str, file: str) -> tuple[Any, Positions]:
    """Parse YAML text into plain values and a map from field path to (line, column)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in (error.problem or ""):
            mark = error.context_mark  # an unclosed quote: point where it opens, not at the end of the file
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(_yaml_problem(error), Location(file, line, column)) from None
    except yaml.YAMLError as error:
        raise DataError(f"błąd składni YAML: {error}", Location(file)) from None
    if node is None:
        raise DataError("plik jest pusty", Location(file))
    builder = _Builder(file)
    try:
        value = builder.build(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        raise DataError(f"nieprawidłowa wartość: {error.problem}",
                        Location(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)) from None
    except ValueError as error:  # e.g. a date such as 2014-02-31 that PyYAML cannot build
        raise DataError(f"nieprawidłowa wartość: {error}", Location(file)) from None
    return value, builder.positions


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "błąd składni"
    if "quoted scalar" in (error.context or ""):
        return "błąd składni YAML: niedomknięty cudzysłów"
    if "\\t" in problem or "tab" in problem:
        return "błąd składni YAML: znak tabulacji — do wcięć używaj spacji"
    if "mapping values are not allowed" in problem:
        return "błąd składni YAML: dwukropek w tekście — ujmij tekst w cudzysłów lub użyj „|”"
    if "could not find expected ':'" in problem:
        return "błąd składni YAML: brak dwukropka po nazwie pola albo niedomknięty cudzysłów"
    return f"błąd składni YAML: {problem}"


@dataclass(frozen=True)
class Source:
    """A loaded data file with where each value came from (for checks that point into the YAML)."""

    data: DataFile
    file: str
    positions: Positions
    sources: Mapping[tuple[str | int, ...], str]  # field path → the file it came from, when not ``file``
    files: tuple[Path, ...]  # every file read (data file, profile)

    def locate(self, path: tuple[str | int, ...]) -> Location:
        """``file:line:column field.path`` of a field (the nearest known parent's line for derived values)."""
        known = _longest_known(self.positions, path)
        line, column = self.positions.get(known, (None, None))
        return Location(self.sources.get(known, self.file), line, column, _dotted(path) or None)


def load_data_file(path: str | Path, *, files_read: list[Path] | None = None) -> DataFile:
    """Load and validate one resolution/annex data file; ``files_read`` collects every file it read."""
    source = load_source(path)
    if files_read is not None:
        files_read.extend(source.files)
    return source.data


def load_source(path: str | Path) -> Source:
    """Load and validate one data file, keeping the positions of its values."""
    path = Path(path)
    files_read = [path]
    file = str(path)
    data, positions = parse_yaml(read_text(path), file)
    if not isinstance(data, Mapping):
        raise DataError("plik danych musi być mapą pól (np. „resolution:”, „program:”)", Location(file, 1, 1))
    sources: dict[tuple[str | int, ...], str] = {}
    profile = data.get("municipality")
    profile_path = path
    if isinstance(profile, str):
        profile_path = (path.parent / profile).resolve()
        files_read.append(profile_path)
        profile_data, profile_positions = parse_yaml(read_text(profile_path), str(profile_path))
        data = {**data, "municipality": profile_data}
        for sub_path, position in profile_positions.items():
            positions[("municipality", *sub_path)] = position
            sources[("municipality", *sub_path)] = str(profile_path)
    profile_folder = profile_path.parent if isinstance(profile, str) else path.parent
    data = _resolve_catalog_paths(data, profile_folder)
    model = validate(DataFile, data, file, positions, sources)
    return Source(model, file, positions, sources, tuple(files_read))


def _resolve_catalog_paths(data: Mapping[str, Any], folder: Path) -> Mapping[str, Any]:
    """``municipality.acts`` paths are relative to the file that names them (profile or data file)."""
    municipality = data.get("municipality")
    if not isinstance(municipality, Mapping):
        return data
    acts = municipality.get("acts")
    if isinstance(acts, str):
        acts = [acts]
    if not isinstance(acts, list):
        return data
    resolved = [str((folder / entry).resolve()) if isinstance(entry, str) else entry for entry in acts]
    return {**data, "municipality": {**municipality, "acts": resolved}}


def validate(model: type[BaseModel], data: Any, file: str, positions: Positions,
             sources: Mapping[tuple[str | int, ...], str] | None = None) -> Any:
    """Validate plain data against a model; the first error becomes a located DataError."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        # An unknown key usually explains a "missing" one next to it (a typo): report it first.
        first = min(errors, key=lambda item: item["type"] != "extra_forbidden")
        # pydantic adds "function-…" steps for validators and "[key]" for a mapping's key: neither is a field
        loc = tuple(part for part in first["loc"]
                    if not (isinstance(part, str) and (part.startswith("function-") or part == "[key]")))
        message, hint, loc = describe_validation_error(first, model, loc)
        line, column = _nearest_position(positions, loc)
        source = (sources or {}).get(_longest_known(positions, loc), file)
        more = len(error.errors()) - 1
        if more:
            hint = (hint + "\n  " if hint else "") + f"(oraz {more} inn{'y błąd' if more == 1 else 'e błędy'})"
        raise DataError(message, Location(source, line, column, _dotted(loc) or None), hint) from None


def _longest_known(positions: Positions, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return loc[:end]
    return ()


def _nearest_position(positions: Positions, loc: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    known = _longest_known(positions, loc)
    return positions.get(known, (None, None))


__all__ = ["Source", "load_data_file", "load_source", "parse_yaml", "read_text", "validate"]
