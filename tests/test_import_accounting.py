"""The word accounting of an import (paldocs/importer/accounting.py): the word rule, the four counts, the build.

The sentences are from real published texts: the Bobrowniki resolution of tests/data/examples (source
address in tests/data/examples/README.md) and the corpus of tests/data/import_corpus (README.md there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO

from paldocs.api import to_document
from paldocs.errors import PaldocsError
from paldocs.importer.accounting import WordAccount, account, account_documents, built_text, words
from paldocs.importer.log import ImportLog
from paldocs.writers.text import to_text

EXAMPLE = REPO / "resolutions" / "examples" / "bobrowniki-2004-XI-60-2004.yaml"
EXAMPLE_TEXT = REPO / "tests" / "data" / "examples" / "bobrowniki-2004-XI-60-2004.txt"


def log_with(*entries: tuple[str, str, str]) -> ImportLog:
    log = ImportLog("test.txt")
    for kind, text, after in entries:
        if kind == "dropped":
            log.dropped(1, "numer strony", text)
        else:
            log.changed(1, "„roku” → „r.”", text, after)
    return log


def test_each_word_is_kept_dropped_changed_or_unaccounted() -> None:
    original = "Strona 1 Uchwała Nr XI/60/2004 z dnia 06 kwietnia 2004 roku w sprawie diet dla radnych"
    built = "Uchwała Nr XI/60/2004 z dnia 6 kwietnia 2004 r. w sprawie diet dla radnych"
    log = log_with(("dropped", "Strona 1", ""), ("changed", "roku", "r."))
    result = account(original, built, log)
    assert result == WordAccount(total=16, dropped=2, kept=12, changed=1, unaccounted=("06",))
    assert result.share == pytest.approx(12 / 14)


def test_unaccounted_words_keep_their_spelling_and_order() -> None:
    result = account("Rada Gminy Bobrowniki uchwala: UCHWALA", "Rada Bobrowniki", ImportLog("x"))
    assert result.unaccounted == ("Gminy", "uchwala:", "UCHWALA")
    assert (result.total, result.kept, result.dropped, result.changed) == (5, 2, 0, 0)


def test_multiset_each_built_word_accounts_for_one_original_word() -> None:
    result = account("Gminy Gminy Gminy", "Gminy", ImportLog("x"))
    assert (result.kept, result.unaccounted) == (1, ("Gminy", "Gminy"))
    assert account("Gminy Rady", "Rady Gminy", ImportLog("x")).unaccounted == ()  # order does not matter


def test_dropped_words_are_assigned_before_the_built_ones() -> None:
    """A page banner's "Rady Miejskiej" dropped on purpose is not counted as kept although the build prints it."""
    log = log_with(("dropped", "Rady Miejskiej", ""))
    result = account("Rady Miejskiej Uchwała Rady Miejskiej", "Uchwała Rady Miejskiej", log)
    assert (result.total, result.dropped, result.kept, result.unaccounted) == (5, 2, 3, ())
    assert result.share == 1.0


def test_log_words_not_in_the_original_count_for_nothing() -> None:
    result = account("w sprawie diet", "w sprawie diet", log_with(("dropped", "Metryka strony", "")))
    assert (result.dropped, result.kept) == (0, 3)


def test_folding_case_quotes_dashes_ellipsis_nbsp() -> None:
    assert words("„Gminny Program” — 2016–2020 Uchwała Nr …/…/…") == \
        words('"gminny program" - 2016-2020 UCHWAŁA nr .../.../...')
    assert words("z\u00a0dnia 8\u202fmarca") == ["z", "dnia", "8", "marca"]
    assert words("‘Wójt’ ‚x‟") == ['"wójt"', '"x"']


def test_markdown_markers_and_bullets_are_not_words() -> None:
    assert words("## **§ 1.** *Wójtowi* `Gminy`") == ["§", "1.", "wójtowi", "gminy"]
    assert words("- rady gminy\n– komisji\n• sesji ▪ x") == ["rady", "gminy", "komisji", "sesji", "x"]
    assert words("| Lp. | Zadanie |\n|---|:--:|\n> cytat") == ["lp.", "zadanie", "cytat"]
    assert words("1\\. Ustala się") == ["1.", "ustala", "się"]


def test_numbered_markers_and_a_lone_colon_are_words() -> None:
    assert words("1. a) W sprawie : diet") == ["1.", "a)", "w", "sprawie", ":", "diet"]


@pytest.mark.parametrize(("glued", "printed"), [
    ("§1.", "§ 1."), ("art.5", "art. 5"), ("art.18 ust.2 pkt15", "art. 18 ust. 2 pkt 15"),
    ("pkt.3", "pkt. 3"), ("Nr142, poz.1591", "Nr 142, poz. 1591"), ("**§2.**", "§ 2."),
])
def test_a_paragraph_sign_or_abbreviation_glued_to_a_number_is_two_words(glued: str, printed: str) -> None:
    assert words(glued) == words(printed)


def test_a_letter_after_an_abbreviation_is_not_split() -> None:
    assert words("lit.a) §a") == ["lit.a)", "§a"]


def test_built_text_is_the_text_paldocs_build_writes(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert built_text(data, base=EXAMPLE.parent) == to_text(to_document(EXAMPLE)[0])


def test_a_built_real_resolution_accounts_for_its_published_text() -> None:
    """The hand-written data of a real resolution, built, keep most words of the published text."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    original = EXAMPLE_TEXT.read_text(encoding="utf-8")
    result = account(original, built_text(data, base=EXAMPLE.parent), ImportLog(EXAMPLE_TEXT.name))
    assert result.total == len(words(original))
    assert result.share >= 0.85
    assert len(result.unaccounted) == result.total - result.kept
    assert "06" in result.unaccounted  # "06 kwietnia": paldocs prints the day without the leading zero


def test_relative_paths_resolve_against_base(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    profile = tmp_path / "gmina.yaml"
    profile.write_text(yaml.safe_dump(data["municipality"], allow_unicode=True), encoding="utf-8")
    data["municipality"] = Path("gmina.yaml")  # as an importer given --profile may hold it
    assert "Rady Gminy Bobrowniki" in built_text(data, base=tmp_path)
    with pytest.raises(PaldocsError):
        built_text(data, base=tmp_path / "elsewhere")


def test_invalid_data_raise_a_paldocs_error_not_a_traceback() -> None:
    with pytest.raises(PaldocsError):
        built_text({"document": "resolution", "resolution": {"kind": "nieznany"}}, base=REPO)


def test_documents_of_one_file_are_accounted_together_and_a_shared_log_once() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    original = EXAMPLE_TEXT.read_text(encoding="utf-8")
    log = log_with(("dropped", "U C H W A Ł A", ""))
    twice = account_documents(original + "\n" + original, [(data, log), (data, log)], base=EXAMPLE.parent)
    once = account(original, built_text(data, base=EXAMPLE.parent), log)
    assert (twice.total, twice.kept, twice.dropped) == (2 * once.total, 2 * once.kept, once.dropped)


def test_built_text_takes_data_as_an_importer_holds_them() -> None:
    """Tuples and paths (an importer's own values) build as the lists and texts a YAML file would hold."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["resolution"]["legal_basis"] = tuple(data["resolution"]["legal_basis"])
    data["municipality"] = {**data["municipality"], "layout": dict(data["municipality"]["layout"])}
    assert built_text(data, base=Path(EXAMPLE.parent)) == to_text(to_document(EXAMPLE)[0])


def test_a_repaired_line_s_untouched_words_are_kept_not_changed() -> None:
    """A repair logged for a whole line changes only the words it replaced ("z późń. zm." → "z późn. zm.")."""
    original = "(Dz. U. z 2001 r. Nr 142, poz. 1591 z późń. zm.)"
    built = "(Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)"
    log = ImportLog("x")
    log.changed(1, "literówka w adresie", original, built)
    result = account(original, built, log)
    assert (result.kept, result.changed, result.unaccounted) == (11, 1, ())


def test_mojibake_counted_against_the_true_text_is_kept_once_repaired() -> None:
    """A file read as mojibake and repaired: against the published text (the reference) every word is kept."""
    published = "Rada Gminy Mściwojów uchwala, co następuje:"
    read = published.encode("utf-8").decode("iso-8859-2")
    log = ImportLog("x")
    log.changed(1, "naprawiono kodowanie", read, published)
    result = account(published, published, log)
    assert (result.kept, result.changed, result.share) == (6, 0, 1.0)


def test_a_spacing_repair_changes_no_word() -> None:
    """Words run together on a BIP page (Mrocza, tests/data/import_corpus) split by the cleaner are kept words."""
    original = "Uchwała nr XLV/373/2018Rady Miejskiejz dnia 23 marca 2018w sprawie podziału"
    repaired = "Uchwała nr XLV/373/2018 Rady Miejskiej z dnia 23 marca 2018 w sprawie podziału"
    log = ImportLog("x")
    log.changed(1, "rozdzielono wyrazy zlepione bez spacji", original, repaired)
    result = account(original, repaired, log)
    assert (result.total, result.kept, result.changed, result.unaccounted) == (13, 13, 0, ())


def test_a_letter_spaced_word_joined_is_one_kept_word() -> None:
    log = ImportLog("x")
    log.changed(1, "połączono litery rozstrzelonego wyrazu", "U C H W A Ł A", "UCHWAŁA")
    result = account("U C H W A Ł A Nr XI/60/2004", "Uchwała Nr XI/60/2004", log)
    assert (result.total, result.kept, result.unaccounted) == (3, 3, ())


def test_a_spacing_repair_not_found_in_the_original_changes_nothing() -> None:
    log = ImportLog("x")
    log.changed(1, "rozdzielono wyrazy zlepione bez spacji", "2018w sprawie", "2018 w sprawie")
    assert account("w sprawie diet", "w sprawie diet", log).total == 3
