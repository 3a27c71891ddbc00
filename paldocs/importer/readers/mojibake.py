"""Repairing mojibake: Polish UTF-8 text that was once read in a one-byte encoding and saved again.

Contract: :func:`repair_lines` returns the lines with each damaged line repaired and logged with
:meth:`ImportLog.changed` ("naprawiono kodowanie znaków (mojibake)", the line before and after). Correct text is
returned unchanged. The damage looks like "UchwaĹ‚a" or "UchwaÅ‚a" for "Uchwała", "wspĂłĹ‚pracy" for
"współpracy", "sÄ…" for "są": the two UTF-8 bytes of a Polish letter shown as two characters of Windows-1250,
ISO-8859-2 or Windows-1252.

How: first ftfy's :func:`ftfy.fix_encoding` (only the encoding repair — no quote straightening, no width or
ligature changes), which knows the Windows-1250, ISO-8859-2 and Windows-1252 forms. ftfy leaves short lines
alone when the evidence is thin ("WĂłjt Gminy", "sÄ…"), and such short lines are common in a resolution's
signature block; so, as a bounded fallback, each pair of a lead character of Polish mojibake (Ă Ä Ĺ from
Windows-1250/ISO-8859-2, Ã Ä Å from Windows-1252) and the character after it is encoded back in those encodings
and decoded as UTF-8; the pair is replaced only when that gives one Polish letter (ąćęłńóśźż, capitals too).
ISO-8859-2 is tried first on a line holding C1 control characters (that encoding shows the second byte of
"ł", "ą", "ę" as one), Windows-1250 first otherwise — the two read "Ĺš" differently (Ź, Ś). Correct Polish text
cannot pass that test: in UTF-8 every Polish letter starts with the byte C3, C4 or C5, which those encodings
show as Ă/Ä/Ĺ or Ã/Ä/Å — characters no Polish word contains.
"""

from __future__ import annotations

import re

import ftfy

from paldocs.importer.lines import SourceLine, normalise_space
from paldocs.importer.log import ImportLog
from paldocs.importer.readers.text import POLISH_LETTERS

REPAIRED = "naprawiono kodowanie znaków (mojibake)"
_LEAD = frozenset("ĂÄĹÃÅ")  # C3 C4 C5 in Windows-1250/ISO-8859-2 (Ă Ä Ĺ) and Windows-1252 (Ã Ä Å)
_CODECS = ("sloppy-windows-1250", "iso-8859-2", "sloppy-windows-1252")  # ftfy's "sloppy" codecs map every byte
_CODECS_LATIN2_FIRST = ("iso-8859-2", "sloppy-windows-1250", "sloppy-windows-1252")
_PAIR = re.compile("[ĂÄĹÃÅ].")
_C1 = re.compile("[\x80-\x9f]")
_FIX_ONLY_ENCODING = ftfy.TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
                                          fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
                                          remove_control_chars=False, normalization=None, restore_byte_a0=False,
                                          explain=False)


REPAIRED_Z_DOT = "znak „ŝ” z konwersji PDF zamieniony na „ż”"
# Text extracted from PDFs made by older Word versions shows "ż" as "ŝ" and "Ż" as "Ŝ" (a font's private glyph
# mapping, seen in real BIP transcripts: "spoŝycia", "poniewaŝ", "Ŝ" for "ż" in the Tarnów and Tomaszów
# Lubelski texts of tests/data/import_corpus). No Polish word has "ŝ", so in a Polish document it is always "ż".
_Z_DOT = str.maketrans({"ŝ": "ż", "Ŝ": "Ż"})


def repair_lines(lines: list[SourceLine], log: ImportLog) -> list[SourceLine]:
    """Each damaged line repaired (see the module contract); every repair logged as changed."""
    out = []
    for line in lines:
        repaired = repair_mojibake(line.text)
        if repaired != line.text:
            log.changed(line.line, REPAIRED, line.text, repaired)
            line = SourceLine(repaired, line.line, line.page, line.hard_break)
        dotted = line.text.translate(_Z_DOT)
        if dotted != line.text:
            log.changed(line.line, REPAIRED_Z_DOT, line.text, dotted)
            line = SourceLine(dotted, line.line, line.page, line.hard_break)
        out.append(line)
    return out


def repair_mojibake(text: str) -> str:
    """``text`` with Polish mojibake repaired; text without mojibake's lead characters comes back as it is."""
    if not _LEAD.intersection(text):
        return text
    if _C1.search(text):  # read as ISO-8859-2: its pairs first, so that ftfy does not take them for Windows-1250
        fixed = _PAIR.sub(lambda match: _repair_pair(match.group(), _CODECS_LATIN2_FIRST), text)
        fixed = ftfy.fix_text(fixed, _FIX_ONLY_ENCODING)
    else:
        fixed = ftfy.fix_text(text, _FIX_ONLY_ENCODING)
        fixed = _PAIR.sub(lambda match: _repair_pair(match.group(), _CODECS), fixed)
    return normalise_space(fixed) if fixed != text else text


def _repair_pair(pair: str, codecs: tuple[str, ...]) -> str:
    for codec in codecs:
        try:
            letter = pair.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if letter in POLISH_LETTERS:
            return letter
    return pair
