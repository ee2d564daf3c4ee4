"""Generated package data: one JSON file per vocabulary (see build_data.py; do not edit by hand)."""
