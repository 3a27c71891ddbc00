"""(Re)generate the two files made from the house-style table ``templates/house-style.yaml``:
``templates/reference.docx`` (the DOCX writer's Word styles and page setup) and ``templates/print.css``
(the HTML and PDF stylesheet, from the template ``templates/print.css.j2``).

Usage: ``python scripts/make_house_style.py`` — run it after changing a value of the table (the tests say
when the shipped files are stale). Both outputs are reproducible: running the script twice gives the same
bytes. Each names the digest of the table it was made from, so that paldocs renders from the table
itself, not from a stale file, until the script is run again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from paldocs.style import packaged_style
from paldocs.style.css import render_css
from paldocs.writers.docx.reference import build_reference

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    style = packaged_style()
    targets = {ROOT / "templates" / "reference.docx": build_reference(style),
               ROOT / "templates" / "print.css": render_css(style).encode("utf-8")}
    for path, content in targets.items():
        path.write_bytes(content)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
