"""The layout the block grouping needs: lost § signs, hard-wrapped lines, paragraph breaks.

Contract: the steps here work on lines already split at their structure (:mod:`.split`).
:func:`restore_paragraph_signs` — when the body after the enacting formula ("…uchwala, co następuje:") up to the
signature holds no "§" at all and its top-level items run "1.", "2.", "3." in sequence (a restart at "1." would
be ustępy under a lost §: then nothing is guessed), each item is cut onto its own line and given back its "§"
("1." → "§ 1.", logged as changed, a guess; a transcript that printed the last number after its text, "…
Miasta. Uchwała wchodzi w życie z dniem podjęcia. 4.", gets it before that last sentence); the body ends at the
signature, an annex or a justification. :func:`join_wrapped` rejoins a word hyphenated at a line end
("spo-" + "łecznej" → "społecznej", changed), keeps a sentence broken by a page break in one block (a blank line
between a line that does not end a sentence and one that starts in lower case is removed) and keeps a "§ 1"
standing alone with its text. :func:`mark_paragraphs` puts a blank line before each unit that opens a block (§
N., "Na podstawie", the signature, an annex header, "Uzasadnienie", "Rozdział", footnotes after the signature) —
never inside „…” quotes. No word changes except the logged ones.
"""

from __future__ import annotations

import dataclasses
import re

from paldocs.importer.clean.patterns import (ANNEX, CHAPTER, DRAFT, ENACTING, FOOTNOTE, GUESS, LIST_MARKER,
                                             LONE_PARAGRAPH, LOWER, RESOLUTION, SIGNATURE, UPPER, document_start,
                                             ends_sentence, plain, starts_lowercase)
from paldocs.importer.clean.split import numbered_cuts, split_numbered_items
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

RESTORED = f"przywrócono znak § utracony w konwersji {GUESS}"
HYPHEN = "wyraz przeniesiony do następnego wiersza połączony"

_STRUCTURAL_PARAGRAPH = re.compile(rf"^§\s*\d+[a-z]?(?:\.(?:\s|$)|\s*$|\s+[{UPPER}„])")
_NUMBERED_PARAGRAPH = re.compile(rf"^§\s*\d+[a-z]?\.\s+(?:[{UPPER}„]|\d+\.\s)")  # "§ 3. Wykonanie", "§ 1. 1. …"
_LONE_JUSTIFICATION = re.compile(r"^(?:UZASADNIENIE|Uzasadnienie)\s*:?$")
_ANNEX_HEAD = re.compile(r"^(?:Załącznik|ZAŁĄCZNIK)(?:\s+(?:nr|Nr|NR)\b|\s+(?:do|DO)\b|$)")
_JUSTIFICATION_HEAD = re.compile(r"^(?:UZASADNIENIE|Uzasadnienie)\b")
_HEADER_LINE = re.compile(r"^(?:RADY|Rady|RADA|Rada)\s|^[zZ]\s+dnia\b|^w\s+sprawie\b|^uchwala\b")
_WRAPPED = re.compile(rf"(?:^|\s)[{LOWER}]+,?$")
_HYPHENATED = re.compile(rf"(?<=[{LOWER}{UPPER}])-$")


def restore_paragraph_signs(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    texts = [plain(line.text, markdown) for line in lines]
    enacting = next((i for i, text in enumerate(texts) if ENACTING.search(text)), None)
    if enacting is None:
        return lines
    end = next((i for i in range(enacting + 1, len(texts))
                if SIGNATURE.match(texts[i]) or _ANNEX_HEAD.match(texts[i]) or _JUSTIFICATION_HEAD.match(texts[i])),
               len(texts))
    if any("§" in text for text in texts[enacting + 1:end]) or not any(texts[enacting + 1:end]):
        return lines
    body = lines[enacting + 1:end]
    expected, found = 1, []
    for line in body:
        cuts, expected = numbered_cuts(line.text, expected) if line.text else ([], expected)
        found.append(cuts)
    first = next((line for line in body if line.text), None)
    restarts = sum(len(re.findall(rf"(?:^|\s)1\.\s+[{UPPER}]", line.text)) for line in body)
    if expected < 3 or first is None or not first.text.startswith("1.") or restarts > 1:
        return lines
    out = list(lines[:enacting + 1])
    last = max(k for k, line in enumerate(body) if line.text)
    for k, (line, cuts) in enumerate(zip(body, found)):
        parts = split_numbered_items(line, cuts) if cuts else [line]
        if k == last:
            parts = _displaced_last(parts, expected, log)
        for part in parts:
            number = re.match(r"^(\d{1,2})\.(?=\s)", part.text) if cuts else None
            if number:
                log.changed(part.line, RESTORED, number.group(), f"§ {number.group()}")
                part = dataclasses.replace(part, text=f"§ {part.text}")
                if out and out[-1].text:
                    out.append(dataclasses.replace(part, text="", hard_break=False))
            out.append(part)
    return out + lines[end:]


_TRAILING_NUMBER = re.compile(r"\s(\d{1,2})\.$")


def _displaced_last(parts: list[SourceLine], expected: int, log: ImportLog) -> list[SourceLine]:
    """"3. Wykonanie … Miasta. Uchwała wchodzi w życie z dniem podjęcia. 4." (a transcript put the last
    paragraf's number after its text): the last sentence becomes item 4."""
    last = parts[-1]
    trailing = _TRAILING_NUMBER.search(last.text)
    if not trailing or int(trailing.group(1)) != expected:
        return parts
    body = last.text[:trailing.start()]
    sentence = list(re.finditer(rf"(?<=\.)\s+(?=[{UPPER}])", body))
    if not sentence:
        return parts
    cut = sentence[-1]
    number = trailing.group(1) + "."
    log.changed(last.line, f"{RESTORED}; numer stał po tekście paragrafu", number, f"§ {number}")
    return [*parts[:-1], dataclasses.replace(last, text=body[:cut.start()]),
            dataclasses.replace(last, text=f"§ {number} {body[cut.end():]}")]


def _next_text(lines: list[SourceLine], i: int) -> int | None:
    return next((k for k in range(i + 1, len(lines)) if lines[k].text), None)


def _runs_on(text: str) -> bool:
    """The line does not end its sentence ("… takie jak:" runs on too, unless it is the enacting formula)."""
    return not ends_sentence(text) or (text.endswith(":") and not ENACTING.search(text))


def join_wrapped(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    out = list(lines)
    i = 0
    while i < len(out):
        text = plain(out[i].text, markdown)
        k = _next_text(out, i)
        if not text or k is None:
            i += 1
            continue
        following = plain(out[k].text, markdown)
        gap = k - i - 1
        if _HYPHENATED.search(out[i].text) and re.match(rf"^[{LOWER}]", following) and gap <= 1:
            word, _, rest = out[k].text.partition(" ")
            stem = out[i].text.split()[-1]
            joined = (stem if stem[:-1].endswith("o") and len(stem) > 6 else stem[:-1]) + word
            log.changed(out[i].line, HYPHEN, f"{stem} {word}", joined)
            out[i] = dataclasses.replace(out[i], text=out[i].text[:-len(stem)] + joined)
            out[k] = dataclasses.replace(out[k], text=rest.strip())
            del out[i + 1:k]
            if not out[i + 1].text:
                del out[i + 1]
            continue
        if gap and LONE_PARAGRAPH.match(text):
            if not markdown:  # Markdown: "§ 1" as its own paragraph is the heading layout (a DOCX's)
                del out[i + 1:k]  # "§ 1" alone, its text after a blank line: one block
        elif (gap and _runs_on(text) and starts_lowercase(following) and not _HEADER_LINE.match(following)
              and not _HEADER_LINE.match(text) and not document_start(text) and not text.isupper()):
            del out[i + 1:k]  # a sentence broken by a page break
        i += 1
    return out


def _opens_block(text: str, previous: str, block_first: str, after_signature: bool) -> bool:
    if _ANNEX_HEAD.match(text) or _JUSTIFICATION_HEAD.match(text):
        return not (ANNEX.match(previous) or previous.endswith(("do", "DO")))
    wrapped = bool(_WRAPPED.search(previous))  # "… mieszkańcy wskazani w" / "Uchwała Nr …": one sentence
    if RESOLUTION.match(text):  # a second act on the page; "Projekt" above the header stays with it
        return not DRAFT.match(previous) and not wrapped
    settled = ends_sentence(previous) or LONE_PARAGRAPH.match(previous) is not None
    if text.startswith("Na podstawie"):  # capitalised at a line start: the legal basis, not a wrapped sentence
        return True
    if text.startswith("na podstawie art.") and re.match(r"^w\s+sprawie\b", previous):  # a one-line act's basis
        return True
    if _NUMBERED_PARAGRAPH.match(text):
        return True
    if _LONE_JUSTIFICATION.match(previous) and not re.match(r"^do\s+(?:projektu\s+)?uchwały\b", text, re.IGNORECASE):
        return True  # the heading alone, its text in the next block ("Uzasadnienie" / "do uchwały Nr …" is one header)
    if _STRUCTURAL_PARAGRAPH.match(text) or CHAPTER.match(text):
        return settled or previous.isupper() or bool(re.search(r"\d{4}\s*(?:r\.?|roku)?$", previous))
    if SIGNATURE.match(text) and not SIGNATURE.match(block_first):  # "z up. Przewodniczącego…" then its title
        # the signature's title line is short and no sentence ("Przewodniczący Rady kieruje obradami." is text)
        return not wrapped and len(text.split()) <= 10 and not text.endswith((".", ",", ";"))
    if after_signature and FOOTNOTE.match(text) and not LIST_MARKER.match(previous):
        return True
    return False


def mark_paragraphs(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    out: list[SourceLine] = []
    depth = 0
    after_signature = False
    previous = block_first = ""
    for line in lines:
        text = plain(line.text, markdown)
        if not text:
            depth = 0
        elif previous and depth == 0 and _opens_block(text, previous, block_first, after_signature):
            out.append(dataclasses.replace(line, text="", hard_break=False))
            previous = ""
        if text and not previous:
            block_first = text
        if text:
            if SIGNATURE.match(text):
                after_signature = True
            elif _ANNEX_HEAD.match(text) or _JUSTIFICATION_HEAD.match(text):
                after_signature = False
            depth = max(0, depth + text.count("„") - text.count("”") - text.count("“"))
        out.append(line)
        previous = text
    return out
