# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""foundation: municipalities, residents, accounts, sessions, interactions, outbox, local case register

Revision ID: 0001
Revises:
Create Date: 2026-11-24 06:07:33.271260
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("request_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column(
            "response_body",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scope", "key", name="uq_idempotency_scope_key"),
    )
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_record_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "municipality",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("rsin", sqlmodel.sql.sqltypes.AutoString(length=9), nullable=False),
        sa.Column("default_language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("case_register", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column(
            "case_register_settings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "local_zaak",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("bronorganisatie", sqlmodel.sql.sqltypes.AutoString(length=9), nullable=False),
        sa.Column("identificatie", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("zaaktype", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column(
            "vertrouwelijkheidaanduiding",
            sqlmodel.sql.sqltypes.AutoString(length=20),
            nullable=False,
        ),
        sa.Column("omschrijving", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("startdatum", sa.Date(), nullable=False),
        sa.Column(
            "initiator_reference", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("bronorganisatie", "identificatie", name="uq_local_zaak_identificatie"),
    )
    with op.batch_alter_table("local_zaak", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_local_zaak_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "outbox_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("reference", sa.Uuid(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at",
            welkom.core.models.DateTimeUTC(),
            nullable=False,
        ),
        sa.Column("claim_token", sa.Uuid(), nullable=True),
        sa.Column(
            "lease_expires_at",
            welkom.core.models.DateTimeUTC(),
            nullable=True,
        ),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column(
            "delivered_at",
            welkom.core.models.DateTimeUTC(),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "reference", name="uq_outbox_kind_reference"),
    )
    with op.batch_alter_table("outbox_entry", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_due", ["state", "next_attempt_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outbox_entry_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "resident",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("preferred_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("preferred_language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column(
            "roles",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=True),
        sa.Column("demo_login", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("demo_login"),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_account_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column(
            "registration_state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False
        ),
        sa.Column("zaak_identificatie", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("zaak_url", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column(
            "registered_at",
            welkom.core.models.DateTimeUTC(),
            nullable=True,
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
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            "ix_interaction_resident_created", ["resident_id", "created_at", "id"], unique=False
        )

    op.create_table(
        "local_document",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("zaak_id", sa.Uuid(), nullable=False),
        sa.Column("identificatie", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("titel", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("taal", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column(
            "vertrouwelijkheidaanduiding",
            sqlmodel.sql.sqltypes.AutoString(length=20),
            nullable=False,
        ),
        sa.Column("formaat", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("bestandsomvang", sa.Integer(), nullable=False),
        sa.Column("checksum_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["zaak_id"],
            ["local_zaak.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("zaak_id", "identificatie", name="uq_local_document_identificatie"),
    )
    with op.batch_alter_table("local_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_local_document_zaak_id"), ["zaak_id"], unique=False)

    op.create_table(
        "auth_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column(
            "last_seen_at",
            welkom.core.models.DateTimeUTC(),
            nullable=False,
        ),
        sa.Column("expires_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("revoked_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_auth_session_account_id"), ["account_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_session_account_id"))

    op.drop_table("auth_session")
    with op.batch_alter_table("local_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_local_document_zaak_id"))

    op.drop_table("local_document")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_resident_created")
        batch_op.drop_index(batch_op.f("ix_interaction_municipality_id"))

    op.drop_table("interaction")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_resident_id"))
        batch_op.drop_index(batch_op.f("ix_account_municipality_id"))

    op.drop_table("account")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_municipality_id"))

    op.drop_table("resident")
    with op.batch_alter_table("outbox_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_entry_municipality_id"))
        batch_op.drop_index("ix_outbox_due")

    op.drop_table("outbox_entry")
    with op.batch_alter_table("local_zaak", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_local_zaak_municipality_id"))

    op.drop_table("local_zaak")
    op.drop_table("municipality")
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idempotency_record_created_at"))

    op.drop_table("idempotency_record")
