# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""translation aids: a municipality's machine-translation server and the machine translation
sent with an answer

Revision ID: cl_translation
Revises: cj_case_reference
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "cl_translation"
down_revision: str | None = "cj_case_reference"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "municipality",
        sa.Column(
            "translation_settings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
            server_default="{}",
        ),
    )
    op.add_column("conversation_message", sa.Column("translation_text", sa.Text(), nullable=True))
    op.add_column(
        "conversation_message",
        sa.Column("translation_language", sa.String(length=8), nullable=True),
    )
    op.add_column(
        "conversation_message",
        sa.Column("translation_state", sa.String(length=16), nullable=True),
    )
    op.add_column(
        "conversation_message",
        sa.Column("translation_engine", sa.String(length=32), nullable=True),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in b1_languages.
    op.drop_column("conversation_message", "translation_engine")
    op.drop_column("conversation_message", "translation_state")
    op.drop_column("conversation_message", "translation_language")
    op.drop_column("conversation_message", "translation_text")
    op.drop_column("municipality", "translation_settings")
