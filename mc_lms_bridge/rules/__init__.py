"""Pure rule functions: pathway requirement trees, their evaluation and the pathway graph (no Django, no I/O)."""
