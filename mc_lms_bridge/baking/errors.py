"""Errors raised while baking a credential into a badge image or reading one back."""


class BakingError(ValueError):
    """Base class of every baking and unbaking error."""


class NotAPng(BakingError):
    """The bytes do not start with the PNG signature."""


class NotAnSvg(BakingError):
    """The text is not well-formed XML with an ``<svg>`` root element."""


class UnsafeSvg(BakingError):
    """The SVG declares entities, an internal DTD subset or refers to external entities."""


class MalformedChunk(BakingError):
    """A PNG chunk is truncated, has a bad CRC, or a badge chunk is not a valid uncompressed text chunk."""


class DuplicateBakedCredential(MalformedChunk):
    """The image carries more than one credential of the same version, which the spec forbids."""


class NoBakedCredential(BakingError):
    """The image carries no Open Badges credential or assertion."""


class BakedCredentialTooLarge(BakingError):
    """The credential, or the image holding it, is larger than the configured limit."""


class InvalidCredential(BakingError):
    """The credential to bake, or the one found baked, is neither a JSON object nor a compact JWS."""
