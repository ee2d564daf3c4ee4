"""Open edX XBlocks of mc-lms-bridge (entry point group xblock.v1); they talk to mc_lms_bridge services only."""
