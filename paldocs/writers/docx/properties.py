"""Document-level settings of a DOCX: the core properties (title, subject, author, keywords, language, dates)
and the document language where a municipality's reference document may lack it.

Contract: :func:`set_core_properties` writes the IR's metadata (each value cut to Word's limit of
:data:`CORE_PROPERTY_LIMIT` characters, with "…") and the fixed date given; :func:`set_language` sets the
docDefaults' ``w:lang`` and ``w:settings/w:themeFontLang`` only where they are missing (values there are kept).
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from paldocs import document as ir

CORE_PROPERTY_LIMIT = 255  # characters; python-docx refuses longer core property strings


def set_core_properties(target: DocxDocument, meta: ir.Meta, created: dt.datetime) -> None:
    props = target.core_properties
    props.title = _fit(meta.title)
    props.subject = _fit(meta.subject)
    props.author = _fit(meta.author)
    props.keywords = _fit(", ".join(meta.keywords))
    props.language = _fit(meta.language)
    props.comments = ""
    props.category = ""
    props.created = props.modified = created
    props.last_modified_by = "paldocs"
    props.revision = 1


# What follows w:themeFontLang in CT_Settings (schema order), to insert a missing one at its place.
_AFTER_THEME_FONT_LANG = ("w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                          "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                          "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                          "w:listSeparator")


def set_language(target: DocxDocument, language: str) -> None:
    """The language where a reference supplied by a municipality may lack it: the docDefaults' ``w:lang`` (the
    language of every style) and ``w:settings/w:themeFontLang``; values already there are kept."""
    defaults = target.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = target.styles.element.makeelement(qn("w:docDefaults"), {})
        target.styles.element.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = r_pr_default.makeelement(qn("w:rPr"), {})
        r_pr_default.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = r_pr.makeelement(qn("w:lang"), {})
        r_pr.append(lang)  # last child of rPr (w:lang comes after every other run property the defaults use)
    if not lang.get(qn("w:val")):
        lang.set(qn("w:val"), language)
    settings = target.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = settings.makeelement(qn("w:themeFontLang"), {})
        following = next((e for tag in _AFTER_THEME_FONT_LANG for e in settings.findall(qn(tag))), None)
        if following is not None:
            following.addprevious(theme_lang)
        else:
            settings.append(theme_lang)
    if not theme_lang.get(qn("w:val")):
        theme_lang.set(qn("w:val"), language)


def _fit(text: str) -> str:
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"
