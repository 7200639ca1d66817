# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""identity: external identities, activation codes, sign-in attempts, OIDC logins, device credentials, audit log

Revision ID: a4_identity
Revises: a9_notifications
Create Date: 2026-11-24 06:20:52.451469
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "a4_identity"
down_revision: str | None = "a9_notifications"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auth_attempt",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("client_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("auth_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_auth_attempt_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            "ix_auth_attempt_kind_client", ["kind", "client_hash", "created_at"], unique=False
        )

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("actor_account_id", sa.Uuid(), nullable=False),
        sa.Column("actor_role", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column(
            "actor_display_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False
        ),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("resource", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("request_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("occurred_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_event_actor_account_id"), ["actor_account_id"], unique=False
        )
        batch_op.create_index(
            "ix_audit_event_municipality_time", ["municipality_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            "ix_audit_event_resident_time", ["resident_id", "occurred_at"], unique=False
        )

    op.create_table(
        "account_identity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("provider", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("issuer", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("last_login_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "municipality_id", "issuer", "subject", name="uq_account_identity_subject"
        ),
    )
    with op.batch_alter_table("account_identity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_identity_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_account_identity_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "activation_code",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("issued_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("expires_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("spent_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("revoked_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["issued_by"],
            ["account.id"],
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
        sa.UniqueConstraint("code_hash"),
    )
    with op.batch_alter_table("activation_code", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activation_code_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activation_code_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "device_credential",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("last_used_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("expires_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("revoked_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("device_credential", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_device_credential_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "oidc_login",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("provider", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("state_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("browser_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("nonce", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("code_verifier", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("return_to", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("link_account_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("expires_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("used_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["link_account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("state_hash"),
    )
    with op.batch_alter_table("oidc_login", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oidc_login_created_at"), ["created_at"], unique=False)

    _audit_append_only()


APPEND_ONLY = "audit_event is append-only: rows cannot be updated or deleted"


def _audit_append_only() -> None:
    """Refuse UPDATE and DELETE (and TRUNCATE) of audit rows in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )


def downgrade() -> None:
    with op.batch_alter_table("oidc_login", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oidc_login_created_at"))

    op.drop_table("oidc_login")
    with op.batch_alter_table("device_credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_credential_account_id"))

    op.drop_table("device_credential")
    with op.batch_alter_table("activation_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activation_code_resident_id"))
        batch_op.drop_index(batch_op.f("ix_activation_code_municipality_id"))

    op.drop_table("activation_code")
    with op.batch_alter_table("account_identity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_identity_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_account_identity_account_id"))

    op.drop_table("account_identity")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_resident_time")
        batch_op.drop_index("ix_audit_event_municipality_time")
        batch_op.drop_index(batch_op.f("ix_audit_event_actor_account_id"))

    op.drop_table("audit_event")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    with op.batch_alter_table("auth_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_auth_attempt_kind_client")
        batch_op.drop_index(batch_op.f("ix_auth_attempt_created_at"))

    op.drop_table("auth_attempt")
