"""Pages people see: public credential page, verify page, learner wallet, downloads."""
