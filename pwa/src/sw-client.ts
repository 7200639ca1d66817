// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Registers the service worker, hands it what this page loaded, asks it for the rest of the app
 * once the resident's first view is done and the connection is quiet, and signals waiting updates.
 */
import { language, storedLanguage, t } from "./i18n";

/** How long nothing must have loaded before the worker may fetch the rest of the app. */
export const QUIET_MS = 2000;
/** A view that keeps loading (a poll) delays the worker at most this long after the choice. */
export const QUIET_WAIT_MAX_MS = 15000;

export const updates = new EventTarget();
let waiting: ServiceWorker | null = null;

/**
 * Registers the worker once the page is loaded, the resident has chosen a language and the
 * connection is quiet ({@link whenQuiet}): on a first visit its download, its install and its
 * precache come after the first tap, never in its way. A returning visit is controlled already.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const start = () => void whenQuiet().then(register);
  if (document.readyState === "complete") start();
  else addEventListener("load", start);
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  // A worker that installs while another controls the page is an update: offer it. The very
  // first worker takes control by itself (clients.claim()) and needs no reload.
  let controlled = !!navigator.serviceWorker.controller;
  const offer = (worker: ServiceWorker | null) => {
    if (worker && navigator.serviceWorker.controller) {
      waiting = worker;
      updates.dispatchEvent(new Event("available"));
    }
  };
  offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) location.reload();
    controlled = true;
    cacheLoadedAssets();
    tellLanguage();
  });
  addEventListener("welkom:language", tellLanguage);
  const ready = await navigator.serviceWorker.ready;
  cacheLoadedAssets();
  tellLanguage();
  // The rest of the app, so that every view opens offline. To the active worker: on the first
  // visit it may not control the page yet (clients.claim() comes a moment later).
  ready.active?.postMessage({ type: "PRECACHE" });
}

/** When the page last finished loading something (a resource timing entry). */
let lastLoad = 0;

/**
 * Resolves once the resident has chosen a language (their first tap on a first visit: what it
 * needs comes first), nothing has loaded for {@link QUIET_MS}, no font is still loading (or
 * {@link QUIET_WAIT_MAX_MS} after the choice), and the browser is idle. Checked every QUIET_MS:
 * cheaper than any download it holds back.
 */
async function whenQuiet(): Promise<void> {
  new PerformanceObserver(() => {
    lastLoad = performance.now();
  }).observe({ type: "resource", buffered: true });
  let chosenAt: number | null = null;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (storedLanguage() === null) continue;
    chosenAt ??= performance.now();
    const quiet = performance.now() - lastLoad >= QUIET_MS && document.fonts?.status !== "loading";
    if (quiet || performance.now() - chosenAt >= QUIET_WAIT_MAX_MS) break;
  }
  await new Promise((resolve) =>
    "requestIdleCallback" in window ? requestIdleCallback(resolve, { timeout: QUIET_MS }) : setTimeout(resolve),
  );
}

/** The worker shows push notifications in this language (it fetches their text after waking). */
function tellLanguage(): void {
  navigator.serviceWorker.controller?.postMessage({
    type: "LANGUAGE",
    language: language(),
    fallback: t("You have a new message in Welkom."),
  });
}

/**
 * What the page loads before the worker controls it (on the first visit: its language chunk, the
 * session, the first view's data) never passes through the worker. Once it controls the page, hand
 * it every such URL, also those whose loading finishes later; it keeps a copy of each.
 */
let observing = false;
function cacheLoadedAssets(): void {
  if (observing || !navigator.serviceWorker.controller) return;
  observing = true;
  const post = (urls: string[]) => {
    const wanted = urls.filter(
      (url) => url.startsWith(location.origin) && /^\/(assets|fonts|api)\//.test(new URL(url).pathname),
    );
    if (wanted.length) navigator.serviceWorker.controller?.postMessage({ type: "CACHE_URLS", urls: wanted });
  };
  // The session decides what an offline start shows.
  post([location.origin + "/api/v1/auth/session"]);
  new PerformanceObserver((list) => post(list.getEntries().map((e) => e.name))).observe({
    type: "resource",
    buffered: true,
  });
}

export function hasUpdate(): boolean {
  return waiting !== null;
}

/** Activate the new version; the page reloads when it takes over. */
export function applyUpdate(): void {
  waiting?.postMessage({ type: "SKIP_WAITING" });
}
