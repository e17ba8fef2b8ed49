"""Insert many rows fast: PostgreSQL's COPY, or bulk_create elsewhere (SQLite in dev).

Django's bulk_create builds one SQL statement with a parameter per value; for imports
of tens of thousands of lines, building it costs more than the database's work.
COPY streams the rows instead. Rows are plain tuples in the order of `fields`;
constraints still apply (a duplicate raises IntegrityError and the transaction is
rolled back), so callers filter out what exists first.
"""

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples of values for `fields`, by attribute name: "user_id");
    return how many were inserted."""
    rows = list(rows)
    if not rows:
        return 0
    columns = [model._meta.get_field(name.removesuffix("_id")).column for name in fields]
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        with connection.cursor() as cursor:
            # psycopg 3: the Django cursor wraps the driver's, which has copy().
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return len(rows)
    model.objects.bulk_create(
        [model(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=2000
    )
    return len(rows)
