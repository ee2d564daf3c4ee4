"""Views of the LTI 1.3 tool, one module per flow."""
