# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""versions for content texts and journey step texts (If-Match on their PUTs)

Revision ID: co_text_versions
Revises: cn_review_languages
Create Date: 2026-12-04 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "co_text_versions"
down_revision: str | None = "cn_review_languages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("service_text", "journey_template_step"):
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in b1_languages.
    for table in ("service_text", "journey_template_step"):
        op.drop_column(table, "version")
