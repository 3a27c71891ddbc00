"""Input limits (paldocs/limits.py): exact boundaries, configuration, and linear cost up to the limits.

- Every limit is exact: a value at the limit is accepted, one past it is refused with a located error that
  names the ``--limit`` setting; the limits are set per call (API ``limits=``), per block (``applied_limits``)
  or on the command line (``--limit name=value``), and a bad setting is a usage error (exit code 2).
- Cost is linear in the input's size: for generated programs of 40, 80 and 160 sections, the second doubling
  adds about twice what the first added (≤ 2.3×; quadratic would be 4×) — in Python function calls (counted
  by cProfile: deterministic, unlike seconds; the brief keeps timings in benchmarks/); the peak memory
  (tracemalloc) of 4× the sections stays within 4×. Measured for load, compose, parse, numbering and the DOCX, HTML and text writers. The PDF
  stage (WeasyPrint) is measured by benchmarks/, not here: it takes seconds per thousand sections.
"""

from __future__ import annotations

import cProfile
import dataclasses
import pstats
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS

from paldocs.api import load, render, to_document
from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.limits import DEFAULT_LIMITS, Limits, applied_limits, current_limits, parse_limit_settings

VALID = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))


def program_file(folder: Path, sections: int, items: int = 4, text: str = "Aktywizacja mieszkańców") -> Path:
    """A valid data file whose program has ``sections`` sections of ``items`` items each."""
    data = dict(VALID)
    data["program"] = dict(VALID["program"], sections=[
        {"heading": f"Rozdział {number}", "content": f"Wstęp do rozdziału {number}: {text}.",
         "items": [{"text": f"{text} — punkt {number}.{item}."} for item in range(1, items + 1)]}
        for number in range(1, sections + 1)])
    path = folder / f"program-{sections}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=200), encoding="utf-8")
    return path


# --- boundaries ------------------------------------------------------------------------------------------

def longest_text(path: Path) -> int:
    def texts(value: object) -> list[str]:
        if isinstance(value, dict):
            return [text for item in value.values() for text in texts(item)]
        if isinstance(value, list):
            return [text for item in value for text in texts(item)]
        return [value] if isinstance(value, str) else []

    return max(map(len, texts(yaml.safe_load(path.read_text(encoding="utf-8")))))


@pytest.mark.parametrize("name, at_limit, over_limit", [
    ("max_list_items", {"sections": 30, "items": 1}, {"sections": 31, "items": 1}),
    ("max_text_chars", {"sections": 1, "text": "a" * 100}, {"sections": 1, "text": "a" * 101}),
])
def test_a_value_at_the_limit_passes_and_one_past_it_is_refused(tmp_path: Path, name: str, at_limit: dict,
                                                                 over_limit: dict) -> None:
    at_limit_file = program_file(tmp_path, **at_limit)
    limit = 30 if name == "max_list_items" else longest_text(at_limit_file)
    limits = dataclasses.replace(DEFAULT_LIMITS, **{name: limit})
    load(at_limit_file, limits=limits)
    with pytest.raises(DataError, match=f"--limit {name}=") as caught:
        load(program_file(tmp_path, **over_limit), limits=limits)
    assert caught.value.location.line is not None and caught.value.location.path


def test_depth_and_file_size_limits(tmp_path: Path) -> None:
    path = program_file(tmp_path, sections=1)
    size = path.stat().st_size
    load(path, limits=Limits(max_file_bytes=size))
    with pytest.raises(DataError, match="rozmiar jednego pliku"):
        load(path, limits=Limits(max_file_bytes=size - 1))
    # program.sections[0].items[0].text is the deepest value: a path of six steps
    load(path, limits=Limits(max_depth=6))
    with pytest.raises(DataError, match="głębokość zagnieżdżenia danych YAML") as caught:
        load(path, limits=Limits(max_depth=5))
    assert caught.value.location.path == "program.sections[0].items[0].text"


def test_limits_apply_only_inside_their_block(tmp_path: Path) -> None:
    path = program_file(tmp_path, sections=3)
    with applied_limits(Limits(max_list_items=2)):
        assert current_limits().max_list_items == 2
        with pytest.raises(DataError):
            load(path)
    assert current_limits() == DEFAULT_LIMITS
    load(path)


@pytest.mark.parametrize("settings, expected", [
    (["max_text_chars=500000"], {"max_text_chars": 500_000}),
    (["max-depth=60", "max_list_items=10_000"], {"max_depth": 60, "max_list_items": 10_000}),
])
def test_limit_settings_parse(settings: list[str], expected: dict[str, int]) -> None:
    assert parse_limit_settings(settings) == dataclasses.replace(DEFAULT_LIMITS, **expected)


@pytest.mark.parametrize("setting, message", [
    ("max_pages=3", "nieznany limit „max_pages=3”"),
    ("max_depth", "nieznany limit „max_depth”"),
    ("max_depth=0", "limit max_depth musi być dodatnią liczbą całkowitą"),
    ("max_depth=dużo", "limit max_depth musi być dodatnią liczbą całkowitą, a jest „dużo”"),
])
def test_bad_limit_settings_are_explained(setting: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        parse_limit_settings([setting])


def test_the_command_line_raises_a_limit(tmp_path: Path) -> None:
    path = program_file(tmp_path, sections=40, items=1)
    refused = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "--limit", "max_list_items=39"])
    assert refused.exit_code == 2 and "--limit max_list_items=" in refused.stderr
    assert not path.with_suffix(".txt").exists()
    built = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "--limit", "max_list_items=40"])
    assert built.exit_code == 0, built.stderr
    checked = CliRunner().invoke(main, ["check", str(path), "--limit", "max_list_items=39"])
    assert checked.exit_code == 2 and "--limit max_list_items=" in checked.stderr


# --- linear cost -----------------------------------------------------------------------------------------

def build_all_but_pdf(path: Path) -> None:
    document, _ = to_document(path)
    for fmt in ("docx", "html", "txt"):
        render(document, fmt)


def function_calls(path: Path) -> int:
    profile = cProfile.Profile()
    profile.runcall(build_all_but_pdf, path)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        build_all_but_pdf(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


SIZES = (40, 80, 160)  # sections


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("linear")
    # Warm the caches (templates, kinds, catalog, inflections) with another program: they are paid once, and
    # warming with one of the measured programs would let it hit caches that the others miss.
    build_all_but_pdf(program_file(folder, 5, text="Integracja społeczna"))
    return [program_file(folder, size) for size in SIZES]


def growth(measure: Callable[[Path], int], programs: list[Path]) -> float:
    """How the cost's increment grows when the size doubles: 2.0 is linear, 4.0 quadratic. Increments, not
    totals, so that fixed costs (and what other tests left in caches) cancel out."""
    small, middle, large = (measure(path) for path in programs)
    return (large - middle) / (middle - small)


@pytest.mark.slow
def test_work_grows_linearly_with_the_program(programs: list[Path]) -> None:
    ratio = growth(function_calls, programs)
    assert ratio <= 2.3, f"doubling the sections multiplied the extra function calls by {ratio:.2f} (linear: 2)"


@pytest.mark.slow
def test_memory_grows_linearly_with_the_program(programs: list[Path]) -> None:
    # Peak memory moves in steps (which stage peaks, when the collector runs), so the increment of one doubling
    # is too noisy at these sizes; the increment over both doublings (40 → 160 sections) against the first one
    # (40 → 80) is 3.0 when memory is linear in the sections and 5.0 when it is quadratic, whatever the fixed
    # part (what other tests of the worker left in caches) is.
    small, middle, large = (peak_memory(path) for path in programs)
    ratio = (large - small) / (middle - small)
    assert ratio <= 4.0, f"memory grew by {ratio:.2f}× the first doubling's increment over two (linear: 3)"


def test_the_garbage_collector_is_paused_only_while_building(tmp_path: Path) -> None:
    """paldocs pauses the cyclic collector while it builds the IR (paldocs.api.collector_paused) and gives it
    back as it was — after a build, after a failed build, and untouched when the caller had paused it."""
    import gc

    assert gc.isenabled()
    to_document(program_file(tmp_path, sections=2))
    assert gc.isenabled()
    with pytest.raises(DataError):
        load(program_file(tmp_path, sections=3), limits=Limits(max_list_items=2))
    with pytest.raises(DataError):
        to_document(program_file(tmp_path, sections=3), limits=Limits(max_list_items=2))
    assert gc.isenabled()
    gc.disable()
    try:
        to_document(program_file(tmp_path, sections=2))
        assert not gc.isenabled()
    finally:
        gc.enable()
