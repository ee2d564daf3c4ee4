"""W3C Bitstring Status List v1.0: bitstrings, status list credentials and status entries (pure code)."""
