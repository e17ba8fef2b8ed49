"""Sizes, the random seed, learners' addresses, and the helpers every seeding step uses."""

import time
from contextlib import contextmanager

MODULES = 200
LESSONS_PER_MODULE = 10
LEARNERS = 50_000
BATCH = 5_000
SEED = 20260
EMAIL_DOMAIN = "bench.egide.test"
MODULE_SLUG_PREFIX = "bench-module-"
# Shared by every seeded learner; the database only lives as long as the bench.
PASSWORD = "egide-bench-2026"


def learner_email(number: int) -> str:
    return f"apprenant{number:05d}@{EMAIL_DOMAIN}"


def n(number: int) -> str:
    """Format a count the French way (50 000)."""
    return f"{number:,}".replace(",", "\u202f")


@contextmanager
def phase(label: str, timings: list):
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    timings.append((label, elapsed))
    print(f"  {label:<66}{elapsed:>7.1f} s", flush=True)


def reserve_ids(table: str, count: int) -> list[int]:
    """Take `count` ids from a table's sequence (PostgreSQL), to link rows before inserting."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_insert(model, objects: list, *, with_pk: bool = False) -> None:
    """Insert `objects` with PostgreSQL's COPY, the way bulk_create would but without ids back.

    For the tables of millions of rows (enrolments, progress, activity results): COPY
    streams the rows without building and parsing one big INSERT … VALUES statement,
    about three times faster here, which keeps growing to 250,000 learners
    (bench/scale.sh) within a few minutes. Values go through each field's own
    preparation (`pre_save` fills auto_now_add dates, JSON is adapted) as in bulk_create.
    `with_pk`: the objects carry ids reserved beforehand (reserve_ids).
    """
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for obj in objects:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
