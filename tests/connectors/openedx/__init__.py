"""Tests of the Open edX connector, receivers and plugin wiring."""
