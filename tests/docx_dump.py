"""A text dump of a .docx for tests and golden files, read back with python-docx (a real reader).

``docx_text_dump(data)`` gives one line per body paragraph: ``[Style name] text``. Inside the text a line
break (``w:br``) is written ``\\n``, a tab ``\\t``, a page break ``\\f``; non-breaking spaces stay as they are
(U+00A0). Field codes (``w:instrText``) are skipped, their displayed result is kept. An inline picture is
written ``[obraz: <alt text>]`` (``wp:docPr/@descr``). A table is a line ``[table <table style>]`` followed by
one line per row, ``[header] a | b | c`` for the rows repeated on every page (``w:tblHeader``), ``[row] …`` for
the others; a cell's paragraphs are joined by ``\\p``.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

_P, _TBL = qn("w:p"), qn("w:tbl")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_R, _TYPE = qn("w:r"), qn("w:type")
_TR, _TC, _TBL_HEADER, _TBL_STYLE = qn("w:tr"), qn("w:tc"), qn("w:tblHeader"), qn("w:tblStyle")
_DOC_PR = qn("wp:docPr")


def docx_text_dump(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    paragraphs = iter(document.paragraphs)
    for child in document.element.body.iterchildren():
        if child.tag == _P:
            paragraph = next(paragraphs)
            lines.append(f"[{paragraph.style.name}] {paragraph_text(child)}")
        elif child.tag == _TBL:
            lines += table_lines(document, child)
    return "\n".join(lines) + "\n"


def table_lines(document: docx.document.Document, tbl: object) -> list[str]:
    style_id = tbl.tblPr.find(_TBL_STYLE)  # type: ignore[attr-defined]
    name = document.styles.element.get_by_id(style_id.get(qn("w:val"))).name_val if style_id is not None else ""
    lines = [f"[table {name}]".replace(" ]", "]")]
    for tr in tbl.iterchildren(_TR):  # type: ignore[attr-defined]
        kind = "header" if tr.trPr is not None and tr.trPr.find(_TBL_HEADER) is not None else "row"
        cells = ["\\p".join(paragraph_text(p) for p in tc.iterchildren(_P)) for tc in tr.iterchildren(_TC)]
        lines.append(f"[{kind}] " + " | ".join(cells))
    return lines


def paragraph_text(p: object) -> str:
    """The visible text of a ``w:p`` element with breaks and tabs made visible."""
    parts: list[str] = []
    for element in p.iter(_T, _TAB, _BR, _CR, _DOC_PR):  # type: ignore[attr-defined]
        if element.tag == _DOC_PR:
            parts.append(f"[obraz: {element.get('descr', '')}]")
            continue
        if element.getparent().tag != _R:  # tab stops in w:pPr, not text
            continue
        if element.tag == _T:
            parts.append(element.text or "")
        elif element.tag == _TAB:
            parts.append("\\t")
        elif element.tag == _BR and element.get(_TYPE) == "page":
            parts.append("\\f")
        else:
            parts.append("\\n")
    return "".join(parts)
