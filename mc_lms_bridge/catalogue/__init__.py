"""Catalogue services: completeness rules, version lifecycle and conversion of versions to records."""
