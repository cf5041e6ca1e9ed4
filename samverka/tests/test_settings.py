from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from samverka import settings as project_settings
from samverka.settings import database_settings, email_settings, env_bool


def test_it_reads_an_smtp_url_with_starttls() -> None:
    config = email_settings("smtp://samverka:l%C3%B6sen@mail.example.se:587?tls=1")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("mail.example.se", 587)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("samverka", "lösen")
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"]


def test_it_reads_an_smtps_url() -> None:
    config = email_settings("smtps://mail.example.se")
    assert (config["EMAIL_PORT"], config["EMAIL_USE_SSL"]) == (465, True)


def test_it_prints_mail_by_default() -> None:
    backend = email_settings("console://")["EMAIL_BACKEND"]
    assert backend == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.parametrize("url", ["http://mail.example.se", "smtp://", "mail.example.se"])
def test_it_refuses_an_email_url_it_cannot_use(url: str) -> None:
    with pytest.raises(ImproperlyConfigured):
        email_settings(url)


def test_it_runs_sqlite_in_wal_mode_with_immediate_transactions(tmp_path: Path) -> None:
    config = database_settings(f"sqlite:///{tmp_path}/db.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 20
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["TEST"]["NAME"].endswith(".sqlite3")


def test_it_keeps_postgresql_connections_open() -> None:
    config = database_settings("postgres://samverka@db.example.se:5432/samverka")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_MAX_AGE"] > 0 and config["CONN_HEALTH_CHECKS"]


def test_it_refuses_a_flag_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMVERKA_TEST_FLAG", "kanske")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SAMVERKA_TEST_FLAG", False)


def test_it_hashes_passwords_with_argon2_first() -> None:
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_speaks_swedish_in_stockholm_time() -> None:
    assert (project_settings.LANGUAGE_CODE, project_settings.TIME_ZONE) == (
        "sv",
        "Europe/Stockholm",
    )
    assert project_settings.USE_TZ
