"""Word-level changes inside one unit: „wyrazy „…” zastępuje się wyrazami „…””.

Contract: :func:`word_changes` finds the replacements that turn a unit's old text into its new text, or None
when there is no safe set of them. Each replacement names words exactly as they stand in the old text (a
substring from the first to the last character of whole tokens — words or punctuation marks) and the words
that take their place; both are never empty (an insertion or a deletion is anchored on a neighbouring word:
„wyrazy „i szkoły” zastępuje się wyrazami „i szkoły oraz przedszkola”” — plain string replacement then
gives the new text without stray spaces). A set is safe when:

- every replacement stays within one line (a word change never crosses a unit's label or another unit),
  holds at least one word and no Markdown sign of a heading ("#") or a table ("|");
- the old words occur exactly once in the text they are searched in (``scope``, the unit's whole wording)
  at the time they are replaced — one occurrence, one reading (§ 85 ust. 1 ZTP: a provision is changed by
  a provision that expressly indicates the change; docs/amendments.md);
- replacing them in order, each once, gives exactly the new text (:func:`apply_word_changes`).

Ambiguous words are widened by the neighbouring unchanged words until they occur once. No inflection, no
formatting: the caller decides whether the words form is shorter than a new wording (:func:`cost`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

# The formula around a change costs about as much as this many characters of quoted text; used to compare
# a word change with a new wording of the whole unit (the shorter one is printed).
FORMULA_COST = 40
# More replacements than this in one unit read worse than its new wording, whatever the length.
MAX_REPLACEMENTS = 3
# Hunks closer than this many unchanged tokens are one replacement („wyrazy „a b c” …” rather than two).
_JOIN_GAP = 2


@dataclass(frozen=True, slots=True)
class WordChange:
    """Replace ``old_words`` (occurring once) with ``new_words``."""

    old_words: str
    new_words: str


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def occurrences(text: str, words: str) -> int:
    """How many times ``words`` occur in ``text``, overlapping ones counted."""
    count, start = 0, text.find(words)
    while start != -1:
        count += 1
        start = text.find(words, start + 1)
    return count


def apply_word_changes(text: str, changes: list[WordChange]) -> str:
    """The text after the replacements, each made once, in order (how a reader applies them)."""
    for change in changes:
        text = text.replace(change.old_words, change.new_words, 1)
    return text


def cost(changes: list[WordChange]) -> int:
    """The printed length of the word changes, in characters, formulas included."""
    return sum(len(change.old_words) + len(change.new_words) + FORMULA_COST for change in changes)


def word_changes(old: str, new: str, scope: str | None = None) -> list[WordChange] | None:
    """The replacements turning ``old`` into ``new``; ``scope``: where the old words must occur once.

    ``scope`` is the unit's whole wording (its own text and its sub-units) and must contain ``old`` once;
    by default ``old`` itself. Returns ``[]`` for equal texts and None when no safe set exists."""
    if old == new:
        return []
    scope = old if scope is None else scope
    if not old.strip() or occurrences(scope, old) != 1:
        return None
    before, after = scope.split(old)  # the text around the unit's part that changes, kept as it is
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    if not old_tokens or not new_tokens:
        return None
    hunks = _hunks([t.text for t in old_tokens], [t.text for t in new_tokens])
    changes: list[WordChange] = []
    current = scope
    for i1, i2, j1, j2 in _widened(hunks, (old, old_tokens), (new, new_tokens), scope):
        old_words = old[old_tokens[i1].start:old_tokens[i2 - 1].end]
        new_words = new[new_tokens[j1].start:new_tokens[j2 - 1].end]
        if "\n" in old_words or "\n" in new_words or occurrences(current, old_words) != 1:
            return None
        changes.append(WordChange(old_words, new_words))
        current = current.replace(old_words, new_words, 1)
    if not changes or len(changes) > MAX_REPLACEMENTS or current != before + new + after:
        return None
    return changes


def _hunks(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """Token ranges that differ, near ones joined (``old[i1:i2]`` becomes ``new[j1:j2]``)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    hunks: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if hunks and i1 - hunks[-1][1] <= _JOIN_GAP and j1 - hunks[-1][3] <= _JOIN_GAP:
            hunks[-1][1], hunks[-1][3] = i2, j2
        else:
            hunks.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in hunks]


_MARKUP = frozenset({"#", "|"})


def _markup(tokens: list[_Token], i1: int, i2: int) -> bool:
    """A heading's "#" or a table's "|" among the tokens: Markdown, never quoted as words."""
    return any(token.text in _MARKUP for token in tokens[i1:i2])


def _has_word(tokens: list[_Token], i1: int, i2: int) -> bool:
    # A change of punctuation alone is quoted with the word it follows: „wyrazy „kropką.””, not „wyrazy „.””.
    return any(token.text[0].isalnum() or token.text[0] == "_" for token in tokens[i1:i2])


def _gap(text: str, tokens: list[_Token], index: int) -> str:
    """The spacing before token ``index`` (after the last token when ``index`` is past the end)."""
    start = tokens[index - 1].end if index > 0 else 0
    end = tokens[index].start if index < len(tokens) else len(text)
    return text[start:end]


def _widened(hunks: list[tuple[int, int, int, int]], old_side: tuple[str, list[_Token]],
             new_side: tuple[str, list[_Token]], scope: str) -> list[tuple[int, int, int, int]]:
    """Each hunk non-empty on both sides, with the same spacing around it in both texts, and its old words
    unique in ``scope``: widened over unchanged neighbours (both sides move together: the neighbours are
    equal tokens); a hunk that reaches the previous one is joined with it."""
    old, old_tokens = old_side
    new, new_tokens = new_side
    new_count = len(new_tokens)

    def settled(i1: int, i2: int, j1: int, j2: int) -> bool:
        return (i1 < i2 and j1 < j2 and not _markup(old_tokens, i1, i2) and not _markup(new_tokens, j1, j2) and _gap(old, old_tokens, i1) == _gap(new, new_tokens, j1)
                and _gap(old, old_tokens, i2) == _gap(new, new_tokens, j2)
                and _has_word(old_tokens, i1, i2)
                and occurrences(scope, old[old_tokens[i1].start:old_tokens[i2 - 1].end]) == 1)

    result: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in hunks:
        while True:
            if result and i1 <= result[-1][1]:
                p1, _, q1, _ = result.pop()
                i1, j1 = p1, q1
            if settled(i1, i2, j1, j2):
                break
            floor = result[-1][1] if result else 0
            can_right = i2 < len(old_tokens) and j2 < new_count
            # to the left first (the quoted words then start before the change, as read), but not over a
            # heading's "#" or a table's "|": those are not words of the text
            if i1 > floor and not (can_right and _markup(old_tokens, i1 - 1, i1)):
                i1, j1 = i1 - 1, j1 - 1
            elif can_right:
                i2, j2 = i2 + 1, j2 + 1
            elif result:
                i1 = result[-1][1]  # reaches the previous hunk: joined on the next round
                j1 = result[-1][3]
            else:
                return []  # the whole text is the change: no shorter words form
        result.append((i1, i2, j1, j2))
    return result
