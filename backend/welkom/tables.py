# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every table, imported once so ``metadata`` is complete (Alembic, tests, GDPR export)."""

from sqlmodel import SQLModel

from welkom.admin import models as _admin  # noqa: F401
from welkom.audit import models as _audit  # noqa: F401
from welkom.auth import models as _auth  # noqa: F401
from welkom.auth import passkey_models as _passkeys  # noqa: F401
from welkom.cases import models as _cases  # noqa: F401
from welkom.consent import models as _consent  # noqa: F401
from welkom.core import idempotency_models as _idempotency  # noqa: F401
from welkom.gdpr import models as _gdpr  # noqa: F401
from welkom.interactions import models as _interactions  # noqa: F401
from welkom.journey import models as _journey  # noqa: F401
from welkom.klantcontact import models as _klantcontact  # noqa: F401
from welkom.municipalities import models as _municipalities  # noqa: F401
from welkom.notifications import models as _notifications  # noqa: F401
from welkom.outbox import models as _outbox  # noqa: F401
from welkom.processing import models as _processing  # noqa: F401
from welkom.residents import models as _residents  # noqa: F401
from welkom.services import models as _services  # noqa: F401
from welkom.volunteers import models as _volunteers  # noqa: F401

metadata = SQLModel.metadata
