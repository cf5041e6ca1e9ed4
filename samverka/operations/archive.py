"""The backup archive: a zip file with a manifest, the database as JSON Lines and the files.

    manifest.json               format, versions, counts per model, SHA-256 of every entry
    data/<app.Model>.jsonl      one row per line: {column attname: value}, through the ORM,
                                so that an archive made on SQLite loads into PostgreSQL
    media/<storage name>        every file in the default storage, byte for byte

Values are written as Django's serializers write them (`Field.value_to_string`, which
keeps microseconds and time zones), and read back with `Field.to_python`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Iterator
from typing import IO, Any

from django.apps import apps
from django.core.files.storage import Storage
from django.db import models

FORMAT = "samverka.backup/1"
MANIFEST = "manifest.json"
DATA_DIR = "data/"
MEDIA_DIR = "media/"
CHUNK = 1024 * 1024

# Sessions are not worth restoring (everyone logs in again, and no old cookie may
# match a restored user); the search index is rebuilt from the records after a restore.
SKIPPED_MODELS = {"sessions.Session", "search.SearchEntry"}
# Rows that migrations and `migrate` put into every installation: an installation
# holding only these is empty. They are still backed up and restored, so that
# restored references to them (content types, edited organisations) stay exact.
REFERENCE_APPS = {"contenttypes", "auth.Permission", "organisations"}
# Rows that an empty installation may gather before anything is restored into it.
TRANSIENT_APPS = {"axes", "admin"}

PRIMITIVE = (bool, int, float, str)


class BackupError(Exception):
    """Why an archive cannot be made or restored, in one line."""


def backed_up_models() -> list[type[models.Model]]:
    """Return every model with a table of its own, many-to-many tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label not in SKIPPED_MODELS
    ]


def is_content(model: type[models.Model]) -> bool:
    """Return whether rows of `model` make an installation non-empty."""
    meta = model._meta
    names = {meta.app_label, meta.label}
    return not names & (REFERENCE_APPS | TRANSIENT_APPS)


def encode_row(model: type[models.Model], obj: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        value = field.value_from_object(obj)
        if value is None or isinstance(value, PRIMITIVE):
            row[field.attname] = value
        else:
            row[field.attname] = field.value_to_string(obj)
    return row


def decode_row(model: type[models.Model], row: dict[str, Any]) -> models.Model:
    fields = {field.attname: field for field in model._meta.concrete_fields}
    unknown = set(row) - set(fields)
    if unknown:
        raise BackupError(f"{model._meta.label} has no column {sorted(unknown)[0]!r} here")
    values = {name: fields[name].to_python(value) for name, value in row.items()}
    return model(**values)


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Yield the name of every file in `storage`, sorted, folders depth first."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, posixpath.join(folder, name) if folder else name)


class HashingWriter:
    """Write through to `target`, keeping the SHA-256 and size of what passed."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.target.write(data)
        self.sha256.update(data)
        self.size += len(data)

    def digest(self) -> dict[str, Any]:
        return {"sha256": self.sha256.hexdigest(), "size": self.size}


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
