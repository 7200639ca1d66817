from __future__ import annotations

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody

from welkom.auth import service
from welkom.auth.guards import Caller, public, signed_in
from welkom.auth.schemas import DemoLoginIn, DemoLoginOut, SessionOut
from welkom.core.deps import AppSettings, DbSession
from welkom.core.i18n import N_
from welkom.core.problems import FieldError, Problem


def _session_out(principal: Caller) -> SessionOut:
    return SessionOut(
        account_id=principal.account_id,
        display_name=principal.display_name,
        roles=sorted(principal.roles),
        municipality_id=principal.municipality_id,
        resident_id=principal.resident_id,
    )


def _cookie(settings: AppSettings, value: str, max_age: int) -> Cookie:
    return Cookie(
        key=settings.session_cookie_name,
        value=value,
        max_age=max_age,
        path="/",
        secure=settings.session_cookie_secure,
        httponly=True,
        samesite="lax",
    )


class SessionController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @get("/session", guards=[signed_in], operation_id="getSession")
    async def get_session(self, principal: Caller) -> SessionOut:
        return _session_out(principal)

    @post("/logout", guards=[signed_in], status_code=204, operation_id="logout")
    async def logout(
        self, db: DbSession, principal: Caller, settings: AppSettings
    ) -> Response[None]:
        await service.revoke(db, principal.session_id)
        return Response(None, status_code=204, cookies=[_cookie(settings, "", 0)])

    @post(
        "/logout-everywhere", guards=[signed_in], status_code=204, operation_id="logoutEverywhere"
    )
    async def logout_everywhere(
        self, db: DbSession, principal: Caller, settings: AppSettings
    ) -> Response[None]:
        await service.revoke_all(db, principal.account_id)
        return Response(None, status_code=204, cookies=[_cookie(settings, "", 0)])


class DemoLoginController(Controller):
    """Demo/test only: sign in as a seeded demo account. Not registered in production."""

    path = "/api/v1/auth/demo-login"
    tags = ["auth"]

    @post("/", guards=[public], status_code=200, operation_id="demoLogin")
    async def demo_login(
        self,
        data: JSONBody[DemoLoginIn],
        db: DbSession,
        settings: AppSettings,
        request: Request,
    ) -> Response[DemoLoginOut]:
        account = await service.account_by_demo_login(db, data.login)
        if account is None:
            raise Problem.validation(
                [FieldError("login", N_("There is no demo account with this name."))]
            )
        token = await service.create_session(db, settings, account)
        principal = await service.resolve(db, settings, token)
        assert principal is not None
        return Response(
            DemoLoginOut(token=token, session=_session_out(principal)),
            cookies=[_cookie(settings, token, settings.session_absolute_timeout_seconds)],
        )
