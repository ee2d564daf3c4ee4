"""Delivery of issued credentials to learners: outbox rows and channels (e-mail first)."""
