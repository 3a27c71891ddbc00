"""YAML text → plain Python values and the position of every value: the reading half of the loader.

Contract: :func:`read_text` reads one input file as UTF-8 (a UTF-8 BOM is accepted, UTF-16 and Windows-1250
are refused with a clear message) through :mod:`paldocs.inputs`; :func:`parse_yaml` builds plain values from
PyYAML's node tree itself — so that it knows where every value came from (:data:`Positions`, field path →
line and column), rejects duplicate keys (PyYAML would keep the last one silently), refuses tags other than
plain data, enforces the limits of :mod:`paldocs.limits` (size, depth, list length, text length, alias
expansion) and inspects every text (:mod:`.untrusted`). :func:`dotted_path` and :func:`longest_known` turn a
field path into the text and the position that messages show. Every failure is a
:class:`~paldocs.errors.DataError` in Polish with ``file:line:column``. Validation lives in :mod:`.load`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from paldocs import inputs
from paldocs.errors import DataError, Location, describe_os_error
from paldocs.limits import current_limits, exceeded
from paldocs.model.untrusted import inspect_text
from paldocs.polish.dates import parse_date
from paldocs.yamlload import SAFE_LOADER

_Loader = SAFE_LOADER  # libyaml: the same nodes and marks, 15–50× faster

Positions = dict[tuple[str | int, ...], tuple[int, int]]

# Values a data file may hold; any other tag (!!python/object, !!binary, !custom) is refused, never constructed.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                        ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge"))


class _Builder:
    """Turns a composed YAML node tree into Python values, recording positions by path.

    Enforces the limits in force (:mod:`paldocs.limits`) while building, so that an alias bomb or a
    10 MB field stops at the first value over the limit, and inspects every text (:mod:`.untrusted`)."""

    def __init__(self, file: str, notes: list[str] | None) -> None:
        self.file = file
        self.positions: Positions = {}
        self.nodes = 0
        self.notes = notes
        self.limits = current_limits()
        self._constructor = yaml.SafeLoader("")  # only for scalar resolution (ints, dates, bools)

    def refuse_expansion(self, root: yaml.Node) -> None:
        """Refuse a file whose values, with every alias expanded, exceed the limit — before building any.

        One pass over the distinct nodes (in document order) gives each node's expanded size; a "billion
        laughs" bomb of a few lines is refused at once, naming the first alias use that crosses the limit
        (its line is the anchor's: an alias shares its anchor's node)."""
        sizes: dict[int, int] = {}
        first_seen: dict[int, tuple[str | int, ...]] = {}  # node → the path of its first occurrence (the anchor)
        stack: list[tuple[yaml.Node, tuple[str | int, ...], bool]] = [(root, (), False)]
        while stack:
            node, path, children_done = stack.pop()
            children = _children(node)
            if children_done:
                if any(id(child) not in sizes for _, child in children):
                    raise DataError("alias YAML odwołuje się do wartości, która go zawiera (pętla bez końca)",
                                    self._location(node, dotted_path(path) or None))
                sizes[id(node)] = 1 + sum(sizes[id(child)] for _, child in children)
            elif id(node) not in first_seen:
                first_seen[id(node)] = path
                stack.append((node, path, True))
                stack.extend((child, (*path, key), False) for key, child in reversed(children))
        limit = self.limits.max_yaml_nodes
        if sizes[id(root)] <= limit:
            return
        node, path, counted = root, (), 1  # counted: values before ``node``'s children, in document order
        while first_seen[id(node)] == path and counted <= limit:  # descend to the crossing value; stop at an alias
            for key, child in _children(node):
                if counted + sizes[id(child)] > limit:
                    node, path, counted = child, (*path, key), counted + 1
                    break
                counted += sizes[id(child)]
            else:
                break
        raise DataError(exceeded("max_yaml_nodes", self.limits, sizes[id(root)])
                        + " — czy plik nie zawiera pętli aliasów YAML („billion laughs”)?",
                        self._location(node, dotted_path(path)))

    def build(self, node: yaml.Node, path: tuple[str | int, ...] = ()) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_yaml_nodes:  # only reached when refuse_expansion did not run
            raise DataError(exceeded("max_yaml_nodes", self.limits), self._location(node, dotted_path(path) or None))
        if len(path) > self.limits.max_depth:
            raise DataError(exceeded("max_depth", self.limits), self._location(node, dotted_path(path)))
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _PLAIN_TAGS:
            raise DataError(f"znacznik YAML „{node.tag.replace('tag:yaml.org,2002:', '!!')}” nie jest dozwolony — "
                            "dane to zwykłe teksty, liczby, daty, listy i mapy", self._location(node, dotted_path(path) or None))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > self.limits.max_list_items:
                raise DataError(exceeded("max_list_items", self.limits, len(node.value)),
                                self._location(node.value[self.limits.max_list_items],
                                               dotted_path((*path, self.limits.max_list_items))))
            return [self.build(child, (*path, index)) for index, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple[str | int, ...]) -> dict[str, Any]:
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
                                self._location(key_node, dotted_path((*path, key))))
            self.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node, path: tuple[str | int, ...]) -> Any:
        where = dotted_path(path) or None
        try:
            value = self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            raise DataError(f"nieprawidłowa wartość: {error.problem}", self._location(node, where)) from None
        except ValueError:  # a date such as 2014-02-31 that PyYAML recognises but cannot build
            raise DataError(_impossible_date(str(node.value)), self._location(node, where)) from None
        if isinstance(value, str):
            self._inspect(value, node, where)
        return value

    def _inspect(self, text: str, node: yaml.Node, where: str | None) -> None:
        for severity, message in inspect_text(text, self.limits):
            if severity == "error":
                raise DataError(message, self._location(node, where))
            if self.notes is not None:
                self.notes.append(f"{self._location(node, where)}: {message}")

    def _location(self, node: yaml.Node, path: str | None = None) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1, path)


def _children(node: yaml.Node) -> list[tuple[str | int, yaml.Node]]:
    """A collection node's values with their keys (mapping) or indexes (sequence)."""
    if isinstance(node, yaml.MappingNode):
        return [(str(key.value), value) for key, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return list(enumerate(node.value))
    return []


def _impossible_date(text: str) -> str:
    try:
        parse_date(text.strip())
    except DataError as error:
        return f"n{error.message[1:]}"
    return f"nieprawidłowa data „{text}”"


def dotted_path(path: tuple[str | int, ...]) -> str:
    """``("program", "sections", 2, "items")`` → ``program.sections[2].items`` (as messages show a field)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text; clear errors for the usual ways this fails."""
    limits = current_limits()
    try:
        size = inputs.size(path)
        if size > limits.max_file_bytes:  # refused before reading: a huge upload costs nothing
            raise DataError(exceeded("max_file_bytes", limits, size), Location(str(path)))
        raw = inputs.read_bytes(path)
    except FileNotFoundError:
        raise DataError("nie ma takiego pliku", Location(str(path))) from None
    except IsADirectoryError:
        raise DataError("to jest katalog, a nie plik danych", Location(str(path))) from None
    except OSError as error:
        raise DataError(f"nie można odczytać pliku ({describe_os_error(error)})", Location(str(path))) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM is what Windows Notepad adds; harmless, so accepted
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("plik jest zapisany w kodowaniu UTF-16 („Unicode” w Notatniku) — zapisz go jako UTF-8",
                        Location(str(path), 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        hint = None
        try:
            raw.decode("cp1250")
            hint = "plik wygląda na zapisany w kodowaniu Windows-1250 — w edytorze wybierz „Zapisz jako” → UTF-8"
        except UnicodeDecodeError:
            pass
        raise DataError("plik nie jest zapisany w kodowaniu UTF-8 (zapisz go jako UTF-8)",
                        Location(str(path), line), hint) from None
    if not text.strip():
        raise DataError("plik jest pusty", Location(str(path)))
    return text


def parse_yaml(text: str, file: str, notes: list[str] | None = None) -> tuple[Any, Positions]:
    """Parse YAML text into plain values and a map from field path to (line, column).

    Texts that will be printed literally although they look like markup add an ``uwaga`` line to ``notes``
    (when given); texts that may never reach a document raise :class:`DataError` (:mod:`.untrusted`)."""
    if len(text) > current_limits().max_file_bytes:  # text given directly, not through read_text
        raise DataError(exceeded("max_file_bytes", current_limits(), len(text.encode("utf-8"))), Location(file))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters
        offset = len(text.encode("utf-8")[:error.position].decode("utf-8", "ignore")) \
            if _Loader is not yaml.SafeLoader else error.position
        raise DataError(_reader_problem(error), _reader_location(text, file, offset)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in (error.problem or ""):
            mark = error.context_mark  # an unclosed quote: point where it opens, not at the end of the file
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(_yaml_problem(error, _char_at(text, mark) == "\t"), Location(file, line, column)) from None
    except yaml.YAMLError as error:
        raise DataError(f"błąd składni YAML: {error}", Location(file)) from None
    if node is None:
        raise DataError("plik jest pusty", Location(file))
    builder = _Builder(file, notes)
    builder.refuse_expansion(node)
    value = builder.build(node)
    return value, builder.positions


def _reader_problem(error: yaml.reader.ReaderError) -> str:
    character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return (f"plik zawiera niedozwolony znak sterujący U+{character:04X} — usuń go (często trafia do danych z tekstu "
            "skopiowanego z PDF-a)")


def _reader_location(text: str, file: str, position: int) -> Location:
    before = text[:position]
    return Location(file, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character a YAML error mark points at ("" when none): libyaml's messages do not name a tab."""
    if mark is None:
        return ""
    start = 0
    for _ in range(mark.line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + mark.column: start + mark.column + 1]


def _yaml_problem(error: yaml.MarkedYAMLError, at_tab: bool) -> str:
    """PyYAML's (and libyaml's) English problem in Polish, for the mistakes clerks make."""
    problem = error.problem or "błąd składni"
    if "quoted scalar" in (error.context or ""):
        return "błąd składni YAML: niedomknięty cudzysłów"
    if "another document" in problem:
        return "plik zawiera więcej niż jeden dokument YAML (linia „---”) — jeden plik to jeden dokument"
    if at_tab or "\\t" in problem or "tab" in problem:
        return "błąd składni YAML: znak tabulacji — do wcięć używaj spacji"
    if "mapping values are not allowed" in problem:
        return "błąd składni YAML: dwukropek w tekście — ujmij tekst w cudzysłów lub użyj „|”"
    if "could not find expected ':'" in problem:
        return "błąd składni YAML: brak dwukropka po nazwie pola albo niedomknięty cudzysłów"
    return f"błąd składni YAML: {problem}"


def longest_known(positions: Positions, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The longest prefix of ``loc`` whose position is known (a derived or defaulted value has none)."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return loc[:end]
    return ()


__all__ = ["Positions", "dotted_path", "longest_known", "parse_yaml", "read_text"]
