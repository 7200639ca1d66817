// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Registers the service worker, hands it what this page loaded, and signals waiting updates. */
import { language, t } from "./i18n";

export const updates = new EventTarget();
let waiting: ServiceWorker | null = null;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  if (document.readyState === "complete") void register();
  else addEventListener("load", () => void register());
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
  await navigator.serviceWorker.ready;
  cacheLoadedAssets();
  tellLanguage();
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
