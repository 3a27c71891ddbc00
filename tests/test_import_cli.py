"""``paldocs import``: one draft per act, output names and folders, nothing half-written, the log on stderr.

Real texts: tests/import_cases/resolutions/bip_page.txt (a BIP page of Gmina Rypin) and
tests/data/import_documents/ (sources in its README.md).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from paldocs.cli import main
from paldocs.importer import api
from paldocs.model.load import load_data_file

RYPIN = Path(__file__).parent / "import_cases" / "resolutions" / "bip_page.txt"
DATA = Path(__file__).parent / "data" / "import_documents"


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["import", *args])


@pytest.fixture
def two_acts(monkeypatch: pytest.MonkeyPatch) -> None:
    """An importer that finds two acts in the file (the Rypin page read twice): the command's own behaviour."""
    monkeypatch.setattr(api, "import_documents",
                        lambda path, profile=None: [api.import_document(path, profile=profile),
                                                    api.import_document(path, profile=profile)], raising=False)


def test_missing_output_folder_is_created(tmp_path: Path) -> None:
    output = tmp_path / "nowy" / "folder" / "projekt.yaml"
    result = _run(str(RYPIN), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(output)
    assert load_data_file(output).document == "resolution"
    assert [p.name for p in output.parent.iterdir()] == ["projekt.yaml"]  # no temporary file left


def test_log_summary_on_stderr_and_the_header_lists_what_to_check(tmp_path: Path) -> None:
    output = tmp_path / "projekt.yaml"
    result = _run(str(RYPIN), "-o", str(output))
    assert result.exit_code == 0, result.output
    for title in ("rozpoznano:", "zachowano jako tekst (Markdown):", "pominięto celowo:", "poprawiono:"):
        assert title in result.stderr
    header = [line for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert header[0].startswith("# Zaimportowano z bip_page.txt")
    assert header[1].startswith("# Pominięte celowo: ") and "poprawione: " in header[1]
    assert len(header) <= 3 + 16  # short: at most 15 notes and a "… i N innych" line


def test_several_acts_are_numbered_files(tmp_path: Path, two_acts: None) -> None:
    output = tmp_path / "projekt.yaml"
    result = _run(str(RYPIN), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(output), str(tmp_path / "projekt-2.yaml")]
    assert "Dokument 2 z 2" in result.stderr
    for path in (output, tmp_path / "projekt-2.yaml"):
        assert load_data_file(path).document == "resolution"


def test_output_may_be_a_folder(tmp_path: Path, two_acts: None) -> None:
    result = _run(str(RYPIN), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bip_page-2.yaml", "bip_page.yaml"]


def test_every_target_is_checked_before_anything_is_written(tmp_path: Path, two_acts: None) -> None:
    second = tmp_path / "projekt-2.yaml"
    second.write_text("stary\n", encoding="utf-8")
    result = _run(str(RYPIN), "-o", str(tmp_path / "projekt.yaml"))
    assert result.exit_code == 2 and "błąd:" in result.stderr and "--force" in result.stderr
    assert not (tmp_path / "projekt.yaml").exists() and second.read_text(encoding="utf-8") == "stary\n"
    forced = _run(str(RYPIN), "-o", str(tmp_path / "projekt.yaml"), "--force")
    assert forced.exit_code == 0, forced.output
    assert load_data_file(second).document == "resolution"


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path, two_acts: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "projekt.yaml"
    first.write_text("poprzedni\n", encoding="utf-8")
    calls = []

    def replace(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    result = _run(str(RYPIN), "-o", str(first), "--force")
    assert result.exit_code == 2 and result.stderr.startswith("błąd:"), result.output
    assert "Traceback" not in result.output
    assert first.read_text(encoding="utf-8") == "poprzedni\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["projekt.yaml"]


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "uchwala.txt"
    source.write_bytes(RYPIN.read_bytes())
    result = _run(str(source), "-o", str(source), "--force")
    assert result.exit_code == 2 and "plik wejściowy" in result.stderr
    assert source.read_bytes() == RYPIN.read_bytes()


@pytest.mark.parametrize(("name", "content"), [("pusty.txt", b""), ("rysunek.png", b"\x89PNG\r\n\x1a\n\0\0"),
                                               ("dane.xyz", b"tekst")])
def test_unreadable_file_is_one_error_line(tmp_path: Path, name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    result = _run(str(source), "-o", str(tmp_path / "d.yaml"))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("błąd:") and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "d.yaml").exists()


def test_two_real_acts_in_one_file(tmp_path: Path) -> None:
    # the Rutki and Augustów acts one after the other (tests/data/import_documents/README.md)
    source = tmp_path / "dwie.txt"
    source.write_text((DATA / "rutki-2012-regulamin.txt").read_text(encoding="utf-8") + "\n"
                      + (DATA / "augustow-2020-regulamin.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = _run(str(source), "-o", str(tmp_path / "out" / "uchwala.yaml"))
    assert result.exit_code == 0, result.output
    first, second = (yaml.safe_load((tmp_path / "out" / name).read_text(encoding="utf-8"))
                     for name in ("uchwala.yaml", "uchwala-2.yaml"))
    assert first["resolution"]["number"] in ("107/XX/12", {"session": "XX", "number": 107, "year": 2012})
    assert "Augustów" in yaml.safe_dump(second, allow_unicode=True)


def test_the_word_account_is_printed(tmp_path: Path) -> None:
    result = _run(str(RYPIN), "-o", str(tmp_path / "d.yaml"))
    assert result.exit_code == 0, result.output
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("słowa: ") and "zachowane" in line and "niezachowane" in line, line


def test_a_name_ending_with_a_slash_is_a_folder_to_create(tmp_path: Path) -> None:
    result = _run(str(RYPIN), "-o", str(tmp_path / "projekty") + "/")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "projekty" / "bip_page.yaml").is_file()
