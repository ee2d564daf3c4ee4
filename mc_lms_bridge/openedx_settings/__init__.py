"""Settings hooks that Open edX's plugin machinery calls when the app runs inside the LMS or Studio."""
