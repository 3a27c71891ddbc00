"""Drafting rules over the data as written (PD001–PD010): title block, number and date, subject, program, organs.

Contract: the rules read ``context.data`` (the model as the user wrote it), ``context.kind``, ``context.today``
and — PD004/PD005 only — ``context.document`` (what paldocs prints). They also run when the document could not
be built (``context.build_error``), never raise on odd data, and say nothing when they cannot judge. Each rule
names its source: a ZTP paragraph or a section of docs/domain.md, with its status (verified, practice or unverified).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, FieldPath, Report, rule
from paldocs.checks.units import NOTICE_KIND
from paldocs.checks.rules_programmes import (COOPERATION_ROLES, is_cooperation_programme,
                                             missing_cooperation_contents)
from paldocs.errors import PaldocsError
from paldocs.kinds import Kind
from paldocs.model.municipality import GminaKind
from paldocs.model.resolution import number_year_conflict
from paldocs.polish.dates import format_date
from paldocs.polish.organs import PRESIDENT_POPULATION, executive_title

RESOLUTION = "resolution"


def _is_resolution(context: CheckContext) -> bool:
    return context.data.document == RESOLUTION


@rule("PD001", "warning", "blok tytułowy kompletny")
def title_block_complete(context: CheckContext) -> Iterator[Report]:
    """Uchwała bez numeru lub bez daty to projekt: w nagłówku drukują się wykropkowane miejsca (przy „status:
    projekt” — celowo, bez ostrzeżenia).

    docs/domain.md § 5 (practice): "a draft (no number yet) prints dotted blanks". Warning, not info: a draft
    must not go out as the adopted text unnoticed.
    """
    if not _is_resolution(context) or context.kind.key == NOTICE_KIND:  # an obwieszczenie has no number
        return
    resolution = context.data.resolution
    if resolution.is_draft:  # "status: projekt" asks for the blanks: nothing to warn about
        return
    if resolution.number is None:
        yield Report("uchwała nie ma numeru — w nagłówku zostanie wykropkowane miejsce („UCHWAŁA NR …………”) jak w "
                     "projekcie; numer nadaje się na sesji (np. „XII/85/2024”)", ("resolution", "number"))
    if resolution.date is None:
        yield Report("uchwała nie ma daty podjęcia — w nagłówku zostanie wykropkowane miejsce („z dnia ………… r.”) jak "
                     "w projekcie; od tej daty zależy też adres publikacji ustaw w podstawie prawnej (§ 121 ust. 3 ZTP)",
                     ("resolution", "date"))


@rule("PD002", "error", "numer zgodny z datą")
def number_matches_date(context: CheckContext) -> Iterator[Report]:
    """Rok w numerze uchwały jest rokiem jej podjęcia (z daty); przy roku dwucyfrowym — także to samo stulecie.

    docs/domain.md § 5 (practice; see :func:`paldocs.model.resolution.number_year_conflict`, which ``paldocs
    build`` applies too: it refuses to print such a title block).
    """
    conflict = number_year_conflict(context.data)
    if conflict is None:
        return
    message, corrected = conflict
    if ("resolution", "number", "year") in context.source.positions:  # the number written as a mapping
        date = context.data.resolution.date
        assert date is not None  # a conflict needs a date
        yield Report(message, ("resolution", "number", "year"), fix=str(date.year))
    else:
        yield Report(message, ("resolution", "number"), fix=corrected)


@rule("PD003", "error", "data nie późniejsza niż dziś")
def date_not_in_future(context: CheckContext) -> Iterator[Report]:
    """Data podjęcia uchwały nie jest późniejsza niż dzisiejsza (projekt — „status: projekt” — może mieć datę sesji).

    The date is the day the council adopted the resolution (docs/domain.md § 1, § 121 ust. 3 ZTP); a resolution
    not yet adopted is a draft and carries blanks instead (docs/domain.md § 5, practice).
    """
    date = context.data.resolution.date
    if context.data.resolution.is_draft:
        return  # a draft prints no date: the one given is the planned session (blanks are printed instead)
    if date is not None and date > context.today:
        yield Report(f"data podjęcia uchwały ({format_date(date)}) jest późniejsza niż dzisiejsza "
                     f"({format_date(context.today)}) — uchwała nie może mieć daty przyszłej; projekt zostaw bez daty",
                     ("resolution", "date"))


def _printed_subject(context: CheckContext) -> tuple[str, FieldPath, bool] | None:
    """(subject as printed, where it comes from, written by the user?) — None when it cannot be known."""
    if not _is_resolution(context):
        return None  # an annex alone prints no "w sprawie …" title
    written = context.data.resolution.subject
    subject = context.document.meta.subject if context.document is not None else written
    if not subject:
        return None
    if written:
        return subject, ("resolution", "subject"), True
    return subject, ("resolution", "kind"), False


_GERUND_ENDINGS = ("nia", "cia", "zmiany")  # "Przyjęcia …", "Uchylenia …", "Zmiany …" lose the capital after "w sprawie"


def _with_w_sprawie(subject: str) -> str:
    text = " ".join(subject.split())
    if text.lower().startswith("w sprawie"):
        return "w sprawie" + text[len("w sprawie"):]
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.lower().endswith(_GERUND_ENDINGS):
        text = text[:1].lower() + text[1:]
    return f"w sprawie {text}"


@rule("PD004", "error", "tytuł zaczyna się od „w sprawie”")
def subject_starts_w_sprawie(context: CheckContext) -> Iterator[Report]:
    """Drukowany tytuł uchwały (podany w danych albo domyślny dla rodzaju) zaczyna się od „w sprawie”; uchwała
    zmieniająca (resolution.amends) może też mieć tytuł „zmieniająca uchwałę w sprawie …”.

    docs/domain.md § 1 (the resolution top to bottom: "w sprawie przyjęcia „Programu …”"; the Kętrzyn resolution);
    the amending title: docs/amendments.md, "Titles".
    """
    printed = _printed_subject(context)
    if printed is None:
        return
    subject, where, written = printed
    if " ".join(subject.split()).startswith("w sprawie "):
        return
    if context.data.resolution.amends is not None and " ".join(subject.split()).startswith("zmieniająca uchwałę "):
        return
    origin = "" if written else " (domyślny tytuł rodzaju uchwały)"
    yield Report(f"tytuł uchwały „{subject}”{origin} nie zaczyna się od „w sprawie” — tytuł uchwały ma postać "
                 "„w sprawie …”, np. „w sprawie przyjęcia „Programu …””", where,
                 fix=_with_w_sprawie(subject) if written else None)


# A final dot that belongs to an abbreviation ("… z dnia 5 maja 2014 r.") is not a sentence full stop.
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:r|zm|ust|art|poz|lit|nr|im|ul|św|al|tj|ww|in)\.$", re.IGNORECASE)


@rule("PD005", "warning", "tytuł bez kropki")
def subject_without_full_stop(context: CheckContext) -> Iterator[Report]:
    """Tytuł uchwały nie kończy się kropką (kropka skrótu, np. „r.”, nie jest błędem).

    docs/domain.md § 1: the title line "w sprawie przyjęcia „Programu …”" has none; the Kętrzyn resolution wrote
    "…2020”." — a title is not a sentence. A dot closing an abbreviation ("r.") is not reported.
    """
    printed = _printed_subject(context)
    if printed is None:
        return
    subject, where, written = printed
    text = subject.rstrip()
    if not text.endswith(".") or text.endswith("..") or _ABBREVIATION_END.search(text):
        return
    origin = "" if written else " (domyślny tytuł rodzaju uchwały)"
    yield Report(f"tytuł uchwały{origin} kończy się kropką — tytuł „w sprawie …” pisze się bez kropki na końcu",
                 where, fix=text[:-1].rstrip() if written else None)


_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
_SINGLE = re.compile(r"\bna\s+(?:rok\s+((?:19|20)\d{2})(?!\d)|((?:19|20)\d{2})\s+r(?:ok\b|\.))", re.IGNORECASE)


@rule("PD006", "warning", "okres programu zgodny z tytułem")
def program_period_matches_title(context: CheckContext) -> Iterator[Report]:
    """Lata w tytule programu („na lata 2014 – 2020”, „2009-2013”, „na rok 2025”) są równe okresowi program.period.

    A consistency check of the data (no ZTP rule): the title (docs/domain.md § 1, "Programu … na lata 2014–2020")
    and the period (used by reports) must say the same. A title without years is not judged.
    """
    program = context.data.program
    if program is None:
        return
    start, end = program.period.start, program.period.end
    period = f"{start}–{end}" if start != end else str(start)
    for name in ("title", "title_genitive"):
        title = getattr(program, name)
        if not title:
            continue
        if match := _RANGE.search(title):
            years = (int(match[1]), int(match[2]))
            if years == (start, end):
                continue
            fix: str | None = (title[:match.start(1)] + str(start) + title[match.end(1):match.start(2)] + str(end)
                               + title[match.end(2):])
            said = f"lata {years[0]}–{years[1]}"
        elif match := _SINGLE.search(title):
            group = 1 if match[1] else 2
            year = int(match[group])
            if (year, year) == (start, end):
                continue
            fix = title[:match.start(group)] + str(start) + title[match.end(group):] if start == end else None
            said = f"rok {year}"
        else:
            continue
        yield Report(f"tytuł programu ({name}) podaje {said}, a okres programu (program.period) to {period} — "
                     "popraw tytuł albo pola „from”/„to” okresu", ("program", name), fix=fix)


# Role → what the section is about, in the locative ("brak rozdziału o …").
_ROLE_TOPICS = {
    "introduction": "wstępie", "diagnosis": "diagnozie", "goals": "celach", "main-goal": "celu głównym",
    "specific-goals": "celach szczegółowych", "directions": "kierunkach działań", "recipients": "adresatach",
    "methods": "metodach pracy", "schedule": "harmonogramie", "resources": "zasobach", "results": "rezultatach",
    "financing": "finansowaniu", "implementer": "realizatorze", "partners": "partnerach", "monitoring": "monitoringu",
}


def _quoted_roles(roles: tuple[str, ...]) -> str:
    names = [f"„{role}”" for role in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " lub " + names[-1]


@rule("PD007", "warning", "rozdziały wymagane przez rodzaj uchwały")
def program_has_required_sections(context: CheckContext) -> Iterator[Report]:
    """Program ma rozdział każdej roli wymaganej przez rodzaj uchwały (required_roles w kinds.yaml), a program
    współpracy z organizacjami pozarządowymi — rozdział każdego elementu wymaganego ustawą (błąd). Źródło: art. 5a
    ust. 4 u.d.p.p.w. (program współpracy; rozstrzygnięcie nadzorcze Wojewody Lubelskiego z dnia 4 grudnia 2014 r.,
    Dz. Urz. Woj. Lubelskiego z 2014 r. poz. 4411); dla innych rodzajów lista rodzaju uchwały z jego źródłem (lista
    PAL — praktyka, niezweryfikowana, docs/domain.md § 8).

    A programme of cooperation is recognised by its kind or by a legal basis citing art. 5a u.d.p.p.w.
    (:func:`paldocs.checks.rules_programmes.is_cooperation_programme`); each missing statutory element is its own
    error (what a wojewoda annuls for). The kind's other roles are typical sections: one warning per document
    lists all of them (one note per kind source, not one per section).
    """
    program, kind = context.data.program, context.kind
    if program is None:
        return
    present = {section.role.value for section in program.sections if section.role is not None}
    statutory = is_cooperation_programme(context)
    if statutory:
        for content in missing_cooperation_contents(present):
            yield Report(f"brak rozdziału: {content.words} (rola {_quoted_roles(content.roles)}) — program współpracy "
                         f"z organizacjami pozarządowymi zawiera to z mocy art. 5a ust. 4 {content.point} ustawy o "
                         "działalności pożytku publicznego i o wolontariacie; brak elementu wymaganego ustawą bywa "
                         "podstawą stwierdzenia nieważności uchwały (np. Dz. Urz. Woj. Lubelskiego z 2014 r. poz. 4411)",
                         ("program", "sections"), severity="error")
    missing = [roles for roles in kind.required_roles
               if roles and not present.intersection(roles) and not (statutory and COOPERATION_ROLES.intersection(roles))]
    if not missing:
        return
    topics = [f"{_ROLE_TOPICS.get(roles[0], f'roli „{roles[0]}”')} ({'rola' if len(roles) == 1 else 'rola jedna z:'} "
              f"{_quoted_roles(roles)})" for roles in missing]
    origin = required_list_origin(kind)
    statutory = bool(getattr(kind, "contents_source", None))  # see required_list_origin
    if len(topics) == 1:
        what = "rozdział wymagany w programie" if statutory else "typowy rozdział programu"
        yield Report(f"brak rozdziału o {topics[0]} — to {what} rodzaju „{kind.key}” ({kind.name}); {origin}",
                     ("program", "sections"))
    else:
        what = "rozdziały wymagane w programie" if statutory else "typowe rozdziały programu"
        yield Report(f"brak rozdziałów o: {'; '.join(topics)} — to {what} rodzaju „{kind.key}” ({kind.name}); "
                     f"{origin}", ("program", "sections"))


def required_list_origin(kind: Kind) -> str:
    """Where the kind's list of sections comes from, for PD007's message: the provision listing the programme's
    contents (``contents_source`` of kinds.yaml, where the kind has it), the kind's sources when verified, else
    practice (unverified)."""
    # getattr: ``contents_source`` is a newer field of kinds.yaml; a Kind without it reads as practice or sources.
    contents_source = getattr(kind, "contents_source", None)
    if contents_source:
        return f"treść programu wylicza przepis: {contents_source}"
    if kind.verified:
        return f"lista rodzaju uchwały pochodzi z: {kind.sources}"
    return ("lista typowych rozdziałów pochodzi z praktyki i nie jest potwierdzona przepisem (niezweryfikowana, "
            "docs/domain.md § 8)")


@rule("PD008", "warning", "podpisujący wskazany")
def signatory_given(context: CheckContext) -> Iterator[Report]:
    """Uchwała wskazuje podpisującego (w uchwale albo w profilu gminy) — bez niego nie ma bloku podpisu; projekt
    („status: projekt”) nie ma podpisu.

    docs/domain.md § 1 and § 4 (practice): the resolution ends with the chair's signature block; without a signatory
    paldocs prints none.
    """
    resolution = context.data.resolution
    if resolution.is_draft:
        return  # a draft for a council session is not signed
    if _is_resolution(context) and not (resolution.signatory or resolution.signatories
                                        or context.data.municipality.signatory):
        yield Report("uchwała nie wskazuje, kto ją podpisuje (ani resolution.signatory, ani municipality.signatory) — "
                     "blok podpisu przewodniczącego rady nie zostanie wydrukowany", ("resolution", "signatory"))


@rule("PD009", "info", "rodzaj uchwały oparty na praktyce")
def kind_is_practice(context: CheckContext) -> Iterator[Report]:
    """Rodzaj uchwały opiera się na praktyce gmin, nie na sprawdzonym przepisie (verified: false) — jedna informacja
    na dokument, ze źródłami rodzaju. Źródło: pole sources rodzaju w kinds.yaml.

    docs/domain.md: practice and unverified facts must reach the user — once per document: the kind's sources are
    this one note (PD007 and the programme rules PD062/PD063 cite only the one provision they apply, not the kind's
    sources again), so that they do not drown the real findings. Only a resolution prints the kind's legal basis
    and clauses, so an annex alone is not reported.
    """
    kind = context.kind
    if _is_resolution(context) and not kind.verified:
        yield Report(f"rodzaj uchwały „{kind.key}” ({kind.name}) opiera się na praktyce gmin, nie na sprawdzonym "
                     f"przepisie: {kind.sources} — biuro prawne powinno potwierdzić podstawę prawną i treść",
                     ("resolution", "kind"))


_TITLE_WORDS = {"wójt": "wójt", "burmistrz": "burmistrz", "prezydent": "prezydent miasta"}
_TITLE_CAPITALISED = {"wójt": "Wójt", "burmistrz": "Burmistrz", "prezydent miasta": "Prezydent"}
_KIND_LOCATIVE = {GminaKind.MIEJSKA: "gminie miejskiej", GminaKind.WIEJSKA: "gminie wiejskiej",
                  GminaKind.MIEJSKO_WIEJSKA: "gminie miejsko-wiejskiej"}


def _expected_title(kind: GminaKind, population: int | None, before_1990: bool, actual: str) -> str | None:
    """The title art. 26 u.s.g. gives, or None when the data cannot decide (the rule then says nothing)."""
    if kind is GminaKind.MIEJSKO_WIEJSKA:
        # The seat may lie outside the town (then a wójt): only a prezydent below the threshold contradicts.
        small = population is not None and population <= PRESIDENT_POPULATION and not before_1990
        return "burmistrz" if actual == "prezydent miasta" and small else None
    try:
        return executive_title(kind.value, population, seat_is_town=kind is GminaKind.MIEJSKA,
                               president_before_1990=before_1990)
    except PaldocsError:  # a gmina miejska without population: burmistrz or prezydent, never wójt
        return "burmistrz" if actual == "wójt" else None


@rule("PD010", "warning", "organ wykonawczy zgodny z rodzajem gminy")
def executive_matches_gmina(context: CheckContext) -> Iterator[Report]:
    """Tytuł organu wykonawczego (Wójt / Burmistrz / Prezydent) zgadza się z rodzajem gminy i liczbą mieszkańców.

    Art. 26 u.s.g. as docs/domain.md § 4 records it: wójt in a gmina wiejska, burmistrz where the seat is in a
    town, prezydent miasta above 100 000 inhabitants "(and where one existed before)" — hence a warning.
    """
    municipality = context.data.municipality
    nominative = municipality.executive.nominative
    words = nominative.split()
    actual = _TITLE_WORDS.get(words[0].lower()) if words else None
    if actual is None:
        return
    expected = _expected_title(municipality.kind, municipality.population, municipality.president_before_1990, actual)
    if expected is None or expected == actual:
        return
    facts = f"w {_KIND_LOCATIVE[municipality.kind]}"
    if municipality.population is not None and municipality.kind is not GminaKind.WIEJSKA:
        facts += f" liczącej {municipality.population:,} mieszkańców".replace(",", " ")
    if municipality.president_before_1990:
        facts += ", w której prezydent był przed 1990 r.,"
    yield Report(f"organ wykonawczy „{nominative}” nie pasuje do gminy: {facts} organem wykonawczym jest {expected} "
                 "(art. 26 u.s.g.: wójt w gminie wiejskiej, burmistrz, gdy siedziba jest w mieście, prezydent miasta "
                 "powyżej 100 000 mieszkańców lub tam, gdzie był wcześniej) — sprawdź nazwę organu i dane gminy "
                 "(kind, population, president_before_1990)", ("municipality", "executive", "nominative"),
                 fix=" ".join([_TITLE_CAPITALISED[expected], *words[1:]]))
