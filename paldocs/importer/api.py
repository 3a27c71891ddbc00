"""``import_document``: a resolution (or an annex alone) as text/Markdown/DOCX → a paldocs data dict + the log.

Contract: :func:`import_document` reads the file (:func:`paldocs.importer.source.read_source`; a ``.txt`` holding
Markdown markers is read as Markdown), recognises the header, the legal basis, the enacting formula, the §§
(the standard ``pal`` provisions map to the kind; any other § goes to ``resolution.provisions``), the signature,
the justification and the annex (passed to :func:`paldocs.importer.program.parse_program`). BIP page text
around the document and page numbers are dropped first (:func:`paldocs.importer.boilerplate.strip_page_text`). It returns
:class:`ImportResult` whose ``data`` validates as :class:`paldocs.model.resolution.DataFile` (keys in the model's
order) and whose ``log`` lists what was recognised, kept and dropped, and every guess ("zgadnięte — sprawdź").
Unrecognisable essentials raise :class:`paldocs.errors.DataError` (Polish message).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paldocs.errors import DataError, PaldocsError
from paldocs.importer import resolution as rx
from paldocs.importer.boilerplate import strip_page_text
from paldocs.importer.legal_basis import split_legal_basis
from paldocs.importer.log import ImportLog
from paldocs.importer.resolution import inline_profile
from paldocs.importer.clean import clean_lines
from paldocs.importer.readers import read_input
from paldocs.importer.source import SourceBlock, blocks_from_lines

@dataclass
class ImportResult:
    data: dict[str, Any]
    log: ImportLog


def _read(path: Path, log: ImportLog) -> list[SourceBlock]:
    source = read_input(path, log)
    return blocks_from_lines(clean_lines(source.lines, log, markdown=source.markdown), markdown=source.markdown)


def _tail(block: SourceBlock, start: int) -> SourceBlock:
    return dataclasses.replace(block, lines=block.lines[start:], line=block.line + start,
                               markdown_lines=block.markdown_lines[start:])


def import_document(path: Path, *, profile: Path | None = None) -> ImportResult:
    log = ImportLog(path.name)
    blocks = strip_page_text([block for block in _read(path, log) if block.lines], log)
    if not blocks:
        raise DataError(f"Plik {path.name} jest pusty — nie ma czego importować.")
    state = _State(blocks, log)
    if rx.ANNEX.match(blocks[0].lines[0]):
        data = state.annex_only()
    else:
        data = state.resolution()
    municipality = state.municipality
    data = {"document": data.pop("document"),
            "municipality": str(profile) if profile else inline_profile(municipality, log),
            **{key: value for key, value in data.items() if value is not None}}
    return ImportResult(data, log)


class _State:
    def __init__(self, blocks: list[SourceBlock], log: ImportLog) -> None:
        self.blocks, self.log, self.i = blocks, log, 0
        self.municipality: dict[str, Any] = {"layout": {}, "numbering": {}}
        self.resolution_data: dict[str, Any] = {"kind": "pal"}

    # header -------------------------------------------------------------------------------------------
    def header(self, stop_after_date: bool) -> None:
        subject: list[str] = []
        while self.i < len(self.blocks):
            block = self.blocks[self.i]
            first = block.lines[0]
            if (first.startswith("Na podstawie") or rx.ENACTING.search(first)
                                or rx.PARAGRAPH.match(first)):
                break
            self.i += 1
            if subject:
                self.i -= 1
                break
            for k, line in enumerate(block.lines):
                if subject or rx.SUBJECT.match(line):
                    subject.append(line)
                    continue
                self.header_line(line, block.line + k)
                if stop_after_date and rx.DATE.match(line):
                    if k + 1 < len(block.lines):
                        self.i -= 1
                        self.blocks[self.i] = _tail(block, k + 1)
                    return
        if subject:
            text, notes = rx.parse_subject(" ".join(subject))
            self.resolution_data["subject"] = text
            self.log.recognised(self.blocks[self.i - 1].line, "tytuł uchwały" + "".join(f"; {n}" for n in notes))

    def header_line(self, line: str, number: int) -> None:
        match = rx.HEADER.match(line) or rx.ANNEX.match(line) or rx.ANNEX_TAIL.match(line)
        if match and match.groupdict().get("number") is not None:
            if line.isupper() and not rx.HEADER.match(line):  # the annex header's case, not the resolution's
                self.municipality["layout"]["annex_header_uppercase"] = True
            parsed = rx.parse_number(match["number"])
            if parsed.value:
                self.resolution_data["number"] = parsed.value
                self.log.recognised(number, "numer uchwały")
            else:
                self.log.dropped(number, f"numer uchwały: {parsed.note}", match["number"])
            if parsed.order:
                self.municipality["numbering"]["order"] = parsed.order
            if parsed.year_digits:
                self.municipality["numbering"]["year_digits"] = parsed.year_digits
        elif match:
            self.log.recognised(number, "nagłówek załącznika")
        elif line.upper().startswith("RADY "):
            self.municipality["council"] = rx.council_from_genitive(line)
            self.log.recognised(number, "organ (dopełniacz)")
        elif rx.DATE.match(line):
            date = rx.parse_header_date(line)
            if date:
                self.resolution_data["date"] = date
                self.log.recognised(number, "data podjęcia")
            else:
                self.log.dropped(number, "projekt: data wykropkowana", line)
        else:
            raise DataError(f"Wiersz {number}: nie rozpoznano nagłówka uchwały „{line}”")

    # resolution body ----------------------------------------------------------------------------------
    def resolution(self) -> dict[str, Any]:
        if not rx.HEADER.match(self.blocks[0].lines[0]):
            raise DataError(f"Wiersz {self.blocks[0].line}: oczekiwano nagłówka „Uchwała Nr …” albo "
                            f"„Załącznik do Uchwały …”, jest „{self.blocks[0].lines[0]}”")
        self.header(stop_after_date=False)
        self.legal_basis()
        self.paragraphs()
        self.signature(self.resolution_data)
        self.justification()
        program = self.annex(resolution_signature=self.resolution_data.get("signatory"))
        return {"document": "resolution", "resolution": self.resolution_data, "program": program}

    def annex_only(self) -> dict[str, Any]:
        self.header(stop_after_date=True)
        program = self.annex(resolution_signature=None, header_done=True)
        return {"document": "annex", "resolution": self.resolution_data, "program": program}

    def legal_basis(self) -> None:
        parts: list[str] = []
        start = self.blocks[self.i].line if self.i < len(self.blocks) else 0
        while self.i < len(self.blocks) and not rx.PARAGRAPH.match(self.blocks[self.i].lines[0]):
            parts.append(self.blocks[self.i].text)
            self.i += 1
        text = " ".join(parts)
        enacting = rx.ENACTING.search(text)
        if enacting:
            text = text[:enacting.start()].rstrip(" ,")
            if enacting["impersonal"] or not enacting["council"]:
                self.municipality["layout"]["enacting_formula"] = "impersonal"
                text = re.sub(r"\s*(?:,\s*)?(?:Rada\s.*)?$", "", text) if not enacting["council"] else text
            else:
                self.municipality["layout"]["enacting_formula"] = "council"
                self.municipality.setdefault("council", {})["nominative"] = " ".join(enacting["council"].split())
            self.log.recognised(start, "formuła „uchwala, co następuje”")
        if not text.strip():
            return
        basis = split_legal_basis(text)
        self.resolution_data["legal_basis"] = basis.entries
        self.resolution_data["legal_basis_join"] = basis.join
        self.log.recognised(start, f"podstawa prawna ({len(basis.entries)} przepisy)")
        if basis.join_guessed:
            self.log.recognised(start, "przepisy podstawy prawnej rozdzielone tylko przecinkami — spójnik „oraz” "
                                       "przed ostatnim (zgadnięte — sprawdź)")
        for suffix in basis.amended:
            self.log.recognised(start, f"dopisek „{suffix}” w adresie podstawy prawnej — paldocs drukuje adres bez "
                                       "niego; dopisz adresy zmian (§ 158 ZTP) — sprawdź")
        for words in basis.dropped:
            self.log.dropped(start, "„tekst jednolity” — paldocs pisze adres w formie § 158 ZTP", words)

    def paragraphs(self) -> None:
        units: list[tuple[int, list[str]]] = []
        while self.i < len(self.blocks) and not rx.SIGNATURE_START.match(self.blocks[self.i].lines[0]):
            block = self.blocks[self.i]
            self.i += 1
            match = rx.PARAGRAPH.match(block.lines[0])
            if match:
                if not match["rest"] and len(units) == 0:
                    self.municipality["layout"]["paragraph_layout"] = "heading"
                body = [match["rest"]] if match["rest"] else []
                units.append((block.line, body + list(block.markdown_lines[1:])))
            elif units:
                units[-1][1].append("\n" + "\n".join(block.markdown_lines))
            else:
                raise DataError(f"Wiersz {block.line}: tekst przed pierwszym paragrafem: „{block.text}”")
        self.municipality["layout"].setdefault("paragraph_layout", "inline")
        provisions = []
        for line, body in units:
            text = "\n".join(part for part in body if part is not None).strip()
            kind, value = rx.classify_provision(text)
            if kind == "adopt":
                self.program_title = value
                self.log.recognised(line, "§ przyjmujący program (szablon rodzaju „pal”)")
            elif kind == "executor":
                self.municipality["executive"] = rx.executive_from_dative(value or "")
                self.log.recognised(line, "§ wykonawczy (organ wykonawczy w celowniku)")
            elif kind == "in-force":
                self.log.recognised(line, "§ o wejściu w życie z dniem podjęcia")
            else:
                provisions.append(text)
                self.log.recognised(line, "§ dodatkowy (resolution.provisions)")
        if provisions:
            self.resolution_data["provisions"] = provisions

    program_title: str | None = None

    def signature(self, target: dict[str, Any] | None, line_limit: int | None = None) -> bool:
        if self.i >= len(self.blocks) or not rx.SIGNATURE_START.match(self.blocks[self.i].lines[0]):
            return False
        block = self.blocks[self.i]
        self.i += 1
        lines, raw = list(block.lines), list(block.markdown_lines)
        genitive = self.municipality.get("council", {}).get("genitive")
        try:
            rx.parse_signature(lines, genitive)
        except PaldocsError:
            if self.i < len(self.blocks):
                lines += self.blocks[self.i].lines
                raw += self.blocks[self.i].markdown_lines
                self.i += 1
        if len(lines) >= 2 and lines[-1] == lines[-2]:
            why = ("duplikat podpisu ze skanu (nazwisko kursywą, potem to samo nazwisko)"
                   if raw[-2].startswith("*") and not raw[-2].startswith("**") else "powtórzone nazwisko w podpisie")
            self.log.dropped(block.line + len(lines) - 2, why, lines[-2])
            del lines[-2]
        signatory, _ = rx.parse_signature(lines, genitive)
        if target is not None:
            target["signatory"] = signatory
        self.log.recognised(block.line, "blok podpisu")
        return True

    def justification(self) -> None:
        if self.i < len(self.blocks) and self.blocks[self.i].text.strip().upper() == "UZASADNIENIE":
            start = self.blocks[self.i].line
            self.i += 1
            parts = []
            while self.i < len(self.blocks) and not rx.ANNEX.match(self.blocks[self.i].lines[0]):
                parts.append("\n".join(self.blocks[self.i].markdown_lines))
                self.i += 1
            self.resolution_data["justification"] = "\n\n".join(parts) + "\n"
            self.log.recognised(start, "uzasadnienie")

    def annex(self, resolution_signature: Any, header_done: bool = False) -> dict[str, Any] | None:
        if not header_done and self.i < len(self.blocks) and rx.ANNEX.match(self.blocks[self.i].lines[0]):
            kept = dict(self.resolution_data)
            self.header(stop_after_date=True)
            self.resolution_data.update({k: v for k, v in kept.items() if k in ("number", "date", "subject")})
        rest = self.blocks[self.i:]
        for j in range(len(rest) - 1, max(len(rest) - 3, -1), -1):
            if rx.SIGNATURE_START.match(rest[j].lines[0]):
                self.blocks, self.i = rest, j
                annex_signatory: dict[str, Any] = {}
                if self.signature(annex_signatory) and self.i == len(rest):
                    self.municipality["layout"]["annex_signature"] = True
                    if resolution_signature is None:
                        self.resolution_data["signatory"] = annex_signatory["signatory"]
                    rest = rest[:j]
                break
        if not rest:
            return None
        from paldocs.importer.program import parse_program

        program = parse_program(rest, self.log)
        if self.program_title:
            subject = self.resolution_data.get("subject", "")
            genitive = re.fullmatch(r"w sprawie przyjęcia „(.+)”", subject)
            ordered = {"title": self.program_title}
            if genitive and genitive[1] != self.program_title:
                ordered["title_genitive"] = genitive[1]
            if genitive:
                del self.resolution_data["subject"]
            program = {**ordered, **{k: v for k, v in program.items() if k not in ("title", "title_genitive")}}
        return program
