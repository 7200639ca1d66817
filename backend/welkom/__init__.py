# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Welkom: a multilingual backend for status holders, caseworkers and volunteers."""

__version__ = "0.1.0"
