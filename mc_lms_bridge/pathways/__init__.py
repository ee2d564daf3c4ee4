"""Pathways: stacking micro-credentials into larger credentials, across courses, LMSs and institutions."""
