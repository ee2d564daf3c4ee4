"""LTI 1.3 tool of mc-lms-bridge: platforms tag courses as micro-credentials and learners see their credentials."""
