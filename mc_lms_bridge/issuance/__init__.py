"""Issuance: build, sign and store the credentials of an award, exactly once."""
