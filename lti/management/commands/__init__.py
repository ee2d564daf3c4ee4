"""Commands: lti_cleanup."""
