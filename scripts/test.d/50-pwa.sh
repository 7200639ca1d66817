#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# The PWA's tests: Debian's chromium (never a downloaded browser build) and Noto fonts for the
# end-to-end tests, npm packages, the offline-queue unit tests (vitest), and a fresh pwa/dist; fails
# when pwa/src/api-types.ts is not what the committed API contract (docs/openapi.json) gives.
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "PWA: installing ${missing[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
pwa/scripts/build-if-stale.sh
echo "PWA: API types current with docs/openapi.json …"
(cd pwa && npm run --silent api-types:check)
echo "PWA: unit tests …"
(cd pwa && npx --no-install vitest run --reporter=dot)
