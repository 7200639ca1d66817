// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Shared pieces of the resident's read views: loading an API read, and saying where it came from. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Page } from "../api";
import { t } from "../i18n";

export interface Read<T> {
  data: T | null;
  /** The service worker answered from its cache (offline or slow network). */
  fromCache: boolean;
  /** The last good answer's headers (an ETag, for instance). */
  headers: Headers | null;
  failed: boolean;
  reload(): Promise<void>;
}

/** GET an API path (null: nothing to load yet); the last good answer stays while reloading. */
export function useRead<T>(path: string | null): Read<T> {
  const [data, setData] = useState<T | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [headers, setHeaders] = useState<Headers | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const r = await request<T>(path);
      setData(r.data);
      setFromCache(r.fromCache);
      setHeaders(r.headers);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, fromCache, headers, failed, reload };
}

export interface PagedRead<T> {
  /** The first page's read (its loading and cache notices). */
  read: Read<Page<T>>;
  /** The first page and every page loaded since. */
  items: T[];
  /** Whether there is a next page. */
  hasMore: boolean;
  loadMore(): Promise<void>;
}

/**
 * GET a cursor-paged list (`path` has a query string); further pages on request. Pages loaded
 * for another path (a new search) do not count.
 */
export function usePagedRead<T>(path: string): PagedRead<T> {
  const read = useRead<Page<T>>(path);
  const [more, setMore] = useState<{ path: string; items: T[]; next: string | null } | null>(null);
  const extra = more?.path === path ? more : null;
  const next = extra ? extra.next : (read.data?.next_cursor ?? null);
  const loadMore = async () => {
    if (!next) return;
    const r = await request<Page<T>>(`${path}&cursor=${encodeURIComponent(next)}`);
    setMore({ path, items: [...(extra?.items ?? []), ...r.data.items], next: r.data.next_cursor });
  };
  return { read, items: [...(read.data?.items ?? []), ...(extra?.items ?? [])], hasMore: next !== null, loadMore };
}

/** Loading, failed and "saved on this phone" notices for one read. */
export function ReadState({ read }: { read: Read<unknown> }) {
  if (read.data === null && read.failed)
    return <p class="error">{t("This could not be loaded. Check your connection and try again.")}</p>;
  if (read.data === null) return <p aria-busy="true">{t("Loading…")}</p>;
  if (read.fromCache) return <p class="hint">{t("Saved on this phone. It may not be up to date.")}</p>;
  return null;
}
