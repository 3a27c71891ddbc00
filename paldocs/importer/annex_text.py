"""An annex kept verbatim: its title and its text as Markdown, every word kept.

Contract: :func:`verbatim_annex` turns an annex's blocks after its header into ``{"title": …, "content": …}``
(:class:`paldocs.model.annex.Annex`): the title from the first uppercase, bold or short line(s) ("REGULAMIN …",
"STATUT SOŁECTWA …"; an uppercase title run together with the text on one line is cut off at its last uppercase
word), the rest as Markdown verbatim — paragraphs, lists, "§ 1." units (each starts a paragraph, also in BIP text
without blank lines), chapter headings ("Rozdział 1." with a dot become "#" headings, which paldocs prints with
the same words; others stay text), Markdown tables, and blocks of short text lines (tables copied as text) kept
line by line. Characters that would turn a line into Markdown markup ("#", ">" …) are escaped. Without a title a
placeholder is used and logged as a guess; an annex of a title only (its map or form is not in the text) is
``reproduced: false``. :func:`words_of` is the word list the annex checks compare.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from paldocs.importer.log import ImportLog
from paldocs.importer.source import LIST_START, SourceBlock
from paldocs.importer.split import cut_blocks, line_position

_CHAPTER = re.compile(r"^(?:ROZDZIAŁ|Rozdział)\s+(?:[IVXLC]+|\d{1,3})(?P<dot>\.)?(?:\s+(?P<title>\S.*))?$")
_UNIT = re.compile(r"^(?:§\s*\d|ROZDZIAŁ\b|Rozdział\b|DZIAŁ\b|Dział\b)")
_SENTENCE_END = re.compile(r"(?<!\br)(?<!\brok)(?<!\broku)\.$")
_LINE_START_MARKUP = re.compile(r"^([#>|+=])")
_FALLBACK_TITLE = "Treść załącznika"


def verbatim_annex(blocks: list[SourceBlock], log: ImportLog, *,
                   before: list[SourceBlock] | None = None) -> dict[str, Any]:
    """Title + Markdown content keeping every word (see the module contract); ``before``: text that stood
    before the annex's header, put at the top of the content."""
    blocks = _title_run_apart(blocks)
    lines = [(block, k) for block in blocks for k in range(len(block.lines))]
    count = _title_lines(lines)
    if count:
        title = " ".join(block.lines[k] for block, k in lines[:count])
        log.recognised(blocks[0].line, f"tytuł załącznika „{_short(title)}”")
    else:
        title = _FALLBACK_TITLE
        log.kept(blocks[0].line if blocks else 0, f"załącznik bez tytułu — tytuł „{_FALLBACK_TITLE}” "
                 "(zgadnięte — sprawdź)", "")
    rest = cut_blocks(blocks, line_position(blocks, count), (len(blocks), 0)) if count else blocks
    annex: dict[str, Any] = {"title": title}
    if count and not any(_bold(block, k) or block.heading is not None for block, k in lines[:count]) \
            and any(block.markdown_lines != block.lines for block in blocks):
        annex["title_style"] = "plain"  # Markdown input marks bold; a title it left plain stays plain
    content = (_markdown(before, log) + "\n" if before else "") + _markdown(rest, log)
    if content:
        annex["content"] = content
        first = (before or rest)[0]
        log.kept(first.line, "treść załącznika zachowana jako tekst (Markdown)", _short(first.text))
    else:
        annex["reproduced"] = False  # its body (a map, a form) is not in the text: paldocs prints a note
        log.kept(blocks[0].line if blocks else 0, "załącznik bez treści poza tytułem — „reproduced: false” "
                 "(drukowana uwaga, że go nie odtworzono; sprawdź)", title)
    return annex


def _title_run_apart(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """A text run together on one line ("PROGRAM WSPÓŁPRACY … NA ROK 2017 Rozdział 1. Podstawa …", as PDF
    transcripts give it): the leading uppercase words become a line of their own, the title."""
    if not blocks or block_is_marked(blocks[0]):
        return blocks
    first = blocks[0]
    words = first.lines[0].split()
    run = 0
    while run < len(words) and not any(ch.islower() for ch in words[run]) \
            and not (run >= 3 and re.fullmatch(r"[IVXLC]+\.|\d{1,2}\.", words[run])):  # "… NA LATA I. WSTĘP"
        run += 1
    if run < 3 or run == len(words) or len(words) <= 20 or not _mostly_upper(" ".join(words[:run])):
        return blocks
    split = (" ".join(words[:run]), " ".join(words[run:]))
    return [dataclasses.replace(first, lines=(*split, *first.lines[1:]), markdown_lines=(*split, *first.lines[1:])),
            *blocks[1:]]


def block_is_marked(block: SourceBlock) -> bool:
    """Markdown or Word marked the block (heading, bold, emphasis): its lines are as the author made them."""
    return block.heading is not None or block.bold or block.markdown_lines not in ((), block.lines)


def _title_lines(lines: list[tuple[SourceBlock, int]]) -> int:
    """How many leading lines make the annex's title."""
    if not lines:
        return 0
    block, k = lines[0]
    first = block.lines[k]
    if _UNIT.match(first) or LIST_START.match(first) or block.label:
        return 0
    upper = _mostly_upper(first)
    marked = block.bold or block.heading is not None
    before_unit = len(lines) > 1 and k == len(block.lines) - 1 and bool(_UNIT.match(lines[1][0].lines[lines[1][1]]))
    if not (upper or marked or (len(first.split()) <= 20 and not _SENTENCE_END.search(first))
            or (before_unit and len(first.split()) <= 60)):  # a long title alone above "Rozdział 1." / "§ 1."
        return 0
    count = 1
    while count < min(len(lines), 5):
        block, k = lines[count]
        line = block.lines[k]
        if _UNIT.match(line) or LIST_START.match(line) or block.label:
            break
        previous = lines[count - 1][0].lines[lines[count - 1][1]]
        if upper and _mostly_upper(line) or marked and (block.bold or block.heading is not None) and k == 0 \
                and len(line.split()) <= 12 or line[:1].islower() and not _SENTENCE_END.search(previous):
            count += 1
            continue
        break
    return count


def _bold(block: SourceBlock, k: int) -> bool:
    """The line is bold as a whole (a bold block, or a line of bold runs: "**REGULAMIN** **KONKURSU**")."""
    marked = (block.markdown_lines or block.lines)[k]
    return block.bold or bool(re.fullmatch(r"(?:\*\*[^*]+\*\*\s*)+", marked))


def _mostly_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


_UNIT_START = re.compile(r"^(?:§\s*\d+[a-z]?(?:\.(?:\s|$)|$)|(?:ROZDZIAŁ|Rozdział|DZIAŁ|Dział)\s+(?:[IVXLC]+|\d{1,3})\.?(?:\s|$))")


def _units(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """Blocks cut before every line that opens a unit ("§ 2.", "§ 2" alone, "ROZDZIAŁ 2.") and around a table
    — BIP pages often have no blank lines between them."""
    out: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines
        cuts = [k for k in range(1, len(lines)) if _UNIT_START.match(lines[k])
                or lines[k].startswith("|") != lines[k - 1].startswith("|")]  # a Markdown table is a block
        edges = [0, *cuts, len(block.lines)]
        out += [part for a, b in zip(edges, edges[1:], strict=False)
                for part in cut_blocks([block], (0, a), (0, b))]
    return out


def _markdown(blocks: list[SourceBlock], log: ImportLog) -> str:
    blocks = _units(blocks)
    paragraphs: list[str] = []
    in_list = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        marked = [_escape(line) for line in (block.markdown_lines or block.lines)]
        chapter = _CHAPTER.match(block.lines[0])
        if chapter and chapter["dot"] and len((chapter["title"] or "").split()) <= 12:  # not a run-together text
            title = chapter["title"]
            rest = marked[1:]
            if title is None and rest and not _UNIT.match(block.lines[1]) and not LIST_START.match(block.lines[1]):
                title, rest = block.lines[1], marked[2:]
            elif title is None and len(block.lines) == 1 and index < len(blocks) \
                    and not _UNIT.match(blocks[index].lines[0]) and len(blocks[index].lines) == 1 \
                    and not LIST_START.match(blocks[index].lines[0]):
                title = blocks[index].lines[0]
                index += 1
            heading = block.lines[0] if chapter["title"] else f"{block.lines[0]} {title}" if title else block.lines[0]
            paragraphs.append(f"# {heading}")
            log.recognised(block.line, f"rozdział „{_short(heading)}” (nagłówek „#”, słowa bez zmian)")
            if rest:
                paragraphs.append(_paragraph(block, rest))
            in_list = False
            continue
        if chapter and len((chapter["title"] or "").split()) <= 12:
            # "Rozdział 1" without a dot: as a "#" heading paldocs would print "Rozdział 1." — "##" keeps the words
            paragraphs.append(f"## {block.lines[0]}")
            log.recognised(block.line, f"rozdział „{_short(block.lines[0])}” (nagłówek „##”, słowa bez zmian)")
            if marked[1:]:
                paragraphs.append(_paragraph(block, marked[1:]))
            in_list = False
            continue
        if block.heading is not None:
            paragraphs.append("#" * min(block.heading, 6) + " " + block.text)
            in_list = False
            continue
        if block.bold:  # the source's bold, line by line (the block's lines lost their markers)
            paragraphs.append("\\\n".join(f"**{line}**" for line in block.lines))
            in_list = False
            continue
        listed = bool(block.label or LIST_START.match(block.lines[0]))
        text = _paragraph(block, marked)
        if block.label and not LIST_START.match(block.lines[0]):
            text = f"{block.label} {text}"
        if listed and in_list:
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
        in_list = listed
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _paragraph(block: SourceBlock, lines: list[str]) -> str:
    """A block's lines: a table of short text lines keeps its lines (hard breaks), prose its soft breaks."""
    short = len(lines) >= 3 and all(len(line.split()) <= 8 for line in lines) \
        and not any(LIST_START.match(line) or line.startswith("|") for line in lines)
    return ("\\\n" if short else "\n").join(lines)


def _escape(line: str) -> str:
    """Characters that would make a line Markdown markup although the source meant them as text."""
    return _LINE_START_MARKUP.sub(r"\\\1", line) if not line.startswith("|") or not line.endswith("|") else line


# --- words ---------------------------------------------------------------------------------------------------

_TOKEN_EDGE = re.compile(r"^[^\w§]+|[^\w]+$")


def words_of(text: str) -> list[str]:
    """The words of a text as the annex check counts them: case-folded, edge punctuation and Markdown marks
    removed, numbering marks ("I.", "1)", "a)") and dash tokens left out (paldocs numbers units again)."""
    out = []
    for token in text.replace("**", " ").replace("\\", " ").split():
        if re.fullmatch(r"(?:[IVXLC]+|\d{1,3}|[a-z])[.)]|[-–—•*#|]+", token):
            continue
        word = _TOKEN_EDGE.sub("", token).casefold()
        if word:
            out.append(word)
    return out


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
