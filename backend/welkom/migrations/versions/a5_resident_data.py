# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""resident data, consent ledger, journey, erasure requests

Revision ID: a5_resident_data
Revises: a4_identity
Create Date: 2026-11-24 06:28:08.239944
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import welkom.core.models

revision: str = "a5_resident_data"
down_revision: str | None = "a4_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consent_text",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("translation_state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "municipality_id", "purpose", "version", "language", name="uq_consent_text_version"
        ),
    )
    with op.batch_alter_table("consent_text", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_text_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "journey_template",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("journey_template", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journey_template_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "consent_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("recipient", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "data_categories",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("legal_basis", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("text_id", sa.Uuid(), nullable=True),
        sa.Column("text_version", sa.Integer(), nullable=True),
        sa.Column("text_language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("text_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("recorded_by_account_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_by_role", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("recorded_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.ForeignKeyConstraint(
            ["text_id"],
            ["consent_text.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("resident_id", "seq", name="uq_consent_entry_seq"),
    )
    with op.batch_alter_table("consent_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_entry_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            "ix_consent_entry_resident_purpose", ["resident_id", "purpose", "seq"], unique=False
        )

    op.create_table(
        "erasure_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("requested_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("completed_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("completed_by_account_id", sa.Uuid(), nullable=True),
        sa.Column(
            "outcome",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
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
    )
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_erasure_request_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_erasure_request_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(
            "uq_erasure_request_open",
            ["resident_id"],
            unique=True,
            postgresql_where=sa.text("state = 'requested'"),
            sqlite_where=sa.text("state = 'requested'"),
        )

    op.create_table(
        "household_member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("relation", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("school", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_member_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_household_member_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "journey_template_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("typical_duration_days", sa.Integer(), nullable=True),
        sa.Column(
            "explanation",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("service_item_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["journey_template.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("template_id", "key", name="uq_journey_template_step_key"),
    )
    with op.batch_alter_table("journey_template_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journey_template_step_municipality_id"),
            ["municipality_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_journey_template_step_template_id"), ["template_id"], unique=False
        )

    op.create_table(
        "resident_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "old_value",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "new_value",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("actor_account_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("changed_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("resident_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_change_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            "ix_resident_change_resident_at", ["resident_id", "changed_at", "id"], unique=False
        )

    op.create_table(
        "journey_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("template_step_id", sa.Uuid(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("next_actor", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("next_actor_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("zaak_identificatie", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("completed_at", welkom.core.models.DateTimeUTC(), nullable=True),
        sa.Column("updated_by_account_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.Column("updated_at", welkom.core.models.DateTimeUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
        ),
        sa.ForeignKeyConstraint(
            ["template_step_id"],
            ["journey_template_step.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("resident_id", "key", name="uq_journey_step_resident_key"),
    )
    with op.batch_alter_table("journey_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journey_step_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_journey_step_resident_id"), ["resident_id"], unique=False
        )

    # Only ALTER TABLE ADD COLUMN (no table copy on SQLite): rows elsewhere refer to residents.
    with op.batch_alter_table("resident", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "languages",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
                nullable=False,
                server_default="[]",
            )
        )
        batch_op.add_column(
            sa.Column("address_street", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "address_house_number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column(
                "address_postcode", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("address_city", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column("arrival_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "registered_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column(
                "registered_name_source", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("bsn", sqlmodel.sql.sqltypes.AutoString(length=9), nullable=True)
        )
        batch_op.add_column(
            sa.Column("bsn_source", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.add_column(
            sa.Column("v_number", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(
            sa.Column("v_number_source", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "municipal_data_legal_basis",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("caseworker_account_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "caseworker_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column(
                "caseworker_contact", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True
            )
        )
        batch_op.add_column(sa.Column("erased_at", welkom.core.models.DateTimeUTC(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_resident_caseworker_account_id"), ["caseworker_account_id"], unique=False
        )

    _consent_ledger_append_only()


def _consent_ledger_append_only() -> None:
    """The database itself refuses to change or remove consent ledger entries."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION consent_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'consent_entry is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER consent_entry_append_only BEFORE UPDATE OR DELETE ON consent_entry "
            "FOR EACH ROW EXECUTE FUNCTION consent_entry_append_only()"
        )
        op.execute(
            "CREATE TRIGGER consent_entry_no_truncate BEFORE TRUNCATE ON consent_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION consent_entry_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER consent_entry_no_{event.lower()} BEFORE {event} ON consent_entry "
                "BEGIN SELECT RAISE(ABORT, 'consent_entry is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS consent_entry_no_truncate ON consent_entry")
        op.execute("DROP TRIGGER IF EXISTS consent_entry_append_only ON consent_entry")
        op.execute("DROP FUNCTION IF EXISTS consent_entry_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS consent_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS consent_entry_no_delete")
    with op.batch_alter_table("journey_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_step_resident_id"))
        batch_op.drop_index(batch_op.f("ix_journey_step_municipality_id"))

    op.drop_table("journey_step")
    with op.batch_alter_table("resident_change", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_change_resident_at")
        batch_op.drop_index(batch_op.f("ix_resident_change_municipality_id"))

    op.drop_table("resident_change")
    with op.batch_alter_table("journey_template_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_template_step_template_id"))
        batch_op.drop_index(batch_op.f("ix_journey_template_step_municipality_id"))

    op.drop_table("journey_template_step")
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_member_resident_id"))
        batch_op.drop_index(batch_op.f("ix_household_member_municipality_id"))

    op.drop_table("household_member")
    with op.batch_alter_table("erasure_request", schema=None) as batch_op:
        batch_op.drop_index("uq_erasure_request_open")
        batch_op.drop_index(batch_op.f("ix_erasure_request_resident_id"))
        batch_op.drop_index(batch_op.f("ix_erasure_request_municipality_id"))

    op.drop_table("erasure_request")
    with op.batch_alter_table("consent_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_entry_resident_purpose")
        batch_op.drop_index(batch_op.f("ix_consent_entry_municipality_id"))

    op.drop_table("consent_entry")
    with op.batch_alter_table("journey_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_template_municipality_id"))

    op.drop_table("journey_template")
    with op.batch_alter_table("consent_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_text_municipality_id"))

    op.drop_table("consent_text")

    with op.batch_alter_table("resident", schema=None, recreate="never") as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_caseworker_account_id"))
        batch_op.drop_column("erased_at")
        batch_op.drop_column("caseworker_contact")
        batch_op.drop_column("caseworker_name")
        batch_op.drop_column("caseworker_account_id")
        batch_op.drop_column("municipal_data_legal_basis")
        batch_op.drop_column("v_number_source")
        batch_op.drop_column("v_number")
        batch_op.drop_column("bsn_source")
        batch_op.drop_column("bsn")
        batch_op.drop_column("registered_name_source")
        batch_op.drop_column("registered_name")
        batch_op.drop_column("arrival_date")
        batch_op.drop_column("address_city")
        batch_op.drop_column("address_postcode")
        batch_op.drop_column("address_house_number")
        batch_op.drop_column("address_street")
        batch_op.drop_column("languages")
        batch_op.drop_column("full_name")
