// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Helpers for the back office's forms and lists: a problem's field errors by input, retry-safe
 * keys, and one paged list (load, "Show more", error) for every list view.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { API_BASE, ApiError, formErrors, newIdempotencyKey, type Page, type Problem, problemText, request, requestHeaders } from "../api";
import { t } from "./i18n";

/** The input a problem's `field` (`text`, `$.text`, `body.text`) names, if it is one of `inputs`. */
export function inputFor<K extends string>(inputs: readonly K[]) {
  return (field: string | undefined): K | null => {
    const name = (field ?? "").replace(/^(\$\.|body\.)/, "");
    return (inputs as readonly string[]).includes(name) ? (name as K) : null;
  };
}

/** Sent when the API answers 401: the session ended (expired, or signed out elsewhere). */
export const SESSION_ENDED = "welkom:staff-session-ended";

function noticeSessionEnd(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) dispatchEvent(new Event(SESSION_ENDED));
}

/** What to show for a failed request; a 401 also asks the app to sign in again (views keep their state). */
export function failure(error: unknown, offline: string): string {
  noticeSessionEnd(error);
  return problemText(error, offline);
}

/** A failed submit as the form shows it: messages at their inputs, the rest at the form. */
export function submitErrors<K extends string>(
  error: unknown,
  inputs: readonly K[],
): { fields: Partial<Record<K, string>>; form: string } {
  noticeSessionEnd(error);
  if (!(error instanceof ApiError)) return { fields: {}, form: t("No connection. Nothing was sent; try again.") };
  const [fields, form] = formErrors(error.problem, inputFor(inputs));
  return { fields, form };
}

/**
 * One Idempotency-Key per body: a retry of the same body (after a lost answer) reuses the key, so
 * the API applies it once; a changed body gets a new key (the API refuses a key with another body).
 */
export class KeyPerBody {
  private body = "";
  private key = "";

  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (text !== this.body || !this.key) {
      this.body = text;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  /** After success: the next body, even an identical one, is a new submission. */
  reset(): void {
    this.body = "";
    this.key = "";
  }
}

/**
 * One GET's answer for a view or a part of one (a list that is not paged, a part of the file):
 * read again when `path` changes; a failure shows there only. An answer for a path no longer
 * shown is dropped.
 */
export function useLoaded<T>(path: string): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setData(null);
    setError(null);
    request<T>(path).then(
      (r) => current && setData(r.data),
      (e) => current && setError(failure(e, t("No connection. Try again."))),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return { data, error };
}

export interface List<T> {
  /** The rows loaded so far; null while the first page loads (or after it failed). */
  items: T[] | null;
  error: string | null;
  /** Loads the next page, or null when there is none. */
  more: (() => void) | null;
  /** Reads the list again from its first page. */
  reload: () => void;
}

/** `path` with `limit` and `cursor` added to its query. */
export function pagePath(path: string, limit: number, cursor?: string): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return `${path}${path.includes("?") ? "&" : "?"}${params}`;
}

/**
 * A paged list of the API (`Page<T>`: `items`, `next_cursor`): the first page when `path` (which
 * carries the filters) changes, the next on `more()`. An answer for a path no longer shown (the
 * filter changed meanwhile) is dropped.
 */
export function useList<T>(path: string, limit = 50): List<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(path);
  const load = useCallback(
    async (cursor?: string) => {
      try {
        const r = await request<Page<T>>(pagePath(path, limit, cursor));
        if (shown.current !== path) return;
        setItems((old) => [...(cursor ? (old ?? []) : []), ...r.data.items]);
        setNext(r.data.next_cursor);
        setError(null);
      } catch (e) {
        if (shown.current === path) setError(failure(e, t("No connection. Try again.")));
      }
    },
    [path, limit],
  );
  useEffect(() => {
    shown.current = path;
    setItems(null);
    setNext(null);
    setError(null);
    void load();
  }, [load]);
  return { items, error, more: next ? () => void load(next) : null, reload: () => void load() };
}

/**
 * Downloads a file of the API (a CSV export): fetched with the session like any request (so a
 * refusal is a problem to show, not a page of JSON), then saved through a Blob URL under
 * `filename`. Throws an `ApiError` for a problem, anything else when no answer came.
 */
export async function downloadFile(path: string, filename: string, accept = "text/csv"): Promise<void> {
  const headers = requestHeaders("GET");
  headers.set("Accept", `${accept}, application/problem+json`);
  const response = await fetch(API_BASE + path, {
    headers,
    credentials: API_BASE ? "include" : "same-origin",
  });
  if (!response.ok) {
    const text = await response.text();
    let problem: Problem = {};
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // not a problem document: the status says enough
    }
    const error = new ApiError(response.status, problem);
    noticeSessionEnd(error);
    throw error;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
