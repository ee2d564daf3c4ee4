"""mc-lms-bridge: turns LMS course completions into EU micro-credentials (Open Badges 3.0 and Europass EDC)."""

__version__ = "0.1.0"
