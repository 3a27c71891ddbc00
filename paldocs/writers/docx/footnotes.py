"""Real Word footnotes: the footnotes part (``word/footnotes.xml``) and the calls in the text.

python-docx has no footnote API, so this module writes the part's XML itself (ECMA-376 Part 1, § 17.11):

- :class:`FootnotesPart` finds the document's footnotes part (a municipality's reference document may have
  one: its separators are kept, its own notes dropped) or adds one, related to the main document part by the
  ``footnotes`` relationship, with Word's two special notes — the separator (id -1) and the continuation
  separator (id 0) — listed in ``w:settings/w:footnotePr`` as Word itself writes them.
- :meth:`FootnotesPart.add_note` appends ``<w:footnote w:id="n">`` (n = 1, 2, …) whose paragraphs have the
  "Przypisy" style; the first opens with the note's own mark (``w:footnoteRef``, superscript);
  :func:`add_call` puts ``<w:footnoteReference w:id="n"/>`` (superscript) in the text.
- :meth:`FootnotesPart.call` writes a call: the first call of a note carries the note; a later call repeats
  its number as superscript text (Word has no second call of one note); the Footnote blocks at the end of a
  part print nothing in the body.
- Word numbers notes itself, by default on through the document. The IR counts each part's notes from 1 and
  each part is a section, so when notes stand in more than one part :meth:`FootnotesPart.finish` makes every
  section restart the numbering (``w:footnotePr/w:numRestart eachSect``); with notes in one part only nothing
  is set, because LibreOffice reads ``eachSect`` as "each chapter" (restarting after every Heading 1) and would
  print other numbers than the IR's. A document without notes gets no part and no setting (same bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from paldocs import document as ir
from paldocs.writers.docx.styles import ROLE_STYLES, StyleIds

__all__ = ["FootnotesPart", "add_call"]

_EMPTY = (f'<w:footnotes {nsdecls("w")}>'
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
          'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
          '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
          'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
          '</w:footnotes>')

# What follows w:footnotePr in CT_Settings (schema order), to insert it at its place.
_AFTER_SETTINGS_FOOTNOTE_PR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                               "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                               "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                               "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
                               "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _superscript(run: Run) -> None:
    r_pr = run._r.get_or_add_rPr()
    vert = OxmlElement("w:vertAlign")
    vert.set(qn("w:val"), "superscript")
    r_pr.append(vert)


def add_call(paragraph: Paragraph, note_id: int) -> None:
    """The call of note ``note_id`` at the end of ``paragraph`` (Word prints its number, superscript)."""
    run = paragraph.add_run()
    _superscript(run)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run._r.append(reference)


class FootnotesPart:
    """The document's footnotes, created on the first note."""

    def __init__(self, target: DocxDocument, style_ids: StyleIds) -> None:
        self.target = target
        self.style_id = style_ids.id(ROLE_STYLES["footnotes"])  # "Przypisy", as the typed notes print
        self._part: Part | None = None
        self._element = None
        self._next_id = 1
        self.section = 0  # the section (part) being written
        self._sections_with_notes: set[int] = set()

    def _open(self):  # type: ignore[no-untyped-def]
        if self._element is not None:
            return self._element
        main = self.target.part
        part = next((rel.target_part for rel in main.rels.values()
                     if rel.reltype == RT.FOOTNOTES and not rel.is_external), None)
        if part is None:
            element = parse_xml(_EMPTY)
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, main.package)
            main.relate_to(part, RT.FOOTNOTES)
        else:
            element = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
            for note in element.findall(qn("w:footnote")):
                if note.get(qn("w:type")) in (None, "normal"):  # the reference document's own notes
                    element.remove(note)
        ids = [int(note.get(qn("w:id"))) for note in element.findall(qn("w:footnote"))]
        self._next_id = max([0, *ids]) + 1
        self._part, self._element = part, element
        return element

    def add_note(self, style_id: str | None, paragraphs: int) -> tuple[int, list[Paragraph]]:
        """A new note of ``paragraphs`` empty paragraphs (the first holding the note's mark and a space);
        returns its id and the paragraphs to fill."""
        element = self._open()
        self._sections_with_notes.add(self.section)
        note_id = self._next_id
        self._next_id += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        element.append(note)
        out: list[Paragraph] = []
        for index in range(max(paragraphs, 1)):
            p = OxmlElement("w:p")
            note.append(p)
            paragraph = Paragraph(p, None)  # type: ignore[arg-type]
            if style_id:
                p.style = style_id
            if index == 0:
                mark = paragraph.add_run()
                _superscript(mark)
                mark._r.append(OxmlElement("w:footnoteRef"))
                paragraph.add_run(" ")
            out.append(paragraph)
        return note_id, out

    def call(self, paragraph: Paragraph, node: ir.FootnoteRef, note: ir.Footnote | None,
             fill: Callable[[Paragraph, Sequence[ir.Inline]], None]) -> None:
        """The call ``node`` at the end of ``paragraph``; ``fill`` writes inlines into a paragraph."""
        if not node.first or note is None:
            run = paragraph.add_run(node.num)
            run.font.superscript = True
            return
        note_id, paragraphs = self.add_note(self.style_id, len(note.children))
        for target, source in zip(paragraphs, note.children):
            fill(target, source.children)
        add_call(paragraph, note_id)

    def finish(self) -> None:
        """Numbering restarts in each section (notes in several parts); Word's special notes named in the
        settings (only with notes)."""
        if self._element is None:
            return
        if self._part is not None and not isinstance(self._part, XmlPart):
            self._part._blob = self._element.xml.encode("utf-8")  # a part python-docx keeps as bytes
        for section in self.target.sections if len(self._sections_with_notes) > 1 else ():
            sect_pr = section._sectPr
            old = sect_pr.find(qn("w:footnotePr"))
            if old is not None:
                sect_pr.remove(old)
            props = OxmlElement("w:footnotePr")
            restart = OxmlElement("w:numRestart")
            restart.set(qn("w:val"), "eachSect")
            props.append(restart)
            following = next((child for child in sect_pr
                              if child.tag not in (qn("w:headerReference"), qn("w:footerReference"))), None)
            if following is not None:
                following.addprevious(props)
            else:
                sect_pr.append(props)
        settings = self.target.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            props = OxmlElement("w:footnotePr")
            for special in ("-1", "0"):
                ref = OxmlElement("w:footnote")
                ref.set(qn("w:id"), special)
                props.append(ref)
            following = next((e for tag in _AFTER_SETTINGS_FOOTNOTE_PR for e in settings.findall(qn(tag))), None)
            if following is not None:
                following.addprevious(props)
            else:
                settings.append(props)
