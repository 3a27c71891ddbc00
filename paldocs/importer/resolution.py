"""Recognising the parts of a resolution in plain lines: header, §§, signature (docs/domain.md § 1, 4, 5, 6).

Contract: pure functions on strings, each returning what it recognised (or None) — the assembling of a data
file from source blocks is in :mod:`paldocs.importer.assemble_resolution`. :func:`parse_number` reads every
number variant of docs/domain.md § 5 and returns the model's number dict plus the numbering pattern (it raises
on a number it cannot read; the tolerant title-block reader of :mod:`paldocs.importer.header` logs that instead);
:func:`parse_header_date`, :func:`parse_subject`, :func:`council_from_genitive`, :func:`executive_from_dative`,
:func:`parse_signature` and :func:`classify_provision` read the other parts. :func:`inline_profile` makes the
municipality profile from what the import found and never fails: the council named by the header, the signature,
the enacting formula or the executor clause, else a placeholder ("Rada Gminy …"), every guess logged. Messages
are Polish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from paldocs.errors import PaldocsError
from paldocs.legal.clauses import recognise_clause
from paldocs.polish.dates import parse_date
from paldocs.polish.numerals import from_roman

HEADER = re.compile(r"^\s*uchwała\s+nr\.?\s*(?P<number>.*)$", re.IGNORECASE)
ANNEX = re.compile(r"^\s*załącznik(?:\s+nr\s+\d+)?(?:\s+do\s+uchwały\s+nr\.?\s*(?P<number>.*))?$", re.IGNORECASE)
ANNEX_TAIL = re.compile(r"^\s*do\s+uchwały\s+nr\.?\s*(?P<number>.*)$", re.IGNORECASE)
DATE = re.compile(r"^\s*z\s+dnia\s+(?P<date>.*?)\s*$", re.IGNORECASE)
SUBJECT = re.compile(r"^\s*w\s+sprawie\s*(?P<colon>:)?\s*(?P<subject>.*)$", re.IGNORECASE | re.DOTALL)
ENACTING = re.compile(r"(?P<council>Rada\s+.*?)?\s*uchwala(?P<impersonal>\s+się)?\s*,\s*co\s+następuje\s*:?\s*$",
                      re.IGNORECASE)
PARAGRAPH = re.compile(r"^\s*§\s*(?P<n>\d+[a-z]?)\s*\.?\s*(?P<rest>.*)$", re.DOTALL)
SIGNATURE_START = re.compile(r"^\s*(?:z\s+up\.|(?:wice)?przewodnicząc[ya])", re.IGNORECASE)
BLANK = re.compile(r"^[.…_\s/]*$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_MARK = re.compile(r"^\s*(\(-\)|/-/)\s*")
_ADOPT = re.compile(r"^Przyjmuje\s+się\s+„\s*(?P<title>.+?)\s*”\s*,\s*stanowiąc\w*\s+załącznik\w*\s+do\s+"
                    r"niniejszej\s+uchwały\.?$", re.DOTALL)
# Closing clauses the importer leaves to the kind's template: only in the wording paldocs prints back (so the
# rebuilt resolution says the same). The APM entry into force stays a provision — whether the act is an act
# of local law belongs to the kind, which the importer does not decide.
_TEMPLATE_CLAUSES = {("executor", "standard"): "executor", ("entry-into-force", "upon-adoption"): "in-force"}
_HEADS = {"Rady": "Rada", "Miejskiej": "Miejska", "Gminnej": "Gminna", "Burmistrzowi": "Burmistrz",
          "Wójtowi": "Wójt", "Prezydentowi": "Prezydent"}
_SMALL = {"w", "i", "we", "na", "nad"}


@dataclass(frozen=True)
class Number:
    value: dict[str, Any] | None  # the model's ResolutionNumber as a dict; None: a draft or no session
    order: str | None  # numbering.order
    year_digits: int | None
    note: str = ""  # why value is None although something was written


def parse_number(text: str) -> Number:
    """"LXIV/400/14", "LXIV / 400 / 14", "124/XXII/2016", "228/2005", "…/…/2025" (docs/domain.md § 5)."""
    parts = [part.strip() for part in text.strip().rstrip(".").split("/")]
    if any(BLANK.match(part) for part in parts) and all(BLANK.match(part) for part in parts[:-1]) and (
            len(parts) == 1 or BLANK.match(parts[-1]) or parts[-1].isdigit()):
        if any(not BLANK.match(part) for part in parts):
            year = parts[-1]
            return Number(None, None, len(year) if len(year) in (2, 4) else None, "projekt: numer wykropkowany")
        return Number(None, None, None, "projekt: numer wykropkowany")
    if len(parts) == 3 and parts[2].isdigit() and len(parts[2]) in (2, 4):
        year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        first, second = parts[0].upper(), parts[1].upper()
        if _ROMAN.match(first) and second.isdigit():
            session, number, order = first, int(second), "session/number/year"
        elif first.isdigit() and _ROMAN.match(second):
            session, number, order = second, int(first), "number/session/year"
        else:
            raise PaldocsError(f"Nie rozpoznano numeru uchwały „{text.strip()}”")
        from_roman(session)
        return Number({"session": session, "number": number, "year": year}, order, len(parts[2]))
    if len(parts) == 2 and all(part.isdigit() for part in parts) and len(parts[1]) in (2, 4):
        year = int(parts[1]) + (2000 if len(parts[1]) == 2 else 0)
        return Number({"session": None, "number": int(parts[0]), "year": year}, "number/year", len(parts[1]))
    raise PaldocsError(f"Nie rozpoznano numeru uchwały „{text.strip()}”")


def parse_header_date(line: str) -> Any:
    """"z dnia 29 kwietnia 2014r.", "z dnia 25.03.2014r.", "z dnia 29 kwietnia 2014 r" → date; blanks → None."""
    match = DATE.match(line)
    if not match or BLANK.match(match["date"].replace("r.", "")) or "…" in match["date"] or ".." in match["date"]:
        return None
    text = re.sub(r"\s*r\.?$", " r.", match["date"].strip(), flags=re.IGNORECASE)
    return parse_date(text)


def parse_subject(text: str) -> tuple[str, list[str]]:
    """"w sprawie: przyjęcia „X”." → ("w sprawie przyjęcia „X”", notes about what was normalised)."""
    match = SUBJECT.match(" ".join(text.split()))
    if not match:
        raise PaldocsError(f"Nie rozpoznano tytułu uchwały „{text}”")
    subject, notes = match["subject"], []
    if match["colon"]:
        notes.append("usunięto dwukropek po „w sprawie”")
    if subject.endswith("."):
        subject = subject[:-1]
        notes.append("usunięto kropkę na końcu tytułu")
    return f"w sprawie {subject}", notes


def proper_case(text: str) -> str:
    """"RADY MIEJSKIEJ W KĘTRZYNIE" → "Rady Miejskiej w Kętrzynie" (only when written in capitals)."""
    words = " ".join(text.split()).split(" ")
    if not any(word.isupper() and len(word) > 1 for word in words) or not text.isupper():
        return " ".join(words)
    return " ".join(word.lower() if word.lower() in _SMALL else word.capitalize() for word in words)


def reverse_head(text: str) -> str:
    """Nominative by reversing the head words: "Rady Miejskiej w Kętrzynie" → "Rada Miejska w Kętrzynie"."""
    words = text.split()
    out = []
    for index, word in enumerate(words):
        out.append(_HEADS.get(word, word) if index < 2 else word)
    return " ".join(out)


def council_from_genitive(genitive: str) -> dict[str, str]:
    """Council forms from the header's organ line; type_genitive is the head ("Rady Miejskiej", "Rady Gminy")."""
    genitive = proper_case(genitive)
    words = genitive.split()
    if len(words) > 1 and words[1] in ("Miejskiej", "Gminnej", "Gminy", "Miasta"):
        head = words[:2] if words[1] not in ("Miasta",) or len(words) < 4 or words[2:4] != ["i", "Gminy"] \
            else words[:4]
    else:
        head = words[:1]
    return {"nominative": reverse_head(genitive), "genitive": genitive, "type_genitive": " ".join(head)}


def executive_from_dative(dative: str) -> dict[str, str]:
    """"Burmistrzowi Miasta Kętrzyn" → {"nominative": "Burmistrz Miasta Kętrzyn", "dative": …}."""
    dative = " ".join(dative.split())
    return {"nominative": reverse_head(dative), "dative": dative}


def classify_provision(text: str) -> tuple[str, str | None]:
    """A § of a ``pal`` resolution: ("adopt", title) / ("executor", dative) / ("in-force", None) / ("other", None)."""
    text = " ".join(text.split())
    if match := _ADOPT.match(text):
        return "adopt", match["title"]
    clause = recognise_clause(text)
    if clause is not None and clause.exact and (clause.kind, clause.variant) in _TEMPLATE_CLAUSES:
        return _TEMPLATE_CLAUSES[(clause.kind, clause.variant)], clause.organ
    return "other", None


def parse_signature(lines: list[str], council_genitive: str | None) -> tuple[dict[str, Any], int]:
    """The signature block → (Signatory dict, number of lines used). Lines: title lines, then the name."""
    text = " ".join(" ".join(lines).split())
    signatory: dict[str, Any] = {}
    on_behalf = re.match(r"^z\s+up\.\s+Przewodnicząc(?:ego|ej)\s+Rady(?:\s+(?:Miejskiej|Gminy|Miasta))?\s*", text,
                         re.IGNORECASE)
    rest = text[on_behalf.end():] if on_behalf else text
    title = re.match(r"^(?P<vice>wice)?przewodnicząc(?P<g>[ya])\s+", rest, re.IGNORECASE)
    if not title:
        raise PaldocsError(f"Nie rozpoznano bloku podpisu „{text}”")
    rest = rest[title.end():]
    organ = proper_case(council_genitive) if council_genitive else None
    if organ and proper_case(rest[: len(organ)]) == organ:
        rest = rest[len(organ):]
    elif rest.startswith("Rady"):  # without a known council: the organ is all but the last line
        last = " ".join(lines[-1].split())
        rest = last if text.endswith(last) else rest
    name = rest.strip()
    if mark := _MARK.match(name):
        signatory["published_mark"] = mark.group(1)
        name = name[mark.end():]
    if not name:
        raise PaldocsError(f"W bloku podpisu brak imienia i nazwiska: „{text}”")
    signatory = {"name": name, "function": "wiceprzewodniczący" if title["vice"] else "przewodniczący",
                 "gender": "k" if title["g"].lower() == "a" else "m", **signatory}
    if on_behalf:
        signatory["on_behalf_of_chair"] = True
    return signatory, len(lines)


_KIND_BY_TITLE = {"Wójt": "gmina wiejska", "Burmistrz": "gmina miejska", "Prezydent": "gmina miejska"}
_NOMINATIVE_TO_GENITIVE = {"Rada": "Rady", "Miejska": "Miejskiej", "Gminna": "Gminnej"}
_DATIVE_TO_GENITIVE = {"Wójtowi": "Rady", "Burmistrzowi": "Rady Miejskiej", "Prezydentowi": "Rady Miasta"}
UNKNOWN_PLACE = "…"  # a placeholder the model accepts and that prints visibly as unknown ("Rady Gminy …")


def _council_genitive(found: dict[str, Any]) -> tuple[str | None, str]:
    """The council's genitive and where it came from: the header, the signature, the enacting formula or the
    executor clause (whichever names the council first)."""
    if (found.get("council") or {}).get("genitive"):
        return found["council"]["genitive"], "nagłówek"
    if found.get("council_from_signature"):
        return found["council_from_signature"], "podpis"
    enacting = found.get("enacting_council", "")
    if len(enacting.split()) > 2:  # "Rada Gminy X": with a place, not the bare "Rada Gminy"
        words = enacting.split()
        return " ".join(_NOMINATIVE_TO_GENITIVE.get(w, w) if i < 2 else w for i, w in enumerate(words)), "formuła"
    dative = (found.get("executive") or {}).get("dative", "")
    head = dative.split()[0] if dative else ""
    if head in _DATIVE_TO_GENITIVE and len(dative.split()) > 2:
        rest = dative.split()[1:]
        if rest[0] in ("Gminy", "Miasta"):
            rest = rest[1:]
        if rest:
            council = {"Wójtowi": "Rady Gminy"}.get(head, "Rady Miejskiej w" if head == "Burmistrzowi" else "Rady Miasta")
            return f"{council} {' '.join(rest)}", "klauzula wykonawcza"
    return None, ""


def inline_profile(found: dict[str, Any], log: Any) -> dict[str, Any]:
    """A municipality profile from what the import recognised; never fails: when nothing names the council, a
    placeholder profile ("Rada Gminy …") that builds. Every guess is logged ("zgadnięte — sprawdź")."""
    guess = "zgadnięte — sprawdź"
    genitive, origin = _council_genitive(found)
    if genitive is None:
        log.recognised(0, f"tekst nie nazywa rady — profil zastępczy „Rada Gminy {UNKNOWN_PLACE}”; podaj profil "
                          f"gminy opcją --municipality ({guess})")
        genitive = f"Rady Gminy {UNKNOWN_PLACE}"
    elif origin != "nagłówek":
        log.recognised(0, f"nazwa rady „{genitive}” z: {origin} ({guess})")
    council = {**council_from_genitive(genitive), **{k: v for k, v in (found.get("council") or {}).items() if v}}
    if found.get("enacting_council") and (found.get("layout") or {}).get("enacting_formula") == "council":
        council["nominative"] = found["enacting_council"]  # printed in the formula as the original wrote it
        if council["nominative"] != reverse_head(council["genitive"]):
            log.recognised(0, "nazwa rady w mianowniku z formuły „… uchwala, co następuje”")
    executive = dict(found.get("executive") or {})
    head_words = len(council["type_genitive"].split())
    place = " ".join(council["genitive"].split()[head_words:]) or UNKNOWN_PLACE
    place = re.sub(r"^(?:w|we)\s+", "", place)
    log.recognised(0, f"nazwa i siedziba gminy „{place}” ({guess})")
    if executive:
        title = executive["nominative"].split()[0]
        kind = _KIND_BY_TITLE.get(title, "gmina miejska")
        note = "; możliwa też gmina miejsko-wiejska" if title == "Burmistrz" else ""
        log.recognised(0, f"rodzaj gminy „{kind}” z tytułu organu wykonawczego „{title}” ({guess}{note})")
    else:
        kind = "gmina wiejska" if council.get("type_genitive") == "Rady Gminy" else "gmina miejska"
        head = "Wójt Gminy" if kind == "gmina wiejska" else "Burmistrz Miasta"
        executive = executive_from_dative(f"{'Wójtowi Gminy' if kind == 'gmina wiejska' else 'Burmistrzowi Miasta'}"
                                          f" {place}")
        log.recognised(0, f"rodzaj gminy „{kind}” z nazwy rady i organ wykonawczy „{head} {place}” — dokument go "
                          f"nie podaje ({guess})")
    profile: dict[str, Any] = {"name": place, "kind": kind, "seat": place}
    if found.get("voivodeship"):
        profile["voivodeship"] = found["voivodeship"]
        log.recognised(0, f"województwo „{found['voivodeship']}” z nazwy dziennika urzędowego")
    profile |= {"council": council, "executive": executive}
    numbering = {k: v for k, v in (found.get("numbering") or {}).items() if v}
    if numbering:
        profile["numbering"] = numbering
        log.recognised(0, f"wzór numeracji uchwał {numbering} z numeru ({guess})")
    if found.get("layout"):
        profile["layout"] = found["layout"]
        log.recognised(0, f"układ dokumentu {found['layout']} ({guess})")
    return profile
