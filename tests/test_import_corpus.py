"""The import corpus (tests/data/import_corpus): every real text imports, builds, and keeps its words.

Each corpus item is a ``<name>.source.yaml`` with its document ``<name>.<txt|md|html|pdf|docx>`` (README.md there
describes the corpus and lists every item). For each item:

- :func:`paldocs.importer.api.import_documents` gives as many results as the record's ``documents:``, and each
  result's data build (:func:`paldocs.importer.accounting.built_text`);
- the word account of the file (:func:`paldocs.importer.accounting.account_documents`, the rule in that module's
  docstring) has no unaccounted word and a share of kept words ≥ 0.97; the original is the record's
  ``reference:`` text when it has one (an HTML/PDF/DOCX made from a published text), else the text the
  importer read (``ImportResult.original``), else the file's text;
- the log holds what the record's ``types`` imply (lightly: a Dziennik print drops its header, a draft is
  ``status: projekt``, …).

Over the corpus the mean share is ≥ 0.98. The corpus' records and README are checked too. benchmarks/import_corpus.py
prints the same measures as a table.
"""

from __future__ import annotations

import functools
import re
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from paldocs.errors import PaldocsError
from paldocs.importer.accounting import WordAccount, account_documents, built_text
from paldocs.importer.api import import_documents
from paldocs.importer.log import ImportLog

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "import_corpus"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx")
SHARE_EACH, SHARE_MEAN = 0.97, 0.98
TYPES = frozenset((
    "resolution", "resolution-with-annex", "annex-alone", "amending", "repealing", "report", "justification", "draft",
    "dziennik", "bip-page-chrome", "one-line", "run-together", "roku", "address-typos", "old-address", "footnotes",
    "e-document", "running-headers", "lost-paragraph-signs", "paragraph-number-own-line", "superscripts",
    "lost-digits", "mojibake", "hard-wrapped", "several-acts", "html", "pdf", "docx"))
SEED_MUNICIPALITIES = ("Kętrzyn", "Inowrocław")  # the seeds; the corpus holds other councils' texts


@dataclass(frozen=True)
class CorpusItem:
    name: str
    document: Path
    record: dict[str, Any]

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.record.get("types") or ())

    def original_text(self, read: str) -> str:
        """The text the words are counted from: the reference, else what the importer read, else the file."""
        if self.record.get("reference"):
            return (CORPUS / self.record["reference"]).read_text(encoding="utf-8")
        if read:
            return read
        return self.document.read_text(encoding="utf-8")


def corpus_items() -> list[CorpusItem]:
    items = []
    for record_path in sorted(CORPUS.glob("*.source.yaml")):
        name = record_path.name.removesuffix(".source.yaml")
        documents = [path for suffix in DOCUMENT_SUFFIXES if (path := CORPUS / f"{name}{suffix}").is_file()]
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
        items.append(CorpusItem(name, documents[0] if documents else CORPUS / f"{name}.txt", record))
    return items


@dataclass(frozen=True)
class Measure:
    """One item imported, built and accounted for; ``error`` says what failed first (then no account)."""

    item: CorpusItem
    results: tuple[Any, ...] = ()
    account: WordAccount | None = None
    error: str = ""
    import_ms: float = 0.0

    @property
    def logs(self) -> list[ImportLog]:
        return list({id(result.log): result.log for result in self.results}.values())

    def entries(self, kind: str) -> list[Any]:
        return [entry for log in self.logs for entry in log.of_kind(kind)]  # type: ignore[arg-type]


def _failure(error: Exception) -> str:
    """A refusal in its own (Polish) words; anything else is a bug, named by its type and where it was raised."""
    if isinstance(error, PaldocsError):
        return str(error)
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__}: {error} ({Path(frame.filename).name}:{frame.lineno})"


@functools.cache
def measure(name: str) -> Measure:
    item = next(item for item in corpus_items() if item.name == name)
    started = time.perf_counter()
    try:
        results = tuple(import_documents(item.document))
    except Exception as error:  # noqa: BLE001 — reported per file: one failing text must not hide the others
        return Measure(item, error=f"import: {_failure(error)}")
    elapsed = (time.perf_counter() - started) * 1000
    try:
        original = item.original_text(results[0].original if results else "")
        account = account_documents(original, [(result.data, result.log) for result in results],
                                    base=item.document.parent)
    except Exception as error:  # noqa: BLE001 — as above
        return Measure(item, results, error=f"build: {_failure(error)}", import_ms=elapsed)
    return Measure(item, results, account, import_ms=elapsed)


ITEMS = corpus_items()
NAMES = [item.name for item in ITEMS]


def describe(result: Measure) -> str:
    """The assertion message: what failed, or the account with every unaccounted word."""
    if result.error:
        return f"{result.item.document.name}: {result.error}"
    account = result.account
    assert account is not None
    words = " ".join(account.unaccounted[:80]) + (" …" if len(account.unaccounted) > 80 else "")
    return (f"{result.item.document.name}: share {account.share:.3f} (kept {account.kept} of {account.total} words, "
            f"{account.dropped} dropped, {account.changed} changed); {len(account.unaccounted)} unaccounted: {words}")


# Every fourth text in the fast loop (the corpus is ordered by source, so each kind of page is among them); all
# of them in slow runs.
@pytest.mark.parametrize("name", [name if index % 4 == 0 else pytest.param(name, marks=pytest.mark.slow)
                                  for index, name in enumerate(NAMES)])
def test_each_text_imports_builds_and_keeps_its_words(name: str) -> None:
    result = measure(name)
    assert not result.error, describe(result)
    assert len(result.results) == result.item.record["documents"], \
        f"{name}: {len(result.results)} documents imported, the record says {result.item.record['documents']}"
    assert result.account is not None
    assert result.account.unaccounted == (), describe(result)
    assert result.account.share >= SHARE_EACH, describe(result)


@pytest.mark.slow  # imports and builds the whole corpus (seconds)
def test_mean_share_over_the_corpus() -> None:
    measures = [measure(name) for name in NAMES]
    failed = [describe(result) for result in measures if result.account is None]
    assert not failed, "\n".join(failed)
    shares = [result.account.share for result in measures if result.account is not None]
    mean = sum(shares) / len(shares)
    print(f"mean share over {len(shares)} texts: {mean:.4f}")
    assert mean >= SHARE_MEAN, "\n".join(describe(result) for result in measures)


def _resolutions(result: Measure) -> list[dict[str, Any]]:
    return [result_.data.get("resolution") or {} for result_ in result.results]


def _dropped_mentions(result: Measure, *words: str) -> bool:
    return any(word.lower() in f"{entry.what} {entry.text}".lower() for entry in result.entries("dropped")
               for word in words)


# What a type implies in the import (lightly: the kind of log entry or data field, not its wording).
IMPLIED: dict[str, tuple[str, Callable[[Measure], bool]]] = {
    "dziennik": ("a dropped entry about the Dziennik Urzędowy print", lambda m: _dropped_mentions(m, "dziennik")),
    "e-document": ("a dropped e-document line (Id: … / Strona N)", lambda m: _dropped_mentions(m, "Id:", "Strona")),
    "bip-page-chrome": ("a dropped entry (page chrome)", lambda m: bool(m.entries("dropped"))),
    "draft": ("status: projekt", lambda m: any(r.get("status") == "projekt" for r in _resolutions(m))),
    "annex-alone": ("document: annex", lambda m: any(r.data.get("document") == "annex" for r in m.results)),
    "report": ("document: report", lambda m: any(r.data.get("document") == "report" for r in m.results)),
    "justification": ("resolution.justification",
                      lambda m: any(r.get("justification") for r in _resolutions(m))),
    "footnotes": ("resolution.footnotes", lambda m: any(r.get("footnotes") for r in _resolutions(m))),
    "mojibake": ("a changed entry (the repaired text)", lambda m: bool(m.entries("changed"))),
}
IMPLIED_CASES = [(item.name, kind) for item in ITEMS for kind in item.types if kind in IMPLIED]


@pytest.mark.parametrize(("name", "kind"), IMPLIED_CASES)
def test_the_log_shows_what_the_types_imply(name: str, kind: str) -> None:
    result = measure(name)
    assert not result.error, describe(result)
    what, check = IMPLIED[kind]
    summary = "".join(log.summary() for log in result.logs)
    assert check(result), f"{name} is tagged {kind}: expected {what}; the import log:\n{summary}"


# --- the corpus itself --------------------------------------------------------------------------------------

def test_the_corpus_is_large_and_varied_enough() -> None:
    own = [item for item in ITEMS if not item.name.startswith("b-")]
    assert len(own) >= 18
    years = {item.record["year"] for item in ITEMS}
    assert min(years) <= 2006 and max(years) >= 2022, sorted(years)
    covered = {kind for item in ITEMS for kind in item.types}
    for kind in ("resolution", "resolution-with-annex", "annex-alone", "draft", "dziennik", "one-line",
                 "run-together", "roku", "address-typos", "e-document", "lost-paragraph-signs", "bip-page-chrome"):
        assert kind in covered, kind


@pytest.mark.parametrize("name", NAMES)
def test_each_record_is_complete(name: str) -> None:
    item = next(item for item in ITEMS if item.name == name)
    record = item.record
    assert item.document.is_file(), f"{name}: no document file ({', '.join(DOCUMENT_SUFFIXES)})"
    for key in ("url", "municipality", "title", "year", "types", "documents"):
        assert record.get(key) not in (None, "", []), f"{name}: {key} missing"
    assert re.match(r"https?://", record["url"]), record["url"]
    assert 2005 <= record["year"] <= 2025, record["year"]
    assert set(item.types) <= TYPES, set(item.types) - TYPES
    assert isinstance(record["documents"], int) and record["documents"] >= 1
    assert not any(seed in record["municipality"] for seed in SEED_MUNICIPALITIES), record["municipality"]
    if item.document.suffix in (".html", ".pdf", ".docx") or record.get("made"):
        assert record.get("made"), f"{name}: a file not as published says how it was made (made:)"
    if record.get("reference"):
        assert (CORPUS / record["reference"]).is_file(), record["reference"]


def readme_rows() -> dict[str, str]:
    """README.md's table: file name → source address."""
    rows = {}
    for line in (CORPUS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) >= 6:
            rows[cells[0].strip("`")] = cells[-1]
    return rows


def test_the_readme_lists_every_item_and_only_them() -> None:
    listed = readme_rows()
    files = {item.document.name: item.record["url"] for item in ITEMS}
    missing = sorted(set(files) - set(listed))
    extra = sorted(set(listed) - set(files))
    assert not missing and not extra, (f"not in README.md: {missing}; listed but absent: {extra} "
                                       "(benchmarks/import_corpus.py --readme prints the table's rows)")
    wrong = {name: (listed[name], url) for name, url in files.items() if listed[name] != url}
    assert not wrong, wrong


def test_the_readme_says_why_copying_is_allowed() -> None:
    readme = " ".join((CORPUS / "README.md").read_text(encoding="utf-8").split())
    assert "art. 4 pkt 1" in readme and "o prawie autorskim i prawach pokrewnych" in readme


def _cell(text: str, size: int = 120) -> str:
    """``text`` fit for one Markdown table cell: one line, no pipes, at most ``size`` characters."""
    text = " ".join(text.replace("|", "/").split())
    return text if len(text) <= size else text[: size - 1] + "…"


def table_rows(measures: Sequence[Measure]) -> list[str]:
    """The Markdown rows of benchmarks/import_corpus.py's table (here so that the test and it measure alike)."""
    rows = []
    for result in measures:
        account = result.account
        counts: list[object] = ["—"] * 6 if account is None else [
            account.total, account.kept, account.dropped, account.changed, len(account.unaccounted),
            f"{account.share:.3f}"]
        cells = [f"`{result.item.document.name}`", ", ".join(result.item.types), *counts,
                 len(result.results) or "—", f"{result.import_ms:.0f}", _cell(result.error)]
        rows.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return rows


# Reasons under which whole lines of website text are dropped; the act's own text must never be among them.
_CHROME_REASONS = ("tekst strony BIP",)
_ACT_TEXT = re.compile(r"§\s*\d+\.?\s+\S|\bNa\s+podstawie\s+art\.|\buchwala\s+(?:się\s*)?,?\s*co\s+następuje",
                       re.IGNORECASE)


@pytest.mark.parametrize("name", NAMES)
def test_page_chrome_never_holds_the_act_itself(name: str) -> None:
    """The share is counted after dropped page chrome, so dropping the act as chrome would hide a loss: a line
    dropped as the website's text that holds a paragraf, a legal basis or the enacting formula is allowed only
    when the built document says the same words (a page title or teaser repeating the act's opening)."""
    result = measure(name)
    assert not result.error, describe(result)
    built = " ".join(built_text(r.data, base=result.item.document.parent) for r in result.results).casefold()
    built_words = set(built.split())
    for entry in result.entries("dropped"):
        if entry.what.startswith(_CHROME_REASONS) and _ACT_TEXT.search(entry.text):
            missing = [word for word in entry.text.casefold().split() if word not in built_words]
            assert len(missing) <= len(entry.text.split()) // 10, \
                f"{name}: line {entry.line} dropped as „{entry.what}” holds the act's text: {entry.text[:200]}"
