"""Word accounting of an import: is every word of the input in the built document, dropped, or repaired?

Contract:
- :func:`account` compares the words of the ``original`` text (what the importer read) with the words of the
  ``built`` text (the imported data built as plain text, :func:`built_text`) and the import log, and returns a
  :class:`WordAccount`: how many words there are, how many the log dropped on purpose (``dropped`` entries),
  how many it repaired (the words ``changed`` entries replaced), how many are in the built document, and
  the words accounted for by none of these (``unaccounted``, in the original's order and spelling).
  ``share`` is kept / (total − dropped): the part of the document's own words that reached the build.
- :func:`account_documents` does the same for every document imported from one file (a file with several acts):
  their built texts together against the file's text, the entries of their logs together (a log that several
  documents share counts once).
- :func:`built_text` builds an imported data dict (a resolution or annex data file, or a ``document: report``
  file) in memory through paldocs' own pipeline — the dict is written as YAML and read back by the same reader
  as ``paldocs build`` (limits, text inspection), validated, composed, parsed, numbered and written by the text
  writer. Relative paths in the data (``municipality: profil.yaml``, a report's program) resolve against
  ``base``. Nothing is written to disk; bad data raise :class:`~paldocs.errors.PaldocsError` as a build would.

The word rule (the same for the original, the built text and the log's texts):

1. Whitespace is layout: the text is split on any run of whitespace (spaces, NBSP and the other Unicode
   spaces, tabs, line and page breaks).
2. Markdown markers are not words: heading hashes ("#", "##"), emphasis and code markers ("*", "**", "`"),
   blockquote ">", table pipes and separator rows ("|", "|---|:--:|"), and the backslash of an escape
   ("1\\." is "1."). A token that is only dashes or bullets ("-", "–", "—", "•", "▪", "·", "●", "◦", "■", "»")
   is a list or tiret marker, not a word (paldocs prints "–" where an input has "-" or "•").
3. Words are compared case-folded, with these folded to one form: the quote marks „ ” “ " ” ' ‘ ’ « » ‚
   (all "\""), the dashes and hyphens - ‐ ‑ ‒ – — ― − (all "-"), the ellipsis "…" ("..."), and NBSP.
4. A "§" or an abbreviation that precedes a number glued to the number counts as two words, as the
   build prints it: "§1." = "§ 1.", "art.5" = "art. 5", likewise "ust.2", "pkt3", "pkt.3", "poz.1591" and
   "Nr142" (printed "Nr 142"). Only a digit after the abbreviation splits ("lit.a)" stays one word).
5. The comparison is of multisets — order does not matter. Each original word is assigned, in this order,
   to the words of the log's ``dropped`` entries, then to the words of the built text, then to the words a
   ``changed`` entry replaced (its ``before`` less its ``after``: a repaired line's words that the repair left
   alone are not changed words); each of those words can account for one original word only. What is left is
   unaccounted. (Dropped first: a word the log says it dropped is not a word the build must show, even when the
   build prints the same word elsewhere — "Rady Miejskiej" in a page banner. Built before changed: a word the
   build prints as the original has it was kept, whatever the log says of its line.)
6. A repair that only moved whitespace — a ``changed`` entry whose ``before`` and ``after`` differ in spaces only:
   words run together split ("XLV/373/2018Rady Miejskiejz dnia"), a letter-spaced word joined ("U C H W A Ł A")
   — changes no word: it is applied to the original's first run of those words before counting, as rule 1 would
   have split or joined them had the spaces been there.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paldocs.importer.log import ImportLog

_FOLDS = str.maketrans({
    **{quote: '"' for quote in "„”“\"'‘’«»‚‟′″"},
    **{dash: "-" for dash in "‐‑‒–—―−"},
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",
})
_MARKER_ONLY = re.compile(r"^[-‐‑‒–—―−•▪·●◦■□►➢>»|:#+]+$")  # list/tiret bullets, quote ">", table rows, "#"
_MARKUP_CHARS = re.compile(r"[*`]")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")  # Markdown's backslash before ASCII punctuation
_GLUED = re.compile(r"^(§|art\.|ust\.|pkt\.?|poz\.|nr)(?=\d)", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)  # a text repeats its words: each distinct token is normalised once
def normalise_word(token: str) -> str:
    """One token under rule 3 (case, quotes, dashes, ellipsis); Markdown markers removed (rule 2)."""
    token = _ESCAPE.sub("", _MARKUP_CHARS.sub("", token))
    return token.translate(_FOLDS).replace("…", "...").casefold()


@functools.lru_cache(maxsize=1 << 16)
def _token_words(token: str) -> tuple[tuple[str, str], ...]:
    """The words of one whitespace-free token: (as written, normalised) — none for a marker (rules 2–4)."""
    pairs = []
    for part in _split_glued(token):
        normalised = normalise_word(part)
        if normalised and not _MARKER_ONLY.match(normalised) or _is_colon_word(normalised):
            pairs.append((part, normalised))
    return tuple(pairs)


def word_pairs(text: str, respace: Sequence[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The words of ``text`` as (as written, normalised) pairs, by the rule of the module docstring; ``respace``:
    (before, after) repairs of spacing only, applied first (rule 6)."""
    tokens = _respaced(text.translate(_FOLDS).split(),
                       [(before.translate(_FOLDS).split(), after.translate(_FOLDS).split()) for before, after in respace])
    return [pair for token in tokens for pair in _token_words(token)]


def _respaced(tokens: list[str], repairs: Sequence[tuple[list[str], list[str]]]) -> list[str]:
    """``tokens`` with the first run equal to each repair's ``before`` replaced by its ``after`` — one pass, each
    repair used once (a repair whose words are not there changes nothing)."""
    waiting: dict[str, list[int]] = {}
    for index, (before, _) in enumerate(repairs):
        if before:
            waiting.setdefault(before[0], []).append(index)
    if not waiting:
        return tokens
    result: list[str] = []
    position = 0
    while position < len(tokens):
        candidates = waiting.get(tokens[position])
        match = next((index for index in candidates
                      if tokens[position:position + len(repairs[index][0])] == repairs[index][0]), None) \
            if candidates else None
        if match is None:
            result.append(tokens[position])
            position += 1
            continue
        candidates.remove(match)
        result.extend(repairs[match][1])
        position += len(repairs[match][0])
    return result


def _spacing_only(before: str, after: str) -> bool:
    """A repair that only moved whitespace: words run together split, a letter-spaced word joined."""
    return before.split() != after.split() and "".join(before.split()) == "".join(after.split())


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (rules 1–4)."""
    return [normalised for _, normalised in word_pairs(text)]


def _is_colon_word(normalised: str) -> bool:
    """A lone ":" (an enacting formula's "uchwala, co następuje :") is punctuation written as a word."""
    return bool(normalised) and set(normalised) == {":"}


def _split_glued(token: str) -> list[str]:
    """Rule 4: "§1." → ["§", "1."], "art.5" → ["art.", "5"]; anything else unchanged."""
    stripped = token.lstrip("*")  # "**§1.**" is bold "§1."
    match = _GLUED.match(stripped)
    if not match:
        return [token]
    head = token[: len(token) - len(stripped) + match.end()]
    return [head, token[len(head):]]


@dataclass(frozen=True)
class WordAccount:
    """Where the words of an imported original went (see :func:`account`)."""

    total: int
    dropped: int
    kept: int
    changed: int
    unaccounted: tuple[str, ...]

    @property
    def share(self) -> float:
        """Kept words over the document's own words (all but the dropped ones); 1.0 when nothing is left."""
        own = self.total - self.dropped
        return self.kept / own if own else 1.0


def account(original: str, built: str, log: ImportLog) -> WordAccount:
    """Account for every word of ``original`` (rules 5 and 6 of the module docstring)."""
    dropped = Counter(word for entry in log.of_kind("dropped") for word in words(entry.text))
    changed: Counter[str] = Counter()
    for entry in log.of_kind("changed"):
        changed.update(Counter(words(entry.text)) - Counter(words(entry.after)))
    kept = Counter(words(built))
    counts = {"dropped": 0, "changed": 0, "kept": 0}
    unaccounted: list[str] = []
    pairs = word_pairs(original, [(entry.text, entry.after) for entry in log.of_kind("changed")
                                  if _spacing_only(entry.text, entry.after)])
    for as_written, word in pairs:
        for name, pool in (("dropped", dropped), ("kept", kept), ("changed", changed)):
            if pool[word] > 0:
                pool[word] -= 1
                counts[name] += 1
                break
        else:
            unaccounted.append(as_written)
    return WordAccount(total=len(pairs), dropped=counts["dropped"], kept=counts["kept"],
                       changed=counts["changed"], unaccounted=tuple(unaccounted))


def account_documents(original: str, documents: Sequence[tuple[Mapping[str, Any], ImportLog]], *,
                      base: Path) -> WordAccount:
    """Account for ``original`` against all ``documents`` (data, log) imported from it, built from ``base``."""
    built = "\n".join(built_text(dict(data), base=base) for data, _ in documents)
    logs = list({id(log): log for _, log in documents}.values())
    merged = ImportLog(logs[0].source if logs else "", [entry for log in logs for entry in log.entries])
    return account(original, built, merged)


def built_text(data: dict[str, Any], *, base: Path) -> str:
    """Build ``data`` (an imported data file or report, in memory) to plain text; relative paths from ``base``."""
    import yaml

    from paldocs.api import compose_document
    from paldocs.context import BuildContext
    from paldocs.model.load import ParsedFile
    from paldocs.model.yaml_reader import parse_yaml
    from paldocs.writers.text import to_text

    path = Path(base) / "import.yaml"  # never written: names the data in messages and anchors relative paths
    notes: list[str] = []
    text = yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False, width=10_000)
    plain, positions = parse_yaml(text, str(path), notes)
    context = BuildContext(parsed=ParsedFile(path, plain, positions, tuple(notes)))
    document, _, _ = compose_document(context, charts=False)
    return to_text(document)


def _plain(value: Any) -> Any:
    """Data as YAML can write them: tuples as lists, mappings as dicts, paths as text (as an importer may hold them)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


__all__ = ["WordAccount", "account", "account_documents", "built_text", "normalise_word", "word_pairs", "words"]
