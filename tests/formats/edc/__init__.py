"""Tests of the Europass EDC (ELM 3.2) builder and SHACL validation."""
