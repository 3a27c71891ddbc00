"""The check corpus: drafts with one known defect each, and clean drafts, run through ``paldocs check``.

Every file of tests/data/check_corpus/ is a data file based on a real resolution (its source — a BIP page or a
named resolution — is in a comment) and states on its first line what the checks must say about it:

- ``# defect: PD026 resolution.provisions[2] — <what is wrong, in Polish>``: the rule PD026 reports a finding
  (any severity) whose field path is ``resolution.provisions[2]`` or lies inside it (``…[2].text``). A path
  ``*`` accepts a finding anywhere, also one without a field path (the template's standard text, which no data
  field wrote: an entry-into-force clause chosen by the kind).
- ``# clean``: a correct draft — the checks report no error and no warning (informations are allowed).

Besides, over every draft: the notes of the acts catalog and the kind's sources are grouped — at most one PD014
(and one PD013) finding per act of the legal basis, and no PD009 note twice in one document.

The functions here are shared with benchmarks/check_corpus.py (recall, noise, per-rule table), so that the
benchmark and the test judge alike. Each draft is checked once per session (cached).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS

from paldocs.checks import Finding, check_file
from paldocs.errors import PaldocsError

CORPUS = TESTS / "data" / "check_corpus"
TODAY = dt.date(2026, 12, 7)  # fixed "today" of every check: the newest drafts are of 2026 (PD003 needs a later one)
_HEADER = re.compile(r"^# (?:clean|defect: (?P<rule>PD\d{3}) (?P<path>\S+) — (?P<what>\S.*))$")
# The kinds the corpus covers: the built-in ones and the programme kinds of art. 4¹ u.w.t., przemoc domowa,
# ochrona zwierząt and pomoc społeczna.
KINDS = ("pal", "gpwr", "program-wspolpracy", "program", "repeal", "generic", "profilaktyka-alkoholowa",
         "przeciwdzialanie-przemocy", "opieka-nad-zwierzetami", "program-oslonowy")
MIN_DEFECTS, MIN_CLEAN = 60, 10


@dataclass(frozen=True)
class Case:
    """One corpus file and what it declares."""

    path: Path
    rule: str | None  # None: a clean draft
    field: str | None  # the field path the finding must point into ("*": anywhere)
    what: str | None

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Outcome:
    """What ``paldocs check`` said about one case: its findings, or the error that stopped it (exit code 2)."""

    case: Case
    findings: tuple[Finding, ...]
    error: str | None = None

    def hits(self) -> list[Finding]:
        """The findings of the declared rule at the declared field (a defect case)."""
        return [finding for finding in self.findings if finding.rule == self.case.rule
                and within(finding.location.path, self.case.field or "*")]

    def noise(self) -> list[Finding]:
        """Errors and warnings (what a clean draft must not have)."""
        return [finding for finding in self.findings if finding.severity in ("error", "warning")]


def within(path: str | None, expected: str) -> bool:
    """``path`` is the field ``expected`` or a field inside it; ``*`` accepts any place, even none."""
    if expected == "*":
        return True
    return path is not None and (path == expected or path.startswith((expected + ".", expected + "[")))


def read_case(path: Path) -> Case:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = _HEADER.match(first)
    if match is None:
        raise ValueError(f"{path.name}: the first line must be „# clean” or "
                         "„# defect: PD0NN field.path — opis”, "
                         f"not {first!r}")
    return Case(path, match["rule"], match["path"], match["what"])


def corpus_cases() -> list[Case]:
    return [read_case(path) for path in sorted(CORPUS.glob("*.yaml"))]


@cache
def outcome(path: Path) -> Outcome:
    """``paldocs check`` of one file (once per session); bad input is an outcome too, not a crash of the suite."""
    case = read_case(path)
    try:
        return Outcome(case, tuple(check_file(path, today=TODAY)))
    except PaldocsError as error:
        return Outcome(case, (), f"{error.location}: {error.message}")


def describe(findings: tuple[Finding, ...] | list[Finding]) -> str:
    return "\n".join(f"  {f.rule} {f.severity} {f.location.path or '(bez pola)'}: {f.message[:160]}"
                     for f in findings) or "  (brak uwag)"


CASES = corpus_cases()
DEFECTS = [case for case in CASES if case.rule is not None]
CLEAN = [case for case in CASES if case.rule is None]


@pytest.mark.parametrize("case", DEFECTS, ids=lambda case: case.name)
def test_the_known_defect_is_found_at_its_field(case: Case) -> None:
    result = outcome(case.path)
    assert result.error is None, f"{case.name}: paldocs check stopped (exit 2): {result.error}"
    assert result.hits(), (f"{case.name}: {case.rule} at {case.field} not reported ({case.what}); findings:\n"
                           + describe(result.findings))


@pytest.mark.parametrize("case", CLEAN, ids=lambda case: case.name)
def test_a_clean_draft_has_no_error_or_warning(case: Case) -> None:
    result = outcome(case.path)
    assert result.error is None, f"{case.name}: paldocs check stopped (exit 2): {result.error}"
    assert not result.noise(), f"{case.name}: a correct draft, yet:\n" + describe(result.noise())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_catalog_and_kind_notes_are_grouped(case: Case) -> None:
    """One PD013 and one PD014 finding per act of the legal basis at most (all its doubts in one message), and
    no PD009 note about the kind's sources said twice in one document."""
    findings = outcome(case.path).findings
    per_act = Counter((f.rule, f.location.path, _default_act(f)) for f in findings if f.rule in ("PD013", "PD014"))
    repeated = {key: count for key, count in per_act.items() if count > 1}
    assert not repeated, f"{case.name}: notes not grouped per act: {repeated}\n" + describe(findings)
    kind_notes = Counter(f.message for f in findings if f.rule == "PD009")
    assert all(count == 1 for count in kind_notes.values()), f"{case.name}: a PD009 note repeated\n" + describe(
        findings)


def _default_act(finding: Finding) -> str:
    """The act a note on the kind's default basis is about: those notes share the field ``resolution.legal_basis``
    and name the act in their prefix, e.g. „domyślna podstawa prawna rodzaju „gpwr” (art. 176 pkt 1 …): …”."""
    if finding.location.path != "resolution.legal_basis":
        return ""
    return finding.message.split("):", 1)[0]


def test_the_corpus_is_large_and_varied() -> None:
    """At least 60 defects and 10 clean drafts; every kind; clean drafts of different kinds, municipalities and
    years (2005–2026); each file names its source."""
    assert len(DEFECTS) >= MIN_DEFECTS and len(CLEAN) >= MIN_CLEAN, (len(DEFECTS), len(CLEAN))
    kinds = {case.name: _field(case.path, "kind") for case in CASES}
    assert set(KINDS) <= set(kinds.values()), set(KINDS) - set(kinds.values())
    clean_kinds = {kinds[case.name] for case in CLEAN}
    years = {int(_field(case.path, "date")[:4]) for case in CLEAN}
    assert len(clean_kinds) >= 8 and len(years) >= 6 and min(years) >= 2005 and max(years) <= 2026, (clean_kinds,
                                                                                                     years)
    municipalities = {_municipality(case.path) for case in CLEAN}
    assert len(municipalities) == len(CLEAN), municipalities
    for case in CASES:
        text = case.path.read_text(encoding="utf-8")
        assert re.search(r"^# Źródło: (?:https?://\S+|Uchwała Nr \S+ Rady .+ z dnia)", text, re.MULTILINE), (
            f"{case.name}: no source (URL or named resolution) in a comment")


def test_every_rule_id_in_the_corpus_is_well_formed() -> None:
    rules = Counter(case.rule for case in DEFECTS)
    assert all(re.fullmatch(r"PD0\d\d", rule or "") for rule in rules), rules


def _data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def _field(path: Path, key: str) -> str:
    value = _data(path)["resolution"].get(key)
    assert value is not None, f"{path.name}: no resolution.{key}"
    return str(value)


def _municipality(path: Path) -> str:
    """The municipality's name (a profile file by its name: the profile names one municipality)."""
    municipality = _data(path)["municipality"]
    return Path(municipality).stem if isinstance(municipality, str) else str(municipality["name"])
