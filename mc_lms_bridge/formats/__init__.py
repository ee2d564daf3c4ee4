"""Credential format builders: pure functions from records to OB3, EDC and CLR documents."""
