"""Management commands of mc-lms-bridge."""
