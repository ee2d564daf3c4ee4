"""The ELM 3.2 EDC SHACL shapes plus our project rules, parsed once, lazily and thread-safely."""

from __future__ import annotations

import threading
from importlib import resources

import rdflib

# Official files from the ELM EDC-3.2 (LTS) branch, copied unchanged, plus our one project rule.
SHAPE_FILES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl", "mc-lms-bridge-rules.ttl")

_lock = threading.Lock()
_shapes: rdflib.Graph | None = None


def read_shapes() -> rdflib.Graph:
    """Parse both shape files into one graph (their owl:imports point online and are never followed)."""
    graph = rdflib.Graph()
    package = resources.files("mc_lms_bridge.formats.edc").joinpath("data")
    for file_name in SHAPE_FILES:
        graph.parse(data=package.joinpath(file_name).read_text("utf-8"), format="turtle")
    return graph


def edc_shapes() -> rdflib.Graph:
    """The shared shapes graph; the first caller parses it, concurrent callers wait and reuse it."""
    global _shapes
    if _shapes is None:
        with _lock:
            if _shapes is None:
                _shapes = read_shapes()
    return _shapes
