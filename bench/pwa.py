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
  from navigation start until the home view's heading is on screen (and its LCP);
- CLS of the home view (the sum of layout-shift values without recent input) once it has settled.

And a first visit (no session, no stored language, a 360 x 740 screen), through a relay that
counts and shapes every byte on the wire, the service worker's included (tests/e2e/netshape.py;
DevTools' emulation does not cover the worker), on Slow 4G and on a 100 kbit/s link with 1 s round
trips, CPU 4x slower:
- bytes before the first tap: everything moved from navigation until the language list is on
  screen and the link has been quiet for 3 s (a resident reading the list), worker included;
- the time from tapping a language (pointerdown) until the next view's heading is on screen in
  that language;
- bytes after the next view has settled (the worker's deferred precache included).
Appends the medians to bench/RESULTS-pwa.md. Needs pwa/dist built (or --dist) and Chromium.
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
sys.path.insert(0, str(ROOT))
from tests.e2e import netshape  # noqa: E402

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
# The worker has kept what the first visit loaded: the session, the home view's data, the language;
# and it has finished its precache (the manifest comes last in its sorted list).
WARM_JS = """async (language) => {
  const urls = [];
  for (const name of await caches.keys())
    for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
  return urls.includes('/api/v1/auth/session') && urls.includes('/api/v1/me/questions')
    && urls.some(u => u.startsWith(`/assets/${language}-`)) && urls.includes('/')
    && urls.includes('/manifest.webmanifest');
}"""
# Layout shifts not caused by input, summed over the page's life so far (CLS as one session).
CLS_JS = """() => new Promise(resolve => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(sum), 500);
})"""
TAP_JS = "addEventListener('pointerdown', () => { window.__tapAt ??= performance.now(); }, true)"
NEXT_VIEW_JS = """(code) => {
  const h = document.querySelector('main h1');
  return window.__tapAt !== undefined && document.documentElement.lang === code && h
    && h.id !== 'language-title' ? performance.now() - window.__tapAt : null;
}"""
HEADING_SHOWN_JS = """() => {
  const h = document.querySelector('#home-title');
  return h && h.textContent.includes('Amal') ? performance.now() : null;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: str, dist: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "WELKOM_PWA_DIR": str(dist), "WELKOM_LOG_JSON": "false"}
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
    page.wait_for_timeout(1000)  # the journey and the inbox have arrived and are laid out
    cls = page.evaluate(CLS_JS)
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
        "cls": cls,
    }


def quiet(page, link: netshape.Link, seconds: float, limit: float = 120) -> None:  # type: ignore[no-untyped-def]
    """Until nothing has crossed the link for `seconds` (at most `limit`)."""
    deadline = time.monotonic() + limit
    last, since = link.total(), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        if link.total() != last:
            last, since = link.total(), time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def first_visit(  # type: ignore[no-untyped-def]
    browser, port: int, profile: netshape.Profile, code: str, *, at_once: bool = False
) -> dict[str, float]:
    """A new phone: the language list, a tap on `code`, the next view; every byte counted.
    `at_once`: the tap comes as soon as the list is on screen, while downloads may still run."""
    link = netshape.Link(port, profile)
    base = f"http://127.0.0.1:{link.start()}"
    context = browser.new_context(
        base_url=base, locale="nl-NL", viewport={"width": 360, "height": 740}
    )
    context.add_init_script(TAP_JS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    try:
        page.goto("/", wait_until="commit")
        page.locator(".languages button").first.wait_for(timeout=120_000)
        if not at_once:
            quiet(page, link, 3)
        before_tap, requests = link.total(), len(link.requests)
        page.locator(f'.languages button[lang="{code}"]').click()
        tap_ms = page.wait_for_function(
            NEXT_VIEW_JS, arg=code, timeout=120_000, polling=50
        ).json_value()
        quiet(page, link, 5)
        fonts = [(round(t, 2), path) for t, _, path in link.timeline if "ethiopic" in path]
        print(f"{profile.name}: Ge'ez font requests (time, path): {fonts}", file=sys.stderr)
        return {
            "before_tap": before_tap,
            "requests_before_tap": requests,
            "tap_ms": tap_ms,
            "settled": link.total(),
            "geez_font": link.count(r"noto-sans-ethiopic(?!-names)"),
        }
    finally:
        context.close()
        link.stop()


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
    parser.add_argument("--tap", default="ti", help="the language tapped on the first visit")
    parser.add_argument("--dist", type=Path, default=ROOT / "pwa" / "dist", help="the built PWA")
    parser.add_argument("--label", default="", help="a note for the heading, e.g. the commit")
    options = parser.parse_args()
    if not (options.dist / "index.html").exists():
        raise SystemExit("build the PWA first: pwa/scripts/build-if-stale.sh")

    with tempfile.TemporaryDirectory() as data_dir:
        process, base = start_server(data_dir, options.dist)
        port = int(base.rsplit(":", 1)[1])
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                results = [one_run(browser, base, options.language) for _ in range(options.runs)]
                visits = {
                    profile.name: [
                        first_visit(browser, port, profile, options.tap)
                        for _ in range(options.runs)
                    ]
                    for profile in (netshape.SLOW_4G, netshape.EDGE_100K)
                }
                hurried = [
                    first_visit(browser, port, netshape.EDGE_100K, options.tap, at_once=True)
                    for _ in range(options.runs)
                ]
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=15)

    med = {key: statistics.median(r[key] for r in results) for key in results[0]}
    worst = {key: max(r[key] for r in results) for key in results[0]}
    every_lcp = ", ".join(f"{r['lcp_ms']:.0f}" for r in results)
    load = os.getloadavg()
    label = f", {options.label}" if options.label else ""
    lines = [
        f"\n## {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {options.runs} runs (median, worst),"
        f" language {options.language}{label}\n",
        f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; {chromium_version()}; load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
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
        f"- CLS of the home view: {med['cls']:.3f} ({worst['cls']:.3f}) (budget 0)",
    ]
    for name, runs in visits.items():
        m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        w = {key: max(r[key] for r in runs) for key in runs[0]}
        lines.append(
            f"- First visit on {name} (worker included, CPU 4x slower): "
            f"{m['before_tap'] / 1024:.1f} KB before the first tap ({w['before_tap'] / 1024:.1f}) "
            f"in {m['requests_before_tap']:.0f} requests (budget 100 KB); tap on {options.tap} "
            f"to the next view {m['tap_ms']:.0f} ms ({w['tap_ms']:.0f}) (budget 2000 ms on "
            f"100 kbit/s); {m['settled'] / 1024:.1f} KB once settled after the tap; "
            f"Ge'ez font requested {w['geez_font']:.0f} time(s)"
        )
    every_tap = ", ".join(f"{r['tap_ms']:.0f}" for r in hurried)
    lines.append(
        f"- First visit on {netshape.EDGE_100K.name}, tapping {options.tap} as soon as the list is "
        f"on screen: next view after {statistics.median(r['tap_ms'] for r in hurried):.0f} ms "
        f"(every run: {every_tap} ms)"
    )
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
