"""Whole-process cost of a cold command: ``paldocs build FILE -f pdf`` against a raw WeasyPrint run on the same
HTML, ``paldocs check FILE``, and where a cold build's time goes.

Contract:
- :func:`measure` (``runs`` fresh processes of each) returns a JSON-ready dict: the medians in seconds of
  ``paldocs build resolutions/ketrzyn-2014-pal.yaml -f pdf --out TMP`` (the console script next to this
  interpreter), of a raw WeasyPrint script on the exact HTML and print CSS paldocs gives WeasyPrint for that
  file (``HTML(string=…).write_pdf(stylesheets=[css], font_config=…, pdf_tags=True)``: tagged, as every paldocs
  PDF; it also imports only ``weasyprint``), of the same raw script finding WeasyPrint's native libraries the
  way the ``paldocs`` command does (one ``ldconfig -p`` listing, :mod:`paldocs.cli.native_libraries`:
  ``raw_same_lookup``), of ``paldocs check FILE`` and of a bare interpreter (``python -c pass``, the floor of
  any command); the ratio build ÷ raw on wall time and on CPU time (CPU time, user + system from ``os.wait4``,
  child processes included, is much less disturbed by other work on a shared machine than the wall), the same
  two against ``raw_same_lookup`` (``ratio_same_lookup``, ``cpu_ratio_same_lookup``: paldocs's own cost
  around WeasyPrint, without what the command saves WeasyPrint's library search), the goals (ratio ≤ 1.15, check ≤ 0.3 s) with pass/miss, and the load average before and after.
  Every command is run once untimed first (byte-compiled files and paldocs's user cache exist for a user
  from the second run after an install on), then the four are timed interleaved, so that load changes hit
  all alike.
- :func:`stages` runs one fresh process that builds the same PDF step by step, set up as the command sets its
  process up, and returns the milliseconds of each step: importing click and the command line, WeasyPrint, the rest of paldocs, composing, WeasyPrint's
  fonts and print CSS, the PDF itself, a second (warm) PDF for comparison — what the first build pays once.
- Run as a script it prints both as a table (``--json FILE`` writes the dict). Nothing is written outside a
  temporary folder (and the user cache the commands themselves use); no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import commandline  # noqa: E402 — standard library only; the measured processes import paldocs, not this one

REPO = HERE.parent
FILE = "resolutions/ketrzyn-2014-pal.yaml"  # relative to REPO, as a clerk in a checkout types it
GOAL_RATIO = 1.15
GOAL_CHECK_S = 0.3

# Writes the HTML and print CSS paldocs's PDF writer hands WeasyPrint for FILE (paldocs.writers.pdf.to_pdf).
INPUTS = """
import sys
from paldocs.api import to_document
from paldocs.writers.html import to_html, load_print_css
document, _ = to_document(sys.argv[1])
open(sys.argv[2], "w", encoding="utf-8").write(to_html(document, css="", notes="page"))
open(sys.argv[3], "w", encoding="utf-8").write(load_print_css(document.house_style))
"""

# WeasyPrint alone on those files: what a developer would write to turn the same HTML into a tagged PDF.
RAW = """
import sys
import weasyprint
from weasyprint.text.fonts import FontConfiguration
html, css, out = sys.argv[1:4]
fonts = FontConfiguration()
sheet = weasyprint.CSS(string=open(css, encoding="utf-8").read(), base_url="paldocs:/", font_config=fonts)
weasyprint.HTML(string=open(html, encoding="utf-8").read(), base_url="paldocs:/").write_pdf(
    out, stylesheets=[sheet], font_config=fonts, pdf_tags=True)
"""

# The raw script, WeasyPrint's native libraries found as the paldocs command finds them (the module is loaded
# from its file alone: it needs nothing but the standard library, and the script imports nothing of paldocs).
RAW_SAME_LOOKUP = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("native_libraries", sys.argv.pop(4))
native_libraries = importlib.util.module_from_spec(spec)
spec.loader.exec_module(native_libraries)
native_libraries.replace_find_library()
""" + RAW
NATIVE_LIBRARIES = REPO / "paldocs" / "cli" / "native_libraries.py"

# One fresh process, the build's steps timed one by one (milliseconds).
STAGES = """
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import click, paldocs.cli, paldocs.cli.build
from paldocs.cli.exit import prepare_process
prepare_process(); mark("import click + command line")
import weasyprint; mark("import weasyprint")
import paldocs.api, paldocs.batch, paldocs.writers.pdf; mark("import the rest of paldocs")
from paldocs.context import BuildContext
context = BuildContext().open(sys.argv[1])
document, _notes, _files = paldocs.api.compose_document(context); mark("load, compose, parse")
paldocs.writers.pdf.load_resources(); mark("fonts and print CSS")
paldocs.writers.pdf.to_pdf(document); mark("PDF (first)")
paldocs.writers.pdf.to_pdf(document); mark("PDF (again, warm)")
print(json.dumps({name: round((t - marks[i][1]) * 1000, 1) for i, (name, t) in enumerate(marks[1:])}))
"""


def _load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()] if hasattr(os, "getloadavg") else []


def measure(runs: int = 5) -> dict[str, Any]:
    """Cold build vs cold raw WeasyPrint, and cold check: medians of ``runs`` fresh processes (see the contract)."""
    paldocs = commandline.paldocs_command()
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="paldocs-startup-") as folder:
        work = Path(folder)
        html, css, raw_script = work / "input.html", work / "print.css", work / "raw.py"
        raw_script.write_text(RAW, encoding="utf-8")
        same_lookup_script = work / "raw_same_lookup.py"
        same_lookup_script.write_text(RAW_SAME_LOOKUP, encoding="utf-8")
        subprocess.run([sys.executable, "-c", INPUTS, FILE, str(html), str(css)], cwd=REPO, check=True,
                       capture_output=True)
        commands: dict[str, tuple[list[str], tuple[int, ...]]] = {
            "build": ([*paldocs, "build", FILE, "-f", "pdf", "--out", str(work / "out")], (0,)),
            "raw_weasyprint": ([sys.executable, str(raw_script), str(html), str(css), str(work / "raw.pdf")], (0,)),
            "raw_same_lookup": ([sys.executable, str(same_lookup_script), str(html), str(css),
                                 str(work / "raw_same_lookup.pdf"), str(NATIVE_LIBRARIES)], (0,)),
            "check": ([*paldocs, "check", FILE], (0, 1)),  # 1: findings, check's normal answer
            "python": ([sys.executable, "-c", "pass"], (0,)),
        }
        wall: dict[str, list[float]] = {key: [] for key in commands}
        cpu: dict[str, list[float]] = {key: [] for key in commands}
        for round_number in range(runs + 1):
            for key, (args, allowed) in commands.items():
                log = work / f"{key}.log"
                run = commandline.run_process(args, log)
                if run.exit_code not in allowed:
                    raise SystemExit(f"{' '.join(args)} exited with {run.exit_code}:\n"
                                     f"{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
                if round_number:  # the first round is the untimed warm-up
                    wall[key].append(round(run.wall, 4))
                    cpu[key].append(round(run.cpu, 4))
    median = {key: statistics.median(values) for key, values in wall.items()}
    cpu_median = {key: statistics.median(values) for key, values in cpu.items()}
    ratio = median["build"] / median["raw_weasyprint"]
    cpu_ratio = cpu_median["build"] / cpu_median["raw_weasyprint"]
    same_lookup = median["build"] / median["raw_same_lookup"]
    cpu_same_lookup = cpu_median["build"] / cpu_median["raw_same_lookup"]
    return {
        "file": FILE, "runs": runs, "command": paldocs, "cores": os.cpu_count(),
        "load_average_before": load_before, "load_average_after": _load(),
        "median_s": median, "cpu_median_s": cpu_median, "wall_s": wall, "cpu_s": cpu,
        "ratio": round(ratio, 3), "cpu_ratio": round(cpu_ratio, 3),
        "ratio_same_lookup": round(same_lookup, 3), "cpu_ratio_same_lookup": round(cpu_same_lookup, 3),
        # the flat names benchmarks/run.py's side-by-side table reads
        "build_median_s": round(median["build"], 3), "weasyprint_median_s": round(median["raw_weasyprint"], 3),
        "check_median_s": round(median["check"], 3),
        "goals": {"ratio": {"value": round(ratio, 3), "goal": GOAL_RATIO, "op": "≤", "pass": ratio <= GOAL_RATIO},
                  "check_s": {"value": round(median["check"], 3), "goal": GOAL_CHECK_S, "op": "≤",
                              "pass": median["check"] <= GOAL_CHECK_S}},
    }


def stages() -> dict[str, float]:
    """Milliseconds of each step of one cold build in a fresh process (see the contract)."""
    result = subprocess.run([sys.executable, "-c", STAGES, FILE], cwd=REPO, check=True, capture_output=True,
                            text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _table(report: dict[str, Any], steps: dict[str, float] | None) -> str:
    lines = [f"cold commands, median of {report['runs']} (load {report['load_average_before']} → "
             f"{report['load_average_after']}, {report['cores']} cores)",
             f"{'command':18} {'wall s':>8} {'CPU s':>8}"]
    for key in report["median_s"]:
        lines.append(f"{key:18} {report['median_s'][key]:8.3f} {report['cpu_median_s'][key]:8.3f}")
    for name, goal in report["goals"].items():
        lines.append(f"{name}: {goal['value']} (goal {goal['op']} {goal['goal']}) "
                     f"{'PASS' if goal['pass'] else 'MISS'}")
    lines.append(f"cpu_ratio: {report['cpu_ratio']}")
    lines.append(f"against raw_same_lookup: ratio {report['ratio_same_lookup']}, "
                 f"cpu_ratio {report['cpu_ratio_same_lookup']}")
    if steps:
        lines.append("one cold build, step by step (ms):")
        lines += [f"  {value:8.1f}  {name}" for name, value in steps.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed fresh processes per command (default 5)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--no-stages", action="store_true", help="skip the step-by-step cold build")
    options = parser.parse_args()
    started = time.perf_counter()
    report = measure(options.runs)
    steps = None if options.no_stages else stages()
    if steps:
        report["stages_ms"] = steps
    report["runtime_s"] = round(time.perf_counter() - started, 1)
    print(_table(report, steps))
    if options.json:
        options.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
