# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkey routes: a signed-in resident adds, lists and removes passkeys; anyone signs in with
one (the rules are in passkeys.py)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.params import FromPath, JSONBody

from welkom.auth import cookies, passkeys
from welkom.auth.models import Account
from welkom.auth.passkey_models import Passkey
from welkom.auth.routes import _require_json, _session_out, _start
from welkom.auth.schemas import (
    PasskeyCeremonyOut,
    PasskeyOut,
    PasskeyRegisterIn,
    PasskeySignInIn,
    SessionOut,
)
from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, public, requires_role
from welkom.core.problems import Problem


def _out(passkey: Passkey) -> PasskeyOut:
    return PasskeyOut(
        id=passkey.id,
        name=passkey.name,
        created_at=passkey.created_at,
        last_used_at=passkey.last_used_at,
    )


def _ceremony_out(ceremony: passkeys.Ceremony) -> PasskeyCeremonyOut:
    return PasskeyCeremonyOut(ceremony_id=ceremony.ceremony_id, public_key=ceremony.public_key)


async def _account(db: DbSession, principal: Caller) -> Account:
    account = await db.get(Account, principal.account_id)
    if account is None:
        raise Problem.not_found()
    return account


class PasskeyController(Controller):
    path = "/api/v1/auth/passkeys"
    tags = ["auth"]
    guards = [requires_role("resident")]

    @get(
        "/",
        operation_id="listMyPasskeys",
        summary="List your passkeys",
        description="The resident's passkeys.",
    )
    async def list_passkeys(self, db: DbSession, principal: Caller) -> list[PasskeyOut]:
        return [_out(p) for p in await passkeys.list_for_account(db, principal.account_id)]

    @post(
        "/registration-options",
        status_code=200,
        operation_id="passkeyRegistrationOptions",
        summary="Start adding a passkey",
        description="Start adding a passkey: a single-use challenge for "
        "`navigator.credentials.create` (user verification required).",
    )
    async def registration_options(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> PasskeyCeremonyOut:
        account = await _account(db, principal)
        return _ceremony_out(await passkeys.register_options(db, settings, account))

    @post(
        "/",
        status_code=201,
        operation_id="addPasskey",
        summary="Finish adding a passkey",
        description="Finish adding a passkey with the authenticator's answer. An unknown or "
        "used challenge, or an answer that does not verify: 400.",
    )
    async def add_passkey(
        self,
        data: JSONBody[PasskeyRegisterIn],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
    ) -> PasskeyOut:
        account = await _account(db, principal)
        passkey = await passkeys.register(
            db, settings, account, data.ceremony_id, data.name, data.credential
        )
        return _out(passkey)

    @delete(
        "/{passkey_id:uuid}",
        status_code=204,
        operation_id="removePasskey",
        summary="Remove a passkey",
        description="Remove one of the resident's passkeys.",
    )
    async def remove_passkey(
        self, passkey_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> None:
        if not await passkeys.remove(db, principal.account_id, passkey_id):
            raise Problem.not_found()


class PasskeyLoginController(Controller):
    path = "/api/v1/auth/passkey-login"
    tags = ["auth"]

    @post(
        "/options",
        guards=[public],
        status_code=200,
        operation_id="passkeySignInOptions",
        summary="Start signing in with a passkey",
        description="Start signing in with a passkey: a single-use challenge for "
        "`navigator.credentials.get`.",
    )
    async def options(
        self, db: DbSession, settings: AppSettings, request: Request[Any, Any, Any]
    ) -> PasskeyCeremonyOut:
        _require_json(request)
        return _ceremony_out(await passkeys.sign_in_options(db, settings))

    @post(
        "/",
        guards=[public],
        status_code=200,
        operation_id="passkeyLogin",
        summary="Sign in with a passkey",
        description="Sign in with a passkey: checks the assertion and starts a session "
        "(session cookies), as every other sign-in does. An unknown or used challenge: 400; an "
        "assertion that does not verify: 401 `passkey-refused`. JSON bodies only (415).",
    )
    async def sign_in(
        self,
        data: JSONBody[PasskeySignInIn],
        db: DbSession,
        settings: AppSettings,
        request: Request[Any, Any, Any],
    ) -> Response[SessionOut]:
        _require_json(request)
        account, _ = await passkeys.sign_in(db, settings, data.ceremony_id, data.credential)
        token, principal = await _start(db, settings, account, "passkey")
        return Response(_session_out(principal), cookies=cookies.session_cookies(settings, token))
