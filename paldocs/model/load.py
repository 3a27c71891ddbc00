"""Data file → validated model, with every error pointing at ``file:line:column`` and the field path.

Contract: :func:`parse_file` reads and parses one data file once (:mod:`.yaml_reader`: UTF-8, positions,
limits, text inspection); :func:`load_source` resolves ``municipality: <path>`` against the file's folder and
validates with pydantic (:func:`validate`), the resolution's ``kind`` against the kinds registry it is given
(built-in ``kinds.yaml`` plus a user's ``--templates`` one; by default the built-in kinds). Every failure is a
:class:`~paldocs.errors.DataError` in Polish with a location; unknown keys and kinds get a "did you mean" hint.
Nothing here formats documents.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from paldocs import inputs
from paldocs.errors import DataError, Location
from paldocs.kinds import package_kind_keys
from paldocs.model.messages import describe_validation_error
from paldocs.model.resolution import DataFile
from paldocs.model.yaml_reader import Positions, dotted_path, longest_known, parse_yaml, read_text

@dataclass(frozen=True)
class Source:
    """A loaded data file with where each value came from (for checks that point into the YAML)."""

    data: DataFile
    file: str
    positions: Positions
    sources: Mapping[tuple[str | int, ...], str]  # field path → the file it came from, when not ``file``
    files: tuple[Path, ...]  # every file read (data file, profile)
    notes: tuple[str, ...] = ()  # "uwaga" lines about texts that will print literally (see .untrusted)

    def locate(self, path: tuple[str | int, ...]) -> Location:
        """``file:line:column field.path`` of a field (the nearest known parent's line for derived values)."""
        return field_location(self.file, self.positions, self.sources, path)


def field_location(file: str, positions: Positions, sources: Mapping[tuple[str | int, ...], str],
                   path: tuple[str | int, ...]) -> Location:
    """Where a field is: its own position, or its nearest known parent's (in the file that holds it)."""
    known = longest_known(positions, path)
    line, column = positions.get(known, (None, None))
    return Location(sources.get(known, file), line, column, dotted_path(path) or None)


def load_data_file(path: str | Path, *, files_read: list[Path] | None = None,
                   kinds: Collection[str] | None = None) -> DataFile:
    """Load and validate one resolution/annex data file; ``files_read`` collects every file it read."""
    source = load_source(path, kinds=kinds)
    if files_read is not None:
        files_read.extend(source.files)
    return source.data


@dataclass(frozen=True)
class ParsedFile:
    """A data file read and parsed once (plain values, positions, text notes), before validation — so that
    deciding what kind of document it is does not cost a second parse."""

    path: Path
    data: Any
    positions: Positions
    notes: tuple[str, ...]

    @property
    def is_report(self) -> bool:
        return isinstance(self.data, dict) and self.data.get("document") == "report"


def parse_file(path: str | Path) -> ParsedFile:
    """Read and parse one data file (no validation yet)."""
    path = Path(path)
    notes: list[str] = []
    data, positions = parse_yaml(read_text(path), str(path), notes)
    return ParsedFile(path, data, positions, tuple(notes))


def load_source(path: str | Path, parsed: ParsedFile | None = None, *, kinds: Collection[str] | None = None) -> Source:
    """Load and validate one data file, keeping the positions of its values (``parsed``: already read).

    ``kinds``: the resolution kinds the data may name (the build context's registry); default: the built-in
    ones (:func:`paldocs.kinds.package_kind_keys`)."""
    parsed = parsed or parse_file(path)
    path = parsed.path
    files_read = [path]
    file = str(path)
    notes = list(parsed.notes)
    data, positions = parsed.data, dict(parsed.positions)
    if not isinstance(data, Mapping):
        raise DataError("plik danych musi być mapą pól (np. „resolution:”, „program:”)", Location(file, 1, 1))
    sources: dict[tuple[str | int, ...], str] = {}
    profile = data.get("municipality")
    profile_path = path
    if isinstance(profile, str):
        profile_path = referenced_file(path.parent, profile, Location(file, *positions[("municipality",)], "municipality"))
        files_read.append(profile_path)
        profile_data, profile_positions = parse_yaml(read_text(profile_path), str(profile_path), notes)
        data = {**data, "municipality": profile_data}
        for sub_path, position in profile_positions.items():
            positions[("municipality", *sub_path)] = position
            sources[("municipality", *sub_path)] = str(profile_path)
    profile_folder = profile_path.parent if isinstance(profile, str) else path.parent
    data = _resolve_catalog_paths(data, profile_folder, lambda where: field_location(file, positions, sources, where))
    known = package_kind_keys() if kinds is None else kinds
    model = validate(DataFile, data, file, positions, sources, context={"kinds": known})
    return Source(model, file, positions, sources, tuple(files_read), tuple(notes))


def referenced_file(folder: Path, name: str, where: Location) -> Path:
    """A file named in the data (profile, acts catalog, a report's program), relative to ``folder``.

    Only YAML files: data may point at other paldocs data, never at any file of the machine (a web tool's
    user writing ``municipality: /etc/passwd`` would otherwise see its first line in the error message)."""
    if Path(name).suffix.lower() not in (".yaml", ".yml"):
        raise DataError(f"„{name}” nie jest plikiem YAML (.yaml, .yml) — dane mogą wskazywać tylko pliki danych "
                        "paldocs (profil gminy, katalog aktów, program)", where)
    return inputs.absolute(folder / name)


def _resolve_catalog_paths(data: Mapping[str, Any], folder: Path,
                           locate: Callable[[tuple[str | int, ...]], Location]) -> Mapping[str, Any]:
    """``municipality.acts`` paths are relative to the file that names them (profile or data file)."""
    municipality = data.get("municipality")
    if not isinstance(municipality, Mapping):
        return data
    acts = municipality.get("acts")
    if isinstance(acts, str):
        acts = [acts]
    if not isinstance(acts, list):
        return data
    listed = isinstance(municipality.get("acts"), list)
    resolved = [str(referenced_file(folder, entry, locate(("municipality", "acts", index) if listed
                                                          else ("municipality", "acts"))))
                if isinstance(entry, str) else entry for index, entry in enumerate(acts)]
    return {**data, "municipality": {**municipality, "acts": resolved}}


def validate(model: type[BaseModel], data: Any, file: str, positions: Positions,
             sources: Mapping[tuple[str | int, ...], str] | None = None,
             context: Mapping[str, Any] | None = None) -> Any:
    """Validate plain data against a model; the first error becomes a located DataError. ``context`` reaches
    the model's validators (``kinds``: the resolution kinds a data file may name)."""
    try:
        return model.model_validate(data, context=dict(context) if context is not None else None)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        # An unknown key usually explains a "missing" one next to it (a typo): report it first.
        first = min(errors, key=lambda item: item["type"] != "extra_forbidden")
        # pydantic adds "function-…" steps for validators and "[key]" for a mapping's key: neither is a field
        loc = tuple(part for part in first["loc"]
                    if not (isinstance(part, str) and (part.startswith("function-") or part == "[key]")))
        message, hint, loc = describe_validation_error(first, model, loc)
        line, column = _nearest_position(positions, loc)
        source = (sources or {}).get(longest_known(positions, loc), file)
        more = len(error.errors()) - 1
        if more:
            hint = (hint + "\n  " if hint else "") + f"(oraz {more} inn{'y błąd' if more == 1 else 'e błędy'})"
        raise DataError(message, Location(source, line, column, dotted_path(loc) or None), hint) from None


def _nearest_position(positions: Positions, loc: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    known = longest_known(positions, loc)
    return positions.get(known, (None, None))




__all__ = ["ParsedFile", "Positions", "Source", "dotted_path", "load_data_file", "load_source", "field_location",
           "longest_known", "parse_file", "parse_yaml", "read_text", "referenced_file", "validate"]
