// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The page's side of the offline queue: sending queued requests through the API. */
import { API_BASE, requestHeaders, type Problem } from "./api";
import { Queue, isMultipart, outcomeFor, toFormData, type MultipartBody, type Outcome, type QueuedRequest } from "./queue";

export const queue = new Queue();

export async function sendQueued(item: QueuedRequest): Promise<Outcome> {
  const multipart = isMultipart(item.body);
  const headers = requestHeaders(item.method, { "Idempotency-Key": item.key });
  // FormData sets its own multipart Content-Type with the boundary.
  if (!multipart && item.body !== undefined) headers.set("Content-Type", "application/json");
  const body =
    item.body === undefined ? undefined : multipart ? toFormData(item.body as MultipartBody) : JSON.stringify(item.body);
  const response = await fetch(API_BASE + item.path, {
    method: item.method,
    headers,
    body,
    credentials: API_BASE ? "include" : "same-origin",
  });
  let message = "";
  let type = "";
  let machine = false;
  if (!response.ok) {
    try {
      const problem = (await response.json()) as Problem;
      message = problem.detail || problem.title || "";
      type = problem.type ?? "";
      machine = problem.translation_state === "machine";
    } catch {
      /* no body */
    }
  }
  return outcomeFor(response.status, message, type, machine);
}

/** Seconds before trying again while something still waits online (the last one repeats). */
const RETRY_SECONDS = [2, 5, 15, 30, 60];
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;

/**
 * Send what waits. If something still waits while the phone is online (the first send after the
 * connection came back failed, or the server was busy), try again later by itself, slower each
 * time; a refused request waits for the person instead. Offline, the `online` event restarts it.
 */
export async function flush(): Promise<void> {
  clearTimeout(retryTimer);
  await queue.flush(sendQueued);
  const waiting = (await queue.list()).some((item) => !item.failed);
  if (!waiting) retries = 0;
  if (!waiting || !navigator.onLine) return;
  const delay = RETRY_SECONDS[Math.min(retries++, RETRY_SECONDS.length - 1)];
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flush(), delay * 1000);
}

/** Send what waits now, whenever the connection comes back, and when the app becomes visible. */
export function startFlushing(): void {
  void flush();
  addEventListener("online", () => void flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && navigator.onLine) void flush();
  });
}
