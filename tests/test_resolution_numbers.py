"""Resolution numbers: read in any order the councils use, with "/" or "." between the parts, and printed in
the profile's order and with the profile's separator (title block, annex header, draft blanks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS
from pydantic import ValidationError

from paldocs.api import render, to_document
from paldocs.model.resolution import ResolutionNumber

SAMPLE = TESTS / "data" / "body" / "gmina-x.yaml"


@pytest.mark.parametrize("typed, session, number, year", [
    ("LXIV/400/14", "LXIV", 400, 2014),
    ("124/XXII/2016", "XXII", 124, 2016),
    ("228/2005", None, 228, 2005),
    ("IX.93.2019", "IX", 93, 2019),  # Rada Gminy Dąbrowa Chełmińska, Dz. Urz. Woj. Kujawsko-Pomorskiego 2019 poz. 5401
    ("93.IX.2019", "IX", 93, 2019),
    ("III . 23 . 18", "III", 23, 2018),
    ("23.2018", None, 23, 2018),
])
def test_a_typed_number_is_read_with_either_separator(typed: str, session: str | None, number: int,
                                                      year: int) -> None:
    assert ResolutionNumber.model_validate(typed) == ResolutionNumber(session=session, number=number, year=year)


@pytest.mark.parametrize("typed", ["IX.93/2019", "IX/93.2019", "IX-93-2019", "IX..93.2019"])
def test_mixed_or_other_separators_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="nie jest numerem uchwały"):
        ResolutionNumber.model_validate(typed)


def _text(tmp_path: Path, numbering: dict[str, Any], **resolution: Any) -> str:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["municipality"]["numbering"] = numbering
    data["resolution"].update(resolution)
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    document, _ = to_document(path)
    content = render(document, "txt")
    return (content.decode("utf-8") if isinstance(content, bytes) else content).replace("\u00a0", " ")


@pytest.mark.parametrize("numbering, typed, printed", [
    ({"separator": "."}, "IX.93.2024", "UCHWAŁA NR IX.93.2024"),
    ({"separator": "."}, "IX/93/2024", "UCHWAŁA NR IX.93.2024"),  # the profile decides, not the typing
    ({"separator": ".", "order": "number/session/year", "year_digits": 2}, "IX.93.2024", "UCHWAŁA NR 93.IX.24"),
    ({}, "IX.93.2024", "UCHWAŁA NR IX/93/2024"),
])
def test_the_profile_decides_how_the_number_is_printed(tmp_path: Path, numbering: dict[str, Any], typed: str,
                                                       printed: str) -> None:
    assert _text(tmp_path, numbering, number=typed).startswith(printed + "\n")


def test_a_drafts_blanks_use_the_profiles_separator(tmp_path: Path) -> None:
    text = _text(tmp_path, {"separator": "."}, status="projekt")
    assert "UCHWAŁA NR ….….…\n" in text
