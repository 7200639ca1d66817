# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Volunteer coordination: profiles, vetting, help requests and claims."""
