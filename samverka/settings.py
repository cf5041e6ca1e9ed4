"""Samverka's one settings file, driven by environment variables.

Every variable has a development default so that a fresh clone runs with no
configuration: SQLite under `var/`, mail printed to the console, a secret key
generated into `var/secret_key`. Production sets `DEBUG=0` (the default),
`SECRET_KEY`, `ALLOWED_HOSTS`, `DATABASE_URL` and `EMAIL_URL`.

DEBUG defaults to off so that a forgotten variable never exposes debug pages in
production; `make run` and other development commands (`makemigrations`) set
`DEBUG=1`. Without `SECRET_KEY`, only DEBUG, the test suite (pytest or
`manage.py test`) and mypy may use the generated development key.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import tempfile
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent


# --- helpers -----------------------------------------------------------------

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE_WORDS:
        return True
    if value.strip().lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in env_str(name, default).split(",") if part.strip()]


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else default


def development_secret_key(path: Path) -> str:
    """Return the key stored in `path`, creating it on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def email_settings(url: str) -> dict[str, Any]:
    """Return Django's EMAIL_* settings for an EMAIL_URL.

    console://                          print mail (development)
    locmem://                           keep mail in memory (tests)
    smtp://user:password@host:587       SMTP with STARTTLS when ?tls=1
    smtps://user:password@host:465      SMTP over TLS
    """
    parts = urlsplit(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL scheme must be one of {sorted(backends)}: {url!r}")
    config: dict[str, Any] = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme in {"smtp", "smtps"}:
        if not parts.hostname:
            raise ImproperlyConfigured(f"EMAIL_URL needs a host: {url!r}")
        query = parse_qs(parts.query)
        config |= {
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", ["0"])[0].lower() in TRUE_WORDS,
            "EMAIL_TIMEOUT": 20,
        }
    return config


def database_settings(url: str) -> dict[str, Any]:
    """Return the default database for a DATABASE_URL.

    SQLite runs in WAL mode with a busy timeout and BEGIN IMMEDIATE, so that
    concurrent writers queue instead of failing with "database is locked".
    """
    config: dict[str, Any] = dict(dj_database_url.parse(url))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # A file, not Django's default in-memory test database, so that tests
        # see the same locking behaviour as the running site; one per process,
        # so that test runs side by side do not delete each other's database,
        # and in the temporary folder, which outlives no interrupted run for long.
        test_name = f"samverka_test_{os.getpid()}.sqlite3"
        config["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / test_name)}
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        config["TEST"] = {"NAME": f"test_{config['NAME']}_{os.getpid()}"}
        config["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    return config


OIDC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


def oidc_providers(environ: Mapping[str, str]) -> dict[str, Any]:
    """Return SOCIALACCOUNT_PROVIDERS for the identity providers named in OIDC_PROVIDERS.

    OIDC_PROVIDERS=helsingborg,hoganas names the providers; for each ID:
    OIDC_<ID>_SERVER_URL     the issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0
    OIDC_<ID>_CLIENT_ID      the application (client) ID registered at the provider
    OIDC_<ID>_CLIENT_SECRET  its secret
    OIDC_<ID>_NAME           the button's label (default: the ID)
    OIDC_<ID>_EMAIL_DOMAINS  comma-separated domains whose addresses the provider vouches
                             for (Entra ID sends no email_verified claim); without it only
                             addresses the provider marks verified can match an account
    """
    providers = [p.strip().lower() for p in environ.get("OIDC_PROVIDERS", "").split(",")]
    apps = []
    for provider in filter(None, providers):
        if not OIDC_ID.match(provider):
            raise ImproperlyConfigured(f"OIDC_PROVIDERS: {provider!r} is not a-z, 0-9 and -")
        prefix = f"OIDC_{provider.upper().replace('-', '_')}_"
        missing = [
            prefix + key
            for key in ("SERVER_URL", "CLIENT_ID", "CLIENT_SECRET")
            if not environ.get(prefix + key)
        ]
        if missing:
            raise ImproperlyConfigured(f"OIDC provider {provider} needs {', '.join(missing)}")
        domains = [d.strip().lower() for d in environ.get(prefix + "EMAIL_DOMAINS", "").split(",")]
        apps.append(
            {
                "provider_id": provider,
                "name": environ.get(prefix + "NAME", provider),
                "client_id": environ[prefix + "CLIENT_ID"],
                "secret": environ[prefix + "CLIENT_SECRET"],
                "settings": {
                    "server_url": environ[prefix + "SERVER_URL"],
                    "verified_email": [d for d in domains if d] or False,
                },
            }
        )
    return {"openid_connect": {"APPS": apps, "OAUTH_PKCE_ENABLED": True}} if apps else {}


# --- core --------------------------------------------------------------------

VAR_DIR = env_path("VAR_DIR", BASE_DIR / "var")
DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]
# mypy's django-stubs plugin loads these settings to type-check the project.
TYPE_CHECKING_RUN = "mypy" in sys.modules

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING or TYPE_CHECKING_RUN):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = development_secret_key(VAR_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://localhost:8000")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "axes",
    "simple_history",
    "django_htmx",
    "samverka.accounts",
    "samverka.organisations",
    "samverka.people",
    "samverka.networks",
    "samverka.meetings",
    "samverka.assignments",
    "samverka.documents",
    "samverka.search",
    "samverka.imports",
    "samverka.invitations",
    "samverka.calendars",
    "samverka.operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "samverka.security.security_headers_middleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverka.urls"
WSGI_APPLICATION = "samverka.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# --- database ----------------------------------------------------------------

DATABASES = {
    "default": database_settings(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samverka.sqlite3'}")
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- accounts and login ------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: email is the login; password or a one-time code by email.
# Nobody signs up on their own: accounts come from invitations (AccountAdapter).
ACCOUNT_ADAPTER = "samverka.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samverka] "
# allauth would otherwise answer a code or reset request for an unknown address
# (a stranger's, or a deactivated person's) with a mail inviting to a signup that is closed.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"

# OIDC login through a municipality's identity provider (Entra ID), only when
# configured (see oidc_providers). It connects to an existing, invited account by
# its verified address and never creates one (SocialAccountAdapter).
# Needs `pip install 'django-allauth[socialaccount]'` and `samverka migrate`.
SOCIALACCOUNT_ADAPTER = "samverka.accounts.oidc.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = oidc_providers(os.environ)
if SOCIALACCOUNT_PROVIDERS:
    INSTALLED_APPS += ["allauth.socialaccount", "allauth.socialaccount.providers.openid_connect"]
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False

# django-axes: lock an account from one client address after repeated failures.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "login"
# allauth passes the login as `email=` to authenticate(); key lock-out on it, lower-cased.
AXES_USERNAME_CALLABLE = "samverka.security.axes_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
# axes locks account + IP; allauth's own per-account limit would also lock the
# account out from every other address, so only its per-IP limit stays.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip"}

# Idle timeout: every request renews the cookie, eight idle hours end the session.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"


# --- mail --------------------------------------------------------------------

_email = email_settings(env_str("EMAIL_URL", "locmem://" if TESTING else "console://"))
EMAIL_BACKEND: str = _email["EMAIL_BACKEND"]
EMAIL_HOST: str = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT: int = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER: str = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD: str = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL: bool = _email.get("EMAIL_USE_SSL", False)
EMAIL_USE_TLS: bool = _email.get("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT: int | None = _email.get("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Samverka <samverka@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


# --- files -------------------------------------------------------------------

# Uploaded and imported files have no public URL: they are served only through
# views that check access, so MEDIA_URL is left unset on purpose.
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
STATIC_URL = "/static/"
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
STATICFILES_DIRS = [PACKAGE_DIR / "static"] if (PACKAGE_DIR / "static").is_dir() else []
# The manifest needs `collectstatic`; development and tests do without it.
_static_backend = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if not (DEBUG or TESTING)
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Without collectstatic (development, tests) WhiteNoise serves from the finders.
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _static_backend},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024


# --- language and time -------------------------------------------------------

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True


# --- production security -----------------------------------------------------

# Behind a reverse proxy that terminates TLS, set TRUST_X_FORWARDED_PROTO=1 so
# that Django sees https, and AXES_PROXY_COUNT to the number of proxies so that
# lock-out uses the client's address, not the proxy's.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if env_int("AXES_PROXY_COUNT", 0):
    AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The test client speaks plain http.
    if TESTING:
        SECURE_SSL_REDIRECT = False


# --- logging -----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
