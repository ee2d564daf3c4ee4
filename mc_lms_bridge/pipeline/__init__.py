"""The completion pipeline: inbox -> rules -> award -> issuance -> delivery, each step a service function."""
