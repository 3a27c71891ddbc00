"""Determinism: the same input gives byte-identical DOCX, PDF (plain, PDF/A-3b, PDF/UA-1), HTML and text.

Contract under test (reproducible builds; the writers' docstrings say the same):

- Every example — each data file under ``resolutions/`` except the municipality profiles in
  ``resolutions/profiles/``, and each data file directly in ``tests/data/`` — is discovered, not listed by
  hand, and built in two separate Python processes that differ in everything a build must not depend on:
  ``PYTHONHASHSEED`` (set and dict order), ``TZ`` (local time), working directory, output directory name,
  where the input files live (the second process builds copies in another folder, named by relative paths)
  and the order of the builds inside the process (per-process caches must not leak state between
  documents). Every output must be byte-identical between the two processes.
- Dates are never the clock's (:func:`paldocs.writers.docx.document_datetime`,
  :func:`paldocs.writers.html.format_document_date`, which the PDF writer uses):

  * DOCX core properties created/modified are midnight UTC of the document's date (the adoption date, or the
    report's month); without one, of ``SOURCE_DATE_EPOCH``; without that, of 2000-01-01. Every zip entry has
    that day at 00:00:00 as its time.
  * PDF ``/CreationDate`` and ``/ModDate`` (and HTML ``dcterms.created``/``modified``) are
    ``SOURCE_DATE_EPOCH`` (to the second) when it is set, otherwise the document's date, otherwise absent.

  Note the precedence differs: for a *dated* resolution built with ``SOURCE_DATE_EPOCH`` the DOCX keeps the
  adoption date while the PDF takes the epoch. That is what the code documents, so that is what is tested
  here; the disagreement with the issue text has been reported.
- No output embeds the build machine's paths (repository, temporary folders) or today's date.

Both processes run at the same time (one per core): the file takes about 20 s on an idle 2-core machine, under
40 s on a busy one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from paldocs.legal.catalog import load_catalog

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
RESOLUTIONS = REPO / "resolutions"
PROFILES = RESOLUTIONS / "profiles"
TEST_DATA = TESTS / "data"

# The examples that must be found whatever else is added (relative to the repository).
KNOWN_EXAMPLES = ("resolutions/ketrzyn-2014-pal.yaml", "resolutions/inowroclaw-2009-pal.yaml",
                  "resolutions/ketrzyn-2014-pal/sprawozdanie-2014-2016.yaml",
                  "resolutions/ketrzyn-2014-pal/sprawozdanie-2015.yaml",
                  "resolutions/ketrzyn-2014-pal/sprawozdanie-2016.yaml", "tests/data/ostroda-2024-pal.yaml")

# Output folder (inside a run's output directory) → the ``paldocs build`` options that fill it. Each variant
# gets its own folder because outputs are named by the input's stem and the format only.
VARIANTS: dict[str, list[str]] = {
    "plain": ["--format", "docx,pdf,html,txt"],
    "pdf-a-3b": ["--format", "pdf", "--pdf-variant", "pdf/a-3b"],
    "pdf-ua-1": ["--format", "pdf", "--pdf-variant", "pdf/ua-1"],
}
VARIANT_SUFFIXES = {"plain": (".docx", ".pdf", ".html", ".txt"), "pdf-a-3b": (".pdf",), "pdf-ua-1": (".pdf",)}

# Two epochs: one in the middle of a day (shows that the DOCX keeps only the day while the PDF keeps the
# second) and one at midnight of another day (shows that the dates follow the epoch).
EPOCH_AFTERNOON = 1700000000  # 2023-11-14 22:13:20 UTC
EPOCH_MIDNIGHT = 1735689600  # 2025-01-01 00:00:00 UTC
DOCX_FALLBACK = dt.date(2000, 1, 1)  # document_datetime's last resort

DRAFT_STEM = "projekt"  # the undated draft made from tests/data/ostroda-2024-pal.yaml
DATED_STEM = "ostroda-2024-pal"  # a dated resolution, built again under SOURCE_DATE_EPOCH
# Extra builds besides the examples: output folder → (SOURCE_DATE_EPOCH or None, which input).
EXTRA_BUILDS: dict[str, tuple[int | None, str]] = {
    "draft-no-epoch": (None, DRAFT_STEM),
    "draft-epoch-afternoon": (EPOCH_AFTERNOON, DRAFT_STEM),
    "draft-epoch-midnight": (EPOCH_MIDNIGHT, DRAFT_STEM),
    "dated-epoch-afternoon": (EPOCH_AFTERNOON, DATED_STEM),
}

# Runs in each build process: applies each job's SOURCE_DATE_EPOCH, then runs ``paldocs build`` in-process
# (one interpreter start per process keeps the file fast; the CLI's own error handling still applies: a
# failed build exits non-zero with its message on stderr).
BUILD_SCRIPT = """
import json, os, sys
from paldocs.cli import main
for job in json.loads(sys.argv[1]):
    if job["epoch"] is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(job["epoch"])
    main.main(args=["build", *job["args"]], prog_name="paldocs", standalone_mode=False)
"""


def discover_examples() -> list[Path]:
    """Every buildable data file: ``resolutions/**`` without the profiles, and ``tests/data/*`` (not its
    ``acts/`` catalogs). Globbed, so a new example is tested without editing this file."""
    found = [path for path in RESOLUTIONS.rglob("*") if path.suffix in (".yaml", ".yml") and path.is_file()
             and not path.is_relative_to(PROFILES)]
    found += [path for path in TEST_DATA.glob("*") if path.suffix in (".yaml", ".yml") and path.is_file()]
    return sorted(found)


EXAMPLES = discover_examples()


def expected_outputs() -> list[str]:
    """Every output a run must produce, relative to its output directory (``plain/ketrzyn-2014-pal.docx``)."""
    names = [f"{variant}/{example.stem}{suffix}" for variant, suffixes in VARIANT_SUFFIXES.items()
             for example in EXAMPLES for suffix in suffixes]
    for folder, (_, stem) in EXTRA_BUILDS.items():
        names += [f"{folder}/{stem}{suffix}" for suffix in VARIANT_SUFFIXES["plain"]]
    return sorted(names)


@dataclasses.dataclass(frozen=True)
class Run:
    """One build process: where it ran and where its outputs are."""

    cwd: Path
    out: Path


@dataclasses.dataclass(frozen=True)
class Builds:
    first: Run
    second: Run
    machine_paths: tuple[str, ...]  # folders whose names must not appear in any output


def undated_draft(source: Path) -> str:
    """tests/data/ostroda-2024-pal.yaml as a draft: no adoption date and no number (whose year is the year
    of adoption), exactly what a clerk starts from."""
    text = source.read_text(encoding="utf-8")
    draft, removed = re.subn(r"(?m)^  (date|number): .*\n", "", text)
    assert removed == 2, "tests/data/ostroda-2024-pal.yaml no longer has resolution.number and .date lines"
    return draft


def jobs(inputs: dict[str, str], draft: str, out: Path) -> list[dict[str, object]]:
    """The build jobs of one process; ``inputs`` maps each example's stem to the path to pass."""
    examples = [inputs[example.stem] for example in EXAMPLES]
    result: list[dict[str, object]] = [
        {"epoch": None, "args": [*examples, *options, "--out", str(out / variant)]}
        for variant, options in VARIANTS.items()]
    for folder, (epoch, stem) in EXTRA_BUILDS.items():
        source = draft if stem == DRAFT_STEM else inputs[stem]
        result.append({"epoch": epoch, "args": [source, *VARIANTS["plain"], "--out", str(out / folder)]})
    return result


def start(script_jobs: list[dict[str, object]], cwd: Path, hash_seed: str, tz: str) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}  # jobs set it
    env.update(PYTHONHASHSEED=hash_seed, TZ=tz)
    return subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, json.dumps(script_jobs)], cwd=cwd, env=env,
                            text=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[str], label: str) -> None:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, f"{label} build failed (exit {process.returncode}):\n{stderr}\n{stdout}"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """Build everything twice, in two processes started together (one per core)."""
    assert len({example.stem for example in EXAMPLES}) == len(EXAMPLES), \
        "two examples share a file name; their outputs would overwrite each other in one --out folder"
    draft = undated_draft(TEST_DATA / f"{DATED_STEM}.yaml")

    # First process: the repository's files by absolute path, from a working folder of its own.
    first_root = tmp_path_factory.mktemp("pierwszy")
    (first_root / f"{DRAFT_STEM}.yaml").write_text(draft, encoding="utf-8")
    first = Run(cwd=first_root / "cwd", out=first_root / "wyniki-1")
    first.cwd.mkdir()
    first_jobs = jobs({example.stem: str(example) for example in EXAMPLES},
                      str(first_root / f"{DRAFT_STEM}.yaml"), first.out)

    # Second process: copies of the inputs elsewhere (same layout, so relative references such as
    # profiles/ketrzyn.yaml and ../ketrzyn-2014-pal.yaml still resolve), named relative to the working folder,
    # output to a folder with another name, builds in the reverse order.
    second_root = tmp_path_factory.mktemp("drugi-przebieg")
    copy = second_root / "kopia-danych"
    shutil.copytree(RESOLUTIONS, copy / "resolutions")
    shutil.copytree(TEST_DATA, copy / "tests" / "data")
    (copy / f"{DRAFT_STEM}.yaml").write_text(draft, encoding="utf-8")
    second = Run(cwd=copy, out=second_root / "inne" / "out-2")
    second_jobs = jobs({example.stem: example.relative_to(REPO).as_posix() for example in EXAMPLES},
                       f"{DRAFT_STEM}.yaml", second.out)[::-1]

    processes = [start(first_jobs, first.cwd, "1", "UTC"), start(second_jobs, second.cwd, "2", "Asia/Kathmandu")]
    try:
        finish(processes[0], "first (PYTHONHASHSEED=1)")
        finish(processes[1], "second (PYTHONHASHSEED=2, copied inputs, reverse order)")
    finally:  # a failed or timed-out run must not leave the other process behind
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    return Builds(first, second, machine_paths=(str(REPO), str(first_root), str(second_root)))


# --- diagnostics: say where two outputs differ, not only that they do -------------------------------------


def describe_difference(name: str, first: bytes, second: bytes) -> str:
    if name.endswith(".docx"):
        return _docx_difference(first, second)
    if name.endswith(".pdf"):
        return _binary_difference(first, second) + _pdf_stream_difference(first, second)
    return _text_difference(first, second)


def _first_offset(first: bytes, second: bytes) -> int:
    shorter = min(len(first), len(second))  # when one is a prefix of the other, it differs where it ends
    return next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), shorter)


def _binary_difference(first: bytes, second: bytes) -> str:
    offset = _first_offset(first, second)
    start = max(0, offset - 60)
    # The object being written there ("12 0 obj") is usually the best clue (fonts, metadata, attachments).
    object_start = first.rfind(b" obj", 0, offset)
    header = first[max(0, object_start - 12):object_start + 4].split(b"\n")[-1] if object_start >= 0 else b"?"
    return (f"sizes {len(first)} / {len(second)}; first difference at byte {offset} (in {header!r}):\n"
            f"  first:  {first[start:offset + 60]!r}\n  second: {second[start:offset + 60]!r}")


def _stream_at(data: bytes, offset: int) -> bytes | None:
    """The decompressed stream of the PDF object around ``offset`` (None: not a Flate stream)."""
    object_start = data.rfind(b" obj", 0, offset + 1)
    object_end = data.find(b"endobj", offset)
    stream = re.compile(rb"stream\r?\n").search(data, max(object_start, 0), object_end if object_end >= 0 else None)
    if object_start < 0 or stream is None:
        return None
    try:
        return zlib.decompressobj().decompress(data[stream.end():object_end])
    except zlib.error:
        return None


def _pdf_stream_difference(first: bytes, second: bytes) -> str:
    # WeasyPrint packs most objects into compressed object streams: the raw bytes say little, the
    # decompressed ones say which dictionary or which text differs.
    offset = _first_offset(first, second)
    one, two = _stream_at(first, offset), _stream_at(second, offset)
    if one is None or two is None or one == two:
        return ""
    inner = _first_offset(one, two)
    start = max(0, inner - 80)
    return (f"\n  decompressed stream of that object, first difference at byte {inner}:\n"
            f"  first:  {one[start:inner + 80]!r}\n  second: {two[start:inner + 80]!r}")


def _text_difference(first: bytes, second: bytes) -> str:
    lines = difflib.unified_diff(first.decode("utf-8", "replace").splitlines(),
                                 second.decode("utf-8", "replace").splitlines(), "first", "second", lineterm="", n=1)
    return "\n".join(list(lines)[:30])


def _docx_difference(first: bytes, second: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        if a.namelist() != b.namelist():
            return f"zip members differ (names or order):\n  first:  {a.namelist()}\n  second: {b.namelist()}"
        for left, right in zip(a.infolist(), b.infolist(), strict=True):  # same names
            fields = ("date_time", "compress_type", "external_attr", "create_system", "extra", "comment")
            if (changed := [f for f in fields if getattr(left, f) != getattr(right, f)]):
                return f"zip member {left.filename}: header fields differ: " + ", ".join(
                    f"{f} {getattr(left, f)!r} / {getattr(right, f)!r}" for f in changed)
            if (one := a.read(left)) != (two := b.read(right)):
                return f"zip member {left.filename} differs: " + _binary_difference(one, two)
    return "every member is the same; the zip container itself differs: " + _binary_difference(first, second)


# --- what a run produced --------------------------------------------------------------------------------


def produced(run: Run) -> list[str]:
    return sorted(path.relative_to(run.out).as_posix() for path in run.out.rglob("*") if path.is_file())


def test_discovers_every_example() -> None:
    assert EXAMPLES, "no examples found under resolutions/ and tests/data/"
    found = {example.relative_to(REPO).as_posix() for example in EXAMPLES}
    assert set(KNOWN_EXAMPLES) <= found, f"missing: {sorted(set(KNOWN_EXAMPLES) - found)}"
    assert not any(example.is_relative_to(PROFILES) for example in EXAMPLES)  # profiles are not buildable
    # One --out folder per variant holds every example's outputs, named by stem: stems must not collide.
    assert len({example.stem for example in EXAMPLES}) == len(EXAMPLES), [example.stem for example in EXAMPLES]


@pytest.mark.slow
def test_each_run_writes_exactly_the_expected_files(builds: Builds) -> None:
    # Also catches a leftover temporary file of the atomic write.
    assert produced(builds.first) == expected_outputs()
    assert produced(builds.second) == expected_outputs()


@pytest.mark.slow
@pytest.mark.parametrize("name", expected_outputs())
def test_same_bytes_in_another_process(builds: Builds, name: str) -> None:
    first = (builds.first.out / name).read_bytes()
    second = (builds.second.out / name).read_bytes()
    assert first == second, f"{name} differs between the two builds: {describe_difference(name, first, second)}"


# --- dates ----------------------------------------------------------------------------------------------


def example_date(example: Path) -> dt.date | None:
    """The document's own date, read from the data with plain YAML (not with paldocs): a resolution's adoption
    date, a report's month (its first day); None for a draft not yet adopted or a report without a month."""
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    if data.get("document") == "report":  # a report without a month (as some are published) is undated
        return dt.date.fromisoformat(f"{data['month']}-01"[:10]) if data.get("month") else None
    value = data["resolution"].get("date")
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def docx_dates(path: Path) -> tuple[dt.datetime, dt.datetime, set[tuple[int, ...]]]:
    """Core properties created and modified, and the set of the zip entries' times."""
    data = path.read_bytes()
    props = docx.Document(io.BytesIO(data)).core_properties
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        times = {info.date_time for info in package.infolist()}
    return props.created, props.modified, times


def pdf_dates(path: Path) -> tuple[str | None, str | None]:
    """The raw ``/CreationDate`` and ``/ModDate`` strings of the Info dictionary."""
    info = pypdf.PdfReader(path).metadata or {}
    created, modified = info.get("/CreationDate"), info.get("/ModDate")
    return (None if created is None else str(created)), (None if modified is None else str(modified))


def html_dates(path: Path) -> tuple[str | None, str | None]:
    text = path.read_text(encoding="utf-8")

    def value(kind: str) -> str | None:
        found = re.search(rf'<meta name="dcterms\.{kind}" content="([^"]*)">', text)
        return found[1] if found else None

    return value("created"), value("modified")


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def assert_docx_day(path: Path, day: dt.date) -> None:
    created, modified, times = docx_dates(path)
    assert created == modified == midnight(day), f"{path.name}: core properties {created}, {modified}; expected {day}"
    assert times == {(day.year, day.month, day.day, 0, 0, 0)}, f"{path.name}: zip entry times {times}"


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[example.stem for example in EXAMPLES])
def test_examples_carry_their_own_date(builds: Builds, example: Path) -> None:
    """Without SOURCE_DATE_EPOCH every format is dated with the document's date, in every variant; an undated
    draft's DOCX with 2000-01-01 and its PDF and HTML not at all (the contract above)."""
    day = example_date(example)
    if day is None:
        assert_docx_day(builds.first.out / "plain" / f"{example.stem}.docx", dt.date(2000, 1, 1))
        for variant in VARIANTS:
            assert pdf_dates(builds.first.out / variant / f"{example.stem}.pdf") == (None, None), variant
        assert html_dates(builds.first.out / "plain" / f"{example.stem}.html") == (None, None)
        return
    assert_docx_day(builds.first.out / "plain" / f"{example.stem}.docx", day)
    pdf_day = f"D:{day:%Y%m%d}"
    for variant in VARIANTS:
        assert pdf_dates(builds.first.out / variant / f"{example.stem}.pdf") == (pdf_day, pdf_day), variant
    assert html_dates(builds.first.out / "plain" / f"{example.stem}.html") == (day.isoformat(), day.isoformat())


def test_known_example_dates() -> None:
    # Anchors example_date itself, so that the test above cannot agree with a misread date.
    assert example_date(RESOLUTIONS / "ketrzyn-2014-pal.yaml") == dt.date(2014, 4, 29)
    assert example_date(RESOLUTIONS / "ketrzyn-2014-pal" / "sprawozdanie-2016.yaml") == dt.date(2017, 3, 1)


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "epoch"), [("draft-epoch-afternoon", EPOCH_AFTERNOON),
                                               ("draft-epoch-midnight", EPOCH_MIDNIGHT)])
def test_undated_draft_is_dated_by_source_date_epoch(builds: Builds, folder: str, epoch: int) -> None:
    when = dt.datetime.fromtimestamp(epoch, dt.UTC)
    out = builds.first.out / folder
    created, modified, times = docx_dates(out / f"{DRAFT_STEM}.docx")
    assert created == modified == when  # core properties keep the second; zip entries the day (zip has no zone)
    assert times == {(when.year, when.month, when.day, 0, 0, 0)}
    pdf_when = f"D:{when:%Y%m%d%H%M%S}Z"  # the PDF keeps the second
    assert pdf_dates(out / f"{DRAFT_STEM}.pdf") == (pdf_when, pdf_when)
    w3c = f"{when:%Y-%m-%dT%H:%M:%S}Z"
    assert html_dates(out / f"{DRAFT_STEM}.html") == (w3c, w3c)


@pytest.mark.slow
def test_another_epoch_gives_other_dates(builds: Builds) -> None:
    for suffix in (".docx", ".pdf", ".html"):
        afternoon = (builds.first.out / "draft-epoch-afternoon" / f"{DRAFT_STEM}{suffix}").read_bytes()
        midnight_build = (builds.first.out / "draft-epoch-midnight" / f"{DRAFT_STEM}{suffix}").read_bytes()
        assert afternoon != midnight_build, suffix
    # The text has no metadata: the epoch must not change it.
    assert (builds.first.out / "draft-epoch-afternoon" / f"{DRAFT_STEM}.txt").read_bytes() == \
        (builds.first.out / "draft-epoch-midnight" / f"{DRAFT_STEM}.txt").read_bytes()


@pytest.mark.slow
def test_undated_draft_without_epoch_never_reads_the_clock(builds: Builds) -> None:
    out = builds.first.out / "draft-no-epoch"
    assert_docx_day(out / f"{DRAFT_STEM}.docx", DOCX_FALLBACK)
    assert pdf_dates(out / f"{DRAFT_STEM}.pdf") == (None, None)  # format_document_date: no date, no entry
    assert html_dates(out / f"{DRAFT_STEM}.html") == (None, None)


@pytest.mark.slow
def test_dated_resolution_under_source_date_epoch(builds: Builds) -> None:
    """The adoption date wins in every format (paldocs.writers.dates): it is part of the input, the epoch
    only dates undated drafts."""
    out = builds.first.out / "dated-epoch-afternoon"
    day = example_date(TEST_DATA / f"{DATED_STEM}.yaml")
    assert_docx_day(out / f"{DATED_STEM}.docx", day)
    assert pdf_dates(out / f"{DATED_STEM}.pdf") == (f"D:{day:%Y%m%d}", f"D:{day:%Y%m%d}")
    assert html_dates(out / f"{DATED_STEM}.html") == (day.isoformat(), day.isoformat())


@pytest.mark.slow
def test_every_docx_zip_entry_has_one_fixed_time(builds: Builds) -> None:
    for name in expected_outputs():
        if name.endswith(".docx"):
            created, _, times = docx_dates(builds.first.out / name)
            assert len(times) == 1, f"{name}: zip entries have different times {times}"
            (stamp,) = times
            assert stamp[3:] == (0, 0, 0) and stamp[:3] == (created.year, created.month, created.day), (name, stamp)


# --- nothing of the build machine -----------------------------------------------------------------------


def readable_parts(path: Path) -> Iterator[bytes]:
    """The bytes in which a path or a date could hide: the file itself, every DOCX member, and every
    Flate-compressed PDF stream decompressed (page content, XMP metadata, embedded source files)."""
    data = path.read_bytes()
    yield data
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            yield from (package.read(name) for name in package.namelist())
    elif path.suffix == ".pdf":
        for match in re.finditer(rb"stream\r?\n", data):
            try:
                yield zlib.decompressobj().decompress(data[match.end():match.end() + 4_000_000])
            except zlib.error:
                continue  # not Flate (or not a stream at all): its raw bytes were searched above


@pytest.mark.slow
def test_no_machine_paths_or_build_time_in_outputs(builds: Builds) -> None:
    today = dt.date.today()
    # Dates the outputs carry on purpose: the documents' own and the epochs'. On such a day the date check
    # would be meaningless, so it is skipped.
    fixed_days = {day for day in map(example_date, EXAMPLES) if day is not None}
    fixed_days |= {dt.datetime.fromtimestamp(e, dt.UTC).date() for e in (EPOCH_AFTERNOON, EPOCH_MIDNIGHT)}
    needles = list(builds.machine_paths)
    if today not in fixed_days:
        needles += [today.isoformat(), f"D:{today:%Y%m%d}"]
    # The PDF/A-3 manifest records the acts catalog's version, a date fixed in paldocs/legal/acts.yaml (which
    # may well be today's on the day the catalog is updated): blank that one field out instead of skipping.
    catalog_field = f'"catalog_version": "{load_catalog().version}"'.encode()
    found: list[str] = []
    for run in (builds.first, builds.second):
        for name in expected_outputs():
            for part in (part.replace(catalog_field, b"") for part in readable_parts(run.out / name)):
                # UTF-8 for text and XML; UTF-16BE for PDF text strings (Info dictionary, outlines).
                found += [f"{name}: {needle!r}" for needle in needles
                          if needle.encode("utf-8") in part or needle.encode("utf-16-be") in part]
    assert not found, "outputs embed the build machine's paths or today's date:\n" + "\n".join(sorted(set(found)))
