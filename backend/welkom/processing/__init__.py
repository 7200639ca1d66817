# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing log (Logboek Dataverwerkingen): one record per processing of a person's data."""
