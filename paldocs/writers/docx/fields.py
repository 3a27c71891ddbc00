"""Low-level OOXML that python-docx has no API for, used by the DOCX writer.

Contract: bookmarks (``w:bookmarkStart``/``w:bookmarkEnd``), the PAGE field, a section's page-number restart,
moving a section break onto the part's last paragraph, the XML 1.0 character check (→ RenderError in Polish)
and :func:`to_reproducible_package`, which rewrites a saved .docx so that the same document gives the same
bytes: fixed zip entry timestamps, a stable entry order, a fixed ``docProps/app.xml``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph

from paldocs import document as ir
from paldocs.errors import Location, RenderError
from paldocs.model.untrusted import XML_ILLEGAL  # the one definition of what XML 1.0 cannot hold

# --- bookmarks and fields ----------------------------------------------------------------------


def add_bookmark(paragraph: DocxParagraph, name: str, bookmark_id: int) -> None:
    """Wrap the whole content of ``paragraph`` in a bookmark called ``name``."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)})
    ppr = p.pPr
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    p.append(end)


def add_page_field(paragraph: DocxParagraph) -> None:
    """Append a PAGE field (begin / instruction / separate / cached "1" / end) to ``paragraph``."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()._r
        if kind is not None:
            run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            instr.text = text
            run.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)


_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def restart_page_numbers(sect_pr: BaseOxmlElement, start: int | None = 1) -> None:
    """Number the section's pages from ``start`` (an annex counts its own pages); ``None`` continues the
    numbering of the previous section (python-docx copies the previous section's setting into a new one)."""
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    if start is None:
        return
    element = OxmlElement("w:pgNumType", {qn("w:start"): str(start)})
    for tag in _AFTER_PGNUMTYPE:
        successor = sect_pr.find(qn(tag))
        if successor is not None:
            successor.addprevious(element)
            return
    sect_pr.append(element)


def fold_section_break(body: BaseOxmlElement) -> None:
    """python-docx puts a new section break into an empty paragraph of its own; move it onto the preceding
    paragraph (as Word saves it) so that no empty line is left at the end of the part."""
    breaks = body.findall(qn("w:p"))
    holder = breaks[-1] if breaks else None
    if holder is None or len(holder) != 1 or holder.pPr is None or holder.pPr.sectPr is None:
        return
    previous = holder.getprevious()
    if previous is None or previous.tag != qn("w:p") or (previous.pPr is not None and previous.pPr.sectPr is not None):
        return
    previous.get_or_add_pPr()._insert_sectPr(holder.pPr.sectPr)
    body.remove(holder)


# --- XML 1.0 characters -------------------------------------------------------------------------

def check_xml_text(document: ir.Document) -> None:
    """Raise RenderError naming the first character that XML 1.0 (and so Word) cannot hold."""
    for path, text in _iter_texts(document):
        match = XML_ILLEGAL.search(text)
        if match is None:
            continue
        char = f"U+{ord(match.group()):04X}"
        before = text[max(0, match.start() - 30):match.start()]
        after = text[match.end():match.end() + 30]
        snippet = XML_ILLEGAL.sub("", f"{before}[{char}]{after}")
        raise RenderError(
            f"tekst zawiera znak sterujący {char}, którego nie można zapisać w pliku DOCX: „{snippet}”",
            Location(path=path),
            hint="Usuń ten znak z danych (często trafia tam z tekstu skopiowanego z PDF-a lub edytora).",
        )


def _iter_texts(document: ir.Document) -> Iterator[tuple[str, str]]:
    meta = document.meta
    for name in ("title", "subject", "author", "language"):
        yield f"meta.{name}", getattr(meta, name)
    for index, keyword in enumerate(meta.keywords):
        yield f"meta.keywords[{index}]", keyword
    for p, part in enumerate(document.parts):
        yield f"parts[{p}].label", part.label
        for b, block in enumerate(part.blocks):
            path = f"parts[{p}].blocks[{b}]"
            for node in (block, *ir.walk(block)):
                if isinstance(node, (ir.Text, ir.Citation)):
                    yield path, node.text
                elif isinstance(node, ir.ListItem):
                    yield path, node.label
                elif isinstance(node, (ir.Unit, ir.Heading)) and node.num:
                    yield path, node.num


# --- reproducible package -----------------------------------------------------------------------

APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           b"<Application>paldocs</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
           b"<HyperlinksChanged>false</HyperlinksChanged></Properties>")

_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")


def to_reproducible_package(data: bytes, when: dt.date) -> bytes:
    """Rewrite a .docx zip with entry times fixed to ``when`` (not before 1980), ``[Content_Types].xml``
    and the package relationships first, the other entries sorted, and a fixed ``docProps/app.xml``
    (Word's page/word counts, total editing time and company name would otherwise leak or go stale)."""
    stamp = (when.year, when.month, when.day, 0, 0, 0) if when.year >= 1980 else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda n: (n not in _FIRST_ENTRIES, _FIRST_ENTRIES.index(n)
                                                         if n in _FIRST_ENTRIES else 0, n))
        for name in names:
            blob = APP_XML if name == "docProps/app.xml" else source.read(name)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, blob, compresslevel=6)
    return out.getvalue()
