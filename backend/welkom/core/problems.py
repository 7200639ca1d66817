# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""RFC 9457 problem details for every error, localized for the request's language.

Raise :class:`Problem` (or let Litestar raise its own exceptions: they are mapped here). Titles,
details and field messages are gettext msgids translated when the response is built, so a
problem raised deep in a service still answers in the caller's language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)

from welkom.core.i18n import (
    LANGUAGES,
    N_,
    gettext,
    negotiate,
    parse_accept_language,
    translation_state,
)
from welkom.core.text import (
    LINE_PATTERN,
    LINES_PATTERN,
    OPTIONAL_LINE_PATTERN,
    OPTIONAL_LINES_PATTERN,
)

PROBLEM_TYPE_PREFIX = "urn:welkom:problem:"
PROBLEM_MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger("welkom.problems")


class Term(str):
    """A parameter value that is itself a msgid, translated with the message."""

    __slots__ = ()


def _localize(message: str, language: str, params: dict[str, Any]) -> str:
    values = {k: gettext(v, language) if isinstance(v, Term) else v for k, v in params.items()}
    return gettext(message, language, **values)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # msgid
    # dataclasses.field: the attribute ``field`` above shadows the bare name in the class body.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    source: str = "body"


class Problem(ProblemDetailsException):
    """An error answered as ``application/problem+json`` with a stable ``type``."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str | None = None,
        *,
        params: dict[str, Any] | None = None,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail=detail or title, status_code=status, headers=headers)
        self.slug, self.title_msgid, self.detail_msgid = slug, title, detail
        self.params, self.errors = params or {}, errors or []

    def to_response(self, request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
        language = request_language(request)
        body: dict[str, Any] = {
            "type": PROBLEM_TYPE_PREFIX + self.slug,
            "title": gettext(self.title_msgid, language),
            "status": self.status_code,
            "detail": _localize(self.detail_msgid or self.title_msgid, language, self.params),
            "translation_state": translation_state(
                language,
                self.title_msgid,
                self.detail_msgid or self.title_msgid,
                *(error.message for error in self.errors),
            ),
        }
        if self.errors:
            body["errors"] = [
                {
                    "field": _public_name(request, error),
                    "source": error.source,
                    "message": _localize(error.message, language, error.params),
                }
                for error in self.errors
            ]
        if request_id := request.scope.get("state", {}).get("request_id"):
            body["request_id"] = request_id
        headers = {
            "Content-Language": language,
            "Cache-Control": "no-store",
            **(self.headers or {}),
        }
        return Response(
            body, status_code=self.status_code, media_type=PROBLEM_MEDIA_TYPE, headers=headers
        )

    # Constructors for the common cases, so slugs and titles stay uniform.
    @classmethod
    def validation(cls, errors: list[FieldError]) -> Problem:
        return cls(
            400,
            "validation",
            N_("Invalid input"),
            N_("Some values in the request are not valid. Nothing was changed."),
            errors=errors,
        )

    @classmethod
    def not_found(cls) -> Problem:
        return cls(
            404, "not-found", N_("Not found"), N_("There is nothing here, or you cannot see it.")
        )

    @classmethod
    def conflict(cls, slug: str, title: str, detail: str) -> Problem:
        return cls(409, slug, title, detail)


#: Query parameter that asks for one response in another language (a household member reading
#: along); it overrides the resident's own choice for that request only.
LANGUAGE_QUERY = "lang"


def language_override(request: Request[Any, Any, Any]) -> str | None:
    """The language ``?lang=`` asks for, if Welkom and the caller's municipality offer it."""
    value = request.query_params.get(LANGUAGE_QUERY)
    disabled: frozenset[str] = getattr(request.scope.get("user"), "disabled_languages", frozenset())
    return value if value in LANGUAGES and value not in disabled else None


def offered_language(
    value: str, *, field: str = "language", source: str = "body", exclude: tuple[str, ...] = ()
) -> str:
    """``value`` if it is a language Welkom offers (and not one of ``exclude``), else a 400."""
    if value not in LANGUAGES or value in exclude:
        raise Problem.validation(
            [FieldError(field, N_("This language is not offered."), source=source)]
        )
    return value


async def check_language_override(request: Request[Any, Any, Any]) -> None:
    """Refuse ``?lang=`` with a code Welkom, or the caller's municipality, does not offer
    (before the handler runs)."""
    value = request.query_params.get(LANGUAGE_QUERY)
    if value is not None:
        offered_language(value, field=LANGUAGE_QUERY, source="query")
        disabled: frozenset[str] = getattr(
            request.scope.get("user"), "disabled_languages", frozenset()
        )
        if value in disabled:
            raise Problem.validation([not_offered_here(LANGUAGE_QUERY, source="query")])


def not_offered_here(field: str, *, source: str = "body") -> FieldError:
    return FieldError(
        field, N_("Your municipality does not offer this language yet."), source=source
    )


def _public_name(request: Request[Any, Any, Any], error: FieldError) -> str:
    """The name a client used for a query, header or cookie parameter (``?state=``), not the
    handler's Python argument it is bound to (``state_filter``)."""
    if error.source not in ("query", "header", "cookie") or not error.field:
        return error.field
    try:
        parameter = request.route_handler.parsed_fn_signature.parameters.get(error.field)
    except Exception:  # no route (e.g. 404): nothing to translate
        return error.field
    definition = getattr(parameter, "kwarg_definition", None)
    for alias in (getattr(definition, error.source, None), getattr(definition, "name", None)):
        if isinstance(alias, str) and alias:
            return alias
    return error.field


def request_language(request: Request[Any, Any, Any]) -> str:
    """The language for this request: ``?lang=``, the signed-in resident's own choice, then
    Accept-Language, then the municipality's default."""
    state = request.scope.get("state", {})
    language: str | None = state.get("language")
    if language:
        return language
    return negotiate(
        language_override(request),
        state.get("preferred_language"),
        parse_accept_language(request.headers.get("accept-language")),
        default=state.get("default_language", "nl"),
    )


_TYPE_NAMES = {
    "str": N_("text"),
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("true or false"),
    "object": N_("an object"),
    "array": N_("a list"),
    "null": N_("null"),
}


def _refused_by(*patterns: str) -> re.Pattern[str]:
    """Recognises msgspec's message for a string that does not match one of ``patterns``."""
    return re.compile("|".join(re.escape(f"matching regex {pattern!r}") for pattern in patterns))


_FIELD_RULES: list[tuple[re.Pattern[str], str, Callable[[re.Match[str]], dict[str, Any]], bool]] = [
    # (pattern, msgid, params, the field name is inside the message)
    (re.compile(r"Object contains unknown field `(?P<f>[^`]+)`"), N_("This field is not allowed."), lambda m: {}, True),
    (re.compile(r"Object missing required field `(?P<f>[^`]+)`"), N_("This field is required."), lambda m: {}, True),
    (re.compile(r"Expected `str` of length <= (?P<n>\d+)"), N_("At most {max} characters."), lambda m: {"max": int(m["n"])}, False),
    (re.compile(r"Expected `str` of length >= (?P<n>\d+)"), N_("At least {min} characters."), lambda m: {"min": int(m["n"])}, False),
    (re.compile(r"Expected `(?:int|float)` >= (?P<n>[-\d.]+)"), N_("Must be at least {min}."), lambda m: {"min": m["n"]}, False),
    (re.compile(r"Expected `(?:int|float)` <= (?P<n>[-\d.]+)"), N_("Must be at most {max}."), lambda m: {"max": m["n"]}, False),
    (re.compile(r"Expected `array` of length <= (?P<n>\d+)"), N_("At most {max} items."), lambda m: {"max": int(m["n"])}, False),
    (_refused_by(LINE_PATTERN, OPTIONAL_LINE_PATTERN), N_("Write visible text on one line, without line breaks, control characters or text-direction characters."), lambda m: {}, False),
    (_refused_by(LINES_PATTERN, OPTIONAL_LINES_PATTERN), N_("Write visible text, without control characters or text-direction characters."), lambda m: {}, False),
    (re.compile(r"Expected `str` matching regex"), N_("This value has the wrong format."), lambda m: {}, False),
    (re.compile(r"Invalid enum value"), N_("This is not one of the allowed values."), lambda m: {}, False),
    (re.compile(r"Invalid RFC3339|Invalid ISO8601|Invalid date"), N_("This is not a valid date or time."), lambda m: {}, False),
    (re.compile(r"Invalid UUID"), N_("This is not a valid identifier."), lambda m: {}, False),
    (re.compile(r"Expected `(?P<e>\w+)(?: \| \w+)*`(?: \| `\w+`)*, got `\w+`"), N_("Expected {expected}."), lambda m: {"expected": m["e"]}, False),
]  # fmt: skip


def _field_error(item: dict[str, Any]) -> FieldError:
    message, key, source = (
        str(item.get("message", "")),
        str(item.get("key", "")),
        str(getattr(item.get("source"), "value", item.get("source") or "body")),
    )
    for pattern, msgid, params, names_field in _FIELD_RULES:
        if match := pattern.search(message):
            values = params(match)
            if "expected" in values:
                values["expected"] = Term(_TYPE_NAMES.get(values["expected"], values["expected"]))
            return FieldError(match["f"] if names_field else key, msgid, values, source)
    if key == "data" and message == "'data'":
        return FieldError("", N_("A JSON body is required."), source=source)
    return FieldError(key, N_("This value is not valid."), source=source)


def _from_validation(exc: ValidationException) -> Problem:
    items = exc.extra if isinstance(exc.extra, list) else []
    return Problem.validation([_field_error(item) for item in items if isinstance(item, dict)])


_STATUS_PROBLEMS: dict[int, tuple[str, str, str]] = {
    400: ("bad-request", N_("Bad request"), N_("The request could not be understood.")),
    401: ("unauthenticated", N_("Not signed in"), N_("Sign in to continue.")),
    403: ("forbidden", N_("Not allowed"), N_("You are not allowed to do this.")),
    404: ("not-found", N_("Not found"), N_("There is nothing here, or you cannot see it.")),
    405: ("method-not-allowed", N_("Method not allowed"), N_("This address does not accept this method.")),
    406: ("not-acceptable", N_("Not acceptable"), N_("This response format cannot be produced.")),
    413: ("too-large", N_("Request too large"), N_("The request is larger than allowed.")),
    415: ("unsupported-media-type", N_("Unsupported media type"), N_("Send the body as JSON.")),
    429: ("too-many-requests", N_("Too many requests"), N_("Please wait a moment and try again.")),
    500: ("internal-error", N_("Something went wrong"), N_("Something went wrong on our side. Nothing was changed; please try again later.")),
    503: ("unavailable", N_("Service unavailable"), N_("The service is temporarily unavailable. Please try again later.")),
}  # fmt: skip


def _from_http(exc: HTTPException) -> Problem:
    if isinstance(exc, ValidationException):
        return _from_validation(exc)
    if exc.status_code == 400 and str(exc.detail).startswith("JSON is malformed"):
        return Problem(
            400,
            "malformed-json",
            N_("Malformed JSON"),
            N_("The request body is not valid JSON. Nothing was changed."),
        )
    slug, title, detail = _STATUS_PROBLEMS.get(
        exc.status_code,
        (
            f"http-{exc.status_code}",
            N_("Request failed"),
            N_("The request could not be completed."),
        ),
    )
    return Problem(exc.status_code, slug, title, detail, headers=exc.headers)


def _from_unexpected(exc: Exception) -> Problem:
    if isinstance(exc, HTTPException):
        return _from_http(exc)
    if isinstance(exc, UnicodeDecodeError):  # a form's text part that is not UTF-8
        return Problem.validation([FieldError("", N_("Text in the request must be UTF-8."))])
    log.error("unhandled_error", error_type=type(exc).__name__, exc_info=exc)
    slug, title, detail = _STATUS_PROBLEMS[500]
    return Problem(500, slug, title, detail)


def problem_details_plugin() -> ProblemDetailsPlugin:
    return ProblemDetailsPlugin(
        ProblemDetailsConfig(
            exception_to_problem_detail_map={HTTPException: _from_http, Exception: _from_unexpected}
        )
    )
