"""REST API (Django REST framework) of mc-lms-bridge, with its OpenAPI schema."""
