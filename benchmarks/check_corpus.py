"""The check corpus measured: how many known defects ``paldocs check`` finds, and how much it says on clean drafts.

Run: ``.venv/bin/python benchmarks/check_corpus.py [--markdown]`` (from the repository root). Every file of
tests/data/check_corpus/ is checked once, exactly as tests/test_check_corpus.py does (its functions, the same
fixed "today"), and the script prints:

- recall: defects found by their rule at their field ÷ all defects (a draft the checks cannot read at all —
  exit code 2, e.g. an unknown kind — counts as not found);
- noise: findings on the clean drafts per clean draft, by severity (error, warning, info), and which rules
  produced them;
- a per-rule table: for each rule of the corpus its defects, how many were found, recall, and the names of the
  drafts missed with the reason (not reported / reported elsewhere / check stopped).

``--markdown`` prints the same as Markdown tables (for a report or a pull request). The exit code is 0 whether
all defects are found or not: the script reports, it does not gate (the test gates).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_check_corpus import CLEAN, DEFECTS, Outcome, outcome  # noqa: E402  (tests/ is on sys.path from here)

SEVERITIES = ("error", "warning", "info")


def miss_reason(result: Outcome) -> str:
    """Why a defect was not found, in a few words."""
    if result.error is not None:
        return "check stopped: " + result.error.rsplit(": ", 1)[-1][:80]
    elsewhere = sorted({f.location.path or "(no field)" for f in result.findings if f.rule == result.case.rule})
    return f"reported at {', '.join(elsewhere)}" if elsewhere else "not reported"


def measure() -> tuple[list[Outcome], list[Outcome]]:
    return [outcome(case.path) for case in DEFECTS], [outcome(case.path) for case in CLEAN]


def summary_lines(defects: list[Outcome], clean: list[Outcome], markdown: bool) -> list[str]:
    found = sum(bool(result.hits()) for result in defects)
    recall = found / len(defects) if defects else 0.0
    per_severity = Counter(f.severity for result in clean for f in result.findings)
    stopped = [result.case.name for result in clean if result.error is not None]
    noise_rules = Counter(f"{f.rule} {f.severity}" for result in clean for f in result.findings
                          if f.severity != "info")
    per_draft = ", ".join(f"{severity} {per_severity[severity] / len(clean):.2f}" for severity in SEVERITIES)
    lines = [f"Recall: {found} of {len(defects)} defects found at their field ({recall:.1%}).",
             f"Noise on {len(clean)} clean drafts, findings per draft: {per_draft}"
             + (f"; check stopped on {len(stopped)}: {', '.join(stopped)}" if stopped else "") + ".",
             "Errors and warnings on clean drafts by rule: "
             + (", ".join(f"{key} ×{count}" for key, count in sorted(noise_rules.items())) or "none") + "."]
    if markdown:
        lines = [f"- {line}" for line in lines]
    return lines


def rule_rows(defects: list[Outcome]) -> list[tuple[str, int, int, str]]:
    by_rule: dict[str, list[Outcome]] = defaultdict(list)
    for result in defects:
        by_rule[result.case.rule or ""].append(result)
    rows = []
    for rule, results in sorted(by_rule.items()):
        missed = [f"{result.case.name} ({miss_reason(result)})" for result in results if not result.hits()]
        rows.append((rule, len(results), len(results) - len(missed), "; ".join(missed)))
    return rows


def table(defects: list[Outcome], markdown: bool) -> list[str]:
    rows = rule_rows(defects)
    if markdown:
        lines = ["| rule | defects | found | recall | missed |", "|---|--:|--:|--:|---|"]
        lines += [f"| {rule} | {total} | {found} | {found / total:.0%} | {missed or '—'} |"
                  for rule, total, found, missed in rows]
        return lines
    lines = [f"{'rule':6} {'defects':>7} {'found':>5} {'recall':>6}  missed"]
    lines += [f"{rule:6} {total:7} {found:5} {found / total:6.0%}  {missed or '—'}"
              for rule, total, found, missed in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    options = parser.parse_args(argv)
    defects, clean = measure()
    print("\n".join([*summary_lines(defects, clean, options.markdown), "", *table(defects, options.markdown)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
