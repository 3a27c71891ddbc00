"""The house style: one table (templates/house-style.yaml) → the DOCX styles and the print CSS, overridable by
a municipality profile (``house_style:``) and by a ``--templates`` folder's own house-style.yaml."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner
from conftest import REPO
from docx.oxml.ns import qn
from docx.shared import Pt

import paldocs
from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.style import HouseStyle, digest, packaged_style, resolve_style
from paldocs.style.css import print_css, render_css
from paldocs.style.resolve import load_style_file
from paldocs.writers.docx.reference import build_reference, reference_bytes

KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
SANS_11 = {"font": {"docx": "Liberation Sans", "pdf": "Liberation Sans", "generic": "sans-serif", "size": "11pt"}}
SANS_11_YAML = "font:\n  docx: Liberation Sans\n  pdf: Liberation Sans\n  generic: sans-serif\n  size: 11pt\n"
BODY_STYLES = ("Normal", "Paragraf", "Ustęp", "Punkt", "Litera", "Część wspólna", "Podstawa prawna")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def example_with_profile(tmp_path: Path, house_style: str = "") -> Path:
    """The Kętrzyn example in ``tmp_path`` with its profile, ``house_style`` appended to the profile."""
    (tmp_path / "profiles").mkdir()
    profile = (REPO / "resolutions" / "profiles" / "ketrzyn.yaml").read_text(encoding="utf-8")
    (tmp_path / "profiles" / "ketrzyn.yaml").write_text(profile + house_style, encoding="utf-8")
    return Path(shutil.copy(KETRZYN, tmp_path / KETRZYN.name))


# --- the shipped files are the table's ------------------------------------------------------------


def test_shipped_print_css_is_what_the_table_generates() -> None:
    shipped = (REPO / "templates" / "print.css").read_text(encoding="utf-8")
    assert shipped == render_css(packaged_style()), "templates/print.css is stale: run scripts/make_house_style.py"
    assert print_css() == shipped


def test_shipped_files_name_the_digest_of_the_table() -> None:
    key = digest(packaged_style())
    assert f"house-style {key};" in (REPO / "templates" / "print.css").read_text(encoding="utf-8")
    core = docx.Document(REPO / "templates" / "reference.docx").core_properties
    assert core.title.endswith(f"(house-style {key})")
    assert reference_bytes() == (REPO / "templates" / "reference.docx").read_bytes()


def test_a_table_changed_after_generation_is_rendered_not_served_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone edits house-style.yaml and forgets the script: the writers follow the table, not the old files."""
    edited = resolve_style({"font": {"size": "13pt"}})
    monkeypatch.setattr("paldocs.style.css.packaged_style", lambda: edited)
    monkeypatch.setattr("paldocs.writers.docx.reference.packaged_style", lambda: edited)
    assert "font-size: 13pt;" in print_css()
    reference = docx.Document(io.BytesIO(reference_bytes()))
    assert reference.styles["Normal"].font.size == Pt(13)


def test_default_output_does_not_change_with_the_packaged_table_given_explicitly() -> None:
    document, _ = paldocs.to_document(KETRZYN)
    assert document.house_style == packaged_style()
    explicit = paldocs.render(document, "docx")
    document.house_style = None
    assert paldocs.render(document, "docx") == explicit


# --- one place for the base size ------------------------------------------------------------------


def test_the_base_size_is_one_value_for_both_outputs() -> None:
    style = resolve_style({"font": {"size": 11}})
    css = render_css(style)
    assert "font-size: 12pt" not in css
    assert css.count("font-size: 11pt;") >= 4  # html, h1–h2, h3–h6, the table of contents' title
    reference = docx.Document(io.BytesIO(build_reference(style)))
    assert reference.styles["Normal"].font.size == Pt(11)
    assert all(reference.styles[f"Heading {n}"].font.size == Pt(11) for n in range(1, 7))
    defaults = reference.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "22"  # half-points
    # em spacing follows the size in both: Normal's 0.5em after is 5.5 pt, the CSS keeps "0.5em"
    assert reference.styles["Normal"].paragraph_format.space_after == Pt(5.5)
    assert "margin: 0 0 0.5em;" in css
    # a role with its own size keeps it
    assert reference.styles["Nagłówek załącznika"].font.size == Pt(10)


# --- overrides: the profile and the --templates folder --------------------------------------------


def check_docx_is_sans_11(path: Path) -> None:
    document = docx.Document(path)
    for name in BODY_STYLES:
        style = document.styles[name]
        while style.font.size is None or style.font.name is None:  # inherited from Normal
            assert style.base_style is not None, name
            style = style.base_style
        assert (style.font.name, style.font.size) == ("Liberation Sans", Pt(11)), name
    assert document.styles["Heading 1"].font.name == "Liberation Sans"


def pdf_fonts_and_body_size(path: Path) -> tuple[set[str], float]:
    reader = pypdf.PdfReader(path)
    fonts: set[str] = set()
    sizes: dict[float, int] = {}
    for page in reader.pages:
        fonts.update(str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values())

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                matrix = pypdf.mult(tm, cm)  # WeasyPrint sets text in px under a 0.75 scale
                points = round(size * (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5, 2)
                sizes[points] = sizes.get(points, 0) + len(text)

        page.extract_text(visitor_text=visit)
    return fonts, max(sizes, key=lambda points: sizes[points])  # most of the text is body text


def check_pdf_is_sans_11(path: Path) -> None:
    fonts, body = pdf_fonts_and_body_size(path)
    assert fonts and all("LiberationSans" in font.replace("-", "") for font in fonts), fonts
    assert not any("Serif" in font for font in fonts)
    assert body == 11


def test_profile_override_restyles_docx_and_pdf(tmp_path: Path) -> None:
    source = example_with_profile(tmp_path, "house_style:\n  font: {docx: Liberation Sans, pdf: Liberation Sans, "
                                            "generic: sans-serif, size: 11pt}\n")
    code, _, err = run("build", str(source), "-f", "docx,pdf", "-o", str(tmp_path / "out"))
    assert code == 0, err
    check_docx_is_sans_11(tmp_path / "out" / "ketrzyn-2014-pal.docx")
    check_pdf_is_sans_11(tmp_path / "out" / "ketrzyn-2014-pal.pdf")


@pytest.mark.slow  # DOCX and PDF builds
def test_templates_folder_override_restyles_docx_and_pdf(tmp_path: Path) -> None:
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "house-style.yaml").write_text(SANS_11_YAML, encoding="utf-8")
    code, _, err = run("build", str(KETRZYN), "-f", "docx,pdf,html", "-o", str(tmp_path / "out"),
                       "--templates", str(templates))
    assert code == 0, err
    check_docx_is_sans_11(tmp_path / "out" / "ketrzyn-2014-pal.docx")
    check_pdf_is_sans_11(tmp_path / "out" / "ketrzyn-2014-pal.pdf")
    page = (tmp_path / "out" / "ketrzyn-2014-pal.html").read_text(encoding="utf-8")
    assert 'font-family: "Liberation Sans", sans-serif;' in page and "Liberation Serif" not in page


def test_the_templates_folder_applies_after_the_profile(tmp_path: Path) -> None:
    source = example_with_profile(tmp_path, "house_style:\n  font: {size: 14pt}\n  roles:\n    body: {align: left}\n")
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "house-style.yaml").write_text("font:\n  size: 11pt\n", encoding="utf-8")
    document, _ = paldocs.to_document(source, templates=templates)
    assert document.house_style is not None and document.house_style.font is not None
    assert document.house_style.font.size == "11pt"  # the folder wins over the profile …
    assert document.house_style.roles and document.house_style.roles.body
    assert document.house_style.roles.body.align == "left"  # … and leaves the rest of the profile's section
    assert document.house_style.roles.body.space_after == "0.5em"  # … and of the packaged table


def test_overridden_builds_are_byte_identical(tmp_path: Path) -> None:
    source = example_with_profile(tmp_path, "house_style:\n  font: {size: 11pt}\n")
    document, _ = paldocs.to_document(source)
    again, _ = paldocs.to_document(source)
    assert paldocs.render(document, "docx") == paldocs.render(again, "docx")
    assert paldocs.render(document, "html") == paldocs.render(again, "html")


# --- bad values ---------------------------------------------------------------------------------------


def test_bad_value_in_the_profile_exits_2_with_file_line_and_field(tmp_path: Path) -> None:
    source = example_with_profile(tmp_path, "house_style:\n  roles:\n    title:\n      space_after: dużo\n")
    code, out, err = run("build", str(source), "-f", "docx", "-o", str(tmp_path / "out"))
    assert code == 2
    profile = tmp_path / "profiles" / "ketrzyn.yaml"
    line = len(profile.read_text(encoding="utf-8").splitlines())
    assert f"błąd: {profile}:{line}:" in err
    assert "house_style.roles.title.space_after" in err and "nieprawidłowa długość „dużo”" in err
    assert "Traceback" not in out + err and not (tmp_path / "out").exists()


def test_unknown_key_in_the_templates_folder_suggests_the_right_one(tmp_path: Path) -> None:
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "house-style.yaml").write_text("font:\n  size: 11pt\nroles:\n  bodyy: {align: left}\n",
                                                encoding="utf-8")
    code, _, err = run("build", str(KETRZYN), "-f", "docx", "-o", str(tmp_path / "out"), "--templates", str(templates))
    assert code == 2
    assert f"{templates / 'house-style.yaml'}:4:3 roles.bodyy: nieznane pole „bodyy”" in err
    assert "czy chodziło o „body”?" in err


@pytest.mark.parametrize("text, field, message", [
    ("font:\n  size: 11px\n", "font.size", "nieprawidłowa długość „11px”"),
    ("font:\n  size: 0.5cm\n", "font.size", "jednostka „cm”"),
    ("font:\n  size: 200pt\n", "font.size", "poza zakresem"),
    ("roles:\n  body: {space_after: -3pt}\n", "roles.body.space_after", "nie może być ujemna"),
    ("roles:\n  body: {space_after: 10%}\n", "roles.body.space_after", "jednostka „%”"),
    ("roles:\n  body: {align: middle}\n", "roles.body.align", "niedozwolona wartość"),
    ("font:\n  pdf: 'Serif\"; } body { background: url(http://x/)'\n", "font.pdf", "nieprawidłowa nazwa czcionki"),
    ("table:\n  header_fill: 'red; x: y'\n", "table.header_fill", "nieprawidłowy kolor"),
    ("page:\n  size: A6\n", "page.size", "niedozwolona wartość"),
])
def test_bad_values_are_refused_with_their_place(text: str, field: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        load_style_file(text, "house-style.yaml")
    assert caught.value.location.file == "house-style.yaml" and caught.value.location.line is not None
    assert caught.value.location.path == field
    assert message in caught.value.message


def test_lengths_have_one_spelling() -> None:
    style = HouseStyle.model_validate({"font": {"size": 11}, "roles": {"body": {"space_after": "0,5 em"}}})
    assert style.font and style.font.size == "11pt"
    assert style.roles and style.roles.body and style.roles.body.space_after == "0.5em"
    assert digest(resolve_style({"font": {"size": "11 pt"}})) == digest(resolve_style({"font": {"size": 11}}))


def test_a_first_line_indent_replaces_the_hanging_one_in_both_outputs() -> None:
    style = resolve_style({"roles": {"unit_punkt": {"first_line": "5mm"}, "body": {"first_line": "1cm"}}})
    assert style.roles and style.roles.unit_punkt and style.roles.unit_punkt.hanging is None
    reference = docx.Document(io.BytesIO(build_reference(style)))
    punkt = reference.styles["Punkt"].paragraph_format
    assert punkt.first_line_indent > 0 and len(punkt.tab_stops) == 0  # no hanging label, no tab stop
    assert abs(reference.styles["Normal"].paragraph_format.first_line_indent - docx.shared.Cm(1)) < 635  # twips
    css = render_css(style)
    assert ".unit-punkt {\n  padding-left: 0.75cm;\n  text-indent: 5mm;\n}" in css
    assert "section > p {" in css and "text-indent: 1cm;" in css
    assert "section > p" not in print_css()  # no first-line indent in the packaged style


def test_hanging_and_first_line_together_are_refused() -> None:
    with pytest.raises(DataError) as caught:
        load_style_file("roles:\n  body: {hanging: 1cm, first_line: 1cm}\n", "house-style.yaml")
    assert caught.value.location.path == "roles.body" and "nie oba" in caught.value.message


def test_in_memory_build_takes_the_house_style_from_its_templates_mapping() -> None:
    profile = (REPO / "resolutions" / "profiles" / "ketrzyn.yaml").read_text(encoding="utf-8")
    request = paldocs.BuildRequest(data=KETRZYN.read_text(encoding="utf-8"), name="ketrzyn-2014-pal.yaml",
                                   files={"profiles/ketrzyn.yaml": profile}, formats=("docx", "html"),
                                   templates={"house-style.yaml": SANS_11_YAML})
    built = paldocs.build_bytes(request)
    normal = docx.Document(io.BytesIO(built.outputs["docx"])).styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Liberation Sans", Pt(11))
    assert "font-size: 11pt;" in built.outputs["html"].decode("utf-8")
    bad = paldocs.BuildRequest(data=request.data, name=request.name, files=request.files, formats=("docx",),
                               templates={"house-style.yaml": "font:\n  size: duża\n"})
    with pytest.raises(DataError) as caught:
        paldocs.build_bytes(bad)
    assert str(caught.value.location) == "house-style.yaml (--templates):2:3 font.size"
