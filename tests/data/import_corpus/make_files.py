"""Make the corpus-B files that are not published as stored: HTML, PDF, DOCX, mojibake and Windows-1250.

Contract: every file written here is made from a real text of this folder (a ``b-*.txt`` copied as stored)
and gets a ``.source.yaml`` whose ``reference`` names the real text its words are counted against and
whose ``made`` says what was added or changed. A ``b-*.ref.txt`` is a verbatim piece of a stored text
(lines named in ``made``); it is a reference only, not a corpus item. What is made from what, and how,
is listed in ``b-made-files.yaml``. Deterministic: same inputs, same bytes. Run once
(``python make_files.py``) and commit the outputs; the tests never regenerate them.
``python make_files.py --check`` verifies every ``b-*.source.yaml`` of the folder and the made files
(text layer of the PDFs, HTML parse, DOCX open), prints each problem and exits 1 if there is one.
"""

import datetime
import hashlib
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
SOURCE_KEYS = ("url", "municipality", "title", "year", "types", "documents")


@dataclass
class Made:
    """One made file: its name, the stored text it comes from and what was done to it."""

    name: str               # output file name, e.g. "b-banie-2005-bip.html"
    base: str               # the stored corpus text it is made from ("b-….txt")
    made: str               # how it was made (goes to the .source.yaml)
    extra_types: list[str]
    reference: str = ""     # defaults to base
    lines: list[list[int]] = field(default_factory=list)  # 1-based inclusive line ranges of base → .ref.txt
    options: dict[str, Any] = field(default_factory=dict)


def read_lines(name: str) -> list[str]:
    return (HERE / name).read_text(encoding="utf-8").split("\n")


def write_reference(item: Made) -> str:
    """Write the verbatim line ranges of the stored text as ``<stem>.ref.txt``; return its name."""
    if not item.lines:
        return item.base
    lines = read_lines(item.base)
    kept = [line for first, last in item.lines for line in lines[first - 1:last]]
    name = Path(item.name).stem.split(".")[0] + ".ref.txt"
    (HERE / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return name


def utf8_misread_as(text: str, codec: str) -> str:
    """UTF-8 bytes decoded as a single-byte code page, the way browsers do it (WHATWG: an undefined
    byte of windows-1250 becomes the C1 control of the same value) — the damage of a page saved
    without its charset and opened again."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# ---------------------------------------------------------------- HTML (BIP pages)
BIP_MENU = ("Strona główna", "Informacje o gminie", "Władze gminy", "Rada Gminy", "Prawo lokalne",
            "Uchwały Rady", "Zarządzenia", "Przetargi", "Ogłoszenia", "Redakcja biuletynu")


def paragraphs(lines: list[str], options: dict[str, Any]) -> str:
    """The text lines as the content editor of a BIP stores them: one <p> a line, points as <ol>
    items (their numbers kept as typed), space-only lines as &nbsp; paragraphs, chosen line runs
    inside a layout table."""
    out: list[str] = []
    list_open = False
    tables = {start: end for start, end in options.get("tables", [])}
    i = 0
    while i < len(lines):
        line = lines[i]
        is_point = bool(options.get("points")) and line[:3].rstrip(" ").endswith(")") and line[:1].isdigit()
        if list_open and not is_point:
            out.append("</ol>")
            list_open = False
        if i + 1 in tables:
            cells = "<br>\n".join(html.escape(x) for x in lines[i:tables[i + 1]] if x.strip())
            out.append(f'<table class="uklad" style="margin-left:auto"><tr><td>{cells}</td></tr></table>')
            i = tables[i + 1]
            continue
        if is_point:
            if not list_open:
                out.append('<ol style="list-style:none">')
                list_open = True
            out.append(f"<li>{html.escape(line)}</li>")
        elif line.strip():
            out.append(f"<p>{html.escape(line.strip())}</p>")
        elif line and not line.strip():
            out.append("<p>&nbsp;</p>")
        i += 1
    if list_open:
        out.append("</ol>")
    return "\n".join(out)


def bip_page(item: Made, lines: list[str]) -> str:
    """A BIP page: doctype, head with the charset, skip links, header, menu, breadcrumbs, the
    resolution in <div id="tresc">, and the page record footer (Metryka strony)."""
    o = item.options
    head_lines = lines[:o["chrome_lines"]]
    body_lines = lines[o["chrome_lines"]:]
    header = "\n".join(f"<div>{html.escape(x.strip())}</div>" for x in head_lines if x.strip())
    menu = "\n".join(f'<li><a href="/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(BIP_MENU))
    crumbs = " &raquo; ".join(f'<a href="#">{html.escape(x)}</a>' for x in o["breadcrumbs"])
    return f"""<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="{o['charset']}">
<title>{html.escape(o['page_title'])} - Biuletyn Informacji Publicznej</title>
<link rel="stylesheet" href="/css/bip.css">
</head>
<body>
<div class="skip">Przejście do sekcji: <a href="#menu">Menu</a> | <a href="#tresc">Treść</a> | <a href="#stopka">Stopka</a></div>
<header id="baner">
<div class="logo">baner</div>
{header}
</header>
<nav id="menu"><ul>
{menu}
</ul></nav>
<div class="okruszki">Jesteś tutaj: {crumbs}</div>
<main>
<div id="tresc">
{paragraphs(body_lines, o)}
</div>
</main>
<footer id="stopka">
<h2>Metryka strony</h2>
<table class="metryka">
<tr><th>Udostępnił:</th><td>{html.escape(o['published_by'])}</td></tr>
<tr><th>Data publikacji:</th><td>{o['published']}</td></tr>
<tr><th>Liczba odwiedzin:</th><td>{o['visits']}</td></tr>
</table>
<p><a href="#" onclick="window.print()">Drukuj</a> | <a href="#">Rejestr zmian</a> | <a href="#baner">Do góry</a></p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------- PDF (WeasyPrint)
def pdf_html(item: Made, lines: list[str]) -> str:
    """The real text as an HTML page laid out like the print it imitates (CSS page boxes carry the
    running header and the footer on every page)."""
    o = item.options
    first = "\n".join(f"<div>{html.escape(x)}</div>" for x in o.get("first_page", []))
    upper = int(o.get("upper_lines", 0))
    body = []
    for n, line in enumerate(joined(lines) if o.get("join_wrapped") else [x for x in lines if x.strip()]):
        cls = ' class="tytul"' if n < upper else ""
        body.append(f"<p{cls}>{html.escape(line.strip())}</p>")
    return f"""<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><style>
@page {{ size: {o['size']}; margin: 22mm 18mm 20mm 18mm;
  @top-center {{ content: "{o.get('header', '')}"; font: 7pt "DejaVu Sans"; }}
  @bottom-left {{ content: "{o.get('footer_left', '')}"; font: 8pt "DejaVu Sans"; }}
  @{o.get('number_box', 'bottom-right')} {{ content: "{o.get('number_prefix', '')}" counter(page); font: 8pt "DejaVu Sans"; }} }}
body {{ font: {o.get('font', '11pt')}/1.45 "DejaVu Serif"; }}
p {{ margin: 0 0 6pt 0; text-align: {o.get('align', 'justify')}; }}
p.tytul {{ text-align: center; font-weight: bold; text-transform: uppercase; }}
.pierwsza {{ border-bottom: 1px solid #000; margin-bottom: 10pt; font: 9pt "DejaVu Sans"; }}
</style></head><body>
{f'<div class="pierwsza">{first}</div>' if first else ''}
{chr(10).join(body)}
</body></html>"""


def joined(lines: list[str]) -> list[str]:
    """Hard-wrapped transcript lines back into the paragraphs they were wrapped from: a line that
    starts in lower case continues the previous one unless that one ended a sentence or a heading,
    or the line is the date or subject line of a title block ("z dnia …", "w sprawie …")."""
    out: list[str] = []
    for line in (x.strip() for x in lines if x.strip()):
        title_line = line.startswith(("z dnia ", "w sprawie "))
        if out and line[:1].islower() and not out[-1].endswith((".", ":")) and not title_line:
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def write_pdf(item: Made, lines: list[str]) -> None:
    from weasyprint import HTML  # a dependency of the project (paldocs.writers.pdf)

    document = HTML(string=pdf_html(item, lines)).render()
    # Fixed metadata so that the bytes do not depend on the day the file was made.
    document.metadata.title = item.options.get("pdf_title", "")
    document.metadata.created = document.metadata.modified = "2024-01-01T00:00:00Z"
    document.write_pdf(HERE / item.name)


# ---------------------------------------------------------------- DOCX (python-docx)
def write_docx(item: Made, lines: list[str]) -> None:
    """A Word file as a municipal office types it: title and headings bold and centred, wrapped lines
    joined into paragraphs, each run of points "1)" … a Word numbered list (format "%1)", restarting at
    1) whose numbers are list numbering, not text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'))
    bold = re.compile(item.options["bold"])
    num_id, in_list = 90, False
    for text in joined(lines):
        point = re.match(r"\d+\) ", text)
        paragraph = document.add_paragraph()
        if point:
            if not in_list:  # a new list: a new numbering instance that restarts at 1
                num_id += 1
                numbering.append(parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/><w:lvlOverride '
                    'w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
            text = text[point.end():]
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        in_list = bool(point)
        run = paragraph.add_run(text)
        if bold.search(text):
            run.bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    props = document.core_properties
    props.author = props.last_modified_by = ""
    props.created = props.modified = datetime.datetime(2024, 1, 1)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    (HERE / item.name).write_bytes(fixed_zip(buffer.getvalue()))


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every member's time fixed (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def e_document_id(text: str) -> str:
    """An identifier shaped like the ones of the e-document systems, derived from the text."""
    h = hashlib.sha1(text.encode("utf-8")).hexdigest().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


# ---------------------------------------------------------------- the made files
MADE = [Made(**entry) for entry in yaml.safe_load((HERE / "b-made-files.yaml").read_text(encoding="utf-8"))]


def make(item: Made) -> None:
    reference = write_reference(item)
    item.reference = reference
    lines = read_lines(reference)
    text = "\n".join(lines)
    kind = item.options["kind"]
    if kind == "mojibake":
        (HERE / item.name).write_text(utf8_misread_as(text, item.options["codec"]), encoding="utf-8")
    elif kind == "cp1250":
        (HERE / item.name).write_bytes(text.encode("cp1250"))
    elif kind == "html":
        page = bip_page(item, lines)
        (HERE / item.name).write_bytes(page.encode(item.options["charset"]))
    elif kind == "pdf":
        item.options["footer_left"] = item.options.get("footer_left", "").replace("{id}", e_document_id(text))
        write_pdf(item, lines)
    elif kind == "docx":
        write_docx(item, lines)
    source = yaml.safe_load((HERE / (Path(item.base).stem + ".source.yaml")).read_text(encoding="utf-8"))
    meta = {key: source[key] for key in SOURCE_KEYS}
    dropped = item.options.get("drop_types", [])  # what the stored copy shows but the made file does not
    meta["types"] = [kind for kind in dict.fromkeys(source["types"] + item.extra_types) if kind not in dropped]
    meta["reference"] = reference
    meta["made"] = item.made
    meta["notes"] = f"Made from {item.base} (see its notes) by make_files.py."
    out = HERE / (item.name.rsplit(".", 1)[0] + ".source.yaml")
    out.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


# ---------------------------------------------------------------- checks
def item_file(source: Path) -> Path | None:
    stem = source.name[: -len(".source.yaml")]
    found = [p for p in HERE.glob(stem + ".*") if p.suffix in (".txt", ".md", ".html", ".pdf", ".docx")
             and not p.name.endswith(".ref.txt")]
    return found[0] if len(found) == 1 else None


def words(text: str) -> set[str]:
    """Words compared case-folded without edge punctuation; "§1" and "art.15" count as two words (the
    accounting rule of paldocs.importer.accounting), since a layout may break a line after "art."."""
    text = re.sub(r"(§|\bart\.)(?=\d)", r"\1 ", text)
    return {w.casefold().strip(".,;:()\"„”'") for w in text.split() if any(c.isalnum() for c in w)}


def check_made_file(path: Path, reference: Path) -> list[str]:
    """The made file can be read the way the importer reads it and carries the reference's words."""
    reference_text = reference.read_text(encoding="utf-8")
    if path.suffix == ".docx":  # its points are Word list numbering, not text (see its 'made')
        reference_text = re.sub(r"(?m)^\d+\) ", "", reference_text)
    want = words(reference_text)
    if path.suffix == ".pdf":
        reader = __import__("pypdf").PdfReader(path)
        got_text = "\n".join(page.extract_text() or "" for page in reader.pages)
        made = next((m for m in MADE if m.name == path.name), None)
        if made and len(reader.pages) < int(made.options.get("min_pages", 1)):
            return [f"{path.name}: {len(reader.pages)} page(s), expected at least {made.options['min_pages']}"]
    elif path.suffix == ".html":
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(path.read_bytes())
        if not tree.xpath('//div[@id="tresc"]'):
            return [f"{path.name}: no <div id=\"tresc\">"]
        got_text = tree.text_content()
    elif path.suffix == ".docx":
        got_text = "\n".join(p.text for p in __import__("docx").Document(str(path)).paragraphs)
    else:
        return check_damaged_text(path, reference)
    missing = want - words(got_text)
    return [f"{path.name}: reference words missing from the text layer: {sorted(missing)[:10]}"] if missing else []


def check_damaged_text(path: Path, reference: Path) -> list[str]:
    """A mojibake or Windows-1250 file undoes to exactly its reference (nothing but the damage)."""
    made = next((m for m in MADE if m.name == path.name), None)
    if made is None:
        return []
    data, want = path.read_bytes(), reference.read_text(encoding="utf-8")
    if made.options["kind"] == "cp1250":
        undone = data.decode("cp1250")
    else:
        codec = made.options["codec"]
        undone = bytes(ord(c) if c <= "\x9f" else c.encode(codec)[0] for c in data.decode("utf-8")).decode("utf-8")
    return [] if undone == want else [f"{path.name}: does not undo to {reference.name}"]


def check() -> list[str]:
    problems: list[str] = []
    for source in sorted(HERE.glob("b-*.source.yaml")):
        try:
            meta = yaml.safe_load(source.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{source.name}: does not parse: {error}")
            continue
        missing = [key for key in SOURCE_KEYS if key not in (meta or {})]
        if missing:
            problems.append(f"{source.name}: missing {missing}")
            continue
        path = item_file(source)
        if path is None:
            problems.append(f"{source.name}: no single corpus file of that name")
            continue
        if not 2005 <= int(meta["year"]) <= 2025:
            problems.append(f"{source.name}: year {meta['year']} outside 2005–2025")
        if "reference" in meta:
            reference = HERE / meta["reference"]
            if not reference.is_file():
                problems.append(f"{source.name}: reference {meta['reference']} does not exist")
            elif not meta.get("made"):
                problems.append(f"{source.name}: a reference without 'made'")
            else:
                problems.extend(check_made_file(path, reference))
    return problems


def main(argv: list[str]) -> int:
    if argv[1:] == ["--check"]:
        problems = check()
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    for item in MADE:
        make(item)
        print(item.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
