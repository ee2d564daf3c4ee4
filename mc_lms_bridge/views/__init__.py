"""Public views: issuer documents (DID documents, profiles, status lists, achievements)."""
