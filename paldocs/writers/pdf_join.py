"""Join PDFs that WeasyPrint made of consecutive pieces of one document into the PDF of the whole document.

Contract:
- :func:`join_pieces` takes each piece's PDF and the heading levels of its bookmarks (in document order) and
  returns one PDF: every page in order; the outline rebuilt from all bookmarks nested by level, as WeasyPrint
  nests one document's (a chapter in a later piece nests under the annex heading of an earlier one); named
  destinations and link annotations (pypdf's append); one structure tree (a Document element holding every
  piece's children, parent tree keys of pages and annotations shifted past the keys of the pieces before);
  the first piece's document information, XMP metadata, output intent (PDF/A), /Lang, /MarkInfo,
  /ViewerPreferences, PDF header and file identifier. The same pieces give the same bytes.
- ``HAVE_PYPDF`` is False when pypdf is not installed (the caller then renders serially).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from typing import Any

from paldocs.errors import RenderError

try:  # pypdf is needed only to join pieces
    import pypdf
    from pypdf.generic import ArrayObject, DictionaryObject, Fit, NameObject, NumberObject

    HAVE_PYPDF = True
except ImportError:  # pragma: no cover — pypdf is installed with paldocs's test extra
    HAVE_PYPDF = False


@dataclasses.dataclass(frozen=True, slots=True)
class RenderedPiece:
    pdf: bytes
    bookmark_levels: list[int]  # WeasyPrint's bookmark level of every outline item, in document order


def join_pieces(rendered: list[RenderedPiece]) -> bytes:
    """One PDF of the pieces' pages, outline, tags, links and the first piece's metadata."""
    readers = [pypdf.PdfReader(io.BytesIO(r.pdf)) for r in rendered]
    writer = pypdf.PdfWriter()
    for reader in readers:
        writer.append(reader, import_outline=False)
    first = readers[0]
    root = first.trailer["/Root"]
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/OutputIntents", "/Metadata"):
        if key in root:
            writer._root_object[NameObject(key)] = root.raw_get(key).clone(writer)
    if first.metadata is not None:
        writer.add_metadata({k: v for k, v in first.metadata.items()})
    if first.trailer.get("/ID") is not None:
        writer._ID = first.trailer["/ID"].clone(writer)
    writer.pdf_header = first.pdf_header
    _join_structure(writer, readers)
    _join_outline(writer, readers, rendered)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _join_structure(writer: pypdf.PdfWriter, readers: list[pypdf.PdfReader]) -> None:
    """One structure tree: a Document element holding every piece's children; parent tree keys (pages'
    /StructParents, annotations' /StructParent) shifted past the keys of the pieces before."""
    trees = [reader.trailer["/Root"].get("/StructTreeRoot") for reader in readers]
    if any(tree is None for tree in trees):
        return
    kids = ArrayObject()
    nums = ArrayObject()
    shift = 0
    page_index = 0
    new_document: DictionaryObject | None = None
    namespaces = None
    for reader, tree in zip(readers, trees, strict=True):
        tree = tree.get_object()
        document_elements = tree["/K"] if isinstance(tree["/K"], list) else [tree["/K"]]
        if namespaces is None and "/Namespaces" in tree:
            namespaces = tree.raw_get("/Namespaces").clone(writer)
        for element in document_elements:
            cloned = element.clone(writer)  # pages already cloned by append: /Pg refers to the joined pages
            cloned_object = cloned.get_object()
            if new_document is None:
                new_document = cloned_object
                continue
            for child in _as_list(cloned_object.get("/K")):
                kids.append(child)
        parent_tree = tree["/ParentTree"].get_object()
        entries = _number_tree(parent_tree)
        top = 0
        for key, value in entries:
            nums.append(NumberObject(key + shift))
            nums.append(value.clone(writer) if hasattr(value, "clone") else value)
            top = max(top, key + 1)
        # pypdf's append leaves out the pages' and annotations' parent tree keys: set them from the piece's.
        for page, source in zip(writer.pages[page_index:page_index + len(reader.pages)], reader.pages,
                                strict=True):
            if "/StructParents" in source:
                page[NameObject("/StructParents")] = NumberObject(source["/StructParents"] + shift)
            for annotation, original in zip(_as_list(page.get("/Annots")), _as_list(source.get("/Annots")),
                                            strict=False):
                annotation, original = annotation.get_object(), original.get_object()
                if "/StructParent" in original:
                    annotation[NameObject("/StructParent")] = NumberObject(original["/StructParent"] + shift)
        page_index += len(reader.pages)
        shift += top
    assert new_document is not None
    first_kids = ArrayObject(_as_list(new_document.get("/K")))
    first_kids.extend(kids)
    new_document[NameObject("/K")] = first_kids
    document_ref = writer._add_object(new_document) if new_document.indirect_reference is None \
        else new_document.indirect_reference
    for child in kids:
        child_object = child.get_object()
        if isinstance(child_object, DictionaryObject) and "/P" in child_object:
            child_object[NameObject("/P")] = document_ref
    root = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"),
        NameObject("/K"): ArrayObject([document_ref]),
        NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums})),
    })
    if namespaces is not None:
        root[NameObject("/Namespaces")] = namespaces
    root_ref = writer._add_object(root)
    new_document[NameObject("/P")] = root_ref
    writer._root_object[NameObject("/StructTreeRoot")] = root_ref


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    value = value.get_object() if hasattr(value, "get_object") else value
    return list(value) if isinstance(value, list) else [value]


def _number_tree(node: DictionaryObject) -> list[tuple[int, Any]]:
    """The (key, value) pairs of a number tree, kids included."""
    pairs: list[tuple[int, Any]] = []
    nums = node.get("/Nums")
    if nums is not None:
        nums = nums.get_object()
        pairs += [(int(nums[i]), nums.raw_get(i + 1) if hasattr(nums, "raw_get") else nums[i + 1])
                  for i in range(0, len(nums), 2)]
    for kid in _as_list(node.get("/Kids")):
        pairs += _number_tree(kid.get_object())
    return pairs


def _join_outline(writer: pypdf.PdfWriter, readers: list[pypdf.PdfReader], rendered: list[RenderedPiece]) -> None:
    """The outline of all pieces, nested by heading level as WeasyPrint nests one document's bookmarks."""
    entries: list[tuple[int, str, int, Any, Any]] = []  # level, title, page, left, top
    page_base = 0
    for reader, result in zip(readers, rendered, strict=True):
        flat = list(_flatten(reader, reader.outline))
        if len(flat) != len(result.bookmark_levels):
            raise RenderError("Zakładki części PDF-u nie zgadzają się z nagłówkami.")
        for level, (title, page, left, top) in zip(result.bookmark_levels, flat, strict=True):
            entries.append((level, title, page + page_base, left, top))
        page_base += len(reader.pages)
    stack: list[tuple[int, Any]] = []  # (level, outline item) of the open ancestors
    for level, title, page, left, top in entries:
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        item = writer.add_outline_item(title=title, page_number=page, parent=parent,
                                       fit=Fit.xyz(left=left, top=top, zoom=0), is_open=False)
        stack.append((level, item))


def _flatten(reader: pypdf.PdfReader, outline: list[Any]) -> Iterator[tuple[str, int, Any, Any]]:
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(reader, item)
        else:
            yield item.title, reader.get_destination_page_number(item), item.left, item.top
