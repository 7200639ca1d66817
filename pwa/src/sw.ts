// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Welkom's service worker: the app shell from a versioned precache, hashed assets cache-first,
 * API reads network-first with the last answer kept for offline use. Writes are never handled
 * here: the page queues them in IndexedDB (src/queue.ts) and sends them with their key.
 *
 * On a first visit nothing here competes with the resident's first tap: the install keeps only
 * the shell the page has just loaded (from the HTTP cache; hashed assets are immutable), the page
 * hands over what else it loaded (CACHE_URLS: its language, a font, the first view's data) and the
 * rest of the app (the other views) is fetched one file at a time only when the page says its
 * first view after the language choice is done and the connection has gone quiet (PRECACHE).
 */
import type { components } from "./api-types"; // types only: nothing is bundled

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Filled in at build time (vite.config.ts): the shell at install, the rest of the app later. */
declare const __WELKOM_VERSION__: string;
declare const __WELKOM_SHELL__: string[];
declare const __WELKOM_PRECACHE__: string[];

const SHELL = `welkom-shell-${__WELKOM_VERSION__}`;
const ASSETS = "welkom-assets";
const API_CACHE = "welkom-api";
/** On a slow connection, answer from the cache after this long (the network answer still updates it). */
const API_TIMEOUT_MS = 3000;
/** API reads worth keeping for offline use; everything else under /api goes straight to the network. */
const CACHED_API = [
  /^\/api\/v1\/auth\/session$/,
  /^\/api\/v1\/me(\/(questions|journey|cases|notifications|documents|help-requests|household|access-log|consents(\/entries)?))?\/?$/,
  /^\/api\/v1\/(services|languages)(\/.*)?$/,
];

sw.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(__WELKOM_SHELL__)));
});

/** The running PRECACHE, if any: a second request while it runs shares it. */
let precaching: Promise<void> | null = null;

/**
 * The views and icons not cached yet, one after the other (never several downloads at once on a
 * slow link), so every view also opens offline. A file that cannot be fetched now is tried again
 * at the next PRECACHE.
 */
function precacheRest(): Promise<void> {
  precaching ??= (async () => {
    const cache = await caches.open(SHELL);
    for (const path of __WELKOM_PRECACHE__) {
      if (await caches.match(path)) continue; // loaded by the page already (CACHE_URLS)
      const response = await fetch(path).catch(() => null);
      if (response?.ok) await cache.put(path, response);
    }
  })().finally(() => {
    precaching = null;
  });
  return precaching;
}

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("welkom-shell-") && name !== SHELL) await caches.delete(name);
      }
      // Hashed assets of older versions: keep only what the new shell still names.
      const assets = await caches.open(ASSETS);
      const keep = new Set(
        [...__WELKOM_SHELL__, ...__WELKOM_PRECACHE__].map((p) => new URL(p, sw.location.origin).href),
      );
      for (const request of await assets.keys()) {
        if (!keep.has(request.url) && !/\/fonts\/|\.woff2$/.test(request.url)) {
          const stillUsed = await caches.match(request.url, { cacheName: SHELL });
          if (!stillUsed) await assets.delete(request);
        }
      }
      await sw.clients.claim();
    })(),
  );
});

/** URLs a CACHE_URLS is copying right now: the same URL named twice is fetched once. */
const handing = new Set<string>();

sw.addEventListener("message", (event) => {
  const data = event.data as { type?: string; urls?: string[] } | null;
  if (data?.type === "SKIP_WAITING") void sw.skipWaiting();
  if (data?.type === "PRECACHE") event.waitUntil(precacheRest());
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
        for (const url of assets) {
          if (handing.has(url.href) || (await caches.match(url))) continue;
          handing.add(url.href);
          // Hashed assets are immutable: this copy comes from the HTTP cache, not the network.
          await cache.add(url).catch(() => {});
          handing.delete(url.href);
        }
        const api = await caches.open(API_CACHE);
        for (const url of reads) {
          if (handing.has(url.href) || (await api.match(url, { ignoreVary: true }))) continue;
          handing.add(url.href);
          const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
          if (response?.status === 200) await api.put(url, response);
          handing.delete(url.href);
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
  if (url.pathname.startsWith("/staff/")) return; // the back office: always from the network
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

/**
 * Counts sign-outs (the page's SIGNED_OUT message, or a 401) in this worker: an API answer that
 * arrives after one, for a read started before it, is not written back into the emptied cache.
 */
let signOuts = 0;

function forgetApiReads(): Promise<boolean> {
  signOuts += 1;
  return caches.delete(API_CACHE);
}

sw.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SIGNED_OUT") event.waitUntil(forgetApiReads());
});

/** Network first; the cached copy when offline, or when the network takes too long. */
async function apiRead(event: FetchEvent): Promise<Response> {
  const request = event.request;
  const generation = signOuts;
  const network = fetch(request).then(async (response) => {
    if (response.status === 200 && generation === signOuts) {
      await (await caches.open(API_CACHE)).put(request, response.clone());
    }
    // Signed out or session expired: nothing personal stays on the phone.
    else if (response.status === 401) await forgetApiReads();
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
  const cached = await caches.match(request, { cacheName: API_CACHE, ignoreVary: true });
  if (!cached) return network;
  const headers = new Headers(cached.headers);
  headers.set("X-Welkom-From-Cache", "1");
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}

// ------------------------------------------------------------------------------------ Web Push
/**
 * A push carries no personal data, only `{kind, id}` of an inbox item (docs/notifications.md).
 * The worker wakes, fetches the item with the person's session in their language and shows it.
 * The page tells the worker the language and a fallback text in it (LANGUAGE message), kept in a
 * tiny cache entry because a worker has no localStorage and may be woken long after.
 */
const SETTINGS_CACHE = "welkom-settings";
const SETTINGS_URL = "/__welkom/settings";

interface WorkerSettings {
  language: string;
  /** Shown when the inbox cannot be read (offline, signed out): "You have a new message." */
  fallback: string;
}

/** Where a notification of each kind opens; anything else opens the inbox. */
const VIEW_FOR_KIND: Record<string, string> = {
  "question.registered": "questions",
  "question.answered": "questions",
  "document.registered": "cases",
  "case.status_changed": "cases",
  "journey.step_changed": "journey",
  "help_request.claimed": "help",
  "help_request.released": "help",
  "help_request.cancelled": "help",
  "service_info.changed": "services",
};

async function workerSettings(): Promise<WorkerSettings> {
  const cached = await (await caches.open(SETTINGS_CACHE)).match(SETTINGS_URL);
  const stored = cached ? ((await cached.json()) as Partial<WorkerSettings>) : {};
  return { language: stored.language || "nl", fallback: stored.fallback || "Welkom" };
}

sw.addEventListener("message", (event) => {
  const data = event.data as { type?: string; language?: string; fallback?: string } | null;
  if (data?.type !== "LANGUAGE" || typeof data.language !== "string") return;
  const settings: WorkerSettings = { language: data.language, fallback: String(data.fallback ?? "") };
  event.waitUntil(
    caches
      .open(SETTINGS_CACHE)
      .then((cache) => cache.put(SETTINGS_URL, new Response(JSON.stringify(settings)))),
  );
});

sw.addEventListener("push", (event) => {
  event.waitUntil(showPush(event.data));
});

async function showPush(data: PushMessageData | null): Promise<void> {
  let kind = "";
  let id = "";
  try {
    const payload = (data?.json() ?? {}) as { kind?: unknown; id?: unknown };
    kind = typeof payload.kind === "string" ? payload.kind : "";
    id = typeof payload.id === "string" && /^[0-9a-f-]{36}$/i.test(payload.id) ? payload.id : "";
  } catch {
    /* not JSON: show the fallback */
  }
  const settings = await workerSettings();
  // The same inbox item pushed twice (a resend after a crash) replaces, never doubles (tag).
  const tag = id ? `welkom-${id}` : "welkom";
  let title = "Welkom";
  let body = settings.fallback;
  if (id) {
    try {
      const response = await fetch(`/api/v1/me/notifications/${id}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json", "Accept-Language": settings.language },
      });
      if (response.ok) {
        const item = (await response.json()) as Partial<components["schemas"]["NotificationOut"]>;
        title = item.title || title;
        body = item.body || "";
      } else if (response.status === 401) {
        await forgetApiReads(); // signed out: nothing personal stays on the phone
      }
    } catch {
      /* offline: the fallback text */
    }
  }
  const view = VIEW_FOR_KIND[kind] ?? "notifications";
  await sw.registration.showNotification(title, {
    body,
    tag,
    lang: settings.language,
    dir: ["ar", "fa", "prs", "ps", "ckb"].includes(settings.language) ? "rtl" : "ltr",
    icon: "/icons/icon-192.png",
    data: { view, id },
  });
}

sw.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = (event.notification.data ?? {}) as { view?: string; id?: string };
  const view = /^[a-z-]+$/.test(data.view ?? "") ? data.view! : "notifications";
  event.waitUntil(openView(view, data.id));
});

/** Focus an open window on the view (or open one). `?read=<id>`: the page marks the item read
 * (a POST needs the page's CSRF token, which the worker does not have). */
async function openView(view: string, id: string | undefined): Promise<void> {
  const url = new URL(`/#/${view}${id ? `?read=${id}` : ""}`, sw.location.origin).href;
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
  if (open) {
    await open.focus();
    await open.navigate(url).catch(() => open.postMessage({ type: "OPEN", view }));
    return;
  }
  await sw.clients.openWindow(url);
}
