# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Admin API of the auth domain: activation codes a caseworker issues for a resident."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post
from litestar.params import FromPath

from welkom.auth import activation
from welkom.auth.schemas import ActivationCodeOut, ActivationCodeState
from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, requires_role
from welkom.residents import tenancy


class ActivationCodeController(Controller):
    path = "/api/v1/admin/residents/{resident_id:uuid}/activation-codes"
    tags = ["auth", "admin"]
    guards = [requires_role("caseworker")]

    @post(
        "/",
        operation_id="issueActivationCode",
        summary="Issue an activation code",
        status_code=201,
        description="Issue a one-time activation code for a resident of the caseworker's "
        "municipality. The code is returned once (text, and `qr_payload`: the resident app's "
        "link `{public_base_url}/#/activate?code=…`, code in the fragment) and stored only "
        "hashed; earlier unspent codes of the resident stop working. Not idempotent by key on "
        "purpose: a retry issues a fresh code, which is safe.",
    )
    async def issue(
        self,
        resident_id: FromPath[uuid.UUID],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> ActivationCodeOut:
        resident = await tenancy.reachable_resident(db, principal, resident_id)
        issued = await activation.issue(db, settings, principal, resident)
        return ActivationCodeOut(
            id=issued.id,
            code=issued.code,
            qr_payload=activation.activation_link(settings, issued.code),
            expires_at=issued.expires_at,
        )

    @get(
        "/",
        operation_id="listActivationCodes",
        summary="List a resident's activation codes",
        description="Every activation code issued for the resident, with its state (`active`, "
        "`spent`, `expired` or `revoked`) and times; never the code itself, which is stored only "
        "hashed. A resident outside your municipality answers 404.",
    )
    async def list_codes(
        self, resident_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> list[ActivationCodeState]:
        resident = await tenancy.reachable_resident(db, principal, resident_id)
        rows = await activation.list_codes(db, principal, resident)
        return [
            ActivationCodeState(
                id=row.id,
                state=activation.code_state(row),
                created_at=row.created_at,
                expires_at=row.expires_at,
                spent_at=row.spent_at,
            )
            for row in rows
        ]
