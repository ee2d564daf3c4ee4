"""Settings of the standalone service, all from environment variables (see docs/settings.md)."""

from __future__ import annotations

import os

import dj_database_url

from .environment import data_dir, env_bool, env_list, persistent_secret

DEBUG = env_bool("MC_BRIDGE_DEBUG", True)
SECRET_KEY = persistent_secret("MC_BRIDGE_SECRET_KEY", "django-secret-key", debug=DEBUG)
BASE_URL = os.environ.get("MC_BRIDGE_BASE_URL", "http://localhost:8000").rstrip("/")
ALLOWED_HOSTS = env_list("MC_BRIDGE_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("MC_BRIDGE_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir() / 'mc-bridge.sqlite3'}", conn_max_age=60,
        conn_health_checks=True),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "mc_lms_bridge",
    "lti.apps.LtiToolConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Verification results of public pages are cached (they change only when a status list changes); the default
# in-process cache is sized for that. Set MC_BRIDGE_CACHE_URL=redis://... to share it between processes.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                      "OPTIONS": {"MAX_ENTRIES": 100000}}}
if os.environ.get("MC_BRIDGE_CACHE_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": os.environ["MC_BRIDGE_CACHE_URL"]}

ROOT_URLCONF = "mc_lms_bridge.service.urls"
WSGI_APPLICATION = "mc_lms_bridge.service.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("de", "Deutsch")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("MC_BRIDGE_STATIC_ROOT", str(data_dir() / "static"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Request bodies: the API refuses larger JSON with 413 before parsing (see api/limits.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "mc_lms_bridge.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "mc_lms_bridge.api.pagination.Pagination",
    "UNAUTHENTICATED_USER": None,
    # Deny by default: every endpoint states its own permission classes.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "mc-lms-bridge API",
    "DESCRIPTION": "EU micro-credentials from LMS completions: catalogue, credentials, verification.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
}

# Celery: no broker configured -> tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery closes Django's database connection around every task unless told to reuse it: a new PostgreSQL
# connection per task costs more than most of our tasks. Reused connections are health-checked (above).
CELERY_DB_REUSE_MAX = 1000
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request while the broker is down: the event is already in the inbox and
# reconciliation re-queues it.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5, "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Redis: an unacknowledged task of a crashed worker is redelivered after this many seconds.
    "visibility_timeout": int(os.environ.get("MC_BRIDGE_BROKER_VISIBILITY_TIMEOUT", "3600")),
}
CELERY_BEAT_SCHEDULE = {
    "mc-bridge-reconcile": {"task": "mc_lms_bridge.reconcile", "schedule": 60.0},
    "mc-bridge-poll-moodle": {"task": "mc_lms_bridge.poll_due_moodle_courses", "schedule": 60.0},
}
EMAIL_BACKEND = os.environ.get("MC_BRIDGE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("MC_BRIDGE_FROM_EMAIL", "credentials@localhost")

MC_LMS_BRIDGE = {
    "BASE_URL": BASE_URL,
    "KEY_ENCRYPTION_SECRET": persistent_secret("MC_BRIDGE_KEY_ENCRYPTION_SECRET", "key-encryption-secret",
                                               debug=DEBUG),
    "IDENTITY_HASH_SALT": persistent_secret("MC_BRIDGE_IDENTITY_HASH_SALT", "identity-hash-salt", debug=DEBUG),
    "ISSUE_EDC": env_bool("MC_BRIDGE_ISSUE_EDC", True),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MC_BRIDGE_LOG_LEVEL", "WARNING")},
}

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
