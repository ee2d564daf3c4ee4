"""Management commands of the LTI tool."""
