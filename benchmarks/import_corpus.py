"""The import corpus measured: a Markdown table of what ``paldocs import`` keeps of each real text.

Run: ``.venv/bin/python benchmarks/import_corpus.py`` (from the repository root). For every item of
tests/data/import_corpus (each ``*.source.yaml``) it imports the file, builds each imported document to text and
accounts for the original's words — exactly as tests/test_import_corpus.py does, with its functions — and prints
one row per file: its types, the original's words, how many were kept, dropped (page chrome, e-document
lines, … as the log says), changed (repairs), unaccounted, the share kept / (words − dropped), the number of
documents, and the import time in milliseconds (one run, wall clock: for orientation, not a benchmark of
record). A file that fails to import or build shows the error instead. Then the mean share over the files that
were measured.

``--readme`` prints instead the rows of the table in tests/data/import_corpus/README.md (file, municipality,
act, year, types, source address) from the records, so that the README follows the folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_import_corpus import corpus_items, measure, table_rows  # noqa: E402  (tests/ is on sys.path from here)

HEADER = ("| file | types | words | kept | dropped | changed | unaccounted | share | documents | time ms | error |\n"
          "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
README_HEADER = ("| file | municipality | act | year | types | source address |\n"
                 "|---|---|---|---|---|---|")


def measured_table() -> str:
    measures = [measure(item.name) for item in corpus_items()]
    shares = [result.account.share for result in measures if result.account is not None]
    mean = f"{sum(shares) / len(shares):.4f}" if shares else "—"
    return "\n".join([HEADER, *table_rows(measures), "",
                      f"Mean share over {len(shares)} of {len(measures)} files measured: {mean} "
                      f"(files failing to import or build: {len(measures) - len(shares)})."])


def readme_table() -> str:
    rows = []
    for item in corpus_items():
        record = item.record
        cells = [f"`{item.document.name}`", record["municipality"], " ".join(str(record["title"]).split()),
                 record["year"], ", ".join(item.types), record["url"]]
        rows.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join([README_HEADER, *rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true", help="print the README table of the corpus instead")
    arguments = parser.parse_args()
    print(readme_table() if arguments.readme else measured_table())


if __name__ == "__main__":
    main()
