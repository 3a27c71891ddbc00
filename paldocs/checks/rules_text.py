"""Drafting rules over the clerk's own text: quotes, dates, abbreviations, doubled words and punctuation, spacing.

Contract: every rule reads only ``context.iter_free_texts()`` (each text a clerk typed, plain or Markdown, with
its field path) — never the template's standard text — and reports each occurrence with that path as
``where``; ``unit`` stays None. NO-BREAK SPACE counts as a space. The message quotes the faulty fragment with
its neighbouring word, and ``fix`` is the same fragment corrected (when a correction can be computed). Rules
never raise on odd text. Each rule names the drafting rule it enforces (ZTP paragraph / section of docs/domain.md,
with its status: verified, practice or unverified).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, FieldPath, Report, rule
from paldocs.errors import PaldocsError
from paldocs.model.untrusted import inspect_text
from paldocs.polish.dates import MONTHS_GENITIVE, format_date, parse_date

_S = "[ \u00a0\u202f]"  # a space as clerks type it: plain, NO-BREAK or NARROW NO-BREAK
_INLINE_SPACE = " \t\u00a0\u202f"


def _texts(context: CheckContext) -> Iterator[tuple[FieldPath, str]]:
    for path, text in context.iter_free_texts():
        if isinstance(text, str) and text:
            yield path, text


def _span(text: str, start: int, end: int, before: bool) -> tuple[int, int]:
    """The fragment to quote: the match widened to whole words (within one line), with the word before if asked."""
    left, right = start, end
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    probe = left
    while probe > 0 and text[probe - 1] in _INLINE_SPACE:
        probe -= 1
    if before and 0 < probe < left and text[probe - 1] != "\n":
        left = probe
        while left > 0 and text[left - 1] not in _INLINE_SPACE + "\n":
            left -= 1
    while right < len(text) and text[right].isalnum():
        right += 1
    return left, right


def _report(path: FieldPath, text: str, start: int, end: int, replacement: str | None, message: str,
            before: bool = True) -> Report:
    """``message`` with ``{fragment}`` filled in; the fix is the fragment with ``text[start:end]`` replaced."""
    left, right = _span(text, start, end, before)
    fix = None if replacement is None else text[left:start] + replacement + text[end:right]
    return Report(message.replace("{fragment}", " ".join(text[left:right].split("\n"))), path, fix=fix)


# --- PD040 quotes -------------------------------------------------------------------------------------------------

_STRAIGHT = re.compile(r'"([^"\n]*)"')


@rule("PD040", "warning", "cudzysłowy „…”")
def quotes(context: CheckContext) -> Iterator[Report]:
    """Cudzysłów polski „…”: prosty cudzysłów "…" zamienia się na „…”; każdy otwarty „ jest zamknięty ”.

    docs/domain.md § 7 (cudzysłowy „…” — zwyczaj typograficzny w dokumentach urzędowych, niezweryfikowany).
    """
    for path, text in _texts(context):
        for match in _STRAIGHT.finditer(text):
            yield _report(path, text, match.start(), match.end(), f"„{match[1]}”",
                          "cudzysłów prosty w „{fragment}” — w tekście polskim cytat ujmuje się w „…”")
        if text.count('"') % 2:
            index = text.rindex('"')
            yield _report(path, text, index, index + 1, None,
                          "niesparowany cudzysłów prosty w „{fragment}” — cytat ujmuje się w „…”")
        opened: list[int] = []
        for index, char in enumerate(text):
            if char == "„":
                opened.append(index)
            elif char == "“" and opened:  # the German/English closing mark after a Polish opening one
                opened.pop()
                yield _report(path, text, index, index + 1, "”",
                              "cudzysłów zamykający “ w „{fragment}” — polski cudzysłów zamyka się znakiem ”")
            elif char == "”" and opened:
                opened.pop()
            elif char == "”":
                yield _report(path, text, index, index + 1, None,
                              "cudzysłów zamykający ” bez otwierającego „ w „{fragment}” — sprawdź, gdzie zaczyna "
                              "się cytat")
        for index in opened:
            words = " ".join(text[index + 1:index + 60].split()[:4])
            yield Report(f"cudzysłów otwarty przed słowami „{words}…” nie jest zamknięty (brak ”) — sprawdź, gdzie "
                         "kończy się cytat", path)


# --- PD041 / PD042 dates ------------------------------------------------------------------------------------------

_MONTH = "|".join(MONTHS_GENITIVE)
_TEXT_DATE = re.compile(rf"(?<!\d)\d{{1,2}}{_S}+(?:{_MONTH}){_S}+\d{{4}}(?!\d)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)")
_GLUED_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\dr(?![^\W\d_])\.?")
# What may follow the year of a date: " r.", " roku", or a glued "r" (reported once, by _GLUED_YEAR).
_YEAR_WORD = re.compile(rf"{_S}+(?:r\.|rok\w*)|r(?![^\W\d_])")
_BARE_R = re.compile(rf"{_S}+r(?![\w.])")  # "2014 r" without its dot


@rule("PD041", "warning", "„r.” po roku w dacie")
def year_abbreviation(context: CheckContext) -> Iterator[Report]:
    """Po roku w dacie stoi „r.” oddzielone spacją: „z dnia 29 kwietnia 2014 r.”, nie „29 kwietnia 2014”,
    „25.03.2014” ani „2014r.”.

    docs/domain.md § 1 (forma daty „z dnia 29 kwietnia 2014 r.”) i § 7 („2014 r.” z twardą spacją, niezweryfikowane).
    """
    for path, text in _texts(context):
        for pattern in (_TEXT_DATE, _NUMERIC_DATE):
            for match in pattern.finditer(text):
                if not _YEAR_WORD.match(text, match.end()):
                    bare = _BARE_R.match(text, match.end())
                    missing = "kropki po „r”" if bare else "„r.”"
                    yield _report(path, text, match.start(), bare.end() if bare else match.end(), f"{match[0]} r.",
                                  f"po roku w dacie „{{fragment}}” brakuje {missing} — datę pisze się „29 kwietnia "
                                  "2014 r.”", before=False)
        for match in _GLUED_YEAR.finditer(text):
            year = match[0][:4]
            yield _report(path, text, match.start(), match.end(), f"{year} r.",
                          f"„{{fragment}}” — skrót „r.” oddziela się od roku spacją: „{year} r.”", before=False)


@rule("PD042", "info", "data zapisana cyframi")
def numeric_date(context: CheckContext) -> Iterator[Report]:
    """Data w tekście zapisana cyframi („25.03.2014r.”) — w uchwale pisze się ją słownie: „25 marca 2014 r.”.

    docs/domain.md § 1 (forma daty: dzień bez zera, miesiąc w dopełniaczu, „r.”).
    """
    for path, text in _texts(context):
        for match in _NUMERIC_DATE.finditer(text):
            suffix = re.match(rf"{_S}?r(?![^\W\d_])\.?", text[match.end():])
            end = match.end() + (suffix.end() if suffix else 0)
            try:
                written = format_date(parse_date(text[match.start():end]))
            except PaldocsError:
                continue  # not a real date (e.g. a version number): nothing to suggest
            yield _report(path, text, match.start(), end, written,
                          f"data „{{fragment}}” zapisana cyframi — w uchwale datę pisze się słownie: „{written}”",
                          before=False)


# --- PD043 / PD047 / PD048 references ----------------------------------------------------------------------------

_JOURNAL = re.compile(rf"\bDz\.(?P<space>{_S}*)U\b(?P<dot>\.?)")


@rule("PD043", "warning", "„Dz. U.” ze spacją")
def journal_abbreviation(context: CheckContext) -> Iterator[Report]:
    """Skrót Dziennika Ustaw pisze się „Dz. U.” — ze spacją i dwiema kropkami, nie „Dz.U.” ani „Dz.U”.

    docs/domain.md § 3 (forma z § 158 ZTP: „(Dz. U. z 2024 r. poz. 1465)”) i § 7.
    """
    for path, text in _texts(context):
        for match in _JOURNAL.finditer(text):
            if not match["space"] or not match["dot"]:
                yield _report(path, text, match.start(), match.end(), "Dz. U.",
                              "„{fragment}” — skrót Dziennika Ustaw pisze się „Dz. U.” (ze spacją i kropkami)",
                              before=False)


_PKT_DOT = re.compile(rf"\bpkt\.(?={_S}*\d)")
_GLUED_UNIT = re.compile(r"\b(?i:art|ust)\.(?=\d)|\blit\.(?=[a-z]\b)|§(?=\d)")
_CAPITAL_UNIT = re.compile(rf"\b(Art|Ust|Pkt)\b\.?(?={_S}*\d)")


@rule("PD047", "warning", "skróty w odwołaniach do przepisów")
def provision_abbreviations(context: CheckContext) -> Iterator[Report]:
    """Odwołania do przepisów w tekście: „pkt 15” bez kropki, spacja po „art.”, „ust.”, „lit.” i „§” („art. 18”,
    „§ 5”), „art.” małą literą w środku zdania.

    docs/domain.md § 2 (cytowanie: § 1, ust. 1, pkt 1 — bez kropki po pkt —, lit. a — § 54–57 ZTP) i § 7.
    """
    for path, text in _texts(context):
        for match in _PKT_DOT.finditer(text):
            yield _report(path, text, match.start(), match.end(), "pkt",
                          "„{fragment}” — po skrócie „pkt” nie stawia się kropki („pkt 15”)")
        for match in _GLUED_UNIT.finditer(text):
            short = match[0]
            yield _report(path, text, match.start(), match.end(), f"{short} ",
                          f"„{{fragment}}” — po „{short}” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", before=False)
        for match in _CAPITAL_UNIT.finditer(text):
            before = text[:match.start()].rstrip(_INLINE_SPACE)
            if before and (before[-1].isalnum() or before[-1] in ",()"):
                yield _report(path, text, match.start(), match.end(), match[0].lower(),
                              "„{fragment}” — w środku zdania skrót pisze się małą literą („art. 5”)")


_ACT_WORDS = frozenset("""ustawa ustawy ustawie ustawę ustawą ustaw rozporządzenie rozporządzenia rozporządzeniu
rozporządzeniem uchwała uchwały uchwale uchwałę uchwałą zarządzenie zarządzenia zarządzeniu zarządzeniem
obwieszczenie obwieszczenia obwieszczeniu obwieszczeniem dekret dekretu dekrecie dekretem umowa umowy umowie
umowę umową porozumienie porozumienia porozumieniu porozumieniem konwencja konwencji konwencję konwencją""".split())
_STATUTE = re.compile(rf"\b[Aa]rt\.{_S}*\d+[^\n„”();]{{0,120}}?{_S}(?P<word>\S+){_S}+(?P<date>z{_S}+dnia{_S}+"
                      rf"(?:\d{{1,2}}{_S}+[^\W\d_]+{_S}+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}){_S}*r\.?){_S}+o{_S}")


@rule("PD048", "warning", "brak słowa „ustawy” przed „z dnia”")
def statute_word(context: CheckContext) -> Iterator[Report]:
    """W odwołaniu „art. 18 … ustawy z dnia 8 marca 1990 r. o …” przed „z dnia” stoi nazwa aktu („ustawy”,
    „rozporządzenia”, „uchwały” …) — „art. 18 ust. 2 pkt 15 z dnia 8 marca 1990 r. o …” jej nie ma.

    docs/domain.md § 3 (forma cytowania z § 158 ZTP: „ustawy z dnia 8 marca 1990 r. o samorządzie gminnym”).
    """
    for path, text in _texts(context):
        for match in _STATUTE.finditer(text):
            if match["word"].lower().strip(",") not in _ACT_WORDS:
                yield Report(f"„{match['word']} {match['date']}” — przed „z dnia” brakuje nazwy aktu: „… ustawy z "
                             "dnia … o …”", path, fix=f"{match['word']} ustawy {match['date']}")


# --- PD044 / PD045 / PD046 / PD049 typing slips ------------------------------------------------------------------

_REPEATED_WORD = re.compile(r"(?<![\w-])([^\W_]+)(?:[ \t\u00a0\u202f]+\n?|\n)[ \t\u00a0\u202f]*(\1)(?![\w-])",
                            re.IGNORECASE)
_REPEAT_ALLOWED = frozenset({"to"})  # "to to samo" is correct Polish


@rule("PD044", "warning", "powtórzone słowo")
def repeated_word(context: CheckContext) -> Iterator[Report]:
    """To samo słowo dwa razy z rzędu („w w”, „i i”, „do do”), bez względu na wielkość liter; liczby i „to to”
    nie są błędem.

    Korekta pisarska (literówka) — docs/domain.md nie ma o tym osobnej reguły.
    """
    for path, text in _texts(context):
        for match in _REPEATED_WORD.finditer(text):
            word = match[1]
            if word.isdigit() or word.lower() in _REPEAT_ALLOWED:
                continue
            yield _report(path, text, match.start(), match.end(), word,
                          f"słowo „{word}” powtórzone: „{{fragment}}”")


_REPEATED_MARK = re.compile(r"\.{2,}|,{2,}|;{2,}|:{2,}")


@rule("PD045", "warning", "powtórzona interpunkcja")
def repeated_punctuation(context: CheckContext) -> Iterator[Report]:
    """Podwojony znak interpunkcyjny: „..”, „,,”, „;;”, „::”, „....”. Wielokropek (trzy kropki „...” albo „…”),
    wykropkowane miejsce projektu (pięć i więcej kropek) i znacznik bloku Markdown „:::” są dozwolone.

    Korekta pisarska (literówka, „..” dwa razy w oryginale z Kętrzyna) — docs/domain.md nie ma o tym osobnej reguły;
    wykropkowane miejsca projektu: docs/domain.md § 5.
    """
    for path, text in _texts(context):
        for match in _REPEATED_MARK.finditer(text):
            run = match[0]
            line_start = text.rfind("\n", 0, match.start()) + 1
            if run == "..." or (run[0] == ":" and len(run) >= 3 and not text[line_start:match.start()].strip()):
                continue  # an ellipsis; a Markdown fence "::: role"
            if run[0] == "." and len(run) >= 5:
                continue  # a dotted blank of a draft, "Nr ........." (docs/domain.md § 5)
            yield _report(path, text, match.start(), match.end(), "..." if len(run) > 3 else run[0],
                          f"powtórzony znak „{run}” w „{{fragment}}” — stawia się jeden znak (wielokropek to "
                          "trzy kropki)")


# Each pattern captures the character to keep in group 1.
_OPEN_SPACE = re.compile(rf"(„){_S}+")
_CLOSE_SPACE = re.compile(rf"(?<=\S){_S}+(”)")
_MARK_SPACE = re.compile(rf"(?<=[^\s„(\[]){_S}+([,;:!?]|\.(?!\.))")


@rule("PD046", "warning", "spacja przy cudzysłowie lub przed znakiem interpunkcyjnym")
def quote_and_mark_spacing(context: CheckContext) -> Iterator[Report]:
    """Bez spacji po „ i przed ” („„ tekst””, „„tekst ””) ani przed przecinkiem, kropką, średnikiem, dwukropkiem,
    znakiem zapytania i wykrzyknikiem („tekst ,”); spacja nierozdzielająca też się liczy.

    docs/domain.md § 7 (typografia, niezweryfikowane: cudzysłów „…” przylega do tekstu, znak interpunkcyjny do wyrazu).
    """
    for path, text in _texts(context):
        for pattern, what in ((_OPEN_SPACE, "po cudzysłowie otwierającym „"),
                              (_CLOSE_SPACE, "przed cudzysłowem zamykającym ”"),
                              (_MARK_SPACE, "przed znakiem interpunkcyjnym")):
            for match in pattern.finditer(text):
                yield _report(path, text, match.start(), match.end(), match[1],
                              f"„{{fragment}}” — zbędna spacja {what}", before=pattern is not _MARK_SPACE)


_HYPHEN_RANGE = re.compile(rf"(?<![\d./\-–])((?:19|20)\d\d){_S}?-{_S}?((?:19|20)\d\d)(?![\d\-])"
                           r"|(?<![\d./\-–,])(\d{1,2})-(\d{1,2})(?![\d\-])")


@rule("PD049", "info", "półpauza w zakresie liczb")
def range_dash(context: CheckContext) -> Iterator[Report]:
    """Zakres lat lub liczb zapisany dywizem („2009-2013”, „2-3 razy”) — zakres pisze się półpauzą: „2009–2013”.

    docs/domain.md § 7 (półpauza w zakresach „2014–2020”: zwyczaj typograficzny, niezweryfikowane).
    """
    for path, text in _texts(context):
        for match in _HYPHEN_RANGE.finditer(text):
            low, high = (match[1], match[2]) if match[1] else (match[3], match[4])
            if int(low) < int(high):
                yield _report(path, text, match.start(), match.end(), f"{low}–{high}",
                              "zakres „{fragment}” zapisany dywizem — zakres lat i liczb pisze się półpauzą "
                              "(„2014–2020”); to zwyczaj typograficzny, nie przepis (docs/domain.md § 7)", before=False)


@rule("PD018", "warning", "HTML, odnośniki i przypisy drukowane dosłownie")
def markup_printed_literally(context: CheckContext) -> Iterator[Report]:
    """Znacznik HTML („<b>”, „<script>”) albo odnośnik Markdown („[tekst](adres)”) w tekście drukuje się
    dosłownie: paldocs nie przenosi do dokumentu HTML ani odnośników. Tak samo odsyłacz do przypisu („[^1]”)
    bez definicji „[^1]: …” w tym samym tekście i definicja przypisu, do której nic nie odsyła.

    The same inspection as the loader's (paldocs.model.untrusted), which ``paldocs build`` prints as ``uwaga:``;
    here it is a finding with the field's place, so an editor shows it beside the text.
    """
    for path, text in context.iter_free_texts():
        for severity, message in inspect_text(text):
            if severity == "warning":
                yield Report(message, path)

