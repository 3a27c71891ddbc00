"""The command line through click's CliRunner (and once as a real process): exit codes, messages, files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TESTS

import paldocs.api
from paldocs.cli import main

VALID = TESTS / "data" / "ostroda-2024-pal.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_each_format_and_prints_the_paths(tmp_path: Path) -> None:
    code, out, err = run("build", str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"), "--format", "docx,txt",
                         "--out", str(tmp_path))
    assert code == 0, err
    assert out.splitlines() == [str(tmp_path / "ketrzyn-2014-pal.docx"), str(tmp_path / "ketrzyn-2014-pal.txt")]
    assert (tmp_path / "ketrzyn-2014-pal.docx").read_bytes()[:2] == b"PK"
    assert "UCHWAŁA NR\u00a0LXIV/400/14" in (tmp_path / "ketrzyn-2014-pal.txt").read_text(encoding="utf-8")
    assert "uwaga:" in err and "z praktyki" in err  # the u.p.s. address seen only in practice is said out loud
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ketrzyn-2014-pal.docx", "ketrzyn-2014-pal.txt"]


def test_build_many_files(tmp_path: Path) -> None:
    code, out, _ = run("build", str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"),
                       str(REPO / "resolutions" / "inowroclaw-2009-pal.yaml"), "-f", "txt", "-o", str(tmp_path))
    assert code == 0
    assert len(out.splitlines()) == 2


def test_bad_input_exits_2_with_a_located_message_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "zle.yaml"
    bad.write_text(VALID.read_text(encoding="utf-8").replace("  seat:", "  siedziba:"), encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run("build", str(bad), "--out", str(out_dir))
    assert code == 2
    assert err.startswith(f"błąd: {bad}:5:3 municipality.siedziba: nieznane pole „siedziba”")
    assert "czy chodziło o „seat”?" in err
    assert "Traceback" not in err + out
    assert not out_dir.exists() or not any(out_dir.iterdir())


@pytest.mark.parametrize("args, message", [
    (["build", "x.yaml", "--format", "odt"], "nieznany format odt"),
    (["build", "x.yaml", "--format", ","], "nieznany format (pusty)"),
    (["build"], "Missing argument"),
    (["nonexistent-command"], "No such command"),
])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


def test_missing_file_exits_2() -> None:
    code, _, err = run("build", "nie-ma-takiego.yaml")
    assert code == 2
    assert err == "błąd: nie-ma-takiego.yaml: nie ma takiego pliku\n"


def test_output_over_an_input_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "dane.txt"  # a data file whose name collides with the txt output
    shutil.copy(VALID, data)
    before = data.read_bytes()
    code, _, err = run("build", str(data), "--format", "txt")
    assert code == 2
    assert "nadpisałby plik wejściowy" in err
    assert data.read_bytes() == before


def test_a_failed_build_keeps_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, _ = run("build", str(VALID), "-f", "docx,txt", "-o", str(tmp_path))
    assert code == 0
    previous = {path.name: path.read_bytes() for path in tmp_path.iterdir()}

    def broken_render(document: object, fmt: str) -> bytes:
        if fmt == "txt":
            raise paldocs.api.RenderError("awaria zapisu (test)")
        return b"new"

    monkeypatch.setattr(paldocs.api, "render", broken_render)
    code, _, err = run("build", str(VALID), "-f", "docx,txt", "-o", str(tmp_path))
    assert code == 2 and "awaria zapisu" in err
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == previous  # no partial, no temp files


def test_unwritable_output_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "plik"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run("build", str(VALID), "-f", "txt", "-o", str(blocker / "pod"))
    assert code == 2
    assert "nie można zapisać w katalogu" in err


def test_internal_errors_are_short_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(paldocs.api, "build", crash)
    code, out, err = run("build", str(VALID))
    assert code == 1
    assert f"błąd wewnętrzny paldocs przy pliku {VALID} (ZeroDivisionError: division by zero)" in err
    assert "Traceback" not in out + err


def test_check_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "zle.yaml"
    bad.write_text(VALID.read_text(encoding="utf-8").replace("XII/85/2024", "XIIII/85/2024"), encoding="utf-8")
    code, _, err = run("check", str(bad))
    assert code == 2
    assert "nie jest poprawną liczbą rzymską" in err


def test_schema_is_json_schema_of_the_data_files() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == {"document", "municipality", "resolution", "program", "annexes"}
    assert schema["$defs"]["Period"]["properties"].keys() == {"from", "to"}  # the YAML names, not Python's
    assert schema["$defs"]["Item"]["properties"]["text"]["type"] == "string"


# The house style's fields are described with their defaults and effects in docs/house-style.md; every
# field of the document data is also shown by example (editors offer examples as completions).
HOUSE_STYLE_MODELS = {"HouseStyle", "Font", "Page", "Margins", "Table", "Roles", "Role", "Look"}


def _schema_fields(schema: dict) -> list[tuple[str, str, dict]]:
    fields = [("", name, spec) for name, spec in schema["properties"].items()]
    for model, definition in schema["$defs"].items():
        fields += [(model, name, spec) for name, spec in definition.get("properties", {}).items()]
    return fields


def test_schema_describes_every_field_in_polish_and_shows_the_data_fields_by_example() -> None:
    code, out, _ = run("schema")
    assert code == 0
    fields = _schema_fields(json.loads(out))
    assert len(fields) > 150
    undescribed = [f"{model}.{name}" for model, name, spec in fields if not spec.get("description", "").strip()]
    assert not undescribed, f"fields without a description: {undescribed}"
    # every description is Polish: none is an English leftover
    english = [f"{model}.{name}" for model, name, spec in fields
               if re.search(r"\b(?:the|of|and|is|for|with|when)\b", spec["description"])]
    assert not english, f"descriptions in English: {english}"
    without_example = [f"{model}.{name}" for model, name, spec in fields
                       if model not in HOUSE_STYLE_MODELS and not spec.get("examples")]
    assert not without_example, f"data fields without an example: {without_example}"


def test_help_shows_examples() -> None:
    code, out, _ = run("build", "--help")
    assert code == 0
    assert "paldocs build resolutions/ketrzyn-2014-pal.yaml --format docx,pdf" in out
    assert "--format" in out and "--out" in out


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "paldocs", "--help"], capture_output=True, text=True, check=True)
    assert "build" in result.stdout and "check" in result.stdout and "schema" in result.stdout
