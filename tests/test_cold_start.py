"""Cold start: the command line loads only what a command needs (a fast cold start).

``paldocs --help`` and ``paldocs check`` (of resolutions and of a report) must not import WeasyPrint,
matplotlib or morfeusz2 — each costs a noticeable part of a second at start-up and none is needed there.
Each command runs in a fresh interpreter (a module imported by an earlier test would hide a regression);
the time itself is measured by benchmarks/, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow  # every probe starts a fresh interpreter

HEAVY = ("weasyprint", "matplotlib", "morfeusz2")
PROBE = """
import json, sys
from paldocs.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(json.dumps({"code": code, "loaded": [name for name in %r if name in sys.modules]}), file=sys.stderr)
""" % (HEAVY,)


def run_fresh(*args: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=REPO,
                            check=False)
    return json.loads(result.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("args", [
    ["--help"],
    ["build", "--help"],
    ["check", "resolutions/ketrzyn-2014-pal.yaml", "resolutions/inowroclaw-2009-pal.yaml", "--today", "2026-11-25"],
    ["check", "resolutions/ketrzyn-2014-pal/sprawozdanie-2014-2016.yaml"],
    ["rules"],
    ["acts", "list"],
], ids=["help", "build-help", "check-resolutions", "check-report", "rules", "acts-list"])
def test_command_loads_no_heavy_module(args: list[str]) -> None:
    outcome = run_fresh(*args)
    assert outcome["code"] in (0, None, 1), outcome  # check may exit 1 for findings
    assert outcome["loaded"] == [], f"paldocs {' '.join(args)} imported {outcome['loaded']}"


def test_the_probe_would_see_a_heavy_import() -> None:
    """The PDF build does load WeasyPrint: the probe above can fail."""
    outcome = run_fresh("build", "tests/data/ostroda-2024-pal.yaml", "-f", "pdf", "-o", "/tmp/paldocs-cold-probe")
    assert outcome["code"] in (0, None) and "weasyprint" in outcome["loaded"]  # type: ignore[operator]
