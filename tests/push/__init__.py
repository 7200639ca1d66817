# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A loopback Web Push service for tests (see :mod:`tests.push.service`)."""
