"""Thin views of the web pages; the work happens in the web package's service modules."""
