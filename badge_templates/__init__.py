"""SVG badge and certificate-page templates, shipped as package data for mc_lms_bridge.badges."""
