"""Tests of the credential format builders (OB3, EDC, CLR)."""
