"""The signature block of an imported resolution, read tolerantly.

Contract: :func:`is_signature_start` says whether a row opens a signature block ("Przewodniczący …",
"Przewodnicząca …", "Wiceprzewodniczący …", "z up. Przewodniczącego …"). :func:`read_signature` reads the block
from its rows — the title, the council in any of the three forms paldocs prints (full "Rady Gminy X", type "Rady
Gminy", short "Rady") or none, a "(-)"/"/-/" mark, the name on the same line or below it, or no name — and
returns :class:`SignatureRead`: the ``signatories`` entry, the ``signature_organ`` form, how many rows it used
and the council genitive it names (for the municipality profile when the header has none). Where paldocs prints
other words than the original (another council name, no name at all) the difference is logged as changed.
Never raises on content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from paldocs.importer.log import ImportLog
from paldocs.importer.rows import Row
from paldocs.importer.wording import log_if_changed, same_words, words

START = re.compile(r"^\s*(?:z\s+up\.|(?:wice)?przewodnicz[aą]c(?:y|a|ego|ej)\b)", re.IGNORECASE)
_ON_BEHALF = re.compile(r"^z\s+up\.\s+(?:wice)?przewodnicząc(?P<g>ego|ej)\s*", re.IGNORECASE)
_TITLE = re.compile(r"^(?P<vice>wice)?przewodnicz[aą]c(?P<g>[ya])\b\s*", re.IGNORECASE)
_MARK = re.compile(r"^(\(-\)|/-/)\s*")
_ORGAN_HEAD = re.compile(r"^(?:Rady|RADY|rady)\b")
_CONTINUATION = re.compile(r"^(?:Miejskiej|Gminy|Miasta|Gminnej|MIEJSKIEJ|GMINY|MIASTA)\b")
NO_NAME = "…"  # printed where the original has no name (a signature without it); logged


@dataclass
class SignatureRead:
    signatory: dict[str, Any]
    organ_form: str  # "full" | "type" | "short"
    used: int  # rows used
    council_genitive: str | None = None  # the council named in the signature, if any


def is_signature_start(row: Row) -> bool:
    return bool(START.match(row.text)) and len(row.text.split()) <= 14


def _title(gender: str, vice: bool, case: str = "nom") -> str:
    base = "Wiceprzewodnicząc" if vice else "Przewodnicząc"
    if case == "gen":
        return base + ("ej" if gender == "k" else "ego")
    return base + ("a" if gender == "k" else "y")


def _block_rows(rows: list[Row]) -> list[Row]:
    """The rows of the block: the title row, then short rows up to and including the name."""
    used = [rows[0]]
    for index, row in enumerate(rows[1:7], 1):
        text = row.text
        following = rows[index + 1].text if index + 1 < len(rows) else ""
        if len(text.split()) > 6 or re.match(r"^(?:\d|§|uzasadnienie|załącznik|\*)", text, re.IGNORECASE):
            break
        if not _organ_like(text) and (len(text.split()) > 4 or not re.match(r"^[(/A-ZĄĆĘŁŃÓŚŹŻ]", text)):
            break
        used.append(row)
        place = len(text.split()) == 1 and bool(_MARK.match(following) or (following and len(following.split()) <= 4
                                                                           and following[:1].isupper()))
        if not (_organ_like(text) or text.strip() in ("(-)", "/-/") or place):
            break  # the name (a one-word line followed by the name is the council's place: "Inowrocławia")
    return used


def _organ_like(text: str) -> bool:
    """A line of the title and council ("Rady Gminy", "Miejskiej w Kętrzynie", "z up. Przewodniczącego Rady")."""
    return bool(START.match(text) or _ORGAN_HEAD.match(text) or _CONTINUATION.match(text))


def read_signature(rows: list[Row], council: dict[str, str] | None, log: ImportLog) -> SignatureRead:
    """The block starting at ``rows[0]`` (see the module contract); ``council``: genitive and type_genitive."""
    block = _block_rows(rows)
    written = " ".join(row.text for row in block)
    text = " ".join(written.split())
    signatory: dict[str, Any] = {}
    if behalf := _ON_BEHALF.match(text):
        signatory["on_behalf_of_chair"] = True
        if behalf["g"].lower() == "ej":
            signatory["chair_gender"] = "k"
        text = text[behalf.end():]
        text = re.sub(r"^(?:Rady(?:\s+(?:Gminy|Miejskiej|Miasta))?)\s*", "", text) if not _TITLE.match(text) else text
    title = _TITLE.match(text)
    vice, gender = (bool(title["vice"]), "k" if title["g"].lower() == "a" else "m") if title else (False, "m")
    rest = text[title.end():] if title else text
    genitive = (council or {}).get("genitive")
    kind = (council or {}).get("type_genitive")
    last = block[-1].text if len(block) > 1 else ""
    if last and not (START.match(last) or _ORGAN_HEAD.match(last)):  # the name on its own line
        name = " ".join(last.split())
        organ = " ".join(rest.split()[:len(rest.split()) - len(name.split())])
    else:
        organ, name = _split_one_line(rest, [c for c in (genitive, kind, "Rady") if c], known=genitive is not None)
    organ_form, named = "short", None
    organ = organ.rstrip(" :")  # "Przewodniczący Rady Gminy: Wiesław Zając"
    if organ and genitive and same_words(organ, genitive):
        organ_form = "full"
    elif organ and kind and same_words(organ, kind):
        organ_form = "type"
    elif organ and not same_words(organ, "Rady"):
        organ_form, named = "full", organ
    if mark := _MARK.match(name):
        signatory["published_mark"] = mark.group(1)
        name = name[mark.end():].strip()
    if not name:
        name = NO_NAME
        log.kept(block[0].line, "podpis bez imienia i nazwiska — paldocs drukuje „…”; uzupełnij pole name", written)
    signatory = {"name": name, "function": "wiceprzewodniczący" if vice else "przewodniczący", "gender": gender,
                 **signatory}
    if named and genitive and not same_words(named, genitive):
        log.changed(block[0].line, "nazwa rady w podpisie inna niż w nagłówku — paldocs drukuje nazwę z nagłówka",
                    named, genitive)
        organ_form = "full"
    printed = _printed(signatory, organ_form, genitive or named or "Rady", kind or "Rady")
    log.recognised(block[0].line, "blok podpisu")
    log_if_changed(log, block[0].line, "blok podpisu w formie, którą drukuje paldocs", written,
                   printed if name != NO_NAME else printed.removesuffix(NO_NAME))
    used = len(block)
    if used < len(rows) and name != NO_NAME and same_words(rows[used].text, name):
        duplicate = block[-1] if block[-1].md.startswith("*") and not block[-1].md.startswith("**") else rows[used]
        why = ("duplikat podpisu ze skanu (nazwisko kursywą, potem to samo nazwisko)" if duplicate is block[-1]
               else "powtórzone nazwisko w podpisie")
        log.dropped(duplicate.line, why, duplicate.text)
        used += 1
    return SignatureRead(signatory, organ_form, used, named if named and not genitive else None)


def _split_one_line(rest: str, organs: list[str], known: bool) -> tuple[str, str]:
    """(organ, name) of "Rady Gminy Sadowne Waldemar Cyran": the known council's forms first; a council not
    known from the header: the name is the last two words (the common "Imię Nazwisko")."""
    tokens = rest.split()
    for candidate in organs:
        size = len(candidate.split())
        if words(" ".join(tokens[:size]).rstrip(":")) == words(candidate) and (known or len(tokens) - size <= 2):
            return " ".join(tokens[:size]), " ".join(tokens[size:])
    if _ORGAN_HEAD.match(rest) and len(tokens) > 2:
        return " ".join(tokens[:-2]), " ".join(tokens[-2:])
    return "", " ".join(tokens)


def _printed(signatory: dict[str, Any], organ_form: str, genitive: str, kind: str) -> str:
    """The words signature.md.j2 prints for this signatory."""
    head = kind.split()[0]
    organ = genitive if organ_form == "full" else kind if organ_form == "type" else head
    parts = []
    if signatory.get("on_behalf_of_chair"):
        parts.append(f"z up. {_title(signatory.get('chair_gender', 'm'), False, 'gen')} "
                     f"{head if organ_form == 'short' else kind}")
    parts.append(f"{_title(signatory['gender'], signatory['function'] == 'wiceprzewodniczący')} {organ}")
    parts.append(f"{signatory.get('published_mark', '')} {signatory['name']}".strip())
    return " ".join(parts)
