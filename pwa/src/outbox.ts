/** The page's side of the offline queue: sending queued requests through the API. */
import { API_BASE, requestHeaders } from "./api";
import { Queue, outcomeFor, type Outcome, type QueuedRequest } from "./queue";

export const queue = new Queue();

export async function sendQueued(item: QueuedRequest): Promise<Outcome> {
  const headers = requestHeaders(item.method, {
    "Content-Type": "application/json",
    "Idempotency-Key": item.key,
  });
  const response = await fetch(API_BASE + item.path, {
    method: item.method,
    headers,
    body: JSON.stringify(item.body),
    credentials: API_BASE ? "include" : "same-origin",
  });
  let message = "";
  let type = "";
  if (!response.ok) {
    try {
      const problem = (await response.json()) as { detail?: string; title?: string; type?: string };
      message = problem.detail || problem.title || "";
      type = problem.type ?? "";
    } catch {
      /* no body */
    }
  }
  return outcomeFor(response.status, message, type);
}

export function flush(): Promise<void> {
  return queue.flush(sendQueued);
}

/** Send what waits now, whenever the connection comes back, and when the app becomes visible. */
export function startFlushing(): void {
  void flush();
  addEventListener("online", () => void flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && navigator.onLine) void flush();
  });
}
