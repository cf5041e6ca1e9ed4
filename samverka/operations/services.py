"""Back up a whole installation (database and files) into one archive, and restore it."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from samverka.operations.archive import (
    CHUNK,
    DATA_DIR,
    FORMAT,
    MANIFEST,
    MEDIA_DIR,
    BackupError,
    HashingWriter,
    backed_up_models,
    decode_row,
    encode_row,
    is_content,
    manifest_bytes,
    storage_files,
)

# Called with what is being done, how many units are done and how many there are.
Progress = Callable[[str, int, int], None]
BATCH = 500


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def applied_migrations() -> list[str]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def _version() -> str:
    try:
        return metadata.version("samverka")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- backup --------------------------------------------------------------------


def backup_create(*, path: Path, progress: Progress = _no_progress) -> dict[str, Any]:
    """Write the database and every stored file into a zip archive at `path`.

    The archive is written under a temporary name and renamed when complete, so
    that a failed backup never leaves a half archive under the name asked for.
    The database is read as of one moment (see `_snapshot`). Return the manifest.
    """
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with _snapshot(), zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as zf:
            manifest = _write_archive(zf, progress)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return manifest


@contextmanager
def _snapshot() -> Iterator[None]:
    """Read every table as of one moment, without holding up the site's writers.

    PostgreSQL: a read-only REPEATABLE READ transaction. SQLite: a deferred
    transaction, which in WAL mode reads one snapshot and takes no write lock
    (Django's atomic blocks here begin IMMEDIATE, which would lock writers out).
    """
    if connection.in_atomic_block:  # the caller's transaction already decides
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
    else:
        with transaction.atomic():
            yield


def _write_archive(zf: zipfile.ZipFile, progress: Progress) -> dict[str, Any]:
    model_list = backed_up_models()
    totals = {model._meta.label: model._base_manager.count() for model in model_list}
    counts: dict[str, int] = {}
    entries: dict[str, dict[str, Any]] = {}
    total, done = sum(totals.values()), 0
    for model in model_list:
        name = f"{DATA_DIR}{model._meta.label}.jsonl"
        count = 0
        with zf.open(name, "w", force_zip64=True) as raw:
            writer = HashingWriter(raw)
            rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
            for obj in rows:
                line = json.dumps(encode_row(model, obj), ensure_ascii=False)
                writer.write(line.encode() + b"\n")
                count += 1
                done += 1
                if done % 1000 == 0:
                    progress("database", done, total)
        counts[model._meta.label] = count
        entries[name] = writer.digest()
    progress("database", done, total)
    files = _write_files(zf, progress)
    manifest = {
        "format": FORMAT,
        "samverka_version": _version(),
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": applied_migrations(),
        "counts": counts,
        "data": entries,
        "files": files,
    }
    zf.writestr(MANIFEST, manifest_bytes(manifest))
    return manifest


def _write_files(zf: zipfile.ZipFile, progress: Progress) -> dict[str, dict[str, Any]]:
    names = list(storage_files(default_storage))
    files: dict[str, dict[str, Any]] = {}
    for done, name in enumerate(names, start=1):
        with (
            default_storage.open(name, "rb") as source,
            zf.open(MEDIA_DIR + name, "w", force_zip64=True) as raw,
        ):
            writer = HashingWriter(raw)
            while chunk := source.read(CHUNK):
                writer.write(chunk)
        files[name] = writer.digest()
        progress("files", done, len(names))
    return files


# --- restore -------------------------------------------------------------------


def backup_restore(
    *, path: Path, force: bool = False, progress: Progress = _no_progress
) -> dict[str, Any]:
    """Replace the database and the stored files with the archive's.

    Refuse an archive whose checksums do not match before anything is touched,
    and a database that holds anything but reference data unless `force`. The
    database is replaced in one transaction; files are written inside it and
    removed again if it fails. Return the manifest.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _read_manifest(zf)
            _check_schema(manifest)
            _verify(zf, manifest, progress)
            if not force:
                _check_empty()
            _restore(zf, manifest, progress)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise BackupError(f"{path}: not a complete Samverka backup ({error})") from None
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except OSError as error:
        raise BackupError(f"{path}: cannot be read ({error.strerror or error})") from None
    ContentType.objects.clear_cache()
    return manifest


def _read_manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except KeyError:
        raise BackupError("not a Samverka backup: the archive has no manifest.json") from None
    except ValueError:
        raise BackupError("not a Samverka backup: manifest.json is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"not a Samverka backup: the manifest's format is not {FORMAT}")
    for key in ("counts", "data", "files", "migrations"):
        if not isinstance(manifest.get(key), dict | list):
            raise BackupError(f"damaged backup: the manifest has no {key!r}")
    return manifest


def _check_schema(manifest: dict[str, Any]) -> None:
    """The archive's rows fit only the database schema they were read from."""
    theirs, ours = set(manifest["migrations"]), set(applied_migrations())
    if theirs - ours:
        first = sorted(theirs - ours)[0]
        raise BackupError(
            f"the backup was made after migration {first}, which this installation lacks: "
            "install the same Samverka version and run `samverka migrate` first"
        )
    if ours - theirs:
        first = sorted(ours - theirs)[0]
        raise BackupError(
            f"this installation has migration {first}, which the backup lacks: restore with "
            f"the Samverka version that made it ({manifest.get('samverka_version')}), "
            "then upgrade"
        )
    known = {model._meta.label for model in backed_up_models()}
    unknown = set(manifest["counts"]) - known
    if unknown:
        raise BackupError(f"the backup holds {sorted(unknown)[0]}, which this installation lacks")


def _entries(manifest: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from manifest["data"].items()
    for name, digest in manifest["files"].items():
        yield MEDIA_DIR + name, digest


def _verify(zf: zipfile.ZipFile, manifest: dict[str, Any], progress: Progress) -> None:
    """Read every entry once and compare it with the manifest's SHA-256 and size."""
    expected = dict(_entries(manifest))
    listed = {info.filename for info in zf.infolist()} - {MANIFEST}
    if listed != set(expected):
        extra = sorted(listed ^ set(expected))[0]
        raise BackupError(f"damaged backup: {extra} is in the archive or the manifest, not both")
    for done, (name, digest) in enumerate(expected.items(), start=1):
        sha256, size = hashlib.sha256(), 0
        with zf.open(name) as entry:
            while chunk := entry.read(CHUNK):
                sha256.update(chunk)
                size += len(chunk)
        if sha256.hexdigest() != digest.get("sha256") or size != digest.get("size"):
            raise BackupError(f"damaged backup: {name} does not match its checksum")
        progress("checking", done, len(expected))


def _check_empty() -> None:
    for model in backed_up_models():
        if is_content(model) and model._base_manager.exists():
            raise BackupError(
                f"the database is not empty (it holds {model._meta.label} rows): restore into "
                "a freshly migrated installation, or pass --force to replace everything"
            )


def _restore(zf: zipfile.ZipFile, manifest: dict[str, Any], progress: Progress) -> None:
    written: list[str] = []
    try:
        with transaction.atomic():
            _flush()
            _load_rows(zf, manifest, progress)
            _reset_sequences()
            _restore_files(zf, manifest, written, progress)
            _rebuild_search_index(progress)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _flush() -> None:
    """Empty every table Django knows, in the restore's transaction."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=False)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _load_rows(zf: zipfile.ZipFile, manifest: dict[str, Any], progress: Progress) -> None:
    by_label = {model._meta.label: model for model in backed_up_models()}
    total, done = sum(manifest["counts"].values()), 0
    for label, expected in manifest["counts"].items():
        model = by_label[label]
        batch: list[models.Model] = []
        with zf.open(f"{DATA_DIR}{label}.jsonl") as entry:
            for line in entry:
                batch.append(decode_row(model, _row(label, line)))
                if len(batch) >= BATCH:
                    done += _insert(model, batch)
                    progress("database", done, total)
                    batch = []
        done += _insert(model, batch)
        progress("database", done, total)
        found = model._base_manager.count()
        if found != expected:
            raise BackupError(f"damaged backup: {label} has {found} rows, the manifest {expected}")


def _row(label: str, line: bytes) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except ValueError:
        raise BackupError(f"damaged backup: a row of {label} is not valid JSON") from None
    if not isinstance(row, dict):
        raise BackupError(f"damaged backup: a row of {label} is not an object")
    return row


def _insert(model: type[models.Model], batch: list[models.Model]) -> int:
    try:
        model._base_manager.bulk_create(batch)
    except (DatabaseError, ValueError, TypeError) as error:
        message = " ".join(str(error).split())[:200]
        raise BackupError(f"{model._meta.label} could not be restored: {message}") from None
    return len(batch)


def _reset_sequences() -> None:
    """Let new rows continue after the restored primary keys (PostgreSQL's sequences)."""
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _restore_files(
    zf: zipfile.ZipFile, manifest: dict[str, Any], written: list[str], progress: Progress
) -> None:
    files = manifest["files"]
    for done, name in enumerate(files, start=1):
        if default_storage.exists(name):
            default_storage.delete(name)
        with zf.open(MEDIA_DIR + name) as entry:
            content = File(entry, name=name)
            content.size = files[name]["size"]
            stored = default_storage.save(name, content)
        written.append(stored)
        if stored != name:
            raise BackupError(f"{name} could not be stored under its own name")
        progress("files", done, len(files))


def _rebuild_search_index(progress: Progress) -> None:
    from samverka.search.indexing import reindex

    progress("search index", 0, 1)
    reindex()
    progress("search index", 1, 1)
