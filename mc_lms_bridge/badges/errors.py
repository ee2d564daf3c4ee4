"""Errors raised while rendering badge images."""

from __future__ import annotations


class BadgeError(ValueError):
    """Base class of every badge-rendering error."""


class InvalidColour(BadgeError):
    """A colour is not written exactly as ``#rrggbb``."""


class UnknownTemplate(BadgeError):
    """No badge template is registered under that name."""


class InvalidSize(BadgeError):
    """A PNG size outside the allowed set was requested."""


class InvalidLogo(BadgeError):
    """The logo bytes are not a PNG image of acceptable size."""


class UnsafeTemplate(BadgeError):
    """An SVG template (or rendered SVG) holds scripts, event handlers or external references."""


class TemplateSlotError(BadgeError):
    """A template names a slot the renderer does not provide (usually a typo in the template)."""


class ExternalResourceRefused(BadgeError):
    """The rasteriser asked for a resource other than an embedded PNG data URI."""
