"""Links that let learners share a credential on social and professional networks."""
