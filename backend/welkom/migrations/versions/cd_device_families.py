# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""device credential families: every rotated value is kept (with ``rotated_at``) in its
family so that a replay revokes the family, and sessions remember the family they came from

Revision ID: cd_device_families
Revises: ce_registrations
Create Date: 2026-12-02 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import welkom.core.models

revision: str = "cd_device_families"
down_revision: str | None = "ce_registrations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("device_credential", schema=None) as batch_op:
        batch_op.add_column(sa.Column("family_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column("rotated_at", welkom.core.models.DateTimeUTC(), nullable=True)
        )
    # Until now a credential rotated in place: each row is a family of its own.
    op.execute("UPDATE device_credential SET family_id = id")
    with op.batch_alter_table("device_credential", schema=None) as batch_op:
        batch_op.alter_column("family_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.create_index(
            batch_op.f("ix_device_credential_family_id"), ["family_id"], unique=False
        )
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_family_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_auth_session_device_family_id"), ["device_family_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_session_device_family_id"))
        batch_op.drop_column("device_family_id")
    # Rotated values have a successor: only the newest value of each family survives.
    op.execute("DELETE FROM device_credential WHERE rotated_at IS NOT NULL")
    with op.batch_alter_table("device_credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_credential_family_id"))
        batch_op.drop_column("rotated_at")
        batch_op.drop_column("family_id")
