# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""passkeys: a resident's WebAuthn credentials and the challenges of passkey ceremonies

Revision ID: ci_passkeys
Revises: cd_device_families
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import welkom.core.models

revision: str = "ci_passkeys"
down_revision: str | None = "cd_device_families"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "passkey",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("credential_id", sqlmodel.sql.sqltypes.AutoString(length=1400), nullable=False),
        sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("sign_count", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("last_used_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("credential_id"),
    )
    with op.batch_alter_table("passkey", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_passkey_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_passkey_municipality_id"), ["municipality_id"], unique=False
        )
    op.create_table(
        "passkey_challenge",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ceremony", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("challenge", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("expires_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("used_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("passkey_challenge", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_passkey_challenge_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_passkey_challenge_created_at"), ["created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("passkey_challenge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_passkey_challenge_created_at"))
        batch_op.drop_index(batch_op.f("ix_passkey_challenge_account_id"))
    op.drop_table("passkey_challenge")
    with op.batch_alter_table("passkey", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_passkey_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_passkey_account_id"))
    op.drop_table("passkey")
