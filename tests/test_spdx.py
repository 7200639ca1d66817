# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""scripts/spdx: finds every source file without an SPDX header and adds one that keeps the
file working (shebang and Containerfile syntax line first, docstring still the docstring)."""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "spdx"

FILES = {
    "backend/pkg/module.py": '"""The docstring."""\n\nVALUE = 1\n',
    "scripts/run": "#!/usr/bin/env bash\nset -eu\n",
    "scripts/tool.py": '#!/usr/bin/env python3\n"""A tool."""\n',
    "pwa/src/app.tsx": "export const x = 1;\n",
    "pwa/src/styles.css": "body { margin: 0; }\n",
    "infra/Containerfile": "# syntax=docker/dockerfile:1.7\nFROM scratch\n",
    "pwa/node_modules/lib/index.js": "module.exports = 1;\n",  # not ours: skipped
    "locales/nl/LC_MESSAGES/welkom.po": 'msgid ""\nmsgstr ""\n',  # not source: skipped
}


def _spdx(root: Path, mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), mode, "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_lists_apply_adds_once_and_files_keep_working(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    checked = _spdx(tmp_path, "--check")
    assert checked.returncode == 1
    listed = {line.removeprefix("no SPDX header: ") for line in checked.stdout.splitlines()}
    assert listed == set(FILES) - {
        "pwa/node_modules/lib/index.js",
        "locales/nl/LC_MESSAGES/welkom.po",
    }

    assert _spdx(tmp_path, "--apply").returncode == 0
    assert _spdx(tmp_path, "--check").returncode == 0
    assert _spdx(tmp_path, "--apply").stdout == ""  # idempotent: nothing added twice

    module = (tmp_path / "backend/pkg/module.py").read_text()
    assert module.startswith("# SPDX-FileCopyrightText: Welkom contributors\n")
    assert "# SPDX-License-Identifier: EUPL-1.2\n" in module
    assert ast.get_docstring(ast.parse(module)) == "The docstring."
    assert (
        (tmp_path / "scripts/run")
        .read_text()
        .startswith("#!/usr/bin/env bash\n# SPDX-FileCopyrightText")
    )
    assert (
        (tmp_path / "infra/Containerfile")
        .read_text()
        .startswith("# syntax=docker/dockerfile:1.7\n# SPDX-FileCopyrightText")
    )
    assert (tmp_path / "pwa/src/app.tsx").read_text().startswith("// SPDX-FileCopyrightText")
    assert (
        "/* SPDX-License-Identifier: EUPL-1.2 */" in (tmp_path / "pwa/src/styles.css").read_text()
    )
    assert (tmp_path / "pwa/node_modules/lib/index.js").read_text() == "module.exports = 1;\n"
    assert module.count("SPDX-License-Identifier") == 1


def test_every_tracked_source_file_carries_the_header() -> None:
    """The repository itself: a new file without the header fails here (scripts/spdx --apply)."""
    loader = importlib.machinery.SourceFileLoader("spdx", str(SCRIPT))
    spec = importlib.util.spec_from_loader("spdx", loader)
    assert spec is not None
    spdx = importlib.util.module_from_spec(spec)
    loader.exec_module(spdx)
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    missing = [
        name
        for name in tracked
        if (REPO / name).is_file()
        and not set(Path(name).parts[:-1]) & spdx.SKIP_DIRS
        and spdx.syntax(REPO / name) is not None
        and not spdx.has_header((REPO / name).read_text(encoding="utf-8"))
    ]
    assert missing == [], "run: scripts/spdx --apply"
