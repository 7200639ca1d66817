# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The caseworkers' admin API: residents, conversations and signals."""
