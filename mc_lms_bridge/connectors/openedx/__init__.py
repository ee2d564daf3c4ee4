"""Open edX connector: openedx-events receivers that turn course and certificate events into inbox rows."""
