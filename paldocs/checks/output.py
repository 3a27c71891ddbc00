"""Findings as text for a clerk and as stable JSON for tools.

Contract: :func:`format_text` prints one finding per line, ``<file:line:column field> <unit>: <poziom> <ID>:
<message>``, a ``→ <fix>`` line when there is one, and a summary; :func:`format_json` prints the documented
schema of :data:`JSON_EXAMPLE` (``version`` changes only when a field changes meaning).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from paldocs.checks.engine import Finding

JSON_EXAMPLE = """{"version": 1,
 "findings": [{"rule": "PD045", "severity": "warning", "message": "…", "file": "resolutions/x.yaml", "line": 12,
               "column": 9, "path": "program.sections[3].items[1].text", "unit": null, "fix": "…"}],
 "summary": {"error": 0, "warning": 3, "info": 1}}"""
SEVERITY_WORDS = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}


def format_text(findings: Sequence[Finding]) -> str:
    lines: list[str] = []
    for finding in findings:
        place = str(finding.location)
        if finding.unit:
            place = f"{place} {finding.unit}" if place else finding.unit
        lines.append(f"{place}: {SEVERITY_WORDS[finding.severity]} {finding.rule}: {finding.message}")
        if finding.fix:
            lines.append(f"  → {finding.fix}")
    counts = Counter(finding.severity for finding in findings)
    lines.append(f"{counts['error']} błędów, {counts['warning']} ostrzeżeń, {counts['info']} informacji"
                 if findings else "bez uwag")
    return "\n".join(lines) + "\n"


def to_json_object(findings: Sequence[Finding]) -> dict[str, object]:
    counts = Counter(finding.severity for finding in findings)
    return {
        "version": 1,
        "findings": [{"rule": f.rule, "severity": f.severity, "message": f.message, "file": f.location.file,
                      "line": f.location.line, "column": f.location.column, "path": f.location.path,
                      "unit": f.unit, "fix": f.fix} for f in findings],
        "summary": {severity: counts[severity] for severity in ("error", "warning", "info")},
    }


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps(to_json_object(findings), ensure_ascii=False, indent=2) + "\n"
