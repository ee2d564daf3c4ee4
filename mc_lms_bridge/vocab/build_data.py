"""Regenerate the vocabulary package data (data/*.json) from the official source files.

Usage::

    python -m mc_lms_bridge.vocab.build_data SOURCE_DIR [--iso-codes DIR] [--output DIR] [--check]

SOURCE_DIR is a folder laid out like ``shared/standards/edc/vocab`` (``edci-and-sample-concepts.csv``
and ``xsd-cv-loq/*.xsd``); ``tests/data/vocab/edc-vocab`` is a committed copy of the files needed.
``--iso-codes`` is a folder with the iso-codes ``iso_3166-1.json`` and ``iso_639-2.json`` (default
``/usr/share/iso-codes/json``, Debian package iso-codes; copy: ``tests/data/vocab/iso-codes``).
``--check`` writes nothing and exits 1 when the shipped files differ from what the sources give.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .assembly import XSD_FILES, VocabularySources, build_all
from .registry import data_file_name
from .sources import (
    parse_concept_csv,
    parse_iso639_1_languages,
    parse_iso3166_alpha3_to_alpha2,
    parse_xsd_code_list,
)

CONCEPT_CSV = "edci-and-sample-concepts.csv"
XSD_FOLDER = "xsd-cv-loq"
ISO_COUNTRIES = "iso_3166-1.json"
ISO_LANGUAGES = "iso_639-2.json"
DEFAULT_ISO_CODES_DIR = Path("/usr/share/iso-codes/json")
PACKAGE_DATA_DIR = Path(__file__).resolve().parent / "data"


def source_paths(source_dir: Path, iso_codes_dir: Path) -> list[Path]:
    """Return every file the generator reads, in a stable order."""
    xsd_paths = [source_dir / XSD_FOLDER / file_name for file_name in sorted(set(XSD_FILES.values()))]
    iso_paths = [iso_codes_dir / ISO_COUNTRIES, iso_codes_dir / ISO_LANGUAGES]
    return [source_dir / CONCEPT_CSV, *xsd_paths, *iso_paths]


def read_sources(source_dir: Path, iso_codes_dir: Path) -> VocabularySources:
    """Read and parse the official source files (the only I/O of the build besides writing)."""
    missing = [str(path) for path in source_paths(source_dir, iso_codes_dir) if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"Vocabulary source files are missing: {', '.join(missing)}.")
    code_lists = {
        file_name: parse_xsd_code_list(_read(source_dir / XSD_FOLDER / file_name))
        for file_name in sorted(set(XSD_FILES.values()))
    }
    return VocabularySources(
        code_lists=code_lists,
        csv_concepts=parse_concept_csv(_read(source_dir / CONCEPT_CSV)),
        iso_country_alpha2=parse_iso3166_alpha3_to_alpha2(_read(iso_codes_dir / ISO_COUNTRIES)),
        iso_languages=parse_iso639_1_languages(_read(iso_codes_dir / ISO_LANGUAGES)),
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def render(payload: Mapping[str, Any]) -> str:
    """Serialise one vocabulary payload as compact, diff-friendly JSON (one concept per line)."""
    head = {key: value for key, value in payload.items() if key != "concepts"}
    lines = [_compact_json(concept) for concept in payload["concepts"]]
    opening = _compact_json(head)[:-1]
    return opening + ',"concepts":[\n' + ",\n".join(lines) + "\n]}\n"


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rendered_files(sources: VocabularySources) -> dict[str, str]:
    """Return ``{file name: JSON text}`` for every vocabulary."""
    return {data_file_name(name): render(payload) for name, payload in build_all(sources).items()}


def stale_files(files: Mapping[str, str], output_dir: Path) -> list[str]:
    """Return the names of files in ``output_dir`` that are missing or differ from ``files``."""
    return [
        name
        for name, text in files.items()
        if not (output_dir / name).is_file() or (output_dir / name).read_text(encoding="utf-8") != text
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(description="Regenerate mc_lms_bridge/vocab/data/*.json.")
    parser.add_argument("source_dir", type=Path, help="folder laid out like shared/standards/edc/vocab")
    parser.add_argument("--iso-codes", type=Path, default=DEFAULT_ISO_CODES_DIR, help="iso-codes json folder")
    parser.add_argument("--output", type=Path, default=PACKAGE_DATA_DIR, help="where to write the JSON files")
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    options = parser.parse_args(argv)
    files = rendered_files(read_sources(options.source_dir, options.iso_codes))
    stale = stale_files(files, options.output)
    if options.check:
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    options.output.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (options.output / name).write_text(files[name], encoding="utf-8")
    print(f"wrote {len(stale)} of {len(files)} vocabulary files to {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
