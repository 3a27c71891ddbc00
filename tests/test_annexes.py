"""Annexes: numbering and headers, § 1 agreeing with the adopted title, chapters, the bold title, PD033.

The data file tests/data/annexes/uchwala-z-zalacznikami.yaml holds a program and three further annexes (a
table with typed chapters, an SVG plan, an annex not reproduced); pictures and file security are in
tests/test_annex_files.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_harness import run_rule, run_rule_on
from conftest import TESTS

from paldocs.api import render, to_document
from paldocs.document import Div, Heading, Strong, inline_text, walk
from paldocs.errors import DataError
from paldocs.polish.agreement import COMMON_HEAD_NOUNS, _from_dictionary, _WORD, adopted_forms

SAMPLE = TESTS / "data" / "annexes" / "uchwala-z-zalacznikami.yaml"
BASE = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def write(tmp_path: Path, change: Any = None) -> Path:
    """The sample with ``change(data)`` applied, next to a copy of its plan."""
    data = copy.deepcopy(BASE)
    if change is not None:
        change(data)
    (tmp_path / "mapa.svg").write_bytes((SAMPLE.parent / "mapa.svg").read_bytes())
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def plain(text: object) -> str:
    """Printed text (the writers give bytes) with the non-breaking spaces of Polish typography as spaces."""
    return (text.decode("utf-8") if isinstance(text, bytes) else str(text)).replace("\xa0", " ")


def headers(document: Any) -> list[str]:
    return [plain(inline_text([c for p in b.children for c in p.children]).split("\n")[0])  # type: ignore[union-attr]
            for part in document.parts for b in part.blocks if isinstance(b, Div) and b.role == "annex-header"]


def first_paragraf(document: Any) -> str:
    return plain(render(document, "txt")).split("§ 1. ", 1)[1].split("\n", 1)[0]


def test_every_annex_is_a_part_with_a_numbered_header() -> None:
    document, _ = to_document(SAMPLE)
    annexes = [part for part in document.parts if part.kind == "annex"]
    assert [part.label for part in annexes] == [f"Załącznik nr {n}" for n in (1, 2, 3, 4)]
    assert all(part.page_numbers for part in annexes)  # each counts its own pages from 1
    assert headers(document) == [f"Załącznik Nr {n} do Uchwały Nr XII/85/2024" for n in (1, 2, 3, 4)]
    assert first_paragraf(document) == ("Przyjmuje się „Strategię Rozwiązywania Problemów Społecznych Gminy Ostróda "
                                        "na lata 2025–2030”, stanowiącą załącznik nr 1 do niniejszej uchwały.")


def test_a_single_annex_has_no_number(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, lambda d: d.pop("annexes")))
    assert headers(document) == ["Załącznik do Uchwały Nr XII/85/2024"]
    assert first_paragraf(document).endswith("stanowiącą załącznik do niniejszej uchwały.")
    document, _ = to_document(write(tmp_path, lambda d: (d.pop("program"), d["annexes"].__delitem__(slice(1, None)),
                                                         d["resolution"].update(kind="generic", subject="w sprawie zadań",
                                                                                provisions=["Ustala się wykaz zadań."]))))
    assert headers(document) == ["Załącznik do Uchwały Nr XII/85/2024"]
    assert [p.label for p in document.parts if p.kind == "annex"] == ["Załącznik"]


def test_uppercase_headers_keep_the_number(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, lambda d: d["municipality"].update(layout={"annex_header_uppercase": True})))
    assert headers(document)[1] == "ZAŁĄCZNIK NR 2 DO UCHWAŁY NR XII/85/2024"


def test_not_reproduced_annex_prints_header_title_and_note(tmp_path: Path) -> None:
    text = plain(render(to_document(SAMPLE)[0], "txt"))
    assert text.rstrip().endswith("Regulamin konkursu\n\nZałącznik nie został odtworzony w niniejszym dokumencie.")
    document, _ = to_document(write(tmp_path, lambda d: d["annexes"][2].update(note="Do wglądu w Urzędzie Gminy.")))
    assert plain(render(document, "txt")).rstrip().endswith("Do wglądu w Urzędzie Gminy.")


@pytest.mark.parametrize(("annex", "message"), [
    ({"title": "X"}, "załącznik ma jedną treść"),
    ({"title": "X", "content": "a", "file": "mapa.svg"}, "załącznik ma jedną treść"),
    ({"title": "X", "reproduced": False, "content": "a"}, "usuń pole „content”"),
    ({"title": "X", "content": "a", "note": "b"}, "tylko załącznika nieodtworzonego"),
])
def test_an_annex_has_exactly_one_body(tmp_path: Path, annex: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError, match=message) as error:
        to_document(write(tmp_path, lambda d: d.update(annexes=[annex])))
    assert error.value.location is not None and error.value.location.path == "annexes[0]"


# --- agreement of § 1 with the adopted document's noun --------------------------------------------------------

@pytest.mark.parametrize(("title", "accusative", "participle"), [
    ("Program Aktywności Lokalnej na lata 2014–2020", "Program Aktywności Lokalnej na lata 2014–2020", "stanowiący"),
    ("Strategia Rozwiązywania Problemów Społecznych", "Strategię Rozwiązywania Problemów Społecznych", "stanowiącą"),
    ("Gminna Strategia Rozwiązywania Problemów", "Gminną Strategię Rozwiązywania Problemów", "stanowiącą"),
    ("Polityka senioralna Gminy X", "Politykę senioralną Gminy X", "stanowiącą"),
    ("Zasady udzielania dotacji", "Zasady udzielania dotacji", "stanowiące"),
    ("Studium uwarunkowań", "Studium uwarunkowań", "stanowiące"),
    ("Gminny Program Wspierania Rodziny", "Gminny Program Wspierania Rodziny", "stanowiący"),
    ("Wieloletni program współpracy", "Wieloletni program współpracy", "stanowiący"),
    ("Regulamin utrzymania czystości", "Regulamin utrzymania czystości", "stanowiący"),
    ("Instrukcja kancelaryjna", "Instrukcję kancelaryjną", "stanowiącą"),
])
def test_participle_and_accusative_agree_with_the_head_noun(title: str, accusative: str, participle: str) -> None:
    pytest.importorskip("morfeusz2")
    forms = adopted_forms(title, field="program")
    assert (forms.accusative, forms.participle, forms.note) == (accusative, participle, "")


@pytest.mark.parametrize("noun", sorted(COMMON_HEAD_NOUNS))
def test_the_table_of_common_head_nouns_is_what_morfeusz_says(noun: str) -> None:
    pytest.importorskip("morfeusz2")
    title = noun.capitalize() + " Gminy"
    by_dictionary = _from_dictionary(title, list(_WORD.finditer(title)), field="program", gender=None,
                                     accusative=None, where=None)
    assert by_dictionary == adopted_forms(title, field="program")


def test_the_data_win_over_the_dictionary() -> None:
    forms = adopted_forms("Strategia X", field="program", gender="ż", accusative="Strategię X")
    assert (forms.accusative, forms.participle) == ("Strategię X", "stanowiącą")
    assert adopted_forms("Zasady", field="program", gender="mnoga", accusative="Zasady").participle == "stanowiące"


def test_a_title_without_a_known_noun_keeps_the_masculine_and_says_which_field_to_fill(tmp_path: Path) -> None:
    pytest.importorskip("morfeusz2")
    forms = adopted_forms("GPPiRPA 2025", field="program")
    assert (forms.accusative, forms.participle) == ("GPPiRPA 2025", "stanowiący")
    assert "program.title_gender" in forms.note
    _, notes = to_document(write(tmp_path, lambda d: d["program"].update(title="GPPiRPA 2025")))
    assert any("program.title_gender" in note and "program.title" in note for note in notes)


def test_title_overrides_in_the_data_are_printed(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, lambda d: d["program"].update(
        title="GPPiRPA 2025", title_gender="ż", title_accusative="Gminną Strategię 2025")))
    assert first_paragraf(document).startswith("Przyjmuje się „Gminną Strategię 2025”, stanowiącą załącznik nr 1")


def test_the_adoption_override_replaces_paragraph_1(tmp_path: Path) -> None:
    """The kind's template prints ``adoption`` (the data's whole § 1) when the context has it."""
    templates = tmp_path / "szablony"
    templates.mkdir()
    source = (TESTS.parent / "templates" / "kind-adopt-program.md.j2").read_text(encoding="utf-8")
    (templates / "kind-adopt-program.md.j2").write_text(
        '{% set adoption = "Przyjmuje się Strategię, stanowiącą załącznik nr 1 do niniejszej uchwały." %}\n' + source,
        encoding="utf-8")
    document, _ = to_document(write(tmp_path), templates=templates)
    assert first_paragraf(document) == "Przyjmuje się Strategię, stanowiącą załącznik nr 1 do niniejszej uchwały."


# --- chapters and the bold title ---------------------------------------------------------------------------

def chapter_headings(document: Any) -> list[tuple[str, str]]:
    return [(node.label, plain(inline_text(node.children))) for node in walk(document)
            if isinstance(node, Heading) and node.is_chapter]


def test_chapters_print_above_their_titles_in_every_format() -> None:
    document, _ = to_document(SAMPLE)
    assert chapter_headings(document) == [("Rozdział 1.", "Wstęp"), ("Rozdział 2.", "Cele"),  # numbered by paldocs
                                          ("Rozdział 1.", "Zadania na lata 2025–2027"),  # typed in the Markdown
                                          ("Rozdział 2.", "Zadania na lata 2028–2030")]  # typed, title below
    assert "Rozdział 1.\nWstęp\n" in plain(render(document, "txt"))
    assert '<h1 class="chapter"><span class="num">Rozdział 1.</span><br>Wstęp</h1>' in plain(render(document, "html"))


def test_chapters_are_centred_in_the_docx() -> None:
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = docx.Document(io.BytesIO(render(to_document(SAMPLE)[0], "docx")))  # type: ignore[arg-type]
    chapters = [p for p in word.paragraphs if p.text.startswith("Rozdział ")]
    assert [p.text for p in chapters][:2] == ["Rozdział 1.\nWstęp", "Rozdział 2.\nCele"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER and p.style.name == "Heading 1" for p in chapters)


def test_a_typed_chapter_number_with_numbering_by_paldocs_is_an_error(tmp_path: Path) -> None:
    from paldocs.errors import MarkupError

    with pytest.raises(MarkupError, match="Numery rozdziałów nadaje paldocs"):
        to_document(write(tmp_path, lambda d: d["annexes"][0].update(section_numbering="chapter")))


def test_roman_chapters(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, lambda d: d["program"].update(section_numbering="chapter-roman")))
    assert chapter_headings(document)[:2] == [("Rozdział I.", "Wstęp"), ("Rozdział II.", "Cele")]


def test_a_bold_title_makes_every_line_of_the_display_title_bold(tmp_path: Path) -> None:
    def bold(data: dict[str, Any]) -> None:
        data["program"].update(display_title="**P R O G R A M**\nna lata 2025–2030", title_style="bold")

    document, _ = to_document(write(tmp_path, bold))
    title = next(b for b in document.parts[1].blocks if isinstance(b, Div) and b.role == "program-title")
    runs = title.children[0].children  # type: ignore[union-attr]
    assert [plain(inline_text(r.children)) for r in runs if isinstance(r, Strong)] == ["P R O G R A M", "na lata 2025–2030"]


# --- PD033: how provisions designate annexes ---------------------------------------------------------------

def test_a_single_annex_referred_to_by_number_is_reported(tmp_path: Path) -> None:
    [finding] = run_rule(tmp_path, "PD033", {"resolution": {"provisions": [
        "Szczegóły określa załącznik nr 1 do niniejszej uchwały."]}})
    assert (finding.severity, finding.unit, finding.location.path) == ("warning", "§ 2", "resolution.provisions[0]")
    assert "jedyny załącznik" in finding.message


def test_an_unnumbered_reference_among_several_annexes_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["resolution"].update(provisions=[
        "Wykaz zadań stanowi załącznik do niniejszej uchwały.", "Mapę zawiera załącznik nr 3 do niniejszej uchwały.",
        "Regulamin stanowi załącznik nr 4 do niniejszej uchwały, zgodny z załącznikiem do uchwały Nr X/1/2020."]))
    [finding] = run_rule_on(path, "PD033")
    assert finding.unit == "§ 2" and "uchwała ma załączników: 4" in finding.message
    assert run_rule_on(path, "PD027")[0].message.startswith("załącznik nr 2 nie jest powołany")


def test_the_sample_is_clean_for_annex_rules() -> None:
    assert run_rule_on(SAMPLE, "PD033") == [] and run_rule_on(SAMPLE, "PD027") == []
    assert run_rule_on(SAMPLE, "PD028") == []


def test_goldens_of_the_sample(golden) -> None:  # type: ignore[no-untyped-def]
    """The composed Markdown, the IR, the DOCX text and the text version of a resolution with four annexes."""
    from docx_dump import docx_text_dump
    from ir_dump import dump_document

    from paldocs.compose import compose
    from paldocs.model.load import load_source

    source = "tests/data/annexes/uchwala-z-zalacznikami.yaml"
    loaded = load_source(SAMPLE)
    golden("annexes-sample.md", compose(loaded.data, file=str(SAMPLE), locate=loaded.locate).dump())
    document = to_document(SAMPLE, source=source)[0]
    golden("annexes-sample.ir.txt", dump_document(document))
    golden("annexes-sample.docx.txt", docx_text_dump(render(document, "docx")))  # type: ignore[arg-type]
    golden("annexes-sample.txt", plain(render(document, "txt")))


class _AmbiguousDictionary:
    """A dictionary that reads "Rejestrum" as a feminine and as a masculine noun (as SGJP does for a few words:
    the participle cannot be chosen)."""

    def analyse(self, word: str) -> list[tuple[int, int, tuple[str, str, str, list[str], list[str]]]]:
        if word.lower() != "rejestrum":
            return []
        return [(0, 1, (word, "rejestrum", tag, ["nazwa_pospolita"], [])) for tag in ("subst:sg:nom:f", "subst:sg:nom.acc:m3")]


def test_an_ambiguous_noun_is_an_error_naming_the_field_to_fill(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.polish import inflection

    monkeypatch.setattr(inflection, "morfeusz", _AmbiguousDictionary)
    with pytest.raises(DataError, match=r"kilka rodzajów lub liczb \(sg:f, sg:m3\) — podaj pole program\.title_gender") \
            as error:
        to_document(write(tmp_path, lambda d: d["program"].update(title="Rejestrum zadań Gminy Ostróda")))
    assert error.value.location is not None and error.value.location.path == "program.title"
    document, _ = to_document(write(tmp_path, lambda d: d["program"].update(title="Rejestrum zadań Gminy Ostróda",
                                                                            title_gender="m")))
    assert first_paragraf(document).startswith("Przyjmuje się „Rejestrum zadań Gminy Ostróda”, stanowiący załącznik nr 1")


def test_archaic_and_acronym_readings_give_way() -> None:
    """SGJP also reads "dzień" as an archaic feminine and "PKB" as an indeclinable acronym of several genders."""
    pytest.importorskip("morfeusz2")
    assert adopted_forms("Dzień Seniora", field="program").participle == "stanowiący"
    forms = adopted_forms("PKB gminy", field="program")
    assert forms.participle == "stanowiący" and "program.title_gender" in forms.note


def test_a_word_without_an_unambiguous_accusative_keeps_the_title_and_says_so() -> None:
    pytest.importorskip("morfeusz2")
    forms = adopted_forms("Twe strategia", field="program")  # "twe" is plural: it agrees with no feminine singular
    assert forms.accusative == "Twe strategia" and "program.title_accusative" in forms.note
