"""Moodle connector: web-services client, completion poller and signed course-completion webhook."""
