/** Shared pieces of the resident's read views: loading an API read, and saying where it came from. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request } from "../api";
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

/** Loading, failed and "saved on this phone" notices for one read. */
export function ReadState({ read }: { read: Read<unknown> }) {
  if (read.data === null && read.failed)
    return <p class="error">{t("This could not be loaded. Check your connection and try again.")}</p>;
  if (read.data === null) return <p aria-busy="true">{t("Loading…")}</p>;
  if (read.fromCache) return <p class="hint">{t("Saved on this phone. It may not be up to date.")}</p>;
  return null;
}
