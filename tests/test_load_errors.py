"""Errors in shared profiles point into the profile. The bad-input corpus itself (every class of bad data,
with message, line and field path) is tests/bad_inputs/cases.yaml, run by tests/test_bad_inputs.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TESTS

from paldocs.api import to_document
from paldocs.errors import DataError

VALID = (TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8")


def test_the_valid_file_is_valid() -> None:
    document, notes = to_document(TESTS / "data" / "ostroda-2024-pal.yaml")
    assert document.meta.number == "XII/85/2024"
    assert notes  # the citation notes: what the catalog cannot confirm


def test_missing_profile_file_names_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "dane.yaml"
    path.write_text("municipality: profile/brak.yaml\n", encoding="utf-8")
    with pytest.raises(DataError, match="nie ma takiego pliku") as caught:
        to_document(path)
    assert caught.value.location.file == str(tmp_path / "profile" / "brak.yaml")


def test_error_in_a_shared_profile_points_into_the_profile(tmp_path: Path) -> None:
    profile = "\n".join(line.removeprefix("  ") for line in VALID.split("resolution:")[0].splitlines()[2:])
    (tmp_path / "profil.yaml").write_text(profile.replace("seat:", "siedziba:"), encoding="utf-8")
    data = tmp_path / "dane.yaml"
    data.write_text("municipality: profil.yaml\n" + "resolution:" + VALID.split("resolution:")[1], encoding="utf-8")
    with pytest.raises(DataError, match="nieznane pole „siedziba”") as caught:
        to_document(data)
    assert caught.value.location.file == str(tmp_path / "profil.yaml")
    assert caught.value.location.line == 3
    assert caught.value.location.path == "municipality.siedziba"
