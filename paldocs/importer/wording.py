"""Comparing the words of an imported text with the words paldocs would print in its place.

Contract: :func:`words` splits a text into comparable words by the rule the import accounting uses (split on
whitespace; Markdown markers and dash/bullet-only tokens are not words; case-folded; quote marks, dashes,
ellipses and NBSP folded; a "§" or "art." glued to a number counts as two words — "§1." = "§ 1."). :func:`same_words`
says whether two texts have the same words in the same order: the importer turns text into structure (a
catalog citation, a closing clause, a header date) only when the text paldocs regenerates passes it, and
otherwise keeps the original verbatim or logs the change (:meth:`ImportLog.changed`). :func:`log_if_changed`
logs such a change only when the words really differ, and only the words that differ. Pure functions.
"""

from __future__ import annotations

import difflib
import re

from paldocs.importer.log import ImportLog

_FOLD = str.maketrans({"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "'": '"', "’": '"', "–": "-",
                       "—": "-", "\u00a0": " ", "\u2026": "..."})
_MARKER_ONLY = re.compile(r"^(?:[-•*#>]+|\*\*|__)$")
_GLUED = re.compile(r"^(§|art\.)(?=\d)", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*|\*(?!\w)")


def words(text: str) -> list[str]:
    """The comparable words of ``text`` (see the module contract)."""
    out: list[str] = []
    for token in _EMPHASIS.sub("", text.translate(_FOLD)).split():
        if _MARKER_ONLY.match(token):
            continue
        token = token.casefold()
        glued = _GLUED.match(token)
        if glued:
            out.extend([glued.group(1), token[glued.end():]])
        else:
            out.append(token)
    return out


def same_words(original: str, printed: str) -> bool:
    return words(original) == words(printed)


def log_if_changed(log: ImportLog, line: int, why: str, before: str, after: str) -> None:
    """Log ``changed`` when paldocs prints ``after`` in place of ``before`` and their words differ: one entry per
    run of differing words (the words both have in common are printed, so they are not "changed")."""
    if same_words(before, after):
        return
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(None, [tuple(words(token)) for token in old],
                                      [tuple(words(token)) for token in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal" and words(" ".join(old[i1:i2])):
            log.changed(line, why, " ".join(old[i1:i2]), " ".join(new[j1:j2]))
