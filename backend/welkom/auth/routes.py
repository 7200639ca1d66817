# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Sign-in and session routes: session, logout (everywhere), demo login, activation codes,
"this phone" device credentials and OpenID Connect login/link."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import structlog
from litestar import Controller, Request, Response, delete, get, post
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.response import Redirect

from welkom.auth import activation, cookies, devices, oidc_login, service, staff_sign_in
from welkom.auth.models import Account
from welkom.auth.schemas import (
    ActivationIn,
    ActivationOut,
    ActiveSessionOut,
    DemoLoginIn,
    DemoLoginOut,
    SessionOut,
    SignInOption,
    StaffProviderOut,
    StaffSignInOut,
)
from welkom.core.deps import AppSettings, DbSession
from welkom.core.guards import Caller, public, requires_role, signed_in
from welkom.core.i18n import N_
from welkom.core.identity import Principal
from welkom.core.problems import FieldError, Problem
from welkom.core.settings import OidcProvider, Settings

log = structlog.get_logger("welkom.auth")


def _session_out(principal: Principal) -> SessionOut:
    return SessionOut(
        account_id=principal.account_id,
        display_name=principal.display_name,
        roles=sorted(principal.roles),
        municipality_id=principal.municipality_id,
        resident_id=principal.resident_id,
    )


async def _start(
    db: DbSession,
    settings: Settings,
    account: Account,
    method: str,
    device_family_id: uuid.UUID | None = None,
) -> tuple[str, Principal]:
    """A new session for ``account`` (a fresh token at every login: no session fixation)."""
    token = await service.create_session(db, settings, account, device_family_id)
    principal = await service.resolve(db, settings, token)
    assert principal is not None
    log.info(
        "signed_in",
        method=method,
        account_id=str(account.id),
        session_id=str(principal.session_id),
        roles=sorted(principal.roles),
    )
    return token, principal


def _client_address(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def _require_json(request: Request[Any, Any, Any]) -> None:
    """Sign-in POSTs take JSON only: a cross-site HTML form cannot send it (login CSRF)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Problem(415, "unsupported-media-type", N_("Unsupported media type"),
                      N_("Send the body as JSON."))  # fmt: skip


class SessionController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @get(
        "/session",
        guards=[signed_in],
        operation_id="getSession",
        summary="Read the current session",
        description="Who is signed in on this request: account, display name, roles, municipality "
        "and, for residents, their resident record.",
    )
    async def get_session(self, principal: Caller) -> SessionOut:
        return _session_out(principal)

    @post(
        "/logout",
        guards=[signed_in],
        status_code=204,
        operation_id="logout",
        summary="Sign out of this session",
        description="Ends the session this request uses and clears its cookies. Other devices "
        "stay signed in (see `logoutEverywhere`).",
    )
    async def logout(
        self, db: DbSession, principal: Caller, settings: AppSettings
    ) -> Response[None]:
        await service.revoke(db, principal.session_id)
        return Response(None, status_code=204, cookies=cookies.cleared_session_cookies(settings))

    @post(
        "/logout-everywhere",
        guards=[signed_in],
        status_code=204,
        operation_id="logoutEverywhere",
        summary="Sign out everywhere",
        description="End every session of this account and forget every remembered phone.",
    )
    async def logout_everywhere(
        self, db: DbSession, principal: Caller, settings: AppSettings
    ) -> Response[None]:
        await service.revoke_all(db, principal.account_id)
        return Response(
            None,
            status_code=204,
            cookies=[
                *cookies.cleared_session_cookies(settings),
                cookies.cleared_device_cookie(settings),
            ],
        )

    @get(
        "/sessions",
        guards=[signed_in],
        operation_id="listMySessions",
        summary="List your active sessions",
        description="The caller's active sessions (all devices), newest first.",
    )
    async def list_sessions(
        self, db: DbSession, principal: Caller, settings: AppSettings
    ) -> list[ActiveSessionOut]:
        sessions = await service.active_sessions(db, settings, principal.account_id)
        return [
            ActiveSessionOut(
                id=s.id,
                created_at=s.created_at,
                last_seen_at=s.last_seen_at,
                expires_at=s.expires_at,
                current=s.id == principal.session_id,
            )
            for s in sessions
        ]

    @delete(
        "/sessions/{session_id:uuid}",
        guards=[signed_in],
        status_code=204,
        operation_id="endMySession",
        summary="End one of your sessions",
        description="End one of the caller's own sessions (e.g. a lost phone).",
    )
    async def end_session(
        self, session_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> None:
        if not await service.revoke_own(db, principal.account_id, session_id):
            raise Problem.not_found()


class DemoLoginController(Controller):
    """Demo/test only: sign in as a seeded demo account. Not registered in production."""

    path = "/api/v1/auth/demo-login"
    tags = ["auth"]

    @post(
        "/",
        guards=[public],
        status_code=200,
        operation_id="demoLogin",
        summary="Sign in as a demo account",
    )
    async def demo_login(
        self, data: JSONBody[DemoLoginIn], db: DbSession, settings: AppSettings
    ) -> Response[DemoLoginOut]:
        account = await service.account_by_demo_login(db, data.login)
        if account is None:
            raise Problem.validation(
                [FieldError("login", N_("There is no demo account with this name."))]
            )
        token, principal = await _start(db, settings, account, "demo")
        return Response(
            DemoLoginOut(token=token, session=_session_out(principal)),
            cookies=cookies.session_cookies(settings, token),
        )


def _sign_in_options(settings: Settings, principal: Principal) -> list[SignInOption]:
    options = [SignInOption(kind="device", provider=None, link_url=None)]
    for provider in settings.oidc.providers:
        if provider.link_only and "resident" in provider.allowed_roles:
            options.append(
                SignInOption(
                    kind="oidc",
                    provider=provider.key,
                    link_url=f"/api/v1/auth/oidc/{provider.key}/link",
                )
            )
    return options


class StaffSignInController(Controller):
    path = "/api/v1/auth/staff-sign-in"
    tags = ["auth"]

    @get(
        "/",
        guards=[public],
        operation_id="staffSignInOptions",
        summary="How staff sign in",
        description="The staff identity providers the back office offers (key and name; start "
        "at `GET /auth/oidc/{key}/login`), one per municipality the deployment serves, and "
        "whether demo login is on. Public: the sign-in page reads it before anyone signs in.",
    )
    async def options(self, db: DbSession, settings: AppSettings) -> StaffSignInOut:
        found = await staff_sign_in.staff_sign_in(db, settings)
        return StaffSignInOut(
            providers=[
                StaffProviderOut(key=p.key, display_name=p.display_name) for p in found.providers
            ],
            demo_login=found.demo_login,
        )


class ActivationController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/activation",
        guards=[public],
        status_code=200,
        operation_id="redeemActivationCode",
        summary="Redeem an activation code",
        description="Redeem the one-time code a caseworker gave the resident. Signs the "
        "resident in (session cookies); with `remember_device` this phone also gets a "
        "credential to sign in next time. Wrong codes are rate-limited per client (429).",
    )
    async def redeem(
        self,
        data: JSONBody[ActivationIn],
        db: DbSession,
        settings: AppSettings,
        request: Request[Any, Any, Any],
    ) -> Response[ActivationOut]:
        _require_json(request)
        account = await activation.redeem(db, settings, data.code, _client_address(request))
        token, principal = await _start(db, settings, account, "activation_code")
        response_cookies = cookies.session_cookies(settings, token)
        if data.remember_device:
            device_token = await devices.issue(db, settings, account.id)
            response_cookies.append(cookies.device_cookie(settings, device_token))
        return Response(
            ActivationOut(
                session=_session_out(principal),
                sign_in_options=_sign_in_options(settings, principal),
            ),
            cookies=response_cookies,
        )

    @post(
        "/device",
        guards=[requires_role("resident")],
        status_code=204,
        operation_id="rememberDevice",
        summary="Remember this phone",
        description="Remember this phone: sets a long-lived, HttpOnly device credential.",
    )
    async def remember_device(
        self, db: DbSession, settings: AppSettings, principal: Caller
    ) -> Response[None]:
        token = await devices.issue(db, settings, principal.account_id)
        return Response(None, status_code=204, cookies=[cookies.device_cookie(settings, token)])

    @post(
        "/device-login",
        guards=[public],
        status_code=200,
        operation_id="deviceLogin",
        summary="Sign in with this phone",
        description="Sign in with this phone's device credential (cookie); it is rotated. No "
        "credential, or one that is no longer remembered: 401 `device-not-recognised`.",
    )
    async def device_login(
        self, db: DbSession, settings: AppSettings, request: Request[Any, Any, Any]
    ) -> Response[SessionOut]:
        token = request.cookies.get(devices.DEVICE_COOKIE)
        used = await devices.use(db, settings, token) if token else None
        if used is None:
            raise Problem(
                401,
                "device-not-recognised",
                N_("Phone not recognised"),
                N_("This phone is not remembered any more. Sign in another way."),
            )
        account, fresh, family_id = used
        session_token, principal = await _start(db, settings, account, "device", family_id)
        return Response(
            _session_out(principal),
            cookies=[
                *cookies.session_cookies(settings, session_token),
                cookies.device_cookie(settings, fresh),
            ],
        )


def _provider(settings: Settings, key: str) -> OidcProvider:
    provider = settings.oidc.provider(key)
    if provider is None:
        raise Problem.not_found()
    return provider


def _is_navigation(request: Request[Any, Any, Any]) -> bool:
    """A browser opening a page (a link, a redirect), not a script or an API client."""
    if "sec-fetch-mode" in request.headers:
        return request.headers["sec-fetch-mode"] == "navigate"
    return "text/html" in request.headers.get("accept", "")


def _failure_return_to(
    request: Request[Any, Any, Any], provider: OidcProvider, failed: oidc_login.SignInFailed
) -> str | None:
    """Where a browser goes after a failed sign-in, or None: the client gets the problem.

    A refusal at the provider goes back where the sign-in started, as it always has. Other
    failures go back only for a browser navigating in the back office: to where the sign-in
    started, or, when the state named no sign-in, to the back office if the provider is only
    for staff."""
    if failed.code == "refused" and failed.return_to is not None:
        return failed.return_to
    if not _is_navigation(request):
        return None
    if failed.return_to is not None:
        return failed.return_to if oidc_login.is_staff_path(failed.return_to) else None
    staff_only = (
        staff_sign_in.is_staff_provider(provider) and "resident" not in provider.allowed_roles
    )
    return "/staff/" if staff_only else None


class OidcController(Controller):
    path = "/api/v1/auth/oidc/{provider_key:str}"
    tags = ["auth"]

    @get(
        "/login",
        guards=[public],
        operation_id="oidcLogin",
        summary="Start signing in at an identity provider",
        status_code=303,
        description="Start signing in at an OpenID Connect provider (redirect). An unknown "
        "provider: 404; the provider cannot be reached: 503. A browser opening it with a "
        "`return_to` under `/staff/` is sent back there with `signin_error=failed` or "
        "`signin_error=unavailable` instead.",
    )
    async def login(
        self,
        provider_key: FromPath[str],
        db: DbSession,
        settings: AppSettings,
        request: Request[Any, Any, Any],
        return_to: Annotated[str | None, QueryParameter(name="return_to", max_length=500)] = None,
        login_hint: Annotated[str | None, QueryParameter(name="login_hint", max_length=200)] = None,
    ) -> Redirect:
        back = oidc_login.safe_return_to(return_to)
        try:
            provider = _provider(settings, provider_key)
            started = await oidc_login.start_login(
                db, request.app.state.oidc, provider, return_to=return_to, login_hint=login_hint
            )
        except Problem as problem:
            # A staff member's browser goes back to the sign-in page, which says what happened.
            if not (_is_navigation(request) and oidc_login.is_staff_path(back)):
                raise
            code = "unavailable" if problem.slug == "login-unavailable" else "failed"
            return Redirect(oidc_login.refused_return_to(back, code), status_code=303)
        return Redirect(
            started.authorization_url,
            status_code=303,
            cookies=[cookies.oidc_browser_cookie(settings, started.browser_token, provider.key)],
        )

    @get(
        "/link",
        guards=[requires_role("resident")],
        operation_id="oidcLink",
        summary="Link an identity provider to your account",
        status_code=303,
        description="A signed-in resident links this provider (e.g. DigiD) as their way to "
        "sign in next time (redirect).",
    )
    async def link(
        self,
        provider_key: FromPath[str],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        request: Request[Any, Any, Any],
        return_to: Annotated[str | None, QueryParameter(name="return_to", max_length=500)] = None,
        login_hint: Annotated[str | None, QueryParameter(name="login_hint", max_length=200)] = None,
    ) -> Redirect:
        provider = _provider(settings, provider_key)
        if "resident" not in provider.allowed_roles:
            raise Problem.not_found()
        started = await oidc_login.start_login(
            db,
            request.app.state.oidc,
            provider,
            return_to=return_to,
            login_hint=login_hint,
            link_account_id=principal.account_id,
        )
        return Redirect(
            started.authorization_url,
            status_code=303,
            cookies=[cookies.oidc_browser_cookie(settings, started.browser_token, provider.key)],
        )

    @get(
        "/callback",
        guards=[public],
        operation_id="oidcCallback",
        summary="Finish signing in at an identity provider",
        status_code=303,
        description="Where the provider sends the browser back; starts the session and "
        "redirects to where the sign-in started. A state that is unknown, used or from another "
        "browser is refused with a problem and no session. A provider error (`error`, e.g. "
        "`access_denied`: cancelled, consent refused, not signed in there) for a sign-in this "
        "browser started redirects back where it started with `signin_error=refused` added to "
        "the query, and no session. Any other failure of a sign-in a browser opens in the back "
        "office (`Sec-Fetch-Mode: navigate` or `Accept: text/html`, started with a `return_to` "
        "under `/staff/`) redirects there likewise with `signin_error=` `expired`, "
        "`other_browser`, `no_access`, `unavailable` or `failed`; other clients get the problem.",
    )
    async def callback(
        self,
        provider_key: FromPath[str],
        db: DbSession,
        settings: AppSettings,
        request: Request[Any, Any, Any],
        code: Annotated[str | None, QueryParameter(name="code", max_length=2000)] = None,
        login_state: Annotated[str | None, QueryParameter(name="state", max_length=200)] = None,
        error: Annotated[str | None, QueryParameter(name="error", max_length=200)] = None,
        iss: Annotated[str | None, QueryParameter(name="iss", max_length=500)] = None,
    ) -> Redirect:
        provider = _provider(settings, provider_key)
        try:
            result = await oidc_login.finish_login(
                db,
                request.app.state.oidc,
                provider,
                state=login_state,
                code=code,
                error=error,
                iss=iss,
                browser_token=request.cookies.get(oidc_login.BROWSER_COOKIE),
            )
        except oidc_login.SignInFailed as failed:
            back = _failure_return_to(request, provider, failed)
            if back is None:
                raise failed.problem from None
            return Redirect(
                oidc_login.refused_return_to(back, failed.code),
                status_code=303,
                cookies=[cookies.cleared_oidc_browser_cookie(settings, provider.key)],
            )
        token, _ = await _start(db, settings, result.account, f"oidc:{provider.key}")
        return Redirect(
            result.return_to,
            status_code=303,
            cookies=[
                *cookies.session_cookies(settings, token),
                cookies.cleared_oidc_browser_cookie(settings, provider.key),
            ],
        )
