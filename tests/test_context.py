"""One build context: the data file is parsed once per build and per check, kinds and catalogs are loaded once
per context, output formats come from one registry, and a kind added in a ``--templates`` folder builds.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, TESTS

import paldocs
from paldocs.api import FORMATS, WRITERS, build, check_formats, to_document
from paldocs.batch import BuildOptions, build_files
from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.context import BuildContext
from paldocs.errors import DataError, PaldocsError
from paldocs.model import yaml_reader

RESOLUTIONS = REPO / "resolutions"
KETRZYN = RESOLUTIONS / "ketrzyn-2014-pal.yaml"
INOWROCLAW = RESOLUTIONS / "inowroclaw-2009-pal.yaml"
REPORT = RESOLUTIONS / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"
OSTRODA = TESTS / "data" / "ostroda-2024-pal.yaml"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file was parsed: the YAML parse function counted wherever a module bound it."""
    counts: Counter[str] = Counter()
    original = yaml_reader.parse_yaml

    def counted(text: str, file: str, *args: Any, **kwargs: Any) -> Any:
        counts[Path(file).name] += 1
        return original(text, file, *args, **kwargs)

    holders = [module for name, module in list(sys.modules.items())
               if name.startswith("paldocs") and getattr(module, "parse_yaml", None) is original]
    assert yaml_reader in holders and len(holders) > 1  # the loader's own name and every import of it
    for module in holders:
        monkeypatch.setattr(module, "parse_yaml", counted)
    return counts


def test_build_parses_the_data_file_once(parses: Counter[str], tmp_path: Path) -> None:
    build(KETRZYN, ["txt"], tmp_path)
    assert parses["ketrzyn-2014-pal.yaml"] == 1
    assert parses["ketrzyn.yaml"] == 1  # the profile it names, once too


def test_check_parses_the_data_file_once(parses: Counter[str]) -> None:
    check_file(KETRZYN, today=TODAY)
    assert parses["ketrzyn-2014-pal.yaml"] == 1


def test_check_of_a_report_parses_it_once(parses: Counter[str]) -> None:
    assert check_file(REPORT, today=TODAY) == []
    assert parses["sprawozdanie-2015.yaml"] == 1
    assert parses["ketrzyn-2014-pal.yaml"] == 1  # the program it reports on


def test_build_bytes_parses_the_data_file_once(parses: Counter[str]) -> None:
    request = paldocs.BuildRequest(data=KETRZYN.read_text(encoding="utf-8"), name="ketrzyn-2014-pal.yaml",
                                   files={"profiles/ketrzyn.yaml": (RESOLUTIONS / "profiles" / "ketrzyn.yaml")
                                          .read_text(encoding="utf-8")}, formats=("txt",))
    assert paldocs.build_bytes(request).outputs["txt"]
    assert parses["ketrzyn-2014-pal.yaml"] == 1


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times the template environment, the kinds registry and a catalog were loaded."""
    import paldocs.compose
    import paldocs.kinds
    import paldocs.legal.catalog

    counts: Counter[str] = Counter()
    for module, name in ((paldocs.compose, "make_environment"), (paldocs.kinds, "load_kinds"),
                         (paldocs.legal.catalog, "load_catalog")):
        original = getattr(module, name)

        def counted(*args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    return counts


def test_one_context_loads_templates_kinds_and_catalogs_once(loads: Counter[str], tmp_path: Path) -> None:
    context = BuildContext()
    for source in (KETRZYN, INOWROCLAW, OSTRODA):
        build(source, ["txt"], tmp_path, context=context)
    check_file(KETRZYN, today=TODAY, context=context)
    to_document(OSTRODA, context=context)
    assert loads["make_environment"] == 1 and loads["load_kinds"] == 1
    # one merged catalog per distinct list of profile catalogs (none of these profiles names one)
    assert loads["load_catalog"] == 1


def test_a_batch_loads_them_once_for_all_its_files(loads: Counter[str], tmp_path: Path) -> None:
    outcomes = build_files([KETRZYN, INOWROCLAW, OSTRODA], BuildOptions(("txt",), tmp_path), jobs=1)
    assert [outcome.status for outcome in outcomes] == ["ok", "ok", "ok"]
    assert loads == Counter({"make_environment": 1, "load_kinds": 1, "load_catalog": 1})


def test_contexts_opened_from_one_share_what_it_loaded() -> None:
    context = BuildContext()
    opened = context.open(OSTRODA)
    assert opened.parsed is not None and context.parsed is None  # the base context stays reusable
    assert opened.kinds is context.kinds and opened.environment is context.environment
    assert opened.catalog() is context.catalog()


def test_a_context_and_its_settings_are_not_given_together() -> None:
    with pytest.raises(TypeError, match="either context="):
        build(OSTRODA, ["txt"], context=BuildContext(), templates=TESTS)


def test_build_bytes_with_a_shared_context_keeps_each_requests_catalog_apart() -> None:
    """In memory, a catalog's name says nothing of its content: two requests naming "akty.yaml" with different
    texts must not share a cached catalog."""
    profile = yaml.safe_load((RESOLUTIONS / "profiles" / "ketrzyn.yaml").read_text(encoding="utf-8"))
    profile["acts"] = "akty.yaml"
    data = KETRZYN.read_text(encoding="utf-8")
    context = BuildContext()
    versions = []
    for version in ("A", "B"):
        title = f"ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (wersja {version})"
        catalog = {"version": "2030-01-01", "acts": {"samorzad-gminny": {"title_genitive": title}}}
        request = paldocs.BuildRequest(data=data, name="ketrzyn-2014-pal.yaml", formats=("txt",), files={
            "profiles/ketrzyn.yaml": yaml.safe_dump(profile, allow_unicode=True),
            "profiles/akty.yaml": yaml.safe_dump(catalog, allow_unicode=True)})
        text = paldocs.build_bytes(request, context=context).outputs["txt"].decode("utf-8")
        versions.append(f"(wersja {version})" in text.replace("\u00a0", " ").replace("\n", " "))
    assert versions == [True, True]


# --- output formats ------------------------------------------------------------------------------------------


def test_formats_come_from_the_writer_registry() -> None:
    assert FORMATS == tuple(WRITERS) == ("docx", "pdf", "html", "txt")
    assert check_formats(["txt", "html", "txt"]) == ["txt", "html"]
    with pytest.raises(PaldocsError, match="nieznany format odt; dostępne: docx, pdf, html, txt"):
        check_formats(["odt"])
    for output in WRITERS.values():
        assert callable(output.load())


def test_a_registered_format_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.api import OutputFormat, render

    monkeypatch.setitem(WRITERS, "json", OutputFormat("paldocs.writers.text:to_text"))
    document, _ = to_document(OSTRODA)
    assert render(document, "json") == render(document, "txt")
    assert check_formats(["json"]) == ["json"]


# --- kinds added in a user's templates folder -------------------------------------------------------------

STREET_KIND = {
    "nadanie-nazwy": {
        "name": "nadanie nazwy ulicy",
        "description": "Nadanie nazwy ulicy (rodzaj z własnego katalogu szablonów).",
        "template": "kind-street.md.j2",
        "legal_basis": [],
        "requires": ["subject", "legal_basis", "provisions"],
        "verified": False,
        "sources": "rodzaj testowy",
    }
}
STREET_TEMPLATE = """{% extends "resolution.md.j2" %}
{% block provisions %}
{% include "provisions.md.j2" %}
§ Tablice z nazwą ulicy umieszcza się w terminie 30 dni.

{% include "closing-provisions.md.j2" %}
{% endblock %}
"""


@pytest.fixture
def street(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A templates folder adding the kind "nadanie-nazwy", and a data file of that kind."""
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "kinds.yaml").write_text(yaml.safe_dump(STREET_KIND, allow_unicode=True), encoding="utf-8")
    (templates / "kind-street.md.j2").write_text(STREET_TEMPLATE, encoding="utf-8")
    data = yaml.safe_load(OSTRODA.read_text(encoding="utf-8"))
    del data["program"]
    data["resolution"].update(kind="nadanie-nazwy", subject="w sprawie nadania nazwy ulicy",
                              legal_basis=[{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 13"}],
                              provisions=["Nadaje się ulicy położonej w Ostródzie nazwę „Lipowa”."])
    source = tmp_path / "ulica.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    yield templates, source


def test_a_kind_added_by_the_users_templates_builds_with_the_api(street: tuple[Path, Path], tmp_path: Path) -> None:
    templates, source = street
    result = build(source, ["txt"], tmp_path / "api", templates=templates)
    text = result.outputs[0].read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Nadaje się ulicy położonej w Ostródzie nazwę „Lipowa”." in text
    assert "Tablice z nazwą ulicy umieszcza się w terminie 30 dni." in text  # the user's template ran
    assert paldocs.load(source, templates=templates).resolution.kind == "nadanie-nazwy"
    context = BuildContext(templates=templates)
    assert {"nadanie-nazwy", "pal", "generic"} <= set(context.kinds)  # merged over the built-in kinds


def test_a_kind_added_by_the_users_templates_builds_checks_and_lists_in_the_cli(street: tuple[Path, Path],
                                                                               tmp_path: Path) -> None:
    templates, source = street
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(source), "-f", "txt", "-o", str(tmp_path / "cli"),
                                 "--templates", str(templates)])
    assert built.exit_code == 0, built.stderr
    assert "Tablice z nazwą ulicy" in (tmp_path / "cli" / "ulica.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    checked = runner.invoke(main, ["check", str(source), "--today", "2026-11-25", "--templates", str(templates)])
    assert checked.exit_code in (0, 1) and "nieznany rodzaj" not in checked.output + checked.stderr
    listed = runner.invoke(main, ["kinds", "--templates", str(templates)])
    assert listed.exit_code == 0 and "nadanie-nazwy" in listed.stdout
    schema = json.loads(runner.invoke(main, ["schema", "--templates", str(templates)]).stdout)
    field = schema["$defs"]["Resolution"]["properties"]["kind"]
    assert "nadanie-nazwy" in field["enum"] and "pal" in field["enum"]
    draft = tmp_path / "projekt.yaml"
    made = runner.invoke(main, ["new", "nadanie-nazwy", "-m", str(RESOLUTIONS / "profiles" / "rybnik.yaml"),
                                "-o", str(draft), "--templates", str(templates)])
    assert made.exit_code == 0, made.stderr
    assert "kind: nadanie-nazwy" in draft.read_text(encoding="utf-8")


def test_without_the_users_templates_the_kind_is_unknown(street: tuple[Path, Path], tmp_path: Path) -> None:
    _, source = street
    result = CliRunner().invoke(main, ["build", str(source), "-f", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    line = next(line for line in result.stderr.splitlines() if line.startswith("błąd:"))
    assert f"{source}:" in line and "resolution.kind" in line and "nieznany rodzaj uchwały „nadanie-nazwy”" in line
    assert ("Znane rodzaje: generic, gpwr, opieka-nad-zwierzetami, pal, profilaktyka-alkoholowa, program, "
            "program-oslonowy, program-wspolpracy, przeciwdzialanie-przemocy, przyjecie-sprawozdania, repeal") in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_kind_names_its_place_and_the_closest_known_one(tmp_path: Path) -> None:
    data = OSTRODA.read_text(encoding="utf-8").replace("resolution:\n", "resolution:\n  kind: pall\n", 1)
    source = tmp_path / "d.yaml"
    source.write_text(data, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        to_document(source)
    error = caught.value
    assert (error.location.line, error.location.column, error.location.path) == (10, 3, "resolution.kind")
    assert error.message == "nieznany rodzaj uchwały „pall”"
    assert error.hint is not None and error.hint.startswith("czy chodziło o „pal”? Znane rodzaje: generic, gpwr, opieka-nad-zwierzetami, pal")
    result = CliRunner().invoke(main, ["check", str(source)])
    assert result.exit_code == 2 and "czy chodziło o „pal”?" in result.stderr


def test_schema_describes_the_built_in_kinds() -> None:
    result = CliRunner().invoke(main, ["schema"])
    field = json.loads(result.stdout)["$defs"]["Resolution"]["properties"]["kind"]
    assert field["enum"] == ["pal", "gpwr", "program-wspolpracy", "profilaktyka-alkoholowa", "przeciwdzialanie-przemocy",
                             "opieka-nad-zwierzetami", "program-oslonowy", "program", "przyjecie-sprawozdania", "repeal",
                             "zmiana", "generic"]
    assert "pal — program aktywności lokalnej" in field["description"]


def test_a_model_built_in_code_with_an_unknown_kind_is_refused_when_composed() -> None:
    loaded = paldocs.load(OSTRODA)
    data = loaded.model_copy(update={"resolution": loaded.resolution.model_copy(update={"kind": "nieznany"})})
    with pytest.raises(DataError, match="nieznany rodzaj uchwały „nieznany”") as caught:
        to_document(data)
    assert caught.value.location.path == "resolution.kind"


def test_a_docx_build_never_imports_weasyprint(tmp_path: Path) -> None:
    """The writers load lazily from the registry: only a PDF pays for WeasyPrint (a fresh interpreter)."""
    import subprocess

    probe = ("import sys, paldocs; paldocs.build(sys.argv[1], ['docx', 'html', 'txt'], sys.argv[2]); "
             "print('weasyprint' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(OSTRODA), str(tmp_path)], capture_output=True,
                            text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False"
    assert sorted(path.suffix for path in tmp_path.iterdir()) == [".docx", ".html", ".txt"]
