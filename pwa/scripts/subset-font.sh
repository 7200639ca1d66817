#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# Rebuilds the Ge'ez fonts in src/fonts/ from Noto Sans Ethiopic (SIL OFL 1.1, Debian's
# fonts-noto-core): noto-sans-ethiopic.woff2, cut down to the Ethiopic syllabary and punctuation,
# for Tigrinya; noto-sans-ethiopic-names.woff2, only the letters of "ትግርኛ" for its button on the
# language choice. Needs fonttools with brotli (pip install fonttools brotli). The results are
# committed; Vite gives them hashed names under /assets/.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-../.venv/bin/python}
src=/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf
[ -f "$src" ] || { echo "install Debian's fonts-noto-core first" >&2; exit 1; }
common=(--layout-features='*' --flavor=woff2 --no-hinting --desubroutinize)
"$python" -m fontTools.subset "$src" \
  --unicodes="U+0020-002F,U+0030-0039,U+003A-0040,U+00A0,U+1200-137F,U+2010-2027" \
  "${common[@]}" --output-file=src/fonts/noto-sans-ethiopic.woff2
"$python" -m fontTools.subset "$src" --text="ትግርኛ" "${common[@]}" \
  --output-file=src/fonts/noto-sans-ethiopic-names.woff2
ls -l src/fonts/*.woff2
