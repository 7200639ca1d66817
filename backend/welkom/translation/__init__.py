# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Translation aids: a municipality's own machine-translation server behind a port."""
