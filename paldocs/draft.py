"""``paldocs new``: a ready-to-fill data file for one resolution kind, with comments explaining each field.

Contract: :func:`format_draft` renders ``draft.yaml.j2`` (user template folder first) for a kind of the build
context's registry (:class:`~paldocs.context.BuildContext`: built-in kinds and the user's) and a profile
path; the result is YAML that loads (its placeholders are marked "…") and, for kinds with a default legal
basis, builds at once as a draft with dotted blanks for the number and date. For a kind that adopts a program the
draft is the kind's programme, not a generic one: its period follows the statute (``Kind.period``: an annual
programme covers one year, gpwr three) or the kind's practice (``draft_years``), starting with the first year whose
adoption deadline (``Kind.deadline``) is still ahead on ``today``; one section per required role
(``Kind.required_roles``, with the items the statute lists, ``draft_items``); the title of ``draft_title`` with the
gmina's name and the years; the implementer the kind names for the gmina's kind (:func:`~paldocs.kinds.implementer_for`).
Given no municipality, the program keeps generic placeholders. ``sprawozdanie-KIND`` (a report kind of
templates/report-kinds.yaml) gives a report draft instead (:func:`format_report_draft`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from paldocs.context import BuildContext
from paldocs.errors import DataError, Location
from paldocs.kinds import Kind, implementer_for
from paldocs.model.messages import unknown_kind

if TYPE_CHECKING:
    from paldocs.model.municipality import Municipality

# ``paldocs new sprawozdanie-KIND``: a report draft of a report kind (templates/report-kinds.yaml).
REPORT_PREFIX = "sprawozdanie-"

# A programme without a statutory period or a kind's practice: the six years the draft always proposed.
DEFAULT_DRAFT_YEARS = 6
# Sections of a kind that names no required roles (the general "program" kind): the PAL-like outline.
DEFAULT_ROLES = ("introduction", "specific-goals", "directions", "recipients", "results", "financing", "monitoring")


@dataclass(frozen=True, slots=True)
class DraftPeriod:
    """The years a draft programme covers and how its title says them ("na rok 2027", "na lata 2027–2029")."""

    start: int
    end: int

    @property
    def words(self) -> str:
        return f"na rok {self.start}" if self.start == self.end else f"na lata {self.start}–{self.end}"


def format_draft(kind_key: str, profile: str, output_name: str, templates: Path | None = None, *,
                 context: BuildContext | None = None, municipality: Municipality | None = None,
                 today: dt.date | None = None) -> str:
    context = context or BuildContext(templates=templates)
    if kind_key.startswith(REPORT_PREFIX):
        return format_report_draft(kind_key.removeprefix(REPORT_PREFIX), output_name, context=context,
                                   municipality=municipality, today=today)
    kind = context.kinds.get(kind_key)
    if kind is None:
        message, hint = unknown_kind(kind_key, context.kinds)
        raise DataError(message, Location(path="KIND"), hint)
    plain = context.environment.overlay(finalize=None)  # YAML, not Markdown: nothing to escape
    period = draft_period(kind, today or dt.date.today())
    try:
        return plain.get_template("draft.yaml.j2").render(
            kind=kind, profile=profile, output_name=output_name, default_basis=_default_basis(kind),
            period=period, title=_title(kind, municipality, period), roles=draft_roles(kind),
            implementer=implementer_for(kind, municipality) if municipality is not None else None,
            period_fixed=kind.period is not None,
            # an act of local law is published in the voivodeship's journal: without it the draft cannot build
            needs_voivodeship=kind.act_of_local_law and municipality is not None and municipality.voivodeship is None)
    except jinja2.TemplateError as error:
        raise DataError(f"błąd w szablonie projektu: {error}", Location("draft.yaml.j2")) from None


def draft_period(kind: Kind, today: dt.date) -> DraftPeriod:
    """The first period the council can still adopt in time: next year, or — past a "before-period" deadline (30
    November for the programme of cooperation, art. 5a ust. 1 u.d.p.p.w.) — the year after; with a "period-start"
    deadline (31 March for the animal programme, art. 11a ust. 1 u.o.z.) this year while the deadline is ahead."""
    years = kind.period.years if kind.period is not None else kind.draft_years or DEFAULT_DRAFT_YEARS
    start = today.year + 1
    if (deadline := kind.deadline) is not None:
        passed = today > dt.date(today.year, deadline.month, deadline.day)
        if deadline.year == "before-period" and passed:
            start = today.year + 2
        elif deadline.year == "period-start" and not passed:
            start = today.year
    return DraftPeriod(start, start + years - 1)


def draft_roles(kind: Kind) -> list[str]:
    """One role per required group (its first, the most specific), an introduction first."""
    roles = [group[0] for group in kind.required_roles if group] or list(DEFAULT_ROLES)
    return roles if "introduction" in roles else ["introduction", *roles]


def _title(kind: Kind, municipality: Municipality | None, period: DraftPeriod) -> dict[str, str]:
    if not kind.draft_title:
        return {"nominative": f"Program … {period.words}", "genitive": f"Programu … {period.words}"}
    gminy = f"Gminy {municipality.name}" if municipality is not None else "Gminy …"
    return {case: text.format(gminy=gminy, okres=period.words) for case, text in kind.draft_title.items()}


def _default_basis(kind: Kind) -> str:
    return "; ".join(f"{entry.provision} ({entry.act})" for entry in kind.legal_basis) or "brak — podaj"


def format_report_draft(report_kind: str, output_name: str, *, context: BuildContext,
                        municipality: Municipality | None = None, today: dt.date | None = None) -> str:
    """A commented report file of ``report_kind`` (``report-draft.yaml.j2``) for the year before ``today``: the
    kind's title with the gmina's name, its chapters, its deadline and sources as comments; it builds as it is
    (except a monitoring report, which needs the path of its program's data file)."""
    from paldocs.polish.dates import MONTHS_GENITIVE
    from paldocs.report.kinds import report_kinds

    kind = report_kinds().get(report_kind)
    if kind is None:
        known = ", ".join(REPORT_PREFIX + key for key in report_kinds())
        raise DataError(f"nieznany rodzaj sprawozdania „{report_kind}”", Location(path="KIND"), f"Znane: {known}.")
    year = (today or dt.date.today()).year - 1
    gminy = f"Gminy {municipality.name}" if municipality is not None else "Gminy …"
    fill = {"gminy": gminy, "rok": str(year)}
    plain = context.environment.overlay(finalize=None)  # YAML, not Markdown: nothing to escape
    try:
        return plain.get_template("report-draft.yaml.j2").render(
            kind=kind, output_name=output_name, year=year, title=kind.draft_title.format(**fill),
            chapters=[{"heading": chapter.heading, "content": chapter.content.format(**fill).replace('"', "'")}
                      for chapter in kind.draft_chapters],
            deadline_month=MONTHS_GENITIVE[kind.deadline.month - 1] if kind.deadline else "")
    except jinja2.TemplateError as error:
        raise DataError(f"błąd w szablonie projektu sprawozdania: {error}", Location("report-draft.yaml.j2")) from None
