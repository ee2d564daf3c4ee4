"""Exceptions raised while turning JSON-LD or N-Quads into canonical N-Quads."""


class CanonicalizationError(ValueError):
    """Base class: the input cannot be canonicalized."""


class NQuadsSyntaxError(CanonicalizationError):
    """N-Quads text is malformed."""


class CanonicalizationLimitError(CanonicalizationError):
    """The blank-node structure needs more work than the configured limit allows (possible poison graph)."""


class UndefinedTermError(CanonicalizationError):
    """Safe mode: a JSON-LD property or type is not defined by the active context."""


class RelativeIriError(CanonicalizationError):
    """Safe mode: a JSON-LD @id, @type or IRI value does not expand to an absolute IRI."""


class JsonLdProcessingError(CanonicalizationError):
    """The JSON-LD processor rejected the document (invalid syntax or context)."""
