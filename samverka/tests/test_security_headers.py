from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

from django.db import OperationalError
from django.test import Client

from samverka.accounts.models import User

PROJECT = Path(__file__).resolve().parents[2]


def test_it_sends_a_content_security_policy_without_inline_script(
    client: Client, alice: User
) -> None:
    client.force_login(alice)
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    # The policy forbids inline code, so the pages must not need any.
    assert "<script>" not in html and "<style" not in html and " style=" not in html


def test_it_links_the_accessibility_statement_from_every_page(
    client: Client, alice: User, a_objects: dict[str, Any]
) -> None:
    for url in ["/konto/login/", "/tillganglighet/", "/konto/login/code/", "/finns-inte/"]:
        assert 'href="/tillganglighet/"' in client.get(url).content.decode(), url
    client.force_login(alice)
    urls = ["/", a_objects["Network"].get_absolute_url(), a_objects["Meeting"].get_absolute_url()]
    for url in [*urls, "/moten/999999/"]:
        assert 'href="/tillganglighet/"' in client.get(url).content.decode(), url


def test_it_answers_the_health_check_without_login(client: Client, db: None) -> None:
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_it_reports_an_unreachable_database(client: Client, db: None) -> None:
    with mock.patch("samverka.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_it_passes_the_deploy_check_under_production_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60 + "-production-like-secret-key-for-the-check",
        "ALLOWED_HOSTS": "samverka.example.se",
        "VAR_DIR": str(tmp_path),
    }
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
