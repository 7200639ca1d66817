# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Corrections to the generated OpenAPI document, so it describes what the API really does.

Litestar documents error responses as its own ``{status_code, detail, extra}`` JSON and does not
say that request bodies refuse unknown fields. Welkom answers every error with RFC 9457 problem
details (:mod:`welkom.core.problems`) and its input structs use ``forbid_unknown_fields``; clients
generated from the schema, and Schemathesis, rely on both.

Each operation's description ends with who may call it, taken from the guards of its route
(a guard's ``openapi_access`` text, see :func:`access_of`), so the document cannot claim an
access rule the code does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import msgspec
from litestar import Litestar
from litestar.openapi.spec import (
    OpenAPI,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Reference,
    Schema,
)

from welkom.core.problems import PROBLEM_MEDIA_TYPE

if TYPE_CHECKING:
    from litestar.handlers import HTTPRouteHandler

#: Attribute of a guard: who may call the routes it guards, as a sentence fragment (no period).
ACCESS_ATTRIBUTE = "openapi_access"
ACCESS_PREFIX = "Who may call it: "

PROBLEM_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    title="ProblemDetails",
    description="RFC 9457 problem details, localized (Content-Language).",
    required=["type", "title", "status"],
    properties={
        "type": Schema(type=OpenAPIType.STRING, description="`urn:welkom:problem:<slug>`"),
        "title": Schema(type=OpenAPIType.STRING),
        "status": Schema(type=OpenAPIType.INTEGER),
        "detail": Schema(type=OpenAPIType.STRING),
        "request_id": Schema(type=OpenAPIType.STRING),
        "translation_state": Schema(
            type=OpenAPIType.STRING,
            enum=["machine", "reviewed"],
            description="`machine`: the texts in the request's language are not checked by a "
            "person yet; `reviewed`: they are.",
        ),
        "errors": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(
                type=OpenAPIType.OBJECT,
                required=["field", "source", "message"],
                properties={
                    "field": Schema(type=OpenAPIType.STRING),
                    "source": Schema(type=OpenAPIType.STRING),
                    "message": Schema(type=OpenAPIType.STRING),
                },
            ),
        ),
    },
)


def strict_structs() -> set[str]:
    """Names of Welkom's msgspec structs that refuse unknown fields."""
    found: set[str] = set()
    todo: list[type[msgspec.Struct]] = [msgspec.Struct]
    while todo:
        for cls in todo.pop().__subclasses__():
            todo.append(cls)
            config = getattr(cls, "__struct_config__", None)
            if cls.__module__.startswith("welkom.") and config and config.forbid_unknown_fields:
                found.add(cls.__name__)
    return found


def _problem_response(description: str) -> OpenAPIResponse:
    return OpenAPIResponse(
        description=description,
        content={
            PROBLEM_MEDIA_TYPE: OpenAPIMediaType(
                schema=Reference(ref="#/components/schemas/ProblemDetails")
            )
        },
    )


def access_of(handler: HTTPRouteHandler) -> str | None:
    """Who may call ``handler``: the ``openapi_access`` texts of its guards (app, controller and
    route layers; all of them must let the caller through), or None when no guard says."""
    texts = [
        text
        for layer in handler.ownership_layers
        for guard in layer.guards or []
        if (text := getattr(guard, ACCESS_ATTRIBUTE, None))
    ]
    return " and ".join(texts) + "." if texts else None


def correct(openapi: OpenAPI, access: dict[tuple[str, str], str] | None = None) -> OpenAPI:
    """Problem details for every error response; ``additionalProperties: false`` where unknown
    fields are refused; no body for 204; who may call each operation (``access``, by path and
    lower-case method) at the end of its description."""
    access = access or {}
    strict = strict_structs()
    components = openapi.components
    for schema in (components.schemas or {}).values():
        if schema.title in strict and schema.type == OpenAPIType.OBJECT:
            schema.additional_properties = False
    components.schemas = {**(components.schemas or {}), "ProblemDetails": PROBLEM_SCHEMA}
    for path, path_item in (openapi.paths or {}).items():
        for method in ("get", "put", "post", "delete", "patch"):
            operation = getattr(path_item, method, None)
            if operation is None:
                continue
            if who := access.get((path, method)):
                parts = [operation.description, ACCESS_PREFIX + who]
                operation.description = "\n\n".join(part for part in parts if part)
            responses: dict[str, Any] = operation.responses or {}
            for code, response in list(responses.items()):
                if code == "204" and isinstance(response, OpenAPIResponse):
                    response.content = None  # No Content: never a body
                elif code[0] in "45":
                    description = getattr(response, "description", "") or "Error"
                    responses[code] = _problem_response(description)
            responses.setdefault("4XX", _problem_response("Refused (RFC 9457 problem details)"))
            responses.setdefault("5XX", _problem_response("Failed (RFC 9457 problem details)"))
            operation.responses = responses
    return openapi


@dataclass
class CsvAlternative(Operation):
    """``operation_class`` of a route whose 200 may also be ``text/csv`` (``?format=csv``)."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content is not None:
            ok.content["text/csv"] = OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING))


def install(app: Litestar) -> None:
    """Apply :func:`correct` when Litestar builds the document (lazily, at its first use).

    Litestar always adds its own ``OpenAPIPlugin`` (no hook after the build); the instance is
    given a subclass whose build applies the corrections. ``tests/test_limits.py`` checks the
    served document, so a Litestar upgrade that changes this fails there.
    """
    from litestar._openapi.plugin import OpenAPIPlugin

    class CorrectedOpenAPIPlugin(OpenAPIPlugin):
        __slots__ = ()

        def _build_openapi(self) -> OpenAPI:
            access: dict[tuple[str, str], str] = {}
            for route in self.included_routes.values():
                for handler in route.route_handlers:
                    who = access_of(handler)
                    if who is None:
                        continue
                    for method in handler.http_methods:
                        access[(route.path_format or "/", method.lower())] = who
            return correct(super()._build_openapi(), access)

    app.plugins.get(OpenAPIPlugin).__class__ = CorrectedOpenAPIPlugin
