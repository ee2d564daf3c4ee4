"""Exceptions raised when records cannot be turned into a valid Open Badges 3.0 credential."""


class OB3RecordError(ValueError):
    """A record lacks something an Open Badges 3.0 credential needs, or holds a value it cannot carry."""
