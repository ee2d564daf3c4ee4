"""Tests for mc_lms_bridge.crypto."""
