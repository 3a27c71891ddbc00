"""Word-for-word comparison of built documents with the seed documents in tests/data/seeds/.

The documented normalisation rule (applied to the seed and to every output alike):

1. Whitespace is layout, not content: every run of spaces, non-breaking spaces, tabs, line and page breaks
   separates words and nothing more (the Inowrocław seed is hard-wrapped with runs of spaces).
2. Markdown markers of the seed's conversion are not content: heading hashes, ``**`` / ``*`` emphasis
   markers and the two-space hard-break convention.
3. List and tiret markers that are only dashes or bullets ("-", "–", "•") are markers, not words (paldocs
   prints "–" where the conversion has "-"); numbered markers ("1.", "a)") are compared as words.
4. The scanned signature: the conversion shows a scanned signature as an italic name followed by the
   typed name (``*Rafał Rypina*`` then ``Rafał Rypina``); the italic duplicate is dropped.
5. In PDF text, a line holding only a page number (the footer) is dropped.

Everything else must match; what does not is reported as a list of differences, each
``{"seed": "...", "built": "..."}``, which the tests compare with the reviewed expected-differences files.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"  # see README.md there: origin and conversion
SEED_FILES = {
    "ketrzyn-2014-pal": SEEDS / "ketrzyn-2014-LXIV-400-14.txt",
    "inowroclaw-2009-pal": SEEDS / "inowroclaw-2009-XXXI-424-2009-zalacznik.txt",
}

_MARKER_ONLY = re.compile(r"^[-–—•]+$")
_ITALIC_LINE = re.compile(r"^\*([^*]+)\*\s*$")


def reviewed_differences(path: Path, *, imported: bool = False) -> list[dict[str, str]]:
    """The reviewed differences of a ``*.differences.yaml`` file as (seed, built) pairs. ``imported``: for a data file
    made by ``paldocs import`` from the seed, which keeps the council's typed addresses — the rows marked
    ``example_only`` (the hand-written example lets the acts catalog choose them) do not apply."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [{"seed": row["seed"], "built": row["built"]} for row in rows if not (imported and row.get("example_only"))]


def seed_words(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    kept: list[str] = []
    for index, line in enumerate(lines):
        italic = _ITALIC_LINE.match(line.strip())
        if italic:
            following = next((other.strip() for other in lines[index + 1:] if other.strip()), "")
            if following.strip("*") == italic.group(1).strip():
                continue  # rule 4: the scanned signature's italic duplicate
        line = re.sub(r"^\s*#+\s+", "", line)  # rule 2: heading markers
        line = line.replace("**", "").replace("*", "")  # rule 2: emphasis markers
        kept.append(line)
    return words("\n".join(kept))


def words(text: str) -> list[str]:
    """Rules 1 and 3 for any text: split on whitespace, drop dash/bullet-only tokens."""
    return [token for token in text.split() if not _MARKER_ONLY.match(token)]


def pdf_words(text: str) -> list[str]:
    """Rule 5 on pdftotext output, then :func:`words`."""
    return words("\n".join(line for line in text.splitlines() if not line.strip().isdigit()))


@dataclass(frozen=True)
class Comparison:
    seed_count: int
    built_count: int
    matched: int
    differences: list[dict[str, str]]

    @property
    def ratio(self) -> float:
        """Words of the seed found, in order, in the built document."""
        return self.matched / self.seed_count


def compare(seed: list[str], built: list[str]) -> Comparison:
    matcher = difflib.SequenceMatcher(None, seed, built, autojunk=False)
    differences = [
        {"seed": " ".join(seed[i1:i2]), "built": " ".join(built[j1:j2])}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return Comparison(len(seed), len(built), matched, differences)


def unaccounted_words(source_text: str, built: list[str], dropped: list[str],
                      reviewed: list[dict[str, str]]) -> list[str]:
    """"Nothing lost": the words of an imported input that are neither in the built document, nor in a reviewed
    deliberate difference, nor dropped on purpose by the importer (each dropped word accounts for one input word)."""
    built_set = set(built)
    reviewed_words = {word for row in reviewed for word in row["seed"].split()}
    remaining_dropped = list(dropped)
    unaccounted = []
    for word in words(source_text.replace("**", "").replace("*", "").replace("#", "")):
        if word in built_set or word in reviewed_words:
            continue
        if word in remaining_dropped:
            remaining_dropped.remove(word)
            continue
        unaccounted.append(word)
    return unaccounted


def extract_words(fmt: str, path: Path) -> list[str]:
    """The words a reader of each format sees: the text file, python-docx's paragraphs, pypdf's page text
    (footers dropped, rule 5), lxml's HTML body text with ``<br>`` as line breaks."""
    import docx  # the readers are imported here: the word rules above need none of them
    import lxml.html
    import pypdf

    if fmt == "txt":
        return words(path.read_text(encoding="utf-8"))
    if fmt == "docx":
        return words("\n".join(p.text for p in docx.Document(str(path)).paragraphs))
    if fmt == "pdf":
        return pdf_words("\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages))
    if fmt == "html":
        tree = lxml.html.fromstring(path.read_bytes())
        for line_break in tree.iter("br"):
            line_break.tail = "\n" + (line_break.tail or "")
        return words(tree.body.text_content())
    raise AssertionError(fmt)
