"""Annex text (blocks after the "Załącznik do uchwały …" header) → data of :class:`paldocs.model.program.Program`.

Contract: :func:`parse_program` returns a plain dict that validates as ``Program``. The first block(s) before
the first section make the title (``display_title`` keeps their lines and bold when they are not one plain
line); the period comes from the years in the title (none → :class:`DataError`; :func:`program_or_none` is the
tolerant form the importer uses: ``None`` instead of an error, so that such an annex is kept as text). A section starts at a Markdown
or Word heading, a roman-numbered line ("IV. …"), a short bold line, in plain text a short line matching a TOC entry
or naming a role ("Adresaci programu"), or a run-in label "Cel główny:" (bold kept or restored in the
Markdown content; the section has no heading). In a section, one list (possibly with sub-items under an
item ending with ":") becomes ``items``, prose before it ``content``, prose after it ``closing``; sections with
more prose or several lists are kept as Markdown content and logged as kept. A "SPIS TREŚCI" list becomes
``toc`` and TOC entries that differ from headings go to the sections' ``toc``. Every structure recognised is
logged; nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

from paldocs import vocabulary
from paldocs.errors import DataError, Location, PaldocsError
from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock

# (marker pattern in imported text, list style), tried in order — the list styles of the legal vocabulary.
MARKERS: tuple[tuple[str, str], ...] = tuple((info.source, info.name) for info in vocabulary.list_styles()
                                             if info.source is not None)
_ROMAN_HEADING = re.compile(r"^([IVXLC]{1,6})\.\s+(.+)$")
_DECIMAL_HEADING = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_YEARS = re.compile(r"((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)\d{2})")
_TOC = re.compile(r"^spis\s+treści\s*:?$", re.IGNORECASE)
_RUN_IN_PLAIN = re.compile(r"^(Cel (?:główny|ogólny)(?: programu)?):\s", re.IGNORECASE)
_RUN_IN = re.compile(r"^\*\*([^*]{2,40}?):?\*\*:?\s")
ROLES: tuple[tuple[str, str, str], ...] = (  # (regex on the heading, role, item id prefix)
    (r"\bcel(?:e)? (?:ogólny|główny)", "main-goal", "cel"), (r"\bcele szczegółowe", "specific-goals", "cel"),
    (r"\bzasob|\bzasób", "resources", "zasob"), (r"\bmonitoring|\bewaluac", "monitoring", "wskaznik"),
    (r"\brealizator", "implementer", "realizator"), (r"\bfinansowan", "financing", "zrodlo"),
    (r"\bkierunk", "directions", "kierunek"), (r"\badresa", "recipients", "adresat"),
    (r"\bodbiorc", "recipients", "odbiorca"), (r"\bmetod|\bpraca socjalna", "methods", "metoda"),
    (r"\brezultat", "results", "rezultat"), (r"\befekt", "results", "efekt"),
    (r"\bwstęp|\bwprowadzeni", "introduction", "punkt"), (r"\bdiagnoz", "diagnosis", "punkt"),
    (r"\bharmonogram", "schedule", "etap"), (r"\bpartner", "partners", "partner"),
    (r"\bcel(?:e|ów)?\b", "goals", "cel"))
_SMALL = {"na", "lata", "w", "i", "z", "do", "dla", "oraz", "o", "we", "ze", "rok", "latach"}


def program_or_none(blocks: list[SourceBlock], log: ImportLog) -> dict[str, Any] | None:
    """:func:`parse_program` for text that may not be a program: ``None`` (and nothing logged) when the title
    names no years, nothing follows it or no section heading is recognised — the importer then keeps the annex
    as text (:mod:`paldocs.importer.annex`). Never raises on content."""
    trial = ImportLog(log.source)
    try:
        program = parse_program(blocks, trial)
    except PaldocsError:
        return None
    if not any(section.get("heading") for section in program["sections"]):
        return None
    log.entries.extend(trial.entries)
    return program


def parse_program(blocks: list[SourceBlock], log: ImportLog) -> dict[str, Any]:
    """Parse the blocks of an annex after its header into ``Program`` data (see the module contract)."""
    if not blocks:
        raise DataError("załącznik jest pusty: brak tytułu i treści programu")
    index, program = _title(blocks, log)
    toc_entries: list[str] = []
    toc_line = 0
    if index < len(blocks) and _TOC.match(blocks[index].text):
        program["toc"] = {"title": blocks[index].text}
        toc_line = blocks[index].line
        log.recognised(blocks[index].line, "spis treści")
        index += 1
        while index < len(blocks) and _marker(blocks[index]) and not _is_heading(blocks[index]):
            toc_entries.append(_marker(blocks[index])[1])  # type: ignore[index]
            index += 1
    sections = _sections(blocks[index:], log, [set(_words(entry)) for entry in toc_entries])
    if not sections:
        raise DataError("w załączniku nie znaleziono treści programu (rozdziałów)")
    levels = sorted({s.pop("_depth") for s in sections} - {None}) or [None]
    numbering = {s.pop("_numbering") for s in sections} - {None}
    for section in sections:
        depth = section.get("level")
        section["level"] = min(levels.index(depth) + 1, 3) if depth is not None else 1
    _match_toc(sections, toc_entries, log, toc_line)
    _assign_ids(sections)
    program["section_numbering"] = numbering.pop() if len(numbering) == 1 else "none"
    lines = [s.pop("_line") for s in sections]
    program["sections"] = [{k: v for k, v in s.items() if v not in (None, "", []) and not (k == "level" and v == 1)}
                           for s in sections]
    _implementer(program, blocks, log, lines)
    return program


def _marker(block: SourceBlock) -> tuple[str, str, str] | None:
    """(style, text without marker, marker) of a list item block, or None."""
    if block.label:
        for pattern, style in MARKERS:
            if re.fullmatch(pattern, block.label):
                return style, block.text, block.label
        return "bullet", block.text, block.label
    for pattern, style in MARKERS:
        match = re.match(rf"^({pattern})\s+(.*)$", block.text)
        if match:
            return style, match.group(2), match.group(1)
    return None


def _is_heading(block: SourceBlock) -> bool:
    if block.heading is not None or _ROMAN_HEADING.match(block.text) and not block.label:
        return True
    if block.label:  # Word list numbering: a list item unless styled as a heading
        return False
    short = len(block.text.split()) <= 12 and len(block.lines) <= 2
    return short and not block.text.endswith(("," , ";")) and (
        block.bold or (block.text.isupper() and len(block.text) > 3 and not _marker(block)))


def _title(blocks: list[SourceBlock], log: ImportLog) -> tuple[int, dict[str, Any]]:
    end = 1
    if not _YEARS.search(blocks[0].text):
        for candidate in range(1, min(4, len(blocks))):
            block = blocks[candidate]
            if _ROMAN_HEADING.match(block.text) or _DECIMAL_HEADING.match(block.text) or _marker(block) \
                    or _TOC.match(block.text):
                break
            if _YEARS.search(blocks[candidate].text):
                end = candidate + 1
                break
    parts = blocks[:end]
    lines = [line for block in parts for line in block.lines]
    title = " ".join(_title_case(_unspace(line)) for line in lines)
    title = re.sub(r"\s+", " ", title).strip()
    years = _YEARS.search(title)
    if not years:
        raise DataError(f"w tytule programu („{title}”) brak okresu realizacji (lat, np. „2014–2020”)",
                        Location(line=parts[0].line), hint="Dopisz lata w tytule albo uzupełnij pole program.period w danych.")
    program: dict[str, Any] = {"title": title}
    if len(lines) > 1 or title != lines[0]:
        marked = [f"**{line}**" if block.bold else line
                  for block in parts for line in (block.markdown_lines or block.lines)]
        program["display_title"] = "\n".join(marked) + "\n"
    genitive = _genitive(title)
    if genitive:
        program["title_genitive"] = genitive
    program["period"] = {"from": int(years.group(1)), "to": int(years.group(2))}
    log.recognised(parts[0].line, f"tytuł programu „{title}”")
    log.recognised(parts[0].line, f"okres realizacji {years.group(1)}–{years.group(2)}")
    return end, program


def _unspace(line: str) -> str:
    """"P R O G R A M" → "PROGRAM" (letter-spaced words)."""
    return re.sub(r"\b(?:\w ){2,}\w\b", lambda m: m.group(0).replace(" ", ""), line)


def _title_case(line: str) -> str:
    if not (line.isupper() and any(ch.isalpha() for ch in line)):
        return line
    words = line.lower().split()
    return " ".join(word if word in _SMALL and i else word[:1].upper() + word[1:] for i, word in enumerate(words))


def _genitive(title: str) -> str | None:
    for nominative, genitive in (("Miejski Program ", "Miejskiego Programu "), ("Gminny Program ", "Gminnego Programu "),
                                 ("Lokalny Program ", "Lokalnego Programu "), ("Program ", "Programu ")):
        if title.startswith(nominative):
            return genitive + title[len(nominative):]
    return None


def _words(text: str) -> list[str]:
    return text.lower().rstrip(".:").split()


def _plain_heading(block: SourceBlock, toc: list[set[str]]) -> bool:
    """Plain text has no heading marks: a short line like a TOC entry, or a few words naming a role."""
    words = _words(block.text)
    if block.heading is not None or block.bold or block.label:
        return False
    if len(block.lines) > 1 or not words or len(words) > 12 or block.text.endswith((".", ",", ";")) or _marker(block):
        return False
    if any(len(set(words) & entry) / len(set(words) | entry) >= 0.5 for entry in toc):
        return True
    limit = 2 if block.text.endswith(":") else 4  # "Cele szczegółowe:", but not "Cele realizowane będą poprzez:"
    return len(words) <= limit and block.text[0].isupper() and _role(block.text)[0] is not None


def _sections(blocks: list[SourceBlock], log: ImportLog, toc: list[set[str]]) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    body: list[SourceBlock] = []
    current: dict[str, Any] | None = None

    def close() -> None:
        if current is not None:
            _fill(current, body, log)
            if current.get("heading") or current.get("content") or current.get("items"):
                sections.append(current)
        body.clear()

    for block in blocks:
        plain = _RUN_IN_PLAIN.match(block.markdown)
        if plain:  # plain text lost the bold of "Cel główny:" — restore it in the Markdown content
            first = f"**{plain.group(1)}:**" + block.markdown_lines[0][plain.end(1) + 1:]
            block = dataclasses.replace(block, markdown_lines=(first, *block.markdown_lines[1:]))
        run_in = _RUN_IN.match(block.markdown)
        starts = _is_heading(block) or _plain_heading(block, toc)
        if starts or (run_in and _role(run_in.group(1))[0] in ("main-goal", "specific-goals")):
            close()
            current = _start_section(block, run_in, log)
            if run_in:
                body.append(block)
        else:
            if current is None:
                current = {"heading": None, "_depth": None, "_numbering": None, "role": None, "_line": block.line}
                log.kept(block.line, "tekst przed pierwszym rozdziałem — rozdział bez tytułu", block.text)
            body.append(block)
    close()
    return sections


def _start_section(block: SourceBlock, run_in: re.Match[str] | None, log: ImportLog) -> dict[str, Any]:
    numbering = None
    heading = block.text
    if run_in:
        heading_text, heading = run_in.group(1), None
    else:
        roman, decimal = _ROMAN_HEADING.match(heading), _DECIMAL_HEADING.match(heading)
        if roman:
            numbering, heading = "roman", roman.group(2)
        elif decimal:
            numbering, heading = "decimal", decimal.group(2)
        heading_text = heading
        if block.label and re.fullmatch(r"[IVXLC]+\.|\d+\.", block.label):
            numbering = "roman" if block.label[0] in "IVXLC" else "decimal"
    role, prefix = _role(heading_text)
    depth = block.heading if block.heading is not None and not run_in else None
    log.recognised(block.line, f"rozdział „{heading_text}”" + (f" (rola: {role})" if role else ""))
    return {"heading": heading, "_depth": depth, "level": depth, "_numbering": numbering, "role": role,
            "_prefix": prefix, "_slug": _slug(heading_text), "_line": block.line}


def _role(heading: str) -> tuple[str | None, str | None]:
    low = heading.lower()
    for pattern, role, prefix in ROLES:
        if re.search(pattern, low):
            return role, prefix
    return None, None


def _fill(section: dict[str, Any], body: list[SourceBlock], log: ImportLog) -> None:
    """Split a section's blocks into content, one list (items) and closing; else keep all as Markdown."""
    kinds = [_marker(block) for block in body]
    for i, block in enumerate(body):  # a paragraph without marker inside a list ending with "," is an item
        if kinds[i] is None and 0 < i < len(body) - 1 and kinds[i - 1] and kinds[i + 1] \
                and kinds[i - 1][0] == kinds[i + 1][0] and block.text.endswith((",", ";")):  # type: ignore[index]
            kinds[i] = (kinds[i - 1][0], block.text, "")  # type: ignore[index]
            log.kept(block.line, "akapit bez znaku listy między punktami — uznany za punkt listy", block.text)
    listed = [i for i, kind in enumerate(kinds) if kind]
    contiguous = bool(listed) and listed == list(range(listed[0], listed[-1] + 1))
    if listed and contiguous and listed[0] <= 1 and len(body) - listed[-1] - 1 <= 1:
        before, after = body[: listed[0]], body[listed[-1] + 1:]
        section["content"] = _markdown(before, kinds)
        section["items"], section["items_style"] = _items([kinds[i] for i in listed], log, body[listed[0]].line)  # type: ignore[misc]
        section["closing"] = _markdown(after, kinds[listed[-1] + 1:])
        return
    if listed:
        log.kept(body[listed[0]].line, "lista w treści rozdziału — zachowana jako Markdown",
                 " ".join(body[i].text for i in listed))
    section["content"] = _markdown(body, kinds)


def _items(kinds: list[tuple[str, str, str]], log: ImportLog, line: int) -> tuple[list[dict[str, Any]], str]:
    style = kinds[0][0]
    items: list[dict[str, Any]] = []
    for kind, text, _marker_text in kinds:
        if kind == style or not items:
            items.append({"text": text})
        else:
            parent = items[-1]
            parent.setdefault("items", []).append({"text": text})
            parent.setdefault("items_style", kind)
    log.recognised(line, f"lista punktów ({len(items)})")
    return items, style


def _markdown(blocks: list[SourceBlock], kinds: list[Any]) -> str | None:
    paragraphs: list[str] = []
    for block, kind in zip(blocks, kinds, strict=False):
        text = block.markdown if not block.bold else f"**{block.text}**"
        in_list = bool(paragraphs) and bool(re.match(r"(?:[-*•]|\w{1,3}[.)]) ", paragraphs[-1].split("\n")[-1]))
        if kind and in_list:
            paragraphs[-1] += "\n" + (f"- {kind[1]}" if not vocabulary.list_style(kind[0]).ordered else text)
        elif kind and not vocabulary.list_style(kind[0]).ordered:
            paragraphs.append(f"- {kind[1]}")
        else:
            paragraphs.append(text)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else None


def _match_toc(sections: list[dict[str, Any]], entries: list[str], log: ImportLog, line: int) -> None:
    position = 0
    for entry in entries:
        words = set(entry.lower().rstrip(".:").split())
        for offset, section in enumerate(sections[position:]):
            heading = section.get("heading") or ""
            theirs = set(heading.lower().rstrip(".:").split())
            if theirs and len(words & theirs) / len(words | theirs) >= 0.5:
                if heading.rstrip(".:") != entry.rstrip(".:"):
                    section["toc"] = entry
                elif section["level"] > 1:
                    section["toc"] = True
                position += offset + 1
                break
        else:
            log.kept(line, "pozycja spisu treści bez odpowiadającego rozdziału (spis treści budowany z rozdziałów)", entry)


def _slug(text: str) -> str:
    text = re.split(r"\s[–—-]\s|[:.(]", text)[0]
    ascii_text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L")).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_text.decode().lower())
    return "-".join(words[:3]) or "rozdzial"


def _assign_ids(sections: list[dict[str, Any]]) -> None:
    seen: set[str] = set()

    def unique(base: str) -> str:
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}-{n}", n + 1
        seen.add(ident)
        return ident

    for section in sections:
        section["id"] = unique(section.pop("_slug", None) or "rozdzial")
        prefix = section.pop("_prefix", None) or section["id"]
        for n, item in enumerate(section.get("items", []), start=1):
            item["id"] = unique(f"{prefix}-{n}")
        ordered = ["id", "heading", "level", "role", "toc", "content", "items_style", "items", "closing"]
        for key in ordered:  # stable key order for YAML output
            if key in section:
                section[key] = section.pop(key)
        if not section.get("items"):
            section.pop("items_style", None)


def _implementer(program: dict[str, Any], blocks: list[SourceBlock], log: ImportLog, lines: list[int]) -> None:
    for section, line in zip(program["sections"], lines, strict=True):
        if section.get("role") == "implementer" and section.get("heading") and " – " in section["heading"]:
            program["implementer"] = section["heading"].split(" – ", 1)[1].rstrip(". ")
            log.recognised(line, f"realizator programu: {program['implementer']}")
            return
    for block in blocks:
        match = re.search(r"\b((?:Miejski|Gminny|Miejsko-Gminny) Ośrodek Pomocy Społecznej w \w+)", block.text)
        if match:
            program["implementer"] = match.group(1)
            log.recognised(block.line, f"realizator programu: {match.group(1)}")
            return
