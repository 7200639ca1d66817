# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""admin conversations, volunteers and help requests

Revision ID: a8_admin_volunteers
Revises: a6_zgw
Create Date: 2026-11-24 06:31:18.751328
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "a8_admin_volunteers"
down_revision: str | None = "a6_zgw"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("assigned_account_id", sa.Uuid(), nullable=True),
        sa.Column("waiting_for", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("first_answered_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("interaction_id", name="uq_conversation_interaction"),
    )
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_conversation_assigned", ["municipality_id", "assigned_account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_conversation_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "conversation_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("author_account_id", sa.Uuid(), nullable=False),
        sa.Column("author_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("registration_state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("zaak_identificatie", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("registered_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conversation_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_message_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_conversation_message_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(
            "ix_conversation_message_thread", ["interaction_id", "created_at", "id"], unique=False
        )

    op.create_table(
        "volunteer_profile",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "languages",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "skills",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "areas",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "availability",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("vetted_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("vog_date", sa.Date(), nullable=True),
        sa.Column("vetted_by", sa.Uuid(), nullable=True),
        sa.Column("suspended_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("suspended_by", sa.Uuid(), nullable=True),
        sa.Column("suspension_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", name="uq_volunteer_profile_account"),
    )
    with op.batch_alter_table("volunteer_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_profile_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "help_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("wanted_from", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("wanted_until", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("neighbourhood", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=True),
        sa.Column("claimed_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("closed_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("closed_by_role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("rating_comment", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer_profile.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("help_request", schema=None) as batch_op:
        batch_op.create_index(
            "ix_help_request_open", ["municipality_id", "state", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_help_request_resident", ["resident_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_help_request_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "help_report",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("help_request_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("handled_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["help_request_id"],
            ["help_request.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer_profile.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("help_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_help_report_help_request_id"), ["help_request_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_help_report_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_help_report_resident_id"), ["resident_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("help_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_report_resident_id"))
        batch_op.drop_index(batch_op.f("ix_help_report_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_help_report_help_request_id"))

    op.drop_table("help_report")
    with op.batch_alter_table("help_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_request_volunteer_id"))
        batch_op.drop_index("ix_help_request_resident")
        batch_op.drop_index("ix_help_request_open")

    op.drop_table("help_request")
    with op.batch_alter_table("volunteer_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_profile_municipality_id"))

    op.drop_table("volunteer_profile")
    with op.batch_alter_table("conversation_message", schema=None) as batch_op:
        batch_op.drop_index("ix_conversation_message_thread")
        batch_op.drop_index(batch_op.f("ix_conversation_message_resident_id"))
        batch_op.drop_index(batch_op.f("ix_conversation_message_municipality_id"))

    op.drop_table("conversation_message")
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_resident_id"))
        batch_op.drop_index("ix_conversation_assigned")

    op.drop_table("conversation")
