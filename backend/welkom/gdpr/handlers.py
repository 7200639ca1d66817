# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every table handler, from every domain. A new domain with resident data adds its tuple here.

Merge note: the audit log (``GET /api/v1/me/access-log``) and later domains register the same
way: ``welkom/<domain>/gdpr.py`` with ``HANDLERS = (TableHandler(...),)``, then one line below.
"""

from __future__ import annotations

from welkom.admin import gdpr as admin
from welkom.audit import gdpr as audit
from welkom.auth import gdpr as auth
from welkom.auth import passkey_gdpr as passkeys
from welkom.consent import gdpr as consent
from welkom.gdpr import foundation, own
from welkom.gdpr.registry import TableHandler
from welkom.journey import gdpr as journey
from welkom.residents import gdpr as residents
from welkom.volunteers import gdpr as volunteers

HANDLERS: tuple[TableHandler, ...] = (
    *residents.HANDLERS,
    *consent.HANDLERS,
    *journey.HANDLERS,
    *foundation.HANDLERS,
    *own.HANDLERS,
    *volunteers.HANDLERS,
    *admin.HANDLERS,
    *auth.HANDLERS,
    *passkeys.HANDLERS,
    *audit.HANDLERS,
)
