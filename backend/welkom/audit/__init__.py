# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Append-only audit of every read or change of a resident's personal data by someone else."""
