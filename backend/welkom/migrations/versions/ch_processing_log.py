# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""processing log: the Logboek Dataverwerkingen record table (append-only) and the trace
context an outbox entry was enqueued in

Revision ID: ch_processing_log
Revises: b1_languages
Create Date: 2026-12-02 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "ch_processing_log"
down_revision: str | None = "b1_languages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "processing_record is append-only: rows cannot be updated or deleted"


def upgrade() -> None:
    string = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "processing_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("trace_id", string(length=32), nullable=False),
        sa.Column("span_id", string(length=16), nullable=False),
        sa.Column("parent_span_id", string(length=16), nullable=True),
        sa.Column("name", string(length=100), nullable=False),
        sa.Column("status", string(length=8), nullable=False),
        sa.Column("started_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("ended_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("purpose", string(length=64), nullable=False),
        sa.Column("processing_activity_id", string(length=500), nullable=False),
        sa.Column("data_subject_id", string(length=64), nullable=False),
        sa.Column("data_subject_type", string(length=32), nullable=False),
        sa.Column("actor_account_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", string(length=32), nullable=True),
        sa.Column("actor_display_name", string(length=200), nullable=True),
        sa.Column("action", string(length=16), nullable=False),
        sa.Column("resource", string(length=64), nullable=False),
        sa.Column(
            "fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("description", string(length=200), nullable=False),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("processing_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processing_record_trace_id"), ["trace_id"], unique=False
        )
        batch_op.create_index(
            "ix_processing_record_subject_time", ["data_subject_id", "ended_at"], unique=False
        )
        batch_op.create_index(
            "ix_processing_record_municipality_time",
            ["municipality_id", "ended_at"],
            unique=False,
        )
    _append_only()
    op.add_column("outbox_entry", sa.Column("traceparent", string(length=55), nullable=True))


def _append_only() -> None:
    """Refuse UPDATE and DELETE (and TRUNCATE) of processing records in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION processing_record_append_only() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER processing_record_no_change BEFORE UPDATE OR DELETE "
            "ON processing_record FOR EACH ROW EXECUTE FUNCTION processing_record_append_only()"
        )
        op.execute(
            "CREATE TRIGGER processing_record_no_truncate BEFORE TRUNCATE ON processing_record "
            "FOR EACH STATEMENT EXECUTE FUNCTION processing_record_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER processing_record_no_{event.lower()} BEFORE {event} "
                f"ON processing_record BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )


def downgrade() -> None:
    op.drop_column("outbox_entry", "traceparent")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE processing_record")
        op.execute("DROP FUNCTION processing_record_append_only()")
    else:
        op.drop_table("processing_record")
