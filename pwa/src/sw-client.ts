/** Registers the service worker, hands it what this page loaded, and signals waiting updates. */

export const updates = new EventTarget();
let waiting: ServiceWorker | null = null;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  if (document.readyState === "complete") void register();
  else addEventListener("load", () => void register());
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  const hadController = !!navigator.serviceWorker.controller;
  const offer = (worker: ServiceWorker | null) => {
    if (worker && hadController) {
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
    if (hadController) location.reload();
    else cacheLoadedAssets();
  });
  await navigator.serviceWorker.ready;
  cacheLoadedAssets();
}

/** The first visit loaded its language chunk and data before the worker ran: let it keep a copy. */
function cacheLoadedAssets(): void {
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => /^\/(assets|fonts|api)\//.test(new URL(url).pathname) && url.startsWith(location.origin));
  // The session decides what an offline start shows; its first read may still be in flight.
  urls.push(location.origin + "/api/v1/auth/session");
  navigator.serviceWorker.controller?.postMessage({ type: "CACHE_URLS", urls });
}

export function hasUpdate(): boolean {
  return waiting !== null;
}

/** Activate the new version; the page reloads when it takes over. */
export function applyUpdate(): void {
  waiting?.postMessage({ type: "SKIP_WAITING" });
}
