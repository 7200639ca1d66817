# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Where uploaded files live: a :class:`~welkom.storage.ports.Storage` port and its adapters."""

from __future__ import annotations

from welkom.core.settings import Settings, StorageBackend
from welkom.storage.ports import Storage


def storage_for(settings: Settings) -> Storage:
    """The adapter ``WELKOM_STORAGE_BACKEND`` names (boto3 is imported only for ``s3``)."""
    if settings.storage.backend is StorageBackend.s3:
        from welkom.storage.s3 import s3_storage_for

        return s3_storage_for(settings)
    from welkom.storage.local import LocalStorage

    return LocalStorage(settings.storage_path)
