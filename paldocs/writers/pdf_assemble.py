"""One PDF from the PDF objects WeasyPrint made of consecutive pieces of one document, without parsing a PDF.

Why not join finished PDFs: reading a tagged PDF back (pypdf) parses every structure element again and costs
about as much as laying a quarter of the pages out, on one core, after the workers are done. Here each worker
keeps WeasyPrint's objects (:class:`pydyf.PDF`) instead of writing a file, numbers them into the joined file's
numbering itself (in parallel with the others), and the caller only lays the serialized objects end to end and
writes the few objects that describe the whole document.

Contract:
- Worker side: :func:`prepare` ``(pdf, bookmarks, first=…)`` takes the worker's :class:`pydyf.PDF` after
  WeasyPrint and paldocs finished it (and before it is written) and returns a :class:`PreparedPiece`: its objects
  serialized (streams compressed as WeasyPrint would) and its :class:`PieceCounts`; :meth:`PreparedPiece.renumbered`
  ``(bases)`` returns the :class:`AssembledPiece` numbered into the joined file. A piece's Pages, Catalog, outline
  and structure-tree root objects are left out (the caller writes the joined ones); the XMP metadata is kept from
  the first piece only. A piece with something this module does not join (an interactive form, embedded files, a
  PDF 2.0 namespace) raises :class:`UnsupportedPiece`, and the caller renders serially.
- Caller side: :func:`bases` gives each piece its first object number and parent-tree keys from all pieces'
  counts; :func:`assemble` writes the joined PDF (pydyf): every page in order under one page tree; the outline
  made by WeasyPrint's own bookmark functions from every page's bookmarks, so nesting is as in a serial render
  (a chapter in a later piece nests under the annex heading of an earlier one); the named destinations of all
  pieces, sorted, the first of a name winning (as WeasyPrint resolves anchors); one structure tree: one Document
  element holding every piece's elements, the parent tree keyed as in a serial render (pages first, then link
  annotations); the first piece's catalog entries (/Lang, /MarkInfo, /ViewerPreferences, /OutputIntents,
  /Metadata), document information, PDF version and identifier setting.
- The same pieces give the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import types
import zlib
from collections.abc import Sequence
from typing import Any

import pydyf

# References ("12 0 R") and parent-tree keys (/StructParents 3, /StructParent 7) outside strings. pydyf escapes
# every parenthesis and backslash inside a literal string and writes other strings as hex, so a string is
# exactly one of the first two alternatives and is copied unchanged.
_TOKENS = re.compile(rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f]*>|(?<![\w.+-])(\d+) 0 R\b|/(StructParents?) (\d+)", re.S)

# The joined file's objects: 1 Pages and 2 Catalog (pydyf's own), then the structure tree's root, Document
# element, parent tree and namespace (WeasyPrint 70 declares the PDF 2.0 namespace in every tagged PDF), then
# the pieces' objects.
PAGES, CATALOG, STRUCTURE_ROOT, DOCUMENT_ELEMENT, PARENT_TREE, NAMESPACE = 1, 2, 3, 4, 5, 6
_RESERVED = (STRUCTURE_ROOT, DOCUMENT_ELEMENT, PARENT_TREE, NAMESPACE)
_JOINED_CATALOG_KEYS = {"Type", "Pages", "Outlines", "Names", "StructTreeRoot"}
_KEPT_CATALOG_KEYS = {"Lang", "MarkInfo", "ViewerPreferences", "OutputIntents", "Metadata"}

Bookmark = tuple[int, str, tuple[float, float], str]  # level, label, point in PDF units, open/closed


class UnsupportedPiece(Exception):
    """The piece holds something this module does not join (the caller renders the document serially)."""


@dataclasses.dataclass(frozen=True, slots=True)
class PieceCounts:
    objects: int  # objects the piece brings to the joined file
    pages: int
    annotation_keys: int  # parent-tree keys of its link annotations


@dataclasses.dataclass(frozen=True, slots=True)
class PieceBases:
    first_object: int  # the joined number of the piece's first object
    first_page_key: int  # the parent-tree key of its first page
    first_annotation_key: int  # the key of its first link annotation (after every page's key)


@dataclasses.dataclass(frozen=True, slots=True)
class AssembledPiece:
    """A piece numbered into the joined file; every ``bytes`` is PDF syntax in the joined numbering."""
    objects: list[bytes | None]  # numbered from first_object on; None: inside the object stream (the last)
    first_object: int
    pages: list[int]
    bookmarks: list[list[Bookmark]]  # per page
    names: list[tuple[str, bytes]]  # named destinations in the piece's order
    document_kids: list[bytes]
    parent_tree: list[tuple[int, bytes]]
    catalog: list[tuple[str, bytes]]
    structure_root: list[tuple[str, bytes]]  # entries besides /Type, /K, /ParentTree, /Namespaces
    namespace: list[tuple[str, bytes]] | None  # the structure namespace's entries
    document_element: list[tuple[str, bytes]]  # entries besides /Type, /S, /K, /P
    info: bytes | None
    tagged: bool


def bases(counts: Sequence[PieceCounts]) -> list[PieceBases]:
    """Each piece's first object number and parent-tree keys: pages keyed first, then the annotations."""
    out, first_object, page_key = [], _RESERVED[-1] + 1, 0  # 3–6 are reserved whether used or not (see assemble)
    annotation_key = sum(count.pages for count in counts)
    for count in counts:
        out.append(PieceBases(first_object, page_key, annotation_key))
        first_object += count.objects
        page_key += count.pages
        annotation_key += count.annotation_keys
    return out


def _number(reference: Any) -> int:
    return int(pydyf._to_bytes(reference).split()[0])


def _outline_numbers(pdf: pydyf.PDF, reference: Any) -> set[int]:
    """The outline root and every item under it."""
    numbers, pending = set(), [_number(reference)]
    while pending:
        number = pending.pop()
        numbers.add(number)
        item = pdf.objects[number]
        pending += [_number(item[key]) for key in ("First", "Next") if key in item]
    return numbers


@dataclasses.dataclass(slots=True)
class PreparedPiece:
    """A worker's piece serialized in its own numbering, waiting for its place in the joined file."""
    pdf: pydyf.PDF
    kept: list[tuple[bytes, bytes, bool]]  # (dictionary part, stream part or b"", compressible)
    index: dict[int, int]  # local object number → position among the kept objects
    special: dict[int, int]  # local number → reserved joined number
    counts: PieceCounts
    bookmarks: list[list[Bookmark]]
    structure: dict[str, Any] | None  # the local root, document element, parent tree, namespace (tagged)
    first: bool  # the document's first piece: the joined file takes its catalog entries and information

    def renumbered(self, place: PieceBases) -> AssembledPiece:
        pages = self.counts.pages

        def shifted(key: int) -> int:
            """A parent-tree key in the joined file: the piece's pages' keys come first, its annotations' after."""
            return place.first_page_key + key if key < pages else place.first_annotation_key + key - pages

        def replace(match: re.Match[bytes]) -> bytes:
            if match.group(1) is not None:
                local = int(match.group(1))
                joined = self.special.get(local)
                return b"%d 0 R" % (joined if joined is not None else place.first_object + self.index[local])
            if match.group(2) is not None:
                return b"/%s %d" % (match.group(2), shifted(int(match.group(3))))
            return match.group(0)

        def renumber(value: Any) -> bytes:
            return _TOKENS.sub(replace, pydyf._to_bytes(value))

        pdf = self.pdf
        objects: list[bytes | None] = []
        packed: list[tuple[int, bytes]] = []  # (joined number, data) of the objects the object stream holds
        for position, (head, tail, compressible) in enumerate(self.kept):
            data = renumber(head) + tail if tail else renumber(head)
            if compressible:
                packed.append((place.first_object + position, data))
                objects.append(None)
            else:
                objects.append(data)
        objects.append(_object_stream(packed))
        destinations = pdf.catalog.get("Names", {}).get("Dests", {}).get("Names", [])
        names = [(destinations[i].string, renumber(destinations[i + 1])) for i in range(0, len(destinations), 2)]
        document_kids: list[bytes] = []
        parent_tree: list[tuple[int, bytes]] = []
        root_entries: list[tuple[str, bytes]] = []
        document_entries: list[tuple[str, bytes]] = []
        namespace = None
        if self.structure is not None:
            root, document, mapping = (self.structure[k] for k in ("root", "document", "parent_tree"))
            document_kids = [renumber(kid) for kid in document["K"]]
            nums = mapping["Nums"]
            parent_tree = [(shifted(int(nums[i])), renumber(nums[i + 1])) for i in range(0, len(nums), 2)]
            root_entries = [(k, renumber(v)) for k, v in root.items()
                            if k not in {"Type", "K", "ParentTree", "Namespaces"}]
            if self.structure["namespace"] is not None:
                namespace = [(k, renumber(v)) for k, v in self.structure["namespace"].items()]
            document_entries = [(k, renumber(v)) for k, v in document.items() if k not in {"Type", "S", "K", "P"}]
        return AssembledPiece(
            objects=objects, first_object=place.first_object,
            pages=[place.first_object + self.index[number] for number in pdf.pages["Kids"][::3]],
            bookmarks=self.bookmarks, names=names, document_kids=document_kids, parent_tree=parent_tree,
            catalog=[(k, renumber(v)) for k, v in pdf.catalog.items() if k in _KEPT_CATALOG_KEYS] if self.first else [],
            structure_root=root_entries, document_element=document_entries, namespace=namespace,
            info=renumber(pdf.info) if pdf.info and self.first else None, tagged=self.structure is not None)


def prepare(pdf: pydyf.PDF, bookmarks: list[list[Bookmark]], *, first: bool) -> PreparedPiece:
    """The worker's finished ``pdf`` serialized in its own numbering (see the module docstring)."""
    catalog = pdf.catalog
    if unknown := set(catalog) - _JOINED_CATALOG_KEYS - _KEPT_CATALOG_KEYS:
        raise UnsupportedPiece(f"catalog entries {sorted(unknown)}")
    if set(catalog.get("Names", {})) - {"Dests"}:
        raise UnsupportedPiece("name trees other than destinations")
    special = {pdf.pages.number: PAGES, catalog.number: CATALOG}
    dropped = {0, pdf.pages.number, catalog.number}
    if "Outlines" in catalog:
        dropped |= _outline_numbers(pdf, catalog["Outlines"])
    if "Metadata" in catalog and not first:
        dropped.add(_number(catalog["Metadata"]))  # the joined file keeps the first piece's XMP only
    structure = None
    if "StructTreeRoot" in catalog:
        root = pdf.objects[_number(catalog["StructTreeRoot"])]
        namespaces = root.get("Namespaces", [])
        if len(root["K"]) != 1 or len(namespaces) > 1:
            raise UnsupportedPiece("a structure tree other than one Document element and one namespace")
        document, mapping = pdf.objects[_number(root["K"][0])], pdf.objects[_number(root["ParentTree"])]
        namespace = pdf.objects[_number(namespaces[0])] if namespaces else None
        structure = {"root": root, "document": document, "parent_tree": mapping, "namespace": namespace}
        special |= {root.number: STRUCTURE_ROOT, document.number: DOCUMENT_ELEMENT, mapping.number: PARENT_TREE}
        dropped |= {root.number, document.number, mapping.number}
        if namespace is not None:  # every piece declares the same one: the joined file declares it once
            special[namespace.number] = NAMESPACE
            dropped.add(namespace.number)
    kept: list[tuple[bytes, bytes, bool]] = []
    index: dict[int, int] = {}
    for pdf_object in pdf.objects:
        if pdf_object.number in dropped:
            continue
        index[pdf_object.number] = len(kept)
        data = pdf_object.data
        if isinstance(pdf_object, pydyf.Stream):
            # Only the stream's dictionary holds references; its (compressed) data is copied as it is.
            head, _, tail = data.partition(b"\nstream\n")
            kept.append((head, b"\nstream\n" + tail, False))
        else:
            kept.append((data, b"", pdf_object.compressible))
    pages = len(pdf.pages["Kids"]) // 3
    keys = 0 if structure is None else len(structure["parent_tree"]["Nums"]) // 2
    # One more object than kept: the piece's object stream, which packs its dictionaries (as WeasyPrint does).
    return PreparedPiece(pdf, kept, index, special, PieceCounts(len(kept) + 1, pages, max(keys - pages, 0)),
                         bookmarks, structure, first)


def _object_stream(packed: Sequence[tuple[int, bytes]], level: int = 9) -> bytes:
    """An object stream holding ``packed`` (joined number, data), laid out as pydyf lays out WeasyPrint's."""
    header, position = [], 0
    for number, data in packed:
        header += [str(number), str(position)]
        position += len(data) + 1
    first_line = " ".join(header).encode()
    extra = {"Type": "/ObjStm", "N": len(packed), "First": len(first_line) + 1}
    return _stream(b"\n".join([first_line, *(data for _, data in packed)]), extra, level)


def _stream(data: bytes, extra: dict[str, Any], level: int) -> bytes:
    """A compressed stream object's body, as pydyf writes one (pydyf always compresses at level 9: the workers'
    streams keep that, the caller's few own ones use zlib's default, which is several times faster)."""
    data = zlib.compress(data, level)
    return pydyf.Dictionary({**extra, "Filter": "/FlateDecode", "Length": len(data)}).data \
        + b"\nstream\n" + data + b"\nendstream"


class _Serialized(pydyf.Object):
    """An object a worker already serialized in the joined numbering."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    @property
    def data(self) -> bytes:
        return self._data


class _JoinedObjects:
    """What WeasyPrint's outline function needs of a :class:`pydyf.PDF`: the pages' references, the catalog,
    and numbers for the objects it adds (after every piece's)."""

    def __init__(self, next_number: int, page_numbers: Sequence[int]) -> None:
        self.next_number = next_number
        self.made: list[pydyf.Object] = []
        self.page_references = tuple(b"%d 0 R" % number for number in page_numbers)
        self.catalog = pydyf.Dictionary({"Type": "/Catalog", "Pages": b"%d 0 R" % PAGES})

    def add_object(self, pdf_object: pydyf.Object, number: int | None = None) -> None:
        if number is None:
            number, self.next_number = self.next_number, self.next_number + 1
        pdf_object.number = number
        self.made.append(pdf_object)


def assemble(pieces: Sequence[AssembledPiece], *, version: Any, identifier: Any, compress: bool) -> bytes:
    """The joined PDF of ``pieces`` (in document order), written as WeasyPrint writes one (see the module)."""
    from weasyprint.anchors import make_page_bookmark_tree
    from weasyprint.matrix import Matrix
    from weasyprint.pdf.anchors import add_outlines

    if not compress:
        raise UnsupportedPiece("an uncompressed PDF")  # the pieces' object streams are compressed
    first, last = pieces[0], pieces[-1]
    page_numbers = [number for piece in pieces for number in piece.pages]
    joined = _JoinedObjects(last.first_object + len(last.objects), page_numbers)
    kids = pydyf.Array()
    for number in page_numbers:
        kids += [number, 0, "R"]
    joined.add_object(pydyf.Dictionary({"Type": "/Pages", "Kids": kids, "Count": len(page_numbers)}), PAGES)
    joined.add_object(joined.catalog, CATALOG)
    # The outline exactly as WeasyPrint builds a single document's, from every page's bookmarks in order.
    tree: list[Any] = []
    skipped: list[int] = []
    last_by_depth = [tree]
    level = 0
    identity = Matrix()
    for page_number, page_bookmarks in enumerate(b for piece in pieces for b in piece.bookmarks):
        level = make_page_bookmark_tree(types.SimpleNamespace(bookmarks=page_bookmarks), skipped, last_by_depth,
                                        level, page_number, identity)
    add_outlines(joined, tree)
    names: dict[str, bytes] = {}
    for piece in pieces:
        for name, destination in piece.names:
            names.setdefault(name, destination)  # the first anchor of a name wins, as in one render
    if names:
        array = pydyf.Array()
        for name in sorted(names):
            array += [pydyf.String(name), names[name]]
        joined.catalog["Names"] = pydyf.Dictionary({"Dests": pydyf.Dictionary({"Names": array})})
    for key, value in first.catalog:
        joined.catalog[key] = value
    if first.tagged:
        _join_structure(joined, pieces)
    info = None
    if first.info is not None:
        info = _Serialized(first.info)
        joined.add_object(info)
    return _write(pieces, joined, info, version, identifier)


def _join_structure(joined: _JoinedObjects, pieces: Sequence[AssembledPiece]) -> None:
    """One structure tree root, Document element (holding every piece's elements), parent tree, namespace."""
    first = pieces[0]
    root, document, parent_tree = pydyf.Dictionary(), pydyf.Dictionary(), pydyf.Dictionary()
    for pdf_object, number in ((root, STRUCTURE_ROOT), (document, DOCUMENT_ELEMENT), (parent_tree, PARENT_TREE)):
        joined.add_object(pdf_object, number)
    root.update({"Type": "/StructTreeRoot", "ParentTree": parent_tree.reference,
                 "K": pydyf.Array([document.reference]), **dict(first.structure_root)})
    document.update({"Type": "/StructElem", "S": "/Document",
                     "K": pydyf.Array(kid for piece in pieces for kid in piece.document_kids),
                     "P": root.reference, **dict(first.document_element)})
    entries = sorted((entry for piece in pieces for entry in piece.parent_tree), key=lambda entry: entry[0])
    parent_tree["Nums"] = pydyf.Array(item for key, value in entries for item in (key, value))
    if first.namespace is not None:
        namespace = pydyf.Dictionary(dict(first.namespace))
        joined.add_object(namespace, NAMESPACE)
        root["Namespaces"] = pydyf.Array([namespace.reference])
    joined.catalog["StructTreeRoot"] = root.reference


def _write(pieces: Sequence[AssembledPiece], joined: _JoinedObjects, info: pydyf.Object | None, version: Any,
           identifier: Any) -> bytes:
    """The file: header, the pieces' objects as they came, the caller's objects in one more object stream, a
    cross-reference stream (pydyf's layout: one entry per number, W [1 n m])."""
    out = io.BytesIO()
    out.write(b"%PDF-" + pydyf._to_bytes(version or b"1.7") + b"\n%\xf0\x9f\x96\xa4\n")
    size = joined.next_number + 2  # the caller's object stream and the cross-reference stream come last
    entries: list[tuple[int, int, int]] = [(0, 0, 65535)] + [(0, 0, 0)] * (size - 1)

    def write_object(number: int, data: bytes) -> None:
        entries[number] = (1, out.tell(), 0)
        out.write(b"%d 0 obj\n" % number + data + b"\nendobj\n")

    for piece in pieces:
        stream_number = piece.first_object + len(piece.objects) - 1
        packed = 0
        for number, data in enumerate(piece.objects, start=piece.first_object):
            if data is None:
                entries[number] = (2, stream_number, packed)
                packed += 1
            else:
                write_object(number, data)
    made = sorted(joined.made, key=lambda pdf_object: pdf_object.number)
    own_stream = size - 2
    datas = [(pdf_object.number, pdf_object.data) for pdf_object in made]
    for index, (number, _) in enumerate(datas):
        entries[number] = (2, own_stream, index)
    write_object(own_stream, _object_stream(datas, zlib.Z_DEFAULT_COMPRESSION))
    if identifier:
        digest = hashlib.md5(out.getvalue()).hexdigest().encode()
        identifier = digest if identifier is True else pydyf._to_bytes(identifier)
    xref_number = size - 1
    entries[xref_number] = (1, out.tell(), 0)
    offset_width = max(1, (out.tell().bit_length() + 7) // 8)
    index_width = max(1, (max(65535, *(entry[2] for entry in entries)).bit_length() + 7) // 8)
    table = b"".join(kind.to_bytes(1, "big") + second.to_bytes(offset_width, "big") + third.to_bytes(index_width, "big")
                     for kind, second, third in entries)
    extra = {"Type": "/XRef", "Index": pydyf.Array((0, size)), "W": pydyf.Array((1, offset_width, index_width)),
             "Size": size, "Root": b"%d 0 R" % CATALOG}
    if info is not None:
        extra["Info"] = info.reference
    if identifier:
        extra["ID"] = pydyf.Array((pydyf.String(identifier).data, pydyf.String(digest).data))
    out.write(b"%d 0 obj\n" % xref_number + _stream(table, extra, zlib.Z_DEFAULT_COMPRESSION) + b"\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % entries[xref_number][1])
    return out.getvalue()
