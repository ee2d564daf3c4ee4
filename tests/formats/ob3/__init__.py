"""Tests of the Open Badges 3.0 builder."""
