# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the ZGW API clients share: the Zaken, Documenten and Catalogi APIs (``cases``) and the
Klantinteracties API (``klantcontact``) fail and refuse alike. Imports no domain."""
