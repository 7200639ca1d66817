# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""services: items, places, translatable texts

Revision ID: a7_services
Revises: 0001
Create Date: 2026-11-24 06:22:44.946737
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "a7_services"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column(
            "links",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "phones",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "opening_hours",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "journey_steps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_version", sa.Integer(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("published_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_item_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_item_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_item_status"), ["status"], unique=False)

    op.create_table(
        "service_place",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("street", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("house_number", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("postal_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column(
            "opening_hours",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_place_latitude"), ["latitude"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_place_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "service_text",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("owner_kind", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("source_revision", sa.Integer(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("reviewed_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("reviewed_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "owner_id", "field", "language", name="uq_service_text_owner_field_lang"
        ),
    )
    with op.batch_alter_table("service_text", schema=None) as batch_op:
        batch_op.create_index(
            "ix_service_text_lookup", ["municipality_id", "language", "owner_kind"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_text_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "service_item_place",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("place_id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["service_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["service_place.id"],
        ),
        sa.PrimaryKeyConstraint("item_id", "place_id"),
    )
    with op.batch_alter_table("service_item_place", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_item_place_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_item_place_place_id"), ["place_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("service_item_place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_item_place_place_id"))
        batch_op.drop_index(batch_op.f("ix_service_item_place_municipality_id"))

    op.drop_table("service_item_place")
    with op.batch_alter_table("service_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_text_owner_id"))
        batch_op.drop_index("ix_service_text_lookup")

    op.drop_table("service_text")
    with op.batch_alter_table("service_place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_place_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_service_place_latitude"))

    op.drop_table("service_place")
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_item_status"))
        batch_op.drop_index(batch_op.f("ix_service_item_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_service_item_category"))

    op.drop_table("service_item")
