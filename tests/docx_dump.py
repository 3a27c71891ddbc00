"""A text dump of a .docx for tests and golden files, read back with python-docx (a real reader).

``docx_text_dump(data)`` gives one line per body paragraph: ``[Style name] text``. Inside the text a line
break (``w:br``) is written ``\\n``, a tab ``\\t``, a page break ``\\f``; non-breaking spaces stay as they are
(U+00A0). Field codes (``w:instrText``) are skipped, their displayed result is kept. Tables are not dumped
yet (a table would be one line ``[table]``).
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

_P, _TBL = qn("w:p"), qn("w:tbl")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_R, _TYPE = qn("w:r"), qn("w:type")


def docx_text_dump(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    paragraphs = iter(document.paragraphs)
    for child in document.element.body.iterchildren():
        if child.tag == _P:
            paragraph = next(paragraphs)
            lines.append(f"[{paragraph.style.name}] {paragraph_text(child)}")
        elif child.tag == _TBL:
            lines.append("[table]")
    return "\n".join(lines) + "\n"


def paragraph_text(p: object) -> str:
    """The visible text of a ``w:p`` element with breaks and tabs made visible."""
    parts: list[str] = []
    for element in p.iter(_T, _TAB, _BR, _CR):  # type: ignore[attr-defined]
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
