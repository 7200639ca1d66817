# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who is calling: the :class:`Principal`, the product roles and which of them is acting.

Every domain may import this module; it imports no domain. The principal knows the account, its
roles and its tenant (the municipality), not resident tables: :mod:`welkom.auth.service` builds
it from a session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

#: Roles ordered from most to least privileged; the first one held names the actor in audit.
STAFF_ROLE_ORDER = (
    "admin",
    "records_manager",
    "caseworker",
    "coordinator",
    "reviewer",
    "editor",
    "volunteer",
)
#: Product roles. Unknown roles (from an IdP claim, say) grant nothing.
ROLES = frozenset(
    {
        "resident",
        "caseworker",
        "coordinator",
        "volunteer",
        "editor",
        "reviewer",
        "records_manager",
        "admin",
    }
)
#: Roles that may reach residents of their own municipality (subject to the route's guard).
STAFF_ROLES = frozenset(
    {"caseworker", "coordinator", "editor", "reviewer", "records_manager", "admin"}
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: enough to authorize, nothing more."""

    account_id: uuid.UUID
    municipality_id: uuid.UUID
    roles: frozenset[str]
    session_id: uuid.UUID
    display_name: str
    resident_id: uuid.UUID | None = None
    preferred_language: str | None = None
    municipality_default_language: str = "nl"
    #: Languages the caller's municipality does not offer (``?lang=`` and choices refuse them).
    disabled_languages: frozenset[str] = frozenset()
    #: The languages a translation reviewer works in (empty: not limited).
    review_languages: frozenset[str] = frozenset()

    def has_any(self, roles: frozenset[str] | set[str]) -> bool:
        return bool(self.roles & roles)

    def handles_language(self, language: str, *, reviewing: bool = False) -> bool:
        """Whether this caller works on content translations into ``language``.

        A reviewer whose account names languages sees and reviews only those. An editor or admin
        reads and writes every language; reviewing (a reviewer's act) still keeps to their own.
        An account that names no languages is not limited.
        """
        if not self.review_languages:
            return True
        if not reviewing and self.has_any({"editor", "admin"}):
            return True
        return language in self.review_languages

    @property
    def acting_role(self) -> str:
        """The role this principal acts in, as audit, history and the consent ledger record it.

        A resident's own account acts as ``resident``; staff act in their most privileged role
        (:data:`STAFF_ROLE_ORDER`); an account with no product role acts as ``none``.
        """
        if self.resident_id is not None:
            return "resident"
        for role in STAFF_ROLE_ORDER:
            if role in self.roles:
                return role
        return "resident" if "resident" in self.roles else "none"
