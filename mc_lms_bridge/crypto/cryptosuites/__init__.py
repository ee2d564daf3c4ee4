"""W3C Data Integrity cryptosuites (one module per suite)."""
