"""Admin CLI: API tokens (and later keys, status lists, reissue)."""
