"""Cryptography for credentials: JSON-LD loading, canonicalization, Data Integrity and JOSE signatures."""
