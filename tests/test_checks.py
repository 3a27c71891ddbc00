"""`paldocs check` end to end: the rules table in the docs, exit codes, JSON, the seeds' findings (golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from check_harness import TODAY, write_variant
from click.testing import CliRunner
from conftest import REPO

from paldocs.checks import RULES, check_file, format_text
from paldocs.checks.docs import format_rules_markdown
from paldocs.cli import main


def test_docs_rules_table_is_generated_from_the_registry() -> None:
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == format_rules_markdown(), \
        "regenerate: paldocs rules --markdown > docs/rules.md"


def test_there_are_at_least_25_rules_each_with_a_polish_title_and_description() -> None:
    assert len(RULES) >= 25
    for rule in RULES.values():
        assert rule.title and rule.check.__doc__, rule.id


@pytest.mark.parametrize("name", ["ketrzyn-2014-pal", "inowroclaw-2009-pal"])
def test_seed_findings(name: str, golden, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """What a careful reader marks in the seeds (".." typos, the unbalanced quote, numeric dates, the original's
    "pkt." and "tekst jednolity … ze zm.", the PAL without a monitoring section …), reviewed in the golden file."""
    monkeypatch.chdir(REPO)
    golden(f"{name}.findings.txt", format_text(check_file(f"resolutions/{name}.yaml", today=TODAY)))


def test_ketrzyn_copy_dated_today_has_outdated_citations(tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "resolutions" / "ketrzyn-2014-pal.yaml").read_text(encoding="utf-8"))
    data["municipality"] = str(REPO / "resolutions" / "profiles" / "ketrzyn.yaml")
    data["resolution"]["date"] = TODAY.isoformat()
    # the addresses the council typed in 2014, kept in a copy dated today
    data["resolution"]["legal_basis"][0]["address"] = "Dz. U. z 2013r. poz.594 ze zm."
    data["resolution"]["legal_basis"][1]["address"] = "Dz. U. z 2013r. poz.182 ze zm."
    copy = tmp_path / "kopia.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outdated = [f for f in check_file(copy, today=TODAY) if f.rule == "PD013"]
    assert [f.fix for f in outdated] == ["Dz. U. z 2025 r. poz. 1153", "Dz. U. z 2025 r. poz. 1214"]
    original = [f for f in check_file(REPO / "resolutions" / "ketrzyn-2014-pal.yaml", today=TODAY) if f.rule == "PD013"]
    assert original == []


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_exit_code_0_without_errors_even_with_warnings() -> None:
    code, out, _ = invoke(str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"), "--today", "2026-11-25")
    assert code == 0
    assert "ostrzeżenie PD045" in out and out.rstrip().endswith("informacji")


def test_exit_code_1_when_errors_are_found(tmp_path: Path) -> None:
    future = write_variant(tmp_path, {"resolution": {"date": "2030-01-10", "number": "XII/85/2030"}})
    code, out, _ = invoke(str(future), "--today", "2026-11-25")
    assert code == 1
    assert "błąd PD003" in out


def test_exit_code_2_for_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "zle.yaml"
    bad.write_text("resolution: [\n", encoding="utf-8")
    code, _, err = invoke(str(bad))
    assert code == 2 and err.startswith("błąd: ")


def test_ignore_and_unknown_rule_ids(tmp_path: Path) -> None:
    future = write_variant(tmp_path, {"resolution": {"date": "2030-01-10", "number": "XII/85/2030"}})
    code, out, _ = invoke(str(future), "--today", "2026-11-25", "--ignore", "PD003")
    assert code == 0 and "PD003" not in out
    code, _, err = invoke(str(future), "--ignore", "PD999")
    assert code == 2 and "nieznana reguła PD999" in err


def test_bad_today_is_a_usage_error() -> None:
    code, _, err = invoke(str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"), "--today", "31.12.2026")
    assert code == 2 and "nie jest datą RRRR-MM-DD" in err


def test_json_output_is_stable_and_documented() -> None:
    args = [str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"), "--today", "2026-11-25", "--format", "json"]
    code, out, _ = invoke(*args)
    assert code == 0
    report = json.loads(out)
    assert report["version"] == 1
    assert set(report["summary"]) == {"error", "warning", "info"}
    keys = {"rule", "severity", "message", "file", "line", "column", "path", "unit", "fix"}
    assert all(set(finding) == keys for finding in report["findings"])
    assert sum(report["summary"].values()) == len(report["findings"])
    assert invoke(*args)[1] == out  # same input, same bytes
    assert '"version"' in (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def test_checks_run_on_every_example_without_crashing(tmp_path: Path) -> None:
    for path in sorted((REPO / "resolutions").glob("*.yaml")):
        assert isinstance(check_file(path, today=TODAY), list)
