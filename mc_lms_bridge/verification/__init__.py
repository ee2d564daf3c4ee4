"""Verify Open Badges 3.0 credentials (ours or other issuers') and report every check in plain language."""
