"""The rule table for the documentation, generated from the registry (docs/rules.md).

Contract: :func:`format_rules_markdown` returns the whole docs/rules.md: a table of every rule (id, severity,
title, what it checks — the first paragraph of the rule function's docstring) and the JSON output schema.
A test keeps docs/rules.md equal to it; regenerate with ``paldocs rules --markdown > docs/rules.md``.
"""

from __future__ import annotations

import inspect

from paldocs.checks.engine import RULES
from paldocs.checks.output import JSON_EXAMPLE, SEVERITY_WORDS

HEADER = """# Reguły `paldocs check`

Wygenerowane z kodu (`paldocs rules --markdown > docs/rules.md`); nie edytować ręcznie.

`paldocs check FILE… [--format text|json] [--today RRRR-MM-DD] [--ignore ID…] [--acts FILE]` — kod wyjścia
0: bez błędów (ostrzeżenia i informacje nie zmieniają kodu), 1: znaleziono błędy, 2: złe dane wejściowe.

| id | poziom | reguła | co sprawdza |
|---|---|---|---|
"""


def rule_description(rule_id: str) -> str:
    doc = inspect.getdoc(RULES[rule_id].check) or ""
    return " ".join(doc.split("\n\n")[0].split())


def format_rules_markdown() -> str:
    rows = [f"| {rule.id} | {SEVERITY_WORDS[rule.severity]} | {rule.title} | {rule_description(rule.id).replace('|', '/')} |"
            for rule in sorted(RULES.values(), key=lambda r: r.id)]
    return (HEADER + "\n".join(rows) + "\n\n## Wynik w JSON (`--format json`)\n\n"
            "Stabilny: kolejność według pliku, wiersza, kolumny i id reguły; `version` zmienia się tylko wtedy, "
            "gdy pole zmienia znaczenie. Pola: `rule`, `severity` (error/warning/info), `message`, `file`, `line`, "
            "`column`, `path` (ścieżka pola w danych), `unit` (jednostka redakcyjna, np. „§ 2 ust. 1 pkt 3”), "
            "`fix` (proponowana poprawka albo null).\n\n```json\n" + JSON_EXAMPLE + "\n```\n")
