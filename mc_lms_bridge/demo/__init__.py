"""The end-to-end demo (`mc-bridge demo`): the one place a newcomer sees the whole product work."""
