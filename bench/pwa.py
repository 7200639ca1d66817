# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""PWA benchmark: first load of the home view and a repeat visit offline, in Debian's Chromium.

    .venv/bin/python bench/pwa.py [--runs 5] [--no-append]

Starts a real `welkom demo` (SQLite, demo data) on a free loopback port, signs in as the demo
resident and loads the home view with Lighthouse's Slow 4G as DevTools applies it (CDP
Network.emulateNetworkConditions: latency 562.5 ms, 184320 B/s down, 84375 B/s up) and a 4x CPU
slowdown (Emulation.setCPUThrottlingRate). Measures, per run in a fresh browser profile:
- bytes transferred by the page (encodedDataLength of every response: headers + compressed body),
  split into the app (HTML, JS, CSS, manifest, icons), API answers and fonts;
- LCP from a buffered PerformanceObserver;
- repeat visit offline: with the service worker installed, the network switched off, the time
  from navigation start until the home view's heading is on screen (and its LCP).
Appends the medians to bench/RESULTS-pwa.md. Needs pwa/dist built and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 184320,
    "uploadThroughput": 84375,
}
LCP_JS = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(null), 3000);
})"""
# The worker has kept what the first visit loaded: the session, the home view's data, the language.
WARM_JS = """async (language) => {
  const urls = [];
  for (const name of await caches.keys())
    for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
  return urls.includes('/api/v1/auth/session') && urls.includes('/api/v1/me/questions')
    && urls.some(u => u.startsWith(`/assets/${language}-`)) && urls.includes('/');
}"""
HEADING_SHOWN_JS = """() => {
  const h = document.querySelector('#home-title');
  return h && h.textContent.includes('Amal') ? performance.now() : null;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "WELKOM_PWA_DIR": str(ROOT / "pwa" / "dist"), "WELKOM_LOG_JSON": "false"}
    log = open(os.environ.get("WELKOM_BENCH_LOG", os.devnull), "w")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "welkom", "demo", "--data-dir", data_dir, "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/health", timeout=2):  # noqa: S310 (loopback)
                return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("welkom demo did not start")


def category(url: str) -> str:
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    if path.startswith("api/"):
        return "api"
    if path.startswith("fonts/"):
        return "font"
    return "app"


def one_run(browser, base: str, language: str = "nl") -> dict[str, float]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=base, viewport={"width": 412, "height": 915})
    context.add_init_script(f"localStorage.setItem('welkom.language', '{language}')")
    login = context.request.post("/api/v1/auth/demo-login", data={"login": "demo-resident"})
    assert login.status == 200, login.text()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    urls: dict[str, str] = {}
    sizes: dict[str, float] = {}
    cdp.on(
        "Network.responseReceived",
        lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})

    page.goto("/#/home", wait_until="load")
    first_shown = page.wait_for_function(HEADING_SHOWN_JS, timeout=60_000).json_value()
    lcp = page.evaluate(LCP_JS)
    page.wait_for_load_state("networkidle")
    totals = {"app": 0.0, "api": 0.0, "font": 0.0}
    for request_id, size in sizes.items():
        totals[category(urls.get(request_id, ""))] += size

    # Repeat visit, offline: the service worker must serve the shell and the last data.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    deadline = time.monotonic() + 60
    while not page.evaluate(WARM_JS, language):
        if time.monotonic() > deadline:
            raise SystemExit("the service worker did not cache the first visit")
        page.wait_for_timeout(250)
    context.set_offline(True)
    cdp.send("Network.emulateNetworkConditions", {**SLOW_4G, "offline": True})
    page.goto("about:blank")
    page.goto("/#/home", wait_until="commit")
    shown = page.wait_for_function(HEADING_SHOWN_JS, timeout=30_000).json_value()
    offline_lcp = page.evaluate(LCP_JS)
    context.close()
    return {
        "app_bytes": totals["app"],
        "api_bytes": totals["api"],
        "font_bytes": totals["font"],
        "lcp_ms": lcp or float("nan"),
        "home_ms": first_shown,
        "offline_home_ms": shown,
        "offline_lcp_ms": offline_lcp or float("nan"),
    }


def chromium_version() -> str:
    out = subprocess.run(  # noqa: S603 (a fixed path)
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    )
    return out.stdout.strip()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-append", action="store_true", help="print only")
    parser.add_argument(
        "--language", default="nl", help="stored language, e.g. ti to include the Ge'ez font"
    )
    options = parser.parse_args()
    if not (ROOT / "pwa" / "dist" / "index.html").exists():
        raise SystemExit("build the PWA first: pwa/scripts/build-if-stale.sh")

    with tempfile.TemporaryDirectory() as data_dir:
        process, base = start_server(data_dir)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                results = [one_run(browser, base, options.language) for _ in range(options.runs)]
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=15)

    med = {key: statistics.median(r[key] for r in results) for key in results[0]}
    worst = {key: max(r[key] for r in results) for key in results[0]}
    every_lcp = ", ".join(f"{r['lcp_ms']:.0f}" for r in results)
    lines = [
        f"\n## {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {options.runs} runs (median, worst),"
        f" language {options.language}\n",
        f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; {chromium_version()}",
        "- Slow 4G (562.5 ms latency, 184320 B/s down, 84375 B/s up), CPU 4x slower",
        f"- First load of the home view, app (HTML+JS+CSS+manifest+icons): "
        f"{med['app_bytes'] / 1024:.1f} KB transferred ({worst['app_bytes'] / 1024:.1f}); "
        f"API answers {med['api_bytes'] / 1024:.1f} KB; fonts {med['font_bytes'] / 1024:.1f} KB "
        f"(budget: 100 KB without the Ge'ez font)",
        f"- LCP first load: {med['lcp_ms']:.0f} ms ({worst['lcp_ms']:.0f}) (budget 2000 ms); "
        f"every run: {every_lcp} ms; "
        f"home heading with the resident's name on screen: {med['home_ms']:.0f} ms "
        f"({worst['home_ms']:.0f})",
        f"- Repeat visit offline, home view on screen: {med['offline_home_ms']:.0f} ms "
        f"({worst['offline_home_ms']:.0f}); LCP {med['offline_lcp_ms']:.0f} ms "
        f"({worst['offline_lcp_ms']:.0f}) (budget 1000 ms)",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not options.no_append:
        results_file = ROOT / "bench" / "RESULTS-pwa.md"
        if not results_file.exists():
            results_file.write_text(
                "# PWA benchmark results\n\nAppended by `.venv/bin/python bench/pwa.py`; "
                "see its docstring for what is measured and how.\n"
            )
        with results_file.open("a") as f:
            f.write(text)


if __name__ == "__main__":
    main()
