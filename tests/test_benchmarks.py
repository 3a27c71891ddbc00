"""benchmarks/run.py and its side-by-side scale table (benchmarks/scale.py): they run and report well-formed tables.

Contract under test (no timing is asserted: figures on a shared machine say nothing about correctness):
- a scale part whose module is missing is reported "not built yet", with the reason, and nothing is run;
- a part's figures are read under the documented names (also one level down), ratios the part does not give
  are computed from its medians, goals give PASS/MISS, booleans print yes/no;
- where a part is not built, run.py's own figure of the same thing is shown with its origin;
- a part module runs in a fresh process: its dictionary comes back with the process's memory and the load
  around it; a part that raises is reported as failed with its error;
- every Markdown table run.py writes has a header, a separator and the same number of cells in every line;
- ``run.py --smallest --json FILE`` runs every section and writes the JSON and the Markdown summary.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

BENCHMARKS = REPO / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import scale  # noqa: E402  (benchmarks/ is on sys.path from here on)

SEPARATOR = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def cells(line: str) -> list[str]:
    """The cells of one Markdown table line (``|`` inside backticks does not occur in these tables)."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def table_problems(markdown: str) -> list[str]:
    """Every Markdown table in ``markdown`` checked: a header, a separator, equal cell counts; [] when well formed."""
    problems: list[str] = []
    tables: list[list[str]] = []
    previous_was_table = False
    for line in markdown.splitlines():
        is_table = line.startswith("|")
        if is_table and not previous_was_table:
            tables.append([])
        if is_table:
            tables[-1].append(line)
        previous_was_table = is_table
    for table in tables:
        if len(table) < 3:
            problems.append(f"table without header, separator and a row: {table[0]!r}")
            continue
        if not SEPARATOR.match(table[1]):
            problems.append(f"second line is not a separator: {table[1]!r}")
        width = len(cells(table[0]))
        problems += [f"{len(cells(line))} cells, header has {width}: {line!r}" for line in table
                     if len(cells(line)) != width]
    return problems


def not_built(key: str) -> dict[str, Any]:
    part = scale.PART_BY_KEY[key]
    return {"key": key, "title": part.title, "module": f"benchmarks/{part.module}.py", "arguments": {},
            "status": scale.NOT_BUILT, "reason": f"benchmarks/{part.module}.py does not exist"}


def measured(key: str, result: dict[str, Any], arguments: dict[str, Any] | None = None) -> dict[str, Any]:
    process = {"wall_s": 3.0, "cpu_s": 5.0, "max_rss_kib": 200_000, "tree_peak_pss_kib": 400_000,
               "others_cores": 0.4, "steal_s": 0.0, "others_top": [], "load_average_before": [1.5, 1, 1],
               "load_average_after": [1.7, 1, 1]}
    return {**not_built(key), "status": "measured", "reason": None, "arguments": arguments or {},
            "result": result, "process": process}


NOTHING_BUILT = {"parts": {key: not_built(key) for key in scale.PART_BY_KEY}}
ALL_MEASURED = {"parts": {
    "startup": measured("startup", {"build_median_s": 1.2, "weasyprint_median_s": 1.0, "check_median_s": 0.25,
                                    "runs": 5, "note": "cold"}, {"runs": 5}),
    "long_document": measured("long_document", {"serial_s": 14.0, "parallel_s": 7.5, "pages": 319,
                                                "same_as_serial": True, "byte_identical": False},
                              {"scale": 100, "workers": 2}),
    "cluster": measured("cluster", {"throughput": {"local_documents_per_s": 8.0, "dask_documents_per_s": 6.0}},
                        {"documents": 100}),
}}
OWN = {"check_s": 0.34, "build_peak_mb": 89.0, "pdf_large_s": 13.7, "pdf_large_factor": 100,
       "pdf_large_pages": 319, "pdf_large_peak_mb": 300.0, "batch_documents_per_s": 8.8, "batch_jobs": 2,
       "batch_documents": 100, "batch_tree_pss_mb": 450.0}


def row(rows: list[scale.Row], part: str, starts: str) -> scale.Row:
    found = [r for r in rows if r.part == part and r.name.startswith(starts)]
    assert len(found) == 1, (part, starts, [r.name for r in rows])
    return found[0]


def test_a_part_whose_module_is_missing_is_not_built_yet(tmp_path: Path) -> None:
    outcome = scale.measure_part(scale.PART_BY_KEY["long_document"], {"scale": 1, "workers": 2}, tmp_path,
                                 folder=tmp_path)
    assert outcome["status"] == scale.NOT_BUILT
    assert "benchmarks/long_document.py does not exist" in outcome["reason"]
    assert "process" not in outcome  # nothing was started


def test_nothing_built_shows_run_py_figures_with_their_origin() -> None:
    rows = scale.side_by_side(NOTHING_BUILT, OWN)
    ratio = row(rows, "whole process", "ratio")
    assert ratio.value is None and ratio.value_text() == "not built yet" and ratio.result_text() == "–"
    check = row(rows, "whole process", "`paldocs check")
    assert check.value == 0.34 and check.source.startswith("run.py") and check.result_text() == "MISS (+13%)"
    serial = row(rows, "long document", "PDF on one core")
    assert serial.value == 13.7 and "100×" in serial.name and serial.source.startswith("run.py")
    assert row(rows, "long document", "speed-up").value_text() == "not built yet"
    assert row(rows, "batch on a cluster", "local processes").value == 8.8
    assert row(rows, "batch on a cluster", "Dask distributed").value is None


def test_without_own_figures_every_row_of_a_missing_part_says_not_built_yet() -> None:
    rows = scale.side_by_side(NOTHING_BUILT, {})
    assert rows and all(r.value is None and r.value_text() == "not built yet" for r in rows)


@pytest.mark.parametrize(("part", "starts", "value_text", "goal_text", "result"), [
    ("whole process", "`paldocs build", "1.20 s", "–", "–"),
    ("whole process", "ratio", "1.20×", "≤ 1.15×", "MISS (+4%)"),  # computed from the two medians
    ("whole process", "`paldocs check", "0.25 s", "≤ 0.3 s", "PASS"),  # the part's own, not run.py's 0.34
    ("whole process", "peak memory", "89 MB", "–", "–"),  # the part gives none: run.py's
    ("long document", "PDF on one core (100×, 2 workers)", "14.0 s", "–", "–"),
    ("long document", "speed-up", "1.87×", "≥ 1.8×", "PASS"),
    ("long document", "PDF pages", "319", "–", "–"),
    ("long document", "same text", "yes", "–", "–"),
    ("long document", "byte-identical", "no", "–", "–"),
    ("long document", "peak memory on all cores", "410 MB", "–", "–"),  # the measured tree's PSS
    ("batch on a cluster", "local processes, documents/s (100 documents)", "8.00 docs/s", "–", "–"),  # nested
    ("batch on a cluster", "Dask ÷", "0.75×", "–", "–"),
])
def test_measured_parts_are_read_and_judged(part: str, starts: str, value_text: str, goal_text: str,
                                            result: str) -> None:
    found = row(scale.side_by_side(ALL_MEASURED, OWN), part, starts)
    assert (found.value_text(), found.goal_text(), found.result_text()) == (value_text, goal_text, result)


def test_a_failed_part_is_reported_and_fails_the_run() -> None:
    failed = {**not_built("cluster"), "status": "failed", "reason": "RuntimeError: no scheduler"}
    report = {"parts": {**NOTHING_BUILT["parts"], "cluster": failed}}
    assert scale.any_failed(report) and not scale.any_failed(NOTHING_BUILT)
    assert row(scale.side_by_side(report, {}), "batch on a cluster", "Dask distributed").value_text() == "failed"
    assert any("failed: RuntimeError: no scheduler" in line for line in scale.part_lines(report))


@pytest.mark.parametrize("report", [NOTHING_BUILT, ALL_MEASURED], ids=["nothing-built", "all-measured"])
def test_the_markdown_table_is_well_formed(report: dict[str, Any]) -> None:
    rows = scale.side_by_side(report, OWN)
    markdown = "\n".join(scale.markdown_rows(rows, report))
    assert table_problems(markdown) == []
    assert sum(line.startswith("| ") for line in markdown.splitlines()) == len(rows) + 1  # header + rows
    assert len(scale.part_lines(report)) == len(scale.PARTS)


def test_the_checker_sees_a_malformed_table() -> None:
    assert table_problems("| a | b |\n|---|--:|\n| 1 | 2 |\n") == []
    assert table_problems("| a | b |\n|---|--:|\n| 1 | 2 | 3 |\n")
    assert table_problems("| a | b |\n| 1 | 2 |\n| 3 | 4 |\n")


def test_the_text_report_lists_the_figures_the_table_does_not_show() -> None:
    text = "\n".join(scale.text_rows(scale.side_by_side(ALL_MEASURED, OWN), ALL_MEASURED))
    assert "other figures from benchmarks/startup.py: runs=5, note=cold" in text
    assert "load 1.50→1.70, other processes 0.40 cores" in text


FAKE_STARTUP = '''
def measure(runs):
    return {"build_median_s": 1.1, "weasyprint_median_s": 1.0, "check_median_s": 0.2, "runs": runs}
'''


@pytest.mark.parametrize(("body", "status"), [
    (FAKE_STARTUP, "measured"),
    ("def measure(runs):\n    raise RuntimeError('the engine is missing')\n", "failed"),
    ("X = 1\n", scale.NOT_BUILT),
], ids=["measured", "raises", "no-measure"])
def test_a_part_runs_in_a_fresh_process(tmp_path: Path, body: str, status: str) -> None:
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / "startup.py").write_text(body, encoding="utf-8")
    outcome = scale.measure_part(scale.PART_BY_KEY["startup"], {"runs": 2}, tmp_path, folder=folder)
    assert outcome["status"] == status, outcome
    assert {"wall_s", "tree_peak_pss_kib", "load_average_before", "others_cores"} <= outcome["process"].keys()
    if status == "measured":
        assert outcome["result"] == {"build_median_s": 1.1, "weasyprint_median_s": 1.0, "check_median_s": 0.2,
                                     "runs": 2}
    elif status == "failed":
        assert "RuntimeError: the engine is missing" in outcome["reason"]
    else:
        assert "has no function measure" in outcome["reason"]


@pytest.mark.slow  # a real build, cold and warm, plus the command line: seconds
def test_the_smallest_run_writes_well_formed_tables(tmp_path: Path) -> None:
    target = tmp_path / "latest.json"
    completed = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--smallest", "--json", str(target)],
                               capture_output=True, text=True, cwd=REPO, check=False, timeout=900)
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["settings"]["smallest"] and report["machine"]["cores"] >= 1
    assert len(report["load_average"]["start"]) == 3 and len(report["load_average"]["end"]) == 3
    parts = report["scale"]["parts"]
    assert set(parts) == set(scale.PART_BY_KEY)
    assert all(part["status"] in ("measured", scale.NOT_BUILT) for part in parts.values()), parts
    assert len(report["scale"]["rows"]) == len(scale.side_by_side(NOTHING_BUILT, {}))
    markdown = target.with_suffix(".md").read_text(encoding="utf-8")
    assert markdown.startswith("Measured ") and "load average" in markdown.splitlines()[0]
    assert table_problems(markdown) == []
    assert "| part | measure | value | goal | result | measured by |" in markdown
    assert "| goal | size | value | goal | result |" in markdown
    assert "performance and scale, side by side" in completed.stdout
