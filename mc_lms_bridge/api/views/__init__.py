"""API views: thin viewsets that validate input and call the catalogue services."""
