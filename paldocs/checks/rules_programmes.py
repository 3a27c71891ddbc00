"""Programme rules (PD062–PD065): the kind's deadline and period, indicator values, gender agreement.

Contract: the rules read ``context.data`` (the model as the user wrote it) and ``context.kind`` (its ``period``,
``deadline`` and ``implementer`` from kinds.yaml); they never raise on odd data and say nothing when they cannot
judge (no programme, no date, a kind without the rule). Each rule's docstring names its source. The module also
holds what the statute says a programme of cooperation contains (:data:`COOPERATION_CONTENTS`, art. 5a ust. 4
u.d.p.p.w.), which PD007 checks, and :func:`report_indicator_problems`, the indicator check for monitoring
reports (``document: report``), whose values live in the report's own data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from paldocs.checks.engine import CheckContext, FieldPath, Report, rule
from paldocs.errors import PaldocsError
from paldocs.model.municipality import GminaKind, Signatory
from paldocs.model.resolution import LegalBasisEntry
from paldocs.polish.agreement import adopted_forms
from paldocs.polish.dates import format_date

if TYPE_CHECKING:
    from paldocs.report.model import MonitoringReport

COOPERATION_ACT = "pozytek-publiczny"
_ART_5A = re.compile(r"\bart\.\s*5a\b")
_ART_5A_UST_2 = re.compile(r"\bart\.\s*5a\s+ust\.\s*(?:1\s+i\s+)?2\b")


@dataclass(frozen=True, slots=True)
class StatutoryContent:
    """One element a statute requires of a programme: its point, its words, the section roles that hold it."""

    point: str
    words: str
    roles: tuple[str, ...]


# Art. 5a ust. 4 u.d.p.p.w. ("Program współpracy … zawiera w szczególności: …"), read in the statute as quoted by
# the rozstrzygnięcie nadzorcze Wojewody Lubelskiego of 4 December 2014 (Dz. Urz. Woj. Lubelskiego z 2014 r.
# poz. 4411). Pkt 1 names two things: a section "goals" may hold both, else "main-goal" and "specific-goals".
COOPERATION_CONTENTS: tuple[StatutoryContent, ...] = (
    StatutoryContent("pkt 1", "cel główny programu", ("main-goal", "goals")),
    StatutoryContent("pkt 1", "cele szczegółowe programu", ("specific-goals", "goals")),
    StatutoryContent("pkt 2", "zasady współpracy", ("principles",)),
    StatutoryContent("pkt 3", "zakres przedmiotowy", ("scope",)),
    StatutoryContent("pkt 4", "formy współpracy, o których mowa w art. 5 ust. 2", ("forms",)),
    StatutoryContent("pkt 5", "priorytetowe zadania publiczne", ("priorities",)),
    StatutoryContent("pkt 6", "okres realizacji programu", ("period",)),
    StatutoryContent("pkt 7", "sposób realizacji programu", ("implementation",)),
    StatutoryContent("pkt 8", "wysokość środków planowanych na realizację programu", ("financing",)),
    StatutoryContent("pkt 9", "sposób oceny realizacji programu", ("evaluation",)),
    StatutoryContent("pkt 10", "informacja o sposobie tworzenia programu oraz o przebiegu konsultacji",
                     ("consultation",)),
    StatutoryContent("pkt 11", "tryb powoływania i zasady działania komisji konkursowych do opiniowania ofert w "
                     "otwartych konkursach ofert", ("committees",)),
)
COOPERATION_ROLES = frozenset(role for content in COOPERATION_CONTENTS for role in content.roles)


def legal_basis_in_force(context: CheckContext) -> Sequence[LegalBasisEntry]:
    """The legal basis the resolution prints: the data's, else the kind's default."""
    return context.data.resolution.legal_basis or context.kind.legal_basis


def _cites(entries: Sequence[LegalBasisEntry], pattern: re.Pattern[str]) -> bool:
    for entry in entries:
        if entry.act == COOPERATION_ACT and entry.provision and pattern.search(entry.provision):
            return True
        if entry.text and "pożytku publicznego" in entry.text and pattern.search(entry.text):
            return True
    return False


def is_cooperation_programme(context: CheckContext) -> bool:
    """A programme of cooperation with NGOs: the kind "program-wspolpracy" or a legal basis citing art. 5a
    u.d.p.p.w. (annual, ust. 1, or multi-year, ust. 2: art. 5a ust. 4 lists the contents of both)."""
    return context.kind.key == "program-wspolpracy" or _cites(legal_basis_in_force(context), _ART_5A)


def is_multi_year_cooperation(context: CheckContext) -> bool:
    """A multi-year programme of cooperation (art. 5a ust. 2 u.d.p.p.w.: "może uchwalić … wieloletni program"):
    the annual programme's one-year period and 30 November deadline (art. 5a ust. 1) are not its rules."""
    return _cites(legal_basis_in_force(context), _ART_5A_UST_2)


def missing_cooperation_contents(present: set[str]) -> list[StatutoryContent]:
    """The art. 5a ust. 4 elements no section role of ``present`` holds."""
    return [content for content in COOPERATION_CONTENTS if not present.intersection(content.roles)]


def _years(count: int) -> str:
    if count == 1:
        return "1 rok"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{count} lata"
    return f"{count} lat"


def _period_text(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


@rule("PD062", "warning", "termin podjęcia programu")
def adoption_deadline(context: CheckContext) -> Iterator[Report]:
    """Uchwała przyjmująca program rodzaju z terminem (deadline w kinds.yaml) jest podjęta w terminie: roczny program
    współpracy do 30 listopada roku poprzedzającego okres programu, program opieki nad zwierzętami do 31 marca
    roku programu. Źródło: art. 5a ust. 1 u.d.p.p.w. i art. 11a ust. 1 ustawy o ochronie zwierząt (termin i jego
    przepis podaje rodzaj uchwały, pole deadline.source).

    Warning, not error: whether adopting late alone makes the resolution void is disputed (prawo.pl, "Charakter
    terminu uchwalania programu współpracy z organizacjami pozarządowymi budzi wątpliwości"); a wojewoda's office
    still asks about it. A multi-year programme of cooperation (art. 5a ust. 2) is not held to the annual one's
    deadline. A draft's date is the planned session: it is checked too (it is the day to plan for).
    """
    deadline, program, date = context.kind.deadline, context.data.program, context.data.resolution.date
    if deadline is None or program is None or date is None or is_multi_year_cooperation(context):
        return
    start = program.period.start
    year = start - 1 if deadline.year == "before-period" else start
    try:
        last_day = dt.date(year, deadline.month, deadline.day)
    except ValueError:  # a kinds.yaml day that does not exist: nothing to judge against
        return
    if date <= last_day:
        return
    which = "roku poprzedzającego okres programu" if deadline.year == "before-period" else "pierwszego roku programu"
    day_and_month = format_date(last_day).removesuffix(f" {year} r.")
    yield Report(f"uchwałę podjęto {format_date(date)}, po terminie: program rodzaju „{context.kind.key}” "
                 f"({context.kind.name}) na {_period_text(start, program.period.end)} uchwala się do "
                 f"{day_and_month} {which}, tj. do {format_date(last_day)} (źródło: "
                 f"{deadline.source}) — sprawdź datę albo okres programu; uchwalenie po terminie organ nadzoru może "
                 "zakwestionować", ("resolution", "date"))


@rule("PD063", "warning", "okres programu zgodny z rodzajem")
def programme_period(context: CheckContext) -> Iterator[Report]:
    """Okres programu (program.period) ma długość, jaką ustawa wyznacza programom tego rodzaju (period w kinds.yaml):
    dokładnie (np. gminny program wspierania rodziny — 3 lata, roczny program współpracy — 1 rok) albo najwyżej tyle
    lat. Źródło: art. 176 pkt 1 ustawy o wspieraniu rodziny i systemie pieczy zastępczej („3-letnich gminnych
    programów wspierania rodziny”), art. 5a ust. 1 u.d.p.p.w. („roczny program współpracy”); przepis każdego rodzaju
    podaje pole period.source.

    A multi-year programme of cooperation (art. 5a ust. 2 u.d.p.p.w. in the legal basis) is exempt from the annual
    programme's length. The fix offered is the last year that gives the statutory length.
    """
    period_rule, program = context.kind.period, context.data.program
    if period_rule is None or program is None or is_multi_year_cooperation(context):
        return
    start, end = program.period.start, program.period.end
    length = end - start + 1
    if length == period_rule.years or (period_rule.rule == "at-most" and length < period_rule.years):
        return
    required = (f"dokładnie {_years(period_rule.years)}" if period_rule.rule == "exact"
                else f"najwyżej {_years(period_rule.years)}")
    hint = (" (program wieloletni przyjmuje się na podstawie art. 5a ust. 2 — wtedy wskaż go w podstawie prawnej)"
            if is_cooperation_programme(context) and period_rule.years == 1 else "")
    yield Report(f"okres programu {_period_text(start, end)} to {_years(length)}, a program rodzaju "
                 f"„{context.kind.key}” ({context.kind.name}) obejmuje {required} (źródło: {period_rule.source})"
                 f"{hint} — popraw pole „to” okresu (i lata w tytule)", ("program", "period", "to"),
                 fix=str(start + period_rule.years - 1))


# --- PD064: indicator values in per cent ------------------------------------------------------------------------

# The sign is written against the number ("-15%"); "– 120%" is a dash before the value, "2010-20%" no number.
_PERCENT = re.compile(r"(?<![\w,.\-−–])(?P<sign>[-−–])?(?P<number>\d+(?:[  ]\d{3})*(?:[,.]\d+)?)"
                      r"\s?(?:%|proc\.|procent)", re.IGNORECASE)
# A number is an indicator's value when its sentence names one ("odsetek", "wskaźnik", "wartość docelowa" …).
_INDICATOR_WORDS = re.compile(r"\b(?:wskaźnik\w*|odset\w*|wartoś\w+ docelow\w*|poziom\w* (?:realizacji|osiągnięcia)"
                              r"|stop\w+ (?:realizacji|osiągnięcia)|udział\w*|procent\w* (?:osób|rodzin|uczestników))",
                              re.IGNORECASE)
# More than 100 % is right for a change ("wzrost o 150 %") or a share of an amount ("150% kryterium dochodowego",
# programs osłonowe; "200% najniższej emerytury"): those sentences are not an indicator's level.
_CHANGE_OR_BASE = re.compile(r"\b(?:wzro\w*|wzrośn\w*|zwiększ\w*|więcej|przyrost\w*|dynami\w*|kryteri\w+|najniższ\w+"
                             r"|minimaln\w+|wynagrodze\w+|emerytur\w+|rent\w*|kwot\w+|zasiłk\w+|dochod\w+)",
                             re.IGNORECASE)
# A comment explains an unusual value: a parenthesis after it or words that give a reason.
_COMMENT = re.compile(r"\)|\b(?:ponieważ|gdyż|z uwagi na|ze względu na|przekrocz\w*|wynika\w*|uwag\w*)",
                      re.IGNORECASE)
_SENTENCE = re.compile(r"[^.;\n]+(?:[.;]|$)")


def _percent_value(match: re.Match[str]) -> Decimal:
    number = Decimal(re.sub(r"[  ]", "", match["number"]).replace(",", "."))
    return -number if match["sign"] else number


def odd_percentages(text: str) -> Iterator[tuple[str, Decimal]]:
    """(as written, value) of each indicator value in per cent above 100 or below 0 that has no comment."""
    for sentence in _SENTENCE.finditer(text):
        words = sentence[0]
        if not _INDICATOR_WORDS.search(words):
            continue
        for match in _PERCENT.finditer(words):
            value = _percent_value(match)
            if 0 <= value <= 100:
                continue
            if value > 100 and _CHANGE_OR_BASE.search(words):
                continue
            if _COMMENT.search(words[match.end():]):
                continue
            yield match[0].strip(), value


def _program_texts(context: CheckContext) -> Iterator[tuple[FieldPath, str]]:
    for where, text in context.iter_free_texts():
        if where[0] == "program" and len(where) > 2:  # sections' texts, not the title
            yield where, text


@rule("PD064", "warning", "wskaźnik w procentach w granicach 0–100")
def indicator_percentages(context: CheckContext) -> Iterator[Report]:
    """Wartość wskaźnika w procentach („odsetek …”, „wskaźnik …”, „wartość docelowa …”) w tekście programu mieści się
    w przedziale 0–100 %, chyba że zdanie ją wyjaśnia (nawias, „ponieważ”, „przekroczenie …”); wzrost („o 150%”) i
    procent kwoty („150% kryterium dochodowego”) nie są wskaźnikiem. Źródło: rachunek — odsetek to część całości
    (0–100 %); reguła redakcyjna paldocs, nie przepis (sprawozdanie wyjaśnia nietypową wartość w polu comment).

    The same check for monitoring reports, whose indicators are data (unit "%"), is
    :func:`report_indicator_problems`.
    """
    for where, text in _program_texts(context):
        for written, value in odd_percentages(text):
            side = "ponad 100%" if value > 100 else "poniżej zera"
            yield Report(f"wskaźnik o wartości „{written}” ({side}) bez wyjaśnienia — odsetek mieści się w przedziale "
                         "0–100%: popraw wartość albo dopisz w tym zdaniu, skąd się bierze (np. „(przekroczenie "
                         "wartości docelowej …)”)", where)


def report_indicator_problems(report: MonitoringReport) -> list[tuple[tuple[str | int, ...], str]]:
    """Located problems of a monitoring report's indicators in per cent: a baseline, target or actual value above
    100 with no ``comment`` (negative values are refused when the report loads). Each problem is (field path in
    the report file, Polish message) — PD064 for ``document: report``, reported where the report is checked."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for index, indicator in enumerate(report.indicators):
        if indicator.unit.strip() not in ("%", "proc.", "procent") or indicator.comment:
            continue
        values: list[tuple[tuple[str | int, ...], Decimal]] = []
        if indicator.baseline is not None:
            values.append((("baseline",), indicator.baseline))
        if indicator.period_target is not None:
            values.append((("period_target",), indicator.period_target))
        values += [(("targets", year), value) for year, value in indicator.targets.items()]
        values += [(("actual", year), value) for year, value in indicator.actual.items()]
        for path, value in values:
            if value > 100:
                problems.append((("indicators", index, *path),
                                 f"wskaźnik „{indicator.name}” w procentach ma wartość {value}% — ponad 100% bez "
                                 "wyjaśnienia: popraw wartość albo dopisz komentarz (pole „comment”)"))
    return problems


# --- PD065: gender agreement ------------------------------------------------------------------------------------

_PARTICIPLE = re.compile(r"\bstanowiąc(?:y|ą|e|ego|ych)(?=\s+załącznik\b)")
_ON_BEHALF = re.compile(r"\bz\s+up\.\s+(Przewodnicząc(?:ego|ej))\b")
_CENTRE = re.compile(r"\b(Miejsko-Gminn\w+|Gminno-Miejsk\w+|Miejski\w*|Gminn\w+)\s+Ośrod\w+\s+Pomocy\s+Społecznej")
_CENTRE_ADJECTIVE = {GminaKind.WIEJSKA: "Gminny", GminaKind.MIEJSKA: "Miejski"}


def _adoption_texts(context: CheckContext) -> Iterator[tuple[FieldPath, str]]:
    resolution = context.data.resolution
    if resolution.adoption:
        yield ("resolution", "adoption"), resolution.adoption
    for index, provision in enumerate(resolution.provisions):
        yield ("resolution", "provisions", index), provision


def _refers_to_programme(before: str, accusative: str) -> bool:
    """The words before the participle name the programme (its head noun, e.g. "Program", "Strategię")."""
    head = accusative.split()[0].strip("„”\"") if accusative.split() else ""
    return len(head) >= 4 and head[:5].lower() in before.lower()


def _signers(context: CheckContext) -> list[tuple[FieldPath, Signatory]]:
    resolution, municipality = context.data.resolution, context.data.municipality
    if resolution.signatories:
        return [(("resolution", "signatories", index), signer) for index, signer in enumerate(resolution.signatories)]
    if resolution.signatory:
        return [(("resolution", "signatory"), resolution.signatory)]
    if municipality.signatory:
        return [(("municipality", "signatory"), municipality.signatory)]
    return []


def _chair_gender(context: CheckContext) -> str | None:
    """The chair's gender the data state: a signing chair's gender, else the chair a deputy signs for ("z up.")."""
    for _where, signer in _signers(context):
        if signer.function == "przewodniczący":
            return signer.gender
    for where, signer in _signers(context):
        if signer.on_behalf_of_chair and (*where, "chair_gender") in context.source.positions:
            return signer.chair_gender
    return None


def _hand_written_texts(context: CheckContext) -> Iterator[tuple[FieldPath, str]]:
    yield from context.iter_free_texts()
    for index, footnote in enumerate(context.data.resolution.footnotes or []):
        yield ("resolution", "footnotes", index), footnote
    for where, signer in _signers(context):
        yield (*where, "name"), signer.name


@rule("PD065", "warning", "zgodność rodzaju gramatycznego")
def gender_agreement(context: CheckContext) -> Iterator[Report]:
    """Wpisane ręcznie formy zgadzają się z rodzajem: „stanowiący/stanowiącą/stanowiące załącznik” z rzeczownikiem
    tytułu programu (Program — stanowiący, Strategię — stanowiącą), „z up. Przewodniczącego/Przewodniczącej” z
    przewodniczącym rady, a nazwa ośrodka pomocy społecznej realizującego program z rodzajem gminy (gmina wiejska
    — gminny ośrodek, nie miejski). Źródło: składnia polska (imiesłów uzgadnia się z rzeczownikiem: „Strategię …,
    stanowiącą załącznik”); nazwa ośrodka — praktyka gmin, niezweryfikowana (nazwę nadaje statut ośrodka);
    realizator programu — pole implementer rodzaju uchwały w kinds.yaml.

    paldocs prints its own § 1 and signature in agreement; this rule reads what the clerk typed (adoption,
    provisions, footnotes, signatures' names, the programme's texts and implementer).
    """
    yield from _participle_agreement(context)
    yield from _on_behalf_agreement(context)
    yield from _implementer_fits(context)


def _participle_agreement(context: CheckContext) -> Iterator[Report]:
    program = context.data.program
    if program is None:
        return
    try:
        forms = adopted_forms(program.title, field="program", gender=program.title_gender,
                              accusative=program.title_accusative)
    except PaldocsError:
        return  # the title's gender is unknown: PD000/the build says which field to fill
    if forms.note:
        return  # paldocs itself guessed the gender: nothing certain to compare with
    for where, text in _adoption_texts(context):
        for match in _PARTICIPLE.finditer(text):
            if match[0] == forms.participle or not _refers_to_programme(text[:match.start()], forms.accusative):
                continue
            yield Report(f"„{match[0]} załącznik” nie zgadza się z rodzajem tytułu programu „{program.title}”: "
                         f"pisze się „{forms.participle} załącznik”", where,
                         fix=text[:match.start()] + forms.participle + text[match.end():])


def _on_behalf_agreement(context: CheckContext) -> Iterator[Report]:
    gender = _chair_gender(context)
    if gender is None:
        return
    expected = "Przewodniczącej" if gender == "k" else "Przewodniczącego"
    who = "kobietą" if gender == "k" else "mężczyzną"
    for where, text in _hand_written_texts(context):
        for match in _ON_BEHALF.finditer(text):
            if match[1] == expected:
                continue
            yield Report(f"„z up. {match[1]}” — przewodniczący rady jest w danych {who} (podpisujący): pisze się "
                         f"„z up. {expected}”", where, fix=text[:match.start(1)] + expected + text[match.end(1):])


def _implementer_fits(context: CheckContext) -> Iterator[Report]:
    program = context.data.program
    if program is None or not program.implementer:
        return
    implementer, gmina = program.implementer, context.data.municipality.kind
    where: FieldPath = ("program", "implementer")
    default = context.kind.implementer.get(str(gmina.value).removeprefix("gmina "))
    centre = _CENTRE.search(implementer)
    if centre is None and "Ośrodek Pomocy Społecznej" not in implementer:
        return
    if default is not None and "Pomocy Społecznej" not in default:
        named = (default.replace("{organ_wykonawczy}", context.data.municipality.executive.nominative)
                 .replace(" {siedziba}", "").replace("{siedziba}", ""))
        yield Report(f"realizatorem programu rodzaju „{context.kind.key}” ({context.kind.name}) jest według rodzaju "
                     f"uchwały „{named}”, nie ośrodek pomocy społecznej („{implementer}”) — sprawdź pole "
                     "program.implementer", where)
        return
    expected = _CENTRE_ADJECTIVE.get(gmina)
    if centre is None or expected is None or centre[1].startswith(expected):
        return
    if gmina is GminaKind.MIEJSKA and not centre[1].startswith("Gminn"):
        return  # "Miejsko-Gminny" in a town: the clerk's statute decides; only "Gminny" is out of place
    fixed = implementer[:centre.start(1)] + expected + implementer[centre.end(1):]
    yield Report(f"„{implementer}” nie pasuje do gminy: w {_GMINA_LOCATIVE[gmina]} ośrodek pomocy społecznej jest "
                 f"gminny albo miejski według rodzaju gminy — tu „{expected} Ośrodek Pomocy Społecznej” (sprawdź "
                 "nazwę w statucie ośrodka)", where, fix=fixed)


_GMINA_LOCATIVE = {GminaKind.MIEJSKA: "gminie miejskiej", GminaKind.WIEJSKA: "gminie wiejskiej"}
