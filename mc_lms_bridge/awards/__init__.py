"""Awards: granting a published micro-credential version to a learner, once, with the reason why."""
