"""What the cleaners recognise in a line: document starts, structural starts, signatures — and the log's reasons.

Contract: pure regular expressions and predicates on one line's text (for Markdown input on the line with its
leading "#"/"**"/"*" markers removed, see :func:`plain`), shared by the cleaning steps of this package. The
reasons (``BEFORE``, ``AFTER``, ``PAGE``, …) are the Polish texts the import log shows for dropped lines.
Nothing here changes a line.
"""

from __future__ import annotations

import re

BEFORE = "tekst strony BIP przed dokumentem"
AFTER = "tekst strony BIP po dokumencie"
INSIDE = "tekst strony BIP w dokumencie"
PAGE = "numer strony"
RUNNING_HEAD = "nagłówek strony (powtórzony)"
EDOC = "znacznik dokumentu elektronicznego (Id, strona)"
JOURNAL = "nagłówek Dziennika Urzędowego"
GUESS = "(zgadnięte — sprawdź)"

UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
LOWER = "a-ząćęłńóśźż"

# A resolution header: "UCHWAŁA NR X/87/11", "Uchwała nr 228/2005 …", "UCHWAŁA" alone (the number below it).
RESOLUTION = re.compile(r"^(?:uchwała|uchwala(?=\s+nr\b))(?:\s+nr\.?\s*(?P<number>\S.*?))?\s*$", re.IGNORECASE)
NUMBER_ONLY = re.compile(r"^[\dIVXLCDM.…_\s/]*\S?$")
# A draft mark ("Projekt", "PROJEKT uchwały", "Projekt z dnia 3 marca 2020 r.") or a session print number.
DRAFT = re.compile(r"^(?:-\s*)?projekt(?:\s+uchwały)?(?:\s+z\s+dnia\b.*)?(?:\s*-)?$|^druk\s+nr\b", re.IGNORECASE)
ANNEX = re.compile(r"^załącznik(?:\s+nr\.?\s*\S+)?(?:\s+(?:do|uchwał\w*)\b.*)?$", re.IGNORECASE)
REPORT = re.compile(r"^SPRAWOZDANIE\b|^Sprawozdanie\s+z\s+(?:realizacji|wykonania|działalności)\b")
PROGRAM = re.compile(rf"^(?:[{UPPER}]+\s+){{0,2}}PROGRAM\b[{UPPER}\s\d–-]*$")
ORDER = re.compile(r"^zarządzenie(?:\s+nr\b.*)?$", re.IGNORECASE)  # a mayor's order (one transmits a draft)
JUSTIFICATION_HEAD = re.compile(r"^uzasadnienie(?:\s+do\s+(?:projektu\s+)?uchwały\b.*)?$", re.IGNORECASE)
JOURNAL_HEAD = re.compile(rf"^DZIENNIK\s+URZĘDOWY\s+WOJEWÓDZTWA\s+[{UPPER}-]+")

SIGNATURE = re.compile(r"^(?:z\s+up\.\s+)?(?:wice)?przewodnicząc(?:y|a|ego|ej)\b", re.IGNORECASE)
JUSTIFICATION = re.compile(r"^uzasadnienie\b", re.IGNORECASE)
PARAGRAPH_SIGN = re.compile(r"^§\s*\d+[a-z]?\b")
LONE_PARAGRAPH = re.compile(r"^§\s*\d+[a-z]?\s*\.?$")
LEGAL_BASIS = re.compile(r"^na\s+podstawie\b", re.IGNORECASE)
CHAPTER = re.compile(r"^(?:rozdział|ROZDZIAŁ)\s+(?:\d+|[IVXLC]+)\b")
ENACTING = re.compile(r"uchwala(?:\s+się)?\s*,?\s*co\s+następuje\s*:?\s*$", re.IGNORECASE)
LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z]\)|[-–•*])\s")
FOOTNOTE = re.compile(r"^\d{1,2}\)\s+\S")

_MARKERS = re.compile(r"^(?:#{1,6}\s+)?(?:\*\*|__|\*(?!\*))?")
_CLOSING = re.compile(r"(?:\*\*|__|\*)$")


def plain(text: str, markdown: bool) -> str:
    """The line without the Markdown markers around it ("## **§ 1.**" → "§ 1.") for matching only."""
    if not markdown:
        return text
    return _CLOSING.sub("", _MARKERS.sub("", text)).strip()


def document_start(text: str) -> bool:
    """A line a document opens with: a resolution header, a draft mark, an annex header, a report's or
    programme's title, a justification's own header, a mayor's order, a Dziennik Urzędowy header."""
    return bool(RESOLUTION.match(text) or DRAFT.match(text) or ANNEX.match(text) or REPORT.match(text)
                or PROGRAM.match(text) or JOURNAL_HEAD.match(text) or ORDER.match(text)
                or JUSTIFICATION_HEAD.match(text))


def loose_header(text: str) -> str | None:
    """The number of a resolution/annex header line that says more than the number ("Uchwała nr 228/2005 Rady
    Gminy Rypin w sprawie …", a website's page title) — such a line is chrome when the header follows it."""
    match = RESOLUTION.match(text) or re.match(r"^załącznik\b.*?\buchwały\s+nr\.?\s*(?P<number>\S+.*)$", text,
                                               re.IGNORECASE)
    if not match or not match["number"]:
        return None
    number = match["number"].split()[0].rstrip(".,")
    return number if not NUMBER_ONLY.match(match["number"]) else None


def structural_start(text: str) -> bool:
    """A line that opens a unit of the document and so must open a block (a blank line before it)."""
    return bool(PARAGRAPH_SIGN.match(text) or LEGAL_BASIS.match(text) or SIGNATURE.match(text)
                or re.match(r"^załącznik(?:\s+nr\b|\s+do\b|$)", text, re.IGNORECASE)
                or JUSTIFICATION.match(text) or CHAPTER.match(text))


def ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.:;!?”\"')\]]$", text))


def starts_lowercase(text: str) -> bool:
    return bool(re.match(rf"^[{LOWER}]", text)) and not LIST_MARKER.match(text)
