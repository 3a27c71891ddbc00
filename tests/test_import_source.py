"""Import sources → normalised blocks: encodings, line endings, spaces, Markdown flags, list starts, DOCX."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from paldocs.errors import DataError
from paldocs.importer.source import SourceBlock, read_source, read_text_blocks

CASES = [  # (name, text, markdown, expected [(lines, heading, bold, italic)])
    ("crlf", "Wstęp\r\nciąg dalszy\r\n\r\nDrugi akapit\r", False,
     [(("Wstęp", "ciąg dalszy"), None, False, False), (("Drugi akapit",), None, False, False)]),
    ("nbsp", "Program\u00a0Aktywności\u00a0\u00a0Lokalnej\u00a0", False,
     [(("Program Aktywności Lokalnej",), None, False, False)]),
    ("spaces", "   aktywizacja   społeczności      lokalnej   ", False,
     [(("aktywizacja społeczności lokalnej",), None, False, False)]),
    ("list lines start blocks", "Cele:\n1) pierwszy,\n2) drugi\nciąg drugiego.\na) pod\n- myślnik\n– półpauza\n• kropka",
     False, [(("Cele:",), None, False, False), (("1) pierwszy,",), None, False, False),
             (("2) drugi", "ciąg drugiego."), None, False, False), (("a) pod",), None, False, False),
             (("- myślnik",), None, False, False), (("– półpauza",), None, False, False),
             (("• kropka",), None, False, False)]),
    ("roman heading starts block", "tytuł\nI. Cel ogólny\nII. Cele", False,
     [(("tytuł",), None, False, False), (("I. Cel ogólny",), None, False, False), (("II. Cele",), None, False, False)]),
    ("markdown heading", "### **Adresaci Programu**\nProgram kierowany", True,
     [(("Adresaci Programu",), 3, True, False), (("Program kierowany",), None, False, False)]),
    ("bold block", "**§ 1**", True, [(("§ 1",), None, True, False)]),
    ("italic block", "*Rafał Rypina*", True, [(("Rafał Rypina",), None, False, True)]),
    ("each line bold", "**P R O G R A M**  \n**2014 – 2020**", True, [(("P R O G R A M", "2014 – 2020"), None, True, False)]),
    ("inline markers removed", "**Cel główny:** realizowanie *polityki*", True,
     [(("Cel główny: realizowanie polityki",), None, False, False)]),
    ("hard breaks", "z up. Przewodniczącego  \nRady\nMiejskiej", True,
     [(("z up. Przewodniczącego", "Rady Miejskiej"), None, False, False)]),
    ("markdown star list", "* pierwszy\n* drugi", True,
     [(("* pierwszy",), None, False, False), (("* drugi",), None, False, False)]),
    ("escaped dot", "1\\. Wstęp", True, [(("1. Wstęp",), None, False, False)]),
]


@pytest.mark.parametrize(("text", "markdown", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_normalisation(text: str, markdown: bool, expected: list[tuple]) -> None:
    blocks = read_text_blocks(text, markdown=markdown)
    assert [(b.lines, b.heading, b.bold, b.italic) for b in blocks] == expected


def test_line_numbers_and_text() -> None:
    blocks = read_text_blocks("\n\nPierwszy\nwiersz\n\n\n1) punkt", markdown=False)
    assert [(b.line, b.text) for b in blocks] == [(3, "Pierwszy wiersz"), (7, "1) punkt")]


def test_markdown_lines_keep_inline_bold() -> None:
    block = read_text_blocks("**Cel główny:** realizowanie", markdown=True)[0]
    assert block.markdown == "**Cel główny:** realizowanie" and block.text == "Cel główny: realizowanie"


def test_windows_1250_txt(tmp_path: Path) -> None:
    path = tmp_path / "bip.txt"
    path.write_bytes("Załącznik do uchwały\r\nŚrodowiskowa praca socjalna".encode("cp1250"))
    assert read_source(path)[0].lines == ("Załącznik do uchwały", "Środowiskowa praca socjalna")


def test_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff# Wstęp\n".encode())
    assert read_source(path) == [SourceBlock(("Wstęp",), 1, heading=1, markdown_lines=("Wstęp",))]


def test_txt_with_markdown_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "kopia.txt"
    path.write_text("### **Wstęp**\n\nTreść", encoding="utf-8")
    assert read_source(path)[0].heading == 3


@pytest.mark.parametrize("name", ["plik.pdf", "brak.txt"])
def test_errors(tmp_path: Path, name: str) -> None:
    with pytest.raises(DataError):
        read_source(tmp_path / name)


def test_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "zly.docx"
    path.write_bytes(b"to nie jest docx")
    with pytest.raises(DataError, match="DOCX"):
        read_source(path)


def test_docx_manual_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Cele szczegółowe:", style="Heading 2")
    document.add_paragraph("1) poprawa\u00a0jakości   życia,")
    paragraph = document.add_paragraph()
    run = paragraph.add_run("P R O G R A M")
    run.bold = True
    run.add_break()
    paragraph.add_run("na lata").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Cel główny:").bold = True
    mixed.add_run(" realizowanie")
    document.add_paragraph("")
    path = tmp_path / "reczna.docx"
    document.save(str(path))
    blocks = read_source(path)
    assert [(b.lines, b.line, b.heading, b.bold, b.label) for b in blocks] == [
        (("Cele szczegółowe:",), 1, 2, True, None), (("1) poprawa jakości życia,",), 2, None, False, None),
        (("P R O G R A M", "na lata"), 3, None, True, None), (("Cel główny: realizowanie",), 4, None, False, None)]
    assert blocks[3].markdown == "**Cel główny:** realizowanie"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ABSTRACT = f"""<w:abstractNum {W} w:abstractNumId="90">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(paragraph: docx.text.paragraph.Paragraph, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_docx_word_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("pierwszy,", "drugi,", "trzeci."):
        document.add_paragraph(text, style="List Number")  # the template's own numbering: decimal "%1."
    document.add_paragraph("Punkt", style="List Bullet")
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    for text, level in (("metody:", 0), ("edukacja,", 1), ("inspirowanie,", 1), ("rzymski", 2), ("instrumenty:", 0),
                        ("zdrowotne,", 1)):
        _numbered(document.add_paragraph(text), level)
    path = tmp_path / "word.docx"
    document.save(str(path))
    assert [(b.label, b.text) for b in read_source(path)] == [
        ("1.", "pierwszy,"), ("2.", "drugi,"), ("3.", "trzeci."), ("•", "Punkt"), ("1)", "metody:"),
        ("a)", "edukacja,"), ("b)", "inspirowanie,"), ("I.", "rzymski"), ("2)", "instrumenty:"), ("a)", "zdrowotne,")]
    assert copy.copy(read_source(path)[0]).label == "1."


def test_docx_tables_and_literal_markdown_characters(tmp_path: Path) -> None:
    """Tables are read in their place (python-docx's ``paragraphs`` skips them); a draft's fill-in line
    "____/____" and a footnote star stay text; a bold run's trailing space stays outside its markers."""
    from paldocs.importer.readers.docx import read_docx
    from paldocs.importer.source import blocks_from_lines

    document = docx.Document()
    # The words of http://bip2-wijewo.065.pl/dokument/3753 (§ 2), its number blanked as a draft leaves it to fill in
    document.add_paragraph("Uchwała Nr ____/____/2012")
    mixed = document.add_paragraph()
    mixed.add_run("Cel główny: ").bold = True
    mixed.add_run("realizowanie zadań*")
    table = document.add_table(rows=2, cols=3)
    for row, values in enumerate([("Lp.", "Zadanie", "Termin"), ("1.", "Szkolenia\tdla rad", "2012 r.")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    frame = document.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "* dotyczy świetlic socjoterapeutycznych"
    document.add_paragraph("§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Wijewo.")
    path = tmp_path / "tabela.docx"
    document.save(str(path))
    assert [(b.line, b.lines) for b in read_source(path)][2:4] == [
        (3, ("| Lp. | Zadanie | Termin |", "| --- | --- | --- |", "| 1. | Szkolenia dla rad | 2012 r. |")),
        (4, ("* dotyczy świetlic socjoterapeutycznych",))]
    blocks = blocks_from_lines(read_docx(path).lines, markdown=True)
    assert [block.text for block in blocks] == [
        "Uchwała Nr ____/____/2012", "Cel główny: realizowanie zadań*",
        "| Lp. | Zadanie | Termin | | --- | --- | --- | | 1. | Szkolenia dla rad | 2012 r. |",
        "* dotyczy świetlic socjoterapeutycznych", "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Wijewo."]
    assert blocks[1].markdown == "**Cel główny:** realizowanie zadań*"


def test_escaped_markdown_characters_are_text() -> None:
    blocks = read_text_blocks("Uchwała Nr \\_\\_\\_/2012 Rady\\*", markdown=True)
    assert blocks[0].lines == ("Uchwała Nr ___/2012 Rady*",)
