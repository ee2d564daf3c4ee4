"""OpenID for Verifiable Credential Issuance 1.0 (pre-authorized code flow): wallet pickup."""
