"""Comparison tables ("dotychczasowe brzmienie | nowe brzmienie"): the Inserted/Deleted marks in every writer, the
word marks, the pairing of units, the table and document, and ``paldocs compare``."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from ir_samples import para
from paldocs.amendments.compare import (COLUMNS, NO_UNIT, REPEALED, comparison_document, comparison_table, compare,
                                   marked_wordings, same_act_conflict, table_of)
from paldocs.amendments.compare_units import ComparedUnit, compared_units
from paldocs.api import load, to_document
from paldocs.cli import main
from paldocs.document import (Deleted, Document, Heading, Inserted, LineBreak, ListBlock, ListItem, Meta, Paragraph,
                              Part, Table, Text, Unit, inline_text, walk)
from paldocs.errors import DataError
from paldocs.writers.docx import to_docx
from paldocs.writers.html import to_html
from paldocs.writers.text import to_text

REPO = Path(__file__).resolve().parent.parent
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
NBSP = "\u00a0"


def marked_document() -> Document:
    paragraph = para("Wykonanie uchwały powierza się ", Deleted((Text("Wójtowi"),)), " ",
                     Inserted((Text("Burmistrzowi"),)), ".")
    return Document(Meta(title="Zestawienie"), [Part("justification", [paragraph])])


# --- the IR nodes and the writers ---------------------------------------------------------------------------


def test_marked_words_are_inline_nodes_walked_and_read_as_text() -> None:
    document = marked_document()
    assert [type(node).__name__ for node in walk(document) if isinstance(node, (Inserted, Deleted))] == [
        "Deleted", "Inserted"]
    assert inline_text(document.parts[0].blocks[0].children) == "Wykonanie uchwały powierza się Wójtowi Burmistrzowi."


def test_text_marks_inserted_and_deleted_words_with_wdiff_brackets() -> None:
    assert to_text(marked_document()) == "Wykonanie uchwały powierza się [-Wójtowi-] [+Burmistrzowi+].\n"


def test_html_marks_them_ins_and_del() -> None:
    assert "<p>Wykonanie uchwały powierza się <del>Wójtowi</del> <ins>Burmistrzowi</ins>.</p>" in to_html(
        marked_document(), standalone=False)


def test_print_css_sets_ins_bold_and_del_struck_through() -> None:
    css = (REPO / "templates" / "print.css").read_text(encoding="utf-8")
    ins, dele = css.split("\nins {", 1)[1].split("}", 1)[0], css.split("\ndel {", 1)[1].split("}", 1)[0]
    assert "font-weight: bold" in ins and "text-decoration: none" in ins
    assert "text-decoration: line-through" in dele


def test_docx_runs_are_bold_for_inserted_and_struck_through_for_deleted() -> None:
    paragraph = docx.Document(io.BytesIO(to_docx(marked_document()))).paragraphs[-1]
    runs = [(run.text, bool(run.bold), bool(run.font.strike)) for run in paragraph.runs]
    assert runs == [("Wykonanie uchwały powierza się ", False, False), ("Wójtowi", False, True), (" ", False, False),
                    ("Burmistrzowi", True, False), (".", False, False)]


@pytest.mark.slow
def test_pdf_lays_out_inserted_bold_and_deleted_struck_through() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    html = to_html(marked_document(), notes="page")
    page = weasyprint.HTML(string=html).render().pages[0]

    def styles(box, found):  # type: ignore[no-untyped-def]
        if getattr(box, "text", None) in ("Wójtowi", "Burmistrzowi"):
            found[box.text] = (box.style["font_weight"], box.style["text_decoration_line"])
        for child in getattr(box, "children", ()):
            styles(child, found)
        return found

    found = styles(page._page_box, {})
    assert found["Burmistrzowi"][0] == 700 and found["Burmistrzowi"][1] in ("none", frozenset(), set())
    assert found["Wójtowi"][0] == 400 and "line-through" in found["Wójtowi"][1]


# --- word marks ---------------------------------------------------------------------------------------------


def shown(inlines: list) -> str:  # type: ignore[type-arg]
    """Inlines in the text writer's notation."""
    out = ""
    for node in inlines:
        if isinstance(node, Inserted):
            out += f"[+{shown(list(node.children))}+]"
        elif isinstance(node, Deleted):
            out += f"[-{shown(list(node.children))}-]"
        elif isinstance(node, LineBreak):
            out += "⏎"
        else:
            out += node.text
    return out


@pytest.mark.parametrize(("old", "new", "old_marked", "new_marked"), [
    # words added before the full stop: the words are marked, not "wrażliwych." as a new word
    (["5. Poprawa jakości życia grup wrażliwych."], ["5. Poprawa jakości życia grup szczególnie wrażliwych."],
     "5. Poprawa jakości życia grup wrażliwych.", "5. Poprawa jakości życia grup [+szczególnie+] wrażliwych."),
    # a word replaced: struck on the old side, bold on the new; the spaces around stay unmarked
    (["Wykonanie uchwały powierza się Wójtowi Gminy."], ["Wykonanie uchwały powierza się Burmistrzowi Gminy."],
     "Wykonanie uchwały powierza się [-Wójtowi-] Gminy.", "Wykonanie uchwały powierza się [+Burmistrzowi+] Gminy."),
    # words dropped at the end of a sentence
    (["Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu."], ["Uchwała wchodzi w życie z dniem podjęcia."],
     "Uchwała wchodzi w życie z dniem podjęcia [-i podlega ogłoszeniu-].", "Uchwała wchodzi w życie z dniem podjęcia."),
    # typography is no change: a non-breaking space where a space was
    ([f"w Kętrzynie i ich rodzin"], [f"w{NBSP}Kętrzynie i{NBSP}ich rodzin"],
     "w Kętrzynie i ich rodzin", f"w{NBSP}Kętrzynie i{NBSP}ich rodzin"),
    # lines stay lines; a change on the second line marks only that line
    (["§ 2. 1. Program obejmuje:", "1) szkolenia;"], ["§ 2. 1. Program obejmuje:", "1) szkolenia i warsztaty;"],
     "§ 2. 1. Program obejmuje:⏎1) szkolenia;", "§ 2. 1. Program obejmuje:⏎1) szkolenia [+i warsztaty+];"),
    # amounts: a number is one word
    (["kwota 12 000 zł"], ["kwota 15 000 zł"], "kwota [-12-] 000 zł", "kwota [+15+] 000 zł"),
])
def test_marked_wordings(old: list[str], new: list[str], old_marked: str, new_marked: str) -> None:
    old_inlines, new_inlines = marked_wordings(old, new)
    assert (shown(old_inlines), shown(new_inlines)) == (old_marked, new_marked)


def test_marks_never_swallow_a_line_break() -> None:
    _, new = marked_wordings(["a"], ["a", "nowy wiersz", "i drugi"])
    assert shown(new) == "a⏎[+nowy wiersz+]⏎[+i drugi+]"


# --- the table ----------------------------------------------------------------------------------------------


def test_table_header_numbers_and_whole_units_added_or_dropped() -> None:
    table = table_of([ComparedUnit("§ 2", ("§ 2. Stary tekst.",), ("§ 2. Nowy tekst.",)),
                      ComparedUnit("§ 4a", None, ("§ 4a. Dodany.",)),
                      ComparedUnit("§ 5", ("§ 5. Uchylany.",), None)])
    assert [inline_text(cell.children) for cell in table.header[0]] == list(COLUMNS)
    assert [[shown(cell.children) for cell in row] for row in table.rows] == [
        ["1.", f"§{NBSP}2", "§ 2. [-Stary-] tekst.", "§ 2. [+Nowy+] tekst."],
        ["2.", f"§{NBSP}4a", NO_UNIT, "[+§ 4a. Dodany.+]"],
        ["3.", f"§{NBSP}5", "[-§ 5. Uchylany.-]", REPEALED],
    ]
    assert [cell.align for cell in table.rows[0]] == ["right", "left", "left", "left"]


# --- pairing units ------------------------------------------------------------------------------------------


def paragraf(num: str, *children: Unit | Paragraph) -> Unit:
    return Unit("paragraf", list(children), num=num, address=f"par_{num}")


def ustep(par: str, num: str, text: str) -> Unit:
    return Unit("ustep", [para(text)], num=num, address=f"par_{par}__ust_{num}")


def act(*paragrafy: Unit, annex: list | None = None) -> Document:  # type: ignore[type-arg]
    parts = [Part("resolution", list(paragrafy))]
    if annex is not None:
        parts.append(Part("annex", annex, page_numbers=True))
    return Document(Meta(title="Uchwała Nr I/1/24 Rady Gminy Próbnej z dnia 1 lutego 2024 r."), parts)


def test_the_smallest_changed_unit_is_compared() -> None:
    old = act(paragraf("1", para("Przyjmuje się program.")),
              paragraf("2", ustep("2", "1", "Program obejmuje gminę."), ustep("2", "2", "Program trwa rok.")))
    new = act(paragraf("1", para("Przyjmuje się program.")),
              paragraf("2", ustep("2", "1", "Program obejmuje gminę."), ustep("2", "2", "Program trwa dwa lata.")))
    assert list(compared_units(old, new)) == [ComparedUnit("§ 2 ust. 2", ("2. Program trwa rok.",),
                                                           ("2. Program trwa dwa lata.",))]


def test_a_paragraf_added_in_the_middle_does_not_change_the_ones_after_it() -> None:
    old = act(paragraf("1", para("Przyjmuje się program.")), paragraf("2", para("Wykonanie powierza się Wójtowi.")),
              paragraf("3", para("Uchwała wchodzi w życie z dniem podjęcia.")))
    new = act(paragraf("1", para("Przyjmuje się program.")), paragraf("2", para("Program finansuje gmina.")),
              paragraf("3", para("Wykonanie powierza się Wójtowi.")),
              paragraf("4", para("Uchwała wchodzi w życie z dniem podjęcia.")))
    assert list(compared_units(old, new)) == [ComparedUnit("§ 2", None, (f"§{NBSP}2. Program finansuje gmina.",))]


def test_a_paragraf_dropped_is_compared_with_nothing() -> None:
    old = act(paragraf("1", para("Pierwszy.")), paragraf("2", para("Drugi.")))
    new = act(paragraf("1", para("Pierwszy.")))
    assert list(compared_units(old, new)) == [ComparedUnit("§ 2", (f"§{NBSP}2. Drugi.",), None)]


def chapter(num: str, title: str, *items: str) -> list:  # type: ignore[type-arg]
    listed = ListBlock("numbered-paren", [ListItem(f"{i})", [para(text)]) for i, text in enumerate(items, 1)])
    return [Heading(1, [Text(title)], num=num, num_style="roman-dot"), listed]


def test_annex_items_are_compared_one_by_one_and_a_changed_title_alone() -> None:
    old = act(paragraf("1", para("Przyjmuje się program.")),
              annex=[*chapter("I", "Cele", "cel pierwszy;", "cel drugi."), *chapter("II", "Działania", "szkolenia.")])
    new = act(paragraf("1", para("Przyjmuje się program.")),
              annex=[*chapter("I", "Cele", "cel pierwszy;", "cel drugi i trzeci."),
                     *chapter("II", "Działania programu", "szkolenia.")])
    assert list(compared_units(old, new)) == [
        ComparedUnit("załącznik rozdział I pkt 2", ("2) cel drugi.",), ("2) cel drugi i trzeci.",)),
        ComparedUnit("załącznik rozdział II", ("II. Działania",), ("II. Działania programu",)),
    ]


def test_a_changed_paragraph_of_a_section_compares_its_title_and_text_and_subsections_are_cited() -> None:
    def annex(text: str, item: str) -> list:  # type: ignore[type-arg]
        return [*chapter("I", "Cele", "cel pierwszy."), para(text), Heading(2, [Text("Zadania")]),
                ListBlock("numbered-paren", [ListItem("1)", [para(item)])])]

    old = act(paragraf("1", para("Przyjmuje się program.")), annex=annex("Cele realizuje gmina.", "szkolenia."))
    new = act(paragraf("1", para("Przyjmuje się program.")), annex=annex("Cele realizuje powiat.", "warsztaty."))
    assert list(compared_units(old, new)) == [
        ComparedUnit("załącznik rozdział I", ("I. Cele", "1) cel pierwszy.", "Cele realizuje gmina."),
                     ("I. Cele", "1) cel pierwszy.", "Cele realizuje powiat.")),
        ComparedUnit("załącznik rozdział I podrozdział 1 pkt 1", ("1) szkolenia.",), ("1) warsztaty.",)),
    ]


def test_tirets_are_cited_by_their_ordinal() -> None:
    def par(text: str) -> Unit:
        tirets = [Unit("tiret", [para("pierwsze;")], num="1", address="par_1__tir_1"),
                  Unit("tiret", [para(text)], num="2", address="par_1__tir_2")]
        return paragraf("1", para("Obejmuje:"), *tirets)

    assert [unit.unit for unit in compared_units(act(par("drugie.")), act(par("drugie i trzecie.")))] == [
        "§ 1 tiret drugie"]


# --- data files, the document and the command ----------------------------------------------------------------


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The Kętrzyn programme (old) and a new version: a paragraf added before the executor's, a goal reworded,
    an activity added, a section's heading changed."""
    folder = tmp_path_factory.mktemp("wersje")
    shutil.copytree(REPO / "resolutions" / "profiles", folder / "profiles")
    text = KETRZYN.read_text(encoding="utf-8")
    old, new = folder / "stara.yaml", folder / "nowa.yaml"
    old.write_text(text, encoding="utf-8")
    changed = text.replace("{id: cel-5, text: Poprawa jakości życia grup wrażliwych.}",
                           "{id: cel-5, text: Poprawa jakości życia grup szczególnie wrażliwych i ich rodzin.}")
    changed = changed.replace("        - {id: kierunek-2,",
                              "        - {id: kierunek-1a, text: Prowadzenie klubu integracji społecznej.}\n"
                              "        - {id: kierunek-2,")
    changed = changed.replace("heading: Adresaci Programu", "heading: Adresaci i partnerzy Programu")
    changed = changed.replace("  signatory:\n", "  provisions:\n    - Program finansuje się z budżetu Miasta Kętrzyn.\n"
                              "  signatory:\n", 1)
    assert changed.count("klubu integracji") == 1 and "szczególnie wrażliwych" in changed
    assert "Adresaci i partnerzy" in changed and "budżetu Miasta" in changed
    new.write_text(changed, encoding="utf-8")
    return old, new


def test_comparison_document_of_two_data_files(versions: tuple[Path, Path], golden) -> None:  # type: ignore[no-untyped-def]
    document = comparison_document(load(versions[0]), load(versions[1]))
    assert document.meta.title == ("Zestawienie zmian w uchwale Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia "
                                   "29 kwietnia 2014 r.")
    assert document.meta.number is None  # the comparison is not the resolution
    golden("compare-ketrzyn.txt", to_text(document))


def test_comparison_table_for_the_justification(versions: tuple[Path, Path]) -> None:
    old, new = (to_document(path)[0] for path in versions)
    table = comparison_table(old, new)
    assert isinstance(table, Table)
    assert [inline_text(row[1].children) for row in table.rows] == [
        f"§{NBSP}2", f"załącznik rozdział 2 podrozdział 1 pkt{NBSP}5", f"załącznik rozdział 2 podrozdział 2 pkt{NBSP}2",
        "załącznik rozdział 3"]


def test_no_difference_is_a_data_error(versions: tuple[Path, Path]) -> None:
    data = load(versions[0])
    with pytest.raises(DataError, match="nie różni się"):
        comparison_table(data, data)


def test_versions_of_different_resolutions_conflict(versions: tuple[Path, Path]) -> None:
    old = load(versions[0])
    other = old.model_copy(update={"resolution": old.resolution.model_copy(update={"date": old.resolution.date.replace(day=30)})})
    assert same_act_conflict(old, old) is None
    assert "różne (29.04.2014 i 30.04.2014)" in (same_act_conflict(old, other) or "")


def test_library_compare_writes_every_format(versions: tuple[Path, Path], tmp_path: Path) -> None:
    written = compare(*versions, formats=["txt", "html", "docx"], out_dir=tmp_path)
    assert [path.name for path in written] == ["nowa-zestawienie-zmian.txt", "nowa-zestawienie-zmian.html",
                                               "nowa-zestawienie-zmian.docx"]
    assert "<ins>szczególnie</ins>" in (tmp_path / "nowa-zestawienie-zmian.html").read_text(encoding="utf-8")
    cells = docx.Document(str(tmp_path / "nowa-zestawienie-zmian.docx")).tables[0].rows[2].cells
    assert [run.text for run in cells[3].paragraphs[0].runs if run.bold] == ["szczególnie", "i\u00a0ich rodzin"]


def test_cli_compare(versions: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", *map(str, versions), "-f", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "nowa-zestawienie-zmian.txt")


@pytest.mark.parametrize(("edit", "message"), [
    (lambda text: text, "nie różni się od dotychczasowej"),
    (lambda text: text.replace("number: LXIV/400/14", "number: LXIV/401/14"), "to nie jest ta sama uchwała"),
])
def test_cli_bad_pairs_exit_2_with_one_located_message(versions: tuple[Path, Path], tmp_path: Path, edit,  # type: ignore[no-untyped-def]
                                                       message: str) -> None:
    other = versions[0].parent / f"inna-{len(message)}.yaml"
    other.write_text(edit(versions[0].read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(versions[0]), str(other), "-f", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("błąd:") == 1 and message in result.output and str(other) in result.output
    assert "Traceback" not in result.output and not list(tmp_path.iterdir())


def test_cli_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.exit_code == 0 and "paldocs compare uchwala.yaml uchwala-zmieniona.yaml" in result.output


# --- rows named as the amending resolution names them ---------------------------------------------------------


def test_from_data_files_the_rows_follow_the_amendment_plan(versions: tuple[Path, Path]) -> None:
    # The plan of "paldocs amend": an added unit takes a letter suffix (§ 1a, pkt 1a), numbers never move, and
    # units are cited by their address in the amended act (its data's chapters, a headless one included).
    table = comparison_table(load(versions[0]), load(versions[1]))
    assert [inline_text(row[1].children) for row in table.rows] == [
        f"§{NBSP}1a", f"załącznik rozdział 3 podrozdział 1 pkt{NBSP}5", f"załącznik rozdział 3 podrozdział 2 pkt{NBSP}1a",
        "załącznik rozdział 4"]
    assert shown(table.rows[3][3].children) == f"Adresaci [+i{NBSP}partnerzy+] Programu⏎(…)"


@pytest.mark.parametrize(("old", "new", "kept"), [
    (("a", "b", "c"), ("a", "B", "c"), (("(…)", "b", "(…)"), ("(…)", "B", "(…)"))),
    (("a", "b", "c", "d"), ("A", "b", "c", "D"), (("a", "(…)", "d"), ("A", "(…)", "D"))),
    (("a", "b"), ("a", "b", "c"), (("a", "b"), ("a", "b", "c"))),  # lines added: the whole unit
    (("a",), ("A",), (("a",), ("A",))),
])
def test_rows_of_replaced_words_keep_only_the_changed_lines(old: tuple[str, ...], new: tuple[str, ...],
                                                            kept: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    from paldocs.amendments.compare_plan import _excerpts

    assert _excerpts(old, new) == kept


def test_a_whole_new_annex_is_compared_unit_by_unit_as_printed(versions: tuple[Path, Path],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import paldocs.amendments.compare as module
    from paldocs.amendments.compare_plan import PlannedComparison

    monkeypatch.setattr(module, "planned_units", lambda old, new: PlannedComparison(
        [ComparedUnit("§ 1a", None, ("§ 1a. Nowy.",))], annex_replaced=True))
    table = comparison_table(load(versions[0]), load(versions[1]))
    assert [inline_text(row[1].children) for row in table.rows] == [
        f"§{NBSP}1a", f"załącznik rozdział 2 podrozdział 1 pkt{NBSP}5", f"załącznik rozdział 2 podrozdział 2 pkt{NBSP}2",
        "załącznik rozdział 3"]


def test_without_a_plan_the_units_are_compared_as_printed(versions: tuple[Path, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import paldocs.amendments.compare as module

    def refused(old: object, new: object) -> None:
        raise DataError("brak planu")

    monkeypatch.setattr(module, "planned_units", refused)
    table = comparison_table(load(versions[0]), load(versions[1]))
    assert inline_text(table.rows[0][1].children) == f"§{NBSP}2"


def test_the_table_closes_the_justification_of_the_amending_resolution() -> None:
    from paldocs.amendments.compare import in_justification
    from paldocs.document import Div, Footnote

    table = table_of([ComparedUnit("§ 2", ("§ 2. Stary.",), ("§ 2. Nowy.",))])
    note = Footnote("1", [para("Przypis.")])
    with_text = act(paragraf("1", para("Zmienia się uchwałę.")))
    with_text.parts.append(Part("justification", [Div("justification-title", [para("UZASADNIENIE")]),
                                                  para("Zmiana wynika z …"), note]))
    placed = in_justification(with_text, table).parts[-1].blocks
    assert [type(block).__name__ for block in placed] == ["Div", "Paragraph", "Table", "Footnote"]
    assert inline_text(placed[2].caption or []) == "Zestawienie zmian"
    bare = in_justification(act(paragraf("1", para("Zmienia się uchwałę."))), table)
    assert [part.kind for part in bare.parts] == ["resolution", "justification"]
    assert to_text(bare).split("\f\n", 1)[1].startswith("UZASADNIENIE\n\nZestawienie zmian\nLp. |")
    assert with_text.parts[-1].blocks[-1] is note  # the document given is left as it was


def test_an_added_tiret_is_compared_in_its_ustep(tmp_path: Path) -> None:
    # Bobrowniki 2004 prints tirets right in an ustęp. Tirets have no numbers (§ 56 ZTP), so the amendment plan gives
    # the ustęp a new wording when a tiret is added, and the comparison shows that ustęp with the tiret marked.
    source = REPO / "resolutions" / "examples" / "bobrowniki-2004-XI-60-2004.yaml"
    text = source.read_text(encoding="utf-8")
    changed = text.replace("przysługuje za cały okres posiedzenia", "przysługuje za każdy dzień posiedzenia")
    changed = changed.replace("         - komisjach rady\n", "         - komisjach rady\n         - zespołach roboczych\n")
    assert changed.count("każdy dzień") == 1 and changed.count("zespołach roboczych") == 1
    old, new = tmp_path / "stara.yaml", tmp_path / "nowa.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(changed, encoding="utf-8")
    table = comparison_table(load(old), load(new))
    assert [[shown(cell.children) for cell in row[1:]] for row in table.rows] == [
        [f"§{NBSP}1 ust.{NBSP}1", f"1. Ustala się dietę w{NBSP}kwocie 100,00{NBSP}zł.( słownie zł: sto) przysługującą "
         f"radnemu za udział w{NBSP}posiedzeniu :⏎– rady gminy⏎– komisjach rady",
         f"1. Ustala się dietę w{NBSP}kwocie 100,00{NBSP}zł.( słownie zł: sto) przysługującą radnemu za udział "
         f"w{NBSP}posiedzeniu :⏎– rady gminy⏎– komisjach rady⏎[+– zespołach roboczych+]"],
        [f"§{NBSP}1 ust.{NBSP}2",
         f"2. Dieta w{NBSP}wysokości określonej w{NBSP}ust.{NBSP}1 przysługuje za [-cały okres-] posiedzenia, bez "
         f"względu na czas jego trwania.",
         f"2. Dieta w{NBSP}wysokości określonej w{NBSP}ust.{NBSP}1 przysługuje za [+każdy dzień+] posiedzenia, bez "
         f"względu na czas jego trwania."]]
