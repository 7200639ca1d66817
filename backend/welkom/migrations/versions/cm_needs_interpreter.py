# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""conversations: "needs interpreter"

Revision ID: cm_needs_interpreter
Revises: cl_translation
Create Date: 2026-12-03 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cm_needs_interpreter"
down_revision: str | None = "cl_translation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "conversation",
        sa.Column("needs_interpreter", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in b1_languages.
    op.drop_column("conversation", "needs_interpreter")
