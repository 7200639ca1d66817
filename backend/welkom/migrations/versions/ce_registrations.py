# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""registrations: outbox entries that touch one zaak carry its key (delivered one at a time, in
order) and say what they are about (question, document, answer) for records management

Revision ID: ce_registrations
Revises: cb_erasure
Create Date: 2026-12-02 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ce_registrations"
down_revision: str | None = "cb_erasure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox_entry", sa.Column("ordering_key", sa.String(length=64), nullable=True))
    op.add_column("outbox_entry", sa.Column("subject", sa.String(length=32), nullable=True))
    op.create_index("ix_outbox_ordering", "outbox_entry", ["ordering_key", "created_at"])
    # Existing registrations: what they are about. (Their ordering key stays empty: entries
    # queued before this revision are delivered as before.)
    op.execute(
        "UPDATE outbox_entry SET subject = (SELECT kind FROM interaction"
        " WHERE interaction.id = outbox_entry.reference)"
        " WHERE kind = 'cases.register_interaction'"
    )
    op.execute("UPDATE outbox_entry SET subject = 'answer' WHERE kind = 'cases.register_answer'")


def downgrade() -> None:
    op.drop_index("ix_outbox_ordering", table_name="outbox_entry")
    op.drop_column("outbox_entry", "subject")
    op.drop_column("outbox_entry", "ordering_key")
