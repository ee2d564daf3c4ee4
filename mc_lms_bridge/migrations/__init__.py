"""Database migrations of mc-lms-bridge."""
