# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""ZGW case routing: uploaded documents of interactions, case status from the case system

Revision ID: a6_zgw
Revises: a5_resident_data
Create Date: 2026-11-24 06:22:07.985811
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import welkom.core.models

revision: str = "a6_zgw"
down_revision: str | None = "a5_resident_data"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_status",
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("status_url", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("statustype", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("status_set_at", welkom.core.models.DateTimeUTC(timezone=True), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("interaction_id"),
    )
    with op.batch_alter_table("case_status", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_status_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "interaction_document",
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("storage_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("content_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("interaction_id"),
    )
    with op.batch_alter_table("interaction_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_document_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_index("ix_interaction_zaak_url", "interaction", ["zaak_url"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_interaction_zaak_url", table_name="interaction")
    with op.batch_alter_table("interaction_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_document_municipality_id"))

    op.drop_table("interaction_document")
    with op.batch_alter_table("case_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_status_municipality_id"))

    op.drop_table("case_status")
