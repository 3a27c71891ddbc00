"""A monitoring report's text (sprawozdanie z realizacji programu) → data of a standalone report.

Contract: :func:`parse_report` takes the blocks of one report (after cleaning) and returns a plain dict that
validates as :class:`paldocs.report.model.MonitoringReport` (``document: report``, no program file): a title,
the place and month, and chapters of text. It never raises on content and loses no word: every word is in the
data (title, place and month, chapter headings and contents); where the printed form differs from the input
("Piła, marzec 2016" printed for "Piła, marzec 2016 r.") the log records the change. Recognised (and logged):

- the title: from the first "SPRAWOZDANIE"/"Sprawozdanie" (text before it goes to the first chapter) up to the
  place and date, the legal basis ("Na podstawie …"), a table of contents or the first chapter heading — on one
  line or over a few short lines; a long run-together line's title ends after its period ("za 2016 rok");
- the years from the title: "ZA 2016 ROK", "W ROKU 2015", "na 2015 rok", "za rok 2020", "za lata 2014–2016";
  other years in the title are a guess logged "(zgadnięte — sprawdź)"; no year leaves ``years`` out (logged);
- the place and month near the title ("KLUCZBORK maj 2016", "Łomża, kwiecień 2017", "Piła, marzec 2016 r.");
  a month before the end of the report years contradicts the model and is kept as text instead;
- chapters: Markdown and Word headings, numbered headings ("1. PODSTAWOWE INFORMACJE …", "IV. Cele"),
  uppercase lines ("WSTĘP"), "Rozdział I", short bold lines, also run together with the text after them
  ("WSTĘP Program współpracy …"); the heading is kept exactly as written;
- a table of contents ("SPIS TREŚCI …") is the document's words: kept as a chapter of its own.

Everything else is the Markdown content of the current chapter (logged ``kept``): the legal basis and other
text before the first heading go to the first chapter (without heading); lists whose markers run in order
become Markdown lists, others keep their markers as text; tables are kept as text. The figures of a report —
indicators, activities, participants, costs — are NOT recognised from text: they stay in the chapters' words
(structured figures need the program's data file, :mod:`paldocs.report.model`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock
from paldocs.polish.dates import MONTHS_GENITIVE, MONTHS_NOMINATIVE

_TITLE_START = re.compile(r"\b(?:SPRAWOZDANIE|Sprawozdanie)\b")  # lowercase "sprawozdanie" is in prose
_UP = "A-ZĄĆĘŁŃÓŚŹŻ"
_WORD = rf"[{_UP}][\w{_UP}ąćęłńóśźż.-]*"
_MONTH = "|".join(MONTHS_NOMINATIVE)
# "Łomża, kwiecień 2017", "Piła, marzec 2016 r.", "KLUCZBORK maj 2016": a place, a month, a year.
_PLACE_DATE = re.compile(rf"(?<!\w)(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}}),?\s+(?P<month>(?i:{_MONTH}))\s+"
                         rf"(?P<year>(?:19|20)\d\d)(?P<suffix>\s*(?:r\.|roku\b))?")
# "Jerzmanowice, dnia 9 marca 2015 rok": a dated line ends a title; kept as text (a month would lose the day)
_PLACE_DAY = re.compile(rf"(?<!\w){_WORD},\s+(?:dnia\s+)?\d{{1,2}}\s+(?i:{'|'.join(MONTHS_GENITIVE)})\s+(?:19|20)\d\d")
_LEGAL_BASIS = re.compile(r"\bNa podstawie\b")
_TOC = re.compile(r"^spis\s+treści\b:?", re.IGNORECASE)
_KNOWN_HEADINGS = frozenset({"WSTĘP", "WPROWADZENIE", "PODSUMOWANIE", "ZAKOŃCZENIE", "WNIOSKI", "REKOMENDACJE"})
_TITLE_STOP = re.compile(rf"\bNa podstawie\b|\b(?i:spis\s+treści)\b|"
                         rf"\b(?:{'|'.join(word for known in _KNOWN_HEADINGS for word in (known, known.capitalize()))})\b|"
                         r"\bRozdział\s+(?:[IVXLC]+|\d+)\b")
# The report's period, "za …" before "w …" before "na …" ("… na lata 2014–2020 za rok 2016" reports on 2016).
_PERIODS = tuple((re.compile(rf"\b{word}\s+(?:lata|latach)\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)", re.I),
                  re.compile(rf"\b{word}\s+(?:(?:rok|roku)\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s*(?:rok|roku|r\.))", re.I))
                 for word in ("za", "w", "na"))
_PERIOD_END = re.compile(r"\b(?:za|w|na)\s+(?:rok|roku|lata|latach)\b(?:\s+(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?)?"
                         r"|\b(?:za|w|na)\s+(?:19|20)\d\d\s*(?:rok|roku|r\.)", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER_PREFIX = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[IVXLC]{1,6}\.)\s+")
_CHAPTER = re.compile(r"^Rozdział\s+(?:[IVXLC]+|\d+)\b\.?")
_TOC_ENTRY = re.compile(r"(?:\.{2,}|…|\s)\s*\d{1,3}$")
_LIST_ITEM = re.compile(r"^(?:(?P<bullet>[-–•*·])|(?P<dot>\d{1,3})\.|(?P<paren>\d{1,3})\)|(?P<alpha>[a-z])\))\s+(?P<text>.+)$")
_UNSAFE_START = re.compile(r"^(?:[#>+*|:-]|[–—]\s|\d{1,9}[.)](?:\s|$)|z{0,8}[a-z]\)(?:\s|$))")
_TITLE_WORDS = 40  # a longer first line is a transcript run together: its title ends after the period
_CONNECTORS = frozenset({"W", "Z", "I", "O", "A", "U", "DO", "NA", "ZA", "OD", "PO", "ORAZ", "DLA", "WE", "ZE"})


@dataclass
class _Piece:
    """A block, or the rest of one after a recognised part was taken from its start."""

    text: str
    markdown: str  # inline emphasis kept when the piece is a whole block
    line: int
    block: SourceBlock | None  # the whole block this piece is (None: a part of one)

    def rest(self, start: int, end: int | None = None) -> _Piece:
        return _Piece(self.text[start:end].strip(), self.text[start:end].strip(), self.line, None)


@dataclass
class _Chapter:
    heading: str | None  # as written; None: text before the first heading
    line: int
    pieces: list[_Piece]


def parse_report(blocks: list[SourceBlock], log: ImportLog) -> dict[str, Any]:
    """A report's text → a dict that validates as MonitoringReport (document: report), standalone."""
    pieces = [_Piece(block.text, block.markdown, block.line, block) for block in blocks if block.text.strip()]
    data: dict[str, Any] = {"document": "report"}
    first = _Chapter(None, pieces[0].line if pieces else 1, [])
    chapters = [first]
    start = next(((i, m.start()) for i, p in enumerate(pieces[:12]) if (m := _TITLE_START.search(p.text))), None)
    if start is None:
        title, rest = _fallback_title(pieces, log)
    else:
        index, offset = start
        before = pieces[:index] + ([pieces[index].rest(0, offset)] if offset else [])
        for piece in before:
            log.kept(piece.line, "tekst przed tytułem sprawozdania — zachowany w pierwszym rozdziale", piece.text)
        first.pieces += before
        title, rest = _title(pieces[index].rest(offset), pieces[index + 1:])
        log.recognised(pieces[index].line, "tytuł sprawozdania", title)
    data["title"] = title
    years = _years(title, pieces[start[0]].line if start else first.line, log)
    if years:
        data["years"] = {"from": years[0], "to": years[1]} if years[0] != years[1] else years[0]
    _front(rest, data, first, years, log)
    _chapters(rest, chapters, log)
    if found := [chapter for chapter in (_chapter_data(c, log) for c in chapters) if chapter]:
        data["chapters"] = found
    return data


def _fallback_title(pieces: list[_Piece], log: ImportLog) -> tuple[str, list[_Piece]]:
    """No "Sprawozdanie" near the start: a short first block is the title; else a placeholder, logged."""
    if pieces and len(pieces[0].text.split()) <= 25 and not _heading(pieces[0]):
        log.recognised(pieces[0].line, "tytuł sprawozdania (pierwszy akapit) (zgadnięte — sprawdź)", pieces[0].text)
        return pieces[0].text, pieces[1:]
    log.kept(pieces[0].line if pieces else 1, "brak tytułu — wpisano „Sprawozdanie” (zgadnięte — sprawdź)", "")
    return "Sprawozdanie", pieces


def _title(head: _Piece, following: list[_Piece]) -> tuple[str, list[_Piece]]:
    """The title from ``head`` (and short lines after it) up to the first stop; the pieces after it."""
    parts: list[str] = []
    rest = list(following)
    piece: _Piece | None = head
    while piece is not None:
        cut = _title_stop(piece.text, first=not parts)
        words = piece.text.split()
        if cut is None and not parts and len(words) > _TITLE_WORDS:  # run together: the title ends after its period
            end = _PERIOD_END.search(piece.text)
            cut = end.end() if end else len(" ".join(words[:_TITLE_WORDS]))
        if cut is not None:
            parts.append(piece.text[:cut].strip())
            remainder = piece.rest(cut)
            return " ".join(part for part in parts if part), ([remainder] if remainder.text else []) + rest
        parts.append(piece.text)
        if not rest or len(parts) >= 6 or not _continues_title(rest[0], head.block or piece.block) or (
                _PERIOD_END.search(" ".join(parts)) and not rest[0].text[:1].islower()
                and not (_all_caps(rest[0].text) and _all_caps(" ".join(parts)))):
            break  # a title with its period ends unless the next line carries on ("z działalności …")
        piece = rest.pop(0)
    return " ".join(part for part in parts if part), rest


def _continues_title(piece: _Piece, head: SourceBlock | None) -> bool:
    """A short line after the title's first line continues it — an uppercase or bold one too ("SPRAWOZDANIE" /
    "Z REALIZACJI PROGRAMU" / "NA LATA 2016–2018") — unless it opens a chapter, a list or the place and date."""
    text, heading = piece.text, piece.block.heading if piece.block is not None else None
    return len(text.split()) <= 15 and not (
        _NUMBER_PREFIX.match(text) or _CHAPTER.match(text) or _LIST_ITEM.match(text) or _TOC.match(text)
        or text.rstrip(".:").upper() in _KNOWN_HEADINGS or _title_stop(text, first=False) == 0
        or (heading is not None and heading != (head.heading if head is not None else None)))


def _title_stop(text: str, *, first: bool) -> int | None:
    """Where the title ends in ``text``: a place and date, "Na podstawie", "SPIS TREŚCI", a chapter word."""
    found = [m.start() for m in (_TITLE_STOP.search(text, 1 if first else 0), _PLACE_DAY.search(text)) if m]
    place = _PLACE_DATE.search(text)
    if place is not None:  # "… ZA 2016 ROK Łomża, kwiecień 2017": the place is one word after an uppercase title
        found.append(place.start() + _place_offset(place))
    found = [at for at in found if at > 0 or not first]
    return min(found) if found else None


def _place_offset(match: re.Match[str]) -> int:
    """Offset of the place's first word in ``match``: a place that follows a title in one line is one word
    ("… W ROKU 2015 KLUCZBORK maj 2016"); two or three when they share a case ("Nowy Sącz, maj 2016")."""
    words = match["place"].split()
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        if word.isupper() or kept[0].isupper() or word.upper() in _CONNECTORS:
            break
        kept.insert(0, word)
    return match["place"].rfind(" ".join(kept)) if len(kept) < len(words) else 0


def _years(title: str, line: int, log: ImportLog) -> tuple[int, int] | None:
    for span, single in _PERIODS:
        if (match := span.search(title)) and int(match[1]) <= int(match[2]):
            log.recognised(line, f"lata sprawozdania {match[1]}–{match[2]}", match[0])
            return int(match[1]), int(match[2])
        if match := single.search(title):
            year = int(match[1] or match[2])
            log.recognised(line, f"rok sprawozdania {year}", match[0])
            return year, year
    found = sorted({int(year) for year in _ANY_YEAR.findall(title)})
    if found:
        log.recognised(line, f"lata sprawozdania {found[0]}–{found[-1]} z liczb w tytule (zgadnięte — sprawdź)"
                       if len(found) > 1 else f"rok sprawozdania {found[0]} z tytułu (zgadnięte — sprawdź)", title)
        return found[0], found[-1]
    log.kept(line, "w tytule nie ma roku sprawozdania — pole „years” pominięte (uzupełnij je)", "")
    return None


def _front(pieces: list[_Piece], data: dict[str, Any], first: _Chapter, years: tuple[int, int] | None,
           log: ImportLog) -> None:
    """Before the first heading: the place and month (once), the legal basis and other text (first chapter)."""
    while pieces and not _heading(pieces[0]) and not _TOC.match(pieces[0].text):
        piece = pieces.pop(0)
        match = _PLACE_DATE.search(piece.text) if "month" not in data and "place" not in data else None
        # the place opens the piece ("Łomża, kwiecień 2017") or the date closes it ("… ze zm.) Piła, marzec 2016 r.")
        if match is not None and (match.start() == 0 or match.end() == len(piece.text)):
            begin = match.start() + (_place_offset(match) if match.start() else 0)
            if begin and piece.text[:begin].strip():
                _keep_front(piece.text[:begin].strip(), piece.line, first, log)
            _place_month(piece.text[begin:match.end()], match, piece.line, data, first, years, log)
            rest = piece.rest(match.end())
            if rest.text:
                pieces.insert(0, rest)
            continue
        _keep_front(piece.text if piece.block is None else piece.markdown, piece.line, first, log,
                    whole=piece.block)


def _keep_front(text: str, line: int, first: _Chapter, log: ImportLog, whole: SourceBlock | None = None) -> None:
    what = ("podstawa sporządzenia sprawozdania — zachowana jako tekst pierwszego rozdziału"
            if _LEGAL_BASIS.match(text) else "tekst przed pierwszym rozdziałem — zachowany w pierwszym rozdziale")
    log.kept(line, what, text)
    first.pieces.append(_Piece(text, text, line, whole))


def _place_month(text: str, match: re.Match[str], line: int, data: dict[str, Any], first: _Chapter,
                 years: tuple[int, int] | None, log: ImportLog) -> None:
    month_number = [name.lower() for name in MONTHS_NOMINATIVE].index(match["month"].lower()) + 1
    year = int(match["year"])
    place = text[: text.lower().rfind(match["month"].lower())].strip().rstrip(",").strip()
    if years is not None and dt.date(year, month_number, 1) < dt.date(years[1], 12, 1):
        log.kept(line, "data sporządzenia przypada przed końcem okresu sprawozdania — zachowana jako tekst", text)
        first.pieces.append(_Piece(text, text, line, None))
        return
    data["place"], data["month"] = place, f"{year}-{month_number:02d}"
    log.recognised(line, "miejscowość i miesiąc sporządzenia", text)
    printed = f"{place}, {MONTHS_NOMINATIVE[month_number - 1]} {year}"
    if " ".join(text.split()) != printed:
        log.changed(line, "miejscowość i miesiąc drukowane w postaci „miejscowość, miesiąc rok”", text, printed)


def _chapters(pieces: list[_Piece], chapters: list[_Chapter], log: ImportLog) -> None:
    """Split the body into chapters at headings; a table of contents is a chapter of its own."""
    toc: set[str] | None = None  # keys of the entries while inside a table of contents
    while pieces:
        piece = pieces.pop(0)
        if toc is not None:
            key = _entry_key(piece.text)
            words = len(piece.text.split())
            if key not in toc and (piece.block is None or not piece.block.heading) and (
                    (_TOC_ENTRY.search(piece.text) and words <= 25) or (words <= 12 and toc and _heading(piece))):
                toc.add(key)
                chapters[-1].pieces.append(piece)
                continue
            toc = None
        if toc_match := _TOC.match(piece.text):
            chapters.append(_Chapter(toc_match[0].rstrip(":").strip(), piece.line, []))
            log.recognised(piece.line, f"spis treści „{chapters[-1].heading}” — zachowany jako rozdział")
            rest = piece.rest(toc_match.end())
            if rest.text:
                chapters[-1].pieces.append(rest)
            toc = {_entry_key(rest.text)} if rest.text and len(rest.text.split()) <= 25 else set()
            continue
        found = _heading(piece)
        if found is None:
            chapters[-1].pieces.append(piece)
            continue
        heading, offset = found
        chapters.append(_Chapter(heading, piece.line, []))
        log.recognised(piece.line, f"rozdział „{heading}”")
        if offset < len(piece.text):
            chapters[-1].pieces.append(piece.rest(offset))


def _entry_key(text: str) -> str:
    text = _NUMBER_PREFIX.sub("", text.strip())
    return re.sub(r"[\s.…]*\d*$", "", text).casefold()


def _heading(piece: _Piece) -> tuple[str, int] | None:
    """(heading as written, offset of the text after it) when ``piece`` opens a chapter."""
    text, block = piece.text, piece.block
    if block is not None and (block.heading is not None or (block.bold and len(text.split()) <= 12)):
        return text, len(text)
    words = text.split()
    if text.rstrip(".:").upper() in _KNOWN_HEADINGS:  # "Wprowadzenie", "WSTĘP" alone on a line
        return text, len(text)
    if chapter := _CHAPTER.match(text):
        return (text, len(text)) if len(words) <= 15 else (chapter[0], chapter.end())
    prefix = _NUMBER_PREFIX.match(text)
    body = text[prefix.end():] if prefix else text
    if _all_caps(body) and len(words) <= 20 and not text.endswith((",", ";")):
        return text, len(text)
    if prefix and len(words) <= 12 and body[:1].isupper() and not text.endswith((".", ",", ";", ":")) \
            and (block is None or len(block.lines) == 1):
        return text, len(text)
    run = _caps_run(body)
    if run and (prefix or len(run.split()) > 1 or run in _KNOWN_HEADINGS):
        end = (prefix.end() if prefix else 0) + len(run)
        return text[:end], end
    return None


def _all_caps(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 4 and not any(c.islower() for c in text)


def _caps_run(text: str) -> str | None:
    """The uppercase words a heading run together with its text starts with ("WSTĘP" of "WSTĘP Program …")."""
    tokens = text.split(" ")
    count = 0
    while count < len(tokens) and not any(c.islower() for c in tokens[count]):
        count += 1
    while count and (tokens[count - 1] in _CONNECTORS or not any(c.isalpha() for c in tokens[count - 1])
                     or len(tokens[count - 1]) == 1):
        count -= 1  # "WPROWADZENIE W 2016 roku": "W 2016" opens the sentence
    if not count or count == len(tokens) or not sum(len(t) >= 3 for t in tokens[:count]):
        return None
    after = tokens[count]
    if not (after[:1].isupper() or after[:1].isdigit()):
        return None
    run = " ".join(tokens[:count])
    return run if _all_caps(run) else None


def _chapter_data(chapter: _Chapter, log: ImportLog) -> dict[str, Any] | None:
    content = _markdown(chapter.pieces, log)
    if content is not None and chapter.heading is not None:
        log.kept(chapter.line, f"treść rozdziału „{chapter.heading}” — zachowana jako tekst (Markdown)",
                 " ".join(piece.text for piece in chapter.pieces))
    if chapter.heading is None and content is None:
        return None
    return {key: value for key, value in (("heading", chapter.heading), ("content", content)) if value}


def _markdown(pieces: list[_Piece], log: ImportLog) -> str | None:
    """Paragraphs; runs of list items numbered in order as Markdown lists; tables and other lists as text."""
    chunks: list[str] = []
    index = 0
    last_list = ""  # the kind of the list just written: a list of the same kind after it would merge with it
    while index < len(pieces):
        piece = pieces[index]
        if piece.block is not None and len(piece.block.lines) > 1 and piece.block.lines[0].startswith("|"):
            log.kept(piece.line, "tabela zachowana jako tekst", piece.text)
            chunks.extend(_safe(line) for line in piece.block.lines)
            index, last_list = index + 1, ""
            continue
        run = _list_run(pieces, index)
        if (len(run) > 1 or (run and run[0][0] == "bullet")) and run[0][0] != last_list:
            last_list = run[0][0]
            chunks.append("\n".join(("- " if kind == "bullet" else marker + " ") + _safe(text)
                                    for kind, marker, text in run))
            index += len(run)
            continue
        last_list = ""
        text = piece.markdown if piece.block is not None else piece.text
        if "|" in text and text.count("|") >= 2:
            log.kept(piece.line, "tabela zachowana jako tekst", piece.text)
        chunks.append(_safe(text))
        index += 1
    return "\n\n".join(chunks) if chunks else None


def _list_run(pieces: list[_Piece], index: int) -> list[tuple[str, str, str]]:
    """(kind, marker, text) of the list items from ``index`` that form one list numbered in order."""
    run: list[tuple[str, str, str]] = []
    for piece in pieces[index:]:
        match = _LIST_ITEM.match(piece.markdown if piece.block is not None else piece.text)
        if match is None:
            break
        kind = next(name for name in ("bullet", "dot", "paren", "alpha") if match[name] is not None)
        marker = match[kind] + {"dot": ".", "paren": ")", "alpha": ")"}.get(kind, "")
        if run and (kind != run[-1][0] or not _follows(run[-1][1], marker)):
            break
        run.append((kind, marker, match["text"]))
    return run


def _follows(previous: str, marker: str) -> bool:
    if previous[:-1].isdigit() and marker[:-1].isdigit():
        return int(marker[:-1]) == int(previous[:-1]) + 1
    if len(previous) == len(marker) == 2 and previous[0].isalpha():
        return ord(marker[0]) == ord(previous[0]) + 1
    return previous == marker  # bullets


def _safe(text: str) -> str:
    """``text`` as Markdown that prints as written: a marker at its start is escaped (lists, headings,
    quotes, tables, fences, the en-dash bullet), and so are entities and image references (which the data
    inspection refuses, paldocs.model.untrusted); inline emphasis is left as it is."""
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text).replace("![", "!\\[")
    if not _UNSAFE_START.match(text):
        return text
    marker = re.match(r"^(\d{1,9}|z{0,8}[a-z])([.)])", text)
    return f"{marker[1]}\\{text[len(marker[1]):]}" if marker else "\\" + text
