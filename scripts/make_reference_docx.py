"""(Re)generate ``templates/reference.docx`` alone: the named Word styles and page setup the DOCX writer
uses, generated from the house-style table ``templates/house-style.yaml``
(:mod:`paldocs.writers.docx.reference`; ``scripts/make_house_style.py`` writes it with ``print.css``).

Usage: ``python scripts/make_reference_docx.py [OUTPUT]`` (default: ``templates/reference.docx``).

A municipality may restyle a copy in Word and pass it as ``reference=``; the style names must stay. The
output is reproducible: running the script twice gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from paldocs.writers.docx.reference import build_reference

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["build_reference", "main"]


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "templates" / "reference.docx"
    output.write_bytes(build_reference())
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
