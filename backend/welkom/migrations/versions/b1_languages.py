# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""languages: the resident's own choice of language, the review state of consent texts shown
and who reviewed a consent translation, a municipality's rule that consent needs a reviewed
translation, and the languages a municipality does not offer

Revision ID: b1_languages
Revises: a8_admin_volunteers
Create Date: 2026-12-02 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "b1_languages"
down_revision: str | None = "a8_admin_volunteers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("resident", sa.Column("chosen_language", sa.String(length=8), nullable=True))
    op.add_column("consent_text", sa.Column("reviewed_by", sa.String(length=200), nullable=True))
    op.add_column(
        "consent_text",
        sa.Column("reviewed_at", welkom.core.models.DateTimeUTC(), nullable=True),
    )
    op.add_column(
        "consent_entry", sa.Column("text_translation_state", sa.String(length=16), nullable=True)
    )
    op.add_column(
        "municipality",
        sa.Column(
            "disabled_languages",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
            server_default="[]",
        ),
    )
    op.add_column(
        "municipality",
        sa.Column(
            "consent_requires_reviewed_text",
            sa.Boolean(),
            nullable=False,
            server_default=sa.false(),
        ),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of municipality would break the foreign
    # keys every tenant table holds to it.
    op.drop_column("municipality", "consent_requires_reviewed_text")
    op.drop_column("municipality", "disabled_languages")
    op.drop_column("consent_entry", "text_translation_state")
    op.drop_column("consent_text", "reviewed_at")
    op.drop_column("consent_text", "reviewed_by")
    op.drop_column("resident", "chosen_language")
