# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Notifications: the in-app inbox and Web Push (VAPID, RFC 8291) without personal data."""
