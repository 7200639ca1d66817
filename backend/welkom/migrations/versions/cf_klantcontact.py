# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""klantcontact: questions and answers linked to klantcontacten in Open Klant, the answer
pickup's cursor, and answers without a Welkom author (picked up from Open Klant)

Revision ID: cf_klantcontact
Revises: ch_processing_log
Create Date: 2026-12-02 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import welkom.core.models

revision: str = "cf_klantcontact"
down_revision: str | None = "ch_processing_log"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "klantcontact_link",
        sa.Column("reference", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("question_reference", sa.Uuid(), nullable=False),
        sa.Column("klantcontact_uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("reference"),
        sa.UniqueConstraint(
            "municipality_id", "klantcontact_uuid", name="uq_klantcontact_link_uuid"
        ),
    )
    op.create_index(
        "ix_klantcontact_link_poll",
        "klantcontact_link",
        ["municipality_id", "role", "created_at", "reference"],
    )
    op.create_index(
        op.f("ix_klantcontact_link_question_reference"),
        "klantcontact_link",
        ["question_reference"],
    )
    op.create_table(
        "klantcontact_poll_cursor",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("after_created_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("after_reference", sa.Uuid(), nullable=True),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("municipality_id"),
    )
    with op.batch_alter_table("conversation_message") as batch:
        batch.alter_column("author_account_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM conversation_message WHERE author_account_id IS NULL"))
    with op.batch_alter_table("conversation_message") as batch:
        batch.alter_column("author_account_id", existing_type=sa.Uuid(), nullable=False)
    op.drop_table("klantcontact_poll_cursor")
    op.drop_index(op.f("ix_klantcontact_link_question_reference"), table_name="klantcontact_link")
    op.drop_index("ix_klantcontact_link_poll", table_name="klantcontact_link")
    op.drop_table("klantcontact_link")
