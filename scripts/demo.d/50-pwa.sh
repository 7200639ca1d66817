#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# The demo serves the PWA at /: build it when pwa/dist is missing or stale and npm is here.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v npm >/dev/null 2>&1; then
  if [ -f pwa/dist/index.html ]; then
    echo "PWA: npm not found; serving the pwa/dist that is already built (it may be stale)" >&2
  else
    echo "PWA: npm not found; the demo serves only the API (install Node.js 20+ for the app)" >&2
  fi
  exit 0
fi
pwa/scripts/build-if-stale.sh
