"""Tests of badge and certificate-page image rendering."""
