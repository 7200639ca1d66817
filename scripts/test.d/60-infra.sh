#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# Tools for tests/test_infra.py, all from PyPI and all offline once installed:
# helm-python-sdk (Helm v4's Go engine as a library: renders and lints the chart, no cluster),
# kubernetes-validate (Kubernetes JSON schemas bundled, strict validation),
# dockerfile (BuildKit's own Containerfile parser). Idempotent: quick when already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
want=("helm-python-sdk==0.2.2" "kubernetes-validate==1.37.0" "dockerfile==3.4.0")
if "$PY" - "${want[@]}" <<'PYEOF'
import sys
from importlib.metadata import PackageNotFoundError, version
for spec in sys.argv[1:]:
    name, _, wanted = spec.partition("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PYEOF
then
  exit 0
fi
echo "Installing the chart and image checkers (helm-python-sdk, kubernetes-validate, dockerfile) …"
.venv/bin/pip install -q --disable-pip-version-check "${want[@]}"
