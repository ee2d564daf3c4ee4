"""Pinned JSON-LD context documents shipped as package data (byte-identical official copies)."""
