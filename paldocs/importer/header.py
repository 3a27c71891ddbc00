"""The title block of an imported resolution, read tolerantly: number, council, date, subject, draft marks.

Contract: :func:`read_header` walks the first rows of an act (:class:`~paldocs.importer.rows.Row`) and returns
:class:`Header` and the index of the first row after the title block (the legal basis, the enacting formula or
the first §). It never raises on content. It reads the number in every variant seen in published texts ("Nr
XIV/ 137 /2007", "nr 107/XII/11", a letter-spaced "U C H W A Ł A", draft placeholders "…/…/…", "....../2016"),
the council's genitive in any case, the date with "r.", "roku", "2014r." or nothing and a leading zero, a
year that lost a digit ("215") completed from the number's year (logged as a guess), the subject "w sprawie …"
(a colon after "w sprawie" and a final dot removed — logged as changed), draft marks ("Projekt", "/PROJEKT/",
"Projekt z dnia …", "DRUK Nr 123") — and a title block written on one line. A line it does not recognise is
logged as dropped with its words and a reason ("wiersz nagłówka nierozpoznany"); text of the act is never
taken for the header when no title line ("Uchwała …", "Rady …", "z dnia …", "w sprawie …") opens the act.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from paldocs.errors import PaldocsError
from paldocs.importer import resolution as rx
from paldocs.importer.log import ImportLog
from paldocs.importer.rows import Row, split_row
from paldocs.importer.wording import log_if_changed
from paldocs.polish.dates import format_date, parse_date

GUESS = "(zgadnięte — sprawdź)"
_SPACED_TITLE = r"u\s?c\s?h\s?w\s?a\s?ł\s?a"
NUMBER_PATTERN = r"[IVXLCDMivxlcdm\d.…_]+(?:\s*/\s*[IVXLCDMivxlcdm\d.…_]+)*"
HEADER = re.compile(rf"^(?P<title>{_SPACED_TITLE})(?:\s+(?:nr\.?|numer)|(?=\s*[\d.…_IVXLCDM]))?\s*"
                    rf"(?P<number>{NUMBER_PATTERN})?(?=\s|$)", re.IGNORECASE)
DRAFT = re.compile(r"^/?\s*projekt\s*/?(?=\s|$)", re.IGNORECASE)
PRINT_NUMBER = re.compile(r"^druk\s+(?:nr\.?\s*)?[\d.…_]+(?=\s|$)", re.IGNORECASE)
COUNCIL = re.compile(r"^(?:rady|rada)\s+\S.*?(?=\s+(?:z\s+dnia|w\s+sprawie)\b|$)", re.IGNORECASE)
DATE = re.compile(r"^z\s+dnia\b\s*(?P<date>.*?)(?=\s+w\s+sprawie\b|$)", re.IGNORECASE)
SUBJECT_START = re.compile(r"^w\s+sprawie\b", re.IGNORECASE)
BASIS_START = re.compile(r"(?:^|\s)na\s+pod?stawie\b", re.IGNORECASE)
# "… uchwala, co następuje:" and the variants printed in practice ("uchwala się:", "postanawia:")
ENACTING = re.compile(r"(?P<council>\bRada\s+[^,.;:]*?)?\s*[-–]?\s*\b(?P<verb>uchwala|postanawia)(?P<impersonal>\s+się)?"
                      r"(?:\s*,?\s*co\s+następuje\s*:?|\s*:)", re.IGNORECASE)
PARAGRAPH = re.compile(r"^§\s*(?P<n>\d+[a-z]?)\s*\.?(?=\s|$|[^\d\s])\s*(?P<rest>.*)$", re.DOTALL)
_YEAR_SUFFIX = re.compile(r"\s*(?:roku|r\.?)\s*\.?$", re.IGNORECASE)


@dataclass
class Header:
    number: dict[str, Any] | None = None  # the model's ResolutionNumber
    number_text: str = ""  # as written
    numbering: dict[str, Any] = field(default_factory=dict)  # order, year_digits
    council_genitive: str | None = None
    date: dt.date | None = None
    date_text: str = ""  # as written
    subject: str | None = None
    draft: bool = False
    title_line: int = 0  # input line of the "Uchwała …" line (0: none)


def tidy_case(text: str) -> str:
    """Words in capitals become capitalised ("Rady Gminy MICHAŁOWICE" → "Rady Gminy Michałowice"); all-caps text
    is proper-cased (:func:`paldocs.importer.resolution.proper_case`)."""
    text = " ".join(text.split())
    if text.isupper():
        return rx.proper_case(text)
    return " ".join(word.capitalize() if word.isupper() and len(word) > 1 else word for word in text.split())


def stops_header(text: str) -> bool:
    return bool(BASIS_START.match(text) or PARAGRAPH.match(text) or ENACTING.search(text))


def _opens_title(row: Row) -> bool:
    """The row starts with a part of a title block."""
    text = row.text
    return bool(HEADER.match(text) or DRAFT.match(text) or PRINT_NUMBER.match(text) or COUNCIL.match(text)
                or DATE.match(text) or SUBJECT_START.match(text))


def read_header(rows: list[Row], log: ImportLog) -> tuple[Header, list[Row]]:
    """The title block (see the module contract) and the rows after it (the first may be a cut row)."""
    header = Header()
    title_at = next((k for k, row in enumerate(rows[:12]) if HEADER.match(row.text)), None)
    if title_at is None and not (rows and _opens_title(rows[0])):
        return header, rows
    start = title_at if title_at is not None else 0
    for row in rows[:start]:  # before "Uchwała …": draft marks, a print number, else words the act does not hold
        _prefix_line(row, header, log)
    i = start
    while i < len(rows):
        row = rows[i]
        if header.subject is not None or stops_header(row.text) and not HEADER.match(row.text):
            break
        if i > start and not _opens_title(row) and not any(_opens_title(other) for other in rows[i + 1:i + 3]):
            break  # no title part here or just after: the act's text, not its title block
        i += 1
        rest = _read_title_line(row, header, log)
        if rest is not None:  # the subject (or the legal basis) starts inside the row
            i -= 1
            rows = [*rows[:i], rest, *rows[i + 1:]]
            if SUBJECT_START.match(rest.text):
                i = _read_subject(rows, i, header, log)
            break
    return header, rows[i:]


def _prefix_line(row: Row, header: Header, log: ImportLog) -> None:
    if match := DRAFT.match(row.text):
        if header.draft:
            log.dropped(row.line, "powtórzony znak „Projekt” — paldocs drukuje go raz", match.group())
        else:
            log.recognised(row.line, "znak „Projekt” — projekt uchwały (status: projekt)")
        header.draft = True
        if rest := row.text[match.end():].strip():
            log.dropped(row.line, "dopisek przy znaku „Projekt” (np. data projektu) — paldocs drukuje sam znak", rest)
    elif PRINT_NUMBER.match(row.text):
        header.draft = True
        log.dropped(row.line, "numer druku sesyjnego — paldocs drukuje znak „Projekt”", row.text)
    else:
        log.dropped(row.line, f"wiersz przed nagłówkiem uchwały nierozpoznany: „{row.text}” — sprawdź, czy należy "
                              "do uchwały", row.text)


def _read_title_line(row: Row, header: Header, log: ImportLog) -> Row | None:
    """Read the parts of one title line in order; returns the rest of the row from "w sprawie" or "Na podstawie"."""
    text = row.text
    while text:
        if SUBJECT_START.match(text) or BASIS_START.match(text) or ENACTING.match(text) or PARAGRAPH.match(text):
            return split_row(row, len(row.text) - len(text))[1]
        if (match := HEADER.match(text)) and not header.title_line:
            header.title_line = row.line
            _title_word(match["title"], row.line, log)
            if match["number"]:
                before = text[:match.start("number")]
                glued = before.split()[-1] if before and not before[-1].isspace() else ""  # "NR..." one word
                _number(match["number"], row.line, header, log, glued)
        elif (match := DRAFT.match(text)) or (match := PRINT_NUMBER.match(text)):
            header.draft = True
            if PRINT_NUMBER.match(text):
                log.dropped(row.line, "numer druku sesyjnego — paldocs drukuje znak „Projekt”", match.group())
            else:
                log.recognised(row.line, "znak „Projekt” — projekt uchwały (status: projekt)")
        elif (match := COUNCIL.match(text)) and header.council_genitive is None:
            header.council_genitive = tidy_case(match.group())
            log.recognised(row.line, "organ (dopełniacz)")
        elif (match := DATE.match(text)) and header.date is None:
            read_date(match["date"], row.line, header, log)
        else:
            unknown = re.split(r"\s+(?=z\s+dnia\b|w\s+sprawie\b|na\s+pod?stawie\b)", text, maxsplit=1,
                               flags=re.IGNORECASE)[0]
            log.dropped(row.line, f"wiersz nagłówka nierozpoznany: „{unknown}” — paldocs go nie drukuje; sprawdź "
                                  "(np. skrót nazwy rady)", unknown)
            match = re.match(re.escape(unknown), text)
        text = text[match.end():].strip() if match else ""  # type: ignore[union-attr]
    return None


def _read_subject(rows: list[Row], i: int, header: Header, log: ImportLog) -> int:
    """The subject from row ``i`` to the end of its block, or to "Na podstawie" / the formula / a § row."""
    parts: list[str] = []
    first = rows[i]
    while i < len(rows):
        row = rows[i]
        if parts and (row.opens_block or stops_header(row.text)):
            break
        cuts = [m.start() for m in (BASIS_START.search(row.text), ENACTING.search(row.text)) if m and m.start() > 0]
        if cuts:
            head, rows[i] = split_row(row, min(cuts))
            parts.append(head.text)
            break
        parts.append(row.text)
        i += 1
    written = " ".join(parts)
    try:
        subject, notes = rx.parse_subject(written)
    except PaldocsError:
        subject, notes = " ".join(written.split()), []
    header.subject = subject
    log.recognised(first.line, "tytuł uchwały" + "".join(f"; {note}" for note in notes))
    log_if_changed(log, first.line, "tytuł uchwały w formie, którą drukuje paldocs (§ 120 ZTP)", written, subject)
    return i


def _title_word(written: str, line: int, log: ImportLog) -> None:
    log.recognised(line, "nagłówek „Uchwała”")
    if " " in written:
        log.changed(line, "rozstrzelony tytuł „U C H W A Ł A” — paldocs drukuje „UCHWAŁA”", written, "UCHWAŁA")


def _number(written: str, line: int, header: Header, log: ImportLog, glued: str = "") -> None:
    compact = re.sub(r"\s*/\s*", "/", written.strip())
    if dotted := re.fullmatch(r"([IVXLCDM]+|\d+)\.(\d+|[IVXLCDM]+)\.(\d{2}|\d{4})", compact):
        compact = "/".join(dotted.groups())  # "I.2.2018": the parts separated by dots (numbering.separator)
        header.numbering["separator"] = "."
    try:
        parsed = rx.parse_number(compact)
    except PaldocsError:
        log.dropped(line, f"numer uchwały nierozpoznany: „{written}” — uzupełnij pole resolution.number", written)
        return
    header.number_text = written
    if parsed.value:
        header.number = parsed.value
        log.recognised(line, "numer uchwały")
    else:
        header.draft = True
        log.dropped(line, f"numer uchwały: {parsed.note} (status: projekt)", glued + written)
    if parsed.order:
        header.numbering["order"] = parsed.order
    if parsed.year_digits:
        header.numbering["year_digits"] = parsed.year_digits


def read_date(written: str, line: int, header: Header, log: ImportLog) -> None:
    text = _YEAR_SUFFIX.sub("", written.strip())
    text = re.sub(r"(\d{4})r$", r"\1", text)
    if not text or rx.BLANK.match(text) or "…" in text or ".." in text:
        header.draft = True
        log.dropped(line, "projekt: data wykropkowana (status: projekt)", written)
        return
    day = _parse(text)
    if day is None and (short := re.fullmatch(r"(.*\D)(\d{3})", text)) and header.number:
        year = str(header.number["year"])
        if _lost_digit(short[2], year):
            day = _parse(short[1] + year)
            if day is not None:
                log.changed(line, f"rok daty „{short[2]}” uzupełniony z numeru uchwały {GUESS}", short[2], year)
                written = written.replace(short[2], year, 1)
    if day is None:
        log.dropped(line, "data podjęcia nierozpoznana — uzupełnij pole resolution.date", written)
        return
    header.date = day
    header.date_text = written
    log.recognised(line, "data podjęcia")
    log_if_changed(log, line, "data w formie § 120 ZTP („r.”, dzień bez zera)", written, format_date(day))


def _parse(text: str) -> dt.date | None:
    try:
        return parse_date(f"{text} r.")
    except PaldocsError:
        return None


def _lost_digit(short: str, year: str) -> bool:
    """"215" is "2015" with one digit lost."""
    return any(year[:k] + year[k + 1:] == short for k in range(len(year)))
