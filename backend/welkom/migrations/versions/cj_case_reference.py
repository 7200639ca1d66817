# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""short case references: every interaction gets a random reference of 8 Crockford base32
symbols (``K7Q2-9MXA``), unique per municipality; local zaken get a toelichting naming it

Revision ID: cj_case_reference
Revises: ci_passkeys
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

from welkom.interactions import reference as case_reference

revision: str = "cj_case_reference"
down_revision: str | None = "ci_passkeys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_interaction = sa.table(
    "interaction",
    sa.column("id", sa.Uuid()),
    sa.column("municipality_id", sa.Uuid()),
    sa.column("reference", sa.String()),
)
_local_zaak = sa.table(
    "local_zaak",
    sa.column("identificatie", sa.String()),
    sa.column("toelichting", sa.String()),
)


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy): on SQLite a batch would drop and recreate tables that
    # other tables' foreign keys point at, which fails once they hold rows. A column added NOT
    # NULL needs a default there; PostgreSQL drops it again below.
    op.add_column(
        "interaction",
        sa.Column(
            "reference",
            sqlmodel.sql.sqltypes.AutoString(length=10),
            nullable=False,
            server_default="",
        ),
    )
    op.add_column(
        "local_zaak",
        sa.Column(
            "toelichting",
            sqlmodel.sql.sqltypes.AutoString(length=1000),
            nullable=False,
            server_default="",
        ),
    )
    # Existing cases get a reference now (drawn until unique within their municipality), and
    # their local zaak names it, as a new one does.
    connection = op.get_bind()
    taken: dict[object, set[str]] = {}
    rows = connection.execute(sa.select(_interaction.c.id, _interaction.c.municipality_id))
    for interaction_id, municipality_id in rows.all():
        used = taken.setdefault(municipality_id, set())
        reference = case_reference.new()
        while reference in used:
            reference = case_reference.new()
        used.add(reference)
        connection.execute(
            _interaction.update()
            .where(_interaction.c.id == interaction_id)
            .values(reference=reference)
        )
        connection.execute(
            _local_zaak.update()
            .where(_local_zaak.c.identificatie == f"WLK-{interaction_id.hex}")
            .values(toelichting=f"Welkom-referentie {case_reference.display(reference)}")
        )
    op.create_index(
        "uq_interaction_reference", "interaction", ["municipality_id", "reference"], unique=True
    )
    if connection.dialect.name != "sqlite":
        op.alter_column("interaction", "reference", server_default=None)
        op.alter_column("local_zaak", "toelichting", server_default=None)


def downgrade() -> None:
    op.drop_column("local_zaak", "toelichting")
    op.drop_index("uq_interaction_reference", table_name="interaction")
    op.drop_column("interaction", "reference")
