"""Validate the catalogue JSON-LD against the ELM 3.2 LOQ (learning opportunity & qualification) shapes."""

from __future__ import annotations

from functools import cache
from importlib import resources

import pyshacl
import rdflib
from rdflib.namespace import SH

from ..formats.edc.rdf import credential_graph

#: Official file of the ELM 3.2 branch, copied unchanged (its owl:imports point online and are never followed).
LOQ_SHAPES = "LOQ-constraints.ttl"


@cache
def loq_shapes() -> rdflib.Graph:
    """The LOQ shapes, parsed once, with their Java regex syntax translated to Python's ``re``.

    ``^(?i)`` becomes ``(?i)^`` and the Java class union ``[%[\\p{L}\\p{Nl}\\p{Nd}]]`` (letters, letter numbers,
    digits) becomes ``[%\\w]``, which ``re`` reads as the same Unicode letters and digits.
    """
    data = resources.files("mc_lms_bridge.pathways").joinpath("data", LOQ_SHAPES).read_text("utf-8")
    data = data.replace('sh:pattern "^(?i)', 'sh:pattern "(?i)^')
    data = data.replace("[%[\\\\p{L}\\\\p{Nl}\\\\p{Nd}]]", "[%\\\\w]")
    return rdflib.Graph().parse(data=data, format="turtle")


def validate_catalogue_elm(document: dict, shapes: rdflib.Graph | None = None) -> list[str]:
    """Readable violations (``<focus> <path>: <message>``) of the LOQ shapes (or of ``shapes``, a variant of
    them); empty when the catalogue conforms."""
    shacl_graph = loq_shapes() if shapes is None else shapes
    conforms, report, _ = pyshacl.validate(credential_graph(document), shacl_graph=shacl_graph, inference="none",
                                           advanced=False, meta_shacl=False)
    if conforms:
        return []
    problems = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        problems.append(f"{report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)}: "
                        f"{report.value(result, SH.resultMessage)}")
    return sorted(problems)
