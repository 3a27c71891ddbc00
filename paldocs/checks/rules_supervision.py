"""Drafting rules a wojewoda's supervision office applies (PD058–PD061): the repealed resolution's own data, the
signature's gender, the act-of-local-law flag against the kind and the legal basis, the point of art. 18 ust. 2
u.s.g. against the kind or the subject.

Contract: as :mod:`paldocs.checks.rules_data` — the rules read ``context.data`` (the model as the user wrote it),
``context.kind`` and, for texts a clerk typed into the provisions, ``context.document``; they run also when the
document could not be built, never raise on odd data and say nothing when they cannot judge. Each rule's docstring
ends its first paragraph with "Źródło: …" — the provision, judgment or named resolution it rests on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

from pydantic import ValidationError

from paldocs import vocabulary
from paldocs.checks.engine import CheckContext, FieldPath, Report, rule
from paldocs.checks.first_names import Gender, first_name_gender
from paldocs.errors import PaldocsError
from paldocs.legal.provisions import Provision, parse_provision
from paldocs.model.closing import RepealedResolution
from paldocs.model.municipality import Signatory
from paldocs.model.resolution import LegalBasisEntry, ResolutionNumber
from paldocs.polish.dates import format_date, parse_date
from paldocs.polish.organs import chair_title

USG = "samorzad-gminny"

# --- PD058 repealed resolution ------------------------------------------------------------------------------------

# "Traci moc uchwała Nr …", "Uchyla się uchwałę Nr …", "w sprawie uchylenia uchwały Nr …": the resolution named
# after the repeal words, up to its title ("w sprawie") or the end of the sentence or item.
_REPEAL_REFERENCE = re.compile(
    r"(?:\b[Tt]rac[ią] moc|\b[Uu]chyla się|\buchyleni[ea]|\b[Uu]chylić)\b[^.;]*?\buchwał\w* "
    r"(?:[Nn]r|[Nn]umer) ?(?P<number>[^\s,;]+)(?P<rest>.*?)(?=\bw sprawie\b|[;]|\.\s|\.$|$)")
_WRITTEN_DATE = re.compile(r"\bz dnia (?P<date>\d{1,2} [^\W\d_]+ \d{4}|\d{1,2}\.\d{1,2}\.\d{4})")


def _repealed(context: CheckContext) -> Iterator[tuple[FieldPath, RepealedResolution]]:
    resolution = context.data.resolution
    if resolution.repeals is not None:
        yield ("resolution", "repeals"), resolution.repeals
    if resolution.closing is not None:
        for index, repealed in enumerate(resolution.closing.repeals):
            yield ("resolution", "closing", "repeals", index), repealed


def _parsed_number(text: str) -> ResolutionNumber | None:
    try:
        return ResolutionNumber.model_validate(text)
    except (ValidationError, ValueError):
        return None


@rule("PD058", "error", "dane uchylanej uchwały")
def repealed_resolution_data(context: CheckContext) -> Iterator[Report]:
    """Uchwała uchylana albo tracąca moc (resolution.repeals, resolution.closing.repeals i zdanie „Traci moc
    uchwała Nr …” wpisane w paragrafach) jest oznaczona numerem w postaci sesja/numer/rok bez „Nr”, rokiem w numerze
    równym rokowi jej daty, datą wcześniejszą niż data tej uchwały, datą „z dnia …” w zdaniu o uchyleniu i tytułem
    zaczynającym się od „w sprawie”. Źródło: § 40 ust. 1 w zw. z § 143 ZTP („Traci moc ustawa … (tytuł ustawy)”,
    odpowiednio do aktów prawa miejscowego; bloglegislatora.pl, „Przepisy uchylające po nowelizacji Zasad techniki
    prawodawczej”, 24 maja 2016 r.); praktyka rad: Uchwała Nr 124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada
    2016 r., § 4
    („traci moc uchwała Nr 58/XI/2015 Rady Gminy Piątnica z dnia 30 listopada 2015 r. w sprawie …”).

    A number that does not parse is a warning (councils number in many ways, docs/domain.md § 5); the rest are errors:
    the repealed act could not be identified for certain.
    """
    adopted, own = context.data.resolution.date, context.data.resolution.number
    for base, repealed in _repealed(context):
        yield from _number_reports(repealed.number, repealed.date, (*base, "number"))
        if adopted is not None and repealed.date > adopted:
            yield Report(f"uchylana uchwała ma datę {format_date(repealed.date)}, późniejszą niż data tej uchwały "
                         f"({format_date(adopted)}) — uchylić można tylko uchwałę już podjętą; sprawdź datę",
                         (*base, "date"))
        parsed = _parsed_number(repealed.number.removeprefix("Nr ").removeprefix("nr "))
        if own is not None and parsed is not None and (parsed.session, parsed.number, parsed.year) == (
                own.session, own.number, own.year):
            yield Report(f"uchylana uchwała ma numer tej uchwały ({repealed.number}) — uchwała nie uchyla samej siebie",
                         (*base, "number"))
        if repealed.subject is not None:
            yield from _subject_reports(repealed.subject, (*base, "subject"))
    yield from _typed_repeal_reports(context)


def _number_reports(number: str, date: dt.date | None, where: FieldPath) -> Iterator[Report]:
    text = " ".join(number.split())
    if "…" in text or "..." in text:
        return  # a draft's placeholder ("…/…/…", paldocs new): the clerk fills it in
    bare = re.sub(r"^(?:Nr|nr|NR|numer)\.?\s*", "", text)
    if bare != text:
        yield Report(f"numer uchylanej uchwały „{number}” zaczyna się od „Nr” — słowo „Nr” drukuje paldocs; podaj sam "
                     "numer", where, fix=bare)
    parsed = _parsed_number(bare)
    if parsed is None:
        yield Report(f"numer uchylanej uchwały „{number}” nie ma postaci sesja/numer/rok (np. „XII/85/2019”, "
                     "„124/XXII/2016”, „XXX.338.2014”) — sprawdź go w rejestrze uchwał", where, severity="warning")
    elif date is not None and not _same_year(bare, parsed.year, date.year):
        yield Report(f"rok w numerze uchylanej uchwały „{number}” ({parsed.year}) różni się od roku jej daty "
                     f"({date.year}) — numer uchwały kończy się rokiem jej podjęcia; sprawdź numer i datę w rejestrze "
                     "uchwał", where)


def _same_year(number: str, year: int, date_year: int) -> bool:
    """A two-digit year ("XIV/81/96") names the year of the date in its century: 96 is 1996 for a 1996 date."""
    two_digits = re.search(r"(?<!\d)\d{2}\s*$", number) is not None
    return year % 100 == date_year % 100 if two_digits else year == date_year


_GERUNDS = ("nia", "cia", "zmiany")


def _subject_reports(subject: str, where: FieldPath) -> Iterator[Report]:
    text = " ".join(subject.split())
    if re.match(r"(?:uchwał\w*\s+)?(?:Nr|nr|numer)\b|z dnia\s+\d", text):
        yield Report(f"tytuł uchylanej uchwały „{subject}” powtarza jej numer albo datę — paldocs drukuje je sam; "
                     "podaj tylko „w sprawie …”", where)
        return
    if not text.startswith("w sprawie "):
        first = text.split(" ", 1)[0]
        lowered = text[:1].lower() + text[1:] if first.lower().endswith(_GERUNDS) else text
        fixed = "w sprawie " + re.sub(r"^[Ww] sprawie\s*", "", lowered).removesuffix(".")
        yield Report(f"tytuł uchylanej uchwały „{subject}” nie zaczyna się od „w sprawie” — tytuł uchwały ma postać "
                     "„w sprawie …”", where, fix=fixed)
    if text.endswith(".") and not text.endswith(" r."):
        yield Report(f"tytuł uchylanej uchwały „{subject}” kończy się kropką — kropkę po tytule stawia paldocs "
                     "(zdanie o uchyleniu)", where, fix=text[:-1], severity="warning")


def _typed_repeal_reports(context: CheckContext) -> Iterator[Report]:
    """Repeal sentences a clerk wrote (provisions, subject): the repealed act named with its date."""
    resolution = context.data.resolution
    texts: list[tuple[FieldPath, str]] = [(("resolution", "provisions", index), text)
                                          for index, text in enumerate(resolution.provisions)]
    if resolution.subject:
        texts.append((("resolution", "subject"), resolution.subject))
    if resolution.adoption:
        texts.append((("resolution", "adoption"), resolution.adoption))
    for where, text in texts:
        for match in _REPEAL_REFERENCE.finditer(" ".join(text.split())):
            number, rest = match["number"], match["rest"]
            dated = _WRITTEN_DATE.search(rest)
            if dated is None:
                yield Report(f"zdanie o uchyleniu uchwały Nr {number} nie podaje jej daty — uchylaną uchwałę wskazuje "
                             "się numerem, nazwą rady, datą („z dnia …”) i tytułem", where)
                continue
            try:
                date = parse_date(dated["date"])
            except PaldocsError:
                continue
            for report in _number_reports(number, date, where):
                if report.fix is None:  # "Nr" is written in a sentence: only the number's own defects count here
                    yield report
            if resolution.date is not None and date > resolution.date:
                yield Report(f"uchylana uchwała Nr {number} ma datę {format_date(date)}, późniejszą niż data tej "
                             f"uchwały ({format_date(resolution.date)}) — sprawdź datę", where)


# --- PD059 signature gender -------------------------------------------------------------------------------------


def _signatories(context: CheckContext) -> Iterator[tuple[FieldPath, Signatory]]:
    resolution, municipality = context.data.resolution, context.data.municipality
    if resolution.signatories:
        for index, signatory in enumerate(resolution.signatories):
            yield ("resolution", "signatories", index), signatory
    elif resolution.signatory is not None:
        yield ("resolution", "signatory"), resolution.signatory
    elif municipality.signatory is not None:
        yield ("municipality", "signatory"), municipality.signatory


@rule("PD059", "error", "rodzaj podpisującego")
def signature_gender(context: CheckContext) -> Iterator[Report]:
    """Rodzaj podpisującego (gender) zgadza się z jego imieniem (imię kobiety kończy się na -a, z wyjątkami męskich
    imion na -a; imiona mężczyzn z listy sprawdzonej ze słownikiem SGJP) — inaczej podpis „Przewodniczący” stoi
    pod nazwiskiem kobiety albo odwrotnie — a przy „z up.” rodzaj przewodniczącego
    (chair_gender) zgadza się z przewodniczącym rady z profilu gminy albo z listy podpisujących. Źródło: tytuł
    funkcji odmienia się jak przymiotnik według rodzaju osoby („Przewodnicząca Rady …”, „z up. Przewodniczącej
    Rady …” — docs/domain.md § 4); praktyka: podpis „Przewodniczący Rady Krzysztof Weber” pod Uchwałą Nr
    124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada 2016 r.

    Only a name of certain gender is judged (an unknown, foreign or two-gender first name is left alone).
    """
    if context.data.resolution.is_draft:
        return  # a draft is not signed
    signatories = list(_signatories(context))
    for where, signatory in signatories:
        words = signatory.name.split()
        expected = first_name_gender(words[0]) if words else None
        if expected is None or expected == signatory.gender:
            continue
        deputy = signatory.function == "wiceprzewodniczący"
        printed, right = chair_title(signatory.gender, deputy), chair_title(expected, deputy)
        yield Report(f"podpisuje {signatory.name} jako „{printed}”, a imię „{words[0]}” jest imieniem "
                     f"{'kobiety' if expected == 'k' else 'mężczyzny'} — podpis brzmiałby „{right}”; ustaw "
                     f"„gender: {expected}”", (*where, "gender"), fix=expected)
    chair = _chair(context, signatories)
    if chair is None:
        return
    chair_name, chair_gender = chair
    for where, signatory in signatories:
        if signatory.on_behalf_of_chair and signatory.chair_gender != chair_gender:
            right = chair_title(chair_gender, case="gen")
            yield Report(f"„z up. {chair_title(signatory.chair_gender, case='gen')} Rady”, a rada ma "
                         f"{'przewodniczącą' if chair_gender == 'k' else 'przewodniczącego'} ({chair_name}) — "
                         f"ustaw „chair_gender: {chair_gender}” („z up. {right} Rady”)", (*where, "chair_gender"),
                         fix=chair_gender)


def _chair(context: CheckContext, signatories: list[tuple[FieldPath, Signatory]]) -> tuple[str, Gender] | None:
    """The chair's name and gender: a chair among the signatories, else the profile's signatory when a deputy signs."""
    for _, signatory in signatories:
        if signatory.function == "przewodniczący" and not signatory.on_behalf_of_chair:
            return signatory.name, signatory.gender
    profile = context.data.municipality.signatory
    if profile is not None and profile.function == "przewodniczący" and not profile.on_behalf_of_chair:
        names = {signatory.name for _, signatory in signatories}
        if profile.name not in names:
            return profile.name, profile.gender
    return None


# --- PD060 / PD061 legal basis ------------------------------------------------------------------------------------


def _legal_basis(context: CheckContext) -> tuple[list[LegalBasisEntry], bool]:
    """The legal basis entries and whether the data wrote them (False: the kind's default)."""
    written = context.data.resolution.legal_basis
    return (list(written), True) if written else (list(context.kind.legal_basis), False)


def _units(provision: Provision) -> Iterator[Provision]:
    """Each cited unit of a provision: "art. 18 ust. 2 pkt 13 i 15" → pkt 13, pkt 15; "… i art. 40 ust. 1"."""
    yield provision
    # the deepest unit cited takes the further numbers ("pkt 13 i 15"); tirets are counted, not numbered
    deepest = next((info.typed for info in reversed(vocabulary.cited_units())
                    if getattr(provision, info.typed, None) is not None), None)
    for _, number in provision.more:
        if deepest is not None and isinstance(getattr(provision, deepest), str):
            yield dataclasses.replace(provision, more=(), also=(), **{deepest: number})
    for _, also in provision.also:
        yield from _units(also)


_USG_TEXT = re.compile(r"o samorządzie gminnym|u\.s\.g\.", re.IGNORECASE)
_ARTICLE_IN_TEXT = re.compile(r"art\.\s*(?P<art>\d+[a-z]?)(?:\s+ust\.\s*(?P<ust>\d+[a-z]?))?"
                              r"(?:\s+pkt\.?\s*(?P<pkt>\d+[a-z]?))?")


def _usg_units(context: CheckContext) -> Iterator[tuple[FieldPath, Provision]]:
    """The cited units of the ustawa o samorządzie gminnym, with the field that cites them."""
    entries, written = _legal_basis(context)
    for index, entry in enumerate(entries):
        where: FieldPath = ("resolution", "legal_basis", index) if written else ("resolution", "kind")
        if entry.act == USG and entry.provision:
            try:
                provision, _ = parse_provision(entry.provision)
            except PaldocsError:
                continue  # PD011 reports a provision it cannot read
            for unit in _units(provision):
                yield (*where, "provision") if written else where, unit
        elif entry.text and _USG_TEXT.search(entry.text):
            # a typed citation: its u.s.g. units are the "art. …" before the act's title
            head = entry.text[:_USG_TEXT.search(entry.text).start()]  # type: ignore[union-attr]
            for match in _ARTICLE_IN_TEXT.finditer(head):
                yield ((*where, "text") if written else where,
                       Provision(art=match["art"], ust=match["ust"], pkt=match["pkt"]))


def _is_apm(context: CheckContext) -> bool:
    own = context.data.resolution.act_of_local_law
    return own if own is not None else context.kind.act_of_local_law


# "nadania nazwy ulicy", "nadania nazwy drodze wewnętrznej", "nadania nazw ulicom", "zmiany nazwy ulicy", the name
# quoted between ("nadania nazwy „Tajnej Organizacji Nauczycielskiej” dla ronda …", Uchwała nr 204/XX/2015 Rady
# Miejskiej w Sosnowcu z dnia 12 października 2015 r.): a few
# words apart at most ("nadania nazwy Szkole Podstawowej przy ulicy …" names a school, not a street).
_PUBLIC_WAY = r"(?:ulic\w*|plac(?:u|owi|ów|om|ach|e|y)?\b|dr[oó]g\w*|drodze|rond\w*|skwer\w*)"
_STREET_NAMING = re.compile(rf"\b(?:nada(?:nia|nie|ć)|zmian[ay])(?:\s+\S+)?\s+nazw\w*(?:\s+[„\"][^”\"]*[”\"])?"
                            rf"(?:\s+\S+){{0,2}}?\s+{_PUBLIC_WAY}", re.IGNORECASE)


def _subject(context: CheckContext) -> str:
    if context.document is not None and context.document.meta.subject:
        return context.document.meta.subject
    return context.data.resolution.subject or ""


@rule("PD060", "error", "akt prawa miejscowego według podstawy prawnej i rodzaju")
def act_of_local_law_by_basis(context: CheckContext) -> Iterator[Report]:
    """Uchwała wydana na podstawie art. 40 ust. 1, 2 albo 3 u.s.g. albo nadająca nazwę ulicy, placu lub drodze
    (art. 18 ust. 2 pkt 13 u.s.g.) jest aktem prawa miejscowego — „act_of_local_law: false” to błąd (uchwała
    weszłaby w życie bez ogłoszenia w dzienniku urzędowym), także gdy rodzaj uchwały jest aktem prawa miejscowego,
    a dane mówią „false” — wtedy, gdy praktyka jest sporna (uwaga rodzaju local_law_note), tylko ostrzeżenie z uwagą. Źródło: art. 40 ust. 1–3 oraz
    art. 42 u.s.g. (ISAP WDU19900160095; art. 40 odczytany w tekście Dz. U. z 2023 r. poz. 40 na sip.lex.pl); nazwy
    ulic: wyrok NSA II OSK 633/11, LEX nr 920592 (uchwała o nadaniu nazwy ulicy zawiera normy powszechnie
    obowiązujące; prawo.pl), wyrok WSA w Gliwicach z 21 sierpnia 2018 r., IV SA/Gl 645/18; program opieki nad
    zwierzętami: wyrok WSA w Gdańsku z 14 listopada 2019 r., III SA/Gd 516/19.
    """
    if context.data.document != "resolution":
        return
    flag = context.data.resolution.act_of_local_law
    if _is_apm(context):
        return
    where: FieldPath = ("resolution", "act_of_local_law")
    said = "dane mówią „act_of_local_law: false”" if flag is False else (
        f"rodzaj uchwały „{context.kind.key}” nie jest aktem prawa miejscowego, a dane tego nie zmieniają")
    reasons: list[str] = []
    for _, unit in _usg_units(context):
        if unit.art == "40" and unit.ust in ("1", "2", "3"):  # ust. 3: przepisy porządkowe
            reasons.append(f"podstawą prawną jest art. 40 ust. {unit.ust} u.s.g. (stanowienie aktów prawa miejscowego)")
        elif unit.art == "18" and unit.ust == "2" and unit.pkt == "13":
            reasons.append("podstawą prawną jest art. 18 ust. 2 pkt 13 u.s.g. (nazwy ulic i placów), a uchwała "
                           "o nazwie "
                           "ulicy jest aktem prawa miejscowego (NSA, II OSK 633/11)")
    subject = _subject(context)
    if _STREET_NAMING.search(subject):
        reasons.append("uchwała nadaje nazwę ulicy, placowi lub drodze — to akt prawa miejscowego (NSA, II OSK 633/11; "
                       "WSA w Gliwicach, IV SA/Gl 645/18)")
    if reasons:
        unique = list(dict.fromkeys(reasons))
        yield Report(f"uchwała jest aktem prawa miejscowego: {'; '.join(unique)} — a {said}; akt prawa miejscowego "
                     "ogłasza się w wojewódzkim dzienniku urzędowym i wchodzi w życie po upływie 14 dni od ogłoszenia "
                     "(art. 42 u.s.g., art. 4 ust. 1 i art. 13 pkt 2 ustawy o ogłaszaniu aktów normatywnych)",
                     where, fix="act_of_local_law: true")
        return
    if flag is False and context.kind.act_of_local_law:
        # where practice differs (the kind's note says how), a warning; otherwise the kind settles it: an error
        note = context.kind.local_law_note
        yield Report(f"rodzaj uchwały „{context.kind.key}” ({context.kind.name}) jest aktem prawa miejscowego, a dane "
                     f"mówią „act_of_local_law: false”{f' — {note}' if note else ''}; sprawdź, czy uchwała nie "
                     "zawiera norm powszechnie obowiązujących", where, fix="act_of_local_law: true",
                     severity="warning" if note else None)


# Points of art. 18 ust. 2 u.s.g. (ISAP WDU19900160095; the points as listed by the BIP of Gmina Biała,
# slabowidzacy.bip.biala.gmina.pl/246/772, and pkt 13 as quoted by wspolnota.org.pl on IV SA/Gl 645/18).
_POINTS = {
    "1": "uchwalanie statutu gminy", "4": "budżet gminy", "5": "studium i plany miejscowe",
    "6": "programy gospodarcze", "8": "podatki i opłaty", "9": "sprawy majątkowe gminy",
    "13": "herb gminy, nazwy ulic i placów, pomniki", "14": "honorowe obywatelstwo gminy",
    "15": "inne sprawy zastrzeżone ustawami do kompetencji rady gminy",
}
# Kinds whose programme a statute other than the u.s.g. reserves to the council: art. 18 ust. 2 pkt 15.
_PROGRAMME_KINDS = frozenset({"pal", "gpwr", "program-wspolpracy", "profilaktyka-alkoholowa",
                              "przeciwdzialanie-przemocy", "opieka-nad-zwierzetami", "program-oslonowy"})
_SUBJECT_POINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_STREET_NAMING, "13"),
    (re.compile(r"\bherb(?:u|em|ie|y|ów)?\b|\bwznie\w+ pomnik", re.IGNORECASE), "13"),
    (re.compile(r"\bhonorowe\w* obywatelstw", re.IGNORECASE), "14"),
    (re.compile(r"\buchwalenia statutu gminy\b|\bstatutu gminy\b", re.IGNORECASE), "1"),
)


@rule("PD061", "warning", "punkt art. 18 ust. 2 u.s.g. zgodny z rodzajem uchwały")
def usg_point_fits(context: CheckContext) -> Iterator[Report]:
    """Punkt art. 18 ust. 2 u.s.g. w podstawie prawnej pasuje do rodzaju uchwały albo jej tytułu: program przyjmowany
    na podstawie innej ustawy (PAL, gminny program wspierania rodziny, program współpracy, programy profilaktyki,
    przeciwdziałania przemocy, opieki nad zwierzętami, program osłonowy) — pkt 15; nazwy ulic, placów, herb,
    pomniki — pkt 13; honorowe obywatelstwo — pkt 14; statut gminy — pkt 1. Źródło: art. 18 ust. 2 pkt 1, 13, 14 i
    15 u.s.g. (ISAP WDU19900160095); praktyka: Uchwała Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia
    2014 r. i Uchwała Nr 124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada 2016 r. (art. 18 ust. 2 pkt 15).
    """
    if context.data.document != "resolution":
        return
    subject = _subject(context)
    expected = next((point for pattern, point in _SUBJECT_POINTS if pattern.search(subject)), None)
    reason = "tytuł uchwały"
    if expected is None and context.kind.key in _PROGRAMME_KINDS:
        expected, reason = "15", f"rodzaj uchwały „{context.kind.key}” (program przyjmowany na podstawie innej ustawy)"
    if expected is None:
        return
    for where, unit in _usg_units(context):
        if unit.art != "18" or unit.ust != "2" or unit.pkt is None or unit.pkt == expected:
            continue
        cited = _POINTS.get(unit.pkt, "inna sprawa")
        yield Report(f"podstawa prawna powołuje art. 18 ust. 2 pkt {unit.pkt} u.s.g. ({cited}), a {reason} wskazuje "
                     f"pkt {expected} ({_POINTS[expected]})", where,
                     fix=_point_fixed(context, where, unit.pkt, expected))


def _point_fixed(context: CheckContext, where: FieldPath, cited: str, expected: str) -> str:
    """The field's text with the point replaced ("art. 7 ust. 1 pkt 19 i art. 18 ust. 2 pkt 15"), or the unit alone."""
    unit = f"art. 18 ust. 2 pkt {expected}"
    entries = context.data.resolution.legal_basis or []
    if len(where) != 4 or where[:2] != ("resolution", "legal_basis") or not isinstance(where[2], int):
        return unit
    text = getattr(entries[where[2]], str(where[3]), None) if where[2] < len(entries) else None
    if not isinstance(text, str):
        return unit
    fixed = re.sub(rf"(art\.\s*18\s+ust\.\s*2\s+pkt\.?\s*){re.escape(cited)}(?![\da-z])", rf"\g<1>{expected}", text,
                   count=1)
    return fixed if fixed != text else unit
