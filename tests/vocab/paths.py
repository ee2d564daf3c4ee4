"""Where the committed copies of the vocabulary sources and the shipped package data live."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCE_COPIES = REPO_ROOT / "tests" / "data" / "vocab"
EDC_VOCAB_DIR = SOURCE_COPIES / "edc-vocab"
ISO_CODES_DIR = SOURCE_COPIES / "iso-codes"
PACKAGE_DATA_DIR = REPO_ROOT / "mc_lms_bridge" / "vocab" / "data"
