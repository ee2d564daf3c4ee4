"""Tests of the independent-verifier harness (Digital Bazaar JS stack)."""
