"""Size limits that bound the work done on untrusted images and credentials."""

MAX_CREDENTIAL_BYTES = 2 * 1024 * 1024
MAX_IMAGE_BYTES = 32 * 1024 * 1024
