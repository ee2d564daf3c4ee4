"""Tests for mc_lms_bridge.status (Bitstring Status List)."""
