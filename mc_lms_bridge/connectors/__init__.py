"""Connectors turn raw LMS data (Open edX events, Moodle web services, LTI, REST) into normalized completions."""
