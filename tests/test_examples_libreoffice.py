"""The real-client test of every example: LibreOffice opens each example's DOCX and shows all its words.

Every example data file (:func:`examples.example_files`: the seeds, the reports, the real resolutions of other
municipalities in ``resolutions/examples/``) is built once per run (``example_outputs``). LibreOffice converts
all the DOCX files to PDF in one run; the words of each DOCX (every ``w:t`` of the body, headers and footers,
read from the file itself) are compared with the words pdftotext reads, in content order, from LibreOffice's
PDF:
- no word of the DOCX may be missing (a word LibreOffice breaks inside a narrow table cell counts as shown
  when its letters stand together on the page);
- LibreOffice may add only what Word numbering and fields produce — list labels and page numbers — and the
  repetition of words the DOCX has (a table's header row repeated on the next page, a fragment of a broken word).
A DOCX that LibreOffice cannot open fails here as well.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from examples import example_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.soffice,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice (soffice) or pdftotext not installed"),
]

_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
# What Word numbering and PAGE fields print: "1", "2.", "3)", "IV.", "a)", "§ 1." labels and page numbers.
_GENERATED = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-z]{1,2})[.)]?$")


def _docx_words(path: Path) -> list[str]:
    words: list[str] = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                root = etree.fromstring(package.read(name))
                words += " ".join(node.text or "" for node in root.iter(_W_T)).split()
    return words


def _shown_words(pdf: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.split()


@pytest.fixture(scope="module")
def libreoffice_pdfs(example_outputs: dict[str, dict[str, Path]], tmp_path_factory: pytest.TempPathFactory
                     ) -> dict[str, Path]:
    """``{stem: PDF that LibreOffice made from the example's DOCX}`` (one soffice run for all of them)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = [str(outputs["docx"]) for outputs in example_outputs.values()]
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *sources],
                   check=True, capture_output=True, timeout=900)
    return {stem: folder / f"{stem}.pdf" for stem in example_outputs}


@pytest.mark.parametrize("stem", sorted(example_files()))
def test_libreoffice_shows_every_word_of_the_example(stem: str, example_outputs: dict[str, dict[str, Path]],
                                                     libreoffice_pdfs: dict[str, Path]) -> None:
    pdf = libreoffice_pdfs[stem]
    assert pdf.exists(), f"LibreOffice did not open {example_outputs[stem]['docx'].name}"
    written = [word.replace("\u00a0", " ") for word in _docx_words(example_outputs[stem]["docx"])]
    written = " ".join(written).split()
    shown = [word.replace("\u00a0", " ") for word in _shown_words(pdf)]
    shown = " ".join(shown).split()
    letters = "".join(shown)
    missing = [word for word in (Counter(written) - Counter(shown)).elements() if word not in letters]
    vocabulary = set(written)
    extra = [word for word in (Counter(shown) - Counter(written)).elements()
             if not _GENERATED.match(word) and word not in vocabulary
             and not any(word in known for known in vocabulary)]
    assert not missing, f"LibreOffice does not show these words of the DOCX: {missing[:20]}"
    assert not extra, f"LibreOffice shows words the DOCX does not have: {extra[:20]}"
