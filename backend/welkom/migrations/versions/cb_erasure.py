# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""erasure end to end: stored idempotent responses name the resident they are about, and an
erasure request can be refused with a reason

Revision ID: cb_erasure
Revises: cf_klantcontact
Create Date: 2026-12-02 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import welkom.core.models

revision: str = "cb_erasure"
down_revision: str | None = "cf_klantcontact"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resident_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_idempotency_record_resident_id"), ["resident_id"], unique=False
        )
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("refused_at", welkom.core.models.DateTimeUTC(), nullable=True)
        )
        batch_op.add_column(sa.Column("refused_by_account_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("refusal_reason", sa.String(length=1000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.drop_column("refusal_reason")
        batch_op.drop_column("refused_by_account_id")
        batch_op.drop_column("refused_at")
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idempotency_record_resident_id"))
        batch_op.drop_column("resident_id")
