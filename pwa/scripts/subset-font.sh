#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# Rebuilds public/fonts/noto-sans-ethiopic.woff2: Noto Sans Ethiopic (SIL OFL 1.1, Debian's
# fonts-noto-core) cut down to the Ethiopic syllabary and punctuation, for Tigrinya only.
# Needs fonttools with brotli (pip install fonttools brotli). The result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-../.venv/bin/python}
src=/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf
[ -f "$src" ] || { echo "install Debian's fonts-noto-core first" >&2; exit 1; }
"$python" -m fontTools.subset "$src" \
  --unicodes="U+0020-002F,U+0030-0039,U+003A-0040,U+00A0,U+1200-137F,U+2010-2027" \
  --layout-features='*' --flavor=woff2 --no-hinting --desubroutinize \
  --output-file=public/fonts/noto-sans-ethiopic.woff2
ls -l public/fonts/noto-sans-ethiopic.woff2
