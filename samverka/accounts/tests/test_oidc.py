"""OIDC login against a municipality's identity provider, as a configured option.

No identity provider can be reached from here, so the round trip to Entra ID is
not tested: the settings, the login page and the adapter that decides who gets in.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from samverka.settings import BASE_DIR, oidc_providers

ENTRA = {
    "OIDC_PROVIDERS": "helsingborg",
    "OIDC_HELSINGBORG_NAME": "Helsingborgs stad",
    "OIDC_HELSINGBORG_SERVER_URL": "https://login.microsoftonline.com/tenant-id/v2.0",
    "OIDC_HELSINGBORG_CLIENT_ID": "client-id",
    "OIDC_HELSINGBORG_CLIENT_SECRET": "client-secret",
    "OIDC_HELSINGBORG_EMAIL_DOMAINS": "helsingborg.se",
}


def test_it_configures_no_provider_by_default() -> None:
    assert oidc_providers({}) == {}


def test_it_builds_the_provider_from_the_environment() -> None:
    config = oidc_providers(ENTRA)["openid_connect"]
    (app,) = config["APPS"]
    assert app["provider_id"] == "helsingborg" and app["name"] == "Helsingborgs stad"
    assert (app["client_id"], app["secret"]) == ("client-id", "client-secret")
    assert app["settings"]["server_url"] == ENTRA["OIDC_HELSINGBORG_SERVER_URL"]
    assert app["settings"]["verified_email"] == ["helsingborg.se"]


def test_it_trusts_only_verified_addresses_without_listed_domains() -> None:
    environ = {k: v for k, v in ENTRA.items() if not k.endswith("EMAIL_DOMAINS")}
    (app,) = oidc_providers(environ)["openid_connect"]["APPS"]
    assert app["settings"]["verified_email"] is False


@pytest.mark.parametrize("missing", ["SERVER_URL", "CLIENT_ID", "CLIENT_SECRET"])
def test_it_refuses_an_incomplete_provider(missing: str) -> None:
    environ = {k: v for k, v in ENTRA.items() if not k.endswith(missing)}
    with pytest.raises(ImproperlyConfigured, match=f"OIDC_HELSINGBORG_{missing}"):
        oidc_providers(environ)


def test_it_refuses_a_provider_id_unfit_for_a_url() -> None:
    with pytest.raises(ImproperlyConfigured):
        oidc_providers({**ENTRA, "OIDC_PROVIDERS": "helsingborg/../x"})


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Findings of a child process whose environment configures Helsingborg's Entra ID."""
    if importlib.util.find_spec("requests") is None or importlib.util.find_spec("jwt") is None:
        pytest.skip("OIDC needs django-allauth[socialaccount] (requests, PyJWT) installed")
    folder = tmp_path_factory.mktemp("oidc")
    environ = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("OIDC_", "DATABASE_URL"))},
        **ENTRA,
        "DJANGO_SETTINGS_MODULE": "samverka.settings",
        "DEBUG": "1",
        "VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "EMAIL_URL": "locmem://",
    }
    probe = Path(__file__).with_name("oidc_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe)],
        env=environ,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_it_shows_the_providers_button_on_the_login_page(configured: dict[str, object]) -> None:
    assert configured["login_status"] == 200
    assert configured["button"] and configured["button_posts_to"]


def test_it_connects_the_login_to_the_invited_account(configured: dict[str, object]) -> None:
    assert configured["adapter"] == "SocialAccountAdapter"
    assert configured["invited"] == "anna@helsingborg.se" and configured["connected"]


def test_it_refuses_anyone_without_an_account(configured: dict[str, object]) -> None:
    assert configured["signup_open"] is False
    assert configured["stranger"] == 403


def test_it_refuses_an_address_the_provider_does_not_vouch_for(
    configured: dict[str, object],
) -> None:
    assert configured["other_domain"] == 403 and configured["unvouched"] == 403
    assert configured["verified_claim"] == "bo@example.com"


def test_it_shows_no_provider_when_none_is_configured(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    assert "Log in with" not in client.get("/konto/login/").content.decode()
