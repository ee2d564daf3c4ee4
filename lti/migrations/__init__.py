"""Migrations of the LTI 1.3 tool."""
