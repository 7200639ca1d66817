/**
 * Welkom's service worker: the app shell from a versioned precache, hashed assets cache-first,
 * API reads network-first with the last answer kept for offline use. Writes are never handled
 * here: the page queues them in IndexedDB (src/queue.ts) and sends them with their key.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

/** Filled in at build time (vite.config.ts). */
declare const __WELKOM_VERSION__: string;
declare const __WELKOM_PRECACHE__: string[];

const SHELL = `welkom-shell-${__WELKOM_VERSION__}`;
const ASSETS = "welkom-assets";
const API_CACHE = "welkom-api";
/** On a slow connection, answer from the cache after this long (the network answer still updates it). */
const API_TIMEOUT_MS = 3000;
/** API reads worth keeping for offline use; everything else under /api goes straight to the network. */
const CACHED_API = [
  /^\/api\/v1\/auth\/session$/,
  /^\/api\/v1\/me(\/(questions|journey|cases|notifications|documents|household|access-log|consents(\/entries)?))?\/?$/,
  /^\/api\/v1\/(services|languages)(\/.*)?$/,
];

sw.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(__WELKOM_PRECACHE__)));
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("welkom-shell-") && name !== SHELL) await caches.delete(name);
      }
      // Hashed assets of older versions: keep only what the new shell still names.
      const assets = await caches.open(ASSETS);
      const keep = new Set(__WELKOM_PRECACHE__.map((p) => new URL(p, sw.location.origin).href));
      for (const request of await assets.keys()) {
        if (!keep.has(request.url) && !request.url.includes("/fonts/")) {
          const stillUsed = await caches.match(request.url, { cacheName: SHELL });
          if (!stillUsed) await assets.delete(request);
        }
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener("message", (event) => {
  const data = event.data as { type?: string; urls?: string[] } | null;
  if (data?.type === "SKIP_WAITING") void sw.skipWaiting();
  if (data?.type === "CACHE_URLS" && Array.isArray(data.urls)) {
    // What the page loaded before this worker controlled it: keep a copy for offline use.
    const urls = data.urls
      .map((u) => new URL(u, sw.location.origin))
      .filter((url) => url.origin === sw.location.origin);
    const assets = urls.filter((url) => /^\/(assets|fonts)\//.test(url.pathname));
    const reads = urls.filter((url) => CACHED_API.some((re) => re.test(url.pathname)));
    event.waitUntil(
      (async () => {
        const cache = await caches.open(ASSETS);
        for (const url of assets) if (!(await cache.match(url))) await cache.add(url).catch(() => {});
        const api = await caches.open(API_CACHE);
        for (const url of reads) {
          if (await api.match(url, { ignoreVary: true })) continue;
          const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
          if (response?.status === 200) await api.put(url, response);
        }
      })(),
    );
  }
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(shell(request));
  } else if (url.pathname.startsWith("/api/")) {
    if (CACHED_API.some((re) => re.test(url.pathname))) event.respondWith(apiRead(event));
  } else if (/^\/(assets|fonts|icons)\//.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(staleWhileRevalidate(request));
  }
});

async function shell(request: Request): Promise<Response> {
  const cached = await caches.match("/", { cacheName: SHELL });
  return cached ?? fetch(request);
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
    return response;
  });
  if (cached) {
    network.catch(() => undefined);
    return cached;
  }
  return network;
}

/** Network first; the cached copy when offline, or when the network takes too long. */
async function apiRead(event: FetchEvent): Promise<Response> {
  const request = event.request;
  const cache = await caches.open(API_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.status === 200) await cache.put(request, response.clone());
    // Signed out or session expired: nothing personal stays on the phone.
    else if (response.status === 401) await caches.delete(API_CACHE);
    return response;
  });
  event.waitUntil(network.then(() => undefined, () => undefined));
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), API_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    /* offline: fall through to the cache */
  }
  // Ignore Vary (services vary on Accept-Language and Cookie): offline, the last answer this
  // signed-in person saw is better than none, and the cache is emptied when they sign out.
  const cached = await cache.match(request, { ignoreVary: true });
  if (!cached) return network;
  const headers = new Headers(cached.headers);
  headers.set("X-Welkom-From-Cache", "1");
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}
