"""The legal vocabulary (paldocs/legal/units.yaml): every kind's forms, the list styles, the loader's checks, and
that no other module spells these tables again (§ 54–57 ZTP)."""

from __future__ import annotations

import ast
import copy
from typing import Any, get_args

import pytest
import yaml
from conftest import REPO

from paldocs import vocabulary
from paldocs.checks.units import citation_from_address, unit_citation
from paldocs.document import UNIT_KINDS, format_unit_label
from paldocs.errors import PaldocsError
from paldocs.model.program import ItemListStyle
from paldocs.numbering import format_list_label, unit_address_part

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("kind", "num", "label", "position", "address", "citation", "children", "style", "level", "ztp"),
    [
        ("paragraf", "2", f"§{NBSP}2.", 2, "par_2", "§ 2", ("ustep", "punkt"), "Paragraf", 0, None),
        ("ustep", "3", "3.", 3, "ust_3", "ust. 3", ("punkt",), "Ustęp", 0, "§ 55 ZTP"),
        ("punkt", "15", "15)", 15, "pkt_15", "pkt 15", ("litera", "tiret"), "Punkt", 1, "§ 56 ust. 1 ZTP"),
        ("litera", "b", "b)", 2, "lit_b", "lit. b", ("tiret",), "Litera", 2, "§ 56 ust. 2 ZTP"),
        ("litera", "za", "za)", 27, "lit_za", "lit. za", ("tiret",), "Litera", 2, "§ 56 ust. 2 ZTP"),
        ("tiret", "", "–", 2, "tir_2", "tiret drugie", (), "Tiret", 3, "§ 56 ust. 3 ZTP"),
    ],
)
def test_each_kind(kind: str, num: str, label: str, position: int, address: str, citation: str,
                   children: tuple[str, ...], style: str, level: int, ztp: str | None) -> None:
    info = vocabulary.unit(kind)
    assert format_unit_label(kind, num) == label  # type: ignore[arg-type]
    assert info.value(position) == num
    assert unit_address_part(kind, position) == address  # type: ignore[arg-type]
    assert citation_from_address(address) == citation
    assert unit_citation([(kind, num or str(position))]) == citation
    assert (info.children, info.style, info.level, info.ztp) == (children, style, level, ztp)


@pytest.mark.parametrize(("kind", "name", "marker", "in_form", "plural", "plural_genitive"), [
    ("paragraf", "Paragraf", "§", "w paragrafie", "paragrafy", "paragrafów"),
    ("ustep", "Ustęp", "1.", "w ustępie", "ustępy", "ustępów"),
    ("punkt", "Punkt", "1)", "w punkcie", "punkty", "punktów"),
    ("litera", "Litera", "a)", "w literze", "litery", "liter"),
    ("tiret", "Tiret", "–", "w tirecie", "tirety", "tiretów"),
])
def test_polish_forms(kind: str, name: str, marker: str, in_form: str, plural: str, plural_genitive: str) -> None:
    info = vocabulary.unit(kind)
    assert (info.name, info.marker, info.in_form, info.plural, info.plural_genitive) == (
        name, marker, in_form, plural, plural_genitive)


def test_the_resolution_kinds_and_the_cited_kinds() -> None:
    assert tuple(info.kind for info in vocabulary.units()) == UNIT_KINDS
    assert [(info.typed, info.citation) for info in vocabulary.cited_units()] == [
        ("art", "art."), ("par", "§"), ("ust", "ust."), ("pkt", "pkt"), ("lit", "lit."), ("tiret", "tiret")]
    assert vocabulary.unit_by_prefix("pkt") == vocabulary.unit("punkt")
    assert vocabulary.unit_by_prefix("xyz") is None
    with pytest.raises(KeyError):
        vocabulary.unit("rozdzial")


def test_children_form_the_ztp_hierarchy() -> None:
    """Every kind a unit may hold stands lower in the hierarchy: nothing contains itself or a higher unit."""
    order = [info.kind for info in vocabulary.cited_units()]
    for info in vocabulary.cited_units():
        assert all(order.index(child) > order.index(info.kind) for child in info.children), info.kind


@pytest.mark.parametrize(("style", "n", "label", "markdown", "ordered", "role", "unit"), [
    ("decimal-dot", 3, "3.", "3.", True, "Lista numerowana", "ustep"),
    ("decimal-paren", 3, "3)", "3)", True, "Lista numerowana", "punkt"),
    ("alpha-paren", 3, "c)", "c)", True, "Lista numerowana", "litera"),
    ("roman-dot", 4, "IV.", None, True, "Lista numerowana", None),
    ("dash", 3, "–", "-", False, "Lista punktowana", "tiret"),
    ("bullet", 3, "•", "*", False, "Lista punktowana", "tiret"),
])
def test_each_list_style(style: str, n: int, label: str, markdown: str | None, ordered: bool, role: str,
                         unit: str | None) -> None:
    info = vocabulary.list_style(style)
    assert format_list_label(style, n) == label  # type: ignore[arg-type]
    assert (info.ordered, info.style, info.unit) == (ordered, role, unit)
    if markdown is None:
        with pytest.raises(ValueError):
            info.markdown_marker(n)
    else:
        assert info.markdown_marker(n) == markdown


def test_program_items_offer_the_styles_a_template_can_write() -> None:
    """The model's ``items_style`` type (a static Literal) lists exactly the styles with a Markdown marker."""
    assert get_args(ItemListStyle) == tuple(info.name for info in vocabulary.list_styles() if info.markdown)


# --- the loader refuses a broken table -----------------------------------------------------------------------------

def shipped() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "paldocs" / "legal" / "units.yaml").read_text(encoding="utf-8"))
    return copy.deepcopy(data)  # type: ignore[no-any-return]


def broken(change: str) -> dict[str, Any]:
    data = shipped()
    units = {row["kind"]: row for row in data["units"]}
    if change == "unknown child":
        units["punkt"]["children"].append("rozdzial")
    elif change == "label without number":
        units["ustep"]["label"] = "."
    elif change == "tiret numbered":
        units["tiret"]["label"] = "{n} –"
    elif change == "kind missing":
        data["units"] = [row for row in data["units"] if row["kind"] != "litera"]
    elif change == "field missing":
        del units["punkt"]["citation"]
    elif change == "level is text":
        units["punkt"]["level"] = "1"
    elif change == "list style renamed":
        data["list_styles"][0]["name"] = "decimal"
    elif change == "bad source pattern":
        data["list_styles"][0]["source"] = "(["
    elif change == "duplicate prefix":
        units["ustep"]["address_prefix"] = "par"
    elif change == "practice child ZTP allows":
        units["punkt"]["practice_children"] = [{"kind": "litera", "ztp": "§ 56 ust. 2 ZTP", "seen": "Uchwała Nr 1"}]
    elif change == "practice child never seen":
        units["ustep"]["practice_children"][0]["seen"] = " "
    elif change == "practice child unknown":
        units["ustep"]["practice_children"][0]["kind"] = "rozdzial"
    elif change == "practice child field missing":
        del units["ustep"]["practice_children"][0]["ztp"]
    return data


@pytest.mark.parametrize("change", ["unknown child", "label without number", "tiret numbered", "kind missing",
                                    "field missing", "level is text", "list style renamed", "bad source pattern",
                                    "duplicate prefix", "practice child ZTP allows", "practice child never seen",
                                    "practice child unknown", "practice child field missing"])
def test_a_broken_table_is_refused(change: str) -> None:
    with pytest.raises(PaldocsError) as caught:
        vocabulary._build(broken(change))
    assert "units.yaml" in str(caught.value.location) and "uszkodzony" in str(caught.value)


def test_the_shipped_table_builds() -> None:
    assert vocabulary._build(shipped()) == vocabulary.load_vocabulary()


# --- no module spells the tables again ------------------------------------------------------------------------------

PACKAGE = REPO / "paldocs"
OWNER = PACKAGE / "vocabulary.py"


def vocabulary_words() -> tuple[set[str], set[str]]:
    """Words that key a per-unit or per-style table: kinds, address prefixes, typed abbreviations; style names."""
    units = vocabulary.cited_units()
    return ({info.kind for info in units} | {info.address_prefix for info in units} | {info.typed for info in units},
            {info.name for info in vocabulary.list_styles()})


def literal_types(tree: ast.AST) -> set[int]:
    """ids of the nodes inside ``Literal[...]`` — static types, which a type checker needs spelled out."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and getattr(node.value, "id", getattr(node.value, "attr", "")) == "Literal":
            inside |= {id(child) for child in ast.walk(node.slice)}
    return inside


def duplicated_tables(source: str) -> list[tuple[int, list[str]]]:
    """Dict literals keyed by two or more vocabulary words, sets of two or more, tuples and lists of three or more."""
    tree = ast.parse(source)
    unit_words, style_words = vocabulary_words()
    skip = literal_types(tree)
    found: list[tuple[int, list[str]]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Dict):
            strings, least = [k.value for k in node.keys if isinstance(k, ast.Constant)], 2
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            # A set is a membership table; a pair in a tuple ("art", "par") is a condition on two kinds.
            least = 2 if isinstance(node, ast.Set) else 3
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        else:
            continue
        for words in (unit_words, style_words):
            hits = sorted({s for s in strings if isinstance(s, str) and s in words})
            if len(hits) >= least:
                found.append((node.lineno, hits))
    return found


def test_the_detector_finds_the_tables_that_were_removed() -> None:
    """The tables this module replaced, as they were written before (parser, numbering, checks, writers)."""
    assert duplicated_tables('_MARKER = {"paragraf": "§", "ustep": "1.", "punkt": "1)"}')
    assert duplicated_tables('_ADDRESS_KINDS = {"par": "paragraf", "ust": "ustep"}')
    assert duplicated_tables('_UNORDERED_STYLES = frozenset({"dash", "bullet"})')
    assert duplicated_tables('if kind in ("pkt", "tiret"): pass') == []
    assert duplicated_tables('LIST = {"decimal-dot": "1.", "dash": "-"}')
    assert duplicated_tables('for kind in ("ustep", "punkt", "litera"): pass')
    assert duplicated_tables('Kind = Literal["paragraf", "ustep", "punkt"]') == []


def test_no_module_outside_the_vocabulary_spells_the_tables() -> None:
    offenders = {str(path.relative_to(REPO)): found for path in sorted(PACKAGE.rglob("*.py")) if path != OWNER
                 if (found := duplicated_tables(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_no_template_spells_a_standard_clause() -> None:
    """Templates print closing clauses through clause() (paldocs/legal/clauses.yaml), never as literal text."""
    wording = ("powierza się", "wchodzi w życie", "podlega ogłoszeniu")
    for path in sorted((REPO / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        outside_comments = "".join(piece.split("#}")[-1] for piece in text.split("{#"))
        assert not [w for w in wording if w in outside_comments], path.name


def test_no_module_has_its_own_clause_pattern() -> None:
    """Checks and the importer recognise clauses with recognise_clause, not with regular expressions of their own."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("compile", "match", "search"):
                patterns = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                assert not [p for p in patterns if "powierza" in p or "wchodzi" in p or "z dniem" in p], (
                    f"{path.relative_to(REPO)}:{node.lineno}")
