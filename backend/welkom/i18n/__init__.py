# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""UI catalogs (gettext, one per domain and language): checking, extracting, updating, and the
languages endpoint. Negotiation and runtime translation live in :mod:`welkom.core.i18n`."""
